//! Descriptive statistics per dose period, each beside the plain difference from the period
//! before. Nothing here judges: no "better" or "worse", no thresholds, no suggestions.
//!
//! Definitions (every count is of logged days in the period, i.e. days with an entry):
//! - **Dose periods** come from [`crate::periods::dose_periods`] via
//!   [`ChartData::dose_periods`]; `calendar_days` spans `from..=to`, `days_logged` counts entries.
//! - **Adherence** compares the total taken with the prescribed daily total
//!   ([`crate::periods::prescribed_on`]). `days_compared` counts logged days that have both a
//!   prescription and at least one dose record (taken or missed); `days_as_prescribed` counts
//!   those whose total taken equals the prescribed daily total exactly. Days without a dose
//!   record are not counted either way. No prescription entered: no adherence.
//! - **Scores** (each symptom, wellbeing, sleep quality, sleep duration in minutes): number of
//!   rated days, median (the mean of the two middle values for an even count), minimum and
//!   maximum. Unrated days are left out, never counted as zero.
//! - **Side effects**: days recorded as mild or stronger, and their share of logged days.
//! - **Dreams**: nights with somewhat or very vivid dreams, and nights with a nightmare.
//! - **Measures**: every reading in the period (several a day count each), their median and
//!   their lowest and highest value as recorded; a paired measure (blood pressure) describes
//!   each of its two numbers on its own.
//! - **Event days**: calendar days of the period on which an event of the kind was under way,
//!   whether or not the day was logged.
//! - **change**: this period's value minus the previous period's (medians in the scale's own
//!   units, shares in percentage points); `None` for the first period or when either period
//!   has no value.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::periods::prescribed_on;
use crate::range_data::ChartData;
use crate::{CatalogItem, DateRange, Day, Decimal, ItemId, Measure, MeasureId, Micrograms, Vividness};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodSummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Daily total taken in this period; 0 before the first dose (the baseline).
    pub dose: Micrograms,
    pub baseline: bool,
    pub calendar_days: u32,
    pub days_logged: u32,
    pub adherence: Option<Adherence>,
    /// Every symptom rated anywhere in the data, in the user's order.
    pub symptoms: Vec<ItemStat>,
    pub wellbeing: Stat,
    /// Minutes from bedtime to waking.
    pub sleep_minutes: Stat,
    /// Sleep quality 1–5.
    pub sleep_quality: Stat,
    /// Every side effect recorded as present anywhere in the data, in the user's order.
    pub side_effects: Vec<DayCount>,
    pub vivid_dream_nights: Count,
    pub nightmare_nights: Count,
    /// Every measure with a reading anywhere in the data, in the user's order.
    pub measures: Vec<MeasureStat>,
    /// Every event kind with an event on a day of the data, in catalog order.
    pub event_days: Vec<EventDays>,
    /// The fills that came into use in the period with another strength, pharmacy or filler.
    pub fill_changes: Vec<crate::supply::FillChange>,
}

/// The readings of one measure in a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MeasureStat {
    pub id: MeasureId,
    pub name: String,
    pub unit: String,
    pub decimals: u8,
    pub readings: u32,
    /// The (first) number; `None` without readings.
    pub first: Option<Spread>,
    /// The second number of a paired measure.
    pub second: Option<Spread>,
}

impl MeasureStat {
    /// "71.3 kg (70.1–72.4)", "120/80 mmHg (110/70–130/85)", "–" without readings: the median,
    /// then the lowest and highest value recorded. A median of two values may carry one
    /// decimal more than the measure declares.
    pub fn text(&self) -> String {
        let Some(a) = &self.first else { return "–".into() };
        let places = self.decimals.saturating_add(1);
        let (median, min, max) = match &self.second {
            Some(b) => (
                format!("{}/{}", decimal_text(a.median, places), decimal_text(b.median, places)),
                format!("{}/{}", a.min, b.min),
                format!("{}/{}", a.max, b.max),
            ),
            None => (decimal_text(a.median, places), a.min.to_string(), a.max.to_string()),
        };
        let unit = self.unit.trim();
        let median = if unit.is_empty() { median } else { format!("{median}\u{a0}{unit}") };
        if min == max { median } else { format!("{median} ({min}–{max})") }
    }
}

impl EventDays {
    /// "1 day", "12 days".
    pub fn text(&self) -> String {
        format!("{} day{}", self.days, if self.days == 1 { "" } else { "s" })
    }
}

/// `v` with at most `places` decimals, trailing zeros dropped: 71.25, 71.3, 72.
fn decimal_text(v: f64, places: u8) -> String {
    let s = format!("{:.*}", usize::from(places), v);
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s };
    if s == "-0" { "0".into() } else { s }
}

/// Median and extremes of recorded values.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Spread {
    pub median: f64,
    #[ts(type = "string")]
    pub min: Decimal,
    #[ts(type = "string")]
    pub max: Decimal,
}

/// Calendar days of a period with an event of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EventDays {
    pub kind: ItemId,
    pub name: String,
    pub days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Adherence {
    pub days_as_prescribed: u32,
    pub days_compared: u32,
}

/// Statistics of one rated quantity over a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Stat {
    pub rated_days: u32,
    pub median: Option<f64>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// Median minus the previous period's median.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ItemStat {
    pub id: ItemId,
    pub name: String,
    pub stat: Stat,
}

/// Days (or nights) on which something was recorded, and their share of logged days.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Count {
    pub days: u32,
    /// `days / days_logged`, 0–1.
    pub share: f64,
    /// Share minus the previous period's share, in percentage points.
    pub change_points: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DayCount {
    pub id: ItemId,
    pub name: String,
    pub count: Count,
}

/// The summary of every dose period in `data`, oldest first.
pub fn period_summaries(data: &ChartData) -> Vec<PeriodSummary> {
    let symptoms: Vec<&CatalogItem> =
        data.symptoms.iter().filter(|s| data.days.iter().any(|d| d.score(s.id).is_some())).collect();
    let side_effects: Vec<&CatalogItem> = data
        .side_effects
        .iter()
        .filter(|s| data.days.iter().any(|d| d.severity(s.id).is_some_and(|v| v.present())))
        .collect();
    let mut measures: Vec<&Measure> = data.measures.iter().filter(|m| data.has_readings(m.id)).collect();
    measures.sort_by_key(|m| (m.position, m.id));
    let kinds: Vec<&CatalogItem> =
        data.event_kinds.iter().filter(|k| data.events.iter().any(|e| e.kind == k.id)).collect();
    let fill_changes = crate::supply::fill_changes(&data.fills);
    let mut out: Vec<PeriodSummary> = Vec::new();
    let mut buf: Vec<u32> = Vec::new();
    for p in data.dose_periods() {
        let days = &data.days[p.day_indices.clone()];
        let logged = u32::try_from(days.len()).unwrap_or(u32::MAX);
        let mut stat = |f: &dyn Fn(&Day) -> Option<u32>| {
            buf.clear();
            buf.extend(days.iter().filter_map(f));
            stat_of(&mut buf)
        };
        let symptom_stats: Vec<ItemStat> = symptoms
            .iter()
            .map(|s| ItemStat { id: s.id, name: s.name.clone(), stat: stat(&|d| d.score(s.id).map(u32::from)) })
            .collect();
        let wellbeing = stat(&|d| d.wellbeing.map(u32::from));
        let sleep_minutes = stat(&|d| d.sleep_minutes());
        let sleep_quality = stat(&|d| d.sleep.quality.map(u32::from));
        let count = |pred: &dyn Fn(&Day) -> bool| {
            let n = u32::try_from(days.iter().filter(|d| pred(d)).count()).unwrap_or(u32::MAX);
            Count {
                days: n,
                share: if logged == 0 { 0.0 } else { f64::from(n) / f64::from(logged) },
                change_points: None,
            }
        };
        let side = side_effects
            .iter()
            .map(|s| DayCount {
                id: s.id,
                name: s.name.clone(),
                count: count(&|d| d.severity(s.id).is_some_and(|v| v.present())),
            })
            .collect();
        let vivid = count(&|d| matches!(d.dreams.vivid, Some(Vividness::Somewhat | Vividness::Very)));
        let nightmare = count(&|d| d.dreams.nightmare == Some(true));
        let mut s = PeriodSummary {
            from: p.from,
            to: p.to,
            dose: p.dose,
            baseline: p.is_baseline(),
            calendar_days: u32::try_from(p.calendar_days()).unwrap_or(0),
            days_logged: logged,
            adherence: adherence(days, data),
            symptoms: symptom_stats,
            wellbeing,
            sleep_minutes,
            sleep_quality,
            side_effects: side,
            vivid_dream_nights: vivid,
            nightmare_nights: nightmare,
            measures: measures.iter().map(|m| measure_stat(m, days)).collect(),
            event_days: kinds.iter().map(|k| event_days(data, k, p.from, p.to)).collect(),
            fill_changes: fill_changes.iter().filter(|c| (p.from..=p.to).contains(&c.date)).cloned().collect(),
        };
        if let Some(prev) = out.last() {
            set_changes(&mut s, prev);
        }
        out.push(s);
    }
    out
}

fn measure_stat(m: &Measure, days: &[Day]) -> MeasureStat {
    let values: Vec<crate::MeasureValue> =
        days.iter().flat_map(|d| &d.readings).filter(|r| r.measure == m.id).map(|r| r.value).collect();
    let first: Vec<Decimal> = values.iter().map(|v| v.first()).collect();
    let second: Vec<Decimal> = values.iter().filter_map(|v| v.second()).collect();
    MeasureStat {
        id: m.id,
        name: m.name.clone(),
        unit: m.unit.clone(),
        decimals: m.decimals,
        readings: u32::try_from(values.len()).unwrap_or(u32::MAX),
        first: spread(first),
        second: if m.paired { spread(second) } else { None },
    }
}

fn spread(mut values: Vec<Decimal>) -> Option<Spread> {
    values.sort();
    let n = values.len();
    let median = match n {
        0 => return None,
        _ if n % 2 == 1 => values[n / 2].to_f64(),
        _ => (values[n / 2 - 1].to_f64() + values[n / 2].to_f64()) / 2.0,
    };
    Some(Spread { median, min: *values.first()?, max: *values.last()? })
}

/// Days from `from` to `to` with an event of `kind` under way (overlapping events count once).
fn event_days(data: &ChartData, kind: &CatalogItem, from: NaiveDate, to: NaiveDate) -> EventDays {
    let days = DateRange::new(from, to).map_or(0, |range| {
        let of_kind: Vec<_> = data.events.iter().filter(|e| e.kind == kind.id && e.overlaps(range)).collect();
        from.iter_days().take_while(|d| *d <= to).filter(|d| of_kind.iter().any(|e| e.on(*d))).count()
    });
    EventDays { kind: kind.id, name: kind.name.clone(), days: u32::try_from(days).unwrap_or(u32::MAX) }
}

fn adherence(days: &[Day], data: &ChartData) -> Option<Adherence> {
    let mut a = Adherence { days_as_prescribed: 0, days_compared: 0 };
    for d in days {
        let (Some(taken), Some(p)) = (d.total_taken(), prescribed_on(&data.regimen, d.date)) else { continue };
        a.days_compared += 1;
        if taken == p.daily_total() {
            a.days_as_prescribed += 1;
        }
    }
    (a.days_compared > 0).then_some(a)
}

/// Sorts `values` and describes them.
fn stat_of(values: &mut [u32]) -> Stat {
    values.sort_unstable();
    let n = values.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(values[n / 2])),
        _ => Some((f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0),
    };
    Stat {
        rated_days: u32::try_from(n).unwrap_or(u32::MAX),
        median,
        min: values.first().copied(),
        max: values.last().copied(),
        change: None,
    }
}

fn set_changes(s: &mut PeriodSummary, prev: &PeriodSummary) {
    fn stat(s: &mut Stat, prev: &Stat) {
        s.change = s.median.zip(prev.median).map(|(a, b)| a - b);
    }
    fn count(c: &mut Count, prev: &Count, both_logged: bool) {
        c.change_points = both_logged.then(|| ((c.share - prev.share) * 1000.0).round() / 10.0);
    }
    let both = s.days_logged > 0 && prev.days_logged > 0;
    for it in &mut s.symptoms {
        if let Some(p) = prev.symptoms.iter().find(|p| p.id == it.id) {
            stat(&mut it.stat, &p.stat);
        }
    }
    stat(&mut s.wellbeing, &prev.wellbeing);
    stat(&mut s.sleep_minutes, &prev.sleep_minutes);
    stat(&mut s.sleep_quality, &prev.sleep_quality);
    for it in &mut s.side_effects {
        if let Some(p) = prev.side_effects.iter().find(|p| p.id == it.id) {
            count(&mut it.count, &p.count, both);
        }
    }
    count(&mut s.vivid_dream_nights, &prev.vivid_dream_nights, both);
    count(&mut s.nightmare_nights, &prev.nightmare_nights, both);
}

/// A number as the tables show it: "5", "4.5", "−1.5" (with a real minus sign).
pub fn number(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let s = if r.fract() == 0.0 { format!("{}", r.abs() as i64) } else { format!("{:.1}", r.abs()) };
    if r < 0.0 { format!("\u{2212}{s}") } else { s }
}

/// A difference as the tables show it: "+1", "−0.5", "0"; empty when there is none.
pub fn change(v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) if (v * 10.0).round() == 0.0 => "0".into(),
        Some(v) if v > 0.0 => format!("+{}", number(v)),
        Some(v) => number(v),
    }
}

/// Minutes as "7 h 30 min"; halves of a minute (a median of two) are rounded.
pub fn hours_minutes(minutes: f64) -> String {
    let m = minutes.round() as i64;
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests;
