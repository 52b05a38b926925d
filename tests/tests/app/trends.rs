//! Trends in the real app: a demo journal, the range presets and a custom range, the symptom
//! picker, the empty state. Also prints how long the view takes to update after a range change
//! (from the click to the next frame with the new charts), measured in the page.

use e2e::{App, Home, tid};
use serde_json::json;

fn demo_home() -> Home {
    Home::seeded(|j| {
        j.set_setting(journal::store::Setting::Onboarded, Some("1")).expect("mark onboarded");
        journal::demo::fill(j, 400, 3, chrono::Local::now().date_naive()).expect("demo data");
        journal::demo::fill_context(j, 3).expect("demo context");
    })
}

async fn dose_chart(app: &App) -> String {
    e2e::flows::chart_svg(app, "dose_symptoms").await
}

/// Milliseconds the `trends` command takes for the preset's range, measured in the page.
async fn command_ms(app: &App, preset: &str) -> f64 {
    let script = r#"
        const [span, done] = [arguments[0], arguments[arguments.length - 1]];
        const [from, to] = span.split('..');
        const request = { from, to, symptoms: null, theme: 'light' };
        const t0 = performance.now();
        window.__TAURI_INTERNALS__.invoke('trends', { request }).then(() => done(performance.now() - t0), () => done(-1));
    "#;
    let span = app.attr("trends", "data-span").await.unwrap_or_default();
    let ms = app.client().execute_async(script, vec![json!(span)]).await.expect("command timing script");
    let ms = ms.as_f64().unwrap_or(-1.0);
    assert!(ms >= 0.0, "the trends command failed for {preset}");
    ms
}

async fn wait_ready(app: &App) {
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"] [data-testid=\"trends-chart-dose_symptoms\"] svg")
        .await;
}

#[tokio::test(flavor = "current_thread")]
async fn trends_follow_the_range_and_the_symptom_selection() {
    let app = App::launch(demo_home()).await;
    app.click("nav-trends").await;
    wait_ready(&app).await;
    for kind in ["dose_symptoms", "sleep", "side_effects", "wellbeing", "measures"] {
        app.wait_css(&format!("{} svg", tid(&format!("trends-chart-{kind}")))).await;
    }
    let three_months = dose_chart(&app).await;
    assert!(three_months.contains("Dose and symptom scores") && three_months.contains("DejaVu Sans"));
    let rows = app.all_css(&format!("{} tbody tr", tid("trends-periods"))).await.len();
    assert!(rows >= 1, "the period table has rows");

    // Every preset redraws the charts. Print how long each took, twice round (the first
    // round includes the webview's warm-up), and how much of it is the command itself.
    for round in 1..=2 {
        let mut times = Vec::new();
        for preset in e2e::timing::RANGE_PRESETS {
            let [dom, layout, frame] = e2e::timing::trends_range_change(&app, &format!("trends-range-{preset}")).await;
            let ipc = command_ms(&app, preset).await;
            println!(
                "round {round}: {preset}: charts in the DOM {dom:.0} ms, laid out {layout:.0} ms, next frame {frame:.0} ms; the command alone {ipc:.0} ms"
            );
            times.push(frame);
        }
        times.sort_by(f64::total_cmp);
        println!("round {round}: median {:.0} ms, max {:.0} ms", times[times.len() / 2], times[times.len() - 1]);
    }

    app.click("trends-range-1y").await;
    wait_ready(&app).await;
    let year = app.wait_text("trends-span", "a year's span", |t| t.contains("days logged")).await;
    let one_year = dose_chart(&app).await;
    assert_ne!(one_year, three_months, "the chart changes with the range");
    let span = app.attr("trends", "data-span").await.unwrap_or_default();
    println!("1 year: {span}, {year}");
    e2e::flows::shot(&app, "trends-1y-top").await;
    app.exec("document.querySelector(arguments[0]).scrollIntoView();", vec![json!(tid("trends-periods"))]).await;
    e2e::flows::shot(&app, "trends-1y-table").await;

    // Symptom picker: show Anxiety, hide Pain.
    let shown = |name: &str| format!("label:has(> input[aria-label=\"{name}\"])");
    assert!(one_year.contains("Pain") && !one_year.contains("Anxiety"));
    app.click_css(&shown("Anxiety")).await;
    let with_anxiety = wait_chart(&app, |svg| svg.contains("Anxiety")).await;
    assert!(with_anxiety.contains("Pain"));
    app.click_css(&shown("Pain")).await;
    let without_pain = wait_chart(&app, |svg| !svg.contains(">\nPain\n<") && !svg.contains(">Pain<")).await;
    assert!(without_pain.contains("Anxiety"));

    // A custom range with nothing logged shows the empty state instead of charts.
    app.click("trends-range-custom").await;
    app.set_value("trends-from", "2001-01-01").await;
    app.set_value("trends-to", "2001-03-31").await;
    app.find("trends-empty").await;
    e2e::flows::shot(&app, "trends-empty").await;
    assert!(!app.exists("trends-chart-dose_symptoms").await);

    // A backwards range is named, and nothing is asked of the journal.
    app.set_value("trends-from", "2001-04-01").await;
    let msg = app.wait_text("trends-range-error", "an error", |t| !t.is_empty()).await;
    assert!(msg.contains("before the start date"), "{msg}");
}

async fn wait_chart(app: &App, ok: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + e2e::app::timeout();
    loop {
        let svg = dose_chart(app).await;
        if ok(&svg) {
            return svg;
        }
        assert!(std::time::Instant::now() < deadline, "the dose chart did not change as expected");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
