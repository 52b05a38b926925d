//! Command tests through Tauri's mock runtime: real IPC serialization, a real journal file.
#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::pick::Dialogs;
use crate::{builder, state::AppState};

/// The app's command registry on the mock runtime, over a journal in a temporary folder.
/// Also used by the command modules' own tests.
pub(crate) struct Harness {
    pub(crate) dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

pub(crate) fn harness_with(setup: impl FnOnce(&std::path::Path)) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    setup(&path);
    let app = builder(mock_builder())
        .manage(AppState::open(Some(path)))
        .manage(Dialogs::queued([]))
        .manage(crate::desktop::Desktop::load(
            Some(dir.path().join("desktop.json")),
            Some(dir.path().join("autostart/org.ldnjournal.LdnJournal.desktop")),
        ))
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Harness { dir, _app: app, window }
}

pub(crate) fn harness() -> Harness {
    harness_with(|_| {})
}

impl Harness {
    pub(crate) fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let req = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, req).map(|b| b.deserialize::<Value>().unwrap())
    }

    /// What the next file dialog answers (`None`: cancelled).
    pub(crate) fn answer(&self, path: Option<std::path::PathBuf>) {
        use tauri::Manager;
        match &*self.window.state::<Dialogs>() {
            Dialogs::Queue(q) => q.lock().unwrap().push_back(path),
            other => panic!("the harness scripts its dialogs, not {other:?}"),
        }
    }

    pub(crate) fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    pub(crate) fn err(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).expect_err(cmd)
    }
}

/// A day form as the UI sends it: amounts and times as typed.
fn entry(date: &str) -> Value {
    json!({
        "date": date,
        "doses": [{"status": "taken", "time": "21:30", "amount": "1.5", "formulation": "capsule", "note": "",
                   "reason": "", "stored": null}],
        "scores": {}, "wellbeing": 6,
        "bedtime": "23:00", "wake": "07:00", "quality": 4, "awakenings": "1",
        "vivid": "some", "nightmare": false, "dreamNotes": "",
        "sideEffects": {}, "intakes": [], "readings": [], "notes": "fine"
    })
}

impl Harness {
    /// Saves a day form opened on a day not logged yet.
    pub(crate) fn save_entry(&self, entry: Value) -> Value {
        self.ok("save_day", json!({"request": {"entry": entry, "revision": null}}))
    }
}

#[test]
fn an_empty_day_has_nothing_saved_prescribed_or_drafted() {
    let h = harness();
    let v = h.ok("open_day", json!({"date": "2025-05-01"}));
    let blank = json!({"date": "2025-05-01", "doses": [], "scores": {}, "wellbeing": null, "bedtime": "",
        "wake": "", "quality": null, "awakenings": "", "vivid": null, "nightmare": null, "dreamNotes": "",
        "sideEffects": {}, "intakes": [], "readings": [], "notes": ""});
    assert_eq!(
        v,
        json!({"date": "2025-05-01", "logged": false, "entry": blank, "revision": null, "draft": null,
            "prescribed": null,
            "blank_dose": {"status": "taken", "time": "", "amount": "", "formulation": "capsule", "note": "",
                "reason": "", "stored": null},
            "symptoms": h.ok("catalog", json!({"catalog": "symptoms"})),
            "side_effects": h.ok("catalog", json!({"catalog": "side_effects"})),
            "as_needed": [], "measures": [], "events": [],
            "event_kinds": h.ok("catalog", json!({"catalog": "event_kinds"})),
            "dose_run": null, "fills": []})
    );
    assert!(!v["side_effects"].as_array().is_some_and(Vec::is_empty), "the day view lists the side effects");
}

#[test]
fn a_saved_day_reads_back_and_is_in_history() {
    let h = harness();
    let saved = h.save_entry(entry("2025-05-02"));
    assert_eq!(saved["entry"], entry("2025-05-02"));
    let v = h.ok("open_day", json!({"date": "2025-05-02"}));
    assert_eq!((v["logged"].clone(), v["entry"].clone()), (json!(true), entry("2025-05-02")));
    let hist = h.ok("history", json!({"range": {"from": "2025-05-01", "to": "2025-05-31"}}));
    assert_eq!(
        hist,
        json!([{"date": "2025-05-02", "taken": "1.5 mg", "any_taken": true, "missed": 0, "wellbeing": 6,
            "rated": 0, "side_effects": 0, "has_notes": true}])
    );
}

#[test]
fn a_save_from_a_stale_form_is_refused_and_the_other_change_is_kept() {
    let h = harness();
    h.save_entry(entry("2025-05-08"));
    let opened = h.ok("open_day", json!({"date": "2025-05-08"}));
    let revision = opened["revision"].clone();
    assert!(revision.is_u64(), "{opened}");

    // Meanwhile the command line (another connection) changes the day.
    let mut other = journal::Journal::open(h.dir.path().join("journal.sqlite3")).unwrap();
    let mut theirs = journal::Day::new("2025-05-08".parse().unwrap());
    theirs.notes = "from the command line".into();
    other.save_day(&theirs).unwrap();
    drop(other);

    let mut mine = entry("2025-05-08");
    mine["notes"] = json!("mine");
    let e = h.err("save_day", json!({"request": {"entry": mine, "revision": revision}}));
    assert_eq!(e["kind"], "stale", "{e}");
    assert!(e["message"].as_str().unwrap().contains("changed since you opened it"), "{e}");
    let now = h.ok("open_day", json!({"date": "2025-05-08"}));
    assert_eq!(now["entry"]["notes"], "from the command line", "nothing was overwritten");

    // Saved over the version the user has now seen, it goes through.
    let saved = h.ok("save_day", json!({"request": {"entry": mine, "revision": now["revision"]}}));
    assert_eq!(saved["entry"]["notes"], "mine");
    assert!(saved["revision"].as_u64() > now["revision"].as_u64());
    let e = h.err("save_day", json!({"request": {"entry": entry("2025-05-08"), "revision": null}}));
    assert_eq!(e["kind"], "stale", "a form opened on an empty day is stale once the day exists");
}

#[test]
fn validation_errors_carry_field_paths() {
    let h = harness();
    let mut d = entry("2025-05-03");
    d["quality"] = json!(7);
    d["doses"][0]["amount"] = json!("0");
    let e = h.err("save_day", json!({"request": {"entry": d, "revision": null}}));
    assert_eq!(e["kind"], "invalid");
    let fields: Vec<&str> = e["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["doses[0].amount", "sleep.quality"]);
    assert_eq!(e["field"], "doses[0].amount");
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-03"}))["logged"], false);
}

#[test]
fn text_that_does_not_parse_is_refused_at_its_field_as_typed() {
    let h = harness();
    let mut d = entry("2025-05-03");
    d["doses"][0]["amount"] = json!("1.5.5");
    d["awakenings"] = json!("two");
    let e = h.err("save_day", json!({"request": {"entry": d, "revision": null}}));
    assert_eq!(e["kind"], "invalid");
    let got: Vec<(&str, &str)> = e["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("doses[0].amount", "\"1.5.5\" is not an amount in mg (e.g. 1.5)"),
            ("sleep.awakenings", "awakenings must be a whole number, got \"two\"")
        ]
    );
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-03"}))["logged"], false);
}

#[test]
fn the_prescribed_regimen_comes_with_the_day() {
    let h = harness();
    let p = json!({"id": 0, "from": "2025-01-01", "until": "", "doses": [{"amount": "1.5", "time": "21:00"}],
                   "formulation": "liquid", "strength": "1 mg/mL", "pharmacy": "Corner", "note": ""});
    let saved = h.ok("save_regimen_period", json!({"period": p}));
    assert!(saved["id"].as_u64().unwrap() > 0);
    assert_eq!(saved["doses"], p["doses"]);
    let v = h.ok("open_day", json!({"date": "2025-05-04"}));
    assert_eq!(v["prescribed"], "1.5 mg at 21:00 · liquid · 1 mg/mL · Corner");
    assert_eq!(v["entry"]["doses"][0]["amount"], "1.5", "a new day starts with the prescribed doses");
    assert_eq!(v["entry"]["doses"][0]["formulation"], "liquid");
    assert_eq!(v["blank_dose"]["formulation"], "liquid");
    let before = h.ok("open_day", json!({"date": "2024-12-31"}));
    assert_eq!((before["prescribed"].clone(), before["entry"]["doses"].clone()), (Value::Null, json!([])));
}

#[test]
fn a_draft_keeps_the_form_as_typed_until_the_day_is_saved() {
    let h = harness();
    let mut d = entry("2025-05-05");
    d["notes"] = json!("half-typed");
    d["doses"][0]["amount"] = json!("1,5 mg?");
    h.ok("save_draft", json!({"request": {"entry": d, "opened": null}}));
    let v = h.ok("open_day", json!({"date": "2025-05-05"}));
    assert_eq!(v["draft"]["entry"], d, "the form comes back as it was typed");
    assert_eq!(v["draft"]["opened"], Value::Null);
    assert_eq!(v["logged"], false);
    d["doses"][0]["amount"] = json!("1,5");
    h.save_entry(d.clone());
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-05"}))["draft"], Value::Null);
    h.ok("save_draft", json!({"request": {"entry": d, "opened": null}}));
    h.ok("discard_draft", json!({"date": "2025-05-05"}));
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-05"}))["draft"], Value::Null);
}

#[test]
fn sleep_duration_is_the_core_s() {
    let h = harness();
    let q = |bed: &str, wake: &str| {
        h.ok("sleep_duration", json!({"query": {"date": "2025-05-05", "bedtime": bed, "wake": wake}}))
    };
    assert_eq!(q("23:00", "06:05"), "7 h 5 min");
    assert_eq!(q("22:00", "22:30"), "30 min");
    assert_eq!((q("", "06:00"), q("25:00", "06:00")), (Value::Null, Value::Null));
}

#[test]
fn delete_returns_the_day_for_undo() {
    let h = harness();
    h.save_entry(entry("2025-05-06"));
    let removed = h.ok("delete_day", json!({"date": "2025-05-06"}));
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-06"}))["logged"], false);
    h.save_entry(removed);
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-06"}))["entry"], entry("2025-05-06"));
}

#[test]
fn welcome_adds_the_starter_set_and_is_remembered() {
    let h = harness();
    assert_eq!(h.ok("app_info", json!({}))["onboarded"], false);
    h.ok("finish_welcome", json!({"set": "long_covid"}));
    assert_eq!(h.ok("app_info", json!({}))["onboarded"], true);
    let names: Vec<String> = h
        .ok("catalog", json!({"catalog": "symptoms"}))
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"Post-exertional malaise".to_string()), "{names:?}");
}

#[test]
fn questions_are_added_and_resolved() {
    let h = harness();
    let q = h.ok(
        "save_question",
        json!({"question": {"id": 0, "text": "Morning dose?", "created": "2025-05-01", "resolved": false}}),
    );
    let mut q2 = q.clone();
    q2["resolved"] = json!(true);
    h.ok("save_question", json!({"question": q2}));
    assert_eq!(h.ok("questions", json!({}))[0]["resolved"], true);
    let e = h
        .err("save_question", json!({"question": {"id": 0, "text": "  ", "created": "2025-05-01", "resolved": false}}));
    assert_eq!(e["field"], "text");
}

#[test]
fn delete_everything_needs_the_typed_confirmation() {
    let h = harness();
    h.save_entry(entry("2025-05-07"));
    let e = h.err("delete_everything", json!({"confirmation": "delete"}));
    assert_eq!(e["field"], "confirmation");
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-07"}))["entry"], entry("2025-05-07"));
    h.ok("delete_everything", json!({"confirmation": "Delete everything"}));
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-07"}))["logged"], false);
}

#[test]
fn delete_everything_refuses_while_another_program_has_the_journal_open() {
    let h = harness();
    h.save_entry(entry("2025-05-07"));
    h.ok("history", json!({"range": {"from": "2025-05-01", "to": "2025-05-31"}}));
    // Another connection (as the command line would hold) has the journal open.
    let path = h.dir.path().join("journal.sqlite3");
    let other = journal::Journal::open(&path).unwrap();
    other.days(journal::DateRange::all()).unwrap();
    let e = h.err("delete_everything", json!({"confirmation": "Delete everything"}));
    assert_eq!(e["kind"], "retry", "{e}");
    assert!(e["message"].as_str().unwrap().contains("open in another program"), "{e}");
    assert_eq!(
        h.ok("open_day", json!({"date": "2025-05-07"}))["entry"],
        entry("2025-05-07"),
        "nothing deleted, still open"
    );
    drop(other);
    // The app's own read connection does not count as another program.
    h.ok("delete_everything", json!({"confirmation": "Delete everything"}));
    assert_eq!(h.ok("open_day", json!({"date": "2025-05-07"}))["logged"], false);
}

#[test]
fn a_journal_that_cannot_be_opened_is_reported_not_fatal() {
    let h = harness_with(|p| std::fs::write(p, "these are my notes, not a journal").unwrap());
    let info = h.ok("app_info", json!({}));
    assert!(info["open_error"].as_str().unwrap().contains("not an LDN Journal file"), "{info}");
    let e = h.err("open_day", json!({"date": "2025-05-01"}));
    assert_eq!(e["kind"], "unavailable");
}

/// A command is registered in four places: `generate_handler!` in lib.rs, `COMMANDS` in
/// build.rs (its permission), the capability, and the UI's typed calls. One missing anywhere
/// is refused at run time, so they must name the same commands.
#[test]
fn every_command_is_registered_in_all_four_places() {
    use std::collections::BTreeSet;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let between = |text: &str, start: &str, end: &str| -> String {
        let from = text.find(start).unwrap_or_else(|| panic!("{start:?} not found")) + start.len();
        let to = from + text[from..].find(end).unwrap();
        text[from..to].to_owned()
    };
    let quoted = |s: &str| -> BTreeSet<String> { s.split('"').skip(1).step_by(2).map(String::from).collect() };

    let lib = read("src/lib.rs");
    let handler: BTreeSet<String> = between(&lib, "generate_handler![", "]")
        .split(',')
        .filter_map(|e| e.trim().rsplit("::").next().filter(|n| !n.is_empty()).map(String::from))
        .collect();
    let manifest = quoted(&between(&read("build.rs"), "const COMMANDS: &[&str] = &[", "];"));
    let capability: BTreeSet<String> = quoted(&between(&read("capabilities/main-window.json"), "\"permissions\"", "]"))
        .into_iter()
        .filter_map(|p| p.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();
    let api = read("../ui/src/lib/api.ts");
    let ui: BTreeSet<String> =
        api.split("call<").skip(2).filter_map(|c| c.split('"').nth(1).map(String::from)).collect();

    assert!(handler.len() > 20, "{handler:?}");
    assert_eq!(manifest, handler, "build.rs COMMANDS and generate_handler! differ");
    assert_eq!(capability, handler, "the capability and generate_handler! differ");
    assert_eq!(ui, handler, "the UI's calls (ui/src/lib/api.ts) and generate_handler! differ");
}

#[test]
fn the_regimen_list_says_when_each_period_ends_and_a_period_can_be_deleted() {
    let h = harness();
    let period = |from: &str, amount: &str| {
        json!({"period": {"id": 0, "from": from, "until": "", "doses": [{"amount": amount, "time": ""}],
            "formulation": "capsule", "strength": "", "pharmacy": "", "note": ""}})
    };
    let first = h.ok("save_regimen_period", period("2025-01-01", "1.5"));
    h.ok("save_regimen_period", period("2025-02-01", "3"));
    let list = h.ok("regimen", json!({}));
    assert_eq!(
        (&list[0]["last_day"], &list[0]["ends_by_next"], &list[0]["line"]),
        (&json!("2025-01-31"), &json!(true), &json!("1.5 mg (total 1.5 mg a day) · Capsule"))
    );
    assert_eq!((&list[1]["last_day"], &list[1]["ends_by_next"]), (&Value::Null, &json!(false)));
    assert_eq!(list[0]["entry"], first, "the list carries the form to edit each period");

    h.ok("delete_regimen_period", json!({"id": first["id"]}));
    assert_eq!(h.ok("regimen", json!({})).as_array().unwrap().len(), 1);
    assert_eq!(h.err("delete_regimen_period", json!({"id": first["id"]}))["kind"], "not_found");

    let e = h.err("save_regimen_period", period("", "1.5 mg"));
    let fields: Vec<&str> = e["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["from", "doses[0].amount"]);
}

#[test]
fn catalog_items_are_added_renamed_archived_and_reordered() {
    let h = harness();
    let add = |name: &str| {
        h.call("add_catalog_item", json!({"request": {"catalog": "symptoms", "name": name, "description": ""}}))
    };
    let pain = add("Pain").unwrap();
    let fatigue = add("Fatigue").unwrap();
    assert_eq!(add("  ").unwrap_err()["field"], "name");

    let mut renamed = pain.clone();
    renamed["name"] = json!("Joint pain");
    renamed["archived"] = json!(true);
    h.ok("update_catalog_item", json!({"request": {"catalog": "symptoms", "item": renamed}}));
    let list = h.ok("reorder_catalog", json!({"request": {"catalog": "symptoms", "ids": [fatigue["id"], pain["id"]]}}));
    let names: Vec<(&str, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["name"].as_str().unwrap(), i["archived"].as_bool().unwrap()))
        .collect();
    assert_eq!(names, [("Fatigue", false), ("Joint pain", true)]);
    assert_eq!(h.ok("catalog", json!({"catalog": "symptoms"})), list);

    let sets = h.ok("starter_sets", json!({}));
    assert!(sets.as_array().unwrap().iter().any(|s| s["set"] == "long_covid"), "{sets}");
    let with_set = h.ok("add_starter_set", json!({"set": "long_covid"}));
    assert!(with_set.as_array().unwrap().len() > 2, "the set's symptoms join the list: {with_set}");
    assert_eq!(with_set[0]["name"], "Fatigue", "after the user's own, in their order");
}

#[test]
fn trends_and_question_deletion_answer_through_ipc() {
    let h = harness();
    h.save_entry(entry("2025-05-02"));
    let t = h.ok("trends", json!({"request": {"from": null, "to": null, "symptoms": null, "theme": "light"}}));
    assert_eq!(t["measures"], json!([]), "a request without measures asks for every measure with readings");
    assert_eq!((t["days_logged"].clone(), t["charts"].as_array().unwrap().len()), (json!(1), 5));
    assert_eq!(t["periods"][0]["dose"], "1.5 mg");
    assert_eq!(t["periods"][0]["sleep"]["value"], "8 h");

    let q = h.ok(
        "save_question",
        json!({"question": {"id": 0, "text": "Morning dose?", "created": "2025-05-01", "resolved": false}}),
    );
    h.ok("delete_question", json!({"id": q["id"]}));
    assert_eq!(h.ok("questions", json!({})), json!([]));
}

#[test]
fn medications_events_and_measures_answer_through_ipc_and_open_with_the_day() {
    let h = harness();
    let med = |name: &str, as_needed: bool| {
        json!({"medication": {"id": 0, "name": name, "dose": "400 mg", "schedule": "", "as_needed": as_needed,
               "from": "2026-01-01", "until": null, "note": "", "private": false}})
    };
    let prn = h.ok("save_medication", med("Ibuprofen", true));
    let daily = h.ok("save_medication", med("Vitamin D", false));
    let next = h
        .ok("change_medication_dose", json!({"request": {"id": daily["id"], "dose": "4000 IU", "from": "2026-03-01"}}));
    assert_eq!(next["dose"], "4000 IU");
    assert_eq!(h.ok("medications", json!({})).as_array().unwrap().len(), 3);
    let e = h.err("save_medication", json!({"medication": {"id": 0, "name": " ", "from": "2026-01-01"}}));
    assert_eq!(e["fields"][0]["field"], "name", "{e}");

    let templates = h.ok("measure_templates", json!({}));
    let weight = templates.as_array().unwrap().iter().find(|t| t["name"] == "Weight").unwrap().clone();
    let weight = h.ok("save_measure", json!({"measure": weight}));
    let kinds = h.ok("catalog", json!({"catalog": "event_kinds"}));
    let flare = kinds.as_array().unwrap().iter().find(|k| k["name"] == "flare").unwrap()["id"].clone();
    let event = h.ok(
        "save_event",
        json!({"event": {"id": 0, "kind": flare, "from": "2026-03-01", "to": null, "note": "knees"}}),
    );

    let view = h.ok("open_day", json!({"date": "2026-03-02"}));
    assert_eq!(view["as_needed"].as_array().unwrap().len(), 1, "only the as-needed one: {view}");
    assert_eq!(view["as_needed"][0]["id"], prn["id"]);
    assert_eq!(view["measures"][0]["name"], "Weight");
    assert_eq!(view["events"][0]["note"], "knees");
    assert!(view["event_kinds"].as_array().unwrap().len() >= 10);

    let mut day = entry("2026-03-02");
    day["intakes"] = json!([{"medication": prn["id"], "time": "14:00", "amount": ""}]);
    day["readings"] = json!([{"measure": weight["id"], "time": "", "value": "71,35"}]);
    let e = h.err("save_day", json!({"request": {"entry": day, "revision": null}}));
    assert_eq!(e["fields"][0]["field"], "readings[0].value", "{e}");
    day["readings"][0]["value"] = json!("71,3");
    let saved = h.ok("save_day", json!({"request": {"entry": day, "revision": null}}));
    assert_eq!(saved["entry"]["readings"][0]["value"], "71.3");

    assert_eq!(h.ok("events", json!({}))[0]["id"], event["id"]);
    assert_eq!(h.ok("delete_event", json!({"id": event["id"]}))["note"], "knees");
    let refused = h.err("delete_medication", json!({"id": prn["id"]}));
    assert!(refused["message"].as_str().unwrap().contains("was logged as taken on 2026-03-02"), "{refused}");
    assert_eq!(h.ok("delete_medication", json!({"id": next["id"]}))["dose"], "4000 IU");
    assert_eq!(h.ok("measures", json!({}))[0]["unit"], "kg");
}

#[test]
fn fills_are_saved_from_their_form_and_counts_say_what_they_come_to() {
    let h = harness();
    let form = json!({"id": 0, "received": "2025-05-01", "started": "", "pharmacy": "Riverside",
        "formulation": "liquid", "strength": "1mg/litre", "filler": "glycerin", "batch": "L-7", "quantity": "",
        "use_by": "2025-04-01", "note": ""});
    let e = h.err("save_fill", json!({"fill": form}));
    assert_eq!(e["field"], "strength", "{e}");
    let mut form = form;
    form["strength"] = json!("1mg/ml");
    let e = h.err("save_fill", json!({"fill": form}));
    assert_eq!(e["field"], "use_by", "the core's rules come back at their field too: {e}");
    form["use_by"] = json!("");
    let saved = h.ok("save_fill", json!({"fill": form}));
    assert_eq!(saved["strength"], "1 mg/mL");
    let supply = h.ok("supply", json!({}));
    assert_eq!(supply["fills"][0]["line"], "liquid 1 mg/mL, Riverside, filler glycerin, batch L-7");
    assert_eq!(supply["fillers"], json!(["glycerin"]));

    let dose = |amount: &str| {
        json!({"status": "taken", "time": "", "amount": amount, "formulation": "capsule", "note": "", "reason": "",
            "stored": null})
    };
    let query = |date: &str, amount: &str| json!({"query": {"date": date, "dose": dose(amount)}});
    let converted = h.ok("dose_amount", query("2025-05-02", "1.5 ml"));
    assert_eq!(converted["converted"], "= 1.5 mg (liquid 1 mg/mL, received 2025-05-01)");
    let missing = h.ok("dose_amount", query("2025-04-30", "1.5 ml"));
    assert!(missing["problem"].as_str().unwrap().starts_with("no fill with a strength per mL"), "{missing}");
    assert_eq!(h.ok("dose_amount", query("2025-05-02", "1.5")), json!({"converted": null, "problem": null}));

    let mut day = entry("2025-05-02");
    day["doses"][0]["amount"] = json!("1.5 ml");
    let saved_day = h.save_entry(day);
    assert_eq!(saved_day["entry"]["doses"][0]["amount"], "1.5 mL");
    assert_eq!(saved_day["dose_run"], "day 1 at 1.5 mg (since 2025-05-02)");
    let e = h.err("delete_fill", json!({"id": saved["id"]}));
    assert!(e["message"].as_str().unwrap().contains("2025-05-02"), "{e}");
}
