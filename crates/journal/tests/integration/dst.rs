//! Sleep duration is real elapsed time in the system's time zone: the nights when the clocks
//! change are an hour shorter or longer, a time that occurs twice is its first occurrence, and
//! a time that did not occur is refused at its field. Each zone runs in a child process with
//! `TZ` set (the environment cannot be changed inside a test).
#![allow(clippy::unwrap_used)]

use std::process::Command;

use crate::common::*;
use journal::{Day, Error, Sleep};

const CHILD: &str = "LDN_TEST_DST_CHILD";

fn night(d: &str, b: &str, w: &str) -> Day {
    let mut day = Day::new(date(d));
    day.sleep = Sleep { bedtime: Some(time(b)), wake: Some(time(w)), ..Default::default() };
    day
}

fn in_zone(tz: &str) {
    assert!(std::path::Path::new("/usr/share/zoneinfo").join(tz).is_file(), "install tzdata for {tz}");
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &test_name(module_path!(), "dst_child"), "--nocapture", "--test-threads=1"])
        .env(CHILD, tz)
        .env("TZ", tz)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tz}: {text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("1 passed"), "{tz}: the child test did not run: {text}");
}

#[test]
fn sleep_on_nights_the_clocks_change_is_real_time_in_new_york() {
    in_zone("America/New_York");
}

#[test]
fn sleep_on_nights_the_clocks_change_is_real_time_in_london() {
    in_zone("Europe/London");
}

/// (spring-forward day, a time skipped that night, fall-back day, a time that occurs twice)
fn dates(tz: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    match tz {
        "America/New_York" => ("2025-03-09", "02:30", "2025-11-02", "01:30"),
        "Europe/London" => ("2025-03-30", "01:30", "2025-10-26", "01:30"),
        _ => panic!("no dates for {tz}"),
    }
}

#[test]
fn dst_child() {
    let Ok(tz) = std::env::var(CHILD) else { return };
    let (spring, skipped, autumn, twice) = dates(&tz);
    // An ordinary night, then the two nights the clocks change (both cross midnight).
    assert_eq!(night("2025-06-01", "23:00", "07:00").sleep_minutes(), Some(8 * 60));
    assert_eq!(night(spring, "23:00", "07:00").sleep_minutes(), Some(7 * 60), "{tz} spring forward");
    assert_eq!(night(autumn, "23:00", "07:00").sleep_minutes(), Some(9 * 60), "{tz} fall back");
    // A bedtime in the repeated hour is its first occurrence: 01:30 summer time to 07:00.
    assert_eq!(night(autumn, twice, "07:00").sleep_minutes(), Some(6 * 60 + 30), "{tz} repeated hour");

    // A time in the skipped hour has no duration and is refused at its field.
    let mut t = with_symptoms();
    let bad = night(spring, skipped, "09:00");
    assert_eq!(bad.sleep_minutes(), None);
    let Error::Invalid(fields) = err(t.save_day(&bad)) else { panic!("expected a field error") };
    assert_eq!(fields[0].field, "sleep.bedtime", "{fields:?}");
    assert!(fields[0].message.contains(&format!("{skipped} did not exist on {spring}")), "{}", fields[0].message);
    let Error::Invalid(fields) = err(t.save_day(&night(spring, "22:00", skipped))) else { panic!("expected an error") };
    assert_eq!(fields[0].field, "sleep.wake", "{fields:?}");

    // Every user of the duration uses the same one: CSV, summary, FHIR.
    let mut logged = night(spring, "23:00", "07:00");
    logged.doses.push(taken(1500, "22:00"));
    t.save_day(&logged).unwrap();
    let csv = journal::exchange::export_csv(&t, journal::DateRange::all(), &Default::default()).unwrap();
    assert!(csv.lines().nth(1).unwrap().contains(",7:00,"), "{csv}");
    let data = journal::charts::ChartData::load(&t, journal::DateRange::all()).unwrap();
    let summary = journal::summary::period_summaries(&data);
    let medians: Vec<_> = summary.iter().map(|s| s.sleep_minutes.median).collect();
    assert_eq!(medians, [Some(420.0)], "{summary:?}");

    // FHIR: the same duration, and a dose in the repeated hour at its first occurrence.
    let mut repeated = Day::new(date(autumn));
    repeated.doses.push(taken(1500, twice));
    t.save_day(&repeated).unwrap();
    let options = journal::fhir::Options {
        include_notes: false,
        include_dream_notes: false,
        include_private_items: false,
        patient_name: None,
        zone: journal::fhir::Zone::Local,
    };
    let fhir = journal::fhir::export_fhir(&t, journal::DateRange::all(), &options).unwrap();
    let first = match tz.as_str() {
        "America/New_York" => "-04:00",
        _ => "+01:00",
    };
    assert!(fhir.contains(&format!("\"{autumn}T{twice}:00{first}\"")), "{tz}: the dose's first occurrence: {fhir}");
    assert!(fhir.contains("\"value\": 420") || fhir.contains("\"value\":420"), "{tz}: 7 h of sleep in FHIR");
}
