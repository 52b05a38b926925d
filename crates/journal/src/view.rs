//! What the app's screens show, ready to display: amounts in mg, dose lines, durations, a
//! logged day in one line, the regimen list and the dose-period table. Made here, from the
//! journal's data and rules, so the UI keeps no copy of them and says what the PDF says. Dates
//! stay dates: month and weekday names and their order are the UI's (the system locale).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::entry::PeriodEntry;
use crate::periods::period_end;
use crate::summary::{Count, PeriodSummary, Stat, change, hours_minutes, number};
use crate::{Day, Dose, Formulation, ItemId, Micrograms, PrescribedDose, RegimenPeriod};

/// "1.5 mg".
pub fn mg(amount: Micrograms) -> String {
    format!("{} mg", amount.mg_string())
}

/// "1.5 mg at 21:00 + 0.5 mg".
pub fn dose_list(doses: &[PrescribedDose]) -> String {
    let one = |d: &PrescribedDose| match d.time {
        Some(t) => format!("{} at {}", mg(d.amount), crate::hhmm::format(t)),
        None => mg(d.amount),
    };
    doses.iter().map(one).collect::<Vec<_>>().join(" + ")
}

/// The form's name as a list offers it: "Sublingual drops".
pub fn formulation_name(f: Formulation) -> String {
    let label = f.label();
    let mut chars = label.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The prescription as the day view states it: "1.5 mg at 21:00 · capsule · 1 mg/mL · Pharmacy".
pub fn prescribed_line(p: &RegimenPeriod) -> String {
    let mut parts = vec![dose_list(&p.doses), p.formulation.label().to_string()];
    parts.extend([&p.strength, &p.pharmacy].into_iter().filter(|s| !s.trim().is_empty()).cloned());
    parts.join(" · ")
}

/// Minutes asleep as "7 h 5 min" (the Trends table and the PDF say the same).
pub fn sleep_duration(minutes: u32) -> String {
    hours_minutes(f64::from(minutes))
}

/// One logged day in the history's calendar and list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DaySummary {
    pub date: NaiveDate,
    /// Total taken ("1.5 mg"; "0 mg" when every dose was missed); null when no dose was recorded.
    pub taken: Option<String>,
    /// Whether any amount was taken.
    pub any_taken: bool,
    /// How many dose events were marked missed.
    pub missed: u32,
    pub wellbeing: Option<u8>,
    /// How many symptoms were rated.
    pub rated: u32,
    /// Side effects felt (mild or worse).
    pub side_effects: u32,
    pub has_notes: bool,
}

impl DaySummary {
    pub fn of(d: &Day) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let total = d.total_taken();
        Self {
            date: d.date,
            taken: total.map(mg),
            any_taken: total.is_some_and(|t| t.0 > 0),
            missed: count(d.doses.iter().filter(|x| matches!(x, Dose::Missed { .. })).count()),
            wellbeing: d.wellbeing,
            rated: count(d.scores.len()),
            side_effects: count(d.side_effects.iter().filter(|s| s.severity.present()).count()),
            has_notes: !d.notes.trim().is_empty() || !d.dreams.notes.trim().is_empty(),
        }
    }
}

/// A period of the regimen as its list shows it, with the form to edit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PeriodView {
    pub id: u32,
    pub from: NaiveDate,
    /// The last day it applies: its own end, or the day before the next period starts; null
    /// while it goes on.
    pub last_day: Option<NaiveDate>,
    /// Whether it ends because the next period starts (rather than on its own end date).
    pub ends_by_next: bool,
    /// "1.5 mg at 21:00 + 0.5 mg (total 2 mg a day) · Capsule · 1 mg/mL · Pharmacy".
    pub line: String,
    pub note: String,
    pub entry: PeriodEntry,
}

impl PeriodView {
    /// The list of `regimen` (oldest first, as the store gives it), each with its end.
    pub fn list(regimen: &[RegimenPeriod]) -> Vec<Self> {
        regimen.iter().map(|p| Self::of(regimen, p)).collect()
    }

    fn of(regimen: &[RegimenPeriod], p: &RegimenPeriod) -> Self {
        let last_day = period_end(regimen, p);
        let mut parts = vec![
            format!("{} (total {} a day)", dose_list(&p.doses), mg(p.daily_total())),
            formulation_name(p.formulation),
        ];
        parts.extend([&p.strength, &p.pharmacy].into_iter().filter(|s| !s.trim().is_empty()).cloned());
        Self {
            id: p.id,
            from: p.from,
            last_day,
            ends_by_next: last_day.is_some() && last_day != p.until,
            line: parts.join(" · "),
            note: p.note.clone(),
            entry: PeriodEntry::from_period(p),
        }
    }
}

/// A statistic as a table cell: "5 (3–7)" (median, lowest–highest) and, below it, the plain
/// difference from the period before ("+1", "−30 min", "+5 pts"; empty for the first period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Cell {
    pub value: String,
    pub change: String,
}

impl Cell {
    fn stat(s: &Stat, show: impl Fn(f64) -> String) -> Self {
        let value = match (s.median, s.min, s.max) {
            (Some(m), Some(lo), Some(hi)) if lo == hi => show(m),
            (Some(m), Some(lo), Some(hi)) => format!("{} ({}–{})", show(m), show(lo.into()), show(hi.into())),
            _ => "–".into(),
        };
        Self { value, change: String::new() }
    }

    fn score(s: &Stat) -> Self {
        Self { change: change(s.change), ..Self::stat(s, number) }
    }

    fn minutes(s: &Stat) -> Self {
        let change = match s.change {
            None => String::new(),
            Some(v) if v.abs() < 0.5 => "0".into(),
            Some(v) => format!("{}{}", if v < 0.0 { '\u{2212}' } else { '+' }, hours_minutes(v.abs())),
        };
        Self { change, ..Self::stat(s, hours_minutes) }
    }

    fn count(c: &Count) -> Self {
        Self {
            value: format!("{} ({}%)", c.days, (c.share * 100.0).round()),
            change: c.change_points.map(|p| format!("{} pts", change(Some(p)))).unwrap_or_default(),
        }
    }

    fn nights(c: &Count) -> Self {
        Self { change: String::new(), ..Self::count(c) }
    }
}

impl ItemCell {
    /// A cell without a difference from the period before.
    fn plain(id: ItemId, name: &str, value: String) -> Self {
        Self { id, name: name.to_owned(), cell: Cell { value, change: String::new() } }
    }
}

/// A named column's cell (a symptom, a side effect, a measure or an event kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ItemCell {
    pub id: ItemId,
    pub name: String,
    pub cell: Cell,
}

/// One dose period as the Trends table shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PeriodRow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "1.5 mg", or "no dose" before the first dose.
    pub dose: String,
    /// "20 of 28".
    pub days_logged: String,
    /// "19 of 20", or "–" without a prescription to compare with.
    pub as_prescribed: String,
    pub symptoms: Vec<ItemCell>,
    pub wellbeing: Cell,
    pub sleep: Cell,
    pub sleep_quality: Cell,
    pub side_effects: Vec<ItemCell>,
    pub vivid_dreams: Cell,
    pub nightmares: Cell,
    /// Measures with readings: "71.3 kg (70.1–72.4)", "120/80 mmHg (110/70–130/85)".
    pub measures: Vec<ItemCell>,
    /// Event kinds: "3 days".
    pub events: Vec<ItemCell>,
    /// Fills that came into use in the period with another strength, pharmacy or filler.
    pub fill_changes: Vec<crate::supply::FillChange>,
}

impl PeriodRow {
    pub fn of(p: &PeriodSummary) -> Self {
        Self {
            from: p.from,
            to: p.to,
            dose: if p.baseline { "no dose".into() } else { mg(p.dose) },
            days_logged: format!("{} of {}", p.days_logged, p.calendar_days),
            as_prescribed: p
                .adherence
                .map_or("–".into(), |a| format!("{} of {}", a.days_as_prescribed, a.days_compared)),
            symptoms: p
                .symptoms
                .iter()
                .map(|s| ItemCell { id: s.id, name: s.name.clone(), cell: Cell::score(&s.stat) })
                .collect(),
            wellbeing: Cell::score(&p.wellbeing),
            sleep: Cell::minutes(&p.sleep_minutes),
            sleep_quality: Cell::score(&p.sleep_quality),
            side_effects: p
                .side_effects
                .iter()
                .map(|s| ItemCell { id: s.id, name: s.name.clone(), cell: Cell::count(&s.count) })
                .collect(),
            vivid_dreams: Cell::nights(&p.vivid_dream_nights),
            nightmares: Cell::nights(&p.nightmare_nights),
            measures: p.measures.iter().map(|m| ItemCell::plain(m.id, &m.name, m.text())).collect(),
            events: p.event_days.iter().map(|e| ItemCell::plain(e.kind, &e.name, e.text())).collect(),
            fill_changes: p.fill_changes.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
