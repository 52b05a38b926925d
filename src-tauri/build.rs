//! Declares the app's commands so that each gets its own permission (`allow-<command>`), and
//! the capability in `capabilities/main-window.json` grants exactly these.
//!
//! Adding a command: one line here, one in `lib.rs`'s `builder`, one in the capability, and its
//! call in `ui/src/lib/api.ts` (a test fails when the four differ).

fn main() {
    const COMMANDS: &[&str] = &[
        // day.rs
        "open_day",
        "save_day",
        "save_draft",
        "discard_draft",
        "delete_day",
        "sleep_duration",
        "dose_amount",
        "copy_from_last",
        // desktop.rs
        "desktop_settings",
        "save_desktop_settings",
        "save_reminder_calendar",
        "save_auto_lock",
        "close_window",
        "hold_quit",
        "quit_app",
        // supply.rs
        "supply",
        "save_fill",
        "delete_fill",
        // history.rs
        "history",
        // lock.rs
        "unlock",
        "lock_journal",
        "encrypt_journal",
        "change_passphrase",
        "decrypt_journal",
        "unlock_remembered",
        "passphrase_remembered",
        "remember_passphrase",
        // search.rs
        "search",
        // report.rs
        "export_pdf",
        "open_pdf",
        // context.rs
        "medications",
        "save_medication",
        "change_medication_dose",
        "delete_medication",
        "save_event",
        "delete_event",
        "events",
        "measures",
        "save_measure",
        "measure_templates",
        // regimen.rs
        "regimen",
        "save_regimen_period",
        "delete_regimen_period",
        // questions.rs
        "questions",
        "save_question",
        "delete_question",
        // settings.rs
        "app_info",
        "catalog",
        "add_catalog_item",
        "update_catalog_item",
        "reorder_catalog",
        "starter_sets",
        "add_starter_set",
        "finish_welcome",
        "delete_everything",
        // trends.rs
        "trends",
        // backup.rs
        "backups",
        "daily_backup",
        "back_up_now",
        "choose_backup",
        "restore_backup",
        "export_fhir",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
