//! The LDN supply: fills, and the doses measured from them.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Id, Journal};
use crate::supply::{DoseUnit, Fill, FillId, Strength};
use crate::{Error, Formulation, Micrograms, Result, validate};

const COLUMNS: &str =
    "id, received, started, pharmacy, formulation, strength_ug, unit, filler, batch, quantity, use_by, note";

/// How many of the days a refusal names before it says "and N more".
const NAMED_DAYS: usize = 3;

impl Journal {
    /// Every fill, in the order they came into use (then as recorded).
    pub fn fills(&self) -> Result<Vec<Fill>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM fill ORDER BY coalesce(started, received), id"))?;
        let rows: Vec<_> = stmt
            .query_map([], read)?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| super::bad_value(&self.path, "your supply", e))?;
        rows.into_iter().map(|r| r.into_fill(&self.path)).collect()
    }

    pub fn fill(&self, id: FillId) -> Result<Fill> {
        let row = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM fill WHERE id = ?1"), [id], read)
            .optional()
            .map_err(|e| super::bad_value(&self.path, "your supply", e))?;
        row.ok_or_else(|| Error::NotFound(format!("fill {id}")))?.into_fill(&self.path)
    }

    /// Adds a fill (id 0) or replaces one. Doses already measured from it keep their
    /// micrograms whatever its new strength; only its unit cannot change once a dose was
    /// counted in it.
    pub fn save_fill(&mut self, f: &Fill) -> Result<Fill> {
        validate::fill(f)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        if f.id != 0 {
            let old = self.fill(f.id)?;
            if old.strength.unit != f.strength.unit
                && let Some(days) = measured_days(&tx, f.id)?
            {
                return Err(Error::invalid(
                    "strength",
                    format!(
                        "doses on {days} were counted in {} of this fill; its strength stays per {}",
                        old.strength.unit.plural(),
                        old.strength.unit.singular()
                    ),
                ));
            }
        }
        let id = write(&tx, f, if f.id == 0 { Id::Fresh } else { Id::Keep })?;
        tx.commit()?;
        self.fill(id)
    }

    /// Removes a fill no dose was measured from and returns it, so the caller can offer undo.
    pub fn delete_fill(&mut self, id: FillId) -> Result<Fill> {
        let f = self.fill(id)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        if let Some(days) = measured_days(&tx, id)? {
            return Err(Error::invalid(
                "fill",
                format!("doses on {days} were measured from this fill; it stays in the record"),
            ));
        }
        tx.execute("DELETE FROM fill WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(f)
    }

    /// Earlier fillers or bases, most recent first, each once: suggestions for a new fill.
    pub fn fillers(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT filler FROM fill WHERE filler <> '' GROUP BY filler COLLATE NOCASE
             ORDER BY max(coalesce(started, received)) DESC, filler",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// "2026-03-02, 2026-03-03 and 4 more days": the first days a dose was measured from `fill`.
fn measured_days(tx: &Transaction<'_>, fill: FillId) -> Result<Option<String>> {
    let mut stmt = tx.prepare("SELECT DISTINCT date FROM dose WHERE fill = ?1 ORDER BY date")?;
    let days: Vec<String> = stmt.query_map([fill], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if days.is_empty() {
        return Ok(None);
    }
    let named = days[..days.len().min(NAMED_DAYS)].join(", ");
    Ok(Some(match days.len().saturating_sub(NAMED_DAYS) {
        0 => named,
        1 => format!("{named} and 1 more day"),
        n => format!("{named} and {n} more days"),
    }))
}

/// Writes an already-validated fill; gives its id.
pub(crate) fn write(tx: &Transaction<'_>, f: &Fill, id: Id) -> Result<FillId> {
    tx.execute(
        &format!(
            "INSERT INTO fill ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (id) DO UPDATE SET received = ?2, started = ?3, pharmacy = ?4, formulation = ?5,
             strength_ug = ?6, unit = ?7, filler = ?8, batch = ?9, quantity = ?10, use_by = ?11, note = ?12"
        ),
        params![
            (id == Id::Keep).then_some(f.id),
            f.received.to_string(),
            f.started.map(|d| d.to_string()),
            f.pharmacy.trim(),
            f.formulation.key(),
            f.strength.per_unit.0,
            f.strength.unit.key(),
            f.filler.trim(),
            f.batch.trim(),
            f.quantity.trim(),
            f.use_by.map(|d| d.to_string()),
            f.note,
        ],
    )?;
    if id == Id::Keep {
        return Ok(f.id);
    }
    FillId::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many fills".into()))
}

struct Row {
    id: FillId,
    received: String,
    started: Option<String>,
    pharmacy: String,
    formulation: String,
    strength_ug: u32,
    unit: String,
    filler: String,
    batch: String,
    quantity: String,
    use_by: Option<String>,
    note: String,
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        received: r.get(1)?,
        started: r.get(2)?,
        pharmacy: r.get(3)?,
        formulation: r.get(4)?,
        strength_ug: r.get(5)?,
        unit: r.get(6)?,
        filler: r.get(7)?,
        batch: r.get(8)?,
        quantity: r.get(9)?,
        use_by: r.get(10)?,
        note: r.get(11)?,
    })
}

impl Row {
    fn into_fill(self, path: &std::path::Path) -> Result<Fill> {
        let corrupt = |what: &str, s: &str| Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("your supply holds {what} LDN Journal cannot read, {}", super::shown(s)),
        };
        let date = |s: &str| s.parse::<NaiveDate>().map_err(|_| corrupt("a date", s));
        let strength = match DoseUnit::from_key(&self.unit) {
            Some(unit) if self.strength_ug <= crate::supply::MAX_STRENGTH_UG => {
                Strength { per_unit: Micrograms(self.strength_ug), unit }
            }
            _ => return Err(corrupt("a strength", &format!("{} µg/{}", self.strength_ug, self.unit))),
        };
        Ok(Fill {
            id: self.id,
            received: date(&self.received)?,
            started: self.started.as_deref().map(date).transpose()?,
            pharmacy: self.pharmacy,
            formulation: Formulation::from_key(&self.formulation)
                .ok_or_else(|| corrupt("a formulation", &self.formulation))?,
            strength,
            filler: self.filler,
            batch: self.batch,
            quantity: self.quantity,
            use_by: self.use_by.as_deref().map(date).transpose()?,
            note: self.note,
        })
    }
}
