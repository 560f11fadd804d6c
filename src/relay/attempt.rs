//! Stage 4, attempt: the loop over candidates and, within each, over its keys. Every failure is
//! classified once (`providers::outcome::Classified`) and the loop only reads that value: the key's
//! penalty goes to `Lease::finish`, `fail_over` decides between trying another key (then the next
//! candidate) and answering at once, the provider's `retry` policy asks it whether another backoff
//! round is due, and a "tools not supported" refusal sends the request again, downgraded. Nothing
//! is retried once the first byte has gone to the client: that line is drawn in `respond`. A 5xx
//! that a second key reproduces on the same request is the request's doing: neither key is
//! penalised (the first key's penalty waits for the second answer), no further key is tried, and
//! no other provider either (the upstream's status is the answer) — unless the status is one of
//! an upstream's outage (502, 503, 504), which another provider does not share.

use super::call::{Call, MAX_ERROR_BODY_BYTES, context, fail_attempt, read_bounded};
use super::completion::Completion;
use super::decode::Request;
use super::prepare::prepare;
use super::{Inbound, respond};
use crate::error::{ErrorKind, Fault, RelayError};
use crate::keys::{EarlyProbe, Unavailable};
use crate::providers::Provider;
use crate::providers::outcome::Classified;
use crate::record::Attempt;
use crate::router::Candidate;
use crate::runtime::Runtime;
use axum::body::Body;
use http::{Response, StatusCode};
use std::time::{Duration, Instant};

/// Try every candidate in order until one answers; the last failure is the answer otherwise.
pub(super) async fn run(
    rt: &Runtime,
    inbound: &Inbound,
    req: &Request,
    candidates: &[Candidate],
    conv: Option<u64>,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    let mut last_err: Option<RelayError> = None;
    let mut attempts_total = 0usize;
    // While every candidate so far had all its keys resting after errors: the soonest rest.
    let mut early: Option<(&Candidate, EarlyProbe)> = None;
    let mut all_resting = true;
    for cand in candidates {
        match try_candidate(rt, inbound, req, cand, conv, None, completion, &mut attempts_total).await {
            Ok(resp) => return Ok(resp),
            Err(Failure::NextCandidate(e, probe)) => {
                last_err = Some(e);
                match probe {
                    Some(p) if early.is_none_or(|(_, e)| p.until < e.until) => early = Some((cand, p)),
                    Some(_) => {}
                    None => all_resting = false,
                }
            }
            Err(Failure::Final(e) | Failure::ToolsUnsupported(e)) => return Err(e),
        }
    }
    // One blip must not take a provider down: when every key of every candidate rests after
    // server errors, the key whose rest ends first takes the request as its probe.
    if let (true, Some((cand, probe))) = (all_resting, early) {
        match try_candidate(rt, inbound, req, cand, conv, Some(probe.index), completion, &mut attempts_total).await {
            Ok(resp) => return Ok(resp),
            Err(Failure::NextCandidate(e, _) | Failure::Final(e) | Failure::ToolsUnsupported(e)) => last_err = Some(e),
        }
    }
    Err(last_err.unwrap_or_else(|| {
        RelayError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Unavailable,
            Fault::Relay,
            "no provider could take the request",
        )
    }))
}

/// One candidate, sent again downgraded if its upstream refuses tools.
#[allow(clippy::too_many_arguments, reason = "the request's context, passed down as is")]
async fn try_candidate(
    rt: &Runtime,
    inbound: &Inbound,
    req: &Request,
    cand: &Candidate,
    conv: Option<u64>,
    early: Option<usize>,
    completion: &mut Completion,
    attempts_total: &mut usize,
) -> Result<Response<Body>, Failure> {
    let provider = &rt.providers[cand.provider];
    let mut force_downgrade = false;
    loop {
        let prepared = prepare(rt, req, inbound, provider, &cand.model, force_downgrade).map_err(Failure::Final)?;
        let call = Call { rt, inbound, req, provider, cand, prepared: &prepared };
        match attempt_candidate(call, conv, early, completion, attempts_total).await {
            // The upstream said it cannot do tools: it is remembered; send this request again, downgraded.
            Err(Failure::ToolsUnsupported(_)) if !force_downgrade => force_downgrade = true,
            other => return other,
        }
    }
}

enum Failure {
    /// Answer the client with this now (client fault, or nothing else to try).
    Final(RelayError),
    /// This candidate is exhausted; the next may be tried. With an early probe when every key
    /// rested after server errors and none was tried.
    NextCandidate(RelayError, Option<EarlyProbe>),
    /// The upstream rejected the request's tools: retry it downgraded.
    ToolsUnsupported(RelayError),
}

async fn attempt_candidate(
    call: Call<'_>,
    conv: Option<u64>,
    mut early: Option<usize>,
    completion: &mut Completion,
    attempts_total: &mut usize,
) -> Result<Response<Body>, Failure> {
    let Call { rt, inbound, req, provider, cand, prepared } = call;
    let mut tried: Vec<usize> = Vec::new();
    let mut retries = 0u32;
    let mut last: Option<Classified> = None;
    // A 5xx answer not yet charged to its key: if the next key gets the same answer to the same
    // request, the request is what fails, and neither key is penalised.
    let mut deferred = Deferred(None);
    loop {
        let leased = match early.take().and_then(|i| provider.pool.lease_early_probe(i)) {
            Some(l) => Ok(l),
            None => provider.pool.lease(&tried, conv),
        };
        let lease = match leased {
            Ok(l) => l,
            Err(un) => {
                // Provider `retry`: another round after a backoff, if the last failure qualifies.
                if let (Some(retry), Some(c)) = (&provider.config.retry, &last) {
                    if c.retry_qualifies(retry) && retries < retry.max_retries {
                        retries += 1;
                        let backoff = retry.backoff(retries);
                        let wait = backoff.max(un.retry_after.unwrap_or_default());
                        if wait <= retry.backoff_max {
                            // A new round may lease the same keys: settle the one held back first.
                            drop(std::mem::replace(&mut deferred, Deferred(None)));
                            completion.upstream(tokio::time::sleep(wait)).await;
                            tried.clear();
                            continue;
                        }
                    }
                }
                let probe = if last.is_none() { un.early_probe } else { None };
                return Err(Failure::NextCandidate(
                    last.map_or_else(|| unavailable(provider, un), |c| c.to_error()),
                    probe,
                ));
            }
        };
        *attempts_total += 1;
        let sent_at = Instant::now();
        let result = completion
            .upstream(provider.send(
                prepared.endpoint,
                &lease.key.auth,
                prepared.bytes.clone(),
                forwarded_headers(inbound, prepared),
                req.stream,
            ))
            .await;
        let mut attempt = Attempt {
            provider: provider.name().to_string(),
            model: cand.model.clone(),
            key_label: lease.label().to_string(),
            sent_at: Some(sent_at),
            dropped: prepared.dropped.clone(),
            ..Attempt::default()
        };
        let reply = match result {
            Ok(r) => r,
            Err(e) => {
                let c = Classified::transport(provider.name(), &e);
                tried.push(fail_attempt(lease, completion, attempt, &c));
                last = Some(c);
                continue;
            }
        };
        attempt.status = reply.status.as_u16();
        if !reply.status.is_success() {
            let body = completion.upstream(read_bounded(reply.body, MAX_ERROR_BODY_BYTES)).await.unwrap_or_default();
            let c = Classified::response(context(rt, provider, &lease), reply.status, &reply.headers, &body);
            if c.fault == crate::providers::outcome::Fault::Provider && c.status.is_server_error() {
                let reproduced = deferred.0.as_ref().is_some_and(|(_, prev)| prev.status == c.status);
                let mut quiet = c.clone();
                quiet.penalty = crate::keys::Outcome::ClientError;
                let index = lease.index;
                fail_attempt_deferred(completion, attempt, &c);
                if reproduced {
                    if let Some((prev, _)) = deferred.0.take() {
                        prev.finish(quiet.penalty.clone(), Some(&quiet.message));
                    }
                    lease.finish(quiet.penalty.clone(), Some(&quiet.message));
                    // The request is what fails: no more keys, and no other provider either —
                    // the upstream's status is the answer. Only an answer that speaks of the
                    // upstream's own state (502, 503, 504: down, overloaded, timed out) still
                    // lets another provider try, since that one does not share the outage.
                    if outage(c.status) {
                        return Err(Failure::NextCandidate(c.to_error(), None));
                    }
                    return Err(Failure::Final(c.to_error()));
                }
                // A different failure before: that key pays its own penalty now (Drop).
                deferred = Deferred(Some((lease, c.clone())));
                tried.push(index);
                last = Some(c);
                continue;
            }
            let index = fail_attempt(lease, completion, attempt, &c);
            if !c.fail_over {
                let tools_refused = c.tools_unsupported
                    && rt.config.routing.tools.auto_downgrade
                    && !prepared.downgraded
                    && req.body.get("tools").is_some();
                if tools_refused {
                    rt.tool_support.remember(provider.name(), &cand.model);
                    return Err(Failure::ToolsUnsupported(c.to_error()));
                }
                return Err(Failure::Final(c.to_error()));
            }
            tried.push(index);
            last = Some(c);
            continue;
        }
        // 2xx: the answer is good unless its body says otherwise before anything was sent.
        let result = if req.stream {
            respond::open_stream(call, reply, lease, completion, attempt, *attempts_total).await
        } else {
            respond::finish_plain(call, reply, lease, completion, attempt, *attempts_total).await
        };
        match result {
            Ok(resp) => return Ok(resp),
            Err((index, c)) => {
                tried.push(index);
                last = Some(c);
            }
        }
    }
}

/// A server error that says the upstream itself is unavailable rather than the request failing.
fn outage(status: StatusCode) -> bool {
    matches!(status, StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT)
}

/// A failed key whose penalty waits for the next key's answer; paid when dropped.
struct Deferred(Option<(crate::keys::Lease, Classified)>);

impl Drop for Deferred {
    fn drop(&mut self) {
        if let Some((lease, c)) = self.0.take() {
            lease.finish(c.penalty.clone(), Some(&c.message));
        }
    }
}

/// Record a failed attempt whose key penalty is decided later.
fn fail_attempt_deferred(completion: &mut Completion, mut attempt: Attempt, c: &Classified) {
    attempt.error = Some(c.message.clone());
    attempt.settle_time();
    if let Some(r) = completion.record_mut() {
        r.attempts.push(attempt);
    }
}

fn unavailable(provider: &Provider, un: Unavailable) -> RelayError {
    let (status, kind) = if un.all_rate_limited {
        (StatusCode::TOO_MANY_REQUESTS, ErrorKind::RateLimited)
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, ErrorKind::Unavailable)
    };
    let mut e = RelayError::new(status, kind, Fault::Upstream, format!("[{}] {}", provider.name(), un.reason))
        .with_retry_after(un.retry_after);
    if e.retry_after.is_none() && status == StatusCode::TOO_MANY_REQUESTS {
        e.retry_after = Some(Duration::from_secs(1));
    }
    e
}

/// The client headers a provider may pass on (User-Agent, Anthropic version/beta): only when the
/// client speaks the upstream's dialect.
fn forwarded_headers<'a>(inbound: &'a Inbound, prepared: &super::prepare::Prepared) -> &'a http::HeaderMap {
    static NONE: std::sync::OnceLock<http::HeaderMap> = std::sync::OnceLock::new();
    if prepared.upstream == inbound.dialect { &inbound.headers } else { NONE.get_or_init(http::HeaderMap::new) }
}
