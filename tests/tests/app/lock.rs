//! An encrypted journal: turned on in Settings, opened with its passphrase at start-up (a wrong
//! one said at the field), and locked again by itself when idle, by Ctrl+L, or when the
//! machine goes to sleep, without losing what was being typed.

use std::time::{Duration, Instant};

use e2e::bus::SystemBus;
use e2e::flows::{self, today};
use e2e::{App, Home};
use journal::{Journal, Passphrase};

const PASSPHRASE: &str = "correct horse battery staple";
const NOTE: &str = "slept badly, vivid dream about the sea";

fn pass() -> Passphrase {
    Passphrase::new(PASSPHRASE.into()).expect("a passphrase")
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Unlocks at the unlock screen and waits for the day view.
async fn unlock(app: &App) {
    app.type_into("unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    flows::day_loaded(app, today()).await;
    assert!(!app.exists("unlock-screen").await);
}

/// Waits (up to `within`) for the unlock screen to replace the window's content.
async fn wait_locked(app: &App, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    while !app.exists("unlock-screen").await {
        if Instant::now() > deadline {
            app.fail(format!("the journal did not lock {what}")).await;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(!app.exists("notes").await, "the day's content is gone while locked ({what})");
    assert!(app.text("no-advice").await.contains("no medical or dosing advice"));
}

#[tokio::test]
async fn encryption_turned_on_in_settings_asks_for_the_passphrase_at_the_next_start() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        let mut day = journal::Day::new(today());
        day.notes = NOTE.into();
        day.wellbeing = Some(6);
        j.save_day(&day).expect("seed a day");
    });
    let path = home.journal_path();
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    app.find("encryption-no-recovery").await;
    app.type_into("encryption-passphrase", PASSPHRASE).await;
    app.type_into("encryption-repeat", "correct horse battery stapel").await;
    app.click("encryption-turn-on").await;
    app.find("encryption-unconfirmed").await;
    app.click("encryption-understood").await;
    app.click("encryption-turn-on").await;
    let differ = app.wait_text("field-error-repeat", "the typings differ", |t| !t.is_empty()).await;
    assert!(differ.contains("differ"), "{differ}");
    app.set_value("encryption-repeat", PASSPHRASE).await;
    app.click("encryption-turn-on").await;
    app.find("encryption-on").await;
    flows::shot(&app, "encryption-on").await;
    assert!(app.text("fhir-plain").await.contains("this export is not"), "the export says it is a plain file");

    let bytes = std::fs::read(&path).expect("read the journal");
    assert!(!bytes.starts_with(b"SQLite format 3"), "the file is no longer plain SQLite");
    assert!(!contains(&bytes, NOTE), "the note is not on disk in clear");
    app.find("nav-lock").await;

    let app = app.restart().await;
    app.find("unlock-screen").await;
    assert!(app.text("no-advice").await.contains("no medical or dosing advice"));
    let nav_hidden =
        app.exec("return document.querySelector('[data-testid=\"nav-day\"]').offsetParent === null", vec![]);
    assert_eq!(nav_hidden.await, serde_json::json!(true), "no way round the unlock screen");
    flows::shot(&app, "unlock-screen").await;

    app.type_into("unlock-passphrase", "correct horse").await;
    app.click("unlock-submit").await;
    let wrong = app.wait_text("field-error-passphrase", "a wrong passphrase refused", |t| !t.is_empty()).await;
    assert!(wrong.contains("does not open this journal"), "{wrong}");
    app.wait_focus("unlock-passphrase").await;
    assert_eq!(app.attr("unlock-passphrase", "aria-invalid").await.as_deref(), Some("true"));
    flows::shot(&app, "unlock-wrong").await;

    app.set_value("unlock-passphrase", "").await;
    unlock(&app).await;
    assert_eq!(app.value("notes").await, NOTE, "the journal's days are there");
    app.set_value("notes", "logged while encrypted").await;
    app.ctrl('s').await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    let home = app.quit().await;

    let j = Journal::unlock(home.journal_path(), &pass()).expect("unlock with the passphrase");
    assert_eq!(j.day(today()).expect("read").expect("saved").notes, "logged while encrypted");
    assert!(matches!(Journal::open(home.journal_path()), Err(journal::Error::Locked { .. })));
}

#[tokio::test]
async fn the_journal_locks_when_idle_on_ctrl_l_and_before_sleep_keeping_what_is_typed() {
    let home = Home::onboarded();
    drop(journal::encryption::encrypt(home.open_journal(), &pass()).expect("encrypt"));
    let settings = journal::desktop::DesktopSettings { auto_lock_minutes: Some(1), ..Default::default() };
    let config = home.path().join("config").join(journal::paths::APP_ID).join(journal::desktop::FILE_NAME);
    settings.save(&config).expect("write desktop settings");
    let system = SystemBus::start();
    let home = home.with_env("DBUS_SYSTEM_BUS_ADDRESS", system.address());
    let app = App::launch(home).await;
    app.find("unlock-screen").await;
    unlock(&app).await;

    // Idle: typed, not saved, then nothing for a minute.
    app.type_into("notes", "typed just before walking away").await;
    let typed = Instant::now();
    wait_locked(&app, Duration::from_secs(90), "after a minute idle").await;
    assert!(typed.elapsed() >= Duration::from_secs(55), "locked after {:?}, before the idle minute", typed.elapsed());
    let draft = Journal::unlock(app.home().journal_path(), &pass()).expect("open").draft(today()).expect("read");
    assert_eq!(draft.map(|d| d.day.notes).as_deref(), Some("typed just before walking away"), "kept as a draft");
    unlock(&app).await;
    app.find("draft-notice").await;
    assert_eq!(app.value("notes").await, "typed just before walking away");

    // Ctrl+L locks at once.
    app.click("notes").await;
    app.ctrl('l').await;
    wait_locked(&app, Duration::from_secs(5), "on Ctrl+L").await;
    unlock(&app).await;

    // logind says the machine is about to sleep.
    system.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", &["true"]);
    wait_locked(&app, Duration::from_secs(10), "before sleep").await;
    unlock(&app).await;
    // ... and the session's Lock signal.
    system.emit("/org/freedesktop/login1/session/_31", "org.freedesktop.login1.Session.Lock", &[]);
    wait_locked(&app, Duration::from_secs(10), "when the session locks").await;
    let _ = app.quit().await;
}

#[tokio::test]
async fn a_passphrase_remembered_in_the_keyring_opens_the_journal_at_start_only() {
    let home = Home::onboarded();
    drop(journal::encryption::encrypt(home.open_journal(), &pass()).expect("encrypt"));
    let bus = e2e::bus::SessionBus::start_with_keyring();
    let app = App::launch(home.with_env("DBUS_SESSION_BUS_ADDRESS", bus.address())).await;
    unlock(&app).await;
    flows::open(&app, "settings").await;
    app.type_into("keyring-passphrase", "not the passphrase").await;
    app.click("keyring-remember").await;
    let wrong = app.wait_text("field-error-current", "a wrong passphrase refused", |t| !t.is_empty()).await;
    assert!(wrong.contains("not the journal's passphrase"), "{wrong}");
    app.set_value("keyring-passphrase", PASSPHRASE).await;
    app.click("keyring-remember").await;
    app.find("keyring-on").await;
    flows::shot(&app, "keyring-on").await;

    let app = app.restart().await;
    flows::day_loaded(&app, today()).await;
    assert!(!app.exists("unlock-screen").await, "opened with the keyring's passphrase");
    app.ctrl('l').await;
    wait_locked(&app, Duration::from_secs(5), "on Ctrl+L").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(app.exists("unlock-screen").await, "a lock is not undone by the keyring");
    unlock(&app).await;

    flows::open(&app, "settings").await;
    app.click("keyring-forget").await;
    app.find("keyring-remember").await;
    let app = app.restart().await;
    app.find("unlock-screen").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(app.exists("unlock-screen").await, "forgotten: the passphrase is asked for");
    let _ = app.quit().await;
    drop(bus);
}
