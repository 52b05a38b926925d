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
//! The PDF report and the FHIR export pass every piece of model text they write through
//! [`Disclosure::reveal`]: private text leaves only with [`Disclosure::include_notes`], dream
//! notes only with [`Disclosure::include_dream_notes`]. The JSON and CSV exports are the
//! patient's own lossless copy and keep all text.
//!
//! [`TextFields`] lists the text fields of a model value. Its implementations destructure each
//! struct without `..`, so a new field does not build until it is classified here.

use crate::{CatalogItem, Day, Dose, Dreams, PrescribedDose, Question, RegimenPeriod, Score, SideEffectEntry, Sleep};

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
}

impl TextField {
    pub const ALL: [TextField; 10] = [
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
    ];

    /// The classification: the one place that decides who may read each field.
    pub fn class(self) -> TextClass {
        match self {
            Self::DayNotes | Self::DoseNote | Self::MissedReason | Self::RegimenNote => TextClass::Private,
            Self::DreamNotes => TextClass::DreamNotes,
            Self::RegimenStrength
            | Self::RegimenPharmacy
            | Self::QuestionText
            | Self::CatalogName
            | Self::CatalogDescription => TextClass::Shown,
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
        let Day { date: _, doses, scores, wellbeing: _, sleep, dreams, side_effects, notes } = self;
        let mut v = vec![(TextField::DayNotes, notes.as_str())];
        v.extend(doses.text_fields());
        v.extend(scores.text_fields());
        v.extend(sleep.text_fields());
        v.extend(dreams.text_fields());
        v.extend(side_effects.text_fields());
        v
    }
}

impl TextFields for Dose {
    fn text_fields(&self) -> Vec<(TextField, &str)> {
        match self {
            Dose::Taken { time: _, amount: _, formulation: _, note } => vec![(TextField::DoseNote, note.as_str())],
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
        let CatalogItem { id: _, name, description, archived: _, position: _ } = self;
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
            [TextField::DayNotes, TextField::DoseNote, TextField::MissedReason, TextField::RegimenNote]
        );
    }

    #[test]
    fn reveal_follows_the_opt_ins() {
        let none = Disclosure::default();
        let notes = Disclosure { include_notes: true, include_dream_notes: false };
        let dreams = Disclosure { include_notes: false, include_dream_notes: true };
        assert_eq!(none.reveal(TextField::RegimenPharmacy, "Riverside"), Some("Riverside"));
        assert_eq!(none.reveal(TextField::DayNotes, "x"), None);
        assert_eq!(notes.reveal(TextField::DayNotes, "x"), Some("x"));
        assert_eq!(notes.reveal(TextField::DreamNotes, "x"), None);
        assert_eq!(dreams.reveal(TextField::DreamNotes, "x"), Some("x"));
        assert_eq!(dreams.reveal(TextField::MissedReason, "x"), None);
        assert_eq!(notes.reveal(TextField::DayNotes, "  "), None, "blank text is not written");
    }
}
