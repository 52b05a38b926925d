//! Privacy promises the app's configuration must keep: a CSP that allows no remote origin,
//! no development server URL in the build, no remote access in any capability, and no
//! network plugin permissions. (The dependency tree is checked by scripts/check-no-network,
//! the sockets the running app opens by the e2e test `no_network`.)
#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::Value;

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Sources that stay on this computer: keywords, inline data, and the app's own protocols
/// (on Linux tauri serves the UI as `tauri://localhost` and IPC as `ipc://localhost`).
fn is_local(source: &str) -> bool {
    let s = source.trim_end_matches('/');
    (s.starts_with('\'') && s.ends_with('\'') && s != "'unsafe-eval'")
        || ["data:", "blob:", "ipc:", "asset:", "tauri:"].contains(&s)
        || [
            "ipc://localhost",
            "tauri://localhost",
            "asset://localhost",
            "http://ipc.localhost",
            "http://asset.localhost",
            "http://tauri.localhost",
        ]
        .contains(&s)
}

/// The directives of a CSP given as tauri's object form or as a string.
fn directives(csp: &Value) -> Vec<(String, Vec<String>)> {
    match csp {
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| {
                let sources = match v {
                    Value::String(s) => s.split_whitespace().map(String::from).collect(),
                    Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
                    other => panic!("CSP {k}: {other}"),
                };
                (k.clone(), sources)
            })
            .collect(),
        Value::String(s) => s
            .split(';')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                let mut w = d.split_whitespace().map(String::from);
                (w.next().unwrap(), w.collect())
            })
            .collect(),
        other => panic!("no CSP: {other}"),
    }
}

/// Remote sources found in a CSP, as "directive source".
fn remote_sources(csp: &Value) -> Vec<String> {
    directives(csp)
        .into_iter()
        .flat_map(|(d, sources)| sources.into_iter().filter(|s| !is_local(s)).map(move |s| format!("{d} {s}")))
        .collect()
}

#[test]
fn csp_checker_flags_remote_sources() {
    let check = |csp: Value, expected: &[&str]| assert_eq!(remote_sources(&csp), expected, "{csp}");
    check(serde_json::json!({"default-src": "'self'", "img-src": "'self' data:"}), &[]);
    check(serde_json::json!({"connect-src": "ipc: http://ipc.localhost"}), &[]);
    check(
        serde_json::json!({"connect-src": "ipc: https://telemetry.example.com"}),
        &["connect-src https://telemetry.example.com"],
    );
    check(serde_json::json!({"img-src": ["'self'", "*"]}), &["img-src *"]);
    check(serde_json::json!({"script-src": "'self' 'unsafe-eval'"}), &["script-src 'unsafe-eval'"]);
    check(
        Value::String("default-src 'self'; connect-src wss: https:".into()),
        &["connect-src wss:", "connect-src https:"],
    );
}

#[test]
fn csp_allows_no_remote_origin() {
    let conf = json(&manifest_dir().join("tauri.conf.json"));
    let security = &conf["app"]["security"];
    let csp = &security["csp"];
    let names: Vec<String> = directives(csp).into_iter().map(|(d, _)| d).collect();
    assert!(names.iter().any(|d| d == "default-src"), "the CSP needs a default-src: {names:?}");
    assert_eq!(remote_sources(csp), Vec::<String>::new(), "remote sources in the CSP");
    if !security["devCsp"].is_null() {
        assert_eq!(remote_sources(&security["devCsp"]), Vec::<String>::new(), "remote sources in devCsp");
    }
    assert_ne!(security["dangerousDisableAssetCspModification"], Value::Bool(true));
    assert!(conf["build"]["devUrl"].is_null(), "a devUrl makes plain builds load a dev server");
    assert_eq!(conf["app"]["withGlobalTauri"], Value::Bool(false));
    for w in conf["app"]["windows"].as_array().into_iter().flatten() {
        assert!(w["url"].as_str().is_none_or(|u| !u.contains("://")), "window loads a remote URL: {w}");
    }
}

#[test]
fn capabilities_grant_no_remote_access_network_file_or_dialog_plugin() {
    let dir = manifest_dir().join("capabilities");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        seen += 1;
        let cap = json(&path);
        assert!(cap["remote"].is_null(), "{}: remote URLs may use the app's commands", path.display());
        for p in cap["permissions"].as_array().unwrap() {
            let id = p.as_str().or_else(|| p["identifier"].as_str()).unwrap();
            // No dialog either: the page never chooses a path; commands open dialogs in Rust.
            for banned in ["http:", "websocket:", "upload:", "updater:", "shell:", "fs:", "dialog:", "opener:"] {
                assert!(!id.starts_with(banned), "{}: permission {id}", path.display());
            }
        }
    }
    assert!(seen > 0, "no capability files in {}", dir.display());
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let html = std::fs::read_to_string(manifest_dir().join("../ui/index.html")).unwrap();
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"] {
        assert!(!html.contains(attr), "ui/index.html: {attr}");
    }
}
