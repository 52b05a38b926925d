//! The daily reminder to log, off by default: a patient who wants one sets a time (the app keeps
//! no `Reminder` until then). Pure rules, no clock: the shell passes the local wall-clock time.
//!
//! The shell's loop, with `logged` read from the journal (`None` while it cannot be read):
//!
//! ```text
//! loop {
//!     let now = Local::now().naive_local();
//!     if let Some(n) = reminder.due(now, logged(now.date())) { show(n.text()); reminder.fired(n.date()); }
//!     sleep(reminder.next_check(now));
//! }
//! ```
//!
//! Only today's date counts: a day whose time passed while the machine was off, asleep or the
//! app closed is not reminded of on a later day (an app started at 00:30 says nothing about
//! yesterday). Waking or starting later the same day, after the time, fires at once. The same
//! rule also covers clock changes (DST or manual). See [`Reminder::due`].
//!
//! [`calendar`] writes the same reminder as an iCalendar file, for a patient who would rather
//! have their calendar remind them.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::{Error, Result, hhmm};

/// A reminder's time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReminderTime(NaiveTime);

impl ReminderTime {
    /// Reads "HH:MM" (see [`hhmm::parse`]); `field` names the input in the error ("--time").
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        if s.trim().is_empty() {
            return Err(Error::invalid(field, format!("{field} is empty: give a time as HH:MM, such as 21:30")));
        }
        hhmm::parse(s).map(Self).ok_or_else(|| {
            Error::invalid(field, format!("{field} \"{s}\" is not a time of day (HH:MM, from 00:00 to 23:59)"))
        })
    }

    /// The time, to the minute (seconds are dropped).
    pub fn new(t: NaiveTime) -> Self {
        use chrono::Timelike;
        Self(t.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(t))
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl std::fmt::Display for ReminderTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hhmm::format(self.0))
    }
}

/// What the reminder says. Never anything about a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The journal was read: this date has no entry.
    NotLogged(NaiveDate),
    /// The journal is locked: whether the date is logged is unknown.
    Locked(NaiveDate),
}

impl Notice {
    pub const NOT_LOGGED: &str = "Today is not logged yet";
    pub const LOCKED: &str = "Have you logged today?";

    /// The date it is about; pass it to [`Reminder::fired`] once shown.
    pub fn date(self) -> NaiveDate {
        match self {
            Self::NotLogged(d) | Self::Locked(d) => d,
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Self::NotLogged(_) => Self::NOT_LOGGED,
            Self::Locked(_) => Self::LOCKED,
        }
    }
}

/// The longest the shell sleeps between two checks, so that a wake from suspend, a change of
/// day or a clock change is noticed within a minute.
pub const MAX_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// A daily reminder and the last date it fired. The shell may keep `last_fired` across restarts
/// (otherwise a restart the same day can remind once more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub at: ReminderTime,
    pub last_fired: Option<NaiveDate>,
}

impl Reminder {
    pub fn new(at: ReminderTime) -> Self {
        Self { at, last_fired: None }
    }

    /// Whether to remind now. `now` is local wall-clock time; `today_logged` says whether
    /// `now`'s date has an entry, `None` when the journal cannot be read (locked).
    ///
    /// Fires for `now`'s date only, once `now` is at or past the time, unless the date is
    /// logged or already reminded of. A date counts as reminded of when it fired, and so does
    /// the day before the last date fired: a clock put back across midnight (DST, by hand)
    /// never reminds twice. A last date fired two or more days ahead is a clock that was wrong
    /// and has been put right, and blocks nothing.
    pub fn due(&self, now: NaiveDateTime, today_logged: Option<bool>) -> Option<Notice> {
        let date = now.date();
        let reminded = self.last_fired.is_some_and(|f| date <= f && f <= date + chrono::Days::new(1));
        if reminded || now.time() < self.at.0 {
            return None;
        }
        match today_logged {
            Some(true) => None,
            Some(false) => Some(Notice::NotLogged(date)),
            None => Some(Notice::Locked(date)),
        }
    }

    /// Records that the notice for `date` was shown.
    pub fn fired(&mut self, date: NaiveDate) {
        self.last_fired = Some(date);
    }

    /// How long the shell sleeps before the next check: until today's time if it is ahead,
    /// never more than [`MAX_CHECK_INTERVAL`] (a sleeping timer does not see suspend or clock
    /// changes; the wall clock does).
    pub fn next_check(&self, now: NaiveDateTime) -> Duration {
        let until = (now.date().and_time(self.at.0) - now).to_std().ok().filter(|d| !d.is_zero());
        until.map_or(MAX_CHECK_INTERVAL, |d| d.min(MAX_CHECK_INTERVAL))
    }
}

/// The fixed text of the calendar event.
pub const SUMMARY: &str = "LDN Journal: log today";

/// One UID for every file written: importing a file with another time replaces the event
/// instead of adding a second one (in calendars that match events by UID).
pub const UID: &str = "ldn-journal-daily-log-reminder";

/// An iCalendar file (RFC 5545) with one daily event at `at`, from `start`, in floating local
/// time (no zone: it stays at `at` wherever the calendar is), with a display alarm at its
/// start. `stamp` is the DTSTAMP, when the file was written.
pub fn calendar(at: ReminderTime, start: NaiveDate, stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//LDN Journal//Daily reminder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{UID}"),
        format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART:{}", start.and_time(at.0).format("%Y%m%dT%H%M%S")),
        "DURATION:PT5M".into(),
        "RRULE:FREQ=DAILY".into(),
        format!("SUMMARY:{}", text(SUMMARY)),
        format!("DESCRIPTION:{}", text("Open LDN Journal and log today.")),
        "TRANSP:TRANSPARENT".into(),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        "TRIGGER:PT0S".into(),
        format!("DESCRIPTION:{}", text(SUMMARY)),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    for l in &lines {
        fold(&mut out, l);
    }
    out
}

/// A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line ending in CRLF, folded so no line is over 75 octets (RFC 5545 3.1).
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
