//! Encryption at rest: what is on disk after `encrypt`, how an encrypted journal is refused
//! and opened, and that turning it on, changing the passphrase and turning it off keep every
//! entry and every backup.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::common::*;
use journal::encryption::{decrypt, encrypt, rekey};
use journal::exchange::export_json;
use journal::{DateRange, Error, Journal, Passphrase, backup};

const NOTE: &str = "Zanzibar-marker: told my sister about the dreams";
const LATER_NOTE: &str = "Quokka-marker: a note written after locking";

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.to_owned()).unwrap()
}

/// A journal with demo days, one day whose note is [`NOTE`], and two backups.
fn journal_with_note() -> TestJournal {
    journal_of(200)
}

/// [`journal_with_note`] with `days` demo days.
fn journal_of(days: u32) -> TestJournal {
    let mut t = with_symptoms();
    journal::demo::fill(&mut t.j, days, 3, date("2025-06-30")).unwrap();
    let mut day = full_day("2025-07-01");
    day.notes = NOTE.into();
    t.save_day(&day).unwrap();
    backup::now(&t.j, date("2025-07-01")).unwrap();
    backup::before_change(&t.j, backup::Kind::BeforeImport).unwrap();
    t
}

fn json(j: &Journal) -> String {
    export_json(j, DateRange::all()).unwrap()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every file in the journal's folder and its backups folder, with its bytes.
fn all_files(journal: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [journal.parent().unwrap().to_path_buf(), backup::dir(journal)] {
        for (name, bytes) in files(&dir) {
            out.push((name, bytes));
        }
    }
    out
}

#[test]
fn encrypting_leaves_no_text_on_disk_and_keeps_every_entry() {
    let t = journal_with_note();
    let before = json(&t.j);
    let path = t.path.clone();
    let dir = t.dir;
    assert!(all_files(&path).iter().any(|(_, b)| contains(b, NOTE)), "the note is on disk before");

    let mut j = encrypt(t.j, &pass("correct horse battery staple")).unwrap();
    assert!(j.is_encrypted());
    assert_eq!(json(&j), before);
    // A day saved afterwards goes to the WAL while the journal is open: encrypted too.
    let mut day = full_day("2025-07-02");
    day.notes = LATER_NOTE.into();
    j.save_day(&day).unwrap();
    let on_disk = all_files(&path);
    assert!(on_disk.iter().any(|(n, _)| n.ends_with("-wal")), "the WAL is there while the journal is open");
    for (name, bytes) in &on_disk {
        assert!(!contains(bytes, NOTE) && !contains(bytes, LATER_NOTE), "{name} holds a note in clear");
        if name.ends_with(".sqlite3") {
            assert!(!bytes.starts_with(b"SQLite format 3"), "{name} starts with the SQLite header");
        }
    }
    // The backups were rewritten with the journal's key and list as before, and a fresh
    // encrypted backup of today was made.
    let listed = backup::list(&path, j.key()).unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    let today = chrono::Local::now().date_naive().to_string();
    assert!(listed[0].name.contains(&today), "{listed:?}");
    assert!(backup::list(&path, None).unwrap().is_empty());
    drop((j, dir));
}

#[test]
fn an_encrypted_journal_is_refused_untouched_without_its_passphrase() {
    let t = journal_with_note();
    let (dir, path) = (t.dir, t.path.clone());
    drop(encrypt(t.j, &pass("open sesame")).unwrap());
    let folder = files(dir.path());

    let e = err(Journal::open(&path));
    assert!(matches!(e, Error::Locked { .. }), "{e:?}");
    assert!(e.to_string().contains("is locked with a passphrase, or it is damaged"), "{e}");
    assert!(e.user_message().starts_with("this journal is locked with a passphrase, or it is damaged"));
    assert_unchanged(&folder, dir.path());

    let e = err(Journal::unlock(&path, &pass("open sesame!")));
    assert!(matches!(e, Error::WrongPassphrase { .. }), "{e:?}");
    assert!(e.to_string().starts_with("that passphrase does not open"), "{e}");
    assert_eq!(
        e.user_message(),
        "that passphrase does not open this journal, or the file is damaged; it was left untouched"
    );
    assert_unchanged(&folder, dir.path());

    // A plain file of another program and a text file keep their own message.
    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "my diary\n".repeat(512)).unwrap();
    assert!(matches!(err(Journal::unlock(&text, &pass("x"))), Error::NotAJournal { .. }));

    let j = Journal::unlock(&path, &pass("open sesame")).unwrap();
    assert!(j.days(DateRange::all()).unwrap().iter().any(|d| d.notes == NOTE));
}

#[test]
fn a_passphrase_is_never_empty_nor_shown() {
    let e = err(Passphrase::new(String::new()));
    assert!(matches!(&e, Error::Invalid(f) if f[0].field == "passphrase"), "{e:?}");
    let e = err(Passphrase::new("x".repeat(journal::MAX_PASSPHRASE_BYTES + 1)));
    assert!(matches!(&e, Error::Invalid(f) if f[0].field == "passphrase"), "{e:?}");
    let p = pass("hunter2 secret");
    assert!(!format!("{p:?}").contains("hunter2"));
    let t = with_symptoms();
    let j = encrypt(t.j, &p).unwrap();
    assert!(!format!("{j:?}").contains("hunter2"));
    let key = j.key().unwrap();
    assert!(key.opened_by(&p), "the passphrase gives the journal's key");
    assert!(!key.opened_by(&pass("hunter2 secreT")));
}

#[test]
fn rekeying_and_decrypting_keep_the_journal_and_its_backups() {
    let t = journal_with_note();
    let before = json(&t.j);
    let days = t.days(DateRange::all()).unwrap().len();
    let (dir, path) = (t.dir, t.path.clone());
    let j = encrypt(t.j, &pass("first passphrase")).unwrap();
    let j = rekey(j, &pass("second passphrase")).unwrap();
    assert_eq!(json(&j), before);
    assert_eq!(backup::list(&path, j.key()).unwrap().len(), 3, "the two rewritten, and today's");
    drop(j);
    assert!(matches!(err(Journal::unlock(&path, &pass("first passphrase"))), Error::WrongPassphrase { .. }));

    let j = Journal::unlock(&path, &pass("second passphrase")).unwrap();
    // A backup of the encrypted journal restores with the journal's key.
    let newest = backup::list(&path, j.key()).unwrap().remove(0);
    let j = backup::restore(j, &newest.path).unwrap();
    assert!(j.is_encrypted());
    assert_eq!(json(&j), before);

    let j = decrypt(j).unwrap();
    assert!(!j.is_encrypted());
    assert_eq!(json(&j), before);
    let listed = backup::list(&path, None).unwrap();
    assert!(listed.len() >= 2, "{listed:?}");
    drop(j);
    // Plain SQLite again: the sqlite3 shell reads it.
    let out = std::process::Command::new("sqlite3").arg(&path).arg("SELECT count(*) FROM day").output();
    if let Ok(out) = out {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), days.to_string());
    }
    drop(dir);
}

#[test]
fn a_plain_backup_restored_into_an_encrypted_journal_is_encrypted() {
    let t = journal_with_note();
    let before = json(&t.j);
    let (dir, path) = (t.dir, t.path.clone());
    let outside = dir.path().join("elsewhere.sqlite3");
    backup::to_file(&t.j, &outside).unwrap();
    let j = encrypt(t.j, &pass("pass phrase")).unwrap();
    let j = backup::restore(j, &outside).unwrap();
    assert!(j.is_encrypted());
    assert_eq!(json(&j), before);
    drop(j);
    assert!(!std::fs::read(&path).unwrap().starts_with(b"SQLite format 3"));
}

#[test]
fn the_passphrase_file_is_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("pass.txt");
    std::fs::write(&f, "line one\r\nline two\n").unwrap();
    let t = with_symptoms();
    let path = t.path.clone();
    drop(encrypt(t.j, &Passphrase::from_file(&f).unwrap()).unwrap());
    Journal::unlock(&path, &pass("line one")).unwrap();
    std::fs::write(&f, "\n").unwrap();
    assert!(matches!(err(Passphrase::from_file(&f)), Error::Invalid(_)));
}

/// Set in the child's environment: the journal it turns encryption on and off in.
const CHILD_DB: &str = "LDN_JOURNAL_ENCRYPTION_CHILD_DB";
const FIRST: &str = "first passphrase";
const SECOND: &str = "second passphrase";
/// What the child prints each time a conversion is done.
const CONVERTED: &str = "converted";

/// How the journal at `path` opens now: plain, or with one of the two passphrases.
fn open_any(path: &Path) -> (Journal, &'static str) {
    match Journal::open(path) {
        Ok(j) => (j, "plain"),
        Err(Error::Locked { .. }) => match Journal::unlock(path, &pass(FIRST)) {
            Ok(j) => (j, FIRST),
            Err(Error::WrongPassphrase { .. }) => (Journal::unlock(path, &pass(SECOND)).unwrap(), SECOND),
            Err(e) => panic!("{e:?}"),
        },
        Err(e) => panic!("{e:?}"),
    }
}

/// The child: encrypts, re-keys and decrypts the journal, round and round, until killed.
#[test]
fn encryption_child() {
    let Some(path) = std::env::var_os(CHILD_DB) else { return };
    let path = std::path::PathBuf::from(path);
    loop {
        let (j, state) = open_any(&path);
        let _ = match state {
            "plain" => encrypt(j, &pass(FIRST)),
            FIRST => rekey(j, &pass(SECOND)),
            _ => decrypt(j),
        }
        .unwrap();
        println!("{CONVERTED}");
    }
}

/// Kills the child at random moments: every time, the journal opens (plain or with one of
/// the passphrases) and holds exactly what it held, and every backup opens with its key.
#[test]
fn a_kill_while_encrypting_leaves_the_old_journal_or_the_new_one() {
    let t = journal_of(30);
    let expected = json(&t.j);
    let (dir, path) = (t.dir, t.path.clone());
    drop(t.j);
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    let mut states = std::collections::BTreeSet::new();
    for round in 0..8 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", &test_name(module_path!(), "encryption_child"), "--nocapture", "--test-threads=1"])
            .env(CHILD_DB, &path)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // One or two conversions done (so the state moves on whatever the machine's speed),
        // then a kill at a random moment of the next one.
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
        let mut done = 0;
        while done < 1 + (seed >> 40) % 2 {
            let line = lines.next().expect("the child stopped").unwrap();
            done += u64::from(line == CONVERTED);
        }
        std::thread::sleep(std::time::Duration::from_millis((seed >> 33) % 1500));
        child.kill().unwrap();
        child.wait().unwrap();
        let (j, state) = open_any(&path);
        states.insert(state);
        assert_eq!(json(&j), expected, "round {round}: the journal ({state}) changed");
        j.check().unwrap();
        let backups = backup_files(&path);
        // Opening finished whatever the kill left undone: every backup opens with the
        // journal's own key (or plain, with a plain journal).
        for b in &backups {
            let opened = backup::inspect(b, j.key());
            assert!(
                opened.is_ok(),
                "round {round}: {} does not open as the journal ({state}): {opened:?}",
                b.display()
            );
        }
        assert!(backups.len() >= 2, "round {round}: backups lost: {backups:?}");
    }
    assert!(states.len() >= 2, "the kills all landed in one state: {states:?}");
    drop(dir);
}

/// The files under a backup's name in the journal's backups folder.
fn backup_files(journal: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(backup::dir(journal))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .collect();
    out.sort();
    out
}

/// The journal is a standard SQLCipher 4 database: the passphrase alone opens it, as the
/// `sqlcipher` shell would (`PRAGMA key = 'passphrase'`).
#[test]
fn any_sqlcipher_tool_opens_the_journal_with_the_passphrase() {
    let t = with_symptoms();
    let path = t.path.clone();
    drop(encrypt(t.j, &pass("it's a \"quoted\" passphrase")).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", "it's a \"quoted\" passphrase").unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM symptom", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}
