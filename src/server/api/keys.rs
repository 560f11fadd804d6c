//! `/api/keys` and `/api/providers/{name}/keys*`: upstream keys, masked (labels and live state,
//! never the key), added one at a time or imported (raw / JSON / CSV), edited (runtime
//! `enabled` / `weight` overrides), enabled, disabled, reset and removed — admin only — and
//! `/api/export`: client settings pairing the relay's URL with a relay key (any caller; a plain
//! user only with their own key).

use super::{ApiError, ApiResult, Body, Caller, Page, PageQuery, Path, Query, answer, paginate, service};
use crate::admin::{
    Count, Exported, KeyChange, KeyInfo, KeyRef, KeySelector, KeySet, KeysAdd, KeysExport, KeysImport, NewKey,
};
use crate::auth::Role;
use crate::server::App;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Deserializer};
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/keys", get(list))
        .route("/api/providers/{name}/keys", post(add))
        .route("/api/providers/{name}/keys/import", post(import))
        .route("/api/providers/{name}/keys/{label}", patch(edit).delete(remove))
        .route("/api/providers/{name}/keys/{label}/enable", post(enable))
        .route("/api/providers/{name}/keys/{label}/disable", post(disable))
        .route("/api/providers/{name}/keys/{label}/reset", post(reset))
        .route("/api/export", post(export))
}

/// `/api/keys` filters.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KeysQuery {
    /// Only this provider's keys.
    pub provider: Option<String>,
    pub cursor: Option<String>,
    /// Page size, 1 to 1000 (default 50).
    pub limit: Option<usize>,
}

/// Every upstream key with its live state (cooling, invalid, quota, last error).
#[utoipa::path(get, path = "/api/keys", tag = "keys", params(KeysQuery), responses(
    (status = 200, body = Page<KeyInfo>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody)))]
async fn list(State(app): State<Arc<App>>, c: Caller, Query(q): Query<KeysQuery>) -> ApiResult<Page<KeyInfo>> {
    c.require(Role::Admin)?;
    let mut keys = service(&app).keys_list()?;
    if let Some(p) = &q.provider {
        let want = crate::config::normalize_name(p);
        keys.retain(|k| crate::config::normalize_name(&k.provider) == want);
    }
    Ok(Json(paginate(keys, &PageQuery { cursor: q.cursor, limit: q.limit })?))
}

fn created(change: KeyChange) -> Response {
    (StatusCode::CREATED, Json(change)).into_response()
}

/// Add one key to config.yml (in place, comments kept) and reload.
#[utoipa::path(post, path = "/api/providers/{name}/keys", tag = "keys", request_body = NewKey,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 201, body = KeyChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn add(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(k): Body<NewKey>,
) -> Result<Response, ApiError> {
    c.require(Role::Admin)?;
    let change = service(&app).keys_add(KeysAdd { provider: name, keys: vec![k], skip_existing: false }).await?;
    Ok(created(change))
}

/// Import keys: raw lines (`#` comments, `LABEL=key`), JSON (strings, objects with
/// `key`/`api_key`, `label`/`name`, `weight`, or label → key) or CSV (`key,label[,weight]`).
#[utoipa::path(post, path = "/api/providers/{name}/keys/import", tag = "keys", request_body = KeysImport,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 201, body = KeyChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn import(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(mut a): Body<KeysImport>,
) -> Result<Response, ApiError> {
    c.require(Role::Admin)?;
    a.provider = super::same_as_path("body.provider", &a.provider, name)?;
    Ok(created(service(&app).keys_import(a).await?))
}

fn double_option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Runtime overrides (kept across reloads, not restarts): absent leaves a field as it is,
/// `null` follows the config again.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPatch {
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<bool>)]
    pub enabled: Option<Option<bool>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<f64>)]
    pub weight: Option<Option<f64>>,
}

/// Override a key's `enabled` or `weight` on the running server.
#[utoipa::path(patch, path = "/api/providers/{name}/keys/{label}", tag = "keys", request_body = KeyPatch,
    params(("name" = String, Path, description = "The provider's name"),
           ("label" = String, Path, description = "The key's label")),
    responses((status = 200, body = Count), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn edit(
    State(app): State<Arc<App>>,
    c: Caller,
    Path((name, label)): Path<(String, String)>,
    Body(p): Body<KeyPatch>,
) -> ApiResult<Count> {
    c.require(Role::Admin)?;
    answer(service(&app).keys_set(KeySet { provider: name, label, enabled: p.enabled, weight: p.weight }))
}

/// Remove a key from config.yml and reload.
#[utoipa::path(delete, path = "/api/providers/{name}/keys/{label}", tag = "keys",
    params(("name" = String, Path, description = "The provider's name"),
           ("label" = String, Path, description = "The key's label")),
    responses((status = 200, body = KeyChange), (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn remove(
    State(app): State<Arc<App>>,
    c: Caller,
    Path((name, label)): Path<(String, String)>,
) -> ApiResult<KeyChange> {
    c.require(Role::Admin)?;
    answer(service(&app).keys_remove(KeyRef { provider: name, label }).await)
}

/// Enable a key in config.yml (clearing an invalid mark) and reload.
#[utoipa::path(post, path = "/api/providers/{name}/keys/{label}/enable", tag = "keys",
    params(("name" = String, Path, description = "The provider's name"),
           ("label" = String, Path, description = "The key's label")),
    responses((status = 200, body = KeyChange), (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn enable(
    State(app): State<Arc<App>>,
    c: Caller,
    Path((name, label)): Path<(String, String)>,
) -> ApiResult<KeyChange> {
    c.require(Role::Admin)?;
    answer(service(&app).keys_enable(KeyRef { provider: name, label }, true).await)
}

/// Disable a key in config.yml and reload.
#[utoipa::path(post, path = "/api/providers/{name}/keys/{label}/disable", tag = "keys",
    params(("name" = String, Path, description = "The provider's name"),
           ("label" = String, Path, description = "The key's label")),
    responses((status = 200, body = KeyChange), (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn disable(
    State(app): State<Arc<App>>,
    c: Caller,
    Path((name, label)): Path<(String, String)>,
) -> ApiResult<KeyChange> {
    c.require(Role::Admin)?;
    answer(service(&app).keys_enable(KeyRef { provider: name, label }, false).await)
}

/// Forget a key's cooldowns, failures and invalid mark.
#[utoipa::path(post, path = "/api/providers/{name}/keys/{label}/reset", tag = "keys",
    params(("name" = String, Path, description = "The provider's name"),
           ("label" = String, Path, description = "The key's label")),
    responses((status = 200, body = Count), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn reset(
    State(app): State<Arc<App>>,
    c: Caller,
    Path((name, label)): Path<(String, String)>,
) -> ApiResult<Count> {
    c.require(Role::Admin)?;
    answer(service(&app).keys_reset(KeySelector { provider: name, label: Some(label) }))
}

/// Client settings for this relay: OpenAI / Anthropic / Claude Code environment lines,
/// claude-code-router or Cherry Studio JSON (with a `cherrystudio://` link), a Vercel AI SDK
/// snippet or a curl command, with the relay key given (else a placeholder).
#[utoipa::path(post, path = "/api/export", tag = "keys", request_body = KeysExport,
    responses((status = 200, body = Exported), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody)))]
async fn export(
    State(app): State<Arc<App>>,
    c: Caller,
    headers: HeaderMap,
    Body(mut a): Body<KeysExport>,
) -> ApiResult<Exported> {
    if a.host.is_none() {
        a.host = headers.get(http::header::HOST).and_then(|v| v.to_str().ok()).map(String::from);
    }
    let given = a.key.as_deref().is_some_and(|k| !k.trim().is_empty());
    let out = service(&app).keys_export(a)?;
    if given && !c.is_admin() && out.key_owner.as_deref() != c.user.as_deref() {
        return Err(ApiError::forbidden("a user may only export settings with their own relay key"));
    }
    Ok(Json(out))
}
