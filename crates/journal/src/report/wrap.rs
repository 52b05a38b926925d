//! Text measuring and wrapping: lines no wider than a column, broken only at plain spaces.

use super::fonts::{Fonts, Weight};

/// Splits `text` into lines no wider than `max` points. Lines break only at plain spaces (and
/// at line breaks in the text); a non-breaking space keeps "1.5 mg" together. A single word
/// wider than the line is cut between characters rather than overflowing.
pub fn wrap(fonts: &Fonts, text: &str, size: f32, weight: Weight, max: f32) -> Vec<String> {
    let mut out = Lines { fonts, size, weight, max, done: Vec::new(), line: String::new(), width: 0.0 };
    let space = fonts.width(" ", size, weight);
    for para in text.split('\n') {
        for word in para.split(' ') {
            let w = fonts.width(word, size, weight);
            if out.line.is_empty() {
                out.start(word, w);
            } else if out.width + space + w <= max {
                out.line.push(' ');
                out.line.push_str(word);
                out.width += space + w;
            } else {
                out.end_line();
                out.start(word, w);
            }
        }
        out.end_line();
    }
    let mut lines = out.done;
    // Trailing spaces and empty trailing paragraphs add nothing a reader can see.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// The lines of a text being wrapped: those done, and the one being filled with its width.
struct Lines<'f> {
    fonts: &'f Fonts,
    size: f32,
    weight: Weight,
    max: f32,
    done: Vec<String>,
    line: String,
    width: f32,
}

impl Lines<'_> {
    fn end_line(&mut self) {
        self.done.push(std::mem::take(&mut self.line));
        self.width = 0.0;
    }

    /// Starts the (empty) line with `word`, `w` points wide, cutting it if it alone is too wide.
    fn start(&mut self, word: &str, w: f32) {
        if w <= self.max {
            self.line.push_str(word);
            self.width = w;
            return;
        }
        for c in word.chars() {
            let cw = self.fonts.width(c.encode_utf8(&mut [0; 4]), self.size, self.weight);
            if self.width + cw > self.max && !self.line.is_empty() {
                self.end_line();
            }
            self.line.push(c);
            self.width += cw;
        }
    }
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
}
