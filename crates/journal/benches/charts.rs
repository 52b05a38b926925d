//! Chart and period-summary benchmarks on demo journals of 1 and 10 years (8 symptoms, with
//! 3 measures, 5 other medications and an event about every three months: 40 in 10 years).
//! Targets for 10 years: dose-and-symptoms chart (monthly medians) ≤ 10 ms, measures chart
//! ≤ 10 ms, period summary ≤ 10 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use journal::charts::{self, ChartData, ChartKind, ChartOptions};
use journal::{DateRange, Journal};

fn demo(days: u32) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut j = Journal::open(dir.path().join("bench.sqlite3")).expect("journal");
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
    journal::demo::fill(&mut j, days, 1, end).expect("demo data");
    journal::demo::fill_context(&mut j, 1).expect("demo context");
    (dir, j)
}

fn bench(c: &mut Criterion) {
    for (label, days) in [("1y", 365), ("10y", 3650)] {
        let (_dir, j) = demo(days);
        let data = ChartData::load(&j, DateRange::all()).expect("chart data");
        assert_eq!(data.symptoms.iter().filter(|s| !s.archived).count(), 8);
        assert_eq!(
            (data.measures.len(), data.medications.len()),
            (3, 6),
            "3 measures, 5 medications (one changed dose)"
        );
        let mut g = c.benchmark_group(label);
        g.sample_size(20);
        g.bench_function("load", |b| b.iter(|| ChartData::load(&j, DateRange::all()).expect("load")));
        for kind in ChartKind::ALL {
            let o = ChartOptions::default();
            g.bench_function(kind.key(), |b| b.iter(|| charts::render(kind, &data, &o).expect("chart")));
        }
        let all =
            ChartOptions { symptoms: Some(data.symptoms.iter().map(|s| s.id).collect()), ..ChartOptions::default() };
        g.bench_function("dose-symptoms, all 8 symptoms", |b| {
            b.iter(|| charts::dose_symptoms(&data, &all).expect("chart"))
        });
        g.bench_function("period summary", |b| b.iter(|| journal::summary::period_summaries(&data)));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
