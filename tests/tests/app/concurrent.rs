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
