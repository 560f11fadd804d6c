//! `providers.create|update|delete|enable|disable|models`: a provider's block in config.yml
//! edited in place (`config::edit`: comments and order kept), validated as a whole, written
//! atomically and reloaded — the same path as the key edits. An unknown provider is NotFound,
//! a name that exists a Conflict, a change that makes the config invalid Invalid (naming the
//! key path), before anything is written.

use super::{AdminError, ProviderName, Service};
use crate::config::edit;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// `providers.create`: a name and the provider's settings as the config writes them
/// (`provider_type`, `base_url`, `keys`, `models`, …).
#[derive(Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderCreate {
    pub name: String,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub config: serde_json::Map<String, serde_json::Value>,
}

impl std::fmt::Debug for ProviderCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderCreate").field("name", &self.name).finish_non_exhaustive()
    }
}

/// `providers.update`: fields to set (`null`: remove the field, back to its default).
#[derive(Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderUpdate {
    pub name: String,
    #[schema(value_type = Object)]
    pub set: serde_json::Map<String, serde_json::Value>,
}

impl std::fmt::Debug for ProviderUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderUpdate").field("name", &self.name).finish_non_exhaustive()
    }
}

/// `providers.models`: the include / exclude model lists (globs) of a provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderModels {
    pub name: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// What a provider edit did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProviderChange {
    pub name: String,
    #[schema(value_type = String)]
    pub written: PathBuf,
    /// The running server reloaded it.
    pub applied: bool,
}

/// Fields a provider edit may not touch: the keys have their own operations (and are secrets).
const KEY_FIELDS: &[&str] = &["keys", "api_key", "api_keys"];

impl Service {
    fn provider_in_file(&self, name: &str) -> Result<bool, AdminError> {
        Ok(edit::has_provider(&std::fs::read_to_string(self.config_file()?)?, name))
    }

    fn require_provider(&self, name: &str) -> Result<(), AdminError> {
        if self.provider_in_file(name)? {
            Ok(())
        } else {
            Err(AdminError::not_found(format!("unknown provider '{name}'")))
        }
    }

    async fn provider_edit(
        &self,
        name: &str,
        f: impl FnOnce(&str) -> Result<String, String>,
    ) -> Result<ProviderChange, AdminError> {
        let (written, applied) = self.edit_config(f).await?;
        Ok(ProviderChange { name: name.to_string(), written, applied })
    }

    pub async fn providers_create(&self, a: ProviderCreate) -> Result<ProviderChange, AdminError> {
        let name = a.name.trim().to_string();
        let plain = !name.is_empty()
            && name.len() <= 64
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !plain {
            return Err(AdminError::invalid(Some("name"), "a provider name is 1-64 of A-Z a-z 0-9 _ - ."));
        }
        if self.provider_in_file(&name)? {
            return Err(AdminError::conflict(format!("there is a provider '{name}' already")));
        }
        let config = a.config;
        self.provider_edit(&name, |t| edit::add_provider(t, &name, &config)).await
    }

    pub async fn providers_update(&self, a: ProviderUpdate) -> Result<ProviderChange, AdminError> {
        self.require_provider(&a.name)?;
        if a.set.is_empty() {
            return Err(AdminError::invalid(Some("set"), "nothing to change"));
        }
        if let Some(k) = a.set.keys().find(|k| KEY_FIELDS.contains(&k.as_str())) {
            return Err(AdminError::invalid(Some(&format!("set.{k}")), "keys are changed with the keys operations"));
        }
        if let Some(k) =
            a.set.keys().find(|k| k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        {
            return Err(AdminError::invalid(Some("set"), format!("'{k}' is not a field name")));
        }
        let name = a.name.clone();
        self.provider_edit(&name, |t| {
            let mut t = t.to_string();
            for (k, v) in &a.set {
                t = edit::set_provider_field(&t, &a.name, k, (!v.is_null()).then_some(v))?;
            }
            Ok(t)
        })
        .await
    }

    pub async fn providers_delete(&self, a: ProviderName) -> Result<ProviderChange, AdminError> {
        self.require_provider(&a.name)?;
        if self.config()?.providers.len() <= 1 {
            return Err(AdminError::conflict(format!(
                "'{}' is the only provider: without one every request would fail",
                a.name
            )));
        }
        self.provider_edit(&a.name, |t| edit::remove_provider(t, &a.name)).await
    }

    pub async fn providers_enable(&self, a: ProviderName, on: bool) -> Result<ProviderChange, AdminError> {
        self.require_provider(&a.name)?;
        let v = serde_json::Value::Bool(on);
        self.provider_edit(&a.name, |t| edit::set_provider_field(t, &a.name, "enabled", Some(&v))).await
    }

    pub async fn providers_set_models(&self, a: ProviderModels) -> Result<ProviderChange, AdminError> {
        self.require_provider(&a.name)?;
        let clean = |v: &[String]| -> Vec<String> {
            v.iter().map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect()
        };
        let v = serde_json::json!({"include": clean(&a.include), "exclude": clean(&a.exclude)});
        self.provider_edit(&a.name, |t| edit::set_provider_field(t, &a.name, "models", Some(&v))).await
    }
}
