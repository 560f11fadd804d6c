//! The admin REST API (`/api/*`): the HTTP transport over `admin::Service`, beside the control
//! socket. This module owns what every route shares — the one error shape
//! `{"error": {"type", "message", "path"?}}` (from `AdminError` and its `http_status`), the one
//! paging shape `{"items": [...], "next_cursor": ...}` with cursors this server signs, the
//! `Caller` extractor (session cookie + CSRF header on unsafe methods, or a Bearer credential:
//! the access key as super-admin, or a user's relay key with that user's role), strict JSON body
//! and query extractors that name the field at fault — and the router. Each area is one file;
//! handlers only check the caller's role, call the service and shape the answer. `/openapi.json`
//! and `/docs` are in `openapi`; CORS in `cors`.

pub mod cors;
mod events;
mod keys;
mod logs;
pub mod openapi;
mod providers;
mod settings;
mod status;
mod sync;
mod users;

use super::App;
use super::auth_routes::{self, ApiCaller};
use crate::admin::{AdminError, Service};
use crate::auth::Role;
use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{HeaderValue, StatusCode, header};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// Largest JSON body an `/api` route reads (a whole config file, a key import).
pub const MAX_API_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Page size when the caller names none, and the most one page may hold.
pub const DEFAULT_PAGE: usize = 50;
pub const MAX_PAGE: usize = 1000;

/// Whether `path` is served by this module (it authenticates itself, so the relay's auth
/// middleware lets it through).
pub fn is_api_route(path: &str) -> bool {
    path.starts_with("/api/") || path == "/api" || path == "/openapi.json" || path == "/docs"
}

/// Every `/api` route (the auth and setup routes are `auth_routes`'), `/openapi.json` and `/docs`.
pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .merge(status::routes())
        .merge(providers::routes())
        .merge(keys::routes())
        .merge(logs::routes())
        .merge(users::routes())
        .merge(settings::routes())
        .merge(sync::routes())
        .merge(events::routes())
        .merge(openapi::routes())
        .route("/api", axum::routing::any(no_route))
        .route("/api/{*rest}", axum::routing::any(no_route))
        .method_not_allowed_fallback(wrong_method)
}

async fn no_route(req: Request) -> ApiError {
    ApiError::from(AdminError::not_found(format!("no route for {} '{}'", req.method(), req.uri().path())))
}

async fn wrong_method(req: Request) -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        kind: "method_not_allowed".into(),
        message: format!("'{}' does not take {}", req.uri().path(), req.method()),
        path: None,
        retry_after: None,
    }
}

/// The one `/api` error: `{"error": {"type", "message", "path"?}}` with its status.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: String,
    pub message: String,
    pub path: Option<String>,
    /// Seconds, for `Retry-After`.
    pub retry_after: Option<u64>,
}

/// The error body, as documented in `/openapi.json`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a short type (`invalid`, `not_found`, `conflict`, `forbidden`,
/// `unauthorized`, `csrf`, `unavailable`, `internal`, …), a message, and for `invalid` the
/// field or key path at fault.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &str, message: impl Into<String>) -> ApiError {
        ApiError { status, kind: kind.to_string(), message: message.into(), path: None, retry_after: None }
    }
    pub fn invalid(path: &str, message: impl Into<String>) -> ApiError {
        ApiError::from(AdminError::invalid(Some(path), message))
    }
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::from(AdminError::forbidden(message))
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::from(AdminError::not_found(message))
    }
}

impl From<AdminError> for ApiError {
    fn from(e: AdminError) -> ApiError {
        let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let (message, path) = match &e {
            AdminError::Invalid { path, message } => (message.clone(), path.clone()),
            other => (other.to_string(), None),
        };
        ApiError { status, kind: e.kind().to_string(), message, path, retry_after: None }
    }
}

impl From<auth_routes::ApiError> for ApiError {
    fn from(e: auth_routes::ApiError) -> ApiError {
        ApiError { status: e.status, kind: e.code, message: e.message, path: None, retry_after: e.retry_after }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { kind: self.kind, message: self.message, path: self.path } };
        let mut r = (self.status, Json(body)).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(s.max(1)));
        }
        r
    }
}

pub type ApiResult<T> = Result<Json<T>, ApiError>;

/// `Ok(Json(v))` from a service answer.
pub fn answer<T>(r: Result<T, AdminError>) -> ApiResult<T> {
    r.map(Json).map_err(ApiError::from)
}

// ---- callers and roles ----

/// How the caller authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    AccessKey,
    RelayKey,
    Session,
}

/// Who is calling `/api`, and with which role.
#[derive(Debug, Clone)]
pub struct Caller {
    pub role: Role,
    /// `None` for the access key.
    pub user: Option<String>,
    pub via: Via,
}

impl Caller {
    /// Forbidden unless the caller's role is at least `role`.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.role >= role {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "this needs the {} role; you are signed in as {}",
                role.as_str(),
                self.role.as_str()
            )))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role >= Role::Admin
    }

    /// Admins may act on anyone; a plain user only on themself.
    pub fn require_self_or_admin(&self, user: &str) -> Result<(), ApiError> {
        if self.is_admin() || self.user.as_deref() == Some(user) {
            Ok(())
        } else {
            Err(ApiError::forbidden("a user may only see and change their own account, keys and records"))
        }
    }

    /// The user a plain caller is held to (`None`: an admin, who sees everyone).
    pub fn scope(&self) -> Option<&str> {
        if self.is_admin() { None } else { self.user.as_deref() }
    }
}

fn is_access_key(app: &App, token: &str) -> bool {
    let rt = app.runtime.load();
    let key = if rt.config.server.access_key_enabled { rt.access_key.as_ref() } else { None };
    key.is_some_and(|k| bool::from(k.expose().as_bytes().ct_eq(token.as_bytes())))
}

/// Authenticate a request: a Bearer credential (`Authorization`, `x-api-key`, `x-access-key`)
/// is the access key or a relay key; without one, the session cookie (and on unsafe methods its
/// CSRF header). Any failure is a 401 (or the CSRF 403) in the one shape.
pub fn authenticate(app: &App, parts: &Parts) -> Result<Caller, ApiError> {
    if let Some(token) = super::credential(&parts.headers) {
        if is_access_key(app, token) {
            return Ok(Caller { role: Role::SuperAdmin, user: None, via: Via::AccessKey });
        }
        let found = match app.users.get() {
            Some(users) => users.authenticate_key(token),
            None => Err(crate::auth::KeyRefusal::Unknown),
        };
        return match found {
            Ok(p) => Ok(Caller { role: p.role, user: Some(p.user), via: Via::RelayKey }),
            Err(why) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", why.message())),
        };
    }
    match auth_routes::api_caller(app, &parts.method, &parts.headers)? {
        ApiCaller::AccessKey => Ok(Caller { role: Role::SuperAdmin, user: None, via: Via::AccessKey }),
        ApiCaller::Session { user, role, .. } => Ok(Caller { role, user: Some(user), via: Via::Session }),
    }
}

impl FromRequestParts<Arc<App>> for Caller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Caller, ApiError> {
        authenticate(app, parts)
    }
}

/// A body field that repeats a path segment (the provider of an import, the user of a new
/// key): empty takes the path's, anything else must match it.
pub fn same_as_path(field: &str, given: &str, path: String) -> Result<String, ApiError> {
    if given.is_empty() || given == path {
        Ok(path)
    } else {
        Err(ApiError::invalid(field, format!("'{given}' does not match the path's '{path}'")))
    }
}

/// The service over this server.
pub fn service(app: &Arc<App>) -> Service {
    let dir = app.data_dir.get().cloned().unwrap_or_default();
    Service::online(app.clone(), dir)
}

// ---- bodies and queries ----

/// A JSON body, strictly read: a wrong one is a 400 `invalid` whose `path` names the field
/// (`body.keys[0].key`). An empty body reads as `{}`.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, _: &S) -> Result<Body<T>, ApiError> {
        let bytes = axum::body::to_bytes(req.into_body(), MAX_API_BODY_BYTES).await.map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("the body is larger than {MAX_API_BODY_BYTES} bytes"),
            )
        })?;
        let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) { b"{}" } else { &bytes };
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let v = strict("body", &mut de)?;
        de.end().map_err(|e| ApiError::invalid("body", e.to_string()))?;
        Ok(Body(v))
    }
}

/// Deserialize strictly: a wrong value is `invalid` at its path under `root`, and so is any
/// field the type does not know (whatever its serde attributes say).
fn strict<'de, T: DeserializeOwned, D: serde::Deserializer<'de>>(root: &str, de: D) -> Result<T, ApiError>
where
    D::Error: std::fmt::Display,
{
    let at = |p: String| if p == "." || p.is_empty() { root.to_string() } else { format!("{root}.{p}") };
    let mut unknown = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let r: Result<T, _> = serde_ignored::deserialize(serde_path_to_error::Deserializer::new(de, &mut track), |p| {
        unknown.push(p.to_string())
    });
    match r {
        Err(e) => Err(ApiError::invalid(&at(track.path().to_string()), e.to_string())),
        Ok(_) if !unknown.is_empty() => Err(ApiError::invalid(&at(unknown[0].clone()), "unknown field")),
        Ok(v) => Ok(v),
    }
}

/// Query parameters, strictly read: unknown ones and wrong types are a 400 naming the parameter.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Query<T>, ApiError> {
        let q = parts.uri.query().unwrap_or("");
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(q.as_bytes()));
        strict("query", de).map(Query)
    }
}

/// Path parameters: a segment that does not decode (bad percent-encoding, not UTF-8) is a 400 in
/// the one error shape, not axum's plain-text rejection.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Path<T>, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Path(v)),
            Err(e) => Err(ApiError::invalid("path", e.body_text())),
        }
    }
}

// ---- paging ----

/// One page of a list. `next_cursor` (when not null) fetches the next page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// What a cursor continues: a position in a list, or a record id in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorKind {
    Offset = 1,
    LogId = 2,
}

fn cursor_salt() -> &'static [u8; 16] {
    static SALT: std::sync::OnceLock<[u8; 16]> = std::sync::OnceLock::new();
    SALT.get_or_init(|| {
        let mut s = [0u8; 16];
        let _ = getrandom::fill(&mut s);
        s
    })
}

fn cursor_tag(kind: CursorKind, value: u64) -> [u8; 8] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(cursor_salt());
    h.update([kind as u8]);
    h.update(value.to_be_bytes());
    let d = h.finalize();
    let mut tag = [0u8; 8];
    tag.copy_from_slice(&d[..8]);
    tag
}

/// An opaque cursor for `value`, signed so that one this server did not issue is refused.
pub fn cursor(kind: CursorKind, value: u64) -> String {
    use base64::Engine;
    let mut raw = vec![kind as u8];
    raw.extend_from_slice(&value.to_be_bytes());
    raw.extend_from_slice(&cursor_tag(kind, value));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

/// The value of a cursor this server issued for `kind`; anything else is a 400 on `query.cursor`.
pub fn read_cursor(kind: CursorKind, c: &str) -> Result<u64, ApiError> {
    use base64::Engine;
    let bad = || ApiError::invalid("query.cursor", "not a cursor this server issued (take next_cursor from a page)");
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(c.trim()).map_err(|_| bad())?;
    if raw.len() != 17 || raw[0] != kind as u8 {
        return Err(bad());
    }
    let mut v = [0u8; 8];
    v.copy_from_slice(&raw[1..9]);
    let value = u64::from_be_bytes(v);
    if !bool::from(raw[9..].ct_eq(&cursor_tag(kind, value))) {
        return Err(bad());
    }
    Ok(value)
}

/// Page size from a query's `limit`: 1..=MAX_PAGE, default DEFAULT_PAGE.
pub fn page_size(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::invalid("query.limit", format!("must be 1 to {MAX_PAGE}, not {n}"))),
    }
}

/// Paging over a list held in memory.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1 to 1000 (default 50).
    pub limit: Option<usize>,
}

/// One page of `items` from `q`'s cursor.
pub fn paginate<T>(items: Vec<T>, q: &PageQuery) -> Result<Page<T>, ApiError> {
    let size = page_size(q.limit)?;
    let start = match &q.cursor {
        Some(c) => usize::try_from(read_cursor(CursorKind::Offset, c)?).unwrap_or(usize::MAX),
        None => 0,
    };
    let total = items.len();
    let items: Vec<T> = items.into_iter().skip(start).take(size).collect();
    let end = start.saturating_add(items.len());
    let next_cursor = (end < total).then(|| cursor(CursorKind::Offset, end as u64));
    Ok(Page { items, next_cursor })
}
