//! Settings that belong to this computer rather than to the journal: the daily reminder, the
//! tray, start at login, and the reminder as a calendar file.

use journal::desktop::{self as settings_file, DesktopSettings};
use journal::reminder::{self, ReminderTime};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::desktop::{self, Desktop};
use crate::error::{IpcError, IpcResult};
use crate::pick::{self, SaveAs};
use crate::state::AppState;

/// The desktop settings as Settings shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DesktopInfo {
    /// "HH:MM", or null: no reminder.
    pub remind_at: Option<String>,
    pub keep_running: bool,
    pub start_at_login: bool,
    /// Whether this desktop shows tray icons (where it does not, a window closed while
    /// `keep_running` comes back by starting LDN Journal again).
    pub tray_host: bool,
    /// Why the last reminder could not be shown, if it could not.
    pub notify_error: Option<String>,
    /// An encrypted journal locks after this many idle minutes; null: never by itself.
    pub auto_lock_minutes: Option<u32>,
}

/// Settings' reminder and start-up choices, as the user left them.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DesktopUpdate {
    /// "HH:MM" as typed, or null to turn the reminder off.
    pub remind_at: Option<String>,
    pub keep_running: bool,
    pub start_at_login: bool,
}

#[tauri::command]
pub fn desktop_settings(desktop: State<'_, Desktop>) -> DesktopInfo {
    info(&desktop.settings(), &desktop)
}

/// Stores the choices, then puts the tray and the autostart entry in step with them. A time
/// that is not HH:MM is refused at its field and nothing is changed.
#[tauri::command]
pub fn save_desktop_settings<R: Runtime>(
    app: AppHandle<R>,
    desktop: State<'_, Desktop>,
    request: DesktopUpdate,
) -> IpcResult<DesktopInfo> {
    let remind_at = request.remind_at.as_deref().map(reminder_time).transpose()?;
    if let Some(path) = desktop.autostart() {
        let exe = installed_exe();
        let exe = exe.as_deref().filter(|_| request.start_at_login);
        if request.start_at_login && exe.is_none() {
            return Err(IpcError::Retry(
                "LDN Journal cannot tell where it is installed, so it cannot start at login".into(),
            ));
        }
        settings_file::set_autostart(path, exe)?;
    }
    let saved = desktop.update(|s| {
        // A new time still ahead today may remind today; one already passed does not remind
        // again a day already reminded of.
        let ahead = remind_at.is_some_and(|t| t.time() > chrono::Local::now().time());
        if s.remind_at != remind_at && ahead {
            s.reminded = None;
        }
        s.remind_at = remind_at;
        s.keep_running = request.keep_running;
        s.start_at_login = request.start_at_login;
    })?;
    desktop::show_tray(&app, saved.keep_running);
    Ok(info(&saved, &desktop))
}

/// Stores the idle time after which an encrypted journal locks (`None`: never). Saved at once,
/// as chosen: it is one choice, not a form.
#[tauri::command]
pub fn save_auto_lock(desktop: State<'_, Desktop>, minutes: Option<u32>) -> IpcResult<DesktopInfo> {
    let minutes = settings_file::auto_lock(minutes)?;
    let saved = desktop.update(|s| s.auto_lock_minutes = minutes)?;
    Ok(info(&saved, &desktop))
}

/// Closes the window as its close button does (Ctrl+W): hidden while "keep running" is on,
/// otherwise the app quits once the page has kept what it holds.
#[tauri::command]
pub fn close_window<R: Runtime>(window: tauri::WebviewWindow<R>) -> IpcResult<()> {
    window.close().map_err(|e| IpcError::Retry(format!("the window could not be closed: {e}")))
}

/// The page is handling a quit ([`desktop::QUIT_EVENT`]): the app waits for `quit_app`.
/// `show`: the page must ask the user, so the window comes forward (from the tray).
#[tauri::command]
pub fn hold_quit<R: Runtime>(app: AppHandle<R>, desktop: State<'_, Desktop>, show: bool) {
    desktop.hold_quit();
    if show {
        crate::focus_main(&app);
    }
}

/// Quits: the page has written its draft and the user agreed to lose anything unsaved.
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

/// Asks where to save, then writes the reminder at `remind_at` as an iCalendar file (a daily
/// event, floating local time). `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn save_reminder_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    remind_at: String,
) -> IpcResult<Option<String>> {
    let at = reminder_time(&remind_at)?;
    let save_as = SaveAs { file_name: "ldn-journal-reminder.ics", filter: "iCalendar", extension: "ics" };
    let Some(path) = pick::save_file(&app, save_as).await? else { return Ok(None) };
    let ics = reminder::calendar(at, chrono::Local::now().date_naive(), chrono::Utc::now());
    super::write_export(&state, &path, ics.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

/// The reminder's time as typed, refused with messages written for this field (the core's
/// messages name the command-line option).
fn reminder_time(typed: &str) -> IpcResult<ReminderTime> {
    let field = |message: String| IpcError::Invalid(vec![journal::FieldError::new("remind_at", message)]);
    if typed.trim().is_empty() {
        return Err(field("enter the time to be reminded at, as HH:MM (such as 21:30)".into()));
    }
    ReminderTime::parse("remind_at", typed).map_err(|_| {
        field(format!("\"{}\" is not a time of day: write it as HH:MM, from 00:00 to 23:59", typed.trim()))
    })
}

/// This program's path for the autostart entry. After a package upgrade replaced the binary
/// under the running app, Linux reports it with " (deleted)": the installed path is the same
/// without it.
fn installed_exe() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    match exe.to_str().and_then(|s| s.strip_suffix(" (deleted)")) {
        Some(installed) => Some(installed.into()),
        None => Some(exe),
    }
}

fn info(s: &DesktopSettings, desktop: &Desktop) -> DesktopInfo {
    DesktopInfo {
        remind_at: s.remind_at.map(|t| t.to_string()),
        keep_running: s.keep_running,
        start_at_login: s.start_at_login,
        tray_host: desktop::tray_host(),
        notify_error: desktop.notify_error(),
        auto_lock_minutes: s.auto_lock_minutes,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::json;

    use crate::tests::harness;

    #[test]
    fn the_reminder_is_off_until_set_and_a_bad_time_is_refused_at_its_field() {
        let h = harness();
        let off = h.ok("desktop_settings", json!({}));
        assert_eq!(
            (&off["remind_at"], &off["keep_running"], &off["start_at_login"]),
            (&json!(null), &json!(false), &json!(false))
        );

        let bad = |t: &str| json!({"request": {"remind_at": t, "keep_running": false, "start_at_login": false}});
        for t in ["25:00", "9pm", "12:60"] {
            let e = h.err("save_desktop_settings", bad(t));
            assert_eq!((&e["kind"], &e["fields"][0]["field"]), (&json!("invalid"), &json!("remind_at")), "{t}: {e}");
        }
        assert!(!h.dir.path().join("desktop.json").exists(), "nothing stored after a refusal");

        let on = h.ok("save_desktop_settings", bad("21:30"));
        assert_eq!(on["remind_at"], "21:30");
        let stored = std::fs::read_to_string(h.dir.path().join("desktop.json")).unwrap();
        assert!(stored.contains("\"21:30\""), "{stored}");
        let blank = h.err("save_desktop_settings", bad(" "));
        assert_eq!(blank["fields"][0]["field"], "remind_at", "on, with no time: {blank}");
        let off = json!({"request": {"remind_at": null, "keep_running": false, "start_at_login": false}});
        assert_eq!(h.ok("save_desktop_settings", off)["remind_at"], json!(null), "off");
    }

    #[test]
    fn the_auto_lock_is_fifteen_minutes_until_changed_and_can_be_off() {
        let h = harness();
        assert_eq!(h.ok("desktop_settings", json!({}))["auto_lock_minutes"], 15);
        let e = h.err("save_auto_lock", json!({"minutes": 0}));
        assert_eq!(e["fields"][0]["field"], "auto_lock_minutes", "{e}");
        assert_eq!(h.ok("save_auto_lock", json!({"minutes": null}))["auto_lock_minutes"], json!(null));
        assert_eq!(h.ok("desktop_settings", json!({}))["auto_lock_minutes"], json!(null), "off is kept");
        assert_eq!(h.ok("save_auto_lock", json!({"minutes": 5}))["auto_lock_minutes"], 5);
    }

    #[test]
    fn start_at_login_writes_and_removes_the_autostart_entry() {
        let h = harness();
        let entry = h.dir.path().join("autostart/org.ldnjournal.LdnJournal.desktop");
        let set = |on: bool| json!({"request": {"remind_at": null, "keep_running": true, "start_at_login": on}});
        assert_eq!(h.ok("save_desktop_settings", set(true))["start_at_login"], true);
        assert!(std::fs::read_to_string(&entry).unwrap().contains(" --hidden\n"));
        h.ok("save_desktop_settings", set(false));
        assert!(!entry.exists());
    }

    #[test]
    fn the_calendar_file_is_written_where_the_dialog_says() {
        let h = harness();
        let ics = h.dir.path().join("reminder");
        h.answer(Some(ics.clone()));
        let path = h.ok("save_reminder_calendar", json!({"remindAt": "07:05"}));
        let text = std::fs::read_to_string(path.as_str().unwrap()).unwrap();
        assert!(path.as_str().unwrap().ends_with("reminder.ics"), "the extension is added: {path}");
        assert!(text.contains("RRULE:FREQ=DAILY\r\n") && text.contains("T070500\r\n"), "{text}");
        h.answer(None);
        assert_eq!(h.ok("save_reminder_calendar", json!({"remindAt": "07:05"})), json!(null), "cancelled");
        let e = h.err("save_reminder_calendar", json!({"remindAt": "7h"}));
        assert_eq!(e["fields"][0]["field"], "remind_at");
    }
}
