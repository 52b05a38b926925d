//! Measures: numeric series the patient defines (weight, resting heart rate, blood pressure,
//! a lab value), each with a unit and a number of decimals. Values are exact ([`Decimal`]) and
//! recorded as facts: there are no reference ranges and no flags. The only bounds are the
//! ones that catch a typing slip (a weight of 7130 kg), never a clinical judgement.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::decimal::Decimal;

pub type MeasureId = u32;

/// Decimals a measure may declare.
pub const MAX_DECIMALS: u8 = 4;

/// How often a measure is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Frequency {
    /// One value a day: a new one replaces the day's.
    #[default]
    OnceADay,
    /// Each reading with its time (stool form, blood pressure).
    SeveralADay,
}

/// A numeric series the patient records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Measure {
    /// 0 for a measure not yet stored.
    #[serde(default)]
    pub id: MeasureId,
    pub name: String,
    /// As the patient writes it ("kg", "bpm", "mg/L").
    pub unit: String,
    /// Digits after the decimal mark a value may have.
    #[serde(default)]
    pub decimals: u8,
    /// Two numbers a reading, written "120/80" (blood pressure).
    #[serde(default)]
    pub paired: bool,
    #[serde(default)]
    pub frequency: Frequency,
    /// The scale's ends for a measure that is a scale (exertion 0–10, stool form 1–7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub min: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub max: Option<Decimal>,
    /// Kept out of the PDF, FHIR and CSV unless the patient opts in for that export.
    #[serde(default)]
    pub private: bool,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub position: u32,
}

/// One value, or a pair for a paired measure, exactly as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureValue {
    Single(Decimal),
    /// First and second number ("120/80": systolic, diastolic).
    Pair(Decimal, Decimal),
}

impl MeasureValue {
    /// "71.3" or "120/80", with a dot or comma as decimal mark. Not checked against a measure.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.split_once('/') {
            Some((a, b)) => Ok(Self::Pair(Decimal::parse(a)?, Decimal::parse(b)?)),
            None => Ok(Self::Single(Decimal::parse(s)?)),
        }
    }

    pub fn first(self) -> Decimal {
        match self {
            Self::Single(v) | Self::Pair(v, _) => v,
        }
    }

    pub fn second(self) -> Option<Decimal> {
        match self {
            Self::Single(_) => None,
            Self::Pair(_, b) => Some(b),
        }
    }

    fn parts(self) -> Vec<Decimal> {
        match self {
            Self::Single(v) => vec![v],
            Self::Pair(a, b) => vec![a, b],
        }
    }
}

impl std::fmt::Display for MeasureValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Single(v) => write!(f, "{v}"),
            Self::Pair(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for MeasureValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MeasureValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// One recorded value of a measure on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub measure: MeasureId,
    /// When it was taken; for a "several a day" measure each reading has its own.
    #[serde(default, with = "crate::hhmm::option")]
    #[ts(type = "string | null")]
    pub time: Option<NaiveTime>,
    #[ts(type = "string")]
    pub value: MeasureValue,
}

impl Measure {
    /// The bounds a value must keep: the measure's own scale, else a bound for its unit that
    /// only a slip of the keyboard exceeds, else one that keeps values printable.
    pub fn bounds(&self) -> (Decimal, Decimal) {
        let (lo, hi) =
            unit_bounds(&self.unit).unwrap_or((Decimal::integer(-1_000_000_000), Decimal::integer(1_000_000_000)));
        (self.min.unwrap_or(lo), self.max.unwrap_or(hi))
    }

    /// Checks a value against this measure: its shape (one number or a pair), its decimals
    /// and its bounds. The message names the value and what would be accepted.
    pub fn check(&self, value: MeasureValue) -> Result<(), String> {
        match (self.paired, value) {
            (true, MeasureValue::Single(v)) => {
                return Err(format!("{} is written as two numbers, like 120/80; got {v}", self.name));
            }
            (false, MeasureValue::Pair(..)) => {
                return Err(format!("{} is one number; got {value}", self.name));
            }
            _ => {}
        }
        let (lo, hi) = self.bounds();
        for v in value.parts() {
            if v.decimals() > self.decimals {
                return Err(match self.decimals {
                    0 => format!("{} is recorded in whole numbers; got {v}", self.name),
                    1 => format!("{} has 1 decimal; got {v}", self.name),
                    n => format!("{} has {n} decimals; got {v}", self.name),
                });
            }
            if v < lo || v > hi {
                let unit = if self.unit.is_empty() { String::new() } else { format!(" {}", self.unit) };
                return Err(format!("{} must be {lo}–{hi}{unit}; got {v}", self.name));
            }
        }
        Ok(())
    }

    /// A value typed by the patient, checked: the one way text becomes a value.
    pub fn read(&self, typed: &str) -> Result<MeasureValue, String> {
        let value = MeasureValue::parse(typed)?;
        self.check(value)?;
        Ok(value)
    }

    /// "71.3 kg", "120/80 mmHg".
    pub fn show(&self, value: MeasureValue) -> String {
        if self.unit.is_empty() { value.to_string() } else { format!("{value} {}", self.unit) }
    }
}

/// Bounds for common units: generous (a newborn to the heaviest person recorded), there only
/// to catch a value typed in the wrong unit or with a stray digit.
fn unit_bounds(unit: &str) -> Option<(Decimal, Decimal)> {
    let i = Decimal::integer;
    Some(match unit.trim().to_lowercase().as_str() {
        "kg" => (i(0), i(700)),
        "lb" | "lbs" => (i(0), i(1500)),
        "bpm" | "/min" | "beats/min" => (i(0), i(300)),
        "mmhg" | "mm[hg]" => (i(0), i(400)),
        "steps" => (i(0), i(200_000)),
        "°c" | "c" | "cel" => (i(25), i(45)),
        "°f" | "f" => (i(77), i(113)),
        "%" => (i(0), i(100)),
        "h" | "hours" => (i(0), i(24)),
        "min" | "minutes" => (i(0), i(1440)),
        _ => return None,
    })
}

/// A measure offered when the patient adds one: the usual ones, set up as a clinician would
/// read them. Names and units stay the patient's to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    pub name: &'static str,
    pub unit: &'static str,
    pub decimals: u8,
    pub paired: bool,
    pub frequency: Frequency,
    pub scale: Option<(i64, i64)>,
}

impl Template {
    pub fn measure(&self) -> Measure {
        Measure {
            id: 0,
            name: self.name.into(),
            unit: self.unit.into(),
            decimals: self.decimals,
            paired: self.paired,
            frequency: self.frequency,
            min: self.scale.map(|(lo, _)| Decimal::integer(lo)),
            max: self.scale.map(|(_, hi)| Decimal::integer(hi)),
            private: false,
            archived: false,
            position: 0,
        }
    }
}

const fn template(name: &'static str, unit: &'static str, decimals: u8) -> Template {
    Template { name, unit, decimals, paired: false, frequency: Frequency::OnceADay, scale: None }
}

pub const TEMPLATES: &[Template] = &[
    template("Weight", "kg", 1),
    template("Resting heart rate", "bpm", 0),
    Template { paired: true, frequency: Frequency::SeveralADay, ..template("Blood pressure", "mmHg", 0) },
    template("Steps", "steps", 0),
    template("Body temperature", "°C", 1),
    Template { scale: Some((0, 10)), ..template("Exertion", "", 0) },
    Template { scale: Some((1, 7)), frequency: Frequency::SeveralADay, ..template("Stool form (Bristol)", "", 0) },
    template("CRP", "mg/L", 1),
    template("Calprotectin", "µg/g", 0),
];

/// The template of `name` (case-insensitive), if there is one.
pub fn template_named(name: &str) -> Option<&'static Template> {
    let n = name.trim().to_lowercase();
    TEMPLATES.iter().find(|t| t.name.to_lowercase() == n || (n == "bristol" && t.name.starts_with("Stool")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weight() -> Measure {
        template_named("weight").map(Template::measure).expect("template")
    }

    #[test]
    fn a_value_is_kept_as_typed_within_its_decimals_and_bounds() {
        let w = weight();
        for (typed, stored) in [("71.3", "71.3"), ("71,30", "71.3"), ("70", "70"), ("0", "0"), ("700", "700")] {
            assert_eq!(w.read(typed).map(|v| v.to_string()), Ok(stored.to_string()), "{typed}");
        }
        let refused = |m: &Measure, typed: &str| m.read(typed).expect_err(typed);
        assert_eq!(refused(&w, "71.35"), "Weight has 1 decimal; got 71.35");
        assert_eq!(refused(&w, "7130"), "Weight must be 0–700 kg; got 7130");
        assert_eq!(refused(&w, "-1"), "Weight must be 0–700 kg; got -1");
        assert_eq!(refused(&w, "seventy"), "\"seventy\" is not a number");
        assert_eq!(refused(&w, "NaN"), "\"NaN\" is not a number");
        assert_eq!(refused(&w, "120/80"), "Weight is one number; got 120/80");
        let exertion = template_named("Exertion").expect("template").measure();
        assert_eq!(refused(&exertion, "11"), "Exertion must be 0–10; got 11");
        assert_eq!(refused(&exertion, "2.5"), "Exertion is recorded in whole numbers; got 2.5");
        let bristol = template_named("bristol").expect("template").measure();
        assert_eq!(refused(&bristol, "0"), "Stool form (Bristol) must be 1–7; got 0");
    }

    #[test]
    fn blood_pressure_is_one_paired_measure() {
        let bp = template_named("blood pressure").expect("template").measure();
        assert_eq!(bp.frequency, Frequency::SeveralADay);
        let v = bp.read("120/80").expect("pair");
        assert_eq!((v.first().to_string(), v.second().map(|d| d.to_string())), ("120".into(), Some("80".into())));
        assert_eq!(bp.show(v), "120/80 mmHg");
        assert_eq!(
            bp.read("120").expect_err("single"),
            "Blood pressure is written as two numbers, like 120/80; got 120"
        );
        assert!(bp.read("120/").is_err());
        assert!(bp.read("120/80/60").is_err());
        assert_eq!(bp.read("120/800").expect_err("bound"), "Blood pressure must be 0–400 mmHg; got 800");
    }

    #[test]
    fn a_free_measure_has_only_a_printable_bound() {
        let crp = Measure { name: "IL-6".into(), unit: "pg/mL".into(), decimals: 2, ..weight() };
        assert!(crp.read("1000000").is_ok());
        assert!(crp.read("-3.25").is_ok());
        assert!(crp.read("2000000000").is_err());
    }

    #[test]
    fn values_travel_as_text() {
        let r = Reading { measure: 3, time: None, value: MeasureValue::parse("71,30").expect("value") };
        let json = serde_json::to_string(&r).expect("json");
        assert_eq!(json, r#"{"measure":3,"time":null,"value":"71.3"}"#);
        assert_eq!(serde_json::from_str::<Reading>(&json).expect("back"), r);
        assert!(serde_json::from_str::<Reading>(r#"{"measure":3,"value":71.3}"#).is_err(), "a float is not a value");
    }
}
