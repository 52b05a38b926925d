//! The durable store: one SQLite file per journal.
//!
//! Opening never modifies a file that is not a journal, is damaged, or was written by a newer
//! version. Every write is one transaction with `synchronous=FULL` in WAL mode, so a crash or a
//! kill loses nothing that was committed and never leaves half a day.

mod catalog;
mod days;
mod drafts;
mod events;
mod fills;
mod measures;
mod medications;
mod questions;
mod regimen;
pub mod schema;
mod search;
mod settings;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::key::{Key, Passphrase, SALT_BYTES};
use crate::{Error, Result};

pub use days::{DayEdit, StoredDay};
pub use drafts::Draft;
pub use settings::Setting;

pub(crate) mod catalog_write {
    pub(crate) use super::catalog::{map_by_name, replace};
}
pub(crate) use events::write as event_write;
pub(crate) use fills::write as fill_write;
pub(crate) use measures::write as measure_write;
pub(crate) use medications::write as medication_write;
pub(crate) use questions::write_question as question_write;
pub(crate) use regimen::write_period as regimen_write;

/// Whether an insert keeps the id the value carries (import into an empty journal) or gets a
/// fresh one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Id {
    Fresh,
    Keep,
}

/// Writes already-validated days inside the caller's transaction, each with a new revision.
pub(crate) fn days_write(tx: &rusqlite::Transaction<'_>, days: &[crate::Day]) -> crate::Result<()> {
    if days.is_empty() {
        return Ok(());
    }
    let revision = days::next_revision(tx)?;
    for d in days {
        days::write_day(tx, d, revision)?;
    }
    Ok(())
}

/// An open journal.
#[derive(Debug)]
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// The key of an encrypted journal, for every other connection to it (backups, readers).
    key: Option<Key>,
}

/// What a journal holds: the days logged, the first and last, its schema version. `check`
/// reports it after the integrity check; every backup's `BackupInfo` carries it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Summary {
    pub days: u32,
    pub first: Option<chrono::NaiveDate>,
    pub last: Option<chrono::NaiveDate>,
    pub schema_version: u32,
}

impl Summary {
    /// Reads the summary of the journal on `conn`.
    pub(crate) fn read(conn: &Connection) -> rusqlite::Result<Self> {
        let (days, first, last) = conn.query_row("SELECT count(*), min(date), max(date) FROM day", [], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let date = |s: Option<String>| s.and_then(|s| s.parse().ok());
        Ok(Self { days, first: date(first), last: date(last), schema_version: u32::try_from(version).unwrap_or(0) })
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.first, self.last) {
            (Some(a), Some(b)) => write!(f, "{} days logged, {a} to {b}", self.days)?,
            _ => write!(f, "no days logged yet")?,
        }
        write!(f, ", schema version {}", self.schema_version)
    }
}

impl Journal {
    /// Opens the journal at `path`, creating it (and its folder, owner-only) when missing. An
    /// encrypted journal is refused with [`Error::Locked`]: [`Journal::unlock`] it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, None)
    }

    /// Opens the encrypted journal at `path` with `passphrase` (deriving its key, the slow
    /// part). An unencrypted journal opens as with [`Journal::open`]; the passphrase is unused.
    /// A missing journal is created encrypted with it.
    pub fn unlock(path: impl AsRef<Path>, passphrase: &Passphrase) -> Result<Self> {
        let path = path.as_ref();
        let key = match file_kind(path)? {
            FileKind::Encrypted => Some(Key::for_file(passphrase, path)?),
            // A journal made with a passphrase is made encrypted, never in the clear.
            FileKind::Missing => Some(Key::fresh(passphrase)?),
            FileKind::Plain => None,
        };
        Self::open_with(path, key)
    }

    /// Opens the journal at `path` with `key` when it is encrypted (a key already derived, as
    /// the app's background backup does): no key derivation. A missing journal is created,
    /// encrypted with `key` when there is one.
    pub fn open_with(path: impl AsRef<Path>, key: Option<Key>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let key = match file_kind(&path)? {
            FileKind::Missing => {
                create_file(&path)?;
                key
            }
            FileKind::Plain => None,
            FileKind::Encrypted => Some(key.ok_or_else(|| Error::Locked { path: path.clone() })?),
        };
        let conn = connect(&path, &path, OpenFlags::SQLITE_OPEN_READ_WRITE, key.as_ref())?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Closing the last connection folds the WAL into the main file. A file we refuse (newer,
        // damaged, not ours) may carry another program's pending WAL: leave both as they are.
        // (An empty WAL is still removed on close, as SQLite does.)
        use rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE as NO_CKPT_ON_CLOSE;
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        let pending_wal = Path::new(&wal).metadata().is_ok_and(|m| m.len() > 0);
        conn.set_db_config(NO_CKPT_ON_CLOSE, pending_wal)?;
        let mut journal = Self { conn, path, key };
        journal.inspect()?;
        journal.conn.set_db_config(NO_CKPT_ON_CLOSE, false)?;
        journal.configure()?;
        journal.migrate()?;
        crate::encryption::finish_interrupted(&journal);
        Ok(journal)
    }

    /// Whether the journal is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The key of an encrypted journal, to open other connections to it without deriving it
    /// again ([`Journal::open_with`]).
    pub fn key(&self) -> Option<&Key> {
        self.key.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses damaged files, other SQLite databases and newer schemas before any write.
    fn inspect(&self) -> Result<()> {
        let p = &self.path;
        let check: String =
            self.conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| open_error(p, e))?;
        if check != "ok" {
            return Err(Error::Corrupt { path: p.clone(), detail: check });
        }
        if schema::identify(&self.conn, p)? != schema::Found::Empty {
            schema::check_structure(&self.conn, p)?;
        }
        Ok(())
    }

    fn configure(&self) -> Result<()> {
        let mode: String =
            self.conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).map_err(|e| open_error(&self.path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::ReadOnly { path: self.path.clone() });
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let from = schema::version(&self.conn)?;
        if from == schema::LATEST {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        schema::migrate(&tx, from)?;
        if from == 0 {
            catalog::seed_side_effects(&tx)?;
        }
        tx.commit().map_err(|e| open_error(&self.path, e))?;
        Ok(())
    }

    /// Runs SQLite's full integrity check and summarises what the journal holds.
    pub fn check(&self) -> Result<Summary> {
        let check: String = self.conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::Corrupt { path: self.path.clone(), detail: check });
        }
        let fk: Option<String> = self.conn.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).ok();
        if let Some(table) = fk {
            return Err(Error::Corrupt { path: self.path.clone(), detail: format!("broken reference in {table}") });
        }
        Ok(Summary::read(&self.conn)?)
    }
}

/// What a file is, from its first bytes, before SQLite opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// No file, or an empty one: a new journal.
    Missing,
    /// A plain SQLite database (which may still be another program's, or damaged).
    Plain,
    /// Whole pages of random-looking bytes: a SQLCipher database, or a damaged file. The
    /// two cannot be told apart without the key.
    Encrypted,
}

/// Tells a plain SQLite file from an encrypted one without opening either as a database.
/// Anything else (a text file, a truncated header, another program's database) is refused
/// here, untouched, as [`check_header`] refuses it.
pub(crate) fn file_kind(path: &Path) -> Result<FileKind> {
    match path.metadata() {
        Ok(m) if m.len() > 0 => {}
        Ok(_) => return Ok(FileKind::Missing),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(Error::io(path, e)),
    }
    let mut header = [0u8; 100];
    let n = read_header(path, &mut header)?;
    if n >= 16 && &header[..16] == b"SQLite format 3\0" {
        check_header(path)?;
        return Ok(FileKind::Plain);
    }
    // SQLCipher writes whole pages (512 bytes at the least) that begin with a random salt; a
    // text file, or a file cut short, is neither.
    let len = path.metadata().map_err(|e| Error::io(path, e))?.len();
    let text = header[..SALT_BYTES.min(n)].iter().all(|b| text_byte(*b));
    if len >= 1024 && len % 512 == 0 && !text {
        Ok(FileKind::Encrypted)
    } else {
        Err(Error::NotAJournal { path: path.to_path_buf() })
    }
}

/// Whether `b` is a byte of plain ASCII text.
pub(crate) fn text_byte(b: u8) -> bool {
    b.is_ascii_graphic() || b.is_ascii_whitespace()
}

/// The salt in the first bytes of the encrypted file at `path`.
pub(crate) fn read_salt(path: &Path) -> Result<[u8; SALT_BYTES]> {
    let mut salt = [0u8; SALT_BYTES];
    if read_header(path, &mut salt)? < SALT_BYTES {
        return Err(Error::NotAJournal { path: path.to_path_buf() });
    }
    Ok(salt)
}

/// Opens a connection to `target` (a path or a `file:` URI for `file`), keyed with `key`
/// when given, and makes sure the key opens it: a key that does not is
/// [`Error::WrongPassphrase`], never a later, vaguer failure.
pub(crate) fn connect(file: &Path, target: &Path, flags: OpenFlags, key: Option<&Key>) -> Result<Connection> {
    let conn = Connection::open_with_flags(target, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| open_error(file, e))?;
    if let Some(key) = key {
        // A key that does not open the file must leave it untouched: no checkpoint of a WAL
        // that belongs to it when this connection closes. (`Journal::open_with` sets this
        // again once the file is known to be a journal.)
        use rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE as NO_CKPT_ON_CLOSE;
        conn.set_db_config(NO_CKPT_ON_CLOSE, true)?;
        key.apply(&conn)?;
        // A wrong key is an answer for the user, not a line on standard error. (After the key:
        // SQLCipher sets its default level when the first key is applied.)
        conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
        let opens = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0));
        if let Err(e) = opens {
            return Err(match e.sqlite_error_code() {
                Some(rusqlite::ffi::ErrorCode::NotADatabase) => Error::WrongPassphrase { path: file.to_path_buf() },
                _ => open_error(file, e),
            });
        }
        conn.set_db_config(NO_CKPT_ON_CLOSE, false)?;
    }
    Ok(conn)
}

/// Reads the SQLite header without opening the file as a database: a file that is not a
/// database at all is refused here, untouched.
pub(crate) fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    let n = read_header(path, &mut header)?;
    if n < 16 || &header[..16] != b"SQLite format 3\0" {
        return Err(Error::NotAJournal { path: path.to_path_buf() });
    }
    if n < 100 {
        return Err(Error::Corrupt { path: path.to_path_buf(), detail: "the file is truncated".into() });
    }
    let app_id = u32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != 0 && i64::from(app_id) != schema::APPLICATION_ID {
        return Err(Error::NotAJournal { path: path.to_path_buf() });
    }
    Ok(())
}

/// Reads up to `buf.len()` bytes from the start of `path`, and never closes a descriptor of a
/// file that this process may have open as a database: closing *any* descriptor of a file
/// drops every POSIX lock the process holds on it, including those of an open connection
/// (the app opens a second connection for its daily backup). Another process, such as the
/// CLI, then believes it is the journal's last user, checkpoints and deletes the WAL on close,
/// and the app's later saves are lost. So the descriptor is kept, one per file, for reuse.
fn read_header(path: &Path, buf: &mut [u8]) -> Result<usize> {
    use std::os::unix::fs::{FileExt, MetadataExt};
    static OPENED: std::sync::Mutex<Vec<(u64, u64, fs::File)>> = std::sync::Mutex::new(Vec::new());
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    // A FIFO or a device would block the read or never end. (A folder fails to read below.)
    if !meta.is_file() && !meta.is_dir() {
        return Err(Error::NotAJournal { path: path.to_path_buf() });
    }
    let key = (meta.dev(), meta.ino());
    let mut opened = OPENED.lock().unwrap_or_else(|p| p.into_inner());
    // Deleted files (a wiped or replaced journal) are let go, so their space is freed.
    opened.retain(|(_, _, f)| f.metadata().is_ok_and(|m| m.nlink() > 0));
    if !opened.iter().any(|(d, i, _)| (*d, *i) == key) {
        let f = fs::File::open(path).map_err(|e| Error::io(path, e))?;
        opened.push((key.0, key.1, f));
    }
    let f = opened
        .iter()
        .find(|(d, i, _)| (*d, *i) == key)
        .map(|(_, _, f)| f)
        .ok_or_else(|| Error::io(path, std::io::Error::other("the header could not be read")))?;
    let mut n = 0;
    while n < buf.len() {
        match f.read_at(&mut buf[n..], n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Ok(n)
}

/// Creates an empty journal file readable and writable by its owner only.
fn create_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let file = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::ReadOnly { path: path.to_path_buf() }
        }
        _ => Error::io(path, e),
    })?;
    // An empty file that was already there (made with `touch`, say) keeps its mode on open;
    // it is about to hold the journal, so make it owner-only too (the WAL and SHM copy it).
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600)).map_err(|e| Error::io(path, e))?;
    Ok(())
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::ReadOnly { path: dir.to_path_buf() }
        }
        _ => Error::io(dir, e),
    })
}

pub(crate) fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotAJournal { path: path.to_path_buf() },
        Some(ErrorCode::DatabaseCorrupt) => {
            Error::Corrupt { path: path.to_path_buf(), detail: "damaged database pages".into() }
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::ReadOnly { path: path.to_path_buf() }
        }
        _ => Error::from(e),
    }
}

impl Journal {
    /// The connection, for the online backup API (backup, restore) and for transactions that
    /// read and write across modules (import).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Closes the connection (checkpointing and removing the WAL) and gives back the path.
    /// A failed close still releases the connection; the error says why.
    pub(crate) fn close(self) -> (PathBuf, Result<()>) {
        let Self { conn, path, .. } = self;
        let r = conn.close().map_err(|(_, e)| Error::from(e));
        (path, r)
    }
}

/// Whether `e` says a stored value does not fit the type it is read as (damage in the file),
/// rather than that the database failed.
pub(crate) fn is_bad_value(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::Utf8Error(..)
    )
}

/// Stored text quoted for a message: a date as it is, anything else escaped and shortened.
pub(crate) fn shown(s: &str) -> String {
    if s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return s.to_owned();
    }
    let short: String = s.chars().take(40).collect();
    format!("{short:?}")
}

/// `e` as damage of `what` (a catalog, the regimen) when a stored value does not fit.
pub(crate) fn bad_value(path: &Path, what: &str, e: rusqlite::Error) -> Error {
    if is_bad_value(&e) {
        Error::Corrupt { path: path.to_path_buf(), detail: format!("{what} holds a value LDN Journal cannot read") }
    } else {
        Error::from(e)
    }
}
