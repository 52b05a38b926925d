//! The user's symptom and side-effect lists.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Journal;
use crate::catalog::{DEFAULT_SIDE_EFFECTS, StarterSet};
use crate::{Catalog, CatalogItem, Error, ItemId, Result, validate};

fn table(c: Catalog) -> &'static str {
    match c {
        Catalog::Symptoms => "symptom",
        Catalog::SideEffects => "side_effect",
        Catalog::EventKinds => "event_kind",
    }
}

pub(crate) fn noun(c: Catalog) -> &'static str {
    match c {
        Catalog::Symptoms => "symptom",
        Catalog::SideEffects => "side effect",
        Catalog::EventKinds => "event kind",
    }
}

/// The columns `read_item` reads; only event kinds have a stored "private".
fn columns(c: Catalog) -> &'static str {
    match c {
        Catalog::EventKinds => "id, name, description, archived, position, private",
        Catalog::Symptoms | Catalog::SideEffects => "id, name, description, archived, position, 0",
    }
}

impl Journal {
    /// Every item of a catalog, archived ones included, in the user's order.
    pub fn catalog(&self, c: Catalog) -> Result<Vec<CatalogItem>> {
        let sql = format!("SELECT {} FROM {} ORDER BY position, id", columns(c), table(c));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], read_item)?;
        rows.collect::<Result<_, _>>().map_err(|e| super::bad_value(&self.path, &format!("your {} list", noun(c)), e))
    }

    /// Adds an item at the end of the list. Adding a name that is archived brings it back.
    pub fn add_item(&mut self, c: Catalog, name: &str, description: &str) -> Result<CatalogItem> {
        validate::catalog_name(name, description)?;
        let tx = self.conn.transaction()?;
        let item = add_item(&tx, c, name.trim(), description.trim())?;
        tx.commit()?;
        Ok(item)
    }

    /// Renames, re-describes, (un)archives or (for an event kind) makes private an item.
    pub fn update_item(&mut self, c: Catalog, item: &CatalogItem) -> Result<CatalogItem> {
        validate::catalog_item(c, item)?;
        let name = item.name.trim();
        let clash: Option<ItemId> = self
            .conn
            .query_row(
                &format!("SELECT id FROM {} WHERE name = ?1 AND id != ?2", table(c)),
                params![name, item.id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(Error::invalid("name", format!("\"{name}\" is already in your {} list", noun(c))));
        }
        let n = self.conn.execute(
            &format!("UPDATE {} SET name = ?1, description = ?2, archived = ?3 WHERE id = ?4", table(c)),
            params![name, item.description.trim(), item.archived, item.id],
        )?;
        set_private(&self.conn, c, item.id, item.private)?;
        if n == 0 {
            return Err(Error::NotFound(format!("{} {}", noun(c), item.id)));
        }
        self.item(c, item.id)
    }

    fn item(&self, c: Catalog, id: ItemId) -> Result<CatalogItem> {
        self.catalog(c)?.into_iter().find(|i| i.id == id).ok_or_else(|| Error::NotFound(format!("{} {id}", noun(c))))
    }

    /// Puts the items in the given order; items not named keep their relative order after them.
    pub fn reorder(&mut self, c: Catalog, ids: &[ItemId]) -> Result<Vec<CatalogItem>> {
        let mut items = self.catalog(c)?;
        for id in ids {
            if !items.iter().any(|i| i.id == *id) {
                return Err(Error::NotFound(format!("{} {id}", noun(c))));
            }
        }
        items.sort_by_key(|i| ids.iter().position(|id| *id == i.id).unwrap_or(usize::MAX));
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(&format!("UPDATE {} SET position = ?1 WHERE id = ?2", table(c)))?;
            for (pos, item) in items.iter().enumerate() {
                stmt.execute(params![pos, item.id])?;
            }
        }
        tx.commit()?;
        self.catalog(c)
    }

    /// Adds the symptoms of a starter set that are not on the list yet.
    pub fn add_starter_set(&mut self, set: StarterSet) -> Result<Vec<CatalogItem>> {
        let tx = self.conn.transaction()?;
        for (name, description) in set.symptoms() {
            let exists: Option<ItemId> =
                tx.query_row("SELECT id FROM symptom WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            if exists.is_none() {
                add_item(&tx, Catalog::Symptoms, name, description)?;
            }
        }
        tx.commit()?;
        self.catalog(Catalog::Symptoms)
    }

    /// Finds an item by name, ignoring case and surrounding space.
    pub fn find_item(&self, c: Catalog, name: &str) -> Result<Option<CatalogItem>> {
        let name = name.trim();
        Ok(self
            .catalog(c)?
            .into_iter()
            .find(|i| i.name.eq_ignore_ascii_case(name) || i.name.to_lowercase() == name.to_lowercase()))
    }
}

pub(super) fn add_item(tx: &Transaction<'_>, c: Catalog, name: &str, description: &str) -> Result<CatalogItem> {
    let t = table(c);
    let existing: Option<(ItemId, bool)> = tx
        .query_row(&format!("SELECT id, archived FROM {t} WHERE name = ?1"), [name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let id = match existing {
        Some((id, true)) => {
            tx.execute(&format!("UPDATE {t} SET archived = 0 WHERE id = ?1"), [id])?;
            id
        }
        Some((_, false)) => {
            return Err(Error::invalid("name", format!("\"{name}\" is already in your {} list", noun(c))));
        }
        None => {
            tx.execute(
                &format!("INSERT INTO {t} (name, description, position) VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM {t}))"),
                params![name, description],
            )?;
            ItemId::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many items".into()))?
        }
    };
    Ok(tx.query_row(&format!("SELECT {} FROM {t} WHERE id = ?1", columns(c)), [id], read_item)?)
}

/// One stored item; a value the model cannot hold (a negative position, a name that is not
/// text) is an error, and an `archived` other than 0 or 1 too.
fn read_item(r: &rusqlite::Row<'_>) -> rusqlite::Result<CatalogItem> {
    Ok(CatalogItem {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        archived: flag(r, 3)?,
        position: r.get(4)?,
        private: flag(r, 5)?,
    })
}

/// A stored 0/1 flag; anything else is damage.
pub(super) fn flag(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<bool> {
    let v: i64 = r.get(i)?;
    if !(0..=1).contains(&v) {
        return Err(rusqlite::Error::IntegralValueOutOfRange(i, v));
    }
    Ok(v == 1)
}

/// Marks an event kind private or not; other catalogs have no such mark (validation refuses it).
fn set_private(conn: &rusqlite::Connection, c: Catalog, id: ItemId, private: bool) -> Result<()> {
    if c == Catalog::EventKinds {
        conn.execute("UPDATE event_kind SET private = ?1 WHERE id = ?2", params![private, id])?;
    }
    Ok(())
}

/// The event kinds a journal starts with.
pub(super) fn seed_event_kinds(tx: &Transaction<'_>) -> Result<()> {
    for (name, description) in crate::medication::STARTER_EVENT_KINDS {
        add_item(tx, Catalog::EventKinds, name, description)?;
    }
    Ok(())
}

pub(super) fn seed_side_effects(tx: &Transaction<'_>) -> Result<()> {
    for name in DEFAULT_SIDE_EFFECTS {
        add_item(tx, Catalog::SideEffects, name, "")?;
    }
    Ok(())
}

/// Replaces a whole catalog with `items`, ids included (only for a journal without days), then
/// appends the journal's own items that `items` lacks, so nothing the user set up is lost.
pub(crate) fn replace(tx: &Transaction<'_>, c: Catalog, items: &[CatalogItem], existing: &[CatalogItem]) -> Result<()> {
    let t = table(c);
    tx.execute(&format!("DELETE FROM {t}"), [])?;
    let mut stmt = tx
        .prepare(&format!("INSERT INTO {t} (id, name, description, archived, position) VALUES (?1, ?2, ?3, ?4, ?5)"))?;
    for i in items {
        stmt.execute(params![i.id, i.name.trim(), i.description, i.archived, i.position])?;
        set_private(tx, c, i.id, i.private)?;
    }
    let same = |a: &CatalogItem, b: &CatalogItem| a.name.trim().to_lowercase() == b.name.trim().to_lowercase();
    for e in existing.iter().filter(|e| !items.iter().any(|i| same(i, e))) {
        let added = add_item(tx, c, &e.name, &e.description)?;
        if e.archived {
            tx.execute(&format!("UPDATE {t} SET archived = 1 WHERE id = ?1"), [added.id])?;
        }
        set_private(tx, c, added.id, e.private)?;
    }
    Ok(())
}

/// Maps each of `items` to the journal's item of the same name, adding the missing ones.
/// Returns the id map and how many were added.
pub(crate) fn map_by_name(
    tx: &Transaction<'_>,
    c: Catalog,
    items: &[CatalogItem],
    existing: &[CatalogItem],
) -> Result<(std::collections::HashMap<ItemId, ItemId>, u32)> {
    let mut map = std::collections::HashMap::new();
    let mut added = 0;
    for i in items {
        let name = i.name.trim();
        let id = match existing.iter().find(|e| e.name.to_lowercase() == name.to_lowercase()) {
            // Kept out of reports in either: kept out after the merge too.
            Some(e) if i.private && !e.private => {
                set_private(tx, c, e.id, true)?;
                e.id
            }
            Some(e) => e.id,
            None => {
                added += 1;
                let id = add_item(tx, c, name, &i.description)?.id;
                set_private(tx, c, id, i.private)?;
                id
            }
        };
        map.insert(i.id, id);
    }
    Ok((map, added))
}
