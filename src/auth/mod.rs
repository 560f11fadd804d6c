//! Principals: who may use the relay and the admin API. `server.access_key` acts as the
//! super-admin; besides it there are users (argon2id passwords, roles, SSO links) and their relay
//! keys (`mr-…`, stored hashed, each with `Limits`). `Users` owns them in memory, backed by a
//! `store::users::UserStore` (redb by default): admin changes are written through at once, usage
//! counters are written behind by one thread (`flush` waits for it). When several relays share
//! the store (PostgreSQL), `reload` replaces the in-memory view on each change another relay
//! announces, never undoing a write made here meanwhile. Usage there is one row per key and relay
//! (`usage_rows`): admission counts this relay's own, a listing shows the sum over every relay's.
//! `Principal` is what the relay's auth hands to the pipeline: the owner and label of the key, its limits, and the handle that admits
//! a request (`admit`, before any upstream call) and charges its tokens and cost (`charge`, from
//! the completion hook); with shared state the rpm limit and the quotas are counted in Redis
//! across relays too (`admit_shared`). Sessions for the admin panel are in `session`; sign-in
//! with GitHub / Google / OIDC in `sso`; Cloudflare Turnstile checks in `turnstile`.

pub mod limits;
pub mod secret;
pub mod session;
pub mod sso;
pub mod sso_shared;
pub mod turnstile;
mod usage_rows;

pub use session::{LOGIN_MAX_FAILURES, Session};

use crate::record::RequestRecord;
use crate::store::StoreError;
use crate::store::users::{UserRow, UserStore, UserTable};
use arc_swap::ArcSwap;
pub use limits::{KeyUsage, Limits, Windows};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

/// First byte of every encoded principal row.
const ROW_FORMAT: u8 = 1;

/// Roles, lowest first: `user` < `admin` < `super-admin`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    #[default]
    User,
    Admin,
    SuperAdmin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Admin => "admin",
            Role::SuperAdmin => "super-admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "user" => Ok(Role::User),
            "admin" => Ok(Role::Admin),
            "super-admin" | "superadmin" | "super_admin" => Ok(Role::SuperAdmin),
            other => Err(format!("unknown role '{other}' (expected user, admin or super-admin)")),
        }
    }
}

/// An identity at an SSO provider linked to a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoLink {
    pub provider: String,
    pub subject: String,
}

/// A user as stored.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct User {
    pub name: String,
    pub email: Option<String>,
    /// argon2id PHC string; `None` for SSO-only users.
    pub password_hash: Option<String>,
    pub role: Role,
    pub active: bool,
    pub sso: Vec<SsoLink>,
    pub created_ms: u64,
    pub last_login_ms: Option<u64>,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("name", &self.name)
            .field("role", &self.role)
            .field("active", &self.active)
            .finish()
    }
}

/// A relay key as stored: never the key itself, only its hash and public prefix.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelayKey {
    /// `mr-` and the first 8 random characters: the lookup id, shown in lists.
    pub prefix: String,
    pub user: String,
    pub label: String,
    /// SHA-256 of the whole key, hex.
    pub hash: String,
    pub created_ms: u64,
    pub expires_ms: Option<u64>,
    pub limits: Limits,
    pub revoked: bool,
}

/// Errors of principal operations.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AuthError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Secret(#[from] secret::SecretError),
}

fn invalid(field: &'static str, message: impl Into<String>) -> AuthError {
    AuthError::Invalid { field, message: message.into() }
}

pub fn now_ms() -> u64 {
    crate::store::unix_ms(SystemTime::now())
}

fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = vec![ROW_FORMAT];
    let _ = serde_json::to_writer(&mut out, v);
    out
}

fn decode<T: DeserializeOwned>(table: &str, id: &str, bytes: &[u8]) -> Option<T> {
    match bytes.split_first() {
        Some((&ROW_FORMAT, rest)) => match serde_json::from_slice(rest) {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!("{table} row '{id}' skipped: {e}");
                None
            }
        },
        _ => {
            tracing::warn!("{table} row '{id}' skipped: unknown format");
            None
        }
    }
}

fn row<T: Serialize>(table: UserTable, id: &str, v: Option<&T>) -> UserRow {
    UserRow { table, id: id.to_string(), value: v.map(encode) }
}

/// Usernames: 1–64 of `A-Z a-z 0-9 _ . - @`.
pub fn valid_username(name: &str) -> Result<(), AuthError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'));
    if ok { Ok(()) } else { Err(invalid("name", "a username is 1-64 of the characters A-Z a-z 0-9 _ . - @")) }
}

/// Passwords: at least 8 characters, at most 1024 bytes.
pub fn valid_password(pw: &str) -> Result<(), AuthError> {
    if pw.chars().count() < 8 || pw.len() > 1024 {
        return Err(invalid("password", "a password is 8 characters or more (and at most 1024 bytes)"));
    }
    Ok(())
}

/// Why a relay key was refused (all are 401s; the wording differs only once the key itself is proven).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRefusal {
    Unknown,
    Revoked,
    Expired,
    UserDisabled,
}

impl KeyRefusal {
    pub fn message(self) -> &'static str {
        match self {
            KeyRefusal::Unknown => "invalid access key",
            KeyRefusal::Revoked => "this relay key has been revoked",
            KeyRefusal::Expired => "this relay key has expired",
            KeyRefusal::UserDisabled => "the user owning this relay key is disabled",
        }
    }
}

/// The caller behind a relay request made with a user's relay key.
#[derive(Clone)]
pub struct Principal {
    pub user: String,
    pub role: Role,
    pub key_prefix: String,
    pub key_label: String,
    pub limits: Limits,
    users: Arc<Users>,
}

impl std::fmt::Debug for Principal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Principal").field("user", &self.user).field("key", &self.key_prefix).finish()
    }
}

impl Principal {
    /// Check the key's limits for `model` and, when it may go, count the request.
    pub fn admit(&self, model: &str) -> Result<(), crate::error::RelayError> {
        let w = Windows::at(now_ms());
        {
            let mut usage = self.users.usage.lock().unwrap_or_else(|p| p.into_inner());
            let u = usage.entry(self.key_prefix.clone()).or_default();
            limits::check(&self.key_label, &self.limits, u, model, &w)?;
            let mut cur = u.current(&w);
            cur.minute_requests += 1;
            cur.requests += 1;
            cur.last_used_ms = Some(w.now_ms);
            *u = cur;
        }
        self.users.dirty(&self.key_prefix);
        Ok(())
    }

    /// `admit`, then (with shared state) the rpm limit and the token and cost quotas counted
    /// across every relay of the cluster; while Redis is unreachable the local counts apply alone.
    pub async fn admit_shared(&self, model: &str) -> Result<(), crate::error::RelayError> {
        self.admit(model)?;
        let Some(shared) = self.users.shared.get() else { return Ok(()) };
        let w = Windows::at(now_ms());
        if let Some(rpm) = self.limits.rpm {
            if shared.count_minute(&self.key_prefix, w.minute).await.is_some_and(|n| n > u64::from(rpm)) {
                let full = KeyUsage { minute: w.minute, minute_requests: rpm, ..KeyUsage::default() };
                let only_rpm = Limits { rpm: Some(rpm), ..Limits::default() };
                return limits::check(&self.key_label, &only_rpm, &full, model, &w);
            }
        }
        if self.limits.tokens_per_day.is_some() || self.limits.cost_per_month.is_some() {
            if let Some((day_tokens, month_cost_usd)) = shared.quota_used(&self.key_prefix, w.day, w.month).await {
                let used = KeyUsage { day: w.day, day_tokens, month: w.month, month_cost_usd, ..KeyUsage::default() };
                let quotas = Limits {
                    tokens_per_day: self.limits.tokens_per_day,
                    cost_per_month: self.limits.cost_per_month,
                    ..Limits::default()
                };
                return limits::check(&self.key_label, &quotas, &used, model, &w);
            }
        }
        Ok(())
    }

    /// Charge a finished request's tokens and cost (prices as the runtime knows them).
    pub fn charge(&self, r: &RequestRecord) {
        let Some(t) = &r.tokens else { return };
        let tokens = t.input + t.output;
        let cost = self
            .users
            .prices
            .load()
            .cost(r.provider.as_deref(), r.model.as_deref(), &r.requested_model, t)
            .unwrap_or(0.0);
        if tokens == 0 && cost == 0.0 {
            return;
        }
        let w = Windows::at(now_ms());
        {
            let mut usage = self.users.usage.lock().unwrap_or_else(|p| p.into_inner());
            let u = usage.entry(self.key_prefix.clone()).or_default();
            let mut cur = u.current(&w);
            cur.day_tokens = cur.day_tokens.saturating_add(tokens);
            cur.month_cost_usd += cost;
            *u = cur;
        }
        self.users.dirty(&self.key_prefix);
        // With shared state the quotas are counted across the cluster too (off the caller's path).
        if let (Some(shared), Ok(rt)) = (self.users.shared.get().cloned(), tokio::runtime::Handle::try_current()) {
            let prefix = self.key_prefix.clone();
            rt.spawn(async move { shared.charge(&prefix, w.day, w.month, tokens, cost).await });
        }
    }
}

enum Persist {
    Usage(String),
    Flush(std::sync::mpsc::Sender<()>),
}

#[derive(Default)]
struct Inner {
    users: BTreeMap<String, User>,
    keys: BTreeMap<String, RelayKey>,
}

impl Inner {
    fn load(store: &dyn UserStore) -> Result<Inner, StoreError> {
        let mut inner = Inner::default();
        for (id, v) in store.load(UserTable::Users)? {
            if let Some(u) = decode::<User>("users", &id, &v) {
                inner.users.insert(u.name.clone(), u);
            }
        }
        for (id, v) in store.load(UserTable::RelayKeys)? {
            if let Some(k) = decode::<RelayKey>("relay_keys", &id, &v) {
                inner.keys.insert(k.prefix.clone(), k);
            }
        }
        Ok(inner)
    }
}

/// Users, relay keys, their usage and sessions, in memory over a `UserStore`.
pub struct Users {
    store: Arc<dyn UserStore>,
    inner: RwLock<Inner>,
    usage: Arc<Mutex<HashMap<String, KeyUsage>>>,
    /// This relay's instance when the store is shared: its usage rows carry it (`usage_rows`).
    instance: Option<String>,
    prices: ArcSwap<crate::pricing::PriceTable>,
    persist: Mutex<Option<std::sync::mpsc::Sender<Persist>>>,
    /// The usage writer, joined on drop so the database is closed when `Users` is gone.
    writer: Mutex<Option<std::thread::JoinHandle<()>>>,
    pub(crate) sessions: session::Sessions,
    /// Shared state (Redis) that rpm limits are also counted in, when relays form a cluster.
    pub shared: std::sync::OnceLock<Arc<crate::state::redis::RedisState>>,
    /// Principal writes made through this process (`reload` must not undo one).
    writes: Arc<std::sync::atomic::AtomicU64>,
}

/// The store, counting the principal writes made through it (usage counters aside) once each is
/// done (whether it succeeded or not): a reload that began reading before a write was done sees
/// the count change before it swaps, and reads again.
struct Counted {
    store: Arc<dyn UserStore>,
    writes: Arc<std::sync::atomic::AtomicU64>,
}

impl UserStore for Counted {
    fn load(&self, table: UserTable) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        self.store.load(table)
    }
    fn apply(&self, rows: &[UserRow]) -> Result<(), StoreError> {
        let r = self.store.apply(rows);
        if rows.iter().any(|r| r.table != UserTable::KeyUsage) {
            self.writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        r
    }
    fn take(&self, table: UserTable, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let r = self.store.take(table, id);
        self.writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        r
    }
}

impl std::fmt::Debug for Users {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Users").finish_non_exhaustive()
    }
}

impl Users {
    /// Load everything from `store` (this relay's own) and start the usage writer.
    pub fn open(store: Arc<dyn UserStore>) -> Result<Arc<Users>, StoreError> {
        Users::open_as(store, None)
    }

    /// As `open`, for a store several relays share when `instance` is given: this relay writes
    /// its usage in rows of its own, and a listing sums every relay's rows.
    pub fn open_as(store: Arc<dyn UserStore>, instance: Option<String>) -> Result<Arc<Users>, StoreError> {
        let writes = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let store: Arc<dyn UserStore> = Arc::new(Counted { store, writes: writes.clone() });
        let inner = Inner::load(store.as_ref())?;
        let mut usage = HashMap::new();
        for (id, v) in store.load(UserTable::KeyUsage)? {
            let prefix = usage_rows::prefix_of(&id);
            if id != usage_rows::row_id(prefix, instance.as_deref()) {
                continue; // another relay's row (summed when listed)
            }
            if let Some(u) = decode::<KeyUsage>("relay_key_usage", &id, &v) {
                usage.insert(prefix.to_string(), u);
            }
        }
        let sessions = session::Sessions::load(store.as_ref())?;
        let usage = Arc::new(Mutex::new(usage));
        let (tx, rx) = std::sync::mpsc::channel();
        let (s2, u2, i2) = (store.clone(), usage.clone(), instance.clone());
        let writer = std::thread::Builder::new()
            .name("monorelay-usage".into())
            .spawn(move || persist_usage(s2, u2, i2, rx))
            .map_err(|e| StoreError(format!("cannot start the usage writer: {e}")))?;
        Ok(Arc::new(Users {
            store,
            inner: RwLock::new(inner),
            usage,
            instance,
            prices: ArcSwap::from_pointee(crate::pricing::PriceTable::default()),
            persist: Mutex::new(Some(tx)),
            writer: Mutex::new(Some(writer)),
            sessions,
            shared: std::sync::OnceLock::new(),
            writes,
        }))
    }

    /// Read users, relay keys and sessions again from the store, replacing this process's view:
    /// another relay sharing the store (PostgreSQL) changed them. A revoked key, a disabled user or
    /// an ended session stops working here with it. Usage counters are this process's and kept.
    ///
    /// A change made here while the view was being read would be undone by swapping it in, so
    /// then it is read again (a few times; past them the change's own announcement reloads).
    pub fn reload(&self) -> Result<(), StoreError> {
        const TRIES: usize = 5;
        for _ in 0..TRIES {
            let seen = self.writes.load(std::sync::atomic::Ordering::SeqCst);
            let fresh = Inner::load(self.store.as_ref())?;
            let live = session::Sessions::load_live(self.store.as_ref())?;
            let unchanged = || self.writes.load(std::sync::atomic::Ordering::SeqCst) == seen;
            {
                // Users and keys change under this lock, so the check is exact.
                let mut inner = self.write();
                if !unchanged() {
                    continue;
                }
                *inner = fresh;
            }
            // A session is counted once written, before it is added to the live map, so one
            // counted after this check is added after the swap.
            if self.sessions.replace_if(live, unchanged) {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Pick up the prices of a new runtime (start and reload).
    pub fn configure(&self, config: &crate::config::Config) {
        self.prices.store(Arc::new(crate::pricing::PriceTable::from_config(config)));
    }

    fn dirty(&self, prefix: &str) {
        if let Some(tx) = self.persist.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            let _ = tx.send(Persist::Usage(prefix.to_string()));
        }
    }

    /// Wait until every usage change so far is written.
    pub fn flush(&self) {
        let (tx, rx) = std::sync::mpsc::channel();
        let sent = self.persist.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|p| p.send(Persist::Flush(tx)));
        if sent.is_some_and(|r| r.is_ok()) {
            let _ = rx.recv();
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        self.inner.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn store(&self) -> &dyn UserStore {
        self.store.as_ref()
    }

    // ---- users ----

    pub fn is_empty(&self) -> bool {
        self.read().users.is_empty()
    }

    pub fn list(&self) -> Vec<User> {
        self.read().users.values().cloned().collect()
    }

    pub fn get(&self, name: &str) -> Option<User> {
        self.read().users.get(name).cloned()
    }

    /// Create a user; `password` is hashed (none: SSO-only, or set later with `passwd`).
    pub fn add(
        &self,
        name: &str,
        role: Role,
        email: Option<String>,
        password: Option<&str>,
    ) -> Result<User, AuthError> {
        self.add_inner(name, role, email, password, false)
    }

    /// First run: create the super-admin, only while there are no users (checked atomically).
    pub fn add_first(&self, name: &str, email: Option<String>, password: &str) -> Result<User, AuthError> {
        self.add_inner(name, Role::SuperAdmin, email, Some(password), true)
    }

    fn add_inner(
        &self,
        name: &str,
        role: Role,
        email: Option<String>,
        password: Option<&str>,
        only_first: bool,
    ) -> Result<User, AuthError> {
        valid_username(name)?;
        if let Some(pw) = password {
            valid_password(pw)?;
        }
        let password_hash = password.map(secret::hash_password).transpose()?;
        let user = User {
            name: name.to_string(),
            email: email.filter(|e| !e.trim().is_empty()),
            password_hash,
            role,
            active: true,
            sso: Vec::new(),
            created_ms: now_ms(),
            last_login_ms: None,
        };
        self.insert(user, only_first)
    }

    /// Store a new user (`AuthError::Conflict` if the name is taken).
    pub fn insert_new(&self, user: User) -> Result<User, AuthError> {
        self.insert(user, false)
    }

    fn insert(&self, user: User, only_first: bool) -> Result<User, AuthError> {
        let mut inner = self.write();
        if only_first && !inner.users.is_empty() {
            return Err(AuthError::Conflict("there are users already".into()));
        }
        if inner.users.contains_key(&user.name) {
            return Err(AuthError::Conflict(format!("user '{}' already exists", user.name)));
        }
        self.store.apply(&[row(UserTable::Users, &user.name, Some(&user))])?;
        inner.users.insert(user.name.clone(), user.clone());
        Ok(user)
    }

    /// The active super-admins other than `name`.
    fn other_super_admins(inner: &Inner, name: &str) -> usize {
        inner.users.values().filter(|u| u.name != name && u.active && u.role == Role::SuperAdmin).count()
    }

    /// Change one user with `f`, written through.
    pub fn update(&self, name: &str, f: impl FnOnce(&mut User) -> Result<(), AuthError>) -> Result<User, AuthError> {
        let mut inner = self.write();
        let mut user =
            inner.users.get(name).cloned().ok_or_else(|| AuthError::NotFound(format!("no user '{name}'")))?;
        let was_super = user.role == Role::SuperAdmin && user.active;
        f(&mut user)?;
        let still_super = user.role == Role::SuperAdmin && user.active;
        if was_super && !still_super && Self::other_super_admins(&inner, name) == 0 {
            return Err(AuthError::Forbidden(format!("'{name}' is the last active super-admin")));
        }
        self.store.apply(&[row(UserTable::Users, name, Some(&user))])?;
        inner.users.insert(name.to_string(), user.clone());
        Ok(user)
    }

    /// Remove a user with their relay keys and sessions.
    pub fn remove(&self, name: &str) -> Result<User, AuthError> {
        let mut inner = self.write();
        let user = inner.users.get(name).cloned().ok_or_else(|| AuthError::NotFound(format!("no user '{name}'")))?;
        if user.role == Role::SuperAdmin && user.active && Self::other_super_admins(&inner, name) == 0 {
            return Err(AuthError::Forbidden(format!("'{name}' is the last active super-admin")));
        }
        let keys: Vec<String> = inner.keys.values().filter(|k| k.user == name).map(|k| k.prefix.clone()).collect();
        let mut rows = vec![row::<User>(UserTable::Users, name, None)];
        for k in &keys {
            rows.push(row::<RelayKey>(UserTable::RelayKeys, k, None));
            rows.push(row::<KeyUsage>(UserTable::KeyUsage, k, None));
        }
        if self.instance.is_some() {
            // Every relay's usage rows of those keys.
            let gone: HashSet<&str> = keys.iter().map(String::as_str).collect();
            for (id, _) in self.store.load(UserTable::KeyUsage)? {
                if id.as_str() != usage_rows::prefix_of(&id) && gone.contains(usage_rows::prefix_of(&id)) {
                    rows.push(row::<KeyUsage>(UserTable::KeyUsage, &id, None));
                }
            }
        }
        rows.extend(self.sessions.rows_ending_user(self.store.as_ref(), name, None));
        self.store.apply(&rows)?;
        self.sessions.forget_user(name, None);
        let mut usage = self.usage.lock().unwrap_or_else(|p| p.into_inner());
        for k in &keys {
            inner.keys.remove(k);
            usage.remove(k);
        }
        inner.users.remove(name);
        Ok(user)
    }

    pub fn set_password(&self, name: &str, password: &str) -> Result<User, AuthError> {
        valid_password(password)?;
        let hash = secret::hash_password(password)?;
        self.update(name, |u| {
            u.password_hash = Some(hash);
            Ok(())
        })
    }

    /// Check a password login. `Err` is the same for an unknown user, a wrong password, and a
    /// user without a password, and takes as long.
    pub fn check_password(&self, name: &str, password: &str) -> Result<User, KeyRefusal> {
        let user = self.get(name);
        let ok = secret::verify_password(password, user.as_ref().and_then(|u| u.password_hash.as_deref()));
        match user {
            Some(u) if ok && u.active => Ok(u),
            Some(u) if ok && !u.active => Err(KeyRefusal::UserDisabled),
            _ => Err(KeyRefusal::Unknown),
        }
    }

    // ---- relay keys ----

    /// How many relay keys `user` has (no usage read: listings of users show only the count).
    pub fn key_count(&self, user: &str) -> usize {
        self.read().keys.values().filter(|k| k.user == user).count()
    }

    /// Relay keys (of `user`, or all) with their usage: with a shared store, summed over every
    /// relay's rows (read now; this relay's own counters from memory).
    pub fn keys(&self, user: Option<&str>) -> Vec<(RelayKey, KeyUsage)> {
        let w = Windows::at(now_ms());
        let keys: Vec<RelayKey> =
            self.read().keys.values().filter(|k| user.is_none_or(|u| k.user == u)).cloned().collect();
        let stored = match &self.instance {
            Some(_) if !keys.is_empty() => match self.store.load(UserTable::KeyUsage) {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::warn!("other relays' key usage not read (this relay's shown): {e}");
                    Vec::new()
                }
            },
            _ => Vec::new(),
        };
        let rows =
            stored.into_iter().filter_map(|(id, v)| decode::<KeyUsage>("relay_key_usage", &id, &v).map(|u| (id, u)));
        let usage = self.usage.lock().unwrap_or_else(|p| p.into_inner());
        let sums = usage_rows::sum_rows(rows, &usage, |p| usage_rows::row_id(p, self.instance.as_deref()), &w);
        drop(usage);
        keys.into_iter()
            .map(|k| {
                let u = sums.get(&k.prefix).cloned().unwrap_or_default();
                (k, u)
            })
            .collect()
    }

    /// A new key for `user`: returns the key (shown once) and what is stored.
    pub fn create_key(
        &self,
        user: &str,
        label: Option<String>,
        limits: Limits,
        expires_ms: Option<u64>,
    ) -> Result<(String, RelayKey), AuthError> {
        if limits.rpm == Some(0) {
            return Err(invalid("rpm", "must be at least 1"));
        }
        if limits.cost_per_month.is_some_and(|c| !c.is_finite() || c < 0.0) {
            return Err(invalid("cost_per_month", "must be a non-negative number of USD"));
        }
        if let Some(l) = &label {
            if l.len() > 64 || l.chars().any(char::is_control) {
                return Err(invalid("label", "a label is at most 64 characters, without control characters"));
            }
        }
        let mut inner = self.write();
        if !inner.users.contains_key(user) {
            return Err(AuthError::NotFound(format!("no user '{user}'")));
        }
        let (key, prefix, hash) = loop {
            let k = secret::new_relay_key()?;
            if !inner.keys.contains_key(&k.1) {
                break k;
            }
        };
        let label = label.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| prefix.clone());
        let rk = RelayKey {
            prefix: prefix.clone(),
            user: user.to_string(),
            label,
            hash,
            created_ms: now_ms(),
            expires_ms,
            limits,
            revoked: false,
        };
        self.store.apply(&[row(UserTable::RelayKeys, &prefix, Some(&rk))])?;
        inner.keys.insert(prefix, rk.clone());
        Ok((key, rk))
    }

    /// Revoke a key by its prefix (at least the `mr-` and 4 more characters, unambiguous).
    pub fn revoke_key(&self, prefix: &str) -> Result<RelayKey, AuthError> {
        let mut inner = self.write();
        let found: Vec<&RelayKey> = if prefix.len() >= 7 {
            inner.keys.values().filter(|k| k.prefix.starts_with(prefix)).collect()
        } else {
            vec![]
        };
        let mut key = match found.as_slice() {
            [k] => (*k).clone(),
            [] => return Err(AuthError::NotFound(format!("no relay key '{prefix}'"))),
            _ => return Err(invalid("prefix", format!("'{prefix}' matches several keys; give more of it"))),
        };
        key.revoked = true;
        self.store.apply(&[row(UserTable::RelayKeys, &key.prefix, Some(&key))])?;
        inner.keys.insert(key.prefix.clone(), key.clone());
        Ok(key)
    }

    /// The principal behind a relay key. The hash is compared (in constant time) even when the
    /// prefix is unknown, so timing does not tell the two apart.
    pub fn authenticate_key(self: &Arc<Self>, token: &str) -> Result<Principal, KeyRefusal> {
        let Some(prefix) = secret::relay_key_prefix(token) else { return Err(KeyRefusal::Unknown) };
        let inner = self.read();
        let key = inner.keys.get(prefix);
        let stored = key.map_or("0000000000000000000000000000000000000000000000000000000000000000", |k| &k.hash);
        let matches = secret::hash_matches(token, stored);
        let (Some(key), true) = (key, matches) else { return Err(KeyRefusal::Unknown) };
        if key.revoked {
            return Err(KeyRefusal::Revoked);
        }
        if key.expires_ms.is_some_and(|e| e <= now_ms()) {
            return Err(KeyRefusal::Expired);
        }
        let user = inner.users.get(&key.user).ok_or(KeyRefusal::Unknown)?;
        if !user.active {
            return Err(KeyRefusal::UserDisabled);
        }
        Ok(Principal {
            user: user.name.clone(),
            role: user.role,
            key_prefix: key.prefix.clone(),
            key_label: key.label.clone(),
            limits: key.limits.clone(),
            users: self.clone(),
        })
    }
}

impl Drop for Users {
    /// Write what is pending and stop the usage writer (it holds the store).
    fn drop(&mut self) {
        self.persist.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(h) = self.writer.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = h.join();
        }
    }
}

/// The usage writer: coalesces changed keys and writes their counters in one transaction.
fn persist_usage(
    store: Arc<dyn UserStore>,
    usage: Arc<Mutex<HashMap<String, KeyUsage>>>,
    instance: Option<String>,
    rx: std::sync::mpsc::Receiver<Persist>,
) {
    while let Ok(first) = rx.recv() {
        let mut dirty = HashSet::new();
        let mut waiters = Vec::new();
        let mut next = Some(first);
        while let Some(m) = next {
            match m {
                Persist::Usage(p) => {
                    dirty.insert(p);
                }
                Persist::Flush(tx) => waiters.push(tx),
            }
            next = rx.try_recv().ok();
        }
        let rows: Vec<UserRow> = {
            let usage = usage.lock().unwrap_or_else(|p| p.into_inner());
            dirty
                .iter()
                .filter_map(|p| {
                    usage.get(p).map(|u| row(UserTable::KeyUsage, &usage_rows::row_id(p, instance.as_deref()), Some(u)))
                })
                .collect()
        };
        if let Err(e) = store.apply(&rows) {
            tracing::warn!("relay key usage not saved: {e}");
        }
        for w in waiters {
            let _ = w.send(());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
