//! Validation of user input. Every rule lives here, and every failure names the field and the
//! value it got, so the UI can show it beside the field and the CLI can print it.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::{
    Catalog, CatalogItem, Day, Dose, Error, Event, FIRST_DATE, FieldError, Frequency, LAST_DATE, Measure, Medication,
    Micrograms, Question, RegimenPeriod, Result,
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
/// Intakes of as-needed medications, and readings of measures, a day holds.
pub const MAX_PER_DAY: usize = 100;
/// A dose or schedule of another medication, an intake's amount, a unit: a short line.
pub const MAX_SHORT_CHARS: usize = 100;

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

    /// A date a journal can hold.
    pub(crate) fn date(&mut self, field: &str, d: NaiveDate) {
        if !crate::DateRange::all().contains(d) {
            self.add(field, format!("date must be between {FIRST_DATE} and {LAST_DATE}, got {d}"));
        }
    }

    /// `end` (a last day) not before `start`.
    pub(crate) fn end(&mut self, field: &str, start: NaiveDate, end: Option<NaiveDate>) {
        if let Some(e) = end {
            self.date(field, e);
            if e < start {
                self.add(field, format!("the end date {e} is before the start date {start}"));
            }
        }
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
    if d.intakes.len() > MAX_PER_DAY {
        p.add("intakes", format!("a day holds at most {MAX_PER_DAY} intakes, got {}", d.intakes.len()));
    }
    for (i, intake) in d.intakes.iter().enumerate() {
        p.line(&format!("intakes[{i}].amount"), "amount", &intake.amount, MAX_SHORT_CHARS);
    }
    if d.readings.len() > MAX_PER_DAY {
        p.add("readings", format!("a day holds at most {MAX_PER_DAY} readings, got {}", d.readings.len()));
    }
    p.text("notes", "notes", &d.notes, MAX_NOTE_CHARS);
    p
}

/// What a day's entries refer to: the catalogs, the measures and the other medications.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lists<'a> {
    pub symptoms: &'a [CatalogItem],
    pub side_effects: &'a [CatalogItem],
    pub measures: &'a [Measure],
    pub medications: &'a [Medication],
    pub fills: &'a [crate::Fill],
}

/// Checks that every score, side effect, intake and reading refers to an item of the lists
/// (an intake to an as-needed medication in force that day), and every reading fits its
/// measure. `whose` says whose lists they are in messages ("your", "the file's").
pub(crate) fn day_references(d: &Day, lists: Lists<'_>, whose: &str, p: &mut Problems) {
    let Lists { symptoms, side_effects, measures, medications, fills } = lists;
    for (i, dose) in d.doses.iter().enumerate() {
        let Dose::Taken { measured: Some(m), .. } = dose else { continue };
        let field = format!("doses[{i}].amount");
        match fills.iter().find(|f| f.id == m.fill) {
            None => {
                p.add(field, format!("{} was measured from fill {}, which is not in {whose} supply", m.count, m.fill))
            }
            Some(f) if f.strength.unit != m.count.unit => p.add(
                field,
                format!(
                    "{} was measured from a fill of {}, whose strength is per {}",
                    m.count,
                    f.strength,
                    f.strength.unit.singular()
                ),
            ),
            Some(_) => {}
        }
    }
    for (i, intake) in d.intakes.iter().enumerate() {
        let field = format!("intakes[{i}].medication");
        match medications.iter().find(|m| m.id == intake.medication) {
            None => p.add(field, format!("medication {} is not in {whose} medication list", intake.medication)),
            Some(m) if !m.as_needed => {
                p.add(field, format!("{} is not an as-needed medication; its intakes are not logged", m.name))
            }
            Some(m) if !m.on(d.date) => p.add(
                field,
                format!("{} is in {whose} list from {}{}, not on {}", m.name, m.from, until_text(m.until), d.date),
            ),
            Some(_) => {}
        }
    }
    let mut once = HashSet::new();
    for (i, r) in d.readings.iter().enumerate() {
        let Some(m) = measures.iter().find(|m| m.id == r.measure) else {
            p.add(format!("readings[{i}].measure"), format!("measure {} is not in {whose} measure list", r.measure));
            continue;
        };
        if let Err(message) = m.check(r.value) {
            p.add(format!("readings[{i}].value"), message);
        }
        if m.frequency == Frequency::OnceADay && !once.insert(m.id) {
            p.add(
                format!("readings[{i}].measure"),
                format!("{} is recorded once a day; this day has it twice", m.name),
            );
        }
    }
    day_catalog_references(d, symptoms, side_effects, whose, p);
}

fn until_text(until: Option<NaiveDate>) -> String {
    until.map(|u| format!(" to {u}")).unwrap_or_default()
}

fn day_catalog_references(
    d: &Day,
    symptoms: &[CatalogItem],
    side_effects: &[CatalogItem],
    whose: &str,
    p: &mut Problems,
) {
    for (i, s) in d.scores.iter().enumerate() {
        if !symptoms.iter().any(|c| c.id == s.symptom) {
            p.add(format!("scores[{i}].symptom"), format!("symptom {} is not in {whose} symptom list", s.symptom));
        }
    }
    for (i, s) in d.side_effects.iter().enumerate() {
        if !side_effects.iter().any(|c| c.id == s.side_effect) {
            p.add(
                format!("side_effects[{i}].side_effect"),
                format!("side effect {} is not in {whose} side-effect list", s.side_effect),
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

/// An item of a catalog as edited: its name and description, and "private" only for an event
/// kind (symptoms and side effects are what a report is about).
pub fn catalog_item(c: Catalog, item: &CatalogItem) -> Result<()> {
    let mut p = Problems::default();
    p.name("name", "name", &item.name);
    p.text("description", "description", &item.description, MAX_NOTE_CHARS);
    if item.private && c != Catalog::EventKinds {
        p.add("private", "only event kinds, medications and measures can be kept out of reports");
    }
    p.finish()
}

pub fn medication(m: &Medication) -> Result<()> {
    let mut p = Problems::default();
    p.name("name", "name", &m.name);
    p.line("dose", "dose", &m.dose, MAX_SHORT_CHARS);
    p.line("schedule", "schedule", &m.schedule, MAX_SHORT_CHARS);
    if m.as_needed && !m.schedule.trim().is_empty() {
        p.add("schedule", "an as-needed medication has no schedule: leave it empty, or untick \"as needed\"");
    }
    p.date("from", m.from);
    p.end("until", m.from, m.until);
    p.text("note", "note", &m.note, MAX_NOTE_CHARS);
    p.finish()
}

pub fn fill(f: &crate::Fill) -> Result<()> {
    let mut p = Problems::default();
    p.date("received", f.received);
    if let Some(started) = f.started {
        p.date("started", started);
        if started < f.received {
            p.add("started", format!("it was received on {}; it cannot be used before, got {started}", f.received));
        }
    }
    if let Some(use_by) = f.use_by {
        p.date("use_by", use_by);
        if use_by < f.received {
            p.add("use_by", format!("the use-by date {use_by} is before the day it was received, {}", f.received));
        }
    }
    p.line("pharmacy", "pharmacy", &f.pharmacy, MAX_NAME_CHARS);
    p.line("filler", "filler", &f.filler, MAX_NAME_CHARS);
    p.line("batch", "batch", &f.batch, MAX_SHORT_CHARS);
    p.line("quantity", "quantity", &f.quantity, MAX_SHORT_CHARS);
    p.text("note", "note", &f.note, MAX_NOTE_CHARS);
    p.finish()
}

pub fn event(e: &Event, kinds: &[CatalogItem]) -> Result<()> {
    let mut p = Problems::default();
    if !kinds.iter().any(|k| k.id == e.kind) {
        p.add("kind", format!("event kind {} is not in your list of event kinds", e.kind));
    }
    p.date("from", e.from);
    p.end("to", e.from, e.to);
    p.text("note", "note", &e.note, MAX_NOTE_CHARS);
    p.finish()
}

pub fn measure(m: &Measure) -> Result<()> {
    let mut p = Problems::default();
    p.name("name", "name", &m.name);
    p.line("unit", "unit", &m.unit, MAX_SHORT_CHARS);
    if m.decimals > crate::measure::MAX_DECIMALS {
        p.add("decimals", format!("a measure has 0–{} decimals, got {}", crate::measure::MAX_DECIMALS, m.decimals));
    }
    for (field, bound) in [("min", m.min), ("max", m.max)] {
        if let Some(b) = bound.filter(|b| b.decimals() > m.decimals) {
            p.add(field, format!("{b} has more decimals than the measure's {}", m.decimals));
        }
    }
    if let (Some(lo), Some(hi)) = (m.min, m.max)
        && lo >= hi
    {
        p.add("max", format!("the highest value {hi} must be above the lowest {lo}"));
    }
    p.finish()
}
