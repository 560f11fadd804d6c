//! Routing against real upstreams: cascade failover, tool-call downgrade and emulation, and the
//! parameter layers as the upstream receives them.

use crate::common::*;
use serde_json::{Value, json};

fn tools_request(stream: bool) -> Value {
    json!({"model": "small", "stream": stream,
        "tools": [{"type": "function", "function": {"name": "weather", "description": "Weather by city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
        "messages": [
            {"role": "user", "content": "Weather in Oslo?"},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Oslo\"}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "sunny, 21C"},
            {"role": "user", "content": "And in Bergen?"}]})
}

#[tokio::test]
async fn cascade_fails_over_from_a_provider_whose_keys_all_fail() {
    let bad = Upstream::start().await;
    let good = Upstream::start().await;
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  bad:\n    base_url: \"{}/v1\"\n    keys: [{{key: b1}}, {{key: b2}}]\n    models: {{include: [m1]}}\n  good:\n    base_url: \"{}/v1\"\n    keys: [{{key: g1}}]\n    models: {{include: [m2]}}\nmodel_routing:\n  cascade: {{enabled: true, models: [m2]}}\n",
        bad.url(),
        good.url()
    );
    let relay = Relay::start(&yaml).await;
    // A client fault is answered as-is, not cascaded.
    bad.push(Reply::json(400, json!({"error": {"message": "bad param"}})));
    let resp = relay.post("/v1/chat/completions", &chat("m1", "hi")).await;
    assert_eq!(resp.status(), 400);
    assert!(good.received().is_empty());

    bad.push(Reply::json(500, json!({"error": {"message": "down"}})));
    bad.push(Reply::json(503, json!({"error": {"message": "still down"}})));
    good.push(Reply::json(200, completion("from the cascade")));
    let resp = relay.post("/v1/chat/completions", &chat("m1", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-provider"], "good");
    assert_eq!(resp.headers()["x-monorelay-model"], "m2");
    assert_eq!(resp.headers()["x-monorelay-attempts"], "3");
    assert_eq!(good.received()[0].json()["model"], "m2");
    let rec = &relay.records.wait_for(2).await[1];
    let trail: Vec<(&str, u16)> = rec.attempts.iter().map(|a| (a.provider.as_str(), a.status)).collect();
    assert_eq!(trail, [("bad", 500), ("bad", 503), ("good", 200)]);
}

#[tokio::test]
async fn an_upstream_that_rejects_tools_gets_a_downgraded_conversation_and_is_remembered() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    up.push(Reply::json(
        400,
        json!({"error": {"message": "This model does not support tools", "type": "invalid_request_error"}}),
    ));
    up.push(Reply::json(200, completion("Bergen is rainy.")));
    up.push(Reply::json(200, completion("again")));
    let resp = relay.post("/v1/chat/completions", &tools_request(false)).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "Bergen is rainy.");
    let got = up.received();
    assert!(got[0].json().get("tools").is_some());
    let second = got[1].json();
    assert!(second.get("tools").is_none() && second.get("tool_choice").is_none(), "{second}");
    let messages = second["messages"].as_array().unwrap();
    assert!(messages.iter().all(|m| m.get("tool_calls").is_none() && m["role"] != "tool"), "{second}");
    let history: String = messages.iter().map(|m| m["content"].to_string()).collect();
    assert!(history.contains("weather") && history.contains("sunny, 21C"), "history kept as text: {history}");
    assert_eq!(relay.app.runtime.load().tool_support.list(), [("up".to_string(), "small".to_string())]);
    // Remembered: the next tool request is downgraded at once.
    assert_eq!(relay.post("/v1/chat/completions", &tools_request(false)).await.status(), 200);
    assert!(up.received()[2].json().get("tools").is_none());
}

#[tokio::test]
async fn listed_models_are_downgraded_without_asking() {
    let up = Upstream::start().await;
    let relay = Relay::start(&format!(
        "{}tool_calling: {{unsupported_models: [\"sm*\"]}}\n",
        api_config(&up.url(), &["sk-1"], "")
    ))
    .await;
    up.push(Reply::json(200, completion("ok")));
    assert_eq!(relay.post("/v1/chat/completions", &tools_request(false)).await.status(), 200);
    assert!(up.received()[0].json().get("tools").is_none());
}

#[tokio::test]
async fn emulation_turns_a_json_answer_into_a_tool_call_stream_and_not() {
    let up = Upstream::start().await;
    let relay = Relay::start(&format!(
        "{}tool_calling: {{unsupported_models: [small], emulate: true}}\n",
        api_config(&up.url(), &["sk-1"], "")
    ))
    .await;
    let call = r#"{"tool_call": {"name": "weather", "arguments": {"city": "Bergen"}}}"#;
    up.push(Reply::json(200, completion(call)));
    let v: Value = relay.post("/v1/chat/completions", &tools_request(false)).await.json().await.unwrap();
    let tc = &v["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(tc["function"]["name"], "weather");
    assert_eq!(
        serde_json::from_str::<Value>(tc["function"]["arguments"].as_str().unwrap()).unwrap(),
        json!({"city": "Bergen"})
    );
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
    let sent = up.received()[0].json();
    let system = sent["messages"][0]["content"].as_str().unwrap();
    assert!(
        system.contains("weather") && system.contains("tool_call"),
        "tools described in the system prompt: {system}"
    );

    // Streamed: the JSON arrives in pieces and leaves as a tool call.
    let pieces = [r#"{"tool_call": {"name": "#, r#""weather", "arguments": "#, r#"{"city": "Bergen"}}}"#];
    let mut events: Vec<String> = vec![chunk("")];
    events.extend(pieces.iter().map(|p| chunk(p)));
    events.push(json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}).to_string());
    events.push("[DONE]".into());
    up.push(Reply::sse(&events.iter().map(String::as_str).collect::<Vec<_>>()));
    let data = sse_data(relay.post("/v1/chat/completions", &tools_request(true)).await).await;
    let chunks: Vec<Value> = data.iter().filter(|d| *d != "[DONE]").map(|d| serde_json::from_str(d).unwrap()).collect();
    let name: String =
        chunks.iter().filter_map(|c| c["choices"][0]["delta"]["tool_calls"][0]["function"]["name"].as_str()).collect();
    let args: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str())
        .collect();
    assert_eq!(name, "weather");
    assert_eq!(serde_json::from_str::<Value>(&args).unwrap(), json!({"city": "Bergen"}));
    assert!(
        chunks.iter().all(|c| c["choices"][0]["delta"]["content"].as_str().unwrap_or("").is_empty()),
        "no JSON text leaks: {data:?}"
    );
    assert!(chunks.iter().any(|c| c["choices"][0]["finish_reason"] == "tool_calls"));

    // Plain text still streams through as text.
    up.push(Reply::sse(&[&chunk("It is "), &chunk("rainy."), "[DONE]"]));
    let data = sse_data(relay.post("/v1/chat/completions", &tools_request(true)).await).await;
    let text: String = data
        .iter()
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str().map(String::from))
        .collect();
    assert_eq!(text, "It is rainy.");
}

#[tokio::test]
async fn parameter_layers_reach_the_upstream_and_the_log_keeps_both_bodies() {
    let up = Upstream::start().await;
    let extra = "    params: {temperature: 0.2}\n    system_prompt: \"Provider rules.\"\n";
    let yaml = format!(
        "{}  payload_transformation:\n    enabled: true\n    rules: [{{models: [\"m*\"], inject_params: {{top_p: 0.9}}, override_params: {{\"metadata.source\": relay}}}}]\n  global_params: {{enabled: true, mode: default, params: {{seed: 1}}, system_prompt: \"Global rules.\"}}\n",
        api_config(&up.url(), &["sk-1"], extra)
    );
    let relay = Relay::start(&yaml).await;
    up.push(Reply::json(200, completion("ok")));
    let req = json!({"model": "m", "temperature": 1.5, "messages": [{"role": "system", "content": "Client rules."}, {"role": "user", "content": "hi"}]});
    assert_eq!(relay.post("/v1/chat/completions", &req).await.status(), 200);
    let sent = up.received()[0].json();
    assert_eq!(
        (sent["temperature"].as_f64(), sent["top_p"].as_f64(), sent["seed"].as_i64()),
        (Some(0.2), Some(0.9), Some(1))
    );
    assert_eq!(sent["metadata"], json!({"source": "relay"}));
    let system: Vec<&str> = sent["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "system")
        .map(|m| m["content"].as_str().unwrap())
        .collect();
    assert_eq!(system, ["Provider rules.", "Global rules.\n\nClient rules."]);
    let rec = &relay.records.wait_for(1).await[0];
    let bodies = rec.bodies.as_ref().unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&bodies.request).unwrap(), req, "the client's request is kept as sent");
    assert_eq!(serde_json::from_slice::<Value>(bodies.upstream_request.as_ref().unwrap()).unwrap(), sent);
}
