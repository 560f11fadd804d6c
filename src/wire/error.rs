//! Upstream error bodies, in every shape they come in: OpenAI `{"error":{message,type,code}}`,
//! Anthropic `{"type":"error","error":{type,message}}`, `{"error":"text"}`, `{"detail":…}`,
//! `{"message":…}` or plain text, whole or as a stream event. The one parser: the upstream outcome
//! classifier (`providers::outcome`) and the stream translators both read errors through it.

use crate::dialect::Dialect;
use serde_json::Value;

/// Longest error text kept from a body that is not JSON.
const MAX_PLAIN_ERROR_CHARS: usize = 500;

/// (message, type, code) of an upstream error, from whichever shape it came in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorInfo {
    pub message: String,
    /// The upstream's own error `type` (`rate_limit_error`, `overloaded_error`…), never `"error"`.
    pub upstream_type: Option<String>,
    /// The upstream's own `code`, when not null.
    pub code: Option<Value>,
}

impl ErrorInfo {
    /// Parse an error body: any of the JSON shapes upstreams use, else its text (trimmed, capped).
    pub fn parse(body: &[u8]) -> ErrorInfo {
        let text = || {
            let s = String::from_utf8_lossy(body);
            let s = s.trim();
            if s.is_empty() {
                "the upstream returned an empty error body".to_string()
            } else {
                s.chars().take(MAX_PLAIN_ERROR_CHARS).collect()
            }
        };
        match serde_json::from_slice::<Value>(body) {
            Ok(v) => {
                let (message, upstream_type, code) = parts(&v);
                ErrorInfo { message: message.unwrap_or_else(text), upstream_type, code }
            }
            Err(_) => ErrorInfo { message: text(), upstream_type: None, code: None },
        }
    }

    /// From an error value: a whole body (`{"error": {...}}`, `{"detail": ...}`, Anthropic's
    /// `{"type": "error", "error": {...}}`) or the inner error object itself.
    pub fn from_value(v: &Value) -> ErrorInfo {
        let (message, upstream_type, code) = parts(v);
        ErrorInfo { message: message.unwrap_or_else(|| v.to_string()), upstream_type, code }
    }

    /// The error carried by a stream event, if it is one: OpenAI streams put a top-level `error`
    /// in a data line (the word alone can appear in ordinary content), Anthropic streams send an
    /// `error` event.
    pub fn from_stream_event(dialect: Dialect, event: Option<&str>, data: &str) -> Option<ErrorInfo> {
        match dialect {
            Dialect::OpenAi => {
                memchr::memmem::find(data.as_bytes(), b"\"error\"")?;
                let v: Value = serde_json::from_str(data).ok()?;
                v.get("error").map(ErrorInfo::from_value)
            }
            Dialect::Anthropic => {
                if event != Some("error") {
                    return None;
                }
                Some(ErrorInfo::parse(data.as_bytes()))
            }
            // Gemini streams carry an error as a chunk with a top-level `error`.
            Dialect::Gemini => {
                memchr::memmem::find(data.as_bytes(), b"\"error\"")?;
                let v: Value = serde_json::from_str(data).ok()?;
                v.get("error").map(ErrorInfo::from_value)
            }
            // Responses streams end in an `error` event or a `response.failed` one.
            Dialect::Responses => {
                let v: Value = serde_json::from_str(data).ok()?;
                let kind = v.get("type").and_then(Value::as_str).or(event)?;
                match kind {
                    "error" => Some(ErrorInfo::from_value(&v)),
                    "response.failed" => {
                        let err = v.get("response").and_then(|r| r.get("error")).filter(|e| !e.is_null())?;
                        Some(ErrorInfo::from_value(err))
                    }
                    _ => None,
                }
            }
        }
    }
}

fn parts(v: &Value) -> (Option<String>, Option<String>, Option<Value>) {
    let err = v.get("error").unwrap_or(v);
    let message = match err {
        Value::String(s) => Some(s.clone()),
        _ => err
            .get("message")
            .or_else(|| err.get("detail"))
            .or_else(|| v.get("message"))
            .or_else(|| v.get("detail"))
            .map(|m| m.as_str().map(String::from).unwrap_or_else(|| m.to_string())),
    };
    let utype = err.get("type").and_then(Value::as_str).filter(|t| *t != "error").map(String::from);
    let code = err.get("code").filter(|c| !c.is_null()).cloned();
    (message, utype, code)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn error_bodies_in_every_shape() {
        #[rustfmt::skip]
        let table: [(&str, &str, Option<&str>, Option<Value>); 7] = [
            (r#"{"error":{"message":"m","type":"t","code":"c"}}"#, "m", Some("t"), Some(json!("c"))),
            (r#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#, "busy", Some("overloaded_error"), None),
            (r#"{"error":"plain string"}"#, "plain string", None, None),
            (r#"{"detail":"fastapi style"}"#, "fastapi style", None, None),
            (r#"{"message":"top level","code":429}"#, "top level", None, Some(json!(429))),
            ("  upstream exploded  ", "upstream exploded", None, None),
            ("", "the upstream returned an empty error body", None, None),
        ];
        for (body, message, utype, code) in table {
            let i = ErrorInfo::parse(body.as_bytes());
            assert_eq!((i.message.as_str(), i.upstream_type.as_deref(), i.code), (message, utype, code), "{body}");
        }
    }

    #[test]
    fn stream_events_carry_errors_in_each_dialect() {
        let oa = ErrorInfo::from_stream_event(
            Dialect::OpenAi,
            None,
            r#"{"error":{"message":"quota","type":"insufficient_quota"}}"#,
        )
        .unwrap();
        assert_eq!((oa.message.as_str(), oa.upstream_type.as_deref()), ("quota", Some("insufficient_quota")));
        // The word inside ordinary content is not an error.
        let content = r#"{"choices":[{"delta":{"content":"an \"error\" word"}}]}"#;
        assert_eq!(ErrorInfo::from_stream_event(Dialect::OpenAi, None, content), None);
        let an = ErrorInfo::from_stream_event(
            Dialect::Anthropic,
            Some("error"),
            r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
        )
        .unwrap();
        assert_eq!((an.message.as_str(), an.upstream_type.as_deref()), ("Overloaded", Some("overloaded_error")));
        assert_eq!(ErrorInfo::from_stream_event(Dialect::Anthropic, Some("ping"), "{}"), None);
    }
}
