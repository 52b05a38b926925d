//! Shared harness of the CLI tests: runs the built `ldn-journal` on journals in temporary
//! folders and checks exit codes and the one-line errors.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_ldn-journal");

/// A temporary folder with a journal path in it (the file is made by the first command).
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    Env { dir, db }
}

/// The command without a journal: no --db, no LDN_JOURNAL_DB, data directory in `home`.
pub fn bare(home: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.env_remove("LDN_JOURNAL_DB")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home);
    c
}

impl Env {
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = bare(self.dir.path());
        c.arg("--db").arg(&self.db).args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects exit code 1 with exactly one line on stderr, `ldn-journal: <message>`.
    pub fn fails(&self, args: &[&str], message: &str) {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr, format!("ldn-journal: {message}\n"), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} printed {}", String::from_utf8_lossy(&out.stdout));
    }

    /// Runs and expects a usage error from the argument parser (exit code 2) whose first
    /// line says `first_line`.
    pub fn usage(&self, args: &[&str], first_line: &str) {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().next(), Some(first_line), "{args:?}");
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> String {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    }
}
