//! Trend charts as SVG strings, the same in the app, the PDF report and the command line.
//!
//! Every chart is a pure function of [`ChartData`] and [`ChartOptions`]: the same inputs give
//! byte-identical SVG. Charts are drawn with plotters' SVG backend; text names the font family
//! [`FONT_FAMILY`], which the UI and the PDF embed, so labels render the same everywhere.
//!
//! What the charts show is what was recorded: days without an entry and unrated scores are
//! gaps, never interpolated and never drawn as zero. Nothing is coloured as good or bad.
//!
//! Charts over time draw every day up to [`DAILY_MAX_DAYS`]; longer ranges draw scores and
//! sleep as weekly, then (beyond [`WEEKLY_MAX_DAYS`]) monthly medians with their middle half
//! as a band, and say so in the legend. Doses are never summarised.

mod aggregate;
mod axes;
mod canvas;
mod dose_symptoms;
mod legend;
mod markers;
mod measures;
mod medians;
mod side_effects;
mod sleep;
mod style;
mod wellbeing;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CatalogItem, ItemId, Measure, MeasureId, Result};

pub use crate::range_data::{ChartData, LOOKBACK_DAYS};
pub use aggregate::{DAILY_MAX_DAYS, WEEKLY_MAX_DAYS};
pub use dose_symptoms::dose_symptoms;
pub use measures::measures;
pub use side_effects::side_effects;
pub use sleep::sleep;
pub use wellbeing::wellbeing_calendar;

/// The font family named in every chart's text (DejaVu Sans, embedded by the UI and the PDF).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// How many symptoms the dose-and-symptoms chart shows when none are chosen.
pub const DEFAULT_SYMPTOM_COUNT: usize = 3;

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

/// The charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartKind {
    DoseSymptoms,
    Sleep,
    SideEffects,
    Wellbeing,
    Measures,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] =
        [Self::DoseSymptoms, Self::Sleep, Self::SideEffects, Self::Wellbeing, Self::Measures];

    /// The name used on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            Self::DoseSymptoms => "dose-symptoms",
            Self::Sleep => "sleep",
            Self::SideEffects => "side-effects",
            Self::Wellbeing => "wellbeing",
            Self::Measures => "measures",
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
    /// Measures for the measures chart, in the order given. `None`: every measure with a
    /// reading in the range, in the user's order.
    pub measures: Option<Vec<MeasureId>>,
    pub width: u32,
    /// The wellbeing calendar ignores this: it is as tall as its rows of months need.
    pub height: u32,
    pub theme: Theme,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self { symptoms: None, measures: None, width: 640, height: 280, theme: Theme::Light }
    }
}

impl ChartData {
    /// The symptoms the dose-and-symptoms chart draws for `o`, known ids only, in order.
    pub fn chosen_symptoms(&self, o: &ChartOptions) -> Vec<&CatalogItem> {
        match &o.symptoms {
            None => self.symptoms.iter().filter(|s| !s.archived).take(DEFAULT_SYMPTOM_COUNT).collect(),
            Some(ids) => ids.iter().filter_map(|id| self.symptoms.iter().find(|s| s.id == *id)).collect(),
        }
    }

    /// The measures the measures chart draws for `o`, known ids only, in order.
    pub fn chosen_measures(&self, o: &ChartOptions) -> Vec<&Measure> {
        match &o.measures {
            None => {
                let mut recorded: Vec<&Measure> = self.measures.iter().filter(|m| self.has_readings(m.id)).collect();
                recorded.sort_by_key(|m| (m.position, m.id));
                recorded
            }
            Some(ids) => ids.iter().filter_map(|id| self.measures.iter().find(|m| m.id == *id)).collect(),
        }
    }

    /// Whether measure `id` has a reading on any day of the data.
    pub fn has_readings(&self, id: MeasureId) -> bool {
        self.days.iter().any(|d| d.readings.iter().any(|r| r.measure == id))
    }
}

/// Draws chart `kind`.
pub fn render(kind: ChartKind, data: &ChartData, o: &ChartOptions) -> Result<String> {
    match kind {
        ChartKind::DoseSymptoms => dose_symptoms(data, o),
        ChartKind::Sleep => sleep(data, o),
        ChartKind::SideEffects => side_effects(data, o),
        ChartKind::Wellbeing => wellbeing_calendar(data, o),
        ChartKind::Measures => measures(data, o),
    }
}

#[cfg(test)]
mod tests;
