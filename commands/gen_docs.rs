//! `monorelay completions` and `monorelay man`: shell completions (clap_complete) and man pages
//! (clap_mangen) generated from the very `Cli` definition that parses the command line, so they
//! cannot drift from it; the committed `completions/` and `man/` are their output, and a test
//! fails when those are stale. `monorelay.1` adds the sections clap knows nothing about: exit
//! status, environment and files.

use crate::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for (bash, zsh, fish, powershell, elvish).
    #[arg(value_enum, required_unless_present = "dir")]
    pub shell: Option<Shell>,
    /// Write the scripts for every shell into DIR instead (monorelay.bash, _monorelay,
    /// monorelay.fish, _monorelay.ps1, monorelay.elv).
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Directory to write monorelay.1 and one page per subcommand into (their old pages there
    /// are replaced).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Every shell clap_complete supports, in a fixed order.
const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

/// What the exit codes mean, for `--help` and the man page.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success; for `status`: the server is running"),
    (1, "failure (the message says why)"),
    (2, "usage error, or an invalid argument or config value"),
    (3, "not found; for `status`: the server is not running"),
    (4, "conflict with the current state (for example a key that already exists)"),
    (5, "forbidden"),
    (6, "the running server could not be reached or is stopping"),
];

pub fn completions(cli: &Cli, args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    match (&args.dir, args.shell) {
        (Some(dir), _) => {
            std::fs::create_dir_all(dir)?;
            let mut written = Vec::new();
            for shell in SHELLS {
                written.push(clap_complete::generate_to(shell, &mut cmd, "monorelay", dir)?);
            }
            if cli.json {
                println!("{}", serde_json::to_string_pretty(&written)?);
            } else {
                for p in written {
                    println!("{}", p.display());
                }
            }
        }
        (None, Some(shell)) => clap_complete::generate(shell, &mut cmd, "monorelay", &mut std::io::stdout()),
        (None, None) => anyhow::bail!("name a shell or --dir"),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn man(cli: &Cli, args: &ManArgs) -> anyhow::Result<ExitCode> {
    let dir = &args.dir;
    std::fs::create_dir_all(dir)?;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with("monorelay") && name.ends_with(".1") {
            std::fs::remove_file(&path)?;
        }
    }
    clap_mangen::generate_to(Cli::command(), dir)?;
    write_main_page(&dir.join("monorelay.1"))?;
    let mut pages: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("monorelay") && n.ends_with(".1"))
        .collect();
    pages.sort();
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&pages)?);
    } else {
        println!("{} pages in {}", pages.len(), dir.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// roff-escape plain text (a leading `.` or `'` would be read as a request).
fn esc(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') { format!("\\&{s}") } else { s }
}

/// `monorelay.1`: clap_mangen's sections, then exit status, environment and files.
fn write_main_page(path: &Path) -> std::io::Result<()> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let man = clap_mangen::Man::new(cmd);
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in EXIT_CODES {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", esc(meaning))?;
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, meaning) in [
        ("MONORELAY_CONFIG", "the config file, as \\-\\-config"),
        ("MONORELAY_DATA_DIR", "the data dir, as \\-\\-data\\-dir"),
        ("MONORELAY_LOG", "a log filter (tracing EnvFilter syntax), overriding \\-v and \\-q"),
        ("NO_COLOR", "no colours in terminal output"),
    ] {
        writeln!(out, ".TP\n\\fB{name}\\fR\n{meaning}")?;
    }
    writeln!(out, ".SH FILES")?;
    for (name, meaning) in [
        ("./config.yml", "the config used when \\-\\-config is not given (else the embedded default)"),
        ("DATA_DIR/access_key", "the generated access key (mode 0600)"),
        ("DATA_DIR/monorelay.redb", "the request log, statistics and key health"),
        ("DATA_DIR/monorelay.sock", "the control socket of the running server (mode 0600)"),
        ("DATA_DIR/monorelay.pid", "the background server's pid, locked while it runs"),
        ("DATA_DIR/monorelay.log", "the background server's log, rotated at 10 MiB (3 old files kept)"),
    ] {
        writeln!(out, ".TP\n\\fI{}\\fR\n{meaning}", name.replace('-', "\\-"))?;
    }
    man.render_version_section(&mut out)?;
    std::fs::write(path, out)
}

/// The text under `--help` of the top command.
pub fn after_help() -> String {
    let mut s = String::from("Exit status:\n");
    for (code, meaning) in EXIT_CODES {
        s.push_str(&format!("  {code}  {meaning}\n"));
    }
    s.push_str("\nMore: `man monorelay`, `monorelay COMMAND --help`.");
    s
}
