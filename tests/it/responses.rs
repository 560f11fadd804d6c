//! The OpenAI Responses API (`/v1/responses`) against real loopback upstreams of each kind: a
//! chat-completions upstream and an Anthropic one (translated both ways, stream and not), and an
//! upstream that serves `/responses` itself (passed through, only `model` rewritten).

use crate::common::*;
use serde_json::{Value, json};
use std::time::Duration;

/// `oa`: chat completions; `an`: Anthropic; `rs`: an OpenAI-compatible upstream with `responses: true`.
fn three_kinds(oa: &str, an: &str, rs: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{oa}/v1\"\n    keys: [{{key: sk-oa-1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{an}\"\n    keys: [{{key: sk-an-1}}]\n    models: {{include: [claude-t]}}\n  rs:\n    base_url: \"{rs}/v1\"\n    responses: true\n    keys: [{{key: sk-rs-1}}]\n    models: {{include: [gpt-r]}}\n"
    )
}

fn named_sse(events: &[(&str, Value)]) -> Reply {
    Reply::Sse {
        chunks: events
            .iter()
            .map(|(name, data)| (Duration::ZERO, format!("event: {name}\ndata: {data}\n\n").into_bytes()))
            .collect(),
        cut: false,
        gate: None,
    }
}

/// (event name, JSON data) of every event of an SSE body.
async fn events(resp: reqwest::Response) -> Vec<(String, Value)> {
    let text = resp.text().await.unwrap();
    text.split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(|e| {
            let name = e.lines().find_map(|l| l.strip_prefix("event: ")).unwrap_or_default().to_string();
            let data = e.lines().filter_map(|l| l.strip_prefix("data: ")).collect::<Vec<_>>().join("\n");
            (name, serde_json::from_str(&data).unwrap())
        })
        .collect()
}

/// Every event's name equals its `type`, and sequence numbers count up from 0 without gaps.
fn check_sequence(evs: &[(String, Value)]) {
    for (i, (name, data)) in evs.iter().enumerate() {
        assert_eq!(data["type"], *name, "event {i}");
        assert_eq!(data["sequence_number"], i, "event {i}: {data}");
    }
}

fn names(evs: &[(String, Value)]) -> Vec<&str> {
    evs.iter().map(|(n, _)| n.as_str()).collect()
}

#[tokio::test]
async fn chat_upstream_non_stream_tool_round_trip() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&three_kinds(&oa.url(), "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    oa.push(Reply::json(200, json!({"id": "chatcmpl-7", "object": "chat.completion", "created": 5, "model": "gpt-t",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "It is sunny."}}],
        "usage": {"prompt_tokens": 30, "completion_tokens": 4, "total_tokens": 34, "prompt_tokens_details": {"cached_tokens": 10}}})));
    let body = json!({"model": "gpt-t", "instructions": "Be brief.", "max_output_tokens": 100, "store": false,
        "input": [
            {"role": "user", "content": "Weather in Paris?"},
            {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "weather", "arguments": "{\"city\":\"Paris\"}"},
            {"type": "function_call_output", "call_id": "call_1", "output": "sunny"}
        ],
        "tools": [{"type": "function", "name": "weather", "description": "get weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}],
        "tool_choice": "auto"});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["object"], "response");
    assert_eq!(v["id"], "resp_7");
    assert_eq!(v["status"], "completed");
    assert_eq!(v["output"][0]["type"], "message");
    assert_eq!(
        v["output"][0]["content"][0],
        json!({"type": "output_text", "text": "It is sunny.", "annotations": [], "logprobs": []})
    );
    assert_eq!(v["usage"]["input_tokens"], 30);
    assert_eq!(v["usage"]["input_tokens_details"]["cached_tokens"], 10);
    assert_eq!(v["usage"]["output_tokens"], 4);
    assert_eq!(v["usage"]["total_tokens"], 34);

    let got = oa.received();
    assert_eq!(got[0].path, "/v1/chat/completions");
    let sent = got[0].json();
    assert_eq!(sent["model"], "gpt-t");
    assert_eq!(sent["max_completion_tokens"].as_u64().or(sent["max_tokens"].as_u64()), Some(100));
    assert_eq!(sent["messages"][0], json!({"role": "system", "content": "Be brief."}));
    assert_eq!(sent["messages"][1]["role"], "user");
    assert_eq!(sent["messages"][2]["role"], "assistant");
    assert_eq!(sent["messages"][2]["tool_calls"][0]["id"], "call_1");
    assert_eq!(sent["messages"][2]["tool_calls"][0]["function"]["name"], "weather");
    assert_eq!(sent["messages"][3], json!({"role": "tool", "tool_call_id": "call_1", "content": "sunny"}));
    assert_eq!(sent["tools"][0]["function"]["name"], "weather");
    assert!(sent.get("store").is_none(), "store only advises: not sent to a chat upstream");

    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.inbound, monorelay::dialect::Dialect::Responses);
    assert_eq!(rec.upstream, Some(monorelay::dialect::Dialect::OpenAi));
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((30, 4)));
}

#[tokio::test]
async fn anthropic_upstream_stream_full_event_sequence() {
    let an = Upstream::start().await;
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", &an.url(), "http://127.0.0.1:9")).await;
    an.push(named_sse(&[
        ("message_start", json!({"type": "message_start", "message": {"id": "msg_abc", "type": "message", "role": "assistant",
            "model": "claude-t", "content": [], "stop_reason": null, "usage": {"input_tokens": 20, "output_tokens": 1}}})),
        ("content_block_start", json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Need weather."}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "SIG1"}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        ("content_block_start", json!({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Checking"}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": " now."}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 1})),
        ("content_block_start", json!({"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {}}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "{\"city\":"}})),
        ("content_block_delta", json!({"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "\"Paris\"}"}})),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 2})),
        ("message_delta", json!({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 15}})),
        ("message_stop", json!({"type": "message_stop"})),
    ]));
    let body = json!({"model": "claude-t", "input": "Weather in Paris?", "stream": true, "reasoning": {"effort": "medium"},
        "tools": [{"type": "function", "name": "weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}]});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let evs = events(resp).await;
    check_sequence(&evs);
    assert_eq!(
        names(&evs),
        [
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.reasoning_summary_part.added",
            "response.reasoning_summary_text.delta",
            "response.reasoning_summary_text.done",
            "response.reasoning_summary_part.done",
            "response.output_item.done",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.output_item.added",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.delta",
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.completed",
        ]
    );
    let id = evs[0].1["response"]["id"].as_str().unwrap();
    assert_eq!(id, "resp_abc");
    let done = &evs.last().unwrap().1["response"];
    assert_eq!(done["id"], id);
    assert_eq!(done["status"], "completed");
    assert_eq!(done["usage"]["input_tokens"], 20);
    assert_eq!(done["usage"]["output_tokens"], 15);
    let out = done["output"].as_array().unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["type"], "reasoning");
    assert_eq!(out[0]["summary"][0]["text"], "Need weather.");
    assert_eq!(out[0]["encrypted_content"], "SIG1");
    assert_eq!(out[1]["content"][0]["text"], "Checking now.");
    assert_eq!(out[2]["type"], "function_call");
    assert_eq!(out[2]["call_id"], "toolu_1");
    assert_eq!(out[2]["arguments"], "{\"city\":\"Paris\"}");
    // Item ids agree between the added/delta/done events and the final response.
    assert_eq!(evs[15].1["item"]["id"], out[2]["id"]);
    assert_eq!(evs[16].1["item_id"], out[2]["id"]);
    assert_eq!(evs[10].1["item_id"], out[1]["id"]);

    let sent = an.received()[0].json();
    assert_eq!(an.received()[0].path, "/v1/messages");
    assert_eq!(sent["messages"][0], json!({"role": "user", "content": "Weather in Paris?"}));
    assert_eq!(sent["tools"][0]["name"], "weather");
    assert_eq!(sent["stream"], true);
    assert!(sent.get("thinking").is_some() || sent.get("output_config").is_some(), "effort carried: {sent}");

    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.status, 200);
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((20, 15)));
}

#[tokio::test]
async fn structured_output_through_anthropic_comes_back_as_text() {
    let an = Upstream::start().await;
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", &an.url(), "http://127.0.0.1:9")).await;
    an.push(Reply::json(200, json!({"id": "msg_s", "type": "message", "role": "assistant", "model": "claude-t",
        "content": [{"type": "tool_use", "id": "toolu_s", "name": "monorelay_structured_output", "input": {"answer": 42}}],
        "stop_reason": "tool_use", "usage": {"input_tokens": 5, "output_tokens": 6}})));
    let body = json!({"model": "claude-t", "input": "The answer?",
        "text": {"format": {"type": "json_schema", "name": "answer", "strict": true,
            "schema": {"type": "object", "properties": {"answer": {"type": "integer"}}, "required": ["answer"]}}}});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["output"].as_array().unwrap().len(), 1);
    assert_eq!(v["output"][0]["type"], "message");
    let text = v["output"][0]["content"][0]["text"].as_str().unwrap();
    assert_eq!(serde_json::from_str::<Value>(text).unwrap(), json!({"answer": 42}));
    let sent = an.received()[0].json();
    assert_eq!(sent["tool_choice"]["name"], "monorelay_structured_output");
}

#[tokio::test]
async fn responses_upstream_is_passed_through_event_by_event() {
    let rs = Upstream::start().await;
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", "http://127.0.0.1:9", &rs.url())).await;
    let upstream_events = [
        (
            "response.created",
            json!({"type": "response.created", "sequence_number": 0, "response": {"id": "resp_up", "status": "in_progress", "output": []}}),
        ),
        (
            "response.output_text.delta",
            json!({"type": "response.output_text.delta", "sequence_number": 1, "item_id": "msg_1", "output_index": 0, "content_index": 0, "delta": "hi", "upstream_only": true}),
        ),
        (
            "response.completed",
            json!({"type": "response.completed", "sequence_number": 2, "response": {"id": "resp_up", "status": "completed", "output": [],
            "usage": {"input_tokens": 11, "input_tokens_details": {"cached_tokens": 3}, "output_tokens": 2, "total_tokens": 13}}}),
        ),
    ];
    rs.push(named_sse(&upstream_events));
    let body = json!({"model": "gpt-r", "input": [{"role": "user", "content": "hi"}], "stream": true,
        "tools": [{"type": "web_search"}], "store": true, "previous_response_id": "resp_prev"});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 200);
    let evs = events(resp).await;
    assert_eq!(evs.len(), 3);
    for (got, want) in evs.iter().zip(upstream_events.iter()) {
        assert_eq!(got.0, want.0);
        assert_eq!(got.1, want.1, "passed through unchanged");
    }
    let got = rs.received();
    assert_eq!(got[0].path, "/v1/responses");
    assert_eq!(got[0].auth(), "Bearer sk-rs-1");
    let mut expected = body.clone();
    expected["model"] = json!("gpt-r");
    assert_eq!(got[0].json(), expected, "only model is rewritten; built-in tools and state fields reach the upstream");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.upstream, Some(monorelay::dialect::Dialect::Responses));
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output, t.cache_read)), Some((11, 2, 3)));
}

#[tokio::test]
async fn responses_upstream_plain_answer_is_relayed_with_usage() {
    let rs = Upstream::start().await;
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", "http://127.0.0.1:9", &rs.url())).await;
    let answer = json!({"id": "resp_x", "object": "response", "status": "completed", "model": "gpt-r",
        "output": [{"type": "message", "id": "msg_1", "role": "assistant", "content": [{"type": "output_text", "text": "yo", "annotations": []}]}],
        "usage": {"input_tokens": 9, "output_tokens": 1, "total_tokens": 10}});
    rs.push(Reply::json(200, answer.clone()));
    let resp = relay.post("/v1/responses", &json!({"model": "gpt-r", "input": "hey"})).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap(), answer);
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((9, 1)));
}

#[tokio::test]
async fn built_in_tools_to_a_translated_upstream_are_a_400_naming_them() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&three_kinds(&oa.url(), "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    let body = json!({"model": "gpt-t", "input": "search", "tools": [{"type": "web_search_preview"}]});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("tools[0]"), "{msg}");
    assert!(oa.received().is_empty(), "nothing was sent upstream");
}

#[tokio::test]
async fn a_broken_translated_stream_ends_in_response_failed_in_sequence() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&three_kinds(&oa.url(), "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    oa.push(Reply::Sse {
        chunks: vec![
            (Duration::ZERO, format!("data: {}\n\n", chunk("par")).into_bytes()),
            (Duration::ZERO, format!("data: {}\n\n", chunk("tial")).into_bytes()),
        ],
        cut: true,
        gate: None,
    });
    let resp = relay.post("/v1/responses", &json!({"model": "gpt-t", "input": "hi", "stream": true})).await;
    assert_eq!(resp.status(), 200);
    let evs = events(resp).await;
    check_sequence(&evs);
    let last = evs.last().unwrap();
    assert_eq!(last.0, "response.failed");
    assert_eq!(last.1["response"]["status"], "failed");
    assert!(!names(&evs).contains(&"response.completed"));
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.status, 502);
}

#[tokio::test]
async fn bad_input_items_are_a_400_with_their_path() {
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    let body = json!({"model": "gpt-t", "input": [{"role": "user", "content": "x"}, {"type": "function_call_output", "output": "y"}]});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("input[1].call_id"), "{v}");
}

#[tokio::test]
async fn previous_response_id_continues_a_conversation_through_anthropic() {
    let an = Upstream::start().await;
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", &an.url(), "http://127.0.0.1:9")).await;
    an.push(Reply::json(200, json!({"id": "msg_t1", "type": "message", "role": "assistant", "model": "claude-t",
        "content": [{"type": "text", "text": "Hi Ada."}], "stop_reason": "end_turn", "usage": {"input_tokens": 5, "output_tokens": 3}})));
    let first = relay.post("/v1/responses", &json!({"model": "claude-t", "input": "I am Ada."})).await;
    let first: Value = first.json().await.unwrap();
    let id = first["id"].as_str().unwrap().to_string();

    // The second turn goes out streamed; its answer is stored too before the stream ends.
    an.push(named_sse(&[
        (
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_t2", "type": "message", "role": "assistant",
            "model": "claude-t", "content": [], "usage": {"input_tokens": 9, "output_tokens": 1}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "You are Ada."}}),
        ),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        (
            "message_delta",
            json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 4}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ]));
    let second = relay
        .post(
            "/v1/responses",
            &json!({"model": "claude-t", "input": "Who am I?", "previous_response_id": id, "stream": true}),
        )
        .await;
    let evs = events(second).await;
    let second_id = evs.last().unwrap().1["response"]["id"].as_str().unwrap().to_string();
    let sent = an.received()[1].json();
    assert_eq!(
        sent["messages"],
        json!([
            {"role": "user", "content": "I am Ada."},
            {"role": "assistant", "content": "Hi Ada."},
            {"role": "user", "content": "Who am I?"}
        ]),
        "{sent}"
    );

    // The third turn chains on the streamed one.
    an.push(Reply::json(200, json!({"id": "msg_t3", "type": "message", "role": "assistant", "model": "claude-t",
        "content": [{"type": "text", "text": "Bye."}], "stop_reason": "end_turn", "usage": {"input_tokens": 5, "output_tokens": 1}})));
    let third = relay
        .post(
            "/v1/responses",
            &json!({"model": "claude-t", "input": "Bye", "previous_response_id": second_id, "store": false}),
        )
        .await;
    assert_eq!(third.status(), 200);
    let third: Value = third.json().await.unwrap();
    assert_eq!(an.received()[2].json()["messages"].as_array().unwrap().len(), 5);

    // Stored responses can be read back, listed and deleted; `store: false` ones are not kept.
    let client = client();
    let get = |path: String| client.get(relay.url(&path)).bearer_auth(KEY).send();
    let got: Value = get(format!("/v1/responses/{id}")).await.unwrap().json().await.unwrap();
    assert_eq!(got, first);
    let items: Value =
        get(format!("/v1/responses/{second_id}/input_items?order=asc")).await.unwrap().json().await.unwrap();
    assert_eq!(items["object"], "list");
    let data = items["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(data[0]["content"], "I am Ada.");
    assert_eq!(data[2]["content"], "Who am I?");
    let third_id = third["id"].as_str().unwrap();
    assert_eq!(get(format!("/v1/responses/{third_id}")).await.unwrap().status(), 404);
    let del = client.delete(relay.url(&format!("/v1/responses/{id}"))).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(del.status(), 200);
    assert_eq!(del.json::<Value>().await.unwrap()["deleted"], true);
    let gone = get(format!("/v1/responses/{id}")).await.unwrap();
    assert_eq!(gone.status(), 404);
    assert_eq!(gone.json::<Value>().await.unwrap()["error"]["type"], "invalid_request_error");
}

#[tokio::test]
async fn an_unknown_previous_response_id_to_a_translated_upstream_is_a_400() {
    let relay = Relay::start(&three_kinds("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    let body = json!({"model": "claude-t", "input": "x", "previous_response_id": "resp_nope"});
    let resp = relay.post("/v1/responses", &body).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("previous_response_id"), "{v}");
}

/// `rs` with `gpt-pro` served only through `/responses`.
fn responses_only(rs: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  rs:\n    base_url: \"{rs}/v1\"\n    keys: [{{key: sk-rs-1}}]\n    responses_models: [\"gpt-pro*\"]\n    models: {{include: [gpt-pro-1, gpt-chat]}}\n"
    )
}

#[tokio::test]
async fn chat_clients_reach_a_responses_only_model_translated() {
    let rs = Upstream::start().await;
    let relay = Relay::start(&responses_only(&rs.url())).await;
    rs.push(Reply::json(200, json!({"id": "resp_p1", "object": "response", "status": "completed", "model": "gpt-pro-1",
        "output": [{"type": "function_call", "id": "fc_1", "call_id": "call_9", "name": "weather", "arguments": "{\"city\":\"Oslo\"}"}],
        "usage": {"input_tokens": 12, "input_tokens_details": {"cached_tokens": 2}, "output_tokens": 6}})));
    let body = json!({"model": "gpt-pro-1", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Oslo?"}],
        "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object"}}}], "max_tokens": 50});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["object"], "chat.completion");
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
    assert_eq!(v["choices"][0]["message"]["tool_calls"][0]["id"], "call_9");
    assert_eq!(v["usage"]["prompt_tokens"], 12);
    let got = rs.received();
    assert_eq!(got[0].path, "/v1/responses");
    let sent = got[0].json();
    assert_eq!(sent["instructions"], "Be brief.");
    assert_eq!(
        sent["input"],
        json!([{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Oslo?"}]}])
    );
    assert_eq!(sent["tools"][0]["name"], "weather");
    assert_eq!(sent["max_output_tokens"], 50);
    assert_eq!(sent["store"], false);

    // Streamed, event by event into chat chunks.
    rs.push(named_sse(&[
        ("response.created", json!({"type": "response.created", "sequence_number": 0, "response": {"id": "resp_p2", "model": "gpt-pro-1", "output": []}})),
        ("response.output_item.added", json!({"type": "response.output_item.added", "sequence_number": 1, "output_index": 0, "item": {"type": "message", "id": "m1", "content": []}})),
        ("response.output_text.delta", json!({"type": "response.output_text.delta", "sequence_number": 2, "output_index": 0, "item_id": "m1", "content_index": 0, "delta": "Cold"})),
        ("response.output_item.done", json!({"type": "response.output_item.done", "sequence_number": 3, "output_index": 0, "item": {"type": "message", "id": "m1"}})),
        ("response.completed", json!({"type": "response.completed", "sequence_number": 4, "response": {"id": "resp_p2", "status": "completed", "output": [],
            "usage": {"input_tokens": 8, "output_tokens": 1}}})),
    ]));
    let resp = relay
        .post(
            "/v1/chat/completions",
            &json!({"model": "gpt-pro-1", "stream": true, "messages": [{"role": "user", "content": "Oslo?"}]}),
        )
        .await;
    let data = sse_data(resp).await;
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let text: String = data
        .iter()
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v["choices"][0]["delta"]["content"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(text, "Cold");
    assert_eq!(rs.received()[1].json()["stream"], true);
    // Models not listed stay on chat completions.
    rs.push(Reply::json(200, completion("plain")));
    let resp = relay.post("/v1/chat/completions", &chat("gpt-chat", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(rs.received()[2].path, "/v1/chat/completions");
}

#[tokio::test]
async fn the_request_log_keeps_responses_bodies_with_the_stream_assembled() {
    use monorelay::admin::types::{LogId, LogShow};
    use monorelay::store::LogQuery;
    let dir = tempfile::tempdir().unwrap();
    let an = Upstream::start().await;
    let relay =
        Relay::start_logged(&three_kinds("http://127.0.0.1:9", &an.url(), "http://127.0.0.1:9"), dir.path()).await;
    an.push(named_sse(&[
        (
            "message_start",
            json!({"type": "message_start", "message": {"id": "msg_l", "type": "message", "role": "assistant",
            "model": "claude-t", "content": [], "usage": {"input_tokens": 4, "output_tokens": 1}}}),
        ),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Logged."}}),
        ),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        (
            "message_delta",
            json!({"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 2}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ]));
    let resp = relay.post("/v1/responses", &json!({"model": "claude-t", "input": "log me", "stream": true})).await;
    assert_eq!(events(resp).await.last().unwrap().0, "response.completed");
    relay.flush().await;
    let mut c =
        monorelay::admin::Client::connect(&dir.path().join(monorelay::admin::socket::SOCKET_FILE)).await.unwrap();
    let page = c.logs_query(&LogQuery::default()).await.unwrap();
    assert_eq!(page.entries.len(), 1);
    let e = &page.entries[0];
    assert_eq!(
        (e.inbound, e.upstream),
        (Some(monorelay::dialect::Dialect::Responses), Some(monorelay::dialect::Dialect::Anthropic))
    );
    let shown = c.logs_show(&LogShow { id: LogId::Number(e.id), bodies: None }).await.unwrap();
    let bodies = shown.bodies.unwrap();
    assert_eq!(bodies.request["input"], "log me");
    assert_eq!(bodies.response["object"], "response", "{}", bodies.response);
    assert_eq!(bodies.response["output"][0]["content"][0]["text"], "Logged.");
}

#[tokio::test]
async fn audio_speech_streams_the_upstreams_bytes_through() {
    let oa = Upstream::start().await;
    let relay = Relay::start(&three_kinds(&oa.url(), "http://127.0.0.1:9", "http://127.0.0.1:9")).await;
    let audio: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    oa.push(Reply::Raw { status: 200, content_type: "audio/mpeg", body: audio.clone() });
    let resp = relay.post("/v1/audio/speech", &json!({"model": "gpt-t", "input": "Hello", "voice": "alloy"})).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "audio/mpeg");
    assert_eq!(resp.headers()["x-monorelay-provider"], "oa");
    assert_eq!(resp.bytes().await.unwrap().as_ref(), audio.as_slice());
    let got = oa.received();
    assert_eq!(got[0].path, "/v1/audio/speech");
    assert_eq!(got[0].json()["voice"], "alloy");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!((rec.status, rec.provider.as_deref()), (200, Some("oa")));
}
