//! Chart and period-summary benchmarks on demo journals of 1 and 10 years (8 symptoms).
//! Targets: dose-and-symptoms chart for 10 years (monthly medians) ≤ 10 ms, period summary for
//! 10 years ≤ 10 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use journal::charts::{self, ChartData, ChartKind, ChartOptions};
use journal::{DateRange, Journal};

fn demo(days: u32) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut j = Journal::open(dir.path().join("bench.sqlite3")).expect("journal");
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
    journal::demo::fill(&mut j, days, 1, end).expect("demo data");
    (dir, j)
}

fn bench(c: &mut Criterion) {
    for (label, days) in [("1y", 365), ("10y", 3650)] {
        let (_dir, j) = demo(days);
        let data = ChartData::load(&j, DateRange::all()).expect("chart data");
        assert_eq!(data.symptoms.iter().filter(|s| !s.archived).count(), 8);
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
