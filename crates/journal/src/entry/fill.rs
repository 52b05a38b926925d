//! The fill form: dates and the strength as the fields give them, read by the core so each
//! problem comes back at its field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::supply::{Fill, FillId, Strength};
use crate::{Error, FieldError, Formulation, Journal, Result};

/// A fill as typed: dates "YYYY-MM-DD" or empty, the strength as written ("1mg/mL").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FillEntry {
    /// 0 for a new fill.
    pub id: FillId,
    pub received: String,
    /// Empty: the day received.
    pub started: String,
    pub pharmacy: String,
    pub formulation: Formulation,
    pub strength: String,
    pub filler: String,
    pub batch: String,
    pub quantity: String,
    pub use_by: String,
    pub note: String,
}

impl FillEntry {
    pub fn from_fill(f: &Fill) -> Self {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            id: f.id,
            received: f.received.to_string(),
            started: date(f.started),
            pharmacy: f.pharmacy.clone(),
            formulation: f.formulation,
            strength: f.strength.to_string(),
            filler: f.filler.clone(),
            batch: f.batch.clone(),
            quantity: f.quantity.clone(),
            use_by: date(f.use_by),
            note: f.note.clone(),
        }
    }

    /// The fill the form says, or every field that does not parse; the store checks the rest.
    pub fn to_fill(&self) -> Result<Fill> {
        let mut errors = Vec::new();
        let received = match self.received.trim() {
            "" => {
                errors.push(FieldError::new("received", "enter the day the fill was received"));
                None
            }
            s => super::parse_date("received", s).map_err(|e| errors.push(e)).ok(),
        };
        let mut optional = |field: &str, s: &str| match s.trim() {
            "" => None,
            s => super::parse_date(field, s).map_err(|e| errors.push(e)).ok(),
        };
        let started = optional("started", &self.started);
        let use_by = optional("use_by", &self.use_by);
        let strength = match self.strength.trim() {
            "" => Err("enter the strength per unit, e.g. 1mg/mL, 0.5mg/drop or 4.5mg/capsule".to_string()),
            s => Strength::parse(s),
        }
        .map_err(|m| errors.push(FieldError::new("strength", m)))
        .ok();
        match (received, strength) {
            (Some(received), Some(strength)) if errors.is_empty() => Ok(Fill {
                id: self.id,
                received,
                started,
                pharmacy: self.pharmacy.clone(),
                formulation: self.formulation,
                strength,
                filler: self.filler.clone(),
                batch: self.batch.clone(),
                quantity: self.quantity.clone(),
                use_by,
                note: self.note.clone(),
            }),
            _ => Err(Error::Invalid(errors)),
        }
    }
}

impl Journal {
    /// Saves the fill form (a new fill when its id is 0).
    pub fn save_fill_entry(&mut self, entry: &FillEntry) -> Result<FillEntry> {
        Ok(FillEntry::from_fill(&self.save_fill(&entry.to_fill()?)?))
    }
}
