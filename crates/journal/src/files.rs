//! The file system: writing files the user asked for (exports, reports, backups to a chosen
//! place), and the small helpers that backup, restore and wipe share.
//!
//! Every write to a path the user chose goes through [`write_export`] (or, for a backup file,
//! [`check_destination`] first): it refuses the journal itself, its SQLite side files, a
//! half-restored copy and anything in the backups folder, comparing canonical paths (symlinks
//! followed), and writes through a temporary file created exclusively (never through a file or
//! symlink someone left at a predictable name).

use std::ffi::OsString;
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Error, Result};

/// Writes `bytes` to `dest`, a file the user chose, whole or not at all and owner-only (it
/// holds health data). Refuses with [`Error::WouldOverwriteJournal`] when `dest` is the journal
/// at `journal`, one of its side files or anything in its backups folder.
pub fn write_export(journal: &Path, dest: &Path, bytes: &[u8]) -> Result<()> {
    check_destination(journal, dest).and_then(|()| write_private(dest, bytes)).map_err(|e| match e {
        Error::Io { path, source } => Error::Save { path, source },
        other => other,
    })
}

/// Refuses a destination the user chose when writing there would replace the journal at
/// `journal`, its `-wal`/`-shm`/`-journal` files, a restore in progress, or anything inside its
/// backups folder (or the folder itself). Paths are compared canonically: symlinks are
/// followed, and a file that does not exist yet is judged by its folder's canonical path.
pub fn check_destination(journal: &Path, dest: &Path) -> Result<()> {
    let target = canonical(dest).map_err(|e| Error::io(dest, e))?;
    let mut bases = vec![journal.to_path_buf()];
    if let Ok(c) = canonical(journal) {
        bases.push(c);
    }
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for base in &bases {
        let restoring = restore_temp(base);
        for f in [base.clone(), restoring.clone()].into_iter().chain(side_files(base)).chain(side_files(&restoring)) {
            files.push(canonical(&f).unwrap_or(f));
        }
        let backups = backups_dir(base);
        folders.push(canonical(&backups).unwrap_or(backups));
    }
    if files.contains(&target) || folders.iter().any(|d| target.starts_with(d)) {
        return Err(Error::WouldOverwriteJournal);
    }
    Ok(())
}

/// Largest file [`read_regular`] reads: far above a ten-year export (a few MB), small enough
/// that a wrong file (a disk image, `/dev/zero`) is refused instead of filling memory.
pub const MAX_READ_BYTES: u64 = 256 << 20;

/// Reads a file the user named (an import): only a regular file (a FIFO or a device would
/// block or never end) of at most [`MAX_READ_BYTES`].
pub fn read_regular(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid("file", format!("{} is not a regular file", path.display())));
    }
    let too_large =
        || Error::invalid("file", format!("{} is over 256 MB: that is not an LDN Journal export", path.display()));
    if meta.len() > MAX_READ_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_READ_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_READ_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Refuses to read the journal at `journal` (or one of its working files) as if it were
/// another file: closing a second descriptor of the live journal would drop this process's
/// SQLite locks on it (see `store::read_header`), and a journal restored from itself is no way
/// back. Paths are compared as [`check_destination`] compares them.
pub fn check_source(journal: &Path, source: &Path) -> Result<()> {
    match check_destination(journal, source) {
        Err(Error::WouldOverwriteJournal) if !in_backups(journal, source) => {
            Err(Error::invalid("file", "that is the journal itself; choose a backup or another journal file"))
        }
        _ => Ok(()),
    }
}

/// Whether `p` is inside the backups folder of `journal` (backups are fine to read).
fn in_backups(journal: &Path, p: &Path) -> bool {
    let backups = backups_dir(journal);
    let backups = canonical(&backups).unwrap_or(backups);
    canonical(p).is_ok_and(|c| c.starts_with(&backups))
}

/// The folder holding the backups of the journal at `journal` (`backup::dir`). Where the
/// journal's files live is this module's concern, so backup and the destination checks here
/// share it without depending on each other.
pub fn backups_dir(journal: &Path) -> PathBuf {
    journal.parent().unwrap_or(Path::new("")).join("backups")
}

/// Where a restore writes the incoming journal before it replaces the current one.
pub(crate) fn restore_temp(journal: &Path) -> PathBuf {
    with_suffix(journal, ".restoring")
}

/// The canonical form of `p`, which need not exist: a missing file is its folder's canonical
/// path joined with its name; a dangling symlink is followed to where it points.
fn canonical(p: &Path) -> std::io::Result<PathBuf> {
    let mut p = p.to_path_buf();
    for _ in 0..40 {
        match fs::canonicalize(&p) {
            Ok(c) => return Ok(c),
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let parent = folder(&p).to_path_buf();
        if let Ok(target) = fs::read_link(&p) {
            p = parent.join(target); // an absolute target replaces `parent`
            continue;
        }
        let name = p.file_name().ok_or_else(|| std::io::Error::from(ErrorKind::NotFound))?;
        return Ok(fs::canonicalize(&parent)?.join(name));
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// The folder `p` is in (`.` for a bare file name).
pub(crate) fn folder(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` whole or not at all: a new temporary file beside it, synced, then
/// renamed over it. The file is readable by its owner only. Callers check the destination.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let (tmp, mut f) = create_temp(folder(path), &name_of(path))?;
    let mut write = || -> std::io::Result<()> {
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_or_full(path, e)
    })?;
    sync_dir(folder(path));
    Ok(())
}

fn name_of(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into())
}

/// Creates a new, empty, owner-only file named `<base>.<unique>.partial` in `dir`, exclusively
/// (`O_EXCL`: never an existing file, never through a symlink). The caller removes it on failure.
pub(crate) fn create_temp(dir: &Path, base: &str) -> Result<(PathBuf, fs::File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last = None;
    for _ in 0..100 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = dir.join(format!("{base}.{}-{n}-{nanos:x}.partial", std::process::id()));
        match create_private(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(io_or_full(&p, e)),
        }
    }
    let e = last.unwrap_or_else(|| std::io::Error::from(ErrorKind::AlreadyExists));
    Err(Error::io(dir, e))
}

/// Creates `p`, which must not exist yet, owner-only, for writing.
pub(crate) fn create_private(p: &Path) -> std::io::Result<fs::File> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(p)
}

/// Gives the finished file `tmp` the name `dest` unless something already has that name
/// (then `AlreadyExists`, and `tmp` is left as it is). A hard link makes the check and the
/// naming one step; where links are not supported, a rename after a check.
pub(crate) fn publish_new(tmp: &Path, dest: &Path) -> std::io::Result<()> {
    match fs::hard_link(tmp, dest) {
        Ok(()) => {
            let _ = fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        Err(_) if fs::symlink_metadata(dest).is_ok() => Err(ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(tmp, dest),
    }
}

/// Copies `from` to the new owner-only file `to` (replacing a leftover of that name) and syncs it.
pub(crate) fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = fs::File::open(from).map_err(|e| Error::io(from, e))?;
    let _ = fs::remove_file(to);
    let mut dst = create_private(to).map_err(|e| io_or_full(to, e))?;
    std::io::copy(&mut src, &mut dst).map_err(|e| io_or_full(to, e))?;
    dst.sync_all().map_err(|e| io_or_full(to, e))
}

pub(crate) fn io_or_full(p: &Path, e: std::io::Error) -> Error {
    if e.kind() == ErrorKind::StorageFull { Error::DiskFull } else { Error::io(p, e) }
}

/// Tightens the permissions of a folder or file we own (one made by an older version or by hand).
pub(crate) fn make_private(p: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let current = fs::metadata(p).map_err(|e| Error::io(p, e))?.permissions().mode() & 0o777;
        if current != mode {
            fs::set_permissions(p, fs::Permissions::from_mode(mode)).map_err(|e| Error::io(p, e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (p, mode);
    Ok(())
}

/// The files SQLite keeps beside a database: write-ahead log, shared memory, rollback journal.
pub(crate) fn side_files(path: &Path) -> [PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|suffix| with_suffix(path, suffix))
}

/// `path` with `suffix` appended to its file name (`journal.sqlite3` → `journal.sqlite3-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = OsString::from(path.as_os_str());
    s.push(suffix);
    PathBuf::from(s)
}

/// Removes `p`; a file that is already gone is fine.
pub(crate) fn remove_file(p: &Path) -> Result<()> {
    match fs::remove_file(p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(p, e)),
    }
}

/// Removes a database file and its side files, as far as possible (cleaning up).
pub(crate) fn remove_with_side_files(p: &Path) {
    for f in side_files(p).iter().chain([&p.to_path_buf()]) {
        let _ = fs::remove_file(f);
    }
}

pub(crate) fn sync_file(p: &Path) -> Result<()> {
    fs::File::open(p).and_then(|f| f.sync_all()).map_err(|e| io_or_full(p, e))
}

/// Makes a rename or removal in `dir` durable. Best effort: not every platform can open a
/// directory for syncing.
pub(crate) fn sync_dir(dir: &Path) {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn writes_whole_and_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("export.json");
        std::fs::write(&p, b"old").unwrap();
        write_private(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The replaced file is the new one, with the new file's permissions.
            assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-folder").join("export.json");
        assert!(write_private(&p, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn canonical_paths_of_files_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        assert_eq!(canonical(&dir.path().join("new.json")).unwrap(), real.join("new.json"));
        std::os::unix::fs::symlink(real.join("elsewhere"), dir.path().join("link")).unwrap();
        assert_eq!(canonical(&dir.path().join("link")).unwrap(), real.join("elsewhere"), "a dangling link is followed");
        assert!(canonical(&dir.path().join("no/such/folder/x.json")).is_err());
    }

    #[test]
    fn publish_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let (tmp, _) = create_temp(dir.path(), "b").unwrap();
        let dest = dir.path().join("b.sqlite3");
        fs::write(&dest, b"kept").unwrap();
        assert_eq!(publish_new(&tmp, &dest).unwrap_err().kind(), ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&dest).unwrap(), b"kept");
        publish_new(&tmp, &dir.path().join("c.sqlite3")).unwrap();
        assert!(!tmp.exists());
    }
}
