//! The one error type that crosses IPC: `{ kind, message, field?, fields }`.
//!
//! Validation errors carry every field path (`doses[1].amount`) so the UI shows each message
//! beside its field. Internal errors carry a plain sentence: SQL, paths and debug text never
//! reach the UI (they go to stderr for whoever runs the app from a terminal).

use journal::FieldError;
use serde::{Serialize, Serializer};
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IpcError {
    /// User input that does not pass validation; one entry per field.
    #[error("{}", .0.first().map(|f| f.message.as_str()).unwrap_or("please check the highlighted fields"))]
    Invalid(Vec<FieldError>),

    /// The journal could not be opened at start-up (damaged, newer version, read-only ...).
    #[error("{0}")]
    Unavailable(String),

    #[error("{0}")]
    NotFound(String),

    /// A problem the user can act on: disk full, journal busy, folder read-only.
    #[error("{0}")]
    Journal(String),

    /// The day changed since the form was opened (another window, the command line): the
    /// user's edits stay in the form; they can load the other version or save theirs over it.
    #[error("{0}")]
    Stale(String),

    /// A feature whose core part is not there yet.
    #[error("{0}")]
    NotAvailable(String),

    #[error("something went wrong inside LDN Journal and nothing was changed; please try again")]
    Internal,
}

impl IpcError {
    pub fn kind(&self) -> IpcErrorKind {
        match self {
            Self::Invalid(_) => IpcErrorKind::Invalid,
            Self::Unavailable(_) => IpcErrorKind::Unavailable,
            Self::NotFound(_) => IpcErrorKind::NotFound,
            Self::Journal(_) => IpcErrorKind::Journal,
            Self::Stale(_) => IpcErrorKind::Stale,
            Self::NotAvailable(_) => IpcErrorKind::NotAvailable,
            Self::Internal => IpcErrorKind::Internal,
        }
    }

    pub fn body(&self) -> IpcErrorBody {
        let fields = match self {
            Self::Invalid(f) => f.clone(),
            _ => Vec::new(),
        };
        IpcErrorBody {
            kind: self.kind(),
            message: self.to_string(),
            field: fields.first().map(|f| f.field.clone()),
            fields,
        }
    }
}

impl From<journal::Error> for IpcError {
    fn from(e: journal::Error) -> Self {
        use journal::Error as E;
        match e {
            E::Invalid(fields) => Self::Invalid(fields),
            E::NotFound(what) => Self::NotFound(format!("{what} was not found; it may have been deleted")),
            E::DiskFull | E::Busy | E::WouldOverwriteJournal => Self::Journal(e.to_string()),
            // This app is the only copy running (single instance): the other program is a command.
            E::InUse => Self::Journal(
                "the journal is open in another program (an ldn-journal command?): close it and try again; nothing was changed"
                    .into(),
            ),
            E::Stale { .. } => Self::Stale(e.to_string()),
            E::ReadOnly { .. } => {
                Self::Journal("the journal file or its folder is read-only: nothing was changed".to_string())
            }
            E::NewerVersion { .. } | E::NotAJournal { .. } | E::Corrupt { .. } => Self::Unavailable(e.to_string()),
            other => {
                eprintln!("ldn-journal-app: internal error: {other}");
                Self::Internal
            }
        }
    }
}

/// What kind of error, so the UI can decide where to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IpcErrorKind {
    Invalid,
    Unavailable,
    NotFound,
    Journal,
    Stale,
    NotAvailable,
    Internal,
}

/// The serialized form of [`IpcError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "IpcError")]
pub struct IpcErrorBody {
    pub kind: IpcErrorKind,
    /// One sentence for the user.
    pub message: String,
    /// The first field in error, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// Every field in error (validation only).
    pub fields: Vec<FieldError>,
}

impl Serialize for IpcError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(s)
    }
}

pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn check(e: journal::Error, kind: &str, message_has: &str, fields: &[&str]) {
        let v = serde_json::to_value(IpcError::from(e)).unwrap();
        assert_eq!(v["kind"], kind);
        let msg = v["message"].as_str().unwrap();
        assert!(msg.contains(message_has), "{msg:?} should contain {message_has:?}");
        assert!(!msg.contains("/tmp") && !msg.to_lowercase().contains("sql"), "{msg:?} leaks internals");
        let got: Vec<&str> = v["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
        assert_eq!(got, fields);
        assert_eq!(v.get("field").and_then(|f| f.as_str()), fields.first().copied());
    }

    #[test]
    fn validation_errors_name_their_fields() {
        let e = journal::Error::Invalid(vec![
            FieldError::new("doses[1].amount", "dose must be more than 0 mg"),
            FieldError::new("sleep.quality", "sleep quality must be 1–5, got 7"),
        ]);
        check(e, "invalid", "dose must be more than 0 mg", &["doses[1].amount", "sleep.quality"]);
    }

    #[test]
    fn database_errors_are_plain() {
        let e = journal::Error::Database(rusqlite_error());
        check(e, "internal", "nothing was changed", &[]);
    }

    #[test]
    fn read_only_hides_the_path() {
        check(journal::Error::ReadOnly { path: "/tmp/x/j.sqlite3".into() }, "journal", "read-only", &[]);
    }

    #[test]
    fn a_stale_day_says_so() {
        let e = journal::Error::Stale { date: "2025-03-01".parse().unwrap() };
        check(e, "stale", "changed since you opened it", &[]);
    }

    #[test]
    fn actionable_errors_keep_their_message() {
        check(journal::Error::DiskFull, "journal", "disk is full", &[]);
        check(journal::Error::NotFound("question 7".into()), "not_found", "question 7", &[]);
    }

    fn rusqlite_error() -> rusqlite::Error {
        rusqlite::Error::SqlInputError {
            error: rusqlite::ffi::Error::new(1),
            msg: "near \"SELEC\": syntax error".into(),
            sql: "SELEC * FROM day WHERE path = '/tmp/x'".into(),
            offset: 0,
        }
    }
}
