//! "Delete everything": the journal, its SQLite side files and every backup of it, then a
//! fresh journal at the same path.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use crate::files::{self, remove_file, side_files, sync_dir};
use crate::{Error, Journal, Result, backup};

/// Closes `j`, deletes its database, its `-wal`, `-shm` and `-journal` files, any half-written
/// restore and all its backups (the `backups/` folder beside it, which goes too once empty),
/// then opens a fresh, empty journal at the same path.
///
/// Refuses with [`Error::InUse`], deleting nothing, while another connection has the journal
/// open (the app, another command, the app's background backup): that program would go on
/// writing into a deleted file. On an error `j` is closed: open the journal again.
///
/// Backups of another journal in the same folder (the development journal beside the real
/// one) are not touched. Order matters: the backups go first and the database last, so a
/// kill half-way leaves the journal visibly still there (run it again) rather than backups
/// the user believes gone. The WAL goes before the database because SQLite would replay a
/// stale WAL into a new database of the same name.
pub fn wipe(j: Journal) -> Result<Journal> {
    let path = backup::close_alone(j)?;
    remove_all(&path)?;
    Journal::open(&path)
}

/// Removes every file that belongs to the journal at `path`.
pub(crate) fn remove_all(path: &Path) -> Result<()> {
    let backups = backup::dir(path);
    let stem = backup::stem(path);
    match fs::read_dir(&backups) {
        Ok(entries) => {
            for e in entries.flatten() {
                if backup::belongs(&stem, &e.file_name().to_string_lossy()) {
                    remove_file(&e.path())?;
                }
            }
            // Only succeeds when nothing else is left in it.
            let _ = fs::remove_dir(&backups);
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(backups, e)),
    }
    // Files set aside by a restore over a journal that could not be opened hold its data too.
    let aside = backup::refused_copies(path)?;
    for p in aside.iter().flat_map(|a| side_files(a).into_iter().chain([a.clone()])) {
        remove_file(&p)?;
    }
    let restoring = files::restore_temp(path);
    for p in side_files(&restoring).iter().chain([&restoring]).chain(side_files(path).iter()).chain([&path.into()]) {
        remove_file(p)?;
    }
    sync_dir(path.parent().unwrap_or(Path::new("")));
    Ok(())
}
