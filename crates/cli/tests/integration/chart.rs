//! `chart`: the four charts as SVG files or on standard output, with clear errors.
#![allow(clippy::unwrap_used)]

use crate::common::*;

fn demo() -> Env {
    let e = env();
    e.ok(&["demo", "--days", "90"]);
    e
}

#[test]
fn every_chart_is_written_as_svg() {
    let e = demo();
    for kind in ["dose-symptoms", "sleep", "side-effects", "wellbeing"] {
        let out = e.path(&format!("{kind}.svg"));
        let printed = e.ok(&["chart", kind, "-o", out.to_str().unwrap()]);
        assert!(printed.is_empty(), "{kind}: {printed}");
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{kind}");
        assert!(svg.contains(r#"font-family="DejaVu Sans""#), "{kind}");
    }
}

#[test]
fn symptoms_are_chosen_by_name_and_the_range_by_date() {
    let e = demo();
    let svg = e.ok(&["chart", "dose-symptoms", "--symptom", "fatigue", "--symptom", "Anxiety", "--dark"]);
    assert!(svg.contains("Fatigue") && svg.contains("Anxiety") && !svg.contains("Brain fog"));
    let svg = e.ok(&["chart", "wellbeing", "--from", "2001-01-01", "--to", "2001-01-31"]);
    assert!(svg.contains("No entries in this range") && svg.contains("1 Jan 2001 – 31 Jan 2001"));
}

#[test]
fn bad_choices_are_named() {
    let e = demo();
    let out = e.run(&["chart", "sleep", "--symptom", "Nope"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.starts_with("ldn-journal: no symptom is called \"Nope\"; the journal has: Pain, "), "{stderr}");
    e.fails(
        &["chart", "sleep", "--from", "2025-02-01", "--to", "2025-01-01"],
        "the end date 2025-01-01 is before the start date 2025-02-01",
    );
    e.usage(&["chart", "pie"], "error: invalid value 'pie' for '<KIND>'");
}
