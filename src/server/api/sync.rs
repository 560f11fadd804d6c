//! `/api/sync/*`: Gist and WebDAV sync over the `sync.*` operations — status, setup, push, pull,
//! diff, history. Super-admin only: a sync moves the whole config, secrets included.

use super::{ApiResult, Body, Caller, Query, answer, service};
use crate::admin::{
    SyncHistoryArgs, SyncPull, SyncPulled, SyncPush, SyncPushed, SyncRevision, SyncSetup, SyncSetupDone, SyncStatus,
};
use crate::auth::Role;
use crate::server::App;
use axum::extract::State;
use axum::routing::{get, post};
use serde::Deserialize;
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/sync/status", get(status))
        .route("/api/sync/setup", post(setup))
        .route("/api/sync/push", post(push))
        .route("/api/sync/pull", post(pull))
        .route("/api/sync/diff", post(diff))
        .route("/api/sync/history", get(history))
}

/// Where sync stands: the Gist, the token's source (never the token), the last sync, conflicts.
#[utoipa::path(get, path = "/api/sync/status", tag = "sync", responses(
    (status = 200, body = SyncStatus), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn status(State(app): State<Arc<App>>, c: Caller) -> ApiResult<SyncStatus> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_status())
}

/// Verify (and store) the GitHub token, find or create the Gist.
#[utoipa::path(post, path = "/api/sync/setup", tag = "sync", request_body = SyncSetup, responses(
    (status = 200, body = SyncSetupDone), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn setup(State(app): State<Arc<App>>, c: Caller, Body(a): Body<SyncSetup>) -> ApiResult<SyncSetupDone> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_setup(a).await)
}

/// Push the config (secrets encrypted with the passphrase, else left out).
#[utoipa::path(post, path = "/api/sync/push", tag = "sync", request_body = SyncPush, responses(
    (status = 200, body = SyncPushed), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn push(State(app): State<Arc<App>>, c: Caller, Body(a): Body<SyncPush>) -> ApiResult<SyncPushed> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_push(a).await)
}

/// Pull the config (a backup kept, then reloaded).
#[utoipa::path(post, path = "/api/sync/pull", tag = "sync", request_body = SyncPull, responses(
    (status = 200, body = SyncPulled), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn pull(State(app): State<Arc<App>>, c: Caller, Body(a): Body<SyncPull>) -> ApiResult<SyncPulled> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_pull(a).await)
}

/// What a pull would change, writing nothing.
#[utoipa::path(post, path = "/api/sync/diff", tag = "sync", request_body = SyncPull, responses(
    (status = 200, body = SyncPulled), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn diff(State(app): State<Arc<App>>, c: Caller, Body(a): Body<SyncPull>) -> ApiResult<SyncPulled> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_diff(a).await)
}

/// `/api/sync/history` options.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// At most this many revisions (default 20, up to 100).
    pub limit: Option<u32>,
}

/// The Gist's revisions, newest first.
#[utoipa::path(get, path = "/api/sync/history", tag = "sync", params(HistoryQuery), responses(
    (status = 200, body = Vec<SyncRevision>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn history(
    State(app): State<Arc<App>>,
    c: Caller,
    Query(q): Query<HistoryQuery>,
) -> ApiResult<Vec<SyncRevision>> {
    c.require(Role::SuperAdmin)?;
    answer(service(&app).sync_history(SyncHistoryArgs { limit: q.limit }).await)
}
