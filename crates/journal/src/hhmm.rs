//! Times of day travel as "HH:MM" (minutes are the journal's resolution).

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serializer};

pub fn parse(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
}

use chrono::Timelike;

pub fn format(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&super::format(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => super::parse(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("\"{s}\" is not a time of day (HH:MM)"))),
        }
    }
}
