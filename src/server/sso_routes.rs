//! The HTTP side of SSO, a same-window redirect flow (no popup, no `postMessage`, no token in a
//! URL): `GET /api/auth/sso/{provider}/login` answers 302 to the IdP and binds the sign-in's
//! `state` to the browser with a short-lived HttpOnly cookie; the IdP sends the browser back to
//! `GET /api/auth/sso/{provider}/callback`, which checks the state (single use, same browser),
//! lets `auth::sso` exchange the code and find or make the user, sets the session cookie and
//! answers 302 to the panel (`/`). Any failure is a 302 to `/login?error=<code>` with one of
//! `auth::sso::SsoError`'s fixed codes: nothing from the query or the IdP is reflected.
//! `GET /api/auth/providers` (public) lists the sign-in buttons for the panel.

use super::App;
use super::auth_routes::{cookie, secure, session_cookie};
use crate::auth::sso::SsoError;
use axum::Json;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde_json::json;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// The cookie binding a pending sign-in's `state` to the browser that started it.
pub const STATE_COOKIE: &str = "monorelay_sso";
const STATE_COOKIE_PATH: &str = "/api/auth/sso";
/// Longest authorization code or invite code read from a query.
const MAX_CODE_CHARS: usize = 2048;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/auth/providers", get(providers))
        .route("/api/auth/sso/{provider}/login", get(login))
        .route("/api/auth/sso/{provider}/callback", get(callback))
}

/// The public sign-in options: SSO buttons, whether password sign-in is on, Turnstile's site key.
async fn providers(State(app): State<Arc<App>>) -> Response {
    let rt = app.runtime.load();
    let a = &rt.config.auth;
    let list: Vec<_> = a
        .sso
        .iter()
        .map(|p| json!({"name": p.name, "label": p.label, "login_url": format!("/api/auth/sso/{}/login", p.name)}))
        .collect();
    Json(json!({
        "providers": list,
        "password_login": !a.sso_only,
        "registration": a.registration.as_str(),
        "turnstile_site_key": a.turnstile.as_ref().map(|t| t.site_key.clone()),
    }))
    .into_response()
}

fn state_cookie(value: &str, secure: bool, max_age_secs: u64) -> HeaderValue {
    let s = format!(
        "{STATE_COOKIE}={value}; HttpOnly; SameSite=Lax; Path={STATE_COOKIE_PATH}; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static("monorelay_sso=; Max-Age=0"))
}

fn redirect(location: &str) -> Response {
    let mut r = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The failure answer: back to the panel's sign-in page with a fixed code; the state cookie goes.
fn fail(e: SsoError, secure: bool) -> Response {
    let mut r = redirect(&format!("/login?error={}", e.code()));
    r.headers_mut().append(header::SET_COOKIE, state_cookie("", secure, 0));
    r
}

/// The query's parameters (last one wins), percent-decoded.
fn query(req: &Request) -> std::collections::HashMap<String, String> {
    let q = req.uri().query().unwrap_or_default();
    oauth2::url::form_urlencoded::parse(q.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// Where the IdP sends the browser back: on `server.public_host` when set, else on the Host the
/// browser used (the URL must be registered at the IdP, which refuses any other).
fn callback_url(app: &App, headers: &HeaderMap, provider: &str) -> Option<String> {
    let https = secure(app, headers);
    let scheme = if https { "https" } else { "http" };
    let host_ok = |h: &str| {
        !h.is_empty()
            && h.len() <= 255
            && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    };
    let base = match app.runtime.load().config.server.public_host.as_deref() {
        Some(h) if h.starts_with("http://") || h.starts_with("https://") => h.trim_end_matches('/').to_string(),
        Some(h) if host_ok(h.trim_end_matches('/')) => format!("{scheme}://{}", h.trim_end_matches('/')),
        Some(_) => return None,
        None => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).filter(|h| host_ok(h))?;
            format!("{scheme}://{host}")
        }
    };
    Some(format!("{base}/api/auth/sso/{provider}/callback"))
}

async fn login(State(app): State<Arc<App>>, Path(provider): Path<String>, req: Request) -> Response {
    let secure = secure(&app, req.headers());
    let rt = app.runtime.load_full();
    let Some(p) = rt.config.auth.sso_provider(&provider) else { return fail(SsoError::UnknownProvider, secure) };
    if app.users.get().is_none() {
        return fail(SsoError::Unavailable, secure);
    }
    let invite = query(&req).remove("invite").filter(|c| {
        !c.is_empty() && c.len() <= MAX_CODE_CHARS && c.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let Some(callback) = callback_url(&app, req.headers(), &p.name) else {
        tracing::warn!("sso: no usable callback URL (check server.public_host or the Host header)");
        return fail(SsoError::Unavailable, secure);
    };
    match app.sso.begin(p, &callback, invite).await {
        Ok(to) => {
            let mut r = redirect(&to.url);
            let ttl_secs = crate::auth::sso::STATE_TTL_MS / 1000;
            r.headers_mut().append(header::SET_COOKIE, state_cookie(&to.state, secure, ttl_secs));
            r
        }
        Err(e) => fail(e, secure),
    }
}

async fn callback(State(app): State<Arc<App>>, Path(provider): Path<String>, req: Request) -> Response {
    let secure = secure(&app, req.headers());
    let bound = cookie(req.headers(), STATE_COOKIE).unwrap_or_default();
    match finish(&app, &provider, query(&req), &bound).await {
        Ok((token, _)) => {
            let mut r = redirect("/");
            let ttl = crate::auth::session::SESSION_TTL_MS / 1000;
            r.headers_mut().append(header::SET_COOKIE, session_cookie(&token, secure, ttl));
            r.headers_mut().append(header::SET_COOKIE, state_cookie("", secure, 0));
            r
        }
        Err(e) => {
            tracing::info!(provider = %provider.escape_debug(), "sso: sign-in failed: {}", e.code());
            fail(e, secure)
        }
    }
}

/// The callback's work (`bound`: the browser's state cookie): the new session's token and the
/// signed-in user's name.
async fn finish(
    app: &App,
    provider: &str,
    q: std::collections::HashMap<String, String>,
    bound: &str,
) -> Result<(String, String), SsoError> {
    let state = q.get("state").map(String::as_str).unwrap_or_default();
    if state.is_empty() || state.len() > MAX_CODE_CHARS {
        return Err(SsoError::State);
    }
    // Taken first, so a state is spent even when the rest fails.
    let pending = app.sso.take(provider, state).await?;
    if !bool::from(bound.as_bytes().ct_eq(state.as_bytes())) {
        return Err(SsoError::State);
    }
    if q.contains_key("error") {
        return Err(SsoError::Denied);
    }
    let code = q.get("code").map(String::as_str).unwrap_or_default();
    if code.is_empty() || code.len() > MAX_CODE_CHARS {
        return Err(SsoError::Exchange);
    }
    let rt = app.runtime.load_full();
    let p = rt.config.auth.sso_provider(provider).ok_or(SsoError::UnknownProvider)?;
    let users = app.users.get().ok_or(SsoError::Unavailable)?.clone();
    let identity = app.sso.finish(p, &pending, code).await?;
    let rules = rt.config.auth.clone();
    tokio::task::spawn_blocking(move || {
        let user = users.sso_sign_in(&identity, &rules, pending.invite.as_deref())?;
        let (token, _) = users.start_session(&user.name).map_err(|e| {
            tracing::warn!("sso: cannot start a session: {e}");
            SsoError::Internal
        })?;
        Ok((token, user.name))
    })
    .await
    .map_err(|_| SsoError::Internal)?
}
