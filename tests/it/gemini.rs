//! Gemini as a dialect, inbound and upstream, against real loopback upstreams: Gemini clients
//! through chat-completions and Anthropic upstreams (plain, SSE and the JSON-array stream, tools
//! and thinking), OpenAI and Anthropic clients through a Gemini upstream, Gemini to Gemini passed
//! through with only the model moved into the URL; credentials from `x-goog-api-key` and `?key=`,
//! errors in Gemini's shape, the models list and `countTokens`.

use crate::common::*;
use serde_json::{Value, json};
use std::time::Duration;

/// `oa`: chat completions (model `gpt-t`); `an`: Anthropic (`claude-t`); `gm`: Gemini (`gem-t`).
fn config(oa: &str, an: &str, gm: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{oa}/v1\"\n    keys: [{{key: sk-oa-1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{an}\"\n    keys: [{{key: sk-an-1}}]\n    models: {{include: [claude-t]}}\n  gm:\n    provider_type: gemini\n    base_url: \"{gm}\"\n    keys: [{{key: gm-key-1}}]\n    models: {{include: [gem-t]}}\n"
    )
}

const NOWHERE: &str = "http://127.0.0.1:9";

async fn gemini_post(relay: &Relay, path: &str, body: &Value) -> reqwest::Response {
    client().post(relay.url(path)).header("x-goog-api-key", KEY).json(body).send().await.expect("send")
}

fn tool_turns() -> Value {
    json!({
        "systemInstruction": {"parts": [{"text": "Be brief."}]},
        "contents": [
            {"role": "user", "parts": [{"text": "Weather in Paris?"}]},
            {"role": "model", "parts": [{"functionCall": {"name": "weather", "args": {"city": "Paris"}}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "weather", "response": {"output": "sunny"}}}]}
        ],
        "tools": [{"functionDeclarations": [{"name": "weather", "description": "get weather",
            "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"]}}]}],
        "toolConfig": {"functionCallingConfig": {"mode": "AUTO"}},
        "generationConfig": {"temperature": 0.2, "maxOutputTokens": 100, "stopSequences": ["END"]}
    })
}

#[tokio::test]
async fn gemini_client_through_chat_upstream_with_tools() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&config(&oa.url(), NOWHERE, NOWHERE)).await;
    oa.push(Reply::json(200, json!({"id": "chatcmpl-7", "object": "chat.completion", "created": 5, "model": "gpt-t",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
            "tool_calls": [{"id": "call_9", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Lyon\"}"}}]}}],
        "usage": {"prompt_tokens": 30, "completion_tokens": 4, "total_tokens": 34, "prompt_tokens_details": {"cached_tokens": 10}}})));
    let resp = gemini_post(&relay, "/v1beta/models/gpt-t:generateContent", &tool_turns()).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let part = &v["candidates"][0]["content"]["parts"][0];
    assert_eq!(part["functionCall"], json!({"id": "call_9", "name": "weather", "args": {"city": "Lyon"}}));
    assert_eq!(v["candidates"][0]["finishReason"], "STOP");
    assert_eq!(v["candidates"][0]["content"]["role"], "model");
    assert_eq!(v["usageMetadata"]["promptTokenCount"], 30);
    assert_eq!(v["usageMetadata"]["cachedContentTokenCount"], 10);
    assert_eq!(v["usageMetadata"]["candidatesTokenCount"], 4);
    // What the chat upstream got: the system prompt, the call and its result paired by id.
    let got = oa.received()[0].json();
    assert_eq!(oa.received()[0].path, "/v1/chat/completions");
    assert_eq!(got["model"], "gpt-t");
    assert_eq!(got["messages"][0], json!({"role": "system", "content": "Be brief."}));
    let call_id = got["messages"][2]["tool_calls"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(got["messages"][2]["tool_calls"][0]["function"]["name"], "weather");
    assert_eq!(got["messages"][3]["role"], "tool");
    assert_eq!(got["messages"][3]["tool_call_id"], call_id.as_str());
    assert_eq!(got["messages"][3]["content"], "sunny");
    assert_eq!(got["tools"][0]["function"]["parameters"]["properties"]["city"]["type"], "string");
    assert_eq!(got["tools"][0]["function"]["parameters"]["type"], "object");
    assert_eq!(got["stop"], json!(["END"]));
    assert_eq!(got["temperature"], 0.2);
    let recs = relay.records.wait_for(1).await;
    assert_eq!(recs[0].inbound, monorelay::dialect::Dialect::Gemini);
    assert_eq!(recs[0].requested_model, "gpt-t");
}

#[tokio::test]
async fn gemini_client_streams_from_anthropic_upstream_with_thinking() {
    let an = Upstream::start().await;
    let relay = Relay::start(&config(NOWHERE, &an.url(), NOWHERE)).await;
    let events = [
        (
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t", "content": [], "stop_reason": null, "usage": {"input_tokens": 12, "output_tokens": 1}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Hmm."}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "SIG"}}),
        ),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Hel"}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "lo"}}),
        ),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 1})),
        (
            "message_delta",
            json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 9}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ];
    an.push(Reply::Sse {
        chunks: events
            .iter()
            .map(|(n, d)| (Duration::ZERO, format!("event: {n}\ndata: {d}\n\n").into_bytes()))
            .collect(),
        cut: false,
        gate: None,
    });
    let body = json!({"contents": [{"role": "user", "parts": [{"text": "hi"}]}],
        "generationConfig": {"thinkingConfig": {"thinkingBudget": 2048, "includeThoughts": true}, "maxOutputTokens": 4096}});
    let resp = client()
        .post(relay.url("/v1beta/models/claude-t:streamGenerateContent?alt=sse"))
        .header("x-goog-api-key", KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let chunks: Vec<Value> = sse_data(resp).await.iter().map(|d| serde_json::from_str(d).unwrap()).collect();
    let parts: Vec<&Value> =
        chunks.iter().flat_map(|c| c["candidates"][0]["content"]["parts"].as_array().unwrap()).collect();
    assert_eq!(parts[0], &json!({"text": "Hmm.", "thought": true}));
    assert_eq!(parts[1], &json!({"text": "", "thought": true, "thoughtSignature": "SIG"}));
    let text: String = parts.iter().filter(|p| p.get("thought").is_none()).filter_map(|p| p["text"].as_str()).collect();
    assert_eq!(text, "Hello");
    let last = chunks.last().unwrap();
    assert_eq!(last["candidates"][0]["finishReason"], "STOP");
    assert_eq!(last["usageMetadata"]["promptTokenCount"], 12);
    assert_eq!(last["usageMetadata"]["candidatesTokenCount"], 9);
    let got = an.received()[0].json();
    assert_eq!(got["thinking"], json!({"type": "enabled", "budget_tokens": 2048}));
    assert_eq!(got["stream"], true);
    assert_eq!(an.received()[0].headers["x-api-key"], "sk-an-1");
    let recs = relay.records.wait_for(1).await;
    assert_eq!(recs[0].status, 200);
}

#[tokio::test]
async fn gemini_json_array_stream_without_alt_sse() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&config(&oa.url(), NOWHERE, NOWHERE)).await;
    let done = json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t",
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    .to_string();
    let usage = json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t",
        "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}})
    .to_string();
    oa.push(Reply::sse(&[&chunk("Hi"), &chunk(" there"), &done, &usage, "[DONE]"]));
    // The key in the query, as some Gemini clients send it.
    let resp = client()
        .post(relay.url(&format!("/v1beta/models/gpt-t:streamGenerateContent?key={KEY}")))
        .json(&json!({"contents": [{"parts": [{"text": "hi"}]}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/json");
    let arr: Vec<Value> = resp.json().await.unwrap();
    let text: String = arr
        .iter()
        .flat_map(|c| c["candidates"][0]["content"]["parts"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["text"].as_str().map(str::to_string))
        .collect();
    assert_eq!(text, "Hi there");
    assert_eq!(arr.last().unwrap()["usageMetadata"]["totalTokenCount"], 5);
}

fn gemini_answer(parts: Value, finish: &str) -> Value {
    json!({"candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": finish, "index": 0}],
        "usageMetadata": {"promptTokenCount": 20, "candidatesTokenCount": 5, "thoughtsTokenCount": 3, "totalTokenCount": 28, "cachedContentTokenCount": 4},
        "modelVersion": "gem-t", "responseId": "r1"})
}

#[tokio::test]
async fn openai_client_through_gemini_upstream() {
    let gm = Upstream::start().await;
    let relay = Relay::start(&config(NOWHERE, NOWHERE, &gm.url())).await;
    gm.push(Reply::json(200, gemini_answer(json!([{"text": "Let me look.", "thought": true}, {"functionCall": {"name": "weather", "args": {"city": "Oslo"}}, "thoughtSignature": "GSIG"}]), "STOP")));
    let body = json!({"model": "gem-t", "messages": [{"role": "system", "content": "sys"}, {"role": "user", "content": "weather?"}],
        "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object", "properties": {"city": {"type": ["string", "null"]}}, "additionalProperties": false}}}],
        "tool_choice": "required", "reasoning_effort": "low", "max_tokens": 300});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
    assert_eq!(v["choices"][0]["message"]["tool_calls"][0]["function"]["name"], "weather");
    assert_eq!(v["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"], "{\"city\":\"Oslo\"}");
    assert_eq!(v["usage"]["prompt_tokens"], 20);
    assert_eq!(v["usage"]["completion_tokens"], 8);
    let r = &gm.received()[0];
    assert_eq!(r.path, "/v1beta/models/gem-t:generateContent");
    assert_eq!(r.headers["x-goog-api-key"], "gm-key-1");
    assert!(r.headers.get("authorization").is_none());
    let got = r.json();
    assert!(got.get("model").is_none() && got.get("stream").is_none(), "{got}");
    assert_eq!(got["systemInstruction"], json!({"parts": [{"text": "sys"}]}));
    assert_eq!(got["contents"][0], json!({"role": "user", "parts": [{"text": "weather?"}]}));
    let params = &got["tools"][0]["functionDeclarations"][0]["parameters"];
    assert_eq!(params["type"], "OBJECT");
    assert_eq!(params["properties"]["city"], json!({"type": "STRING", "nullable": true}));
    assert!(params.get("additionalProperties").is_none());
    assert_eq!(got["toolConfig"]["functionCallingConfig"]["mode"], "ANY");
    assert_eq!(got["generationConfig"]["maxOutputTokens"], 300);
    assert_eq!(got["generationConfig"]["thinkingConfig"]["thinkingBudget"], 1024);
}

#[tokio::test]
async fn anthropic_client_streams_through_gemini_upstream_and_hands_the_signature_back() {
    let gm = Upstream::start().await;
    let relay = Relay::start(&config(NOWHERE, NOWHERE, &gm.url())).await;
    let c1 = json!({"candidates": [{"content": {"role": "model", "parts": [{"text": "Thinking...", "thought": true}]}, "index": 0}], "responseId": "r2", "modelVersion": "gem-t"});
    let c2 = json!({"candidates": [{"content": {"role": "model", "parts": [{"functionCall": {"name": "ls", "args": {"path": "."}}, "thoughtSignature": "GSIG"}]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 11, "candidatesTokenCount": 6, "totalTokenCount": 17}, "responseId": "r2"});
    gm.push(Reply::sse(&[&c1.to_string(), &c2.to_string()]));
    let body = json!({"model": "gem-t", "max_tokens": 1000, "stream": true,
        "messages": [{"role": "user", "content": "list files"}],
        "tools": [{"name": "ls", "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}}}]});
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(text.contains("\"thinking_delta\""), "{text}");
    assert!(text.contains("\"signature_delta\""), "{text}");
    assert!(text.contains("\"name\":\"ls\""), "{text}");
    assert!(text.contains("\"stop_reason\":\"tool_use\""), "{text}");
    assert!(text.contains("event: message_stop"), "{text}");
    let r = &gm.received()[0];
    assert_eq!(r.path, "/v1beta/models/gem-t:streamGenerateContent");
    assert_eq!(r.headers["accept"], "text/event-stream");

    // The next turn hands the call and its signature back: the signature rides on the call.
    gm.push(Reply::json(200, gemini_answer(json!([{"text": "Two files."}]), "STOP")));
    let id = text.split("\"id\":\"").nth(2).and_then(|s| s.split('"').next()).unwrap().to_string();
    let body = json!({"model": "gem-t", "max_tokens": 1000,
        "messages": [{"role": "user", "content": "list files"},
            {"role": "assistant", "content": [{"type": "thinking", "thinking": "Thinking...", "signature": ""}, {"type": "thinking", "thinking": "", "signature": "GSIG"}, {"type": "tool_use", "id": id, "name": "ls", "input": {"path": "."}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": id, "content": "a b"}]}],
        "tools": [{"name": "ls", "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}}}]});
    let resp = client().post(relay.url("/v1/messages")).header("x-api-key", KEY).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["content"][0]["text"], "Two files.");
    let got = gm.received()[1].json();
    let model_parts = &got["contents"][1]["parts"];
    let call = model_parts.as_array().unwrap().iter().find(|p| p.get("functionCall").is_some()).unwrap();
    assert_eq!(call["thoughtSignature"], "GSIG");
    assert_eq!(call["functionCall"]["name"], "ls");
    assert_eq!(
        got["contents"][2]["parts"][0]["functionResponse"],
        json!({"id": id, "name": "ls", "response": {"output": "a b"}})
    );
}

#[tokio::test]
async fn gemini_to_gemini_passes_through_and_records_usage() {
    let gm = Upstream::start().await;
    let relay = Relay::start(&config(NOWHERE, NOWHERE, &gm.url())).await;
    let c1 = json!({"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}, "index": 0}], "responseId": "r3"});
    let c2 = json!({"candidates": [{"content": {"role": "model", "parts": [{"text": "lo"}]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 7, "candidatesTokenCount": 2, "thoughtsTokenCount": 1, "totalTokenCount": 10}, "responseId": "r3"});
    gm.push(Reply::sse(&[&c1.to_string(), &c2.to_string()]));
    let body = json!({"contents": [{"role": "user", "parts": [{"text": "hi"}]}],
        "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
        "generationConfig": {"responseModalities": ["TEXT"]}});
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:streamGenerateContent?alt=sse", &body).await;
    assert_eq!(resp.status(), 200);
    let data = sse_data(resp).await;
    assert_eq!(data, vec![c1.to_string(), c2.to_string()]);
    let got = gm.received()[0].json();
    // Only the model moved into the URL; everything else as the client sent it.
    assert_eq!(got, body);
    assert_eq!(gm.received()[0].path, "/v1beta/models/gem-t:streamGenerateContent");
    let recs = relay.records.wait_for(1).await;
    assert_eq!(recs[0].status, 200);
    assert_eq!(recs[0].tokens.as_ref().map(|t| (t.input, t.output)), Some((7, 3)));

    // Plain passthrough too.
    gm.push(Reply::json(200, gemini_answer(json!([{"text": "ok"}]), "STOP")));
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:generateContent", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v, gemini_answer(json!([{"text": "ok"}]), "STOP"));
    let recs = relay.records.wait_for(2).await;
    assert_eq!(recs[1].tokens.as_ref().map(|t| (t.input, t.output, t.cache_read)), Some((20, 8, 4)));
}

#[tokio::test]
async fn gemini_stream_that_ends_without_a_finish_reason_is_an_error() {
    let gm = Upstream::start().await;
    let relay = Relay::start(&config(NOWHERE, NOWHERE, &gm.url())).await;
    let c1 = json!({"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}, "index": 0}]});
    gm.push(Reply::sse(&[&c1.to_string()]));
    gm.push(Reply::sse(&[&c1.to_string()]));
    // Passed through: the client gets an error chunk after what came.
    let body = json!({"contents": [{"role": "user", "parts": [{"text": "hi"}]}]});
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:streamGenerateContent?alt=sse", &body).await;
    let data = sse_data(resp).await;
    assert_eq!(data.len(), 2, "{data:?}");
    let err: Value = serde_json::from_str(&data[1]).unwrap();
    assert_eq!(err["error"]["status"], "INTERNAL");
    // Translated: an OpenAI client gets its error event, never [DONE].
    let resp = relay
        .post(
            "/v1/chat/completions",
            &json!({"model": "gem-t", "stream": true, "messages": [{"role": "user", "content": "hi"}]}),
        )
        .await;
    let data = sse_data(resp).await;
    assert!(data.last().unwrap().contains("\"error\""), "{data:?}");
    assert!(!data.iter().any(|d| d == "[DONE]"));
    let recs = relay.records.wait_for(2).await;
    assert!(recs.iter().all(|r| r.status == 502), "{recs:?}");
}

#[tokio::test]
async fn gemini_errors_models_and_count_tokens() {
    let relay = Relay::start(&config(NOWHERE, NOWHERE, NOWHERE)).await;
    let body = json!({"contents": [{"role": "user", "parts": [{"text": "hello there"}]}]});
    // No key.
    let resp = client().post(relay.url("/v1beta/models/gem-t:generateContent")).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], 401);
    assert_eq!(v["error"]["status"], "UNAUTHENTICATED");
    // A wrong key in the query.
    let resp =
        client().post(relay.url("/v1beta/models/gem-t:generateContent?key=nope")).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    // A model nothing routes to.
    let resp = gemini_post(&relay, "/v1beta/models/no-such:generateContent", &body).await;
    let status = resp.status();
    let v: Value = resp.json().await.unwrap();
    assert!(status.is_client_error(), "{status} {v}");
    assert_eq!(v["error"]["code"], status.as_u16());
    assert!(v["error"]["status"].is_string());
    // A bad body names the field.
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:generateContent", &json!({"contents": "x"})).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["status"], "INVALID_ARGUMENT");
    assert!(v["error"]["message"].as_str().unwrap().contains("contents"), "{v}");
    // An unknown method.
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:embedContent", &body).await;
    assert_eq!(resp.status(), 404);
    // Models, as Gemini model objects.
    let resp = client().get(relay.url("/v1beta/models")).header("x-goog-api-key", KEY).send().await.unwrap();
    let v: Value = resp.json().await.unwrap();
    let names: Vec<&str> = v["models"].as_array().unwrap().iter().filter_map(|m| m["name"].as_str()).collect();
    assert!(names.contains(&"models/gem-t") && names.contains(&"models/gpt-t"), "{names:?}");
    let resp = client().get(relay.url("/v1beta/models/gem-t")).header("x-goog-api-key", KEY).send().await.unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["name"], "models/gem-t");
    // countTokens: an estimate, both body shapes.
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:countTokens", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert!(v["totalTokens"].as_u64().unwrap() > 0, "{v}");
    let resp = gemini_post(&relay, "/v1beta/models/gem-t:countTokens", &json!({"generateContentRequest": body})).await;
    let w: Value = resp.json().await.unwrap();
    assert_eq!(w, v);
}

#[tokio::test]
async fn gemini_upstream_bad_key_and_rate_limit_fail_over_to_the_next_key() {
    let gm = Upstream::start().await;
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  gemini:\n    base_url: \"{}/v1beta\"\n    keys: [{{key: gk-bad, label: bad}}, {{key: gk-slow, label: slow}}, {{key: gk-good, label: good}}]\n    models: {{include: [gem-t]}}\n",
        gm.url()
    );
    let relay = Relay::start(&yaml).await;
    let bad_key = json!({"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}});
    let quota = json!({"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED"}});
    gm.push(Reply::json(400, bad_key));
    gm.push(Reply::json(429, quota));
    gm.push(Reply::json(200, gemini_answer(json!([{"text": "third time"}]), "STOP")));
    let resp = relay.post("/v1/chat/completions", &chat("gem-t", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "3");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "third time");
    let keys: Vec<String> =
        gm.received().iter().map(|r| r.headers["x-goog-api-key"].to_str().unwrap().to_string()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(sorted, ["gk-bad", "gk-good", "gk-slow"], "each key once: {keys:?}");
    // The preset's base URL may carry its version; the path has it once.
    assert!(gm.received().iter().all(|r| r.path == "/v1beta/models/gem-t:generateContent"));
    let recs = relay.records.wait_for(1).await;
    assert_eq!(recs[0].attempts.len(), 3);
    assert_eq!(recs[0].upstream, Some(monorelay::dialect::Dialect::Gemini));
}
