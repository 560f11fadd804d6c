//! Upstream key pools: which key serves the next request (round-robin, random, weighted, sticky),
//! and the rules of each key's health (cooldowns, invalid keys, half-open probes, quotas, windows,
//! rps): `availability` decides, `state` keeps the health behind the `KeyHealth` trait.
//!
//! Health lives in `KeyStates`, outside the swapped runtime, keyed by provider + a hash of the key,
//! so a config reload keeps it and a changed key starts fresh; `persist` writes it behind to the
//! database so that a restart keeps it too.

pub mod persist;
pub mod state;
pub mod window;

pub use persist::Persister;
pub use state::{KeyHealth, KeySnapshot, KeyStateBackend, LocalKey, LocalKeyStates, Now};

mod status;

pub use status::{CoolingReason, KeyStatus, QuotaWindow};

use crate::config::{KeyConfig, ProviderConfig, Strategy, normalize_name};
use crate::secret::Secret;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// First cooldown after a server error; doubles per consecutive failure up to `rate_limit_cooldown`.
const BASE_FAILURE_COOLDOWN: Duration = Duration::from_secs(1);
/// Why a key resting after server errors is blocked (also how `lease` recognises such a rest).
const COOLING_AFTER_ERRORS: &str = "cooling after errors";
/// Consecutive server errors before a key rests: a single blip costs nothing.
const FAILURES_BEFORE_BACKOFF: u32 = 2;

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

/// Key health for the whole process; survives config reloads. The backend is in-process by
/// default (`KeyStates::default()`), optionally saved to the database (`KeyStates::persistent`).
#[derive(Debug)]
pub struct KeyStates {
    backend: Arc<dyn KeyStateBackend>,
    /// The same object as `backend` when that is the in-process one.
    local: Option<Arc<LocalKeyStates>>,
    cursors: Mutex<HashMap<String, Arc<AtomicUsize>>>,
}

impl Default for KeyStates {
    fn default() -> KeyStates {
        KeyStates::local(Arc::default())
    }
}

impl KeyStates {
    /// In-process health (what `default()` gives, here with a given map).
    pub fn local(local: Arc<LocalKeyStates>) -> KeyStates {
        KeyStates { backend: local.clone(), local: Some(local), cursors: Mutex::default() }
    }

    /// Health kept by another backend (shared by several relays).
    pub fn with_backend(backend: Arc<dyn KeyStateBackend>) -> KeyStates {
        KeyStates { backend, local: None, cursors: Mutex::default() }
    }

    /// Health kept by another backend over the in-process map `local` (Redis over local copies,
    /// which are still persisted and shown).
    pub fn layered(backend: Arc<dyn KeyStateBackend>, local: Arc<LocalKeyStates>) -> KeyStates {
        KeyStates { backend, local: Some(local), cursors: Mutex::default() }
    }

    /// The in-process map, when that is the backend.
    pub fn local_states(&self) -> Option<&Arc<LocalKeyStates>> {
        self.local.as_ref()
    }

    pub fn key(&self, id: &KeyId, seed_quota_used: u64) -> Arc<dyn KeyHealth> {
        self.backend.key(id, seed_quota_used)
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
    pub state: Arc<dyn KeyHealth>,
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
    /// Every key not tried yet rests after server errors (none rate-limited, none invalid): the
    /// key whose rest ends first, which may take the request early as its probe
    /// (`KeyPool::lease_early_probe`) when no candidate has anything better.
    pub early_probe: Option<EarlyProbe>,
}

/// A key that may be probed before its rest ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlyProbe {
    pub index: usize,
    pub until: Instant,
}

/// A key handed to one attempt. Report the outcome with `finish`; dropping it unreported (the
/// client went away) only releases a probe slot.
#[derive(Debug)]
pub struct Lease {
    pub index: usize,
    /// The leased key (label, secret, auth header).
    pub key: Arc<PoolKey>,
    state: Arc<dyn KeyHealth>,
    probe: bool,
    finished: bool,
    cooldown: Duration,
}

/// Whether a key can be leased, and if not why and until when.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Avail {
    Usable { probe: bool },
    Blocked { until: Option<Instant>, rate: bool, why: &'static str },
}

impl KeyPool {
    pub fn new(p: &ProviderConfig, global: Strategy, states: &KeyStates) -> KeyPool {
        let keys = p
            .keys
            .iter()
            .map(|k| {
                let id = KeyId::new(&p.name, &k.secret);
                let state = states.key(&id, k.quota_used);
                let raw = match p.kind {
                    crate::config::ProviderKind::Anthropic | crate::config::ProviderKind::Gemini => {
                        k.secret.expose().clone()
                    }
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

    /// The health rules, applied to the in-process state under its lock: a key is blocked while
    /// disabled, expired, invalid, out of quota, cooling, over a usage window or its rps, or while
    /// another request probes it; otherwise it is usable (as the single probe after failures).
    pub(crate) fn availability(c: &KeyConfig, h: &mut state::Health, now: &Now) -> Avail {
        if !h.enabled_override.unwrap_or(c.enabled) {
            return Avail::Blocked { until: None, rate: false, why: "disabled" };
        }
        if c.expires_at.is_some_and(|t| i64::try_from(now.unix_secs()).is_ok_and(|n| n >= t)) {
            return Avail::Blocked { until: None, rate: false, why: "expired" };
        }
        if h.invalid {
            return Avail::Blocked { until: None, rate: false, why: "invalid (401/403)" };
        }
        if c.quota_limit > 0 && h.quota_used >= c.quota_limit {
            return Avail::Blocked { until: None, rate: false, why: "quota used up" };
        }
        if let Some(until) = h.cooldown_until {
            if until > now.at {
                let rate = h.cool_reason == CoolReason::RateLimited;
                return Avail::Blocked {
                    until: Some(until),
                    rate,
                    why: if rate { "rate-limited" } else { COOLING_AFTER_ERRORS },
                };
            }
        }
        if c.window_limits.iter().any(|l| *l > 0) {
            if let Some(until_secs) = h.windows.blocked_until(&c.window_limits, now.unix_secs()) {
                let until = Some(now.instant_at(until_secs.saturating_mul(1000)));
                return Avail::Blocked { until, rate: true, why: "usage window limit reached" };
            }
        }
        if c.rate_limit_rps > 0.0 {
            let cap = c.rate_limit_rps.max(1.0);
            let elapsed = now.at.saturating_duration_since(h.rps_refilled).as_secs_f64();
            h.rps_tokens = (h.rps_tokens.min(cap) + elapsed * c.rate_limit_rps).min(cap);
            h.rps_refilled = now.at;
            if h.rps_tokens < 1.0 {
                let wait = Duration::from_secs_f64((1.0 - h.rps_tokens) / c.rate_limit_rps);
                return Avail::Blocked { until: Some(now.at + wait), rate: true, why: "rate_limit_rps reached" };
            }
        }
        if h.consecutive_failures >= FAILURES_BEFORE_BACKOFF {
            if h.probe_in_flight {
                return Avail::Blocked {
                    until: Some(now.at + BASE_FAILURE_COOLDOWN),
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
        let now = Now::get();
        let mut usable: Vec<usize> = Vec::with_capacity(self.keys.len());
        let mut min_until: Option<Instant> = None;
        let mut all_rate = true;
        let mut reasons: Vec<String> = Vec::new();
        // The soonest-ending error rest, while every blocked key is resting after errors.
        let mut early: Option<EarlyProbe> = None;
        let mut only_error_rests = true;
        for (i, k) in self.keys.iter().enumerate() {
            if tried.contains(&i) {
                continue;
            }
            match k.state.check(&k.config, &now) {
                Avail::Usable { .. } => usable.push(i),
                Avail::Blocked { until, rate, why } => {
                    match until {
                        Some(u) if why == COOLING_AFTER_ERRORS => {
                            if early.is_none_or(|e| u < e.until) {
                                early = Some(EarlyProbe { index: i, until: u });
                            }
                        }
                        _ => only_error_rests = false,
                    }
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
                    retry_after: min_until.map(|u| u.saturating_duration_since(now.at).max(Duration::from_millis(1))),
                    reason: if self.keys.is_empty() {
                        format!("provider '{}' has no keys", self.provider)
                    } else if reasons.is_empty() {
                        format!("every key of provider '{}' already failed for this request", self.provider)
                    } else {
                        format!("no usable key for provider '{}': {}", self.provider, reasons.join(", "))
                    },
                    early_probe: early.filter(|_| only_error_rests),
                });
            }
            let pick = self.choose(&usable, sticky);
            let k = &self.keys[pick];
            // Check again and reserve in one step: another request may have taken the probe slot
            // or the last token.
            match k.state.try_reserve(&k.config, &now) {
                Avail::Usable { probe } => {
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

    /// Lease the key `index` as an early probe (see `Unavailable::early_probe`); `None` when it no
    /// longer qualifies (another request took the probe, its state changed).
    pub fn lease_early_probe(&self, index: usize) -> Option<Lease> {
        let k = self.keys.get(index)?;
        k.state.try_reserve_early_probe(&k.config, &Now::get()).then(|| Lease {
            index,
            key: k.clone(),
            state: k.state.clone(),
            probe: true,
            finished: false,
            cooldown: self.cooldown,
        })
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

    /// Apply the outcome to the key's health (`KeyHealth::report`: cooldowns, invalid mark,
    /// quota and usage windows).
    pub fn finish(mut self, outcome: Outcome, error: Option<&str>) {
        self.finished = true;
        self.state.report(&outcome, error, self.cooldown, &Now::get());
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if !self.finished && self.probe {
            self.state.release_probe();
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
        let now = Now::get();
        self.keys
            .iter()
            .map(|k| {
                let h = k.state.snapshot(&k.config, &now);
                let status = match h.avail {
                    Avail::Usable { probe: false } => KeyStatus::Available,
                    Avail::Usable { probe: true } => KeyStatus::Probing,
                    Avail::Blocked { until, why, .. } => {
                        let until_ms = now.unix_ms
                            + until.map_or(0, |u| {
                                u64::try_from(u.saturating_duration_since(now.at).as_millis()).unwrap_or(u64::MAX)
                            });
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
                    requests: h.requests,
                    failures: h.failures,
                    quota_used: h.quota_used,
                    quota_limit: k.config.quota_limit,
                    last_error: h.last_error,
                    last_used_ms: h.last_used_ms,
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
