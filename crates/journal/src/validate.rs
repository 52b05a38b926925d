//! Validation of user input. Every rule lives here, and every failure names the field and the
//! value it got, so the UI can show it beside the field and the CLI can print it.

use std::collections::HashSet;

use crate::{
    CatalogItem, Day, Dose, Error, FIRST_DATE, FieldError, LAST_DATE, Micrograms, Question, RegimenPeriod, Result,
};

/// Anything above this is not a low dose; most likely the unit is wrong.
pub const MAX_DOSE_UG: u32 = 50_000;
/// Free-text fields (notes, dream notes) hold at least this many characters.
pub const MAX_NOTE_CHARS: usize = 200_000;
/// Names of symptoms, side effects, pharmacies and the like.
pub const MAX_NAME_CHARS: usize = 200;
pub(crate) const MAX_AWAKENINGS: u16 = 100;
/// Dose events a day holds (split doses, a missed one beside them); a regimen's doses a day.
pub const MAX_DOSES_PER_DAY: usize = 24;

/// Collects field errors and turns them into one [`Error::Invalid`].
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldError>);

impl Problems {
    pub(crate) fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    pub(crate) fn range(&mut self, field: &str, label: &str, v: Option<u32>, lo: u32, hi: u32) {
        if let Some(v) = v.filter(|v| !(lo..=hi).contains(v)) {
            self.add(field, format!("{label} must be {lo}–{hi}, got {v}"));
        }
    }

    /// Free text (notes, questions, descriptions) is the patient's own and kept as typed; what
    /// of it cannot be drawn is left out where it is drawn (`crate::text::drawable`).
    pub(crate) fn text(&mut self, field: &str, label: &str, s: &str, max: usize) {
        let n = s.chars().count();
        if n > max {
            self.add(field, format!("{label} is too long: {n} characters, at most {max}"));
        }
    }

    /// A one-line text that is drawn as a label (a name, a pharmacy, a strength): no control
    /// characters at all, tabs and line breaks included.
    pub(crate) fn line(&mut self, field: &str, label: &str, s: &str, max: usize) {
        self.text(field, label, s, max);
        if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_control()) {
            let what = match c {
                '\t' => "a tab".to_string(),
                '\n' | '\r' => "a line break".to_string(),
                c => format!("a control character (U+{:04X})", u32::from(c)),
            };
            self.add(field, format!("{label} cannot contain {what}; found one at character {}", i + 1));
        }
    }

    pub(crate) fn name(&mut self, field: &str, label: &str, s: &str) {
        if s.trim().is_empty() {
            self.add(field, format!("{label} cannot be empty"));
        }
        self.line(field, label, s, MAX_NAME_CHARS);
    }

    pub(crate) fn amount(&mut self, field: &str, amount: Micrograms) {
        if amount.0 == 0 {
            self.add(field, "dose must be more than 0 mg; record a missed dose instead".to_string());
        } else if amount.0 > MAX_DOSE_UG {
            self.add(
                field,
                format!("{amount} is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)"),
            );
        }
    }

    pub(crate) fn finish(self) -> Result<()> {
        if self.0.is_empty() { Ok(()) } else { Err(Error::Invalid(self.0)) }
    }

    pub(crate) fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}

/// Checks everything about a day that does not need the catalogs.
pub fn day(d: &Day) -> Result<()> {
    day_problems(d).finish()
}

pub(crate) fn day_problems(d: &Day) -> Problems {
    let mut p = Problems::default();
    if !crate::DateRange::all().contains(d.date) {
        p.add("date", format!("date must be between {FIRST_DATE} and {LAST_DATE}, got {}", d.date));
    }
    if d.doses.len() > MAX_DOSES_PER_DAY {
        p.add("doses", format!("a day holds at most {MAX_DOSES_PER_DAY} dose events, got {}", d.doses.len()));
    }
    for (i, dose) in d.doses.iter().enumerate() {
        match dose {
            Dose::Taken { amount, note, .. } => {
                p.amount(&format!("doses[{i}].amount"), *amount);
                p.text(&format!("doses[{i}].note"), "dose note", note, MAX_NOTE_CHARS);
            }
            Dose::Missed { reason, .. } => {
                p.text(&format!("doses[{i}].reason"), "reason", reason, MAX_NOTE_CHARS);
            }
        }
    }
    let mut seen = HashSet::new();
    for (i, s) in d.scores.iter().enumerate() {
        p.range(&format!("scores[{i}].value"), "symptom score", Some(s.value.into()), 0, 10);
        if !seen.insert(s.symptom) {
            p.add(format!("scores[{i}].symptom"), format!("symptom {} is scored twice", s.symptom));
        }
    }
    p.range("wellbeing", "wellbeing", d.wellbeing.map(u32::from), 0, 10);
    p.range("sleep.quality", "sleep quality", d.sleep.quality.map(u32::from), 1, 5);
    p.range("sleep.awakenings", "awakenings", d.sleep.awakenings.map(u32::from), 0, MAX_AWAKENINGS.into());
    if let (Some(b), Some(w)) = (d.sleep.bedtime, d.sleep.wake)
        && b == w
    {
        p.add("sleep.wake", format!("wake time is the same as bedtime ({})", crate::hhmm::format(w)));
    }
    if let Err(skipped) = d.sleep.night_in(d.date, &chrono::Local) {
        let (field, label, date, time) = match skipped {
            crate::SkippedTime::Bedtime { date, time } => ("sleep.bedtime", "bedtime", date, time),
            crate::SkippedTime::Wake { date, time } => ("sleep.wake", "wake time", date, time),
        };
        p.add(
            field,
            format!(
                "the {label} {} did not exist on {date}: the clocks went forward that night; enter the time the clock showed",
                crate::hhmm::format(time)
            ),
        );
    }
    p.text("dreams.notes", "dream notes", &d.dreams.notes, MAX_NOTE_CHARS);
    let mut seen = HashSet::new();
    for (i, s) in d.side_effects.iter().enumerate() {
        if !seen.insert(s.side_effect) {
            p.add(format!("side_effects[{i}].side_effect"), format!("side effect {} is recorded twice", s.side_effect));
        }
    }
    p.text("notes", "notes", &d.notes, MAX_NOTE_CHARS);
    p
}

/// Checks that every score and side effect refers to an item of the user's catalogs.
pub(crate) fn day_references(d: &Day, symptoms: &[CatalogItem], side_effects: &[CatalogItem], p: &mut Problems) {
    for (i, s) in d.scores.iter().enumerate() {
        if !symptoms.iter().any(|c| c.id == s.symptom) {
            p.add(format!("scores[{i}].symptom"), format!("symptom {} is not in your symptom list", s.symptom));
        }
    }
    for (i, s) in d.side_effects.iter().enumerate() {
        if !side_effects.iter().any(|c| c.id == s.side_effect) {
            p.add(
                format!("side_effects[{i}].side_effect"),
                format!("side effect {} is not in your side-effect list", s.side_effect),
            );
        }
    }
}

pub fn regimen_period(r: &RegimenPeriod) -> Result<()> {
    let mut p = Problems::default();
    if r.doses.is_empty() {
        p.add("doses", "enter at least one prescribed dose");
    }
    if r.doses.len() > MAX_DOSES_PER_DAY {
        p.add("doses", format!("a regimen holds at most {MAX_DOSES_PER_DAY} doses a day"));
    }
    for (i, d) in r.doses.iter().enumerate() {
        p.amount(&format!("doses[{i}].amount"), d.amount);
    }
    if !crate::DateRange::all().contains(r.from) {
        p.add("from", format!("date must be between {FIRST_DATE} and {LAST_DATE}, got {}", r.from));
    }
    if let Some(until) = r.until.filter(|u| *u < r.from) {
        p.add("until", format!("the end date {until} is before the start date {}", r.from));
    }
    p.line("strength", "strength", &r.strength, MAX_NAME_CHARS);
    p.line("pharmacy", "pharmacy", &r.pharmacy, MAX_NAME_CHARS);
    p.text("note", "note", &r.note, MAX_NOTE_CHARS);
    p.finish()
}

pub fn question(q: &Question) -> Result<()> {
    let mut p = Problems::default();
    if q.text.trim().is_empty() {
        p.add("text", "the question cannot be empty");
    }
    p.text("text", "question", &q.text, MAX_NOTE_CHARS);
    p.finish()
}

/// The patient's name as shown on a report: one line.
pub fn patient_name(name: &str) -> Result<()> {
    let mut p = Problems::default();
    p.line("name", "name", name, MAX_NAME_CHARS);
    p.finish()
}

pub fn catalog_name(name: &str, description: &str) -> Result<()> {
    let mut p = Problems::default();
    p.name("name", "name", name);
    p.text("description", "description", description, MAX_NOTE_CHARS);
    p.finish()
}
