//! Steps several flows share: dates as the app shows them, moving between screens, catalog ids.

use chrono::NaiveDate;
use journal::{Catalog, CatalogItem};

use crate::app::{App, Home};

/// Today in local time, as the app computes it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `n` days before today.
pub fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(chrono::Days::new(n)).expect("a date in range")
}

/// The screens of the main navigation, each with an element that shows it is loaded.
pub const SCREENS: [(&str, &str); 9] = [
    ("day", "save-day"),
    ("history", "history-month-label"),
    ("trends", "trends"),
    ("regimen", "regimen-list"),
    ("medications", "med-add"),
    ("supply", "fill-save"),
    ("questions", "question-new"),
    ("settings", "journal-path"),
    ("search", "search-text"),
];

/// Opens a screen from the navigation and waits until it shows.
pub async fn open(app: &App, screen: &str) {
    let marker = SCREENS.iter().find(|(s, _)| *s == screen).map(|(_, m)| *m).expect("a known screen");
    app.click(&format!("nav-{screen}")).await;
    app.find(marker).await;
    assert_eq!(
        app.attr(&format!("nav-{screen}"), "aria-current").await.as_deref(),
        Some("page"),
        "the {screen} navigation button is marked current"
    );
}

/// Opens the day view on `date` through the date picker, and waits until it has loaded.
pub async fn open_day(app: &App, date: NaiveDate) {
    open(app, "day").await;
    app.set_value("day-date", &iso(date)).await;
    day_loaded(app, date).await;
}

/// Waits until the day view shows `date` with its data loaded.
pub async fn day_loaded(app: &App, date: NaiveDate) {
    app.wait_css(&format!("[data-testid=\"day-view\"][data-loaded=\"{}\"]", iso(date))).await;
}

/// The active items of a catalog, in the user's order.
pub fn active(home: &Home, c: Catalog) -> Vec<CatalogItem> {
    home.open_journal().catalog(c).expect("read the catalog").into_iter().filter(|i| !i.archived).collect()
}

/// The id of the catalog item called `name`.
pub fn item_id(home: &Home, c: Catalog, name: &str) -> u32 {
    home.open_journal()
        .catalog(c)
        .expect("read the catalog")
        .into_iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no {c:?} item called {name:?}"))
        .id
}

/// The markup of a Trends chart (`kind` as in `trends-chart-<kind>`), as shown.
pub async fn chart_svg(app: &App, kind: &str) -> String {
    let v = app
        .exec(
            "return document.querySelector(arguments[0]).innerHTML;",
            vec![serde_json::json!(crate::tid(&format!("trends-chart-{kind}")))],
        )
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

/// The last `n` days, each with 1.5 mg taken.
pub fn days_at_one_dose(n: u64) -> Vec<journal::Day> {
    (0..n)
        .map(|k| {
            let mut day = journal::Day::new(days_ago(k));
            day.doses.push(journal::Dose::Taken {
                time: None,
                amount: journal::Micrograms(1500),
                formulation: journal::Formulation::Capsule,
                note: String::new(),
                measured: None,
            });
            day
        })
        .collect()
}

/// With `E2E_SHOTS=<dir>`, saves a screenshot there for a person to look at.
pub async fn shot(app: &App, name: &str) {
    if let Some(dir) = std::env::var_os("E2E_SHOTS") {
        app.screenshot(&std::path::Path::new(&dir).join(format!("{name}.png"))).await;
    }
}

/// Waits until `ok` holds (a file written, a process gone), or panics naming `what` after the
/// harness timeout.
pub async fn eventually(what: &str, ok: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !ok() {
        assert!(start.elapsed() < crate::app::timeout(), "timed out waiting for {what}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
