//! Backups are ranked by the order they were written, never by a clock that may be wrong; a
//! new backup is never deleted by the rotation it triggers, never overwrites another, and
//! an import that writes nothing makes none.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use chrono::Duration;
use journal::backup::{self, Kind};
use journal::exchange::{self, ImportMode};
use journal::{DateRange, Day, Error, Journal};

fn safety(journal: &Path) -> Vec<PathBuf> {
    backup::list(journal, None).unwrap().into_iter().filter(|b| b.kind == Kind::BeforeImport).map(|b| b.path).collect()
}

/// A JSON export of a journal holding one day, `date`, with day notes `notes`.
fn one_day_export(date_: &str, notes: &str) -> String {
    let mut t = with_symptoms();
    let mut d = Day::new(date(date_));
    d.notes = notes.into();
    t.save_day(&d).unwrap();
    exchange::export_json(&t, DateRange::all()).unwrap()
}

#[test]
fn a_daily_backup_dated_before_the_newest_ones_is_kept() {
    // The clock was set back (or the battery died): today's date is older than every backup.
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let newest = date("2025-06-30");
    for w in (1..=8).rev() {
        backup::daily(&t, newest - Duration::weeks(w)).unwrap().unwrap();
    }
    for i in (0..7).rev() {
        backup::daily(&t, newest - Duration::days(i)).unwrap().unwrap();
    }
    assert_eq!(backup::list(&t.path, None).unwrap().len(), 15, "seven daily and eight weekly");
    t.save_day(&full_day("2025-03-02")).unwrap();

    let made = backup::daily(&t, date("2024-05-01")).unwrap().expect("no backup dated 2024-05-01 yet");
    assert!(made.path.is_file(), "the backup just written was deleted by its own rotation");
    let list = backup::list(&t.path, None).unwrap();
    assert_eq!(list[0].path, made.path, "the newest backup, whatever its date");
    assert_eq!(list[0].summary.days, 2);
    assert_eq!(backup::daily(&t, date("2024-05-01")).unwrap(), None, "once a day, by the clock's day");
}

#[test]
fn safety_backups_made_in_the_same_second_are_all_kept() {
    let mut t = with_symptoms();
    let mut made = Vec::new();
    for i in 0..3 {
        t.save_day(&full_day(&format!("2025-03-0{}", i + 1))).unwrap();
        made.push(backup::before_change(&t, Kind::BeforeImport).unwrap());
    }
    let kept = safety(&t.path);
    assert_eq!(kept.len(), 3, "a backup overwrote another: {kept:?}");
    let days: Vec<u32> = backup::list(&t.path, None).unwrap().iter().map(|b| b.summary.days).collect();
    assert_eq!(days, [3, 2, 1], "newest first, each its own copy");
    assert_eq!(made.iter().map(|b| &b.path).collect::<Vec<_>>(), kept.iter().rev().collect::<Vec<_>>());
}

/// The child side of [`an_import_with_the_clock_set_back_keeps_its_safety_backup`]: runs under
/// `faketime`, so `chrono::Local::now()` is 400 days ago.
#[test]
fn clock_child() {
    let Some(db) = std::env::var_os("LDN_JOURNAL_CLOCK_CHILD_DB") else { return };
    let file = std::env::var("LDN_JOURNAL_CLOCK_CHILD_FILE").unwrap();
    let mut j = Journal::open(&db).unwrap();
    exchange::import(&mut j, &fs::read_to_string(file).unwrap(), ImportMode::RefuseConflicts).unwrap();
    println!("imported at {}", chrono::Local::now().date_naive());
}

#[test]
fn an_import_with_the_clock_set_back_keeps_its_safety_backup() {
    let mut t = with_symptoms();
    for i in 1..=5 {
        let text = one_day_export(&format!("2025-04-0{i}"), "x");
        exchange::import(&mut t, &text, ImportMode::RefuseConflicts).unwrap();
    }
    assert_eq!(safety(&t.path).len(), 5);
    let file = t.dir.path().join("more.json");
    fs::write(&file, one_day_export("2025-04-06", "y")).unwrap();
    let (dir, path) = close(t);

    let out = Command::new("faketime")
        .args(["-f", "-400d"]) // 400 days ago
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", &test_name(module_path!(), "clock_child"), "--nocapture", "--test-threads=1"])
        .env("LDN_JOURNAL_CLOCK_CHILD_DB", &path)
        .env("LDN_JOURNAL_CLOCK_CHILD_FILE", &file)
        .output()
        .expect("faketime runs (Debian package faketime; scripts/setup --test installs it)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let faked = (chrono::Local::now() - Duration::days(400)).date_naive();
    assert!(stdout.contains(&format!("imported at {faked}")), "the child ran 400 days ago: {stdout}");

    let kept = safety(&path);
    assert_eq!(kept.len(), 5, "{kept:?}");
    let newest = kept[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(newest.starts_with(&format!("journal-{faked}-")), "the import's own backup was rotated away: {kept:?}");
    let info = backup::list(&path, None).unwrap().into_iter().next().unwrap();
    assert_eq!((info.kind, info.summary.days), (Kind::BeforeImport, 5), "the journal as it was before that import");
    drop(dir);
}

#[test]
fn refused_imports_never_rotate_the_safety_backups_away() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    exchange::import(&mut t, &one_day_export("2025-03-02", "good"), ImportMode::RefuseConflicts).unwrap();
    let good = safety(&t.path);
    assert_eq!(good.len(), 1);

    let conflicting = one_day_export("2025-03-02", "other");
    for _ in 0..(backup::KEEP_SAFETY + 1) {
        let e = err(exchange::import(&mut t, &conflicting, ImportMode::RefuseConflicts));
        assert!(matches!(e, Error::Conflicts(_)), "{e:?}");
    }
    assert_eq!(safety(&t.path), good, "a refused import made a backup");
    let days: Vec<u32> = backup::list(&t.path, None).unwrap().iter().map(|b| b.summary.days).collect();
    assert_eq!(days, [1], "the journal as it was before the good import, untouched");
    assert_eq!(t.day(date("2025-03-02")).unwrap().unwrap().notes, "good");
}

#[test]
fn an_import_that_changes_nothing_makes_no_backup() {
    let mut t = with_symptoms();
    let text = one_day_export("2025-03-02", "same");
    exchange::import(&mut t, &text, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(safety(&t.path).len(), 1);
    let r = exchange::import(&mut t, &text, ImportMode::Replace).unwrap();
    assert_eq!((r.days_added, r.days_replaced, r.days_unchanged), (0, 0, 1));
    assert_eq!(safety(&t.path).len(), 1, "nothing was written, so no backup either");
    let days: Vec<u32> = backup::list(&t.path, None).unwrap().iter().map(|b| b.summary.days).collect();
    assert_eq!(days, [0], "the backup of the journal before the first import, untouched");
}

#[test]
fn backups_named_by_earlier_versions_are_listed_restored_and_rotated() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let made = backup::daily(&t, date("2025-03-01")).unwrap().unwrap();
    let dir = backup::dir(&t.path);
    // Names without a sequence number, as versions before it wrote them.
    let old_daily = dir.join("journal-2025-03-01.sqlite3");
    let old_safety = dir.join("journal-2025-03-01-120000-before-import.sqlite3");
    fs::rename(&made.path, &old_daily).unwrap();
    fs::copy(&old_daily, &old_safety).unwrap();
    let list = backup::list(&t.path, None).unwrap();
    let mut kinds: Vec<(Kind, &Path)> = list.iter().map(|b| (b.kind, b.path.as_path())).collect();
    kinds.sort_by_key(|(k, _)| *k as u8);
    assert_eq!(kinds, [(Kind::Daily, old_daily.as_path()), (Kind::BeforeImport, old_safety.as_path())]);
    assert_eq!(backup::daily(&t, date("2025-03-01")).unwrap(), None, "today's old-style backup counts");

    // Every numbered backup ranks above them, whatever the dates say.
    t.save_day(&full_day("2025-03-02")).unwrap();
    let new = backup::daily(&t, date("2020-01-01")).unwrap().unwrap();
    assert_eq!(backup::list(&t.path, None).unwrap()[0].path, new.path);
    for _ in 0..backup::KEEP_SAFETY {
        backup::before_change(&t, Kind::BeforeImport).unwrap();
    }
    assert!(!old_safety.exists(), "the old-style safety backup is the oldest of six");
    assert!(old_daily.exists() && new.path.exists(), "two daily backups are within the seven kept");

    let TestJournal { dir: _tmp, j, .. } = t;
    let j = backup::restore(j, &old_daily).unwrap();
    assert_eq!(j.days(DateRange::all()).unwrap(), vec![full_day("2025-03-01")]);
}

#[test]
fn a_hand_made_backup_name_with_a_huge_number_never_stops_backups() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let first = backup::daily(&t, date("2025-03-01")).unwrap().unwrap();
    let huge = first.path.with_file_name("journal-2025-03-02-n18446744073709551615.sqlite3");
    fs::copy(&first.path, &huge).unwrap();
    t.save_day(&full_day("2025-03-02")).unwrap();
    let next = backup::before_change(&t, Kind::BeforeImport).unwrap();
    assert!(next.path.is_file(), "a backup is still made");
    assert_eq!(backup::list(&t.path, None).unwrap()[0].path, next.path, "and ranks newest");
}

#[test]
fn the_journal_itself_is_never_restored_from() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let (dir, path) = close(t);
    let j = Journal::open(&path).unwrap();
    let e = backup::restore(j, &path).unwrap_err();
    assert!(matches!(&e, Error::Invalid(f) if f[0].field == "file"), "{e:?}");
    assert_eq!(Journal::open(&path).unwrap().days(DateRange::all()).unwrap().len(), 1);
    drop(dir);
}
