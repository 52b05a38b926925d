//! Text on its way into a drawing (chart SVG, PDF). Validation refuses control characters in
//! new input, but an old journal or a file written by hand may still hold them; whatever is
//! stored, what is drawn must be text that XML 1.0 (and so the SVG parser) can hold.

use std::borrow::Cow;
use std::ops::Range;

/// `s` as it can be drawn: tabs and line breaks become spaces, other control characters and
/// the noncharacters XML forbids (U+FFFE, U+FFFF) are left out. XML escaping (`<`, `&`, …)
/// is the SVG writer's job; this only removes what no escaping can carry.
pub(crate) fn drawable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| !keeps(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if keeps(c) => Some(c),
                _ => None,
            })
            .collect(),
    )
}

fn keeps(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Drawn in place of text the embedded font has no glyph for (emoji, CJK, …): a visible mark,
/// while the PDF keeps the original text (as ActualText and in its text layer) for copying,
/// search and screen readers. A glyph the font lacks would be its empty ".notdef" box, which
/// PDF/UA refuses.
pub(crate) const REPLACEMENT: char = '\u{fffd}';

/// Splits `s` into the pieces one glyph each draws: `(byte range, character)`, where
/// `has(character)` tells whether the font can draw it. Emoji modifiers, variation selectors,
/// tag characters and zero-width-joined characters after a character the font lacks stay with
/// it, so "👍🏽" or "👨‍👩‍👧" is one replacement mark, not several; such a modifier the font lacks
/// after a character it has joins that character's glyph.
pub(crate) fn clusters(s: &str, has: impl Fn(char) -> bool) -> Vec<(Range<usize>, char)> {
    let mut out: Vec<(Range<usize>, char)> = Vec::with_capacity(s.len());
    let mut after_joiner = false;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        if let Some((range, base)) = out.last_mut() {
            let replaced = !has(*base);
            if (replaced && (after_joiner || extends(c))) || (extends(c) && !has(c)) {
                range.end = end;
                after_joiner = c == '\u{200d}';
                continue;
            }
        }
        after_joiner = false;
        out.push((i..end, c));
    }
    out
}

/// `s` with every piece the font cannot draw (see [`clusters`]) replaced by [`REPLACEMENT`],
/// and modifiers it cannot draw after a character it can left out: for text that keeps no
/// original beside it (a chart's SVG, described by the figure's alternate text).
pub(crate) fn substitute(s: &str, has: impl Fn(char) -> bool) -> Cow<'_, str> {
    if s.chars().all(&has) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (range, c) in clusters(s, &has) {
        if has(c) {
            out.extend(s[range].chars().filter(|c| has(*c)));
        } else {
            out.push(REPLACEMENT);
        }
    }
    Cow::Owned(out)
}

/// Characters that modify the one before rather than stand alone.
fn extends(c: char) -> bool {
    matches!(c,
        '\u{200d}' // zero-width joiner
        | '\u{20e3}' // combining enclosing keycap
        | '\u{fe00}'..='\u{fe0f}' // variation selectors
        | '\u{1f3fb}'..='\u{1f3ff}' // skin tones
        | '\u{e0020}'..='\u{e007f}' // tag characters (subdivision flags)
        | '\u{e0100}'..='\u{e01ef}')
}

#[cfg(test)]
mod tests {
    use super::{clusters, drawable, substitute};

    /// A font with ASCII only.
    fn ascii(c: char) -> bool {
        c.is_ascii()
    }

    #[test]
    fn what_the_font_lacks_becomes_one_mark_per_character() {
        let check = |s: &str, expected: &str| assert_eq!(substitute(s, ascii), expected, "{s:?}");
        check("Vitamin D", "Vitamin D");
        check("💊 Vitamin D 维生素", "\u{fffd} Vitamin D \u{fffd}\u{fffd}\u{fffd}");
        check("👍🏽 ok", "\u{fffd} ok");
        check("👨\u{200d}👩\u{200d}👧!", "\u{fffd}!");
        check("❤\u{fe0f}", "\u{fffd}");
        // Modifiers the font lacks after a character it has are left out.
        check("1\u{fe0f}\u{20e3}", "1");
        assert!(matches!(substitute("plain", ascii), std::borrow::Cow::Borrowed(_)));
        let pieces: Vec<_> = clusters("a👍🏽b", ascii).into_iter().map(|(r, c)| (r.start, r.end, c)).collect();
        assert_eq!(pieces, vec![(0, 1, 'a'), (1, 9, '👍'), (9, 10, 'b')]);
    }

    #[test]
    fn only_what_xml_cannot_hold_changes() {
        let check = |s: &str, expected: &str| assert_eq!(drawable(s), expected, "{s:?}");
        check("Fatigue", "Fatigue");
        check("Zoë <&> \"µg\" ≥ 3 ✓", "Zoë <&> \"µg\" ≥ 3 ✓");
        check("Fatigue\u{1}", "Fatigue");
        check("a\tb\nc\r\nd", "a b c  d");
        check("\u{0}\u{7f}\u{85}x\u{fffe}\u{ffff}", "x");
        assert!(matches!(drawable("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
