//! `events`: things that happened (an infection, a flare, travel), and their kinds.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use journal::{Catalog, CatalogItem, DateRange, Event, Journal};

use super::day::unknown;
use super::parse_date;
use crate::CliError;

/// List, add or end events, or extend the list of event kinds.
#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List the events (all of them unless --from/--to narrow it; the default).
    List {
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
    },
    /// Add an event of a kind: one day, unless --to or --ongoing.
    Add {
        kind: String,
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
        /// The last day (inclusive).
        #[arg(long, value_parser = parse_date, conflicts_with = "ongoing")]
        to: Option<NaiveDate>,
        /// Still going on: end it later with `events end KIND --on DATE`.
        #[arg(long)]
        ongoing: bool,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// End the ongoing event of a kind on its last day.
    End {
        kind: String,
        #[arg(long, value_parser = parse_date)]
        on: NaiveDate,
    },
    /// List the event kinds, or add one.
    Kinds {
        #[command(subcommand)]
        action: Option<KindsAction>,
    },
}

#[derive(Debug, Subcommand)]
enum KindsAction {
    /// List the kinds (the default).
    List,
    /// Add a kind: a short name and what it means.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Keep its events out of reports, FHIR and CSV exports unless you opt in for one.
        #[arg(long)]
        private: bool,
    },
}

pub fn events(j: &mut Journal, a: EventsArgs) -> Result<(), CliError> {
    match a.action.unwrap_or(Action::List { from: None, to: None }) {
        Action::List { from, to } => return print_list(j, DateRange::between(from, to)?),
        Action::Add { kind, from, to, ongoing, note } => {
            let kind = find_kind(j, &kind)?;
            let to = if ongoing { None } else { Some(to.unwrap_or(from)) };
            j.save_event(&Event { id: 0, kind: kind.id, from, to, note })?;
        }
        Action::End { kind, on } => {
            let k = find_kind(j, &kind)?;
            let ongoing = j.events(DateRange::all())?.into_iter().rev().find(|e| e.kind == k.id && e.to.is_none());
            let e = ongoing.ok_or_else(|| CliError::Usage(format!("no {} event is ongoing", k.name)))?;
            j.end_event(e.id, on)?;
        }
        Action::Kinds { action } => {
            if let Some(KindsAction::Add { name, description, private }) = action {
                let item = j.add_item(Catalog::EventKinds, &name, &description)?;
                if private {
                    j.update_item(Catalog::EventKinds, &CatalogItem { private, ..item })?;
                }
            }
            for k in j.catalog(Catalog::EventKinds)? {
                let mark = if k.private { " (kept out of reports)" } else { "" };
                let archived = if k.archived { " (archived)" } else { "" };
                println!("{}{mark}{archived}  {}", k.name, k.description);
            }
            return Ok(());
        }
    }
    print_list(j, DateRange::all())
}

/// The kind called `name` (its short name, ignoring case), or a message listing the kinds.
fn find_kind(j: &Journal, name: &str) -> Result<CatalogItem, CliError> {
    j.find_item(Catalog::EventKinds, name)?.ok_or_else(|| {
        let known: Vec<_> = j.catalog(Catalog::EventKinds).unwrap_or_default().into_iter().map(|k| k.name).collect();
        CliError::Usage(unknown("event kind", name, &known, "ldn-journal events kinds add NAME"))
    })
}

/// "flare, 2026-03-01 to 2026-03-04 (knees)", "travel, since 2026-03-10, ongoing".
pub(crate) fn describe(e: &Event, kinds: &[CatalogItem]) -> String {
    let kind = kinds.iter().find(|k| k.id == e.kind).map_or("?", |k| k.name.as_str());
    let when = match e.to {
        Some(t) if t == e.from => format!("{}", e.from),
        Some(t) => format!("{} to {t}", e.from),
        None => format!("since {}, ongoing", e.from),
    };
    let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
    format!("{kind}, {when}{note}")
}

fn print_list(j: &Journal, range: DateRange) -> Result<(), CliError> {
    let kinds = j.catalog(Catalog::EventKinds)?;
    let events = j.events(range)?;
    if events.is_empty() {
        println!("no events recorded");
    }
    for e in events {
        println!("{}", describe(&e, &kinds));
    }
    Ok(())
}
