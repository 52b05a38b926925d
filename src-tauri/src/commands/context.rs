//! The record's context: other medications, events and measures (the event kinds are a
//! catalog, edited with the catalog commands).

use chrono::NaiveDate;
use journal::{Event, Measure, Medication, MedicationId};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// Every medication entry, current and past.
#[tauri::command]
pub fn medications(state: State<'_, AppState>) -> IpcResult<Vec<Medication>> {
    state.with(|j| j.medications())
}

/// Adds (id 0) or replaces a medication entry.
#[tauri::command]
pub fn save_medication(state: State<'_, AppState>, medication: Medication) -> IpcResult<Medication> {
    state.with(|j| j.save_medication(&medication))
}

/// A new dose of a medication from a day on.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DoseChange {
    pub id: MedicationId,
    pub dose: String,
    pub from: NaiveDate,
}

/// Ends the entry the day before `from` and starts the next at the new dose.
#[tauri::command]
pub fn change_medication_dose(state: State<'_, AppState>, request: DoseChange) -> IpcResult<Medication> {
    state.with(|j| j.change_medication_dose(request.id, &request.dose, request.from))
}

/// Deletes an entry nothing was logged against; returns it so the UI can offer undo.
#[tauri::command]
pub fn delete_medication(state: State<'_, AppState>, id: MedicationId) -> IpcResult<Medication> {
    state.with(|j| j.delete_medication(id))
}

/// Adds (id 0) or replaces an event: one day, several, or ongoing (no end).
#[tauri::command]
pub fn save_event(state: State<'_, AppState>, event: Event) -> IpcResult<Event> {
    state.with(|j| j.save_event(&event))
}

/// Deletes an event and returns it, so the UI can offer undo.
#[tauri::command]
pub fn delete_event(state: State<'_, AppState>, id: u32) -> IpcResult<Event> {
    state.with(|j| j.delete_event(id))
}

/// Every event, newest first.
#[tauri::command]
pub fn events(state: State<'_, AppState>) -> IpcResult<Vec<Event>> {
    state.with(|j| {
        let mut all = j.events(journal::DateRange::all())?;
        all.reverse();
        Ok(all)
    })
}

/// Every measure, archived ones included, in the user's order.
#[tauri::command]
pub fn measures(state: State<'_, AppState>) -> IpcResult<Vec<Measure>> {
    state.with(|j| j.measures())
}

/// Adds (id 0) or changes a measure.
#[tauri::command]
pub fn save_measure(state: State<'_, AppState>, measure: Measure) -> IpcResult<Measure> {
    state.with(|j| j.save_measure(&measure))
}

/// The usual measures, offered when adding one.
#[tauri::command]
pub fn measure_templates() -> Vec<Measure> {
    journal::measure::TEMPLATES.iter().map(journal::measure::Template::measure).collect()
}
