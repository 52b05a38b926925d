//! The measures and events by dose period, after the charts: each measure's median and its
//! lowest and highest reading, and the days each kind of event was under way, per period.
//! Wide selections are split into several tables of a few columns each, every one starting
//! with the period's dates and dose.

use super::ReportData;
use super::glance::{dose_label, period_label};
use super::layout::{Flow, TextStyle};
use super::table::{Column, Table};
use crate::summary::{PeriodSummary, period_summaries};

const TABLE: f32 = 7.5;
const H2: f32 = 11.5;
const NOTE: TextStyle = TextStyle::regular(7.0).muted();
/// Columns of values per table beside the dates and the dose.
const VALUE_COLUMNS: usize = 4;

pub(super) fn measures_and_events(flow: &mut Flow<'_>, data: &ReportData) {
    let periods = period_summaries(&data.chart);
    let Some(first) = periods.first() else { return };
    let measures: Vec<(u32, String)> = first.measures.iter().map(|m| (m.id, m.name.trim().to_owned())).collect();
    let kinds: Vec<(u32, String)> = first.event_days.iter().map(|e| (e.kind, e.name.trim().to_owned())).collect();
    for (i, chunk) in measures.chunks(VALUE_COLUMNS).enumerate() {
        let cell =
            |p: &PeriodSummary, id: u32| p.measures.iter().find(|m| m.id == id).map_or("–".into(), |m| m.text());
        let title = if i == 0 { "Measures by dose period" } else { "Measures by dose period, continued" };
        table(flow, title, &periods, chunk, cell);
    }
    if !measures.is_empty() {
        flow.gap(3.0);
        flow.paragraph(
            "Each cell: the median of the readings in the period, in brackets the lowest and highest reading, \
             as recorded. – means no reading.",
            NOTE,
        );
    }
    for (i, chunk) in kinds.chunks(VALUE_COLUMNS).enumerate() {
        let cell =
            |p: &PeriodSummary, id: u32| p.event_days.iter().find(|e| e.kind == id).map_or("–".into(), |e| e.text());
        let title = if i == 0 { "Event days by dose period" } else { "Event days by dose period, continued" };
        table(flow, title, &periods, chunk, cell);
    }
    if !kinds.is_empty() {
        flow.gap(3.0);
        flow.paragraph("Calendar days of the period on which an event of the kind was under way.", NOTE);
    }
}

fn table(
    flow: &mut Flow<'_>,
    title: &str,
    periods: &[PeriodSummary],
    columns: &[(u32, String)],
    cell: impl Fn(&PeriodSummary, u32) -> String,
) {
    let mut head = vec![Column::left("Dates", 1.0), Column::left("Daily dose", 0.8)];
    head.extend(columns.iter().map(|(_, name)| Column::right(name.clone(), 1.0)));
    let rows = periods
        .iter()
        .map(|p| {
            let mut row = vec![period_label(p), dose_label(p)];
            row.extend(columns.iter().map(|(id, _)| cell(p, *id)));
            row
        })
        .collect();
    flow.gap(14.0);
    flow.titled_table(title, H2, &Table { columns: head, rows, size: TABLE });
}
