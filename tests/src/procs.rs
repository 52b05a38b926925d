//! Small /proc helpers: process trees, stopping with SIGTERM, and memory (PSS).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// (pid, parent pid, state) of every process.
fn table() -> Vec<(u32, u32, char)> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The command name may contain spaces and parentheses: fields start after the last ')'.
        let rest = &stat[stat.rfind(')')? + 2..];
        let mut fields = rest.split(' ');
        let state = fields.next()?.chars().next()?;
        let ppid = fields.next()?.parse().ok()?;
        Some((pid, ppid, state))
    })
    .collect()
}

/// All live descendants of `root`, parents before children.
pub fn descendants(root: u32) -> Vec<u32> {
    let table = table();
    let mut out = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(pid, ppid, state) in &table {
            if ppid == p && state != 'Z' {
                out.push(pid);
                frontier.push(pid);
            }
        }
    }
    out
}

/// Whether `pid` is running (zombies count as gone).
pub fn alive(pid: u32) -> bool {
    table().iter().any(|&(p, _, state)| p == pid && state != 'Z')
}

/// The executable of `pid`, if readable.
pub fn exe(pid: u32) -> Option<std::path::PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/exe")).ok()
}

/// The first descendant of `root` running `binary`.
pub fn find_descendant(root: u32, binary: &Path) -> Option<u32> {
    let want = std::fs::canonicalize(binary).unwrap_or_else(|_| binary.to_path_buf());
    descendants(root).into_iter().find(|&pid| exe(pid).is_some_and(|e| e == want))
}

/// Sends SIGTERM (never SIGKILL: the app and WebKitWebDriver must get to clean up).
pub fn terminate(pid: u32) {
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).stdout(Stdio::null()).stderr(Stdio::null()).status();
}

/// Waits up to `timeout` for `pid` to exit on its own; true if it did.
pub fn wait_exit(pid: u32, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while alive(pid) {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    true
}

/// SIGTERM, then wait for the exit.
pub fn terminate_and_wait(pid: u32, timeout: Duration) -> bool {
    if !alive(pid) {
        return true;
    }
    terminate(pid);
    wait_exit(pid, timeout)
}

/// Proportional set size of one process in KiB, from /proc/PID/smaps_rollup.
pub fn pss_kib(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    text.lines().find_map(|l| l.strip_prefix("Pss:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// PSS of `pid` and all its descendants (the app plus its WebKit web and network processes).
pub fn tree_pss_kib(pid: u32) -> u64 {
    std::iter::once(pid).chain(descendants(pid)).filter_map(pss_kib).sum()
}

/// Seconds since boot (/proc/uptime), the clock /proc/PID/stat start times count in.
pub fn uptime_secs() -> Option<f64> {
    std::fs::read_to_string("/proc/uptime").ok()?.split_whitespace().next()?.parse().ok()
}

/// When `pid` started, in seconds since boot.
pub fn start_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Field 22 (starttime) counted from field 3, the first after the command name.
    let ticks: f64 = stat[stat.rfind(')')? + 2..].split(' ').nth(19)?.parse().ok()?;
    Some(ticks / clock_ticks_per_sec())
}

fn clock_ticks_per_sec() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}
