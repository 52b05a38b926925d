#![allow(clippy::unwrap_used)]

use super::*;

const D: &str = "2026-12-02";

fn at(s: &str) -> ReminderTime {
    ReminderTime::parse("time", s).unwrap()
}

/// "2026-12-02 21:30" or "21:30" (on `D`), seconds allowed.
fn now(s: &str) -> NaiveDateTime {
    let s = if s.contains('-') { s.to_string() } else { format!("{D} {s}") };
    NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M"))
        .unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Runs the shell's loop over `checks` (wall-clock time, whether that date is logged) for a
/// reminder at 21:30, and returns what each check showed.
fn run(checks: &[(&str, Option<bool>)]) -> Vec<Option<String>> {
    run_from(Reminder::new(at("21:30")), checks)
}

fn run_from(mut r: Reminder, checks: &[(&str, Option<bool>)]) -> Vec<Option<String>> {
    checks
        .iter()
        .map(|&(t, logged)| {
            let n = r.due(now(t), logged)?;
            r.fired(n.date());
            Some(format!("{} {}", n.date(), n.text()))
        })
        .collect()
}

fn shown(s: &str) -> Option<String> {
    Some(s.to_string())
}

const NOT: Option<bool> = Some(false);

#[test]
fn logged_not_logged_and_locked() {
    assert_eq!(run(&[("21:45", Some(true))]), [None]);
    assert_eq!(run(&[("21:45", NOT)]), [shown("2026-12-02 Today is not logged yet")]);
    assert_eq!(run(&[("21:45", None)]), [shown("2026-12-02 Have you logged today?")]);
}

#[test]
fn before_and_exactly_at_the_time() {
    assert_eq!(run(&[("21:29:59", NOT)]), [None]);
    assert_eq!(run(&[("21:30", NOT)]), [shown("2026-12-02 Today is not logged yet")]);
}

#[test]
fn fires_once_a_day_only() {
    let seen = run(&[("21:30", NOT), ("21:31", NOT), ("23:59", None), ("21:31", NOT)]);
    assert_eq!(seen, [shown("2026-12-02 Today is not logged yet"), None, None, None]);
}

#[test]
fn logging_later_the_same_day_is_not_reminded_of() {
    assert_eq!(run(&[("21:00", NOT), ("21:15", Some(true)), ("21:30", Some(true))]), [None, None, None]);
}

#[test]
fn a_change_of_day_while_running_starts_a_new_day() {
    let seen = run(&[("23:59", NOT), ("2026-12-03 00:01", NOT), ("2026-12-03 21:30", NOT)]);
    assert_eq!(seen, [shown("2026-12-02 Today is not logged yet"), None, shown("2026-12-03 Today is not logged yet")]);

    // At midnight the new day's time has come at once.
    let midnight = Reminder::new(at("00:00"));
    let seen = run_from(midnight, &[("23:59", NOT), ("2026-12-03 00:01", NOT)]);
    assert_eq!(seen, [shown("2026-12-02 Today is not logged yet"), shown("2026-12-03 Today is not logged yet")]);
}

#[test]
fn a_clock_moved_back_after_firing_does_not_fire_again() {
    // Back within the day (DST's repeated hour), past the time again, and back across midnight.
    let seen = run(&[("21:35", NOT), ("21:00", NOT), ("21:40", NOT), ("2026-12-01 23:00", NOT), ("21:50", NOT)]);
    assert_eq!(seen, [shown("2026-12-02 Today is not logged yet"), None, None, None, None]);
}

#[test]
fn a_clock_moved_forward_past_the_time_fires() {
    assert_eq!(run(&[("20:00", NOT), ("22:00", NOT)]), [None, shown("2026-12-02 Today is not logged yet")]);
    // DST skipping the hour of the reminder: 01:59 is followed by 03:00.
    let r = Reminder::new(at("02:30"));
    assert_eq!(run_from(r, &[("01:59", NOT), ("03:00", NOT)]), [None, shown("2026-12-02 Today is not logged yet")]);
    // Forward to another day: that day counts, not the one skipped.
    assert_eq!(run(&[("20:00", NOT), ("2026-12-03 22:00", NOT)]), [None, shown("2026-12-03 Today is not logged yet")]);
}

#[test]
fn a_clock_put_right_after_a_wrong_future_date_fires() {
    let r = Reminder { at: at("21:30"), last_fired: Some(date("2027-01-15")) };
    assert_eq!(run_from(r, &[("21:30", NOT)]), [shown("2026-12-02 Today is not logged yet")]);
}

#[test]
fn waking_from_suspend_hours_later_fires() {
    assert_eq!(run(&[("18:00", NOT), ("23:45", NOT)]), [None, shown("2026-12-02 Today is not logged yet")]);
    // Asleep overnight: nothing about yesterday, today's time is still ahead.
    assert_eq!(run(&[("18:00", NOT), ("2026-12-03 07:00", NOT)]), [None, None]);
}

#[test]
fn starting_after_the_time_fires_but_not_for_yesterday() {
    assert_eq!(run(&[("22:10", NOT)]), [shown("2026-12-02 Today is not logged yet")]);
    // 00:30 the next day: yesterday was not logged, but only today counts.
    assert_eq!(run(&[("2026-12-03 00:30", NOT)]), [None]);
}

#[test]
fn next_check_sleeps_until_the_time_at_most_a_minute() {
    let r = Reminder::new(at("21:30"));
    let check = |t: &str| r.next_check(now(t));
    assert_eq!(check("12:00"), MAX_CHECK_INTERVAL);
    assert_eq!(check("21:29:30"), Duration::from_secs(30));
    assert_eq!(r.next_check(now("21:29:59") + chrono::Duration::milliseconds(500)), Duration::from_millis(500));
    assert_eq!(check("21:30"), MAX_CHECK_INTERVAL);
    assert_eq!(check("23:59:59"), MAX_CHECK_INTERVAL);
}

#[test]
fn times_are_hh_mm_and_errors_name_the_field() {
    assert_eq!(at("21:30").to_string(), "21:30");
    assert_eq!(at(" 7:05 ").to_string(), "07:05");
    assert_eq!(ReminderTime::new(NaiveTime::from_hms_opt(7, 5, 42).unwrap()), at("07:05"));
    let err = |s: &str| ReminderTime::parse("--time", s).unwrap_err().to_string();
    for bad in ["25:00", "24:00", "9:5x", "21.30", "noon"] {
        assert_eq!(err(bad), format!("--time \"{bad}\" is not a time of day (HH:MM, from 00:00 to 23:59)"));
    }
    assert_eq!(err(" "), "--time is empty: give a time as HH:MM, such as 21:30");
    match ReminderTime::parse("reminder.time", "") {
        Err(Error::Invalid(f)) => assert_eq!(f[0].field, "reminder.time"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn notice_texts_say_nothing_of_doses() {
    for t in [Notice::NOT_LOGGED, Notice::LOCKED, SUMMARY] {
        assert!(!t.to_lowercase().contains("dose"), "{t}");
    }
}

#[test]
fn text_values_are_escaped() {
    assert_eq!(text(r"a,b;c\d: e"), r"a\,b\;c\\d: e");
    assert_eq!(text("one\r\ntwo"), r"one\ntwo");
}

#[test]
fn long_lines_are_folded_at_75_octets() {
    let mut out = String::new();
    fold(&mut out, &format!("DESCRIPTION:{}", "é".repeat(60)));
    let lines: Vec<_> = out.split("\r\n").collect();
    assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
    assert!(lines[1].starts_with(' '));
    assert_eq!(out.replace("\r\n ", ""), format!("DESCRIPTION:{}\r\n", "é".repeat(60)));
}

#[test]
fn the_calendar_reads_back_as_a_daily_floating_event() {
    use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};

    let stamp = DateTime::parse_from_rfc3339("2026-12-01T08:15:00Z").unwrap().with_timezone(&Utc);
    let ics = calendar(at("21:30"), date(D), stamp);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "CRLF only");
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    assert!(ics.contains("\r\nDTSTART:20261202T213000\r\n"), "floating: no Z, no TZID");

    let cal: icalendar::Calendar = ics.parse().unwrap();
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert!(cal.property_value("PRODID").is_some());
    let events: Vec<_> = cal.components.iter().filter_map(CalendarComponent::as_event).collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(e.get_uid(), Some(UID));
    assert_eq!(e.get_timestamp(), Some(stamp));
    assert_eq!(e.get_start(), Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(now("21:30")))));
    assert_eq!(e.property_value("RRULE"), Some("FREQ=DAILY"));
    assert_eq!(e.property_value("DURATION"), Some("PT5M"));
    assert_eq!(e.get_summary(), Some("LDN Journal: log today"));
    let alarm = &e.components()[0];
    assert_eq!(alarm.property_value("ACTION"), Some("DISPLAY"));
    assert_eq!(alarm.property_value("TRIGGER"), Some("PT0S"));

    // The UID does not depend on the time, so a new file replaces the old event.
    assert!(calendar(at("07:00"), date(D), stamp).contains(&format!("\r\nUID:{UID}\r\n")));
}
