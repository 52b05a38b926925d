//! Settings and first run: the symptom and side-effect lists, starter sets, where the journal
//! lives, and "Delete everything".

use journal::catalog::StarterSet;
use journal::store::Setting;
use journal::{Catalog, CatalogItem, ItemId};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// What the user must type to delete everything.
pub const DELETE_CONFIRMATION: &str = "delete everything";

/// Facts about the app and its journal, asked for once at start-up.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// Where the journal file is (shown in Settings).
    pub journal_path: String,
    /// Why the journal could not be opened, when it could not.
    pub open_error: Option<String>,
    /// The journal is encrypted and waiting for its passphrase: the unlock screen shows.
    pub locked: bool,
    /// The open journal is encrypted.
    pub encrypted: bool,
    /// To show once at start-up (the app's folders moved to the new identifier's, or not).
    pub notices: Vec<String>,
    /// Whether the first-run welcome is done with: completed, or the journal held days or
    /// symptoms already (imported, or made with the command line).
    pub onboarded: bool,
    pub no_advice: String,
    pub delete_confirmation: String,
}

/// A starter symptom set as offered on the welcome screen and in Settings.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StarterSetInfo {
    pub set: StarterSet,
    pub label: String,
    pub symptoms: Vec<String>,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let onboarded = state.with(|j| j.welcome_due()).is_ok_and(|due| !due);
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        journal_path: state.path().map(|p| p.display().to_string()).unwrap_or_default(),
        open_error: state.open_error(),
        locked: state.is_locked(),
        encrypted: state.is_encrypted(),
        notices: state.notices().to_vec(),
        onboarded,
        no_advice: journal::NO_ADVICE.to_string(),
        delete_confirmation: DELETE_CONFIRMATION.to_string(),
    }
}

/// Every item of a list, archived ones included, in the user's order.
#[tauri::command]
pub fn catalog(state: State<'_, AppState>, catalog: Catalog) -> IpcResult<Vec<CatalogItem>> {
    state.with(|j| j.catalog(catalog))
}

/// A new item for one of the lists.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewCatalogItem {
    pub catalog: Catalog,
    pub name: String,
    pub description: String,
}

/// An item of a list, renamed, re-described, archived or restored.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CatalogItemUpdate {
    pub catalog: Catalog,
    pub item: CatalogItem,
}

/// A list in the user's new order: every item's id, each once.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CatalogOrder {
    pub catalog: Catalog,
    pub ids: Vec<ItemId>,
}

#[tauri::command]
pub fn add_catalog_item(state: State<'_, AppState>, request: NewCatalogItem) -> IpcResult<CatalogItem> {
    state.with(|j| j.add_item(request.catalog, &request.name, &request.description))
}

#[tauri::command]
pub fn update_catalog_item(state: State<'_, AppState>, request: CatalogItemUpdate) -> IpcResult<CatalogItem> {
    state.with(|j| j.update_item(request.catalog, &request.item))
}

#[tauri::command]
pub fn reorder_catalog(state: State<'_, AppState>, request: CatalogOrder) -> IpcResult<Vec<CatalogItem>> {
    state.with(|j| j.reorder(request.catalog, &request.ids))
}

#[tauri::command]
pub fn starter_sets() -> Vec<StarterSetInfo> {
    StarterSet::ALL
        .into_iter()
        .map(|set| StarterSetInfo {
            set,
            label: set.label().to_string(),
            symptoms: set.symptoms().iter().map(|(name, _)| name.to_string()).collect(),
        })
        .collect()
}

#[tauri::command]
pub fn add_starter_set(state: State<'_, AppState>, set: StarterSet) -> IpcResult<Vec<CatalogItem>> {
    state.with(|j| j.add_starter_set(set))
}

/// Completes the first-run welcome, adding the chosen starter set if any.
#[tauri::command]
pub fn finish_welcome(state: State<'_, AppState>, set: Option<StarterSet>) -> IpcResult<()> {
    state.with(|j| {
        if let Some(set) = set {
            j.add_starter_set(set)?;
        }
        j.set_setting(Setting::Onboarded, Some("1"))
    })
}

/// Deletes the journal, its side files and its backups, and starts an empty one. Off the main
/// thread: it waits for any long read (a PDF export) to finish first.
#[tauri::command]
pub async fn delete_everything(state: State<'_, AppState>, confirmation: String) -> IpcResult<()> {
    if confirmation.trim().to_lowercase() != DELETE_CONFIRMATION {
        return Err(IpcError::Invalid(vec![journal::FieldError::new(
            "confirmation",
            format!("type \"{DELETE_CONFIRMATION}\" to confirm; nothing was deleted"),
        )]));
    }
    // A refused wipe (the journal is open in another program) leaves it open and unchanged.
    Ok(state.replace(journal::wipe::wipe)??)
}
