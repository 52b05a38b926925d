//! `reminder ics`: the daily reminder as an iCalendar file, read back with a real parser.
#![allow(clippy::unwrap_used)]

use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};

use crate::common::*;

/// The one event of a file `reminder ics` wrote: its DTSTART, RRULE and SUMMARY.
fn event(ics: &str) -> (chrono::NaiveDateTime, String, String) {
    let cal: Calendar = ics.parse().unwrap();
    let events: Vec<_> = cal.components.iter().filter_map(CalendarComponent::as_event).collect();
    assert_eq!(events.len(), 1, "{ics}");
    let e = events[0];
    let Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(start))) = e.get_start() else {
        panic!("DTSTART is not a floating local time: {ics}");
    };
    (start, e.property_value("RRULE").unwrap().into(), e.get_summary().unwrap().into())
}

#[test]
fn ics_writes_a_daily_floating_event_and_touches_no_journal() {
    let e = env();
    let file = e.path("reminder.ics");
    assert_eq!(e.ok(&["reminder", "ics", "--time", "21:30", "-o", file.to_str().unwrap()]), "");
    let ics = std::fs::read_to_string(&file).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    let (start, rrule, summary) = event(&ics);
    assert_eq!(start.time(), chrono::NaiveTime::from_hms_opt(21, 30, 0).unwrap());
    assert!((chrono::Local::now().date_naive() - start.date()).num_days().abs() <= 1, "starts today: {start}");
    assert_eq!(rrule, "FREQ=DAILY");
    assert_eq!(summary, "LDN Journal: log today");
    assert!(!e.db.exists(), "a calendar file needs no journal");

    let stdout = e.ok(&["reminder", "ics", "--time", "21:30"]);
    assert_eq!(event(&stdout), event(&ics));
}

#[test]
fn ics_replaces_an_existing_file_like_export() {
    let e = env();
    let file = e.write("reminder.ics", "old");
    e.ok(&["reminder", "ics", "--time", "07:05", "-o", &file]);
    let (start, _, _) = event(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(start.time(), chrono::NaiveTime::from_hms_opt(7, 5, 0).unwrap());
}

#[test]
fn ics_refuses_a_bad_time_naming_the_field() {
    let e = env();
    let file = e.path("reminder.ics");
    for bad in ["25:00", "9:5x", "21.30"] {
        e.fails(
            &["reminder", "ics", "--time", bad, "-o", file.to_str().unwrap()],
            &format!("--time \"{bad}\" is not a time of day (HH:MM, from 00:00 to 23:59)"),
        );
    }
    e.fails(
        &["reminder", "ics", "--time", "", "-o", file.to_str().unwrap()],
        "--time is empty: give a time as HH:MM, such as 21:30",
    );
    assert!(!file.exists());
    e.usage(
        &["reminder", "ics", "-o", file.to_str().unwrap()],
        "error: the following required arguments were not provided:",
    );
}

#[test]
fn ics_never_writes_over_the_journal() {
    let e = env();
    e.ok(&["demo", "--days", "3"]);
    let before = std::fs::read(&e.db).unwrap();
    e.fails(
        &["reminder", "ics", "--time", "21:30", "-o", e.db.to_str().unwrap()],
        "cannot overwrite the journal: that file is the journal itself, one of its working files or in its backups folder. Nothing was written; choose another name or folder.",
    );
    assert_eq!(std::fs::read(&e.db).unwrap(), before);
}
