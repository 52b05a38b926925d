//! The app's life on the desktop beyond its window: the daily reminder, the tray, keeping
//! running when the window is closed, and starting at login. The rules (when a reminder is due,
//! the settings file, the autostart entry) are in `journal::reminder` and `journal::desktop`;
//! this module only wires them to the clock, the notification service, the tray and the window.
//!
//! The reminder runs on its own thread, checking the wall clock at least once a minute (a wake
//! from suspend or a clock change is seen at the next check) and at once when the settings
//! change. Its notification is a freedesktop notification over the session D-Bus (notify-rust:
//! Tauri's notification plugin reports no clicks on Linux); clicking it opens today.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use journal::desktop::DesktopSettings;
use journal::reminder::{MAX_CHECK_INTERVAL, Notice};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Event sent to the UI to show today's day view (payload: none).
pub const OPEN_TODAY_EVENT: &str = "open-today";

/// Event sent to the UI when the user asked to quit (the window's close button, or the tray's
/// Quit): the page writes what it holds, asks about unsaved edits, then calls `quit_app`.
pub const QUIT_EVENT: &str = "quit-requested";

/// How long the page has to say it is handling a quit (`hold_quit`) before the app quits
/// anyway: a page that failed to load must not make the app impossible to close.
const QUIT_ANSWER: Duration = Duration::from_secs(3);

const TRAY_ID: &str = "main";

/// The desktop settings, where they are kept, and a bell for the reminder thread.
#[derive(Debug)]
pub struct Desktop {
    path: Option<PathBuf>,
    /// Where "start at login" writes its entry.
    autostart: Option<PathBuf>,
    settings: Mutex<DesktopSettings>,
    /// Rung when the settings change, so the reminder thread looks again at once.
    changed: Condvar,
    /// Why the last notification could not be shown, for Settings.
    notify_error: Mutex<Option<String>>,
    /// Quits asked of the page, and the last one it answered (see [`request_quit`]).
    quits_asked: AtomicU64,
    quits_held: AtomicU64,
}

impl Desktop {
    /// Reads the settings at `path` ([`journal::desktop::default_path`]); "start at login"
    /// writes to `autostart` ([`journal::desktop::autostart_path`]).
    pub fn load(path: Option<PathBuf>, autostart: Option<PathBuf>) -> Self {
        let settings = match &path {
            Some(p) => {
                let (settings, problem) = DesktopSettings::load(p);
                if let Some(problem) = problem {
                    eprintln!("ldn-journal-app: {problem}");
                }
                settings
            }
            None => DesktopSettings::default(),
        };
        Self {
            path,
            autostart,
            settings: Mutex::new(settings),
            changed: Condvar::new(),
            notify_error: Mutex::new(None),
            quits_asked: AtomicU64::new(0),
            quits_held: AtomicU64::new(0),
        }
    }

    pub fn autostart(&self) -> Option<&std::path::Path> {
        self.autostart.as_deref()
    }

    pub fn settings(&self) -> DesktopSettings {
        self.lock().clone()
    }

    /// Stores `f`'s change to the settings and wakes the reminder thread. Nothing changes when
    /// the file cannot be written.
    pub fn update(&self, f: impl FnOnce(&mut DesktopSettings)) -> journal::Result<DesktopSettings> {
        let mut guard = self.lock();
        let mut next = guard.clone();
        f(&mut next);
        if let Some(path) = &self.path {
            next.save(path)?;
        }
        *guard = next.clone();
        self.changed.notify_all();
        Ok(next)
    }

    /// Records that the reminder for `date`, due by the settings `used`, was shown: in memory
    /// whatever happens (a settings file that cannot be written must not make it remind again
    /// every minute), and in the file when it can be written, so that a restart the same day
    /// does not remind again. Not when the user changed the time meanwhile: the new time
    /// decides whether today is still to be reminded of.
    fn reminded(&self, date: chrono::NaiveDate, used: &DesktopSettings) {
        let mut guard = self.lock();
        if guard.remind_at != used.remind_at {
            return;
        }
        guard.reminded = Some(date);
        if let Some(Err(e)) = self.path.as_ref().map(|p| guard.save(p)) {
            eprintln!("ldn-journal-app: the reminder's date could not be kept: {e}");
        }
    }

    /// The page is handling the last quit asked of it (writing a draft, asking the user).
    pub fn hold_quit(&self) {
        self.quits_held.store(self.quits_asked.load(Ordering::SeqCst), Ordering::SeqCst);
    }

    pub fn notify_error(&self) -> Option<String> {
        self.notify_error.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Sleeps up to `timeout`, or until the settings are no longer `seen` (also when they
    /// changed before this call: no change is missed).
    fn wait(&self, timeout: Duration, seen: &DesktopSettings) {
        let guard = self.lock();
        let _ = self.changed.wait_timeout_while(guard, timeout, |now| now == seen);
    }

    // Settings are plain values: a panic elsewhere cannot leave them half-changed.
    fn lock(&self) -> MutexGuard<'_, DesktopSettings> {
        self.settings.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Starts the reminder thread and, when chosen, the tray; keeps the app running when its window
/// is closed if the user asked for that. `hidden`: started at login, so no window yet.
pub fn setup<R: Runtime>(app: &mut tauri::App<R>, hidden: bool) -> Result<(), Box<dyn std::error::Error>> {
    app.manage(Desktop::load(journal::desktop::default_path(), journal::desktop::autostart_path()));
    let settings = app.state::<Desktop>().settings();
    if settings.keep_running {
        show_tray(app.handle(), true);
    }
    if let Some(w) = app.get_webview_window("main") {
        if hidden && settings.keep_running {
            let _ = w.hide();
        }
        let handle = app.handle().clone();
        w.on_window_event(move |event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                if !handle.state::<Desktop>().settings().keep_running {
                    request_quit(&handle);
                } else if let Some(w) = handle.get_webview_window("main") {
                    // Hidden, not closed: what the page holds (an unsaved form) stays as it is.
                    let _ = w.hide();
                }
            }
        });
    }
    let handle = app.handle().clone();
    std::thread::Builder::new().name("reminder".into()).spawn(move || {
        loop {
            let desktop = handle.state::<Desktop>();
            let seen = desktop.settings();
            let wait = check(&handle, &desktop);
            desktop.wait(wait, &seen);
        }
    })?;
    Ok(())
}

/// Shows the reminder if it is due, and says how long to wait before looking again.
fn check<R: Runtime>(app: &AppHandle<R>, desktop: &Desktop) -> Duration {
    let used = desktop.settings();
    let Some(reminder) = used.reminder() else { return MAX_CHECK_INTERVAL };
    let now = chrono::Local::now().naive_local();
    // `None` while the journal cannot be read: the notice then asks instead of telling.
    let logged = app.state::<AppState>().with(|j| j.day_revision(now.date())).ok().map(|r| r.is_some());
    if let Some(notice) = reminder.due(now, logged) {
        let shown = notify(app, notice);
        *desktop.notify_error.lock().unwrap_or_else(|p| p.into_inner()) = shown.err();
        // Marked as reminded even when no notification service answered: trying again every
        // minute would not make one appear, and Settings says what went wrong.
        desktop.reminded(notice.date(), &used);
    }
    reminder.next_check(chrono::Local::now().naive_local())
}

/// Shows `notice` as a desktop notification; a click on it opens today.
fn notify<R: Runtime>(app: &AppHandle<R>, notice: Notice) -> Result<(), String> {
    let handle = notify_rust::Notification::new()
        .appname("LDN Journal")
        .summary(notice.text())
        .body("Click to open today in LDN Journal.")
        .icon(journal::desktop::ICON)
        .action("default", "Open today")
        .show()
        .map_err(|e| {
            eprintln!("ldn-journal-app: the reminder could not be shown: {e}");
            "the reminder could not be shown: no notification service answered on this desktop".to_string()
        })?;
    let app = app.clone();
    // Waits for the click (or the notification's closing) on its own thread.
    let spawned = std::thread::Builder::new().name("reminder-click".into()).spawn(move || {
        handle.wait_for_action(|action| {
            if action == "default" {
                open_today(&app);
            }
        });
    });
    if let Err(e) = spawned {
        eprintln!("ldn-journal-app: the reminder cannot open the app when clicked: {e}");
    }
    Ok(())
}

/// Brings the window forward (shown, restored, focused) on today's day view.
pub fn open_today<R: Runtime>(app: &AppHandle<R>) {
    crate::focus_main(app);
    let _ = app.emit(OPEN_TODAY_EVENT, ());
}

/// Quits once the page has kept what it holds: it gets [`QUIT_EVENT`], writes the day's
/// draft, asks about other unsaved edits and then calls `quit_app`, or stays if the user
/// chose to. A page that does not call `hold_quit` within [`QUIT_ANSWER`] (it failed to
/// load) does not keep the app from quitting.
pub fn request_quit<R: Runtime>(app: &AppHandle<R>) {
    let desktop = app.state::<Desktop>();
    let ticket = desktop.quits_asked.fetch_add(1, Ordering::SeqCst) + 1;
    if app.emit(QUIT_EVENT, ()).is_err() {
        app.exit(0);
        return;
    }
    let watcher = app.clone();
    let watched = std::thread::Builder::new().name("quit".into()).spawn(move || {
        std::thread::sleep(QUIT_ANSWER);
        if watcher.state::<Desktop>().quits_held.load(Ordering::SeqCst) < ticket {
            eprintln!("ldn-journal-app: the window did not answer; quitting");
            watcher.exit(0);
        }
    });
    if watched.is_err() {
        app.exit(0);
    }
}

/// Adds or removes the tray icon. Returns whether a tray shows it: the icon is only seen where
/// the desktop runs a StatusNotifier host (most do; GNOME needs the AppIndicator extension).
pub fn show_tray<R: Runtime>(app: &AppHandle<R>, on: bool) -> bool {
    if !on {
        let _ = app.remove_tray_by_id(TRAY_ID);
        return false;
    }
    if app.tray_by_id(TRAY_ID).is_some() {
        return tray_host();
    }
    // The tray loads libayatana-appindicator at run time and panics where it is missing (the
    // `.deb` depends on it; a build from source may lack it): the app then runs without a tray.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build_tray(app)));
    match built {
        Ok(Ok(())) => tray_host(),
        Ok(Err(e)) => {
            eprintln!("ldn-journal-app: no tray icon: {e}");
            false
        }
        Err(_) => {
            eprintln!("ldn-journal-app: no tray icon: the appindicator library is missing");
            false
        }
    }
}

fn build_tray<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open LDN Journal", true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock now", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit LDN Journal", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &lock, &quit])?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID).tooltip("LDN Journal").menu(&menu).on_menu_event(|app, event| {
        match event.id().as_ref() {
            "open" => crate::focus_main(app),
            "lock" => crate::session_lock::request_lock(app),
            "quit" => request_quit(app),
            _ => {}
        }
    });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Whether the desktop shows tray icons: a StatusNotifier watcher owns its name on the bus.
pub fn tray_host() -> bool {
    #[cfg(target_os = "linux")]
    {
        // One connection for the app's life: Settings asks each time it is shown.
        static BUS: std::sync::OnceLock<Option<zbus::blocking::Connection>> = std::sync::OnceLock::new();
        let Some(bus) = BUS.get_or_init(|| zbus::blocking::Connection::session().ok()) else { return false };
        let has_watcher = || -> zbus::Result<bool> {
            let dbus = zbus::blocking::fdo::DBusProxy::new(bus)?;
            Ok(dbus.name_has_owner("org.kde.StatusNotifierWatcher".try_into()?)?)
        };
        has_watcher().unwrap_or(false)
    }
    #[cfg(not(target_os = "linux"))]
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A settings file that cannot be written (read-only or full config folder) still keeps
    /// the date reminded of in memory: the reminder is not shown again a minute later.
    #[test]
    fn a_reminder_is_kept_as_shown_when_the_settings_file_cannot_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("a-file");
        std::fs::write(&blocked, b"not a folder").unwrap();
        let desktop = Desktop::load(Some(blocked.join("desktop.json")), None);
        let at = journal::reminder::ReminderTime::parse("t", "00:00").unwrap();
        desktop.settings.lock().unwrap().remind_at = Some(at);
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(21, 0, 0).unwrap();
        let notice = desktop.settings().reminder().unwrap().due(now, Some(false)).unwrap();
        desktop.reminded(notice.date(), &desktop.settings());
        assert_eq!(desktop.settings().reminder().unwrap().due(now, Some(false)), None);
    }

    /// The reminder thread checked with one time while the user set another: the new time,
    /// not the old one, decides whether today is still to be reminded of.
    #[test]
    fn a_reminder_shown_for_an_old_time_does_not_silence_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let desktop = Desktop::load(Some(dir.path().join("desktop.json")), None);
        let time = |t: &str| Some(journal::reminder::ReminderTime::parse("t", t).unwrap());
        desktop.update(|s| s.remind_at = time("20:00")).unwrap();
        let used = desktop.settings();
        desktop.update(|s| s.remind_at = time("22:00")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        desktop.reminded(today, &used);
        assert_eq!(desktop.settings().reminded, None);
        desktop.reminded(today, &desktop.settings());
        assert_eq!(desktop.settings().reminded, Some(today));
    }
}
