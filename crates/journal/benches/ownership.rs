//! Owning the data: backup and restore of a 10-year journal, FHIR export of 1 and 10 years.
//! Targets: each ≤ 1 s for 10 years (a user waits for all of them).
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use journal::fhir::{self, Options};
use journal::{DateRange, Journal, backup};

fn demo(dir: &std::path::Path, name: &str, days: u32) -> Journal {
    let mut j = Journal::open(dir.join(format!("{name}.sqlite3"))).unwrap();
    journal::demo::fill(&mut j, days, 1, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()).unwrap();
    j
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("ownership");
    g.sample_size(10);
    for (label, days) in [("1y", 365), ("10y", 3650)] {
        let j = demo(dir.path(), label, days);
        let opts = Options { include_notes: true, ..Options::default() };
        let bytes = fhir::export_fhir(&j, DateRange::all(), &opts).unwrap().len();
        println!("FHIR export {label}: {:.1} MB", bytes as f64 / 1e6);
        g.bench_function(format!("fhir export {label}"), |b| {
            b.iter(|| fhir::export_fhir(&j, DateRange::all(), &opts).unwrap())
        });
    }

    let j = demo(dir.path(), "journal", 3650);
    let info = backup::now(&j, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()).unwrap();
    println!("10-year backup: {} days, {:.1} MB", info.summary.days, info.bytes as f64 / 1e6);
    g.bench_function("backup 10y (online backup, integrity check, rename)", |b| {
        b.iter(|| backup::to_file(&j, &dir.path().join("out.sqlite3")).unwrap())
    });
    let saved = dir.path().join("saved.sqlite3");
    backup::to_file(&j, &saved).unwrap();
    let mut j = Some(j);
    g.bench_function("restore 10y (check, safety backup, swap, reopen)", |b| {
        b.iter(|| j = Some(backup::restore(j.take().unwrap(), &saved).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
