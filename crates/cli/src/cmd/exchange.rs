//! `export` and `import`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use journal::exchange::{self, ImportMode};
use journal::{DateRange, Journal};

use super::{parse_date, write_output};
use crate::CliError;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Lossless, re-importable JSON.
    Json,
    /// One row per day, for spreadsheets.
    Csv,
    /// FHIR R4 Bundle (JSON) for clinical systems.
    Fhir,
}

/// Export the journal (standard output unless -o is given).
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Output file.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// FHIR only: include your notes (day notes, dose notes, reasons for missed doses, regimen notes).
    #[arg(long)]
    include_notes: bool,
    /// FHIR only: include dream notes.
    #[arg(long)]
    include_dream_notes: bool,
    /// FHIR only: add a Patient resource with this name (otherwise the patient is not identified).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// FHIR and CSV: include medications, event kinds and measures marked "keep out of reports",
    /// with everything recorded of them.
    #[arg(long)]
    include_private_items: bool,
}

pub fn range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<DateRange, CliError> {
    Ok(DateRange::between(from, to)?)
}

pub fn export(j: &Journal, a: ExportArgs) -> Result<(), CliError> {
    let range = range(a.from, a.to)?;
    if !matches!(a.format, Format::Fhir) && (a.include_notes || a.include_dream_notes || a.name.is_some()) {
        return Err(CliError::Usage(
            "--include-notes, --include-dream-notes and --name apply to --format fhir only \
             (JSON and CSV always keep everything)"
                .into(),
        ));
    }
    if matches!(a.format, Format::Json) && a.include_private_items {
        return Err(CliError::Usage(
            "--include-private-items applies to --format fhir and csv only (JSON always keeps everything)".into(),
        ));
    }
    let text = match a.format {
        Format::Json => exchange::export_json(j, range)?,
        Format::Csv => {
            exchange::export_csv(j, range, &exchange::CsvOptions { include_private_items: a.include_private_items })?
        }
        Format::Fhir => {
            let opts = journal::fhir::Options {
                include_notes: a.include_notes,
                include_dream_notes: a.include_dream_notes,
                include_private_items: a.include_private_items,
                patient_name: a.name,
                zone: journal::fhir::Zone::Local,
            };
            journal::fhir::export_fhir(j, range, &opts)?
        }
    };
    write_output(j.path(), a.output.as_deref(), text.as_bytes())
}

/// Import a JSON or CSV export (the format is recognised from the content). The whole file is
/// checked first: if anything is wrong, nothing is imported.
#[derive(Debug, Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Overwrite days that are already in the journal with other entries.
    #[arg(long)]
    replace: bool,
}

pub fn import(j: &mut Journal, a: ImportArgs) -> Result<(), CliError> {
    let bytes = journal::files::read_regular(&a.file)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::Usage(format!("{} is not a text file (UTF-8); is it an LDN Journal export?", a.file.display()))
    })?;
    let mode = if a.replace { ImportMode::Replace } else { ImportMode::RefuseConflicts };
    let r = exchange::import(j, &text, mode)?;
    println!(
        "imported {} new days, replaced {}, {} unchanged; added {} symptoms, {} side effects, {} regimen periods, {} questions",
        r.days_added,
        r.days_replaced,
        r.days_unchanged,
        r.symptoms_added,
        r.side_effects_added,
        r.regimen_added,
        r.questions_added
    );
    Ok(())
}
