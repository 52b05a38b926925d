//! Backups: daily, rotation, listing, restore, and the safety backup before an import.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::*;
use chrono::{Duration, NaiveDate};
use journal::backup::{self, Kind};
use journal::exchange::{self, ImportMode};
use journal::{DateRange, Error, Journal};

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn days(j: &Journal) -> Vec<journal::Day> {
    j.days(DateRange::all()).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    v.sort();
    v
}

#[test]
fn daily_backup_is_a_checked_owner_only_copy_made_once_a_day() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    t.save_day(&full_day("2025-03-02")).unwrap(); // still in the WAL: the backup must include it

    let info = backup::daily(&t, date("2025-03-02")).unwrap().expect("first start of the day makes a backup");

    let dir = backup::dir(&t.path);
    assert_eq!(info.path, dir.join("journal-2025-03-02-n1.sqlite3"), "named by date and sequence number");
    assert_eq!(
        (info.kind, info.summary.days, info.summary.first, info.summary.last),
        (Kind::Daily, 2, Some(date("2025-03-01")), Some(date("2025-03-02")))
    );
    assert_eq!(info.summary.schema_version as i64, journal::store::schema::LATEST);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&info.path), 0o600);
    assert_eq!(names(&dir), ["journal-2025-03-02-n1.sqlite3"], "one single-file database, no WAL, no leftovers");
    let copy = Journal::open(&info.path).unwrap();
    assert_eq!(days(&copy), days(&t));
    drop(copy);

    t.save_day(&full_day("2025-03-03")).unwrap();
    assert_eq!(backup::daily(&t, date("2025-03-02")).unwrap(), None, "second start the same day");
    let again = backup::now(&t, date("2025-03-02")).unwrap();
    assert_eq!(again.summary.days, 3, "an on-demand backup replaces today's");
    assert_eq!(names(&dir), ["journal-2025-03-02-n2.sqlite3"], "a new file; the earlier one of that date goes");
}

#[test]
fn backups_folder_made_by_hand_is_made_owner_only() {
    let t = empty();
    let dir = backup::dir(&t.path);
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    backup::daily(&t, date("2025-01-01")).unwrap();
    assert_eq!(mode(&dir), 0o700);
}

/// Rotation: which daily backups survive, given the dates they were made.
fn check_rotation(made: &[&str], kept: &[&str]) {
    let made: Vec<NaiveDate> = made.iter().map(|d| date(d)).collect();
    let got: Vec<String> = backup::keep_daily(&made).iter().map(ToString::to_string).collect();
    assert_eq!(got, kept);
}

#[test]
fn rotation_keeps_seven_daily() {
    check_rotation(&[], &[]);
    check_rotation(&["2025-01-01"], &["2025-01-01"]);
    check_rotation(
        &["2025-01-05", "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09", "2025-01-10", "2025-01-11"],
        &["2025-01-05", "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09", "2025-01-10", "2025-01-11"],
    );
}

#[test]
fn rotation_keeps_the_newest_of_each_older_week() {
    // 2025-01-05 is a Sunday, 2025-01-04 a Saturday of the same ISO week as 2025-01-01.
    check_rotation(
        &[
            "2024-12-31",
            "2025-01-01",
            "2025-01-04",
            "2025-01-05",
            "2025-01-06",
            "2025-01-07",
            "2025-01-08",
            "2025-01-09",
            "2025-01-10",
            "2025-01-11",
        ],
        &[
            "2025-01-04",
            "2025-01-05",
            "2025-01-06",
            "2025-01-07",
            "2025-01-08",
            "2025-01-09",
            "2025-01-10",
            "2025-01-11",
        ],
    );
}

#[test]
fn rotation_counts_backups_not_calendar_days() {
    // Someone who opens the journal once a week keeps seven weeks of daily backups.
    check_rotation(
        &["2025-01-01", "2025-01-08", "2025-01-15", "2025-01-22", "2025-01-29", "2025-02-05", "2025-02-12"],
        &["2025-01-01", "2025-01-08", "2025-01-15", "2025-01-22", "2025-01-29", "2025-02-05", "2025-02-12"],
    );
}

#[test]
fn three_months_of_daily_starts_keep_seven_daily_and_eight_weekly() {
    let t = with_symptoms();
    let start = date("2025-10-03");
    for i in 0..90 {
        backup::daily(&t, start + Duration::days(i)).unwrap();
    }
    let list = backup::list(&t.path, None).unwrap();
    assert_eq!(list.len(), 15);
    let dates: Vec<NaiveDate> = list.iter().map(|b| file_date(&b.path)).collect();
    let mut expected: Vec<NaiveDate> = (0..7).map(|i| date("2025-12-31") - Duration::days(i)).collect();
    // Then the newest backup of each of the 8 weeks before: the Sundays (and the partial week
    // of 2025-12-25, whose newest remaining backup is Wednesday 2025-12-24).
    expected.push(date("2025-12-24"));
    expected.extend((0..7).map(|i| date("2025-12-21") - Duration::weeks(i)));
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(sorted, expected);
}

fn file_date(p: &Path) -> NaiveDate {
    let name = p.file_name().unwrap().to_str().unwrap();
    date(&name["journal-".len().."journal-".len() + 10])
}

#[test]
fn list_leaves_out_files_that_are_not_backups() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    backup::daily(&t, date("2025-03-01")).unwrap();
    let dir = backup::dir(&t.path);
    fs::write(dir.join("journal-2025-03-02.sqlite3"), b"not a database").unwrap();
    fs::write(dir.join("journal-2025-03-03.sqlite3.partial"), b"half").unwrap();
    fs::write(dir.join("notes.txt"), b"mine").unwrap();
    let list = backup::list(&t.path, None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].summary.days, 1);
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_journal_as_a_backup() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let saved = backup::daily(&t, date("2025-03-01")).unwrap().unwrap();
    let before = days(&t);
    t.save_day(&full_day("2025-03-02")).unwrap();
    t.delete_day(date("2025-03-01")).unwrap();
    let changed = days(&t);

    let TestJournal { dir: tmp, path, j } = t;
    let j = backup::restore(j, &saved.path).unwrap();

    assert_eq!(days(&j), before);
    assert_eq!(j.check().unwrap().days, 1);
    assert_eq!(mode(&path), 0o600);
    let safety: Vec<_> =
        backup::list(&path, None).unwrap().into_iter().filter(|b| b.kind == Kind::BeforeRestore).collect();
    assert_eq!(safety.len(), 1);
    assert_eq!(days(&Journal::open(&safety[0].path).unwrap()), changed, "the journal as it was before the restore");
    for n in names(tmp.path()) {
        assert!(
            ["backups", "journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"].contains(&n.as_str()),
            "{n}"
        );
    }
}

#[test]
fn restore_of_a_live_journal_copy_includes_its_wal() {
    // A user may pick a copy of another journal that was not closed (file plus -wal).
    let mut other = with_symptoms();
    other.save_day(&full_day("2025-04-01")).unwrap();
    let copy = other.dir.path().join("copy.sqlite3");
    fs::copy(&other.path, &copy).unwrap();
    fs::copy(format!("{}-wal", other.path.display()), format!("{}-wal", copy.display())).unwrap();

    let t = with_symptoms();
    let j = backup::restore(t.j, &copy).unwrap();
    assert_eq!(days(&j), days(&other));
}

#[test]
fn restore_migrates_a_backup_from_an_older_version() {
    let t = empty();
    let old = t.dir.path().join("old.sqlite3");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        for sql in &journal::store::schema::MIGRATIONS[..1] {
            tx.execute_batch(sql).unwrap();
        }
        tx.execute_batch("PRAGMA user_version = 1; PRAGMA application_id = 1279544906;").unwrap();
        tx.execute("INSERT INTO day (date, wellbeing) VALUES ('2020-02-02', 4)", []).unwrap();
        tx.commit().unwrap();
    }
    assert_eq!(backup::inspect(&old, None).unwrap().summary.schema_version, 1);
    let j = backup::restore(t.j, &old).unwrap();
    assert_eq!(j.check().unwrap().schema_version as i64, journal::store::schema::LATEST);
    assert_eq!(j.day(date("2020-02-02")).unwrap().unwrap().wellbeing, Some(4));
}

/// A restore from `bad` fails with an error whose message contains `expected`, and the
/// journal and its folder are exactly as they were.
fn check_refused(bad: impl FnOnce(&Path) -> std::path::PathBuf, expected: &str) {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let (dir, path) = close(t);
    let bad = bad(dir.path());
    let before = files(dir.path());
    let j = Journal::open(&path).unwrap();
    let e = backup::restore(j, &bad).map(|_| ()).unwrap_err();
    assert!(e.to_string().contains(expected), "{e}");
    assert_unchanged(&before, dir.path());
    assert!(!backup::dir(&path).exists(), "nothing was backed up either: nothing changed");
    assert_eq!(Journal::open(&path).unwrap().check().unwrap().days, 1);
}

#[test]
fn restore_refuses_what_is_not_a_usable_journal() {
    check_refused(
        |d| {
            fs::write(d.join("notes.sqlite3"), b"hello").unwrap();
            d.join("notes.sqlite3")
        },
        "is not an LDN Journal file",
    );
    check_refused(
        |d| {
            let p = d.join("other.db");
            rusqlite::Connection::open(&p)
                .unwrap()
                .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
                .unwrap();
            p
        },
        "is not an LDN Journal file",
    );
    check_refused(
        |d| {
            let p = d.join("newer.sqlite3");
            let t = Journal::open(&p).unwrap();
            drop(t);
            rusqlite::Connection::open(&p).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
            p
        },
        "newer version of LDN Journal",
    );
    check_refused(
        |d| {
            // A journal whose pages were overwritten in the middle.
            let (src_dir, src) = demo_file(400, "2025-01-01");
            let mut bytes = fs::read(&src).unwrap();
            let mid = bytes.len() / 2;
            bytes[mid..mid + 8192].fill(0x5a);
            let p = d.join("damaged.sqlite3");
            fs::write(&p, bytes).unwrap();
            drop(src_dir);
            p
        },
        "damaged",
    );
    check_refused(|d| d.join("missing.sqlite3"), "missing.sqlite3");
}

#[test]
fn import_backs_up_the_journal_first_and_a_refused_file_does_not() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let mut other = with_symptoms();
    other.save_day(&full_day("2025-03-02")).unwrap();
    let text = exchange::export_json(&other, DateRange::all()).unwrap();

    let e = exchange::import(
        &mut t,
        "{\"format\":\"ldn-journal\",\"version\":1,\"days\":[{\"date\":\"x\"}]}",
        ImportMode::Replace,
    );
    assert!(matches!(e, Err(Error::Import(_))), "{e:?}");
    assert!(backup::list(&t.path, None).unwrap().is_empty(), "a file refused before writing makes no backup");

    exchange::import(&mut t, &text, ImportMode::Replace).unwrap();
    let list = backup::list(&t.path, None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].kind, list[0].summary.days), (Kind::BeforeImport, 1));
    assert_eq!(t.check().unwrap().days, 2);
}

#[test]
fn backup_to_a_chosen_file() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let out = t.dir.path().join("elsewhere.sqlite3");
    let info = backup::to_file(&t, &out).unwrap();
    assert_eq!((info.kind, info.summary.days), (Kind::File, 1));
    assert_eq!(mode(&out), 0o600);
    let e = backup::to_file(&t, &t.path.clone()).unwrap_err();
    assert!(e.to_string().contains("cannot overwrite the journal"), "{e}");
}
