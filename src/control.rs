//! The control socket: a Unix domain socket `monorelay.sock` in the data dir, mode 0600 (and only
//! peers of the same uid are served), speaking newline-delimited JSON. While `serve` runs, every
//! other subcommand talks to it, since redb allows one process per file; when no server runs the
//! CLI opens the database itself and calls the same `Control::handle` in-process, so both paths
//! answer identically. The protocol is documented in `docs/control-protocol.md`.
//!
//! Request: `{"id": 1, "cmd": "logs.query", "args": {…}}`. Answer: `{"id": 1, "ok": true, "data": …}`
//! or `{"id": 1, "ok": false, "error": "…"}`. `logs.subscribe` answers once, then sends
//! `{"id": 1, "event": "record", "data": {…}}` lines (and `{"event": "lagged", "missed": n}` when the
//! reader fell behind) until the connection closes.

use crate::config::{Config, normalize_name};
use crate::server::App;
use crate::store::{GroupBy, LogQuery, LogStore, parse_id, unix_ms};
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};

/// The socket's file name in the data dir.
pub const SOCKET_FILE: &str = "monorelay.sock";
/// Longest request line accepted.
const MAX_LINE_BYTES: usize = 1024 * 1024;

#[derive(Debug, Deserialize)]
pub struct Request {
    #[serde(default)]
    pub id: Value,
    pub cmd: String,
    #[serde(default)]
    pub args: Value,
}

/// What a command needs: the running server (online) or just the database and config (offline).
pub struct Control {
    app: Option<Arc<App>>,
    store: Option<Arc<dyn LogStore>>,
    config: Option<Config>,
}

fn args<T: serde::de::DeserializeOwned + Default>(v: &Value) -> Result<T, String> {
    if v.is_null() { Ok(T::default()) } else { serde_json::from_value(v.clone()).map_err(|e| format!("bad args: {e}")) }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StatsArgs {
    since_ms: Option<u64>,
    until_ms: Option<u64>,
    by: GroupBy,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct GetArgs {
    /// A number, or the short id as a string.
    id: Value,
    /// Include the bodies (default true).
    bodies: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct KeyArgs {
    provider: String,
    /// Omitted: every key of the provider (`keys.reset` only).
    label: Option<String>,
}

impl Control {
    /// For a running server.
    pub fn online(app: Arc<App>) -> Control {
        let store = app.writer.as_ref().and_then(|w| w.store().cloned());
        Control { app: Some(app), store, config: None }
    }

    /// For the CLI when no server runs: the database opened directly, and the config on disk.
    pub fn offline(store: Option<Arc<dyn LogStore>>, config: Option<Config>) -> Control {
        Control { app: None, store, config }
    }

    fn store(&self) -> Result<Arc<dyn LogStore>, String> {
        self.store.clone().ok_or_else(|| "the request log is off (logging.enabled: false)".to_string())
    }

    fn app(&self) -> Result<&Arc<App>, String> {
        self.app.as_ref().ok_or_else(|| "no server is running for this data dir".to_string())
    }

    /// Wait until records queued so far are committed, so a read sees every request that has
    /// already been answered (read-your-writes for `logs tail` right after a request).
    async fn settle(&self) {
        if let Some(w) = self.app.as_ref().and_then(|a| a.writer.clone()) {
            let _ = tokio::task::spawn_blocking(move || w.flush()).await;
        }
    }

    /// Answer one request (not `logs.subscribe`, which needs the connection).
    pub async fn handle(&self, cmd: &str, a: &Value) -> Result<Value, String> {
        if matches!(cmd, "stats" | "logs.query" | "logs.get" | "logs.clear") {
            self.settle().await;
        }
        match cmd {
            "status" => Ok(self.status().await),
            "stats" => {
                let a: StatsArgs = args(a)?;
                let now = unix_ms(SystemTime::now());
                let since = a.since_ms.unwrap_or(now.saturating_sub(86_400_000));
                let until = a.until_ms.unwrap_or(now + 1);
                let store = self.store()?;
                let by = a.by;
                let groups = blocking(move || store.stats(since, until, by)).await?;
                let total = groups.values().fold(crate::stats::Agg::default(), |mut t, g| {
                    t.merge(g);
                    t
                });
                let rows: Vec<Value> = groups
                    .iter()
                    .map(|(k, g)| {
                        let mut v = serde_json::to_value(g.summary()).unwrap_or_default();
                        v["group"] = json!(k);
                        v
                    })
                    .collect();
                Ok(json!({"since_ms": since, "until_ms": until, "by": by, "total": total.summary(), "groups": rows}))
            }
            "logs.query" => {
                let q: LogQuery = args(a)?;
                let store = self.store()?;
                let page = blocking(move || store.query(&q)).await?;
                serde_json::to_value(page).map_err(|e| e.to_string())
            }
            "logs.get" => {
                let g: GetArgs = args(a)?;
                let id = match &g.id {
                    Value::Number(n) => n.as_u64(),
                    Value::String(s) => parse_id(s),
                    _ => None,
                }
                .ok_or("logs.get needs 'id' (a number or the short id)")?;
                let store = self.store()?;
                let found = blocking(move || store.get(id)).await?;
                let Some((entry, bodies)) = found else {
                    return Err(format!("no record '{}'", crate::store::short_id(id)));
                };
                let bodies = if g.bodies.unwrap_or(true) { bodies.map(|b| b.to_json()) } else { None };
                Ok(json!({"entry": entry, "bodies": bodies}))
            }
            "logs.clear" => {
                let store = self.store()?;
                let n = blocking(move || store.clear()).await?;
                Ok(json!({"deleted": n}))
            }
            "keys.list" => self.keys_list(),
            "keys.set" => self.keys_set(&args(a)?, a),
            "keys.reset" => self.keys_reset(&args(a)?),
            "reload" => {
                let app = self.app()?.clone();
                tokio::task::spawn_blocking(move || crate::server::reload_now(&app))
                    .await
                    .map_err(|e| e.to_string())??;
                Ok(json!({"reloaded": true}))
            }
            "logs.subscribe" => Err("logs.subscribe needs a socket connection".into()),
            other => Err(format!(
                "unknown command '{other}' (expected status, stats, logs.query, logs.get, logs.subscribe, logs.clear, keys.list, keys.set, keys.reset or reload)"
            )),
        }
    }

    async fn status(&self) -> Value {
        let db = match &self.store {
            Some(s) => {
                let s = s.clone();
                match blocking(move || s.size()).await {
                    Ok((records, bytes)) => json!({"records": records, "bytes": bytes}),
                    Err(e) => json!({"error": e}),
                }
            }
            None => Value::Null,
        };
        match &self.app {
            Some(app) => {
                let rt = app.runtime.load();
                let reload = app.reload.lock().map(|r| r.clone()).unwrap_or_default();
                let total = app.live.total().summary();
                json!({
                    "running": true,
                    "version": env!("CARGO_PKG_VERSION"),
                    "pid": std::process::id(),
                    "uptime_secs": app.started.elapsed().as_secs(),
                    "listen": app.listen.get().map(ToString::to_string),
                    "in_flight": crate::relay::IN_FLIGHT.requests.load(std::sync::atomic::Ordering::Relaxed),
                    "streams": crate::relay::IN_FLIGHT.streams.load(std::sync::atomic::Ordering::Relaxed),
                    "config": rt.config.source.to_string(),
                    "reload": reload,
                    "providers": rt.providers.len(),
                    "tools_unsupported": rt
                        .tool_support
                        .list()
                        .into_iter()
                        .map(|(provider, model)| json!({"provider": provider, "model": model}))
                        .collect::<Vec<_>>(),
                    "records": app.live.counters(),
                    "subscribers": app.writer.as_ref().map_or(0, |w| w.bus().subscribers()),
                    "db": db,
                    "totals": total,
                })
            }
            None => json!({"running": false, "version": env!("CARGO_PKG_VERSION"), "db": db}),
        }
    }

    fn keys_list(&self) -> Result<Value, String> {
        let mut out = Vec::new();
        if let Some(app) = &self.app {
            let rt = app.runtime.load();
            for p in rt.providers.iter() {
                for (k, v) in p.pool.keys.iter().zip(p.pool.view()) {
                    let over = k.state.enabled_override();
                    out.push(json!({
                        "provider": p.name(),
                        "label": v.label,
                        "enabled": over.unwrap_or(k.config.enabled),
                        "config_enabled": k.config.enabled,
                        "enabled_override": over,
                        "weight": k.state.weight_override().unwrap_or(k.config.weight),
                        "weight_override": k.state.weight_override(),
                        "state": v.state,
                        "cooldown_secs": v.cooldown_secs,
                        "requests": v.requests,
                        "failures": v.failures,
                        "quota_used": v.quota_used,
                        "quota_limit": v.quota_limit,
                        "last_error": v.last_error,
                        "last_used_ms": v.last_used_ms,
                    }));
                }
            }
        } else if let Some(config) = &self.config {
            for p in &config.providers {
                for k in &p.keys {
                    out.push(json!({
                        "provider": p.name, "label": k.label, "enabled": k.enabled, "config_enabled": k.enabled,
                        "weight": k.weight, "state": if k.enabled { "not running" } else { "disabled" },
                        "requests": 0, "failures": 0, "quota_used": k.quota_used, "quota_limit": k.quota_limit,
                    }));
                }
            }
        }
        Ok(Value::Array(out))
    }

    fn with_keys(&self, a: &KeyArgs, f: &mut dyn FnMut(&crate::keys::PoolKey)) -> Result<usize, String> {
        let app = self.app()?;
        let rt = app.runtime.load();
        let p = rt
            .providers
            .iter()
            .find(|p| normalize_name(p.name()) == normalize_name(&a.provider))
            .ok_or_else(|| format!("unknown provider '{}'", a.provider))?;
        let mut n = 0;
        for k in p.pool.keys.iter().filter(|k| a.label.as_deref().is_none_or(|l| l == k.config.label)) {
            f(k);
            n += 1;
        }
        if n == 0 {
            return Err(format!("provider '{}' has no key labelled '{}'", p.name(), a.label.as_deref().unwrap_or("")));
        }
        Ok(n)
    }

    /// `raw` tells an absent field (leave alone) from `null` (follow the config again).
    fn keys_set(&self, a: &KeyArgs, raw: &Value) -> Result<Value, String> {
        if a.label.is_none() {
            return Err("keys.set needs 'label'".into());
        }
        let enabled = match raw.get("enabled") {
            None => None,
            Some(Value::Bool(b)) => Some(Some(*b)),
            Some(Value::Null) => Some(None),
            Some(Value::String(s)) if s == "config" => Some(None),
            Some(v) => return Err(format!("'enabled' must be true, false or null (follow the config), not {v}")),
        };
        let weight = match raw.get("weight") {
            None => None,
            Some(Value::Null) => Some(None),
            Some(Value::Number(n)) if n.as_f64().is_some_and(|w| w.is_finite() && w >= 0.0) => Some(n.as_f64()),
            Some(v) => return Err(format!("'weight' must be a number >= 0 or null, not {v}")),
        };
        if enabled.is_none() && weight.is_none() {
            return Err("keys.set needs 'enabled' and/or 'weight'".into());
        }
        self.with_keys(a, &mut |k| {
            if let Some(e) = enabled {
                // Re-enabling (`Some(true)`) also clears an invalid mark.
                k.state.set_enabled_override(e);
            }
            if let Some(w) = weight {
                k.state.set_weight_override(w);
            }
        })?;
        Ok(json!({"updated": 1}))
    }

    fn keys_reset(&self, a: &KeyArgs) -> Result<Value, String> {
        let n = self.with_keys(a, &mut |k| k.state.reset())?;
        Ok(json!({"reset": n}))
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
) -> Result<T, String> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(e) => Err(format!("internal error: {e}")),
    }
}

/// A bound control socket; removes its file when dropped.
pub struct Listener {
    path: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Bind the socket at `path` (refusing if another server answers there; a stale file is replaced)
/// and serve `app` on it.
pub async fn serve(app: Arc<App>, path: &Path) -> std::io::Result<Listener> {
    if path.exists() {
        if UnixStream::connect(path).await.is_ok() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AddrInUse,
                format!("another monorelay server is running on this data dir ('{}' answers)", path.display()),
            ));
        }
        std::fs::remove_file(path)?;
    }
    let listener = UnixListener::bind(path)?;
    let owner;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        owner = std::fs::metadata(path)?.uid();
    }
    let ctl = Arc::new(Control::online(app));
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            // Mode 0600 already keeps others out; checking the peer's uid also covers a socket
            // whose mode was loosened by hand.
            let peer_ok = stream.peer_cred().map(|c| c.uid() == owner).unwrap_or(false);
            if !peer_ok {
                tracing::warn!("control socket: refused a connection from another user");
                continue;
            }
            let ctl = ctl.clone();
            tokio::spawn(async move {
                if let Err(e) = connection(ctl, stream).await {
                    tracing::debug!("control socket connection ended: {e}");
                }
            });
        }
    });
    Ok(Listener { path: path.to_path_buf(), task })
}

async fn write_line(w: &mut (impl AsyncWriteExt + Unpin), v: &Value) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(v).unwrap_or_default();
    line.push(b'\n');
    w.write_all(&line).await
}

async fn connection(ctl: Arc<Control>, stream: UnixStream) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut lines = BufReader::new(r);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n =
            tokio::io::AsyncReadExt::take(&mut lines, MAX_LINE_BYTES as u64 + 1).read_until(b'\n', &mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        if buf.len() > MAX_LINE_BYTES {
            write_line(&mut w, &json!({"id": null, "ok": false, "error": "request line too long"})).await?;
            return Ok(());
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let req: Request = match serde_json::from_slice(&buf) {
            Ok(r) => r,
            Err(e) => {
                write_line(&mut w, &json!({"id": null, "ok": false, "error": format!("not a request: {e}")})).await?;
                continue;
            }
        };
        if req.cmd == "logs.subscribe" {
            return subscribe(&ctl, req, lines, w).await;
        }
        let answer = match ctl.handle(&req.cmd, &req.args).await {
            Ok(data) => json!({"id": req.id, "ok": true, "data": data}),
            Err(e) => json!({"id": req.id, "ok": false, "error": e}),
        };
        write_line(&mut w, &answer).await?;
    }
}

async fn subscribe(
    ctl: &Control,
    req: Request,
    mut reader: impl tokio::io::AsyncRead + Unpin,
    mut w: tokio::net::unix::OwnedWriteHalf,
) -> std::io::Result<()> {
    let filter: LogQuery = match args(&req.args) {
        Ok(f) => f,
        Err(e) => return write_line(&mut w, &json!({"id": req.id, "ok": false, "error": e})).await,
    };
    let Some(bus) = ctl.app.as_ref().and_then(|a| a.writer.as_ref()).map(|w| w.bus().clone()) else {
        return write_line(&mut w, &json!({"id": req.id, "ok": false, "error": "no live events here"})).await;
    };
    let mut rx = bus.subscribe();
    write_line(&mut w, &json!({"id": req.id, "ok": true, "data": {"subscribed": true}})).await?;
    let mut sink = [0u8; 256];
    loop {
        tokio::select! {
            ev = rx.recv() => match ev {
                Ok(e) => {
                    if filter.matches(&e) {
                        write_line(&mut w, &json!({"id": req.id, "event": "record", "data": &*e})).await?;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    write_line(&mut w, &json!({"id": req.id, "event": "lagged", "missed": n})).await?;
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return Ok(()),
            },
            // The client closing its side ends the subscription.
            n = tokio::io::AsyncReadExt::read(&mut reader, &mut sink) => {
                if n? == 0 {
                    return Ok(());
                }
            }
        }
    }
}

/// A client of the control socket.
pub struct Client {
    reader: BufReader<tokio::net::unix::OwnedReadHalf>,
    writer: tokio::net::unix::OwnedWriteHalf,
    next_id: u64,
}

impl Client {
    pub async fn connect(path: &Path) -> std::io::Result<Client> {
        let (r, w) = UnixStream::connect(path).await?.into_split();
        Ok(Client { reader: BufReader::new(r), writer: w, next_id: 1 })
    }

    async fn read_line(&mut self) -> Result<Value, String> {
        let mut line = String::new();
        let n = self.reader.read_line(&mut line).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the server closed the control connection".into());
        }
        serde_json::from_str(&line).map_err(|e| format!("bad answer from the server: {e}"))
    }

    /// Send one command and wait for its answer's `data`.
    pub async fn call(&mut self, cmd: &str, args: Value) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        write_line(&mut self.writer, &json!({"id": id, "cmd": cmd, "args": args})).await.map_err(|e| e.to_string())?;
        let v = self.read_line().await?;
        if v["ok"] == true { Ok(v["data"].clone()) } else { Err(v["error"].as_str().unwrap_or("failed").to_string()) }
    }

    /// After `call("logs.subscribe", …)`: the next event line.
    pub async fn next_event(&mut self) -> Result<Value, String> {
        self.read_line().await
    }
}
