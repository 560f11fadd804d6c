//! The Anthropic Messages routes and cross-dialect relaying against real upstream servers: what
//! goes upstream, what the client gets, stream and non-stream, errors in the caller's dialect.

use crate::common::*;
use serde_json::{Value, json};
use std::time::Duration;

/// One OpenAI-dialect provider `oa` and one Anthropic provider `an`.
fn two_dialects(oa: &str, an: &str, extra: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{oa}/v1\"\n    keys: [{{key: sk-oa-1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{an}\"\n    keys: [{{key: sk-an-1}}, {{key: sk-an-2}}]\n    models: {{include: [claude-t]}}\n{extra}"
    )
}

fn anthropic_sse(events: &[(&str, Value)]) -> Reply {
    Reply::Sse {
        chunks: events
            .iter()
            .map(|(name, data)| (Duration::ZERO, format!("event: {name}\ndata: {data}\n\n").into_bytes()))
            .collect(),
        cut: false,
        gate: None,
    }
}

/// Parse an SSE body into (event name, JSON data) pairs.
async fn sse_events(resp: reqwest::Response) -> Vec<(Option<String>, String)> {
    let text = resp.text().await.unwrap();
    text.split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(|e| {
            let name = e.lines().find_map(|l| l.strip_prefix("event: ")).map(String::from);
            let data = e.lines().filter_map(|l| l.strip_prefix("data: ")).collect::<Vec<_>>().join("\n");
            (name, data)
        })
        .collect()
}

async fn post_anthropic(relay: &Relay, body: &Value) -> reqwest::Response {
    client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "tools-2024-05-16")
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn anthropic_client_to_openai_upstream_non_stream_with_tools() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&two_dialects(&oa.url(), "http://127.0.0.1:9", "")).await;
    oa.push(Reply::json(200, json!({"id": "chatcmpl-9", "object": "chat.completion", "created": 5, "model": "gpt-t",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": "Let me check.",
            "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Paris\"}"}}]}}],
        "usage": {"prompt_tokens": 30, "completion_tokens": 9, "total_tokens": 39, "prompt_tokens_details": {"cached_tokens": 10}}})));
    let body = json!({"model": "gpt-t", "max_tokens": 300, "system": [{"type": "text", "text": "Be brief."}],
        "messages": [{"role": "user", "content": "Weather in Paris?"}],
        "tools": [{"name": "weather", "description": "get weather", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}],
        "tool_choice": {"type": "auto"}});
    let resp = post_anthropic(&relay, &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "message");
    assert_eq!(v["stop_reason"], "tool_use");
    assert_eq!(v["content"][0], json!({"type": "text", "text": "Let me check."}));
    assert_eq!(v["content"][1]["type"], "tool_use");
    assert_eq!(v["content"][1]["id"], "call_1");
    assert_eq!(v["content"][1]["input"], json!({"city": "Paris"}));
    assert_eq!(v["usage"]["input_tokens"], 20, "Anthropic input_tokens exclude cache reads");
    assert_eq!(v["usage"]["cache_read_input_tokens"], 10);
    assert_eq!(v["usage"]["output_tokens"], 9);

    let sent = oa.received()[0].json();
    assert_eq!(oa.received()[0].path, "/v1/chat/completions");
    assert_eq!(oa.received()[0].auth(), "Bearer sk-oa-1");
    assert_eq!(sent["model"], "gpt-t");
    assert_eq!(sent["messages"][0], json!({"role": "system", "content": "Be brief."}));
    assert_eq!(sent["messages"][1]["role"], "user");
    assert_eq!(sent["tools"][0]["type"], "function");
    assert_eq!(sent["tools"][0]["function"]["name"], "weather");
    assert_eq!(sent["tools"][0]["function"]["parameters"]["required"], json!(["city"]));
    assert_eq!(sent["tool_choice"], "auto");
    let max = sent.get("max_completion_tokens").or_else(|| sent.get("max_tokens")).cloned();
    assert_eq!(max, Some(json!(300)));
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output, t.cache_read)), Some((30, 9, 10)));
}

#[tokio::test]
async fn anthropic_client_to_openai_upstream_stream_with_tool_arguments_in_pieces() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&two_dialects(&oa.url(), "http://127.0.0.1:9", "")).await;
    let c = |delta: Value, finish: Value| {
        json!({"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}).to_string()
    };
    let usage = json!({"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t", "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 6, "total_tokens": 18}}).to_string();
    oa.push(Reply::sse(&[
        &c(json!({"role": "assistant", "content": ""}), Value::Null),
        &c(json!({"content": "Checking"}), Value::Null),
        &c(json!({"tool_calls": [{"index": 0, "id": "call_9", "type": "function", "function": {"name": "weather", "arguments": ""}}]}), Value::Null),
        &c(json!({"tool_calls": [{"index": 0, "function": {"arguments": "{\"ci"}}]}), Value::Null),
        &c(json!({"tool_calls": [{"index": 0, "function": {"arguments": "ty\": \"Oslo\"}"}}]}), Value::Null),
        &c(json!({}), json!("tool_calls")),
        &usage,
        "[DONE]",
    ]));
    let body = json!({"model": "gpt-t", "max_tokens": 100, "stream": true, "messages": [{"role": "user", "content": "Oslo?"}],
        "tools": [{"name": "weather", "input_schema": {"type": "object"}}]});
    let resp = post_anthropic(&relay, &body).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let events = sse_events(resp).await;
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_deref().unwrap_or("")).collect();
    assert_eq!(names.first(), Some(&"message_start"));
    assert_eq!(names.last(), Some(&"message_stop"));
    let json_pieces: Vec<String> = events
        .iter()
        .filter_map(|(_, d)| serde_json::from_str::<Value>(d).ok())
        .filter(|v| v["delta"]["type"] == "input_json_delta")
        .map(|v| v["delta"]["partial_json"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(json_pieces.concat(), "{\"city\": \"Oslo\"}");
    assert!(json_pieces.len() >= 2, "arguments stay streamed in pieces: {json_pieces:?}");
    let delta: Value = events
        .iter()
        .filter(|(n, _)| n.as_deref() == Some("message_delta"))
        .map(|(_, d)| serde_json::from_str(d).unwrap())
        .next()
        .unwrap();
    assert_eq!(delta["delta"]["stop_reason"], "tool_use");
    assert_eq!(delta["usage"]["output_tokens"], 6);
    let sent = oa.received()[0].json();
    assert_eq!(sent["stream"], true);
    assert_eq!(sent["stream_options"]["include_usage"], true);
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((12, 6)));
}

#[tokio::test]
async fn openai_client_to_anthropic_upstream_stream_with_thinking() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    an.push(anthropic_sse(&[
        ("message_start", json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 21, "output_tokens": 1}}})),
        ("content_block_start", json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Let me think."}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "sig=="}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        ("ping", json!({"type": "ping"})),
        ("content_block_start", json!({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Forty"}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "-two."}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 1})),
        ("message_delta", json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 15}})),
        ("message_stop", json!({"type": "message_stop"})),
    ]));
    let body = json!({"model": "claude-t", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "system", "content": "sys"}, {"role": "user", "content": "meaning?"}]});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let data = sse_data(resp).await;
    assert_eq!(data.last().unwrap(), "[DONE]");
    let chunks: Vec<Value> = data.iter().filter(|d| *d != "[DONE]").map(|d| serde_json::from_str(d).unwrap()).collect();
    let field = |f: &str| chunks.iter().filter_map(|c| c["choices"][0]["delta"][f].as_str()).collect::<String>();
    assert_eq!(field("content"), "Forty-two.");
    assert_eq!(field("reasoning_content"), "Let me think.");
    assert!(chunks.iter().all(|c| c["object"] == "chat.completion.chunk"));
    let finish: Vec<&Value> =
        chunks.iter().filter_map(|c| c["choices"][0].get("finish_reason")).filter(|f| !f.is_null()).collect();
    assert_eq!(finish, [&json!("stop")]);
    let usage = &chunks.last().unwrap()["usage"];
    assert_eq!((usage["prompt_tokens"].as_u64(), usage["completion_tokens"].as_u64()), (Some(21), Some(15)));

    let got = &an.received()[0];
    assert_eq!(got.path, "/v1/messages");
    assert_eq!(got.headers["x-api-key"], "sk-an-1");
    assert_eq!(got.headers["anthropic-version"], "2023-06-01");
    let sent = got.json();
    assert_eq!(sent["system"], json!("sys"));
    assert_eq!(sent["max_tokens"], 4096, "translation.default_max_tokens");
    assert_eq!(sent["messages"], json!([{"role": "user", "content": "meaning?"}]));
}

#[tokio::test]
async fn translated_stream_cut_is_an_error_event_without_done() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    let mut reply = anthropic_sse(&[
        (
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t", "content": [], "usage": {"input_tokens": 3, "output_tokens": 0}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "half"}}),
        ),
    ]);
    if let Reply::Sse { cut, .. } = &mut reply {
        *cut = true;
    }
    an.push(reply);
    let body = json!({"model": "claude-t", "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let data = sse_data(relay.post("/v1/chat/completions", &body).await).await;
    assert!(!data.iter().any(|d| d == "[DONE]"), "{data:?}");
    let last: Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert!(last["error"]["message"].as_str().unwrap().starts_with("[an] "), "{last}");
    assert!(data.iter().any(|d| d.contains("half")));
    assert_eq!(relay.records.wait_for(1).await[0].status, 502);
}

#[tokio::test]
async fn anthropic_passthrough_keeps_the_body_and_forwards_version_headers() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    an.push(Reply::json(200, json!({"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-t", "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 4, "output_tokens": 1, "cache_read_input_tokens": 6}})));
    let raw = r#"{"model":"claude-t","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]}],"x_new_feature":{"a":[1.50]}}"#;
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "prompt-caching-2024-07-31")
        .body(raw)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["content"][0]["text"], "ok");
    let got = &an.received()[0];
    assert_eq!(std::str::from_utf8(&got.body).unwrap(), raw);
    assert_eq!(got.headers["anthropic-beta"], "prompt-caching-2024-07-31");
    assert_eq!(got.headers["x-api-key"], "sk-an-1");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.cache_read)), Some((10, 6)));
}

#[tokio::test]
async fn anthropic_stream_passthrough_is_forwarded_and_a_cut_is_an_error_event() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    let events = [
        (
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t", "content": [], "usage": {"input_tokens": 3, "output_tokens": 0}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "hey"}}),
        ),
    ];
    let mut cut = anthropic_sse(&events);
    if let Reply::Sse { cut: c, .. } = &mut cut {
        *c = true;
    }
    an.push(cut);
    let body =
        json!({"model": "claude-t", "max_tokens": 10, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let got = sse_events(post_anthropic(&relay, &body).await).await;
    assert_eq!(
        got[..3].iter().map(|(n, _)| n.clone().unwrap()).collect::<Vec<_>>(),
        ["message_start", "content_block_start", "content_block_delta"]
    );
    let (name, data) = got.last().unwrap();
    assert_eq!(name.as_deref(), Some("error"));
    let v: Value = serde_json::from_str(data).unwrap();
    assert_eq!(v["type"], "error");
    assert!(!got.iter().any(|(n, _)| n.as_deref() == Some("message_stop")));
}

#[tokio::test]
async fn errors_on_anthropic_routes_are_anthropic_shaped_with_the_real_status() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&two_dialects(&oa.url(), "http://127.0.0.1:9", "")).await;
    oa.push(Reply::Json {
        status: 429,
        body: json!({"error": {"message": "too many", "type": "rate_limit_error"}}),
        headers: vec![("retry-after", "7".into())],
    });
    let body = json!({"model": "gpt-t", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]});
    let resp = post_anthropic(&relay, &body).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "7");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v, json!({"type": "error", "error": {"type": "rate_limit_error", "message": "[oa] too many"}}));
    let bad = client().post(relay.url("/v1/messages")).header("x-api-key", KEY).body("{not json").send().await.unwrap();
    assert_eq!(bad.status(), 400);
    let v: Value = bad.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "invalid_request_error");
    let bad = post_anthropic(
        &relay,
        &json!({"model": "gpt-t", "max_tokens": 10, "messages": [{"role": "user", "content": [{"type": "video"}]}]}),
    )
    .await;
    assert_eq!(bad.status(), 400);
    let v: Value = bad.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("messages[0].content[0]"), "{v}");
}

#[tokio::test]
async fn fields_the_other_dialect_cannot_carry_are_400_unless_dropped() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    let body = json!({"model": "claude-t", "n": 2, "messages": [{"role": "user", "content": "hi"}]});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["param"], "n");
    assert!(v["error"]["message"].as_str().unwrap().contains("drop_unsupported"), "{v}");
    assert!(an.received().is_empty());

    let an2 = Upstream::start().await;
    let relay2 =
        Relay::start(&two_dialects("http://127.0.0.1:9", &an2.url(), "translation: {drop_unsupported: true}\n")).await;
    an2.push(Reply::json(200, json!({"id": "msg_3", "type": "message", "role": "assistant", "model": "claude-t", "content": [{"type": "text", "text": "fine"}], "stop_reason": "max_tokens", "stop_sequence": null, "usage": {"input_tokens": 4, "output_tokens": 1}})));
    let v: Value = relay2.post("/v1/chat/completions", &body).await.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "fine");
    assert_eq!(v["choices"][0]["finish_reason"], "length");
    assert!(an2.received()[0].json().get("n").is_none());
}

#[tokio::test]
async fn count_tokens_asks_anthropic_upstreams_and_estimates_otherwise() {
    let an = Upstream::start().await;
    let relay = Relay::start(&two_dialects("http://127.0.0.1:9", &an.url(), "")).await;
    an.push(Reply::json(200, json!({"input_tokens": 1234})));
    let body = json!({"model": "claude-t", "messages": [{"role": "user", "content": "count me"}]});
    let resp = client()
        .post(relay.url("/v1/messages/count_tokens"))
        .header("x-api-key", KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap(), json!({"input_tokens": 1234}));
    assert_eq!(an.received()[0].path, "/v1/messages/count_tokens");

    let est = json!({"model": "gpt-t", "system": "be brief", "messages": [{"role": "user", "content": "count these words for me please"}]});
    let resp =
        client().post(relay.url("/v1/messages/count_tokens")).header("x-api-key", KEY).json(&est).send().await.unwrap();
    assert_eq!(resp.headers()["x-monorelay-estimated"], "true");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["estimated"], true);
    let n = v["input_tokens"].as_u64().unwrap();
    assert!((8..=20).contains(&n), "estimate {n}");
}
