//! One row per day with readable headers (documented in the README). CSV carries the days, the
//! names of symptoms and side effects, a column per measure, the as-needed intakes and the
//! events covering each day; the regimen, questions, medication lists and the definitions of
//! measures travel only in JSON.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::Document;
use crate::error::ImportProblem;
use crate::privacy::Disclosure;
use crate::validate::{MAX_DOSES_PER_DAY, Problems};
use crate::{
    Catalog, CatalogItem, DateRange, Day, Dose, Error, Event, FieldError, Formulation, Frequency, Intake, Journal,
    Measure, MeasureValue, Medication, Micrograms, Reading, Result, Score, Severity, SideEffectEntry, Vividness, hhmm,
};

/// The columns every CSV export starts with, in order (README's "CSV columns").
pub const FIXED: [&str; 11] = [
    "date",
    "wellbeing",
    "bedtime",
    "wake time",
    "sleep duration",
    "sleep quality",
    "awakenings",
    "vivid dreams",
    "nightmare",
    "dream notes",
    "notes",
];
/// The columns of each dose group, `dose N <field>`.
/// A dose's columns. "entered" is the count a dose was measured as ("1.5 mL"), for reading;
/// an import takes the mg (a CSV holds no fills).
pub const DOSE_FIELDS: [&str; 6] = ["status", "time", "mg", "formulation", "note", "entered"];
const SYMPTOM: &str = "symptom: ";
const SIDE_EFFECT: &str = "side effect: ";
const MEASURE: &str = "measure: ";
/// The as-needed intakes of the day: "Ibuprofen at 14:00 (1 tablet); Paracetamol".
pub const AS_NEEDED: &str = "as needed";
/// The events covering the day: "infection (2025-03-04 to 2025-03-08); flare (since 2025-03-06)".
pub const EVENTS: &str = "events";
/// Between the readings, intakes or events of one cell.
const SEPARATOR: &str = "; ";
/// What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A free-text cell as written: one that a spreadsheet would run as a formula gets a leading
/// apostrophe (shown as text by spreadsheets), and so does one that starts with an apostrophe,
/// so that [`from_text_cell`] gives back exactly the text. Numbers, times and keys are ours and
/// never start with these. Header cells need nothing: each starts with a fixed word ("date",
/// "dose 1 …", "symptom: -cough").
fn to_text_cell(s: &str) -> String {
    if s.starts_with(FORMULA_START) || s.starts_with('\'') { format!("'{s}") } else { s.to_string() }
}

/// Undoes [`to_text_cell`].
fn from_text_cell(s: &str) -> String {
    s.strip_prefix('\'').unwrap_or(s).to_string()
}

/// What a CSV export carries beyond the days' own entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// "Include items kept out of reports": medications, event kinds and measures marked private,
    /// with their intakes, events and readings. Without it they are left out.
    pub include_private_items: bool,
}

pub fn export_csv(j: &Journal, range: DateRange, opts: &CsvOptions) -> Result<String> {
    let show = Disclosure { include_private_items: opts.include_private_items, ..Disclosure::default() };
    let mut days = j.days(range)?;
    let medications: HashMap<u32, Medication> =
        j.medications()?.into_iter().filter(|m| show.shows_item(m.private)).map(|m| (m.id, m)).collect();
    let measures: Vec<Measure> = j.measures()?.into_iter().filter(|m| show.shows_item(m.private)).collect();
    let kinds: HashMap<u32, CatalogItem> =
        j.catalog(Catalog::EventKinds)?.into_iter().filter(|k| show.shows_item(k.private)).map(|k| (k.id, k)).collect();
    let events: Vec<(Event, String)> =
        j.events(range)?.into_iter().filter_map(|e| kinds.get(&e.kind).map(|k| (e.clone(), k.name.clone()))).collect();
    for d in &mut days {
        d.intakes.retain(|i| medications.contains_key(&i.medication));
        d.readings.retain(|r| measures.iter().any(|m| m.id == r.measure));
    }
    let measures: Vec<Measure> = measures
        .into_iter()
        .filter(|m| !m.archived || days.iter().any(|d| d.readings.iter().any(|r| r.measure == m.id)))
        .collect();
    let as_needed = days.iter().any(|d| !d.intakes.is_empty());
    let with_events = days.iter().any(|d| events.iter().any(|(e, _)| e.on(d.date)));
    let symptoms = used(j.catalog(Catalog::Symptoms)?, |id| days.iter().any(|d| d.score(id).is_some()));
    let side_effects = used(j.catalog(Catalog::SideEffects)?, |id| days.iter().any(|d| d.severity(id).is_some()));
    let dose_slots = days.iter().map(|d| d.doses.len()).max().unwrap_or(0).max(1);

    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = FIXED.iter().map(ToString::to_string).collect();
    for k in 1..=dose_slots {
        header.extend(DOSE_FIELDS.iter().map(|f| format!("dose {k} {f}")));
    }
    header.extend(symptoms.iter().map(|s| format!("{SYMPTOM}{}", s.name)));
    header.extend(side_effects.iter().map(|s| format!("{SIDE_EFFECT}{}", s.name)));
    header.extend(measures.iter().map(|m| format!("{MEASURE}{}", m.name.trim())));
    if as_needed {
        header.push(AS_NEEDED.into());
    }
    if with_events {
        header.push(EVENTS.into());
    }
    w.write_record(&header).map_err(csv_error)?;

    for d in &days {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let mut row = vec![
            d.date.to_string(),
            opt(d.wellbeing.map(|v| v.to_string())),
            opt(d.sleep.bedtime.map(hhmm::format)),
            opt(d.sleep.wake.map(hhmm::format)),
            opt(d.sleep_minutes().map(|m| format!("{}:{:02}", m / 60, m % 60))),
            opt(d.sleep.quality.map(|v| v.to_string())),
            opt(d.sleep.awakenings.map(|v| v.to_string())),
            opt(d.dreams.vivid.map(|v| v.key().to_string())),
            opt(d.dreams.nightmare.map(|v| if v { "yes" } else { "no" }.to_string())),
            to_text_cell(&d.dreams.notes),
            to_text_cell(&d.notes),
        ];
        for k in 0..dose_slots {
            match d.doses.get(k) {
                Some(Dose::Taken { time, amount, formulation, note, measured }) => row.extend([
                    "taken".into(),
                    opt(time.map(hhmm::format)),
                    amount.mg_string(),
                    formulation.key().into(),
                    to_text_cell(note),
                    measured.map(|m| m.count.to_string()).unwrap_or_default(),
                ]),
                Some(Dose::Missed { time, reason }) => row.extend([
                    "missed".into(),
                    opt(time.map(hhmm::format)),
                    String::new(),
                    String::new(),
                    to_text_cell(reason),
                    String::new(),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), DOSE_FIELDS.len())),
            }
        }
        row.extend(symptoms.iter().map(|s| opt(d.score(s.id).map(|v| v.to_string()))));
        row.extend(side_effects.iter().map(|s| opt(d.severity(s.id).map(|v| v.key().to_string()))));
        // A negative value would start like a formula.
        row.extend(measures.iter().map(|m| to_text_cell(&readings_cell(d, m.id))));
        if as_needed {
            let cell: Vec<String> =
                d.intakes.iter().filter_map(|i| medications.get(&i.medication).map(|m| intake_text(i, m))).collect();
            row.push(to_text_cell(&cell.join(SEPARATOR)));
        }
        if with_events {
            let cell: Vec<String> =
                events.iter().filter(|(e, _)| e.on(d.date)).map(|(e, kind)| event_text(e, kind)).collect();
            row.push(to_text_cell(&cell.join(SEPARATOR)));
        }
        w.write_record(&row).map_err(csv_error)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Format(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Format(e.to_string()))
}

/// "71.3", or with times "08:00 120/80; 20:00 118/79".
fn readings_cell(d: &Day, measure: u32) -> String {
    let cell: Vec<String> = d
        .readings
        .iter()
        .filter(|r| r.measure == measure)
        .map(|r| match r.time {
            Some(t) => format!("{} {}", hhmm::format(t), r.value),
            None => r.value.to_string(),
        })
        .collect();
    cell.join(SEPARATOR)
}

/// "Ibuprofen at 14:00 (1 tablet)"; time and amount only when recorded.
fn intake_text(i: &Intake, m: &Medication) -> String {
    let mut s = m.name.trim().to_string();
    if let Some(t) = i.time {
        s.push_str(&format!(" at {}", hhmm::format(t)));
    }
    if !i.amount.trim().is_empty() {
        s.push_str(&format!(" ({})", i.amount.trim()));
    }
    s
}

/// "flare (2025-03-04)", "flare (2025-03-04 to 2025-03-08)", "flare (since 2025-03-04)".
fn event_text(e: &Event, kind: &str) -> String {
    let span = match e.to {
        None => format!("since {}", e.from),
        Some(to) if to == e.from => e.from.to_string(),
        Some(to) => format!("{} to {to}", e.from),
    };
    format!("{} ({span})", kind.trim())
}

/// Active items, plus archived ones that hold data in the exported days.
fn used(items: Vec<CatalogItem>, has_data: impl Fn(u32) -> bool) -> Vec<CatalogItem> {
    items.into_iter().filter(|i| !i.archived || has_data(i.id)).collect()
}

fn csv_error(e: ::csv::Error) -> Error {
    Error::Format(e.to_string())
}

/// Parses a CSV export into a document whose catalogs are the header's names with
/// provisional ids (1, 2, …), reporting every bad cell with its line.
pub(super) fn parse(text: &str) -> std::result::Result<Document, Vec<ImportProblem>> {
    let problem = |line: u64, field: &str, message: String| ImportProblem {
        location: format!("line {line}"),
        error: FieldError::new(field, message),
    };
    let mut r = ::csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header = match r.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![problem(1, "header", format!("not a CSV file: {e}"))]),
    };
    if header.get(0) != Some("date") {
        return Err(vec![problem(
            1,
            "header",
            "the first column must be \"date\"; is this an LDN Journal CSV export?".into(),
        )]);
    }
    let mut doc = Document {
        format: super::FORMAT.into(),
        version: super::VERSION,
        symptoms: vec![],
        side_effects: vec![],
        regimen: vec![],
        questions: vec![],
        event_kinds: vec![],
        medications: vec![],
        measures: vec![],
        fills: vec![],
        events: vec![],
        days: vec![],
    };
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    let mut extras = Extras::default();
    for (i, name) in header.iter().enumerate() {
        let col = if FIXED.contains(&name) {
            Column::Fixed(name.to_string())
        } else if let Some(s) = name.strip_prefix(SYMPTOM) {
            doc.symptoms.push(item(doc.symptoms.len(), s));
            Column::Symptom(doc.symptoms.len() as u32)
        } else if let Some(s) = name.strip_prefix(SIDE_EFFECT) {
            doc.side_effects.push(item(doc.side_effects.len(), s));
            Column::SideEffect(doc.side_effects.len() as u32)
        } else if let Some(s) = name.strip_prefix(MEASURE) {
            extras.measures.push(s.trim().to_string());
            Column::Measure(extras.measures.len() as u32)
        } else if name == AS_NEEDED {
            Column::AsNeeded
        } else if name == EVENTS {
            Column::Events
        } else if let Some((k, f)) = dose_column(name) {
            match k {
                Some(k) if k <= MAX_DOSES_PER_DAY => Column::Dose(k - 1, f),
                // Refused here, before anything is sized by it: the number is the file's.
                _ => {
                    problems.push(problem(
                        1,
                        name,
                        format!(
                            "column {} \"{name}\": a day holds at most {MAX_DOSES_PER_DAY} doses, so dose columns go from \"dose 1\" to \"dose {MAX_DOSES_PER_DAY}\"",
                            i + 1
                        ),
                    ));
                    Column::Fixed(String::new())
                }
            }
        } else {
            problems.push(problem(1, name, format!("unknown column \"{name}\" (column {})", i + 1)));
            Column::Fixed(String::new())
        };
        columns.push(col);
    }
    let mut dates = BTreeSet::new();
    for rec in r.records() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let message = match e.kind() {
                    ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("the row has {len} fields but the header has {expected_len}")
                    }
                    _ => format!("unreadable row: {e}"),
                };
                problems.push(problem(line, "row", message));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let mut p = Problems::default();
        match parse_row(&rec, &columns, &mut extras, &mut p) {
            Some(day) if !dates.insert(day.date) => p.add("date", format!("{} appears more than once", day.date)),
            Some(mut day) => {
                let day_problems = crate::validate::day_problems(&day);
                for e in day_problems.into_vec() {
                    p.add(e.field, e.message);
                }
                day.canonicalize();
                doc.days.push(day);
            }
            None => {}
        }
        problems.extend(p.into_vec().into_iter().map(|e| ImportProblem { location: format!("line {line}"), error: e }));
    }
    // The CSV reader takes an unclosed quote to run to the end of the file; that is a file cut
    // short inside a field (quotes inside fields are doubled, so a whole file has an even count).
    if text.bytes().filter(|b| *b == b'"').count() % 2 == 1 {
        let line = text.lines().count() as u64;
        problems.push(problem(line, "row", "a quoted field is not closed: the file looks cut short".into()));
    }
    extras.into_document(&mut doc);
    if problems.is_empty() { Ok(doc) } else { Err(problems) }
}

enum Column {
    Fixed(String),
    Dose(usize, usize),
    Symptom(u32),
    SideEffect(u32),
    /// A measure, by its provisional id (1, 2, …).
    Measure(u32),
    AsNeeded,
    Events,
}

/// What a CSV names beyond symptoms and side effects, collected over its rows.
#[derive(Default)]
struct Extras {
    /// Measure names, in column order (provisional id = index + 1).
    measures: Vec<String>,
    /// Medication names as first written, each with its first intake's date.
    medications: Vec<(String, NaiveDate)>,
    kinds: Vec<String>,
    events: BTreeSet<(u32, NaiveDate, Option<NaiveDate>)>,
}

impl Extras {
    fn medication(&mut self, name: &str, date: NaiveDate) -> u32 {
        let key = name.trim().to_lowercase();
        match self.medications.iter().position(|(n, _)| n.to_lowercase() == key) {
            Some(k) => {
                self.medications[k].1 = self.medications[k].1.min(date);
                k as u32 + 1
            }
            None => {
                self.medications.push((name.trim().to_string(), date));
                self.medications.len() as u32
            }
        }
    }

    fn kind(&mut self, name: &str) -> u32 {
        let key = name.trim().to_lowercase();
        match self.kinds.iter().position(|n| n.to_lowercase() == key) {
            Some(k) => k as u32 + 1,
            None => {
                self.kinds.push(name.trim().to_string());
                self.kinds.len() as u32
            }
        }
    }

    /// The definitions a CSV cannot carry, as the README says: a measure named like a template
    /// is that template (unit, decimals, scale), any other has no unit; either way its decimals
    /// are at least the most any value has, it is a pair if a value is, and "several a day" if
    /// a day has more than one. A medication is an as-needed one from its first intake.
    fn into_document(self, doc: &mut Document) {
        for (k, name) in self.measures.iter().enumerate() {
            let id = k as u32 + 1;
            let base = crate::measure::template_named(name).map(|t| t.measure()).unwrap_or_default();
            let mut m = Measure { id, name: name.clone(), position: k as u32, ..base };
            for d in &doc.days {
                let values: Vec<MeasureValue> =
                    d.readings.iter().filter(|r| r.measure == id).map(|r| r.value).collect();
                for v in &values {
                    let most = v.second().map_or(0, |b| b.decimals()).max(v.first().decimals());
                    m.decimals = m.decimals.max(most.min(crate::measure::MAX_DECIMALS));
                    m.paired |= matches!(v, MeasureValue::Pair(..));
                }
                if values.len() > 1 {
                    m.frequency = Frequency::SeveralADay;
                }
            }
            doc.measures.push(m);
        }
        for (k, (name, from)) in self.medications.into_iter().enumerate() {
            doc.medications.push(Medication {
                id: k as u32 + 1,
                name,
                dose: String::new(),
                schedule: String::new(),
                as_needed: true,
                from,
                until: None,
                note: String::new(),
                private: false,
            });
        }
        doc.event_kinds = self.kinds.iter().enumerate().map(|(k, n)| item(k, n)).collect();
        doc.events = self
            .events
            .into_iter()
            .map(|(kind, from, to)| Event { id: 0, kind, from, to, note: String::new() })
            .collect();
    }
}

/// One reading of a measure cell: "71.3" or "08:00 120/80".
fn reading(measure: u32, text: &str) -> std::result::Result<Reading, String> {
    let (time, value) = match text.split_once(' ') {
        Some((t, v)) => match hhmm::parse(t) {
            Some(t) => (Some(t), v.trim()),
            None => return Err(format!("\"{text}\" is not a value, or a time and a value (08:00 120/80)")),
        },
        None => (None, text),
    };
    Ok(Reading { measure, time, value: MeasureValue::parse(value)? })
}

/// "Ibuprofen at 14:00 (1 tablet)": the name, the time and the amount.
fn intake_parts(text: &str) -> (String, Option<chrono::NaiveTime>, String) {
    let (rest, amount) = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((rest, amount)) => (rest, amount.trim().to_string()),
        None => (text, String::new()),
    };
    match rest.rsplit_once(" at ").and_then(|(n, t)| hhmm::parse(t.trim()).map(|t| (n, t))) {
        Some((name, t)) => (name.trim().to_string(), Some(t), amount),
        None => (rest.trim().to_string(), None, amount),
    }
}

/// "flare (2025-03-04 to 2025-03-08)", "flare (2025-03-04)", "flare (since 2025-03-04)".
fn event_parts(text: &str) -> Option<(&str, NaiveDate, Option<NaiveDate>)> {
    let (kind, span) = text.strip_suffix(')')?.rsplit_once(" (")?;
    let date = |s: &str| s.trim().parse::<NaiveDate>().ok();
    let (from, to) = if let Some(from) = span.strip_prefix("since ") {
        (date(from)?, None)
    } else if let Some((from, to)) = span.split_once(" to ") {
        (date(from)?, Some(date(to)?))
    } else {
        let d = date(span)?;
        (d, Some(d))
    };
    Some((kind.trim(), from, to))
}

fn item(index: usize, name: &str) -> CatalogItem {
    CatalogItem {
        id: index as u32 + 1,
        name: name.trim().to_string(),
        description: String::new(),
        archived: false,
        private: false,
        position: index as u32,
    }
}

/// "dose K FIELD": K (from 1; `None` when too large to count) and the field's index.
fn dose_column(name: &str) -> Option<(Option<usize>, usize)> {
    let rest = name.strip_prefix("dose ")?;
    let (k, f) = rest.split_once(' ')?;
    if k.is_empty() || !k.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let k = k.parse::<usize>().ok();
    if k == Some(0) {
        return None;
    }
    Some((k, DOSE_FIELDS.iter().position(|x| *x == f)?))
}

fn parse_row(rec: &::csv::StringRecord, columns: &[Column], extras: &mut Extras, p: &mut Problems) -> Option<Day> {
    let date_s = rec.get(0).unwrap_or("").trim();
    let date = date_s.parse::<NaiveDate>().ok();
    if date.is_none() {
        p.add("date", format!("\"{date_s}\" is not a date (YYYY-MM-DD)"));
    }
    // A row with a bad date is still read through, so all its problems are reported at once.
    let mut day = Day::new(date.unwrap_or(crate::FIRST_DATE));
    let mut doses: Vec<[String; DOSE_FIELDS.len()]> = Vec::new();
    for (col, cell) in columns.iter().zip(rec.iter()) {
        let v = cell.trim();
        match col {
            Column::Fixed(name) => fixed(&mut day, name, cell, p),
            Column::Dose(k, f) => {
                if doses.len() <= *k {
                    doses.resize(*k + 1, Default::default());
                }
                doses[*k][*f] = cell.to_string();
            }
            Column::Symptom(id) if !v.is_empty() => {
                if let Some(value) = number(p, "symptom score", v, 0, 10) {
                    day.scores.push(Score { symptom: *id, value: value as u8 });
                }
            }
            Column::Measure(id) if !v.is_empty() => {
                for part in from_text_cell(v).split(';').map(str::trim) {
                    match reading(*id, part) {
                        Ok(r) => day.readings.push(r),
                        Err(e) => p.add(format!("{MEASURE}{}", extras.measures[*id as usize - 1]), e),
                    }
                }
            }
            Column::AsNeeded if !v.is_empty() => {
                for part in from_text_cell(v).split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    let (name, time, amount) = intake_parts(part);
                    if name.is_empty() {
                        p.add(AS_NEEDED, format!("\"{part}\" names no medication"));
                        continue;
                    }
                    let medication = extras.medication(&name, day.date);
                    day.intakes.push(Intake { medication, time, amount });
                }
            }
            Column::Events if !v.is_empty() => {
                for part in from_text_cell(v).split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    match event_parts(part) {
                        Some((kind, from, to)) if !kind.is_empty() => {
                            let kind = extras.kind(kind);
                            extras.events.insert((kind, from, to));
                        }
                        _ => p.add(
                            EVENTS,
                            format!(
                                "\"{part}\" is not an event like \"flare (2025-03-04 to 2025-03-08)\", \"flare (2025-03-04)\" or \"flare (since 2025-03-04)\""
                            ),
                        ),
                    }
                }
            }
            Column::SideEffect(id) if !v.is_empty() => match Severity::from_key(v) {
                Some(severity) => day.side_effects.push(SideEffectEntry { side_effect: *id, severity }),
                None => p.add(
                    "side effect",
                    format!("side-effect severity must be none, mild, moderate or severe, got \"{v}\""),
                ),
            },
            _ => {}
        }
    }
    for (k, [status, time, mg, form, note, _entered]) in doses.iter().enumerate() {
        let field = |f: &str| format!("dose {} {f}", k + 1);
        let time = match time.trim() {
            "" => None,
            t => match hhmm::parse(t) {
                Some(t) => Some(t),
                None => {
                    p.add(field("time"), format!("\"{t}\" is not a time of day (HH:MM)"));
                    None
                }
            },
        };
        match status.trim() {
            "" if mg.trim().is_empty() => {}
            "taken" | "" => {
                let amount = Micrograms::parse_mg(mg).unwrap_or_else(|e| {
                    p.add(field("mg"), e);
                    Micrograms(1)
                });
                let formulation = match form.trim() {
                    "" => Formulation::Other,
                    f => Formulation::from_key(f).unwrap_or_else(|| {
                        p.add(field("formulation"), format!("unknown formulation \"{f}\""));
                        Formulation::Other
                    }),
                };
                day.doses.push(Dose::Taken { time, amount, formulation, note: from_text_cell(note), measured: None });
            }
            "missed" => day.doses.push(Dose::Missed { time, reason: from_text_cell(note) }),
            s => p.add(field("status"), format!("dose status must be taken or missed, got \"{s}\"")),
        }
    }
    date.map(|_| day)
}

fn fixed(day: &mut Day, name: &str, cell: &str, p: &mut Problems) {
    let v = cell.trim();
    let time = |p: &mut Problems| {
        if v.is_empty() {
            return None;
        }
        let t = hhmm::parse(v);
        if t.is_none() {
            p.add(name, format!("{name} \"{v}\" is not a time of day (HH:MM)"));
        }
        t
    };
    match name {
        "wellbeing" if !v.is_empty() => day.wellbeing = number(p, "wellbeing", v, 0, 10).map(|n| n as u8),
        "bedtime" => day.sleep.bedtime = time(p),
        "wake time" => day.sleep.wake = time(p),
        "sleep quality" if !v.is_empty() => day.sleep.quality = number(p, "sleep quality", v, 1, 5).map(|n| n as u8),
        "awakenings" if !v.is_empty() => day.sleep.awakenings = number(p, "awakenings", v, 0, 100).map(|n| n as u16),
        "vivid dreams" if !v.is_empty() => match Vividness::from_key(v) {
            Some(x) => day.dreams.vivid = Some(x),
            None => p.add(name, format!("vivid dreams must be none, some or very, got \"{v}\"")),
        },
        "nightmare" if !v.is_empty() => match v.to_lowercase().as_str() {
            "yes" | "true" => day.dreams.nightmare = Some(true),
            "no" | "false" => day.dreams.nightmare = Some(false),
            _ => p.add(name, format!("nightmare must be yes or no, got \"{v}\"")),
        },
        "dream notes" => day.dreams.notes = from_text_cell(cell),
        "notes" => day.notes = from_text_cell(cell),
        _ => {} // date is read first; sleep duration is derived from the times.
    }
}

fn number(p: &mut Problems, label: &str, v: &str, lo: u32, hi: u32) -> Option<u32> {
    match v.parse::<u32>() {
        Ok(n) if (lo..=hi).contains(&n) => Some(n),
        _ => {
            p.add(label, format!("{label} must be {lo}–{hi}, got {v}"));
            None
        }
    }
}
