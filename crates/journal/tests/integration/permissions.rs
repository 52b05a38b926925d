//! A journal is private: its file is 0600, folders it creates are 0700, and SQLite's WAL and
//! shared-memory files are owner-only while the journal is open.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::*;
use journal::Journal;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode() & 0o777
}

fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

#[test]
fn new_journal_file_and_folders_are_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a").join("b").join("journal.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    assert_eq!(mode(&path), 0o600, "journal file");
    assert_eq!(mode(&tmp.path().join("a")), 0o700, "created folder");
    assert_eq!(mode(&tmp.path().join("a").join("b")), 0o700, "created folder");

    j.save_day(&full_day_without_symptoms("2025-01-01")).unwrap();
    for suffix in ["-wal", "-shm"] {
        assert_eq!(mode(&sibling(&path, suffix)), 0o600, "{suffix} while open");
    }
    drop(j);
    assert_eq!(mode(&path), 0o600, "journal file after closing");
}

#[test]
fn an_existing_folder_keeps_its_mode() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = tmp.path().join("journal.sqlite3");
    Journal::open(&path).unwrap();
    assert_eq!(mode(tmp.path()), 0o755);
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn an_empty_file_made_beforehand_becomes_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("journal.sqlite3");
    std::fs::write(&path, "").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut j = Journal::open(&path).unwrap();
    j.save_day(&full_day_without_symptoms("2025-01-01")).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        assert_eq!(mode(&sibling(&path, suffix)), 0o600, "{suffix}");
    }
}

#[test]
fn files_stay_owner_only_through_checkpoints() {
    // Enough writes for SQLite to checkpoint the WAL into the main file.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("journal.sqlite3");
    let mut j = Journal::open(&path).unwrap();
    journal::demo::fill(&mut j, 400, 3, date("2025-01-01")).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        assert_eq!(mode(&sibling(&path, suffix)), 0o600, "{suffix}");
    }
}

fn full_day_without_symptoms(d: &str) -> journal::Day {
    let mut day = full_day(d);
    day.scores.clear();
    day
}
