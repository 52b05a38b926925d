//! The short forms typed on the command line, parsed here so the rules are tested once: dates
//! ("today", "yesterday", YYYY-MM-DD), times (HH:MM), doses (`AMOUNT[@HH:MM]`), ratings
//! (`NAME=VALUE`), as-needed intakes (`NAME[@HH:MM][=AMOUNT]`) and measure values
//! (`NAME[@HH:MM]=VALUE`). Errors are sentences for the user.

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
    let (amount, time) = dose_text(spec)?;
    Ok((amount.parse()?, time))
}

/// `AMOUNT[@HH:MM]` with the amount left as text (a count such as "1.5mL" needs the day's
/// fills: see [`crate::entry::read_amount`]).
pub fn dose_text(spec: &str) -> Result<(&str, Option<NaiveTime>), String> {
    match spec.split_once('@') {
        Some((amt, t)) => Ok((amt, Some(self::time("dose time", t)?))),
        None => Ok((spec, None)),
    }
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

/// `NAME@HH:MM` split at the last `@` when what follows is a time (a name may hold an `@`),
/// else the whole text as the name.
fn name_at(s: &str, label: &str) -> Result<(String, Option<NaiveTime>), String> {
    match s.rsplit_once('@') {
        Some((name, t)) if t.trim().contains(':') || t.trim().chars().all(|c| c.is_ascii_digit()) => {
            Ok((name.trim().to_string(), Some(time(label, t)?)))
        }
        _ => Ok((s.trim().to_string(), None)),
    }
}

/// An as-needed intake, `NAME[@HH:MM][=AMOUNT]`: "Ibuprofen@14:00", "Ibuprofen=1 tablet".
pub fn intake(spec: &str) -> Result<(String, Option<NaiveTime>, String), String> {
    let (head, amount) = match spec.split_once('=') {
        Some((h, a)) => (h, a.trim().to_string()),
        None => (spec, String::new()),
    };
    let (name, at) = name_at(head, "intake time")?;
    if name.is_empty() {
        return Err(format!("expected --as-needed NAME[@HH:MM], got \"{spec}\""));
    }
    Ok((name, at, amount))
}

/// A measure value, `NAME[@HH:MM]=VALUE`: "Weight=71,3", "Blood pressure@08:00=120/80";
/// an empty value ("Weight=") clears the measure for the day. The value is checked against
/// the measure where the day is validated; here it is only text.
pub fn measure(spec: &str) -> Result<(String, Option<NaiveTime>, String), String> {
    let form = "--measure NAME=VALUE or NAME@HH:MM=VALUE";
    let (head, value) = spec.split_once('=').ok_or_else(|| format!("expected {form}, got \"{spec}\""))?;
    let (name, at) = name_at(head, "measure time")?;
    if name.is_empty() {
        return Err(format!("expected {form}, got \"{spec}\""));
    }
    Ok((name, at, value.trim().to_string()))
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

    #[test]
    fn intakes_and_measure_values() {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").ok();
        assert_eq!(intake("Ibuprofen@14:00"), Ok(("Ibuprofen".into(), t("14:00"), String::new())));
        assert_eq!(intake(" Ibuprofen "), Ok(("Ibuprofen".into(), None, String::new())));
        assert_eq!(intake("Ibuprofen@14:00=1 tablet"), Ok(("Ibuprofen".into(), t("14:00"), "1 tablet".into())));
        assert_eq!(intake("me@home"), Ok(("me@home".into(), None, String::new())), "not a time: part of the name");
        assert_eq!(intake("Ibuprofen@25:00"), Err("intake time \"25:00\" is not a time (HH:MM)".into()));
        assert!(intake("@14:00").is_err());
        assert_eq!(measure("Weight=71,3"), Ok(("Weight".into(), None, "71,3".into())));
        assert_eq!(measure("Weight="), Ok(("Weight".into(), None, String::new())));
        assert_eq!(measure("Blood pressure@08:00=120/80"), Ok(("Blood pressure".into(), t("08:00"), "120/80".into())));
        assert!(measure("Weight").is_err());
        assert!(measure("=3").is_err());
    }
}
