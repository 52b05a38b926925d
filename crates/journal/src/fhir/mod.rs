//! FHIR R4 export for clinical systems: one `Bundle` of type `collection`, JSON.
//!
//! - `MedicationStatement` per prescribed regimen period (the patient is the information
//!   source), `MedicationAdministration` per dose event: taken (naltrexone, RxNorm 7243, dose
//!   in mg with UCUM units) or missed (`not-done`, with the reason).
//! - Fills: a `Medication` per fill a dose of the range was measured from (naltrexone, its
//!   form, the strength as a ratio of mg per UCUM unit, the filler as an inactive ingredient,
//!   batch lot number and use-by date); such a dose names it by `medicationReference`, with the
//!   count as entered in its dosage text. A dose entered in mg keeps the code.
//! - `Observation` (category `survey`) per symptom score, wellbeing, sleep duration, quality
//!   and awakenings, vivid dreams, nightmare and side effect with its severity.
//! - Other medications: a `MedicationStatement` per entry overlapping the range (the name as
//!   text, no code guessed; dose and schedule as dosage text, `asNeededBoolean` for one taken
//!   as needed), and a `MedicationAdministration` per as-needed intake on a day of the range.
//! - Measures: an `Observation` per reading, `valueQuantity` with the exact decimal, in UCUM
//!   where the unit is one we know ([`codes::ucum`]), else the typed unit as text; LOINC codes
//!   where one fits ([`codes::measure`]); blood pressure as the LOINC panel with systolic and
//!   diastolic components.
//! - Events: an `Observation` per event overlapping the range, its kind in a local code system,
//!   `effectivePeriod` without an end while it is ongoing.
//! - Items marked private (medications, measures, event kinds) and everything recorded of them
//!   only with [`Options::include_private_items`].
//! - Text passes [`crate::privacy`]: day notes, dose notes, reasons for missed doses,
//!   regimen, medication and event notes only with [`Options::include_notes`], dream notes only with
//!   [`Options::include_dream_notes`] (a missed dose without them is "Not taken"); a `Patient`
//!   resource (with the name, nothing else) only with [`Options::patient_name`]. Otherwise
//!   every subject is a placeholder reference without identifying data.
//! - Deterministic: ids derive from what an entry describes (see [`ids`]), there is no
//!   timestamp, so the same journal always gives the same bytes.
//!
//! Times: a dose time is a local clock time. FHIR requires an offset on any `dateTime` with a
//! time, so it is written with the offset of [`Zone`] on that date (by default the computer's
//! own time zone, daylight saving included); without a time only the date is written.

mod codes;
pub mod ids;
mod types;

use std::collections::HashMap;

use chrono::{FixedOffset, NaiveDate, NaiveTime};

use crate::privacy::{Disclosure, TextField};
use crate::{
    Catalog, CatalogItem, DateRange, Day, Dose, Event, Intake, Journal, Measure, MeasureValue, Medication,
    MedicationId, Reading, RegimenPeriod, Result,
};
use types::*;

/// What goes into the export beyond the measurements.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// "Include my notes": every private text field (see [`crate::privacy`]): day notes, dose
    /// notes, reasons for missed doses and regimen notes.
    pub include_notes: bool,
    /// "Include dream notes".
    pub include_dream_notes: bool,
    /// "Include items kept out of reports" (medications, event kinds, measures marked private).
    pub include_private_items: bool,
    /// Adds a `Patient` resource with this name (and nothing else) as every subject.
    pub patient_name: Option<String>,
    pub zone: Zone,
}

impl Options {
    /// The private text this export may carry.
    pub fn disclosure(&self) -> Disclosure {
        Disclosure {
            include_notes: self.include_notes,
            include_dream_notes: self.include_dream_notes,
            include_private_items: self.include_private_items,
        }
    }
}

/// Which UTC offset dose times are written with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Zone {
    /// The computer's time zone on each date.
    #[default]
    Local,
    Fixed(FixedOffset),
}

/// Display of the subject when the patient is not identified.
pub const ANONYMOUS: &str = "Patient (not identified in this export)";

/// The journal's days in `range` and the regimen periods overlapping it, as a FHIR R4
/// Bundle: compact JSON with a final newline (10 years are about 28 MB; indented, 50 MB).
pub fn export_fhir(j: &Journal, range: DateRange, opts: &Options) -> Result<String> {
    let bundle = bundle(j, range, opts)?;
    let mut s = serde_json::to_string(&bundle).map_err(|e| crate::Error::Format(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

fn bundle(j: &Journal, range: DateRange, opts: &Options) -> Result<Bundle> {
    let mut entry = Vec::new();
    let subject = match opts.patient_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => {
            let key = "patient";
            entry.push(Entry {
                full_url: ids::urn(key),
                resource: Resource::Patient(Patient {
                    id: ids::uuid(key),
                    name: vec![HumanName { text: name.to_string() }],
                }),
            });
            Reference { reference: Some(ids::urn(key)), display: name.to_string() }
        }
        None => Reference { reference: None, display: ANONYMOUS.to_string() },
    };
    let mut b = Builder { subject, opts, disclosure: opts.disclosure(), entry };
    let regimen = j.regimen()?;
    for (i, p) in regimen.iter().enumerate() {
        let end = crate::periods::period_end(&regimen, p);
        if p.from <= range.to && end.is_none_or(|e| e >= range.from) {
            b.statement(i, p, end);
        }
    }
    let show = b.disclosure;
    let medications: HashMap<MedicationId, Medication> =
        j.medications()?.into_iter().filter(|m| show.shows_item(m.private)).map(|m| (m.id, m)).collect();
    let mut listed: Vec<&Medication> = medications.values().filter(|m| m.overlaps(range)).collect();
    listed.sort_by_key(|m| (m.from, m.id));
    for m in listed {
        b.other_medication(m);
    }
    let kinds: HashMap<u32, CatalogItem> = j.catalog(Catalog::EventKinds)?.into_iter().map(|k| (k.id, k)).collect();
    for e in j.events(range)? {
        if let Some(kind) = kinds.get(&e.kind).filter(|k| show.shows_item(k.private)) {
            b.event(&e, kind);
        }
    }
    let measures: HashMap<u32, Measure> =
        j.measures()?.into_iter().filter(|m| show.shows_item(m.private)).map(|m| (m.id, m)).collect();
    let fills = j.fills()?;
    let days = j.days(range)?;
    let mut used: Vec<crate::FillId> = days
        .iter()
        .flat_map(|d| &d.doses)
        .filter_map(|d| match d {
            Dose::Taken { measured: Some(m), .. } => Some(m.fill),
            _ => None,
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    for f in fills.iter().filter(|f| used.contains(&f.id)) {
        b.fill(f);
    }
    let names = |c| -> Result<HashMap<u32, String>> { Ok(j.catalog(c)?.into_iter().map(|i| (i.id, i.name)).collect()) };
    let (symptoms, side_effects) = (names(Catalog::Symptoms)?, names(Catalog::SideEffects)?);
    for day in days {
        b.day(&day, &symptoms, &side_effects);
        for (i, intake) in day.intakes.iter().enumerate() {
            if let Some(m) = medications.get(&intake.medication) {
                b.intake(day.date, i, intake, m);
            }
        }
        for (i, r) in day.readings.iter().enumerate() {
            if let Some(m) = measures.get(&r.measure) {
                b.reading(day.date, i, r, m)?;
            }
        }
    }
    Ok(Bundle {
        resource_type: "Bundle",
        id: ids::uuid(&format!("bundle|{}|{}", range.from, range.to)),
        meta: Meta { tag: vec![codes::self_reported_tag()] },
        kind: "collection",
        entry: b.entry,
    })
}

struct Builder<'a> {
    subject: Reference,
    opts: &'a Options,
    disclosure: Disclosure,
    entry: Vec<Entry>,
}

impl Builder<'_> {
    fn push(&mut self, id: String, resource: Resource) {
        self.entry.push(Entry { full_url: format!("urn:uuid:{id}"), resource });
    }

    fn statement(&mut self, i: usize, p: &RegimenPeriod, end: Option<NaiveDate>) {
        let id = ids::uuid(&format!("regimen|{}|{i}", p.from));
        let mut text = format!("naltrexone, {}", p.formulation.label());
        let show = self.disclosure;
        if let Some(strength) = show.reveal(TextField::RegimenStrength, &p.strength) {
            text.push_str(&format!(", {}", strength.trim()));
        }
        let mut note = Vec::new();
        if let Some(pharmacy) = show.reveal(TextField::RegimenPharmacy, &p.pharmacy) {
            note.push(Annotation { text: format!("Pharmacy: {}", pharmacy.trim()) });
        }
        note.extend(annotation(show.reveal(TextField::RegimenNote, &p.note)));
        let dosage = p
            .doses
            .iter()
            .enumerate()
            .map(|(k, d)| Dosage {
                sequence: Some(k as u32 + 1),
                text: dose_text(d.amount, None, None, d.time),
                timing: Some(Timing {
                    repeat: TimingRepeat {
                        frequency: 1,
                        period: 1,
                        period_unit: "d",
                        time_of_day: d.time.map(|t| t.format("%H:%M:%S").to_string()).into_iter().collect(),
                    },
                }),
                as_needed_boolean: None,
                dose_and_rate: vec![DoseAndRate { dose_quantity: codes::mg(d.amount) }],
            })
            .collect();
        let resource = MedicationStatement {
            id: id.clone(),
            status: if end.is_some() { "completed" } else { "active" },
            medication_codeable_concept: codes::naltrexone(text),
            subject: self.subject.clone(),
            effective_period: Period { start: p.from.to_string(), end: end.map(|e| e.to_string()) },
            information_source: self.subject.clone(),
            note,
            dosage,
        };
        self.push(id, Resource::MedicationStatement(resource));
    }

    fn day(&mut self, d: &Day, symptoms: &HashMap<u32, String>, side_effects: &HashMap<u32, String>) {
        let date = d.date;
        for (i, dose) in d.doses.iter().enumerate() {
            self.dose(date, i, dose);
        }
        for s in &d.scores {
            let name = symptoms.get(&s.symptom).cloned().unwrap_or_else(|| format!("Symptom {}", s.symptom));
            let key = format!("symptom|{}", s.symptom);
            self.observation(date, &key, codes::symptom(&name), Value::Integer(u32::from(s.value)));
        }
        if let Some(w) = d.wellbeing {
            self.observation(date, "wellbeing", codes::local("wellbeing", "Overall wellbeing (0-10)"), int(w));
        }
        let minutes = match self.opts.zone {
            Zone::Local => d.sleep.duration_minutes_in(d.date, &chrono::Local),
            Zone::Fixed(o) => d.sleep.duration_minutes_in(d.date, &o),
        };
        if let Some(m) = minutes {
            self.observation(date, "sleep-duration", codes::sleep_duration(), Value::Quantity(codes::minutes(m)));
        }
        if let Some(q) = d.sleep.quality {
            self.observation(date, "sleep-quality", codes::local("sleep-quality", "Sleep quality (1-5)"), int(q));
        }
        if let Some(a) = d.sleep.awakenings {
            let v = Value::Integer(u32::from(a));
            self.observation(date, "awakenings", codes::local("awakenings", "Night awakenings"), v);
        }
        if let Some(v) = d.dreams.vivid {
            let value = Value::CodeableConcept(codes::vividness(v));
            self.observation(date, "vivid-dreams", codes::local("vivid-dreams", "Vivid dreams"), value);
        }
        if let Some(n) = d.dreams.nightmare {
            self.observation(date, "nightmare", codes::local("nightmare", "Nightmare"), Value::Boolean(n));
        }
        if let Some(notes) = self.disclosure.reveal(TextField::DreamNotes, &d.dreams.notes) {
            let value = Value::String(notes.to_string());
            self.observation(date, "dream-notes", codes::local("dream-notes", "Dream notes"), value);
        }
        for s in &d.side_effects {
            let name =
                side_effects.get(&s.side_effect).cloned().unwrap_or_else(|| format!("Side effect {}", s.side_effect));
            let key = format!("side-effect|{}", s.side_effect);
            self.observation(
                date,
                &key,
                codes::side_effect(&name),
                Value::CodeableConcept(codes::severity(s.severity)),
            );
        }
        if let Some(notes) = self.disclosure.reveal(TextField::DayNotes, &d.notes) {
            self.observation(date, "notes", codes::local("notes", "Notes"), Value::String(notes.to_string()));
        }
    }

    fn dose(&mut self, date: NaiveDate, i: usize, dose: &Dose) {
        let id = ids::uuid(&format!("dose|{date}|{i}"));
        let effective = when(date, dose.time(), self.opts.zone);
        let resource = match dose {
            Dose::Taken { time, amount, formulation, note, measured } => MedicationAdministration {
                id: id.clone(),
                status: "completed",
                status_reason: Vec::new(),
                medication: match measured {
                    Some(m) => MedicationChoice::Reference(Reference {
                        reference: Some(fill_urn(m.fill)),
                        display: format!("naltrexone, {}", formulation.label()),
                    }),
                    None => {
                        MedicationChoice::Concept(codes::naltrexone(format!("naltrexone, {}", formulation.label())))
                    }
                },
                subject: self.subject.clone(),
                effective_date_time: effective,
                note: annotation(self.disclosure.reveal(TextField::DoseNote, note)).into_iter().collect(),
                dosage: Some(AdministrationDosage {
                    text: dose_text(*amount, measured.map(|m| m.count), Some(formulation.label()), *time),
                    dose: Some(codes::mg(*amount)),
                }),
            },
            Dose::Missed { reason, .. } => MedicationAdministration {
                id: id.clone(),
                status: "not-done",
                status_reason: vec![CodeableConcept {
                    coding: Vec::new(),
                    text: self.disclosure.reveal(TextField::MissedReason, reason).unwrap_or("Not taken").to_string(),
                }],
                medication: MedicationChoice::Concept(codes::naltrexone("naltrexone".into())),
                subject: self.subject.clone(),
                effective_date_time: effective,
                note: Vec::new(),
                dosage: None,
            },
        };
        self.push(id, Resource::MedicationAdministration(resource));
    }

    fn observation(&mut self, date: NaiveDate, what: &str, code: CodeableConcept, value: Value) {
        let id = ids::uuid(&format!("observation|{date}|{what}"));
        let resource = Observation {
            id: id.clone(),
            status: "final",
            category: vec![codes::survey()],
            code,
            subject: self.subject.clone(),
            effective: Effective::DateTime(date.to_string()),
            value: Some(value),
            note: Vec::new(),
            component: Vec::new(),
        };
        self.push(id, Resource::Observation(resource));
    }

    /// Another medication as entered: the statement of the patient, who is its source.
    fn other_medication(&mut self, m: &Medication) {
        let id = ids::uuid(&format!("medication|{}", m.id));
        let show = self.disclosure;
        let name = show.reveal(TextField::MedicationName, &m.name).unwrap_or("Medication");
        let dose = show.reveal(TextField::MedicationDose, &m.dose).map(str::trim);
        let schedule =
            if m.as_needed { Some("as needed") } else { show.reveal(TextField::MedicationSchedule, &m.schedule) };
        let text: Vec<&str> = dose.into_iter().chain(schedule.map(str::trim)).collect();
        let dosage = (!text.is_empty()).then(|| Dosage {
            sequence: None,
            text: text.join(", "),
            timing: None,
            as_needed_boolean: m.as_needed.then_some(true),
            dose_and_rate: Vec::new(),
        });
        let resource = MedicationStatement {
            id: id.clone(),
            status: if m.until.is_some() { "completed" } else { "active" },
            medication_codeable_concept: codes::medication_text(name),
            subject: self.subject.clone(),
            effective_period: Period { start: m.from.to_string(), end: m.until.map(|u| u.to_string()) },
            information_source: self.subject.clone(),
            note: annotation(show.reveal(TextField::MedicationNote, &m.note)).into_iter().collect(),
            dosage: dosage.into_iter().collect(),
        };
        self.push(id, Resource::MedicationStatement(resource));
    }

    /// An as-needed medication taken on `date`.
    fn intake(&mut self, date: NaiveDate, i: usize, intake: &Intake, m: &Medication) {
        let id = ids::uuid(&format!("intake|{date}|{i}"));
        let name = self.disclosure.reveal(TextField::MedicationName, &m.name).unwrap_or("Medication");
        let amount = self.disclosure.reveal(TextField::IntakeAmount, &intake.amount);
        let resource = MedicationAdministration {
            id: id.clone(),
            status: "completed",
            status_reason: Vec::new(),
            medication: MedicationChoice::Concept(codes::medication_text(name)),
            subject: self.subject.clone(),
            effective_date_time: when(date, intake.time, self.opts.zone),
            note: Vec::new(),
            dosage: amount.map(|a| AdministrationDosage { text: a.trim().to_string(), dose: None }),
        };
        self.push(id, Resource::MedicationAdministration(resource));
    }

    /// A reading of a measure: one value, or the two of a pair as components.
    fn reading(&mut self, date: NaiveDate, i: usize, r: &Reading, m: &Measure) -> Result<()> {
        let id = ids::uuid(&format!("reading|{date}|{}|{i}", m.id));
        let coding = codes::measure(m);
        let (value, component) = match (r.value, coding.components) {
            (MeasureValue::Pair(a, b), Some([first, second])) => (
                None,
                vec![
                    Component { code: first, value_quantity: codes::measure_quantity(a, &m.unit)? },
                    Component { code: second, value_quantity: codes::measure_quantity(b, &m.unit)? },
                ],
            ),
            // A stored value always has its measure's shape; a single one of a pair is its first.
            (v, _) => (Some(Value::Quantity(codes::measure_quantity(v.first(), &m.unit)?)), Vec::new()),
        };
        let resource = Observation {
            id: id.clone(),
            status: "final",
            category: coding.category.into_iter().collect(),
            code: coding.code,
            subject: self.subject.clone(),
            effective: Effective::DateTime(when(date, r.time, self.opts.zone)),
            value,
            note: Vec::new(),
            component,
        };
        self.push(id, Resource::Observation(resource));
        Ok(())
    }

    /// A fill: naltrexone at its strength per unit, its filler and its batch (shown facts; its
    /// note never leaves).
    fn fill(&mut self, f: &crate::Fill) {
        let key = format!("fill|{}", f.id);
        let mut ingredient = vec![Ingredient {
            item_codeable_concept: codes::naltrexone("naltrexone".into()),
            is_active: true,
            strength: Some(Ratio {
                numerator: codes::mg(f.strength.per_unit),
                denominator: codes::per_unit(f.strength.unit),
            }),
        }];
        let show = self.disclosure;
        if let Some(filler) = show.reveal(TextField::FillFiller, &f.filler) {
            ingredient.push(Ingredient {
                item_codeable_concept: CodeableConcept { coding: Vec::new(), text: filler.trim().to_string() },
                is_active: false,
                strength: None,
            });
        }
        let lot = show.reveal(TextField::FillBatch, &f.batch).map(|b| b.trim().to_string());
        let batch = (lot.is_some() || f.use_by.is_some())
            .then(|| Batch { lot_number: lot, expiration_date: f.use_by.map(|d| d.to_string()) });
        let mut text = format!("naltrexone {} {}", f.formulation.label(), f.strength);
        if let Some(pharmacy) = show.reveal(TextField::FillPharmacy, &f.pharmacy) {
            text.push_str(&format!(", from {}", pharmacy.trim()));
        }
        let resource = types::Medication {
            id: ids::uuid(&key),
            code: codes::naltrexone(text),
            form: CodeableConcept { coding: Vec::new(), text: f.formulation.label().to_string() },
            ingredient,
            batch,
        };
        self.push(ids::uuid(&key), Resource::Medication(resource));
    }

    /// An event over its days; one still going on has no end.
    fn event(&mut self, e: &Event, kind: &CatalogItem) {
        let id = ids::uuid(&format!("event|{}", e.id));
        let resource = Observation {
            id: id.clone(),
            status: "final",
            category: Vec::new(),
            code: codes::event(&kind.name),
            subject: self.subject.clone(),
            effective: Effective::Period(Period { start: e.from.to_string(), end: e.to.map(|t| t.to_string()) }),
            value: None,
            note: annotation(self.disclosure.reveal(TextField::EventNote, &e.note)).into_iter().collect(),
            component: Vec::new(),
        };
        self.push(id, Resource::Observation(resource));
    }
}

fn int(v: u8) -> Value {
    Value::Integer(u32::from(v))
}

/// A note, when it may be shared.
fn annotation(text: Option<&str>) -> Option<Annotation> {
    text.map(|t| Annotation { text: t.to_string() })
}

/// The full URL of the `Medication` of fill `id`.
fn fill_urn(id: crate::FillId) -> String {
    ids::urn(&format!("fill|{id}"))
}

/// "1.5 mg (1.5 mL) liquid at 22:00" (the local clock time as the patient wrote it).
fn dose_text(
    amount: crate::Micrograms,
    count: Option<crate::Count>,
    form: Option<&str>,
    time: Option<NaiveTime>,
) -> String {
    let mut s = format!("{amount}");
    if let Some(c) = count {
        s.push_str(&format!(" ({c})"));
    }
    if let Some(f) = form {
        s.push_str(&format!(" {f}"));
    }
    if let Some(t) = time {
        s.push_str(&format!(" at {} local time", t.format("%H:%M")));
    }
    s
}

/// A FHIR `dateTime`: the date alone without a time; with a time, the offset of `zone` at
/// that moment (a time that happened twice is its first occurrence; one the clocks skipped
/// falls back to the date).
fn when(date: NaiveDate, time: Option<NaiveTime>, zone: Zone) -> String {
    let Some(t) = time else { return date.to_string() };
    let fmt = "%Y-%m-%dT%H:%M:%S%:z";
    let s = match zone {
        Zone::Local => crate::first_instant(&chrono::Local, date, t).map(|d| d.format(fmt).to_string()),
        Zone::Fixed(o) => crate::first_instant(&o, date, t).map(|d| d.format(fmt).to_string()),
    };
    s.unwrap_or_else(|| date.to_string())
}
