//! Free text leaves only on its opt-in: a journal whose every text field holds a marker of its
//! own, exported as PDF (read back with a PDF parser) and FHIR with each combination of
//! "include my notes" and "include dream notes". Every text field of the model must be
//! classified in `journal::privacy`; a new one that is not makes these tests fail (or, for a
//! new struct field, the build).
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, HashSet};

use crate::common::*;
use journal::exchange::{Document, document};
use journal::fhir::{self, Options, Zone};
use journal::privacy::{Disclosure, TextClass, TextField, TextFields};
use journal::report::{self, ReportOptions};
use journal::{
    Catalog, DateRange, Day, Dose, Dreams, Event, Formulation, Intake, Measure, MeasureValue, Medication, Micrograms,
    PrescribedDose, Question, Reading, RegimenPeriod, Score, Severity, SideEffectEntry, Sleep, Vividness,
};
use serde_json::Value;

/// A marker no other marker contains.
fn mark(what: &str) -> String {
    format!("Mk{what}Mk")
}

/// Every text field filled with a marker: two regimen periods (the first one is not current
/// at the end of the range), an open and a resolved question, a symptom and a side effect with
/// a description, and two days with a taken and a missed dose each.
fn populated() -> TestJournal {
    let mut t = empty();
    let symptom = t.add_item(Catalog::Symptoms, &mark("symptomname"), &mark("symptomdescription")).unwrap().id;
    let side = t.add_item(Catalog::SideEffects, &mark("sideeffectname"), &mark("sideeffectdescription")).unwrap().id;
    for (from, n) in [("2025-03-01", "one"), ("2025-03-10", "two")] {
        t.save_regimen_period(&RegimenPeriod {
            id: 0,
            from: date(from),
            until: None,
            doses: vec![PrescribedDose { amount: Micrograms(1500), time: Some(time("22:00")) }],
            formulation: Formulation::Liquid,
            strength: mark(&format!("strength{n}")),
            pharmacy: mark(&format!("pharmacy{n}")),
            note: mark(&format!("regimennote{n}")),
        })
        .unwrap();
    }
    for (text, resolved) in [(mark("question"), false), (mark("resolvedquestion"), true)] {
        t.save_question(&Question { id: 0, text, created: date("2025-03-02"), resolved }).unwrap();
    }
    let kind = t.add_item(Catalog::EventKinds, &mark("eventkindname"), &mark("eventkinddescription")).unwrap().id;
    t.save_event(&Event { id: 0, kind, from: date("2025-03-04"), to: None, note: mark("eventnote") }).unwrap();
    let medication = t
        .save_medication(&Medication {
            id: 0,
            name: mark("medicationname"),
            dose: mark("medicationdose"),
            schedule: String::new(),
            as_needed: true,
            from: date("2025-03-01"),
            until: None,
            note: mark("medicationnote"),
            private: false,
        })
        .unwrap()
        .id;
    t.save_medication(&Medication {
        id: 0,
        name: mark("scheduledname"),
        dose: String::new(),
        schedule: mark("medicationschedule"),
        as_needed: false,
        from: date("2025-03-01"),
        until: None,
        note: String::new(),
        private: false,
    })
    .unwrap();
    let fill = t
        .save_fill(&journal::Fill {
            id: 0,
            received: date("2025-03-01"),
            started: None,
            pharmacy: mark("fillpharmacy"),
            formulation: Formulation::Liquid,
            strength: journal::Strength::parse("1mg/mL").unwrap(),
            filler: mark("fillfiller"),
            batch: mark("fillbatch"),
            quantity: mark("fillquantity"),
            use_by: Some(date("2026-01-01")),
            note: mark("fillnote"),
        })
        .unwrap()
        .id;
    let measure = t
        .save_measure(&Measure { name: mark("measurename"), unit: mark("measureunit"), ..Measure::default() })
        .unwrap()
        .id;
    for (d, n) in [("2025-03-05", "one"), ("2025-03-12", "two")] {
        let mut day = Day::new(date(d));
        day.intakes = vec![Intake { medication, time: None, amount: mark(&format!("intakeamount{n}")) }];
        day.readings = vec![Reading { measure, time: None, value: MeasureValue::parse("3").unwrap() }];
        day.doses = vec![
            Dose::Taken {
                time: Some(time("22:00")),
                amount: Micrograms(1500),
                formulation: Formulation::Liquid,
                note: mark(&format!("dosenote{n}")),
                measured: Some(journal::Measured { count: journal::Count::parse("1.5 mL").unwrap().unwrap(), fill }),
            },
            Dose::Missed { time: Some(time("08:00")), reason: mark(&format!("missedreason{n}")) },
        ];
        day.scores = vec![Score { symptom, value: 4 }];
        day.wellbeing = Some(5);
        day.sleep =
            Sleep { bedtime: Some(time("23:00")), wake: Some(time("07:00")), quality: Some(3), awakenings: Some(1) };
        day.dreams =
            Dreams { vivid: Some(Vividness::Very), nightmare: Some(true), notes: mark(&format!("dreamnote{n}")) };
        day.side_effects = vec![SideEffectEntry { side_effect: side, severity: Severity::Mild }];
        day.notes = mark(&format!("daynote{n}"));
        t.save_day(&day).unwrap();
    }
    t
}

/// Every text field of a whole journal document. Destructured without `..`: a new part of the
/// document does not build here until its text is listed.
fn text_fields(doc: &Document) -> Vec<(TextField, &str)> {
    let Document {
        format: _,
        version: _,
        symptoms,
        side_effects,
        regimen,
        questions,
        event_kinds,
        medications,
        measures,
        fills,
        events,
        days,
    } = doc;
    let mut v = symptoms.text_fields();
    v.extend(event_kinds.text_fields());
    v.extend(medications.text_fields());
    v.extend(measures.text_fields());
    v.extend(events.text_fields());
    v.extend(fills.text_fields());
    v.extend(side_effects.text_fields());
    v.extend(regimen.text_fields());
    v.extend(questions.text_fields());
    v.extend(days.text_fields());
    v
}

/// Keys whose string values are dates, times or names of enum values, not text.
const STRUCTURED: [&str; 16] = [
    "date",
    "received",
    "use_by",
    "from",
    "until",
    "to",
    "created",
    "time",
    "bedtime",
    "wake",
    "status",
    "formulation",
    "vivid",
    "severity",
    "frequency",
    "value",
];

/// Calls `f(key, value)` for every string in `v`, with the key of the object holding it.
fn strings<'a>(v: &'a Value, key: &'a str, f: &mut impl FnMut(&'a str, &'a str)) {
    match v {
        Value::String(s) => f(key, s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, key, f)),
        Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, k, f)),
        _ => {}
    }
}

#[test]
fn every_text_field_of_the_model_is_classified() {
    let t = populated();
    let doc = document(&t, DateRange::all()).unwrap();
    let fields = text_fields(&doc);
    let classified: HashSet<&str> = fields.iter().map(|(_, s)| *s).collect();
    let mut v = serde_json::to_value(&doc).unwrap();
    v.as_object_mut().unwrap().remove("format");
    let mut unclassified = Vec::new();
    strings(&v, "", &mut |key, s| {
        // A fill's strength and a dose's count are numbers with a unit, not text.
        let measured = (key == "strength" && journal::Strength::parse(s).is_ok())
            || (key == "count" && journal::Count::parse(s).is_some_and(|c| c.is_ok()));
        if !STRUCTURED.contains(&key) && !classified.contains(s) && !measured {
            unclassified.push(format!("{key}: {s:?}"));
        }
    });
    assert!(unclassified.is_empty(), "text not classified in journal::privacy: {unclassified:?}");

    // The journal above fills every field the classification knows, so the test below covers
    // each of them.
    let filled: BTreeSet<TextField> = fields.iter().filter(|(_, s)| !s.trim().is_empty()).map(|(f, _)| *f).collect();
    assert_eq!(filled, TextField::ALL.into_iter().collect::<BTreeSet<_>>(), "a text field is not filled in");
}

/// Text of a PDF without any white space (the parser does not always keep it where lines wrap).
fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).unwrap().chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn private_text_leaves_pdf_and_fhir_only_on_its_opt_in() {
    let t = populated();
    let doc = document(&t, DateRange::all()).unwrap();
    let private: Vec<(TextField, &str)> =
        text_fields(&doc).into_iter().filter(|(f, s)| f.class() != TextClass::Shown && s.starts_with("Mk")).collect();
    assert_eq!(
        private.len(),
        13,
        "2 regimen notes, a medication note, an event note, a fill note and, on each of 2 days, 4 notes: {private:?}"
    );
    let range = DateRange::new(date("2025-03-01"), date("2025-03-20")).unwrap();
    for include_notes in [false, true] {
        for include_dream_notes in [false, true] {
            let disclosure = Disclosure { include_notes, include_dream_notes, include_private_items: false };
            let mut o = ReportOptions::new(range);
            o.include_notes = include_notes;
            o.include_dream_notes = include_dream_notes;
            let pdf = pdf_text(&report::render(&t, &o).unwrap());
            let opts = Options { include_notes, include_dream_notes, zone: Zone::Local, ..Options::default() };
            let fhir = fhir::export_fhir(&t, range, &opts).unwrap();
            for (field, text) in &private {
                let expected = disclosure.allows(field.class());
                assert_eq!(pdf.contains(text), expected, "PDF, {} {text}; {disclosure:?}", field.path());
                // FHIR R4's Medication (a fill) has no element for a note: it never leaves there.
                let fhir_expected = expected && *field != TextField::FillNote;
                assert_eq!(fhir.contains(text), fhir_expected, "FHIR, {} {text}; {disclosure:?}", field.path());
            }
            // Shown text stays whatever the opt-ins.
            for text in [
                mark("question"),
                mark("pharmacytwo"),
                mark("strengthtwo"),
                mark("fillpharmacy"),
                mark("fillfiller"),
                mark("fillbatch"),
            ] {
                assert!(pdf.contains(&text), "PDF lacks {text}; {disclosure:?}");
            }
            for text in [
                mark("pharmacyone"),
                mark("strengthtwo"),
                mark("symptomname"),
                mark("medicationname"),
                mark("medicationdose"),
                mark("medicationschedule"),
                mark("intakeamountone"),
                mark("eventkindname"),
                mark("measurename"),
                mark("measureunit"),
                mark("fillpharmacy"),
                mark("fillfiller"),
                mark("fillbatch"),
            ] {
                assert!(fhir.contains(&text), "FHIR lacks {text}; {disclosure:?}");
            }
        }
    }
}
