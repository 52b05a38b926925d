//! `backup`, `backups`, `restore` and `wipe`.

use std::path::{Path, PathBuf};

use clap::Args;
use journal::Journal;
use journal::backup::{self, BackupInfo, Kind};

use crate::CliError;
use crate::cmd::lock::Secrets;

/// Back up the journal now (checked with SQLite's integrity check; owner-only). Without -o
/// it becomes today's backup in the backups folder beside the journal.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn backup(j: &Journal, a: BackupArgs) -> Result<(), CliError> {
    let info = match a.output {
        Some(out) => backup::to_file(j, &out)?,
        None => backup::now(j, chrono::Local::now().date_naive())?,
    };
    println!("backup written: {}", describe(&info));
    Ok(())
}

/// List the journal's backups, newest first. Those of an encrypted journal open with its key.
/// The journal itself is not opened: a damaged one still lists its backups.
pub fn list(db: &Path, secrets: &Secrets) -> Result<(), CliError> {
    let key = secrets.key(db)?;
    let all = backup::list(db, key.as_ref())?;
    if all.is_empty() {
        println!("no backups yet in {}", backup::dir(db).display());
    }
    for b in all {
        println!("{}", describe(&b));
    }
    Ok(())
}

/// Replace the journal with a backup. The current journal is backed up first; the backup is
/// checked before anything changes.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup (from `ldn-journal backups`) or any LDN Journal file.
    file: PathBuf,
}

pub fn restore(db: &Path, secrets: &Secrets, a: RestoreArgs) -> Result<(), CliError> {
    let j = match secrets.open(db) {
        Ok(j) => {
            let incoming = backup::inspect(&a.file, j.key())?;
            let j = backup::restore(j, &a.file)?;
            println!("restored {}", describe(&incoming));
            j
        }
        // The journal cannot be opened (damaged, not a journal, newer): what its message says
        // to do is restore a backup, so that works too; the refused file is kept.
        Err(CliError::Journal(
            journal::Error::Corrupt { .. } | journal::Error::NotAJournal { .. } | journal::Error::NewerVersion { .. },
        )) => {
            // An encrypted backup opens with the passphrase given for it.
            let key = match secrets.given()? {
                Some(p) if journal::backup::inspect(&a.file, None).is_err() => {
                    Some(journal::Key::for_file(&p, &a.file)?)
                }
                _ => None,
            };
            let incoming = backup::inspect(&a.file, key.as_ref())?;
            let (j, aside) = backup::restore_over_refused(db, &a.file, key)?;
            println!("restored {}", describe(&incoming));
            println!("the file that could not be opened is kept as {}", aside.display());
            drop(j);
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let previous = backup::list(j.path(), j.key())?.into_iter().find(|b| b.kind == Kind::BeforeRestore);
    if let Some(p) = previous {
        println!("the journal as it was before is kept as {}", p.path.display());
    }
    Ok(())
}

/// Delete the journal, its WAL/SHM files and all its backups, then start a fresh journal.
#[derive(Debug, Args)]
pub struct WipeArgs {
    /// Required: this cannot be undone.
    #[arg(long)]
    yes_really: bool,
}

pub fn wipe(j: Journal, a: WipeArgs) -> Result<(), CliError> {
    if !a.yes_really {
        return Err(CliError::Usage(format!(
            "this deletes {} and all its backups for good; run again with --yes-really to do it",
            j.path().display()
        )));
    }
    let j = journal::wipe(j)?;
    println!("deleted everything; {} is a fresh, empty journal", j.path().display());
    Ok(())
}

fn describe(b: &BackupInfo) -> String {
    let kind = match b.kind {
        Kind::Daily => "daily",
        Kind::BeforeImport => "before import",
        Kind::BeforeRestore => "before restore",
        Kind::File => "file",
    };
    let range = match (b.summary.first, b.summary.last) {
        (Some(f), Some(l)) => format!("{f} to {l}"),
        _ => "no days".into(),
    };
    format!(
        "{} ({kind}, {}, {} days, {range}, schema {})",
        b.path.display(),
        b.created.format("%Y-%m-%d %H:%M"),
        b.summary.days,
        b.summary.schema_version
    )
}
