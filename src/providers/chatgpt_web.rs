//! The `web_reverse` provider: the ChatGPT web backend, keys being ChatGPT access tokens. It owns
//! its wire: it reads the OpenAI chat body the relay prepared (so translation, tool emulation and
//! parameter layers happen upstream of it, as for any OpenAI-dialect provider), runs the sentinel
//! flow (build-id discovery cached with a TTL, the requirements token, `chat-requirements`, the
//! SHA3-512 proof of work on the blocking pool, `pow`), posts the conversation, and decodes the web
//! stream (`stream`) into IR events that the OpenAI encoder turns into an ordinary OpenAI answer,
//! streamed or whole, with usage estimated. Each key keeps one session (device id, cookies).
//! Failures come back as OpenAI-shaped error answers whose status tells `outcome` what they mean:
//! an expired token is 401 (key invalid), a rate limit or a proof of work beyond the caps is 429
//! (key cooled), a Cloudflare/HTML page or a broken stream is 502 (provider fault).

pub mod pow;
pub mod stream;

use super::{Endpoint, UpstreamError, UpstreamReply, describe_reqwest, timed_body};
use crate::config::{ProviderConfig, WebReverseConfig};
use crate::ir::{self, ContentBlock, Role};
use crate::translate::StreamEncoder;
use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde_json::{Value, json};
use sha2::Digest;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use stream::{WebDecoder, WebStreamError, estimate_tokens};

/// The browser the requests look like (the original's Chrome 130 on Windows).
pub const USER_AGENT: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                              Chrome/130.0.0.0 Safari/537.36";
/// Largest page or JSON answer read whole (home page, chat-requirements, error bodies).
const MAX_SMALL_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Largest web stream read whole for a non-stream request.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// The longest wait for the home page (build-id discovery).
const DISCOVERY_TIMEOUT: Duration = Duration::from_secs(10);
/// Models listed when `model_mapping` is empty.
const DEFAULT_MODELS: [&str; 4] = ["gpt-4o", "gpt-4o-mini", "o1", "o3-mini"];

/// Proof-of-work threads per provider: one core in two, at least one.
fn pow_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

/// A random uuid4 string.
pub fn uuid4() -> String {
    let mut b: [u8; 16] = fastrand::u128(..).to_be_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = pow::to_hex(&b);
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// One key's browser session: its device id and the cookies the backend set.
struct Session {
    device_id: String,
    cookies: Mutex<Vec<(String, String)>>,
}

impl std::fmt::Debug for Session {
    // Cookies are credentials: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("device_id", &self.device_id).finish_non_exhaustive()
    }
}

impl Session {
    fn cookie_header(&self) -> String {
        let cookies = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        let mut parts = vec![format!("oai-did={}", self.device_id)];
        parts.extend(cookies.iter().filter(|(n, _)| n != "oai-did").map(|(n, v)| format!("{n}={v}")));
        parts.join("; ")
    }

    fn remember(&self, headers: &HeaderMap) {
        let mut cookies = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        for v in headers.get_all(header::SET_COOKIE) {
            let Ok(s) = v.to_str() else { continue };
            let Some((name, value)) = s.split(';').next().and_then(|kv| kv.split_once('=')) else { continue };
            let (name, value) = (name.trim().to_string(), value.trim().to_string());
            if name.is_empty() {
                continue;
            }
            cookies.retain(|(n, _)| *n != name);
            if cookies.len() < 64 {
                cookies.push((name, value));
            }
        }
    }
}

/// What the home page gave: the build id and the script URLs (for the fingerprint).
#[derive(Debug, Clone)]
struct Build {
    dpl: String,
    scripts: Vec<String>,
    at: Instant,
}

/// The provider's state: its HTTP client (its own when `proxy_url` is set) and settings, built
/// with each runtime, and its `WebState`, which outlives reloads.
#[derive(Debug)]
pub struct ChatGptWeb {
    client: Result<reqwest::Client, String>,
    cfg: WebReverseConfig,
    base: String,
    state: Arc<WebState>,
}

/// What a `web_reverse` provider learns while serving — per-key sessions (device id, cookies),
/// the cached build id, the proof-of-work slots — kept in `runtime::Shared` (`WebStates`) so a
/// config reload neither forgets the sessions nor fetches the build again.
#[derive(Debug)]
pub struct WebState {
    sessions: Mutex<HashMap<[u8; 32], Arc<Session>>>,
    build: tokio::sync::Mutex<Option<Build>>,
    /// Proofs of work solved at once (the blocking threads of this provider): fewer than the
    /// cores, so hard challenges cannot take every core from the relay's workers.
    pow_slots: Arc<tokio::sync::Semaphore>,
}

impl Default for WebState {
    fn default() -> WebState {
        WebState {
            sessions: Mutex::new(HashMap::new()),
            build: tokio::sync::Mutex::new(None),
            pow_slots: Arc::new(tokio::sync::Semaphore::new(pow_threads())),
        }
    }
}

/// Every `web_reverse` provider's `WebState`, by provider name and base URL (another backend
/// starts afresh: its cookies and build belong to another host).
#[derive(Debug, Default)]
pub struct WebStates(Mutex<HashMap<(String, String), Arc<WebState>>>);

impl WebStates {
    pub fn get(&self, config: &ProviderConfig) -> Arc<WebState> {
        let key = (crate::config::normalize_name(&config.name), config.base_url.clone());
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(key).or_default().clone()
    }
}

/// An answer made here instead of relayed (errors, model lists, decoded conversations).
type Answer = Result<UpstreamReply, UpstreamError>;

fn json_reply(status: StatusCode, body: &Value, retry_after: Option<Duration>) -> UpstreamReply {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(d) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(d.as_secs().max(1)));
    }
    let bytes = Bytes::from(body.to_string());
    UpstreamReply { status, headers, body: Box::pin(futures_util::stream::iter([Ok(bytes)])) }
}

fn error_reply(status: StatusCode, error_type: &str, message: &str, retry_after: Option<Duration>) -> UpstreamReply {
    let body = json!({"error": {"message": format!("ChatGPT web: {message}"), "type": error_type, "code": null}});
    json_reply(status, &body, retry_after)
}

/// Whether a body is an HTML page (a Cloudflare challenge, a login page) rather than JSON or SSE.
fn is_html(headers: &HeaderMap, body: &[u8]) -> bool {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &body[i..]);
    ct.contains("text/html") || start.starts_with(b"<")
}

/// A non-2xx (or HTML) answer from the backend, as the answer the relay classifies.
fn backend_error(
    what: &str,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    cooldown: Duration,
) -> UpstreamReply {
    if is_html(headers, body) {
        let text = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]).to_ascii_lowercase();
        let challenge = ["just a moment", "cf-chl", "challenge-platform", "cf_chl", "attention required"]
            .iter()
            .any(|m| text.contains(m));
        let message = if challenge {
            format!(
                "{what} answered HTTP {} with a Cloudflare challenge page instead of JSON (the relay's address is \
                 being challenged; try proxy_url, or conversation_only behind a gateway)",
                status.as_u16()
            )
        } else {
            format!("{what} answered HTTP {} with an HTML page instead of JSON", status.as_u16())
        };
        return error_reply(StatusCode::BAD_GATEWAY, "upstream_error", &message, None);
    }
    let info = crate::wire::error::ErrorInfo::parse(body);
    let lower = info.message.to_ascii_lowercase();
    // A 403 about the token is the token's fault; any other 403 (unusual activity, a proof or a
    // Turnstile check refused) is the backend's, and must not mark the key invalid.
    let token_refused = lower.contains("token") && (lower.contains("expired") || lower.contains("invalid"));
    match status.as_u16() {
        401 | 403 if status.as_u16() == 401 || token_refused => error_reply(
            StatusCode::UNAUTHORIZED,
            "authentication_error",
            &format!("the access token was refused (expired or invalid): {}", info.message),
            None,
        ),
        403 => error_reply(
            StatusCode::BAD_GATEWAY,
            "upstream_error",
            &format!("{what} was refused (HTTP 403): {}", info.message),
            None,
        ),
        429 => {
            let retry = headers
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|s| s.trim().parse::<u64>().ok())
                .map_or(cooldown, Duration::from_secs);
            error_reply(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limit_error",
                &format!("{what} is rate-limited for this account: {}", info.message),
                Some(retry),
            )
        }
        _ => error_reply(status, "upstream_error", &format!("{what} failed: {}", info.message), None),
    }
}

impl ChatGptWeb {
    /// `shared`: the runtime's pooled client, used unless `proxy_url` asks for a client of its own;
    /// `state`: the provider's sessions and caches from `WebStates`.
    pub fn new(config: &ProviderConfig, shared: reqwest::Client, state: Arc<WebState>) -> ChatGptWeb {
        let cfg = config.web.clone().unwrap_or_else(|| WebReverseConfig {
            pow_difficulty: vec![0, 0, 0x3a],
            conversation_only: false,
            history_disabled: true,
            proxy_url: None,
            model_mapping: Vec::new(),
            pow_max_attempts: 500_000,
            pow_max_time: Duration::from_secs(10),
            build_id_ttl: Duration::from_secs(900),
        });
        let client = match &cfg.proxy_url {
            None => Ok(shared),
            Some(p) => reqwest::Proxy::all(p.expose().as_str())
                .and_then(|proxy| {
                    reqwest::Client::builder()
                        .connect_timeout(config.connect_timeout)
                        .proxy(proxy)
                        .redirect(reqwest::redirect::Policy::none())
                        .build()
                })
                .map_err(|e| format!("the proxy_url client cannot be built: {}", describe_reqwest(&e))),
        };
        ChatGptWeb { client, cfg, base: config.base_url.clone(), state }
    }

    /// The web model slug for a client model name: `model_mapping`, else the name itself.
    pub fn slug<'a>(&'a self, model: &'a str) -> &'a str {
        self.cfg.model_mapping.iter().find(|(k, _)| k == model).map_or(model, |(_, v)| v.as_str())
    }

    fn session(&self, auth: &HeaderValue) -> Arc<Session> {
        let id: [u8; 32] = sha2::Sha256::digest(auth.as_bytes()).into();
        let mut map = self.state.sessions.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(id)
            .or_insert_with(|| Arc::new(Session { device_id: uuid4(), cookies: Mutex::new(Vec::new()) }))
            .clone()
    }

    fn client(&self) -> Result<&reqwest::Client, UpstreamError> {
        self.client.as_ref().map_err(|e| UpstreamError::Connect(e.clone()))
    }

    fn request(
        &self,
        method: http::Method,
        path: &str,
        session: &Session,
        auth: &HeaderValue,
    ) -> Result<reqwest::RequestBuilder, UpstreamError> {
        let url = format!("{}{path}", self.base);
        let mut rb = self
            .client()?
            .request(method, url)
            .header(header::ACCEPT, "*/*")
            .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, self.base.as_str())
            .header(header::REFERER, format!("{}/", self.base))
            .header("sec-fetch-dest", "empty")
            .header("sec-fetch-mode", "cors")
            .header("sec-fetch-site", "same-origin")
            .header(header::USER_AGENT, USER_AGENT)
            .header("oai-device-id", session.device_id.as_str())
            .header("oai-language", "en-US")
            .header(header::COOKIE, session.cookie_header());
        if !auth.is_empty() {
            rb = rb.header(header::AUTHORIZATION, auth.clone());
        }
        Ok(rb)
    }

    /// Send and wait for the head within the provider's `timeout`.
    async fn send_head(
        &self,
        rb: reqwest::RequestBuilder,
        session: &Session,
        timeout: Duration,
    ) -> Result<reqwest::Response, UpstreamError> {
        match tokio::time::timeout(timeout, rb.send()).await {
            Ok(Ok(r)) => {
                session.remember(r.headers());
                Ok(r)
            }
            Ok(Err(e)) => Err(UpstreamError::Connect(describe_reqwest(&e))),
            Err(_) => Err(UpstreamError::FirstByteTimeout(timeout)),
        }
    }

    /// A whole small body, bounded in size and time.
    async fn read_small(resp: reqwest::Response, timeout: Duration) -> Result<Vec<u8>, UpstreamError> {
        let mut body = timed_body(resp.bytes_stream(), describe_reqwest, timeout, None, None);
        let mut out = Vec::new();
        while let Some(chunk) = body.next().await {
            let chunk = chunk?;
            let room = MAX_SMALL_BODY_BYTES.saturating_sub(out.len());
            out.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if room <= chunk.len() {
                break;
            }
        }
        Ok(out)
    }

    /// Answer one request.
    pub async fn send(
        &self,
        pc: &ProviderConfig,
        endpoint: Endpoint,
        auth: &HeaderValue,
        body: Bytes,
        stream: bool,
    ) -> Answer {
        match endpoint {
            Endpoint::Models => Ok(self.models()),
            Endpoint::ChatCompletions | Endpoint::Messages => self.conversation(pc, auth, &body, stream).await,
            other => Ok(error_reply(
                StatusCode::NOT_FOUND,
                "invalid_request_error",
                &format!("the ChatGPT web backend has no '{}' endpoint", other.openai_path()),
                None,
            )),
        }
    }

    fn models(&self) -> UpstreamReply {
        let names: Vec<&str> = if self.cfg.model_mapping.is_empty() {
            DEFAULT_MODELS.to_vec()
        } else {
            self.cfg.model_mapping.iter().map(|(k, _)| k.as_str()).collect()
        };
        let data: Vec<Value> = names
            .iter()
            .map(|m| json!({"id": m, "object": "model", "created": 0, "owned_by": "chatgpt-web"}))
            .collect();
        json_reply(StatusCode::OK, &json!({"object": "list", "data": data}), None)
    }

    /// The cached build id and scripts, discovered again once the TTL has passed (a failure is
    /// cached too, so a broken home page is not fetched on every request).
    async fn build(&self, session: &Session, auth: &HeaderValue, timeout: Duration) -> Build {
        // Discovery only improves the fingerprint: it never holds requests up for long.
        let timeout = timeout.min(DISCOVERY_TIMEOUT);
        let mut cached = self.state.build.lock().await;
        if let Some(b) = cached.as_ref().filter(|b| b.at.elapsed() < self.cfg.build_id_ttl) {
            return b.clone();
        }
        let page = async {
            let rb = self.request(http::Method::GET, "/", session, auth)?.header(header::ACCEPT, "text/html");
            let resp = self.send_head(rb, session, timeout).await?;
            Self::read_small(resp, timeout).await
        }
        .await;
        let (dpl, scripts) = match page {
            Ok(html) => parse_home(&String::from_utf8_lossy(&html)),
            Err(e) => {
                tracing::debug!("ChatGPT web: build id discovery failed: {e}");
                (String::new(), Vec::new())
            }
        };
        let scripts =
            if scripts.is_empty() { vec![format!("{}/backend-api/sentinel/sdk.js", self.base)] } else { scripts };
        let b = Build { dpl, scripts, at: Instant::now() };
        *cached = Some(b.clone());
        b
    }

    /// A proof of work on the blocking pool, once one of this provider's slots is free (waiting
    /// for a slot counts against the time cap).
    async fn solve(
        &self,
        seed: String,
        difficulty: Vec<u8>,
        config: Vec<Value>,
        caps: pow::Caps,
    ) -> Result<String, pow::PowError> {
        let started = Instant::now();
        let Ok(Ok(_slot)) = tokio::time::timeout(caps.max_time, self.state.pow_slots.clone().acquire_owned()).await
        else {
            return Err(pow::PowError::Busy(caps.max_time));
        };
        let left = caps.max_time.saturating_sub(started.elapsed());
        pow::solve_blocking(seed, difficulty, config, pow::Caps { max_time: left, ..caps }).await
    }

    /// The sentinel flow: the chat-requirements token and, when asked, the proof token.
    async fn sentinel(
        &self,
        pc: &ProviderConfig,
        session: &Session,
        auth: &HeaderValue,
    ) -> Result<(String, Option<String>), Answer> {
        let build = self.build(session, auth, pc.timeout).await;
        let script = build.scripts.get(fastrand::usize(..build.scripts.len().max(1))).cloned().unwrap_or_default();
        let config = pow::fingerprint(USER_AGENT, &script, &build.dpl);
        let caps = pow::Caps { max_attempts: self.cfg.pow_max_attempts, max_time: self.cfg.pow_max_time };
        let seed = fastrand::f64().to_string();
        let requirements = self
            .solve(seed, pow::REQUIREMENTS_DIFFICULTY.to_vec(), config.clone(), caps)
            .await
            .map_err(|e| Ok(error_reply(StatusCode::SERVICE_UNAVAILABLE, "upstream_error", &e.to_string(), None)))?;
        let rb = self
            .request(http::Method::POST, "/backend-api/sentinel/chat-requirements", session, auth)
            .map_err(Err)?
            .body(json!({"p": format!("gAAAAAC{requirements}")}).to_string());
        let resp = self.send_head(rb, session, pc.timeout).await.map_err(Err)?;
        let (status, headers) = (resp.status(), resp.headers().clone());
        let body = Self::read_small(resp, pc.timeout).await.map_err(Err)?;
        if !status.is_success() || is_html(&headers, &body) {
            return Err(Ok(backend_error("chat-requirements", status, &headers, &body, pc.cooldown)));
        }
        let v: Value = serde_json::from_slice(&body).map_err(|e| {
            Ok(error_reply(
                StatusCode::BAD_GATEWAY,
                "upstream_error",
                &format!("chat-requirements answered with a body that is not JSON: {e}"),
                None,
            ))
        })?;
        let Some(token) = v.get("token").and_then(Value::as_str).filter(|t| !t.is_empty()) else {
            return Err(Ok(error_reply(
                StatusCode::BAD_GATEWAY,
                "upstream_error",
                "chat-requirements answered without a token",
                None,
            )));
        };
        if v.pointer("/proofofwork/required").and_then(Value::as_bool) != Some(true) {
            return Ok((token.to_string(), None));
        }
        let seed = v.pointer("/proofofwork/seed").and_then(Value::as_str).unwrap_or("").to_string();
        let hex = v.pointer("/proofofwork/difficulty").and_then(Value::as_str).unwrap_or("").to_string();
        let refuse =
            |msg: String| Ok(error_reply(StatusCode::TOO_MANY_REQUESTS, "rate_limit_error", &msg, Some(pc.cooldown)));
        let difficulty = match pow::parse_difficulty(&hex) {
            Ok(d) if !seed.is_empty() => d,
            Ok(_) => {
                return Err(Ok(error_reply(
                    StatusCode::BAD_GATEWAY,
                    "upstream_error",
                    "chat-requirements asked for a proof of work without a seed",
                    None,
                )));
            }
            Err(e) => return Err(Ok(error_reply(StatusCode::BAD_GATEWAY, "upstream_error", &e.to_string(), None))),
        };
        let cost = pow::expected_attempts(&difficulty);
        if cost > pow::expected_attempts(&self.cfg.pow_difficulty) {
            return Err(refuse(format!(
                "proof-of-work difficulty '{hex}' (about {cost:.0} attempts) is harder than this provider's \
                 pow_difficulty '{}'; refused",
                pow::to_hex(&self.cfg.pow_difficulty)
            )));
        }
        match self.solve(seed, difficulty, config, caps).await {
            Ok(answer) => Ok((token.to_string(), Some(format!("gAAAAAB{answer}")))),
            Err(e) => Err(refuse(e.to_string())),
        }
    }

    async fn conversation(&self, pc: &ProviderConfig, auth: &HeaderValue, body: &[u8], stream: bool) -> Answer {
        let req = match crate::translate::openai::decode_request(body) {
            Ok(r) => r,
            Err(e) => return Ok(error_reply(StatusCode::BAD_REQUEST, "invalid_request_error", &e.to_string(), None)),
        };
        let (messages, prompt_chars) = match web_messages(&req) {
            Ok(m) => m,
            Err(msg) => return Ok(error_reply(StatusCode::BAD_REQUEST, "invalid_request_error", &msg, None)),
        };
        let session = self.session(auth);
        let tokens = if self.cfg.conversation_only {
            None
        } else {
            match self.sentinel(pc, &session, auth).await {
                Ok(t) => Some(t),
                Err(answer) => return answer,
            }
        };
        let payload = json!({
            "action": "next",
            "messages": messages,
            "model": self.slug(&req.model),
            "parent_message_id": uuid4(),
            "history_and_training_disabled": self.cfg.history_disabled,
            "force_use_sse": true,
            "conversation_mode": {"kind": "primary_assistant"},
            "suggestions": [],
            "system_hints": [],
            "timezone_offset_min": -480,
            "websocket_request_id": uuid4(),
            "client_contextual_info": {"is_dark_mode": true, "time_since_loaded": 100, "page_height": 800,
                "page_width": 1400, "pixel_ratio": 2, "screen_height": 1080, "screen_width": 1920},
        });
        let mut rb = match self.request(http::Method::POST, "/backend-api/conversation", &session, auth) {
            Ok(rb) => rb.header(header::ACCEPT, "text/event-stream").body(payload.to_string()),
            Err(e) => return Err(e),
        };
        if let Some((chat_token, proof)) = &tokens {
            rb = rb.header("openai-sentinel-chat-requirements-token", chat_token.as_str());
            if let Some(p) = proof {
                rb = rb.header("openai-sentinel-proof-token", p.as_str());
            }
        }
        let started = Instant::now();
        let deadline = pc.total_timeout.map(|t| started + t);
        let resp = self.send_head(rb, &session, pc.timeout).await?;
        let (status, headers) = (resp.status(), resp.headers().clone());
        let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        if !status.is_success() || ct.contains("text/html") {
            let body = Self::read_small(resp, pc.timeout).await.unwrap_or_default();
            return Ok(backend_error("the conversation", status, &headers, &body, pc.cooldown));
        }
        let upstream = timed_body(
            resp.bytes_stream(),
            describe_reqwest,
            pc.timeout,
            deadline.map(tokio::time::Instant::from_std),
            pc.total_timeout,
        );
        let id = format!("chatcmpl-web{:016x}", fastrand::u64(..));
        let decoder = WebDecoder::new(id, req.model.clone(), estimate_tokens(prompt_chars));
        if stream {
            Ok(open_stream(upstream, decoder, &req, pc.cooldown).await)
        } else {
            Ok(whole(upstream, decoder, pc.cooldown).await)
        }
    }
}

/// The home page's build id (`c/<dpl>/_` in a script URL, else `data-build`) and script URLs.
fn parse_home(html: &str) -> (String, Vec<String>) {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        rest = &rest[i + 7..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        if let Some(j) = tag.find("src=\"") {
            let src = &tag[j + 5..];
            if let Some(k) = src.find('"') {
                scripts.push(src[..k].to_string());
            }
        }
        if scripts.len() >= 64 {
            break;
        }
    }
    let dpl = scripts
        .iter()
        .find_map(|s| {
            let i = s.find("c/")?;
            let seg = &s[i + 2..];
            let end = seg.find("/_")?;
            Some(seg[..end].to_string()).filter(|d| !d.is_empty() && !d.contains('/'))
        })
        .or_else(|| {
            let i = html.find("data-build=\"")?;
            let v = &html[i + 12..];
            v.find('"').map(|k| v[..k].to_string())
        })
        .unwrap_or_default();
    (dpl, scripts)
}

/// The web backend's messages: the system prompt and every earlier turn kept, in order. Returns
/// them with the prompt's length in characters (for the usage estimate).
fn web_messages(req: &ir::Request) -> Result<(Vec<Value>, usize), String> {
    let mut out = Vec::new();
    let mut chars = 0usize;
    let mut push = |role: &str, blocks: &[ContentBlock]| -> Result<(), String> {
        let mut text = String::new();
        for b in blocks {
            match b {
                ContentBlock::Text { text: t, .. } => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(t);
                }
                ContentBlock::Image { .. } => {
                    return Err("images are not supported by the ChatGPT web provider (no upload)".into());
                }
                ContentBlock::Thinking { .. } | ContentBlock::RedactedThinking { .. } => {}
                ContentBlock::ToolUse { .. } | ContentBlock::ToolResult { .. } | ContentBlock::Other { .. } => {
                    return Err(
                        "this content cannot be sent to the ChatGPT web provider (tools are emulated as text)".into()
                    );
                }
            }
        }
        chars += text.chars().count();
        out.push(json!({"id": uuid4(), "author": {"role": role},
            "content": {"content_type": "text", "parts": [text]}, "metadata": {}}));
        Ok(())
    };
    if !req.system.is_empty() {
        push("system", &req.system)?;
    }
    for m in &req.messages {
        let role = match m.role {
            Role::User => "user",
            Role::Assistant => "assistant",
            Role::System => "system",
        };
        push(role, &m.content)?;
    }
    if out.is_empty() {
        return Err("the request has no messages".into());
    }
    Ok((out, chars))
}

/// The error answer for a stream that failed before anything was sent.
fn stream_failure(e: &WebStreamError, cooldown: Duration) -> UpstreamReply {
    if e.rate_limited {
        error_reply(StatusCode::TOO_MANY_REQUESTS, "rate_limit_error", &e.message, Some(cooldown))
    } else {
        error_reply(StatusCode::BAD_GATEWAY, "upstream_error", &e.message, None)
    }
}

/// Non-stream: read the whole web stream, then answer one OpenAI chat completion.
async fn whole(mut upstream: super::BodyStream, mut decoder: WebDecoder, cooldown: Duration) -> UpstreamReply {
    let mut acc = ir::ResponseAccumulator::new();
    let mut events = Vec::new();
    let mut read = 0usize;
    loop {
        let step = match upstream.next().await {
            Some(Ok(chunk)) => {
                read += chunk.len();
                if read > MAX_STREAM_BYTES {
                    Err(WebStreamError {
                        rate_limited: false,
                        message: format!("the ChatGPT web stream is larger than {MAX_STREAM_BYTES} bytes"),
                    })
                } else {
                    decoder.push(&chunk, &mut events)
                }
            }
            Some(Err(e)) => Err(WebStreamError { rate_limited: false, message: e.to_string() }),
            None => decoder.finish(),
        };
        if let Err(e) = step {
            return stream_failure(&e, cooldown);
        }
        for ev in events.drain(..) {
            acc.push(&ev);
        }
        if decoder.is_done() {
            break;
        }
    }
    let resp = acc.finish();
    let mut bytes = crate::translate::openai::encode_response(&resp);
    // The backend reports no usage: say that these counts are estimates (as count_tokens does).
    if let Ok(mut v) = serde_json::from_slice::<Value>(&bytes) {
        if let Some(u) = v.get_mut("usage").and_then(Value::as_object_mut) {
            u.insert("estimated".into(), Value::Bool(true));
            bytes = v.to_string().into_bytes();
        }
    }
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    UpstreamReply {
        status: StatusCode::OK,
        headers,
        body: Box::pin(futures_util::stream::iter([Ok(Bytes::from(bytes))])),
    }
}

/// Stream: read until the answer starts (so a failure before that is an error answer the relay can
/// fail over), then hand over an OpenAI SSE stream that decodes the rest as it arrives.
async fn open_stream(
    mut upstream: super::BodyStream,
    mut decoder: WebDecoder,
    req: &ir::Request,
    cooldown: Duration,
) -> UpstreamReply {
    let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let mut encoder: Box<dyn StreamEncoder> =
        Box::new(crate::translate::openai::StreamEncoderImpl::new(&req.model, req.stream_include_usage, created));
    let mut events = Vec::new();
    let mut first = Vec::new();
    let mut ended = false;
    while !decoder.has_output() && !decoder.is_done() {
        let step = match upstream.next().await {
            Some(Ok(chunk)) => decoder.push(&chunk, &mut events),
            Some(Err(e)) => Err(WebStreamError { rate_limited: false, message: e.to_string() }),
            None => {
                ended = true;
                decoder.finish()
            }
        };
        if let Err(e) = step {
            return stream_failure(&e, cooldown);
        }
    }
    for ev in events.drain(..) {
        encoder.push(&ev, &mut first);
    }
    let head = futures_util::stream::iter([Ok(Bytes::from(first))]);
    let state = (upstream, decoder, encoder, ended);
    let rest = futures_util::stream::unfold(state, |(mut upstream, mut decoder, mut encoder, ended)| async move {
        if ended || decoder.is_done() {
            return None;
        }
        let mut events = Vec::new();
        let mut out = Vec::new();
        let (step, stop) = match upstream.next().await {
            Some(Ok(chunk)) => (decoder.push(&chunk, &mut events), false),
            // The transport broke: the relay ends the client's stream with its error event.
            Some(Err(e)) => return Some((Err(e), (upstream, decoder, encoder, true))),
            None => (decoder.finish(), true),
        };
        for ev in &events {
            encoder.push(ev, &mut out);
        }
        let stop = stop || decoder.is_done();
        if let Err(e) = step {
            let ev = ir::StreamEvent::Error { error_type: "api_error".into(), message: e.message };
            encoder.push(&ev, &mut out);
            return Some((Ok(Bytes::from(out)), (upstream, decoder, encoder, true)));
        }
        Some((Ok(Bytes::from(out)), (upstream, decoder, encoder, stop)))
    });
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    UpstreamReply { status: StatusCode::OK, headers, body: Box::pin(head.chain(rest)) }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn home_page_build_id_and_scripts() {
        let html = r#"<html data-build="b-9"><script src="https://cdn/c/abc123/_next/x.js"></script><script>1</script><script src="/y.js"></script></html>"#;
        let (dpl, scripts) = parse_home(html);
        assert_eq!(dpl, "abc123");
        assert_eq!(scripts, vec!["https://cdn/c/abc123/_next/x.js", "/y.js"]);
        assert_eq!(parse_home(r#"<html data-build="b-9"></html>"#).0, "b-9");
        assert_eq!(parse_home("<script src=\"unterminated").0, "");
    }

    #[test]
    fn uuid_shape() {
        let u = uuid4();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
