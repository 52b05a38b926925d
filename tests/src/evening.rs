//! A typical evening's entry with the keyboard only, the flow issue 14's target is about: every
//! active symptom scored, wellbeing, the dose as prefilled, saved with Ctrl+S. Shared by the
//! test (`tests/app/keyboard.rs`) and `examples/figures.rs`, which reports the key count.

use chrono::NaiveTime;
use journal::{Catalog, Formulation, Micrograms, PrescribedDose, RegimenPeriod};

use crate::app::{App, Home};
use crate::flows::{self, days_ago, today};

/// The symptoms of the evening: the chronic-pain starter set and two more, eight in all.
pub const EXTRA_SYMPTOMS: [&str; 2] = ["Tinnitus", "Dry eyes"];

/// A home with eight active symptoms and a regimen of 1.5 mg at 21:00, today not logged.
pub fn home() -> Home {
    Home::seeded(|j| {
        crate::onboard(j);
        for name in EXTRA_SYMPTOMS {
            j.add_item(Catalog::Symptoms, name, "").expect("add a symptom");
        }
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
    })
}

/// From the moment the day view shows today, types `scores` (one per active symptom, in the
/// form's order; 10 as "1" then "0") and `wellbeing`, then Ctrl+S, and waits for "Saved".
/// Nothing else: the focus must already be on the first symptom. Returns the key presses,
/// counted as a user presses them (a digit is one, Ctrl+S two).
pub async fn log_by_keys(app: &App, scores: &[u8], wellbeing: u8) -> usize {
    flows::day_loaded(app, today()).await;
    let mut presses = 0;
    for s in scores.iter().chain([&wellbeing]) {
        let digits = s.to_string();
        presses += digits.len();
        app.keys(&digits).await;
    }
    app.ctrl('s').await;
    presses += 2;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    presses
}
