//! Shared harness of the journal's integration tests: real journal files in temporary
//! folders, a day that uses every field, and byte-exact snapshots of a folder's files.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use journal::{
    Catalog, Day, Dose, Dreams, Formulation, Journal, Micrograms, Score, Severity, SideEffectEntry, Sleep, Vividness,
};
use tempfile::TempDir;

/// A journal in its own temporary folder (removed when dropped).
pub struct TestJournal {
    pub dir: TempDir,
    pub path: PathBuf,
    pub j: Journal,
}

impl std::ops::Deref for TestJournal {
    type Target = Journal;
    fn deref(&self) -> &Journal {
        &self.j
    }
}

impl std::ops::DerefMut for TestJournal {
    fn deref_mut(&mut self) -> &mut Journal {
        &mut self.j
    }
}

/// A new, empty journal (the default side-effect list, no symptoms).
pub fn empty() -> TestJournal {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let j = Journal::open(&path).unwrap();
    TestJournal { dir, path, j }
}

/// A journal with the symptoms "Pain" (id 1) and "Fatigue" (id 2).
pub fn with_symptoms() -> TestJournal {
    let mut t = empty();
    assert_eq!(t.add_item(Catalog::Symptoms, "Pain", "").unwrap().id, PAIN);
    assert_eq!(t.add_item(Catalog::Symptoms, "Fatigue", "").unwrap().id, FATIGUE);
    t
}

pub const PAIN: u32 = 1;
pub const FATIGUE: u32 = 2;
/// Ids of the default side-effect list of a new journal.
pub const VIVID_DREAMS: u32 = 1;
pub const INSOMNIA: u32 = 2;
pub const HEADACHE: u32 = 3;

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

pub fn taken(ug: u32, at: &str) -> Dose {
    Dose::Taken {
        time: Some(time(at)),
        amount: Micrograms(ug),
        formulation: Formulation::Capsule,
        note: String::new(),
        measured: None,
    }
}

/// A day with every field filled, for a journal made by [`with_symptoms`].
pub fn full_day(d: &str) -> Day {
    Day {
        date: date(d),
        doses: vec![
            taken(1500, "22:00"),
            Dose::Missed { time: Some(time("08:00")), reason: "forgot".into() },
            Dose::Taken {
                time: None,
                amount: Micrograms(125),
                formulation: Formulation::Liquid,
                note: "top-up".into(),
                measured: None,
            },
        ],
        scores: vec![Score { symptom: PAIN, value: 0 }, Score { symptom: FATIGUE, value: 7 }],
        wellbeing: Some(6),
        sleep: Sleep { bedtime: Some(time("23:15")), wake: Some(time("06:45")), quality: Some(3), awakenings: Some(2) },
        dreams: Dreams { vivid: Some(Vividness::Very), nightmare: Some(false), notes: "flying".into() },
        side_effects: vec![
            SideEffectEntry { side_effect: VIVID_DREAMS, severity: Severity::Moderate },
            SideEffectEntry { side_effect: INSOMNIA, severity: Severity::Absent },
        ],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: "a normal day".into(),
    }
}

/// Every file of a folder (not recursive) with its bytes, to prove nothing was changed.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Asserts that a folder holds exactly the same files with the same bytes as before.
pub fn assert_unchanged(before: &BTreeMap<String, Vec<u8>>, dir: &Path) {
    let after = files(dir);
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "files in {}", dir.display());
    for (name, bytes) in before {
        assert!(after[name] == *bytes, "{name} was modified");
    }
}

/// Closes a journal so SQLite folds the WAL back into the main file and removes it.
pub fn close(t: TestJournal) -> (TempDir, PathBuf) {
    drop(t.j);
    (t.dir, t.path)
}

/// A journal with `n` days of demo data ending at `end`, closed (everything in the main file).
pub fn demo_file(n: u32, end: &str) -> (TempDir, PathBuf) {
    let mut t = empty();
    journal::demo::fill(&mut t.j, n, 7, date(end)).unwrap();
    close(t)
}

/// Runs `f` with the journal's error, failing the test if `r` succeeded.
pub fn err<T: std::fmt::Debug>(r: journal::Result<T>) -> journal::Error {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

/// The libtest name of test `name` in the module at `module_path` (pass `module_path!()`), for
/// a child process that re-runs just that test with `--exact`: libtest leaves out the crate.
pub fn test_name(module_path: &str, name: &str) -> String {
    match module_path.split_once("::") {
        Some((_crate, module)) => format!("{module}::{name}"),
        None => name.to_owned(),
    }
}

/// The id of the event kind `name`, added when the journal does not have it.
pub fn event_kind(t: &mut TestJournal, name: &str) -> u32 {
    match t.find_item(Catalog::EventKinds, name).unwrap() {
        Some(item) => item.id,
        None => t.add_item(Catalog::EventKinds, name, "").unwrap().id,
    }
}
