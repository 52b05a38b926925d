//! What the benches share: the day a patient saves of an evening.

use chrono::NaiveDate;
use journal::{Day, Dose, Formulation, Micrograms, Score};

/// One day as the app saves it: a dose, a score for each of `symptoms`, wellbeing, a note.
pub fn evening(date: NaiveDate, symptoms: &[u32]) -> Day {
    let mut day = Day::new(date);
    day.doses = vec![Dose::Taken {
        time: None,
        amount: Micrograms(1500),
        formulation: Formulation::Capsule,
        note: String::new(),
        measured: None,
    }];
    day.scores = symptoms.iter().map(|&symptom| Score { symptom, value: 4 }).collect();
    day.wellbeing = Some(6);
    day.notes = "Slept badly, vivid dreams.".into();
    day
}
