//! The `monorelay` binary: parses the command line, sets up logging, and dispatches to one file
//! per subcommand (`top`'s dashboard lives in `tui/`, included here as a module). The work itself
//! happens in the `monorelay` library.

mod config;
mod conn;
mod daemon;
mod gen_docs;
mod init;
mod keys;
mod logs;
mod migrate;
mod providers;
mod route;
mod serve;
mod service;
mod stats;
mod sync;
mod top;
#[path = "../tui/mod.rs"]
mod tui;
mod users;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// A fast relay for OpenAI- and Anthropic-dialect LLM APIs.
#[derive(Debug, Parser)]
#[command(name = "monorelay", version, about, propagate_version = true, after_long_help = gen_docs::after_help())]
pub struct Cli {
    /// Config file (default: ./config.yml if it exists, else the embedded default).
    #[arg(long, global = true, env = "MONORELAY_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Where the access key, database and control socket live (default: server.data_dir, else ./data).
    #[arg(long, global = true, env = "MONORELAY_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// More log output (-v debug, -vv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Less log output (-q warnings only, -qq errors only).
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "verbose")]
    pub quiet: u8,
    /// Log line format.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Human)]
    pub log_format: LogFormat,
    /// Print data as JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the relay server (in the foreground, or in the background with --daemon).
    Serve(serve::ServeArgs),
    /// Is the server running? Pid, version, uptime, address, config and the last minute's
    /// requests (exit 3 when not running).
    Status,
    /// Stop the background server: graceful first, killed after --timeout.
    Stop(daemon::StopArgs),
    /// Stop the background server (if it runs) and start it again with these options.
    Restart(daemon::RestartArgs),
    /// Check, locate or print the configuration.
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Show how a model name is routed, step by step.
    Route(route::RouteArgs),
    /// List, test and inspect upstream providers.
    #[command(subcommand)]
    Providers(providers::ProvidersCommand),
    /// Watch the running server live: rates, keys, models and every request.
    Top(top::TopArgs),
    /// The request log: tail, show, export, clear.
    #[command(subcommand)]
    Logs(logs::LogsCommand),
    /// Requests, errors, tokens, cost and latency from the hourly aggregates.
    Stats(stats::StatsArgs),
    /// Upstream keys: list, add, remove, enable, disable, import, export, reset.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Users and their relay keys: list, add, remove, passwd, role, enable, disable, keys.
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Back the config up to a private GitHub Gist or WebDAV (secrets encrypted) and bring it back.
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Install, remove or inspect monorelay as a systemd (or launchd) service.
    #[command(subcommand)]
    Service(service::ServiceCommand),
    /// Write a first config.yml: pick a provider, paste its key (never overwrites without --force).
    Init(init::InitArgs),
    /// Copy this data dir's database (log, stats, users) into PostgreSQL for several relays.
    Migrate(migrate::MigrateArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(gen_docs::CompletionsArgs),
    /// Write the man pages into a directory.
    Man(gen_docs::ManArgs),
}

/// Where the logs go: stderr, or (for the detached server) the size-rotated log file.
fn init_logging(cli: &Cli, file: Option<monorelay::daemon::RotatingLog>) {
    use tracing_subscriber::EnvFilter;
    let level = match (cli.verbose, cli.quiet) {
        (0, 0) => config_log_level(cli).unwrap_or("info"),
        (1, _) => "debug",
        (v, _) if v >= 2 => "trace",
        (_, 1) => "warn",
        _ => "error",
    };
    let filter = EnvFilter::try_from_env("MONORELAY_LOG")
        .unwrap_or_else(|_| EnvFilter::new(format!("{level},hyper=warn,reqwest=warn,h2=warn")));
    if let Some(file) = file {
        let builder =
            tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(std::sync::Mutex::new(file));
        match cli.log_format {
            LogFormat::Human => builder.init(),
            LogFormat::Json => builder.json().init(),
        }
        return;
    }
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match cli.log_format {
        // Colour only for a terminal: escape codes in files and journals are noise, and cost time.
        LogFormat::Human => {
            use std::io::IsTerminal;
            builder.with_ansi(std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()).init()
        }
        LogFormat::Json => builder.json().init(),
    }
}

fn main() -> ExitCode {
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    let log_file = match &cli.command {
        Command::Serve(a) if a.daemon_child => {
            let dir = conn::data_dir(&cli, config::load(&cli).ok().as_ref());
            monorelay::daemon::RotatingLog::open(
                dir.join(monorelay::daemon::LOG_FILE),
                monorelay::daemon::LOG_MAX_BYTES,
                monorelay::daemon::LOG_KEEP,
            )
            .ok()
        }
        _ => None,
    };
    init_logging(&cli, log_file);
    let result = match &cli.command {
        Command::Serve(args) => serve::run(&cli, args),
        Command::Status => daemon::status(&cli),
        Command::Stop(args) => daemon::stop(&cli, args),
        Command::Restart(args) => daemon::restart(&cli, args),
        Command::Config(cmd) => config::run(&cli, cmd),
        Command::Route(args) => route::run(&cli, args),
        Command::Providers(cmd) => providers::run(&cli, cmd),
        Command::Top(args) => top::run(&cli, args),
        Command::Logs(cmd) => logs::run(&cli, cmd),
        Command::Stats(args) => stats::run(&cli, args),
        Command::Keys(cmd) => keys::run(&cli, cmd),
        Command::Users(cmd) => users::run(&cli, cmd),
        Command::Sync(cmd) => sync::run(&cli, cmd),
        Command::Service(cmd) => service::run(&cli, cmd),
        Command::Init(args) => init::run(&cli, args),
        Command::Migrate(args) => migrate::run(&cli, args),
        Command::Completions(args) => gen_docs::completions(&cli, args),
        Command::Man(args) => gen_docs::man(&cli, args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            // A management operation's error carries its own exit code.
            match e.downcast_ref::<monorelay::admin::AdminError>() {
                Some(a) => ExitCode::from(a.exit_code()),
                None => ExitCode::FAILURE,
            }
        }
    }
}

/// The config file's `server.log_level` (the original's `DEBUG` / `INFO` / `WARNING` / `ERROR`),
/// read before the config is loaded so that loading it is logged at that level. Flags and
/// `MONORELAY_LOG` win over it.
fn config_log_level(cli: &Cli) -> Option<&'static str> {
    let text = std::fs::read_to_string(config::resolve(cli)?).ok()?;
    let v = monorelay::config::yaml::parse(&text).ok()?;
    let level = v.get("server")?.get("log_level")?.as_str()?.to_ascii_lowercase();
    Some(match level.as_str() {
        "trace" => "trace",
        "debug" => "debug",
        "info" => "info",
        "warn" | "warning" => "warn",
        "error" | "critical" => "error",
        _ => return None,
    })
}

/// `monorelay stats --json | head`: when the reader of stdout goes away, every command ends
/// quietly instead of panicking in `println!` (Rust ignores SIGPIPE, so the write fails with
/// EPIPE and `println!` panics with "failed printing to stdout").
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.starts_with("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// An error that is only the closed stdout (a `writeln!` to it, propagated with `?`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
