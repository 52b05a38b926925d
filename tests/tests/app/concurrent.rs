//! The app and the command line share one journal (both honour LDN_JOURNAL_DB): reading it
//! with the CLI while the app runs must not cost the app any later save.

use std::process::Command;

use e2e::flows::{self, days_ago, today};
use e2e::{App, Home, driver};

async fn save_notes(app: &App, notes: &str) {
    app.type_into("notes", notes).await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
}

#[tokio::test]
async fn saves_after_the_cli_read_the_journal_are_kept() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    save_notes(&app, "saved before the CLI ran").await;

    let cli = driver::cli_binary();
    assert!(cli.is_file(), "{} not found: cargo build -p ldn-journal-cli", cli.display());
    let out = Command::new(&cli).arg("--db").arg(app.home().journal_path()).arg("check").output().expect("run the CLI");
    assert!(out.status.success(), "ldn-journal check: {}", String::from_utf8_lossy(&out.stderr));

    flows::open_day(&app, days_ago(1)).await;
    save_notes(&app, "saved after the CLI ran").await;
    let home = app.quit().await;

    let j = home.open_journal();
    let notes = |d| j.day(d).expect("read").map(|d| d.notes);
    assert_eq!(notes(today()).as_deref(), Some("saved before the CLI ran"));
    assert_eq!(notes(days_ago(1)).as_deref(), Some("saved after the CLI ran"), "a save after the CLI read was lost");
}

/// The command line logs the day the app has open: the app's save from its older form is
/// refused, nothing is overwritten, the edits stay in the form; the user then saves theirs
/// over the other version (or loads it).
#[tokio::test]
async fn a_day_changed_by_the_cli_meanwhile_is_not_overwritten() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    save_notes(&app, "from the app").await;

    let cli = driver::cli_binary();
    let out = Command::new(&cli)
        .arg("--db")
        .arg(app.home().journal_path())
        .args(["log", "--date", "today", "--notes", "from the command line"])
        .output()
        .expect("run the CLI");
    assert!(out.status.success(), "ldn-journal log: {}", String::from_utf8_lossy(&out.stderr));

    app.type_into("notes", "from the app and more").await;
    app.click("save-day").await;
    let msg = app.wait_contains("stale-message", "changed since you opened it").await;
    assert!(msg.starts_with("Not saved"), "{msg}");
    assert_eq!(app.value("notes").await, "from the app and more", "the edits stay in the form");
    let j = app.home().open_journal();
    assert_eq!(j.day(today()).expect("read").map(|d| d.notes).as_deref(), Some("from the command line"));
    drop(j);

    app.click("stale-save-mine").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    app.wait_gone("stale-notice").await;
    let j = app.home().open_journal();
    assert_eq!(j.day(today()).expect("read").map(|d| d.notes).as_deref(), Some("from the app and more"));
}
