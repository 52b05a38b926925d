//! Legends (a swatch and a label per entry, wrapped in rows) and the chart's title line.

use chrono::NaiveDate;
use plotters::style::{Color, RGBColor};

use super::canvas::{Align, Canvas, solid};
use super::style::{BAND_ALPHA, LABEL_PX, TITLE_PX, text_width};
use crate::{DateRange, Result};

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
    /// A median line across a translucent band (the middle half).
    Band(RGBColor),
    /// The translucent shade of an event's days.
    Shade(RGBColor),
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
            Swatch::Shade(col) => {
                c.fill_rect((x, y - 7), (x + SWATCH_W, y + 7), col.mix(super::markers::EVENT_ALPHA * 2.0))?;
            }
            Swatch::Band(col) => {
                c.fill_rect((x, y - 6), (x + SWATCH_W, y + 6), col.mix(BAND_ALPHA))?;
                c.line(vec![(x, y), (x + SWATCH_W, y)], solid(col), 2)?;
            }
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
fn range_text(span: DateRange) -> String {
    let f = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    if span.from == span.to { f(span.from) } else { format!("{} – {}", f(span.from), f(span.to)) }
}
