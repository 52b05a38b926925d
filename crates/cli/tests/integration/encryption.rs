//! `encrypt`, `decrypt`, `rekey` and the global `--passphrase-file`.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn encrypt_rekey_and_decrypt_from_the_command_line() {
    let e = env();
    e.ok(&["log", "--date", "2025-03-01", "--wellbeing", "6", "--notes", "Walrus-marker note"]);
    e.ok(&["backup"]);
    let before = e.ok(&["export"]);
    let first = e.write("first.txt", "first passphrase\nignored second line\n");
    let second = e.write("second.txt", "second passphrase\n");

    // No terminal to ask on: the passphrase must come from a file.
    e.fails(
        &["encrypt"],
        "the journal's passphrase is needed: give it with --passphrase-file FILE (there is no terminal to ask on)",
    );
    let out = e.ok(&["encrypt", "--passphrase-file", &first]);
    assert!(out.contains("There is no way to recover a forgotten passphrase"), "{out}");
    let bytes = std::fs::read(&e.db).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3") && !bytes.windows(6).any(|w| w == b"Walrus"));

    let db = e.db.display().to_string();
    e.fails(
        &["show", "2025-03-01"],
        &format!("{db} is locked with a passphrase, or it is damaged; it was left untouched. Unlock it with its passphrase (on the command line: --passphrase-file FILE, or type it when asked)."),
    );
    e.fails(
        &["--passphrase-file", &second, "check"],
        &format!("that passphrase does not open {db}, or the file is damaged; it was left untouched"),
    );
    // The option goes before or after the command.
    assert_eq!(e.ok(&["export", "--passphrase-file", &first]), before);
    assert_eq!(e.ok(&["--passphrase-file", &first, "backups"]).lines().count(), 1);

    e.ok(&["rekey", "--passphrase-file", &first, "--new-passphrase-file", &second]);
    assert!(e.run(&["--passphrase-file", &first, "check"]).status.code() == Some(1));
    assert_eq!(e.ok(&["--passphrase-file", &second, "export"]), before);
    assert_eq!(e.ok(&["--passphrase-file", &second, "backups"]).lines().count(), 1);

    e.ok(&["decrypt", "--passphrase-file", &second]);
    assert!(std::fs::read(&e.db).unwrap().starts_with(b"SQLite format 3"));
    assert_eq!(e.ok(&["export"]), before);
    assert_eq!(e.ok(&["backups"]).lines().count(), 1);
}

#[test]
fn a_locked_journal_without_a_terminal_says_how_to_unlock_it() {
    let e = env();
    e.ok(&["log", "--date", "2025-03-01", "--wellbeing", "6"]);
    let p = e.write("p.txt", "pass\n");
    e.ok(&["encrypt", "--passphrase-file", &p]);
    e.fails(
        &["encrypt", "--passphrase-file", &p],
        "the journal is already encrypted (or damaged); to change its passphrase, use `ldn-journal rekey`",
    );
    let empty = e.write("empty.txt", "");
    e.fails(&["check", "--passphrase-file", &empty], "enter the passphrase");
}
