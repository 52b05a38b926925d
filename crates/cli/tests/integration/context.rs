//! `meds`, `events`, `measures`, and `log --as-needed/--measure`: the record's context from the
//! command line, with the exact meanings the README gives them.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn medications_are_added_changed_and_stopped_with_their_history() {
    let e = env();
    e.ok(&["meds", "add", "Vitamin D", "--dose", "2000 IU", "--schedule", "mornings", "--from", "2026-01-01"]);
    e.ok(&["meds", "add", "Ibuprofen", "--dose", "400 mg", "--as-needed", "--from", "2026-01-01", "--private"]);
    e.ok(&["meds", "change-dose", "VITAMIN D", "--dose", "4000 IU", "--from", "2026-03-01"]);
    let list = e.ok(&["meds", "stop", "ibuprofen", "--on", "2026-02-20"]);
    assert_eq!(
        list,
        "\
Ibuprofen 400 mg, as needed  2026-01-01 to 2026-02-20  (kept out of reports)
Vitamin D 2000 IU, mornings  2026-01-01 to 2026-02-28
Vitamin D 4000 IU, mornings  2026-03-01 to now
"
    );
    assert_eq!(e.ok(&["meds", "list"]), list);
    e.fails(
        &["meds", "stop", "Magnesium", "--on", "2026-02-20"],
        "\"Magnesium\" is not one of your medications (known: Ibuprofen, Vitamin D); add it with `ldn-journal meds add NAME --from DATE`",
    );
    e.fails(
        &["meds", "add", "X", "--from", "2026-02-01", "--until", "2026-01-01"],
        "the end date 2026-01-01 is before the start date 2026-02-01",
    );
    e.usage(
        &["meds", "add", "X", "--from", "2026-02-01", "--schedule", "daily", "--as-needed"],
        "error: the argument '--schedule <SCHEDULE>' cannot be used with '--as-needed'",
    );
}

#[test]
fn events_are_one_day_unless_they_run_on_or_are_ongoing() {
    let e = env();
    e.ok(&["events", "add", "flare", "--from", "2026-02-01", "--ongoing", "--note", "knees"]);
    e.ok(&["events", "add", "Travel", "--from", "2026-02-03", "--to", "2026-02-05"]);
    e.ok(&["events", "add", "vaccination", "--from", "2026-02-04"]);
    assert_eq!(
        e.ok(&["events", "list", "--from", "2026-02-05", "--to", "2026-02-06"]),
        "flare, since 2026-02-01, ongoing (knees)\ntravel, 2026-02-03 to 2026-02-05\n"
    );
    e.ok(&["events", "end", "FLARE", "--on", "2026-02-10"]);
    e.fails(&["events", "end", "flare", "--on", "2026-02-11"], "no flare event is ongoing");
    assert!(e.ok(&["events"]).starts_with("flare, 2026-02-01 to 2026-02-10 (knees)\n"));
    e.fails(
        &["events", "add", "banana", "--from", "2026-02-01"],
        "\"banana\" is not one of your event kinds (known: infection, flare, crash, period, stress, travel, vaccination, procedure, appointment, other); add it with `ldn-journal events kinds add NAME`",
    );
    let kinds = e.ok(&["events", "kinds", "add", "banana", "--description", "ate one", "--private"]);
    assert!(kinds.ends_with("banana (kept out of reports)  ate one\n"), "{kinds}");
    e.ok(&["events", "add", "banana", "--from", "2026-02-01"]);
}

#[test]
fn measures_and_intakes_are_logged_and_shown_as_typed() {
    let e = env();
    e.ok(&["meds", "add", "Ibuprofen", "--as-needed", "--from", "2026-01-01"]);
    e.ok(&["measures", "add", "weight"]);
    e.ok(&["measures", "add", "Blood pressure"]);
    let list = e.ok(&["measures", "add", "CRP", "--unit", "mg/L", "--decimals", "2"]);
    assert_eq!(
        list,
        "\
Weight: kg, 1 decimal, once a day
Blood pressure: mmHg, 0 decimals, two numbers, like 120/80, several a day
CRP: mg/L, 2 decimals, once a day
"
    );
    e.fails(
        &["measures", "add", "Foo"],
        "give the unit of Foo with --unit (usual measures that need none: Weight, Resting heart rate, Blood pressure, Steps, Body temperature, Exertion, Stool form (Bristol), CRP, Calprotectin)",
    );
    e.ok(&["events", "add", "travel", "--from", "2026-02-03", "--to", "2026-02-05"]);
    e.ok(&[
        "log",
        "--date",
        "2026-02-04",
        "--as-needed",
        "ibuprofen@14:00",
        "--as-needed",
        "Ibuprofen=1 tablet",
        "--measure",
        "weight=71,30",
        "--measure",
        "Blood pressure@08:00=120/80",
        "--measure",
        "Blood pressure@20:00=118/79",
        "--measure",
        "CRP=0.05",
    ]);
    let shown = "\
Wednesday 4 February 2026
  doses: not recorded
  as needed: Ibuprofen at 14:00
  as needed: Ibuprofen, 1 tablet
  Weight: 71.3 kg
  Blood pressure: 120/80 mmHg at 08:00
  Blood pressure: 118/79 mmHg at 20:00
  CRP: 0.05 mg/L
  event: travel, 2026-02-03 to 2026-02-05
";
    assert_eq!(e.ok(&["show", "2026-02-04"]), shown);
    // Refused values change nothing.
    e.fails(&["log", "--date", "2026-02-04", "--measure", "Weight=71.35"], "Weight has 1 decimal; got 71.35");
    e.fails(&["log", "--date", "2026-02-04", "--measure", "Weight=NaN"], "\"NaN\" is not a number");
    e.fails(&["log", "--date", "2026-02-04", "--measure", "Weight=7130"], "Weight must be 0–700 kg; got 7130");
    e.fails(
        &["log", "--date", "2026-02-04", "--measure", "Blood pressure=120"],
        "Blood pressure is written as two numbers, like 120/80; got 120",
    );
    e.fails(
        &["log", "--date", "2026-02-04", "--measure", "Height=180"],
        "\"Height\" is not one of your measures (known: Weight, Blood pressure, CRP); add it with `ldn-journal measures add NAME --unit UNIT`",
    );
    e.fails(
        &["log", "--date", "2025-12-31", "--as-needed", "Ibuprofen"],
        "Ibuprofen is in your list from 2026-01-01, not on 2025-12-31",
    );
    assert_eq!(e.ok(&["show", "2026-02-04"]), shown);
    // A new value replaces a once-a-day measure; NAME= clears; the first reading given of a
    // several-a-day measure replaces the day's; --as-needed replaces the intakes.
    e.ok(&[
        "log",
        "--date",
        "2026-02-04",
        "--measure",
        "Weight=70.9",
        "--measure",
        "CRP=",
        "--measure",
        "Blood pressure@09:00=121/81",
        "--as-needed",
        "Ibuprofen@20:00",
    ]);
    assert_eq!(
        e.ok(&["show", "2026-02-04"]),
        "\
Wednesday 4 February 2026
  doses: not recorded
  as needed: Ibuprofen at 20:00
  Weight: 70.9 kg
  Blood pressure: 121/81 mmHg at 09:00
  event: travel, 2026-02-03 to 2026-02-05
"
    );
}

#[test]
fn chart_measures_draws_the_measures_named_and_refuses_unknown_ones() {
    let e = env();
    e.ok(&["measures", "add", "Weight", "--unit", "kg", "--decimals", "1"]);
    e.ok(&["measures", "add", "Resting heart rate", "--unit", "bpm"]);
    e.ok(&["log", "--date", "2026-02-01", "--measure", "weight=71,3", "--measure", "Resting heart rate=61"]);
    e.ok(&["log", "--date", "2026-02-02", "--measure", "Weight=71.6"]);
    let both = e.ok(&["chart", "measures", "--from", "2026-02-01", "--to", "2026-02-07"]);
    assert!(
        both.starts_with("<svg") && both.contains("\nWeight (kg)\n") && both.contains("\nResting heart rate (bpm)\n")
    );
    let one = e.ok(&["chart", "measures", "--measure", "WEIGHT", "--from", "2026-02-01", "--to", "2026-02-07"]);
    assert!(one.contains("\nWeight (kg)\n") && !one.contains("Resting heart rate"));
    e.fails(
        &["chart", "measures", "--measure", "Steps"],
        "\"Steps\" is not one of your measures (known: Weight, Resting heart rate); add it with `ldn-journal measures add NAME --unit UNIT`",
    );
}
