//! `wipe` while the app has the journal open, and backups with the clock set back.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn wipe_refuses_while_the_app_has_the_journal_open() {
    let e = env();
    e.ok(&["demo", "--days", "20"]);
    e.ok(&["backup"]);
    let app = journal::Journal::open(&e.db).unwrap(); // another process than the command
    let days = app.check().unwrap().days;
    assert!(days > 10);
    e.fails(
        &["wipe", "--yes-really"],
        "the journal is open in another program: close LDN Journal (the app or another ldn-journal command) and try again; nothing was changed",
    );
    assert_eq!(app.check().unwrap().days, days, "the app's journal is still there");
    assert_eq!(e.ok(&["backups"]).lines().count(), 1, "and its backup");
    drop(app);
    assert!(e.ok(&["wipe", "--yes-really"]).starts_with("deleted everything; "));
}

#[test]
fn import_with_the_clock_set_back_keeps_its_safety_backup() {
    let e = env();
    e.ok(&["log", "--date", "2025-01-01", "--wellbeing", "3"]);
    let import = |date: &str, clock: Option<&str>| {
        let src = env();
        src.ok(&["log", "--date", date, "--wellbeing", "5"]);
        let file = e.path(&format!("{date}.json"));
        src.ok(&["export", "-o", file.to_str().unwrap()]);
        let mut c = match clock {
            Some(offset) => {
                let mut c = std::process::Command::new("faketime");
                c.args(["-f", offset]).arg(BIN);
                c
            }
            None => std::process::Command::new(BIN),
        };
        let out = c.env_remove("LDN_JOURNAL_DB").arg("--db").arg(&e.db).arg("import").arg(&file).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    for d in ["2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", "2025-02-05"] {
        import(d, None);
    }
    import("2025-02-06", Some("-400d"));
    let faked = (chrono::Local::now() - chrono::Duration::days(400)).date_naive();
    let list = e.ok(&["backups"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 5, "{list}");
    assert!(lines[0].contains(&format!("journal-{faked}-")), "the newest backup is the one made 400 days ago: {list}");
    assert!(lines[0].contains("(before import, ") && lines[0].contains(", 6 days, "), "{list}");
    assert!(e.ok(&["check"]).contains(": ok; 7 days logged"));
}
