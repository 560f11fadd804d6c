//! Everything built from one config: providers with their key pools and HTTP clients. A request
//! takes one `Arc<Runtime>` snapshot for its whole life; a reload builds a new runtime first
//! (fallible, `RuntimeError`) and swaps it in (infallible). State that must outlive reloads — key
//! health, tool support, fetched model lists, HTTP connection pools, the ChatGPT web sessions —
//! lives in `Shared`.

use crate::config::Config;
use crate::keys::{KeyPool, KeyStates};
use crate::providers::{Provider, build_client};
use crate::secret::Secret;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// Process-wide state that survives reloads.
#[derive(Debug, Default)]
pub struct Shared {
    pub key_states: KeyStates,
    /// Upstreams seen rejecting tools (the downgrade remembers them).
    pub tool_support: std::sync::Arc<crate::tools::ToolSupport>,
    /// Upstreams seen lacking an optional route (Anthropic-dialect servers without count_tokens).
    pub missing_routes: std::sync::Arc<crate::providers::MissingRoutes>,
    /// Model lists fetched from upstreams (`providers models NAME`), by provider name.
    pub upstream_models: Mutex<HashMap<String, Vec<String>>>,
    /// One pooled client per distinct connect timeout (usually exactly one).
    clients: Mutex<HashMap<Duration, reqwest::Client>>,
    /// The lean clients (`providers::direct`), likewise per connect timeout.
    direct: Mutex<HashMap<Duration, Option<crate::providers::direct::Client>>>,
    /// Stored Responses-API conversations (`previous_response_id`, `GET /v1/responses/{id}`).
    pub responses: std::sync::Arc<crate::store::responses::ResponseStore>,
    /// Files and batches pinned to the provider and key that made them.
    pub objects: std::sync::Arc<crate::store::objects::ObjectStore>,
    /// The ChatGPT web providers' sessions, build-id caches and proof-of-work slots.
    pub web_states: crate::providers::chatgpt_web::WebStates,
    /// Turns true when shutdown's grace period is over: open streams end with an error event.
    pub cut: std::sync::Arc<tokio::sync::watch::Sender<bool>>,
}

/// Where `providers models NAME` keeps fetched model lists.
pub fn models_cache_dir(data_dir: &std::path::Path) -> std::path::PathBuf {
    data_dir.join("models")
}

impl Shared {
    /// Shared state whose key health comes from `key_states` (e.g. `KeyStates::persistent`).
    pub fn with_key_states(key_states: KeyStates) -> Shared {
        Shared { key_states, ..Shared::default() }
    }

    /// Load every cached upstream model list from the data dir.
    pub fn load_model_caches(&self, data_dir: &std::path::Path) {
        let Ok(dir) = std::fs::read_dir(models_cache_dir(data_dir)) else { return };
        let mut map = self.upstream_models.lock().unwrap_or_else(|p| p.into_inner());
        for entry in dir.flatten() {
            let path = entry.path();
            let (Some(name), Some("json")) =
                (path.file_stem().and_then(|s| s.to_str()), path.extension().and_then(|s| s.to_str()))
            else {
                continue;
            };
            #[derive(serde::Deserialize)]
            struct Cache {
                models: Vec<String>,
            }
            if let Ok(c) = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice::<Cache>(&b).map_err(|e| e.to_string()))
            {
                map.insert(name.to_string(), c.models);
            }
        }
    }

    fn client(&self, connect_timeout: Duration) -> reqwest::Result<reqwest::Client> {
        let mut map = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = map.get(&connect_timeout) {
            return Ok(c.clone());
        }
        let c = build_client(connect_timeout)?;
        map.insert(connect_timeout, c.clone());
        Ok(c)
    }

    fn direct_client(&self, connect_timeout: Duration) -> Option<crate::providers::direct::Client> {
        let mut map = self.direct.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(connect_timeout).or_insert_with(|| crate::providers::direct::build(connect_timeout)).clone()
    }

    /// Close the lean clients' idle upstream connections but the `keep` most recently used per
    /// upstream; returns how many were closed. A connection in use is not in the pool.
    pub fn shed_idle_connections(&self, keep: usize) -> usize {
        let map = self.direct.lock().unwrap_or_else(|p| p.into_inner());
        map.values().flatten().map(|c| c.shed(keep)).sum()
    }

    /// Idle upstream connections the lean clients hold.
    pub fn idle_connections(&self) -> usize {
        let map = self.direct.lock().unwrap_or_else(|p| p.into_inner());
        map.values().flatten().map(|c| c.idle()).sum()
    }
}

/// Why a runtime could not be built from a (valid) config.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// The HTTP client for a provider could not be built (TLS roots, resolver…).
    #[error("cannot build the HTTP client for provider '{provider}': {source}")]
    HttpClient {
        provider: String,
        #[source]
        source: reqwest::Error,
    },
}

#[derive(Debug)]
pub struct Runtime {
    pub config: Config,
    pub providers: Vec<Provider>,
    /// The relay credential: from config, or generated and kept in the data dir.
    pub access_key: Option<Secret<String>>,
    pub tool_support: std::sync::Arc<crate::tools::ToolSupport>,
    pub missing_routes: std::sync::Arc<crate::providers::MissingRoutes>,
    pub responses: std::sync::Arc<crate::store::responses::ResponseStore>,
    pub objects: std::sync::Arc<crate::store::objects::ObjectStore>,
    /// Every secret to redact from what clients, the log and stored bodies see: the config's
    /// (`Config::secrets`), the access key in use, and the sync token from the environment.
    pub secrets: std::sync::Arc<[Secret<String>]>,
    /// `Shared::cut`: streams watch it to end cleanly when shutdown cuts them.
    pub cut: std::sync::Arc<tokio::sync::watch::Sender<bool>>,
}

impl Runtime {
    pub fn build(config: Config, shared: &Shared, access_key: Option<Secret<String>>) -> Result<Runtime, RuntimeError> {
        let mut providers = Vec::with_capacity(config.providers.len());
        for p in &config.providers {
            let pool = KeyPool::new(p, config.strategy, &shared.key_states);
            let client = shared
                .client(p.connect_timeout)
                .map_err(|source| RuntimeError::HttpClient { provider: p.name.clone(), source })?;
            let direct = shared.direct_client(p.connect_timeout);
            providers.push(Provider::with_web_states(p.clone(), pool, client, &shared.web_states).with_direct(direct));
        }
        let mut secrets = config.secrets();
        secrets.extend(access_key.clone());
        secrets.extend(
            crate::sync::TOKEN_ENVS
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .filter(|t| !t.trim().is_empty())
                .map(Secret::new),
        );
        Ok(Runtime {
            secrets: secrets.into(),
            config,
            providers,
            access_key,
            tool_support: shared.tool_support.clone(),
            missing_routes: shared.missing_routes.clone(),
            responses: shared.responses.clone(),
            objects: shared.objects.clone(),
            cut: shared.cut.clone(),
        })
    }
}
