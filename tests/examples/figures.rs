//! Issue 3's figures: launch time, save round trip and memory of the app on a large journal,
//! beside a bare Tauri window (an empty page) measured the same way as the floor.
//! Run by scripts/figures (release builds, a 10-year demo journal, Xvfb); not a test.
//!
//! - Launch: from the app process's start (its /proc start time) until the first screen is
//!   usable: for the app the day view's form with today's data loaded (`save-day` present), for
//!   the bare window its page's marker element. Found by WebDriver polling every 5 ms; both
//!   ends come from /proc clocks with 10 ms resolution.
//! - Save: `performance.now()` in the page around a click on Save until the status reads
//!   "Saved" (a MutationObserver on the status), after one edit of the notes; also until the
//!   next frame after that.
//! - Trends (issue 4): from a click on a range preset until the next frame with the new
//!   charts, every preset on the 10-year journal, after one round of warm-up.
//! - Memory: PSS summed over the app process and its children (WebKit web and network
//!   processes) from /proc/PID/smaps_rollup, 2 s after the first screen, and again after
//!   visiting History and Trends.
//! - Keyboard (issue 14): the key presses of a typical evening's entry, as the keyboard e2e
//!   test drives it (`e2e::evening`).
//! - `--timeline` also prints each launch's page timeline (resources, IPC calls, paints).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use e2e::{App, Home, evening, flows, procs, timing};

#[derive(Debug)]
struct Args {
    app: PathBuf,
    bare: PathBuf,
    journal: PathBuf,
    runs: usize,
    deb: Option<PathBuf>,
    out: Option<PathBuf>,
    timeline: bool,
}

fn args() -> Args {
    let mut a = Args {
        app: PathBuf::new(),
        bare: PathBuf::new(),
        journal: PathBuf::new(),
        runs: 5,
        deb: None,
        out: None,
        timeline: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--timeline" {
            a.timeline = true;
            continue;
        }
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--app" => a.app = value.into(),
            "--bare" => a.bare = value.into(),
            "--journal" => a.journal = value.into(),
            "--runs" => a.runs = value.parse().expect("--runs takes a number"),
            "--deb" => a.deb = Some(value.into()),
            "--out" => a.out = Some(value.into()),
            other => panic!("unknown flag {other}"),
        }
    }
    assert!(a.app.is_file() && a.bare.is_file() && a.journal.is_file(), "need --app, --bare and --journal files");
    a
}

#[derive(Debug, Default)]
struct Samples {
    launch_ms: Vec<f64>,
    session_ms: Vec<f64>,
    pss_mib: Vec<f64>,
    pss_used_mib: Vec<f64>,
    save_ms: Vec<f64>,
    save_frame_ms: Vec<f64>,
    trends_ms: Vec<f64>,
    /// The encrypted demo journal: process start → unlock screen, and Unlock → day view.
    locked_launch_ms: Vec<f64>,
    unlock_ms: Vec<f64>,
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() { f64::NAN } else { v[v.len() / 2] }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

async fn settle_and_measure(app: &App) -> f64 {
    tokio::time::sleep(Duration::from_secs(2)).await;
    mib(procs::tree_pss_kib(app.pid().expect("app pid")))
}

async fn bare_run(bin: &Path, s: &mut Samples, timeline: bool) {
    let t = Instant::now();
    let app = App::launch_binary(bin, Home::new(), "[data-testid=\"bare-window\"]").await;
    s.session_ms.push(t.elapsed().as_secs_f64() * 1e3);
    s.launch_ms.push(app.launch_secs().expect("launch time") * 1e3);
    if timeline {
        eprintln!("bare window launch:");
        print_timeline(&app).await;
    }
    s.pss_mib.push(settle_and_measure(&app).await);
    app.quit().await;
}

/// A copy of the demo journal in a fresh home, past the welcome.
fn demo_home(journal: &Path) -> Home {
    let home = Home::new();
    std::fs::copy(journal, home.journal_path()).expect("copy the demo journal");
    let mut j = home.open_journal();
    e2e::app::mark_onboarded(&mut j);
    drop(j);
    home
}

/// The page's own timeline: navigation, resources (IPC calls show up as `ipc://` fetches) and
/// paints, in ms since the page's time origin, with that origin in ms since the Unix epoch.
const PAGE_TIMELINE: &str = "const nav = performance.getEntriesByType('navigation')[0];
    const e = [];
    if (nav) for (const k of ['responseEnd', 'domInteractive', 'domContentLoadedEventEnd', 'loadEventEnd']) e.push([k, nav[k], nav[k]]);
    for (const r of performance.getEntriesByType('resource')) e.push([r.name.replace(/^.*\\//, ''), r.startTime, r.responseEnd]);
    for (const p of performance.getEntriesByType('paint')) e.push([p.name, p.startTime, p.startTime]);
    for (const m of performance.getEntriesByType('mark')) e.push([m.name, m.startTime, m.startTime]);
    e.sort((a, b) => a[1] - b[1]);
    e.push(['now (ready seen)', performance.now(), performance.now()]);
    return { origin: performance.timeOrigin, entries: e };";

/// Prints where a launch's time went, in ms since the app process started (`--timeline`).
async fn print_timeline(app: &App) {
    let Some(start) = app.pid().and_then(procs::start_secs) else { return };
    let Some(uptime) = procs::uptime_secs() else { return };
    let now_epoch_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1e3)
        .unwrap_or(f64::NAN);
    let start_epoch_ms = now_epoch_ms - (uptime - start) * 1e3;
    let v = app.client().execute(PAGE_TIMELINE, vec![]).await.expect("read the page timeline");
    let origin = v["origin"].as_f64().unwrap_or(f64::NAN) - start_epoch_ms;
    eprintln!("  page time origin: {origin:.0} ms after the process started");
    for e in v["entries"].as_array().into_iter().flatten() {
        let at = |i: usize| e[i].as_f64().unwrap_or(f64::NAN) + origin;
        eprintln!("  {:>5.0} → {:>5.0} ms  {}", at(1), at(2), e[0].as_str().unwrap_or("?"));
    }
}

async fn app_run(bin: &Path, journal: &Path, run: usize, s: &mut Samples, timeline: bool) {
    let home = demo_home(journal);
    let t = Instant::now();
    let app = App::launch_binary(bin, home, "[data-testid=\"save-day\"]").await;
    s.session_ms.push(t.elapsed().as_secs_f64() * 1e3);
    s.launch_ms.push(app.launch_secs().expect("launch time") * 1e3);
    if timeline {
        eprintln!("app launch:");
        print_timeline(&app).await;
    }
    s.pss_mib.push(settle_and_measure(&app).await);

    for k in 0..5 {
        app.set_value("notes", &format!("figures run {run}.{k}")).await;
        app.wait_contains("day-status", "Unsaved").await;
        // Let the draft write (400 ms after an edit) finish first: it is not part of a save.
        tokio::time::sleep(Duration::from_millis(700)).await;
        let [saved, frame] = timing::save_day(&app).await;
        s.save_ms.push(saved);
        s.save_frame_ms.push(frame);
    }

    flows::open(&app, "history").await;
    flows::open(&app, "trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"]").await;
    // Every preset twice; the first round warms the webview up and is not counted.
    for round in 0..2 {
        for preset in timing::RANGE_PRESETS {
            let [_, _, frame] = timing::trends_range_change(&app, &format!("trends-range-{preset}")).await;
            if round > 0 {
                s.trends_ms.push(frame);
            }
        }
    }
    flows::open(&app, "day").await;
    s.pss_used_mib.push(settle_and_measure(&app).await);
    app.quit().await;
}

/// The demo journal encrypted, in a fresh home: launch to the unlock screen, then unlock.
async fn encrypted_run(bin: &Path, journal: &Path, s: &mut Samples) {
    const PASSPHRASE: &str = "figures passphrase";
    let home = demo_home(journal);
    let pass = journal::Passphrase::new(PASSPHRASE.into()).expect("a passphrase");
    drop(journal::encryption::encrypt(home.open_journal(), &pass).expect("encrypt the demo journal"));
    let app = App::launch_binary(bin, home, "[data-testid=\"unlock-screen\"]").await;
    s.locked_launch_ms.push(app.launch_secs().expect("launch time") * 1e3);
    app.set_value("unlock-passphrase", PASSPHRASE).await;
    let t = Instant::now();
    app.click("unlock-submit").await;
    app.wait_css_every("[data-testid=\"save-day\"]", Duration::from_millis(5)).await;
    s.unlock_ms.push(t.elapsed().as_secs_f64() * 1e3);
    app.quit().await;
}

/// Key presses for the evening the keyboard e2e test drives (`e2e::evening`), on this build.
async fn evening_presses(bin: &Path) -> usize {
    let app = App::launch_binary(bin, evening::home(), "[data-testid=\"save-day\"]").await;
    let presses = evening::log_by_keys(&app, &[3, 10, 1, 7, 0, 5, 2, 9], 6).await;
    app.quit().await;
    presses
}

fn row(name: &str, v: &[f64], unit: &str) -> String {
    if v.is_empty() {
        return format!("| {name} | – | – | – |");
    }
    format!("| {name} | {:.0} {unit} | {:.0} {unit} | {:.0} {unit} |", median(v), min(v), max(v))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = args();
    let (mut bare, mut app) = (Samples::default(), Samples::default());
    // Warm the page cache once for each, then alternate so both see the same conditions.
    bare_run(&a.bare, &mut Samples::default(), false).await;
    app_run(&a.app, &a.journal, 0, &mut Samples::default(), false).await;
    for run in 0..a.runs {
        bare_run(&a.bare, &mut bare, a.timeline).await;
        app_run(&a.app, &a.journal, run + 1, &mut app, a.timeline).await;
        encrypted_run(&a.app, &a.journal, &mut app).await;
        eprintln!("run {}/{} done", run + 1, a.runs);
    }

    let days = journal::Journal::open(&a.journal)
        .and_then(|j| j.logged_dates(journal::DateRange::all()))
        .map(|d| d.len())
        .unwrap_or(0);
    let mut out = String::new();
    out.push_str(&format!(
        "Release builds under Xvfb; journal: {days} logged days; {} runs each after one warm-up (median, min, max).\n\n",
        a.runs
    ));
    out.push_str("| figure | median | min | max |\n|---|---|---|---|\n");
    let rows: [(&str, &[f64], &str); 12] = [
        ("bare window: process start → page ready", &bare.launch_ms, "ms"),
        ("app: process start → day view usable", &app.launch_ms, "ms"),
        ("bare window: session request → ready", &bare.session_ms, "ms"),
        ("app: session request → ready", &app.session_ms, "ms"),
        ("app, encrypted journal: process start → unlock screen", &app.locked_launch_ms, "ms"),
        ("app, encrypted journal: Unlock → day view usable", &app.unlock_ms, "ms"),
        ("app: save round trip (click → \"Saved\")", &app.save_ms, "ms"),
        ("app: save, click → next frame after \"Saved\"", &app.save_frame_ms, "ms"),
        ("app: Trends range change → next frame (5 presets)", &app.trends_ms, "ms"),
        ("bare window: PSS, app + WebKit processes", &bare.pss_mib, "MiB"),
        ("app: PSS at the day view", &app.pss_mib, "MiB"),
        ("app: PSS after History and Trends", &app.pss_used_mib, "MiB"),
    ];
    for (name, samples, unit) in rows {
        out.push_str(&row(name, samples, unit));
        out.push('\n');
    }
    let start_ratio = median(&app.launch_ms) / median(&bare.launch_ms);
    let pss_extra = median(&app.pss_mib) - median(&bare.pss_mib);
    out.push_str(&format!(
        "\nStart: {start_ratio:.2}× the floor (target ≤ 1.2×). Save: median {:.1} ms (target ≤ 50 ms). \
         PSS: floor + {pss_extra:.0} MiB (target ≤ +40 MiB). Trends update: median {:.0} ms (target ≤ 150 ms).\n",
        median(&app.save_ms),
        median(&app.trends_ms)
    ));
    out.push_str(&format!(
        "Typical evening by keyboard (8 symptoms, wellbeing, the prefilled dose, Ctrl+S): {} key presses (target ≤ 30).\n",
        evening_presses(&a.app).await
    ));
    if let Some(deb) = &a.deb {
        match std::fs::metadata(deb) {
            Ok(m) => out.push_str(&format!(
                ".deb: {} ({:.1} MB; target ≤ 15 MB).\n",
                deb.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                m.len() as f64 / 1e6
            )),
            Err(e) => out.push_str(&format!(".deb: not found at {} ({e}).\n", deb.display())),
        }
    }
    print!("{out}");
    if let Some(path) = &a.out {
        std::fs::write(path, &out).expect("write the figures");
    }
}
