//! `ldn-journal`: the LDN Journal command line. Glue over the `journal` crate: parse
//! arguments, call the core, print. No journal logic lives here.

mod cmd;
mod error;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use error::CliError;

#[derive(Debug, Parser)]
#[command(
    name = "ldn-journal",
    version,
    about = "LDN Journal from the command line. Records and shows; gives no medical or dosing advice."
)]
struct Cli {
    /// Journal file (default: the app's journal in your data directory).
    #[arg(long, global = true, env = journal::paths::DB_ENV, value_name = "PATH")]
    db: Option<PathBuf>,

    /// The journal's passphrase, if it is encrypted: the first line of FILE (asked on a
    /// terminal otherwise). For `encrypt`, the new passphrase.
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Log(Box<cmd::day::LogArgs>),
    Show(cmd::day::ShowArgs),
    List(cmd::day::ListArgs),
    Search(cmd::search::SearchArgs),
    Export(cmd::exchange::ExportArgs),
    Import(cmd::exchange::ImportArgs),
    Chart(cmd::chart::ChartArgs),
    Report(cmd::report::ReportArgs),
    Symptoms(cmd::catalog::SymptomsArgs),
    Meds(cmd::meds::MedsArgs),
    Supply(cmd::supply::SupplyArgs),
    Events(cmd::events::EventsArgs),
    Measures(cmd::measures::MeasuresArgs),
    Demo(cmd::admin::DemoArgs),
    /// Check the journal file's integrity and say what it holds. Changes nothing.
    Check,
    Backup(cmd::backup::BackupArgs),
    /// List the journal's backups, newest first.
    Backups,
    Restore(cmd::backup::RestoreArgs),
    Wipe(cmd::backup::WipeArgs),
    Reminder(cmd::reminder::ReminderArgs),
    Encrypt(cmd::lock::EncryptArgs),
    Decrypt(cmd::lock::DecryptArgs),
    Rekey(cmd::lock::RekeyArgs),
    Completions(cmd::docs::CompletionsArgs),
    #[command(hide = true)]
    Man(cmd::docs::ManArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ldn-journal: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    // These describe the command line itself: no journal, no folder is touched.
    match cli.command {
        Command::Completions(a) => return cmd::docs::completions(Cli::command(), a),
        Command::Man(a) => return cmd::docs::man(Cli::command(), a),
        _ => {}
    }
    let db = match cli.db {
        Some(p) => p,
        None => {
            // Folders of releases with the old identifier move before anything opens them.
            for notice in journal::paths::settle_folders() {
                eprintln!("ldn-journal: {notice}");
            }
            journal::paths::default_journal().ok_or(CliError::NoDataDir)?
        }
    };
    let secrets = cmd::lock::Secrets { file: cli.passphrase_file };
    let open = || secrets.open(&db);
    match cli.command {
        Command::Log(a) => cmd::day::log(&mut open()?, *a),
        Command::Show(a) => cmd::day::show(&open()?, a),
        Command::List(a) => cmd::day::list(&open()?, a),
        Command::Search(a) => cmd::search::search(&open()?, a),
        Command::Export(a) => cmd::exchange::export(&open()?, a),
        Command::Import(a) => cmd::exchange::import(&mut open()?, a),
        Command::Chart(a) => cmd::chart::chart(&open()?, a),
        Command::Report(a) => cmd::report::report(&open()?, a),
        Command::Symptoms(a) => cmd::catalog::symptoms(&mut open()?, a),
        Command::Meds(a) => cmd::meds::meds(&mut open()?, a),
        Command::Supply(a) => cmd::supply::supply(&mut open()?, a),
        Command::Events(a) => cmd::events::events(&mut open()?, a),
        Command::Measures(a) => cmd::measures::measures(&mut open()?, a),
        Command::Demo(a) => cmd::admin::demo(&mut open()?, a),
        Command::Check => cmd::admin::check(&open()?, &db),
        Command::Backup(a) => cmd::backup::backup(&open()?, a),
        Command::Backups => cmd::backup::list(&db, &secrets),
        Command::Restore(a) => cmd::backup::restore(&db, &secrets, a),
        Command::Wipe(a) => cmd::backup::wipe(open()?, a),
        Command::Reminder(a) => cmd::reminder::reminder(&db, a),
        Command::Encrypt(a) => cmd::lock::encrypt(&db, &secrets, a),
        Command::Decrypt(a) => cmd::lock::decrypt(&db, &secrets, a),
        Command::Rekey(a) => cmd::lock::rekey(&db, &secrets, a),
        Command::Completions(_) | Command::Man(_) => Ok(()),
    }
}
