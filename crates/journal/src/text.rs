//! Text on its way into a drawing (chart SVG, PDF). Validation refuses control characters in
//! new input, but an old journal or a file written by hand may still hold them; whatever is
//! stored, what is drawn must be text that XML 1.0 (and so the SVG parser) can hold.

use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::drawable;

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
