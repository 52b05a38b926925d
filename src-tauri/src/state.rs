//! The journal, opened once at start-up and shared by every command behind a mutex, and a
//! second connection for long reads.
//!
//! If it cannot be opened (damaged, written by a newer version, read-only folder), the app
//! still starts: every command then answers with that error, and the UI shows it. An encrypted
//! journal starts locked, without being opened: the UI shows its unlock screen, and
//! [`AppState::unlock`] derives the key (the slow part) once; the read connection and the
//! background backup share that key. Locking drops every connection, and with them the key
//! (zeroed on drop).
//!
//! Long reads (history, trends, the PDF and FHIR exports, backups) run on their own connection,
//! opened on first use: WAL lets them read a consistent snapshot while a save or a draft goes
//! through on the main one, so a ten-year PDF never makes typing wait.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use journal::{Journal, Key, Passphrase};

use crate::error::{IpcError, IpcResult};

/// Why no journal is open.
#[derive(Debug, Clone)]
enum Closed {
    /// Encrypted, and waiting for its passphrase (at start-up, or locked since).
    Locked,
    /// It could not be opened; the message says why.
    Failed(String),
}

impl From<&Closed> for IpcError {
    fn from(c: &Closed) -> Self {
        match c {
            Closed::Locked => IpcError::Locked,
            Closed::Failed(e) => IpcError::Unavailable(e.clone()),
        }
    }
}

#[derive(Debug)]
pub struct AppState {
    journal: Mutex<Result<Journal, Closed>>,
    /// The read connection; `None` until first used and after the journal was replaced or locked.
    reader: Mutex<Option<Journal>>,
    path: Option<PathBuf>,
    /// How many times the journal was locked (to tell whether a lock asked for happened).
    locks: AtomicU64,
    /// What to tell the user once at start-up (the app's folders moved, or could not be).
    notices: Vec<String>,
}

impl AppState {
    /// Opens the journal at `path` (normally [`journal::paths::default_journal`]). An
    /// encrypted one is left locked: only its first bytes are read.
    pub fn open(path: Option<PathBuf>) -> Self {
        let journal = match &path {
            Some(p) if journal::encryption::is_encrypted(p) => Err(Closed::Locked),
            Some(p) => Journal::open(p).map_err(|e| Closed::Failed(e.user_message())),
            None => Err(Closed::Failed(
                "LDN Journal could not find your data folder; set LDN_JOURNAL_DB to a file path".to_string(),
            )),
        };
        if let Err(Closed::Failed(e)) = &journal {
            eprintln!("ldn-journal-app: {e}");
        }
        Self {
            journal: Mutex::new(journal),
            reader: Mutex::new(None),
            path,
            locks: AtomicU64::new(0),
            notices: Vec::new(),
        }
    }

    /// The same, with what to tell the user at start-up.
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        for n in &notices {
            eprintln!("ldn-journal-app: {n}");
        }
        self.notices = notices;
        self
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// The path of the open journal, or why no journal is open.
    pub fn open_path(&self) -> IpcResult<&PathBuf> {
        if let Err(c) = &*self.lock() {
            return Err(c.into());
        }
        self.path.as_ref().ok_or_else(|| IpcError::Unavailable("no journal is open".into()))
    }

    /// Why the journal could not be opened, if it could not (a locked journal is not an error).
    pub fn open_error(&self) -> Option<String> {
        match &*self.lock() {
            Err(Closed::Failed(e)) => Some(e.clone()),
            _ => None,
        }
    }

    /// Whether the journal is encrypted and waiting for its passphrase.
    pub fn is_locked(&self) -> bool {
        matches!(&*self.lock(), Err(Closed::Locked))
    }

    /// Whether the open journal is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.lock().as_ref().is_ok_and(Journal::is_encrypted)
    }

    /// The open journal's key (`None`: not encrypted), for another connection to it; an error
    /// when no journal is open.
    pub fn key(&self) -> IpcResult<Option<Key>> {
        match &*self.lock() {
            Ok(j) => Ok(j.key().cloned()),
            Err(c) => Err(c.into()),
        }
    }

    /// Opens the locked journal with `passphrase`. A wrong one is refused at its field and the
    /// journal stays locked; a journal that opens but cannot be used (newer, damaged inside)
    /// is then reported as any journal that cannot be opened.
    pub fn unlock(&self, passphrase: &Passphrase) -> IpcResult<()> {
        let mut guard = self.lock();
        match &*guard {
            Ok(_) => return Ok(()),
            Err(Closed::Failed(e)) => return Err(IpcError::Unavailable(e.clone())),
            Err(Closed::Locked) => {}
        }
        let path = self.path.as_ref().ok_or(IpcError::Internal)?;
        match Journal::unlock(path, passphrase) {
            Ok(j) => {
                *guard = Ok(j);
                Ok(())
            }
            Err(e @ journal::Error::WrongPassphrase { .. }) => {
                Err(IpcError::Invalid(vec![journal::FieldError::new("passphrase", e.user_message())]))
            }
            Err(e) => {
                let msg = e.user_message();
                eprintln!("ldn-journal-app: {msg}");
                *guard = Err(Closed::Failed(msg.clone()));
                Err(IpcError::Unavailable(msg))
            }
        }
    }

    /// Locks an encrypted journal: both connections are closed and the key dropped. `false`
    /// when there was nothing to lock (not encrypted, or locked already).
    pub fn lock_journal(&self) -> bool {
        let mut guard = self.lock();
        if !guard.as_ref().is_ok_and(Journal::is_encrypted) {
            return false;
        }
        drop(self.reader.lock().unwrap_or_else(|p| p.into_inner()).take());
        *guard = Err(Closed::Locked);
        self.locks.fetch_add(1, Ordering::SeqCst);
        true
    }

    /// How many times the journal was locked since start-up.
    pub fn locks(&self) -> u64 {
        self.locks.load(Ordering::SeqCst)
    }

    /// Runs `f` on the open journal.
    pub fn with<T>(&self, f: impl FnOnce(&mut Journal) -> journal::Result<T>) -> IpcResult<T> {
        match &mut *self.lock() {
            Ok(j) => f(j).map_err(IpcError::from),
            Err(c) => Err((&*c).into()),
        }
    }

    /// Runs `f` on the read connection: for reads that take long, never for writes.
    pub fn read<T>(&self, f: impl FnOnce(&Journal) -> journal::Result<T>) -> IpcResult<T> {
        // The key is taken before the reader's lock: `replace` and `lock_journal` take the
        // journal's lock first, then the reader's.
        let key = self.key()?;
        let path = self.open_path()?;
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        if reader.is_none() {
            *reader = Some(Journal::open_with(path, key)?);
        }
        match reader.as_ref() {
            Some(j) => f(j).map_err(IpcError::from),
            None => Err(IpcError::Internal),
        }
    }

    /// Replaces the journal by what `f` makes of it (restore, delete everything, encryption
    /// on or off, a new passphrase). The read connection is closed first and stays closed
    /// until `f` is done: restore and wipe refuse to replace a journal that another connection
    /// holds open.
    ///
    /// `f` closes the journal it is given. When it fails (the journal is open in another
    /// program, the backup is damaged ...) the journal is unchanged: it is opened again, with
    /// the key it had, and `f`'s error is the inner one, for the caller to report.
    pub fn replace(&self, f: impl FnOnce(Journal) -> journal::Result<Journal>) -> IpcResult<journal::Result<()>> {
        let mut guard = self.lock();
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        drop(reader.take());
        let current = std::mem::replace(&mut *guard, Err(Closed::Failed("the journal is being replaced".to_string())));
        let j = match current {
            Ok(j) => j,
            Err(c) => {
                let e = IpcError::from(&c);
                *guard = Err(c);
                return Err(e);
            }
        };
        let path = j.path().to_path_buf();
        let key = j.key().cloned();
        match f(j) {
            Ok(j) => {
                *guard = Ok(j);
                Ok(Ok(()))
            }
            Err(e) => match Journal::open_with(&path, key) {
                Ok(j) => {
                    *guard = Ok(j);
                    Ok(Err(e))
                }
                Err(reopen) => {
                    let msg = reopen.user_message();
                    *guard = Err(Closed::Failed(msg.clone()));
                    Err(IpcError::Unavailable(msg))
                }
            },
        }
    }

    // A panic while holding the lock cannot leave SQLite half-written (every write is one
    // transaction), so a poisoned lock is safe to keep using.
    fn lock(&self) -> MutexGuard<'_, Result<Journal, Closed>> {
        self.journal.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    /// A ten-year PDF or FHIR export must not make a save wait: reads have their own connection.
    #[test]
    fn a_long_read_does_not_hold_up_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Some(dir.path().join("journal.sqlite3")));
        let (reading, read_started) = mpsc::channel();
        let (release, released) = mpsc::channel::<()>();
        let (saved_tx, saved) = mpsc::channel();
        let state = &state;
        std::thread::scope(|s| {
            s.spawn(move || {
                state
                    .read(|j| {
                        reading.send(()).unwrap();
                        released.recv_timeout(Duration::from_secs(10)).unwrap();
                        j.days(journal::DateRange::all())
                    })
                    .unwrap()
            });
            read_started.recv().unwrap();
            s.spawn(move || {
                let day = journal::Day::new("2025-03-01".parse().unwrap());
                saved_tx.send(state.with(|j| j.save_day(&day)).map(|_| ())).unwrap();
            });
            let r = saved.recv_timeout(Duration::from_secs(5));
            release.send(()).unwrap();
            r.expect("the save went through while the read was still running").unwrap();
        });
    }

    #[test]
    fn replacing_the_journal_closes_the_read_connection_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let state = AppState::open(Some(path.clone()));
        state.read(|j| j.days(journal::DateRange::all())).unwrap();
        state
            .replace(|j| {
                let reader = state.reader.try_lock().map(|r| r.is_some());
                assert!(!matches!(reader, Ok(true)), "the reader is closed while the journal is replaced");
                Ok(j)
            })
            .unwrap()
            .unwrap();
        assert!(state.reader.lock().unwrap().is_none());
        state.read(|j| j.days(journal::DateRange::all())).unwrap();
    }
}
