//! Accessibility checks with axe-core, injected into the real webview through execute-script.
//!
//! axe-core comes from npm (`npm ci` in tests/, which scripts/setup --test runs).

use std::path::PathBuf;

use serde_json::Value;

use crate::app::App;

/// Where `npm ci` in tests/ puts axe-core.
pub fn axe_source_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")
}

/// One violation as axe reports it, reduced to what a developer needs to fix it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub targets: Vec<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "  [{}] {}: {}", self.impact, self.id, self.help)?;
        for t in &self.targets {
            writeln!(f, "      at {t}")?;
        }
        Ok(())
    }
}

/// Runs axe on the whole document as it is now and returns every violation.
pub async fn violations(app: &App) -> Vec<Violation> {
    let path = axe_source_path();
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("read {} ({e}): run `npm ci` in tests/ (scripts/setup --test does)", path.display())
    });
    // Inject once per page; axe defines a global `axe`.
    let present = app.exec("return typeof window.axe !== 'undefined';", vec![]).await;
    if present != Value::Bool(true) {
        app.exec(&format!("{source}\n;window.axe = axe; return true;"), vec![]).await;
    }
    let script = "const done = arguments[arguments.length - 1];
        window.axe.run(document, { resultTypes: ['violations'] })
            .then(r => done(JSON.stringify(r.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + '  ' + n.html.slice(0, 160)),
            })))))
            .catch(e => done(JSON.stringify({ error: String(e) })));";
    let raw = app
        .client()
        .execute_async(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("axe-core could not run in the webview: {e}"));
    let parsed: Value = serde_json::from_str(raw.as_str().unwrap_or("[]")).expect("axe result is JSON");
    if let Some(err) = parsed.get("error") {
        panic!("axe-core failed: {err}");
    }
    parsed
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| Violation {
                    id: field(v, "id"),
                    impact: field(v, "impact"),
                    help: field(v, "help"),
                    targets: v["targets"]
                        .as_array()
                        .map(|t| t.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn field(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or("").to_string()
}

/// Serious and critical violations on the page as it is now, as a report naming `screen`
/// (empty if there are none); minor and moderate ones are printed as warnings.
pub async fn blocking_report(app: &App, screen: &str) -> String {
    let all = violations(app).await;
    let (blocking, other): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|v| v.impact == "serious" || v.impact == "critical");
    if !other.is_empty() {
        let list: String = other.iter().map(ToString::to_string).collect();
        eprintln!("axe: {} minor/moderate issue(s) on {screen}:\n{list}", other.len());
    }
    if blocking.is_empty() {
        return String::new();
    }
    let list: String = blocking.iter().map(ToString::to_string).collect();
    format!("axe: {} serious/critical violation(s) on the {screen} screen:\n{list}", blocking.len())
}

/// Fails the test if `screen` has any serious or critical violation, listing them all.
pub async fn assert_accessible(app: &App, screen: &str) {
    let report = blocking_report(app, screen).await;
    if !report.is_empty() {
        app.fail(report).await;
    }
}
