//! Logging a day with the keyboard alone: Tab between fields (each showing a visible focus),
//! arrow keys in the score chips, typing, Ctrl+S to save.

use chrono::NaiveTime;
use e2e::flows::{self, active, days_ago, today};
use e2e::{App, Home, Key};
use journal::{Catalog, Formulation, Micrograms, PrescribedDose, RegimenPeriod, Score};

/// Presses Tab until the element with `id` has focus; fails naming what was visited.
async fn tab_to(app: &App, id: &str) {
    let mut visited = Vec::new();
    for _ in 0..120 {
        app.press(Key::Tab).await;
        let focused = app.focused_testid().await;
        if focused.as_deref() == Some(id) {
            assert_focus_visible(app, id).await;
            return;
        }
        visited.push(focused.unwrap_or_else(|| "(no testid)".into()));
    }
    app.fail(format!("Tab never reached {id}; visited {visited:?}")).await;
}

/// The focused control, or the chip drawn for a hidden radio, has a visible outline.
async fn assert_focus_visible(app: &App, id: &str) {
    let style = app
        .exec(
            "const el = document.activeElement;
             const shown = el.type === 'radio' ? el.nextElementSibling : el;
             const s = getComputedStyle(shown);
             return s.outlineStyle + ' ' + s.outlineWidth;",
            vec![],
        )
        .await;
    let style = style.as_str().unwrap_or_default().to_string();
    assert!(!style.starts_with("none") && !style.ends_with(" 0px"), "{id} has no visible focus: {style}");
}

async fn arrow_right(app: &App, times: usize) {
    for _ in 0..times {
        app.press(Key::Right).await;
    }
}

#[tokio::test]
async fn log_a_day_with_the_keyboard_alone() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_regimen_period(&RegimenPeriod {
            id: 0,
            from: days_ago(30),
            until: None,
            doses: vec![PrescribedDose { amount: Micrograms(1500), time: NaiveTime::from_hms_opt(21, 0, 0) }],
            formulation: Formulation::Capsule,
            strength: String::new(),
            pharmacy: String::new(),
            note: String::new(),
        })
        .expect("seed regimen");
    });
    let first = active(&home, Catalog::Symptoms)[0].id;
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.value("dose-0-amount").await, "1.5", "the prescribed dose is prefilled");

    // In a radio group Tab stops on the checked chip ("not rated"); arrows move the choice.
    tab_to(&app, &format!("score-{first}-unset")).await;
    arrow_right(&app, 4).await;
    assert!(app.checked(&format!("score-{first}-3")).await, "arrows chose 3");

    tab_to(&app, "wellbeing-unset").await;
    arrow_right(&app, 8).await;
    assert!(app.checked("wellbeing-7").await, "arrows chose 7");

    tab_to(&app, "sleep-awakenings").await;
    app.keys("1").await;
    tab_to(&app, "notes").await;
    app.keys("Logged with the keyboard").await;

    app.ctrl('s').await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    let home = app.quit().await;

    let day = home.open_journal().day(today()).expect("read").expect("saved with Ctrl+S");
    assert_eq!(day.scores, vec![Score { symptom: first, value: 3 }]);
    assert_eq!(day.wellbeing, Some(7));
    assert_eq!(day.sleep.awakenings, Some(1));
    assert_eq!(day.notes, "Logged with the keyboard");
    assert_eq!(day.doses.len(), 1, "the prefilled dose was saved");
}
