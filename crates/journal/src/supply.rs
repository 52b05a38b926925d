//! The LDN supply: fills (one dispensing each: pharmacy, formulation, strength per unit, filler,
//! batch) and doses entered in the unit the patient measures (`1.5 mL`, `3 drops`). A count is
//! converted to exact micrograms with the strength of the fill in force that day, once, when
//! the dose is saved; the micrograms are then frozen. The conversion goes one way only: nothing
//! here tells a patient how much to measure.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Decimal, Formulation, Micrograms};

pub type FillId = u32;

/// What a patient counts when measuring a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DoseUnit {
    Ml,
    Drop,
    Capsule,
    Tablet,
    Click,
}

impl DoseUnit {
    pub const ALL: [DoseUnit; 5] = [Self::Ml, Self::Drop, Self::Capsule, Self::Tablet, Self::Click];

    /// The stable name used in storage and exports.
    pub fn key(self) -> &'static str {
        match self {
            Self::Ml => "ml",
            Self::Drop => "drop",
            Self::Capsule => "capsule",
            Self::Tablet => "tablet",
            Self::Click => "click",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.key() == s)
    }

    /// The unit as shown after a number: "mL", "drop", "capsule".
    pub fn singular(self) -> &'static str {
        match self {
            Self::Ml => "mL",
            other => other.key(),
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Self::Ml => "mL",
            Self::Drop => "drops",
            Self::Capsule => "capsules",
            Self::Tablet => "tablets",
            Self::Click => "clicks",
        }
    }

    /// The UCUM unit FHIR quantities use.
    pub fn ucum(self) -> &'static str {
        match self {
            Self::Ml => "mL",
            Self::Drop => "[drp]",
            Self::Capsule => "{capsule}",
            Self::Tablet => "{tablet}",
            Self::Click => "{click}",
        }
    }

    /// Reads a unit word, any case, singular or plural: "mL", "ml", "drops", "Capsule".
    pub fn parse(word: &str) -> Option<Self> {
        let w = word.trim().to_lowercase();
        let w = if w == "ml" { w.as_str() } else { w.strip_suffix('s').unwrap_or(&w) };
        Self::from_key(w)
    }

    fn known() -> &'static str {
        "mL, drops, capsules, tablets or clicks"
    }
}

/// An amount of naltrexone per unit, exact in micrograms: 0.5 mg/drop is 500 µg per drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Strength {
    pub per_unit: Micrograms,
    pub unit: DoseUnit,
}

impl Strength {
    /// Reads "1mg/mL", "500ug/drop", "0.5 mg / drop", "4.5mg/capsule".
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let Some((amount, unit)) = t.split_once('/') else {
            return Err(format!(
                "\"{}\" is not a strength: write the amount per unit, e.g. 1mg/mL or 0.5mg/drop",
                shorten(t)
            ));
        };
        let per_unit: Micrograms = amount.parse().map_err(|e: String| format!("the strength's amount: {e}"))?;
        if per_unit.0 == 0 {
            return Err("a strength above zero is needed, e.g. 1mg/mL".into());
        }
        if per_unit.0 > MAX_STRENGTH_UG {
            return Err(format!("{per_unit} per unit is more than any LDN preparation holds; check the strength"));
        }
        if unit.trim().starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Err(format!("\"{}\": give the amount in one unit, e.g. 1mg/mL rather than 5mg/5mL", shorten(t)));
        }
        let unit = DoseUnit::parse(unit).filter(|_| !unit.trim().is_empty()).ok_or_else(|| {
            format!("\"{}\" is not a unit of a fill: use {}", shorten(unit.trim()), DoseUnit::known())
        })?;
        Ok(Self { per_unit, unit })
    }
}

/// 50 mg per unit: the full-dose tablet; no low-dose preparation is stronger.
pub const MAX_STRENGTH_UG: u32 = 50_000;

/// "1 mg/mL", "0.5 mg/drop", "4.5 mg/capsule".
impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.per_unit, self.unit.singular())
    }
}

/// A dose as the patient counted it: a number of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Count {
    pub number: Decimal,
    pub unit: DoseUnit,
}

/// The most units one dose can be: more is a typing slip (no dose is 1000 drops).
const MAX_COUNT: i64 = 1000;

impl Count {
    /// Reads "1.5mL", "1.5 ml", "3drops", "1 drop", "1capsule", "2 clicks", "0,5 mL". `None`
    /// when the text does not end in a unit word of a fill at all (it may be mg); otherwise
    /// the count or what is wrong with it.
    pub fn parse(s: &str) -> Option<Result<Self, String>> {
        let t = s.trim();
        let split = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '\u{2212}')))?;
        let (number, word) = t.split_at(split);
        let unit = DoseUnit::parse(word)?;
        Some(Self::of(number, unit))
    }

    fn of(number: &str, unit: DoseUnit) -> Result<Self, String> {
        if number.trim().is_empty() {
            return Err(format!("enter the number of {} before the unit, e.g. 1.5 mL or 3 drops", unit.plural()));
        }
        let n = Decimal::parse(number).map_err(|_| {
            format!("\"{}\" is not a number of {}: write it as 1.5 or 3", shorten(number.trim()), unit.plural())
        })?;
        if n <= Decimal::integer(0) {
            return Err(format!("a dose of {} above zero is needed", unit.plural()));
        }
        if n > Decimal::integer(MAX_COUNT) {
            return Err(format!("{n} {} is not one dose; check the number", unit.plural()));
        }
        Ok(Self { number: n, unit })
    }

    /// The exact micrograms of this count at `strength` (of the same unit). A product that is
    /// not a whole number of micrograms is refused, never rounded.
    pub fn micrograms(self, strength: Strength) -> Result<Micrograms, String> {
        debug_assert_eq!(self.unit, strength.unit);
        let scale = 10i128.pow(u32::from(self.number.decimals()));
        let units = self.number.units();
        let product = i128::from(units) * i128::from(strength.per_unit.0);
        if product % scale != 0 {
            let whole = product / scale;
            let frac = format!("{:0width$}", product % scale, width = usize::from(self.number.decimals()));
            return Err(format!(
                "{self} of {strength} is {whole}.{} µg, not a whole number of micrograms; enter the dose in mg",
                frac.trim_end_matches('0')
            ));
        }
        u32::try_from(product / scale)
            .map(Micrograms)
            .map_err(|_| format!("{self} of {strength} is more than one dose can be; check the number"))
    }
}

/// "1.5 mL", "1 drop", "3 drops", "1 capsule", "0.5 capsules".
impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.number == Decimal::integer(1) { self.unit.singular() } else { self.unit.plural() };
        write!(f, "{} {unit}", self.number)
    }
}

macro_rules! text_serde {
    ($t:ty, $parse:expr) => {
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                ($parse)(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

text_serde!(Strength, Strength::parse);
text_serde!(Count, |s: &str| Count::parse(s)
    .unwrap_or_else(|| Err(format!("\"{}\" is not a count of units", shorten(s)))));

/// One dispensing of the medicine: what the patient holds and measures doses from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Fill {
    /// 0 for a fill not yet stored.
    #[serde(default)]
    pub id: FillId,
    #[ts(type = "string")]
    #[serde(with = "crate::model::iso_date")]
    pub received: NaiveDate,
    /// The day its first dose was taken; `None`: the day it was received.
    #[serde(default, with = "crate::model::iso_date::option")]
    #[ts(type = "string | null")]
    pub started: Option<NaiveDate>,
    #[serde(default)]
    pub pharmacy: String,
    pub formulation: Formulation,
    #[ts(type = "string")]
    pub strength: Strength,
    /// The capsule's filler or the liquid's base ("microcrystalline cellulose").
    #[serde(default)]
    pub filler: String,
    /// Batch or lot number.
    #[serde(default)]
    pub batch: String,
    /// As written on the label: "30 capsules", "50 mL".
    #[serde(default)]
    pub quantity: String,
    #[serde(default, with = "crate::model::iso_date::option")]
    #[ts(type = "string | null")]
    pub use_by: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl Fill {
    /// The first day doses may be measured from it.
    pub fn start(&self) -> NaiveDate {
        self.started.unwrap_or(self.received)
    }

    /// "Pharmacy X, liquid 1 mg/mL, filler …, batch …"
    pub fn line(&self) -> String {
        let mut parts = vec![format!("{} {}", self.formulation.label(), self.strength)];
        for (label, v) in [("", &self.pharmacy), ("filler ", &self.filler), ("batch ", &self.batch)] {
            if !v.trim().is_empty() {
                parts.push(format!("{label}{}", v.trim()));
            }
        }
        parts.join(", ")
    }
}

/// The fill a dose counted in `unit` on `date` is measured from: the latest fill started on or
/// before that day whose strength is per that unit (the one recorded last, of two started the
/// same day). Fills of other units are used side by side and do not end it.
pub fn fill_in_force(fills: &[Fill], unit: DoseUnit, date: NaiveDate) -> Option<&Fill> {
    fills.iter().filter(|f| f.strength.unit == unit && f.start() <= date).max_by_key(|f| (f.start(), f.id))
}

/// The fills in force on `date`, one per unit, by unit.
pub fn fills_in_force(fills: &[Fill], date: NaiveDate) -> Vec<&Fill> {
    DoseUnit::ALL.into_iter().filter_map(|u| fill_in_force(fills, u, date)).collect()
}

/// The fills in force on any day of `range`: started by its end and not replaced, by a later
/// fill of the same unit, on or before its first day. In order of start.
pub fn fills_over(fills: &[Fill], range: crate::DateRange) -> Vec<&Fill> {
    let mut over: Vec<&Fill> = fills
        .iter()
        .filter(|f| f.start() <= range.to)
        .filter(|f| fill_in_force(fills, f.strength.unit, range.from.max(f.start())).is_some_and(|x| x.id == f.id))
        .collect();
    over.sort_by_key(|f| (f.start(), f.id));
    over
}

/// A fill that came into use after one of the same unit with another strength, pharmacy or
/// filler: the day it came into use and what is new ("2 mg/mL · Oak Street · lactose"). A
/// new batch of the same thing from the same place is no change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FillChange {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub label: String,
}

/// The changes of fill among `fills` (in order of start, as the store gives them).
pub fn fill_changes(fills: &[Fill]) -> Vec<FillChange> {
    let mut out = Vec::new();
    for (i, f) in fills.iter().enumerate() {
        let Some(prev) = fills[..i].iter().rev().find(|p| p.strength.unit == f.strength.unit) else { continue };
        let differs = |a: &str, b: &str| a.trim().to_lowercase() != b.trim().to_lowercase() && !b.trim().is_empty();
        let mut what = Vec::new();
        if prev.strength != f.strength {
            what.push(f.strength.to_string());
        }
        if differs(&prev.pharmacy, &f.pharmacy) {
            what.push(f.pharmacy.trim().to_owned());
        }
        if differs(&prev.filler, &f.filler) {
            what.push(f.filler.trim().to_owned());
        }
        if !what.is_empty() {
            out.push(FillChange { date: f.start(), label: what.join(" · ") });
        }
    }
    out
}

/// How a taken dose was measured: the count as entered and the fill whose strength converted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Measured {
    #[ts(type = "string")]
    pub count: Count,
    pub fill: FillId,
}

/// Converts `count` on `date` with the fill in force: the micrograms and the fill, or the
/// message for the amount field.
pub fn convert(fills: &[Fill], count: Count, date: NaiveDate) -> Result<(Micrograms, FillId), String> {
    let fill = fill_in_force(fills, count.unit, date).ok_or_else(|| {
        format!(
            "no fill with a strength per {} is recorded on or before {date}: add the fill, or enter the dose in mg",
            count.unit.singular()
        )
    })?;
    Ok((count.micrograms(fill.strength)?, fill.id))
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(30).collect();
    if short.len() < s.len() { format!("{short}…") } else { short }
}

#[cfg(test)]
mod tests;
