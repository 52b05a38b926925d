//! Tables: columns sized to their content, cells wrapped within their column, rows cut into
//! pages that repeat the header and leave no orphan row. In the tagged PDF the header row's
//! cells are column headers; a header repeated on a later page is an artifact, so a screen
//! reader meets each table's header once.

use super::fonts::Weight;
use super::layout::{Align, Block, CONTENT_TOP, Flow, HEADER_FILL, Op, RULE, Rgb, STRIPE, TextStyle};
use super::wrap::wrap;

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

impl Table {
    /// The header's text: bold.
    fn head_style(&self) -> TextStyle {
        TextStyle::regular(self.size).bold()
    }

    fn cell_style(&self) -> TextStyle {
        TextStyle::regular(self.size)
    }
}

const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;

/// A table's wrapped cells and row heights.
#[derive(Debug)]
struct Measured {
    widths: Vec<f32>,
    head: Vec<Vec<String>>,
    head_h: f32,
    rows: Vec<Vec<Vec<String>>>,
    heights: Vec<f32>,
}

/// One row to draw: its wrapped cells, height, text style and background.
struct Row<'a> {
    cells: &'a [Vec<String>],
    height: f32,
    style: TextStyle,
    fill: Option<Rgb>,
    kind: RowKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Header,
    /// The header again, on a page the table continues on.
    RepeatedHeader,
    Body,
}

impl Flow<'_> {
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
        let head = cell_lines(&titles, t.head_style().weight);
        let head_h = height(&head);
        let rows: Vec<Vec<Vec<String>>> = t.rows.iter().map(|r| cell_lines(r, t.cell_style().weight)).collect();
        let heights: Vec<f32> = rows.iter().map(|r| height(r)).collect();
        Measured { widths, head, head_h, rows, heights }
    }

    fn place(&mut self, t: &Table, m: &Measured) {
        let Measured { widths, head, head_h, rows, heights } = m;
        let (widths, head_h) = (widths.as_slice(), *head_h);
        let header = |kind| Row { cells: head, height: head_h, style: t.head_style(), fill: Some(HEADER_FILL), kind };
        let (fresh, chunks) = paginate(heights, head_h, self.room(), self.bottom() - CONTENT_TOP);
        if fresh {
            self.fresh_page();
        }
        if chunks.is_empty() {
            self.need(head_h);
        }
        self.begin(Block::Table);
        for (k, chunk) in chunks.iter().enumerate() {
            if k > 0 {
                self.new_page();
            }
            self.table_row(t, widths, &header(if k == 0 { RowKind::Header } else { RowKind::RepeatedHeader }));
            for i in chunk.clone() {
                let fill = (i % 2 == 1).then_some(STRIPE);
                let row = Row { cells: &rows[i], height: heights[i], style: t.cell_style(), fill, kind: RowKind::Body };
                self.table_row(t, widths, &row);
            }
        }
        if chunks.is_empty() {
            self.table_row(t, widths, &header(RowKind::Header));
        }
        self.end();
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
                let cells = t.rows.iter().filter_map(|r| r.get(i)).map(|x| longest(x, t.cell_style().weight));
                cells.fold(longest(&c.title, t.head_style().weight), f32::max) + 2.0 * CELL_PAD_X + 0.5
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

    fn table_row(&mut self, t: &Table, widths: &[f32], row: &Row<'_>) {
        let (x0, top) = (self.left(), self.y);
        let cell = match row.kind {
            RowKind::RepeatedHeader => {
                self.begin(Block::Artifact);
                None
            }
            RowKind::Header => Some(Block::HeaderCell),
            RowKind::Body => Some(Block::Cell),
        };
        if cell.is_some() {
            self.begin(Block::Row);
        }
        if let Some(fill) = row.fill {
            self.push(Op::Rect { x: x0, y: top, w: self.width(), h: row.height, fill });
        }
        let mut x = x0;
        for ((lines, w), col) in row.cells.iter().zip(widths).zip(&t.columns) {
            if let Some(c) = &cell {
                self.begin(c.clone());
            }
            let mut y = top + CELL_PAD_Y;
            for line in lines {
                let tx = match col.align {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + w - CELL_PAD_X - row.style.width(self.fonts, line),
                };
                self.text_at(tx, y, line, row.style);
                y += Self::line_height(row.style.size);
            }
            if cell.is_some() {
                self.end();
            }
            x += w;
        }
        self.end();
        self.y = top + row.height;
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
    use crate::report::fonts::Fonts;
    use crate::report::layout::{MARGIN_X, PageSize};

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("fonts")
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
            flow.text_at(MARGIN_X, CONTENT_TOP, "before", TextStyle::regular(8.0));
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
