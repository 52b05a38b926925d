//! `supply` and doses counted in a fill's unit from the command line: the README's examples.
#![allow(clippy::unwrap_used)]

use crate::common::*;

#[test]
fn a_fill_then_doses_in_its_unit_and_the_day_at_that_dose() {
    let e = env();
    assert_eq!(e.ok(&["supply", "list"]), "no fills recorded\n");
    e.usage(
        &["supply", "add", "--date", "2026-03-01", "--formulation", "liquid", "--strength", "1mg/litre"],
        "error: invalid value '1mg/litre' for '--strength <STRENGTH>': \"litre\" is not a unit of a fill: use mL, drops, capsules, tablets or clicks",
    );
    let list = e.ok(&[
        "supply",
        "add",
        "--date",
        "2026-03-01",
        "--pharmacy",
        "Riverside",
        "--formulation",
        "liquid",
        "--strength",
        "1mg/mL",
        "--filler",
        "glycerin base",
        "--batch",
        "L-7",
        "--use-by",
        "2027-01-31",
    ]);
    assert_eq!(
        list,
        "liquid 1 mg/mL, Riverside, filler glycerin base, batch L-7  received 2026-03-01, use by 2027-01-31\n"
    );
    e.fails(
        &["log", "--date", "2026-02-28", "--dose", "1.5mL"],
        "no fill with a strength per mL is recorded on or before 2026-02-28: add the fill, or enter the dose in mg",
    );
    e.fails(
        &["log", "--date", "2026-03-10", "--dose", "0.0005mL"],
        "0.0005 mL of 1 mg/mL is 0.5 µg, not a whole number of micrograms; enter the dose in mg",
    );
    e.ok(&["log", "--date", "2026-03-10", "--dose", "1mL@22:00"]);
    for day in ["2026-03-11", "2026-03-12", "2026-03-13"] {
        e.ok(&["log", "--date", day, "--dose", "1.5 ml@22:00"]);
    }
    assert_eq!(
        e.ok(&["show", "2026-03-13"]),
        "Friday 13 March 2026\n  dose: 1.5 mg (1.5 mL) liquid at 22:00\n  day 3 at 1.5 mg (since 2026-03-11)\n"
    );
}
