//! Hardening (issue 12): hostile upstreams (redirects, 2xx error bodies, secrets echoed in error
//! fields, streams that carry on after an error), hostile clients (empty credentials, slow and
//! idle connections) and half-written configs, each end to end on loopback.

use crate::common::*;
use monorelay::keys::KeyStatus;
use serde_json::{Value, json};

#[tokio::test]
async fn a_redirect_is_an_upstream_fault_answered_502_and_failed_over() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    // Both keys get a redirect to an internal URL: the client sees neither the 302 nor the URL.
    for _ in 0..2 {
        up.push(Reply::Json {
            status: 302,
            body: json!({"location": "http://10.0.0.7/internal/admin"}),
            headers: vec![("location", "http://10.0.0.7/internal/admin".into())],
        });
    }
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 502);
    assert!(resp.headers().get("location").is_none());
    let text = resp.text().await.unwrap();
    assert!(!text.contains("10.0.0.7"), "{text}");
    assert_eq!(up.received().len(), 2, "failed over to the second key");

    // A redirect then a good answer: the client gets the answer.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::Json { status: 307, body: json!({}), headers: vec![("location", "http://10.0.0.7/".into())] });
    up.push(Reply::json(200, completion("fine")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "fine");

    // In the Anthropic dialect the 502 is Anthropic-shaped.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    for _ in 0..2 {
        up.push(Reply::Json { status: 301, body: json!({}), headers: vec![("location", "http://10.0.0.7/".into())] });
    }
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .json(&json!({"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error", "{v}");
}

#[tokio::test]
async fn a_2xx_carrying_an_error_or_nothing_is_an_upstream_error() {
    let bodies = [
        Reply::json(200, json!({"error": {"message": "quota exceeded", "type": "insufficient_quota"}})),
        Reply::json(200, json!({})),
        Reply::Raw { status: 200, content_type: "application/json", body: b"{\"id\": \"x\", \"cho".to_vec() },
        Reply::json(200, json!({"id": "x", "object": "chat.completion"})),
    ];
    for body in bodies {
        let up = Upstream::start().await;
        let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
        up.push(body);
        let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
        assert_eq!(resp.status(), 502);
        let v: Value = resp.json().await.unwrap();
        assert!(v["error"]["message"].as_str().unwrap().contains("2xx"), "{v}");
        let recs = relay.records.wait_for(1).await;
        assert_eq!(recs[0].status, 502, "recorded as a failure");
        let view = relay.app.runtime.load().providers[0].pool.view();
        assert_eq!(view[0].failures, 1, "the key is penalised like for any upstream error: {view:?}");
    }
}

#[tokio::test]
async fn an_empty_bearer_falls_through_to_x_api_key() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    for bearer in ["Bearer ", "Bearer", "bearer  "] {
        let resp = client()
            .get(relay.url("/v1/models"))
            .header("authorization", bearer)
            .header("x-api-key", KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{bearer:?}");
    }
    let resp = client().get(relay.url("/v1/models")).header("authorization", "Bearer ").send().await.unwrap();
    assert_eq!(resp.status(), 401);
}

/// The running binary's reload status, over its control socket.
async fn reload_info(data: &std::path::Path) -> monorelay::admin::ReloadInfo {
    let sock = data.join(monorelay::admin::socket::SOCKET_FILE);
    let mut c = monorelay::admin::Client::connect(&sock).await.unwrap();
    c.status().await.unwrap().reload.unwrap_or_default()
}

/// Wait (bounded generously) until the server has made `n` reload attempts.
async fn wait_reloads(data: &std::path::Path, n: u64) -> monorelay::admin::ReloadInfo {
    for _ in 0..600 {
        let r = reload_info(data).await;
        if r.reloads >= n {
            return r;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no reload attempt {n}: {:?}", reload_info(data).await);
}

#[tokio::test]
async fn empty_and_lockout_configs_are_refused_by_the_running_binary() {
    let up = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    let good = api_config(&up.url(), &["sk-1"], "");
    std::fs::write(&cfg, &good).unwrap();
    let server = serve(&cfg, &data);
    let ask = || async {
        up.push(Reply::json(200, completion("ok")));
        client()
            .post(format!("{}/v1/chat/completions", server.base))
            .bearer_auth(KEY)
            .json(&chat("m", "hi"))
            .send()
            .await
            .unwrap()
            .status()
    };
    assert_eq!(ask().await, 200);
    let no_providers = format!("server:\n  access_key: \"{KEY}\"\n");
    let no_key = good.replace(&format!("  access_key: \"{KEY}\"\n"), "");
    assert_ne!(no_key, good);
    let cases: [(&str, &str); 3] = [("", "is empty"), (&no_providers, "no providers"), (&no_key, "access_key")];
    for (n, (text, why)) in cases.iter().enumerate() {
        std::fs::write(&cfg, text).unwrap();
        let r = wait_reloads(&data, n as u64 + 1).await;
        assert!(!r.ok && r.message.contains(why), "{text:?}: {r:?}");
        assert_eq!(ask().await, 200, "still serving the previous config after {text:?}");
        // `config check` warns about the same file.
        let out = cli(&cfg, &data, &["--json", "config", "check"]).await;
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let warnings = v["warnings"].to_string();
        assert!(warnings.contains(if n == 0 { "empty" } else { why }), "{text:?}: {v}");
    }
    // The good file again applies.
    std::fs::write(&cfg, good.replace("rate_limit_cooldown: 30", "rate_limit_cooldown: 31")).unwrap();
    let r = wait_reloads(&data, 4).await;
    assert!(r.ok, "{r:?}");
    assert_eq!(ask().await, 200);
    assert!(server.stop().await.success());
}

/// Read until the server closes the connection (or `within` passes: then `None`); returns what came.
async fn read_to_close(s: &mut tokio::net::TcpStream, within: std::time::Duration) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(String::from_utf8_lossy(&out).into_owned()),
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
        }
    }
}

#[tokio::test]
async fn slow_idle_and_excess_connections_are_closed_by_the_binary() {
    use tokio::io::AsyncWriteExt;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    let limits = "  header_read_timeout_secs: 1\n  idle_timeout_secs: 1\n  body_min_bytes_per_sec: 100000\n  max_connections: 8\n";
    let text = api_config("http://127.0.0.1:9", &["sk-1"], "").replace("server:\n", &format!("server:\n{limits}"));
    std::fs::write(&cfg, text).unwrap();
    let server = serve(&cfg, &data);
    let addr = server.base.trim_start_matches("http://").to_string();
    let open = || async { tokio::net::TcpStream::connect(&addr).await.unwrap() };
    // Generous bounds: each must close within seconds, where before it stayed open for good.
    let within = std::time::Duration::from_secs(20);

    // Silent, a partial header, a trickled header.
    let mut silent = open().await;
    let mut partial = open().await;
    partial.write_all(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut trickle = open().await;
    let trickler = tokio::spawn(async move {
        for _ in 0..40 {
            if trickle.write_all(b"X-A: b\r\n").await.is_err() {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
        read_to_close(&mut trickle, std::time::Duration::from_millis(100)).await.is_some()
    });
    assert!(read_to_close(&mut silent, within).await.is_some(), "a silent connection is closed");
    assert!(read_to_close(&mut partial, within).await.is_some(), "a partial header is cut");
    assert!(trickler.await.unwrap(), "a trickled header is cut");

    // Idle keep-alive after a request.
    let mut keep = open().await;
    keep.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let got = read_to_close(&mut keep, within).await.expect("an idle keep-alive connection is closed");
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");

    // A trickled body: answered 408 (or cut).
    let mut body = open().await;
    let head = format!(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{{\"model\":"
    );
    body.write_all(head.as_bytes()).await.unwrap();
    let got = read_to_close(&mut body, within).await.expect("a trickled body is cut");
    assert!(got.is_empty() || got.starts_with("HTTP/1.1 408"), "{got}");

    // More idle connections than the cap: the oldest are shed, and a new client still gets in.
    let mut idle = Vec::new();
    for _ in 0..12 {
        idle.push(open().await);
    }
    let resp = client().get(format!("{}/health", server.base)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(read_to_close(&mut idle[0], within).await.is_some(), "the oldest idle connection was shed");
    assert!(server.stop().await.success());

    // The cap alone (no timeout would close anything within the test): the oldest are shed.
    let limits = "  header_read_timeout_secs: 3600\n  idle_timeout_secs: 3600\n  max_connections: 4\n";
    let text = api_config("http://127.0.0.1:9", &["sk-1"], "").replace("server:\n", &format!("server:\n{limits}"));
    std::fs::write(&cfg, text).unwrap();
    let server = serve(&cfg, &data);
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(tokio::net::TcpStream::connect(&addr).await.unwrap());
        // Distinct last-activity times, so "oldest" is well defined.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let resp = client().get(format!("{}/health", server.base)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "a new client gets in past the cap");
    assert!(read_to_close(&mut idle[0], within).await.is_some(), "the oldest idle connection was shed");
    assert!(read_to_close(&mut idle[3], std::time::Duration::from_millis(300)).await.is_none(), "the newest stays");
    assert!(server.stop().await.success());
}

#[cfg(unix)]
#[tokio::test]
async fn an_open_data_dir_is_tightened_and_its_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    std::fs::write(&cfg, api_config("http://127.0.0.1:9", &["sk-1"], "")).unwrap();
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A database left world-readable by an older run.
    let server = serve(&cfg, &data);
    assert!(server.stop().await.success());
    let db = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "redb"));
    let db = db.expect("a request log database");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();

    let server = serve(&cfg, &data);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "the data dir is tightened");
    for entry in std::fs::read_dir(&data).unwrap() {
        let p = entry.unwrap().path();
        assert_eq!(mode(&p) & 0o077, 0, "{} is private", p.display());
    }
    assert!(server.stop().await.success());
}

const UPSTREAM_KEY: &str = "sk-upstream-secret-0123456789";

fn anthropic_request(stream: bool) -> Value {
    json!({"model": "m", "max_tokens": 10, "stream": stream, "messages": [{"role": "user", "content": "hi"}]})
}

/// A streamed request, as an Anthropic client (translated) or an OpenAI one (passthrough).
async fn stream_request(relay: &Relay, anthropic: bool) -> reqwest::Response {
    if anthropic {
        client()
            .post(relay.url("/v1/messages"))
            .header("x-api-key", KEY)
            .json(&anthropic_request(true))
            .send()
            .await
            .unwrap()
    } else {
        let mut body = chat("m", "hi");
        body["stream"] = json!(true);
        relay.post("/v1/chat/completions", &body).await
    }
}

#[tokio::test]
async fn upstream_secrets_never_reach_the_client_or_the_record() {
    let leak = format!("key {UPSTREAM_KEY} rejected; also saw Bearer sk-other-neighbour-key-998877");
    let error = json!({"error": {"message": leak, "type": format!("bad_{UPSTREAM_KEY}"), "code": UPSTREAM_KEY}});

    // A plain error answer: message, type and code all carry the key.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &[UPSTREAM_KEY], "")).await;
    up.push(Reply::json(400, error.clone()));
    let text = relay.post("/v1/chat/completions", &chat("m", "hi")).await.text().await.unwrap();
    assert!(!text.contains(UPSTREAM_KEY) && !text.contains("neighbour-key"), "{text}");
    let recs = relay.records.wait_for(1).await;
    let stored = format!("{:?}", recs[0]);
    assert!(!stored.contains(UPSTREAM_KEY), "{stored}");

    // Mid-stream error events: passthrough (OpenAI client) and translated (Anthropic client).
    for anthropic in [false, true] {
        let up = Upstream::start().await;
        let relay = Relay::start(&api_config(&up.url(), &[UPSTREAM_KEY], "")).await;
        let err = error.to_string();
        up.push(Reply::sse(&[&chunk("hello"), &err, "[DONE]"]));
        let resp = stream_request(&relay, anthropic).await;
        let text = resp.text().await.unwrap();
        assert!(text.contains("hello"), "{text}");
        assert!(!text.contains(UPSTREAM_KEY) && !text.contains("neighbour-key"), "anthropic={anthropic}: {text}");
        let recs = relay.records.wait_for(1).await;
        let stored = format!("{:?}", recs[0]);
        assert!(!stored.contains(UPSTREAM_KEY), "{stored}");
    }
}

#[tokio::test]
async fn every_configured_secret_is_redacted_not_only_the_key_in_use() {
    // Secrets that are not key-shaped (no `sk-`, no `Bearer`): only knowing them catches them.
    let (spare, other, dav) = ("spare-key-of-up-4455667788", "other-provider-secret-xyz123", "webdav-pass-77889900");
    let sso = "github-client-secret-1122334455";
    let yaml = |url: &str| {
        api_config(url, &[UPSTREAM_KEY, spare], "")
            .replace("model_routing:\n", &format!("  other:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{{key: \"{other}\"}}]\n    models: {{include: [o-only]}}\nmodel_routing:\n"))
            + &format!("sync:\n  webdav:\n    url: \"http://127.0.0.1:9/dav/\"\n    username: u\n    password: \"{dav}\"\n")
            + &format!("sso:\n  github:\n    client_id: gh-id\n    client_secret: \"{sso}\"\n")
    };
    let leak = format!("saw {spare}, {other}, {dav}, {sso} and {KEY}");
    let error = json!({"error": {"message": leak, "type": format!("t_{other}"), "code": dav}});
    let clean = |text: &str| ![spare, other, dav, sso, KEY].iter().any(|s| text.contains(s));

    let up = Upstream::start().await;
    let relay = Relay::start(&yaml(&up.url())).await;
    up.push(Reply::json(400, error.clone()));
    let text = relay.post("/v1/chat/completions", &chat("m", "hi")).await.text().await.unwrap();
    assert!(clean(&text), "{text}");
    assert!(text.contains("*****"), "{text}");
    let rec = format!("{:?}", relay.records.wait_for(1).await[0]);
    assert!(clean(&rec), "{rec}");

    // Mid-stream error events, passthrough and translated.
    for anthropic in [false, true] {
        let up = Upstream::start().await;
        let relay = Relay::start(&yaml(&up.url())).await;
        up.push(Reply::sse(&[&chunk("hello"), &error.to_string(), "[DONE]"]));
        let resp = stream_request(&relay, anthropic).await;
        let text = resp.text().await.unwrap();
        assert!(text.contains("hello") && clean(&text), "anthropic={anthropic}: {text}");
        let rec = format!("{:?}", relay.records.wait_for(1).await[0]);
        assert!(clean(&rec), "{rec}");
    }
}

#[tokio::test]
async fn the_first_error_ends_a_translated_stream() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let err = json!({"error": {"message": "quota exceeded", "type": "insufficient_quota"}}).to_string();
    let done = json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    .to_string();
    up.push(Reply::sse(&[&chunk("hello"), &err, &err, &err, &chunk("more"), &done, "[DONE]"]));
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .json(&anthropic_request(true))
        .send()
        .await
        .unwrap();
    let text = resp.text().await.unwrap();
    let events: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("event: ")).collect();
    assert_eq!(events.iter().filter(|e| **e == "error").count(), 1, "{text}");
    assert_eq!(events.last(), Some(&"error"), "nothing after the error: {text}");
    assert!(!text.contains("more"), "{text}");

    // Broken events arriving in one read with a proper ending: one error event, then nothing.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let body = format!(
        "data: {}\n\ndata: {{broken\n\ndata: {{broken\n\ndata: {{broken\n\ndata: {done}\n\ndata: [DONE]\n\n",
        chunk("hello")
    );
    up.push(Reply::Raw { status: 200, content_type: "text/event-stream", body: body.into_bytes() });
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .json(&anthropic_request(true))
        .send()
        .await
        .unwrap();
    let text = resp.text().await.unwrap();
    let events: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("event: ")).collect();
    assert_eq!(events.iter().filter(|e| **e == "error").count(), 1, "{text}");
    assert_eq!(events.last(), Some(&"error"), "nothing after the error: {text}");
}

#[tokio::test]
async fn a_base_url_with_credentials_is_refused_without_echoing_them() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    for url in [
        "http://admin:hunter2-secret@[bad/v1",
        "http://admin:hunter2-secret@ bad host/v1",
        "https://admin:hunter2-secret@api.example.com/v1",
    ] {
        std::fs::write(&cfg, api_config(url, &["sk-1"], "").replace(&format!("{url}/v1"), url)).unwrap();
        let out = cli(&cfg, &data, &["config", "check"]).await;
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(!out.status.success(), "{url}: {all}");
        assert!(all.contains("providers.up.base_url"), "names the provider: {all}");
        assert!(!all.contains("hunter2"), "{url}: {all}");
    }
}

#[tokio::test]
async fn a_malformed_conversation_is_refused_before_any_upstream_call() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    let bodies = [
        (json!({"model": "m", "messages": [1, 2]}), "messages[0]"),
        (json!({"model": "m", "messages": [{"content": "hi"}]}), "messages[0].role"),
        (json!({"model": "m", "messages": [{"role": "user", "content": "hi"}, {"role": 7}]}), "messages[1].role"),
    ];
    for (body, field) in bodies {
        let resp = relay.post("/v1/chat/completions", &body).await;
        assert_eq!(resp.status(), 400, "{body}");
        let v: Value = resp.json().await.unwrap();
        assert!(v["error"]["message"].as_str().unwrap().contains(field), "{field}: {v}");
    }
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .json(&json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("messages[0].content"));
    assert!(up.received().is_empty(), "no upstream call");
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert!(view.iter().all(|k| k.status == KeyStatus::Available && k.failures == 0), "no key penalised: {view:?}");
}

#[tokio::test]
async fn streams_cut_by_shutdown_end_with_an_error_and_are_recorded() {
    use futures_util::StreamExt;
    let up = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    let text = api_config(&up.url(), &["sk-1"], "").replace("server:\n", "server:\n  shutdown_grace_secs: 1\n");
    std::fs::write(&cfg, text).unwrap();
    let server = serve(&cfg, &data);
    // The upstream sends one chunk, then holds the stream open for good.
    let gate = std::sync::Arc::new(tokio::sync::Notify::new());
    up.push(Reply::Sse {
        chunks: vec![
            (std::time::Duration::ZERO, format!("data: {}\n\n", chunk("first")).into_bytes()),
            (std::time::Duration::ZERO, b"data: [DONE]\n\n".to_vec()),
        ],
        cut: false,
        gate: Some((1, gate.clone())),
    });
    let mut body = chat("m", "hi");
    body["stream"] = json!(true);
    let resp = client()
        .post(format!("{}/v1/chat/completions", server.base))
        .bearer_auth(KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let mut stream = resp.bytes_stream();
    let mut text = String::new();
    while !text.contains("first") {
        text.push_str(&String::from_utf8_lossy(&stream.next().await.unwrap().unwrap()));
    }
    let stopping = tokio::spawn(server.stop());
    while let Some(Ok(b)) = stream.next().await {
        text.push_str(&String::from_utf8_lossy(&b));
    }
    assert!(stopping.await.unwrap().success());
    assert!(text.contains("shutting down"), "the cut stream ends with an error event: {text}");
    assert!(!text.contains("[DONE]"), "{text}");
    let out = cli(&cfg, &data, &["--json", "logs", "tail", "-n", "10"]).await;
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(all.contains("shutting down"), "the cut stream's record was written: {all}");
}

#[tokio::test]
async fn a_plain_request_cut_by_shutdown_is_answered_and_recorded_as_cut() {
    let up = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    let text = api_config(&up.url(), &["sk-1"], "").replace("server:\n", "server:\n  shutdown_grace_secs: 1\n");
    std::fs::write(&cfg, text).unwrap();
    let server = serve(&cfg, &data);
    // The upstream takes a minute to answer: far past the grace period.
    up.push(Reply::Delayed(std::time::Duration::from_secs(60), Box::new(Reply::json(200, completion("late")))));
    let request = tokio::spawn(
        client()
            .post(format!("{}/v1/chat/completions", server.base))
            .bearer_auth(KEY)
            .json(&chat("m-cut", "hi"))
            .send(),
    );
    while up.received().is_empty() {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(server.stop().await.success());
    let resp = request.await.unwrap().unwrap();
    assert_eq!(resp.status(), 503);
    let body = resp.text().await.unwrap();
    assert!(body.contains("shutting down"), "{body}");
    let out = cli(&cfg, &data, &["--json", "logs", "tail", "-n", "10"]).await;
    let all = String::from_utf8_lossy(&out.stdout);
    let rec: Value = all
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|e| e["requested_model"] == "m-cut")
        .unwrap_or_else(|| panic!("the cut request's record was written: {all}"));
    assert_eq!(rec["status"], 503, "{rec}");
    assert!(rec["error"].as_str().unwrap().contains("shutting down"), "{rec}");
}

#[tokio::test]
async fn request_bodies_past_the_global_budget_get_503_with_retry_after() {
    let up = Upstream::start().await;
    let yaml = api_config(&up.url(), &["sk-1"], "").replace("server:\n", "server:\n  max_inflight_body_bytes: 4096\n");
    let relay = Relay::start(&yaml).await;
    let big = chat("m", &"x".repeat(8192));
    let resp = relay.post("/v1/chat/completions", &big).await;
    assert_eq!(resp.status(), 503);
    assert!(resp.headers().contains_key("retry-after"));
    assert!(up.received().is_empty());
    // Within the budget, requests pass; the budget is given back after each.
    for _ in 0..3 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 200);
    }
}

#[tokio::test]
async fn an_error_every_key_reproduces_penalises_none() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2", "sk-3"], "")).await;
    let boom = || Reply::json(500, json!({"error": {"message": "cannot parse messages", "type": "server_error"}}));
    up.push(boom());
    up.push(boom());
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 500, "the upstream's own status");
    assert_eq!(up.received().len(), 2, "the second key reproduced it: no third try");
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert!(view.iter().all(|k| k.status == KeyStatus::Available && k.failures == 0), "no key penalised: {view:?}");
    // Other clients are unaffected.
    up.push(Reply::json(200, completion("fine")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 200);
}

#[tokio::test]
async fn an_error_two_keys_reproduce_is_not_carried_to_another_provider_but_an_outage_is() {
    let (a, b) = (Upstream::start().await, Upstream::start().await);
    let yaml = api_config(&a.url(), &["sk-a1", "sk-a2"], "").replace(
        "model_routing:\n",
        &format!("  spare:\n    base_url: \"{}/v1\"\n    keys: [{{key: sk-b1}}]\nmodel_routing:\n  aliases: {{m: [\"m@up\", \"m@spare\"]}}\n", b.url()),
    );
    let relay = Relay::start(&yaml).await;
    let boom = || Reply::json(500, json!({"error": {"message": "cannot parse messages", "type": "server_error"}}));
    a.push(boom());
    a.push(boom());
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 500, "the upstream's own status");
    assert_eq!(a.received().len(), 2);
    assert!(b.received().is_empty(), "the request's own failure is not carried to another provider");
    // Both keys answering 503 is the provider's outage: the other provider takes the request.
    let down = || Reply::json(503, json!({"error": {"message": "overloaded", "type": "server_error"}}));
    a.push(down());
    a.push(down());
    b.push(Reply::json(200, completion("from spare")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(b.received().len(), 1);
}
