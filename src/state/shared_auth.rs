//! Sign-in state several relays must agree on, kept in Redis (`state.backend: redis`) so that a
//! load balancer may send each request of a sign-in to a different relay. `auth` decides what is
//! kept (and hashes what names it); this file only keeps it:
//!
//! - **Login throttling.** Each failed password login counts, per username and per client
//!   address, in `mr:login:<hash>` (made to expire a window after the first failure); enough of
//!   them refuse further attempts on every relay until it expires. The relay's own counters keep
//!   counting too and are what holds while Redis is unreachable.
//! - **Pending SSO sign-ins.** The sign-in a `state` names is kept in `mr:sso:<hash of the
//!   state>` until the IdP's callback, which may reach another relay; taking it is one `GETDEL`,
//!   so a state works once (`auth::sso_shared` falls back to the relay's own store while Redis is
//!   unreachable).

use super::redis::RedisState;

impl RedisState {
    /// Count a failed login under each of `hashed_keys` (username, address) for `window_ms`.
    pub async fn login_failed(&self, hashed_keys: &[String], window_ms: u64) {
        for k in hashed_keys {
            if self.count(&format!("mr:login:{k}"), window_ms).await.is_none() {
                return;
            }
        }
    }

    /// Seconds until a login under `hashed_keys` may be tried again, when one of them has
    /// counted `max` failures across the cluster (`None`: now, or Redis is unreachable).
    pub async fn login_blocked(&self, hashed_keys: &[String], max: usize) -> Option<u64> {
        let mut wait = None;
        for k in hashed_keys {
            let key = format!("mr:login:{k}");
            let n = self.query::<Option<u64>>(redis::cmd("GET").arg(&key)).await?;
            if n.is_some_and(|n| n >= max as u64) {
                let ms = self.query::<i64>(redis::cmd("PTTL").arg(&key)).await?;
                let secs = u64::try_from(ms).unwrap_or(1).div_ceil(1000).max(1);
                wait = wait.max(Some(secs));
            }
        }
        wait
    }

    /// Keep a pending sign-in (`value`) under the hash of its state for `ttl_ms`; `false` when
    /// Redis is unreachable.
    pub async fn put_sso_state(&self, state_hash: &str, value: &str, ttl_ms: u64) -> bool {
        let mut cmd = redis::cmd("SET");
        cmd.arg(format!("mr:sso:{state_hash}")).arg(value).arg("PX").arg(ttl_ms.max(1));
        self.query::<redis::Value>(&cmd).await.is_some()
    }

    /// Remove and return the pending sign-in under the hash of its state (`None`: Redis is
    /// unreachable; `Some(None)`: there is none).
    pub async fn take_sso_state(&self, state_hash: &str) -> Option<Option<String>> {
        self.query::<Option<String>>(redis::cmd("GETDEL").arg(format!("mr:sso:{state_hash}"))).await
    }
}
