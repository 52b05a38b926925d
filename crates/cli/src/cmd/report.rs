//! `report`: the PDF appointment summary.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use journal::Journal;
use journal::report::{self, Paper, ReportOptions};

use super::{parse_date, write_output};
use crate::CliError;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

/// Write the PDF appointment summary for a date range. Notes, dream notes and the name are
/// left out unless asked for.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day (default: the first logged day).
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Last day (default: the last logged day).
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// The PDF file to write.
    #[arg(short, long, value_name = "FILE.pdf")]
    output: PathBuf,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// Include your notes: day notes, dose notes, reasons for missed doses and regimen notes.
    #[arg(long)]
    include_notes: bool,
    /// Add dream notes as an appendix.
    #[arg(long)]
    include_dream_notes: bool,
    /// Print this name on page 1.
    #[arg(long)]
    name: Option<String>,
    /// Print the name and date of birth stored in the journal on page 1.
    #[arg(long)]
    include_name: bool,
    /// Include the medications, event kinds and measures you keep out of reports.
    #[arg(long)]
    include_private_items: bool,
}

pub fn report(j: &Journal, a: ReportArgs) -> Result<(), CliError> {
    let mut o = ReportOptions::new(super::exchange::range(a.from, a.to)?);
    o.paper = match a.paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    o.include_notes = a.include_notes;
    o.include_dream_notes = a.include_dream_notes;
    o.include_name = a.include_name;
    o.include_private_items = a.include_private_items;
    o.name = a.name;
    let r = report::render_report(j, &o)?;
    write_output(j.path(), Some(&a.output), &r.pdf)?;
    println!("wrote {} ({} KB)", a.output.display(), r.pdf.len().div_ceil(1024));
    if let Some(why) = r.untagged_message() {
        eprintln!("ldn-journal: {why}");
    }
    Ok(())
}
