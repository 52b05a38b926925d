//! Exact decimal numbers for measures: a value is kept as the digits the patient typed (71.3
//! stays 71.3), never as a binary float. Trailing zeros after the decimal mark carry no
//! information and are dropped (71.30 is 71.3), so equal values compare and store equally.

use std::cmp::Ordering;
use std::fmt;

/// Digits a value may have in all: more is not a measurement but a typing accident.
const MAX_DIGITS: usize = 15;

/// `units × 10^-scale`, with no trailing zero in `units` when `scale > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    units: i64,
    scale: u8,
}

impl Decimal {
    pub const fn integer(n: i64) -> Self {
        Self { units: n, scale: 0 }
    }

    /// The digits as one integer: the value is `units × 10^-decimals`.
    pub fn units(self) -> i64 {
        self.units
    }

    /// Digits after the decimal mark (trailing zeros dropped).
    pub fn decimals(self) -> u8 {
        self.scale
    }

    /// For charts and medians only: never stored, never compared for equality.
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// Reads "71.3", "71,3", "-0.5", "120". A dot or a comma is the decimal mark; there are no
    /// thousands separators, exponents, NaN or infinities. The message says what is wrong.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err("enter a number".into());
        }
        let (negative, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int, frac) = match body.find(['.', ',']) {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || body.ends_with(['.', ',']) {
            return Err(format!("\"{}\" is not a number", shorten(t)));
        }
        let frac = frac.trim_end_matches('0');
        let int = int.trim_start_matches('0');
        if int.len() + frac.len() > MAX_DIGITS {
            return Err(format!("\"{}\" has too many digits", shorten(t)));
        }
        let mut units: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            units = units * 10 + i64::from(b - b'0');
        }
        let scale = u8::try_from(frac.len()).map_err(|_| format!("\"{}\" has too many digits", shorten(t)))?;
        Ok(Self { units: if negative { -units } else { units }, scale })
    }
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(30).collect();
    if short.len() < s.len() { format!("{short}…") } else { short }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let abs = self.units.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let pow = 10u64.pow(u32::from(self.scale));
        write!(f, "{sign}{}.{:0width$}", abs / pow, abs % pow, width = usize::from(self.scale))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        // Both fit in i128 at the larger scale (at most 15 digits each).
        let s = self.scale.max(other.scale);
        let widen = |d: &Decimal| i128::from(d.units) * 10i128.pow(u32::from(s - d.scale));
        widen(self).cmp(&widen(other))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::str::FromStr for Decimal {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s)
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_typed_and_show_without_trailing_zeros() {
        for (typed, shown, decimals) in [
            ("71.3", "71.3", 1),
            ("71,30", "71.3", 1),
            ("071.300", "71.3", 1),
            ("120", "120", 0),
            ("0.05", "0.05", 2),
            (".5", "0.5", 1),
            ("-0.5", "-0.5", 1),
            ("−2", "-2", 0),
            ("+4", "4", 0),
            ("0", "0", 0),
            ("0.000", "0", 0),
            (" 36.6 ", "36.6", 1),
            ("999999999999999", "999999999999999", 0),
        ] {
            let d = Decimal::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(d.to_string(), shown, "{typed}");
            assert_eq!(d.decimals(), decimals, "{typed}");
            assert_eq!(Decimal::parse(shown), Ok(d), "{shown} reads back as itself");
        }
    }

    #[test]
    fn what_is_not_a_plain_number_is_refused() {
        for bad in [
            "",
            " ",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e3",
            "1.2.3",
            "1,2,3",
            "1 000",
            "1.",
            "-",
            ".",
            "12kg",
            "0x10",
            "١٢",
            "1_000",
            "9999999999999999",
        ] {
            assert!(Decimal::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn order_is_by_value_whatever_the_decimals() {
        let d = |s| Decimal::parse(s).expect("a number");
        assert!(d("71.3") > d("71.25"));
        assert!(d("-1") < d("0.5"));
        assert_eq!(d("2.50").cmp(&d("2.5")), Ordering::Equal);
        assert_eq!(d("0.1").to_f64(), 0.1);
    }
}
