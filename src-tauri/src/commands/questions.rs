//! Questions for my prescriber.

use journal::Question;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn questions(state: State<'_, AppState>) -> IpcResult<Vec<Question>> {
    state.with(|j| j.questions())
}

/// Adds (id 0) or updates a question, including marking it resolved.
#[tauri::command]
pub fn save_question(state: State<'_, AppState>, question: Question) -> IpcResult<Question> {
    state.with(|j| j.save_question(&question))
}

#[tauri::command]
pub fn delete_question(state: State<'_, AppState>, id: u32) -> IpcResult<()> {
    state.with(|j| j.delete_question(id))
}
