//! `/api/providers*`: the configured providers with their keys' live state, one provider, a
//! real one-request test of every key of every provider (the batch health check) or of one
//! provider or key, a text / tool-call / stream probe with one key (verify), and the upstream's model list (fetched and cached); and the provider's block
//! in config.yml created, updated field by field, deleted, enabled, disabled, its include /
//! exclude model lists set (edited in place, validated, reloaded). Admin only.

use super::{ApiError, ApiResult, Body, Caller, Page, PageQuery, Path, Query, answer, paginate, service};
use crate::admin::{
    KeyTest, ModelList, ProviderChange, ProviderCreate, ProviderInfo, ProviderKeyTest, ProviderModels, ProviderName,
    ProviderTest, ProviderUpdate, ProviderVerify, VerifyReport,
};
use crate::auth::Role;
use crate::server::App;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::StatusCode;
use serde::Deserialize;
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/providers", get(list).post(create))
        .route("/api/providers/test", post(test_all))
        .route("/api/providers/{name}", get(one).patch(update).delete(remove))
        .route("/api/providers/{name}/enable", post(enable))
        .route("/api/providers/{name}/disable", post(disable))
        .route("/api/providers/{name}/models", get(models).put(set_models))
        .route("/api/providers/{name}/test", post(test_one))
        .route("/api/providers/{name}/verify", post(verify))
}

/// Providers in config order, each with its keys (masked: labels and state, never the key).
#[utoipa::path(get, path = "/api/providers", tag = "providers", params(PageQuery), responses(
    (status = 200, body = Page<ProviderInfo>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody)))]
async fn list(State(app): State<Arc<App>>, c: Caller, Query(q): Query<PageQuery>) -> ApiResult<Page<ProviderInfo>> {
    c.require(Role::Admin)?;
    Ok(Json(paginate(service(&app).providers_list()?, &q)?))
}

/// One provider.
#[utoipa::path(get, path = "/api/providers/{name}", tag = "providers",
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderInfo), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody)))]
async fn one(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<ProviderInfo> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_get(ProviderName { name }))
}

/// Test every enabled key of the providers named (default: every enabled provider) with one
/// small real request each: status, latency and the upstream's message.
#[utoipa::path(post, path = "/api/providers/test", tag = "providers", request_body = ProviderTest,
    responses((status = 200, body = Vec<KeyTest>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn test_all(State(app): State<Arc<App>>, c: Caller, Body(t): Body<ProviderTest>) -> ApiResult<Vec<KeyTest>> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_test(t).await)
}

/// What to test of one provider.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TestOne {
    /// Model to test with (default: the provider's test_model, else its first included model).
    pub model: Option<String>,
    /// Only the key with this label (default: every enabled key).
    pub key: Option<String>,
}

/// Test one provider's keys (or one key).
#[utoipa::path(post, path = "/api/providers/{name}/test", tag = "providers", request_body = TestOne,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = Vec<KeyTest>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody)))]
async fn test_one(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(t): Body<TestOne>,
) -> ApiResult<Vec<KeyTest>> {
    c.require(Role::Admin)?;
    let svc = service(&app);
    answer(match t.key {
        Some(key) => svc.providers_test_key(ProviderKeyTest { provider: name, key, model: t.model }).await,
        None => svc.providers_test(ProviderTest { names: vec![name], model: t.model }).await,
    })
}

/// What to verify of one provider.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct VerifyOne {
    /// The key's label (default: the first enabled key).
    pub key: Option<String>,
    /// Model to probe (default: the provider's test_model, else its first included model).
    pub model: Option<String>,
}

/// Probe one provider with one key: a one-word text answer, a forced tool call and a stream, each
/// with its status, latency (and first-token time) and message. Failed probes are a 200 with
/// `ok: false`; probes are not logged and leave key health alone.
#[utoipa::path(post, path = "/api/providers/{name}/verify", tag = "providers", request_body = VerifyOne,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = VerifyReport), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 409, body = super::ErrorBody)))]
async fn verify(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(v): Body<VerifyOne>,
) -> ApiResult<VerifyReport> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_verify(ProviderVerify { provider: name, key: v.key, model: v.model }).await)
}

/// Fetch the upstream's model list with a usable key (cached for `/v1/models`).
#[utoipa::path(get, path = "/api/providers/{name}/models", tag = "providers",
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ModelList), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 404, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn models(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<ModelList> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_models(ProviderName { name }).await)
}

/// Add a provider to config.yml: `{name, config: {provider_type?, base_url?, keys?, models?, …}}`.
#[utoipa::path(post, path = "/api/providers", tag = "providers", request_body = ProviderCreate,
    responses((status = 201, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 409, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn create(State(app): State<Arc<App>>, c: Caller, Body(a): Body<ProviderCreate>) -> Result<Response, ApiError> {
    c.require(Role::Admin)?;
    let done = service(&app).providers_create(a).await?;
    Ok((StatusCode::CREATED, Json(done)).into_response())
}

/// Set fields of a provider in config.yml (`null` removes one); keys have their own routes.
#[utoipa::path(patch, path = "/api/providers/{name}", tag = "providers", request_body = Object,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn update(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(set): Body<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<ProviderChange> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_update(ProviderUpdate { name, set }).await)
}

/// Remove a provider from config.yml.
#[utoipa::path(delete, path = "/api/providers/{name}", tag = "providers",
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn remove(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<ProviderChange> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_delete(ProviderName { name }).await)
}

/// Enable a provider in config.yml.
#[utoipa::path(post, path = "/api/providers/{name}/enable", tag = "providers",
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn enable(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<ProviderChange> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_enable(ProviderName { name }, true).await)
}

/// Disable a provider in config.yml.
#[utoipa::path(post, path = "/api/providers/{name}/disable", tag = "providers",
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn disable(State(app): State<Arc<App>>, c: Caller, Path(name): Path<String>) -> ApiResult<ProviderChange> {
    c.require(Role::Admin)?;
    answer(service(&app).providers_enable(ProviderName { name }, false).await)
}

/// Set a provider's include / exclude model lists (globs) in config.yml.
#[utoipa::path(put, path = "/api/providers/{name}/models", tag = "providers", request_body = ProviderModels,
    params(("name" = String, Path, description = "The provider's name")),
    responses((status = 200, body = ProviderChange), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 409, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn set_models(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(name): Path<String>,
    Body(mut m): Body<ProviderModels>,
) -> ApiResult<ProviderChange> {
    c.require(Role::Admin)?;
    m.name = super::same_as_path("body.name", &m.name, name)?;
    answer(service(&app).providers_set_models(m).await)
}
