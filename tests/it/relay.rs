//! The OpenAI-compatible relay against real upstream HTTP servers: passthrough, streaming,
//! failover and key health, bad input, and upstream garbage.

use crate::common::*;
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

#[tokio::test]
async fn passthrough_keeps_unknown_fields_and_rewrites_only_model() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "    models: {include: [\"gpt-x\"]}\n")).await;
    up.push(Reply::json(200, completion("hi there")));
    let body = r#"{"model":"gpt-x@up","messages":[{"role":"user","content":"hey"}],"x_vendor":{"deep":[1,2.50,"\u00e9"]},"temperature":0.30}"#;
    let resp = client()
        .post(relay.url("/v1/chat/completions"))
        .bearer_auth(KEY)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-provider"], "up");
    assert_eq!(resp.headers()["x-monorelay-model"], "gpt-x");
    assert_eq!(resp.headers()["x-monorelay-attempts"], "1");
    let overhead: f64 = resp.headers()["x-monorelay-overhead-ms"].to_str().unwrap().parse().unwrap();
    assert!(overhead >= 0.0);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "hi there");
    let got = &up.received()[0];
    assert_eq!(got.path, "/v1/chat/completions");
    assert_eq!(got.auth(), "Bearer sk-1");
    assert_eq!(
        std::str::from_utf8(&got.body).unwrap(),
        r#"{"model":"gpt-x","messages":[{"role":"user","content":"hey"}],"x_vendor":{"deep":[1,2.50,"\u00e9"]},"temperature":0.30}"#
    );
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!((rec.status, rec.provider.as_deref(), rec.key_label.as_deref()), (200, Some("up"), Some("k1")));
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((7, 3)));
    let bodies = rec.bodies.as_ref().unwrap();
    assert_eq!(&bodies.request[..], body.as_bytes());
    assert_eq!(bodies.upstream_request.as_deref(), Some(&got.body[..]));
    assert_eq!(serde_json::from_slice::<Value>(&bodies.response).unwrap(), completion("hi there"));
    assert!(!bodies.response_is_stream && !bodies.truncated);
}

#[tokio::test]
async fn stream_passthrough_requests_usage_and_hides_it_from_the_client() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let usage = r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}"#;
    up.push(Reply::sse(&[&chunk("Hel"), &chunk("lo"), usage, "[DONE]"]));
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    req["stream_options"] = json!({"x_other": 1});
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    assert_eq!(data.len(), 3, "{data:?}");
    assert_eq!(data[0], chunk("Hel"));
    assert_eq!(data[2], "[DONE]");
    let sent = up.received()[0].json();
    assert_eq!(sent["stream_options"], json!({"x_other": 1, "include_usage": true}));
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((5, 2)));
    assert_eq!(rec.status, 200);
    let bodies = rec.bodies.as_ref().unwrap();
    assert!(bodies.response_is_stream);
    let captured = String::from_utf8(bodies.response.clone()).unwrap();
    assert_eq!(
        captured,
        format!("data: {}\n\ndata: {}\n\ndata: [DONE]\n\n", chunk("Hel"), chunk("lo")),
        "the capture is what the client got"
    );

    // A client that asked for usage gets the chunk, byte for byte.
    up.push(Reply::sse(&[&chunk("x"), usage, "[DONE]"]));
    req["stream_options"] = json!({"include_usage": true});
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    assert_eq!(data, vec![chunk("x"), usage.to_string(), "[DONE]".to_string()]);
}

#[tokio::test]
async fn events_reach_the_client_before_the_upstream_finishes() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let gate = Arc::new(Notify::new());
    let ev = |s: &str| (Duration::ZERO, format!("data: {}\n\n", chunk(s)).into_bytes());
    up.push(Reply::Sse {
        chunks: vec![ev("first"), ev("second"), (Duration::ZERO, b"data: [DONE]\n\n".to_vec())],
        cut: false,
        gate: Some((1, gate.clone())),
    });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let resp = relay.post("/v1/chat/completions", &req).await;
    assert_eq!(resp.status(), 200);
    let mut body = resp.bytes_stream();
    // The upstream is parked before its second event until we release it: the first event
    // can only be here if the relay forwarded it without waiting for more.
    let first = tokio::time::timeout(Duration::from_secs(10), body.next())
        .await
        .expect("first event arrives while the upstream is still open")
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&first).contains("first"));
    gate.notify_one();
    let mut rest = Vec::new();
    while let Some(c) = body.next().await {
        rest.extend_from_slice(&c.unwrap());
    }
    let rest = String::from_utf8(rest).unwrap();
    assert!(rest.contains("second") && rest.ends_with("data: [DONE]\n\n"), "{rest}");
}

#[tokio::test]
async fn upstream_cut_mid_stream_ends_with_an_error_event_and_no_done() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    let ev = |s: &str| (Duration::ZERO, format!("data: {}\n\n", chunk(s)).into_bytes());
    up.push(Reply::Sse {
        chunks: vec![ev("partial"), (Duration::from_millis(50), b"data: {\"id\":\"chatcmpl-1\",\"obj".to_vec())],
        cut: true,
        gate: None,
    });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    assert_eq!(data[0], chunk("partial"));
    assert!(!data.iter().any(|d| d == "[DONE]"), "{data:?}");
    let last: Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert_eq!(last["error"]["type"], "server_error");
    assert!(last["error"]["message"].as_str().unwrap().starts_with("[up] "), "{last}");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.status, 502);
    assert!(rec.error.is_some());

    // A stream that simply stops without [DONE] is not a success either (the first key is
    // cooling after the cut, so this goes to the second).
    up.push(Reply::sse(&[&chunk("a")]));
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    assert!(data.last().unwrap().contains("ended before [DONE]"), "{data:?}");
}

#[tokio::test]
async fn upstream_error_event_as_first_event_fails_over_before_any_byte() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::sse(&[r#"{"error":{"message":"overloaded","code":502}}"#]));
    up.push(Reply::sse(&[&chunk("ok"), "[DONE]"]));
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let resp = relay.post("/v1/chat/completions", &req).await;
    assert_eq!(resp.headers()["x-monorelay-attempts"], "2");
    assert_eq!(sse_data(resp).await, vec![chunk("ok"), "[DONE]".to_string()]);
    let auths: Vec<String> = up.received().iter().map(|r| r.auth()).collect();
    assert_eq!(auths, ["Bearer sk-1", "Bearer sk-2"]);
}

#[tokio::test]
async fn rate_limit_fails_over_and_cools_the_key() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::Json {
        status: 429,
        body: json!({"error": {"message": "slow down", "type": "rate_limit_error"}}),
        headers: vec![("retry-after", "120".into())],
    });
    up.push(Reply::json(200, completion("from second")));
    up.push(Reply::json(200, completion("again")));
    up.push(Reply::json(200, completion("and again")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "2");
    for _ in 0..2 {
        assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 200);
    }
    let auths: Vec<String> = up.received().iter().map(|r| r.auth()).collect();
    assert_eq!(auths, ["Bearer sk-1", "Bearer sk-2", "Bearer sk-2", "Bearer sk-2"], "the cooling key must not be used");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.attempts.len(), 2);
    assert_eq!((rec.attempts[0].status, rec.attempts[0].key_label.as_str()), (429, "k1"));
    let view = relay.app.runtime.load().providers[0].pool.view();
    let now_ms = monorelay::store::unix_ms(std::time::SystemTime::now());
    let monorelay::keys::KeyStatus::Cooling { until_ms, reason } = view[0].status.clone() else {
        panic!("expected cooling, got {:?}", view[0].status)
    };
    assert_eq!(reason, monorelay::keys::CoolingReason::RateLimited);
    assert!(until_ms.saturating_sub(now_ms) > 100_000, "max(Retry-After 120, cooldown 30)");
}

#[tokio::test]
async fn all_keys_cooling_answers_429_with_retry_after() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    for _ in 0..2 {
        up.push(Reply::Json {
            status: 429,
            body: json!({"error": {"message": "slow down"}}),
            headers: vec![("retry-after", "45".into())],
        });
    }
    // Both keys answer 429: the client gets the upstream's 429 with its Retry-After.
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "45");
    // Now every key is cooling: the relay answers 429 itself without calling the upstream.
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 429);
    let ra: u64 = resp.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((40..=45).contains(&ra), "retry-after {ra}");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "rate_limit_error");
    assert!(v["error"]["message"].as_str().unwrap().contains("rate-limited"), "{v}");
    assert_eq!(up.received().len(), 2);
}

#[tokio::test]
async fn unauthorized_key_is_marked_invalid_and_skipped() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-bad-key-1", "sk-good-key-2"], "")).await;
    up.push(Reply::json(
        401,
        json!({"error": {"message": "Incorrect API key provided: sk-bad-key-1", "type": "invalid_request_error"}}),
    ));
    for _ in 0..4 {
        up.push(Reply::json(200, completion("ok")));
    }
    for _ in 0..4 {
        assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 200);
    }
    let auths: Vec<String> = up.received().iter().map(|r| r.auth()).collect();
    assert_eq!(
        auths,
        [
            "Bearer sk-bad-key-1",
            "Bearer sk-good-key-2",
            "Bearer sk-good-key-2",
            "Bearer sk-good-key-2",
            "Bearer sk-good-key-2"
        ]
    );
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert_eq!(view[0].status.name(), "invalid");
    // The upstream echoed the key in its message: it must not be kept anywhere.
    assert_eq!(view[0].last_error.as_deref(), Some("[up] Incorrect API key provided: *****"));
}

#[tokio::test]
async fn server_errors_fail_over_then_surface_with_the_real_status() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::Raw { status: 503, content_type: "text/html", body: b"<html>bad gateway</html>".to_vec() });
    up.push(Reply::json(500, json!({"error": {"message": "boom", "type": "server_error", "code": "internal"}})));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 500);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["message"], "[up] boom");
    assert_eq!(v["error"]["type"], "server_error");
    assert_eq!(v["error"]["code"], "internal");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.attempts.iter().map(|a| a.status).collect::<Vec<_>>(), [503, 500]);
    assert!(rec.attempts[0].error.as_deref().unwrap().contains("<html>bad gateway</html>"));
    // One failure each is a blip: both keys are still usable. A second round rests them (1 s,
    // doubling); then the key whose rest ends first takes the next request as its probe.
    // (Different failures: an error that every key reproduces penalises none.)
    up.push(Reply::json(502, json!({"error": {"message": "bad gateway", "type": "server_error"}})));
    up.push(Reply::json(500, json!({"error": {"message": "boom", "type": "server_error"}})));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 500);
    assert_eq!(up.received().len(), 4);
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert!(view.iter().all(|k| k.status.name() == "cooling"), "{view:?}");
    up.push(Reply::json(200, completion("probe")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "1");
    assert_eq!(up.received().len(), 5);
}

#[tokio::test]
async fn client_errors_are_answered_as_is_without_penalty() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::json(400, json!({"error": {"message": "max_tokens is too large", "type": "invalid_request_error", "param": "max_tokens", "code": null}})));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["message"], "[up] max_tokens is too large");
    assert_eq!(v["error"]["type"], "invalid_request_error");
    assert_eq!(up.received().len(), 1, "a client fault is not failed over");
    assert!(
        relay.app.runtime.load().providers[0]
            .pool
            .view()
            .iter()
            .all(|k| k.status == monorelay::keys::KeyStatus::Available)
    );
}

#[tokio::test]
async fn upstream_garbage_is_a_502_and_is_failed_over() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::Raw { status: 200, content_type: "application/json", body: b"{\"choices\": [".to_vec() });
    up.push(Reply::Raw { status: 200, content_type: "application/json", body: vec![0xff, 0xfe, 0x00] });
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("not JSON"), "{v}");
    assert_eq!(up.received().len(), 2);
}

#[tokio::test]
async fn invalid_utf8_split_across_chunks_is_forwarded_without_panicking() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let ev = chunk("héllo ✓");
    let bytes = format!("data: {ev}\n\n").into_bytes();
    let split = bytes.iter().position(|b| *b == 0xc3).unwrap() + 1; // inside the two-byte 'é'
    up.push(Reply::Sse {
        chunks: vec![
            (Duration::ZERO, bytes[..split].to_vec()),
            (Duration::from_millis(20), bytes[split..].to_vec()),
            (Duration::ZERO, b"data: {\"bad\": \"\xff\"}\n\n".to_vec()),
            (Duration::ZERO, b"data: [DONE]\n\n".to_vec()),
        ],
        cut: false,
        gate: None,
    });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    assert_eq!(data[0], ev, "a character split across reads is reassembled");
    assert_eq!(data.last().unwrap(), "[DONE]");
}

#[tokio::test]
async fn bad_requests_get_precise_openai_errors() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let cases: Vec<(&str, u16, &str)> = vec![
        ("{\"model\": ", 400, "not valid JSON"),
        ("[1,2]", 400, "must be a JSON object"),
        ("", 400, "empty"),
        (r#"{"messages": []}"#, 400, "'model': is required"),
        (r#"{"model": 42, "messages": []}"#, 400, "'model': invalid type: integer"),
        (r#"{"model": "m"}"#, 400, "'messages': is required"),
        (r#"{"model": "m", "messages": "hi"}"#, 400, "'messages': must be an array"),
        (r#"{"model": "m", "messages": [], "stream": "yes"}"#, 400, "'stream': invalid type: string"),
        (r#"{"model": "m@nowhere", "messages": []}"#, 400, "unknown provider 'nowhere'"),
    ];
    for (body, status, needle) in cases {
        let resp = client().post(relay.url("/v1/chat/completions")).bearer_auth(KEY).body(body).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), status, "{body}");
        let v: Value = resp.json().await.unwrap();
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains(needle), "{body}: {msg}");
        assert_eq!(v["error"]["type"], "invalid_request_error");
    }
    assert!(up.received().is_empty());
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let up = Upstream::start().await;
    let relay = Relay::start(&format!(
        "server:\n  max_body_bytes: 1000\n{}",
        api_config(&up.url(), &["sk-1"], "").replacen("server:\n", "", 1)
    ))
    .await;
    let big = json!({"model": "m", "messages": [{"role": "user", "content": "x".repeat(5000)}]});
    let resp = relay.post("/v1/chat/completions", &big).await;
    assert_eq!(resp.status(), 413);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("1000 bytes"));
    // Without a Content-Length (chunked), the limit still holds.
    let stream = futures_util::stream::iter((0..50).map(|_| Ok::<_, std::io::Error>(vec![b' '; 100])));
    let resp = client()
        .post(relay.url("/v1/chat/completions"))
        .bearer_auth(KEY)
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
}

#[tokio::test]
async fn unrouted_models_are_404_listing_what_exists() {
    let up = Upstream::start().await;
    let yaml = format!(
        "server:\n  access_key: \"{KEY}\"\nproviders:\n  up:\n    base_url: \"{}/v1\"\n    keys: [{{key: k}}]\n    models: {{include: [\"gpt-a\"]}}\n",
        up.url()
    );
    let relay = Relay::start(&yaml).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-b", "hi")).await;
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], "model_not_found");
    assert!(v["error"]["message"].as_str().unwrap().contains("gpt-a@up"), "{v}");
}

#[tokio::test]
async fn auth_accepts_three_headers_and_only_health_is_public() {
    let relay = Relay::start(&format!("server:\n  access_key: \"{KEY}\"\nproviders:\n  mock: {{provider_type: mock}}\nmodel_routing: {{default_provider: mock}}\n")).await;
    let c = client();
    let body = chat("echo", "hello");
    for (h, v) in
        [("authorization", format!("Bearer {KEY}")), ("x-api-key", KEY.to_string()), ("x-access-key", KEY.to_string())]
    {
        let resp = c.post(relay.url("/v1/chat/completions")).header(h, v).json(&body).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{h}");
    }
    for path in ["/v1/chat/completions", "/chat/completions"] {
        let resp = c.post(relay.url(path)).header("authorization", "Bearer wrong").json(&body).send().await.unwrap();
        assert_eq!(resp.status(), 401);
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["type"], "authentication_error");
    }
    for path in ["/v1/models", "/models", "/nope", "/v1/messages"] {
        assert_eq!(c.get(relay.url(path)).send().await.unwrap().status(), 401, "{path}");
    }
    let resp = c.post(relay.url("/v1/messages")).json(&body).send().await.unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error", "Anthropic routes answer in the Anthropic shape");
    assert_eq!(v["error"]["type"], "authentication_error");
    let health = c.get(relay.url("/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.json::<Value>().await.unwrap()["status"], "ok");
}

#[tokio::test]
async fn models_lists_includes_aliases_and_mock_models() {
    let up = Upstream::start().await;
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  up:\n    base_url: \"{}/v1\"\n    keys: [{{key: k}}]\n    models: {{include: [\"gpt-a\", \"gpt-b\"]}}\n  off:\n    enabled: false\n    base_url: \"{}/v1\"\n    models: {{include: [\"hidden\"]}}\n  mock: {{provider_type: mock}}\nmodel_routing:\n  aliases: {{fast: gpt-a}}\n",
        up.url(),
        up.url()
    );
    let relay = Relay::start(&yaml).await;
    let v: Value = client().get(relay.url("/v1/models")).bearer_auth(KEY).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> = v["data"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["fast", "gpt-a", "gpt-a@up", "gpt-b", "gpt-b@up", "echo@mock"]);
    assert_eq!(v["object"], "list");
    let first = &v["data"][2];
    assert_eq!((first["object"].as_str(), first["owned_by"].as_str()), (Some("model"), Some("up")));
    assert!(first["created"].as_u64().unwrap() > 1_700_000_000);
}

#[tokio::test]
async fn mock_streams_and_calls_tools() {
    let relay = Relay::start(&format!("server:\n  access_key: \"{KEY}\"\nproviders:\n  mock: {{provider_type: mock}}\nmodel_routing: {{default_provider: mock}}\n")).await;
    let mut req = chat("echo", "one two three");
    req["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    let text: String = data
        .iter()
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v["choices"][0]["delta"]["content"].as_str().map(String::from))
        .collect();
    assert_eq!(text, "one two three");
    assert!(data.len() >= 5, "streamed in pieces: {data:?}");
    let req = json!({"model": "echo", "messages": [{"role": "user", "content": "Paris"}],
        "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]});
    let v: Value = relay.post("/v1/chat/completions", &req).await.json().await.unwrap();
    let call = &v["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(call["function"]["name"], "weather");
    assert_eq!(
        serde_json::from_str::<Value>(call["function"]["arguments"].as_str().unwrap()).unwrap(),
        json!({"city": "Paris"})
    );
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
}

#[tokio::test]
async fn provider_retry_waits_and_tries_again() {
    let up = Upstream::start().await;
    let extra = "    retry: {enabled: true, max_retries: 2, backoff_factor: 1.0, backoff_max: 5}\n";
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], extra)).await;
    up.push(Reply::json(502, json!({"error": {"message": "flaky"}})));
    up.push(Reply::json(200, completion("second time lucky")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "2");
    assert_eq!(up.received().len(), 2);
}

#[tokio::test]
async fn h2c_clients_are_served() {
    let relay = Relay::start(&format!("server:\n  access_key: \"{KEY}\"\nproviders:\n  mock: {{provider_type: mock}}\nmodel_routing: {{default_provider: mock}}\n")).await;
    let c = reqwest::Client::builder().no_proxy().http2_prior_knowledge().build().unwrap();
    let resp =
        c.post(relay.url("/v1/chat/completions")).bearer_auth(KEY).json(&chat("echo", "over h2")).send().await.unwrap();
    assert_eq!(resp.version(), reqwest::Version::HTTP_2);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "over h2");
}

#[tokio::test]
async fn client_disconnect_mid_stream_is_recorded_as_499() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let gate = Arc::new(Notify::new());
    let ev = |s: &str| (Duration::ZERO, format!("data: {}\n\n", chunk(s)).into_bytes());
    up.push(Reply::Sse { chunks: vec![ev("a"), ev("b")], cut: false, gate: Some((1, gate.clone())) });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let resp = relay.post("/v1/chat/completions", &req).await;
    let mut body = resp.bytes_stream();
    body.next().await.unwrap().unwrap();
    drop(body);
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.status, 499);
    gate.notify_one();
}

#[tokio::test]
async fn graceful_shutdown_lets_an_in_flight_stream_finish() {
    let up = Upstream::start().await;
    let mut relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let ev = |s: &str, ms: u64| (Duration::from_millis(ms), format!("data: {}\n\n", chunk(s)).into_bytes());
    up.push(Reply::Sse {
        chunks: vec![ev("a", 0), ev("b", 300), (Duration::ZERO, b"data: [DONE]\n\n".to_vec())],
        cut: false,
        gate: None,
    });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let resp = relay.post("/v1/chat/completions", &req).await;
    relay.shutdown();
    let data = sse_data(resp).await;
    assert_eq!(data.last().unwrap(), "[DONE]");
    tokio::time::timeout(Duration::from_secs(10), relay.running.wait())
        .await
        .expect("server stops after the stream")
        .unwrap();
}

#[tokio::test]
async fn a_stalled_stream_hits_the_idle_timeout_and_ends_with_an_error_event() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "    timeout: 0.3\n")).await;
    let gate = Arc::new(Notify::new());
    let ev = |s: &str| (Duration::ZERO, format!("data: {}\n\n", chunk(s)).into_bytes());
    // The second event waits on a gate that is never opened: the upstream goes quiet.
    up.push(Reply::Sse {
        chunks: vec![ev("before the stall"), ev("never")],
        cut: false,
        gate: Some((1, gate.clone())),
    });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let data = tokio::time::timeout(Duration::from_secs(20), sse_data(relay.post("/v1/chat/completions", &req).await))
        .await
        .expect("the relay ends the stream itself");
    assert_eq!(data[0], chunk("before the stall"));
    let last: Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert!(last["error"]["message"].as_str().unwrap().contains("sent nothing for 0.3s"), "{last}");
    assert!(!data.iter().any(|d| d == "[DONE]"));
    gate.notify_one();
}

#[tokio::test]
async fn a_stream_slower_than_the_idle_timeout_in_total_but_not_between_events_completes() {
    // The idle timeout is per wait, not per stream: eight events 0.25 s apart (2 s in all) pass a
    // 1 s idle timeout, one timer for the stream's life notwithstanding.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "    timeout: 1\n")).await;
    let mut chunks: Vec<(Duration, Vec<u8>)> = (0..8)
        .map(|i| (Duration::from_millis(250), format!("data: {}\n\n", chunk(&format!("e{i}"))).into_bytes()))
        .collect();
    chunks.push((Duration::ZERO, b"data: [DONE]\n\n".to_vec()));
    up.push(Reply::Sse { chunks, cut: false, gate: None });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &req).await).await;
    let want: Vec<String> = (0..8).map(|i| chunk(&format!("e{i}"))).chain(["[DONE]".to_string()]).collect();
    assert_eq!(data, want);
}

#[tokio::test]
async fn a_stream_past_the_total_timeout_ends_with_an_error_event() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "    timeout: 5\n    total_timeout: 0.7\n")).await;
    let chunks: Vec<(Duration, Vec<u8>)> = (0..20)
        .map(|i| (Duration::from_millis(200), format!("data: {}\n\n", chunk(&format!("e{i}"))).into_bytes()))
        .collect();
    up.push(Reply::Sse { chunks, cut: false, gate: None });
    let mut req = chat("m", "hi");
    req["stream"] = json!(true);
    let data = tokio::time::timeout(Duration::from_secs(20), sse_data(relay.post("/v1/chat/completions", &req).await))
        .await
        .expect("the relay ends the stream itself");
    let last: Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert!(last["error"]["message"].as_str().unwrap().contains("took longer than 0.7s"), "{last}");
    assert!(data.len() < 20, "the stream went on past its total timeout: {} events", data.len());
    assert!(!data.iter().any(|d| d == "[DONE]"));
}

#[tokio::test]
async fn sticky_keeps_a_conversation_on_one_key() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2", "sk-3"], "    key_selection: sticky\n")).await;
    let conv = |first: &str, turn: &str| json!({"model": "m", "messages": [{"role": "system", "content": "sys"}, {"role": "user", "content": first}, {"role": "assistant", "content": "ok"}, {"role": "user", "content": turn}]});
    for i in 0..12 {
        up.push(Reply::json(200, completion("ok")));
        let first = format!("conversation {}", i % 3);
        assert_eq!(relay.post("/v1/chat/completions", &conv(&first, &format!("turn {i}"))).await.status(), 200);
    }
    let auths: Vec<String> = up.received().iter().map(|r| r.auth()).collect();
    for c in 0..3 {
        let keys: std::collections::HashSet<&String> = auths.iter().skip(c).step_by(3).collect();
        assert_eq!(keys.len(), 1, "conversation {c} moved between keys: {auths:?}");
    }
}

#[tokio::test]
async fn openai_only_endpoints_are_relayed_as_passthrough() {
    let up = Upstream::start().await;
    let yaml = format!(
        "{}  an: {{provider_type: anthropic, base_url: \"{}\", keys: [{{key: a}}], models: {{include: [claude-x]}}}}\n  mock: {{provider_type: mock}}\n",
        api_config(&up.url(), &["sk-1"], "    models: {include: [embed-x, davinci-x]}\n").replace("model_routing:\n  default_provider: up\n", ""),
        up.url()
    )
    .replace("providers:\n", "model_routing: {default_provider: up}\nproviders:\n");
    let relay = Relay::start(&yaml).await;
    up.push(Reply::json(200, json!({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}], "model": "embed-x", "usage": {"prompt_tokens": 3, "total_tokens": 3}})));
    let resp = relay.post("/v1/embeddings", &json!({"model": "embed-x", "input": "hello", "dimensions": 2})).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap()["data"][0]["embedding"], json!([0.1, 0.2]));
    let got = &up.received()[0];
    assert_eq!(got.path, "/v1/embeddings");
    assert_eq!(got.json(), json!({"model": "embed-x", "input": "hello", "dimensions": 2}));
    assert_eq!(relay.records.wait_for(1).await[0].tokens.as_ref().map(|t| t.input), Some(3));

    up.push(Reply::json(200, json!({"id": "cmpl-1", "object": "text_completion", "choices": [{"index": 0, "text": "lo", "finish_reason": "stop"}]})));
    assert_eq!(relay.post("/completions", &json!({"model": "davinci-x", "prompt": "hel"})).await.status(), 200);
    assert_eq!(up.received()[1].path, "/v1/completions");

    // An Anthropic provider cannot serve embeddings: a clear 400, nothing sent.
    let resp = relay.post("/v1/embeddings", &json!({"model": "claude-x", "input": "x"})).await;
    assert_eq!(resp.status(), 400);
    let msg = resp.json::<Value>().await.unwrap()["error"]["message"].as_str().unwrap().to_string();
    assert!(msg.contains("needs an OpenAI-compatible provider"), "{msg}");
    assert_eq!(up.received().len(), 2);

    // The mock answers embeddings deterministically.
    let a: Value = relay
        .post("/v1/embeddings", &json!({"model": "e@mock", "input": ["same", "same", "other"]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(a["data"][0]["embedding"], a["data"][1]["embedding"]);
    assert_ne!(a["data"][0]["embedding"], a["data"][2]["embedding"]);
}

#[tokio::test]
async fn connect_errors_and_first_byte_timeouts_fail_over() {
    let up = Upstream::start().await;
    // `down` listens nowhere (port 9 is discard, closed here); `slow` answers too late for its timeout.
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  down: {{base_url: \"http://127.0.0.1:9/v1\", keys: [{{key: d}}]}}\n  slow: {{base_url: \"{0}/v1\", timeout: 0.3, keys: [{{key: s}}]}}\n  slow2: {{base_url: \"{0}/v1\", timeout: 0.3, keys: [{{key: s2}}]}}\n  up: {{base_url: \"{0}/v1\", keys: [{{key: u}}]}}\nmodel_routing:\n  aliases: {{m: [m@down, m@slow, m@up]}}\n",
        up.url()
    );
    let relay = Relay::start(&yaml).await;
    up.push(Reply::Delayed(Duration::from_secs(2), Box::new(Reply::json(200, completion("too late")))));
    up.push(Reply::json(200, completion("in time")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-provider"], "up");
    assert_eq!(resp.json::<Value>().await.unwrap()["choices"][0]["message"]["content"], "in time");
    let rec = &relay.records.wait_for(1).await[0];
    let trail: Vec<(&str, u16)> = rec.attempts.iter().map(|a| (a.provider.as_str(), a.status)).collect();
    assert_eq!(trail, [("down", 0), ("slow", 0), ("up", 200)]);
    assert!(rec.attempts[0].error.as_deref().unwrap().contains("cannot reach the upstream"), "{:?}", rec.attempts[0]);
    assert!(rec.attempts[1].error.as_deref().unwrap().contains("did not answer within 0.3s"), "{:?}", rec.attempts[1]);
    // One timeout costs the key nothing: the next request for it goes upstream again.
    up.push(Reply::Delayed(Duration::from_secs(2), Box::new(Reply::json(200, completion("too late")))));
    let before = up.received().len();
    let resp = relay.post("/v1/chat/completions", &chat("m@slow", "hi")).await;
    assert_eq!(resp.status(), 504);
    assert_eq!(up.received().len(), before + 1);
    // With nothing left to try, a timeout is a 504 in the caller's dialect.
    up.push(Reply::Delayed(Duration::from_secs(2), Box::new(Reply::json(200, completion("too late")))));
    let resp = relay.post("/v1/chat/completions", &chat("m@slow2", "hi")).await;
    assert_eq!(resp.status(), 504);
    assert_eq!(resp.json::<Value>().await.unwrap()["error"]["type"], "timeout_error");
}

#[tokio::test]
async fn models_lists_models_fetched_from_upstreams() {
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  up:\n    base_url: \"http://127.0.0.1:9/v1\"\n    keys: [{{key: k}}]\n    models: {{include: [a], exclude: [\"*-old\"]}}\n"
    ))
    .await;
    relay.app.shared.upstream_models.lock().unwrap().insert("up".into(), vec!["a".into(), "b".into(), "c-old".into()]);
    let v: Value = client().get(relay.url("/v1/models")).bearer_auth(KEY).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> = v["data"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "a@up", "b@up"], "include first, fetched after, excluded never");
}
