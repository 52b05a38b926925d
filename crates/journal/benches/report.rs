//! PDF report benchmarks (filled in with the report module).

use criterion::{Criterion, criterion_group, criterion_main};

fn report(_c: &mut Criterion) {}

criterion_group!(benches, report);
criterion_main!(benches);
