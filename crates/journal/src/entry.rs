//! The app's forms as the user types them: amounts, times and counts are text, so what does not
//! parse yet is kept as typed (in the form and in its draft) and reported at its field. The
//! core turns a form into the model ([`DayEntry::to_day`], [`PeriodEntry::to_period`]) and back
//! ([`DayEntry::from_day`], [`PeriodEntry::from_period`]); the UI holds no copy of these rules.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::{Draft, StoredDay};
use crate::supply::{self, Count, Fill, Measured};
use crate::{
    Day, Dose, Dreams, Error, FieldError, Formulation, ItemId, Journal, Micrograms, PrescribedDose, RegimenPeriod,
    Result, Score, Severity, SideEffectEntry, Sleep, Vividness, hhmm,
};

/// Whether a dose in the form was taken or missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DoseStatus {
    Taken,
    Missed,
}

/// One dose row of the day form. `amount` (mg, µg or a count of a fill's unit such as
/// "1.5 mL") and `time` ("HH:MM" or empty) are as typed; a missed dose keeps the amount and
/// formulation the row had, so switching back loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DoseEntry {
    pub status: DoseStatus,
    pub time: String,
    pub amount: String,
    pub formulation: Formulation,
    pub note: String,
    pub reason: String,
    /// How the stored dose was measured, so saving the day again keeps its micrograms even if
    /// the fill's strength was edited since; null for a new row or one entered in mg.
    #[serde(default)]
    pub stored: Option<StoredCount>,
}

/// A stored dose's count, fill and frozen micrograms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StoredCount {
    pub measured: Measured,
    pub amount: Micrograms,
}

impl DoseEntry {
    /// An empty taken dose of `formulation`, for "Add a dose".
    pub fn blank(formulation: Formulation) -> Self {
        Self {
            status: DoseStatus::Taken,
            time: String::new(),
            amount: String::new(),
            formulation,
            note: String::new(),
            reason: String::new(),
            stored: None,
        }
    }
}

/// An as-needed intake in the day form; `time` as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntakeEntry {
    pub medication: crate::MedicationId,
    pub time: String,
    pub amount: String,
}

/// A measure's value in the day form, as typed ("71,3", "120/80"); `time` as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadingEntry {
    pub measure: crate::MeasureId,
    pub time: String,
    pub value: String,
}

/// The day form. Its JSON is also what a draft keeps of the form (`Draft::form`), so the
/// field names are the ones earlier versions of the app wrote there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayEntry {
    #[serde(with = "crate::model::iso_date")]
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub doses: Vec<DoseEntry>,
    /// Symptom id → score 0–10; absent or null: not rated.
    pub scores: BTreeMap<ItemId, Option<u8>>,
    pub wellbeing: Option<u8>,
    pub bedtime: String,
    pub wake: String,
    pub quality: Option<u8>,
    pub awakenings: String,
    pub vivid: Option<Vividness>,
    pub nightmare: Option<bool>,
    pub dream_notes: String,
    /// Side-effect id → severity; absent or null: not recorded.
    pub side_effects: BTreeMap<ItemId, Option<Severity>>,
    /// Absent in drafts of earlier versions.
    #[serde(default)]
    pub intakes: Vec<IntakeEntry>,
    /// One row per value; a row left empty records nothing.
    #[serde(default)]
    pub readings: Vec<ReadingEntry>,
    pub notes: String,
}

/// A day form read as far as it goes: the day (fields that do not parse are left out, an
/// amount that does not parse is 0) and a message for each field that did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDay {
    pub day: Day,
    pub errors: Vec<FieldError>,
}

impl DayEntry {
    /// The form showing `day` as saved.
    pub fn from_day(d: &Day) -> Self {
        let doses = d
            .doses
            .iter()
            .map(|x| match x {
                Dose::Taken { time, amount, formulation, note, measured } => DoseEntry {
                    status: DoseStatus::Taken,
                    time: time_text(*time),
                    amount: match measured {
                        Some(m) => m.count.to_string(),
                        None if amount.0 > 0 => amount.mg_string(),
                        None => String::new(),
                    },
                    formulation: *formulation,
                    note: note.clone(),
                    reason: String::new(),
                    stored: measured.map(|measured| StoredCount { measured, amount: *amount }),
                },
                Dose::Missed { time, reason } => DoseEntry {
                    status: DoseStatus::Missed,
                    time: time_text(*time),
                    reason: reason.clone(),
                    ..DoseEntry::blank(Formulation::default())
                },
            })
            .collect();
        Self {
            date: d.date,
            doses,
            scores: d.scores.iter().map(|s| (s.symptom, Some(s.value))).collect(),
            wellbeing: d.wellbeing,
            bedtime: time_text(d.sleep.bedtime),
            wake: time_text(d.sleep.wake),
            quality: d.sleep.quality,
            awakenings: d.sleep.awakenings.map(|a| a.to_string()).unwrap_or_default(),
            vivid: d.dreams.vivid,
            nightmare: d.dreams.nightmare,
            dream_notes: d.dreams.notes.clone(),
            side_effects: d.side_effects.iter().map(|s| (s.side_effect, Some(s.severity))).collect(),
            intakes: d
                .intakes
                .iter()
                .map(|i| IntakeEntry { medication: i.medication, time: time_text(i.time), amount: i.amount.clone() })
                .collect(),
            readings: d
                .readings
                .iter()
                .map(|r| ReadingEntry { measure: r.measure, time: time_text(r.time), value: r.value.to_string() })
                .collect(),
            notes: d.notes.clone(),
        }
    }

    /// The form of a day not logged yet: its doses prefilled from the regimen prescribed that
    /// day, as the user entered it (nothing else is suggested), everything else unrecorded.
    /// `last` is the last logged day before, when the same regimen period covered it: a
    /// prescribed dose it took as a count ("1.5 mL") of the same amount is offered as that count
    /// again, as typed, while the fill it was measured from is still the one in use (`fills`);
    /// it is converted when saved, never here.
    pub fn new_day(date: NaiveDate, prescribed: Option<&RegimenPeriod>, last: Option<&Day>, fills: &[Fill]) -> Self {
        let mut entry = Self::from_day(&Day::new(date));
        // The last day's taken doses in order, each with its count if it was counted.
        let taken: Vec<(Micrograms, Option<Measured>, Formulation)> = last
            .into_iter()
            .flat_map(|d| &d.doses)
            .filter_map(|d| match d {
                Dose::Taken { amount, formulation, measured, .. } => Some((*amount, *measured, *formulation)),
                Dose::Missed { .. } => None,
            })
            .collect();
        let same_fill = |m: &Measured| supply::fill_in_force(fills, m.count.unit, date).is_some_and(|f| f.id == m.fill);
        if let Some(p) = prescribed {
            entry.doses = p
                .doses
                .iter()
                .enumerate()
                .map(|(i, d)| match taken.get(i) {
                    Some((amount, Some(m), formulation)) if *amount == d.amount && same_fill(m) => DoseEntry {
                        amount: m.count.to_string(),
                        time: time_text(d.time),
                        ..DoseEntry::blank(*formulation)
                    },
                    _ => DoseEntry {
                        amount: d.amount.mg_string(),
                        time: time_text(d.time),
                        ..DoseEntry::blank(p.formulation)
                    },
                })
                .collect();
        }
        entry
    }

    /// The form a draft kept, or the draft's day when its form is not one (an older version
    /// wrote it, or it is damaged, or it is of another date).
    pub fn of_draft(draft: &Draft) -> Self {
        draft
            .form
            .as_deref()
            .and_then(|f| serde_json::from_str::<Self>(f).ok())
            .filter(|e| e.date == draft.day.date)
            .unwrap_or_else(|| Self::from_day(&draft.day))
    }

    /// Reads the form leniently, for a draft: see [`ParsedDay`]. A dose counted in a fill's
    /// unit is converted with `fills` (the journal's, any order).
    pub fn parse(&self, fills: &[Fill]) -> ParsedDay {
        // Errors in the order of the form: each dose's time and amount, then the night's fields.
        let mut errors = Vec::new();
        let doses = self
            .doses
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let time = parse_time(&format!("doses[{i}].time"), &d.time).unwrap_or_else(|e| {
                    errors.push(e);
                    None
                });
                match d.status {
                    DoseStatus::Missed => Dose::Missed { time, reason: d.reason.clone() },
                    DoseStatus::Taken => {
                        let (amount, measured, formulation) = taken_amount(d, fills, self.date).unwrap_or_else(|m| {
                            errors.push(FieldError::new(format!("doses[{i}].amount"), m));
                            (Micrograms(0), None, d.formulation)
                        });
                        Dose::Taken { time, amount, formulation, note: d.note.clone(), measured }
                    }
                }
            })
            .collect();
        let mut time = |field: &str, s: &str| parse_time(field, s).map_err(|e| errors.push(e)).ok().flatten();
        let bedtime = time("sleep.bedtime", &self.bedtime);
        let wake = time("sleep.wake", &self.wake);
        let awakenings = match self.awakenings.trim() {
            "" => None,
            // Digits only: `u16::from_str` would take "+3".
            a => match a.parse::<u16>().ok().filter(|_| a.bytes().all(|b| b.is_ascii_digit())) {
                Some(n) => Some(n),
                None => {
                    errors.push(FieldError::new(
                        "sleep.awakenings",
                        format!("awakenings must be a whole number, got \"{a}\""),
                    ));
                    None
                }
            },
        };
        let mut intakes = Vec::new();
        for (i, x) in self.intakes.iter().enumerate() {
            let time = parse_time(&format!("intakes[{i}].time"), &x.time).unwrap_or_else(|e| {
                errors.push(e);
                None
            });
            intakes.push(crate::Intake { medication: x.medication, time, amount: x.amount.trim().to_string() });
        }
        let mut readings = Vec::new();
        for (i, x) in self.readings.iter().enumerate() {
            let time = parse_time(&format!("readings[{i}].time"), &x.time).unwrap_or_else(|e| {
                errors.push(e);
                None
            });
            if x.value.trim().is_empty() {
                continue;
            }
            match crate::MeasureValue::parse(&x.value) {
                Ok(value) => readings.push(crate::Reading { measure: x.measure, time, value }),
                Err(message) => errors.push(FieldError::new(format!("readings[{i}].value"), message)),
            }
        }
        let mut day = Day {
            date: self.date,
            doses,
            scores: self.scores.iter().filter_map(|(&symptom, v)| v.map(|value| Score { symptom, value })).collect(),
            wellbeing: self.wellbeing,
            sleep: Sleep { bedtime, wake, quality: self.quality, awakenings },
            dreams: Dreams { vivid: self.vivid, nightmare: self.nightmare, notes: self.dream_notes.clone() },
            side_effects: self
                .side_effects
                .iter()
                .filter_map(|(&side_effect, s)| s.map(|severity| SideEffectEntry { side_effect, severity }))
                .collect(),
            intakes,
            readings,
            notes: self.notes.clone(),
        };
        day.canonicalize();
        ParsedDay { day, errors }
    }

    /// The day the form says, or every field that does not parse ([`Error::Invalid`]). The
    /// store validates the rest when the day is saved.
    pub fn to_day(&self, fills: &[Fill]) -> Result<Day> {
        let ParsedDay { day, errors } = self.parse(fills);
        if errors.is_empty() { Ok(day) } else { Err(Error::Invalid(errors)) }
    }
}

/// A taken dose's amount in the form: [`read_amount`], except that the count the stored dose
/// was measured as keeps the stored micrograms and fill.
fn taken_amount(
    d: &DoseEntry,
    fills: &[Fill],
    date: NaiveDate,
) -> std::result::Result<(Micrograms, Option<Measured>, Formulation), String> {
    let s = d.amount.trim();
    if s.is_empty() {
        return Err("enter the amount taken in mg, or mark the dose missed".into());
    }
    if let Some(stored) = d.stored.filter(|st| Count::parse(s) == Some(Ok(st.measured.count))) {
        return Ok((stored.amount, Some(stored.measured), d.formulation));
    }
    read_amount(s, d.formulation, fills, date)
}

/// What a taken dose row's amount comes to, for the form to show before it is saved: for a
/// count, "= 1.5 mg (liquid 1 mg/mL, received 2026-03-01)" or what is wrong with it; `None`
/// for an amount in mg or µg (it says itself) or an empty one.
pub fn counted_amount(d: &DoseEntry, fills: &[Fill], date: NaiveDate) -> Option<std::result::Result<String, String>> {
    // Only a count needs saying what it comes to (mg and µg say themselves).
    let is_count = Count::parse(d.amount.trim()).is_some();
    is_count.then(|| {
        taken_amount(d, fills, date).map(|(amount, measured, _)| {
            let fill = measured.and_then(|m| fills.iter().find(|f| f.id == m.fill));
            match (d.stored.filter(|s| Some(s.measured) == measured), fill) {
                (Some(_), _) => format!("= {amount}, as saved"),
                (None, Some(f)) => {
                    format!("= {amount} ({} {}, received {})", f.formulation.label(), f.strength, f.received)
                }
                (None, None) => format!("= {amount}"),
            }
        })
    })
}

/// A dose amount as typed, the one grammar of the day form and the command line: mg (a plain
/// number, or with "mg"), µg ("250 µg", "250ug", "250mcg"), or a count of a fill's unit
/// ("1.5 mL", "3 drops"), converted with the fill in force on `date` from `fills`, whose
/// formulation the dose then has (otherwise it keeps `formulation`).
pub fn read_amount(
    s: &str,
    formulation: Formulation,
    fills: &[Fill],
    date: NaiveDate,
) -> std::result::Result<(Micrograms, Option<Measured>, Formulation), String> {
    let s = s.trim();
    let Some(count) = Count::parse(s) else {
        let amount = if s.bytes().any(|b| b.is_ascii_alphabetic()) || s.contains(['µ', 'μ']) {
            s.parse::<Micrograms>().map_err(|_| {
                format!(
                    "\"{}\" is not an amount: enter mg (1.5), µg (1500 µg) or a count of a fill's unit (1.5 mL, 3 drops)",
                    s.chars().take(30).collect::<String>()
                )
            })?
        } else {
            Micrograms::parse_mg(s)?
        };
        return Ok((amount, None, formulation));
    };
    let count = count?;
    let (amount, fill) = supply::convert(fills, count, date)?;
    let formulation = fills.iter().find(|f| f.id == fill).map_or(formulation, |f| f.formulation);
    Ok((amount, Some(Measured { count, fill }), formulation))
}

fn time_text(t: Option<NaiveTime>) -> String {
    t.map(hhmm::format).unwrap_or_default()
}

/// An optional time of day: empty is none; anything else must be "HH:MM".
fn parse_time(field: &str, s: &str) -> std::result::Result<Option<NaiveTime>, FieldError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    hhmm::parse(s).map(Some).ok_or_else(|| {
        FieldError::new(field, format!("enter the time as hours and minutes (HH:MM), got \"{}\"", s.trim()))
    })
}

/// One prescribed dose of the regimen form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrescribedDoseEntry {
    pub amount: String,
    pub time: String,
}

/// The regimen period form: dates as the date fields give them ("YYYY-MM-DD" or empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodEntry {
    /// 0 for a new period.
    pub id: u32,
    pub from: String,
    /// Empty: until the next period starts.
    pub until: String,
    pub doses: Vec<PrescribedDoseEntry>,
    pub formulation: Formulation,
    pub strength: String,
    pub pharmacy: String,
    pub note: String,
}

impl PeriodEntry {
    pub fn from_period(p: &RegimenPeriod) -> Self {
        Self {
            id: p.id,
            from: p.from.to_string(),
            until: p.until.map(|d| d.to_string()).unwrap_or_default(),
            doses: p
                .doses
                .iter()
                .map(|d| PrescribedDoseEntry { amount: d.amount.mg_string(), time: time_text(d.time) })
                .collect(),
            formulation: p.formulation,
            strength: p.strength.clone(),
            pharmacy: p.pharmacy.clone(),
            note: p.note.clone(),
        }
    }

    /// The period the form says, or every field that does not parse; the store validates the
    /// rest (amounts above zero, the end after the start ...) when it is saved.
    pub fn to_period(&self) -> Result<RegimenPeriod> {
        let mut errors = Vec::new();
        let from = match self.from.trim() {
            "" => {
                errors.push(FieldError::new("from", "enter the date this regimen starts"));
                None
            }
            s => parse_date("from", s).map_err(|e| errors.push(e)).ok(),
        };
        let until = match self.until.trim() {
            "" => None,
            s => parse_date("until", s).map_err(|e| errors.push(e)).ok(),
        };
        let doses = self
            .doses
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let amount = if d.amount.trim().is_empty() {
                    Err("enter the prescribed amount in mg".to_string())
                } else {
                    Micrograms::parse_mg(&d.amount)
                };
                let amount = amount
                    .map_err(|m| errors.push(FieldError::new(format!("doses[{i}].amount"), m)))
                    .unwrap_or_default();
                let time = parse_time(&format!("doses[{i}].time"), &d.time).map_err(|e| errors.push(e)).ok().flatten();
                PrescribedDose { amount, time }
            })
            .collect();
        match from {
            Some(from) if errors.is_empty() => Ok(RegimenPeriod {
                id: self.id,
                from,
                until,
                doses,
                formulation: self.formulation,
                strength: self.strength.clone(),
                pharmacy: self.pharmacy.clone(),
                note: self.note.clone(),
            }),
            _ => Err(Error::Invalid(errors)),
        }
    }
}

fn parse_date(field: &str, s: &str) -> std::result::Result<NaiveDate, FieldError> {
    crate::model::iso_date::parse(s).map_err(|m| FieldError::new(field, m))
}

impl Journal {
    /// Saves the day form: every field that does not parse is refused at its field, then the
    /// day is validated and stored as [`Journal::save_day_at`] does (`opened`: the revision the
    /// form was opened at).
    pub fn save_entry(&mut self, entry: &DayEntry, opened: Option<u32>) -> Result<StoredDay> {
        self.save_day_at(&entry.to_day(&self.fills()?)?, opened)
    }

    /// Keeps the form as typed as the draft of its day (with the day as far as it parses), so
    /// nothing typed is lost, valid or not.
    pub fn save_entry_draft(&mut self, entry: &DayEntry, opened: Option<u32>) -> Result<()> {
        let form = serde_json::to_string(entry).map_err(|e| Error::Format(e.to_string()))?;
        self.save_draft(&entry.parse(&self.fills()?).day, Some(&form), opened)
    }

    /// The form [`DayEntry::new_day`] makes for `date`, with the regimen and the last logged
    /// day before it from the journal.
    pub fn new_entry(&self, date: NaiveDate) -> Result<DayEntry> {
        let regimen = self.regimen()?;
        let prescribed = crate::periods::prescribed_on(&regimen, date);
        let last = match (prescribed, self.day_before(date)?) {
            (Some(p), Some(last)) if crate::periods::prescribed_on(&regimen, last.date).map(|q| q.id) == Some(p.id) => {
                Some(last)
            }
            _ => None,
        };
        Ok(DayEntry::new_day(date, prescribed, last.as_ref(), &self.fills()?))
    }

    /// Saves the regimen form (a new period when its id is 0).
    pub fn save_period_entry(&mut self, entry: &PeriodEntry) -> Result<RegimenPeriod> {
        self.save_regimen_period(&entry.to_period()?)
    }
}

mod copy;
mod fill;
pub use copy::CopyPart;
pub use fill::FillEntry;

#[cfg(test)]
mod tests;
