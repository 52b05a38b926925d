//! The two embedded fonts: measuring text for layout, turning it into glyphs for krilla, and
//! the font database the chart SVGs are rendered with.
//!
//! Text is mapped to glyphs one character at a time (cmap + horizontal advance, no kerning),
//! so the width the layout measures is exactly the width drawn. A character the font lacks
//! (emoji, CJK) is drawn as [`crate::text::REPLACEMENT`] and keeps its own text in the PDF.

use std::sync::{Arc, OnceLock};

use krilla::text::{Font, GlyphId, KrillaGlyph};

static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name the charts ask for; it must match the embedded fonts.
pub const FAMILY: &str = "DejaVu Sans";

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One embedded font: the parsed face for metrics and the krilla font for drawing.
struct Face {
    face: ttf_parser::Face<'static>,
    font: Font,
    units_per_em: f32,
    /// The glyph drawn for characters the font lacks.
    replacement: ttf_parser::GlyphId,
    /// Glyph (0: none) and advance of every character below [`CACHED`], looked up once: the
    /// layout measures each word several times and a ten-year report has a million characters.
    cache: Vec<(u16, f32)>,
}

/// Characters below this (Latin, Greek, Cyrillic, punctuation, arrows, symbols) are cached.
const CACHED: u32 = 0x3000;

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Face")
    }
}

impl Face {
    fn load(data: &'static [u8]) -> crate::Result<Self> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| crate::Error::report(format!("embedded font: {e}")))?;
        let font = Font::new(data.into(), 0).ok_or_else(|| crate::Error::report("embedded font unreadable"))?;
        let units_per_em = f32::from(face.units_per_em());
        let replacement = [crate::text::REPLACEMENT, '?']
            .into_iter()
            .find_map(|c| face.glyph_index(c))
            .ok_or_else(|| crate::Error::report("embedded font has no replacement glyph"))?;
        let mut f = Self { face, font, units_per_em, replacement, cache: Vec::new() };
        f.cache = (0..CACHED).map(|u| char::from_u32(u).map_or((0, 0.0), |c| f.lookup(c))).collect();
        Ok(f)
    }

    /// The character's glyph (0 when the font lacks it) and advance in em, from the font.
    fn lookup(&self, c: char) -> (u16, f32) {
        let id = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        (id.0, self.face.glyph_hor_advance(id).map_or(0.0, f32::from) / self.units_per_em)
    }

    fn cached(&self, c: char) -> (u16, f32) {
        self.cache.get(c as usize).copied().unwrap_or_else(|| self.lookup(c))
    }

    fn has(&self, c: char) -> bool {
        self.cached(c).0 != 0
    }

    fn glyph(&self, c: char) -> (u16, f32) {
        match self.cached(c) {
            (0, _) => self.lookup_id(self.replacement),
            found => found,
        }
    }

    fn lookup_id(&self, id: ttf_parser::GlyphId) -> (u16, f32) {
        (id.0, self.face.glyph_hor_advance(id).map_or(0.0, f32::from) / self.units_per_em)
    }

    /// One glyph and advance per piece of `text` (see [`crate::text::clusters`]).
    fn pieces(&self, text: &str) -> Vec<(std::ops::Range<usize>, u16, f32)> {
        if text.chars().all(|c| self.has(c)) {
            return text
                .char_indices()
                .map(|(i, c)| {
                    let (id, adv) = self.glyph(c);
                    (i..i + c.len_utf8(), id, adv)
                })
                .collect();
        }
        crate::text::clusters(text, |c| self.has(c))
            .into_iter()
            .map(|(range, c)| {
                let (id, adv) = self.glyph(c);
                (range, id, adv)
            })
            .collect()
    }
}

/// Both weights, loaded once per process.
#[derive(Debug)]
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub fn get() -> crate::Result<&'static Fonts> {
        static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    regular: Face::load(REGULAR_TTF).map_err(|e| e.to_string())?,
                    bold: Face::load(BOLD_TTF).map_err(|e| e.to_string())?,
                })
            })
            .as_ref()
            .map_err(crate::Error::report)
    }

    fn face(&self, w: Weight) -> &Face {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub fn krilla(&self, w: Weight) -> Font {
        self.face(w).font.clone()
    }

    /// Width of `text` at `size` points, as drawn (see [`crate::text::drawable`]).
    pub fn width(&self, text: &str, size: f32, w: Weight) -> f32 {
        let face = self.face(w);
        let text = crate::text::drawable(text);
        // Without a character the font lacks, each character is one glyph (no allocation).
        let advance: f32 = if text.chars().all(|c| face.has(c)) {
            text.chars().map(|c| face.glyph(c).1).sum()
        } else {
            face.pieces(&text).iter().map(|p| p.2).sum()
        };
        advance * size
    }

    /// Whether some of `text` (as drawn, see [`crate::text::drawable`]) is drawn as the
    /// replacement mark in weight `w`, or left out.
    pub fn lacks_any(&self, text: &str, w: Weight) -> bool {
        let face = self.face(w);
        crate::text::drawable(text).chars().any(|c| !face.has(c))
    }

    /// `text` as drawn in weight `w`: what the font lacks replaced by the replacement mark (see
    /// [`crate::text::substitute`]). Every mark then stands for U+FFFD in the PDF's text layer,
    /// and the tagged PDF gives the original as the ActualText of the line.
    pub fn substitute<'s>(&self, text: &'s str, w: Weight) -> std::borrow::Cow<'s, str> {
        let face = self.face(w);
        crate::text::substitute(text, |c| face.has(c))
    }

    /// A chart's SVG with what the fonts cannot draw replaced (see [`crate::text::substitute`]);
    /// the markup itself is ASCII, which is never touched.
    pub fn substitute_svg<'s>(&self, svg: &'s str) -> std::borrow::Cow<'s, str> {
        crate::text::substitute(svg, |c| c.is_ascii() || (self.regular.has(c) && self.bold.has(c)))
    }

    /// The glyphs of `text`, one per character, with their byte ranges so the PDF maps each
    /// glyph back to its character (copy and paste, search, text extraction).
    pub fn glyphs(&self, text: &str, w: Weight) -> Vec<KrillaGlyph> {
        self.face(w)
            .pieces(text)
            .into_iter()
            .map(|(range, id, adv)| KrillaGlyph::new(GlyphId::new(u32::from(id)), adv, 0.0, 0.0, 0.0, range, None))
            .collect()
    }
}

/// The font database for chart SVGs: only the embedded fonts, with sans-serif pointing at
/// them. Without that mapping usvg finds no font and silently drops every label.
pub fn svg_fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR_TTF.to_vec());
        db.load_font_data(BOLD_TTF.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_maps_every_character_it_is_given() {
        let f = Fonts::get().expect("fonts");
        assert!(f.width("Zoë Ñúñez 0.5 µg ≥ 3", 10.0, Weight::Regular) > 50.0);
        assert!(f.width("abc", 10.0, Weight::Bold) > f.width("abc", 10.0, Weight::Regular));
        assert_eq!(f.width("", 10.0, Weight::Regular), 0.0);
        // Every character of the report's own vocabulary has a real glyph (0 is "missing").
        for c in "µ≥≤−–—·…ÀÉÎÕÜßñçøåæœ\u{a0}".chars() {
            assert_ne!(f.regular.glyph(c).0, 0, "{c:?} has no glyph");
        }
        let glyphs = f.glyphs("aµb", Weight::Regular);
        let ranges: Vec<_> = glyphs.iter().map(|g| g.text_range.clone()).collect();
        assert_eq!(ranges, vec![0..1, 1..3, 3..4]);
    }

    /// What DejaVu lacks is drawn as a visible replacement mark, never as glyph 0 (".notdef",
    /// which PDF/UA refuses), and measured as drawn.
    #[test]
    fn emoji_and_cjk_get_a_visible_replacement() {
        let f = Fonts::get().expect("fonts");
        for w in [Weight::Regular, Weight::Bold] {
            assert_ne!(f.face(w).replacement.0, 0);
            let glyphs = f.glyphs("💊 D 维生素", w);
            assert_eq!(glyphs.len(), 7);
            assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0), "{glyphs:?}");
            assert_eq!(glyphs[0].glyph_id, glyphs[4].glyph_id, "one mark for each");
            assert!(f.lacks_any("💊", w) && !f.lacks_any("Zoë ≥ µg", w) && !f.lacks_any("a\tb\u{1}", w));
            let one = f.width("\u{fffd}", 10.0, w);
            assert!(one > 0.0);
            assert!((f.width("👍🏽", 10.0, w) - one).abs() < 1e-3, "a modified emoji is one mark");
        }
        assert_eq!(f.substitute_svg("<text>💊 D\n</text>"), "<text>\u{fffd} D\n</text>");
    }

    #[test]
    fn svg_fonts_answer_to_sans_serif() {
        let db = svg_fontdb();
        let q = usvg::fontdb::Query { families: &[usvg::fontdb::Family::SansSerif], ..Default::default() };
        assert!(db.query(&q).is_some());
    }
}
