//! Backups, restore and the FHIR export for clinical systems.
//!
//! The automatic backup of the day runs shortly after start-up, and again whenever the date
//! changes while the app is open, in a background thread on its own connection, so logging
//! never waits for it; its outcome is kept for Settings and announced with the `daily-backup`
//! event.
//!
//! Every command here but `daily_backup` (the kept outcome) touches a file (a backup, or one
//! the user picks) and runs off the window's main thread. Files come from dialogs these
//! commands open, never from the page: a backup from the list is named by its file name in the
//! backups folder, and a file picked for restoring comes back to [`restore_backup`] as a
//! one-use token.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use chrono::NaiveDate;
use journal::backup::{self, BackupInfo};
use journal::fhir::{Options, Zone};
use journal::store::Setting;
use journal::{DateRange, Journal};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::pick::{self, Picked, SaveAs, Token};
use crate::state::AppState;

/// Event sent to the UI when the automatic backup is over (payload: its [`DailyBackup`]).
pub const DAILY_EVENT: &str = "daily-backup";

/// The first automatic backup waits this long after start-up: copying a large journal while
/// the window and its web view start slowed the first screen on a two-core machine.
const DAILY_DELAY: Duration = Duration::from_secs(3);

/// What became of today's automatic backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum DailyBackup {
    Running,
    Made {
        info: BackupInfo,
    },
    /// Today's backup was already there from an earlier start.
    AlreadyMade,
    Failed {
        message: String,
    },
    /// No journal is open (the app shows why elsewhere).
    Skipped,
}

/// The outcome of the start-up backup, shared with the commands.
#[derive(Debug)]
pub struct DailyBackupState(Mutex<DailyBackup>);

impl DailyBackupState {
    fn get(&self) -> DailyBackup {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set(&self, v: DailyBackup) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = v;
    }
}

/// Start-up hook (`Builder::setup`): starts today's backup in the background, and a watch
/// that makes the next day's when the date changes while the app stays open.
pub fn setup<R: Runtime>(app: &mut tauri::App<R>) -> Result<(), Box<dyn std::error::Error>> {
    app.manage(DailyBackupState(Mutex::new(DailyBackup::Running)));
    let handle = app.handle().clone();
    std::thread::Builder::new().name("daily-backup".into()).spawn(move || {
        std::thread::sleep(DAILY_DELAY);
        let mut watch = DayWatch::default();
        loop {
            let today = chrono::Local::now().date_naive();
            // A locked journal is backed up at the first check after it is unlocked.
            if watch.due(today) && run_daily(&handle) {
                watch.done(today);
            }
            std::thread::sleep(CLOCK_CHECK);
        }
    })?;
    Ok(())
}

/// How often the watch looks at the wall clock. A monotonic timer alone would miss a day spent
/// suspended; the date is read from the wall clock at every check.
const CLOCK_CHECK: Duration = Duration::from_secs(60);

/// Tells when the local date is not the one of the last backup (the first check, a new day,
/// or a clock set back or forward).
#[derive(Debug, Default)]
struct DayWatch(Option<chrono::NaiveDate>);

impl DayWatch {
    fn due(&self, today: chrono::NaiveDate) -> bool {
        self.0 != Some(today)
    }

    fn done(&mut self, today: chrono::NaiveDate) {
        self.0 = Some(today);
    }
}

/// Makes today's backup (unless it exists) on a connection of its own, with the key derived
/// at unlock, keeps the outcome for Settings and announces it. A failure is only reported.
/// `false` when the journal is locked: nothing was tried.
fn run_daily<R: Runtime>(app: &AppHandle<R>) -> bool {
    let state = app.state::<AppState>();
    let key = match state.key() {
        Ok(key) => Some(key),
        Err(IpcError::Locked) => return false,
        Err(_) => None,
    };
    let outcome = match (state.path().cloned(), key) {
        (Some(p), Some(key)) => {
            match Journal::open_with(&p, key).and_then(|j| backup::daily(&j, chrono::Local::now().date_naive())) {
                Ok(Some(info)) => DailyBackup::Made { info },
                Ok(None) => DailyBackup::AlreadyMade,
                Err(e) => {
                    eprintln!("ldn-journal-app: automatic backup failed: {e}");
                    DailyBackup::Failed { message: IpcError::from(e).to_string() }
                }
            }
        }
        _ => DailyBackup::Skipped,
    };
    app.state::<DailyBackupState>().set(outcome.clone());
    let _ = app.emit(DAILY_EVENT, outcome);
    true
}

/// The backups folder and its backups, newest first (today's automatic backup is
/// [`daily_backup`]).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Backups {
    pub folder: String,
    pub backups: Vec<BackupInfo>,
}

/// Today's automatic backup. Apart from the list, so it is known even when the backups folder
/// cannot be read, and cheap enough for start-up (listing opens every backup).
#[tauri::command]
pub fn daily_backup<R: Runtime>(app: AppHandle<R>) -> DailyBackup {
    app.try_state::<DailyBackupState>().map_or(DailyBackup::Skipped, |d| d.get())
}

#[tauri::command]
pub async fn backups(state: State<'_, AppState>) -> IpcResult<Backups> {
    let key = state.key()?;
    let path = state.open_path()?;
    Ok(Backups { folder: backup::dir(path).display().to_string(), backups: backup::list(path, key.as_ref())? })
}

/// A backup now (replaces today's), copied from the read connection.
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> IpcResult<BackupInfo> {
    Ok(state.read(|j| Ok(backup::now(j, chrono::Local::now().date_naive())))??)
}

/// Which backup to restore: one of the list, by its file name, or a file picked in the open
/// dialog that [`choose_backup`] opens.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupSource {
    Listed(String),
    PickFile,
}

/// A backup the user chose, as read, and the token that restores it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChosenBackup {
    pub token: Token,
    pub info: BackupInfo,
}

/// What a backup holds, shown before restoring. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn choose_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    source: BackupSource,
) -> IpcResult<Option<ChosenBackup>> {
    let key = state.key()?;
    let file = match source {
        BackupSource::Listed(name) => listed(state.open_path()?, key.as_ref(), &name)?,
        BackupSource::PickFile => match pick::open_file(&app, "LDN Journal backups", &["sqlite3", "db"]).await? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let info = backup::inspect(&file, key.as_ref())?;
    Ok(Some(ChosenBackup { token: picked.remember(file), info }))
}

/// The backup called `name` in the backups folder: only a name the list shows.
fn listed(journal: &Path, key: Option<&journal::Key>, name: &str) -> IpcResult<PathBuf> {
    backup::list(journal, key)?
        .into_iter()
        .find(|b| b.name == name)
        .map(|b| b.path)
        .ok_or_else(|| IpcError::NotFound("that backup is no longer there; the list was refreshed".into()))
}

/// Restoring the backup [`choose_backup`] gave a token for, once the user confirmed what it holds.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RestoreRequest {
    pub token: Token,
    /// The days the confirmation showed; if the file holds others now, nothing is restored.
    pub days: u32,
}

/// Replaces the journal with the chosen backup, after the user saw (and confirmed) what it
/// holds. The current journal is backed up first.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    picked: State<'_, Picked>,
    request: RestoreRequest,
) -> IpcResult<BackupInfo> {
    let file = picked.take(request.token)?;
    pick::regular_file(&file)?;
    let seen = backup::inspect(&file, state.key()?.as_ref())?;
    if seen.summary.days != request.days {
        return Err(IpcError::Retry(format!(
            "the backup changed since it was shown (it now holds {} days); nothing was restored",
            seen.summary.days
        )));
    }
    state.replace(|j| backup::restore(j, &file))??;
    Ok(seen)
}

/// What the FHIR export asks for. Notes, dream notes and the name stay out unless ticked.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct FhirRequest {
    /// First day; null: from the first logged day.
    pub from: Option<NaiveDate>,
    /// Last day; null: to the last logged day.
    pub to: Option<NaiveDate>,
    pub include_notes: bool,
    pub include_dream_notes: bool,
    pub include_name: bool,
    /// Medications, event kinds and measures marked "keep out of reports".
    pub include_private_items: bool,
}

/// FHIR R4 export to a file the user chooses in the save dialog this command opens. `false`
/// when the dialog was cancelled.
#[tauri::command]
pub async fn export_fhir<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: FhirRequest,
) -> IpcResult<bool> {
    let range = DateRange::between(request.from, request.to)?;
    let save_as = SaveAs { file_name: "ldn-journal-fhir.json", filter: "FHIR R4 Bundle (JSON)", extension: "json" };
    let Some(path) = pick::save_file(&app, save_as).await? else { return Ok(false) };
    let text = state.read(|j| {
        let patient_name = if request.include_name { j.setting(Setting::PatientName)? } else { None };
        let options = Options {
            include_notes: request.include_notes,
            include_dream_notes: request.include_dream_notes,
            include_private_items: request.include_private_items,
            patient_name,
            zone: Zone::Local,
        };
        journal::fhir::export_fhir(j, range, &options)
    })?;
    super::write_export(&state, &path, text.as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::{Value, json};

    use crate::tests::{Harness, harness};

    impl Harness {
        fn save(&self, date: &str) {
            let day = json!({"date": date, "doses": [], "scores": {}, "wellbeing": 6, "bedtime": "", "wake": "",
                "quality": null, "awakenings": "", "vivid": null, "nightmare": null, "dreamNotes": "",
                "sideEffects": {}, "notes": "private note"});
            self.save_entry(day);
        }

        fn days(&self) -> usize {
            self.ok("history", json!({"range": {"from": "2000-01-01", "to": "2100-01-01"}})).as_array().unwrap().len()
        }
    }

    #[test]
    fn back_up_change_restore() {
        let h = harness();
        h.save("2025-03-01");
        let made = h.ok("back_up_now", json!({}));
        assert_eq!(made["days"], 1);
        h.save("2025-03-02");
        assert_eq!(h.days(), 2);

        let list = h.ok("backups", json!({}));
        assert_eq!(list["backups"].as_array().unwrap().len(), 1);
        assert_eq!(h.ok("daily_backup", json!({})), json!({"state": "skipped"}));
        let path = std::path::PathBuf::from(list["backups"][0]["path"].as_str().unwrap());
        let name = path.file_name().unwrap().to_str().unwrap();
        let chosen = h.ok("choose_backup", json!({ "source": { "listed": name } }));
        let shown = &chosen["info"];
        assert_eq!((shown["days"].as_u64(), shown["first"].as_str()), (Some(1), Some("2025-03-01")));

        let token = chosen["token"].clone();
        let e = h.call("restore_backup", json!({"request": { "token": token, "days": 5 }})).unwrap_err();
        assert!(e["message"].as_str().unwrap().contains("changed since it was shown"), "{e}");
        assert_eq!(h.days(), 2, "nothing restored");

        let e = h.call("restore_backup", json!({"request": { "token": token, "days": 1 }})).unwrap_err();
        assert_eq!(e["kind"], "not_found", "a token is used once: {e}");
        let token = h.ok("choose_backup", json!({ "source": { "listed": name } }))["token"].clone();
        h.ok("restore_backup", json!({"request": { "token": token, "days": 1 }}));
        assert_eq!(h.days(), 1);
        let kinds: Vec<Value> =
            h.ok("backups", json!({}))["backups"].as_array().unwrap().iter().map(|b| b["kind"].clone()).collect();
        assert!(kinds.contains(&json!("before_restore")), "{kinds:?}");
    }

    #[test]
    fn only_listed_backups_are_chosen_by_name() {
        let h = harness();
        h.save("2025-03-01");
        let outside = h.dir.path().join("journal.sqlite3");
        for name in ["../journal.sqlite3", outside.to_str().unwrap(), "journal-2099-01-01.sqlite3", ""] {
            let e = h.call("choose_backup", json!({ "source": { "listed": name } })).unwrap_err();
            assert_eq!(e["kind"], "not_found", "{name}: {e}");
        }
    }

    #[test]
    fn the_page_cannot_pass_a_path() {
        let h = harness();
        h.save("2025-03-01");
        let e = h.call("restore_backup", json!({ "path": h.dir.path().join("journal.sqlite3"), "days": 1 }));
        assert!(e.is_err(), "restore takes a token, never a path");
        let e = h.call("inspect_backup", json!({ "path": "/etc/passwd" }));
        assert!(e.is_err(), "there is no command that inspects a path");
    }

    #[test]
    fn restoring_a_picked_file_that_is_not_a_journal_changes_nothing() {
        let h = harness();
        h.save("2025-03-01");
        let bad = h.dir.path().join("notes.txt");
        std::fs::write(&bad, "hello").unwrap();
        h.answer(Some(bad));
        let e = h.call("choose_backup", json!({ "source": "pick_file" })).unwrap_err();
        assert_eq!(e["kind"], "retry");
        assert!(e["message"].as_str().unwrap().contains("not an LDN Journal file"), "{e}");
        assert_eq!(h.days(), 1, "the journal is still open and unchanged");

        h.answer(None);
        assert_eq!(h.ok("choose_backup", json!({ "source": "pick_file" })), Value::Null, "cancelled");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_picked_in_the_dialog_is_refused_without_blocking() {
        let h = harness();
        let fifo = h.dir.path().join("fifo.sqlite3");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        h.answer(Some(fifo));
        let e = h.call("choose_backup", json!({ "source": "pick_file" })).unwrap_err();
        assert_eq!(e["field"], "file", "{e}");
    }

    #[test]
    fn fhir_export_to_the_file_chosen_in_the_dialog() {
        let h = harness();
        h.save("2025-03-01");
        h.save("2025-04-01");
        h.answer(Some(h.dir.path().join("clinic")));
        let request = json!({"from": "2025-03-01", "to": "2025-03-31", "include_notes": false,
            "include_dream_notes": false, "include_name": true, "include_private_items": false});
        assert_eq!(h.ok("export_fhir", json!({ "request": request })), json!(true));
        let out = h.dir.path().join("clinic.json");
        let b: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(b["resourceType"], "Bundle");
        let entries = b["entry"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "one wellbeing observation in March; no name stored, so no Patient");
        assert!(!std::fs::read_to_string(&out).unwrap().contains("private note"));
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&out).unwrap().permissions()) & 0o777,
            0o600
        );
        h.answer(None);
        assert_eq!(h.ok("export_fhir", json!({ "request": request })), json!(false), "cancelled");
        let mut backwards = request.clone();
        backwards["to"] = json!("2025-01-01");
        let e = h.call("export_fhir", json!({ "request": backwards })).unwrap_err();
        assert_eq!(e["fields"][0]["field"], "to");
    }

    #[test]
    fn the_watch_sees_each_new_date_once() {
        let mut w = super::DayWatch::default();
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let mut check = |date: &str| {
            let due = w.due(d(date));
            w.done(d(date));
            due
        };
        assert!(check("2025-03-01"), "the first check backs up");
        assert!(!check("2025-03-01"));
        assert!(check("2025-03-02"), "midnight passed while the app was open");
        assert!(!check("2025-03-02"));
        assert!(check("2025-02-20"), "a clock set back is a change too (daily() skips an existing backup)");
    }
}
