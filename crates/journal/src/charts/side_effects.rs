//! Side effects by dose period: for each period, the share of its logged days on which each
//! side effect was recorded as mild or stronger.

use super::axes::{self, Side};
use super::canvas::{self, Align, solid};
use super::dose_symptoms::to_i32;
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::style::{LABEL_PX, Palette, SMALL_PX, text_width};
use super::{ChartData, ChartOptions};
use crate::Result;

/// Draws the side-effects chart as SVG.
pub fn side_effects(data: &ChartData, o: &ChartOptions) -> Result<String> {
    let pal = Palette::new(o.theme);
    let (w, h) = (to_i32(o.width), to_i32(o.height));
    let span = data.span();
    let periods = data.dose_periods();
    let shown: Vec<_> = data
        .side_effects
        .iter()
        .filter(|s| data.days.iter().any(|d| d.severity(s.id).is_some_and(|v| v.present())))
        .collect();
    // shares[period][side effect] in 0..=1
    let shares: Vec<Vec<f64>> = periods
        .iter()
        .map(|p| {
            let days = &data.days[p.day_indices.clone()];
            shown
                .iter()
                .map(|s| {
                    let n = days.iter().filter(|d| d.severity(s.id).is_some_and(|v| v.present())).count();
                    n as f64 / days.len().max(1) as f64
                })
                .collect()
        })
        .collect();

    // The axis ends at 25, 50 or 100 %, whichever first holds the tallest bar.
    let tallest = shares.iter().flatten().fold(0.0_f64, |a, b| a.max(*b)) * 100.0;
    let top = [25.0, 50.0, 100.0].into_iter().find(|t| tallest <= *t).unwrap_or(100.0);
    let legend: Vec<LegendItem> =
        shown.iter().enumerate().map(|(i, s)| LegendItem::new(Swatch::Box(pal.series(i)), &s.name)).collect();
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let f = axes::Frame { left: 58, top: legend_top + legend_h + 12, right: w - 14, bottom: h - 42, span };

    canvas::svg(o.width, o.height, pal, |c| {
        legend::draw_header(c, "Side effects by dose period", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        let step = if top >= 100.0 { 25 } else { (top / 5.0) as i32 };
        let ticks = axes::int_ticks(0, top as i32, step);
        axes::draw_value_axis(c, &f, (0.0, top), &ticks, Side::Left, "% of logged days", c.pal.fg)?;
        c.line(vec![(f.left, f.bottom), (f.right, f.bottom)], solid(c.pal.muted), 1)?;
        if periods.is_empty() {
            return axes::draw_empty(c, &f, "No entries in this range");
        }
        if shown.is_empty() {
            axes::draw_empty(c, &f, "No side effects recorded in this range")?;
        }
        let group = f64::from(f.right - f.left) / periods.len() as f64;
        let labels: Vec<String> = periods
            .iter()
            .map(|p| if p.is_baseline() { "no dose".to_owned() } else { format!("{} mg", p.dose.mg_string()) })
            .collect();
        let widest = labels.iter().map(|l| text_width(l, LABEL_PX)).max().unwrap_or(0);
        let roomy = f64::from(widest + 8) <= group;
        let bar = (group * 0.8 / shown.len().max(1) as f64).max(1.0);
        for (pi, p) in periods.iter().enumerate() {
            let g0 = f64::from(f.left) + group * pi as f64 + group * 0.1;
            for (si, share) in shares[pi].iter().enumerate() {
                if *share <= 0.0 {
                    continue;
                }
                let x0 = (g0 + bar * si as f64).round() as i32;
                let x1 = ((g0 + bar * (si + 1) as f64).round() as i32 - 1).max(x0 + 1);
                c.fill_rect((x0, f.y(share * 100.0, 0.0, top)), (x1, f.bottom), solid(c.pal.series(si)))?;
            }
            let mid = (f64::from(f.left) + group * (pi as f64 + 0.5)).round() as i32;
            let mid = mid.clamp(f.left + 2, w - 2);
            if pi > 0 && roomy {
                let x = (f64::from(f.left) + group * pi as f64).round() as i32;
                c.line(vec![(x, f.bottom), (x, f.bottom + 30)], solid(c.pal.grid), 1)?;
            }
            let (y1, y2) = if roomy || pi % 2 == 0 { (f.bottom + 12, f.bottom + 28) } else { (f.bottom + 28, 0) };
            c.text(&labels[pi], (mid, y1), LABEL_PX, c.pal.fg, Align::Middle)?;
            if roomy {
                let days = format!("{} d", p.day_indices.len());
                c.text(&days, (mid, y2), SMALL_PX, c.pal.muted, Align::Middle)?;
            }
        }
        Ok(())
    })
}
