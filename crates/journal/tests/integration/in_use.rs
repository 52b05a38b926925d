//! Wipe and restore refuse while another connection (the app, another command) has the
//! journal open, and then change nothing: no file deleted, no backup made.
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::backup;
use journal::{DateRange, Journal};

const CLOSE_THE_OTHER: &str = "close LDN Journal (the app or another ldn-journal command) and try again";

#[test]
fn wipe_refuses_while_another_connection_has_the_journal_open() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    backup::daily(&t, date("2025-03-01")).unwrap().unwrap();
    let TestJournal { dir, path, j } = t;
    let mut other = Journal::open(&path).unwrap(); // the app, say

    let e = err(journal::wipe(j));
    assert!(e.to_string().contains(CLOSE_THE_OTHER), "{e}");
    assert_eq!(backup::list(&path, None).unwrap().len(), 1, "the backups are still there");
    // The other program goes on working on the same, undeleted journal.
    other.save_day(&full_day("2025-03-02")).unwrap();
    drop(other);
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.days(DateRange::all()).unwrap().len(), 2, "nothing was deleted, no save was lost");

    let j = journal::wipe(j).unwrap();
    assert_eq!(j.check().unwrap().days, 0, "alone, the wipe goes ahead");
    assert!(backup::list(&path, None).unwrap().is_empty());
    drop(dir);
}

#[test]
fn wipe_refuses_while_another_thread_has_the_journal_open() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let TestJournal { dir, path, j } = t;
    let (opened, wait) = std::sync::mpsc::channel();
    let (done, finish) = std::sync::mpsc::channel::<()>();
    let p = path.clone();
    let holder = std::thread::spawn(move || {
        let other = Journal::open(&p).unwrap();
        opened.send(()).unwrap();
        finish.recv().unwrap();
        other.check().unwrap().days
    });
    wait.recv().unwrap();
    let e = err(journal::wipe(j));
    assert!(e.to_string().contains(CLOSE_THE_OTHER), "{e}");
    done.send(()).unwrap();
    assert_eq!(holder.join().unwrap(), 1);
    assert_eq!(Journal::open(&path).unwrap().check().unwrap().days, 1);
    drop(dir);
}

#[test]
fn restore_refuses_while_another_connection_has_the_journal_open_and_makes_no_backup() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let file = t.dir.path().join("elsewhere.sqlite3");
    backup::to_file(&t, &file).unwrap();
    t.save_day(&full_day("2025-03-02")).unwrap();
    let TestJournal { dir, path, j } = t;
    let other = Journal::open(&path).unwrap();

    let e = err(backup::restore(j, &file));
    assert!(e.to_string().contains(CLOSE_THE_OTHER), "{e}");
    assert!(backup::list(&path, None).unwrap().is_empty(), "a refused restore makes no safety backup");
    assert_eq!(other.check().unwrap().days, 2);
    drop(other);
    assert_eq!(Journal::open(&path).unwrap().check().unwrap().days, 2);
    drop(dir);
}
