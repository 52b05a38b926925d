//! History: a compact line per logged day for the calendar and the list.

use journal::{DateRange, Micrograms};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// One logged day in the calendar and the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DaySummary {
    pub date: chrono::NaiveDate,
    /// Total taken; null when no dose event was recorded.
    pub taken: Option<Micrograms>,
    /// How many dose events were marked missed.
    pub missed: u32,
    pub wellbeing: Option<u8>,
    /// How many symptoms were rated.
    pub rated: u32,
    /// Side effects felt (mild or worse).
    pub side_effects: u32,
    pub has_notes: bool,
}

impl DaySummary {
    fn of(d: &journal::Day) -> Self {
        let missed = d.doses.iter().filter(|x| matches!(x, journal::Dose::Missed { .. })).count();
        Self {
            date: d.date,
            taken: d.total_taken(),
            missed: u32::try_from(missed).unwrap_or(u32::MAX),
            wellbeing: d.wellbeing,
            rated: u32::try_from(d.scores.len()).unwrap_or(u32::MAX),
            side_effects: u32::try_from(d.side_effects.iter().filter(|s| s.severity.present()).count())
                .unwrap_or(u32::MAX),
            has_notes: !d.notes.trim().is_empty() || !d.dreams.notes.trim().is_empty(),
        }
    }
}

/// The logged days in `range`, oldest first.
#[tauri::command]
pub async fn history(state: State<'_, AppState>, range: DateRange) -> IpcResult<Vec<DaySummary>> {
    state.read(|j| Ok(j.days(range)?.iter().map(DaySummary::of).collect()))
}
