//! The config file as written: dumb serde structs mirroring the original MonoRelay schema (every
//! key it documents) plus monorelay's own keys. Validation into `Config` happens in `validate.rs`.

use crate::secret::Secret;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value as Json;
use std::fmt;
use std::marker::PhantomData;

/// A mapping that keeps the file's order (for display only: routing never depends on it).
#[derive(Debug, Clone)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(V2(PhantomData))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawConfig {
    pub server: RawServer,
    pub providers: OrderedMap<RawProvider>,
    pub model_routing: RawModelRouting,
    pub key_selection: RawKeySelection,
    pub tool_calling: RawToolCalling,
    pub logging: RawLogging,
    pub translation: RawTranslation,
    pub sync: RawSync,
    pub sso: RawSso,
    /// monorelay: USD prices per 1M tokens by model glob (falls back to the provider's costs).
    pub pricing: RawPricing,
    /// monorelay: where the request log lives (`redb` or `postgres`).
    pub storage: super::cluster::RawStorage,
    /// monorelay: where key health, rate limits and live events are shared (`local` or `redis`).
    pub state: super::cluster::RawState,
    /// monorelay: where the config itself lives (`config.source: file | postgres`).
    pub config: super::cluster::RawConfigSection,
}

/// `pricing` as a mapping `glob: {input, output, cache_read, cache_write}` or as a list of
/// `{model: glob, input, …}` entries. Hand-written rather than `untagged`, which would buffer
/// the value and lose unknown-key reporting.
#[derive(Debug, Clone)]
pub enum RawPricing {
    Map(OrderedMap<RawPrice>),
    List(Vec<RawPriceEntry>),
}

impl<'de> Deserialize<'de> for RawPricing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPricing;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of model glob to prices, or a list of {model, input, output} entries")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(RawPricing::Map(OrderedMap::default()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, RawPrice>()? {
                    out.push((k, v));
                }
                Ok(RawPricing::Map(OrderedMap(out)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(e) = seq.next_element::<RawPriceEntry>()? {
                    out.push(e);
                }
                Ok(RawPricing::List(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Default for RawPricing {
    fn default() -> Self {
        RawPricing::Map(OrderedMap::default())
    }
}

/// USD per 1M tokens. Unset cache prices fall back to the input price.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawPrice {
    pub input: f64,
    pub output: f64,
    pub cache_read: Option<f64>,
    pub cache_write: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawPriceEntry {
    pub model: String,
    pub input: f64,
    pub output: f64,
    pub cache_read: Option<f64>,
    pub cache_write: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawServer {
    pub host: String,
    pub port: u16,
    pub access_key: Secret<String>,
    pub access_key_enabled: bool,
    pub log_level: String,
    pub cors_origins: Vec<String>,
    pub public_host: String,
    pub turnstile_enabled: bool,
    pub turnstile_site_key: String,
    pub jwt_secret: Secret<String>,
    pub turnstile_secret_key: Secret<String>,
    /// monorelay: where Turnstile tokens are checked (default Cloudflare's siteverify).
    pub turnstile_verify_url: String,
    /// monorelay: largest accepted request body.
    pub max_body_bytes: u64,
    /// monorelay: seconds in-flight requests get to finish on shutdown.
    pub shutdown_grace_secs: u64,
    /// monorelay: where the access key, database and control socket live (CLI `--data-dir` wins).
    pub data_dir: String,
    /// monorelay: serve `GET /metrics` without the access key.
    pub metrics_public: bool,
    /// monorelay: a client must send a request's whole header within this many seconds.
    pub header_read_timeout_secs: u64,
    /// monorelay: a request body must arrive at this many bytes per second at least (after the
    /// first `header_read_timeout_secs`).
    pub body_min_bytes_per_sec: u64,
    /// monorelay: a connection with no request in flight is closed after this many idle seconds.
    pub idle_timeout_secs: u64,
    /// monorelay: most client connections open at once (the oldest idle ones are shed first).
    pub max_connections: u64,
    /// monorelay: most request-body bytes held at once across all requests (503 past it).
    pub max_inflight_body_bytes: u64,
    /// monorelay: threads serving client connections, each a single-threaded runtime (0 = one per CPU).
    pub worker_threads: u64,
}

impl Default for RawServer {
    fn default() -> Self {
        RawServer {
            host: "127.0.0.1".into(),
            port: 8787,
            access_key: Secret::default(),
            access_key_enabled: true,
            log_level: "INFO".into(),
            cors_origins: vec![],
            public_host: String::new(),
            turnstile_enabled: false,
            turnstile_site_key: String::new(),
            jwt_secret: Secret::default(),
            turnstile_secret_key: Secret::default(),
            turnstile_verify_url: String::new(),
            max_body_bytes: 32 * 1024 * 1024,
            shutdown_grace_secs: 30,
            data_dir: String::new(),
            metrics_public: false,
            header_read_timeout_secs: 30,
            body_min_bytes_per_sec: 1024,
            idle_timeout_secs: 75,
            max_connections: 4096,
            max_inflight_body_bytes: 512 * 1024 * 1024,
            worker_threads: 0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawProvider {
    pub enabled: bool,
    pub provider_type: Option<String>,
    pub base_url: String,
    pub keys: Vec<RawKey>,
    pub rate_limit_cooldown: f64,
    /// Seconds to wait for the first byte and between stream events (the original's read timeout).
    pub timeout: f64,
    /// monorelay: seconds to establish the upstream connection.
    pub connect_timeout: f64,
    /// monorelay: overall cap in seconds for one upstream attempt (0 = none).
    pub total_timeout: f64,
    pub models: RawModels,
    pub remote_models_cache: Vec<String>,
    pub headers: OrderedMap<String>,
    pub cloaking: RawCloaking,
    /// `provider_type: web_reverse` only: the ChatGPT web backend's settings.
    pub web_reverse: Option<RawWebReverse>,
    pub test_model: String,
    pub console_url: String,
    pub cost_per_m_input: f64,
    pub cost_per_m_output: f64,
    pub retry: RawRetry,
    pub ignore: RawIgnore,
    pub params: serde_json::Map<String, Json>,
    pub system_prompt: String,
    pub model_params: Vec<Json>,
    /// monorelay: overrides `key_selection.strategy` for this provider.
    pub key_selection: Option<String>,
    /// monorelay: ask OpenAI-compatible upstreams for `stream_options.include_usage`.
    pub stream_usage: bool,
    /// monorelay: `anthropic-version` sent to `anthropic` providers when the client sent none.
    pub anthropic_version: String,
    /// monorelay: the upstream serves `/v1/responses` itself (Responses clients are passed
    /// through); unset = on for the `openai` preset only.
    pub responses: Option<bool>,
    /// monorelay: models this upstream serves only through `/v1/responses` (globs): chat and
    /// Messages clients asking for them are translated to it.
    pub responses_models: Vec<String>,
}

impl Default for RawProvider {
    fn default() -> Self {
        RawProvider {
            enabled: true,
            provider_type: None,
            base_url: String::new(),
            keys: vec![],
            rate_limit_cooldown: 60.0,
            timeout: 120.0,
            connect_timeout: 10.0,
            total_timeout: 0.0,
            models: RawModels::default(),
            remote_models_cache: vec![],
            headers: OrderedMap::default(),
            cloaking: RawCloaking::default(),
            web_reverse: None,
            test_model: String::new(),
            console_url: String::new(),
            cost_per_m_input: 0.0,
            cost_per_m_output: 0.0,
            retry: RawRetry::default(),
            ignore: RawIgnore::default(),
            params: serde_json::Map::new(),
            system_prompt: String::new(),
            model_params: vec![],
            key_selection: None,
            stream_usage: true,
            anthropic_version: "2023-06-01".into(),
            responses: None,
            responses_models: vec![],
        }
    }
}

/// `providers.<name>.web_reverse`: the original's keys, then monorelay's proof-of-work caps.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawWebReverse {
    /// The hardest proof-of-work difficulty (hex) the relay solves; harder challenges are refused.
    pub pow_difficulty: String,
    /// Skip sentinel and proof of work (a gateway in front does them).
    pub conversation_only: bool,
    pub history_disabled: bool,
    pub proxy_url: String,
    /// Used when the provider's `base_url` is empty.
    pub chatgpt_base_url: String,
    /// Client model name -> ChatGPT web model slug.
    pub model_mapping: OrderedMap<String>,
    /// monorelay: at most this many proof-of-work attempts per challenge.
    pub pow_max_attempts: u64,
    /// monorelay: at most this many seconds of proof of work per challenge.
    pub pow_max_secs: f64,
    /// monorelay: seconds a discovered build id is reused.
    pub build_id_ttl_secs: f64,
}

impl Default for RawWebReverse {
    fn default() -> Self {
        RawWebReverse {
            pow_difficulty: "00003a".into(),
            conversation_only: false,
            history_disabled: true,
            proxy_url: String::new(),
            chatgpt_base_url: "https://chatgpt.com".into(),
            model_mapping: OrderedMap::default(),
            pow_max_attempts: 500_000,
            pow_max_secs: 10.0,
            build_id_ttl_secs: 900.0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawKey {
    pub key: Option<Secret<String>>,
    pub label: String,
    pub weight: f64,
    pub enabled: bool,
    pub quota_limit: u64,
    pub quota_used: u64,
    pub rate_limit_rps: f64,
    pub expires_at: String,
    pub metadata: serde_json::Map<String, Json>,
    pub usage_window_limits: RawWindowLimits,
}

impl Default for RawKey {
    fn default() -> Self {
        RawKey {
            key: None,
            label: String::new(),
            weight: 1.0,
            enabled: true,
            quota_limit: 0,
            quota_used: 0,
            rate_limit_rps: 0.0,
            expires_at: String::new(),
            metadata: serde_json::Map::new(),
            usage_window_limits: RawWindowLimits::default(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawWindowLimits {
    pub window_5h: u64,
    pub window_1d: u64,
    pub window_7d: u64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawModels {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawCloaking {
    pub user_agent: String,
    pub referer: String,
    pub origin: String,
    pub accept: String,
    pub accept_language: String,
    pub tls_fingerprint_profile: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawRetry {
    pub enabled: bool,
    pub max_retries: u32,
    pub retry_on_status: Vec<u16>,
    pub retry_on_errors: Vec<String>,
    pub backoff_factor: f64,
    pub backoff_max: f64,
}

impl Default for RawRetry {
    fn default() -> Self {
        RawRetry {
            enabled: false,
            max_retries: 3,
            retry_on_status: vec![429, 500, 502, 503, 504],
            retry_on_errors: ["rate_limit_error", "timeout_error", "upstream_error", "service_unavailable"]
                .map(String::from)
                .to_vec(),
            backoff_factor: 1.5,
            backoff_max: 60.0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawIgnore {
    pub enabled: bool,
    pub ignore_errors: Vec<String>,
}

impl Default for RawIgnore {
    fn default() -> Self {
        RawIgnore {
            enabled: false,
            ignore_errors: ["content_filter", "content_moderation", "policy_violation"].map(String::from).to_vec(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawModelRouting {
    pub enabled: bool,
    pub mode: String,
    pub aliases: OrderedMap<AliasTarget>,
    pub provider_mapping: OrderedMap<String>,
    pub model_overrides: OrderedMap<String>,
    pub complexity: RawComplexity,
    pub cascade: RawCascade,
    pub payload_transformation: RawPayloadTransformation,
    pub global_params: RawGlobalParams,
    pub model_params: Vec<RawModelParams>,
    /// monorelay: where models that nothing else matched go (unset: 404 model_not_found).
    pub default_provider: String,
}

impl Default for RawModelRouting {
    fn default() -> Self {
        RawModelRouting {
            enabled: true,
            mode: "passthrough".into(),
            aliases: OrderedMap::default(),
            provider_mapping: OrderedMap::default(),
            model_overrides: OrderedMap::default(),
            complexity: RawComplexity::default(),
            cascade: RawCascade::default(),
            payload_transformation: RawPayloadTransformation::default(),
            global_params: RawGlobalParams::default(),
            model_params: vec![],
            default_provider: String::new(),
        }
    }
}

/// An alias points at one model, or (monorelay) at an ordered fallback list.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AliasTarget {
    One(String),
    Many(Vec<String>),
}

impl AliasTarget {
    pub fn targets(&self) -> Vec<&str> {
        match self {
            AliasTarget::One(s) => vec![s.as_str()],
            AliasTarget::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawComplexity {
    pub enabled: bool,
    /// monorelay: the requested model names that complexity routing answers (default `auto`).
    pub models: Vec<String>,
    pub simple: String,
    pub moderate: String,
    pub complex: String,
}

impl Default for RawComplexity {
    fn default() -> Self {
        RawComplexity {
            enabled: false,
            models: vec!["auto".into()],
            simple: "openai/gpt-4o-mini".into(),
            moderate: "openai/gpt-4o".into(),
            complex: "anthropic/claude-sonnet-4-20250514".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawCascade {
    pub enabled: bool,
    pub models: Vec<String>,
    pub max_retries: u32,
}

impl Default for RawCascade {
    fn default() -> Self {
        RawCascade { enabled: false, models: vec![], max_retries: 2 }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawPayloadTransformation {
    pub enabled: bool,
    pub rules: Vec<RawPayloadRule>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawPayloadRule {
    pub models: Vec<String>,
    pub inject_params: serde_json::Map<String, Json>,
    pub override_params: serde_json::Map<String, Json>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawGlobalParams {
    pub enabled: bool,
    pub mode: String,
    pub params: serde_json::Map<String, Json>,
    pub system_prompt: String,
}

impl Default for RawGlobalParams {
    fn default() -> Self {
        RawGlobalParams {
            enabled: false,
            mode: "default".into(),
            params: serde_json::Map::new(),
            system_prompt: String::new(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawModelParams {
    pub model_pattern: String,
    pub params: serde_json::Map<String, Json>,
    pub system_prompt: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawKeySelection {
    pub strategy: String,
}

impl Default for RawKeySelection {
    fn default() -> Self {
        RawKeySelection { strategy: "round-robin".into() }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawToolCalling {
    pub auto_downgrade: bool,
    pub unsupported_models: Vec<String>,
    /// monorelay: instead of only removing tools, describe them in the system prompt and turn a
    /// JSON tool call in the answer back into a real tool call.
    pub emulate: bool,
}

impl Default for RawToolCalling {
    fn default() -> Self {
        RawToolCalling { auto_downgrade: true, unsupported_models: vec![], emulate: false }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawLogging {
    pub enabled: bool,
    pub db_path: String,
    pub max_age_days: u32,
    pub content_preview_length: u32,
    /// monorelay: keep request and response bodies with each record.
    pub store_bodies: bool,
    /// monorelay: cap per stored body, in bytes (a longer body is kept truncated and marked so).
    pub max_body_bytes: u64,
    /// monorelay: total size cap of the request log in MB (0 = none).
    pub max_size_mb: u64,
    /// monorelay: records are committed in groups at most this many ms apart (0 = at once); a
    /// `kill -9` loses at most this window.
    pub commit_interval_ms: u64,
}

impl Default for RawLogging {
    fn default() -> Self {
        RawLogging {
            enabled: true,
            db_path: String::new(),
            max_age_days: 30,
            content_preview_length: 200,
            store_bodies: true,
            max_body_bytes: 1024 * 1024,
            max_size_mb: 1024,
            commit_interval_ms: 100,
        }
    }
}

/// monorelay: how requests are carried across dialects.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawTranslation {
    /// `max_tokens` sent to Anthropic upstreams when an OpenAI client sent none.
    pub default_max_tokens: u32,
    /// Drop request fields the target dialect cannot carry instead of answering 400.
    pub drop_unsupported: bool,
}

impl Default for RawTranslation {
    fn default() -> Self {
        RawTranslation { default_max_tokens: 4096, drop_unsupported: false }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawSync {
    pub enabled: bool,
    pub gist_id: String,
    /// The original wrote it; never used (kept so its configs load).
    pub gist_id_stats: String,
    /// monorelay: GitHub API base (GitHub Enterprise, or a test's loopback fake).
    pub api_base: String,
    /// monorelay: push (debounced) after every config change made through the API or CLI.
    pub auto_push: bool,
    /// monorelay: a WebDAV collection as a second target.
    pub webdav: RawWebdav,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawWebdav {
    /// The collection the files go in (`https://dav.example.com/monorelay/`).
    pub url: String,
    pub username: String,
    pub password: Secret<String>,
}

/// `sso`: the original's flat keys (one provider picked by `provider`, honoured when
/// `enabled: true`) and monorelay's per-provider blocks (`github`, `google`, `oidc.<name>`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawSso {
    /// The original's switch. `false` turns every provider off; absent or `true` enables the
    /// blocks below (the original's flat keys need an explicit `true`, as they did there).
    pub enabled: Option<bool>,
    pub provider: String,
    pub prismaauth_url: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub github_client_id: String,
    pub google_client_id: String,
    pub local_sso_enabled: bool,
    pub sso_only: bool,
    pub admin_usernames: Vec<String>,
    pub client_secret: Secret<String>,
    pub github_client_secret: Secret<String>,
    pub google_client_secret: Secret<String>,
    pub local_sso_secret: Secret<String>,
    /// monorelay: who SSO may create an account for: `closed` (nobody), `invite`, `open`.
    pub registration: String,
    /// monorelay: GitHub sign-in.
    pub github: Option<RawSsoProvider>,
    /// monorelay: Google sign-in (OIDC, issuer `https://accounts.google.com`).
    pub google: Option<RawSsoProvider>,
    /// monorelay: any number of named OIDC providers.
    pub oidc: OrderedMap<RawSsoProvider>,
}

impl Default for RawSso {
    fn default() -> Self {
        RawSso {
            enabled: None,
            provider: "github".into(),
            prismaauth_url: "http://localhost:8080".into(),
            client_id: String::new(),
            scopes: ["openid", "profile", "email"].map(String::from).to_vec(),
            github_client_id: String::new(),
            google_client_id: String::new(),
            local_sso_enabled: false,
            sso_only: false,
            admin_usernames: vec![],
            client_secret: Secret::default(),
            github_client_secret: Secret::default(),
            google_client_secret: Secret::default(),
            local_sso_secret: Secret::default(),
            registration: "closed".into(),
            github: None,
            google: None,
            oidc: OrderedMap::default(),
        }
    }
}

/// One SSO provider block. Every URL defaults to the real service (GitHub) or to OIDC discovery
/// from `issuer`; setting one overrides it (tests point them at a loopback IdP).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawSsoProvider {
    pub enabled: Option<bool>,
    /// The button's text (default: the provider's name).
    pub label: String,
    pub client_id: String,
    pub client_secret: Secret<String>,
    pub scopes: Option<Vec<String>>,
    /// OIDC: the issuer (discovery at `<issuer>/.well-known/openid-configuration`).
    pub issuer: String,
    pub auth_url: String,
    pub token_url: String,
    /// OIDC: the userinfo endpoint.
    pub userinfo_url: String,
    /// GitHub: the API base (`https://api.github.com`; GitHub Enterprise: `https://HOST/api/v3`).
    pub api_base: String,
}
