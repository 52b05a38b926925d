//! Colours and type sizes shared by every chart.
//!
//! Series colours come from the Okabe–Ito palette (Okabe & Ito, 2008), chosen to stay
//! distinguishable with the common forms of colour blindness. Ordered scales (sleep quality,
//! wellbeing) use viridis, which is perceptually uniform, readable in grey and carries no
//! red/green "good/bad" meaning.

use plotters::style::RGBColor;

use super::Theme;

/// Type sizes in SVG pixels.
pub(crate) const TITLE_PX: f64 = 15.0;
pub(crate) const LABEL_PX: f64 = 14.0;
pub(crate) const SMALL_PX: f64 = 12.0;

/// Opacity of the band around a median line (the middle half): light enough that two
/// overlapping bands and the lines through them stay readable.
pub(crate) const BAND_ALPHA: f64 = 0.18;

const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);
const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

#[derive(Debug, Clone)]
pub(crate) struct Palette {
    pub theme: Theme,
    pub background: RGBColor,
    /// Text, the dose line and axis lines.
    pub fg: RGBColor,
    /// Secondary text, tick marks, change markers.
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Series colours in the order they are handed out; yellow (light) and blue (dark) come
    /// last because they have the least contrast with the background.
    pub series: [RGBColor; 7],
    /// Marks for vivid dreams and nightmares.
    pub vivid: RGBColor,
    pub nightmare: RGBColor,
}

impl Palette {
    pub fn new(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                theme,
                background: RGBColor(0xFF, 0xFF, 0xFF),
                fg: BLACK,
                muted: RGBColor(0x5F, 0x5F, 0x5F),
                grid: RGBColor(0xE3, 0xE3, 0xE3),
                series: [BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, VERMILLION, SKY_BLUE, YELLOW],
                vivid: REDDISH_PURPLE,
                nightmare: VERMILLION,
            },
            Theme::Dark => Self {
                theme,
                background: RGBColor(0x1E, 0x1E, 0x1E),
                fg: RGBColor(0xF2, 0xF2, 0xF2),
                muted: RGBColor(0xB0, 0xB0, 0xB0),
                grid: RGBColor(0x3A, 0x3A, 0x3A),
                series: [SKY_BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, VERMILLION, YELLOW, BLUE],
                vivid: REDDISH_PURPLE,
                nightmare: VERMILLION,
            },
        }
    }

    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }

    /// A colour on the ordered scale for `t` in 0..=1. On a dark background the darkest
    /// part of viridis is left out so low values stay visible.
    pub fn scale(&self, t: f64) -> RGBColor {
        let t = t.clamp(0.0, 1.0);
        let t = match self.theme {
            Theme::Light => t * 0.92,
            Theme::Dark => 0.22 + t * 0.78,
        };
        viridis(t)
    }
}

/// Viridis sampled at nine points, linearly interpolated.
fn viridis(t: f64) -> RGBColor {
    const STOPS: [(u8, u8, u8); 9] = [
        (0x44, 0x01, 0x54),
        (0x47, 0x2D, 0x7B),
        (0x3B, 0x52, 0x8B),
        (0x2C, 0x72, 0x8E),
        (0x21, 0x91, 0x8C),
        (0x28, 0xAE, 0x80),
        (0x5E, 0xC9, 0x62),
        (0xAD, 0xDC, 0x30),
        (0xFD, 0xE7, 0x25),
    ];
    let x = t * (STOPS.len() - 1) as f64;
    let i = (x.floor() as usize).min(STOPS.len() - 2);
    let f = x - i as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Rough width of `text` in DejaVu Sans at `px`, for laying out labels without font files.
pub(crate) fn text_width(text: &str, px: f64) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.32,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '-' | '·' => 0.42,
            'm' | 'w' | 'M' | 'W' | '—' => 0.9,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii_digit() => 0.64,
            _ => 0.6,
        })
        .sum();
    (em * px).ceil() as i32
}
