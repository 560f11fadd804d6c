//! `keys.*`: list keys with their states, runtime overrides (`set`, `reset`), and the changes
//! kept in config.yml (`enable`, `disable`, `add`, `remove`): the YAML text is edited in place
//! (`config::edit`, comments and order survive), validated, written atomically, then reloaded by
//! the running server.

use super::{AdminError, Count, KeyChange, KeyInfo, KeyRef, KeySelector, KeySet, KeysAdd, Service};
use crate::config::{self, edit, normalize_name};
use crate::keys::PoolKey;
use std::path::PathBuf;

impl Service {
    pub fn keys_list(&self) -> Result<Vec<KeyInfo>, AdminError> {
        let mut out = Vec::new();
        if let Some(h) = &self.host {
            let rt = h.runtime();
            for p in rt.providers.iter() {
                for (k, v) in p.pool.keys.iter().zip(p.pool.view()) {
                    let over = k.state.enabled_override();
                    out.push(KeyInfo {
                        provider: p.name().to_string(),
                        label: v.label,
                        enabled: over.unwrap_or(k.config.enabled),
                        config_enabled: k.config.enabled,
                        enabled_override: over,
                        weight: k.state.weight_override().unwrap_or(k.config.weight),
                        weight_override: k.state.weight_override(),
                        status: Some(v.status),
                        requests: v.requests,
                        failures: v.failures,
                        quota_used: v.quota_used,
                        quota_limit: v.quota_limit,
                        last_error: v.last_error,
                        last_used_ms: v.last_used_ms,
                    });
                }
            }
        } else if let Some(c) = &self.config {
            for p in &c.providers {
                for k in &p.keys {
                    out.push(KeyInfo {
                        provider: p.name.clone(),
                        label: k.label.clone(),
                        enabled: k.enabled,
                        config_enabled: k.enabled,
                        weight: k.weight,
                        quota_used: k.quota_used,
                        quota_limit: k.quota_limit,
                        ..KeyInfo::default()
                    });
                }
            }
        } else {
            return Err(AdminError::unavailable("no server is running and the config does not load"));
        }
        Ok(out)
    }

    /// Apply `f` to the running server's keys picked by `sel`; how many there were.
    fn with_keys(&self, sel: &KeySelector, f: &mut dyn FnMut(&PoolKey)) -> Result<u64, AdminError> {
        let rt = self.host()?.runtime();
        let p = rt
            .providers
            .iter()
            .find(|p| normalize_name(p.name()) == normalize_name(&sel.provider))
            .ok_or_else(|| AdminError::not_found(format!("unknown provider '{}'", sel.provider)))?;
        let mut n = 0;
        for k in p.pool.keys.iter().filter(|k| sel.label.as_deref().is_none_or(|l| l == k.config.label)) {
            f(k);
            n += 1;
        }
        if n == 0 {
            return Err(AdminError::not_found(format!(
                "provider '{}' has no key labelled '{}'",
                p.name(),
                sel.label.as_deref().unwrap_or("")
            )));
        }
        Ok(n)
    }

    /// Runtime overrides of `enabled` and `weight` (kept across reloads, not restarts).
    pub fn keys_set(&self, a: KeySet) -> Result<Count, AdminError> {
        if a.enabled.is_none() && a.weight.is_none() {
            return Err(AdminError::invalid(Some("args"), "keys.set needs 'enabled' and/or 'weight'"));
        }
        if let Some(Some(w)) = a.weight {
            if !w.is_finite() || w < 0.0 {
                return Err(AdminError::invalid(Some("args.weight"), format!("must be a number >= 0, not {w}")));
            }
        }
        let sel = KeySelector { provider: a.provider, label: Some(a.label) };
        let count = self.with_keys(&sel, &mut |k| {
            if let Some(e) = a.enabled {
                // Re-enabling (`Some(true)`) also clears an invalid mark.
                k.state.set_enabled_override(e);
            }
            if let Some(w) = a.weight {
                k.state.set_weight_override(w);
            }
        })?;
        Ok(Count { count })
    }

    /// Forget cooldowns, failures and invalid marks: the keys are tried again at once.
    pub fn keys_reset(&self, sel: KeySelector) -> Result<Count, AdminError> {
        let count = self.with_keys(&sel, &mut |k| k.state.reset())?;
        Ok(Count { count })
    }

    /// Enable or disable a key: in config.yml when there is one (then reloaded, and any runtime
    /// override dropped so the two agree), else on the running server only.
    pub async fn keys_enable(&self, k: KeyRef, enabled: bool) -> Result<KeyChange, AdminError> {
        let mut change =
            KeyChange { provider: k.provider.clone(), labels: vec![k.label.clone()], ..KeyChange::default() };
        if self.config_path.is_some() {
            self.key_exists(&k)?;
            let (path, applied) =
                self.edit_config(|t| edit::set_key_enabled(t, &k.provider, &k.label, enabled)).await?;
            change.written = Some(path);
            change.applied = applied;
            if applied {
                let sel = KeySelector { provider: k.provider.clone(), label: Some(k.label.clone()) };
                self.with_keys(&sel, &mut |key| {
                    // Enabling is how a user says "this key is good again": clear an invalid
                    // mark, then follow the config.
                    if enabled {
                        key.state.set_enabled_override(Some(true));
                    }
                    key.state.set_enabled_override(None);
                })?;
            }
        } else if self.is_online() {
            self.keys_set(KeySet { provider: k.provider, label: k.label, enabled: Some(Some(enabled)), weight: None })?;
            change.applied = true;
        } else {
            return Err(AdminError::unavailable("no config file and no running server: nothing to change"));
        }
        Ok(change)
    }

    /// Add keys to a provider in config.yml (labels made unique), then reload.
    pub async fn keys_add(&self, a: KeysAdd) -> Result<KeyChange, AdminError> {
        for (i, k) in a.keys.iter().enumerate() {
            if k.key.expose().trim().is_empty() {
                return Err(AdminError::invalid(Some(&format!("args.keys[{i}].key")), "empty key"));
            }
            if k.weight.is_some_and(|w| !w.is_finite() || w < 0.0) {
                return Err(AdminError::invalid(Some(&format!("args.keys[{i}].weight")), "must be a number >= 0"));
            }
        }
        // An unknown provider is a 404 and a key it has already a 409, before any edit.
        let present = edit::list_keys(&std::fs::read_to_string(self.config_file()?)?, &a.provider)
            .map_err(AdminError::not_found)?;
        if !a.skip_existing {
            if let Some(i) = a.keys.iter().position(|k| present.iter().any(|p| p.key.expose() == k.key.expose())) {
                return Err(AdminError::conflict(format!(
                    "provider '{}' already has the key at keys[{i}]",
                    a.provider
                )));
            }
        }
        let mut labels = Vec::new();
        let mut skipped = 0;
        let single = a.keys.len() == 1;
        let (path, applied) = self
            .edit_config(|text| {
                let mut text = text.to_string();
                for k in &a.keys {
                    let existing = edit::list_keys(&text, &a.provider)?;
                    if existing.iter().any(|i| i.key.expose() == k.key.expose()) {
                        if a.skip_existing {
                            skipped += 1;
                            continue;
                        }
                        return Err(format!("provider '{}' already has this key", a.provider));
                    }
                    let want = k.label.clone().unwrap_or_else(|| {
                        if single { "key".to_string() } else { format!("key-{}", existing.len() + 1) }
                    });
                    let label = unique_label(&text, &a.provider, &want)?;
                    text = edit::add_key(&text, &a.provider, k.key.expose(), &label, k.weight)?;
                    labels.push(label);
                }
                Ok(text)
            })
            .await?;
        Ok(KeyChange { provider: a.provider, labels, skipped, written: Some(path), applied })
    }

    /// Remove a key from config.yml, then reload.
    pub async fn keys_remove(&self, k: KeyRef) -> Result<KeyChange, AdminError> {
        self.key_exists(&k)?;
        let (path, applied) = self.edit_config(|t| edit::remove_key(t, &k.provider, &k.label)).await?;
        Ok(KeyChange { provider: k.provider, labels: vec![k.label], skipped: 0, written: Some(path), applied })
    }

    /// NotFound unless config.yml has this key.
    fn key_exists(&self, k: &KeyRef) -> Result<(), AdminError> {
        let path = self.config_file()?;
        let text = std::fs::read_to_string(&path)?;
        let keys = edit::list_keys(&text, &k.provider).map_err(AdminError::not_found)?;
        if keys.iter().any(|i| i.label == k.label) {
            Ok(())
        } else {
            Err(AdminError::not_found(format!("provider '{}' has no key labelled '{}'", k.provider, k.label)))
        }
    }

    /// The config file edits go to.
    pub(super) fn config_file(&self) -> Result<PathBuf, AdminError> {
        self.config_path.clone().filter(|p| p.exists()).ok_or_else(|| {
            AdminError::unavailable(
                "no config file: keys are kept in config.yml (create one with 'monorelay config example > config.yml', or name it with --config)",
            )
        })
    }

    /// Edit config.yml's text with `f`, check that the result loads, write it atomically, and
    /// have a running server reload it. Returns the file and whether a server took it.
    pub(super) async fn edit_config(
        &self,
        f: impl FnOnce(&str) -> Result<String, String>,
    ) -> Result<(PathBuf, bool), AdminError> {
        let _one_writer = config_write_lock().lock().await;
        let path = self.config_file()?;
        let text = std::fs::read_to_string(&path)?;
        let new = f(&text).map_err(|e| AdminError::invalid(None, e))?;
        self.write_config(&path, &new, false).await.map(|(applied, _)| (path, applied))
    }

    /// Validate `text`, write it to `path` atomically (keeping the old file as `<name>.bak` when
    /// `backup`), and reload a running server. Returns (reloaded, backup).
    pub(super) async fn write_config(
        &self,
        path: &std::path::Path,
        text: &str,
        backup: bool,
    ) -> Result<(bool, Option<PathBuf>), AdminError> {
        if let Err(e) =
            config::load_str(text, config::ConfigSource::File(path.to_path_buf()), &|n| std::env::var(n).ok())
        {
            let mut err = AdminError::from(e);
            if let AdminError::Invalid { message, .. } = &mut err {
                *message = format!("the change would make the config invalid, so it was not written: {message}");
            }
            return Err(err);
        }
        let kept = if backup && path.exists() {
            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let bak = path.with_file_name(format!("{name}.bak"));
            std::fs::copy(path, &bak)?;
            Some(bak)
        } else {
            None
        };
        edit::write_atomic(path, text)?;
        let Some(h) = self.host.clone() else { return Ok((false, kept)) };
        h.config_changed();
        match tokio::task::spawn_blocking(move || h.reload()).await {
            Ok(Ok(())) => Ok((true, kept)),
            Ok(Err(e)) => Err(AdminError::conflict(format!(
                "written to '{}', but the server did not reload it: {e}",
                path.display()
            ))),
            Err(e) => Err(AdminError::internal(format!("the reload task failed: {e}"))),
        }
    }
}

/// Held while the config file is read, changed and written, so that two edits (from the API,
/// the socket, the panel) never lose one another's change or race on the temporary file.
pub(super) fn config_write_lock() -> &'static tokio::sync::Mutex<()> {
    static LOCK: std::sync::OnceLock<tokio::sync::Mutex<()>> = std::sync::OnceLock::new();
    LOCK.get_or_init(|| tokio::sync::Mutex::new(()))
}

fn unique_label(text: &str, provider: &str, want: &str) -> Result<String, String> {
    let taken: Vec<String> = edit::list_keys(text, provider)?.into_iter().map(|i| i.label).collect();
    if !taken.iter().any(|t| t == want) {
        return Ok(want.to_string());
    }
    Ok((2..).map(|n| format!("{want}-{n}")).find(|l| !taken.contains(l)).unwrap_or_else(|| want.to_string()))
}
