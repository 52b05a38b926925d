//! Period summaries of small hand-made journals, written out one period per line so each
//! expectation reads like the table it becomes.
#![allow(clippy::unwrap_used)]

use std::fmt::Write;

use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::{
    CatalogItem, DateRange, Day, Dose, Formulation, PrescribedDose, RegimenPeriod, Score, Severity, SideEffectEntry,
};

const PAIN: ItemId = 1;
const FOG: ItemId = 2;
const HEADACHE: ItemId = 10;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A day built up in one expression: `day("2025-01-01").dose(500).score(PAIN, 4)`.
struct B(Day);

fn day(date: &str) -> B {
    B(Day::new(d(date)))
}

impl B {
    fn dose(mut self, ug: u32) -> Self {
        self.0.doses.push(Dose::Taken {
            time: None,
            amount: Micrograms(ug),
            formulation: Formulation::Capsule,
            note: String::new(),
            measured: None,
        });
        self
    }
    fn missed(mut self) -> Self {
        self.0.doses.push(Dose::Missed { time: None, reason: String::new() });
        self
    }
    fn score(mut self, symptom: ItemId, value: u8) -> Self {
        self.0.scores.push(Score { symptom, value });
        self
    }
    fn wellbeing(mut self, v: u8) -> Self {
        self.0.wellbeing = Some(v);
        self
    }
    fn slept(mut self, bed: &str, wake: &str, quality: u8) -> Self {
        self.0.sleep.bedtime = Some(NaiveTime::parse_from_str(bed, "%H:%M").unwrap());
        self.0.sleep.wake = Some(NaiveTime::parse_from_str(wake, "%H:%M").unwrap());
        self.0.sleep.quality = Some(quality);
        self
    }
    fn vivid(mut self, v: Vividness, nightmare: bool) -> Self {
        self.0.dreams.vivid = Some(v);
        self.0.dreams.nightmare = Some(nightmare);
        self
    }
    fn side(mut self, id: ItemId, severity: Severity) -> Self {
        self.0.side_effects.push(SideEffectEntry { side_effect: id, severity });
        self
    }
}

fn item(id: ItemId, name: &str) -> CatalogItem {
    CatalogItem { id, name: name.into(), description: String::new(), archived: false, private: false, position: id }
}

fn prescribed(from: &str, doses: &[u32]) -> RegimenPeriod {
    RegimenPeriod {
        id: 0,
        from: d(from),
        until: None,
        doses: doses.iter().map(|ug| PrescribedDose { amount: Micrograms(*ug), time: None }).collect(),
        formulation: Formulation::Capsule,
        strength: String::new(),
        pharmacy: String::new(),
        note: String::new(),
    }
}

fn data(days: Vec<B>, regimen: Vec<RegimenPeriod>, dose_before: Option<u32>) -> ChartData {
    ChartData {
        range: DateRange::all(),
        days: days.into_iter().map(|b| b.0).collect(),
        regimen,
        symptoms: vec![item(PAIN, "Pain"), item(FOG, "Brain fog")],
        side_effects: vec![item(HEADACHE, "Headache")],
        dose_before: dose_before.map(Micrograms),
        medications: vec![],
        events: vec![],
        event_kinds: vec![],
        measures: vec![],
        fills: vec![],
    }
}

fn stat(s: &Stat) -> String {
    match (s.median, s.min, s.max) {
        (Some(m), Some(lo), Some(hi)) => {
            let c = change(s.change);
            let c = if c.is_empty() { c } else { format!(" ({c})") };
            format!("n{} {} [{lo}–{hi}]{c}", s.rated_days, number(m))
        }
        _ => format!("n{}", s.rated_days),
    }
}

fn count(c: &Count) -> String {
    let pp = c.change_points.map(|p| format!(" ({}pp)", change(Some(p)))).unwrap_or_default();
    format!("{} {}%{pp}", c.days, number(c.share * 100.0))
}

/// One line per period: dates, dose, calendar/logged days, adherence, then the statistics.
fn render(summaries: &[PeriodSummary]) -> String {
    let mut out = String::new();
    for s in summaries {
        let dose = if s.baseline { "baseline".to_owned() } else { format!("{} mg", s.dose.mg_string()) };
        let adh = s.adherence.map_or("-".to_owned(), |a| format!("{}/{}", a.days_as_prescribed, a.days_compared));
        write!(out, "{}..{} {dose} days {}/{} adh {adh}", s.from, s.to, s.days_logged, s.calendar_days).unwrap();
        for it in &s.symptoms {
            write!(out, " | {} {}", it.name, stat(&it.stat)).unwrap();
        }
        write!(out, " | wb {}", stat(&s.wellbeing)).unwrap();
        if s.sleep_minutes.rated_days > 0 {
            write!(out, " | sleep {} q {}", stat(&s.sleep_minutes), stat(&s.sleep_quality)).unwrap();
        }
        for it in &s.side_effects {
            write!(out, " | {} {}", it.name, count(&it.count)).unwrap();
        }
        if s.vivid_dream_nights.days + s.nightmare_nights.days > 0 {
            write!(out, " | vivid {} nightmare {}", count(&s.vivid_dream_nights), count(&s.nightmare_nights)).unwrap();
        }
        out.push('\n');
    }
    out
}

fn check(data: ChartData, expected: &str) {
    check_lines(&period_summaries(&data), expected);
}

fn check_lines(summaries: &[PeriodSummary], expected: &str) {
    let got = render(summaries);
    let expected: String =
        expected.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("{l}\n")).collect();
    assert_eq!(got, expected, "\ngot:\n{got}");
}

#[test]
fn no_data_no_periods() {
    check(data(vec![], vec![], None), "");
}

#[test]
fn a_single_day() {
    check(
        data(vec![day("2025-03-01").dose(1500).score(PAIN, 6).wellbeing(4)], vec![], None),
        "2025-03-01..2025-03-01 1.5 mg days 1/1 adh - | Pain n1 6 [6–6] | wb n1 4 [4–4]",
    );
}

#[test]
fn baseline_then_a_step_with_differences() {
    check(
        data(
            vec![
                day("2025-01-01").score(PAIN, 5).score(FOG, 7),
                day("2025-01-02").score(PAIN, 6),
                day("2025-01-03").dose(500).score(PAIN, 4).score(FOG, 6),
                day("2025-01-04").dose(500).score(PAIN, 3).score(FOG, 6),
                day("2025-01-05").dose(500).score(PAIN, 4),
            ],
            vec![],
            None,
        ),
        "2025-01-01..2025-01-02 baseline days 2/2 adh - | Pain n2 5.5 [5–6] | Brain fog n1 7 [7–7] | wb n0
         2025-01-03..2025-01-05 0.5 mg days 3/3 adh - | Pain n3 4 [3–4] (−1.5) | Brain fog n2 6 [6–6] (−1) | wb n0",
    );
}

#[test]
fn gaps_count_calendar_days_but_not_logged_days() {
    check(
        data(
            vec![
                day("2025-01-01").dose(1000).score(PAIN, 2),
                day("2025-01-05").dose(1000).score(PAIN, 4),
                day("2025-01-10").dose(2000).score(PAIN, 4),
            ],
            vec![],
            None,
        ),
        "2025-01-01..2025-01-09 1 mg days 2/9 adh - | Pain n2 3 [2–4] | wb n0
         2025-01-10..2025-01-10 2 mg days 1/1 adh - | Pain n1 4 [4–4] (+1) | wb n0",
    );
}

#[test]
fn unrated_days_are_left_out_not_counted_as_zero() {
    check(
        data(
            vec![
                day("2025-01-01").dose(1000).score(PAIN, 0),
                day("2025-01-02").dose(1000),
                day("2025-01-03").dose(1000).score(PAIN, 8),
                day("2025-01-04").dose(1000).wellbeing(0),
            ],
            vec![],
            None,
        ),
        "2025-01-01..2025-01-04 1 mg days 4/4 adh - | Pain n2 4 [0–8] | wb n1 0 [0–0]",
    );
}

#[test]
fn missed_doses_lower_adherence_and_stay_in_their_period() {
    check(
        data(
            vec![
                day("2025-01-01").dose(1500),
                day("2025-01-02").missed(),
                day("2025-01-03"),
                day("2025-01-04").dose(1500),
                day("2025-01-05").dose(1000),
            ],
            vec![prescribed("2025-01-01", &[1500])],
            None,
        ),
        "2025-01-01..2025-01-04 1.5 mg days 4/4 adh 2/3 | wb n0
         2025-01-05..2025-01-05 1 mg days 1/1 adh 0/1 | wb n0",
    );
}

#[test]
fn two_doses_a_day_are_compared_as_their_total() {
    check(
        data(
            vec![
                day("2025-01-01").dose(2250).dose(2250),
                day("2025-01-02").dose(2250).missed(),
                day("2025-01-03").dose(4500),
            ],
            vec![prescribed("2025-01-01", &[2250, 2250])],
            None,
        ),
        "2025-01-01..2025-01-01 4.5 mg days 1/1 adh 1/1 | wb n0
         2025-01-02..2025-01-02 2.25 mg days 1/1 adh 0/1 | wb n0
         2025-01-03..2025-01-03 4.5 mg days 1/1 adh 1/1 | wb n0",
    );
}

#[test]
fn no_prescription_before_the_regimen_starts() {
    check(
        data(
            vec![day("2025-01-01").dose(500), day("2025-01-02").dose(500), day("2025-01-03").dose(500)],
            vec![prescribed("2025-01-02", &[500])],
            None,
        ),
        "2025-01-01..2025-01-03 0.5 mg days 3/3 adh 2/2 | wb n0",
    );
}

#[test]
fn sleep_dreams_and_side_effects() {
    check(
        data(
            vec![
                day("2025-01-01").slept("23:00", "07:00", 3).side(HEADACHE, Severity::Absent),
                day("2025-01-02").slept("22:30", "06:00", 4).vivid(Vividness::NotVivid, false),
                day("2025-01-03").dose(500).slept("23:30", "05:00", 2).vivid(Vividness::Very, true),
                day("2025-01-04").dose(500).vivid(Vividness::Somewhat, false).side(HEADACHE, Severity::Mild),
                day("2025-01-05").dose(500).side(HEADACHE, Severity::Severe),
                day("2025-01-06").dose(500).slept("00:30", "08:30", 3),
            ],
            vec![],
            None,
        ),
        "2025-01-01..2025-01-02 baseline days 2/2 adh - | wb n0 | sleep n2 465 [450–480] q n2 3.5 [3–4] | Headache 0 0%
         2025-01-03..2025-01-06 0.5 mg days 4/4 adh - | wb n0 | sleep n2 405 [330–480] (−60) q n2 2.5 [2–3] (−1) | Headache 2 50% (+50pp) | vivid 2 50% (+50pp) nightmare 1 25% (+25pp)",
    );
}

#[test]
fn a_range_starting_after_the_first_dose_is_not_a_baseline() {
    check(
        data(
            vec![day("2025-06-01").missed(), day("2025-06-02").dose(3000), day("2025-06-03").dose(4500)],
            vec![],
            Some(3000),
        ),
        "2025-06-01..2025-06-02 3 mg days 2/2 adh - | wb n0
         2025-06-03..2025-06-03 4.5 mg days 1/1 adh - | wb n0",
    );
}

#[test]
fn fifty_years() {
    // Alternating 1 and 2 mg every 5 years, one day in 7 not logged, pain cycling 0..=10.
    let start = d("1975-01-01");
    let days: Vec<B> = (0..365 * 50 + 13)
        .filter(|i| i % 7 != 3)
        .map(|i| {
            let date = start + chrono::Duration::days(i);
            let ug = if (i / (365 * 5)) % 2 == 0 { 1000 } else { 2000 };
            B(Day::new(date)).dose(ug).score(PAIN, (i % 11) as u8)
        })
        .collect();
    let got = period_summaries(&data(days, vec![prescribed("1975-01-01", &[1000])], None));
    // 1825-day blocks: ten full ones and the last 13 days (13 leap days in 1975–2024).
    assert_eq!(got.len(), 11);
    assert_eq!(
        render(&got[..1]),
        "1975-01-01..1979-12-30 1 mg days 1564/1825 adh 1564/1564 | Pain n1564 5 [0–10] | wb n0\n"
    );
    check_lines(
        &got[9..],
        "2019-12-22..2024-12-18 2 mg days 1564/1824 adh 0/1564 | Pain n1564 5 [0–10] (0) | wb n0
         2024-12-19..2024-12-31 1 mg days 11/13 adh 11/11 | Pain n11 4 [0–9] (−1) | wb n0",
    );
}

#[test]
fn numbers_and_changes_read_plainly() {
    for (v, s) in [(Some(-1.0), "−1"), (Some(0.5), "+0.5"), (Some(0.0), "0"), (Some(-0.04), "0"), (None, "")] {
        assert_eq!(change(v), s, "{v:?}");
    }
    for (m, s) in [(450.0, "7 h 30 min"), (420.0, "7 h"), (45.0, "45 min"), (464.5, "7 h 45 min")] {
        assert_eq!(hours_minutes(m), s);
    }
}

#[test]
fn measures_and_event_days_are_described_per_period() {
    use crate::{Event, MeasureValue, Reading};
    let reading = |measure, v: &str| Reading { measure, time: None, value: MeasureValue::parse(v).unwrap() };
    let mut days: Vec<B> = vec![
        day("2025-01-01").dose(500),
        day("2025-01-02").dose(500),
        day("2025-01-03").dose(1000),
        day("2025-01-04").dose(1000),
    ];
    // Weight once a day (two readings in the first period: an even count), blood pressure twice.
    days[0].0.readings = vec![reading(1, "71.3"), reading(2, "120/80"), reading(2, "124/79")];
    days[1].0.readings = vec![reading(1, "71.6")];
    days[2].0.readings = vec![reading(1, "70.9")];
    let mut cd = data(days, vec![], None);
    let template = |n: &str| crate::measure::template_named(n).unwrap().measure();
    cd.measures = vec![
        crate::Measure { id: 1, position: 1, ..template("Weight") },
        crate::Measure { id: 2, position: 2, ..template("Blood pressure") },
        // No reading anywhere: no column.
        crate::Measure { id: 3, position: 3, ..template("Steps") },
    ];
    cd.event_kinds = vec![item(20, "flare"), item(21, "travel")];
    cd.events = vec![
        // 2 and 3 January: one day in each period; an overlapping flare counts once.
        Event { id: 1, kind: 20, from: d("2025-01-02"), to: Some(d("2025-01-03")), note: String::new() },
        Event { id: 2, kind: 20, from: d("2025-01-02"), to: Some(d("2025-01-02")), note: String::new() },
        // Ongoing from the 4th.
        Event { id: 3, kind: 21, from: d("2025-01-04"), to: None, note: String::new() },
    ];
    let periods = period_summaries(&cd);
    let show = |p: &PeriodSummary| {
        let m: Vec<String> = p.measures.iter().map(|m| format!("{} {}: {}", m.name, m.readings, m.text())).collect();
        let e: Vec<String> = p.event_days.iter().map(|e| format!("{} {}", e.name, e.text())).collect();
        format!("{} | {}", m.join("; "), e.join("; "))
    };
    assert_eq!(
        show(&periods[0]),
        "Weight 2: 71.45\u{a0}kg (71.3–71.6); Blood pressure 2: 122/79.5\u{a0}mmHg (120/79–124/80) | flare 1 day; travel 0 days"
    );
    assert_eq!(show(&periods[1]), "Weight 1: 70.9\u{a0}kg; Blood pressure 0: – | flare 1 day; travel 1 day");
}
