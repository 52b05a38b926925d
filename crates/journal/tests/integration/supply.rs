//! The LDN supply in a real journal: fills, doses entered as counts and converted with the
//! fill in force, frozen micrograms, refusals, the dose run, and the exports.
#![allow(clippy::unwrap_used)]

use journal::entry::{DayEntry, DoseEntry, DoseStatus};
use journal::exchange::{self, CsvOptions, ImportMode};
use journal::{
    DateRange, Dose, Error, Fill, Formulation, Measured, Micrograms, PrescribedDose, RegimenPeriod, Strength,
};

use crate::common::{date, empty};

fn fill(received: &str, formulation: Formulation, strength: &str) -> Fill {
    Fill {
        id: 0,
        received: date(received),
        started: None,
        pharmacy: "Riverside Compounding".into(),
        formulation,
        strength: Strength::parse(strength).unwrap(),
        filler: "microcrystalline cellulose".into(),
        batch: "B-1042".into(),
        quantity: "50 mL".into(),
        use_by: Some(date("2027-01-31")),
        note: "fridge".into(),
    }
}

fn form(on: &str, amounts: &[&str]) -> DayEntry {
    let mut e = DayEntry::new_day(date(on), None, None, &[]);
    e.doses =
        amounts.iter().map(|a| DoseEntry { amount: a.to_string(), ..DoseEntry::blank(Formulation::Capsule) }).collect();
    e
}

fn field_error(e: Error) -> (String, String) {
    match e {
        Error::Invalid(mut f) => {
            let f = f.remove(0);
            (f.field, f.message)
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn a_dose_in_ml_is_stored_as_exact_micrograms_with_its_count_and_fill() {
    let mut t = empty();
    let liquid = t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    assert_eq!(t.fills().unwrap(), std::slice::from_ref(&liquid));

    let saved = t.save_entry(&form("2026-03-02", &["1.5ml"]), None).unwrap();
    let Dose::Taken { amount, formulation, measured, .. } = &saved.day.doses[0] else { panic!("taken") };
    assert_eq!(*amount, Micrograms(1500));
    assert_eq!(*formulation, Formulation::Liquid, "the fill says what was taken");
    assert_eq!(measured.map(|m| (m.count.to_string(), m.fill)), Some(("1.5 mL".into(), liquid.id)));
    assert_eq!(t.day(date("2026-03-02")).unwrap().unwrap(), saved.day, "read back as written");
    let back = DayEntry::from_day(&saved.day);
    assert_eq!(back.doses[0].amount, "1.5 mL", "the form shows the count in its one spelling");

    // mg and µg keep working beside counts.
    let day = t.save_entry(&form("2026-03-03", &["0.75", "750 µg"]), None).unwrap().day;
    assert_eq!(day.total_taken(), Some(Micrograms(1500)));
    assert!(day.doses.iter().all(|d| matches!(d, Dose::Taken { measured: None, .. })));
}

#[test]
fn editing_a_fill_never_changes_the_doses_measured_from_it() {
    let mut t = empty();
    let liquid = t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    let saved = t.save_entry(&form("2026-03-02", &["1.5 mL"]), None).unwrap();
    t.save_fill(&Fill { strength: Strength::parse("2mg/mL").unwrap(), ..liquid.clone() }).unwrap();
    assert_eq!(t.day(date("2026-03-02")).unwrap().unwrap().total_taken(), Some(Micrograms(1500)));

    // Saving the day's form again, unchanged, keeps the frozen micrograms...
    let again = t.save_entry(&DayEntry::from_day(&saved.day), Some(saved.revision)).unwrap();
    assert_eq!(again.day.total_taken(), Some(Micrograms(1500)));
    // ...while a count typed anew is measured with the fill as it is now.
    let mut e = DayEntry::from_day(&again.day);
    e.doses[0].amount = "1 mL".into();
    let changed = t.save_entry(&e, Some(again.revision)).unwrap();
    assert_eq!(changed.day.total_taken(), Some(Micrograms(2000)));

    // Its unit cannot change once doses were counted in it; deleting it is refused, naming days.
    let (field, message) = field_error(
        t.save_fill(&Fill { strength: Strength::parse("1mg/drop").unwrap(), ..liquid.clone() }).unwrap_err(),
    );
    assert_eq!(field, "strength");
    assert!(message.contains("2026-03-02"), "{message}");
    let (_, message) = field_error(t.delete_fill(liquid.id).unwrap_err());
    assert_eq!(message, "doses on 2026-03-02 were measured from this fill; it stays in the record");
    let unused = t.save_fill(&fill("2026-03-05", Formulation::Cream, "1mg/click")).unwrap();
    assert_eq!(t.delete_fill(unused.id).unwrap(), unused, "an unused fill goes, and comes back for undo");
    let next = t.save_fill(&fill("2026-03-06", Formulation::Cream, "1mg/click")).unwrap();
    assert!(next.id > unused.id, "a fill id is never given again (an undo may still name it)");
    t.delete_fill(next.id).unwrap();
    assert_eq!(t.fills().unwrap().len(), 1);
}

#[test]
fn a_count_no_fill_defines_or_that_is_not_whole_micrograms_is_refused_at_its_field() {
    let mut t = empty();
    let (field, message) = field_error(t.save_entry(&form("2026-03-02", &["1.5mL"]), None).unwrap_err());
    assert_eq!(field, "doses[0].amount");
    assert_eq!(
        message,
        "no fill with a strength per mL is recorded on or before 2026-03-02: add the fill, or enter the dose in mg"
    );
    t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    t.save_fill(&fill("2026-03-01", Formulation::SublingualDrops, "0.3mg/drop")).unwrap();
    for (typed, says) in [
        ("0.0005 mL", "not a whole number of micrograms"),
        ("0 drops", "above zero"),
        ("-2 drops", "above zero"),
        ("60 mL", "not a low dose"),
        ("lots mL", "not an amount"),
        ("2 pills", "not an amount"),
    ] {
        let (field, message) = field_error(t.save_entry(&form("2026-03-02", &["1 mL", typed]), None).unwrap_err());
        assert_eq!(field, "doses[1].amount", "{typed}");
        assert!(message.contains(says), "{typed}: {message}");
    }
    assert_eq!(t.day(date("2026-03-02")).unwrap(), None, "nothing was written");
    let day = t.save_entry(&form("2026-03-02", &["5 drops"]), None).unwrap().day;
    assert_eq!(day.total_taken(), Some(Micrograms(1500)));
}

#[test]
fn fills_are_checked_when_saved() {
    let mut t = empty();
    let mut f = fill("2026-03-10", Formulation::Liquid, "1mg/mL");
    f.started = Some(date("2026-03-01"));
    f.use_by = Some(date("2026-02-01"));
    f.batch = "B\n1".into();
    let Err(Error::Invalid(errors)) = t.save_fill(&f) else { panic!("refused") };
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["started", "use_by", "batch"]);
    assert!(t.fills().unwrap().is_empty());
}

#[test]
fn a_new_day_repeats_the_count_typed_last_while_the_regimen_is_unchanged() {
    let mut t = empty();
    t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    let period = |from: &str, ug| RegimenPeriod {
        id: 0,
        from: date(from),
        until: None,
        doses: vec![PrescribedDose { amount: Micrograms(ug), time: None }],
        formulation: Formulation::Liquid,
        strength: String::new(),
        pharmacy: String::new(),
        note: String::new(),
    };
    t.save_regimen_period(&period("2026-03-01", 1500)).unwrap();
    t.save_entry(&form("2026-03-02", &["1.5 mL"]), None).unwrap();
    let next = t.new_entry(date("2026-03-03")).unwrap();
    assert_eq!(next.doses[0].amount, "1.5 mL", "as typed, not converted");
    assert_eq!(next.doses[0].status, DoseStatus::Taken);
    // Once another fill of that unit is in use, the count would measure another amount: mg.
    let stronger = t.save_fill(&fill("2026-03-03", Formulation::Liquid, "2mg/mL")).unwrap();
    assert_eq!(t.new_entry(date("2026-03-03")).unwrap().doses[0].amount, "1.5");
    t.delete_fill(stronger.id).unwrap();

    t.save_regimen_period(&period("2026-03-04", 2000)).unwrap();
    assert_eq!(t.new_entry(date("2026-03-04")).unwrap().doses[0].amount, "2", "a new regimen offers its mg");
}

#[test]
fn the_day_shows_how_long_its_dose_has_been_taken() {
    let mut t = empty();
    t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    t.save_entry(&form("2026-03-10", &["1 mL"]), None).unwrap();
    for day in ["2026-03-11", "2026-03-12", "2026-03-13"] {
        t.save_entry(&form(day, &["1.5 mL"]), None).unwrap();
    }
    let mut missed = form("2026-03-14", &[]);
    missed.doses = vec![DoseEntry { status: DoseStatus::Missed, ..DoseEntry::blank(Formulation::Liquid) }];
    t.save_entry(&missed, None).unwrap();
    t.save_entry(&form("2026-03-15", &["1.5"]), None).unwrap();
    let run = |d: &str| t.dose_run(date(d)).unwrap().map(|r| r.text());
    assert_eq!(run("2026-03-13").as_deref(), Some("day 3 at 1.5 mg (since 2026-03-11)"));
    assert_eq!(run("2026-03-15").as_deref(), Some("day 5 at 1.5 mg (since 2026-03-11; 1 missed)"));
    assert_eq!(run("2026-03-16"), None, "not logged");

    // A run longer than the window first read back is counted whole, even when that window
    // starts with days that had only a missed dose.
    let mut long = empty();
    let on = |k: u64| date("2024-06-01").checked_add_days(chrono::Days::new(k)).unwrap();
    long.save_entry(&form("2024-01-01", &["1"]), None).unwrap();
    for k in 0..300 {
        long.save_entry(&form(&on(k).to_string(), &["1.5"]), None).unwrap();
    }
    for k in 300..400 {
        let mut missed = form(&on(k).to_string(), &[]);
        missed.doses = vec![DoseEntry { status: DoseStatus::Missed, ..DoseEntry::blank(Formulation::Liquid) }];
        long.save_entry(&missed, None).unwrap();
    }
    long.save_entry(&form(&on(400).to_string(), &["1.5"]), None).unwrap();
    assert_eq!(
        long.dose_run(on(400)).unwrap().map(|r| r.text()).as_deref(),
        Some("day 401 at 1.5 mg (since 2024-06-01; 100 missed)")
    );
}

#[test]
fn fills_and_counts_travel_in_json_and_csv() {
    let mut t = empty();
    let liquid = t.save_fill(&fill("2026-03-01", Formulation::Liquid, "1mg/mL")).unwrap();
    t.save_entry(&form("2026-03-02", &["1.5 mL"]), None).unwrap();
    let range = DateRange::all();
    let json = exchange::export_json(&t, range).unwrap();
    assert!(json.contains("\"version\": 3"), "{json}");
    assert!(json.contains("\"strength\": \"1 mg/mL\""), "{json}");

    let mut other = empty();
    exchange::import(&mut other, &json, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(exchange::export_json(&other, range).unwrap(), json, "lossless");
    assert_eq!(other.fills().unwrap(), std::slice::from_ref(&liquid));

    // Into a journal that has fills already, the file's fill is added and its doses follow it.
    let mut third = empty();
    third.save_fill(&fill("2025-01-01", Formulation::Capsule, "4.5mg/capsule")).unwrap();
    let report = exchange::import(&mut third, &json, ImportMode::RefuseConflicts).unwrap();
    assert_eq!(report.fills_added, 1);
    let day = third.day(date("2026-03-02")).unwrap().unwrap();
    let Dose::Taken { measured: Some(Measured { fill, .. }), .. } = day.doses[0] else { panic!("counted") };
    assert_eq!(third.fill(fill).unwrap().strength.to_string(), "1 mg/mL");

    let csv = exchange::export_csv(&t, range, &CsvOptions::default()).unwrap();
    let report = exchange::import(&mut t, &csv, ImportMode::RefuseConflicts).unwrap();
    assert_eq!((report.days_unchanged, report.days_replaced), (1, 0), "its own CSV changes nothing");
    let mut rows = csv.lines();
    let header: Vec<_> = rows.next().unwrap().split(',').collect();
    let row: Vec<_> = rows.next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "dose 1 entered").expect("the column");
    assert_eq!(row[at], "1.5 mL");
    assert_eq!(row[header.iter().position(|h| *h == "dose 1 mg").unwrap()], "1.5");
}

#[test]
fn the_pdf_lists_the_fills_in_force_and_notes_a_change_of_fill_in_its_period() {
    let mut t = empty();
    t.save_fill(&fill("2026-01-01", Formulation::Liquid, "1mg/mL")).unwrap();
    let mut oak = fill("2026-03-01", Formulation::Liquid, "2mg/mL");
    oak.pharmacy = "Oak Street Pharmacy".into();
    t.save_fill(&oak).unwrap();
    for day in 1..=20 {
        t.save_entry(&form(&format!("2026-02-{day:02}"), &["1.5 mL"]), None).unwrap();
        t.save_entry(&form(&format!("2026-03-{day:02}"), &["0.75 mL"]), None).unwrap();
    }
    let range = DateRange::new(date("2026-02-01"), date("2026-03-20")).unwrap();
    let pdf = journal::report::render(&t, &journal::report::ReportOptions::new(range)).unwrap();
    let text: String =
        pdf_extract::extract_text_from_mem(&pdf).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    // Table cells wrap within their column, so a long cell's words are checked one by one.
    for expected in [
        "Supply",
        "Riverside",
        "Compounding",
        "Oak Street",
        "1 mg/mL",
        "2 mg/mL",
        "microcrystalline",
        "B-1042",
        "2027-01-31",
        "A new fill came into use in the period: 2026-03-01 (2 mg/mL · Oak Street Pharmacy)",
    ] {
        assert!(text.contains(expected), "the PDF lacks {expected:?}");
    }
    assert!(!text.contains("fridge"), "a fill's note stays out without the opt-in");
}
