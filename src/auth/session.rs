//! Admin sessions and login throttling. A session is named by a random token sent as an HttpOnly
//! cookie; the server keeps only the token's SHA-256 (so a copy of the database holds no usable
//! session), the user, a 7-day sliding expiry and the CSRF token that cookie-authenticated
//! state-changing calls must echo in `x-csrf-token`. Login failures are counted per username and
//! per client address: 5 in 15 minutes and further attempts get a 429 until the window passes
//! (with shared state counted across relays too: `state::shared_auth`).

use super::{AuthError, Users, now_ms, row, secret};
use crate::store::StoreError;
use crate::store::users::{UserRow, UserStore, UserTable};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;

/// A session lives this long after its last use.
pub const SESSION_TTL_MS: u64 = 7 * 86_400_000;
/// The stored expiry is pushed forward at most this often (not on every request).
const SLIDE_EVERY_MS: u64 = 3_600_000;
/// Failed logins counted per username and per address within `LOGIN_WINDOW_MS`.
pub const LOGIN_MAX_FAILURES: usize = 5;
pub const LOGIN_WINDOW_MS: u64 = 15 * 60_000;
/// Tracked usernames/addresses before the oldest are dropped (bounds memory under a flood).
const LOGIN_TRACKED_MAX: usize = 10_000;

#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub user: String,
    pub created_ms: u64,
    pub expires_ms: u64,
    pub csrf: String,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("user", &self.user).field("expires_ms", &self.expires_ms).finish()
    }
}

#[derive(Default)]
pub(crate) struct Sessions {
    /// SHA-256 of the token → session.
    live: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<String, Vec<u64>>>,
}

impl Sessions {
    pub(super) fn load(store: &dyn UserStore) -> Result<Sessions, StoreError> {
        Ok(Sessions { live: Mutex::new(Self::load_live(store)?), failures: Mutex::default() })
    }

    /// The unexpired sessions in `store`.
    pub(super) fn load_live(store: &dyn UserStore) -> Result<HashMap<String, Session>, StoreError> {
        let now = now_ms();
        let mut live = HashMap::new();
        for (id, v) in store.load(UserTable::Sessions)? {
            if let Some(s) = super::decode::<Session>("sessions", &id, &v) {
                if s.expires_ms > now {
                    live.insert(id, s);
                }
            }
        }
        Ok(live)
    }

    /// Replace the live sessions with `live` (reloaded from a store other relays share) if
    /// `unchanged` still holds once they are locked; whether they were replaced.
    pub(super) fn replace_if(&self, live: HashMap<String, Session>, unchanged: impl Fn() -> bool) -> bool {
        let mut current = self.live();
        if !unchanged() {
            return false;
        }
        *current = live;
        true
    }

    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Rows deleting `user`'s sessions (except the one hashed `keep`): those known here and, when
    /// the store can be read, those in it (another relay sharing it may have started some).
    pub(super) fn rows_ending_user(&self, store: &dyn UserStore, user: &str, keep: Option<&str>) -> Vec<UserRow> {
        let mut ids: std::collections::BTreeSet<String> =
            self.live().iter().filter(|(_, s)| s.user == user).map(|(id, _)| id.clone()).collect();
        for (id, v) in store.load(UserTable::Sessions).unwrap_or_default() {
            if super::decode::<Session>("sessions", &id, &v).is_some_and(|s| s.user == user) {
                ids.insert(id);
            }
        }
        ids.into_iter()
            .filter(|id| Some(id.as_str()) != keep)
            .map(|id| row::<Session>(UserTable::Sessions, &id, None))
            .collect()
    }

    pub(super) fn forget_user(&self, user: &str, keep: Option<&str>) {
        self.live().retain(|id, s| s.user != user || Some(id.as_str()) == keep);
    }
}

/// Keys of the login throttle.
fn throttle_keys(username: &str, addr: Option<&str>) -> Vec<String> {
    let mut keys = vec![format!("u:{}", username.to_ascii_lowercase())];
    if let Some(a) = addr {
        keys.push(format!("a:{a}"));
    }
    keys
}

/// The throttle's keys as kept in a shared store (hashed: a username may be any text).
fn hashed_throttle_keys(username: &str, addr: Option<&str>) -> Vec<String> {
    throttle_keys(username, addr).iter().map(|k| secret::sha256_hex(k)).collect()
}

impl Users {
    /// Start a session for `user`: (token for the cookie, session).
    pub fn start_session(&self, user: &str) -> Result<(String, Session), AuthError> {
        let token = secret::new_token()?;
        let now = now_ms();
        let s = Session {
            user: user.to_string(),
            created_ms: now,
            expires_ms: now + SESSION_TTL_MS,
            csrf: secret::new_token()?,
        };
        let id = secret::sha256_hex(&token);
        self.store().apply(&[row(UserTable::Sessions, &id, Some(&s))])?;
        self.sessions.live().insert(id, s.clone());
        let _ = self.update(user, |u| {
            u.last_login_ms = Some(now);
            Ok(())
        });
        Ok((token, s))
    }

    /// The live session named by `token` (sliding its expiry), if any and if its user is active.
    pub fn session(&self, token: &str) -> Option<Session> {
        let id = secret::sha256_hex(token);
        let now = now_ms();
        let mut live = self.sessions.live();
        let s = live.get_mut(&id)?;
        if s.expires_ms <= now {
            live.remove(&id);
            drop(live);
            let _ = self.store().apply(&[row::<Session>(UserTable::Sessions, &id, None)]);
            return None;
        }
        if self.get(&s.user).is_none_or(|u| !u.active) {
            return None;
        }
        if s.expires_ms + SLIDE_EVERY_MS < now + SESSION_TTL_MS {
            s.expires_ms = now + SESSION_TTL_MS;
            let r = row(UserTable::Sessions, &id, Some(&*s));
            let _ = self.store().apply(&[r]);
        }
        Some(s.clone())
    }

    /// End the session named by `token`.
    pub fn end_session(&self, token: &str) -> Result<(), AuthError> {
        let id = secret::sha256_hex(token);
        self.store().apply(&[row::<Session>(UserTable::Sessions, &id, None)])?;
        self.sessions.live().remove(&id);
        Ok(())
    }

    /// End every session of `user` except the one named by `keep` (a token).
    pub fn end_other_sessions(&self, user: &str, keep: Option<&str>) -> Result<(), AuthError> {
        let keep = keep.map(secret::sha256_hex);
        let rows = self.sessions.rows_ending_user(self.store(), user, keep.as_deref());
        self.store().apply(&rows)?;
        self.sessions.forget_user(user, keep.as_deref());
        Ok(())
    }

    /// Seconds until a login for `username` from `addr` may be tried again (`None`: now).
    pub fn login_blocked(&self, username: &str, addr: Option<&str>) -> Option<u64> {
        let now = now_ms();
        let f = self.sessions.failures.lock().unwrap_or_else(|p| p.into_inner());
        throttle_keys(username, addr)
            .iter()
            .filter_map(|k| f.get(k))
            .filter_map(|times| {
                let recent: Vec<u64> = times.iter().copied().filter(|t| t + LOGIN_WINDOW_MS > now).collect();
                (recent.len() >= LOGIN_MAX_FAILURES)
                    .then(|| recent.iter().min().map_or(1, |t| (t + LOGIN_WINDOW_MS - now).div_ceil(1000)))
            })
            .max()
    }

    /// `login_blocked`, and with shared state (Redis) the failures counted on every relay.
    pub async fn login_blocked_shared(&self, username: &str, addr: Option<&str>) -> Option<u64> {
        let local = self.login_blocked(username, addr);
        let Some(shared) = self.shared.get() else { return local };
        local.max(shared.login_blocked(&hashed_throttle_keys(username, addr), LOGIN_MAX_FAILURES).await)
    }

    /// `login_failed`, and with shared state (Redis) counted for every relay too.
    pub async fn login_failed_shared(&self, username: &str, addr: Option<&str>) {
        self.login_failed(username, addr);
        if let Some(shared) = self.shared.get() {
            shared.login_failed(&hashed_throttle_keys(username, addr), LOGIN_WINDOW_MS).await;
        }
    }

    /// Count a failed login.
    pub fn login_failed(&self, username: &str, addr: Option<&str>) {
        let now = now_ms();
        let mut f = self.sessions.failures.lock().unwrap_or_else(|p| p.into_inner());
        if f.len() >= LOGIN_TRACKED_MAX {
            f.retain(|_, times| times.iter().any(|t| t + LOGIN_WINDOW_MS > now));
            if f.len() >= LOGIN_TRACKED_MAX {
                f.clear();
            }
        }
        for k in throttle_keys(username, addr) {
            let times = f.entry(k).or_default();
            times.retain(|t| t + LOGIN_WINDOW_MS > now);
            times.push(now);
        }
    }
}
