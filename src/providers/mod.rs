//! Upstream providers: how a request reaches an upstream (URL, auth headers, timeouts) and how
//! its reply comes back as a status, headers and a body stream. One file per provider type:
//! `api` (OpenAI-compatible), `anthropic`, `gemini`, `chatgpt_web` (the ChatGPT web backend, which owns its
//! wire), `mock` (in-process, deterministic); `outcome` classifies what an upstream failure means
//! (fault, fail-over, key penalty, status, message).

pub mod anthropic;
pub mod api;
pub mod chatgpt_web;
pub mod direct;
pub mod gemini;
pub mod mock;
pub mod outcome;
pub mod raw;

use crate::config::{ProviderConfig, ProviderKind};
use crate::dialect::Dialect;
use crate::keys::KeyPool;
use bytes::Bytes;
use futures_util::Stream;
use http::{HeaderMap, Method, StatusCode};
use std::pin::Pin;
use std::time::Duration;
use tokio::time::Instant;

/// Which upstream operation a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    ChatCompletions,
    Messages,
    CountTokens,
    Models,
    /// OpenAI-only endpoints, relayed as same-dialect passthrough.
    Completions,
    Embeddings,
    Moderations,
    ImagesGenerations,
    /// OpenAI Responses (`/v1/responses`): a conversation, translated unless the upstream speaks it.
    Responses,
    /// OpenAI text to speech (`/v1/audio/speech`): JSON in, audio bytes streamed back.
    AudioSpeech,
    /// Gemini `generateContent` / `streamGenerateContent`: a conversation, translated unless the
    /// upstream speaks Gemini.
    GenerateContent,
    /// The rest of the OpenAI surface, sent raw (`raw::RawRequest`): multipart uploads streamed
    /// through (`/v1/audio/transcriptions`, `/v1/audio/translations`, `/v1/images/edits`), and
    /// files and batches pinned to the key that made them.
    AudioTranscriptions,
    AudioTranslations,
    ImagesEdits,
    Files,
    Batches,
}

impl Endpoint {
    /// Endpoints whose requests carry `messages` (and can be translated).
    pub fn is_conversation(self) -> bool {
        matches!(
            self,
            Endpoint::ChatCompletions
                | Endpoint::Messages
                | Endpoint::CountTokens
                | Endpoint::Responses
                | Endpoint::GenerateContent
        )
    }

    /// A short name for logs.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::ChatCompletions => "chat_completions",
            Endpoint::Messages => "messages",
            Endpoint::CountTokens => "count_tokens",
            Endpoint::Models => "models",
            Endpoint::Completions => "completions",
            Endpoint::Embeddings => "embeddings",
            Endpoint::Moderations => "moderations",
            Endpoint::ImagesGenerations => "images_generations",
            Endpoint::Responses => "responses",
            Endpoint::AudioSpeech => "audio_speech",
            Endpoint::GenerateContent => "generate_content",
            Endpoint::AudioTranscriptions => "audio_transcriptions",
            Endpoint::AudioTranslations => "audio_translations",
            Endpoint::ImagesEdits => "images_edits",
            Endpoint::Files => "files",
            Endpoint::Batches => "batches",
        }
    }

    /// The OpenAI path below the base URL, for the OpenAI-only endpoints.
    pub fn openai_path(self) -> &'static str {
        match self {
            Endpoint::ChatCompletions | Endpoint::Messages | Endpoint::CountTokens | Endpoint::GenerateContent => {
                "/chat/completions"
            }
            Endpoint::Models => "/models",
            Endpoint::Completions => "/completions",
            Endpoint::Embeddings => "/embeddings",
            Endpoint::Moderations => "/moderations",
            Endpoint::ImagesGenerations => "/images/generations",
            Endpoint::Responses => "/responses",
            Endpoint::AudioSpeech => "/audio/speech",
            Endpoint::AudioTranscriptions => "/audio/transcriptions",
            Endpoint::AudioTranslations => "/audio/translations",
            Endpoint::ImagesEdits => "/images/edits",
            Endpoint::Files => "/files",
            Endpoint::Batches => "/batches",
        }
    }
}

pub type BodyStream = Pin<Box<dyn Stream<Item = Result<Bytes, UpstreamError>> + Send>>;

/// An upstream's answer: status and headers are in; the body streams.
pub struct UpstreamReply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: BodyStream,
}

/// A transport-level failure talking to an upstream (never contains the key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpstreamError {
    Connect(String),
    /// No response headers within `timeout`.
    FirstByteTimeout(Duration),
    /// No body bytes within `timeout` (the stream went quiet).
    IdleTimeout(Duration),
    /// `total_timeout` ran out.
    TotalTimeout(Duration),
    /// The body broke off (connection reset, bad chunking…).
    Body(String),
}

impl UpstreamError {
    pub fn is_timeout(&self) -> bool {
        matches!(
            self,
            UpstreamError::FirstByteTimeout(_) | UpstreamError::IdleTimeout(_) | UpstreamError::TotalTimeout(_)
        )
    }
}

impl std::fmt::Display for UpstreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpstreamError::Connect(e) => write!(f, "cannot reach the upstream: {e}"),
            UpstreamError::FirstByteTimeout(d) => {
                write!(f, "the upstream did not answer within {}s", d.as_secs_f64())
            }
            UpstreamError::IdleTimeout(d) => {
                write!(f, "the upstream sent nothing for {}s", d.as_secs_f64())
            }
            UpstreamError::TotalTimeout(d) => write!(f, "the upstream took longer than {}s in total", d.as_secs_f64()),
            UpstreamError::Body(e) => write!(f, "the upstream response broke off: {e}"),
        }
    }
}

/// One configured provider, built with each runtime.
pub struct Provider {
    pub config: ProviderConfig,
    pub pool: KeyPool,
    client: reqwest::Client,
    /// Upstream URLs, parsed once per runtime rather than on every request.
    urls: Vec<(Endpoint, reqwest::Url)>,
    /// `api` and `anthropic` upstreams reached without a proxy: the lean client and the endpoint
    /// URIs (`direct`); `None` keeps the reqwest path.
    direct: Option<(direct::Client, Vec<(Endpoint, direct::Target)>)>,
    /// The name as routing compares it (`config::normalize_name`), computed once.
    pub normalized_name: String,
    /// The name as the `x-monorelay-provider` header value, built once (`None`: not a valid value).
    name_header: Option<http::HeaderValue>,
    /// `web_reverse` only: the ChatGPT web backend's sessions and caches.
    web: Option<chatgpt_web::ChatGptWeb>,
}

const ENDPOINTS: [Endpoint; 11] = [
    Endpoint::GenerateContent,
    Endpoint::Responses,
    Endpoint::AudioSpeech,
    Endpoint::ChatCompletions,
    Endpoint::Messages,
    Endpoint::CountTokens,
    Endpoint::Models,
    Endpoint::Completions,
    Endpoint::Embeddings,
    Endpoint::Moderations,
    Endpoint::ImagesGenerations,
];

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provider").field("name", &self.config.name).field("kind", &self.config.kind).finish()
    }
}

impl Provider {
    pub fn new(config: ProviderConfig, pool: KeyPool, client: reqwest::Client) -> Provider {
        Self::with_web_states(config, pool, client, &chatgpt_web::WebStates::default())
    }

    /// A provider whose ChatGPT web sessions and caches (if it is one) come from `web`, which
    /// outlives reloads (`runtime::Shared`).
    pub fn with_web_states(
        config: ProviderConfig,
        pool: KeyPool,
        client: reqwest::Client,
        web: &chatgpt_web::WebStates,
    ) -> Provider {
        let urls = ENDPOINTS
            .iter()
            .filter_map(|e| {
                let url = match config.kind {
                    ProviderKind::Anthropic => anthropic::url(&config, *e),
                    ProviderKind::Gemini => gemini::url(&config, *e),
                    ProviderKind::Api => api::url(&config, *e),
                    ProviderKind::Mock | ProviderKind::WebReverse => return None,
                };
                reqwest::Url::parse(&url).ok().map(|u| (*e, u))
            })
            .collect();
        let normalized_name = crate::config::normalize_name(&config.name);
        let web = (config.kind == ProviderKind::WebReverse)
            .then(|| chatgpt_web::ChatGptWeb::new(&config, client.clone(), web.get(&config)));
        let name_header = http::HeaderValue::from_str(&config.name).ok();
        Provider { config, pool, client, urls, normalized_name, name_header, web, direct: None }
    }

    /// Send through the lean client (`direct`) when this is an `api` or `anthropic` provider
    /// whose upstream no environment proxy intercepts; otherwise nothing changes.
    pub fn with_direct(mut self, client: Option<direct::Client>) -> Provider {
        if matches!(self.config.kind, ProviderKind::Api | ProviderKind::Anthropic) {
            self.direct = client.zip(direct::uris(&self.urls));
        }
        self
    }

    fn url(&self, endpoint: Endpoint) -> Result<reqwest::Url, UpstreamError> {
        self.urls
            .iter()
            .find(|(e, _)| *e == endpoint)
            .map(|(_, u)| u.clone())
            .ok_or_else(|| UpstreamError::Connect(format!("'{}' is not a valid upstream URL", self.config.base_url)))
    }

    pub fn name(&self) -> &str {
        &self.config.name
    }

    /// The name as a header value (`x-monorelay-provider`), when it is a valid one.
    pub fn name_header(&self) -> Option<&http::HeaderValue> {
        self.name_header.as_ref()
    }

    /// The dialect this provider's upstream speaks.
    pub fn dialect(&self) -> Dialect {
        match self.config.kind {
            ProviderKind::Anthropic => Dialect::Anthropic,
            ProviderKind::Gemini => Dialect::Gemini,
            ProviderKind::Api | ProviderKind::Mock | ProviderKind::WebReverse => Dialect::OpenAi,
        }
    }

    /// Whether the upstream serves the OpenAI Responses API itself (`responses: true`): Responses
    /// clients are then passed through to it rather than translated.
    pub fn speaks_responses(&self) -> bool {
        self.config.responses && self.config.kind == ProviderKind::Api
    }

    /// Whether `model` is served here only through `/responses` (`responses_models`): requests of
    /// every dialect for it are translated to the Responses API.
    pub fn responses_only(&self, model: &str) -> bool {
        self.config.kind == ProviderKind::Api && self.config.responses_models.iter().any(|g| g.matches(model))
    }

    /// Whether requests can be sent at all in this build.
    pub fn usable(&self) -> bool {
        self.config.enabled
    }

    /// Whether the upstream has a tool API (the ChatGPT web backend has none: tools are emulated).
    pub fn has_tool_api(&self) -> bool {
        self.config.kind != ProviderKind::WebReverse
    }

    /// Send one request with one key (`auth`: the key's prebuilt header value). `client_headers`
    /// are the inbound headers the caller wants passed on (the relay gives them only when the
    /// client speaks the upstream's dialect): the Anthropic version/beta headers and `User-Agent`;
    /// nothing else of them is forwarded.
    pub async fn send(
        &self,
        endpoint: Endpoint,
        auth: &http::HeaderValue,
        mut body: Bytes,
        client_headers: &HeaderMap,
        stream: bool,
    ) -> Result<UpstreamReply, UpstreamError> {
        let (method, headers) = match self.config.kind {
            ProviderKind::Api => api::headers(&self.config, endpoint, auth, stream, client_headers),
            ProviderKind::Anthropic => anthropic::headers(&self.config, endpoint, auth, client_headers),
            _ => (Method::POST, HeaderMap::new()),
        };
        if let Some((client, uris)) = &self.direct {
            let target = uris.iter().find(|(e, _)| *e == endpoint).map(|(_, t)| t).ok_or_else(|| {
                UpstreamError::Connect(format!("'{}' is not a valid upstream URL", self.config.base_url))
            })?;
            if method == Method::GET {
                body = Bytes::new();
            }
            return self
                .timed(direct::send(client, target, method, headers, body), |resp| {
                    let (parts, body) = resp.into_parts();
                    (parts.status, parts.headers, body, describe_hyper as fn(&hyper::Error) -> String)
                })
                .await;
        }
        let rb = match self.config.kind {
            ProviderKind::Mock => return Ok(mock::respond(endpoint, &body)),
            ProviderKind::WebReverse => {
                let Some(web) = &self.web else {
                    return Err(UpstreamError::Connect("the ChatGPT web provider is not set up".into()));
                };
                return web.send(&self.config, endpoint, auth, body, stream).await;
            }
            ProviderKind::Api | ProviderKind::Anthropic => {
                self.client.request(method, self.url(endpoint)?).headers(headers)
            }
            ProviderKind::Gemini => {
                let url = self.url(endpoint)?;
                let (rb, stripped) =
                    gemini::request(&self.client, &self.config, url, endpoint, auth, &body, stream, client_headers)?;
                body = stripped;
                rb
            }
        };
        let req = if endpoint == Endpoint::Models { rb } else { rb.body(body) };
        self.timed(async { req.send().await.map_err(|e| UpstreamError::Connect(describe_reqwest(&e))) }, |mut resp| {
            let status = resp.status();
            // Taken, not cloned: the response's own map is not read again.
            let headers = std::mem::take(resp.headers_mut());
            (status, headers, resp.bytes_stream(), describe_reqwest as fn(&reqwest::Error) -> String)
        })
        .await
    }

    /// Await the upstream's answer within the first-byte timeout (and the total deadline), then
    /// wrap its body in the idle / total timeouts.
    async fn timed<R, S, E>(
        &self,
        sent: impl std::future::Future<Output = Result<R, UpstreamError>>,
        split: impl FnOnce(R) -> (StatusCode, HeaderMap, S, fn(&E) -> String),
    ) -> Result<UpstreamReply, UpstreamError>
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: 'static,
    {
        let started = Instant::now();
        let deadline = self.config.total_timeout.map(|t| started + t);
        let first_byte = self.config.timeout;
        let wait = deadline.map_or(first_byte, |d| first_byte.min(d.saturating_duration_since(started)));
        let resp = match tokio::time::timeout(wait, sent).await {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return Err(e),
            Err(_) if deadline.is_some_and(|d| Instant::now() >= d) => {
                return Err(UpstreamError::TotalTimeout(self.config.total_timeout.unwrap_or_default()));
            }
            Err(_) => return Err(UpstreamError::FirstByteTimeout(first_byte)),
        };
        let (status, headers, body, describe) = split(resp);
        let body = timed_body(body, describe, self.config.timeout, deadline, self.config.total_timeout);
        Ok(UpstreamReply { status, headers, body })
    }
}

/// The last headers of every upstream request: the client's `User-Agent` (when given), then the
/// provider's `headers` and `cloaking` headers. Each replaces what was set before under the same
/// name (names compare case-insensitively), so a configured `authorization` or `accept` is sent
/// once, never next to the relay's own.
fn extra_headers(
    rb: reqwest::RequestBuilder,
    config: &ProviderConfig,
    client_headers: &HeaderMap,
) -> reqwest::RequestBuilder {
    let mut map = HeaderMap::with_capacity(config.headers.len() + 1);
    extra_into(&mut map, config, client_headers);
    if map.is_empty() { rb } else { rb.headers(map) }
}

/// `extra_headers` on a header map: each replaces what `headers` held under the same name.
fn extra_into(headers: &mut HeaderMap, config: &ProviderConfig, client_headers: &HeaderMap) {
    if let Some(ua) = client_headers.get(http::header::USER_AGENT) {
        headers.insert(http::header::USER_AGENT, ua.clone());
    }
    for (name, value) in &config.headers {
        headers.insert(name.clone(), value.clone());
    }
}

/// Provider/endpoint pairs whose upstream answered 404/405 for an optional route (an
/// Anthropic-dialect server without `count_tokens`): not asked again for the life of the process.
#[derive(Debug, Default)]
pub struct MissingRoutes(std::sync::Mutex<Vec<(String, &'static str)>>);

impl MissingRoutes {
    pub fn remember(&self, provider: &str, endpoint: Endpoint) {
        let key = (crate::config::normalize_name(provider), endpoint.name());
        let mut v = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if !v.contains(&key) {
            tracing::info!("provider '{provider}' has no {} route: answering it locally from now on", key.1);
            v.push(key);
        }
    }
    pub fn is_missing(&self, provider: &str, endpoint: Endpoint) -> bool {
        let v = self.0.lock().unwrap_or_else(|p| p.into_inner());
        !v.is_empty() && v.contains(&(crate::config::normalize_name(provider), endpoint.name()))
    }
}

/// reqwest's messages nest their causes; flatten them so "connection refused" is visible.
fn describe_reqwest(e: &reqwest::Error) -> String {
    use std::error::Error;
    let prefix = if e.is_connect() { "connection failed" } else { "request failed" };
    // reqwest's own message names the URL: only its causes are told.
    match e.source() {
        Some(s) => describe_chain(prefix, s),
        None => prefix.to_string(),
    }
}

/// `prefix: e: its cause: …` — the same text `describe_reqwest` gives for the same failure.
fn describe_chain(prefix: &str, e: &(dyn std::error::Error + 'static)) -> String {
    let mut msg = prefix.to_string();
    let mut src = Some(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// A body that broke off on the lean client (`direct`): as reqwest would tell it.
fn describe_hyper(e: &hyper::Error) -> String {
    describe_chain("request failed", e)
}

/// Wrap a body so that each chunk must arrive within `idle` and the whole within the deadline.
fn timed_body<S, E>(
    inner: S,
    describe: fn(&E) -> String,
    idle: Duration,
    deadline: Option<Instant>,
    total: Option<Duration>,
) -> BodyStream
where
    S: Stream<Item = Result<Bytes, E>> + Send + 'static,
    E: 'static,
{
    let now = Instant::now();
    let first = due(now, idle, deadline).0;
    Box::pin(Timed {
        inner: Box::pin(inner),
        describe,
        idle,
        deadline,
        total,
        waiting_since: now,
        yielded: false,
        timer: Box::pin(tokio::time::sleep_until(first)),
        done: false,
    })
}

/// When a wait that began at `since` times out: `idle` after it, or the overall deadline if that
/// comes first (then `true`).
fn due(since: Instant, idle: Duration, deadline: Option<Instant>) -> (Instant, bool) {
    let idle_due = since + idle;
    match deadline {
        Some(d) if d < idle_due => (d, true),
        _ => (idle_due, false),
    }
}

/// `timed_body`'s stream. One timer for the body's life: a wait starts when the consumer asks
/// for the next chunk (time the client takes to read does not count), and the timer, armed for
/// the earliest moment the wait could time out, is only moved when it fires early — a timer
/// re-armed per chunk cost a timer-wheel insert and removal for every chunk of every stream.
struct Timed<S, E> {
    inner: Pin<Box<S>>,
    describe: fn(&E) -> String,
    idle: Duration,
    deadline: Option<Instant>,
    total: Option<Duration>,
    /// When the current wait began (the consumer's first poll after the last chunk).
    waiting_since: Instant,
    /// A chunk went out since `waiting_since` was set: the next poll starts a new wait.
    yielded: bool,
    /// Never later than the current wait's due time.
    timer: Pin<Box<tokio::time::Sleep>>,
    done: bool,
}

impl<S, E> Stream for Timed<S, E>
where
    S: Stream<Item = Result<Bytes, E>>,
{
    type Item = Result<Bytes, UpstreamError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        if this.yielded {
            this.yielded = false;
            this.waiting_since = Instant::now();
        }
        match this.inner.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(b))) => {
                this.yielded = true;
                return Poll::Ready(Some(Ok(b)));
            }
            Poll::Ready(Some(Err(e))) => {
                this.done = true;
                return Poll::Ready(Some(Err(UpstreamError::Body((this.describe)(&e)))));
            }
            Poll::Ready(None) => {
                this.done = true;
                return Poll::Ready(None);
            }
            Poll::Pending => {}
        }
        loop {
            if this.timer.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let (at, total_bound) = due(this.waiting_since, this.idle, this.deadline);
            if Instant::now() < at {
                // Fired for an earlier wait: arm it for this one and poll again to register.
                this.timer.as_mut().reset(at);
                continue;
            }
            this.done = true;
            let e = if total_bound {
                UpstreamError::TotalTimeout(this.total.unwrap_or_default())
            } else {
                UpstreamError::IdleTimeout(this.idle)
            };
            return Poll::Ready(Some(Err(e)));
        }
    }
}

/// `base` + `path`, unless the base already ends with that path (users paste full endpoint URLs).
pub fn join_url(base: &str, path: &str) -> String {
    if base.ends_with(path) { base.to_string() } else { format!("{base}{path}") }
}

/// The `User-Agent` upstreams see when the client sent none.
pub const USER_AGENT: &str = concat!("monorelay/", env!("CARGO_PKG_VERSION"));

/// Idle upstream connections kept per host.
const POOL_MAX_IDLE_PER_HOST: usize = 64;

/// Build the shared HTTP client for one connect timeout (pooled, keep-alive, TCP_NODELAY).
pub fn build_client(connect_timeout: Duration) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .tcp_nodelay(true)
        .pool_idle_timeout(Duration::from_secs(90))
        // Enough warm connections for steady load; a burst of hundreds of streams must not leave
        // hundreds of idle upstream connections (and their buffers) behind for 90 s.
        .pool_max_idle_per_host(POOL_MAX_IDLE_PER_HOST)
        .tcp_keepalive(Duration::from_secs(30))
        .user_agent(USER_AGENT)
        // A relay must not follow redirects on its own (and must never resend a key elsewhere).
        .redirect(reqwest::redirect::Policy::none())
        .build()
}
