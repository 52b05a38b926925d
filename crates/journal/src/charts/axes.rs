//! Shared layout: the time axis with ticks on day, week, month or year boundaries, value
//! axes, the markers at dose steps and formulation or pharmacy switches, titles and legends.

use chrono::{Datelike, Days, Months, NaiveDate};
use plotters::style::{Color, RGBColor};

use super::ChartData;
use super::canvas::{Align, Canvas, solid};
use super::style::{LABEL_PX, SMALL_PX, TITLE_PX, text_width};
use crate::{DateRange, Micrograms, Result};

/// The plot rectangle of a chart over time; day `k` of `span` occupies
/// `[x_edge(k), x_edge(k + 1))`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub span: DateRange,
}

impl Frame {
    pub fn days(&self) -> usize {
        usize::try_from(self.span.days()).unwrap_or(1).max(1)
    }

    pub fn day_px(&self) -> f64 {
        f64::from(self.right - self.left) / self.days() as f64
    }

    /// The left edge of day `k` (fractional days allowed).
    pub fn x_edge(&self, k: f64) -> i32 {
        self.left + (k * self.day_px()).round() as i32
    }

    pub fn x_mid(&self, k: usize) -> i32 {
        self.x_edge(k as f64 + 0.5)
    }

    pub fn x_date(&self, d: NaiveDate) -> i32 {
        self.x_edge((d - self.span.from).num_days() as f64)
    }

    /// `v` on a value axis from `lo` (bottom) to `hi` (top).
    pub fn y(&self, v: f64, lo: f64, hi: f64) -> i32 {
        let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.0 };
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }
}

/// A tick spacing for the time axis.
#[derive(Debug, Clone, Copy)]
enum Step {
    Days(u64),
    Weeks(u64),
    Months(u32),
    Years(i32),
}

const STEPS: [Step; 12] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
];

/// Tick dates and labels on day, week (Monday), month or year boundaries within `span`,
/// at most `max` of them, as fine as that allows.
pub(crate) fn date_ticks(span: DateRange, max: usize) -> Vec<(NaiveDate, String)> {
    let max = max.max(2);
    for step in STEPS {
        let dates = boundaries(span, step, max + 1);
        if dates.len() <= max {
            return label(dates, step);
        }
    }
    label(boundaries(span, Step::Years(50), max + 1), Step::Years(50))
}

fn boundaries(span: DateRange, step: Step, limit: usize) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = match step {
        Step::Days(_) => Some(span.from),
        Step::Weeks(_) => {
            let back = span.from.weekday().num_days_from_monday();
            let monday = span.from.checked_sub_days(Days::new(u64::from(back)));
            monday.and_then(|m| if m < span.from { m.checked_add_days(Days::new(7)) } else { Some(m) })
        }
        Step::Months(k) => {
            let first = span.from.with_day(1);
            let first = first.and_then(|f| if f < span.from { f.checked_add_months(Months::new(1)) } else { Some(f) });
            let mut f = first;
            while let Some(x) = f.filter(|x| x.month0() % k != 0) {
                f = x.checked_add_months(Months::new(1));
            }
            f
        }
        Step::Years(k) => {
            let mut y = span.from.year();
            if NaiveDate::from_ymd_opt(y, 1, 1).is_none_or(|j| j < span.from) {
                y += 1;
            }
            while y.rem_euclid(k) != 0 {
                y += 1;
            }
            NaiveDate::from_ymd_opt(y, 1, 1)
        }
    };
    while let Some(x) = d.filter(|x| *x <= span.to) {
        out.push(x);
        if out.len() >= limit {
            break;
        }
        d = match step {
            Step::Days(k) => x.checked_add_days(Days::new(k)),
            Step::Weeks(k) => x.checked_add_days(Days::new(7 * k)),
            Step::Months(k) => x.checked_add_months(Months::new(k)),
            Step::Years(k) => x.checked_add_months(Months::new(12 * k as u32)),
        };
    }
    out
}

fn label(dates: Vec<NaiveDate>, step: Step) -> Vec<(NaiveDate, String)> {
    let mut prev_year = None;
    dates
        .into_iter()
        .map(|d| {
            let new_year = prev_year != Some(d.year());
            prev_year = Some(d.year());
            let s = match step {
                Step::Days(_) | Step::Weeks(_) => d.format("%-d %b").to_string(),
                Step::Months(_) if new_year => d.format("%b %Y").to_string(),
                Step::Months(_) => d.format("%b").to_string(),
                Step::Years(_) => d.format("%Y").to_string(),
            };
            (d, s)
        })
        .collect()
}

/// Vertical grid lines and labels on the time axis, and the axis line.
pub(crate) fn draw_time_axis(c: &Canvas, f: &Frame, canvas_width: i32) -> Result<()> {
    let sample = text_width("Sep 2025", LABEL_PX) + 14;
    let max = usize::try_from((f.right - f.left) / sample.max(1)).unwrap_or(2);
    for (d, s) in date_ticks(f.span, max) {
        let x = f.x_date(d);
        c.line(vec![(x, f.top), (x, f.bottom)], solid(c.pal.grid), 1)?;
        c.line(vec![(x, f.bottom), (x, f.bottom + 4)], solid(c.pal.muted), 1)?;
        let half = text_width(&s, LABEL_PX) / 2;
        let x = x.clamp(half + 2, canvas_width - half - 2);
        c.text(&s, (x, f.bottom + 14), LABEL_PX, c.pal.fg, Align::Middle)?;
    }
    c.line(vec![(f.left, f.bottom), (f.right, f.bottom)], solid(c.pal.muted), 1)
}

/// Which side of the plot a value axis is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

/// A value axis: ticks (value, label) between `lo` and `hi`, horizontal grid lines for the
/// left axis, and a title along the axis.
pub(crate) fn draw_value_axis(
    c: &Canvas,
    f: &Frame,
    (lo, hi): (f64, f64),
    ticks: &[(f64, String)],
    side: Side,
    title: &str,
    title_color: RGBColor,
) -> Result<()> {
    let (x, dir) = match side {
        Side::Left => (f.left, -1),
        Side::Right => (f.right, 1),
    };
    let mut widest = 0;
    for (v, s) in ticks {
        let y = f.y(*v, lo, hi);
        if side == Side::Left {
            c.line(vec![(f.left, y), (f.right, y)], solid(c.pal.grid), 1)?;
        }
        c.line(vec![(x, y), (x + 4 * dir, y)], solid(c.pal.muted), 1)?;
        let align = if side == Side::Left { Align::End } else { Align::Start };
        c.text(s, (x + 7 * dir, y), LABEL_PX, c.pal.fg, align)?;
        widest = widest.max(text_width(s, LABEL_PX));
    }
    c.line(vec![(x, f.top), (x, f.bottom)], solid(c.pal.muted), 1)?;
    let tx = x + dir * (widest + 18);
    c.vertical_text(title, (tx, (f.top + f.bottom) / 2), LABEL_PX, title_color)
}

/// Evenly spaced integer ticks from `lo` to `hi` every `step`.
pub(crate) fn int_ticks(lo: i32, hi: i32, step: i32) -> Vec<(f64, String)> {
    (lo..=hi).step_by(usize::try_from(step.max(1)).unwrap_or(1)).map(|v| (f64::from(v), v.to_string())).collect()
}

/// A dose axis from 0 to a round amount at or above `max`: (top in µg, ticks in µg with mg labels).
pub(crate) fn dose_ticks(max: Micrograms) -> (u32, Vec<(f64, String)>) {
    let max = max.0.max(1);
    let step = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000]
        .into_iter()
        .find(|s| max.div_ceil(*s) <= 5)
        .unwrap_or(max.div_ceil(5));
    let top = max.div_ceil(step) * step;
    let ticks = (0..=top / step).map(|i| (f64::from(i * step), Micrograms(i * step).mg_string())).collect();
    (top, ticks)
}

/// A labelled moment on the time axis: a dose step, a formulation or pharmacy switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub date: NaiveDate,
    pub label: String,
}

/// Markers at every dose step (the start of each dose period but the first, and the first
/// when the dose before the range differs), every change of the formulation taken, and every
/// change of pharmacy in the regimen, within `span`. Changes on one day share a marker.
pub(crate) fn change_markers(data: &ChartData, span: DateRange) -> Vec<Marker> {
    let mut events: Vec<(NaiveDate, u8, String)> = Vec::new();
    let periods = data.dose_periods();
    for (i, p) in periods.iter().enumerate() {
        let stepped = i > 0 || data.dose_before.is_some_and(|b| b != p.dose && !p.is_baseline());
        if stepped {
            events.push((p.from, 0, format!("{} mg", p.dose.mg_string())));
        }
    }
    let mut last = None;
    for day in &data.days {
        let taken = day.doses.iter().rev().find_map(|d| match d {
            crate::Dose::Taken { formulation, .. } => Some(*formulation),
            crate::Dose::Missed { .. } => None,
        });
        if let Some(f) = taken {
            if last.is_some_and(|l| l != f) {
                events.push((day.date, 1, f.label().to_owned()));
            }
            last = Some(f);
        }
    }
    let mut regimen: Vec<_> = data.regimen.iter().collect();
    regimen.sort_by_key(|p| (p.from, p.id));
    for w in regimen.windows(2) {
        let (a, b) = (w[0].pharmacy.trim(), w[1].pharmacy.trim());
        if !a.is_empty() && !b.is_empty() && a != b {
            events.push((w[1].from, 2, b.to_owned()));
        }
    }
    events.retain(|e| span.contains(e.0));
    events.sort();
    events.dedup();
    let mut out: Vec<Marker> = Vec::new();
    for (date, _, label) in events {
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

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    Line(RGBColor, u32),
    LineDot(RGBColor),
    Dashed(RGBColor),
    DotBox(RGBColor),
    Cross(RGBColor),
    Box(RGBColor),
    EmptyBox(RGBColor),
    Triangle(RGBColor, bool),
}

#[derive(Debug, Clone)]
pub(crate) struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

impl LegendItem {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> Self {
        Self { swatch, label: label.into() }
    }
}

const SWATCH_W: i32 = 20;
pub(crate) const LEGEND_ROW_PX: i32 = 18;

fn legend_positions(items: &[LegendItem], left: i32, right: i32) -> Vec<(i32, i32)> {
    let (mut x, mut row) = (left, 0);
    items
        .iter()
        .map(|it| {
            let w = SWATCH_W + 5 + text_width(&it.label, LABEL_PX);
            if x > left && x + w > right {
                x = left;
                row += 1;
            }
            let at = (x, row);
            x += w + 16;
            at
        })
        .collect()
}

/// Rows a legend needs between `left` and `right`.
pub(crate) fn legend_rows(items: &[LegendItem], left: i32, right: i32) -> i32 {
    legend_positions(items, left, right).last().map_or(0, |p| p.1 + 1)
}

/// Draws a legend in rows from `top`, wrapping at `right`.
pub(crate) fn draw_legend(c: &Canvas, items: &[LegendItem], left: i32, right: i32, top: i32) -> Result<()> {
    for (it, (x, row)) in items.iter().zip(legend_positions(items, left, right)) {
        let y = top + row * LEGEND_ROW_PX + LEGEND_ROW_PX / 2;
        let mid = x + SWATCH_W / 2;
        match it.swatch {
            Swatch::Line(col, w) => c.line(vec![(x, y), (x + SWATCH_W, y)], solid(col), w)?,
            Swatch::LineDot(col) => {
                c.line(vec![(x, y), (x + SWATCH_W, y)], solid(col), 2)?;
                c.dot((mid, y), 3, solid(col))?;
            }
            Swatch::Dashed(col) => c.dashed(vec![(x, y), (x + SWATCH_W, y)], solid(col), 1, 4, 3)?,
            Swatch::DotBox(col) => {
                c.outline_rect((mid - 6, y - 6), (mid + 6, y + 6), solid(col))?;
                c.dot((mid, y), 1, solid(col))?;
            }
            Swatch::Cross(col) => c.cross((mid, y), 4, solid(col), 2)?,
            Swatch::Box(col) => c.fill_rect((mid - 6, y - 6), (mid + 6, y + 6), solid(col))?,
            Swatch::EmptyBox(col) => c.outline_rect((mid - 6, y - 6), (mid + 6, y + 6), solid(col))?,
            Swatch::Triangle(col, filled) => c.triangle((mid, y), 5, solid(col), filled)?,
        }
        c.text(&it.label, (x + SWATCH_W + 5, y), LABEL_PX, c.pal.fg, Align::Start)?;
    }
    Ok(())
}

pub(crate) const HEADER_PX: i32 = 24;

/// The chart title on the left and the date range on the right of the first line.
pub(crate) fn draw_header(c: &Canvas, title: &str, span: DateRange, width: i32) -> Result<()> {
    let y = HEADER_PX / 2 + 2;
    c.bold(title, (10, y), TITLE_PX, c.pal.fg, Align::Start)?;
    c.text(&range_text(span), (width - 10, y), LABEL_PX, c.pal.muted, Align::End)
}

/// "3 Mar 2025 – 31 Aug 2025", or one date for a single day.
pub(crate) fn range_text(span: DateRange) -> String {
    let f = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    if span.from == span.to { f(span.from) } else { format!("{} – {}", f(span.from), f(span.to)) }
}

/// A note centred in the plot, for ranges with nothing to draw.
pub(crate) fn draw_empty(c: &Canvas, f: &Frame, text: &str) -> Result<()> {
    c.text(text, ((f.left + f.right) / 2, (f.top + f.bottom) / 2), LABEL_PX, c.pal.muted, Align::Middle)
}

/// Splits day offsets with values into runs of consecutive days (a missing day ends a run).
pub(crate) fn runs<T: Copy>(values: &[Option<T>]) -> Vec<(usize, Vec<T>)> {
    let mut out: Vec<(usize, Vec<T>)> = Vec::new();
    let mut current: Option<(usize, Vec<T>)> = None;
    for (k, v) in values.iter().enumerate() {
        match (v, current.as_mut()) {
            (Some(v), Some((_, run))) => run.push(*v),
            (Some(v), None) => current = Some((k, vec![*v])),
            (None, _) => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}
