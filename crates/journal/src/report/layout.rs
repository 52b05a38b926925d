//! Page layout: a flow of headings, paragraphs, tables and pictures cut into pages of drawing
//! operations. Nothing here knows about PDFs; [`super::pdf`] draws the pages afterwards, when
//! the page count (for "Page i of n") is known. Tables are in [`super::table`], line wrapping
//! in [`super::wrap`].
//!
//! Coordinates are points from the top-left corner of the page; text is placed by its
//! baseline.
//!
//! The flow also records the document's structure for the tagged PDF: [`Op::Begin`] and
//! [`Op::End`] around headings, paragraphs, lists, tables and figures. A block may begin on
//! one page and end on another. Text outside every block is tagged as a paragraph of its
//! own; rules and fills outside a figure are decoration (artifacts).

use super::fonts::{Fonts, Weight};
use super::wrap::wrap;

/// Paper sizes in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

pub const MARGIN_X: f32 = 48.0;
/// Content starts below the running header and ends above the running footer.
pub const CONTENT_TOP: f32 = 64.0;
pub const CONTENT_BOTTOM_GAP: f32 = 56.0;

/// A colour as 8-bit RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const BLACK: Rgb = Rgb(0, 0, 0);
pub const TEXT: Rgb = Rgb(25, 25, 25);
pub const MUTED: Rgb = Rgb(90, 90, 90);
pub const RULE: Rgb = Rgb(170, 170, 170);
pub const STRIPE: Rgb = Rgb(240, 240, 240);
pub const HEADER_FILL: Rgb = Rgb(225, 230, 236);

/// How text is set: its size in points, weight and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
}

impl TextStyle {
    /// Regular text of `size` points in the text colour.
    pub const fn regular(size: f32) -> Self {
        Self { size, weight: Weight::Regular, color: TEXT }
    }

    pub const fn bold(self) -> Self {
        Self { weight: Weight::Bold, ..self }
    }

    /// In the muted colour: explanations, notes, captions.
    pub const fn muted(self) -> Self {
        self.in_color(MUTED)
    }

    pub const fn in_color(self, color: Rgb) -> Self {
        Self { color, ..self }
    }

    /// How wide `text` is in this style, in points.
    pub fn width(self, fonts: &Fonts, text: &str) -> f32 {
        fonts.width(text, self.size, self.weight)
    }
}

/// Explanations below a heading, a figure or a table.
pub const CAPTION: TextStyle = TextStyle::regular(7.5).muted();

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A piece of the document's structure, as a screen reader announces it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1 (the title) or 2 (a section); `title` is also its bookmark.
    Heading {
        level: u16,
        title: String,
    },
    Paragraph,
    /// A bulleted list of items, each a label (the bullet) and a body.
    List,
    Item,
    Label,
    Body,
    Table,
    Row,
    /// A column's header cell.
    HeaderCell,
    Cell,
    /// A picture, described by `alt`; with a bookmark when it is one of the charts.
    Figure {
        alt: String,
        bookmark: Option<String>,
    },
    /// Drawn for the eye only (a table header repeated on a later page).
    Artifact,
}

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Everything up to the matching [`Op::End`] belongs to this block.
    Begin(Block),
    End,
    Text {
        x: f32,
        y: f32,
        style: TextStyle,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// Picture `index` of the document's SVGs, scaled into the box.
    Svg {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

const LEADING: f32 = 1.25;

/// The flow of content into pages.
#[derive(Debug)]
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub page: PageSize,
    pub pages: Vec<Vec<Op>>,
    /// Baseline-free cursor: the top of the next block.
    pub y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, page: PageSize) -> Self {
        Self { fonts, page, pages: vec![Vec::new()], y: CONTENT_TOP }
    }

    pub fn left(&self) -> f32 {
        MARGIN_X
    }

    pub fn width(&self) -> f32 {
        self.page.width - 2.0 * MARGIN_X
    }

    pub fn bottom(&self) -> f32 {
        self.page.height - CONTENT_BOTTOM_GAP
    }

    /// Room left on the current page.
    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
    }

    /// Starts a new page unless the current one is still empty.
    pub fn fresh_page(&mut self) {
        if self.pages.last().is_some_and(|p| !p.is_empty()) {
            self.new_page();
        }
    }

    /// Moves to a new page unless `h` points still fit on this one.
    pub fn need(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    pub fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    /// Starts a block of the document's structure; [`Self::end`] ends the innermost one.
    pub fn begin(&mut self, block: Block) {
        self.push(Op::Begin(block));
    }

    pub fn end(&mut self) {
        self.push(Op::End);
    }

    pub fn gap(&mut self, h: f32) {
        if self.y > CONTENT_TOP {
            self.y += h;
        }
    }

    pub fn line_height(size: f32) -> f32 {
        size * LEADING
    }

    /// Draws one line of text whose box starts at `top`, without moving the cursor.
    pub fn text_at(&mut self, x: f32, top: f32, text: &str, style: TextStyle) {
        let baseline = top + style.size * 0.95;
        self.push(Op::Text { x, y: baseline, style, text: text.to_string() });
    }

    /// A section heading (level 2), kept on the same page as at least `keep` points of what
    /// follows.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        let style = TextStyle::regular(size).bold().in_color(BLACK);
        self.gap(size * 0.9);
        self.need(Self::line_height(size) + keep);
        let w = self.width();
        self.begin(Block::Heading { level: 2, title: text.to_string() });
        for line in wrap(self.fonts, text, size, style.weight, w) {
            self.text_at(self.left(), self.y, &line, style);
            self.y += Self::line_height(size);
        }
        self.end();
        self.y += size * 0.25;
    }

    /// A wrapped paragraph; it may continue on the next page line by line.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        self.paragraph_indented(text, 0.0, style);
    }

    pub fn paragraph_indented(&mut self, text: &str, indent: f32, style: TextStyle) {
        let lh = Self::line_height(style.size);
        let w = self.width() - indent;
        let mut begun = false;
        for line in wrap(self.fonts, text, style.size, style.weight, w) {
            self.need(lh);
            // Begun after the first page break, so a paragraph never starts with an empty page.
            if !begun {
                self.begin(Block::Paragraph);
                begun = true;
            }
            self.text_at(self.left() + indent, self.y, &line, style);
            self.y += lh;
        }
        if begun {
            self.end();
        }
    }

    /// A picture `w` × `h` points, centred between the margins, described by `alt`, with a
    /// bookmark of that name.
    pub fn picture(&mut self, index: usize, w: f32, h: f32, alt: String, bookmark: &str) {
        self.need(h);
        let (x, y) = (self.left() + (self.width() - w).max(0.0) / 2.0, self.y);
        self.begin(Block::Figure { alt, bookmark: Some(bookmark.to_string()) });
        self.push(Op::Svg { index, x, y, w, h });
        self.end();
        self.y += h;
    }
}
