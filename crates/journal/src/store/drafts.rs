//! Drafts: a day as the user is editing it, before they press Save. The app writes one a few
//! hundred milliseconds after each edit, so a crash or a closed window loses no typing. A draft
//! is not an entry: it is never validated, exported or counted, and saving the day removes it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::Journal;
use crate::{Day, Result};

/// An unsaved day and when it was last written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Draft {
    pub day: Day,
    /// Local time the draft was written, `YYYY-MM-DDTHH:MM:SS`.
    pub saved_at: String,
}

impl Journal {
    /// Stores `day` as the draft of its date, replacing any earlier draft of that date.
    pub fn save_draft(&mut self, day: &Day) -> Result<()> {
        let json = serde_json::to_string(day).map_err(|e| crate::Error::Format(e.to_string()))?;
        let now = chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M:%S").to_string();
        self.conn.execute(
            "INSERT INTO draft (date, day, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET day = excluded.day, saved_at = excluded.saved_at",
            params![day.date.to_string(), json, now],
        )?;
        Ok(())
    }

    /// The draft of `date`, if there is one. A draft that no longer reads as a day (written by
    /// another version) is reported as absent rather than blocking the day.
    pub fn draft(&self, date: NaiveDate) -> Result<Option<Draft>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT day, saved_at FROM draft WHERE date = ?1", [date.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(row.and_then(|(json, saved_at)| {
            serde_json::from_str::<Day>(&json).ok().filter(|d| d.date == date).map(|day| Draft { day, saved_at })
        }))
    }

    pub fn discard_draft(&mut self, date: NaiveDate) -> Result<()> {
        discard(&self.conn, date)
    }
}

/// Removes the draft of `date`; `save_day` calls it inside its transaction.
pub(super) fn discard(conn: &rusqlite::Connection, date: NaiveDate) -> Result<()> {
    conn.execute("DELETE FROM draft WHERE date = ?1", [date.to_string()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::Dose;
    use crate::Micrograms;

    fn journal() -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path().join("j.sqlite3")).unwrap();
        (dir, j)
    }

    fn day(date: &str, notes: &str) -> Day {
        let mut d = Day::new(date.parse().unwrap());
        d.notes = notes.into();
        d
    }

    #[test]
    fn a_draft_is_kept_replaced_and_discarded() {
        let (_dir, mut j) = journal();
        let date = "2025-03-01".parse().unwrap();
        assert_eq!(j.draft(date).unwrap(), None);
        j.save_draft(&day("2025-03-01", "first")).unwrap();
        j.save_draft(&day("2025-03-01", "second")).unwrap();
        assert_eq!(j.draft(date).unwrap().unwrap().day.notes, "second");
        j.discard_draft(date).unwrap();
        assert_eq!(j.draft(date).unwrap(), None);
    }

    #[test]
    fn drafts_are_not_validated_and_not_entries() {
        let (_dir, mut j) = journal();
        let mut d = day("2025-03-02", "typing");
        d.wellbeing = Some(42);
        d.doses.push(Dose::Taken {
            time: None,
            amount: Micrograms(0),
            formulation: Default::default(),
            note: "".into(),
        });
        j.save_draft(&d).unwrap();
        assert_eq!(j.draft(d.date).unwrap().unwrap().day, d);
        assert_eq!(j.day(d.date).unwrap(), None);
        assert_eq!(j.check().unwrap().days, 0);
    }

    #[test]
    fn saving_the_day_removes_its_draft_only() {
        let (_dir, mut j) = journal();
        j.save_draft(&day("2025-03-03", "draft")).unwrap();
        j.save_draft(&day("2025-03-04", "other draft")).unwrap();
        j.save_day(&day("2025-03-03", "saved")).unwrap();
        assert_eq!(j.draft("2025-03-03".parse().unwrap()).unwrap(), None);
        assert!(j.draft("2025-03-04".parse().unwrap()).unwrap().is_some());
    }

    #[test]
    fn a_failed_save_keeps_the_draft() {
        let (_dir, mut j) = journal();
        let mut bad = day("2025-03-05", "draft");
        bad.wellbeing = Some(11);
        j.save_draft(&bad).unwrap();
        assert!(j.save_day(&bad).is_err());
        assert!(j.draft(bad.date).unwrap().is_some());
    }

    #[test]
    fn drafts_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        Journal::open(&path).unwrap().save_draft(&day("2025-03-06", "kept")).unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.draft("2025-03-06".parse().unwrap()).unwrap().unwrap().day.notes, "kept");
    }
}
