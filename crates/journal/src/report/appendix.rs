//! Appendices: the daily table, and notes and dream notes when the patient opts in.

use super::layout::{Block, CAPTION, Flow, TextStyle};
use super::table::{Column, Table};
use super::wrap::wrap;
use super::{ReportData, mg};
use crate::charts::ChartOptions;
use crate::periods::period_end;
use crate::privacy::{Disclosure, TextField};
use crate::{Day, Dose, Vividness};

const TABLE: f32 = 7.0;
const H2: f32 = 11.5;

fn doses(d: &Day) -> String {
    if d.doses.is_empty() {
        return "–".into();
    }
    d.doses
        .iter()
        .map(|dose| {
            let time = dose.time().map(|t| format!("\u{a0}{}", t.format("%H:%M"))).unwrap_or_default();
            match dose {
                Dose::Taken { amount, .. } => format!("{}{time}", mg(*amount)),
                Dose::Missed { .. } => format!("missed{time}"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn score(v: Option<u8>) -> String {
    v.map_or("–".into(), |v| v.to_string())
}

fn sleep(d: &Day) -> String {
    d.sleep_minutes().map_or("–".into(), |m| crate::summary::hours_minutes(f64::from(m)).replace(' ', "\u{a0}"))
}

fn dreams(d: &Day) -> String {
    let mut parts = Vec::new();
    match d.dreams.vivid {
        Some(Vividness::NotVivid) => parts.push("not vivid"),
        Some(Vividness::Somewhat) => parts.push("somewhat vivid"),
        Some(Vividness::Very) => parts.push("very vivid"),
        None => {}
    }
    if d.dreams.nightmare == Some(true) {
        parts.push("nightmare");
    }
    if parts.is_empty() { "–".into() } else { parts.join(", ").replace(" vivid", "\u{a0}vivid") }
}

fn side_effects(d: &Day, data: &ReportData) -> String {
    if d.side_effects.is_empty() {
        return "–".into();
    }
    d.side_effects
        .iter()
        .map(|s| {
            let name = data
                .chart
                .side_effects
                .iter()
                .find(|i| i.id == s.side_effect)
                .map_or_else(|| format!("#{}", s.side_effect), |i| i.name.clone());
            format!("{name} ({})", s.severity.key())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn daily_table(flow: &mut Flow<'_>, data: &ReportData) {
    let days = &data.chart.days;
    if days.is_empty() {
        return;
    }
    flow.fresh_page();
    flow.heading("Appendix: daily entries", H2, 60.0);
    flow.paragraph(
        "Every logged day of the range as recorded. Scores 0–10; sleep from bedtime to waking; sleep quality 1–5; \
         woke: awakenings in the night. – means not recorded or not rated.",
        CAPTION,
    );
    flow.gap(3.0);
    let symptoms = data.chart.chosen_symptoms(&ChartOptions::default());
    let mut columns = vec![Column::left("Date", 1.0), Column::left("Dose(s)", 1.2), Column::right("Wellbeing", 0.6)];
    for s in &symptoms {
        columns.push(Column::right(s.name.clone(), 0.5));
    }
    columns.push(Column::right("Sleep", 0.85));
    columns.push(Column::right("Sleep quality", 0.55));
    columns.push(Column::right("Woke", 0.4));
    columns.push(Column::left("Dreams", 1.35));
    columns.push(Column::left("Side effects", 2.3));
    let rows = days
        .iter()
        .map(|d| {
            let mut row = vec![d.date.to_string(), doses(d), score(d.wellbeing)];
            for s in &symptoms {
                row.push(score(d.score(s.id)));
            }
            row.push(sleep(d));
            row.push(score(d.sleep.quality));
            row.push(d.sleep.awakenings.map_or("–".into(), |a| a.to_string()));
            row.push(dreams(d));
            row.push(side_effects(d, data));
            row
        })
        .collect();
    flow.table(&Table { columns, rows, size: TABLE });
}

/// Dated paragraphs, for notes the patient chose to include.
fn dated_notes(flow: &mut Flow<'_>, title: &str, intro: &str, notes: Vec<(chrono::NaiveDate, String)>) {
    flow.gap(12.0);
    flow.heading(title, H2, 40.0);
    flow.paragraph(intro, CAPTION);
    if notes.is_empty() {
        flow.paragraph("None in this range.", TextStyle::regular(9.0));
    }
    let style = TextStyle::regular(8.0);
    let lh = Flow::line_height(style.size);
    let indent = 62.0;
    let width = flow.width() - indent;
    for (date, text) in notes {
        flow.gap(3.0);
        // The date and the first two lines stay together; a long note continues line by line.
        let lines = wrap(flow.fonts, &text, style.size, style.weight, width);
        flow.need(lh * lines.len().min(2) as f32);
        let x = flow.left();
        flow.begin(Block::Paragraph);
        flow.text_at(x, flow.y, &date.to_string(), style.bold());
        for line in lines {
            flow.need(lh);
            flow.text_at(x + indent, flow.y, &line, style);
            flow.y += lh;
        }
        flow.end();
    }
}

pub(super) fn notes(flow: &mut Flow<'_>, data: &ReportData, show: Disclosure) {
    let span = data.chart.span();
    let regimen = &data.chart.regimen;
    // Notes of the regimen periods that apply in the range, dated from their start.
    let mut notes: Vec<(chrono::NaiveDate, String)> = regimen
        .iter()
        .filter(|p| p.from <= span.to && period_end(regimen, p).is_none_or(|e| e >= span.from))
        .filter_map(|p| {
            let note = show.reveal(TextField::RegimenNote, &p.note)?;
            Some((p.from, format!("Prescribed regimen: {}", note.trim())))
        })
        .collect();
    notes.extend(data.chart.days.iter().filter_map(|d| {
        let mut parts: Vec<String> = Vec::new();
        if let Some(note) = show.reveal(TextField::DayNotes, &d.notes) {
            parts.push(note.trim().to_string());
        }
        for dose in &d.doses {
            match dose {
                Dose::Taken { note, amount, .. } => {
                    if let Some(note) = show.reveal(TextField::DoseNote, note) {
                        parts.push(format!("Dose {}: {}", mg(*amount), note.trim()));
                    }
                }
                Dose::Missed { reason, .. } => {
                    if let Some(reason) = show.reveal(TextField::MissedReason, reason) {
                        parts.push(format!("Missed dose: {}", reason.trim()));
                    }
                }
            }
        }
        (!parts.is_empty()).then(|| (d.date, parts.join("\n")))
    }));
    notes.sort_by_key(|(date, _)| *date);
    dated_notes(
        flow,
        "Appendix: notes",
        "Included because the patient chose to share them: day notes, notes on doses, reasons for missed doses and \
         notes on the prescribed regimen.",
        notes,
    );
}

pub(super) fn dream_notes(flow: &mut Flow<'_>, data: &ReportData, show: Disclosure) {
    let notes = data
        .chart
        .days
        .iter()
        .filter_map(|d| Some((d.date, show.reveal(TextField::DreamNotes, &d.dreams.notes)?.trim().to_string())))
        .collect();
    dated_notes(flow, "Appendix: dream notes", "Included because the patient chose to share them.", notes);
}
