//! The real binary, last: `config check` exit codes and messages, `config example`, and `serve`
//! on the embedded default answering the README's curl request.

use crate::common::*;

#[test]
fn config_check_reports_problems_and_exit_codes() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let bad = bin()
        .args(["--config"])
        .arg(fixtures.join("config/unknown-keys.yml"))
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("3 problems") && err.contains("providers.openai.keys[0]: unknown key 'kye'"), "{err}");
    let good = bin()
        .args(["--config"])
        .arg(fixtures.join("original-config.yml.example"))
        .args(["--json", "config", "check"])
        .output()
        .unwrap();
    assert_eq!(good.status.code(), Some(0), "{}", String::from_utf8_lossy(&good.stderr));
    let v: serde_json::Value = serde_json::from_slice(&good.stdout).unwrap();
    assert_eq!(v["ok"], true);
    let missing = bin().args(["--config", "/nonexistent/monorelay.yml", "config", "check"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read the file"));
    let example = bin().args(["config", "example"]).output().unwrap();
    assert!(String::from_utf8_lossy(&example.stdout).contains("providers:"));
}

#[tokio::test]
async fn serve_on_the_embedded_default_answers_the_readme_request() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_in(dir.path(), None, None);
    let key = std::fs::read_to_string(dir.path().join("data/access_key")).unwrap().trim().to_string();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("data/access_key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let body: serde_json::Value = client()
        .post(format!("{}/v1/chat/completions", server.base))
        .bearer_auth(&key)
        .json(&chat("echo", "hello"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "hello");
    // SIGTERM: a graceful stop with exit code 0.
    assert!(server.stop().await.success());
}

#[test]
fn route_explains_the_resolution() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = bin()
        .arg("--config")
        .arg(fixtures.join("original-config.yml.example"))
        .args(["route", "nvidia-smart"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1. nvidia/llama-3.1-nemotron-ultra-253b-v1@nvidia (api)"), "{text}");
    assert!(text.contains("provider_mapping 'nvidia/*'"), "{text}");
    let out = bin()
        .arg("--config")
        .arg(fixtures.join("original-config.yml.example"))
        .args(["--json", "route", "x@nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], 400);
}

#[tokio::test]
async fn providers_test_reports_each_key_and_fails_on_a_bad_one() {
    let up = Upstream::start().await;
    up.push(Reply::json(200, completion("pong")));
    up.push(Reply::json(401, serde_json::json!({"error": {"message": "invalid key"}})));
    up.push(Reply::json(200, serde_json::json!({"object": "list", "data": [{"id": "b-model"}, {"id": "a-model"}]})));
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, format!("providers:\n  up:\n    base_url: \"{}/v1\"\n    test_model: tm\n    keys: [{{key: good, label: g}}, {{key: bad, label: b}}]\n", up.url())).unwrap();
    let data = dir.path().join("data");
    let out = cli(&cfg, &data, &["--json", "providers", "test"]).await;
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results: Vec<(String, bool, u64)> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_string(), r["ok"].as_bool().unwrap(), r["status"].as_u64().unwrap()))
        .collect();
    assert_eq!(results, [("g".to_string(), true, 200), ("b".to_string(), false, 401)]);
    let sent = up.received();
    assert_eq!(sent[0].json()["model"], "tm");
    assert_eq!((sent[0].auth(), sent[1].auth()), ("Bearer good".to_string(), "Bearer bad".to_string()));

    let out = cli(&cfg, &data, &["providers", "models", "up"]).await;
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a-model\nb-model\n");
    assert_eq!(up.received()[2].path, "/v1/models");
    let shared = monorelay::runtime::Shared::default();
    shared.load_model_caches(&dir.path().join("data"));
    assert_eq!(
        shared.upstream_models.lock().unwrap().get("up").cloned(),
        Some(vec!["a-model".to_string(), "b-model".to_string()])
    );
}

#[tokio::test]
async fn providers_list_shows_the_running_servers_key_states_and_tool_rejections() {
    let up = Upstream::start().await;
    up.push(Reply::json(401, serde_json::json!({"error": {"message": "revoked"}})));
    up.push(Reply::json(400, serde_json::json!({"error": {"message": "this model does not support tools"}})));
    up.push(Reply::json(200, completion("fine without tools")));
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    std::fs::write(
        &cfg,
        format!("server: {{access_key: k}}\nproviders:\n  up:\n    base_url: \"{}/v1\"\n    keys: [{{key: bad-key, label: b}}, {{key: good-key, label: g}}]\n    models: {{include: [small]}}\n", up.url()),
    )
    .unwrap();
    let data = dir.path().join("data");
    let server = serve(&cfg, &data);
    let body = serde_json::json!({"model": "small", "messages": [{"role": "user", "content": "hi"}],
        "tools": [{"type": "function", "function": {"name": "t", "parameters": {"type": "object"}}}]});
    let resp = client()
        .post(format!("{}/v1/chat/completions", server.base))
        .bearer_auth("k")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let out = cli(&cfg, &data, &["--json", "providers", "list"]).await;
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let p = &v["providers"][0];
    assert_eq!(p["tools_unsupported"], serde_json::json!(["small"]));
    let states: Vec<(&str, &str)> = p["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["label"].as_str().unwrap(), k["status"]["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [("b", "invalid"), ("g", "available")]);
    assert_eq!(p["keys"][0]["status"]["reason"], "[up] revoked", "the upstream's message says why");
    assert!(server.stop().await.success());
}
