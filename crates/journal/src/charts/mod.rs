//! Trend charts as SVG strings, the same in the app, the PDF report and the command line.
//!
//! Every chart is a pure function of [`ChartData`] and [`ChartOptions`]: the same inputs give
//! byte-identical SVG. Charts are drawn with plotters' SVG backend; text names the font family
//! [`FONT_FAMILY`], which the UI and the PDF embed, so labels render the same everywhere.
//!
//! What the charts show is what was recorded: days without an entry and unrated scores are
//! gaps, never interpolated and never drawn as zero. Nothing is coloured as good or bad.

mod axes;
mod canvas;
mod dose_symptoms;
mod side_effects;
mod sleep;
mod style;
mod wellbeing;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::periods::DosePeriod;
use crate::{Catalog, CatalogItem, DateRange, Day, ItemId, Journal, Micrograms, RegimenPeriod, Result};

pub use dose_symptoms::dose_symptoms;
pub use side_effects::side_effects;
pub use sleep::sleep;
pub use wellbeing::wellbeing_calendar;

/// The font family named in every chart's text (DejaVu Sans, embedded by the UI and the PDF).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// How many symptoms the dose-and-symptoms chart shows when none are chosen.
pub const DEFAULT_SYMPTOM_COUNT: usize = 3;

/// How far before a range to look for the dose in effect when the range starts (see
/// [`ChartData::dose_before`]).
pub const LOOKBACK_DAYS: u64 = 92;

/// Light or dark colours. Both use the Okabe–Ito palette, which stays distinguishable with
/// the common forms of colour blindness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The four charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartKind {
    DoseSymptoms,
    Sleep,
    SideEffects,
    Wellbeing,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [Self::DoseSymptoms, Self::Sleep, Self::SideEffects, Self::Wellbeing];

    /// The name used on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            Self::DoseSymptoms => "dose-symptoms",
            Self::Sleep => "sleep",
            Self::SideEffects => "side-effects",
            Self::Wellbeing => "wellbeing",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == s.trim())
    }
}

/// What to draw and how big. `width` × `height` are SVG pixels; about 640 × 280 keeps the
/// 14 px labels legible when the chart is scaled to the width of an A4 page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartOptions {
    /// Symptoms for the dose-and-symptoms chart, in the order given (an empty list shows
    /// none). `None`: the first [`DEFAULT_SYMPTOM_COUNT`] active symptoms in the user's order.
    pub symptoms: Option<Vec<ItemId>>,
    pub width: u32,
    /// The wellbeing calendar ignores this: it is as tall as its rows of months need.
    pub height: u32,
    pub theme: Theme,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self { symptoms: None, width: 640, height: 280, theme: Theme::Light }
    }
}

/// Everything the charts and the period summary read, loaded once for a date range.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The range asked for. See [`ChartData::span`] for the dates the charts show.
    pub range: DateRange,
    /// Logged days within `range`, in date order.
    pub days: Vec<Day>,
    pub regimen: Vec<RegimenPeriod>,
    /// The symptom catalog, archived items included (they may have history).
    pub symptoms: Vec<CatalogItem>,
    pub side_effects: Vec<CatalogItem>,
    /// Daily total taken on the last day before the range on which something was taken,
    /// looking back at most [`LOOKBACK_DAYS`]. With it, a range that starts on a missed or
    /// unrecorded day is not mistaken for a baseline before the first dose.
    pub dose_before: Option<Micrograms>,
}

impl ChartData {
    /// Loads the days of `range` and the catalogs and regimen from the journal.
    pub fn load(j: &Journal, range: DateRange) -> Result<Self> {
        let dose_before = match range.from.checked_sub_days(Days::new(1)) {
            Some(before) if range.from > crate::validate::FIRST_DATE => {
                let from = before.checked_sub_days(Days::new(LOOKBACK_DAYS - 1)).unwrap_or(before);
                let earlier = j.days(DateRange { from: from.max(crate::validate::FIRST_DATE), to: before })?;
                earlier.iter().rev().find_map(|d| d.total_taken().filter(|t| t.0 > 0))
            }
            _ => None,
        };
        Ok(Self {
            range,
            days: j.days(range)?,
            regimen: j.regimen()?,
            symptoms: j.catalog(Catalog::Symptoms)?,
            side_effects: j.catalog(Catalog::SideEffects)?,
            dose_before,
        })
    }

    /// The dates the charts show: the range, except that an open end (the first or last date
    /// a journal can hold, as [`DateRange::all`] gives) is replaced by the first or last
    /// logged day.
    pub fn span(&self) -> DateRange {
        let all = DateRange::all();
        let (open_from, open_to) = (self.range.from <= all.from, self.range.to >= all.to);
        let (first, last) = match (self.days.first(), self.days.last()) {
            (Some(f), Some(l)) => (f.date, l.date),
            // Nothing logged: an open end collapses onto the other end.
            _ => {
                let d = if open_from { self.range.to } else { self.range.from };
                (d, d)
            }
        };
        let from = if open_from { first } else { self.range.from };
        let to = if open_to { last.max(from) } else { self.range.to };
        DateRange { from: from.min(to), to }
    }

    /// The dose periods of the range (see [`crate::periods`]), with [`Self::dose_before`]
    /// applied: days at the start of the range before anything was taken belong to the dose
    /// taken before the range, not to a baseline.
    pub fn dose_periods(&self) -> Vec<DosePeriod> {
        let mut ps = crate::periods::dose_periods(&self.days);
        if let Some(before) = self.dose_before
            && ps.first().is_some_and(|p| p.is_baseline())
        {
            ps[0].dose = before;
            if ps.len() > 1 && ps[1].dose == before {
                let next = ps.remove(1);
                ps[0].to = next.to;
                ps[0].day_indices.end = next.day_indices.end;
            }
        }
        ps
    }

    /// The symptoms the dose-and-symptoms chart draws for `o`, known ids only, in order.
    pub fn chosen_symptoms(&self, o: &ChartOptions) -> Vec<&CatalogItem> {
        match &o.symptoms {
            None => self.symptoms.iter().filter(|s| !s.archived).take(DEFAULT_SYMPTOM_COUNT).collect(),
            Some(ids) => ids.iter().filter_map(|id| self.symptoms.iter().find(|s| s.id == *id)).collect(),
        }
    }

    /// The period summary of this data (see [`crate::summary`]).
    pub fn period_summaries(&self) -> Vec<crate::summary::PeriodSummary> {
        crate::summary::period_summaries(self)
    }

    /// Index of each calendar day of `span` into `days` (`None` when not logged).
    pub(crate) fn day_slots(&self, span: DateRange) -> Vec<Option<usize>> {
        let n = usize::try_from(span.days()).unwrap_or(0);
        let mut slots = vec![None; n];
        for (i, d) in self.days.iter().enumerate() {
            if let Some(k) = offset(span.from, d.date).filter(|k| *k < n) {
                slots[k] = Some(i);
            }
        }
        slots
    }
}

/// Draws chart `kind`.
pub fn render(kind: ChartKind, data: &ChartData, o: &ChartOptions) -> Result<String> {
    match kind {
        ChartKind::DoseSymptoms => dose_symptoms(data, o),
        ChartKind::Sleep => sleep(data, o),
        ChartKind::SideEffects => side_effects(data, o),
        ChartKind::Wellbeing => wellbeing_calendar(data, o),
    }
}

/// Days from `from` to `d`, if `d` is not before `from`.
pub(crate) fn offset(from: NaiveDate, d: NaiveDate) -> Option<usize> {
    usize::try_from((d - from).num_days()).ok()
}

#[cfg(test)]
mod tests;
