//! LDN Journal desktop shell: a thin Tauri layer over `crates/journal`.
//!
//! It opens the journal once, exposes one command per use case (`commands/`), and turns core
//! errors into [`error::IpcError`]. It decides nothing: every rule lives in the core.

pub mod commands;
pub mod desktop;
pub mod error;
pub mod keyring;
pub mod pick;
pub mod session_lock;
pub mod state;
#[cfg(test)]
mod tests;
mod webview;

use tauri::{Builder, Manager, Runtime};

use state::AppState;

/// Registers every command. Adding one: a line here, one in `build.rs`, one in the capability
/// and its call in `ui/src/lib/api.ts` (`tests::every_command_is_registered_in_all_four_places`).
pub fn builder<R: Runtime>(b: Builder<R>) -> Builder<R> {
    use commands::*;
    b.manage(report::LastPdf::default()).manage(pick::Picked::default()).invoke_handler(tauri::generate_handler![
        day::open_day,
        day::save_day,
        day::save_draft,
        day::discard_draft,
        day::delete_day,
        day::sleep_duration,
        day::dose_amount,
        day::copy_from_last,
        supply::supply,
        supply::save_fill,
        supply::delete_fill,
        history::history,
        lock::unlock,
        lock::lock_journal,
        lock::encrypt_journal,
        lock::change_passphrase,
        lock::decrypt_journal,
        lock::unlock_remembered,
        lock::passphrase_remembered,
        lock::remember_passphrase,
        search::search,
        report::export_pdf,
        report::open_pdf,
        context::medications,
        context::save_medication,
        context::change_medication_dose,
        context::delete_medication,
        context::save_event,
        context::delete_event,
        context::events,
        context::measures,
        context::save_measure,
        context::measure_templates,
        regimen::regimen,
        regimen::save_regimen_period,
        regimen::delete_regimen_period,
        questions::questions,
        questions::save_question,
        questions::delete_question,
        settings::app_info,
        settings::catalog,
        settings::add_catalog_item,
        settings::update_catalog_item,
        settings::reorder_catalog,
        settings::starter_sets,
        settings::add_starter_set,
        settings::finish_welcome,
        settings::delete_everything,
        trends::trends,
        backup::backups,
        backup::daily_backup,
        backup::back_up_now,
        backup::choose_backup,
        backup::restore_backup,
        backup::export_fhir,
        commands::desktop::desktop_settings,
        commands::desktop::save_desktop_settings,
        commands::desktop::save_reminder_calendar,
        commands::desktop::save_auto_lock,
        commands::desktop::close_window,
        commands::desktop::hold_quit,
        commands::desktop::quit_app,
    ])
}

/// Starts the app on the default journal (`LDN_JOURNAL_DB` or the user's data folder).
pub fn run() {
    // Started at login: the reminder runs, the window waits until it is opened.
    let hidden = std::env::args().any(|a| a == journal::desktop::HIDDEN_ARG);
    // Folders of releases with the old identifier move before anything (a plugin, the web
    // view) opens them.
    let notices = journal::paths::settle_folders();
    let state = AppState::open(journal::paths::default_journal()).with_notices(notices);
    let app = builder(tauri::Builder::default())
        // Started again: the window comes forward, unless this is the login start of a
        // session where LDN Journal already runs.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if !args.iter().any(|a| a == journal::desktop::HIDDEN_ARG) {
                focus_main(app);
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(pick::Dialogs::from_env())
        .setup(move |app| {
            webview::configure(app);
            desktop::setup(app, hidden)?;
            session_lock::setup(app);
            commands::backup::setup(app)
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("ldn-journal-app: could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// A second launch brings the running window forward instead of opening a second writer.
pub(crate) fn focus_main<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
