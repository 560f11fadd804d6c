//! Configuration: YAML text → raw serde structs (`raw.rs`) → a validated `Config` with secrets
//! resolved, presets applied and references checked. Every problem is reported at once, each
//! naming its key path (`providers.openai.keys[2]: unknown field 'kye'`).

pub mod edit;
mod env;
pub mod raw;
pub mod yaml;

use crate::glob::Glob;
use crate::secret::Secret;
use raw::*;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The configuration used when no config file exists: one local `mock` provider.
pub const EMBEDDED_DEFAULT: &str = include_str!("default.yml");
/// The fully commented example, printed by `monorelay config example`.
pub const EXAMPLE: &str = include_str!("../../config.yml.example");

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

/// Every problem found while loading a config, each naming its key path.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub source: ConfigSource,
    pub problems: Vec<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "{}: {} problem{}", self.source, n, if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderKind {
    /// OpenAI-compatible HTTP API.
    Api,
    /// Native Anthropic Messages API.
    Anthropic,
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
    fn parse(s: &str) -> Option<Strategy> {
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
    pub routing: RoutingConfig,
    pub strategy: Strategy,
    pub tool_calling: RawToolCalling,
    pub logging: RawLogging,
    pub translation: RawTranslation,
    /// Model price table, in file order (see `crate::pricing` for how an entry is chosen).
    pub pricing: Vec<Price>,
    /// Things worth saying at start or reload that do not stop the config from loading.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub host: String,
    pub port: u16,
    /// `None`: generate one on first start and keep it in the data dir.
    pub access_key: Option<Secret<String>>,
    pub access_key_enabled: bool,
    pub max_body_bytes: usize,
    pub shutdown_grace: Duration,
    pub data_dir: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    pub metrics_public: bool,
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
}

#[derive(Debug, Clone)]
pub struct RetryConfig {
    pub max_retries: u32,
    pub on_status: Vec<u16>,
    pub on_errors: Vec<String>,
    pub backoff_factor: f64,
    pub backoff_max: Duration,
}

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

/// Base URL and type for providers named like a known vendor.
pub fn preset(name: &str) -> Option<(&'static str, ProviderKind)> {
    Some(match normalize_name(name).as_str() {
        "openrouter" => ("https://openrouter.ai/api/v1", ProviderKind::Api),
        "nvidia" | "nvidianim" | "nim" => ("https://integrate.api.nvidia.com/v1", ProviderKind::Api),
        "openai" => ("https://api.openai.com/v1", ProviderKind::Api),
        "anthropic" | "claude" => ("https://api.anthropic.com", ProviderKind::Anthropic),
        "deepseek" => ("https://api.deepseek.com/v1", ProviderKind::Api),
        "groq" => ("https://api.groq.com/openai/v1", ProviderKind::Api),
        _ => return None,
    })
}

/// Where the config comes from when `--config` / `MONORELAY_CONFIG` are not given.
pub fn default_path() -> PathBuf {
    PathBuf::from("config.yml")
}

/// Load a config file. A missing file is an error here; `serve` decides about the embedded default.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let source = ConfigSource::File(path.to_path_buf());
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError { source: source.clone(), problems: vec![format!("cannot read the file: {e}")] })?;
    load_str(&text, source, &|name| std::env::var(name).ok())
}

/// Parse and validate config text. `lookup` resolves `${ENV}` references.
pub fn load_str(
    text: &str,
    source: ConfigSource,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Config, ConfigError> {
    let fail = |problems: Vec<String>| ConfigError { source: source.clone(), problems };
    let mut value = yaml::parse(text).map_err(|e| fail(vec![e]))?;
    if !matches!(value, yaml::Value::Mapping(_)) {
        return Err(fail(vec![format!("the top level must be a mapping, found {}", yaml::describe(&value))]));
    }
    let mut problems = Vec::new();
    env::expand(&mut value, &mut Vec::new(), lookup, &mut problems);
    let raw = deserialize(value, &mut problems);
    let Some(raw) = raw else {
        return Err(fail(problems));
    };
    let config = validate(raw, source.clone(), &mut problems);
    if problems.is_empty() { Ok(config) } else { Err(fail(problems)) }
}

/// Deserialize, collecting every unknown key and (by removing the offending key and trying
/// again) every type error, each with its path.
fn deserialize(mut value: yaml::Value, problems: &mut Vec<String>) -> Option<RawConfig> {
    for _ in 0..64 {
        let mut unknown = Vec::new();
        let result = {
            let mut on_unknown = |path: serde_ignored::Path| unknown.push(render_ignored(&path));
            let de = serde_ignored::Deserializer::new(value.clone(), &mut on_unknown);
            serde_path_to_error::deserialize::<_, RawConfig>(de)
        };
        match result {
            Ok(raw) => {
                problems.extend(unknown.into_iter().map(|p| {
                    let (parent, key) = match p.rsplit_once('.') {
                        Some((a, b)) => (a.to_string(), b.to_string()),
                        None => (String::new(), p.clone()),
                    };
                    if parent.is_empty() {
                        format!("unknown key '{key}'")
                    } else {
                        format!("{parent}: unknown key '{key}'")
                    }
                }));
                return Some(raw);
            }
            Err(e) => {
                let path = e.path().to_string();
                let msg = e.inner().to_string().replace('`', "'");
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                problems.push(if path == "." { msg } else { format!("{path}: {msg}") });
                if !remove_path(&mut value, e.path()) {
                    return None;
                }
            }
        }
    }
    None
}

fn remove_path(value: &mut yaml::Value, path: &serde_path_to_error::Path) -> bool {
    use serde_path_to_error::Segment;
    let segs: Vec<&Segment> = path.iter().collect();
    let Some((last, parents)) = segs.split_last() else {
        return false;
    };
    let mut cur = value;
    for seg in parents {
        cur = match (seg, cur) {
            (Segment::Map { key }, yaml::Value::Mapping(m)) => match m.get_mut(key.as_str()) {
                Some(v) => v,
                None => return false,
            },
            (Segment::Seq { index }, yaml::Value::Sequence(s)) => match s.get_mut(*index) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, cur) {
        (Segment::Map { key }, yaml::Value::Mapping(m)) => m.remove(key.as_str()).is_some(),
        _ => false,
    }
}

fn render_ignored(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path as P;
    match path {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", render_ignored(parent)),
        P::Map { parent, key } => {
            let p = render_ignored(parent);
            if p.is_empty() { key.clone() } else { format!("{p}.{key}") }
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => render_ignored(parent),
    }
}

fn secs(v: f64) -> Duration {
    Duration::from_secs_f64(v.max(0.0))
}

fn validate(raw: RawConfig, source: ConfigSource, problems: &mut Vec<String>) -> Config {
    let mut warnings = Vec::new();
    let s = &raw.server;
    if s.host.trim().is_empty() {
        problems.push("server.host: must not be empty".into());
    }
    if s.max_body_bytes == 0 {
        problems.push("server.max_body_bytes: must be greater than 0".into());
    }
    let access_key = Some(s.access_key.clone()).filter(|k| !k.expose().trim().is_empty());
    let server = ServerConfig {
        host: s.host.clone(),
        port: s.port,
        access_key,
        access_key_enabled: s.access_key_enabled,
        max_body_bytes: usize::try_from(s.max_body_bytes).unwrap_or(usize::MAX),
        shutdown_grace: Duration::from_secs(s.shutdown_grace_secs),
        data_dir: Some(PathBuf::from(&s.data_dir)).filter(|p| !p.as_os_str().is_empty()),
        cors_origins: s.cors_origins.clone(),
        metrics_public: s.metrics_public,
    };
    if !server.access_key_enabled {
        warnings.push("server.access_key_enabled is false: no credential can call the relay yet".into());
    }

    let strategy = Strategy::parse(&raw.key_selection.strategy).unwrap_or_else(|| {
        problems.push(format!(
            "key_selection.strategy: unknown strategy '{}' (expected round-robin, random, weighted or sticky)",
            raw.key_selection.strategy
        ));
        Strategy::RoundRobin
    });

    let mut providers = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for (name, p) in raw.providers.iter() {
        let path = format!("providers.{name}");
        let norm = normalize_name(name);
        if name.is_empty() || name.contains('@') || name.contains(char::is_whitespace) {
            problems.push(format!("{path}: a provider name must be non-empty, without '@' or spaces"));
        }
        if let Some((other, _)) = seen.iter().find(|(_, n)| *n == norm) {
            problems.push(format!(
                "{path}: the name collides with provider '{other}' (names compare ignoring case, '-' and '_')"
            ));
        }
        seen.push((name.clone(), norm));
        if let Some(provider) = validate_provider(name, p, &path, problems, &mut warnings) {
            providers.push(provider);
        }
    }
    if providers.is_empty() {
        warnings.push("no providers are configured: every request will be answered 404".into());
    }

    let mut routing = validate_routing(&raw.model_routing, &providers, problems);
    routing.tools = ToolCallingConfig {
        auto_downgrade: raw.tool_calling.auto_downgrade,
        unsupported_models: raw.tool_calling.unsupported_models.iter().map(|g| Glob::new(g)).collect(),
        emulate: raw.tool_calling.emulate,
    };
    let pricing = validate_pricing(&raw.pricing, problems);
    if raw.translation.default_max_tokens == 0 {
        problems.push("translation.default_max_tokens: must be greater than 0".into());
    }

    Config {
        source,
        server,
        providers,
        routing,
        strategy,
        tool_calling: raw.tool_calling,
        logging: raw.logging,
        translation: raw.translation,
        pricing,
        warnings,
    }
}

fn validate_pricing(raw: &RawPricing, problems: &mut Vec<String>) -> Vec<Price> {
    let all: Vec<(String, String, RawPrice)> = match raw {
        RawPricing::Map(m) => m.iter().map(|(k, v)| (format!("pricing.{k}"), k.clone(), v.clone())).collect(),
        RawPricing::List(l) => l
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let price =
                    RawPrice { input: e.input, output: e.output, cache_read: e.cache_read, cache_write: e.cache_write };
                (format!("pricing[{i}]"), e.model.clone(), price)
            })
            .collect(),
    };
    let mut out = Vec::new();
    for (path, model, p) in all {
        if model.trim().is_empty() {
            problems.push(format!("{path}.model: required (a model name or glob)"));
            continue;
        }
        let prices = [Some(p.input), Some(p.output), p.cache_read, p.cache_write];
        if prices.iter().flatten().any(|v| !(v.is_finite() && *v >= 0.0)) {
            problems.push(format!("{path}: prices must be numbers >= 0 (USD per 1M tokens)"));
            continue;
        }
        out.push(Price {
            model: Glob::new(model.trim()),
            input: p.input,
            output: p.output,
            cache_read: p.cache_read.unwrap_or(p.input),
            cache_write: p.cache_write.unwrap_or(p.input),
        });
    }
    out
}

fn validate_provider(
    name: &str,
    p: &RawProvider,
    path: &str,
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<ProviderConfig> {
    let preset = preset(name);
    let kind = match p.provider_type.as_deref() {
        None | Some("") => preset.map(|(_, k)| k).unwrap_or(ProviderKind::Api),
        Some("api" | "openai") => ProviderKind::Api,
        Some("anthropic") => ProviderKind::Anthropic,
        Some("web_reverse") => ProviderKind::WebReverse,
        Some("mock") => ProviderKind::Mock,
        Some(other) => {
            problems.push(format!(
                "{path}.provider_type: unknown type '{other}' (expected api, anthropic, web_reverse or mock)"
            ));
            return None;
        }
    };
    let mut base_url = p.base_url.trim().trim_end_matches('/').to_string();
    if base_url.is_empty() {
        match (kind, preset) {
            (ProviderKind::Mock | ProviderKind::WebReverse, _) => {}
            (_, Some((url, _))) => base_url = url.to_string(),
            (_, None) => problems.push(format!("{path}.base_url: required (no preset is known for '{name}')")),
        }
    } else if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        problems.push(format!("{path}.base_url: '{}' is not an http(s) URL", p.base_url));
    }
    if kind == ProviderKind::WebReverse && p.enabled {
        warnings.push(format!(
            "{path}: provider_type 'web_reverse' is not available in this build yet; the provider is skipped"
        ));
    }

    let mut keys = Vec::new();
    for (i, k) in p.keys.iter().enumerate() {
        let kpath = format!("{path}.keys[{i}]");
        let secret = match &k.key {
            Some(s) if !s.expose().trim().is_empty() => Secret::new(s.expose().trim().to_string()),
            _ if kind == ProviderKind::Mock => Secret::new(format!("mock-key-{i}")),
            _ => {
                problems.push(format!("{kpath}.key: required"));
                continue;
            }
        };
        if !(k.weight.is_finite() && k.weight >= 0.0) {
            problems.push(format!("{kpath}.weight: must be a number >= 0, found {}", k.weight));
        }
        if !(k.rate_limit_rps.is_finite() && k.rate_limit_rps >= 0.0) {
            problems.push(format!("{kpath}.rate_limit_rps: must be a number >= 0"));
        }
        let expires_at = if k.expires_at.trim().is_empty() {
            None
        } else {
            match parse_time(k.expires_at.trim()) {
                Some(t) => Some(t),
                None => {
                    problems.push(format!(
                        "{kpath}.expires_at: '{}' is not a date (use RFC 3339 like 2026-12-31T23:59:59Z, or 2026-12-31)",
                        k.expires_at
                    ));
                    None
                }
            }
        };
        let label = if k.label.trim().is_empty() || k.label == "default" && p.keys.len() > 1 {
            format!("key-{}", i + 1)
        } else {
            k.label.trim().to_string()
        };
        let w = &k.usage_window_limits;
        keys.push(KeyConfig {
            label,
            secret,
            weight: k.weight,
            enabled: k.enabled,
            quota_limit: k.quota_limit,
            quota_used: k.quota_used,
            rate_limit_rps: k.rate_limit_rps,
            expires_at,
            window_limits: [w.window_5h, w.window_1d, w.window_7d],
        });
    }
    if kind == ProviderKind::Mock && keys.is_empty() {
        keys.push(KeyConfig {
            label: "builtin".into(),
            secret: Secret::new("mock-key".into()),
            weight: 1.0,
            enabled: true,
            quota_limit: 0,
            quota_used: 0,
            rate_limit_rps: 0.0,
            expires_at: None,
            window_limits: [0; 3],
        });
    }
    let mut labels: Vec<&str> = keys.iter().map(|k| k.label.as_str()).collect();
    labels.sort_unstable();
    if let Some(w) = labels.windows(2).find(|w| w[0] == w[1]) {
        problems.push(format!("{path}.keys: label '{}' is used twice; labels name keys in logs and commands", w[0]));
    }
    if p.enabled && keys.is_empty() && kind != ProviderKind::WebReverse {
        warnings.push(format!("{path}: no keys; requests routed here will be answered 503"));
    }

    let mut headers = Vec::new();
    for (hname, hvalue) in p.headers.iter() {
        match (http::HeaderName::from_bytes(hname.as_bytes()), http::HeaderValue::from_str(hvalue)) {
            (Ok(n), Ok(v)) => headers.push((n, v)),
            _ => problems.push(format!("{path}.headers.{hname}: not a valid HTTP header")),
        }
    }
    let c = &p.cloaking;
    for (hname, v) in [
        ("user-agent", &c.user_agent),
        ("referer", &c.referer),
        ("origin", &c.origin),
        ("accept", &c.accept),
        ("accept-language", &c.accept_language),
    ] {
        if v.is_empty() {
            continue;
        }
        match http::HeaderValue::from_str(v) {
            Ok(v) => headers.push((http::HeaderName::from_static(hname), v)),
            Err(_) => problems.push(format!("{path}.cloaking: '{hname}' is not a valid header value")),
        }
    }

    for (field, v) in [
        ("rate_limit_cooldown", p.rate_limit_cooldown),
        ("connect_timeout", p.connect_timeout),
        ("total_timeout", p.total_timeout),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            problems.push(format!("{path}.{field}: must be a number of seconds >= 0"));
        }
    }
    if !(p.timeout.is_finite() && p.timeout > 0.0) {
        problems.push(format!("{path}.timeout: must be a number of seconds > 0"));
    }
    let strategy = match &p.key_selection {
        None => None,
        Some(s) => match Strategy::parse(s) {
            Some(st) => Some(st),
            None => {
                problems.push(format!("{path}.key_selection: unknown strategy '{s}'"));
                None
            }
        },
    };
    let retry = p.retry.enabled.then(|| RetryConfig {
        max_retries: p.retry.max_retries,
        on_status: p.retry.retry_on_status.clone(),
        on_errors: p.retry.retry_on_errors.clone(),
        backoff_factor: p.retry.backoff_factor.max(1.0),
        backoff_max: secs(p.retry.backoff_max),
    });
    Some(ProviderConfig {
        name: name.to_string(),
        enabled: p.enabled,
        kind,
        base_url,
        keys,
        cooldown: secs(p.rate_limit_cooldown),
        timeout: secs(p.timeout),
        connect_timeout: secs(if p.connect_timeout > 0.0 { p.connect_timeout } else { 10.0 }),
        total_timeout: (p.total_timeout > 0.0).then(|| secs(p.total_timeout)),
        include: p.models.include.clone(),
        exclude: p.models.exclude.iter().map(|g| Glob::new(g)).collect(),
        headers,
        retry,
        ignore_errors: if p.ignore.enabled { p.ignore.ignore_errors.clone() } else { vec![] },
        cost_per_m_input: p.cost_per_m_input,
        cost_per_m_output: p.cost_per_m_output,
        params: p.params.clone(),
        system_prompt: p.system_prompt.clone(),
        strategy,
        stream_usage: p.stream_usage,
        anthropic_version: p.anthropic_version.clone(),
        test_model: p.test_model.clone(),
    })
}

fn validate_routing(r: &RawModelRouting, providers: &[ProviderConfig], problems: &mut Vec<String>) -> RoutingConfig {
    let find = |name: &str| providers.iter().find(|p| normalize_name(&p.name) == normalize_name(name));
    let mut aliases = Vec::new();
    for (alias, target) in r.aliases.iter() {
        let targets: Vec<String> = target.targets().into_iter().map(String::from).collect();
        if targets.is_empty() || targets.iter().any(|t| t.trim().is_empty()) {
            problems.push(format!("model_routing.aliases.{alias}: targets must be non-empty model names"));
        }
        for t in &targets {
            if let Some((_, prov)) = t.rsplit_once('@') {
                if find(prov).is_none() {
                    problems.push(format!("model_routing.aliases.{alias}: '{t}' names unknown provider '{prov}'"));
                }
            }
        }
        aliases.push((alias.clone(), targets));
    }
    // Cycle check: follow every chain; an alias reachable from itself is a cycle. Each cycle is
    // reported once, under the first of its aliases in file order.
    let mut in_cycle: Vec<String> = Vec::new();
    for (start, _) in &aliases {
        if in_cycle.contains(&normalize_model(start)) {
            continue;
        }
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut reported = false;
        while let Some((cur, trail)) = stack.pop() {
            if reported {
                break;
            }
            let Some((_, targets)) = aliases.iter().find(|(a, _)| normalize_model(a) == normalize_model(&cur)) else {
                continue;
            };
            for t in targets {
                // `model@provider` ends a chain: the router sends it to that provider and never
                // expands it further (`gpt-4o: [gpt-4o@openai, gpt-4o@openrouter]` is no cycle).
                if t.contains('@') {
                    continue;
                }
                let t_model = t.as_str();
                if normalize_model(t_model) == normalize_model(start) {
                    problems.push(format!(
                        "model_routing.aliases.{start}: alias cycle {} -> {t_model}",
                        trail.join(" -> ")
                    ));
                    in_cycle.extend(trail.iter().map(|t| normalize_model(t)));
                    reported = true;
                    break;
                }
                if trail.len() < 32 && !trail.iter().any(|x| normalize_model(x) == normalize_model(t_model)) {
                    let mut next = trail.clone();
                    next.push(t_model.to_string());
                    stack.push((t_model.to_string(), next));
                }
            }
        }
    }
    let mut provider_mapping = Vec::new();
    for (pattern, prov) in r.provider_mapping.iter() {
        match find(prov) {
            Some(p) => provider_mapping.push((Glob::new(pattern), p.name.clone())),
            None => problems.push(format!("model_routing.provider_mapping.{pattern}: unknown provider '{prov}'")),
        }
    }
    let model_overrides = r.model_overrides.iter().map(|(pat, to)| (Glob::new(pat), to.clone())).collect();
    let default_provider = if r.default_provider.trim().is_empty() {
        None
    } else {
        match find(&r.default_provider) {
            Some(p) => Some(p.name.clone()),
            None => {
                problems.push(format!("model_routing.default_provider: unknown provider '{}'", r.default_provider));
                None
            }
        }
    };
    let complexity = r.complexity.enabled.then(|| ComplexityConfig {
        triggers: r.complexity.models.clone(),
        simple: r.complexity.simple.clone(),
        moderate: r.complexity.moderate.clone(),
        complex: r.complexity.complex.clone(),
    });
    let cascade = if r.cascade.enabled {
        if r.cascade.models.is_empty() {
            problems
                .push("model_routing.cascade.models: must list at least one model when the cascade is enabled".into());
        }
        r.cascade.models.iter().take(r.cascade.max_retries.max(1) as usize).cloned().collect()
    } else {
        Vec::new()
    };
    let model_params = r
        .model_params
        .iter()
        .map(|m| (Glob::new(&m.model_pattern), m.params.clone(), m.system_prompt.clone()))
        .collect();
    let payload_rules = if r.payload_transformation.enabled {
        r.payload_transformation
            .rules
            .iter()
            .map(|rule| PayloadRule {
                models: rule.models.iter().map(|g| Glob::new(g)).collect(),
                inject: rule.inject_params.clone(),
                overrides: rule.override_params.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let global = if r.global_params.enabled {
        let override_mode = match r.global_params.mode.as_str() {
            "override" => true,
            "default" | "" => false,
            other => {
                problems.push(format!(
                    "model_routing.global_params.mode: unknown mode '{other}' (expected default or override)"
                ));
                false
            }
        };
        Some(GlobalParams {
            override_mode,
            params: r.global_params.params.clone(),
            system_prompt: r.global_params.system_prompt.clone(),
        })
    } else {
        None
    };
    RoutingConfig {
        aliases,
        provider_mapping,
        model_overrides,
        default_provider,
        complexity,
        cascade,
        layers: ParamLayers { model_params, payload_rules, global },
        tools: ToolCallingConfig::default(),
    }
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

fn parse_time(s: &str) -> Option<i64> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t.unix_timestamp());
    }
    if let Ok(t) = time::PrimitiveDateTime::parse(
        s,
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
    ) {
        return Some(t.assume_utc().unix_timestamp());
    }
    let d = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    // A bare date means the key is valid through that whole day (UTC).
    Some(d.next_day()?.midnight().assume_utc().unix_timestamp())
}
