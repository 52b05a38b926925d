//! The data of a date range that the charts and the period summary are computed from: the
//! logged days, the regimen and the catalogs, loaded once ([`ChartData::load`]). Its own
//! module so that `charts` and `summary` both read it and neither depends on the other.

use chrono::{Days, NaiveDate};

use crate::periods::DosePeriod;
use crate::{
    Catalog, CatalogItem, DateRange, Day, Event, Journal, Measure, Medication, Micrograms, RegimenPeriod, Result,
};

/// How far before a range to look for the dose in effect when the range starts (see
/// [`ChartData::dose_before`]).
pub const LOOKBACK_DAYS: u64 = 92;

/// Everything the charts and the period summary read, loaded once for a date range.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The range asked for. See [`ChartData::span`] for the dates the charts show.
    pub range: DateRange,
    /// Logged days within `range`, in date order.
    pub days: Vec<Day>,
    pub regimen: Vec<RegimenPeriod>,
    /// The symptom catalog, archived items included (they may have history).
    pub symptoms: Vec<CatalogItem>,
    pub side_effects: Vec<CatalogItem>,
    /// Daily total taken on the last day before the range on which something was taken,
    /// looking back at most [`LOOKBACK_DAYS`]. With it, a range that starts on a missed or
    /// unrecorded day is not mistaken for a baseline before the first dose.
    pub dose_before: Option<Micrograms>,
    /// Other medications in force on any day of `range`, as entered.
    pub medications: Vec<Medication>,
    /// Events covering any day of `range`, and the catalog of kinds they name.
    pub events: Vec<Event>,
    pub event_kinds: Vec<CatalogItem>,
    /// Every measure, archived ones included (they may have readings).
    pub measures: Vec<Measure>,
    /// Fills in force on any day of `range` (see [`crate::supply::fills_over`]), by start.
    pub fills: Vec<crate::Fill>,
}

impl ChartData {
    /// Loads the days of `range` and the catalogs and regimen from the journal.
    pub fn load(j: &Journal, range: DateRange) -> Result<Self> {
        let dose_before = match range.from.checked_sub_days(Days::new(1)) {
            Some(before) if range.from > crate::FIRST_DATE => {
                let from = before.checked_sub_days(Days::new(LOOKBACK_DAYS - 1)).unwrap_or(before);
                let earlier = j.days(DateRange { from: from.max(crate::FIRST_DATE), to: before })?;
                earlier.iter().rev().find_map(|d| d.total_taken().filter(|t| t.0 > 0))
            }
            _ => None,
        };
        let days = j.days(range)?;
        let fills = fills_of(&j.fills()?, &days, range);
        Ok(Self {
            range,
            regimen: j.regimen()?,
            symptoms: j.catalog(Catalog::Symptoms)?,
            side_effects: j.catalog(Catalog::SideEffects)?,
            days,
            dose_before,
            medications: j.medications()?.into_iter().filter(|m| m.overlaps(range)).collect(),
            events: j.events(range)?,
            event_kinds: j.catalog(Catalog::EventKinds)?,
            measures: j.measures()?,
            fills,
        })
    }

    /// The same data without the items the patient keeps out of reports: private medications
    /// and their intakes, private measures and their readings, and events of private kinds.
    /// Reports and exports draw from this unless the patient opts in.
    pub fn without_private_items(&self) -> Self {
        let private_kind = |k| self.event_kinds.iter().any(|c| c.id == k && c.private);
        let private_med = |id| self.medications.iter().any(|m| m.id == id && m.private);
        let private_measure = |id| self.measures.iter().any(|m| m.id == id && m.private);
        let mut out = self.clone();
        out.medications.retain(|m| !m.private);
        out.events.retain(|e| !private_kind(e.kind));
        out.measures.retain(|m| !m.private);
        for d in &mut out.days {
            d.intakes.retain(|i| !private_med(i.medication));
            d.readings.retain(|r| !private_measure(r.measure));
        }
        out
    }

    /// The event kind named `id`, if known.
    pub fn event_kind(&self, id: crate::ItemId) -> Option<&CatalogItem> {
        self.event_kinds.iter().find(|k| k.id == id)
    }

    /// The dates the charts show: the range, except that an open end (the first or last date
    /// a journal can hold, as [`DateRange::all`] gives) is replaced by the first or last
    /// logged day.
    pub fn span(&self) -> DateRange {
        let all = DateRange::all();
        let (open_from, open_to) = (self.range.from <= all.from, self.range.to >= all.to);
        let (first, last) = match (self.days.first(), self.days.last()) {
            (Some(f), Some(l)) => (f.date, l.date),
            // Nothing logged: an open end collapses onto the other end.
            _ => {
                let d = if open_from { self.range.to } else { self.range.from };
                (d, d)
            }
        };
        let from = if open_from { first } else { self.range.from };
        let to = if open_to { last.max(from) } else { self.range.to };
        DateRange { from: from.min(to), to }
    }

    /// The dose periods of the range (see [`crate::periods`]), with [`Self::dose_before`]
    /// applied: days at the start of the range before anything was taken belong to the dose
    /// taken before the range, not to a baseline.
    pub fn dose_periods(&self) -> Vec<DosePeriod> {
        let mut ps = crate::periods::dose_periods(&self.days);
        if let Some(before) = self.dose_before
            && ps.first().is_some_and(|p| p.is_baseline())
        {
            ps[0].dose = before;
            if ps.len() > 1 && ps[1].dose == before {
                let next = ps.remove(1);
                ps[0].to = next.to;
                ps[0].day_indices.end = next.day_indices.end;
            }
        }
        ps
    }

    /// Index of each calendar day of `span` into `days` (`None` when not logged).
    pub(crate) fn day_slots(&self, span: DateRange) -> Vec<Option<usize>> {
        let n = usize::try_from(span.days()).unwrap_or(0);
        let mut slots = vec![None; n];
        for (i, d) in self.days.iter().enumerate() {
            if let Some(k) = offset(span.from, d.date).filter(|k| *k < n) {
                slots[k] = Some(i);
            }
        }
        slots
    }
}

/// The fills in use during `range` ([`crate::supply::fills_over`]) and any other a dose of `days`
/// was measured from (one whose start was edited later), in order of start.
fn fills_of(all: &[crate::Fill], days: &[Day], range: DateRange) -> Vec<crate::Fill> {
    let measured = |f: &crate::Fill| {
        days.iter()
            .flat_map(|d| &d.doses)
            .any(|x| matches!(x, crate::Dose::Taken { measured: Some(m), .. } if m.fill == f.id))
    };
    let over: Vec<crate::FillId> = crate::supply::fills_over(all, range).iter().map(|f| f.id).collect();
    all.iter().filter(|f| over.contains(&f.id) || measured(f)).cloned().collect()
}

/// Days from `from` to `d`, if `d` is not before `from`.
pub(crate) fn offset(from: NaiveDate, d: NaiveDate) -> Option<usize> {
    usize::try_from((d - from).num_days()).ok()
}
