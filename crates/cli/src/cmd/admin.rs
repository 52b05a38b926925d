//! `demo` and `check`.

use std::path::Path;

use clap::Args;
use journal::Journal;

use crate::CliError;

/// Fill an empty journal with clearly labelled synthetic data (a titration story).
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of days, ending today.
    #[arg(long, default_value_t = 120)]
    days: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Add other medications, events and measures too.
    #[arg(long)]
    context: bool,
}

pub fn demo(j: &mut Journal, a: DemoArgs) -> Result<(), CliError> {
    journal::demo::fill(j, a.days, a.seed, chrono::Local::now().date_naive())?;
    if a.context {
        journal::demo::fill_context(j, a.seed)?;
    }
    let logged = j.check()?.days;
    println!(
        "wrote {} days of synthetic demo data to {} ({logged} logged, the rest left as gaps)",
        a.days,
        j.path().display()
    );
    Ok(())
}

pub fn check(j: &Journal, db: &Path) -> Result<(), CliError> {
    let s = j.check()?;
    println!("{}: ok; {s}", db.display());
    Ok(())
}
