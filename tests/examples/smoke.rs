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
        let app = App::launch_binary(&bin, Home::new(), &ready).await;
        let pid = app.pid().expect("app pid found");
        let kids = procs::descendants(pid);
        println!(
            "round {round}: ready in {:?}; app pid {pid}, {} child processes, PSS {} MiB; title {:?}",
            t.elapsed(),
            kids.len(),
            procs::tree_pss_kib(pid) / 1024,
            app.client().title().await.ok()
        );
        let _home = app.quit().await;
        let left: Vec<u32> = std::iter::once(pid).chain(kids).filter(|p| procs::alive(*p)).collect();
        println!("round {round}: still alive after quit: {left:?}");
        assert!(left.is_empty(), "processes left behind: {left:?}");
    }
}
