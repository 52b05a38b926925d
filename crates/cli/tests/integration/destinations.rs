//! `export`, `report`, `chart` and `backup -o` never write over the journal, its side files
//! or its backups, and never through a symlink planted at a temporary name.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::symlink;

use crate::common::*;

const REFUSED: &str = "cannot overwrite the journal: that file is the journal itself, one of its working files or in its backups folder. Nothing was written; choose another name or folder.";

#[test]
fn exports_reports_and_backup_files_refuse_the_journal_and_its_backups() {
    let e = env();
    e.ok(&["demo", "--days", "20"]);
    e.ok(&["backup"]);
    let backups = e.path("backups");
    symlink(&e.db, e.path("alias.json")).unwrap();
    let db = e.db.to_str().unwrap().to_string();
    let dests = [
        db.clone(),
        format!("{db}-wal"),
        format!("{db}-shm"),
        e.path("alias.json").to_str().unwrap().to_string(),
        backups.join("export.json").to_str().unwrap().to_string(),
        backups.to_str().unwrap().to_string(),
    ];
    let check = e.ok(&["check"]);
    let before = (std::fs::read(&e.db).unwrap(), files(&backups));
    for d in &dests {
        for args in [
            &["export", "--format", "json", "-o", d][..],
            &["export", "--format", "csv", "-o", d],
            &["export", "--format", "fhir", "-o", d],
            &["report", "-o", d],
            &["chart", "sleep", "-o", d],
            &["backup", "-o", d],
        ] {
            e.fails(args, REFUSED);
        }
    }
    assert_eq!((std::fs::read(&e.db).unwrap(), files(&backups)), before, "nothing was written");
    assert_eq!(e.ok(&["check"]), check);
}

#[test]
fn an_export_never_writes_through_a_symlink_at_its_temporary_name() {
    let e = env();
    e.ok(&["demo", "--days", "5"]);
    let victim = e.write("victim.txt", "mine");
    let out = e.path("out.json");
    symlink(&victim, e.path("out.json.partial")).unwrap();
    e.ok(&["export", "-o", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine", "the planted link was followed");
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"format\": \"ldn-journal\""));
    let left: Vec<_> = std::fs::read_dir(e.dir.path())
        .unwrap()
        .map(|d| d.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial") && n != "out.json.partial")
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// Every file of a folder with its bytes.
fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|d| d.unwrap())
        .map(|d| (d.file_name().to_string_lossy().into_owned(), std::fs::read(d.path()).unwrap()))
        .collect();
    v.sort();
    v
}
