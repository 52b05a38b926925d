//! `encrypt`, `decrypt` and `rekey`, and how every command gets the passphrase of an
//! encrypted journal: `--passphrase-file FILE` (its first line), or a prompt on the terminal.
//! Never an environment variable or an argument, which other users and shell histories see.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;
use journal::{Error, Journal, Key, Passphrase, encryption};

use crate::CliError;

/// Where passphrases come from.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    /// `--passphrase-file`: the journal's current passphrase (the new one for `encrypt`).
    pub file: Option<PathBuf>,
}

impl Secrets {
    /// Opens the journal at `db`, unlocking it with the passphrase when it is encrypted.
    pub fn open(&self, db: &Path) -> Result<Journal, CliError> {
        if let Some(f) = &self.file {
            return Ok(Journal::unlock(db, &Passphrase::from_file(f)?)?);
        }
        match Journal::open(db) {
            Err(Error::Locked { .. }) if std::io::stdin().is_terminal() => {
                let p = prompt(&format!("Passphrase for {}: ", db.display()))?;
                Ok(Journal::unlock(db, &p)?)
            }
            r => Ok(r?),
        }
    }

    /// The key of the journal at `db` without opening it (nothing is created or migrated):
    /// `None` when it is not encrypted.
    pub fn key(&self, db: &Path) -> Result<Option<Key>, CliError> {
        if !journal::encryption::is_encrypted(db) {
            return Ok(None);
        }
        let p = match self.given()? {
            Some(p) => p,
            None => prompt(&format!("Passphrase for {}: ", db.display()))?,
        };
        Ok(Some(Key::for_file(&p, db)?))
    }

    /// The passphrase given with `--passphrase-file`, if any.
    pub fn given(&self) -> Result<Option<Passphrase>, CliError> {
        Ok(self.file.as_deref().map(Passphrase::from_file).transpose()?)
    }
}

/// Encrypt the journal and its backups with a passphrase. There is no way to recover a
/// forgotten passphrase: keep a JSON export somewhere safe. Asks twice on a terminal when no
/// --passphrase-file is given.
#[derive(Debug, Args)]
pub struct EncryptArgs {}

/// Decrypt the journal and its backups (they become plain SQLite files again).
#[derive(Debug, Args)]
pub struct DecryptArgs {}

/// Change the passphrase of an encrypted journal (its backups are re-encrypted too).
#[derive(Debug, Args)]
pub struct RekeyArgs {
    /// The new passphrase: the first line of this file (asked twice on a terminal otherwise).
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

pub fn encrypt(db: &Path, secrets: &Secrets, _: EncryptArgs) -> Result<(), CliError> {
    let j = match Journal::open(db) {
        Err(Error::Locked { .. }) => {
            return Err(CliError::Usage(
                "the journal is already encrypted (or damaged); to change its passphrase, use `ldn-journal rekey`"
                    .into(),
            ));
        }
        r => r?,
    };
    let p = match secrets.given()? {
        Some(p) => p,
        None => new_passphrase()?,
    };
    let j = encryption::encrypt(j, &p)?;
    println!(
        "{} is encrypted, and so are its backups. There is no way to recover a forgotten passphrase: keep a JSON export somewhere safe.",
        j.path().display()
    );
    Ok(())
}

pub fn decrypt(db: &Path, secrets: &Secrets, _: DecryptArgs) -> Result<(), CliError> {
    let j = encryption::decrypt(secrets.open(db)?)?;
    println!("{} and its backups are no longer encrypted", j.path().display());
    Ok(())
}

pub fn rekey(db: &Path, secrets: &Secrets, a: RekeyArgs) -> Result<(), CliError> {
    let j = secrets.open(db)?;
    let p = match &a.new_passphrase_file {
        Some(f) => Passphrase::from_file(f)?,
        None => new_passphrase()?,
    };
    let j = encryption::rekey(j, &p)?;
    println!("the passphrase of {} and its backups is changed", j.path().display());
    Ok(())
}

/// A new passphrase, typed twice on the terminal.
fn new_passphrase() -> Result<Passphrase, CliError> {
    need_terminal()?;
    eprintln!(
        "There is no way to recover a forgotten passphrase: without it the journal cannot be opened. Keep a JSON export somewhere safe."
    );
    let first = prompt("New passphrase: ")?;
    let again = prompt("The same passphrase again: ")?;
    if first.as_str() != again.as_str() {
        return Err(CliError::Usage("the two passphrases differ; nothing was changed".into()));
    }
    Ok(first)
}

/// Reads a passphrase from the terminal without echoing it.
fn prompt(question: &str) -> Result<Passphrase, CliError> {
    need_terminal()?;
    let text = rpassword::prompt_password(question).map_err(|e| CliError::io("/dev/tty", e))?;
    Ok(Passphrase::new(text)?)
}

fn need_terminal() -> Result<(), CliError> {
    if std::io::stdin().is_terminal() {
        return Ok(());
    }
    Err(CliError::Usage(
        "the journal's passphrase is needed: give it with --passphrase-file FILE (there is no terminal to ask on)"
            .into(),
    ))
}
