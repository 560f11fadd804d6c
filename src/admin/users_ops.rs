//! `users.*`: users and their relay keys over `auth::Users` — the running server's (so a change
//! takes effect at once) or, offline, one opened on the database file (created when missing, so
//! `monorelay users add NAME --role super-admin` works before the first start). Also invite codes
//! for SSO registration (`users.invite`).

use super::{AdminError, CreatedRelayKey, RelayKeyCreate, RelayKeyRevoke, RelayKeyView, RelayKeysList, Service};
use super::{CreatedInvite, InviteCreate, UserAdd, UserName, UserPasswd, UserRole, UserView};

/// How long an invite lasts unless told otherwise, and at most.
const DEFAULT_INVITE_HOURS: u64 = 7 * 24;
const MAX_INVITE_HOURS: u64 = 90 * 24;
use crate::auth::{AuthError, KeyUsage, Limits, RelayKey, User, Users};
use std::sync::Arc;

impl From<AuthError> for AdminError {
    fn from(e: AuthError) -> AdminError {
        match e {
            AuthError::NotFound(m) => AdminError::not_found(m),
            AuthError::Conflict(m) => AdminError::conflict(m),
            AuthError::Invalid { field, message } => AdminError::invalid(Some(field), message),
            AuthError::Forbidden(m) => AdminError::forbidden(m),
            AuthError::Store(e) => AdminError::from(e),
            AuthError::Secret(e) => AdminError::internal(e.to_string()),
        }
    }
}

/// A user as every transport shows it (never the password hash).
pub(crate) fn user_view(u: &User, keys: usize) -> UserView {
    UserView {
        name: u.name.clone(),
        email: u.email.clone(),
        role: u.role,
        active: u.active,
        has_password: u.password_hash.is_some(),
        sso: u.sso.iter().map(|l| format!("{}:{}", l.provider, l.subject)).collect(),
        created_ms: u.created_ms,
        last_login_ms: u.last_login_ms,
        relay_keys: keys,
    }
}

fn key_view(k: &RelayKey, u: &KeyUsage) -> RelayKeyView {
    RelayKeyView {
        prefix: k.prefix.clone(),
        user: k.user.clone(),
        label: k.label.clone(),
        created_ms: k.created_ms,
        last_used_ms: u.last_used_ms,
        expires_ms: k.expires_ms,
        revoked: k.revoked,
        limits: k.limits.clone(),
        requests: u.requests,
        requests_this_minute: u.minute_requests,
        tokens_today: u.day_tokens,
        cost_this_month_usd: u.month_cost_usd,
    }
}

async fn off_thread<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AuthError> + Send + 'static,
) -> Result<T, AdminError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(AdminError::from),
        Err(e) => Err(AdminError::internal(format!("the password task failed: {e}"))),
    }
}

impl Service {
    /// The users of the running server, or of the database on disk.
    pub fn users(&self) -> Result<Arc<Users>, AdminError> {
        if let Some(h) = &self.host {
            return h.users().ok_or_else(|| AdminError::unavailable("this server keeps no users (it has no data dir)"));
        }
        if let Some(u) = self.users.get() {
            return Ok(u.clone());
        }
        let redb = match &self.redb {
            Some(r) => r.clone(),
            None => {
                crate::access_key::create_private_dir(&self.data_dir)?;
                Arc::new(crate::store::RedbStore::open(&self.db_path())?)
            }
        };
        let users = Users::open(redb)?;
        Ok(self.users.get_or_init(|| users).clone())
    }

    fn view(&self, users: &Users, u: &User) -> UserView {
        user_view(u, users.key_count(&u.name))
    }

    pub fn users_list(&self) -> Result<Vec<UserView>, AdminError> {
        let users = self.users()?;
        Ok(users.list().iter().map(|u| self.view(&users, u)).collect())
    }

    /// Hashing a password takes a while (argon2id): it runs off the async workers.
    pub async fn users_add(&self, a: UserAdd) -> Result<UserView, AdminError> {
        let users = self.users()?;
        let u2 = users.clone();
        let u = off_thread(move || u2.add(a.name.trim(), a.role, a.email, a.password.as_deref())).await?;
        Ok(self.view(&users, &u))
    }

    pub fn users_remove(&self, a: UserName) -> Result<UserView, AdminError> {
        let users = self.users()?;
        let u = users.remove(&a.name)?;
        Ok(user_view(&u, 0))
    }

    pub async fn users_passwd(&self, a: UserPasswd) -> Result<UserView, AdminError> {
        let users = self.users()?;
        let u2 = users.clone();
        let name = a.name.clone();
        let u = off_thread(move || u2.set_password(&name, &a.password)).await?;
        users.end_other_sessions(&a.name, None)?;
        Ok(self.view(&users, &u))
    }

    pub fn users_role(&self, a: UserRole) -> Result<UserView, AdminError> {
        let users = self.users()?;
        let u = users.update(&a.name, |u| {
            u.role = a.role;
            Ok(())
        })?;
        Ok(self.view(&users, &u))
    }

    pub fn users_enable(&self, a: UserName, on: bool) -> Result<UserView, AdminError> {
        let users = self.users()?;
        let u = users.update(&a.name, |u| {
            u.active = on;
            Ok(())
        })?;
        if !on {
            users.end_other_sessions(&a.name, None)?;
        }
        Ok(self.view(&users, &u))
    }

    pub fn users_keys_list(&self, a: RelayKeysList) -> Result<Vec<RelayKeyView>, AdminError> {
        let users = self.users()?;
        if let Some(u) = &a.user {
            if users.get(u).is_none() {
                return Err(AdminError::not_found(format!("no user '{u}'")));
            }
        }
        Ok(users.keys(a.user.as_deref()).iter().map(|(k, u)| key_view(k, u)).collect())
    }

    pub fn users_keys_create(&self, a: RelayKeyCreate) -> Result<CreatedRelayKey, AdminError> {
        let users = self.users()?;
        let limits = Limits {
            models: a.models.into_iter().map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect(),
            rpm: a.rpm,
            tokens_per_day: a.tokens_per_day,
            cost_per_month: a.cost_per_month,
        };
        let (key, k) = users.create_key(&a.user, a.label, limits, a.expires_ms)?;
        Ok(CreatedRelayKey { key, info: key_view(&k, &KeyUsage::default()) })
    }

    /// An invite code for `sso.registration: invite`; not for super-admins (make those with
    /// `users role`).
    pub fn users_invite(&self, a: InviteCreate) -> Result<CreatedInvite, AdminError> {
        if a.role == crate::auth::Role::SuperAdmin {
            return Err(AdminError::invalid(Some("role"), "an invite is for a user or an admin"));
        }
        let hours = a.expires_hours.unwrap_or(DEFAULT_INVITE_HOURS);
        if !(1..=MAX_INVITE_HOURS).contains(&hours) {
            return Err(AdminError::invalid(
                Some("expires_hours"),
                format!("an invite lasts 1 to {MAX_INVITE_HOURS} hours, not {hours}"),
            ));
        }
        let users = self.users()?;
        let (code, inv) = users.create_invite(a.role, std::time::Duration::from_secs(hours * 3600))?;
        Ok(CreatedInvite { code, role: inv.role, expires_ms: inv.expires_ms })
    }

    pub fn users_keys_revoke(&self, a: RelayKeyRevoke) -> Result<RelayKeyView, AdminError> {
        let users = self.users()?;
        let k = users.revoke_key(a.prefix.trim())?;
        let usage = users.keys(Some(&k.user)).into_iter().find(|(x, _)| x.prefix == k.prefix).map(|(_, u)| u);
        Ok(key_view(&k, &usage.unwrap_or_default()))
    }
}
