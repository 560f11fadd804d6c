//! Key health saved behind the request path, restored at start (`KeyStates::persistent`).
//!
//! A `Persister` thread wakes every `SAVE_INTERVAL`, saves each key whose `dirty` flag is set
//! (state row plus the usage buckets that changed) in one redb transaction, and saves once more on
//! `shutdown`; the request path only sets flags. A failed save keeps the keys dirty for the next
//! try and says so in the log at most every `LOUD_EVERY`. What is saved: cooldown (until, as wall
//! clock, and whether a 429 caused it), invalid mark (its reason is `last_error`), enable and
//! weight overrides, consecutive failures, quota used, usage windows, last error, last use,
//! request and failure counts. Not rps tokens (they refill within a second) nor a probe in flight.
//!
//! Keys no longer in the running config (a reload dropped or changed them) are kept — the key may
//! come back — but bounded: every `PRUNE_INTERVAL` (first one a minute after start, once the
//! pools hold their keys) a key no pool holds is stamped `orphan_since`, and forgotten, here and in
//! the database, after `ORPHAN_TTL` or when more than `MAX_ORPHANS` are kept (oldest first).
//! Usage buckets older than every window are dropped then too.

use super::state::{Health, LocalKey, LocalKeyStates, Now};
use super::window::{RETAINED_SECS, Windows};
use super::{CoolReason, KeyHealth, KeyId, KeyStates};
use crate::store::RedbStore;
use crate::store::StoreError;
use crate::store::keystate::{KeyStateRow, KeyStateSave, StoredKeyState};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often changed key states are written.
pub const SAVE_INTERVAL: Duration = Duration::from_secs(1);
/// How often keys out of the config are looked for and old usage buckets dropped.
pub const PRUNE_INTERVAL: Duration = Duration::from_secs(60);
/// How long the state of a key that left the config is kept.
pub const ORPHAN_TTL: Duration = Duration::from_secs(7 * 86_400);
/// At most this many keys out of the config are kept.
pub const MAX_ORPHANS: usize = 1024;
/// A failing save is logged at most this often.
const LOUD_EVERY: Duration = Duration::from_secs(30);

impl KeyStates {
    /// In-process key health restored from `store` and saved back to it from now on. Keep the
    /// `Persister` for as long as the server runs and call `shutdown` at the end (dropping it does
    /// the same) for the final save.
    pub fn persistent(store: Arc<RedbStore>) -> Result<(KeyStates, Persister), StoreError> {
        let local = Arc::new(LocalKeyStates::default());
        let now = Now::get();
        let rows = store.load_key_states()?;
        let n = rows.len();
        for row in rows {
            let id = KeyId { provider: row.provider, fingerprint: row.fingerprint };
            local.insert(id, from_stored(&row.state, row.buckets, &now));
        }
        if n > 0 {
            tracing::debug!("restored the state of {n} upstream keys");
        }
        let persister = Persister::start(local.clone(), store);
        Ok((KeyStates::local(local), persister))
    }
}

/// A key's health as saved, at `now`.
fn to_stored(key: &LocalKey, h: &Health, now: &Now) -> StoredKeyState {
    StoredKeyState {
        cooldown_until_ms: h.cooldown_until.and_then(|t| now.ms_at(t)),
        cooldown_rate_limited: h.cool_reason == CoolReason::RateLimited,
        invalid: h.invalid,
        enabled_override: h.enabled_override,
        weight_override: key.weight_override(),
        consecutive_failures: h.consecutive_failures,
        quota_used: h.quota_used,
        quota_seed: h.quota_seed,
        last_error: h.last_error.clone(),
        last_used_ms: h.last_used_ms,
        requests: key.requests.load(Ordering::Relaxed),
        failures: key.failures.load(Ordering::Relaxed),
        orphan_since_ms: h.orphan_since_ms,
    }
}

/// A saved key back in memory, as of `now`: a cooldown that has ended is gone; consecutive
/// failures stay, so a key that was failing gets its single probe first.
fn from_stored(s: &StoredKeyState, buckets: Vec<(u64, u64)>, now: &Now) -> LocalKey {
    let key = LocalKey::new(s.quota_used);
    {
        let mut h = key.health();
        h.quota_seed = s.quota_seed;
        h.cooldown_until = s.cooldown_until_ms.filter(|ms| *ms > now.unix_ms).map(|ms| now.instant_at(ms));
        h.cool_reason = if s.cooldown_rate_limited { CoolReason::RateLimited } else { CoolReason::Failing };
        h.invalid = s.invalid;
        h.enabled_override = s.enabled_override;
        h.consecutive_failures = s.consecutive_failures;
        h.last_error = s.last_error.clone();
        h.last_used_ms = s.last_used_ms;
        h.orphan_since_ms = s.orphan_since_ms;
        h.windows = Windows::restored(now.unix_secs(), buckets);
    }
    key.requests.store(s.requests, Ordering::Relaxed);
    key.failures.store(s.failures, Ordering::Relaxed);
    key.set_weight_override(s.weight_override);
    key.dirty.store(false, Ordering::Relaxed);
    key
}

enum Msg {
    Flush(SyncSender<Result<(), StoreError>>),
    Stop,
}

/// The write-behind thread of `KeyStates::persistent`.
pub struct Persister {
    tx: SyncSender<Msg>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl std::fmt::Debug for Persister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Persister").finish_non_exhaustive()
    }
}

impl Persister {
    fn start(local: Arc<LocalKeyStates>, store: Arc<RedbStore>) -> Persister {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        let worker = Worker { local, store, next_prune: Instant::now() + PRUNE_INTERVAL, last_loud: None };
        let thread = std::thread::Builder::new()
            .name("monorelay-keystate".into())
            .spawn(move || worker.run(rx))
            .map_err(|e| tracing::error!("cannot start the key state writer thread: {e}; key health will not be saved"))
            .ok();
        Persister { tx, thread: Mutex::new(thread) }
    }

    /// Save every changed key now and wait for the commit.
    pub fn flush(&self) -> Result<(), StoreError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.tx.send(Msg::Flush(tx)).map_err(|_| StoreError("the key state writer has stopped".into()))?;
        rx.recv().map_err(|_| StoreError("the key state writer has stopped".into()))?
    }

    /// Save once more and stop the thread. Blocks for that one write; calling it again is a no-op.
    pub fn shutdown(&self) {
        let handle = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(h) = handle {
            let _ = self.tx.send(Msg::Stop);
            let _ = h.join();
        }
    }
}

impl Drop for Persister {
    fn drop(&mut self) {
        self.shutdown();
    }
}

struct Worker {
    local: Arc<LocalKeyStates>,
    store: Arc<RedbStore>,
    next_prune: Instant,
    last_loud: Option<Instant>,
}

impl Worker {
    fn run(mut self, rx: Receiver<Msg>) {
        loop {
            match rx.recv_timeout(SAVE_INTERVAL) {
                Ok(Msg::Flush(reply)) => {
                    let _ = reply.send(self.save(false));
                }
                Err(RecvTimeoutError::Timeout) => {
                    let prune = Instant::now() >= self.next_prune;
                    if prune {
                        self.next_prune = Instant::now() + PRUNE_INTERVAL;
                    }
                    if let Err(e) = self.save(prune) {
                        if self.last_loud.is_none_or(|t| t.elapsed() >= LOUD_EVERY) {
                            self.last_loud = Some(Instant::now());
                            tracing::error!("cannot save upstream key health ({e}); retrying. Relaying continues.");
                        }
                    }
                }
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    if let Err(e) = self.save(false) {
                        tracing::error!("cannot save upstream key health at shutdown: {e}");
                    }
                    return;
                }
            }
        }
    }

    /// Write every dirty key; with `prune`, first stamp and forget keys out of the config and drop
    /// old buckets. On failure, the keys written are marked dirty again.
    fn save(&mut self, prune: bool) -> Result<(), StoreError> {
        let now = Now::get();
        let mut save = KeyStateSave::default();
        if prune {
            save.removed = self.prune(&now);
            save.buckets_before = Some(now.unix_secs().saturating_sub(RETAINED_SECS + super::window::BUCKET_SECS));
        }
        // Keys taken from the dirty set, with their oldest changed bucket, to restore on failure.
        let mut taken: Vec<(Arc<LocalKey>, Option<u64>)> = Vec::new();
        for (id, key) in self.local.take_dirty() {
            let mut h = key.health();
            let buckets = h.windows.take_changed();
            let state = to_stored(&key, &h, &now);
            drop(h);
            taken.push((key.clone(), buckets.first().map(|b| b.0)));
            save.rows.push(KeyStateRow { provider: id.provider, fingerprint: id.fingerprint, state, buckets });
        }
        let result = self.store.save_key_states(&save);
        if result.is_err() {
            for (key, first_bucket) in taken {
                if let Some(b) = first_bucket {
                    key.health().windows.mark_changed(b);
                }
                key.dirty.store(true, Ordering::Relaxed);
            }
        }
        result
    }

    /// Stamp keys no pool holds (and unstamp those held again); forget those stamped longer than
    /// `ORPHAN_TTL` ago and all but the newest `MAX_ORPHANS`. Returns the keys forgotten.
    fn prune(&self, now: &Now) -> Vec<(String, u64)> {
        let mut orphans: Vec<(u64, KeyId)> = Vec::new();
        for (id, key, in_use) in self.local.entries() {
            let mut h = key.health();
            let stamped = match (in_use, h.orphan_since_ms) {
                (true, Some(_)) => h.orphan_since_ms.take().is_some(),
                (false, None) => h.orphan_since_ms.replace(now.unix_ms).is_none(),
                _ => false,
            };
            if let (false, Some(since)) = (in_use, h.orphan_since_ms) {
                orphans.push((since, id));
            }
            drop(h);
            if stamped {
                key.dirty.store(true, Ordering::Relaxed);
            }
        }
        // No handle from `entries` is left, so `remove_unused` sees only the map's own.
        let ttl_ms = u64::try_from(ORPHAN_TTL.as_millis()).unwrap_or(u64::MAX);
        orphans.sort_unstable_by_key(|(since, _)| std::cmp::Reverse(*since));
        let mut removed = Vec::new();
        for (i, (since, id)) in orphans.into_iter().enumerate() {
            let expired = now.unix_ms.saturating_sub(since) >= ttl_ms || i >= MAX_ORPHANS;
            if expired && self.local.remove_unused(&id) {
                removed.push((id.provider, id.fingerprint));
            }
        }
        removed
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::{KeyConfig, ProviderConfig, ProviderKind, Strategy};
    use crate::keys::{CoolingReason, KeyPool, KeyStatus, Outcome, QuotaWindow};
    use crate::secret::Secret;

    fn key(label: &str) -> KeyConfig {
        KeyConfig {
            label: label.into(),
            secret: Secret::new(format!("secret-{label}")),
            weight: 1.0,
            enabled: true,
            quota_limit: 0,
            quota_used: 0,
            rate_limit_rps: 0.0,
            expires_at: None,
            window_limits: [0; 3],
        }
    }

    fn provider(keys: Vec<KeyConfig>) -> ProviderConfig {
        ProviderConfig {
            name: "p".into(),
            enabled: true,
            kind: ProviderKind::Api,
            base_url: "http://127.0.0.1:1".into(),
            keys,
            cooldown: Duration::from_secs(60),
            timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
            total_timeout: None,
            include: vec![],
            exclude: vec![],
            headers: vec![],
            retry: None,
            ignore_errors: vec![],
            cost_per_m_input: 0.0,
            cost_per_m_output: 0.0,
            params: Default::default(),
            system_prompt: String::new(),
            strategy: None,
            stream_usage: true,
            anthropic_version: String::new(),
            responses: false,
            responses_models: vec![],
            test_model: String::new(),
        }
    }

    fn open(dir: &std::path::Path) -> Arc<RedbStore> {
        Arc::new(RedbStore::open(&dir.join(crate::store::DB_FILE)).unwrap())
    }

    #[test]
    fn every_saved_field_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let mut quota = key("quota");
        quota.quota_limit = 2;
        quota.window_limits = [0, 5, 0];
        let p = provider(vec![key("cool"), key("bad"), quota, key("tuned")]);
        {
            let (states, persister) = KeyStates::persistent(open(dir.path())).unwrap();
            let pool = KeyPool::new(&p, Strategy::RoundRobin, &states);
            let lease = |i: usize| pool.lease(&(0..4).filter(|j| *j != i).collect::<Vec<_>>(), None).unwrap();
            lease(0).finish(Outcome::RateLimited { retry_after: Some(Duration::from_secs(600)) }, Some("slow down"));
            lease(1).finish(Outcome::AuthFailed, Some("invalid api key"));
            lease(2).finish(Outcome::Success, None);
            lease(2).finish(Outcome::Success, None);
            pool.keys[3].state.set_weight_override(Some(7.5));
            pool.keys[3].state.set_enabled_override(Some(false));
            persister.shutdown();
        }
        let (states, persister) = KeyStates::persistent(open(dir.path())).unwrap();
        let pool = KeyPool::new(&p, Strategy::RoundRobin, &states);
        let view = pool.view();
        let KeyStatus::Cooling { until_ms, reason: CoolingReason::RateLimited } = view[0].status else {
            panic!("{:?}", view[0].status)
        };
        let left = until_ms.saturating_sub(Now::get().unix_ms);
        assert!(left > 500_000 && left <= 600_000, "{left}");
        assert_eq!(view[0].last_error.as_deref(), Some("slow down"));
        assert!(matches!(view[1].status, KeyStatus::Invalid { .. }), "{:?}", view[1].status);
        assert_eq!(view[1].last_error.as_deref(), Some("invalid api key"));
        assert_eq!(view[2].status, KeyStatus::QuotaExhausted { window: QuotaWindow::Total });
        assert_eq!((view[2].requests, view[2].quota_used), (2, 2));
        assert!(view[2].last_used_ms.is_some());
        let now = Now::get();
        assert_eq!(pool.keys[2].state.snapshot(&pool.keys[2].config, &now).window_counts, [2, 2, 2]);
        assert_eq!(view[3].status, KeyStatus::Disabled);
        assert_eq!(pool.keys[3].state.weight_override(), Some(7.5));
        assert_eq!((view[0].failures, view[1].failures), (1, 1));
        let err = pool.lease(&[], None).unwrap_err();
        assert!(err.all_rate_limited, "only the cooling key comes back by itself: {err:?}");
        drop(persister);
    }

    #[test]
    fn a_cooldown_that_ended_while_stopped_is_gone_and_a_failing_key_gets_its_probe() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let id = KeyId::new("p", &Secret::new("secret-a".into()));
        let past = Now::get().unix_ms - 1000;
        store
            .save_key_states(&KeyStateSave {
                rows: vec![KeyStateRow {
                    provider: id.provider.clone(),
                    fingerprint: id.fingerprint,
                    state: StoredKeyState {
                        cooldown_until_ms: Some(past),
                        consecutive_failures: 3,
                        ..Default::default()
                    },
                    buckets: vec![],
                }],
                ..Default::default()
            })
            .unwrap();
        let (states, _persister) = KeyStates::persistent(store).unwrap();
        let pool = KeyPool::new(&provider(vec![key("a")]), Strategy::RoundRobin, &states);
        assert_eq!(pool.view()[0].status, KeyStatus::Probing);
        let probe = pool.lease(&[], None).unwrap();
        assert!(pool.lease(&[], None).is_err(), "one probe at a time");
        probe.finish(Outcome::Success, None);
        assert_eq!(pool.view()[0].status, KeyStatus::Available);
    }

    #[test]
    fn extreme_saved_values_do_not_panic() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let id = KeyId::new("p", &Secret::new("secret-a".into()));
        let state = StoredKeyState {
            cooldown_until_ms: Some(u64::MAX),
            cooldown_rate_limited: true,
            consecutive_failures: u32::MAX,
            quota_used: u64::MAX,
            quota_seed: 0,
            requests: u64::MAX,
            ..Default::default()
        };
        let buckets = vec![(u64::MAX, u64::MAX), (0, 1), (Now::get().unix_secs(), u64::MAX)];
        let row = KeyStateRow { provider: id.provider.clone(), fingerprint: id.fingerprint, state, buckets };
        store.save_key_states(&KeyStateSave { rows: vec![row], ..Default::default() }).unwrap();
        let (states, persister) = KeyStates::persistent(store).unwrap();
        let pool = KeyPool::new(&provider(vec![key("a")]), Strategy::RoundRobin, &states);
        assert!(matches!(pool.view()[0].status, KeyStatus::Cooling { reason: CoolingReason::RateLimited, .. }));
        let err = pool.lease(&[], None).unwrap_err();
        assert!(err.retry_after.unwrap() > Duration::from_secs(365 * 86_400));
        pool.keys[0].state.reset();
        pool.lease(&[], None).unwrap().finish(Outcome::Success, None);
        pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
        persister.flush().unwrap();
    }

    #[test]
    fn only_changed_keys_are_written_and_flush_waits_for_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let (states, persister) = KeyStates::persistent(store.clone()).unwrap();
        let pool = KeyPool::new(&provider(vec![key("a"), key("b")]), Strategy::RoundRobin, &states);
        persister.flush().unwrap();
        assert!(store.load_key_states().unwrap().is_empty(), "nothing happened yet");
        pool.lease(&[1], None).unwrap().finish(Outcome::Success, None);
        persister.flush().unwrap();
        let rows = store.load_key_states().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fingerprint, pool.keys[0].id.fingerprint);
        assert_eq!(rows[0].state.quota_used, 1);
        assert_eq!(rows[0].buckets.len(), 1);
        persister.shutdown();
        assert!(persister.flush().is_err(), "stopped");
    }

    #[test]
    fn keys_out_of_the_config_are_kept_then_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        // No writer thread: this test's saves are the only ones, so the database is as they left it.
        let local = Arc::new(LocalKeyStates::default());
        let states = KeyStates::local(local.clone());
        let mut worker =
            Worker { local: local.clone(), store: store.clone(), next_prune: Instant::now(), last_loud: None };
        let p = provider(vec![key("a")]);
        let pool = KeyPool::new(&p, Strategy::RoundRobin, &states);
        pool.lease(&[], None).unwrap().finish(Outcome::AuthFailed, Some("revoked"));
        let id = pool.keys[0].id.clone();
        worker.save(true).unwrap();
        assert_eq!(store.load_key_states().unwrap()[0].state.orphan_since_ms, None, "in use");
        // A reload drops the key: it is stamped, and kept.
        drop(pool);
        worker.save(true).unwrap();
        let since = store.load_key_states().unwrap()[0].state.orphan_since_ms;
        assert!(since.is_some());
        assert!(local.get(&id).is_some());
        // It comes back within the time: the same state, no longer an orphan.
        let pool = KeyPool::new(&p, Strategy::RoundRobin, &states);
        assert!(matches!(pool.view()[0].status, KeyStatus::Invalid { .. }));
        worker.save(true).unwrap();
        assert_eq!(store.load_key_states().unwrap()[0].state.orphan_since_ms, None);
        // Gone for longer than the TTL: forgotten in memory and in the database.
        drop(pool);
        worker.save(true).unwrap();
        let ttl_ms = u64::try_from(ORPHAN_TTL.as_millis()).unwrap();
        local.get(&id).unwrap().health().orphan_since_ms = Some(Now::get().unix_ms - ttl_ms - 1);
        worker.save(true).unwrap();
        assert!(local.get(&id).is_none());
        assert!(store.load_key_states().unwrap().is_empty());
        let pool = KeyPool::new(&p, Strategy::RoundRobin, &states);
        assert_eq!(pool.view()[0].status, KeyStatus::Available, "it starts fresh");
    }

    #[test]
    fn no_more_than_max_orphans_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let local = Arc::new(LocalKeyStates::default());
        let mut worker =
            Worker { local: local.clone(), store: store.clone(), next_prune: Instant::now(), last_loud: None };
        let now = Now::get().unix_ms;
        for i in 0..MAX_ORPHANS as u64 + 5 {
            let k = LocalKey::new(0);
            k.health().orphan_since_ms = Some(now - 1000 * (i + 1));
            k.dirty.store(true, Ordering::Relaxed);
            local.insert(KeyId { provider: "p".into(), fingerprint: i }, k);
        }
        worker.save(true).unwrap();
        assert_eq!(local.len(), MAX_ORPHANS);
        // The five stamped longest ago went.
        assert!(
            (MAX_ORPHANS as u64..MAX_ORPHANS as u64 + 5)
                .all(|i| local.get(&KeyId { provider: "p".into(), fingerprint: i }).is_none())
        );
        assert_eq!(store.load_key_states().unwrap().len(), MAX_ORPHANS);
    }
}
