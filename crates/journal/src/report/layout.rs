//! Page layout: a flow of headings, paragraphs, tables and pictures cut into pages of drawing
//! operations. Nothing here knows about PDFs; [`super::pdf`] draws the pages afterwards, when
//! the page count (for "Page i of n") is known.
//!
//! Coordinates are points from the top-left corner of the page; text is placed by its
//! baseline.

use super::fonts::{Fonts, Weight};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
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

/// Splits `text` into lines no wider than `max` points. Lines break only at plain spaces (and
/// at line breaks in the text); a non-breaking space keeps "1.5 mg" together. A single word
/// wider than the line is cut between characters rather than overflowing.
pub fn wrap(fonts: &Fonts, text: &str, size: f32, weight: Weight, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = fonts.width(" ", size, weight);
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in para.split(' ') {
            let w = fonts.width(word, size, weight);
            if line.is_empty() {
                push_word(fonts, &mut lines, &mut line, &mut line_w, word, w, size, weight, max);
            } else if line_w + space + w <= max {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
            } else {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
                push_word(fonts, &mut lines, &mut line, &mut line_w, word, w, size, weight, max);
            }
        }
        lines.push(line);
    }
    // Trailing spaces and empty trailing paragraphs add nothing a reader can see.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// Starts a line with `word`, cutting it if it alone is too wide.
#[allow(clippy::too_many_arguments)]
fn push_word(
    fonts: &Fonts,
    lines: &mut Vec<String>,
    line: &mut String,
    line_w: &mut f32,
    word: &str,
    w: f32,
    size: f32,
    weight: Weight,
    max: f32,
) {
    if w <= max {
        line.push_str(word);
        *line_w = w;
        return;
    }
    for c in word.chars() {
        let cw = fonts.width(c.encode_utf8(&mut [0; 4]), size, weight);
        if *line_w + cw > max && !line.is_empty() {
            lines.push(std::mem::take(line));
            *line_w = 0.0;
        }
        line.push(c);
        *line_w += cw;
    }
}

/// A table column: its title, share of the table width, and alignment.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn left(title: impl Into<String>, share: f32) -> Self {
        Self { title: title.into(), share, align: Align::Left }
    }
    pub fn right(title: impl Into<String>, share: f32) -> Self {
        Self { title: title.into(), share, align: Align::Right }
    }
}

/// A table of text cells. Cells wrap within their column.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub size: f32,
}

const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const LEADING: f32 = 1.25;

/// A table's wrapped cells and row heights.
#[derive(Debug)]
struct Measured {
    widths: Vec<f32>,
    head: Vec<Vec<String>>,
    head_h: f32,
    rows: Vec<Vec<Vec<String>>>,
    heights: Vec<f32>,
}

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

    pub fn gap(&mut self, h: f32) {
        if self.y > CONTENT_TOP {
            self.y += h;
        }
    }

    pub fn line_height(size: f32) -> f32 {
        size * LEADING
    }

    /// Draws one line of text whose box starts at the cursor, without moving it.
    pub fn text_at(&mut self, x: f32, top: f32, text: &str, size: f32, weight: Weight, color: Rgb) {
        let baseline = top + size * 0.95;
        self.push(Op::Text { x, y: baseline, size, weight, color, text: text.to_string() });
    }

    /// A section heading, kept on the same page as at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) {
        self.gap(size * 0.9);
        self.need(Self::line_height(size) + keep);
        let w = self.width();
        for line in wrap(self.fonts, text, size, Weight::Bold, w) {
            self.text_at(self.left(), self.y, &line, size, Weight::Bold, BLACK);
            self.y += Self::line_height(size);
        }
        self.y += size * 0.25;
    }

    /// A wrapped paragraph; it may continue on the next page line by line.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, color: Rgb) {
        self.paragraph_indented(text, 0.0, size, weight, color);
    }

    pub fn paragraph_indented(&mut self, text: &str, indent: f32, size: f32, weight: Weight, color: Rgb) {
        let lh = Self::line_height(size);
        let w = self.width() - indent;
        for line in wrap(self.fonts, text, size, weight, w) {
            self.need(lh);
            self.text_at(self.left() + indent, self.y, &line, size, weight, color);
            self.y += lh;
        }
    }

    /// A picture `w` × `h` points at the left margin.
    pub fn picture(&mut self, index: usize, w: f32, h: f32) {
        self.need(h);
        let (x, y) = (self.left() + (self.width() - w).max(0.0) / 2.0, self.y);
        self.push(Op::Svg { index, x, y, w, h });
        self.y += h;
    }

    /// Lays out a table. The header is repeated on every page the table reaches, a page never
    /// ends with the header and a single row, and a page never starts with the table's last
    /// row alone.
    pub fn table(&mut self, t: &Table) {
        let m = self.measure(t);
        self.place(t, &m);
    }

    /// A heading and a table, the heading kept with the table's header and first rows.
    pub fn titled_table(&mut self, title: &str, size: f32, t: &Table) {
        let m = self.measure(t);
        let lead = m.head_h + m.heights.iter().take(2).sum::<f32>();
        self.heading(title, size, lead);
        self.place(t, &m);
    }

    fn measure(&self, t: &Table) -> Measured {
        let widths = self.column_widths(t);
        let lh = Self::line_height(t.size);
        let cell_lines = |cells: &[String], weight: Weight| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(text, w)| wrap(self.fonts, text, t.size, weight, w - 2.0 * CELL_PAD_X))
                .collect()
        };
        let height =
            |lines: &[Vec<String>]| lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD_Y;
        let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
        let head = cell_lines(&titles, Weight::Bold);
        let head_h = height(&head);
        let rows: Vec<Vec<Vec<String>>> = t.rows.iter().map(|r| cell_lines(r, Weight::Regular)).collect();
        let heights: Vec<f32> = rows.iter().map(|r| height(r)).collect();
        Measured { widths, head, head_h, rows, heights }
    }

    fn place(&mut self, t: &Table, m: &Measured) {
        let Measured { widths, head, head_h, rows, heights } = m;
        let (widths, head_h) = (widths.as_slice(), *head_h);
        let (fresh, chunks) = paginate(heights, head_h, self.room(), self.bottom() - CONTENT_TOP);
        if fresh {
            self.fresh_page();
        }
        for (k, chunk) in chunks.iter().enumerate() {
            if k > 0 {
                self.new_page();
            }
            self.table_row(head, widths, &t.columns, head_h, Weight::Bold, Some(HEADER_FILL), t.size);
            for i in chunk.clone() {
                let fill = (i % 2 == 1).then_some(STRIPE);
                self.table_row(&rows[i], widths, &t.columns, heights[i], Weight::Regular, fill, t.size);
            }
        }
        if chunks.is_empty() {
            self.need(head_h);
            self.table_row(head, widths, &t.columns, head_h, Weight::Bold, Some(HEADER_FILL), t.size);
        }
        let (x, w) = (self.left(), self.width());
        self.push(Op::Line { x1: x, y1: self.y, x2: x + w, y2: self.y, width: 0.5, color: RULE });
    }

    /// Column widths from their shares, widened so no word of a header or cell is cut when
    /// the table has room (the other columns give up width in proportion to their shares).
    fn column_widths(&self, t: &Table) -> Vec<f32> {
        let total = self.width();
        let longest = |text: &str, weight: Weight| {
            text.split([' ', '\n']).map(|w| self.fonts.width(w, t.size, weight)).fold(0.0_f32, f32::max)
        };
        let mins: Vec<f32> = t
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cells = t.rows.iter().filter_map(|r| r.get(i)).map(|x| longest(x, Weight::Regular));
                cells.fold(longest(&c.title, Weight::Bold), f32::max) + 2.0 * CELL_PAD_X + 0.5
            })
            .collect();
        if mins.iter().sum::<f32>() >= total {
            let sum: f32 = mins.iter().sum();
            return mins.iter().map(|m| m / sum * total).collect();
        }
        let mut fixed = vec![false; mins.len()];
        loop {
            let fixed_w: f32 = mins.iter().zip(&fixed).filter(|(_, f)| **f).map(|(m, _)| m).sum();
            let free_share: f32 =
                t.columns.iter().zip(&fixed).filter(|(_, f)| !**f).map(|(c, _)| c.share).sum::<f32>().max(f32::EPSILON);
            let widths: Vec<f32> = t
                .columns
                .iter()
                .zip(&mins)
                .zip(&fixed)
                .map(|((c, m), f)| if *f { *m } else { c.share / free_share * (total - fixed_w) })
                .collect();
            let mut changed = false;
            for i in 0..widths.len() {
                if !fixed[i] && widths[i] < mins[i] {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if !changed {
                return widths;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        cols: &[Column],
        h: f32,
        weight: Weight,
        fill: Option<Rgb>,
        size: f32,
    ) {
        let (x0, top) = (self.left(), self.y);
        if let Some(fill) = fill {
            self.push(Op::Rect { x: x0, y: top, w: self.width(), h, fill });
        }
        let mut x = x0;
        for ((lines, w), col) in cells.iter().zip(widths).zip(cols) {
            let mut y = top + CELL_PAD_Y;
            for line in lines {
                let tx = match col.align {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + w - CELL_PAD_X - self.fonts.width(line, size, weight),
                };
                self.text_at(tx, y, line, size, weight, TEXT);
                y += Self::line_height(size);
            }
            x += w;
        }
        self.y = top + h;
    }
}

/// Cuts rows of `heights` into pages: the first page has `first_room` points, later pages
/// `page_room`, and every page repeats a header of `head` points. A table that cannot show its
/// header and two rows (or its only row) in the first room starts on a fresh page (the `bool`);
/// a last page holding a single row takes one more from the page before when that one can
/// spare it.
pub fn paginate(heights: &[f32], head: f32, first_room: f32, page_room: f32) -> (bool, Vec<std::ops::Range<usize>>) {
    let n = heights.len();
    let lead: f32 = heights.iter().take(2).sum();
    let fresh = head + lead > first_room;
    let mut room = if fresh { page_room } else { first_room };
    let mut chunks = Vec::new();
    if n == 0 {
        return (fresh, chunks);
    }
    let mut start = 0;
    let mut used = head;
    for (i, h) in heights.iter().enumerate() {
        // A row is always placed on a page that has none yet, even if it does not fit.
        if used + h > room && i > start {
            chunks.push(start..i);
            start = i;
            used = head;
            room = page_room;
        }
        used += h;
    }
    chunks.push(start..n);
    let k = chunks.len();
    if k >= 2 && chunks[k - 1].len() == 1 && chunks[k - 2].len() >= 3 {
        chunks[k - 2].end -= 1;
        chunks[k - 1].start -= 1;
    }
    (fresh, chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("fonts")
    }

    fn check_wrap(text: &str, max_chars: usize, expected: &[&str]) {
        // Width in multiples of the width of "0" keeps the cases readable.
        let f = fonts();
        let max = f.width(&"0".repeat(max_chars), 10.0, Weight::Regular);
        assert_eq!(wrap(f, text, 10.0, Weight::Regular, max), expected, "{text:?}");
    }

    #[test]
    fn wraps_on_spaces_only() {
        check_wrap("", 10, &[""]);
        check_wrap("short", 10, &["short"]);
        check_wrap("one two three four", 10, &["one two", "three four"]);
        check_wrap("1.5\u{a0}mg 1.5\u{a0}mg 1.5\u{a0}mg", 8, &["1.5\u{a0}mg", "1.5\u{a0}mg", "1.5\u{a0}mg"]);
        check_wrap("a-b-c-d-e-f-g-h", 20, &["a-b-c-d-e-f-g-h"]);
        check_wrap("line one\nline two", 40, &["line one", "line two"]);
        check_wrap("0000000000000000", 8, &["00000000", "00000000"]);
    }

    fn check_pages(heights: &[f32], first_room: f32, fresh: bool, expected: &[(usize, usize)]) {
        let (got_fresh, chunks) = paginate(heights, 10.0, first_room, 100.0);
        let got: Vec<(usize, usize)> = chunks.iter().map(|r| (r.start, r.end)).collect();
        assert_eq!((got_fresh, got), (fresh, expected.to_vec()), "{heights:?} first room {first_room}");
    }

    #[test]
    fn paginates_without_orphan_rows() {
        check_pages(&[], 100.0, false, &[]);
        check_pages(&[10.0; 3], 100.0, false, &[(0, 3)]);
        // 9 rows fit a page (10 + 9 × 10); with 10 rows the last one does not stay alone.
        check_pages(&[10.0; 9], 100.0, false, &[(0, 9)]);
        check_pages(&[10.0; 10], 100.0, false, &[(0, 8), (8, 10)]);
        check_pages(&[10.0; 20], 100.0, false, &[(0, 9), (9, 18), (18, 20)]);
        check_pages(&[10.0; 19], 100.0, false, &[(0, 9), (9, 17), (17, 19)]);
        // Too little room for the header and two rows: the table starts on the next page.
        check_pages(&[10.0; 5], 25.0, true, &[(0, 5)]);
        check_pages(&[10.0], 15.0, true, &[(0, 1)]);
        // Room for the header and two rows exactly.
        check_pages(&[10.0; 5], 30.0, false, &[(0, 2), (2, 5)]);
        // A row taller than a page still gets a page of its own.
        check_pages(&[150.0, 10.0, 10.0], 100.0, true, &[(0, 1), (1, 3)]);
    }

    #[test]
    fn tables_repeat_their_header_on_every_page() {
        let f = fonts();
        let mut flow = Flow::new(f, PageSize { width: 595.0, height: 842.0 });
        let rows = (0..100).map(|i| vec![format!("row {i}"), "x".into()]).collect();
        flow.table(&Table { columns: vec![Column::left("Date", 1.0), Column::right("Dose", 1.0)], rows, size: 8.0 });
        assert!(flow.pages.len() >= 2);
        for (k, page) in flow.pages.iter().enumerate() {
            let texts: Vec<&str> = page
                .iter()
                .filter_map(|o| match o {
                    Op::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(texts.first(), Some(&"Date"), "page {k} starts with the header");
            assert!(texts.iter().filter(|t| t.starts_with("row ")).count() >= 2, "page {k} has an orphan row");
        }
    }

    #[test]
    fn a_heading_stays_with_its_table() {
        let f = fonts();
        for start in (400..800).step_by(7) {
            let mut flow = Flow::new(f, PageSize { width: 595.0, height: 842.0 });
            flow.text_at(MARGIN_X, CONTENT_TOP, "before", 8.0, Weight::Regular, TEXT);
            flow.y = start as f32;
            let rows = (0..5).map(|i| vec![format!("row {i}"), "two\nlines".into()]).collect();
            let t = Table { columns: vec![Column::left("Date", 1.0), Column::right("Dose", 1.0)], rows, size: 8.0 };
            flow.titled_table("Title", 11.0, &t);
            let page_of = |needle: &str| {
                flow.pages.iter().position(|p| p.iter().any(|o| matches!(o, Op::Text { text, .. } if text == needle)))
            };
            assert_eq!(page_of("Title"), page_of("Date"), "heading alone at y = {start}");
            assert_eq!(page_of("Title"), page_of("row 1"), "heading with one row at y = {start}");
        }
    }
}
