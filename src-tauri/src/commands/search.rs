//! Search: the journal's free text (notes, reasons, questions) matching what the user typed.

use journal::search::Hit;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// The fields matching `text` (words ANDed, "a phrase" as a phrase), newest first.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, text: String) -> IpcResult<Vec<Hit>> {
    state.read(|j| j.search(&text, None))
}
