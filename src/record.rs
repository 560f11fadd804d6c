//! The request record, in its two forms: `RequestRecord`, what one relayed request did, built by
//! the single completion hook of the relay pipeline and handed to its record sink; and `LogEntry`,
//! the same request as the request log stores it, as stats aggregate it and as live subscribers
//! (`logs tail -f`, `top`) receive it. Plain data: everything that reads or writes records imports
//! this module, and it imports none of them. It also holds this relay's instance name
//! (`instance_id`, set once by `join_cluster`), with which every record is tagged in a cluster.

use crate::dialect::Dialect;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::time::SystemTime;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(default)]
pub struct Tokens {
    pub input: u64,
    pub output: u64,
    pub cache_read: u64,
    pub cache_write: u64,
}

/// One upstream attempt of a request (failovers make several).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(default)]
pub struct Attempt {
    pub provider: String,
    pub model: String,
    pub key_label: String,
    /// Upstream HTTP status, or 0 when no response came (connect error, timeout).
    pub status: u16,
    pub error: Option<String>,
    /// Fields of the client's request that this attempt's upstream body left out (translation:
    /// advisory fields such as `context_management`, or anything under `drop_unsupported`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<String>,
    /// Time spent waiting on the upstream: until its answer was known (non-stream: the whole
    /// body; stream: the first event; failure: the error). `relay overhead = ttfb - Σ upstream_ms`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upstream_ms: Option<u64>,
    /// When the request went upstream (not stored).
    #[serde(skip)]
    pub sent_at: Option<std::time::Instant>,
}

impl Attempt {
    /// Stamp `upstream_ms` from `sent_at`.
    pub fn settle_time(&mut self) {
        if let Some(t) = self.sent_at {
            self.upstream_ms = Some(u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX));
        }
    }
}

/// What kind of call a record is. Only `Completion`s count as requests in rates and request
/// counters; a `CountTokens` call is logged and counted apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A relayed request (chat completions, messages, embeddings…).
    #[default]
    Completion,
    /// `POST /v1/messages/count_tokens`.
    CountTokens,
}

impl RecordKind {
    pub fn is_completion(&self) -> bool {
        *self == RecordKind::Completion
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestRecord {
    pub kind: RecordKind,
    /// The user whose relay key sent the request (`None`: the server's access key).
    pub user: Option<String>,
    /// That relay key's label.
    pub relay_key: Option<String>,
    pub started_at: SystemTime,
    pub inbound: Dialect,
    pub upstream: Option<Dialect>,
    pub requested_model: String,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub key_label: Option<String>,
    pub client_addr: Option<SocketAddr>,
    pub stream: bool,
    /// Status the client saw (499: the client went away first).
    pub status: u16,
    pub error_kind: Option<&'static str>,
    pub error: Option<String>,
    pub latency_ms: f64,
    pub ttfb_ms: Option<f64>,
    pub tokens: Option<Tokens>,
    /// `tokens` is the relay's estimate (the upstream reports no usage: the ChatGPT web backend,
    /// moderations).
    pub tokens_estimated: bool,
    pub attempts: Vec<Attempt>,
    /// The relay's own time to the response head, upstream waits excluded.
    pub overhead_ms: Option<f64>,
    /// Request and response bodies, when `logging.store_bodies` is on.
    #[serde(skip)]
    pub bodies: Option<Bodies>,
}

/// Bodies as they passed through, each capped at `logging.max_body_bytes`. Compressing, redacting
/// and assembling streamed answers happen in the store's writer, off the request path.
#[derive(Debug, Clone, Default)]
pub struct Bodies {
    /// What the client sent.
    pub request: bytes::Bytes,
    /// What went upstream (passthrough: the same but for `model`).
    pub upstream_request: Option<bytes::Bytes>,
    /// What the client got: a JSON body, or for streams the SSE bytes in the client's dialect.
    pub response: Vec<u8>,
    pub response_is_stream: bool,
    /// A body was longer than the cap and was cut.
    pub truncated: bool,
    /// The cap, so stream capture can stop appending.
    pub cap: usize,
}

impl Bodies {
    pub fn new(request: bytes::Bytes, cap: usize) -> Bodies {
        let truncated = request.len() > cap;
        // A copy, not a slice: the request bytes usually share hyper's whole read buffer, which a
        // record waiting in the writer's queue would otherwise keep alive.
        let request = bytes::Bytes::copy_from_slice(&request[..request.len().min(cap)]);
        Bodies { request, cap, truncated, ..Default::default() }
    }

    pub fn set_upstream(&mut self, body: &bytes::Bytes) {
        if body.len() > self.cap {
            self.truncated = true;
            self.upstream_request = Some(body.slice(..self.cap));
        } else {
            self.upstream_request = Some(body.clone());
        }
    }

    /// Append response bytes up to the cap.
    pub fn append_response(&mut self, bytes: &[u8]) {
        let room = self.cap.saturating_sub(self.response.len());
        if bytes.len() > room {
            self.truncated = true;
        }
        self.response.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }
}

impl From<&crate::ir::Usage> for Tokens {
    /// `input` counts every prompt token, cached ones included (the IR's excludes them).
    fn from(u: &crate::ir::Usage) -> Tokens {
        Tokens {
            input: u.prompt_tokens(),
            output: u.output_tokens,
            cache_read: u.cache_read_tokens,
            cache_write: u.cache_write_tokens,
        }
    }
}

/// One relayed request as stored and as streamed to `logs.subscribe`. Every field defaults, so a
/// record written by a later version (with more fields) or an earlier one (with fewer) reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LogEntry {
    /// Time-ordered: unix microseconds of the start << 12 | a counter.
    pub id: u64,
    /// `id` as shown by the CLI. Read back from the wire (clients get it from the server); the
    /// store recomputes it from `id` on every read.
    pub short_id: String,
    /// Absent (and so `completion`) on every ordinary request.
    #[serde(skip_serializing_if = "RecordKind::is_completion")]
    pub kind: RecordKind,
    pub started_at_ms: u64,
    pub requested_model: String,
    pub model: Option<String>,
    pub provider: Option<String>,
    pub key_label: Option<String>,
    /// The user whose relay key sent the request (`None`: the server's access key).
    pub user: Option<String>,
    /// The label of that user's relay key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relay_key: Option<String>,
    pub client_addr: Option<String>,
    pub inbound: Option<Dialect>,
    pub upstream: Option<Dialect>,
    pub stream: bool,
    pub status: u16,
    pub error_kind: Option<String>,
    pub error: Option<String>,
    pub latency_ms: f64,
    pub ttfb_ms: Option<f64>,
    /// Time to first byte not spent waiting on upstreams.
    pub overhead_ms: Option<f64>,
    pub tokens: Option<Tokens>,
    /// `tokens` is a local estimate: the upstream reported no usage.
    pub tokens_estimated: bool,
    pub cost_usd: Option<f64>,
    pub attempts: Vec<Attempt>,
    pub has_bodies: bool,
    pub bodies_truncated: bool,
    /// The relay that served it, when several share one log (`state::instance_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
}

static INSTANCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// This relay's name in a cluster (`None` on a single machine): `MONORELAY_INSTANCE`, else
/// `host:pid`. Set by `join_cluster`, read by the log writer to tag every record.
pub fn instance_id() -> Option<String> {
    INSTANCE.get().cloned()
}

/// Name this process as a cluster member (once; later calls keep the first name).
pub fn join_cluster() -> String {
    INSTANCE
        .get_or_init(|| {
            std::env::var("MONORELAY_INSTANCE").ok().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| {
                let host = std::fs::read_to_string("/etc/hostname")
                    .ok()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .or_else(|| std::env::var("HOSTNAME").ok())
                    .unwrap_or_else(|| "relay".into());
                format!("{host}:{}", std::process::id())
            })
        })
        .clone()
}
