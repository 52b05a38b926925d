//! `check`, `demo`, the default journal path, and files that are not journals.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn check_a_new_journal() {
    let e = env();
    let out = e.ok(&["check"]);
    assert!(out.starts_with(&format!("{}: ok; no days logged yet, schema version ", e.db.display())), "{out}");
    assert_eq!(out.lines().count(), 1);
    assert_eq!(e.ok(&["symptoms"]), "", "a new journal has no symptoms");
}

#[test]
fn demo_fills_an_empty_journal_only() {
    let e = env();
    let out = e.ok(&["demo", "--days", "120", "--seed", "9"]);
    assert!(out.starts_with("wrote 120 days of synthetic demo data to "), "{out}");
    let check = e.ok(&["check"]);
    assert!(check.contains(": ok; ") && check.contains(" days logged, "), "{check}");
    assert!(e.ok(&["export"]).contains("Synthetic demo data"), "demo data is labelled");
    e.fails(
        &["demo", "--days", "10"],
        &format!(
            "this journal already has {} days; demo data only goes into an empty journal (choose another file with --db)",
            check.split(": ok; ").nth(1).unwrap().split(' ').next().unwrap()
        ),
    );
    env().fails(&["demo", "--days", "0"], "demo days must be 1–36600, got 0");
}

#[test]
fn default_journal_is_in_the_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = bare(home.path()).args(["check"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Tests use the debug build, which keeps its own dev journal.
    let expected = home.path().join("data").join("org.ldnjournal.LdnJournal").join("journal-dev.sqlite3");
    assert!(expected.is_file(), "no journal at {}", expected.display());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(&format!("{}: ok;", expected.display())));
}

/// A journal made by a release with the old identifier is found after the change: its folder
/// moved whole, byte-identical, with its backups.
#[test]
fn a_journal_in_the_old_folder_is_found_after_the_identifier_changed() {
    let home = tempfile::tempdir().unwrap();
    let old = home.path().join("data").join(journal::paths::OLD_APP_ID);
    let seeded = tempfile::tempdir().unwrap();
    let db = seeded.path().join("journal-dev.sqlite3");
    log_a_day(home.path(), &db);
    std::fs::create_dir_all(old.join("backups")).unwrap();
    std::fs::copy(&db, old.join("journal-dev.sqlite3")).unwrap();
    std::fs::copy(&db, old.join("backups/journal-2025-01-01-n1.sqlite3")).unwrap();
    let bytes = std::fs::read(&db).unwrap();

    let out = bare(home.path()).args(["list"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2025-01-01"), "the old journal's day is listed");
    let new = home.path().join("data").join(journal::paths::APP_ID);
    assert!(!old.exists());
    assert_eq!(
        std::fs::read(new.join("backups/journal-2025-01-01-n1.sqlite3")).unwrap(),
        bytes,
        "the backup moved as it was"
    );

    // An old folder made again beside the new one is left alone, and said once.
    std::fs::create_dir_all(&old).unwrap();
    let out = bare(home.path()).args(["check"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nothing was merged or deleted"), "{out:?}");
    let out = bare(home.path()).args(["check"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("older LDN Journal folder"), "said once: {out:?}");
    assert!(old.is_dir());
}

#[test]
fn the_environment_variable_chooses_the_journal() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("elsewhere.sqlite3");
    log_a_day(home.path(), &db);
    assert!(db.is_file());
    assert!(!home.path().join("data").exists(), "the default journal was touched");
}

#[test]
fn files_that_are_not_journals_are_refused_untouched() {
    let e = env();
    let cases: [(&str, &[u8]); 3] = [
        ("notes.txt", b"my diary, not a database\n"),
        ("random.bin", &[0x13, 0x37, 0x00, 0xff, 0x42, 0x99, 0x01, 0x02, 0x03]),
        ("truncated.sqlite3", b"SQLite format 3\0\x10\x00\x01\x01"),
    ];
    for (name, bytes) in cases {
        let path = e.path(name);
        std::fs::write(&path, bytes).unwrap();
        let out = bare(e.dir.path()).arg("--db").arg(&path).arg("check").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains("it was left untouched"), "{name}: {stderr}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was modified");
    }
}

#[test]
fn a_newer_journal_is_refused_untouched() {
    let e = env();
    e.ok(&["log", "--date", "2025-01-01", "--wellbeing", "3"]);
    // Schema version lives at byte 60 of the header (PRAGMA user_version), big-endian.
    let mut bytes = std::fs::read(&e.db).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&e.db, &bytes).unwrap();
    let out = e.run(&["show", "2025-01-01"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "ldn-journal: {} was written by a newer version of LDN Journal (schema 99,",
            e.db.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&e.db).unwrap(), bytes);
}

#[test]
fn a_read_only_folder_gives_a_one_line_error() {
    // As root, chmod does not stop writes; a read-only bind mount in a private namespace does.
    if !std::process::Command::new("unshare").args(["-rm", "true"]).status().is_ok_and(|s| s.success()) {
        assert!(
            std::env::var("LDN_JOURNAL_NO_UNSHARE").is_ok_and(|v| v == "1"),
            "`unshare -rm` does not work here; set LDN_JOURNAL_NO_UNSHARE=1 to skip knowingly"
        );
        return;
    }
    let e = env();
    e.ok(&["log", "--date", "2025-01-01", "--wellbeing", "3"]);
    let before = std::fs::read(&e.db).unwrap();
    let dir = e.dir.path();
    let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"";
    let run = |args: &[&str]| {
        let out = std::process::Command::new("unshare")
            .args(["-rm", "sh", "-c", script, "sh"])
            .arg(dir)
            .arg(BIN)
            .arg("--db")
            .arg(&e.db)
            .args(args)
            .env_remove("LDN_JOURNAL_DB")
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let expected = format!("ldn-journal: cannot write to {}: the file or its folder is read-only\n", e.db.display());
    assert_eq!(run(&["log", "--date", "2025-01-02", "--wellbeing", "4"]), (Some(1), expected.clone()));
    assert_eq!(run(&["check"]), (Some(1), expected));
    assert_eq!(std::fs::read(&e.db).unwrap(), before);
}

/// Logs 2025-01-01 into the journal at `db` (named by the environment variable).
fn log_a_day(home: &std::path::Path, db: &std::path::Path) {
    let out = bare(home)
        .env("LDN_JOURNAL_DB", db)
        .args(["log", "--date", "2025-01-01", "--wellbeing", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
