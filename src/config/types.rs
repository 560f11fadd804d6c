//! The validated configuration: the types the rest of the crate reads. Every value here has been
//! checked by `validate.rs` (ranges, references, header syntax), secrets are `Secret`s, and no
//! `raw::*` struct appears inside `Config`. Also where a config came from (`ConfigSource`), the
//! vendor presets (base URL and type by provider name) and the name rules shared by config and
//! routing (`normalize_name`, `normalize_model`, `same_model`).

use crate::glob::Glob;
use crate::secret::Secret;
use std::fmt;
use std::path::PathBuf;

/// Where a config came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    File(PathBuf),
    Embedded,
}

impl fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigSource::File(p) => write!(f, "{}", p.display()),
            ConfigSource::Embedded => f.write_str("(embedded default)"),
        }
    }
}

/// Base URL and type for providers named like a known vendor.
pub fn preset(name: &str) -> Option<(&'static str, ProviderKind)> {
    Some(match normalize_name(name).as_str() {
        "openrouter" => ("https://openrouter.ai/api/v1", ProviderKind::Api),
        "nvidia" | "nvidianim" | "nim" => ("https://integrate.api.nvidia.com/v1", ProviderKind::Api),
        "openai" => ("https://api.openai.com/v1", ProviderKind::Api),
        "anthropic" | "claude" => ("https://api.anthropic.com", ProviderKind::Anthropic),
        "deepseek" => ("https://api.deepseek.com/v1", ProviderKind::Api),
        "groq" => ("https://api.groq.com/openai/v1", ProviderKind::Api),
        "gemini" | "google" | "googleai" | "aistudio" => {
            ("https://generativelanguage.googleapis.com", ProviderKind::Gemini)
        }
        _ => return None,
    })
}
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderKind {
    /// OpenAI-compatible HTTP API.
    Api,
    /// Native Anthropic Messages API.
    Anthropic,
    /// Native Gemini API (`generateContent`, Google AI Studio).
    Gemini,
    /// ChatGPT web backend (not in this build yet).
    WebReverse,
    /// Local deterministic responder.
    Mock,
}

impl ProviderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Api => "api",
            ProviderKind::Anthropic => "anthropic",
            ProviderKind::Gemini => "gemini",
            ProviderKind::WebReverse => "web_reverse",
            ProviderKind::Mock => "mock",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    RoundRobin,
    Random,
    Weighted,
    /// Same conversation → same key while it is healthy, so upstream prompt caches keep hitting.
    Sticky,
}

impl Strategy {
    pub(super) fn parse(s: &str) -> Option<Strategy> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "round-robin" | "roundrobin" | "rr" => Some(Strategy::RoundRobin),
            "random" => Some(Strategy::Random),
            "weighted" => Some(Strategy::Weighted),
            "sticky" => Some(Strategy::Sticky),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::RoundRobin => "round-robin",
            Strategy::Random => "random",
            Strategy::Weighted => "weighted",
            Strategy::Sticky => "sticky",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub source: ConfigSource,
    pub server: ServerConfig,
    pub providers: Vec<ProviderConfig>,
    /// Routing, parameter layers and `tool_calling` (as `routing.tools`).
    pub routing: RoutingConfig,
    pub strategy: Strategy,
    pub logging: LoggingConfig,
    pub translation: TranslationConfig,
    /// Model price table, in file order (the pricing module decides which entry applies).
    pub pricing: Vec<Price>,
    /// Users' sign-in (`sso:`).
    pub auth: AuthConfig,
    /// `sync`: where `monorelay sync` pushes and pulls.
    pub sync: SyncConfig,
    /// `storage` and `state`: one machine, or several relays sharing PostgreSQL and Redis.
    pub cluster: super::cluster::ClusterConfig,
    /// Things worth saying at start or reload that do not stop the config from loading.
    pub warnings: Vec<String>,
}

impl Config {
    /// Every secret this config holds — each provider's keys and `proxy_url`, the access key,
    /// the WebDAV password, the SSO client secrets, the Turnstile secret, the PostgreSQL and
    /// Redis URLs — for redaction: none of them may reach a client, the log or a stored body,
    /// whichever key an error came from. A secret added to the config belongs here too.
    pub fn secrets(&self) -> Vec<Secret<String>> {
        let mut out: Vec<Secret<String>> = Vec::new();
        for p in &self.providers {
            out.extend(p.keys.iter().map(|k| k.secret.clone()));
            out.extend(p.web.as_ref().and_then(|w| w.proxy_url.clone()));
        }
        out.extend(self.server.access_key.clone());
        out.extend(self.sync.webdav.as_ref().map(|w| w.password.clone()));
        out.extend(self.auth.sso.iter().map(|p| p.client_secret.clone()));
        out.extend(self.auth.turnstile.as_ref().map(|t| t.secret_key.clone()));
        if let super::cluster::StorageBackend::Postgres { url, .. } = &self.cluster.storage {
            out.push(url.clone());
        }
        if let super::cluster::StateBackend::Redis { url } = &self.cluster.state {
            out.push(url.clone());
        }
        out.retain(|s| !s.expose().is_empty());
        out
    }
}

/// The public GitHub API, used when `sync.api_base` is empty.
pub const GITHUB_API: &str = "https://api.github.com";

/// `sync`: the Gist (and optional WebDAV) target of `monorelay sync`.
#[derive(Debug, Clone)]
pub struct SyncConfig {
    /// The original's flag; kept and shown, `monorelay sync` does not need it.
    pub enabled: bool,
    /// The Gist, once `sync setup` found or created it.
    pub gist_id: Option<String>,
    /// GitHub API base URL without a trailing slash (default [`GITHUB_API`]).
    pub api_base: String,
    pub auto_push: bool,
    pub webdav: Option<WebdavConfig>,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig { enabled: false, gist_id: None, api_base: GITHUB_API.into(), auto_push: false, webdav: None }
    }
}

/// `sync.webdav`: a collection URL (ending in `/`) and Basic credentials.
#[derive(Debug, Clone)]
pub struct WebdavConfig {
    pub url: String,
    pub username: String,
    pub password: Secret<String>,
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    /// `None`: generate one on first start and keep it in the data dir.
    pub access_key: Option<Secret<String>>,
    pub access_key_enabled: bool,
    /// At least 1 byte, at most `MAX_BODY_BYTES` (1 GiB).
    pub max_body_bytes: usize,
    pub shutdown_grace: Duration,
    pub data_dir: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    pub metrics_public: bool,
    /// `server.public_host`: the URL the relay is reached at (an `https://` one makes session
    /// cookies `Secure`; SSO callbacks are built on it).
    pub public_host: Option<String>,
    /// 1 s to 1 h: the whole request header must arrive within it.
    pub header_read_timeout: Duration,
    /// Slowest accepted request body (0: no minimum), after `header_read_timeout` of grace.
    pub body_min_bytes_per_sec: u64,
    /// A connection with no request in flight is closed after this long.
    pub idle_timeout: Duration,
    /// Most client connections open at once.
    pub max_connections: usize,
    /// Most request-body bytes held at once across requests.
    pub max_inflight_body_bytes: usize,
    /// Threads that serve client connections under `serve`, each a single-threaded runtime that
    /// keeps the connections it is handed (`None`: one per CPU). Read at start only.
    pub worker_threads: Option<usize>,
}

/// Sign-in settings: the `sso:` section and `server.turnstile_*`.
#[derive(Debug, Clone, Default)]
pub struct AuthConfig {
    /// Password login is refused server-side.
    pub sso_only: bool,
    /// Given the admin role at sign-in: IdP usernames (GitHub login, OIDC `preferred_username`,
    /// exact) or `provider:subject` (stable: a username can be renamed or chosen by its holder).
    pub admin_usernames: Vec<String>,
    /// Who SSO may create an account for.
    pub registration: Registration,
    /// The SSO providers, in the order their buttons are shown (names unique).
    pub sso: Vec<SsoProvider>,
    /// Cloudflare Turnstile on password login and first-run setup.
    pub turnstile: Option<TurnstileConfig>,
}

impl AuthConfig {
    pub fn sso_provider(&self, name: &str) -> Option<&SsoProvider> {
        self.sso.iter().find(|p| p.name == name)
    }
}

/// `sso.registration`: whether an SSO sign-in with no matching account creates one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Registration {
    /// Never: only identities already linked, or matching a user by verified email, sign in.
    #[default]
    Closed,
    /// Only with an admin-created invite code (`monorelay users invite`), used once.
    Invite,
    /// Anyone the IdP vouches for gets a `user` account.
    Open,
}

impl Registration {
    pub fn as_str(self) -> &'static str {
        match self {
            Registration::Closed => "closed",
            Registration::Invite => "invite",
            Registration::Open => "open",
        }
    }
}

/// The real GitHub endpoints, used unless `sso.github.*` overrides them.
pub const GITHUB_AUTH_URL: &str = "https://github.com/login/oauth/authorize";
pub const GITHUB_TOKEN_URL: &str = "https://github.com/login/oauth/access_token";
/// Google's OIDC issuer (discovery finds its endpoints).
pub const GOOGLE_ISSUER: &str = "https://accounts.google.com";
/// Cloudflare's Turnstile check.
pub const TURNSTILE_VERIFY_URL: &str = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/// One SSO provider: its name is the `{provider}` of `/api/auth/sso/{provider}/…`.
#[derive(Debug, Clone)]
pub struct SsoProvider {
    pub name: String,
    pub label: String,
    pub client_id: String,
    pub client_secret: Secret<String>,
    pub scopes: Vec<String>,
    pub kind: SsoKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SsoKind {
    /// GitHub's OAuth app flow; identity from `<api_base>/user` and `/user/emails`.
    GitHub { auth_url: String, token_url: String, api_base: String },
    /// OpenID Connect: endpoints from discovery at `issuer` unless given; identity from the
    /// id_token (required when `issuer` is set) and the userinfo endpoint.
    Oidc { issuer: Option<String>, auth_url: Option<String>, token_url: Option<String>, userinfo_url: Option<String> },
}

/// `server.turnstile_*`.
#[derive(Debug, Clone)]
pub struct TurnstileConfig {
    pub site_key: String,
    pub secret_key: Secret<String>,
    pub verify_url: String,
}

/// `logging`: the request log (redb) and what it keeps.
#[derive(Debug, Clone)]
pub struct LoggingConfig {
    pub enabled: bool,
    /// `logging.db_path` when it names a `.redb` file; otherwise the database lives in the data
    /// dir (the original's `db_path` named an SQLite file, which this is not).
    pub db_file: Option<PathBuf>,
    /// Records older than this are deleted in the background (`None`: kept).
    pub max_age: Option<Duration>,
    /// Accepted for compatibility with the original.
    pub content_preview_length: usize,
    pub store_bodies: bool,
    /// Cap per stored body; a longer one is kept cut and marked truncated.
    pub max_body_bytes: u64,
    /// Total size cap of the request log (`None`: no cap).
    pub max_size_bytes: Option<u64>,
    /// Longest a finished record waits before its group is committed (what `kill -9` can lose).
    pub commit_interval: Duration,
}

/// `translation`: how requests are carried across dialects.
#[derive(Debug, Clone)]
pub struct TranslationConfig {
    /// `max_tokens` sent to Anthropic upstreams when an OpenAI client sent none (at least 1).
    pub default_max_tokens: u32,
    /// Drop request fields the target dialect cannot carry instead of answering 400.
    pub drop_unsupported: bool,
}

/// One `pricing` entry: USD per 1M tokens for the models its glob matches.
#[derive(Debug, Clone)]
pub struct Price {
    pub model: Glob,
    pub input: f64,
    pub output: f64,
    pub cache_read: f64,
    pub cache_write: f64,
}

#[derive(Debug, Clone)]
pub struct ProviderConfig {
    pub name: String,
    pub enabled: bool,
    pub kind: ProviderKind,
    /// Without a trailing slash. For `api`: includes `/v1`; for `anthropic`: excludes it.
    pub base_url: String,
    pub keys: Vec<KeyConfig>,
    pub cooldown: Duration,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub total_timeout: Option<Duration>,
    pub include: Vec<String>,
    pub exclude: Vec<Glob>,
    /// Extra upstream headers. Their values are marked sensitive, so `Debug` never prints them
    /// (a header may carry a credential).
    pub headers: Vec<(http::HeaderName, http::HeaderValue)>,
    pub retry: Option<RetryConfig>,
    pub ignore_errors: Vec<String>,
    pub cost_per_m_input: f64,
    pub cost_per_m_output: f64,
    pub params: serde_json::Map<String, serde_json::Value>,
    pub system_prompt: String,
    pub strategy: Option<Strategy>,
    pub stream_usage: bool,
    pub anthropic_version: String,
    pub test_model: String,
    /// `provider_type: web_reverse` only (always `Some` for that kind).
    pub web: Option<WebReverseConfig>,
    /// The upstream serves the OpenAI Responses API (`/responses`) itself.
    pub responses: bool,
    /// Models served only through `/responses`: every client's requests for them go there.
    pub responses_models: Vec<Glob>,
}

/// The ChatGPT web backend's settings (`providers.<name>.web_reverse`), validated.
#[derive(Debug, Clone, PartialEq)]
pub struct WebReverseConfig {
    /// The hardest proof-of-work difficulty solved, as bytes (hex-decoded): a challenge whose
    /// difficulty is below it (harder) is refused.
    pub pow_difficulty: Vec<u8>,
    pub conversation_only: bool,
    pub history_disabled: bool,
    /// An http(s) or socks5 proxy every call goes through (it may carry a password).
    pub proxy_url: Option<Secret<String>>,
    /// Client model name -> web model slug, in config order.
    pub model_mapping: Vec<(String, String)>,
    pub pow_max_attempts: u64,
    pub pow_max_time: Duration,
    pub build_id_ttl: Duration,
}

#[derive(Debug, Clone)]
pub struct RetryConfig {
    pub max_retries: u32,
    pub on_status: Vec<u16>,
    pub on_errors: Vec<String>,
    pub backoff_factor: f64,
    pub backoff_max: Duration,
}

impl RetryConfig {
    /// The wait before retry round `round` (1-based): `backoff_factor ^ round` seconds, at most
    /// `backoff_max`. Never panics, whatever the values.
    pub fn backoff(&self, round: u32) -> Duration {
        let secs = self.backoff_factor.powi(i32::try_from(round).unwrap_or(i32::MAX));
        Duration::try_from_secs_f64(secs).map_or(self.backoff_max, |d| d.min(self.backoff_max))
    }
}

/// One upstream key. `Debug` shows the secret as `*****`.
#[derive(Debug, Clone)]
pub struct KeyConfig {
    pub label: String,
    pub secret: Secret<String>,
    pub weight: f64,
    pub enabled: bool,
    pub quota_limit: u64,
    pub quota_used: u64,
    pub rate_limit_rps: f64,
    /// Unix seconds after which the key is not used.
    pub expires_at: Option<i64>,
    /// Request limits over rolling 5 h, 1 d and 7 d windows (0 = unlimited).
    pub window_limits: [u64; 3],
}

impl KeyConfig {
    /// An enabled key of weight 1 with no quota, window, rate limit or expiry.
    pub fn unlimited(label: impl Into<String>, secret: Secret<String>) -> KeyConfig {
        KeyConfig {
            label: label.into(),
            secret,
            weight: 1.0,
            enabled: true,
            quota_limit: 0,
            quota_used: 0,
            rate_limit_rps: 0.0,
            expires_at: None,
            window_limits: [0; 3],
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RoutingConfig {
    /// Alias (as written) → ordered targets.
    pub aliases: Vec<(String, Vec<String>)>,
    pub provider_mapping: Vec<(Glob, String)>,
    pub model_overrides: Vec<(Glob, String)>,
    pub default_provider: Option<String>,
    pub complexity: Option<ComplexityConfig>,
    /// Models tried in turn after the requested model's own candidates failed.
    pub cascade: Vec<String>,
    pub layers: ParamLayers,
    pub tools: ToolCallingConfig,
}

#[derive(Debug, Clone)]
pub struct ComplexityConfig {
    /// Requested model names answered by complexity routing.
    pub triggers: Vec<String>,
    pub simple: String,
    pub moderate: String,
    pub complex: String,
}

/// Request-body parameter layers, applied in this order (as the original did).
#[derive(Debug, Clone, Default)]
pub struct ParamLayers {
    /// `model_routing.model_params`: the first entry whose pattern matches applies.
    pub model_params: Vec<(Glob, serde_json::Map<String, serde_json::Value>, String)>,
    /// `payload_transformation.rules` (when enabled): every matching rule applies.
    pub payload_rules: Vec<PayloadRule>,
    pub global: Option<GlobalParams>,
}

impl ParamLayers {
    pub fn is_empty(&self) -> bool {
        self.model_params.is_empty() && self.payload_rules.is_empty() && self.global.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct PayloadRule {
    pub models: Vec<Glob>,
    pub inject: serde_json::Map<String, serde_json::Value>,
    pub overrides: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone)]
pub struct GlobalParams {
    /// `override`: always set, and the system prompt replaces every system message.
    /// `default`: set only when absent, and the system prompt is prepended to the first one.
    pub override_mode: bool,
    pub params: serde_json::Map<String, serde_json::Value>,
    pub system_prompt: String,
}

/// `tool_calling`.
#[derive(Debug, Clone, Default)]
pub struct ToolCallingConfig {
    pub auto_downgrade: bool,
    pub unsupported_models: Vec<Glob>,
    pub emulate: bool,
}

/// Provider names compare case-insensitively, ignoring `-` and `_` (`@Open_Router` = `openrouter`).
pub fn normalize_name(name: &str) -> String {
    name.chars().filter(|c| *c != '-' && *c != '_').flat_map(char::to_lowercase).collect()
}

/// Model names compare case-insensitively (aliases, `model@provider`).
pub fn normalize_model(name: &str) -> String {
    name.trim().to_lowercase()
}

/// `normalize_model(a) == normalize_model(b)`, without allocating for ASCII names.
pub fn same_model(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { a.to_lowercase() == b.to_lowercase() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_never_panics_and_is_capped() {
        let r = |factor: f64| RetryConfig {
            max_retries: 3,
            on_status: vec![],
            on_errors: vec![],
            backoff_factor: factor,
            backoff_max: Duration::from_secs(60),
        };
        assert_eq!(r(2.0).backoff(3), Duration::from_secs(8));
        assert_eq!(r(10.0).backoff(u32::MAX), Duration::from_secs(60));
        for hostile in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -3.0, f64::MAX] {
            assert!(r(hostile).backoff(7) <= Duration::from_secs(60), "{hostile}");
        }
    }
}
