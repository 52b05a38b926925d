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

    /// The day changed since the form was opened (another window, the command line): the
    /// user's edits stay in the form; they can load the other version or save theirs over it.
    #[error("{0}")]
    Stale(String),

    /// What the command was about is gone (deleted meanwhile, a used token): refresh, choose again.
    #[error("{0}")]
    NotFound(String),

    /// No journal is open (it could not be opened at start-up: damaged, newer, read-only ...):
    /// fix or move the file and start again.
    #[error("{0}")]
    Unavailable(String),

    /// The journal is encrypted and locked: unlock it with its passphrase (the UI shows its
    /// unlock screen).
    #[error("the journal is locked; unlock it with its passphrase")]
    Locked,

    /// Something outside LDN Journal stopped it (the disk is full, the journal is in use, a
    /// folder is read-only, a chosen file is not a journal): put that right and try again.
    #[error("{0}")]
    Retry(String),

    /// A fault inside LDN Journal; nothing was changed.
    #[error("{}", journal::INTERNAL)]
    Internal,
}

impl IpcError {
    pub fn kind(&self) -> IpcErrorKind {
        match self {
            Self::Invalid(_) => IpcErrorKind::Invalid,
            Self::Stale(_) => IpcErrorKind::Stale,
            Self::NotFound(_) => IpcErrorKind::NotFound,
            Self::Unavailable(_) => IpcErrorKind::Unavailable,
            Self::Retry(_) => IpcErrorKind::Retry,
            Self::Locked => IpcErrorKind::Locked,
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

/// The one way a core error reaches the UI: its path-free [`journal::Error::user_message`],
/// under the kind that says what the user can do. Internal faults are logged, with their cause
/// chain, for whoever runs the app from a terminal.
impl From<journal::Error> for IpcError {
    fn from(e: journal::Error) -> Self {
        use journal::Error as E;
        if e.is_internal() {
            let mut line = format!("ldn-journal-app: internal error: {e}");
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                line.push_str(&format!(": {c}"));
                cause = c.source();
            }
            eprintln!("{line}");
            return Self::Internal;
        }
        match e {
            E::Invalid(fields) => Self::Invalid(fields),
            E::Stale { .. } => Self::Stale(e.user_message()),
            E::NotFound(what) => Self::NotFound(format!("{what} was not found; it may have been deleted")),
            other => Self::Retry(other.user_message()),
        }
    }
}

/// What kind of error, named for what the user can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IpcErrorKind {
    /// Correct the fields named.
    Invalid,
    /// Load the other version or save over it.
    Stale,
    /// Refresh, or choose again.
    NotFound,
    /// Fix or move the journal file and start again.
    Unavailable,
    /// Put right what the message says and try again.
    Retry,
    /// Unlock the journal with its passphrase.
    Locked,
    /// Try again; report it if it persists.
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
        check(journal::Error::ReadOnly { path: "/tmp/x/j.sqlite3".into() }, "retry", "read-only", &[]);
    }

    #[test]
    fn a_stale_day_says_so() {
        let e = journal::Error::Stale { date: "2025-03-01".parse().unwrap() };
        check(e, "stale", "changed since you opened it", &[]);
    }

    #[test]
    fn actionable_errors_keep_their_message() {
        check(journal::Error::DiskFull, "retry", "disk is full", &[]);
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
