//! The embedded admin panel: the Vue app built into `web-dist/` (committed; `web/` is its
//! source), compiled into the binary by rust-embed behind the cargo feature `web` (on by default),
//! so building the binary never needs Node. Served at `/`:
//!
//! - `/` and the panel's own client-side routes (`SPA_ROUTES` and anything below them) answer
//!   `index.html` (`Cache-Control: no-cache`, with an ETag); the SPA's router takes it from there.
//!   The list is explicit, so `/v1`, `/api`, `/health`, `/metrics`, `/docs`, `/openapi.json` and
//!   the relay's unversioned paths (`/models`, `/chat/completions`, …) are never answered with the
//!   shell.
//! - `/assets/*` are Vite's content-hashed files: `Cache-Control: immutable` for a year.
//! - other files at the root of `web-dist` (the favicon) are revalidated (`no-cache` + ETag).
//!
//! These routes are public (merged outside the auth middleware): the shell and its assets hold no
//! data; everything the panel shows comes from `/api`, which authenticates every call. Every
//! answer carries a strict Content-Security-Policy (scripts only from this origin, no framing),
//! `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff` and `Referrer-Policy`.

use super::App;
use std::sync::Arc;

/// The panel's client-side routes (history mode). Keep in step with `web/src/router.ts`.
pub const SPA_ROUTES: &[&str] = &[
    "/login",
    "/dashboard",
    "/providers",
    "/keys",
    "/routing",
    "/logs",
    "/analytics",
    "/users",
    "/account",
    "/settings",
    "/config",
    "/sync",
];

/// Scripts and styles only from this origin (Naive UI injects its component styles, hence inline
/// styles), images also as `data:` (QR codes, pasted images in logged conversations), no
/// framing, no plugins, no `<base>`, forms only to this origin, fetches and SSE only to `/api`'s
/// origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// The panel's routes; empty without the `web` feature.
pub fn routes() -> axum::Router<Arc<App>> {
    imp::routes()
}

/// The Content-Type for an embedded file, from its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("txt") => "text/plain; charset=utf-8",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(feature = "web")]
mod imp {
    use super::{App, CONTENT_SECURITY_POLICY, content_type};
    use axum::body::Body;
    use axum::extract::Request;
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use http::{HeaderMap, HeaderValue, StatusCode, header};
    use std::fmt::Write as _;
    use std::sync::Arc;

    /// How long browsers keep a hashed asset (a year; its name changes when its content does).
    const IMMUTABLE_MAX_AGE_SECS: u64 = 365 * 24 * 3600;

    #[derive(rust_embed::RustEmbed)]
    #[folder = "web-dist/"]
    struct Dist;

    pub fn routes() -> axum::Router<Arc<App>> {
        let mut r = axum::Router::new()
            .route("/", get(shell))
            .route("/index.html", get(shell))
            .route("/assets/{*file}", get(asset));
        for path in super::SPA_ROUTES {
            r = r.route(path, get(shell)).route(&format!("{path}/{{*rest}}"), get(shell));
        }
        for file in Dist::iter().filter(|f| !f.contains('/') && f != "index.html") {
            r = r.route(&format!("/{file}"), get(asset));
        }
        r
    }

    fn etag(hash: [u8; 32]) -> String {
        let mut s = String::with_capacity(34);
        s.push('"');
        for b in &hash[..12] {
            let _ = write!(s, "{b:02x}");
        }
        s.push('"');
        s
    }

    fn secure_headers(h: &mut HeaderMap) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }

    fn file(name: &str, cache: HeaderValue, req: &HeaderMap) -> Response {
        let Some(f) = Dist::get(name) else {
            let mut r = (StatusCode::NOT_FOUND, "not found\n").into_response();
            secure_headers(r.headers_mut());
            return r;
        };
        let tag = etag(f.metadata.sha256_hash());
        let fresh = req
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
        let mut r = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut r = Response::new(Body::from(f.data.into_owned()));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(name)));
            r
        };
        let h = r.headers_mut();
        h.insert(header::CACHE_CONTROL, cache);
        if let Ok(v) = HeaderValue::from_str(&tag) {
            h.insert(header::ETAG, v);
        }
        secure_headers(h);
        r
    }

    async fn shell(req: Request) -> Response {
        file("index.html", HeaderValue::from_static("no-cache"), req.headers())
    }

    async fn asset(req: Request) -> Response {
        let name = req.uri().path().trim_start_matches('/').to_string();
        let cache = if name.starts_with("assets/") {
            HeaderValue::from_str(&format!("public, max-age={IMMUTABLE_MAX_AGE_SECS}, immutable"))
                .unwrap_or(HeaderValue::from_static("no-cache"))
        } else {
            HeaderValue::from_static("no-cache")
        };
        file(&name, cache, req.headers())
    }
}

#[cfg(not(feature = "web"))]
mod imp {
    use super::App;
    use std::sync::Arc;

    pub fn routes() -> axum::Router<Arc<App>> {
        axum::Router::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("assets/index-abc.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("assets/index-abc.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("blob"), "application/octet-stream");
    }
}
