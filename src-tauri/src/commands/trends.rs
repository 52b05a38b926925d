//! Trends: the charts, drawn by the core as SVG, and the dose-period table for a range.

use chrono::NaiveDate;
use journal::charts::{self, ChartData, ChartKind, ChartOptions, Theme};
use journal::view::PeriodRow;
use journal::{DateRange, ItemId, Journal, MeasureId};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// What the Trends view asks for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct TrendsRequest {
    /// First day; null: from the first logged day.
    pub from: Option<NaiveDate>,
    /// Last day; null: to the last logged day.
    pub to: Option<NaiveDate>,
    /// Symptoms for the dose-and-symptoms chart (empty: none); null: the first three active ones.
    pub symptoms: Option<Vec<ItemId>>,
    /// Measures for the measures chart; null: every measure with a reading in the range.
    #[serde(default)]
    pub measures: Option<Vec<MeasureId>>,
    pub theme: Theme,
}

/// A symptom or measure a picker offers, and whether its chart shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub id: ItemId,
    pub name: String,
    pub shown: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TrendChart {
    pub kind: ChartKind,
    /// A complete `<svg>` document.
    pub svg: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Trends {
    /// The dates shown: the range asked for, open ends replaced by the first or last logged day.
    pub span: DateRange,
    pub days_logged: u32,
    /// Active symptoms, and archived ones rated in the range.
    pub symptoms: Vec<Choice>,
    /// Measures with a reading in the range, and the non-archived ones.
    pub measures: Vec<Choice>,
    pub charts: Vec<TrendChart>,
    /// The dose-period table, one row per period.
    pub periods: Vec<PeriodRow>,
}

/// The charts and the period table for a range and a symptom selection.
#[tauri::command]
pub async fn trends(state: State<'_, AppState>, request: TrendsRequest) -> IpcResult<Trends> {
    state.read(|j| build(j, &request))
}

fn build(j: &Journal, r: &TrendsRequest) -> journal::Result<Trends> {
    let data = ChartData::load(j, DateRange::between(r.from, r.to)?)?;
    let o = ChartOptions {
        symptoms: r.symptoms.clone(),
        measures: r.measures.clone(),
        theme: r.theme,
        ..ChartOptions::default()
    };
    let shown: Vec<ItemId> = data.chosen_symptoms(&o).iter().map(|s| s.id).collect();
    let symptoms = data
        .symptoms
        .iter()
        .filter(|s| !s.archived || data.days.iter().any(|d| d.score(s.id).is_some()))
        .map(|s| Choice { id: s.id, name: s.name.clone(), shown: shown.contains(&s.id) })
        .collect();
    let drawn: Vec<MeasureId> = data.chosen_measures(&o).iter().map(|m| m.id).collect();
    let measures = data
        .measures
        .iter()
        .filter(|m| !m.archived || data.has_readings(m.id))
        .map(|m| Choice { id: m.id, name: m.name.clone(), shown: drawn.contains(&m.id) })
        .collect();
    let charts = ChartKind::ALL
        .into_iter()
        .map(|kind| Ok(TrendChart { kind, svg: charts::render(kind, &data, &o)? }))
        .collect::<journal::Result<_>>()?;
    Ok(Trends {
        span: data.span(),
        days_logged: u32::try_from(data.days.len()).unwrap_or(u32::MAX),
        symptoms,
        measures,
        charts,
        periods: journal::summary::period_summaries(&data).iter().map(PeriodRow::of).collect(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn request(from: Option<&str>, to: Option<&str>, symptoms: Option<Vec<ItemId>>) -> TrendsRequest {
        TrendsRequest {
            from: from.map(|s| s.parse().unwrap()),
            to: to.map(|s| s.parse().unwrap()),
            symptoms,
            measures: None,
            theme: Theme::Light,
        }
    }

    #[test]
    fn charts_and_periods_follow_the_range_and_the_symptoms() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(dir.path().join("j.sqlite3")).unwrap();
        journal::demo::fill(&mut j, 120, 1, "2025-06-30".parse().unwrap()).unwrap();

        let all = build(&j, &request(None, None, None)).unwrap();
        assert_eq!(all.span, DateRange::new("2025-03-03".parse().unwrap(), "2025-06-30".parse().unwrap()).unwrap());
        assert_eq!(all.charts.len(), 5);
        assert_eq!(all.symptoms.iter().filter(|s| s.shown).count(), 3);
        assert!(all.periods.len() > 3);

        let fatigue = all.symptoms.iter().find(|s| s.name == "Fatigue").unwrap().id;
        let june = build(&j, &request(Some("2025-06-01"), Some("2025-06-30"), Some(vec![fatigue]))).unwrap();
        assert!(june.days_logged <= 30 && june.days_logged > 20);
        assert_eq!(june.symptoms.iter().filter(|s| s.shown).map(|s| s.id).collect::<Vec<_>>(), vec![fatigue]);
        assert!(june.charts[0].svg.contains("Fatigue") && !june.charts[0].svg.contains(">Pain"));
        assert_ne!(june.charts[0].svg, all.charts[0].svg);

        let empty = build(&j, &request(Some("2020-01-01"), Some("2020-02-01"), None)).unwrap();
        assert_eq!((empty.days_logged, empty.periods.len()), (0, 0));

        let backwards = build(&j, &request(Some("2025-06-30"), Some("2025-06-01"), None));
        assert!(matches!(backwards, Err(journal::Error::Invalid(f)) if f[0].field == "to"));
    }
}
