//! `supply`: the fills of LDN the patient receives, each with its strength per unit.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use journal::{Fill, Formulation, Journal, Strength};

use super::parse_date;
use crate::CliError;

/// List or add fills of LDN (one dispensing each).
#[derive(Debug, Args)]
pub struct SupplyArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List the fills in the order they came into use (the default).
    List,
    /// Record a fill.
    Add {
        /// The day it was received.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        /// The first day it was used (default: the day received).
        #[arg(long, value_parser = parse_date)]
        started: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        pharmacy: String,
        #[arg(long, value_parser = super::day::parse_formulation)]
        formulation: Formulation,
        /// Naltrexone per unit counted: 1mg/mL, 0.5mg/drop, 500ug/drop, 4.5mg/capsule,
        /// 3mg/tablet, 1mg/click.
        #[arg(long, value_parser = Strength::parse)]
        strength: Strength,
        /// The capsule's filler or the liquid's base.
        #[arg(long, default_value = "")]
        filler: String,
        /// Batch or lot number.
        #[arg(long, default_value = "")]
        batch: String,
        /// As on the label: "30 capsules", "50 mL".
        #[arg(long, default_value = "")]
        quantity: String,
        #[arg(long, value_parser = parse_date)]
        use_by: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub fn supply(j: &mut Journal, a: SupplyArgs) -> Result<(), CliError> {
    match a.action.unwrap_or(Action::List) {
        Action::List => {}
        Action::Add { date, started, pharmacy, formulation, strength, filler, batch, quantity, use_by, note } => {
            let f = Fill {
                id: 0,
                received: date,
                started,
                pharmacy,
                formulation,
                strength,
                filler,
                batch,
                quantity,
                use_by,
                note,
            };
            j.save_fill(&f)?;
        }
    }
    let fills = j.fills()?;
    if fills.is_empty() {
        println!("no fills recorded");
    }
    for f in fills {
        let started = f.started.map(|s| format!(", used from {s}")).unwrap_or_default();
        let use_by = f.use_by.map(|u| format!(", use by {u}")).unwrap_or_default();
        println!("{}  received {}{started}{use_by}", f.line(), f.received);
    }
    Ok(())
}
