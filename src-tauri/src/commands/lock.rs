//! Locking the journal: unlocking it at start, locking it (by hand, when idle, when the session
//! locks), turning encryption on and off, and changing the passphrase.
//!
//! Passphrases arrive as typed and become [`Passphrase`]s at once (zeroed when dropped). The
//! commands that derive a key (the slow part, about a third of a second) or rewrite the
//! journal are `async`, so the window keeps painting meanwhile.

use journal::{FieldError, Passphrase, encryption};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, Runtime, State};
use ts_rs::TS;
use zeroize::Zeroize;

use crate::error::{IpcError, IpcResult};
use crate::keyring;
use crate::state::AppState;

/// Event sent to the UI once the journal is locked (by `lock_journal`, or by the shell when
/// the session locked and the page did not lock it itself).
pub const LOCKED_EVENT: &str = "journal-locked";

/// Opens the locked journal. A wrong passphrase is refused at the field `passphrase`.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> IpcResult<()> {
    state.unlock(&Passphrase::new(passphrase)?)
}

/// At start-up: opens the locked journal with the passphrase remembered in the desktop's
/// keyring, if the user chose that. `false` when there is none (or it no longer opens the
/// journal): the unlock screen asks.
#[tauri::command]
pub async fn unlock_remembered(state: State<'_, AppState>) -> IpcResult<bool> {
    if !state.is_locked() {
        return Ok(false);
    }
    let Some(passphrase) = state.path().and_then(|p| keyring::recall(p)) else { return Ok(false) };
    Ok(state.unlock(&passphrase).is_ok())
}

/// Whether the journal's passphrase is remembered in the desktop's keyring.
#[tauri::command]
pub async fn passphrase_remembered(state: State<'_, AppState>) -> IpcResult<bool> {
    Ok(keyring::remembers(state.open_path()?))
}

/// "Remember the passphrase on this computer" turned on or off.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RememberRequest {
    pub remember: bool,
    /// The journal's passphrase (to remember; unused to forget).
    pub current: String,
}

impl Drop for RememberRequest {
    fn drop(&mut self) {
        self.current.zeroize();
    }
}

/// Remembers the passphrase in the desktop's keyring (`current` must open the journal), or
/// forgets it. Returns whether it is remembered.
#[tauri::command]
pub async fn remember_passphrase(state: State<'_, AppState>, mut request: RememberRequest) -> IpcResult<bool> {
    let path = state.open_path()?.clone();
    if !request.remember {
        keyring::forget(&path)?;
        return Ok(false);
    }
    let passphrase = check_current(&state, std::mem::take(&mut request.current))?;
    keyring::remember(&path, &passphrase)?;
    Ok(true)
}

/// Locks an encrypted journal now: the connections close and the key is dropped. The page
/// has written its draft first. `false` when the journal is not encrypted (nothing to lock).
#[tauri::command]
pub fn lock_journal<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> bool {
    let locked = state.lock_journal();
    if locked {
        let _ = app.emit(LOCKED_EVENT, ());
    }
    locked
}

/// A new passphrase as typed twice (and the current one, where there is one).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PassphraseChange {
    /// The passphrase that opens the journal now; empty when it is not encrypted.
    pub current: String,
    pub passphrase: String,
    /// The new passphrase typed again.
    pub repeat: String,
}

// What the page sent is zeroed once used: the passphrase itself moves into a [`Passphrase`].
impl Drop for PassphraseChange {
    fn drop(&mut self) {
        self.current.zeroize();
        self.passphrase.zeroize();
        self.repeat.zeroize();
    }
}

/// Turns encryption on with a new passphrase (typed twice): the journal and its backups are
/// rewritten encrypted, and the unencrypted files overwritten and deleted.
#[tauri::command]
pub async fn encrypt_journal(state: State<'_, AppState>, mut request: PassphraseChange) -> IpcResult<()> {
    let passphrase = new_passphrase(&mut request)?;
    Ok(state.replace(|j| encryption::encrypt(j, &passphrase))??)
}

/// Changes the passphrase: the current one must open the journal.
#[tauri::command]
pub async fn change_passphrase(state: State<'_, AppState>, mut request: PassphraseChange) -> IpcResult<()> {
    let passphrase = new_passphrase(&mut request)?;
    check_current(&state, std::mem::take(&mut request.current))?;
    state.replace(|j| encryption::rekey(j, &passphrase))??;
    // A passphrase remembered in the keyring follows the change.
    let path = state.open_path()?;
    if keyring::remembers(path) {
        keyring::remember(path, &passphrase)?;
    }
    Ok(())
}

/// Turns encryption off, once the current passphrase is given: the journal and its backups
/// are rewritten unencrypted.
#[tauri::command]
pub async fn decrypt_journal(state: State<'_, AppState>, current: String) -> IpcResult<()> {
    check_current(&state, current)?;
    state.replace(encryption::decrypt)??;
    keyring::forget(state.open_path()?)
}

/// The new passphrase, once both typings agree.
fn new_passphrase(request: &mut PassphraseChange) -> IpcResult<Passphrase> {
    let passphrase = Passphrase::new(std::mem::take(&mut request.passphrase))?;
    if request.repeat != passphrase.as_str() {
        return Err(IpcError::Invalid(vec![FieldError::new(
            "repeat",
            "the two passphrases differ; type the same one twice",
        )]));
    }
    Ok(passphrase)
}

/// Refuses, at the field `current`, a passphrase that does not give the journal's key.
fn check_current(state: &AppState, current: String) -> IpcResult<Passphrase> {
    let wrong = || IpcError::Invalid(vec![FieldError::new("current", "that is not the journal's passphrase")]);
    let Some(key) = state.key()? else {
        return Err(IpcError::Invalid(vec![FieldError::new("current", "the journal is not encrypted")]));
    };
    let current = Passphrase::new(current).map_err(|_| wrong())?;
    if key.opened_by(&current) { Ok(current) } else { Err(wrong()) }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::{Value, json};

    use crate::tests::{Harness, harness};

    const NOTE: &str = "a private note about the evening";

    impl Harness {
        fn log_note(&self, date: &str) {
            let day = json!({"date": date, "doses": [], "scores": {}, "wellbeing": 6, "bedtime": "", "wake": "",
                "quality": null, "awakenings": "", "vivid": null, "nightmare": null, "dreamNotes": "",
                "sideEffects": {}, "notes": NOTE});
            self.save_entry(day);
        }

        fn info(&self) -> Value {
            self.ok("app_info", json!({}))
        }
    }

    fn change(current: &str, passphrase: &str, repeat: &str) -> Value {
        json!({"request": {"current": current, "passphrase": passphrase, "repeat": repeat}})
    }

    fn field(e: &Value) -> &str {
        e["fields"][0]["field"].as_str().unwrap_or_default()
    }

    #[test]
    fn encrypt_lock_unlock_change_and_decrypt() {
        let h = harness();
        h.log_note("2025-03-01");
        let path = h.dir.path().join("journal.sqlite3");
        assert_eq!((h.info()["encrypted"].clone(), h.info()["locked"].clone()), (json!(false), json!(false)));
        assert_eq!(h.ok("lock_journal", json!({})), json!(false), "nothing to lock");

        assert_eq!(field(&h.err("encrypt_journal", change("", "", ""))), "passphrase");
        assert_eq!(field(&h.err("encrypt_journal", change("", "correct horse", "correct hose"))), "repeat");
        h.ok("encrypt_journal", change("", "correct horse", "correct horse"));
        assert_eq!(h.info()["encrypted"], true);
        assert!(!std::fs::read(&path).unwrap().windows(NOTE.len()).any(|w| w == NOTE.as_bytes()));
        assert_eq!(
            h.ok("history", json!({"range": {"from": "2000-01-01", "to": "2100-01-01"}})).as_array().unwrap().len(),
            1
        );
        assert_eq!(h.ok("backups", json!({}))["backups"].as_array().unwrap().len(), 1, "the encrypted backup lists");

        assert_eq!(h.ok("lock_journal", json!({})), json!(true));
        assert_eq!(h.info()["locked"], true);
        assert_eq!(h.info()["open_error"], json!(null), "locked is not an error");
        for (cmd, args) in [
            ("open_day", json!({"date": "2025-03-01"})),
            ("backups", json!({})),
            ("history", json!({"range": {"from": "2000-01-01", "to": "2100-01-01"}})),
        ] {
            assert_eq!(h.err(cmd, args)["kind"], "locked", "{cmd}");
        }

        let wrong = h.err("unlock", json!({"passphrase": "correct hose"}));
        assert_eq!((wrong["kind"].as_str(), field(&wrong)), (Some("invalid"), "passphrase"), "{wrong}");
        assert!(wrong["message"].as_str().unwrap().contains("does not open this journal"), "{wrong}");
        assert_eq!(h.info()["locked"], true, "still locked");
        h.ok("unlock", json!({"passphrase": "correct horse"}));
        assert_eq!(h.ok("open_day", json!({"date": "2025-03-01"}))["entry"]["notes"], NOTE);

        assert_eq!(field(&h.err("change_passphrase", change("wrong", "new one", "new one"))), "current");
        h.ok("change_passphrase", change("correct horse", "new one", "new one"));
        h.ok("lock_journal", json!({}));
        assert_eq!(field(&h.err("unlock", json!({"passphrase": "correct horse"}))), "passphrase");
        h.ok("unlock", json!({"passphrase": "new one"}));

        assert_eq!(field(&h.err("decrypt_journal", json!({"current": "correct horse"}))), "current");
        h.ok("decrypt_journal", json!({"current": "new one"}));
        assert_eq!(h.info()["encrypted"], false);
        assert!(std::fs::read(&path).unwrap().starts_with(b"SQLite format 3\0"));
        assert_eq!(h.ok("open_day", json!({"date": "2025-03-01"}))["entry"]["notes"], NOTE);
    }

    #[test]
    fn the_keyring_remembers_only_the_journal_s_passphrase() {
        let h = harness();
        let e = h.err("remember_passphrase", json!({"request": {"remember": true, "current": "anything"}}));
        assert_eq!(field(&e), "current", "a journal that is not encrypted has no passphrase to remember: {e}");
        h.ok("encrypt_journal", change("", "correct horse", "correct horse"));
        let e = h.err("remember_passphrase", json!({"request": {"remember": true, "current": "correct hose"}}));
        assert_eq!(field(&e), "current", "{e}");
        assert_eq!(h.ok("unlock_remembered", json!({})), json!(false), "not locked: nothing to do");
    }

    #[test]
    fn an_encrypted_journal_starts_locked_without_being_opened() {
        let h = crate::tests::harness_with(|path| {
            let j = journal::Journal::open(path).unwrap();
            let p = journal::Passphrase::new("at start".into()).unwrap();
            drop(journal::encryption::encrypt(j, &p).unwrap());
        });
        let path = h.dir.path().join("journal.sqlite3");
        let before = std::fs::read(&path).unwrap();
        let info = h.info();
        assert_eq!((info["locked"].clone(), info["onboarded"].clone()), (json!(true), json!(false)), "{info}");
        assert!(!path.with_extension("sqlite3-wal").exists(), "not opened");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        h.ok("unlock", json!({"passphrase": "at start"}));
        assert_eq!(h.info()["locked"], false);
    }
}
