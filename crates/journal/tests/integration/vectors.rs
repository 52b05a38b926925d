//! The day forms of `tests/vectors/day_entries.json`, which the UI's unit tests read too: what
//! the core reads from each, and that forms the UI counts as unchanged are the same day here.
#![allow(clippy::unwrap_used)]

use journal::entry::DayEntry;
use journal::{Day, FieldError};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    entry: DayEntry,
    same: Vec<DayEntry>,
    day: Option<Day>,
    errors: Vec<Error>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Error {
    field: String,
    message: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../vectors/day_entries.json");
    serde_json::from_str::<Vectors>(text).unwrap().cases
}

fn errors(e: &[FieldError]) -> Vec<Error> {
    e.iter().map(|f| Error { field: f.field.clone(), message: f.message.clone() }).collect()
}

#[test]
fn each_form_reads_as_its_day_or_its_errors() {
    for case in cases() {
        let parsed = case.entry.parse(&[]);
        assert_eq!(errors(&parsed.errors), case.errors, "{}", case.name);
        if let Some(day) = &case.day {
            assert_eq!(&parsed.day, day, "{}", case.name);
            assert_eq!(case.entry.to_day(&[]).ok().as_ref(), Some(day), "{}", case.name);
        } else {
            assert!(case.entry.to_day(&[]).is_err(), "{}", case.name);
        }
    }
}

#[test]
fn forms_the_ui_counts_as_unchanged_are_the_same_day() {
    for case in cases() {
        for same in &case.same {
            assert_eq!(same.parse(&[]), case.entry.parse(&[]), "{}: {same:?}", case.name);
        }
    }
}

#[test]
fn a_saved_day_shows_as_a_form_that_reads_back_as_it() {
    for case in cases() {
        let Some(day) = case.day else { continue };
        let form = DayEntry::from_day(&day);
        let back = form.to_day(&[]).unwrap();
        assert_eq!(back, day, "{}", case.name);
        assert_eq!(DayEntry::from_day(&back), form, "{}", case.name);
    }
}
