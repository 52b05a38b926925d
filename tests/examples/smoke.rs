//! Checks the harness itself: starts a Tauri binary (default: the bare-window fixture) under
//! WebDriver, reads its page, stops it and verifies nothing is left running.
//! `cargo run -p e2e --example smoke -- [BINARY] [CSS]` under Xvfb.

use e2e::{App, Home, driver, procs};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let bin =
        args.next().map(std::path::PathBuf::from).unwrap_or_else(|| driver::target_dir().join("debug/bare-window"));
    let ready = args.next().unwrap_or_else(|| "[data-testid=\"bare-window\"]".into());
    for round in 0..2 {
        let t = std::time::Instant::now();
        // SMOKE_APP_ENV=KEY=VALUE passes one variable to the app (e.g. to compare WebKit settings).
        let mut home = Home::new();
        if let Some((k, v)) = std::env::var("SMOKE_APP_ENV").ok().as_deref().and_then(|s| s.split_once('=')) {
            home = home.with_env(Box::leak(k.to_string().into_boxed_str()), v);
        }
        let app = App::launch_binary(&bin, home, &ready).await;
        let pid = app.pid().expect("app pid found");
        let kids = procs::descendants(pid);
        println!(
            "round {round}: ready in {:?}; app pid {pid}, {} child processes, PSS {} MiB; title {:?}",
            t.elapsed(),
            kids.len(),
            procs::tree_pss_kib(pid) / 1024,
            app.client().title().await.ok()
        );
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        for p in std::iter::once(pid).chain(procs::descendants(pid)) {
            let name = procs::exe(p).and_then(|e| e.file_name().map(|n| n.to_string_lossy().into_owned()));
            println!("  pid {p} {:?}: PSS {} MiB", name.unwrap_or_default(), procs::pss_kib(p).unwrap_or(0) / 1024);
        }
        let _home = app.quit().await;
        let left: Vec<u32> = std::iter::once(pid).chain(kids).filter(|p| procs::alive(*p)).collect();
        println!("round {round}: still alive after quit: {left:?}");
        assert!(left.is_empty(), "processes left behind: {left:?}");
    }
}
