//! Drafts: a day as the user is editing it, before they press Save. The app writes one a few
//! hundred milliseconds after each edit, so a crash or a closed window loses no typing. A draft
//! is not an entry: it is never validated, exported or counted, and saving the day removes it.
//!
//! Beside the day as far as it parses, a draft keeps the form as typed (`form`: the JSON of a
//! [`crate::entry::DayEntry`], which [`Journal::save_entry_draft`] writes and
//! `DayEntry::of_draft` reads back), kept here as text: text in a field that does not parse yet
//! is typing too, and must survive.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::Journal;
use crate::{Day, Result};

/// Largest editor state a draft keeps: far above a day's worth of typing (notes are limited to
/// [`crate::MAX_NOTE_CHARS`]), small enough that a runaway caller cannot fill the disk.
pub const MAX_DRAFT_FORM_BYTES: usize = 1 << 20;

/// An unsaved day and when it was last written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Draft {
    /// The day as far as it parses.
    pub day: Day,
    /// The form as it was typed (a `DayEntry`'s JSON), when the draft was written from one.
    pub form: Option<String>,
    /// Local time the draft was written, `YYYY-MM-DDTHH:MM:SS`.
    pub saved_at: String,
    /// The revision of the saved day when its form was opened (null: the day was not logged
    /// then, or the draft is older than revisions). Saving the draft gives this back, so a
    /// draft restored after a crash or a change of day never overwrites a change made meanwhile.
    pub opened: Option<u32>,
}

impl Journal {
    /// Stores `day` (and the editor's `form`, if given) as the draft of its date, replacing any
    /// earlier draft of that date. `opened` is the revision the form was opened at.
    pub fn save_draft(&mut self, day: &Day, form: Option<&str>, opened: Option<u32>) -> Result<()> {
        if form.is_some_and(|f| f.len() > MAX_DRAFT_FORM_BYTES) {
            return Err(crate::Error::Invalid(vec![crate::FieldError::new(
                "form",
                "these unsaved edits are too large to keep as a draft (over 1 MB); save or shorten them",
            )]));
        }
        let json = serde_json::to_string(day).map_err(|e| crate::Error::Format(e.to_string()))?;
        let now = chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M:%S").to_string();
        self.conn.execute(
            "INSERT INTO draft (date, day, form, saved_at, opened) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (date) DO UPDATE SET day = excluded.day, form = excluded.form, saved_at = excluded.saved_at,
                                              opened = excluded.opened",
            params![day.date.to_string(), json, form, now, opened],
        )?;
        Ok(())
    }

    /// The draft of `date`, if there is one. A draft that no longer reads as a day (written by
    /// another version) is reported as absent rather than blocking the day.
    pub fn draft(&self, date: NaiveDate) -> Result<Option<Draft>> {
        let row: Option<(String, Option<String>, String, Option<u32>)> = self
            .conn
            .query_row("SELECT day, form, saved_at, opened FROM draft WHERE date = ?1", [date.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()
            .map_err(|e| super::bad_value(&self.path, &format!("the unsaved draft of {date}"), e))?;
        Ok(row.and_then(|(json, form, saved_at, opened)| {
            serde_json::from_str::<Day>(&json).ok().filter(|d| d.date == date).map(|day| Draft {
                day,
                form,
                saved_at,
                opened,
            })
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
        j.save_draft(&day("2025-03-01", "first"), None, None).unwrap();
        j.save_draft(&day("2025-03-01", "second"), None, None).unwrap();
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
            measured: None,
        });
        j.save_draft(&d, None, None).unwrap();
        assert_eq!(j.draft(d.date).unwrap().unwrap().day, d);
        assert_eq!(j.day(d.date).unwrap(), None);
        assert_eq!(j.check().unwrap().days, 0);
    }

    #[test]
    fn saving_the_day_removes_its_draft_only() {
        let (_dir, mut j) = journal();
        j.save_draft(&day("2025-03-03", "draft"), None, None).unwrap();
        j.save_draft(&day("2025-03-04", "other draft"), None, None).unwrap();
        j.save_day(&day("2025-03-03", "saved")).unwrap();
        assert_eq!(j.draft("2025-03-03".parse().unwrap()).unwrap(), None);
        assert!(j.draft("2025-03-04".parse().unwrap()).unwrap().is_some());
    }

    #[test]
    fn a_failed_save_keeps_the_draft() {
        let (_dir, mut j) = journal();
        let mut bad = day("2025-03-05", "draft");
        bad.wellbeing = Some(11);
        j.save_draft(&bad, None, None).unwrap();
        assert!(j.save_day(&bad).is_err());
        assert!(j.draft(bad.date).unwrap().is_some());
    }

    #[test]
    fn the_editors_text_is_kept_as_typed_and_bounded() {
        let (_dir, mut j) = journal();
        let date = "2025-03-07".parse().unwrap();
        let form = r#"{"doses":[{"amount":"1,5 mg ' OR 1=1; --"}],"notes":"🙂"}"#;
        j.save_draft(&day("2025-03-07", "typing"), Some(form), None).unwrap();
        assert_eq!(j.draft(date).unwrap().unwrap().form.as_deref(), Some(form));
        j.save_draft(&day("2025-03-07", "typing"), None, None).unwrap();
        assert_eq!(j.draft(date).unwrap().unwrap().form, None, "a later draft without one replaces it");

        let huge = "x".repeat(MAX_DRAFT_FORM_BYTES + 1);
        let e = j.save_draft(&day("2025-03-07", "huge"), Some(&huge), None).unwrap_err();
        assert!(e.to_string().contains("too large to keep as a draft"), "{e}");
        assert_eq!(j.draft(date).unwrap().unwrap().day.notes, "typing", "the earlier draft stays");
    }

    #[test]
    fn drafts_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        Journal::open(&path).unwrap().save_draft(&day("2025-03-06", "kept"), None, None).unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.draft("2025-03-06".parse().unwrap()).unwrap().unwrap().day.notes, "kept");
    }
}
