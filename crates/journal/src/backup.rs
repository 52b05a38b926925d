//! Backups of the journal in a `backups/` folder beside it, and restoring one.
//!
//! - [`daily`] at the first start of each day (the app runs it in the background; a failure
//!   is reported, never blocks logging), [`now`] on demand, [`before_change`] before an import
//!   or a restore writes anything, [`to_file`] to a file of the user's choice.
//! - Each backup is a consistent copy made with SQLite's online backup API, switched to a
//!   single-file (rollback journal) database, checked with `integrity_check`, written under a
//!   `.partial` name and renamed: a kill never leaves a half backup under a backup's name.
//! - Owner-only: the folder is 0700, every file 0600.
//! - Rotation keeps the newest [`KEEP_DAILY`] daily backups, then the newest one of each of
//!   the [`KEEP_WEEKLY`] most recent older weeks, and the newest [`KEEP_SAFETY`] backups made
//!   before an import or a restore.
//!
//! Files are named after the journal file's stem, so two journals sharing a folder (the
//! release and the development journal) never rotate or wipe each other's backups:
//! `journal-2026-11-27.sqlite3` (daily), `journal-2026-11-27-143005-before-import.sqlite3`.

use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::store::{create_private_dir, schema};
use crate::wipe::{side_files, with_suffix};
use crate::{Error, Journal, Result};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 8;
pub const KEEP_SAFETY: usize = 5;

const EXT: &str = ".sqlite3";
const PARTIAL: &str = ".partial";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "BackupKind")]
pub enum Kind {
    /// The automatic backup of the day (or `ldn-journal backup`).
    Daily,
    /// Made just before an import changed the journal.
    BeforeImport,
    /// Made just before a restore replaced the journal.
    BeforeRestore,
    /// A file outside the backups folder (`ldn-journal backup -o FILE`, a file the user picked).
    File,
}

impl Kind {
    fn suffix(self) -> &'static str {
        match self {
            Kind::BeforeImport => "before-import",
            Kind::BeforeRestore => "before-restore",
            Kind::Daily | Kind::File => "",
        }
    }
}

/// What a backup holds, for listing and for confirming a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BackupInfo {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub kind: Kind,
    /// When the file was written (local time, from the file itself).
    #[ts(type = "string")]
    pub created: NaiveDateTime,
    pub days: u32,
    #[ts(type = "string | null")]
    pub first: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub last: Option<NaiveDate>,
    pub schema_version: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The folder holding the backups of the journal at `journal`.
pub fn dir(journal: &Path) -> PathBuf {
    journal.parent().unwrap_or(Path::new("")).join("backups")
}

/// The automatic backup of the day: writes `backups/<stem>-<today>.sqlite3` unless it exists,
/// then rotates. `None` when today's backup was already made.
pub fn daily(j: &Journal, today: NaiveDate) -> Result<Option<BackupInfo>> {
    let dest = dir(j.path()).join(format!("{}-{today}{EXT}", stem(j.path())));
    if dest.is_file() {
        return Ok(None);
    }
    let info = write(j, &dest, Kind::Daily)?;
    rotate(j.path())?;
    Ok(Some(info))
}

/// A backup on demand: today's daily backup, replaced if it exists.
pub fn now(j: &Journal, today: NaiveDate) -> Result<BackupInfo> {
    let dest = dir(j.path()).join(format!("{}-{today}{EXT}", stem(j.path())));
    let info = write(j, &dest, Kind::Daily)?;
    rotate(j.path())?;
    Ok(info)
}

/// The safety backup made before an import or a restore changes anything. Callers stop if
/// it fails: nothing is changed without a way back.
pub fn before_change(j: &Journal, kind: Kind) -> Result<BackupInfo> {
    let at = chrono::Local::now().naive_local();
    let name = format!("{}-{}-{}{EXT}", stem(j.path()), at.format("%Y-%m-%d-%H%M%S"), kind.suffix());
    let info = write(j, &dir(j.path()).join(name), kind)?;
    rotate(j.path())?;
    Ok(info)
}

/// A checked backup written to a file of the user's choice (owner-only, whole or not at all).
pub fn to_file(j: &Journal, dest: &Path) -> Result<BackupInfo> {
    if dest == j.path() {
        return Err(Error::invalid("output", "the backup cannot overwrite the journal itself"));
    }
    write(j, dest, Kind::File)
}

/// The journal's backups, newest first. Files that are not readable journals are left out.
pub fn list(journal: &Path) -> Result<Vec<BackupInfo>> {
    let d = dir(journal);
    let entries = match fs::read_dir(&d) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(d, e)),
    };
    let stem = stem(journal);
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(kind) = parse_name(&stem, &name).map(|(k, _)| k) else { continue };
        if let Ok(mut info) = inspect(&e.path()) {
            info.kind = kind;
            out.push(info);
        }
    }
    out.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

/// What the journal file (or backup) at `file` holds, read without changing it.
pub fn inspect(file: &Path) -> Result<BackupInfo> {
    crate::store::check_header(file)?;
    // `immutable` reads the file alone: no lock, WAL or shared-memory file is created beside
    // it. Backups are single-file databases, so nothing is missed.
    let conn = Connection::open_with_flags(
        format!("file:{}?immutable=1", uri_path(file)),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| crate::store::open_error(file, e))?;
    let bad = |e: rusqlite::Error| match crate::store::open_error(file, e) {
        Error::Database(e) => Error::Corrupt { path: file.to_path_buf(), detail: e.to_string() },
        other => other,
    };
    let version = supported_version(&conn, file)?;
    crate::store::schema::check_structure(&conn, file)?;
    let (days, first, last) = conn
        .query_row("SELECT count(*), min(date), max(date) FROM day", [], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
        })
        .map_err(bad)?;
    let meta = fs::metadata(file).map_err(|e| Error::io(file, e))?;
    let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    Ok(BackupInfo {
        path: file.to_path_buf(),
        kind: Kind::File,
        created: local(meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)),
        days,
        first: date(first),
        last: date(last),
        schema_version: u32::try_from(version).unwrap_or(0),
        bytes: meta.len(),
    })
}

/// Replaces the journal with the backup at `file`.
///
/// The backup is copied beside the journal, checked (`integrity_check`, an LDN Journal at a
/// version this app reads) and brought to the current schema before anything else happens.
/// Then the current journal is backed up ([`Kind::BeforeRestore`]), closed, and the checked
/// copy renamed over it: at every instant the journal file is either the old journal or the
/// new one, whole. Returns the restored journal, open.
///
/// On an error the journal passed in is closed but unchanged: open it again.
pub fn restore(j: Journal, file: &Path) -> Result<Journal> {
    let path = j.path().to_path_buf();
    let tmp = restore_temp(&path);
    let result = prepare(file, &tmp).and_then(|()| swap(j, &tmp));
    if result.is_err() {
        remove_with_side_files(&tmp);
    }
    result?;
    Journal::open(&path)
}

/// Copies `file` (and its WAL, if it has one) to `tmp`, checks it and migrates it.
fn prepare(file: &Path, tmp: &Path) -> Result<()> {
    crate::store::check_header(file)?;
    remove_with_side_files(tmp);
    copy_private(file, tmp)?;
    let wal = with_suffix(file, "-wal");
    if wal.is_file() {
        copy_private(&wal, &with_suffix(tmp, "-wal"))?;
    }
    let conn = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| crate::store::open_error(file, e))?;
    let corrupt = |detail: String| Error::Corrupt { path: file.to_path_buf(), detail };
    let check: String =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(check));
    }
    supported_version(&conn, file)?;
    crate::store::schema::check_structure(&conn, file)?;
    conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0))?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    // Opening as a journal migrates an older schema; closing checkpoints its WAL away.
    let (_, closed) = Journal::open(tmp)?.close();
    closed?;
    sync_file(tmp)
}

/// Backs up and closes the current journal, then renames the prepared copy over it.
fn swap(j: Journal, tmp: &Path) -> Result<()> {
    before_change(&j, Kind::BeforeRestore)?;
    // Move every committed page into the database file, so the file alone is the old journal.
    let busy: i64 = j.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::Busy);
    }
    let (path, closed) = j.close();
    closed?;
    // Another program still holding the journal keeps its WAL alive; replacing the file under
    // it would let that WAL be replayed into the restored journal.
    if with_suffix(&path, "-wal").exists() {
        return Err(Error::Busy);
    }
    let _ = fs::remove_file(with_suffix(&path, "-shm"));
    fs::rename(tmp, &path).map_err(|e| Error::io(&path, e))?;
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(d);
    }
    Ok(())
}

/// Writes a checked backup of `j` to `dest` through `dest.partial`.
fn write(j: &Journal, dest: &Path, kind: Kind) -> Result<BackupInfo> {
    let failed = |reason: String| Error::Backup { path: dest.to_path_buf(), reason };
    if kind != Kind::File {
        let d = dest.parent().unwrap_or(Path::new(""));
        create_private_dir(d)?;
        make_private(d, 0o700)?;
    }
    let tmp = with_suffix(dest, PARTIAL);
    remove_with_side_files(&tmp);
    create_private(&tmp)?;
    let result = (|| {
        let mut conn =
            Connection::open_with_flags(&tmp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        copy_pages(j.conn(), &mut conn)?;
        // A single file, so that copying or inspecting a backup never needs a WAL beside it.
        conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0))?;
        let check: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(failed(format!("the copy failed its integrity check: {check}")));
        }
        supported_version(&conn, dest)?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        sync_file(&tmp)?;
        fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir(dest.parent().unwrap_or(Path::new(".")));
        Ok(())
    })();
    if let Err(e) = result {
        remove_with_side_files(&tmp);
        return Err(match e {
            Error::Database(e) => failed(e.to_string()),
            other => other,
        });
    }
    let mut info = inspect(dest)?;
    info.kind = kind;
    Ok(info)
}

/// Copies every page of `from` in one step (a 10-year journal is a few MB), waiting a little
/// if another program holds a lock.
fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    use rusqlite::backup::StepResult;
    let b = rusqlite::backup::Backup::new(from, to)?;
    for _ in 0..50 {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    Err(Error::Busy)
}

/// Deletes the backups rotation no longer keeps, and `.partial` files older than an hour
/// (a backup that was killed half-way).
fn rotate(journal: &Path) -> Result<()> {
    let d = dir(journal);
    let stem = stem(journal);
    let mut daily = Vec::new();
    let mut safety = Vec::new();
    for e in fs::read_dir(&d).map_err(|e| Error::io(&d, e))?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(PARTIAL) && belongs(&stem, &name) {
            let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
            if old.is_some_and(|age| age > Duration::from_secs(3600)) {
                remove_with_side_files(&e.path());
            }
            continue;
        }
        match parse_name(&stem, &name) {
            Some((Kind::Daily, at)) => daily.push((at.date(), e.path())),
            Some((_, at)) => safety.push((at, e.path())),
            None => {}
        }
    }
    let keep = keep_daily(&daily.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    let mut doomed: Vec<&PathBuf> = daily.iter().filter(|(d, _)| !keep.contains(d)).map(|(_, p)| p).collect();
    safety.sort_by(|a, b| b.cmp(a));
    doomed.extend(safety.iter().skip(KEEP_SAFETY).map(|(_, p)| p));
    for p in doomed {
        fs::remove_file(p).map_err(|e| Error::io(p, e))?;
    }
    Ok(())
}

/// Which of the daily backups (by date) rotation keeps: the newest [`KEEP_DAILY`], then the
/// newest of each of the next [`KEEP_WEEKLY`] ISO weeks.
pub fn keep_daily(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut sorted: Vec<NaiveDate> = dates.to_vec();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.dedup();
    let mut keep: BTreeSet<NaiveDate> = sorted.iter().take(KEEP_DAILY).copied().collect();
    let mut weeks = BTreeSet::new();
    for d in sorted.iter().skip(KEEP_DAILY) {
        let w = d.iso_week();
        if weeks.len() == KEEP_WEEKLY {
            break;
        }
        if weeks.insert((w.year(), w.week())) {
            keep.insert(*d);
        }
    }
    keep
}

/// `(kind, when)` for a backup file name of the journal with file stem `stem`.
fn parse_name(stem: &str, name: &str) -> Option<(Kind, NaiveDateTime)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(EXT)?;
    if let Ok(d) = NaiveDate::parse_from_str(rest, "%Y-%m-%d") {
        return Some((Kind::Daily, d.and_hms_opt(0, 0, 0)?));
    }
    let (at, reason) = rest.get(..17).zip(rest.get(18..))?;
    let kind = [Kind::BeforeImport, Kind::BeforeRestore].into_iter().find(|k| k.suffix() == reason)?;
    Some((kind, NaiveDateTime::parse_from_str(at, "%Y-%m-%d-%H%M%S").ok()?))
}

/// Whether `name` in the backups folder belongs to the journal with stem `stem`: the stem,
/// a dash, then a date (`journal-dev-…` does not belong to `journal`).
pub(crate) fn belongs(stem: &str, name: &str) -> bool {
    name.strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.get(..10))
        .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
}

pub(crate) fn stem(journal: &Path) -> String {
    journal.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "journal".into())
}

/// The schema version of an LDN Journal this app can read, or why it cannot.
fn supported_version(conn: &Connection, file: &Path) -> Result<i64> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = schema::version(conn)?;
    if app_id != schema::APPLICATION_ID || version < 1 {
        return Err(Error::NotAJournal { path: file.to_path_buf() });
    }
    if version > schema::LATEST {
        return Err(Error::NewerVersion { path: file.to_path_buf(), found: version, supported: schema::LATEST });
    }
    Ok(version)
}

/// Where a restore writes the incoming journal before it replaces the current one.
pub(crate) fn restore_temp(journal: &Path) -> PathBuf {
    with_suffix(journal, ".restoring")
}

fn create_private(p: &Path) -> Result<()> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(p).map(drop).map_err(|e| Error::io(p, e))
}

fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = fs::File::open(from).map_err(|e| Error::io(from, e))?;
    let _ = fs::remove_file(to);
    create_private(to)?;
    let mut dst = fs::OpenOptions::new().write(true).open(to).map_err(|e| Error::io(to, e))?;
    std::io::copy(&mut src, &mut dst).map_err(|e| io_or_full(to, e))?;
    dst.sync_all().map_err(|e| io_or_full(to, e))
}

fn io_or_full(p: &Path, e: std::io::Error) -> Error {
    if e.kind() == ErrorKind::StorageFull { Error::DiskFull } else { Error::io(p, e) }
}

/// Tightens the permissions of a folder we own (one made by an older version or by hand).
fn make_private(p: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let current = fs::metadata(p).map_err(|e| Error::io(p, e))?.permissions().mode() & 0o777;
        if current != mode {
            fs::set_permissions(p, fs::Permissions::from_mode(mode)).map_err(|e| Error::io(p, e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (p, mode);
    Ok(())
}

fn remove_with_side_files(p: &Path) {
    for f in side_files(p).iter().chain([&p.to_path_buf()]) {
        let _ = fs::remove_file(f);
    }
}

fn sync_file(p: &Path) -> Result<()> {
    fs::File::open(p).and_then(|f| f.sync_all()).map_err(|e| io_or_full(p, e))
}

/// Makes a rename or removal in `dir` durable. Best effort: not every platform can open a
/// directory for syncing.
pub(crate) fn sync_dir(dir: &Path) {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn local(t: SystemTime) -> NaiveDateTime {
    chrono::DateTime::<chrono::Local>::from(t).naive_local()
}

/// A path for an SQLite URI: `%`, `?` and `#` percent-encoded.
fn uri_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}
