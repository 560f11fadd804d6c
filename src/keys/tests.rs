//! Unit tests for key selection and health transitions.

use super::*;
use crate::config::{ProviderKind, Strategy};

/// Pretend the key's cooldown has just ended.
fn end_cooldown(states: &KeyStates, pool: &KeyPool, i: usize) {
    let local = states.local_states().unwrap().get(&pool.keys[i].id).unwrap();
    local.health().cooldown_until = Some(Instant::now());
}

pub(super) fn key(label: &str, weight: f64) -> KeyConfig {
    KeyConfig { weight, ..KeyConfig::unlimited(label, Secret::new(format!("secret-{label}"))) }
}

pub(super) fn provider(keys: Vec<KeyConfig>) -> ProviderConfig {
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
        web: None,
    }
}

fn labels(pool: &KeyPool, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let l = pool.lease(&[], None).unwrap();
            let label = l.label().to_string();
            l.finish(Outcome::Success, None);
            label
        })
        .collect()
}

#[test]
fn round_robin_alternates_and_skips_cooling_keys() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0), key("b", 1.0)]), Strategy::RoundRobin, &states);
    assert_eq!(labels(&pool, 4), ["a", "b", "a", "b"]);
    let l = pool.lease(&[], None).unwrap();
    assert_eq!(l.label(), "a");
    l.finish(Outcome::RateLimited { retry_after: Some(Duration::from_secs(5)) }, Some("slow down"));
    assert_eq!(labels(&pool, 3), ["b", "b", "b"]);
}

#[test]
fn all_cooling_is_429_with_retry_after() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0)]), Strategy::RoundRobin, &states);
    pool.lease(&[], None).unwrap().finish(Outcome::RateLimited { retry_after: Some(Duration::from_secs(120)) }, None);
    let err = pool.lease(&[], None).unwrap_err();
    assert!(err.all_rate_limited);
    let ra = err.retry_after.unwrap();
    // max(Retry-After 120 s, cooldown 60 s)
    assert!(ra > Duration::from_secs(110) && ra <= Duration::from_secs(120), "{ra:?}");
}

#[test]
fn auth_failure_marks_invalid_and_503() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0)]), Strategy::RoundRobin, &states);
    pool.lease(&[], None).unwrap().finish(Outcome::AuthFailed, Some("bad key"));
    let err = pool.lease(&[], None).unwrap_err();
    assert!(!err.all_rate_limited);
    assert_eq!(err.retry_after, None);
    assert!(err.reason.contains("invalid"), "{}", err.reason);
    assert_eq!(pool.view()[0].last_error.as_deref(), Some("bad key"));
}

#[test]
fn server_errors_back_off_exponentially_then_probe_once() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0)]), Strategy::RoundRobin, &states);
    // One blip costs nothing: the key stays usable (not even a single probe at a time).
    pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
    let a = pool.lease(&[], None).unwrap();
    let b = pool.lease(&[], None).unwrap();
    drop(b);
    a.finish(Outcome::ServerError, None);
    let err = pool.lease(&[], None).unwrap_err();
    let first = err.retry_after.unwrap();
    assert_eq!(err.early_probe.map(|p| p.index), Some(0), "the only key rests after errors: {err:?}");
    assert!(first <= Duration::from_secs(1));
    // Pretend the cooldown ended: one probe may go, a second concurrent one may not.
    end_cooldown(&states, &pool, 0);
    let probe = pool.lease(&[], None).unwrap();
    assert!(pool.lease(&[], None).is_err());
    probe.finish(Outcome::ServerError, None);
    let second = pool.lease(&[], None).unwrap_err().retry_after.unwrap();
    assert!(second > Duration::from_millis(1500) && second <= Duration::from_secs(2), "{second:?}");
    end_cooldown(&states, &pool, 0);
    pool.lease(&[], None).unwrap().finish(Outcome::Success, None);
    assert_eq!(labels(&pool, 2), ["a", "a"]);
}

#[test]
fn dropped_probe_lease_releases_the_slot() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0)]), Strategy::RoundRobin, &states);
    pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
    pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
    end_cooldown(&states, &pool, 0);
    drop(pool.lease(&[], None).unwrap());
    assert!(pool.lease(&[], None).is_ok());
}

#[test]
fn an_early_probe_is_offered_only_while_every_key_rests_after_errors() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0), key("b", 1.0)]), Strategy::RoundRobin, &states);
    for i in [0, 1, 0, 1] {
        let l = pool.lease(&[], None).unwrap();
        assert_eq!(l.index, i);
        l.finish(Outcome::ServerError, None);
    }
    let err = pool.lease(&[], None).unwrap_err();
    let probe = err.early_probe.expect("both keys rest after errors");
    let early = pool.lease_early_probe(probe.index).unwrap();
    assert!(pool.lease_early_probe(probe.index).is_none(), "one probe at a time");
    early.finish(Outcome::Success, None);
    assert!(pool.lease(&[], None).is_ok(), "the probed key is healthy again");

    // A rate-limited key is never probed early, and then no early probe is offered at all.
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0), key("b", 1.0)]), Strategy::RoundRobin, &states);
    pool.lease(&[], None).unwrap().finish(Outcome::RateLimited { retry_after: None }, None);
    pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
    pool.lease(&[], None).unwrap().finish(Outcome::ServerError, None);
    let err = pool.lease(&[], None).unwrap_err();
    assert_eq!(err.early_probe, None, "{err:?}");
    assert!(pool.lease_early_probe(0).is_none());
}

#[test]
fn client_errors_cost_nothing() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0)]), Strategy::RoundRobin, &states);
    for _ in 0..5 {
        pool.lease(&[], None).unwrap().finish(Outcome::ClientError, None);
    }
    assert!(pool.lease(&[], None).is_ok());
}

#[test]
fn tried_keys_are_skipped_for_failover() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 1.0), key("b", 1.0)]), Strategy::RoundRobin, &states);
    assert_eq!(pool.lease(&[0], None).unwrap().label(), "b");
    assert_eq!(pool.lease(&[1], None).unwrap().label(), "a");
    assert!(pool.lease(&[0, 1], None).is_err());
}

#[test]
fn weighted_follows_weights_and_zero_never_wins() {
    let states = KeyStates::default();
    let pool = KeyPool::new(&provider(vec![key("a", 3.0), key("b", 1.0), key("z", 0.0)]), Strategy::Weighted, &states);
    fastrand::seed(7);
    let picks = labels(&pool, 4000);
    let a = picks.iter().filter(|l| *l == "a").count();
    assert!(!picks.iter().any(|l| l == "z"));
    assert!((2700..3300).contains(&a), "a picked {a} times of 4000");
}

#[test]
fn sticky_keeps_a_conversation_on_one_key_and_moves_when_it_cools() {
    let states = KeyStates::default();
    let keys: Vec<_> = (0..4).map(|i| key(&format!("k{i}"), 1.0)).collect();
    let pool = KeyPool::new(&provider(keys), Strategy::Sticky, &states);
    let mut spread = std::collections::HashSet::new();
    for conv in 0..64u64 {
        let first = pool.lease(&[], Some(conv)).unwrap();
        let idx = first.index;
        first.finish(Outcome::Success, None);
        for _ in 0..3 {
            assert_eq!(pool.lease(&[], Some(conv)).unwrap().index, idx);
        }
        spread.insert(idx);
    }
    assert_eq!(spread.len(), 4, "conversations should spread over every key");
    let l = pool.lease(&[], Some(5)).unwrap();
    let idx = l.index;
    l.finish(Outcome::RateLimited { retry_after: None }, None);
    assert_ne!(pool.lease(&[], Some(5)).unwrap().index, idx);
}

#[test]
fn quota_expiry_windows_and_disabled() {
    let states = KeyStates::default();
    let mut q = key("quota", 1.0);
    q.quota_limit = 2;
    let mut exp = key("expired", 1.0);
    exp.expires_at = Some(1);
    let mut off = key("off", 1.0);
    off.enabled = false;
    let mut win = key("window", 1.0);
    win.window_limits = [1, 0, 0];
    let pool = KeyPool::new(&provider(vec![q, exp, off, win]), Strategy::RoundRobin, &states);
    let got = labels(&pool, 3);
    assert_eq!(got.iter().filter(|l| *l == "quota").count(), 2);
    assert_eq!(got.iter().filter(|l| *l == "window").count(), 1);
    let err = pool.lease(&[], None).unwrap_err();
    assert!(err.all_rate_limited, "only the window-limited key can come back by itself: {err:?}");
    assert!(err.retry_after.unwrap() > Duration::from_secs(4 * 3600));
}

#[test]
fn rps_limit_spaces_requests() {
    let states = KeyStates::default();
    let mut k = key("a", 1.0);
    k.rate_limit_rps = 2.0;
    let pool = KeyPool::new(&provider(vec![k]), Strategy::RoundRobin, &states);
    assert!(pool.lease(&[], None).is_ok());
    assert!(pool.lease(&[], None).is_ok());
    let err = pool.lease(&[], None).unwrap_err();
    assert!(err.all_rate_limited);
    assert!(err.retry_after.unwrap() <= Duration::from_millis(500));
}

#[test]
fn health_survives_a_rebuilt_pool_but_not_a_changed_key() {
    let states = KeyStates::default();
    let p = provider(vec![key("a", 1.0)]);
    KeyPool::new(&p, Strategy::RoundRobin, &states).lease(&[], None).unwrap().finish(Outcome::AuthFailed, None);
    assert!(KeyPool::new(&p, Strategy::RoundRobin, &states).lease(&[], None).is_err());
    let mut changed = provider(vec![key("a", 1.0)]);
    changed.keys[0].secret = Secret::new("new-secret".into());
    assert!(KeyPool::new(&changed, Strategy::RoundRobin, &states).lease(&[], None).is_ok());
}
