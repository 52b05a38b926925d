//! Logging a day with the keyboard alone: Tab between fields (each showing a visible focus),
//! arrow keys in the score chips, typing, Ctrl+S to save.

use e2e::evening;
use e2e::flows::{self, active, today};
use e2e::{App, Key};
use journal::{Catalog, Dose, Micrograms, Score};

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
    let home = evening::home();
    let first = active(&home, Catalog::Symptoms)[0].id;
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    assert_eq!(app.value("dose-0-amount").await, "1.5", "the prescribed dose is prefilled");

    // An unlogged day opens on its first score; in a radio group Tab stops on the checked
    // chip ("not rated"); arrows move the choice.
    app.wait_focus(&format!("score-{first}-unset")).await;
    assert_focus_visible(&app, "the first score").await;
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

/// Issue 14's target: a typical evening (eight symptoms, wellbeing, the dose as prefilled)
/// saved with at most 30 key presses from the moment the day view opens, Ctrl+S included.
#[tokio::test]
async fn a_typical_evening_takes_at_most_thirty_key_presses() {
    let home = evening::home();
    let symptoms = active(&home, Catalog::Symptoms);
    assert_eq!(symptoms.len(), 8, "the evening has eight symptoms");
    let app = App::launch(home).await;
    // A 10 (typed "1" "0"), a 1 followed at once by another score, a 0 and the rest.
    let scores = [3, 10, 1, 7, 0, 5, 2, 9];
    let presses = evening::log_by_keys(&app, &scores, 6).await;
    println!("FIGURE typical evening: {presses} key presses (target <= 30)");
    assert!(presses <= 30, "{presses} key presses");
    let home = app.quit().await;

    let day = home.open_journal().day(today()).expect("read").expect("saved with Ctrl+S");
    let stored: Vec<(u32, u8)> = day.scores.iter().map(|s| (s.symptom, s.value)).collect();
    let wanted: Vec<(u32, u8)> = symptoms.iter().map(|s| s.id).zip(scores).collect();
    assert_eq!(stored, wanted, "each digit scored its symptom");
    assert_eq!(day.wellbeing, Some(6));
    assert_eq!(day.doses.len(), 1, "the prefilled dose was saved");
    assert!(matches!(day.doses[0], Dose::Taken { amount: Micrograms(1500), .. }), "1.5 mg as prefilled");
}

/// Backspace clears a score typed by mistake, and Alt+N goes back to the first one not rated.
#[tokio::test]
async fn backspace_clears_a_score_and_alt_n_finds_the_first_unanswered() {
    let home = evening::home();
    let symptoms = active(&home, Catalog::Symptoms);
    let app = App::launch(home).await;
    flows::day_loaded(&app, today()).await;
    let (first, second) = (symptoms[0].id, symptoms[1].id);
    app.wait_focus(&format!("score-{first}-unset")).await;
    app.keys("4").await;
    app.wait_focus(&format!("score-{second}-unset")).await;
    assert!(app.checked(&format!("score-{first}-4")).await);
    app.keys("5").await;
    // Back to the second with Shift+Tab, and clear it.
    app.chord(Key::Shift, char::from(Key::Tab)).await;
    app.wait_focus(&format!("score-{second}-5")).await;
    app.press(Key::Backspace).await;
    assert!(app.checked(&format!("score-{second}-unset")).await, "Backspace: not rated");
    app.settle().await;
    let said = app.text_content("announcement").await;
    assert!(said.ends_with(": not rated"), "screen readers hear the change: {said:?}");
    app.click("notes").await;
    app.chord(Key::Alt, 'n').await;
    app.wait_focus(&format!("score-{second}-unset")).await;

    // The help overlay lists the shortcuts of the day view, and Esc closes it.
    app.click(&format!("score-{second}-unset")).await;
    app.keys("?").await;
    app.wait_contains("keyboard-help", "Copy this section").await;
    app.press(Key::Escape).await;
    app.wait_gone("keyboard-help").await;
    app.quit().await;
}
