//! `config.set`: change settings by dotted config path (`logging.store_bodies`,
//! `server.public_host`, …) — each change written into config.yml in place by the same text
//! editor as the provider and key edits (comments and order kept), the result validated as a
//! whole by the config loader, written atomically and reloaded, all or nothing. Secrets are not
//! settable here (any path naming a key, token, secret, password or database URL is refused, as
//! is a `***` value), nor are providers (they have their own operations). `admin_settable` says
//! which paths an admin (rather than only a super-admin) may change over HTTP.

use super::{AdminError, Service};
use crate::config::edit;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Changes at most one `config.set` takes.
const MAX_CHANGES: usize = 64;

/// Path segments that name a secret (or a URL that may hold a password).
const SECRET_SEGMENTS: &[&str] = &[
    "key",
    "keys",
    "api_key",
    "api_keys",
    "access_key",
    "token",
    "secret",
    "password",
    "cookie",
    "postgres_url",
    "redis_url",
];

/// Paths (exact, or a prefix ending in `.`) an admin may change; everything else needs a
/// super-admin: listen address, access key use, CORS, sign-in and SSO, Turnstile, storage,
/// state, sync — what decides who gets in or where data goes.
const ADMIN_PATHS: &[&str] = &[
    "server.public_host",
    "server.max_body_bytes",
    "server.max_connections",
    "server.max_inflight_body_bytes",
    "server.idle_timeout_secs",
    "server.shutdown_grace_secs",
    "logging.",
    "model_routing.",
    "key_selection.",
    "tool_calling.",
    "translation.",
    "pricing.",
];

/// One change: `value` `null` removes the key (back to its default).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingChange {
    /// Keys from the top, joined by `.` (`logging.max_age_days`).
    pub path: String,
    /// Any JSON value (string, number, boolean, list, object, or `null`).
    pub value: serde_json::Value,
}

/// `config.set`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigSet {
    pub changes: Vec<SettingChange>,
}

/// What `config.set` did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SettingsWritten {
    #[schema(value_type = String)]
    pub written: PathBuf,
    /// The running server reloaded it.
    pub applied: bool,
    /// The paths changed, in order.
    pub changed: Vec<String>,
}

/// Whether an admin (not only a super-admin) may change `path`.
pub fn admin_settable(path: &str) -> bool {
    ADMIN_PATHS.iter().any(|p| if p.ends_with('.') { path.starts_with(p) } else { path == *p })
}

fn contains_mask(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains("***"),
        serde_json::Value::Array(a) => a.iter().any(contains_mask),
        serde_json::Value::Object(m) => m.iter().any(|(k, v)| k.contains("***") || contains_mask(v)),
        _ => false,
    }
}

/// The segments of `path`, or why it is refused (`at`: the change's index, for the error path).
fn segments(path: &str, at: usize) -> Result<Vec<&str>, AdminError> {
    let field = format!("changes[{at}].path");
    let segs: Vec<&str> = path.split('.').collect();
    let plain = |s: &&str| !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if segs.len() > 8 || !segs.iter().all(plain) {
        return Err(AdminError::invalid(Some(&field), format!("'{path}' is not a dotted config path")));
    }
    if segs[0] == "providers" {
        return Err(AdminError::invalid(Some(&field), "providers are changed with the providers operations"));
    }
    let secret = |s: &&str| {
        SECRET_SEGMENTS.contains(s) || ["_key", "_secret", "_token", "_password"].iter().any(|e| s.ends_with(e))
    };
    if segs.iter().any(secret) {
        return Err(AdminError::invalid(
            Some(&field),
            format!("'{path}' holds a secret: change it in the config file"),
        ));
    }
    Ok(segs)
}

impl Service {
    pub async fn config_set(&self, a: ConfigSet) -> Result<SettingsWritten, AdminError> {
        if a.changes.is_empty() {
            return Err(AdminError::invalid(Some("changes"), "nothing to change"));
        }
        if a.changes.len() > MAX_CHANGES {
            return Err(AdminError::invalid(Some("changes"), format!("at most {MAX_CHANGES} changes at once")));
        }
        let mut parsed = Vec::with_capacity(a.changes.len());
        for (i, c) in a.changes.iter().enumerate() {
            let segs = segments(&c.path, i)?;
            if contains_mask(&c.value) {
                return Err(AdminError::invalid(
                    Some(&format!("changes[{i}].value")),
                    "a value shown as *** cannot be written back",
                ));
            }
            parsed.push((segs, &c.value));
        }
        let (written, applied) = self
            .edit_config(|t| {
                let mut t = t.to_string();
                for (segs, v) in &parsed {
                    t = edit::set_path(&t, segs, (!v.is_null()).then_some(*v))
                        .map_err(|e| format!("{}: {e}", segs.join(".")))?;
                }
                Ok(t)
            })
            .await?;
        Ok(SettingsWritten { written, applied, changed: a.changes.into_iter().map(|c| c.path).collect() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_and_provider_paths_are_refused() {
        for p in [
            "server.access_key",
            "server.turnstile_secret_key",
            "storage.postgres_url",
            "sync.token",
            "providers.a.enabled",
            "a..b",
            "a.b c",
            "",
        ] {
            assert!(segments(p, 0).is_err(), "{p}");
        }
        assert_eq!(segments("logging.store_bodies", 0).ok(), Some(vec!["logging", "store_bodies"]));
        assert!(contains_mask(&serde_json::json!({"a": ["x", "y***"]})));
    }

    #[test]
    fn admins_may_set_the_common_keys_only() {
        assert!(admin_settable("server.public_host") && admin_settable("logging.max_age_days"));
        assert!(
            !admin_settable("server.host") && !admin_settable("server.cors_origins") && !admin_settable("sso.mode")
        );
        assert!(!admin_settable("logging"), "a whole section is not a prefix match");
    }
}
