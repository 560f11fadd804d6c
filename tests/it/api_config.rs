//! `/api/config*` and `/api/settings` over HTTP: the original's example config survives
//! GET → PUT byte for byte (secrets shown as `***` and kept), `reveal` only for a super-admin,
//! invalid YAML and invalid configs refused with the key path, a backup kept, roles enforced.

use crate::api_fixture::*;
use crate::common::*;
use serde_json::json;

const ORIGINAL: &str = include_str!("../fixtures/original-config.yml.example");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_original_example_survives_get_then_put_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yml");
    std::fs::write(&path, ORIGINAL).unwrap();
    let relay = Relay::start_logged_file(&path, &dir.path().join("data")).await;
    let key = "prisma-relay-change-me";
    let get = client().get(relay.url("/api/config")).bearer_auth(key).send().await.unwrap();
    assert_eq!(get.status(), 200);
    let view: serde_json::Value = get.json().await.unwrap();
    let text = view["text"].as_str().unwrap();
    for secret in [key, "sk-or-v1-your-openrouter-key", "nvapi-your-nvidia-key", "sk-ant-your-anthropic-key"] {
        assert!(!text.contains(secret), "'{secret}' shown");
    }
    assert!(text.contains("***") && text.contains("# 公网 IP"), "comments stay");
    let put =
        client().put(relay.url("/api/config")).bearer_auth(key).json(&json!({"text": text})).send().await.unwrap();
    assert_eq!(put.status(), 200, "{}", put.text().await.unwrap());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ORIGINAL, "byte for byte");
    let revealed: serde_json::Value =
        client().get(relay.url("/api/config?reveal=true")).bearer_auth(key).send().await.unwrap().json().await.unwrap();
    assert_eq!(revealed["text"], ORIGINAL);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_roles_validation_backup_and_reload() {
    let api = Api::start("").await;
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        expect_error(&api.call("GET", "/api/config", &who, None).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/settings", &who, None).await, 403, "forbidden");
        expect_error(&api.call("POST", "/api/config/reload", &who, None).await, 403, "forbidden");
    }
    let (s, view) = api.call("GET", "/api/config", &api.ada.session, None).await;
    assert_eq!(s, 200, "{view}");
    no_secret(&view);
    expect_error(&api.call("GET", "/api/config?reveal=true", &api.ada.session, None).await, 403, "forbidden");
    let e = api.call("GET", "/api/config?reveal=maybe", &api.root.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.reveal"));
    let text = view["text"].as_str().unwrap().to_string();
    expect_error(&api.call("PUT", "/api/config", &api.ada.key, Some(json!({"text": text}))).await, 403, "forbidden");

    let (s, settings) = api.call("GET", "/api/settings", &api.ada.key, None).await;
    assert_eq!(s, 200, "{settings}");
    assert_eq!(settings["providers"]["up"]["keys"][0]["key"], "***", "{settings}");

    // Validate without saving.
    let (s, rep) = api.call("POST", "/api/config/validate", &api.ada.key, Some(json!({"text": "server: [\n"}))).await;
    assert_eq!((s, rep["ok"].as_bool()), (200, Some(false)), "{rep}");
    let (_, rep) = api.call("POST", "/api/config/validate", &api.ada.key, Some(json!({"text": "servr: {}\n"}))).await;
    assert!(rep["problems"][0].as_str().unwrap().contains("servr"), "{rep}");
    let (_, rep) = api.call("POST", "/api/config/validate", &api.ada.key, Some(json!({}))).await;
    assert_eq!(rep["ok"], true, "{rep}");

    // Put: invalid YAML and unknown keys refused (file untouched); a valid change written with a backup.
    let before = std::fs::read_to_string(&api.config_path).unwrap();
    let e = api.call("PUT", "/api/config", &api.root.session, Some(json!({"text": "server: [\n"}))).await;
    expect_error(&e, 400, "invalid");
    let e = api
        .call("PUT", "/api/config", &api.root.session, Some(json!({"text": "providers:\n  up:\n    kys: []\n"})))
        .await;
    let p = expect_error(&e, 400, "invalid");
    assert!(p.is_some_and(|p| p.starts_with("providers.up")), "{}", e.1);
    let e = api.call("PUT", "/api/config", &api.root.session, Some(json!({"txt": "x"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.txt"));
    let e = api.call("PUT", "/api/config", &api.root.session, Some(json!({"text": 5}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.text"));
    assert_eq!(std::fs::read_to_string(&api.config_path).unwrap(), before);
    let changed = text.replace("# the test config", "# the test config, edited");
    let (s, w) = api.call("PUT", "/api/config", &api.root.session, Some(json!({"text": changed}))).await;
    assert_eq!((s, w["reloaded"].as_bool()), (200, Some(true)), "{w}");
    let now = std::fs::read_to_string(&api.config_path).unwrap();
    assert_eq!(now, before.replace("# the test config", "# the test config, edited"), "secrets kept");
    let backup = w["backup"].as_str().unwrap();
    assert_eq!(std::fs::read_to_string(backup).unwrap(), before);
    let (s, r) = api.call("POST", "/api/config/reload", &api.ada.key, None).await;
    assert_eq!((s, r["reloaded"].as_bool()), (200, Some(true)), "{r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_routes_are_super_admin_only() {
    let api = Api::start("").await;
    for who in [api.ada.session.clone(), api.ada.key.clone(), api.bob.key.clone()] {
        expect_error(&api.call("GET", "/api/sync/status", &who, None).await, 403, "forbidden");
        expect_error(&api.call("POST", "/api/sync/push", &who, Some(json!({}))).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/sync/history", &who, None).await, 403, "forbidden");
    }
    let (s, st) = api.call("GET", "/api/sync/status", &api.root.session, None).await;
    assert_eq!(s, 200, "{st}");
    no_secret(&st);
    let e = api.call("POST", "/api/sync/push", &api.root.key, Some(json!({"target": "ftp"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.target"));
    let e = api.call("POST", "/api/sync/pull", &api.root.key, Some(json!({"dry": true}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.dry"));
}
