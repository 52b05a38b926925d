//! The prescribed regimen, exactly as the user enters it from their prescriber.

use journal::RegimenPeriod;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn regimen(state: State<'_, AppState>) -> IpcResult<Vec<RegimenPeriod>> {
    state.with(|j| j.regimen())
}

/// Adds (id 0) or replaces a period; ending one is saving it with an `until` date.
#[tauri::command]
pub fn save_regimen_period(state: State<'_, AppState>, period: RegimenPeriod) -> IpcResult<RegimenPeriod> {
    state.with(|j| j.save_regimen_period(&period))
}

#[tauri::command]
pub fn delete_regimen_period(state: State<'_, AppState>, id: u32) -> IpcResult<()> {
    state.with(|j| j.delete_regimen_period(id))
}
