//! The single completion hook: `Completion` owns a request's record from arrival to its end and
//! finishes it exactly once (by `finish`, or on drop when the client went away), then hands it to
//! the `RecordSink` (the store's writer, or a test's collector). It also keeps the in-flight gauge
//! (`IN_FLIGHT`), charges a user's relay key with the request's tokens and cost, and the relay's own time (total time minus upstream waits).

use super::Inbound;
use crate::error::RelayError;
use crate::record::{Bodies, RecordKind, RequestRecord, Tokens};
use crate::runtime::Runtime;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Where finished records go. Must not block: it runs on the request path.
pub trait RecordSink: Send + Sync + 'static {
    fn record(&self, record: RequestRecord);
    /// A runtime was built (start or reload): pick up what the sink needs from it (prices,
    /// retention, secrets to redact). Called off the request path.
    fn configure(&self, _runtime: &Runtime) {}
    /// The sink is far behind (its queue mostly full): new requests wait a moment.
    fn backlogged(&self) -> bool {
        false
    }
}

impl RecordSink for crate::store::writer::Writer {
    fn record(&self, record: RequestRecord) {
        crate::store::writer::Writer::record(self, record);
    }
    fn backlogged(&self) -> bool {
        crate::store::writer::Writer::backlogged(self)
    }
    fn configure(&self, runtime: &Runtime) {
        let settings = crate::store::writer::Settings::new(&runtime.config, runtime.access_key.as_ref())
            .with_secrets(&runtime.secrets);
        self.set_settings(settings);
    }
}

/// Requests being relayed now (from arrival until their record is finished, so a stream counts
/// until its last byte), and how many of them stream: a process-wide gauge for `status` and `top`.
/// `started` counts every request since the process began (the idle memory trim watches it).
#[derive(Debug)]
pub struct InFlight {
    pub requests: AtomicU64,
    pub streams: AtomicU64,
    pub started: AtomicU64,
}

pub static IN_FLIGHT: InFlight =
    InFlight { requests: AtomicU64::new(0), streams: AtomicU64::new(0), started: AtomicU64::new(0) };

/// The single completion hook: the record is finished exactly once, by `finish` or on drop.
pub struct Completion {
    sink: Arc<dyn RecordSink>,
    record: Option<RequestRecord>,
    started: Instant,
    /// Time spent waiting on upstreams (and retry backoffs): not the relay's own cost.
    upstream_wait: Duration,
    /// The relay key to charge the request's tokens and cost to.
    principal: Option<crate::auth::Principal>,
    /// A Responses conversation to store once the answer is in.
    pub(super) conversation: Option<super::conversation::Pending>,
}

/// The longest a request waits for the request log's writer to catch up (`Completion::open`).
const BACKLOG_WAIT: Duration = Duration::from_secs(1);

impl Completion {
    /// Open a request's record as it arrives. When the request log's writer is far behind (a
    /// slow database under a load it cannot keep up with), the request is held a moment first,
    /// up to `BACKLOG_WAIT`, so the writer's queue drains instead of records being dropped;
    /// never longer: a stuck writer must not stop the relay. Every relayed request opens its
    /// record here (`handle`, `count_tokens`, the surfaces), so all wait alike.
    pub(super) async fn open(sink: Arc<dyn RecordSink>, inbound: &Inbound, kind: RecordKind) -> Completion {
        let started = Instant::now();
        while sink.backlogged() && started.elapsed() < BACKLOG_WAIT {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        Completion::new(sink, inbound, kind, started)
    }

    pub(super) fn new(sink: Arc<dyn RecordSink>, inbound: &Inbound, kind: RecordKind, started: Instant) -> Completion {
        IN_FLIGHT.requests.fetch_add(1, Ordering::Relaxed);
        IN_FLIGHT.started.fetch_add(1, Ordering::Relaxed);
        Completion {
            sink,
            started,
            upstream_wait: Duration::ZERO,
            principal: inbound.principal.clone(),
            conversation: None,
            record: Some(RequestRecord {
                user: inbound.principal.as_ref().map(|p| p.user.clone()),
                relay_key: inbound.principal.as_ref().map(|p| p.key_label.clone()),
                kind,
                started_at: SystemTime::now(),
                inbound: inbound.dialect,
                upstream: None,
                requested_model: String::new(),
                provider: None,
                model: None,
                key_label: None,
                client_addr: inbound.client_addr,
                stream: false,
                status: 0,
                error_kind: None,
                error: None,
                latency_ms: 0.0,
                ttfb_ms: None,
                tokens: None,
                tokens_estimated: false,
                attempts: Vec::new(),
                overhead_ms: None,
                bodies: None,
            }),
        }
    }

    pub fn record_mut(&mut self) -> Option<&mut RequestRecord> {
        self.record.as_mut()
    }

    /// Move the record into a new hook (the stream pipe finishes it); this one is left empty.
    pub(super) fn hand_off(&mut self) -> Completion {
        Completion {
            sink: self.sink.clone(),
            record: self.record.take(),
            started: self.started,
            upstream_wait: self.upstream_wait,
            principal: self.principal.take(),
            conversation: self.conversation.take(),
        }
    }

    /// Time the relay itself has spent on this request so far (excluding upstream waits).
    pub fn overhead(&self) -> Duration {
        self.started.elapsed().saturating_sub(self.upstream_wait)
    }

    /// Run `fut` and count its time as upstream time.
    pub(super) async fn upstream<T>(&mut self, fut: impl std::future::Future<Output = T>) -> T {
        let t = Instant::now();
        let out = fut.await;
        self.upstream_wait += t.elapsed();
        out
    }

    pub fn bodies_mut(&mut self) -> Option<&mut Bodies> {
        self.record.as_mut().and_then(|r| r.bodies.as_mut())
    }

    pub fn mark_first_byte(&mut self) {
        let ms = self.started.elapsed().as_secs_f64() * 1000.0;
        if let Some(r) = self.record.as_mut() {
            r.ttfb_ms.get_or_insert(ms);
        }
    }

    pub fn finish(&mut self, status: u16, error: Option<(&'static str, String)>, tokens: Option<Tokens>) {
        if let Some(mut r) = self.record.take() {
            IN_FLIGHT.requests.fetch_sub(1, Ordering::Relaxed);
            if r.stream {
                IN_FLIGHT.streams.fetch_sub(1, Ordering::Relaxed);
            }
            r.status = status;
            r.latency_ms = self.started.elapsed().as_secs_f64() * 1000.0;
            r.ttfb_ms.get_or_insert(r.latency_ms);
            if let Some((kind, msg)) = error {
                r.error_kind = Some(kind);
                r.error = Some(msg);
            }
            if tokens.is_some() {
                r.tokens = tokens;
            }
            if let Some(p) = &self.principal {
                p.charge(&r);
            }
            self.sink.record(r);
        }
    }

    pub(super) fn fail(&mut self, e: &RelayError) {
        self.finish(e.status.as_u16(), Some((e.kind.label(), e.message.clone())), None);
    }
}

impl Drop for Completion {
    fn drop(&mut self) {
        if self.record.is_some() {
            self.finish(
                499,
                Some(("client_closed", "the client closed the connection before the response was complete".into())),
                None,
            );
        }
    }
}
