//! The record's context in the real app: other medications (added, a change of dose), an
//! as-needed intake, an event over several days, measure values, and a private item kept out
//! of the PDF. Each is read back from the journal file.

use e2e::flows::{self, days_ago, iso, today};
use e2e::{App, Home};
use journal::{Catalog, DateRange, Event, Medication};

fn medication(name: &str, as_needed: bool, private: bool) -> Medication {
    Medication {
        id: 0,
        name: name.into(),
        dose: "400 mg".into(),
        schedule: String::new(),
        as_needed,
        from: days_ago(30),
        until: None,
        note: String::new(),
        private,
    }
}

#[tokio::test]
async fn add_a_medication_then_change_its_dose() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "medications").await;
    assert!(app.text("meds-current").await.contains("None recorded"));
    // A bad date range is refused at its field, and the typed text stays.
    app.type_into("med-name", "Vitamin D").await;
    app.type_into("med-dose", "2000 IU").await;
    app.type_into("med-schedule", "mornings").await;
    app.set_value("med-from", &iso(days_ago(20))).await;
    app.set_value("med-until", &iso(days_ago(25))).await;
    app.click("med-add").await;
    let msg = app.text("field-error-until").await;
    assert!(msg.contains("before the start date"), "{msg}");
    assert_eq!(app.value("med-name").await, "Vitamin D");
    app.set_value("med-until", "").await;
    app.click("med-add").await;
    let list = app.wait_contains("meds-current", "Vitamin D").await;
    assert!(list.contains("2000 IU") && list.contains("mornings"), "{list}");

    let id = app.home().open_journal().medications().expect("read")[0].id;
    app.click(&format!("med-{id}-change-dose")).await;
    app.set_value(&format!("med-{id}-new-dose"), "").await;
    app.type_into(&format!("med-{id}-new-dose"), "4000 IU").await;
    app.set_value(&format!("med-{id}-from"), &iso(days_ago(5))).await;
    app.click(&format!("med-{id}-confirm")).await;
    app.wait_contains("meds-current", "4000 IU").await;
    let past = app.wait_contains("meds-past", "2000 IU").await;
    assert!(past.contains("Vitamin D"), "{past}");
    let home = app.quit().await;

    let meds = home.open_journal().medications().expect("read");
    let summary: Vec<_> = meds.iter().map(|m| (m.dose.as_str(), m.from, m.until)).collect();
    assert_eq!(
        summary,
        [("2000 IU", days_ago(20), Some(days_ago(6))), ("4000 IU", days_ago(5), None)],
        "a change of dose ends one entry and starts the next"
    );
}

#[tokio::test]
async fn log_an_as_needed_intake_and_measure_values_with_the_day() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        j.save_medication(&medication("Ibuprofen", true, false)).expect("medication");
        let weight = journal::measure::template_named("weight").expect("template").measure();
        j.save_measure(&weight).expect("measure");
        j.save_measure(&journal::measure::template_named("blood pressure").expect("template").measure())
            .expect("measure");
    });
    let app = App::launch(home).await;
    flows::open_day(&app, today()).await;
    let (prn, weight, bp) = {
        let j = app.home().open_journal();
        let m = j.medications().expect("read");
        let ms = j.measures().expect("read");
        (m[0].id, ms[0].id, ms[1].id)
    };
    app.click(&format!("intake-add-{prn}")).await;
    app.set_value("intake-0-time", "14:00").await;
    app.type_into("intake-0-amount", "1 tablet").await;
    // A value with too many decimals is refused at its field on save; fixed, it saves.
    app.type_into(&format!("measure-{weight}"), "71,35").await;
    app.click(&format!("measure-{bp}-add")).await;
    app.set_value("reading-1-time", "08:00").await;
    app.type_into("reading-1-value", "120/80").await;
    app.click("save-day").await;
    let msg = app.text("field-error-readings[0].value").await;
    assert_eq!(msg, "Weight has 1 decimal; got 71.35");
    app.set_value(&format!("measure-{weight}"), "").await;
    app.type_into(&format!("measure-{weight}"), "71,3").await;
    app.click("save-day").await;
    app.wait_text("day-status", "saved", |t| t == "Saved").await;
    let home = app.quit().await;

    let day = home.open_journal().day(today()).expect("read").expect("the day is logged");
    assert_eq!(day.intakes.len(), 1);
    assert_eq!((day.intakes[0].medication, day.intakes[0].amount.as_str()), (prn, "1 tablet"));
    let values: Vec<_> = day.readings.iter().map(|r| (r.measure, r.value.to_string())).collect();
    assert_eq!(values, [(weight, "71.3".to_string()), (bp, "120/80".to_string())]);
}

#[tokio::test]
async fn an_event_spans_days_and_is_ended_on_a_later_one() {
    let app = App::launch(Home::onboarded()).await;
    let start = days_ago(4);
    flows::open_day(&app, start).await;
    let flare = flows::item_id(app.home(), Catalog::EventKinds, "flare");
    app.select("event-kind", &flare.to_string()).await;
    app.select("event-lasts", "ongoing").await;
    app.type_into("event-note", "knees").await;
    app.click("event-add").await;
    let events = app.wait_contains("events", "ongoing").await;
    assert!(events.contains("flare") && events.contains("knees"), "{events}");

    // Two days later it still covers the day, and ends there.
    flows::open_day(&app, days_ago(2)).await;
    let id = app.home().open_journal().events(DateRange::all()).expect("read")[0].id;
    app.wait_contains("events", "ongoing").await;
    app.click(&format!("event-{id}-end")).await;
    app.wait_text(&format!("event-{id}"), "ended", |t| !t.contains("ongoing")).await;
    flows::open_day(&app, days_ago(1)).await;
    app.wait_contains("events", "No event covers this day").await;
    let home = app.quit().await;

    let events = home.open_journal().events(DateRange::all()).expect("read");
    assert_eq!(events, [Event { id, kind: flare, from: start, to: Some(days_ago(2)), note: "knees".into() }]);
}

#[tokio::test]
async fn settings_keep_an_event_kind_and_a_measure_out_of_reports() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "settings").await;
    let period = flows::item_id(app.home(), Catalog::EventKinds, "period");
    assert!(!app.checked(&format!("event-kind-{period}-private")).await);
    app.click(&format!("event-kind-{period}-private")).await;
    // A measure from a template, private from the start.
    app.select("measure-template", "Weight").await;
    assert_eq!(app.value("measure-unit").await, "kg");
    app.click("measure-private").await;
    app.click("measure-add").await;
    app.wait_contains("measure-list", "Weight").await;
    // One of the patient's own: without a name it is refused at the field, with one it is added.
    app.type_into("measure-unit", "mg/L").await;
    app.select("measure-decimals", "1").await;
    app.click("measure-add").await;
    let msg = app.text("field-error-name").await;
    assert!(msg.contains("cannot be empty"), "{msg}");
    app.type_into("measure-name", "CRP").await;
    app.click("measure-add").await;
    app.wait_contains("measure-list", "CRP").await;
    let home = app.quit().await;

    let j = home.open_journal();
    assert!(j.find_item(Catalog::EventKinds, "period").expect("read").expect("kind").private);
    let measures: Vec<_> =
        j.measures().expect("read").into_iter().map(|m| (m.name, m.unit, m.decimals, m.private)).collect();
    assert_eq!(measures, [("Weight".into(), "kg".into(), 1, true), ("CRP".into(), "mg/L".into(), 1, false)]);
}

/// The inner HTML of the element with test id `id`.
async fn html(app: &App, id: &str) -> String {
    let v =
        app.exec("return document.querySelector(arguments[0]).innerHTML;", vec![serde_json::json!(e2e::tid(id))]).await;
    v.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn see_medications_events_and_measures_in_trends() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        // A month at one dose: the medication's and the event's labels have the marker rows
        // to themselves (dose steps outrank them when room runs out).
        let weight = j.save_measure(&journal::measure::template_named("weight").expect("template").measure());
        let weight = weight.expect("measure");
        for mut day in flows::days_at_one_dose(30) {
            if day.date == days_ago(3) {
                day.readings.push(journal::Reading {
                    measure: weight.id,
                    time: None,
                    value: journal::MeasureValue::parse("71.3").expect("value"),
                });
            }
            j.save_day(&day).expect("day");
        }
        let mut vitamin = medication("Vitamin D", false, false);
        vitamin.from = days_ago(20);
        j.save_medication(&vitamin).expect("medication");
        let flare = j.find_item(Catalog::EventKinds, "flare").expect("read").expect("starter kind");
        j.save_event(&Event { id: 0, kind: flare.id, from: days_ago(12), to: Some(days_ago(9)), note: String::new() })
            .expect("event");
    });
    let app = App::launch(home).await;
    app.click("nav-trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"] [data-testid=\"trends-chart-measures\"] svg").await;
    let dose = html(&app, "trends-chart-dose_symptoms").await;
    assert!(dose.contains("+ Vitamin D"), "the medication's start is a marker");
    assert!(dose.contains("\nflare\n") && dose.contains("event days"), "the event is a labelled, shaded span");
    let sleep = html(&app, "trends-chart-sleep").await;
    assert!(sleep.contains("\nflare\n"), "the sleep chart shows the event too");
    let measures = html(&app, "trends-chart-measures").await;
    assert!(measures.contains("Weight (kg)"), "the measures chart has the weight panel");
    let table = app.text("trends-periods").await;
    let table = table.replace('\u{a0}', " ");
    assert!(table.contains("Weight") && table.contains("71.3 kg"), "{table}");
    assert!(table.contains("flare (days)") && table.contains("4 days"), "{table}");
}

/// The text of a PDF, read back by poppler's `pdftotext` (installed by `scripts/setup --test`).
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext read {}", path.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exports a PDF of the range on screen to `name` in the test's home, with or without the items
/// kept out of reports, and returns its text.
async fn export_pdf(app: &App, name: &str, private_items: bool) -> String {
    app.click("export-pdf").await;
    app.find("export-pdf-dialog").await;
    assert!(!app.checked("export-pdf-private-items").await, "private items are off by default");
    if private_items {
        app.click("export-pdf-private-items").await;
    }
    let out = app.home().path().join(name);
    app.home().answer_dialog(Some(&out));
    app.click("export-pdf-save").await;
    app.wait_contains("export-pdf-saved", name).await;
    app.click("export-pdf-close").await;
    app.wait_gone("export-pdf-dialog").await;
    pdf_text(&out)
}

#[tokio::test]
async fn a_private_medication_stays_out_of_the_pdf_unless_asked_for() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        for day in flows::days_at_one_dose(10) {
            j.save_day(&day).expect("day");
        }
        j.save_medication(&medication("Vitamin D", false, false)).expect("medication");
        j.save_medication(&medication("Sertraline", false, true)).expect("medication");
    });
    let app = App::launch(home).await;
    app.click("nav-trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"] [data-testid=\"trends-chart-dose_symptoms\"] svg")
        .await;
    let text = export_pdf(&app, "plain.pdf", false).await;
    assert!(text.contains("Vitamin D"), "the other medication is listed: {text}");
    assert!(!text.contains("Sertraline"), "a medication kept out of reports is not: {text}");
    let text = export_pdf(&app, "with-private.pdf", true).await;
    assert!(text.contains("Vitamin D") && text.contains("Sertraline"), "{text}");
}
