//! Request-body parameter layers, in the original's order: `model_params` (first match),
//! `payload_transformation` rules (every match), `global_params` (default or override mode),
//! then the provider's `params` and `system_prompt`. They apply to the body that goes upstream,
//! in the upstream's dialect; the request log keeps both what the client sent and the result.
//!
//! Dotted keys (`generationConfig.thinkingBudget`) address nested objects, created as needed; in
//! `default` mode a dotted key counts as present only if the nested value exists (the original
//! tested the dotted string literally, so it always overwrote).

use crate::body::JsonObject;
use crate::config::{ParamLayers, ProviderConfig};
use crate::dialect::Dialect;
use serde_json::{Map, Value, json};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Override,
    IfAbsent,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prompt {
    /// A new system message before everything else.
    InsertFirst,
    /// Remove every system message, then insert this one first.
    ReplaceAll,
    /// Prepend to the first system message (a blank line between), or insert one.
    Prepend,
}

/// Whether any layer could touch a request to this provider (cheap; checked on every request).
pub fn any(layers: &ParamLayers, provider: &ProviderConfig) -> bool {
    !layers.is_empty() || !provider.params.is_empty() || !provider.system_prompt.is_empty()
}

/// Apply every layer that matches `model` to `body`.
pub fn apply(layers: &ParamLayers, provider: &ProviderConfig, model: &str, dialect: Dialect, body: &mut JsonObject) {
    if let Some((_, params, prompt)) = layers.model_params.iter().find(|(g, _, _)| g.matches(model)) {
        set_all(body, params, Mode::Override);
        system_prompt(body, dialect, prompt, Prompt::InsertFirst);
    }
    for rule in layers.payload_rules.iter().filter(|r| r.models.iter().any(|g| g.matches(model))) {
        set_all(body, &rule.inject, Mode::IfAbsent);
        set_all(body, &rule.overrides, Mode::Override);
    }
    if let Some(g) = &layers.global {
        if g.override_mode {
            set_all(body, &g.params, Mode::Override);
            system_prompt(body, dialect, &g.system_prompt, Prompt::ReplaceAll);
        } else {
            set_all(body, &g.params, Mode::IfAbsent);
            system_prompt(body, dialect, &g.system_prompt, Prompt::Prepend);
        }
    }
    set_all(body, &provider.params, Mode::Override);
    system_prompt(body, dialect, &provider.system_prompt, Prompt::InsertFirst);
}

fn set_all(body: &mut JsonObject, params: &Map<String, Value>, mode: Mode) {
    for (key, value) in params {
        set_path(body, key, value, mode);
    }
}

fn set_path(body: &mut JsonObject, key: &str, value: &Value, mode: Mode) {
    let mut parts = key.split('.');
    let Some(top) = parts.next() else { return };
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        if mode == Mode::IfAbsent && body.get(top).is_some() {
            return;
        }
        body.set(top, value);
        return;
    }
    let mut root: Value = body.field::<Value>(top).ok().flatten().unwrap_or_else(|| json!({}));
    set_nested(&mut root, &rest, value, mode);
    body.set(top, &root);
}

fn set_nested(cur: &mut Value, path: &[&str], value: &Value, mode: Mode) {
    if !cur.is_object() {
        *cur = json!({});
    }
    let (Some(obj), Some((first, rest))) = (cur.as_object_mut(), path.split_first()) else { return };
    if rest.is_empty() {
        if !(mode == Mode::IfAbsent && obj.contains_key(*first)) {
            obj.insert((*first).to_string(), value.clone());
        }
        return;
    }
    set_nested(obj.entry((*first).to_string()).or_insert_with(|| json!({})), rest, value, mode);
}

fn system_prompt(body: &mut JsonObject, dialect: Dialect, text: &str, how: Prompt) {
    if text.is_empty() {
        return;
    }
    match dialect {
        Dialect::OpenAi => {
            let mut messages: Vec<Value> = body.field("messages").ok().flatten().unwrap_or_default();
            let is_system = |m: &Value| matches!(m.get("role").and_then(Value::as_str), Some("system" | "developer"));
            match how {
                Prompt::InsertFirst => messages.insert(0, json!({"role": "system", "content": text})),
                Prompt::ReplaceAll => {
                    messages.retain(|m| !is_system(m));
                    messages.insert(0, json!({"role": "system", "content": text}));
                }
                Prompt::Prepend => match messages.iter_mut().find(|m| is_system(m) && m["content"].is_string()) {
                    Some(m) => {
                        let old = m["content"].as_str().unwrap_or_default().to_string();
                        m["content"] = json!(format!("{text}\n\n{old}"));
                    }
                    None => messages.insert(0, json!({"role": "system", "content": text})),
                },
            }
            body.set("messages", &messages);
        }
        Dialect::Responses => {
            // Responses has one `instructions` string.
            let existing: Option<String> = body.field("instructions").ok().flatten();
            let new = match (how, existing) {
                (Prompt::ReplaceAll, _) | (_, None) => text.to_string(),
                (_, Some(s)) if s.is_empty() => text.to_string(),
                (_, Some(s)) => format!("{text}\n\n{s}"),
            };
            body.set("instructions", &new);
        }
        Dialect::Anthropic => {
            // Anthropic has one `system`: a string or a list of text blocks.
            let existing: Option<Value> = body.field("system").ok().flatten();
            let new = match (how, existing) {
                (Prompt::ReplaceAll, _) | (_, None) => json!(text),
                (_, Some(Value::String(s))) if s.is_empty() => json!(text),
                (_, Some(Value::String(s))) => json!(format!("{text}\n\n{s}")),
                (_, Some(Value::Array(mut blocks))) => {
                    blocks.insert(0, json!({"type": "text", "text": text}));
                    Value::Array(blocks)
                }
                (_, Some(other)) => other,
            };
            body.set("system", &new);
        }
        Dialect::Gemini => {
            // Gemini has one `systemInstruction` with text parts.
            let mut parts: Vec<Value> = match how {
                Prompt::ReplaceAll => Vec::new(),
                _ => body
                    .field::<Value>("systemInstruction")
                    .ok()
                    .flatten()
                    .and_then(|si| si.get("parts").and_then(Value::as_array).cloned())
                    .unwrap_or_default(),
            };
            parts.insert(0, json!({"text": text}));
            body.set("systemInstruction", &json!({"parts": parts}));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::{GlobalParams, PayloadRule};
    use crate::glob::Glob;

    fn provider(params: Value, prompt: &str) -> ProviderConfig {
        let yaml = "providers:\n  p:\n    base_url: http://127.0.0.1:1/v1\n    keys: [{key: k}]\n";
        let mut c = crate::config::load_str(yaml, crate::config::ConfigSource::Embedded, &|_| None)
            .unwrap()
            .providers
            .remove(0);
        c.params = params.as_object().cloned().unwrap_or_default();
        c.system_prompt = prompt.into();
        c
    }

    fn run(layers: &ParamLayers, p: &ProviderConfig, dialect: Dialect, body: Value) -> Value {
        let mut o = JsonObject::parse(body.to_string().as_bytes()).unwrap();
        apply(layers, p, "gpt-4o", dialect, &mut o);
        serde_json::from_slice(&o.to_vec()).unwrap()
    }

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn layers_apply_in_order_with_dotted_paths() {
        let layers = ParamLayers {
            model_params: vec![
                (Glob::new("gpt-*"), map(json!({"temperature": 0.1})), "model prompt".into()),
                (Glob::new("*"), map(json!({"temperature": 0.9})), String::new()),
            ],
            payload_rules: vec![PayloadRule {
                models: vec![Glob::new("gpt-4o")],
                inject: map(json!({"top_p": 0.5, "temperature": 2.0, "generationConfig.thinkingBudget": 10})),
                overrides: map(json!({"metadata.source": "monorelay"})),
            }],
            global: Some(GlobalParams {
                override_mode: false,
                params: map(json!({"seed": 7, "metadata.source": "nope"})),
                system_prompt: "global".into(),
            }),
        };
        let p = provider(json!({"max_tokens": 5}), "provider prompt");
        let out = run(
            &layers,
            &p,
            Dialect::OpenAi,
            json!({"model": "gpt-4o", "temperature": 1.0, "metadata": {"a": 1}, "messages": [{"role": "user", "content": "hi"}]}),
        );
        assert_eq!(out["temperature"], 0.1, "model_params override; the later inject does not");
        assert_eq!(out["top_p"], 0.5);
        assert_eq!(out["generationConfig"], json!({"thinkingBudget": 10}));
        assert_eq!(
            out["metadata"],
            json!({"a": 1, "source": "monorelay"}),
            "default mode keeps the existing nested value"
        );
        assert_eq!(out["seed"], 7);
        assert_eq!(out["max_tokens"], 5);
        let roles: Vec<(&str, &str)> = out["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["role"].as_str().unwrap(), m["content"].as_str().unwrap()))
            .collect();
        assert_eq!(roles, [("system", "provider prompt"), ("system", "global\n\nmodel prompt"), ("user", "hi")]);
    }

    #[test]
    fn override_mode_replaces_system_messages_and_anthropic_system_is_one_field() {
        let layers = ParamLayers {
            global: Some(GlobalParams {
                override_mode: true,
                params: map(json!({"temperature": 0})),
                system_prompt: "only me".into(),
            }),
            ..Default::default()
        };
        let p = provider(json!({}), "");
        let out = run(
            &layers,
            &p,
            Dialect::OpenAi,
            json!({"temperature": 1, "messages": [{"role": "system", "content": "a"}, {"role": "user", "content": "hi"}, {"role": "system", "content": "b"}]}),
        );
        assert_eq!(
            out["messages"],
            json!([{"role": "system", "content": "only me"}, {"role": "user", "content": "hi"}])
        );
        assert_eq!(out["temperature"], 0);
        let p = provider(json!({}), "first");
        let out = run(&ParamLayers::default(), &p, Dialect::Anthropic, json!({"system": "be brief", "messages": []}));
        assert_eq!(out["system"], "first\n\nbe brief");
        let out = run(
            &ParamLayers::default(),
            &p,
            Dialect::Anthropic,
            json!({"system": [{"type": "text", "text": "x"}], "messages": []}),
        );
        assert_eq!(out["system"], json!([{"type": "text", "text": "first"}, {"type": "text", "text": "x"}]));
    }
}
