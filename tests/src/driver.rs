//! Starting and stopping `tauri-driver`, which starts WebKitWebDriver, which starts the app.
//!
//! Every process is stopped with SIGTERM: SIGKILL on tauri-driver leaves WebKitWebDriver (and
//! so the app) running, and the app's single-instance lock would then swallow the next launch.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::procs;

/// The app binary under test: `$LDN_APP_BIN`, else `<target dir>/debug/ldn-journal-app`.
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("LDN_APP_BIN").filter(|p| !p.is_empty()) {
        return absolute(PathBuf::from(p));
    }
    target_dir().join("debug").join("ldn-journal-app")
}

/// The command-line tool: `$LDN_CLI_BIN`, else `<target dir>/debug/ldn-journal`.
pub fn cli_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("LDN_CLI_BIN").filter(|p| !p.is_empty()) {
        return absolute(PathBuf::from(p));
    }
    target_dir().join("debug").join("ldn-journal")
}

/// `$CARGO_TARGET_DIR` if set, else the workspace's `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|p| !p.is_empty()) {
        Some(p) => absolute(PathBuf::from(p)),
        None => workspace_root().join("target"),
    }
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".."))
}

fn absolute(p: PathBuf) -> PathBuf {
    std::path::absolute(&p).unwrap_or(p)
}

/// A port nobody listens on right now.
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

/// A running tauri-driver with its own ports.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    /// Starts tauri-driver with `env` added to its environment (it passes it on to the app) and
    /// waits until it accepts connections.
    pub fn start(env: &[(&str, &Path)]) -> std::io::Result<Driver> {
        let port = free_port()?;
        let mut native = free_port()?;
        while native == port {
            native = free_port()?;
        }
        let mut cmd = Command::new(std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into()));
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        if std::env::var_os("E2E_VERBOSE").is_none() {
            cmd.stderr(Stdio::null());
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("could not start tauri-driver ({e}); run scripts/setup --test to install it"),
            )
        })?;
        let mut driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        // tauri-driver listens at once but forwards to WebKitWebDriver, which starts a moment
        // later: a session request before then fails with a dropped connection.
        let listening = |p: u16| TcpStream::connect(("127.0.0.1", p)).is_ok();
        while !(listening(port) && listening(native)) {
            if let Some(status) = driver.child.try_wait()? {
                return Err(std::io::Error::other(format!("tauri-driver exited early: {status}")));
            }
            if Instant::now() > deadline {
                return Err(std::io::Error::other("tauri-driver or WebKitWebDriver did not listen within 10 s"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(driver)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops tauri-driver with SIGTERM and waits for it (and WebKitWebDriver) to exit.
    pub fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let descendants = procs::descendants(self.child.id());
        procs::terminate(self.child.id());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // WebKitWebDriver normally goes with tauri-driver; make sure nothing lingers.
        for pid in descendants {
            procs::terminate_and_wait(pid, Duration::from_secs(5));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}
