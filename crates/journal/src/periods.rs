//! Dose periods: contiguous runs of days at the same daily total taken.
//!
//! A day's total decides its period only when something was taken. Days with every dose
//! missed, or with no dose recorded, stay in the period they fall in: they are missed or
//! unrecorded days at that dose, not a new dose. Days before the first dose taken form the
//! baseline period (dose 0). Each period runs until the day before the next one starts; the
//! last one ends at the last logged day.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::{Day, Micrograms, RegimenPeriod};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DosePeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Daily total taken; 0 for the baseline before the first dose.
    pub dose: Micrograms,
    /// Index range into the days the periods were derived from.
    #[serde(skip)]
    #[ts(skip)]
    pub day_indices: std::ops::Range<usize>,
}

impl DosePeriod {
    pub fn is_baseline(&self) -> bool {
        self.dose.0 == 0
    }

    /// Calendar days the period spans.
    pub fn calendar_days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// Derives the dose periods of `days`, which must be sorted by date.
pub fn dose_periods(days: &[Day]) -> Vec<DosePeriod> {
    let mut periods: Vec<DosePeriod> = Vec::new();
    for (i, day) in days.iter().enumerate() {
        let taken = day.total_taken().filter(|t| t.0 > 0);
        match (periods.last_mut(), taken) {
            (Some(p), Some(t)) if p.dose != t => {
                p.to = day.date.checked_sub_days(Days::new(1)).unwrap_or(day.date);
                periods.push(DosePeriod { from: day.date, to: day.date, dose: t, day_indices: i..i + 1 });
            }
            (Some(p), _) => {
                p.to = day.date;
                p.day_indices.end = i + 1;
            }
            (None, t) => {
                periods.push(DosePeriod {
                    from: day.date,
                    to: day.date,
                    dose: t.unwrap_or_default(),
                    day_indices: i..i + 1,
                });
            }
        }
    }
    periods
}

/// How long the daily total of a day had been taken: "day 3 at 1.5 mg (since 2026-03-11)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DoseRun {
    /// The day's place in its dose period, the first day at that dose being day 1.
    pub day: u32,
    pub dose: Micrograms,
    pub since: NaiveDate,
    /// Days of the period up to this one with a missed dose.
    pub missed: u32,
}

impl DoseRun {
    /// "day 9 at 1.5 mg (since 2026-03-11; 1 missed)". A fact, never a countdown.
    pub fn text(&self) -> String {
        let missed = if self.missed > 0 { format!("; {} missed", self.missed) } else { String::new() };
        format!("day {} at {} (since {}{missed})", self.day, self.dose, self.since)
    }
}

/// The dose period `date` is in, from `days` (sorted, every logged day up to `date` at least):
/// `None` when `date` is not logged, or is in the baseline before the first dose.
pub fn dose_run(days: &[Day], date: NaiveDate) -> Option<DoseRun> {
    let upto = days.partition_point(|d| d.date <= date);
    let days = &days[..upto];
    if days.last()?.date != date {
        return None;
    }
    let p = dose_periods(days).pop().filter(|p| !p.is_baseline())?;
    let missed = days[p.day_indices.clone()]
        .iter()
        .filter(|d| d.doses.iter().any(|x| matches!(x, crate::Dose::Missed { .. })))
        .count();
    Some(DoseRun {
        day: u32::try_from((date - p.from).num_days() + 1).ok()?,
        dose: p.dose,
        since: p.from,
        missed: u32::try_from(missed).ok()?,
    })
}

/// The regimen period that applies on `date`: the latest one started on or before it, unless
/// it ended before `date`.
pub fn prescribed_on(regimen: &[RegimenPeriod], date: NaiveDate) -> Option<&RegimenPeriod> {
    regimen
        .iter()
        .filter(|p| p.from <= date)
        .max_by_key(|p| (p.from, p.id))
        .filter(|p| p.until.is_none_or(|u| date <= u))
}

/// The last day a regimen period applies: its `until`, or the day before the next period
/// starts, whichever is first; `None` while it goes on.
pub fn period_end(regimen: &[RegimenPeriod], p: &RegimenPeriod) -> Option<NaiveDate> {
    let next = regimen.iter().filter(|q| q.from > p.from).map(|q| q.from).min().and_then(|d| d.pred_opt());
    match (p.until, next) {
        (Some(u), Some(n)) => Some(u.min(n)),
        (u, n) => u.or(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dose, Formulation};

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    fn day(date: &str, doses: &[Option<u32>]) -> Day {
        let mut day = Day::new(d(date));
        day.doses = doses
            .iter()
            .map(|a| match a {
                Some(ug) => Dose::Taken {
                    time: None,
                    amount: Micrograms(*ug),
                    formulation: Formulation::Capsule,
                    note: String::new(),
                    measured: None,
                },
                None => Dose::Missed { time: None, reason: String::new() },
            })
            .collect();
        day
    }

    fn check(days: &[Day], expected: &[(&str, &str, u32)]) {
        let got: Vec<(String, String, u32)> =
            dose_periods(days).iter().map(|p| (p.from.to_string(), p.to.to_string(), p.dose.0)).collect();
        let expected: Vec<(String, String, u32)> =
            expected.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), *c)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn no_days_no_periods() {
        check(&[], &[]);
    }

    #[test]
    fn single_day() {
        check(&[day("2025-01-01", &[Some(1500)])], &[("2025-01-01", "2025-01-01", 1500)]);
    }

    #[test]
    fn baseline_then_steps() {
        check(
            &[
                day("2025-01-01", &[]),
                day("2025-01-02", &[]),
                day("2025-01-03", &[Some(500)]),
                day("2025-01-04", &[Some(500)]),
                day("2025-01-06", &[Some(1000)]),
            ],
            &[("2025-01-01", "2025-01-02", 0), ("2025-01-03", "2025-01-05", 500), ("2025-01-06", "2025-01-06", 1000)],
        );
    }

    #[test]
    fn missed_and_unrecorded_days_stay_in_their_period() {
        check(
            &[
                day("2025-01-01", &[Some(1500)]),
                day("2025-01-02", &[None]),
                day("2025-01-03", &[]),
                day("2025-01-04", &[Some(1500)]),
            ],
            &[("2025-01-01", "2025-01-04", 1500)],
        );
    }

    #[test]
    fn split_doses_count_as_their_total() {
        check(
            &[
                day("2025-01-01", &[Some(3000)]),
                day("2025-01-02", &[Some(1500), Some(1500)]),
                day("2025-01-03", &[Some(1500), None]),
            ],
            &[("2025-01-01", "2025-01-02", 3000), ("2025-01-03", "2025-01-03", 1500)],
        );
    }

    #[test]
    fn a_run_counts_days_at_the_dose_with_the_missed_ones() {
        let days = [
            day("2026-03-01", &[]),
            day("2026-03-02", &[Some(1000)]),
            day("2026-03-11", &[Some(1500)]),
            day("2026-03-12", &[None]),
            day("2026-03-14", &[Some(1500)]),
            day("2026-03-19", &[Some(750), Some(750)]),
            day("2026-03-20", &[Some(1500), None]),
        ];
        let run = |on: &str| dose_run(&days, d(on)).map(|r| r.text());
        assert_eq!(run("2026-03-01"), None, "the baseline has no run");
        assert_eq!(run("2026-03-02").as_deref(), Some("day 1 at 1 mg (since 2026-03-02)"));
        assert_eq!(run("2026-03-11").as_deref(), Some("day 1 at 1.5 mg (since 2026-03-11)"));
        assert_eq!(run("2026-03-12").as_deref(), Some("day 2 at 1.5 mg (since 2026-03-11; 1 missed)"));
        assert_eq!(run("2026-03-13"), None, "a day not logged");
        assert_eq!(run("2026-03-14").as_deref(), Some("day 4 at 1.5 mg (since 2026-03-11; 1 missed)"));
        assert_eq!(
            run("2026-03-19").as_deref(),
            Some("day 9 at 1.5 mg (since 2026-03-11; 1 missed)"),
            "a split dose counts as its total"
        );
        assert_eq!(run("2026-03-20").as_deref(), Some("day 10 at 1.5 mg (since 2026-03-11; 2 missed)"));
        assert_eq!(dose_run(&days, d("2026-03-21")), None);
    }

    #[test]
    fn prescribed_on_follows_the_latest_start_and_end_dates() {
        let p = |id, from: &str, until: Option<&str>| RegimenPeriod {
            id,
            from: d(from),
            until: until.map(d),
            doses: vec![],
            formulation: Formulation::Capsule,
            strength: String::new(),
            pharmacy: String::new(),
            note: String::new(),
        };
        let r = [p(1, "2025-01-01", None), p(2, "2025-02-01", Some("2025-02-28"))];
        assert_eq!(prescribed_on(&r, d("2024-12-31")).map(|p| p.id), None);
        assert_eq!(prescribed_on(&r, d("2025-01-31")).map(|p| p.id), Some(1));
        assert_eq!(prescribed_on(&r, d("2025-02-28")).map(|p| p.id), Some(2));
        assert_eq!(prescribed_on(&r, d("2025-03-01")).map(|p| p.id), None);
    }
}
