//! The request body as an ordered list of top-level fields whose values stay raw JSON text, so a
//! passthrough request keeps every field it did not touch byte for byte, and only `model` (and what
//! routing changes) is rewritten. `top_level_span` finds a field's value in the client's bytes,
//! so a passthrough body can be patched where it lies instead of serialised again. `from_json`
//! reads JSON bytes with one UTF-8 check for the whole body.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// `serde_json::from_slice` with the same result, cheaper: the slice reader checks UTF-8 once per
/// string (every key and value: a sixth of a small body's parse), while one check of the whole
/// body lets the `&str` reader, which checks nothing more, do the parse. A body that is not UTF-8
/// goes to `from_slice`, so its error is serde_json's own.
pub fn from_json<'a, T: Deserialize<'a>>(body: &'a [u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
}

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
        from_json::<JsonObject>(body).map_err(|e| format!("request body is not valid JSON: {e}"))
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

/// Where the value of the top-level field `key` lies in `body`, a JSON object `JsonObject::parse`
/// accepted. `Err(())` when the bytes cannot be patched safely (the key occurs twice, a key is
/// written with escapes, or the object ends unexpectedly); `Ok(None)` when the field is absent.
#[allow(clippy::result_unit_err, reason = "the only answer is: serialise instead")]
pub fn top_level_span(body: &[u8], key: &str) -> Result<Option<std::ops::Range<usize>>, ()> {
    let ws = |mut i: usize| {
        while body.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    // The end of the string that opens at `i` (past its closing quote).
    let string_end = |mut i: usize| -> Result<usize, ()> {
        i += 1;
        loop {
            let off = memchr::memchr2(b'"', b'\\', body.get(i..).ok_or(())?).ok_or(())?;
            i += off;
            if body[i] == b'\\' {
                i += 2;
            } else {
                return Ok(i + 1);
            }
        }
    };
    let value_end = |mut i: usize| -> Result<usize, ()> {
        match *body.get(i).ok_or(())? {
            b'"' => string_end(i),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match *body.get(i).ok_or(())? {
                        b'"' => i = string_end(i)?,
                        b'{' | b'[' => {
                            depth += 1;
                            i += 1;
                        }
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            i += 1;
                            if depth == 0 {
                                return Ok(i);
                            }
                        }
                        _ => i += 1,
                    }
                }
            }
            _ => {
                while body.get(i).is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace()) {
                    i += 1;
                }
                Ok(i)
            }
        }
    };
    let mut i = ws(0);
    if body.get(i) != Some(&b'{') {
        return Err(());
    }
    i = ws(i + 1);
    let mut found = None;
    while body.get(i) == Some(&b'"') {
        let k_end = string_end(i)?;
        let k = &body[i + 1..k_end - 1];
        if k.contains(&b'\\') {
            return Err(());
        }
        i = ws(k_end);
        if body.get(i) != Some(&b':') {
            return Err(());
        }
        let v_start = ws(i + 1);
        let v_end = value_end(v_start)?;
        if k == key.as_bytes() {
            if found.is_some() {
                return Err(());
            }
            found = Some(v_start..v_end);
        }
        i = ws(v_end);
        match body.get(i) {
            Some(b',') => i = ws(i + 1),
            Some(b'}') => return Ok(found),
            _ => return Err(()),
        }
    }
    if body.get(i) == Some(&b'}') { Ok(found) } else { Err(()) }
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

    /// `from_json` answers as `serde_json::from_slice` does: the same value, and for bad input
    /// (invalid UTF-8 inside or outside a string, bad escapes, bad syntax) the same error.
    #[test]
    fn from_json_answers_as_from_slice() {
        type V = serde_json::Value;
        let cases: &[&[u8]] = &[
            b"{\"a\":\"b\",\"c\":[1,2.5,{\"d\":null}],\"e\":\"\\u00e9\\n\",\"f\":\"h\xc3\xa9\"}",
            b"  [true, false]  ",
            br#"{"a":"\ud800"}"#,
            br#"{"a":"\x"}"#,
            b"{\"a\":\"\xff\"}",
            b"{\"a\":1}\xff",
            b"\xc3",
            br#"{"a":}"#,
            br#"{"a":1"#,
            b"",
        ];
        for &body in cases {
            let ours = from_json::<V>(body).map_err(|e| e.to_string());
            let theirs = serde_json::from_slice::<V>(body).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(body));
        }
        // Borrowed raw values come back from either reader.
        let raw: std::collections::BTreeMap<&str, &RawValue> = from_json(br#"{"k": [1, "x"] }"#).unwrap();
        assert_eq!(raw["k"].get(), r#"[1, "x"]"#);
    }

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
    fn top_level_spans_skip_nested_and_string_content() {
        let body = br#" { "messages": [{"model": "inner", "x": "a\"model\":"}], "n": 1 , "model" :"gpt-4o", "s": {"model":2} }"#;
        let span = top_level_span(body, "model").unwrap().unwrap();
        assert_eq!(&body[span], br#""gpt-4o""#);
        let span = top_level_span(body, "n").unwrap().unwrap();
        assert_eq!(&body[span], b"1");
        let span = top_level_span(body, "s").unwrap().unwrap();
        assert_eq!(&body[span], br#"{"model":2}"#);
        assert_eq!(top_level_span(body, "stream_options"), Ok(None));
        assert_eq!(top_level_span(br#"{"model":"a","model":"b"}"#, "model"), Err(()));
        assert_eq!(top_level_span(br#"{"mod\u0065l":"a"}"#, "model"), Err(()));
        assert_eq!(top_level_span(br#"{"model":true}"#, "model").unwrap(), Some(9..13));
        assert_eq!(top_level_span(b"{}", "model"), Ok(None));
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
