//! `monorelay serve`: load the config (or the embedded default), assemble the server with
//! `Server::builder` (data dir, access key, request log, listener, control socket, watchers),
//! print where to connect, and run it until SIGINT/SIGTERM (it drains the log writer and saves the key
//! health on the way out). `--daemon` hands over to `daemon.rs`, which starts this same command
//! detached (`--daemon-child`): that one takes the pid file, reports readiness and prints nothing.

use crate::Cli;
use clap::Args;
use monorelay::server::Server;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides server.host).
    #[arg(long)]
    pub host: Option<String>,
    /// Port to listen on (overrides server.port; 0 picks a free one).
    #[arg(long)]
    pub port: Option<u16>,
    /// Run in the background: return once the server listens, with its pid in
    /// <data_dir>/monorelay.pid and its log in <data_dir>/monorelay.log (see `status`, `stop`).
    #[arg(long)]
    pub daemon: bool,
    /// Internal: the detached process `--daemon` starts.
    #[arg(long, hide = true, conflicts_with = "daemon")]
    pub daemon_child: bool,
}

pub fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let config = match crate::config::load(cli) {
        Ok(c) => c,
        Err(e) if args.daemon_child => {
            crate::daemon::child_report(None, Some(e.to_string()));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    for w in &config.warnings {
        tracing::warn!("config: {w}");
    }
    let data_dir =
        cli.data_dir.clone().or_else(|| config.server.data_dir.clone()).unwrap_or_else(|| PathBuf::from("data"));
    let host = args.host.clone().unwrap_or_else(|| config.server.host.clone());
    let port = args.port.unwrap_or(config.server.port);
    let source = config.source.clone();
    if args.daemon {
        return crate::daemon::start(cli, &data_dir, args);
    }
    let child = args.daemon_child;
    // Held until the server has stopped; dropping it removes the pid file.
    let _pid_lock = if child {
        match crate::daemon::child_prepare(&data_dir) {
            Ok(l) => Some(l),
            Err(e) => {
                crate::daemon::child_report(None, Some(e));
                return Ok(ExitCode::FAILURE);
            }
        }
    } else {
        None
    };

    // Connections, not the default 1,024 descriptors, are what `server.max_connections` bounds.
    monorelay::server::raise_fd_limit();

    // Client connections are served on threads of their own, one single-threaded runtime each
    // (`server.worker_threads`, default one per CPU): a request's tasks and upstream sockets stay
    // on one thread. Measured on 2 cores against two work-stealing workers: 8–26 % more requests
    // per second at 7–17 % less CPU per request (bench/README, session 9). This runtime accepts
    // and runs everything else (watchers, the cluster's and the admin side's tasks).
    let serving =
        config.server.worker_threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
    rt.block_on(async move {
        let built =
            Server::builder(config).data_dir(&data_dir).listen(host, port).serving_threads(serving).build().await;
        if child {
            match &built {
                Ok(s) => crate::daemon::child_report(Some(s.local_addr()), None),
                Err(e) => crate::daemon::child_report(None, Some(e.to_string())),
            }
        }
        let server = built?;
        let shutdown = shutdown_signal();
        let example = banner_model(server.app());
        tracing::info!(pid = std::process::id(), listen = %server.local_addr(), "monorelay {} serving", env!("CARGO_PKG_VERSION"));
        let access = server.access_key();
        if cli.json && !child {
            let v = serde_json::json!({
                "version": env!("CARGO_PKG_VERSION"),
                "pid": std::process::id(),
                "listen": server.local_addr().to_string(),
                "config": source.to_string(),
                "data_dir": data_dir,
            });
            println!("{v}");
        } else if !child {
            banner(
            server.local_addr(),
            &source,
            &data_dir,
            access.key.as_ref().map(|k| k.expose().as_str()),
            access.generated,
            access.created,
            example.as_deref(),
        );
        }
        server.run(shutdown).await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Where to connect, printed once at start. The key itself is shown only when it was generated
/// for this data dir and stdout is a terminal; otherwise the file holding it is named.
fn banner(
    addr: std::net::SocketAddr,
    source: &monorelay::config::ConfigSource,
    data_dir: &std::path::Path,
    key: Option<&str>,
    generated: bool,
    created: bool,
    model: Option<&str>,
) {
    let base = format!("http://{addr}");
    println!("monorelay {} listening on {base}", env!("CARGO_PKG_VERSION"));
    println!("  config:          {source}");
    println!("  OpenAI base URL: {base}/v1");
    println!("  Anthropic base:  {base}");
    let key_file = data_dir.join(monorelay::access_key::FILE_NAME);
    let shown = match (key, generated) {
        (Some(k), true) if std::io::stdout().is_terminal() => {
            println!(
                "  access key:      {k}{}",
                if created {
                    "  (new; kept in ".to_string() + &key_file.display().to_string() + ")"
                } else {
                    String::new()
                }
            );
            k.to_string()
        }
        (Some(_), true) => {
            println!("  access key:      in {}", key_file.display());
            format!("$(cat {})", key_file.display())
        }
        _ => {
            println!("  access key:      server.access_key from the config");
            "<server.access_key>".to_string()
        }
    };
    match model {
        Some(model) => println!(
            "  try:  curl {base}/v1/chat/completions -H \"Authorization: Bearer {shown}\" -H 'Content-Type: application/json' -d '{{\"model\":\"{model}\",\"messages\":[{{\"role\":\"user\",\"content\":\"hello\"}}]}}'"
        ),
        None => println!("  models:          none routes yet (add a provider with models.include, or an alias)"),
    }
}

/// A model the banner's curl line can name: the first one `/v1/models` lists (so it routes).
fn banner_model(app: &monorelay::server::App) -> Option<String> {
    let fetched = app.shared.upstream_models.lock().unwrap_or_else(|p| p.into_inner()).clone();
    monorelay::router::listed_models(&app.runtime.load(), &|p| fetched.get(p).cloned()).into_iter().next().map(|m| m.id)
}

/// SIGINT or SIGTERM (on Windows: Ctrl-C, Ctrl-Break or the console closing). The SIGTERM
/// (Ctrl-Break) handler is installed here, at once (before the banner says the server is up), so a
/// supervisor's SIGTERM right after start is a graceful stop, not a kill.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    #[cfg(windows)]
    let (brk, close) = (tokio::signal::windows::ctrl_break().ok(), tokio::signal::windows::ctrl_close().ok());
    async move {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        #[cfg(unix)]
        let term = async move {
            match term {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(windows)]
        let term = async move {
            match (brk, close) {
                (Some(mut b), Some(mut c)) => {
                    tokio::select! {
                        _ = b.recv() => {},
                        _ = c.recv() => {},
                    }
                }
                _ => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(any(unix, windows)))]
        let term = std::future::pending::<()>();
        tokio::select! {
            _ = ctrl_c => {},
            _ = term => {},
        }
        tracing::info!("shutting down: no new connections; in-flight requests may finish");
    }
}
