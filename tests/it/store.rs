//! The request log end to end: records with the right fields and bodies for both dialects,
//! streams and failures; the control socket (query, get, live subscribe, keys, mode 0600 against
//! another user); `/metrics`; and through the real binary, `keys disable` without a restart,
//! SIGTERM keeping every record, and `logs tail/show` on the database directly.

use crate::common::*;
use monorelay::admin::socket::SOCKET_FILE;
use monorelay::admin::{Client, LogEvent};
use serde_json::{Value, json};
#[cfg(unix)]
use std::process::Command;
use std::time::Duration;

const KEY1: &str = "sk-test-key-one";
const KEY2: &str = "sk-test-key-two";

fn logged_config(url: &str, extra: &str) -> String {
    let mut c = api_config(url, &[KEY1, KEY2], "");
    c.push_str("pricing:\n  'm-*': {input: 1, output: 2}\n");
    c.push_str(extra);
    c
}

fn usage_chunk() -> String {
    json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [],
        "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}})
    .to_string()
}

async fn post_anthropic(relay: &Relay, body: &Value) -> reqwest::Response {
    client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(body)
        .send()
        .await
        .unwrap()
}

/// The typed client, called by wire name with JSON (as a script would), errors as text.
struct Socket(Client);

impl Socket {
    async fn call(&mut self, op: &str, args: Value) -> Result<Value, String> {
        self.0.call_value(op, args).await.map_err(|e| e.to_string())
    }
}

async fn socket(dir: &std::path::Path) -> Socket {
    Socket(Client::connect(&dir.join(SOCKET_FILE)).await.unwrap())
}

fn find<'a>(entries: &'a [Value], model: &str) -> &'a Value {
    entries.iter().find(|e| e["requested_model"] == model).unwrap_or_else(|| panic!("no record for {model}"))
}

#[tokio::test]
async fn every_request_is_one_record_with_fields_and_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&logged_config(&up.url(), ""), dir.path()).await;

    // 1. OpenAI, plain.
    up.push(Reply::json(200, completion("hi there")));
    let mut body = chat("m-plain", &format!("my key is {KEY1}"));
    body["api_key"] = json!("client-side-secret");
    assert_eq!(relay.post("/v1/chat/completions", &body).await.status(), 200);
    // 2. OpenAI, stream.
    up.push(Reply::sse(&[&chunk("Hel"), &chunk("lo"), &usage_chunk(), "[DONE]"]));
    let mut req = chat("m-stream", "stream please");
    req["stream"] = json!(true);
    assert_eq!(sse_data(relay.post("/v1/chat/completions", &req).await).await.len(), 3);
    // 3. Anthropic client, translated, plain.
    up.push(Reply::json(200, completion("from openai")));
    let a = json!({"model": "m-anth", "max_tokens": 50, "system": "Be brief.",
        "messages": [{"role": "user", "content": "hello claude"}]});
    assert_eq!(post_anthropic(&relay, &a).await.status(), 200);
    // 4. Anthropic client, translated, stream.
    up.push(Reply::sse(&[&chunk("Str"), &chunk("eamed"), &usage_chunk(), "[DONE]"]));
    let mut a2 = a.clone();
    a2["model"] = json!("m-anth-stream");
    a2["stream"] = json!(true);
    let text = post_anthropic(&relay, &a2).await.text().await.unwrap();
    assert!(text.contains("message_stop"), "{text}");
    // 5. A client error the upstream rejects: answered as-is, no failover.
    up.push(Reply::json(400, json!({"error": {"message": "bad temperature", "type": "invalid_request_error"}})));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-bad", "x")).await.status(), 400);
    // 6. Failover: the first key gets a 500, the second answers.
    up.push(Reply::json(500, json!({"error": {"message": "boom", "type": "server_error"}})));
    up.push(Reply::json(200, completion("second time")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-failover", "again")).await.status(), 200);
    // 7. No usage from the upstream: tokens are estimated, and marked so.
    let mut no_usage = completion("estimate me");
    no_usage.as_object_mut().unwrap().remove("usage");
    up.push(Reply::json(200, no_usage));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-nousage", "count these words")).await.status(), 200);

    relay.flush().await;
    let mut c = socket(dir.path()).await;
    let page = c.call("logs.query", json!({"limit": 100})).await.unwrap();
    let entries = page["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 7, "{page:#}");

    let plain = find(&entries, "m-plain");
    assert_eq!(plain["status"], 200);
    assert_eq!(plain["provider"], "up");
    assert_eq!(plain["model"], "m-plain");
    assert_eq!(plain["inbound"], "openai");
    assert_eq!(plain["upstream"], "openai");
    assert_eq!(plain["stream"], false);
    assert_eq!(plain["tokens"], json!({"input": 7, "output": 3, "cache_read": 0, "cache_write": 0}));
    assert_eq!(plain["tokens_estimated"], false);
    assert!((plain["cost_usd"].as_f64().unwrap() - 13e-6).abs() < 1e-12, "{}", plain["cost_usd"]);
    assert!(plain["client_addr"].as_str().unwrap().starts_with("127.0.0.1:"));
    assert!(plain["latency_ms"].as_f64().unwrap() > 0.0 && plain["ttfb_ms"].as_f64().is_some());
    assert!(plain["user"].is_null());
    assert_eq!(plain["has_bodies"], true);
    let key_label = plain["key_label"].as_str().unwrap().to_string();
    assert!(key_label == "k1" || key_label == "k2");

    let got = c.call("logs.show", json!({"id": plain["short_id"]})).await.unwrap();
    let b = &got["bodies"];
    assert_eq!(b["request"]["messages"][0]["content"], "my key is *****", "upstream keys never reach the disk");
    assert_eq!(b["request"]["api_key"], "*****");
    assert_eq!(b["upstream_request"]["model"], "m-plain");
    assert_eq!(b["response"]["choices"][0]["message"]["content"], "hi there");
    assert_eq!(b["response_kind"], "json");
    assert_eq!(b["redacted"], true);

    let stream = find(&entries, "m-stream");
    assert_eq!((stream["stream"].clone(), stream["status"].clone()), (json!(true), json!(200)));
    assert_eq!(stream["tokens"]["input"], 5);
    let got = c.call("logs.show", json!({"id": stream["id"]})).await.unwrap();
    assert_eq!(got["bodies"]["response_kind"], "assembled");
    assert_eq!(got["bodies"]["response"]["object"], "chat.completion");
    assert_eq!(got["bodies"]["response"]["choices"][0]["message"]["content"], "Hello");

    let anth = find(&entries, "m-anth");
    assert_eq!((anth["inbound"].clone(), anth["upstream"].clone()), (json!("anthropic"), json!("openai")));
    let got = c.call("logs.show", json!({"id": anth["id"]})).await.unwrap();
    assert_eq!(got["bodies"]["request"]["system"], "Be brief.");
    assert_eq!(got["bodies"]["upstream_request"]["messages"][0]["role"], "system");
    assert_eq!(got["bodies"]["response"]["type"], "message");
    assert_eq!(got["bodies"]["response"]["content"][0]["text"], "from openai");

    let anth_stream = find(&entries, "m-anth-stream");
    let got = c.call("logs.show", json!({"id": anth_stream["id"]})).await.unwrap();
    assert_eq!(got["bodies"]["response_kind"], "assembled");
    assert_eq!(got["bodies"]["response"]["content"][0]["text"], "Streamed");
    assert_eq!(anth_stream["tokens"]["output"], 2);

    let bad = find(&entries, "m-bad");
    assert_eq!(bad["status"], 400);
    assert_eq!(bad["error_kind"], "invalid_request");
    assert!(bad["error"].as_str().unwrap().contains("bad temperature"));
    assert_eq!(bad["attempts"].as_array().unwrap().len(), 1);

    let fo = find(&entries, "m-failover");
    let attempts = fo["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0]["status"], 500);
    assert!(attempts[0]["error"].as_str().unwrap().contains("boom"));
    assert_eq!(attempts[1]["status"], 200);
    assert_ne!(attempts[0]["key_label"], attempts[1]["key_label"]);
    assert_eq!(fo["key_label"], attempts[1]["key_label"]);

    let est = find(&entries, "m-nousage");
    assert_eq!(est["tokens_estimated"], true);
    assert!(est["tokens"]["input"].as_u64().unwrap() > 0 && est["tokens"]["output"].as_u64().unwrap() > 0);

    // Filters and stats.
    let errors = c.call("logs.query", json!({"status": "error"})).await.unwrap();
    assert_eq!(errors["entries"].as_array().unwrap().len(), 1);
    let stats = c.call("stats", json!({"by": "model"})).await.unwrap();
    assert_eq!(stats["total"]["requests"], 7);
    assert_eq!(stats["total"]["errors"], 1);
    let status = c.call("status", Value::Null).await.unwrap();
    assert_eq!(status["records"]["stored"], 7);
    assert_eq!(status["records"]["dropped"], 0);
    assert_eq!(status["db"]["records"], 7);
    assert!(c.call("logs.show", json!({"id": "zzzz"})).await.unwrap_err().contains("no record"));
    assert!(c.call("nope", Value::Null).await.unwrap_err().contains("unknown operation 'nope'"));
}

#[tokio::test]
async fn socket_streams_live_records_and_sets_keys_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&logged_config(&up.url(), ""), dir.path()).await;
    let filter = monorelay::store::LogQuery { model: Some("live".into()), ..Default::default() };
    let mut sub = socket(dir.path()).await.0.subscribe(&filter).await.unwrap();

    up.push(Reply::json(200, completion("a")));
    relay.post("/v1/chat/completions", &chat("other", "x")).await;
    up.push(Reply::json(200, completion("b")));
    relay.post("/v1/chat/completions", &chat("m-live-one", "x")).await;
    let ev = tokio::time::timeout(Duration::from_secs(30), sub.next()).await.unwrap().unwrap();
    let LogEvent::Record(e) = ev else { panic!("expected a record, got {ev:?}") };
    assert_eq!(e.requested_model, "m-live-one", "the filter applies to live records");
    assert_eq!(e.status, 200);
    assert!(e.tokens.is_some() && e.cost_usd.is_some());

    // keys.set: disable k1 on the running server; every request then uses k2.
    let mut c = socket(dir.path()).await;
    c.call("keys.set", json!({"provider": "up", "label": "k1", "enabled": false})).await.unwrap();
    for _ in 0..4 {
        up.push(Reply::json(200, completion("c")));
        assert_eq!(relay.post("/v1/chat/completions", &chat("m", "x")).await.status(), 200);
    }
    let auths: Vec<String> = up.received().iter().skip(2).map(|r| r.auth()).collect();
    assert!(auths.iter().all(|a| a == &format!("Bearer {KEY2}")), "{auths:?}");
    let keys = c.call("keys.list", Value::Null).await.unwrap();
    let k1 = keys.as_array().unwrap().iter().find(|k| k["label"] == "k1").unwrap();
    assert_eq!((k1["enabled"].clone(), k1["status"]["state"].clone()), (json!(false), json!("disabled")));
    c.call("keys.set", json!({"provider": "up", "label": "k1", "enabled": null, "weight": 3})).await.unwrap();
    let reset = c.call("keys.reset", json!({"provider": "up"})).await.unwrap();
    assert_eq!(reset["count"], 2);
    let keys = c.call("keys.list", Value::Null).await.unwrap();
    let k1 = keys.as_array().unwrap().iter().find(|k| k["label"] == "k1").unwrap();
    assert_eq!((k1["enabled"].clone(), k1["weight"].clone()), (json!(true), json!(3.0)));
    assert!(
        c.call("keys.set", json!({"provider": "up", "label": "k9", "enabled": true})).await.unwrap_err().contains("k9")
    );
    assert!(c.call("config.reload", Value::Null).await.unwrap_err().contains("embedded default"));
}

#[cfg(unix)]
#[tokio::test]
async fn the_socket_is_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Open the directory, so only the socket's own mode stands between another user and it.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let up = Upstream::start().await;
    let _relay = Relay::start_logged(&logged_config(&up.url(), ""), dir.path()).await;
    let path = dir.path().join(SOCKET_FILE);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    // Another user (when the tests run as root, which may switch users) cannot connect.
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    if root && std::path::Path::new("/usr/bin/setpriv").exists() && std::path::Path::new("/usr/bin/python3").exists() {
        let script = format!(
            "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ntry:\n  s.connect('{}')\nexcept PermissionError:\n  sys.exit(3)\nsys.exit(0)",
            path.display()
        );
        let out = Command::new("/usr/bin/setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", &script])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // A second server on the same data dir is refused while the first answers.
    let app = _relay.app.clone();
    let service = std::sync::Arc::new(monorelay::admin::Service::online(app, dir.path().to_path_buf()));
    let err = monorelay::admin::socket::serve(service, &path).await.err().unwrap();
    assert!(err.to_string().contains("another monorelay server"), "{err}");
}

#[tokio::test]
async fn metrics_need_auth_unless_public() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&logged_config(&up.url(), ""), dir.path()).await;
    up.push(Reply::json(200, completion("a")));
    relay.post("/v1/chat/completions", &chat("m-one", "x")).await;
    relay.flush().await;
    assert_eq!(client().get(relay.url("/metrics")).send().await.unwrap().status(), 401);
    let text = client().get(relay.url("/metrics")).bearer_auth(KEY).send().await.unwrap().text().await.unwrap();
    for want in [
        "monorelay_requests_total{provider=\"up\",model=\"m-one\",status=\"200\"} 1",
        "monorelay_tokens_total{provider=\"up\",model=\"m-one\",type=\"input\"} 7",
        "monorelay_cost_usd_total{provider=\"up\",model=\"m-one\"} 0.000013",
        "monorelay_request_duration_seconds_count 1",
        "monorelay_time_to_first_byte_seconds_bucket{le=\"+Inf\"} 1",
        "monorelay_relay_overhead_seconds_count 1",
        "monorelay_key_state{provider=\"up\",key=\"k1\",state=\"available\"} 1",
        "monorelay_records_stored_total 1",
        "monorelay_records_dropped_total 0",
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    let dir2 = tempfile::tempdir().unwrap();
    let public = Relay::start_logged(
        &logged_config(&up.url(), "").replace("server:\n", "server:\n  metrics_public: true\n"),
        dir2.path(),
    )
    .await;
    assert_eq!(client().get(public.url("/metrics")).send().await.unwrap().status(), 200);
    assert_eq!(client().get(public.url("/v1/models")).send().await.unwrap().status(), 401);
}

/// The real binary: serve with a config file, `keys disable` while it runs, SIGTERM, then read the
/// log on the database directly.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_keys_disable_sigterm_and_offline_logs() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    let text = format!(
        "# my relay\nserver:\n  access_key: \"{KEY}\"  # keep secret\nproviders:\n  up:\n    base_url: \"{}/v1\"\n    keys:\n      # the first key\n      - key: \"{KEY1}\"\n        label: \"k1\"\n      - key: \"{KEY2}\"\n        label: \"k2\"\nmodel_routing:\n  default_provider: up\n",
        up.url()
    );
    std::fs::write(&cfg, &text).unwrap();
    let data = dir.path().join("data");
    let server = serve(&cfg, &data);
    let base = server.base.clone();
    let post = |model: &str| {
        let url = format!("{base}/v1/chat/completions");
        let body = chat(model, &format!("hello from {model}"));
        async move { client().post(url).bearer_auth(KEY).json(&body).send().await.unwrap().status() }
    };
    for i in 0..4 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post(&format!("before-{i}")).await, 200);
    }

    let out = cli(&cfg, &data, &["keys", "disable", "up", "k1"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let edited = std::fs::read_to_string(&cfg).unwrap();
    assert!(edited.contains("# the first key") && edited.contains("# keep secret"), "{edited}");
    assert!(edited.contains("        label: \"k1\"\n        enabled: false\n"), "{edited}");
    let before = up.received().len();
    for i in 0..4 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post(&format!("after-{i}")).await, 200);
    }
    assert!(up.received()[before..].iter().all(|r| r.auth() == format!("Bearer {KEY2}")), "k1 is not used any more");
    let out = cli(&cfg, &data, &["--json", "keys", "list"]).await;
    let keys: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(keys[0]["enabled"], false);
    assert_eq!(keys[0]["enabled_override"], Value::Null, "the config says it now; no override left");

    // While it runs: tail through the socket.
    let out = cli(&cfg, &data, &["--json", "logs", "tail", "-n", "100"]).await;
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        8,
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // SIGTERM: graceful stop; every record is on disk.
    let status = server.stop().await;
    assert!(status.success());
    assert!(!data.join(SOCKET_FILE).exists(), "the socket file is removed on exit");

    let out = cli(&cfg, &data, &["--json", "logs", "tail", "-n", "100"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 8);
    assert_eq!(recs[0]["requested_model"], "before-0", "oldest first");
    let out = cli(&cfg, &data, &["logs", "tail", "-n", "2"]).await;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains(" 200 after-3 → up ") && !text.contains('\x1b'), "{text}");
    let id = recs[7]["short_id"].as_str().unwrap();
    let out = cli(&cfg, &data, &["logs", "show", id]).await;
    let shown = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(shown.contains("── user\nhello from after-3"), "{shown}");
    assert!(shown.contains("══ assistant\nok"), "{shown}");
    assert!(shown.contains("key 'k2'"), "{shown}");
    let out = cli(&cfg, &data, &["logs", "show", id, "--raw"]).await;
    let raw: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(raw["bodies"]["response"]["choices"][0]["message"]["content"], "ok");
    let out = cli(&cfg, &data, &["--json", "stats", "--by", "key"]).await;
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["total"]["requests"], 8);
    // The text table's columns line up with their headers (every line is as wide as the header).
    let out = cli(&cfg, &data, &["stats", "--by", "key"]).await;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
    assert!(widths.len() >= 3 && widths.iter().all(|w| *w == widths[0]), "{text}");
    let export = dir.path().join("out.csv");
    let out = cli(&cfg, &data, &["logs", "export", "--format", "csv", "-o", &export.display().to_string()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&export).unwrap().lines().count(), 9);
    let out = cli(&cfg, &data, &["logs", "show", "zzzz"]).await;
    assert_eq!(out.status.code(), Some(3), "not_found's exit code: {}", String::from_utf8_lossy(&out.stderr));
    let out = cli(&cfg, &data, &["config", "show"]).await;
    let shown = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(shown.contains("# the first key") && !shown.contains(KEY1) && !shown.contains(KEY), "{shown}");
    let out = cli(&cfg, &data, &["logs", "clear", "--yes"]).await;
    assert!(String::from_utf8_lossy(&out.stderr).contains("deleted 8"));
    let out = cli(&cfg, &data, &["logs", "tail", "-f"]).await;
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("no server is running"));
}
