//! Upstream key pools: which key serves the next request (round-robin, random, weighted, sticky),
//! and each key's health (cooldowns, invalid keys, half-open probes, quotas, windows, rps).
//!
//! Health lives in `KeyStates`, outside the swapped runtime, keyed by provider + a hash of the key,
//! so a config reload keeps it and a changed key starts fresh.

mod status;

pub use status::{CoolingReason, KeyStatus, QuotaWindow};

use crate::config::{KeyConfig, ProviderConfig, Strategy, normalize_name};
use crate::secret::Secret;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Rolling request windows for `usage_window_limits`: 5 h, 1 d, 7 d.
const WINDOWS: [Duration; 3] =
    [Duration::from_secs(5 * 3600), Duration::from_secs(86_400), Duration::from_secs(7 * 86_400)];
/// First cooldown after a server error; doubles per consecutive failure up to `rate_limit_cooldown`.
const BASE_FAILURE_COOLDOWN: Duration = Duration::from_secs(1);

/// A stable identity for a key that never reveals it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KeyId {
    pub provider: String,
    pub fingerprint: u64,
}

impl KeyId {
    pub fn new(provider: &str, secret: &Secret<String>) -> KeyId {
        let digest = Sha256::digest(secret.expose().as_bytes());
        let mut fp = [0u8; 8];
        fp.copy_from_slice(&digest[..8]);
        KeyId { provider: normalize_name(provider), fingerprint: u64::from_be_bytes(fp) }
    }
}

/// Why a key is cooling down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoolReason {
    RateLimited,
    Failing,
}

#[derive(Debug)]
pub struct Health {
    pub cooldown_until: Option<Instant>,
    pub cool_reason: CoolReason,
    /// 401/403 seen: unusable until re-enabled, or until the config carries a different key.
    pub invalid: bool,
    /// Runtime enable/disable (control socket); `None` follows the config.
    pub enabled_override: Option<bool>,
    pub consecutive_failures: u32,
    pub probe_in_flight: bool,
    pub quota_used: u64,
    window_hits: VecDeque<Instant>,
    rps_tokens: f64,
    rps_refilled: Instant,
    pub last_error: Option<String>,
    pub last_used: Option<SystemTime>,
}

#[derive(Debug)]
pub struct KeyState {
    health: Mutex<Health>,
    pub requests: AtomicU64,
    pub failures: AtomicU64,
    /// Runtime weight (control socket `keys.set`), as f64 bits; `NO_WEIGHT` follows the config.
    /// An atomic, so weighted selection reads it without taking the health lock.
    weight_override: AtomicU64,
}

const NO_WEIGHT: u64 = u64::MAX;

impl KeyState {
    fn new(quota_used: u64) -> KeyState {
        KeyState {
            health: Mutex::new(Health {
                cooldown_until: None,
                cool_reason: CoolReason::Failing,
                invalid: false,
                enabled_override: None,
                consecutive_failures: 0,
                probe_in_flight: false,
                quota_used,
                window_hits: VecDeque::new(),
                rps_tokens: f64::MAX,
                rps_refilled: Instant::now(),
                last_error: None,
                last_used: None,
            }),
            requests: AtomicU64::new(0),
            failures: AtomicU64::new(0),
            weight_override: AtomicU64::new(NO_WEIGHT),
        }
    }

    pub fn weight_override(&self) -> Option<f64> {
        let bits = self.weight_override.load(Ordering::Relaxed);
        (bits != NO_WEIGHT).then(|| f64::from_bits(bits))
    }

    /// Set (or with `None` clear) the runtime weight; it survives reloads like the rest of the health.
    pub fn set_weight_override(&self, weight: Option<f64>) {
        self.weight_override.store(weight.map_or(NO_WEIGHT, f64::to_bits), Ordering::Relaxed);
    }

    /// Forget cooldowns, failures and an invalid mark (`keys reset`): the key is tried again at once.
    pub fn reset(&self) {
        let mut h = self.health();
        h.cooldown_until = None;
        h.invalid = false;
        h.consecutive_failures = 0;
        h.probe_in_flight = false;
        h.last_error = None;
    }

    /// Poisoning cannot leave `Health` inconsistent (every update is a plain field write), so a
    /// panic elsewhere must not take key selection down with it.
    pub fn health(&self) -> MutexGuard<'_, Health> {
        self.health.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Key health for the whole process; survives config reloads.
#[derive(Debug, Default)]
pub struct KeyStates {
    keys: Mutex<HashMap<KeyId, Arc<KeyState>>>,
    cursors: Mutex<HashMap<String, Arc<AtomicUsize>>>,
}

impl KeyStates {
    pub fn state(&self, id: &KeyId, seed_quota_used: u64) -> Arc<KeyState> {
        let mut map = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(id.clone()).or_insert_with(|| Arc::new(KeyState::new(seed_quota_used))).clone()
    }
    fn cursor(&self, provider: &str) -> Arc<AtomicUsize> {
        let mut map = self.cursors.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(normalize_name(provider)).or_default().clone()
    }
}

/// What happened when a key was used; decides the penalty.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Success,
    /// The request itself was at fault (400, 404, 422…): no penalty.
    ClientError,
    /// 429: cool for max(Retry-After, the provider's rate_limit_cooldown).
    RateLimited {
        retry_after: Option<Duration>,
    },
    /// 401/403: the key is invalid until re-enabled or replaced.
    AuthFailed,
    /// 5xx, timeout, connection error: short cooldown, doubling, then one probe.
    ServerError,
}

#[derive(Debug)]
pub struct PoolKey {
    pub config: KeyConfig,
    pub id: KeyId,
    pub state: Arc<KeyState>,
    /// The upstream auth header value, built once (`Bearer <key>`, or the bare key for
    /// Anthropic's `x-api-key`), marked sensitive so that it is never logged.
    pub auth: http::HeaderValue,
}

/// The key pool of one provider, built with each runtime.
#[derive(Debug)]
pub struct KeyPool {
    pub provider: String,
    pub keys: Vec<Arc<PoolKey>>,
    pub strategy: Strategy,
    cooldown: Duration,
    cursor: Arc<AtomicUsize>,
}

/// Why no key could be leased.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    /// Every blocked key is blocked by rate limits (429 cooldown, windows, rps): answer 429, else 503.
    pub all_rate_limited: bool,
    pub retry_after: Option<Duration>,
    pub reason: String,
}

/// A key handed to one attempt. Report the outcome with `finish`; dropping it unreported (the
/// client went away) only releases a probe slot.
#[derive(Debug)]
pub struct Lease {
    pub index: usize,
    /// The leased key (label, secret, auth header).
    pub key: Arc<PoolKey>,
    state: Arc<KeyState>,
    probe: bool,
    finished: bool,
    cooldown: Duration,
}

enum Avail {
    Usable { probe: bool },
    Blocked { until: Option<Instant>, rate: bool, why: &'static str },
}

fn now_unix() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

impl KeyPool {
    pub fn new(p: &ProviderConfig, global: Strategy, states: &KeyStates) -> KeyPool {
        let keys = p
            .keys
            .iter()
            .map(|k| {
                let id = KeyId::new(&p.name, &k.secret);
                let state = states.state(&id, k.quota_used);
                let raw = match p.kind {
                    crate::config::ProviderKind::Anthropic => k.secret.expose().clone(),
                    _ => format!("Bearer {}", k.secret.expose()),
                };
                // A key with bytes a header cannot carry fails at the upstream, not here.
                let mut auth = http::HeaderValue::from_str(&raw).unwrap_or_else(|_| http::HeaderValue::from_static(""));
                auth.set_sensitive(true);
                Arc::new(PoolKey { config: k.clone(), id, state, auth })
            })
            .collect();
        KeyPool {
            provider: p.name.clone(),
            keys,
            strategy: p.strategy.unwrap_or(global),
            cooldown: p.cooldown,
            cursor: states.cursor(&p.name),
        }
    }

    fn availability(&self, k: &PoolKey, h: &mut Health, now: Instant) -> Avail {
        let c = &k.config;
        if !h.enabled_override.unwrap_or(c.enabled) {
            return Avail::Blocked { until: None, rate: false, why: "disabled" };
        }
        if c.expires_at.is_some_and(|t| now_unix() >= t) {
            return Avail::Blocked { until: None, rate: false, why: "expired" };
        }
        if h.invalid {
            return Avail::Blocked { until: None, rate: false, why: "invalid (401/403)" };
        }
        if c.quota_limit > 0 && h.quota_used >= c.quota_limit {
            return Avail::Blocked { until: None, rate: false, why: "quota used up" };
        }
        if let Some(until) = h.cooldown_until {
            if until > now {
                let rate = h.cool_reason == CoolReason::RateLimited;
                return Avail::Blocked {
                    until: Some(until),
                    rate,
                    why: if rate { "rate-limited" } else { "cooling after errors" },
                };
            }
        }
        if c.window_limits.iter().any(|l| *l > 0) {
            while h.window_hits.front().is_some_and(|t| now.duration_since(*t) > WINDOWS[2]) {
                h.window_hits.pop_front();
            }
            for (limit, window) in c.window_limits.iter().zip(WINDOWS) {
                if *limit == 0 {
                    continue;
                }
                let in_window: Vec<&Instant> =
                    h.window_hits.iter().filter(|t| now.duration_since(**t) <= window).collect();
                if in_window.len() as u64 >= *limit {
                    let until = in_window.first().map(|t| **t + window);
                    return Avail::Blocked { until, rate: true, why: "usage window limit reached" };
                }
            }
        }
        if c.rate_limit_rps > 0.0 {
            let cap = c.rate_limit_rps.max(1.0);
            let elapsed = now.duration_since(h.rps_refilled).as_secs_f64();
            h.rps_tokens = (h.rps_tokens.min(cap) + elapsed * c.rate_limit_rps).min(cap);
            h.rps_refilled = now;
            if h.rps_tokens < 1.0 {
                let wait = Duration::from_secs_f64((1.0 - h.rps_tokens) / c.rate_limit_rps);
                return Avail::Blocked { until: Some(now + wait), rate: true, why: "rate_limit_rps reached" };
            }
        }
        if h.consecutive_failures > 0 {
            if h.probe_in_flight {
                return Avail::Blocked {
                    until: Some(now + BASE_FAILURE_COOLDOWN),
                    rate: false,
                    why: "probe in flight",
                };
            }
            return Avail::Usable { probe: true };
        }
        Avail::Usable { probe: false }
    }

    /// Lease a key. `tried` are indexes that already failed for this request; `sticky` is the
    /// conversation hash for the sticky strategy.
    pub fn lease(&self, tried: &[usize], sticky: Option<u64>) -> Result<Lease, Unavailable> {
        let now = Instant::now();
        let mut usable: Vec<usize> = Vec::with_capacity(self.keys.len());
        let mut min_until: Option<Instant> = None;
        let mut all_rate = true;
        let mut reasons: Vec<String> = Vec::new();
        for (i, k) in self.keys.iter().enumerate() {
            if tried.contains(&i) {
                continue;
            }
            let mut h = k.state.health();
            match self.availability(k, &mut h, now) {
                Avail::Usable { .. } => usable.push(i),
                Avail::Blocked { until, rate, why } => {
                    if let Some(u) = until {
                        min_until = Some(min_until.map_or(u, |m| m.min(u)));
                    }
                    // Keys that can never come back on their own (disabled, invalid…) don't make it a 503.
                    if until.is_some() {
                        all_rate &= rate;
                    }
                    reasons.push(format!("'{}' {why}", k.config.label));
                }
            }
        }
        loop {
            if usable.is_empty() {
                let timed = min_until.is_some();
                return Err(Unavailable {
                    all_rate_limited: timed && all_rate,
                    retry_after: min_until.map(|u| u.saturating_duration_since(now).max(Duration::from_millis(1))),
                    reason: if self.keys.is_empty() {
                        format!("provider '{}' has no keys", self.provider)
                    } else if reasons.is_empty() {
                        format!("every key of provider '{}' already failed for this request", self.provider)
                    } else {
                        format!("no usable key for provider '{}': {}", self.provider, reasons.join(", "))
                    },
                });
            }
            let pick = self.choose(&usable, sticky);
            let k = &self.keys[pick];
            let mut h = k.state.health();
            // Re-check under the lock: another request may have taken the probe slot or the last token.
            match self.availability(k, &mut h, now) {
                Avail::Usable { probe } => {
                    if probe {
                        h.probe_in_flight = true;
                    }
                    if k.config.rate_limit_rps > 0.0 {
                        h.rps_tokens -= 1.0;
                    }
                    h.last_used = Some(SystemTime::now());
                    drop(h);
                    k.state.requests.fetch_add(1, Ordering::Relaxed);
                    return Ok(Lease {
                        index: pick,
                        key: k.clone(),
                        state: k.state.clone(),
                        probe,
                        finished: false,
                        cooldown: self.cooldown,
                    });
                }
                Avail::Blocked { .. } => usable.retain(|i| *i != pick),
            }
        }
    }

    fn choose(&self, usable: &[usize], sticky: Option<u64>) -> usize {
        match (self.strategy, sticky) {
            (Strategy::Sticky, Some(conv)) => {
                *usable.iter().max_by_key(|i| mix(conv ^ self.keys[**i].id.fingerprint)).unwrap_or(&usable[0])
            }
            (Strategy::Random, _) => usable[fastrand::usize(..usable.len())],
            (Strategy::Weighted, _) => {
                let weight = |i: usize| self.keys[i].state.weight_override().unwrap_or(self.keys[i].config.weight);
                let total: f64 = usable.iter().map(|i| weight(*i)).sum();
                if total <= 0.0 {
                    return usable[fastrand::usize(..usable.len())];
                }
                let mut r = fastrand::f64() * total;
                for i in usable {
                    r -= weight(*i);
                    if r < 0.0 {
                        return *i;
                    }
                }
                usable[usable.len() - 1]
            }
            // Round-robin walks the whole ring from the cursor, skipping unusable keys, so the
            // rotation does not shift when a key drops out and comes back.
            _ => {
                let n = self.keys.len();
                let start = self.cursor.fetch_add(1, Ordering::Relaxed) % n;
                (0..n).map(|o| (start + o) % n).find(|i| usable.contains(i)).unwrap_or(usable[0])
            }
        }
    }
}

/// A 64-bit finaliser (splitmix64) so that rendezvous scores spread evenly.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

impl Lease {
    pub fn label(&self) -> &str {
        &self.key.config.label
    }

    pub fn secret(&self) -> &Secret<String> {
        &self.key.config.secret
    }

    /// Apply the outcome to the key's health.
    pub fn finish(mut self, outcome: Outcome, error: Option<&str>) {
        self.finished = true;
        let now = Instant::now();
        let mut h = self.state.health();
        h.probe_in_flight = false;
        match outcome {
            Outcome::Success => {
                h.consecutive_failures = 0;
                h.cooldown_until = None;
                h.quota_used += 1;
                h.window_hits.push_back(now);
                return;
            }
            Outcome::ClientError => return,
            Outcome::RateLimited { retry_after } => {
                let d = retry_after.unwrap_or_default().max(self.cooldown);
                h.cooldown_until = Some(now + d);
                h.cool_reason = CoolReason::RateLimited;
            }
            Outcome::AuthFailed => h.invalid = true,
            Outcome::ServerError => {
                h.consecutive_failures = h.consecutive_failures.saturating_add(1);
                let exp = (h.consecutive_failures - 1).min(20);
                let d = BASE_FAILURE_COOLDOWN.saturating_mul(1u32 << exp).min(self.cooldown.max(BASE_FAILURE_COOLDOWN));
                h.cooldown_until = Some(now + d);
                h.cool_reason = CoolReason::Failing;
            }
        }
        h.last_error = error.map(|e| e.chars().take(300).collect());
        drop(h);
        self.state.failures.fetch_add(1, Ordering::Relaxed);
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if !self.finished && self.probe {
            self.state.health().probe_in_flight = false;
        }
    }
}

/// A key's state for display (`providers list`, `top`, `/metrics`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct KeyView {
    pub label: String,
    pub status: KeyStatus,
    pub requests: u64,
    pub failures: u64,
    pub quota_used: u64,
    pub quota_limit: u64,
    pub last_error: Option<String>,
    /// Unix milliseconds of the last lease.
    pub last_used_ms: Option<u64>,
}

impl KeyPool {
    pub fn view(&self) -> Vec<KeyView> {
        let now = Instant::now();
        let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
        self.keys
            .iter()
            .map(|k| {
                let mut h = k.state.health();
                let status = match self.availability(k, &mut h, now) {
                    Avail::Usable { probe: false } => KeyStatus::Available,
                    Avail::Usable { probe: true } => KeyStatus::Probing,
                    Avail::Blocked { until, why, .. } => {
                        let until_ms =
                            now_ms + until.map_or(0, |u| u.saturating_duration_since(now).as_millis() as u64);
                        let cooling = |reason| KeyStatus::Cooling { until_ms, reason };
                        match why {
                            "disabled" => KeyStatus::Disabled,
                            "expired" => KeyStatus::Expired,
                            "quota used up" => KeyStatus::QuotaExhausted { window: QuotaWindow::Total },
                            "probe in flight" => KeyStatus::Probing,
                            "rate-limited" => cooling(CoolingReason::RateLimited),
                            "usage window limit reached" => cooling(CoolingReason::UsageWindow),
                            "rate_limit_rps reached" => cooling(CoolingReason::RpsLimit),
                            "cooling after errors" => cooling(CoolingReason::Errors),
                            _ => KeyStatus::Invalid {
                                reason: h.last_error.clone().unwrap_or_else(|| "rejected (401/403)".into()),
                            },
                        }
                    }
                };
                KeyView {
                    label: k.config.label.clone(),
                    status,
                    requests: k.state.requests.load(Ordering::Relaxed),
                    failures: k.state.failures.load(Ordering::Relaxed),
                    quota_used: h.quota_used,
                    quota_limit: k.config.quota_limit,
                    last_error: h.last_error.clone(),
                    last_used_ms: h
                        .last_used
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
