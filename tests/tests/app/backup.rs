//! Backups in the app: the automatic backup of the day is listed in Settings; back up, change
//! the journal, restore after seeing what the backup holds; the journal is back as it was and
//! the changed one is kept as a backup.

use e2e::flows::{self, days_ago, today};
use e2e::{App, Home};
use journal::backup::{self, Kind};
use journal::{DateRange, Day};

fn day(date: chrono::NaiveDate, notes: &str) -> Day {
    let mut d = Day::new(date);
    d.wellbeing = Some(5);
    d.notes = notes.into();
    d
}

#[tokio::test]
async fn back_up_change_restore() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_day(&day(days_ago(2), "kept")).expect("seed");
    });
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    app.find("backups").await;

    // The start-up backup runs in the background; "Back up now" makes today's backup current.
    app.click("backup-now").await;
    app.wait_text("backup-0-days", "1 day in the backup", |t| t == "1").await;
    assert!(!app.exists("backup-1").await, "today's backup is replaced, not duplicated");

    // A change after the backup: today logged in the app.
    flows::open(&app, "day").await;
    flows::day_loaded(&app, today()).await;
    app.choose("wellbeing-8").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    assert_eq!(app.home().open_journal().days(DateRange::all()).expect("read").len(), 2);

    // Restore: the confirmation says what the backup holds before anything happens.
    flows::open(&app, "settings").await;
    app.click("backup-0-restore").await;
    let summary = app.wait_contains("restore-summary", "holds 1 day (").await;
    assert!(summary.contains(&days_ago(2).to_string()), "{summary}");
    assert_eq!(app.home().open_journal().days(DateRange::all()).expect("read").len(), 2, "not yet");
    app.click("restore-confirm-yes").await;
    app.wait_gone("restore-confirm").await;

    let j = app.home().open_journal();
    let days = j.days(DateRange::all()).expect("read");
    assert_eq!(days, vec![day(days_ago(2), "kept")], "the journal is the backup again");
    let kept = backup::list(&app.home().journal_path(), None).expect("list");
    let before = kept.iter().find(|b| b.kind == Kind::BeforeRestore).expect("the changed journal was backed up");
    assert_eq!(before.summary.days, 2);
    drop(j);

    // The app shows the restored journal: today is not logged any more.
    flows::open(&app, "day").await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.text("day-status").await, "Not logged yet");
    app.quit().await;
}

/// The automatic backup runs in the background shortly after start-up. When it cannot be made
/// (here a file stands where the backups folder goes), the app says so once, Settings shows
/// why, and logging goes on.
#[tokio::test]
async fn a_failed_automatic_backup_is_reported_and_logging_goes_on() {
    let home = Home::seeded(e2e::onboard);
    let blocked = backup::dir(&home.journal_path());
    std::fs::write(&blocked, "not a folder").expect("block the backups folder");
    let app = App::launch(home).await;

    flows::day_loaded(&app, today()).await;
    app.choose("wellbeing-6").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;

    let toast = app.wait_contains("toast", "The automatic backup failed").await;
    assert!(toast.contains("Your journal is fine"), "{toast}");
    flows::open(&app, "settings").await;
    app.wait_contains("daily-backup-status", "Today's automatic backup failed").await;
    app.find("backups-error").await;
    assert_eq!(app.home().open_journal().days(DateRange::all()).expect("read").len(), 1, "the day was kept");
}

/// Files the user picks come from dialogs that Rust opens (answered here through the debug
/// build's seam): restore from a file outside the backups folder, and the FHIR export, whose
/// file gets its extension and leaves the private note out by default.
#[tokio::test]
async fn restore_from_a_file_and_export_fhir_through_the_dialogs() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_day(&day(days_ago(3), "a private note")).expect("seed");
    });
    let elsewhere = home.path().join("from-my-usb-stick.sqlite3");
    backup::to_file(&home.open_journal(), &elsewhere).expect("a backup file outside the backups folder");
    home.open_journal().save_day(&day(days_ago(1), "after the backup")).expect("a later day");
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    app.find("backups").await;

    // Cancelling the open dialog changes nothing.
    app.home().answer_dialog(None);
    app.click("restore-file").await;
    app.settle().await;
    assert!(!app.exists("restore-confirm").await);

    app.home().answer_dialog(Some(&elsewhere));
    app.click("restore-file").await;
    app.wait_contains("restore-summary", "holds 1 day (").await;
    app.click("restore-confirm-yes").await;
    app.wait_gone("restore-confirm").await;
    app.wait_contains("toast", "Restored: 1 day.").await;
    let days = app.home().open_journal().days(DateRange::all()).expect("read");
    assert_eq!(days, vec![day(days_ago(3), "a private note")], "the picked file was restored");

    // The app shows the restored journal afresh (its views are drawn again): back to Settings.
    flows::open(&app, "settings").await;
    app.find("fhir-export").await;
    app.settle().await;
    let out = app.home().path().join("for-the-clinic");
    app.home().answer_dialog(Some(&out));
    app.click("fhir-export").await;
    app.wait_contains("toast", "Exported for clinical systems").await;
    let bundle = std::fs::read_to_string(app.home().path().join("for-the-clinic.json")).expect("the FHIR file");
    assert!(bundle.contains("\"resourceType\": \"Bundle\"") || bundle.contains("\"resourceType\":\"Bundle\""));
    assert!(!bundle.contains("a private note"), "notes leave only on opt-in");
    app.quit().await;
}
