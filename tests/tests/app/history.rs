//! History: the month calendar shows logged days with dose and wellbeing, opens a day, pages
//! through months; the list deletes a day with undo.

use chrono::{Datelike, NaiveDate};
use e2e::flows::{self, days_ago, iso, today};
use e2e::{App, Home};
use journal::{Day, Dose, Formulation, Micrograms};

fn day(date: NaiveDate, doses: Vec<Dose>, wellbeing: Option<u8>, notes: &str) -> Day {
    Day {
        date,
        doses,
        scores: vec![],
        wellbeing,
        sleep: Default::default(),
        dreams: Default::default(),
        side_effects: vec![],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: notes.into(),
    }
}

fn taken(ug: u32) -> Dose {
    Dose::Taken {
        time: None,
        amount: Micrograms(ug),
        formulation: Formulation::Capsule,
        note: String::new(),
        measured: None,
    }
}

fn months_between(earlier: NaiveDate, later: NaiveDate) -> i32 {
    (later.year() - earlier.year()) * 12 + later.month() as i32 - earlier.month() as i32
}

#[tokio::test]
async fn the_calendar_shows_logged_days_and_opens_them() {
    let recent = today();
    let old = days_ago(35);
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_day(&day(recent, vec![taken(1500)], Some(7), "today")).expect("seed");
        j.save_day(&day(old, vec![Dose::Missed { time: None, reason: "away".into() }], None, "old")).expect("seed");
    });
    let app = App::launch(home).await;
    flows::open(&app, "history").await;
    app.find("history-calendar").await;

    let label = app.text_content(&format!("history-day-{}", iso(recent))).await;
    assert!(label.contains("1.5 mg taken") && label.contains("wellbeing 7"), "{label}");
    let empty = if recent.day() == 1 { recent.with_day(2) } else { recent.with_day(1) }.expect("a day of this month");
    let label = app.text_content(&format!("history-day-{}", iso(empty))).await;
    assert!(label.contains("not logged"), "{label}");

    for _ in 0..months_between(old, recent) {
        app.click("history-month-prev").await;
    }
    let want = old.format("%B %Y").to_string();
    app.wait_text("history-month-label", &want, |t| t == want).await;
    let label = app.text_content(&format!("history-day-{}", iso(old))).await;
    assert!(label.contains("1 missed"), "{label}");

    app.click(&format!("history-day-{}", iso(old))).await;
    flows::day_loaded(&app, old).await;
    assert_eq!(app.value("notes").await, "old");
    assert_eq!(app.value("dose-0-status").await, "missed");
    assert_eq!(app.attr("nav-day", "aria-current").await.as_deref(), Some("page"));
    app.quit().await;
}

#[tokio::test]
async fn delete_a_day_from_the_list_and_undo() {
    let date = today();
    let original = day(date, vec![taken(3000)], Some(5), "keep me");
    let seeded = original.clone();
    let home = Home::seeded(move |j| {
        e2e::onboard(j);
        j.save_day(&seeded).expect("seed");
    });
    let app = App::launch(home).await;
    flows::open(&app, "history").await;
    app.click("history-view-list").await;
    let row = app.text(&format!("history-row-{}", iso(date))).await;
    assert!(row.contains("3 mg"), "{row}");

    app.click(&format!("history-delete-{}", iso(date))).await;
    app.wait_gone(&format!("history-row-{}", iso(date))).await;
    app.wait_contains("toast", "Deleted").await;
    assert_eq!(app.home().open_journal().day(date).expect("read"), None, "deleted in the journal");

    app.click("toast-undo").await;
    app.find(&format!("history-row-{}", iso(date))).await;
    app.wait_contains("toast", "Restored").await;
    let home = app.quit().await;
    assert_eq!(home.open_journal().day(date).expect("read"), Some(original), "undo restores the day exactly");
}
