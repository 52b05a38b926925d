//! One row per day with readable headers (documented in the README). CSV carries the days and
//! the names of symptoms and side effects; the regimen and questions travel only in JSON.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Document;
use crate::error::ImportProblem;
use crate::validate::{MAX_DOSES_PER_DAY, Problems};
use crate::{
    Catalog, CatalogItem, DateRange, Day, Dose, Error, FieldError, Formulation, Journal, Micrograms, Result, Score,
    Severity, SideEffectEntry, Vividness, hhmm,
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
pub const DOSE_FIELDS: [&str; 5] = ["status", "time", "mg", "formulation", "note"];
const SYMPTOM: &str = "symptom: ";
const SIDE_EFFECT: &str = "side effect: ";
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

pub fn export_csv(j: &Journal, range: DateRange) -> Result<String> {
    let days = j.days(range)?;
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
                Some(Dose::Taken { time, amount, formulation, note }) => row.extend([
                    "taken".into(),
                    opt(time.map(hhmm::format)),
                    amount.mg_string(),
                    formulation.key().into(),
                    to_text_cell(note),
                ]),
                Some(Dose::Missed { time, reason }) => row.extend([
                    "missed".into(),
                    opt(time.map(hhmm::format)),
                    String::new(),
                    String::new(),
                    to_text_cell(reason),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), DOSE_FIELDS.len())),
            }
        }
        row.extend(symptoms.iter().map(|s| opt(d.score(s.id).map(|v| v.to_string()))));
        row.extend(side_effects.iter().map(|s| opt(d.severity(s.id).map(|v| v.key().to_string()))));
        w.write_record(&row).map_err(csv_error)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Format(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Format(e.to_string()))
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
        events: vec![],
        days: vec![],
    };
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let col = if FIXED.contains(&name) {
            Column::Fixed(name.to_string())
        } else if let Some(s) = name.strip_prefix(SYMPTOM) {
            doc.symptoms.push(item(doc.symptoms.len(), s));
            Column::Symptom(doc.symptoms.len() as u32)
        } else if let Some(s) = name.strip_prefix(SIDE_EFFECT) {
            doc.side_effects.push(item(doc.side_effects.len(), s));
            Column::SideEffect(doc.side_effects.len() as u32)
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
        match parse_row(&rec, &columns, &mut p) {
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
    if problems.is_empty() { Ok(doc) } else { Err(problems) }
}

enum Column {
    Fixed(String),
    Dose(usize, usize),
    Symptom(u32),
    SideEffect(u32),
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

fn parse_row(rec: &::csv::StringRecord, columns: &[Column], p: &mut Problems) -> Option<Day> {
    let date_s = rec.get(0).unwrap_or("").trim();
    let date = date_s.parse::<NaiveDate>().ok();
    if date.is_none() {
        p.add("date", format!("\"{date_s}\" is not a date (YYYY-MM-DD)"));
    }
    // A row with a bad date is still read through, so all its problems are reported at once.
    let mut day = Day::new(date.unwrap_or(crate::FIRST_DATE));
    let mut doses: Vec<[String; 5]> = Vec::new();
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
    for (k, [status, time, mg, form, note]) in doses.iter().enumerate() {
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
                day.doses.push(Dose::Taken { time, amount, formulation, note: from_text_cell(note) });
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
