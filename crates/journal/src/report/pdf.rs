//! Draws laid-out pages into a PDF with krilla: the running header and footer on every page,
//! the document metadata, and the chart SVGs as vector graphics.

use chrono::{Datelike, NaiveDateTime, Timelike};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::fonts::Fonts;
use super::layout::{CONTENT_BOTTOM_GAP, MARGIN_X, Op, PageSize, RULE, Rgb, TextStyle};

/// What every page carries besides its content.
#[derive(Debug)]
pub struct Frame<'a> {
    /// Left of the header, e.g. "LDN Journal · appointment summary".
    pub header_left: &'a str,
    /// Right of the header: the date range.
    pub header_right: &'a str,
    /// The no-advice line.
    pub footer: &'a str,
    pub title: &'a str,
    pub created: NaiveDateTime,
}

fn report_err(e: impl std::fmt::Debug) -> crate::Error {
    crate::Error::report(format!("{e:?}"))
}

/// Writes `pages` (drawing operations from the layout) as a PDF.
pub fn write(
    fonts: &Fonts,
    size: PageSize,
    pages: &[Vec<Op>],
    svgs: &[usvg::Tree],
    frame: &Frame<'_>,
) -> crate::Result<Vec<u8>> {
    let mut doc = Document::new();
    let n = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(size.width, size.height).ok_or_else(|| report_err("page size out of range"))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let mut frame_ops = running_frame(fonts, size, frame, i + 1, n);
        frame_ops.extend_from_slice(ops);
        for op in &frame_ops {
            draw(&mut surface, fonts, op, svgs)?;
        }
        surface.finish();
        page.finish();
    }
    let c = frame.created;
    let created = DateTime::new(u16::try_from(c.year()).unwrap_or(2000))
        .month(c.month() as u8)
        .day(c.day() as u8)
        .hour(c.hour() as u8)
        .minute(c.minute() as u8)
        .second(c.second() as u8);
    doc.set_metadata(
        Metadata::new()
            .title(frame.title.to_string())
            .creator("LDN Journal".into())
            .language("en".into())
            .creation_date(created),
    );
    doc.finish().map_err(report_err)
}

/// Header (title and range, with a rule under it) and footer (no-advice line and page number).
fn running_frame(fonts: &Fonts, size: PageSize, f: &Frame<'_>, page: usize, pages: usize) -> Vec<Op> {
    let (left, right) = (MARGIN_X, size.width - MARGIN_X);
    let small = TextStyle::regular(8.0).muted();
    let text = |x: f32, y: f32, t: &str, style: TextStyle| Op::Text { x, y, style, text: t.into() };
    let head_y = 36.0;
    let foot_y = size.height - CONTENT_BOTTOM_GAP + 30.0;
    let page_no = format!("Page {page} of {pages}");
    vec![
        text(left, head_y, f.header_left, small.bold()),
        text(right - small.width(fonts, f.header_right), head_y, f.header_right, small),
        Op::Line { x1: left, y1: head_y + 6.0, x2: right, y2: head_y + 6.0, width: 0.5, color: RULE },
        Op::Line { x1: left, y1: foot_y - 12.0, x2: right, y2: foot_y - 12.0, width: 0.5, color: RULE },
        text(left, foot_y, f.footer, small),
        text(right - small.width(fonts, &page_no), foot_y, &page_no, small),
    ]
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn draw(s: &mut Surface<'_>, fonts: &Fonts, op: &Op, svgs: &[usvg::Tree]) -> crate::Result<()> {
    match op {
        Op::Text { x, y, style, text } => {
            if text.is_empty() {
                return Ok(());
            }
            s.set_stroke(None);
            s.set_fill(Some(Fill { paint: color(style.color), opacity: NormalizedF32::ONE, rule: Default::default() }));
            // Whatever is stored, only drawable characters reach the PDF (and its text layer).
            let text = crate::text::drawable(text);
            let glyphs = fonts.glyphs(&text, style.weight);
            s.draw_glyphs(Point::from_xy(*x, *y), &glyphs, fonts.krilla(style.weight), &text, style.size, false);
        }
        Op::Rect { x, y, w, h, fill } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else { return Ok(()) };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            if let Some(path) = pb.finish() {
                s.set_stroke(None);
                s.set_fill(Some(Fill { paint: color(*fill), opacity: NormalizedF32::ONE, rule: Default::default() }));
                s.draw_path(&path);
            }
        }
        Op::Line { x1, y1, x2, y2, width, color: c } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                s.set_fill(None);
                s.set_stroke(Some(Stroke { paint: color(*c), width: *width, ..Default::default() }));
                s.draw_path(&path);
            }
        }
        Op::Svg { index, x, y, w, h } => {
            let tree = svgs.get(*index).ok_or_else(|| report_err("missing chart"))?;
            let size = Size::from_wh(*w, *h).ok_or_else(|| report_err("chart size out of range"))?;
            s.push_transform(&Transform::from_translate(*x, *y));
            let drawn = s.draw_svg(tree, size, SvgSettings::default());
            s.pop();
            drawn.ok_or_else(|| report_err("a chart could not be drawn"))?;
        }
    }
    Ok(())
}

/// Parses a chart SVG with the embedded fonts.
pub fn parse_svg(svg: &str) -> crate::Result<usvg::Tree> {
    let svg = paint_opacity(svg);
    let opt = usvg::Options {
        font_family: super::fonts::FAMILY.into(),
        fontdb: super::fonts::svg_fontdb(),
        ..Default::default()
    };
    usvg::Tree::from_str(&svg, &opt).map_err(|e| crate::Error::report(format!("chart SVG: {e}")))
}

/// Turns element `opacity` into `fill-opacity` and `stroke-opacity`. The charts set opacity
/// on every single shape; as group opacity each translucent shape becomes its own PDF form
/// object (a 1-year report grew past 1 MB), as paint opacity it is one graphics state. For a
/// lone shape the two look the same.
fn paint_opacity(svg: &str) -> String {
    const ATTR: &str = " opacity=\"";
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg;
    while let Some(i) = rest.find(ATTR) {
        let after = &rest[i + ATTR.len()..];
        let Some(end) = after.find('"') else { break };
        let value = &after[..end];
        out.push_str(&rest[..i]);
        if value != "1" {
            out.push_str(&format!(" fill-opacity=\"{value}\" stroke-opacity=\"{value}\""));
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    /// The message a patient sees when drawing fails is a plain sentence; the parser's own
    /// words ("non-XML character", positions) stay in the error's source.
    #[test]
    fn drawing_errors_do_not_show_parser_internals() {
        use std::error::Error as _;
        let svg = "<svg xmlns='http://www.w3.org/2000/svg'><text>\u{1}</text></svg>";
        let Err(e) = super::parse_svg(svg) else { panic!("the SVG parsed") };
        assert_eq!(e.to_string(), "the PDF report could not be made because of an internal error; nothing was written");
        let detail = e.source().map(ToString::to_string).unwrap_or_default();
        assert!(detail.starts_with("chart SVG: "), "the detail is kept as the source: {detail:?}");
    }

    #[test]
    fn element_opacity_becomes_paint_opacity() {
        let check = |svg: &str, expected: &str| assert_eq!(super::paint_opacity(svg), expected, "{svg}");
        check("<rect/>", "<rect/>");
        check(r#"<rect x="1" opacity="1" fill="red"/>"#, r#"<rect x="1" fill="red"/>"#);
        check(
            r#"<path opacity="0.45" d=""/><g fill-opacity="0.2"/>"#,
            r#"<path fill-opacity="0.45" stroke-opacity="0.45" d=""/><g fill-opacity="0.2"/>"#,
        );
    }
}
