//! Backups, restore and the FHIR export for clinical systems.
//!
//! The automatic backup of the day runs shortly after start-up in a background thread on its
//! own connection, so logging never waits for it; its outcome is kept for Settings and
//! announced with the `daily-backup` event.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use journal::backup::{self, BackupInfo};
use journal::fhir::{Options, Zone};
use journal::store::Setting;
use journal::{DateRange, Journal};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Event sent to the UI when the automatic backup is over (payload: its [`DailyBackup`]).
pub const DAILY_EVENT: &str = "daily-backup";

/// The automatic backup waits this long after start-up: copying a large journal while the
/// window and its web view start slowed the first screen on a two-core machine.
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

/// Start-up hook (`Builder::setup`): starts today's backup in the background.
pub fn setup<R: Runtime>(app: &mut tauri::App<R>) -> Result<(), Box<dyn std::error::Error>> {
    start_daily(app.handle());
    Ok(())
}

/// Runs today's backup, after [`DAILY_DELAY`], on a second connection in a background thread:
/// WAL lets the app read and write meanwhile, and a failure is only reported.
pub fn start_daily<R: Runtime>(app: &AppHandle<R>) {
    app.manage(DailyBackupState(Mutex::new(DailyBackup::Running)));
    let path = app.state::<AppState>().path().cloned().filter(|_| app.state::<AppState>().open_error().is_none());
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("daily-backup".into()).spawn(move || {
        let outcome = match path {
            None => DailyBackup::Skipped,
            Some(p) => match daily_after_delay(&p) {
                Ok(Some(info)) => DailyBackup::Made { info },
                Ok(None) => DailyBackup::AlreadyMade,
                Err(e) => {
                    eprintln!("ldn-journal-app: automatic backup failed: {e}");
                    DailyBackup::Failed { message: from_journal(e).to_string() }
                }
            },
        };
        app.state::<DailyBackupState>().set(outcome.clone());
        let _ = app.emit(DAILY_EVENT, outcome);
    });
    if let Err(e) = spawned {
        eprintln!("ldn-journal-app: could not start the automatic backup: {e}");
    }
}

fn daily_after_delay(path: &Path) -> journal::Result<Option<BackupInfo>> {
    std::thread::sleep(DAILY_DELAY);
    let j = Journal::open(path)?;
    backup::daily(&j, chrono::Local::now().date_naive())
}

/// The backups folder and its backups, newest first, with today's automatic backup.
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
pub fn backups(state: State<'_, AppState>) -> IpcResult<Backups> {
    let path = journal_path(&state)?;
    Ok(Backups {
        folder: backup::dir(&path).display().to_string(),
        backups: backup::list(&path).map_err(from_journal)?,
    })
}

/// A backup now (replaces today's).
#[tauri::command]
pub fn back_up_now(state: State<'_, AppState>) -> IpcResult<BackupInfo> {
    state.with(|j| Ok(backup::now(j, chrono::Local::now().date_naive())))?.map_err(from_journal)
}

/// What a backup (or another journal file the user picked) holds, shown before restoring.
#[tauri::command]
pub fn inspect_backup(path: String) -> IpcResult<BackupInfo> {
    backup::inspect(Path::new(&path)).map_err(from_journal)
}

/// Replaces the journal with the backup at `path`, after the user saw (and confirmed) that it
/// holds `days` days. The current journal is backed up first.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, path: String, days: u32) -> IpcResult<BackupInfo> {
    let file = PathBuf::from(path);
    let seen = backup::inspect(&file).map_err(from_journal)?;
    if seen.days != days {
        return Err(IpcError::Journal(format!(
            "the backup changed since it was shown (it now holds {} days); nothing was restored",
            seen.days
        )));
    }
    // A restore that fails leaves the journal unchanged but closed: open it again.
    let mut failed = None;
    state.replace(|j| {
        let current = j.path().to_path_buf();
        backup::restore(j, &file).or_else(|e| {
            failed = Some(e);
            Journal::open(&current)
        })
    })?;
    match failed {
        Some(e) => Err(from_journal(e)),
        None => Ok(seen),
    }
}

/// FHIR R4 export to a file the user chose in the save dialog.
#[tauri::command]
pub async fn export_fhir(
    state: State<'_, AppState>,
    path: String,
    from: Option<String>,
    to: Option<String>,
    include_notes: bool,
    include_name: bool,
) -> IpcResult<()> {
    let date = |field: &str, s: Option<String>| -> IpcResult<Option<chrono::NaiveDate>> {
        s.filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim().parse().map_err(|_| {
                    IpcError::Invalid(vec![journal::FieldError::new(field, format!("\"{s}\" is not a date"))])
                })
            })
            .transpose()
    };
    let range = DateRange::between(date("from", from)?, date("to", to)?).map_err(from_journal)?;
    let text = state.with(|j| {
        let patient_name = if include_name { j.setting(Setting::PatientName)? } else { None };
        journal::fhir::export_fhir(j, range, &Options { include_notes, patient_name, zone: Zone::Local })
    })?;
    super::write_export(Path::new(&path), text.as_bytes(), "the export")
}

fn journal_path(state: &AppState) -> IpcResult<PathBuf> {
    if let Some(e) = state.open_error() {
        return Err(IpcError::Unavailable(e));
    }
    state.path().cloned().ok_or_else(|| IpcError::Unavailable("no journal is open".into()))
}

/// Backup and restore problems keep their own message (the file the user picked is not a
/// journal, the disk is full ...) instead of the generic one.
fn from_journal(e: journal::Error) -> IpcError {
    use journal::Error as E;
    match e {
        E::Backup { reason, .. } => {
            IpcError::Journal(format!("the backup could not be made ({reason}); the journal itself is unchanged"))
        }
        E::Io { source, .. } => IpcError::Journal(format!("the file could not be read or written: {source}")),
        E::NotAJournal { .. } | E::Corrupt { .. } | E::NewerVersion { .. } => IpcError::Journal(e.to_string()),
        other => IpcError::from(other),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::{Value, json};

    use crate::tests::{Harness, harness};

    impl Harness {
        fn save(&self, date: &str) {
            let day = json!({"date": date, "doses": [], "scores": [], "wellbeing": 6, "sleep": {},
                "dreams": {}, "side_effects": [], "notes": "private note"});
            self.ok("save_day", json!({ "day": day }));
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
        let path = list["backups"][0]["path"].clone();
        let shown = h.ok("inspect_backup", json!({ "path": path }));
        assert_eq!((shown["days"].as_u64(), shown["first"].as_str()), (Some(1), Some("2025-03-01")));

        let e = h.call("restore_backup", json!({ "path": path, "days": 5 })).unwrap_err();
        assert!(e["message"].as_str().unwrap().contains("changed since it was shown"), "{e}");
        assert_eq!(h.days(), 2, "nothing restored");

        h.ok("restore_backup", json!({ "path": path, "days": 1 }));
        assert_eq!(h.days(), 1);
        let kinds: Vec<Value> =
            h.ok("backups", json!({}))["backups"].as_array().unwrap().iter().map(|b| b["kind"].clone()).collect();
        assert!(kinds.contains(&json!("before_restore")), "{kinds:?}");
    }

    #[test]
    fn restoring_a_file_that_is_not_a_journal_changes_nothing() {
        let h = harness();
        h.save("2025-03-01");
        let bad = h.dir.path().join("notes.txt");
        std::fs::write(&bad, "hello").unwrap();
        let e = h.call("inspect_backup", json!({ "path": bad })).unwrap_err();
        assert_eq!(e["kind"], "journal");
        assert!(e["message"].as_str().unwrap().contains("not an LDN Journal file"), "{e}");
        let e = h.call("restore_backup", json!({ "path": bad, "days": 0 })).unwrap_err();
        assert_eq!(e["kind"], "journal");
        assert_eq!(h.days(), 1, "the journal is still open and unchanged");
    }

    #[test]
    fn fhir_export_to_the_chosen_file() {
        let h = harness();
        h.save("2025-03-01");
        h.save("2025-04-01");
        let out = h.dir.path().join("clinic.json");
        let args =
            json!({"path": out, "from": "2025-03-01", "to": "2025-03-31", "includeNotes": false, "includeName": true});
        h.ok("export_fhir", args);
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
        let e =
            h.call("export_fhir", json!({"path": out, "from": "March", "includeNotes": false, "includeName": false}));
        assert_eq!(e.unwrap_err()["fields"][0]["field"], "from");
    }
}
