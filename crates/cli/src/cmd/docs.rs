//! `completions` and `man`: the shell completions and man pages, generated from the clap
//! definitions so they never drift from the commands. The packages install what these print
//! (`scripts/package`); neither touches a journal.

use std::path::PathBuf;

use clap::{Args, Command};
use clap_complete::Shell;

use crate::error::CliError;

/// Print the shell completion script for SHELL (bash, zsh, fish, elvish, powershell).
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: Shell,
}

/// Write the man pages (ldn-journal.1 and one per subcommand) into a folder.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder to write them into (made if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

pub fn completions(mut cmd: Command, a: CompletionsArgs) -> Result<(), CliError> {
    use std::io::Write;
    let name = cmd.get_name().to_string();
    // Into memory first: the generator panics on a closed pipe (`... | head`).
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, &name, &mut script);
    if a.shell == Shell::Bash {
        script = respell_bash_states(&String::from_utf8_lossy(&script), &name).into_bytes();
    }
    match std::io::stdout().write_all(&script) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::io("standard output", e)),
        _ => Ok(()),
    }
}

/// clap_complete's bash script spells where a hyphenated command is in two ways: its loop over
/// the words says `ldn__journal__subcmd__log`, its case arms `ldn__subcmd__journal__subcmd__log`.
/// No arm matches, so nothing after the first word completes (clap-rs/clap#6421). The arms are
/// respelled as the loop spells them; once clap is fixed, this changes nothing.
fn respell_bash_states(script: &str, bin: &str) -> String {
    let arms = format!("{}__subcmd__", bin.replace('-', "__subcmd__"));
    let words = format!("{}__subcmd__", bin.replace('-', "__"));
    script.replace(&arms, &words)
}

/// Writes `<name>.1` for `cmd` and `<name>-<sub>.1` for each visible subcommand, recursively.
pub fn man(cmd: Command, a: ManArgs) -> Result<(), CliError> {
    std::fs::create_dir_all(&a.out).map_err(|e| CliError::io(&a.out, e))?;
    write_pages(cmd.disable_help_subcommand(true), &a.out)
}

fn write_pages(cmd: Command, out: &std::path::Path) -> Result<(), CliError> {
    let name = cmd.get_name().to_string();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page).map_err(|e| CliError::io(out, e))?;
    let file = out.join(format!("{name}.1"));
    std::fs::write(&file, page).map_err(|e| CliError::io(&file, e))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let page = sub.clone().name(format!("{name}-{}", sub.get_name()));
        write_pages(page.version(cmd.get_version().unwrap_or_default().to_owned()), out)?;
    }
    Ok(())
}
