//! The chart pages: the same SVG charts as the app, drawn as vector graphics at page width.

use super::layout::Flow;
use super::{ReportData, pdf};
use crate::Result;
use crate::charts::{self, ChartKind, ChartOptions};

pub(super) fn charts(flow: &mut Flow<'_>, svgs: &mut Vec<usvg::Tree>, data: &ReportData) -> Result<()> {
    if data.chart.days.is_empty() {
        return Ok(());
    }
    flow.fresh_page();
    // The charts carry their own titles and legends.
    let options = ChartOptions::default();
    for kind in ChartKind::ALL {
        let svg = charts::render(kind, &data.chart, &options)?;
        let tree = pdf::parse_svg(&svg)?;
        let (sw, sh) = (tree.size().width(), tree.size().height());
        // Page width, but never taller than a page: a long calendar is scaled down to fit.
        let full = flow.bottom() - super::layout::CONTENT_TOP;
        let mut w = flow.width();
        let mut h = w * sh / sw;
        if h > full {
            w *= full / h;
            h = full;
        }
        flow.gap(14.0);
        svgs.push(tree);
        flow.picture(svgs.len() - 1, w, h);
    }
    Ok(())
}
