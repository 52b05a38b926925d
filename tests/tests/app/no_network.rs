//! No network: the app, run through a short flow (log a day, trends, settings with its
//! backups), opens no internet socket. Every process of the app (WebKit's web and network
//! processes included) runs under `strace -f -e trace=network`; WebDriver's own connection is
//! made by tauri-driver and WebKitWebDriver, outside the traced tree.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use e2e::flows::{self, today};
use e2e::{App, Home};

/// Socket families a local app may use: Unix sockets (D-Bus, X11, WebKit's own IPC) and
/// netlink (network-interface and udev notices, read locally).
const LOCAL: &[&str] = &["AF_UNIX", "AF_LOCAL", "AF_NETLINK"];

/// The families of every socket the trace shows created or addressed.
fn families(trace: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in trace.lines() {
        for marker in ["socket(", "socketpair(", "sa_family="] {
            let mut rest = line;
            while let Some(i) = rest.find(marker) {
                rest = &rest[i + marker.len()..];
                let fam: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if fam.starts_with("AF_") || fam.starts_with("PF_") {
                    out.insert(fam.replacen("PF_", "AF_", 1));
                }
            }
        }
    }
    out
}

#[test]
fn families_are_read_from_strace_lines() {
    let trace = "123 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 5\n\
                 124 connect(5, {sa_family=AF_UNIX, sun_path=\"/run/dbus\"}, 110) = 0\n\
                 125 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 7\n\
                 126 sendto(7, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(53)}, 16) = 1\n\
                 127 socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [8, 9]) = 0";
    let f: Vec<String> = families(trace).into_iter().collect();
    assert_eq!(f, ["AF_INET", "AF_INET6", "AF_UNIX"]);
}

/// Every internet address in the trace that is not allowed: a `bind`, `connect`, `sendto` or
/// `sendmsg` must be 127.0.0.1 on `port`; any other call (`accept`, `getpeername`: WebDriver's
/// side of the connection) must at least be on 127.0.0.1.
fn inet_addresses_other_than(trace: &str, port: u16) -> Vec<String> {
    let endpoint = format!("sa_family=AF_INET, sin_port=htons({port}), sin_addr=inet_addr(\"127.0.0.1\")");
    let mut out = Vec::new();
    for line in trace.lines() {
        let outgoing = [" bind(", " connect(", " sendto(", " sendmsg("].iter().any(|c| line.contains(c));
        let mut rest = line;
        while let Some(i) = rest.find("sa_family=AF_INET") {
            let addr: String = rest[i..].chars().take_while(|c| *c != '}').collect();
            let ok = if outgoing { addr == endpoint } else { addr.ends_with("inet_addr(\"127.0.0.1\")") };
            if !ok {
                out.push(line.chars().take(200).collect());
            }
            rest = &rest[i + 1..];
        }
    }
    out
}

/// The port of the TCP socket the app listens on, if any (WebKit's automation endpoint,
/// which exists only when WebDriver started the app).
fn listening_port(trace: &str) -> Option<u16> {
    trace.lines().filter(|l| l.contains(" bind(") && l.contains("sa_family=AF_INET,")).find_map(|l| {
        let p = l.split("sin_port=htons(").nth(1)?;
        p.split(')').next()?.parse().ok()
    })
}

#[test]
fn only_the_automation_endpoint_is_allowed() {
    let ok = "1 bind(14, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0\n\
              1 getpeername(22, {sa_family=AF_INET, sin_port=htons(51890), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0";
    assert_eq!(listening_port(ok), Some(4444));
    assert!(inet_addresses_other_than(ok, 4444).is_empty());
    let dns =
        "2 sendto(7, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 1";
    assert_eq!(inet_addresses_other_than(dns, 4444).len(), 1);
    let local_other_port =
        "3 connect(5, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0";
    assert_eq!(inet_addresses_other_than(local_other_port, 4444).len(), 1);
}

/// A wrapper that runs the app under strace. With `pid_file`, the app runs through `timeout`
/// (a cap for a test that never stops it) and that process's id is written there, so the test
/// can stop the app with SIGTERM, which `timeout` passes on.
fn traced(home: &Home, pid_file: Option<&Path>) -> (PathBuf, PathBuf) {
    let log = home.path().join("network.strace");
    let app_bin = std::path::absolute(e2e::driver::app_binary()).expect("app path");
    assert!(app_bin.is_file(), "build the app first: {}", app_bin.display());
    let command = match pid_file {
        Some(pid) => format!(
            "sh -c 'echo $$ > \"{}\"; exec timeout -s TERM {} \"$0\" \"$@\"' '{}'",
            pid.display(),
            STANDALONE_CAP.as_secs(),
            app_bin.display()
        ),
        None => format!("'{}'", app_bin.display()),
    };
    let wrapper = home.path().join("traced-app");
    let script = format!("#!/bin/sh\nexec strace -f -qq -e trace=network -o '{}' {command} \"$@\"\n", log.display());
    std::fs::write(&wrapper, script).expect("write the wrapper");
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("make it executable");
    (wrapper, log)
}

/// How long the app on its own may take to make its first backup (3 s after start-up, later on
/// a loaded machine), and the cap after which `timeout` stops it whatever happens.
const BACKUP_WAIT: Duration = Duration::from_secs(60);
const STANDALONE_CAP: Duration = Duration::from_secs(120);

/// The app on its own (no WebDriver): started, left to load its first screen and make the
/// day's backup, then stopped. Not one internet socket, not even on loopback.
#[test]
fn the_app_on_its_own_opens_no_internet_socket() {
    let home = Home::onboarded();
    let pid_file = home.path().join("app.pid");
    let (wrapper, log) = traced(&home, Some(&pid_file));
    let mut child = std::process::Command::new(&wrapper)
        .env(journal::paths::DB_ENV, home.journal_path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .spawn()
        .expect("run the traced app");
    let started = Instant::now();
    let backed_up = loop {
        if journal::backup::list(&home.journal_path(), None).is_ok_and(|b| b.len() == 1) {
            break true;
        }
        if started.elapsed() > BACKUP_WAIT || child.try_wait().is_ok_and(|s| s.is_some()) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    // A moment more, so whatever the app does right after its backup is traced too.
    std::thread::sleep(Duration::from_secs(1));
    if let Ok(pid) = std::fs::read_to_string(&pid_file) {
        let _ = std::process::Command::new("kill").args(["-TERM", pid.trim()]).status();
    }
    let status = child.wait().expect("the traced app ends");
    println!("app exited with {status} after {:.1} s", started.elapsed().as_secs_f64());
    let trace = std::fs::read_to_string(&log).expect("strace wrote its log");
    assert!(trace.contains("socket(AF_UNIX"), "the trace recorded the app's sockets (did it start?)");
    assert!(backed_up, "the app made its daily backup within {} s", BACKUP_WAIT.as_secs());
    let found = families(&trace);
    let other: Vec<&String> = found.iter().filter(|f| !LOCAL.contains(&f.as_str())).collect();
    assert!(other.is_empty(), "the app used {other:?} sockets:\n{}", excerpt(&trace, &other));
    println!("socket families used: {found:?}");
}

fn excerpt(trace: &str, what: &[&String]) -> String {
    let lines: Vec<&str> = trace
        .lines()
        .filter(|l| !l.contains("recvmsg") && what.iter().any(|f| l.contains(f.as_str())))
        .take(20)
        .collect();
    lines.join("\n")
}

/// Under WebDriver, through a short flow: the only internet-family socket traffic is WebKit's
/// automation endpoint on 127.0.0.1 that WebDriver drives the app through.
#[tokio::test]
async fn the_app_opens_no_internet_socket() {
    let home = Home::onboarded();
    let (wrapper, log) = traced(&home, None);

    let app = App::launch_binary(&wrapper, home, e2e::app::READY).await;
    flows::day_loaded(&app, today()).await;
    app.choose("wellbeing-7").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    flows::open(&app, "trends").await;
    flows::open(&app, "settings").await;
    app.find("backups").await;
    let home = app.quit().await;

    let trace = std::fs::read_to_string(&log).expect("strace wrote its log");
    assert!(trace.contains("socket("), "the trace recorded the app's sockets (is strace working?)");
    let found = families(&trace);
    assert!(!found.contains("AF_INET6"), "the app used IPv6 sockets:\n{}", excerpt(&trace, &[&"AF_INET6".to_string()]));
    let port = listening_port(&trace).unwrap_or(0);
    let other = inet_addresses_other_than(&trace, port);
    assert!(other.is_empty(), "internet addresses other than the automation endpoint 127.0.0.1:{port}: {other:?}");
    let unknown: Vec<&String> = found.iter().filter(|f| !LOCAL.contains(&f.as_str()) && *f != "AF_INET").collect();
    assert!(unknown.is_empty(), "the app used {unknown:?} sockets");
    println!("socket families used: {found:?}; automation endpoint 127.0.0.1:{port}");
    drop(home);
}
