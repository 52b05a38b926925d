//! Crash test: child processes (this test binary, re-executed) repeat one operation as fast as
//! they can — `log` (saving days), `import`, `restore` and wipe — and report on standard output
//! what they are about to do and what has committed. The parent kills them with SIGKILL at
//! random moments, round after round, at least [`MIN_ROUNDS`] rounds in all (the four kinds run
//! side by side, one thread each). After every kill the journal must pass SQLite's integrity
//! check and hold exactly a state the reports allow: every committed entry intact, nothing
//! half-written, and after a killed restore or wipe either the old or the new journal, whole.
//! Every file under a backup's name must be a whole journal of an allowed state too.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::*;
use chrono::{Datelike, NaiveDate};
use journal::exchange::{self, ImportMode};
use journal::{Catalog, DateRange, Day, Journal, backup};

/// Set in the child's environment: which operation to repeat, and on which journal.
const CHILD_OP: &str = "LDN_JOURNAL_CRASH_CHILD";
const CHILD_DB: &str = "LDN_JOURNAL_CRASH_CHILD_DB";
/// The files the import and restore children alternate between.
const CHILD_A: &str = "LDN_JOURNAL_CRASH_CHILD_A";
const CHILD_B: &str = "LDN_JOURNAL_CRASH_CHILD_B";
/// The round number, so that each child writes content of its own.
const CHILD_ROUND: &str = "LDN_JOURNAL_CRASH_CHILD_ROUND";

/// Rounds per operation, and at least this many in all.
const ROUNDS_EACH: u32 = 52;
const MIN_ROUNDS: u32 = 200;
/// Each operation runs more rounds than `ROUNDS_EACH` until this many of its operations have
/// committed (a loaded machine is slower, so a kill more often lands before the commit): a kill
/// only proves something about commits that happened.
const MIN_COMMITTED: usize = 10;
const FIRST: &str = "2020-01-01";
/// The log child writes new dates up to this many, then rewrites earlier ones.
const LOG_DATES: i64 = 150;

/// The content of a day depends only on its date and a generation, so the parent knows what
/// must be there.
fn day_for(d: NaiveDate, generation: u64) -> Day {
    let mut day = full_day(&d.to_string());
    let n = d.num_days_from_ce() as u64 + generation;
    day.wellbeing = Some((n % 11) as u8);
    // Notes of varying size; some span several database pages.
    let len = if n.is_multiple_of(10) { 60_000 } else { ((n * 7919) % 4000) as usize };
    day.notes = format!("{d} g{generation} ").repeat(len / 16 + 1);
    day
}

/// The child: repeats its operation until killed. Does nothing in a normal test run.
#[test]
fn crash_child() {
    let Ok(op) = std::env::var(CHILD_OP) else { return };
    let path = PathBuf::from(std::env::var_os(CHILD_DB).unwrap());
    let round: u64 = std::env::var(CHILD_ROUND).unwrap().parse().unwrap();
    let file = |var: &str| PathBuf::from(std::env::var_os(var).unwrap());
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| {
        out.write_all(line.as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
        out.flush().unwrap();
    };
    let mut j = Journal::open(&path).unwrap();
    say("ready".into());
    match op.as_str() {
        "log" => {
            let first = date(FIRST);
            let mut rng = Rng(round * 7919 + 1);
            let mut next = j.logged_dates(DateRange::all()).unwrap().len() as i64;
            for k in 0u64.. {
                let i = if next < LOG_DATES { next } else { (rng.next() % LOG_DATES as u64) as i64 };
                let d = first + chrono::Duration::days(i);
                let g = round * 1_000_000 + k;
                say(format!("begin {d} {g}"));
                j.save_day(&day_for(d, g)).unwrap();
                say(format!("committed {d} {g}"));
                next = next.max(i + 1);
            }
        }
        "import" | "restore" => {
            let (a, b) = (file(CHILD_A), file(CHILD_B));
            let read = |p: &Path| if op == "import" { fs::read_to_string(p).unwrap() } else { String::new() };
            let texts = [read(&a), read(&b)];
            for k in 0usize.. {
                let which = ["A", "B"][k % 2];
                say(format!("begin {which}"));
                if op == "import" {
                    exchange::import(&mut j, &texts[k % 2], ImportMode::Replace).unwrap();
                } else {
                    j = backup::restore(j, if k % 2 == 0 { &a } else { &b }).unwrap();
                }
                say(format!("committed {which}"));
            }
        }
        "wipe" => {
            for c in 0i64.. {
                // Dates of their own for every cycle of every round (within the dates a journal holds).
                let base = date(FIRST) + chrono::Duration::days(((round as i64 * 40 + c) % 8000) * 8);
                for i in 0..4 {
                    let d = base + chrono::Duration::days(i);
                    say(format!("begin {d} 0"));
                    j.save_day(&day_for(d, 0)).unwrap();
                    say(format!("committed {d} 0"));
                }
                backup::now(&j, base).unwrap();
                say("begin wipe".into());
                j = journal::wipe(j).unwrap();
                j.add_item(Catalog::Symptoms, "Pain", "").unwrap();
                j.add_item(Catalog::Symptoms, "Fatigue", "").unwrap();
                say("committed wipe".into());
            }
        }
        other => panic!("unknown child {other}"),
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

/// A child that is killed whatever happens to the parent (a failed assertion included).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One kind of operation: how to set up its journal, and what a kill may leave.
trait Op: Send {
    fn name(&self) -> &'static str;
    fn env(&self, c: &mut Command);
    /// Longest pause after the child is ready before the kill.
    fn max_delay(&self) -> Duration;
    /// Checks the journal after a kill, given the child's report lines of this round.
    fn check(&mut self, path: &Path, lines: &[String], round: u32);
    /// How much committed work the checks have seen (days, imports, restores, wipes).
    fn progress(&self) -> usize;
}

/// Runs `rounds` rounds of `op` on the journal at `path`, and more until [`MIN_COMMITTED`] of
/// its operations have committed (or `deadline` passes); returns how many ran.
fn run_rounds(op: &mut dyn Op, path: &Path, rounds: u32, seed: u64, deadline: Instant) -> u32 {
    let mut rng = Rng(seed);
    let mut done = 0;
    while (done < rounds || op.progress() < MIN_COMMITTED) && Instant::now() < deadline {
        done += 1;
        let mut c = Command::new(std::env::current_exe().unwrap());
        c.args(["--exact", &test_name(module_path!(), "crash_child"), "--nocapture", "--test-threads=1"])
            .env(CHILD_OP, op.name())
            .env(CHILD_DB, path)
            .env(CHILD_ROUND, done.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        op.env(&mut c);
        let mut child = Killed(c.spawn().unwrap());
        let out = child.0.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(());
                lines.push(l);
            }
            lines
        });
        let r = rng.next();
        if r.is_multiple_of(8) {
            // Now and then during start-up: opening (and for a wipe, creating) the journal.
            std::thread::sleep(Duration::from_micros(r % 30_000));
        } else {
            // Mostly in the middle of the work, once the child has opened the journal.
            let _ = rx.recv_timeout(Duration::from_secs(20));
            std::thread::sleep(Duration::from_micros(r % op.max_delay().as_micros() as u64));
        }
        child.0.kill().unwrap(); // SIGKILL
        let status = child.0.wait().unwrap();
        assert!(!status.success(), "{} round {done}: the child stopped by itself: {status:?}", op.name());
        drop(child);
        let lines = reader.join().unwrap();
        op.check(path, &lines, done);
    }
    done
}

/// Everything about a journal that the checks compare: its days (and that it is whole).
fn days_of(path: &Path, what: &str) -> Vec<Day> {
    let j = Journal::open(path).unwrap_or_else(|e| panic!("{what}: cannot reopen: {e}"));
    j.check().unwrap_or_else(|e| panic!("{what}: {e}"));
    j.days(DateRange::all()).unwrap()
}

/// Opening a backup may migrate or checkpoint it: check a copy, never the backup itself.
fn backup_days(b: &Path, what: &str) -> Vec<Day> {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("copy.sqlite3");
    fs::copy(b, &c).unwrap();
    days_of(&c, what)
}

/// The files under a backup's name in the journal's backups folder.
fn backups(path: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(backup::dir(path))
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".sqlite3"))
        .collect();
    v.sort();
    v
}

/// `log`: each date holds the last committed generation, or the one in flight.
struct Log {
    committed: BTreeMap<NaiveDate, u64>,
    saves: usize,
}

fn date_gen(rest: &str) -> (NaiveDate, u64) {
    let (d, g) = rest.split_once(' ').unwrap();
    (date(d), g.parse().unwrap())
}

impl Op for Log {
    fn name(&self) -> &'static str {
        "log"
    }
    fn env(&self, _: &mut Command) {}
    fn max_delay(&self) -> Duration {
        Duration::from_millis(100)
    }
    fn check(&mut self, path: &Path, lines: &[String], round: u32) {
        let mut in_flight = None;
        for l in lines {
            if let Some(rest) = l.strip_prefix("begin ") {
                in_flight = Some(date_gen(rest));
            } else if let Some(rest) = l.strip_prefix("committed ") {
                let (d, g) = date_gen(rest);
                self.committed.insert(d, g);
                in_flight = None;
            }
        }
        let days = days_of(path, &format!("log round {round}"));
        let present: BTreeSet<NaiveDate> = days.iter().map(|d| d.date).collect();
        for day in &days {
            let ok = self.committed.get(&day.date).is_some_and(|g| *day == day_for(day.date, *g))
                || in_flight.is_some_and(|(d, g)| d == day.date && *day == day_for(d, g));
            assert!(ok, "log round {round}: {} is neither its last committed version nor the one in flight", day.date);
            if let Some((d, g)) = in_flight.filter(|(d, _)| *d == day.date)
                && *day == day_for(d, g)
            {
                self.committed.insert(d, g); // committed, killed before it said so
            }
        }
        let lost: Vec<_> = self.committed.keys().filter(|d| !present.contains(d)).collect();
        assert!(lost.is_empty(), "log round {round}: committed days lost: {lost:?}");
        self.saves += lines.iter().filter(|l| l.starts_with("committed ")).count();
    }
    fn progress(&self) -> usize {
        self.saves
    }
}

/// `import` and `restore`: the child alternates between two files A and B, each one whole
/// journal state; the journal is always one of the two, and each backup too.
struct Alternate {
    name: &'static str,
    files: (PathBuf, PathBuf),
    states: [Vec<Day>; 2],
    /// The state the journal is known to be in (0 = A, 1 = B).
    now: usize,
    committed: usize,
}

impl Op for Alternate {
    fn name(&self) -> &'static str {
        self.name
    }
    fn env(&self, c: &mut Command) {
        c.env(CHILD_A, &self.files.0).env(CHILD_B, &self.files.1);
    }
    fn max_delay(&self) -> Duration {
        Duration::from_millis(150)
    }
    fn check(&mut self, path: &Path, lines: &[String], round: u32) {
        let name = self.name;
        let mut allowed = vec![self.now];
        for l in lines {
            match l.as_str() {
                "begin A" => allowed = vec![allowed[0], 0],
                "begin B" => allowed = vec![allowed[0], 1],
                "committed A" => allowed = vec![0],
                "committed B" => allowed = vec![1],
                _ => {}
            }
        }
        let days = days_of(path, &format!("{name} round {round}"));
        let Some(now) = allowed.iter().copied().find(|s| self.states[*s] == days) else {
            panic!("{name} round {round}: the journal is neither the old nor the new data (allowed: {allowed:?})")
        };
        self.now = now;
        self.committed += lines.iter().filter(|l| l.starts_with("committed ")).count();
        for b in backups(path) {
            let got = backup_days(&b, &format!("{name} round {round}: backup {}", b.display()));
            assert!(self.states.contains(&got), "{name} round {round}: backup {} is not a whole journal", b.display());
        }
    }
    fn progress(&self) -> usize {
        self.committed
    }
}

/// Wipe: the child logs four days, backs up, wipes, and again. A killed wipe leaves either
/// the old journal, whole, or a fresh one; never a mix, never a day from before a wipe that
/// completed.
struct Wipe {
    /// Days that must be there (committed since the last wipe).
    must: BTreeSet<NaiveDate>,
    wipes: usize,
}

impl Op for Wipe {
    fn name(&self) -> &'static str {
        "wipe"
    }
    fn env(&self, _: &mut Command) {}
    fn max_delay(&self) -> Duration {
        Duration::from_millis(150)
    }
    fn check(&mut self, path: &Path, lines: &[String], round: u32) {
        let mut may = self.must.clone();
        let mut wiping = false;
        for l in lines {
            if l == "begin wipe" {
                wiping = true;
            } else if l == "committed wipe" {
                self.wipes += 1;
                wiping = false;
                self.must.clear();
                may.clear();
            } else if let Some(rest) = l.strip_prefix("begin ") {
                may.insert(date_gen(rest).0);
            } else if let Some(rest) = l.strip_prefix("committed ") {
                self.must.insert(date_gen(rest).0);
            }
        }
        let days = days_of(path, &format!("wipe round {round}"));
        let present: BTreeSet<NaiveDate> = days.iter().map(|d| d.date).collect();
        for day in &days {
            assert_eq!(*day, day_for(day.date, 0), "wipe round {round}: {} is not whole", day.date);
        }
        let old_whole = self.must.is_subset(&present) && present.is_subset(&may);
        if wiping && present.is_empty() {
            self.must.clear(); // the wipe got as far as the database
        } else {
            assert!(
                old_whole,
                "wipe round {round}: days {present:?}, committed {:?}, possible {may:?}{}",
                self.must,
                if wiping { " (killed while wiping: neither the old journal nor an empty one)" } else { "" }
            );
            self.must = present;
        }
        let j = Journal::open(path).unwrap();
        if j.catalog(Catalog::Symptoms).unwrap().len() < 2 {
            // Killed between the wipe and the symptoms the next days need.
            let mut j = j;
            for name in ["Pain", "Fatigue"] {
                if !j.catalog(Catalog::Symptoms).unwrap().iter().any(|s| s.name == name) {
                    j.add_item(Catalog::Symptoms, name, "").unwrap();
                }
            }
        }
        for b in backups(path) {
            let got = backup_days(&b, &format!("wipe round {round}: backup {}", b.display()));
            assert!(
                got.iter().all(|d| *d == day_for(d.date, 0)),
                "wipe round {round}: backup {} is not whole",
                b.display()
            );
        }
    }
    fn progress(&self) -> usize {
        self.wipes
    }
}

/// Two different journals over the same dates, exported (A, B) for import and saved as
/// single files (A, B) for restore.
fn two_journals(dir: &Path) -> [(PathBuf, PathBuf, Vec<Day>); 2] {
    [(11, "a"), (99, "b")].map(|(seed, name)| {
        let db = dir.join(format!("{name}.sqlite3"));
        let mut j = Journal::open(&db).unwrap();
        journal::demo::fill(&mut j, 40, seed, date("2025-06-30")).unwrap();
        let json = dir.join(format!("{name}.json"));
        fs::write(&json, exchange::export_json(&j, DateRange::all()).unwrap()).unwrap();
        let file = dir.join(format!("{name}-file.sqlite3"));
        backup::to_file(&j, &file).unwrap();
        let days = j.days(DateRange::all()).unwrap();
        (json, file, days)
    })
}

#[test]
fn sigkill_in_log_import_restore_and_wipe_loses_nothing_committed() {
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let tmp = tempfile::tempdir().unwrap();
    let [a, b] = two_journals(tmp.path());
    let journal_in = |name: &str| {
        let d = tmp.path().join(name);
        fs::create_dir(&d).unwrap();
        d.join("journal.sqlite3")
    };

    // log and wipe start from a journal with the two symptoms `full_day` uses.
    let log_db = journal_in("log");
    let wipe_db = journal_in("wipe");
    for p in [&log_db, &wipe_db] {
        let mut j = Journal::open(p).unwrap();
        j.add_item(Catalog::Symptoms, "Pain", "").unwrap();
        j.add_item(Catalog::Symptoms, "Fatigue", "").unwrap();
    }
    // import starts from B imported after A (so importing never adds catalog items again),
    // restore from a copy of B.
    let import_db = journal_in("import");
    let mut j = Journal::open(&import_db).unwrap();
    for (json, ..) in [&a, &b] {
        exchange::import(&mut j, &fs::read_to_string(json).unwrap(), ImportMode::Replace).unwrap();
    }
    let import_states = {
        exchange::import(&mut j, &fs::read_to_string(&a.0).unwrap(), ImportMode::Replace).unwrap();
        let sa = j.days(DateRange::all()).unwrap();
        exchange::import(&mut j, &fs::read_to_string(&b.0).unwrap(), ImportMode::Replace).unwrap();
        [sa, j.days(DateRange::all()).unwrap()]
    };
    fs::remove_dir_all(backup::dir(&import_db)).unwrap();
    drop(j);
    let restore_db = journal_in("restore");
    fs::copy(&b.1, &restore_db).unwrap();

    let mut ops: Vec<(Box<dyn Op>, PathBuf)> = vec![
        (Box::new(Log { committed: BTreeMap::new(), saves: 0 }), log_db),
        (
            Box::new(Alternate {
                name: "import",
                files: (a.0.clone(), b.0.clone()),
                states: import_states,
                now: 1,
                committed: 0,
            }),
            import_db,
        ),
        (
            Box::new(Alternate {
                name: "restore",
                files: (a.1.clone(), b.1.clone()),
                states: [a.2, b.2],
                now: 1,
                committed: 0,
            }),
            restore_db,
        ),
        (Box::new(Wipe { must: BTreeSet::new(), wipes: 0 }), wipe_db),
    ];
    let started = Instant::now();
    let deadline = started + Duration::from_secs(240);
    let counts: Vec<(&'static str, u32, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = ops
            .iter_mut()
            .enumerate()
            .map(|(i, (op, path))| {
                s.spawn(move || {
                    let n = run_rounds(op.as_mut(), path, ROUNDS_EACH, seed.wrapping_add(i as u64), deadline);
                    (op.name(), n, op.progress())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let total: u32 = counts.iter().map(|(_, n, _)| n).sum();
    let each: Vec<String> =
        counts.iter().map(|(name, n, done)| format!("{name} {n} rounds, {done} committed")).collect();
    // Straight to the terminal, past the test harness's capture: the round count is part of
    // what this test proves.
    let _ = writeln!(
        std::io::stderr(),
        "crash test: {total} SIGKILL rounds ({}) in {:.1} s, seed {seed}",
        each.join(", "),
        started.elapsed().as_secs_f64()
    );
    assert!(total >= MIN_ROUNDS, "only {total} rounds ran in time ({})", each.join(", "));
    for (name, _, done) in &counts {
        assert!(*done >= MIN_COMMITTED, "{name}: only {done} operations committed in all: the test proved little");
    }
}
