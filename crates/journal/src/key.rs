//! The key of an encrypted journal, and the passphrase it comes from.
//!
//! An encrypted journal is a SQLCipher 4 database: AES-256 pages, a random 16-byte salt in
//! the file's first bytes, and a key derived from the passphrase with PBKDF2-HMAC-SHA512
//! (256,000 rounds). The derivation is deliberately slow (a few hundred milliseconds), so it
//! runs once, here, when the journal is unlocked: every connection afterwards (the app's
//! reads, its background backup, the backups it lists) is given the derived key as SQLCipher's
//! "raw key", which skips the derivation. The key is derived exactly as SQLCipher derives it
//! from a passphrase, so any SQLCipher 4 tool opens the journal with the passphrase alone.
//!
//! The journal and every backup made from it share one salt and so one key. A new salt (and
//! key) is drawn when encryption is turned on and when the passphrase changes.
//!
//! Neither the passphrase nor the key is ever written anywhere but into SQLCipher's own
//! memory; both are zeroed when dropped, and their `Debug` shows no secret.

use std::path::Path;

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::{Error, FieldError, Result};

/// SQLCipher 4's default number of PBKDF2 rounds.
const KDF_ROUNDS: u32 = 256_000;
const KEY_BYTES: usize = 32;
pub(crate) const SALT_BYTES: usize = 16;

/// The longest passphrase accepted, in bytes (a pasted novel is a mistake, not a passphrase).
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

/// A passphrase as typed. Never empty; zeroed on drop.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Takes `text` as the passphrase, refusing an empty or an absurdly long one.
    pub fn new(text: String) -> Result<Self> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(Error::Invalid(vec![FieldError::new("passphrase", "enter the passphrase")]));
        }
        if text.len() > MAX_PASSPHRASE_BYTES {
            return Err(Error::Invalid(vec![FieldError::new(
                "passphrase",
                format!("a passphrase can be at most {MAX_PASSPHRASE_BYTES} bytes long"),
            )]));
        }
        Ok(Self(text))
    }

    /// The passphrase in a file: its content up to the first newline (a trailing `\r` too).
    pub fn from_file(path: &Path) -> Result<Self> {
        use std::io::Read;
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if !meta.is_file() || meta.len() > 64 * 1024 {
            return Err(Error::invalid("passphrase", format!("{} is not a passphrase file", path.display())));
        }
        // Sized up front, so reading never reallocates and leaves an unzeroed copy behind.
        let mut bytes = Zeroizing::new(Vec::with_capacity(meta.len() as usize + 1));
        std::fs::File::open(path)
            .and_then(|f| f.take(64 * 1024).read_to_end(&mut bytes))
            .map_err(|e| Error::io(path, e))?;
        let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let text = std::str::from_utf8(line)
            .map_err(|_| Error::Format(format!("{}: the passphrase file is not UTF-8 text", path.display())))?;
        Self::new(text.to_owned())
    }

    fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The passphrase as text (to compare two typings of it).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

/// The derived key of one encrypted journal (and its backups), with the salt it was derived
/// with. Cheap to clone; every copy is zeroed on drop.
#[derive(Clone)]
pub struct Key {
    raw: Zeroizing<[u8; KEY_BYTES]>,
    salt: [u8; SALT_BYTES],
}

impl Key {
    /// Derives the key `passphrase` gives with `salt`, as SQLCipher 4 does.
    pub fn derive(passphrase: &Passphrase, salt: [u8; SALT_BYTES]) -> Self {
        let mut raw = Zeroizing::new([0u8; KEY_BYTES]);
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(passphrase.bytes(), &salt, KDF_ROUNDS, raw.as_mut());
        Self { raw, salt }
    }

    /// A key for a new encrypted file: `passphrase` with a fresh random salt.
    pub fn fresh(passphrase: &Passphrase) -> Result<Self> {
        let mut salt = [0u8; SALT_BYTES];
        // A salt of text bytes only (one in a few million) would make the file look like a
        // text file, not an encrypted journal (`store::file_kind`): draw again.
        while salt.iter().all(|b| crate::store::text_byte(*b)) {
            getrandom::getrandom(&mut salt)
                .map_err(|e| Error::Io { path: "/dev/urandom".into(), source: std::io::Error::other(e.to_string()) })?;
        }
        Ok(Self::derive(passphrase, salt))
    }

    /// The key `passphrase` gives for the encrypted file at `path` (with the salt in its
    /// first bytes).
    pub fn for_file(passphrase: &Passphrase, path: &Path) -> Result<Self> {
        let salt = crate::store::read_salt(path)?;
        Ok(Self::derive(passphrase, salt))
    }

    /// Whether `passphrase` gives this key (a check before the passphrase is changed or
    /// encryption turned off). Compares every byte, so the time taken says nothing.
    pub fn opened_by(&self, passphrase: &Passphrase) -> bool {
        let other = Self::derive(passphrase, self.salt);
        self.raw.iter().zip(other.raw.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }

    /// The salt: files with the same salt share this key.
    pub(crate) fn salt(&self) -> [u8; SALT_BYTES] {
        self.salt
    }

    /// SQLCipher's raw-key form, `x'<key><salt>'` in hex: used as is, no derivation.
    fn spec(&self) -> Zeroizing<String> {
        // Sized up front, so the string never reallocates and leaves an unzeroed copy behind.
        let mut s = Zeroizing::new(String::with_capacity(24 + 2 * (KEY_BYTES + SALT_BYTES)));
        s.push_str("x'");
        for b in self.raw.iter().chain(self.salt.iter()) {
            push_hex(&mut s, *b);
        }
        s.push('\'');
        s
    }

    /// Keys `conn` (its main database) with this key. Must come before anything reads it.
    pub(crate) fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        let mut sql = Zeroizing::new(String::with_capacity(32 + 2 * (KEY_BYTES + SALT_BYTES)));
        sql.push_str("PRAGMA key = \"");
        sql.push_str(&self.spec());
        sql.push_str("\";");
        conn.execute_batch(&sql)
    }

    /// Attaches `file` as schema `name`, encrypted with this key (or a plain file, for `None`).
    pub(crate) fn attach(conn: &Connection, file: &Path, name: &str, key: Option<&Key>) -> rusqlite::Result<()> {
        let spec = key.map(Key::spec).unwrap_or_default();
        conn.execute(
            &format!("ATTACH DATABASE ?1 AS {name} KEY ?2"),
            rusqlite::params![file.to_string_lossy(), spec.as_str()],
        )?;
        Ok(())
    }
}

fn push_hex(s: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    s.push(char::from(HEX[usize::from(b >> 4)]));
    s.push(char::from(HEX[usize::from(b & 15)]));
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}
