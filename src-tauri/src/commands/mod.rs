//! One module per area, one `#[tauri::command]` per use case, each a few lines over the core.
//!
//! Commands that read a whole range and can take a few hundred milliseconds on a large journal
//! (history, trends, the PDF and FHIR exports), and every command that touches a backup or a
//! file the user picks, are `async`: Tauri runs them off the window's main thread, so the window
//! keeps painting meanwhile, and they read on their own connection ([`AppState::read`]), so a
//! save meanwhile does not wait for them. The other commands stay synchronous: they are quick,
//! and the main thread runs them in the order the UI sent them, which keeps a draft write from
//! landing after the save that replaced it.

pub mod backup;
pub mod day;
pub mod history;
pub mod questions;
pub mod regimen;
pub mod report;
pub mod settings;
pub mod trends;

use std::path::Path;

use crate::error::IpcResult;
use crate::state::AppState;

/// Writes a file the user chose in the save dialog, whole and owner-only, never over the
/// journal, its working files or its backups ([`journal::files::write_export`]).
fn write_export(state: &AppState, path: &Path, bytes: &[u8]) -> IpcResult<()> {
    Ok(journal::files::write_export(state.open_path()?, path, bytes)?)
}
