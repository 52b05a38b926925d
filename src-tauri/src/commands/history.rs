//! History: a compact line per logged day for the calendar and the list.

use journal::DateRange;
use journal::view::DaySummary;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The logged days in `range`, oldest first.
#[tauri::command]
pub async fn history(state: State<'_, AppState>, range: DateRange) -> IpcResult<Vec<DaySummary>> {
    state.read(|j| Ok(j.days(range)?.iter().map(DaySummary::of).collect()))
}
