//! `/api/config*` and `/api/settings`: the config file as text (secrets `***`, or in clear for
//! a super-admin who asks), checked without saving, replaced (super-admin: validated, written
//! atomically with a backup, comments and order as sent, reloaded; `***` put back as shown
//! keeps the secrets), reloaded, a structured view for forms, and settings changed by dotted
//! path (`PATCH /api/settings`: admin for the common keys, super-admin for the rest).

use super::{ApiError, ApiResult, Body, Caller, Query, answer, service};
use crate::admin::{
    ConfigGet, ConfigPut, ConfigReport, ConfigSet, ConfigText, ConfigView, ConfigWritten, Reloaded, SettingsWritten,
};
use crate::auth::Role;
use crate::server::App;
use axum::extract::State;
use axum::routing::{get, post};
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/config", get(show).put(put))
        .route("/api/config/validate", post(validate))
        .route("/api/config/reload", post(reload))
        .route("/api/settings", get(settings).patch(set))
}

/// The config file's text with every secret as `***` (`reveal=true`: in clear, super-admin).
#[utoipa::path(get, path = "/api/config", tag = "config", params(ConfigGet), responses(
    (status = 200, body = ConfigView), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn show(State(app): State<Arc<App>>, c: Caller, Query(q): Query<ConfigGet>) -> ApiResult<ConfigView> {
    c.require(Role::Admin)?;
    if q.reveal {
        c.require(Role::SuperAdmin)?;
    }
    answer(service(&app).config_get_with(q))
}

/// Check a config text (default: the file on disk) without saving it.
#[utoipa::path(post, path = "/api/config/validate", tag = "config", request_body = ConfigText, responses(
    (status = 200, body = ConfigReport), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn validate(State(app): State<Arc<App>>, c: Caller, Body(t): Body<ConfigText>) -> ApiResult<ConfigReport> {
    c.require(Role::Admin)?;
    answer(service(&app).config_check(t))
}

/// Replace the config file: validated (every problem named), the old file kept as a backup,
/// written atomically, then reloaded. Lines sent back with `***` as `GET` showed them keep
/// their secrets.
#[utoipa::path(put, path = "/api/config", tag = "config", request_body = ConfigPut, responses(
    (status = 200, body = ConfigWritten), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn put(State(app): State<Arc<App>>, c: Caller, Body(p): Body<ConfigPut>) -> ApiResult<ConfigWritten> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).config_put(p).await)
}

/// Reload the config file now.
#[utoipa::path(post, path = "/api/config/reload", tag = "config", responses(
    (status = 200, body = Reloaded), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 409, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn reload(State(app): State<Arc<App>>, c: Caller) -> ApiResult<Reloaded> {
    c.require(Role::Admin)?;
    answer(service(&app).config_reload().await)
}

/// The config as a JSON tree (secrets `***`), for the panel's forms.
#[utoipa::path(get, path = "/api/settings", tag = "config", responses(
    (status = 200, body = Object), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 500, body = super::ErrorBody)))]
async fn settings(State(app): State<Arc<App>>, c: Caller) -> Result<axum::Json<serde_json::Value>, ApiError> {
    c.require(Role::Admin)?;
    answer(service(&app).config_settings())
}

/// Change settings by dotted config path (`[{path, value}]`, `null` removes), written into
/// config.yml in place (comments kept), validated as a whole, all or nothing, then reloaded.
/// Secrets and providers are refused. An admin may change `server.public_host`, the request
/// limits, `logging.*`, `model_routing.*`, `key_selection.*`, `tool_calling.*`,
/// `translation.*` and `pricing.*`; anything else needs a super-admin.
#[utoipa::path(patch, path = "/api/settings", tag = "config", request_body = ConfigSet, responses(
    (status = 200, body = SettingsWritten), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn set(State(app): State<Arc<App>>, c: Caller, Body(s): Body<ConfigSet>) -> ApiResult<SettingsWritten> {
    c.require(Role::Admin)?;
    if let Some(p) = s.changes.iter().find(|ch| !crate::admin::admin_settable(&ch.path)) {
        if c.require(Role::SuperAdmin).is_err() {
            return Err(ApiError::forbidden(format!("changing '{}' needs the super_admin role", p.path)));
        }
    }
    answer(service(&app).config_set(s).await)
}
