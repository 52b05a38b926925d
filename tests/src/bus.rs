//! A private D-Bus session bus with a real notification daemon (Debian's dunst) on it, and a
//! monitor recording every notification sent over it: what the reminder tests need to see a
//! desktop notification arrive, and to click it (`dunstctl action`). With
//! [`SessionBus::start_with_tray`], a real StatusNotifier watcher (Debian's
//! `status-notifier-watcher`) runs too, so the app's tray icon registers, and [`Tray`] works its
//! menu over D-Bus as a panel does when the user clicks it.
//!
//! The app is pointed at the bus with [`SessionBus::address`] as `DBUS_SESSION_BUS_ADDRESS`.
//! Everything runs on a local Unix socket; the bus and its clients stop on drop.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The bus, dunst and the monitor, stopped on drop.
#[derive(Debug)]
pub struct SessionBus {
    address: String,
    children: Vec<Child>,
    dir: TempDir,
}

impl SessionBus {
    /// Starts `dbus-daemon --session`, then dunst and `dbus-monitor` on it, and waits until
    /// dunst owns the notification service. Needs `DISPLAY` (dunst draws on the X server).
    pub fn start() -> SessionBus {
        SessionBus::start_inner(false, false)
    }

    /// As [`SessionBus::start`], with a tray host's watcher on the bus.
    pub fn start_with_tray() -> SessionBus {
        SessionBus::start_inner(true, false)
    }

    /// As [`SessionBus::start`], with a keyring (GNOME Keyring's Secret Service, its login
    /// collection made and unlocked) on the bus.
    pub fn start_with_keyring() -> SessionBus {
        SessionBus::start_inner(false, true)
    }

    fn start_inner(tray: bool, keyring: bool) -> SessionBus {
        let dir = tempfile::Builder::new().prefix("ldn-bus-").tempdir().expect("a folder for the bus");
        let (daemon, address) = dbus_daemon();
        let mut bus = SessionBus { address, children: vec![daemon], dir };

        let dunstrc = bus.dir.path().join("dunstrc");
        // Notifications stay until acted on, so a test can click the one it saw.
        std::fs::write(&dunstrc, "[global]\n    timeout = 0\n").expect("write dunstrc");
        let dunst = bus.command("dunst").arg("-config").arg(&dunstrc).stderr(Stdio::null()).spawn();
        bus.children.push(dunst.expect("start dunst (Debian package dunst)"));
        let log = std::fs::File::create(bus.log()).expect("create the monitor's log");
        let monitor = bus
            .command("dbus-monitor")
            .args(["--address", &bus.address.clone(), "interface=org.freedesktop.Notifications,member=Notify"])
            .stdout(log)
            .spawn();
        bus.children.push(monitor.expect("start dbus-monitor"));
        bus.wait_for("dunst to own org.freedesktop.Notifications", |b| b.has_owner("org.freedesktop.Notifications"));
        if tray {
            let watcher = bus.command("status-notifier-watcher").stdout(Stdio::null()).stderr(Stdio::null()).spawn();
            bus.children.push(
                watcher.expect("start status-notifier-watcher (Debian package haskell-status-notifier-item-utils)"),
            );
            bus.wait_for("the watcher to own its name", |b| b.has_owner(Tray::WATCHER));
        }
        if keyring {
            bus.start_keyring();
        }
        bus
    }

    fn start_keyring(&mut self) {
        use std::io::Write;
        let home = self.dir.path().join("keyring");
        std::fs::create_dir_all(home.join("data")).expect("a folder for the keyring");
        let daemon = self
            .command("gnome-keyring-daemon")
            .args(["--unlock", "--foreground", "--components=secrets"])
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", &home)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let mut daemon = daemon.expect("start gnome-keyring-daemon (Debian package gnome-keyring)");
        // The login keyring's password, on stdin: it is made with it, unlocked.
        if let Some(mut stdin) = daemon.stdin.take() {
            stdin.write_all(b"keyring password").expect("unlock the keyring");
        }
        self.children.push(daemon);
        self.wait_for("the keyring to own org.freedesktop.secrets", |b| b.has_owner("org.freedesktop.secrets"));
    }

    /// The tray item the app registered with the watcher, once it has (panics after `within`).
    pub fn wait_tray(&self, within: Duration) -> Tray<'_> {
        let start = Instant::now();
        loop {
            if let Some(tray) = self.tray() {
                return tray;
            }
            assert!(start.elapsed() < within, "no tray item registered within {within:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn tray(&self) -> Option<Tray<'_>> {
        let items = self.gdbus(&[
            "call",
            "-d",
            Tray::WATCHER,
            "-o",
            "/StatusNotifierWatcher",
            "-m",
            "org.freedesktop.DBus.Properties.Get",
            Tray::WATCHER,
            "RegisteredStatusNotifierItems",
        ])?;
        // `(<[':1.4']>,)`: the watcher lists each item by its owner's bus name.
        let service = items.split('\'').nth(1)?.to_string();
        // The item's object and its menu's, found as a panel does: by introspection.
        let tree = self.gdbus(&["introspect", "-d", &service, "-o", "/", "-r"])?;
        let mut node = None;
        let item = tree.lines().find_map(|line| {
            let line = line.trim();
            if let Some(path) = line.strip_prefix("node ") {
                node = path.split_whitespace().next().map(str::to_string);
            }
            line.starts_with("interface org.kde.StatusNotifierItem ").then(|| node.clone()).flatten()
        })?;
        let menu = self.gdbus(&[
            "call",
            "-d",
            &service,
            "-o",
            &item,
            "-m",
            "org.freedesktop.DBus.Properties.Get",
            "org.kde.StatusNotifierItem",
            "Menu",
        ])?;
        let menu = menu.split('\'').nth(1)?.to_string();
        Some(Tray { bus: self, service, menu })
    }

    fn gdbus(&self, args: &[&str]) -> Option<String> {
        let out = self.command("gdbus").arg(args[0]).arg("--session").args(&args[1..]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// For the app's `DBUS_SESSION_BUS_ADDRESS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The summaries of the notifications sent so far, oldest first.
    pub fn summaries(&self) -> Vec<String> {
        // dbus-monitor prints a Notify call's arguments one per line: app name, replaces id,
        // icon, then the summary (the third `string "..."` line; the id is a uint32).
        let text = std::fs::read_to_string(self.log()).unwrap_or_default();
        let mut out = Vec::new();
        let mut strings = None;
        for line in text.lines() {
            if line.contains("member=Notify") {
                strings = Some(0);
            } else if let (Some(n), Some(s)) = (strings.as_mut(), line.trim().strip_prefix("string \"")) {
                *n += 1;
                if *n == 3 {
                    out.push(s.trim_end_matches('"').to_string());
                    strings = None;
                }
            }
        }
        out
    }

    /// Waits until a notification with `summary` has been sent, or panics after `within`.
    pub fn wait_notification(&self, summary: &str, within: Duration) {
        let start = Instant::now();
        while !self.summaries().iter().any(|s| s == summary) {
            assert!(
                start.elapsed() < within,
                "no notification \"{summary}\" within {within:?}: {:?}",
                self.summaries()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the newest notification shown (its default action), as a user would.
    pub fn click_newest(&self) {
        let status = self.command("dunstctl").arg("action").status().expect("run dunstctl");
        assert!(status.success(), "dunstctl action failed");
    }

    fn has_owner(&self, name: &str) -> bool {
        let out = self
            .command("dbus-send")
            .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
            .args(["org.freedesktop.DBus.NameHasOwner", &format!("string:{name}")])
            .output();
        out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.env("DBUS_SESSION_BUS_ADDRESS", &self.address).stdin(Stdio::null());
        c
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("notify.log")
    }

    /// Where the bus keeps its files (the dunst configuration, the monitor's log).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// The app's tray item on the bus: its menu, read and clicked over `com.canonical.dbusmenu`.
#[derive(Debug)]
pub struct Tray<'a> {
    bus: &'a SessionBus,
    service: String,
    menu: String,
}

impl Tray<'_> {
    const WATCHER: &'static str = "org.kde.StatusNotifierWatcher";

    /// The menu's entries, top to bottom: (id, label).
    pub fn entries(&self) -> Vec<(i32, String)> {
        let layout = self
            .call("GetLayout", &["0", "--", "-1", "[]"])
            .unwrap_or_else(|| panic!("the tray menu {} gave no layout", self.menu));
        // `(uint32 2, (0, {...}, [<(2, {'label': <'Open LDN Journal'>}, @av [])>, ...]))`
        layout
            .split("<(")
            .skip(1)
            .filter_map(|entry| {
                let id = entry.split(',').next()?.trim().parse().ok()?;
                let label = entry.split("'label': <'").nth(1)?.split("'>").next()?;
                Some((id, label.to_string()))
            })
            .collect()
    }

    /// Clicks the entry labelled `label`, as a panel does when the user picks it.
    pub fn click(&self, label: &str) {
        let entries = self.entries();
        let Some((id, _)) = entries.iter().find(|(_, l)| l == label) else {
            panic!("no tray menu entry \"{label}\" in {entries:?}")
        };
        self.call("AboutToShow", &["0"]);
        let clicked = self.call("Event", &[&id.to_string(), "clicked", "<0>", "0"]);
        assert!(clicked.is_some(), "the tray menu refused the click on \"{label}\"");
    }

    fn call(&self, method: &str, args: &[&str]) -> Option<String> {
        let method = format!("com.canonical.dbusmenu.{method}");
        let mut all = vec!["call", "-d", &self.service, "-o", &self.menu, "-m", &method];
        all.extend_from_slice(args);
        self.bus.gdbus(&all)
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        for c in self.children.iter_mut().rev() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// A bare bus standing in for the system bus (pass [`SystemBus::address`] as
/// `DBUS_SYSTEM_BUS_ADDRESS`), where a test sends the signals logind sends: the session
/// locking, the machine going to sleep.
#[derive(Debug)]
pub struct SystemBus {
    address: String,
    daemon: Child,
}

impl SystemBus {
    pub fn start() -> SystemBus {
        let (daemon, address) = dbus_daemon();
        SystemBus { address, daemon }
    }

    pub fn address(&self) -> &str {
        &self.address
    }

    /// Sends the signal `interface.member` from `path` with `args` (GVariant text), as
    /// `gdbus emit` does. (As the "session" bus: with `--address`, gdbus would send it without
    /// registering with the bus, which drops it.)
    pub fn emit(&self, path: &str, signal: &str, args: &[&str]) {
        let status = Command::new("gdbus")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .args(["emit", "--session", "--object-path", path, "--signal", signal])
            .args(args)
            .status()
            .expect("run gdbus (Debian package libglib2.0-bin)");
        assert!(status.success(), "gdbus emit {signal} failed");
    }
}

impl Drop for SystemBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Starts a private `dbus-daemon` on a Unix socket; returns it and its address.
fn dbus_daemon() -> (Child, String) {
    let mut daemon = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1", "--nopidfile"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dbus-daemon (Debian package dbus-daemon)");
    let mut line = String::new();
    let out = daemon.stdout.take().expect("dbus-daemon's output");
    BufReader::new(out).read_line(&mut line).expect("read the bus address");
    let address = line.trim().to_string();
    assert!(!address.is_empty(), "dbus-daemon printed no address");
    (daemon, address)
}
