//! The `PendingStore` of a cluster (`state.backend: redis`): pending SSO sign-ins kept in Redis
//! (`RedisState::put_sso_state`), so that a sign-in started on one relay completes on whichever
//! relay the IdP's callback reaches. While Redis is unreachable sign-ins are kept in the relay's
//! own bounded store (and then complete only on the relay that started them).

use super::secret::sha256_hex;
use super::sso::{BoxFuture, MemoryPending, PENDING_MAX, Pending, PendingStore, SsoError};
use crate::state::redis::RedisState;
use std::sync::Arc;

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
            let ttl = p.expires_ms.saturating_sub(super::now_ms());
            let value = serde_json::to_string(&p).map_err(|_| SsoError::Internal)?;
            if self.state.put_sso_state(&sha256_hex(state), &value, ttl).await {
                Ok(())
            } else {
                self.local.put_now(state, p)
            }
        })
    }

    fn take<'a>(&'a self, state: &'a str) -> BoxFuture<'a, Option<Pending>> {
        Box::pin(async move {
            if let Some(p) = self.local.take_now(state) {
                return Some(p);
            }
            let v = self.state.take_sso_state(&sha256_hex(state)).await??;
            let p = serde_json::from_str::<Pending>(&v).ok()?;
            (p.expires_ms > super::now_ms()).then_some(p)
        })
    }
}
