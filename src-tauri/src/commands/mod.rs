//! One module per area, one `#[tauri::command]` per use case, each a few lines over the core.
//!
//! Commands that read a whole range and can take a few hundred milliseconds on a large journal
//! (history, trends, the PDF and FHIR exports), and every command that touches a backup file,
//! opens a file dialog or replaces the journal (backups, back_up_now, choose_backup,
//! restore_backup, delete_everything, and the encryption commands of `lock`), are `async`: Tauri runs them off the window's main
//! thread, so the window keeps painting meanwhile. The long reads and `back_up_now` read on
//! their own connection ([`AppState::read`]), so a save meanwhile does not wait for them;
//! restore and delete everything go through [`AppState::replace`]. The other commands
//! (`daily_backup` too, which only reads the kept outcome) stay synchronous: they are quick,
//! and the main thread runs them in the order the UI sent them, which keeps a draft write from
//! landing after the save that replaced it.

pub mod backup;
pub mod context;
pub mod day;
pub mod desktop;
pub mod history;
pub mod lock;
pub mod questions;
pub mod regimen;
pub mod report;
pub mod search;
pub mod settings;
pub mod supply;
pub mod trends;

use std::path::Path;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Writes a file the user chose in the save dialog, whole and owner-only, never over the
/// journal, its working files or its backups ([`journal::files::write_export`]).
fn write_export(state: &AppState, path: &Path, bytes: &[u8]) -> IpcResult<()> {
    // The journal's path even when it could not be opened (the reminder's calendar file needs
    // no journal, and must still never land on it).
    let journal = state.path().ok_or_else(|| IpcError::Unavailable("no journal is open".into()))?;
    Ok(journal::files::write_export(journal, path, bytes)?)
}
