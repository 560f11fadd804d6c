//! The rough edges real clients hit (issue 11): `/v1/models` in the caller's dialect and never
//! listing a name that 404s, provider headers that replace instead of append, the client's
//! User-Agent on passthrough, count_tokens falling back to the local estimate, structured output
//! across dialects, a closed stdout, the banner's example model, `server.log_level`, and the
//! first retention pass.

use crate::common::*;
use serde_json::Value;

async fn get(relay: &Relay, path: &str, anthropic: bool) -> reqwest::Response {
    let rb = client().get(relay.url(path));
    let rb = if anthropic {
        rb.header("x-api-key", KEY).header("anthropic-version", "2023-06-01")
    } else {
        rb.bearer_auth(KEY)
    };
    rb.send().await.unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v["data"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn models_never_lists_a_name_that_404s_and_respects_exclude() {
    // The original example's aliases point at models no provider serves: they must not be listed.
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  up:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{{key: k}}]\n    models: {{include: [gpt-a], exclude: [\"*-old\"]}}\nmodel_routing:\n  aliases: {{fast: gemini-flash, balanced: claude-sonnet, smart: gpt-a}}\n"
    ))
    .await;
    relay
        .app
        .shared
        .upstream_models
        .lock()
        .unwrap()
        .insert("up".into(), vec!["gpt-a".into(), "gpt-b".into(), "gpt-b-old".into()]);
    let v: Value = get(&relay, "/v1/models", false).await.json().await.unwrap();
    let listed = ids(&v);
    assert_eq!(listed, ["smart", "gpt-a", "gpt-a@up", "gpt-b@up"]);
    let rt = relay.app.runtime.load();
    for id in &listed {
        assert!(monorelay::router::resolve(&rt, id).is_ok(), "'{id}' is listed but does not route");
    }
    for id in ["fast", "balanced", "gpt-b-old@up"] {
        let e = monorelay::router::resolve(&rt, id).unwrap_err();
        assert_eq!(e.status, 404, "{id}: {e}");
    }
    // An excluded model is refused with model@provider too, and the 404 lists only what routes.
    let resp = relay.post("/v1/chat/completions", &chat("gpt-b-old@up", "hi")).await;
    assert_eq!(resp.status(), 404);
    let resp = relay.post("/v1/chat/completions", &chat("nope", "hi")).await;
    let msg = resp.json::<Value>().await.unwrap()["error"]["message"].as_str().unwrap().to_string();
    assert!(msg.ends_with("available: smart, gpt-a, gpt-a@up"), "{msg}");
}

#[tokio::test]
async fn models_answer_in_the_callers_dialect() {
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  up:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{{key: k}}]\n    models: {{include: [gpt-a, \"org/model-b\"]}}\n"
    ))
    .await;
    // Anthropic: anthropic-version (or x-api-key without a Bearer token).
    let v: Value = get(&relay, "/v1/models", true).await.json().await.unwrap();
    assert_eq!(ids(&v), ["gpt-a", "gpt-a@up", "org/model-b", "org/model-b@up"]);
    assert_eq!(v["has_more"], false);
    assert_eq!((v["first_id"].as_str(), v["last_id"].as_str()), (Some("gpt-a"), Some("org/model-b@up")));
    let m = &v["data"][0];
    assert_eq!((m["type"].as_str(), m["display_name"].as_str()), (Some("model"), Some("gpt-a")));
    let created_at = m["created_at"].as_str().unwrap();
    assert!(created_at.ends_with('Z') && created_at.len() == 20, "{created_at}");
    assert!(v.get("object").is_none());
    let v: Value =
        client().get(relay.url("/v1/models")).header("x-api-key", KEY).send().await.unwrap().json().await.unwrap();
    assert_eq!(v["data"][0]["type"], "model");
    // OpenAI
    let v: Value = get(&relay, "/v1/models", false).await.json().await.unwrap();
    assert_eq!(v["object"], "list");
    assert_eq!(v["data"][0]["object"], "model");
    // One model, ids with a slash included; unknown ids 404 in the caller's dialect.
    let v: Value = get(&relay, "/v1/models/org/model-b@up", true).await.json().await.unwrap();
    assert_eq!((v["type"].as_str(), v["id"].as_str()), (Some("model"), Some("org/model-b@up")));
    let v: Value = get(&relay, "/v1/models/gpt-a", false).await.json().await.unwrap();
    assert_eq!((v["object"].as_str(), v["owned_by"].as_str()), (Some("model"), Some("up")));
    let resp = get(&relay, "/v1/models/nope", true).await;
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!((v["type"].as_str(), v["error"]["type"].as_str()), (Some("error"), Some("not_found_error")));
    let resp = get(&relay, "/v1/models/nope", false).await;
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.json::<Value>().await.unwrap()["error"]["code"], "model_not_found");
}

fn header_values(r: &Received, name: &str) -> Vec<String> {
    r.headers.get_all(name).iter().map(|v| v.to_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn provider_headers_replace_and_the_client_user_agent_passes_through() {
    let up = Upstream::start().await;
    for _ in 0..4 {
        up.push(Reply::json(200, completion("ok")));
    }
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  plain:\n    base_url: \"{0}/v1\"\n    keys: [{{key: sk-plain}}]\n    models: {{include: [m1]}}\n  custom:\n    base_url: \"{0}/v1\"\n    keys: [{{key: sk-custom}}]\n    models: {{include: [m2]}}\n    headers: {{Authorization: \"Bearer from-config\", ACCEPT: \"application/x-custom\"}}\n    cloaking: {{user_agent: \"cloak/1\", accept: \"application/x-cloak\"}}\n",
        up.url()
    ))
    .await;
    let send = |model: &str, anthropic: bool| {
        let rb = if anthropic {
            client()
                .post(relay.url("/v1/messages"))
                .header("x-api-key", KEY)
                .header("anthropic-version", "2023-06-01")
                .json(&serde_json::json!({"model": model, "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}))
        } else {
            client().post(relay.url("/v1/chat/completions")).bearer_auth(KEY).json(&chat(model, "hi"))
        };
        rb.header("user-agent", "my-client/1.0").send()
    };
    assert_eq!(send("m1", false).await.unwrap().status(), 200);
    assert_eq!(send("m2", false).await.unwrap().status(), 200);
    assert_eq!(send("m1", true).await.unwrap().status(), 200);
    let got = up.received();
    // Passthrough: the client's User-Agent reaches the upstream.
    assert_eq!(header_values(&got[0], "user-agent"), ["my-client/1.0"]);
    assert_eq!(header_values(&got[0], "authorization"), ["Bearer sk-plain"]);
    assert_eq!(header_values(&got[0], "accept"), ["application/json"]);
    // Configured headers replace the relay's, each sent once, whatever their case.
    assert_eq!(header_values(&got[1], "authorization"), ["Bearer from-config"]);
    assert_eq!(header_values(&got[1], "accept"), ["application/x-cloak"]);
    assert_eq!(header_values(&got[1], "user-agent"), ["cloak/1"], "the provider's User-Agent wins");
    // Translated (an Anthropic client to an OpenAI upstream): the relay's own User-Agent.
    let ua = header_values(&got[2], "user-agent");
    assert!(ua.len() == 1 && ua[0].starts_with("monorelay/"), "{ua:?}");
}

#[tokio::test]
async fn count_tokens_falls_back_to_the_estimate_when_the_upstream_lacks_the_route_and_remembers() {
    let an = Upstream::start().await;
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  an:\n    provider_type: anthropic\n    base_url: \"{}\"\n    keys: [{{key: sk-an-1}}]\n    models: {{include: [claude-t, claude-gone]}}\n",
        an.url()
    ))
    .await;
    let count = |model: &str| {
        client()
            .post(relay.url("/v1/messages/count_tokens"))
            .header("x-api-key", KEY)
            .header("anthropic-version", "2023-06-01")
            .json(&serde_json::json!({"model": model, "messages": [{"role": "user", "content": "count these words for me please"}]}))
            .send()
    };
    // An unknown model is the upstream's answer to give (not a missing route).
    an.push(Reply::json(
        404,
        serde_json::json!({"type": "error", "error": {"type": "not_found_error", "message": "model: claude-gone"}}),
    ));
    let resp = count("claude-gone").await.unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.json::<Value>().await.unwrap()["error"]["type"], "not_found_error");
    // A server without the route: the local estimate, marked estimated.
    an.push(Reply::json(404, serde_json::json!({"detail": "Not Found"})));
    for _ in 0..2 {
        let resp = count("claude-t").await.unwrap();
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["x-monorelay-estimated"], "true");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["estimated"], true);
        assert!(v["input_tokens"].as_u64().unwrap() > 0);
    }
    // ... and it is remembered: the second count did not ask the upstream again.
    assert_eq!(an.received().len(), 2);
    // The relay's messages route to the same upstream is unaffected.
    an.push(Reply::json(
        200,
        serde_json::json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t",
        "content": [{"type": "text", "text": "hi"}], "stop_reason": "end_turn", "stop_sequence": null,
        "usage": {"input_tokens": 3, "output_tokens": 1}}),
    ));
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(
            &serde_json::json!({"model": "claude-t", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

fn anthropic_sse(events: &[(&str, Value)]) -> Reply {
    Reply::Sse {
        chunks: events
            .iter()
            .map(|(name, data)| (std::time::Duration::ZERO, format!("event: {name}\ndata: {data}\n\n").into_bytes()))
            .collect(),
        cut: false,
        gate: None,
    }
}

#[tokio::test]
async fn openai_structured_output_to_an_anthropic_upstream_is_a_forced_tool_answered_as_content() {
    use serde_json::json;
    let an = Upstream::start().await;
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  an:\n    provider_type: anthropic\n    base_url: \"{}\"\n    keys: [{{key: sk-an-1}}]\n    models: {{include: [claude-t]}}\n",
        an.url()
    ))
    .await;
    let schema = json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]});
    let tool = monorelay::translate::STRUCTURED_OUTPUT_TOOL;
    an.push(Reply::json(
        200,
        json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t",
        "content": [{"type": "tool_use", "id": "toolu_1", "name": tool, "input": {"city": "Paris"}}],
        "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 9, "output_tokens": 4}}),
    ));
    let mut body = chat("claude-t", "Where is the Louvre?");
    body["response_format"] =
        json!({"type": "json_schema", "json_schema": {"name": "place", "schema": schema, "strict": true}});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let content: Value = serde_json::from_str(v["choices"][0]["message"]["content"].as_str().unwrap()).unwrap();
    assert_eq!(content, json!({"city": "Paris"}));
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    assert!(v["choices"][0]["message"].get("tool_calls").is_none());
    let sent = an.received()[0].json();
    assert_eq!(sent["tools"][0]["name"], tool);
    assert_eq!(sent["tools"][0]["input_schema"], schema);
    assert_eq!(sent["tool_choice"], json!({"type": "tool", "name": tool}));

    // Streamed: the tool's argument pieces arrive as content deltas.
    an.push(anthropic_sse(&[
        ("message_start", json!({"type": "message_start", "message": {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-t", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 9, "output_tokens": 1}}})),
        ("content_block_start", json!({"type": "content_block_start", "index": 0, "content_block": {"type": "tool_use", "id": "toolu_2", "name": tool, "input": {}}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "input_json_delta", "partial_json": "{\"city\": "}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "input_json_delta", "partial_json": "\"Rome\"}"}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        ("message_delta", json!({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null}, "usage": {"output_tokens": 6}})),
        ("message_stop", json!({"type": "message_stop"})),
    ]));
    body["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &body).await).await;
    let chunks: Vec<Value> = data.iter().filter(|d| *d != "[DONE]").map(|d| serde_json::from_str(d).unwrap()).collect();
    let text: String = chunks.iter().filter_map(|c| c["choices"][0]["delta"]["content"].as_str()).collect();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), json!({"city": "Rome"}));
    assert!(chunks.iter().all(|c| c["choices"][0]["delta"].get("tool_calls").is_none()));
    assert!(chunks.iter().any(|c| c["choices"][0]["finish_reason"] == "stop"));
    assert_eq!(data.last().unwrap(), "[DONE]");
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, "providers:\n  mock: {provider_type: mock}\nmodel_routing: {default_provider: mock}\nlogging: {enabled: true}\n")
        .unwrap();
    let data = dir.path().join("data");
    for args in [
        &["stats", "--json"][..],
        &["stats"],
        &["route", "echo"],
        &["--json", "route", "echo"],
        &["providers", "list"],
        &["keys", "list"],
        &["logs", "tail", "-n", "5"],
        &["--help"],
    ] {
        // The reading end is closed before the command starts: its first write meets EPIPE.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = bin()
            .arg("--config")
            .arg(&cfg)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(
            // A command that fails for its own reason (no request log yet) says so with its exit code.
            out.status.success() || out.status.code().is_some_and(|c| c != 101) && !stderr.is_empty(),
            "{args:?}: {:?} {stderr}",
            out.status
        );
    }
}

/// The banner's example line of `serve` with `config` (read until the line, then the server is
/// killed).
fn banner_try_line(config: &str) -> String {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, config).unwrap();
    let mut child = bin()
        .arg("--config")
        .arg(&cfg)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["serve", "--host", "127.0.0.1", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = lines
        .map_while(Result::ok)
        .find(|l| l.trim_start().starts_with("try:") || l.trim_start().starts_with("models:"))
        .unwrap_or_default();
    let _ = child.kill();
    let _ = child.wait();
    line
}

#[test]
fn the_banner_names_a_model_that_exists() {
    let line = banner_try_line(
        "server: {access_key: sk-local-test}\nproviders:\n  up:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{key: k}]\n    models: {include: [gpt-real]}\n",
    );
    assert!(line.contains("\"model\":\"gpt-real\""), "{line}");
    let line = banner_try_line(
        "server: {access_key: sk-local-test}\nproviders:\n  up:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{key: k}]\n",
    );
    assert!(line.contains("none routes yet"), "{line}");
}

#[test]
fn server_log_level_from_the_config_sets_the_default_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    // A provider without keys: `serve` warns about it while loading, before its banner.
    let run = |level: &str, flags: &[&str]| {
        let cfg = dir.path().join(format!("{level}.yml"));
        std::fs::write(
            &cfg,
            format!("server: {{access_key: sk-x, log_level: {level}}}\nproviders:\n  up: {{base_url: 'http://127.0.0.1:9/v1', models: {{include: [m]}}}}\n"),
        )
        .unwrap();
        let mut child = bin()
            .arg("--config")
            .arg(&cfg)
            .arg("--data-dir")
            .arg(dir.path().join(format!("data-{level}-{}", flags.len())))
            .args(flags)
            .args(["serve", "--host", "127.0.0.1", "--port", "0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
        assert!(first.contains("listening on"), "{first}");
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let info = run("INFO", &[]);
    assert!(info.contains("no keys"), "{info}");
    let error = run("ERROR", &[]);
    assert!(!error.contains("no keys"), "{error}");
    let flagged = run("ERROR", &["-v"]);
    assert!(flagged.contains("no keys"), "{flagged}");
}

/// A finished 200 completion of model `m` without bodies, started at `started_at`.
fn plain_record(started_at: std::time::SystemTime) -> monorelay::record::RequestRecord {
    use monorelay::record::{RecordKind, RequestRecord};
    RequestRecord {
        kind: RecordKind::Completion,
        user: None,
        relay_key: None,
        started_at,
        inbound: monorelay::dialect::Dialect::OpenAi,
        upstream: None,
        requested_model: "m".into(),
        provider: None,
        model: None,
        key_label: None,
        client_addr: None,
        stream: false,
        status: 200,
        error_kind: None,
        error: None,
        latency_ms: 1.0,
        ttfb_ms: None,
        tokens: None,
        attempts: Vec::new(),
        overhead_ms: None,
        tokens_estimated: false,
        bodies: None,
    }
}

#[test]
fn the_first_retention_pass_uses_the_configs_settings() {
    use monorelay::store::LogStore;
    use monorelay::store::writer::{Settings, Writer};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(monorelay::store::RedbStore::open(&dir.path().join(monorelay::store::DB_FILE)).unwrap());
    // As `serve` does: the writer starts on defaults (its first pass runs on them), the runtime's
    // settings arrive a moment later.
    let writer = Writer::start(Some(store.clone()), Settings::default(), Arc::default(), Default::default());
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(10 * 86_400);
    writer.record(plain_record(old));
    writer.flush();
    assert_eq!(store.size().unwrap().0, 1);
    let config = monorelay::config::load_str(
        "providers:\n  mock: {provider_type: mock}\nlogging: {enabled: true, max_age_days: 1}\n",
        monorelay::config::ConfigSource::Embedded,
        &|_| None,
    )
    .unwrap();
    writer.set_settings(Settings::new(&config, None));
    // Retention's own interval is a minute; the new settings must not wait for it.
    let mut left = store.size().unwrap().0;
    for _ in 0..300 {
        if left == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        left = store.size().unwrap().0;
    }
    assert_eq!(left, 0, "the 10-day-old record survived a 1-day retention");
}

/// A real redb store whose writes wait while `open` is false: a database slower than the load.
struct SlowStore {
    inner: monorelay::store::RedbStore,
    open: std::sync::atomic::AtomicBool,
}

impl monorelay::store::LogStore for SlowStore {
    fn append(&self, rows: &[monorelay::store::Row]) -> Result<(), monorelay::store::StoreError> {
        while !self.open.load(std::sync::atomic::Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        self.inner.append(rows)
    }
    fn query(&self, q: &monorelay::store::LogQuery) -> Result<monorelay::store::LogPage, monorelay::store::StoreError> {
        self.inner.query(q)
    }
    fn get(
        &self,
        id: u64,
    ) -> Result<
        Option<(monorelay::store::LogEntry, Option<monorelay::store::StoredBodies>)>,
        monorelay::store::StoreError,
    > {
        self.inner.get(id)
    }
    fn stats(
        &self,
        since_ms: u64,
        until_ms: u64,
        by: monorelay::store::GroupBy,
    ) -> Result<std::collections::BTreeMap<String, monorelay::stats::Agg>, monorelay::store::StoreError> {
        self.inner.stats(since_ms, until_ms, by)
    }
    fn expire(
        &self,
        cutoff_ms: Option<u64>,
        max_bytes: Option<u64>,
        chunk: usize,
    ) -> Result<monorelay::store::Expired, monorelay::store::StoreError> {
        self.inner.expire(cutoff_ms, max_bytes, chunk)
    }
    fn clear(&self) -> Result<u64, monorelay::store::StoreError> {
        self.inner.clear()
    }
    fn size(&self) -> Result<(u64, u64), monorelay::store::StoreError> {
        self.inner.size()
    }
}

#[test]
fn a_writer_behind_its_load_says_so_before_its_queue_is_full_and_drops_nothing_once_it_catches_up() {
    use monorelay::store::LogStore;
    use monorelay::store::writer::{QUEUE_CAPACITY, Settings, Writer};
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let inner = monorelay::store::RedbStore::open(&dir.path().join(monorelay::store::DB_FILE)).unwrap();
    let store = Arc::new(SlowStore { inner, open: false.into() });
    let live: Arc<monorelay::stats::Live> = Arc::default();
    let writer = Writer::start(Some(store.clone()), Settings::default(), live.clone(), Default::default());
    let record = || plain_record(std::time::SystemTime::now());
    // The database stalls; records pile up until the writer says it is behind — before its queue
    // is full, so the relay can hold requests back instead of dropping records.
    let mut sent = 0;
    while !writer.backlogged() && sent < 2 * QUEUE_CAPACITY {
        writer.record(record());
        sent += 1;
    }
    assert!(writer.backlogged(), "never backlogged after {sent} records");
    assert_eq!(live.dropped.load(Ordering::Relaxed), 0, "backlogged only once records were dropped ({sent} sent)");
    // The database is back: the backlog drains and nothing was lost.
    store.open.store(true, Ordering::SeqCst);
    writer.flush();
    assert!(!writer.backlogged(), "still backlogged after everything was written");
    assert_eq!(store.size().unwrap().0, sent as u64);
    assert_eq!(live.dropped.load(Ordering::Relaxed), 0);
}

#[test]
fn a_writer_with_a_long_window_commits_each_full_group_without_waiting_for_the_window() {
    use monorelay::store::LogStore;
    use monorelay::store::writer::{Settings, Writer};
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(monorelay::store::RedbStore::open(&dir.path().join(monorelay::store::DB_FILE)).unwrap());
    let live: Arc<monorelay::stats::Live> = Arc::default();
    let settings = Settings { commit_interval: std::time::Duration::from_secs(600), ..Settings::default() };
    let writer = Writer::start(Some(store.clone()), settings, live.clone(), Default::default());
    // Records trickle in faster than the window: a full group (1,024) is committed when it is
    // full. The writer sleeps through its window between wake-ups; woken at the first half-group,
    // it takes what is queued and sleeps again, and it used to sleep out the whole window then
    // while the queue grew (requests end up waiting on the backlog).
    for _ in 0..600 {
        writer.record(plain_record(std::time::SystemTime::now()));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    for _ in 0..500 {
        writer.record(plain_record(std::time::SystemTime::now()));
    }
    let mut stored = 0;
    for _ in 0..600 {
        stored = live.stored.load(Ordering::Relaxed);
        if stored >= 1024 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(stored >= 1024, "a full group was not committed inside the window ({stored} stored)");
    assert!(store.size().unwrap().0 >= 1024);
    writer.flush();
    assert_eq!(store.size().unwrap().0, 1100);
}
