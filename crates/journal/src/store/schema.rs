//! Schema migrations. Each entry moves the schema from version `i` to `i + 1`; they run in one
//! transaction, so a journal is never left half-migrated. `PRAGMA user_version` records the
//! version; a file from a newer app version is refused before anything is written.

use rusqlite::{Connection, Transaction};

use crate::Result;

/// `PRAGMA application_id` of every journal: "LDNJ".
pub const APPLICATION_ID: i64 = 0x4C44_4E4A;

pub const MIGRATIONS: &[&str] = &[
    // 1: days, doses, the two catalogs, the regimen.
    r#"
    CREATE TABLE symptom (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        position    INTEGER NOT NULL
    );
    CREATE TABLE side_effect (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        position    INTEGER NOT NULL
    );
    CREATE TABLE day (
        date          TEXT PRIMARY KEY,
        wellbeing     INTEGER CHECK (wellbeing BETWEEN 0 AND 10),
        bedtime       TEXT,
        wake          TEXT,
        sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
        awakenings    INTEGER CHECK (awakenings >= 0),
        vivid         TEXT CHECK (vivid IN ('none', 'some', 'very')),
        nightmare     INTEGER CHECK (nightmare IN (0, 1)),
        dream_notes   TEXT NOT NULL DEFAULT '',
        notes         TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE TABLE dose (
        date        TEXT NOT NULL REFERENCES day (date) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('taken', 'missed')),
        time        TEXT,
        amount_ug   INTEGER CHECK (amount_ug > 0),
        formulation TEXT,
        note        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (date, seq)
    ) WITHOUT ROWID;
    CREATE TABLE score (
        date    TEXT NOT NULL REFERENCES day (date) ON DELETE CASCADE,
        symptom INTEGER NOT NULL REFERENCES symptom (id),
        value   INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
        PRIMARY KEY (date, symptom)
    ) WITHOUT ROWID;
    CREATE TABLE side_effect_entry (
        date        TEXT NOT NULL REFERENCES day (date) ON DELETE CASCADE,
        side_effect INTEGER NOT NULL REFERENCES side_effect (id),
        severity    TEXT NOT NULL CHECK (severity IN ('none', 'mild', 'moderate', 'severe')),
        PRIMARY KEY (date, side_effect)
    ) WITHOUT ROWID;
    CREATE INDEX score_symptom ON score (symptom);
    CREATE INDEX side_effect_entry_item ON side_effect_entry (side_effect);
    CREATE TABLE regimen_period (
        id          INTEGER PRIMARY KEY,
        from_date   TEXT NOT NULL,
        until       TEXT,
        formulation TEXT NOT NULL,
        strength    TEXT NOT NULL DEFAULT '',
        pharmacy    TEXT NOT NULL DEFAULT '',
        note        TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE regimen_dose (
        period    INTEGER NOT NULL REFERENCES regimen_period (id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        amount_ug INTEGER NOT NULL CHECK (amount_ug > 0),
        time      TEXT,
        PRIMARY KEY (period, seq)
    ) WITHOUT ROWID;
    "#,
    // 2: questions for the prescriber and small settings (profile, first-run state).
    r#"
    CREATE TABLE question (
        id       INTEGER PRIMARY KEY,
        text     TEXT NOT NULL,
        created  TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
    );
    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 3: unsaved edits of a day (the app's drafts), so typing survives a crash or a closed window.
    r#"
    CREATE TABLE draft (date TEXT PRIMARY KEY, day TEXT NOT NULL, saved_at TEXT NOT NULL);
    "#,
    // 4: the day editor's text in drafts, so fields that do not parse yet ("1,5 mg") survive too.
    r#"
    ALTER TABLE draft ADD COLUMN form TEXT;
    "#,
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema from `from` to [`LATEST`] inside `tx`.
pub fn migrate(tx: &Transaction<'_>, from: i64) -> Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(from).unwrap_or(usize::MAX)) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}
