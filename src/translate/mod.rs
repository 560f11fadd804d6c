//! Translation between dialects: the incremental SSE codec and per-dialect decoders/encoders.
//!
//! Every dialect has one decoder into the IR and one encoder out of it; translating A -> B is
//! `decode(A)` then `encode(B)`. Lossy cases are decided once, in the encoder of the dialect that
//! cannot carry something (see each field's handling in `openai.rs` / `anthropic.rs` /
//! `responses.rs` / `gemini.rs`).

pub mod anthropic;
pub mod gemini;
pub(crate) mod jsonw;
#[cfg(test)]
mod mapping_tests;
pub mod openai;
pub mod responses;
pub mod sse;

use serde::de::DeserializeOwned;

pub use crate::dialect::Dialect;
use crate::ir;
pub use sse::{SseDecoder, SseError, SseEvent, encode_event};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodeOptions<'a> {
    /// Anthropic requires `max_tokens`; used when the client sent none.
    pub default_max_tokens: u32,
    /// `false`: a field the target dialect cannot carry is `TranslateError::Unsupported`.
    /// `true`: such fields are silently dropped.
    pub drop_unsupported: bool,
    /// The model to send instead of `Request::model` (routing decides it; this saves a copy of
    /// the whole request per candidate).
    pub model: Option<&'a str>,
}

impl Default for EncodeOptions<'_> {
    fn default() -> Self {
        EncodeOptions { default_max_tokens: 4096, drop_unsupported: false, model: None }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TranslateError {
    /// The body is not JSON at all (syntax error, truncated, trailing garbage).
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// The body is JSON but a field is wrong; `field` is a path like `messages[2].content`.
    #[error("{field}: {message}")]
    InvalidField { field: String, message: String },
    /// A field that the target dialect has no way to carry.
    #[error("{field}: not supported when translating to the {} API", .target.as_str())]
    Unsupported { field: String, target: Dialect },
    /// The upstream sent something unusable (bad JSON, a truncated stream, an error object).
    #[error("bad upstream response: {0}")]
    Upstream(String),
}

impl TranslateError {
    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        TranslateError::InvalidField { field: field.into(), message: message.into() }
    }
}

pub fn decode_request(dialect: Dialect, body: &[u8]) -> Result<ir::Request, TranslateError> {
    match dialect {
        Dialect::OpenAi => openai::decode_request(body),
        Dialect::Anthropic => anthropic::decode_request(body),
        Dialect::Responses => responses::decode_request(body),
        Dialect::Gemini => gemini::decode_request(body),
    }
}

pub fn encode_request(
    dialect: Dialect,
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
) -> Result<Vec<u8>, TranslateError> {
    encode_request_noting(dialect, req, opts).map(|e| e.body)
}

/// An encoded request and what it left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoded {
    pub body: Vec<u8>,
    /// Fields of the client's request that the upstream body does not carry, in order of first
    /// sight, each once: advisory fields (always dropped when crossing dialects) and, with
    /// `drop_unsupported`, fields whose loss changes the answer. The request log records them.
    pub dropped: Vec<String>,
}

/// Like [`encode_request`], also naming every field that was dropped.
pub fn encode_request_noting(
    dialect: Dialect,
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
) -> Result<Encoded, TranslateError> {
    let lossy = Lossy::new(opts, dialect);
    for f in &req.ignored {
        lossy.note(f.as_str());
    }
    let body = match dialect {
        Dialect::OpenAi => openai::encode_request_with(req, opts, &lossy)?,
        Dialect::Anthropic => anthropic::encode_request_with(req, opts, &lossy)?,
        Dialect::Responses => responses::encode_request_with(req, opts, &lossy)?,
        Dialect::Gemini => gemini::encode_request_with(req, opts, &lossy)?,
    };
    Ok(Encoded { body, dropped: lossy.into_dropped() })
}

pub fn decode_response(dialect: Dialect, body: &[u8]) -> Result<ir::Response, TranslateError> {
    match dialect {
        Dialect::OpenAi => openai::decode_response(body),
        Dialect::Anthropic => anthropic::decode_response(body),
        Dialect::Responses => responses::decode_response(body),
        Dialect::Gemini => gemini::decode_response(body),
    }
}

pub fn encode_response(dialect: Dialect, resp: &ir::Response) -> Vec<u8> {
    match dialect {
        Dialect::OpenAi => openai::encode_response(resp),
        Dialect::Anthropic => anthropic::encode_response(resp),
        Dialect::Responses => responses::encode_response(resp),
        Dialect::Gemini => gemini::encode_response(resp),
    }
}

pub trait StreamDecoder: Send {
    /// One upstream SSE event -> zero or more IR events.
    fn push(&mut self, ev: &SseEvent, out: &mut Vec<ir::StreamEvent>) -> Result<(), TranslateError>;
    /// Upstream ended. `Err(TranslateError::Upstream(..))` if the stream did not finish properly
    /// (no `[DONE]` / no `message_stop` / no error event), so the caller can emit an error event
    /// instead of a fake success.
    fn finish(&mut self, out: &mut Vec<ir::StreamEvent>) -> Result<(), TranslateError>;
}

pub trait StreamEncoder: Send {
    /// One IR event -> bytes of zero or more SSE events in the client's dialect, appended to `out`.
    fn push(&mut self, ev: &ir::StreamEvent, out: &mut Vec<u8>);
}

pub fn stream_decoder(upstream: Dialect) -> Box<dyn StreamDecoder> {
    match upstream {
        Dialect::OpenAi => Box::new(openai::StreamDecoderImpl::new()),
        Dialect::Anthropic => Box::new(anthropic::StreamDecoderImpl::new()),
        Dialect::Responses => Box::new(responses::StreamDecoderImpl::new()),
        Dialect::Gemini => Box::new(gemini::StreamDecoderImpl::new()),
    }
}

/// `model` is shown to the client when the upstream did not provide one; `include_usage` is whether
/// an OpenAI client asked for `stream_options.include_usage` (ignored for Anthropic clients).
pub fn stream_encoder(client: Dialect, model: &str, include_usage: bool) -> Box<dyn StreamEncoder> {
    stream_encoder_at(client, model, include_usage, now_unix())
}

/// Like [`stream_encoder`] with a fixed OpenAI `created` timestamp (deterministic output for tests
/// and replays).
pub fn stream_encoder_at(client: Dialect, model: &str, include_usage: bool, created: u64) -> Box<dyn StreamEncoder> {
    match client {
        Dialect::OpenAi => Box::new(openai::StreamEncoderImpl::new(model, include_usage, created)),
        Dialect::Anthropic => Box::new(anthropic::StreamEncoderImpl::new(model)),
        Dialect::Responses => Box::new(responses::StreamEncoderImpl::new(model, created)),
        Dialect::Gemini => Box::new(gemini::StreamEncoderImpl::new(model)),
    }
}

/// An error event in the client's dialect. OpenAI: `data: {"error":{...}}` (the caller must not
/// send `[DONE]` after it). Anthropic: `event: error`. Responses: `event: error` with sequence
/// number 0 (see [`encode_stream_error_at`]).
pub fn encode_stream_error(client: Dialect, error_type: &str, message: &str, out: &mut Vec<u8>) {
    encode_stream_error_at(client, error_type, message, 0, out)
}

/// Like [`encode_stream_error`]; a Responses event carries `sequence` as its `sequence_number`
/// (the caller knows how far the stream got).
pub fn encode_stream_error_at(client: Dialect, error_type: &str, message: &str, sequence: u64, out: &mut Vec<u8>) {
    match client {
        Dialect::OpenAi => openai::encode_error_event(error_type, message, out),
        Dialect::Anthropic => anthropic::encode_error_event(error_type, message, out),
        Dialect::Responses => responses::encode_error_event(error_type, message, sequence, out),
        Dialect::Gemini => gemini::encode_error_event(error_type, message, out),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// Parses a client body, mapping serde errors to `InvalidJson` / `InvalidField` with the path.
pub(crate) fn parse_client<T: DeserializeOwned>(body: &[u8]) -> Result<T, TranslateError> {
    // Fast path: plain serde_json. Only a failure pays for the path-tracking second parse.
    if let Ok(v) = crate::body::from_json(body) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            let field = if path == "." { "body".to_owned() } else { path };
            TranslateError::invalid(field, strip_location(&inner))
        } else {
            TranslateError::InvalidJson(inner.to_string())
        }
    })?;
    de.end().map_err(|e| TranslateError::InvalidJson(e.to_string()))?;
    Ok(value)
}

/// Parses an upstream body; any failure is the upstream's fault.
pub(crate) fn parse_upstream<T: DeserializeOwned>(body: &[u8], what: &str) -> Result<T, TranslateError> {
    parse_client(body).map_err(|e| TranslateError::Upstream(format!("{what}: {e}")))
}

/// serde_json appends " at line L column C", which means nothing to a client that sees a path.
fn strip_location(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    s.strip_suffix(&suffix).map(str::to_owned).unwrap_or(s)
}

pub(crate) fn now_unix() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

pub(crate) fn random_token() -> String {
    let mut rng = fastrand::Rng::new();
    (0..24).map(|_| rng.alphanumeric()).collect()
}

/// An id in OpenAI's `chatcmpl-` form: Anthropic `msg_X` becomes `chatcmpl-X`, so the same
/// upstream id always maps to the same client id (and back).
pub(crate) fn openai_id(id: &str) -> String {
    if id.is_empty() {
        format!("chatcmpl-{}", random_token())
    } else if id.starts_with("chatcmpl-") {
        id.to_owned()
    } else {
        format!("chatcmpl-{}", id.strip_prefix("msg_").or_else(|| id.strip_prefix("resp_")).unwrap_or(id))
    }
}

pub(crate) fn anthropic_id(id: &str) -> String {
    if id.is_empty() {
        format!("msg_{}", random_token())
    } else if id.starts_with("msg_") {
        id.to_owned()
    } else {
        format!("msg_{}", id.strip_prefix("chatcmpl-").or_else(|| id.strip_prefix("resp_")).unwrap_or(id))
    }
}

/// Tracks the lossy-field policy for one encode call, and what it dropped.
pub(crate) struct Lossy {
    drop: bool,
    target: Dialect,
    dropped: std::cell::RefCell<Vec<String>>,
}

impl Lossy {
    pub(crate) fn new(opts: &EncodeOptions<'_>, target: Dialect) -> Self {
        Lossy { drop: opts.drop_unsupported, target, dropped: std::cell::RefCell::new(Vec::new()) }
    }

    /// Called when `field` cannot be carried: Ok (drop it, noted) or the Unsupported error.
    pub(crate) fn cannot_carry(&self, field: impl Into<String>) -> Result<(), TranslateError> {
        let field = field.into();
        if self.drop {
            self.note(field);
            Ok(())
        } else {
            Err(TranslateError::Unsupported { field, target: self.target })
        }
    }

    /// `field` only advised the server and is left out: noted, never an error.
    pub(crate) fn note(&self, field: impl Into<String>) {
        let field = field.into();
        let mut d = self.dropped.borrow_mut();
        if !d.contains(&field) {
            d.push(field);
        }
    }

    pub(crate) fn into_dropped(self) -> Vec<String> {
        self.dropped.into_inner()
    }
}

/// The tool an OpenAI `response_format: json_schema` becomes for an Anthropic upstream (a forced
/// call whose input is the answer). The OpenAI encoders turn its call back into message content.
pub const STRUCTURED_OUTPUT_TOOL: &str = "monorelay_structured_output";

/// Unknown top-level fields that are only hints (storage, billing, caching keys, server-side
/// context editing): dropped, and noted, when crossing dialects instead of failing the request.
pub(crate) const ADVISORY_FIELDS: &[&str] = &[
    // OpenAI
    "store",
    "metadata",
    "service_tier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "safety_identifier",
    // Anthropic (`metadata` extras and `cache_control` hints are noted where they are read)
    "context_management",
    "cache_control",
];

pub(crate) fn stop_reason_to_openai(r: &ir::StopReason) -> &str {
    use ir::StopReason::*;
    match r {
        EndTurn | StopSequence | PauseTurn => "stop",
        MaxTokens => "length",
        ToolUse => "tool_calls",
        Refusal | ContentFilter => "content_filter",
        Other(s) => match s.as_str() {
            "stop" | "length" | "tool_calls" | "content_filter" | "function_call" => s,
            _ => "stop",
        },
    }
}

pub(crate) fn stop_reason_from_openai(s: &str) -> ir::StopReason {
    use ir::StopReason::*;
    match s {
        "stop" => EndTurn,
        "length" => MaxTokens,
        "tool_calls" | "function_call" => ToolUse,
        "content_filter" => ContentFilter,
        other => Other(other.to_owned()),
    }
}

pub(crate) fn stop_reason_to_anthropic(r: &ir::StopReason) -> &str {
    use ir::StopReason::*;
    match r {
        EndTurn => "end_turn",
        MaxTokens => "max_tokens",
        StopSequence => "stop_sequence",
        ToolUse => "tool_use",
        Refusal | ContentFilter => "refusal",
        PauseTurn => "pause_turn",
        Other(s) => match s.as_str() {
            "model_context_window_exceeded" => s,
            _ => "end_turn",
        },
    }
}

pub(crate) fn stop_reason_from_anthropic(s: &str) -> ir::StopReason {
    use ir::StopReason::*;
    match s {
        "end_turn" => EndTurn,
        "max_tokens" => MaxTokens,
        "stop_sequence" => StopSequence,
        "tool_use" => ToolUse,
        "refusal" => Refusal,
        "pause_turn" => PauseTurn,
        other => Other(other.to_owned()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_map_both_ways_consistently() {
        assert_eq!(openai_id("msg_abc"), "chatcmpl-abc");
        assert_eq!(anthropic_id("chatcmpl-abc"), "msg_abc");
        assert_eq!(anthropic_id(&openai_id("msg_abc")), "msg_abc");
        assert_eq!(openai_id("gen-1"), "chatcmpl-gen-1");
        assert!(openai_id("").starts_with("chatcmpl-"));
        assert!(anthropic_id("").len() > 10);
    }

    #[test]
    fn stop_reasons_map() {
        use ir::StopReason::*;
        for (a, o) in [
            ("end_turn", "stop"),
            ("max_tokens", "length"),
            ("tool_use", "tool_calls"),
            ("stop_sequence", "stop"),
            ("refusal", "content_filter"),
            ("pause_turn", "stop"),
        ] {
            assert_eq!(stop_reason_to_openai(&stop_reason_from_anthropic(a)), o);
        }
        for (o, a) in [
            ("stop", "end_turn"),
            ("length", "max_tokens"),
            ("tool_calls", "tool_use"),
            ("content_filter", "refusal"),
            ("weird", "end_turn"),
        ] {
            assert_eq!(stop_reason_to_anthropic(&stop_reason_from_openai(o)), a);
        }
        assert_eq!(stop_reason_to_openai(&Other("length".into())), "length");
        assert_eq!(stop_reason_from_openai("stop"), EndTurn);
    }

    #[test]
    fn error_messages_name_the_field() {
        let e = decode_request(
            Dialect::OpenAi,
            br#"{"model":"m","messages":[{"role":"user","content":"x"},{"role":"user","content":[{"type":"video"}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "messages[1].content[0]: unknown content part type 'video'");
        let e = decode_request(Dialect::OpenAi, b"{\"model\":").unwrap_err();
        assert!(matches!(e, TranslateError::InvalidJson(_)));
        let e = decode_request(Dialect::Anthropic, br#"{"model":"m","messages":[],"x":1} x"#).unwrap_err();
        assert!(matches!(e, TranslateError::InvalidJson(_)));
        let e = decode_request(Dialect::Anthropic, br#"{"messages":[]}"#).unwrap_err();
        assert_eq!(e.to_string(), "body: missing field `model`");
        let e = TranslateError::Unsupported { field: "top_k".into(), target: Dialect::OpenAi };
        assert_eq!(e.to_string(), "top_k: not supported when translating to the openai API");
    }
}
