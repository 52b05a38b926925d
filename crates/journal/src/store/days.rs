//! Days: written whole in one transaction, read by date or range.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use ts_rs::TS;

use super::Journal;
use crate::validate;
use crate::{
    Catalog, DateRange, Day, Dose, Dreams, Error, Formulation, Intake, MeasureValue, Micrograms, Reading, Result,
    Score, Severity, SideEffectEntry, Sleep, Vividness, hhmm,
};

/// A day as stored, with its revision: the number a form keeps from when it was opened and
/// gives back on save ([`Journal::save_day_at`]), so a save over a newer change is refused.
/// Every write of a day gives it a revision higher than any the journal has given before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredDay {
    pub day: Day,
    pub revision: u32,
}

/// What [`Journal::edit_day`] offers the edit, inside its transaction.
#[derive(Debug)]
pub struct DayEdit<'a> {
    j: &'a Journal,
    tx: &'a Transaction<'a>,
}

impl DayEdit<'_> {
    pub fn regimen(&self) -> Result<Vec<crate::RegimenPeriod>> {
        self.j.regimen()
    }

    pub fn find_item(&self, c: Catalog, name: &str) -> Result<Option<crate::CatalogItem>> {
        self.j.find_item(c, name)
    }

    /// The medication entry called `name` for `date` ([`Journal::find_medication`]).
    pub fn find_medication(&self, name: &str, date: NaiveDate) -> Result<Option<crate::Medication>> {
        self.j.find_medication(name, date)
    }

    pub fn medications(&self) -> Result<Vec<crate::Medication>> {
        self.j.medications()
    }

    pub fn find_measure(&self, name: &str) -> Result<Option<crate::Measure>> {
        self.j.find_measure(name)
    }

    pub fn measures(&self) -> Result<Vec<crate::Measure>> {
        self.j.measures()
    }

    pub fn fills(&self) -> Result<Vec<crate::Fill>> {
        self.j.fills()
    }

    /// The item called `name`, added to the list when it is not there. The addition is part of
    /// the edit: it is undone when the edit or the day is refused.
    pub fn find_or_add_item(&mut self, c: Catalog, name: &str) -> Result<crate::CatalogItem> {
        if let Some(item) = self.j.find_item(c, name)? {
            return Ok(item);
        }
        validate::catalog_name(name, "")?;
        super::catalog::add_item(self.tx, c, name.trim(), "")
    }
}

impl Journal {
    /// Validates and stores a day, replacing whatever was stored for that date, whatever its
    /// revision (the last writer wins: for imports, tools and tests; a form uses
    /// [`Journal::save_day_at`]). Either the whole day is written or nothing changes.
    pub fn save_day(&mut self, day: &Day) -> Result<Day> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let stored = self.write_validated(&tx, day, true)?;
        tx.commit()?;
        Ok(stored.day)
    }

    /// Saves a day from a form opened at revision `opened` (`None`: the day did not exist
    /// then). When the day changed meanwhile (saved, created or deleted by another window or
    /// the command line) nothing is written, the draft is kept, and the answer is
    /// [`Error::Stale`]. Otherwise as [`Journal::save_day`], and the day's draft goes in the
    /// same transaction.
    pub fn save_day_at(&mut self, day: &Day, opened: Option<u32>) -> Result<StoredDay> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        if self.day_revision(day.date)? != opened {
            return Err(Error::Stale { date: day.date });
        }
        let stored = self.write_validated(&tx, day, true)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Reads the day of `date` (or an empty one), lets `edit` change it, validates it and writes
    /// it, all in one transaction: no other writer comes between the read and the write, and
    /// when `edit` or the validation fails nothing is written (items `edit` added included).
    /// The day's draft (another window's unsaved edits) is left alone.
    pub fn edit_day<E: From<Error>>(
        &mut self,
        date: NaiveDate,
        edit: impl FnOnce(&mut DayEdit<'_>, &mut Day) -> std::result::Result<(), E>,
    ) -> std::result::Result<StoredDay, E> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(Error::from)?;
        let mut day = self.day(date)?.unwrap_or_else(|| Day::new(date));
        edit(&mut DayEdit { j: self, tx: &tx }, &mut day)?;
        let stored = self.write_validated(&tx, &day, false)?;
        tx.commit().map_err(Error::from)?;
        Ok(stored)
    }

    /// The revision of the stored day of `date`, or `None` when nothing is logged that day.
    pub fn day_revision(&self, date: NaiveDate) -> Result<Option<u32>> {
        let r: Option<i64> = self
            .conn
            .query_row("SELECT revision FROM day WHERE date = ?1", [date.to_string()], |r| r.get(0))
            .optional()?;
        r.map(|r| u32::try_from(r).map_err(|_| corrupt_day(&self.path, &date.to_string(), "a revision"))).transpose()
    }

    /// The stored day of `date` with its revision, read together (one snapshot).
    pub fn stored_day(&self, date: NaiveDate) -> Result<Option<StoredDay>> {
        let tx = self.conn.unchecked_transaction()?;
        let Some(revision) = self.day_revision(date)? else { return Ok(None) };
        let day = self.day(date)?.ok_or_else(|| Error::Stale { date })?;
        tx.finish()?;
        Ok(Some(StoredDay { day, revision }))
    }

    /// Validates `day` against the catalogs and writes it with a new revision inside `tx`.
    fn write_validated(&self, tx: &Transaction<'_>, day: &Day, discard_draft: bool) -> Result<StoredDay> {
        // Validate before sorting, so field paths ("scores[1]") point at what the caller sent.
        let mut problems = validate::day_problems(day);
        let (symptoms, side_effects) = (self.catalog(Catalog::Symptoms)?, self.catalog(Catalog::SideEffects)?);
        let (measures, medications) = (self.measures()?, self.medications()?);
        let lists = validate::Lists {
            symptoms: &symptoms,
            side_effects: &side_effects,
            measures: &measures,
            medications: &medications,
            fills: &self.fills()?,
        };
        validate::day_references(day, lists, "your", &mut problems);
        problems.finish()?;
        let mut day = day.clone();
        day.canonicalize();
        let revision = next_revision(tx)?;
        write_day(tx, &day, revision)?;
        if discard_draft {
            super::drafts::discard(tx, day.date)?;
        }
        Ok(StoredDay { day, revision })
    }

    /// Writes many already-validated days in one transaction (import, demo).
    pub(crate) fn write_days(&mut self, days: &[Day]) -> Result<()> {
        let tx = self.conn.transaction()?;
        super::days_write(&tx, days)?;
        tx.commit()?;
        Ok(())
    }

    /// How long the daily total of `date` had been taken ([`crate::periods::dose_run`]). Reads
    /// back from `date` only as far as the start of its dose period: a window that holds an
    /// earlier period at another dose is enough (days before any dose in the window may belong
    /// to a run that started earlier), otherwise a four times longer one is read.
    pub fn dose_run(&self, date: NaiveDate) -> Result<Option<crate::periods::DoseRun>> {
        let mut back = 92;
        loop {
            let from = date.checked_sub_days(chrono::Days::new(back)).filter(|f| *f > crate::FIRST_DATE);
            let days = self.days(DateRange { from: from.unwrap_or(crate::FIRST_DATE), to: date })?;
            if days.last().is_none_or(|d| d.date != date) {
                return Ok(None);
            }
            let periods = crate::periods::dose_periods(&days);
            if from.is_none() || periods.iter().rev().skip(1).any(|p| !p.is_baseline()) {
                return Ok(crate::periods::dose_run(&days, date));
            }
            back *= 4;
        }
    }

    /// The last logged day before `date`.
    pub fn day_before(&self, date: NaiveDate) -> Result<Option<Day>> {
        let last: Option<String> =
            self.conn.query_row("SELECT max(date) FROM day WHERE date < ?1", [date.to_string()], |r| r.get(0))?;
        match last {
            Some(d) => self.day(parse_date(&d)?),
            None => Ok(None),
        }
    }

    pub fn day(&self, date: NaiveDate) -> Result<Option<Day>> {
        Ok(self.days(DateRange { from: date, to: date })?.pop())
    }

    /// All logged days in the range, in date order.
    ///
    /// Four range scans (days, doses, scores, side effects), each in date order, merged with a
    /// cursor: this is the read path behind every chart and report, so it avoids per-row hashing,
    /// allocation and chrono's format parsers (10 years load in a few ms).
    pub fn days(&self, range: DateRange) -> Result<Vec<Day>> {
        let (from, to) = (range.from.to_string(), range.to.to_string());
        let path = self.path.as_path();
        let mut days: Vec<Day> = Vec::new();
        let mut dates: Vec<String> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, wellbeing, bedtime, wake, sleep_quality, awakenings, vivid, nightmare, dream_notes, notes
             FROM day WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "a date", e))?.to_owned();
            let date = fast_date(&date_s).map_err(|_| corrupt_day(path, &date_s, "a date"))?;
            let v = Values { path, date: &date_s, r };
            days.push(Day {
                date,
                doses: Vec::new(),
                scores: Vec::new(),
                wellbeing: v.int(1, "a wellbeing rating", 0, 10)?,
                sleep: Sleep {
                    bedtime: v.time(2, "a bedtime")?,
                    wake: v.time(3, "a wake time")?,
                    quality: v.int(4, "a sleep quality", 1, 5)?,
                    awakenings: v.int(5, "a number of awakenings", 0, validate::MAX_AWAKENINGS.into())?,
                },
                dreams: Dreams {
                    vivid: v.key(6, "a dream vividness", vividness)?,
                    nightmare: v.int::<u8>(7, "a nightmare mark", 0, 1)?.map(|n| n == 1),
                    notes: v.string(8, "dream notes")?,
                },
                side_effects: Vec::new(),
                intakes: Vec::new(),
                readings: Vec::new(),
                notes: v.string(9, "notes")?,
            });
            dates.push(date_s);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, status, time, amount_ug, formulation, note, entered, fill FROM dose
             WHERE date BETWEEN ?1 AND ?2 ORDER BY date, seq",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut at = Cursor::new(&dates);
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "a dose", e))?;
            let Some(i) = at.find(date_s) else { continue };
            let v = Values { path, date: date_s, r };
            let when = v.time(2, "a dose time")?;
            let dose = match v.text(1, "a dose status")? {
                Some("taken") => Dose::Taken {
                    time: when,
                    amount: Micrograms(
                        // Above the limit validation allows, a day's total could overflow.
                        v.int(3, "a dose amount", 1, crate::MAX_DOSE_UG.into())?
                            .ok_or_else(|| corrupt_day(path, date_s, "a dose without an amount"))?,
                    ),
                    formulation: v
                        .key(4, "a formulation", formulation)?
                        .ok_or_else(|| corrupt_day(path, date_s, "a dose without a formulation"))?,
                    note: v.string(5, "a dose note")?,
                    measured: measured(&v, date_s)?,
                },
                Some("missed") => Dose::Missed { time: when, reason: v.string(5, "a reason")? },
                _ => return Err(corrupt_day(path, date_s, "a dose status")),
            };
            days[i].doses.push(dose);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, symptom, value FROM score WHERE date BETWEEN ?1 AND ?2 ORDER BY date, symptom",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut at = Cursor::new(&dates);
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "a symptom score", e))?;
            let Some(i) = at.find(date_s) else { continue };
            let v = Values { path, date: date_s, r };
            let symptom = v.int(1, "a symptom score", 0, u32::MAX.into())?;
            let value = v.int(2, "a symptom score", 0, 10)?;
            let (Some(symptom), Some(value)) = (symptom, value) else {
                return Err(corrupt_day(path, date_s, "a symptom score"));
            };
            days[i].scores.push(Score { symptom, value });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, side_effect, severity FROM side_effect_entry
             WHERE date BETWEEN ?1 AND ?2 ORDER BY date, side_effect",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut at = Cursor::new(&dates);
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "a side effect", e))?;
            let Some(i) = at.find(date_s) else { continue };
            let v = Values { path, date: date_s, r };
            let side_effect = v.int(1, "a side effect", 0, u32::MAX.into())?;
            let severity = v.key(2, "a side-effect severity", severity)?;
            let (Some(side_effect), Some(severity)) = (side_effect, severity) else {
                return Err(corrupt_day(path, date_s, "a side effect"));
            };
            days[i].side_effects.push(SideEffectEntry { side_effect, severity });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, medication, time, amount FROM intake WHERE date BETWEEN ?1 AND ?2 ORDER BY date, seq",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut at = Cursor::new(&dates);
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "an intake", e))?;
            let Some(i) = at.find(date_s) else { continue };
            let v = Values { path, date: date_s, r };
            let medication =
                v.int(1, "an intake", 0, u32::MAX.into())?.ok_or_else(|| corrupt_day(path, date_s, "an intake"))?;
            days[i].intakes.push(Intake {
                medication,
                time: v.time(2, "an intake time")?,
                amount: v.string(3, "an intake")?,
            });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, measure, time, value FROM reading WHERE date BETWEEN ?1 AND ?2 ORDER BY date, seq",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut at = Cursor::new(&dates);
        while let Some(r) = rows.next()? {
            let date_s = text(r, 0).map_err(|e| bad(path, "?", "a measure value", e))?;
            let Some(i) = at.find(date_s) else { continue };
            let v = Values { path, date: date_s, r };
            let measure = v
                .int(1, "a measure value", 0, u32::MAX.into())?
                .ok_or_else(|| corrupt_day(path, date_s, "a measure value"))?;
            let value = v
                .key(3, "a measure value", |s| MeasureValue::parse(s).ok())?
                .ok_or_else(|| corrupt_day(path, date_s, "a measure value"))?;
            days[i].readings.push(Reading { measure, time: v.time(2, "a measure time")?, value });
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
    /// Its revision goes with it; the revision counter does not, so a day created again later
    /// gets a new one and a form opened before the deletion is refused.
    pub fn delete_day(&mut self, date: NaiveDate) -> Result<Option<Day>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let Some(day) = self.day(date)? else { return Ok(None) };
        // Doses, scores and side effects go with it (ON DELETE CASCADE).
        tx.execute("DELETE FROM day WHERE date = ?1", [date.to_string()])?;
        tx.commit()?;
        Ok(Some(day))
    }
}

/// A revision no day of this journal has had: the counter only grows.
pub(crate) fn next_revision(tx: &Transaction<'_>) -> Result<u32> {
    let last: i64 =
        tx.query_row("UPDATE revision_counter SET last = last + 1 WHERE id = 1 RETURNING last", [], |r| r.get(0))?;
    u32::try_from(last).map_err(|_| Error::Format("the journal has run out of revision numbers".into()))
}

pub(crate) fn write_day(tx: &Transaction<'_>, d: &Day, revision: u32) -> Result<()> {
    let date = d.date.to_string();
    tx.execute("DELETE FROM day WHERE date = ?1", [&date])?;
    tx.execute(
        "INSERT INTO day (date, wellbeing, bedtime, wake, sleep_quality, awakenings, vivid, nightmare, dream_notes, notes, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
            revision,
        ],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO dose (date, seq, status, time, amount_ug, formulation, note, entered, fill)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, dose) in d.doses.iter().enumerate() {
        match dose {
            Dose::Taken { time, amount, formulation, note, measured } => stmt.execute(params![
                date,
                seq,
                "taken",
                time.map(hhmm::format),
                amount.0,
                formulation.key(),
                note,
                measured.map(|m| m.count.to_string()),
                measured.map(|m| m.fill),
            ])?,
            Dose::Missed { time, reason } => stmt.execute(params![
                date,
                seq,
                "missed",
                time.map(hhmm::format),
                None::<u32>,
                None::<String>,
                reason,
                None::<String>,
                None::<u32>
            ])?,
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
    let mut stmt =
        tx.prepare_cached("INSERT INTO intake (date, seq, medication, time, amount) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (seq, i) in d.intakes.iter().enumerate() {
        stmt.execute(params![date, seq, i.medication, i.time.map(hhmm::format), i.amount.trim()])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO reading (date, seq, measure, time, value) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (seq, r) in d.readings.iter().enumerate() {
        stmt.execute(params![date, seq, r.measure, r.time.map(hhmm::format), r.value.to_string()])?;
    }
    Ok(())
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    s.parse().map_err(|_| Error::Format(format!("stored date \"{s}\" is not a date")))
}

fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
}

fn opt_text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?.as_str_or_null().map_err(rusqlite::Error::from)
}

/// A stored value of the day `date` that the model cannot hold: the file is damaged (or was
/// written by something else), and the day is named so the user knows where.
pub(crate) fn corrupt_day(path: &Path, date: &str, what: &str) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        detail: format!("the entry for {} holds {what} that LDN Journal cannot read", super::shown(date)),
    }
}

/// `e` as damage of the day `date` when it says a stored value does not fit, as itself otherwise.
fn bad(path: &Path, date: &str, what: &str, e: rusqlite::Error) -> Error {
    if super::is_bad_value(&e) { corrupt_day(path, date, what) } else { Error::from(e) }
}

/// Reads the columns of one stored row of the day `date`, refusing what the model cannot hold.
struct Values<'a, 'r, 's> {
    path: &'a Path,
    date: &'a str,
    r: &'r rusqlite::Row<'s>,
}

impl<'r> Values<'_, 'r, '_> {
    /// An optional integer within `lo..=hi` (the range the schema's CHECK allows).
    fn int<T: TryFrom<i64>>(&self, i: usize, what: &str, lo: i64, hi: i64) -> Result<Option<T>> {
        let v: Option<i64> = self.r.get(i).map_err(|e| bad(self.path, self.date, what, e))?;
        v.map(|v| {
            (lo..=hi)
                .contains(&v)
                .then(|| T::try_from(v).ok())
                .flatten()
                .ok_or_else(|| corrupt_day(self.path, self.date, what))
        })
        .transpose()
    }

    fn text(&self, i: usize, what: &str) -> Result<Option<&'r str>> {
        opt_text(self.r, i).map_err(|e| bad(self.path, self.date, what, e))
    }

    fn string(&self, i: usize, what: &str) -> Result<String> {
        self.r.get(i).map_err(|e| bad(self.path, self.date, what, e))
    }

    fn time(&self, i: usize, what: &str) -> Result<Option<chrono::NaiveTime>> {
        self.key(i, what, time)
    }

    /// An optional text that `parse` must accept.
    fn key<T>(&self, i: usize, what: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>> {
        self.text(i, what)?.map(|s| parse(s).ok_or_else(|| corrupt_day(self.path, self.date, what))).transpose()
    }
}

/// How a stored dose (columns 6 and 7) was measured: both or neither.
fn measured(v: &Values<'_, '_, '_>, date: &str) -> Result<Option<crate::Measured>> {
    let count = v.key(6, "a dose counted in units", |s| crate::Count::parse(s)?.ok())?;
    let fill = v.int::<crate::FillId>(7, "the fill of a dose", 1, u32::MAX.into())?;
    match (count, fill) {
        (Some(count), Some(fill)) => Ok(Some(crate::Measured { count, fill })),
        (None, None) => Ok(None),
        _ => Err(corrupt_day(v.path, date, "a dose counted in units")),
    }
}

/// Walks the days (sorted dates) alongside rows of a child table sorted the same way.
struct Cursor<'a> {
    dates: &'a [String],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(dates: &'a [String]) -> Self {
        Self { dates, i: 0 }
    }

    /// The index of the day `date`, if it was loaded.
    fn find(&mut self, date: &str) -> Option<usize> {
        while self.dates.get(self.i).is_some_and(|d| d.as_str() < date) {
            self.i += 1;
        }
        (self.dates.get(self.i)? == date).then_some(self.i)
    }
}

/// Two ASCII digits at `i`.
fn two(b: &[u8], i: usize) -> Option<u32> {
    let (a, c) = (b.get(i)?.wrapping_sub(b'0'), b.get(i + 1)?.wrapping_sub(b'0'));
    (a < 10 && c < 10).then(|| u32::from(a) * 10 + u32::from(c))
}

/// "YYYY-MM-DD" as stored, without chrono's general parser; anything else takes the slow path.
fn fast_date(s: &str) -> Result<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let ymd = (two(b, 0), two(b, 2), two(b, 5), two(b, 8));
        if let (Some(c), Some(y), Some(m), Some(d)) = ymd
            && let Some(date) = NaiveDate::from_ymd_opt((c * 100 + y) as i32, m, d)
        {
            return Ok(date);
        }
    }
    parse_date(s)
}

/// "HH:MM" as stored; anything else goes through [`hhmm::parse`].
pub(crate) fn time(s: &str) -> Option<chrono::NaiveTime> {
    let b = s.as_bytes();
    if b.len() == 5
        && b[2] == b':'
        && let (Some(h), Some(m)) = (two(b, 0), two(b, 3))
    {
        return chrono::NaiveTime::from_hms_opt(h, m, 0);
    }
    hhmm::parse(s)
}

fn vividness(s: &str) -> Option<Vividness> {
    [Vividness::NotVivid, Vividness::Somewhat, Vividness::Very]
        .into_iter()
        .find(|v| v.key() == s)
        .or_else(|| Vividness::from_key(s))
}

fn formulation(s: &str) -> Option<Formulation> {
    Formulation::ALL.into_iter().find(|f| f.key() == s).or_else(|| Formulation::from_key(s))
}

fn severity(s: &str) -> Option<Severity> {
    Severity::ALL.into_iter().find(|v| v.key() == s).or_else(|| Severity::from_key(s))
}
