//! Backups of the journal in a `backups/` folder beside it, and restoring one.
//!
//! - [`daily`] at the first start of each day (the app runs it in the background; a failure
//!   is reported, never blocks logging), [`now`] on demand, [`before_change`] before an import
//!   or a restore writes anything, [`to_file`] to a file of the user's choice.
//! - Each backup is a consistent copy made with SQLite's online backup API, switched to a
//!   single-file (rollback journal) database, checked with `integrity_check`, written to a new
//!   `.partial` file and then given its name: a kill never leaves a half backup under a
//!   backup's name, and a backup never replaces another file.
//! - Owner-only: the folder is 0700, every file 0600.
//! - Every backup carries a sequence number (`-n42`), one more than the highest in the folder,
//!   so backups are ranked by the order they were written, whatever the clock says (set back,
//!   a dead battery, travel). Rotation keeps the newest [`KEEP_DAILY`] daily backups (one per
//!   date, the newest of that date), then the newest one of each of the [`KEEP_WEEKLY`] next
//!   ISO weeks, and the newest [`KEEP_SAFETY`] backups made before an import or a restore. It
//!   never deletes the backup it was run for.
//!
//! Files are named after the journal file's stem, so two journals sharing a folder (the
//! release and the development journal) never rotate or wipe each other's backups:
//! `journal-2026-11-27-n12.sqlite3` (daily),
//! `journal-2026-11-27-143005-before-import-n13.sqlite3`. Names without a sequence number
//! (made by earlier versions) are still listed, restored and rotated: they rank below every
//! numbered backup, by the date and time in their name.

use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::files::{self, io_or_full, remove_with_side_files, sync_dir, sync_file, with_suffix};
use crate::store::{FileKind, Summary, connect, create_private_dir, file_kind, schema};
use crate::{Error, Journal, Key, Result};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 8;
pub const KEEP_SAFETY: usize = 5;

const EXT: &str = ".sqlite3";
pub(crate) const PARTIAL: &str = ".partial";

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
    /// The file's name: how the app names a listed backup to restore (never by its path).
    pub name: String,
    pub kind: Kind,
    /// When the file was written (local time, from the file itself).
    pub created: NaiveDateTime,
    /// What it holds, as [`Journal::check`] reports it for the journal.
    #[serde(flatten)]
    pub summary: Summary,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The folder holding the backups of the journal at `journal`.
pub use crate::files::backups_dir as dir;

/// The automatic backup of the day: writes `backups/<stem>-<today>-n<seq>.sqlite3` unless a
/// daily backup dated `today` exists, then rotates. `None` when today's backup was already made.
pub fn daily(j: &Journal, today: NaiveDate) -> Result<Option<BackupInfo>> {
    if entries(j.path())?.iter().any(|(n, _)| n.kind == Kind::Daily && n.at.date() == today) {
        return Ok(None);
    }
    make(j, Kind::Daily, &format!("{}-{today}", stem(j.path()))).map(Some)
}

/// A backup on demand: a new daily backup dated `today`, which replaces (in rotation) the
/// earlier ones of that date.
pub fn now(j: &Journal, today: NaiveDate) -> Result<BackupInfo> {
    make(j, Kind::Daily, &format!("{}-{today}", stem(j.path())))
}

/// The safety backup made before an import or a restore changes anything. Callers stop if
/// it fails: nothing is changed without a way back.
pub fn before_change(j: &Journal, kind: Kind) -> Result<BackupInfo> {
    make(j, kind, &safety_base(j.path(), kind))
}

/// [`before_change`] for a journal whose own connection is inside a write transaction (an
/// import): the copy is read on a connection of its own, which sees the last commit.
pub(crate) fn before_change_of(journal: &Path, key: Option<&Key>, kind: Kind) -> Result<BackupInfo> {
    let conn = connect(journal, journal, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let info = make_from(&conn, journal, key, kind, &safety_base(journal, kind));
    drop(conn);
    info
}

fn safety_base(journal: &Path, kind: Kind) -> String {
    let at = chrono::Local::now().naive_local();
    format!("{}-{}-{}", stem(journal), at.format("%Y-%m-%d-%H%M%S"), kind.suffix())
}

/// A checked backup written to a file of the user's choice (owner-only, whole or not at all).
/// Refuses the journal itself, its side files and its backups folder
/// ([`files::check_destination`]).
pub fn to_file(j: &Journal, dest: &Path) -> Result<BackupInfo> {
    files::check_destination(j.path(), dest)?;
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "backup".into());
    let tmp = checked_copy(j.conn(), j.key(), files::folder(dest), &name, dest)?;
    if let Err(e) = fs::rename(&tmp, dest) {
        remove_with_side_files(&tmp);
        return Err(io_or_full(dest, e));
    }
    sync_dir(files::folder(dest));
    let mut info = inspect(dest, j.key())?;
    info.kind = Kind::File;
    Ok(info)
}

/// The journal's backups, newest first. Files that are not readable journals are left out,
/// and so are encrypted backups that `key` (the journal's key) does not open.
pub fn list(journal: &Path, key: Option<&Key>) -> Result<Vec<BackupInfo>> {
    let mut out = Vec::new();
    for (n, path) in entries(journal)? {
        if let Ok(mut info) = inspect(&path, key) {
            info.kind = n.kind;
            out.push((n.rank(), info));
        }
    }
    // In the order they were written (the sequence number), not by a clock.
    out.sort_by(|(ra, a), (rb, b)| {
        rb.cmp(ra).then_with(|| b.created.cmp(&a.created)).then_with(|| b.path.cmp(&a.path))
    });
    Ok(out.into_iter().map(|(_, info)| info).collect())
}

/// What the journal file (or backup) at `file` holds, read without changing it. An encrypted
/// file needs `key` (no key derivation happens here).
pub fn inspect(file: &Path, key: Option<&Key>) -> Result<BackupInfo> {
    let key = key_for(file, key)?;
    // `immutable` reads the file alone: no lock, WAL or shared-memory file is created beside
    // it. Backups are single-file databases, so nothing is missed.
    let uri = format!("file:{}?immutable=1", uri_path(file));
    let conn = connect(file, Path::new(&uri), OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI, key)?;
    let bad = |e: rusqlite::Error| match crate::store::open_error(file, e) {
        Error::Database(e) => Error::Corrupt { path: file.to_path_buf(), detail: e.to_string() },
        other => other,
    };
    schema::journal_version(&conn, file)?;
    schema::check_structure(&conn, file)?;
    let summary = Summary::read(&conn).map_err(bad)?;
    let meta = fs::metadata(file).map_err(|e| Error::io(file, e))?;
    Ok(BackupInfo {
        path: file.to_path_buf(),
        name: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        kind: Kind::File,
        created: local(meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)),
        summary,
        bytes: meta.len(),
    })
}

/// The key to open the existing file at `file` with: none for a plain file, `key` for an
/// encrypted one ([`Error::Locked`] without one).
fn key_for<'k>(file: &Path, key: Option<&'k Key>) -> Result<Option<&'k Key>> {
    fs::metadata(file).map_err(|e| Error::io(file, e))?;
    match file_kind(file)? {
        FileKind::Plain => Ok(None),
        FileKind::Encrypted => key.map(Some).ok_or_else(|| Error::Locked { path: file.to_path_buf() }),
        FileKind::Missing => Err(Error::NotAJournal { path: file.to_path_buf() }),
    }
}

/// Replaces the journal with the backup at `file`.
///
/// The backup is copied beside the journal, checked (`integrity_check`, an LDN Journal at a
/// version this app reads) and brought to the current schema before anything else happens.
/// Then the current journal is backed up ([`Kind::BeforeRestore`]), closed, and the checked
/// copy renamed over it: at every instant the journal file is either the old journal or the
/// new one, whole. Returns the restored journal, open.
///
/// The restored journal keeps the journal's encryption: a plain backup restored into an
/// encrypted journal is encrypted with its key. An encrypted backup opens with the journal's
/// key (backups share it); one made before the passphrase changed is refused with
/// [`Error::WrongPassphrase`].
///
/// On an error the journal passed in is closed but unchanged: open it again.
pub fn restore(j: Journal, file: &Path) -> Result<Journal> {
    let path = j.path().to_path_buf();
    let key = j.key().cloned();
    files::check_source(&path, file)?;
    let tmp = files::restore_temp(&path);
    let result = prepare(file, key.as_ref(), &tmp, key.as_ref()).and_then(|()| swap(j, &tmp));
    if result.is_err() {
        remove_with_side_files(&tmp);
    }
    result?;
    Journal::open_with(&path, key)
}

/// Replaces a journal file that LDN Journal refuses to open (damaged, not a journal, written
/// by a newer version, holding objects it does not use) with the backup at `file`: the way out
/// that the refusal's message points to. The refused file is not deleted: it is renamed, with
/// its side files, to `<journal>.refused-<date>-<time>` beside it, and that name is returned
/// with the restored journal, open. A journal that opens is refused here: [`restore`] it.
///
/// An encrypted backup needs its `key`; the restored journal is encrypted as the backup is.
pub fn restore_over_refused(path: &Path, file: &Path, key: Option<Key>) -> Result<(Journal, PathBuf)> {
    match Journal::open_with(path, key.clone()) {
        Ok(_) => return Err(Error::invalid("journal", "the journal opens normally; restore it the usual way")),
        Err(Error::Corrupt { .. } | Error::NotAJournal { .. } | Error::NewerVersion { .. }) => {}
        Err(e) => return Err(e),
    }
    files::check_source(path, file)?;
    let tmp = files::restore_temp(path);
    let file_key = key_for(file, key.as_ref())?;
    let swapped = prepare(file, file_key, &tmp, file_key).and_then(|()| {
        let aside = set_aside(path)?;
        fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
        sync_dir(files::folder(path));
        Ok(aside)
    });
    if swapped.is_err() {
        remove_with_side_files(&tmp);
    }
    let aside = swapped?;
    Ok((Journal::open_with(path, file_key.cloned())?, aside))
}

/// The files [`restore_over_refused`] set aside beside the journal at `path`.
pub(crate) fn refused_copies(path: &Path) -> Result<Vec<PathBuf>> {
    let prefix = format!("{}.refused-", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
    let folder = files::folder(path);
    let entries = match fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(folder, e)),
    };
    Ok(entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.strip_prefix(&prefix)
                .is_some_and(|rest| !rest.ends_with("-wal") && !rest.ends_with("-shm") && !rest.ends_with("-journal"))
        })
        .map(|n| path.with_file_name(n))
        .collect())
}

/// Renames the file at `path` and its side files to a new `<name>.refused-<when>` beside it.
fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let aside = (0..1000)
        .map(|i| match i {
            0 => path.with_file_name(format!("{name}.refused-{stamp}")),
            i => path.with_file_name(format!("{name}.refused-{stamp}-{i}")),
        })
        .find(|p| files::side_files(p).iter().chain([p]).all(|f| fs::symlink_metadata(f).is_err()))
        .ok_or(Error::Busy)?;
    for (from, to) in files::side_files(path).iter().zip(files::side_files(&aside).iter()) {
        match fs::rename(from, to) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(Error::io(from, e)),
            _ => {}
        }
    }
    fs::rename(path, &aside).map_err(|e| Error::io(path, e))?;
    Ok(aside)
}

/// Copies `file` (and its WAL, if it has one) to `tmp`, checks it and migrates it. `key`
/// opens an encrypted `file`; the copy is encrypted with `target` (plain for `None`).
fn prepare(file: &Path, key: Option<&Key>, tmp: &Path, target: Option<&Key>) -> Result<()> {
    let key = key_for(file, key)?;
    remove_with_side_files(tmp);
    files::copy_private(file, tmp)?;
    let wal = with_suffix(file, "-wal");
    if wal.is_file() {
        files::copy_private(&wal, &with_suffix(tmp, "-wal"))?;
    }
    let conn = connect(file, tmp, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
    let corrupt = |detail: String| Error::Corrupt { path: file.to_path_buf(), detail };
    let check: String =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(check));
    }
    schema::journal_version(&conn, file)?;
    schema::check_structure(&conn, file)?;
    conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0))?;
    if key.map(Key::salt) != target.map(Key::salt) {
        // Encrypted, decrypted or re-keyed to match the journal it replaces.
        let converted = with_suffix(tmp, ".converting");
        remove_with_side_files(&converted);
        let written = crate::encryption::export(&conn, file, &converted, target);
        drop(conn);
        written.inspect_err(|_| remove_with_side_files(&converted))?;
        remove_with_side_files(tmp);
        fs::rename(&converted, tmp).map_err(|e| Error::io(tmp, e))?;
    } else {
        conn.close().map_err(|(_, e)| Error::from(e))?;
    }
    // Opening as a journal migrates an older schema; closing checkpoints its WAL away.
    let (_, closed) = Journal::open_with(tmp, target.cloned())?.close();
    closed?;
    sync_file(tmp)
}

/// Backs up and closes the current journal, then renames the prepared copy over it.
fn swap(j: Journal, tmp: &Path) -> Result<()> {
    // Refused before the safety backup, so refused attempts never rotate good backups away.
    let key = j.key().cloned();
    let path = close_alone(j)?;
    let j = Journal::open_with(&path, key)?;
    before_change(&j, Kind::BeforeRestore)?;
    let path = close_alone(j)?;
    let _ = fs::remove_file(with_suffix(&path, "-shm"));
    fs::rename(tmp, &path).map_err(|e| Error::io(&path, e))?;
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(d);
    }
    Ok(())
}

/// Closes `j` and gives back its path, or refuses with [`Error::InUse`] when another
/// connection (the app, another command, the app's background backup) still has the journal
/// open. Either way `j` is closed; the file is unchanged.
///
/// Replacing or deleting the file under another connection would let it write into a deleted
/// file (lost saves), or replay its WAL into a restored journal.
pub(crate) fn close_alone(j: Journal) -> Result<PathBuf> {
    // Move every committed page into the database file, so the file alone is the journal.
    let busy: i64 = j.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    let (path, closed) = j.close();
    if busy != 0 {
        return Err(Error::InUse);
    }
    closed?;
    // The last connection to close removes the WAL; another one keeps it.
    if with_suffix(&path, "-wal").exists() {
        return Err(Error::InUse);
    }
    Ok(path)
}

/// Writes a new checked backup of the journal `j` into its backups folder.
fn make(j: &Journal, kind: Kind, base: &str) -> Result<BackupInfo> {
    make_from(j.conn(), j.path(), j.key(), kind, base)
}

/// Writes a new checked backup of `src` (the journal at `journal`, encrypted with `key`) into
/// the backups folder as `<base>-n<seq>.sqlite3`, never replacing a file, then rotates.
fn make_from(src: &Connection, journal: &Path, key: Option<&Key>, kind: Kind, base: &str) -> Result<BackupInfo> {
    let d = dir(journal);
    create_private_dir(&d)?;
    files::make_private(&d, 0o700)?;
    let tmp = checked_copy(src, key, &d, base, &d.join(format!("{base}{EXT}")))?;
    let published = (|| {
        for _ in 0..1000 {
            let seq = entries(journal)?.iter().map(|(n, _)| n.seq).max().unwrap_or(0) + 1;
            let dest = d.join(format!("{base}-n{seq}{EXT}"));
            match files::publish_new(&tmp, &dest) {
                Ok(()) => return Ok(dest),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {} // another backup took it: next number
                Err(e) => return Err(io_or_full(&dest, e)),
            }
        }
        Err(Error::Busy)
    })();
    let dest = published.inspect_err(|_| remove_with_side_files(&tmp))?;
    sync_dir(&d);
    rotate(journal, &dest)?;
    let mut info = inspect(&dest, key)?;
    info.kind = kind;
    Ok(info)
}

/// A checked single-file copy of `src` in a new temporary file in `folder` (named after
/// `base`), encrypted with `key` as the journal is. `label` names the backup in errors.
fn checked_copy(src: &Connection, key: Option<&Key>, folder: &Path, base: &str, label: &Path) -> Result<PathBuf> {
    let failed = |reason: String| Error::Backup { path: label.to_path_buf(), reason };
    let (tmp, file) = files::create_temp(folder, base)?;
    drop(file);
    let result = (|| {
        let mut conn =
            Connection::open_with_flags(&tmp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        if let Some(key) = key {
            key.apply(&conn)?;
        }
        copy_pages(src, &mut conn)?;
        // A single file, so that copying or inspecting a backup never needs a WAL beside it.
        conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0))?;
        let check: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(failed(format!("the copy failed its integrity check: {check}")));
        }
        schema::journal_version(&conn, label)?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        sync_file(&tmp)
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            remove_with_side_files(&tmp);
            Err(match e {
                Error::Database(e) => failed(e.to_string()),
                other => other,
            })
        }
    }
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

/// Deletes the backups rotation no longer keeps, and temporary files older than an hour (a
/// backup that was killed half-way). Never deletes `written`, the backup just made.
fn rotate(journal: &Path, written: &Path) -> Result<()> {
    let d = dir(journal);
    let stem = stem(journal);
    let mut daily = Vec::new();
    let mut safety = Vec::new();
    for e in fs::read_dir(&d).map_err(|e| Error::io(&d, e))?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.contains(PARTIAL) && belongs(&stem, &name) {
            let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
            if old.is_some_and(|age| age > Duration::from_secs(3600)) {
                let _ = fs::remove_file(e.path());
            }
            continue;
        }
        match parse_name(&stem, &name) {
            Some(n) if n.kind == Kind::Daily => daily.push((n, e.path())),
            Some(n) => safety.push((n, e.path())),
            None => {}
        }
    }
    // Newest first, by the order of writing.
    let newest_first = |a: &(Name, PathBuf), b: &(Name, PathBuf)| b.0.rank().cmp(&a.0.rank()).then(b.1.cmp(&a.1));
    daily.sort_by(newest_first);
    safety.sort_by(newest_first);
    let keep = keep_ranked(&daily.iter().map(|(n, _)| n.at.date()).collect::<Vec<_>>());
    let mut doomed: Vec<&PathBuf> = daily.iter().zip(keep).filter(|(_, k)| !k).map(|((_, p), _)| p).collect();
    doomed.extend(safety.iter().skip(KEEP_SAFETY).map(|(_, p)| p));
    for p in doomed.into_iter().filter(|p| p.as_path() != written) {
        files::remove_file(p)?;
    }
    Ok(())
}

/// Which of the daily backups (by date) rotation keeps: the newest [`KEEP_DAILY`], then the
/// newest of each of the next [`KEEP_WEEKLY`] ISO weeks (for backups whose dates follow the
/// order they were written in).
pub fn keep_daily(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut sorted: Vec<NaiveDate> = dates.to_vec();
    sorted.sort_by(|a, b| b.cmp(a));
    let keep = keep_ranked(&sorted);
    sorted.into_iter().zip(keep).filter(|(_, k)| *k).map(|(d, _)| d).collect()
}

/// For the dates of daily backups, newest written first: whether each is kept. One per date
/// (the newest written), the first [`KEEP_DAILY`] dates, then the first of each of the next
/// [`KEEP_WEEKLY`] ISO weeks.
fn keep_ranked(dates: &[NaiveDate]) -> Vec<bool> {
    let mut seen = BTreeSet::new();
    let mut weeks = BTreeSet::new();
    let mut daily = 0;
    dates
        .iter()
        .map(|d| {
            if !seen.insert(*d) {
                return false;
            }
            if daily < KEEP_DAILY {
                daily += 1;
                return true;
            }
            let w = d.iso_week();
            weeks.len() < KEEP_WEEKLY && weeks.insert((w.year(), w.week()))
        })
        .collect()
}

/// A backup file's name, read: why it was made, the time in its name, its sequence number
/// (0 for names from versions without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Name {
    kind: Kind,
    at: NaiveDateTime,
    seq: u64,
}

impl Name {
    /// Write order: the sequence number, then (for names without one) the time in the name.
    fn rank(&self) -> (u64, NaiveDateTime) {
        (self.seq, self.at)
    }
}

/// The backup files of the journal at `journal` (not opened).
pub(crate) fn files_of(journal: &Path) -> Result<Vec<PathBuf>> {
    Ok(entries(journal)?.into_iter().map(|(_, p)| p).collect())
}

/// The rewritten copies (`<backup>.partial`) that `encryption` left in the backups folder of
/// the journal at `journal`, each with the backup it is to replace.
pub(crate) fn rewrites_of(journal: &Path) -> Vec<(PathBuf, PathBuf)> {
    let stem = stem(journal);
    let Ok(read) = fs::read_dir(dir(journal)) else { return Vec::new() };
    read.flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let backup = name.strip_suffix(PARTIAL).filter(|b| parse_name(&stem, b).is_some())?;
            Some((e.path(), e.path().with_file_name(backup)))
        })
        .collect()
}

/// The backups in the folder of the journal at `journal`, by name (not opened).
fn entries(journal: &Path) -> Result<Vec<(Name, PathBuf)>> {
    let d = dir(journal);
    let read = match fs::read_dir(&d) {
        Ok(r) => r,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(d, e)),
    };
    let stem = stem(journal);
    Ok(read
        .flatten()
        .filter_map(|e| parse_name(&stem, &e.file_name().to_string_lossy()).map(|n| (n, e.path())))
        .collect())
}

/// The highest backup number read from a name: a backup a second for over 30,000 years.
const MAX_SEQ: u64 = 1 << 40;

/// Reads a backup file name of the journal with file stem `stem`.
fn parse_name(stem: &str, name: &str) -> Option<Name> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(EXT)?;
    let (rest, seq) = match rest.rsplit_once("-n") {
        Some((r, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            // A number no backup could reach (a hand-made name) ranks as unnumbered, so that it
            // can never make the next number overflow.
            (r, n.parse().ok().filter(|&s| s <= MAX_SEQ).unwrap_or(0))
        }
        _ => (rest, 0),
    };
    if let Ok(d) = NaiveDate::parse_from_str(rest, "%Y-%m-%d") {
        return Some(Name { kind: Kind::Daily, at: d.and_hms_opt(0, 0, 0)?, seq });
    }
    let (at, reason) = rest.get(..17).zip(rest.get(18..))?;
    let kind = [Kind::BeforeImport, Kind::BeforeRestore].into_iter().find(|k| k.suffix() == reason)?;
    Some(Name { kind, at: NaiveDateTime::parse_from_str(at, "%Y-%m-%d-%H%M%S").ok()?, seq })
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
