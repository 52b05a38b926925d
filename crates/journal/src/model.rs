//! The journal's data as plain types. Unrated, missing and zero are different things
//! everywhere: an absent score is "not rated", `Some(0)` is a rating of zero.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Micrograms;

/// Identifier of a symptom or side effect in the user's catalog.
pub type ItemId = u32;

/// How the naltrexone was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Formulation {
    #[default]
    Capsule,
    Tablet,
    Liquid,
    SublingualDrops,
    Cream,
    Other,
}

impl Formulation {
    pub const ALL: [Formulation; 6] =
        [Self::Capsule, Self::Tablet, Self::Liquid, Self::SublingualDrops, Self::Cream, Self::Other];

    /// The stable name used in storage and exports.
    pub fn key(self) -> &'static str {
        match self {
            Self::Capsule => "capsule",
            Self::Tablet => "tablet",
            Self::Liquid => "liquid",
            Self::SublingualDrops => "sublingual_drops",
            Self::Cream => "cream",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Capsule => "capsule",
            Self::Tablet => "tablet",
            Self::Liquid => "liquid",
            Self::SublingualDrops => "sublingual drops",
            Self::Cream => "cream",
            Self::Other => "other",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|f| f.key() == s)
    }
}

/// One dose event of a day: taken (with amount) or missed (with a reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Dose {
    Taken {
        /// Local time the dose was taken, if known.
        #[serde(default, with = "crate::hhmm::option")]
        #[ts(type = "string | null")]
        time: Option<NaiveTime>,
        amount: Micrograms,
        formulation: Formulation,
        #[serde(default)]
        note: String,
        /// The count it was measured as ("1.5 mL") and the fill that converted it; `None`
        /// for a dose entered in mg or µg. `amount` holds the frozen micrograms either way.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        measured: Option<crate::supply::Measured>,
    },
    Missed {
        /// Time the dose was due, if the user gives one.
        #[serde(default, with = "crate::hhmm::option")]
        #[ts(type = "string | null")]
        time: Option<NaiveTime>,
        #[serde(default)]
        reason: String,
    },
}

impl Dose {
    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            Dose::Taken { time, .. } | Dose::Missed { time, .. } => *time,
        }
    }

    /// The amount taken; zero for a missed dose.
    pub fn taken(&self) -> Micrograms {
        match self {
            Dose::Taken { amount, .. } => *amount,
            Dose::Missed { .. } => Micrograms(0),
        }
    }
}

/// A 0–10 rating of one symptom on one day. Symptoms without a score were not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub symptom: ItemId,
    pub value: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Sleep {
    #[serde(with = "crate::hhmm::option")]
    #[ts(type = "string | null")]
    pub bedtime: Option<NaiveTime>,
    #[serde(with = "crate::hhmm::option")]
    #[ts(type = "string | null")]
    pub wake: Option<NaiveTime>,
    /// 1 (very poor) to 5 (very good).
    pub quality: Option<u8>,
    pub awakenings: Option<u16>,
}

/// The instant a clock in `tz` showed `time` on `date`: its first occurrence when the clocks
/// went back (the hour happened twice), `None` when they went forward past it. The one rule
/// for reading a local time, for sleep and for dose times alike.
pub fn first_instant<Tz: chrono::TimeZone>(tz: &Tz, date: NaiveDate, time: NaiveTime) -> Option<chrono::DateTime<Tz>> {
    // The earlier of the two by timestamp: chrono's `earliest` follows the order the zone gives.
    match tz.from_local_datetime(&date.and_time(time)) {
        chrono::LocalResult::Single(x) => Some(x),
        chrono::LocalResult::Ambiguous(a, b) => Some(if a.timestamp() <= b.timestamp() { a } else { b }),
        chrono::LocalResult::None => None,
    }
}

/// Which time of a night did not happen on the clock (the hour skipped when clocks go forward).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkippedTime {
    Bedtime { date: NaiveDate, time: NaiveTime },
    Wake { date: NaiveDate, time: NaiveTime },
}

impl Sleep {
    /// Minutes asleep in the night that ends on the morning of `date`, in the system's time
    /// zone (`TZ`): the real time elapsed, so a night when the clocks change is an hour shorter
    /// or longer than the clock says. See [`Sleep::night_in`] for which night that is.
    pub fn duration_minutes(&self, date: NaiveDate) -> Option<u32> {
        self.duration_minutes_in(date, &chrono::Local)
    }

    /// [`Sleep::duration_minutes`] in the time zone `tz`. `None` when a time is missing or did
    /// not happen that night (validation refuses such a day).
    pub fn duration_minutes_in<Tz: chrono::TimeZone>(&self, date: NaiveDate, tz: &Tz) -> Option<u32> {
        let (bed, wake) = self.night_in(date, tz).ok()??;
        u32::try_from((wake - bed).num_minutes()).ok().filter(|m| *m > 0)
    }

    /// The night that ends on the morning of `date`: waking on `date`, going to bed the evening
    /// before when bedtime is at or after the wake time (it crosses midnight), otherwise on
    /// `date` too. A time that occurs twice (clocks going back) is read as its first
    /// occurrence; one that did not occur (clocks going forward) is an error naming it.
    /// `Ok(None)` when bedtime or wake time is not recorded.
    #[allow(clippy::type_complexity)]
    pub fn night_in<Tz: chrono::TimeZone>(
        &self,
        date: NaiveDate,
        tz: &Tz,
    ) -> Result<Option<(chrono::DateTime<Tz>, chrono::DateTime<Tz>)>, SkippedTime> {
        let (Some(b), Some(w)) = (self.bedtime, self.wake) else { return Ok(None) };
        let bed_date = if b >= w { date.pred_opt() } else { Some(date) };
        let Some(bed_date) = bed_date else { return Ok(None) };
        let bed = first_instant(tz, bed_date, b).ok_or(SkippedTime::Bedtime { date: bed_date, time: b })?;
        let wake = first_instant(tz, date, w).ok_or(SkippedTime::Wake { date, time: w })?;
        Ok(Some((bed, wake)))
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// How vivid the night's dreams were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Vividness {
    #[serde(rename = "none")]
    NotVivid,
    #[serde(rename = "some")]
    Somewhat,
    #[serde(rename = "very")]
    Very,
}

impl Vividness {
    pub fn key(self) -> &'static str {
        match self {
            Self::NotVivid => "none",
            Self::Somewhat => "some",
            Self::Very => "very",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "none" => Some(Self::NotVivid),
            "some" => Some(Self::Somewhat),
            "very" => Some(Self::Very),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Dreams {
    pub vivid: Option<Vividness>,
    pub nightmare: Option<bool>,
    pub notes: String,
}

impl Dreams {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Severity of a side effect on a day. `None` records that it was checked and absent,
/// which is different from not recording it at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Severity {
    #[serde(rename = "none")]
    Absent,
    #[serde(rename = "mild")]
    Mild,
    #[serde(rename = "moderate")]
    Moderate,
    #[serde(rename = "severe")]
    Severe,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Self::Absent, Self::Mild, Self::Moderate, Self::Severe];

    pub fn key(self) -> &'static str {
        match self {
            Self::Absent => "none",
            Self::Mild => "mild",
            Self::Moderate => "moderate",
            Self::Severe => "severe",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase();
        Self::ALL.into_iter().find(|v| v.key() == s)
    }

    /// Whether the side effect was felt (mild or worse).
    pub fn present(self) -> bool {
        self != Self::Absent
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SideEffectEntry {
    pub side_effect: ItemId,
    pub severity: Severity,
}

/// Everything logged for one calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Day {
    #[ts(type = "string")]
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub doses: Vec<Dose>,
    #[serde(default)]
    pub scores: Vec<Score>,
    /// Overall wellbeing 0–10.
    #[serde(default)]
    pub wellbeing: Option<u8>,
    #[serde(default)]
    pub sleep: Sleep,
    #[serde(default)]
    pub dreams: Dreams,
    #[serde(default)]
    pub side_effects: Vec<SideEffectEntry>,
    /// As-needed medications taken this day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intakes: Vec<crate::Intake>,
    /// Values of measures recorded this day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<crate::Reading>,
    #[serde(default)]
    pub notes: String,
}

impl Day {
    pub fn new(date: NaiveDate) -> Self {
        Self {
            date,
            doses: Vec::new(),
            scores: Vec::new(),
            wellbeing: None,
            sleep: Sleep::default(),
            dreams: Dreams::default(),
            side_effects: Vec::new(),
            intakes: Vec::new(),
            readings: Vec::new(),
            notes: String::new(),
        }
    }

    /// Minutes asleep the night before this day (see [`Sleep::duration_minutes`]): the one
    /// duration the summary, charts, CSV, FHIR and the command line show.
    pub fn sleep_minutes(&self) -> Option<u32> {
        self.sleep.duration_minutes(self.date)
    }

    /// Total taken this day, or `None` when no dose event was recorded at all.
    pub fn total_taken(&self) -> Option<Micrograms> {
        if self.doses.is_empty() {
            return None;
        }
        Some(Micrograms(self.doses.iter().fold(0u32, |sum, d| sum.saturating_add(d.taken().0))))
    }

    pub fn score(&self, symptom: ItemId) -> Option<u8> {
        self.scores.iter().find(|s| s.symptom == symptom).map(|s| s.value)
    }

    pub fn severity(&self, side_effect: ItemId) -> Option<Severity> {
        self.side_effects.iter().find(|s| s.side_effect == side_effect).map(|s| s.severity)
    }

    /// The value of a measure this day (the first reading, for a measure read several times).
    pub fn reading(&self, measure: crate::MeasureId) -> Option<&crate::Reading> {
        self.readings.iter().find(|r| r.measure == measure)
    }

    /// Sorts scores, side effects and readings so equal days compare and export identically.
    /// Intakes keep the order they were logged in, as doses do.
    pub(crate) fn canonicalize(&mut self) {
        self.scores.sort_by_key(|s| s.symptom);
        self.side_effects.sort_by_key(|s| s.side_effect);
        // Stable: readings of one measure without a time keep their order.
        self.readings.sort_by_key(|r| (r.measure, r.time));
    }
}

/// Which of the user's two catalogs an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Catalog {
    Symptoms,
    SideEffects,
    /// Kinds of events (infection, flare, crash, ...): short names with a description.
    EventKinds,
}

/// A symptom or side effect the user tracks. Archived items keep their history but are no
/// longer offered for new entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CatalogItem {
    pub id: ItemId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub archived: bool,
    /// Kept out of the PDF, FHIR and CSV unless the patient opts in for that export. Only event
    /// kinds can be private: symptoms and side effects are what the report is about.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    pub position: u32,
}

/// One dose of a prescribed regimen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PrescribedDose {
    pub amount: Micrograms,
    #[serde(default, with = "crate::hhmm::option")]
    #[ts(type = "string | null")]
    pub time: Option<NaiveTime>,
}

/// A period of the regimen exactly as the user entered it from their prescriber. It applies
/// from `from` until the next period starts or until `until` (inclusive), whichever is first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RegimenPeriod {
    /// 0 for a period not yet stored.
    #[serde(default)]
    pub id: u32,
    #[ts(type = "string")]
    #[serde(with = "iso_date")]
    pub from: NaiveDate,
    #[serde(default, with = "iso_date::option")]
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    pub doses: Vec<PrescribedDose>,
    pub formulation: Formulation,
    /// As on the label, e.g. "1 mg/mL" or "4.5 mg capsules".
    #[serde(default)]
    pub strength: String,
    #[serde(default)]
    pub pharmacy: String,
    #[serde(default)]
    pub note: String,
}

impl RegimenPeriod {
    pub fn daily_total(&self) -> Micrograms {
        Micrograms(self.doses.iter().map(|d| d.amount.0).sum())
    }
}

/// A question the patient wants to ask at the next appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Question {
    #[serde(default)]
    pub id: u32,
    pub text: String,
    #[ts(type = "string")]
    #[serde(with = "iso_date")]
    pub created: NaiveDate,
    #[serde(default)]
    pub resolved: bool,
}

/// The dates a journal holds. Dates are stored as ISO text, which sorts correctly in this range.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => panic!("valid date"),
};
/// An inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DateRange {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

impl DateRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> crate::Result<Self> {
        if from > to {
            return Err(crate::Error::invalid("to", format!("the end date {to} is before the start date {from}")));
        }
        Ok(Self { from, to })
    }

    /// Every date a journal can hold, [`FIRST_DATE`] to [`LAST_DATE`].
    pub fn all() -> Self {
        Self { from: FIRST_DATE, to: LAST_DATE }
    }

    /// From `from` (or the beginning) to `to` (or the end).
    pub fn between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> crate::Result<Self> {
        let all = Self::all();
        Self::new(from.unwrap_or(all.from), to.unwrap_or(all.to))
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// Dates travel as "YYYY-MM-DD" (chrono's format); a bad one is named with its value instead
/// of chrono's "input is out of range".
pub(crate) mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        parse(&String::deserialize(d)?).map_err(D::Error::custom)
    }

    pub(crate) fn parse(s: &str) -> Result<NaiveDate, String> {
        s.parse().map_err(|_| format!("\"{s}\" is not a date (YYYY-MM-DD)"))
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.collect_str(d),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<String>::deserialize(d)?.map(|s| parse(&s).map_err(D::Error::custom)).transpose()
        }
    }
}
