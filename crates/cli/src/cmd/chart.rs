//! `chart`: the same SVG charts the app shows, for people who put them in their own documents.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use journal::charts::{self, ChartData, ChartKind, ChartOptions, Theme};
use journal::{DateRange, Journal};

use super::write_output;
use crate::CliError;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Dose taken and prescribed, chosen symptom scores, markers at every change.
    DoseSymptoms,
    /// Sleep duration and quality, vivid dreams and nightmares.
    Sleep,
    /// Share of logged days with each side effect, per dose period.
    SideEffects,
    /// Overall wellbeing, one row per month.
    Wellbeing,
    /// Measures (weight, heart rate, …), one panel each with its unit.
    Measures,
}

impl From<Kind> for ChartKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::DoseSymptoms => ChartKind::DoseSymptoms,
            Kind::Sleep => ChartKind::Sleep,
            Kind::SideEffects => ChartKind::SideEffects,
            Kind::Wellbeing => ChartKind::Wellbeing,
            Kind::Measures => ChartKind::Measures,
        }
    }
}

/// Draw a chart as SVG (standard output unless -o is given).
#[derive(Debug, Args)]
pub struct ChartArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// First day (default: the first logged day).
    #[arg(long, value_parser = super::parse_date)]
    from: Option<NaiveDate>,
    /// Last day (default: the last logged day).
    #[arg(long, value_parser = super::parse_date)]
    to: Option<NaiveDate>,
    /// A symptom to show in dose-symptoms, by name; repeat for more (default: the first 3).
    #[arg(long = "symptom", value_name = "NAME")]
    symptoms: Vec<String>,
    /// A measure to show in measures, by name; repeat for more (default: every measure with a
    /// reading in the range).
    #[arg(long = "measure", value_name = "NAME")]
    measures: Vec<String>,
    #[arg(long, default_value_t = 640)]
    width: u32,
    #[arg(long, default_value_t = 280)]
    height: u32,
    /// Colours for a dark background.
    #[arg(long)]
    dark: bool,
    /// Output file.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn chart(j: &Journal, a: ChartArgs) -> Result<(), CliError> {
    let data = ChartData::load(j, DateRange::between(a.from, a.to)?)?;
    let symptoms = a
        .symptoms
        .iter()
        .map(|name| {
            let wanted = name.trim().to_lowercase();
            data.symptoms.iter().find(|s| s.name.to_lowercase() == wanted).map(|s| s.id).ok_or_else(|| {
                let known: Vec<&str> = data.symptoms.iter().map(|s| s.name.as_str()).collect();
                CliError::Usage(format!("no symptom is called \"{name}\"; the journal has: {}", known.join(", ")))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let measures = a
        .measures
        .iter()
        .map(|name| {
            let wanted = name.trim().to_lowercase();
            data.measures.iter().find(|m| m.name.trim().to_lowercase() == wanted).map(|m| m.id).ok_or_else(|| {
                let known: Vec<String> = data.measures.iter().map(|m| m.name.clone()).collect();
                CliError::Usage(super::day::unknown(
                    "measure",
                    name,
                    &known,
                    "ldn-journal measures add NAME --unit UNIT",
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let o = ChartOptions {
        // No --symptom or --measure: the chart's default selection.
        symptoms: (!symptoms.is_empty()).then_some(symptoms),
        measures: (!measures.is_empty()).then_some(measures),
        width: a.width,
        height: a.height,
        theme: if a.dark { Theme::Dark } else { Theme::Light },
    };
    let svg = charts::render(a.kind.into(), &data, &o)?;
    write_output(j.path(), a.output.as_deref(), svg.as_bytes())
}
