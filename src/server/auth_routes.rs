//! The HTTP side of users: `/api/auth/*` (password login, logout, me, password change) and
//! `/api/setup*` (first run). These routes do their own authentication, so the relay's `auth`
//! middleware lets them through; everything they do is a call on `auth::Users`.
//!
//! Sessions: `POST /api/auth/login` sets `monorelay_session` — HttpOnly, SameSite=Lax, Path=/,
//! 7 days, `Secure` when the request came over https (`X-Forwarded-Proto`/`Forwarded`) or
//! `server.public_host` is an https URL — naming a server-side session. A state-changing call
//! made with that cookie must send the session's CSRF token in `x-csrf-token` (a header a
//! cross-site form cannot send); one made with a Bearer access key needs none. Login failures are
//! throttled per username and per client address (429 with `Retry-After` after 5 in 15 minutes);
//! wrong password, unknown user and password-less user answer alike. With `server.turnstile_enabled`
//! login and setup also need a `turnstile_token` the verify endpoint accepts. `api_caller` is the
//! check the rest of `/api` uses. SSO (`/api/auth/sso/*`, `/api/auth/providers`) has its own
//! routes file beside this one.

use super::App;
use crate::auth::{Role, Users};
use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;
use subtle::ConstantTimeEq;

pub const SESSION_COOKIE: &str = "monorelay_session";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Largest JSON body these routes read.
const MAX_AUTH_BODY_BYTES: usize = 16 * 1024;

/// Whether the relay's auth middleware lets `path` through to these routes.
pub fn is_auth_route(path: &str) -> bool {
    path.starts_with("/api/auth/") || path == "/api/setup" || path == "/api/setup/status"
}

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/auth/login", post(login))
        .route("/api/auth/logout", post(logout))
        .route("/api/auth/me", get(me))
        .route("/api/auth/password", post(password))
        .route("/api/setup/status", get(setup_status))
        .route("/api/setup", post(setup))
}

/// An `/api` error, answered as JSON in the one `/api` error shape: `{"error": {"type", "message"}}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    /// Seconds, for `Retry-After`.
    pub retry_after: Option<u64>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, Json(json!({"error": {"type": self.code, "message": self.message}}))).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(s.max(1)));
        }
        r
    }
}

pub fn api_error(status: StatusCode, code: &str, message: impl Into<String>) -> ApiError {
    ApiError { status, code: code.to_string(), message: message.into(), retry_after: None }
}

/// Who is calling `/api`.
#[derive(Debug, Clone)]
pub enum ApiCaller {
    /// The server's access key: acts as the super-admin.
    AccessKey,
    /// A signed-in user (session cookie).
    Session { user: String, role: Role, token: String, csrf: String },
}

impl ApiCaller {
    pub fn role(&self) -> Role {
        match self {
            ApiCaller::AccessKey => Role::SuperAdmin,
            ApiCaller::Session { role, .. } => *role,
        }
    }
}

pub(super) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == name).then(|| v.trim().to_string())
    })
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        return v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")).map(str::trim);
    }
    headers.get("x-access-key").and_then(|v| v.to_str().ok()).map(str::trim)
}

fn is_access_key(app: &App, token: &str) -> bool {
    let rt = app.runtime.load();
    let key = if rt.config.server.access_key_enabled { rt.access_key.as_ref() } else { None };
    key.is_some_and(|k| bool::from(k.expose().as_bytes().ct_eq(token.as_bytes())))
}

fn users(app: &App) -> Result<&Arc<Users>, ApiError> {
    app.users.get().ok_or_else(|| {
        api_error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "this server keeps no users (no data dir)")
    })
}

/// Authenticate an `/api` call: the access key as Bearer / `x-access-key`, or a session cookie
/// (with the CSRF header on anything but GET/HEAD/OPTIONS).
pub fn api_caller(app: &App, method: &Method, headers: &HeaderMap) -> Result<ApiCaller, ApiError> {
    if let Some(token) = bearer(headers) {
        return if is_access_key(app, token) {
            Ok(ApiCaller::AccessKey)
        } else {
            Err(api_error(StatusCode::UNAUTHORIZED, "unauthorized", "invalid access key"))
        };
    }
    let unauthorized = || api_error(StatusCode::UNAUTHORIZED, "unauthorized", "not signed in");
    let token = cookie(headers, SESSION_COOKIE).ok_or_else(unauthorized)?;
    let users = users(app)?;
    let session = users.session(&token).ok_or_else(unauthorized)?;
    let role = users.get(&session.user).map(|u| u.role).ok_or_else(unauthorized)?;
    if !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        let sent = headers.get(CSRF_HEADER).map(HeaderValue::as_bytes).unwrap_or_default();
        if !bool::from(sent.ct_eq(session.csrf.as_bytes())) {
            return Err(api_error(
                StatusCode::FORBIDDEN,
                "csrf",
                format!("a call made with the session cookie needs the session's '{CSRF_HEADER}' header"),
            ));
        }
    }
    Ok(ApiCaller::Session { user: session.user, role, token, csrf: session.csrf })
}

pub(super) fn secure(app: &App, headers: &HeaderMap) -> bool {
    let proto_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
        || headers
            .get(header::FORWARDED)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("proto=https"));
    let public_https = app
        .runtime
        .load()
        .config
        .server
        .public_host
        .as_deref()
        .is_some_and(|h| h.to_ascii_lowercase().starts_with("https://"));
    proto_https || public_https
}

pub(super) fn session_cookie(token: &str, secure: bool, max_age_secs: u64) -> HeaderValue {
    let s = format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static("monorelay_session=; Max-Age=0"))
}

/// Read a small JSON body; a wrong one is a 400 naming the problem.
async fn json_body<T: serde::de::DeserializeOwned>(req: Request) -> Result<T, ApiError> {
    let bytes = axum::body::to_bytes(req.into_body(), MAX_AUTH_BODY_BYTES)
        .await
        .map_err(|_| api_error(StatusCode::PAYLOAD_TOO_LARGE, "invalid_request", "the body is too large"))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| api_error(StatusCode::BAD_REQUEST, "invalid_request", format!("invalid JSON body: {e}")))
}

fn me_json(users: &Users, name: &str, csrf: Option<&str>) -> serde_json::Value {
    let u = users.get(name);
    json!({
        "user": u.as_ref().map(|u| crate::admin::user_view(u, users.key_count(&u.name))),
        "csrf_token": csrf,
    })
}

#[derive(Deserialize)]
struct Login {
    username: String,
    password: String,
    #[serde(default)]
    turnstile_token: Option<String>,
}

/// With Turnstile on, the request's token must pass the verify endpoint.
async fn turnstile(app: &App, token: Option<&str>, addr: Option<&str>) -> Result<(), ApiError> {
    let Some(cfg) = app.runtime.load().config.auth.turnstile.clone() else { return Ok(()) };
    let unavailable =
        || api_error(StatusCode::SERVICE_UNAVAILABLE, "turnstile_unavailable", "the Turnstile check could not be made");
    let http = app.sso.http().map_err(|_| unavailable())?;
    match crate::auth::turnstile::verify(http, &cfg, token, addr).await {
        Ok(()) => Ok(()),
        Err(crate::auth::turnstile::TurnstileError::Unavailable) => Err(unavailable()),
        Err(_) => Err(api_error(StatusCode::FORBIDDEN, "turnstile_failed", "the Turnstile check failed; try again")),
    }
}

async fn login(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    let users = users(&app)?.clone();
    if app.runtime.load().config.auth.sso_only {
        return Err(api_error(StatusCode::FORBIDDEN, "sso_only", "password sign-in is disabled (sso.sso_only)"));
    }
    let addr = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let secure = secure(&app, req.headers());
    let body: Login = json_body(req).await?;
    if let Some(wait) = users.login_blocked_shared(&body.username, addr.as_deref()).await {
        let mut e = api_error(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!("too many failed sign-ins; try again in {wait}s"),
        );
        e.retry_after = Some(wait);
        return Err(e);
    }
    turnstile(&app, body.turnstile_token.as_deref(), addr.as_deref()).await?;
    let checked = {
        let users = users.clone();
        let (name, pw) = (body.username.clone(), body.password);
        tokio::task::spawn_blocking(move || users.check_password(&name, &pw)).await.map_err(internal)?
    };
    let user = match checked {
        Ok(u) => u,
        Err(crate::auth::KeyRefusal::UserDisabled) => {
            return Err(api_error(StatusCode::FORBIDDEN, "user_disabled", "this account is disabled"));
        }
        Err(_) => {
            users.login_failed_shared(&body.username, addr.as_deref()).await;
            return Err(api_error(StatusCode::UNAUTHORIZED, "invalid_credentials", "wrong username or password"));
        }
    };
    let (token, session) = users.start_session(&user.name).map_err(auth_error)?;
    let mut r = Json(me_json(&users, &user.name, Some(&session.csrf))).into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&token, secure, crate::auth::session::SESSION_TTL_MS / 1000));
    Ok(r)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    api_error(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string())
}

async fn logout(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    let caller = api_caller(&app, req.method(), req.headers())?;
    if let ApiCaller::Session { token, .. } = &caller {
        users(&app)?.end_session(token).map_err(auth_error)?;
    }
    let mut r = StatusCode::NO_CONTENT.into_response();
    r.headers_mut().insert(header::SET_COOKIE, session_cookie("", secure(&app, req.headers()), 0));
    Ok(r)
}

async fn me(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    Ok(match api_caller(&app, req.method(), req.headers())? {
        ApiCaller::AccessKey => {
            Json(json!({"user": null, "role": Role::SuperAdmin, "via": "access_key"})).into_response()
        }
        ApiCaller::Session { user, csrf, .. } => Json(me_json(users(&app)?, &user, Some(&csrf))).into_response(),
    })
}

#[derive(Deserialize)]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

async fn password(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    let ApiCaller::Session { user, token, .. } = api_caller(&app, req.method(), req.headers())? else {
        return Err(api_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "the access key has no password; sign in as a user",
        ));
    };
    let body: PasswordChange = json_body(req).await?;
    let users = users(&app)?.clone();
    tokio::task::spawn_blocking(move || {
        if users.check_password(&user, &body.current_password).is_err() {
            return Err(api_error(StatusCode::FORBIDDEN, "invalid_credentials", "the current password is wrong"));
        }
        users.set_password(&user, &body.new_password).map_err(auth_error)?;
        users.end_other_sessions(&user, Some(&token)).map_err(auth_error)
    })
    .await
    .map_err(internal)??;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn auth_error(e: crate::auth::AuthError) -> ApiError {
    let a = crate::admin::AdminError::from(e);
    let status = StatusCode::from_u16(a.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    api_error(status, a.kind(), a.to_string())
}

async fn setup_status(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    Ok(Json(json!({"needs_setup": users(&app)?.is_empty()})).into_response())
}

#[derive(Deserialize)]
struct Setup {
    username: String,
    password: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    turnstile_token: Option<String>,
}

/// Create the first super-admin: only with the access key, only while there are no users.
async fn setup(State(app): State<Arc<App>>, req: Request) -> Result<Response, ApiError> {
    if !bearer(req.headers()).is_some_and(|t| is_access_key(&app, t)) {
        return Err(api_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "setup needs the access key printed at start (Authorization: Bearer or x-access-key)",
        ));
    }
    let users = users(&app)?.clone();
    let addr = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let body: Setup = json_body(req).await?;
    turnstile(&app, body.turnstile_token.as_deref(), addr.as_deref()).await?;
    if !users.is_empty() {
        return Err(api_error(StatusCode::CONFLICT, "already_set_up", "there are users already"));
    }
    let u = tokio::task::spawn_blocking(move || {
        users.add_first(body.username.trim(), body.email, &body.password).map_err(auth_error)
    })
    .await
    .map_err(internal)??;
    Ok((StatusCode::CREATED, Json(json!({"name": u.name, "role": u.role}))).into_response())
}
