//! Change markers: a dashed line at every dose step and every formulation or pharmacy switch,
//! labelled in a band above the plot.

use chrono::NaiveDate;
use plotters::style::Color;

use super::ChartData;
use super::axes::Frame;
use super::canvas::{Align, Canvas, solid};
use super::style::{SMALL_PX, text_width};
use crate::{DateRange, Dose, Result};

/// A labelled moment on the time axis: a dose step, a formulation or pharmacy switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub date: NaiveDate,
    pub label: String,
}

/// What changed on a marker's day. Labels of changes on one day follow this order (the order
/// of the variants): the dose, then the formulation, then the pharmacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MarkerKind {
    /// The start of a new dose period.
    DoseStep,
    /// Another formulation taken than on the day before that had a dose.
    Formulation,
    /// Another pharmacy in the regimen.
    Pharmacy,
}

/// One change on one day, before changes sharing a day are joined into one [`Marker`].
/// Ordered by date, then kind, then label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Change {
    date: NaiveDate,
    kind: MarkerKind,
    label: String,
}

/// Markers at every dose step (the start of each dose period but the first, and the first
/// when the dose before the range differs), every change of the formulation taken, and every
/// change of pharmacy in the regimen, within `span`. Changes on one day share a marker.
pub(crate) fn change_markers(data: &ChartData, span: DateRange) -> Vec<Marker> {
    let mut events: Vec<Change> = Vec::new();
    let periods = data.dose_periods();
    for (i, p) in periods.iter().enumerate() {
        let stepped = i > 0 || data.dose_before.is_some_and(|b| b != p.dose && !p.is_baseline());
        if stepped {
            events.push(Change {
                date: p.from,
                kind: MarkerKind::DoseStep,
                label: format!("{} mg", p.dose.mg_string()),
            });
        }
    }
    let mut last = None;
    for day in &data.days {
        let taken = day.doses.iter().rev().find_map(|d| match d {
            Dose::Taken { formulation, .. } => Some(*formulation),
            Dose::Missed { .. } => None,
        });
        if let Some(f) = taken {
            if last.is_some_and(|l| l != f) {
                events.push(Change { date: day.date, kind: MarkerKind::Formulation, label: f.label().to_owned() });
            }
            last = Some(f);
        }
    }
    let mut regimen: Vec<_> = data.regimen.iter().collect();
    regimen.sort_by_key(|p| (p.from, p.id));
    for w in regimen.windows(2) {
        let (a, b) = (w[0].pharmacy.trim(), w[1].pharmacy.trim());
        if !a.is_empty() && !b.is_empty() && a != b {
            events.push(Change { date: w[1].from, kind: MarkerKind::Pharmacy, label: b.to_owned() });
        }
    }
    events.retain(|e| span.contains(e.date));
    events.sort();
    events.dedup();
    let mut out: Vec<Marker> = Vec::new();
    for Change { date, label, .. } in events {
        match out.last_mut() {
            Some(m) if m.date == date => {
                m.label.push_str(" · ");
                m.label.push_str(&label);
            }
            _ => out.push(Marker { date, label }),
        }
    }
    out
}

/// Rows of marker labels drawn above the plot.
pub(crate) const MARKER_ROWS: i32 = 2;
pub(crate) const MARKER_ROW_PX: i32 = 15;

/// Draws each marker as a dashed vertical line through the plot with its label in one of
/// [`MARKER_ROWS`] rows starting at `band_top`. A label that fits in no row is left out
/// (its line stays); the period table lists every step. Labels are drawn after every line, on
/// the background's colour, so a line running up to a label in the row above never crosses
/// another label's text.
pub(crate) fn draw_markers(c: &Canvas, f: &Frame, markers: &[Marker], band_top: i32, canvas_width: i32) -> Result<()> {
    let mut row_end = vec![i32::MIN; usize::try_from(MARKER_ROWS).unwrap_or(1)];
    let mut labels = Vec::new();
    for m in markers {
        let x = f.x_date(m.date);
        let w = text_width(&m.label, SMALL_PX);
        let (start, align, tx) =
            if x + 3 + w <= canvas_width - 2 { (x, Align::Start, x + 3) } else { (x - 3 - w, Align::End, x - 3) };
        let end = start + w + 3;
        let row = row_end.iter().position(|e| *e + 8 <= start);
        let top = match row {
            Some(r) => {
                row_end[r] = end;
                let y = band_top + MARKER_ROW_PX * i32::try_from(r).unwrap_or(0) + MARKER_ROW_PX / 2;
                labels.push((&m.label, tx, y, align, w));
                y - MARKER_ROW_PX / 2 + 2
            }
            None => f.top,
        };
        c.dashed(vec![(x, top), (x, f.bottom)], c.pal.muted.mix(0.9), 1, 3, 3)?;
    }
    for (label, tx, y, align, w) in labels {
        // The whole row's height, and 2 px either side: never as far as the label's own line.
        let left = if matches!(align, Align::End) { tx - w } else { tx };
        let top = y - MARKER_ROW_PX / 2;
        c.fill_rect((left - 2, top), (left + w + 2, top + MARKER_ROW_PX), solid(c.pal.background))?;
        c.text(label, (tx, y), SMALL_PX, c.pal.muted, align)?;
    }
    Ok(())
}
