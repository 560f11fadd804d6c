//! The one writer. `Writer` is where the relay's record sink hands records. With a store,
//! `record()` stamps an id and `try_send`s on a bounded queue (a full queue drops the record,
//! counts it and says so loudly, at most every few seconds), so a request never waits on the disk.
//! Without a store (logging off) nothing crosses threads: the record feeds the live stats and the
//! event bus on the caller's thread.
//!
//! Group commit: a dedicated thread wakes on the first record of a group, then sleeps until
//! `logging.commit_interval_ms` has passed (or a full group of `MAX_BATCH` is queued — every
//! `WAKE_AT`-th queued record wakes it to look — or a flush or stop asks), takes everything
//! queued (up to `MAX_BATCH`), does the heavy work — assembling streamed
//! answers, token estimates, redaction, compression, cost — and commits the group in one durable
//! redb transaction (one fsync) with its hourly aggregates. Senders never wake the writer while it
//! sleeps, so a busy relay costs one wake-up and one fsync per interval, not per record. A record
//! waits at most the interval plus one commit before it is on disk: that is all a `kill -9` or a
//! power loss can take. `flush()` and `shutdown()` commit at once. Between groups it runs retention
//! in small transactions. A store that commits in the background (PostgreSQL: `append_then`)
//! takes the group and lets the thread go on to the next while it commits; the group's records
//! reach the live stats and the bus when it is written, and a flush or stop waits for it (`sync`).

use super::{LogEntry, LogStore, Row, bodies, new_id, unix_ms};
use crate::config::Config;
use crate::events::EventBus;
use crate::pricing::PriceTable;
use crate::record::RequestRecord;
use crate::secret::Secret;
use crate::stats::Live;
use arc_swap::ArcSwap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// Records queued between the request path and the writer.
pub const QUEUE_CAPACITY: usize = 8192;
/// Records per write transaction at most.
const MAX_BATCH: usize = 1024;
/// Records queued (sent, not yet taken by the writer) from which `backlogged` holds admissions.
const BACKLOG_HIGH: u64 = (QUEUE_CAPACITY as u64) * 3 / 4;
/// Queued records that wake the writer before its interval is up.
const WAKE_AT: u64 = (MAX_BATCH / 2) as u64;
/// How often retention looks for work when nothing else is due.
const RETENTION_INTERVAL: Duration = Duration::from_secs(60);
/// Records removed per retention transaction.
const RETENTION_CHUNK: usize = 500;
/// Loud errors (queue full, store failing) repeat at most this often.
const LOUD_EVERY_SECS: u64 = 5;

/// What the writer takes from the current config (swapped on reload).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub store_bodies: bool,
    pub max_age: Option<Duration>,
    pub max_bytes: Option<u64>,
    pub prices: PriceTable,
    /// Values that must never be stored (every configured secret and the access key), compiled
    /// once per config generation: redaction searches every body for all of them in one pass.
    pub secrets: Arc<crate::redact::Needles>,
    /// Longest a record waits for its group's commit (`logging.commit_interval_ms`).
    pub commit_interval: Duration,
}

impl Settings {
    /// From a config and the relay's access key (which must never be stored either).
    pub fn new(config: &Config, access_key: Option<&Secret<String>>) -> Settings {
        let l = &config.logging;
        let mut secrets: Vec<Secret<String>> = config.secrets();
        if let Some(k) = access_key {
            secrets.push(k.clone());
        }
        let secrets = Arc::new(crate::redact::Needles::new(secrets.iter().map(|s| s.expose().as_str())));
        Settings {
            store_bodies: l.enabled && l.store_bodies,
            max_age: l.max_age,
            max_bytes: l.max_size_bytes,
            prices: PriceTable::from_config(config),
            secrets,
            commit_interval: l.commit_interval,
        }
    }

    /// The same settings redacting exactly `secrets` (the runtime's list, which also holds the
    /// tokens taken from the environment).
    pub fn with_secrets(mut self, secrets: &[Secret<String>]) -> Settings {
        self.secrets = Arc::new(crate::redact::Needles::new(secrets.iter().map(|s| s.expose().as_str())));
        self
    }
}

enum Msg {
    Record(u64, Box<RequestRecord>),
    Flush(SyncSender<()>),
    Retention(SyncSender<super::Expired>),
    /// New settings apply: run retention at once with them (the pass at start ran on defaults).
    Configured,
    Stop,
}

pub struct Writer {
    tx: SyncSender<Msg>,
    live: Arc<Live>,
    bus: EventBus,
    settings: Arc<ArcSwap<Settings>>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    last_loud: Arc<AtomicU64>,
    store: Option<Arc<dyn LogStore>>,
    /// Records queued since the writer last drained (every `WAKE_AT`-th wakes it early).
    queued: Arc<AtomicU64>,
    /// The writer thread, to wake it early (flush, stop, a full group).
    waker: Option<std::thread::Thread>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").field("store", &self.store.is_some()).finish()
    }
}

/// Log an error at most every `LOUD_EVERY_SECS`.
fn loud(last: &AtomicU64, msg: impl FnOnce() -> String) {
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let prev = last.load(Ordering::Relaxed);
    if now >= prev + LOUD_EVERY_SECS && last.compare_exchange(prev, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
        tracing::error!("{}", msg());
    }
}

impl Writer {
    /// Start the writer thread. `store: None` (logging disabled) still feeds stats and the bus.
    pub fn start(store: Option<Arc<dyn LogStore>>, settings: Settings, live: Arc<Live>, bus: EventBus) -> Arc<Writer> {
        let (tx, rx) = std::sync::mpsc::sync_channel(QUEUE_CAPACITY);
        let settings = Arc::new(ArcSwap::from_pointee(settings));
        let last_loud = Arc::new(AtomicU64::new(0));
        let queued = Arc::new(AtomicU64::new(0));
        let worker = Worker {
            rx,
            store: store.clone(),
            live: live.clone(),
            bus: bus.clone(),
            settings: settings.clone(),
            last_loud: last_loud.clone(),
            queued: queued.clone(),
        };
        let thread = std::thread::Builder::new()
            .name("monorelay-store".into())
            .spawn(move || worker.supervise())
            .map_err(|e| tracing::error!("cannot start the store writer thread: {e}"))
            .ok();
        let waker = thread.as_ref().map(|t| t.thread().clone());
        Arc::new(Writer { tx, live, bus, settings, thread: Mutex::new(thread), last_loud, store, queued, waker })
    }

    fn wake(&self) {
        if let Some(t) = &self.waker {
            t.unpark();
        }
    }

    pub fn live(&self) -> &Arc<Live> {
        &self.live
    }
    pub fn bus(&self) -> &EventBus {
        &self.bus
    }
    pub fn store(&self) -> Option<&Arc<dyn LogStore>> {
        self.store.as_ref()
    }
    /// Block until everything queued so far is committed (tests, `logs clear`, shutdown).
    pub fn flush(&self) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        if self.tx.send(Msg::Flush(tx)).is_ok() {
            self.wake();
            let _ = rx.recv();
        }
    }

    /// Run one retention step now and return what it removed.
    pub fn run_retention(&self) -> Option<super::Expired> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.tx.send(Msg::Retention(tx)).ok()?;
        self.wake();
        rx.recv().ok()
    }

    /// Drain the queue, commit, and stop the thread. Later records are counted as dropped.
    pub fn shutdown(&self) {
        let _ = self.tx.send(Msg::Stop);
        self.wake();
        let handle = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(h) = handle {
            let _ = h.join();
        }
    }
}

impl Writer {
    /// Whether the queue is three-quarters full: the writer is behind, and the relay holds new
    /// requests back a moment (`relay::handle`) rather than have records dropped.
    pub fn backlogged(&self) -> bool {
        self.store.is_some() && self.queued.load(Ordering::Relaxed) >= BACKLOG_HIGH
    }

    /// Queue a finished record; never blocks (a full queue drops it, counted and said loudly).
    pub fn record(&self, record: RequestRecord) {
        let id = new_id(record.started_at);
        if self.store.is_none() {
            // Logging off: nothing to store, so nothing crosses to the writer thread.
            let row = enrich(id, record, &self.settings.load(), None);
            self.live.observe(&row.entry);
            self.bus.publish(Arc::new(row.entry));
            return;
        }
        match self.tx.try_send(Msg::Record(id, Box::new(record))) {
            Ok(()) => {
                // Every `WAKE_AT` more records wake it: once at the first, a sleeping writer would
                // not see the group fill up and would sleep out its interval with the queue growing.
                if (self.queued.fetch_add(1, Ordering::Relaxed) + 1) % WAKE_AT == 0 {
                    self.wake();
                }
            }
            Err(TrySendError::Full(_)) => {
                let n = self.live.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                loud(&self.last_loud, || {
                    format!(
                        "request log: the writer is behind and its queue of {QUEUE_CAPACITY} is full; records are being dropped ({n} so far). Relaying continues."
                    )
                });
            }
            Err(TrySendError::Disconnected(_)) => {
                self.live.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// New settings (start or reload), taken by the next batch; retention runs at once under them.
    pub fn set_settings(&self, settings: Settings) {
        self.settings.store(Arc::new(settings));
        let _ = self.tx.try_send(Msg::Configured);
    }
}

struct Worker {
    rx: Receiver<Msg>,
    store: Option<Arc<dyn LogStore>>,
    live: Arc<Live>,
    bus: EventBus,
    settings: Arc<ArcSwap<Settings>>,
    last_loud: Arc<AtomicU64>,
    queued: Arc<AtomicU64>,
}

impl Worker {
    /// Run until stopped; a panic (a bug) loses the batch in hand, is logged and counted, and the
    /// loop starts again, so the request log never stops silently.
    fn supervise(self) {
        loop {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run())) {
                Ok(()) => return,
                Err(p) => {
                    let n = self.live.writer_panics.fetch_add(1, Ordering::Relaxed) + 1;
                    let message = p
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    tracing::error!("request log writer panicked ({n} so far): {message}; restarting it");
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
    }

    fn run(&self) {
        let mut next_retention = Instant::now();
        let mut batch: Vec<Msg> = Vec::with_capacity(MAX_BATCH);
        let mut zstd = zstd::bulk::Compressor::new(bodies::ZSTD_LEVEL).ok();
        loop {
            let wait = next_retention.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(wait) {
                Ok(m) => batch.push(m),
                Err(RecvTimeoutError::Timeout) => {
                    next_retention = Instant::now()
                        + self
                            .retention_step()
                            .map_or(RETENTION_INTERVAL, |more| if more { Duration::ZERO } else { RETENTION_INTERVAL });
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
            // Group commit: gather until the interval is up, the group is full, or a caller
            // waits (flush, retention, stop; not a reload). Senders do not wake a sleeping writer
            // (`park_timeout`), except every `WAKE_AT`-th record and the callers that wait.
            let deadline = Instant::now() + self.settings.load().commit_interval;
            loop {
                while batch.len() < MAX_BATCH {
                    match self.rx.try_recv() {
                        Ok(m) => batch.push(m),
                        Err(_) => break,
                    }
                }
                // New settings (a reload) do not cut a group short; only a waiting caller does.
                let urgent = batch.iter().any(|m| matches!(m, Msg::Flush(_) | Msg::Retention(_) | Msg::Stop));
                let now = Instant::now();
                if urgent || batch.len() >= MAX_BATCH || now >= deadline {
                    break;
                }
                std::thread::park_timeout(deadline - now);
            }
            let taken = batch.iter().filter(|m| matches!(m, Msg::Record(..))).count() as u64;
            let _ = self.queued.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |q| Some(q.saturating_sub(taken)));
            let mut stop = false;
            let mut rows = Vec::new();
            let mut waiters = Vec::new();
            let settings = self.settings.load_full();
            let mut pace = super::pace::Pace::new();
            for m in batch.drain(..) {
                match m {
                    Msg::Record(id, r) => {
                        rows.push(enrich(id, *r, &settings, zstd.as_mut()));
                        pace.step();
                    }
                    Msg::Flush(w) => waiters.push(w),
                    Msg::Retention(w) => {
                        let e = self.store.as_ref().and_then(|s| self.expire(s.as_ref(), &settings).ok());
                        let _ = w.send(e.unwrap_or_default());
                    }
                    Msg::Configured => next_retention = Instant::now(),
                    Msg::Stop => stop = true,
                }
            }
            self.commit(rows);
            if !waiters.is_empty() {
                self.sync();
            }
            for w in waiters {
                let _ = w.send(());
            }
            if stop {
                // Anything sent after `Stop` but already queued still counts.
                let rest: Vec<Row> = self
                    .rx
                    .try_iter()
                    .filter_map(|m| match m {
                        Msg::Record(id, r) => Some(enrich(id, *r, &settings, zstd.as_mut())),
                        _ => None,
                    })
                    .collect();
                self.commit(rest);
                self.sync();
                return;
            }
        }
    }

    /// Hand a group to the store; its records reach the live stats and the event bus once it is
    /// written (a store that commits in the background, PostgreSQL, does that from its thread).
    fn commit(&self, rows: Vec<Row>) {
        if rows.is_empty() {
            return;
        }
        let (live, bus, last_loud) = (self.live.clone(), self.bus.clone(), self.last_loud.clone());
        let has_store = self.store.is_some();
        let done = move |r: Result<(), super::StoreError>, entries: Vec<LogEntry>| {
            let n = entries.len() as u64;
            match r {
                Ok(()) if has_store => {
                    live.stored.fetch_add(n, Ordering::Relaxed);
                }
                Ok(()) => {}
                Err(e) => {
                    let total = live.store_failed.fetch_add(n, Ordering::Relaxed) + n;
                    loud(&last_loud, || {
                        format!(
                            "request log: cannot write to the database ({e}); {total} records lost so far. Relaying continues."
                        )
                    });
                }
            }
            let mut pace = super::pace::Pace::new();
            for entry in entries {
                pace.step();
                live.observe(&entry);
                bus.publish(Arc::new(entry));
            }
        };
        match &self.store {
            Some(store) => store.append_then(rows, Box::new(done)),
            None => done(Ok(()), rows.into_iter().map(|r| r.entry).collect()),
        }
    }

    /// Wait until a store that commits in the background has committed (or held) every batch.
    fn sync(&self) {
        if let Some(Err(e)) = self.store.as_ref().map(|s| s.sync()) {
            loud(&self.last_loud, || format!("request log: cannot finish writing to the database ({e})"));
        }
    }

    fn expire(&self, store: &dyn LogStore, s: &Settings) -> Result<super::Expired, super::StoreError> {
        let cutoff = s.max_age.map(|a| unix_ms(SystemTime::now()).saturating_sub(a.as_millis() as u64));
        let e = store.expire(cutoff, s.max_bytes, RETENTION_CHUNK)?;
        self.live.expired.fetch_add(e.records, Ordering::Relaxed);
        Ok(e)
    }

    /// One retention transaction; `Some(true)` when more is due at once.
    fn retention_step(&self) -> Option<bool> {
        let store = self.store.as_ref()?;
        let settings = self.settings.load_full();
        match self.expire(store.as_ref(), &settings) {
            Ok(e) => {
                if e.records > 0 {
                    tracing::debug!("retention removed {} records", e.records);
                }
                Some(e.more)
            }
            Err(e) => {
                loud(&self.last_loud, || format!("request log retention failed: {e}"));
                None
            }
        }
    }
}

/// `addr.to_string()`, written directly for IPv4 (what nearly every client is): `Display` goes
/// through the formatting machinery twice (address, then address and port), ~1.7 k instructions
/// a record, ten times this.
fn addr_string(addr: std::net::SocketAddr) -> String {
    use crate::translate::jsonw::push_u64;
    let std::net::SocketAddr::V4(v4) = addr else {
        return addr.to_string();
    };
    let mut s = Vec::with_capacity(21);
    for (i, octet) in v4.ip().octets().into_iter().enumerate() {
        if i > 0 {
            s.push(b'.');
        }
        push_u64(&mut s, u64::from(octet));
    }
    s.push(b':');
    push_u64(&mut s, u64::from(v4.port()));
    // Digits, dots and a colon: always UTF-8.
    String::from_utf8(s).unwrap_or_default()
}

/// Turn a request record into what is stored: cost, token estimate, assembled and redacted bodies.
fn enrich(id: u64, r: RequestRecord, s: &Settings, zstd: Option<&mut zstd::bulk::Compressor<'static>>) -> Row {
    let mut tokens = r.tokens.clone();
    let mut estimated = r.tokens_estimated;
    let mut encoded = None;
    let mut truncated = false;
    if let Some(b) = r.bodies {
        let request = b.request.clone();
        let prepared = bodies::prepare(r.inbound, b, &s.secrets, tokens.is_none());
        // A count_tokens call consumed nothing: no estimate, and so no cost.
        if tokens.is_none() && r.status < 400 && r.kind.is_completion() {
            tokens = bodies::estimate_tokens(r.inbound, &request, prepared.response.as_ref());
            estimated = tokens.is_some();
        }
        truncated = prepared.bodies.truncated;
        if s.store_bodies {
            encoded = match zstd {
                Some(z) => prepared.bodies.encode_with(z).ok(),
                None => prepared.bodies.encode().ok(),
            };
        }
    }
    let upstream_ms: Vec<u64> = r.attempts.iter().filter_map(|a| a.upstream_ms).collect();
    // The relay measures its own time precisely (`x-monorelay-overhead-ms`); the estimate from
    // whole-millisecond attempt timings is only a fallback.
    let overhead_ms = r.overhead_ms.or(match (r.ttfb_ms, upstream_ms.is_empty()) {
        (Some(t), false) => Some((t - upstream_ms.iter().sum::<u64>() as f64).max(0.0)),
        _ => None,
    });
    let cost_usd =
        tokens.as_ref().and_then(|t| s.prices.cost(r.provider.as_deref(), r.model.as_deref(), &r.requested_model, t));
    let entry = LogEntry {
        id,
        short_id: super::short_id(id),
        kind: r.kind,
        started_at_ms: unix_ms(r.started_at),
        requested_model: r.requested_model,
        model: r.model,
        provider: r.provider,
        key_label: r.key_label,
        user: r.user,
        relay_key: r.relay_key,
        client_addr: r.client_addr.map(addr_string),
        inbound: Some(r.inbound),
        upstream: r.upstream,
        stream: r.stream,
        status: r.status,
        error_kind: r.error_kind.map(str::to_string),
        error: r.error,
        latency_ms: r.latency_ms,
        ttfb_ms: r.ttfb_ms,
        overhead_ms,
        tokens,
        tokens_estimated: estimated,
        cost_usd,
        attempts: r.attempts,
        has_bodies: encoded.is_some(),
        bodies_truncated: truncated,
        instance: crate::record::instance_id(),
    };
    Row { entry, bodies: encoded }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::addr_string;
    use std::net::SocketAddr;

    #[test]
    fn client_addresses_read_as_display_writes_them() {
        for a in [
            "127.0.0.1:5555",
            "0.0.0.0:0",
            "255.255.255.255:65535",
            "10.20.30.40:8080",
            "192.168.1.9:10",
            "[::1]:443",
            "[2001:db8::8a2e:370:7334]:65535",
            "[::ffff:1.2.3.4]:9",
        ] {
            let addr: SocketAddr = a.parse().unwrap();
            assert_eq!(addr_string(addr), addr.to_string(), "{a}");
            assert_eq!(addr_string(addr), a);
        }
    }
}
