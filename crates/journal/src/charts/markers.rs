//! Change markers: a dashed line at every dose step, every formulation or pharmacy switch,
//! every change of fill (strength, pharmacy or filler), every start, stop or dose change of another medication and the start of every event,
//! labelled in a band above the plot; and the days of each event shaded behind the plot.

use chrono::NaiveDate;
use plotters::style::Color;

use super::ChartData;
use super::axes::Frame;
use super::canvas::{Align, Canvas, solid};
use super::style::SMALL_PX;
use crate::report::fonts::Weight;
use crate::{DateRange, Dose, Result};

/// A labelled moment on the time axis: a dose step, a formulation or pharmacy switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub date: NaiveDate,
    pub label: String,
    /// The highest-ranked change of the day: when labels compete for room, the higher keeps it.
    pub kind: MarkerKind,
    /// The label of that change alone, when the day has several: shown where `label` finds no room.
    pub short: Option<String>,
}

/// What changed on a marker's day, highest rank first (the order of the variants). Labels of
/// changes on one day follow this order, and when labels do not all fit above the plot the
/// lower-ranked are left out first (their lines stay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MarkerKind {
    /// The start of a new dose period.
    DoseStep,
    /// Another formulation taken than on the day before that had a dose.
    Formulation,
    /// Another pharmacy in the regimen.
    Pharmacy,
    /// A new fill of a unit whose strength, pharmacy or filler differs from the fill before.
    Fill,
    /// Another medication started ("+ name"), stopped ("− name") or changed dose ("name → dose").
    Medication,
    /// The first day of an event, labelled with its kind.
    Event,
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
    events.extend(crate::supply::fill_changes(&data.fills).into_iter().map(|c| Change {
        date: c.date,
        kind: MarkerKind::Fill,
        label: c.label,
    }));
    events.extend(medication_changes(data));
    for e in &data.events {
        if let Some(kind) = data.event_kind(e.kind) {
            events.push(Change { date: e.from, kind: MarkerKind::Event, label: kind.name.trim().to_owned() });
        }
    }
    events.retain(|e| span.contains(e.date));
    events.sort();
    events.dedup();
    let mut out: Vec<Marker> = Vec::new();
    for Change { date, kind, label } in events {
        match out.last_mut() {
            // Sorted by kind within a day: the first change is the highest-ranked.
            Some(m) if m.date == date => {
                m.short.get_or_insert_with(|| m.label.clone());
                m.label.push_str(" · ");
                m.label.push_str(&label);
            }
            _ => out.push(Marker { date, label, kind, short: None }),
        }
    }
    out
}

/// The starts, stops and dose changes of the other medications. An entry that starts the day
/// after another of the same name ends is a change of dose (see
/// [`crate::Journal::change_medication_dose`]), not a stop and a start. A stop is marked on the
/// first day without the medication.
fn medication_changes(data: &ChartData) -> Vec<Change> {
    let same =
        |a: &crate::Medication, b: &crate::Medication| a.name.trim().to_lowercase() == b.name.trim().to_lowercase();
    let mut out = Vec::new();
    for m in &data.medications {
        let name = m.name.trim();
        let continues =
            |prev: &crate::Medication| same(prev, m) && prev.until.and_then(|u| u.succ_opt()) == Some(m.from);
        if data.medications.iter().any(continues) {
            let dose = m.dose.trim();
            let label = if dose.is_empty() { format!("{name} changed") } else { format!("{name} → {dose}") };
            out.push(Change { date: m.from, kind: MarkerKind::Medication, label });
        } else {
            out.push(Change { date: m.from, kind: MarkerKind::Medication, label: format!("+ {name}") });
        }
        let Some(stop) = m.until.and_then(|u| u.succ_opt()) else { continue };
        if !data.medications.iter().any(|next| same(m, next) && next.from == stop) {
            out.push(Change { date: stop, kind: MarkerKind::Medication, label: format!("\u{2212} {name}") });
        }
    }
    out
}

/// Shades the days of every event in the span behind the plot: translucent, so that
/// overlapping events read darker. An ongoing event runs to the span's end.
pub(crate) fn draw_event_spans(c: &Canvas, f: &Frame, data: &ChartData) -> Result<()> {
    for e in &data.events {
        if data.event_kind(e.kind).is_none() {
            continue;
        }
        let from = e.from.max(f.span.from);
        let to = e.to.unwrap_or(f.span.to).min(f.span.to);
        if from > to {
            continue;
        }
        let (x0, x1) = (f.x_date(from), f.x_date_end(to));
        c.fill_rect((x0, f.top), (x1.max(x0 + 2), f.bottom), c.pal.muted.mix(EVENT_ALPHA))?;
    }
    Ok(())
}

/// How opaque an event's shade is.
pub(crate) const EVENT_ALPHA: f64 = 0.14;

/// Whether any event of the span is shaded: the legend then explains the shade.
pub(crate) fn any_event_in(data: &ChartData, span: DateRange) -> bool {
    data.events.iter().any(|e| e.overlaps(span) && data.event_kind(e.kind).is_some())
}

/// Rows of marker labels drawn above the plot.
pub(crate) const MARKER_ROWS: i32 = 2;
pub(crate) const MARKER_ROW_PX: i32 = 15;
/// Space between a marker's line and its label, and the least space between two labels.
const LINE_GAP: i32 = 3;
const LABEL_GAP: i32 = 8;

/// A marker label's place: its text runs from `left`, `width` px wide, in row `row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedLabel {
    /// Index into the markers laid out.
    pub marker: usize,
    pub text: String,
    pub left: i32,
    pub width: i32,
    pub row: i32,
    /// Placed left of its line: the text is anchored at its end, next to the line.
    pub before_line: bool,
}

/// Places the labels of markers at x positions `xs` in [`MARKER_ROWS`] rows over the plot from
/// `left` to `right`, measuring text with `measure`. A label goes right of its line, else left
/// of it, else as near as the plot's edges allow; it never leaves the plot and never comes
/// within [`LABEL_GAP`] of another label in its row. Markers are placed by rank, then left to
/// right, so when room runs out the lower-ranked labels are the ones left out. A marker whose
/// whole label finds no room tries its highest-ranked change alone ([`Marker::short`]). A label
/// wider than the plot is shortened with an ellipsis.
pub(crate) fn layout_labels(
    markers: &[Marker],
    xs: &[i32],
    (left, right): (i32, i32),
    measure: impl Fn(&str) -> i32,
) -> Vec<PlacedLabel> {
    let mut order: Vec<usize> = (0..markers.len().min(xs.len())).collect();
    order.sort_by_key(|i| (markers[*i].kind, xs[*i], *i));
    let mut rows: Vec<Vec<(i32, i32)>> = vec![Vec::new(); usize::try_from(MARKER_ROWS).unwrap_or(1)];
    let mut out = Vec::new();
    for i in order {
        let texts = std::iter::once(&markers[i].label).chain(&markers[i].short);
        if let Some(p) = texts.filter_map(|t| place(&mut rows, i, xs[i], t, (left, right), &measure)).next() {
            out.push(p);
        }
    }
    out.sort_by_key(|p| p.marker);
    out
}

/// Places `label` of marker `i` at `x` in the first row with room, and takes the room.
fn place(
    rows: &mut [Vec<(i32, i32)>],
    i: usize,
    x: i32,
    label: &str,
    (left, right): (i32, i32),
    measure: &impl Fn(&str) -> i32,
) -> Option<PlacedLabel> {
    let (text, w) = fit(label, right - left, measure)?;
    // (left edge, placed before the line)
    let mut candidates = Vec::with_capacity(2);
    if x + LINE_GAP + w <= right {
        candidates.push((x + LINE_GAP, false));
    }
    if x - LINE_GAP - w >= left {
        candidates.push((x - LINE_GAP - w, true));
    }
    if candidates.is_empty() {
        candidates.push(((x - w / 2).clamp(left, right - w), false));
    }
    let free = |row: &[(i32, i32)], a: i32| row.iter().all(|(l, r)| a + w + LABEL_GAP <= *l || *r + LABEL_GAP <= a);
    let (r, (a, before_line)) =
        rows.iter().enumerate().find_map(|(r, row)| candidates.iter().find(|(a, _)| free(row, *a)).map(|c| (r, *c)))?;
    rows[r].push((a, a + w));
    Some(PlacedLabel { marker: i, text, left: a, width: w, row: i32::try_from(r).unwrap_or(0), before_line })
}

/// `label` and its width, shortened with "…" until it is at most `room` wide; `None` when not
/// even one character fits.
fn fit(label: &str, room: i32, measure: &impl Fn(&str) -> i32) -> Option<(String, i32)> {
    let w = measure(label);
    if w <= room {
        return Some((label.to_owned(), w));
    }
    let chars: Vec<char> = label.chars().collect();
    (1..chars.len()).rev().find_map(|n| {
        let s: String = chars[..n].iter().collect::<String>().trim_end().to_owned() + "…";
        let w = measure(&s);
        (w <= room).then_some((s, w))
    })
}

/// Measures a label with the embedded DejaVu Sans the SVG is drawn with, not with
/// [`super::style::text_width`]'s estimate: a long name in capitals would spill past the edge.
pub(crate) fn label_width() -> Result<impl Fn(&str) -> i32> {
    let fonts = crate::report::fonts::Fonts::get()?;
    Ok(move |s: &str| f64::from(fonts.width(s, SMALL_PX as f32, Weight::Regular)).ceil() as i32)
}

/// Draws each marker but an event's as a dashed vertical line through the plot with its label placed by
/// [`layout_labels`] in rows starting at `band_top`. A label left out keeps its line (up to the
/// plot's top); the period table lists every step. Labels are drawn after every line, on the
/// background's colour, so a line running up to a label in the row above never crosses another
/// label's text.
pub(crate) fn draw_markers(c: &Canvas, f: &Frame, markers: &[Marker], band_top: i32) -> Result<()> {
    let xs: Vec<i32> = markers.iter().map(|m| f.x_date(m.date)).collect();
    let labels = layout_labels(markers, &xs, (f.left, f.right), label_width()?);
    let row_mid = |r: i32| band_top + MARKER_ROW_PX * r + MARKER_ROW_PX / 2;
    for (i, x) in xs.iter().enumerate() {
        // An event's days are shaded already: its label needs no line (and long ranges with
        // many events would be striped with them).
        if markers[i].kind == MarkerKind::Event {
            continue;
        }
        let top = match labels.iter().find(|l| l.marker == i) {
            Some(l) => row_mid(l.row) - MARKER_ROW_PX / 2 + 2,
            None => f.top,
        };
        c.dashed(vec![(*x, top), (*x, f.bottom)], c.pal.muted.mix(0.9), 1, 3, 3)?;
    }
    for l in &labels {
        // The whole row's height, and 2 px either side: never as far as the label's own line.
        let (y, top) = (row_mid(l.row), row_mid(l.row) - MARKER_ROW_PX / 2);
        c.fill_rect((l.left - 2, top), (l.left + l.width + 2, top + MARKER_ROW_PX), solid(c.pal.background))?;
        if l.before_line {
            c.text(&l.text, (l.left + l.width, y), SMALL_PX, c.pal.muted, Align::End)?;
        } else {
            c.text(&l.text, (l.left, y), SMALL_PX, c.pal.muted, Align::Start)?;
        }
    }
    Ok(())
}
