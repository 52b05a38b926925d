//! The patient's measures (weight, heart rate, a lab value); their readings are part of days.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Id, Journal};
use crate::{Decimal, Error, Frequency, Measure, MeasureId, MeasureValue, Result, validate};

const COLUMNS: &str = "id, name, unit, decimals, paired, several, min_value, max_value, private, archived, position";

impl Journal {
    /// Every measure, archived ones included, in the user's order.
    pub fn measures(&self) -> Result<Vec<Measure>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM measure ORDER BY position, id"))?;
        let rows = stmt.query_map([], read)?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| super::bad_value(&self.path, "your measures", e))
    }

    pub fn measure(&self, id: MeasureId) -> Result<Measure> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM measure WHERE id = ?1"), [id], read)
            .optional()
            .map_err(|e| super::bad_value(&self.path, "your measures", e))?
            .ok_or_else(|| Error::NotFound(format!("measure {id}")))
    }

    /// The measure called `name`, ignoring case and surrounding space.
    pub fn find_measure(&self, name: &str) -> Result<Option<Measure>> {
        let name = name.trim().to_lowercase();
        Ok(self.measures()?.into_iter().find(|m| m.name.to_lowercase() == name))
    }

    /// Adds a measure (id 0, at the end of the list) or changes one. A change that a stored
    /// reading would no longer fit (fewer decimals, a narrower scale, one number instead of
    /// two, once a day where a day has several) is refused, naming the first such day.
    pub fn save_measure(&mut self, m: &Measure) -> Result<Measure> {
        validate::measure(m)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let clash: Option<MeasureId> = tx
            .query_row("SELECT id FROM measure WHERE name = ?1 AND id != ?2", params![m.name.trim(), m.id], |r| {
                r.get(0)
            })
            .optional()?;
        if clash.is_some() {
            return Err(Error::invalid("name", format!("\"{}\" is already in your measures", m.name.trim())));
        }
        if m.id != 0 {
            self.measure(m.id)?;
            check_readings(&tx, m)?;
        }
        let id = write(&tx, m, if m.id == 0 { Id::Fresh } else { Id::Keep })?;
        tx.commit()?;
        self.measure(id)
    }

    /// Puts the measures in the given order; those not named follow in their order.
    pub fn reorder_measures(&mut self, ids: &[MeasureId]) -> Result<Vec<Measure>> {
        let mut all = self.measures()?;
        if let Some(id) = ids.iter().find(|id| !all.iter().any(|m| m.id == **id)) {
            return Err(Error::NotFound(format!("measure {id}")));
        }
        all.sort_by_key(|m| ids.iter().position(|id| *id == m.id).unwrap_or(usize::MAX));
        let tx = self.conn.transaction()?;
        for (pos, m) in all.iter().enumerate() {
            tx.execute("UPDATE measure SET position = ?1 WHERE id = ?2", params![pos, m.id])?;
        }
        tx.commit()?;
        self.measures()
    }
}

/// Refuses a change of `m` that a stored reading would not fit.
fn check_readings(tx: &Transaction<'_>, m: &Measure) -> Result<()> {
    let mut stmt = tx.prepare("SELECT date, value FROM reading WHERE measure = ?1 ORDER BY date, seq")?;
    let rows = stmt.query_map([m.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut last_date = String::new();
    for row in rows {
        let (date, value) = row?;
        let fits = MeasureValue::parse(&value).map_err(|e| e.to_string()).and_then(|v| m.check(v));
        if let Err(why) = fits {
            return Err(Error::invalid("measure", format!("the reading of {date} would not fit: {why}")));
        }
        if m.frequency == Frequency::OnceADay && date == last_date {
            return Err(Error::invalid("frequency", format!("{date} has several readings of {}", m.name.trim())));
        }
        last_date = date;
    }
    Ok(())
}

/// Writes an already-validated measure; gives its id.
pub(crate) fn write(tx: &Transaction<'_>, m: &Measure, id: Id) -> Result<MeasureId> {
    let bound = |b: Option<Decimal>| b.map(|b| b.to_string());
    tx.execute(
        &format!(
            "INSERT INTO measure ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
               coalesce(?11, (SELECT coalesce(max(position) + 1, 0) FROM measure)))
             ON CONFLICT (id) DO UPDATE SET name = ?2, unit = ?3, decimals = ?4, paired = ?5, several = ?6,
               min_value = ?7, max_value = ?8, private = ?9, archived = ?10"
        ),
        params![
            (id == Id::Keep).then_some(m.id),
            m.name.trim(),
            m.unit.trim(),
            m.decimals,
            m.paired,
            m.frequency == Frequency::SeveralADay,
            bound(m.min),
            bound(m.max),
            m.private,
            m.archived,
            (id == Id::Keep).then_some(m.position),
        ],
    )?;
    if id == Id::Keep {
        return Ok(m.id);
    }
    MeasureId::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many measures".into()))
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Measure> {
    let flag = |i| super::catalog::flag(r, i);
    let bound = |i: usize| -> rusqlite::Result<Option<Decimal>> {
        let s: Option<String> = r.get(i)?;
        s.map(|s| {
            Decimal::parse(&s)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into()))
        })
        .transpose()
    };
    Ok(Measure {
        id: r.get(0)?,
        name: r.get(1)?,
        unit: r.get(2)?,
        decimals: r.get(3)?,
        paired: flag(4)?,
        frequency: if flag(5)? { Frequency::SeveralADay } else { Frequency::OnceADay },
        min: bound(6)?,
        max: bound(7)?,
        private: flag(8)?,
        archived: flag(9)?,
        position: r.get(10)?,
    })
}
