//! `/api/users*`, `/api/relay-keys*` and `/api/me`: users and their relay keys over the
//! `users.*` operations. Admins manage everyone below super-admin (a super-admin manages
//! everyone); a plain user reaches only their own account and keys. A relay key is shown in
//! clear exactly once, in the answer that creates it.

use super::{ApiError, ApiResult, Body, Caller, Page, PageQuery, Path, Query, Via, answer, paginate, service};
use crate::admin::{
    CreatedRelayKey, RelayKeyCreate, RelayKeyRevoke, RelayKeyView, RelayKeysList, UserAdd, UserName, UserPasswd,
    UserRole, UserView,
};
use crate::auth::Role;
use crate::server::App;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/me", get(me))
        .route("/api/users", get(list).post(add))
        .route("/api/users/{name}", get(one).patch(edit).delete(remove))
        .route("/api/users/{name}/keys", get(keys).post(create_key))
        .route("/api/relay-keys", get(all_keys))
        .route("/api/relay-keys/{prefix}", delete(revoke))
}

/// Who the caller is.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Me {
    /// `null` for the access key.
    pub user: Option<UserView>,
    pub role: Role,
    pub via: Via,
}

/// The caller: their account (none for the access key), role and how they signed in.
#[utoipa::path(get, path = "/api/me", tag = "users", responses(
    (status = 200, body = Me), (status = 401, body = super::ErrorBody)))]
async fn me(State(app): State<Arc<App>>, c: Caller) -> ApiResult<Me> {
    let user =
        match &c.user {
            Some(name) => Some(service(&app).users_list()?.into_iter().find(|u| &u.name == name).ok_or_else(|| {
                ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "this account no longer exists")
            })?),
            None => None,
        };
    Ok(Json(Me { user, role: c.role, via: c.via }))
}

fn find(app: &Arc<App>, name: &str) -> Result<UserView, ApiError> {
    service(app)
        .users_list()?
        .into_iter()
        .find(|u| u.name == name)
        .ok_or_else(|| ApiError::not_found(format!("no user '{name}'")))
}

/// An admin may manage users below super-admin; only a super-admin manages super-admins or
/// grants a role at or above admin.
fn may_manage(c: &Caller, target_role: Role) -> Result<(), ApiError> {
    c.require(Role::Admin)?;
    if target_role >= Role::Admin && c.role < Role::SuperAdmin {
        return Err(ApiError::forbidden("only a super-admin manages admins and super-admins"));
    }
    Ok(())
}

/// Every user (admin).
#[utoipa::path(get, path = "/api/users", tag = "users", params(PageQuery), responses(
    (status = 200, body = Page<UserView>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn list(State(app): State<Arc<App>>, c: Caller, Query(q): Query<PageQuery>) -> ApiResult<Page<UserView>> {
    c.require(Role::Admin)?;
    Ok(Json(paginate(service(&app).users_list()?, &q)?))
}

/// Add a user (a password is optional: SSO-only users have none).
#[utoipa::path(post, path = "/api/users", tag = "users", request_body = UserAdd, responses(
    (status = 201, body = UserView), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn add(State(app): State<Arc<App>>, c: Caller, Body(a): Body<UserAdd>) -> Result<Response, ApiError> {
    may_manage(&c, a.role)?;
    let u = service(&app).users_add(a).await?;
    Ok((StatusCode::CREATED, Json(u)).into_response())
}

/// One user (admin, or the user themself).
#[utoipa::path(get, path = "/api/users/{name}", tag = "users",
    params(("name" = String, Path, description = "The username")),
    responses((status = 200, body = UserView), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn one(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<UserView> {
    c.require_self_or_admin(&name)?;
    Ok(Json(find(&app, &name)?))
}

/// Changes to a user; absent fields stay.
#[derive(Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct UserPatch {
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// A new password (ends the user's sessions).
    pub password: Option<String>,
}

/// Change a user's role, active flag or password (admin).
#[utoipa::path(patch, path = "/api/users/{name}", tag = "users", request_body = UserPatch,
    params(("name" = String, Path, description = "The username")),
    responses((status = 200, body = UserView), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn edit(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(p): Body<UserPatch>,
) -> ApiResult<UserView> {
    c.require(Role::Admin)?;
    let target = find(&app, &name)?;
    may_manage(&c, target.role)?;
    if let Some(r) = p.role {
        may_manage(&c, r)?;
    }
    if c.user.as_deref() == Some(name.as_str()) && (p.role.is_some_and(|r| r < c.role) || p.active == Some(false)) {
        return Err(ApiError::forbidden("you cannot lower your own role or disable yourself"));
    }
    let svc = service(&app);
    let mut view = target;
    if let Some(role) = p.role {
        view = svc.users_role(UserRole { name: name.clone(), role })?;
    }
    if let Some(on) = p.active {
        view = svc.users_enable(UserName { name: name.clone() }, on)?;
    }
    if let Some(password) = p.password {
        view = svc.users_passwd(UserPasswd { name, password }).await?;
    }
    Ok(Json(view))
}

/// Remove a user and their relay keys (admin; never yourself).
#[utoipa::path(delete, path = "/api/users/{name}", tag = "users",
    params(("name" = String, Path, description = "The username")),
    responses((status = 200, body = UserView), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn remove(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<UserView> {
    c.require(Role::Admin)?;
    let target = find(&app, &name)?;
    may_manage(&c, target.role)?;
    if c.user.as_deref() == Some(name.as_str()) {
        return Err(ApiError::forbidden("you cannot remove yourself"));
    }
    answer(service(&app).users_remove(UserName { name }))
}

/// A user's relay keys: prefixes, limits and usage (never the keys).
#[utoipa::path(get, path = "/api/users/{name}/keys", tag = "users", params(
    ("name" = String, Path, description = "The username"), PageQuery),
    responses((status = 200, body = Page<RelayKeyView>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn keys(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult<Page<RelayKeyView>> {
    c.require_self_or_admin(&name)?;
    Ok(Json(paginate(service(&app).users_keys_list(RelayKeysList { user: Some(name) })?, &q)?))
}

/// Create a relay key (admin, or the user themself): the key is in this answer and nowhere else.
#[utoipa::path(post, path = "/api/users/{name}/keys", tag = "users", request_body = RelayKeyCreate,
    params(("name" = String, Path, description = "The username")),
    responses((status = 201, body = CreatedRelayKey), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn create_key(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(mut a): Body<RelayKeyCreate>,
) -> Result<Response, ApiError> {
    c.require_self_or_admin(&name)?;
    a.user = super::same_as_path("body.user", &a.user, name)?;
    let created = service(&app).users_keys_create(a)?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// `/api/relay-keys` filters.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RelayKeysQuery {
    /// Only this user's keys.
    pub user: Option<String>,
    pub cursor: Option<String>,
    /// Page size, 1 to 1000 (default 50).
    pub limit: Option<usize>,
}

/// Every relay key of every user (admin).
#[utoipa::path(get, path = "/api/relay-keys", tag = "users", params(RelayKeysQuery), responses(
    (status = 200, body = Page<RelayKeyView>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn all_keys(
    State(app): State<Arc<App>>,
    c: Caller,
    Query(q): Query<RelayKeysQuery>,
) -> ApiResult<Page<RelayKeyView>> {
    c.require(Role::Admin)?;
    let keys = service(&app).users_keys_list(RelayKeysList { user: q.user })?;
    Ok(Json(paginate(keys, &PageQuery { cursor: q.cursor, limit: q.limit })?))
}

/// Revoke a relay key by its public prefix (admin, or the key's owner).
#[utoipa::path(delete, path = "/api/relay-keys/{prefix}", tag = "users",
    params(("prefix" = String, Path, description = "The key's public prefix (mr-…)")),
    responses((status = 200, body = RelayKeyView), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn revoke(State(app): State<Arc<App>>, c: Caller, Path(prefix): Path<String>) -> ApiResult<RelayKeyView> {
    let svc = service(&app);
    if !c.is_admin() {
        let mine = svc.users_keys_list(RelayKeysList { user: c.user.clone() })?;
        if !mine.iter().any(|k| k.prefix == prefix.trim()) {
            // Someone else's key: as if it did not exist.
            return Err(ApiError::not_found(format!("no relay key '{prefix}'")));
        }
    }
    answer(svc.users_keys_revoke(RelayKeyRevoke { prefix }))
}
