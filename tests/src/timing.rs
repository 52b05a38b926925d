//! In-page timings of user actions, shared by the e2e tests (which print them) and
//! `examples/figures.rs` (which reports them). Each runs as one async script in the page, so
//! WebDriver's own round trips are not counted.

use serde_json::{Value, json};

use crate::{App, tid};

/// Trends' range presets (`trends-range-<preset>`), in an order where each differs from the last.
pub const RANGE_PRESETS: [&str; 5] = ["1y", "4w", "all", "6m", "3m"];

/// Clicks Trends' range button `button` and waits until the view shows a different span and is
/// ready again. Returns milliseconds from the click to: the new charts in the DOM, the layout
/// done (forced right then), and the next animation frame (what the user sees).
pub async fn trends_range_change(app: &App, button: &str) -> [f64; 3] {
    let script = r#"
        const [button, done] = [arguments[0], arguments[arguments.length - 1]];
        const view = document.querySelector('[data-testid="trends"]');
        const before = view.dataset.span;
        const t0 = performance.now();
        const updated = () => view.dataset.span !== before && view.dataset.state === 'ready';
        const observer = new MutationObserver(() => {
            if (!updated()) return;
            observer.disconnect();
            const dom = performance.now() - t0;
            void document.body.offsetHeight;
            const layout = performance.now() - t0;
            requestAnimationFrame(() => done([dom, layout, performance.now() - t0]));
        });
        observer.observe(view, { attributes: true });
        setTimeout(() => done([-1, -1, -1]), 10000);
        document.querySelector(button).click();
    "#;
    let v = app.client().execute_async(script, vec![json!(tid(button))]).await.expect("range change script");
    let ms: Vec<f64> = v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    assert!(ms.len() == 3 && ms[0] >= 0.0, "the view did not update after {button}: {v}");
    [ms[0], ms[1], ms[2]]
}

/// Clicks Save on a day with unsaved changes. Returns milliseconds from the click until the
/// status reads "Saved", and until the next animation frame after that.
pub async fn save_day(app: &App) -> [f64; 2] {
    let script = r#"
        const done = arguments[arguments.length - 1];
        const status = document.querySelector('[data-testid="day-status"]');
        const button = document.querySelector('[data-testid="save-day"]');
        if (!status.textContent.includes('Unsaved')) { done('not dirty: ' + status.textContent); return; }
        performance.mark('timing:save-click');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
            if (status.textContent.trim() !== 'Saved') return;
            observer.disconnect();
            const saved = performance.now() - t0;
            requestAnimationFrame(() => done([saved, performance.now() - t0]));
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
        setTimeout(() => done('no "Saved" within 10 s: ' + status.textContent), 10000);
        button.click();
    "#;
    let v = app.client().execute_async(script, vec![]).await.expect("save timing script");
    let ms: Vec<f64> = v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    assert!(ms.len() == 2, "the save was not timed: {v}");
    [ms[0], ms[1]]
}
