//! Shared test fixtures: a scriptable upstream HTTP server on 127.0.0.1:0 that records what it
//! receives, an in-process relay on 127.0.0.1:0, and a record sink that collects request records.
#![allow(dead_code)]

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::response::Response;
use http::{HeaderMap, StatusCode};
use monorelay::config::{self, ConfigSource};
use monorelay::record::RequestRecord;
use monorelay::relay::RecordSink;
use monorelay::secret::Secret;
use monorelay::server::{self, App, Server};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, oneshot};

pub const KEY: &str = "test-access-key";

/// One scripted upstream answer.
pub enum Reply {
    Json {
        status: u16,
        body: serde_json::Value,
        headers: Vec<(&'static str, String)>,
    },
    Raw {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// SSE: each item is sent as its own chunk after its delay; `gate` (if any) is awaited
    /// before the item at `gate_at`; `cut` aborts the connection after the last item.
    Sse {
        chunks: Vec<(Duration, Vec<u8>)>,
        cut: bool,
        gate: Option<(usize, Arc<Notify>)>,
    },
    /// Another reply, after holding back the response head this long.
    Delayed(Duration, Box<Reply>),
}

impl Reply {
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply::Json { status, body, headers: vec![] }
    }
    pub fn sse(events: &[&str]) -> Reply {
        Reply::Sse {
            chunks: events.iter().map(|e| (Duration::ZERO, format!("data: {e}\n\n").into_bytes())).collect(),
            cut: false,
            gate: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
    pub fn auth(&self) -> String {
        self.headers
            .get("authorization")
            .or_else(|| self.headers.get("x-api-key"))
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
}

#[derive(Default)]
pub struct UpstreamState {
    pub script: Mutex<VecDeque<Reply>>,
    pub received: Mutex<Vec<Received>>,
}

pub struct Upstream {
    pub addr: SocketAddr,
    pub state: Arc<UpstreamState>,
    _stop: oneshot::Sender<()>,
}

impl Upstream {
    pub async fn start() -> Upstream {
        let state = Arc::new(UpstreamState::default());
        let app = axum::Router::new().fallback(upstream_handler).with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind upstream");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Upstream { addr, state, _stop: tx }
    }
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
    pub fn push(&self, r: Reply) {
        self.state.script.lock().expect("lock").push_back(r);
    }
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().expect("lock").clone()
    }
}

async fn upstream_handler(State(state): State<Arc<UpstreamState>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().to_string();
    let headers = req.headers().clone();
    let body = axum::body::to_bytes(req.into_body(), usize::MAX).await.unwrap_or_default();
    state.received.lock().expect("lock").push(Received { method, path, headers, body });
    let mut reply = state.script.lock().expect("lock").pop_front();
    while let Some(Reply::Delayed(d, inner)) = reply {
        tokio::time::sleep(d).await;
        reply = Some(*inner);
    }
    let mut resp = match reply {
        None => {
            let mut r = Response::new(Body::from(r#"{"error":{"message":"no scripted reply","type":"test_error"}}"#));
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        }
        Some(Reply::Json { status, body, headers }) => {
            let mut r = Response::new(Body::from(body.to_string()));
            *r.status_mut() = StatusCode::from_u16(status).expect("status");
            r.headers_mut().insert("content-type", "application/json".parse().expect("hv"));
            for (k, v) in headers {
                r.headers_mut().insert(k, v.parse().expect("hv"));
            }
            r
        }
        Some(Reply::Raw { status, content_type, body }) => {
            let mut r = Response::new(Body::from(body));
            *r.status_mut() = StatusCode::from_u16(status).expect("status");
            r.headers_mut().insert("content-type", content_type.parse().expect("hv"));
            r
        }
        Some(Reply::Sse { chunks, cut, gate }) => {
            let stream = futures_util::stream::unfold(
                (chunks.into_iter().enumerate(), cut, gate),
                |(mut it, cut, gate)| async move {
                    match it.next() {
                        Some((i, (delay, bytes))) => {
                            if let Some((at, n)) = &gate {
                                if *at == i {
                                    n.notified().await;
                                }
                            }
                            if !delay.is_zero() {
                                tokio::time::sleep(delay).await;
                            }
                            Some((Ok::<Bytes, std::io::Error>(Bytes::from(bytes)), (it, cut, gate)))
                        }
                        None if cut => {
                            // Let what was written reach the client before the connection is torn down.
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            Some((Err(std::io::Error::other("cut")), (it, false, gate)))
                        }
                        None => None,
                    }
                },
            );
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut().insert("content-type", "text/event-stream".parse().expect("hv"));
            r
        }
        Some(Reply::Delayed(..)) => unreachable!("unwrapped above"),
    };
    resp.headers_mut().insert("x-upstream", "test".parse().expect("hv"));
    resp
}

/// Collects every request record the relay produces.
#[derive(Default)]
pub struct Collect(pub Mutex<Vec<RequestRecord>>);

impl RecordSink for Collect {
    fn record(&self, r: RequestRecord) {
        self.0.lock().expect("lock").push(r);
    }
}

impl Collect {
    pub fn all(&self) -> Vec<RequestRecord> {
        self.0.lock().expect("lock").clone()
    }
    /// Wait until `n` records exist (streams finish their record after the last byte).
    pub async fn wait_for(&self, n: usize) -> Vec<RequestRecord> {
        for _ in 0..200 {
            let all = self.all();
            if all.len() >= n {
                return all;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("expected {n} records, got {:?}", self.all());
    }
}

pub struct Relay {
    pub addr: SocketAddr,
    pub app: Arc<App>,
    pub records: Arc<Collect>,
    /// With `start_logged`: the request log's writer (the control socket runs too).
    pub writer: Option<Arc<monorelay::store::writer::Writer>>,
    pub running: server::Running,
}

impl Relay {
    /// Start a relay from config text (with `access_key` defaulting to `KEY`).
    pub async fn start(yaml: &str) -> Relay {
        let config =
            config::load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap_or_else(|e| panic!("config: {e}"));
        Self::start_with(config, None).await
    }

    /// Start a relay from a loaded config; with `path`, reloads read that file (no watcher runs).
    pub async fn start_with(mut config: config::Config, path: Option<std::path::PathBuf>) -> Relay {
        if let Some(p) = path {
            config.source = ConfigSource::File(p);
        }
        let records = Arc::new(Collect::default());
        let server = Server::builder(config)
            .listen("127.0.0.1", 0)
            .access_key(Secret::new(KEY.to_string()))
            .record_sink(records.clone())
            .watch_config(false)
            .build()
            .await
            .expect("build the server");
        Self::run(server, records)
    }

    /// Start a relay on a built server.
    pub fn run(server: Server, records: Arc<Collect>) -> Relay {
        let (addr, app) = (server.local_addr(), server.app().clone());
        let writer = app.writer.clone();
        Relay { addr, app, records, writer, running: server.spawn() }
    }

    /// A relay with the real request log: a redb file and the control socket in `data_dir`.
    pub async fn start_logged(yaml: &str, data_dir: &std::path::Path) -> Relay {
        let config =
            config::load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap_or_else(|e| panic!("config: {e}"));
        Self::start_logged_with(config, data_dir).await
    }

    /// `start_logged` on a config file, which reloads and key edits then change.
    pub async fn start_logged_file(path: &std::path::Path, data_dir: &std::path::Path) -> Relay {
        let config = config::load_file(path).unwrap_or_else(|e| panic!("config: {e}"));
        Self::start_logged_with(config, data_dir).await
    }

    async fn start_logged_with(config: config::Config, data_dir: &std::path::Path) -> Relay {
        let server = Server::builder(config)
            .listen("127.0.0.1", 0)
            .data_dir(data_dir)
            .access_key(Secret::new(KEY.to_string()))
            .watch_config(false)
            .build()
            .await
            .expect("build the server");
        Self::run(server, Arc::new(Collect::default()))
    }

    /// Wait until every record produced so far is committed.
    pub async fn flush(&self) {
        let w = self.writer.clone().expect("a logged relay");
        tokio::task::spawn_blocking(move || w.flush()).await.expect("flush");
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn shutdown(&mut self) {
        self.running.shutdown();
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        client().post(self.url(path)).bearer_auth(KEY).json(body).send().await.expect("send")
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("client")
}

/// Config with one OpenAI-compatible provider `up` at `url` with the given key secrets.
pub fn api_config(url: &str, keys: &[&str], extra: &str) -> String {
    let keys: String =
        keys.iter().enumerate().map(|(i, k)| format!("      - {{key: \"{k}\", label: \"k{}\"}}\n", i + 1)).collect();
    format!(
        "server:\n  access_key: \"{KEY}\"\nproviders:\n  up:\n    base_url: \"{url}/v1\"\n    rate_limit_cooldown: 30\n    keys:\n{keys}{extra}model_routing:\n  default_provider: up\n"
    )
}

/// Read an SSE response body to the end, returning the `data:` payloads in order.
pub async fn sse_data(resp: reqwest::Response) -> Vec<String> {
    let text = resp.text().await.expect("body");
    text.split("\n\n").filter_map(|ev| ev.lines().find_map(|l| l.strip_prefix("data: ")).map(str::to_string)).collect()
}

pub fn chat(model: &str, text: &str) -> serde_json::Value {
    serde_json::json!({"model": model, "messages": [{"role": "user", "content": text}]})
}

pub fn completion(text: &str) -> serde_json::Value {
    serde_json::json!({"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10}})
}

pub fn chunk(content: &str) -> String {
    serde_json::json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": null}]})
    .to_string()
}

/// The real binary, with the caller's config environment cleared.
pub fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_monorelay"));
    c.env_remove("MONORELAY_CONFIG").env_remove("MONORELAY_DATA_DIR").env("NO_COLOR", "1");
    c
}

/// Run a CLI command (`--config CFG --data-dir DATA ARGS…`) off the async runtime.
pub async fn cli(cfg: &std::path::Path, data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut c = bin();
    c.arg("--config").arg(cfg).arg("--data-dir").arg(data).args(args);
    tokio::task::spawn_blocking(move || c.output().expect("run monorelay")).await.expect("join")
}

/// A real `monorelay serve` on port 0; killed when dropped, or stopped gracefully with `stop`.
pub struct Served {
    child: Option<std::process::Child>,
    /// `http://127.0.0.1:PORT`, from the banner's first line.
    pub base: String,
}

/// Start `serve` (with a config file, or the embedded default when `cfg` is `None`) in `cwd`.
pub fn serve_in(cwd: &std::path::Path, cfg: Option<&std::path::Path>, data: Option<&std::path::Path>) -> Served {
    use std::io::{BufRead, BufReader};
    let mut c = bin();
    c.current_dir(cwd);
    if let Some(cfg) = cfg {
        c.arg("--config").arg(cfg);
    }
    if let Some(data) = data {
        c.arg("--data-dir").arg(data);
    }
    let mut child = c
        .args(["serve", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("a banner line").expect("read banner");
    // Keep draining stdout: a closed pipe would kill the server at its next print.
    std::thread::spawn(move || lines.for_each(drop));
    let base = first.split("listening on ").nth(1).expect("listen line").trim().to_string();
    Served { child: Some(child), base }
}

pub fn serve(cfg: &std::path::Path, data: &std::path::Path) -> Served {
    serve_in(cfg.parent().unwrap_or(std::path::Path::new(".")), Some(cfg), Some(data))
}

impl Served {
    /// SIGTERM, then wait; returns the exit status.
    pub async fn stop(mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        std::process::Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().expect("kill");
        tokio::task::spawn_blocking(move || child.wait().expect("wait")).await.expect("join")
    }

    /// SIGKILL (`kill -9`): nothing of the server's shutdown runs; returns once it is gone.
    pub async fn kill9(mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        std::process::Command::new("kill").arg("-KILL").arg(child.id().to_string()).status().expect("kill");
        tokio::task::spawn_blocking(move || child.wait().expect("wait")).await.expect("join")
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
