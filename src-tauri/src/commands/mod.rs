//! One module per area, one `#[tauri::command]` per use case, each a few lines over the core.

pub mod backup;
pub mod day;
pub mod history;
pub mod questions;
pub mod regimen;
pub mod report;
pub mod settings;
pub mod trends;
