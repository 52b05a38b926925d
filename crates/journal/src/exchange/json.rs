//! The lossless, versioned JSON document: `{"format":"ldn-journal","version":2,...}`.
//! Version 2 added event kinds, events, measures and other medications (and the intakes and
//! readings of days); a version 1 file reads as one without them. Version 3 added the LDN
//! supply (fills, and doses measured from them); a version 2 file reads as one without.

use serde::{Deserialize, Serialize};

use crate::{
    Catalog, CatalogItem, DateRange, Day, Event, Fill, Journal, Measure, Medication, Question, RegimenPeriod, Result,
};

pub const FORMAT: &str = "ldn-journal";
pub const VERSION: u32 = 3;

/// Everything a journal holds. Export → import into an empty journal → export gives the same
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub symptoms: Vec<CatalogItem>,
    #[serde(default)]
    pub side_effects: Vec<CatalogItem>,
    #[serde(default)]
    pub regimen: Vec<RegimenPeriod>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub event_kinds: Vec<CatalogItem>,
    #[serde(default)]
    pub medications: Vec<Medication>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub fills: Vec<Fill>,
    /// Events that cover any day of the exported range.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub days: Vec<Day>,
}

/// The journal as a document; days and events limited to `range`, lists, medications and
/// regimen always whole.
pub fn document(j: &Journal, range: DateRange) -> Result<Document> {
    Ok(Document {
        format: FORMAT.to_string(),
        version: VERSION,
        symptoms: j.catalog(Catalog::Symptoms)?,
        side_effects: j.catalog(Catalog::SideEffects)?,
        regimen: j.regimen()?,
        questions: j.questions()?,
        event_kinds: j.catalog(Catalog::EventKinds)?,
        medications: j.medications()?,
        measures: j.measures()?,
        fills: j.fills()?,
        events: j.events(range)?,
        days: j.days(range)?,
    })
}

pub fn export_json(j: &Journal, range: DateRange) -> Result<String> {
    let mut s = serde_json::to_string_pretty(&document(j, range)?).map_err(|e| crate::Error::Format(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
