//! The request pipeline for the relay routes, from an authenticated body to the client's response.
//! `handle` runs these stages in order, each in its own file:
//!
//! 0. **Conversation** (`conversation`, Responses clients only): `previous_response_id` is
//!    resolved from the stored conversations into a self-contained body.
//! 1. **Decode** (`decode`): the body is parsed once into its top-level raw fields; `model`,
//!    `messages`, `stream` and `stream_options` are checked. The IR is decoded only if a
//!    candidate needs translation.
//!    A user's relay key is then held to its limits (`auth::Principal::admit`): allowed models,
//!    requests per minute, tokens per day, cost per month.
//! 2. **Route** (`router::resolve_with`): an ordered candidate list; the sticky-key hash of the
//!    conversation when the pool is sticky.
//! 3. **Prepare** (`prepare`), per candidate: same dialect → passthrough (only `model`
//!    rewritten, `stream_options.include_usage` requested), else translated; tool downgrade or
//!    emulation; parameter layers.
//! 4. **Attempt** (`attempt`): lease a key, send, classify the outcome once
//!    (`providers::outcome`), penalise the key, fail over to the next key, then the next candidate
//!    — only before the first byte went to the client. Provider `retry` adds backoff rounds.
//! 5. **Respond** (`respond`, `pipe`): plain bodies are checked (or translated) and passed back;
//!    streams are committed after their first event and then piped event by event.
//! 6. **Record** (`completion`): `Completion` is the one hook that finishes the request record,
//!    including when the client disconnects mid-stream, and hands it to the `RecordSink`; a
//!    Responses answer is stored for later turns (`conversation::save`).
//!
//! `count_tokens` (`POST /v1/messages/count_tokens`) runs stages 1–2 and records through the same
//! hook, marked as a `count_tokens` call.

mod attempt;
mod call;
mod completion;
mod conversation;
mod count;
mod decode;
mod form;
pub mod objects;
mod pipe;
mod prepare;
mod raw_sse;
mod respond;
pub mod surface;

pub use completion::{Completion, IN_FLIGHT, InFlight, RecordSink};
pub use count::count_tokens;

use crate::dialect::Dialect;
use crate::error::RelayError;
use crate::providers::Endpoint;
use crate::record::RecordKind;
use crate::router;
use crate::runtime::Runtime;
use axum::body::Body;
use bytes::Bytes;
use http::{HeaderMap, Response};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// One inbound relay request after auth and body limits.
pub struct Inbound {
    pub dialect: Dialect,
    pub endpoint: Endpoint,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub client_addr: Option<SocketAddr>,
    /// A stable, non-secret identity of the caller's credential (for sticky key selection).
    pub caller: u64,
    /// The user and relay key behind the request (`None`: the server's access key).
    pub principal: Option<crate::auth::Principal>,
}

/// (message, type, code) from any of the error shapes upstreams use, or the raw text.
pub fn parse_error_body(body: &[u8]) -> (String, Option<String>, Option<serde_json::Value>) {
    let i = crate::providers::outcome::ErrorInfo::parse(body);
    (i.message, i.upstream_type, i.code)
}

/// Relay one request; every failure is answered in the caller's dialect.
pub async fn handle(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, inbound: Inbound) -> Response<Body> {
    // (Held a moment first while the request log's writer is far behind: `Completion::open`.)
    let mut completion = Completion::open(sink, &inbound, RecordKind::Completion).await;
    let dialect = inbound.dialect;
    // Past the shutdown grace period a request still waiting for its answer is cut: it is
    // answered with an error and recorded as cut (a stream already under way ends in `pipe`).
    let mut cut = rt.cut.subscribe();
    let result = {
        let relayed = run(&rt, &inbound, &mut completion);
        tokio::select! {
            r = relayed => r,
            Ok(_) = cut.wait_for(|c| *c) => Err(RelayError::new(
                http::StatusCode::SERVICE_UNAVAILABLE,
                crate::error::ErrorKind::Unavailable,
                crate::error::Fault::Relay,
                "the relay is shutting down: the request was cut at the end of server.shutdown_grace_secs",
            )),
        }
    };
    match result {
        Ok(resp) => resp,
        Err(e) => {
            log_failure(&inbound, &e);
            completion.fail(&e);
            e.render(dialect)
        }
    }
}

/// Error lines logged per second at most (the rest are counted and reported with the next one).
const ERROR_LINES_PER_SECOND: u32 = 5;
static ERROR_LOG: crate::error::LogLimiter = crate::error::LogLimiter::new(ERROR_LINES_PER_SECOND);

/// One concise warn line for a request that ended in an error, rate-limited.
fn log_failure(inbound: &Inbound, e: &RelayError) {
    let Some(suppressed) = ERROR_LOG.allow() else { return };
    let endpoint = inbound.endpoint.name();
    let (status, kind) = (e.status.as_u16(), e.kind.label());
    if suppressed > 0 {
        tracing::warn!(
            status,
            kind,
            endpoint,
            suppressed,
            "request failed: {} ({suppressed} similar lines left out)",
            e.message
        );
    } else {
        tracing::warn!(status, kind, endpoint, "request failed: {}", e.message);
    }
}

async fn run(
    rt: &Runtime,
    inbound: &Inbound,
    completion: &mut Completion,
) -> Result<Response<Body>, crate::error::RelayError> {
    // Responses: a stored conversation is written in front of the new input first.
    let expanded;
    let inbound = if inbound.dialect == Dialect::Responses {
        let (body, pending) = conversation::prepare(rt, inbound).await?;
        completion.conversation = pending;
        match body {
            Some(body) => {
                expanded = Inbound {
                    body,
                    headers: inbound.headers.clone(),
                    principal: inbound.principal.clone(),
                    ..*inbound
                };
                &expanded
            }
            None => inbound,
        }
    } else {
        inbound
    };
    let req = decode::decode(inbound)?;
    let logging = &rt.config.logging;
    if let Some(r) = completion.record_mut() {
        r.requested_model = req.model.clone();
        if req.stream && !r.stream {
            IN_FLIGHT.streams.fetch_add(1, Ordering::Relaxed);
        }
        r.stream = req.stream;
        if logging.enabled && logging.store_bodies {
            let cap = usize::try_from(logging.max_body_bytes).unwrap_or(usize::MAX);
            r.bodies = Some(crate::record::Bodies::new(inbound.body.clone(), cap));
        }
    }
    // A user's relay key is held to its limits before anything goes upstream.
    if let Some(p) = &inbound.principal {
        p.admit_shared(&req.model).await?;
    }
    let candidates = router::resolve_with(rt, &req.model, &|| decode::conversation_text(&req))?;
    let sticky = rt.providers[candidates[0].provider].pool.strategy == crate::config::Strategy::Sticky;
    let conv = sticky.then(|| decode::conversation_hash(&req, inbound.caller));
    attempt::run(rt, inbound, &req, &candidates, conv, completion).await
}
