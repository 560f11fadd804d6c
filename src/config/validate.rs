//! Validation: raw serde structs → the validated `Config`. Every check runs and every problem is
//! collected, each naming its key path and quoting the bad value (never a secret's). Numbers are
//! range-checked here — durations, factors, sizes, counts, weights, prices — so that `.inf`,
//! `.nan`, negative or absurdly large values are config errors rather than panics later
//! (`Duration::from_secs_f64`, `Instant + Duration` and counters all have limits).

use super::check::http_url;
use super::raw::*;
use super::types::*;
use crate::glob::Glob;
use crate::secret::Secret;
use std::path::PathBuf;
use std::time::Duration;

/// Largest `server.max_body_bytes` and `logging.max_body_bytes` (1 GiB).
pub const MAX_BODY_BYTES: u64 = 1 << 30;
/// Upper bound of quotas, usage-window limits and other request counts.
const MAX_COUNT: u64 = 1_000_000_000_000;
/// `providers.*.timeout`, seconds.
const TIMEOUT_SECS: (f64, f64) = (0.1, 3600.0);
/// `providers.*.connect_timeout`, seconds (0 = the default).
const CONNECT_TIMEOUT_SECS: (f64, f64) = (0.1, 600.0);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// `providers.*.total_timeout`, seconds (0 = no cap).
const TOTAL_TIMEOUT_SECS: (f64, f64) = (0.1, 86_400.0);
/// `providers.*.rate_limit_cooldown`, seconds.
const COOLDOWN_SECS: (f64, f64) = (0.0, 86_400.0);
/// `providers.*.retry.backoff_factor`: with at most `MAX_RETRIES` rounds the longest computed
/// wait is 10^10 s, far inside what `Duration` holds.
const BACKOFF_FACTOR: (f64, f64) = (1.0, 10.0);
const BACKOFF_MAX_SECS: (f64, f64) = (0.0, 3600.0);
const MAX_RETRIES: u64 = 10;
const WEIGHT: (f64, f64) = (0.0, 1_000_000.0);
/// `keys[].rate_limit_rps` when not 0: at the smallest, a key waits 1000 s between requests.
const RATE_LIMIT_RPS: (f64, f64) = (0.001, 1_000_000.0);
/// Prices, USD per 1M tokens.
const PRICE_USD: (f64, f64) = (0.0, 1_000_000.0);
const SHUTDOWN_GRACE_SECS: u64 = 3600;
const MAX_AGE_DAYS: u64 = 36_500;
const MAX_PREVIEW_CHARS: u64 = 1_000_000;
const MAX_LOG_SIZE_MB: u64 = 1_000_000_000;
/// Most `server.worker_threads`.
const MAX_WORKER_THREADS: u64 = 1024;
/// Longest `logging.commit_interval_ms`: the loss window of a `kill -9` stays short.
const MAX_COMMIT_INTERVAL_MS: u64 = 10_000;
const MAX_DEFAULT_MAX_TOKENS: u64 = 10_000_000;
const MAX_CASCADE_RETRIES: u64 = 100;

/// Render a bound or a bad value short and in YAML's spelling: `3600`, `0.1`, `1e308`, `.nan`.
fn bound(v: f64) -> String {
    match v {
        _ if v.is_nan() => ".nan".into(),
        f64::INFINITY => ".inf".into(),
        f64::NEG_INFINITY => "-.inf".into(),
        _ if v != 0.0 && !(1e-6..1e15).contains(&v.abs()) => format!("{v:e}"),
        _ => format!("{v}"),
    }
}

/// `v` in `lo..=hi` (`unit` after the bounds), else a problem quoting `v`.
fn in_range(problems: &mut Vec<String>, path: &str, v: f64, (lo, hi): (f64, f64), unit: &str) -> bool {
    let ok = v.is_finite() && v >= lo && v <= hi;
    if !ok {
        problems.push(format!("{path}: must be between {} and {}{unit}, got '{}'", bound(lo), bound(hi), bound(v)));
    }
    ok
}

/// `v` is 0 (meaning `zero`) or in `lo..=hi`, else a problem quoting `v`.
fn zero_or_range(problems: &mut Vec<String>, path: &str, v: f64, (lo, hi): (f64, f64), unit: &str, zero: &str) -> bool {
    let ok = v == 0.0 || (v.is_finite() && v >= lo && v <= hi);
    if !ok {
        problems.push(format!(
            "{path}: must be 0 ({zero}) or between {} and {}{unit}, got '{}'",
            bound(lo),
            bound(hi),
            bound(v)
        ));
    }
    ok
}

/// An integer in `lo..=hi`, else a problem quoting it.
fn count_in(problems: &mut Vec<String>, path: &str, v: u64, lo: u64, hi: u64, unit: &str) -> bool {
    let ok = (lo..=hi).contains(&v);
    if !ok {
        problems.push(format!("{path}: must be between {lo} and {hi}{unit}, got '{v}'"));
    }
    ok
}

/// Seconds in range as a `Duration` (`fallback` when out of range: the problem is recorded).
fn seconds(problems: &mut Vec<String>, path: &str, v: f64, range: (f64, f64), fallback: Duration) -> Duration {
    if in_range(problems, path, v, range, " seconds") {
        Duration::try_from_secs_f64(v).unwrap_or(fallback)
    } else {
        fallback
    }
}

/// A string that goes into an HTTP header or a terminal must carry no control characters.
fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

pub(super) fn validate(raw: RawConfig, source: ConfigSource, problems: &mut Vec<String>) -> Config {
    let mut warnings = Vec::new();
    let server = validate_server(&raw.server, problems, &mut warnings);

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
        let name_ok = !name.is_empty()
            && !name.starts_with('.')
            && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !name_ok {
            problems.push(format!(
                "{path}: a provider name must be non-empty and use only letters, digits, '-', '_' and '.' \
                 (it is written in 'model@provider' and names files)"
            ));
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
    let logging = validate_logging(&raw.logging, problems);
    let t = &raw.translation;
    count_in(
        problems,
        "translation.default_max_tokens",
        u64::from(t.default_max_tokens),
        1,
        MAX_DEFAULT_MAX_TOKENS,
        " tokens",
    );
    let translation =
        TranslationConfig { default_max_tokens: t.default_max_tokens.max(1), drop_unsupported: t.drop_unsupported };

    let auth = super::sso::validate_auth(&raw, problems, &mut warnings);
    let sync = validate_sync(&raw.sync, problems);
    let cluster = super::cluster::validate(&raw.storage, &raw.state, &raw.config, problems);
    Config {
        source,
        server,
        providers,
        routing,
        strategy,
        logging,
        translation,
        pricing,
        auth,
        sync,
        cluster,
        warnings,
    }
}

fn validate_sync(s: &super::raw::RawSync, problems: &mut Vec<String>) -> SyncConfig {
    let api_base = s.api_base.trim().trim_end_matches('/');
    let api_base = if api_base.is_empty() {
        GITHUB_API.to_string()
    } else {
        http_url(problems, "sync.api_base", api_base);
        api_base.to_string()
    };
    let gist_id = s.gist_id.trim();
    if !gist_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        problems.push(format!("sync.gist_id: must be a Gist id (letters and digits), got '{gist_id}'"));
    }
    let w = &s.webdav;
    let url = w.url.trim();
    let webdav = if url.is_empty() {
        None
    } else {
        http_url(problems, "sync.webdav.url", url);
        let url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
        Some(WebdavConfig { url, username: w.username.clone(), password: w.password.clone() })
    };
    SyncConfig {
        enabled: s.enabled,
        gist_id: (!gist_id.is_empty()).then(|| gist_id.to_string()),
        api_base,
        auto_push: s.auto_push,
        webdav,
    }
}

fn validate_server(s: &RawServer, problems: &mut Vec<String>, warnings: &mut Vec<String>) -> ServerConfig {
    let host = s.host.trim();
    if host.is_empty() {
        problems.push("server.host: must not be empty".into());
    } else if host.parse::<std::net::IpAddr>().is_err()
        && !host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        problems.push(format!("server.host: '{}' is neither an IP address nor a host name", s.host));
    }
    count_in(problems, "server.max_body_bytes", s.max_body_bytes, 1, MAX_BODY_BYTES, " bytes");
    count_in(problems, "server.shutdown_grace_secs", s.shutdown_grace_secs, 0, SHUTDOWN_GRACE_SECS, " seconds");
    count_in(problems, "server.header_read_timeout_secs", s.header_read_timeout_secs, 1, 3600, " seconds");
    count_in(problems, "server.body_min_bytes_per_sec", s.body_min_bytes_per_sec, 0, 1 << 30, " bytes per second");
    count_in(problems, "server.idle_timeout_secs", s.idle_timeout_secs, 1, 86_400, " seconds");
    count_in(problems, "server.max_connections", s.max_connections, 1, 1_000_000, "");
    count_in(problems, "server.max_inflight_body_bytes", s.max_inflight_body_bytes, 1, 1 << 40, " bytes");
    count_in(problems, "server.worker_threads", s.worker_threads, 0, MAX_WORKER_THREADS, "");
    if s.data_dir.contains('\0') {
        problems.push("server.data_dir: must not contain a NUL character".into());
    }
    for (i, origin) in s.cors_origins.iter().enumerate() {
        if http::HeaderValue::from_str(origin).is_err() {
            problems.push(format!("server.cors_origins[{i}]: '{}' is not a valid origin", origin.escape_debug()));
        }
    }
    let access_key = Some(s.access_key.expose().trim()).filter(|k| !k.is_empty()).map(|k| Secret::new(k.to_string()));
    if access_key.as_ref().is_some_and(|k| http::HeaderValue::from_str(k.expose()).is_err()) {
        problems.push(
            "server.access_key: must be printable ASCII (clients send it in an HTTP header); the value is not shown"
                .into(),
        );
    }
    let server = ServerConfig {
        host: s.host.clone(),
        port: s.port,
        access_key,
        access_key_enabled: s.access_key_enabled,
        max_body_bytes: usize::try_from(s.max_body_bytes.clamp(1, MAX_BODY_BYTES)).unwrap_or(usize::MAX),
        shutdown_grace: Duration::from_secs(s.shutdown_grace_secs.min(SHUTDOWN_GRACE_SECS)),
        data_dir: Some(PathBuf::from(&s.data_dir)).filter(|p| !p.as_os_str().is_empty()),
        cors_origins: s.cors_origins.clone(),
        metrics_public: s.metrics_public,
        public_host: Some(s.public_host.trim().to_string()).filter(|h| !h.is_empty()),
        header_read_timeout: Duration::from_secs(s.header_read_timeout_secs.clamp(1, 3600)),
        body_min_bytes_per_sec: s.body_min_bytes_per_sec.min(1 << 30),
        idle_timeout: Duration::from_secs(s.idle_timeout_secs.clamp(1, 86_400)),
        max_connections: usize::try_from(s.max_connections.clamp(1, 1_000_000)).unwrap_or(1_000_000),
        max_inflight_body_bytes: usize::try_from(s.max_inflight_body_bytes.clamp(1, 1 << 40)).unwrap_or(usize::MAX),
        worker_threads: usize::try_from(s.worker_threads.min(MAX_WORKER_THREADS)).ok().filter(|n| *n > 0),
    };
    if !server.access_key_enabled {
        warnings.push("server.access_key_enabled is false: no credential can call the relay yet".into());
    }
    server
}

fn validate_logging(l: &RawLogging, problems: &mut Vec<String>) -> LoggingConfig {
    count_in(problems, "logging.max_age_days", u64::from(l.max_age_days), 0, MAX_AGE_DAYS, " days");
    count_in(
        problems,
        "logging.content_preview_length",
        u64::from(l.content_preview_length),
        0,
        MAX_PREVIEW_CHARS,
        " characters",
    );
    count_in(problems, "logging.max_body_bytes", l.max_body_bytes, 0, MAX_BODY_BYTES, " bytes");
    count_in(problems, "logging.max_size_mb", l.max_size_mb, 0, MAX_LOG_SIZE_MB, " MB");
    count_in(problems, "logging.commit_interval_ms", l.commit_interval_ms, 0, MAX_COMMIT_INTERVAL_MS, " ms");
    let db = l.db_path.trim();
    if db.contains('\0') {
        problems.push("logging.db_path: must not contain a NUL character".into());
    }
    let max_age_days = u64::from(l.max_age_days).min(MAX_AGE_DAYS);
    let max_size_mb = l.max_size_mb.min(MAX_LOG_SIZE_MB);
    LoggingConfig {
        enabled: l.enabled,
        db_file: db.ends_with(".redb").then(|| PathBuf::from(db)),
        max_age: (max_age_days > 0).then(|| Duration::from_secs(max_age_days * 86_400)),
        content_preview_length: usize::try_from(l.content_preview_length).unwrap_or(usize::MAX),
        store_bodies: l.store_bodies,
        max_body_bytes: l.max_body_bytes.min(MAX_BODY_BYTES),
        max_size_bytes: (max_size_mb > 0).then(|| max_size_mb * 1024 * 1024),
        commit_interval: Duration::from_millis(l.commit_interval_ms.min(MAX_COMMIT_INTERVAL_MS)),
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
        let prices = [
            ("input", Some(p.input)),
            ("output", Some(p.output)),
            ("cache_read", p.cache_read),
            ("cache_write", p.cache_write),
        ];
        let mut ok = true;
        for (field, v) in prices {
            if let Some(v) = v {
                ok &= in_range(problems, &format!("{path}.{field}"), v, PRICE_USD, " USD per 1M tokens");
            }
        }
        if !ok {
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

fn validate_key(
    i: usize,
    k: &RawKey,
    kind: ProviderKind,
    several: bool,
    path: &str,
    problems: &mut Vec<String>,
) -> Option<KeyConfig> {
    let kpath = format!("{path}.keys[{i}]");
    let secret = match &k.key {
        Some(s) if !s.expose().trim().is_empty() => {
            let s = s.expose().trim();
            // The key goes into `Authorization: Bearer …` or `x-api-key`; never quote it.
            if !s.chars().all(|c| c.is_ascii_graphic()) {
                problems.push(format!(
                    "{kpath}.key: must be printable ASCII without spaces (it is sent in an HTTP header); \
                     the value is not shown"
                ));
            }
            Secret::new(s.to_string())
        }
        _ if kind == ProviderKind::Mock => Secret::new(format!("mock-key-{i}")),
        _ => {
            problems.push(format!("{kpath}.key: required"));
            return None;
        }
    };
    in_range(problems, &format!("{kpath}.weight"), k.weight, WEIGHT, "");
    zero_or_range(
        problems,
        &format!("{kpath}.rate_limit_rps"),
        k.rate_limit_rps,
        RATE_LIMIT_RPS,
        " requests per second",
        "no limit",
    );
    count_in(problems, &format!("{kpath}.quota_limit"), k.quota_limit, 0, MAX_COUNT, " requests");
    count_in(problems, &format!("{kpath}.quota_used"), k.quota_used, 0, MAX_COUNT, " requests");
    let w = &k.usage_window_limits;
    for (field, v) in [("window_5h", w.window_5h), ("window_1d", w.window_1d), ("window_7d", w.window_7d)] {
        count_in(problems, &format!("{kpath}.usage_window_limits.{field}"), v, 0, MAX_COUNT, " requests");
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
    if has_control(&k.label) {
        problems.push(format!("{kpath}.label: must not contain control characters"));
    }
    let label = if k.label.trim().is_empty() || k.label == "default" && several {
        format!("key-{}", i + 1)
    } else {
        k.label.trim().to_string()
    };
    Some(KeyConfig {
        label,
        secret,
        weight: k.weight,
        enabled: k.enabled,
        quota_limit: k.quota_limit,
        quota_used: k.quota_used,
        rate_limit_rps: k.rate_limit_rps,
        expires_at,
        window_limits: [w.window_5h, w.window_1d, w.window_7d],
    })
}

/// A URL as it may be shown: any `user:password@` before the host replaced by `*****@`.
fn masked_url(url: &str) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        // No scheme: anything up to an `@` before the first `/` may be a credential.
        return match url.split('/').next().and_then(|h| h.rfind('@')) {
            Some(at) => format!("*****{}", &url[at..]),
            None => url.to_string(),
        };
    };
    let authority_end = url[start..].find(['/', '?', '#']).map_or(url.len(), |i| start + i);
    match url[start..authority_end].rfind('@') {
        Some(at) => format!("{}*****{}", &url[..start], &url[start + at..]),
        None => url.to_string(),
    }
}

fn validate_base_url(
    p: &RawProvider,
    name: &str,
    kind: ProviderKind,
    path: &str,
    problems: &mut Vec<String>,
) -> String {
    let mut base_url = p.base_url.trim().trim_end_matches('/').to_string();
    if base_url.is_empty() {
        match (kind, preset(name)) {
            (ProviderKind::Mock | ProviderKind::WebReverse, _) => {}
            (_, Some((url, _))) => base_url = url.to_string(),
            (_, None) => problems.push(format!("{path}.base_url: required (no preset is known for '{name}')")),
        }
        return base_url;
    }
    let shown = masked_url(&p.base_url);
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        problems.push(format!("{path}.base_url: '{}' is not an http(s) URL", shown.escape_debug()));
        return base_url;
    }
    match reqwest::Url::parse(&base_url) {
        Ok(u) if !u.username().is_empty() || u.password().is_some() => problems
            .push(format!("{path}.base_url: must not carry credentials (user:password@); put them in keys or headers")),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => {
            problems.push(format!("{path}.base_url: '{}' names no host", p.base_url.escape_debug()))
        }
        Ok(_) => {}
        // Credentials in a URL that does not even parse: refused all the same, and never echoed.
        Err(_) if shown != p.base_url => problems
            .push(format!("{path}.base_url: must not carry credentials (user:password@); put them in keys or headers")),
        Err(e) => problems.push(format!("{path}.base_url: '{}' is not a valid URL ({e})", shown.escape_debug())),
    }
    base_url
}

/// The `openai` preset's base URL: providers there serve `/responses` unless told otherwise.
const OPENAI_BASE_URL: &str = "https://api.openai.com/v1";

fn validate_provider(
    name: &str,
    p: &RawProvider,
    path: &str,
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<ProviderConfig> {
    let kind = match p.provider_type.as_deref() {
        None | Some("") => preset(name).map(|(_, k)| k).unwrap_or(ProviderKind::Api),
        Some("api" | "openai") => ProviderKind::Api,
        Some("anthropic") => ProviderKind::Anthropic,
        Some("gemini") => ProviderKind::Gemini,
        Some("web_reverse") => ProviderKind::WebReverse,
        Some("mock") => ProviderKind::Mock,
        Some(other) => {
            problems.push(format!(
                "{path}.provider_type: unknown type '{other}' (expected api, anthropic, gemini, web_reverse or mock)"
            ));
            return None;
        }
    };
    let mut base_url = validate_base_url(p, name, kind, path, problems);
    let web = (kind == ProviderKind::WebReverse).then(|| {
        let raw = p.web_reverse.clone().unwrap_or_default();
        validate_web_reverse(&raw, &format!("{path}.web_reverse"), problems)
    });
    if let Some((_, chatgpt_base_url)) = &web {
        if base_url.is_empty() {
            base_url = chatgpt_base_url.clone();
        }
    }
    let web = web.map(|(w, _)| w);
    if kind != ProviderKind::WebReverse && p.web_reverse.is_some() {
        warnings.push(format!("{path}.web_reverse: only read for provider_type 'web_reverse'; ignored"));
    }

    let several = p.keys.len() > 1;
    let mut keys: Vec<KeyConfig> =
        p.keys.iter().enumerate().filter_map(|(i, k)| validate_key(i, k, kind, several, path, problems)).collect();
    if kind == ProviderKind::Mock && keys.is_empty() {
        keys.push(KeyConfig::unlimited("builtin", Secret::new("mock-key".into())));
    }
    let mut labels: Vec<&str> = keys.iter().map(|k| k.label.as_str()).collect();
    labels.sort_unstable();
    if let Some(w) = labels.windows(2).find(|w| w[0] == w[1]) {
        problems.push(format!("{path}.keys: label '{}' is used twice; labels name keys in logs and commands", w[0]));
    }
    if p.enabled && keys.is_empty() {
        warnings.push(format!("{path}: no keys; requests routed here will be answered 503"));
    }

    let mut headers = Vec::new();
    for (hname, hvalue) in p.headers.iter() {
        match (http::HeaderName::from_bytes(hname.as_bytes()), http::HeaderValue::from_str(hvalue)) {
            (Ok(n), Ok(mut v)) => {
                // A header may carry a credential: keep it out of `Debug` output.
                v.set_sensitive(true);
                headers.push((n, v));
            }
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
    if http::HeaderValue::from_str(&p.anthropic_version).is_err() {
        problems.push(format!("{path}.anthropic_version: not a valid HTTP header value"));
    }

    let cooldown =
        seconds(problems, &format!("{path}.rate_limit_cooldown"), p.rate_limit_cooldown, COOLDOWN_SECS, Duration::ZERO);
    let timeout = seconds(problems, &format!("{path}.timeout"), p.timeout, TIMEOUT_SECS, Duration::from_secs(1));
    let connect_timeout = if p.connect_timeout == 0.0 {
        DEFAULT_CONNECT_TIMEOUT
    } else if zero_or_range(
        problems,
        &format!("{path}.connect_timeout"),
        p.connect_timeout,
        CONNECT_TIMEOUT_SECS,
        " seconds",
        "the default of 10",
    ) {
        Duration::try_from_secs_f64(p.connect_timeout).unwrap_or(DEFAULT_CONNECT_TIMEOUT)
    } else {
        DEFAULT_CONNECT_TIMEOUT
    };
    let total_timeout = if zero_or_range(
        problems,
        &format!("{path}.total_timeout"),
        p.total_timeout,
        TOTAL_TIMEOUT_SECS,
        " seconds",
        "no cap",
    ) {
        (p.total_timeout > 0.0).then(|| Duration::try_from_secs_f64(p.total_timeout).ok()).flatten()
    } else {
        None
    };
    for (field, v) in [("cost_per_m_input", p.cost_per_m_input), ("cost_per_m_output", p.cost_per_m_output)] {
        in_range(problems, &format!("{path}.{field}"), v, PRICE_USD, " USD per 1M tokens");
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
    let retry = validate_retry(&p.retry, &format!("{path}.retry"), problems);
    let responses = p.responses.unwrap_or(kind == ProviderKind::Api && base_url == OPENAI_BASE_URL);
    if !p.responses_models.is_empty() && kind != ProviderKind::Api {
        problems.push(format!("{path}.responses_models: only an 'api' provider can serve the Responses API"));
    }
    Some(ProviderConfig {
        name: name.to_string(),
        enabled: p.enabled,
        kind,
        base_url,
        keys,
        cooldown,
        timeout,
        connect_timeout,
        total_timeout,
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
        web,
        responses,
        responses_models: p.responses_models.iter().map(|g| Glob::new(g)).collect(),
    })
}

/// Proof-of-work attempts per challenge: the original's 500,000 is the default.
const POW_MAX_ATTEMPTS: u64 = 1_000_000_000_000_000;
const POW_MAX_SECS: (f64, f64) = (0.01, 600.0);
const BUILD_ID_TTL_SECS: (f64, f64) = (0.0, 86_400.0);

/// `web_reverse`: the validated settings and the base URL to use when `base_url` is empty.
fn validate_web_reverse(
    w: &crate::config::raw::RawWebReverse,
    path: &str,
    problems: &mut Vec<String>,
) -> (WebReverseConfig, String) {
    let hex = w.pow_difficulty.trim();
    let pow_difficulty = match decode_hex(hex) {
        Some(b) if !b.is_empty() && b.len() <= 8 => b,
        _ => {
            problems.push(format!(
                "{path}.pow_difficulty: '{}' is not a hex difficulty of 1 to 8 bytes (like '00003a')",
                w.pow_difficulty.escape_debug()
            ));
            Vec::new()
        }
    };
    let proxy_url = w.proxy_url.trim();
    let proxy_url = if proxy_url.is_empty() {
        None
    } else {
        if reqwest::Proxy::all(proxy_url).is_err()
            || !["http://", "https://", "socks5://", "socks5h://"].iter().any(|s| proxy_url.starts_with(s))
        {
            // Not quoted: a proxy URL may carry a password.
            problems.push(format!("{path}.proxy_url: not an http(s) or socks5 URL"));
        }
        Some(Secret::new(proxy_url.to_string()))
    };
    let chatgpt = w.chatgpt_base_url.trim().trim_end_matches('/');
    let chatgpt = if chatgpt.is_empty() { "https://chatgpt.com" } else { chatgpt };
    if reqwest::Url::parse(chatgpt).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
        problems.push(format!("{path}.chatgpt_base_url: '{}' is not an http(s) URL", chatgpt.escape_debug()));
    }
    count_in(problems, &format!("{path}.pow_max_attempts"), w.pow_max_attempts, 1, POW_MAX_ATTEMPTS, "");
    let pow_max_time =
        seconds(problems, &format!("{path}.pow_max_secs"), w.pow_max_secs, POW_MAX_SECS, Duration::from_secs(10));
    let build_id_ttl = seconds(
        problems,
        &format!("{path}.build_id_ttl_secs"),
        w.build_id_ttl_secs,
        BUILD_ID_TTL_SECS,
        Duration::from_secs(900),
    );
    let cfg = WebReverseConfig {
        pow_difficulty,
        conversation_only: w.conversation_only,
        history_disabled: w.history_disabled,
        proxy_url,
        model_mapping: w.model_mapping.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        pow_max_attempts: w.pow_max_attempts.clamp(1, POW_MAX_ATTEMPTS),
        pow_max_time,
        build_id_ttl,
    };
    (cfg, chatgpt.to_string())
}

/// Hex digits to bytes (`None` for odd length or a non-hex digit).
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| s.get(i..i + 2).and_then(|d| u8::from_str_radix(d, 16).ok())).collect()
}

/// `retry` is checked even while disabled, so that enabling it later cannot surprise.
fn validate_retry(r: &RawRetry, path: &str, problems: &mut Vec<String>) -> Option<RetryConfig> {
    count_in(problems, &format!("{path}.max_retries"), u64::from(r.max_retries), 0, MAX_RETRIES, "");
    in_range(problems, &format!("{path}.backoff_factor"), r.backoff_factor, BACKOFF_FACTOR, "");
    let backoff_max =
        seconds(problems, &format!("{path}.backoff_max"), r.backoff_max, BACKOFF_MAX_SECS, Duration::ZERO);
    for (i, status) in r.retry_on_status.iter().enumerate() {
        if !(100..=599).contains(status) {
            problems.push(format!("{path}.retry_on_status[{i}]: '{status}' is not an HTTP status (100 to 599)"));
        }
    }
    r.enabled.then(|| RetryConfig {
        max_retries: r.max_retries.min(MAX_RETRIES as u32),
        on_status: r.retry_on_status.clone(),
        on_errors: r.retry_on_errors.clone(),
        backoff_factor: r.backoff_factor.clamp(BACKOFF_FACTOR.0, BACKOFF_FACTOR.1),
        backoff_max,
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
    count_in(
        problems,
        "model_routing.cascade.max_retries",
        u64::from(r.cascade.max_retries),
        0,
        MAX_CASCADE_RETRIES,
        "",
    );
    let cascade = if r.cascade.enabled {
        if r.cascade.models.is_empty() {
            problems
                .push("model_routing.cascade.models: must list at least one model when the cascade is enabled".into());
        }
        let take = usize::try_from(r.cascade.max_retries.max(1)).unwrap_or(usize::MAX);
        r.cascade.models.iter().take(take).cloned().collect()
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
