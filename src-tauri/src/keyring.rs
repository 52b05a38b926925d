//! The opt-in "remember the passphrase on this computer": the passphrase of one journal kept
//! in the desktop's keyring (the freedesktop Secret Service, which GNOME Keyring and KWallet
//! provide), so that LDN Journal opens without asking at start-up. Anyone using the same
//! account can then open the journal; Settings says so before it is turned on.
//!
//! An item is named by the app and the journal's path, so two journals keep two passphrases.
//! Where there is no Secret Service (no desktop session, none installed), remembering fails
//! with a message and nothing else changes.

use std::collections::HashMap;
use std::path::Path;

use journal::Passphrase;
use secret_service::EncryptionType;
use secret_service::blocking::SecretService;
use zeroize::Zeroizing;

use crate::error::{IpcError, IpcResult};

const LABEL: &str = "LDN Journal passphrase";

/// The attributes that name a journal's item: the app, and the journal's path.
struct Attributes(String);

impl Attributes {
    fn of(journal: &Path) -> Self {
        Self(journal.display().to_string())
    }

    fn map(&self) -> HashMap<&str, &str> {
        HashMap::from([("application", journal::paths::APP_ID), ("journal", self.0.as_str())])
    }
}

fn unavailable(e: secret_service::Error) -> IpcError {
    eprintln!("ldn-journal-app: keyring: {e}");
    IpcError::Retry(
        "the desktop's keyring could not be reached (is GNOME Keyring or KWallet running and unlocked?); \
         nothing was remembered"
            .into(),
    )
}

fn service() -> Result<SecretService<'static>, secret_service::Error> {
    SecretService::connect(EncryptionType::Dh)
}

/// Keeps `passphrase` for the journal at `journal`, replacing one kept before.
pub fn remember(journal: &Path, passphrase: &Passphrase) -> IpcResult<()> {
    let ss = service().map_err(unavailable)?;
    let collection = ss.get_default_collection().map_err(unavailable)?;
    if collection.is_locked().map_err(unavailable)? {
        collection.unlock().map_err(unavailable)?;
    }
    let attrs = Attributes::of(journal);
    collection
        .create_item(LABEL, attrs.map(), passphrase.as_str().as_bytes(), true, "text/plain")
        .map_err(unavailable)?;
    Ok(())
}

/// The passphrase kept for the journal at `journal`, if one is (and the keyring is unlocked
/// or unlocks). Never an error: without it the unlock screen simply asks.
pub fn recall(journal: &Path) -> Option<Passphrase> {
    let ss = service().ok()?;
    let attrs = Attributes::of(journal);
    let found = ss.search_items(attrs.map()).ok()?;
    let item = match (found.unlocked.first(), found.locked.first()) {
        (Some(item), _) => item,
        (None, Some(item)) => {
            item.unlock().ok()?;
            item
        }
        (None, None) => return None,
    };
    let secret = Zeroizing::new(item.get_secret().ok()?);
    let text = std::str::from_utf8(&secret).ok()?;
    Passphrase::new(text.to_owned()).ok()
}

/// Whether a passphrase is kept for the journal at `journal` (read without unlocking anything).
pub fn remembers(journal: &Path) -> bool {
    let attrs = Attributes::of(journal);
    let Ok(ss) = service() else { return false };
    ss.search_items(attrs.map()).is_ok_and(|found| !found.unlocked.is_empty() || !found.locked.is_empty())
}

/// Forgets the passphrase kept for the journal at `journal`, if any.
pub fn forget(journal: &Path) -> IpcResult<()> {
    let attrs = Attributes::of(journal);
    let ss = match service() {
        Ok(ss) => ss,
        // No keyring: nothing can be kept there.
        Err(_) => return Ok(()),
    };
    let found = ss.search_items(attrs.map()).map_err(unavailable)?;
    for item in found.unlocked.iter().chain(found.locked.iter()) {
        item.delete().map_err(unavailable)?;
    }
    Ok(())
}
