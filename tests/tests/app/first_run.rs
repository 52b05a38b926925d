//! First run: the welcome says what the app does and that it gives no advice, and sets up the
//! chosen starter symptoms.

use e2e::flows::{self, active};
use e2e::{App, Home};
use journal::Catalog;

#[tokio::test]
async fn welcome_states_no_advice_and_sets_up_the_chosen_symptoms() {
    let app = App::launch(Home::new()).await;

    let welcome = app.text("welcome").await;
    assert!(welcome.contains("no medical or dosing advice"), "welcome text: {welcome}");
    assert!(app.text("no-advice").await.contains("Contains no medical or dosing advice"));

    app.click("welcome-set-long_covid").await;
    assert!(app.checked("welcome-set-long_covid").await);
    app.click("welcome-start").await;
    app.wait_gone("welcome").await;

    // The day view opens on today, with the chosen set's symptoms to rate.
    flows::day_loaded(&app, flows::today()).await;
    assert_eq!(app.text("day-status").await, "Not logged yet");
    let home = app.quit().await;

    let symptoms = active(&home, Catalog::Symptoms);
    assert!(!symptoms.is_empty(), "the starter set added symptoms");
    let app = App::launch(home).await;
    assert!(!app.exists("welcome").await, "the welcome is shown only once");
    for s in &symptoms {
        app.find(&format!("score-{}", s.id)).await;
    }
    assert!(app.checked(&format!("score-{}-unset", symptoms[0].id)).await, "new days start not rated");
    app.quit().await;
}

#[tokio::test]
async fn welcome_can_start_without_symptoms() {
    let app = App::launch(Home::new()).await;
    app.click("welcome-set-none").await;
    app.click("welcome-start").await;
    app.wait_gone("welcome").await;
    flows::day_loaded(&app, flows::today()).await;
    let home = app.quit().await;
    assert!(active(&home, Catalog::Symptoms).is_empty());
    assert_eq!(
        home.open_journal().setting(journal::store::Setting::Onboarded).expect("read setting").as_deref(),
        Some("1")
    );
}
