#![allow(clippy::unwrap_used)]

use super::*;
use crate::summary::{Adherence, ItemStat};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn period(id: u32, from: &str, until: Option<&str>, doses: &[(u32, Option<&str>)]) -> RegimenPeriod {
    RegimenPeriod {
        id,
        from: date(from),
        until: until.map(date),
        doses: doses
            .iter()
            .map(|(ug, t)| PrescribedDose { amount: Micrograms(*ug), time: t.and_then(crate::hhmm::parse) })
            .collect(),
        formulation: Formulation::SublingualDrops,
        strength: "1 mg/mL".into(),
        pharmacy: String::new(),
        note: String::new(),
    }
}

#[test]
fn doses_and_prescriptions_read_as_the_pdf_says_them() {
    let p = period(1, "2025-01-01", None, &[(1500, Some("21:00")), (125, None)]);
    assert_eq!(dose_list(&p.doses), "1.5 mg at 21:00 + 0.125 mg");
    assert_eq!(prescribed_line(&p), "1.5 mg at 21:00 + 0.125 mg · sublingual drops · 1 mg/mL");
    assert_eq!(formulation_name(Formulation::SublingualDrops), "Sublingual drops");
    assert_eq!(mg(Micrograms(3000)), "3 mg");
    assert_eq!([sleep_duration(425), sleep_duration(60), sleep_duration(5)], ["7 h 5 min", "1 h", "5 min"]);
}

#[test]
fn a_period_ends_on_its_own_date_or_the_day_before_the_next() {
    let regimen = vec![
        period(1, "2025-01-01", Some("2025-03-01"), &[(1500, None)]),
        period(2, "2025-02-01", None, &[(3000, Some("21:00"))]),
        period(3, "2025-04-01", Some("2025-04-10"), &[(4500, None)]),
    ];
    let list = PeriodView::list(&regimen);
    let ends: Vec<(Option<NaiveDate>, bool)> = list.iter().map(|v| (v.last_day, v.ends_by_next)).collect();
    assert_eq!(
        ends,
        [(Some(date("2025-01-31")), true), (Some(date("2025-03-31")), true), (Some(date("2025-04-10")), false)]
    );
    assert_eq!(list[1].line, "3 mg at 21:00 (total 3 mg a day) · Sublingual drops · 1 mg/mL");
    let open = PeriodView::list(&regimen[1..2]);
    assert_eq!((open[0].last_day, open[0].ends_by_next), (None, false));
    assert_eq!(open[0].entry, PeriodEntry::from_period(&regimen[1]));
}

#[test]
fn a_day_in_one_line() {
    let mut d = Day::new(date("2025-01-01"));
    assert_eq!((DaySummary::of(&d).taken, DaySummary::of(&d).any_taken), (None, false));
    d.doses.push(Dose::Missed { time: None, reason: String::new() });
    let s = DaySummary::of(&d);
    assert_eq!((s.taken.as_deref(), s.any_taken, s.missed), (Some("0 mg"), false, 1));
    d.doses.push(Dose::Taken {
        time: None,
        amount: Micrograms(1500),
        formulation: Formulation::Capsule,
        note: "".into(),
        measured: None,
    });
    d.dreams.notes = " ".into();
    let s = DaySummary::of(&d);
    assert_eq!((s.taken.as_deref(), s.any_taken, s.has_notes), (Some("1.5 mg"), true, false));
}

fn stat(median: Option<f64>, min: Option<u32>, max: Option<u32>, change: Option<f64>) -> Stat {
    Stat { rated_days: 3, median, min, max, change }
}

#[test]
fn the_period_table_shows_medians_ranges_and_plain_differences() {
    let count = |days, share, change_points| Count { days, share, change_points };
    let p = PeriodSummary {
        from: date("2025-01-01"),
        to: date("2025-01-28"),
        dose: Micrograms(1500),
        baseline: false,
        calendar_days: 28,
        days_logged: 20,
        adherence: Some(Adherence { days_as_prescribed: 19, days_compared: 20 }),
        symptoms: vec![ItemStat { id: 1, name: "Pain".into(), stat: stat(Some(4.5), Some(2), Some(7), Some(-1.5)) }],
        wellbeing: stat(Some(6.0), Some(6), Some(6), Some(0.04)),
        sleep_minutes: stat(Some(425.0), Some(360), Some(480), Some(-30.0)),
        sleep_quality: stat(None, None, None, None),
        side_effects: vec![crate::summary::DayCount { id: 5, name: "Nausea".into(), count: count(5, 0.25, Some(5.0)) }],
        vivid_dream_nights: count(10, 0.5, Some(-10.0)),
        nightmare_nights: count(0, 0.0, None),
        measures: vec![crate::summary::MeasureStat {
            id: 3,
            name: "Weight".into(),
            unit: "kg".into(),
            decimals: 1,
            readings: 4,
            first: Some(crate::summary::Spread {
                median: 71.25,
                min: crate::Decimal::parse("70.8").unwrap(),
                max: crate::Decimal::parse("72").unwrap(),
            }),
            second: None,
        }],
        event_days: vec![crate::summary::EventDays { kind: 4, name: "flare".into(), days: 3 }],
        fill_changes: vec![],
    };
    let row = PeriodRow::of(&p);
    assert_eq!(row.measures[0].cell.value, "71.25\u{a0}kg (70.8–72)");
    assert_eq!((row.events[0].name.as_str(), row.events[0].cell.value.as_str()), ("flare", "3 days"));
    assert_eq!(
        (row.dose.as_str(), row.days_logged.as_str(), row.as_prescribed.as_str()),
        ("1.5 mg", "20 of 28", "19 of 20")
    );
    let cell = |c: &Cell| (c.value.clone(), c.change.clone());
    assert_eq!(cell(&row.symptoms[0].cell), ("4.5 (2–7)".into(), "\u{2212}1.5".into()));
    assert_eq!(cell(&row.wellbeing), ("6".into(), "0".into()));
    assert_eq!(cell(&row.sleep), ("7 h 5 min (6 h–8 h)".into(), "\u{2212}30 min".into()));
    assert_eq!(cell(&row.sleep_quality), ("–".into(), String::new()));
    assert_eq!(cell(&row.side_effects[0].cell), ("5 (25%)".into(), "+5 pts".into()));
    assert_eq!(cell(&row.vivid_dreams), ("10 (50%)".into(), String::new()));
    assert_eq!(cell(&row.nightmares), ("0 (0%)".into(), String::new()));

    let baseline = PeriodRow::of(&PeriodSummary { baseline: true, dose: Micrograms(0), adherence: None, ..p });
    assert_eq!((baseline.dose.as_str(), baseline.as_prescribed.as_str()), ("no dose", "–"));
}

/// The names the UI's formulation lists show, written beside the generated types (run by
/// `cargo test export_bindings`; scripts/test fails when the committed file differs). The
/// `Record<Formulation, string>` type makes a new formulation a build error in the UI until
/// this file is regenerated.
#[test]
fn export_bindings_formulation_names() {
    // Where ts-rs writes (set by .cargo/config.toml for rustc, as ts-rs reads it).
    let Some(dir) = option_env!("TS_RS_EXPORT_DIR") else { return };
    let mut ts = String::from(
        "// Generated from journal::view::formulation_name by `cargo test export_bindings`; do not edit.\n\
         import type { Formulation } from \"./Formulation\";\n\n\
         export const FORMULATION_NAMES: Record<Formulation, string> = {\n",
    );
    for f in Formulation::ALL {
        ts.push_str(&format!("  {}: {:?},\n", f.key(), formulation_name(f)));
    }
    ts.push_str("};\n");
    std::fs::write(std::path::Path::new(&dir).join("FormulationNames.ts"), ts).unwrap();
}
