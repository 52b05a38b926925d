use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn fill(id: FillId, start: &str, strength: &str) -> Fill {
    Fill {
        id,
        received: date(start),
        started: None,
        pharmacy: String::new(),
        formulation: Formulation::Liquid,
        strength: Strength::parse(strength).expect("test strength"),
        filler: String::new(),
        batch: String::new(),
        quantity: String::new(),
        use_by: None,
        note: String::new(),
    }
}

#[test]
fn counts_read_in_any_spelling_and_show_in_one() {
    for (typed, shown) in [
        ("1.5mL", "1.5 mL"),
        ("1.5 ml", "1.5 mL"),
        ("1,5 ML", "1.5 mL"),
        ("3drops", "3 drops"),
        ("1 drop", "1 drop"),
        ("1 drops", "1 drop"),
        ("2 Drop", "2 drops"),
        ("1capsule", "1 capsule"),
        ("2 capsules", "2 capsules"),
        ("0.5 tablet", "0.5 tablets"),
        ("1 Tablet", "1 tablet"),
        ("2 clicks", "2 clicks"),
        ("1click", "1 click"),
        (" 0.250 mL ", "0.25 mL"),
    ] {
        let c = Count::parse(typed).unwrap_or_else(|| panic!("{typed}: not a count")).expect(typed);
        assert_eq!(c.to_string(), shown, "{typed}");
        assert_eq!(Count::parse(shown), Some(Ok(c)), "{shown} reads back as itself");
    }
}

#[test]
fn what_is_no_count_is_left_to_the_mg_parser_and_bad_counts_are_refused() {
    for not_a_count in ["1.5", "1.5mg", "1500 µg", "1500ug", "", "abc", "1.5 litres", "2 pills"] {
        assert_eq!(Count::parse(not_a_count), None, "{not_a_count:?}");
    }
    for (bad, says) in [
        ("0 mL", "above zero"),
        ("-1 mL", "above zero"),
        ("mL", "enter the number"),
        ("1.2.3 mL", "not a number"),
        ("5000 drops", "not one dose"),
        ("1,,5 ml", "not a number"),
    ] {
        let e = Count::parse(bad).expect("a unit word").expect_err(bad);
        assert!(e.contains(says), "{bad}: {e}");
    }
}

#[test]
fn strengths_read_in_mg_or_micrograms_per_unit() {
    for (typed, ug, unit, shown) in [
        ("1mg/mL", 1000, DoseUnit::Ml, "1 mg/mL"),
        ("500ug/drop", 500, DoseUnit::Drop, "0.5 mg/drop"),
        ("0.5mg/drop", 500, DoseUnit::Drop, "0.5 mg/drop"),
        ("4.5mg/capsule", 4500, DoseUnit::Capsule, "4.5 mg/capsule"),
        ("1 mg / click", 1000, DoseUnit::Click, "1 mg/click"),
        ("1.5 MG/Tablet", 1500, DoseUnit::Tablet, "1.5 mg/tablet"),
        ("250 µg/drops", 250, DoseUnit::Drop, "0.25 mg/drop"),
    ] {
        let s = Strength::parse(typed).expect(typed);
        assert_eq!((s.per_unit.0, s.unit), (ug, unit), "{typed}");
        assert_eq!(s.to_string(), shown);
        assert_eq!(Strength::parse(shown), Ok(s));
    }
    assert!(Strength::parse("5mg/5mL").is_err_and(|e| e.contains("in one unit")));
    for bad in ["", "1mg", "1/mL", "0mg/mL", "-1mg/mL", "1mg/litre", "1mg/", "100mg/mL", "1.2345mg/mL"] {
        assert!(Strength::parse(bad).is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn counts_convert_to_exact_micrograms_or_are_refused() {
    for (count, strength, ug) in [
        ("0.25 mL", "1mg/mL", Some(250)),
        ("1.5 mL", "1mg/mL", Some(1500)),
        ("4.5 mL", "1mg/mL", Some(4500)),
        ("0.1 mL", "1mg/mL", Some(100)),
        ("0.001 mL", "1mg/mL", Some(1)),
        ("0.0001 mL", "1mg/mL", None),
        ("3 drops", "0.5mg/drop", Some(1500)),
        ("1 drop", "500ug/drop", Some(500)),
        ("1 capsule", "4.5mg/capsule", Some(4500)),
        ("0.5 capsules", "4.5mg/capsule", Some(2250)),
        ("2 clicks", "1mg/click", Some(2000)),
        ("1.5 tablets", "3mg/tablet", Some(4500)),
        ("1.333 mL", "1mg/mL", Some(1333)),
        ("0.3333 mL", "1mg/mL", None),
        ("1.5 mL", "1.001mg/mL", None),
        ("1000 drops", "50mg/drop", Some(50_000_000)),
    ] {
        let c = Count::parse(count).expect("a count").expect(count);
        let s = Strength::parse(strength).expect(strength);
        match ug {
            Some(ug) => assert_eq!(c.micrograms(s), Ok(Micrograms(ug)), "{count} × {strength}"),
            None => {
                let e = c.micrograms(s).expect_err(count);
                assert!(e.contains("not a whole number of micrograms"), "{e}");
            }
        }
    }
}

#[test]
fn the_fill_in_force_is_the_latest_started_of_the_unit() {
    let mut capsules = fill(3, "2026-02-01", "4.5mg/capsule");
    capsules.formulation = Formulation::Capsule;
    let mut later_start = fill(4, "2026-03-01", "2mg/mL");
    later_start.started = Some(date("2026-03-10"));
    let fills = [
        fill(1, "2026-01-01", "1mg/mL"),
        fill(2, "2026-01-15", "0.5mg/mL"),
        capsules,
        later_start,
        fill(5, "2026-03-20", "1mg/mL"),
        fill(6, "2026-03-20", "1.5mg/mL"),
    ];
    let in_force = |unit, d| fill_in_force(&fills, unit, date(d)).map(|f| f.id);
    assert_eq!(in_force(DoseUnit::Ml, "2025-12-31"), None, "before any fill");
    assert_eq!(in_force(DoseUnit::Ml, "2026-01-01"), Some(1), "from the day received");
    assert_eq!(in_force(DoseUnit::Ml, "2026-01-14"), Some(1));
    assert_eq!(in_force(DoseUnit::Ml, "2026-02-05"), Some(2), "a capsule fill does not end a liquid one");
    assert_eq!(in_force(DoseUnit::Capsule, "2026-02-05"), Some(3));
    assert_eq!(in_force(DoseUnit::Ml, "2026-03-05"), Some(2), "received but not started yet");
    assert_eq!(in_force(DoseUnit::Ml, "2026-03-10"), Some(4));
    assert_eq!(in_force(DoseUnit::Ml, "2026-03-20"), Some(6), "of two started the same day, the later recorded");
    assert_eq!(in_force(DoseUnit::Drop, "2026-03-20"), None);
    let ids: Vec<_> = fills_in_force(&fills, date("2026-03-20")).iter().map(|f| f.id).collect();
    assert_eq!(ids, [6, 3]);

    let c = |s: &str| Count::parse(s).expect("a count").expect(s);
    assert_eq!(convert(&fills, c("1.5 mL"), date("2026-03-10")), Ok((Micrograms(3000), 4)));
    assert_eq!(
        convert(&fills, c("2 drops"), date("2026-03-02")),
        Err("no fill with a strength per drop is recorded on or before 2026-03-02: add the fill, or enter the dose in mg"
            .into())
    );
}
