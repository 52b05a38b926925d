//! Sleep: hours from bedtime to waking per night as bars coloured by sleep quality, nights
//! with vivid dreams and nightmares marked in a strip above, and dose step markers.

use super::axes::{self, Frame, Side};
use super::canvas::{self, solid};
use super::dose_symptoms::to_i32;
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::markers::{self, MARKER_ROW_PX, MARKER_ROWS};
use super::style::Palette;
use super::{ChartData, ChartOptions};
use crate::{Result, Vividness};

const STRIP_ROW_PX: i32 = 11;

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

    let mut legend: Vec<LegendItem> = vec![LegendItem::new(Swatch::Box(pal.scale(0.0)), "quality 1")];
    for q in 2..=5 {
        legend.push(LegendItem::new(Swatch::Box(pal.scale(f64::from(q - 1) / 4.0)), q.to_string()));
    }
    legend.push(LegendItem::new(Swatch::Box(pal.grid), "not rated"));
    legend.push(LegendItem::new(Swatch::Triangle(pal.vivid, true), "very vivid dreams"));
    legend.push(LegendItem::new(Swatch::Triangle(pal.vivid, false), "somewhat vivid"));
    legend.push(LegendItem::new(Swatch::Cross(pal.nightmare), "nightmare"));
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
        markers::draw_markers(c, &f, &markers, band_top, w)?;
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
