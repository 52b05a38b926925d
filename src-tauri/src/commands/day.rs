//! The day view: open a day (with its prescription and any unsaved draft), save, draft, delete.

use chrono::NaiveDate;
use journal::store::{Draft, StoredDay};
use journal::{Catalog, CatalogItem, Day, RegimenPeriod};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// Everything the day view needs for one date.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DayView {
    pub date: NaiveDate,
    /// The day as saved, or null when nothing is logged yet.
    pub saved: Option<Day>,
    /// The revision of the saved day, given back by the save so that a save over a change
    /// made meanwhile (another window, the command line) is refused; null when not logged.
    pub revision: Option<u32>,
    /// Unsaved edits from an earlier session, if any.
    pub draft: Option<Draft>,
    /// The regimen period in force that day, as the user entered it.
    pub prescribed: Option<RegimenPeriod>,
    /// The symptom and side-effect lists (archived items too, for days that used them), so
    /// one call opens a day.
    pub symptoms: Vec<CatalogItem>,
    pub side_effects: Vec<CatalogItem>,
}

#[tauri::command]
pub fn open_day(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<DayView> {
    state.with(|j| {
        let regimen = j.regimen()?;
        let prescribed = journal::periods::prescribed_on(&regimen, date).cloned();
        let stored = j.stored_day(date)?;
        Ok(DayView {
            date,
            revision: stored.as_ref().map(|s| s.revision),
            saved: stored.map(|s| s.day),
            draft: j.draft(date)?,
            prescribed,
            symptoms: j.catalog(Catalog::Symptoms)?,
            side_effects: j.catalog(Catalog::SideEffects)?,
        })
    })
}

/// Validates and stores the day; its draft goes in the same transaction. `revision` is the one
/// the form was opened at (null: the day was not logged then); if the day changed since, the
/// save is refused (`stale`) and nothing changes.
#[tauri::command]
pub fn save_day(state: State<'_, AppState>, day: Day, revision: Option<u32>) -> IpcResult<StoredDay> {
    state.with(|j| j.save_day_at(&day, revision))
}

/// Keeps unsaved edits: the day as far as it parses, the editor's text as typed, and the
/// revision the form was opened at (so the draft, saved later, is refused if the day changed).
#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, day: Day, form: Option<String>, opened: Option<u32>) -> IpcResult<()> {
    state.with(|j| j.save_draft(&day, form.as_deref(), opened))
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<()> {
    state.with(|j| j.discard_draft(date))
}

/// Deletes the day and returns what it held, so the UI can offer undo (by saving it again).
#[tauri::command]
pub fn delete_day(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<Option<Day>> {
    state.with(|j| j.delete_day(date))
}
