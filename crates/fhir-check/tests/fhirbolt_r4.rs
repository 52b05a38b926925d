//! The FHIR export read by an independent FHIR R4 model (fhirbolt, strict mode: unknown or
//! misplaced elements are errors), written back by that model and compared with the original,
//! so every element we write is one FHIR R4 defines where we put it. Then counts and values
//! are checked against the journal through the model's types, and what the model does not
//! check (required elements, status codes, the formats of ids, codes and dateTimes) is
//! checked here against the R4 specification.
#![allow(clippy::unwrap_used)]

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use fhirbolt::model::r4::Resource;
use fhirbolt::model::r4::resources::{
    Bundle, MedicationAdministrationEffective, MedicationAdministrationMedication, ObservationEffective,
    ObservationValue,
};
use fhirbolt::serde::{DeserializationConfig, DeserializationMode};
use journal::fhir::{Options, Zone};
use journal::{
    Catalog, DateRange, Day, Dose, Dreams, Event, Formulation, Intake, Journal, Measure, MeasureValue, Medication,
    Micrograms, Reading, Score, Severity, SideEffectEntry, Sleep, Vividness,
};

fn strict() -> Option<DeserializationConfig> {
    Some(DeserializationConfig { mode: DeserializationMode::Strict })
}

/// Readings on the last day: every template measure (blood pressure, a pair, twice), one in a
/// unit that is not UCUM, and a private one.
const READINGS: usize = 9 + 1 + 1 + 1;

/// A year of demo data plus one day that uses every field, other medications (as needed,
/// scheduled, private) with intakes, events (ended, ongoing, of a private kind) and measures
/// with readings, in a temporary folder.
fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    journal::demo::fill(&mut j, 365, 3, NaiveDate::from_ymd_opt(2025, 12, 30).unwrap()).unwrap();
    let pain = j.find_item(Catalog::Symptoms, "Pain").unwrap().unwrap().id;
    let headache = j.find_item(Catalog::SideEffects, "Headache").unwrap().unwrap().id;
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let mut readings = Vec::new();
    for (k, template) in journal::measure::TEMPLATES.iter().enumerate() {
        let m = j.save_measure(&template.measure()).unwrap();
        let typed = ["71.3", "58", "120/80", "8042", "36.6", "4", "5", "3.2", "50"][k];
        readings.push(Reading { measure: m.id, time: t(7, 15), value: m.read(typed).unwrap() });
        if template.paired {
            readings.push(Reading { measure: m.id, time: t(19, 45), value: m.read("118/79").unwrap() });
        }
    }
    for (name, unit, private) in [("Sleepiness", "points", false), ("Secret", "mmol/L", true)] {
        let m = Measure { name: name.into(), unit: unit.into(), decimals: 2, private, ..Measure::default() };
        let m = j.save_measure(&m).unwrap();
        readings.push(Reading { measure: m.id, time: None, value: MeasureValue::parse("-0.25").unwrap() });
    }
    assert_eq!(readings.len(), READINGS);
    let medication = |name: &str, as_needed: bool, private: bool, until: Option<NaiveDate>| Medication {
        id: 0,
        name: name.into(),
        dose: "1 tablet".into(),
        schedule: if as_needed { String::new() } else { "mornings".into() },
        as_needed,
        from: d("2025-06-01"),
        until,
        note: "a note".into(),
        private,
    };
    let ibuprofen = j.save_medication(&medication("Ibuprofen", true, false, None)).unwrap().id;
    j.save_medication(&medication("Vitamin D", false, false, Some(d("2025-12-31")))).unwrap();
    let hidden = j.save_medication(&medication("Hidden", true, true, None)).unwrap().id;
    let infection = match j.find_item(Catalog::EventKinds, "infection").unwrap() {
        Some(k) => k.id,
        None => j.add_item(Catalog::EventKinds, "infection", "").unwrap().id,
    };
    let private_kind = j.add_item(Catalog::EventKinds, "Secret kind", "").unwrap();
    j.update_item(Catalog::EventKinds, &journal::CatalogItem { private: true, ..private_kind.clone() }).unwrap();
    for (kind, from, to) in [(infection, "2025-12-20", Some("2025-12-24")), (infection, "2025-12-30", None)] {
        j.save_event(&Event { id: 0, kind, from: d(from), to: to.map(d), note: "an event note".into() }).unwrap();
    }
    j.save_event(&Event { id: 0, kind: private_kind.id, from: d("2025-12-31"), to: None, note: String::new() })
        .unwrap();
    let fill = j
        .save_fill(&journal::Fill {
            id: 0,
            received: d("2025-12-01"),
            started: None,
            pharmacy: "Riverside".into(),
            formulation: Formulation::Liquid,
            strength: journal::Strength::parse("1mg/mL").unwrap(),
            filler: "glycerin base".into(),
            batch: "LOT-7".into(),
            quantity: "50 mL".into(),
            use_by: Some(d("2026-03-01")),
            note: "kept in the fridge".into(),
        })
        .unwrap();
    j.save_day(&Day {
        date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        doses: vec![
            Dose::Taken {
                time: t(21, 30),
                amount: Micrograms(4500),
                formulation: Formulation::Liquid,
                note: "n".into(),
                measured: Some(journal::Measured {
                    count: journal::Count::parse("4.5 mL").unwrap().unwrap(),
                    fill: fill.id,
                }),
            },
            Dose::Taken {
                time: None,
                amount: Micrograms(125),
                formulation: Formulation::SublingualDrops,
                note: "".into(), measured: None },
            Dose::Missed { time: t(8, 0), reason: "travelling".into() },
        ],
        scores: vec![Score { symptom: pain, value: 0 }],
        wellbeing: Some(10),
        sleep: Sleep { bedtime: t(23, 0), wake: t(6, 30), quality: Some(1), awakenings: Some(0) },
        dreams: Dreams { vivid: Some(Vividness::Somewhat), nightmare: Some(true), notes: "a long dream".into() },
        side_effects: vec![SideEffectEntry { side_effect: headache, severity: Severity::Severe }],
        intakes: vec![
            Intake { medication: ibuprofen, time: t(14, 0), amount: "2 tablets".into() },
            Intake { medication: ibuprofen, time: None, amount: String::new() },
            Intake { medication: hidden, time: None, amount: String::new() },
        ],
        readings,
        notes: "end of year".into(),
    })
    .unwrap();
    (dir, j)
}

fn opts(notes: bool, name: Option<&str>) -> Options {
    Options {
        include_notes: notes,
        include_dream_notes: notes,
        include_private_items: notes,
        patient_name: name.map(Into::into),
        zone: Zone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap()),
    }
}

/// Parses `text` strictly and checks that the model writes back exactly what we wrote.
fn parse(text: &str) -> Bundle {
    // Read as any resource: fhirbolt 0.4 misreads `fullUrl` when asked for a `Bundle` directly.
    let resource: Resource = fhirbolt::json::from_str(text, strict()).expect("a valid FHIR R4 resource");
    let back = fhirbolt::json::to_string(&resource, None).unwrap();
    let ours: serde_json::Value = serde_json::from_str(text).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(&back).unwrap();
    assert!(ours == theirs, "the FHIR model does not read back everything we wrote");
    match resource {
        Resource::Bundle(b) => *b,
        other => panic!("not a Bundle: {other:?}"),
    }
}

#[test]
fn every_variant_of_the_export_is_valid_r4() {
    let (_dir, j) = journal();
    for (notes, name) in [(false, None), (true, None), (false, Some("Alex Example")), (true, Some("Alex Example"))] {
        let text = journal::fhir::export_fhir(&j, DateRange::all(), &opts(notes, name)).unwrap();
        let bundle = parse(&text);
        assert_eq!(bundle.r#type.value.as_deref(), Some("collection"));
        check_spec_rules(&serde_json::from_str(&text).unwrap());
    }
}

#[test]
fn counts_and_values_read_through_the_model_match_the_journal() {
    let (_dir, j) = journal();
    let text = journal::fhir::export_fhir(&j, DateRange::all(), &opts(true, Some("Alex Example"))).unwrap();
    let bundle = parse(&text);
    let days = j.days(DateRange::all()).unwrap();

    let (mut statements, mut taken, mut missed, mut patients) = (0, 0, 0, 0);
    let mut micrograms = 0u64;
    let mut integers = 0usize;
    let mut observations = 0usize;
    let mut last_day = Vec::new();
    let (mut intakes, mut events, mut measured) = (Vec::new(), Vec::new(), Vec::new());
    let (mut fills, mut fill_url, mut referenced) = (0, None, Vec::new());
    for e in &bundle.entry {
        match e.resource.as_ref().unwrap() {
            Resource::Patient(p) => {
                patients += 1;
                assert_eq!(p.name[0].text.as_ref().unwrap().value.as_deref(), Some("Alex Example"));
            }
            Resource::MedicationStatement(_) => statements += 1,
            Resource::Medication(m) => {
                // The fill: naltrexone at 1 mg per mL, its base inactive, its batch.
                fills += 1;
                assert_eq!(m.code.as_ref().unwrap().coding[0].code.as_ref().unwrap().value.as_deref(), Some("7243"));
                let strength = m.ingredient[0].strength.as_ref().unwrap();
                let unit = |q: &Option<Box<fhirbolt::model::r4::types::Quantity>>| {
                    q.as_ref().unwrap().code.as_ref().unwrap().value.clone().unwrap()
                };
                assert_eq!((unit(&strength.numerator), unit(&strength.denominator)), ("mg".into(), "mL".into()));
                assert_eq!(m.ingredient[1].is_active.as_ref().unwrap().value, Some(false));
                let batch = m.batch.as_ref().unwrap();
                assert_eq!(batch.lot_number.as_ref().unwrap().value.as_deref(), Some("LOT-7"));
                assert_eq!(batch.expiration_date.as_ref().unwrap().value.as_deref(), Some("2026-03-01"));
                fill_url = Some(e.full_url.as_ref().unwrap().value.clone().unwrap());
            }
            Resource::MedicationAdministration(a) => {
                assert!(matches!(a.effective, MedicationAdministrationEffective::DateTime(_)));
                if let MedicationAdministrationMedication::Reference(r) = &a.medication {
                    // A dose measured from a fill: the fill's Medication, the count in the text.
                    referenced.push(r.reference.as_ref().unwrap().value.clone().unwrap());
                    let dosage = a.dosage.as_ref().unwrap();
                    assert!(dosage.text.as_ref().unwrap().value.as_deref().unwrap().contains("(4.5 mL)"));
                    let q = dosage.dose.as_ref().unwrap();
                    micrograms += journal::Micrograms::parse_mg(q.value.as_ref().unwrap().value.as_deref().unwrap())
                        .unwrap()
                        .ug() as u64;
                    taken += 1;
                    continue;
                }
                let MedicationAdministrationMedication::CodeableConcept(m) = &a.medication else { panic!() };
                if m.coding.is_empty() {
                    // Another medication taken as needed: named by text.
                    intakes.push(m.text.as_ref().unwrap().value.clone().unwrap());
                    continue;
                }
                assert_eq!(m.coding[0].code.as_ref().unwrap().value.as_deref(), Some("7243"));
                match a.status.value.as_deref() {
                    Some("completed") => {
                        taken += 1;
                        let q = a.dosage.as_ref().unwrap().dose.as_ref().unwrap();
                        assert_eq!(q.code.as_ref().unwrap().value.as_deref(), Some("mg"));
                        let mg = q.value.as_ref().unwrap().value.as_deref().unwrap();
                        micrograms += journal::Micrograms::parse_mg(mg).unwrap().ug() as u64;
                    }
                    Some("not-done") => {
                        missed += 1;
                        assert!(!a.status_reason.is_empty());
                    }
                    s => panic!("status {s:?}"),
                }
            }
            Resource::Observation(o) => {
                observations += 1;
                if let Some(ObservationEffective::Period(p)) = &o.effective {
                    assert!(p.start.is_some());
                    events.push((
                        o.code.text.as_ref().unwrap().value.clone().unwrap(),
                        p.end.as_ref().and_then(|e| e.value.clone()),
                    ));
                    continue;
                }
                let Some(ObservationEffective::DateTime(d)) = &o.effective else { panic!("effectiveDateTime") };
                let quantity = |q: &fhirbolt::model::r4::types::Quantity| {
                    q.value.as_ref().unwrap().value.clone().unwrap()
                        + " "
                        + q.unit.as_ref().map_or("", |u| u.value.as_deref().unwrap())
                };
                if let Some(ObservationValue::Quantity(q)) = &o.value
                    && d.value.as_deref().is_some_and(|d| d.starts_with("2025-12-31"))
                {
                    measured.push(quantity(q));
                }
                for c in &o.component {
                    let Some(fhirbolt::model::r4::resources::ObservationComponentValue::Quantity(q)) = &c.value else {
                        panic!("a component with a quantity")
                    };
                    measured.push(quantity(q));
                }
                if let Some(ObservationValue::Integer(v)) = &o.value {
                    integers += 1;
                    assert!((0..=10).contains(&v.value.unwrap()));
                }
                if d.value.as_deref() == Some("2025-12-31") {
                    last_day.push(o.clone());
                }
            }
            other => panic!("unexpected resource {other:?}"),
        }
    }
    let doses: Vec<&Dose> = days.iter().flat_map(|d| &d.doses).collect();
    assert_eq!(patients, 1);
    assert_eq!(statements, j.regimen().unwrap().len() + 3, "the regimen and 3 other medications");
    assert_eq!(intakes, ["Ibuprofen", "Ibuprofen", "Hidden"]);
    events.sort();
    assert_eq!(
        events,
        [
            ("Secret kind".into(), None),
            ("infection".into(), None),
            ("infection".into(), Some("2025-12-24".to_string()))
        ]
    );
    // The sleep duration (in minutes) is a quantity too; the readings keep their exact digits.
    measured.retain(|m| !m.ends_with(" min"));
    measured.sort();
    let expected = [
        "-0.25 mmol/L",
        "-0.25 points",
        "118 mmHg",
        "120 mmHg",
        "3.2 mg/L",
        "36.6 °C",
        "4 ",
        "5 ",
        "50 µg/g",
        "58 bpm",
        "71.3 kg",
        "79 mmHg",
        "80 mmHg",
        "8042 steps",
    ];
    assert_eq!(measured, expected);
    assert_eq!(fills, 1);
    assert_eq!(referenced, [fill_url.unwrap()], "the dose measured from the fill names it");
    assert_eq!(taken, doses.iter().filter(|d| matches!(d, Dose::Taken { .. })).count());
    assert_eq!(missed, doses.iter().filter(|d| matches!(d, Dose::Missed { .. })).count());
    assert_eq!(micrograms, doses.iter().map(|d| d.taken().ug() as u64).sum::<u64>());
    let scores: usize = days.iter().map(|d| d.scores.len()).sum();
    let wellbeing = days.iter().filter(|d| d.wellbeing.is_some()).count();
    let quality = days.iter().filter(|d| d.sleep.quality.is_some()).count();
    let awakenings = days.iter().filter(|d| d.sleep.awakenings.is_some()).count();
    assert_eq!(integers, scores + wellbeing + quality + awakenings);
    // The last day: pain 0, wellbeing 10, 450 min, quality 1, awakenings 0, vivid, nightmare,
    // dream notes, severe headache, notes, and the 2 readings without a time.
    assert_eq!(last_day.len(), 12);
    let ints: Vec<i32> = last_day
        .iter()
        .filter_map(|o| match &o.value {
            Some(ObservationValue::Integer(v)) => v.value,
            _ => None,
        })
        .collect();
    assert_eq!(ints, [0, 10, 1, 0]);
    assert!(observations > 365 * 8);
}

/// Rules of the R4 specification the model does not enforce.
fn check_spec_rules(bundle: &serde_json::Value) {
    let entries = bundle["entry"].as_array().unwrap();
    assert!(!entries.is_empty());
    let mut urls = std::collections::HashSet::new();
    for e in entries {
        let url = e["fullUrl"].as_str().unwrap();
        assert!(urls.insert(url), "fullUrl {url} twice");
        let r = &e["resource"];
        let id = r["id"].as_str().unwrap();
        assert_eq!(url, format!("urn:uuid:{id}"), "fullUrl and id agree");
        assert!(is_id(id), "id {id}");
        let kind = r["resourceType"].as_str().unwrap();
        let required: &[&str] = match kind {
            "Patient" => &[],
            "MedicationStatement" => &["status", "medicationCodeableConcept", "subject"],
            "MedicationAdministration" => &["status", "subject", "effectiveDateTime"],
            "Medication" => &["code", "ingredient"],
            "Observation" => &["status", "code"],
            k => panic!("unexpected {k}"),
        };
        for f in required {
            assert!(!r[*f].is_null(), "{kind} needs {f}");
        }
        if kind == "MedicationAdministration" {
            // medication[x]: exactly one of the two; a reference names an entry of the bundle.
            let (code, reference) = (&r["medicationCodeableConcept"], &r["medicationReference"]["reference"]);
            assert!(code.is_null() != reference.is_null(), "one medication[x]");
            if let Some(url) = reference.as_str() {
                assert!(entries.iter().any(|e| e["fullUrl"] == url), "{url} resolves in the bundle");
            }
        }
        let statuses: &[&str] = match kind {
            "MedicationStatement" => {
                &["active", "completed", "entered-in-error", "intended", "stopped", "on-hold", "unknown", "not-taken"]
            }
            "MedicationAdministration" => {
                &["in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped", "unknown"]
            }
            "Observation" => &["registered", "preliminary", "final", "amended"],
            _ => &[],
        };
        if let Some(s) = r["status"].as_str() {
            assert!(statuses.contains(&s), "{kind} status {s}");
        }
        for key in ["effectiveDateTime"] {
            if let Some(d) = r[key].as_str() {
                assert!(is_date_time(d), "{kind}.{key} {d}");
            }
        }
        if let Some(p) = r.get("effectivePeriod") {
            for k in ["start", "end"] {
                if let Some(d) = p[k].as_str() {
                    assert!(is_date_time(d), "period {d}");
                }
            }
        }
        walk_codes(r);
    }
}

/// Every `code` string is a FHIR code: no leading, trailing or repeated whitespace.
fn walk_codes(v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                if k == "code"
                    && let Some(s) = x.as_str()
                {
                    assert!(!s.is_empty() && s.trim() == s && !s.contains("  "), "code {s:?}");
                }
                walk_codes(x);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(walk_codes),
        _ => {}
    }
}

/// FHIR `id`: [A-Za-z0-9\-\.]{1,64}.
fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// FHIR `dateTime`: a date alone, or date and time with seconds and a UTC offset (R4: "If
/// hours and minutes are specified, a time zone SHALL be populated").
fn is_date_time(s: &str) -> bool {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() || chrono::DateTime::parse_from_rfc3339(s).is_ok()
}
