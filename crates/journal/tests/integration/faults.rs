//! Nothing lost under faults.
//!
//! - Import and restore killed at random moments (SIGKILL to a child process, this test
//!   binary re-executed), round after round: afterwards the journal passes the integrity
//!   check and holds either the old data or the new data, complete, never a mix; every file
//!   under a backup's name is a complete backup of the old data.
//! - A full disk (a 4 MB tmpfs mounted in a private mount namespace, so no mount outlives
//!   the test): writing until full gives `Error::DiskFull` with its message, every committed
//!   day stays, a backup on a full disk fails cleanly, and logging works again once there is
//!   space.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use journal::exchange::{self, ImportMode};
use journal::{DateRange, Day, Error, Journal, backup};

const CHILD: &str = "LDN_FAULT_CHILD";
const DB: &str = "LDN_FAULT_DB";
const FILE: &str = "LDN_FAULT_FILE";
const ROUNDS: u32 = 60;

/// The child side: does one operation, then says so. Does nothing in a normal test run.
#[test]
fn fault_child() {
    let Ok(what) = std::env::var(CHILD) else { return };
    let db = PathBuf::from(std::env::var_os(DB).unwrap());
    let file = PathBuf::from(std::env::var_os(FILE).unwrap_or_default());
    match what.as_str() {
        "import" => {
            let mut j = Journal::open(&db).unwrap();
            exchange::import(&mut j, &fs::read_to_string(&file).unwrap(), ImportMode::Replace).unwrap();
        }
        "restore" => {
            backup::restore(Journal::open(&db).unwrap(), &file).unwrap();
        }
        "full" => disk_full_in_child(&db),
        other => panic!("unknown child {other}"),
    }
    println!("done");
}

/// Everything a journal holds, as text, to compare whole states.
fn state(path: &Path) -> String {
    let j = Journal::open(path).unwrap_or_else(|e| panic!("cannot reopen: {e}"));
    j.check().unwrap_or_else(|e| panic!("integrity: {e}"));
    exchange::export_json(&j, DateRange::all()).unwrap()
}

/// Two different journals over overlapping dates: the old one (in place) and the new data.
fn old_and_new() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite3");
    let mut j = Journal::open(&old).unwrap();
    journal::demo::fill(&mut j, 500, 7, date("2025-06-30")).unwrap();
    drop(j);
    let new = dir.path().join("new.sqlite3");
    let mut j = Journal::open(&new).unwrap();
    journal::demo::fill(&mut j, 500, 99, date("2025-09-30")).unwrap();
    let mut day = Day::new(date("2025-10-01"));
    day.notes = "only in the new data".into();
    j.save_day(&day).unwrap();
    drop(j);
    (dir, old, new)
}

/// Puts the pristine old journal at `path`, with no WAL, restore leftovers or backups.
fn reset(pristine: &Path, path: &Path) {
    for suffix in ["-wal", "-shm", "-journal", ".restoring", ".restoring-wal", ".restoring-shm", ".restoring-journal"] {
        let _ = fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let _ = fs::remove_dir_all(backup::dir(path));
    fs::copy(pristine, path).unwrap();
}

fn child(what: &str, db: &Path, file: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", &test_name(module_path!(), "fault_child"), "--nocapture", "--test-threads=1"])
        .env(CHILD, what)
        .env(DB, db)
        .env(FILE, file)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    c
}

/// Runs `what` to completion once (the reference "new" state and its duration), then kills
/// it at random moments within that duration, round after round.
fn killed_at_random_moments(what: &str, old: &Path, file: &Path) {
    let work = tempfile::tempdir().unwrap();
    let path = work.path().join("journal.sqlite3");
    let old_state = state(old);

    reset(old, &path);
    let started = Instant::now();
    let out = child(what, &path, file).output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("done"), "{what} failed");
    let full_run = started.elapsed();
    let new_state = state(&path);
    assert_ne!(old_state, new_state, "the test needs the operation to change the journal");

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("{what}: full run {full_run:?}, seed {seed}");
    let mut rng = seed;
    let (mut old_seen, mut new_seen) = (0, 0);
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut rounds = 0;
    while rounds < ROUNDS && Instant::now() < deadline {
        rounds += 1;
        reset(old, &path);
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let delay = Duration::from_micros(rng % (full_run.as_micros() as u64 * 6 / 5 + 1));
        let mut c = child(what, &path, file).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = c.kill(); // SIGKILL; the child may have finished already
        c.wait().unwrap();

        let now = state(&path);
        if now == old_state {
            old_seen += 1;
        } else if now == new_state {
            new_seen += 1;
        } else {
            panic!("round {rounds} ({delay:?}): the journal is neither the old nor the new data");
        }
        for b in fs::read_dir(backup::dir(&path)).into_iter().flatten().map(|e| e.unwrap().path()) {
            let name = b.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".sqlite3") {
                assert_eq!(state(&copy_of(&b)), old_state, "round {rounds}: backup {name} is not the old journal");
            }
        }
    }
    println!("{what}: {rounds} rounds, {old_seen} ended with the old data, {new_seen} with the new");
    assert!(rounds >= 10, "only {rounds} rounds in time");
}

/// Opening a journal may migrate or checkpoint it: check a copy, never the backup itself.
fn copy_of(p: &Path) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let c = dir.join("copy.sqlite3");
    fs::copy(p, &c).unwrap();
    c
}

#[test]
fn killed_import_leaves_the_old_or_the_new_data_whole() {
    let (_dir, old, new) = old_and_new();
    let export = old.with_file_name("new.json");
    fs::write(&export, exchange::export_json(&Journal::open(&new).unwrap(), DateRange::all()).unwrap()).unwrap();
    killed_at_random_moments("import", &old, &export);
}

#[test]
fn killed_restore_leaves_the_old_or_the_new_journal_whole() {
    let (_dir, old, new) = old_and_new();
    let b = old.with_file_name("backup.sqlite3");
    backup::to_file(&Journal::open(&new).unwrap(), &b).unwrap();
    killed_at_random_moments("restore", &old, &b);
}

#[test]
fn full_disk_gives_a_clear_error_and_keeps_every_committed_day() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small-disk");
    fs::create_dir(&mnt).unwrap();
    // A private mount namespace: the tmpfs disappears with the child, whatever happens.
    // As root `--mount` is enough; otherwise a user namespace makes the mount possible.
    let root = fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"));
    let mut c = Command::new("unshare");
    c.arg("--mount");
    if !root {
        c.arg("--map-root-user");
    }
    let out = c
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", &test_name(module_path!(), "fault_child"), "--nocapture", "--test-threads=1"])
        .env(CHILD, "full")
        .env(DB, &mnt)
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && stdout.contains("done"), "the full-disk child failed");
    assert!(fs::read_dir(&mnt).unwrap().next().is_none(), "the tmpfs was private to the child");
}

fn disk_full_in_child(mnt: &Path) {
    let st = Command::new("mount").args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"]).arg(mnt).status().unwrap();
    assert!(st.success(), "mount tmpfs");
    let path = mnt.join("journal.sqlite3");
    let ballast = mnt.join("ballast");
    fs::write(&ballast, vec![0u8; 1536 * 1024]).unwrap();
    let mut j = Journal::open(&path).unwrap();
    let pain = j.add_item(journal::Catalog::Symptoms, "Pain", "").unwrap().id;
    let day = |i: i64| {
        let mut d = Day::new(date("2024-01-01") + chrono::Duration::days(i));
        d.scores.push(journal::Score { symptom: pain, value: (i % 11) as u8 });
        d.notes = format!("day {i} ").repeat(300);
        d
    };
    // Write until the disk is full.
    let mut saved = Vec::new();
    let err = loop {
        let d = day(saved.len() as i64);
        match j.save_day(&d) {
            Ok(_) => saved.push(d),
            Err(e) => break e,
        }
        assert!(saved.len() < 10_000, "the disk never filled");
    };
    println!("disk full after {} days: {err}", saved.len());
    assert!(matches!(err, Error::DiskFull), "{err:?}");
    assert_eq!(err.to_string(), "the disk is full: nothing was changed. Free some space and try again.");
    assert!(saved.len() > 10, "the test needs some committed days");
    assert_eq!(j.days(DateRange::all()).unwrap(), saved, "every committed day, unchanged");

    // A backup on the full disk fails without leaving anything under a backup's name.
    let e = backup::daily(&j, date("2024-06-01")).unwrap_err();
    println!("backup on a full disk: {e}");
    assert!(matches!(e, Error::DiskFull | Error::Backup { .. } | Error::Io { .. }), "{e:?}");
    assert!(backup::list(&path, None).unwrap().is_empty());
    let left: Vec<_> = fs::read_dir(backup::dir(&path)).into_iter().flatten().collect();
    assert!(left.is_empty(), "left behind in backups/: {left:?}");

    // Free some space (the ballast), restart: the journal is whole and logging works again.
    fs::remove_file(&ballast).unwrap();
    drop(j);
    let mut j = Journal::open(&path).unwrap();
    j.check().unwrap();
    assert_eq!(j.days(DateRange::all()).unwrap(), saved);
    let next = day(saved.len() as i64);
    j.save_day(&next).unwrap();
    assert_eq!(j.day(next.date).unwrap().as_ref(), Some(&next));
}
