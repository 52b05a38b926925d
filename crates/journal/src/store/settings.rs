//! Small per-journal settings, so they travel with the journal file and its backups.

use rusqlite::OptionalExtension;

use super::Journal;
use crate::Result;

/// The settings a journal keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Set once the first-run welcome was completed.
    Onboarded,
    /// The patient's name, shown on reports only when they opt in.
    PatientName,
    /// Date of birth (YYYY-MM-DD), likewise opt-in.
    BirthDate,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::Onboarded => "onboarded",
            Setting::PatientName => "patient_name",
            Setting::BirthDate => "birth_date",
        }
    }
}

impl Journal {
    pub fn setting(&self, s: Setting) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [s.key()], |r| r.get(0)).optional()?)
    }

    /// Stores a setting; `None` removes it.
    pub fn set_setting(&mut self, s: Setting, value: Option<&str>) -> Result<()> {
        if let (Setting::PatientName, Some(v)) = (s, value) {
            crate::validate::patient_name(v)?;
        }
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [s.key(), v],
            )?,
            None => self.conn.execute("DELETE FROM setting WHERE key = ?1", [s.key()])?,
        };
        Ok(())
    }
}

impl Journal {
    /// Whether the first-run welcome is due: it was never completed and the journal holds
    /// nothing yet. A journal imported or made with the command line (days or symptoms in it)
    /// is not new, and never shows it.
    pub fn welcome_due(&self) -> Result<bool> {
        if self.setting(Setting::Onboarded)?.is_some() {
            return Ok(false);
        }
        let holds: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM day) OR EXISTS (SELECT 1 FROM symptom)", [], |r| r.get(0))?;
        Ok(!holds)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::{Catalog, Day, Journal, store::Setting};

    #[test]
    fn the_welcome_is_due_only_for_a_journal_that_holds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let open = |name: &str| Journal::open(dir.path().join(name)).unwrap();

        let mut new = open("new.sqlite3");
        assert!(new.welcome_due().unwrap());
        new.set_setting(Setting::Onboarded, Some("1")).unwrap();
        assert!(!new.welcome_due().unwrap(), "completed");

        let mut with_symptom = open("symptom.sqlite3");
        with_symptom.add_item(Catalog::Symptoms, "Fatigue", "").unwrap();
        assert!(!with_symptom.welcome_due().unwrap(), "made with the command line");

        let mut with_day = open("day.sqlite3");
        with_day.save_day(&Day::new(chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())).unwrap();
        assert!(!with_day.welcome_due().unwrap(), "imported days");
    }
}
