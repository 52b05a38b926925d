//! The journal, opened once at start-up and shared by every command behind a mutex.
//!
//! If it cannot be opened (damaged, written by a newer version, read-only folder), the app
//! still starts: every command then answers with that error, and the UI shows it.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use journal::Journal;

use crate::error::{IpcError, IpcResult};

#[derive(Debug)]
pub struct AppState {
    journal: Mutex<Result<Journal, String>>,
    path: Option<PathBuf>,
}

impl AppState {
    /// Opens the journal at `path` (normally [`journal::paths::default_journal`]).
    pub fn open(path: Option<PathBuf>) -> Self {
        let journal = match &path {
            Some(p) => Journal::open(p).map_err(|e| e.to_string()),
            None => Err("LDN Journal could not find your data folder; set LDN_JOURNAL_DB to a file path".to_string()),
        };
        if let Err(e) = &journal {
            eprintln!("ldn-journal-app: {e}");
        }
        Self { journal: Mutex::new(journal), path }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// Why the journal is not open, if it is not.
    pub fn open_error(&self) -> Option<String> {
        self.lock().as_ref().err().cloned()
    }

    /// Runs `f` on the open journal.
    pub fn with<T>(&self, f: impl FnOnce(&mut Journal) -> journal::Result<T>) -> IpcResult<T> {
        match &mut *self.lock() {
            Ok(j) => f(j).map_err(IpcError::from),
            Err(e) => Err(IpcError::Unavailable(e.clone())),
        }
    }

    /// Replaces the journal by what `f` makes of it (delete everything closes and reopens it).
    pub fn replace(&self, f: impl FnOnce(Journal) -> journal::Result<Journal>) -> IpcResult<()> {
        let mut guard = self.lock();
        let current = std::mem::replace(&mut *guard, Err("the journal is being replaced".to_string()));
        match current {
            Ok(j) => match f(j) {
                Ok(j) => {
                    *guard = Ok(j);
                    Ok(())
                }
                Err(e) => {
                    let msg = e.to_string();
                    *guard = Err(msg.clone());
                    Err(IpcError::Unavailable(msg))
                }
            },
            Err(e) => {
                *guard = Err(e.clone());
                Err(IpcError::Unavailable(e))
            }
        }
    }

    // A panic while holding the lock cannot leave SQLite half-written (every write is one
    // transaction), so a poisoned lock is safe to keep using.
    fn lock(&self) -> MutexGuard<'_, Result<Journal, String>> {
        self.journal.lock().unwrap_or_else(|p| p.into_inner())
    }
}
