use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem with one field of user input, named so the UI can show it beside that field.
///
/// `field` is a path into the submitted value (`sleep.quality`, `doses[1].amount`);
/// `message` is a sentence a patient can act on ("sleep quality must be 1–5, got 7").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Where an import found a problem: a CSV line or a JSON entry, and the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// "line 14" for CSV, "days[3] (2024-03-05)" for JSON.
    pub location: String,
    pub error: FieldError,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}: {}", self.location, self.error.field, self.error.message)
    }
}

/// What the app says when the fault is its own: nothing the user did, nothing they can fix.
pub const INTERNAL: &str = "something went wrong inside LDN Journal and nothing was changed; please try again";

/// Every error the journal core can report. Messages are written for the patient.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{}", join(.0))]
    Invalid(Vec<FieldError>),

    #[error(
        "{path} was written by a newer version of LDN Journal (schema {found}, this version reads up to {supported}); it was left untouched. Please update LDN Journal."
    )]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },

    #[error("{path} is not an LDN Journal file; it was left untouched.")]
    NotAJournal { path: PathBuf },

    /// An encrypted journal opened without its passphrase. Encrypted and damaged files look
    /// alike (random bytes), so the message says both.
    #[error(
        "{path} is locked with a passphrase, or it is damaged; it was left untouched. Unlock it with its passphrase (on the command line: --passphrase-file FILE, or type it when asked)."
    )]
    Locked { path: PathBuf },

    /// An encrypted journal (or backup) that the passphrase given does not open.
    #[error("that passphrase does not open {path}, or the file is damaged; it was left untouched")]
    WrongPassphrase { path: PathBuf },

    #[error("{path} is damaged ({detail}); it was left untouched. Restore a backup or choose another file.")]
    Corrupt { path: PathBuf, detail: String },

    #[error("cannot write to {path}: the file or its folder is read-only")]
    ReadOnly { path: PathBuf },

    #[error("the disk is full: nothing was changed. Free some space and try again.")]
    DiskFull,

    #[error("the journal is busy in another program; close it and try again")]
    Busy,

    /// Restore or wipe while another connection (the app, another command) has the journal open.
    #[error(
        "the journal is open in another program: close LDN Journal (the app or another ldn-journal command) and try again; nothing was changed"
    )]
    InUse,

    /// An export, report or backup file would replace the journal, one of its working files or
    /// something in its backups folder.
    #[error(
        "cannot overwrite the journal: that file is the journal itself, one of its working files or in its backups folder. Nothing was written; choose another name or folder."
    )]
    WouldOverwriteJournal,

    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },

    /// A file the user asked for (an export, a report, a backup copy) could not be written.
    #[error("{path}: {source}")]
    Save { path: PathBuf, source: std::io::Error },

    #[error("the file could not be read: {0}")]
    Format(String),

    #[error("nothing was imported; {} problem(s) found:\n{}", .0.len(), join(.0))]
    Import(Vec<ImportProblem>),

    #[error("nothing was imported; these days are already in the journal with other entries: {}. Import with replace to overwrite them.", dates(.0))]
    Conflicts(Vec<NaiveDate>),

    #[error(
        "this day changed since you opened it (in another window or the command line); your edits are still in the form — reload the day to see the other changes"
    )]
    Stale { date: NaiveDate },

    #[error("{0} was not found")]
    NotFound(String),

    #[error("the backup {path} could not be made ({reason}); the journal itself is unchanged")]
    Backup { path: PathBuf, reason: String },

    /// The detail (a drawing library's own words) is the error's source, for logs; the message
    /// a patient sees is only this sentence.
    #[error("the chart could not be drawn because of an internal error")]
    Chart(#[source] Detail),

    #[error("the PDF report could not be made because of an internal error; nothing was written")]
    Report(#[source] Detail),

    #[error("internal database error: {0}")]
    Database(rusqlite::Error),
}

impl Error {
    /// The message for a patient in the app: [`Error`]'s own sentence without file paths (the
    /// app shows the journal's path where it helps) and without any library's internals, whose
    /// words stay in the error's `source` chain for logs.
    pub fn user_message(&self) -> String {
        match self {
            Self::NewerVersion { found, supported, .. } => format!(
                "this journal was written by a newer version of LDN Journal (schema {found}, this version reads up to {supported}); it was left untouched. Please update LDN Journal."
            ),
            Self::NotAJournal { .. } => "this file is not an LDN Journal file; it was left untouched.".into(),
            Self::Locked { .. } => {
                "this journal is locked with a passphrase, or it is damaged; it was left untouched.".into()
            }
            Self::WrongPassphrase { .. } => {
                "that passphrase does not open this journal, or the file is damaged; it was left untouched".into()
            }
            Self::Corrupt { detail, .. } => format!(
                "the journal file is damaged ({detail}); it was left untouched. Restore a backup or choose another file."
            ),
            Self::ReadOnly { .. } => {
                "cannot write there: the file or its folder is read-only; nothing was changed".into()
            }
            Self::Io { source, .. } => {
                format!("a file could not be read or written ({}); nothing was changed", source.kind())
            }
            Self::Save { source, .. } => {
                format!("the file could not be saved there ({}); choose another folder", source.kind())
            }
            Self::Backup { reason, .. } => {
                format!("the backup could not be made ({reason}); the journal itself is unchanged")
            }
            // In the app, the other program can only be a command (the app is single-instance).
            Self::InUse => "the journal is open in another program (an ldn-journal command?): close it and try again; nothing was changed".into(),
            Self::Database(_) => INTERNAL.into(),
            other => other.to_string(),
        }
    }

    /// Whether the cause is a fault inside LDN Journal or a library (a bug to report), rather
    /// than something the user can put right.
    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Database(_) | Self::Chart(_) | Self::Report(_))
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }

    pub(crate) fn chart(detail: impl std::fmt::Display) -> Self {
        Self::Chart(Detail(detail.to_string()))
    }

    pub(crate) fn report(detail: impl std::fmt::Display) -> Self {
        Self::Report(Detail(detail.to_string()))
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            _ => Error::Database(e),
        }
    }
}

/// What went wrong inside a library, in its own terms: for a log or a bug report, never for
/// the message a patient reads (see [`Error::Chart`], [`Error::Report`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail(String);

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Detail {}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

fn dates(d: &[NaiveDate]) -> String {
    const SHOWN: usize = 10;
    let mut s = d.iter().take(SHOWN).map(ToString::to_string).collect::<Vec<_>>().join(", ");
    if d.len() > SHOWN {
        s.push_str(&format!(" and {} more", d.len() - SHOWN));
    }
    s
}
