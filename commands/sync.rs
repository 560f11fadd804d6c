//! `monorelay sync setup | push | pull | diff | status | history`: argument parsing, the token
//! and passphrase input (stdin, environment, or a prompt that does not echo), a spinner in a
//! terminal, and output over `monorelay::admin` (`sync.*`), which does the work — in the running
//! server over the control socket, else in this process on the files.

use crate::Cli;
use crate::conn::block_on;
use clap::{Args, Subcommand, ValueEnum};
use monorelay::admin::{
    Client, Offline, Service, SyncHistoryArgs, SyncPull, SyncPush, SyncSetup, SyncTarget, socket::SOCKET_FILE,
};
use monorelay::sync::{PASSPHRASE_ENV, TokenSource};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and
    /// record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN,
    /// or --token-stdin (then stored 0600 in the data dir, never printed).
    Setup(SetupArgs),
    /// Push config.yml (secrets replaced by references) and secrets.age (encrypted under
    /// MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not
    /// pushed). Refused when the remote changed since the last sync, unless --force.
    Push(PushArgs),
    /// Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then
    /// reload the running server. Refused over local edits made since the last sync, unless --force.
    Pull(PullArgs),
    /// Show what a pull would change (secrets shown as references).
    Diff(DiffArgs),
    /// Where sync stands: Gist, token source, versions, last push/pull, last error.
    Status,
    /// The Gist's revisions, newest first (restore one with `pull --revision SHA`).
    History(HistoryArgs),
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum Target {
    #[default]
    Gist,
    Webdav,
}

impl From<Target> for SyncTarget {
    fn from(t: Target) -> SyncTarget {
        match t {
            Target::Gist => SyncTarget::Gist,
            Target::Webdav => SyncTarget::Webdav,
        }
    }
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Read the GitHub token from stdin and keep it in the data dir (mode 0600).
    #[arg(long)]
    pub token_stdin: bool,
    /// GitHub API base URL when the config sets no sync.api_base (GitHub Enterprise:
    /// https://HOST/api/v3).
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,
}

#[derive(Debug, Args)]
pub struct Secrets {
    /// Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal).
    #[arg(long)]
    pub passphrase_stdin: bool,
    /// Do not ask for a passphrase: push without secrets / keep the local ones on pull.
    #[arg(long, conflicts_with = "passphrase_stdin")]
    pub no_passphrase: bool,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Where to push.
    #[arg(long, value_enum, default_value_t = Target::Gist)]
    pub to: Target,
    /// Overwrite the remote even if it changed since the last sync.
    #[arg(long)]
    pub force: bool,
    /// Also push a stats snapshot (stats.json, last 24 h).
    #[arg(long)]
    pub with_stats: bool,
    #[command(flatten)]
    pub secrets: Secrets,
}

#[derive(Debug, Args)]
pub struct PullArgs {
    /// Where to pull from.
    #[arg(long, value_enum, default_value_t = Target::Gist)]
    pub from: Target,
    /// A Gist revision (see `sync history`) instead of the latest.
    #[arg(long, value_name = "SHA")]
    pub revision: Option<String>,
    /// Replace the local config even if it was edited since the last sync.
    #[arg(long)]
    pub force: bool,
    /// Show what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub secrets: Secrets,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(long, value_enum, default_value_t = Target::Gist)]
    pub from: Target,
    #[arg(long, value_name = "SHA")]
    pub revision: Option<String>,
    #[command(flatten)]
    pub secrets: Secrets,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// At most this many revisions.
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
}

/// The running server's service, else one on the files. Unlike other commands, the config file
/// need not exist yet: a pull creates it.
async fn open(cli: &Cli) -> anyhow::Result<Client> {
    let config = crate::config::load(cli).ok();
    let dir = crate::conn::data_dir(cli, config.as_ref());
    if let Ok(c) = Client::connect(&dir.join(SOCKET_FILE)).await {
        return Ok(c);
    }
    let config_path = Some(crate::config::resolve(cli).unwrap_or_else(monorelay::config::default_path));
    let service = Service::offline(Offline { config, config_path, data_dir: dir })?;
    Ok(Client::local(Arc::new(service)))
}

fn read_stdin_line(what: &str) -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin().read_line(&mut s)?;
    let s = s.trim_end_matches(['\n', '\r']).to_string();
    anyhow::ensure!(!s.trim().is_empty(), "no {what} on stdin");
    Ok(s)
}

/// The passphrase to send: stdin, the environment (then the operation reads it itself), a prompt.
fn passphrase(a: &Secrets, confirm: bool) -> anyhow::Result<Option<String>> {
    if a.no_passphrase {
        return Ok(None);
    }
    if a.passphrase_stdin {
        return read_stdin_line("passphrase").map(Some);
    }
    if std::env::var_os(PASSPHRASE_ENV).is_some() {
        return Ok(std::env::var(PASSPHRASE_ENV).ok());
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Ok(None);
    }
    let p = crate::conn::prompt_hidden("sync passphrase (empty: no secrets): ")?;
    if p.is_empty() {
        return Ok(None);
    }
    if confirm {
        let again = crate::conn::prompt_hidden("again: ")?;
        anyhow::ensure!(again == p, "the passphrases differ");
    }
    Ok(Some(p))
}

fn spinner(cli: &Cli, msg: &str) -> indicatif::ProgressBar {
    if cli.json || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new_spinner();
    b.set_message(msg.to_string());
    b.enable_steady_tick(std::time::Duration::from_millis(100));
    b
}

fn short(v: Option<&str>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.get(..12).unwrap_or(v).to_string())
}

fn print_json<T: serde::Serialize>(v: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

pub fn run(cli: &Cli, cmd: &SyncCommand) -> anyhow::Result<ExitCode> {
    // Read secrets before any runtime starts (a prompt needs the terminal to itself).
    let (token, pass) = match cmd {
        SyncCommand::Setup(a) => (a.token_stdin.then(|| read_stdin_line("token")).transpose()?, None),
        SyncCommand::Push(a) => (None, passphrase(&a.secrets, true)?),
        SyncCommand::Pull(a) => (None, passphrase(&a.secrets, false)?),
        SyncCommand::Diff(a) => (None, passphrase(&a.secrets, false)?),
        SyncCommand::Status | SyncCommand::History(_) => (None, None),
    };
    block_on(async {
        let mut c = open(cli).await?;
        match cmd {
            SyncCommand::Setup(a) => {
                let bar = spinner(cli, "checking the token and finding the Gist…");
                let r = c.sync_setup(&SyncSetup { token, api_base: a.api_base.clone() }).await;
                bar.finish_and_clear();
                let r = r?;
                if cli.json {
                    return print_json(&r).map(|()| ExitCode::SUCCESS);
                }
                println!("{} Gist {}", if r.created { "created" } else { "using" }, r.gist_id);
                if let Some(u) = &r.html_url {
                    println!("  {u}");
                }
                println!(
                    "  token: {}",
                    match r.token {
                        TokenSource::Env => "from the environment",
                        TokenSource::File if r.token_stored => "stored in the data dir (0600)",
                        TokenSource::File => "from the data dir",
                        TokenSource::None => "none",
                    }
                );
                if r.config_updated {
                    println!("  sync.gist_id written to the config");
                }
            }
            SyncCommand::Push(a) => {
                let bar = spinner(cli, "pushing…");
                let r = c
                    .sync_push(&SyncPush {
                        target: a.to.into(),
                        force: a.force,
                        with_stats: a.with_stats,
                        passphrase: pass,
                    })
                    .await;
                bar.finish_and_clear();
                let r = r?;
                if cli.json {
                    return print_json(&r).map(|()| ExitCode::SUCCESS);
                }
                println!(
                    "pushed {} ({}): {} → {}",
                    r.files.join(", "),
                    match r.target {
                        SyncTarget::Gist => "Gist",
                        SyncTarget::Webdav => "WebDAV",
                    },
                    short(r.previous.as_deref()),
                    short(r.version.as_deref())
                );
                if r.secrets_pushed {
                    println!("  {} secret(s) encrypted in secrets.age", r.secret_count);
                } else if r.secret_count > 0 {
                    println!(
                        "  {} secret(s) NOT pushed (no passphrase; set {PASSPHRASE_ENV} to push them encrypted)",
                        r.secret_count
                    );
                }
            }
            SyncCommand::Pull(a) => {
                let bar = spinner(cli, "pulling…");
                let r = c
                    .sync_pull(&SyncPull {
                        target: a.from.into(),
                        revision: a.revision.clone(),
                        force: a.force,
                        dry_run: a.dry_run,
                        passphrase: pass,
                    })
                    .await;
                bar.finish_and_clear();
                let r = r?;
                if cli.json {
                    return print_json(&r).map(|()| ExitCode::SUCCESS);
                }
                if a.dry_run {
                    print!("{}", r.diff);
                    println!("{}", if r.changed { "(dry run: nothing written)" } else { "no changes" });
                } else if !r.changed {
                    println!("already up to date (version {})", short(r.version.as_deref()));
                } else {
                    print!("{}", r.diff);
                    println!("pulled version {}", short(r.version.as_deref()));
                    if let Some(b) = &r.backup {
                        println!("  the old config is kept as {}", b.display());
                    }
                    if r.reloaded {
                        println!("  the running server reloaded it");
                    }
                }
                if r.secrets == monorelay::admin::SecretsFrom::Local {
                    println!("  secrets: the local values were kept (no passphrase or none pushed)");
                }
                if r.access_key_restored {
                    println!("  the relay's access key was restored into the data dir");
                }
            }
            SyncCommand::Diff(a) => {
                let bar = spinner(cli, "fetching…");
                let r = c
                    .sync_diff(&SyncPull {
                        target: a.from.into(),
                        revision: a.revision.clone(),
                        dry_run: true,
                        passphrase: pass,
                        ..SyncPull::default()
                    })
                    .await;
                bar.finish_and_clear();
                let r = r?;
                if cli.json {
                    return print_json(&r).map(|()| ExitCode::SUCCESS);
                }
                if r.changed {
                    print!("{}", r.diff);
                } else {
                    println!("no changes");
                }
            }
            SyncCommand::Status => {
                let s = c.sync_status().await?;
                if cli.json {
                    return print_json(&s).map(|()| ExitCode::SUCCESS);
                }
                let t = |ms: Option<u64>| ms.map_or_else(|| "never".to_string(), crate::conn::fmt_time);
                println!("gist:        {}", s.gist_id.as_deref().unwrap_or("(none: run 'monorelay sync setup')"));
                println!("api:         {}", s.api_base);
                println!(
                    "token:       {}",
                    match s.token {
                        TokenSource::Env => "from the environment",
                        TokenSource::File => "stored in the data dir",
                        TokenSource::None => "none",
                    }
                );
                println!("webdav:      {}", s.webdav_url.as_deref().unwrap_or("-"));
                println!(
                    "version:     gist {} · webdav {}",
                    short(s.gist_version.as_deref()),
                    short(s.webdav_etag.as_deref())
                );
                println!("last push:   {}", t(s.last_push_ms));
                println!("last pull:   {}", t(s.last_pull_ms));
                println!(
                    "secrets:     {}",
                    match (s.secrets_pushed, s.passphrase) {
                        (Some(true), _) => "pushed encrypted (secrets.age)",
                        (Some(false), _) => "NOT pushed (no passphrase at the last push)",
                        (None, true) => "a passphrase is set; nothing pushed yet",
                        (None, false) => "no passphrase set: secrets would not be pushed",
                    }
                );
                println!(
                    "local:       {}",
                    match s.local_changed {
                        Some(true) => "changed since the last sync",
                        Some(false) => "as last synced",
                        None => "never synced",
                    }
                );
                println!("auto push:   {}", if s.auto_push { "on" } else { "off" });
                if let Some(e) = &s.last_error {
                    println!("last error:  {} ({}): {}", e.op, crate::conn::fmt_time(e.at_ms), e.message);
                }
            }
            SyncCommand::History(a) => {
                let revs = c.sync_history(&SyncHistoryArgs { limit: Some(a.limit) }).await?;
                if cli.json {
                    return print_json(&revs).map(|()| ExitCode::SUCCESS);
                }
                for r in revs {
                    println!(
                        "{} {}  {:<20}  +{} -{}",
                        if r.current { "*" } else { " " },
                        r.version,
                        r.committed_at.as_deref().unwrap_or("-"),
                        r.additions,
                        r.deletions
                    );
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
