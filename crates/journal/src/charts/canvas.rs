//! A thin layer over plotters' SVG backend: every chart draws in pixel coordinates with
//! these few primitives, so layout (ticks, markers, gaps) is ours and output is deterministic.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform};

use super::FONT_FAMILY;
use super::style::Palette;
use crate::text::drawable;
use crate::{Error, Result};

pub(crate) type Point = (i32, i32);

/// plotters' SVG backend writes `font-size` as the requested size / 1.24.
const FONT_SCALE: f64 = 1.24;

/// Horizontal text alignment.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
    pub pal: Palette,
}

impl std::fmt::Debug for Canvas<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Canvas").finish_non_exhaustive()
    }
}

/// Renders `draw` onto a `width` × `height` SVG with the theme's background.
pub(crate) fn svg(width: u32, height: u32, pal: Palette, draw: impl FnOnce(&Canvas) -> Result<()>) -> Result<String> {
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        area.fill(&pal.background).map_err(Error::chart)?;
        let c = Canvas { area, pal };
        draw(&c)?;
        c.area.present().map_err(Error::chart)?;
    }
    Ok(buf)
}

impl Canvas<'_> {
    fn font(&self, px: f64, color: RGBColor, align: Align, bold: bool) -> TextStyle<'static> {
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(FontFamily::Name(FONT_FAMILY), px * FONT_SCALE, style)
            .color(&color)
            .pos(Pos::new(h, VPos::Center))
    }

    /// Text vertically centred on `at.1`. Every text goes through [`drawable`]: a stored name
    /// with a control character must not make the SVG unreadable.
    pub fn text(&self, s: &str, at: Point, px: f64, color: RGBColor, align: Align) -> Result<()> {
        self.area
            .draw(&Text::new(drawable(s).into_owned(), at, self.font(px, color, align, false)))
            .map_err(Error::chart)
    }

    pub fn bold(&self, s: &str, at: Point, px: f64, color: RGBColor, align: Align) -> Result<()> {
        self.area
            .draw(&Text::new(drawable(s).into_owned(), at, self.font(px, color, align, true)))
            .map_err(Error::chart)
    }

    /// Text reading bottom to top, centred on `at`.
    pub fn vertical_text(&self, s: &str, at: Point, px: f64, color: RGBColor) -> Result<()> {
        let style = self.font(px, color, Align::Middle, false).transform(FontTransform::Rotate270);
        self.area.draw(&Text::new(drawable(s).into_owned(), at, style)).map_err(Error::chart)
    }

    pub fn line(&self, pts: Vec<Point>, color: RGBAColor, width: u32) -> Result<()> {
        if pts.len() < 2 {
            return Ok(());
        }
        self.area.draw(&PathElement::new(pts, color.stroke_width(width))).map_err(Error::chart)
    }

    pub fn dashed(&self, pts: Vec<Point>, color: RGBAColor, width: u32, dash: i32, gap: i32) -> Result<()> {
        if pts.len() < 2 {
            return Ok(());
        }
        self.area.draw(&DashedPathElement::new(pts, dash, gap, color.stroke_width(width))).map_err(Error::chart)
    }

    pub fn fill_rect(&self, a: Point, b: Point, color: RGBAColor) -> Result<()> {
        self.area.draw(&Rectangle::new([a, b], color.filled())).map_err(Error::chart)
    }

    /// A filled polygon, for bands between two lines.
    pub fn fill_polygon(&self, pts: Vec<Point>, color: RGBAColor) -> Result<()> {
        if pts.len() < 3 {
            return Ok(());
        }
        self.area.draw(&Polygon::new(pts, color.filled())).map_err(Error::chart)
    }

    pub fn outline_rect(&self, a: Point, b: Point, color: RGBAColor) -> Result<()> {
        self.area.draw(&Rectangle::new([a, b], color.stroke_width(1))).map_err(Error::chart)
    }

    pub fn dot(&self, at: Point, r: i32, color: RGBAColor) -> Result<()> {
        self.area.draw(&Circle::new(at, r, color.filled())).map_err(Error::chart)
    }

    pub fn cross(&self, at: Point, r: i32, color: RGBAColor, width: u32) -> Result<()> {
        let (x, y) = at;
        self.line(vec![(x - r, y - r), (x + r, y + r)], color, width)?;
        self.line(vec![(x - r, y + r), (x + r, y - r)], color, width)
    }

    /// A triangle pointing down, filled or hollow.
    pub fn triangle(&self, at: Point, r: i32, color: RGBAColor, filled: bool) -> Result<()> {
        let (x, y) = at;
        let pts = vec![(x - r, y - r), (x + r, y - r), (x, y + r)];
        if filled {
            self.area.draw(&Polygon::new(pts, color.filled())).map_err(Error::chart)
        } else {
            let mut pts = pts;
            pts.push((x - r, y - r));
            self.line(pts, color, 1)
        }
    }
}

/// An opaque colour.
pub(crate) fn solid(c: RGBColor) -> RGBAColor {
    c.mix(1.0)
}
