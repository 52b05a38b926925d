//! The LDN supply: the fills, each as its form and a line, and the fillers used before.

use journal::FillId;
use journal::entry::FillEntry;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// A fill as the Supply screen lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FillView {
    pub entry: FillEntry,
    /// "liquid 1 mg/mL, Riverside, filler glycerin base, batch L-7".
    pub line: String,
}

/// The fills in the order they came into use, and the fillers or bases of earlier fills
/// (suggestions for a new one).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Supply {
    pub fills: Vec<FillView>,
    pub fillers: Vec<String>,
}

#[tauri::command]
pub fn supply(state: State<'_, AppState>) -> IpcResult<Supply> {
    state.with(|j| {
        let fills = j.fills()?.iter().map(|f| FillView { entry: FillEntry::from_fill(f), line: f.line() }).collect();
        Ok(Supply { fills, fillers: j.fillers()? })
    })
}

/// Adds (id 0) or replaces a fill; doses already measured from it keep their micrograms.
#[tauri::command]
pub fn save_fill(state: State<'_, AppState>, fill: FillEntry) -> IpcResult<FillEntry> {
    state.with(|j| j.save_fill_entry(&fill))
}

/// Deletes a fill no dose was measured from; returns its form so the UI can offer undo.
#[tauri::command]
pub fn delete_fill(state: State<'_, AppState>, id: FillId) -> IpcResult<FillEntry> {
    state.with(|j| Ok(FillEntry::from_fill(&j.delete_fill(id)?)))
}
