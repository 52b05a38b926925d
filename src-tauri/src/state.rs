//! The journal, opened once at start-up and shared by every command behind a mutex, and a
//! second connection for long reads.
//!
//! If it cannot be opened (damaged, written by a newer version, read-only folder), the app
//! still starts: every command then answers with that error, and the UI shows it.
//!
//! Long reads (history, trends, the PDF and FHIR exports, backups) run on their own connection,
//! opened on first use: WAL lets them read a consistent snapshot while a save or a draft goes
//! through on the main one, so a ten-year PDF never makes typing wait.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use journal::Journal;

use crate::error::{IpcError, IpcResult};

#[derive(Debug)]
pub struct AppState {
    journal: Mutex<Result<Journal, String>>,
    /// The read connection; `None` until first used and after the journal was replaced.
    reader: Mutex<Option<Journal>>,
    path: Option<PathBuf>,
}

impl AppState {
    /// Opens the journal at `path` (normally [`journal::paths::default_journal`]).
    pub fn open(path: Option<PathBuf>) -> Self {
        let journal = match &path {
            Some(p) => Journal::open(p).map_err(|e| e.user_message()),
            None => Err("LDN Journal could not find your data folder; set LDN_JOURNAL_DB to a file path".to_string()),
        };
        if let Err(e) = &journal {
            eprintln!("ldn-journal-app: {e}");
        }
        Self { journal: Mutex::new(journal), reader: Mutex::new(None), path }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// The path of the open journal, or why no journal is open.
    pub fn open_path(&self) -> IpcResult<&PathBuf> {
        if let Some(e) = self.open_error() {
            return Err(IpcError::Unavailable(e));
        }
        self.path.as_ref().ok_or_else(|| IpcError::Unavailable("no journal is open".into()))
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

    /// Runs `f` on the read connection: for reads that take long, never for writes.
    pub fn read<T>(&self, f: impl FnOnce(&Journal) -> journal::Result<T>) -> IpcResult<T> {
        let path = self.open_path()?;
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        if reader.is_none() {
            *reader = Some(Journal::open(path)?);
        }
        match reader.as_ref() {
            Some(j) => f(j).map_err(IpcError::from),
            None => Err(IpcError::Internal),
        }
    }

    /// Replaces the journal by what `f` makes of it (restore, delete everything). The read
    /// connection is closed first and stays closed until `f` is done: restore and wipe refuse
    /// to replace a journal that another connection holds open.
    ///
    /// `f` closes the journal it is given. When it fails (the journal is open in another
    /// program, the backup is damaged ...) the journal is unchanged: it is opened again and
    /// `f`'s error is the inner one, for the caller to report.
    pub fn replace(&self, f: impl FnOnce(Journal) -> journal::Result<Journal>) -> IpcResult<journal::Result<()>> {
        let mut guard = self.lock();
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        drop(reader.take());
        let current = std::mem::replace(&mut *guard, Err("the journal is being replaced".to_string()));
        let j = match current {
            Ok(j) => j,
            Err(e) => {
                *guard = Err(e.clone());
                return Err(IpcError::Unavailable(e));
            }
        };
        let path = j.path().to_path_buf();
        match f(j) {
            Ok(j) => {
                *guard = Ok(j);
                Ok(Ok(()))
            }
            Err(e) => match Journal::open(&path) {
                Ok(j) => {
                    *guard = Ok(j);
                    Ok(Err(e))
                }
                Err(reopen) => {
                    let msg = reopen.user_message();
                    *guard = Err(msg.clone());
                    Err(IpcError::Unavailable(msg))
                }
            },
        }
    }

    // A panic while holding the lock cannot leave SQLite half-written (every write is one
    // transaction), so a poisoned lock is safe to keep using.
    fn lock(&self) -> MutexGuard<'_, Result<Journal, String>> {
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
