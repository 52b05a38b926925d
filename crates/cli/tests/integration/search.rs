//! `search`: the real binary on a real journal, lines of `DATE  field: snippet`, newest first.
#![allow(clippy::unwrap_used)]

use crate::common::*;

fn journal() -> Env {
    let e = env();
    e.ok(&["log", "--date", "2025-03-01", "--notes", "Brain fog all morning", "--dream-notes", "a café by the sea"]);
    e.ok(&["log", "--date", "2025-03-02", "--notes", "fog outside, brain fine", "--missed", "away (NEAR) \"home\""]);
    e.ok(&["log", "--date", "2025-03-05", "--notes", "walked -far- to the park: 2*3 ^up"]);
    e.ok(&["events", "add", "flare", "--from", "2025-03-03", "--note", "knees and fog"]);
    e
}

#[test]
fn matches_print_one_line_each_newest_first() {
    let e = journal();
    assert_eq!(
        e.ok(&["search", "fog"]),
        "\
2025-03-03  event note: knees and fog
2025-03-02  day note: fog outside, brain fine
2025-03-01  day note: Brain fog all morning
"
    );
    assert_eq!(e.ok(&["search", "BRAIN", "fog"]), e.ok(&["search", "fog brain"]), "words are ANDed, in any order");
    assert_eq!(e.ok(&["search", "cafe"]), "2025-03-01  dream note: a café by the sea\n", "accents do not count");
    assert_eq!(e.ok(&["search", "walk"]), "2025-03-05  day note: walked -far- to the park: 2*3 ^up\n", "a prefix");
}

#[test]
fn a_quoted_phrase_matches_those_words_together() {
    let e = journal();
    assert_eq!(e.ok(&["search", "\"brain fog\""]), "2025-03-01  day note: Brain fog all morning\n");
    assert_eq!(e.ok(&["search", "\"fog brain\""]), "");
}

#[test]
fn nothing_found_is_no_output_and_success() {
    let e = journal();
    for args in [&["search", "zebra"][..], &["search", ""], &["search", "   "], &["search", "🧠"]] {
        let out = e.run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{args:?}");
    }
    e.usage(&["search"], "error: the following required arguments were not provided:");
}

#[test]
fn syntax_characters_are_searched_as_text() {
    let e = journal();
    let park = "2025-03-05  day note: walked -far- to the park: 2*3 ^up\n";
    for q in ["park:", "2*3", "^up", "-far-", "(park)"] {
        assert_eq!(e.ok(&["search", "--", q]), park, "{q}");
    }
    let away = "2025-03-02  missed reason: away (NEAR) \"home\"\n";
    for q in ["NEAR", "near home", "\"home\"", "(NEAR)"] {
        assert_eq!(e.ok(&["search", q]), away, "{q}");
    }
    // AND, OR and NOT are words to find like any other, not operators.
    assert_eq!(e.ok(&["search", "fog", "AND"]), "2025-03-03  event note: knees and fog\n");
    assert_eq!(e.ok(&["search", "fog OR brain"]), "");
    assert_eq!(e.ok(&["search", "fog NOT brain"]), "");
    for q in ["\"", "\"unbalanced", "'; DROP TABLE day; --", "*", "(", ":", "^", "OR", "AND NOT"] {
        let out = e.run(&["search", "--", q]);
        assert!(out.status.success(), "{q}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(e.ok(&["search", "fog"]).lines().count(), 3, "the journal is intact");
}

#[test]
fn from_and_to_keep_the_days_between_them() {
    let e = journal();
    assert_eq!(
        e.ok(&["search", "fog", "--from", "2025-03-02", "--to", "2025-03-03"]),
        "2025-03-03  event note: knees and fog\n2025-03-02  day note: fog outside, brain fine\n"
    );
    assert_eq!(e.ok(&["search", "fog", "--to", "2025-03-01"]), "2025-03-01  day note: Brain fog all morning\n");
    assert_eq!(e.ok(&["search", "fog", "--from", "2025-03-04"]), "");
    e.fails(
        &["search", "fog", "--from", "2025-03-04", "--to", "2025-03-01"],
        "the end date 2025-03-01 is before the start date 2025-03-04",
    );
}
