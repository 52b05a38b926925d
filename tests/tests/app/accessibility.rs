//! Every screen, checked with axe-core in the real webview: no serious or critical violations.
//! All screens are checked before failing, so one run lists every problem.

use e2e::axe::{assert_accessible, blocking_report};
use e2e::flows::{self, days_ago, today};
use e2e::{App, Home};
use journal::Question;

#[tokio::test]
async fn first_run_is_accessible() {
    let app = App::launch(Home::new()).await;
    app.find("welcome-start").await;
    app.settle().await;
    assert_accessible(&app, "first-run welcome").await;
    app.quit().await;
}

#[tokio::test]
async fn every_screen_is_accessible() {
    let home = Home::seeded(|j| {
        journal::demo::fill(j, 60, 3, today()).expect("demo journal");
        e2e::app::mark_onboarded(j);
        let q = Question { id: 0, text: "Morning or evening?".into(), created: today(), resolved: false };
        j.save_question(&q).expect("save a question");
    });
    let app = App::launch(home).await;
    let mut reports = Vec::new();
    let mut check = async |app: &App, screen: &str| {
        app.settle().await;
        reports.push(blocking_report(app, screen).await);
    };

    flows::day_loaded(&app, today()).await;
    check(&app, "day (logged)").await;

    flows::open_day(&app, days_ago(100)).await;
    app.click("add-dose").await;
    app.type_into("dose-0-amount", "lots").await;
    app.click("save-day").await;
    app.find("field-error-doses[0].amount").await;
    check(&app, "day (with a validation error)").await;

    flows::open_day(&app, today()).await;
    flows::open(&app, "history").await;
    check(&app, "history calendar").await;
    app.click("history-view-list").await;
    app.find("history-list").await;
    check(&app, "history list").await;

    flows::open(&app, "trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"]").await;
    check(&app, "trends").await;

    flows::open(&app, "regimen").await;
    check(&app, "regimen").await;
    app.click("regimen-add").await;
    app.find("regimen-form").await;
    check(&app, "regimen form").await;

    flows::open(&app, "medications").await;
    check(&app, "medications").await;

    flows::open(&app, "supply").await;
    app.type_into("fill-strength", "lots").await;
    app.click("fill-save").await;
    app.find("field-error-strength").await;
    check(&app, "supply (with a validation error)").await;
    app.set_value("fill-strength", "").await;

    flows::open(&app, "questions").await;
    check(&app, "questions").await;

    flows::open(&app, "settings").await;
    check(&app, "settings").await;

    let failures: Vec<String> = reports.into_iter().filter(|r| !r.is_empty()).collect();
    if !failures.is_empty() {
        app.fail(failures.join("\n")).await;
    }
    app.quit().await;
}
