//! The day view: open a day (with its prescription and any unsaved draft), save, draft, delete.

use chrono::NaiveDate;
use journal::entry::{CopyPart, DayEntry, DoseEntry};
use journal::{Catalog, CatalogItem, DateRange, Event, Formulation, Measure, Medication};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::state::AppState;

/// Everything the day view needs for one date.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DayView {
    pub date: NaiveDate,
    /// Whether the day is logged (saved at least once).
    pub logged: bool,
    /// The form of the day as saved, or of a new day (its doses prefilled from the regimen).
    pub entry: DayEntry,
    /// The revision of the saved day, given back by the save so that a save over a change
    /// made meanwhile (another window, the command line) is refused; null when not logged.
    pub revision: Option<u32>,
    /// Unsaved edits from an earlier session, if any.
    pub draft: Option<DraftEntry>,
    /// The regimen in force that day as one line, as the user entered it; null when none.
    pub prescribed: Option<String>,
    /// What "Add a dose" adds (in the prescribed formulation).
    pub blank_dose: DoseEntry,
    /// The symptom and side-effect lists (archived items too, for days that used them), so
    /// one call opens a day.
    pub symptoms: Vec<CatalogItem>,
    pub side_effects: Vec<CatalogItem>,
    /// The as-needed medications in force that day (and any the day's intakes name).
    pub as_needed: Vec<Medication>,
    /// Every measure, archived ones too (the form shows those not archived, and any the day
    /// has a value of).
    pub measures: Vec<Measure>,
    /// The events that cover the day (ongoing ones included), by start.
    pub events: Vec<Event>,
    pub event_kinds: Vec<CatalogItem>,
    /// "day 3 at 1.5 mg (since 2026-03-11)": how long the day's dose had been taken; null
    /// when the day is not logged or is before the first dose.
    pub dose_run: Option<String>,
    /// The fills of LDN in force that day, one line each, one per unit counted.
    pub fills: Vec<String>,
}

/// A dose row of the form, to say what its amount comes to.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DoseQuery {
    pub date: NaiveDate,
    pub dose: DoseEntry,
}

/// What a dose row's amount comes to: `converted` for a count ("= 1.5 mg (liquid 1 mg/mL, …)"),
/// `problem` when it cannot be converted; both null for mg or µg.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct DoseAmount {
    pub converted: Option<String>,
    pub problem: Option<String>,
}

/// A section of the form filled from the last logged day (`from`), not saved.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CopiedDay {
    pub entry: DayEntry,
    pub from: NaiveDate,
}

/// Unsaved edits kept from an earlier session.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DraftEntry {
    /// The form as it was typed.
    pub entry: DayEntry,
    /// Local time the draft was written, `YYYY-MM-DDTHH:MM:SS`.
    pub saved_at: String,
    /// The revision the form was opened at (saving the draft gives it back).
    pub opened: Option<u32>,
}

/// Saving the day form.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SaveDay {
    pub entry: DayEntry,
    /// The revision the form was opened at (null: the day was not logged then); if the day
    /// changed since, the save is refused (`stale`) and nothing changes.
    pub revision: Option<u32>,
}

/// The day as saved.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SavedDay {
    pub entry: DayEntry,
    pub revision: u32,
    /// How long the day's dose has now been taken (see [`DayView::dose_run`]).
    pub dose_run: Option<String>,
}

/// Keeping the form as a draft.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SaveDraft {
    pub entry: DayEntry,
    /// The revision the form was opened at.
    pub opened: Option<u32>,
}

/// How long the night was, for the form's bedtime and wake time as typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SleepQuery {
    pub date: NaiveDate,
    pub bedtime: String,
    pub wake: String,
}

#[tauri::command]
pub fn open_day(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<DayView> {
    state.with(|j| {
        let regimen = j.regimen()?;
        let prescribed = journal::periods::prescribed_on(&regimen, date);
        let stored = j.stored_day(date)?;
        let taken: Vec<_> = stored.iter().flat_map(|s| s.day.intakes.iter().map(|i| i.medication)).collect();
        let as_needed =
            j.medications()?.into_iter().filter(|m| (m.as_needed && m.on(date)) || taken.contains(&m.id)).collect();
        Ok(DayView {
            date,
            logged: stored.is_some(),
            entry: match &stored {
                Some(s) => DayEntry::from_day(&s.day),
                None => j.new_entry(date)?,
            },
            revision: stored.as_ref().map(|s| s.revision),
            draft: j.draft(date)?.map(|d| DraftEntry {
                entry: DayEntry::of_draft(&d),
                saved_at: d.saved_at,
                opened: d.opened,
            }),
            prescribed: prescribed.map(journal::view::prescribed_line),
            blank_dose: DoseEntry::blank(prescribed.map_or(Formulation::default(), |p| p.formulation)),
            symptoms: j.catalog(Catalog::Symptoms)?,
            side_effects: j.catalog(Catalog::SideEffects)?,
            as_needed,
            measures: j.measures()?,
            events: j.events(DateRange { from: date, to: date })?,
            event_kinds: j.catalog(Catalog::EventKinds)?,
            dose_run: j.dose_run(date)?.map(|r| r.text()),
            fills: journal::supply::fills_in_force(&j.fills()?, date).into_iter().map(|f| f.line()).collect(),
        })
    })
}

/// What the amount of a dose row comes to, converted with the fill in force that day.
#[tauri::command]
pub fn dose_amount(state: State<'_, AppState>, query: DoseQuery) -> IpcResult<DoseAmount> {
    state.with(|j| {
        Ok(match journal::entry::counted_amount(&query.dose, &j.fills()?, query.date) {
            Some(Ok(converted)) => DoseAmount { converted: Some(converted), problem: None },
            Some(Err(problem)) => DoseAmount { converted: None, problem: Some(problem) },
            None => DoseAmount::default(),
        })
    })
}

/// The form with one section copied from the last logged day (never a note); null when no
/// earlier day is logged. Nothing is saved.
#[tauri::command]
pub fn copy_from_last(state: State<'_, AppState>, entry: DayEntry, part: CopyPart) -> IpcResult<Option<CopiedDay>> {
    state.with(|j| Ok(j.copy_from_last(&entry, part)?.map(|(from, entry)| CopiedDay { entry, from })))
}

/// Stores the form: fields that do not parse and rules it breaks come back at their fields;
/// its draft goes in the same transaction.
#[tauri::command]
pub fn save_day(state: State<'_, AppState>, request: SaveDay) -> IpcResult<SavedDay> {
    state.with(|j| {
        let stored = j.save_entry(&request.entry, request.revision)?;
        let dose_run = j.dose_run(stored.day.date)?.map(|r| r.text());
        Ok(SavedDay { entry: DayEntry::from_day(&stored.day), revision: stored.revision, dose_run })
    })
}

/// Keeps unsaved edits as typed, valid or not.
#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, request: SaveDraft) -> IpcResult<()> {
    state.with(|j| j.save_entry_draft(&request.entry, request.opened))
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<()> {
    state.with(|j| j.discard_draft(date))
}

/// Deletes the day and returns its form, so the UI can offer undo (by saving it again).
#[tauri::command]
pub fn delete_day(state: State<'_, AppState>, date: NaiveDate) -> IpcResult<Option<DayEntry>> {
    state.with(|j| Ok(j.delete_day(date)?.as_ref().map(DayEntry::from_day)))
}

/// "7 h 5 min" for the night before `date`, in the system's time zone (a night when the clocks
/// change is an hour shorter or longer); null while a time is missing, does not parse or did
/// not happen that night.
#[tauri::command]
pub fn sleep_duration(query: SleepQuery) -> Option<String> {
    let sleep = journal::Sleep {
        bedtime: journal::hhmm::parse(&query.bedtime),
        wake: journal::hhmm::parse(&query.wake),
        ..journal::Sleep::default()
    };
    sleep.duration_minutes(query.date).map(journal::view::sleep_duration)
}
