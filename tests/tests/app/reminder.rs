//! The daily reminder in the real app, on a private session bus with a real notification daemon
//! (dunst): set in Settings, it arrives when today is not logged, says so in plain words, and a
//! click on it opens today; a logged day gets none. Start at login writes its autostart entry
//! and "Add to my calendar" writes the same reminder as an iCalendar file. With a tray host on
//! the bus (a real StatusNotifier watcher), the tray's menu opens the window and quits.

use std::time::Duration;

use e2e::bus::SessionBus;
use e2e::flows::{self, today};
use e2e::{App, Home};
use journal::Day;
use journal::reminder::Notice;

fn desktop_json(home: &Home) -> std::path::PathBuf {
    home.path().join("config").join(journal::paths::APP_ID).join(journal::desktop::FILE_NAME)
}

/// Waits until the page's `document.visibilityState` is `state` (the window shown or hidden).
async fn wait_visibility(app: &App, state: &str, what: &str) {
    for _ in 0..100 {
        if app.exec("return document.visibilityState", vec![]).await == state {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: the page is not {state} after 10 s");
}

#[tokio::test]
async fn the_reminder_arrives_when_today_is_not_logged_and_its_click_opens_today() {
    let bus = SessionBus::start();
    let home = Home::onboarded().with_env("DBUS_SESSION_BUS_ADDRESS", bus.address());
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    app.find("reminder-panel").await;
    assert!(!app.checked("reminder-on").await, "off by default");

    // A time that is not one is refused at its field, and nothing is stored.
    app.click("reminder-on").await;
    app.type_into("reminder-time", "25:00").await;
    app.click("reminder-save").await;
    app.wait_contains("field-error-remind_at", "is not a time of day").await;
    assert!(!desktop_json(app.home()).exists(), "nothing stored after a refused time");

    // 00:00 has always passed today: the reminder is due as soon as it is saved.
    app.type_into("reminder-time", "00:00").await;
    app.click("reminder-save").await;
    bus.wait_notification(Notice::NOT_LOGGED, Duration::from_secs(10));
    // The date reminded of is kept just after the notification is shown.
    let reminded = format!("\"reminded\": \"{}\"", today());
    let read = || std::fs::read_to_string(desktop_json(app.home())).unwrap_or_default();
    flows::eventually("the date reminded of kept", || read().contains(&reminded)).await;
    let stored = read();
    assert!(stored.contains("\"remind_at\": \"00:00\""), "{stored}");
    assert!(!stored.contains("Today"), "no health data in the desktop settings: {stored}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(bus.summaries(), [Notice::NOT_LOGGED], "once a day");

    // A click on the notification opens today.
    bus.click_newest();
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.attr("nav-day", "aria-current").await.as_deref(), Some("page"));

    // Start at login: an XDG autostart entry that starts the app hidden; off removes it.
    flows::open(&app, "settings").await;
    app.click("start-at-login").await;
    app.click("keep-running").await;
    app.click("reminder-save").await;
    let autostart = app.home().path().join("config/autostart").join(format!("{}.desktop", journal::paths::APP_ID));
    flows::eventually("the autostart entry", || autostart.exists()).await;
    let entry = std::fs::read_to_string(&autostart).expect("autostart entry");
    assert!(entry.contains(" --hidden\n") && entry.contains("Exec="), "{entry}");
    // Xvfb runs no tray host: Settings says so, and the reminder keeps working without one.
    app.find("no-tray").await;
    app.click("start-at-login").await;
    app.click("reminder-save").await;
    flows::eventually("the autostart entry removed", || !autostart.exists()).await;

    // "Add to my calendar": a daily event at the time, from the save dialog.
    let ics = app.home().path().join("reminder.ics");
    app.home().answer_dialog(Some(&ics));
    app.click("reminder-calendar").await;
    flows::eventually("the calendar file", || ics.exists()).await;
    let text = std::fs::read_to_string(&ics).expect("calendar file");
    for line in ["BEGIN:VEVENT", "RRULE:FREQ=DAILY", &format!("DTSTART:{}T000000", today().format("%Y%m%d"))] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} in {text}");
    }
    assert!(text.contains("SUMMARY:LDN Journal: log today\r\n"), "{text}");
}

#[tokio::test]
async fn a_logged_day_gets_no_reminder() {
    let bus = SessionBus::start();
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        let mut d = Day::new(today());
        d.wellbeing = Some(6);
        j.save_day(&d).expect("seed today");
    })
    .with_env("DBUS_SESSION_BUS_ADDRESS", bus.address());
    let settings = journal::desktop::DesktopSettings {
        remind_at: Some(journal::reminder::ReminderTime::parse("t", "00:00").expect("a time")),
        ..Default::default()
    };
    settings.save(&desktop_json(&home)).expect("write desktop settings");
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    assert!(app.checked("reminder-on").await);
    assert_eq!(app.value("reminder-time").await, "00:00");
    // Saving wakes the reminder at once; it looks, and today is logged.
    app.click("reminder-save").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(bus.summaries(), Vec::<String>::new(), "no reminder for a logged day");
    let stored = std::fs::read_to_string(desktop_json(app.home())).expect("desktop settings");
    assert!(!stored.contains("reminded"), "{stored}");
}

/// "Keep running": closing the window (Ctrl+W, the same close request as its close button)
/// hides it, the reminder still arrives, and its click brings the window back on today.
/// Quitting (Ctrl+Q) with unsaved settings asks first; Stay keeps the app.
#[tokio::test]
async fn a_closed_window_keeps_reminding_and_quitting_asks_about_unsaved_edits() {
    let bus = SessionBus::start();
    let home = Home::onboarded().with_env("DBUS_SESSION_BUS_ADDRESS", bus.address());
    let settings = journal::desktop::DesktopSettings { keep_running: true, ..Default::default() };
    settings.save(&desktop_json(&home)).expect("write desktop settings");
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    wait_visibility(&app, "visible", "the window is shown at start").await;

    app.ctrl('w').await;
    wait_visibility(&app, "hidden", "the window is hidden, not closed").await;

    // While hidden, the reminder is set (through the command Settings uses): it arrives.
    let set = r#"const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__
          .invoke("save_desktop_settings", { request: { remind_at: "00:00", keep_running: true, start_at_login: false } })
          .then(() => done("ok"), (e) => done(JSON.stringify(e)));"#;
    let saved = app.client().execute_async(set, vec![]).await.expect("script");
    assert_eq!(saved, "ok");
    bus.wait_notification(Notice::NOT_LOGGED, Duration::from_secs(10));
    bus.click_newest();
    wait_visibility(&app, "visible", "the click brings the window back").await;
    flows::day_loaded(&app, today()).await;

    // Ctrl+Q with a changed, unsaved reminder panel asks; Stay keeps the app and the change.
    flows::open(&app, "settings").await;
    app.click("keep-running").await;
    app.ctrl('q').await;
    app.wait_contains("leave-dialog", "Quit without saving?").await;
    app.wait_contains("leave-dialog", "reminder settings are changed").await;
    app.click("leave-stay").await;
    app.wait_gone("leave-dialog").await;
    assert!(!app.checked("keep-running").await, "the unsaved change is still there");
}

/// With a tray host on the desktop: the app's tray icon registers with it and says so in
/// Settings; its menu brings a closed window back and quits. Quitting from the tray asks about
/// unsaved settings (Stay keeps the app), and keeps a day's note typed a moment before as a
/// draft without asking.
#[tokio::test]
async fn the_tray_menu_opens_the_window_and_quits_keeping_what_is_typed() {
    let bus = SessionBus::start_with_tray();
    let home = Home::onboarded().with_env("DBUS_SESSION_BUS_ADDRESS", bus.address());
    let settings = journal::desktop::DesktopSettings { keep_running: true, ..Default::default() };
    settings.save(&desktop_json(&home)).expect("write desktop settings");
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    let tray = bus.wait_tray(Duration::from_secs(10));
    let labels: Vec<String> = tray.entries().into_iter().map(|(_, label)| label).collect();
    assert_eq!(labels, ["Open LDN Journal", "Lock now", "Quit LDN Journal"]);

    flows::open(&app, "settings").await;
    app.find("keep-running").await;
    assert!(!app.exists("no-tray").await, "a desktop with a tray host gets no \"shows no tray icons\" note");
    app.ctrl('w').await;
    wait_visibility(&app, "hidden", "closing hides the window").await;
    tray.click("Open LDN Journal");
    wait_visibility(&app, "visible", "the tray's Open brings the window back").await;

    app.click("keep-running").await;
    tray.click("Quit LDN Journal");
    app.wait_contains("leave-dialog", "Quit without saving?").await;
    app.click("leave-stay").await;
    app.wait_gone("leave-dialog").await;
    app.click("keep-running").await;

    flows::open(&app, "day").await;
    flows::day_loaded(&app, today()).await;
    app.type_into("notes", "typed just before quitting").await;
    tray.click("Quit LDN Journal");
    let pid = app.pid().expect("the app's process");
    assert!(e2e::procs::wait_exit(pid, Duration::from_secs(10)), "the tray's Quit ends the app");
    let home = app.quit().await;
    let draft = home.open_journal().draft(today()).expect("read the draft");
    assert_eq!(draft.map(|d| d.day.notes), Some("typed just before quitting".to_string()));
}
