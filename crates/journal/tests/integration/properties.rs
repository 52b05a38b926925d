//! Property tests of every parser a file or a user reaches: import of CSV and JSON (generated
//! files and mutations of real exports), mg/µg amounts, times of day, dates and the command
//! line's short forms (`--dose AMOUNT[@HH:MM]`, `--symptom NAME=SCORE`). Each must never panic,
//! never allocate in proportion to a number written in its input, and give back a value that
//! formats to text that parses to the same value again.
//!
//! The import properties run in a child process (this binary, re-executed) whose address space
//! is capped with `ulimit -v`: an allocation sized by a number in a file (a CSV header once
//! asked for ~12 GB) aborts the child and fails the parent. Case counts keep the whole module
//! to a few seconds in the debug profile; `PROPTEST_CASES` does not change them.
#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate, NaiveTime, Timelike};
use journal::exchange::{CSV_DOSE_FIELDS as DOSE_FIELDS, CSV_FIXED_COLUMNS as FIXED};
use journal::exchange::{Document, ImportMode, export_csv, export_json, import, read};
use journal::{
    Catalog, CatalogItem, DateRange, Day, Dose, Dreams, Formulation, Micrograms, Score, Severity, SideEffectEntry,
    Sleep, Vividness, hhmm, syntax,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::common::*;

/// A runner with `cases` cases, no regression files written into the source tree.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

/// Runs `test` on `cases` values of `strategy`; a failure names the minimal input.
fn check<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    if let Err(e) = runner(cases).run(&strategy, test) {
        panic!("{e}");
    }
}

// Amounts.

#[test]
fn every_amount_formats_to_text_that_parses_back() {
    check(3000, any::<u32>(), |ug| {
        let m = Micrograms(ug);
        prop_assert_eq!(Micrograms::parse_mg(&m.mg_string()), Ok(m));
        prop_assert_eq!(m.to_string().parse::<Micrograms>(), Ok(m)); // "1.5 mg"
        prop_assert_eq!(format!("{ug}ug").parse::<Micrograms>(), Ok(m));
        prop_assert_eq!(format!("{ug} µg").parse::<Micrograms>(), Ok(m));
        Ok(())
    });
}

/// Text as typed: digits, separators and units in any order, and anything at all.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ 0-9.,]{0,14}(mg|MG|ug|µg|μg|mcg| mg| ug)?",
        "-?[0-9]{0,25}([.,][0-9]{0,6})?[ ]?(mg|ug|mcg)?",
        any::<String>(),
    ]
}

#[test]
fn any_amount_text_parses_without_panic_and_a_parsed_amount_formats_back() {
    check(3000, amount_text(), |s| {
        if let Ok(m) = Micrograms::parse_mg(&s) {
            prop_assert_eq!(Micrograms::parse_mg(&m.mg_string()), Ok(m), "mg {:?}", s);
        }
        if let Ok(m) = s.parse::<Micrograms>() {
            prop_assert_eq!(m.to_string().parse::<Micrograms>(), Ok(m), "amount {:?}", s);
        }
        Ok(())
    });
}

// Times and dates.

fn a_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

#[test]
fn times_format_to_text_that_parses_back() {
    check(1500, a_time(), |t| {
        let s = hhmm::format(t);
        prop_assert_eq!(s.len(), 5);
        prop_assert_eq!(hhmm::parse(&s), Some(t));
        prop_assert_eq!(syntax::time("bedtime", &s), Ok(t));
        Ok(())
    });
}

#[test]
fn any_time_text_parses_without_panic_and_a_parsed_time_formats_back() {
    check(2000, prop_oneof!["[ 0-9:]{0,10}", "[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?", any::<String>()], |s| {
        if let Some(t) = hhmm::parse(&s) {
            prop_assert_eq!((t.second(), t.nanosecond()), (0, 0), "minutes are the resolution: {:?}", s);
            prop_assert_eq!(hhmm::parse(&hhmm::format(t)), Some(t), "{:?}", s);
        }
        if let Ok(t) = syntax::time("wake time", &s) {
            prop_assert_eq!(syntax::time("wake time", &hhmm::format(t)), Ok(t), "{:?}", s);
        }
        Ok(())
    });
}

fn a_date() -> impl Strategy<Value = NaiveDate> {
    // Every date a journal holds, and a margin either side.
    (0u64..=120_000).prop_map(|n| NaiveDate::from_ymd_opt(1870, 1, 1).unwrap() + Days::new(n))
}

#[test]
fn dates_format_to_text_that_parses_back() {
    let today = date("2025-06-30");
    check(1500, a_date(), |d| {
        prop_assert_eq!(syntax::date(&d.to_string(), today), Ok(d));
        prop_assert_eq!(syntax::date(&format!("  {d} "), today), Ok(d));
        Ok(())
    });
}

#[test]
fn any_date_text_parses_without_panic_and_a_parsed_date_formats_back() {
    let today = date("2025-06-30");
    check(2000, prop_oneof!["[-+ 0-9]{0,12}", "[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}", any::<String>()], |s| {
        if let Ok(d) = syntax::date(&s, today) {
            prop_assert_eq!(syntax::date(&d.to_string(), today), Ok(d), "{:?}", s);
        }
        Ok(())
    });
}

// The command line's short forms.

#[test]
fn dose_specs_format_to_text_that_parses_back() {
    check(2000, (1u32..=50_000, proptest::option::of(a_time())), |(ug, t)| {
        let m = Micrograms(ug);
        let at = t.map(|t| format!("@{}", hhmm::format(t))).unwrap_or_default();
        prop_assert_eq!(syntax::dose(&format!("{}mg{at}", m.mg_string())), Ok((m, t)));
        prop_assert_eq!(syntax::dose(&format!("{ug}ug{at}")), Ok((m, t)));
        Ok(())
    });
}

#[test]
fn any_dose_spec_parses_without_panic_and_a_parsed_dose_formats_back() {
    check(2000, prop_oneof![amount_text().prop_map(|a| a + "@22:00"), "[0-9.a-z@: ]{0,16}", any::<String>()], |s| {
        if let Ok((m, t)) = syntax::dose(&s) {
            let at = t.map(|t| format!("@{}", hhmm::format(t))).unwrap_or_default();
            prop_assert_eq!(syntax::dose(&format!("{}mg{at}", m.mg_string())), Ok((m, t)), "{:?}", s);
        }
        Ok(())
    });
}

#[test]
fn name_value_pairs_parse_back() {
    // A name may hold "=" (the value is after the last one); a value cannot.
    check(2000, (any::<String>(), "[^=]{0,12}", any::<i64>()), |(name, value, score)| {
        let typed = format!("{name}={value}");
        let (n, v) = syntax::name_value(&typed, "NAME=VALUE").unwrap();
        prop_assert_eq!((n, v), (name.trim(), value.trim()));
        prop_assert_eq!(syntax::score(n, &score.to_string()), Ok(Some(score)));
        prop_assert_eq!(syntax::score(n, "-"), Ok(None));
        Ok(())
    });
    check(2000, any::<String>(), |s| {
        if let Ok((n, v)) = syntax::name_value(&s, "--symptom NAME=SCORE")
            && let Ok(Some(score)) = syntax::score(n, v)
        {
            prop_assert_eq!(syntax::score(n, &score.to_string()), Ok(Some(score)));
        }
        Ok(())
    });
}

// Import: the properties run in a child with a capped address space.

/// Set in the child's environment.
const CHILD_ENV: &str = "LDN_JOURNAL_PROPERTIES_CHILD";
/// The child's address space, in KiB: far below what a number in a file could ask for.
const ADDRESS_SPACE_KIB: u32 = 1024 * 1024;

#[test]
fn import_never_panics_nor_allocates_by_a_number_in_the_file() {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""))
        .arg(exe)
        .args(["--exact", &test_name(module_path!(), "import_properties_child"), "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the import properties failed ({}):\n{stdout}\n{stderr}", out.status);
    assert!(stdout.contains("import properties: done"), "the child ran no properties:\n{stdout}\n{stderr}");
}

/// The import properties. Does nothing unless started by the test above.
#[test]
fn import_properties_child() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    generated_csv_files();
    mutated_csv_exports();
    generated_json_documents();
    mutated_json_exports();
    println!("import properties: done");
}

/// A dose number as a header may hold it: small, at the limit, huge, beyond u64.
fn dose_number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0usize..=journal::MAX_DOSES_PER_DAY + 2).prop_map(|k| k.to_string()),
        1 => any::<u64>().prop_map(|k| k.to_string()),
        1 => "[0-9]{1,40}",
    ]
}

fn header_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(&FIXED[1..]).prop_map(String::from),
        4 => (dose_number(), select(&DOSE_FIELDS[..])).prop_map(|(k, f)| format!("dose {k} {f}")),
        2 => "[ -~]{0,12}".prop_map(|n| format!("symptom: {n}")),
        2 => "[ -~]{0,12}".prop_map(|n| format!("side effect: {n}")),
        1 => any::<String>(),
    ]
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        2 => "[0-9]{1,3}",
        1 => "-?[0-9]{1,30}",
        2 => "20[0-9]{2}-[0-9]{2}-[0-9]{2}",
        2 => "[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?",
        2 => select(&["taken", "missed", "capsule", "liquid", "none", "mild", "some", "very", "yes", "no"][..])
            .prop_map(String::from),
        2 => amount_text(),
        2 => "['=+@\t\r-]{1,2}[ -~]{0,8}",
        1 => any::<String>(),
    ]
}

/// A CSV file in the export's shape: a header and rows, mostly well-formed, written either by
/// a CSV writer (quoting right) or joined by hand (quoting as it comes).
fn csv_file() -> impl Strategy<Value = String> {
    (prop::bool::weighted(0.9), prop::collection::vec(header_cell(), 0..12))
        .prop_flat_map(|(date_first, mut header)| {
            if date_first {
                header.insert(0, "date".into());
            }
            let width = header.len();
            let row = (prop::bool::weighted(0.9), prop::collection::vec(cell(), 0..=width + 1)).prop_map(
                move |(dated, mut cells)| {
                    if dated && !cells.is_empty() {
                        cells[0] = "2025-01-01".into();
                    }
                    cells
                },
            );
            (Just(header), prop::collection::vec(row, 0..6), any::<bool>())
        })
        .prop_map(|(header, rows, by_hand)| {
            if by_hand {
                std::iter::once(header).chain(rows).map(|r| r.join(",")).collect::<Vec<_>>().join("\n")
            } else {
                let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
                w.write_record(&header).unwrap();
                for r in rows {
                    w.write_record(&r).unwrap();
                }
                String::from_utf8(w.into_inner().unwrap()).unwrap()
            }
        })
}

/// What a file that reads is: every day valid, no day with more doses than a day holds.
fn check_read(text: &str) -> Result<(), TestCaseError> {
    if let Ok(doc) = read(text) {
        for d in &doc.days {
            prop_assert!(journal::validate::day(d).is_ok(), "an invalid day was read: {:?}", d);
            prop_assert!(d.doses.len() <= journal::MAX_DOSES_PER_DAY);
        }
        // A document that was read reads again the same once written as JSON.
        let again = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(read(&again).ok(), Some(doc));
    }
    Ok(())
}

fn generated_csv_files() {
    check(2500, csv_file(), |text| check_read(&text));
}

/// One edit of a file: bytes removed, inserted, replaced, or a number made huge.
#[derive(Debug, Clone)]
enum Edit {
    Remove(usize, usize),
    Insert(usize, String),
    Byte(usize, u8),
    Duplicate(usize, usize),
    HugeNumber(usize, String),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let at = any::<usize>();
    let edit = prop_oneof![
        (at, 1usize..40).prop_map(|(a, n)| Edit::Remove(a, n)),
        (at, prop_oneof![cell(), Just("\"".to_string()), Just(",".into()), Just("\n".into())])
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        (at, any::<u8>()).prop_map(|(a, b)| Edit::Byte(a, b)),
        (at, 1usize..200).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (at, prop_oneof![any::<u64>().prop_map(|n| n.to_string()), "[0-9]{20,40}", Just("-1".into())])
            .prop_map(|(a, s)| Edit::HugeNumber(a, s)),
    ];
    prop::collection::vec(edit, 1..5)
}

/// Applies `edits` to `text` byte-wise; the result is read as UTF-8 with replacement.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut b = text.as_bytes().to_vec();
    for e in edits {
        let pos = |a: usize, len: usize| if len == 0 { 0 } else { a % (len + 1) };
        match e {
            Edit::Remove(a, n) => {
                let p = pos(*a, b.len());
                b.drain(p..(p + n).min(b.len()));
            }
            Edit::Insert(a, s) => {
                let p = pos(*a, b.len());
                b.splice(p..p, s.bytes());
            }
            Edit::Byte(a, v) => {
                if !b.is_empty() {
                    let p = a % b.len();
                    b[p] = *v;
                }
            }
            Edit::Duplicate(a, n) => {
                let p = pos(*a, b.len());
                let end = (p + n).min(b.len());
                let copy = b[p..end].to_vec();
                b.splice(p..p, copy);
            }
            Edit::HugeNumber(a, s) => {
                // Replace the digits at (or after) the position with a huge number.
                let p = pos(*a, b.len());
                if let Some(start) = b[p..].iter().position(u8::is_ascii_digit).map(|i| p + i) {
                    let end = b[start..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |i| start + i);
                    b.splice(start..end, s.bytes());
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// The CSV and JSON exports of a small journal with every kind of field, made once.
fn exports() -> &'static (String, String) {
    static EXPORTS: OnceLock<(String, String)> = OnceLock::new();
    EXPORTS.get_or_init(|| {
        let mut t = with_symptoms();
        for d in ["2025-01-01", "2025-01-02", "2025-01-04"] {
            t.save_day(&full_day(d)).unwrap();
        }
        let mut d = full_day("2025-01-05");
        d.notes = "=1+1, \"quoted\"\nnext line".into();
        t.save_day(&d).unwrap();
        (export_csv(&t, DateRange::all(), &Default::default()).unwrap(), export_json(&t, DateRange::all()).unwrap())
    })
}

fn mutated_csv_exports() {
    let csv = exports().0.as_str();
    // The export itself reads.
    assert!(read(csv).is_ok());
    check(2000, edits(), |e| check_read(&apply(csv, &e)));
}

fn mutated_json_exports() {
    let json = exports().1.as_str();
    assert!(read(json).is_ok());
    check(2000, edits(), |e| check_read(&apply(json, &e)));
}

/// A JSON value that replaces one node of an export: wrong types, huge and negative numbers,
/// bad dates and times, control characters, empty containers.
fn odd_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        select(&[0.5, -1.0, 1e300, 4294967296.0][..]).prop_map(|f| json!(f)),
        (0u64..=30).prop_map(|n| json!(n)),
        cell().prop_map(Value::String),
        select(&["", "\u{1}", "25:00", "2025-02-30", "taken", "missed", "ldn-journal", "9999-12-31"][..])
            .prop_map(|s| json!(s)),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{"status": "taken", "amount": 4294967295u64}])),
    ]
}

/// Replaces the `n`-th node (depth first, modulo the node count) of `v` with `new`.
fn replace_node(v: &mut serde_json::Value, n: usize, new: serde_json::Value) {
    fn count(v: &serde_json::Value) -> usize {
        1 + match v {
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            serde_json::Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(v: &mut serde_json::Value, n: &mut usize, new: &mut Option<serde_json::Value>) {
        if *n == 0 {
            if let Some(x) = new.take() {
                *v = x;
            }
            return;
        }
        *n -= 1;
        match v {
            serde_json::Value::Array(a) => a.iter_mut().for_each(|c| walk(c, n, new)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|c| walk(c, n, new)),
            _ => {}
        }
    }
    let mut n = n % count(v);
    walk(v, &mut n, &mut Some(new));
}

fn generated_json_documents() {
    let doc: serde_json::Value = serde_json::from_str(&exports().1).unwrap();
    check(1500, prop::collection::vec((any::<usize>(), odd_value()), 1..4), |changes| {
        let mut v = doc.clone();
        for (n, new) in changes {
            replace_node(&mut v, n, new);
        }
        check_read(&serde_json::to_string_pretty(&v).unwrap())
    });
}

// Whole journals: generated days through export → import → export.

/// Free text as a patient may write it, spreadsheet formulas and apostrophes included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => "[ -~]{0,12}",
        2 => "['=+@\t\r-]{1,2}[ -~\n]{0,8}",
        2 => "[\\PC\n\t\r]{0,10}",
    ]
}

/// Catalog names: unique, trimmed, some starting like a formula.
fn names(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[-=+@'a-zA-Zé😖][ -~é]{0,8}", 0..=max)
        .prop_map(|v| v.into_iter().enumerate().map(|(i, n)| format!("{n} #{i}")).collect())
}

fn a_dose() -> impl Strategy<Value = Dose> {
    let t = || proptest::option::of(a_time());
    prop_oneof![
        (t(), 1u32..=50_000, select(&Formulation::ALL[..]), text()).prop_map(|(time, ug, formulation, note)| {
            Dose::Taken { time, amount: Micrograms(ug), formulation, note, measured: None }
        }),
        (t(), text()).prop_map(|(time, reason)| Dose::Missed { time, reason }),
    ]
}

/// A valid day on `date` for catalogs whose ids are 1..=`symptoms` and `side_effects`.
fn a_day(date: NaiveDate, symptoms: Vec<u32>, side_effects: Vec<u32>) -> impl Strategy<Value = Day> {
    let (ns, ne) = (symptoms.len(), side_effects.len());
    (
        prop::collection::vec(a_dose(), 0..4),
        subsequence(symptoms, 0..=ns).prop_flat_map(|ids| {
            let n = ids.len();
            (Just(ids), prop::collection::vec(0u8..=10, n))
        }),
        proptest::option::of(0u8..=10),
        (proptest::option::of(a_time()), proptest::option::of(a_time())),
        (proptest::option::of(1u8..=5), proptest::option::of(0u16..=100)),
        (
            proptest::option::of(select(&[Vividness::NotVivid, Vividness::Somewhat, Vividness::Very][..])),
            any::<Option<bool>>(),
            text(),
        ),
        subsequence(side_effects, 0..=ne).prop_flat_map(|ids| {
            let n = ids.len();
            (Just(ids), prop::collection::vec(select(&Severity::ALL[..]), n))
        }),
        text(),
    )
        .prop_map(
            move |(
                doses,
                (sids, values),
                wellbeing,
                (bedtime, wake),
                (quality, awakenings),
                (vivid, nightmare, dream_notes),
                (eids, severities),
                notes,
            )| Day {
                date,
                doses,
                scores: sids.into_iter().zip(values).map(|(symptom, value)| Score { symptom, value }).collect(),
                wellbeing,
                sleep: Sleep { bedtime, wake: wake.filter(|w| Some(*w) != bedtime), quality, awakenings },
                dreams: Dreams { vivid, nightmare, notes: dream_notes },
                side_effects: eids
                    .into_iter()
                    .zip(severities)
                    .map(|(side_effect, severity)| SideEffectEntry { side_effect, severity })
                    .collect(),
                intakes: Vec::new(),
                readings: Vec::new(),
                notes,
            },
        )
}

/// Names of the two catalogs, then days on distinct dates.
fn a_journal() -> impl Strategy<Value = (Vec<String>, Vec<String>, Vec<Day>)> {
    (names(4), names(3), prop::collection::btree_set(0u64..400, 0..6)).prop_flat_map(
        |(symptoms, side_effects, dates)| {
            // A new journal has the default side effects (ids 1..=DEFAULTS) before the generated ones.
            let s_ids: Vec<u32> = (1..=symptoms.len() as u32).collect();
            let e_ids: Vec<u32> = (1..=(DEFAULT_SIDE_EFFECTS + side_effects.len()) as u32).collect();
            let days: Vec<_> = dates
                .into_iter()
                .map(|n| a_day(date("2024-01-01") + Days::new(n), s_ids.clone(), e_ids.clone()))
                .collect();
            (Just(symptoms), Just(side_effects), days)
        },
    )
}

const DEFAULT_SIDE_EFFECTS: usize = journal::catalog::DEFAULT_SIDE_EFFECTS.len();

fn journal_of(symptoms: &[String], side_effects: &[String], days: &[Day]) -> TestJournal {
    let mut t = empty();
    for n in symptoms {
        t.add_item(Catalog::Symptoms, n, "").unwrap();
    }
    for n in side_effects {
        t.add_item(Catalog::SideEffects, n, "").unwrap();
    }
    for d in days {
        t.save_day(d).unwrap();
    }
    t
}

#[test]
fn csv_and_json_exports_import_back_to_the_same_export() {
    check(12, a_journal(), |(symptoms, side_effects, days)| {
        let src = journal_of(&symptoms, &side_effects, &days);
        let csv = |j: &journal::Journal, r| export_csv(j, r, &Default::default());
        for (name, export) in [("csv", &csv as &dyn Fn(&_, _) -> _), ("json", &export_json)] {
            let text = export(&src.j, DateRange::all()).unwrap();
            let mut dst = empty();
            import(&mut dst, &text, ImportMode::RefuseConflicts).unwrap();
            prop_assert_eq!(export(&dst.j, DateRange::all()).unwrap(), text, "{} round trip", name);
        }
        Ok(())
    });
}

/// Imported catalog names and texts are what was exported, whatever they start with.
#[test]
fn csv_import_reads_back_every_generated_text() {
    check(200, (names(3), prop::collection::vec(text(), 1..4)), |(symptoms, notes)| {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["date".to_string(), "notes".into(), "dose 1 status".into(), "dose 1 note".into()];
        header.extend(symptoms.iter().map(|s| format!("symptom: {s}")));
        w.write_record(&header).unwrap();
        for (i, n) in notes.iter().enumerate() {
            let quoted =
                if n.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) { format!("'{n}") } else { n.clone() };
            let mut row = vec![format!("2025-01-{:02}", i + 1), quoted.clone(), "missed".into(), quoted];
            row.extend(symptoms.iter().map(|_| String::new()));
            w.write_record(&row).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let doc: Document = read(&text).unwrap();
        let read_names: Vec<_> = doc.symptoms.iter().map(|s: &CatalogItem| s.name.clone()).collect();
        prop_assert_eq!(read_names, symptoms);
        for (d, n) in doc.days.iter().zip(&notes) {
            prop_assert_eq!(&d.notes, n);
            prop_assert_eq!(&d.doses, &vec![Dose::Missed { time: None, reason: n.clone() }]);
        }
        Ok(())
    });
}
