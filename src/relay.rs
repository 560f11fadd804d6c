//! The request pipeline for the relay routes, from a decoded body to the client's response:
//!
//! 1. **Decode** the body once into top-level raw fields (`body::JsonObject`); check `model`,
//!    `messages`, `stream` and `stream_options` types.
//! 2. **Route** to an ordered candidate list (`router::resolve`).
//! 3. **Prepare** the upstream body per candidate: same dialect → passthrough (only `model`
//!    rewritten, `stream_options.include_usage` requested), else translated.
//! 4. **Attempt**: lease a key, send, classify (429 cool / 401-403 invalid / 5xx-timeout backoff /
//!    other 4xx answered as-is), fail over to the next key, then the next candidate — only
//!    before the first byte went to the client. Provider `retry` adds backoff rounds.
//! 5. **Respond**: non-stream bodies are checked and passed back; streams go through
//!    `stream::Pipe` event by event.
//! 6. **Record**: `Completion` is the one hook that finishes the request record, including when
//!    the client disconnects mid-stream.

use crate::body::JsonObject;
use crate::dialect::Dialect;
use crate::error::{ErrorKind, Fault, RelayError};
use crate::keys::{Lease, Outcome, Unavailable};
use crate::providers::{Endpoint, Provider, UpstreamError, UpstreamReply};
use crate::record::{Attempt, RecordSink, RequestRecord, Tokens};
use crate::router::{self, Candidate};
use crate::runtime::Runtime;
use crate::secret::Secret;
use crate::stream::{Pipe, PipeMode};
use crate::translate::sse::{SseDecoder, SseEvent};
use axum::body::Body;
use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue, Response, StatusCode, header};
use serde::Deserialize;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Largest upstream body read whole (non-stream answers, error bodies).
const MAX_UPSTREAM_BODY_BYTES: usize = 64 * 1024 * 1024;
/// Error bodies are only read this far: enough for any message.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// One inbound relay request after auth and body limits.
pub struct Inbound {
    pub dialect: Dialect,
    pub endpoint: Endpoint,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub client_addr: Option<SocketAddr>,
    /// A stable, non-secret identity of the caller's credential (for sticky key selection).
    pub caller: u64,
}

/// Requests being relayed now (from arrival until their record is finished, so a stream counts
/// until its last byte), and how many of them stream: a process-wide gauge for `status` and `top`.
#[derive(Debug)]
pub struct InFlight {
    pub requests: AtomicU64,
    pub streams: AtomicU64,
}

pub static IN_FLIGHT: InFlight = InFlight { requests: AtomicU64::new(0), streams: AtomicU64::new(0) };

/// The single completion hook: the record is finished exactly once, by `finish` or on drop.
pub struct Completion {
    sink: Arc<dyn RecordSink>,
    record: Option<RequestRecord>,
    started: Instant,
    /// Time spent waiting on upstreams (and retry backoffs): not the relay's own cost.
    upstream_wait: Duration,
}

impl Completion {
    fn new(sink: Arc<dyn RecordSink>, inbound: &Inbound, started: Instant) -> Completion {
        IN_FLIGHT.requests.fetch_add(1, Ordering::Relaxed);
        Completion {
            sink,
            started,
            upstream_wait: Duration::ZERO,
            record: Some(RequestRecord {
                started_at: SystemTime::now(),
                inbound: inbound.dialect,
                upstream: None,
                requested_model: String::new(),
                provider: None,
                model: None,
                key_label: None,
                client_addr: inbound.client_addr,
                stream: false,
                status: 0,
                error_kind: None,
                error: None,
                latency_ms: 0.0,
                ttfb_ms: None,
                tokens: None,
                attempts: Vec::new(),
                overhead_ms: None,
                bodies: None,
            }),
        }
    }

    pub fn record_mut(&mut self) -> Option<&mut RequestRecord> {
        self.record.as_mut()
    }

    /// Move the record into a new hook (the stream pipe finishes it); this one is left empty.
    fn hand_off(&mut self) -> Completion {
        Completion {
            sink: self.sink.clone(),
            record: self.record.take(),
            started: self.started,
            upstream_wait: self.upstream_wait,
        }
    }

    /// Time the relay itself has spent on this request so far (excluding upstream waits).
    pub fn overhead(&self) -> Duration {
        self.started.elapsed().saturating_sub(self.upstream_wait)
    }

    /// Run `fut` and count its time as upstream time.
    async fn upstream<T>(&mut self, fut: impl std::future::Future<Output = T>) -> T {
        let t = Instant::now();
        let out = fut.await;
        self.upstream_wait += t.elapsed();
        out
    }

    pub fn bodies_mut(&mut self) -> Option<&mut crate::record::Bodies> {
        self.record.as_mut().and_then(|r| r.bodies.as_mut())
    }

    pub fn mark_first_byte(&mut self) {
        let ms = self.started.elapsed().as_secs_f64() * 1000.0;
        if let Some(r) = self.record.as_mut() {
            r.ttfb_ms.get_or_insert(ms);
        }
    }

    pub fn finish(&mut self, status: u16, error: Option<(&'static str, String)>, tokens: Option<Tokens>) {
        if let Some(mut r) = self.record.take() {
            IN_FLIGHT.requests.fetch_sub(1, Ordering::Relaxed);
            if r.stream {
                IN_FLIGHT.streams.fetch_sub(1, Ordering::Relaxed);
            }
            r.status = status;
            r.latency_ms = self.started.elapsed().as_secs_f64() * 1000.0;
            r.ttfb_ms.get_or_insert(r.latency_ms);
            if let Some((kind, msg)) = error {
                r.error_kind = Some(kind);
                r.error = Some(msg);
            }
            if tokens.is_some() {
                r.tokens = tokens;
            }
            self.sink.record(r);
        }
    }

    fn fail(&mut self, e: &RelayError) {
        self.finish(e.status.as_u16(), Some((e.kind.label(), e.message.clone())), None);
    }
}

impl Drop for Completion {
    fn drop(&mut self) {
        if self.record.is_some() {
            self.finish(
                499,
                Some(("client_closed", "the client closed the connection before the response was complete".into())),
                None,
            );
        }
    }
}

/// Relay one request; every failure is answered in the caller's dialect.
pub async fn handle(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, inbound: Inbound) -> Response<Body> {
    let started = Instant::now();
    let mut completion = Completion::new(sink, &inbound, started);
    let dialect = inbound.dialect;
    match run(&rt, &inbound, &mut completion).await {
        Ok(resp) => resp,
        Err(e) => {
            log_failure(&inbound, &e);
            completion.fail(&e);
            e.render(dialect)
        }
    }
}

/// Error lines logged per second at most (the rest are counted and reported with the next one).
const ERROR_LINES_PER_SECOND: u32 = 5;
static ERROR_LOG: crate::error::LogLimiter = crate::error::LogLimiter::new(ERROR_LINES_PER_SECOND);

/// One concise warn line for a request that ended in an error, rate-limited.
fn log_failure(inbound: &Inbound, e: &RelayError) {
    let Some(suppressed) = ERROR_LOG.allow() else { return };
    let endpoint = inbound.endpoint.name();
    let (status, kind) = (e.status.as_u16(), e.kind.label());
    if suppressed > 0 {
        tracing::warn!(
            status,
            kind,
            endpoint,
            suppressed,
            "request failed: {} ({suppressed} similar lines left out)",
            e.message
        );
    } else {
        tracing::warn!(status, kind, endpoint, "request failed: {}", e.message);
    }
}

/// What the client asked for, read from the body once.
struct Request {
    /// The IR, decoded on first need (only cross-dialect candidates need it), then shared.
    ir: std::sync::OnceLock<Result<crate::ir::Request, RelayError>>,
    body: JsonObject,
    model: String,
    stream: bool,
    /// OpenAI clients: whether they asked for the usage chunk themselves.
    client_wants_usage: bool,
}

fn decode(inbound: &Inbound) -> Result<Request, RelayError> {
    let body = JsonObject::parse(&inbound.body).map_err(RelayError::bad_request)?;
    fn field_err(f: &'static str) -> impl Fn(String) -> RelayError {
        move |e| RelayError::invalid_field(f, e)
    }
    let model: String = body
        .field::<String>("model")
        .map_err(field_err("model"))?
        .ok_or_else(|| RelayError::invalid_field("model", "is required"))?;
    if model.trim().is_empty() {
        return Err(RelayError::invalid_field("model", "must be a non-empty string"));
    }
    if inbound.endpoint.is_conversation() {
        match body.get("messages") {
            None => return Err(RelayError::invalid_field("messages", "is required")),
            Some(raw) if !raw.get().trim_start().starts_with('[') => {
                return Err(RelayError::invalid_field("messages", "must be an array of messages"));
            }
            _ => {}
        }
    }
    let stream = body.field::<bool>("stream").map_err(field_err("stream"))?.unwrap_or(false);
    #[derive(Deserialize)]
    struct StreamOptions {
        include_usage: Option<bool>,
    }
    let opts = body.field::<StreamOptions>("stream_options").map_err(field_err("stream_options"))?;
    let client_wants_usage = opts.and_then(|o| o.include_usage).unwrap_or(false);
    Ok(Request { ir: std::sync::OnceLock::new(), body, model, stream, client_wants_usage })
}

impl Request {
    fn ir(&self, inbound: &Inbound) -> Result<&crate::ir::Request, RelayError> {
        self.ir
            .get_or_init(|| crate::translate::decode_request(inbound.dialect, &inbound.body).map_err(translate_error))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A translation failure, as the client should see it.
fn translate_error(e: crate::translate::TranslateError) -> RelayError {
    use crate::translate::TranslateError as T;
    match e {
        T::InvalidJson(m) => RelayError::bad_request(format!("request body is not valid JSON: {m}")),
        T::InvalidField { field, message } => RelayError::invalid_field(&field, message),
        T::Unsupported { field, target } => RelayError::invalid_field(
            &field,
            format!(
                "cannot be carried to a provider that speaks the {} API (set translation.drop_unsupported: true to drop such fields)",
                target.as_str()
            ),
        ),
        T::Upstream(m) => RelayError::bad_gateway(m),
    }
}

/// The body to send to one candidate, and how its answer must be treated.
struct Prepared {
    bytes: Bytes,
    upstream: Dialect,
    /// The body was built from the IR (other dialect, or downgraded): answers go through the translators.
    translated: bool,
    /// Tools were removed for this upstream.
    downgraded: bool,
    /// Tool names being emulated (empty: no emulation).
    emulated: Vec<String>,
    /// We added `stream_options.include_usage`, so the extra usage chunk must not reach the client.
    strip_usage: bool,
    /// Request fields the translation left out (recorded on the attempt).
    dropped: Vec<String>,
}

fn prepare(
    rt: &Runtime,
    req: &Request,
    inbound: &Inbound,
    provider: &Provider,
    model: &str,
    force_downgrade: bool,
) -> Result<Prepared, RelayError> {
    let upstream = provider.dialect();
    if !inbound.endpoint.is_conversation() && upstream != Dialect::OpenAi {
        return Err(RelayError::invalid_field(
            "model",
            format!(
                "'{model}' routes to provider '{}', which speaks the {} API; {} needs an OpenAI-compatible provider",
                provider.name(),
                upstream.as_str(),
                inbound.endpoint.openai_path()
            ),
        ));
    }
    let tools = &rt.config.routing.tools;
    let listed = tools.auto_downgrade
        && (tools.unsupported_models.iter().any(|g| g.matches(model))
            || rt.tool_support.is_unsupported(provider.name(), model));
    let downgrade =
        (force_downgrade || listed) && inbound.endpoint.is_conversation() && crate::tools::uses_tools(req.ir(inbound)?);
    let layers = crate::params::any(&rt.config.routing.layers, &provider.config);
    if upstream == inbound.dialect && !downgrade {
        let model_raw = serde_json::value::to_raw_value(model).map_err(|e| RelayError::internal(e.to_string()))?;
        let mut overrides: Vec<(&str, &serde_json::value::RawValue)> = vec![("model", &model_raw)];
        let strip_usage =
            upstream == Dialect::OpenAi && req.stream && !req.client_wants_usage && provider.config.stream_usage;
        let opts_raw;
        if strip_usage {
            let mut opts: serde_json::Map<String, serde_json::Value> =
                req.body.field("stream_options").ok().flatten().unwrap_or_default();
            opts.insert("include_usage".into(), serde_json::Value::Bool(true));
            opts_raw = serde_json::value::to_raw_value(&opts).map_err(|e| RelayError::internal(e.to_string()))?;
            overrides.push(("stream_options", &opts_raw));
        }
        let bytes = if layers {
            // Layers edit the body: only then is a copy of it needed.
            let mut body = req.body.clone();
            for (k, v) in &overrides {
                body.set(k, v);
            }
            crate::params::apply(&rt.config.routing.layers, &provider.config, model, upstream, &mut body);
            body.to_vec()
        } else {
            req.body.to_vec_with(&overrides)
        };
        return Ok(Prepared {
            bytes: Bytes::from(bytes),
            upstream,
            translated: false,
            downgraded: false,
            emulated: Vec::new(),
            strip_usage,
            dropped: Vec::new(),
        });
    }
    let opts = crate::translate::EncodeOptions {
        default_max_tokens: rt.config.translation.default_max_tokens,
        drop_unsupported: rt.config.translation.drop_unsupported,
        model: Some(model),
    };
    // The decoded request is shared by every candidate; only a downgrade needs its own copy.
    // (The OpenAI encoder always asks streaming upstreams for usage.)
    let shared_ir = req.ir(inbound)?;
    let (encoded, emulated) = if downgrade {
        let mut ir = shared_ir.clone();
        let emulated = crate::tools::downgrade(&mut ir, tools.emulate);
        (crate::translate::encode_request_noting(upstream, &ir, &opts).map_err(translate_error)?, emulated)
    } else {
        (crate::translate::encode_request_noting(upstream, shared_ir, &opts).map_err(translate_error)?, Vec::new())
    };
    let crate::translate::Encoded { body: mut bytes, mut dropped } = encoded;
    if upstream != inbound.dialect && inbound.headers.contains_key("anthropic-beta") {
        // Betas only an Anthropic server can act on.
        dropped.push("anthropic-beta".to_string());
    }
    if layers {
        let mut body = JsonObject::parse(&bytes).map_err(RelayError::internal)?;
        crate::params::apply(&rt.config.routing.layers, &provider.config, model, upstream, &mut body);
        bytes = body.to_vec();
    }
    Ok(Prepared {
        bytes: Bytes::from(bytes),
        upstream,
        translated: true,
        downgraded: downgrade,
        emulated,
        strip_usage: false,
        dropped,
    })
}

/// Every text of the conversation, for complexity routing (strings and text parts alike).
fn conversation_text(req: &Request) -> String {
    let mut out = String::new();
    let mut push = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(parts) => {
            for p in parts {
                if let Some(t) = p.get("text").and_then(|t| t.as_str()) {
                    out.push_str(t);
                    out.push(' ');
                }
            }
        }
        _ => {}
    };
    if let Ok(Some(system)) = req.body.field::<serde_json::Value>("system") {
        push(&system);
    }
    if let Ok(Some(messages)) = req.body.field::<Vec<serde_json::Value>>("messages") {
        for m in &messages {
            if let Some(c) = m.get("content") {
                push(c);
            }
        }
    }
    out
}

/// Hash of caller + system prompt + first user message: one conversation, one key (sticky).
fn conversation_hash(req: &Request, caller: u64) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    caller.hash(&mut h);
    if let Some(s) = req.body.get("system") {
        s.get().hash(&mut h);
    }
    if let Ok(Some(messages)) = req.body.field::<Vec<serde_json::Value>>("messages") {
        let role = |m: &serde_json::Value, r: &str| m.get("role").and_then(|x| x.as_str()) == Some(r);
        if let Some(sys) = messages.iter().find(|m| role(m, "system") || role(m, "developer")) {
            sys.get("content").map(|c| c.to_string()).hash(&mut h);
        }
        if let Some(first) = messages.iter().find(|m| role(m, "user")) {
            first.get("content").map(|c| c.to_string()).hash(&mut h);
        }
    }
    h.finish()
}

async fn run(rt: &Arc<Runtime>, inbound: &Inbound, completion: &mut Completion) -> Result<Response<Body>, RelayError> {
    let req = decode(inbound)?;
    let logging = &rt.config.logging;
    if let Some(r) = completion.record_mut() {
        r.requested_model = req.model.clone();
        if req.stream && !r.stream {
            IN_FLIGHT.streams.fetch_add(1, Ordering::Relaxed);
        }
        r.stream = req.stream;
        if logging.enabled && logging.store_bodies {
            let cap = usize::try_from(logging.max_body_bytes).unwrap_or(usize::MAX);
            r.bodies = Some(crate::record::Bodies::new(inbound.body.clone(), cap));
        }
    }
    let candidates = router::resolve_with(rt, &req.model, &|| conversation_text(&req))?;
    let sticky = rt.providers[candidates[0].provider].pool.strategy == crate::config::Strategy::Sticky;
    let conv = sticky.then(|| conversation_hash(&req, inbound.caller));

    let mut last_err: Option<RelayError> = None;
    let mut attempts_total = 0usize;
    for cand in &candidates {
        let provider = &rt.providers[cand.provider];
        let mut force_downgrade = false;
        loop {
            let prepared = prepare(rt, &req, inbound, provider, &cand.model, force_downgrade)?;
            let call = Call { rt, inbound, req: &req, provider, cand, prepared: &prepared };
            match attempt_candidate(call, conv, completion, &mut attempts_total).await {
                Ok(resp) => return Ok(resp),
                Err(Failure::Final(e)) => return Err(e),
                Err(Failure::Retryable(e)) => {
                    last_err = Some(e);
                    break;
                }
                // The upstream said it cannot do tools: it is remembered; send this request again, downgraded.
                Err(Failure::ToolsUnsupported(_)) if !force_downgrade => force_downgrade = true,
                Err(Failure::ToolsUnsupported(e)) => return Err(e),
            }
        }
    }
    Err(last_err.unwrap_or_else(|| {
        RelayError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Unavailable,
            Fault::Relay,
            "no provider could take the request",
        )
    }))
}

enum Failure {
    /// Answer the client with this now (client fault, or nothing else to try).
    Final(RelayError),
    /// This candidate is exhausted; the next may be tried.
    Retryable(RelayError),
    /// The upstream rejected the request's tools: retry it downgraded.
    ToolsUnsupported(RelayError),
}

/// One candidate being attempted: what the attempt, the plain answer and the stream share.
#[derive(Clone, Copy)]
struct Call<'a> {
    rt: &'a Runtime,
    inbound: &'a Inbound,
    req: &'a Request,
    provider: &'a Provider,
    cand: &'a Candidate,
    prepared: &'a Prepared,
}

async fn attempt_candidate(
    call: Call<'_>,
    conv: Option<u64>,
    completion: &mut Completion,
    attempts_total: &mut usize,
) -> Result<Response<Body>, Failure> {
    let Call { rt, inbound, req, provider, cand, prepared } = call;
    let mut tried: Vec<usize> = Vec::new();
    let mut retries = 0u32;
    let mut last_err: Option<RelayError> = None;
    loop {
        let lease = match provider.pool.lease(&tried, conv) {
            Ok(l) => l,
            Err(un) => {
                // Provider `retry`: another round after a backoff, if the last failure qualifies.
                if let (Some(retry), Some(err)) = (&provider.config.retry, &last_err) {
                    let qualifies = retry.on_status.contains(&err.status.as_u16())
                        || err.upstream_type.as_ref().is_some_and(|t| retry.on_errors.contains(t))
                        || (err.status == StatusCode::BAD_GATEWAY
                            && retry.on_errors.iter().any(|t| t == "upstream_error"))
                        || (err.kind == ErrorKind::Timeout && retry.on_errors.iter().any(|t| t == "timeout_error"));
                    if qualifies && retries < retry.max_retries {
                        retries += 1;
                        let backoff =
                            Duration::from_secs_f64(retry.backoff_factor.powi(retries as i32)).min(retry.backoff_max);
                        let wait = backoff.max(un.retry_after.unwrap_or_default());
                        if wait <= retry.backoff_max {
                            completion.upstream(tokio::time::sleep(wait)).await;
                            tried.clear();
                            continue;
                        }
                    }
                }
                return Err(Failure::Retryable(last_err.unwrap_or_else(|| unavailable(provider, un))));
            }
        };
        *attempts_total += 1;
        let sent_at = Instant::now();
        let result = completion
            .upstream(provider.send(
                inbound.endpoint,
                &lease.key.auth,
                prepared.bytes.clone(),
                forwarded_headers(inbound, prepared),
                req.stream,
            ))
            .await;
        let mut attempt = Attempt {
            provider: provider.name().to_string(),
            model: cand.model.clone(),
            key_label: lease.label().to_string(),
            sent_at: Some(sent_at),
            dropped: prepared.dropped.clone(),
            ..Attempt::default()
        };
        let reply = match result {
            Ok(r) => r,
            Err(e) => {
                let err = transport_error(provider, &e);
                tried.push(fail_attempt(lease, completion, attempt, &err, Outcome::ServerError));
                last_err = Some(err);
                continue;
            }
        };
        attempt.status = reply.status.as_u16();
        if !reply.status.is_success() {
            let status = reply.status;
            let retry_after = parse_retry_after(&reply.headers);
            let body = completion.upstream(read_bounded(reply.body, MAX_ERROR_BODY_BYTES)).await.unwrap_or_default();
            let err = upstream_error(provider, status, &body, lease.secret())
                .with_retry_after(retry_after.filter(|_| status == StatusCode::TOO_MANY_REQUESTS));
            let outcome = classify(provider, status, err.upstream_type.as_deref(), retry_after);
            let fail_over = outcome != Outcome::ClientError;
            let index = fail_attempt(lease, completion, attempt, &err, outcome);
            if !fail_over {
                let tools_refused = rt.config.routing.tools.auto_downgrade
                    && !prepared.downgraded
                    && req.body.get("tools").is_some()
                    && matches!(status.as_u16(), 400 | 404 | 422)
                    && crate::tools::says_tools_unsupported(&err.message);
                if tools_refused {
                    rt.tool_support.remember(provider.name(), &cand.model);
                    return Err(Failure::ToolsUnsupported(err));
                }
                return Err(Failure::Final(err));
            }
            tried.push(index);
            last_err = Some(err);
            continue;
        }
        // 2xx: the answer is good unless its body says otherwise before anything was sent.
        let result = if req.stream {
            open_stream(call, reply, lease, completion, attempt, *attempts_total).await
        } else {
            finish_plain(call, reply, lease, completion, attempt, *attempts_total).await
        };
        match result {
            Ok(resp) => return Ok(resp),
            Err((index, err)) => {
                tried.push(index);
                last_err = Some(err);
            }
        }
    }
}

/// A 404/405 that says the route does not exist, not that the model does not (Anthropic answers
/// an unknown model with a `not_found_error` naming the model).
fn route_missing(status: StatusCode, body: &[u8]) -> bool {
    if status == StatusCode::METHOD_NOT_ALLOWED {
        return true;
    }
    if status != StatusCode::NOT_FOUND {
        return false;
    }
    let (message, utype, _) = parse_error_body(body);
    !(utype.as_deref() == Some("not_found_error") && message.to_lowercase().contains("model"))
}

/// The client headers a provider may pass on (User-Agent, Anthropic version/beta): only when the
/// client speaks the upstream's dialect.
fn forwarded_headers<'a>(inbound: &'a Inbound, prepared: &Prepared) -> &'a HeaderMap {
    static NONE: std::sync::OnceLock<HeaderMap> = std::sync::OnceLock::new();
    if prepared.upstream == inbound.dialect { &inbound.headers } else { NONE.get_or_init(HeaderMap::new) }
}

fn push_attempt(completion: &mut Completion, mut attempt: Attempt) {
    attempt.settle_time();
    if let Some(r) = completion.record_mut() {
        r.attempts.push(attempt);
    }
}

fn unavailable(provider: &Provider, un: Unavailable) -> RelayError {
    let (status, kind) = if un.all_rate_limited {
        (StatusCode::TOO_MANY_REQUESTS, ErrorKind::RateLimited)
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, ErrorKind::Unavailable)
    };
    let mut e = RelayError::new(status, kind, Fault::Upstream, format!("[{}] {}", provider.name(), un.reason))
        .with_retry_after(un.retry_after);
    if e.retry_after.is_none() && status == StatusCode::TOO_MANY_REQUESTS {
        e.retry_after = Some(Duration::from_secs(1));
    }
    e
}

fn classify(
    provider: &Provider,
    status: StatusCode,
    upstream_type: Option<&str>,
    retry_after: Option<Duration>,
) -> Outcome {
    if upstream_type.is_some_and(|t| provider.config.ignore_errors.iter().any(|i| i == t)) {
        return Outcome::ClientError;
    }
    match status.as_u16() {
        429 => Outcome::RateLimited { retry_after },
        401 | 403 => Outcome::AuthFailed,
        408 | 500..=599 => Outcome::ServerError,
        _ => Outcome::ClientError,
    }
}

fn transport_error(provider: &Provider, e: &UpstreamError) -> RelayError {
    let msg = format!("[{}] {e}", provider.name());
    if e.is_timeout() { RelayError::gateway_timeout(msg) } else { RelayError::bad_gateway(msg) }
}

/// `Retry-After` as seconds or an HTTP date.
pub fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
}

/// Read a body up to `limit` bytes; `None` if it broke off or was larger.
async fn read_bounded(mut body: crate::providers::BodyStream, limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.ok()?;
        if out.len() + chunk.len() > limit {
            out.extend_from_slice(&chunk[..limit - out.len()]);
            return Some(out);
        }
        out.extend_from_slice(&chunk);
    }
    Some(out)
}

/// An upstream error in our shape, keeping its status, type and code, prefixed with the provider
/// name, and with the key redacted in case the upstream echoed it.
fn upstream_error(provider: &Provider, status: StatusCode, body: &[u8], key: &Secret<String>) -> RelayError {
    let (message, utype, code) = parse_error_body(body);
    let message = redact(&message, key);
    let kind = match status.as_u16() {
        400 | 422 => ErrorKind::InvalidRequest,
        401 => ErrorKind::Authentication,
        403 => ErrorKind::Permission,
        404 => ErrorKind::NotFound,
        413 => ErrorKind::RequestTooLarge,
        429 => ErrorKind::RateLimited,
        408 | 504 => ErrorKind::Timeout,
        _ => ErrorKind::Upstream,
    };
    let fault = if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
        Fault::Upstream
    } else {
        Fault::Client
    };
    let mut e = RelayError::new(status, kind, fault, format!("[{}] {message}", provider.name()));
    e.upstream_type = utype;
    e.code = code;
    e
}

/// (message, type, code) from any of the error shapes upstreams use, or the raw text.
pub fn parse_error_body(body: &[u8]) -> (String, Option<String>, Option<serde_json::Value>) {
    use serde_json::Value;
    let text = || {
        let s = String::from_utf8_lossy(body);
        let s = s.trim();
        if s.is_empty() {
            "the upstream returned an empty error body".to_string()
        } else {
            s.chars().take(500).collect()
        }
    };
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return (text(), None, None);
    };
    let (message, utype, code) = error_parts(&v);
    (message.unwrap_or_else(text), utype, code)
}

/// (message, type, code) of an error value: a whole body (`{"error": {...}}`, `{"detail": ...}`,
/// Anthropic's `{"type": "error", "error": {...}}`) or the inner error object itself.
pub fn error_parts(v: &serde_json::Value) -> (Option<String>, Option<String>, Option<serde_json::Value>) {
    use serde_json::Value;
    let err = v.get("error").unwrap_or(v);
    let message = match err {
        Value::String(s) => Some(s.clone()),
        _ => err
            .get("message")
            .or_else(|| err.get("detail"))
            .or_else(|| v.get("message"))
            .or_else(|| v.get("detail"))
            .map(|m| m.as_str().map(String::from).unwrap_or_else(|| m.to_string())),
    };
    let utype = err.get("type").and_then(Value::as_str).filter(|t| *t != "error").map(String::from);
    let code = err.get("code").filter(|c| !c.is_null()).cloned();
    (message, utype, code)
}

fn redact(message: &str, key: &Secret<String>) -> String {
    let k = key.expose();
    if k.len() >= 8 && message.contains(k.as_str()) {
        message.replace(k.as_str(), "*****")
    } else {
        message.to_string()
    }
}

fn relay_headers(resp: &mut Response<Body>, provider: &Provider, model: &str, attempts: usize) {
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(provider.name()) {
        h.insert("x-monorelay-provider", v);
    }
    if let Ok(v) = HeaderValue::from_str(model) {
        h.insert("x-monorelay-model", v);
    }
    h.insert("x-monorelay-attempts", HeaderValue::from(attempts));
}

/// `x-monorelay-overhead-ms`: the relay's own time up to the response head, upstream waits excluded.
fn overhead_header(resp: &mut Response<Body>, completion: &mut Completion) {
    let overhead = completion.overhead();
    let ms = overhead.as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("{ms:.3}")) {
        resp.headers_mut().insert("x-monorelay-overhead-ms", v);
    }
    if let Some(r) = completion.record_mut() {
        r.overhead_ms = Some(ms);
    }
}

fn record_success(
    completion: &mut Completion,
    provider: &Provider,
    cand: &Candidate,
    lease: &Lease,
    prepared: &Prepared,
    mut attempt: Attempt,
) {
    attempt.settle_time();
    let upstream = prepared.upstream;
    if let Some(b) = completion.bodies_mut() {
        b.set_upstream(&prepared.bytes);
    }
    if let Some(r) = completion.record_mut() {
        r.provider = Some(provider.name().to_string());
        r.model = Some(cand.model.clone());
        r.key_label = Some(lease.label().to_string());
        r.upstream = Some(upstream);
        r.attempts.push(attempt);
    }
}

async fn finish_plain(
    call: Call<'_>,
    reply: UpstreamReply,
    lease: Lease,
    completion: &mut Completion,
    attempt: Attempt,
    attempts: usize,
) -> Result<Response<Body>, (usize, RelayError)> {
    let Call { inbound, provider, cand, prepared, .. } = call;
    let status = reply.status;
    let body = match completion.upstream(read_bounded(reply.body, MAX_UPSTREAM_BODY_BYTES)).await {
        Some(b) if b.len() < MAX_UPSTREAM_BODY_BYTES => b,
        Some(_) => {
            return Err(fail_key(
                lease,
                completion,
                attempt,
                RelayError::bad_gateway(format!(
                    "[{}] the upstream response is larger than {MAX_UPSTREAM_BODY_BYTES} bytes",
                    provider.name()
                )),
            ));
        }
        None => {
            return Err(fail_key(
                lease,
                completion,
                attempt,
                RelayError::bad_gateway(format!("[{}] the upstream response broke off", provider.name())),
            ));
        }
    };
    let (body, tokens) = if prepared.translated {
        match crate::translate::decode_response(prepared.upstream, &body) {
            Ok(mut resp) => {
                if !prepared.emulated.is_empty() {
                    crate::tools::emulate_response(&mut resp, &prepared.emulated);
                }
                let tokens = crate::record::Tokens::from(&resp.usage);
                (crate::translate::encode_response(inbound.dialect, &resp), Some(tokens))
            }
            Err(e) => {
                let err = RelayError::bad_gateway(format!("[{}] {e}", provider.name()));
                return Err(fail_key(lease, completion, attempt, err));
            }
        }
    } else {
        #[derive(Deserialize)]
        struct Probe {
            usage: Option<crate::stream::AnyUsage>,
        }
        match serde_json::from_slice::<Probe>(&body) {
            Ok(p) => (body, p.usage.map(|u| u.tokens(provider.dialect()))),
            Err(e) => {
                let err = RelayError::bad_gateway(format!(
                    "[{}] the upstream answered {} with a body that is not JSON: {e}",
                    provider.name(),
                    status.as_u16()
                ));
                return Err(fail_key(lease, completion, attempt, err));
            }
        }
    };
    record_success(completion, provider, cand, &lease, prepared, attempt);
    lease.finish(Outcome::Success, None);
    if let Some(b) = completion.bodies_mut() {
        b.append_response(&body);
    }
    completion.finish(status.as_u16(), None, tokens);
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    relay_headers(&mut resp, provider, &cand.model, attempts);
    overhead_header(&mut resp, completion);
    Ok(resp)
}

/// Penalise the key for a bad 2xx answer and hand back what the caller needs to fail over.
fn fail_key(lease: Lease, completion: &mut Completion, attempt: Attempt, err: RelayError) -> (usize, RelayError) {
    (fail_attempt(lease, completion, attempt, &err, Outcome::ServerError), err)
}

/// Record a failed attempt and apply its outcome to the key; returns the key's index (tried).
fn fail_attempt(
    lease: Lease,
    completion: &mut Completion,
    mut attempt: Attempt,
    err: &RelayError,
    outcome: Outcome,
) -> usize {
    attempt.error = Some(err.message.clone());
    push_attempt(completion, attempt);
    let index = lease.index;
    lease.finish(outcome, Some(&err.message));
    index
}

async fn open_stream(
    call: Call<'_>,
    reply: UpstreamReply,
    lease: Lease,
    completion: &mut Completion,
    attempt: Attempt,
    attempts: usize,
) -> Result<Response<Body>, (usize, RelayError)> {
    let Call { inbound, req, provider, cand, prepared, .. } = call;
    let is_sse = reply
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.starts_with("text/event-stream"));
    let mut upstream = reply.body;
    if !is_sse {
        let body = read_bounded(upstream, MAX_ERROR_BODY_BYTES).await.unwrap_or_default();
        let (message, _, _) = parse_error_body(&body);
        let err = RelayError::bad_gateway(format!(
            "[{}] the upstream answered a stream request without an event stream: {}",
            provider.name(),
            redact(&message, lease.secret())
        ));
        return Err(fail_key(lease, completion, attempt, err));
    }
    // Wait for the first complete event before committing: an upstream that fails at once (an
    // error event, a cut, a timeout) can still be failed over, since nothing reached the client.
    let mut decoder = SseDecoder::new();
    let mut first: Vec<SseEvent> = Vec::new();
    while first.is_empty() {
        match completion.upstream(upstream.next()).await {
            Some(Ok(chunk)) => {
                if let Err(e) = decoder.push(&chunk, &mut first) {
                    let err = RelayError::bad_gateway(format!("[{}] {e}", provider.name()));
                    return Err(fail_key(lease, completion, attempt, err));
                }
            }
            Some(Err(e)) => {
                let err = transport_error(provider, &e);
                return Err(fail_key(lease, completion, attempt, err));
            }
            None => {
                let err = RelayError::bad_gateway(format!(
                    "[{}] the upstream closed the stream before sending any event",
                    provider.name()
                ));
                return Err(fail_key(lease, completion, attempt, err));
            }
        }
    }
    if let Some(msg) = crate::stream::first_event_error(prepared.upstream, &first[0]) {
        let err = RelayError::bad_gateway(format!("[{}] {}", provider.name(), redact(&msg, lease.secret())));
        return Err(fail_key(lease, completion, attempt, err));
    }
    record_success(completion, provider, cand, &lease, prepared, attempt);
    let mode = if prepared.translated {
        let mut encoder = crate::translate::stream_encoder(inbound.dialect, &cand.model, req.client_wants_usage);
        if !prepared.emulated.is_empty() {
            encoder = Box::new(crate::tools::EmulatingEncoder::new(encoder, prepared.emulated.clone()));
        }
        PipeMode::Translate { decoder: crate::translate::stream_decoder(prepared.upstream), encoder }
    } else if inbound.dialect == Dialect::OpenAi {
        PipeMode::OpenAiPassthrough { strip_usage: prepared.strip_usage }
    } else {
        PipeMode::AnthropicPassthrough
    };
    let mut resp = Response::new(Body::empty());
    overhead_header(&mut resp, completion);
    let taken = completion.hand_off();
    let pipe = Pipe::new(
        upstream,
        decoder,
        first,
        mode,
        (inbound.dialect, prepared.upstream),
        lease,
        taken,
        provider.name().to_string(),
    );
    *resp.body_mut() = Body::from_stream(pipe.into_stream());
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    relay_headers(&mut resp, provider, &cand.model, attempts);
    Ok(resp)
}

/// `POST /v1/messages/count_tokens`: asked of the upstream when it speaks Anthropic, else a local
/// estimate, marked as such (`"estimated": true` and `x-monorelay-estimated: true`).
pub async fn count_tokens(rt: Arc<Runtime>, inbound: Inbound) -> Response<Body> {
    let dialect = inbound.dialect;
    match count_tokens_inner(&rt, &inbound).await {
        Ok(r) => r,
        Err(e) => e.render(dialect),
    }
}

async fn count_tokens_inner(rt: &Runtime, inbound: &Inbound) -> Result<Response<Body>, RelayError> {
    let req = decode(inbound)?;
    let candidates = router::resolve(rt, &req.model)?;
    for cand in &candidates {
        let provider = &rt.providers[cand.provider];
        if provider.config.kind != crate::config::ProviderKind::Anthropic
            || rt.missing_routes.is_missing(provider.name(), Endpoint::CountTokens)
        {
            continue;
        }
        let Ok(lease) = provider.pool.lease(&[], None) else { continue };
        let mut body = req.body.clone();
        body.set("model", &cand.model);
        let reply = match provider
            .send(Endpoint::CountTokens, &lease.key.auth, Bytes::from(body.to_vec()), &inbound.headers, false)
            .await
        {
            Ok(r) => r,
            Err(e) => {
                lease.finish(Outcome::ServerError, Some(&e.to_string()));
                continue;
            }
        };
        let status = reply.status;
        let bytes = read_bounded(reply.body, MAX_ERROR_BODY_BYTES).await.unwrap_or_default();
        if route_missing(status, &bytes) {
            // An Anthropic-dialect server without the route: estimate locally, and remember.
            lease.finish(Outcome::ClientError, None);
            rt.missing_routes.remember(provider.name(), Endpoint::CountTokens);
            continue;
        }
        if !status.is_success() {
            let err = upstream_error(provider, status, &bytes, lease.secret());
            lease.finish(classify(provider, status, err.upstream_type.as_deref(), None), Some(&err.message));
            return Err(err);
        }
        lease.finish(Outcome::Success, None);
        let mut resp = Response::new(Body::from(bytes));
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        relay_headers(&mut resp, provider, &cand.model, 1);
        return Ok(resp);
    }
    let ir = req.ir(inbound)?;
    let n = crate::tokens::estimate_request(ir);
    let mut resp = Response::new(Body::from(serde_json::json!({"input_tokens": n, "estimated": true}).to_string()));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert("x-monorelay-estimated", HeaderValue::from_static("true"));
    Ok(resp)
}
