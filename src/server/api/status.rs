//! `/api/status`, `/api/info`, `/api/stats`, `/api/dashboard`, `/api/analytics/*` and
//! `/api/usage`: the server's facts and the figures behind the dashboard (admin), the
//! client-facing info (version, uptime, base URLs) and one's own usage, which any signed-in
//! caller may read (a plain user only their own).

use super::{ApiResult, Caller, Query, answer, service};
use crate::admin::{
    CostDistribution, Dashboard, InfoQuery, RangeQuery, ServerInfo, SlowQuery, SlowRequests, StatsQuery, StatsReport,
    StatusInfo, Usage, UsageQuery,
};
use crate::auth::Role;
use crate::server::App;
use axum::extract::State;
use axum::routing::get;
use http::HeaderMap;
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/status", get(status))
        .route("/api/info", get(info))
        .route("/api/stats", get(stats))
        .route("/api/dashboard", get(dashboard))
        .route("/api/analytics/slow", get(slow))
        .route("/api/analytics/costs", get(costs))
        .route("/api/usage", get(usage))
}

/// The caller's own usage (requests, tokens, cost, error rate, per model and per hour). A plain
/// user gets only their own (naming anyone else is 403); an admin may name any user (`user=`
/// empty: requests made with the access key).
#[utoipa::path(get, path = "/api/usage", tag = "status", params(UsageQuery), responses(
    (status = 200, body = Usage), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn usage(State(app): State<Arc<App>>, c: Caller, Query(mut q): Query<UsageQuery>) -> ApiResult<Usage> {
    match (c.is_admin(), q.user.as_deref()) {
        (false, Some(u)) if Some(u) != c.user.as_deref() => {
            return Err(super::ApiError::forbidden("a user may only see their own usage"));
        }
        (true, Some(_)) => {}
        _ => q.user = Some(c.user.clone().unwrap_or_default()),
    }
    answer(service(&app).usage(q).await)
}

/// The server's state: uptime, requests in flight, reloads, the request log, totals.
#[utoipa::path(get, path = "/api/status", tag = "status", responses(
    (status = 200, body = StatusInfo), (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody)))]
async fn status(State(app): State<Arc<App>>, c: Caller) -> ApiResult<StatusInfo> {
    c.require(Role::Admin)?;
    answer(service(&app).status().await)
}

/// Version, uptime and the base URLs OpenAI and Anthropic clients should use.
#[utoipa::path(get, path = "/api/info", tag = "status", responses(
    (status = 200, body = ServerInfo), (status = 401, body = super::ErrorBody)))]
async fn info(State(app): State<Arc<App>>, _c: Caller, headers: HeaderMap) -> ApiResult<ServerInfo> {
    let host = headers.get(http::header::HOST).and_then(|v| v.to_str().ok()).map(String::from);
    answer(service(&app).info(InfoQuery { host }))
}

/// Totals (or groups) of the request log over a time range, from the hourly aggregates.
#[utoipa::path(get, path = "/api/stats", tag = "status", params(StatsQuery), responses(
    (status = 200, body = StatsReport), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn stats(State(app): State<Arc<App>>, c: Caller, Query(q): Query<StatsQuery>) -> ApiResult<StatsReport> {
    c.require(Role::Admin)?;
    answer(service(&app).stats(q).await)
}

/// The dashboard in one call: totals, error rate, latency percentiles, per model / provider /
/// key / user, and an hourly series.
#[utoipa::path(get, path = "/api/dashboard", tag = "status", params(RangeQuery), responses(
    (status = 200, body = Dashboard), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn dashboard(State(app): State<Arc<App>>, c: Caller, Query(q): Query<RangeQuery>) -> ApiResult<Dashboard> {
    c.require(Role::Admin)?;
    answer(service(&app).dashboard(q).await)
}

/// The slowest requests by time to first byte.
#[utoipa::path(get, path = "/api/analytics/slow", tag = "status", params(SlowQuery), responses(
    (status = 200, body = SlowRequests), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn slow(State(app): State<Arc<App>>, c: Caller, Query(q): Query<SlowQuery>) -> ApiResult<SlowRequests> {
    c.require(Role::Admin)?;
    answer(service(&app).analytics_slow(q).await)
}

/// How cost divides between providers and models.
#[utoipa::path(get, path = "/api/analytics/costs", tag = "status", params(RangeQuery), responses(
    (status = 200, body = CostDistribution), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn costs(State(app): State<Arc<App>>, c: Caller, Query(q): Query<RangeQuery>) -> ApiResult<CostDistribution> {
    c.require(Role::Admin)?;
    answer(service(&app).analytics_costs(q).await)
}
