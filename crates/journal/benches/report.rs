//! PDF report for 1 and 10 years of demo data, loading included (what a user waits for).
//! Targets: 1 year ≤ 150 ms, 10 years ≤ 400 ms (issue 12); the 1-year file ≤ 500 KB, tagged
//! (sizes printed once; `tests/integration/report.rs` checks the budget).
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use journal::report::{ReportOptions, render};
use journal::{DateRange, Journal};

fn report(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let end = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (name, days) in [("1_year", 365u32), ("10_years", 3650)] {
        let mut j = Journal::open(dir.path().join(format!("{name}.sqlite3"))).unwrap();
        journal::demo::fill(&mut j, days, 1, end).unwrap();
        journal::demo::fill_context(&mut j, 1).unwrap();
        let from = end - chrono::Days::new(u64::from(days) - 1);
        let o = ReportOptions::new(DateRange::new(from, end).unwrap());
        let pdf = render(&j, &o).unwrap();
        eprintln!("report {name}: {} KB", pdf.len().div_ceil(1024));
        group.bench_function(name, |b| b.iter(|| render(&j, &o).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
