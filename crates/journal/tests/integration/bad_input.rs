//! Bad input: broken import files and files that are not (or no longer) journals. Each gets
//! its own clear error, and neither the journal nor the file is changed.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::common::*;
use journal::exchange::{ImportMode, export_json, import};
use journal::{DateRange, Error, Journal};

/// A journal with three days, and its JSON export.
fn journal_and_export() -> (TestJournal, String) {
    let mut t = with_symptoms();
    for d in ["2025-01-01", "2025-01-02", "2025-01-03"] {
        t.save_day(&full_day(d)).unwrap();
    }
    let text = export_json(&t, DateRange::all()).unwrap();
    (t, text)
}

/// Imports `text` into a journal that already holds days; expects `expected` (the error's
/// message) and an unchanged journal.
fn check_import(text: &str, expected: &str) {
    let (mut t, _) = journal_and_export();
    let before = export_json(&t, DateRange::all()).unwrap();
    let e = err(import(&mut t, text, ImportMode::Replace));
    assert_eq!(e.to_string(), expected, "import of {:?}", &text[..text.len().min(200)]);
    assert_eq!(export_json(&t, DateRange::all()).unwrap(), before, "a failed import changed the journal");
}

/// Edits the JSON export of a valid journal with a textual replacement.
fn export_with(from: &str, to: &str) -> String {
    let (_, text) = journal_and_export();
    assert!(text.contains(from), "{from} not in export");
    text.replacen(from, to, 1)
}

const ONE_PROBLEM: &str = "nothing was imported; 1 problem(s) found:\n";

fn one(problem: &str) -> String {
    format!("{ONE_PROBLEM}{problem}")
}

#[test]
fn empty_file() {
    check_import("", "the file could not be read: the file is empty");
    check_import(" \n\t", "the file could not be read: the file is empty");
}

#[test]
fn malformed_json() {
    check_import(
        "{\"format\":\"ldn-journal\",\"version\":1,\"days\":[}",
        &format!("{ONE_PROBLEM}line 1, column 45, file: expected value"),
    );
}

#[test]
fn truncated_json() {
    let (_, text) = journal_and_export();
    let half = &text[..text.len() / 2];
    let line = half.lines().count();
    let column = half.lines().last().unwrap().len();
    check_import(half, &format!("{ONE_PROBLEM}line {line}, column {column}, file: EOF while parsing a string"));
}

#[test]
fn json_of_another_program() {
    check_import(
        "{\"foo\": 1}",
        "the file could not be read: this JSON file is not an LDN Journal export (\"format\" is not \"ldn-journal\")",
    );
    check_import(
        "[1, 2]",
        "the file could not be read: this JSON file is not an LDN Journal export (\"format\" is not \"ldn-journal\")",
    );
}

#[test]
fn json_from_a_newer_version() {
    check_import(
        "{\"format\":\"ldn-journal\",\"version\":4,\"days\":[]}",
        "the file could not be read: this export was made by a newer version of LDN Journal (format version 4, this version reads 3); please update",
    );
}

#[test]
fn json_wrong_types() {
    check_import(
        &export_with("\"wellbeing\": 6", "\"wellbeing\": \"high\""),
        &one("line 183, column 25, wellbeing: invalid type: string \"high\", expected u8"),
    );
    check_import(
        &export_with("\"quality\": 3", "\"quality\": 3.5"),
        &one("line 187, column 22, quality: invalid type: floating point `3.5`, expected u8"),
    );
    check_import(
        &export_with("\"nightmare\": false", "\"nightmare\": \"no\""),
        &one("line 192, column 25, nightmare: invalid type: string \"no\", expected a boolean"),
    );
    check_import(
        &export_with("\"severity\": \"moderate\"", "\"severity\": \"bad\""),
        &one(
            "line 198, column 27, severity: unknown variant `bad`, expected one of `none`, `mild`, `moderate`, `severe`",
        ),
    );
    check_import(
        &export_with("\"formulation\": \"capsule\"", "\"formulation\": \"pill\""),
        &one(
            "line 160, column 8, file: unknown variant `pill`, expected one of `capsule`, `tablet`, `liquid`, `sublingual_drops`, `cream`, `other`",
        ),
    );
    check_import(
        &export_with("\"time\": \"22:00\"", "\"time\": \"25:00\""),
        &one("line 160, column 8, file: \"25:00\" is not a time of day (HH:MM)"),
    );
    check_import(
        &export_with("\"wellbeing\": 6", "\"wellbeing\": 6, \"mood\": 3"),
        &one(
            "line 183, column 28, mood: unknown field `mood`, expected one of `date`, `doses`, `scores`, `wellbeing`, `sleep`, `dreams`, `side_effects`, `intakes`, `readings`, `notes`",
        ),
    );
}

#[test]
fn json_impossible_dates() {
    check_import(
        &export_with("\"date\": \"2025-01-02\"", "\"date\": \"2025-02-30\""),
        &one("line 208, column 26, date: \"2025-02-30\" is not a date (YYYY-MM-DD)"),
    );
    check_import(
        &export_with("\"date\": \"2025-01-02\"", "\"date\": \"02/01/2025\""),
        &one("line 208, column 26, date: \"02/01/2025\" is not a date (YYYY-MM-DD)"),
    );
}

#[test]
fn json_negative_and_absurd_doses() {
    check_import(
        &export_with("\"amount\": 1500", "\"amount\": -1500"),
        &one("line 160, column 8, file: an amount cannot be negative, got -1500"),
    );
    check_import(
        &export_with("\"amount\": 1500", "\"amount\": 1.5"),
        &one(
            "line 160, column 8, file: invalid type: floating point `1.5`, expected a whole number of micrograms (1.5 mg = 1500)",
        ),
    );
    check_import(
        &export_with("\"amount\": 1500", "\"amount\": 99999999999"),
        &one("line 160, column 8, file: amount 99999999999 µg is too large"),
    );
    check_import(
        &export_with("\"amount\": 1500", "\"amount\": 4500000"),
        &format!(
            "{ONE_PROBLEM}days[0] (2025-01-01), doses[0].amount: 4500 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)"
        ),
    );
    check_import(
        &export_with("\"amount\": 1500", "\"amount\": 0"),
        &format!(
            "{ONE_PROBLEM}days[0] (2025-01-01), doses[0].amount: dose must be more than 0 mg; record a missed dose instead"
        ),
    );
}

#[test]
fn malformed_csv() {
    check_import(
        "date,wellbeing\n2025-01-01,5,extra\n",
        &one("line 2, row: the row has 3 fields but the header has 2"),
    );
    check_import(
        "date,wellbeing\n2025-01-01,\"5\n",
        &one("line 2, row: a quoted field is not closed: the file looks cut short"),
    );
    check_import(
        "wellbeing,date\n5,2025-01-01\n",
        &one("line 1, header: the first column must be \"date\"; is this an LDN Journal CSV export?"),
    );
    check_import("date,mood\n2025-01-01,5\n", &one("line 1, mood: unknown column \"mood\" (column 2)"));
    check_import(
        "\u{0}\u{1}binary\u{2}",
        &one("line 1, header: the first column must be \"date\"; is this an LDN Journal CSV export?"),
    );
}

#[test]
fn truncated_csv() {
    let (t, _) = journal_and_export();
    let csv = journal::exchange::export_csv(&t, DateRange::all(), &Default::default()).unwrap();
    check_import(&csv[..csv.len() - 40], &one("line 4, row: the row has 26 fields but the header has 38"));
}

#[test]
fn csv_wrong_types_and_impossible_dates() {
    let header = "date,wellbeing,bedtime,nightmare,vivid dreams,dose 1 status,dose 1 mg,dose 1 formulation\n";
    check_import(
        &format!("{header}2025-02-30,5,22:00,no,none,taken,1.5,capsule\n"),
        &one("line 2, date: \"2025-02-30\" is not a date (YYYY-MM-DD)"),
    );
    check_import(
        &format!("{header}2025-01-01,five,24:00,maybe,loud,taken,-1.5,pill\n"),
        "nothing was imported; 6 problem(s) found:\nline 2, wellbeing: wellbeing must be 0–10, got five\nline 2, bedtime: bedtime \"24:00\" is not a time of day (HH:MM)\nline 2, nightmare: nightmare must be yes or no, got \"maybe\"\nline 2, vivid dreams: vivid dreams must be none, some or very, got \"loud\"\nline 2, dose 1 mg: \"-1.5\" is not an amount in mg (e.g. 1.5)\nline 2, dose 1 formulation: unknown formulation \"pill\"",
    );
    check_import(
        &format!("{header}2025-01-01,5,22:00,no,none,eaten,1.5,capsule\n"),
        &one("line 2, dose 1 status: dose status must be taken or missed, got \"eaten\""),
    );
    check_import(
        &format!("{header}2025-01-01,5,22:00,no,none,taken,4500,capsule\n"),
        &one(
            "line 2, doses[0].amount: 4500 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)",
        ),
    );
}

/// A dose number in a CSV header is refused when the header is read, before anything is sized
/// by it (it once allocated ~12 GB for "dose 99999999 status" and panicked with "capacity
/// overflow" for 2^64 - 1).
#[test]
fn csv_dose_columns_beyond_a_day_s_limit_are_refused_from_the_header() {
    let limit = journal::MAX_DOSES_PER_DAY;
    for k in ["99999999", "18446744073709551615", "18446744073709551616", &(limit + 1).to_string()] {
        check_import(
            &format!("date,dose {k} status\n2025-01-01,taken\n"),
            &one(&format!(
                "line 1, dose {k} status: column 2 \"dose {k} status\": a day holds at most {limit} doses, so dose columns go from \"dose 1\" to \"dose {limit}\""
            )),
        );
    }
    // The last dose column a day can hold is read as before.
    let (mut t, _) = journal_and_export();
    let csv = format!("date,dose {limit} status,dose {limit} mg\n2025-02-01,taken,1.5\n");
    let report = import(&mut t, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(report.days_added, 1);
    assert_eq!(t.day(date("2025-02-01")).unwrap().unwrap().doses.len(), 1);
}

/// Ids and positions a journal adopts from a JSON file must leave room for what it adds later,
/// and a regimen period or question id may appear only once (it was an SQL error).
#[test]
fn json_ids_that_cannot_be_stored_are_refused() {
    let item = |id: u64, position: u64| {
        format!(
            r#"{{"format": "ldn-journal", "version": 1, "symptoms": [{{"id": {id}, "name": "Pain", "description": "", "archived": false, "position": {position}}}]}}"#
        )
    };
    check_import(
        &item(4294967295, 0),
        &format!("{ONE_PROBLEM}symptoms[0], id: id must be 1–2147483647, got 4294967295"),
    );
    check_import(&item(0, 0), &format!("{ONE_PROBLEM}symptoms[0], id: id must be 1–2147483647, got 0"));
    check_import(
        &item(1, 4294967295),
        &format!("{ONE_PROBLEM}symptoms[0], position: position must be 0–2147483647, got 4294967295"),
    );
    let q = r#"{"id": 5, "text": "Why?", "created": "2025-01-01", "resolved": false}"#;
    check_import(
        &format!(r#"{{"format": "ldn-journal", "version": 1, "questions": [{q}, {q}]}}"#),
        &format!("{ONE_PROBLEM}questions[1], id: id 5 is used twice"),
    );
}

// Files that are not journals.

/// Opens `path`; expects an error whose message is `expected` and the folder unchanged.
fn check_open(path: &Path, expected: impl Fn(&Error) -> bool) -> Error {
    let dir = path.parent().unwrap();
    let before = files(dir);
    let e = err(Journal::open(path));
    assert!(expected(&e), "unexpected error for {}: {e:?}", path.display());
    assert_unchanged(&before, dir);
    e
}

#[test]
fn newer_version_is_refused_untouched() {
    let (dir, path) = demo_file(30, "2025-06-01");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let e = check_open(&path, |e| matches!(e, Error::NewerVersion { found: 99, .. }));
    assert!(e.to_string().contains("was written by a newer version of LDN Journal"), "{e}");
    drop(dir);
}

#[test]
fn another_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');").unwrap();
    drop(conn);
    let e = check_open(&path, |e| matches!(e, Error::NotAJournal { .. }));
    assert_eq!(e.to_string(), format!("{} is not an LDN Journal file; it was left untouched.", path.display()));

    // One with another program's application_id, even without tables.
    let path = dir.path().join("app.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0x1234).unwrap();
    drop(conn);
    check_open(&path, |e| matches!(e, Error::NotAJournal { .. }));
}

#[test]
fn random_bytes_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.sqlite3");
    let bytes: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&path, bytes).unwrap();
    check_open(&path, |e| matches!(e, Error::NotAJournal { .. }));
    std::fs::write(&path, "my diary, not a database\n").unwrap();
    check_open(&path, |e| matches!(e, Error::NotAJournal { .. }));
}

#[test]
fn truncated_journal_is_refused_untouched() {
    let (dir, path) = demo_file(400, "2025-06-01");
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() > 64 * 1024, "the demo journal is only {} bytes", full.len());
    for len in [20, 99, 100, 4096, full.len() / 2, full.len() - 4096] {
        std::fs::write(&path, &full[..len]).unwrap();
        let e = check_open(&path, |e| matches!(e, Error::Corrupt { .. }));
        assert!(e.to_string().contains("is damaged"), "{len}: {e}");
    }
    drop(dir);
}

#[test]
fn a_folder_in_the_journal_s_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    std::fs::create_dir(&path).unwrap();
    let e = err(Journal::open(&path));
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
}

#[test]
fn a_file_in_the_folder_s_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data"), "a file").unwrap();
    let path = dir.path().join("data").join("journal.sqlite3");
    let e = err(Journal::open(&path));
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
}

/// A newer version that was killed (or is still running) leaves its last changes in the WAL.
/// Refusing the file must not fold that WAL into the main file on the way out.
#[test]
fn newer_version_with_a_pending_wal_is_left_untouched() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-01-01")).unwrap();
    // A second connection keeps the WAL from being checkpointed while the files are copied.
    let newer = rusqlite::Connection::open(&t.path).unwrap();
    newer.execute_batch("PRAGMA user_version = 99; CREATE TABLE from_the_future (x);").unwrap();
    let copy = tempfile::tempdir().unwrap();
    let path = copy.path().join("journal.sqlite3");
    for suffix in ["", "-wal"] {
        std::fs::copy(format!("{}{suffix}", t.path.display()), format!("{}{suffix}", path.display())).unwrap();
    }
    drop((newer, t));
    let before = files(copy.path());
    let e = err(Journal::open(&path));
    assert!(matches!(e, Error::NewerVersion { found: 99, .. }), "{e:?}");
    let after = files(copy.path());
    for name in ["journal.sqlite3", "journal.sqlite3-wal"] {
        assert!(after.get(name) == before.get(name), "{name} was changed");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("backup.sqlite3");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let e = err(journal::backup::inspect(&fifo, None));
    assert!(matches!(e, Error::NotAJournal { .. }), "{e:?}");
    let e = err(journal::files::read_regular(&fifo));
    assert!(matches!(&e, Error::Invalid(f) if f[0].message.contains("not a regular file")), "{e:?}");
    let e = err(journal::files::read_regular(std::path::Path::new("/dev/zero")));
    assert!(matches!(e, Error::Invalid(_)), "{e:?}");
}
