//! Journals written by older versions open with the current code: data intact, schema latest.
//! Each old journal is built the way that version built it: its migrations only, its own SQL.
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::search::Field;
use journal::store::schema::{APPLICATION_ID, LATEST, MIGRATIONS};
use journal::{
    Catalog, DateRange, Day, Dose, Dreams, Formulation, Journal, Micrograms, Score, Severity, SideEffectEntry, Sleep,
    Vividness,
};

/// Data as the first schema stores it, written with plain SQL.
const V1_DATA: &str = r#"
    INSERT INTO symptom (id, name, description, archived, position) VALUES
        (1, 'Pain', '0 = none', 0, 0), (2, 'Fatigue', '', 1, 1), (3, 'Brain fog 🧠', '', 0, 2);
    INSERT INTO side_effect (id, name, description, archived, position) VALUES
        (1, 'Vivid dreams', '', 0, 0), (2, 'Insomnia', '', 0, 1);
    INSERT INTO day (date, wellbeing, bedtime, wake, sleep_quality, awakenings, vivid, nightmare, dream_notes, notes)
        VALUES ('2024-02-29', 7, '23:10', '06:50', 4, 1, 'very', 1, 'a long dream', 'It''s a leap day'),
               ('2024-03-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '');
    INSERT INTO dose (date, seq, status, time, amount_ug, formulation, note) VALUES
        ('2024-02-29', 0, 'taken', '22:00', 1500, 'sublingual_drops', 'with water'),
        ('2024-02-29', 1, 'missed', NULL, NULL, NULL, 'away');
    INSERT INTO score (date, symptom, value) VALUES ('2024-02-29', 1, 0), ('2024-02-29', 2, 10);
    INSERT INTO side_effect_entry (date, side_effect, severity) VALUES ('2024-02-29', 1, 'moderate'), ('2024-02-29', 2, 'none');
    INSERT INTO regimen_period (id, from_date, until, formulation, strength, pharmacy, note)
        VALUES (1, '2024-01-01', NULL, 'liquid', '1 mg/mL', 'Riverside', '');
    INSERT INTO regimen_dose (period, seq, amount_ug, time) VALUES (1, 0, 1500, '22:00');
"#;

fn expected_day() -> Day {
    Day {
        date: date("2024-02-29"),
        doses: vec![
            Dose::Taken {
                time: Some(time("22:00")),
                amount: Micrograms(1500),
                formulation: Formulation::SublingualDrops,
                note: "with water".into(),
                measured: None,
            },
            Dose::Missed { time: None, reason: "away".into() },
        ],
        scores: vec![Score { symptom: 1, value: 0 }, Score { symptom: 2, value: 10 }],
        wellbeing: Some(7),
        sleep: Sleep { bedtime: Some(time("23:10")), wake: Some(time("06:50")), quality: Some(4), awakenings: Some(1) },
        dreams: Dreams { vivid: Some(Vividness::Very), nightmare: Some(true), notes: "a long dream".into() },
        side_effects: vec![
            SideEffectEntry { side_effect: 1, severity: Severity::Moderate },
            SideEffectEntry { side_effect: 2, severity: Severity::Absent },
        ],
        intakes: Vec::new(),
        readings: Vec::new(),
        notes: "It's a leap day".into(),
    }
}

/// A journal at schema `version` (1 = the first) holding [`V1_DATA`], closed.
fn old_journal(version: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version as i64).unwrap();
    conn.execute_batch(V1_DATA).unwrap();
    drop(conn);
    (dir, path)
}

fn check_upgrade(version: usize) {
    let (dir, path) = old_journal(version);
    let mut j = Journal::open(&path).unwrap();
    let summary = j.check().unwrap();
    assert_eq!(i64::from(summary.schema_version), LATEST, "from schema {version}");
    assert_eq!(summary.days, 2);
    assert_eq!(j.day(date("2024-02-29")).unwrap(), Some(expected_day()), "from schema {version}");
    assert_eq!(j.day(date("2024-03-01")).unwrap(), Some(Day::new(date("2024-03-01"))));
    let symptoms = j.catalog(Catalog::Symptoms).unwrap();
    let names: Vec<_> = symptoms.iter().map(|s| (s.name.as_str(), s.archived)).collect();
    assert_eq!(names, [("Pain", false), ("Fatigue", true), ("Brain fog 🧠", false)]);
    assert_eq!(j.catalog(Catalog::SideEffects).unwrap().len(), 2, "an old list is not reseeded");
    // The text written before search existed is found (the migration indexed it).
    for (query, field) in [
        ("leap", Field::DayNote),
        ("\"long dream\"", Field::DreamNote),
        ("WATER", Field::DoseNote),
        ("away", Field::MissedReason),
    ] {
        let hits = j.search(query, None).unwrap();
        let found: Vec<_> = hits.iter().map(|h| (h.date, h.field)).collect();
        assert_eq!(found, [(date("2024-02-29"), field)], "{query}, from schema {version}");
    }
    let regimen = j.regimen().unwrap();
    assert_eq!(
        (regimen.len(), regimen[0].daily_total(), regimen[0].formulation),
        (1, Micrograms(1500), Formulation::Liquid)
    );
    // What the later schemas added works.
    assert!(j.questions().unwrap().is_empty());
    if version < 6 {
        assert_eq!(j.catalog(Catalog::EventKinds).unwrap().len(), 10, "the starter event kinds, from schema {version}");
    }
    let kind = j.add_item(Catalog::EventKinds, "my kind", "").unwrap().id;
    j.save_event(&journal::Event { id: 0, kind, from: date("2024-02-28"), to: None, note: String::new() }).unwrap();
    let weight = j.save_measure(&journal::measure::template_named("weight").unwrap().measure()).unwrap();
    let mut with_reading = Day::new(date("2024-03-01"));
    with_reading.readings =
        vec![journal::Reading { measure: weight.id, time: None, value: journal::MeasureValue::parse("71.3").unwrap() }];
    j.save_day(&with_reading).unwrap();
    j.save_day(&Day::new(date("2024-03-01"))).unwrap();
    let revision = j.day_revision(date("2024-02-29")).unwrap().expect("an old day gets a revision");
    let mut edited = expected_day();
    edited.notes = "edited after the upgrade".into();
    let saved = j.save_day_at(&edited, Some(revision)).unwrap();
    assert!(saved.revision > revision, "from schema {version}");
    j.save_day(&expected_day()).unwrap();
    j.set_setting(journal::store::Setting::Onboarded, Some("yes")).unwrap();
    let mut day = expected_day();
    day.date = date("2024-03-02");
    j.save_day(&day).unwrap();
    drop(j);
    // And it opens again without migrating twice.
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.logged_dates(DateRange::all()).unwrap().len(), 3);
    assert!(j.search("edited", None).unwrap().is_empty(), "the edit was saved over, from schema {version}");
    let leap: Vec<_> = j.search("leap", None).unwrap().iter().map(|h| h.date).collect();
    assert_eq!(leap, [date("2024-03-02"), date("2024-02-29")], "from schema {version}");
    drop(dir);
}

#[test]
fn first_schema_upgrades_to_the_latest() {
    check_upgrade(1);
}

#[test]
fn every_older_schema_upgrades_to_the_latest() {
    for version in 1..MIGRATIONS.len() {
        check_upgrade(version);
    }
}

#[test]
fn the_latest_schema_opens_unchanged() {
    check_upgrade(MIGRATIONS.len());
}
