//! Turning encryption on and off, and changing the passphrase: [`encrypt`], [`decrypt`],
//! [`rekey`].
//!
//! Each one writes the journal into a new file with the new key (`sqlcipher_export`), checks
//! the copy (integrity check, and the same content, table by table, as the journal), and
//! renames it over the journal: a kill at any point leaves the old journal or the new one,
//! whole. The backups are rewritten the same way, one by one, so that they stay readable
//! with the journal's key. The replaced files are overwritten with zeros before they are let
//! go: best effort, since an SSD or a copy-on-write file system may keep the old blocks
//! (full-disk encryption is the complete answer).

use std::fs;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use crate::backup::{self, close_alone};
use crate::files::{self, remove_with_side_files, sync_dir, sync_file, with_suffix};
use crate::store::{FileKind, connect, file_kind, schema};
use crate::{Error, Journal, Key, Passphrase, Result};

/// Whether the file at `path` is encrypted (or damaged: the two look alike): opening it needs
/// its passphrase. Reads the first bytes only.
pub fn is_encrypted(path: &Path) -> bool {
    matches!(file_kind(path), Ok(FileKind::Encrypted))
}

/// Encrypts the unencrypted journal `j` with `passphrase` (and its backups with it). Returns
/// the journal, open with its new key.
///
/// On an error the journal passed in is closed and unchanged: open it again.
pub fn encrypt(j: Journal, passphrase: &Passphrase) -> Result<Journal> {
    if j.is_encrypted() {
        return Err(Error::invalid("passphrase", "the journal is already encrypted; change its passphrase instead"));
    }
    let key = Key::fresh(passphrase)?;
    convert(j, Some(key))
}

/// Decrypts the encrypted journal `j` (open with its key) and its backups.
pub fn decrypt(j: Journal) -> Result<Journal> {
    if !j.is_encrypted() {
        return Err(Error::invalid("passphrase", "the journal is not encrypted"));
    }
    convert(j, None)
}

/// Encrypts the encrypted journal `j` (open with its key) and its backups with `passphrase`
/// instead, under a new salt.
pub fn rekey(j: Journal, passphrase: &Passphrase) -> Result<Journal> {
    if !j.is_encrypted() {
        return Err(Error::invalid("passphrase", "the journal is not encrypted; turn encryption on instead"));
    }
    let key = Key::fresh(passphrase)?;
    convert(j, Some(key))
}

/// Rewrites the journal and its backups with `to`, then swaps each copy in.
fn convert(j: Journal, to: Option<Key>) -> Result<Journal> {
    let path = j.path().to_path_buf();
    let from = j.key().cloned();
    let tmp = converting(&path);
    // What an earlier, interrupted attempt left (it may hold plain text): gone first.
    for (partial, _) in backup::rewrites_of(&path) {
        remove_shredded(&partial);
    }
    remove_shredded(&tmp);
    let prepared = (|| {
        export(j.conn(), &path, &tmp, to.as_ref())?;
        prepare_backups(&path, from.as_ref(), to.as_ref())
    })();
    let backups = match prepared {
        Ok(b) => b,
        Err(e) => {
            remove_with_side_files(&tmp);
            return Err(e);
        }
    };
    let discard = |backups: &[Rewrite]| {
        remove_with_side_files(&tmp);
        backups.iter().filter_map(|b| b.new.as_deref()).for_each(remove_with_side_files);
    };
    // Held open so the old journal's bytes can be overwritten once it has been replaced.
    let old = fs::OpenOptions::new().write(true).open(&path).map_err(|e| Error::io(&path, e));
    let closed = old.and_then(|old| close_alone(j).map(|_| old));
    let old = closed.inspect_err(|_| discard(&backups))?;
    if let Err(e) = fs::rename(&tmp, &path) {
        discard(&backups);
        return Err(files::io_or_full(&path, e));
    }
    sync_dir(files::folder(&path));
    let _ = fs::remove_file(with_suffix(&path, "-shm"));
    shred(&old);
    drop(old);
    for b in &backups {
        b.swap_in();
    }
    sync_dir(&backup::dir(&path));
    let j = Journal::open_with(&path, to)?;
    // Today's backup, in the new form, unless a rewritten one is already there. The journal
    // is converted whatever becomes of it: a backup that fails now is made at the next start.
    let _ = backup::daily(&j, chrono::Local::now().date_naive());
    Ok(j)
}

/// Where the journal at `path` is rewritten before it is renamed over it.
fn converting(path: &Path) -> PathBuf {
    with_suffix(path, ".converting")
}

/// Finishes what a killed [`encrypt`], [`decrypt`] or [`rekey`] left undone, on opening the
/// journal `j`: a rewritten backup that matches the journal (plain for a plain journal, with
/// its key for an encrypted one) is put in place of the backup it was made from; a journal
/// copy or a backup copy that does not match (the kill came before the journal was renamed)
/// is deleted once it is a minute old, since another process may still be writing it.
pub(crate) fn finish_interrupted(j: &Journal) {
    let stale = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(60))
    };
    let tmp = converting(j.path());
    if tmp.exists() && stale(&tmp) {
        remove_shredded(&tmp);
    }
    for (partial, old) in backup::rewrites_of(j.path()) {
        let matches = match (file_kind(&partial), j.key()) {
            (Ok(FileKind::Plain), None) => true,
            (Ok(FileKind::Encrypted), Some(key)) => crate::store::read_salt(&partial).is_ok_and(|s| s == key.salt()),
            _ => false,
        };
        if matches && backup::inspect(&partial, j.key()).is_ok() {
            Rewrite { old, new: Some(partial) }.swap_in();
        } else if stale(&partial) {
            remove_shredded(&partial);
        }
    }
}

/// Overwrites the file at `p` with zeros and deletes it, with its side files.
fn remove_shredded(p: &Path) {
    if let Ok(f) = fs::OpenOptions::new().write(true).open(p) {
        shred(&f);
    }
    remove_with_side_files(p);
}

/// One backup to rewrite: the checked copy under the new key, or `None` when it is to be
/// deleted (a plain backup that does not open, when the journal is being encrypted).
struct Rewrite {
    old: PathBuf,
    new: Option<PathBuf>,
}

impl Rewrite {
    /// Puts the new copy in place of the old backup (or deletes it), zeroing the old bytes.
    /// Best effort: a copy that could not be put in place is finished when the journal is
    /// next opened ([`finish_interrupted`]).
    fn swap_in(&self) {
        let old = fs::OpenOptions::new().write(true).open(&self.old);
        let replaced = match &self.new {
            Some(new) => fs::rename(new, &self.old),
            None => fs::remove_file(&self.old),
        };
        if let (Ok(old), Ok(())) = (old, replaced) {
            shred(&old);
        }
    }
}

/// Writes a checked copy of each backup of the journal at `journal` with `to` beside it.
/// Backups that `from` does not open (made before an earlier passphrase change) are left as
/// they are, except plain ones when encrypting: those are deleted.
fn prepare_backups(journal: &Path, from: Option<&Key>, to: Option<&Key>) -> Result<Vec<Rewrite>> {
    let mut out = Vec::new();
    let result = (|| {
        for old in backup::files_of(journal)? {
            let kind = file_kind(&old);
            // Read-write, though nothing is written to it: the copy is attached to this
            // connection, and attached files are opened as the main one is.
            let conn = match kind {
                Ok(FileKind::Plain) => connect(&old, &old, OpenFlags::SQLITE_OPEN_READ_WRITE, None),
                Ok(FileKind::Encrypted) if from.is_some() => {
                    connect(&old, &old, OpenFlags::SQLITE_OPEN_READ_WRITE, from)
                }
                _ => Err(Error::Locked { path: old.clone() }),
            };
            let plain = matches!(kind, Ok(FileKind::Plain));
            let Ok(conn) = conn else {
                if plain && to.is_some() {
                    out.push(Rewrite { old, new: None });
                }
                continue;
            };
            if plain && to.is_none() {
                continue; // already as it should be: a plain backup of a journal being decrypted
            }
            let new = with_suffix(&old, backup::PARTIAL);
            let written = export(&conn, &old, &new, to);
            drop(conn);
            written?;
            out.push(Rewrite { old, new: Some(new) });
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(out),
        Err(e) => {
            out.iter().filter_map(|b| b.new.as_deref()).for_each(remove_with_side_files);
            Err(e)
        }
    }
}

/// Writes the database open on `src` (the file `label`) into the new single-file database
/// `dest`, encrypted with `key` or plain, and checks that it holds the same content.
pub(crate) fn export(src: &Connection, label: &Path, dest: &Path, key: Option<&Key>) -> Result<()> {
    remove_with_side_files(dest);
    drop(files::create_private(dest).map_err(|e| files::io_or_full(dest, e))?);
    let written = (|| {
        Key::attach(src, dest, "converted", key)?;
        let copied = (|| {
            src.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            // Not copied by sqlcipher_export: the schema version and whose file this is.
            let version: i64 = src.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
            src.execute_batch(&format!(
                "PRAGMA converted.user_version = {version}; PRAGMA converted.application_id = {};",
                schema::APPLICATION_ID
            ))
        })();
        let detached = src.execute_batch("DETACH DATABASE converted");
        copied.and(detached)?;
        let copy = connect(label, dest, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
        let check: String = copy.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if check != "ok" || digest(&copy)? != digest(src)? {
            return Err(Error::Backup {
                path: dest.to_path_buf(),
                reason: format!("the rewritten copy does not hold what the journal holds ({check})"),
            });
        }
        copy.close().map_err(|(_, e)| Error::from(e))?;
        sync_file(dest)
    })();
    written.inspect_err(|_| remove_with_side_files(dest))
}

/// A digest of everything the database on `conn` holds: its schema and every row of every
/// table, in order.
fn digest(conn: &Connection) -> Result<[u8; 32]> {
    let mut h = Sha256::new();
    let mut tables = Vec::new();
    let mut stmt = conn.prepare("SELECT type, name, sql FROM main.sqlite_master ORDER BY type, name")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (kind, name, sql): (String, String, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        for part in [kind.as_str(), name.as_str(), sql.as_deref().unwrap_or("")] {
            hash_bytes(&mut h, part.as_bytes());
        }
        if kind == "table" && !name.starts_with("sqlite_") {
            tables.push(name);
        }
    }
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM main.\"{}\"", t.replace('"', "\"\"")))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..columns {
                use rusqlite::types::ValueRef;
                match r.get_ref(i)? {
                    ValueRef::Null => h.update([0]),
                    ValueRef::Integer(n) => {
                        h.update([1]);
                        h.update(n.to_le_bytes());
                    }
                    ValueRef::Real(x) => {
                        h.update([2]);
                        h.update(x.to_bits().to_le_bytes());
                    }
                    ValueRef::Text(b) => {
                        h.update([3]);
                        hash_bytes(&mut h, b);
                    }
                    ValueRef::Blob(b) => {
                        h.update([4]);
                        hash_bytes(&mut h, b);
                    }
                }
            }
        }
    }
    Ok(h.finalize().into())
}

fn hash_bytes(h: &mut Sha256, b: &[u8]) {
    h.update((b.len() as u64).to_le_bytes());
    h.update(b);
}

/// Overwrites the whole file open as `f` with zeros and syncs it. Best effort.
fn shred(f: &fs::File) {
    let Ok(len) = f.metadata().map(|m| m.len()) else { return };
    let zeros = vec![0u8; 64 * 1024];
    let mut at = 0;
    while at < len {
        let n = zeros.len().min(usize::try_from(len - at).unwrap_or(zeros.len()));
        if f.write_all_at(&zeros[..n], at).is_err() {
            return;
        }
        at += n as u64;
    }
    let _ = f.sync_all();
}
