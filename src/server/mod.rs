//! The HTTP server. The pipeline for every request, in order:
//!
//! 1. **Accept** — hyper 1 through hyper-util's auto builder (HTTP/1.1 and h2c), TCP_NODELAY on,
//!    with header-read and idle timeouts and a cap on open connections (`conn`).
//! 2. **Authenticate** (`auth` middleware; `hot_relay` for the hot relay routes) — every path
//!    except `PUBLIC_PATHS` needs the access key or a user's relay key (`mr-…`, `auth::Users`) as
//!    `Authorization: Bearer`, `x-api-key` or `x-access-key`, compared in constant time; a failure
//!    is a 401 in the caller's dialect (Anthropic shape on `/v1/messages*`). A relay key puts its
//!    `auth::Principal` on the request.
//! 3. **Read the body** — bounded by `server.max_body_bytes` (413 in the caller's dialect).
//! 4. **Snapshot** — one `Arc<Runtime>` for the request's whole life (reloads swap it).
//! 5. **Relay** — `relay::handle`: decode, route, attempt with failover, respond, record.
//!
//! `/api/auth/*` and `/api/setup*` (`auth_routes`, `sso_routes`) authenticate themselves (sessions,
//! SSO, setup), and so does the rest of `/api`, `/openapi.json` and `/docs` (`api`: sessions, the
//! access key or a user's relay key, role-checked per route). CORS (`api::cors`,
//! `server.cors_origins`) wraps all.
//!
//! `GET /metrics` (Prometheus text) sits behind the same auth unless `server.metrics_public`.
//!
//! The admin panel (`web`: `/`, its client-side routes, `/assets/*`) is public: a static shell
//! with no data, merged outside the auth middleware.
//!
//! `Server::builder` (builder.rs) assembles the whole server around this router: data dir, runtime,
//! request log, listener, control socket and supervised background tasks.

mod admin_host;
pub mod api;
pub mod auth_routes;
mod builder;
mod cluster;
mod conn;
mod errors;
mod gemini_api;
mod reload;
mod responses_api;
mod sso_routes;
mod supervise;
mod surface;
pub mod web;

pub use builder::{AccessKey, Running, Server, ServerBuilder, ServerError};
pub use conn::raise_fd_limit;
pub use reload::{ReloadStatus, reload_now};
pub use supervise::{OnPanic, TaskFailed};

use crate::dialect::Dialect;
use crate::error::RelayError;
use crate::providers::Endpoint;
use crate::relay::{self, Inbound, RecordSink};
use crate::runtime::{Runtime, Shared};
use crate::secret::Secret;
use arc_swap::ArcSwap;
use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{HeaderMap, StatusCode, header};
use serde_json::json;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use subtle::ConstantTimeEq;

/// The only paths served without credentials (exact match).
pub const PUBLIC_PATHS: &[&str] = &["/health"];

/// Server-wide state shared by every request.
pub struct App {
    pub runtime: ArcSwap<Runtime>,
    pub shared: Arc<Shared>,
    pub sink: Arc<dyn RecordSink>,
    /// In-memory counters behind `/metrics` and the control socket's `status`.
    pub live: Arc<crate::stats::Live>,
    /// The request log's writer (store, live events), when the server runs with one.
    pub writer: Option<Arc<crate::store::writer::Writer>>,
    pub started: Instant,
    pub started_unix: u64,
    /// The file the runtime was loaded from (`None`: embedded default).
    pub config_path: Option<PathBuf>,
    /// The kept access key, used when the config sets none.
    pub generated_key: Option<Secret<String>>,
    pub reload: Mutex<ReloadStatus>,
    /// The address the relay listens on, once bound (shown by `status`).
    pub listen: std::sync::OnceLock<std::net::SocketAddr>,
    /// Users, their relay keys and sessions (set by the builder when there is a data dir).
    pub users: std::sync::OnceLock<Arc<crate::auth::Users>>,
    /// Signalled when an admin operation changed the config file (sync's auto-push waits on it).
    pub config_changed: Arc<tokio::sync::Notify>,
    /// Request-body bytes held at once (sized at start from `server.max_inflight_body_bytes`).
    pub body_budget: BodyBudget,
    /// The data dir (set by the builder when there is one): where `/api` finds sync state and caches.
    pub data_dir: std::sync::OnceLock<PathBuf>,
    /// SSO sign-ins in progress, the IdP/Turnstile HTTP client and discovery cache.
    pub sso: crate::auth::sso::Sso,
    /// The shared backends, when this relay is one of several (`storage`/`state` in the config).
    pub cluster: std::sync::OnceLock<Arc<crate::state::Cluster>>,
}

impl App {
    pub fn new(
        runtime: Runtime,
        shared: Arc<Shared>,
        sink: Arc<dyn RecordSink>,
        config_path: Option<PathBuf>,
        generated_key: Option<Secret<String>>,
    ) -> Arc<App> {
        Self::build(runtime, shared, sink, None, config_path, generated_key)
    }

    /// An app whose records go to `writer` (the request log), sharing its live counters.
    pub fn with_writer(
        runtime: Runtime,
        shared: Arc<Shared>,
        writer: Arc<crate::store::writer::Writer>,
        config_path: Option<PathBuf>,
        generated_key: Option<Secret<String>>,
    ) -> Arc<App> {
        Self::build(runtime, shared, writer.clone(), Some(writer), config_path, generated_key)
    }

    fn build(
        runtime: Runtime,
        shared: Arc<Shared>,
        sink: Arc<dyn RecordSink>,
        writer: Option<Arc<crate::store::writer::Writer>>,
        config_path: Option<PathBuf>,
        generated_key: Option<Secret<String>>,
    ) -> Arc<App> {
        sink.configure(&runtime);
        let body_budget = BodyBudget::new(runtime.config.server.max_inflight_body_bytes);
        let live = writer.as_ref().map(|w| w.live().clone()).unwrap_or_default();
        Arc::new(App {
            runtime: ArcSwap::from_pointee(runtime),
            shared,
            sink,
            live,
            writer,
            started: Instant::now(),
            started_unix: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
            config_path,
            generated_key,
            reload: Mutex::new(ReloadStatus::default()),
            listen: std::sync::OnceLock::new(),
            users: std::sync::OnceLock::new(),
            config_changed: Arc::default(),
            body_budget,
            data_dir: std::sync::OnceLock::new(),
            sso: crate::auth::sso::Sso::default(),
            cluster: std::sync::OnceLock::new(),
        })
    }
}

/// The caller's identity after auth: the principal behind the credential (a user and one of
/// their relay keys, or the server's access key), as a stable non-secret hash. Stored Responses
/// conversations, files and batches belong to it; rotating the access key keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller(pub u64);

impl Caller {
    /// Whoever holds the server's access key.
    pub const ACCESS_KEY: Caller = Caller(0);

    /// A user's relay key (user name and the key's public prefix).
    pub fn of(p: &crate::auth::Principal) -> Caller {
        use sha2::Digest as _;
        // Stable across builds and restarts (it is stored), unlike `DefaultHasher`.
        let digest = sha2::Sha256::new()
            .chain_update(p.user.as_bytes())
            .chain_update([0])
            .chain_update(p.key_prefix.as_bytes())
            .finalize();
        let mut id = [0u8; 8];
        id.copy_from_slice(&digest[..8]);
        // 0 is the access key's.
        Caller(u64::from_be_bytes(id).max(1))
    }
}

pub fn router(app: Arc<App>) -> Router {
    routes(&app).layer(middleware::from_fn_with_state(app.clone(), api::cors::layer)).with_state(app)
}

/// The same router without the CORS layer, for requests that carry no `Origin` (to which that
/// layer adds nothing): `conn` sends them here, saving the layer's per-request boxing.
pub(crate) fn router_without_cors(app: Arc<App>) -> Router {
    routes(&app).with_state(app)
}

/// Every route, with auth where it applies (`router` adds CORS around it).
fn routes(app: &Arc<App>) -> Router<Arc<App>> {
    let mut relay_routes = Router::new();
    for &(path, dialect, endpoint) in &HOT_ROUTES {
        relay_routes = relay_routes.route(
            path,
            post(move |State(app): State<Arc<App>>, req: Request| relay_route(app, req, dialect, endpoint)),
        );
    }
    let relay_routes = relay_routes
        .route("/v1/messages/count_tokens", post(count_tokens))
        .route("/messages/count_tokens", post(count_tokens))
        .route("/v1/responses/{id}", get(responses_api::get_response).delete(responses_api::delete_response))
        .route("/responses/{id}", get(responses_api::get_response).delete(responses_api::delete_response))
        .route("/v1/responses/{id}/input_items", get(responses_api::input_items))
        .route("/responses/{id}/input_items", get(responses_api::input_items))
        .route("/v1/audio/speech", post(audio_speech))
        .route("/audio/speech", post(audio_speech))
        .route("/v1/completions", post(completions))
        .route("/v1/embeddings", post(embeddings))
        .route("/v1/moderations", post(moderations))
        .route("/v1/images/generations", post(images))
        .route("/completions", post(completions))
        .route("/embeddings", post(embeddings))
        .route("/moderations", post(moderations))
        .route("/images/generations", post(images))
        .route("/v1/models", get(models))
        .route("/models", get(models))
        // Gemini clients on API version v1 call `POST /v1/models/{model}:generateContent`.
        .route("/v1/models/{*id}", get(model).post(gemini_api::model_method))
        .route("/models/{*id}", get(model))
        .route("/v1beta/models", get(gemini_api::list_models))
        .route("/v1beta/models/{target}", get(gemini_api::get_model).post(gemini_api::model_method));
    Router::new()
        .merge(relay_routes)
        .merge(surface::routes())
        .merge(auth_routes::routes())
        .merge(api::routes())
        .merge(sso_routes::routes())
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(app.clone(), auth))
        // After the auth layer: the panel's shell and assets are public (`web`).
        .merge(web::routes())
}

/// Errors on `/v1/messages*` are Anthropic-shaped, on `/v1beta/*` and Gemini model methods
/// (`/v1/models/{model}:generateContent`) Gemini-shaped; everything else is OpenAI-shaped.
pub fn dialect_for_path(path: &str) -> Dialect {
    if gemini_api::is_gemini_path(path) {
        return Dialect::Gemini;
    }
    let p = path.strip_prefix("/v1").unwrap_or(path);
    if p == "/messages" || p.starts_with("/messages/") { Dialect::Anthropic } else { Dialect::OpenAi }
}

fn credential(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        // `Bearer` with nothing after it (the header value is trimmed) is an absent credential:
        // the next header is tried.
        let token = match v.get(..6) {
            Some(scheme) if scheme.eq_ignore_ascii_case("bearer") && (v.len() == 6 || v[6..].starts_with(' ')) => {
                v[6..].trim()
            }
            _ => v,
        };
        if !token.is_empty() {
            return Some(token);
        }
    }
    ["x-api-key", "x-access-key", "x-goog-api-key"]
        .iter()
        .find_map(|h| headers.get(*h).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty()))
}

/// Gemini clients may put their key in the query (`?key=`); only the Gemini routes read it.
fn query_key(uri: &http::Uri) -> Option<String> {
    if !gemini_api::is_gemini_path(uri.path()) {
        return None;
    }
    // The URL parser decodes the query's escapes.
    let url = reqwest::Url::parse(&format!("http://relay/?{}", uri.query()?)).ok()?;
    url.query_pairs().find(|(k, v)| k == "key" && !v.is_empty()).map(|(_, v)| v.into_owned())
}

async fn auth(State(app): State<Arc<App>>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if PUBLIC_PATHS.contains(&path)
        || (path == "/metrics" && app.runtime.load().config.server.metrics_public)
        || auth_routes::is_auth_route(path)
        || api::is_api_route(path)
    {
        return next.run(req).await;
    }
    match authorize(&app, &mut req) {
        None => next.run(req).await,
        Some(refused) => refused,
    }
}

/// Check the request's credential (the access key, or a user's relay key) and put the caller
/// (and a relay key's principal) on it. `Some` is the refusal: a 401 in the path's dialect.
fn authorize(app: &App, req: &mut Request) -> Option<Response> {
    let dialect = dialect_for_path(req.uri().path());
    let token: std::borrow::Cow<'_, str> = match credential(req.headers()) {
        Some(t) => t.into(),
        None => match query_key(req.uri()) {
            Some(t) => t.into(),
            None => {
                return Some(
                    RelayError::unauthorized(
                        "missing credentials: send the access key as 'Authorization: Bearer <key>', 'x-api-key' or 'x-access-key'",
                    )
                    .render(dialect),
                );
            }
        },
    };
    let rt = app.runtime.load();
    let expected = if rt.config.server.access_key_enabled { rt.access_key.as_ref() } else { None };
    let ok = expected.is_some_and(|k| bool::from(k.expose().as_bytes().ct_eq(token.as_bytes())));
    drop(rt);
    let mut caller = Caller::ACCESS_KEY;
    if !ok {
        // A user's relay key (`mr-…`, looked up by its public prefix, compared hashed).
        let found = match app.users.get() {
            Some(users) => users.authenticate_key(&token),
            None => Err(crate::auth::KeyRefusal::Unknown),
        };
        match found {
            Ok(p) => {
                caller = Caller::of(&p);
                req.extensions_mut().insert(p);
            }
            Err(why) => return Some(RelayError::unauthorized(why.message()).render(dialect)),
        }
    }
    req.extensions_mut().insert(caller);
    None
}

/// The relay endpoints API clients call on every request (`POST`). The router serves them from
/// this table, and so does `hot_relay`, without the router, for a request with no `Origin`
/// (`conn`): the same handler either way, minus the router's matching, its middleware's boxing
/// and its per-request service clones.
const HOT_ROUTES: [(&str, Dialect, Endpoint); 6] = [
    ("/v1/chat/completions", Dialect::OpenAi, Endpoint::ChatCompletions),
    ("/chat/completions", Dialect::OpenAi, Endpoint::ChatCompletions),
    ("/v1/messages", Dialect::Anthropic, Endpoint::Messages),
    ("/messages", Dialect::Anthropic, Endpoint::Messages),
    ("/v1/responses", Dialect::Responses, Endpoint::Responses),
    ("/responses", Dialect::Responses, Endpoint::Responses),
];

/// The `HOT_ROUTES` entry a request is for: `POST` on exactly one of its paths.
pub(crate) fn hot_route(method: &http::Method, path: &str) -> Option<(Dialect, Endpoint)> {
    if method != http::Method::POST {
        return None;
    }
    HOT_ROUTES.iter().find(|(p, ..)| *p == path).map(|&(_, dialect, endpoint)| (dialect, endpoint))
}

/// A `hot_route` request: what the auth middleware and the route's handler do, in that order.
pub(crate) async fn hot_relay(app: Arc<App>, mut req: Request, dialect: Dialect, endpoint: Endpoint) -> Response {
    match authorize(&app, &mut req) {
        None => relay_route(app, req, dialect, endpoint).await,
        Some(refused) => refused,
    }
}

/// Why a request body could not be read.
enum BodyError {
    TooLarge,
    /// The global budget of in-flight body bytes is spent.
    Busy,
    TooSlow,
    Broken(String),
}

/// Request-body bytes held at once across all requests (`server.max_inflight_body_bytes`).
pub struct BodyBudget(tokio::sync::Semaphore, usize);

impl BodyBudget {
    pub fn new(bytes: usize) -> BodyBudget {
        let bytes = bytes.clamp(1, tokio::sync::Semaphore::MAX_PERMITS);
        BodyBudget(tokio::sync::Semaphore::new(bytes), bytes)
    }
    fn take(&self, n: usize) -> Option<tokio::sync::SemaphorePermit<'_>> {
        let n = u32::try_from(n).ok().filter(|_| n <= self.1)?;
        self.0.try_acquire_many(n).ok()
    }
}

/// Collect a body into one buffer (sized from `Content-Length` when given, so it is copied once),
/// at most `limit` bytes, each chunk paid for from `budget` (kept in `permits` until the request
/// is done), and at `min_rate` bytes per second at least once `grace` has passed.
async fn collect_body<'b>(
    mut body: Body,
    declared: Option<u64>,
    limit: usize,
    budget: &'b BodyBudget,
    permits: &mut Vec<tokio::sync::SemaphorePermit<'b>>,
    (grace, min_rate): (std::time::Duration, u64),
) -> Result<bytes::Bytes, BodyError> {
    use http_body_util::BodyExt;
    let start = tokio::time::Instant::now();
    let capacity = declared.and_then(|n| usize::try_from(n).ok()).unwrap_or(0).min(limit);
    let mut out: Vec<u8> = Vec::new();
    if capacity > 0 {
        permits.push(budget.take(capacity).ok_or(BodyError::Busy)?);
        out.reserve_exact(capacity);
    }
    loop {
        // Allowed so far: the grace period plus one second per `min_rate` bytes received.
        let allowed = if min_rate == 0 {
            std::time::Duration::from_secs(86_400)
        } else {
            grace + std::time::Duration::from_secs_f64(out.len() as f64 / min_rate as f64)
        };
        let frame = match tokio::time::timeout_at(start + allowed, body.frame()).await {
            Err(_) => return Err(BodyError::TooSlow),
            Ok(None) => break,
            Ok(Some(Err(e))) => return Err(BodyError::Broken(e.to_string())),
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else { continue };
        if out.len() + data.len() > limit {
            return Err(BodyError::TooLarge);
        }
        let beyond = (out.len() + data.len()).saturating_sub(out.capacity().max(capacity));
        if beyond > 0 {
            permits.push(budget.take(beyond.max(64 * 1024)).ok_or(BodyError::Busy)?);
        }
        out.extend_from_slice(&data);
    }
    Ok(bytes::Bytes::from(out))
}

/// Read a request body within the configured limit and the global body budget.
async fn read_body<'b>(
    app: &'b App,
    req: Request,
    dialect: Dialect,
    permits: &mut Vec<tokio::sync::SemaphorePermit<'b>>,
) -> Result<(HeaderMap, bytes::Bytes, Option<SocketAddr>, u64, Option<crate::auth::Principal>), Response> {
    // Only the three numbers read here, not a copy of the whole server section per request.
    let (limit, header_read_timeout, body_min_bytes_per_sec) = {
        let rt = app.runtime.load();
        let s = &rt.config.server;
        (s.max_body_bytes, s.header_read_timeout, s.body_min_bytes_per_sec)
    };
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(RelayError::too_large(limit).render(dialect));
    }
    let addr = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = req.extensions().get::<Caller>().map_or(0, |c| c.0);
    let (mut parts, body) = req.into_parts();
    let principal = parts.extensions.remove::<crate::auth::Principal>();
    let rate = (header_read_timeout, body_min_bytes_per_sec);
    match collect_body(body, declared, limit, &app.body_budget, permits, rate).await {
        Ok(b) => Ok((parts.headers, b, addr, caller, principal)),
        Err(BodyError::TooLarge) => Err(RelayError::too_large(limit).render(dialect)),
        Err(BodyError::Busy) => Err(RelayError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            crate::error::ErrorKind::Unavailable,
            crate::error::Fault::Relay,
            "the relay is holding as many request bodies as it may (server.max_inflight_body_bytes); retry shortly",
        )
        .with_retry_after(Some(std::time::Duration::from_secs(1)))
        .render(dialect)),
        Err(BodyError::TooSlow) => Err(RelayError::new(
            StatusCode::REQUEST_TIMEOUT,
            crate::error::ErrorKind::Timeout,
            crate::error::Fault::Client,
            format!(
                "the request body arrived slower than server.body_min_bytes_per_sec ({} bytes per second)",
                body_min_bytes_per_sec
            ),
        )
        .render(dialect)),
        Err(BodyError::Broken(e)) => {
            Err(RelayError::bad_request(format!("could not read the request body: {e}")).render(dialect))
        }
    }
}

async fn relay_route(app: Arc<App>, req: Request, dialect: Dialect, endpoint: Endpoint) -> Response {
    let mut permits = Vec::new();
    let (headers, body, client_addr, caller, principal) = match read_body(&app, req, dialect, &mut permits).await {
        Ok(x) => x,
        Err(resp) => return resp,
    };
    let rt = app.runtime.load_full();
    // Boxed: the pipeline's future is large, and the router boxes (copies) the handler's future
    // whole; this way the large one is put on the heap once and the router moves a pointer.
    Box::pin(relay::handle(
        rt,
        app.sink.clone(),
        Inbound { dialect, endpoint, headers, body, client_addr, caller, principal },
    ))
    .await
}

async fn audio_speech(State(app): State<Arc<App>>, req: Request) -> Response {
    relay_route(app, req, Dialect::OpenAi, Endpoint::AudioSpeech).await
}

async fn completions(State(app): State<Arc<App>>, req: Request) -> Response {
    relay_route(app, req, Dialect::OpenAi, Endpoint::Completions).await
}

async fn embeddings(State(app): State<Arc<App>>, req: Request) -> Response {
    relay_route(app, req, Dialect::OpenAi, Endpoint::Embeddings).await
}

async fn moderations(State(app): State<Arc<App>>, req: Request) -> Response {
    relay_route(app, req, Dialect::OpenAi, Endpoint::Moderations).await
}

async fn images(State(app): State<Arc<App>>, req: Request) -> Response {
    relay_route(app, req, Dialect::OpenAi, Endpoint::ImagesGenerations).await
}

async fn count_tokens(State(app): State<Arc<App>>, req: Request) -> Response {
    let mut permits = Vec::new();
    let (headers, body, client_addr, caller, principal) =
        match read_body(&app, req, Dialect::Anthropic, &mut permits).await {
            Ok(x) => x,
            Err(resp) => return resp,
        };
    let rt = app.runtime.load_full();
    let inbound = Inbound {
        dialect: Dialect::Anthropic,
        endpoint: Endpoint::CountTokens,
        headers,
        body,
        client_addr,
        caller,
        principal,
    };
    relay::count_tokens(rt, app.sink.clone(), inbound).await
}

async fn health(State(app): State<Arc<App>>) -> Response {
    axum::Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_secs": app.started.elapsed().as_secs(),
    }))
    .into_response()
}

/// `GET /metrics`: Prometheus text exposition: request counters, histograms and key states.
async fn metrics(State(app): State<Arc<App>>) -> Response {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(16 * 1024);
    app.live.render_prometheus(&mut out);
    if let Some(c) = app.cluster.get() {
        c.render_prometheus(&mut out);
    }
    let rt = app.runtime.load();
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let _ = writeln!(
        out,
        "# HELP monorelay_key_state Upstream keys by state (1 for the key's current state).\n# TYPE monorelay_key_state gauge"
    );
    let (mut requests, mut failures) = (String::new(), String::new());
    for p in rt.providers.iter() {
        for k in p.pool.view() {
            let labels = format!("provider=\"{}\",key=\"{}\"", esc(p.name()), esc(&k.label));
            let _ = writeln!(out, "monorelay_key_state{{{labels},state=\"{}\"}} 1", k.status.name());
            let _ = writeln!(requests, "monorelay_key_requests_total{{{labels}}} {}", k.requests);
            let _ = writeln!(failures, "monorelay_key_failures_total{{{labels}}} {}", k.failures);
        }
    }
    let _ = writeln!(
        out,
        "# HELP monorelay_key_requests_total Requests sent with each key.\n# TYPE monorelay_key_requests_total counter"
    );
    out.push_str(&requests);
    let _ = writeln!(
        out,
        "# HELP monorelay_key_failures_total Failed requests of each key.\n# TYPE monorelay_key_failures_total counter"
    );
    out.push_str(&failures);
    let _ = writeln!(
        out,
        "# HELP monorelay_uptime_seconds Seconds since start.\n# TYPE monorelay_uptime_seconds gauge\nmonorelay_uptime_seconds {}",
        app.started.elapsed().as_secs()
    );
    let mut resp = Response::new(Body::from(out));
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, http::HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    resp
}

/// `GET /v1/models`: every name that routes (`router::listed_models`), in the caller's dialect:
/// Anthropic's shape for Anthropic clients (see [`wants_anthropic`]), OpenAI's otherwise.
async fn models(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if headers.contains_key("x-goog-api-key") {
        // A Gemini client on API version v1.
        return gemini_api::list_models(State(app)).await;
    }
    let listed = listed(&app);
    if wants_anthropic(&headers) {
        let data: Vec<_> = listed.iter().map(|m| anthropic_model(m, app.started_unix)).collect();
        return axum::Json(json!({
            "data": data,
            "has_more": false,
            "first_id": listed.first().map(|m| m.id.as_str()),
            "last_id": listed.last().map(|m| m.id.as_str()),
        }))
        .into_response();
    }
    let data: Vec<_> = listed.iter().map(|m| openai_model(m, app.started_unix)).collect();
    axum::Json(json!({"object": "list", "data": data})).into_response()
}

/// `GET /v1/models/{id}`: one listed model in the caller's dialect, or 404 in it.
async fn model(
    State(app): State<Arc<App>>,
    axum::extract::Path(id): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    let anthropic = wants_anthropic(&headers);
    let dialect = if anthropic { Dialect::Anthropic } else { Dialect::OpenAi };
    match listed(&app).into_iter().find(|m| m.id == id) {
        Some(m) if anthropic => axum::Json(anthropic_model(&m, app.started_unix)).into_response(),
        Some(m) => axum::Json(openai_model(&m, app.started_unix)).into_response(),
        None => {
            RelayError::model_not_found(format!("model '{id}' is not served here (see GET /v1/models)")).render(dialect)
        }
    }
}

fn listed(app: &App) -> Vec<crate::router::ListedModel> {
    let rt = app.runtime.load();
    let fetched = app.shared.upstream_models.lock().unwrap_or_else(|p| p.into_inner()).clone();
    crate::router::listed_models(&rt, &|p| fetched.get(p).cloned())
}

/// An Anthropic client: it sent `anthropic-version`, or authenticated with `x-api-key` and no
/// `Authorization: Bearer`.
fn wants_anthropic(headers: &HeaderMap) -> bool {
    headers.contains_key("anthropic-version")
        || (headers.contains_key("x-api-key") && !headers.contains_key(header::AUTHORIZATION))
}

fn openai_model(m: &crate::router::ListedModel, created: u64) -> serde_json::Value {
    json!({"id": m.id, "object": "model", "created": created, "owned_by": m.owned_by})
}

fn anthropic_model(m: &crate::router::ListedModel, created: u64) -> serde_json::Value {
    let created_at = i64::try_from(created)
        .ok()
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    json!({"type": "model", "id": m.id, "display_name": m.id, "created_at": created_at})
}

async fn fallback(req: Request) -> Response {
    let path = req.uri().path().to_string();
    let e = if req.method() == http::Method::GET || req.method() == http::Method::POST {
        RelayError::not_found(format!("no route for {} '{path}'", req.method()))
    } else {
        RelayError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            crate::error::ErrorKind::InvalidRequest,
            crate::error::Fault::Client,
            format!("method {} is not allowed on '{path}'", req.method()),
        )
    };
    e.render(dialect_for_path(&path))
}

/// After the grace period, how long cut streams get to send their error event and close.
const CUT_FLUSH: std::time::Duration = std::time::Duration::from_secs(2);

/// Serve until `shutdown` resolves; then in-flight requests get `grace` to finish before being cut.
/// Connections are accepted and bounded by `conn` (timeouts, the connection cap), and served on
/// the caller's runtime.
pub async fn serve(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_on(app, listener, shutdown, 0).await
}

/// [`serve`], the connections served on `threads` single-threaded runtimes of their own (0: on
/// the caller's runtime).
pub async fn serve_on(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    threads: usize,
) -> std::io::Result<()> {
    let grace = app.runtime.load().config.server.shutdown_grace;
    let app_cut = app.shared.cut.clone();
    let (tx, rx) = tokio::sync::watch::channel(false);
    let mut server = std::pin::pin!(conn::accept_loop(app, listener, rx, threads));
    tokio::select! {
        _ = server.as_mut() => return Ok(()),
        _ = shutdown => {},
    }
    let _ = tx.send(true);
    let cut = app_cut;
    tokio::select! {
        _ = server.as_mut() => return Ok(()),
        _ = tokio::time::sleep(grace) => {
            tracing::warn!("shutdown grace period of {}s is over; cutting the remaining connections", grace.as_secs());
        }
    }
    // Open streams end with an error event and write their records; they get a moment to send it.
    let _ = cut.send(true);
    let _ = tokio::time::timeout(CUT_FLUSH, server).await;
    Ok(())
}

impl IntoResponse for RelayError {
    fn into_response(self) -> Response<Body> {
        self.render(Dialect::OpenAi)
    }
}
