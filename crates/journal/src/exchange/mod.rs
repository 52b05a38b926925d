//! Export and import: the lossless JSON document and the one-row-per-day CSV.
//!
//! Import validates the whole file before it writes anything, then writes everything in one
//! transaction: a file with one bad row imports nothing, and every bad row is reported.

mod csv;
mod import;
mod json;

pub use self::csv::{
    AS_NEEDED as CSV_AS_NEEDED, CsvOptions, DOSE_FIELDS as CSV_DOSE_FIELDS, EVENTS as CSV_EVENTS,
    FIXED as CSV_FIXED_COLUMNS, export_csv,
};
pub use import::{ImportMode, ImportReport, import, read};
pub use json::{Document, FORMAT, VERSION, document, export_json};
