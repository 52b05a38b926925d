//! Page 1, "at a glance": who and when, the prescribed regimen, the doses taken over the range,
//! the per-period table, side effects per period, other medications and events of the range
//! (as entered; private items and notes only on their opt-ins) and the patient's questions.

use chrono::NaiveDateTime;

use super::layout::{BLACK, Block, CAPTION, Flow, MUTED, Op, RULE, Rgb, TextStyle};
use super::table::{Column, Table};
use super::{Patient, ReportData, mg};
use crate::charts::{ChartOptions, DEFAULT_SYMPTOM_COUNT};
use crate::periods::prescribed_on;
use crate::privacy::{Disclosure, TextField};
use crate::summary::{PeriodSummary, Stat, change, hours_minutes, number};
use crate::{RegimenPeriod, Result};

const BODY: TextStyle = TextStyle::regular(9.5);
const TITLE: TextStyle = TextStyle::regular(18.0).bold().in_color(BLACK);
/// The small print under a table.
const NOTE: TextStyle = TextStyle::regular(7.0).muted();
const TABLE: f32 = 7.5;
const H2: f32 = 11.5;

pub(super) fn page_one(
    flow: &mut Flow<'_>,
    data: &ReportData,
    summaries: &[PeriodSummary],
    show: Disclosure,
    patient: Option<&Patient>,
    created: NaiveDateTime,
) -> Result<()> {
    let c = &data.chart;
    let span = c.span();
    flow.begin(Block::Heading { level: 1, title: "Appointment summary".into() });
    flow.text_at(flow.left(), flow.y, "Appointment summary", TITLE);
    flow.end();
    flow.y += 24.0;
    let logged = c.days.iter().filter(|d| span.contains(d.date)).count();
    flow.paragraph(
        &format!(
            "Low-dose naltrexone journal, {} to {} ({} days, {} with an entry). Made on {}.",
            span.from,
            span.to,
            span.days(),
            logged,
            created.format("%Y-%m-%d")
        ),
        BODY,
    );
    if let Some(p) = patient {
        let mut parts = Vec::new();
        if let Some(n) = &p.name {
            parts.push(format!("Patient: {n}"));
        }
        if let Some(b) = p.birth_date {
            parts.push(format!("born {b}"));
        }
        flow.paragraph(&parts.join(", "), BODY.bold());
    }

    regimen(flow, &c.regimen, span.to, show);
    titration_strip(flow, data, summaries);
    period_table(flow, data, summaries);
    side_effect_table(flow, summaries);
    medications(flow, data, show);
    events(flow, data, show);
    questions(flow, data, show);
    Ok(())
}

/// Other medications in force during the range, as entered, with a start or stop inside it.
fn medications(flow: &mut Flow<'_>, data: &ReportData, show: Disclosure) {
    let span = data.chart.span();
    let meds: Vec<_> =
        data.chart.medications.iter().filter(|m| show.shows_item(m.private) && m.overlaps(span)).collect();
    // Nothing entered, no section: page 1 stays one page for a journal of LDN alone.
    if meds.is_empty() {
        return;
    }
    flow.heading("Other medications and supplements, as entered by the patient", H2, 20.0);
    let rows = meds.iter().map(|m| {
        let mut line = crate::Medication {
            name: show.reveal(TextField::MedicationName, &m.name).unwrap_or_default().to_string(),
            dose: show.reveal(TextField::MedicationDose, &m.dose).unwrap_or_default().to_string(),
            schedule: show.reveal(TextField::MedicationSchedule, &m.schedule).unwrap_or_default().to_string(),
            ..(*m).clone()
        }
        .line();
        let started = (m.from >= span.from).then(|| format!("started {}", m.from));
        let stopped = m.until.filter(|u| *u <= span.to).map(|u| format!("last taken {u}"));
        let when: Vec<_> = started.into_iter().chain(stopped).collect();
        if !when.is_empty() {
            line = format!("{line} ({})", when.join(", "));
        }
        (line, show.reveal(TextField::MedicationNote, &m.note).map(str::trim))
    });
    bullets(flow, rows.collect());
}

/// The events of the range, by start, each with its days inside the range.
fn events(flow: &mut Flow<'_>, data: &ReportData, show: Disclosure) {
    let span = data.chart.span();
    let kind = |id| data.chart.event_kinds.iter().find(|k| k.id == id);
    let events: Vec<_> = data
        .chart
        .events
        .iter()
        .filter(|e| e.overlaps(span) && kind(e.kind).is_some_and(|k| show.shows_item(k.private)))
        .collect();
    if events.is_empty() {
        return;
    }
    flow.heading("Events, as entered by the patient", H2, 20.0);
    let rows = events.iter().map(|e| {
        let name = kind(e.kind).map(|k| k.name.trim()).unwrap_or("event");
        let when = match e.to {
            Some(t) if t == e.from => format!("{}", e.from),
            Some(t) => format!("{} to {t}", e.from),
            None => format!("from {}, ongoing", e.from),
        };
        (format!("{name}: {when}"), show.reveal(TextField::EventNote, &e.note).map(str::trim))
    });
    bullets(flow, rows.collect());
}

/// A bulleted list of lines, each with an optional note under it.
fn bullets(flow: &mut Flow<'_>, rows: Vec<(String, Option<&str>)>) {
    flow.begin(Block::List);
    for (text, note) in rows {
        flow.need(Flow::line_height(BODY.size));
        let y = flow.y;
        flow.begin(Block::Item);
        flow.begin(Block::Label);
        flow.text_at(flow.left() + 2.0, y, "•", BODY);
        flow.end();
        flow.begin(Block::Body);
        flow.paragraph_indented(&text, 12.0, BODY);
        if let Some(note) = note {
            flow.paragraph_indented(&format!("Note: {note}"), 12.0, BODY.muted());
        }
        flow.end();
        flow.end();
        flow.y += 2.0;
    }
    flow.end();
}

fn regimen_line(p: &RegimenPeriod) -> String {
    let doses: Vec<String> = p
        .doses
        .iter()
        .map(|d| match d.time {
            Some(t) => format!("{} at {}", mg(d.amount), t.format("%H:%M")),
            None => mg(d.amount),
        })
        .collect();
    let mut s = format!("{} a day", mg(p.daily_total()));
    if p.doses.len() > 1 || p.doses.iter().any(|d| d.time.is_some()) {
        s.push_str(&format!(" ({})", doses.join(" + ")));
    }
    s
}

fn regimen(flow: &mut Flow<'_>, regimen: &[RegimenPeriod], on: chrono::NaiveDate, show: Disclosure) {
    flow.heading("Current prescribed regimen, as entered by the patient", H2, 30.0);
    let Some(p) = prescribed_on(regimen, on) else {
        flow.paragraph(&format!("No prescribed regimen entered for {on}."), BODY);
        return;
    };
    let since = match p.until {
        Some(u) => format!("On {on} (from {} until {u}): ", p.from),
        None => format!("On {on} (since {}): ", p.from),
    };
    flow.paragraph(&format!("{since}{}", regimen_line(p)), BODY.bold());
    let mut facts = vec![format!("Formulation: {}", p.formulation.label())];
    if let Some(strength) = show.reveal(TextField::RegimenStrength, &p.strength) {
        facts.push(format!("strength: {}", strength.trim()));
    }
    if let Some(pharmacy) = show.reveal(TextField::RegimenPharmacy, &p.pharmacy) {
        facts.push(format!("pharmacy: {}", pharmacy.trim()));
    }
    flow.paragraph(&facts.join("; "), BODY);
    if let Some(note) = show.reveal(TextField::RegimenNote, &p.note) {
        flow.paragraph(&format!("Note: {}", note.trim()), BODY.muted());
    }
}

const STRIP_FILL: Rgb = Rgb(0, 114, 178);

/// Blocks as wide as each dose period and as tall as its dose, labelled where they have room.
fn titration_strip(flow: &mut Flow<'_>, data: &ReportData, periods: &[PeriodSummary]) {
    flow.heading("Daily dose taken over the range", H2, 70.0);
    if periods.is_empty() {
        flow.paragraph("No days logged in this range.", BODY);
        return;
    }
    let span = data.chart.span();
    let (x0, w) = (flow.left(), flow.width());
    let days = span.days().max(1) as f32;
    let label = TextStyle::regular(7.0);
    let top = flow.y + label.size + 4.0;
    let band = 34.0;
    let base = top + band;
    let max = periods.iter().map(|p| p.dose.0).max().unwrap_or(0).max(1) as f32;
    let x_of = |d: chrono::NaiveDate| x0 + ((d - span.from).num_days() as f32 / days * w).clamp(0.0, w);
    let mut last_label_end = f32::MIN;
    let mut last_date_end = f32::MIN;
    let fonts = flow.fonts;
    let mut ops = Vec::new();
    for p in periods {
        let (a, b) = (x_of(p.from), x_of(p.to + chrono::Days::new(1)));
        let h = if p.dose.0 == 0 { 0.0 } else { (p.dose.0 as f32 / max * band).max(2.0) };
        if h > 0.0 {
            ops.push(Op::Rect { x: a, y: base - h, w: (b - a).max(0.6), h, fill: STRIP_FILL });
        }
        let text = if p.baseline { "none".to_string() } else { mg(p.dose) };
        let tw = label.bold().width(fonts, &text);
        let tx = a + ((b - a - tw) / 2.0).max(0.0);
        if tx > last_label_end + 3.0 && tx + tw <= x0 + w {
            ops.push(Op::Text { x: tx, y: base - h - 2.5, style: label.bold(), text });
            last_label_end = tx + tw;
        }
        let date = p.from.to_string();
        let dw = label.width(fonts, &date);
        if a > last_date_end + 4.0 && a + dw <= x0 + w {
            ops.push(Op::Line { x1: a, y1: base, x2: a, y2: base + 3.0, width: 0.5, color: MUTED });
            ops.push(Op::Text { x: a, y: base + 10.0, style: label.muted(), text: date });
            last_date_end = a + dw;
        }
    }
    ops.push(Op::Line { x1: x0, y1: base, x2: x0 + w, y2: base, width: 0.7, color: RULE });
    flow.begin(Block::Figure { alt: strip_alt(periods), bookmark: None });
    for op in ops {
        flow.push(op);
    }
    flow.end();
    flow.y = base + 14.0;
    flow.paragraph(
        &format!(
            "Each block is one dose period: consecutive days at the same daily total taken, as logged. \
             {} dose period{} in this range.",
            periods.len(),
            if periods.len() == 1 { "" } else { "s" }
        ),
        CAPTION,
    );
}

/// The strip's alternate text: its numbers, in a fixed template.
pub(super) fn strip_alt(periods: &[PeriodSummary]) -> String {
    let blocks: Vec<String> =
        periods.iter().map(|p| format!("{} from {} to {}", dose_label(p), p.from, p.to)).collect();
    format!(
        "Blocks of the daily dose taken, one per dose period ({}): {}.",
        periods.len(),
        blocks.join("; ").replace('\u{a0}', " ")
    )
}

/// The symptoms page 1 shows: the charts' default choice, when the period summary has them.
fn top_symptoms(data: &ReportData, periods: &[PeriodSummary]) -> Vec<(u32, String)> {
    let chosen = data.chart.chosen_symptoms(&ChartOptions::default());
    let rated: Vec<(u32, String)> = chosen
        .iter()
        .filter(|s| periods.first().is_some_and(|p| p.symptoms.iter().any(|i| i.id == s.id)))
        .map(|s| (s.id, s.name.clone()))
        .collect();
    if !rated.is_empty() {
        return rated;
    }
    periods
        .first()
        .map(|p| p.symptoms.iter().take(DEFAULT_SYMPTOM_COUNT).map(|i| (i.id, i.name.clone())).collect())
        .unwrap_or_default()
}

/// "5 (−1)": the median and, in brackets, the difference from the period before.
fn stat_cell(s: &Stat, show: impl Fn(f64) -> String) -> String {
    match s.median {
        None => "–".into(),
        Some(m) => match s.change {
            Some(_) => format!("{} ({})", show(m), change(s.change)),
            None => show(m),
        },
    }
}

/// "2025-01-01 to 2025-01-31"; when it wraps, it wraps before the second date.
pub(super) fn period_label(p: &PeriodSummary) -> String {
    format!("{}\u{a0}to {}", p.from, p.to)
}

pub(super) fn dose_label(p: &PeriodSummary) -> String {
    if p.baseline { "none (baseline)".into() } else { mg(p.dose) }
}

fn period_table(flow: &mut Flow<'_>, data: &ReportData, periods: &[PeriodSummary]) {
    if periods.is_empty() {
        return;
    }
    let symptoms = top_symptoms(data, periods);
    let mut columns = vec![
        Column::left("Dates", 1.0),
        Column::left("Daily dose", 0.8),
        Column::right("Days logged", 0.7),
        Column::right("Taken as prescribed", 0.8),
    ];
    for (_, name) in &symptoms {
        columns.push(Column::right(name.clone(), 0.7));
    }
    columns.push(Column::right("Wellbeing", 0.7));
    columns.push(Column::right("Sleep", 0.8));
    columns.push(Column::right("Sleep quality", 0.75));
    columns.push(Column::right("Side-effect days", 0.7));
    let rows = periods
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let dates = if p.fill_changes.is_empty() { period_label(p) } else { format!("{} *", period_label(p)) };
            let mut row = vec![
                dates,
                dose_label(p),
                format!("{}\u{a0}of\u{a0}{}", p.days_logged, p.calendar_days),
                match p.adherence {
                    Some(a) if a.days_compared > 0 => {
                        format!("{}\u{a0}of\u{a0}{}", a.days_as_prescribed, a.days_compared)
                    }
                    _ => "–".into(),
                },
            ];
            for (id, _) in &symptoms {
                let cell = p.symptoms.iter().find(|s| s.id == *id).map_or("–".into(), |s| stat_cell(&s.stat, number));
                row.push(cell);
            }
            row.push(stat_cell(&p.wellbeing, number));
            let sleep = p.sleep_minutes.median.map_or("–".into(), |m| hours_minutes(m).replace(' ', "\u{a0}"));
            row.push(sleep);
            row.push(stat_cell(&p.sleep_quality, number));
            row.push(side_effect_days(data, k, p).to_string());
            row
        })
        .collect();
    flow.titled_table("Dose periods", H2, &Table { columns, rows, size: TABLE });
    flow.gap(3.0);
    flow.paragraph(
        "Scores are medians of the days rated (0–10 as the patient scores them; wellbeing 0–10; sleep quality 1–5); \
         in brackets the difference from the period before. Taken as prescribed: days whose total taken equals the \
         prescribed daily total, of the days with both a dose record and a prescription. Side-effect days: days with \
         any side effect recorded as mild or stronger. – means nothing recorded.",
        NOTE,
    );
    let changes: Vec<String> =
        periods.iter().flat_map(|p| &p.fill_changes).map(|c| format!("{} ({})", c.date, c.label)).collect();
    if !changes.is_empty() {
        flow.gap(2.0);
        flow.paragraph(&format!("* A new fill came into use in the period: {}.", changes.join("; ")), NOTE);
    }
}

/// Days of period `k` with any side effect recorded as present.
fn side_effect_days(data: &ReportData, k: usize, p: &PeriodSummary) -> usize {
    let periods = data.chart.dose_periods();
    let Some(dp) = periods.get(k).filter(|dp| dp.from == p.from) else { return 0 };
    data.chart.days[dp.day_indices.clone()]
        .iter()
        .filter(|d| d.side_effects.iter().any(|s| s.severity.present()))
        .count()
}

/// How many side effects get a column of their own.
const SIDE_EFFECT_COLUMNS: usize = 4;

fn side_effect_table(flow: &mut Flow<'_>, periods: &[PeriodSummary]) {
    let Some(first) = periods.first() else { return };
    // The most often recorded side effects get columns; any others are listed below.
    let mut totals: Vec<(usize, u32)> = first
        .side_effects
        .iter()
        .enumerate()
        .map(|(i, _)| (i, periods.iter().map(|p| p.side_effects.get(i).map_or(0, |s| s.count.days)).sum()))
        .collect();
    totals.sort_by_key(|(i, n)| (std::cmp::Reverse(*n), *i));
    let shown: Vec<usize> = totals.iter().take(SIDE_EFFECT_COLUMNS).map(|(i, _)| *i).collect();
    let mut columns = vec![Column::left("Dates", 1.55), Column::left("Daily dose", 0.95)];
    for i in &shown {
        columns.push(Column::right(first.side_effects[*i].name.clone(), 0.95));
    }
    columns.push(Column::right("Vivid-dream nights", 0.95));
    columns.push(Column::right("Nightmare nights", 0.95));
    let count = |c: &crate::summary::Count| {
        if c.days == 0 { "0".to_string() } else { format!("{}\u{a0}({}%)", c.days, number(c.share * 100.0)) }
    };
    let rows = periods
        .iter()
        .map(|p| {
            let mut row = vec![period_label(p), dose_label(p)];
            for i in &shown {
                row.push(p.side_effects.get(*i).map_or("–".into(), |s| count(&s.count)));
            }
            row.push(count(&p.vivid_dream_nights));
            row.push(count(&p.nightmare_nights));
            row
        })
        .collect();
    flow.titled_table("Side effects and dreams by dose period", H2, &Table { columns, rows, size: TABLE });
    flow.gap(3.0);
    let others: Vec<String> = totals
        .iter()
        .skip(SIDE_EFFECT_COLUMNS)
        .map(|(i, n)| format!("{} ({n} days)", first.side_effects[*i].name))
        .collect();
    let mut note = "Days recorded as mild or stronger, with their share of the logged days of the period.".to_string();
    if !others.is_empty() {
        note.push_str(&format!(" Also recorded in this range: {}.", others.join(", ")));
    }
    if first.side_effects.is_empty() {
        note = "No side effects recorded as mild or stronger in this range.".into();
    }
    flow.paragraph(&note, NOTE);
}

fn questions(flow: &mut Flow<'_>, data: &ReportData, show: Disclosure) {
    flow.heading("Questions for my prescriber", H2, 20.0);
    let questions: Vec<&str> =
        data.questions.iter().filter_map(|q| show.reveal(TextField::QuestionText, &q.text)).collect();
    if questions.is_empty() {
        flow.paragraph("No open questions.", BODY.muted());
        return;
    }
    bullets(flow, questions.into_iter().map(|t| (t.trim().to_string(), None)).collect());
}
