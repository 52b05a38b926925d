#![allow(clippy::unwrap_used)]

use super::*;
use crate::PrescribedDose;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn period() -> RegimenPeriod {
    RegimenPeriod {
        id: 3,
        from: date("2025-01-01"),
        until: Some(date("2025-02-01")),
        doses: vec![
            PrescribedDose { amount: Micrograms(1500), time: hhmm::parse("21:00") },
            PrescribedDose { amount: Micrograms(500), time: None },
        ],
        formulation: Formulation::Liquid,
        strength: "1 mg/mL".into(),
        pharmacy: "Corner".into(),
        note: "shake".into(),
    }
}

#[test]
fn a_new_day_starts_with_the_prescribed_doses_and_nothing_else() {
    let e = DayEntry::new_day(date("2025-01-10"), Some(&period()), None, &[]);
    let amounts: Vec<(&str, &str, Formulation)> =
        e.doses.iter().map(|d| (d.amount.as_str(), d.time.as_str(), d.formulation)).collect();
    assert_eq!(amounts, [("1.5", "21:00", Formulation::Liquid), ("0.5", "", Formulation::Liquid)]);
    assert_eq!(e.to_day(&[]).unwrap().total_taken(), Some(Micrograms(2000)));
    let bare = DayEntry::new_day(date("2025-01-10"), None, None, &[]);
    assert_eq!(bare, DayEntry::from_day(&Day::new(date("2025-01-10"))));
    assert!(bare.doses.is_empty() && bare.scores.is_empty() && bare.wellbeing.is_none());
}

#[test]
fn a_draft_gives_back_its_form_or_else_its_day() {
    let mut entry = DayEntry::new_day(date("2025-01-10"), Some(&period()), None, &[]);
    entry.doses[0].amount = "1,5 or so".into();
    let draft = |form: Option<String>| Draft {
        day: entry.parse(&[]).day,
        form,
        saved_at: "2025-01-10T08:00:00".into(),
        opened: None,
    };
    assert_eq!(DayEntry::of_draft(&draft(Some(serde_json::to_string(&entry).unwrap()))), entry);
    // An older version's editor state, a damaged one, or one of another day: the day it kept.
    let fallback = DayEntry::from_day(&entry.parse(&[]).day);
    for form in [None, Some("{\"amount\":\"1,5\"}".into()), Some("not json".into())] {
        assert_eq!(DayEntry::of_draft(&draft(form)), fallback);
    }
    let mut other = entry.clone();
    other.date = date("2025-01-11");
    assert_eq!(DayEntry::of_draft(&draft(Some(serde_json::to_string(&other).unwrap()))), fallback);
}

#[test]
fn a_period_form_round_trips_and_names_what_does_not_parse() {
    let p = period();
    let form = PeriodEntry::from_period(&p);
    assert_eq!((form.from.as_str(), form.until.as_str()), ("2025-01-01", "2025-02-01"));
    assert_eq!(form.to_period().unwrap(), p);

    let mut bad = form.clone();
    bad.from = String::new();
    bad.until = "2025-02-30".into();
    bad.doses[0].amount = " ".into();
    bad.doses[1].amount = "1.5.1".into();
    bad.doses[1].time = "9pm".into();
    let Err(Error::Invalid(fields)) = bad.to_period() else { panic!("refused") };
    let got: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(got, ["from", "until", "doses[0].amount", "doses[1].amount", "doses[1].time"]);
    assert_eq!(fields[0].message, "enter the date this regimen starts");
    assert_eq!(fields[1].message, "\"2025-02-30\" is not a date (YYYY-MM-DD)");
    assert_eq!(fields[2].message, "enter the prescribed amount in mg");

    let mut open = form;
    open.until = "  ".into();
    assert_eq!(open.to_period().unwrap().until, None);
}

#[test]
fn a_dose_time_that_is_not_a_time_is_named() {
    let mut e = DayEntry::new_day(date("2025-01-10"), Some(&period()), None, &[]);
    e.doses[1].time = "noon".into();
    let parsed = e.parse(&[]);
    assert_eq!(
        parsed.errors,
        [FieldError::new("doses[1].time", "enter the time as hours and minutes (HH:MM), got \"noon\"")]
    );
    assert_eq!(parsed.day.doses[1].time(), None, "left out of the draft's day");
}

#[test]
fn saving_a_form_goes_through_the_store_s_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("j.sqlite3")).unwrap();
    let mut e = DayEntry::new_day(date("2025-01-10"), Some(&period()), None, &[]);
    e.doses[0].amount = "60".into();
    let Err(Error::Invalid(f)) = j.save_entry(&e, None) else { panic!("over the low-dose limit") };
    assert_eq!(f[0].field, "doses[0].amount");
    e.doses[0].amount = "abc".into();
    j.save_entry_draft(&e, None).unwrap();
    assert_eq!(DayEntry::of_draft(&j.draft(e.date).unwrap().unwrap()), e, "the draft keeps what was typed");
    e.doses[0].amount = "1.5".into();
    let stored = j.save_entry(&e, None).unwrap();
    assert_eq!(DayEntry::from_day(&stored.day), e);
    assert!(j.draft(e.date).unwrap().is_none());
}

#[test]
fn copying_from_the_last_logged_day_fills_one_section_and_never_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("j.sqlite3")).unwrap();
    let fatigue = j.add_item(crate::Catalog::Symptoms, "Fatigue", "").unwrap().id;
    let nausea = j.add_item(crate::Catalog::SideEffects, "Hiccups", "").unwrap().id;
    let mut first = DayEntry::new_day(date("2025-01-10"), Some(&period()), None, &[]);
    assert!(j.copy_from_last(&first, CopyPart::Scores).unwrap().is_none(), "nothing earlier to copy");
    first.scores.insert(fatigue, Some(6));
    first.wellbeing = Some(4);
    first.bedtime = "23:15".into();
    first.wake = "07:00".into();
    first.quality = Some(2);
    first.side_effects.insert(nausea, Some(Severity::Mild));
    first.notes = "a bad day".into();
    first.dream_notes = "falling".into();
    j.save_entry(&first, None).unwrap();

    // Two days later (a day skipped), with something typed already.
    let mut today = DayEntry::new_day(date("2025-01-12"), Some(&period()), None, &[]);
    today.notes = "my own words".into();
    today.scores.insert(fatigue, Some(1));
    let (from, scores) = j.copy_from_last(&today, CopyPart::Scores).unwrap().unwrap();
    assert_eq!(from, date("2025-01-10"));
    assert_eq!(scores.scores.get(&fatigue), Some(&Some(6)));
    assert_eq!(scores.wellbeing, Some(4));
    assert_eq!((scores.notes.as_str(), scores.bedtime.as_str()), ("my own words", ""), "only the scores");

    let (_, sleep) = j.copy_from_last(&today, CopyPart::SleepTimes).unwrap().unwrap();
    assert_eq!((sleep.bedtime.as_str(), sleep.wake.as_str(), sleep.quality), ("23:15", "07:00", None));
    assert_eq!(sleep.dream_notes, "", "dream notes are never copied");
    let (_, effects) = j.copy_from_last(&today, CopyPart::SideEffects).unwrap().unwrap();
    assert_eq!(effects.side_effects.get(&nausea), Some(&Some(Severity::Mild)));
    assert_eq!(effects.scores.get(&fatigue), Some(&Some(1)), "the typed score stays");
    assert!(j.day(date("2025-01-12")).unwrap().is_none(), "copying saves nothing");
}
