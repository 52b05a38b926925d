//! The prescribed regimen, exactly as the user enters it from their prescriber.

use journal::entry::PeriodEntry;
use journal::view::PeriodView;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Every period, oldest first, as the list shows it.
#[tauri::command]
pub fn regimen(state: State<'_, AppState>) -> IpcResult<Vec<PeriodView>> {
    state.with(|j| Ok(PeriodView::list(&j.regimen()?)))
}

/// Adds (id 0) or replaces a period from its form; ending one is saving it with an end date.
#[tauri::command]
pub fn save_regimen_period(state: State<'_, AppState>, period: PeriodEntry) -> IpcResult<PeriodEntry> {
    state.with(|j| Ok(PeriodEntry::from_period(&j.save_period_entry(&period)?)))
}

#[tauri::command]
pub fn delete_regimen_period(state: State<'_, AppState>, id: u32) -> IpcResult<()> {
    state.with(|j| j.delete_regimen_period(id))
}
