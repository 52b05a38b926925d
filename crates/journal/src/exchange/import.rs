//! Import of a JSON or CSV export: validate everything, then write everything at once.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::{Document, FORMAT, VERSION};
use crate::error::ImportProblem;
use crate::store::catalog_write;
use crate::validate::{self, Problems};
use crate::{Catalog, CatalogItem, Error, FieldError, ItemId, Journal, Result};

/// What to do with days that are already in the journal with other entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Refuse the whole import and name the conflicting days.
    #[default]
    RefuseConflicts,
    /// Overwrite those days with the file's.
    Replace,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportReport {
    pub days_added: u32,
    pub days_replaced: u32,
    /// Days in the file identical to the journal's.
    pub days_unchanged: u32,
    pub symptoms_added: u32,
    pub side_effects_added: u32,
    pub regimen_added: u32,
    pub questions_added: u32,
    pub event_kinds_added: u32,
    pub medications_added: u32,
    pub fills_added: u32,
    pub measures_added: u32,
    pub events_added: u32,
}

/// Imports an export (format recognised from the content) into `j`.
pub fn import(j: &mut Journal, text: &str, mode: ImportMode) -> Result<ImportReport> {
    let (doc, from_json) = read_document(text)?;
    let path = j.path().to_path_buf();
    let key = j.key().cloned();
    // What the journal holds is read inside the write transaction: a day another window saves
    // meanwhile is either seen here (and compared) or waits, never silently overwritten.
    let tx = rusqlite::Transaction::new_unchecked(j.conn(), rusqlite::TransactionBehavior::Immediate)?;

    // A journal without days adopts a JSON file's lists as they are, ids included, so that
    // export → import → export is byte-identical; its own other items follow them. Otherwise
    // items are matched by name.
    let adopt = from_json && j.logged_dates(crate::DateRange::all())?.is_empty();
    let existing_symptoms = j.catalog(Catalog::Symptoms)?;
    let existing_side_effects = j.catalog(Catalog::SideEffects)?;
    let existing_regimen = j.regimen()?;
    let existing_questions = j.questions()?;
    let existing_kinds = j.catalog(Catalog::EventKinds)?;
    let existing_medications = j.medications()?;
    let existing_measures = j.measures()?;
    let existing_events = j.events(crate::DateRange::all())?;
    let existing_fills = j.fills()?;
    // A hand-edited file need not be in date order: look at its whole span.
    let dates = || doc.days.iter().map(|d| d.date);
    let existing_days: HashMap<_, _> = match (dates().min(), dates().max()) {
        (Some(from), Some(to)) => j.days(crate::DateRange { from, to })?.into_iter().map(|d| (d.date, d)).collect(),
        _ => HashMap::new(),
    };

    let mut report = ImportReport::default();
    let (symptom_ids, side_effect_ids) = if adopt {
        catalog_write::replace(&tx, Catalog::Symptoms, &doc.symptoms, &existing_symptoms)?;
        catalog_write::replace(&tx, Catalog::SideEffects, &doc.side_effects, &existing_side_effects)?;
        report.symptoms_added = added(&doc.symptoms, &existing_symptoms);
        report.side_effects_added = added(&doc.side_effects, &existing_side_effects);
        (identity(&doc.symptoms), identity(&doc.side_effects))
    } else {
        let (s, n) = catalog_write::map_by_name(&tx, Catalog::Symptoms, &doc.symptoms, &existing_symptoms)?;
        let (e, m) = catalog_write::map_by_name(&tx, Catalog::SideEffects, &doc.side_effects, &existing_side_effects)?;
        report.symptoms_added = n;
        report.side_effects_added = m;
        (s, e)
    };

    // Event kinds: adopted like the catalogs while no event refers to the journal's own.
    let kind_ids = if adopt && existing_events.is_empty() {
        catalog_write::replace(&tx, Catalog::EventKinds, &doc.event_kinds, &existing_kinds)?;
        report.event_kinds_added = added(&doc.event_kinds, &existing_kinds);
        identity(&doc.event_kinds)
    } else {
        let (k, n) = catalog_write::map_by_name(&tx, Catalog::EventKinds, &doc.event_kinds, &existing_kinds)?;
        report.event_kinds_added = n;
        k
    };
    let keep = |adopt_ids: bool| if adopt_ids { crate::store::Id::Keep } else { crate::store::Id::Fresh };
    // Measures by name: the journal's own definition stays (its values are checked below).
    let adopt_measures = adopt && existing_measures.is_empty();
    let mut measure_ids = HashMap::new();
    let mut measures = existing_measures.clone();
    for m in &doc.measures {
        let id = match existing_measures.iter().find(|e| e.name.trim().to_lowercase() == m.name.trim().to_lowercase()) {
            // Kept out of reports in either: kept out after the merge too.
            Some(e) if m.private && !e.private => {
                crate::store::measure_write(&tx, &crate::Measure { private: true, ..e.clone() }, keep(true))?
            }
            Some(e) => e.id,
            None => {
                report.measures_added += 1;
                let m = crate::Measure { id: if adopt_measures { m.id } else { 0 }, ..m.clone() };
                let id = crate::store::measure_write(&tx, &m, keep(adopt_measures))?;
                measures.push(crate::Measure { id, ..m });
                id
            }
        };
        measure_ids.insert(m.id, id);
    }
    // Medication entries: one the journal has already (same in all but id) is the same entry.
    let adopt_medications = adopt && existing_medications.is_empty();
    let mut medication_ids = HashMap::new();
    // A CSV names medications only: its intakes go to the journal's as-needed entries of that
    // name (the one in force on the day, see below); a name the journal lacks becomes the
    // file's entry (as needed, from its first intake).
    let mut by_name: HashMap<u32, Vec<crate::Medication>> = HashMap::new();
    for m in &doc.medications {
        if !from_json {
            let named: Vec<crate::Medication> = existing_medications
                .iter()
                .filter(|e| e.as_needed && e.name.trim().to_lowercase() == m.name.trim().to_lowercase())
                .cloned()
                .collect();
            if !named.is_empty() {
                by_name.insert(m.id, named);
                continue;
            }
        }
        let same = existing_medications.iter().find(|e| crate::Medication { id: m.id, ..(*e).clone() } == *m);
        let id = match same {
            Some(e) => e.id,
            None => {
                report.medications_added += 1;
                let m = crate::Medication { id: if adopt_medications { m.id } else { 0 }, ..m.clone() };
                crate::store::medication_write(&tx, &m, keep(adopt_medications))?
            }
        };
        medication_ids.insert(m.id, id);
    }
    // Fills: one the journal has already (same in all but id) is the same fill.
    let adopt_fills = adopt && existing_fills.is_empty();
    let mut fill_ids = HashMap::new();
    for f in &doc.fills {
        let id = match existing_fills.iter().find(|e| crate::Fill { id: f.id, ..(*e).clone() } == *f) {
            Some(e) => e.id,
            None => {
                report.fills_added += 1;
                let f = crate::Fill { id: if adopt_fills { f.id } else { 0 }, ..f.clone() };
                crate::store::fill_write(&tx, &f, keep(adopt_fills))?
            }
        };
        fill_ids.insert(f.id, id);
    }
    let adopt_events = adopt && existing_events.is_empty();
    for e in &doc.events {
        let e = crate::Event { kind: kind_ids[&e.kind], ..e.clone() };
        if !existing_events.iter().any(|x| crate::Event { id: e.id, ..x.clone() } == e) {
            let e = crate::Event { id: if adopt_events { e.id } else { 0 }, ..e };
            crate::store::event_write(&tx, &e, keep(adopt_events))?;
            report.events_added += 1;
        }
    }

    for p in &doc.regimen {
        let same = |e: &crate::RegimenPeriod| crate::RegimenPeriod { id: p.id, ..e.clone() } == *p;
        if !existing_regimen.iter().any(same) {
            let keep_id = adopt && existing_regimen.is_empty();
            let id = if keep_id { crate::store::Id::Keep } else { crate::store::Id::Fresh };
            crate::store::regimen_write(
                &tx,
                &crate::RegimenPeriod { id: if keep_id { p.id } else { 0 }, ..p.clone() },
                id,
            )?;
            report.regimen_added += 1;
        }
    }
    for q in &doc.questions {
        if !existing_questions.iter().any(|e| e.text == q.text && e.created == q.created) {
            let keep_id = adopt && existing_questions.is_empty();
            let id = if keep_id { crate::store::Id::Keep } else { crate::store::Id::Fresh };
            crate::store::question_write(
                &tx,
                &crate::Question { id: if keep_id { q.id } else { 0 }, ..q.clone() },
                id,
            )?;
            report.questions_added += 1;
        }
    }

    let mut conflicts = Vec::new();
    let mut misfits = Vec::new();
    let mut to_write = Vec::new();
    for d in &doc.days {
        let mut day = d.clone();
        for s in &mut day.scores {
            s.symptom = symptom_ids[&s.symptom];
        }
        for s in &mut day.side_effects {
            s.side_effect = side_effect_ids[&s.side_effect];
        }
        let mut p = Problems::default();
        for (k, i) in day.intakes.iter_mut().enumerate() {
            match by_name.get(&i.medication) {
                Some(named) => {
                    let m = named.iter().find(|m| m.on(day.date)).or(named.last());
                    if let Some(m) = m {
                        if !m.on(day.date) {
                            let until = m.until.map(|u| format!(" to {u}")).unwrap_or_default();
                            p.add(
                                format!("intakes[{k}].medication"),
                                format!(
                                    "{} is in your medication list from {}{until}, not on {}",
                                    m.name, m.from, day.date
                                ),
                            );
                        }
                        i.medication = m.id;
                    }
                }
                None => i.medication = medication_ids[&i.medication],
            }
        }
        for r in &mut day.readings {
            r.measure = measure_ids[&r.measure];
        }
        for dose in &mut day.doses {
            if let crate::Dose::Taken { measured: Some(m), .. } = dose {
                m.fill = fill_ids[&m.fill];
            }
        }
        // A value must fit the journal's measure of that name, which may differ from the file's.
        for (k, r) in day.readings.iter().enumerate() {
            if let Some(Err(why)) = measures.iter().find(|m| m.id == r.measure).map(|m| m.check(r.value)) {
                p.add(format!("readings[{k}].value"), format!("{why} (as your measure of that name is set up)"));
            }
        }
        misfits.extend(
            p.into_vec().into_iter().map(|error| ImportProblem { location: format!("days ({})", day.date), error }),
        );
        day.canonicalize();
        if !from_json && let Some(old) = existing_days.get(&day.date) {
            keep_counts(&mut day, old);
        }
        match existing_days.get(&day.date) {
            Some(old) if *old == day => report.days_unchanged += 1,
            Some(_) => {
                conflicts.push(day.date);
                report.days_replaced += 1;
                to_write.push(day);
            }
            None => {
                report.days_added += 1;
                to_write.push(day);
            }
        }
    }
    if !misfits.is_empty() {
        return Err(Error::Import(misfits));
    }
    if !conflicts.is_empty() && mode == ImportMode::RefuseConflicts {
        return Err(Error::Conflicts(conflicts)); // dropping `tx` rolls everything back
    }
    // The way back, made once the file is known to be accepted and before anything is
    // committed (from the last commit, on its own connection); no backup, no import. Nothing
    // to write, no backup: refused or repeated imports never rotate good backups away.
    if adopt
        || !to_write.is_empty()
        || report != (ImportReport { days_unchanged: report.days_unchanged, ..Default::default() })
    {
        crate::backup::before_change_of(&path, key.as_ref(), crate::backup::Kind::BeforeImport)?;
    }
    crate::store::days_write(&tx, &to_write)?;
    tx.commit()?;
    Ok(report)
}

/// Reads and checks an export (JSON or CSV, recognised from the content) without touching any
/// journal: what [`import`] would write, or every problem it would report. A CSV's catalogs are
/// the header's names with provisional ids (1, 2, …).
pub fn read(text: &str) -> Result<Document> {
    read_document(text).map(|(doc, _)| doc)
}

/// The checked document, and whether it came from JSON.
fn read_document(text: &str) -> Result<(Document, bool)> {
    let text = text.trim_start_matches('\u{feff}');
    let (doc, from_json) = if text.trim_start().starts_with(['{', '[']) {
        (parse_json(text)?, true)
    } else if text.trim().is_empty() {
        return Err(Error::Format("the file is empty".into()));
    } else {
        (super::csv::parse(text).map_err(Error::Import)?, false)
    };
    validate_document(&doc)?;
    Ok((doc, from_json))
}

/// The largest id or list position a file may carry: a journal that adopts the file's ids
/// numbers what it adds after them, and that must still fit.
const MAX_ID: u32 = i32::MAX as u32;

fn parse_json(text: &str) -> Result<Document> {
    // Read the envelope first so a newer format gets a clear message, not a field error.
    #[derive(serde::Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u32>,
    }
    let problem = |e: serde_json::Error| {
        let msg = e.to_string();
        let unknown = msg.strip_prefix("unknown field `").and_then(|m| m.split('`').next());
        let field = match e.classify() {
            serde_json::error::Category::Data => {
                unknown.or_else(|| key_before(text, e.line(), e.column())).unwrap_or("file")
            }
            _ => "file",
        };
        Error::Import(vec![ImportProblem {
            location: format!("line {}, column {}", e.line(), e.column()),
            error: FieldError::new(field, json_message(&e)),
        }])
    };
    let not_ours =
        || Error::Format("this JSON file is not an LDN Journal export (\"format\" is not \"ldn-journal\")".into());
    let env: Envelope = match serde_json::from_str(text) {
        Err(e) if e.classify() == serde_json::error::Category::Data => return Err(not_ours()),
        r => r.map_err(problem)?,
    };
    if env.format.as_deref() != Some(FORMAT) {
        return Err(not_ours());
    }
    match env.version {
        Some(v) if v > VERSION => {
            return Err(Error::Format(format!(
                "this export was made by a newer version of LDN Journal (format version {v}, this version reads {VERSION}); please update"
            )));
        }
        Some(_) => {}
        None => return Err(Error::Format("the export has no \"version\"".into())),
    }
    serde_json::from_str(text).map_err(problem)
}

/// The key of the value a data error is about (serde_json gives only the position): the last
/// `"key":` before it. Good enough for exports and hand edits of them.
fn key_before(text: &str, line: usize, column: usize) -> Option<&str> {
    let mut end = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>() + column;
    end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let colon = before.rfind("\":")?;
    // Only when the error is at that key's value (internally tagged doses report their end).
    if before[colon..].contains('\n') {
        return None;
    }
    let start = before[..colon].rfind('"')? + 1;
    Some(&before[start..colon]).filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends " at line L column C", which the location already says.
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// Checks every part of the document and reports all problems at once.
fn validate_document(doc: &Document) -> Result<()> {
    let mut out = Vec::new();
    let mut push = |location: String, problems: Problems| {
        out.extend(problems.into_vec().into_iter().map(|error| ImportProblem { location: location.clone(), error }));
    };
    for (name, items) in
        [("symptoms", &doc.symptoms), ("side_effects", &doc.side_effects), ("event_kinds", &doc.event_kinds)]
    {
        let mut ids = BTreeSet::new();
        let mut names = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let mut p = Problems::default();
            p.name("name", "name", &item.name);
            if !(1..=MAX_ID).contains(&item.id) {
                p.add("id", format!("id must be 1–{MAX_ID}, got {}", item.id));
            }
            if item.position > MAX_ID {
                p.add("position", format!("position must be 0–{MAX_ID}, got {}", item.position));
            }
            if !ids.insert(item.id) {
                p.add("id", format!("id {} is used twice", item.id));
            }
            if !names.insert(item.name.trim().to_lowercase()) {
                p.add("name", format!("\"{}\" appears twice", item.name));
            }
            if item.private && name != "event_kinds" {
                p.add("private", "only event kinds, medications and measures can be kept out of reports");
            }
            push(format!("{name}[{i}]"), p);
        }
    }
    let (mut ids, mut names) = (BTreeSet::new(), BTreeSet::new());
    for (i, m) in doc.measures.iter().enumerate() {
        let mut p = Problems::default();
        if !(1..=MAX_ID).contains(&m.id) || !ids.insert(m.id) {
            p.add("id", format!("id must be 1–{MAX_ID} and used once, got {}", m.id));
        }
        if !names.insert(m.name.trim().to_lowercase()) {
            p.add("name", format!("\"{}\" appears twice", m.name));
        }
        if let Err(Error::Invalid(errors)) = validate::measure(m) {
            errors.into_iter().for_each(|e| p.add(e.field, e.message));
        }
        push(format!("measures[{i}]"), p);
    }
    let mut ids = BTreeSet::new();
    for (i, m) in doc.medications.iter().enumerate() {
        let mut p = Problems::default();
        if !(1..=MAX_ID).contains(&m.id) || !ids.insert(m.id) {
            p.add("id", format!("id must be 1–{MAX_ID} and used once, got {}", m.id));
        }
        if let Err(Error::Invalid(errors)) = validate::medication(m) {
            errors.into_iter().for_each(|e| p.add(e.field, e.message));
        }
        push(format!("medications[{i}]"), p);
    }
    let mut ids = BTreeSet::new();
    for (i, f) in doc.fills.iter().enumerate() {
        let mut p = Problems::default();
        if !(1..=MAX_ID).contains(&f.id) || !ids.insert(f.id) {
            p.add("id", format!("id must be 1–{MAX_ID} and used once, got {}", f.id));
        }
        if let Err(Error::Invalid(errors)) = validate::fill(f) {
            errors.into_iter().for_each(|e| p.add(e.field, e.message));
        }
        push(format!("fills[{i}]"), p);
    }
    let mut ids = BTreeSet::new();
    for (i, e) in doc.events.iter().enumerate() {
        let mut p = Problems::default();
        if e.id > MAX_ID || (e.id != 0 && !ids.insert(e.id)) {
            p.add("id", format!("id must be 0–{MAX_ID} and used once, got {}", e.id));
        }
        if let Err(Error::Invalid(errors)) = validate::event(e, &doc.event_kinds) {
            for e in errors {
                p.add(e.field, e.message.replace("your list of event kinds", "the file's list of event kinds"));
            }
        }
        push(format!("events[{i}]"), p);
    }
    let lists = validate::Lists {
        symptoms: &doc.symptoms,
        side_effects: &doc.side_effects,
        measures: &doc.measures,
        medications: &doc.medications,
        fills: &doc.fills,
    };
    let mut dates = BTreeSet::new();
    for (i, d) in doc.days.iter().enumerate() {
        let mut p = validate::day_problems(d);
        if !dates.insert(d.date) {
            p.add("date", format!("{} appears more than once", d.date));
        }
        validate::day_references(d, lists, "the file's", &mut p);
        push(format!("days[{i}] ({})", d.date), p);
    }
    // Ids of regimen periods and questions are kept by a journal that adopts the file: each
    // must fit and be unique (0 means "not stored yet").
    let id_problem = |id: u32, seen: &mut BTreeSet<u32>| {
        if id > MAX_ID {
            Some(format!("id must be 0–{MAX_ID}, got {id}"))
        } else if id != 0 && !seen.insert(id) {
            Some(format!("id {id} is used twice"))
        } else {
            None
        }
    };
    let mut seen = BTreeSet::new();
    for (i, r) in doc.regimen.iter().enumerate() {
        let location = || format!("regimen[{i}]");
        if let Some(message) = id_problem(r.id, &mut seen) {
            out.push(ImportProblem { location: location(), error: FieldError::new("id", message) });
        }
        if let Err(Error::Invalid(errors)) = validate::regimen_period(r) {
            out.extend(errors.into_iter().map(|error| ImportProblem { location: location(), error }));
        }
    }
    let mut seen = BTreeSet::new();
    for (i, q) in doc.questions.iter().enumerate() {
        let location = || format!("questions[{i}]");
        if let Some(message) = id_problem(q.id, &mut seen) {
            out.push(ImportProblem { location: location(), error: FieldError::new("id", message) });
        }
        if let Err(Error::Invalid(errors)) = validate::question(q) {
            out.extend(errors.into_iter().map(|error| ImportProblem { location: location(), error }));
        }
    }
    if out.is_empty() { Ok(()) } else { Err(Error::Import(out)) }
}

fn identity(items: &[CatalogItem]) -> HashMap<ItemId, ItemId> {
    items.iter().map(|i| (i.id, i.id)).collect()
}

fn added(new: &[CatalogItem], old: &[CatalogItem]) -> u32 {
    new.iter().filter(|n| !old.iter().any(|o| o.name.eq_ignore_ascii_case(&n.name))).count() as u32
}

/// A CSV holds no fills, only the mg (and the count as a reminder): a dose the journal has at
/// the same place with the same mg, time, formulation and note keeps its count and fill, so
/// importing the journal's own CSV changes nothing.
fn keep_counts(day: &mut crate::Day, old: &crate::Day) {
    for (new, old) in day.doses.iter_mut().zip(&old.doses) {
        if let (
            crate::Dose::Taken { time, amount, formulation, note, measured: measured @ None },
            crate::Dose::Taken { time: t, amount: a, formulation: f, note: n, measured: Some(m) },
        ) = (new, old)
            && (&*time, &*amount, &*formulation, &*note) == (t, a, f, n)
        {
            *measured = Some(*m);
        }
    }
}
