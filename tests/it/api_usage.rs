//! `GET /api/usage` and `PATCH /api/settings` over HTTP. Usage: a plain user sees only their
//! own requests, tokens and cost (per model and per hour), never another user's, and cannot
//! ask for anyone else's; an admin reads anyone's. Settings: an admin changes the common keys
//! by dotted path (written into config.yml in place, comments kept, reloaded), the rest needs a
//! super-admin, secrets and invalid values are refused naming the path and change nothing.

use crate::api_fixture::*;
use crate::common::cli;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_is_the_callers_own() {
    let api = Api::start("").await;
    api.chat_as(&api.bob.key, "from bob one").await;
    api.chat_as(&api.bob.key, "from bob two").await;
    api.chat_as(&api.eve.key, "from eve").await;
    api.relay.flush().await;

    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        let (s, u) = api.call("GET", "/api/usage", &who, None).await;
        assert_eq!(s, 200, "{u}");
        assert_eq!(u["user"], "bob", "{u}");
        assert_eq!(u["total"]["requests"], 2, "bob's two, not eve's: {u}");
        assert_eq!(u["total"]["input_tokens"], 14, "{u}");
        assert_eq!(u["total"]["output_tokens"], 6, "{u}");
        assert_eq!(u["error_rate"], 0.0, "{u}");
        assert_eq!(u["by_model"].as_array().unwrap().len(), 1, "{u}");
        assert_eq!(u["by_model"][0]["requests"], 2, "{u}");
        let hours: u64 = u["series"].as_array().unwrap().iter().map(|h| h["requests"].as_u64().unwrap()).sum();
        assert_eq!(hours, 2, "{u}");
        assert!(!u.to_string().contains("eve"), "{u}");
        expect_error(&api.call("GET", "/api/usage?user=eve", &who, None).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/usage?user=", &who, None).await, 403, "forbidden");
        let (s, own) = api.call("GET", "/api/usage?user=bob", &who, None).await;
        assert_eq!((s, &own["total"]["requests"]), (200, &json!(2)), "{own}");
    }
    let (_, eve) = api.call("GET", "/api/usage", &api.eve.session, None).await;
    assert_eq!(eve["total"]["requests"], 1, "{eve}");

    // An admin: their own by default (none), anyone's by name; the access key's own are "".
    let (_, ada) = api.call("GET", "/api/usage", &api.ada.session, None).await;
    assert_eq!((&ada["user"], &ada["total"]["requests"]), (&json!("ada"), &json!(0)), "{ada}");
    let (_, of_bob) = api.call("GET", "/api/usage?user=bob", &api.ada.session, None).await;
    assert_eq!(of_bob["total"]["requests"], 2, "{of_bob}");
    let (_, of_eve) = api.call("GET", "/api/usage?user=eve", &access(), None).await;
    assert_eq!(of_eve["total"]["requests"], 1, "{of_eve}");
    let (_, key) = api.call("GET", "/api/usage", &access(), None).await;
    assert_eq!((&key["user"], &key["total"]["requests"]), (&json!(""), &json!(0)), "{key}");

    expect_error(&api.call("GET", "/api/usage", &As::Nobody, None).await, 401, "unauthorized");
    let e = api.call("GET", "/api/usage?since_ms=2&until_ms=1", &api.bob.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("since_ms"));
    let e = api.call("GET", "/api/usage?colour=red", &api.bob.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.colour"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_are_changed_by_path_in_place() {
    let api = Api::start("  public_host: \"\"   # where users reach us\n").await;
    let set = |changes: serde_json::Value| Some(json!({ "changes": changes }));

    let (s, v) = api
        .call(
            "PATCH",
            "/api/settings",
            &api.ada.session,
            set(json!([
                {"path": "server.public_host", "value": "relay.example.com"},
                {"path": "logging.max_age_days", "value": 7},
                {"path": "logging.store_bodies", "value": false}
            ])),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["applied"], true, "{v}");
    let text = std::fs::read_to_string(&api.config_path).unwrap();
    assert!(text.starts_with("# the test config\n"), "{text}");
    assert!(text.contains("  public_host: \"relay.example.com\"   # where users reach us\n"), "{text}");
    assert!(text.contains("logging:\n  max_age_days: 7\n  store_bodies: false\n"), "{text}");
    let (_, tree) = api.call("GET", "/api/settings", &api.ada.key, None).await;
    assert_eq!(tree["logging"]["max_age_days"], 7, "{tree}");
    let (_, info) = api.call("GET", "/api/info", &api.bob.key, None).await;
    assert_eq!(info["openai_base_url"], "https://relay.example.com/v1", "the reload took it: {info}");

    // Who may change what.
    let host = set(json!([{"path": "server.cors_origins", "value": ["https://a.example"]}]));
    expect_error(&api.call("PATCH", "/api/settings", &api.ada.session, host.clone()).await, 403, "forbidden");
    expect_error(
        &api.call(
            "PATCH",
            "/api/settings",
            &api.bob.session,
            set(json!([{"path": "logging.max_age_days", "value": 1}])),
        )
        .await,
        403,
        "forbidden",
    );
    let (s, v) = api.call("PATCH", "/api/settings", &api.root.session, host).await;
    assert_eq!(s, 200, "{v}");
    assert!(std::fs::read_to_string(&api.config_path).unwrap().contains("  cors_origins: [\"https://a.example\"]\n"));

    // Refused, naming the path; the file unchanged.
    let before = std::fs::read_to_string(&api.config_path).unwrap();
    let e =
        api.call("PATCH", "/api/settings", &access(), set(json!([{"path": "server.access_key", "value": "x"}]))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("changes[0].path"));
    let e = api
        .call("PATCH", "/api/settings", &access(), set(json!([{"path": "providers.up.enabled", "value": false}])))
        .await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("changes[0].path"));
    let e = api
        .call("PATCH", "/api/settings", &api.ada.key, set(json!([{"path": "logging.max_age_days", "value": "***"}])))
        .await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("changes[0].value"));
    let bad =
        set(json!([{"path": "logging.max_age_days", "value": 8}, {"path": "logging.max_size_mb", "value": "lots"}]));
    let e = api.call("PATCH", "/api/settings", &api.ada.key, bad).await;
    let path = expect_error(&e, 400, "invalid");
    assert!(path.as_deref().is_some_and(|p| p.contains("logging.max_size_mb")), "{:?} {}", path, e.1);
    let e =
        api.call("PATCH", "/api/settings", &api.ada.key, set(json!([{"path": "logging.colour", "value": 1}]))).await;
    expect_error(&e, 400, "invalid");
    expect_error(&api.call("PATCH", "/api/settings", &api.ada.key, set(json!([]))).await, 400, "invalid");
    assert_eq!(std::fs::read_to_string(&api.config_path).unwrap(), before, "all or nothing");
}

/// The same two operations through the control socket with the typed client (the CLI's path).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_and_settings_over_the_socket() {
    use monorelay::admin::{Client, ConfigSet, SettingChange, UsageQuery, socket::SOCKET_FILE};
    let api = Api::start("").await;
    api.chat_as(&api.eve.key, "from eve").await;
    api.relay.flush().await;
    let mut c = Client::connect(&api._dir.path().join("data").join(SOCKET_FILE)).await.unwrap();
    let eve = c.usage(&UsageQuery { user: Some("eve".into()), ..UsageQuery::default() }).await.unwrap();
    assert_eq!((eve.user.as_str(), eve.total.requests, eve.by_model.len()), ("eve", 1, 1));
    let bob = c.usage(&UsageQuery { user: Some("bob".into()), ..UsageQuery::default() }).await.unwrap();
    assert_eq!(bob.total.requests, 0);
    let set = ConfigSet {
        changes: vec![SettingChange { path: "translation.default_max_tokens".into(), value: json!(2048) }],
    };
    let done = c.config_set(&set).await.unwrap();
    assert!(done.applied && done.changed == ["translation.default_max_tokens"], "{done:?}");
    assert!(std::fs::read_to_string(&api.config_path).unwrap().contains("translation:\n  default_max_tokens: 2048\n"));
}

/// `monorelay config set PATH=VALUE…` (the real binary, no server running): the values land in
/// config.yml in place; a secret path is refused with the invalid-input exit code and nothing
/// is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_set_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    let data = dir.path().join("data");
    std::fs::write(&cfg, "# mine\nserver:\n  port: 8787  # the port\nproviders:\n  mock:\n    provider_type: mock\n")
        .unwrap();
    let out = cli(
        &cfg,
        &data,
        &["config", "set", "logging.max_age_days=9", "server.public_host=relay.lan", "tool_calling.emulate=true"],
    )
    .await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(text.starts_with("# mine\nserver:\n  port: 8787  # the port\n  public_host: \"relay.lan\"\n"), "{text}");
    assert!(
        text.contains("logging:\n  max_age_days: 9\n") && text.contains("tool_calling:\n  emulate: true\n"),
        "{text}"
    );
    let out = cli(&cfg, &data, &["config", "set", "server.access_key=abc"]).await;
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret"));
    assert_eq!(std::fs::read_to_string(&cfg).unwrap(), text);
}
