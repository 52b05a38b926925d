//! Code systems and codes. Standard codes where one fits exactly (RxNorm naltrexone, LOINC
//! pain severity 0–10, sleep duration and the vital signs of [`measure`], SNOMED CT severity,
//! UCUM units); everything else is the journal's own local code system, with the name the user
//! sees as display.

use super::types::{CodeableConcept, Coding, Quantity};
use crate::{Decimal, Measure, Micrograms, Result, Severity, Vividness};

pub const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";
pub const LOINC: &str = "http://loinc.org";
pub const SNOMED: &str = "http://snomed.info/sct";
pub const UCUM: &str = "http://unitsofmeasure.org";
pub const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// The journal's local code systems (URNs: they identify, they are not web addresses).
pub const LOCAL: &str = "urn:ldn-journal:observation";
pub const LOCAL_SYMPTOM: &str = "urn:ldn-journal:symptom";
pub const LOCAL_SIDE_EFFECT: &str = "urn:ldn-journal:side-effect";
pub const LOCAL_VIVIDNESS: &str = "urn:ldn-journal:dream-vividness";
pub const LOCAL_TAG: &str = "urn:ldn-journal:tag";
pub const LOCAL_MEASURE: &str = "urn:ldn-journal:measure";
pub const LOCAL_EVENT: &str = "urn:ldn-journal:event";

pub const PAIN_LOINC: &str = "72514-3";
pub const SLEEP_DURATION_LOINC: &str = "93832-4";

fn coding(system: &'static str, code: impl Into<String>, display: impl Into<String>) -> Coding {
    Coding { system: Some(system), code: Some(code.into()), display: display.into() }
}

fn concept(c: Coding) -> CodeableConcept {
    CodeableConcept { text: c.display.clone(), coding: vec![c] }
}

pub fn naltrexone(text: String) -> CodeableConcept {
    CodeableConcept { coding: vec![coding(RXNORM, "7243", "naltrexone")], text }
}

pub fn survey() -> CodeableConcept {
    concept(coding(OBSERVATION_CATEGORY, "survey", "Survey"))
}

fn vital_signs() -> CodeableConcept {
    concept(coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"))
}

fn activity() -> CodeableConcept {
    concept(coding(OBSERVATION_CATEGORY, "activity", "Activity"))
}

/// Another medication, named as the patient entered it: text only, no code guessed from a name.
pub fn medication_text(name: &str) -> CodeableConcept {
    CodeableConcept { coding: Vec::new(), text: name.trim().to_string() }
}

/// An event's kind, in the local code system.
pub fn event(kind: &str) -> CodeableConcept {
    concept(coding(LOCAL_EVENT, slug(kind), kind.trim()))
}

/// How a measure is coded: its code, its category (if any) and, for a paired measure, the code
/// of each of its two numbers.
pub struct MeasureCoding {
    pub code: CodeableConcept,
    pub category: Option<CodeableConcept>,
    pub components: Option<[CodeableConcept; 2]>,
}

/// A LOINC code that fits a measure: the names the patient may give it (lower case), whether
/// it is a pair, and the UCUM units it may be recorded in.
struct Loinc {
    names: &'static [&'static str],
    paired: bool,
    units: &'static [&'static str],
    code: &'static str,
    display: &'static str,
    activity: bool,
}

const LOINC_MEASURES: &[Loinc] = &[
    Loinc {
        names: &["weight", "body weight"],
        paired: false,
        units: &["kg", "g", "[lb_av]"],
        code: "29463-7",
        display: "Body weight",
        activity: false,
    },
    Loinc {
        names: &["resting heart rate", "resting pulse"],
        paired: false,
        units: &["/min"],
        code: "40443-4",
        display: "Heart rate --resting",
        activity: false,
    },
    Loinc {
        names: &["blood pressure"],
        paired: true,
        units: &["mm[Hg]"],
        code: "85354-9",
        display: "Blood pressure panel with all children optional",
        activity: false,
    },
    Loinc {
        names: &["body temperature", "temperature"],
        paired: false,
        units: &["Cel", "[degF]"],
        code: "8310-5",
        display: "Body temperature",
        activity: false,
    },
    Loinc {
        names: &["steps", "daily steps", "step count"],
        paired: false,
        units: &["{steps}", "/d", "{steps}/d"],
        code: "41950-7",
        display: "Number of steps in 24 hour Measured",
        activity: true,
    },
];

/// The LOINC code of a measure whose name, shape and unit fit one (a "Weight" in kg or lb;
/// not a "Weight" in "%"), else a local code; the measure's name is the text either way.
pub fn measure(m: &Measure) -> MeasureCoding {
    let name = m.name.trim();
    let lower = name.to_lowercase();
    let ucum = ucum(&m.unit);
    let fit = LOINC_MEASURES.iter().find(|l| {
        l.names.contains(&lower.as_str()) && l.paired == m.paired && ucum.is_some_and(|u| l.units.contains(&u))
    });
    match fit {
        Some(l) => {
            let mut code = concept(coding(LOINC, l.code, l.display));
            code.text = name.to_string();
            let components = l.paired.then(|| {
                [
                    concept(coding(LOINC, "8480-6", "Systolic blood pressure")),
                    concept(coding(LOINC, "8462-4", "Diastolic blood pressure")),
                ]
            });
            let category = Some(if l.activity { activity() } else { vital_signs() });
            MeasureCoding { code, category, components }
        }
        None => {
            let code = slug(name);
            let components = m.paired.then(|| {
                [
                    concept(coding(LOCAL_MEASURE, format!("{code}.1"), format!("{name} (first number)"))),
                    concept(coding(LOCAL_MEASURE, format!("{code}.2"), format!("{name} (second number)"))),
                ]
            });
            MeasureCoding { code: concept(coding(LOCAL_MEASURE, code, name)), category: None, components }
        }
    }
}

/// The UCUM code of a unit as patients write it, for the units this table knows; `None` for
/// anything else (it is then written as text only).
pub fn ucum(unit: &str) -> Option<&'static str> {
    let u = unit.trim();
    // Case matters in UCUM ("mg" is not "Mg"), but not in what patients type for these.
    Some(match u.to_lowercase().as_str() {
        "kg" => "kg",
        "g" => "g",
        "lb" | "lbs" | "[lb_av]" => "[lb_av]",
        "bpm" | "/min" | "beats/min" | "beats per minute" => "/min",
        "mmhg" | "mm hg" | "mm[hg]" => "mm[Hg]",
        "°c" | "cel" | "℃" => "Cel",
        "°f" | "[degf]" | "℉" => "[degF]",
        "steps" | "{steps}" => "{steps}",
        "steps/day" | "steps/d" | "{steps}/d" => "{steps}/d",
        "%" => "%",
        "h" | "hours" => "h",
        "min" | "minutes" => "min",
        "cm" => "cm",
        "m" => "m",
        "mg" => "mg",
        "mg/l" => "mg/L",
        "mg/dl" => "mg/dL",
        "mmol/l" => "mmol/L",
        "µmol/l" | "umol/l" => "umol/L",
        "µg/g" | "ug/g" | "mcg/g" => "ug/g",
        "µg/l" | "ug/l" => "ug/L",
        "ng/ml" => "ng/mL",
        "pg/ml" => "pg/mL",
        "u/l" => "U/L",
        "iu/l" => "[IU]/L",
        "kcal" => "kcal",
        "l" => "L",
        "ml" => "mL",
        _ => return None,
    })
}

/// A measure's value with its unit: UCUM when [`ucum`] knows the unit, the typed unit as text
/// otherwise, no unit at all for a measure without one (a 0–10 scale).
pub fn measure_quantity(value: Decimal, unit: &str) -> Result<Quantity> {
    let unit = unit.trim();
    let code = ucum(unit);
    Ok(Quantity {
        value: exact(value)?,
        unit: (!unit.is_empty()).then(|| unit.to_string()),
        system: code.map(|_| UCUM),
        code: code.map(str::to_string),
    })
}

/// A decimal as a JSON number with exactly its digits. Built from the decimal's text: serde_json
/// reads it to the nearest double and writes that back as the shortest text that reads to the
/// same double, which for at most 15 significant digits (all a [`Decimal`] holds) is the text
/// itself; checked, so a value that would come out changed is an error, never a rounded number.
pub fn exact(value: Decimal) -> Result<serde_json::Number> {
    let text = value.to_string();
    let not_exact = || crate::Error::Format(format!("the value {text} cannot be written exactly in FHIR"));
    let n: serde_json::Number = serde_json::from_str(&text).map_err(|_| not_exact())?;
    if n.to_string() == text { Ok(n) } else { Err(not_exact()) }
}

/// A symptom score's code: LOINC pain severity for the symptom named "Pain", else local.
pub fn symptom(name: &str) -> CodeableConcept {
    if name.trim().eq_ignore_ascii_case("pain") {
        let mut c = concept(coding(LOINC, PAIN_LOINC, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        c.text = name.to_string();
        return c;
    }
    concept(coding(LOCAL_SYMPTOM, slug(name), name))
}

pub fn side_effect(name: &str) -> CodeableConcept {
    concept(coding(LOCAL_SIDE_EFFECT, slug(name), name))
}

pub fn local(code: &str, display: &str) -> CodeableConcept {
    concept(coding(LOCAL, code, display))
}

pub fn sleep_duration() -> CodeableConcept {
    concept(coding(LOINC, SLEEP_DURATION_LOINC, "Sleep duration"))
}

pub fn severity(s: Severity) -> CodeableConcept {
    let (code, display) = match s {
        Severity::Absent => ("2667000", "Absent"),
        Severity::Mild => ("255604002", "Mild"),
        Severity::Moderate => ("6736007", "Moderate"),
        Severity::Severe => ("24484000", "Severe"),
    };
    concept(coding(SNOMED, code, display))
}

pub fn vividness(v: Vividness) -> CodeableConcept {
    let display = match v {
        Vividness::NotVivid => "Not vivid",
        Vividness::Somewhat => "Somewhat vivid",
        Vividness::Very => "Very vivid",
    };
    concept(coding(LOCAL_VIVIDNESS, v.key(), display))
}

pub fn self_reported_tag() -> Coding {
    coding(LOCAL_TAG, "self-reported", crate::NO_ADVICE)
}

/// An amount in milligrams, written exactly.
pub fn mg(amount: Micrograms) -> Quantity {
    let ug = amount.ug();
    let value = if ug.is_multiple_of(1000) {
        serde_json::Number::from(ug / 1000)
    } else {
        // Shortest round-trip formatting gives back the 1–3 decimals exactly.
        amount.mg_string().parse().ok().and_then(serde_json::Number::from_f64).unwrap_or_else(|| 0.into())
    };
    ucum_quantity(value, "mg")
}

/// One unit of what a fill's strength is per: 1 mL, 1 [drp], 1 {capsule}.
pub fn per_unit(unit: crate::DoseUnit) -> Quantity {
    Quantity { value: 1.into(), unit: Some(unit.singular().into()), system: Some(UCUM), code: Some(unit.ucum().into()) }
}

pub fn minutes(m: u32) -> Quantity {
    ucum_quantity(m.into(), "min")
}

fn ucum_quantity(value: serde_json::Number, code: &str) -> Quantity {
    Quantity { value, unit: Some(code.into()), system: Some(UCUM), code: Some(code.into()) }
}

/// A code from a name the user typed: lower case, runs of anything but letters and digits
/// become one dash ("Brain fog" → "brain-fog"). FHIR codes may not contain runs of spaces.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "unnamed".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ug: u32, expected: &str) {
        assert_eq!(serde_json::to_string(&mg(Micrograms(ug)).value).expect("json"), expected);
    }

    #[test]
    fn amounts_are_exact_decimals() {
        check(4500, "4.5");
        check(3000, "3");
        check(125, "0.125");
        check(1, "0.001");
        check(100, "0.1");
        check(1_234_567, "1234.567");
    }

    #[test]
    fn measure_values_are_their_exact_digits() {
        for text in ["71.3", "0.0001", "-3.25", "120", "0", "999999999999999", "99999999999999.9", "1234567890.1234"] {
            let d = Decimal::parse(text).expect("decimal");
            assert_eq!(exact(d).ok().map(|n| n.to_string()), Some(text.to_string()));
        }
        // Every value of 1 to 4 decimals between 0 and 100.
        for units in (0..1_000_000).step_by(7) {
            for scale in 1..=4u32 {
                let text = format!("{}.{:0w$}", units / 10i64.pow(scale), units % 10i64.pow(scale), w = scale as usize);
                let d = Decimal::parse(&text).expect("decimal");
                assert_eq!(exact(d).ok().map(|n| n.to_string()), Some(d.to_string()));
            }
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Brain fog"), "brain-fog");
        assert_eq!(slug("  Chest tightness / cough "), "chest-tightness-cough");
        assert_eq!(slug("Müdigkeit"), "müdigkeit");
        assert_eq!(slug("!!"), "unnamed");
    }
}
