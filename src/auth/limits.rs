//! Relay-key limits and the usage they are held to. `Limits` is what a key may do (allowed model
//! globs, requests per minute, tokens per UTC day, USD per UTC month); `KeyUsage` counts what it
//! did in the current minute, day and month. `check` runs before any upstream call and answers
//! in the relay's error type, which renders in the caller's dialect: a model outside the list is
//! a 403 `permission_denied`, the rpm limit a 429 `rate_limit_exceeded` with `Retry-After`, a spent
//! token or cost quota a 429 `insufficient_quota` naming the quota and when it resets.

use crate::error::{ErrorKind, Fault, RelayError};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What a relay key may do. Empty `models`: every model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Limits {
    /// Globs against the requested model name (an alias as asked for, or `model@provider`).
    pub models: Vec<String>,
    pub rpm: Option<u32>,
    pub tokens_per_day: Option<u64>,
    pub cost_per_month: Option<f64>,
}

/// A key's counters in the current windows. Windows are named by their start, so a counter from an
/// earlier window reads as zero. Shaped for a shared store (Redis: one hash per key).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyUsage {
    pub last_used_ms: Option<u64>,
    /// Unix minute of `minute_requests`.
    pub minute: u64,
    pub minute_requests: u32,
    /// Unix day (UTC) of `day_tokens`.
    pub day: u64,
    pub day_tokens: u64,
    /// Months since year 0 (UTC) of `month_cost_usd`.
    pub month: u64,
    pub month_cost_usd: f64,
    /// Every request ever admitted with this key.
    pub requests: u64,
}

/// The windows a moment falls in.
#[derive(Debug, Clone, Copy)]
pub struct Windows {
    pub now_ms: u64,
    pub minute: u64,
    pub day: u64,
    pub month: u64,
}

impl Windows {
    pub fn at(now_ms: u64) -> Windows {
        let secs = now_ms / 1000;
        let t = time::OffsetDateTime::from_unix_timestamp(i64::try_from(secs).unwrap_or(0))
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        let month = u64::try_from(t.year()).unwrap_or(0) * 12 + u64::from(u8::from(t.month())) - 1;
        Windows { now_ms, minute: secs / 60, day: secs / 86_400, month }
    }

    /// Unix seconds when the month after `self.month` starts.
    fn next_month_secs(&self) -> u64 {
        let next = self.month + 1;
        let (year, month) = (i32::try_from(next / 12).unwrap_or(0), (next % 12) as u8 + 1);
        time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, 1).ok())
            .map_or(0, |d| u64::try_from(d.midnight().assume_utc().unix_timestamp()).unwrap_or(0))
    }
}

impl KeyUsage {
    /// Counters of the current windows (older ones read as zero).
    pub fn current(&self, w: &Windows) -> KeyUsage {
        KeyUsage {
            last_used_ms: self.last_used_ms,
            minute: w.minute,
            minute_requests: if self.minute == w.minute { self.minute_requests } else { 0 },
            day: w.day,
            day_tokens: if self.day == w.day { self.day_tokens } else { 0 },
            month: w.month,
            month_cost_usd: if self.month == w.month { self.month_cost_usd } else { 0.0 },
            requests: self.requests,
        }
    }
}

fn fmt_time(secs: u64) -> String {
    time::OffsetDateTime::from_unix_timestamp(i64::try_from(secs).unwrap_or(0))
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

fn quota_error(message: String, retry_secs: u64) -> RelayError {
    let mut e = RelayError::new(StatusCode::TOO_MANY_REQUESTS, ErrorKind::RateLimited, Fault::Client, message)
        .with_code("insufficient_quota")
        .with_retry_after(Some(Duration::from_secs(retry_secs.max(1))));
    e.upstream_type = Some("insufficient_quota".into());
    e
}

/// Whether a request for `model` may go, given the key's usage now. Does not count it.
pub fn check(label: &str, limits: &Limits, usage: &KeyUsage, model: &str, w: &Windows) -> Result<(), RelayError> {
    if !limits.models.is_empty() && !limits.models.iter().any(|g| crate::glob::Glob::new(g).matches(model)) {
        return Err(RelayError::new(
            StatusCode::FORBIDDEN,
            ErrorKind::Permission,
            Fault::Client,
            format!("relay key '{label}' may not use model '{model}' (allowed: {})", limits.models.join(", ")),
        )
        .with_code("permission_denied"));
    }
    let u = usage.current(w);
    let now_secs = w.now_ms / 1000;
    if let Some(rpm) = limits.rpm {
        if u.minute_requests >= rpm {
            let wait = (w.minute + 1) * 60 - now_secs;
            return Err(RelayError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::RateLimited,
                Fault::Client,
                format!("relay key '{label}' is over its limit of {rpm} requests per minute; retry in {wait}s"),
            )
            .with_code("rate_limit_exceeded")
            .with_retry_after(Some(Duration::from_secs(wait.max(1)))));
        }
    }
    if let Some(max) = limits.tokens_per_day {
        if u.day_tokens >= max {
            let reset = (w.day + 1) * 86_400;
            return Err(quota_error(
                format!(
                    "relay key '{label}' has used its quota of {max} tokens per day ({} used); it resets at {}",
                    u.day_tokens,
                    fmt_time(reset)
                ),
                reset - now_secs,
            ));
        }
    }
    if let Some(max) = limits.cost_per_month {
        if u.month_cost_usd >= max {
            let reset = w.next_month_secs();
            return Err(quota_error(
                format!(
                    "relay key '{label}' has used its quota of ${max:.2} per month (${:.4} used); it resets at {}",
                    u.month_cost_usd,
                    fmt_time(reset)
                ),
                reset.saturating_sub(now_secs),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const NOW_MS: u64 = 1_764_590_400_000; // 2025-12-01T12:00:00Z

    #[test]
    fn models_rpm_tokens_and_cost_are_each_enforced() {
        let w = Windows::at(NOW_MS);
        let limits = Limits {
            models: vec!["gpt-4o*".into()],
            rpm: Some(2),
            tokens_per_day: Some(100),
            cost_per_month: Some(1.0),
        };
        let mut u = KeyUsage::default().current(&w);
        assert!(check("k", &limits, &u, "gpt-4o-mini", &w).is_ok());
        let e = check("k", &limits, &u, "claude-3", &w).unwrap_err();
        assert_eq!(e.status, StatusCode::FORBIDDEN);
        assert!(e.message.contains("'claude-3'"));
        u.minute_requests = 2;
        let e = check("k", &limits, &u, "gpt-4o", &w).unwrap_err();
        assert_eq!(e.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(e.retry_after.is_some());
        u.minute_requests = 0;
        u.day_tokens = 100;
        let e = check("k", &limits, &u, "gpt-4o", &w).unwrap_err();
        assert_eq!(e.code, Some(serde_json::json!("insufficient_quota")));
        assert!(e.message.contains("tokens per day") && e.message.contains("2025-12-02T00:00:00Z"), "{}", e.message);
        u.day_tokens = 0;
        u.month_cost_usd = 1.5;
        let e = check("k", &limits, &u, "gpt-4o", &w).unwrap_err();
        assert!(e.message.contains("per month") && e.message.contains("2026-01-01T00:00:00Z"), "{}", e.message);
    }

    #[test]
    fn old_windows_read_as_zero() {
        let w = Windows::at(NOW_MS);
        let old =
            KeyUsage { minute: w.minute - 1, minute_requests: 9, day: w.day - 1, day_tokens: 9, ..Default::default() };
        let cur = old.current(&w);
        assert_eq!((cur.minute_requests, cur.day_tokens), (0, 0));
    }
}
