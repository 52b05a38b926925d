//! Dose and symptoms: the daily dose taken as a step line (mg on the right), the prescribed
//! dose as a thin dashed step line where it differs, the chosen symptoms' daily scores as
//! dots with a 7-day rolling median line (0–10 on the left), and markers at dose steps and
//! formulation or pharmacy switches.
//!
//! Over ranges longer than [`super::aggregate::DAILY_MAX_DAYS`] the scores are drawn as weekly
//! or monthly medians with their middle-half band instead of dots and 7-day lines. The dose
//! line is never summarised: it stays the step line of each day's total taken.

use plotters::style::Color;

use super::aggregate::{self, Resolution};
use super::axes::{self, Frame, Side};
use super::canvas::{self, Canvas, solid};
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::markers::{self, MARKER_ROW_PX, MARKER_ROWS};
use super::medians;
use super::style::Palette;
use super::{ChartData, ChartOptions};
use crate::periods::prescribed_on;
use crate::{Micrograms, Result};

/// The rolling median covers the 7 calendar days ending on a day and is drawn only where at
/// least this many of them are rated; elsewhere the line has a gap.
pub const ROLLING_MIN_RATED: usize = 4;
const WINDOW: usize = 7;

/// Draws the dose-and-symptoms chart as SVG.
pub fn dose_symptoms(data: &ChartData, o: &ChartOptions) -> Result<String> {
    let pal = Palette::new(o.theme);
    let (w, h) = (to_i32(o.width), to_i32(o.height));
    let span = data.span();
    let slots = data.day_slots(span);
    let symptoms = data.chosen_symptoms(o);

    // Per calendar day: symptom scores, dose taken (None: no dose record; Some(0): all missed).
    let scores: Vec<Vec<Option<u8>>> =
        symptoms.iter().map(|s| slots.iter().map(|i| i.and_then(|i| data.days[i].score(s.id))).collect()).collect();
    let taken: Vec<Option<Micrograms>> = slots.iter().map(|i| i.and_then(|i| data.days[i].total_taken())).collect();
    let prescribed: Vec<Option<Micrograms>> = span_dates(span)
        .zip(&taken)
        .map(|(d, t)| prescribed_on(&data.regimen, d).map(|p| p.daily_total()).filter(|p| Some(*p) != *t))
        .collect();
    let any_missed = taken.contains(&Some(Micrograms(0)));
    let any_prescribed = prescribed.iter().any(Option::is_some);
    let max_dose = taken.iter().chain(&prescribed).flatten().max().copied().unwrap_or(Micrograms(1000));
    let (dose_top, dose_ticks) = axes::dose_ticks(max_dose);

    let res = Resolution::for_span(span);
    let swatch = |col| if res == Resolution::Daily { Swatch::LineDot(col) } else { Swatch::Band(col) };
    let mut legend: Vec<LegendItem> =
        symptoms.iter().enumerate().map(|(i, s)| LegendItem::new(swatch(pal.series(i)), &s.name)).collect();
    if !symptoms.is_empty() {
        let how = match res {
            Resolution::Daily => "dots daily, line 7-day median".to_owned(),
            _ => format!("{}, band: middle half of days", res.medians_label()),
        };
        legend.push(LegendItem::new(swatch(pal.muted), how));
    }
    legend.push(LegendItem::new(Swatch::Line(pal.fg, 2), "dose taken"));
    if any_prescribed {
        legend.push(LegendItem::new(Swatch::Dashed(pal.fg), "prescribed, where different"));
    }
    if any_missed {
        legend.push(LegendItem::new(Swatch::Cross(pal.fg), "missed"));
    }
    if markers::any_event_in(data, span) {
        legend.push(LegendItem::new(Swatch::Shade(pal.muted), "event days"));
    }
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let band_top = legend_top + legend_h + 2;
    let f = Frame { left: 58, top: band_top + MARKER_ROWS * MARKER_ROW_PX + 2, right: w - 60, bottom: h - 26, span };
    let markers = markers::change_markers(data, span);

    canvas::svg(o.width, o.height, pal, |c| {
        legend::draw_header(c, "Dose and symptom scores", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        axes::draw_value_axis(c, &f, (0.0, 10.0), &axes::int_ticks(0, 10, 2), Side::Left, "score (0–10)", c.pal.fg)?;
        axes::draw_value_axis(c, &f, (0.0, f64::from(dose_top)), &dose_ticks, Side::Right, "dose (mg)", c.pal.fg)?;
        axes::draw_time_axis(c, &f, w)?;
        markers::draw_event_spans(c, &f, data)?;
        markers::draw_markers(c, &f, &markers, band_top)?;
        if data.days.is_empty() {
            return axes::draw_empty(c, &f, "No entries in this range");
        }
        if res == Resolution::Daily {
            draw_daily_scores(c, &f, &scores)?;
        } else {
            let buckets: Vec<_> = scores.iter().map(|v| aggregate::aggregate(span, res, v)).collect();
            for (i, b) in buckets.iter().enumerate() {
                medians::draw_bands(c, &f, b, (0.0, 10.0), c.pal.series(i))?;
            }
            for (i, b) in buckets.iter().enumerate() {
                medians::draw_median_line(c, &f, b, (0.0, 10.0), c.pal.series(i))?;
            }
        }
        let top = f64::from(dose_top);
        for (start, run) in runs(&prescribed) {
            c.dashed(step_path(&f, start, &run, top), c.pal.fg.mix(0.8), 1, 4, 3)?;
        }
        let positive: Vec<Option<Micrograms>> = taken.iter().map(|t| t.filter(|t| t.0 > 0)).collect();
        for (start, run) in runs(&positive) {
            c.line(step_path(&f, start, &run, top), solid(c.pal.fg), 2)?;
        }
        draw_missed(c, &f, &taken)
    })
}

/// Each day's scores as dots and their 7-day rolling medians as lines.
fn draw_daily_scores(c: &Canvas, f: &Frame, scores: &[Vec<Option<u8>>]) -> Result<()> {
    let r = if f.day_px() >= 1.2 { 2 } else { 1 };
    for (i, values) in scores.iter().enumerate() {
        let col = c.pal.series(i);
        // Over long ranges many days share a pixel column: one dot per column and score.
        let mut last_x = [i32::MIN; 11];
        for (k, v) in values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let x = f.x_mid(k);
            let last = &mut last_x[usize::from(v.min(10))];
            if *last != x {
                *last = x;
                c.dot((x, f.y(f64::from(v), 0.0, 10.0)), r, col.mix(0.5))?;
            }
        }
        for (start, run) in runs(&rolling_median(values)) {
            let pts = run.iter().enumerate().map(|(j, m)| (f.x_mid(start + j), f.y(*m, 0.0, 10.0))).collect();
            c.line(pts, solid(col), 2)?;
        }
    }
    Ok(())
}

/// A cross at each day with every dose missed. Where days are narrower than a cross, crosses
/// closer than half a cross to the last one drawn are left out: the row still shows when doses
/// were missed without turning into a smear.
fn draw_missed(c: &Canvas, f: &Frame, taken: &[Option<Micrograms>]) -> Result<()> {
    let mut last = i32::MIN;
    for (k, t) in taken.iter().enumerate() {
        if *t == Some(Micrograms(0)) {
            let x = f.x_mid(k);
            if f.day_px() < 3.0 && x.saturating_sub(last) < 3 {
                continue;
            }
            last = x;
            c.cross((x, f.bottom - 5), 3, solid(c.pal.fg), 1)?;
        }
    }
    Ok(())
}

/// A step line through consecutive days `start..` at amounts `run`: flat across each day,
/// vertical where the amount changes.
fn step_path(f: &Frame, start: usize, run: &[Micrograms], top: f64) -> Vec<(i32, i32)> {
    let y = |m: Micrograms| f.y(f64::from(m.0), 0.0, top);
    let mut pts = Vec::new();
    let mut prev: Option<Micrograms> = None;
    for (j, m) in run.iter().enumerate() {
        let x = f.x_edge((start + j) as f64);
        match prev {
            None => pts.push((x, y(*m))),
            Some(p) if p != *m => {
                pts.push((x, y(p)));
                pts.push((x, y(*m)));
            }
            Some(_) => {}
        }
        prev = Some(*m);
    }
    if let Some(p) = prev {
        pts.push((f.x_edge((start + run.len()) as f64), y(p)));
    }
    pts
}

/// The median of the ratings in the [`WINDOW`] calendar days ending on each day, where at
/// least [`ROLLING_MIN_RATED`] of them are rated.
pub(crate) fn rolling_median(values: &[Option<u8>]) -> Vec<Option<f64>> {
    let mut buf: Vec<u8> = Vec::with_capacity(WINDOW);
    (0..values.len())
        .map(|k| {
            buf.clear();
            buf.extend(values[k.saturating_sub(WINDOW - 1)..=k].iter().flatten());
            if buf.len() < ROLLING_MIN_RATED {
                return None;
            }
            buf.sort_unstable();
            let n = buf.len();
            Some(if n % 2 == 1 {
                f64::from(buf[n / 2])
            } else {
                (f64::from(buf[n / 2 - 1]) + f64::from(buf[n / 2])) / 2.0
            })
        })
        .collect()
}

pub(crate) fn span_dates(span: crate::DateRange) -> impl Iterator<Item = chrono::NaiveDate> {
    span.from.iter_days().take_while(move |d| *d <= span.to)
}

pub(crate) fn to_i32(v: u32) -> i32 {
    i32::try_from(v.clamp(120, 10_000)).unwrap_or(640)
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
