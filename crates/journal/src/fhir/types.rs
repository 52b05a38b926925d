//! The slice of FHIR R4 this export writes, as plain serde structs (field order as in the
//! specification, empty fields left out).

use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: &'static str,
    pub id: String,
    pub meta: Meta,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub entry: Vec<Entry>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub tag: Vec<Coding>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub full_url: String,
    pub resource: Resource,
}

#[derive(Debug, Serialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    Patient(Patient),
    MedicationStatement(MedicationStatement),
    MedicationAdministration(MedicationAdministration),
    Observation(Observation),
}

#[derive(Debug, Serialize)]
pub struct Patient {
    pub id: String,
    pub name: Vec<HumanName>,
}

#[derive(Debug, Serialize)]
pub struct HumanName {
    pub text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationStatement {
    pub id: String,
    pub status: &'static str,
    pub medication_codeable_concept: CodeableConcept,
    pub subject: Reference,
    pub effective_period: Period,
    pub information_source: Reference,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    pub dosage: Vec<Dosage>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    pub sequence: u32,
    pub text: String,
    pub timing: Timing,
    pub dose_and_rate: Vec<DoseAndRate>,
}

#[derive(Debug, Serialize)]
pub struct Timing {
    pub repeat: TimingRepeat,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimingRepeat {
    pub frequency: u32,
    pub period: u32,
    pub period_unit: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub time_of_day: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoseAndRate {
    pub dose_quantity: Quantity,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationAdministration {
    pub id: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status_reason: Vec<CodeableConcept>,
    pub medication_codeable_concept: CodeableConcept,
    pub subject: Reference,
    pub effective_date_time: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dosage: Option<AdministrationDosage>,
}

#[derive(Debug, Serialize)]
pub struct AdministrationDosage {
    pub text: String,
    pub dose: Quantity,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: String,
    pub status: &'static str,
    pub category: Vec<CodeableConcept>,
    pub code: CodeableConcept,
    pub subject: Reference,
    pub effective_date_time: String,
    #[serde(flatten)]
    pub value: Value,
}

/// `value[x]` of an observation.
#[derive(Debug, Serialize)]
pub enum Value {
    #[serde(rename = "valueInteger")]
    Integer(u32),
    #[serde(rename = "valueQuantity")]
    Quantity(Quantity),
    #[serde(rename = "valueCodeableConcept")]
    CodeableConcept(CodeableConcept),
    #[serde(rename = "valueBoolean")]
    Boolean(bool),
    #[serde(rename = "valueString")]
    String(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Coding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    /// A decimal written exactly ("1.5", "0.125"): micrograms never pass through a float.
    pub value: serde_json::Number,
    pub unit: &'static str,
    pub system: &'static str,
    pub code: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Period {
    pub start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Annotation {
    pub text: String,
}
