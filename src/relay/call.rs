//! What one candidate's attempt shares with the answer it produces (`attempt` opens it, `respond`
//! finishes it): the `Call` context, the classifier's view of provider and key, recording a failed
//! attempt with its key penalty, and bounded body reads.

use super::Inbound;
use super::completion::Completion;
use super::decode::Request;
use super::prepare::Prepared;
use crate::keys::Lease;
use crate::providers::outcome::{Classified, Context};
use crate::providers::{BodyStream, Provider};
use crate::record::Attempt;
use crate::router::Candidate;
use crate::runtime::Runtime;
use futures_util::StreamExt;

/// Largest upstream body read whole (non-stream answers).
pub(super) const MAX_UPSTREAM_BODY_BYTES: usize = 64 * 1024 * 1024;
/// Error bodies are only read this far: enough for any message.
pub(super) const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// One candidate being attempted: what the attempt, the plain answer and the stream share.
#[derive(Clone, Copy)]
pub(super) struct Call<'a> {
    pub(super) rt: &'a Runtime,
    pub(super) inbound: &'a Inbound,
    pub(super) req: &'a Request,
    pub(super) provider: &'a Provider,
    pub(super) cand: &'a Candidate,
    pub(super) prepared: &'a Prepared,
}

/// What the classifier needs to know of this provider and key, and the secrets to redact.
pub(super) fn context<'a>(rt: &'a Runtime, provider: &'a Provider, lease: &'a Lease) -> Context<'a> {
    Context {
        provider: provider.name(),
        ignore_errors: &provider.config.ignore_errors,
        key: Some(lease.secret()),
        secrets: &rt.secrets,
    }
}

/// Record a failed attempt and apply its penalty to the key; returns the key's index (tried).
pub(super) fn fail_attempt(lease: Lease, completion: &mut Completion, mut attempt: Attempt, c: &Classified) -> usize {
    attempt.error = Some(c.message.clone());
    attempt.settle_time();
    if let Some(r) = completion.record_mut() {
        r.attempts.push(attempt);
    }
    let index = lease.index;
    lease.finish(c.penalty.clone(), Some(&c.message));
    index
}

/// Read a body up to `limit` bytes; `None` if it broke off or was larger.
pub(super) async fn read_bounded(mut body: BodyStream, limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.ok()?;
        if out.len() + chunk.len() > limit {
            out.extend_from_slice(&chunk[..limit - out.len()]);
            return Some(out);
        }
        out.extend_from_slice(&chunk);
    }
    Some(out)
}
