//! The context of the record: other medications, events and measures. Real journal files;
//! every rule at its boundary, with the field path and the message the patient sees.
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::entry::{DayEntry, ReadingEntry};
use journal::exchange::{self, ImportMode};
use journal::measure::{TEMPLATES, template_named};
use journal::{Catalog, DateRange, Day, Error, Event, Frequency, Intake, Measure, MeasureValue, Medication, Reading};

fn medication(name: &str, from: &str, as_needed: bool) -> Medication {
    Medication {
        id: 0,
        name: name.into(),
        dose: "400 mg".into(),
        schedule: if as_needed { String::new() } else { "mornings".into() },
        as_needed,
        from: date(from),
        until: None,
        note: String::new(),
        private: false,
    }
}

fn measure(t: &mut TestJournal, template: &str) -> Measure {
    t.save_measure(&template_named(template).unwrap().measure()).unwrap()
}

fn reading(measure: &Measure, value: &str) -> Reading {
    Reading { measure: measure.id, time: None, value: MeasureValue::parse(value).unwrap() }
}

/// The field errors of a refused write, as (field, message).
fn fields(e: Error) -> Vec<(String, String)> {
    match e {
        Error::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn a_new_journal_starts_with_the_starter_event_kinds() {
    let t = empty();
    let kinds = t.catalog(Catalog::EventKinds).unwrap();
    let names: Vec<_> = kinds.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "infection",
            "flare",
            "crash",
            "period",
            "stress",
            "travel",
            "vaccination",
            "procedure",
            "appointment",
            "other"
        ]
    );
    assert!(kinds.iter().all(|k| !k.description.is_empty() && !k.private && !k.archived));
}

#[test]
fn measure_values_are_stored_exactly_as_typed_within_their_rules() {
    let mut t = empty();
    let weight = measure(&mut t, "Weight");
    let bp = measure(&mut t, "Blood pressure");
    let mut day = Day::new(date("2026-03-02"));
    day.readings = vec![
        reading(&weight, "71,30"),
        Reading { time: Some(time("08:00")), ..reading(&bp, "120/80") },
        Reading { time: Some(time("20:00")), ..reading(&bp, "118/79") },
    ];
    t.save_day(&day).unwrap();
    let back = t.day(day.date).unwrap().unwrap();
    let shown: Vec<_> = back.readings.iter().map(|r| r.value.to_string()).collect();
    assert_eq!(shown, ["71.3", "120/80", "118/79"]);
    assert_eq!(weight.show(back.readings[0].value), "71.3 kg");

    for (value, field, message) in [
        ("71.35", "readings[0].value", "Weight has 1 decimal; got 71.35"),
        ("7130", "readings[0].value", "Weight must be 0–700 kg; got 7130"),
        ("120/80", "readings[0].value", "Weight is one number; got 120/80"),
    ] {
        let mut bad = Day::new(date("2026-03-03"));
        bad.readings = vec![reading(&weight, value)];
        assert_eq!(fields(t.save_day(&bad).unwrap_err()), [(field.to_string(), message.to_string())], "{value}");
    }
    let mut twice = Day::new(date("2026-03-03"));
    twice.readings = vec![reading(&weight, "71"), reading(&weight, "72")];
    assert_eq!(
        fields(t.save_day(&twice).unwrap_err()),
        [("readings[1].measure".to_string(), "Weight is recorded once a day; this day has it twice".to_string())]
    );
    let mut unknown = Day::new(date("2026-03-03"));
    unknown.readings = vec![Reading { measure: 99, ..reading(&weight, "70") }];
    assert_eq!(fields(t.save_day(&unknown).unwrap_err())[0].0, "readings[0].measure");
    assert_eq!(t.day(date("2026-03-03")).unwrap(), None, "nothing refused was written");
}

#[test]
fn the_day_form_reports_a_value_that_is_not_a_number_at_its_field() {
    let mut t = empty();
    let weight = measure(&mut t, "Weight");
    let mut entry = DayEntry::new_day(date("2026-03-02"), None, None, &[]);
    entry.readings = vec![
        ReadingEntry { measure: weight.id, time: String::new(), value: "seventy".into() },
        ReadingEntry { measure: weight.id, time: "25:00".into(), value: String::new() },
    ];
    let errors: Vec<_> = entry.parse(&[]).errors.into_iter().map(|e| (e.field, e.message)).collect();
    assert_eq!(
        errors,
        [
            ("readings[0].value".to_string(), "\"seventy\" is not a number".to_string()),
            ("readings[1].time".to_string(), "enter the time as hours and minutes (HH:MM), got \"25:00\"".to_string()),
        ]
    );
    entry.readings = vec![ReadingEntry { measure: weight.id, time: String::new(), value: "71,3".into() }];
    let day = entry.to_day(&[]).unwrap();
    assert_eq!(day.readings[0].value.to_string(), "71.3");
    assert_eq!(DayEntry::from_day(&day).readings[0].value, "71.3");
}

#[test]
fn a_measure_cannot_be_changed_so_that_a_stored_value_no_longer_fits() {
    let mut t = empty();
    let weight = measure(&mut t, "Weight");
    let mut day = Day::new(date("2026-03-02"));
    day.readings = vec![reading(&weight, "71.3")];
    t.save_day(&day).unwrap();
    let fewer = Measure { decimals: 0, ..weight.clone() };
    assert_eq!(
        fields(t.save_measure(&fewer).unwrap_err()),
        [(
            "measure".to_string(),
            "the reading of 2026-03-02 would not fit: Weight is recorded in whole numbers; got 71.3".to_string()
        )]
    );
    let renamed = t.save_measure(&Measure { name: "Body weight".into(), unit: "kg".into(), ..weight.clone() }).unwrap();
    assert_eq!(renamed.name, "Body weight");
    assert_eq!(
        fields(t.save_measure(&Measure { id: 0, ..renamed.clone() }).unwrap_err()),
        [("name".to_string(), "\"Body weight\" is already in your measures".to_string())]
    );
    let bad = Measure { decimals: 9, ..template_named("Steps").unwrap().measure() };
    assert_eq!(fields(t.save_measure(&bad).unwrap_err())[0].0, "decimals");
}

#[test]
fn every_template_is_a_valid_measure() {
    let mut t = empty();
    for template in TEMPLATES {
        let m = t.save_measure(&template.measure()).unwrap();
        assert_eq!(m.name, template.name);
    }
    assert_eq!(t.find_measure("blood PRESSURE").unwrap().unwrap().frequency, Frequency::SeveralADay);
}

#[test]
fn a_change_of_dose_ends_one_entry_and_starts_the_next() {
    let mut t = empty();
    let prn = t.save_medication(&medication("Ibuprofen", "2026-01-01", true)).unwrap();
    let mut day = Day::new(date("2026-02-10"));
    day.intakes = vec![Intake { medication: prn.id, time: Some(time("14:00")), amount: "1 tablet".into() }];
    t.save_day(&day).unwrap();
    let next = t.change_medication_dose(prn.id, "200 mg", date("2026-02-01")).unwrap();
    let all = t.medications().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].until, Some(date("2026-01-31")));
    assert_eq!((next.dose.as_str(), next.from, next.until), ("200 mg", date("2026-02-01"), None));
    assert_eq!(t.day(day.date).unwrap().unwrap().intakes[0].medication, next.id, "the intake follows its dose");
    assert_eq!(t.find_medication("ibuprofen", date("2026-01-15")).unwrap().unwrap().id, prn.id);
    assert_eq!(t.find_medication("IBUPROFEN", date("2026-03-01")).unwrap().unwrap().id, next.id);
    assert_eq!(
        fields(t.change_medication_dose(next.id, "100 mg", date("2026-02-01")).unwrap_err())[0].0,
        "from",
        "a new dose starts after the current one"
    );
    // Nothing logged against the first entry any more: it could go; the second cannot.
    let refused = fields(t.delete_medication(next.id).unwrap_err());
    assert_eq!(
        refused,
        [(
            "medication".to_string(),
            "Ibuprofen was logged as taken on 2026-02-10; set the day it stopped instead of deleting it".to_string()
        )]
    );
    let stopped = fields(t.stop_medication(next.id, date("2026-02-05")).unwrap_err());
    assert_eq!(
        stopped,
        [("until".to_string(), "Ibuprofen was logged as taken on 2026-02-10, outside these dates".to_string())]
    );
    t.stop_medication(next.id, date("2026-02-28")).unwrap();
}

#[test]
fn an_intake_is_of_an_as_needed_medication_in_force_that_day() {
    let mut t = empty();
    let daily = t.save_medication(&medication("Vitamin D", "2026-01-01", false)).unwrap();
    let prn = t
        .save_medication(&Medication { until: Some(date("2026-01-31")), ..medication("Ibuprofen", "2026-01-10", true) })
        .unwrap();
    for (id, on, message) in [
        (daily.id, "2026-01-15", "Vitamin D is not an as-needed medication; its intakes are not logged"),
        (prn.id, "2026-02-01", "Ibuprofen is in your list from 2026-01-10 to 2026-01-31, not on 2026-02-01"),
        (prn.id, "2026-01-09", "Ibuprofen is in your list from 2026-01-10 to 2026-01-31, not on 2026-01-09"),
        (77, "2026-01-15", "medication 77 is not in your medication list"),
    ] {
        let mut day = Day::new(date(on));
        day.intakes = vec![Intake { medication: id, time: None, amount: String::new() }];
        assert_eq!(fields(t.save_day(&day).unwrap_err()), [("intakes[0].medication".to_string(), message.to_string())]);
    }
    for (bad, field) in [
        (Medication { name: " ".into(), ..medication("x", "2026-01-01", false) }, "name"),
        (Medication { until: Some(date("2025-12-31")), ..medication("x", "2026-01-01", false) }, "until"),
        (Medication { schedule: "daily".into(), ..medication("x", "2026-01-01", true) }, "schedule"),
        (Medication { dose: "a\nb".into(), ..medication("x", "2026-01-01", false) }, "dose"),
    ] {
        assert_eq!(fields(t.save_medication(&bad).unwrap_err())[0].0, field, "{bad:?}");
    }
}

#[test]
fn events_are_one_day_several_or_ongoing() {
    let mut t = empty();
    let kinds = t.catalog(Catalog::EventKinds).unwrap();
    let flare = kinds.iter().find(|k| k.name == "flare").unwrap().id;
    let one = t
        .save_event(&Event {
            id: 0,
            kind: flare,
            from: date("2026-03-01"),
            to: Some(date("2026-03-01")),
            note: String::new(),
        })
        .unwrap();
    let ongoing =
        t.save_event(&Event { id: 0, kind: flare, from: date("2026-03-10"), to: None, note: "knees".into() }).unwrap();
    let march = DateRange::new(date("2026-03-01"), date("2026-03-31")).unwrap();
    assert_eq!(t.events(march).unwrap().len(), 2);
    assert_eq!(
        t.events(DateRange::new(date("2027-01-01"), date("2027-01-31")).unwrap()).unwrap(),
        std::slice::from_ref(&ongoing)
    );
    assert_eq!(ongoing.days_in(march), 22);
    let ended = t.end_event(ongoing.id, date("2026-03-12")).unwrap();
    assert_eq!(ended.to, Some(date("2026-03-12")));
    assert!(t.events(DateRange::new(date("2026-03-13"), date("2026-12-31")).unwrap()).unwrap().is_empty());
    assert_eq!(
        fields(t.end_event(one.id, date("2026-02-28")).unwrap_err()),
        [("to".to_string(), "the end date 2026-02-28 is before the start date 2026-03-01".to_string())]
    );
    assert_eq!(
        fields(t.save_event(&Event { kind: 999, ..one.clone() }).unwrap_err()),
        [("kind".to_string(), "event kind 999 is not in your list of event kinds".to_string())]
    );
    assert_eq!(t.delete_event(one.id).unwrap(), one);
    assert!(matches!(t.event(one.id), Err(Error::NotFound(_))));
}

#[test]
fn only_event_kinds_medications_and_measures_can_be_private() {
    let mut t = with_symptoms();
    let mut pain = t.catalog(Catalog::Symptoms).unwrap().remove(0);
    pain.private = true;
    assert_eq!(fields(t.update_item(Catalog::Symptoms, &pain).unwrap_err())[0].0, "private");
    let mut period = t.find_item(Catalog::EventKinds, "Period").unwrap().unwrap();
    period.private = true;
    assert!(t.update_item(Catalog::EventKinds, &period).unwrap().private);
    let m = t.save_medication(&Medication { private: true, ..medication("Sertraline", "2026-01-01", false) }).unwrap();
    assert!(m.private);
}

/// A journal with something of every new kind: a private event kind, two medication entries
/// (a change of dose), an as-needed one with an intake, three measures (one paired).
fn full() -> TestJournal {
    let mut t = with_symptoms();
    let mut period = t.find_item(Catalog::EventKinds, "period").unwrap().unwrap();
    period.private = true;
    t.update_item(Catalog::EventKinds, &period).unwrap();
    let pem = t.add_item(Catalog::EventKinds, "PEM 🌀", "my own kind").unwrap();
    t.save_event(&Event {
        id: 0,
        kind: pem.id,
        from: date("2026-03-01"),
        to: None,
        note: "after the 'walk'; DROP TABLE".into(),
    })
    .unwrap();
    t.save_event(&Event {
        id: 0,
        kind: period.id,
        from: date("2026-03-03"),
        to: Some(date("2026-03-07")),
        note: String::new(),
    })
    .unwrap();
    let vit = t.save_medication(&medication("Vitamin D", "2026-01-01", false)).unwrap();
    t.change_medication_dose(vit.id, "4000 IU", date("2026-03-02")).unwrap();
    let prn = t.save_medication(&Medication { private: true, ..medication("Ibuprofen", "2026-01-01", true) }).unwrap();
    let weight = measure(&mut t, "Weight");
    let bp = measure(&mut t, "Blood pressure");
    let crp = t
        .save_measure(&Measure {
            name: "CRP".into(),
            unit: "mg/L".into(),
            decimals: 2,
            private: true,
            ..Measure::default()
        })
        .unwrap();
    for (d, w) in [("2026-03-02", "71.3"), ("2026-03-04", "70")] {
        let mut day = Day::new(date(d));
        day.readings = vec![
            reading(&weight, w),
            Reading { time: Some(time("08:00")), ..reading(&bp, "120/80") },
            reading(&crp, "0.05"),
        ];
        day.intakes = vec![Intake { medication: prn.id, time: Some(time("14:00")), amount: "1 tablet".into() }];
        t.save_day(&day).unwrap();
    }
    t
}

#[test]
fn json_round_trip_of_all_new_data_is_byte_identical() {
    let t = full();
    let json = exchange::export_json(&t, DateRange::all()).unwrap();
    assert!(json.contains("\"version\": 3"));
    let mut copy = empty();
    exchange::import(&mut copy, &json, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(exchange::export_json(&copy, DateRange::all()).unwrap(), json);
    // Again: nothing new.
    let report = exchange::import(&mut copy, &json, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(
        (report.medications_added, report.events_added, report.measures_added, report.days_unchanged),
        (0, 0, 0, 2)
    );
}

#[test]
fn an_import_into_a_journal_with_its_own_lists_maps_them_by_name() {
    let source = full();
    let json = exchange::export_json(&source, DateRange::all()).unwrap();
    let mut t = empty();
    // The journal already has CRP, as its first measure, and its own event and medication.
    let crp = t
        .save_measure(&Measure { name: "crp".into(), unit: "mg/L".into(), decimals: 2, ..Measure::default() })
        .unwrap();
    let flare = t.find_item(Catalog::EventKinds, "flare").unwrap().unwrap();
    t.save_event(&Event {
        id: 0,
        kind: flare.id,
        from: date("2025-01-01"),
        to: Some(date("2025-01-02")),
        note: String::new(),
    })
    .unwrap();
    t.save_medication(&medication("Magnesium", "2025-01-01", false)).unwrap();
    let report = exchange::import(&mut t, &json, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.measures_added, report.medications_added, report.events_added), (2, 3, 2));
    assert_eq!(report.event_kinds_added, 1, "PEM 🌀");
    let day = t.day(date("2026-03-02")).unwrap().unwrap();
    assert!(day.readings.iter().any(|r| r.measure == crp.id && r.value.to_string() == "0.05"));
    assert!(t.measure(crp.id).unwrap().private, "the file's CRP is private, so the journal's becomes so");
    let ibuprofen = t.find_medication("Ibuprofen", day.date).unwrap().unwrap();
    assert_eq!(day.intakes[0].medication, ibuprofen.id);
    assert!(ibuprofen.private);
    assert!(
        t.find_item(Catalog::EventKinds, "period").unwrap().unwrap().private,
        "kept out of reports in the file, kept out in the journal too"
    );
}

#[test]
fn an_import_refuses_values_the_journals_measure_of_that_name_does_not_accept() {
    let json = exchange::export_json(&full(), DateRange::all()).unwrap();
    let mut t = empty();
    t.save_measure(&Measure { name: "Weight".into(), unit: "kg".into(), decimals: 0, ..Measure::default() }).unwrap();
    let e = exchange::import(&mut t, &json, ImportMode::RefuseConflicts).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("readings[0].value: Weight is recorded in whole numbers; got 71.3"), "{text}");
    assert!(t.logged_dates(DateRange::all()).unwrap().is_empty(), "nothing was imported");
    assert!(t.medications().unwrap().is_empty());
}

#[test]
fn a_file_that_refers_to_what_it_does_not_hold_is_refused_with_the_place() {
    let json = exchange::export_json(&full(), DateRange::all()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["medications"] = serde_json::json!([]);
    v["events"][0]["kind"] = serde_json::json!(4242);
    v["measures"][0]["decimals"] = serde_json::json!(7);
    let mut t = empty();
    let text = exchange::import(&mut t, &v.to_string(), ImportMode::RefuseConflicts).unwrap_err().to_string();
    for expected in [
        "events[0], kind: event kind 4242 is not in the file's list of event kinds",
        "measures[0], decimals: a measure has 0–4 decimals, got 7",
        "days[0] (2026-03-02), intakes[0].medication: medication",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn a_version_1_export_still_imports() {
    let v1 = r#"{"format":"ldn-journal","version":1,"symptoms":[{"id":1,"name":"Pain","description":"","archived":false,"position":0}],
        "days":[{"date":"2025-01-01","doses":[],"scores":[{"symptom":1,"value":3}],"wellbeing":null,"sleep":{},"dreams":{},"side_effects":[],"notes":""}]}"#;
    let mut t = empty();
    exchange::import(&mut t, v1, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(t.day(date("2025-01-01")).unwrap().unwrap().scores.len(), 1);
    assert_eq!(t.catalog(Catalog::EventKinds).unwrap().len(), 10, "the journal keeps its event kinds");
}
