//! Bad input is shown at its field, names the value, keeps what the user typed, and saves
//! nothing until corrected.

use e2e::flows::{self, today};
use e2e::{App, Home};

#[tokio::test]
async fn a_bad_amount_is_shown_at_the_field_with_the_input_kept() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.click("add-dose").await;
    app.type_into("dose-0-amount", "1,5 tabs").await;
    app.type_into("notes", "typed before the error").await;
    app.click("save-day").await;

    let msg = app.text("field-error-doses[0].amount").await;
    assert!(msg.contains("1,5 tabs"), "the message names the value: {msg}");
    assert_eq!(app.value("dose-0-amount").await, "1,5 tabs", "the input is kept as typed");
    assert_eq!(app.attr("dose-0-amount", "aria-invalid").await.as_deref(), Some("true"));
    let described = app.attr("dose-0-amount", "aria-describedby").await.expect("the field points at its message");
    let by_id = app.exec(&format!("return document.getElementById('{described}').textContent;"), vec![]).await;
    assert_eq!(by_id.as_str().map(str::trim), Some(msg.trim()), "aria-describedby names the message");
    assert_eq!(app.focused_testid().await.as_deref(), Some("dose-0-amount"), "focus moves to the bad field");
    assert!(app.text("day-error").await.contains("Nothing was saved"));
    assert_eq!(app.value("notes").await, "typed before the error", "other fields are kept too");
    assert_ne!(app.text("day-status").await, "Saved");

    // Correcting the value saves the day, and the message goes away.
    app.type_into("dose-0-amount", "1.5").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    assert!(!app.exists("field-error-doses[0].amount").await);
    let home = app.quit().await;
    let day = home.open_journal().day(today()).expect("read").expect("saved after correcting");
    assert_eq!(day.notes, "typed before the error");
}

#[tokio::test]
async fn a_bad_count_of_awakenings_saves_nothing() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.type_into("sleep-awakenings", "lots").await;
    app.click("save-day").await;
    let msg = app.text("field-error-sleep.awakenings").await;
    assert!(msg.contains("lots"), "the message names the value: {msg}");
    assert_eq!(app.value("sleep-awakenings").await, "lots");
    assert_eq!(app.attr("sleep-awakenings", "aria-invalid").await.as_deref(), Some("true"));
    let home = app.quit().await;
    assert_eq!(home.open_journal().day(today()).expect("read"), None, "nothing was saved");
}
