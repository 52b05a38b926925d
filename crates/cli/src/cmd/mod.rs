//! One module per group of subcommands.

pub mod admin;
pub mod backup;
pub mod catalog;
pub mod chart;
pub mod day;
pub mod exchange;
pub mod report;

use chrono::NaiveDate;

/// Parses a date given on the command line ("today" and "yesterday" included).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    journal::syntax::date(s, chrono::Local::now().date_naive())
}

/// Writes `text` to `path`, or to standard output when there is no path. A file is written
/// whole or not at all (temporary file, synced, then renamed), and readable by its owner only:
/// it holds health data.
pub fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), crate::CliError> {
    use std::io::Write;
    match path {
        None => std::io::stdout().write_all(bytes).map_err(|e| crate::CliError::io("standard output", e)),
        Some(p) => journal::files::write_private(p, bytes).map_err(|e| crate::CliError::io(p, e)),
    }
}
