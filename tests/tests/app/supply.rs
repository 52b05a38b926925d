//! The LDN supply in the real app: a fill recorded on the Supply screen (a bad strength refused
//! at its field), a dose typed as a count of its unit that shows what it comes to before
//! saving, is stored as exact micrograms with its count, and the day then says how long its
//! dose has been taken.

use e2e::flows::{self, days_ago, iso, today};
use e2e::{App, Home};
use journal::{Dose, Fill, Formulation, Micrograms, Strength};

#[tokio::test]
async fn record_a_fill_log_a_dose_in_ml_and_see_the_day_at_that_dose() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "supply").await;
    assert!(app.text("fills-list").await.contains("No fills recorded"));
    app.set_value("fill-received", &iso(days_ago(10))).await;
    app.type_into("fill-pharmacy", "Riverside Compounding").await;
    app.select("fill-formulation", "liquid").await;
    app.type_into("fill-strength", "1mg/litre").await;
    app.type_into("fill-filler", "glycerin base").await;
    app.type_into("fill-batch", "L-7").await;
    app.click("fill-save").await;
    let msg = app.text("field-error-strength").await;
    assert!(msg.contains("\"litre\" is not a unit of a fill"), "{msg}");
    assert_eq!(app.value("fill-pharmacy").await, "Riverside Compounding", "what was typed stays");
    app.set_value("fill-strength", "").await;
    app.type_into("fill-strength", "1mg/ml").await;
    app.click("fill-save").await;
    let list = app.wait_contains("fills-list", "liquid 1 mg/mL").await;
    flows::shot(&app, "supply").await;
    assert!(list.contains("Riverside Compounding") && list.contains("filler glycerin base"), "{list}");

    flows::open(&app, "day").await;
    flows::day_loaded(&app, today()).await;
    let fills = app.text("fills").await;
    assert!(fills.contains("liquid 1 mg/mL") && fills.contains("Riverside Compounding"), "{fills}");

    app.click("add-dose").await;
    app.type_into("dose-0-amount", "1.5ml").await;
    let converted = app.wait_contains("dose-0-converted", "= 1.5 mg").await;
    assert!(converted.contains("liquid 1 mg/mL"), "{converted}");
    // A count no fill defines says which fill is missing, before anything is saved.
    app.set_value("dose-0-amount", "").await;
    app.type_into("dose-0-amount", "3 drops").await;
    app.wait_contains("dose-0-converted", "no fill with a strength per drop").await;
    app.set_value("dose-0-amount", "").await;
    app.type_into("dose-0-amount", "1.5 mL").await;
    app.wait_contains("dose-0-converted", "= 1.5 mg").await;
    app.click("save-day").await;
    app.wait_text("day-status", "Saved", |t| t == "Saved").await;
    let run = app.wait_contains("dose-run", "day 1 at 1.5 mg").await;
    app.exec("document.querySelector('[data-testid=\"prescribed\"]').scrollIntoView();", vec![]).await;
    flows::shot(&app, "day-with-fill").await;
    assert!(run.contains(&format!("since {}", today())), "{run}");
    assert_eq!(app.value("dose-0-amount").await, "1.5 mL", "the count in its one spelling");
    let home = app.quit().await;

    let day = home.open_journal().day(today()).expect("read").expect("logged");
    let Dose::Taken { amount, formulation, measured: Some(m), .. } = &day.doses[0] else { panic!("{day:?}") };
    assert_eq!((*amount, *formulation, m.count.to_string()), (Micrograms(1500), Formulation::Liquid, "1.5 mL".into()));
}

#[tokio::test]
async fn a_change_of_pharmacy_and_filler_is_marked_in_trends() {
    let home = Home::seeded(|j| {
        j.set_setting(journal::store::Setting::Onboarded, Some("1")).expect("mark onboarded");
        for day in flows::days_at_one_dose(60) {
            j.save_day(&day).expect("a day");
        }
        for (received, pharmacy, filler) in
            [(days_ago(59), "Riverside", "microcrystalline cellulose"), (days_ago(30), "Oak Street", "lactose")]
        {
            let fill = Fill {
                id: 0,
                received,
                started: None,
                pharmacy: pharmacy.into(),
                formulation: Formulation::Capsule,
                strength: Strength::parse("1.5mg/capsule").expect("strength"),
                filler: filler.into(),
                batch: String::new(),
                quantity: String::new(),
                use_by: None,
                note: String::new(),
            };
            j.save_fill(&fill).expect("a fill");
        }
    });
    let app = App::launch(home).await;
    app.click("nav-trends").await;
    app.wait_css("[data-testid=\"trends\"][data-state=\"ready\"] [data-testid=\"trends-chart-dose_symptoms\"] svg")
        .await;
    for kind in ["dose_symptoms", "sleep"] {
        let svg = flows::chart_svg(&app, kind).await;
        assert!(svg.contains("\nOak Street · lactose\n"), "{kind}: the new fill is a labelled marker");
        assert!(!svg.contains("Riverside"), "{kind}: the first fill is no change");
    }
    flows::shot(&app, "trends-fill-change").await;
    let note = app.text("period-fill-change").await;
    assert!(note.contains("Oak Street · lactose"), "{note}");
}
