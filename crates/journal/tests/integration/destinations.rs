//! A file the user chose (a backup file here; exports and reports in the CLI's tests) never
//! replaces the journal, its SQLite side files or anything in its backups folder, whichever
//! way the path is spelled: symlinks are followed, a missing file is judged by its folder.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::symlink;

use crate::common::*;
use journal::backup;
use journal::{DateRange, Error};

#[test]
fn a_backup_file_never_overwrites_the_journal_its_side_files_or_its_backups() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-01")).unwrap();
    let daily = backup::daily(&t, date("2025-03-01")).unwrap().unwrap();
    t.save_day(&full_day("2025-03-02")).unwrap(); // in the WAL
    let d = t.dir.path().to_path_buf();
    symlink(&d, d.join("same-folder")).unwrap();
    symlink(&t.path, d.join("alias.sqlite3")).unwrap();
    symlink("journal.sqlite3-journal", d.join("dangling.sqlite3")).unwrap();
    let backups = backup::dir(&t.path);
    let dests = [
        t.path.clone(),
        d.join("journal.sqlite3-wal"),
        d.join("journal.sqlite3-shm"),
        d.join("journal.sqlite3-journal"),
        d.join("journal.sqlite3.restoring"),
        d.join("same-folder").join("journal.sqlite3"),
        d.join("same-folder").join("journal.sqlite3-wal"),
        d.join("alias.sqlite3"),
        d.join("dangling.sqlite3"),
        backups.clone(),
        daily.path.clone(),
        backups.join("new.sqlite3"),
        d.join("same-folder").join("backups").join("x.sqlite3"),
        d.join(".").join("backups").join("..").join("journal.sqlite3"),
    ];
    let before = (files(&d), files(&backups));
    for dest in &dests {
        let e = err(backup::to_file(&t, dest));
        assert!(matches!(e, Error::WouldOverwriteJournal), "{}: {e:?}", dest.display());
        assert!(e.to_string().starts_with("cannot overwrite the journal: "), "{e}");
    }
    assert_eq!((files(&d), files(&backups)), before, "nothing was written");
    assert_eq!(t.days(DateRange::all()).unwrap().len(), 2);
    t.check().unwrap();

    let fine = d.join("copy.sqlite3");
    assert_eq!(backup::to_file(&t, &fine).unwrap().summary.days, 2, "any other file is fine");
    assert!(fs::read_dir(&d).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains(".partial")));
}
