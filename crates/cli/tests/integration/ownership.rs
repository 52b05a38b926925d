//! `backup`, `backups`, `restore`, `wipe` and `export --format fhir`.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn backup_list_restore_and_wipe() {
    let e = env();
    e.ok(&["demo", "--days", "30"]);
    let out = e.ok(&["backup"]);
    assert!(out.starts_with("backup written: ") && out.contains("(daily, ") && out.contains(", 29 days, "), "{out}");
    let file = e.path("copy.sqlite3");
    let out = e.ok(&["backup", "-o", file.to_str().unwrap()]);
    assert!(out.contains("(file, "), "{out}");
    let list = e.ok(&["backups"]);
    assert_eq!(list.lines().count(), 1, "{list}");

    e.ok(&["log", "--date", "2000-01-01", "--wellbeing", "5"]);
    let out = e.ok(&["restore", file.to_str().unwrap()]);
    assert!(out.starts_with("restored ") && out.contains("the journal as it was before is kept as "), "{out}");
    assert!(e.ok(&["check"]).contains(": ok; 29 days logged"));
    assert!(e.ok(&["backups"]).contains("before restore"));

    let notes = e.write("notes.txt", "hello");
    e.fails(&["restore", &notes], &format!("{notes} is not an LDN Journal file; it was left untouched."));

    let out = e.run(&["wipe"]);
    assert!(!out.status.success());
    assert!(e.ok(&["check"]).contains("29 days"), "nothing deleted without --yes-really");
    let out = e.ok(&["wipe", "--yes-really"]);
    assert!(out.starts_with("deleted everything; "), "{out}");
    assert!(e.ok(&["check"]).contains("no days logged yet"));
    assert_eq!(e.ok(&["backups"]).lines().count(), 1, "only the line saying there are none");
    assert!(file.is_file(), "a backup the user wrote elsewhere is theirs to keep");
}

/// The message of a journal that cannot be opened says to restore a backup: that works, and
/// the file that could not be opened is kept beside it (until "delete everything").
#[test]
fn a_journal_that_cannot_be_opened_can_be_restored_and_is_kept() {
    let e = env();
    e.ok(&["demo", "--days", "10"]);
    let file = e.path("good.sqlite3");
    e.ok(&["backup", "-o", file.to_str().unwrap()]);
    // The journal gains a trigger LDN Journal does not use (a tampered or foreign file).
    let conn = rusqlite::Connection::open(&e.db).unwrap();
    conn.execute_batch("CREATE TRIGGER t AFTER INSERT ON day BEGIN SELECT 1; END;").unwrap();
    drop(conn);
    let refused = e.run(&["check"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Restore a backup"));

    let out = e.ok(&["restore", file.to_str().unwrap()]);
    assert!(out.contains("the file that could not be opened is kept as "), "{out}");
    assert!(e.ok(&["check"]).contains("10 days logged"), "the backup is the journal now");
    let kept: Vec<_> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("journal.sqlite3.refused-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let conn = rusqlite::Connection::open(e.dir.path().join(&kept[0])).unwrap();
    let triggers: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 't'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(triggers, 1, "the refused file is kept as it was, with the trigger it gained");
    drop(conn);

    e.ok(&["wipe", "--yes-really"]);
    assert!(!e.dir.path().join(&kept[0]).exists(), "delete everything deletes the kept file too");
}

const OPT_INS_FHIR_ONLY: &str = "--include-notes, --include-dream-notes and --name apply to --format fhir only (JSON and CSV always keep everything)";

#[test]
fn fhir_export_with_and_without_opt_ins() {
    let e = env();
    e.ok(&["demo", "--days", "20"]);
    let plain: serde_json::Value = serde_json::from_str(&e.ok(&["export", "--format", "fhir"])).unwrap();
    assert_eq!(plain["resourceType"], "Bundle");
    let entries = plain["entry"].as_array().unwrap();
    assert!(entries.iter().all(|x| x["resource"]["resourceType"] != "Patient"));
    let named = e.ok(&["export", "--format", "fhir", "--name", "Alex Example", "--include-notes"]);
    assert!(named.contains("\"resourceType\":\"Patient\"") && named.contains("Alex Example"));
    assert!(named.contains("Synthetic demo data."), "notes when opted in");
    assert!(!e.ok(&["export", "--format", "fhir"]).contains("Synthetic demo data."), "no notes otherwise");
    e.fails(&["export", "--format", "csv", "--name", "x"], OPT_INS_FHIR_ONLY);
}

#[test]
fn fhir_export_has_dream_notes_only_with_their_own_opt_in() {
    let e = env();
    e.ok(&["demo", "--days", "30"]);
    let dream = "Long, colourful dream (synthetic).";
    assert!(!e.ok(&["export", "--format", "fhir"]).contains(dream), "no dream notes by default");
    assert!(!e.ok(&["export", "--format", "fhir", "--include-notes"]).contains(dream), "nor with the notes");
    let dreams = e.ok(&["export", "--format", "fhir", "--include-dream-notes"]);
    assert!(dreams.contains(dream), "dream notes on their opt-in");
    assert!(!dreams.contains("Synthetic demo data."), "and no other notes");
    e.fails(&["export", "--format", "json", "--include-dream-notes"], OPT_INS_FHIR_ONLY);
}
