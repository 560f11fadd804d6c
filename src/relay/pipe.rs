//! Stage 5, respond (streams): the pipe forwards an upstream event stream to the client event by
//! event as it arrives (never buffering the whole), watching usage and the terminal event on the
//! side. An upstream that breaks, stalls or ends early gets an error event in the client's dialect
//! — and never a `[DONE]` or `message_stop` as if it had succeeded. How it ended is classified
//! like any upstream failure, and finishes the key's lease and the request's record.
//!
//! Same-dialect OpenAI and Anthropic streams are forwarded raw (`forward_raw`): the upstream's
//! bytes cut at event ends, only the events that may carry usage, an error or the end decoded
//! (`raw_sse`); an incomplete event at a break is held back, so the error event that follows
//! is clean.

use super::completion::Completion;
use crate::dialect::Dialect;
use crate::ir;
use crate::keys::{Lease, Outcome};
use crate::providers::BodyStream;
use crate::providers::outcome::{Classified, Context, ErrorInfo};
use crate::record::Tokens;
use crate::translate::sse::{SseDecoder, SseEvent, encode_event};
use crate::translate::{StreamDecoder, StreamEncoder, encode_stream_error, encode_stream_error_at};
use bytes::Bytes;
use futures_util::{FutureExt, Stream, StreamExt};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::pin::Pin;

/// Usage in either dialect's field names.
#[derive(Debug, Default, Clone, Deserialize)]
pub(super) struct AnyUsage {
    prompt_tokens: Option<u64>,
    completion_tokens: Option<u64>,
    input_tokens: Option<u64>,
    output_tokens: Option<u64>,
    cache_read_input_tokens: Option<u64>,
    cache_creation_input_tokens: Option<u64>,
    prompt_tokens_details: Option<PromptDetails>,
    /// Responses: `input_tokens_details.cached_tokens`.
    input_tokens_details: Option<PromptDetails>,
    /// Gemini `usageMetadata` (prompt counts include cached tokens, candidates exclude thoughts).
    #[serde(rename = "promptTokenCount")]
    prompt_token_count: Option<u64>,
    #[serde(rename = "candidatesTokenCount")]
    candidates_token_count: Option<u64>,
    #[serde(rename = "cachedContentTokenCount")]
    cached_content_token_count: Option<u64>,
    #[serde(rename = "thoughtsTokenCount")]
    thoughts_token_count: Option<u64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
struct PromptDetails {
    cached_tokens: Option<u64>,
}

impl AnyUsage {
    /// Normalised: `input` counts every prompt token, cached ones included, in both dialects
    /// (OpenAI's prompt_tokens already does; Anthropic's input_tokens excludes cache reads/writes).
    pub(super) fn tokens(&self, dialect: Dialect) -> Tokens {
        match dialect {
            Dialect::OpenAi => Tokens {
                input: self.prompt_tokens.or(self.input_tokens).unwrap_or(0),
                output: self.completion_tokens.or(self.output_tokens).unwrap_or(0),
                cache_read: self.prompt_tokens_details.as_ref().and_then(|d| d.cached_tokens).unwrap_or(0),
                cache_write: 0,
            },
            // Responses: `input_tokens` counts cached tokens too.
            Dialect::Responses => Tokens {
                input: self.input_tokens.or(self.prompt_tokens).unwrap_or(0),
                output: self.output_tokens.or(self.completion_tokens).unwrap_or(0),
                cache_read: self.input_tokens_details.as_ref().and_then(|d| d.cached_tokens).unwrap_or(0),
                cache_write: 0,
            },
            Dialect::Gemini => Tokens {
                input: self.prompt_token_count.unwrap_or(0),
                output: self.candidates_token_count.unwrap_or(0).saturating_add(self.thoughts_token_count.unwrap_or(0)),
                cache_read: self.cached_content_token_count.unwrap_or(0),
                cache_write: 0,
            },
            Dialect::Anthropic => {
                let read = self.cache_read_input_tokens.unwrap_or(0);
                let write = self.cache_creation_input_tokens.unwrap_or(0);
                Tokens {
                    input: self.input_tokens.unwrap_or(0) + read + write,
                    output: self.output_tokens.unwrap_or(0),
                    cache_read: read,
                    cache_write: write,
                }
            }
        }
    }
}

/// How a stream ended, applied by `Pipe::settle`.
enum Ending {
    Ok,
    /// The upstream sent its own error event.
    UpstreamError(Classified),
    /// The upstream broke off, stalled or ended early.
    Broken(Classified),
}

pub enum PipeMode {
    /// OpenAI upstream to OpenAI client. `strip_usage`: we asked for the usage chunk, the client didn't.
    OpenAiPassthrough { strip_usage: bool },
    /// Anthropic upstream to Anthropic client.
    AnthropicPassthrough,
    /// Responses upstream to Responses client. `next_seq`: the sequence number after the last
    /// event forwarded (an error event of ours continues the count).
    ResponsesPassthrough { next_seq: u64 },
    /// Gemini upstream to Gemini client. Gemini streams have no end event: the stream is complete
    /// when the upstream closes after a chunk with a `finishReason` (`finished`).
    GeminiPassthrough { finished: bool },
    /// Different dialects: upstream events → IR → client events, statefully.
    Translate { decoder: Box<dyn StreamDecoder>, encoder: Box<dyn StreamEncoder> },
}

pub struct Pipe {
    upstream: BodyStream,
    decoder: SseDecoder,
    pending: Vec<SseEvent>,
    mode: PipeMode,
    client: Dialect,
    upstream_dialect: Dialect,
    lease: Option<Lease>,
    completion: Completion,
    provider: String,
    usage: Option<AnyUsage>,
    /// Usage seen on the IR path (translated streams).
    ir_usage: Option<ir::Usage>,
    terminal: bool,
    upstream_error: Option<ErrorInfo>,
    finished: bool,
    outcome: Option<Ending>,
    scratch: Vec<SseEvent>,
    /// The IR events of one upstream event (translated streams), reused from event to event.
    irs: Vec<ir::StreamEvent>,
    /// Resolves when shutdown cuts open streams (`Runtime::cut` turns true). One future for the
    /// stream's life, polled beside each read: building a fresh `wait_for` per chunk registered
    /// a new waiter on the channel every time.
    cut: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    /// Raw forwarding (`forward_raw`): the bytes of the event not yet complete.
    raw: Option<Vec<u8>>,
    /// Every configured secret (`Runtime::secrets`), redacted from error events with the key.
    secrets: std::sync::Arc<[crate::secret::Secret<String>]>,
}

impl Pipe {
    /// `dialects` is (client, upstream).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        upstream: BodyStream,
        decoder: SseDecoder,
        first: Vec<SseEvent>,
        mode: PipeMode,
        dialects: (Dialect, Dialect),
        lease: Lease,
        completion: Completion,
        provider: String,
    ) -> Pipe {
        Pipe {
            upstream,
            decoder,
            pending: first,
            mode,
            client: dialects.0,
            upstream_dialect: dialects.1,
            ir_usage: None,
            lease: Some(lease),
            completion,
            provider,
            usage: None,
            terminal: false,
            upstream_error: None,
            finished: false,
            outcome: None,
            scratch: Vec::new(),
            irs: Vec::new(),
            cut: None,
            raw: None,
            secrets: std::sync::Arc::from(Vec::new()),
        }
    }

    /// Forward the rest of an OpenAI or Anthropic passthrough stream raw. `tail`: the bytes after
    /// the last complete event read so far (the decoder given to `new` is then not used again).
    pub fn forward_raw(mut self, tail: Vec<u8>) -> Pipe {
        if matches!(self.mode, PipeMode::OpenAiPassthrough { .. } | PipeMode::AnthropicPassthrough) {
            self.decoder = SseDecoder::new();
            self.raw = Some(tail);
        }
        self
    }

    /// Redact `secrets` (besides the key in use) from every error event.
    pub fn redacting(mut self, secrets: std::sync::Arc<[crate::secret::Secret<String>]>) -> Pipe {
        self.secrets = secrets;
        self
    }

    /// The key in use and every configured secret, as text to redact.
    fn secret_texts(&self) -> Vec<&str> {
        let key = self.lease.as_ref().map(|l| l.secret());
        key.into_iter().chain(self.secrets.iter()).map(|s| s.expose().as_str()).collect()
    }

    /// End the stream with an error event (and its record) when `cut` turns true.
    pub fn cut_by(mut self, mut cut: tokio::sync::watch::Receiver<bool>) -> Pipe {
        self.cut = Some(Box::pin(async move {
            let _ = cut.wait_for(|c| *c).await;
        }));
        self
    }

    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send {
        // The pipe is boxed: `unfold` moves its state into each item's future and back out, and
        // a pointer is cheaper to move than the pipe.
        futures_util::stream::unfold(Box::new(self), |mut pipe| async move {
            let out = pipe.next_bytes().await?;
            Some((Ok(Bytes::from(out)), pipe))
        })
    }

    /// The next bytes for the client, or `None` when the stream is over.
    async fn next_bytes(&mut self) -> Option<Vec<u8>> {
        loop {
            if self.finished {
                self.settle();
                return None;
            }
            let mut out = Vec::new();
            if !self.pending.is_empty() {
                let pending = std::mem::take(&mut self.pending);
                for ev in &pending {
                    self.process(ev, &mut out);
                }
            } else {
                let next = match self.cut.as_mut() {
                    Some(cut) => tokio::select! {
                        // The cut first: a stream whose upstream is always ready is still cut.
                        biased;
                        _ = cut.as_mut() => None,
                        n = self.upstream.next() => Some(n),
                    },
                    None => Some(self.upstream.next().await),
                };
                let Some(next) = next else {
                    // Shutdown's grace is over: the client hears why, the record says so, and
                    // the key is not blamed.
                    self.cut = None;
                    let mut c =
                        Classified::bad_answer(&self.provider, "the relay is shutting down; the stream was cut");
                    c.penalty = Outcome::ClientError;
                    self.fail(c, &mut out);
                    self.completion.mark_first_byte();
                    if let Some(b) = self.completion.bodies_mut() {
                        b.append_response(&out);
                    }
                    self.settle();
                    return Some(out);
                };
                self.take(next, &mut out);
                self.gather(&mut out);
            }
            if !out.is_empty() {
                if self.client == Dialect::Responses && self.terminal && matches!(self.outcome, Some(Ending::Ok)) {
                    // The conversation is stored before the last bytes go out, so the client's
                    // next turn finds it.
                    if let Some(pending) = self.completion.conversation.take() {
                        if let Some(resp) = super::conversation::final_response(&out) {
                            super::conversation::save(pending, resp).await;
                        }
                    }
                }
                self.completion.mark_first_byte();
                if let Some(b) = self.completion.bodies_mut() {
                    b.response_is_stream = true;
                    b.append_response(&out);
                }
                self.settle();
                return Some(out);
            }
        }
    }

    /// Add to `out` the upstream chunks that are already at hand, so that a burst of events one
    /// read brought in reaches the client in one write (the lean client's body hands over
    /// everything its connection has read without waiting). Bounded by count and size; stops at
    /// the first chunk that is not ready, so it never waits for more.
    fn gather(&mut self, out: &mut Vec<u8>) {
        const MAX_CHUNKS: usize = 256;
        const MAX_BYTES: usize = 64 * 1024;
        for _ in 0..MAX_CHUNKS {
            if self.finished || out.len() >= MAX_BYTES {
                return;
            }
            match self.upstream.next().now_or_never() {
                Some(next) => self.take(next, out),
                None => return,
            }
        }
    }

    /// One read of the upstream body (a chunk, an error or the end) into bytes for the client.
    fn take(&mut self, next: Option<Result<Bytes, crate::providers::UpstreamError>>, out: &mut Vec<u8>) {
        match next {
            Some(Ok(chunk)) if self.raw.is_some() => self.raw_chunk(&chunk, out),
            Some(Ok(chunk)) => {
                if matches!(self.mode, PipeMode::Translate { .. }) {
                    // A translated event is a little longer than the upstream's: one allocation
                    // for the client's bytes rather than a growth per field.
                    out.reserve(chunk.len() * 2 + 128);
                }
                let mut events = std::mem::take(&mut self.scratch);
                if let Err(e) = self.decoder.push(&chunk, &mut events) {
                    self.fail(Classified::bad_answer(&self.provider, e), out);
                }
                for ev in events.drain(..) {
                    self.process(&ev, out);
                }
                self.scratch = events;
            }
            Some(Err(e)) => self.fail(Classified::transport(&self.provider, &e), out),
            None => {
                if let Some(tail) = self.raw.take() {
                    // What is held back is an incomplete event: the decoder judges it.
                    let mut events = Vec::new();
                    let _ = self.decoder.push(&tail, &mut events);
                }
                let cut = self.decoder.finish();
                if !self.terminal && matches!(self.mode, PipeMode::Translate { .. }) {
                    // The translator knows best whether its upstream finished properly.
                    self.translate(None, out);
                }
                if !self.terminal && matches!(self.mode, PipeMode::GeminiPassthrough { finished: true }) {
                    self.terminal = true;
                    self.complete();
                }
                if self.terminal || self.finished {
                    self.finished = true;
                } else {
                    let what = match self.upstream_dialect {
                        Dialect::OpenAi => "[DONE]",
                        Dialect::Anthropic => "message_stop",
                        Dialect::Responses => "response.completed",
                        Dialect::Gemini => "a finishReason",
                    };
                    let detail = if cut { " (cut in the middle of an event)" } else { "" };
                    let detail = format!("the upstream stream ended before {what}{detail}");
                    self.fail(Classified::bad_answer(&self.provider, detail), out);
                }
            }
        }
    }

    /// Raw forwarding of one chunk: whole events go out as they came, except those that may
    /// carry usage, an error or the end, which are decoded and processed like any other.
    fn raw_chunk(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let Some(mut buf) = self.raw.take() else { return };
        buf.extend_from_slice(chunk);
        let n = super::raw_sse::complete_len(&buf);
        if n == 0 {
            if buf.len() > crate::translate::sse::DEFAULT_MAX_EVENT_BYTES {
                let limit = crate::translate::sse::DEFAULT_MAX_EVENT_BYTES;
                self.fail(Classified::bad_answer(&self.provider, format!("SSE event exceeds {limit} bytes")), out);
            }
            self.raw = Some(buf);
            return;
        }
        let look = match self.mode {
            PipeMode::AnthropicPassthrough => super::raw_sse::anthropic_needs_look,
            _ => super::raw_sse::openai_needs_look,
        };
        let mut events = std::mem::take(&mut self.scratch);
        for ev in super::raw_sse::split(&buf[..n]) {
            if self.terminal || self.finished {
                break;
            }
            if !look(ev) {
                out.extend_from_slice(ev);
                continue;
            }
            if let Err(e) = self.decoder.push(ev, &mut events) {
                self.fail(Classified::bad_answer(&self.provider, e), out);
            }
            for e in events.drain(..) {
                self.process(&e, out);
            }
        }
        self.scratch = events;
        buf.drain(..n);
        self.raw = Some(buf);
    }

    fn process(&mut self, ev: &SseEvent, out: &mut Vec<u8>) {
        // After the end, or after an error event went out (`fail`), nothing more is sent: later
        // events of the same chunk included.
        if self.terminal || self.finished {
            return;
        }
        match self.mode {
            PipeMode::Translate { .. } => self.translate(Some(ev), out),
            PipeMode::OpenAiPassthrough { strip_usage } => {
                if ev.data.trim() == "[DONE]" {
                    self.terminal = true;
                    out.extend_from_slice(b"data: [DONE]\n\n");
                    self.complete();
                    return;
                }
                let data = ev.data.as_bytes();
                if memchr::memmem::find(data, b"\"usage\"").is_some()
                    || memchr::memmem::find(data, b"\"error\"").is_some()
                {
                    #[derive(Deserialize)]
                    struct Probe {
                        choices: Option<Vec<IgnoredAny>>,
                        usage: Option<AnyUsage>,
                        error: Option<serde_json::Value>,
                    }
                    if let Ok(p) = serde_json::from_str::<Probe>(&ev.data) {
                        if let Some(err) = p.error {
                            return self.upstream_error_event(ev, &err, out);
                        }
                        if let Some(u) = p.usage {
                            self.usage = Some(u);
                            if strip_usage && p.choices.as_ref().is_none_or(|c| c.is_empty()) {
                                return;
                            }
                        }
                    }
                }
                encode_event(ev.event.as_deref(), &ev.data, out);
            }
            PipeMode::ResponsesPassthrough { .. } => self.responses_passthrough(ev, out),
            PipeMode::GeminiPassthrough { .. } => self.gemini_passthrough(ev, out),
            PipeMode::AnthropicPassthrough => {
                match ev.event.as_deref() {
                    Some("message_start") => {
                        #[derive(Deserialize)]
                        struct Start {
                            message: Msg,
                        }
                        #[derive(Deserialize)]
                        struct Msg {
                            usage: Option<AnyUsage>,
                        }
                        if let Ok(Start { message: Msg { usage: Some(u) } }) = serde_json::from_str(&ev.data) {
                            self.usage = Some(u);
                        }
                    }
                    Some("message_delta") => {
                        #[derive(Deserialize)]
                        struct Delta {
                            usage: Option<AnyUsage>,
                        }
                        if let Ok(Delta { usage: Some(u) }) = serde_json::from_str(&ev.data) {
                            let mut merged = self.usage.take().unwrap_or_default();
                            merged.output_tokens = u.output_tokens.or(merged.output_tokens);
                            merged.input_tokens = u.input_tokens.or(merged.input_tokens);
                            merged.cache_read_input_tokens =
                                u.cache_read_input_tokens.or(merged.cache_read_input_tokens);
                            merged.cache_creation_input_tokens =
                                u.cache_creation_input_tokens.or(merged.cache_creation_input_tokens);
                            self.usage = Some(merged);
                        }
                    }
                    Some("error") => {
                        self.upstream_error = Some(ErrorInfo::parse(ev.data.as_bytes()));
                        encode_event(ev.event.as_deref(), &self.redacted(&ev.data), out);
                        self.terminal = true;
                        self.complete();
                        return;
                    }
                    _ => {}
                }
                encode_event(ev.event.as_deref(), &ev.data, out);
                if ev.event.as_deref() == Some("message_stop") {
                    self.terminal = true;
                    self.complete();
                }
            }
        }
    }

    /// Responses to Responses: every event as it came, the usage and the end read on the side.
    fn responses_passthrough(&mut self, ev: &SseEvent, out: &mut Vec<u8>) {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(rename = "type")]
            kind: Option<String>,
            sequence_number: Option<u64>,
            response: Option<Resp>,
        }
        #[derive(Deserialize)]
        struct Resp {
            usage: Option<AnyUsage>,
        }
        encode_event(ev.event.as_deref(), &ev.data, out);
        let Ok(p) = serde_json::from_str::<Probe>(&ev.data) else { return };
        if let (PipeMode::ResponsesPassthrough { next_seq }, Some(n)) = (&mut self.mode, p.sequence_number) {
            *next_seq = n.saturating_add(1);
        }
        let kind = p.kind.as_deref().or(ev.event.as_deref()).unwrap_or_default();
        if let Some(u) = p.response.and_then(|r| r.usage) {
            self.usage = Some(u);
        }
        match kind {
            "response.completed" | "response.incomplete" => {
                self.terminal = true;
                self.complete();
            }
            "response.failed" | "error" => {
                self.upstream_error = ErrorInfo::from_stream_event(Dialect::Responses, ev.event.as_deref(), &ev.data)
                    .or_else(|| {
                        Some(ErrorInfo { message: "the upstream response failed".into(), ..ErrorInfo::default() })
                    });
                self.terminal = true;
                self.complete();
            }
            _ => {}
        }
    }

    /// Gemini to Gemini: every chunk as it came; usage, errors and the finish reason read on the
    /// side.
    fn gemini_passthrough(&mut self, ev: &SseEvent, out: &mut Vec<u8>) {
        #[derive(Deserialize)]
        struct Probe {
            error: Option<serde_json::Value>,
            #[serde(rename = "usageMetadata")]
            usage: Option<AnyUsage>,
            candidates: Option<Vec<Candidate>>,
        }
        #[derive(Deserialize)]
        struct Candidate {
            #[serde(rename = "finishReason")]
            finish_reason: Option<IgnoredAny>,
        }
        let Ok(p) = serde_json::from_str::<Probe>(&ev.data) else {
            encode_event(ev.event.as_deref(), &ev.data, out);
            return;
        };
        if let Some(err) = p.error {
            return self.upstream_error_event(ev, &err, out);
        }
        encode_event(ev.event.as_deref(), &ev.data, out);
        if let Some(u) = p.usage {
            self.usage = Some(u);
        }
        if p.candidates.iter().flatten().any(|c| c.finish_reason.is_some()) {
            self.mode = PipeMode::GeminiPassthrough { finished: true };
        }
    }

    /// The upstream's own error event (a top-level `error` in a data line): passed on redacted,
    /// and it ends the stream; anything after it (some send a [DONE] anyway) must not reach the
    /// client.
    fn upstream_error_event(&mut self, ev: &SseEvent, err: &serde_json::Value, out: &mut Vec<u8>) {
        self.upstream_error = Some(ErrorInfo::from_value(err));
        encode_event(ev.event.as_deref(), &self.redacted(&ev.data), out);
        self.terminal = true;
        self.complete();
    }

    /// An upstream error event's text with the key, and anything key-shaped, replaced.
    fn redacted(&self, data: &str) -> String {
        crate::redact::error_text(data, self.secret_texts())
    }

    fn tokens(&self) -> Option<crate::record::Tokens> {
        match &self.ir_usage {
            Some(u) => Some(u.into()),
            None => self.usage.as_ref().map(|u| u.tokens(self.upstream_dialect)),
        }
    }

    /// Translated streams: upstream event → IR → client events, noting usage and the end.
    fn translate(&mut self, ev: Option<&SseEvent>, out: &mut Vec<u8>) {
        let mut irs = std::mem::take(&mut self.irs);
        let PipeMode::Translate { decoder, encoder } = &mut self.mode else { return };
        let result = match ev {
            Some(ev) => decoder.push(ev, &mut irs),
            None => decoder.finish(&mut irs),
        };
        let (mut terminal, mut error) = (false, None);
        let (key, secrets) = (self.lease.as_ref().map(Lease::secret), &self.secrets);
        for ie in &irs {
            match ie {
                ir::StreamEvent::MessageStart { usage, .. } => self.ir_usage = Some(*usage),
                ir::StreamEvent::MessageDelta { usage: Some(u), .. } => self.ir_usage = Some(*u),
                ir::StreamEvent::MessageStop => terminal = true,
                ir::StreamEvent::Error { message, error_type } => {
                    // The first error ends the stream: nothing the translator makes after it
                    // (closing blocks, a stop) may follow it to the client.
                    let texts: Vec<&str> = key.into_iter().chain(secrets.iter()).map(|s| s.expose().as_str()).collect();
                    let message = crate::redact::error_text(message, texts.iter().copied());
                    let error_type = crate::redact::error_text(error_type, texts.iter().copied());
                    encoder.push(&ir::StreamEvent::Error { error_type, message: message.clone() }, out);
                    error = Some(ErrorInfo { message, ..ErrorInfo::default() });
                    break;
                }
                _ => {}
            }
            encoder.push(ie, out);
        }
        irs.clear();
        self.irs = irs;
        if let Err(e) = result {
            self.fail(Classified::bad_answer(&self.provider, e), out);
        } else if let Some(info) = error {
            self.upstream_error = Some(info);
            self.terminal = true;
            self.complete();
        } else if terminal {
            self.terminal = true;
            self.complete();
        }
    }

    /// The upstream finished (normally, or with its own error event). The record is written by
    /// `settle`, once the bytes of this batch are captured.
    fn complete(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        self.outcome = Some(match self.upstream_error.take() {
            None => Ending::Ok,
            Some(info) => {
                let ctx = Context {
                    provider: &self.provider,
                    ignore_errors: &[],
                    key: self.lease.as_ref().map(Lease::secret),
                    secrets: &self.secrets,
                };
                Ending::UpstreamError(Classified::stream_error(ctx, info))
            }
        });
    }

    /// The upstream broke: tell the client in its dialect and end.
    fn fail(&mut self, c: Classified, out: &mut Vec<u8>) {
        match &mut self.mode {
            // A Responses client gets `response.failed` from the encoder, in sequence.
            PipeMode::Translate { encoder, .. } if self.client == Dialect::Responses => {
                let ev = ir::StreamEvent::Error { error_type: "upstream_error".into(), message: c.message.clone() };
                encoder.push(&ev, out);
            }
            PipeMode::ResponsesPassthrough { next_seq } => {
                encode_stream_error_at(self.client, "upstream_error", &c.message, *next_seq, out)
            }
            _ => encode_stream_error(self.client, "upstream_error", &c.message, out),
        }
        self.outcome = Some(Ending::Broken(c));
        self.finished = true;
    }

    /// Apply the outcome to the key and write the record, once.
    fn settle(&mut self) {
        let Some(outcome) = self.outcome.take() else { return };
        let tokens = self.tokens();
        let lease = self.lease.take();
        match outcome {
            Ending::Ok => {
                if let Some(l) = lease {
                    l.finish(Outcome::Success, None);
                }
                self.completion.finish(200, None, tokens);
            }
            // The client already has its 200 and some bytes: the record says 502 all the same.
            Ending::UpstreamError(c) => {
                if let Some(l) = lease {
                    l.finish(c.penalty, Some(&c.message));
                }
                self.completion.finish(502, Some(("upstream", c.message)), tokens);
            }
            Ending::Broken(c) => {
                if let Some(l) = lease {
                    l.finish(c.penalty, Some(&c.message));
                }
                self.completion.finish(502, Some(("upstream_stream", c.message)), tokens);
            }
        }
    }
}
