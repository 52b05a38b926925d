//! FHIR R4 export: counts and values against the journal, opt-ins, determinism, and a
//! snapshot of a small bundle. (An independent FHIR R4 model parses the output in
//! crates/fhir-check, kept apart because its serde_json features would leak into these tests.)
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashSet};

use crate::common::*;
use chrono::FixedOffset;
use journal::fhir::{self, ANONYMOUS, Options, Zone};
use journal::{
    Catalog, DateRange, Day, Dose, Event, Formulation, Intake, Measure, MeasureValue, Medication, Micrograms,
    PrescribedDose, Reading, RegimenPeriod,
};
use serde_json::Value;

fn plus_one() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(3600).unwrap())
}

fn export(j: &journal::Journal, range: DateRange, opts: &Options) -> Value {
    serde_json::from_str(&fhir::export_fhir(j, range, opts).unwrap()).unwrap()
}

fn resources<'a>(b: &'a Value, kind: &str) -> Vec<&'a Value> {
    b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == kind).collect()
}

/// The observation of `date` whose code is `code` (side effects aside).
fn observation<'a>(b: &'a Value, date: &str, code: &str) -> Option<&'a Value> {
    resources(b, "Observation").into_iter().find(|o| {
        let c = &o["code"]["coding"][0];
        o["effectiveDateTime"] == date && c["code"] == code && c["system"] != SIDE_EFFECT
    })
}

/// The severity code of the side effect `name` on `date`.
fn side_effect(b: &Value, date: &str, name: &str) -> Option<String> {
    resources(b, "Observation")
        .into_iter()
        .find(|o| {
            o["effectiveDateTime"] == date
                && o["code"]["coding"][0]["system"] == SIDE_EFFECT
                && o["code"]["text"] == name
        })
        .map(|o| o["valueCodeableConcept"]["coding"][0]["code"].as_str().unwrap().to_string())
}

const SIDE_EFFECT: &str = "urn:ldn-journal:side-effect";

fn small() -> TestJournal {
    let mut t = with_symptoms();
    t.save_regimen_period(&RegimenPeriod {
        id: 0,
        from: date("2025-02-01"),
        until: None,
        doses: vec![PrescribedDose { amount: Micrograms(1500), time: Some(time("22:00")) }],
        formulation: Formulation::Capsule,
        strength: "1.5 mg capsules".into(),
        pharmacy: "Riverside Compounding".into(),
        note: "started low".into(),
    })
    .unwrap();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let mut day = Day::new(date("2025-03-02"));
    day.doses.push(Dose::Missed { time: None, reason: String::new() });
    day.scores.push(journal::Score { symptom: FATIGUE, value: 0 });
    t.save_day(&day).unwrap();
    t
}

#[test]
fn small_bundle_snapshot() {
    let t = small();
    let text = fhir::export_fhir(&t, DateRange::all(), &Options { zone: plus_one(), ..Options::default() }).unwrap();
    // The export is compact; indented here for review (keys in alphabetical order).
    let v: Value = serde_json::from_str(&text).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap());
}

#[test]
fn doses_scores_sleep_dreams_and_side_effects_carry_the_journals_values() {
    let t = small();
    let b = export(&t, DateRange::all(), &Options { zone: plus_one(), ..Options::default() });
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");

    let admin = resources(&b, "MedicationAdministration");
    assert_eq!(admin.len(), 4, "3 dose events on the first day, 1 on the second");
    assert_eq!(admin[0]["status"], "completed");
    assert_eq!(admin[0]["effectiveDateTime"], "2025-03-01T22:00:00+01:00");
    assert_eq!(admin[0]["medicationCodeableConcept"]["coding"][0]["code"], "7243");
    assert_eq!(
        admin[0]["dosage"]["dose"],
        serde_json::json!({"value": 1.5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"})
    );
    assert_eq!(admin[1]["status"], "not-done");
    assert_eq!(admin[1]["statusReason"][0]["text"], "Not taken", "the reason is a private note");
    assert!(admin[1].get("dosage").is_none());
    assert_eq!(admin[2]["effectiveDateTime"], "2025-03-01", "no time: the date alone, no invented time or zone");
    assert_eq!(admin[2]["dosage"]["dose"]["value"].to_string(), "0.125");
    assert_eq!(admin[3]["statusReason"][0]["text"], "Not taken");

    let pain = observation(&b, "2025-03-01", "72514-3").unwrap();
    assert_eq!(pain["valueInteger"], 0, "a score of zero is exported, as zero");
    assert_eq!(pain["category"][0]["coding"][0]["code"], "survey");
    assert_eq!(observation(&b, "2025-03-01", "fatigue").unwrap()["valueInteger"], 7);
    assert_eq!(observation(&b, "2025-03-02", "fatigue").unwrap()["valueInteger"], 0);
    assert!(observation(&b, "2025-03-02", "72514-3").is_none(), "pain was not rated that day: no observation");
    assert_eq!(observation(&b, "2025-03-01", "wellbeing").unwrap()["valueInteger"], 6);
    let sleep = &observation(&b, "2025-03-01", "93832-4").unwrap()["valueQuantity"];
    assert_eq!((sleep["value"].as_u64(), sleep["code"].as_str()), (Some(450), Some("min")));
    assert_eq!(observation(&b, "2025-03-01", "sleep-quality").unwrap()["valueInteger"], 3);
    assert_eq!(observation(&b, "2025-03-01", "awakenings").unwrap()["valueInteger"], 2);
    assert_eq!(
        observation(&b, "2025-03-01", "vivid-dreams").unwrap()["valueCodeableConcept"]["coding"][0]["code"],
        "very"
    );
    assert_eq!(observation(&b, "2025-03-01", "nightmare").unwrap()["valueBoolean"], false);
    assert_eq!(side_effect(&b, "2025-03-01", "Vivid dreams").as_deref(), Some("6736007"), "moderate");
    assert_eq!(side_effect(&b, "2025-03-01", "Insomnia").as_deref(), Some("2667000"), "checked and absent");
    assert_eq!(side_effect(&b, "2025-03-01", "Headache"), None, "not recorded");

    let statements = resources(&b, "MedicationStatement");
    assert_eq!(statements.len(), 1);
    assert_eq!(statements[0]["status"], "active");
    assert_eq!(statements[0]["effectivePeriod"], serde_json::json!({"start": "2025-02-01"}));
    assert_eq!(statements[0]["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"], 1.5);
    assert_eq!(statements[0]["dosage"][0]["timing"]["repeat"]["timeOfDay"][0], "22:00:00");
    assert_eq!(statements[0]["informationSource"], statements[0]["subject"]);
}

#[test]
fn notes_and_name_only_when_opted_in() {
    let t = small();
    let private = fhir::export_fhir(&t, DateRange::all(), &Options::default()).unwrap();
    for secret in ["flying", "a normal day", "top-up", "forgot", "started low", "Patient\""] {
        assert!(!private.contains(secret), "{secret} is in an export without opt-in");
    }
    let b: Value = serde_json::from_str(&private).unwrap();
    for r in b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]) {
        if let Some(s) = r.get("subject") {
            assert_eq!(s, &serde_json::json!({"display": ANONYMOUS}));
        }
    }

    let opts = Options {
        include_notes: true,
        include_dream_notes: true,
        include_private_items: false,
        patient_name: Some("Alex Example".into()),
        zone: plus_one(),
    };
    let b = export(&t, DateRange::all(), &opts);
    let patients = resources(&b, "Patient");
    assert_eq!(patients.len(), 1);
    assert_eq!(patients[0]["name"][0]["text"], "Alex Example");
    assert_eq!(patients[0].as_object().unwrap().len(), 3, "resourceType, id and name: nothing else about the patient");
    let full_url = &b["entry"][0]["fullUrl"];
    assert_eq!(&resources(&b, "Observation")[0]["subject"]["reference"], full_url);
    assert_eq!(observation(&b, "2025-03-01", "dream-notes").unwrap()["valueString"], "flying");
    assert_eq!(observation(&b, "2025-03-01", "notes").unwrap()["valueString"], "a normal day");
    assert_eq!(resources(&b, "MedicationAdministration")[2]["note"][0]["text"], "top-up");
    assert_eq!(resources(&b, "MedicationAdministration")[1]["statusReason"][0]["text"], "forgot");
    assert_eq!(resources(&b, "MedicationStatement")[0]["note"][1]["text"], "started low");
}

#[test]
fn dream_notes_and_other_notes_each_only_on_their_own_opt_in() {
    let t = small();
    let notes = Options { include_notes: true, ..Options::default() };
    let text = fhir::export_fhir(&t, DateRange::all(), &notes).unwrap();
    assert!(!text.contains("flying"), "dream notes need their own opt-in");
    for note in ["a normal day", "top-up", "forgot", "started low"] {
        assert!(text.contains(note), "{note} is missing with include_notes");
    }
    let dreams = Options { include_dream_notes: true, ..Options::default() };
    let text = fhir::export_fhir(&t, DateRange::all(), &dreams).unwrap();
    assert!(text.contains("flying"), "dream notes on their opt-in");
    for note in ["a normal day", "top-up", "forgot", "started low"] {
        assert!(!text.contains(note), "{note} leaves with include_dream_notes only");
    }
}

#[test]
fn a_year_of_demo_data_is_counted_exactly_and_ids_are_stable_and_unique() {
    let (_dir, path) = demo_file(365, "2025-12-31");
    let j = journal::Journal::open(&path).unwrap();
    let range = DateRange::all();
    let opts = Options { zone: plus_one(), ..Options::default() };
    let text = fhir::export_fhir(&j, range, &opts).unwrap();
    assert_eq!(text, fhir::export_fhir(&j, range, &opts).unwrap(), "same journal, same bytes");
    let b: Value = serde_json::from_str(&text).unwrap();

    let days = j.days(range).unwrap();
    let doses: Vec<&Dose> = days.iter().flat_map(|d| &d.doses).collect();
    let admin = resources(&b, "MedicationAdministration");
    assert_eq!(admin.len(), doses.len());
    let missed = doses.iter().filter(|d| matches!(d, Dose::Missed { .. })).count();
    assert_eq!(admin.iter().filter(|a| a["status"] == "not-done").count(), missed);
    let total_ug: u64 = doses.iter().map(|d| u64::from(d.taken().ug())).sum();
    let total_mg: f64 = admin.iter().filter_map(|a| a["dosage"]["dose"]["value"].as_f64()).sum();
    assert!((total_mg * 1000.0 - total_ug as f64).abs() < 0.5, "{total_mg} mg vs {total_ug} µg");

    let expected_obs: usize = days
        .iter()
        .map(|d| {
            d.scores.len()
                + d.side_effects.len()
                + [d.wellbeing.is_some(), d.sleep_minutes().is_some(), d.sleep.quality.is_some()]
                    .iter()
                    .filter(|x| **x)
                    .count()
                + usize::from(d.sleep.awakenings.is_some())
                + usize::from(d.dreams.vivid.is_some())
                + usize::from(d.dreams.nightmare.is_some())
        })
        .sum();
    let obs = resources(&b, "Observation");
    assert_eq!(obs.len(), expected_obs);

    // Every score, by date and symptom name.
    let names: BTreeMap<u32, String> =
        j.catalog(Catalog::Symptoms).unwrap().into_iter().map(|i| (i.id, i.name)).collect();
    let mut exported = BTreeMap::new();
    for o in &obs {
        if o["code"]["coding"][0]["system"] == "urn:ldn-journal:symptom" || o["code"]["coding"][0]["code"] == "72514-3"
        {
            exported.insert(
                (o["effectiveDateTime"].as_str().unwrap().to_string(), o["code"]["text"].as_str().unwrap().to_string()),
                o["valueInteger"].as_u64().unwrap(),
            );
        }
    }
    let names = &names;
    let journal_scores: BTreeMap<_, _> = days
        .iter()
        .flat_map(|d| {
            d.scores.iter().map(move |s| ((d.date.to_string(), names[&s.symptom].clone()), u64::from(s.value)))
        })
        .collect();
    assert_eq!(exported, journal_scores);

    assert_eq!(resources(&b, "MedicationStatement").len(), j.regimen().unwrap().len());
    let urls: HashSet<&str> = b["entry"].as_array().unwrap().iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    assert_eq!(urls.len(), b["entry"].as_array().unwrap().len(), "every entry has its own id");
}

#[test]
fn range_limits_days_and_keeps_overlapping_regimen_periods() {
    let (_dir, path) = demo_file(200, "2025-12-31");
    let j = journal::Journal::open(&path).unwrap();
    let range = DateRange::new(date("2025-10-01"), date("2025-10-31")).unwrap();
    let b = export(&j, range, &Options { zone: plus_one(), ..Options::default() });
    for o in resources(&b, "Observation") {
        let d = o["effectiveDateTime"].as_str().unwrap();
        assert!(("2025-10-01".."2025-11-01").contains(&d), "{d}");
    }
    let statements = resources(&b, "MedicationStatement");
    assert!(!statements.is_empty());
    for s in statements {
        let start = s["effectivePeriod"]["start"].as_str().unwrap();
        let end = s["effectivePeriod"]["end"].as_str().unwrap_or("9999");
        assert!(start <= "2025-10-31" && end >= "2025-10-01", "{start}..{end}");
    }
}

/// A journal with a measure of every template (one reading each on 2025-03-01, blood pressure
/// twice), an as-needed and a scheduled medication, an ended and an ongoing event, and a
/// private medication, measure and event kind with something recorded of each.
fn context() -> TestJournal {
    let mut t = empty();
    let mut day = Day::new(date("2025-03-01"));
    for (k, template) in journal::measure::TEMPLATES.iter().enumerate() {
        let m = t.save_measure(&template.measure()).unwrap();
        let typed = ["71.3", "58", "120/80", "8042", "36.6", "4", "5", "3.2", "50"][k];
        let at = template.paired.then(|| time("08:00"));
        day.readings.push(Reading { measure: m.id, time: at, value: m.read(typed).unwrap() });
        if template.paired {
            day.readings.push(Reading { measure: m.id, time: Some(time("20:00")), value: m.read("118/79").unwrap() });
        }
    }
    let text_unit = t.save_measure(&Measure { name: "Sleepiness".into(), unit: "points".into(), ..Measure::default() });
    day.readings.push(Reading { measure: text_unit.unwrap().id, time: None, value: MeasureValue::parse("7").unwrap() });
    let stone =
        t.save_measure(&Measure { name: "Weight".into(), unit: "st".into(), decimals: 1, ..Measure::default() });
    assert!(stone.is_err(), "one measure per name");
    let secret_measure = t
        .save_measure(&Measure { name: "Secret weight".into(), unit: "kg".into(), private: true, ..Measure::default() })
        .unwrap();
    day.readings.push(Reading { measure: secret_measure.id, time: None, value: MeasureValue::parse("70").unwrap() });

    let medication = |name: &str, as_needed: bool, private: bool| Medication {
        id: 0,
        name: name.into(),
        dose: if as_needed { "400 mg".into() } else { "2000 IU".into() },
        schedule: if as_needed { String::new() } else { "every morning".into() },
        as_needed,
        from: date("2025-02-01"),
        until: None,
        note: format!("{name} note"),
        private,
    };
    let ibuprofen = t.save_medication(&medication("Ibuprofen", true, false)).unwrap();
    t.save_medication(&Medication { until: Some(date("2025-03-10")), ..medication("Vitamin D", false, false) })
        .unwrap();
    let hidden = t.save_medication(&medication("Hidden pill", true, true)).unwrap();
    day.intakes.push(Intake { medication: ibuprofen.id, time: Some(time("14:00")), amount: "1 tablet".into() });
    day.intakes.push(Intake { medication: hidden.id, time: None, amount: String::new() });
    t.save_day(&day).unwrap();

    let infection = event_kind(&mut t, "infection");
    let flare = event_kind(&mut t, "flare");
    let private_kind = t.add_item(Catalog::EventKinds, "Secret kind", "").unwrap();
    t.update_item(Catalog::EventKinds, &journal::CatalogItem { private: true, ..private_kind.clone() }).unwrap();
    let event = |kind, from: &str, to: Option<&str>, note: &str| Event {
        id: 0,
        kind,
        from: date(from),
        to: to.map(date),
        note: note.into(),
    };
    t.save_event(&event(infection, "2025-02-27", Some("2025-03-03"), "a cold")).unwrap();
    t.save_event(&event(flare, "2025-03-01", None, "flare note")).unwrap();
    t.save_event(&event(private_kind.id, "2025-03-01", Some("2025-03-01"), "")).unwrap();
    t
}

fn by_code<'a>(b: &'a Value, system: &str, code: &str) -> Vec<&'a Value> {
    resources(b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["system"] == system && o["code"]["coding"][0]["code"] == code)
        .collect()
}

const MEASURE: &str = "urn:ldn-journal:measure";
const UCUM: &str = "http://unitsofmeasure.org";

#[test]
fn each_template_measure_has_its_loinc_code_and_ucum_unit_or_a_local_code() {
    let t = context();
    let b = export(&t, DateRange::all(), &Options { zone: plus_one(), ..Options::default() });
    // (name, system, code, category, value as written, unit shown, UCUM code)
    let single = [
        ("Weight", "http://loinc.org", "29463-7", Some("vital-signs"), "71.3", Some("kg"), Some("kg")),
        ("Resting heart rate", "http://loinc.org", "40443-4", Some("vital-signs"), "58", Some("bpm"), Some("/min")),
        ("Steps", "http://loinc.org", "41950-7", Some("activity"), "8042", Some("steps"), Some("{steps}")),
        ("Body temperature", "http://loinc.org", "8310-5", Some("vital-signs"), "36.6", Some("°C"), Some("Cel")),
        ("Exertion", MEASURE, "exertion", None, "4", None, None),
        ("Stool form (Bristol)", MEASURE, "stool-form-bristol", None, "5", None, None),
        ("CRP", MEASURE, "crp", None, "3.2", Some("mg/L"), Some("mg/L")),
        ("Calprotectin", MEASURE, "calprotectin", None, "50", Some("µg/g"), Some("ug/g")),
        ("Sleepiness", MEASURE, "sleepiness", None, "7", Some("points"), None),
    ];
    for (name, system, code, category, value, unit, ucum) in single {
        let found = by_code(&b, system, code);
        assert_eq!(found.len(), 1, "{name}");
        let o = found[0];
        assert_eq!(o["code"]["text"], name);
        assert_eq!(o["effectiveDateTime"], "2025-03-01");
        assert_eq!(o["category"][0]["coding"][0]["code"].as_str(), category, "{name}");
        let q = &o["valueQuantity"];
        assert_eq!(q["value"].to_string(), value, "{name}: the exact decimal");
        assert_eq!(q["unit"].as_str(), unit, "{name}");
        assert_eq!(q["code"].as_str(), ucum, "{name}");
        assert_eq!(q["system"].as_str(), ucum.map(|_| UCUM), "{name}: a system only with a UCUM code");
    }
    assert!(by_code(&b, MEASURE, "sleepiness")[0]["valueQuantity"].get("system").is_none(), "text unit: no system");
}

#[test]
fn blood_pressure_is_the_loinc_panel_with_systolic_and_diastolic_components() {
    let t = context();
    let b = export(&t, DateRange::all(), &Options { zone: plus_one(), ..Options::default() });
    let bp = by_code(&b, "http://loinc.org", "85354-9");
    assert_eq!(bp.len(), 2, "two readings that day");
    assert_eq!(bp[0]["effectiveDateTime"], "2025-03-01T08:00:00+01:00");
    assert_eq!(bp[1]["effectiveDateTime"], "2025-03-01T20:00:00+01:00");
    assert!(bp[0].get("valueQuantity").is_none(), "the values are in the components");
    let parts: Vec<(String, String, String)> = bp[1]["component"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let q = &c["valueQuantity"];
            (c["code"]["coding"][0]["code"].as_str().unwrap().into(), q["value"].to_string(), q["code"].to_string())
        })
        .collect();
    assert_eq!(
        parts,
        [("8480-6".into(), "118".into(), "\"mm[Hg]\"".into()), ("8462-4".into(), "79".into(), "\"mm[Hg]\"".into())]
    );
    assert_eq!(bp[0]["component"][0]["valueQuantity"]["unit"], "mmHg");
}

#[test]
fn a_measure_is_loinc_only_when_its_name_shape_and_unit_fit() {
    let mut t = empty();
    let m = t.save_measure(&Measure { name: "Weight".into(), unit: "stone".into(), ..Measure::default() }).unwrap();
    let pulse =
        t.save_measure(&Measure { name: "Resting heart rate".into(), unit: "/min".into(), ..Measure::default() });
    let mut day = Day::new(date("2025-03-01"));
    day.readings.push(Reading { measure: m.id, time: None, value: MeasureValue::parse("11").unwrap() });
    day.readings.push(Reading { measure: pulse.unwrap().id, time: None, value: MeasureValue::parse("61").unwrap() });
    t.save_day(&day).unwrap();
    let b = export(&t, DateRange::all(), &Options::default());
    let weight = &by_code(&b, MEASURE, "weight")[0]["valueQuantity"];
    assert_eq!(weight, &serde_json::json!({"value": 11, "unit": "stone"}), "not a UCUM unit: text, not LOINC");
    let hr = &by_code(&b, "http://loinc.org", "40443-4")[0]["valueQuantity"];
    assert_eq!(hr, &serde_json::json!({"value": 61, "unit": "/min", "system": UCUM, "code": "/min"}));
}

#[test]
fn other_medications_intakes_and_events() {
    let t = context();
    let b = export(&t, DateRange::all(), &Options { zone: plus_one(), ..Options::default() });
    let statements: Vec<&Value> = resources(&b, "MedicationStatement");
    assert_eq!(statements.len(), 2, "Ibuprofen and Vitamin D; the private one left out");
    let ibuprofen = statements.iter().find(|s| s["medicationCodeableConcept"]["text"] == "Ibuprofen").unwrap();
    assert!(ibuprofen["medicationCodeableConcept"].get("coding").is_none(), "text only, no guessed code");
    assert_eq!(ibuprofen["status"], "active");
    assert_eq!(ibuprofen["effectivePeriod"], serde_json::json!({"start": "2025-02-01"}));
    assert_eq!(ibuprofen["informationSource"], ibuprofen["subject"]);
    assert_eq!(ibuprofen["dosage"], serde_json::json!([{"text": "400 mg, as needed", "asNeededBoolean": true}]));
    let vitamin = statements.iter().find(|s| s["medicationCodeableConcept"]["text"] == "Vitamin D").unwrap();
    assert_eq!(vitamin["status"], "completed");
    assert_eq!(vitamin["effectivePeriod"], serde_json::json!({"start": "2025-02-01", "end": "2025-03-10"}));
    assert_eq!(vitamin["dosage"], serde_json::json!([{"text": "2000 IU, every morning"}]));

    let intakes = resources(&b, "MedicationAdministration");
    assert_eq!(intakes.len(), 1);
    assert_eq!(intakes[0]["medicationCodeableConcept"]["text"], "Ibuprofen");
    assert_eq!(intakes[0]["effectiveDateTime"], "2025-03-01T14:00:00+01:00");
    assert_eq!(intakes[0]["dosage"], serde_json::json!({"text": "1 tablet"}));

    let events = resources(&b, "Observation")
        .into_iter()
        .filter(|o| o["code"]["coding"][0]["system"] == "urn:ldn-journal:event")
        .collect::<Vec<_>>();
    assert_eq!(events.len(), 2, "the private kind left out");
    assert_eq!(events[0]["code"]["coding"][0]["code"], "infection");
    assert_eq!(events[0]["effectivePeriod"], serde_json::json!({"start": "2025-02-27", "end": "2025-03-03"}));
    assert_eq!(events[1]["code"]["text"], "flare");
    assert_eq!(events[1]["effectivePeriod"], serde_json::json!({"start": "2025-03-01"}), "ongoing: no end");

    // A range after the Vitamin D ended and the infection was over keeps what overlaps.
    let later = DateRange::new(date("2025-03-11"), date("2025-03-20")).unwrap();
    let b = export(&t, later, &Options::default());
    let names: Vec<&Value> =
        resources(&b, "MedicationStatement").iter().map(|s| &s["medicationCodeableConcept"]["text"]).collect();
    assert_eq!(names, ["Ibuprofen"]);
    let codes: Vec<&Value> = resources(&b, "Observation").iter().map(|o| &o["code"]["text"]).collect();
    assert_eq!(codes, ["flare"], "the ongoing flare only; no readings that week");
}

#[test]
fn private_items_and_what_is_recorded_of_them_only_when_opted_in() {
    let t = context();
    let without = fhir::export_fhir(&t, DateRange::all(), &Options::default()).unwrap();
    for secret in ["Hidden pill", "Secret weight", "Secret kind", "secret-kind"] {
        assert!(!without.contains(secret), "{secret} without the opt-in");
    }
    let with = export(&t, DateRange::all(), &Options { include_private_items: true, ..Options::default() });
    assert_eq!(resources(&with, "MedicationStatement").len(), 3);
    let intakes = resources(&with, "MedicationAdministration");
    assert_eq!(intakes.len(), 2);
    assert_eq!(intakes[1]["medicationCodeableConcept"]["text"], "Hidden pill");
    assert!(intakes[1].get("dosage").is_none(), "no amount recorded");
    assert_eq!(by_code(&with, MEASURE, "secret-weight")[0]["valueQuantity"]["value"], 70);
    assert_eq!(by_code(&with, "urn:ldn-journal:event", "secret-kind").len(), 1);
}

#[test]
fn medication_and_event_notes_only_with_the_notes() {
    let t = context();
    let plain = fhir::export_fhir(&t, DateRange::all(), &Options::default()).unwrap();
    for note in ["Ibuprofen note", "Vitamin D note", "a cold", "flare note"] {
        assert!(!plain.contains(note), "{note} without the opt-in");
    }
    let b = export(&t, DateRange::all(), &Options { include_notes: true, ..Options::default() });
    let ibuprofen = resources(&b, "MedicationStatement")
        .into_iter()
        .find(|s| s["medicationCodeableConcept"]["text"] == "Ibuprofen")
        .unwrap();
    assert_eq!(ibuprofen["note"], serde_json::json!([{"text": "Ibuprofen note"}]));
    let infection = &by_code(&b, "urn:ldn-journal:event", "infection")[0];
    assert_eq!(infection["note"], serde_json::json!([{"text": "a cold"}]));
    let hidden = fhir::export_fhir(&t, DateRange::all(), &Options { include_notes: true, ..Options::default() });
    assert!(!hidden.unwrap().contains("Hidden pill note"), "a private item's note needs both opt-ins");
}
