//! Schema migrations. Each entry moves the schema from version `i` to `i + 1`; they run in one
//! transaction, so a journal is never left half-migrated. `PRAGMA user_version` records the
//! version; a file from a newer app version is refused before anything is written.

use std::path::Path;

use rusqlite::{Connection, Transaction};

use crate::{Error, Result};

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
    // 5: a revision per day, so a save from a form opened before another change is refused. The
    // counter only grows (a deleted and recreated day never gets an old revision back). A draft
    // keeps the revision its form was opened at (NULL: the day was not logged then).
    r#"
    ALTER TABLE day ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
    ALTER TABLE draft ADD COLUMN opened INTEGER CHECK (opened >= 1);
    CREATE TABLE revision_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
    INSERT INTO revision_counter (id, last) VALUES (1, 1);
    "#,
    // 6: the context of the record: other medications (each entry one dose over a stretch of
    // days) and their as-needed intakes, events of user-defined kinds, and measures with their
    // readings, values kept as the exact decimal text typed. "private" keeps an item out of
    // reports unless the patient opts in. `migrate` adds the starter event kinds.
    r#"
    CREATE TABLE event_kind (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
        position    INTEGER NOT NULL
    );
    CREATE TABLE event (
        id        INTEGER PRIMARY KEY,
        kind      INTEGER NOT NULL REFERENCES event_kind (id),
        from_date TEXT NOT NULL,
        to_date   TEXT CHECK (to_date >= from_date),
        note      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX event_kind_of ON event (kind);
    CREATE TABLE medication (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        dose      TEXT NOT NULL DEFAULT '',
        schedule  TEXT NOT NULL DEFAULT '',
        as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
        from_date TEXT NOT NULL,
        until     TEXT CHECK (until >= from_date),
        note      TEXT NOT NULL DEFAULT '',
        private   INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1))
    );
    CREATE TABLE intake (
        date       TEXT NOT NULL REFERENCES day (date) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        medication INTEGER NOT NULL REFERENCES medication (id),
        time       TEXT,
        amount     TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (date, seq)
    ) WITHOUT ROWID;
    CREATE INDEX intake_medication ON intake (medication);
    CREATE TABLE measure (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        unit      TEXT NOT NULL DEFAULT '',
        decimals  INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
        paired    INTEGER NOT NULL DEFAULT 0 CHECK (paired IN (0, 1)),
        several   INTEGER NOT NULL DEFAULT 0 CHECK (several IN (0, 1)),
        min_value TEXT,
        max_value TEXT,
        private   INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
        archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        position  INTEGER NOT NULL
    );
    CREATE TABLE reading (
        date    TEXT NOT NULL REFERENCES day (date) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        measure INTEGER NOT NULL REFERENCES measure (id),
        time    TEXT,
        value   TEXT NOT NULL,
        PRIMARY KEY (date, seq)
    ) WITHOUT ROWID;
    CREATE INDEX reading_measure ON reading (measure);
    "#,
    // 7: the LDN supply. A fill is one dispensing (strength in µg per unit counted); a dose
    // entered as a count keeps the count as typed (canonical text, "1.5 mL") and the fill it
    // was measured from, beside its frozen micrograms. Fill ids are never reused (a day's undo
    // may still name a deleted fill).
    r#"
    CREATE TABLE fill (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        received    TEXT NOT NULL,
        started     TEXT CHECK (started >= received),
        pharmacy    TEXT NOT NULL DEFAULT '',
        formulation TEXT NOT NULL,
        strength_ug INTEGER NOT NULL CHECK (strength_ug > 0),
        unit        TEXT NOT NULL CHECK (unit IN ('ml', 'drop', 'capsule', 'tablet', 'click')),
        filler      TEXT NOT NULL DEFAULT '',
        batch       TEXT NOT NULL DEFAULT '',
        quantity    TEXT NOT NULL DEFAULT '',
        use_by      TEXT,
        note        TEXT NOT NULL DEFAULT ''
    );
    ALTER TABLE dose ADD COLUMN entered TEXT;
    ALTER TABLE dose ADD COLUMN fill INTEGER REFERENCES fill (id);
    CREATE INDEX dose_fill ON dose (fill);
    "#,
    // 8: full-text search of the patient's own text (`crate::search`). `search_text` holds one
    // row per non-empty text field: where it comes from (`source` table, `owner` its key: a
    // date or an id, no type so an id sorts as a number, `seq` a dose's position), which field,
    // the date it is shown under, and the text. `search` is an FTS5 index over it (external
    // content, so the text is not stored a third time).
    //
    // Triggers keep both in step, inside the transaction of every write: a write path cannot
    // forget the index (the CLI, the app, import, a cascade from a deleted day, a later
    // feature), and a restored, imported or migrated journal is indexed by the same rules.
    // Each insert trigger first removes what its row had, so even a REPLACE (which skips
    // delete triggers) leaves nothing stale. The last statements index the existing rows by
    // running the update triggers over every row that has text.
    r#"
    CREATE TABLE search_text (
        id     INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        owner  NOT NULL,
        seq    INTEGER NOT NULL DEFAULT 0,
        field  TEXT NOT NULL,
        date   TEXT NOT NULL,
        body   TEXT NOT NULL,
        UNIQUE (source, owner, seq, field)
    );
    CREATE VIRTUAL TABLE search USING fts5 (
        body, content = 'search_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER search_text_insert AFTER INSERT ON search_text BEGIN
        INSERT INTO search (rowid, body) VALUES (new.id, new.body);
    END;
    CREATE TRIGGER search_text_delete AFTER DELETE ON search_text BEGIN
        INSERT INTO search (search, rowid, body) VALUES ('delete', old.id, old.body);
    END;
    CREATE TRIGGER search_text_update AFTER UPDATE ON search_text BEGIN
        INSERT INTO search (search, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search (rowid, body) VALUES (new.id, new.body);
    END;

    CREATE TRIGGER day_search_insert AFTER INSERT ON day BEGIN
        DELETE FROM search_text WHERE source = 'day' AND owner = new.date;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'day', new.date, 'day_note', new.date, new.notes WHERE new.notes <> ''
            UNION ALL
            SELECT 'day', new.date, 'dream_note', new.date, new.dream_notes WHERE new.dream_notes <> '';
    END;
    CREATE TRIGGER day_search_update AFTER UPDATE ON day BEGIN
        DELETE FROM search_text WHERE source = 'day' AND owner = old.date;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'day', new.date, 'day_note', new.date, new.notes WHERE new.notes <> ''
            UNION ALL
            SELECT 'day', new.date, 'dream_note', new.date, new.dream_notes WHERE new.dream_notes <> '';
    END;
    CREATE TRIGGER day_search_delete AFTER DELETE ON day BEGIN
        DELETE FROM search_text WHERE source = 'day' AND owner = old.date;
    END;

    CREATE TRIGGER dose_search_insert AFTER INSERT ON dose BEGIN
        DELETE FROM search_text WHERE source = 'dose' AND owner = new.date AND seq = new.seq;
        INSERT INTO search_text (source, owner, seq, field, date, body)
            SELECT 'dose', new.date, new.seq,
                CASE new.status WHEN 'missed' THEN 'missed_reason' ELSE 'dose_note' END, new.date, new.note
            WHERE new.note <> '';
    END;
    CREATE TRIGGER dose_search_update AFTER UPDATE ON dose BEGIN
        DELETE FROM search_text WHERE source = 'dose' AND owner = old.date AND seq = old.seq;
        INSERT INTO search_text (source, owner, seq, field, date, body)
            SELECT 'dose', new.date, new.seq,
                CASE new.status WHEN 'missed' THEN 'missed_reason' ELSE 'dose_note' END, new.date, new.note
            WHERE new.note <> '';
    END;
    CREATE TRIGGER dose_search_delete AFTER DELETE ON dose BEGIN
        DELETE FROM search_text WHERE source = 'dose' AND owner = old.date AND seq = old.seq;
    END;

    CREATE TRIGGER question_search_insert AFTER INSERT ON question BEGIN
        DELETE FROM search_text WHERE source = 'question' AND owner = new.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'question', new.id, 'question', new.created, new.text WHERE new.text <> '';
    END;
    CREATE TRIGGER question_search_update AFTER UPDATE ON question BEGIN
        DELETE FROM search_text WHERE source = 'question' AND owner = old.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'question', new.id, 'question', new.created, new.text WHERE new.text <> '';
    END;
    CREATE TRIGGER question_search_delete AFTER DELETE ON question BEGIN
        DELETE FROM search_text WHERE source = 'question' AND owner = old.id;
    END;

    CREATE TRIGGER event_search_insert AFTER INSERT ON event BEGIN
        DELETE FROM search_text WHERE source = 'event' AND owner = new.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'event', new.id, 'event_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER event_search_update AFTER UPDATE ON event BEGIN
        DELETE FROM search_text WHERE source = 'event' AND owner = old.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'event', new.id, 'event_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER event_search_delete AFTER DELETE ON event BEGIN
        DELETE FROM search_text WHERE source = 'event' AND owner = old.id;
    END;

    CREATE TRIGGER medication_search_insert AFTER INSERT ON medication BEGIN
        DELETE FROM search_text WHERE source = 'medication' AND owner = new.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'medication', new.id, 'medication_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER medication_search_update AFTER UPDATE ON medication BEGIN
        DELETE FROM search_text WHERE source = 'medication' AND owner = old.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'medication', new.id, 'medication_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER medication_search_delete AFTER DELETE ON medication BEGIN
        DELETE FROM search_text WHERE source = 'medication' AND owner = old.id;
    END;

    CREATE TRIGGER regimen_search_insert AFTER INSERT ON regimen_period BEGIN
        DELETE FROM search_text WHERE source = 'regimen' AND owner = new.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'regimen', new.id, 'regimen_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER regimen_search_update AFTER UPDATE ON regimen_period BEGIN
        DELETE FROM search_text WHERE source = 'regimen' AND owner = old.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'regimen', new.id, 'regimen_note', new.from_date, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER regimen_search_delete AFTER DELETE ON regimen_period BEGIN
        DELETE FROM search_text WHERE source = 'regimen' AND owner = old.id;
    END;

    CREATE TRIGGER fill_search_insert AFTER INSERT ON fill BEGIN
        DELETE FROM search_text WHERE source = 'fill' AND owner = new.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'fill', new.id, 'fill_note', new.received, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER fill_search_update AFTER UPDATE ON fill BEGIN
        DELETE FROM search_text WHERE source = 'fill' AND owner = old.id;
        INSERT INTO search_text (source, owner, field, date, body)
            SELECT 'fill', new.id, 'fill_note', new.received, new.note WHERE new.note <> '';
    END;
    CREATE TRIGGER fill_search_delete AFTER DELETE ON fill BEGIN
        DELETE FROM search_text WHERE source = 'fill' AND owner = old.id;
    END;

    UPDATE day SET notes = notes WHERE notes <> '' OR dream_notes <> '';
    UPDATE dose SET note = note WHERE note <> '';
    UPDATE question SET text = text WHERE text <> '';
    UPDATE event SET note = note WHERE note <> '';
    UPDATE medication SET note = note WHERE note <> '';
    UPDATE regimen_period SET note = note WHERE note <> '';
    UPDATE fill SET note = note WHERE note <> '';
    "#,
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The version that added events, medications and measures.
const EVENTS: usize = 6;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// What a database holds, for this app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Nothing at all (no application id, no version, no table): opening makes it a journal.
    Empty,
    /// An LDN Journal at a schema version this app reads (at most [`LATEST`]).
    Journal(i64),
}

/// Whether the database on `conn` (the file at `path`) is empty or a journal this app reads:
/// another SQLite database is [`Error::NotAJournal`], a newer schema [`Error::NewerVersion`].
/// Its structure is [`check_structure`]'s to check.
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<Found> {
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = version(conn)?;
    if app_id == 0 && version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables == 0 {
            return Ok(Found::Empty);
        }
    }
    if app_id != APPLICATION_ID {
        return Err(Error::NotAJournal { path: path.to_path_buf() });
    }
    if version > LATEST {
        return Err(Error::NewerVersion { path: path.to_path_buf(), found: version, supported: LATEST });
    }
    Ok(Found::Journal(version))
}

/// The schema version of a copy that must hold a journal (a backup, a file to restore): as
/// [`identify`], and an empty database is not a journal either.
pub(crate) fn journal_version(conn: &Connection, path: &Path) -> Result<i64> {
    match identify(conn, path)? {
        Found::Journal(v) if v >= 1 => Ok(v),
        _ => Err(Error::NotAJournal { path: path.to_path_buf() }),
    }
}

/// Brings the schema from `from` to [`LATEST`] inside `tx`.
pub fn migrate(tx: &Transaction<'_>, from: i64) -> Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(from).unwrap_or(usize::MAX)) {
        tx.execute_batch(sql)?;
        if i + 1 == EVENTS {
            super::catalog::seed_event_kinds(tx)?;
        }
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// One fact about a schema, as SQLite reports it (never the SQL text): an object, a column of
/// a table, an index column, a foreign key. Two schemas are the same when their facts are.
/// The order (most specific first) picks what a refusal names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Fact {
    /// (type, name, table) from `sqlite_schema`.
    Object(String, String, String),
    /// `PRAGMA table_xinfo`: table, position, name, type, NOT NULL, default, primary key, hidden.
    Column(String, i64, String, String, bool, Option<String>, i64, i64),
    /// `PRAGMA index_list` + `index_xinfo`: table, index, unique, origin, partial, its columns.
    Index(String, String, bool, String, bool, Vec<IndexColumn>),
    /// `PRAGMA foreign_key_list`: table, id, seq, target, from, to, on update, on delete.
    ForeignKey(String, i64, i64, String, String, Option<String>, String, String),
    /// `PRAGMA table_list`: table, type, number of columns, WITHOUT ROWID, STRICT.
    Table(String, String, i64, bool, bool),
}

/// `PRAGMA index_xinfo`: column number, name, descending, collation, key.
type IndexColumn = (i64, Option<String>, bool, Option<String>, bool);

/// SQLite's own tables that any tool may add (ANALYZE statistics); they hold no data of ours.
fn ignored(name: &str) -> bool {
    name.starts_with("sqlite_stat")
}

fn facts(conn: &Connection) -> rusqlite::Result<Vec<Fact>> {
    let mut out = Vec::new();
    let mut objects: Vec<(String, String, String)> = conn
        .prepare("SELECT type, name, tbl_name FROM sqlite_schema")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    objects.retain(|(_, name, _)| !ignored(name));
    let mut stmt = conn.prepare("SELECT name, type, ncol, wr, strict FROM pragma_table_list WHERE schema = 'main'")?;
    let tables: Vec<(String, String, i64, bool, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, kind, ncol, wr, strict) in tables {
        if ignored(&name) || name == "sqlite_schema" || name == "sqlite_temp_schema" || kind == "view" {
            continue;
        }
        let mut cols =
            conn.prepare("SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)")?;
        for c in cols.query_map([&name], |r| {
            Ok(Fact::Column(name.clone(), r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })? {
            out.push(c?);
        }
        let mut idx = conn.prepare("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1)")?;
        let indexes: Vec<(String, bool, String, bool)> = idx
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (index, unique, origin, partial) in indexes {
            let mut cols =
                conn.prepare("SELECT cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?1) ORDER BY seqno")?;
            let columns = cols
                .query_map([&index], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(Fact::Index(name.clone(), index, unique, origin, partial, columns));
        }
        let mut fks = conn.prepare(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?1)",
        )?;
        for f in fks.query_map([&name], |r| {
            Ok(Fact::ForeignKey(
                name.clone(),
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })? {
            out.push(f?);
        }
        out.push(Fact::Table(name, kind, ncol, wr, strict));
    }
    out.extend(objects.into_iter().map(|(t, n, tbl)| Fact::Object(t, n, tbl)));
    out.sort();
    Ok(out)
}

/// The schema facts of a journal at `version`, built by migrating an empty in-memory database.
fn expected(version: i64) -> Result<Vec<Fact>> {
    let mut conn = Connection::open_in_memory()?;
    let tx = conn.transaction()?;
    for sql in MIGRATIONS.iter().take(usize::try_from(version).unwrap_or(0)) {
        tx.execute_batch(sql)?;
    }
    let facts = facts(&tx)?;
    tx.rollback()?;
    Ok(facts)
}

/// Refuses a journal file (`conn`, named `path` in the message) whose schema is not exactly the
/// one LDN Journal made at the file's version: an extra trigger, view, table, index or column
/// (which could change or leak what is written), or a missing or altered one. The comparison is
/// of structure as SQLite reports it, never of SQL text. A newer or empty file passes: the
/// caller refuses or creates those.
pub fn check_structure(conn: &Connection, path: &std::path::Path) -> Result<()> {
    let version = version(conn)?;
    if !(1..=LATEST).contains(&version) {
        return Ok(());
    }
    let corrupt = |detail: String| crate::Error::Corrupt { path: path.to_path_buf(), detail };
    let found = facts(conn).map_err(|_| corrupt("its structure cannot be read".into()))?;
    let want = expected(version)?;
    if let Some(extra) = found.iter().find(|f| !want.contains(f)) {
        return Err(corrupt(describe(extra, &want, true)));
    }
    if let Some(missing) = want.iter().find(|f| !found.contains(f)) {
        return Err(corrupt(describe(missing, &found, false)));
    }
    Ok(())
}

/// A plain sentence for one fact that is in the file but not expected (`extra`) or the reverse.
fn describe(f: &Fact, other: &[Fact], extra: bool) -> String {
    let named = |s: &str| {
        let s: String = s.chars().take(40).collect();
        format!("{s:?}")
    };
    let has_table = |t: &str| other.iter().any(|o| matches!(o, Fact::Table(n, ..) if n == t));
    let has_column =
        |t: &str, c: &str| other.iter().any(|o| matches!(o, Fact::Column(n, _, name, ..) if n == t && name == c));
    match f {
        Fact::Object(kind, name, _) => {
            let a = if kind == "index" { "an" } else { "a" };
            if extra {
                format!("it contains {a} {kind} LDN Journal does not use, {}", named(name))
            } else {
                format!("the {kind} {} that LDN Journal needs is missing", named(name))
            }
        }
        Fact::Column(table, _, column, ..) => match (extra, has_table(table), has_column(table, column)) {
            (true, true, false) => {
                format!("it contains a column LDN Journal does not use, {} in {}", named(column), named(table))
            }
            (true, false, _) => format!("it contains a table LDN Journal does not use, {}", named(table)),
            (false, _, false) => format!("the column {} of {} is missing", named(column), named(table)),
            _ => format!("the column {} of {} is not as LDN Journal made it", named(column), named(table)),
        },
        Fact::Table(table, ..) if extra && !has_table(table) => {
            format!("it contains a table LDN Journal does not use, {}", named(table))
        }
        Fact::Table(table, ..) | Fact::ForeignKey(table, ..) => {
            format!("the table {} is not as LDN Journal made it", named(table))
        }
        Fact::Index(table, index, ..) => {
            let known = other.iter().any(|o| matches!(o, Fact::Index(_, i, ..) if i == index));
            if extra && !known {
                format!("it contains an index LDN Journal does not use, {} on {}", named(index), named(table))
            } else if !extra && !known {
                format!("the index {} that LDN Journal needs is missing", named(index))
            } else {
                format!("the index {} is not as LDN Journal made it", named(index))
            }
        }
    }
}
