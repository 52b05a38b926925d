//! Full-text search of what the patient wrote: day and dream notes, dose notes, reasons for
//! missed doses, questions, and the notes of events, other medications, regimen periods and
//! fills (every free-text field `privacy` classifies as private, and the questions).
//! [`crate::Journal::search`] runs it; the index is in the journal file (schema 8, see
//! `store/schema.rs`), kept in step by triggers in the transaction of every write, so it is
//! wiped, restored, imported and migrated with the data it indexes. Drafts (unsaved edits) are
//! not searched.
//!
//! The query language is deliberately small, and no text a user types is an error:
//! - words are ANDed: every word must be in the same field (a day note, a dose note, ...);
//! - `"brain fog"` matches those words next to each other, in that order; a quote left open
//!   runs to the end of the text;
//! - the term at the very end of the text (no space or closing quote after it) also matches
//!   as a prefix, so results follow the typing (`walk` finds "walked");
//! - case and accents do not count (`cafe` finds "Café"), nor does punctuation;
//! - FTS5's own syntax (`AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `-`, `:`, parentheses) is plain
//!   text: every term becomes an FTS5 string literal. A query with no letters or digits
//!   (only spaces, punctuation or emoji, which the tokenizer skips) finds nothing.
//!
//! A hit's snippet is a list of [`Segment`]s, plain text each with whether it is a match, so
//! the UI highlights with elements of its own and never parses markup out of the patient's
//! text.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::privacy::TextField;

/// Which text a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SearchField")]
pub enum Field {
    DayNote,
    DreamNote,
    DoseNote,
    MissedReason,
    /// A question for the prescriber, under the day it was written.
    Question,
    /// An event's note, under its first day.
    EventNote,
    /// Another medication's note, under the first day of its entry.
    MedicationNote,
    /// A regimen period's note, under its first day.
    RegimenNote,
    /// A fill's note, under the day it was received.
    FillNote,
}

impl Field {
    /// In the order hits of one day are listed.
    pub const ALL: [Field; 9] = [
        Self::DayNote,
        Self::DreamNote,
        Self::DoseNote,
        Self::MissedReason,
        Self::Question,
        Self::EventNote,
        Self::MedicationNote,
        Self::RegimenNote,
        Self::FillNote,
    ];

    /// The name the index stores (the schema's triggers write these).
    pub fn key(self) -> &'static str {
        match self {
            Self::DayNote => "day_note",
            Self::DreamNote => "dream_note",
            Self::DoseNote => "dose_note",
            Self::MissedReason => "missed_reason",
            Self::Question => "question",
            Self::EventNote => "event_note",
            Self::MedicationNote => "medication_note",
            Self::RegimenNote => "regimen_note",
            Self::FillNote => "fill_note",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == s)
    }

    /// What the app and the command line call it: "day note", "missed reason".
    pub fn label(self) -> &'static str {
        match self {
            Self::DayNote => "day note",
            Self::DreamNote => "dream note",
            Self::DoseNote => "dose note",
            Self::MissedReason => "missed reason",
            Self::Question => "question",
            Self::EventNote => "event note",
            Self::MedicationNote => "medication note",
            Self::RegimenNote => "regimen note",
            Self::FillNote => "fill note",
        }
    }

    /// The model's text field it is.
    pub fn text_field(self) -> TextField {
        match self {
            Self::DayNote => TextField::DayNotes,
            Self::DreamNote => TextField::DreamNotes,
            Self::DoseNote => TextField::DoseNote,
            Self::MissedReason => TextField::MissedReason,
            Self::Question => TextField::QuestionText,
            Self::EventNote => TextField::EventNote,
            Self::MedicationNote => TextField::MedicationNote,
            Self::RegimenNote => TextField::RegimenNote,
            Self::FillNote => TextField::FillNote,
        }
    }
}

/// A piece of a snippet: text as written (white space as single spaces), and whether it is
/// what the query matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SearchSegment")]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// One field that matches a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SearchHit")]
pub struct Hit {
    pub date: NaiveDate,
    pub field: Field,
    /// `field`'s label ("dose note"), ready to show.
    pub label: String,
    /// The part of the text around the matches ("…" where it is cut), in one line.
    pub snippet: Vec<Segment>,
}

impl Hit {
    /// The snippet as plain text, without marks: what the command line prints.
    pub fn plain(&self) -> String {
        self.snippet.iter().map(|s| s.text.as_str()).collect()
    }
}

/// What FTS5 puts around each match in a snippet: control characters that a stored text
/// containing either is snippeted without (see `store/search.rs`), so they never mislead.
pub(crate) const OPEN: char = '\u{2}';
pub(crate) const CLOSE: char = '\u{3}';

/// A snippet as FTS5 gives it (matches between [`OPEN`] and [`CLOSE`]) as segments: white
/// space (line breaks included) runs become one space, trimmed at both ends, and any other
/// control character the replacement mark, so a snippet is one line a terminal shows as is.
pub(crate) fn segments(snippet: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut matched = false;
    // Whether the white space before the next character was inside a match.
    let mut space: Option<bool> = None;
    for c in snippet.chars() {
        if c == OPEN || c == CLOSE {
            matched = c == OPEN;
            continue;
        }
        if c.is_whitespace() {
            space = space.or(Some(matched));
            continue;
        }
        // A space joins the match it is inside ("brain fog"), else the text around matches.
        if let Some(in_match) = space.take() {
            match out.last().map(|l| !l.matched || (in_match && matched)) {
                Some(true) => {
                    if let Some(l) = out.last_mut() {
                        l.text.push(' ');
                    }
                }
                Some(false) => out.push(Segment { text: " ".into(), matched: false }),
                None => {}
            }
        }
        let c = if c.is_control() { char::REPLACEMENT_CHARACTER } else { c };
        match out.last_mut().filter(|l| l.matched == matched) {
            Some(l) => l.text.push(c),
            None => out.push(Segment { text: c.to_string(), matched }),
        }
    }
    out
}

/// One term of a query: a word or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    text: String,
    prefix: bool,
}

/// A user's query, read by the rules in the module's doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    pub fn parse(text: &str) -> Self {
        // Control characters separate words like spaces (a NUL would end FTS5's reading).
        let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let mut terms = Vec::new();
        let mut rest = text.as_str();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let (term, prefix, after) = if let Some(inner) = rest.strip_prefix('"') {
                match inner.find('"') {
                    Some(end) => (&inner[..end], false, &inner[end + 1..]),
                    None => (inner, !inner.ends_with(char::is_whitespace), ""),
                }
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], end == rest.len(), &rest[end..])
            };
            // The tokenizer keeps letters and digits only: a term without any matches nothing.
            if term.chars().any(char::is_alphanumeric) {
                terms.push(Term { text: term.to_owned(), prefix });
            }
            rest = after;
        }
        Self { terms }
    }

    /// No term to look for: the answer is no hits.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 query: each term a string literal (`"` doubled inside), `*` after a prefix,
    /// juxtaposed (FTS5's implicit AND). Nothing the user typed is read as FTS5 syntax.
    pub fn to_fts5(&self) -> String {
        let mut out = String::new();
        for t in &self.terms {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push('"');
            out.push_str(&t.text.replace('"', "\"\""));
            out.push('"');
            if t.prefix {
                out.push('*');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(query: &str, fts5: &str) {
        assert_eq!(Query::parse(query).to_fts5(), fts5, "{query:?}");
    }

    #[test]
    fn words_are_anded_and_the_last_one_is_a_prefix() {
        check("brain fog", r#""brain" "fog"*"#);
        check("brain fog ", r#""brain" "fog""#);
        check("  Brain\tFOG\n", r#""Brain" "FOG""#);
    }

    #[test]
    fn quotes_make_phrases_and_an_open_one_runs_to_the_end() {
        check(r#""brain fog" today"#, r#""brain fog" "today"*"#);
        check(r#"today "brain fog""#, r#""today" "brain fog""#);
        check(r#""brain fo"#, r#""brain fo"*"#);
        check(r#""brain "#, r#""brain ""#);
        check(r#"""#, "");
        check(r#""""""#, "");
    }

    #[test]
    fn fts5_syntax_is_plain_text() {
        check("NEAR(a b) OR c", r#""NEAR(a" "b)" "OR" "c"*"#);
        check("a AND NOT b", r#""a" "AND" "NOT" "b"*"#);
        check("col:fog ^start -x +y", r#""col:fog" "^start" "-x" "+y"*"#);
        check(r#"don"t"#, r#""don""t"*"#);
        check("'; DROP TABLE day; --", r#""DROP" "TABLE" "day;""#);
        check("fog*", r#""fog*"*"#);
    }

    #[test]
    fn terms_without_letters_or_digits_are_left_out() {
        for q in ["", "   ", "\n\t", "*", "( ) : ^ -", "\"", "🧠", "🧠 🐕", "…", "\u{0}"] {
            assert!(Query::parse(q).is_empty(), "{q:?}");
        }
        check("fog 🧠", r#""fog""#);
        check("fog\u{0}day", r#""fog" "day"*"#);
        check("Ünïcödé 日本", r#""Ünïcödé" "日本"*"#);
    }

    #[test]
    fn snippets_become_one_line_of_segments() {
        let s = |t: &str, m: bool| Segment { text: t.into(), matched: m };
        assert_eq!(segments("a \u{2}fog\u{3} day"), [s("a ", false), s("fog", true), s(" day", false)]);
        assert_eq!(
            segments("\u{2}Fog\u{3}\n\n  and\t\u{2}fog\u{3}"),
            [s("Fog", true), s(" and ", false), s("fog", true)]
        );
        assert_eq!(segments("\u{2}brain\u{3} \u{2}fog\u{3}"), [s("brain", true), s(" ", false), s("fog", true)]);
        assert_eq!(segments("my \u{2}brain  fog\u{3}!"), [s("my ", false), s("brain fog", true), s("!", false)]);
        assert_eq!(segments("  bell\u{7} \u{1b}[31m "), [s("bell\u{fffd} \u{fffd}[31m", false)]);
        assert_eq!(segments(" \n "), []);
        assert_eq!(segments("…out of \u{2}fog\u{3}…"), [s("…out of ", false), s("fog", true), s("…", false)]);
    }

    #[test]
    fn every_private_text_field_and_the_questions_are_searched() {
        use crate::privacy::TextClass;
        for f in TextField::ALL {
            let searched = Field::ALL.iter().any(|s| s.text_field() == f);
            let want = f.class() != TextClass::Shown || f == TextField::QuestionText;
            assert_eq!(searched, want, "{f:?}");
        }
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
        }
    }
}
