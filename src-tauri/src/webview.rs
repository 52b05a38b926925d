//! Settings of the main window's web view.

use tauri::{Manager, Runtime};

/// Turns off WebKitGTK's accelerated compositing for the main window. The journal is a page of
/// forms and static SVG: compositing buys no visible smoothness here, yet it costs about
/// 110 MiB of memory (measured with scripts/figures) and, with some GPU drivers, blank windows.
/// The price is that every repaint is drawn in software: keep the page cheap to paint (no
/// blurred shadows or filters over large areas; see ui/src/app.css).
pub fn configure<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let applied = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = applied {
            eprintln!("ldn-journal-app: could not configure the web view: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
