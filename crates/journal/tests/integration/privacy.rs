//! Privacy promises: "delete everything" leaves nothing of the old journal behind, and every
//! file of a journal is readable by its owner only.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use journal::{Day, Journal};

const SECRET: &str = "zebra-marmalade-secret";

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A journal with a few days, a note only it contains, and an open WAL.
fn journal_with_data(dir: &Path) -> Journal {
    let mut j = Journal::open(dir.join("journal.sqlite3")).unwrap();
    for d in ["2025-01-01", "2025-01-02", "2025-01-03"] {
        let mut day = Day::new(date(d));
        day.notes = format!("{SECRET} {d}");
        day.wellbeing = Some(6);
        j.save_day(&day).unwrap();
    }
    j
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
            out.push(p);
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn wipe_leaves_no_file_of_the_old_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let j = journal_with_data(tmp.path());
    let path = j.path().to_path_buf();
    // Old backups and a leftover half restore, as they would be after some use.
    let backups = journal::backup::dir(&path);
    journal::backup::daily(&j, date("2025-01-02")).unwrap().unwrap();
    journal::backup::before_change(&j, journal::backup::Kind::BeforeImport).unwrap();
    fs::write(backups.join("journal-2025-01-03.sqlite3.partial"), SECRET).unwrap();
    fs::write(format!("{}.restoring", path.display()), SECRET).unwrap();
    assert!(Path::new(&format!("{}-wal", path.display())).exists(), "the test needs a WAL to exist");

    let j = journal::wipe(j).unwrap();

    assert_eq!(j.check().unwrap().days, 0, "the fresh journal is empty");
    let left = files(tmp.path());
    let names: Vec<String> = left.iter().map(|p| p.strip_prefix(tmp.path()).unwrap().display().to_string()).collect();
    for n in &names {
        assert!(n.starts_with("journal.sqlite3"), "unexpected file after wipe: {n} (all: {names:?})");
        assert!(!n.contains("restoring") && !n.starts_with("backups"), "{n} survived the wipe");
    }
    for p in left.iter().filter(|p| p.is_file()) {
        assert!(!contains(&fs::read(p).unwrap(), SECRET.as_bytes()), "{} still holds old data", p.display());
    }
    drop(j);
    for p in files(tmp.path()).iter().filter(|p| p.is_file()) {
        assert!(!contains(&fs::read(p).unwrap(), SECRET.as_bytes()), "{} holds old data", p.display());
    }
}

#[test]
fn wipe_of_a_journal_that_was_never_written_works() {
    let tmp = tempfile::tempdir().unwrap();
    let j = Journal::open(tmp.path().join("j.sqlite3")).unwrap();
    let j = journal::wipe(j).unwrap();
    assert_eq!(j.check().unwrap().days, 0);
}

#[test]
fn wipe_spares_another_journal_in_the_same_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let real = journal_with_data(tmp.path());
    journal::backup::daily(&real, date("2025-01-03")).unwrap();
    let dev = Journal::open(tmp.path().join("journal-dev.sqlite3")).unwrap();
    journal::backup::daily(&dev, date("2025-01-03")).unwrap();

    let dev = journal::wipe(dev).unwrap();

    assert_eq!(real.check().unwrap().days, 3);
    let kept = journal::backup::list(real.path(), None).unwrap();
    assert_eq!(kept.len(), 1, "the real journal's backup is still there");
    assert!(journal::backup::list(dev.path(), None).unwrap().is_empty());
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn journal_wal_shm_and_backups_are_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    let j = journal_with_data(tmp.path());
    let path = j.path().to_path_buf();
    journal::backup::daily(&j, date("2025-01-03")).unwrap();
    journal::backup::before_change(&j, journal::backup::Kind::BeforeImport).unwrap();
    let out = tmp.path().join("elsewhere.sqlite3");
    journal::backup::to_file(&j, &out).unwrap();

    let mut checked = vec![(path.clone(), 0o600), (out, 0o600), (journal::backup::dir(&path), 0o700)];
    for suffix in ["-wal", "-shm"] {
        checked.push((PathBuf::from(format!("{}{suffix}", path.display())), 0o600));
    }
    for b in journal::backup::list(&path, None).unwrap() {
        checked.push((b.path, 0o600));
    }
    assert_eq!(checked.len(), 7);
    for (p, expected) in &checked {
        assert_eq!(mode(p), *expected, "{}", p.display());
    }

    // What a restore or a wipe leaves is owner-only too.
    let saved = journal::backup::list(&path, None).unwrap().remove(0).path;
    let j = journal::backup::restore(j, &saved).unwrap();
    assert_eq!(mode(j.path()), 0o600, "restored journal");
    let j = journal::wipe(j).unwrap();
    assert_eq!(mode(j.path()), 0o600, "fresh journal after a wipe");
}
