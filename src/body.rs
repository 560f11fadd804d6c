//! The request body as an ordered list of top-level fields whose values stay raw JSON text, so a
//! passthrough request keeps every field it did not touch byte for byte, and only `model` (and what
//! routing changes) is rewritten.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

#[derive(Debug, Clone)]
pub struct JsonObject {
    fields: Vec<(String, Box<RawValue>)>,
}

impl JsonObject {
    /// Parse a request body; the error says what is wrong and where, for a 400.
    pub fn parse(body: &[u8]) -> Result<JsonObject, String> {
        let trimmed = body.iter().position(|b| !b.is_ascii_whitespace());
        match trimmed.map(|i| body[i]) {
            None => return Err("request body is empty; expected a JSON object".into()),
            Some(b'{') => {}
            Some(_) => {
                return match serde_json::from_slice::<serde_json::Value>(body) {
                    Ok(_) => Err("request body must be a JSON object".into()),
                    Err(e) => Err(format!("request body is not valid JSON: {e}")),
                };
            }
        }
        serde_json::from_slice::<JsonObject>(body).map_err(|e| format!("request body is not valid JSON: {e}"))
    }

    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_ref())
    }

    /// Deserialize one field; `Ok(None)` when absent or null.
    pub fn field<'a, T: Deserialize<'a>>(&'a self, key: &str) -> Result<Option<T>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(raw) if raw.get() == "null" => Ok(None),
            Some(raw) => serde_json::from_str(raw.get()).map(Some).map_err(|e| {
                let msg = e.to_string();
                msg.split(" at line ").next().unwrap_or(&msg).to_string()
            }),
        }
    }

    /// Set a field, keeping its position when it exists.
    pub fn set<T: serde::Serialize>(&mut self, key: &str, value: &T) {
        let Ok(raw) = serde_json::value::to_raw_value(value) else {
            return;
        };
        match self.fields.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = raw,
            None => self.fields.push((key.to_string(), raw)),
        }
    }

    /// Take a field out (`None` when absent).
    pub fn remove(&mut self, key: &str) -> Option<Box<RawValue>> {
        let i = self.fields.iter().position(|(k, _)| k == key)?;
        Some(self.fields.remove(i).1)
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.to_vec_with(&[])
    }

    /// Serialise with some fields replaced (or appended when absent), without copying the object
    /// first: a passthrough request changes only `model` and perhaps `stream_options`.
    pub fn to_vec_with(&self, overrides: &[(&str, &RawValue)]) -> Vec<u8> {
        let len: usize = self.fields.iter().map(|(k, v)| k.len() + v.get().len() + 4).sum::<usize>()
            + overrides.iter().map(|(k, v)| k.len() + v.get().len() + 4).sum::<usize>();
        let mut out = Vec::with_capacity(len + 2);
        out.push(b'{');
        let mut first = true;
        let mut field = |out: &mut Vec<u8>, k: &str, v: &RawValue| {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            // Serializing a &str into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, k);
            out.push(b':');
            out.extend_from_slice(v.get().as_bytes());
        };
        for (k, v) in &self.fields {
            let v = overrides.iter().find(|(o, _)| o == k).map_or(v.as_ref(), |(_, o)| *o);
            field(&mut out, k, v);
        }
        for (k, v) in overrides.iter().filter(|(o, _)| !self.fields.iter().any(|(k, _)| k == o)) {
            field(&mut out, k, v);
        }
        out.push(b'}');
        out
    }
}

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonObject;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObject, A::Error> {
                let mut fields: Vec<(String, Box<RawValue>)> = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    // JSON with duplicate keys: the last one wins, as in every mainstream parser.
                    if let Some(slot) = fields.iter_mut().find(|(x, _)| *x == k) {
                        slot.1 = v;
                    } else {
                        fields.push((k, v));
                    }
                }
                Ok(JsonObject { fields })
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_survive_byte_for_byte() {
        let body = br#"{"model":"a","x_custom":{"b": [1, 2.50, "\u00e9"]},"messages":[]}"#;
        let mut o = JsonObject::parse(body).unwrap();
        o.set("model", &"upstream-model");
        let out = String::from_utf8(o.to_vec()).unwrap();
        assert_eq!(out, r#"{"model":"upstream-model","x_custom":{"b": [1, 2.50, "\u00e9"]},"messages":[]}"#);
    }

    #[test]
    fn overrides_replace_in_place_and_append_when_absent() {
        let o = JsonObject::parse(br#"{"model":"a","x":[1, 2],"stream":true}"#).unwrap();
        let m = serde_json::value::to_raw_value("b").unwrap();
        let so = serde_json::value::to_raw_value(&serde_json::json!({"include_usage": true})).unwrap();
        let out = String::from_utf8(o.to_vec_with(&[("model", &m), ("stream_options", &so)])).unwrap();
        assert_eq!(out, r#"{"model":"b","x":[1, 2],"stream":true,"stream_options":{"include_usage":true}}"#);
    }

    #[test]
    fn errors_are_precise() {
        assert!(JsonObject::parse(b"").unwrap_err().contains("empty"));
        assert!(JsonObject::parse(b"[1]").unwrap_err().contains("must be a JSON object"));
        assert!(JsonObject::parse(b"{\"a\": }").unwrap_err().contains("not valid JSON"));
        let o = JsonObject::parse(br#"{"model": 5}"#).unwrap();
        assert!(o.field::<String>("model").unwrap_err().contains("invalid type: integer"));
    }
}
