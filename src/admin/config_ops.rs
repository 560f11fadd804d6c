//! `config.*`: show the config with secrets as `***`, check a text, replace the file (validated,
//! written atomically, the old one kept as `<name>.bak`, then reloaded), and reload now.

use super::{AdminError, ConfigPut, ConfigReport, ConfigText, ConfigView, ConfigWritten, Reloaded, Service};
use crate::config::{self, ConfigSource};

/// YAML keys whose scalar values are always shown as `***`, whatever they hold.
const SENSITIVE_KEYS: &[&str] =
    &["key", "api_key", "access_key", "token", "secret", "client_secret", "password", "cookie", "session_token"];

impl Service {
    pub fn config_get(&self) -> Result<ConfigView, AdminError> {
        let config = self.config()?;
        let source = config.source.to_string();
        let text = match &self.config_path {
            Some(p) if p.exists() => std::fs::read_to_string(p)?,
            _ => config::EMBEDDED_DEFAULT.to_string(),
        };
        let mut secrets: Vec<String> = config
            .providers
            .iter()
            .flat_map(|p| p.keys.iter().map(|k| k.secret.expose().clone()))
            .chain(config.server.access_key.iter().map(|k| k.expose().clone()))
            .filter(|s| s.len() >= 4)
            .collect();
        // Longest first, so a secret that contains another is replaced whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Ok(ConfigView { source, path: self.config_path.clone(), text: redact(&text, &secrets) })
    }

    /// Check `text` (default: the config file on disk) without changing anything.
    pub fn config_check(&self, a: ConfigText) -> Result<ConfigReport, AdminError> {
        let (text, source) = match a.text {
            Some(t) => (t, self.config_path.clone().map_or(ConfigSource::Embedded, ConfigSource::File)),
            None => match &self.config_path {
                Some(p) => (
                    std::fs::read_to_string(p).map_err(|e| AdminError::not_found(format!("'{}': {e}", p.display())))?,
                    ConfigSource::File(p.clone()),
                ),
                None => (config::EMBEDDED_DEFAULT.to_string(), ConfigSource::Embedded),
            },
        };
        Ok(match config::load_str(&text, source.clone(), &|n| std::env::var(n).ok()) {
            Ok(c) => ConfigReport {
                ok: true,
                source: source.to_string(),
                problems: Vec::new(),
                warnings: c.warnings.clone(),
                providers: c.providers.len(),
            },
            Err(e) => {
                ConfigReport { ok: false, source: source.to_string(), problems: e.problems, ..ConfigReport::default() }
            }
        })
    }

    /// Replace the config file: validate, keep a backup, write atomically, reload.
    pub async fn config_put(&self, a: ConfigPut) -> Result<ConfigWritten, AdminError> {
        let path = self.config_path.clone().ok_or_else(|| {
            AdminError::unavailable(
                "serving the embedded default: there is no config file to write (start with --config)",
            )
        })?;
        let (reloaded, backup) = self.write_config(&path, &a.text, true).await?;
        Ok(ConfigWritten { path, backup, reloaded })
    }

    /// Reload the config file now, as a file change or SIGHUP would.
    pub async fn config_reload(&self) -> Result<Reloaded, AdminError> {
        let h = self.host()?.clone();
        if h.config_path().is_none() {
            return Err(AdminError::unavailable("serving the embedded default; there is no file to reload"));
        }
        match tokio::task::spawn_blocking(move || h.reload().map(|()| h.reload_info())).await {
            Ok(Ok(info)) => Ok(Reloaded { reloaded: true, message: info.message }),
            Ok(Err(e)) => {
                Err(AdminError::conflict(format!("the new config was rejected; the old one keeps serving: {e}")))
            }
            Err(e) => Err(AdminError::internal(format!("the reload task failed: {e}"))),
        }
    }
}

/// Replace every known secret value, and the value of every sensitive-looking key, by `***`.
fn redact(text: &str, secrets: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut line = line.to_string();
        for s in secrets {
            if line.contains(s.as_str()) {
                line = line.replace(s.as_str(), "***");
            }
        }
        out.push_str(&redact_line(&line));
    }
    out
}

/// `  key: sk-…  # comment` → `  key: ***  # comment` (block style; flow items are covered by
/// the known-secret pass). `${ENV}` references are not secrets and stay.
fn redact_line(line: &str) -> String {
    let body = line.trim_start().trim_start_matches("- ");
    let Some((name, value)) = body.split_once(':') else { return line.to_string() };
    let name = name.trim().trim_matches(['"', '\'']);
    let value = value.trim();
    let bare = value.split(" #").next().unwrap_or("").trim();
    if !SENSITIVE_KEYS.contains(&name)
        || bare.is_empty()
        || bare == "***"
        || bare.starts_with("${")
        || bare.starts_with(['{', '[', '|', '>'])
    {
        return line.to_string();
    }
    line.replacen(bare, "***", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_known_secrets_and_sensitive_keys() {
        let text = "server:\n  access_key: \"abcd-secret\"\nproviders:\n  a:\n    keys:\n      - key: sk-one  # main\n      - {key: sk-two, label: b}\n      - key: ${ENV_KEY}\n    token: t0k3n\n";
        let out = redact(text, &["sk-two".to_string()]);
        assert!(
            !out.contains("abcd-secret")
                && !out.contains("sk-one")
                && !out.contains("sk-two")
                && !out.contains("t0k3n"),
            "{out}"
        );
        assert!(
            out.contains("- key: ***  # main") && out.contains("${ENV_KEY}") && out.contains("{key: ***, label: b}"),
            "{out}"
        );
    }
}
