//! Correcting a past day: reach it with the keyboard shortcut, the buttons or the date picker,
//! change it, and only that day changes.

use e2e::flows::{self, days_ago, today};
use e2e::{App, Home, Key};
use journal::{Day, Dose, Formulation, Micrograms};

fn seeded_day(date: chrono::NaiveDate, wellbeing: u8, notes: &str) -> Day {
    Day {
        date,
        doses: vec![Dose::Taken {
            time: None,
            amount: Micrograms(1500),
            formulation: Formulation::Capsule,
            note: String::new(),
            measured: None,
        }],
        scores: vec![],
        wellbeing: Some(wellbeing),
        sleep: Default::default(),
        dreams: Default::default(),
        side_effects: vec![],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: notes.into(),
    }
}

#[tokio::test]
async fn edit_a_past_day_reached_with_alt_left() {
    let past = days_ago(3);
    let other = days_ago(4);
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_day(&seeded_day(past, 4, "before")).expect("seed");
        j.save_day(&seeded_day(other, 5, "untouched")).expect("seed");
    });
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;

    for n in 1..=3 {
        app.chord(Key::Alt, char::from(Key::Left)).await;
        flows::day_loaded(&app, days_ago(n)).await;
    }
    assert_eq!(app.text("day-status").await, "Saved");
    assert_eq!(app.value("notes").await, "before");
    assert!(app.checked("wellbeing-4").await);
    assert_eq!(app.value("dose-0-amount").await, "1.5");

    app.choose("wellbeing-8").await;
    app.type_into("notes", "after").await;
    app.wait_contains("day-status", "Unsaved").await;
    app.ctrl('s').await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;

    // Next and Today move forward again.
    app.click("day-next").await;
    flows::day_loaded(&app, days_ago(2)).await;
    assert_eq!(app.text("day-status").await, "Not logged yet");
    app.click("day-today").await;
    flows::day_loaded(&app, today()).await;
    let home = app.quit().await;

    let j = home.open_journal();
    let day = j.day(past).expect("read").expect("still there");
    assert_eq!((day.wellbeing, day.notes.as_str()), (Some(8), "after"));
    assert_eq!(day.doses, seeded_day(past, 0, "").doses, "the dose was kept");
    assert_eq!(j.day(other).expect("read"), Some(seeded_day(other, 5, "untouched")));
    assert_eq!(j.day(today()).expect("read"), None, "moving around saved nothing else");
}

#[tokio::test]
async fn the_date_picker_opens_any_day() {
    let past = days_ago(40);
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_day(&seeded_day(past, 6, "a month ago")).expect("seed");
    });
    let app = App::launch(home).await;
    flows::open_day(&app, past).await;
    assert_eq!(app.value("notes").await, "a month ago");
    assert!(app.checked("wellbeing-6").await);
    app.click("day-prev").await;
    flows::day_loaded(&app, days_ago(41)).await;
    assert_eq!(app.text("day-status").await, "Not logged yet");
    app.quit().await;
}
