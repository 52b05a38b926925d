//! Where the journal lives by default. The CLI and the app use the same rules.

use std::path::PathBuf;

/// The app identifier; also the folder name under the platform data directory.
pub const APP_ID: &str = "org.ldnjournal.app";
/// Environment variable that overrides the journal path for both the CLI and the app.
pub const DB_ENV: &str = "LDN_JOURNAL_DB";

/// The journal file name. Debug builds use a separate dev journal so that developing and
/// testing never touch a real one.
pub const FILE_NAME: &str = if cfg!(debug_assertions) { "journal-dev.sqlite3" } else { "journal.sqlite3" };

/// `$LDN_JOURNAL_DB` if set, else `<data dir>/org.ldnjournal.app/journal.sqlite3`
/// (on Linux `~/.local/share/...`, following XDG).
pub fn default_journal() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    Some(dirs::data_dir()?.join(APP_ID).join(FILE_NAME))
}
