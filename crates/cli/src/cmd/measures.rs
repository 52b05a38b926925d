//! `measures`: the numeric series you record (weight, heart rate, a lab value).

use clap::{Args, Subcommand};
use journal::measure::{TEMPLATES, template_named};
use journal::{Frequency, Journal, Measure};

use crate::CliError;

/// List your measures, or add one.
#[derive(Debug, Args)]
pub struct MeasuresArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List the measures (the default).
    List,
    /// Add a measure. A usual one (weight, resting heart rate, blood pressure, steps, body
    /// temperature, exertion, stool form (Bristol), CRP, calprotectin) needs no other option.
    Add {
        name: String,
        /// The unit as you write it: kg, bpm, mmHg, mg/L.
        #[arg(long)]
        unit: Option<String>,
        /// Digits after the decimal mark a value may have (0–4).
        #[arg(long)]
        decimals: Option<u8>,
        /// Each reading has its time (several a day); without it, a new value replaces the day's.
        #[arg(long)]
        several_a_day: bool,
        /// Two numbers a reading, written 120/80.
        #[arg(long)]
        paired: bool,
        /// Keep it out of reports, FHIR and CSV exports unless you opt in for one.
        #[arg(long)]
        private: bool,
    },
}

pub fn measures(j: &mut Journal, a: MeasuresArgs) -> Result<(), CliError> {
    if let Some(Action::Add { name, unit, decimals, several_a_day, paired, private }) = a.action {
        let base = match (template_named(&name), unit.as_deref()) {
            (Some(t), _) => t.measure(),
            (None, Some(_)) => Measure { name: name.clone(), ..Measure::default() },
            (None, None) => {
                let usual: Vec<_> = TEMPLATES.iter().map(|t| t.name).collect();
                return Err(CliError::Usage(format!(
                    "give the unit of {name} with --unit (usual measures that need none: {})",
                    usual.join(", ")
                )));
            }
        };
        let m = Measure {
            unit: unit.unwrap_or(base.unit.clone()),
            decimals: decimals.unwrap_or(base.decimals),
            frequency: if several_a_day { Frequency::SeveralADay } else { base.frequency },
            paired: paired || base.paired,
            private,
            ..base
        };
        j.save_measure(&m)?;
    }
    let all = j.measures()?;
    if all.is_empty() {
        println!("no measures recorded");
    }
    for m in all {
        let mut facts = vec![if m.unit.is_empty() { "no unit".to_string() } else { m.unit.clone() }];
        facts.push(format!("{} decimal{}", m.decimals, if m.decimals == 1 { "" } else { "s" }));
        if let (Some(lo), Some(hi)) = (m.min, m.max) {
            facts.push(format!("scale {lo}–{hi}"));
        }
        if m.paired {
            facts.push("two numbers, like 120/80".into());
        }
        facts.push(match m.frequency {
            Frequency::OnceADay => "once a day".into(),
            Frequency::SeveralADay => "several a day".into(),
        });
        if m.private {
            facts.push("kept out of reports".into());
        }
        let archived = if m.archived { " (archived)" } else { "" };
        println!("{}{archived}: {}", m.name, facts.join(", "));
    }
    Ok(())
}
