//! Measures: one panel per measure, stacked over a shared time axis, each with its own value
//! axis in its own unit, and the dose steps, medication changes and events as on the other
//! charts. A paired measure (blood pressure) draws both numbers in one panel.
//!
//! Up to [`super::aggregate::DAILY_MAX_DAYS`] every reading is a dot and a line joins the
//! days' medians; longer ranges draw weekly or monthly medians with their middle-half band,
//! like the scores. Values are drawn as recorded: no reference range, no target line.

use plotters::style::Color;

use super::aggregate::{self, Resolution};
use super::axes::{self, Frame, Side};
use super::canvas::{self, Align, Canvas, solid};
use super::dose_symptoms::{runs, to_i32};
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::markers::{self, MARKER_ROW_PX, MARKER_ROWS};
use super::medians;
use super::style::{LABEL_PX, Palette};
use super::{ChartData, ChartOptions};
use crate::{Measure, Result};

/// The least height of one measure's panel (its title row included), the title row, and the
/// space between panels.
const PANEL_MIN_PX: i32 = 120;
const TITLE_ROW_PX: i32 = 18;
const PANEL_GAP_PX: i32 = 12;

/// Draws the measures chart as SVG. It is at least `o.height` tall and grows with the number
/// of measures, so every panel keeps a readable height.
pub fn measures(data: &ChartData, o: &ChartOptions) -> Result<String> {
    let pal = Palette::new(o.theme);
    let chosen = data.chosen_measures(o);
    let w = to_i32(o.width);
    let span = data.span();
    let slots = data.day_slots(span);
    let res = Resolution::for_span(span);

    let mut legend: Vec<LegendItem> = Vec::new();
    if !chosen.is_empty() {
        let how = match res {
            Resolution::Daily => "dots: readings, line: daily median".to_owned(),
            _ => format!("{}, band: middle half of days", res.medians_label()),
        };
        let swatch = if res == Resolution::Daily { Swatch::LineDot(pal.muted) } else { Swatch::Band(pal.muted) };
        legend.push(LegendItem::new(swatch, how));
    }
    if chosen.iter().any(|m| m.paired) {
        legend.push(LegendItem::new(Swatch::Line(pal.series(1), 2), "second number (e.g. diastolic)"));
    }
    if markers::any_event_in(data, span) {
        legend.push(LegendItem::new(Swatch::Shade(pal.muted), "event days"));
    }
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let band_top = legend_top + legend_h + 2;
    let plot_top = band_top + MARKER_ROWS * MARKER_ROW_PX + 2;
    let n = i32::try_from(chosen.len().max(1)).unwrap_or(1);
    let min_h = plot_top + n * PANEL_MIN_PX + (n - 1) * PANEL_GAP_PX + 26;
    let h = to_i32(o.height).max(min_h);
    let panel_h = (h - 26 - plot_top - (n - 1) * PANEL_GAP_PX) / n;
    let frame = |i: i32| {
        let top = plot_top + i * (panel_h + PANEL_GAP_PX) + TITLE_ROW_PX;
        Frame { left: 58, top, right: w - 24, bottom: top + panel_h - TITLE_ROW_PX, span }
    };
    let whole = Frame { top: plot_top, bottom: h - 26, ..frame(0) };
    let markers = markers::change_markers(data, span);

    canvas::svg(o.width, u32::try_from(h).unwrap_or(o.height), pal, |c| {
        legend::draw_header(c, "Measures", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        if chosen.is_empty() {
            axes::draw_time_axis(c, &whole, w)?;
            let why =
                if data.days.is_empty() { "No entries in this range" } else { "No measures recorded in this range" };
            return axes::draw_empty(c, &whole, why);
        }
        let last = frame(n - 1);
        axes::draw_time_axis(c, &last, w)?;
        markers::draw_event_spans(c, &whole, data)?;
        markers::draw_markers(c, &whole, &markers, band_top)?;
        for (i, m) in chosen.iter().enumerate() {
            let f = frame(i32::try_from(i).unwrap_or(0));
            panel(c, &f, data, m, &slots, res)?;
        }
        Ok(())
    })
}

/// One measure's panel: its axis, its name and unit, and its values.
fn panel(c: &Canvas, f: &Frame, data: &ChartData, m: &Measure, slots: &[Option<usize>], res: Resolution) -> Result<()> {
    // Per day: every reading's first and second number, in time order.
    let readings: Vec<Vec<(f64, Option<f64>)>> = slots
        .iter()
        .map(|i| {
            i.map(|i| {
                data.days[i]
                    .readings
                    .iter()
                    .filter(|r| r.measure == m.id)
                    .map(|r| (r.value.first().to_f64(), r.value.second().map(|v| v.to_f64())))
                    .collect()
            })
            .unwrap_or_default()
        })
        .collect();
    let all = readings.iter().flatten().flat_map(|(a, b)| std::iter::once(*a).chain(*b));
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let unit = m.unit.trim();
    let title = if unit.is_empty() { m.name.trim().to_owned() } else { format!("{} ({unit})", m.name.trim()) };
    c.bold(&title, (f.left, f.top - TITLE_ROW_PX / 2), LABEL_PX, c.pal.fg, Align::Start)?;
    if !lo.is_finite() {
        c.line(vec![(f.left, f.bottom), (f.right, f.bottom)], solid(c.pal.muted), 1)?;
        return axes::draw_empty(c, f, "No readings in this range");
    }
    let (bottom, top, ticks) = axes::nice_ticks(lo, hi, m.decimals);
    let axis = (bottom, top);
    axes::draw_value_axis(c, f, axis, &ticks, Side::Left, if unit.is_empty() { "value" } else { unit }, c.pal.fg)?;
    c.line(vec![(f.left, f.bottom), (f.right, f.bottom)], solid(c.pal.muted), 1)?;

    let median = |k: usize, second: bool| -> Option<f64> {
        let mut v: Vec<f64> = readings[k].iter().filter_map(|(a, b)| if second { *b } else { Some(*a) }).collect();
        v.sort_by(f64::total_cmp);
        aggregate::quantile(&v, 0.5)
    };
    let series: Vec<(bool, plotters::style::RGBColor)> =
        if m.paired { vec![(false, c.pal.series(0)), (true, c.pal.series(1))] } else { vec![(false, c.pal.series(0))] };
    for (second, col) in series {
        let daily: Vec<Option<f64>> = (0..readings.len()).map(|k| median(k, second)).collect();
        if res == Resolution::Daily {
            let r = if f.day_px() >= 1.2 { 2 } else { 1 };
            for (k, day) in readings.iter().enumerate() {
                for (a, b) in day {
                    let v = if second { b.unwrap_or(f64::NAN) } else { *a };
                    if v.is_finite() {
                        c.dot((f.x_mid(k), f.y(v, bottom, top)), r, col.mix(0.6))?;
                    }
                }
            }
            for (start, run) in runs(&daily) {
                if run.len() > 1 {
                    let pts = run.iter().enumerate().map(|(j, v)| (f.x_mid(start + j), f.y(*v, bottom, top)));
                    c.line(pts.collect(), solid(col), 2)?;
                }
            }
        } else {
            let buckets = aggregate::aggregate(f.span, res, &daily);
            medians::draw_bands(c, f, &buckets, axis, col)?;
            medians::draw_median_line(c, f, &buckets, axis, col)?;
        }
    }
    Ok(())
}
