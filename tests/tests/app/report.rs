//! Export PDF in the real app: the options dialog (private content off by default, the range
//! on screen prefilled), then the native save dialog that the command opens in Rust. WebDriver
//! cannot drive it: the app's debug build answers it with the path the test wrote
//! (`Home::answer_dialog`).

use e2e::{App, Home, tid};
use serde_json::json;

fn demo_home() -> Home {
    Home::seeded(|j| {
        j.set_setting(journal::store::Setting::Onboarded, Some("1")).expect("mark onboarded");
        j.set_setting(journal::store::Setting::PatientName, Some("Zoë Ñúñez")).expect("name");
        journal::demo::fill(j, 90, 5, chrono::Local::now().date_naive()).expect("demo data");
    })
}

#[tokio::test(flavor = "current_thread")]
async fn export_pdf_options_then_the_file() {
    let app = App::launch(demo_home()).await;
    app.click("nav-trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"] [data-testid=\"trends-chart-dose_symptoms\"] svg")
        .await;
    app.click("export-pdf").await;
    app.find("export-pdf-dialog").await;

    // The range on screen (3 months by default) is prefilled; nothing private is ticked.
    let span = app.attr("trends", "data-span").await.unwrap_or_default();
    let to = span.split("..").nth(1).unwrap_or_default().to_owned();
    // The date fields show the dates in the locale's form; `data-value` holds the ISO date.
    assert_eq!(app.attr("export-pdf-to", "data-value").await.unwrap_or_default(), to);
    assert!(!app.attr("export-pdf-from", "data-value").await.unwrap_or_default().is_empty());
    for private in ["export-pdf-notes", "export-pdf-dream-notes", "export-pdf-name"] {
        assert!(!app.checked(private).await, "{private} must be off by default");
    }
    assert!(app.checked("export-pdf-a4").await);

    // A range that ends before it starts is refused at the field.
    app.set_value("export-pdf-to", "2000-01-01").await;
    app.wait_contains("export-pdf-range-error", "before the first day").await;
    let disabled = "return document.querySelector(arguments[0]).disabled;";
    assert_eq!(app.exec(disabled, vec![json!(tid("export-pdf-save"))]).await, json!(true));
    app.set_value("export-pdf-to", &to).await;
    app.wait_gone("export-pdf-range-error").await;
    assert_eq!(app.exec(disabled, vec![json!(tid("export-pdf-save"))]).await, json!(false));

    // Cancelling the save dialog writes nothing and keeps the options open.
    app.home().answer_dialog(None);
    app.click("export-pdf-save").await;
    app.settle().await;
    assert!(!app.exists("export-pdf-saved").await);
    assert!(!app.exists("export-pdf-error").await);

    // The user types a name without ".pdf": the file gets it.
    let out = app.home().path().join("summary");
    app.home().answer_dialog(Some(&out));
    app.click("export-pdf-save").await;
    app.wait_contains("export-pdf-saved", "summary.pdf").await;
    let pdf = std::fs::read(app.home().path().join("summary.pdf")).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(!out.exists(), "the name the user typed gets its extension");

    e2e::axe::assert_accessible(&app, "Export PDF dialog").await;
    app.click("export-pdf-close").await;
    app.wait_gone("export-pdf-dialog").await;
}
