//! Other medications and supplements, and events (an infection, a flare, a crash): the context
//! a record needs to answer "did symptoms move when the dose changed?". Recorded as the
//! patient enters them; the app never interprets them (no interactions, no warnings).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ItemId;

pub type MedicationId = u32;

/// One stretch of another medication or supplement at one dose. A change of dose ends the
/// entry and starts the next ([`crate::Journal::change_medication_dose`]), so the history says
/// what was taken when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Medication {
    /// 0 for an entry not yet stored.
    #[serde(default)]
    pub id: MedicationId,
    pub name: String,
    /// As the patient writes it: "2000 IU", "1 tablet".
    #[serde(default)]
    pub dose: String,
    /// "morning and evening"; empty for an as-needed medication.
    #[serde(default)]
    pub schedule: String,
    /// Taken when needed; each intake is logged on its day.
    #[serde(default)]
    pub as_needed: bool,
    #[ts(type = "string")]
    #[serde(with = "crate::model::iso_date")]
    pub from: NaiveDate,
    /// The last day taken (inclusive); `None` while it is taken.
    #[serde(default, with = "crate::model::iso_date::option")]
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
    /// Kept out of the PDF, FHIR and CSV unless the patient opts in for that export.
    #[serde(default)]
    pub private: bool,
}

impl Medication {
    /// Whether the entry is in force on `date`.
    pub fn on(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|u| date <= u)
    }

    /// Whether the entry is in force on any day of `range`.
    pub fn overlaps(&self, range: crate::DateRange) -> bool {
        self.from <= range.to && self.until.is_none_or(|u| u >= range.from)
    }

    /// "Vitamin D 2000 IU, every morning" / "Ibuprofen 400 mg, as needed".
    pub fn line(&self) -> String {
        let mut s = self.name.trim().to_string();
        if !self.dose.trim().is_empty() {
            s = format!("{s} {}", self.dose.trim());
        }
        let schedule = if self.as_needed { "as needed" } else { self.schedule.trim() };
        if !schedule.is_empty() {
            s = format!("{s}, {schedule}");
        }
        s
    }
}

/// An as-needed medication taken on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    pub medication: MedicationId,
    #[serde(default, with = "crate::hhmm::option")]
    #[ts(type = "string | null")]
    pub time: Option<NaiveTime>,
    /// As the patient writes it ("1 tablet"); empty when it was the usual dose.
    #[serde(default)]
    pub amount: String,
}

/// Something that happened (an infection, a flare, travel): one day, several, or still going
/// on. Its kind is an item of the event-kind catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Event {
    /// 0 for an event not yet stored.
    #[serde(default)]
    pub id: u32,
    pub kind: ItemId,
    #[ts(type = "string")]
    #[serde(with = "crate::model::iso_date")]
    pub from: NaiveDate,
    /// The last day (inclusive); `None` while it is going on.
    #[serde(default, with = "crate::model::iso_date::option")]
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl Event {
    /// Whether the event covers `date` (an ongoing one covers every day from its start).
    pub fn on(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|t| date <= t)
    }

    pub fn overlaps(&self, range: crate::DateRange) -> bool {
        self.from <= range.to && self.to.is_none_or(|t| t >= range.from)
    }

    /// Its days within `range` (an ongoing event runs to the range's end).
    pub fn days_in(&self, range: crate::DateRange) -> i64 {
        let from = self.from.max(range.from);
        let to = self.to.unwrap_or(range.to).min(range.to);
        if to < from { 0 } else { (to - from).num_days() + 1 }
    }
}

/// The starter event kinds every journal begins with: a short name and what it means.
pub const STARTER_EVENT_KINDS: &[(&str, &str)] = &[
    ("infection", "A cold, flu, COVID or another infection"),
    ("flare", "A flare of the condition"),
    ("crash", "Post-exertional malaise: a crash after physical or mental exertion"),
    ("period", "Menstrual period"),
    ("stress", "An unusually stressful time"),
    ("travel", "Travel, a change of time zone or routine"),
    ("vaccination", "A vaccination"),
    ("procedure", "A medical or dental procedure"),
    ("appointment", "An appointment with a prescriber or another clinician"),
    ("other", "Anything else worth noting"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn an_entry_is_in_force_from_its_first_to_its_last_day() {
        let m = Medication {
            id: 1,
            name: "Vitamin D".into(),
            dose: "2000 IU".into(),
            schedule: "mornings".into(),
            as_needed: false,
            from: d("2026-01-10"),
            until: Some(d("2026-01-20")),
            note: String::new(),
            private: false,
        };
        assert!(!m.on(d("2026-01-09")) && m.on(d("2026-01-10")) && m.on(d("2026-01-20")) && !m.on(d("2026-01-21")));
        assert_eq!(m.line(), "Vitamin D 2000 IU, mornings");
        let prn = Medication { as_needed: true, schedule: String::new(), dose: String::new(), until: None, ..m };
        assert_eq!(prn.line(), "Vitamin D, as needed");
        assert!(prn.on(d("2030-01-01")));
    }

    #[test]
    fn an_event_counts_its_days_inside_a_range() {
        let range = crate::DateRange { from: d("2026-03-01"), to: d("2026-03-31") };
        let e =
            |from: &str, to: Option<&str>| Event { id: 1, kind: 1, from: d(from), to: to.map(d), note: String::new() };
        assert_eq!(e("2026-03-05", Some("2026-03-05")).days_in(range), 1);
        assert_eq!(e("2026-02-20", Some("2026-03-02")).days_in(range), 2);
        assert_eq!(e("2026-03-30", None).days_in(range), 2, "an ongoing event runs to the range's end");
        assert_eq!(e("2026-04-01", None).days_in(range), 0);
        assert!(!e("2026-02-01", Some("2026-02-28")).overlaps(range));
    }
}
