//! Draws laid-out pages into a PDF with krilla: the running header and footer on every page,
//! the document metadata, and the chart SVGs as vector graphics.
//!
//! The PDF is tagged and checked against PDF/UA-1 by krilla's validator: the layout's blocks
//! ([`Block`]) become the structure tree (headings, paragraphs, lists, tables with column
//! headers, figures with alternate text), headings and charts become bookmarks, the running
//! header and footer are artifacts except the no-advice line on page 1, which is read after
//! the title. Should the check refuse some input, the same pages are written untagged and
//! [`Written::untagged`] says why: an export never fails because of what the patient typed.

use std::num::NonZeroU16;

use chrono::{Datelike, NaiveDateTime, Timelike};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder, ValidationError};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::fonts::Fonts;
use super::layout::{Block, CONTENT_BOTTOM_GAP, MARGIN_X, Op, PageSize, RULE, Rgb, TextStyle};

/// The document's language, for the metadata and the structure tree.
const LANG: &str = "en";

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

/// A written PDF and, when it could not be tagged, why.
#[derive(Debug)]
pub struct Written {
    pub pdf: Vec<u8>,
    pub untagged: Option<String>,
}

fn report_err(e: impl std::fmt::Debug) -> crate::Error {
    crate::Error::report(format!("{e:?}"))
}

/// Writes `pages` (drawing operations from the layout) as a tagged PDF/UA-1 document, or as an
/// untagged one when the accessibility check refuses it.
pub fn write(
    fonts: &Fonts,
    size: PageSize,
    pages: &[Vec<Op>],
    svgs: &[usvg::Tree],
    frame: &Frame<'_>,
) -> crate::Result<Written> {
    match write_as(fonts, size, pages, svgs, frame, true)? {
        Ok(pdf) => Ok(Written { pdf, untagged: None }),
        Err(refused) => {
            let pdf = write_as(fonts, size, pages, svgs, frame, false)?.map_err(report_err)?;
            Ok(Written { pdf, untagged: Some(why_untagged(&refused)) })
        }
    }
}

/// The outer error is a drawing failure; the inner one krilla's refusal to finish the file.
fn write_as(
    fonts: &Fonts,
    size: PageSize,
    pages: &[Vec<Op>],
    svgs: &[usvg::Tree],
    frame: &Frame<'_>,
    tagged: bool,
) -> crate::Result<Result<Vec<u8>, KrillaError>> {
    let mut settings = SerializeSettings { enable_tagging: tagged, ..Default::default() };
    if tagged {
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(report_err)?;
    }
    let mut doc = Document::new_with(settings);
    let mut tags = Tagger::default();
    let n = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(size.width, size.height).ok_or_else(|| report_err("page size out of range"))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let [header, rule, page_no] = running_frame(fonts, size, frame, i + 1, n);
        tags.artifact(&mut surface, fonts, svgs, ArtifactType::Header, &header)?;
        tags.artifact(&mut surface, fonts, svgs, ArtifactType::Footer, &rule)?;
        let advice = advice(size, frame);
        if i == 0 {
            // Real text on page 1, read after the title; an artifact on the other pages.
            let id = tags.span(&mut surface, fonts, &advice)?;
            tags.advice = Some(TagGroup::with_children(Tag::P, vec![id.into()]));
        } else {
            tags.artifact(&mut surface, fonts, svgs, ArtifactType::Footer, std::slice::from_ref(&advice))?;
        }
        tags.artifact(&mut surface, fonts, svgs, ArtifactType::Footer, &page_no)?;
        for (k, op) in ops.iter().enumerate() {
            tags.op(&mut surface, fonts, svgs, op, i, &ops[k + 1..])?;
        }
        tags.close(&mut surface);
        surface.finish();
        page.finish();
    }
    let (tree, outline) = tags.finish();
    doc.set_tag_tree(tree);
    doc.set_outline(outline);
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
            .language(LANG.into())
            .creation_date(created),
    );
    // Tags make thousands of small objects; packed, the file keeps its size budget.
    Ok(doc.finish().map(|pdf| super::pack::pack(&pdf).unwrap_or(pdf)))
}

/// Why the accessibility check refused the file, in words a patient can read.
fn why_untagged(e: &KrillaError) -> String {
    let KrillaError::Validation(errors) = e else {
        return "the accessibility tags could not be written".into();
    };
    let mut reasons: Vec<&str> = errors
        .iter()
        .map(|(e, _)| match e {
            ValidationError::ContainsNotDefGlyph(..)
            | ValidationError::NoCodepointMapping(..)
            | ValidationError::InvalidCodepointMapping(..)
            | ValidationError::UnicodePrivateArea(..) => "some text has characters the embedded font cannot show",
            ValidationError::TooLongString => "a text is too long for a PDF string",
            _ => "the accessibility check (PDF/UA-1) refused the document",
        })
        .collect();
    reasons.dedup();
    reasons.join("; ")
}

/// The kind of marked content open on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    /// Text of the innermost open block, at this depth of the block stack.
    Text(usize),
    /// Part of the figure at this depth.
    Figure(usize),
    Artifact(ArtifactKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArtifactKind {
    Header,
    Footer,
    Layout,
    Pagination,
}

impl ArtifactKind {
    fn tag(self) -> ContentTag<'static> {
        let kind = match self {
            Self::Header => ArtifactType::Header,
            Self::Footer => ArtifactType::Footer,
            Self::Layout => ArtifactType::Layout,
            Self::Pagination => ArtifactType::PaginationOther,
        };
        ContentTag::Artifact(Artifact::with_kind(kind))
    }
}

/// An open block: its tag group (none for an artifact) and, for a heading or chart, its bookmark.
#[derive(Debug)]
struct Open {
    group: Option<TagGroup>,
    figure: bool,
}

/// Builds the structure tree and the outline while the pages are drawn.
#[derive(Debug, Default)]
struct Tagger {
    root: Vec<Node>,
    stack: Vec<Open>,
    marked: Option<Marked>,
    /// The no-advice line of page 1, placed after the title.
    advice: Option<TagGroup>,
    /// Level-1 bookmarks with their level-2 children.
    outline: Vec<(OutlineNode, Vec<OutlineNode>)>,
}

impl Tagger {
    fn close(&mut self, s: &mut Surface<'_>) {
        if self.marked.take().is_some() {
            s.end_tagged();
        }
    }

    /// Adds a content identifier to the innermost open group (a paragraph of its own at the top).
    fn attach(&mut self, id: Identifier) {
        match self.stack.iter_mut().rev().find_map(|o| o.group.as_mut()) {
            Some(g) => g.push(id),
            None => self.root.push(TagGroup::with_children(Tag::P, vec![id.into()]).into()),
        }
    }

    /// Makes `want` the open marked content, starting it unless it already is.
    fn mark(&mut self, s: &mut Surface<'_>, want: Marked) {
        if self.marked == Some(want) {
            return;
        }
        self.close(s);
        let id = match want {
            Marked::Artifact(kind) => {
                s.start_tagged(kind.tag());
                None
            }
            Marked::Text(_) => Some(s.start_tagged(ContentTag::Span(SpanTag::empty()))),
            Marked::Figure(_) => Some(s.start_tagged(ContentTag::Other)),
        };
        if let Some(id) = id {
            self.attach(id);
        }
        self.marked = Some(want);
    }

    fn artifact(
        &mut self,
        s: &mut Surface<'_>,
        fonts: &Fonts,
        svgs: &[usvg::Tree],
        kind: ArtifactType,
        ops: &[Op],
    ) -> crate::Result<()> {
        let kind = if kind == ArtifactType::Header { ArtifactKind::Header } else { ArtifactKind::Footer };
        self.mark(s, Marked::Artifact(kind));
        for op in ops {
            draw(s, fonts, op, svgs)?;
        }
        self.close(s);
        Ok(())
    }

    /// Draws a text as a span of its own; text the font lacks keeps its original as ActualText.
    fn span(&mut self, s: &mut Surface<'_>, fonts: &Fonts, op: &Op) -> crate::Result<Identifier> {
        self.close(s);
        let original = match op {
            Op::Text { text, style, .. } if fonts.lacks_any(text, style.weight) => Some(crate::text::drawable(text)),
            _ => None,
        };
        let id = s.start_tagged(ContentTag::Span(SpanTag::empty().with_actual_text(original.as_deref())));
        let drawn = draw(s, fonts, op, &[]);
        s.end_tagged();
        drawn.map(|()| id)
    }

    fn in_artifact(&self) -> bool {
        self.stack.iter().any(|o| o.group.is_none())
    }

    fn figure_depth(&self) -> Option<usize> {
        self.stack.iter().position(|o| o.figure)
    }

    fn op(
        &mut self,
        s: &mut Surface<'_>,
        fonts: &Fonts,
        svgs: &[usvg::Tree],
        op: &Op,
        page: usize,
        rest: &[Op],
    ) -> crate::Result<()> {
        match op {
            Op::Begin(block) => {
                self.close(s);
                if let Block::Heading { level, title } = block {
                    self.bookmark(*level, title, page, rest);
                }
                if let Block::Figure { bookmark: Some(title), .. } = block {
                    self.bookmark(2, title, page, rest);
                }
                let group = tag(block).map(TagGroup::new);
                self.stack.push(Open { group, figure: matches!(block, Block::Figure { .. }) });
            }
            Op::End => {
                self.close(s);
                if let Some(Open { group: Some(g), .. }) = self.stack.pop() {
                    let title = matches!(&g.tag, TagKind::Hn(h) if h.level().get() == 1);
                    match self.stack.iter_mut().rev().find_map(|o| o.group.as_mut()) {
                        Some(parent) => parent.push(g),
                        None => self.root.push(g.into()),
                    }
                    if title && let Some(advice) = self.advice.take() {
                        self.root.push(advice.into());
                    }
                }
            }
            Op::Text { text, style, .. } => {
                let depth = self.stack.len();
                if self.in_artifact() {
                    self.mark(s, Marked::Artifact(ArtifactKind::Pagination));
                } else if let Some(f) = self.figure_depth() {
                    self.mark(s, Marked::Figure(f));
                } else if fonts.lacks_any(text, style.weight) {
                    let id = self.span(s, fonts, op)?;
                    self.attach(id);
                    return Ok(());
                } else {
                    self.mark(s, Marked::Text(depth));
                }
                draw(s, fonts, op, svgs)?;
            }
            Op::Rect { .. } | Op::Line { .. } | Op::Svg { .. } => {
                match self.figure_depth() {
                    Some(f) => self.mark(s, Marked::Figure(f)),
                    None if matches!(op, Op::Svg { .. }) => {
                        // Every picture is a figure in the layout; one outside is still content.
                        self.close(s);
                        self.stack
                            .push(Open { group: Some(TagGroup::new(Tag::Figure(Some("Chart".into())))), figure: true });
                        self.mark(s, Marked::Figure(self.stack.len() - 1));
                        draw(s, fonts, op, svgs)?;
                        return self.op(s, fonts, svgs, &Op::End, page, rest);
                    }
                    None => self.mark(s, Marked::Artifact(ArtifactKind::Layout)),
                }
                draw(s, fonts, op, svgs)?;
            }
        }
        Ok(())
    }

    /// A bookmark to what follows on `page`: the title, with the sections and charts under it.
    fn bookmark(&mut self, level: u16, title: &str, page: usize, rest: &[Op]) {
        let top = rest
            .iter()
            .find_map(|op| match op {
                Op::Text { y, style, .. } => Some(y - style.size),
                Op::Svg { y, .. } | Op::Rect { y, .. } => Some(*y),
                _ => None,
            })
            .unwrap_or(0.0);
        let text = title.replace('\u{a0}', " ");
        let node = OutlineNode::new(text, XyzDestination::new(page, Point::from_xy(0.0, (top - 6.0).max(0.0))));
        match self.outline.last_mut() {
            Some((_, children)) if level > 1 => children.push(node),
            _ => self.outline.push((node.with_open(true), Vec::new())),
        }
    }

    fn finish(mut self) -> (TagTree, Outline) {
        while let Some(open) = self.stack.pop() {
            if let Some(g) = open.group {
                match self.stack.iter_mut().rev().find_map(|o| o.group.as_mut()) {
                    Some(parent) => parent.push(g),
                    None => self.root.push(g.into()),
                }
            }
        }
        let mut tree = TagTree::new().with_lang(Some(LANG.into()));
        if let Some(advice) = self.advice.take() {
            tree.push(advice);
        }
        for node in self.root {
            tree.push(node);
        }
        let mut outline = Outline::new();
        for (mut node, children) in self.outline {
            for child in children {
                node.push_child(child);
            }
            outline.push_child(node);
        }
        (tree, outline)
    }
}

/// The structure tag of a block; `None` for an artifact.
fn tag(block: &Block) -> Option<TagKind> {
    Some(match block {
        Block::Heading { level, title } => {
            Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(title.replace('\u{a0}', " "))).into()
        }
        Block::Paragraph => Tag::P.into(),
        Block::List => Tag::L(ListNumbering::Disc).into(),
        Block::Item => Tag::LI.into(),
        Block::Label => Tag::Lbl.into(),
        Block::Body => Tag::LBody.into(),
        Block::Table => Tag::Table.into(),
        Block::Row => Tag::TR.into(),
        Block::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Block::Cell => Tag::TD.into(),
        Block::Figure { alt, .. } => Tag::Figure(Some(alt.clone())).into(),
        Block::Artifact => return None,
    })
}

const FRAME_TEXT: TextStyle = TextStyle::regular(8.0).muted();
const HEAD_Y: f32 = 36.0;

fn foot_y(size: PageSize) -> f32 {
    size.height - CONTENT_BOTTOM_GAP + 30.0
}

/// The running header (title and range, with a rule under it), the rule above the footer, and
/// the page number; the no-advice line between the last two is [`advice`].
fn running_frame(fonts: &Fonts, size: PageSize, f: &Frame<'_>, page: usize, pages: usize) -> [Vec<Op>; 3] {
    let (left, right) = (MARGIN_X, size.width - MARGIN_X);
    let small = FRAME_TEXT;
    let text = |x: f32, y: f32, t: &str, style: TextStyle| Op::Text { x, y, style, text: t.into() };
    let foot_y = foot_y(size);
    let page_no = format!("Page {page} of {pages}");
    [
        vec![
            text(left, HEAD_Y, f.header_left, small.bold()),
            text(right - small.width(fonts, f.header_right), HEAD_Y, f.header_right, small),
            Op::Line { x1: left, y1: HEAD_Y + 6.0, x2: right, y2: HEAD_Y + 6.0, width: 0.5, color: RULE },
        ],
        vec![Op::Line { x1: left, y1: foot_y - 12.0, x2: right, y2: foot_y - 12.0, width: 0.5, color: RULE }],
        vec![text(right - small.width(fonts, &page_no), foot_y, &page_no, small)],
    ]
}

/// The no-advice line at the foot of every page.
fn advice(size: PageSize, f: &Frame<'_>) -> Op {
    Op::Text { x: MARGIN_X, y: foot_y(size), style: FRAME_TEXT, text: f.footer.into() }
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn draw(s: &mut Surface<'_>, fonts: &Fonts, op: &Op, svgs: &[usvg::Tree]) -> crate::Result<()> {
    match op {
        Op::Begin(_) | Op::End => {}
        Op::Text { x, y, style, text } => {
            if text.is_empty() {
                return Ok(());
            }
            s.set_stroke(None);
            s.set_fill(Some(Fill { paint: color(style.color), opacity: NormalizedF32::ONE, rule: Default::default() }));
            // Whatever is stored, only drawable characters reach the PDF (and its text layer);
            // what the font lacks is drawn as the replacement mark (the original is the span's
            // ActualText, see `Tagger::span`).
            let text = crate::text::drawable(text);
            let text = fonts.substitute(&text, style.weight);
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

    /// When the accessibility check refuses the file (here: a chart whose text was not passed
    /// through the font's substitution, so it draws glyphs the font lacks), the same pages are
    /// written untagged and the reason is given: never no PDF at all.
    #[test]
    fn a_refused_check_still_writes_an_untagged_pdf() {
        use crate::report::fonts::Fonts;
        use crate::report::layout::{Block, Op, PageSize, TextStyle};
        let fonts = Fonts::get().expect("fonts");
        let svg = "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='50'>\
                   <text x='5' y='30' font-size='14'>💊 维生素</text></svg>";
        let tree = super::parse_svg(svg).expect("svg");
        let page = vec![
            Op::Begin(Block::Heading { level: 1, title: "Title".into() }),
            Op::Text { x: 48.0, y: 80.0, style: TextStyle::regular(12.0), text: "Title 💊".into() },
            Op::End,
            Op::Begin(Block::Figure { alt: "A chart".into(), bookmark: None }),
            Op::Svg { index: 0, x: 48.0, y: 100.0, w: 200.0, h: 50.0 },
            Op::End,
        ];
        let frame = super::Frame {
            header_left: "h",
            header_right: "r",
            footer: "f",
            title: "t",
            created: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("date"),
        };
        let size = PageSize { width: 300.0, height: 300.0 };
        let written = super::write(fonts, size, std::slice::from_ref(&page), std::slice::from_ref(&tree), &frame)
            .expect("a PDF is written");
        assert!(written.pdf.starts_with(b"%PDF-"));
        assert_eq!(written.untagged.as_deref(), Some("some text has characters the embedded font cannot show"));
        // With the chart's text substituted, the same page passes.
        let tree = super::parse_svg(&fonts.substitute_svg(svg)).expect("svg");
        let written = super::write(fonts, size, &[page], &[tree], &frame).expect("a PDF is written");
        assert_eq!(written.untagged, None);
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
