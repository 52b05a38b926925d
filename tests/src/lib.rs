//! Harness for the end-to-end tests: drives the built LDN Journal app in its real WebKitGTK
//! webview through tauri-driver and WebKitWebDriver.
//!
//! Each test gets its own [`Home`] (a temporary journal plus XDG config/data/cache directories)
//! and its own tauri-driver on free ports. The app is a single instance, so apps run one at a
//! time: run the suite with `--test-threads=1` under Xvfb, after building the UI and the app:
//!
//! ```text
//! (cd ui && npm ci && npm run build) && cargo build -p ldn-journal-app
//! xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p e2e -- --test-threads=1
//! ```
//!
//! The binary is `$LDN_APP_BIN`, else `<$CARGO_TARGET_DIR or target>/debug/ldn-journal-app`.
//! `E2E_VERBOSE=1` shows tauri-driver's and the app's stderr; `E2E_TIMEOUT_MS` changes waits.

pub mod app;
pub mod axe;
pub mod bus;
pub mod driver;
pub mod evening;
pub mod flows;
pub mod procs;
pub mod timing;

pub use app::{App, Home, onboard, tid};
pub use fantoccini::key::Key;
