//! File dialogs, opened by Rust inside the command that needs a file.
//!
//! The page never hands Rust a path: a command that writes or reads a file the user chooses
//! opens the native dialog itself, forces the extension of what it writes, and refuses anything
//! that is not a regular file. A file picked in one command and used in a later one (restore
//! after the confirmation) travels as a one-use [`Token`], never as a path.
//!
//! WebDriver cannot drive a native dialog, so debug builds have a seam: when
//! `LDN_JOURNAL_TEST_DIALOG` names a file, each dialog answers with the path written in it
//! (an empty or missing file is "cancelled"). Release builds have no such seam.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use journal::FieldError;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{IpcError, IpcResult};

/// What a save dialog offers: a suggested file name and the one extension it writes.
#[derive(Debug, Clone, Copy)]
pub struct SaveAs<'a> {
    pub file_name: &'a str,
    pub filter: &'a str,
    pub extension: &'a str,
}

/// Where dialog answers come from.
#[derive(Debug)]
pub enum Dialogs {
    /// The desktop's file chooser.
    Native,
    /// Debug builds under test: the path written in this file (see the module docs).
    #[cfg(debug_assertions)]
    AnswerFile(PathBuf),
    /// Unit tests on the mock runtime: answers queued in advance.
    #[cfg(test)]
    Queue(Mutex<std::collections::VecDeque<Option<PathBuf>>>),
}

impl Dialogs {
    /// The native dialogs, or in a debug build the test seam when its variable is set.
    pub fn from_env() -> Self {
        #[cfg(debug_assertions)]
        if let Some(f) = std::env::var_os("LDN_JOURNAL_TEST_DIALOG") {
            return Self::AnswerFile(PathBuf::from(f));
        }
        Self::Native
    }

    #[cfg(test)]
    pub fn queued(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self::Queue(Mutex::new(answers.into_iter().collect()))
    }

    /// The answer of a seam, or `None` for the native dialogs.
    fn scripted(&self) -> Option<Option<PathBuf>> {
        match self {
            Self::Native => None,
            #[cfg(debug_assertions)]
            Self::AnswerFile(f) => Some(
                std::fs::read_to_string(f)
                    .ok()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from),
            ),
            #[cfg(test)]
            Self::Queue(q) => Some(q.lock().unwrap_or_else(|p| p.into_inner()).pop_front().flatten()),
        }
    }
}

/// Asks where to save; `None` when the user cancelled. The answer always ends in
/// `extension` (added when the user typed a name without it).
pub async fn save_file<R: Runtime>(app: &AppHandle<R>, what: SaveAs<'_>) -> IpcResult<Option<PathBuf>> {
    let chosen = match app.state::<Dialogs>().scripted() {
        Some(answer) => answer,
        None => {
            use tauri_plugin_dialog::DialogExt;
            let dialog = app
                .dialog()
                .file()
                .set_file_name(what.file_name)
                .add_filter(what.filter, &[what.extension])
                .set_can_create_directories(true);
            let dialog = with_parent(app, dialog);
            native(tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await)?
        }
    };
    Ok(chosen.map(|p| with_extension(p, what.extension)))
}

/// Asks for a file to read; `None` when the user cancelled. Only a regular file is accepted
/// (a FIFO or a device would hang the reader, a folder is not a journal).
pub async fn open_file<R: Runtime>(
    app: &AppHandle<R>,
    filter: &str,
    extensions: &[&str],
) -> IpcResult<Option<PathBuf>> {
    let chosen = match app.state::<Dialogs>().scripted() {
        Some(answer) => answer,
        None => {
            use tauri_plugin_dialog::DialogExt;
            let dialog = app.dialog().file().add_filter(filter, extensions).add_filter("All files", &["*"]);
            let dialog = with_parent(app, dialog);
            native(tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await)?
        }
    };
    chosen.map(|p| regular_file(&p).map(|()| p)).transpose()
}

/// Refuses what is not a regular file (after following links), before anything opens it.
pub fn regular_file(path: &Path) -> IpcResult<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(invalid("that is not a regular file; choose a journal or backup file")),
        Err(_) => Err(invalid("that file could not be read; choose another one")),
    }
}

fn with_parent<R: Runtime>(
    app: &AppHandle<R>,
    dialog: tauri_plugin_dialog::FileDialogBuilder<R>,
) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    match app.get_webview_window("main") {
        Some(w) => dialog.set_parent(&w),
        None => dialog,
    }
}

fn native(answer: Result<Option<tauri_plugin_dialog::FilePath>, tauri::Error>) -> IpcResult<Option<PathBuf>> {
    let answer = answer.map_err(|e| {
        eprintln!("ldn-journal-app: file dialog: {e}");
        IpcError::Internal
    })?;
    answer.map(|p| p.into_path().map_err(|_| invalid("choose a file on this computer"))).transpose()
}

fn with_extension(p: PathBuf, extension: &str) -> PathBuf {
    let has = p.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has {
        p
    } else {
        let mut name = p.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(extension);
        p.with_file_name(name)
    }
}

fn invalid(message: &str) -> IpcError {
    IpcError::Invalid(vec![FieldError::new("file", message)])
}

/// A file the user picked, for a later command of the same flow.
pub type Token = u32;

/// Files picked in this session, each usable once.
#[derive(Debug, Default)]
pub struct Picked(Mutex<(Token, HashMap<Token, PathBuf>)>);

impl Picked {
    pub fn remember(&self, path: PathBuf) -> Token {
        let mut g = self.0.lock().unwrap_or_else(|p| p.into_inner());
        g.0 = g.0.wrapping_add(1);
        let token = g.0;
        g.1.insert(token, path);
        token
    }

    /// The file behind `token`, forgotten as it is taken.
    pub fn take(&self, token: Token) -> IpcResult<PathBuf> {
        let mut g = self.0.lock().unwrap_or_else(|p| p.into_inner());
        g.1.remove(&token).ok_or_else(|| IpcError::NotFound("that file is no longer chosen; choose it again".into()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_extension_is_forced() {
        for (typed, want) in [
            ("/h/summary", "/h/summary.pdf"),
            ("/h/summary.PDF", "/h/summary.PDF"),
            ("/h/summary.pdf.txt", "/h/summary.pdf.txt.pdf"),
            ("/h/.bashrc", "/h/.bashrc.pdf"),
        ] {
            assert_eq!(with_extension(PathBuf::from(typed), "pdf"), PathBuf::from(want), "{typed}");
        }
    }

    #[test]
    fn a_token_is_used_once() {
        let p = Picked::default();
        let t = p.remember("/h/backup.sqlite3".into());
        assert_eq!(p.take(t).unwrap(), PathBuf::from("/h/backup.sqlite3"));
        assert!(p.take(t).is_err());
        assert!(p.take(t + 1).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(regular_file(&fifo).is_err(), "a FIFO would block the reader forever");
        assert!(regular_file(dir.path()).is_err());
        assert!(regular_file(&dir.path().join("missing")).is_err());
        let f = dir.path().join("f");
        std::fs::write(&f, b"x").unwrap();
        regular_file(&f).unwrap();
    }
}
