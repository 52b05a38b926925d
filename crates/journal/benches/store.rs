//! The store's everyday costs on a real file (synchronous=FULL, WAL).
//! Targets on the 2-core reference machine: write one day ≤ 5 ms, load 10 years (3,650 days)
//! ≤ 20 ms, import 10 years ≤ 1 s. Export is measured for the record.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use journal::exchange::{ImportMode, export_json, import};
use journal::{DateRange, Journal};

const DAYS: u32 = 3650;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

fn ten_years(dir: &std::path::Path) -> Journal {
    let mut j = Journal::open(dir.join("ten_years.sqlite3")).unwrap();
    journal::demo::fill(&mut j, DAYS, 1, end()).unwrap();
    j
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let j = ten_years(dir.path());
    let range = DateRange::new(end() - chrono::Days::new(u64::from(DAYS) - 1), end()).unwrap();
    let mut group = c.benchmark_group("store");

    // One day as the app saves it: a few doses, every symptom, a note. Dates move on so each
    // iteration writes a new day, as a patient does.
    let mut w = Journal::open(dir.path().join("write.sqlite3")).unwrap();
    let symptoms: Vec<u32> =
        w.add_starter_set(journal::catalog::StarterSet::ChronicPain).unwrap().iter().map(|s| s.id).collect();
    let mut date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    group.bench_function("write_one_day", |b| {
        b.iter(|| {
            date = date.succ_opt().unwrap();
            let day = common::evening(date, &symptoms);
            w.save_day(&day).unwrap()
        })
    });

    group.bench_function("load_10_years", |b| b.iter(|| j.days(range).unwrap()));

    group.sample_size(20);
    group.bench_function("export_json_10_years", |b| b.iter(|| export_json(&j, range).unwrap()));

    let text = export_json(&j, range).unwrap();
    let mut n = 0;
    group.bench_function("import_json_10_years", |b| {
        b.iter_batched(
            || {
                n += 1;
                Journal::open(dir.path().join(format!("import-{n}.sqlite3"))).unwrap()
            },
            |mut fresh| import(&mut fresh, &text, ImportMode::RefuseConflicts).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
