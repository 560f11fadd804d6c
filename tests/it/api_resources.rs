//! `/api` providers, upstream keys, export, stats and the dashboard, `/openapi.json`, `/docs`
//! and CORS, over HTTP: listed masked with live state, added, imported, edited, tested,
//! removed — admin only — and exported for clients with a relay key, never an upstream one.

use crate::api_fixture::*;
use crate::common::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_and_upstream_keys() {
    let api = Api::start("").await;
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        expect_error(&api.call("GET", "/api/providers", &who, None).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/keys", &who, None).await, 403, "forbidden");
        let e = api.call("POST", "/api/providers/up/keys", &who, Some(json!({"key": "sk-x"}))).await;
        expect_error(&e, 403, "forbidden");
    }
    for who in [api.ada.session.clone(), api.ada.key.clone(), access()] {
        let (s, page) = api.call("GET", "/api/providers", &who, None).await;
        assert_eq!(s, 200, "{page}");
        no_secret(&page);
        let p = &page["items"][0];
        assert_eq!((p["name"].as_str(), p["keys"].as_array().map(Vec::len)), (Some("up"), Some(2)), "{page}");
        assert_eq!(p["keys"][0]["status"]["state"], "available", "{page}");
    }
    let (s, one) = api.call("GET", "/api/providers/up", &api.ada.key, None).await;
    assert_eq!((s, one["name"].as_str()), (200, Some("up")));
    expect_error(&api.call("GET", "/api/providers/nope", &api.ada.key, None).await, 404, "not_found");
    // A path segment that does not decode is a 400 in the one error shape, naming the path.
    let p = expect_error(&api.call("GET", "/api/providers/%FF%FE", &api.ada.key, None).await, 400, "invalid");
    assert_eq!(p.as_deref(), Some("path"));

    // Add, refuse a duplicate, import three formats.
    let admin = api.ada.session.clone();
    let (s, v) =
        api.call("POST", "/api/providers/up/keys", &admin, Some(json!({"key": "sk-new-3", "label": "k3"}))).await;
    assert_eq!((s, v["labels"][0].as_str(), v["applied"].as_bool()), (201, Some("k3"), Some(true)), "{v}");
    no_secret(&v);
    let e = api.call("POST", "/api/providers/up/keys", &admin, Some(json!({"key": "sk-new-3"}))).await;
    expect_error(&e, 409, "conflict");
    let e = api.call("POST", "/api/providers/up/keys", &admin, Some(json!({"kye": "sk-x"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.kye"));
    let e = api.call("POST", "/api/providers/up/keys", &admin, Some(json!({"key": "sk-x", "weight": "heavy"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.weight"));
    for (format, content) in [
        ("raw", "# pasted\nraw1=sk-raw-1\nsk-raw-2\n"),
        ("csv", "key,label\nsk-csv-1,csv1\n"),
        ("json", r#"[{"api_key": "sk-json-1", "name": "json1"}]"#),
    ] {
        let (s, v) = api
            .call("POST", "/api/providers/up/keys/import", &admin, Some(json!({"format": format, "content": content})))
            .await;
        assert_eq!(s, 201, "{format}: {v}");
    }
    let e = api
        .call("POST", "/api/providers/up/keys/import", &admin, Some(json!({"format": "json", "content": "{"})))
        .await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("content"));
    let e =
        api.call("POST", "/api/providers/up/keys/import", &admin, Some(json!({"format": "xml", "content": "x"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.format"));
    let (_, keys) = api.call("GET", "/api/keys?provider=up&limit=1000", &admin, None).await;
    let labels: Vec<&str> = keys["items"].as_array().unwrap().iter().filter_map(|k| k["label"].as_str()).collect();
    assert_eq!(labels, ["k1", "k2", "k3", "raw1", "key-5", "csv1", "json1"], "{keys}");
    let file = std::fs::read_to_string(&api.config_path).unwrap();
    assert!(file.starts_with("# the test config\n") && file.contains("sk-json-1"), "{file}");
    no_secret(&keys);

    // Edit (runtime override), disable, enable, reset, remove; missing keys are 404s.
    let (s, v) = api.call("PATCH", "/api/providers/up/keys/k2", &admin, Some(json!({"weight": 3.5}))).await;
    assert_eq!((s, v["count"].as_u64()), (200, Some(1)), "{v}");
    let e = api.call("PATCH", "/api/providers/up/keys/k2", &admin, Some(json!({"weight": -1}))).await;
    expect_error(&e, 400, "invalid");
    let (s, _) = api.call("POST", "/api/providers/up/keys/k2/disable", &admin, None).await;
    assert_eq!(s, 200);
    let (_, p) = api.call("GET", "/api/providers/up", &admin, None).await;
    assert_eq!(p["keys"][1]["enabled"], false, "{p}");
    let (s, _) = api.call("POST", "/api/providers/up/keys/k2/enable", &admin, None).await;
    assert_eq!(s, 200);
    let (s, v) = api.call("POST", "/api/providers/up/keys/k2/reset", &admin, None).await;
    assert_eq!((s, v["count"].as_u64()), (200, Some(1)));
    let (s, _) = api.call("DELETE", "/api/providers/up/keys/json1", &admin, None).await;
    assert_eq!(s, 200);
    for (m, path) in [
        ("DELETE", "/api/providers/up/keys/json1"),
        ("POST", "/api/providers/up/keys/nokey/reset"),
        ("POST", "/api/providers/nope/keys/k1/enable"),
        ("PATCH", "/api/providers/up/keys/nokey"),
    ] {
        let body = (m == "PATCH").then(|| json!({"enabled": false}));
        expect_error(&api.call(m, path, &admin, body).await, 404, "not_found");
    }

    // Test one key against the upstream; the batch check tests every enabled key.
    api.upstream.push(Reply::json(200, completion("pong")));
    let (s, rows) = api.call("POST", "/api/providers/up/test", &admin, Some(json!({"key": "k1", "model": "m"}))).await;
    assert_eq!(s, 200, "{rows}");
    assert_eq!(
        (rows[0]["key"].as_str(), rows[0]["ok"].as_bool(), rows[0]["status"].as_u64()),
        (Some("k1"), Some(true), Some(200)),
        "{rows}"
    );
    let e = api.call("POST", "/api/providers/up/test", &admin, Some(json!({"key": "nokey", "model": "m"}))).await;
    expect_error(&e, 404, "not_found");
    for _ in 0..6 {
        api.upstream.push(Reply::json(401, json!({"error": {"message": "bad key", "type": "auth"}})));
    }
    let (s, rows) = api.call("POST", "/api/providers/test", &admin, Some(json!({"names": ["up"], "model": "m"}))).await;
    assert_eq!(s, 200, "{rows}");
    assert!(rows.as_array().unwrap().len() >= 5 && rows.as_array().unwrap().iter().all(|r| r["ok"] == false), "{rows}");
    no_secret(&rows);
    let e = api.call("POST", "/api/providers/test", &admin, Some(json!({"names": "up"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.names"));
    api.upstream.push(Reply::json(200, json!({"object": "list", "data": [{"id": "b-model"}, {"id": "a-model"}]})));
    let (s, models) = api.call("GET", "/api/providers/up/models", &admin, None).await;
    assert_eq!((s, models["models"].clone()), (200, json!(["a-model", "b-model"])), "{models}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_pairs_the_relay_url_with_a_relay_key() {
    let api = Api::start("").await;
    let As::Bearer(bob_key) = api.bob.key.clone() else { unreachable!() };
    let As::Bearer(ada_key) = api.ada.key.clone() else { unreachable!() };
    let base = format!("http://{}", api.relay.addr);
    let formats =
        ["openai-env", "anthropic-env", "claude-code", "claude-code-router", "cherry-studio", "vercel-ai-sdk", "curl"];
    for f in formats {
        let (s, v) = api
            .call("POST", "/api/export", &api.bob.session, Some(json!({"format": f, "key": bob_key, "model": "fast"})))
            .await;
        assert_eq!(s, 200, "{f}: {v}");
        let text = v["text"].as_str().unwrap();
        assert!(text.contains(&bob_key) && text.contains(&base), "{f}: {text}");
        no_secret(&v);
        assert_eq!(v["key_owner"], "bob");
    }
    let (_, v) = api.call("POST", "/api/export", &api.bob.key, Some(json!({"format": "cherry-studio"}))).await;
    assert!(v["link"].as_str().unwrap().starts_with("cherrystudio://providers/api-keys?v=1&data="), "{v}");
    assert!(v["text"].as_str().unwrap().contains("<your relay key>"), "{v}");
    let (_, v) = api.call("POST", "/api/export", &access(), Some(json!({"format": "openai-env", "key": KEY}))).await;
    assert!(v["text"].as_str().unwrap().contains(&format!("OPENAI_BASE_URL={base}/v1\n")), "{v}");
    // An upstream key is not a relay key; a user may not export with another's key.
    let e = api.call("POST", "/api/export", &access(), Some(json!({"format": "curl", "key": UPSTREAM_KEYS[0]}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("key"));
    expect_error(
        &api.call("POST", "/api/export", &api.bob.key, Some(json!({"format": "curl", "key": ada_key}))).await,
        403,
        "forbidden",
    );
    let e = api.call("POST", "/api/export", &api.bob.key, Some(json!({"format": "excel"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.format"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_dashboard_and_analytics() {
    let api = Api::start("").await;
    api.chat_as(&api.bob.key, "one").await;
    api.chat_as(&access(), "two").await;
    api.relay.flush().await;
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        for path in ["/api/stats", "/api/dashboard", "/api/analytics/slow", "/api/analytics/costs"] {
            expect_error(&api.call("GET", path, &who, None).await, 403, "forbidden");
        }
    }
    let (s, st) = api.call("GET", "/api/stats?by=user", &api.ada.key, None).await;
    assert_eq!(s, 200, "{st}");
    assert_eq!(st["total"]["requests"], 2, "{st}");
    let users: Vec<&str> = st["groups"].as_array().unwrap().iter().filter_map(|g| g["group"].as_str()).collect();
    assert!(users.contains(&"bob"), "{st}");
    let (s, d) = api.call("GET", "/api/dashboard", &api.ada.session, None).await;
    assert_eq!(s, 200, "{d}");
    assert_eq!((d["total"]["requests"].as_u64(), d["error_rate"].as_f64()), (Some(2), Some(0.0)), "{d}");
    assert!(!d["series"].as_array().unwrap().is_empty() && !d["by_provider"].as_array().unwrap().is_empty(), "{d}");
    let (s, slow) = api.call("GET", "/api/analytics/slow?threshold_ms=0", &api.ada.key, None).await;
    assert_eq!((s, slow["total"].as_u64()), (200, Some(2)), "{slow}");
    let (s, costs) = api.call("GET", "/api/analytics/costs", &api.ada.key, None).await;
    assert_eq!(s, 200, "{costs}");
    assert_eq!(costs["by_provider"][0]["group"], "up", "{costs}");
    let e = api.call("GET", "/api/stats?by=colour", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.by"));
    let e = api.call("GET", "/api/dashboard?since_ms=soon", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.since_ms"));
    let e = api.call("GET", "/api/dashboard?since_ms=10&until_ms=5", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("since_ms"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_and_offline_docs() {
    let api = Api::start("").await;
    let (s, doc) = api.call("GET", "/openapi.json", &As::Nobody, None).await;
    assert_eq!(s, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/status",
        "/api/info",
        "/api/stats",
        "/api/dashboard",
        "/api/analytics/slow",
        "/api/analytics/costs",
        "/api/providers",
        "/api/providers/{name}",
        "/api/providers/test",
        "/api/providers/{name}/test",
        "/api/providers/{name}/models",
        "/api/keys",
        "/api/providers/{name}/keys",
        "/api/providers/{name}/keys/import",
        "/api/providers/{name}/keys/{label}",
        "/api/providers/{name}/keys/{label}/enable",
        "/api/providers/{name}/keys/{label}/disable",
        "/api/providers/{name}/keys/{label}/reset",
        "/api/export",
        "/api/logs",
        "/api/logs/{id}",
        "/api/logs/export",
        "/api/me",
        "/api/users",
        "/api/users/{name}",
        "/api/users/{name}/keys",
        "/api/relay-keys",
        "/api/relay-keys/{prefix}",
        "/api/config",
        "/api/config/validate",
        "/api/config/reload",
        "/api/settings",
        "/api/sync/status",
        "/api/sync/setup",
        "/api/sync/push",
        "/api/sync/pull",
        "/api/sync/diff",
        "/api/sync/history",
        "/api/events",
        "/api/auth/login",
        "/api/setup",
        "/v1/chat/completions",
        "/v1/messages",
        "/v1/models",
    ] {
        assert!(paths.contains_key(p), "{p} is not documented");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in ["ErrorBody", "LogEntry", "KeyInfo", "StatusInfo", "Dashboard", "CreatedRelayKey"] {
        assert!(schemas.contains_key(s), "{s} has no schema");
    }
    let r = api.request("GET", "/docs", &As::Nobody, None).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = r.text().await.unwrap();
    assert!(html.contains("/openapi.json"), "the page renders the document");
    for remote in ["src=\"http", "href=\"http", "src='http", "@import", "cdn"] {
        assert!(!html.to_lowercase().contains(remote), "the page loads nothing remote ({remote})");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_off_by_default_listed_origins_with_credentials_star_without() {
    let preflight = |api: &Api, origin: &str| {
        client()
            .request(reqwest::Method::OPTIONS, api.relay.url("/api/status"))
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .send()
    };
    let api = Api::start("").await;
    let r = preflight(&api, "https://panel.example").await.unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = api.request("GET", "/api/info", &api.bob.key, None).await;
    assert!(r.headers().get("access-control-allow-origin").is_none());

    let api = Api::start("  cors_origins: [\"https://panel.example\"]\n").await;
    let r = preflight(&api, "https://panel.example").await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], "https://panel.example");
    assert_eq!(r.headers()["access-control-allow-credentials"], "true");
    assert!(r.headers()["access-control-allow-headers"].to_str().unwrap().contains("x-csrf-token"));
    let r = preflight(&api, "https://evil.example").await.unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = client()
        .get(api.relay.url("/api/info"))
        .bearer_auth(KEY)
        .header("origin", "https://panel.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["access-control-allow-origin"].to_str().unwrap()),
        (200, "https://panel.example")
    );

    let api = Api::start("  cors_origins: [\"*\"]\n").await;
    let r = preflight(&api, "https://anywhere.example").await.unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    assert!(r.headers().get("access-control-allow-credentials").is_none(), "never * with credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_created_updated_disabled_and_deleted_in_config_yml() {
    let api = Api::start("").await;
    let admin = api.ada.key.clone();
    let body = json!({"name": "second", "config": {"base_url": format!("{}/v1", api.upstream.url()), "keys": [{"key": "sk-second", "label": "s1"}]}});
    expect_error(&api.call("POST", "/api/providers", &api.bob.key, Some(body.clone())).await, 403, "forbidden");
    let (s, v) = api.call("POST", "/api/providers", &admin, Some(body.clone())).await;
    assert_eq!((s, v["applied"].as_bool()), (201, Some(true)), "{v}");
    no_secret(&v);
    let file = std::fs::read_to_string(&api.config_path).unwrap();
    let e = api.call("POST", "/api/providers", &admin, Some(body)).await;
    assert_eq!(e.0, 409, "{file}");
    expect_error(&e, 409, "conflict");
    let bad = json!({"name": "third", "config": {"base_url": "http://x/v1", "kys": []}});
    let e = api.call("POST", "/api/providers", &admin, Some(bad)).await;
    assert!(expect_error(&e, 400, "invalid").is_some_and(|p| p.starts_with("providers.third")), "{}", e.1);
    let e = api.call("POST", "/api/providers", &admin, Some(json!({"name": "a b"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("name"));

    let (s, v) = api
        .call("PATCH", "/api/providers/second", &admin, Some(json!({"timeout": 45, "rate_limit_cooldown": null})))
        .await;
    assert_eq!(s, 200, "{v}");
    let e = api.call("PATCH", "/api/providers/second", &admin, Some(json!({"keys": []}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("set.keys"));
    let e = api.call("PATCH", "/api/providers/second", &admin, Some(json!({"timeout": "soon"}))).await;
    expect_error(&e, 400, "invalid");
    let (s, v) = api
        .call("PUT", "/api/providers/second/models", &admin, Some(json!({"include": ["gpt-*"], "exclude": ["gpt-3*"]})))
        .await;
    assert_eq!(s, 200, "{v}");
    let (_, p) = api.call("GET", "/api/providers/second", &admin, None).await;
    assert_eq!(p["models"], json!(["gpt-*"]), "{p}");
    let (s, _) = api.call("POST", "/api/providers/second/disable", &admin, None).await;
    assert_eq!(s, 200);
    let (_, p) = api.call("GET", "/api/providers/second", &admin, None).await;
    assert_eq!(p["enabled"], false, "{p}");
    let (s, _) = api.call("POST", "/api/providers/second/enable", &admin, None).await;
    assert_eq!(s, 200);
    let file = std::fs::read_to_string(&api.config_path).unwrap();
    assert!(file.starts_with("# the test config\n") && file.contains("    timeout: 45\n"), "{file}");
    let (s, _) = api.call("DELETE", "/api/providers/second", &admin, None).await;
    assert_eq!(s, 200);
    for (m, path) in [
        ("DELETE", "/api/providers/second"),
        ("POST", "/api/providers/second/enable"),
        ("PATCH", "/api/providers/second"),
    ] {
        let body = (m == "PATCH").then(|| json!({"timeout": 1}));
        expect_error(&api.call(m, path, &admin, body).await, 404, "not_found");
    }
    assert!(!std::fs::read_to_string(&api.config_path).unwrap().contains("second"));
    let before = std::fs::read_to_string(&api.config_path).unwrap();
    expect_error(&api.call("DELETE", "/api/providers/up", &admin, None).await, 409, "conflict");
    assert_eq!(
        std::fs::read_to_string(&api.config_path).unwrap(),
        before,
        "the only provider stays, the file untouched"
    );
}
