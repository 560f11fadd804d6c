//! The one place that knows which YAML crate we use (serde_norway, a maintained serde_yaml
//! successor), so that it can be swapped without touching the rest of the config code.

pub use serde_norway::{Mapping, Value};

/// Parse YAML text into a generic value tree; the error carries line and column.
pub fn parse(text: &str) -> Result<Value, String> {
    if text.trim().is_empty() {
        return Ok(Value::Mapping(Mapping::new()));
    }
    serde_norway::from_str::<Value>(text).map_err(|e| match e.location() {
        Some(loc) => format!("line {}, column {}: {}", loc.line(), loc.column(), strip_location(&e)),
        None => e.to_string(),
    })
}

/// Render a value tree back to YAML text (tests and tools that generate configs).
pub fn to_string(value: &Value) -> Result<String, String> {
    serde_norway::to_string(value).map_err(|e| e.to_string())
}

/// Parse a scalar produced by an environment reference, so that `port: ${PORT}` yields a number.
pub fn parse_scalar(text: &str) -> Value {
    match serde_norway::from_str::<Value>(text) {
        Ok(v @ (Value::Number(_) | Value::Bool(_))) => v,
        _ => Value::String(text.to_string()),
    }
}

fn strip_location(e: &serde_norway::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Render a YAML value as a short string for messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{s}'"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(t) => format!("tagged value {}", t.tag),
    }
}
