//! Full-text search on a 10-year demo journal (3,650 days, with its medications, fills and
//! events) on a real file. Target on the 2-core reference machine: ≤ 20 ms for a query as the
//! app sends it while the user types (a phrase, a prefix, a word with ~150 hits). Finding a
//! word in every day's note (~3,500 hits, each with its snippet) and nothing at all are
//! measured for the record.

use criterion::{Criterion, criterion_group, criterion_main};
use journal::{DateRange, Journal};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut j = Journal::open(dir.path().join("bench.sqlite3")).expect("journal");
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
    journal::demo::fill(&mut j, 3650, 1, end).expect("demo data");
    journal::demo::fill_context(&mut j, 1).expect("demo context");
    let count = |q: &str| j.search(q, None).expect("search").len();
    let (fog, every) = (count("\"brain fog\""), count("synthetic"));
    assert!((100..300).contains(&fog) && every > 3000, "{fog} and {every} hits");

    let mut g = c.benchmark_group("search_10y");
    let last_year = DateRange::new(end - chrono::Days::new(364), end).expect("range");
    for (name, query, range) in [
        ("phrase", "\"brain fog\"", None),
        ("prefix while typing", "stiff kn", None),
        ("word, last year", "walked", Some(last_year)),
        ("no hit", "zebra", None),
        ("every day", "synthetic", None),
    ] {
        g.bench_function(name, |b| b.iter(|| j.search(query, range).expect("search")));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
