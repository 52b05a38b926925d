//! Which text of the journal may leave it in a report or a FHIR export, and when.
//!
//! Every text field of the model is classified here, once ([`TextField::class`]):
//! - [`TextClass::Shown`]: text written to be read by others, such as the names of symptoms and
//!   side effects, the strength and pharmacy of the regimen, and the questions for the
//!   prescriber;
//! - [`TextClass::Private`]: free text the patient writes for themself: day notes, notes on
//!   doses, reasons for missed doses, regimen notes;
//! - [`TextClass::DreamNotes`]: dream notes, private with an opt-in of their own.
//!
//! Separately, a medication, an event kind or a measure can be marked private ("keep out of
//! reports"): such an item and everything recorded of it leave in a PDF, FHIR or CSV file only
//! with [`Disclosure::include_private_items`] ([`Disclosure::shows_item`]); the JSON export
//! keeps it.
//!
//! The PDF report and the FHIR export pass every piece of model text they write through
//! [`Disclosure::reveal`]: private text leaves only with [`Disclosure::include_notes`], dream
//! notes only with [`Disclosure::include_dream_notes`]. The JSON and CSV exports are the
//! patient's own lossless copy and keep all text.
//!
//! [`TextFields`] lists the text fields of a model value. Its implementations destructure each
//! struct without `..`, so a new field does not build until it is classified here.

use crate::{
    CatalogItem, Day, Dose, Dreams, Event, Intake, Measure, Medication, PrescribedDose, Question, Reading,
    RegimenPeriod, Score, SideEffectEntry, Sleep,
};

/// Who may read a text field outside the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextClass {
    /// Always part of a report or an export.
    Shown,
    /// Only with "include my notes".
    Private,
    /// Only with "include dream notes".
    DreamNotes,
}

/// Every text field of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextField {
    /// `Day::notes`.
    DayNotes,
    /// `Dreams::notes`.
    DreamNotes,
    /// `Dose::Taken::note`.
    DoseNote,
    /// `Dose::Missed::reason`.
    MissedReason,
    /// `RegimenPeriod::strength`.
    RegimenStrength,
    /// `RegimenPeriod::pharmacy`.
    RegimenPharmacy,
    /// `RegimenPeriod::note`.
    RegimenNote,
    /// `Question::text`.
    QuestionText,
    /// `CatalogItem::name` (symptoms and side effects).
    CatalogName,
    /// `CatalogItem::description`.
    CatalogDescription,
    /// `Medication::name`, `dose` and `schedule`: the medication list as entered.
    MedicationName,
    MedicationDose,
    MedicationSchedule,
    /// `Medication::note`.
    MedicationNote,
    /// `Intake::amount`.
    IntakeAmount,
    /// `Event::note`.
    EventNote,
    /// `Measure::name` and `unit`.
    MeasureName,
    MeasureUnit,
    /// `Fill::pharmacy`, `filler`, `batch` and `quantity`: the label's facts.
    FillPharmacy,
    FillFiller,
    FillBatch,
    FillQuantity,
    /// `Fill::note`.
    FillNote,
}

impl TextField {
    pub const ALL: [TextField; 23] = [
        Self::DayNotes,
        Self::DreamNotes,
        Self::DoseNote,
        Self::MissedReason,
        Self::RegimenStrength,
        Self::RegimenPharmacy,
        Self::RegimenNote,
        Self::QuestionText,
        Self::CatalogName,
        Self::CatalogDescription,
        Self::MedicationName,
        Self::MedicationDose,
        Self::MedicationSchedule,
        Self::MedicationNote,
        Self::IntakeAmount,
        Self::EventNote,
        Self::MeasureName,
        Self::MeasureUnit,
        Self::FillPharmacy,
        Self::FillFiller,
        Self::FillBatch,
        Self::FillQuantity,
        Self::FillNote,
    ];

    /// The classification: the one place that decides who may read each field.
    pub fn class(self) -> TextClass {
        match self {
            Self::DayNotes
            | Self::DoseNote
            | Self::MissedReason
            | Self::RegimenNote
            | Self::MedicationNote
            | Self::EventNote
            | Self::FillNote => TextClass::Private,
            Self::DreamNotes => TextClass::DreamNotes,
            Self::RegimenStrength
            | Self::RegimenPharmacy
            | Self::QuestionText
            | Self::CatalogName
            | Self::CatalogDescription
            | Self::MedicationName
            | Self::MedicationDose
            | Self::MedicationSchedule
            | Self::IntakeAmount
            | Self::MeasureName
            | Self::MeasureUnit
            | Self::FillPharmacy
            | Self::FillFiller
            | Self::FillBatch
            | Self::FillQuantity => TextClass::Shown,
        }
    }

    /// The field as the model names it, e.g. "day.doses[].note".
    pub fn path(self) -> &'static str {
        match self {
            Self::DayNotes => "day.notes",
            Self::DreamNotes => "day.dreams.notes",
            Self::DoseNote => "day.doses[].note",
            Self::MissedReason => "day.doses[].reason",
            Self::RegimenStrength => "regimen.strength",
            Self::RegimenPharmacy => "regimen.pharmacy",
            Self::RegimenNote => "regimen.note",
            Self::QuestionText => "question.text",
            Self::CatalogName => "catalog.name",
            Self::CatalogDescription => "catalog.description",
            Self::MedicationName => "medication.name",
            Self::MedicationDose => "medication.dose",
            Self::MedicationSchedule => "medication.schedule",
            Self::MedicationNote => "medication.note",
            Self::IntakeAmount => "day.intakes[].amount",
            Self::EventNote => "event.note",
            Self::MeasureName => "measure.name",
            Self::MeasureUnit => "measure.unit",
            Self::FillPharmacy => "fill.pharmacy",
            Self::FillFiller => "fill.filler",
            Self::FillBatch => "fill.batch",
            Self::FillQuantity => "fill.quantity",
            Self::FillNote => "fill.note",
        }
    }
}

/// What the patient chose to share beyond the [`TextClass::Shown`] text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Disclosure {
    /// "Include my notes": every [`TextClass::Private`] field.
    pub include_notes: bool,
    /// "Include dream notes": [`TextClass::DreamNotes`].
    pub include_dream_notes: bool,
    /// "Include items kept out of reports": medications, event kinds and measures the patient
    /// marked private, with everything recorded of them.
    pub include_private_items: bool,
}

impl Disclosure {
    /// Whether text of `class` may leave.
    pub fn allows(self, class: TextClass) -> bool {
        match class {
            TextClass::Shown => true,
            TextClass::Private => self.include_notes,
            TextClass::DreamNotes => self.include_dream_notes,
        }
    }

    /// Whether an item marked private (`private`) or not may appear at all.
    pub fn shows_item(self, private: bool) -> bool {
        !private || self.include_private_items
    }

    /// `text` (as stored) when `field` may leave and `text` is not blank.
    pub fn reveal(self, field: TextField, text: &str) -> Option<&str> {
        (self.allows(field.class()) && !text.trim().is_empty()).then_some(text)
    }
}

/// The text fields of a model value, each with the field it is.
pub trait TextFields {
    fn text_fields(&self) -> Vec<(TextField, &str)>;
}

impl<T: TextFields> TextFields for [T] {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        self.iter().flat_map(TextFields::text_fields).collect()
    }
}

impl TextFields for Day {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Day { date: _, doses, scores, wellbeing: _, sleep, dreams, side_effects, intakes, readings, notes } = self;
        let mut v = vec![(TextField::DayNotes, notes.as_str())];
        v.extend(doses.text_fields());
        v.extend(scores.text_fields());
        v.extend(sleep.text_fields());
        v.extend(dreams.text_fields());
        v.extend(side_effects.text_fields());
        v.extend(intakes.text_fields());
        v.extend(readings.text_fields());
        v
    }
}

impl TextFields for Intake {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Intake { medication: _, time: _, amount } = self;
        vec![(TextField::IntakeAmount, amount.as_str())]
    }
}

impl TextFields for Reading {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Reading { measure: _, time: _, value: _ } = self;
        Vec::new()
    }
}

impl TextFields for Medication {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Medication { id: _, name, dose, schedule, as_needed: _, from: _, until: _, note, private: _ } = self;
        vec![
            (TextField::MedicationName, name.as_str()),
            (TextField::MedicationDose, dose.as_str()),
            (TextField::MedicationSchedule, schedule.as_str()),
            (TextField::MedicationNote, note.as_str()),
        ]
    }
}

impl TextFields for Event {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Event { id: _, kind: _, from: _, to: _, note } = self;
        vec![(TextField::EventNote, note.as_str())]
    }
}

impl TextFields for Measure {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Measure {
            id: _,
            name,
            unit,
            decimals: _,
            paired: _,
            frequency: _,
            min: _,
            max: _,
            private: _,
            archived: _,
            position: _,
        } = self;
        vec![(TextField::MeasureName, name.as_str()), (TextField::MeasureUnit, unit.as_str())]
    }
}

impl TextFields for Dose {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        match self {
            // A count ("1.5 mL") is a number and a unit, not text the patient wrote.
            Dose::Taken { time: _, amount: _, formulation: _, note, measured: _ } => {
                vec![(TextField::DoseNote, note.as_str())]
            }
            Dose::Missed { time: _, reason } => vec![(TextField::MissedReason, reason.as_str())],
        }
    }
}

impl TextFields for Score {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Score { symptom: _, value: _ } = self;
        Vec::new()
    }
}

impl TextFields for Sleep {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Sleep { bedtime: _, wake: _, quality: _, awakenings: _ } = self;
        Vec::new()
    }
}

impl TextFields for Dreams {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Dreams { vivid: _, nightmare: _, notes } = self;
        vec![(TextField::DreamNotes, notes.as_str())]
    }
}

impl TextFields for SideEffectEntry {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let SideEffectEntry { side_effect: _, severity: _ } = self;
        Vec::new()
    }
}

impl TextFields for CatalogItem {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let CatalogItem { id: _, name, description, archived: _, private: _, position: _ } = self;
        vec![(TextField::CatalogName, name.as_str()), (TextField::CatalogDescription, description.as_str())]
    }
}

impl TextFields for PrescribedDose {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let PrescribedDose { amount: _, time: _ } = self;
        Vec::new()
    }
}

impl TextFields for RegimenPeriod {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let RegimenPeriod { id: _, from: _, until: _, doses, formulation: _, strength, pharmacy, note } = self;
        let mut v = vec![
            (TextField::RegimenStrength, strength.as_str()),
            (TextField::RegimenPharmacy, pharmacy.as_str()),
            (TextField::RegimenNote, note.as_str()),
        ];
        v.extend(doses.text_fields());
        v
    }
}

impl TextFields for crate::Fill {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let crate::Fill {
            id: _,
            received: _,
            started: _,
            pharmacy,
            formulation: _,
            strength: _,
            filler,
            batch,
            quantity,
            use_by: _,
            note,
        } = self;
        vec![
            (TextField::FillPharmacy, pharmacy.as_str()),
            (TextField::FillFiller, filler.as_str()),
            (TextField::FillBatch, batch.as_str()),
            (TextField::FillQuantity, quantity.as_str()),
            (TextField::FillNote, note.as_str()),
        ]
    }
}

impl TextFields for Question {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        let Question { id: _, text, created: _, resolved: _ } = self;
        vec![(TextField::QuestionText, text.as_str())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_and_only_notes_are_private() {
        let mut all = TextField::ALL.to_vec();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), TextField::ALL.len());
        let private: Vec<_> = TextField::ALL.into_iter().filter(|f| f.class() == TextClass::Private).collect();
        assert_eq!(
            private,
            [
                TextField::DayNotes,
                TextField::DoseNote,
                TextField::MissedReason,
                TextField::RegimenNote,
                TextField::MedicationNote,
                TextField::EventNote,
                TextField::FillNote
            ]
        );
    }

    #[test]
    fn reveal_follows_the_opt_ins() {
        let none = Disclosure::default();
        let notes = Disclosure { include_notes: true, ..Disclosure::default() };
        let dreams = Disclosure { include_dream_notes: true, ..Disclosure::default() };
        assert_eq!(none.reveal(TextField::RegimenPharmacy, "Riverside"), Some("Riverside"));
        assert_eq!(none.reveal(TextField::DayNotes, "x"), None);
        assert_eq!(notes.reveal(TextField::DayNotes, "x"), Some("x"));
        assert_eq!(notes.reveal(TextField::DreamNotes, "x"), None);
        assert_eq!(dreams.reveal(TextField::DreamNotes, "x"), Some("x"));
        assert_eq!(dreams.reveal(TextField::MissedReason, "x"), None);
        assert_eq!(notes.reveal(TextField::DayNotes, "  "), None, "blank text is not written");
    }
}
