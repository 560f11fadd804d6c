//! The embedded admin panel over real HTTP: the shell at `/` and the panel's routes, hashed assets
//! cached immutable with ETags, the security headers, and the server's own paths never answered
//! with the shell.

use crate::common::{Relay, api_config, client};
use http::StatusCode;

fn is_html(r: &reqwest::Response) -> bool {
    r.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

fn header<'a>(r: &'a reqwest::Response, name: &str) -> &'a str {
    r.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

fn assert_secure(r: &reqwest::Response) {
    let csp = header(r, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(header(r, "x-frame-options"), "DENY");
    assert_eq!(header(r, "x-content-type-options"), "nosniff");
}

async fn relay() -> Relay {
    Relay::start(&api_config("http://127.0.0.1:9", &["sk-up"], "")).await
}

#[tokio::test]
async fn the_shell_answers_at_root_and_on_the_panel_s_routes_without_credentials() {
    let relay = relay().await;
    let root = client().get(relay.url("/")).send().await.unwrap();
    assert_eq!(root.status(), StatusCode::OK);
    assert!(is_html(&root));
    assert_eq!(header(&root, "cache-control"), "no-cache");
    assert_secure(&root);
    let etag = header(&root, "etag").to_string();
    assert!(etag.starts_with('"'), "{etag}");
    let shell = root.text().await.unwrap();
    assert!(shell.contains("<div id=\"app\"></div>"), "{shell}");
    for path in ["/login", "/dashboard", "/logs", "/logs/0a1b2c", "/providers", "/config", "/users/alice"] {
        let r = client().get(relay.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(is_html(&r), "{path}");
        assert_eq!(r.text().await.unwrap(), shell, "{path}");
    }
    // Revalidation: the same ETag is a 304 with no body.
    let again = client().get(relay.url("/dashboard")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    // HEAD answers the headers alone.
    let head = client().head(relay.url("/")).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert!(is_html(&head));
}

#[tokio::test]
async fn hashed_assets_are_immutable_with_their_content_type() {
    let relay = relay().await;
    let shell = client().get(relay.url("/")).send().await.unwrap().text().await.unwrap();
    let assets: Vec<&str> =
        shell.split('"').filter(|s| s.starts_with("/assets/") && (s.ends_with(".js") || s.ends_with(".css"))).collect();
    assert!(assets.iter().any(|a| a.ends_with(".js")), "{shell}");
    assert!(assets.iter().any(|a| a.ends_with(".css")), "{shell}");
    for a in assets {
        let r = client().get(relay.url(a)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{a}");
        let want = if a.ends_with(".js") { "text/javascript; charset=utf-8" } else { "text/css; charset=utf-8" };
        assert_eq!(header(&r, "content-type"), want, "{a}");
        assert_eq!(header(&r, "cache-control"), "public, max-age=31536000, immutable", "{a}");
        assert_secure(&r);
        let tag = header(&r, "etag").to_string();
        assert!(!r.bytes().await.unwrap().is_empty());
        let cached = client().get(relay.url(a)).header("if-none-match", tag).send().await.unwrap();
        assert_eq!(cached.status(), StatusCode::NOT_MODIFIED, "{a}");
    }
    let icon = client().get(relay.url("/favicon.svg")).send().await.unwrap();
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(header(&icon, "content-type"), "image/svg+xml");
    assert_eq!(header(&icon, "cache-control"), "no-cache");
    // An asset that does not exist is a 404, never the shell.
    let missing = client().get(relay.url("/assets/nope-12345678.js")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(!is_html(&missing));
}

#[tokio::test]
async fn the_server_s_own_paths_never_get_the_shell() {
    let relay = relay().await;
    let shell = client().get(relay.url("/")).send().await.unwrap().text().await.unwrap();
    for path in [
        "/v1",
        "/v1/models",
        "/v1/nothing",
        "/api",
        "/api/nothing",
        "/health",
        "/metrics",
        "/docs",
        "/openapi.json",
        "/models",
        "/chat/completions",
        "/logsx",
        "/nothing",
    ] {
        let r = client().get(relay.url(path)).send().await.unwrap();
        // `/docs` is the API's own (HTML) reference: it must not be the panel's shell.
        if path != "/docs" {
            assert!(!is_html(&r), "{path} answered HTML");
        }
        assert_ne!(r.text().await.unwrap(), shell, "{path} answered the shell");
    }
    // The relay still authenticates what it serves.
    let models = client().get(relay.url("/v1/models")).send().await.unwrap();
    assert_eq!(models.status(), StatusCode::UNAUTHORIZED);
}
