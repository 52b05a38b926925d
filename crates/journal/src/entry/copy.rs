//! "Copy from the last logged day": one section of the day form filled as that day had it, for
//! the user to adjust before saving. Notes are never copied (a day's words are its own), and
//! neither are doses (a new day's doses come from the regimen, see [`DayEntry::new_day`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DayEntry;
use crate::{Journal, Result};

/// A section of the day form that can be copied from the last logged day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CopyPart {
    /// Symptom scores and wellbeing.
    Scores,
    /// Bedtime and wake time (not the night's quality or awakenings: those differ night to night).
    SleepTimes,
    SideEffects,
    /// As-needed medications taken.
    AsNeeded,
    /// Measure values.
    Measures,
}

impl DayEntry {
    /// This form with `part` as `from` has it; everything else, notes included, unchanged.
    pub fn with_copied(&self, from: &DayEntry, part: CopyPart) -> DayEntry {
        let mut e = self.clone();
        match part {
            CopyPart::Scores => {
                e.scores = from.scores.clone();
                e.wellbeing = from.wellbeing;
            }
            CopyPart::SleepTimes => {
                e.bedtime = from.bedtime.clone();
                e.wake = from.wake.clone();
            }
            CopyPart::SideEffects => e.side_effects = from.side_effects.clone(),
            CopyPart::AsNeeded => e.intakes = from.intakes.clone(),
            CopyPart::Measures => e.readings = from.readings.clone(),
        }
        e
    }
}

impl Journal {
    /// `entry` with `part` copied from the last day logged before it, and that day's date;
    /// `None` when no earlier day is logged.
    pub fn copy_from_last(&self, entry: &DayEntry, part: CopyPart) -> Result<Option<(NaiveDate, DayEntry)>> {
        Ok(self.day_before(entry.date)?.map(|last| (last.date, entry.with_copied(&DayEntry::from_day(&last), part))))
    }
}
