//! Drawing weekly or monthly summaries ([`super::aggregate`]): a line through the buckets'
//! medians, each drawn at the middle of its bucket, over a translucent band from the 25th to
//! the 75th percentile (the middle half of the values). Consecutive buckets with values are
//! joined; an empty bucket breaks the line and the band. A bucket alone between gaps is a dot
//! over a band as wide as the bucket.

use plotters::style::{Color, RGBColor};

use super::aggregate::{Bucket, Summary};
use super::axes::Frame;
use super::canvas::{Canvas, solid};
use super::style::BAND_ALPHA;
use crate::Result;

/// Runs of consecutive buckets that have values.
fn runs(buckets: &[Bucket]) -> Vec<Vec<(&Bucket, Summary)>> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for b in buckets {
        match b.summary {
            Some(s) => run.push((b, s)),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The middle-half bands of `buckets` on a value axis from `lo` to `hi`. Draw every series'
/// bands before any line, so no band tints another series' line.
pub(crate) fn draw_bands(c: &Canvas, f: &Frame, buckets: &[Bucket], (lo, hi): (f64, f64), col: RGBColor) -> Result<()> {
    let fill = col.mix(BAND_ALPHA);
    for run in runs(buckets) {
        if let [(b, s)] = run.as_slice() {
            let (x0, x1) = (f.x_edge(b.first as f64), f.x_edge((b.first + b.len) as f64));
            c.fill_rect((x0, f.y(s.q3, lo, hi)), (x1.max(x0 + 1), f.y(s.q1, lo, hi)), fill)?;
            continue;
        }
        let upper = run.iter().map(|(b, s)| (f.x_edge(b.mid()), f.y(s.q3, lo, hi)));
        let lower = run.iter().rev().map(|(b, s)| (f.x_edge(b.mid()), f.y(s.q1, lo, hi)));
        c.fill_polygon(upper.chain(lower).collect(), fill)?;
    }
    Ok(())
}

/// The median line of `buckets`.
pub(crate) fn draw_median_line(
    c: &Canvas,
    f: &Frame,
    buckets: &[Bucket],
    (lo, hi): (f64, f64),
    col: RGBColor,
) -> Result<()> {
    for run in runs(buckets) {
        let pts: Vec<(i32, i32)> = run.iter().map(|(b, s)| (f.x_edge(b.mid()), f.y(s.median, lo, hi))).collect();
        match pts.as_slice() {
            [p] => c.dot(*p, 2, solid(col))?,
            _ => c.line(pts, solid(col), 2)?,
        }
    }
    Ok(())
}
