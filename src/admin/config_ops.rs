//! `config.*`: show the config with secrets as `***` (or in clear, when asked), check a text,
//! replace the file (validated, written atomically, the old one kept as `<name>.bak`, then
//! reloaded), and reload now. A text put back with the `***` it was shown with keeps the secrets
//! of the file it replaces, line for line, so a get → put round trip changes no byte.

use super::{AdminError, ConfigPut, ConfigReport, ConfigText, ConfigView, ConfigWritten, Reloaded, Service};
use crate::config::{self, ConfigSource};
use serde::{Deserialize, Serialize};

/// YAML keys whose scalar values are always shown as `***`, whatever they hold.
const SENSITIVE_KEYS: &[&str] =
    &["key", "api_key", "access_key", "token", "secret", "client_secret", "password", "cookie", "session_token"];

/// `config.get`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConfigGet {
    /// Show secrets in clear (the HTTP API allows it to a super-admin only).
    pub reveal: bool,
}

impl Service {
    pub fn config_get(&self) -> Result<ConfigView, AdminError> {
        self.config_get_with(ConfigGet::default())
    }

    pub fn config_get_with(&self, a: ConfigGet) -> Result<ConfigView, AdminError> {
        let config = self.config()?;
        let source = config.source.to_string();
        let text = self.config_text()?;
        if a.reveal {
            return Ok(ConfigView { source, path: self.config_path.clone(), text });
        }
        Ok(ConfigView { source, path: self.config_path.clone(), text: redact(&text, &self.known_secrets()?) })
    }

    /// The config as a JSON tree, for forms: the file parsed, every secret value (and the value
    /// of every sensitive-looking key) replaced by `***`.
    pub fn config_settings(&self) -> Result<serde_json::Value, AdminError> {
        let tree = crate::config::yaml::parse(&self.config_text()?)
            .map_err(|e| AdminError::internal(format!("the config file does not parse: {e}")))?;
        let mut v = serde_json::to_value(&tree)
            .map_err(|e| AdminError::internal(format!("the config has no JSON form: {e}")))?;
        redact_tree(&mut v, &self.known_secrets()?);
        Ok(v)
    }

    /// The config file's text (the embedded default when there is no file).
    fn config_text(&self) -> Result<String, AdminError> {
        Ok(match &self.config_path {
            Some(p) if p.exists() => std::fs::read_to_string(p)?,
            _ => config::EMBEDDED_DEFAULT.to_string(),
        })
    }

    /// Every secret value of the config in force, longest first.
    fn known_secrets(&self) -> Result<Vec<String>, AdminError> {
        let config = self.config()?;
        let mut secrets: Vec<String> =
            config.secrets().iter().map(|s| s.expose().clone()).filter(|s| s.len() >= 4).collect();
        // Longest first, so a secret that contains another is replaced whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Ok(secrets)
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
        let _one_writer = super::keys_ops::config_write_lock().lock().await;
        let text = if a.text.contains("***") { self.unredact(&a.text)? } else { a.text };
        if let Some(n) = masked_line(&text) {
            // A `***` that no longer reads like the line `config.get` showed (re-quoted, moved)
            // cannot be matched to its secret: writing it would replace the secret with `***`.
            return Err(AdminError::invalid(
                Some("text"),
                format!(
                    "line {n}: a secret shown as *** was changed on its line, so it cannot be restored; \
                     keep the line exactly as shown or write the whole value"
                ),
            ));
        }
        let (reloaded, backup) = self.write_config(&path, &text, true).await?;
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

impl Service {
    /// Lines of `text` that hold `***` and read exactly like a line of the current file as
    /// `config.get` shows it get that file line back (in order, for repeated lines).
    fn unredact(&self, text: &str) -> Result<String, AdminError> {
        let current = self.config_text()?;
        let shown = redact(&current, &self.known_secrets()?);
        let mut originals: std::collections::HashMap<&str, std::collections::VecDeque<&str>> =
            std::collections::HashMap::new();
        for (s, o) in shown.split_inclusive('\n').zip(current.split_inclusive('\n')) {
            if s != o {
                originals.entry(s.trim_end_matches(['\r', '\n'])).or_default().push_back(o);
            }
        }
        let mut out = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            let bare = line.trim_end_matches(['\r', '\n']);
            match originals.get_mut(bare).and_then(|q| q.pop_front()) {
                Some(o) if line.contains("***") => {
                    out.push_str(o.trim_end_matches(['\r', '\n']));
                    out.push_str(&line[bare.len()..]);
                }
                _ => out.push_str(line),
            }
        }
        Ok(out)
    }
}

/// `redact` for a parsed tree.
fn redact_tree(v: &mut serde_json::Value, secrets: &[String]) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                let plain = x.as_str().is_some_and(|s| !s.is_empty() && !s.starts_with("${")) || x.is_number();
                if SENSITIVE_KEYS.contains(&k.as_str()) && plain {
                    *x = Value::String("***".into());
                } else {
                    redact_tree(x, secrets);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| redact_tree(x, secrets)),
        Value::String(s) if secrets.iter().any(|k| s.contains(k.as_str())) => *s = "***".into(),
        _ => {}
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
/// The first line (1-based) whose sensitive key still holds a masked `***` value.
fn masked_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let body = line.trim_start().trim_start_matches("- ").trim_start_matches('{');
            body.split(',').any(|field| {
                field.split_once(':').is_some_and(|(name, value)| {
                    let name = name.trim().trim_matches(['"', '\'']);
                    let bare = value.split(" #").next().unwrap_or("").trim().trim_end_matches('}').trim();
                    SENSITIVE_KEYS.contains(&name) && bare.trim_matches(['"', '\'']) == "***"
                })
            })
        })
        .map(|i| i + 1)
}

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
    fn a_masked_secret_left_in_the_text_is_found() {
        assert_eq!(masked_line("a: 1\nserver:\n  access_key: \"***\"\n"), Some(3));
        assert_eq!(masked_line("    keys:\n      - {key: ***, label: b}\n"), Some(2));
        assert_eq!(masked_line("      - key: '***'  # main\n"), Some(1));
        assert_eq!(masked_line("server:\n  access_key: \"real\"\n  note: \"***\"\n"), None);
    }

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
