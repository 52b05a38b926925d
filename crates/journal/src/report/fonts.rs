//! The two embedded fonts: measuring text for layout, turning it into glyphs for krilla, and
//! the font database the chart SVGs are rendered with.
//!
//! Text is mapped to glyphs one character at a time (cmap + horizontal advance, no kerning),
//! so the width the layout measures is exactly the width drawn.

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
}

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
        Ok(Self { face, font, units_per_em })
    }

    fn glyph(&self, c: char) -> (u16, f32) {
        let id = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let adv = self.face.glyph_hor_advance(id).map_or(0.0, f32::from) / self.units_per_em;
        (id.0, adv)
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
        crate::text::drawable(text).chars().map(|c| face.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs of `text`, one per character, with their byte ranges so the PDF maps each
    /// glyph back to its character (copy and paste, search, text extraction).
    pub fn glyphs(&self, text: &str, w: Weight) -> Vec<KrillaGlyph> {
        let face = self.face(w);
        text.char_indices()
            .map(|(i, c)| {
                let (id, adv) = face.glyph(c);
                KrillaGlyph::new(GlyphId::new(u32::from(id)), adv, 0.0, 0.0, 0.0, i..i + c.len_utf8(), None)
            })
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

    #[test]
    fn svg_fonts_answer_to_sans_serif() {
        let db = svg_fontdb();
        let q = usvg::fontdb::Query { families: &[usvg::fontdb::Family::SansSerif], ..Default::default() };
        assert!(db.query(&q).is_some());
    }
}
