//! Hot reload: a good file swaps the runtime, a broken one keeps the old one serving and says
//! why, and key health survives either way.

use crate::common::*;
use monorelay::server::reload_now;
use serde_json::json;

#[tokio::test]
async fn broken_reload_keeps_serving_and_health_survives_reload() {
    let up = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yml");
    std::fs::write(&path, api_config(&up.url(), &["sk-bad-key-1", "sk-good-key-2"], "")).unwrap();
    let config = monorelay::config::load_file(&path).unwrap();
    let relay = Relay::start_with(config, Some(path.clone())).await;

    up.push(Reply::json(401, json!({"error": {"message": "bad key"}})));
    up.push(Reply::json(200, completion("one")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 200);

    // A broken file: rejected, the old runtime keeps serving, the status says why.
    std::fs::write(&path, "providers:\n  up:\n    base_url: 42\n    kyes: []\n").unwrap();
    let err = reload_now(&relay.app).unwrap_err();
    assert!(err.contains("providers.up: unknown key 'kyes'"), "{err}");
    let status = relay.app.reload.lock().unwrap().clone();
    assert!(!status.ok);
    up.push(Reply::json(200, completion("still here")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);

    // A good file with a new alias: swapped in; the invalid key is still known to be invalid.
    let good = api_config(&up.url(), &["sk-bad-key-1", "sk-good-key-2"], "")
        .replace("model_routing:\n", "model_routing:\n  aliases: {nice: m}\n");
    std::fs::write(&path, good).unwrap();
    reload_now(&relay.app).unwrap();
    assert!(relay.app.reload.lock().unwrap().ok);
    up.push(Reply::json(200, completion("after reload")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("nice", "hi")).await.status(), 200);
    let auths: Vec<String> = up.received().iter().map(|r| r.auth()).collect();
    assert_eq!(auths, ["Bearer sk-bad-key-1", "Bearer sk-good-key-2", "Bearer sk-good-key-2", "Bearer sk-good-key-2"]);
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert_eq!(view[0].status.name(), "invalid");

    // Replacing the bad key with a new one clears it: a new key starts healthy.
    std::fs::write(&path, api_config(&up.url(), &["sk-new-key-3", "sk-good-key-2"], "")).unwrap();
    reload_now(&relay.app).unwrap();
    assert_eq!(relay.app.runtime.load().providers[0].pool.view()[0].status, monorelay::keys::KeyStatus::Available);
}

#[tokio::test]
async fn the_file_watcher_picks_up_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yml");
    let base = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  mock: {{provider_type: mock}}\nmodel_routing:\n  default_provider: mock\n"
    );
    std::fs::write(&path, &base).unwrap();
    // The builder watches a config that came from a file.
    let server = monorelay::server::Server::builder(monorelay::config::load_file(&path).unwrap())
        .listen("127.0.0.1", 0)
        .build()
        .await
        .unwrap();
    let relay = Relay::run(server, Default::default());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    std::fs::write(
        &path,
        base.replace("default_provider: mock\n", "default_provider: mock\n  aliases: {watched: echo}\n"),
    )
    .unwrap();
    let mut ok = false;
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if relay.app.runtime.load().config.routing.aliases.iter().any(|(a, _)| a == "watched") {
            ok = true;
            break;
        }
    }
    assert!(ok, "the watcher should reload within a few seconds");
}
