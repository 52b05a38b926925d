//! `meds`: other medications and supplements, as the patient enters them.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use journal::{Journal, Medication};

use super::day::unknown;
use super::parse_date;
use crate::CliError;

/// List, add, stop or change the dose of your other medications and supplements.
#[derive(Debug, Args)]
pub struct MedsArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List current and past medications (the default).
    List,
    /// Add a medication or supplement.
    Add {
        name: String,
        /// The dose as you write it: "2000 IU", "1 tablet".
        #[arg(long, default_value = "")]
        dose: String,
        /// When you take it: "mornings", "twice a day".
        #[arg(long, default_value = "", conflicts_with = "as_needed")]
        schedule: String,
        /// Taken when needed; log each intake with `log --as-needed NAME`.
        #[arg(long)]
        as_needed: bool,
        /// The first day taken.
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
        /// The last day taken (inclusive).
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
        /// Keep it out of reports, FHIR and CSV exports unless you opt in for one.
        #[arg(long)]
        private: bool,
    },
    /// Record the last day a medication was taken.
    Stop {
        name: String,
        /// The last day taken (inclusive).
        #[arg(long, value_parser = parse_date)]
        on: NaiveDate,
    },
    /// Record a new dose from a day on: ends the current entry the day before.
    ChangeDose {
        name: String,
        #[arg(long)]
        dose: String,
        /// The first day at the new dose.
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
    },
}

pub fn meds(j: &mut Journal, a: MedsArgs) -> Result<(), CliError> {
    match a.action.unwrap_or(Action::List) {
        Action::List => {}
        Action::Add { name, dose, schedule, as_needed, from, until, note, private } => {
            let m = Medication { id: 0, name, dose, schedule, as_needed, from, until, note, private };
            j.save_medication(&m)?;
        }
        Action::Stop { name, on } => {
            let m = current(j, &name, on)?;
            j.stop_medication(m.id, on)?;
        }
        Action::ChangeDose { name, dose, from } => {
            let m = current(j, &name, from)?;
            j.change_medication_dose(m.id, &dose, from)?;
        }
    }
    print_list(j)
}

/// The entry called `name` in force on `date`, or a message listing the known names.
fn current(j: &Journal, name: &str, date: NaiveDate) -> Result<Medication, CliError> {
    match j.find_medication(name, date)? {
        Some(m) if m.on(date) => Ok(m),
        Some(m) => Err(CliError::Usage(format!(
            "{} is not taken on {date} (its latest entry is {} to {})",
            m.name,
            m.from,
            m.until.map_or("now".to_string(), |u| u.to_string())
        ))),
        None => {
            let mut known: Vec<_> = j.medications()?.into_iter().map(|m| m.name).collect();
            known.dedup();
            Err(CliError::Usage(unknown("medication", name, &known, "ldn-journal meds add NAME --from DATE")))
        }
    }
}

fn print_list(j: &Journal) -> Result<(), CliError> {
    let all = j.medications()?;
    if all.is_empty() {
        println!("no medications recorded");
    }
    for m in all {
        let until = m.until.map_or("now".to_string(), |u| u.to_string());
        let private = if m.private { "  (kept out of reports)" } else { "" };
        println!("{}  {} to {until}{private}", m.line(), m.from);
    }
    Ok(())
}
