//! `providers.*`: what is configured (with the live key states when a server runs), a real
//! one-request test of every key, and the upstream's model list (fetched, cached in the data dir
//! for `/v1/models`, and handed to a running server at once).

use super::{
    AdminError, KeyInfo, KeyTest, ModelList, ProviderInfo, ProviderKeyTest, ProviderName, ProviderTest, Service,
};
use crate::config::{ProviderKind, normalize_name};
use crate::dialect::Dialect;
use crate::providers::{Endpoint, Provider, UpstreamReply};
use crate::runtime::{Runtime, Shared};
use http::HeaderMap;
use std::sync::Arc;
use std::time::Instant;

/// Longest upstream message kept in a test result.
pub(super) const TEST_MESSAGE_CHARS: usize = 120;

impl Service {
    /// The runtime to talk to upstreams with: the server's, else one built from the config.
    pub(super) fn runtime_for_upstreams(&self) -> Result<Arc<Runtime>, AdminError> {
        if let Some(h) = &self.host {
            return Ok(h.runtime());
        }
        let c = self.config.clone().ok_or_else(|| AdminError::unavailable("the config does not load"))?;
        Runtime::build(c, &Shared::default(), None).map(Arc::new).map_err(|e| AdminError::internal(e.to_string()))
    }

    pub(super) fn find_provider<'a>(rt: &'a Runtime, name: &str) -> Result<&'a Provider, AdminError> {
        rt.provider_index(name).map(|i| &rt.providers[i]).ok_or_else(|| {
            AdminError::not_found(format!("unknown provider '{name}' (known: {})", rt.provider_names().join(", ")))
        })
    }

    pub fn providers_list(&self) -> Result<Vec<ProviderInfo>, AdminError> {
        let config = self.config()?;
        let keys = self.keys_list()?;
        let rejected: Vec<(String, String)> =
            self.host.as_ref().map(|h| h.runtime().tool_support.list()).unwrap_or_default();
        Ok(config
            .providers
            .iter()
            .map(|p| {
                let norm = normalize_name(&p.name);
                ProviderInfo {
                    name: p.name.clone(),
                    kind: p.kind.as_str().to_string(),
                    enabled: p.enabled,
                    base_url: p.base_url.clone(),
                    strategy: p.strategy.unwrap_or(config.strategy).as_str().to_string(),
                    models: p.include.clone(),
                    exclude: p.exclude.iter().map(|g| g.as_str().to_string()).collect(),
                    keys: keys
                        .iter()
                        .filter(|k| normalize_name(&k.provider) == norm)
                        .cloned()
                        .collect::<Vec<KeyInfo>>(),
                    tools_unsupported: rejected
                        .iter()
                        .filter(|(prov, _)| normalize_name(prov) == norm)
                        .map(|(_, m)| m.clone())
                        .collect(),
                }
            })
            .collect())
    }

    /// One configured provider, by name.
    pub fn providers_get(&self, a: ProviderName) -> Result<ProviderInfo, AdminError> {
        let want = normalize_name(&a.name);
        self.providers_list()?
            .into_iter()
            .find(|p| normalize_name(&p.name) == want)
            .ok_or_else(|| AdminError::not_found(format!("unknown provider '{}'", a.name)))
    }

    /// One small real request with one key (enabled or not) of one provider.
    pub async fn providers_test_key(&self, a: ProviderKeyTest) -> Result<Vec<KeyTest>, AdminError> {
        self.test_keys(ProviderTest { names: vec![a.provider], model: a.model }, Some(a.key)).await
    }

    /// One small real request with every enabled key of the chosen providers.
    pub async fn providers_test(&self, a: ProviderTest) -> Result<Vec<KeyTest>, AdminError> {
        self.test_keys(a, None).await
    }

    async fn test_keys(&self, a: ProviderTest, only: Option<String>) -> Result<Vec<KeyTest>, AdminError> {
        let rt = self.runtime_for_upstreams()?;
        let mut selected: Vec<&Provider> = Vec::new();
        for n in &a.names {
            selected.push(Self::find_provider(&rt, n)?);
        }
        if a.names.is_empty() {
            selected = rt.providers.iter().filter(|p| p.usable()).collect();
        }
        let mut rows = Vec::new();
        for p in selected {
            let Some(model) = test_model(p, &a.model) else {
                rows.push(KeyTest {
                    provider: p.name().to_string(),
                    key: "-".into(),
                    message: "no model to test with: set test_model or pass a model".into(),
                    ..KeyTest::default()
                });
                continue;
            };
            if let Some(label) = &only {
                if !p.pool.keys.iter().any(|k| &k.config.label == label) {
                    return Err(AdminError::not_found(format!(
                        "provider '{}' has no key labelled '{label}'",
                        p.name()
                    )));
                }
            }
            let picked = |k: &crate::keys::PoolKey| match &only {
                Some(label) => &k.config.label == label,
                None => k.config.enabled,
            };
            for k in p.pool.keys.iter().filter(|k| picked(k)) {
                let body = serde_json::json!({"model": model, "max_tokens": 8, "messages": [{"role": "user", "content": "ping"}]});
                let endpoint =
                    if p.dialect() == Dialect::Anthropic { Endpoint::Messages } else { Endpoint::ChatCompletions };
                let started = Instant::now();
                let result =
                    p.send(endpoint, &k.auth, bytes::Bytes::from(body.to_string()), &HeaderMap::new(), false).await;
                let (status, message) = match result {
                    Ok(reply) => {
                        let status = reply.status;
                        let bytes = read_all(reply).await;
                        let msg = if status.is_success() {
                            "ok".to_string()
                        } else {
                            crate::relay::parse_error_body(&bytes).0
                        };
                        (status.as_u16(), msg)
                    }
                    Err(e) => (0, e.to_string()),
                };
                rows.push(KeyTest {
                    provider: p.name().to_string(),
                    key: k.config.label.clone(),
                    model: Some(model.clone()),
                    ok: (200..300).contains(&status),
                    status,
                    latency_ms: (started.elapsed().as_secs_f64() * 1000.0).round(),
                    message: message.chars().take(TEST_MESSAGE_CHARS).collect(),
                });
            }
        }
        Ok(rows)
    }

    /// Fetch the upstream's model list with a usable key, cache it in the data dir, and give it
    /// to a running server's `/v1/models` at once.
    pub async fn providers_models(&self, a: ProviderName) -> Result<ModelList, AdminError> {
        let rt = self.runtime_for_upstreams()?;
        let p = Self::find_provider(&rt, &a.name)?;
        let lease = p
            .pool
            .lease(&[], None)
            .map_err(|e| AdminError::unavailable(format!("provider '{}': {}", p.name(), e.reason)))?;
        let reply = p
            .send(Endpoint::Models, &lease.key.auth, bytes::Bytes::new(), &HeaderMap::new(), false)
            .await
            .map_err(|e| AdminError::unavailable(format!("[{}] {e}", p.name())))?;
        drop(lease);
        let status = reply.status;
        let bytes = read_all(reply).await;
        if !status.is_success() {
            return Err(AdminError::unavailable(format!(
                "[{}] {} {}",
                p.name(),
                status.as_u16(),
                crate::relay::parse_error_body(&bytes).0
            )));
        }
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        let mut ids: Vec<String> =
            v["data"].as_array().into_iter().flatten().filter_map(|m| m["id"].as_str().map(String::from)).collect();
        // Gemini lists `{"models": [{"name": "models/gemini-2.5-flash", …}]}`: the usual ids are the
        // names without their `models/` prefix.
        ids.extend(
            v["models"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m["name"].as_str().map(|n| n.strip_prefix("models/").unwrap_or(n).to_string())),
        );
        ids.sort();
        let dir = crate::runtime::models_cache_dir(&self.data_dir);
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}.json", p.name()));
        let tmp = path.with_extension("json.tmp");
        let cache = serde_json::json!({"provider": p.name(), "models": ids});
        std::fs::write(&tmp, serde_json::to_vec_pretty(&cache).map_err(|e| AdminError::internal(e.to_string()))?)?;
        std::fs::rename(&tmp, &path)?;
        if let Some(h) = &self.host {
            h.shared()
                .upstream_models
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(p.name().to_string(), ids.clone());
        }
        Ok(ModelList { provider: p.name().to_string(), models: ids, cached: Some(path) })
    }
}

pub(super) fn test_model(p: &Provider, explicit: &Option<String>) -> Option<String> {
    explicit
        .clone()
        .or_else(|| Some(p.config.test_model.clone()).filter(|m| !m.is_empty()))
        .or_else(|| p.config.include.first().cloned())
        .or_else(|| (p.config.kind == ProviderKind::Mock).then(|| "echo".to_string()))
        .or_else(|| {
            p.config.web.as_ref().map(|w| w.model_mapping.first().map_or("gpt-4o-mini", |(m, _)| m).to_string())
        })
}

pub(super) async fn read_all(reply: UpstreamReply) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut stream = reply.body;
    while let Some(Ok(chunk)) = futures_util::StreamExt::next(&mut stream).await {
        bytes.extend_from_slice(&chunk);
    }
    bytes
}
