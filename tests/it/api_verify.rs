//! `POST /api/providers/{name}/verify` (`providers.verify`): the text, tool-call and stream probes
//! against loopback OpenAI and Anthropic upstreams — all ok on proper answers, the tool check
//! failing on a text-only answer, the stream check failing on a stream cut before its end, upstream
//! errors reported in a 200 without touching key health — admin only.

use crate::api_fixture::*;
use crate::common::*;
use serde_json::{Value, json};

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"].as_array().and_then(|c| c.iter().find(|c| c["check"] == name)).expect("check")
}

fn oks(report: &Value) -> Vec<(String, bool)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["check"].as_str().unwrap().to_string(), c["ok"].as_bool().unwrap()))
        .collect()
}

fn expected(text: bool, tool: bool, stream: bool) -> Vec<(String, bool)> {
    vec![("text".into(), text), ("tool_call".into(), tool), ("stream".into(), stream)]
}

fn cut_stream(events: &[String]) -> Reply {
    Reply::Sse {
        chunks: events.iter().map(|e| (std::time::Duration::ZERO, format!("data: {e}\n\n").into_bytes())).collect(),
        cut: true,
        gate: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_probes_an_openai_provider() {
    let api = Api::start("").await;
    let admin = api.ada.session.clone();
    let path = "/api/providers/up/verify";
    expect_error(&api.call("POST", path, &api.bob.key, Some(json!({"model": "m"}))).await, 403, "forbidden");
    expect_error(&api.call("POST", "/api/providers/nope/verify", &admin, None).await, 404, "not_found");
    expect_error(&api.call("POST", path, &admin, Some(json!({"key": "nokey", "model": "m"}))).await, 404, "not_found");
    let e = api.call("POST", path, &admin, Some(json!({"modle": "m"}))).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("body.modle"));

    // A proper upstream: all three ok.
    let call = json!({"id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
        "tool_calls": [{"id": "call_1", "type": "function",
            "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]}}]});
    api.upstream.push(Reply::json(200, completion("ok")));
    api.upstream.push(Reply::json(200, call));
    api.upstream.push(Reply::sse(&[&chunk("o"), &chunk("k"), "[DONE]"]));
    let (s, r) = api.call("POST", path, &admin, Some(json!({"model": "m"}))).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(oks(&r), expected(true, true, true), "{r}");
    assert_eq!((r["ok"].as_bool(), r["key"].as_str(), r["model"].as_str()), (Some(true), Some("k1"), Some("m")), "{r}");
    assert!(check(&r, "stream")["first_token_ms"].is_number(), "{r}");
    assert!(check(&r, "text")["first_token_ms"].is_null(), "{r}");
    assert_eq!(check(&r, "text")["status"], 200);
    let sent = api.upstream.received();
    let bodies: Vec<Value> = sent[sent.len() - 3..].iter().map(|r| r.json()).collect();
    assert_eq!(bodies[1]["tool_choice"]["function"]["name"], "get_weather", "{:?}", bodies[1]);
    assert_eq!(bodies[2]["stream"], true);
    assert!(bodies[0]["tools"].is_null());

    // Text only where a call was forced; a stream cut before [DONE]; with the second key.
    api.upstream.push(Reply::json(200, completion("ok")));
    api.upstream.push(Reply::json(200, completion("It is sunny in Paris.")));
    api.upstream.push(cut_stream(&[chunk("o"), chunk("k")]));
    let (s, r) = api.call("POST", path, &admin, Some(json!({"model": "m", "key": "k2"}))).await;
    assert_eq!((s, r["key"].as_str(), r["ok"].as_bool()), (200, Some("k2"), Some(false)), "{r}");
    assert_eq!(oks(&r), expected(true, false, false), "{r}");
    assert!(check(&r, "tool_call")["message"].as_str().unwrap().contains("no call"), "{r}");
    assert_eq!(check(&r, "stream")["status"], 200, "{r}");

    // Upstream errors: a 200 with failed checks, the key's health untouched.
    for _ in 0..3 {
        api.upstream.push(Reply::json(401, json!({"error": {"message": "bad key", "type": "auth"}})));
    }
    let (s, r) = api.call("POST", path, &admin, Some(json!({"model": "m"}))).await;
    assert_eq!((s, r["ok"].as_bool()), (200, Some(false)), "{r}");
    for c in r["checks"].as_array().unwrap() {
        assert_eq!((c["status"].as_u64(), c["message"].as_str()), (Some(401), Some("bad key")), "{r}");
    }
    let (_, p) = api.call("GET", "/api/providers/up", &admin, None).await;
    assert_eq!(p["keys"][0]["status"]["state"], "available", "{p}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_probes_an_anthropic_provider_and_the_cli_reports_it() {
    let api = Api::start("").await;
    let admin = api.ada.key.clone();
    let body = json!({"name": "claude", "config": {"provider_type": "anthropic",
        "base_url": api.upstream.url(), "keys": [{"key": "sk-ant-1", "label": "a1"}]}});
    let (s, v) = api.call("POST", "/api/providers", &admin, Some(body)).await;
    assert_eq!(s, 201, "{v}");
    let text = json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "c",
        "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn"});
    let tool = json!({"id": "msg_2", "type": "message", "role": "assistant", "model": "c",
        "content": [{"type": "tool_use", "id": "tu_1", "name": "get_weather", "input": {"city": "Paris"}}],
        "stop_reason": "tool_use"});
    let events = [
        json!({"type": "message_start", "message": {"id": "msg_3", "type": "message", "role": "assistant", "content": []}}),
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}}),
        json!({"type": "content_block_stop", "index": 0}),
        json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}}),
        json!({"type": "message_stop"}),
    ]
    .map(|e| e.to_string());
    api.upstream.push(Reply::json(200, text.clone()));
    api.upstream.push(Reply::json(200, tool));
    api.upstream.push(Reply::sse(&events.iter().map(String::as_str).collect::<Vec<_>>()));
    let (s, r) = api.call("POST", "/api/providers/claude/verify", &admin, Some(json!({"model": "c"}))).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(oks(&r), expected(true, true, true), "{r}");
    let sent = api.upstream.received();
    let tool_req = sent[sent.len() - 2].json();
    assert_eq!(tool_req["tool_choice"], json!({"type": "tool", "name": "get_weather"}), "{tool_req}");

    // Text where the tool was forced, and a stream cut before message_stop: through the CLI.
    api.upstream.push(Reply::json(200, text.clone()));
    api.upstream.push(Reply::json(200, text));
    api.upstream.push(cut_stream(&events[..3]));
    let out = cli(
        &api.config_path,
        &api._dir.path().join("data"),
        &["--json", "providers", "verify", "claude", "--model", "c"],
    )
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    let r: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(oks(&r), expected(true, false, false), "{r}");
}
