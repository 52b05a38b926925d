//! The man pages and shell completions the packages install, generated from the commands.
#![allow(clippy::unwrap_used)]

use crate::common::bare;

#[test]
fn man_pages_cover_the_command_and_each_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("man");
    let run = bare(home.path()).args(["man", "--out"]).arg(&out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let main = std::fs::read_to_string(out.join("ldn-journal.1")).unwrap();
    assert!(main.starts_with(".ie"), "roff: {}", &main[..80.min(main.len())]);
    assert!(main.contains(".TH ldn-journal 1"), "{main}");
    assert!(main.contains("no medical or dosing advice"), "the description says so");
    for sub in ["log", "export", "encrypt", "completions"] {
        let page = std::fs::read_to_string(out.join(format!("ldn-journal-{sub}.1"))).unwrap();
        assert!(page.contains(&format!(".TH ldn-journal-{sub} 1")), "{sub}: {page}");
    }
    assert!(!out.join("ldn-journal-man.1").exists(), "the hidden generator has no page");
    assert!(!home.path().join("data").exists(), "no journal was made");
    // `man -l` renders it (man-db), where man is installed.
    let rendered =
        std::process::Command::new("man").arg("-l").arg(out.join("ldn-journal-log.1")).env("MANPAGER", "cat").output();
    if let Some(r) = rendered.ok().filter(|r| r.status.success()) {
        assert!(String::from_utf8_lossy(&r.stdout).contains("--wellbeing"));
    }
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let home = tempfile::tempdir().unwrap();
    for (shell, marker) in
        [("bash", "complete -F _ldn__journal"), ("zsh", "#compdef ldn-journal"), ("fish", "complete -c ldn-journal")]
    {
        let run = bare(home.path()).args(["completions", shell]).output().unwrap();
        assert!(run.status.success(), "{shell}: {}", String::from_utf8_lossy(&run.stderr));
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(text.contains(marker), "{shell}: {}", &text[..200.min(text.len())]);
        assert!(text.contains("encrypt"), "{shell} completes the subcommands");
    }
    // Bash completes a subcommand from what is typed, as it does at a prompt.
    let script = home.path().join("ldn-journal.bash");
    std::fs::write(&script, bare(home.path()).args(["completions", "bash"]).output().unwrap().stdout).unwrap();
    let tab = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"source "$1"; COMP_WORDS=(ldn-journal enc); COMP_CWORD=1; _ldn__journal ldn-journal enc ldn-journal; echo "${COMPREPLY[*]}""#)
        .arg("bash")
        .arg(&script)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&tab.stdout).trim(), "encrypt", "{}", String::from_utf8_lossy(&tab.stderr));

    let bad = bare(home.path()).args(["completions", "tcsh"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(!home.path().join("data").exists(), "no journal was made");
}
