//! The app's identifier changed after 0.1 (`org.ldnjournal.app` → `org.ldnjournal.LdnJournal`)
//! and its folders are named for it. An installed app finds a journal left in the old folder,
//! with its backups; an old folder beside the new one is left alone, and said once.

use e2e::flows::{self, days_ago, today};
use e2e::{App, Home};
use journal::paths::{APP_ID, OLD_APP_ID};

/// A home as a 0.1 release left it: the journal (today logged, with a note) and yesterday's
/// backup in the old folder. Returns the backup's name.
fn journal_under_the_old_name(home: &Home) -> String {
    let mut j = home.open_journal();
    e2e::onboard(&mut j);
    let mut day = journal::Day::new(today());
    day.wellbeing = Some(6);
    day.notes = "written before the update".into();
    j.save_day(&day).expect("seed");
    let backup = journal::backup::now(&j, days_ago(1)).expect("back up");
    drop(j);
    std::fs::rename(home.data_folder(APP_ID), home.data_folder(OLD_APP_ID)).expect("name the folder as 0.1 did");
    backup.name
}

#[tokio::test]
async fn a_journal_in_the_old_folder_opens_with_its_backups() {
    let home = Home::in_data_folder();
    let backup = journal_under_the_old_name(&home);
    let backup_bytes = std::fs::read(home.data_folder(OLD_APP_ID).join("backups").join(&backup)).expect("read");

    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.text("day-status").await, "Saved", "today's entry is the old journal's");
    assert_eq!(app.value("notes").await, "written before the update");
    assert!(!app.exists("toast").await, "a plain move is not announced");

    // Its backup came along: listed in Settings beside today's automatic one.
    flows::open(&app, "settings").await;
    app.find("backup-1").await;
    let home = app.quit().await;
    assert!(!home.data_folder(OLD_APP_ID).exists(), "the folder was moved, not copied");
    let moved = std::fs::read(home.data_folder(APP_ID).join("backups").join(&backup)).expect("the backup moved");
    assert!(moved == backup_bytes, "the backup moved byte for byte");
}

#[tokio::test]
async fn an_old_folder_beside_the_new_one_is_left_alone_and_said_once() {
    let home = Home::in_data_folder();
    journal_under_the_old_name(&home);
    // A newer release already made the new folder, with a journal of its own.
    e2e::onboard(&mut home.open_journal());

    let app = App::launch(home).await;
    let toast = app.wait_contains("toast", "An older LDN Journal folder is still at").await;
    assert!(toast.contains("Nothing was merged or deleted"), "{toast}");
    flows::shot(&app, "old-folder-notice").await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.text("day-status").await, "Not logged yet", "the new folder's journal is used");

    let app = app.restart().await;
    flows::day_loaded(&app, today()).await;
    app.settle().await;
    for toast in app.all_css("[data-testid=\"toast\"]").await {
        let text = toast.text().await.unwrap_or_default();
        assert!(!text.contains("older LDN Journal folder"), "said once only: {text}");
    }
    let home = app.quit().await;
    let old = home.data_folder(OLD_APP_ID);
    assert!(old.join(journal::paths::FILE_NAME).is_file(), "the old journal is still there");
}
