//! The short forms typed on the command line, parsed here so the rules are tested once: dates
//! ("today", "yesterday", YYYY-MM-DD), times (HH:MM), doses (`AMOUNT[@HH:MM]`) and ratings
//! (`NAME=VALUE`). Errors are sentences for the user.

use chrono::{NaiveDate, NaiveTime};

use crate::Micrograms;

/// A date: "today", "yesterday" (relative to `today`) or YYYY-MM-DD.
pub fn date(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match s.trim() {
        "today" => Ok(today),
        "yesterday" => today.pred_opt().ok_or_else(|| "no yesterday".into()),
        t => t.parse().map_err(|_| format!("\"{t}\" is not a date (YYYY-MM-DD)")),
    }
}

/// A time of day, HH:MM; `label` names it in the error ("bedtime \"25:00\" is not a time").
pub fn time(label: &str, s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| format!("{label} \"{s}\" is not a time (HH:MM)"))
}

/// A dose taken, `AMOUNT[@HH:MM]`: "1.5mg@22:00", "250ug". The amount needs its unit (see
/// [`Micrograms`]'s `FromStr`).
pub fn dose(spec: &str) -> Result<(Micrograms, Option<NaiveTime>), String> {
    let (amount, time) = match spec.split_once('@') {
        Some((amt, t)) => (amt, Some(self::time("dose time", t)?)),
        None => (spec, None),
    };
    Ok((amount.parse()?, time))
}

/// `NAME=VALUE`, split at the last `=` (a name may hold one), both trimmed; `form` is the
/// expected form shown in the error ("--symptom NAME=SCORE").
pub fn name_value<'a>(s: &'a str, form: &str) -> Result<(&'a str, &'a str), String> {
    s.rsplit_once('=').map(|(a, b)| (a.trim(), b.trim())).ok_or_else(|| format!("expected {form}, got \"{s}\""))
}

/// The value of a symptom rating `name=value`: `None` for "-" (remove the rating), else the
/// number as typed. Its range is checked where the day is validated.
pub fn score(name: &str, value: &str) -> Result<Option<i64>, String> {
    if value == "-" {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| format!("score for {name} must be 0–10, got \"{value}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
        assert_eq!(date(" today ", today), Ok(today));
        assert_eq!(date("yesterday", today).map(|d| d.to_string()), Ok("2025-02-28".into()));
        assert_eq!(date("2025-02-30", today), Err("\"2025-02-30\" is not a date (YYYY-MM-DD)".into()));
        assert_eq!(
            dose("1.5mg@22:00").map(|(a, t)| (a.0, t.map(crate::hhmm::format))),
            Ok((1500, Some("22:00".into())))
        );
        assert_eq!(dose("250ug"), Ok((Micrograms(250), None)));
        assert_eq!(dose("1.5mg@25:00"), Err("dose time \"25:00\" is not a time (HH:MM)".into()));
        assert_eq!(name_value("a=b = 3", "F"), Ok(("a=b", "3")));
        assert_eq!(name_value("abc", "--symptom NAME=SCORE"), Err("expected --symptom NAME=SCORE, got \"abc\"".into()));
        assert_eq!(score("Pain", "-"), Ok(None));
        assert_eq!(score("Pain", "-3"), Ok(Some(-3)));
        assert_eq!(score("Pain", "x"), Err("score for Pain must be 0–10, got \"x\"".into()));
    }
}
