//! `POST /v1/messages/count_tokens`: asked of the first Anthropic upstream among the candidates
//! (one key each; a failure that may fail over moves on), else a local estimate, marked as such
//! (`"estimated": true` and `x-monorelay-estimated: true`). The call goes through the same
//! completion hook as every relayed request and is recorded as a `count_tokens` call, which the
//! request rates and counters leave out.

use super::call::{MAX_ERROR_BODY_BYTES, context, fail_attempt, read_bounded};
use super::completion::{Completion, RecordSink};
use super::respond::relay_headers;
use super::{Inbound, decode};
use crate::error::RelayError;
use crate::keys::Outcome;
use crate::providers::Endpoint;
use crate::providers::outcome::Classified;
use crate::record::{Attempt, RecordKind};
use crate::router;
use crate::runtime::Runtime;
use axum::body::Body;
use bytes::Bytes;
use http::{HeaderValue, Response, header};
use std::sync::Arc;
use std::time::Instant;

/// Count a request's input tokens; every failure is answered in the caller's dialect.
pub async fn count_tokens(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, inbound: Inbound) -> Response<Body> {
    let mut completion = Completion::open(sink, &inbound, RecordKind::CountTokens).await;
    let dialect = inbound.dialect;
    match run(&rt, &inbound, &mut completion).await {
        Ok(resp) => resp,
        Err(e) => {
            completion.fail(&e);
            e.render(dialect)
        }
    }
}

async fn run(rt: &Runtime, inbound: &Inbound, completion: &mut Completion) -> Result<Response<Body>, RelayError> {
    let req = decode::decode(inbound)?;
    let logging = &rt.config.logging;
    if let Some(r) = completion.record_mut() {
        r.requested_model = req.model.clone();
        if logging.enabled && logging.store_bodies {
            let cap = usize::try_from(logging.max_body_bytes).unwrap_or(usize::MAX);
            r.bodies = Some(crate::record::Bodies::new(inbound.body.clone(), cap));
        }
    }
    let candidates = router::resolve(rt, &req.model)?;
    for cand in &candidates {
        let provider = &rt.providers[cand.provider];
        if provider.config.kind != crate::config::ProviderKind::Anthropic
            || rt.missing_routes.is_missing(provider.name(), Endpoint::CountTokens)
        {
            continue;
        }
        let Ok(lease) = provider.pool.lease(&[], None) else { continue };
        let mut body = req.body.clone();
        body.set("model", &cand.model);
        let body = Bytes::from(body.to_vec());
        let mut attempt = Attempt {
            provider: provider.name().to_string(),
            model: cand.model.clone(),
            key_label: lease.label().to_string(),
            sent_at: Some(Instant::now()),
            ..Attempt::default()
        };
        let sent = provider.send(Endpoint::CountTokens, &lease.key.auth, body.clone(), &inbound.headers, false);
        let reply = match completion.upstream(sent).await {
            Ok(r) => r,
            Err(e) => {
                fail_attempt(lease, completion, attempt, &Classified::transport(provider.name(), &e));
                continue;
            }
        };
        attempt.status = reply.status.as_u16();
        let bytes = completion.upstream(read_bounded(reply.body, MAX_ERROR_BODY_BYTES)).await.unwrap_or_default();
        if !reply.status.is_success() {
            let c = Classified::response(context(rt, provider, &lease), reply.status, &reply.headers, &bytes);
            if route_missing(reply.status, &bytes) {
                // An Anthropic-dialect server without the route: estimate locally, and remember.
                fail_attempt(lease, completion, attempt, &c);
                rt.missing_routes.remember(provider.name(), Endpoint::CountTokens);
                continue;
            }
            fail_attempt(lease, completion, attempt, &c);
            if c.fail_over {
                continue;
            }
            return Err(c.to_error());
        }
        attempt.settle_time();
        if let Some(b) = completion.bodies_mut() {
            b.set_upstream(&body);
            b.append_response(&bytes);
        }
        if let Some(r) = completion.record_mut() {
            r.provider = Some(provider.name().to_string());
            r.model = Some(cand.model.clone());
            r.key_label = Some(lease.label().to_string());
            r.upstream = Some(provider.dialect());
            r.attempts.push(attempt);
        }
        lease.finish(Outcome::Success, None);
        let mut resp = Response::new(Body::from(bytes));
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        relay_headers(&mut resp, provider, &cand.model, 1);
        completion.finish(resp.status().as_u16(), None, None);
        return Ok(resp);
    }
    let ir = req.ir(inbound)?;
    let n = crate::tokens::estimate_request(ir);
    let body = serde_json::json!({"input_tokens": n, "estimated": true}).to_string();
    if let Some(b) = completion.bodies_mut() {
        b.append_response(body.as_bytes());
    }
    let mut resp = Response::new(Body::from(body));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert("x-monorelay-estimated", HeaderValue::from_static("true"));
    completion.finish(resp.status().as_u16(), None, None);
    Ok(resp)
}

/// A 404/405 that says the route does not exist, not that the model does not (Anthropic answers
/// an unknown model with a `not_found_error` naming the model).
fn route_missing(status: http::StatusCode, body: &[u8]) -> bool {
    if status == http::StatusCode::METHOD_NOT_ALLOWED {
        return true;
    }
    if status != http::StatusCode::NOT_FOUND {
        return false;
    }
    let info = crate::providers::outcome::ErrorInfo::parse(body);
    !(info.upstream_type.as_deref() == Some("not_found_error") && info.message.to_lowercase().contains("model"))
}
