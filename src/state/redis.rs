//! The Redis backend of shared state (`state.backend: redis`): what several relays behind one
//! load balancer must agree on.
//!
//! - **Key health.** Each key keeps its in-process `LocalKey` (so the lease path does no I/O), and
//!   `SharedKey` wraps it: a 429 (cooldown until T), a 401/403 (invalid), `keys reset` and
//!   `keys enable/disable` are written to Redis (`mr:key:<provider>:<fingerprint>`, expiring with
//!   the cooldown) and published on `mr:keys`; every other instance applies them to its own copy
//!   at once. A key that 429s on one relay is skipped by all. Runtime overrides (`keys set`:
//!   enabled, weight) are also kept in two hashes (`mr:key-enabled`, `mr:key-weight`, field
//!   `<provider>:<fingerprint>`, a cleared override kept as `null`), read at start and on every
//!   resync, so a relay that joins later applies them too.
//! - **Relay-key rpm.** One counter per key and minute (`mr:rpm:<prefix>:<minute>`), incremented
//!   and given its expiry by one Lua script, so the limit holds across instances exactly.
//! - **Relay-key quotas.** Tokens per UTC day (`mr:tokens:<prefix>:<day>`, INCRBY) and USD per
//!   UTC month (`mr:cost:<prefix>:<month>`, INCRBYFLOAT), charged by one Lua script that also
//!   gives a new counter its expiry; a request is admitted only while both are under the key's
//!   quota. Degraded, each relay's own counters apply alone; the charges Redis did not take are
//!   kept (summed per key and window) and added to Redis on resync, each under a replay mark
//!   (`mr:charged:…`, set with NX in the same script) so that a replay retried after a lost
//!   answer is counted once. (A charge whose command was cut mid-flight cannot be told from one
//!   never sent: it is counted again on resync — on the quota's safe side.)
//! - **Live events.** Each relay publishes the records it served on `mr:events` and republishes
//!   the others' on its local bus, so `logs tail -f` and `top` on any instance see the cluster.
//! - **Instances.** Each relay refreshes `mr:instance:<id>` every 2 s (expiring after 10 s);
//!   `status` lists them.
//!
//! **Degraded mode**: a command that fails or takes longer than `COMMAND_TIMEOUT` marks Redis
//! unreachable; from then on nothing waits on it (local state only, said in `status` and
//! `/metrics`) until the health task reconnects, which resyncs: it reads the shared key states
//! and writes this instance's active cooldowns back (a restarted Redis has lost them).

use super::{ClusterStatus, Instance, SharedState};
use crate::config::KeyConfig;
use crate::events::EventBus;
use crate::keys::{
    Avail, CoolReason, KeyHealth, KeyId, KeySnapshot, KeyStateBackend, LocalKey, LocalKeyStates, Now, Outcome,
};
use crate::record::LogEntry;
use crate::secret::Secret;
use futures_util::StreamExt;
use redis::aio::MultiplexedConnection;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// A command slower than this counts as Redis being unreachable.
const COMMAND_TIMEOUT: Duration = Duration::from_millis(500);
/// How often the health task pings (and reconnects while degraded).
const HEALTH_EVERY: Duration = Duration::from_secs(1);
/// How often an instance announces itself, and how long the announcement lives.
const HEARTBEAT_EVERY: Duration = Duration::from_secs(2);
const HEARTBEAT_TTL_MS: u64 = 10_000;
/// How long an invalid mark is kept in Redis.
const INVALID_TTL_MS: u64 = 7 * 86_400_000;
/// Key events waiting to be published, at most (more are dropped: the local state still holds).
const PUBLISH_QUEUE: usize = 4096;

const KEYS_CHANNEL: &str = "mr:keys";
/// Runtime overrides of upstream keys, by `<provider>:<fingerprint>` (`override_field`).
const ENABLED_HASH: &str = "mr:key-enabled";
const WEIGHT_HASH: &str = "mr:key-weight";
const EVENTS_CHANNEL: &str = "mr:events";

/// Count one in a counter and give a new counter its expiry, atomically.
const RPM_SCRIPT: &str =
    "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

/// Add a finished request's tokens and cost to a relay key's counters of the day and the month,
/// each given its expiry when it is made, atomically.
const CHARGE_SCRIPT: &str = "local t = redis.call('INCRBY', KEYS[1], ARGV[1]) \
     if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end \
     redis.call('INCRBYFLOAT', KEYS[2], ARGV[2]) \
     if redis.call('PTTL', KEYS[2]) < 0 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end \
     return t";
/// A charge made while Redis was unreachable, added back on resync: the same as `CHARGE_SCRIPT`,
/// done only if the replay mark `KEYS[3]` was not there (it is set, expiring, in the same step).
const REPLAY_SCRIPT: &str = "if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[4]) then return 0 end \
     redis.call('INCRBY', KEYS[1], ARGV[1]) \
     if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end \
     redis.call('INCRBYFLOAT', KEYS[2], ARGV[2]) \
     if redis.call('PTTL', KEYS[2]) < 0 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end \
     return 1";
/// Charges kept for Redis at most (one per relay key and window; more are counted locally only).
const MAX_UNSENT_CHARGES: usize = 10_000;
/// How long a day's token counter and a month's cost counter are kept.
const DAY_TTL_MS: u64 = 2 * 86_400_000;
const MONTH_TTL_MS: u64 = 62 * 86_400_000;

/// The Redis keys of relay key `prefix`'s token counter of `day` and cost counter of `month`.
fn quota_keys(prefix: &str, day: u64, month: u64) -> [String; 2] {
    [format!("mr:tokens:{prefix}:{day}"), format!("mr:cost:{prefix}:{month}")]
}

/// A relay key's charges Redis has not taken yet (summed over one day and month).
#[derive(Debug, Clone, PartialEq)]
struct Unsent {
    prefix: String,
    day: u64,
    month: u64,
    tokens: u64,
    cost_usd: f64,
    /// Its replay mark, once a replay was tried (a retry reuses it).
    mark: Option<String>,
}

/// A change to one upstream key's health, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyEvent {
    /// Cooling down until unix milliseconds `until_ms`.
    Cool {
        until_ms: u64,
        rate_limited: bool,
    },
    Invalid,
    /// `keys reset`: cooldowns and the invalid mark forgotten.
    Reset,
    /// `keys enable/disable` (`None`: follow the config).
    Enabled {
        enabled: Option<bool>,
    },
    /// A weight set at runtime (`PATCH /api/keys`, `keys set`; `None`: the config's).
    Weight {
        weight: Option<f64>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeyMessage {
    origin: String,
    provider: String,
    fingerprint: u64,
    event: KeyEvent,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct EventMessage {
    origin: String,
    entry: LogEntry,
}

fn redis_key(provider: &str, fingerprint: u64) -> String {
    format!("mr:key:{provider}:{fingerprint:016x}")
}

/// A key's field in the override hashes.
fn override_field(provider: &str, fingerprint: u64) -> String {
    format!("{provider}:{fingerprint:016x}")
}

/// The shared state of one relay in a cluster.
pub struct RedisState {
    client: redis::Client,
    conn: Mutex<Option<MultiplexedConnection>>,
    connected: AtomicBool,
    degraded_count: AtomicU64,
    instance: String,
    started_ms: u64,
    local: OnceLock<Arc<LocalKeyStates>>,
    publish: tokio::sync::mpsc::Sender<KeyMessage>,
    publish_rx: Mutex<Option<tokio::sync::mpsc::Receiver<KeyMessage>>>,
    /// Charges made while Redis was unreachable, added back on resync.
    unsent: Mutex<Vec<Unsent>>,
    /// Numbers the replay marks of this instance.
    replays: AtomicU64,
}

impl std::fmt::Debug for RedisState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisState").field("instance", &self.instance).field("connected", &self.is_connected()).finish()
    }
}

impl RedisState {
    /// Prepare the shared state and try Redis once. An unreachable Redis is not an error: the
    /// relay starts degraded (said loudly) and the health task keeps trying.
    pub async fn connect(url: &Secret<String>, instance: String) -> Result<Arc<RedisState>, String> {
        let client = redis::Client::open(url.expose().as_str())
            .map_err(|e| format!("state.redis_url: not a Redis URL ({:?})", e.kind()))?;
        let (publish, rx) = tokio::sync::mpsc::channel(PUBLISH_QUEUE);
        let state = Arc::new(RedisState {
            client,
            conn: Mutex::new(None),
            connected: AtomicBool::new(false),
            degraded_count: AtomicU64::new(0),
            instance,
            started_ms: Now::get().unix_ms,
            local: OnceLock::new(),
            publish,
            publish_rx: Mutex::new(Some(rx)),
            unsent: Mutex::new(Vec::new()),
            replays: AtomicU64::new(0),
        });
        if let Err(e) = state.reconnect().await {
            state.degraded_count.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(
                "Redis is unreachable ({e}); serving with local key health and limits until it is back (degraded)"
            );
        }
        Ok(state)
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    pub fn is_connected(&self) -> bool {
        self.connected.load(Ordering::Relaxed)
    }

    pub fn shared_state(&self) -> SharedState {
        if self.is_connected() { SharedState::Connected } else { SharedState::Degraded }
    }

    pub fn degraded_count(&self) -> u64 {
        self.degraded_count.load(Ordering::Relaxed)
    }

    async fn reconnect(&self) -> Result<(), String> {
        let config = redis::AsyncConnectionConfig::new()
            .set_connection_timeout(Some(COMMAND_TIMEOUT * 4))
            .set_response_timeout(Some(COMMAND_TIMEOUT));
        let mut conn =
            self.client.get_multiplexed_async_connection_with_config(&config).await.map_err(|e| e.to_string())?;
        redis::cmd("PING").query_async::<String>(&mut conn).await.map_err(|e| e.to_string())?;
        *self.conn.lock().unwrap_or_else(|p| p.into_inner()) = Some(conn);
        self.connected.store(true, Ordering::Relaxed);
        Ok(())
    }

    fn mark_down(&self, why: &str) {
        *self.conn.lock().unwrap_or_else(|p| p.into_inner()) = None;
        if self.connected.swap(false, Ordering::Relaxed) {
            self.degraded_count.fetch_add(1, Ordering::Relaxed);
            tracing::error!(
                "Redis is unreachable ({why}); serving with this instance's local key health and limits (degraded) \
                 until it is back"
            );
        }
    }

    /// Run one command; `None` when Redis is (or just became) unreachable. Never waits while
    /// degraded.
    pub(super) async fn query<T: redis::FromRedisValue>(&self, cmd: &redis::Cmd) -> Option<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner()).clone()?;
        match tokio::time::timeout(COMMAND_TIMEOUT, cmd.query_async::<T>(&mut conn)).await {
            Ok(Ok(v)) => Some(v),
            Ok(Err(e)) => {
                self.mark_down(&e.to_string());
                None
            }
            Err(_) => {
                self.mark_down("a command timed out");
                None
            }
        }
    }

    /// Count a request of relay key `prefix` in this minute; the count so far (this one
    /// included), or `None` when degraded (the caller's local count applies alone).
    pub async fn count_minute(&self, prefix: &str, minute: u64) -> Option<u64> {
        self.count(&format!("mr:rpm:{prefix}:{minute}"), 120_000).await
    }

    /// Add one to counter `key`, made to expire `ttl_ms` after it is created; the count.
    pub(super) async fn count(&self, key: &str, ttl_ms: u64) -> Option<u64> {
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(RPM_SCRIPT).arg(1).arg(key).arg(ttl_ms);
        self.query::<u64>(&cmd).await
    }

    /// Add `tokens` and `cost_usd` to relay key `prefix`'s counters of `day` and `month` (the
    /// windows of `auth::Windows`). `false` when degraded: the charge is counted locally, and kept
    /// to be added to Redis on resync.
    pub async fn charge(&self, prefix: &str, day: u64, month: u64, tokens: u64, cost_usd: f64) -> bool {
        let [t, c] = quota_keys(prefix, day, month);
        let cost = if cost_usd.is_finite() && cost_usd > 0.0 { cost_usd } else { 0.0 };
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(CHARGE_SCRIPT).arg(2).arg(t).arg(c).arg(tokens).arg(cost.to_string()).arg(DAY_TTL_MS).arg(MONTH_TTL_MS);
        let taken = self.query::<redis::Value>(&cmd).await.is_some();
        if !taken {
            let mut unsent = self.unsent.lock().unwrap_or_else(|p| p.into_inner());
            keep_unsent(&mut unsent, prefix, day, month, tokens, cost);
        }
        taken
    }

    /// Add the charges made while Redis was unreachable (`charge`), each once; what is left
    /// (Redis went away again) stays for the next resync.
    async fn replay_charges(&self) {
        let todo = std::mem::take(&mut *self.unsent.lock().unwrap_or_else(|p| p.into_inner()));
        let mut left = Vec::new();
        for mut u in todo {
            if !left.is_empty() {
                left.push(u);
                continue;
            }
            let mark = u.mark.get_or_insert_with(|| {
                let n = self.replays.fetch_add(1, Ordering::Relaxed);
                format!("mr:charged:{}:{}:{n}", self.instance, self.started_ms)
            });
            let [t, c] = quota_keys(&u.prefix, u.day, u.month);
            let mut cmd = redis::cmd("EVAL");
            cmd.arg(REPLAY_SCRIPT)
                .arg(3)
                .arg(t)
                .arg(c)
                .arg(mark.as_str())
                .arg(u.tokens)
                .arg(u.cost_usd.to_string())
                .arg(DAY_TTL_MS)
                .arg(MONTH_TTL_MS);
            if self.query::<redis::Value>(&cmd).await.is_none() {
                left.push(u);
            }
        }
        if !left.is_empty() {
            let mut unsent = self.unsent.lock().unwrap_or_else(|p| p.into_inner());
            // (Charges made meanwhile came after these.)
            left.append(&mut unsent);
            *unsent = left;
        } else {
            tracing::debug!("shared state: the charges made while Redis was unreachable are counted there");
        }
    }

    /// Relay key `prefix`'s tokens of `day` and USD of `month`, counted by every relay; `None`
    /// when degraded (the caller's local counters apply alone).
    pub async fn quota_used(&self, prefix: &str, day: u64, month: u64) -> Option<(u64, f64)> {
        let [t, c] = quota_keys(prefix, day, month);
        let v = self.query::<Vec<Option<String>>>(redis::cmd("MGET").arg(t).arg(c)).await?;
        let get = |i: usize| v.get(i).cloned().flatten().unwrap_or_default();
        Some((get(0).parse().unwrap_or(0), get(1).parse().unwrap_or(0.0)))
    }

    /// Key health shared through Redis over `local` (which keeps being persisted as before).
    pub fn key_backend(self: &Arc<Self>, local: Arc<LocalKeyStates>) -> Arc<dyn KeyStateBackend> {
        let _ = self.local.set(local.clone());
        Arc::new(SharedKeys { local, state: self.clone() })
    }

    fn publish_key(&self, id: &KeyId, event: KeyEvent) {
        let m = KeyMessage {
            origin: self.instance.clone(),
            provider: id.provider.clone(),
            fingerprint: id.fingerprint,
            event,
        };
        if self.publish.try_send(m).is_err() {
            tracing::debug!("shared key state: the publish queue is full; this change stays local");
        }
    }

    async fn store_and_publish(&self, m: &KeyMessage) {
        let key = redis_key(&m.provider, m.fingerprint);
        let now = Now::get().unix_ms;
        let store = match &m.event {
            KeyEvent::Cool { until_ms, .. } if *until_ms > now => {
                Some(redis::cmd("SET").arg(&key).arg(json(&m.event)).arg("PX").arg(until_ms - now).clone())
            }
            KeyEvent::Invalid => {
                Some(redis::cmd("SET").arg(&key).arg(json(&m.event)).arg("PX").arg(INVALID_TTL_MS).clone())
            }
            KeyEvent::Reset | KeyEvent::Enabled { enabled: Some(true) } => Some(redis::cmd("DEL").arg(&key).clone()),
            _ => None,
        };
        if let Some(cmd) = store {
            let _ = self.query::<redis::Value>(&cmd).await;
        }
        // Overrides are kept (a cleared one as `null`) for the relays that start later.
        let kept = match &m.event {
            KeyEvent::Enabled { enabled } => Some((ENABLED_HASH, json(enabled))),
            KeyEvent::Weight { weight } => Some((WEIGHT_HASH, json(weight))),
            _ => None,
        };
        if let Some((hash, value)) = kept {
            let field = override_field(&m.provider, m.fingerprint);
            let _ = self.query::<redis::Value>(redis::cmd("HSET").arg(hash).arg(field).arg(value)).await;
        }
        let _ = self.query::<redis::Value>(redis::cmd("PUBLISH").arg(KEYS_CHANNEL).arg(json(m))).await;
    }

    /// Apply the kept overrides to this instance's keys; write back this instance's own where
    /// Redis has none (a restarted Redis has lost them). `false` when Redis did not answer.
    async fn resync_overrides(&self, local: &LocalKeyStates) -> bool {
        type Kept = std::collections::HashMap<String, String>;
        let Some(enabled) = self.query::<Kept>(redis::cmd("HGETALL").arg(ENABLED_HASH)).await else { return false };
        let Some(weights) = self.query::<Kept>(redis::cmd("HGETALL").arg(WEIGHT_HASH)).await else { return false };
        for (id, key, _) in local.entries() {
            let field = override_field(&id.provider, id.fingerprint);
            let publish = |event| KeyMessage {
                origin: self.instance.clone(),
                provider: id.provider.clone(),
                fingerprint: id.fingerprint,
                event,
            };
            match enabled.get(&field).map(|v| serde_json::from_str::<Option<bool>>(v)) {
                // Only the override: an invalid mark is the key state's business (`resync`).
                Some(Ok(e)) => {
                    key.health().enabled_override = e;
                    key.dirty.store(true, Ordering::Relaxed);
                }
                Some(Err(_)) => {}
                None => {
                    let own = key.health().enabled_override;
                    if own.is_some() {
                        self.store_and_publish(&publish(KeyEvent::Enabled { enabled: own })).await;
                    }
                }
            }
            match weights.get(&field).map(|v| serde_json::from_str::<Option<f64>>(v)) {
                Some(Ok(w)) => key.set_weight_override(w),
                Some(Err(_)) => {}
                None => {
                    let own = key.weight_override();
                    if own.is_some() {
                        self.store_and_publish(&publish(KeyEvent::Weight { weight: own })).await;
                    }
                }
            }
        }
        self.is_connected()
    }

    fn apply_key(&self, m: &KeyMessage) {
        let Some(local) = self.local.get() else { return };
        let id = KeyId { provider: m.provider.clone(), fingerprint: m.fingerprint };
        if let Some(key) = local.get(&id) {
            apply(&key, &m.event, &m.origin, &Now::get());
        }
    }

    /// Read every shared key state and apply it; write this instance's active cooldowns and
    /// invalid marks back (a restarted Redis has none).
    async fn resync(&self) {
        let Some(local) = self.local.get() else { return };
        self.replay_charges().await;
        if !self.resync_overrides(local).await {
            return;
        }
        let now = Now::get();
        for (id, key, _) in local.entries() {
            let event = {
                let h = key.health();
                match (h.invalid, h.cooldown_until.and_then(|t| now.ms_at(t))) {
                    (true, _) => Some(KeyEvent::Invalid),
                    (false, Some(until_ms)) => {
                        Some(KeyEvent::Cool { until_ms, rate_limited: h.cool_reason == CoolReason::RateLimited })
                    }
                    _ => None,
                }
            };
            let key = redis_key(&id.provider, id.fingerprint);
            match self.query::<Option<String>>(redis::cmd("GET").arg(&key)).await {
                Some(Some(v)) => {
                    if let Ok(event) = serde_json::from_str::<KeyEvent>(&v) {
                        let m = KeyMessage {
                            origin: "redis".into(),
                            provider: id.provider.clone(),
                            fingerprint: id.fingerprint,
                            event,
                        };
                        self.apply_key(&m);
                    }
                }
                Some(None) => {
                    if let Some(event) = event {
                        let m = KeyMessage {
                            origin: self.instance.clone(),
                            provider: id.provider.clone(),
                            fingerprint: id.fingerprint,
                            event,
                        };
                        self.store_and_publish(&m).await;
                    }
                }
                None => return,
            }
        }
    }

    /// The live instances (this one included when Redis is reachable).
    pub async fn instances(&self) -> Vec<Instance> {
        let mut out = Vec::new();
        let mut cursor: u64 = 0;
        loop {
            let mut cmd = redis::cmd("SCAN");
            cmd.arg(cursor).arg("MATCH").arg("mr:instance:*").arg("COUNT").arg(200);
            let Some((next, keys)) = self.query::<(u64, Vec<String>)>(&cmd).await else { break };
            if !keys.is_empty() {
                let Some(values) = self.query::<Vec<Option<String>>>(redis::cmd("MGET").arg(&keys)).await else {
                    break;
                };
                out.extend(values.into_iter().flatten().filter_map(|v| serde_json::from_str::<Instance>(&v).ok()));
            }
            cursor = next;
            if cursor == 0 {
                break;
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// Fill in the Redis part of a cluster status.
    pub async fn status(&self, s: &mut ClusterStatus) {
        s.state_backend = "redis".into();
        s.state = Some(self.shared_state());
        s.degraded_count = self.degraded_count();
        s.instances = self.instances().await;
    }

    /// Keep the connection healthy: ping, reconnect while degraded (then resync), announce this
    /// instance. Runs for the server's life.
    pub async fn health_task(self: Arc<Self>, listen: Option<String>) {
        let me = Instance {
            id: self.instance.clone(),
            listen,
            version: env!("CARGO_PKG_VERSION").into(),
            started_ms: self.started_ms,
        };
        let key = format!("mr:instance:{}", self.instance);
        let mut since_beat = HEARTBEAT_EVERY;
        let mut synced = false;
        loop {
            if !self.is_connected() {
                synced = false;
                if self.reconnect().await.is_ok() {
                    tracing::info!("Redis is back: key health, limits and live events are shared again");
                }
            }
            if self.is_connected() && !synced {
                self.resync().await;
                synced = self.is_connected();
                since_beat = HEARTBEAT_EVERY;
            }
            if self.is_connected() {
                if since_beat >= HEARTBEAT_EVERY {
                    let mut cmd = redis::cmd("SET");
                    cmd.arg(&key).arg(json(&me)).arg("PX").arg(HEARTBEAT_TTL_MS);
                    let _ = self.query::<redis::Value>(&cmd).await;
                    since_beat = Duration::ZERO;
                } else {
                    let _ = self.query::<String>(&redis::cmd("PING")).await;
                }
            }
            tokio::time::sleep(HEALTH_EVERY).await;
            since_beat += HEALTH_EVERY;
        }
    }

    /// Publish queued key changes. Runs for the server's life.
    pub async fn publish_task(self: Arc<Self>) {
        let rx = self.publish_rx.lock().unwrap_or_else(|p| p.into_inner()).take();
        let Some(mut rx) = rx else { return };
        while let Some(m) = rx.recv().await {
            if self.is_connected() {
                self.store_and_publish(&m).await;
            }
        }
    }

    /// Send the records this instance serves to the others. Runs for the server's life.
    pub async fn forward_events(self: Arc<Self>, bus: EventBus) {
        let mut rx = bus.subscribe();
        loop {
            let e = match rx.recv().await {
                Ok(e) => e,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            };
            if e.instance.as_deref() != Some(self.instance.as_str()) || !self.is_connected() {
                continue;
            }
            let m = EventMessage { origin: self.instance.clone(), entry: (*e).clone() };
            let _ = self.query::<redis::Value>(redis::cmd("PUBLISH").arg(EVENTS_CHANNEL).arg(json(&m))).await;
        }
    }

    /// Receive the other instances' key changes and records. Runs for the server's life,
    /// resubscribing after Redis comes back.
    pub async fn subscribe_task(self: Arc<Self>, bus: EventBus) {
        loop {
            if self.is_connected() {
                if let Ok(mut ps) = self.client.get_async_pubsub().await {
                    if ps.subscribe(&[KEYS_CHANNEL, EVENTS_CHANNEL]).await.is_ok() {
                        // Changes published before this subscription (while reconnecting) are
                        // in the stored key states.
                        self.resync().await;
                        let mut stream = ps.on_message();
                        while let Some(msg) = stream.next().await {
                            let Ok(payload) = msg.get_payload::<String>() else { continue };
                            match msg.get_channel_name() {
                                KEYS_CHANNEL => {
                                    if let Ok(m) = serde_json::from_str::<KeyMessage>(&payload) {
                                        if m.origin != self.instance {
                                            self.apply_key(&m);
                                        }
                                    }
                                }
                                _ => {
                                    if let Ok(m) = serde_json::from_str::<EventMessage>(&payload) {
                                        if m.origin != self.instance {
                                            bus.publish(Arc::new(m.entry));
                                        }
                                    }
                                }
                            }
                        }
                        self.mark_down("the subscription was closed");
                    }
                }
            }
            tokio::time::sleep(HEALTH_EVERY).await;
        }
    }
}

/// Add a charge Redis did not take to the kept ones: summed into the entry of the same relay key
/// and windows not yet tried, or a new entry (dropped beyond `MAX_UNSENT_CHARGES`).
fn keep_unsent(unsent: &mut Vec<Unsent>, prefix: &str, day: u64, month: u64, tokens: u64, cost_usd: f64) {
    if let Some(u) =
        unsent.iter_mut().find(|u| u.mark.is_none() && u.prefix == prefix && u.day == day && u.month == month)
    {
        u.tokens = u.tokens.saturating_add(tokens);
        u.cost_usd += cost_usd;
    } else if unsent.len() < MAX_UNSENT_CHARGES {
        unsent.push(Unsent { prefix: prefix.to_string(), day, month, tokens, cost_usd, mark: None });
    }
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Apply a change made on another instance to this one's copy of the key.
fn apply(key: &LocalKey, event: &KeyEvent, origin: &str, now: &Now) {
    let mut h = key.health();
    match event {
        KeyEvent::Cool { until_ms, rate_limited } => {
            let until = now.instant_at(*until_ms);
            if h.cooldown_until.is_none_or(|u| u < until) {
                h.cooldown_until = Some(until);
                h.cool_reason = if *rate_limited { CoolReason::RateLimited } else { CoolReason::Failing };
                let why = if *rate_limited { "rate limited" } else { "failing" };
                h.last_error = Some(format!("{why} (seen by instance {origin})"));
            }
        }
        KeyEvent::Invalid => {
            h.invalid = true;
            h.last_error = Some(format!("rejected as invalid (seen by instance {origin})"));
        }
        KeyEvent::Reset => {
            h.cooldown_until = None;
            h.invalid = false;
            h.consecutive_failures = 0;
            h.last_error = None;
        }
        KeyEvent::Enabled { enabled } => {
            h.enabled_override = *enabled;
            if *enabled == Some(true) {
                h.invalid = false;
            }
        }
        KeyEvent::Weight { weight } => {
            drop(h);
            key.set_weight_override(*weight);
            return;
        }
    }
    drop(h);
    key.dirty.store(true, Ordering::Relaxed);
}

/// `KeyStateBackend` whose handles share their penalties through Redis.
#[derive(Debug)]
struct SharedKeys {
    local: Arc<LocalKeyStates>,
    state: Arc<RedisState>,
}

impl KeyStateBackend for SharedKeys {
    fn key(&self, id: &KeyId, seed_quota_used: u64) -> Arc<dyn KeyHealth> {
        Arc::new(SharedKey { inner: self.local.key(id, seed_quota_used), id: id.clone(), state: self.state.clone() })
    }
}

/// One key's local health, with its penalties and overrides published to the cluster.
#[derive(Debug)]
struct SharedKey {
    inner: Arc<dyn KeyHealth>,
    id: KeyId,
    state: Arc<RedisState>,
}

impl KeyHealth for SharedKey {
    fn check(&self, config: &KeyConfig, now: &Now) -> Avail {
        self.inner.check(config, now)
    }
    fn try_reserve(&self, config: &KeyConfig, now: &Now) -> Avail {
        self.inner.try_reserve(config, now)
    }
    fn try_reserve_early_probe(&self, config: &KeyConfig, now: &Now) -> bool {
        self.inner.try_reserve_early_probe(config, now)
    }
    fn report(&self, outcome: &Outcome, error: Option<&str>, cooldown: Duration, now: &Now) {
        self.inner.report(outcome, error, cooldown, now);
        let event = match outcome {
            Outcome::RateLimited { retry_after } => {
                let d = retry_after.unwrap_or_default().max(cooldown);
                let until_ms = now.unix_ms.saturating_add(u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
                Some(KeyEvent::Cool { until_ms, rate_limited: true })
            }
            Outcome::AuthFailed => Some(KeyEvent::Invalid),
            // Server errors rest a key briefly and locally: one instance's network trouble is
            // not the key's.
            _ => None,
        };
        if let Some(e) = event {
            self.state.publish_key(&self.id, e);
        }
    }
    fn release_probe(&self) {
        self.inner.release_probe();
    }
    fn snapshot(&self, config: &KeyConfig, now: &Now) -> KeySnapshot {
        self.inner.snapshot(config, now)
    }
    fn enabled_override(&self) -> Option<bool> {
        self.inner.enabled_override()
    }
    fn set_enabled_override(&self, enabled: Option<bool>) {
        self.inner.set_enabled_override(enabled);
        self.state.publish_key(&self.id, KeyEvent::Enabled { enabled });
    }
    fn weight_override(&self) -> Option<f64> {
        self.inner.weight_override()
    }
    fn set_weight_override(&self, weight: Option<f64>) {
        self.inner.set_weight_override(weight);
        self.state.publish_key(&self.id, KeyEvent::Weight { weight });
    }
    fn reset(&self) {
        self.inner.reset();
        self.state.publish_key(&self.id, KeyEvent::Reset);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_remote_cooldown_blocks_the_local_copy_and_a_reset_frees_it() {
        let states = LocalKeyStates::default();
        let id = KeyId::new("p", &Secret::new("s".into()));
        let handle = states.key(&id, 0);
        let key = states.get(&id).unwrap();
        let config = KeyConfig::unlimited("k", Secret::new("s".into()));
        let now = Now::get();
        apply(&key, &KeyEvent::Cool { until_ms: now.unix_ms + 60_000, rate_limited: true }, "a", &now);
        assert!(matches!(handle.check(&config, &now), Avail::Blocked { rate: true, .. }));
        let snap = handle.snapshot(&config, &now);
        assert!(snap.last_error.unwrap().contains("instance a"));
        // An earlier deadline never shortens a longer local one.
        apply(&key, &KeyEvent::Cool { until_ms: now.unix_ms + 1, rate_limited: true }, "b", &now);
        assert!(matches!(handle.check(&config, &now), Avail::Blocked { rate: true, .. }));
        apply(&key, &KeyEvent::Reset, "a", &now);
        assert!(matches!(handle.check(&config, &now), Avail::Usable { .. }));
        apply(&key, &KeyEvent::Invalid, "a", &now);
        assert!(matches!(handle.check(&config, &now), Avail::Blocked { until: None, .. }));
        apply(&key, &KeyEvent::Weight { weight: Some(2.5) }, "a", &now);
        assert_eq!(handle.weight_override(), Some(2.5));
        apply(&key, &KeyEvent::Weight { weight: None }, "a", &now);
        assert_eq!(handle.weight_override(), None);
    }

    #[test]
    fn unsent_charges_sum_per_key_and_window_and_a_tried_one_keeps_its_mark() {
        let mut u = Vec::new();
        keep_unsent(&mut u, "mr-a", 1, 2, 10, 0.5);
        keep_unsent(&mut u, "mr-a", 1, 2, 5, 0.25);
        keep_unsent(&mut u, "mr-b", 1, 2, 7, 0.0);
        keep_unsent(&mut u, "mr-a", 2, 2, 1, 0.0);
        assert_eq!(u.len(), 3);
        assert_eq!((u[0].tokens, u[0].cost_usd), (15, 0.75));
        // Once tried under a mark, an entry is never added to (its replay may have counted).
        u[0].mark = Some("m".into());
        keep_unsent(&mut u, "mr-a", 1, 2, 3, 0.0);
        assert_eq!((u[0].tokens, u.len(), u[3].tokens), (15, 4, 3));
    }

    #[test]
    fn key_events_round_trip_as_json() {
        let m = KeyMessage {
            origin: "a:1".into(),
            provider: "openai".into(),
            fingerprint: 7,
            event: KeyEvent::Cool { until_ms: 5, rate_limited: true },
        };
        let back: KeyMessage = serde_json::from_str(&json(&m)).unwrap();
        assert_eq!(back.event, m.event);
        assert_eq!(redis_key("openai", 255), "mr:key:openai:00000000000000ff");
    }
}
