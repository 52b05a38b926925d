//! The app follows the operating system's locale: under de_DE and en_GB the date field shows and
//! reads the locale's day-month order, the day's title has the locale's weekday and month names,
//! and an amount typed with a decimal comma is stored exactly.

use chrono::NaiveDate;
use e2e::flows;
use e2e::{App, Home, Key};
use journal::Micrograms;

struct Locale {
    lang: &'static str,
    /// How 1 March 2025 is typed, and shown, in the date field.
    typed: &'static str,
    shown: &'static str,
    /// Words of the day's title for that date.
    title: [&'static str; 2],
    /// 1.5 mg as a patient of that locale types it.
    amount: &'static str,
}

const LOCALES: [Locale; 2] = [
    Locale {
        lang: "de_DE.UTF-8",
        typed: "1.3.2025",
        shown: "01.03.2025",
        title: ["Samstag", "1. März 2025"],
        amount: "1,5",
    },
    Locale {
        lang: "en_GB.UTF-8",
        typed: "1/3/2025",
        shown: "01/03/2025",
        title: ["Saturday", "1 March 2025"],
        amount: "1.5",
    },
];

#[tokio::test]
async fn dates_and_amounts_follow_the_locale() {
    let march_1 = NaiveDate::from_ymd_opt(2025, 3, 1).expect("a date");
    for l in LOCALES {
        let home = Home::onboarded().with_env("LANG", l.lang).with_env("LC_ALL", l.lang).with_env("LANGUAGE", "");
        let app = App::launch(home).await;
        flows::day_loaded(&app, flows::today()).await;

        // Typed in the locale's order (day first in both), the field opens that day.
        app.type_into("day-date", l.typed).await;
        app.press(Key::Enter).await;
        flows::day_loaded(&app, march_1).await;
        assert_eq!(app.value("day-date").await, l.shown, "{}", l.lang);
        let title = app.text("day-title").await;
        for word in l.title {
            assert!(title.contains(word), "{}: {word} in {title:?}", l.lang);
        }

        // The amount with the locale's decimal mark is stored exactly.
        app.click("add-dose").await;
        app.set_value("dose-0-time", "21:00").await;
        app.type_into("dose-0-amount", l.amount).await;
        app.select("dose-0-formulation", "capsule").await;
        app.click("save-day").await;
        app.wait_text("day-status", "Saved", |t| t == "Saved").await;
        let day = app.home().open_journal().day(march_1).expect("read").expect("saved");
        assert_eq!(day.doses.first().map(|d| d.taken()), Some(Micrograms(1500)), "{}", l.lang);
        app.quit().await;
    }
}
