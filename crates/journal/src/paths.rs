//! Where the journal lives by default. The CLI and the app use the same rules.
//!
//! The app's folders are named for its identifier: `~/.local/share/<APP_ID>/` (the journal, its
//! backups, the web view's storage) and `~/.config/<APP_ID>/` (the desktop settings, the window's
//! size). Releases up to 0.1 used [`OLD_APP_ID`]; [`settle_folders`] moves their folders once.

use std::path::{Path, PathBuf};

/// The app identifier (reverse DNS, without the `.app` ending that macOS reserves for bundles);
/// also the folder name under the platform data and config directories.
pub const APP_ID: &str = "org.ldnjournal.LdnJournal";
/// The identifier of releases up to 0.1, whose folders [`settle_folders`] moves.
pub const OLD_APP_ID: &str = "org.ldnjournal.app";
/// Environment variable that overrides the journal path for both the CLI and the app.
pub const DB_ENV: &str = "LDN_JOURNAL_DB";

/// The journal file name. Debug builds use a separate dev journal so that developing and
/// testing never touch a real one.
pub const FILE_NAME: &str = if cfg!(debug_assertions) { "journal-dev.sqlite3" } else { "journal.sqlite3" };

/// Left in the new folder once the user was told that an old one is still there.
const TOLD: &str = ".old-folder-reported";

/// `$LDN_JOURNAL_DB` if set, else `<data dir>/<APP_ID>/journal.sqlite3`
/// (on Linux `~/.local/share/...`, following XDG).
pub fn default_journal() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    Some(dirs::data_dir()?.join(APP_ID).join(FILE_NAME))
}

/// Moves the folders of releases that used [`OLD_APP_ID`] to [`APP_ID`]'s, in the data and
/// config directories, before anything opens them (see [`settle_folder`]). Returns what the
/// user should be told, if anything. Nothing happens when `$LDN_JOURNAL_DB` names the journal.
pub fn settle_folders() -> Vec<String> {
    if std::env::var_os(DB_ENV).is_some_and(|p| !p.is_empty()) {
        return Vec::new();
    }
    [dirs::data_dir(), dirs::config_dir()].into_iter().flatten().filter_map(|base| settle_folder(&base)).collect()
}

/// Under `base`: when only the old folder exists, renames it to the new name (one rename, so
/// the journal, its backups and everything beside them move whole, byte for byte). When both
/// exist, the new one is used and neither is touched (never merged, never deleted); that is
/// said once, the first time. Returns the sentence to show, if any.
pub fn settle_folder(base: &Path) -> Option<String> {
    let (old, new) = (base.join(OLD_APP_ID), base.join(APP_ID));
    match (old.is_dir(), new.is_dir()) {
        (true, false) => match std::fs::rename(&old, &new) {
            Ok(()) => None,
            Err(e) => Some(format!(
                "LDN Journal could not move its folder {} to {} ({e}); move it yourself, then start LDN Journal again",
                old.display(),
                new.display()
            )),
        },
        (true, true) if !new.join(TOLD).exists() => {
            // Remembered even if the note cannot be written: then it is said again next time.
            let _ = std::fs::write(new.join(TOLD), format!("{}\n", old.display()));
            Some(format!(
                "An older LDN Journal folder is still at {}; LDN Journal uses {}. Nothing was merged or deleted: \
                 look through the old folder, then move or delete it yourself",
                old.display(),
                new.display()
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn an_old_folder_alone_moves_whole() {
        let base = tempfile::tempdir().unwrap();
        let old = base.path().join(OLD_APP_ID);
        std::fs::create_dir_all(old.join("backups")).unwrap();
        std::fs::write(old.join("journal.sqlite3"), b"journal bytes").unwrap();
        std::fs::write(old.join("backups/journal-2026-12-01-n1.sqlite3"), b"backup bytes").unwrap();
        let before = tree(&old);
        assert_eq!(settle_folder(base.path()), None);
        assert!(!old.exists());
        assert_eq!(tree(&base.path().join(APP_ID)), before, "byte-identical, backups included");
        assert_eq!(settle_folder(base.path()), None, "nothing more to do");
    }

    #[test]
    fn with_both_folders_the_new_one_is_used_and_that_is_said_once() {
        let base = tempfile::tempdir().unwrap();
        let (old, new) = (base.path().join(OLD_APP_ID), base.path().join(APP_ID));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(old.join("journal.sqlite3"), b"old").unwrap();
        std::fs::write(new.join("journal.sqlite3"), b"new").unwrap();
        let said = settle_folder(base.path()).unwrap();
        assert!(said.contains("Nothing was merged or deleted"), "{said}");
        assert_eq!(settle_folder(base.path()), None, "said once");
        assert_eq!(std::fs::read(old.join("journal.sqlite3")).unwrap(), b"old");
        assert_eq!(std::fs::read(new.join("journal.sqlite3")).unwrap(), b"new");
    }

    #[test]
    fn no_old_folder_changes_nothing() {
        let base = tempfile::tempdir().unwrap();
        assert_eq!(settle_folder(base.path()), None);
        assert!(!base.path().join(APP_ID).exists(), "the folder is made when the journal is");
    }
}
