//! Stage 5, respond, for a 2xx upstream answer. Plain: the body is read whole (bounded), checked
//! (JSON, or translated back into the client's dialect) and answered with the upstream's status and
//! tokens recorded. Stream: the relay waits for the first complete event before committing, so an
//! upstream that fails at once can still be failed over; then the response head goes out and
//! `pipe::Pipe` forwards the rest event by event. Either way, an unusable answer comes back to the
//! attempt loop classified, with the key penalised, and the response carries the `x-monorelay-*`
//! headers.

use super::call::{Call, MAX_ERROR_BODY_BYTES, MAX_UPSTREAM_BODY_BYTES, context, fail_attempt, read_bounded};
use super::completion::Completion;
use super::pipe::{AnyUsage, Pipe, PipeMode};
use super::prepare::Prepared;
use crate::dialect::Dialect;
use crate::keys::{Lease, Outcome};
use crate::providers::outcome::{Classified, ErrorInfo};
use crate::providers::{Endpoint, Provider, UpstreamReply};
use crate::record::Attempt;
use crate::router::Candidate;
use crate::translate::sse::{SseDecoder, SseEvent};
use axum::body::Body;
use futures_util::StreamExt;
use http::{HeaderName, HeaderValue, Response, header};
use serde::Deserialize;

/// A failed answer: the key's index (tried) and what the failure means.
type Failed = (usize, Classified);

// The relay's own headers, named once (a name given as text is parsed and allocated per use).
static X_PROVIDER: HeaderName = HeaderName::from_static("x-monorelay-provider");
static X_MODEL: HeaderName = HeaderName::from_static("x-monorelay-model");
static X_ATTEMPTS: HeaderName = HeaderName::from_static("x-monorelay-attempts");
static X_OVERHEAD: HeaderName = HeaderName::from_static("x-monorelay-overhead-ms");

pub(super) fn relay_headers(resp: &mut Response<Body>, provider: &Provider, model: &str, attempts: usize) {
    let h = resp.headers_mut();
    if let Some(v) = provider.name_header() {
        h.insert(X_PROVIDER.clone(), v.clone());
    }
    if let Ok(v) = HeaderValue::from_str(model) {
        h.insert(X_MODEL.clone(), v);
    }
    const FEW: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    let attempts = FEW.get(attempts).map_or_else(|| HeaderValue::from(attempts), |n| HeaderValue::from_static(n));
    h.insert(X_ATTEMPTS.clone(), attempts);
}

/// `x-monorelay-overhead-ms`: the relay's own time up to the response head, upstream waits excluded.
pub(super) fn overhead_header(resp: &mut Response<Body>, completion: &mut Completion) {
    let overhead = completion.overhead();
    let ms = overhead.as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_bytes(millis_text(overhead).as_bytes()) {
        resp.headers_mut().insert(X_OVERHEAD.clone(), v);
    }
    if let Some(r) = completion.record_mut() {
        r.overhead_ms = Some(ms);
    }
}

/// A duration in milliseconds with three decimals (`12.345`), rounded to the microsecond, written
/// without the float formatter.
fn millis_text(d: std::time::Duration) -> MillisText {
    let micros = (d.as_nanos().saturating_add(500) / 1000).min(u128::from(u64::MAX)) as u64;
    let mut out = MillisText { buf: [0; 24], start: 24 };
    let mut push = |b: u8| {
        out.start -= 1;
        out.buf[out.start] = b;
    };
    let (whole, frac) = (micros / 1000, micros % 1000);
    push(b'0' + (frac % 10) as u8);
    push(b'0' + (frac / 10 % 10) as u8);
    push(b'0' + (frac / 100) as u8);
    push(b'.');
    let mut w = whole;
    loop {
        push(b'0' + (w % 10) as u8);
        w /= 10;
        if w == 0 {
            break;
        }
    }
    out
}

/// The text `millis_text` wrote, on the stack.
struct MillisText {
    buf: [u8; 24],
    start: usize,
}

impl MillisText {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start..]
    }
}

fn record_success(
    completion: &mut Completion,
    provider: &Provider,
    cand: &Candidate,
    lease: &Lease,
    prepared: &Prepared,
    mut attempt: Attempt,
) {
    attempt.settle_time();
    let upstream = prepared.upstream;
    if let Some(b) = completion.bodies_mut() {
        b.set_upstream(&prepared.bytes);
    }
    if let Some(r) = completion.record_mut() {
        r.provider = Some(provider.name().to_string());
        r.model = Some(cand.model.clone());
        r.key_label = Some(lease.label().to_string());
        r.upstream = Some(upstream);
        r.attempts.push(attempt);
        // The ChatGPT web backend reports no usage: what its answers carry is the relay's estimate.
        if provider.config.kind == crate::config::ProviderKind::WebReverse {
            r.tokens_estimated = true;
        }
    }
}

/// Input tokens of an embeddings, moderations or completions request whose upstream reported no
/// usage, estimated from its `input` (or `prompt`) strings.
fn estimate_input(endpoint: Endpoint, body: &crate::body::JsonObject) -> Option<crate::record::Tokens> {
    let field = match endpoint {
        Endpoint::Embeddings | Endpoint::Moderations => "input",
        Endpoint::Completions => "prompt",
        _ => return None,
    };
    let mut input = 0;
    match body.field::<serde_json::Value>(field).ok()?? {
        serde_json::Value::String(s) => input += crate::tokens::estimate_text(&s),
        serde_json::Value::Array(items) => {
            for item in &items {
                // Strings, or multimodal moderation parts with `text`.
                match item {
                    serde_json::Value::String(s) => input += crate::tokens::estimate_text(s),
                    other => {
                        if let Some(t) = other.get("text").and_then(serde_json::Value::as_str) {
                            input += crate::tokens::estimate_text(t);
                        }
                    }
                }
            }
        }
        _ => return None,
    }
    Some(crate::record::Tokens { input, ..Default::default() })
}

/// Penalise the key for an unusable 2xx answer and hand back what the loop needs to fail over.
fn fail(lease: Lease, completion: &mut Completion, attempt: Attempt, c: Classified) -> Failed {
    (fail_attempt(lease, completion, attempt, &c), c)
}

pub(super) async fn finish_plain(
    call: Call<'_>,
    reply: UpstreamReply,
    lease: Lease,
    completion: &mut Completion,
    attempt: Attempt,
    attempts: usize,
) -> Result<Response<Body>, Failed> {
    let Call { rt, inbound, provider, cand, prepared, .. } = call;
    let status = reply.status;
    let name = provider.name();
    if inbound.endpoint == Endpoint::AudioSpeech {
        return Ok(audio_through(provider, cand, prepared, reply, lease, completion, attempt, attempts));
    }
    let body = match completion.upstream(read_bounded(reply.body, MAX_UPSTREAM_BODY_BYTES)).await {
        Some(b) if b.len() < MAX_UPSTREAM_BODY_BYTES => b,
        Some(_) => {
            let detail = format!("the upstream response is larger than {MAX_UPSTREAM_BODY_BYTES} bytes");
            return Err(fail(lease, completion, attempt, Classified::bad_answer(name, detail)));
        }
        None => {
            let c = Classified::bad_answer(name, "the upstream response broke off");
            return Err(fail(lease, completion, attempt, c));
        }
    };
    let required = match (inbound.endpoint, prepared.upstream) {
        (crate::providers::Endpoint::ChatCompletions | crate::providers::Endpoint::Messages, Dialect::OpenAi) => {
            Some("choices")
        }
        (crate::providers::Endpoint::ChatCompletions | crate::providers::Endpoint::Messages, Dialect::Anthropic) => {
            Some("content")
        }
        _ => None,
    };
    let answer = match Classified::check_success(context(rt, provider, &lease), &body, required) {
        Ok(a) => a,
        Err(c) => return Err(fail(lease, completion, attempt, c)),
    };
    let (body, tokens) = if prepared.translated {
        match crate::translate::decode_response(prepared.upstream, &body) {
            Ok(mut resp) => {
                if !prepared.emulated.is_empty() {
                    crate::tools::emulate_response(&mut resp, &prepared.emulated);
                }
                let tokens = crate::record::Tokens::from(&resp.usage);
                (crate::translate::encode_response(inbound.dialect, &resp), Some(tokens))
            }
            Err(e) => return Err(fail(lease, completion, attempt, Classified::bad_answer(name, e))),
        }
    } else {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(alias = "usageMetadata")]
            usage: Option<AnyUsage>,
        }
        // The usage the one pass found; when it could not tell (or the usage does not parse), the
        // body is read again for it, which also words any error.
        let found = match answer.usage {
            Some(raw) => serde_json::from_str::<Option<AnyUsage>>(raw.get()).ok(),
            None => answer.read.then_some(None),
        };
        let usage = match found {
            Some(u) => u,
            None => match crate::body::from_json::<Probe>(&body) {
                Ok(p) => p.usage,
                Err(e) => {
                    let detail = format!("the upstream answered {} with a body that is not JSON: {e}", status.as_u16());
                    return Err(fail(lease, completion, attempt, Classified::bad_answer(name, detail)));
                }
            },
        };
        (body, usage.map(|u| u.tokens(prepared.upstream)))
    };
    record_success(completion, provider, cand, &lease, prepared, attempt);
    lease.finish(Outcome::Success, None);
    let tokens = match tokens {
        None => {
            let estimate = estimate_input(inbound.endpoint, &call.req.body);
            if let (Some(_), Some(r)) = (&estimate, completion.record_mut()) {
                r.tokens_estimated = true;
            }
            estimate
        }
        some => some,
    };
    if let Some(pending) = completion.conversation.take() {
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body) {
            super::conversation::save(pending, v).await;
        }
    }
    if let Some(b) = completion.bodies_mut() {
        b.append_response(&body);
    }
    completion.finish(status.as_u16(), None, tokens);
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    relay_headers(&mut resp, provider, &cand.model, attempts);
    overhead_header(&mut resp, completion);
    Ok(resp)
}

/// Audio (`/v1/audio/speech`): the upstream's bytes go to the client as they arrive, with its
/// content type; the record is finished when the head goes out (audio carries no token usage).
#[allow(clippy::too_many_arguments)]
fn audio_through(
    provider: &Provider,
    cand: &Candidate,
    prepared: &Prepared,
    reply: UpstreamReply,
    lease: Lease,
    completion: &mut Completion,
    attempt: Attempt,
    attempts: usize,
) -> Response<Body> {
    let status = reply.status;
    let content_type = reply.headers.get(header::CONTENT_TYPE).cloned();
    record_success(completion, provider, cand, &lease, prepared, attempt);
    lease.finish(Outcome::Success, None);
    let body = reply.body.map(|r| r.map_err(|e| std::io::Error::other(e.to_string())));
    let mut resp = Response::new(Body::from_stream(body));
    *resp.status_mut() = status;
    if let Some(ct) = content_type {
        resp.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    relay_headers(&mut resp, provider, &cand.model, attempts);
    overhead_header(&mut resp, completion);
    completion.finish(status.as_u16(), None, None);
    resp
}

pub(super) async fn open_stream(
    call: Call<'_>,
    reply: UpstreamReply,
    lease: Lease,
    completion: &mut Completion,
    attempt: Attempt,
    attempts: usize,
) -> Result<Response<Body>, Failed> {
    let Call { rt, inbound, req, provider, cand, prepared, .. } = call;
    let name = provider.name();
    let is_sse = reply
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.starts_with("text/event-stream"));
    let mut upstream = reply.body;
    if !is_sse {
        let body = read_bounded(upstream, MAX_ERROR_BODY_BYTES).await.unwrap_or_default();
        let info = ErrorInfo::parse(&body);
        let message = format!("the upstream answered a stream request without an event stream: {}", info.message);
        let c = Classified::stream_error(context(rt, provider, &lease), ErrorInfo { message, ..info });
        return Err(fail(lease, completion, attempt, c));
    }
    // Wait for the first complete event before committing: an upstream that fails at once (an
    // error event, a cut, a timeout) can still be failed over, since nothing reached the client.
    let mut decoder = SseDecoder::new();
    let mut first: Vec<SseEvent> = Vec::new();
    // The bytes read so far: a passthrough pipe forwards raw from the end of the last whole event.
    let mut seen: Vec<u8> = Vec::new();
    while first.is_empty() {
        match completion.upstream(upstream.next()).await {
            Some(Ok(chunk)) => {
                seen.extend_from_slice(&chunk);
                if let Err(e) = decoder.push(&chunk, &mut first) {
                    return Err(fail(lease, completion, attempt, Classified::bad_answer(name, e)));
                }
            }
            Some(Err(e)) => return Err(fail(lease, completion, attempt, Classified::transport(name, &e))),
            None => {
                let c = Classified::bad_answer(name, "the upstream closed the stream before sending any event");
                return Err(fail(lease, completion, attempt, c));
            }
        }
    }
    if let Some(info) = ErrorInfo::from_stream_event(prepared.upstream, first[0].event.as_deref(), &first[0].data) {
        let c = Classified::stream_error(context(rt, provider, &lease), info);
        return Err(fail(lease, completion, attempt, c));
    }
    record_success(completion, provider, cand, &lease, prepared, attempt);
    let mode = if prepared.translated {
        let mut encoder = crate::translate::stream_encoder(inbound.dialect, &cand.model, req.client_wants_usage);
        if !prepared.emulated.is_empty() {
            encoder = Box::new(crate::tools::EmulatingEncoder::new(encoder, prepared.emulated.clone()));
        }
        PipeMode::Translate { decoder: crate::translate::stream_decoder(prepared.upstream), encoder }
    } else if inbound.dialect == Dialect::OpenAi {
        PipeMode::OpenAiPassthrough { strip_usage: prepared.strip_usage }
    } else if inbound.dialect == Dialect::Responses {
        PipeMode::ResponsesPassthrough { next_seq: 0 }
    } else if inbound.dialect == Dialect::Gemini {
        PipeMode::GeminiPassthrough { finished: false }
    } else {
        PipeMode::AnthropicPassthrough
    };
    let mut resp = Response::new(Body::empty());
    overhead_header(&mut resp, completion);
    let taken = completion.hand_off();
    let pipe = Pipe::new(
        upstream,
        decoder,
        first,
        mode,
        (inbound.dialect, prepared.upstream),
        lease,
        taken,
        provider.name().to_string(),
    )
    .cut_by(call.rt.cut.subscribe())
    .forward_raw(seen.split_off(super::raw_sse::complete_len(&seen)))
    .redacting(call.rt.secrets.clone());
    *resp.body_mut() = Body::from_stream(pipe.into_stream());
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    relay_headers(&mut resp, provider, &cand.model, attempts);
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::millis_text;
    use std::time::Duration;

    #[test]
    fn millis_are_written_like_the_float_formatter() {
        for ns in [0u64, 1, 499, 500, 1_000, 12_345_678, 999_999, 1_000_000, 3_600_000_000_000, 987_654_321_012] {
            let d = Duration::from_nanos(ns);
            let float = format!("{:.3}", (ns as f64 / 1000.0).round() / 1000.0);
            assert_eq!(std::str::from_utf8(millis_text(d).as_bytes()).ok(), Some(float.as_str()), "{ns} ns");
        }
    }
}
