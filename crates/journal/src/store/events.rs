//! Events: one day, several, or ongoing, each of a kind from the event-kind catalog.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Id, Journal};
use crate::{Catalog, DateRange, Error, Event, Result, validate};

impl Journal {
    /// The events that cover any day of `range` (ongoing ones included), by start.
    pub fn events(&self, range: DateRange) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM event WHERE from_date <= ?2 AND (to_date IS NULL OR to_date >= ?1) ORDER BY from_date, id"
        ))?;
        let rows = stmt.query_map(params![range.from.to_string(), range.to.to_string()], read)?;
        let rows: Vec<_> =
            rows.collect::<rusqlite::Result<_>>().map_err(|e| super::bad_value(&self.path, "your events", e))?;
        rows.into_iter().map(|r| self.event_of(r)).collect()
    }

    pub fn event(&self, id: u32) -> Result<Event> {
        let row = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM event WHERE id = ?1"), [id], read)
            .optional()
            .map_err(|e| super::bad_value(&self.path, "your events", e))?;
        self.event_of(row.ok_or_else(|| Error::NotFound(format!("event {id}")))?)
    }

    /// Adds an event (id 0) or replaces one.
    pub fn save_event(&mut self, e: &Event) -> Result<Event> {
        validate::event(e, &self.catalog(Catalog::EventKinds)?)?;
        if e.id != 0 {
            self.event(e.id)?;
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let id = write(&tx, e, if e.id == 0 { Id::Fresh } else { Id::Keep })?;
        tx.commit()?;
        self.event(id)
    }

    /// Ends an ongoing (or longer) event on `on`, its last day.
    pub fn end_event(&mut self, id: u32, on: NaiveDate) -> Result<Event> {
        let e = self.event(id)?;
        self.save_event(&Event { to: Some(on), ..e })
    }

    /// Removes an event and returns it, so the caller can offer undo.
    pub fn delete_event(&mut self, id: u32) -> Result<Event> {
        let e = self.event(id)?;
        self.conn.execute("DELETE FROM event WHERE id = ?1", [id])?;
        Ok(e)
    }

    fn event_of(&self, (id, kind, from, to, note): Row) -> Result<Event> {
        let date = |s: &str| {
            s.parse::<NaiveDate>().map_err(|_| Error::Corrupt {
                path: self.path.clone(),
                detail: format!("your events hold a date LDN Journal cannot read, {}", super::shown(s)),
            })
        };
        Ok(Event { id, kind, from: date(&from)?, to: to.as_deref().map(date).transpose()?, note })
    }
}

const COLUMNS: &str = "id, kind, from_date, to_date, note";

type Row = (u32, u32, String, Option<String>, String);

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

/// Writes an already-validated event; gives its id.
pub(crate) fn write(tx: &Transaction<'_>, e: &Event, id: Id) -> Result<u32> {
    tx.execute(
        "INSERT INTO event (id, kind, from_date, to_date, note) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET kind = ?2, from_date = ?3, to_date = ?4, note = ?5",
        params![(id == Id::Keep).then_some(e.id), e.kind, e.from.to_string(), e.to.map(|d| d.to_string()), e.note],
    )?;
    if id == Id::Keep {
        return Ok(e.id);
    }
    u32::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many events".into()))
}
