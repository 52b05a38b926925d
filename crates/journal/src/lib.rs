//! LDN Journal core.
//!
//! Everything the app and the command line do lives here: the day model and its validation,
//! the durable SQLite [`store`], derived [`periods`], and [`exchange`] (JSON/CSV export and
//! import). This crate never depends on tauri; the desktop shell and the CLI are thin layers
//! over it.
//!
//! The journal records and shows. Nothing in this crate proposes a dose, a change or a
//! schedule: the prescribed regimen is whatever the user enters.

mod amount;
pub mod backup;
pub mod catalog;
pub mod charts;
pub mod decimal;
pub mod demo;
pub mod desktop;
pub mod encryption;
pub mod entry;
mod error;
pub mod exchange;
pub mod fhir;
pub mod files;
pub mod hhmm;
mod key;
pub mod measure;
pub mod medication;
mod model;
pub mod paths;
pub mod periods;
pub mod privacy;
pub mod range_data;
pub mod reminder;
pub mod report;
pub mod search;
pub mod store;
pub mod summary;
pub mod supply;
pub mod syntax;
mod text;
pub mod validate;
pub mod view;
pub mod wipe;

pub use amount::Micrograms;
pub use decimal::Decimal;
pub use error::{Detail, Error, FieldError, INTERNAL, Result};
pub use key::{Key, MAX_PASSPHRASE_BYTES, Passphrase};
pub use measure::{Frequency, Measure, MeasureId, MeasureValue, Reading};
pub use medication::{Event, Intake, Medication, MedicationId};
pub use model::*;
pub use store::Journal;
pub use supply::{Count, DoseUnit, Fill, FillId, Measured, Strength};
pub use validate::{MAX_DOSE_UG, MAX_DOSES_PER_DAY, MAX_NAME_CHARS, MAX_NOTE_CHARS};
pub use wipe::wipe;

/// The line the app shows and every exported page carries.
pub const NO_ADVICE: &str = "Self-reported by the patient. Contains no medical or dosing advice.";
