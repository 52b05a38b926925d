//! Every validation rule and its boundaries, checked through a real journal file: each case
//! edits a complete day, saves it, and expects either the same day back or exactly the named
//! field errors (and nothing written).
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::{
    Catalog, DateRange, Day, Dose, Error, FieldError, Formulation, Micrograms, PrescribedDose, Question, RegimenPeriod,
    Score, Severity, SideEffectEntry,
};

const DAY: &str = "2025-03-10";

/// Saves `full_day(DAY)` after `edit`; `expected` lists (field, message) pairs, empty for valid.
fn check(edit: impl FnOnce(&mut Day), expected: &[(&str, &str)]) {
    let mut t = with_symptoms();
    let mut day = full_day(DAY);
    edit(&mut day);
    let result = t.save_day(&day);
    if expected.is_empty() {
        let saved = result.unwrap_or_else(|e| panic!("expected valid, got {e}"));
        assert_eq!(t.day(day.date).unwrap().as_ref(), Some(&saved), "read back");
        return;
    }
    match result {
        Err(Error::Invalid(errors)) => {
            let expected: Vec<FieldError> = expected.iter().map(|(f, m)| FieldError::new(*f, *m)).collect();
            assert_eq!(errors, expected);
        }
        other => panic!("expected field errors {expected:?}, got {other:?}"),
    }
    assert!(t.logged_dates(DateRange::all()).unwrap().is_empty(), "an invalid day was written");
}

fn ok(edit: impl FnOnce(&mut Day)) {
    check(edit, &[]);
}

fn amount(ug: u32) -> impl FnOnce(&mut Day) {
    move |d: &mut Day| d.doses = vec![taken(ug, "22:00")]
}

#[test]
fn full_day_is_valid() {
    ok(|_| {});
}

#[test]
fn empty_day_is_valid() {
    ok(|d| *d = Day::new(d.date));
}

// Doses.

#[test]
fn dose_zero_is_refused() {
    check(amount(0), &[("doses[0].amount", "dose must be more than 0 mg; record a missed dose instead")]);
}

#[test]
fn dose_one_microgram_is_accepted() {
    ok(amount(1));
}

#[test]
fn dose_50_mg_is_accepted() {
    ok(amount(50_000));
}

#[test]
fn dose_above_50_mg_is_not_a_low_dose() {
    let msg = "50.001 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)";
    check(amount(50_001), &[("doses[0].amount", msg)]);
}

#[test]
fn dose_in_micrograms_mistaken_for_mg_is_not_a_low_dose() {
    let msg = "4500 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)";
    check(amount(4_500_000), &[("doses[0].amount", msg)]);
}

#[test]
fn dose_errors_name_their_position() {
    check(
        |d| d.doses = vec![taken(1500, "08:00"), taken(0, "20:00")],
        &[("doses[1].amount", "dose must be more than 0 mg; record a missed dose instead")],
    );
}

#[test]
fn only_missed_doses_are_valid() {
    ok(|d| d.doses = vec![Dose::Missed { time: None, reason: String::new() }]);
}

#[test]
fn twenty_four_doses_are_accepted_twenty_five_refused() {
    ok(|d| d.doses = vec![taken(100, "08:00"); 24]);
    check(|d| d.doses = vec![taken(100, "08:00"); 25], &[("doses", "a day holds at most 24 dose events, got 25")]);
}

// Scores.

fn score(symptom: u32, value: u8) -> Score {
    Score { symptom, value }
}

#[test]
fn scores_0_and_10_are_accepted() {
    ok(|d| d.scores = vec![score(PAIN, 0), score(FATIGUE, 10)]);
}

#[test]
fn score_11_is_refused() {
    check(|d| d.scores = vec![score(PAIN, 11)], &[("scores[0].value", "symptom score must be 0–10, got 11")]);
}

#[test]
fn score_errors_point_at_the_submitted_position() {
    // The store sorts scores by symptom; the field must still name what the user sent.
    check(
        |d| d.scores = vec![score(FATIGUE, 12), score(PAIN, 3)],
        &[("scores[0].value", "symptom score must be 0–10, got 12")],
    );
}

#[test]
fn duplicated_symptom_is_refused() {
    check(
        |d| d.scores = vec![score(FATIGUE, 1), score(FATIGUE, 2), score(PAIN, 3)],
        &[("scores[1].symptom", "symptom 2 is scored twice")],
    );
}

#[test]
fn unknown_symptom_is_refused() {
    check(|d| d.scores = vec![score(99, 1)], &[("scores[0].symptom", "symptom 99 is not in your symptom list")]);
}

#[test]
fn archived_symptom_keeps_accepting_scores() {
    // Archiving hides an item for new entries in the app; old days are still edited with it.
    let mut t = with_symptoms();
    let mut pain = t.catalog(Catalog::Symptoms).unwrap().remove(0);
    pain.archived = true;
    t.update_item(Catalog::Symptoms, &pain).unwrap();
    t.save_day(&full_day(DAY)).unwrap();
}

#[test]
fn unrated_is_not_zero() {
    let mut t = with_symptoms();
    let mut day = full_day(DAY);
    day.scores = vec![score(PAIN, 0)];
    t.save_day(&day).unwrap();
    let back = t.day(day.date).unwrap().unwrap();
    assert_eq!((back.score(PAIN), back.score(FATIGUE)), (Some(0), None));
}

// Side effects.

fn side(id: u32, severity: Severity) -> SideEffectEntry {
    SideEffectEntry { side_effect: id, severity }
}

#[test]
fn every_severity_is_accepted() {
    ok(|d| {
        d.side_effects = vec![
            side(VIVID_DREAMS, Severity::Absent),
            side(INSOMNIA, Severity::Mild),
            side(HEADACHE, Severity::Moderate),
            side(4, Severity::Severe),
        ]
    });
}

#[test]
fn duplicated_side_effect_is_refused() {
    check(
        |d| d.side_effects = vec![side(INSOMNIA, Severity::Mild), side(INSOMNIA, Severity::Severe)],
        &[("side_effects[1].side_effect", "side effect 2 is recorded twice")],
    );
}

#[test]
fn unknown_side_effect_is_refused() {
    check(
        |d| d.side_effects = vec![side(VIVID_DREAMS, Severity::Mild), side(404, Severity::Mild)],
        &[("side_effects[1].side_effect", "side effect 404 is not in your side-effect list")],
    );
}

#[test]
fn side_effect_none_is_not_absent() {
    let mut t = with_symptoms();
    let day = full_day(DAY);
    t.save_day(&day).unwrap();
    let back = t.day(day.date).unwrap().unwrap();
    assert_eq!(back.severity(INSOMNIA), Some(Severity::Absent));
    assert_eq!(back.severity(HEADACHE), None);
}

// Wellbeing and sleep.

#[test]
fn wellbeing_bounds() {
    ok(|d| d.wellbeing = Some(0));
    ok(|d| d.wellbeing = Some(10));
    ok(|d| d.wellbeing = None);
    check(|d| d.wellbeing = Some(11), &[("wellbeing", "wellbeing must be 0–10, got 11")]);
    check(|d| d.wellbeing = Some(255), &[("wellbeing", "wellbeing must be 0–10, got 255")]);
}

#[test]
fn sleep_quality_bounds() {
    ok(|d| d.sleep.quality = Some(1));
    ok(|d| d.sleep.quality = Some(5));
    check(|d| d.sleep.quality = Some(0), &[("sleep.quality", "sleep quality must be 1–5, got 0")]);
    check(|d| d.sleep.quality = Some(7), &[("sleep.quality", "sleep quality must be 1–5, got 7")]);
}

#[test]
fn awakenings_bounds() {
    ok(|d| d.sleep.awakenings = Some(0));
    ok(|d| d.sleep.awakenings = Some(100));
    check(|d| d.sleep.awakenings = Some(101), &[("sleep.awakenings", "awakenings must be 0–100, got 101")]);
}

#[test]
fn wake_equal_to_bedtime_is_refused() {
    check(
        |d| (d.sleep.bedtime, d.sleep.wake) = (Some(time("22:30")), Some(time("22:30"))),
        &[("sleep.wake", "wake time is the same as bedtime (22:30)")],
    );
}

#[test]
fn sleep_may_cross_midnight_or_not() {
    ok(|d| (d.sleep.bedtime, d.sleep.wake) = (Some(time("23:59")), Some(time("00:00"))));
    ok(|d| (d.sleep.bedtime, d.sleep.wake) = (Some(time("01:30")), Some(time("09:00"))));
    ok(|d| (d.sleep.bedtime, d.sleep.wake) = (Some(time("22:00")), None));
}

#[test]
fn sleep_duration() {
    let mins = |b: &str, w: &str| {
        journal::Sleep { bedtime: Some(time(b)), wake: Some(time(w)), ..Default::default() }
            .duration_minutes_in(date("2025-06-15"), &chrono::Utc)
    };
    assert_eq!(mins("22:00", "06:30"), Some(510));
    assert_eq!(mins("23:59", "00:00"), Some(1));
    assert_eq!(mins("00:00", "23:59"), Some(1439));
    assert_eq!(mins("01:00", "07:00"), Some(360));
    assert_eq!(journal::Sleep::default().duration_minutes(date("2025-06-15")), None);
}

// Text.

#[test]
fn notes_of_100_000_characters_and_more_are_accepted() {
    ok(|d| d.notes = "x".repeat(100_000));
    ok(|d| d.notes = "é".repeat(journal::MAX_NOTE_CHARS));
    ok(|d| d.dreams.notes = "😴".repeat(journal::MAX_NOTE_CHARS));
}

#[test]
fn notes_over_the_limit_are_refused() {
    let n = journal::MAX_NOTE_CHARS + 1;
    let msg = format!("notes is too long: {n} characters, at most {}", journal::MAX_NOTE_CHARS);
    check(|d| d.notes = "a".repeat(n), &[("notes", &msg)]);
    let msg = format!("dream notes is too long: {n} characters, at most {}", journal::MAX_NOTE_CHARS);
    check(|d| d.dreams.notes = "a".repeat(n), &[("dreams.notes", &msg)]);
}

#[test]
fn dose_note_and_missed_reason_over_the_limit_are_refused() {
    let n = journal::MAX_NOTE_CHARS + 1;
    let long = "a".repeat(n);
    check(
        |d| {
            d.doses = vec![
                Dose::Taken {
                    time: None,
                    amount: Micrograms(1),
                    formulation: Formulation::Cream,
                    note: long.clone(),
                    measured: None,
                },
                Dose::Missed { time: None, reason: long.clone() },
            ]
        },
        &[
            ("doses[0].note", &format!("dose note is too long: {n} characters, at most 200000")),
            ("doses[1].reason", &format!("reason is too long: {n} characters, at most 200000")),
        ],
    );
}

#[test]
fn any_unicode_is_accepted() {
    ok(|d| d.notes = "µg 😀 café ñ — שלום مرحبا 中文 \u{200f}\0 'quoted'; DROP TABLE day; --".into());
}

// Dates.

#[test]
fn date_bounds() {
    ok(|d| d.date = date("1900-01-01"));
    ok(|d| d.date = date("2199-12-31"));
    ok(|d| d.date = date("2024-02-29"));
    check(
        |d| d.date = date("1899-12-31"),
        &[("date", "date must be between 1900-01-01 and 2199-12-31, got 1899-12-31")],
    );
    check(
        |d| d.date = date("2200-01-01"),
        &[("date", "date must be between 1900-01-01 and 2199-12-31, got 2200-01-01")],
    );
}

#[test]
fn date_range() {
    assert!(DateRange::new(date("2025-01-01"), date("2025-01-01")).is_ok());
    match DateRange::new(date("2025-01-02"), date("2025-01-01")) {
        Err(Error::Invalid(e)) => {
            assert_eq!(e, [FieldError::new("to", "the end date 2025-01-01 is before the start date 2025-01-02")])
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(DateRange::between(None, None).unwrap().days(), 109_573);
}

#[test]
fn every_problem_is_reported_at_once() {
    check(
        |d| {
            d.doses = vec![taken(0, "22:00")];
            d.wellbeing = Some(12);
            d.sleep.quality = Some(7);
            d.scores = vec![score(7, 3)];
        },
        &[
            ("doses[0].amount", "dose must be more than 0 mg; record a missed dose instead"),
            ("wellbeing", "wellbeing must be 0–10, got 12"),
            ("sleep.quality", "sleep quality must be 1–5, got 7"),
            ("scores[0].symptom", "symptom 7 is not in your symptom list"),
        ],
    );
}

// Micrograms.

fn mg(input: &str, expected: Result<u32, &str>) {
    assert_eq!(input.parse::<Micrograms>(), expected.map(Micrograms).map_err(str::to_string), "{input:?}");
}

#[test]
fn micrograms_parse() {
    mg("1.5mg", Ok(1500));
    mg("1.5 mg", Ok(1500));
    mg(" 4.5MG ", Ok(4500));
    mg("0.001mg", Ok(1));
    mg("0.125mg", Ok(125));
    mg(".5mg", Ok(500));
    mg("1,5mg", Ok(1500));
    mg("50mg", Ok(50_000));
    mg("1500ug", Ok(1500));
    mg("1500 µg", Ok(1500)); // micro sign
    mg("1500 μg", Ok(1500)); // Greek mu
    mg("1500mcg", Ok(1500));
    mg("1500 UG", Ok(1500));
    mg("0mg", Ok(0)); // parsed; refused by validation with its own message
    mg("4294967.295mg", Ok(u32::MAX));
}

#[test]
fn micrograms_parse_errors() {
    mg("1.5", Err("\"1.5\" needs a unit: mg or µg (e.g. 1.5mg or 1500ug)"));
    mg("", Err("\"\" needs a unit: mg or µg (e.g. 1.5mg or 1500ug)"));
    mg("mg", Err("\"\" is not an amount in mg (e.g. 1.5)"));
    mg("1.2345mg", Err("\"1.2345\" has more than 3 decimals; the journal records to 0.001 mg (1 µg)"));
    mg("-1mg", Err("\"-1\" is not an amount in mg (e.g. 1.5)"));
    mg("1e3mg", Err("\"1e3\" is not an amount in mg (e.g. 1.5)"));
    mg("1.5.2mg", Err("\"1.5.2\" is not an amount in mg (e.g. 1.5)"));
    mg("1.5ug", Err("\"1.5ug\" is not a whole number of micrograms"));
    mg("-5ug", Err("\"-5ug\" is not a whole number of micrograms"));
    mg("4294967.296mg", Err("\"4294967.296\" is too large"));
    mg("99999999999999999999999mg", Err("\"99999999999999999999999\" is too large"));
    mg("1.5 kg", Err("\"1.5 kg\" needs a unit: mg or µg (e.g. 1.5mg or 1500ug)"));
}

#[test]
fn micrograms_show_as_mg() {
    for (ug, s) in
        [(1, "0.001 mg"), (10, "0.01 mg"), (1500, "1.5 mg"), (4500, "4.5 mg"), (50_000, "50 mg"), (0, "0 mg")]
    {
        assert_eq!(Micrograms(ug).to_string(), s);
    }
}

// Catalogs, regimen, questions.

fn invalid<T: std::fmt::Debug>(r: journal::Result<T>) -> Vec<(String, String)> {
    match err(r) {
        Error::Invalid(e) => e.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn catalog_names() {
    let mut t = with_symptoms();
    assert_eq!(invalid(t.add_item(Catalog::Symptoms, "  ", "")), pairs(&[("name", "name cannot be empty")]));
    assert_eq!(
        invalid(t.add_item(Catalog::Symptoms, &"n".repeat(201), "")),
        pairs(&[("name", "name is too long: 201 characters, at most 200")])
    );
    assert_eq!(
        invalid(t.add_item(Catalog::Symptoms, "pain", "")),
        pairs(&[("name", "\"pain\" is already in your symptom list")])
    );
    assert_eq!(t.add_item(Catalog::Symptoms, &"ü".repeat(200), "").unwrap().name.chars().count(), 200);
    assert_eq!(t.add_item(Catalog::SideEffects, " Tinnitus 🎵 ", "").unwrap().name, "Tinnitus 🎵");
}

fn period(amounts: &[u32]) -> RegimenPeriod {
    RegimenPeriod {
        id: 0,
        from: date("2025-01-01"),
        until: None,
        doses: amounts.iter().map(|ug| PrescribedDose { amount: Micrograms(*ug), time: None }).collect(),
        formulation: Formulation::Liquid,
        strength: "1 mg/mL".into(),
        pharmacy: "Pharmacie d'Épinal".into(),
        note: String::new(),
    }
}

#[test]
fn regimen_periods() {
    let mut t = empty();
    assert_eq!(t.save_regimen_period(&period(&[1500])).unwrap().doses.len(), 1);
    assert_eq!(invalid(t.save_regimen_period(&period(&[]))), pairs(&[("doses", "enter at least one prescribed dose")]));
    assert_eq!(
        invalid(t.save_regimen_period(&period(&[500, 50_001]))),
        pairs(&[(
            "doses[1].amount",
            "50.001 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)"
        )])
    );
    let mut p = period(&[1000]);
    p.until = Some(date("2024-12-31"));
    assert_eq!(
        invalid(t.save_regimen_period(&p)),
        pairs(&[("until", "the end date 2024-12-31 is before the start date 2025-01-01")])
    );
    p.until = Some(p.from);
    t.save_regimen_period(&p).unwrap();
    assert_eq!(t.regimen().unwrap().len(), 2);
}

#[test]
fn questions() {
    let mut t = empty();
    let q = |text: &str| Question { id: 0, text: text.into(), created: date("2025-05-01"), resolved: false };
    assert_eq!(invalid(t.save_question(&q(" \n "))), pairs(&[("text", "the question cannot be empty")]));
    let saved = t.save_question(&q("  Is it OK to take it in the morning?  ")).unwrap();
    assert_eq!(saved.text, "Is it OK to take it in the morning?");
    assert_eq!(t.questions().unwrap(), [saved]);
}

/// Anything drawn in a chart or a PDF cannot hold control characters: a name with one was
/// accepted and then broke every report ("SVG data parsing failed ... non-XML character").
/// Names and other one-line texts refuse them all, tabs and line breaks included; free text is
/// kept as typed (it is sanitised where it is drawn).
#[test]
fn names_refuse_control_characters() {
    let mut t = with_symptoms();
    let control = |c: &str, at: usize| format!("name cannot contain {c}; found one at character {at}");
    for (name, c, at) in [
        ("Fatigue\u{1}", "a control character (U+0001)", 8),
        ("Brain\tfog", "a tab", 6),
        ("Brain\nfog", "a line break", 6),
        ("Brain\r\nfog", "a line break", 6),
        ("\u{7f}Itch", "a control character (U+007F)", 1),
        ("Itch\u{85}", "a control character (U+0085)", 5),
    ] {
        for catalog in [Catalog::Symptoms, Catalog::SideEffects] {
            assert_eq!(invalid(t.add_item(catalog, name, "")), pairs(&[("name", &control(c, at))]), "{name:?}");
        }
    }
    let mut item = t.catalog(Catalog::Symptoms).unwrap().remove(0);
    item.name = "Pain\u{0}".into();
    assert_eq!(
        invalid(t.update_item(Catalog::Symptoms, &item)),
        pairs(&[("name", &control("a control character (U+0000)", 5))])
    );
    // Free text (a description, a note, a question) is kept as typed; the drawing leaves out
    // what it cannot draw.
    assert_eq!(t.add_item(Catalog::Symptoms, "Nausea", "line one\nline\ttwo\u{1b}").unwrap().name, "Nausea");

    let mut p = period(&[1000]);
    p.pharmacy = "Main St\tPharmacy".into();
    p.strength = "1 mg/mL\n".into();
    p.note = "take\u{7}".into();
    assert_eq!(
        invalid(t.save_regimen_period(&p)),
        pairs(&[
            ("strength", "strength cannot contain a line break; found one at character 8"),
            ("pharmacy", "pharmacy cannot contain a tab; found one at character 8"),
        ])
    );
    assert_eq!(
        invalid(t.set_setting(journal::store::Setting::PatientName, Some("Zoë\u{2}"))),
        pairs(&[("name", "name cannot contain a control character (U+0002); found one at character 4")])
    );
}
