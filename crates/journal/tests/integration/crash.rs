//! Crash test: a child process (this test binary, re-executed) writes days in a loop and prints
//! each date once its transaction has committed; the parent kills it with SIGKILL at random
//! moments, round after round. After every kill the journal must pass SQLite's integrity check,
//! hold every reported day, and hold only whole days.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use chrono::{Datelike, NaiveDate};
use journal::{Catalog, DateRange, Day, Journal};

/// Set in the child's environment to the journal it should write.
const CHILD_ENV: &str = "LDN_JOURNAL_CRASH_CHILD_DB";
const ROUNDS: u32 = 30;
const FIRST: &str = "2020-01-01";

/// The content of a day depends only on its date, so the parent knows what must be there.
fn day_for(d: NaiveDate) -> Day {
    let mut day = full_day(&d.to_string());
    let n = d.num_days_from_ce() as usize;
    day.wellbeing = Some((n % 11) as u8);
    // Notes of varying size; some span several database pages.
    let len = if n.is_multiple_of(10) { 60_000 } else { (n * 7919) % 4000 };
    day.notes = format!("{d} ").repeat(len / 11 + 1);
    day
}

/// The writer. Does nothing unless started by `killed_writer_loses_no_committed_day`.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let mut j = Journal::open(&path).unwrap();
    let mut d = j.logged_dates(DateRange::all()).unwrap().last().map_or(date(FIRST), |d| d.succ_opt().unwrap());
    let mut k = 0u32;
    loop {
        j.save_day(&day_for(d)).unwrap();
        println!("committed {d}");
        // Now and then rewrite an earlier day (delete and insert in one transaction).
        k += 1;
        if k.is_multiple_of(3) {
            let earlier = d - chrono::Duration::days(i64::from(k % 17));
            if earlier >= date(FIRST) {
                j.save_day(&day_for(earlier)).unwrap();
            }
        }
        d = d.succ_opt().unwrap();
    }
}

/// xorshift64: enough randomness for kill times, seeded from the clock and printed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killed_writer_loses_no_committed_day() {
    let t = with_symptoms();
    assert_eq!(t.catalog(Catalog::Symptoms).unwrap().len(), 2);
    let (dir, path) = close(t);
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let mut reported = std::collections::BTreeSet::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut rounds = 0;
    while rounds < ROUNDS && Instant::now() < deadline {
        rounds += 1;
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", &test_name(module_path!(), "crash_child"), "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("committed ").map(date))
                .collect::<Vec<_>>()
        });
        // Random moments: during start-up, opening, or (mostly) in the middle of writing.
        std::thread::sleep(Duration::from_millis(5 + rng.next() % 400));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success(), "the writer stopped by itself: {status:?}");
        let new = reader.join().unwrap();
        reported.extend(new.iter().copied());

        let j = Journal::open(&path).unwrap_or_else(|e| panic!("round {rounds}: cannot reopen: {e}"));
        j.check().unwrap_or_else(|e| panic!("round {rounds}: {e}"));
        let days = j.days(DateRange::all()).unwrap();
        for day in &days {
            assert_eq!(*day, day_for(day.date), "round {rounds}: {} is not whole", day.date);
        }
        let present: std::collections::BTreeSet<_> = days.iter().map(|d| d.date).collect();
        let lost: Vec<_> = reported.difference(&present).collect();
        assert!(lost.is_empty(), "round {rounds}: reported days lost: {lost:?}");
        println!("round {rounds}: {} new days reported, {} days in the journal", new.len(), days.len());
    }
    assert!(rounds >= 10, "only {rounds} rounds ran in time");
    assert!(reported.len() >= 50, "the writer reported only {} days: the test proved little", reported.len());
    drop(dir);
}
