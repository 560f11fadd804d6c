//! `monorelay serve`: load the config (or the embedded default), prepare the data dir and the
//! access key, open the request log, print where to connect, and run the server and the control
//! socket until SIGINT/SIGTERM; then drain the log writer so no record is lost.

use crate::Cli;
use clap::Args;
use monorelay::runtime::{Runtime, Shared};
use monorelay::server::{self, App};
use monorelay::store::writer::{Settings, Writer};
use monorelay::store::{LogStore, RedbStore};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides server.host).
    #[arg(long)]
    pub host: Option<String>,
    /// Port to listen on (overrides server.port; 0 picks a free one).
    #[arg(long)]
    pub port: Option<u16>,
}

pub fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let config = match crate::config::load(cli) {
        Ok(c) => c,
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
    monorelay::access_key::create_private_dir(&data_dir)?;
    let (generated_key, created) = match &config.server.access_key {
        Some(_) => (None, false),
        None => {
            let (k, created) = monorelay::access_key::load_or_create(&data_dir)?;
            (Some(k), created)
        }
    };
    let key = config.server.access_key.clone().or_else(|| generated_key.clone());
    let host = args.host.clone().unwrap_or_else(|| config.server.host.clone());
    let port = args.port.unwrap_or(config.server.port);
    let source = config.source.clone();
    let config_path = match &source {
        monorelay::config::ConfigSource::File(p) => Some(p.clone()),
        monorelay::config::ConfigSource::Embedded => None,
    };

    let store: Option<Arc<dyn LogStore>> = if config.logging.enabled {
        let path = monorelay::store::db_path(&data_dir, &config.logging);
        Some(Arc::new(RedbStore::open(&path)?))
    } else {
        None
    };
    let writer = Writer::start(store, Settings::default(), Arc::default(), Default::default());

    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let shared = Arc::new(Shared::default());
        shared.load_model_caches(&data_dir);
        let runtime = Runtime::build(config, &shared, key.clone())?;
        let example = banner_model(&runtime, &shared);
        let listener = listen(&host, port).await.map_err(|e| anyhow::anyhow!("cannot listen on {host}:{port}: {e}"))?;
        let addr = listener.local_addr()?;
        let app = App::with_writer(runtime, shared, writer.clone(), config_path, generated_key.clone());
        let _ = app.listen.set(addr);
        let socket = monorelay::control::serve(app.clone(), &data_dir.join(monorelay::control::SOCKET_FILE))
            .await
            .map_err(|e| anyhow::anyhow!("control socket: {e}"))?;
        server::spawn_watchers(app.clone());
        let key_str = key.as_ref().map(|k| k.expose().as_str());
        banner(addr, &source, &data_dir, key_str, generated_key.is_some(), created, example.as_deref());
        let served = server::serve(app, listener, shutdown_signal()).await;
        drop(socket);
        // Every record produced before this point is queued: drain and commit them.
        let w = writer.clone();
        let _ = tokio::task::spawn_blocking(move || w.shutdown()).await;
        served?;
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
fn banner_model(rt: &Runtime, shared: &Shared) -> Option<String> {
    let fetched = shared.upstream_models.lock().unwrap_or_else(|p| p.into_inner()).clone();
    monorelay::router::listed_models(rt, &|p| fetched.get(p).cloned()).into_iter().next().map(|m| m.id)
}

/// Bind with a deep accept backlog: bursts of hundreds of new connections (500 streams opening at
/// once) must not overflow it and wait for a SYN retry.
async fn listen(host: &str, port: u16) -> std::io::Result<tokio::net::TcpListener> {
    const BACKLOG: u32 = 4096;
    let mut last = None;
    for addr in tokio::net::lookup_host((host, port)).await? {
        let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
        socket.set_reuseaddr(true)?;
        match socket.bind(addr).and_then(|_| socket.listen(BACKLOG)) {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no address to listen on")))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: no new connections; in-flight requests may finish");
}
