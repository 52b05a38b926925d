//! The lossless, versioned JSON document: `{"format":"ldn-journal","version":1,...}`.

use serde::{Deserialize, Serialize};

use crate::{Catalog, CatalogItem, DateRange, Day, Journal, Question, RegimenPeriod, Result};

pub const FORMAT: &str = "ldn-journal";
pub const VERSION: u32 = 1;

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
    pub days: Vec<Day>,
}

/// The journal as a document; days limited to `range`, lists and regimen always whole.
pub fn document(j: &Journal, range: DateRange) -> Result<Document> {
    Ok(Document {
        format: FORMAT.to_string(),
        version: VERSION,
        symptoms: j.catalog(Catalog::Symptoms)?,
        side_effects: j.catalog(Catalog::SideEffects)?,
        regimen: j.regimen()?,
        questions: j.questions()?,
        days: j.days(range)?,
    })
}

pub fn export_json(j: &Journal, range: DateRange) -> Result<String> {
    let mut s = serde_json::to_string_pretty(&document(j, range)?).map_err(|e| crate::Error::Format(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
