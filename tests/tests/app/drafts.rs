//! Unsaved edits are never lost: they are kept as a draft in the journal, survive a restart and
//! a change of day, and can be saved or discarded.

use std::time::{Duration, Instant};

use e2e::flows::{self, days_ago, today};
use e2e::{App, Home, Key};

/// Waits until the journal holds a draft for today whose notes are `notes`.
async fn draft_written(app: &App, notes: &str) {
    let deadline = Instant::now() + e2e::app::timeout();
    loop {
        let draft = app.home().open_journal().draft(today()).expect("read the draft");
        if draft.as_ref().is_some_and(|d| d.day.notes == notes) {
            return;
        }
        if Instant::now() > deadline {
            app.fail(format!("no draft with notes {notes:?} was written; last: {draft:?}")).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn unsaved_edits_survive_a_restart_as_a_draft() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.choose("wellbeing-3").await;
    app.type_into("notes", "half-written thought").await;
    app.wait_contains("day-status", "kept as a draft").await;
    draft_written(&app, "half-written thought").await;

    let app = app.restart().await;
    flows::day_loaded(&app, today()).await;
    app.find("draft-notice").await;
    assert_eq!(app.value("notes").await, "half-written thought");
    assert!(app.checked("wellbeing-3").await);
    assert!(app.text("day-status").await.contains("Unsaved"));
    assert_eq!(app.home().open_journal().day(today()).expect("read"), None, "a draft is not a saved day");

    app.click("draft-save").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    app.wait_gone("draft-notice").await;
    let home = app.quit().await;
    let j = home.open_journal();
    let day = j.day(today()).expect("read").expect("saved from the draft");
    assert_eq!((day.notes.as_str(), day.wellbeing), ("half-written thought", Some(3)));
    assert!(j.draft(today()).expect("read").is_none(), "saving removes the draft");
}

#[tokio::test]
async fn edits_are_kept_when_moving_to_another_day_and_can_be_discarded() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.type_into("notes", "not finished").await;
    // Move away at once: the pending draft is written before the other day loads.
    app.chord(Key::Alt, char::from(Key::Left)).await;
    flows::day_loaded(&app, days_ago(1)).await;
    assert_eq!(app.value("notes").await, "");
    app.chord(Key::Alt, char::from(Key::Right)).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.value("notes").await, "not finished");
    app.find("draft-notice").await;

    app.click("draft-discard").await;
    app.wait_gone("draft-notice").await;
    assert_eq!(app.value("notes").await, "");
    assert_eq!(app.text("day-status").await, "Not logged yet");
    let home = app.quit().await;
    let j = home.open_journal();
    assert!(j.draft(today()).expect("read").is_none(), "discarded");
    assert_eq!(j.day(today()).expect("read"), None);
}

/// Text that is not a valid entry yet is typing too: an amount with a comma and a half-typed
/// time come back exactly as typed after a change of day and a restart.
#[tokio::test]
async fn text_that_does_not_parse_yet_is_kept_as_typed() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.click("add-dose").await;
    app.type_into("dose-0-amount", "1,5 mg?").await;
    app.type_into("notes", "comma amount").await;
    app.chord(Key::Alt, char::from(Key::Left)).await;
    flows::day_loaded(&app, days_ago(1)).await;
    app.chord(Key::Alt, char::from(Key::Right)).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.value("dose-0-amount").await, "1,5 mg?");

    draft_written(&app, "comma amount").await;
    let app = app.restart().await;
    flows::day_loaded(&app, today()).await;
    app.find("draft-notice").await;
    assert_eq!(app.value("dose-0-amount").await, "1,5 mg?");
    assert_eq!(app.value("notes").await, "comma amount");
    let form = app.home().open_journal().draft(today()).expect("read").and_then(|d| d.form).unwrap_or_default();
    assert!(form.contains("1,5 mg?"), "the draft keeps the typed text: {form}");

    // Saving still names the field; nothing is stored until it parses.
    app.click("save-day").await;
    app.wait_css("[data-testid=\"dose-0-amount\"][aria-invalid=\"true\"]").await;
    assert_eq!(app.home().open_journal().day(today()).expect("read"), None);
}
