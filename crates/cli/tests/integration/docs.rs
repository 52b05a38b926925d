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
    // Bash completes what is typed, as at a prompt: subcommands, their subcommands and options.
    let script = home.path().join("ldn-journal.bash");
    std::fs::write(&script, bare(home.path()).args(["completions", "bash"]).output().unwrap().stdout).unwrap();
    let tab = |line: &str| {
        let run = std::process::Command::new("bash")
            .arg("-c")
            .arg(r#"source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ldn__journal ldn-journal "${@: -1}" "${@: -2:1}"; echo "${COMPREPLY[*]}""#)
            .arg("bash")
            .arg(&script)
            .args(line.split(' '))
            .output()
            .unwrap();
        assert!(run.status.success(), "{line}: {}", String::from_utf8_lossy(&run.stderr));
        String::from_utf8_lossy(&run.stdout).trim().to_string()
    };
    assert_eq!(tab("ldn-journal enc"), "encrypt");
    assert_eq!(tab("ldn-journal supply a"), "add");
    assert_eq!(tab("ldn-journal log --dos"), "--dose");
    assert_eq!(tab("ldn-journal reminder i"), "ics");
    assert!(tab("ldn-journal report --").split(' ').any(|o| o == "--output"), "{}", tab("ldn-journal report --"));
    assert_eq!(tab("ldn-journal report --paper l"), "letter");

    let bad = bare(home.path()).args(["completions", "tcsh"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(!home.path().join("data").exists(), "no journal was made");
}
