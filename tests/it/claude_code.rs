//! Claude Code on any upstream: its real request shapes (captured from a Claude Code 2.1 session,
//! long texts shortened) as golden translations, and the same requests through the relay to an
//! OpenAI-dialect upstream and an Anthropic one.
//!
//! Layout: `tests/golden/requests/<case>/request.json` is what the client sent (Anthropic);
//! `to_openai.json` is the exact body the OpenAI encoder must produce from it and
//! `to_openai.dropped.json` the fields it reports as dropped. `BLESS=1` rewrites the expected
//! files after an intended change (review the diff).

use std::path::{Path, PathBuf};

use crate::common::*;
use monorelay::translate::{self, Dialect, EncodeOptions};
use serde_json::{Value, json};

fn case_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/requests").join(name)
}

fn request(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(case_dir(name).join("request.json")).unwrap()).unwrap()
}

fn check_or_bless(path: &Path, actual: &Value) {
    let pretty = serde_json::to_string_pretty(actual).unwrap() + "\n";
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &pretty).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1)", path.display()));
    let expected: Value = serde_json::from_str(&expected).unwrap();
    assert_eq!(actual, &expected, "{} differs (BLESS=1 rewrites it)", path.display());
}

const CASES: [&str; 2] = ["claude_code_first_turn", "claude_code_tool_round_trip"];

#[test]
fn claude_code_requests_translate_to_openai_by_default() {
    for name in CASES {
        let body = request(name);
        let ir = translate::decode_request(Dialect::Anthropic, body.to_string().as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        // Default options: `drop_unsupported` is off, yet nothing in these requests is refused.
        let enc = translate::encode_request_noting(Dialect::OpenAi, &ir, &EncodeOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let out: Value = serde_json::from_slice(&enc.body).unwrap();
        check_or_bless(&case_dir(name).join("to_openai.json"), &out);
        check_or_bless(&case_dir(name).join("to_openai.dropped.json"), &json!(enc.dropped));

        // What the golden files must show, whatever they are re-blessed to.
        let msgs = out["messages"].as_array().unwrap();
        assert_eq!(msgs[0]["role"], "system", "{name}: the top-level system prompt leads");
        let sys_in_place = body["messages"].as_array().unwrap().iter().position(|m| m["role"] == "system").unwrap();
        // messages[0] of the client is the first user turn; its system message follows it in place.
        assert_eq!(msgs[sys_in_place + 1]["role"], "system", "{name}: mid-conversation system stays in place");
        assert_eq!(out["reasoning_effort"], body["output_config"]["effort"], "{name}: effort -> reasoning_effort");
        assert!(out.get("context_management").is_none() && out.get("output_config").is_none());
        for f in ["context_management", "cache_control", "tools[10].defer_loading", "thinking.display"] {
            assert!(enc.dropped.iter().any(|d| d == f), "{name}: '{f}' not reported in {:?}", enc.dropped);
        }
        assert!(enc.dropped.iter().any(|d| d.ends_with(".output_config")), "{name}: per-message output_config");
        assert_eq!(out["tools"].as_array().unwrap().len(), body["tools"].as_array().unwrap().len());
    }
}

#[test]
fn claude_code_tool_round_trip_keeps_the_pairing_and_the_thinking() {
    let body = request("claude_code_tool_round_trip");
    let ir = translate::decode_request(Dialect::Anthropic, body.to_string().as_bytes()).unwrap();
    let out: Value =
        serde_json::from_slice(&translate::encode_request(Dialect::OpenAi, &ir, &EncodeOptions::default()).unwrap())
            .unwrap();
    let msgs = out["messages"].as_array().unwrap();
    let asst = msgs.iter().find(|m| m["role"] == "assistant").unwrap();
    let call_id = asst["tool_calls"][0]["id"].as_str().unwrap();
    assert_eq!(asst["tool_calls"][0]["function"]["name"], "Read");
    assert_eq!(asst["reasoning_content"], "I should read the file.");
    let tool = msgs.iter().find(|m| m["role"] == "tool").unwrap();
    assert_eq!(tool["tool_call_id"], call_id);
    assert_eq!(tool["content"], "1\thello-file\n2\t");
}

#[test]
fn claude_code_requests_survive_an_anthropic_round_trip() {
    // Re-encoding for Anthropic (the relay does this when it must rewrite the body) keeps the
    // system message in place, adaptive thinking, the effort and every advisory field.
    for name in CASES {
        let body = request(name);
        let ir = translate::decode_request(Dialect::Anthropic, body.to_string().as_bytes()).unwrap();
        let enc = translate::encode_request_noting(Dialect::Anthropic, &ir, &EncodeOptions::default()).unwrap();
        let out: Value = serde_json::from_slice(&enc.body).unwrap();
        assert_eq!(out["thinking"], body["thinking"], "{name}");
        assert_eq!(out["output_config"], body["output_config"], "{name}");
        assert_eq!(out["context_management"], body["context_management"], "{name}");
        let roles = |v: &Value| v["messages"].as_array().unwrap().iter().map(|m| m["role"].clone()).collect::<Vec<_>>();
        assert_eq!(roles(&out), roles(&body), "{name}");
        assert_eq!(out["system"], body["system"], "{name}");
    }
}

#[test]
fn thinking_and_effort_map_both_ways() {
    let enc = |d: Dialect, v: Value| -> Value {
        let ir = translate::decode_request(
            if d == Dialect::OpenAi { Dialect::Anthropic } else { Dialect::OpenAi },
            v.to_string().as_bytes(),
        )
        .unwrap();
        serde_json::from_slice(&translate::encode_request(d, &ir, &EncodeOptions::default()).unwrap()).unwrap()
    };
    let msgs = json!([{"role": "user", "content": "hi"}]);
    // Anthropic -> OpenAI
    for (thinking, effort, want) in [
        (json!({"type": "adaptive"}), Some("low"), json!("low")),
        (json!({"type": "adaptive"}), Some("max"), json!("high")),
        (json!({"type": "adaptive"}), None, Value::Null),
        (json!({"type": "enabled", "budget_tokens": 2000}), None, json!("low")),
        (json!({"type": "enabled", "budget_tokens": 31999}), None, json!("high")),
        (json!({"type": "disabled"}), Some("high"), Value::Null),
    ] {
        let mut body = json!({"model": "m", "max_tokens": 100, "messages": msgs, "thinking": thinking});
        if let Some(e) = effort {
            body["output_config"] = json!({"effort": e});
        }
        let out = enc(Dialect::OpenAi, body);
        assert_eq!(out["reasoning_effort"], want, "{thinking} {effort:?}");
        assert!(out.get("thinking").is_none() && out.get("output_config").is_none());
    }
    // OpenAI -> Anthropic: effort becomes a thinking budget below max_tokens.
    let out = enc(
        Dialect::Anthropic,
        json!({"model": "m", "messages": msgs, "reasoning_effort": "high", "max_completion_tokens": 30000}),
    );
    assert_eq!(out["thinking"], json!({"type": "enabled", "budget_tokens": 24576}));
    assert_eq!(out["max_tokens"], 30000);
    // Structured output: Anthropic output_config.format -> response_format.
    let schema = json!({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]});
    let out = enc(
        Dialect::OpenAi,
        json!({"model": "m", "max_tokens": 100, "messages": msgs, "output_config": {"format": {"type": "json_schema", "schema": schema}}}),
    );
    assert_eq!(
        out["response_format"],
        json!({"type": "json_schema", "json_schema": {"name": "output", "schema": schema, "strict": true}})
    );
}

#[test]
fn fields_that_change_the_answer_are_still_refused() {
    let body = json!({"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "x"}], "top_k": 5, "context_management": {}});
    let ir = translate::decode_request(Dialect::Anthropic, body.to_string().as_bytes()).unwrap();
    let e = translate::encode_request(Dialect::OpenAi, &ir, &EncodeOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "top_k: not supported when translating to the openai API");
    let opts = EncodeOptions { drop_unsupported: true, ..EncodeOptions::default() };
    let enc = translate::encode_request_noting(Dialect::OpenAi, &ir, &opts).unwrap();
    assert_eq!(enc.dropped, vec!["top_k".to_string(), "context_management".to_string()]);
}

fn openai_stream_reply(text: &str) -> Reply {
    Reply::sse(&[
        &json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t",
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": null}]})
        .to_string(),
        &json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        .to_string(),
        &json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-t", "choices": [],
            "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}})
        .to_string(),
        "[DONE]",
    ])
}

#[tokio::test]
async fn claude_code_request_through_the_relay_to_an_openai_upstream_records_what_was_dropped() {
    let oa = Upstream::start().await;
    let cfg = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{}/v1\"\n    keys: [{{key: sk-oa-1}}]\n    models: {{include: [gpt-t]}}\nmodel_routing:\n  aliases: {{claude-opus-5-5: gpt-t}}\n",
        oa.url()
    );
    let relay = Relay::start(&cfg).await;
    oa.push(openai_stream_reply("hello"));
    let body = request("claude_code_first_turn");
    let resp = client()
        .post(relay.url("/v1/messages?beta=true"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "claude-code-20250219,context-management-2025-06-27,effort-2025-11-24")
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("event: message_stop"), "{text}");
    assert!(text.contains("\"text\":\"hello\""), "{text}");
    let sent = oa.received()[0].json();
    assert_eq!(sent["model"], "gpt-t");
    assert_eq!(sent["reasoning_effort"], "medium");
    assert!(oa.received()[0].headers.get("anthropic-beta").is_none(), "betas never reach an OpenAI upstream");
    let rec = relay.records.wait_for(1).await;
    let dropped = &rec[0].attempts[0].dropped;
    assert!(dropped.iter().any(|d| d == "context_management"), "{dropped:?}");
    assert!(dropped.iter().any(|d| d == "cache_control"), "{dropped:?}");
    assert!(dropped.iter().any(|d| d == "anthropic-beta"), "{dropped:?}");
}
