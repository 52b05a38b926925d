//! `log`, `show` and `list`: writing days from the command line and reading them back.
#![allow(clippy::unwrap_used)]

use crate::common::*;

fn with_symptoms() -> Env {
    let e = env();
    e.ok(&["symptoms", "starter", "chronic_pain"]);
    e
}

#[test]
fn log_then_show_every_field() {
    let e = with_symptoms();
    let out = e.ok(&[
        "log",
        "--date",
        "2025-03-01",
        "--dose",
        "1.5mg@22:00",
        "--dose",
        "250ug",
        "--missed",
        "forgot",
        "--formulation",
        "liquid",
        "--symptom",
        "pain=4",
        "--symptom",
        "Fatigue=0",
        "--wellbeing",
        "6",
        "--bedtime",
        "23:00",
        "--wake",
        "06:30",
        "--sleep-quality",
        "3",
        "--awakenings",
        "2",
        "--vivid",
        "very",
        "--nightmare",
        "yes",
        "--dream-notes",
        "flying 🕊",
        "--side-effect",
        "Vivid dreams=moderate",
        "--side-effect",
        "Tinnitus=none",
        "--notes",
        "ok, día — \"quoted\"",
    ]);
    assert_eq!(out, "saved 2025-03-01\n");
    assert_eq!(
        e.ok(&["show", "2025-03-01"]),
        "\
Saturday 1 March 2025
  dose: 1.5 mg liquid at 22:00
  dose: 0.25 mg liquid
  dose: missed (forgot)
  day 1 at 1.75 mg (since 2025-03-01; 1 missed)
  Pain: 4/10
  Fatigue: 0/10
  wellbeing: 6/10
  sleep: 23:00–06:30 (7h30), quality 3/5, 2 awakenings
  dreams: vivid: very, nightmare
  dream notes: flying 🕊
  side effect: Vivid dreams (moderate)
  side effect: Tinnitus (none)
  notes: ok, día — \"quoted\"
"
    );
}

#[test]
fn log_updates_only_the_fields_given() {
    let e = with_symptoms();
    e.ok(&["log", "--date", "2025-03-01", "--dose", "1.5mg", "--symptom", "pain=4", "--wellbeing", "6"]);
    e.ok(&["log", "--date", "2025-03-01", "--symptom", "pain=-", "--notes", "later"]);
    let shown = e.ok(&["show", "2025-03-01"]);
    assert!(shown.contains("dose: 1.5 mg capsule"), "{shown}");
    assert!(shown.contains("wellbeing: 6/10"), "{shown}");
    assert!(!shown.contains("Pain"), "the rating was removed: {shown}");
    assert!(shown.contains("notes: later"), "{shown}");
}

#[test]
fn show_a_day_without_entry() {
    let e = env();
    assert_eq!(e.ok(&["show", "2025-03-02"]), "2025-03-02: nothing logged\n");
}

#[test]
fn list_a_range() {
    let e = with_symptoms();
    e.ok(&[
        "log",
        "--date",
        "2025-03-01",
        "--dose",
        "1.5mg",
        "--wellbeing",
        "6",
        "--bedtime",
        "23:00",
        "--wake",
        "07:00",
    ]);
    e.ok(&["log", "--date", "2025-03-03", "--missed", "", "--symptom", "pain=2"]);
    e.ok(&["log", "--date", "2025-04-01", "--dose", "3mg"]);
    assert_eq!(
        e.ok(&["list", "--from", "2025-03-01", "--to", "2025-03-31"]),
        "\
2025-03-01  dose    1.5 mg  wellbeing  6  sleep  8h00  scores 0
2025-03-03  dose      0 mg  wellbeing  -  sleep     -  scores 1
"
    );
    assert_eq!(e.ok(&["list", "--from", "2026-01-01"]), "no days logged in that range\n");
}

// One-line errors naming the field and the value; nothing is written.

#[test]
fn impossible_date() {
    let e = env();
    e.usage(
        &["log", "--date", "2025-02-30", "--wellbeing", "5"],
        "error: invalid value '2025-02-30' for '--date <DATE>': \"2025-02-30\" is not a date (YYYY-MM-DD)",
    );
    e.usage(
        &["show", "30/01/2025"],
        "error: invalid value '30/01/2025' for '<DATE>': \"30/01/2025\" is not a date (YYYY-MM-DD)",
    );
    assert!(!e.db.exists(), "a usage error created the journal");
}

#[test]
fn dose_errors() {
    let e = env();
    let log = |dose: &str| ["log".into(), "--date".into(), "2025-03-01".into(), format!("--dose={dose}")];
    let check = |dose: &str, msg: &str| e.fails(&log(dose).iter().map(String::as_str).collect::<Vec<_>>(), msg);
    check("60mg", "60 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)");
    check("4500mg", "4500 mg is not a low dose — check the unit (doses are recorded in mg, up to 50 mg)");
    check("0mg", "dose must be more than 0 mg; record a missed dose instead");
    check("-1mg", "\"-1\" is not an amount in mg (e.g. 1.5)");
    check("1.5", "\"1.5\" needs a unit: mg or µg (e.g. 1.5mg or 1500ug)");
    check("1.2345mg", "\"1.2345\" has more than 3 decimals; the journal records to 0.001 mg (1 µg)");
    check("1.5mg@25:00", "dose time \"25:00\" is not a time (HH:MM)");
    e.ok(&["log", "--date", "2025-03-01", "--dose", "50mg"]);
    e.ok(&["log", "--date", "2025-03-01", "--dose", "0.001mg"]);
    assert_eq!(e.ok(&["list"]), "2025-03-01  dose  0.001 mg  wellbeing  -  sleep     -  scores 0\n");
}

#[test]
fn field_errors() {
    let e = with_symptoms();
    let d = ["log", "--date", "2025-03-01"];
    let with = |extra: &[&'static str]| [&d[..], extra].concat();
    e.fails(&with(&["--sleep-quality", "7"]), "sleep quality must be 1–5, got 7");
    e.fails(&with(&["--sleep-quality", "0"]), "sleep quality must be 1–5, got 0");
    e.fails(&with(&["--wellbeing", "11"]), "wellbeing must be 0–10, got 11");
    e.fails(&with(&["--wellbeing", "300"]), "wellbeing 300 is out of range");
    e.fails(&with(&["--wellbeing=-1"]), "wellbeing cannot be negative, got -1");
    e.fails(&with(&["--awakenings", "101"]), "awakenings must be 0–100, got 101");
    e.fails(&with(&["--symptom", "pain=11"]), "symptom score must be 0–10, got 11");
    e.fails(&with(&["--symptom", "pain=lots"]), "score for pain must be 0–10, got \"lots\"");
    e.fails(
        &with(&["--symptom", "itch=3"]),
        "\"itch\" is not in your symptom list; add it with `ldn-journal symptoms add \"itch\"`",
    );
    e.fails(&with(&["--bedtime", "22:00", "--wake", "22:00"]), "wake time is the same as bedtime (22:00)");
    e.fails(&with(&["--bedtime", "10pm"]), "bedtime \"10pm\" is not a time (HH:MM)");
    e.fails(&with(&["--vivid", "wild"]), "--vivid must be none, some or very, got \"wild\"");
    e.fails(&with(&["--nightmare", "maybe"]), "--nightmare must be yes or no, got \"maybe\"");
    e.fails(
        &with(&["--side-effect", "Nausea=awful"]),
        "severity must be none, mild, moderate or severe, got \"awful\"",
    );
    e.usage(&with(&["--formulation", "pill"]), "error: invalid value 'pill' for '--formulation <FORMULATION>': unknown formulation \"pill\"; one of capsule, tablet, liquid, sublingual_drops, cream, other");
    assert_eq!(e.ok(&["list"]), "no days logged in that range\n", "a refused log wrote something");
}

#[test]
fn long_notes_are_kept() {
    let e = env();
    let long = "x".repeat(100_000); // one argument may hold up to 128 KiB
    e.ok(&["log", "--date", "2025-03-01", "--notes", &long]);
    assert!(e.ok(&["show", "2025-03-01"]).contains(&long));
}

#[test]
fn a_refused_log_adds_no_side_effect_to_the_list() {
    let e = with_symptoms();
    let new_name = |e: &Env| e.ok(&["export", "--format", "json"]).contains("Jaw ache");
    e.fails(
        &["log", "--date", "2025-03-01", "--side-effect", "Jaw ache=mild", "--wellbeing", "11"],
        "wellbeing must be 0–10, got 11",
    );
    assert!(!new_name(&e), "the refused day left its new side effect behind");
    e.fails(
        &["log", "--date", "2025-03-01", "--side-effect", "Jaw ache=mild", "--side-effect", "Nausea=awful"],
        "severity must be none, mild, moderate or severe, got \"awful\"",
    );
    assert!(!new_name(&e), "a usage error after the new side effect left it behind");
    assert_eq!(e.ok(&["list"]), "no days logged in that range\n");
    e.ok(&["log", "--date", "2025-03-01", "--side-effect", "Jaw ache=mild"]);
    assert!(new_name(&e), "a day that saves adds it");
}
