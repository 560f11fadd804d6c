//! Stored bodies: redaction of secrets, assembly of a streamed answer into the final message (as
//! the official SDKs assemble it), local token estimates, and the on-disk encoding (zstd from
//! `COMPRESS_FROM_BYTES`, plain below).
//! All of it runs in the store's writer thread, off the request path.

use crate::dialect::Dialect;
use crate::ir;
use crate::record::{Bodies, Tokens};
use crate::redact::Needles;
use serde::{Deserialize, Serialize};

/// First byte of an encoded bodies value; bump when the layout changes.
const BODIES_FORMAT: u8 = 1;
/// The same layout stored uncompressed: bodies this small gain less from zstd than it costs.
const BODIES_FORMAT_PLAIN: u8 = 2;
/// Bodies shorter than this (all three together, with their small header) are stored
/// uncompressed. zstd halves a record of this size (a short chat: request, upstream request and
/// answer, ~1.2 KiB, to ~0.55 KiB) but costs ~60 k instructions for it, more than everything
/// else the writer does per record; below 2 KiB it would save under 1 KiB a record, about what
/// the record's log entry takes uncompressed anyway. Records written compressed below this size
/// by earlier versions still read (the format byte says which).
pub const COMPRESS_FROM_BYTES: usize = 2048;
/// zstd level 1: the fastest; bodies are repetitive JSON and still shrink several-fold, and the
/// writer shares the machine's cores with the relay.
pub const ZSTD_LEVEL: i32 = 1;
/// Shown instead of a redacted value.
pub const REDACTED: &str = "*****";
/// JSON object keys whose string values are always redacted (compared ignoring ASCII case).
const SENSITIVE_KEYS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "api-key",
    "api_key",
    "apikey",
    "x-access-key",
    "access_key",
    "access_token",
    "refresh_token",
    "client_secret",
    "secret_key",
    "password",
];

/// Whether some `"key":` (with optional spaces before the colon) is one of `SENSITIVE_KEYS`.
/// A key whose length no sensitive key has is ruled out before any comparison.
fn has_sensitive_key(body: &[u8]) -> bool {
    const fn lengths() -> (u32, usize) {
        let (mut mask, mut longest, mut i) = (0u32, 0, 0);
        while i < SENSITIVE_KEYS.len() {
            let n = SENSITIVE_KEYS[i].len();
            mask |= 1 << n;
            if n > longest {
                longest = n;
            }
            i += 1;
        }
        (mask, longest)
    }
    const LENGTHS: (u32, usize) = lengths();
    let (mask, longest) = LENGTHS;
    memchr::memchr_iter(b':', body).any(|colon| {
        let mut end = colon;
        while end > 0 && body[end - 1] == b' ' {
            end -= 1;
        }
        if end == 0 || body[end - 1] != b'"' {
            return false;
        }
        let close = end - 1;
        let start = close.saturating_sub(longest + 1);
        let Some(open) = memchr::memrchr(b'"', &body[start..close]).map(|i| start + i) else { return false };
        let key = &body[open + 1..close];
        mask & (1 << key.len()) != 0 && SENSITIVE_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k.as_bytes()))
    })
}

/// What `response` holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    /// No response body (the request failed before one).
    #[default]
    Empty,
    /// The JSON body the client got.
    Json,
    /// A stream, assembled into the final message in the client's dialect.
    Assembled,
    /// A stream that could not be assembled: the SSE bytes the client got.
    Sse,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredBodies {
    pub request: Vec<u8>,
    pub upstream_request: Option<Vec<u8>>,
    pub response: Vec<u8>,
    pub response_kind: ResponseKind,
    /// A body was longer than `logging.max_body_bytes` and was cut.
    pub truncated: bool,
    /// Something that looked like a secret was replaced by `*****`.
    pub redacted: bool,
}

#[derive(Serialize, Deserialize)]
struct Header {
    request: usize,
    upstream_request: Option<usize>,
    /// The upstream request is the client's, byte for byte (a passthrough that kept the model):
    /// its bytes are stored once, as `request`. Absent in values written before it existed.
    #[serde(default, skip_serializing_if = "is_false")]
    upstream_same: bool,
    response: usize,
    response_kind: ResponseKind,
    truncated: bool,
    redacted: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl StoredBodies {
    pub fn encode(&self) -> std::io::Result<Vec<u8>> {
        self.encode_with(&mut zstd::bulk::Compressor::new(ZSTD_LEVEL)?)
    }

    /// Encode with a reused compressor (the writer keeps one: a fresh zstd context per record
    /// costs more than compressing a small body).
    pub fn encode_with(&self, zstd: &mut zstd::bulk::Compressor<'_>) -> std::io::Result<Vec<u8>> {
        let same = self.upstream_request.as_ref() == Some(&self.request);
        let upstream = self.upstream_request.as_ref().filter(|_| !same);
        let header = serde_json::to_vec(&Header {
            request: self.request.len(),
            upstream_request: upstream.map(Vec::len),
            upstream_same: same,
            response: self.response.len(),
            response_kind: self.response_kind,
            truncated: self.truncated,
            redacted: self.redacted,
        })?;
        let mut plain = Vec::with_capacity(
            4 + header.len() + self.request.len() + self.response.len() + upstream.map_or(0, Vec::len),
        );
        plain.extend_from_slice(&u32::try_from(header.len()).unwrap_or(u32::MAX).to_le_bytes());
        plain.extend_from_slice(&header);
        plain.extend_from_slice(&self.request);
        if let Some(u) = upstream {
            plain.extend_from_slice(u);
        }
        plain.extend_from_slice(&self.response);
        if plain.len() < COMPRESS_FROM_BYTES {
            plain.insert(0, BODIES_FORMAT_PLAIN);
            return Ok(plain);
        }
        let mut out = vec![BODIES_FORMAT];
        out.extend(zstd.compress(&plain)?);
        Ok(out)
    }

    pub fn decode(bytes: &[u8]) -> Result<StoredBodies, String> {
        let (&format, rest) = bytes.split_first().ok_or("empty bodies value")?;
        let plain = match format {
            BODIES_FORMAT => std::borrow::Cow::Owned(
                zstd::stream::decode_all(rest).map_err(|e| format!("cannot decompress the bodies: {e}"))?,
            ),
            BODIES_FORMAT_PLAIN => std::borrow::Cow::Borrowed(rest),
            _ => return Err(format!("bodies stored in format {format}, which this version cannot read")),
        };
        let bad = || "corrupt bodies value".to_string();
        let len = u32::from_le_bytes(plain.get(..4).ok_or_else(bad)?.try_into().map_err(|_| bad())?) as usize;
        let header: Header = serde_json::from_slice(plain.get(4..4 + len).ok_or_else(bad)?).map_err(|_| bad())?;
        let mut at = 4 + len;
        let mut take = |n: usize| -> Result<Vec<u8>, String> {
            let s = plain.get(at..at + n).ok_or_else(bad)?.to_vec();
            at += n;
            Ok(s)
        };
        let request = take(header.request)?;
        let upstream_request = match header.upstream_same {
            true => Some(request.clone()),
            false => header.upstream_request.map(&mut take).transpose()?,
        };
        let response = take(header.response)?;
        Ok(StoredBodies {
            request,
            upstream_request,
            response,
            response_kind: header.response_kind,
            truncated: header.truncated,
            redacted: header.redacted,
        })
    }

    /// The bodies as JSON for the control protocol: each body as JSON when it parses, else as text.
    pub fn to_json(&self) -> serde_json::Value {
        fn show(b: &[u8]) -> serde_json::Value {
            serde_json::from_slice(b).unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(b).into()))
        }
        serde_json::json!({
            "request": show(&self.request),
            "upstream_request": self.upstream_request.as_deref().map(show),
            "response": if self.response.is_empty() { serde_json::Value::Null } else { show(&self.response) },
            "response_kind": self.response_kind,
            "truncated": self.truncated,
            "redacted": self.redacted,
        })
    }
}

/// Replace known secret values and the values of sensitive-looking JSON keys. Returns whether
/// anything changed.
pub fn redact(body: &mut Vec<u8>, secrets: &Needles) -> bool {
    // Raw, JSON-escaped, or cut by the capture cap at the end (`crate::redact`).
    let mut changed = secrets.redact(body);
    // Parsing is the slow part: only when a sensitive key appears at all. One pass over the
    // `":` of the body looks at each object key (a false hit inside a string only costs a parse).
    if has_sensitive_key(body) {
        if let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(body) {
            if redact_value(&mut v) {
                if let Ok(b) = serde_json::to_vec(&v) {
                    *body = b;
                    changed = true;
                }
            }
        }
    }
    changed
}

fn redact_value(v: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    let mut changed = false;
    match v {
        Value::Object(m) => {
            for (k, val) in m.iter_mut() {
                if SENSITIVE_KEYS.iter().any(|s| k.eq_ignore_ascii_case(s)) {
                    if let Value::String(s) = val {
                        if s != REDACTED {
                            *s = REDACTED.into();
                            changed = true;
                        }
                        continue;
                    }
                }
                changed |= redact_value(val);
            }
        }
        Value::Array(a) => {
            for x in a {
                changed |= redact_value(x);
            }
        }
        _ => {}
    }
    changed
}

/// Decode the client-dialect SSE bytes of a stream into the final message.
pub fn assemble_stream(dialect: Dialect, sse: &[u8]) -> Option<ir::Response> {
    if dialect == Dialect::OpenAi
        && let Some(r) = crate::translate::openai::assemble_plain_stream(sse)
    {
        return Some(r);
    }
    assemble_events(dialect, sse)
}

/// The general path: SSE events, the dialect's stream decoder, the IR accumulator.
fn assemble_events(dialect: Dialect, sse: &[u8]) -> Option<ir::Response> {
    let mut sse_decoder = crate::translate::SseDecoder::new();
    let mut events = Vec::new();
    sse_decoder.push(sse, &mut events).ok()?;
    // A capture cut by the size cap ends mid-event; the final blank line flushes what is complete.
    let _ = sse_decoder.push(b"\n\n", &mut events);
    let mut decoder = crate::translate::stream_decoder(dialect);
    let mut acc = ir::ResponseAccumulator::new();
    let mut irs = Vec::new();
    let mut any = false;
    for ev in &events {
        irs.clear();
        if decoder.push(ev, &mut irs).is_err() {
            continue;
        }
        for e in &irs {
            any = true;
            acc.push(e);
        }
    }
    irs.clear();
    let _ = decoder.finish(&mut irs);
    for e in &irs {
        acc.push(e);
    }
    any.then(|| acc.finish())
}

/// What the writer stores for one record, plus the final message (for token estimates).
pub struct Prepared {
    pub bodies: StoredBodies,
    pub response: Option<ir::Response>,
}

/// Assemble (streams), decode (only when `want_message`: for token estimates) and redact one
/// record's bodies.
pub fn prepare(dialect: Dialect, b: Bodies, secrets: &Needles, want_message: bool) -> Prepared {
    let mut truncated = b.truncated;
    let (mut response, kind, ir_response) = if b.response.is_empty() {
        (Vec::new(), ResponseKind::Empty, None)
    } else if b.response_is_stream {
        match assemble_stream(dialect, &b.response) {
            Some(r) => {
                let bytes = crate::translate::encode_response(dialect, &r);
                (bytes, ResponseKind::Assembled, Some(r))
            }
            None => (b.response, ResponseKind::Sse, None),
        }
    } else {
        let r = if want_message { crate::translate::decode_response(dialect, &b.response).ok() } else { None };
        (b.response, ResponseKind::Json, r)
    };
    // An assembled message can be larger than the capture it came from (it is re-encoded).
    if response.len() > b.cap && b.cap > 0 {
        response.truncate(b.cap);
        truncated = true;
    }
    // A passthrough that kept the model sent the client's very bytes: redacted once, and stored
    // once (`Header::upstream_same`).
    let same = b.upstream_request.as_deref() == Some(&b.request[..]);
    let mut request = b.request.to_vec();
    let mut upstream_request = b.upstream_request.filter(|_| !same).map(|u| u.to_vec());
    let mut redacted = redact(&mut request, secrets);
    if let Some(u) = upstream_request.as_mut() {
        redacted |= redact(u, secrets);
    }
    if same {
        upstream_request = Some(request.clone());
    }
    redacted |= redact(&mut response, secrets);
    Prepared {
        bodies: StoredBodies { request, upstream_request, response, response_kind: kind, truncated, redacted },
        response: ir_response,
    }
}

/// Local token estimate for a request the upstream reported no usage for.
pub fn estimate_tokens(dialect: Dialect, request: &[u8], response: Option<&ir::Response>) -> Option<Tokens> {
    let req = crate::translate::decode_request(dialect, request).ok()?;
    let input = crate::tokens::estimate_request(&req);
    let output = response.map_or(0, |r| crate::tokens::estimate_blocks(&r.content));
    Some(Tokens { input, output, cache_read: 0, cache_write: 0 })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_roundtrip() {
        let b = StoredBodies {
            request: b"{\"a\":1}".to_vec(),
            upstream_request: Some(b"up".to_vec()),
            response: vec![b'x'; 10_000],
            response_kind: ResponseKind::Json,
            truncated: true,
            redacted: false,
        };
        let enc = b.encode().unwrap();
        assert!(enc.len() < 200, "compressed: {}", enc.len());
        assert_eq!(StoredBodies::decode(&enc).unwrap(), b);
        assert!(StoredBodies::decode(&[9, 1, 2]).unwrap_err().contains("format 9"));
    }

    /// An upstream request equal to the client's is stored once and read back whole; one that
    /// differs, or none, is stored as before; a value written before the flag existed still reads.
    #[test]
    fn an_upstream_request_equal_to_the_clients_is_stored_once() {
        let request = br#"{"model":"m","messages":[{"role":"user","content":"hello there"}]}"#.to_vec();
        let with = |upstream: Option<&[u8]>| StoredBodies {
            request: request.clone(),
            upstream_request: upstream.map(<[u8]>::to_vec),
            response: b"{}".to_vec(),
            ..StoredBodies::default()
        };
        let (same, other, none) = (with(Some(&request)), with(Some(br#"{"model":"n","messages":[]}"#)), with(None));
        let enc = |b: &StoredBodies| b.encode().unwrap();
        for b in [&same, &other, &none] {
            assert_eq!(&StoredBodies::decode(&enc(b)).unwrap(), b);
        }
        assert!(enc(&same).len() < enc(&none).len() + 24, "{} vs {}", enc(&same).len(), enc(&none).len());
        assert!(enc(&other).len() > enc(&none).len() + 20);
        // The layout of earlier versions (no flag, both requests written out) reads the same.
        let header = br#"{"request":3,"upstream_request":3,"response":2,"response_kind":"json","truncated":false,"redacted":false}"#;
        let mut old = vec![BODIES_FORMAT_PLAIN];
        old.extend_from_slice(&(header.len() as u32).to_le_bytes());
        old.extend_from_slice(header);
        old.extend_from_slice(b"abcabc{}");
        let read = StoredBodies::decode(&old).unwrap();
        assert_eq!(
            (read.request, read.upstream_request, read.response),
            (b"abc".to_vec(), Some(b"abc".to_vec()), b"{}".to_vec())
        );
    }

    /// Preparing a passthrough record (the upstream got the client's bytes) redacts once and
    /// keeps both requests equal, secrets gone from each.
    #[test]
    fn a_passthrough_records_requests_are_redacted_alike() {
        let body = bytes::Bytes::from_static(br#"{"model":"m","api_key":"k","messages":[],"text":"sk-secret-123456"}"#);
        let mut b = Bodies::new(body.clone(), 1 << 20);
        b.set_upstream(&body);
        let p = prepare(Dialect::OpenAi, b, &Needles::new(["sk-secret-123456"]), false);
        let req = String::from_utf8(p.bodies.request.clone()).unwrap();
        assert!(!req.contains("sk-secret") && !req.contains("\"k\"") && p.bodies.redacted, "{req}");
        assert_eq!(p.bodies.upstream_request.as_ref(), Some(&p.bodies.request));
    }

    #[test]
    fn small_bodies_are_stored_plain_and_compressed_ones_from_earlier_versions_read() {
        let b = StoredBodies {
            request: br#"{"model":"m","messages":[{"role":"user","content":"hello there"}]}"#.repeat(8),
            upstream_request: None,
            response: br#"{"id":"x","choices":[{"message":{"content":"hi"}}]}"#.repeat(8),
            response_kind: ResponseKind::Json,
            truncated: false,
            redacted: true,
        };
        let enc = b.encode().unwrap();
        assert_eq!(enc[0], BODIES_FORMAT_PLAIN, "{} bytes: under the threshold", enc.len());
        assert!(enc.len() < COMPRESS_FROM_BYTES);
        assert_eq!(StoredBodies::decode(&enc).unwrap(), b);
        // The same record as a version with a lower threshold wrote it: zstd, format 1.
        let mut old = vec![BODIES_FORMAT];
        old.extend(zstd::bulk::compress(&enc[1..], ZSTD_LEVEL).unwrap());
        assert!(old.len() < enc.len());
        assert_eq!(StoredBodies::decode(&old).unwrap(), b);
        // Past the threshold: compressed.
        let big = StoredBodies { response: b.response.repeat(4), ..b.clone() };
        let enc = big.encode().unwrap();
        assert_eq!(enc[0], BODIES_FORMAT);
        assert_eq!(StoredBodies::decode(&enc).unwrap(), big);
    }

    #[test]
    fn redacts_known_secrets_and_sensitive_keys() {
        let mut body = br#"{"model":"m","api_key":"abc","nested":[{"Authorization":"Bearer x"}],"text":"my key is sk-secret-123456"}"#.to_vec();
        assert!(redact(&mut body, &Needles::new(["sk-secret-123456", "short"])));
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["api_key"], REDACTED);
        assert_eq!(v["nested"][0]["Authorization"], REDACTED);
        assert_eq!(v["text"], "my key is *****");
        let mut clean = br#"{"model":"m","max_tokens":5}"#.to_vec();
        assert!(!redact(&mut clean, &Needles::default()));
        assert_eq!(clean, br#"{"model":"m","max_tokens":5}"#);
    }

    /// Every sensitive key is found, in any case, with spaces before its colon, at the very start
    /// of the body and after long keys; keys that only contain or end like one are not.
    #[test]
    fn sensitive_keys_are_found_by_the_key_alone() {
        for k in SENSITIVE_KEYS {
            for body in [
                format!(r#"{{"{k}":"v"}}"#),
                format!(r#"{{"{}"  :"v"}}"#, k.to_ascii_uppercase()),
                format!(r#"{{"a_very_long_key_before_it":1,"{k}":"v"}}"#),
                format!(r#""{k}":1"#),
            ] {
                assert!(has_sensitive_key(body.as_bytes()), "{body}");
            }
            for body in [format!(r#"{{"x{k}":"v"}}"#), format!(r#"{{"{k}x":"v"}}"#), format!(r#"{{"t":"{k}"}}"#)] {
                assert!(!has_sensitive_key(body.as_bytes()), "{body}");
            }
        }
        for body in [&b""[..], b":", b"\":", b"{\"\":1}", br#"{"a":"b:c","passwor":"d"}"#] {
            assert!(!has_sensitive_key(body), "{}", String::from_utf8_lossy(body));
        }
    }

    /// The plain-text fast path gives the general path's message for every stream it takes, takes
    /// the common shapes, and leaves everything else to the general path.
    #[test]
    fn plain_openai_streams_assemble_as_the_general_path_does() {
        use crate::translate::openai::assemble_plain_stream;
        let ev = |v: serde_json::Value| format!("data: {v}\n\n");
        let text = |id: &str, c: &str| {
            ev(serde_json::json!({"id":id,"object":"chat.completion.chunk","created":7,"model":"m",
                "choices":[{"index":0,"delta":{"content":c},"finish_reason":null}]}))
        };
        let role = ev(serde_json::json!({"id":"c1","object":"chat.completion.chunk","created":7,"model":"m",
            "system_fingerprint":"fp","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}));
        let finish = |fr: &str| {
            ev(serde_json::json!({"id":"c1","object":"chat.completion.chunk","created":7,"model":"m",
                "choices":[{"index":0,"delta":{},"finish_reason":fr}]}))
        };
        let usage = ev(
            serde_json::json!({"id":"c1","object":"chat.completion.chunk","created":7,"model":"m","choices":[],
            "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"prompt_tokens_details":{"cached_tokens":4}}}),
        );
        let finish_with_usage = ev(
            serde_json::json!({"id":"c1","object":"chat.completion.chunk","created":7,"model":"m",
            "choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"length"}],"usage":{"prompt_tokens":3,"completion_tokens":9}}),
        );
        let other_choice = ev(serde_json::json!({"id":"c1","model":"m",
            "choices":[{"index":1,"delta":{"content":"ignored","tool_calls":[{"index":0}]},"finish_reason":"stop"}]}));
        let done = "data: [DONE]\n\n".to_string();
        let taken: Vec<String> = vec![
            // The usual shape: role, text, finish, usage (include_usage), [DONE].
            [
                role.clone(),
                text("c1", "Hel"),
                text("c1", "lo, \"wörld\"\n😀"),
                finish("stop"),
                usage.clone(),
                done.clone(),
            ]
            .concat(),
            // Finish and usage in one chunk; a later usage does not replace it; events after [DONE].
            [text("c1", "a"), finish_with_usage.clone(), usage.clone(), done.clone(), text("c1", "late")].concat(),
            // No usage, no [DONE] (cut): no stop reason reaches the message, as on the general path.
            [text("c1", "x"), finish("stop")].concat(),
            // Text after a finish opens a second block; choices other than the first are ignored.
            [text("c1", "one"), finish("stop"), other_choice.clone(), text("c1", "two"), done.clone()].concat(),
            // Unknown stop reasons, empty texts, blank lines between events, `data:` without a space.
            [
                "\n".into(),
                text("c1", ""),
                "data:".to_string() + &text("c1", "z")[5..],
                finish("weird"),
                "\n".into(),
                done.clone(),
            ]
            .concat(),
            // A capture cut by the size cap mid-event ends on its last complete event.
            [text("c1", "cut"), "data: {\"id\":\"c1\",\"choi".into()].concat(),
            // The last event ends in one line end only.
            [text("c1", "q"), "data: [DONE]\n".into()].concat(),
            // An id the upstream gave, whatever its form.
            [text("resp_9", "r"), done.clone()].concat(),
            // Another `content` key holding the delta's text as serde_json writes it, while the
            // delta's own is escaped otherwise: the template must not take that one.
            [
                r#"data: {"id":"c1","choices":[{"index":0,"delta":{"content":"\u0061"},"logprobs":{"content":"a"},"finish_reason":null}]}"#,
                "\n\n",
                r#"data: {"id":"c1","choices":[{"index":0,"delta":{"content":"\u0061"},"logprobs":{"content":"b"},"finish_reason":null}]}"#,
                "\n\n",
                done.as_str(),
            ]
            .concat(),
            // Texts with escapes and a text that spells the layout around it, after the first.
            [
                text("c1", "a"),
                text("c1", "\\\"\u{1}\t"),
                text("c1", r#""},"finish_reason":"stop"}]}"#),
                text("c1", "b"),
                done.clone(),
            ]
            .concat(),
        ];
        for (i, sse) in taken.iter().enumerate() {
            let general = assemble_events(Dialect::OpenAi, sse.as_bytes());
            let fast = assemble_plain_stream(sse.as_bytes());
            // The cut capture is the one the fast path leaves (its last chunk does not parse).
            if i == 5 {
                assert!(fast.is_none());
                assert_eq!(assemble_stream(Dialect::OpenAi, sse.as_bytes()), general);
                continue;
            }
            assert!(fast.is_some(), "stream {i} should take the fast path: {sse}");
            assert_eq!(fast, general, "stream {i}: {sse}");
        }
        assert_eq!(
            assemble_plain_stream(taken[0].as_bytes()).unwrap().content,
            vec![ir::ContentBlock::text("Hello, \"wörld\"\n😀")]
        );
        let left: Vec<String> = vec![
            [text("c1", "a"), ev(serde_json::json!({"choices":[{"index":0,"delta":{"reasoning_content":"hm"}}]})), done.clone()].concat(),
            [text("c1", "a"), ev(serde_json::json!({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"t","function":{"name":"f","arguments":"{}"}}]}}]})), done.clone()].concat(),
            [text("c1", "a"), ev(serde_json::json!({"choices":[{"index":0,"delta":{"refusal":"no"}}]})), done.clone()].concat(),
            [text("c1", "a"), ev(serde_json::json!({"error":{"message":"boom","type":"server_error"}}))].concat(),
            [": keepalive\n\n".to_string(), text("c1", "a"), done.clone()].concat(),
            [text("c1", "a"), done.clone()].concat().replace("\n", "\r\n"),
            ["\u{feff}".to_string(), text("c1", "a"), done.clone()].concat(),
            [text("c1", "a"), "data: {not json}\n\n".into(), text("c1", "b"), done.clone()].concat(),
            [text("c1", "a"), "event: x\ndata: [DONE]\n\n".into()].concat(),
            [text("c1", "a"), ev(serde_json::json!({"id":"c1","created":"yesterday","choices":[]})), done.clone()].concat(),
            // A chunk laid out as the first text chunk, but with more than a string where the text
            // was: read whole, and not plain text.
            [text("c1", "a"), text("c1", "a").replace(r#""content":"a""#, r#""content":"a","refusal":"b""#), done.clone()].concat(),
            [text("c1", "a"), text("c1", "a").replace(r#""content":"a""#, r#""content":5"#), done.clone()].concat(),
        ];
        for (i, sse) in left.iter().enumerate() {
            assert!(assemble_plain_stream(sse.as_bytes()).is_none(), "stream {i} is not plain text: {sse}");
        }
        // Reasoning still assembles, on the general path.
        let r = assemble_stream(Dialect::OpenAi, left[0].as_bytes()).unwrap();
        assert!(matches!(&r.content[..], [ir::ContentBlock::Text { .. }, ir::ContentBlock::Thinking { .. }]));
    }

    #[test]
    fn assembles_openai_and_anthropic_streams() {
        let chunk = |c: &str| {
            format!(
                "data: {}\n\n",
                serde_json::json!({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",
                    "choices":[{"index":0,"delta":{"content":c},"finish_reason":null}]})
            )
        };
        let sse = format!("{}{}data: [DONE]\n\n", chunk("Hel"), chunk("lo"));
        let r = assemble_stream(Dialect::OpenAi, sse.as_bytes()).unwrap();
        assert_eq!(r.content, vec![ir::ContentBlock::text("Hello")]);
        let a = concat!(
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"c\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":0}}}\n\n",
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n",
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}\n\n",
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        );
        let r = assemble_stream(Dialect::Anthropic, a.as_bytes()).unwrap();
        assert_eq!(r.content, vec![ir::ContentBlock::text("Hi")]);
        assert_eq!(r.id, "msg_1");
        // Cut mid-way by the size cap: what is complete still assembles.
        let r = assemble_stream(Dialect::OpenAi, &sse.as_bytes()[..sse.len() - 30]).unwrap();
        assert_eq!(r.content, vec![ir::ContentBlock::text("Hel")]);
    }
}
