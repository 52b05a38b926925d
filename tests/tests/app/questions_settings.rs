//! Questions for the prescriber (add, edit, resolve, kept across a restart) and the symptom
//! list in Settings (rename, add, archive), as the day view then shows it.

use e2e::flows::{self, item_id, today};
use e2e::{App, Home, Key};
use journal::Catalog;

#[tokio::test]
async fn questions_are_added_edited_resolved_and_kept() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "questions").await;

    // An empty question is refused at the field.
    app.click("question-add").await;
    app.find("field-error-text").await;
    assert_eq!(app.attr("question-new", "aria-invalid").await.as_deref(), Some("true"));

    app.type_into("question-new", "Morning or evening dose?").await;
    app.click("question-add").await;
    app.wait_contains("questions-open", "Morning or evening dose?").await;
    let id: u32 = app
        .exec(
            "return document.querySelector('[data-testid=\"questions-open\"] li[data-testid]').dataset.testid;",
            vec![],
        )
        .await
        .as_str()
        .and_then(|t| t.strip_prefix("question-"))
        .and_then(|n| n.parse().ok())
        .expect("the new question's id");

    app.click(&format!("question-{id}-edit")).await;
    app.type_into(&format!("question-{id}-text"), "Is a morning dose an option?").await;
    app.click(&format!("question-{id}-save")).await;
    app.wait_contains("questions-open", "Is a morning dose an option?").await;

    app.click(&format!("question-{id}-resolve")).await;
    app.wait_contains("questions-resolved", "Is a morning dose an option?").await;

    let before = app.home().open_journal().questions().expect("read");
    assert_eq!((before[0].text.as_str(), before[0].resolved), ("Is a morning dose an option?", true), "{before:?}");

    let app = app.restart().await;
    flows::open(&app, "questions").await;
    app.wait_contains("questions-resolved", "Is a morning dose an option?").await;
    let home = app.quit().await;
    let qs = home.open_journal().questions().expect("read");
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].text.as_str(), qs[0].resolved, qs[0].created), ("Is a morning dose an option?", true, today()));
}

#[tokio::test]
async fn the_symptom_list_shapes_the_day_view() {
    let home = Home::onboarded();
    let pain = item_id(&home, Catalog::Symptoms, "Pain");
    let fatigue = item_id(&home, Catalog::Symptoms, "Fatigue");
    let journal_path = home.journal_path();
    let app = App::launch(home).await;
    flows::open(&app, "settings").await;
    assert_eq!(app.text("journal-path").await, journal_path.display().to_string());

    // Rename with Enter, add one, archive one.
    app.type_into(&format!("symptom-{pain}-name"), "Back pain").await;
    app.keys(&Key::Enter.to_string()).await;
    app.wait_gone(&format!("symptom-{pain}-rename")).await;
    app.type_into("symptom-add-name", "Tinnitus").await;
    app.click("symptom-add").await;
    app.wait_value("symptom-add-name", "empty after adding", str::is_empty).await;
    app.click(&format!("symptom-{fatigue}-archive")).await;
    app.wait_gone(&format!("symptom-{fatigue}-name")).await;

    flows::open(&app, "day").await;
    let tinnitus = item_id(app.home(), Catalog::Symptoms, "Tinnitus");
    let legend = app.text(&format!("score-{pain}")).await;
    assert!(legend.contains("Back pain"), "{legend}");
    app.find(&format!("score-{tinnitus}")).await;
    assert!(!app.exists(&format!("score-{fatigue}")).await, "archived symptoms are not offered for new days");
    app.quit().await;
}
