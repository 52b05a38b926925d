//! Logging a full day: two doses, scores (0 distinct from not rated), wellbeing, sleep, dreams,
//! side effects and notes; saved to the journal exactly, and all found again after a restart.

use chrono::NaiveTime;
use e2e::flows::{self, active, today};
use e2e::{App, Home, Key};
use journal::{
    Catalog, Day, Dose, Dreams, Formulation, Micrograms, Score, Severity, SideEffectEntry, Sleep, Vividness,
};

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[tokio::test]
async fn log_a_full_day_and_find_everything_after_a_restart() {
    let home = Home::onboarded();
    let symptoms = active(&home, Catalog::Symptoms);
    let side_effects = active(&home, Catalog::SideEffects);
    assert!(symptoms.len() >= 3 && side_effects.len() >= 2, "starter lists are there");
    let (s0, s1, s2) = (symptoms[0].id, symptoms[1].id, symptoms[2].id);
    let (e0, e1) = (side_effects[0].id, side_effects[1].id);

    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.text("day-status").await, "Not logged yet");

    // Two doses: the second added with the "add another dose" button.
    app.click("add-dose").await;
    app.click("add-dose").await;
    app.set_value("dose-0-time", "08:00").await;
    app.type_into("dose-0-amount", "1.5").await;
    app.select("dose-0-formulation", "capsule").await;
    app.set_value("dose-1-time", "21:30").await;
    app.type_into("dose-1-amount", "3").await;
    app.select("dose-1-formulation", "liquid").await;
    app.type_into("dose-1-note", "with water").await;

    // Scores: 7, an explicit 0, and one left not rated.
    app.choose(&format!("score-{s0}-7")).await;
    app.choose(&format!("score-{s1}-0")).await;
    app.choose("wellbeing-6").await;

    app.set_value("sleep-bedtime", "23:15").await;
    app.set_value("sleep-wake", "07:00").await;
    app.wait_contains("sleep-duration", "7 h 45 min").await;
    app.type_into("sleep-awakenings", "2").await;
    app.choose("sleep-quality-4").await;

    app.choose("dreams-vivid-very").await;
    app.choose("dreams-nightmare-false").await;
    app.type_into("dreams-notes", "Flying over the sea").await;

    app.choose(&format!("side-effect-{e0}-mild")).await;
    app.choose(&format!("side-effect-{e1}-none")).await;
    app.type_into("notes", "A calm day.").await;

    app.wait_contains("day-status", "Unsaved").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    app.wait_contains("toast", "Saved").await;
    let home = app.quit().await;

    // The journal holds exactly what was entered.
    let saved = home.open_journal().day(today()).expect("read the day").expect("the day was saved");
    let expected = Day {
        date: today(),
        doses: vec![
            Dose::Taken {
                time: hm(8, 0),
                amount: Micrograms(1500),
                formulation: Formulation::Capsule,
                note: String::new(),
                measured: None,
            },
            Dose::Taken {
                time: hm(21, 30),
                amount: Micrograms(3000),
                formulation: Formulation::Liquid,
                note: "with water".into(),
                measured: None,
            },
        ],
        scores: vec![Score { symptom: s0, value: 7 }, Score { symptom: s1, value: 0 }],
        wellbeing: Some(6),
        sleep: Sleep { bedtime: hm(23, 15), wake: hm(7, 0), quality: Some(4), awakenings: Some(2) },
        dreams: Dreams { vivid: Some(Vividness::Very), nightmare: Some(false), notes: "Flying over the sea".into() },
        side_effects: vec![
            SideEffectEntry { side_effect: e0, severity: Severity::Mild },
            SideEffectEntry { side_effect: e1, severity: Severity::Absent },
        ],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: "A calm day.".into(),
    };
    let mut got = saved.clone();
    got.scores.sort_by_key(|s| s.symptom);
    got.side_effects.sort_by_key(|s| s.side_effect);
    let mut want = expected.clone();
    want.scores.sort_by_key(|s| s.symptom);
    want.side_effects.sort_by_key(|s| s.side_effect);
    assert_eq!(got, want);

    // After a restart the day view shows it all again.
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.text("day-status").await, "Saved");
    assert_eq!(app.value("dose-0-time").await, "08:00");
    assert_eq!(app.value("dose-0-amount").await, "1.5");
    assert_eq!(app.value("dose-0-formulation").await, "capsule");
    assert_eq!(app.value("dose-1-time").await, "21:30");
    assert_eq!(app.value("dose-1-amount").await, "3");
    assert_eq!(app.value("dose-1-formulation").await, "liquid");
    assert_eq!(app.value("dose-1-note").await, "with water");
    assert!(app.checked(&format!("score-{s0}-7")).await);
    assert!(app.checked(&format!("score-{s1}-0")).await, "0 is kept as 0");
    assert!(app.checked(&format!("score-{s2}-unset")).await, "not rated stays not rated");
    assert!(app.checked("wellbeing-6").await);
    assert_eq!(app.value("sleep-bedtime").await, "23:15");
    assert_eq!(app.value("sleep-wake").await, "07:00");
    assert_eq!(app.value("sleep-awakenings").await, "2");
    assert!(app.checked("sleep-quality-4").await);
    assert!(app.checked("dreams-vivid-very").await);
    assert!(app.checked("dreams-nightmare-false").await);
    assert_eq!(app.value("dreams-notes").await, "Flying over the sea");
    assert!(app.checked(&format!("side-effect-{e0}-mild")).await);
    assert!(app.checked(&format!("side-effect-{e1}-none")).await);
    assert_eq!(app.value("notes").await, "A calm day.");
    app.quit().await;
}

#[tokio::test]
async fn a_missed_dose_keeps_its_reason() {
    let app = App::launch(Home::onboarded()).await;
    flows::day_loaded(&app, today()).await;
    app.click("add-dose").await;
    app.select("dose-0-status", "missed").await;
    app.type_into("dose-0-reason", "forgot at bedtime").await;
    assert!(!app.exists("dose-0-amount").await, "a missed dose has no amount");
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    let home = app.quit().await;
    let day = home.open_journal().day(today()).expect("read").expect("saved");
    assert_eq!(day.doses, vec![Dose::Missed { time: None, reason: "forgot at bedtime".into() }]);
}

/// Copy from the last logged day fills one section as an unsaved change, never the notes;
/// Search (Ctrl+K) finds a note and Enter opens its day.
#[tokio::test]
async fn copy_from_the_last_day_and_search_a_note() {
    let yesterday = e2e::flows::days_ago(1);
    let home = e2e::Home::seeded(|j| {
        e2e::onboard(j);
        let mut e = journal::entry::DayEntry::from_day(&journal::Day::new(yesterday));
        let first = j.catalog(journal::Catalog::Symptoms).expect("catalog")[0].id;
        e.scores.insert(first, Some(6));
        e.wellbeing = Some(3);
        e.notes = "Brain fog after the \"new\" pharmacy's capsules".into();
        j.save_entry(&e, None).expect("seed yesterday");
    });
    let first = e2e::flows::active(&home, journal::Catalog::Symptoms)[0].id;
    let app = App::launch(home).await;
    e2e::flows::day_loaded(&app, e2e::flows::today()).await;
    app.click("copy-scores").await;
    app.wait_contains("day-status", "Unsaved").await;
    assert!(app.checked(&format!("score-{first}-6")).await, "the score was copied");
    assert!(app.checked("wellbeing-3").await, "wellbeing was copied");
    assert_eq!(app.value("notes").await, "", "notes are never copied");

    app.ctrl('k').await;
    app.find("search-text").await;
    app.keys("\"brain fog\" capsules").await;
    let hit = app.wait_css("[data-testid=\"search-hit\"]").await;
    let text = hit.text().await.expect("hit text");
    assert!(text.contains("day note") && text.contains("pharmacy"), "{text}");
    let mut marked = Vec::new();
    for m in app.all_css("[data-testid=\"search-hit\"] mark").await {
        marked.push(m.text().await.expect("mark text"));
    }
    assert_eq!(marked.join("|").to_lowercase(), "brain fog|capsules", "the matches are marked");
    app.type_into("search-text", " NEAR * \"").await;
    app.find("search-none").await;
    app.set_value("search-text", "capsules").await;
    app.wait_css("[data-testid=\"search-hit\"]").await;
    app.press(Key::Enter).await;
    e2e::flows::day_loaded(&app, yesterday).await;
    app.quit().await;
}
