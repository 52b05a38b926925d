//! The measures and events by dose period, after the charts: each measure's median and its
//! lowest and highest reading, and the days each kind of event was under way, per period.
//! Wide selections are split into several tables of a few columns each, every one starting
//! with the period's dates and dose.

use super::glance::{dose_label, period_label};
use super::layout::{Flow, TextStyle};
use super::table::{Column, Table};
use crate::summary::PeriodSummary;

const TABLE: f32 = 7.5;
const H2: f32 = 11.5;
const NOTE: TextStyle = TextStyle::regular(7.0).muted();
/// Columns of values per table beside the dates and the dose.
const VALUE_COLUMNS: usize = 4;

pub(super) fn measures_and_events(flow: &mut Flow<'_>, periods: &[PeriodSummary]) {
    let Some(first) = periods.first() else { return };
    let measures: Vec<(u32, String)> = first.measures.iter().map(|m| (m.id, m.name.trim().to_owned())).collect();
    let kinds: Vec<(u32, String)> = first.event_days.iter().map(|e| (e.kind, e.name.trim().to_owned())).collect();
    let measure =
        |p: &PeriodSummary, id: u32| p.measures.iter().find(|m| m.id == id).map_or("–".into(), |m| m.text());
    tables(flow, "Measures by dose period", periods, &measures, measure);
    if !measures.is_empty() {
        note(
            flow,
            "Each cell: the median of the readings in the period, in brackets the lowest and highest reading, \
             as recorded. – means no reading.",
        );
    }
    let event =
        |p: &PeriodSummary, id: u32| p.event_days.iter().find(|e| e.kind == id).map_or("–".into(), |e| e.text());
    tables(flow, "Event days by dose period", periods, &kinds, event);
    if !kinds.is_empty() {
        note(flow, "Calendar days of the period on which an event of the kind was under way.");
    }
}

fn note(flow: &mut Flow<'_>, text: &str) {
    flow.gap(3.0);
    flow.paragraph(text, NOTE);
}

/// The columns in tables of [`VALUE_COLUMNS`] each; the second and later titled "…, continued".
fn tables(
    flow: &mut Flow<'_>,
    title: &str,
    periods: &[PeriodSummary],
    columns: &[(u32, String)],
    cell: impl Fn(&PeriodSummary, u32) -> String,
) {
    for (i, chunk) in columns.chunks(VALUE_COLUMNS).enumerate() {
        let title = if i == 0 { title.to_owned() } else { format!("{title}, continued") };
        table(flow, &title, periods, chunk, &cell);
    }
}

fn table(
    flow: &mut Flow<'_>,
    title: &str,
    periods: &[PeriodSummary],
    columns: &[(u32, String)],
    cell: &impl Fn(&PeriodSummary, u32) -> String,
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
