//! Saves a screenshot of every screen, light and dark, to docs/screenshots/ (or the directory
//! given as the first argument). The journal is a synthetic 120-day demo.
//!
//! Run under Xvfb after building the app: `scripts/screenshots` does it all.
//! Dark: the app runs with `GTK_THEME=Adwaita:dark`, which WebKitGTK reports to the page as
//! `prefers-color-scheme: dark`.

use std::path::{Path, PathBuf};

use e2e::flows::{self, today};
use e2e::{App, Home};
use journal::Question;

fn seeded() -> Home {
    Home::seeded(|j| {
        journal::demo::fill(j, 120, 7, today()).expect("demo journal");
        journal::demo::fill_context(j, 7).expect("demo context");
        e2e::app::mark_onboarded(j);
        for (text, resolved) in [
            ("Is it fine to take it in the morning instead of at night?", false),
            ("Should the vivid dreams settle down after a few weeks?", false),
            ("Can I get the liquid form from another pharmacy?", true),
        ] {
            let q = Question { id: 0, text: text.into(), created: today(), resolved };
            j.save_question(&q).expect("save a question");
        }
    })
}

async fn shoot(app: &App, dir: &Path, theme: &str, name: &str) {
    // Let transitions and fonts settle.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let path = dir.join(format!("{name}-{theme}.png"));
    app.screenshot(&path).await;
    println!("{}", path.display());
}

async fn all_screens(dir: &Path, theme: &str, env: Option<(&'static str, &str)>) {
    // British English: dates day first, as most of the world writes them.
    let with = |h: Home| {
        let h = h.with_env("LANG", "en_GB.UTF-8").with_env("LC_ALL", "en_GB.UTF-8");
        match env {
            Some((k, v)) => h.with_env(k, v),
            None => h,
        }
    };

    let app = App::launch(with(Home::new())).await;
    app.find("welcome-start").await;
    shoot(&app, dir, theme, "welcome").await;
    app.quit().await;

    let app = App::launch(with(seeded())).await;
    flows::day_loaded(&app, today()).await;
    shoot(&app, dir, theme, "day").await;

    // The date field's calendar, in the locale's order and names.
    app.click("day-date-calendar").await;
    app.find("day-date-calendar-popup").await;
    shoot(&app, dir, theme, "day-calendar").await;
    app.press(e2e::Key::Escape).await;
    app.wait_gone("day-date-calendar-popup").await;

    // A validation error at its field.
    flows::open_day(&app, flows::days_ago(200)).await;
    app.click("add-dose").await;
    app.type_into("dose-0-amount", "about 1.5").await;
    app.click("save-day").await;
    app.find("field-error-doses[0].amount").await;
    app.exec("document.querySelector('[data-testid=\"dose-0-amount\"]').scrollIntoView({block:'center'})", vec![])
        .await;
    shoot(&app, dir, theme, "day-error").await;

    // The day changed elsewhere (here: written directly, as `ldn-journal log` would) while the
    // app had it open: the save is refused and the edits stay.
    flows::open_day(&app, today()).await;
    {
        let mut j = app.home().open_journal();
        let mut d = j.day(today()).expect("read").unwrap_or_else(|| journal::Day::new(today()));
        d.notes = "Logged from the command line.".into();
        j.save_day(&d).expect("change the day elsewhere");
    }
    app.type_into("notes", "Typed in the app.").await;
    app.click("save-day").await;
    app.find("stale-notice").await;
    app.exec("document.querySelector('[data-testid=\"stale-notice\"]').scrollIntoView({block:'start'})", vec![]).await;
    shoot(&app, dir, theme, "day-stale").await;
    app.click("stale-load-theirs").await;
    app.wait_gone("stale-notice").await;
    flows::open(&app, "history").await;
    shoot(&app, dir, theme, "history").await;
    app.click("history-view-list").await;
    app.find("history-list").await;
    shoot(&app, dir, theme, "history-list").await;

    flows::open(&app, "trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"]").await;
    shoot(&app, dir, theme, "trends").await;

    flows::open(&app, "regimen").await;
    shoot(&app, dir, theme, "regimen").await;
    app.click("regimen-add").await;
    app.find("regimen-form").await;
    shoot(&app, dir, theme, "regimen-form").await;

    flows::open(&app, "questions").await;
    shoot(&app, dir, theme, "questions").await;

    flows::open(&app, "search").await;
    app.type_into("search-text", "brain fog").await;
    app.find("search-hit").await;
    shoot(&app, dir, theme, "search").await;

    flows::open(&app, "settings").await;
    shoot(&app, dir, theme, "settings").await;
    app.exec("document.querySelector('[data-testid=\"reminder-panel\"]').scrollIntoView({block:'start'})", vec![])
        .await;
    shoot(&app, dir, theme, "settings-reminder").await;
    app.exec("document.querySelector('[data-testid=\"fhir-export\"]').scrollIntoView({block:'center'})", vec![]).await;
    shoot(&app, dir, theme, "settings-backups").await;
    app.quit().await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| e2e::driver::workspace_root().join("docs/screenshots"));
    std::fs::create_dir_all(&dir).expect("create the screenshot directory");
    all_screens(&dir, "light", None).await;
    all_screens(&dir, "dark", Some(("GTK_THEME", "Adwaita:dark"))).await;
}
