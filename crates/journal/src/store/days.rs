//! Days: written whole in one transaction, read by date or range.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Transaction, params};

use super::Journal;
use crate::validate;
use crate::{
    Catalog, DateRange, Day, Dose, Dreams, Error, Formulation, Micrograms, Result, Score, Severity, SideEffectEntry,
    Sleep, Vividness, hhmm,
};

impl Journal {
    /// Validates and stores a day, replacing whatever was stored for that date. Either the
    /// whole day is written or nothing changes.
    pub fn save_day(&mut self, day: &Day) -> Result<Day> {
        // Validate before sorting, so field paths ("scores[1]") point at what the caller sent.
        let mut problems = validate::day_problems(day);
        validate::day_references(
            day,
            &self.catalog(Catalog::Symptoms)?,
            &self.catalog(Catalog::SideEffects)?,
            &mut problems,
        );
        problems.finish()?;
        let mut day = day.clone();
        day.canonicalize();
        let tx = self.conn.transaction()?;
        write_day(&tx, &day)?;
        super::drafts::discard(&tx, day.date)?;
        tx.commit()?;
        Ok(day)
    }

    /// Writes many already-validated days in one transaction (import, demo).
    pub(crate) fn write_days(&mut self, days: &[Day]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for d in days {
            write_day(&tx, d)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn day(&self, date: NaiveDate) -> Result<Option<Day>> {
        Ok(self.days(DateRange { from: date, to: date })?.pop())
    }

    /// All logged days in the range, in date order.
    pub fn days(&self, range: DateRange) -> Result<Vec<Day>> {
        let (from, to) = (range.from.to_string(), range.to.to_string());
        let mut days: Vec<Day> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, wellbeing, bedtime, wake, sleep_quality, awakenings, vivid, nightmare, dream_notes, notes
             FROM day WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let date_s: String = r.get(0)?;
            let date = parse_date(&date_s)?;
            let vivid: Option<String> = r.get(6)?;
            index.insert(date_s, days.len());
            days.push(Day {
                date,
                doses: Vec::new(),
                scores: Vec::new(),
                wellbeing: r.get(1)?,
                sleep: Sleep {
                    bedtime: time(r.get(2)?),
                    wake: time(r.get(3)?),
                    quality: r.get(4)?,
                    awakenings: r.get(5)?,
                },
                dreams: Dreams {
                    vivid: vivid.as_deref().and_then(Vividness::from_key),
                    nightmare: r.get(7)?,
                    notes: r.get(8)?,
                },
                side_effects: Vec::new(),
                notes: r.get(9)?,
            });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, status, time, amount_ug, formulation, note FROM dose
             WHERE date BETWEEN ?1 AND ?2 ORDER BY date, seq",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?) else { continue };
            let status: String = r.get(1)?;
            let note: String = r.get(5)?;
            let dose = if status == "taken" {
                let formulation: Option<String> = r.get(4)?;
                Dose::Taken {
                    time: time(r.get(2)?),
                    amount: Micrograms(r.get(3)?),
                    formulation: formulation.as_deref().and_then(Formulation::from_key).unwrap_or(Formulation::Other),
                    note,
                }
            } else {
                Dose::Missed { time: time(r.get(2)?), reason: note }
            };
            days[i].doses.push(dose);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, symptom, value FROM score WHERE date BETWEEN ?1 AND ?2 ORDER BY date, symptom",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?) else { continue };
            days[i].scores.push(Score { symptom: r.get(1)?, value: r.get(2)? });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, side_effect, severity FROM side_effect_entry
             WHERE date BETWEEN ?1 AND ?2 ORDER BY date, side_effect",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?) else { continue };
            let severity: String = r.get(2)?;
            let severity = Severity::from_key(&severity).unwrap_or(Severity::Mild);
            days[i].side_effects.push(SideEffectEntry { side_effect: r.get(1)?, severity });
        }
        Ok(days)
    }

    /// The dates that have an entry, in order.
    pub fn logged_dates(&self, range: DateRange) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached("SELECT date FROM day WHERE date BETWEEN ?1 AND ?2 ORDER BY date")?;
        let rows = stmt.query_map(params![range.from.to_string(), range.to.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|d| parse_date(&d?)).collect()
    }

    /// Removes a day and returns what it held, so the caller can offer undo.
    pub fn delete_day(&mut self, date: NaiveDate) -> Result<Option<Day>> {
        let Some(day) = self.day(date)? else { return Ok(None) };
        // Doses, scores and side effects go with it (ON DELETE CASCADE).
        self.conn.execute("DELETE FROM day WHERE date = ?1", [date.to_string()])?;
        Ok(Some(day))
    }
}

pub(crate) fn write_day(tx: &Transaction<'_>, d: &Day) -> Result<()> {
    let date = d.date.to_string();
    tx.execute("DELETE FROM day WHERE date = ?1", [&date])?;
    tx.execute(
        "INSERT INTO day (date, wellbeing, bedtime, wake, sleep_quality, awakenings, vivid, nightmare, dream_notes, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            date,
            d.wellbeing,
            d.sleep.bedtime.map(hhmm::format),
            d.sleep.wake.map(hhmm::format),
            d.sleep.quality,
            d.sleep.awakenings,
            d.dreams.vivid.map(Vividness::key),
            d.dreams.nightmare,
            d.dreams.notes,
            d.notes,
        ],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO dose (date, seq, status, time, amount_ug, formulation, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (seq, dose) in d.doses.iter().enumerate() {
        match dose {
            Dose::Taken { time, amount, formulation, note } => {
                stmt.execute(params![date, seq, "taken", time.map(hhmm::format), amount.0, formulation.key(), note])?
            }
            Dose::Missed { time, reason } => {
                stmt.execute(params![date, seq, "missed", time.map(hhmm::format), None::<u32>, None::<String>, reason])?
            }
        };
    }
    let mut stmt = tx.prepare_cached("INSERT INTO score (date, symptom, value) VALUES (?1, ?2, ?3)")?;
    for s in &d.scores {
        stmt.execute(params![date, s.symptom, s.value])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO side_effect_entry (date, side_effect, severity) VALUES (?1, ?2, ?3)")?;
    for s in &d.side_effects {
        stmt.execute(params![date, s.side_effect, s.severity.key()])?;
    }
    Ok(())
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    s.parse().map_err(|_| Error::Format(format!("stored date \"{s}\" is not a date")))
}

fn time(s: Option<String>) -> Option<chrono::NaiveTime> {
    s.as_deref().and_then(hhmm::parse)
}

impl Journal {
    /// The dose periods of the logged days in `range` (see [`crate::periods`]).
    pub fn dose_periods(&self, range: DateRange) -> Result<Vec<crate::periods::DosePeriod>> {
        Ok(crate::periods::dose_periods(&self.days(range)?))
    }
}
