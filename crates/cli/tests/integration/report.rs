//! `report`: the PDF appointment summary written to a file, with clear errors.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn writes_a_pdf_and_says_where() {
    let e = env();
    e.ok(&["demo", "--days", "60"]);
    // The paper sizes themselves are checked in the core's report tests.
    for paper in ["a4", "letter"] {
        let out = e.path(&format!("summary-{paper}.pdf"));
        let printed = e.ok(&["report", "-o", out.to_str().unwrap(), "--paper", paper, "--include-notes"]);
        assert!(printed.starts_with(&format!("wrote {} (", out.display())) && printed.ends_with(" KB)\n"), "{printed}");
        let pdf = std::fs::read(&out).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{paper}");
        assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "{paper}");
        assert!(!out.with_extension("partial").exists());
    }
}

#[test]
fn bad_ranges_and_paper_are_named() {
    let e = env();
    e.ok(&["demo", "--days", "30"]);
    let out = e.path("x.pdf");
    let o = out.to_str().unwrap();
    e.fails(
        &["report", "-o", o, "--from", "2025-02-01", "--to", "2025-01-01"],
        "the end date 2025-01-01 is before the start date 2025-02-01",
    );
    e.usage(&["report", "-o", o, "--paper", "a5"], "error: invalid value 'a5' for '--paper <PAPER>'");
    e.usage(&["report"], "error: the following required arguments were not provided:");
    assert!(!out.exists());
}

/// `symptoms add $'Fatigue\x01'` was accepted, and from then on every `report` failed with the
/// SVG parser's words. Now the name is refused with a field message, and the report is made.
#[test]
fn a_name_with_a_control_character_is_refused_and_the_report_still_works() {
    let e = env();
    e.ok(&["demo", "--days", "30"]);
    e.fails(
        &["symptoms", "add", "Fatigue\u{1}"],
        "name cannot contain a control character (U+0001); found one at character 8",
    );
    e.fails(
        &["log", "--date", "2025-01-01", "--side-effect", "Itch\there=mild"],
        "name cannot contain a tab; found one at character 5",
    );
    let csv = e.write("names.csv", "date,symptom: Fog\u{7}\n2025-01-01,3\n");
    e.fails(
        &["import", &csv],
        "nothing was imported; 1 problem(s) found:\nsymptoms[0], name: name cannot contain a control character (U+0007); found one at character 4",
    );
    let out = e.path("summary.pdf");
    e.ok(&["report", "-o", out.to_str().unwrap()]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}
