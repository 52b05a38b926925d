//! Chart tests: the arithmetic behind the drawing (ticks, rolling medians, gaps, markers) as
//! data-driven checks, and insta snapshots of every chart for a fixed demo journal.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::axes::{date_ticks, dose_ticks, nice_ticks};
use super::dose_symptoms::rolling_median;
use super::markers::{Marker, MarkerKind, PlacedLabel, change_markers, label_width, layout_labels};
use super::style::SMALL_PX;
use super::*;
use crate::{DateRange, Day, Dose, Formulation, Journal, Micrograms, PrescribedDose, RegimenPeriod, Score};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn range(a: &str, b: &str) -> DateRange {
    DateRange::new(d(a), d(b)).unwrap()
}

fn empty_data(range: DateRange) -> ChartData {
    ChartData {
        range,
        days: vec![],
        regimen: vec![],
        symptoms: vec![],
        side_effects: vec![],
        dose_before: None,
        medications: vec![],
        events: vec![],
        event_kinds: vec![],
        measures: vec![],
        fills: vec![],
    }
}

fn item(id: ItemId, name: &str) -> CatalogItem {
    CatalogItem { id, name: name.into(), description: String::new(), archived: false, private: false, position: id }
}

fn taken(date: &str, ug: u32, formulation: Formulation) -> Day {
    let mut day = Day::new(d(date));
    day.doses.push(Dose::Taken {
        time: None,
        amount: Micrograms(ug),
        formulation,
        note: String::new(),
        measured: None,
    });
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
    let m = |date: &str, label: &str, kind, short: Option<&str>| Marker {
        date: d(date),
        label: label.into(),
        kind,
        short: short.map(Into::into),
    };
    let data = marker_data();
    assert_eq!(
        change_markers(&data, data.span()),
        vec![
            m("2025-01-05", "0.5 mg", MarkerKind::DoseStep, None),
            m("2025-01-20", "1 mg · liquid · Harbour", MarkerKind::DoseStep, Some("1 mg")),
            m("2025-02-10", "tablet", MarkerKind::Formulation, None)
        ]
    );
}

#[test]
fn a_new_fill_is_marked_with_what_changed_and_only_then() {
    let fill = |id, from: &str, strength: &str, pharmacy: &str, filler: &str| crate::Fill {
        id,
        received: d(from),
        started: None,
        pharmacy: pharmacy.into(),
        formulation: Formulation::Capsule,
        strength: crate::Strength::parse(strength).unwrap(),
        filler: filler.into(),
        batch: format!("batch {id}"),
        quantity: String::new(),
        use_by: None,
        note: String::new(),
    };
    let mut data = marker_data();
    data.fills = vec![
        fill(1, "2025-01-01", "0.5mg/capsule", "Riverside", "microcrystalline cellulose"),
        fill(2, "2025-01-08", "1mg/mL", "Riverside", ""),
        // The same again, another batch: no marker.
        fill(3, "2025-01-12", "0.5mg/capsule", "Riverside", "Microcrystalline cellulose"),
        fill(4, "2025-01-25", "0.5mg/capsule", "Oak Street", "lactose"),
        fill(5, "2025-02-03", "2mg/mL", "Riverside", ""),
    ];
    let fills: Vec<_> = change_markers(&data, data.span())
        .into_iter()
        .filter(|m| m.kind == MarkerKind::Fill)
        .map(|m| (m.date.to_string(), m.label))
        .collect();
    assert_eq!(
        fills,
        [("2025-01-25".into(), "Oak Street · lactose".into()), ("2025-02-03".to_string(), "2 mg/mL".to_string())]
    );
}

#[test]
fn a_range_that_starts_at_a_new_dose_marks_the_step() {
    // The formulation before the range is not known, so the first one seen is no switch.
    let mut data = marker_data();
    data.days.drain(..3);
    data.dose_before = Some(Micrograms(500));
    let expected = Marker {
        date: d("2025-01-20"),
        label: "1 mg · Harbour".into(),
        kind: MarkerKind::DoseStep,
        short: Some("1 mg".into()),
    };
    assert_eq!(change_markers(&data, data.span())[0], expected);
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
    demo_days(45)
}

/// A demo journal of `days` days ending on 30 June 2025.
fn demo_days(days: u32) -> ChartData {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("demo.sqlite3")).unwrap();
    crate::demo::fill(&mut j, days, 7, d("2025-06-30")).unwrap();
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

/// The boxes of placed labels as the embedded DejaVu Sans draws them, measured afresh:
/// (row, left, right), anchored where the chart anchors the text.
fn drawn_boxes(labels: &[PlacedLabel]) -> Vec<(i32, f64, f64)> {
    let fonts = crate::report::fonts::Fonts::get().unwrap();
    labels
        .iter()
        .map(|l| {
            let w = f64::from(fonts.width(&l.text, SMALL_PX as f32, crate::report::fonts::Weight::Regular));
            let (a, b) = if l.before_line {
                (f64::from(l.left + l.width) - w, f64::from(l.left + l.width))
            } else {
                (f64::from(l.left), f64::from(l.left) + w)
            };
            (l.row, a, b)
        })
        .collect()
}

fn assert_apart_and_inside(labels: &[PlacedLabel], (left, right): (i32, i32)) {
    let boxes = drawn_boxes(labels);
    for (i, (row, a, b)) in boxes.iter().enumerate() {
        assert!(*a >= f64::from(left) && *b <= f64::from(right), "{:?} outside {left}..{right}", labels[i]);
        for (j, (row2, a2, b2)) in boxes.iter().enumerate().skip(i + 1) {
            assert!(row != row2 || b <= a2 || b2 <= a, "{:?} overlaps {:?}", labels[i], labels[j]);
        }
    }
}

#[test]
fn marker_labels_never_overlap_nor_leave_the_plot() {
    let plot = (58, 580);
    let labels = ["4.5 mg · liquid · Harbour Pharmacy", "0.5 mg", "tablet", "Oak Street Pharmacy", "12.5 mg · capsule"];
    let kinds = [MarkerKind::DoseStep, MarkerKind::Formulation, MarkerKind::Pharmacy];
    // Markers from the plot's first to its last pixel, ever closer together.
    for step in [200, 90, 40, 13, 5, 1] {
        let xs: Vec<i32> = (plot.0..=plot.1).step_by(step).chain([plot.1]).collect();
        let markers: Vec<Marker> = (0..xs.len())
            .map(|i| Marker {
                date: d("2025-01-01"),
                label: labels[i % labels.len()].into(),
                kind: kinds[i % 3],
                short: (i % 2 == 0).then(|| "2 mg".into()),
            })
            .collect();
        let placed = layout_labels(&markers, &xs, plot, label_width().unwrap());
        assert_apart_and_inside(&placed, plot);
        // Widely spaced markers all keep their labels.
        if step >= 200 {
            assert_eq!(placed.len(), markers.len(), "{step}");
        }
        // Only higher- or equal-ranked labels take a label's room: without every lower-ranked
        // marker, a label left out is still left out.
        for dropped in (0..markers.len()).filter(|i| placed.iter().all(|p| p.marker != *i)) {
            let rank = markers[dropped].kind;
            let keep: Vec<usize> = (0..markers.len()).filter(|i| markers[*i].kind <= rank).collect();
            let fewer: Vec<Marker> = keep.iter().map(|i| markers[*i].clone()).collect();
            let fewer_xs: Vec<i32> = keep.iter().map(|i| xs[*i]).collect();
            let again = layout_labels(&fewer, &fewer_xs, plot, label_width().unwrap());
            assert!(
                again.iter().all(|p| keep[p.marker] != dropped),
                "{step}: {:?} made way for a lower rank",
                fewer[0]
            );
        }
    }
}

#[test]
fn marker_labels_move_inside_at_the_edges_and_give_way_by_rank() {
    let plot = (58, 580);
    let m = |label: &str, kind| Marker { date: d("2025-01-01"), label: label.into(), kind, short: None };
    let measure = label_width().unwrap();
    // At the right edge a label goes left of its line; a label as wide as the plot is shortened.
    let markers = [m("3 mg · liquid · Harbour Pharmacy", MarkerKind::DoseStep)];
    let placed = layout_labels(&markers, &[579], plot, &measure);
    assert!(placed[0].before_line);
    assert_apart_and_inside(&placed, plot);
    let long = m(&"Very Long Pharmacy Name ".repeat(6), MarkerKind::Pharmacy);
    let placed = layout_labels(std::slice::from_ref(&long), &[300], plot, &measure);
    assert!(placed[0].text.ends_with('…') && placed[0].width <= plot.1 - plot.0, "{placed:?}");
    assert_apart_and_inside(&placed, plot);
    // Three changes close together at the plot's left edge, with no room left of their lines:
    // two rows, so the pharmacy label gives way to the dose and the formulation.
    let markers = [
        m("Oak Street Pharmacy", MarkerKind::Pharmacy),
        m("3 mg", MarkerKind::DoseStep),
        m("liquid", MarkerKind::Formulation),
    ];
    let placed = layout_labels(&markers, &[60, 62, 64], plot, &measure);
    let kept: Vec<usize> = placed.iter().map(|p| p.marker).collect();
    assert_eq!(kept, vec![1, 2]);
    assert_apart_and_inside(&placed, plot);
    // With no room for a whole label, a day of several changes shows its dose step alone.
    let crowded = [
        m("2 mg · capsule · Oak Street Pharmacy", MarkerKind::DoseStep),
        m("3 mg · liquid · Harbour Pharmacy", MarkerKind::DoseStep),
        Marker { short: Some("4.5 mg".into()), ..m("4.5 mg · capsule · Oak Street Pharmacy", MarkerKind::DoseStep) },
    ];
    let placed = layout_labels(&crowded, &[100, 110, 400], plot, &measure);
    let texts: Vec<&str> = placed.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["2 mg · capsule · Oak Street Pharmacy", "3 mg · liquid · Harbour Pharmacy", "4.5 mg"]);
    assert_apart_and_inside(&placed, plot);
}

/// A range of each class: 30 days (daily), 1 year (weekly), 10 years (monthly).
#[test]
fn snapshots_for_each_range_class() {
    for (label, days) in [("30d", 30), ("1y", 365), ("10y", 3650)] {
        let data = demo_days(days);
        let o = ChartOptions::default();
        for k in [ChartKind::DoseSymptoms, ChartKind::Sleep] {
            let svg = render(k, &data, &o).unwrap();
            insta::assert_snapshot!(format!("{}-{label}", k.key()), svg);
        }
    }
}

#[test]
fn long_ranges_say_which_medians_they_draw_and_never_summarise_the_dose() {
    let data = demo_days(400);
    let svg = dose_symptoms(&data, &ChartOptions::default()).unwrap();
    assert!(svg.contains("weekly medians, band: middle half of days"));
    assert!(!svg.contains("7-day median"));
    let data = demo_days(3650);
    let svg = dose_symptoms(&data, &ChartOptions::default()).unwrap();
    assert!(svg.contains("monthly medians, band: middle half of days"));
    // The dose line keeps to the amounts somebody took: 0.5, 1, 1.5, 2, 3 and 4.5 mg, never a
    // median between them. (The legend's black swatches, above y = 90, are left out.)
    let mut levels: Vec<i32> = svg
        .lines()
        .filter(|l| l.contains(r##"stroke="#000000" stroke-width="2" points=""##))
        .flat_map(|l| l.split("points=\"").nth(1).unwrap_or("").split_whitespace())
        .filter_map(|p| p.split(',').nth(1)?.parse().ok())
        .filter(|y| *y > 90)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    assert_eq!(levels.len(), 6, "{levels:?}");
    let sleep = render(ChartKind::Sleep, &data, &ChartOptions::default()).unwrap();
    assert!(sleep.contains("monthly medians, band: middle half of nights"));
}

/// A demo journal of `days` days ending on 30 June 2025 with its context: measures, other
/// medications and events.
fn demo_context(days: u32) -> ChartData {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("demo.sqlite3")).unwrap();
    crate::demo::fill(&mut j, days, 7, d("2025-06-30")).unwrap();
    crate::demo::fill_context(&mut j, 7).unwrap();
    ChartData::load(&j, DateRange::all()).unwrap()
}

#[test]
fn snapshots_with_measures_medications_and_events() {
    for (label, days) in [("60d", 60), ("1y", 365), ("10y", 3650)] {
        let data = demo_context(days);
        let o = ChartOptions::default();
        insta::assert_snapshot!(format!("measures-{label}"), render(ChartKind::Measures, &data, &o).unwrap());
        if label == "60d" {
            insta::assert_snapshot!("dose-symptoms-context-60d", render(ChartKind::DoseSymptoms, &data, &o).unwrap());
            insta::assert_snapshot!("sleep-context-60d", render(ChartKind::Sleep, &data, &o).unwrap());
        }
    }
}

fn medication(id: u32, name: &str, dose: &str, from: &str, until: Option<&str>) -> crate::Medication {
    crate::Medication {
        id,
        name: name.into(),
        dose: dose.into(),
        schedule: String::new(),
        as_needed: false,
        from: d(from),
        until: until.map(d),
        note: String::new(),
        private: false,
    }
}

#[test]
fn medication_starts_stops_and_dose_changes_and_event_starts_are_markers() {
    let mut data = empty_data(range("2025-01-01", "2025-03-31"));
    data.days.push(taken("2025-01-01", 1000, Formulation::Capsule));
    data.medications = vec![
        // A dose change: the second entry starts the day after the first ends.
        medication(1, "Vitamin D", "1000 IU", "2024-12-01", Some("2025-01-31")),
        medication(2, "vitamin d", "2000 IU", "2025-02-01", None),
        // Stopped on 10 March: the marker is on the first day without it.
        medication(3, "Magnesium", "", "2025-01-15", Some("2025-03-10")),
        // Ends on the last day of the range: no stop inside it.
        medication(4, "Omega-3", "1 g", "2025-02-20", Some("2025-03-31")),
    ];
    data.event_kinds = vec![item(1, "infection"), item(2, "period")];
    data.events = vec![
        crate::Event { id: 1, kind: 1, from: d("2025-02-10"), to: Some(d("2025-02-14")), note: String::new() },
        // Started before the range: its start is not a marker, its days inside are shaded.
        crate::Event { id: 2, kind: 2, from: d("2024-12-30"), to: Some(d("2025-01-03")), note: String::new() },
    ];
    let got: Vec<(String, String)> =
        change_markers(&data, data.span()).into_iter().map(|m| (m.date.to_string(), m.label)).collect();
    let want = [
        ("2025-01-15", "+ Magnesium"),
        ("2025-02-01", "vitamin d → 2000 IU"),
        ("2025-02-10", "infection"),
        ("2025-02-20", "+ Omega-3"),
        ("2025-03-11", "\u{2212} Magnesium"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
    assert_eq!(got, want);

    let svg = dose_symptoms(&data, &ChartOptions::default()).unwrap();
    assert!(svg.contains("event days") && svg.contains("\ninfection\n"), "the legend explains the shade");
    let shades = svg.matches(r#"opacity="0.14""#).count() + svg.matches(r#"fill-opacity="0.14""#).count();
    assert_eq!(shades, 2, "one shade per event in the range");

    // Kept out of reports: a private medication and events of a private kind leave with their markers.
    data.medications[2].private = true;
    data.event_kinds[0].private = true;
    let public = data.without_private_items();
    let labels: Vec<String> = change_markers(&public, public.span()).into_iter().map(|m| m.label).collect();
    assert_eq!(labels, ["vitamin d → 2000 IU", "+ Omega-3"]);
}

fn reading(measure: crate::MeasureId, value: &str) -> crate::Reading {
    crate::Reading { measure, time: None, value: crate::MeasureValue::parse(value).unwrap() }
}

#[test]
fn the_measures_chart_has_a_panel_with_its_unit_per_measure() {
    let mut data = empty_data(range("2025-01-01", "2025-01-10"));
    let template = |n: &str| crate::measure::template_named(n).unwrap().measure();
    data.measures = vec![
        crate::Measure { id: 1, position: 1, ..template("Weight") },
        crate::Measure { id: 2, position: 2, ..template("Blood pressure") },
        crate::Measure { id: 3, position: 3, ..template("Steps") },
    ];
    for (i, date) in ["2025-01-01", "2025-01-02", "2025-01-05"].into_iter().enumerate() {
        let mut day = taken(date, 1000, Formulation::Capsule);
        day.readings.push(reading(1, ["71.3", "71.5", "70.9"][i]));
        day.readings.push(reading(2, "120/80"));
        day.readings.push(reading(2, "118/79"));
        data.days.push(day);
    }
    let o = ChartOptions::default();
    // Steps has no reading: not drawn unless chosen.
    assert_eq!(data.chosen_measures(&o).iter().map(|m| m.id).collect::<Vec<_>>(), [1, 2]);
    let svg = measures(&data, &o).unwrap();
    assert!(svg.contains("\nWeight (kg)\n") && svg.contains("\nBlood pressure (mmHg)\n"), "{svg}");
    assert!(!svg.contains("Steps"));
    assert!(svg.contains("second number"), "a paired measure says what its second line is");
    // Dots: legend swatch, 3 weights, 3 × 2 readings × 2 numbers of blood pressure.
    assert_eq!(count(&svg, "<circle"), 1 + 3 + 12);

    let chosen = ChartOptions { measures: Some(vec![3]), ..ChartOptions::default() };
    let svg = measures(&data, &chosen).unwrap();
    assert!(svg.contains("\nSteps (steps)\n") && svg.contains("No readings in this range"));
    // More measures, a taller chart: every panel keeps its height.
    let all = ChartOptions { measures: Some(vec![1, 2, 3]), ..ChartOptions::default() };
    let tall = measures(&data, &all).unwrap();
    let height = |svg: &str| -> i32 {
        svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).unwrap().parse().unwrap()
    };
    assert!(height(&tall) > height(&svg) && height(&tall) >= 3 * 110, "{}", height(&tall));
    assert!(measures(&empty_data(range("2025-01-01", "2025-01-02")), &o).unwrap().contains("No entries in this range"));
    data.measures[0].private = true;
    assert_eq!(data.without_private_items().chosen_measures(&o).iter().map(|m| m.id).collect::<Vec<_>>(), [2]);
}

#[test]
fn value_axes_end_on_round_numbers() {
    let check = |lo: f64, hi: f64, decimals: u8, want: &str| {
        let (_, _, ticks) = nice_ticks(lo, hi, decimals);
        let got: Vec<String> = ticks.into_iter().map(|t| t.1).collect();
        assert_eq!(got.join(" "), want, "{lo}..{hi}");
    };
    check(70.9, 71.5, 1, "70.8 71.0 71.2 71.4 71.6");
    check(58.0, 72.0, 0, "55 60 65 70 75");
    check(0.0, 12_345.0, 0, "0 5000 10000 15000");
    check(36.6, 36.6, 1, "36.2 36.4 36.6 36.8 37.0");
    check(-2.0, 3.0, 0, "\u{2212}2 0 2 4");
    check(0.12, 0.19, 2, "0.12 0.14 0.16 0.18 0.20");
}
