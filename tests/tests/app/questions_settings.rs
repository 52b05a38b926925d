//! Questions for the prescriber (add, edit, resolve, kept across a restart; asked before
//! leaving one unsaved; an Undo that fails is reported, not fatal) and the symptom list in
//! Settings (rename, add, archive), as the day view then shows it.

use std::sync::mpsc;

use e2e::flows::{self, item_id, today};
use e2e::{App, Home, Key};
use journal::{Catalog, Question};

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

/// Typing a question and going elsewhere asks first: Stay (or Escape) keeps the text, Discard
/// leaves without it. With nothing typed, the navigation does not ask.
#[tokio::test]
async fn leaving_an_unsaved_question_asks_first() {
    let app = App::launch(Home::onboarded()).await;
    flows::open(&app, "questions").await;
    app.type_into("question-new", "Can I take it with coffee?").await;

    app.click("nav-history").await;
    let question = app.text("leave-dialog").await;
    assert!(question.contains("not added yet"), "{question}");
    app.click("leave-stay").await;
    app.wait_gone("leave-dialog").await;
    assert_eq!(app.attr("nav-questions", "aria-current").await.as_deref(), Some("page"));
    assert_eq!(app.value("question-new").await, "Can I take it with coffee?", "Stay keeps the text");

    app.click("nav-trends").await;
    app.find("leave-dialog").await;
    app.press(Key::Escape).await;
    app.wait_gone("leave-dialog").await;
    assert_eq!(app.value("question-new").await, "Can I take it with coffee?", "Escape stays too");

    app.click("nav-history").await;
    app.click("leave-discard").await;
    app.wait_gone("leave-dialog").await;
    app.find("history-month-label").await;
    assert_eq!(app.attr("nav-history", "aria-current").await.as_deref(), Some("page"));

    flows::open(&app, "questions").await;
    assert_eq!(app.value("question-new").await, "", "Discard dropped the text");
    flows::open(&app, "history").await;
    assert!(!app.exists("leave-dialog").await, "nothing typed: no question asked");
    let home = app.quit().await;
    assert!(home.open_journal().questions().expect("read").is_empty());
}

/// Why a writer holding the journal let go: the edit is rolled back, nothing is written.
#[derive(Debug)]
enum Held {
    Released,
    Journal(journal::Error),
}

impl From<journal::Error> for Held {
    fn from(e: journal::Error) -> Self {
        Held::Journal(e)
    }
}

/// Undo after deleting a question while another program (as an `ldn-journal` command would)
/// holds the journal's write lock: the save waits, then fails as busy. The failure is a toast
/// that says so and offers Undo again, not the "could not show this screen" overlay; once the
/// other program is done, Undo brings the question back.
#[tokio::test]
async fn a_failed_undo_is_reported_and_can_be_tried_again() {
    let home = Home::seeded(|j| {
        e2e::onboard(j);
        let q = Question { id: 0, text: "Morning or evening dose?".into(), created: today(), resolved: false };
        j.save_question(&q).expect("save a question");
    });
    let id = home.open_journal().questions().expect("read")[0].id;
    let app = App::launch(home).await;
    flows::open(&app, "questions").await;
    app.click(&format!("question-{id}-delete")).await;
    app.wait_gone(&format!("question-{id}")).await;
    app.find("toast-undo").await;

    let (locked, is_locked) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let path = app.home().journal_path();
    let writer = std::thread::spawn(move || {
        let mut j = journal::Journal::open(&path).expect("open the journal in another program");
        let held: Result<_, Held> = j.edit_day(today(), |_, _| {
            locked.send(()).expect("tell the test");
            let _ = released.recv();
            Err(Held::Released)
        });
        match held {
            Err(Held::Released) => {}
            Err(Held::Journal(e)) => panic!("the other program could not hold the journal: {e}"),
            Ok(day) => panic!("the other program wrote {day:?}"),
        }
    });
    is_locked.recv().expect("the other program holds the write lock");

    app.click("toast-undo").await;
    let msg = app.wait_text("toast", "the failed Undo's message", |t| t.contains("Could not undo")).await;
    assert!(msg.contains("busy"), "{msg}");
    assert!(!app.exists("ui-error").await, "a failed Undo is not a fatal error");

    release.send(()).expect("release the lock");
    writer.join().expect("the other program is done");
    assert!(app.home().open_journal().questions().expect("read").is_empty(), "the failed Undo wrote nothing");
    app.click("toast-undo").await;
    app.wait_contains("questions-open", "Morning or evening dose?").await;
    assert!(!app.exists("ui-error").await);
    let home = app.quit().await;
    let qs = home.open_journal().questions().expect("read");
    assert_eq!(qs.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), ["Morning or evening dose?"]);
}
