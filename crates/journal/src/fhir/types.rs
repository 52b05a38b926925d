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
    Medication(Medication),
    Observation(Observation),
}

/// A fill of naltrexone: its form, strength per unit and batch.
#[derive(Debug, Serialize)]
pub struct Medication {
    pub id: String,
    pub code: CodeableConcept,
    pub form: CodeableConcept,
    pub ingredient: Vec<Ingredient>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<Batch>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingredient {
    pub item_codeable_concept: CodeableConcept,
    pub is_active: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<Ratio>,
}

#[derive(Debug, Serialize)]
pub struct Ratio {
    pub numerator: Quantity,
    pub denominator: Quantity,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
}

/// `medication[x]`: a code, or a reference to a `Medication` (a fill) in the bundle.
#[derive(Debug, Serialize)]
pub enum MedicationChoice {
    #[serde(rename = "medicationCodeableConcept")]
    Concept(CodeableConcept),
    #[serde(rename = "medicationReference")]
    Reference(Reference),
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dosage: Vec<Dosage>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u32>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_needed_boolean: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
    #[serde(flatten)]
    pub medication: MedicationChoice,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose: Option<Quantity>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    pub code: CodeableConcept,
    pub subject: Reference,
    #[serde(flatten)]
    pub effective: Effective,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub component: Vec<Component>,
}

/// `effective[x]` of an observation.
#[derive(Debug, Serialize)]
pub enum Effective {
    #[serde(rename = "effectiveDateTime")]
    DateTime(String),
    #[serde(rename = "effectivePeriod")]
    Period(Period),
}

/// One part of an observation with several values (systolic and diastolic pressure).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    pub code: CodeableConcept,
    pub value_quantity: Quantity,
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
    /// A decimal written exactly ("1.5", "0.125", "71.3"): see [`super::codes::exact`].
    pub value: serde_json::Number,
    /// The unit as shown to a reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// UCUM, present only with a UCUM `code`: a unit the patient typed that is not one stays
    /// text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
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
