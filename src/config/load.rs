//! Loading: a file or text → YAML tree → `${ENV}` references resolved (`env.rs`) → raw serde
//! structs (`raw.rs`, every unknown key and type error collected with its path) → `validate.rs`.
//! Also the embedded default and example configs, and the error that lists every problem.

use super::raw::RawConfig;
use super::types::{Config, ConfigSource};
use super::{env, validate, yaml};
use std::fmt;
use std::path::{Path, PathBuf};

/// The configuration used when no config file exists: one local `mock` provider.
pub const EMBEDDED_DEFAULT: &str = include_str!("default.yml");
/// The fully commented example, printed by `monorelay config example`.
pub const EXAMPLE: &str = include_str!("../../config.yml.example");

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
    let mut config = validate::validate(raw, source.clone(), &mut problems);
    if text.trim().is_empty() {
        config.warnings.push(
            "the document is empty: every setting is its default (a running server refuses to reload an empty file)"
                .into(),
        );
    }
    if config.server.access_key.is_none() && config.server.access_key_enabled {
        config.warnings.push(
            "server.access_key is not set: only a generated key is accepted (a running server refuses to reload into a config that drops its access key)"
                .into(),
        );
    }
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
                let msg = if holds_secret(&path) { without_value(&msg) } else { msg };
                problems.push(if path == "." { msg } else { format!("{path}: {msg}") });
                if !remove_path(&mut value, e.path()) {
                    return None;
                }
            }
        }
    }
    None
}

/// Keys whose values are credentials (`providers.x.keys[0].key`, `server.access_key`, the SSO
/// secrets, and every upstream header, which may carry one).
fn holds_secret(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(last, "key" | "access_key") || last.ends_with("secret") || last.ends_with("secret_key") || {
        let segments: Vec<&str> = path.split('.').collect();
        segments.len() >= 2 && segments[segments.len() - 2] == "headers"
    }
}

/// A serde message without the value it quotes (`invalid type: integer '123', expected a string`
/// → `invalid type, expected a string (the value is not shown)`).
fn without_value(msg: &str) -> String {
    let (kind, expected) = match msg.split_once(", expected ") {
        Some((kind, expected)) => (kind.split(':').next().unwrap_or(kind), Some(expected)),
        None => (msg.split(':').next().unwrap_or(msg), None),
    };
    match expected {
        Some(e) => format!("{kind}, expected {e} (the value is not shown)"),
        None => format!("{kind} (the value is not shown)"),
    }
}

/// Remove the key an error points at. Inside a list, the whole list goes (its other items'
/// indexes must keep naming what the file says).
fn remove_path(value: &mut yaml::Value, path: &serde_path_to_error::Path) -> bool {
    use serde_path_to_error::Segment;
    let mut segs: Vec<&Segment> = path.iter().collect();
    while segs.last().is_some_and(|s| !matches!(s, Segment::Map { .. })) {
        segs.pop();
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_never_quote_a_secret() {
        let yaml = "server: {access_key: [sk-a]}\nproviders:\n  x:\n    base_url: http://h/v1\n    headers: {Authorization: [Bearer sk-b]}\n    keys: [{key: 1234567890123}, {key: {k: sk-c}}]\n";
        let e = load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap_err();
        let shown = e.to_string();
        for secret in ["sk-a", "sk-b", "1234567890123", "sk-c"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(
            shown.contains("providers.x.keys[0].key: invalid type, expected a string (the value is not shown)"),
            "{shown}"
        );
        let e = load_str("server: {port: eighty}\n", ConfigSource::Embedded, &|_| None).unwrap_err();
        assert!(e.to_string().contains("\"eighty\""), "other values are still quoted: {e}");
    }
}
