//! `keys.import` and `keys.export`. Import reads upstream keys pasted as raw lines (`#`
//! comments, `LABEL=key`), JSON (strings, `{key|api_key, label|name, weight}` objects, or a
//! `label → key` object) or CSV (`key,label[,weight]`), then adds them through `keys.add`.
//! Export writes client settings — OpenAI / Anthropic / Claude Code environment lines,
//! claude-code-router and Cherry Studio JSON (with its `cherrystudio://` link), a Vercel AI SDK
//! snippet, a curl command — always pairing the relay's own URL with a **relay** credential
//! (a user's `mr-…` key or the access key, checked against this server), never an upstream key.

use super::{AdminError, InfoQuery, KeyChange, KeysAdd, NewKey, Service};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// Most keys one import may add.
const IMPORT_MAX_KEYS: usize = 10_000;
/// What an export shows in place of a key when none is given.
pub const KEY_PLACEHOLDER: &str = "<your relay key>";

/// How imported keys are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    #[default]
    Raw,
    Json,
    Csv,
}

/// `keys.import`.
#[derive(Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeysImport {
    /// The provider (in the HTTP API: the path's).
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub format: ImportFormat,
    /// The pasted text.
    pub content: String,
    /// Skip keys the provider already has (default true) instead of refusing the import.
    #[serde(default = "yes")]
    pub skip_existing: bool,
}

fn yes() -> bool {
    true
}

impl std::fmt::Debug for KeysImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeysImport").field("provider", &self.provider).field("format", &self.format).finish()
    }
}

/// The client an export is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    #[default]
    OpenaiEnv,
    AnthropicEnv,
    ClaudeCode,
    ClaudeCodeRouter,
    CherryStudio,
    VercelAiSdk,
    Curl,
}

/// `keys.export`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct KeysExport {
    pub format: ExportFormat,
    /// A relay key of this server (or its access key) to put in the settings; without one a
    /// placeholder is written.
    pub key: Option<String>,
    /// The model to name (default: the first model the relay lists).
    pub model: Option<String>,
    /// The `Host` the client reached the relay at (see `info`).
    pub host: Option<String>,
}

impl std::fmt::Debug for KeysExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeysExport").field("format", &self.format).field("model", &self.model).finish()
    }
}

/// Client settings.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Exported {
    pub format: ExportFormat,
    pub openai_base_url: String,
    pub anthropic_base_url: String,
    pub model: String,
    /// The settings to paste (they contain the key that was given).
    pub text: String,
    /// Cherry Studio: the `cherrystudio://` link that adds the provider.
    pub link: Option<String>,
    /// The user owning the key given (`None`: the access key, or no key).
    pub key_owner: Option<String>,
}

impl std::fmt::Debug for Exported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exported").field("format", &self.format).finish_non_exhaustive()
    }
}

/// Keys read from an import, in order.
pub fn parse_import(format: ImportFormat, content: &str) -> Result<Vec<NewKey>, AdminError> {
    let key = |k: &str, label: Option<&str>, weight: Option<f64>| NewKey {
        key: Secret::new(k.trim().to_string()),
        label: label.map(str::trim).filter(|l| !l.is_empty()).map(String::from),
        weight,
    };
    let mut out = Vec::new();
    match format {
        ImportFormat::Raw => {
            for line in content.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                match line.split_once('=') {
                    // `LABEL=key`; a key may itself hold `=` (base64), so only a plain label counts.
                    Some((l, k))
                        if !l.is_empty()
                            && !k.trim().trim_matches('=').is_empty()
                            && l.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ')) =>
                    {
                        out.push(key(k, Some(l), None))
                    }
                    _ => out.push(key(line, None, None)),
                }
            }
        }
        ImportFormat::Csv => {
            for (i, line) in content.lines().enumerate() {
                let cells: Vec<&str> = line.split(',').map(|c| c.trim().trim_matches('"')).collect();
                let first = cells.first().copied().unwrap_or("");
                if first.is_empty() || first.starts_with('#') || (i == 0 && first.eq_ignore_ascii_case("key")) {
                    continue;
                }
                let weight = match cells.get(2).filter(|w| !w.is_empty()) {
                    Some(w) => Some(w.parse::<f64>().map_err(|_| {
                        AdminError::invalid(
                            Some(&format!("content.line[{}]", i + 1)),
                            format!("weight '{w}' is not a number"),
                        )
                    })?),
                    None => None,
                };
                out.push(key(first, cells.get(1).copied(), weight));
            }
        }
        ImportFormat::Json => {
            let v: serde_json::Value = serde_json::from_str(content)
                .map_err(|e| AdminError::invalid(Some("content"), format!("not JSON: {e}")))?;
            match v {
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let at = || format!("content[{i}]");
                        match item {
                            serde_json::Value::String(s) => out.push(key(s, None, None)),
                            serde_json::Value::Object(o) => {
                                let k = o.get("key").or_else(|| o.get("api_key")).and_then(|v| v.as_str());
                                let k =
                                    k.ok_or_else(|| AdminError::invalid(Some(&at()), "needs 'key' (or 'api_key')"))?;
                                let label = o.get("label").or_else(|| o.get("name")).and_then(|v| v.as_str());
                                let weight = match o.get("weight") {
                                    None | Some(serde_json::Value::Null) => None,
                                    Some(w) => Some(w.as_f64().ok_or_else(|| {
                                        AdminError::invalid(Some(&format!("{}.weight", at())), "not a number")
                                    })?),
                                };
                                out.push(key(k, label, weight));
                            }
                            _ => return Err(AdminError::invalid(Some(&at()), "a key is a string or an object")),
                        }
                    }
                }
                serde_json::Value::Object(o) => {
                    for (label, k) in &o {
                        let k = k.as_str().ok_or_else(|| {
                            AdminError::invalid(Some(&format!("content.{label}")), "a key is a string")
                        })?;
                        out.push(key(k, Some(label), None));
                    }
                }
                _ => {
                    return Err(AdminError::invalid(
                        Some("content"),
                        "expected an array of keys or an object of label → key",
                    ));
                }
            }
        }
    }
    out.retain(|k| !k.key.expose().is_empty());
    if out.is_empty() {
        return Err(AdminError::invalid(Some("content"), "no keys found"));
    }
    if out.len() > IMPORT_MAX_KEYS {
        return Err(AdminError::invalid(Some("content"), format!("at most {IMPORT_MAX_KEYS} keys at once")));
    }
    Ok(out)
}

/// Single-quote `s` for a POSIX shell.
fn sh(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The settings text for `format`.
pub fn render_export(
    format: ExportFormat,
    openai: &str,
    anthropic: &str,
    key: &str,
    model: &str,
) -> (String, Option<String>) {
    use base64::Engine;
    match format {
        ExportFormat::OpenaiEnv => (format!("OPENAI_BASE_URL={openai}\nOPENAI_API_KEY={key}\n"), None),
        ExportFormat::AnthropicEnv => (format!("ANTHROPIC_BASE_URL={anthropic}\nANTHROPIC_API_KEY={key}\n"), None),
        ExportFormat::ClaudeCode => {
            (format!("ANTHROPIC_BASE_URL={anthropic}\nANTHROPIC_AUTH_TOKEN={key}\nANTHROPIC_MODEL={model}\n"), None)
        }
        ExportFormat::ClaudeCodeRouter => {
            let v = serde_json::json!({
                "Providers": [{
                    "name": "monorelay",
                    "api_base_url": format!("{openai}/chat/completions"),
                    "api_key": key,
                    "models": [model],
                }],
                "Router": {"default": format!("monorelay,{model}")},
            });
            (serde_json::to_string_pretty(&v).unwrap_or_default() + "\n", None)
        }
        ExportFormat::CherryStudio => {
            let v = serde_json::json!({
                "id": "monorelay",
                "name": "monorelay",
                "type": "openai",
                "apiKey": key,
                "baseUrl": anthropic,
                "apiHost": anthropic,
                "models": [model],
            });
            let data = base64::engine::general_purpose::STANDARD.encode(v.to_string());
            let link = format!("cherrystudio://providers/api-keys?v=1&data={}", percent(&data));
            (serde_json::to_string_pretty(&v).unwrap_or_default() + "\n", Some(link))
        }
        ExportFormat::VercelAiSdk => (
            format!(
                "import {{ createOpenAI }} from '@ai-sdk/openai';\nimport {{ generateText }} from 'ai';\n\nconst relay = createOpenAI({{ baseURL: {}, apiKey: {} }});\nconst {{ text }} = await generateText({{ model: relay.chat({}), prompt: 'Hello' }});\n",
                js(openai),
                js(key),
                js(model)
            ),
            None,
        ),
        ExportFormat::Curl => {
            let body = serde_json::json!({"model": model, "messages": [{"role": "user", "content": "Hello"}]});
            (
                format!(
                    "curl {} \\\n  -H {} \\\n  -H 'Content-Type: application/json' \\\n  -d {}\n",
                    sh(&format!("{openai}/chat/completions")),
                    sh(&format!("Authorization: Bearer {key}")),
                    sh(&body.to_string())
                ),
                None,
            )
        }
    }
}

fn js(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Service {
    /// Parse an import and add its keys to the provider (`keys.add`).
    pub async fn keys_import(&self, a: KeysImport) -> Result<KeyChange, AdminError> {
        let keys = parse_import(a.format, &a.content)?;
        self.keys_add(KeysAdd { provider: a.provider, keys, skip_existing: a.skip_existing }).await
    }

    /// Client settings for this relay. A key given must be this server's: a user's relay key
    /// (valid now) or the access key — an upstream key is refused, so it cannot leak this way.
    pub fn keys_export(&self, a: KeysExport) -> Result<Exported, AdminError> {
        let info = self.info(InfoQuery { host: a.host.clone() })?;
        let mut key_owner = None;
        let key = match a.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => KEY_PLACEHOLDER.to_string(),
            Some(k) => {
                let is_access =
                    self.host.as_ref().map(|h| h.runtime()).and_then(|rt| rt.access_key.clone()).is_some_and(|ak| {
                        bool::from(subtle::ConstantTimeEq::ct_eq(ak.expose().as_bytes(), k.as_bytes()))
                    });
                if !is_access {
                    let users = self.users()?;
                    let p = users.authenticate_key(k).map_err(|why| {
                        AdminError::invalid(
                            Some("key"),
                            format!("not a usable relay key of this server ({})", why.message()),
                        )
                    })?;
                    key_owner = Some(p.user);
                }
                k.to_string()
            }
        };
        let model = match a.model.map(|m| m.trim().to_string()).filter(|m| !m.is_empty()) {
            Some(m) => m,
            None => self
                .host
                .as_ref()
                .and_then(|h| {
                    let rt = h.runtime();
                    let fetched = h.shared().upstream_models.lock().map(|m| m.clone()).unwrap_or_default();
                    crate::router::listed_models(&rt, &|p| fetched.get(p).cloned()).into_iter().next().map(|m| m.id)
                })
                .unwrap_or_else(|| "gpt-4o-mini".to_string()),
        };
        let (text, link) = render_export(a.format, &info.openai_base_url, &info.anthropic_base_url, &key, &model);
        Ok(Exported {
            format: a.format,
            openai_base_url: info.openai_base_url,
            anthropic_base_url: info.anthropic_base_url,
            model,
            text,
            link,
            key_owner,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(f: ImportFormat, s: &str) -> Vec<(String, Option<String>, Option<f64>)> {
        parse_import(f, s)
            .map(|v| v.into_iter().map(|k| (k.key.expose().clone(), k.label, k.weight)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn import_formats() {
        assert_eq!(
            keys(ImportFormat::Raw, "# c\nsk-a\n\nmain=sk-b\nsk-c==\n"),
            vec![
                ("sk-a".into(), None, None),
                ("sk-b".into(), Some("main".into()), None),
                ("sk-c==".into(), None, None)
            ]
        );
        assert_eq!(
            keys(ImportFormat::Csv, "key,label\nsk-a,one\nsk-b,,2\n"),
            vec![("sk-a".into(), Some("one".into()), None), ("sk-b".into(), None, Some(2.0))]
        );
        assert_eq!(
            keys(ImportFormat::Json, r#"["sk-a", {"api_key": "sk-b", "name": "x", "weight": 3}]"#),
            vec![("sk-a".into(), None, None), ("sk-b".into(), Some("x".into()), Some(3.0))]
        );
        assert_eq!(keys(ImportFormat::Json, r#"{"l": "sk-a"}"#), vec![("sk-a".into(), Some("l".into()), None)]);
        let e = parse_import(ImportFormat::Json, "[1]").err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("content[0]: a key is a string or an object"));
        assert!(parse_import(ImportFormat::Raw, "# only\n").is_err());
    }

    #[test]
    fn exports_pair_the_relay_url_with_the_key() {
        let (t, _) = render_export(ExportFormat::OpenaiEnv, "http://h/v1", "http://h", "mr-x", "m");
        assert_eq!(t, "OPENAI_BASE_URL=http://h/v1\nOPENAI_API_KEY=mr-x\n");
        let (t, link) = render_export(ExportFormat::CherryStudio, "http://h/v1", "http://h", "mr-x", "m");
        assert!(t.contains("\"apiKey\": \"mr-x\""), "{t}");
        assert!(link.is_some_and(|l| l.starts_with("cherrystudio://providers/api-keys?v=1&data=")));
        let (t, _) = render_export(ExportFormat::Curl, "http://h/v1", "http://h", "it's", "m");
        assert!(t.contains(r"'Authorization: Bearer it'\''s'"), "{t}");
    }
}
