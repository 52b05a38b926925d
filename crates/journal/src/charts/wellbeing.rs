//! Wellbeing calendar: one row per month, one cell per day, colour = overall wellbeing 0–10
//! on an ordered colour-blind-safe scale. Days with an entry but no wellbeing rating and days
//! without an entry are drawn differently from each other and from every rating.

use chrono::{Datelike, Months, NaiveDate};

use super::canvas::{self, Align, solid};
use super::dose_symptoms::to_i32;
use super::legend::{self, HEADER_PX, LEGEND_ROW_PX, LegendItem, Swatch};
use super::style::{LABEL_PX, Palette, SMALL_PX};
use super::{ChartData, ChartOptions};
use crate::Result;

/// Draws the wellbeing calendar as SVG, `o.width` wide and as tall as its rows need (one per
/// month of the range); `o.height` is not used.
pub fn wellbeing_calendar(data: &ChartData, o: &ChartOptions) -> Result<String> {
    let pal = Palette::new(o.theme);
    let w = to_i32(o.width);
    let span = data.span();
    let months = month_starts(span.from, span.to);
    let rows = i32::try_from(months.len()).unwrap_or(i32::MAX).max(1);

    let mut legend: Vec<LegendItem> = vec![LegendItem::new(Swatch::Box(pal.scale(0.0)), "wellbeing 0")];
    for v in [2, 4, 6, 8, 10] {
        legend.push(LegendItem::new(Swatch::Box(pal.scale(f64::from(v) / 10.0)), v.to_string()));
    }
    legend.push(LegendItem::new(Swatch::DotBox(pal.muted), "not rated"));
    legend.push(LegendItem::new(Swatch::EmptyBox(pal.grid), "no entry"));
    let legend_top = HEADER_PX + 2;
    let legend_h = legend::legend_rows(&legend, 10, w - 10) * LEGEND_ROW_PX;
    let label_w = 84;
    let cell = ((w - label_w - 12) / 31).min(if rows > 24 { 11 } else { 17 }).max(4);
    let top = legend_top + legend_h + 20;
    let h = top + rows * cell + 10;
    let by_date = |d: NaiveDate| data.days.binary_search_by_key(&d, |x| x.date).ok().map(|i| &data.days[i]);

    canvas::svg(o.width, u32::try_from(h).unwrap_or(280), pal, |c| {
        legend::draw_header(c, "Overall wellbeing by day", span, w)?;
        legend::draw_legend(c, &legend, 10, w - 10, legend_top)?;
        for d in [1, 5, 10, 15, 20, 25, 31] {
            let x = label_w + (d - 1) * cell + cell / 2;
            c.text(&d.to_string(), (x, top - 9), SMALL_PX, c.pal.muted, Align::Middle)?;
        }
        for (r, m) in months.iter().enumerate() {
            let y = top + i32::try_from(r).unwrap_or(0) * cell;
            let label = if cell >= 14 || r == 0 || m.month() == 1 {
                Some(if r == 0 || m.month() == 1 { m.format("%b %Y").to_string() } else { m.format("%b").to_string() })
            } else if m.month0() % 3 == 0 {
                Some(m.format("%b").to_string())
            } else {
                None
            };
            if let Some(l) = label {
                let px = if cell >= 14 { LABEL_PX } else { SMALL_PX };
                c.text(&l, (label_w - 8, y + cell / 2), px, c.pal.fg, Align::End)?;
            }
            for d in m.iter_days().take_while(|d| d.month() == m.month()) {
                if !span.contains(d) {
                    continue;
                }
                let x = label_w + i32::try_from(d.day0()).unwrap_or(0) * cell;
                let (a, b) = ((x + 1, y + 1), (x + cell - 1, y + cell - 1));
                match by_date(d) {
                    Some(day) => match day.wellbeing {
                        Some(v) => c.fill_rect(a, b, solid(c.pal.scale(f64::from(v) / 10.0)))?,
                        None => {
                            c.outline_rect(a, b, solid(c.pal.muted))?;
                            c.dot((x + cell / 2, y + cell / 2), 1, solid(c.pal.muted))?;
                        }
                    },
                    None => c.outline_rect(a, b, solid(c.pal.grid))?,
                }
            }
        }
        if data.days.is_empty() {
            let y = top + rows * cell / 2;
            c.text("No entries in this range", (w / 2, y.max(top + 8)), LABEL_PX, c.pal.muted, Align::Middle)?;
        }
        Ok(())
    })
}

/// The first day of every month from `from`'s month to `to`'s.
fn month_starts(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = from.with_day(1);
    while let Some(x) = m.filter(|x| *x <= to) {
        out.push(x);
        m = x.checked_add_months(Months::new(1));
    }
    out
}
