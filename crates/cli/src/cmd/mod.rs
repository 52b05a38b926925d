//! One module per group of subcommands.

pub mod admin;
pub mod backup;
pub mod catalog;
pub mod chart;
pub mod day;
pub mod docs;
pub mod events;
pub mod exchange;
pub mod lock;
pub mod measures;
pub mod meds;
pub mod reminder;
pub mod report;
pub mod search;
pub mod supply;

use chrono::NaiveDate;

/// Parses a date given on the command line ("today" and "yesterday" included).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    journal::syntax::date(s, chrono::Local::now().date_naive())
}

/// Writes `bytes` to `path`, or to standard output when there is no path. A file is written
/// whole or not at all (a new temporary file, synced, then renamed), readable by its owner only
/// (it holds health data), and never over the journal at `journal`, its side files or its
/// backups ([`journal::files::write_export`]).
pub fn write_output(
    journal: &std::path::Path,
    path: Option<&std::path::Path>,
    bytes: &[u8],
) -> Result<(), crate::CliError> {
    use std::io::Write;
    match path {
        None => std::io::stdout().write_all(bytes).map_err(|e| crate::CliError::io("standard output", e)),
        Some(p) => Ok(journal::files::write_export(journal, p, bytes)?),
    }
}
