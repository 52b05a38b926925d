//! The "Supply" table: the fills of naltrexone in force during the range, as recorded
//! (received, pharmacy, formulation, strength, filler, batch, use-by; the fill's note only with
//! "include my notes").

use super::layout::{Flow, TextStyle};
use super::table::{Column, Table};
use crate::Fill;
use crate::privacy::{Disclosure, TextField};

const TABLE: f32 = 7.5;
const H2: f32 = 11.5;
const NOTE: TextStyle = TextStyle::regular(7.0).muted();

pub(super) fn supply(flow: &mut Flow<'_>, fills: &[Fill], show: Disclosure) {
    if fills.is_empty() {
        return;
    }
    let text = |field, s: &str| show.reveal(field, s).map(|t| t.trim().to_owned()).unwrap_or_default();
    let notes = fills.iter().any(|f| show.reveal(TextField::FillNote, &f.note).is_some());
    let mut columns = vec![
        Column::left("Received", 0.9),
        Column::left("Pharmacy", 1.3),
        Column::left("Formulation", 0.9),
        Column::right("Strength", 0.9),
        Column::left("Filler or base", 1.3),
        Column::left("Batch", 0.8),
        Column::left("Use by", 0.9),
    ];
    if notes {
        columns.push(Column::left("Note", 1.5));
    }
    let rows = fills
        .iter()
        .map(|f| {
            let received = match f.started {
                Some(s) if s != f.received => format!("{} (used from {s})", f.received),
                _ => f.received.to_string(),
            };
            let mut row = vec![
                received,
                text(TextField::FillPharmacy, &f.pharmacy),
                f.formulation.label().to_owned(),
                f.strength.to_string(),
                text(TextField::FillFiller, &f.filler),
                text(TextField::FillBatch, &f.batch),
                f.use_by.map(|d| d.to_string()).unwrap_or_default(),
            ];
            if notes {
                row.push(text(TextField::FillNote, &f.note));
            }
            row
        })
        .collect();
    flow.gap(14.0);
    flow.titled_table("Supply", H2, &Table { columns, rows, size: TABLE });
    flow.gap(3.0);
    flow.paragraph(
        "The fills of naltrexone in use during the range, as recorded by the patient: the strength is per unit \
         counted (mL, drop, capsule, tablet, click). Doses entered as a count were converted with the fill in use \
         that day.",
        NOTE,
    );
}
