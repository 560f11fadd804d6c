//! Sign-in state several relays must agree on, kept in Redis (`state.backend: redis`) so that a
//! load balancer may send each request of a sign-in to a different relay:
//!
//! - **Login throttling.** Each failed password login counts, per username and per client
//!   address, in `mr:login:<sha256>` (made to expire `LOGIN_WINDOW_MS` after the first failure);
//!   `LOGIN_MAX_FAILURES` of them refuse further attempts on every relay until it expires. The
//!   relay's own counters keep counting too and are what holds while Redis is unreachable.
//! - **Pending SSO sign-ins.** The `state` of a sign-in started on one relay (its PKCE verifier,
//!   nonce, redirect URI, invite) is kept in `mr:sso:<sha256(state)>` until the IdP's callback,
//!   which may reach another relay; taking it is one `GETDEL`, so a state works once. While Redis
//!   is unreachable sign-ins are kept in the relay's own bounded store (and then complete only
//!   on the relay that started them).

use super::redis::RedisState;
use crate::auth::secret::sha256_hex;
use crate::auth::sso::{BoxFuture, MemoryPending, PENDING_MAX, Pending, PendingStore, SsoError};
use std::sync::Arc;

fn login_key(throttle_key: &str) -> String {
    format!("mr:login:{}", sha256_hex(throttle_key))
}

fn pending_key(state: &str) -> String {
    format!("mr:sso:{}", sha256_hex(state))
}

impl RedisState {
    /// Count a failed login under each of `keys` (username, address) for `window_ms`.
    pub async fn login_failed(&self, keys: &[String], window_ms: u64) {
        for k in keys {
            if self.count(&login_key(k), window_ms).await.is_none() {
                return;
            }
        }
    }

    /// Seconds until a login under `keys` may be tried again, when one of them has counted `max`
    /// failures across the cluster (`None`: it may be tried now, or Redis is unreachable).
    pub async fn login_blocked(&self, keys: &[String], max: usize) -> Option<u64> {
        let mut wait = None;
        for k in keys {
            let key = login_key(k);
            let n = self.query::<Option<u64>>(redis::cmd("GET").arg(&key)).await?;
            if n.is_some_and(|n| n >= max as u64) {
                let ms = self.query::<i64>(redis::cmd("PTTL").arg(&key)).await?;
                let secs = u64::try_from(ms).unwrap_or(1).div_ceil(1000).max(1);
                wait = wait.max(Some(secs));
            }
        }
        wait
    }
}

/// Pending SSO sign-ins in Redis, with the relay's own store while it is unreachable.
pub struct RedisPending {
    state: Arc<RedisState>,
    local: MemoryPending,
}

impl RedisPending {
    pub fn new(state: Arc<RedisState>) -> RedisPending {
        RedisPending { state, local: MemoryPending::new(PENDING_MAX) }
    }
}

impl PendingStore for RedisPending {
    fn put<'a>(&'a self, state: &'a str, p: Pending) -> BoxFuture<'a, Result<(), SsoError>> {
        Box::pin(async move {
            let ttl = p.expires_ms.saturating_sub(crate::auth::now_ms()).max(1);
            let value = serde_json::to_string(&p).map_err(|_| SsoError::Internal)?;
            let mut cmd = redis::cmd("SET");
            cmd.arg(pending_key(state)).arg(value).arg("PX").arg(ttl);
            match self.state.query::<redis::Value>(&cmd).await {
                Some(_) => Ok(()),
                None => self.local.put_now(state, p),
            }
        })
    }

    fn take<'a>(&'a self, state: &'a str) -> BoxFuture<'a, Option<Pending>> {
        Box::pin(async move {
            if let Some(p) = self.local.take_now(state) {
                return Some(p);
            }
            let v = self.state.query::<Option<String>>(redis::cmd("GETDEL").arg(pending_key(state))).await??;
            let p = serde_json::from_str::<Pending>(&v).ok()?;
            (p.expires_ms > crate::auth::now_ms()).then_some(p)
        })
    }
}
