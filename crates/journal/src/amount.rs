//! Dose amounts as integer micrograms. Never floats: 0.1 mg steps and microgram dosing are real.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, de};

/// An amount of naltrexone in micrograms (1 mg = 1000 µg).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, ts_rs::TS)]
#[serde(transparent)]
#[ts(export, type = "number")]
pub struct Micrograms(pub u32);

impl Micrograms {
    pub const fn ug(self) -> u32 {
        self.0
    }

    /// Milligrams with up to three decimals and no trailing zeros: 1500 → "1.5", 3000 → "3".
    pub fn mg_string(self) -> String {
        let whole = self.0 / 1000;
        let frac = self.0 % 1000;
        if frac == 0 {
            whole.to_string()
        } else {
            let f = format!("{frac:03}");
            format!("{whole}.{}", f.trim_end_matches('0'))
        }
    }

    /// Parses a milligram amount such as "1.5" or "0.125" exactly (at most 3 decimals).
    pub fn parse_mg(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (whole, frac) = s.split_once(['.', ',']).unwrap_or((s, ""));
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(whole) || whole.is_empty() && digits(frac)) || !(frac.is_empty() || digits(frac)) {
            return Err(format!("\"{s}\" is not an amount in mg (e.g. 1.5)"));
        }
        if frac.len() > 3 {
            return Err(format!("\"{s}\" has more than 3 decimals; the journal records to 0.001 mg (1 µg)"));
        }
        let whole: u64 =
            if whole.is_empty() { 0 } else { whole.parse().map_err(|_| format!("\"{s}\" is too large"))? };
        let frac: u64 = if frac.is_empty() { 0 } else { format!("{frac:0<3}").parse().unwrap_or(0) };
        let ug = whole.checked_mul(1000).and_then(|w| w.checked_add(frac));
        ug.and_then(|v| u32::try_from(v).ok()).map(Micrograms).ok_or_else(|| format!("\"{s}\" is too large"))
    }
}

/// A whole number of micrograms; negative, fractional (mg typed by hand) and huge values get a
/// message that says so.
impl<'de> Deserialize<'de> for Micrograms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Ug;
        impl de::Visitor<'_> for Ug {
            type Value = Micrograms;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of micrograms (1.5 mg = 1500)")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Micrograms, E> {
                u32::try_from(v).map(Micrograms).map_err(|_| E::custom(format!("amount {v} µg is too large")))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Micrograms, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format!("an amount cannot be negative, got {v}"))),
                }
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Micrograms, E> {
                Err(E::custom(format!("amounts are whole micrograms (1.5 mg = 1500), got {v}")))
            }
        }
        d.deserialize_u32(Ug)
    }
}

impl fmt::Display for Micrograms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} mg", self.mg_string())
    }
}

/// Parses an amount with its unit: "1.5mg", "1.5 mg", "1500ug", "1500 µg", "1500mcg".
impl FromStr for Micrograms {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let lower = t.to_lowercase();
        for unit in ["µg", "μg", "ug", "mcg"] {
            if let Some(n) = lower.strip_suffix(unit) {
                let n = n.trim();
                return n
                    .parse::<u32>()
                    .map(Micrograms)
                    .map_err(|_| format!("\"{t}\" is not a whole number of micrograms"));
            }
        }
        match lower.strip_suffix("mg") {
            Some(n) => Self::parse_mg(n),
            None => Err(format!("\"{t}\" needs a unit: mg or µg (e.g. 1.5mg or 1500ug)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_mg_exactly() {
        for (ug, s) in [(1500, "1.5"), (4500, "4.5"), (100, "0.1"), (1, "0.001"), (3000, "3"), (0, "0"), (1250, "1.25")]
        {
            assert_eq!(Micrograms(ug).mg_string(), s);
        }
    }

    #[test]
    fn parses_units() {
        let ok = |s: &str, ug| assert_eq!(s.parse::<Micrograms>(), Ok(Micrograms(ug)), "{s}");
        ok("1.5mg", 1500);
        ok("1.5 mg", 1500);
        ok("0.125mg", 125);
        ok(".5mg", 500);
        ok("4,5 mg", 4500);
        ok("1500ug", 1500);
        ok("250 µg", 250);
        ok("250mcg", 250);
        ok("3MG", 3000);
        for bad in ["", "1.5", "mg", "1.2345mg", "-1mg", "1.5.2mg", "abcmg", "1e3mg", "1.5ug", "99999999999mg"] {
            assert!(bad.parse::<Micrograms>().is_err(), "{bad} should be rejected");
        }
    }
}
