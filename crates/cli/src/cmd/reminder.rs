//! `reminder`: the daily reminder to log, as a file for the patient's own calendar.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use journal::reminder::{self, ReminderTime};

use super::write_output;
use crate::CliError;

/// A daily reminder to log, for your calendar app. LDN Journal sets none unless you ask.
#[derive(Debug, Args)]
pub struct ReminderArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Write an iCalendar (.ics) file with a daily event to import into your calendar.
    ///
    /// The event repeats every day from today, at the same local time wherever you are, with an
    /// alarm. Written to standard output unless -o is given. Importing a newer file replaces the
    /// event in calendars that match events by their UID.
    Ics {
        /// The time of day, HH:MM (24-hour).
        #[arg(long, value_name = "HH:MM")]
        time: String,
        /// Output file (an existing file is replaced).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

pub fn reminder(db: &Path, a: ReminderArgs) -> Result<(), CliError> {
    match a.action {
        Action::Ics { time, output } => {
            let at = ReminderTime::parse("--time", &time)?;
            let now = chrono::Local::now();
            let ics = reminder::calendar(at, now.date_naive(), now.to_utc());
            write_output(db, output.as_deref(), ics.as_bytes())
        }
    }
}
