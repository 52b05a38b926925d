//! The PDF appointment summary a prescriber can read in a minute.
//!
//! Page 1 ("at a glance") tells the titration story: who (only when the patient opts in), the
//! range, the prescribed regimen as entered, a strip of the doses taken, the per-period table,
//! side effects per dose period and the patient's open questions. Then the charts, then the
//! daily table; notes and dream notes only when the patient opts in. Every piece of the
//! journal's text passes [`crate::privacy`]: private text (the regimen note on page 1 too)
//! only with [`ReportOptions::include_notes`], dream notes only with
//! [`ReportOptions::include_dream_notes`].
//!
//! Like the rest of the journal, the report describes and never judges or advises: every page
//! carries [`crate::NO_ADVICE`]. Numbers come from [`crate::summary`], so the PDF and the app
//! agree.
//!
//! Layout ([`layout`], with [`table`] and [`wrap`]) is separate from drawing ([`pdf`]): content
//! is laid out into pages of drawing operations first, so the footer can say "Page i of n".
//!
//! The PDF is tagged for screen readers and conforms to PDF/UA-1 (see [`pdf`]): headings,
//! bookmarks, tables with column headers, charts with alternate text from their numbers, the
//! document language and title. Text the embedded font cannot draw (emoji, CJK) shows a
//! replacement mark and keeps its original text. Should the accessibility check still refuse
//! some input, the report is written without tags and [`Report::untagged`] says why: a report
//! is never refused because of a name.

mod appendix;
mod chart_pages;
mod context_table;
pub(crate) mod fonts;
mod glance;
mod layout;
mod pack;
mod pdf;
mod supply_table;
mod table;
mod wrap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::charts::ChartData;
use crate::privacy::{Disclosure, TextClass};
use crate::store::Setting;
use crate::{DateRange, Journal, Question, Result};

use layout::{Flow, PageSize};

/// Paper size of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 inch).
    pub fn size(self) -> PageSize {
        match self {
            Paper::A4 => PageSize { width: 595.28, height: 841.89 },
            Paper::Letter => PageSize { width: 612.0, height: 792.0 },
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "letter" | "us-letter" | "us_letter" => Some(Self::Letter),
            _ => None,
        }
    }
}

/// What goes into a report. Private content is left out unless asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportOptions {
    pub range: DateRange,
    #[serde(default)]
    pub paper: Paper,
    /// "Include my notes": day notes, dose notes, reasons for missed doses and regimen notes.
    #[serde(default)]
    pub include_notes: bool,
    /// Dream notes in an appendix of their own.
    #[serde(default)]
    pub include_dream_notes: bool,
    /// "Include items kept out of reports": medications, event kinds and measures marked private.
    pub include_private_items: bool,
    /// The patient's name and date of birth as stored in the journal's settings.
    #[serde(default)]
    pub include_name: bool,
    /// A name for this report only; shown instead of the stored one (implies `include_name`).
    #[serde(default)]
    pub name: Option<String>,
    /// When the report was made (metadata and page 1). `None`: now, in local time.
    #[serde(default)]
    pub created: Option<NaiveDateTime>,
}

impl ReportOptions {
    pub fn new(range: DateRange) -> Self {
        Self {
            range,
            paper: Paper::A4,
            include_notes: false,
            include_dream_notes: false,
            include_private_items: false,
            include_name: false,
            name: None,
            created: None,
        }
    }

    /// The private text this report may carry.
    pub fn disclosure(&self) -> Disclosure {
        Disclosure {
            include_notes: self.include_notes,
            include_dream_notes: self.include_dream_notes,
            include_private_items: self.include_private_items,
        }
    }
}

/// Everything a report reads from the journal, loaded once.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub chart: ChartData,
    /// Open (unresolved) questions for the prescriber.
    pub questions: Vec<Question>,
    pub stored_name: Option<String>,
    pub stored_birth_date: Option<NaiveDate>,
}

impl ReportData {
    pub fn load(j: &Journal, range: DateRange) -> Result<Self> {
        let questions = j.questions()?.into_iter().filter(|q| !q.resolved).collect();
        let stored_name = j.setting(Setting::PatientName)?.filter(|s| !s.trim().is_empty());
        let stored_birth_date = j.setting(Setting::BirthDate)?.and_then(|s| s.trim().parse().ok());
        Ok(Self { chart: ChartData::load(j, range)?, questions, stored_name, stored_birth_date })
    }
}

/// The patient as page 1 shows them, when they opted in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Patient {
    name: Option<String>,
    birth_date: Option<NaiveDate>,
}

fn patient(data: &ReportData, o: &ReportOptions) -> Option<Patient> {
    let name = o.name.as_ref().map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    if name.is_none() && !o.include_name {
        return None;
    }
    let p = Patient {
        name: name.or_else(|| data.stored_name.clone()),
        birth_date: (o.include_name).then_some(data.stored_birth_date).flatten(),
    };
    (p.name.is_some() || p.birth_date.is_some()).then_some(p)
}

/// A rendered report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub pdf: Vec<u8>,
    /// `None`: tagged, conforming to PDF/UA-1. `Some(reason)`: written without accessibility
    /// tags because of `reason` (a sentence fragment, e.g. "some text has characters the
    /// embedded font cannot show"); see [`Report::untagged_message`].
    pub untagged: Option<String>,
}

impl Report {
    /// What to tell the patient when the report could not be tagged.
    pub fn untagged_message(&self) -> Option<String> {
        self.untagged
            .as_ref()
            .map(|why| format!("The report was written without accessibility tags (for screen readers) because {why}."))
    }
}

/// Loads the data for `o.range` from the journal and renders the report.
pub fn render(j: &Journal, o: &ReportOptions) -> Result<Vec<u8>> {
    Ok(render_report(j, o)?.pdf)
}

/// Renders a report of already loaded data.
pub fn render_data(data: &ReportData, o: &ReportOptions) -> Result<Vec<u8>> {
    Ok(render_report_data(data, o)?.pdf)
}

/// Like [`render`], and says whether the PDF is tagged.
pub fn render_report(j: &Journal, o: &ReportOptions) -> Result<Report> {
    render_report_data(&ReportData::load(j, o.range)?, o)
}

/// Like [`render_data`], and says whether the PDF is tagged.
pub fn render_report_data(data: &ReportData, o: &ReportOptions) -> Result<Report> {
    let show = o.disclosure();
    // Items kept out of reports leave every page, chart and table at once.
    let filtered;
    let data = if show.include_private_items {
        data
    } else {
        filtered = ReportData {
            chart: data.chart.without_private_items(),
            questions: data.questions.clone(),
            stored_name: data.stored_name.clone(),
            stored_birth_date: data.stored_birth_date,
        };
        &filtered
    };
    let fonts = fonts::Fonts::get()?;
    let size = o.paper.size();
    let created = o.created.unwrap_or_else(|| chrono::Local::now().naive_local());
    let span = data.chart.span();
    let range_text = format!("{} to {}", span.from, span.to);
    let mut flow = Flow::new(fonts, size);
    let mut svgs = Vec::new();

    // Page 1 and the measures and events tables read the same period summaries.
    let periods = crate::summary::period_summaries(&data.chart);
    glance::page_one(&mut flow, data, &periods, show, patient(data, o).as_ref(), created)?;
    chart_pages::charts(&mut flow, &mut svgs, data)?;
    context_table::measures_and_events(&mut flow, &periods);
    supply_table::supply(&mut flow, &data.chart.fills, show);
    appendix::daily_table(&mut flow, data);
    if show.allows(TextClass::Private) {
        appendix::notes(&mut flow, data, show);
    }
    if show.allows(TextClass::DreamNotes) {
        appendix::dream_notes(&mut flow, data, show);
    }

    let title = format!("LDN Journal appointment summary, {range_text}");
    let frame = pdf::Frame {
        header_left: "LDN Journal · appointment summary",
        header_right: &range_text,
        footer: crate::NO_ADVICE,
        title: &title,
        created,
    };
    let written = pdf::write(fonts, size, &flow.pages, &svgs, &frame)?;
    Ok(Report { pdf: written.pdf, untagged: written.untagged })
}

/// An amount in mg with a non-breaking space, so "1.5 mg" never wraps apart.
fn mg(ug: crate::Micrograms) -> String {
    format!("{}\u{a0}mg", ug.mg_string())
}
