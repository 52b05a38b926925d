//! Code systems and codes. Standard codes where one fits exactly (RxNorm naltrexone, LOINC
//! pain severity 0–10 and sleep duration, SNOMED CT severity, UCUM units); everything else is
//! the journal's own local code system, with the name the user sees as display.

use super::types::{CodeableConcept, Coding, Quantity};
use crate::{Micrograms, Severity, Vividness};

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
    Quantity { value, unit: "mg", system: UCUM, code: "mg" }
}

pub fn minutes(m: u32) -> Quantity {
    Quantity { value: m.into(), unit: "min", system: UCUM, code: "min" }
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
    fn slugs() {
        assert_eq!(slug("Brain fog"), "brain-fog");
        assert_eq!(slug("  Chest tightness / cough "), "chest-tightness-cough");
        assert_eq!(slug("Müdigkeit"), "müdigkeit");
        assert_eq!(slug("!!"), "unnamed");
    }
}
