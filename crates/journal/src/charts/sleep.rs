//! Sleep: hours from bedtime to waking per night as bars coloured by sleep quality, nights
//! with vivid dreams and nightmares marked in a strip above, and dose step markers.
//!
//! Over ranges longer than [`super::aggregate::DAILY_MAX_DAYS`] nights no longer get a bar
//! each: hours and quality (on its own axis, 1–5) are weekly or monthly medians with their
//! middle-half band, and the strip shades each week or month by the share of its nights with
//! vivid dreams or nightmares (darker: more of them).

use plotters::style::Color;

use super::aggregate::{self, Resolution};
use super::axes::{self, Frame, Side};
use super::canvas::{self, Canvas, solid};
use super::dose_symptoms::to_i32;
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::markers::{self, MARKER_ROW_PX, MARKER_ROWS};
use super::medians;
use super::style::Palette;
use super::{ChartData, ChartOptions};
use crate::{DateRange, Day, Result, Vividness};

const STRIP_ROW_PX: i32 = 11;
/// The quality axis of long ranges: 1 on the plot's floor and 5 a little below the middle, so the
/// quality line keeps below the hours line (about 7 of 12 hours) instead of crossing it.
const QUALITY_AXIS: (f64, f64) = (1.0, 10.0);

/// Draws the sleep chart as SVG.
pub fn sleep(data: &ChartData, o: &ChartOptions) -> Result<String> {
    let pal = Palette::new(o.theme);
    let (w, h) = (to_i32(o.width), to_i32(o.height));
    let span = data.span();
    let slots = data.day_slots(span);
    let nights: Vec<Option<&crate::Day>> = slots.iter().map(|i| i.map(|i| &data.days[i])).collect();
    let max_min = nights.iter().flatten().filter_map(|d| d.sleep_minutes()).max().unwrap_or(0);
    let top_h = (max_min.div_ceil(60).max(12).div_ceil(2) * 2).min(24);
    let tick_step = if top_h > 12 { 4 } else { 2 };
    let res = Resolution::for_span(span);
    if res != Resolution::Daily {
        return summarized(data, o, &nights, res, top_h, tick_step);
    }

    let mut legend: Vec<LegendItem> = vec![LegendItem::new(Swatch::Box(pal.scale(0.0)), "quality 1")];
    for q in 2..=5 {
        legend.push(LegendItem::new(Swatch::Box(pal.scale(f64::from(q - 1) / 4.0)), q.to_string()));
    }
    legend.push(LegendItem::new(Swatch::Box(pal.grid), "not rated"));
    legend.push(LegendItem::new(Swatch::Triangle(pal.vivid, true), "very vivid dreams"));
    legend.push(LegendItem::new(Swatch::Triangle(pal.vivid, false), "somewhat vivid"));
    legend.push(LegendItem::new(Swatch::Cross(pal.nightmare), "nightmare"));
    if markers::any_event_in(data, span) {
        legend.push(LegendItem::new(Swatch::Shade(pal.muted), "event days"));
    }
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let band_top = legend_top + legend_h + 2;
    let strip_top = band_top + MARKER_ROWS * MARKER_ROW_PX;
    let f = Frame { left: 58, top: strip_top + 2 * STRIP_ROW_PX + 4, right: w - 24, bottom: h - 26, span };
    let markers = markers::change_markers(data, span);

    canvas::svg(o.width, o.height, pal, |c| {
        legend::draw_header(c, "Sleep, bedtime to waking", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        let ticks = axes::int_ticks(0, i32::try_from(top_h).unwrap_or(12), tick_step);
        let top = f64::from(top_h);
        axes::draw_value_axis(c, &f, (0.0, top), &ticks, Side::Left, "hours", c.pal.fg)?;
        axes::draw_time_axis(c, &f, w)?;
        markers::draw_event_spans(c, &f, data)?;
        markers::draw_markers(c, &f, &markers, band_top)?;
        if data.days.is_empty() {
            return axes::draw_empty(c, &f, "No entries in this range");
        }
        let gap = if f.day_px() >= 4.0 { 1 } else { 0 };
        let (vivid_y, nightmare_y) = (strip_top + STRIP_ROW_PX / 2, strip_top + STRIP_ROW_PX * 3 / 2);
        for (k, night) in nights.iter().enumerate() {
            let Some(day) = night else { continue };
            let (x0, x1) = (f.x_edge(k as f64) + gap, f.x_edge(k as f64 + 1.0) - gap);
            let x1 = x1.max(x0 + 1);
            if let Some(m) = day.sleep_minutes() {
                let col = match day.sleep.quality {
                    Some(q) => c.pal.scale(f64::from(q.saturating_sub(1)) / 4.0),
                    None => c.pal.grid,
                };
                c.fill_rect((x0, f.y(f64::from(m) / 60.0, 0.0, top)), (x1, f.bottom), solid(col))?;
            }
            let x = f.x_mid(k);
            match day.dreams.vivid {
                Some(Vividness::Very) => c.triangle((x, vivid_y), 4, solid(c.pal.vivid), true)?,
                Some(Vividness::Somewhat) => c.triangle((x, vivid_y), 4, solid(c.pal.vivid), false)?,
                _ => {}
            }
            if day.dreams.nightmare == Some(true) {
                c.cross((x, nightmare_y), 3, solid(c.pal.nightmare), 2)?;
            }
        }
        Ok(())
    })
}

/// The sleep chart for long ranges: weekly or monthly medians of hours and quality, and the
/// share of nights with vivid dreams and with nightmares per week or month.
fn summarized(
    data: &ChartData,
    o: &ChartOptions,
    nights: &[Option<&Day>],
    res: Resolution,
    top_h: u32,
    tick_step: i32,
) -> Result<String> {
    let pal = Palette::new(o.theme);
    let (w, h) = (to_i32(o.width), to_i32(o.height));
    let span = data.span();
    let hours: Vec<Option<f64>> =
        nights.iter().map(|d| d.and_then(|d| d.sleep_minutes()).map(|m| f64::from(m) / 60.0)).collect();
    let quality: Vec<Option<u8>> = nights.iter().map(|d| d.and_then(|d| d.sleep.quality)).collect();
    let (hours_col, quality_col) = (pal.series(0), pal.series(1));

    let mut legend = vec![
        LegendItem::new(Swatch::Band(hours_col), "hours"),
        LegendItem::new(Swatch::Band(quality_col), "quality (1–5)"),
        LegendItem::new(Swatch::Band(pal.muted), format!("{}, band: middle half of nights", res.medians_label())),
        LegendItem::new(Swatch::Box(pal.vivid), "vivid dreams"),
        LegendItem::new(Swatch::Box(pal.nightmare), "nightmares (darker: more nights)"),
    ];
    if markers::any_event_in(data, span) {
        legend.push(LegendItem::new(Swatch::Shade(pal.muted), "event days"));
    }
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let band_top = legend_top + legend_h + 2;
    let strip_top = band_top + MARKER_ROWS * MARKER_ROW_PX;
    let f = Frame { left: 58, top: strip_top + 2 * STRIP_ROW_PX + 4, right: w - 60, bottom: h - 26, span };
    let markers = markers::change_markers(data, span);

    canvas::svg(o.width, o.height, pal, |c| {
        legend::draw_header(c, "Sleep, bedtime to waking", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        let ticks = axes::int_ticks(0, i32::try_from(top_h).unwrap_or(12), tick_step);
        let hours_axis = (0.0, f64::from(top_h));
        axes::draw_value_axis(c, &f, hours_axis, &ticks, Side::Left, "hours", c.pal.fg)?;
        let quality_ticks = axes::int_ticks(1, 5, 2);
        axes::draw_value_axis(c, &f, QUALITY_AXIS, &quality_ticks, Side::Right, "quality", c.pal.fg)?;
        axes::draw_time_axis(c, &f, w)?;
        markers::draw_event_spans(c, &f, data)?;
        markers::draw_markers(c, &f, &markers, band_top)?;
        if data.days.is_empty() {
            return axes::draw_empty(c, &f, "No entries in this range");
        }
        draw_dream_strip(c, &f, nights, res, span, strip_top)?;
        let hours = aggregate::aggregate(span, res, &hours);
        let quality = aggregate::aggregate(span, res, &quality);
        medians::draw_bands(c, &f, &hours, hours_axis, hours_col)?;
        medians::draw_bands(c, &f, &quality, QUALITY_AXIS, quality_col)?;
        medians::draw_median_line(c, &f, &hours, hours_axis, hours_col)?;
        medians::draw_median_line(c, &f, &quality, QUALITY_AXIS, quality_col)
    })
}

/// One cell per week or month in each strip row, as opaque as the share of the bucket's nights
/// with an answer that had vivid dreams (any) or a nightmare; nothing where none had.
fn draw_dream_strip(
    c: &Canvas,
    f: &Frame,
    nights: &[Option<&Day>],
    res: Resolution,
    span: DateRange,
    strip_top: i32,
) -> Result<()> {
    let vivid: Vec<Option<f64>> = nights
        .iter()
        .map(|d| d.and_then(|d| d.dreams.vivid).map(|v| if v == Vividness::NotVivid { 0.0 } else { 1.0 }))
        .collect();
    let nightmare: Vec<Option<f64>> =
        nights.iter().map(|d| d.and_then(|d| d.dreams.nightmare).map(|n| if n { 1.0 } else { 0.0 })).collect();
    for (row, (values, col)) in [(vivid, c.pal.vivid), (nightmare, c.pal.nightmare)].into_iter().enumerate() {
        let y = strip_top + STRIP_ROW_PX * i32::try_from(row).unwrap_or(0);
        for (first, len, share) in shares(span, res, &values) {
            if share > 0.0 {
                let (x0, x1) = (f.x_edge(first as f64), f.x_edge((first + len) as f64));
                let alpha = 0.15 + 0.85 * share;
                c.fill_rect((x0, y + 1), ((x1 - 1).max(x0 + 1), y + STRIP_ROW_PX - 2), col.mix(alpha))?;
            }
        }
    }
    Ok(())
}

/// (first day, days, share of the answered days that are 1) per bucket with an answer.
fn shares(span: DateRange, res: Resolution, values: &[Option<f64>]) -> Vec<(usize, usize, f64)> {
    aggregate::aggregate(span, res, values)
        .into_iter()
        .filter_map(|b| {
            let end = (b.first + b.len).min(values.len());
            let yes = values.get(b.first.min(end)..end)?.iter().flatten().filter(|v| **v > 0.5).count();
            b.summary.map(|s| (b.first, b.len, yes as f64 / s.n as f64))
        })
        .collect()
}
