//! Key health behind a trait, and its in-process implementation.
//!
//! `KeyHealth` is one key's state seen as operations, each atomic for that key: check, check and
//! reserve (the lease), report an outcome, read a snapshot for display, set overrides, reset. A
//! backend shared by several relays (Redis: one hash per key, each operation one script) can
//! implement it without a shared struct; `KeyStateBackend` hands out a handle per key once per
//! pool build, so the request path never looks a key up.
//!
//! `LocalKey` / `LocalKeyStates` are the default: a mutex per key, atomics for the counters read
//! without it, nothing allocated and no I/O on the lease path. Every change sets the key's `dirty`
//! flag, which `persist` reads to write the state behind, off the request path.

use super::window::Windows;
use super::{Avail, BASE_FAILURE_COOLDOWN, CoolReason, FAILURES_BEFORE_BACKOFF, KeyId, KeyPool, Outcome};
use crate::config::KeyConfig;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The furthest ahead a deadline is kept; later ones (a corrupt saved state, a far HTTP date in
/// `Retry-After`) are clamped, so that no `Instant` arithmetic can overflow.
const MAX_AHEAD: Duration = Duration::from_secs(10 * 365 * 86_400);

/// One moment on both clocks: cooldowns run on the monotonic one, usage windows and everything
/// saved on the wall clock. Taken once per lease so that every key is judged at the same time.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub at: Instant,
    pub unix_ms: u64,
}

impl Now {
    pub fn get() -> Now {
        let unix_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        Now { at: Instant::now(), unix_ms }
    }

    pub fn unix_secs(&self) -> u64 {
        self.unix_ms / 1000
    }

    /// `d` from now (at most ten years).
    pub fn after(&self, d: Duration) -> Instant {
        self.at + d.min(MAX_AHEAD)
    }

    /// The instant at wall-clock `ms` (now, if that has passed).
    pub fn instant_at(&self, ms: u64) -> Instant {
        self.after(Duration::from_millis(ms.saturating_sub(self.unix_ms)))
    }

    /// The wall-clock time of `t`, if it is still ahead.
    pub fn ms_at(&self, t: Instant) -> Option<u64> {
        let ahead = t.checked_duration_since(self.at)?;
        (!ahead.is_zero()).then(|| self.unix_ms.saturating_add(u64::try_from(ahead.as_millis()).unwrap_or(u64::MAX)))
    }
}

/// A key's state for display, read in one step.
#[derive(Debug, Clone)]
pub struct KeySnapshot {
    pub avail: Avail,
    pub requests: u64,
    pub failures: u64,
    pub quota_used: u64,
    pub last_error: Option<String>,
    /// Unix milliseconds of the last lease.
    pub last_used_ms: Option<u64>,
    pub invalid: bool,
    pub consecutive_failures: u32,
    pub enabled_override: Option<bool>,
    pub weight_override: Option<f64>,
    /// Counted requests in the 5 h, 1 d and 7 d windows.
    pub window_counts: [u64; 3],
}

/// One upstream key's health. Every method is atomic for the key; none blocks on I/O in the
/// local implementation.
pub trait KeyHealth: Send + Sync + fmt::Debug {
    /// Whether the key could be leased now, reserving nothing.
    fn check(&self, config: &KeyConfig, now: &Now) -> Avail;
    /// Check and, when usable, reserve in the same step: take the half-open probe slot or an rps
    /// token, count the request, stamp the last use.
    fn try_reserve(&self, config: &KeyConfig, now: &Now) -> Avail;
    /// Take the key as an early probe: only while it rests after server errors (not rate-limited,
    /// invalid, disabled, over a limit) and no probe is in flight. Used when every key of every
    /// candidate rests after errors, so the one whose rest ends first is tried instead of refusing.
    fn try_reserve_early_probe(&self, config: &KeyConfig, now: &Now) -> bool;
    /// Apply an attempt's outcome (and free its probe slot). `cooldown` is the provider's
    /// `rate_limit_cooldown`; `error` is already redacted.
    fn report(&self, outcome: &Outcome, error: Option<&str>, cooldown: Duration, now: &Now);
    /// A probe lease was dropped unreported (the client went away): free the slot only.
    fn release_probe(&self);
    fn snapshot(&self, config: &KeyConfig, now: &Now) -> KeySnapshot;
    fn enabled_override(&self) -> Option<bool>;
    /// Runtime enable/disable; `None` follows the config. `Some(true)` also clears an invalid
    /// mark: re-enabling is how a user says "this key is good again".
    fn set_enabled_override(&self, enabled: Option<bool>);
    /// Read without a lock: weighted selection asks on every lease.
    fn weight_override(&self) -> Option<f64>;
    /// Set (or with `None` clear) the runtime weight.
    fn set_weight_override(&self, weight: Option<f64>);
    /// Forget cooldowns, failures and an invalid mark (`keys reset`): the key is tried again at
    /// once. Quota and usage windows stay.
    fn reset(&self);
}

/// Where key handles come from. Called when a pool is built (start, reload), never per request.
pub trait KeyStateBackend: Send + Sync + fmt::Debug {
    /// The key's health, created on first use. `seed_quota_used` is the config's `quota_used`.
    fn key(&self, id: &KeyId, seed_quota_used: u64) -> Arc<dyn KeyHealth>;
}

/// The state behind one `LocalKey`'s mutex.
#[derive(Debug)]
pub struct Health {
    pub(crate) cooldown_until: Option<Instant>,
    pub(crate) cool_reason: CoolReason,
    /// 401/403 seen: unusable until re-enabled, or until the config carries a different key.
    pub(crate) invalid: bool,
    /// Runtime enable/disable (control socket); `None` follows the config.
    pub(crate) enabled_override: Option<bool>,
    pub(crate) consecutive_failures: u32,
    pub(crate) probe_in_flight: bool,
    pub(crate) quota_used: u64,
    /// The config's `quota_used` this count started from.
    pub(crate) quota_seed: u64,
    pub(crate) windows: Windows,
    pub(crate) rps_tokens: f64,
    pub(crate) rps_refilled: Instant,
    pub(crate) last_error: Option<String>,
    pub(crate) last_used_ms: Option<u64>,
    /// When the persister first saw no pool holding this key.
    pub(crate) orphan_since_ms: Option<u64>,
}

/// Runtime weight stored as f64 bits; this value means "follow the config".
const NO_WEIGHT: u64 = u64::MAX;

/// The in-process `KeyHealth`.
#[derive(Debug)]
pub struct LocalKey {
    health: Mutex<Health>,
    pub(crate) requests: AtomicU64,
    pub(crate) failures: AtomicU64,
    /// An atomic, so weighted selection reads it without taking the health lock.
    weight_override: AtomicU64,
    /// Changed since the persister last saved it.
    pub(crate) dirty: AtomicBool,
}

impl LocalKey {
    pub(crate) fn new(quota_used: u64) -> LocalKey {
        LocalKey {
            health: Mutex::new(Health {
                cooldown_until: None,
                cool_reason: CoolReason::Failing,
                invalid: false,
                enabled_override: None,
                consecutive_failures: 0,
                probe_in_flight: false,
                quota_used,
                quota_seed: quota_used,
                windows: Windows::default(),
                rps_tokens: f64::MAX,
                rps_refilled: Instant::now(),
                last_error: None,
                last_used_ms: None,
                orphan_since_ms: None,
            }),
            requests: AtomicU64::new(0),
            failures: AtomicU64::new(0),
            weight_override: AtomicU64::new(NO_WEIGHT),
            dirty: AtomicBool::new(false),
        }
    }

    /// Poisoning cannot leave `Health` inconsistent (every update is a plain field write), so a
    /// panic elsewhere must not take key selection down with it.
    pub fn health(&self) -> MutexGuard<'_, Health> {
        self.health.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn touch(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }

    /// Take a usable key under its lock: the probe slot, an rps token, the request count.
    fn reserve(&self, mut h: MutexGuard<'_, Health>, config: &KeyConfig, now: &Now, probe: bool) {
        if probe {
            h.probe_in_flight = true;
        }
        if config.rate_limit_rps > 0.0 {
            h.rps_tokens -= 1.0;
        }
        h.last_used_ms = Some(now.unix_ms);
        drop(h);
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.touch();
    }

    /// A changed `quota_used` in the config means the user set the counter: take it.
    fn adopt_seed(&self, seed: u64) {
        let mut h = self.health();
        if h.quota_seed != seed {
            h.quota_seed = seed;
            h.quota_used = seed;
            drop(h);
            self.touch();
        }
    }
}

impl KeyHealth for LocalKey {
    fn check(&self, config: &KeyConfig, now: &Now) -> Avail {
        KeyPool::availability(config, &mut self.health(), now)
    }

    fn try_reserve(&self, config: &KeyConfig, now: &Now) -> Avail {
        let mut h = self.health();
        let avail = KeyPool::availability(config, &mut h, now);
        if let Avail::Usable { probe } = avail {
            self.reserve(h, config, now, probe);
        }
        avail
    }

    fn try_reserve_early_probe(&self, config: &KeyConfig, now: &Now) -> bool {
        let mut h = self.health();
        let resting = h.cool_reason == CoolReason::Failing && h.cooldown_until.is_some_and(|u| u > now.at);
        if !resting || h.probe_in_flight {
            return false;
        }
        // Everything but the error cooldown must allow the key.
        let until = h.cooldown_until.take();
        let avail = KeyPool::availability(config, &mut h, now);
        h.cooldown_until = until;
        if !matches!(avail, Avail::Usable { .. }) {
            return false;
        }
        self.reserve(h, config, now, true);
        true
    }

    fn report(&self, outcome: &Outcome, error: Option<&str>, cooldown: Duration, now: &Now) {
        let mut h = self.health();
        h.probe_in_flight = false;
        match outcome {
            Outcome::Success => {
                h.consecutive_failures = 0;
                h.cooldown_until = None;
                h.quota_used = h.quota_used.saturating_add(1);
                h.windows.hit(now.unix_secs());
                drop(h);
                self.touch();
                return;
            }
            Outcome::ClientError => return,
            Outcome::RateLimited { retry_after } => {
                let d = retry_after.unwrap_or_default().max(cooldown);
                h.cooldown_until = Some(now.after(d));
                h.cool_reason = CoolReason::RateLimited;
            }
            Outcome::AuthFailed => h.invalid = true,
            Outcome::ServerError => {
                h.consecutive_failures = h.consecutive_failures.saturating_add(1);
                // One blip (a 5xx, a reset, a timeout) costs nothing: only repeated failures rest
                // the key, 1 s doubling from the second one.
                if h.consecutive_failures >= FAILURES_BEFORE_BACKOFF {
                    let exp = (h.consecutive_failures - FAILURES_BEFORE_BACKOFF).min(20);
                    let d = BASE_FAILURE_COOLDOWN.saturating_mul(1u32 << exp).min(cooldown.max(BASE_FAILURE_COOLDOWN));
                    h.cooldown_until = Some(now.after(d));
                    h.cool_reason = CoolReason::Failing;
                }
            }
        }
        h.last_error = error.map(|e| e.chars().take(300).collect());
        drop(h);
        self.failures.fetch_add(1, Ordering::Relaxed);
        self.touch();
    }

    fn release_probe(&self) {
        self.health().probe_in_flight = false;
    }

    fn snapshot(&self, config: &KeyConfig, now: &Now) -> KeySnapshot {
        let mut h = self.health();
        let avail = KeyPool::availability(config, &mut h, now);
        KeySnapshot {
            avail,
            requests: self.requests.load(Ordering::Relaxed),
            failures: self.failures.load(Ordering::Relaxed),
            quota_used: h.quota_used,
            last_error: h.last_error.clone(),
            last_used_ms: h.last_used_ms,
            invalid: h.invalid,
            consecutive_failures: h.consecutive_failures,
            enabled_override: h.enabled_override,
            weight_override: self.weight_override(),
            window_counts: h.windows.totals(now.unix_secs()),
        }
    }

    fn enabled_override(&self) -> Option<bool> {
        self.health().enabled_override
    }

    fn set_enabled_override(&self, enabled: Option<bool>) {
        let mut h = self.health();
        h.enabled_override = enabled;
        if enabled == Some(true) {
            h.invalid = false;
        }
        drop(h);
        self.touch();
    }

    fn weight_override(&self) -> Option<f64> {
        let bits = self.weight_override.load(Ordering::Relaxed);
        (bits != NO_WEIGHT).then(|| f64::from_bits(bits))
    }

    fn set_weight_override(&self, weight: Option<f64>) {
        self.weight_override.store(weight.map_or(NO_WEIGHT, f64::to_bits), Ordering::Relaxed);
        self.touch();
    }

    fn reset(&self) {
        let mut h = self.health();
        h.cooldown_until = None;
        h.invalid = false;
        h.consecutive_failures = 0;
        h.probe_in_flight = false;
        h.last_error = None;
        drop(h);
        self.touch();
    }
}

/// Every key's `LocalKey`, by provider + fingerprint: the in-process backend.
#[derive(Debug, Default)]
pub struct LocalKeyStates {
    keys: Mutex<HashMap<KeyId, Arc<LocalKey>>>,
}

impl LocalKeyStates {
    fn map(&self) -> MutexGuard<'_, HashMap<KeyId, Arc<LocalKey>>> {
        self.keys.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The key's state, if it exists (tests and the persister).
    pub fn get(&self, id: &KeyId) -> Option<Arc<LocalKey>> {
        self.map().get(id).cloned()
    }

    /// Every key with its state, and whether a pool (or a lease) holds it: `false` means the key
    /// is in no running config. The persister's view; it allocates, so never on the request path.
    pub(crate) fn entries(&self) -> Vec<(KeyId, Arc<LocalKey>, bool)> {
        self.map()
            .iter()
            .map(|(id, k)| {
                let in_use = Arc::strong_count(k) > 1;
                (id.clone(), k.clone(), in_use)
            })
            .collect()
    }

    /// The keys changed since the last call (their `dirty` flag is cleared): what the persister
    /// writes. Allocates only for those, so an idle relay's once-a-second look costs nothing much.
    pub(crate) fn take_dirty(&self) -> Vec<(KeyId, Arc<LocalKey>)> {
        self.map()
            .iter()
            .filter(|(_, k)| k.dirty.swap(false, Ordering::Relaxed))
            .map(|(id, k)| (id.clone(), k.clone()))
            .collect()
    }

    /// Put a restored key in place (at start, before any pool is built).
    pub(crate) fn insert(&self, id: KeyId, key: LocalKey) {
        self.map().insert(id, Arc::new(key));
    }

    /// Forget a key, unless something took hold of it since `unused` was decided: only this map
    /// may hold it.
    pub(crate) fn remove_unused(&self, id: &KeyId) -> bool {
        let mut map = self.map();
        if map.get(id).is_some_and(|k| Arc::strong_count(k) == 1) {
            map.remove(id);
            return true;
        }
        false
    }

    pub fn len(&self) -> usize {
        self.map().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl KeyStateBackend for LocalKeyStates {
    fn key(&self, id: &KeyId, seed_quota_used: u64) -> Arc<dyn KeyHealth> {
        let key = self.map().entry(id.clone()).or_insert_with(|| Arc::new(LocalKey::new(seed_quota_used))).clone();
        key.adopt_seed(seed_quota_used);
        key
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn config() -> KeyConfig {
        KeyConfig::unlimited("k", Secret::new("s".into()))
    }

    fn id() -> KeyId {
        KeyId::new("p", &Secret::new("s".into()))
    }

    #[test]
    fn handles_share_one_state_per_key() {
        let states = LocalKeyStates::default();
        let a = states.key(&id(), 0);
        let b = states.key(&id(), 0);
        let now = Now::get();
        a.report(&Outcome::AuthFailed, Some("bad"), Duration::from_secs(60), &now);
        assert!(matches!(b.check(&config(), &now), Avail::Blocked { until: None, .. }));
        assert_eq!(states.len(), 1);
    }

    #[test]
    fn operations_mark_the_key_dirty_and_checks_do_not() {
        let states = LocalKeyStates::default();
        let k = states.key(&id(), 0);
        let local = states.get(&id()).unwrap();
        let now = Now::get();
        let _ = k.check(&config(), &now);
        let _ = k.snapshot(&config(), &now);
        assert!(!local.dirty.swap(false, Ordering::Relaxed));
        assert!(matches!(k.try_reserve(&config(), &now), Avail::Usable { probe: false }));
        assert!(local.dirty.swap(false, Ordering::Relaxed));
        k.report(&Outcome::Success, None, Duration::from_secs(60), &now);
        assert!(local.dirty.swap(false, Ordering::Relaxed));
        k.set_weight_override(Some(2.0));
        assert!(local.dirty.swap(false, Ordering::Relaxed));
        let s = k.snapshot(&config(), &now);
        assert_eq!((s.requests, s.quota_used, s.window_counts, s.weight_override), (1, 1, [1, 1, 1], Some(2.0)));
    }

    #[test]
    fn reenabling_clears_invalid_and_reset_clears_cooldown_but_not_quota() {
        let states = LocalKeyStates::default();
        let k = states.key(&id(), 0);
        let now = Now::get();
        k.report(&Outcome::Success, None, Duration::from_secs(60), &now);
        k.report(&Outcome::AuthFailed, Some("401"), Duration::from_secs(60), &now);
        k.set_enabled_override(Some(false));
        assert!(matches!(k.check(&config(), &now), Avail::Blocked { why: "disabled", .. }));
        k.set_enabled_override(Some(true));
        assert!(matches!(k.check(&config(), &now), Avail::Usable { .. }));
        k.report(&Outcome::RateLimited { retry_after: None }, None, Duration::from_secs(60), &now);
        assert!(matches!(k.check(&config(), &now), Avail::Blocked { rate: true, .. }));
        k.reset();
        let s = k.snapshot(&config(), &now);
        assert!(matches!(s.avail, Avail::Usable { probe: false }));
        assert_eq!((s.quota_used, s.last_error), (1, None));
    }

    #[test]
    fn a_changed_quota_used_in_the_config_wins_an_unchanged_one_does_not() {
        let states = LocalKeyStates::default();
        let k = states.key(&id(), 5);
        k.report(&Outcome::Success, None, Duration::from_secs(60), &Now::get());
        let quota = |k: &Arc<dyn KeyHealth>| k.snapshot(&config(), &Now::get()).quota_used;
        assert_eq!(quota(&states.key(&id(), 5)), 6, "a reload with the same config keeps counting");
        assert_eq!(quota(&states.key(&id(), 0)), 0, "the user reset the counter in the config");
    }

    #[test]
    fn now_converts_between_clocks() {
        let now = Now::get();
        assert_eq!(now.ms_at(now.at), None);
        assert_eq!(now.ms_at(now.at + Duration::from_secs(2)), Some(now.unix_ms + 2000));
        assert_eq!(now.instant_at(now.unix_ms + 1500), now.at + Duration::from_millis(1500));
        assert_eq!(now.instant_at(now.unix_ms.saturating_sub(10)), now.at);
        assert_eq!(now.instant_at(u64::MAX), now.after(Duration::MAX), "clamped, not an overflow");
    }
}
