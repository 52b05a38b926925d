//! One running app under WebDriver, and the temporary home it runs in.
//!
//! Helpers panic with a message naming the test id and what was expected: these are tests, and
//! a panic still stops the app cleanly through `Drop`.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::driver::{self, Driver};
use crate::procs;

/// The app holds a single-instance lock: only one may run at a time, also across tests in one
/// binary (run with `--test-threads=1` anyway; this makes a forgotten flag slow, not flaky).
static ONE_APP: Mutex<()> = Mutex::new(());

/// How long helpers wait for the UI: `$E2E_TIMEOUT_MS`, default 10 s.
pub fn timeout() -> Duration {
    let ms = std::env::var("E2E_TIMEOUT_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    Duration::from_millis(ms)
}

/// CSS selector for a `data-testid`.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// A temporary home for one test: the journal file and the app's config, data and cache
/// directories (window state, WebKit storage), kept across restarts and removed on drop.
#[derive(Debug)]
pub struct Home {
    dir: TempDir,
    extra_env: Vec<(&'static str, PathBuf)>,
    /// The app finds its journal in its data folder, as an installed app does, rather than
    /// through `LDN_JOURNAL_DB`.
    in_data_folder: bool,
}

impl Home {
    /// An empty home: the app will create the journal and show the first-run welcome.
    pub fn new() -> Home {
        let dir = tempfile::Builder::new().prefix("ldn-e2e-").tempdir().expect("create a temporary home");
        for sub in ["config", "data", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("create XDG directories");
        }
        Home { dir, extra_env: Vec::new(), in_data_folder: false }
    }

    /// A home whose journal is where an installed app keeps it, `$XDG_DATA_HOME/<APP_ID>/`:
    /// the app starts without `LDN_JOURNAL_DB`, so it also settles folders of older releases.
    pub fn in_data_folder() -> Home {
        Home { in_data_folder: true, ..Home::new() }
    }

    /// Adds an environment variable for the app (e.g. `GTK_THEME` for the dark theme).
    pub fn with_env(mut self, key: &'static str, value: &str) -> Home {
        self.extra_env.push((key, PathBuf::from(value)));
        self
    }

    /// A home whose journal was filled by `fill` before the app starts.
    pub fn seeded(fill: impl FnOnce(&mut journal::Journal)) -> Home {
        let home = Home::new();
        let mut j = home.open_journal();
        fill(&mut j);
        home
    }

    /// A home past the first-run welcome, with the chronic-pain starter symptoms.
    pub fn onboarded() -> Home {
        Home::seeded(onboard)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn journal_path(&self) -> PathBuf {
        if self.in_data_folder {
            self.data_folder(journal::paths::APP_ID).join(journal::paths::FILE_NAME)
        } else {
            self.dir.path().join("journal.sqlite3")
        }
    }

    /// The app's folder under `$XDG_DATA_HOME` for an identifier (the current or an old one).
    pub fn data_folder(&self, app_id: &str) -> PathBuf {
        self.dir.path().join("data").join(app_id)
    }

    /// Opens the journal directly (to seed it, or to check what the app wrote). Drop it before
    /// the app writes again.
    pub fn open_journal(&self) -> journal::Journal {
        if let Some(folder) = self.journal_path().parent() {
            std::fs::create_dir_all(folder).expect("create the journal's folder");
        }
        journal::Journal::open(self.journal_path()).expect("open the test journal")
    }

    /// What the app's next file dialog answers: the app's debug builds read it from the file
    /// that `LDN_JOURNAL_TEST_DIALOG` names (src-tauri/src/pick.rs), since WebDriver cannot
    /// drive a native dialog. `None`: the user cancels.
    pub fn answer_dialog(&self, path: Option<&Path>) {
        let text = path.map(|p| p.display().to_string()).unwrap_or_default();
        std::fs::write(self.dialog_answer(), text).expect("write the dialog's answer");
    }

    fn dialog_answer(&self) -> PathBuf {
        self.dir.path().join("dialog-answer")
    }

    fn env(&self) -> Vec<(&'static str, PathBuf)> {
        let mut env = vec![
            ("LDN_JOURNAL_TEST_DIALOG", self.dialog_answer()),
            ("XDG_CONFIG_HOME", self.path().join("config")),
            ("XDG_DATA_HOME", self.path().join("data")),
            ("XDG_CACHE_HOME", self.path().join("cache")),
        ];
        if !self.in_data_folder {
            env.push((journal::paths::DB_ENV, self.journal_path()));
        }
        env.extend(self.extra_env.iter().cloned());
        env
    }
}

impl Default for Home {
    fn default() -> Self {
        Home::new()
    }
}

/// Marks the welcome as done and adds the chronic-pain starter set, as a patient would.
pub fn onboard(j: &mut journal::Journal) {
    j.add_starter_set(journal::catalog::StarterSet::ChronicPain).expect("add starter symptoms");
    mark_onboarded(j);
}

/// Marks the welcome as done (as its Start button does).
pub fn mark_onboarded(j: &mut journal::Journal) {
    j.set_setting(journal::store::Setting::Onboarded, Some("1")).expect("mark onboarded");
}

/// What tells the harness the UI is ready after a launch: the first-run welcome, the day's form
/// (shown once the day has loaded), the message that the journal could not be opened, or the
/// unlock screen of an encrypted journal.
pub const READY: &str = "[data-testid=\"welcome\"], [data-testid=\"save-day\"], [data-testid=\"journal-error\"], [data-testid=\"unlock-screen\"]";

/// The running app.
#[derive(Debug)]
pub struct App {
    client: Option<Client>,
    driver: Option<Driver>,
    app_pid: Option<u32>,
    home: Option<Home>,
    ready_uptime: Option<f64>,
    /// The app and its WebKit processes.
    tree: Vec<u32>,
    _one: MutexGuard<'static, ()>,
}

impl App {
    /// Starts the app on an empty journal.
    pub async fn launch_fresh() -> App {
        App::launch(Home::new()).await
    }

    /// Starts the app on `home` and waits until the first screen is shown.
    pub async fn launch(home: Home) -> App {
        App::launch_until(home, READY).await
    }

    /// Starts the app on `home` and waits until `ready` (a CSS selector) matches.
    pub async fn launch_until(home: Home, ready: &str) -> App {
        App::launch_binary(&driver::app_binary(), home, ready).await
    }

    /// Starts `bin` (the app, or another Tauri binary such as the bare-window fixture) on
    /// `home` and waits until `ready` matches.
    pub async fn launch_binary(bin: &Path, home: Home, ready: &str) -> App {
        let one = ONE_APP.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let bin = std::path::absolute(bin).unwrap_or_else(|_| bin.to_path_buf());
        assert!(
            bin.is_file(),
            "app binary {} not found: build it first (cargo build -p ldn-journal-app) or set LDN_APP_BIN",
            bin.display()
        );
        let env = home.env();
        let env: Vec<(&str, &Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
        let driver = Driver::start(&env).expect("start tauri-driver");
        let mut app = App {
            client: None,
            driver: Some(driver),
            app_pid: None,
            home: Some(home),
            ready_uptime: None,
            tree: Vec::new(),
            _one: one,
        };
        let client = app.connect(&bin).await;
        app.client = Some(client);
        app.app_pid = app.driver.as_ref().and_then(|d| procs::find_descendant(d.pid(), &bin));
        app.wait_css_every(ready, Duration::from_millis(5)).await;
        app.ready_uptime = procs::uptime_secs();
        if let Some(pid) = app.app_pid {
            app.tree = std::iter::once(pid).chain(procs::descendants(pid)).collect();
        }
        app
    }

    async fn connect(&self, bin: &Path) -> Client {
        let caps = json!({ "browserName": "wry", "tauri:options": { "application": bin } });
        let serde_json::Value::Object(caps) = caps else { unreachable!("a JSON object literal") };
        let url = self.driver.as_ref().map(Driver::url).expect("driver running");
        ClientBuilder::rustls()
            .expect("TLS roots")
            .capabilities(caps)
            .connect(&url)
            .await
            .unwrap_or_else(|e| panic!("WebDriver session with the app failed: {e}"))
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session open")
    }

    /// Seconds from the app process's start until the first screen was ready, from /proc
    /// (10 ms resolution; the WebDriver poll adds up to 5 ms).
    pub fn launch_secs(&self) -> Option<f64> {
        Some(self.ready_uptime? - procs::start_secs(self.app_pid?)?)
    }

    pub fn home(&self) -> &Home {
        self.home.as_ref().expect("home present")
    }

    /// The app's process id (the WebKit processes are its children).
    pub fn pid(&self) -> Option<u32> {
        self.app_pid
    }

    /// Closes the window (ending the session), stops the driver and waits until the app has
    /// exited; returns the home so the next launch finds the same journal.
    pub async fn quit(mut self) -> Home {
        if let Some(client) = self.client.take() {
            // Closing the session closes the app's window; errors mean it is already gone.
            let _ = client.close().await;
        }
        self.stop_processes();
        self.home.take().expect("home present")
    }

    /// Quits and starts again on the same journal and settings.
    pub async fn restart(self) -> App {
        let home = self.quit().await;
        App::launch(home).await
    }

    /// Stops tauri-driver, then waits for the app and its WebKit processes (recorded at launch:
    /// once the app exits they are no longer its children) and ends any that linger.
    fn stop_processes(&mut self) {
        if let Some(pid) = self.app_pid.take() {
            self.tree.extend(procs::descendants(pid));
        }
        if let Some(mut d) = self.driver.take() {
            d.stop();
        }
        for pid in std::mem::take(&mut self.tree) {
            if !procs::wait_exit(pid, Duration::from_secs(5)) {
                procs::terminate_and_wait(pid, Duration::from_secs(10));
            }
        }
    }

    // ---- finding and waiting ----

    /// Waits until a CSS selector matches; returns the first match.
    pub async fn wait_css(&self, css: &str) -> Element {
        self.wait_css_every(css, Duration::from_millis(30)).await
    }

    /// Like [`App::wait_css`], polling every `interval` (short when timing the launch).
    pub async fn wait_css_every(&self, css: &str, interval: Duration) -> Element {
        let deadline = Instant::now() + timeout();
        loop {
            if let Ok(e) = self.client().find(Locator::Css(css)).await {
                return e;
            }
            if Instant::now() > deadline {
                self.fail(format!("nothing matched {css} within {:?}", timeout())).await;
            }
            tokio::time::sleep(interval).await;
        }
    }

    /// Waits for the element with this `data-testid`.
    pub async fn find(&self, id: &str) -> Element {
        self.wait_css(&tid(id)).await
    }

    /// All elements matching a CSS selector right now.
    pub async fn all_css(&self, css: &str) -> Vec<Element> {
        self.client().find_all(Locator::Css(css)).await.unwrap_or_default()
    }

    /// Whether an element with this `data-testid` is present right now.
    pub async fn exists(&self, id: &str) -> bool {
        !self.all_css(&tid(id)).await.is_empty()
    }

    /// Waits until no element has this `data-testid`.
    pub async fn wait_gone(&self, id: &str) {
        let deadline = Instant::now() + timeout();
        while self.exists(id).await {
            if Instant::now() > deadline {
                self.fail(format!("{id} still present after {:?}", timeout())).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the text of `id` satisfies `ok`; returns it.
    pub async fn wait_text(&self, id: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        let mut last = String::new();
        loop {
            if let Ok(e) = self.client().find(Locator::Css(&tid(id))).await
                && let Ok(t) = e.text().await
            {
                if ok(&t) {
                    return t;
                }
                last = t;
            }
            if Instant::now() > deadline {
                self.fail(format!("text of {id} never became {what}; last seen: {last:?}")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the value of the form control `id` satisfies `ok`; returns it.
    pub async fn wait_value(&self, id: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let v = self.value(id).await;
            if ok(&v) {
                return v;
            }
            if Instant::now() > deadline {
                self.fail(format!("value of {id} never became {what}; last seen: {v:?}")).await;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
    }

    /// Waits until `id` contains `needle` (case-sensitive).
    pub async fn wait_contains(&self, id: &str, needle: &str) -> String {
        self.wait_text(id, &format!("containing {needle:?}"), |t| t.contains(needle)).await
    }

    /// Fails the test after saving a screenshot and the page's HTML under
    /// `<target dir>/e2e-failures/<test name>.{png,html}`, so a failure can be looked at.
    pub async fn fail(&self, msg: String) -> ! {
        let name = std::thread::current().name().unwrap_or("e2e").replace("::", "-");
        let dir = driver::target_dir().join("e2e-failures");
        let png = dir.join(format!("{name}.png"));
        let html = dir.join(format!("{name}.html"));
        let mut saved = String::new();
        if let Ok(bytes) = self.png().await
            && std::fs::create_dir_all(&dir).is_ok()
            && std::fs::write(&png, bytes).is_ok()
        {
            saved = format!("\nscreenshot: {}", png.display());
        }
        if let Ok(source) = self.client().source().await
            && std::fs::write(&html, source).is_ok()
        {
            saved.push_str(&format!("\npage HTML: {}", html.display()));
        }
        panic!("{msg}{saved}");
    }

    // ---- reading ----

    /// The visible text of `id`.
    pub async fn text(&self, id: &str) -> String {
        self.find(id).await.text().await.unwrap_or_else(|e| panic!("read text of {id}: {e}"))
    }

    /// All text inside `id`, including text only screen readers get (visually hidden).
    pub async fn text_content(&self, id: &str) -> String {
        let e = self.find(id).await;
        let arg = serde_json::to_value(&e).expect("element as JSON");
        let v = self.exec("return arguments[0].textContent;", vec![arg]).await;
        v.as_str().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The current `value` of the form control `id`.
    pub async fn value(&self, id: &str) -> String {
        self.find(id)
            .await
            .prop("value")
            .await
            .unwrap_or_else(|e| panic!("read value of {id}: {e}"))
            .unwrap_or_default()
    }

    /// Whether the checkbox or radio `id` is checked.
    pub async fn checked(&self, id: &str) -> bool {
        self.find(id).await.is_selected().await.unwrap_or_else(|e| panic!("read checked of {id}: {e}"))
    }

    /// An attribute of `id`.
    pub async fn attr(&self, id: &str, name: &str) -> Option<String> {
        self.find(id).await.attr(name).await.unwrap_or_else(|e| panic!("read {name} of {id}: {e}"))
    }

    // ---- acting ----

    /// Scrolls `e` to the middle of its scroll area, as a user would before using it (at the
    /// edge it would sit under the day view's sticky save bar).
    pub async fn reveal(&self, e: &Element) {
        let arg = serde_json::to_value(e).expect("element as JSON");
        self.exec("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });", vec![arg]).await;
    }

    /// Clicks `id` once it is present.
    pub async fn click(&self, id: &str) {
        let e = self.find(id).await;
        self.reveal(&e).await;
        if let Err(err) = e.click().await {
            self.fail(format!("click {id}: {err:?}")).await;
        }
    }

    /// Clicks the first element matching a CSS selector.
    pub async fn click_css(&self, css: &str) {
        let e = self.wait_css(css).await;
        e.click().await.unwrap_or_else(|err| panic!("click {css}: {err}"));
    }

    /// Clicks the radio or checkbox `id` as a user would: chips hide the input itself, so the
    /// click goes to its label when the input is not interactable.
    pub async fn choose(&self, id: &str) {
        let e = self.find(id).await;
        self.reveal(&e).await;
        if e.click().await.is_err() {
            let label = e.find(Locator::XPath("./ancestor::label[1]")).await;
            match label {
                Ok(l) => {
                    if let Err(err) = l.click().await {
                        self.fail(format!("click the label of {id}: {err:?}")).await;
                    }
                }
                Err(err) => self.fail(format!("{id} is not clickable and has no label: {err}")).await,
            }
        }
        if !e.is_selected().await.unwrap_or(false) {
            self.fail(format!("{id} is not checked after clicking it")).await;
        }
    }

    /// Replaces the text of the input `id` by typing `text`, as a user would.
    pub async fn type_into(&self, id: &str, text: &str) {
        let e = self.find(id).await;
        self.reveal(&e).await;
        e.clear().await.unwrap_or_else(|err| panic!("clear {id}: {err}"));
        if !text.is_empty() {
            e.send_keys(text).await.unwrap_or_else(|err| panic!("type into {id}: {err}"));
        }
    }

    /// Sets the value of `id` and fires `input` and `change`, as a browser does after a user
    /// edits a control. For date, time and range inputs, whose typing rules differ by engine.
    pub async fn set_value(&self, id: &str, value: &str) {
        let e = self.find(id).await;
        let arg = serde_json::to_value(&e).expect("element as JSON");
        self.exec(
            "const [el, v] = arguments;
             const proto = Object.getPrototypeOf(el);
             const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
             setter.call(el, v);
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![arg, json!(value)],
        )
        .await;
    }

    /// Selects the option with this value in the `<select>` `id`.
    pub async fn select(&self, id: &str, value: &str) {
        let e = self.find(id).await;
        // WebKitWebDriver refuses to click an option of a select scrolled out of view.
        self.reveal(&e).await;
        e.select_by_value(value).await.unwrap_or_else(|err| panic!("select {value} in {id}: {err}"));
    }

    /// Sends keys to whatever has focus (use `fantoccini::key::Key` for special keys).
    pub async fn keys(&self, text: &str) {
        let active = self.client().active_element().await.expect("an active element");
        active.send_keys(text).await.unwrap_or_else(|err| panic!("send keys: {err}"));
    }

    /// Presses `key` while holding Control (e.g. Ctrl+S) on whatever has focus.
    pub async fn ctrl(&self, key: char) {
        self.chord(Key::Control, key).await;
    }

    /// Presses `key` while holding `modifier`.
    pub async fn chord(&self, modifier: Key, key: char) {
        let m = char::from(modifier);
        let seq = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: m })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: m });
        self.client().perform_actions(seq).await.unwrap_or_else(|err| panic!("press chord: {err}"));
        let _ = self.client().release_actions().await;
    }

    /// Presses a single special key (Tab, arrows, Escape...) on whatever has focus.
    pub async fn press(&self, key: Key) {
        let k = char::from(key);
        let seq =
            KeyActions::new("keyboard".into()).then(KeyAction::Down { value: k }).then(KeyAction::Up { value: k });
        self.client().perform_actions(seq).await.unwrap_or_else(|err| panic!("press key: {err}"));
    }

    /// The `data-testid` of the focused element, if it has one.
    pub async fn focused_testid(&self) -> Option<String> {
        let v = self
            .exec("return document.activeElement && document.activeElement.getAttribute('data-testid');", vec![])
            .await;
        v.as_str().map(str::to_string)
    }

    /// Waits until the element with `data-testid` `id` has focus.
    pub async fn wait_focus(&self, id: &str) {
        let deadline = Instant::now() + timeout();
        loop {
            let focused = self.focused_testid().await;
            if focused.as_deref() == Some(id) {
                return;
            }
            if Instant::now() > deadline {
                self.fail(format!("{id} never got the focus; it is on {focused:?}")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs a script in the page and returns its result.
    pub async fn exec(&self, script: &str, args: Vec<Value>) -> Value {
        self.client().execute(script, args).await.unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
    }

    /// Waits until web fonts have loaded and two frames were painted, so a screenshot shows
    /// what a user sees (fonts load lazily; before that text is invisible).
    pub async fn settle(&self) {
        let script = "const done = arguments[arguments.length - 1];
            document.fonts.ready.then(() =>
                requestAnimationFrame(() => requestAnimationFrame(() => done(true))));";
        if let Err(err) = self.client().execute_async(script, vec![]).await {
            self.fail(format!("waiting for fonts and paint: {err}")).await;
        }
    }

    /// Saves a PNG of the window to `path` (parent directories are created).
    pub async fn screenshot(&self, path: &Path) {
        self.settle().await;
        let png = self.png().await.unwrap_or_else(|err| panic!("screenshot: {err}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the screenshot directory");
        }
        std::fs::write(path, png).unwrap_or_else(|err| panic!("write {}: {err}", path.display()));
    }

    /// A PNG of the window. WebKitWebDriver takes it at the page's next rendering update;
    /// without GPU compositing (src-tauri/src/webview.rs) an idle page, with no caret blinking
    /// and nothing animating, has none, and the call would wait forever. A one-pixel,
    /// near-transparent dot that changes every frame meanwhile gives it one.
    async fn png(&self) -> Result<Vec<u8>, fantoccini::error::CmdError> {
        let nudge = "const dot = document.createElement('div');
            dot.id = 'e2e-repaint-nudge';
            dot.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none';
            document.body.append(dot);
            let odd = false;
            dot.dataset.timer = String(setInterval(() => {
                odd = !odd;
                dot.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
            }, 16));";
        let unnudge = "const dot = document.getElementById('e2e-repaint-nudge');
            if (dot) { clearInterval(Number(dot.dataset.timer)); dot.remove(); }";
        self.client().execute(nudge, vec![]).await?;
        let png = self.client().screenshot().await;
        self.client().execute(unnudge, vec![]).await?;
        png
    }
}

impl Drop for App {
    /// A test that panics still ends its app: SIGTERM to tauri-driver (which ends WebKitWebDriver
    /// and so the app), then to the app itself if it lingers, so the next test can start one.
    fn drop(&mut self) {
        self.client.take();
        self.stop_processes();
    }
}
