//! CORS for the whole server, off by default. `server.cors_origins` lists the origins a browser
//! may call from: a listed origin is echoed with `Access-Control-Allow-Credentials: true` (so a
//! panel on another origin can use its session cookie); `"*"` (the original's example) allows
//! any origin but never with credentials — Bearer calls only. Preflights (`OPTIONS` with
//! `Access-Control-Request-Method`) from an allowed origin are answered here, before auth.

use crate::server::App;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use std::sync::Arc;

const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS: &str =
    "authorization, content-type, x-api-key, x-access-key, x-csrf-token, anthropic-version, anthropic-beta";
const MAX_AGE_SECS: &str = "600";

/// What the config allows for `origin`: `Some(true)` listed (credentials allowed),
/// `Some(false)` only through `*`, `None` not at all.
fn allowed(origins: &[String], origin: &str) -> Option<bool> {
    if origins.iter().any(|o| o.trim_end_matches('/').eq_ignore_ascii_case(origin)) {
        Some(true)
    } else if origins.iter().any(|o| o == "*") {
        Some(false)
    } else {
        None
    }
}

fn decorate(h: &mut HeaderMap, origin: &HeaderValue, credentials: bool) {
    if credentials {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        h.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
    } else {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    h.append(header::VARY, HeaderValue::from_static("Origin"));
}

pub async fn layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let Some(origin) = req.headers().get(header::ORIGIN).cloned() else { return next.run(req).await };
    let verdict = {
        let rt = app.runtime.load();
        let origins = &rt.config.server.cors_origins;
        if origins.is_empty() { None } else { origin.to_str().ok().and_then(|o| allowed(origins, o)) }
    };
    let Some(credentials) = verdict else { return next.run(req).await };
    let preflight =
        req.method() == Method::OPTIONS && req.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        decorate(h, &origin, credentials);
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(ALLOW_METHODS));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static(ALLOW_HEADERS));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(MAX_AGE_SECS));
        return r;
    }
    let mut r = next.run(req).await;
    decorate(r.headers_mut(), &origin, credentials);
    r
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn listed_origins_get_credentials_and_star_never_does() {
        let o = vec!["https://panel.example.com".to_string()];
        assert_eq!(allowed(&o, "https://panel.example.com"), Some(true));
        assert_eq!(allowed(&o, "https://evil.example.com"), None);
        let star = vec!["*".to_string()];
        assert_eq!(allowed(&star, "https://evil.example.com"), Some(false));
        assert_eq!(allowed(&[], "https://panel.example.com"), None);
    }
}
