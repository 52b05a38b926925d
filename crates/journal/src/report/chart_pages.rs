//! The chart pages: the same SVG charts as the app, drawn as vector graphics at page width,
//! each a figure whose alternate text states the chart's own numbers in a fixed template.

use super::layout::Flow;
use super::{ReportData, mg, pdf};
use crate::Result;
use crate::charts::{self, ChartKind, ChartOptions};
use crate::summary::{hours_minutes, number};

pub(super) fn charts(flow: &mut Flow<'_>, svgs: &mut Vec<usvg::Tree>, data: &ReportData) -> Result<()> {
    if data.chart.days.is_empty() {
        return Ok(());
    }
    flow.fresh_page();
    // The charts carry their own titles and legends.
    let options = ChartOptions::default();
    for kind in ChartKind::ALL {
        if kind == ChartKind::Measures && data.chart.chosen_measures(&options).is_empty() {
            continue;
        }
        let svg = charts::render(kind, &data.chart, &options)?;
        let tree = pdf::parse_svg(&flow.fonts.substitute_svg(&svg))?;
        let (sw, sh) = (tree.size().width(), tree.size().height());
        // Page width, but never taller than a page: a long calendar is scaled down to fit.
        let full = flow.bottom() - super::layout::CONTENT_TOP;
        let mut w = flow.width();
        let mut h = w * sh / sw;
        if h > full {
            w *= full / h;
            h = full;
        }
        flow.gap(14.0);
        svgs.push(tree);
        flow.picture(svgs.len() - 1, w, h, alt(kind, data, &options), bookmark(kind));
    }
    Ok(())
}

/// The chart's bookmark: its title as drawn in the chart.
fn bookmark(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::DoseSymptoms => "Chart: dose and symptom scores",
        ChartKind::Sleep => "Chart: sleep, bedtime to waking",
        ChartKind::SideEffects => "Chart: side effects by dose period",
        ChartKind::Wellbeing => "Chart: overall wellbeing by day",
        ChartKind::Measures => "Chart: measures",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "from 2.5 to 7" or "3" when all are equal; `None` without values.
fn range_of(values: &[f64], show: impl Fn(f64) -> String) -> Option<String> {
    let min = values.iter().copied().reduce(f64::min)?;
    let max = values.iter().copied().reduce(f64::max)?;
    Some(if show(min) == show(max) { show(min) } else { format!("from {} to {}", show(min), show(max)) })
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The alternate text of chart `kind`: what it shows and its numbers, from the data it is
/// drawn from, e.g. "Chart of daily dose and symptom scores from 2026-01-01 to 2026-06-30:
/// dose from 1.5 mg to 4.5 mg in 3 steps; 3 symptoms rated on 170 of 181 days."
pub(super) fn alt(kind: ChartKind, data: &ReportData, options: &ChartOptions) -> String {
    let c = &data.chart;
    let span = c.span();
    let days: Vec<&crate::Day> = c.days.iter().filter(|d| span.contains(d.date)).collect();
    let of = format!("of {} days", span.days());
    let text = match kind {
        ChartKind::DoseSymptoms => {
            let periods = c.dose_periods();
            let doses: Vec<f64> =
                periods.iter().filter(|p| !p.is_baseline()).map(|p| f64::from(p.dose.0) / 1000.0).collect();
            let dose = match range_of(&doses, |v| mg(crate::Micrograms((v * 1000.0).round() as u32))) {
                None => "no dose taken".to_string(),
                Some(r) if periods.len() > 1 => {
                    format!("dose {r} in {}", plural(periods.len() - 1, "step", "steps"))
                }
                Some(r) => format!("dose {r}"),
            };
            let symptoms = c.chosen_symptoms(options);
            let rated = days.iter().filter(|d| symptoms.iter().any(|s| d.score(s.id).is_some())).count();
            format!(
                "Chart of daily dose and symptom scores from {} to {}: {dose}; {} rated on {rated} {of}.",
                span.from,
                span.to,
                plural(symptoms.len(), "symptom", "symptoms")
            )
        }
        ChartKind::Sleep => {
            let mut minutes: Vec<f64> = days.iter().filter_map(|d| d.sleep_minutes()).map(f64::from).collect();
            let n = minutes.len();
            let spread = range_of(&minutes, hours_minutes).map(|r| format!(", {r}")).unwrap_or_default();
            let mid = median(&mut minutes).map(|m| format!(", median {}", hours_minutes(m))).unwrap_or_default();
            let vivid = days.iter().filter(|d| d.dreams.vivid.is_some_and(|v| v != crate::Vividness::NotVivid)).count();
            format!(
                "Chart of sleep, bedtime to waking, from {} to {}: sleep recorded on {n} {of}{mid}{spread}; \
                 vivid dreams on {vivid} nights.",
                span.from, span.to
            )
        }
        ChartKind::SideEffects => {
            let with = days.iter().filter(|d| d.side_effects.iter().any(|s| s.severity.present())).count();
            let kinds = c
                .side_effects
                .iter()
                .filter(|s| days.iter().any(|d| d.severity(s.id).is_some_and(|v| v.present())))
                .count();
            format!(
                "Chart of side effects by dose period from {} to {}: {} recorded as mild or stronger on {with} {of}, \
                 in {}.",
                span.from,
                span.to,
                plural(kinds, "side effect", "side effects"),
                plural(c.dose_periods().len(), "dose period", "dose periods")
            )
        }
        ChartKind::Wellbeing => {
            let mut scores: Vec<f64> = days.iter().filter_map(|d| d.wellbeing).map(f64::from).collect();
            let n = scores.len();
            let spread = range_of(&scores, number).map(|r| format!(", {r}")).unwrap_or_default();
            let mid = median(&mut scores).map(|m| format!(", median {}", number(m))).unwrap_or_default();
            format!(
                "Calendar of overall wellbeing (0–10) by day from {} to {}: rated on {n} {of}{mid}{spread}.",
                span.from, span.to
            )
        }
        ChartKind::Measures => {
            let parts: Vec<String> = c
                .chosen_measures(options)
                .iter()
                .map(|m| {
                    let values: Vec<crate::MeasureValue> = days
                        .iter()
                        .flat_map(|d| d.readings.iter())
                        .filter(|r| r.measure == m.id)
                        .map(|r| r.value)
                        .collect();
                    let n = values.len();
                    let lowest = values.iter().min_by_key(|v| v.first()).map(|v| m.show(*v));
                    let highest = values.iter().max_by_key(|v| v.first()).map(|v| m.show(*v));
                    let spread = match (lowest, highest) {
                        (Some(a), Some(b)) if a == b => format!(", {a}"),
                        (Some(a), Some(b)) => format!(", from {a} to {b}"),
                        _ => String::new(),
                    };
                    format!("{}: {}{spread}", m.name.trim(), plural(n, "reading", "readings"))
                })
                .collect();
            format!("Chart of measures from {} to {}: {}.", span.from, span.to, parts.join("; "))
        }
    };
    text.replace('\u{a0}', " ")
}
