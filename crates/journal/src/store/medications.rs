//! Other medications and supplements: entries of one dose over a stretch of days.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Id, Journal};
use crate::{Error, Medication, MedicationId, Result, validate};

const COLUMNS: &str = "id, name, dose, schedule, as_needed, from_date, until, note, private";

impl Journal {
    /// Every entry, current and past, by name and then start.
    pub fn medications(&self) -> Result<Vec<Medication>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM medication ORDER BY name COLLATE NOCASE, from_date, id"))?;
        let rows = stmt.query_map([], read)?;
        let rows: Vec<_> = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| super::bad_value(&self.path, "your medication list", e))?;
        rows.into_iter().map(|r| r.into_medication(&self.path)).collect()
    }

    /// Adds an entry (id 0) or replaces one. An edit that would leave a logged intake outside
    /// the entry's days is refused, naming the first such day.
    pub fn save_medication(&mut self, m: &Medication) -> Result<Medication> {
        validate::medication(m)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        if m.id != 0 {
            self.medication(m.id)?;
            if let Some(date) = intake_outside(&tx, m)? {
                return Err(Error::invalid(
                    if date < m.from { "from" } else { "until" },
                    format!("{} was logged as taken on {date}, outside these dates", m.name.trim()),
                ));
            }
        }
        let id = write(&tx, m, if m.id == 0 { Id::Fresh } else { Id::Keep })?;
        tx.commit()?;
        self.medication(id)
    }

    /// Ends entry `id` on the day before `from` and starts a copy of it at `dose` on `from`;
    /// intakes logged from `from` on move to the new entry. The history keeps both doses.
    pub fn change_medication_dose(&mut self, id: MedicationId, dose: &str, from: NaiveDate) -> Result<Medication> {
        let old = self.medication(id)?;
        if from <= old.from {
            return Err(Error::invalid(
                "from",
                format!(
                    "the new dose starts after the current one did ({}); edit the entry to correct its dose",
                    old.from
                ),
            ));
        }
        if let Some(until) = old.until.filter(|u| *u < from) {
            return Err(Error::invalid("from", format!("{} was stopped on {until}; add it again instead", old.name)));
        }
        let next = Medication { id: 0, dose: dose.trim().to_string(), from, ..old.clone() };
        validate::medication(&next)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let ended = Medication { until: from.pred_opt(), ..old };
        write(&tx, &ended, Id::Keep)?;
        let new_id = write(&tx, &next, Id::Fresh)?;
        tx.execute(
            "UPDATE intake SET medication = ?1 WHERE medication = ?2 AND date >= ?3",
            params![new_id, id, from.to_string()],
        )?;
        tx.commit()?;
        self.medication(new_id)
    }

    /// Sets the last day of entry `id`.
    pub fn stop_medication(&mut self, id: MedicationId, on: NaiveDate) -> Result<Medication> {
        let m = self.medication(id)?;
        self.save_medication(&Medication { until: Some(on), ..m })
    }

    /// Removes an entry nothing was logged against and returns it, so the caller can offer
    /// undo. One with intakes is refused: stop it instead.
    pub fn delete_medication(&mut self, id: MedicationId) -> Result<Medication> {
        let m = self.medication(id)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let first: Option<String> =
            tx.query_row("SELECT min(date) FROM intake WHERE medication = ?1", [id], |r| r.get(0))?;
        if let Some(date) = first {
            return Err(Error::invalid(
                "medication",
                format!("{} was logged as taken on {date}; set the day it stopped instead of deleting it", m.name),
            ));
        }
        tx.execute("DELETE FROM medication WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(m)
    }

    pub fn medication(&self, id: MedicationId) -> Result<Medication> {
        let row = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM medication WHERE id = ?1"), [id], read)
            .optional()
            .map_err(|e| super::bad_value(&self.path, "your medication list", e))?;
        row.ok_or_else(|| Error::NotFound(format!("medication {id}")))?.into_medication(&self.path)
    }

    /// The entry called `name` (ignoring case) for `date`: the one in force that day, else the
    /// latest one.
    pub fn find_medication(&self, name: &str, date: NaiveDate) -> Result<Option<Medication>> {
        let name = name.trim().to_lowercase();
        let same: Vec<_> = self.medications()?.into_iter().filter(|m| m.name.trim().to_lowercase() == name).collect();
        Ok(same.iter().find(|m| m.on(date)).or(same.last()).cloned())
    }
}

/// Writes an already-validated entry; gives its id.
pub(crate) fn write(tx: &Transaction<'_>, m: &Medication, id: Id) -> Result<MedicationId> {
    tx.execute(
        &format!(
            "INSERT INTO medication ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET name = ?2, dose = ?3, schedule = ?4, as_needed = ?5,
             from_date = ?6, until = ?7, note = ?8, private = ?9"
        ),
        params![
            (id == Id::Keep).then_some(m.id),
            m.name.trim(),
            m.dose.trim(),
            if m.as_needed { "" } else { m.schedule.trim() },
            m.as_needed,
            m.from.to_string(),
            m.until.map(|d| d.to_string()),
            m.note,
            m.private,
        ],
    )?;
    if id == Id::Keep {
        return Ok(m.id);
    }
    MedicationId::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many medications".into()))
}

/// The first logged intake of `m` (as stored) outside `m`'s new days.
fn intake_outside(tx: &Transaction<'_>, m: &Medication) -> Result<Option<NaiveDate>> {
    let date: Option<String> = tx
        .query_row(
            "SELECT min(date) FROM intake WHERE medication = ?1 AND (date < ?2 OR date > ?3)",
            params![m.id, m.from.to_string(), m.until.map_or_else(|| "9999".to_string(), |d| d.to_string())],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    date.map(|d| super::days::parse_date(&d)).transpose()
}

struct Row {
    id: MedicationId,
    name: String,
    dose: String,
    schedule: String,
    as_needed: bool,
    from: String,
    until: Option<String>,
    note: String,
    private: bool,
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        name: r.get(1)?,
        dose: r.get(2)?,
        schedule: r.get(3)?,
        as_needed: super::catalog::flag(r, 4)?,
        from: r.get(5)?,
        until: r.get(6)?,
        note: r.get(7)?,
        private: super::catalog::flag(r, 8)?,
    })
}

impl Row {
    fn into_medication(self, path: &std::path::Path) -> Result<Medication> {
        let date = |s: &str| {
            s.parse::<NaiveDate>().map_err(|_| Error::Corrupt {
                path: path.to_path_buf(),
                detail: format!("your medication list holds a date LDN Journal cannot read, {}", super::shown(s)),
            })
        };
        Ok(Medication {
            id: self.id,
            from: date(&self.from)?,
            until: self.until.as_deref().map(date).transpose()?,
            name: self.name,
            dose: self.dose,
            schedule: self.schedule,
            as_needed: self.as_needed,
            note: self.note,
            private: self.private,
        })
    }
}
