//! `search`: the patient's own text, newest first.

use chrono::NaiveDate;
use clap::Args;
use journal::{DateRange, Journal};

use super::parse_date;
use crate::CliError;

/// Find words in notes, dream notes, dose notes, missed reasons, questions and the notes of
/// events, medications, regimen periods and fills. Prints `DATE  field: snippet`, newest
/// first; nothing when nothing matches.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find, all of them in the same text. '"brain fog"' (double quotes kept from the
    /// shell) finds those words together. Case, accents and punctuation do not count; the last
    /// word also matches as a prefix (walk: walked). Put -- before text that starts with "-".
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    text: Vec<String>,
    /// First day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
}

pub fn search(j: &Journal, a: SearchArgs) -> Result<(), CliError> {
    let range = DateRange::between(a.from, a.to)?;
    for hit in j.search(&a.text.join(" "), Some(range))? {
        println!("{}  {}: {}", hit.date, hit.label, hit.plain());
    }
    Ok(())
}
