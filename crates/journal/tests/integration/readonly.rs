//! A journal in a read-only folder. Tests run as root (here and in CI), and root ignores file
//! modes, so `chmod` proves nothing. Instead the test re-executes itself under
//! `unshare -rm` (a private user and mount namespace, no privileges needed) with the folder
//! bind-mounted read-only: the kernel then refuses every write, for root too.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use crate::common::*;
use journal::{Error, Journal};

const CHILD_ENV: &str = "LDN_JOURNAL_RO_CHILD_DIR";
/// Set to 1 where user namespaces are not allowed; the test then says so instead of failing.
const OPT_OUT: &str = "LDN_JOURNAL_NO_UNSHARE";

/// Runs inside the namespace, where the folder is read-only.
#[test]
fn read_only_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let dir = Path::new(&dir);
    assert!(std::fs::write(dir.join("probe"), "x").is_err(), "the folder is not read-only");

    let e = err(Journal::open(dir.join("journal.sqlite3")));
    assert!(matches!(e, Error::ReadOnly { .. }), "existing journal: {e:?}");
    assert!(e.to_string().contains("is read-only"), "{e}");

    let e = err(Journal::open(dir.join("new.sqlite3")));
    assert!(matches!(e, Error::ReadOnly { .. }), "new journal: {e:?}");

    let e = err(Journal::open(dir.join("sub").join("new.sqlite3")));
    assert!(matches!(e, Error::ReadOnly { .. }), "new journal in a new folder: {e:?}");
    println!("read-only checks passed");
}

fn unshare_works() -> bool {
    Command::new("unshare").args(["-rm", "true"]).status().is_ok_and(|s| s.success())
}

#[test]
fn a_journal_in_a_read_only_folder_is_refused_untouched() {
    if !unshare_works() {
        assert!(
            std::env::var(OPT_OUT).is_ok_and(|v| v == "1"),
            "`unshare -rm` does not work here, so the read-only folder cannot be tested; \
             allow user namespaces or set {OPT_OUT}=1 to skip this test knowingly"
        );
        eprintln!("read-only folder test skipped: {OPT_OUT}=1");
        return;
    }
    let (tmp, path) = demo_file(60, "2025-06-01");
    let dir = tmp.path();
    let before = files(dir);
    assert_eq!(before.len(), 1, "only the journal, WAL folded in: {:?}", before.keys());
    let out = Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"",
        ])
        .arg("sh")
        .arg(dir)
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", &test_name(module_path!(), "read_only_child"), "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("read-only checks passed"),
        "child failed: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_unchanged(&before, dir);
    // Outside the namespace the same journal opens normally.
    Journal::open(&path).unwrap().check().unwrap();
}
