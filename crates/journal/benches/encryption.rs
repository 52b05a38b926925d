//! What encryption costs. Targets on the 2-core reference machine: open an encrypted journal
//! (the key derivation included) ≤ 1 s; save a day in an encrypted journal ≤ 2× the
//! unencrypted figure; encrypt a 10-year journal (3,650 days, with its backup) ≤ 2 s.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use journal::encryption::{decrypt, encrypt};
use journal::{Journal, Passphrase};

const DAYS: u32 = 3650;

fn pass() -> Passphrase {
    Passphrase::new("correct horse battery staple".into()).unwrap()
}

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

/// Saves one day as the app does (a dose, every symptom, a note) in `j`, a new date each time.
fn save_days(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, name: &str, mut j: Journal) {
    let symptoms: Vec<u32> =
        j.add_starter_set(journal::catalog::StarterSet::ChronicPain).unwrap().iter().map(|s| s.id).collect();
    let mut date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    group.bench_function(name, |b| {
        b.iter(|| {
            date = date.succ_opt().unwrap();
            let day = common::evening(date, &symptoms);
            j.save_day(&day).unwrap()
        })
    });
}

fn encryption(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("encryption");
    group.sample_size(10);

    let ten = dir.path().join("ten_years.sqlite3");
    let mut j = Journal::open(&ten).unwrap();
    journal::demo::fill(&mut j, DAYS, 1, end()).unwrap();
    journal::backup::now(&j, end()).unwrap();
    drop(j);
    let mut plain = Some(Journal::open(&ten).unwrap());
    group.bench_function("encrypt_10_years", |b| {
        b.iter_batched(
            || plain.take().unwrap_or_else(|| decrypt(Journal::unlock(&ten, &pass()).unwrap()).unwrap()),
            |j| drop(encrypt(j, &pass()).unwrap()),
            BatchSize::PerIteration,
        )
    });
    if Journal::open(&ten).is_err() {
        drop(decrypt(Journal::unlock(&ten, &pass()).unwrap()).unwrap());
    }
    drop(encrypt(Journal::open(&ten).unwrap(), &pass()).unwrap());
    group.bench_function("open_encrypted_10_years", |b| b.iter(|| Journal::unlock(&ten, &pass()).unwrap()));

    group.sample_size(50);
    save_days(&mut group, "save_day_plain", Journal::open(dir.path().join("plain.sqlite3")).unwrap());
    let enc = encrypt(Journal::open(dir.path().join("enc.sqlite3")).unwrap(), &pass()).unwrap();
    save_days(&mut group, "save_day_encrypted", enc);
    group.finish();
}

criterion_group!(benches, encryption);
criterion_main!(benches);
