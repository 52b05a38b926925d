//! The prescribed regimen, exactly as the user entered it.

use rusqlite::{Transaction, params};

use super::Journal;
use super::days::parse_date;
use crate::{Error, Formulation, Micrograms, PrescribedDose, RegimenPeriod, Result, hhmm, validate};

impl Journal {
    /// All regimen periods, oldest first.
    pub fn regimen(&self) -> Result<Vec<RegimenPeriod>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, from_date, until, formulation, strength, pharmacy, note FROM regimen_period ORDER BY from_date, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut periods = Vec::new();
        let path = self.path.as_path();
        let corrupt = |what: String| Error::Corrupt { path: path.to_path_buf(), detail: what };
        while let Some(r) = rows.next()? {
            let from: String = r.get(1).map_err(|e| super::bad_value(path, "a regimen period", e))?;
            let name = format!("the regimen period from {}", super::shown(&from));
            let cannot = |what: &str| corrupt(format!("{name} holds {what} that LDN Journal cannot read"));
            let bad = |e| super::bad_value(path, &name, e);
            let until: Option<String> = r.get(2).map_err(bad)?;
            let formulation: String = r.get(3).map_err(bad)?;
            periods.push(RegimenPeriod {
                id: r.get(0).map_err(bad)?,
                from: parse_date(&from).map_err(|_| cannot("a start date"))?,
                until: until.as_deref().map(parse_date).transpose().map_err(|_| cannot("an end date"))?,
                doses: Vec::new(),
                formulation: Formulation::from_key(&formulation).ok_or_else(|| cannot("a formulation"))?,
                strength: r.get(4).map_err(bad)?,
                pharmacy: r.get(5).map_err(bad)?,
                note: r.get(6).map_err(bad)?,
            });
        }
        let mut stmt =
            self.conn.prepare_cached("SELECT period, amount_ug, time FROM regimen_dose ORDER BY period, seq")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let period: u32 = r.get(0).map_err(|e| super::bad_value(path, "a prescribed dose", e))?;
            if let Some(p) = periods.iter_mut().find(|p| p.id == period) {
                let name = format!("the regimen period from {}", p.from);
                let bad = |e| super::bad_value(path, &name, e);
                let time: Option<String> = r.get(2).map_err(bad)?;
                let amount: u32 = r.get(1).map_err(bad)?;
                let time = match time.as_deref() {
                    Some(t) => Some(
                        hhmm::parse(t)
                            .ok_or_else(|| corrupt(format!("{name} holds a dose time that LDN Journal cannot read")))?,
                    ),
                    None => None,
                };
                p.doses.push(PrescribedDose { amount: Micrograms(amount), time });
            }
        }
        Ok(periods)
    }

    /// Stores a new period (id 0) or replaces an existing one; returns it with its id.
    pub fn save_regimen_period(&mut self, p: &RegimenPeriod) -> Result<RegimenPeriod> {
        validate::regimen_period(p)?;
        let tx = self.conn.transaction()?;
        let id = write_period(&tx, p, super::Id::Fresh)?;
        tx.commit()?;
        self.regimen()?.into_iter().find(|r| r.id == id).ok_or_else(|| Error::NotFound(format!("regimen period {id}")))
    }

    pub fn delete_regimen_period(&mut self, id: u32) -> Result<()> {
        let n = self.conn.execute("DELETE FROM regimen_period WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::NotFound(format!("regimen period {id}")));
        }
        Ok(())
    }
}

pub(crate) fn write_period(tx: &Transaction<'_>, p: &RegimenPeriod, id: super::Id) -> Result<u32> {
    let (from, until) = (p.from.to_string(), p.until.map(|d| d.to_string()));
    let (formulation, strength, pharmacy) = (p.formulation.key(), p.strength.trim(), p.pharmacy.trim());
    let id = if p.id == 0 || id == super::Id::Keep {
        tx.execute(
            "INSERT INTO regimen_period (id, from_date, until, formulation, strength, pharmacy, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![(p.id != 0).then_some(p.id), from, until, formulation, strength, pharmacy, p.note],
        )?;
        u32::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many regimen periods".into()))?
    } else {
        let n = tx.execute(
            "UPDATE regimen_period SET from_date = ?1, until = ?2, formulation = ?3, strength = ?4, pharmacy = ?5, note = ?6
             WHERE id = ?7",
            params![from, until, formulation, strength, pharmacy, p.note, p.id],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!("regimen period {}", p.id)));
        }
        tx.execute("DELETE FROM regimen_dose WHERE period = ?1", [p.id])?;
        p.id
    };
    let mut stmt =
        tx.prepare_cached("INSERT INTO regimen_dose (period, seq, amount_ug, time) VALUES (?1, ?2, ?3, ?4)")?;
    for (seq, d) in p.doses.iter().enumerate() {
        stmt.execute(params![id, seq, d.amount.0, d.time.map(hhmm::format)])?;
    }
    Ok(id)
}
