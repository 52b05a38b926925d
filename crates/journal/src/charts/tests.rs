//! Chart tests: the arithmetic behind the drawing (ticks, rolling medians, gaps, markers) as
//! data-driven checks, and insta snapshots of every chart for a fixed demo journal.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::axes::{date_ticks, dose_ticks};
use super::dose_symptoms::rolling_median;
use super::markers::{Marker, change_markers};
use super::*;
use crate::{DateRange, Day, Dose, Formulation, Journal, Micrograms, PrescribedDose, RegimenPeriod, Score};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn range(a: &str, b: &str) -> DateRange {
    DateRange::new(d(a), d(b)).unwrap()
}

fn empty_data(range: DateRange) -> ChartData {
    ChartData { range, days: vec![], regimen: vec![], symptoms: vec![], side_effects: vec![], dose_before: None }
}

fn item(id: ItemId, name: &str) -> CatalogItem {
    CatalogItem { id, name: name.into(), description: String::new(), archived: false, private: false, position: id }
}

fn taken(date: &str, ug: u32, formulation: Formulation) -> Day {
    let mut day = Day::new(d(date));
    day.doses.push(Dose::Taken { time: None, amount: Micrograms(ug), formulation, note: String::new() });
    day
}

#[test]
fn every_chart_renders_for_an_empty_journal() {
    for range in [DateRange::all(), range("2025-01-01", "2025-03-31")] {
        for k in ChartKind::ALL {
            let svg = render(k, &empty_data(range), &ChartOptions::default()).unwrap();
            assert!(svg.starts_with("<svg") && svg.contains("No entries in this range"), "{k:?}");
        }
    }
}

fn check_ticks(from: &str, to: &str, max: usize, expected: &str) {
    let got: Vec<String> = date_ticks(range(from, to), max).into_iter().map(|(d, s)| format!("{d}={s}")).collect();
    assert_eq!(got.join(" "), expected);
}

#[test]
fn ticks_fall_on_day_week_month_and_year_boundaries() {
    check_ticks("2025-03-01", "2025-03-03", 8, "2025-03-01=1 Mar 2025-03-02=2 Mar 2025-03-03=3 Mar");
    // Mondays.
    check_ticks(
        "2025-03-01",
        "2025-03-27",
        6,
        "2025-03-03=3 Mar 2025-03-10=10 Mar 2025-03-17=17 Mar 2025-03-24=24 Mar",
    );
    check_ticks("2025-11-15", "2026-03-20", 7, "2025-12-01=Dec 2025 2026-01-01=Jan 2026 2026-02-01=Feb 2026-03-01=Mar");
    check_ticks("2025-01-01", "2025-12-31", 5, "2025-01-01=Jan 2025 2025-04-01=Apr 2025-07-01=Jul 2025-10-01=Oct");
    check_ticks(
        "2016-11-30",
        "2026-11-27",
        6,
        "2018-01-01=2018 2020-01-01=2020 2022-01-01=2022 2024-01-01=2024 2026-01-01=2026",
    );
    // A single day still gets its date.
    check_ticks("2025-03-05", "2025-03-05", 6, "2025-03-05=5 Mar");
}

#[test]
fn dose_axis_ends_on_a_round_amount() {
    let check = |ug: u32, top: u32, labels: &str| {
        let (t, ticks) = dose_ticks(Micrograms(ug));
        let got: Vec<String> = ticks.into_iter().map(|t| t.1).collect();
        assert_eq!((t, got.join(" ")), (top, labels.to_owned()), "{ug}");
    };
    check(4500, 5000, "0 1 2 3 4 5");
    check(1500, 1500, "0 0.5 1 1.5");
    check(250, 250, "0 0.05 0.1 0.15 0.2 0.25");
    check(0, 50, "0 0.05");
}

#[test]
fn rolling_median_needs_four_rated_days_in_seven_and_never_fills_gaps_with_zero() {
    let check = |values: &[Option<u8>], expected: &[Option<f64>]| assert_eq!(rolling_median(values), expected);
    check(&[], &[]);
    check(&[Some(5), Some(6), Some(7)], &[None, None, None]);
    check(&[Some(1), Some(2), Some(3), Some(4)], &[None, None, None, Some(2.5)]);
    check(&[Some(8), None, Some(2), None, Some(4), Some(6)], &[None, None, None, None, None, Some(5.0)]);
    // Unrated days are not zeros: four 9s in seven days have a median of 9, three have none.
    check(
        &[Some(9), Some(9), None, None, None, Some(9), Some(9), None],
        &[None, None, None, None, None, None, Some(9.0), None],
    );
}

fn marker_data() -> ChartData {
    let mut data = empty_data(range("2025-01-01", "2025-02-28"));
    data.days = vec![
        Day::new(d("2025-01-01")),
        taken("2025-01-05", 500, Formulation::Capsule),
        taken("2025-01-06", 500, Formulation::Capsule),
        taken("2025-01-20", 1000, Formulation::Liquid),
        taken("2025-02-01", 1000, Formulation::Liquid),
        taken("2025-02-10", 1000, Formulation::Tablet),
    ];
    let period = |from: &str, ug: u32, pharmacy: &str| RegimenPeriod {
        id: 0,
        from: d(from),
        until: None,
        doses: vec![PrescribedDose { amount: Micrograms(ug), time: None }],
        formulation: Formulation::Capsule,
        strength: String::new(),
        pharmacy: pharmacy.into(),
        note: String::new(),
    };
    data.regimen = vec![
        period("2024-12-01", 500, ""),
        period("2025-01-05", 500, "Riverside"),
        period("2025-01-20", 1000, "Harbour"),
        period("2025-03-15", 1000, "Oak Street"),
    ];
    data
}

#[test]
fn markers_at_every_dose_step_and_switch_sharing_one_label_per_day() {
    let m = |date: &str, label: &str| Marker { date: d(date), label: label.into() };
    let data = marker_data();
    assert_eq!(
        change_markers(&data, data.span()),
        vec![m("2025-01-05", "0.5 mg"), m("2025-01-20", "1 mg · liquid · Harbour"), m("2025-02-10", "tablet")]
    );
}

#[test]
fn a_range_that_starts_at_a_new_dose_marks_the_step() {
    // The formulation before the range is not known, so the first one seen is no switch.
    let mut data = marker_data();
    data.days.drain(..3);
    data.dose_before = Some(Micrograms(500));
    assert_eq!(change_markers(&data, data.span())[0], Marker { date: d("2025-01-20"), label: "1 mg · Harbour".into() });
}

#[test]
fn open_ranges_show_the_logged_days_and_closed_ones_show_themselves() {
    let mut data = marker_data();
    data.range = DateRange::all();
    assert_eq!(data.span(), range("2025-01-01", "2025-02-10"));
    data.range = DateRange::between(Some(d("2024-12-01")), None).unwrap();
    assert_eq!(data.span(), range("2024-12-01", "2025-02-10"));
    data.range = range("2025-01-01", "2025-02-28");
    assert_eq!(data.span(), data.range);
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn missing_and_unrated_days_are_gaps() {
    // One symptom; 3 Jan not logged, 4 Jan logged without a score or dose.
    let mut data = empty_data(range("2025-01-01", "2025-01-06"));
    data.symptoms = vec![item(1, "Pain")];
    for (date, score) in
        [("2025-01-01", Some(0)), ("2025-01-02", Some(3)), ("2025-01-04", None), ("2025-01-05", Some(4))]
    {
        let mut day = taken(date, 1000, Formulation::Capsule);
        if date == "2025-01-04" {
            day.doses.clear();
        }
        day.scores.extend(score.map(|value| Score { symptom: 1, value }));
        data.days.push(day);
    }
    let svg = dose_symptoms(&data, &ChartOptions::default()).unwrap();
    // Two legend dots plus one per rated day, the rating of 0 included.
    assert_eq!(count(&svg, "<circle"), 2 + 3);
    // The dose line: its legend swatch plus one piece per run of days with a dose taken.
    assert_eq!(count(&svg, r##"stroke="#000000" stroke-width="2""##), 1 + 2);
}

#[test]
fn charts_are_deterministic_and_name_the_embedded_font() {
    let data = marker_data();
    for k in ChartKind::ALL {
        let o = ChartOptions { theme: Theme::Dark, ..ChartOptions::default() };
        let a = render(k, &data, &o).unwrap();
        assert_eq!(a, render(k, &data, &o).unwrap(), "{k:?}");
        assert!(a.contains(r#"font-family="DejaVu Sans""#), "{k:?}");
        assert!(!a.contains("sans-serif"), "{k:?}");
    }
}

/// The demo journal's first 45 days: a baseline, then 0.5 mg and 1 mg.
fn demo() -> ChartData {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("demo.sqlite3")).unwrap();
    crate::demo::fill(&mut j, 45, 7, d("2025-06-30")).unwrap();
    ChartData::load(&j, DateRange::all()).unwrap()
}

#[test]
fn snapshots_of_every_chart() {
    let data = demo();
    for k in ChartKind::ALL {
        insta::assert_snapshot!(k.key(), render(k, &data, &ChartOptions::default()).unwrap());
    }
    let dark =
        ChartOptions { theme: Theme::Dark, symptoms: Some(vec![data.symptoms[1].id]), ..ChartOptions::default() };
    insta::assert_snapshot!("dose-symptoms-dark", dose_symptoms(&data, &dark).unwrap());
}
