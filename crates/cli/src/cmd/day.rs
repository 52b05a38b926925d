//! `log`, `show`, `list`: write and read days.

use chrono::NaiveDate;
use clap::Args;
use journal::store::DayEdit;
use journal::{
    Catalog, DateRange, Day, Dose, Formulation, Frequency, Intake, Journal, Reading, Score, Severity, SideEffectEntry,
    Vividness, syntax,
};

use super::parse_date;
use crate::CliError;

/// Write or update a day. Only the fields given change; --dose/--missed replace the day's doses.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(long, value_parser = parse_date, default_value = "today")]
    date: NaiveDate,
    /// A dose taken: AMOUNT[@HH:MM], e.g. 1.5mg@22:00 or 250ug, or a count of a fill's unit
    /// (1.5mL, 3drops, 1capsule, 2clicks), converted with the fill in force that day.
    /// Repeat for split doses.
    #[arg(long, value_name = "AMOUNT[@TIME]")]
    dose: Vec<String>,
    /// A missed dose, with its reason (may be empty). Repeatable.
    #[arg(long, value_name = "REASON")]
    missed: Vec<String>,
    /// Formulation of the doses given (default: the prescribed one, else capsule).
    #[arg(long, value_parser = parse_formulation)]
    formulation: Option<Formulation>,
    /// A symptom score NAME=0..10; NAME=- removes the rating. Repeatable.
    #[arg(long, value_name = "NAME=SCORE")]
    symptom: Vec<String>,
    /// Overall wellbeing 0–10.
    #[arg(long)]
    wellbeing: Option<i64>,
    /// Bedtime HH:MM.
    #[arg(long)]
    bedtime: Option<String>,
    /// Wake time HH:MM (may be after midnight).
    #[arg(long)]
    wake: Option<String>,
    /// Sleep quality 1–5.
    #[arg(long)]
    sleep_quality: Option<i64>,
    /// Number of awakenings.
    #[arg(long)]
    awakenings: Option<i64>,
    /// How vivid the dreams were: none, some or very.
    #[arg(long)]
    vivid: Option<String>,
    /// Whether there was a nightmare: yes or no.
    #[arg(long)]
    nightmare: Option<String>,
    #[arg(long)]
    dream_notes: Option<String>,
    /// A side effect NAME=none|mild|moderate|severe; NAME=- removes it. Repeatable.
    #[arg(long, value_name = "NAME=SEVERITY")]
    side_effect: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
    /// An as-needed medication taken: NAME[@HH:MM][=AMOUNT], e.g. "Ibuprofen@14:00". Repeatable;
    /// giving any replaces the day's intakes.
    #[arg(long, value_name = "NAME[@TIME]")]
    as_needed: Vec<String>,
    /// A measure's value: NAME=VALUE ("Weight=71.3", a dot or a comma as decimal mark,
    /// "Blood pressure=120/80"); NAME= clears it for the day; NAME@HH:MM=VALUE adds a reading
    /// of a measure taken several times a day. Repeatable.
    #[arg(long, value_name = "NAME=VALUE")]
    measure: Vec<String>,
}

pub(crate) fn parse_formulation(s: &str) -> Result<Formulation, String> {
    Formulation::from_key(s).ok_or_else(|| {
        let all: Vec<_> = Formulation::ALL.iter().map(|f| f.key()).collect();
        format!("unknown formulation \"{s}\"; one of {}", all.join(", "))
    })
}

fn usage(s: String) -> CliError {
    CliError::Usage(s)
}

/// Narrows a number to the field's type; values that fit are left to the core's validation,
/// which names the field, the value and the range. Values that do not fit are named here
/// (saturating would report a number the user never typed).
fn small<T: TryFrom<i64> + Copy>(field: &str, v: i64) -> Result<T, CliError> {
    let invalid = |m: String| CliError::Journal(journal::Error::invalid(field, m));
    if v < 0 {
        return Err(invalid(format!("{field} cannot be negative, got {v}")));
    }
    T::try_from(v).map_err(|_| invalid(format!("{field} {v} is out of range")))
}

/// Reads the day, merges the flags, adds any new side effect, validates and writes, in one
/// transaction: a refused day leaves nothing behind, and no other writer comes in between.
pub fn log(j: &mut Journal, a: LogArgs) -> Result<(), CliError> {
    let date = a.date;
    let saved = j.edit_day(date, |j, day| merge(j, day, a))?;
    println!("saved {}", saved.day.date);
    Ok(())
}

fn merge(j: &mut DayEdit<'_>, day: &mut Day, a: LogArgs) -> Result<(), CliError> {
    if !a.dose.is_empty() || !a.missed.is_empty() {
        let regimen = j.regimen()?;
        let formulation = a
            .formulation
            .or_else(|| journal::periods::prescribed_on(&regimen, a.date).map(|p| p.formulation))
            .unwrap_or_default();
        day.doses.clear();
        let fills = j.fills()?;
        for (i, spec) in a.dose.iter().enumerate() {
            let (text, time) = syntax::dose_text(spec).map_err(usage)?;
            // mg and µg need their unit here, as ever; a count is converted with the day's fill.
            let (amount, measured, formulation) = match journal::Count::parse(text) {
                Some(_) => journal::entry::read_amount(text, formulation, &fills, a.date)
                    .map_err(|m| CliError::Journal(journal::Error::invalid(format!("--dose {}", i + 1), m)))?,
                None => (text.parse().map_err(usage)?, None, formulation),
            };
            day.doses.push(Dose::Taken { time, amount, formulation, note: String::new(), measured });
        }
        for reason in &a.missed {
            day.doses.push(Dose::Missed { time: None, reason: reason.clone() });
        }
    }
    for s in &a.symptom {
        let (name, value) = pair(s, "--symptom NAME=SCORE")?;
        let item = j.find_item(Catalog::Symptoms, name)?.ok_or_else(|| {
            usage(format!("\"{name}\" is not in your symptom list; add it with `ldn-journal symptoms add \"{name}\"`"))
        })?;
        day.scores.retain(|x| x.symptom != item.id);
        if let Some(v) = syntax::score(name, value).map_err(usage)? {
            day.scores.push(Score { symptom: item.id, value: small("symptom score", v)? });
        }
    }
    for s in &a.side_effect {
        let (name, value) = pair(s, "--side-effect NAME=SEVERITY")?;
        let item = j.find_or_add_item(Catalog::SideEffects, name)?;
        day.side_effects.retain(|x| x.side_effect != item.id);
        if value != "-" {
            let severity = Severity::from_key(value)
                .ok_or_else(|| usage(format!("severity must be none, mild, moderate or severe, got \"{value}\"")))?;
            day.side_effects.push(SideEffectEntry { side_effect: item.id, severity });
        }
    }
    if !a.as_needed.is_empty() {
        day.intakes.clear();
        for spec in &a.as_needed {
            let (name, time, amount) = syntax::intake(spec).map_err(usage)?;
            let Some(m) = j.find_medication(&name, a.date)? else {
                let known: Vec<_> = j.medications()?.into_iter().filter(|m| m.as_needed).map(|m| m.name).collect();
                return Err(usage(unknown(
                    "as-needed medication",
                    &name,
                    &known,
                    "ldn-journal meds add NAME --as-needed --from DATE",
                )));
            };
            day.intakes.push(Intake { medication: m.id, time, amount });
        }
    }
    let mut cleared = Vec::new();
    for spec in &a.measure {
        let (name, time, value) = syntax::measure(spec).map_err(usage)?;
        let Some(m) = j.find_measure(&name)? else {
            let known: Vec<_> = j.measures()?.into_iter().map(|m| m.name).collect();
            return Err(usage(unknown("measure", &name, &known, "ldn-journal measures add NAME --unit UNIT")));
        };
        // A "several a day" measure adds a reading; clearing, or a once-a-day measure, replaces
        // the day's (the first --measure of a several-a-day one replaces what was logged).
        let several = m.frequency == Frequency::SeveralADay && !value.is_empty();
        if !several || !cleared.contains(&m.id) {
            day.readings.retain(|r| r.measure != m.id);
            cleared.push(m.id);
        }
        if value.is_empty() {
            continue;
        }
        let value = m.read(&value).map_err(|e| CliError::Journal(journal::Error::invalid("measure", e)))?;
        day.readings.push(Reading { measure: m.id, time, value });
    }
    if let Some(v) = a.wellbeing {
        day.wellbeing = Some(small("wellbeing", v)?);
    }
    if let Some(t) = &a.bedtime {
        day.sleep.bedtime = Some(parse_time("bedtime", t)?);
    }
    if let Some(t) = &a.wake {
        day.sleep.wake = Some(parse_time("wake time", t)?);
    }
    if let Some(v) = a.sleep_quality {
        day.sleep.quality = Some(small("sleep quality", v)?);
    }
    if let Some(v) = a.awakenings {
        day.sleep.awakenings = Some(small("awakenings", v)?);
    }
    if let Some(v) = &a.vivid {
        day.dreams.vivid = Some(
            Vividness::from_key(v).ok_or_else(|| usage(format!("--vivid must be none, some or very, got \"{v}\"")))?,
        );
    }
    if let Some(v) = &a.nightmare {
        day.dreams.nightmare = Some(match v.to_lowercase().as_str() {
            "yes" | "y" | "true" => true,
            "no" | "n" | "false" => false,
            _ => return Err(usage(format!("--nightmare must be yes or no, got \"{v}\""))),
        });
    }
    if let Some(v) = a.dream_notes {
        day.dreams.notes = v;
    }
    if let Some(v) = a.notes {
        day.notes = v;
    }
    Ok(())
}

/// "…is not in your list; known: a, b. Add it with `…`".
pub(crate) fn unknown(what: &str, name: &str, known: &[String], add: &str) -> String {
    let known = if known.is_empty() { "none yet".to_string() } else { known.join(", ") };
    format!("\"{name}\" is not one of your {what}s (known: {known}); add it with `{add}`")
}

fn pair<'a>(s: &'a str, form: &str) -> Result<(&'a str, &'a str), CliError> {
    syntax::name_value(s, form).map_err(usage)
}

fn parse_time(label: &str, s: &str) -> Result<chrono::NaiveTime, CliError> {
    syntax::time(label, s).map_err(usage)
}

/// Show one day as it was logged.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(value_parser = parse_date)]
    date: NaiveDate,
}

pub fn show(j: &Journal, a: ShowArgs) -> Result<(), CliError> {
    let Some(day) = j.day(a.date)? else {
        println!("{}: nothing logged", a.date);
        print_events(j, a.date)?;
        return Ok(());
    };
    let symptoms = j.catalog(Catalog::Symptoms)?;
    let side_effects = j.catalog(Catalog::SideEffects)?;
    let name = |items: &[journal::CatalogItem], id| {
        items.iter().find(|i| i.id == id).map_or("?".to_string(), |i| i.name.clone())
    };
    println!("{}", day.date.format("%A %-d %B %Y"));
    if day.doses.is_empty() {
        println!("  doses: not recorded");
    }
    for d in &day.doses {
        let at = d.time().map(|t| format!(" at {}", t.format("%H:%M"))).unwrap_or_default();
        match d {
            Dose::Taken { amount, formulation, note, measured, .. } => {
                let counted = measured.map(|m| format!(" ({})", m.count)).unwrap_or_default();
                println!(
                    "  dose: {amount}{counted} {}{at}{}",
                    formulation.label(),
                    if note.is_empty() { String::new() } else { format!(" ({note})") }
                )
            }
            Dose::Missed { reason, .. } => {
                println!("  dose: missed{at}{}", if reason.is_empty() { String::new() } else { format!(" ({reason})") })
            }
        }
    }
    if let Some(run) = j.dose_run(day.date)? {
        println!("  {}", run.text());
    }
    for s in &symptoms {
        if let Some(v) = day.score(s.id) {
            println!("  {}: {v}/10", s.name);
        }
    }
    if let Some(w) = day.wellbeing {
        println!("  wellbeing: {w}/10");
    }
    let sl = &day.sleep;
    if !sl.is_empty() {
        let t = |t: Option<chrono::NaiveTime>| t.map_or("?".into(), |t| t.format("%H:%M").to_string());
        let dur = day.sleep_minutes().map(|m| format!(" ({}h{:02})", m / 60, m % 60)).unwrap_or_default();
        let q = sl.quality.map(|q| format!(", quality {q}/5")).unwrap_or_default();
        let aw = sl.awakenings.map(|n| format!(", {n} awakenings")).unwrap_or_default();
        println!("  sleep: {}–{}{dur}{q}{aw}", t(sl.bedtime), t(sl.wake));
    }
    if !day.dreams.is_empty() {
        let v = day.dreams.vivid.map(|v| format!("vivid: {}", v.key())).unwrap_or_default();
        let n = match day.dreams.nightmare {
            Some(true) => ", nightmare",
            Some(false) => ", no nightmare",
            None => "",
        };
        println!("  dreams: {v}{n}");
        if !day.dreams.notes.is_empty() {
            println!("  dream notes: {}", day.dreams.notes);
        }
    }
    for s in &day.side_effects {
        println!("  side effect: {} ({})", name(&side_effects, s.side_effect), s.severity.key());
    }
    let medications = j.medications()?;
    for i in &day.intakes {
        let m = medications.iter().find(|m| m.id == i.medication).map_or("?", |m| m.name.as_str());
        let at = i.time.map(|t| format!(" at {}", t.format("%H:%M"))).unwrap_or_default();
        let amount = if i.amount.is_empty() { String::new() } else { format!(", {}", i.amount) };
        println!("  as needed: {m}{amount}{at}");
    }
    let measures = j.measures()?;
    for r in &day.readings {
        let Some(m) = measures.iter().find(|m| m.id == r.measure) else { continue };
        let at = r.time.map(|t| format!(" at {}", t.format("%H:%M"))).unwrap_or_default();
        println!("  {}: {}{at}", m.name, m.show(r.value));
    }
    print_events(j, day.date)?;
    if !day.notes.is_empty() {
        println!("  notes: {}", day.notes);
    }
    Ok(())
}

/// The events covering `date`, one line each.
fn print_events(j: &Journal, date: NaiveDate) -> Result<(), CliError> {
    let kinds = j.catalog(Catalog::EventKinds)?;
    for e in j.events(DateRange { from: date, to: date })? {
        println!("  event: {}", super::events::describe(&e, &kinds));
    }
    Ok(())
}

/// List the logged days, one line each (all of them unless --from/--to narrow it).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// First day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD, "today" or "yesterday").
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
}

pub fn list(j: &Journal, a: ListArgs) -> Result<(), CliError> {
    let range = DateRange::between(a.from, a.to)?;
    let days = j.days(range)?;
    if days.is_empty() {
        println!("no days logged in that range");
    }
    for d in days {
        let dose = d.total_taken().map_or("-".into(), |t| t.to_string());
        let wb = d.wellbeing.map_or("-".into(), |w| w.to_string());
        let sleep = d.sleep_minutes().map_or("-".into(), |m| format!("{}h{:02}", m / 60, m % 60));
        println!("{}  dose {dose:>9}  wellbeing {wb:>2}  sleep {sleep:>5}  scores {}", d.date, d.scores.len());
    }
    Ok(())
}
