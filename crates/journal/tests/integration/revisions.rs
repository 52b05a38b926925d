//! Two writers: every day has a revision, a save from a form opened before another change is
//! refused without changing anything, and the command line's read-merge-write is one transaction.
#![allow(clippy::unwrap_used)]

use crate::common::*;
use journal::exchange::{self, ImportMode};
use journal::{DateRange, Day, Error, Journal};

fn stale(e: Error, d: &str) {
    assert!(matches!(e, Error::Stale { date } if date == self::date(d)), "{e:?}");
    assert!(e.to_string().starts_with("this day changed since you opened it"), "{e}");
}

#[test]
fn a_save_from_a_stale_form_is_refused_and_keeps_the_other_change_and_the_draft() {
    let mut t = with_symptoms();
    let d = date("2025-03-01");
    assert_eq!(t.day_revision(d).unwrap(), None);
    let opened = t.save_day_at(&full_day("2025-03-01"), None).unwrap();
    assert_eq!(t.stored_day(d).unwrap(), Some(opened.clone()));

    // The command line (its own connection) changes the day while the window has it open.
    let mut cli = Journal::open(&t.path).unwrap();
    cli.edit_day(d, |_, day| {
        day.notes = "from the command line".into();
        Ok::<_, Error>(())
    })
    .unwrap();
    drop(cli);

    let mut mine = full_day("2025-03-01");
    mine.notes = "from the window".into();
    t.save_draft(&mine, Some("{\"notes\":\"from the window\"}"), Some(opened.revision)).unwrap();
    stale(err(t.save_day_at(&mine, Some(opened.revision))), "2025-03-01");
    assert_eq!(t.day(d).unwrap().unwrap().notes, "from the command line", "nothing was overwritten");
    let draft = t.draft(d).unwrap().unwrap();
    assert_eq!(draft.day.notes, "from the window", "the edits are kept");

    // The draft, restored later (another day and back, a restart), remembers the revision its
    // form was opened at: saving it is still refused, never a silent overwrite.
    let (dir, path) = close(t);
    let mut t = Journal::open(&path).unwrap();
    let restored = t.draft(d).unwrap().unwrap();
    assert_eq!(restored.opened, Some(opened.revision));
    stale(err(t.save_day_at(&restored.day, restored.opened)), "2025-03-01");

    // Reloaded, the form saves.
    let now = t.stored_day(d).unwrap().unwrap();
    assert!(now.revision > opened.revision);
    let saved = t.save_day_at(&mine, Some(now.revision)).unwrap();
    assert!(saved.revision > now.revision);
    assert_eq!(t.day(d).unwrap().unwrap().notes, "from the window");
    assert_eq!(t.draft(d).unwrap(), None, "saving removes the draft");
    stale(err(t.save_day_at(&mine, Some(now.revision))), "2025-03-01");
    drop(dir);
}

#[test]
fn a_form_for_a_new_day_is_stale_when_the_day_was_created_meanwhile() {
    let mut t = with_symptoms();
    t.save_day(&full_day("2025-03-02")).unwrap();
    let mut mine = Day::new(date("2025-03-02"));
    mine.notes = "mine".into();
    stale(err(t.save_day_at(&mine, None)), "2025-03-02");
    assert_eq!(t.day(date("2025-03-02")).unwrap(), Some(full_day("2025-03-02")));
}

#[test]
fn a_deleted_then_recreated_day_never_takes_an_old_revision() {
    let mut t = with_symptoms();
    let d = date("2025-03-03");
    let first = t.save_day_at(&full_day("2025-03-03"), None).unwrap();
    t.delete_day(d).unwrap();
    stale(err(t.save_day_at(&full_day("2025-03-03"), Some(first.revision))), "2025-03-03");
    // Recreated (by another program, after the journal was closed and opened again).
    let (dir, path) = close(t);
    let mut j = Journal::open(&path).unwrap();
    let again = j.save_day_at(&Day::new(d), None).unwrap();
    assert!(again.revision > first.revision, "{} after {}", again.revision, first.revision);
    stale(err(j.save_day_at(&full_day("2025-03-03"), Some(first.revision))), "2025-03-03");
    assert_eq!(j.day(d).unwrap(), Some(Day::new(d)));
    drop(dir);
}

#[test]
fn import_with_replace_gives_the_days_it_writes_a_new_revision() {
    let mut t = with_symptoms();
    let opened = t.save_day_at(&full_day("2025-03-04"), None).unwrap();
    let kept = t.save_day_at(&full_day("2025-03-05"), None).unwrap();
    let mut other = with_symptoms();
    let mut changed = full_day("2025-03-04");
    changed.notes = "imported".into();
    other.save_day(&changed).unwrap();
    other.save_day(&full_day("2025-03-05")).unwrap();
    let text = exchange::export_json(&other, DateRange::all()).unwrap();
    exchange::import(&mut t, &text, ImportMode::Replace).unwrap();
    stale(err(t.save_day_at(&full_day("2025-03-04"), Some(opened.revision))), "2025-03-04");
    assert_eq!(t.day_revision(date("2025-03-05")).unwrap(), Some(kept.revision), "an unchanged day keeps its revision");
}

#[test]
fn edit_day_is_all_or_nothing() {
    let mut t = with_symptoms();
    let before = t.catalog(journal::Catalog::SideEffects).unwrap();
    let e = t
        .edit_day(date("2025-03-06"), |j, day| {
            let item = j.find_or_add_item(journal::Catalog::SideEffects, "Jaw ache")?;
            day.side_effects.push(journal::SideEffectEntry { side_effect: item.id, severity: journal::Severity::Mild });
            day.wellbeing = Some(11);
            Ok::<_, Error>(())
        })
        .unwrap_err();
    assert!(matches!(e, Error::Invalid(_)), "{e:?}");
    assert_eq!(t.catalog(journal::Catalog::SideEffects).unwrap(), before, "the new item went with the day");
    assert_eq!(t.day(date("2025-03-06")).unwrap(), None);
}
