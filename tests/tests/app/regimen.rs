//! The regimen as the user enters it from their prescriber, and the day's doses prefilled
//! from it (and only inside its dates).

use e2e::flows::{self, days_ago, iso, today};
use e2e::{App, Home};
use journal::{Formulation, Micrograms};

#[tokio::test]
async fn enter_a_regimen_and_the_days_doses_are_prefilled_from_it() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "regimen").await;
    app.click("regimen-add").await;
    app.find("regimen-form").await;
    app.set_value("regimen-from", &iso(days_ago(10))).await;
    app.type_into("regimen-dose-0-amount", "1.5").await;
    app.set_value("regimen-dose-0-time", "21:00").await;
    app.click("regimen-add-dose").await;
    app.type_into("regimen-dose-1-amount", "0.5").await;
    app.set_value("regimen-dose-1-time", "08:00").await;
    app.select("regimen-formulation", "liquid").await;
    app.type_into("regimen-strength", "1 mg/mL").await;
    app.type_into("regimen-pharmacy", "Harbour Pharmacy").await;
    app.click("regimen-save").await;
    app.wait_gone("regimen-form").await;

    let list = app.wait_contains("regimen-list", "1.5 mg at 21:00").await;
    assert!(list.contains("total 2 mg a day"), "{list}");
    assert!(list.contains("Harbour Pharmacy"), "{list}");

    // A new day inside the period starts with the prescribed doses, marked as prescribed.
    flows::open_day(&app, today()).await;
    let prescribed = app.text("prescribed").await;
    assert!(prescribed.contains("1.5 mg at 21:00") && prescribed.contains("0.5 mg at 08:00"), "{prescribed}");
    let mut doses = vec![
        (app.value("dose-0-amount").await, app.value("dose-0-time").await),
        (app.value("dose-1-amount").await, app.value("dose-1-time").await),
    ];
    doses.sort();
    assert_eq!(doses, vec![("0.5".into(), "08:00".into()), ("1.5".into(), "21:00".into())]);
    assert_eq!(app.value("dose-0-formulation").await, "liquid");
    assert!(!app.exists("dose-2").await);
    assert_eq!(app.text("day-status").await, "Not logged yet", "a prefill is not a saved day");

    // Before the period: nothing prescribed, nothing prefilled.
    flows::open_day(&app, days_ago(11)).await;
    assert!(app.text("prescribed").await.contains("No prescribed regimen"));
    assert!(!app.exists("dose-0").await);

    // End the period the day before yesterday: today is no longer prefilled.
    flows::open(&app, "regimen").await;
    let id = app.home().open_journal().regimen().expect("read regimen")[0].id;
    app.click(&format!("regimen-end-{id}")).await;
    app.set_value("regimen-until", &iso(days_ago(2))).await;
    app.click("regimen-save").await;
    app.wait_gone("regimen-form").await;
    flows::open_day(&app, today()).await;
    assert!(!app.exists("dose-0").await, "no prefill after the period ended");
    flows::open_day(&app, days_ago(5)).await;
    assert_eq!(app.value("dose-0-amount").await, "1.5");
    let home = app.quit().await;

    let periods = home.open_journal().regimen().expect("read regimen");
    assert_eq!(periods.len(), 1);
    let p = &periods[0];
    assert_eq!((p.from, p.until), (days_ago(10), Some(days_ago(2))));
    assert_eq!(p.daily_total(), Micrograms(2000));
    assert_eq!(p.formulation, Formulation::Liquid);
    assert_eq!((p.strength.as_str(), p.pharmacy.as_str()), ("1 mg/mL", "Harbour Pharmacy"));
}

#[tokio::test]
async fn a_bad_prescribed_amount_is_shown_at_the_field() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "regimen").await;
    app.click("regimen-add").await;
    app.type_into("regimen-dose-0-amount", "half").await;
    app.click("regimen-save").await;
    let msg = app.text("field-error-doses[0].amount").await;
    assert!(msg.contains("half"), "the message names the value: {msg}");
    assert_eq!(app.value("regimen-dose-0-amount").await, "half");
    assert_eq!(app.attr("regimen-dose-0-amount", "aria-invalid").await.as_deref(), Some("true"));
    let home = app.quit().await;
    assert!(home.open_journal().regimen().expect("read").is_empty());
}

/// A period being edited is not lost by clicking away: the app asks, and Stay keeps it.
#[tokio::test]
async fn leaving_an_unsaved_period_asks_first() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "regimen").await;
    app.click("regimen-add").await;
    app.click("nav-day").await;
    app.wait_gone("regimen-form").await;
    assert!(!app.exists("leave-dialog").await, "an untouched form is not asked about");

    flows::open(&app, "regimen").await;
    app.click("regimen-add").await;
    app.type_into("regimen-dose-0-amount", "4.5").await;
    app.click("nav-trends").await;
    let question = app.text("leave-dialog").await;
    assert!(question.contains("not saved yet"), "{question}");
    app.click("leave-stay").await;
    app.wait_gone("leave-dialog").await;
    assert_eq!(app.value("regimen-dose-0-amount").await, "4.5", "Stay keeps the edit");

    // A bad amount is the core's message, at its field; the form stays with what was typed.
    app.type_into("regimen-dose-0-amount", ".5.").await;
    app.click("regimen-save").await;
    app.wait_contains("field-error-doses[0].amount", "is not an amount in mg").await;
    assert_eq!(app.attr("regimen-dose-0-amount", "aria-invalid").await.as_deref(), Some("true"));

    app.click("nav-history").await;
    app.click("leave-discard").await;
    app.wait_gone("leave-dialog").await;
    let home = app.quit().await;
    assert!(home.open_journal().regimen().expect("read").is_empty(), "nothing was saved");
}
