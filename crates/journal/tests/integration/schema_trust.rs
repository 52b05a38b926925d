//! A journal file is trusted only as far as it is the journal this version writes: its schema
//! is compared with the expected one on open, restore and inspect, and a stored value the model
//! cannot hold is reported as damage naming the day, never read as a default.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::common::*;
use journal::backup;
use journal::{DateRange, Error, Journal};

/// A closed journal holding one full day (2025-03-01).
fn journal_file() -> (tempfile::TempDir, PathBuf) {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    close(t)
}

/// Runs `sql` on the file at `path` with a plain SQLite connection (as another program would).
fn tamper(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// Additions to a journal's schema that LDN Journal never makes, with the words the refusal uses.
const EXTRAS: &[(&str, &str)] = &[
    (
        "CREATE TRIGGER wipe_notes AFTER INSERT ON day BEGIN UPDATE day SET notes = 'x'; END;",
        "a trigger LDN Journal does not use",
    ),
    ("CREATE VIEW everything AS SELECT * FROM day;", "a view LDN Journal does not use"),
    ("CREATE TABLE spy (x);", "a table LDN Journal does not use"),
    ("CREATE INDEX day_notes ON day (notes);", "an index LDN Journal does not use"),
    ("ALTER TABLE day ADD COLUMN extra TEXT;", "a column LDN Journal does not use"),
];

#[test]
fn open_refuses_a_journal_with_objects_it_does_not_use_and_leaves_it_unchanged() {
    for (sql, words) in EXTRAS {
        let (dir, path) = journal_file();
        tamper(&path, sql);
        let before = files(dir.path());
        let e = err(Journal::open(&path));
        assert!(matches!(e, Error::Corrupt { .. }), "{sql}: {e:?}");
        assert!(e.to_string().contains(words), "{sql}: {e}");
        assert_unchanged(&before, dir.path());
    }
}

#[test]
fn open_refuses_a_journal_missing_part_of_its_schema() {
    let (dir, path) = journal_file();
    tamper(&path, "DROP INDEX score_symptom;");
    let before = files(dir.path());
    let e = err(Journal::open(&path));
    assert!(e.to_string().contains("index"), "{e}");
    assert_unchanged(&before, dir.path());
}

#[test]
fn restore_refuses_a_file_with_an_extra_trigger_or_view_and_keeps_the_journal() {
    for (sql, words) in &EXTRAS[..2] {
        let (dir, path) = journal_file();
        let bad = dir.path().join("hostile.sqlite3");
        {
            let mut other = with_symptoms();
            other.save_day(&full_day("2025-04-01")).unwrap();
            let (_odir, opath) = close(other);
            std::fs::copy(&opath, &bad).unwrap();
        }
        tamper(&bad, sql);
        let before = files(dir.path());
        let j = Journal::open(&path).unwrap();
        let e = backup::restore(j, &bad).map(|_| ()).unwrap_err();
        assert!(e.to_string().contains(words), "{sql}: {e}");
        assert_unchanged(&before, dir.path());
        assert!(!backup::dir(&path).exists(), "nothing was backed up: nothing changed");
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.logged_dates(DateRange::all()).unwrap(), [date("2025-03-01")]);

        let e = backup::inspect(&bad, None).unwrap_err();
        assert!(e.to_string().contains(words), "inspect, {sql}: {e}");
    }
}

/// A journal whose day 2025-03-01 was changed by `sql` (CHECK constraints off, as a hostile
/// or damaged file could have them) reads as damage naming that day.
fn check_corrupt_value(sql: &str, guarded: bool) {
    let (_dir, path) = journal_file();
    tamper(&path, &format!("PRAGMA ignore_check_constraints = ON; {sql}"));
    let j = match Journal::open(&path) {
        // SQLite's own check on open finds values that break the schema's CHECK constraints.
        Err(e) if guarded => return assert!(matches!(e, Error::Corrupt { .. }), "{sql}: {e:?}"),
        r => r.unwrap(),
    };
    for e in [err(j.day(date("2025-03-01"))), err(j.days(DateRange::all()).map(|_| ()))] {
        assert!(matches!(e, Error::Corrupt { .. }), "{sql}: {e:?}");
        assert!(e.to_string().contains("2025-03-01"), "{sql}: {e}");
    }
}

#[test]
fn a_stored_value_the_model_cannot_hold_is_corrupt_naming_the_day() {
    // Values the schema's CHECK constraints allow: only the reader can refuse them.
    for sql in [
        "UPDATE dose SET formulation = 'suppository' WHERE seq = 0",
        "UPDATE day SET awakenings = 70000",
        // Above what validation accepts: the day could not be saved or imported again.
        "UPDATE day SET awakenings = 101",
        "UPDATE day SET bedtime = '25:99'",
        "UPDATE day SET notes = x'00ff'",
        "UPDATE dose SET time = 'soon' WHERE seq = 0",
        "UPDATE dose SET amount_ug = 5000000000 WHERE seq = 0",
        // Beyond what validation lets in: two of them would overflow the day's total.
        "UPDATE dose SET amount_ug = 4000000000 WHERE seq = 0",
        "UPDATE dose SET amount_ug = NULL WHERE seq = 0",
        "UPDATE dose SET amount_ug = 1.5 WHERE seq = 0",
    ] {
        check_corrupt_value(sql, false);
    }
    // Values that break a CHECK constraint: refused on open or on reading, never defaulted.
    for sql in [
        "UPDATE side_effect_entry SET severity = 'awful'",
        "UPDATE day SET awakenings = -1",
        "UPDATE day SET wellbeing = 300",
        "UPDATE day SET wellbeing = 'good'",
        "UPDATE day SET sleep_quality = 0",
        "UPDATE day SET vivid = 'extreme'",
        "UPDATE day SET nightmare = 5",
        "UPDATE dose SET status = 'lost' WHERE seq = 1",
        "UPDATE score SET value = 99",
    ] {
        check_corrupt_value(sql, true);
    }
}

#[test]
fn a_stored_regimen_value_the_model_cannot_hold_is_corrupt() {
    let mut t = with_symptoms();
    t.save_regimen_period(&journal::RegimenPeriod {
        id: 0,
        from: date("2025-01-01"),
        until: None,
        doses: vec![journal::PrescribedDose { amount: journal::Micrograms(1500), time: Some(time("22:00")) }],
        formulation: journal::Formulation::Liquid,
        strength: String::new(),
        pharmacy: String::new(),
        note: String::new(),
    })
    .unwrap();
    let (_dir, path) = close(t);
    for sql in ["UPDATE regimen_period SET formulation = 'suppository'", "UPDATE regimen_dose SET time = '7pm'"] {
        let copy = path.with_file_name(format!("copy{}.sqlite3", sql.len()));
        std::fs::copy(&path, &copy).unwrap();
        tamper(&copy, sql);
        let j = Journal::open(&copy).unwrap();
        let e = err(j.regimen());
        assert!(matches!(e, Error::Corrupt { .. }), "{sql}: {e:?}");
        assert!(e.to_string().contains("2025-01-01"), "{sql}: {e}");
    }
}

#[test]
fn a_stored_catalog_item_the_model_cannot_hold_is_corrupt() {
    let (_dir, path) = journal_file();
    tamper(&path, "UPDATE symptom SET position = -5 WHERE id = 1");
    let j = Journal::open(&path).unwrap();
    let e = err(j.catalog(journal::Catalog::Symptoms));
    assert!(matches!(e, Error::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("symptom list"), "{e}");
}
