//! Stage 1, decode: the client's body is parsed once into its top-level raw fields
//! (`body::JsonObject`), and `model`, `messages`, `stream` and `stream_options` are checked. The IR
//! is decoded lazily, only when a candidate needs translation, then shared. Also what routing reads
//! from the body: the conversation's text (complexity routing) and its sticky-key hash.

use super::Inbound;
use crate::body::JsonObject;
use crate::error::RelayError;
use serde::Deserialize;
use std::hash::{Hash, Hasher};

/// What the client asked for, read from the body once.
pub(super) struct Request {
    /// The IR, decoded on first need (only cross-dialect candidates need it), then shared.
    ir: std::sync::OnceLock<Result<crate::ir::Request, RelayError>>,
    pub(super) body: JsonObject,
    pub(super) model: String,
    pub(super) stream: bool,
    /// OpenAI clients: whether they asked for the usage chunk themselves.
    pub(super) client_wants_usage: bool,
}

pub(super) fn decode(inbound: &Inbound) -> Result<Request, RelayError> {
    let body = JsonObject::parse(&inbound.body).map_err(RelayError::bad_request)?;
    fn field_err(f: &'static str) -> impl Fn(String) -> RelayError {
        move |e| RelayError::invalid_field(f, e)
    }
    let model: String = body
        .field::<String>("model")
        .map_err(field_err("model"))?
        .ok_or_else(|| RelayError::invalid_field("model", "is required"))?;
    if model.trim().is_empty() {
        return Err(RelayError::invalid_field("model", "must be a non-empty string"));
    }
    if inbound.dialect == crate::dialect::Dialect::Gemini {
        match body.get("contents") {
            None => return Err(RelayError::invalid_field("contents", "is required")),
            Some(raw) if !raw.get().trim_start().starts_with('[') => {
                return Err(RelayError::invalid_field("contents", "must be an array of contents"));
            }
            Some(_) => {}
        }
    } else if inbound.endpoint.is_conversation() && inbound.dialect != crate::dialect::Dialect::Responses {
        match body.get("messages") {
            None => return Err(RelayError::invalid_field("messages", "is required")),
            Some(raw) if !raw.get().trim_start().starts_with('[') => {
                return Err(RelayError::invalid_field("messages", "must be an array of messages"));
            }
            Some(raw) => match inbound.dialect {
                crate::dialect::Dialect::OpenAi => validate_openai_messages(raw.get())?,
                crate::dialect::Dialect::Anthropic => validate_anthropic_messages(raw.get())?,
                // Responses requests carry `input`, Gemini ones `contents`, checked above or by
                // their decoders.
                crate::dialect::Dialect::Responses | crate::dialect::Dialect::Gemini => {}
            },
        }
    }
    let stream = body.field::<bool>("stream").map_err(field_err("stream"))?.unwrap_or(false);
    #[derive(Deserialize)]
    struct StreamOptions {
        include_usage: Option<bool>,
    }
    let opts = body.field::<StreamOptions>("stream_options").map_err(field_err("stream_options"))?;
    let client_wants_usage = opts.and_then(|o| o.include_usage).unwrap_or(false);
    Ok(Request { ir: std::sync::OnceLock::new(), body, model, stream, client_wants_usage })
}

/// One message's shape, checked before any upstream sees it: an object with a string `role`.
#[derive(Deserialize)]
struct MessageShape {
    role: Option<serde_json::Value>,
    content: Option<serde::de::IgnoredAny>,
}

/// Each message as a raw value, so that the one at fault can be named.
fn messages_of(raw: &str) -> Result<Vec<&serde_json::value::RawValue>, RelayError> {
    serde_json::from_str(raw).map_err(|e| RelayError::invalid_field("messages", format!("must be an array: {e}")))
}

fn message_shape(i: usize, m: &serde_json::value::RawValue) -> Result<MessageShape, RelayError> {
    let field = format!("messages[{i}]");
    if !m.get().trim_start().starts_with('{') {
        return Err(RelayError::invalid_field(&field, "must be an object with a 'role'"));
    }
    let shape: MessageShape =
        serde_json::from_str(m.get()).map_err(|e| RelayError::invalid_field(&field, e.to_string()))?;
    match &shape.role {
        Some(serde_json::Value::String(_)) => Ok(shape),
        Some(_) => Err(RelayError::invalid_field(&format!("{field}.role"), "must be a string")),
        None => Err(RelayError::invalid_field(&format!("{field}.role"), "is required")),
    }
}

/// OpenAI chat messages: objects with a string `role`.
fn validate_openai_messages(raw: &str) -> Result<(), RelayError> {
    if shapes_hold(raw, false) {
        return Ok(());
    }
    for (i, m) in messages_of(raw)?.into_iter().enumerate() {
        message_shape(i, m)?;
    }
    Ok(())
}

/// Anthropic messages: objects with a string `role` and a `content`.
fn validate_anthropic_messages(raw: &str) -> Result<(), RelayError> {
    if shapes_hold(raw, true) {
        return Ok(());
    }
    for (i, m) in messages_of(raw)?.into_iter().enumerate() {
        if message_shape(i, m)?.content.is_none() {
            return Err(RelayError::invalid_field(&format!("messages[{i}].content"), "is required"));
        }
    }
    Ok(())
}

/// The common case in one pass, building nothing: every message is an object whose `role` is a
/// string (and, with `content`, whose `content` is present and not null). `false` for anything
/// else, which the per-message check then names precisely.
fn shapes_hold(raw: &str, content: bool) -> bool {
    use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    struct Messages {
        content: bool,
    }
    struct Message {
        content: bool,
    }
    /// A message key: `role`, `content` or another, compared where it lies.
    struct Key;
    /// A `role` value: a string and nothing else.
    struct Role;

    impl<'de> Visitor<'de> for Messages {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array of messages")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Message { content: self.content })?.is_some() {}
            Ok(())
        }
    }
    impl<'de> DeserializeSeed<'de> for Message {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Message {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a message object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let (mut role, mut content) = (false, false);
            while let Some(k) = map.next_key_seed(Key)? {
                match k {
                    Some(true) if !role => role = map.next_value_seed(Role).map(|()| true)?,
                    Some(false) if !content => content = map.next_value::<Option<IgnoredAny>>()?.is_some(),
                    // A key given twice: the per-message check says so.
                    Some(_) => return Err(A::Error::custom("duplicate key")),
                    None => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            if role && (content || !self.content) { Ok(()) } else { Err(A::Error::custom("incomplete message")) }
        }
    }
    impl<'de> DeserializeSeed<'de> for Key {
        /// `Some(true)`: `role`, `Some(false)`: `content`, `None`: another key.
        type Value = Option<bool>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<bool>, D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for Key {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a key")
        }
        fn visit_str<E: Error>(self, k: &str) -> Result<Option<bool>, E> {
            Ok(match k {
                "role" => Some(true),
                "content" => Some(false),
                _ => None,
            })
        }
    }
    impl<'de> DeserializeSeed<'de> for Role {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for Role {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
    }

    let mut de = serde_json::Deserializer::from_str(raw);
    de.deserialize_seq(Messages { content }).is_ok() && de.end().is_ok()
}

impl Request {
    pub(super) fn ir(&self, inbound: &Inbound) -> Result<&crate::ir::Request, RelayError> {
        self.ir
            .get_or_init(|| crate::translate::decode_request(inbound.dialect, &inbound.body).map_err(translate_error))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A translation failure, as the client should see it.
pub(super) fn translate_error(e: crate::translate::TranslateError) -> RelayError {
    use crate::translate::TranslateError as T;
    match e {
        T::InvalidJson(m) => RelayError::bad_request(format!("request body is not valid JSON: {m}")),
        T::InvalidField { field, message } => RelayError::invalid_field(&field, message),
        T::Unsupported { field, target } => RelayError::invalid_field(
            &field,
            format!(
                "cannot be carried to a provider that speaks the {} API (set translation.drop_unsupported: true to drop such fields)",
                target.as_str()
            ),
        ),
        T::Upstream(m) => RelayError::bad_gateway(m),
    }
}

/// Every text of the conversation, for complexity routing (strings and text parts alike).
pub(super) fn conversation_text(req: &Request) -> String {
    let mut out = String::new();
    let mut push = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(parts) => {
            for p in parts {
                if let Some(t) = p.get("text").and_then(|t| t.as_str()) {
                    out.push_str(t);
                    out.push(' ');
                }
            }
        }
        _ => {}
    };
    if let Ok(Some(system)) = req.body.field::<serde_json::Value>("system") {
        push(&system);
    }
    if let Ok(Some(messages)) = req.body.field::<Vec<serde_json::Value>>("messages") {
        for m in &messages {
            if let Some(c) = m.get("content") {
                push(c);
            }
        }
    }
    // Gemini: `systemInstruction`, then `contents`, each with `parts`.
    if let Ok(Some(si)) = req.body.field::<serde_json::Value>("systemInstruction") {
        if let Some(parts) = si.get("parts") {
            push(parts);
        }
    }
    if let Ok(Some(contents)) = req.body.field::<Vec<serde_json::Value>>("contents") {
        for c in &contents {
            if let Some(parts) = c.get("parts") {
                push(parts);
            }
        }
    }
    // Responses: `instructions`, then `input` (a string or items with `content`).
    if let Ok(Some(instructions)) = req.body.field::<serde_json::Value>("instructions") {
        push(&instructions);
    }
    match req.body.field::<serde_json::Value>("input") {
        Ok(Some(serde_json::Value::Array(items))) => {
            for item in &items {
                if let Some(c) = item.get("content") {
                    push(c);
                }
            }
        }
        Ok(Some(input)) => push(&input),
        _ => {}
    }
    out
}

/// Hash of caller + system prompt + first user message: one conversation, one key (sticky).
pub(super) fn conversation_hash(req: &Request, caller: u64) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    caller.hash(&mut h);
    if let Some(s) =
        req.body.get("system").or_else(|| req.body.get("instructions")).or_else(|| req.body.get("systemInstruction"))
    {
        s.get().hash(&mut h);
    }
    if let Ok(Some(contents)) = req.body.field::<Vec<serde_json::Value>>("contents") {
        contents.first().map(|c| c.to_string()).hash(&mut h);
    }
    if let Ok(Some(input)) = req.body.field::<serde_json::Value>("input") {
        let first = match &input {
            serde_json::Value::Array(items) => items.first().cloned(),
            other => Some(other.clone()),
        };
        first.map(|f| f.to_string()).hash(&mut h);
    }
    if let Ok(Some(messages)) = req.body.field::<Vec<serde_json::Value>>("messages") {
        let role = |m: &serde_json::Value, r: &str| m.get("role").and_then(|x| x.as_str()) == Some(r);
        if let Some(sys) = messages.iter().find(|m| role(m, "system") || role(m, "developer")) {
            sys.get("content").map(|c| c.to_string()).hash(&mut h);
        }
        if let Some(first) = messages.iter().find(|m| role(m, "user")) {
            first.get("content").map(|c| c.to_string()).hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass check passes exactly what the per-message check passes.
    #[test]
    fn the_one_pass_message_check_agrees_with_the_per_message_one() {
        let cases = [
            r#"[{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"text","text":"x"}]}]"#,
            r#"[{"role":"user"}]"#,
            r#"[{"role":"user","content":null}]"#,
            r#"[{"role":null,"content":"x"}]"#,
            r#"[{"role":5,"content":"x"}]"#,
            r#"[{"content":"x"}]"#,
            r#"[{"role":"user","role":"user","content":"x"}]"#,
            r#"[{"role":"user","content":"x","content":"y"}]"#,
            r#"[{"r\u006fle":"user","content":"x"}]"#,
            r#"["user"]"#,
            r#"[["user","x"]]"#,
            r#"[]"#,
            r#"[{"role":"user","content":"x"},]"#,
            r#"[{"role":"user","name":{"deep":[[[]]]},"content":"x"}]"#,
        ];
        for raw in cases {
            for anthropic in [false, true] {
                let full = if anthropic {
                    messages_of(raw).and_then(|ms| {
                        ms.into_iter().enumerate().try_for_each(|(i, m)| match message_shape(i, m)?.content {
                            Some(_) => Ok(()),
                            None => Err(RelayError::invalid_field("content", "is required")),
                        })
                    })
                } else {
                    messages_of(raw)
                        .and_then(|ms| ms.into_iter().enumerate().try_for_each(|(i, m)| message_shape(i, m).map(drop)))
                };
                assert_eq!(shapes_hold(raw, anthropic), full.is_ok(), "{raw} (anthropic: {anthropic})");
            }
        }
    }
}
