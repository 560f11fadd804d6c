//! `KeyStatus`: a key's state as one serde-tagged enum, the form every front end reads (the
//! control socket, the CLI, `top`, `/metrics`), so no one parses prose back into a state.

use serde::{Deserialize, Serialize};

/// Why a key is cooling down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CoolingReason {
    /// The upstream answered 429 (cooldown: max of `Retry-After` and `rate_limit_cooldown`).
    RateLimited,
    /// 5xx, timeouts or connection errors: a cooldown that doubles per consecutive failure.
    Errors,
    /// The key's own `rate_limit_rps` is used up for the moment.
    RpsLimit,
    /// One of the key's `usage_window_limits` (5 h, 1 d, 7 d) is full.
    UsageWindow,
}

/// Which quota a key has used up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaWindow {
    /// `quota_limit`: requests over the key's whole life.
    Total,
}

/// A key's state. `{"state": "cooling", "until_ms": …, "reason": "rate_limited"}` on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum KeyStatus {
    /// Usable now.
    Available,
    /// After failures: the next request is a single probe (or one is in flight).
    Probing,
    /// Not usable until `until_ms` (unix milliseconds).
    Cooling {
        until_ms: u64,
        reason: CoolingReason,
    },
    /// The upstream rejected it (401/403): unusable until re-enabled or reset.
    Invalid {
        reason: String,
    },
    /// Disabled in the config or at runtime.
    Disabled,
    /// Past its `expires_at`.
    Expired,
    QuotaExhausted {
        window: QuotaWindow,
    },
}

impl KeyStatus {
    /// The short stable name (the serde tag): `available`, `cooling`, … (`/metrics` labels use it).
    pub fn name(&self) -> &'static str {
        match self {
            KeyStatus::Available => "available",
            KeyStatus::Probing => "probing",
            KeyStatus::Cooling { .. } => "cooling",
            KeyStatus::Invalid { .. } => "invalid",
            KeyStatus::Disabled => "disabled",
            KeyStatus::Expired => "expired",
            KeyStatus::QuotaExhausted { .. } => "quota_exhausted",
        }
    }

    /// Whether a request may use the key now (a probe counts).
    pub fn usable(&self) -> bool {
        matches!(self, KeyStatus::Available | KeyStatus::Probing)
    }

    /// Milliseconds left of a cooldown at `now_ms`.
    pub fn cooldown_left_ms(&self, now_ms: u64) -> Option<u64> {
        match self {
            KeyStatus::Cooling { until_ms, .. } => Some(until_ms.saturating_sub(now_ms)),
            _ => None,
        }
    }

    /// A short description for people: `cooling (rate limited)`, `invalid: HTTP 401`, ….
    pub fn describe(&self) -> String {
        match self {
            KeyStatus::Cooling { reason, .. } => {
                let why = match reason {
                    CoolingReason::RateLimited => "rate limited",
                    CoolingReason::Errors => "after errors",
                    CoolingReason::RpsLimit => "rate_limit_rps",
                    CoolingReason::UsageWindow => "usage window full",
                };
                format!("cooling ({why})")
            }
            KeyStatus::Invalid { reason } => format!("invalid ({reason})"),
            KeyStatus::QuotaExhausted { .. } => "quota used up".to_string(),
            other => other.name().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_tagged_on_the_wire() {
        let s = KeyStatus::Cooling { until_ms: 5, reason: CoolingReason::RateLimited };
        let v = serde_json::to_value(&s).ok();
        assert_eq!(v, Some(serde_json::json!({"state": "cooling", "until_ms": 5, "reason": "rate_limited"})));
        let back: Result<KeyStatus, _> = serde_json::from_value(serde_json::json!({"state": "available"}));
        assert_eq!(back.ok(), Some(KeyStatus::Available));
        assert_eq!(s.cooldown_left_ms(2), Some(3));
        assert!(!s.usable() && KeyStatus::Probing.usable());
    }
}
