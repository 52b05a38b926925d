//! `export` and `import` from the command line.
#![allow(clippy::unwrap_used)]

use crate::common::*;

fn demo() -> Env {
    let e = env();
    e.ok(&["demo", "--days", "40", "--seed", "3"]);
    e
}

#[test]
fn json_export_to_stdout_and_to_a_file_are_the_same() {
    let e = demo();
    let stdout = e.ok(&["export"]);
    assert!(stdout.starts_with("{\n  \"format\": \"ldn-journal\",\n  \"version\": 3,"), "{}", &stdout[..80]);
    let file = e.path("out.json");
    assert_eq!(e.ok(&["export", "--format", "json", "-o", file.to_str().unwrap()]), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an export holds health data");
    }
    assert!(!e.path("out.partial").exists());
}

#[test]
fn csv_export_with_a_range() {
    let e = env();
    e.ok(&["log", "--date", "2025-03-01", "--dose", "1.5mg@22:00", "--wellbeing", "5", "--notes", "a, \"b\"\nc"]);
    e.ok(&["log", "--date", "2025-03-02", "--wellbeing", "6"]);
    let csv = e.ok(&["export", "--format", "csv", "--from", "2025-03-02", "--to", "2025-03-02"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("date,wellbeing,bedtime,wake time,"));
    assert!(lines.next().unwrap().starts_with("2025-03-02,6,"));
    assert_eq!(lines.next(), None);
    let all = e.ok(&["export", "--format", "csv"]);
    assert!(all.contains("\"a, \"\"b\"\"\nc\""), "{all}");
}

#[test]
fn export_errors() {
    let e = demo();
    e.fails(
        &["export", "--from", "2025-03-02", "--to", "2025-03-01"],
        "the end date 2025-03-01 is before the start date 2025-03-02",
    );
    let missing = e.path("no/such/folder/out.json");
    e.fails(
        &["export", "-o", missing.to_str().unwrap()],
        &format!("{}: No such file or directory (os error 2)", missing.display()),
    );
    e.usage(&["export", "--format", "xml"], "error: invalid value 'xml' for '--format <FORMAT>'");
}

#[test]
fn import_round_trip_and_idempotence() {
    let src = demo();
    let file = src.path("export.json");
    src.ok(&["export", "-o", file.to_str().unwrap()]);
    let dst = env();
    let out = dst.ok(&["import", file.to_str().unwrap()]);
    assert!(out.starts_with("imported "), "{out}");
    assert_eq!(dst.ok(&["export"]), src.ok(&["export"]), "export → import → export differs");
    let again = dst.ok(&["import", file.to_str().unwrap()]);
    assert!(again.starts_with("imported 0 new days, replaced 0, "), "{again}");
}

#[test]
fn import_refuses_conflicts_unless_replacing() {
    let e = env();
    e.ok(&["log", "--date", "2025-03-01", "--wellbeing", "5"]);
    e.ok(&["log", "--date", "2025-03-02", "--wellbeing", "5"]);
    let file = e.write("in.csv", "date,wellbeing\n2025-03-01,7\n2025-03-02,5\n2025-03-03,1\n");
    e.fails(
        &["import", &file],
        "nothing was imported; these days are already in the journal with other entries: 2025-03-01. \
         Import with replace to overwrite them.",
    );
    assert_eq!(e.ok(&["list"]).lines().count(), 2, "a refused import wrote days");
    let out = e.ok(&["import", "--replace", &file]);
    assert!(out.starts_with("imported 1 new days, replaced 1, 1 unchanged;"), "{out}");
    assert!(e.ok(&["show", "2025-03-01"]).contains("wellbeing: 7/10"));
}

#[test]
fn import_reports_every_bad_row_and_imports_nothing() {
    let e = env();
    let file = e.write("bad.csv", "date,wellbeing,sleep quality\n2025-01-01,11,3\n2025-01-02,5,3\n2025-02-30,5,7\n");
    let out = e.run(&["import", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "ldn-journal: nothing was imported; 3 problem(s) found:\n\
         line 2, wellbeing: wellbeing must be 0–10, got 11\n\
         line 4, date: \"2025-02-30\" is not a date (YYYY-MM-DD)\n\
         line 4, sleep quality: sleep quality must be 1–5, got 7\n"
    );
    assert_eq!(e.ok(&["list"]), "no days logged in that range\n");
}

#[test]
fn import_errors() {
    let e = env();
    let missing = e.path("missing.json");
    e.fails(
        &["import", missing.to_str().unwrap()],
        &format!("{}: No such file or directory (os error 2)", missing.display()),
    );
    let binary = e.path("photo.jpg");
    std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).unwrap();
    e.fails(
        &["import", binary.to_str().unwrap()],
        &format!("{} is not a text file (UTF-8); is it an LDN Journal export?", binary.display()),
    );
    let empty = e.write("empty.json", "");
    e.fails(&["import", &empty], "the file could not be read: the file is empty");
    let other = e.write("other.json", "{\"name\": \"x\"}");
    e.fails(
        &["import", &other],
        "the file could not be read: this JSON file is not an LDN Journal export (\"format\" is not \"ldn-journal\")",
    );
}

/// A journal (imported from JSON, the CLI has no medication commands yet) with a medication,
/// a measure and an event kind marked "keep out of reports", each with something recorded.
fn with_private_items() -> Env {
    let e = env();
    let json = r#"{"format":"ldn-journal","version":2,
        "event_kinds":[{"id":1,"name":"Secret kind","private":true,"position":0}],
        "medications":[{"id":1,"name":"Secret pill","as_needed":true,"from":"2025-03-01","private":true}],
        "measures":[{"id":1,"name":"Secret measure","unit":"kg","private":true}],
        "events":[{"id":1,"kind":1,"from":"2025-03-01","to":"2025-03-01"}],
        "days":[{"date":"2025-03-01","wellbeing":5,
            "intakes":[{"medication":1,"time":"14:00","amount":"1 tablet"}],
            "readings":[{"measure":1,"time":null,"value":"3"}]}]}"#;
    let file = e.write("private.json", json);
    e.ok(&["import", &file]);
    e
}

#[test]
fn private_items_leave_in_fhir_and_csv_only_with_include_private_items() {
    let e = with_private_items();
    for format in ["fhir", "csv"] {
        let plain = e.ok(&["export", "--format", format]);
        assert!(plain.contains("2025-03-01") && !plain.contains("Secret"), "{format}: {plain}");
        let with = e.ok(&["export", "--format", format, "--include-private-items"]);
        for name in ["Secret pill", "Secret measure", "Secret kind"] {
            assert!(with.contains(name), "{format} lacks {name}: {with}");
        }
    }
    assert!(e.ok(&["export", "--format", "json"]).contains("Secret pill"), "JSON keeps everything");
    e.fails(
        &["export", "--format", "json", "--include-private-items"],
        "--include-private-items applies to --format fhir and csv only (JSON always keeps everything)",
    );
}
