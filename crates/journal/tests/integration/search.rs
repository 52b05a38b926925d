//! Full-text search on real journal files: every free-text field is found, the index follows
//! every write (edits, deletions, cascades, import, restore, wipe, migration), and no text a
//! user types is an error.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::common::*;
use journal::exchange::{self, ImportMode};
use journal::search::{Field, Hit, Segment};
use journal::{
    Catalog, DateRange, Day, Dose, Event, Fill, Formulation, Journal, Medication, Micrograms, PrescribedDose, Question,
    RegimenPeriod, Strength, backup,
};

/// (date, field, plain snippet) of each hit, in order.
fn found(j: &Journal, query: &str) -> Vec<(String, Field, String)> {
    hits(j, query, None).iter().map(|h| (h.date.to_string(), h.field, h.plain())).collect()
}

fn hits(j: &Journal, query: &str, range: Option<DateRange>) -> Vec<Hit> {
    j.search(query, range).unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn fields(j: &Journal, query: &str) -> Vec<Field> {
    hits(j, query, None).iter().map(|h| h.field).collect()
}

/// FTS5's own check of the index against `search_text` (rank 1: the content too, which
/// `PRAGMA integrity_check` does not compare), on a separate connection, as another program
/// would see the file.
fn assert_index_in_step(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)", []).unwrap();
    // And `search_text` holds exactly the text of the base tables.
    let expected: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM day WHERE notes <> '') + (SELECT count(*) FROM day WHERE dream_notes <> '')
                  + (SELECT count(*) FROM dose WHERE note <> '') + (SELECT count(*) FROM question WHERE text <> '')
                  + (SELECT count(*) FROM event WHERE note <> '') + (SELECT count(*) FROM medication WHERE note <> '')
                  + (SELECT count(*) FROM regimen_period WHERE note <> '') + (SELECT count(*) FROM fill WHERE note <> '')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let indexed: i64 = conn.query_row("SELECT count(*) FROM search_text", [], |r| r.get(0)).unwrap();
    assert_eq!(indexed, expected, "rows in search_text");
}

fn medication(note: &str) -> Medication {
    Medication {
        id: 0,
        name: "Vitamin D".into(),
        dose: "2000 IU".into(),
        schedule: "mornings".into(),
        as_needed: false,
        from: date("2025-02-01"),
        until: None,
        note: note.into(),
        private: true,
    }
}

fn fill(note: &str) -> Fill {
    Fill {
        id: 0,
        received: date("2025-02-10"),
        started: None,
        pharmacy: "Riverside".into(),
        formulation: Formulation::Liquid,
        strength: Strength::parse("1mg/mL").unwrap(),
        filler: String::new(),
        batch: String::new(),
        quantity: String::new(),
        use_by: None,
        note: note.into(),
    }
}

fn period(note: &str) -> RegimenPeriod {
    RegimenPeriod {
        id: 0,
        from: date("2025-01-15"),
        until: None,
        doses: vec![PrescribedDose { amount: Micrograms(1500), time: None }],
        formulation: Formulation::Capsule,
        strength: String::new(),
        pharmacy: String::new(),
        note: note.into(),
    }
}

fn question(text: &str) -> Question {
    Question { id: 0, text: text.into(), created: date("2025-02-20"), resolved: false }
}

/// A day whose every text field has its own word.
fn worded_day(d: &str) -> Day {
    let mut day = full_day(d);
    day.notes = "alpha in the day note".into();
    day.dreams.notes = "bravo dreamt".into();
    day.doses = vec![
        Dose::Taken {
            time: None,
            amount: Micrograms(1500),
            formulation: Formulation::Capsule,
            note: "charlie with food".into(),
            measured: None,
        },
        Dose::Missed { time: None, reason: "delta, away from home".into() },
    ];
    day
}

/// A journal with text in every searchable field: the day 2025-03-01, a question, an event, a
/// medication, a regimen period and a fill.
fn every_field() -> (TestJournal, u32) {
    let mut t = with_symptoms();
    t.save_day(&worded_day("2025-03-01")).unwrap();
    t.save_question(&question("echo: ask about the dose")).unwrap();
    let flare = t.find_item(Catalog::EventKinds, "flare").unwrap().unwrap().id;
    let event = Event { id: 0, kind: flare, from: date("2025-02-25"), to: None, note: "foxtrot knees".into() };
    let event = t.save_event(&event).unwrap();
    t.save_medication(&medication("golf with breakfast")).unwrap();
    t.save_regimen_period(&period("hotel start")).unwrap();
    t.save_fill(&fill("india bottle")).unwrap();
    (t, event.id)
}

#[test]
fn every_free_text_field_is_found_under_its_date() {
    let (t, _) = every_field();
    for (word, date, field, label) in [
        ("alpha", "2025-03-01", Field::DayNote, "day note"),
        ("bravo", "2025-03-01", Field::DreamNote, "dream note"),
        ("charlie", "2025-03-01", Field::DoseNote, "dose note"),
        ("delta", "2025-03-01", Field::MissedReason, "missed reason"),
        ("echo", "2025-02-20", Field::Question, "question"),
        ("foxtrot", "2025-02-25", Field::EventNote, "event note"),
        ("golf", "2025-02-01", Field::MedicationNote, "medication note"),
        ("hotel", "2025-01-15", Field::RegimenNote, "regimen note"),
        ("india", "2025-02-10", Field::FillNote, "fill note"),
    ] {
        let h = hits(&t, word, None);
        assert_eq!(h.len(), 1, "{word}: {h:?}");
        assert_eq!((h[0].date.to_string().as_str(), h[0].field, h[0].label.as_str()), (date, field, label), "{word}");
        assert!(h[0].snippet.iter().any(|s| s.matched && s.text == word), "{word}: {:?}", h[0].snippet);
    }
    assert_index_in_step(&t.path);
}

#[test]
fn a_changed_text_is_found_by_its_new_words_only() {
    let (mut t, event) = every_field();
    let mut day = worded_day("2025-03-01");
    day.notes = "zulu instead".into();
    day.doses.pop();
    t.save_day(&day).unwrap();
    assert_eq!(found(&t, "alpha"), []);
    assert_eq!(found(&t, "delta"), [], "the missed dose is gone");
    assert_eq!(found(&t, "zulu"), [("2025-03-01".into(), Field::DayNote, "zulu instead".into())]);
    assert_eq!(fields(&t, "bravo"), [Field::DreamNote], "the rest of the day is still found");

    // Items are updated in place (UPDATE and upserts): their index rows follow.
    let e = t.event(event).unwrap();
    t.save_event(&Event { note: "yankee".into(), from: date("2025-02-26"), ..e }).unwrap();
    assert_eq!(found(&t, "foxtrot"), []);
    assert_eq!(found(&t, "yankee"), [("2025-02-26".into(), Field::EventNote, "yankee".into())], "its new date too");
    let m = t.medications().unwrap().remove(0);
    t.save_medication(&Medication { note: "xray".into(), ..m }).unwrap();
    assert_eq!((found(&t, "golf"), fields(&t, "xray")), (vec![], vec![Field::MedicationNote]));
    let q = t.questions().unwrap().remove(0);
    t.save_question(&Question { text: "whiskey?".into(), ..q }).unwrap();
    assert_eq!((found(&t, "echo"), fields(&t, "whiskey")), (vec![], vec![Field::Question]));
    let p = t.regimen().unwrap().remove(0);
    t.save_regimen_period(&RegimenPeriod { note: String::new(), ..p }).unwrap();
    assert_eq!(found(&t, "hotel"), [], "an emptied note");
    let f = t.fills().unwrap().remove(0);
    t.save_fill(&Fill { note: "victor".into(), ..f }).unwrap();
    assert_eq!((found(&t, "india"), fields(&t, "victor")), (vec![], vec![Field::FillNote]));

    // A medication's change of dose ends one entry and starts a copy: both keep the note.
    let m = t.medications().unwrap().remove(0);
    t.change_medication_dose(m.id, "4000 IU", date("2025-03-01")).unwrap();
    let h = hits(&t, "xray", None);
    assert_eq!(h.iter().map(|h| h.date.to_string()).collect::<Vec<_>>(), ["2025-03-01", "2025-02-01"]);
    assert_index_in_step(&t.path);
}

#[test]
fn deleted_days_and_items_are_gone_from_the_index() {
    let (mut t, event) = every_field();
    t.delete_day(date("2025-03-01")).unwrap();
    for word in ["alpha", "bravo", "charlie", "delta"] {
        assert_eq!(found(&t, word), [], "{word}: a deleted day's doses go with it (cascade)");
    }
    t.delete_event(event).unwrap();
    let m = t.medications().unwrap().remove(0);
    t.delete_medication(m.id).unwrap();
    let q = t.questions().unwrap().remove(0);
    t.delete_question(q.id).unwrap();
    let p = t.regimen().unwrap().remove(0);
    t.delete_regimen_period(p.id).unwrap();
    let f = t.fills().unwrap().remove(0);
    t.delete_fill(f.id).unwrap();
    for word in ["echo", "foxtrot", "golf", "hotel", "india"] {
        assert_eq!(found(&t, word), [], "{word}");
    }
    assert_index_in_step(&t.path);
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    assert_eq!(conn.query_row("SELECT count(*) FROM search_text", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn a_refused_write_leaves_the_index_as_it_was() {
    let (mut t, _) = every_field();
    let mut bad = worded_day("2025-03-01");
    bad.notes = "sierra".into();
    bad.wellbeing = Some(11);
    assert!(t.save_day(&bad).is_err());
    let m = t.medications().unwrap().remove(0);
    let mut day = Day::new(date("2025-03-02"));
    day.notes = "tango".into();
    day.intakes = vec![journal::Intake { medication: m.id + 100, time: None, amount: String::new() }];
    assert!(t.save_day(&day).is_err());
    assert_eq!((found(&t, "sierra"), found(&t, "tango")), (vec![], vec![]));
    assert_eq!(fields(&t, "alpha"), [Field::DayNote]);
    assert_index_in_step(&t.path);
}

#[test]
fn words_are_anded_phrases_kept_together_and_case_and_accents_ignored() {
    let mut t = with_symptoms();
    let note = |t: &mut TestJournal, d: &str, text: &str| {
        let mut day = Day::new(date(d));
        day.notes = text.into();
        t.save_day(&day).unwrap();
    };
    note(&mut t, "2025-01-01", "Brain fog all morning at the Café");
    note(&mut t, "2025-01-02", "fog outside; brain fine");
    note(&mut t, "2025-01-03", "Walked to the park");
    let dates = |q: &str| hits(&t, q, None).iter().map(|h| h.date.to_string()).collect::<Vec<_>>();
    assert_eq!(dates("brain fog "), ["2025-01-02", "2025-01-01"], "both words, anywhere");
    assert_eq!(dates("\"brain fog\""), ["2025-01-01"], "the phrase");
    assert_eq!(dates("\"BRAIN   Fog\" "), ["2025-01-01"], "any case and spacing");
    assert_eq!(dates("cafe"), ["2025-01-01"], "without its accent");
    assert_eq!(dates("CAFÉ "), ["2025-01-01"]);
    assert_eq!(dates("brain park"), Vec::<String>::new(), "every word in the same text");
    // The last word is a prefix while it is typed; a finished word (space after) is not.
    assert_eq!(dates("walk"), ["2025-01-03"]);
    assert_eq!(dates("walk "), Vec::<String>::new());
    assert_eq!(dates("\"walked to the pa"), ["2025-01-03"], "an open phrase's last word");
    let h = &hits(&t, "\"brain fog\"", None)[0];
    assert_eq!(
        h.snippet,
        [
            Segment { text: "Brain fog".into(), matched: true },
            Segment { text: " all morning at the Café".into(), matched: false }
        ]
    );
}

#[test]
fn syntax_characters_and_odd_text_never_fail() {
    let mut t = with_symptoms();
    let mut day = Day::new(date("2025-01-01"));
    day.notes = "ate \"quoted\" (paren) a*b x:y ^up -minus NEAR AND OR NOT 'single' 🧠 emoji; DROP TABLE".into();
    t.save_day(&day).unwrap();
    for q in [
        "\"",
        "\"\"",
        "\"\"\"",
        "*",
        "**",
        "NEAR",
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "AND OR NOT",
        "(",
        ")",
        "(()",
        ":",
        "x:",
        ":y",
        "^",
        "^up",
        "-",
        "-minus",
        "a*b",
        "'; DROP TABLE day; --",
        "' OR 1=1 --",
        "🧠",
        "🧠🧠 🐕",
        "",
        " ",
        "\t\n ",
        "\u{0}",
        "\u{2}fog\u{3}",
        "\"unbalanced",
        "unbalanced\"",
        "a \" b",
        "{x}",
        "[y]",
        "+",
        "NEAR/3",
        "col : x",
        "\\",
        "%",
        "_",
        "'",
        "''",
        "\"NEAR\"",
        "x OR",
        "OR x",
        "NOT x",
        "a NOT",
    ] {
        t.search(q, None).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
    for q in ["", " ", "\t\n ", "🧠", "*", "\"", "( ) : ^ -"] {
        assert_eq!(found(&t, q), [], "{q:?} has nothing to look for");
    }
    // Syntax words and characters are text like any other.
    for q in ["NEAR", "and", "or", "not", "\"quoted\"", "(paren)", "x:y", "^up", "-minus", "'single'", "drop table"] {
        assert_eq!(fields(&t, q), [Field::DayNote], "{q:?}");
    }
    assert_eq!(found(&t, "NOT ate"), found(&t, "ate not"), "NOT is a word to find, not an operator");
    assert!(found(&t, "missing NOT").is_empty());
    assert_eq!(fields(&t, "a*b"), [Field::DayNote]);
    assert_index_in_step(&t.path);
}

#[test]
fn a_text_holding_the_snippet_marks_is_found_without_highlights() {
    let mut t = with_symptoms();
    let mut day = Day::new(date("2025-01-01"));
    day.notes = "odd \u{2}fog\u{3} text\u{7}".into();
    t.save_day(&day).unwrap();
    let h = hits(&t, "fog", None);
    assert_eq!(h.len(), 1);
    assert!(h[0].snippet.iter().all(|s| !s.matched), "{:?}", h[0].snippet);
    assert_eq!(h[0].plain(), "odd \u{fffd}fog\u{fffd} text\u{fffd}");
}

#[test]
fn long_texts_are_cut_around_the_match_in_one_line() {
    let mut t = with_symptoms();
    let mut day = Day::new(date("2025-01-01"));
    let filler = "word ".repeat(200);
    day.notes = format!("{filler}\n\nthe needle\tis here\n{filler}");
    t.save_day(&day).unwrap();
    let plain = hits(&t, "needle", None)[0].plain();
    assert!(plain.starts_with('…') && plain.ends_with('…'), "{plain}");
    assert!(plain.contains("the needle is here"), "{plain}");
    assert!(plain.split(' ').count() <= 24, "{plain}");
}

#[test]
fn hits_are_newest_first_then_in_field_order() {
    let (mut t, _) = every_field();
    // The same word everywhere.
    let mut day = worded_day("2025-03-01");
    day.notes = "common alpha".into();
    day.dreams.notes = "common".into();
    day.doses = vec![
        Dose::Missed { time: None, reason: "common second".into() },
        Dose::Taken {
            time: None,
            amount: Micrograms(500),
            formulation: Formulation::Capsule,
            note: "common first".into(),
            measured: None,
        },
        Dose::Missed { time: None, reason: "common third".into() },
    ];
    t.save_day(&day).unwrap();
    let mut other = Day::new(date("2025-03-02"));
    other.notes = "common later".into();
    t.save_day(&other).unwrap();
    t.save_question(&Question { text: "common question".into(), ..question("") }).unwrap();
    t.save_question(&Question { text: "common question too".into(), created: date("2025-03-01"), ..question("") })
        .unwrap();
    let m = t.medications().unwrap().remove(0);
    t.save_medication(&Medication { note: "common".into(), ..m }).unwrap();
    let got = found(&t, "common");
    let row = |d: &str, f: Field, s: &str| (d.to_string(), f, s.to_string());
    assert_eq!(
        got,
        [
            row("2025-03-02", Field::DayNote, "common later"),
            row("2025-03-01", Field::DayNote, "common alpha"),
            row("2025-03-01", Field::DreamNote, "common"),
            row("2025-03-01", Field::DoseNote, "common first"),
            row("2025-03-01", Field::MissedReason, "common second"),
            row("2025-03-01", Field::MissedReason, "common third"),
            row("2025-03-01", Field::Question, "common question too"),
            row("2025-02-20", Field::Question, "common question"),
            row("2025-02-01", Field::MedicationNote, "common"),
        ]
    );
    assert_eq!(got, found(&t, "common"), "the same order every time");
}

#[test]
fn a_range_keeps_the_hits_from_its_first_to_its_last_day() {
    let mut t = with_symptoms();
    for d in ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"] {
        let mut day = Day::new(date(d));
        day.notes = "ranged".into();
        t.save_day(&day).unwrap();
    }
    let dates = |from: &str, to: &str| {
        let range = DateRange::new(date(from), date(to)).unwrap();
        hits(&t, "ranged", Some(range)).iter().map(|h| h.date.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(dates("2025-01-02", "2025-01-03"), ["2025-01-03", "2025-01-02"], "both ends included");
    assert_eq!(dates("2025-01-04", "2025-12-31"), ["2025-01-04"]);
    assert_eq!(dates("2024-01-01", "2024-12-31"), Vec::<String>::new());
    assert_eq!(hits(&t, "ranged", Some(DateRange::all())).len(), 4);
}

#[test]
fn an_import_is_indexed_and_a_replaced_day_loses_its_old_words() {
    let (t, _) = every_field();
    let text = exchange::export_json(&t, DateRange::all()).unwrap();
    let mut other = empty();
    exchange::import(&mut other, &text, ImportMode::RefuseConflicts).unwrap();
    for word in ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"] {
        assert_eq!(found(&other, word), found(&t, word), "{word}");
    }
    assert_index_in_step(&other.path);

    // The same day, with other words, replacing the journal's.
    let mut day = worded_day("2025-03-01");
    day.notes = "romeo".into();
    let mut doc = exchange::read(&text).unwrap();
    doc.days = vec![day];
    let changed = serde_json::to_string(&doc).unwrap();
    exchange::import(&mut other, &changed, ImportMode::Replace).unwrap();
    assert_eq!((found(&other, "alpha"), fields(&other, "romeo")), (vec![], vec![Field::DayNote]));
    assert_index_in_step(&other.path);
}

#[test]
fn a_restore_brings_back_the_index_of_the_backup() {
    let (mut t, _) = every_field();
    let file = t.dir.path().join("copy.sqlite3");
    backup::to_file(&t, &file).unwrap();
    t.delete_day(date("2025-03-01")).unwrap();
    let mut day = Day::new(date("2025-04-01"));
    day.notes = "papa".into();
    t.save_day(&day).unwrap();
    let j = backup::restore(t.j, &file).unwrap();
    assert_eq!(fields(&j, "alpha"), [Field::DayNote]);
    assert_eq!(found(&j, "papa"), []);
    assert_index_in_step(j.path());
}

#[test]
fn a_wipe_leaves_nothing_to_find() {
    let (t, _) = every_field();
    let TestJournal { dir, path, j } = t;
    let mut j = journal::wipe(j).unwrap();
    for word in ["alpha", "echo", "foxtrot", "golf", "hotel", "india"] {
        assert_eq!(found(&j, word), [], "{word}");
    }
    let mut day = Day::new(date("2025-05-01"));
    day.notes = "oscar".into();
    j.save_day(&day).unwrap();
    assert_eq!(fields(&j, "oscar"), [Field::DayNote]);
    assert_index_in_step(&path);
    drop(dir);
}

#[test]
fn the_demo_journal_has_words_to_find() {
    let (_dir, path) = demo_file(400, "2025-06-30");
    let mut j = Journal::open(&path).unwrap();
    journal::demo::fill_context(&mut j, 7).unwrap();
    for q in ["synthetic", "\"brain fog\"", "forgot", "colourful dream"] {
        assert!(!hits(&j, q, None).is_empty(), "{q}");
    }
    let fields: std::collections::BTreeSet<Field> = hits(&j, "synthetic", None).iter().map(|h| h.field).collect();
    assert_eq!(
        fields.into_iter().collect::<Vec<_>>(),
        [Field::DayNote, Field::DreamNote, Field::EventNote, Field::RegimenNote, Field::FillNote]
    );
    assert_index_in_step(&path);
    assert!(j.check().is_ok());
}

#[test]
fn the_index_check_notices_an_index_out_of_step() {
    let (t, _) = every_field();
    let conn = rusqlite::Connection::open(&t.path).unwrap();
    conn.execute_batch(
        "INSERT INTO search (search, rowid, body) SELECT 'delete', id, body FROM search_text WHERE field = 'day_note'",
    )
    .unwrap();
    let stale = conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)", []);
    assert!(stale.is_err(), "FTS5's check compares the index with its content");
    assert!(found(&t, "alpha").is_empty(), "what the test broke");
    // FIXME: SQLite's integrity_check (`Journal::check`) does not compare an external-content
    // index with its content, so it does not see this; only tampering can cause it.
    assert!(t.check().is_ok());
}
