use std::path::PathBuf;

/// Everything the command line can fail with; printed as one line (import problems follow
/// on their own lines).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Journal(#[from] journal::Error),

    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{0}")]
    Usage(String),

    #[error("no data directory found; set LDN_JOURNAL_DB or pass --db PATH")]
    NoDataDir,
}

impl CliError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }
}
