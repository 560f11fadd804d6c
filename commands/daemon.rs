//! Daemon mode: `serve --daemon` (start detached and return once the server listens), `status`,
//! `stop` and `restart`. Detaching re-executes this binary with the hidden `--daemon-child` in a
//! new session (setsid), stdin from /dev/null and stderr into `monorelay.log` — no `fork()` in a
//! process that may already run threads. The child takes the pid file's lock, builds the server
//! and reports one JSON line on its stdout pipe (`{"pid":…,"listen":…}` or `{"error":…}`), which
//! the parent waits for. `stop` signals only the pid named by a pid file whose lock is held, i.e.
//! the daemon itself; a server started in the foreground is left to whoever started it.

use crate::Cli;
use crate::serve::ServeArgs;
use monorelay::admin::{Client, StatusInfo, socket::SOCKET_FILE};
use monorelay::daemon;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// `status`'s exit code when no server runs (as LSB init scripts and `systemctl status`).
pub const EXIT_NOT_RUNNING: u8 = 3;
/// How long `serve --daemon` waits for the child to listen.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// After SIGKILL, how long `stop` waits for the process to be gone.
const KILL_WAIT: Duration = Duration::from_secs(5);
const POLL: Duration = Duration::from_millis(50);

/// The child's one line to the parent.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Ready {
    #[serde(default)]
    pid: u32,
    #[serde(default)]
    listen: String,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct StopArgs {
    /// Seconds to wait for a graceful shutdown (in-flight requests finish) before the daemon is
    /// killed.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

#[derive(Debug, clap::Args)]
pub struct RestartArgs {
    #[command(flatten)]
    pub stop: StopArgs,
    /// Address to listen on (overrides server.host).
    #[arg(long)]
    pub host: Option<String>,
    /// Port to listen on (overrides server.port).
    #[arg(long)]
    pub port: Option<u16>,
}

/// The data dir `serve` uses, from the flags and the config (when it loads).
fn data_dir(cli: &Cli) -> PathBuf {
    crate::conn::data_dir(cli, crate::config::load(cli).ok().as_ref())
}

/// `serve --daemon`: start the child and wait for its report.
pub fn start(cli: &Cli, dir: &Path, serve: &ServeArgs) -> anyhow::Result<ExitCode> {
    if let Some(pid) = daemon::running(dir)? {
        anyhow::bail!("monorelay is already running on data dir '{}' (pid {pid})", dir.display());
    }
    monorelay::access_key::create_private_dir(dir).map_err(|e| anyhow::anyhow!("data dir '{}': {e}", dir.display()))?;
    let log_path = dir.join(daemon::LOG_FILE);
    let log = std::fs::OpenOptions::new().create(true).append(true).open(&log_path)?;
    // The child gets this command's settings spelled out (`restart` starts one too).
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    if let Some(c) = &cli.config {
        args.extend(["--config".into(), c.clone().into_os_string()]);
    }
    args.extend(["--data-dir".into(), dir.as_os_str().to_owned()]);
    args.extend(std::iter::repeat_n("-v".into(), usize::from(cli.verbose)));
    args.extend(std::iter::repeat_n("-q".into(), usize::from(cli.quiet)));
    if cli.log_format == crate::LogFormat::Json {
        args.extend(["--log-format".into(), "json".into()]);
    }
    args.extend(["serve".into(), "--daemon-child".into()]);
    if let Some(h) = &serve.host {
        args.extend(["--host".into(), h.into()]);
    }
    if let Some(p) = serve.port {
        args.extend(["--port".into(), p.to_string().into()]);
    }
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(log)
        .spawn()?;
    let Some(out) = child.stdout.take() else { anyhow::bail!("no pipe to the daemon") };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = match rx.recv_timeout(START_TIMEOUT) {
        Ok(l) => l,
        Err(_) => {
            // Ours to stop: we started it and it never said it was ready.
            let _ = child.kill();
            let _ = child.wait();
            anyhow::bail!(
                "the daemon did not start listening within {} s; see '{}'",
                START_TIMEOUT.as_secs(),
                log_path.display()
            );
        }
    };
    let ready: Option<Ready> = serde_json::from_str(line.trim()).ok();
    match ready {
        Some(Ready { error: None, pid, listen }) => {
            if cli.json {
                let v = serde_json::json!({
                    "pid": pid,
                    "listen": listen,
                    "data_dir": dir,
                    "log": log_path,
                    "pid_file": dir.join(daemon::PID_FILE),
                });
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!("monorelay {} started in the background (pid {pid})", env!("CARGO_PKG_VERSION"));
                println!("  listening on: http://{listen}");
                println!("  log:          {}", log_path.display());
                println!("  status/stop:  monorelay status | monorelay stop");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Ready { error: Some(e), .. }) => {
            let _ = child.wait();
            anyhow::bail!("the daemon failed to start: {e}")
        }
        None => {
            let status = child.wait()?;
            anyhow::bail!("the daemon exited during startup ({status}); see '{}'", log_path.display())
        }
    }
}

/// The child's side, before the server is built: new session, the pid file.
pub fn child_prepare(dir: &Path) -> Result<daemon::PidLock, String> {
    daemon::new_session().map_err(|e| e.to_string())?;
    daemon::PidLock::acquire(dir).map_err(|e| e.to_string())
}

/// The child's report to the waiting parent; afterwards stdout goes to /dev/null (the pipe's
/// reader is gone once the parent exits).
pub fn child_report(listen: Option<std::net::SocketAddr>, error: Option<String>) {
    let ready = Ready { pid: std::process::id(), listen: listen.map(|a| a.to_string()).unwrap_or_default(), error };
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer(&mut out, &ready);
    let _ = writeln!(out);
    let _ = out.flush();
    drop(out);
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = daemon::redirect_stdout(&null);
    }
}

fn fmt_uptime(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

async fn query(dir: &Path) -> Option<StatusInfo> {
    let mut c = Client::connect(&dir.join(SOCKET_FILE)).await.ok()?;
    c.status().await.ok().filter(|s| s.running)
}

/// `monorelay status`: exit 0 running, 3 not running, 1 when a daemon holds the pid file but does
/// not answer.
pub fn status(cli: &Cli) -> anyhow::Result<ExitCode> {
    let dir = data_dir(cli);
    let info = crate::conn::block_on(async { Ok(query(&dir).await) })?;
    let pid_file = daemon::running(&dir)?;
    let Some(s) = info else {
        if cli.json {
            let v = serde_json::json!({"running": false, "data_dir": dir, "daemon_pid": pid_file});
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        return Ok(match pid_file {
            Some(pid) => {
                if !cli.json {
                    println!(
                        "monorelay (pid {pid}) holds the pid file in '{}' but its control socket does not answer",
                        dir.display()
                    );
                }
                ExitCode::FAILURE
            }
            None => {
                if !cli.json {
                    println!("monorelay is not running (data dir '{}')", dir.display());
                }
                ExitCode::from(EXIT_NOT_RUNNING)
            }
        });
    };
    if cli.json {
        let mut v = serde_json::to_value(&s)?;
        v["data_dir"] = serde_json::json!(dir);
        v["daemon"] = serde_json::json!(pid_file.is_some());
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let pid = s.pid.map_or_else(|| "?".to_string(), |p| p.to_string());
    let mode = if pid_file.is_some() { "daemon" } else { "foreground" };
    println!("monorelay {} running ({mode}, pid {pid}), up {}", s.version, fmt_uptime(s.uptime_secs));
    println!("  listen:      http://{}", s.listen.as_deref().unwrap_or("?"));
    let reload = match &s.reload {
        Some(r) if r.at_ms.is_none() => "never reloaded".to_string(),
        Some(r) if r.ok => {
            format!("last reload ok at {} ({} in all)", crate::conn::fmt_time(r.at_ms.unwrap_or(0)), r.reloads)
        }
        Some(r) => format!("last reload FAILED at {}: {}", crate::conn::fmt_time(r.at_ms.unwrap_or(0)), r.message),
        None => String::new(),
    };
    println!("  config:      {} ({reload})", s.config.as_deref().unwrap_or("?"));
    let recent = s.last_minute.clone().unwrap_or_default();
    println!("  last minute: {} requests, {} errors", recent.requests, recent.errors);
    println!("  in flight:   {} ({} streaming)", s.in_flight, s.streams);
    println!("  data dir:    {}", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// Stop the daemon on `dir` (if any): SIGTERM, wait `timeout`, then SIGKILL. `Ok(None)`: none ran.
fn stop_daemon(cli: &Cli, dir: &Path, timeout: Duration) -> anyhow::Result<Option<u32>> {
    let Some(pid) = daemon::running(dir)? else {
        if let Some(s) = crate::conn::block_on(async { Ok(query(dir).await) })? {
            let pid = s.pid.map_or_else(|| "?".to_string(), |p| p.to_string());
            anyhow::bail!(
                "the server on '{}' (pid {pid}) was not started with --daemon; stop it the way it was started (Ctrl-C, systemctl stop, …)",
                dir.display()
            );
        }
        return Ok(None);
    };
    if !cli.json {
        eprintln!("stopping monorelay (pid {pid})…");
    }
    if !daemon::signal(dir, pid, daemon::StopSignal::Terminate)? {
        return Ok(Some(pid));
    }
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if daemon::running(dir)? != Some(pid) {
            return Ok(Some(pid));
        }
        std::thread::sleep(POLL);
    }
    eprintln!("monorelay (pid {pid}) did not stop within {} s: killing it", timeout.as_secs());
    daemon::signal(dir, pid, daemon::StopSignal::Kill)?;
    let deadline = Instant::now() + KILL_WAIT;
    while Instant::now() < deadline {
        if daemon::running(dir)? != Some(pid) {
            return Ok(Some(pid));
        }
        std::thread::sleep(POLL);
    }
    anyhow::bail!("monorelay (pid {pid}) is still running after SIGKILL")
}

/// `monorelay stop`.
pub fn stop(cli: &Cli, args: &StopArgs) -> anyhow::Result<ExitCode> {
    let dir = data_dir(cli);
    let stopped = stop_daemon(cli, &dir, Duration::from_secs(args.timeout))?;
    if cli.json {
        println!("{}", serde_json::json!({"stopped": stopped.is_some(), "pid": stopped}));
    } else {
        match stopped {
            Some(pid) => println!("stopped monorelay (pid {pid})"),
            None => println!("monorelay is not running (data dir '{}')", dir.display()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `monorelay restart`: stop the daemon if it runs, then start one with this command's options.
pub fn restart(cli: &Cli, args: &RestartArgs) -> anyhow::Result<ExitCode> {
    let dir = data_dir(cli);
    let _ = stop_daemon(cli, &dir, Duration::from_secs(args.stop.timeout))?;
    let serve = ServeArgs { host: args.host.clone(), port: args.port, daemon: true, daemon_child: false };
    start(cli, &dir, &serve)
}
