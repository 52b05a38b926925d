//! The plot's frame and its axes: the time axis with ticks on day, week, month or year
//! boundaries, and value axes. Change markers are in [`super::markers`], legends and titles in
//! [`super::legend`].

use chrono::{Datelike, Days, Months, NaiveDate};
use plotters::style::RGBColor;

use super::canvas::{Align, Canvas, solid};
use super::style::{LABEL_PX, text_width};
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

    /// The right edge of day `d`.
    pub fn x_date_end(&self, d: NaiveDate) -> i32 {
        self.x_edge((d - self.span.from).num_days() as f64 + 1.0)
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

/// About five round ticks covering `lo..=hi` with `decimals` places at most: (bottom, top,
/// ticks). A flat series gets an axis around its value.
pub(crate) fn nice_ticks(lo: f64, hi: f64, decimals: u8) -> (f64, f64, Vec<(f64, String)>) {
    let pad = (lo.abs() * 0.01).max(10f64.powi(-i32::from(decimals.min(4))));
    let (lo, hi) = if hi - lo < 1e-9 { (lo - pad, hi + pad) } else { (lo, hi) };
    let raw = (hi - lo) / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let step = step.max(10f64.powi(-i32::from(decimals.min(4))));
    let (bottom, top) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let places = (0..=4).find(|p| {
        let scaled = step * 10f64.powi(*p);
        (scaled - scaled.round()).abs() < 1e-6
    });
    let places = places.unwrap_or(4) as usize;
    let n = ((top - bottom) / step).round() as i64;
    let ticks = (0..=n)
        .map(|i| {
            let v = bottom + i as f64 * step;
            let s = format!("{:.*}", places, v);
            (v, if v < 0.0 { s.replacen('-', "\u{2212}", 1) } else { s })
        })
        .collect();
    (bottom, top, ticks)
}

/// A note centred in the plot, for ranges with nothing to draw.
pub(crate) fn draw_empty(c: &Canvas, f: &Frame, text: &str) -> Result<()> {
    c.text(text, ((f.left + f.right) / 2, (f.top + f.bottom) / 2), LABEL_PX, c.pal.muted, Align::Middle)
}
