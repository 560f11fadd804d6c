//! Unit tests of every request/response mapping, both directions, compared as JSON values.

#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};

use super::*;
use crate::ir::{ContentBlock, Reasoning, Role, StopReason};

fn opts() -> EncodeOptions<'static> {
    EncodeOptions { default_max_tokens: 1000, drop_unsupported: false, model: None }
}

fn dropping() -> EncodeOptions<'static> {
    EncodeOptions { drop_unsupported: true, ..opts() }
}

fn translate(from: Dialect, to: Dialect, body: Value, o: &EncodeOptions) -> Result<Value, TranslateError> {
    let req = decode_request(from, body.to_string().as_bytes())?;
    let out = encode_request(to, &req, o)?;
    Ok(serde_json::from_slice(&out).unwrap())
}

fn resp(from: Dialect, to: Dialect, body: Value) -> Value {
    let r = decode_response(from, body.to_string().as_bytes()).unwrap();
    let mut v: Value = serde_json::from_slice(&encode_response(to, &r)).unwrap();
    if let Some(o) = v.as_object_mut() {
        o.remove("created");
    }
    v
}

#[test]
fn openai_request_to_anthropic() {
    let body = json!({
        "model": "gpt-x",
        "messages": [
            {"role": "system", "content": "be brief"},
            {"role": "developer", "content": [{"type": "text", "text": "and kind"}]},
            {"role": "assistant", "content": "Hi! How can I help?"},
            {"role": "user", "content": [
                {"type": "text", "text": "what is in these?"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBOR", "detail": "high"}},
                {"type": "image_url", "image_url": {"url": "https://x.test/a.jpg"}}
            ]},
            {"role": "assistant", "content": null, "reasoning_content": "let me look", "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "look", "arguments": "{\"n\":1}"}},
                {"id": "functions.look:2", "type": "function", "function": {"name": "look", "arguments": "{bad"}}
            ]},
            {"role": "tool", "tool_call_id": "call_1", "content": "a cat"},
            {"role": "tool", "tool_call_id": "functions.look:2", "content": [{"type": "text", "text": "a dog"}]},
            {"role": "user", "content": "thanks"}
        ],
        "tools": [
            {"type": "function", "function": {"name": "look", "description": "Look", "parameters": {"type": "object", "properties": {"n": {"type": "integer"}}}, "strict": true}},
            {"type": "function", "function": {"name": "noargs"}}
        ],
        "tool_choice": "required",
        "parallel_tool_calls": false,
        "stop": "END",
        "max_completion_tokens": 300,
        "temperature": 0.5,
        "top_p": 0.9,
        "user": "u-1",
        "stream": true,
        "stream_options": {"include_usage": true},
        "n": 1,
        "store": false
    });
    let got = translate(Dialect::OpenAi, Dialect::Anthropic, body, &opts()).unwrap();
    let want = json!({
        "model": "gpt-x",
        "max_tokens": 300,
        "system": [{"type": "text", "text": "be brief"}, {"type": "text", "text": "and kind"}],
        "messages": [
            {"role": "user", "content": "."},
            {"role": "assistant", "content": "Hi! How can I help?"},
            {"role": "user", "content": [
                {"type": "text", "text": "what is in these?"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBOR"}},
                {"type": "image", "source": {"type": "url", "url": "https://x.test/a.jpg"}}
            ]},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "call_1", "name": "look", "input": {"n": 1}},
                {"type": "tool_use", "id": "functions_look_2", "name": "look", "input": {}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "call_1", "content": "a cat"},
                {"type": "tool_result", "tool_use_id": "functions_look_2", "content": "a dog"},
                {"type": "text", "text": "thanks"}
            ]}
        ],
        "metadata": {"user_id": "u-1"},
        "stop_sequences": ["END"],
        "stream": true,
        "temperature": 0.5,
        "top_p": 0.9,
        "tools": [
            {"name": "look", "description": "Look", "input_schema": {"type": "object", "properties": {"n": {"type": "integer"}}}},
            {"name": "noargs", "input_schema": {"type": "object", "properties": {}}}
        ],
        "tool_choice": {"type": "any", "disable_parallel_tool_use": true}
    });
    assert_eq!(got, want);
}

#[test]
fn anthropic_request_to_openai() {
    let body = json!({
        "model": "claude-x",
        "max_tokens": 2000,
        "system": [
            {"type": "text", "text": "You are Claude.", "cache_control": {"type": "ephemeral"}},
            {"type": "text", "text": "Be exact."}
        ],
        "messages": [
            {"role": "user", "content": [
                {"type": "text", "text": "look"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/"}}
            ]},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "hmm", "signature": "SIG"},
                {"type": "redacted_thinking", "data": "XXX"},
                {"type": "text", "text": "Checking."},
                {"type": "tool_use", "id": "toolu_1", "name": "a", "input": {"x": [1, 2]}},
                {"type": "tool_use", "id": "toolu_2", "name": "b", "input": {}}
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}], "is_error": true},
                {"type": "tool_result", "tool_use_id": "toolu_2", "content": "ok"},
                {"type": "text", "text": "go on"}
            ]}
        ],
        "tools": [{"name": "a", "input_schema": {"type": "object"}}, {"name": "b", "description": "B", "input_schema": {"type": "object", "properties": {}}}],
        "tool_choice": {"type": "tool", "name": "a", "disable_parallel_tool_use": true},
        "stop_sequences": ["X", "Y"],
        "metadata": {"user_id": "abc"},
        "thinking": {"type": "enabled", "budget_tokens": 10000},
        "temperature": 1,
        "stream": true
    });
    let got = translate(Dialect::Anthropic, Dialect::OpenAi, body, &opts()).unwrap();
    let want = json!({
        "model": "claude-x",
        "messages": [
            {"role": "system", "content": "You are Claude.\n\nBe exact."},
            {"role": "user", "content": [
                {"type": "text", "text": "look"},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/"}}
            ]},
            {"role": "assistant", "content": "Checking.", "reasoning_content": "hmm", "tool_calls": [
                {"id": "toolu_1", "type": "function", "function": {"name": "a", "arguments": "{\"x\":[1,2]}"}},
                {"id": "toolu_2", "type": "function", "function": {"name": "b", "arguments": "{}"}}
            ]},
            {"role": "tool", "content": "one\ntwo", "tool_call_id": "toolu_1"},
            {"role": "tool", "content": "ok", "tool_call_id": "toolu_2"},
            {"role": "user", "content": "go on"}
        ],
        "max_completion_tokens": 2000,
        "temperature": 1.0,
        "stream": true,
        "stream_options": {"include_usage": true},
        "stop": ["X", "Y"],
        "tools": [
            {"type": "function", "function": {"name": "a", "parameters": {"type": "object"}}},
            {"type": "function", "function": {"name": "b", "description": "B", "parameters": {"type": "object", "properties": {}}}}
        ],
        "tool_choice": {"type": "function", "function": {"name": "a"}},
        "parallel_tool_calls": false,
        "user": "abc",
        "reasoning_effort": "medium"
    });
    assert_eq!(got, want);
}

#[test]
fn tool_choice_both_ways() {
    let base = |tc: Value| {
        json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}],
               "tools": [{"name": "f", "input_schema": {"type": "object"}}], "tool_choice": tc})
    };
    let cases = [
        (json!({"type": "auto"}), json!("auto"), None),
        (json!({"type": "any"}), json!("required"), None),
        (json!({"type": "none"}), json!("none"), None),
        (json!({"type": "tool", "name": "f"}), json!({"type": "function", "function": {"name": "f"}}), None),
        (json!({"type": "auto", "disable_parallel_tool_use": true}), json!("auto"), Some(false)),
        (json!({"type": "auto", "disable_parallel_tool_use": false}), json!("auto"), Some(true)),
    ];
    for (anthropic, openai, parallel) in cases {
        let got = translate(Dialect::Anthropic, Dialect::OpenAi, base(anthropic.clone()), &opts()).unwrap();
        assert_eq!(got["tool_choice"], openai, "{anthropic}");
        assert_eq!(got.get("parallel_tool_calls").and_then(Value::as_bool), parallel);
        // And back: OpenAI -> Anthropic restores the original shape.
        let back = translate(Dialect::OpenAi, Dialect::Anthropic, got, &opts()).unwrap();
        assert_eq!(back["tool_choice"], anthropic);
    }
}

#[test]
fn unsupported_fields_error_or_drop() {
    let base = json!({"model": "m", "messages": [{"role": "user", "content": "x"}]});
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    for (k, v) in [
        ("n", json!(2)),
        ("logprobs", json!(true)),
        ("top_logprobs", json!(3)),
        ("frequency_penalty", json!(0.5)),
        ("presence_penalty", json!(-1.0)),
        ("seed", json!(7)),
        ("response_format", json!({"type": "json_schema_v2"})),
        ("logit_bias", json!({"50256": -100})),
        ("verbosity", json!("low")),
    ] {
        let e = translate(Dialect::OpenAi, Dialect::Anthropic, with(k, v.clone()), &opts()).unwrap_err();
        assert_eq!(e, TranslateError::Unsupported { field: k.into(), target: Dialect::Anthropic });
        let ok = translate(Dialect::OpenAi, Dialect::Anthropic, with(k, v), &dropping()).unwrap();
        assert!(ok.get(k).is_none());
    }
    // Neutral values and advisory fields pass.
    for (k, v) in [
        ("n", json!(1)),
        ("logprobs", json!(false)),
        ("frequency_penalty", json!(0)),
        ("response_format", json!({"type": "text"})),
        // Structured output has carriers: an instruction, a forced tool.
        ("response_format", json!({"type": "json_object"})),
        ("response_format", json!({"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}})),
        ("store", json!(true)),
        ("service_tier", json!("auto")),
    ] {
        translate(Dialect::OpenAi, Dialect::Anthropic, with(k, v), &opts()).unwrap();
    }
    // Anthropic -> OpenAI: top_k, server tools, documents.
    let a = json!({"model": "m", "max_tokens": 5, "top_k": 40, "messages": [{"role": "user", "content": "x"}]});
    let e = translate(Dialect::Anthropic, Dialect::OpenAi, a.clone(), &opts()).unwrap_err();
    assert_eq!(e.to_string(), "top_k: not supported when translating to the openai API");
    let got = translate(Dialect::Anthropic, Dialect::OpenAi, a, &dropping()).unwrap();
    assert!(got.get("top_k").is_none());
    let a = json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [
        {"type": "text", "text": "read"},
        {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "x"}}]}],
        "tools": [{"type": "web_search_20250305", "name": "web_search"}]});
    let e = translate(Dialect::Anthropic, Dialect::OpenAi, a.clone(), &opts()).unwrap_err();
    assert_eq!(e.to_string(), "messages[0].content[1]: not supported when translating to the openai API");
    let got = translate(Dialect::Anthropic, Dialect::OpenAi, a, &dropping()).unwrap();
    assert_eq!(got["messages"], json!([{"role": "user", "content": "read"}]));
    assert!(got.get("tools").is_none());
    // OpenAI audio input -> Anthropic.
    let o = json!({"model": "m", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "hear"},
        {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}}]}]});
    let e = translate(Dialect::OpenAi, Dialect::Anthropic, o, &opts()).unwrap_err();
    assert_eq!(e, TranslateError::Unsupported { field: "messages[0].content[1]".into(), target: Dialect::Anthropic });
    // Images inside tool results cannot go into OpenAI tool messages.
    let a = json!({"model": "m", "max_tokens": 5, "messages": [
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "shot", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": [
            {"type": "image", "source": {"type": "url", "url": "https://x.test/i.png"}}]}]}]});
    let e = translate(Dialect::Anthropic, Dialect::OpenAi, a, &opts()).unwrap_err();
    assert_eq!(e.to_string(), "messages[1].content[0].content[0]: not supported when translating to the openai API");
}

#[test]
fn same_dialect_round_trips_are_lossless() {
    let o = json!({
        "model": "gpt", "messages": [
            {"role": "developer", "content": "sys"},
            {"role": "user", "content": "hi", "name": "bob"},
            {"role": "assistant", "content": "yo", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{not json"}}]},
            {"role": "tool", "tool_call_id": "c", "content": "r"},
            {"role": "system", "content": "mid-conversation system"},
            {"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "AA", "format": "mp3"}}]}
        ],
        "max_tokens": 10, "n": 3, "logprobs": true, "top_logprobs": 2, "seed": 1, "frequency_penalty": 0.1,
        "presence_penalty": 0.2, "response_format": {"type": "json_object"}, "logit_bias": {"1": 2},
        "verbosity": "low", "reasoning_effort": "minimal", "tools": [{"type": "custom", "custom": {"name": "x"}}],
        "tool_choice": {"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": []}}
    });
    let ir1 = decode_request(Dialect::OpenAi, o.to_string().as_bytes()).unwrap();
    assert_eq!(ir1.messages[3].role, Role::System);
    let enc = encode_request(Dialect::OpenAi, &ir1, &opts()).unwrap();
    let v: Value = serde_json::from_slice(&enc).unwrap();
    assert_eq!(v["max_tokens"], 10);
    assert_eq!(v["messages"][0]["role"], "developer");
    assert_eq!(v["messages"][2]["tool_calls"][0]["function"]["arguments"], "{not json");
    assert_eq!(v["verbosity"], "low");
    let ir2 = decode_request(Dialect::OpenAi, &enc).unwrap();
    assert_eq!(ir1, ir2);

    let a = json!({
        "model": "claude", "max_tokens": 10, "top_k": 5,
        "system": [{"type": "text", "text": "s", "cache_control": {"type": "ephemeral"}}],
        "messages": [
            {"role": "user", "content": [{"type": "document", "source": {"type": "url", "url": "https://x/y.pdf"}},
                                         {"type": "text", "text": "sum", "cache_control": {"type": "ephemeral"}}]},
            {"role": "assistant", "content": [{"type": "thinking", "thinking": "t", "signature": "S"},
                                              {"type": "redacted_thinking", "data": "R"},
                                              {"type": "text", "text": "ok"}]}
        ],
        "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 2},
                  {"name": "f", "input_schema": {"type": "object"}, "cache_control": {"type": "ephemeral"}}],
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "context_management": {"edits": []}
    });
    let ir1 = decode_request(Dialect::Anthropic, a.to_string().as_bytes()).unwrap();
    let enc = encode_request(Dialect::Anthropic, &ir1, &opts()).unwrap();
    let v: Value = serde_json::from_slice(&enc).unwrap();
    assert_eq!(v, a);
    assert_eq!(decode_request(Dialect::Anthropic, &enc).unwrap(), ir1);
}

#[test]
fn anthropic_alternation_and_merging() {
    let mut req = ir::Request { model: "m".into(), ..ir::Request::default() };
    let msg = |role, content| ir::Message { role, content, name: None };
    req.messages = vec![
        msg(Role::Assistant, vec![ContentBlock::text("earlier")]),
        msg(
            Role::Assistant,
            vec![ContentBlock::Thinking { thinking: "unsigned".into(), signature: None }, ContentBlock::text("more")],
        ),
        msg(Role::User, vec![ContentBlock::text("")]),
        msg(Role::System, vec![ContentBlock::text("late system")]),
        msg(Role::User, vec![ContentBlock::text("a")]),
        msg(
            Role::User,
            vec![ContentBlock::ToolResult {
                tool_use_id: "t".into(),
                content: vec![],
                is_error: true,
                cache_control: None,
            }],
        ),
        msg(Role::Assistant, vec![]),
        msg(Role::User, vec![ContentBlock::text("b")]),
    ];
    let v: Value = serde_json::from_slice(&encode_request(Dialect::Anthropic, &req, &opts()).unwrap()).unwrap();
    assert_eq!(v["system"], "late system");
    assert_eq!(v["max_tokens"], 1000);
    assert_eq!(
        v["messages"],
        json!([
            {"role": "user", "content": "."},
            {"role": "assistant", "content": [{"type": "text", "text": "earlier"}, {"type": "text", "text": "more"}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "t", "is_error": true},
                {"type": "text", "text": "a"},
                {"type": "text", "text": "b"}
            ]}
        ])
    );
}

#[test]
fn reasoning_effort_maps_to_budget_with_clamping() {
    let base = |effort: &str, max: Option<u32>| {
        let mut b = json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "reasoning_effort": effort});
        if let Some(m) = max {
            b["max_completion_tokens"] = json!(m);
        }
        translate(Dialect::OpenAi, Dialect::Anthropic, b, &opts()).unwrap()
    };
    let v = base("high", None);
    assert_eq!(v["thinking"], json!({"type": "enabled", "budget_tokens": 24576}));
    assert_eq!(v["max_tokens"], 1000 + 24576);
    let v = base("medium", Some(5000));
    assert_eq!(v["thinking"], json!({"type": "enabled", "budget_tokens": 4999}));
    assert_eq!(v["max_tokens"], 5000);
    let v = base("low", Some(800));
    assert!(v.get("thinking").is_none());
    let v = base("none", None);
    assert!(v.get("thinking").is_none());
    // Budget -> effort.
    for (budget, effort) in [(1024, "low"), (4096, "medium"), (16384, "high")] {
        let a = json!({"model": "m", "max_tokens": 20000, "messages": [{"role": "user", "content": "x"}],
                       "thinking": {"type": "enabled", "budget_tokens": budget}});
        let v = translate(Dialect::Anthropic, Dialect::OpenAi, a, &opts()).unwrap();
        assert_eq!(v["reasoning_effort"], effort);
    }
    let a = json!({"model": "m", "max_tokens": 20, "messages": [{"role": "user", "content": "x"}], "thinking": {"type": "disabled"}});
    let v = translate(Dialect::Anthropic, Dialect::OpenAi, a, &opts()).unwrap();
    assert!(v.get("reasoning_effort").is_none());
    assert_eq!(v["max_tokens"], 20);
    let req = decode_request(Dialect::OpenAi, br#"{"model":"m","messages":[],"reasoning_effort":"high"}"#).unwrap();
    assert_eq!(req.reasoning, Some(Reasoning::Effort("high".into())));
}

#[test]
fn request_decode_errors_name_fields() {
    let cases: [(Dialect, Value, &str); 7] = [
        (
            Dialect::OpenAi,
            json!({"model": "m", "messages": [{"role": "tool", "content": "x"}]}),
            "messages[0].tool_call_id: required for role 'tool'",
        ),
        (
            Dialect::OpenAi,
            json!({"model": "m", "messages": [{"role": "robot", "content": "x"}]}),
            "messages[0].role: unknown role 'robot'",
        ),
        (
            Dialect::OpenAi,
            json!({"model": "m", "messages": [{"role": "user", "content": 5}]}),
            "messages[0].content: invalid type: integer `5`, expected a string or an array of content parts",
        ),
        (
            Dialect::OpenAi,
            json!({"model": "m", "messages": [], "temperature": "hot"}),
            "temperature: invalid type: string \"hot\", expected f64",
        ),
        (
            Dialect::Anthropic,
            json!({"model": "m", "messages": [{"role": "tool", "content": "x"}]}),
            "messages[0].role: unknown role 'tool' (expected 'user', 'assistant' or 'system')",
        ),
        (
            Dialect::Anthropic,
            json!({"model": "m", "messages": [{"role": "system", "content": [{"type": "image", "source": {"type": "url", "url": "u"}}]}]}),
            "messages[0].content[0]: only text blocks are allowed in a system message",
        ),
        (
            Dialect::Anthropic,
            json!({"model": "m", "messages": [{"role": "user", "content": [{"type": "tool_use", "id": "x"}]}]}),
            "messages[0].content[0]: missing field `name`",
        ),
    ];
    for (d, body, msg) in cases {
        let e = decode_request(d, body.to_string().as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), msg);
        assert!(matches!(e, TranslateError::InvalidField { .. }));
    }
}

#[test]
fn openai_response_to_anthropic() {
    let body = json!({
        "id": "chatcmpl-123", "object": "chat.completion", "created": 1700000000, "model": "gpt-x",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": "Let me check.", "reasoning": "thinking aloud",
            "tool_calls": [
                {"id": "call_a", "type": "function", "function": {"name": "w", "arguments": "{\"city\":\"Paris\"}"}},
                {"id": "call_b", "type": "function", "function": {"name": "w", "arguments": ""}}
            ]}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120,
                  "prompt_tokens_details": {"cached_tokens": 60}, "completion_tokens_details": {"reasoning_tokens": 5}}
    });
    let got = resp(Dialect::OpenAi, Dialect::Anthropic, body);
    let want = json!({
        "id": "msg_123", "type": "message", "role": "assistant", "model": "gpt-x",
        "content": [
            {"type": "thinking", "thinking": "thinking aloud", "signature": ""},
            {"type": "text", "text": "Let me check."},
            {"type": "tool_use", "id": "call_a", "name": "w", "input": {"city": "Paris"}},
            {"type": "tool_use", "id": "call_b", "name": "w", "input": {}}
        ],
        "stop_reason": "tool_use", "stop_sequence": null,
        "usage": {"input_tokens": 40, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 60, "output_tokens": 20}
    });
    assert_eq!(got, want);
}

#[test]
fn anthropic_response_to_openai() {
    let body = json!({
        "id": "msg_abc", "type": "message", "role": "assistant", "model": "claude-x",
        "content": [
            {"type": "thinking", "thinking": "deep", "signature": "SIG"},
            {"type": "text", "text": "Calling."},
            {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {"a": 1}}
        ],
        "stop_reason": "tool_use", "stop_sequence": null,
        "usage": {"input_tokens": 10, "cache_creation_input_tokens": 200, "cache_read_input_tokens": 300, "output_tokens": 7}
    });
    let got = resp(Dialect::Anthropic, Dialect::OpenAi, body);
    let want = json!({
        "id": "chatcmpl-abc", "object": "chat.completion", "model": "claude-x",
        "choices": [{"index": 0, "message": {
            "role": "assistant", "content": "Calling.", "reasoning_content": "deep",
            "tool_calls": [{"id": "toolu_1", "type": "function", "function": {"name": "f", "arguments": "{\"a\":1}"}}]},
            "finish_reason": "tool_calls", "logprobs": null}],
        "usage": {"prompt_tokens": 510, "completion_tokens": 7, "total_tokens": 517,
                  "prompt_tokens_details": {"cached_tokens": 300}, "completion_tokens_details": {"reasoning_tokens": 0}}
    });
    assert_eq!(got, want);
}

#[test]
fn response_content_null_only_with_tool_calls_and_stop_reasons() {
    let body = json!({"id": "msg_1", "model": "m", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {}}],
                      "stop_reason": "tool_use", "usage": {"input_tokens": 1, "output_tokens": 1}});
    let got = resp(Dialect::Anthropic, Dialect::OpenAi, body);
    assert_eq!(got["choices"][0]["message"]["content"], Value::Null);
    for (a, o) in
        [("end_turn", "stop"), ("max_tokens", "length"), ("stop_sequence", "stop"), ("refusal", "content_filter")]
    {
        let body = json!({"id": "msg_1", "model": "m", "content": [], "stop_reason": a, "stop_sequence": null,
                          "usage": {"input_tokens": 1, "output_tokens": 1}});
        let got = resp(Dialect::Anthropic, Dialect::OpenAi, body);
        assert_eq!(got["choices"][0]["finish_reason"], o);
        assert_eq!(got["choices"][0]["message"]["content"], "");
    }
    for (o, a) in
        [("stop", "end_turn"), ("length", "max_tokens"), ("content_filter", "refusal"), ("tool_calls", "tool_use")]
    {
        let body = json!({"id": "x", "model": "m", "choices": [{"message": {"role": "assistant", "content": "hi"}, "finish_reason": o}]});
        assert_eq!(resp(Dialect::OpenAi, Dialect::Anthropic, body)["stop_reason"], a);
    }
    // A refusal message is text plus a refusal stop reason.
    let body = json!({"id": "x", "model": "m", "choices": [{"message": {"role": "assistant", "content": null, "refusal": "I can't."}, "finish_reason": "stop"}]});
    let r = decode_response(Dialect::OpenAi, body.to_string().as_bytes()).unwrap();
    assert_eq!(r.stop_reason, Some(StopReason::Refusal));
    assert_eq!(r.content, vec![ContentBlock::text("I can't.")]);
    // DeepSeek's cache-hit spelling.
    let body = json!({"id": "x", "model": "m", "choices": [{"message": {"role": "assistant", "content": "a"}, "finish_reason": "stop"}],
                      "usage": {"prompt_tokens": 50, "completion_tokens": 2, "prompt_cache_hit_tokens": 30}});
    let r = decode_response(Dialect::OpenAi, body.to_string().as_bytes()).unwrap();
    assert_eq!((r.usage.input_tokens, r.usage.cache_read_tokens), (20, 30));
}

#[test]
fn bad_upstream_responses_are_upstream_errors() {
    for body in [&b"not json"[..], br#"{"choices": []}"#, br#"{"choices": 3}"#] {
        assert!(matches!(decode_response(Dialect::OpenAi, body), Err(TranslateError::Upstream(_))));
    }
    let err = br#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#;
    assert!(matches!(decode_response(Dialect::Anthropic, err), Err(TranslateError::Upstream(_))));
}

#[test]
fn same_dialect_response_round_trip() {
    let a = json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude",
        "content": [{"type": "redacted_thinking", "data": "R"}, {"type": "text", "text": "hi"},
                    {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "q"}}],
        "stop_reason": "pause_turn", "stop_sequence": null,
        "usage": {"input_tokens": 3, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 4}
    });
    assert_eq!(resp(Dialect::Anthropic, Dialect::Anthropic, a.clone()), a);
    let o = json!({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "length", "logprobs": null}],
        "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13,
                  "prompt_tokens_details": {"cached_tokens": 2}, "completion_tokens_details": {"reasoning_tokens": 1}}
    });
    assert_eq!(resp(Dialect::OpenAi, Dialect::OpenAi, o.clone()), o);
}

// ---------------------------------------------------------------------------------------------
// Stream translator edge cases

use crate::ir::{BlockStart, Delta, StreamEvent, Usage};

fn feed(upstream: Dialect, datas: &[&str]) -> (Vec<StreamEvent>, Result<(), TranslateError>) {
    let mut dec = stream_decoder(upstream);
    let mut out = Vec::new();
    for d in datas {
        let ev = SseEvent { event: None, data: (*d).to_owned(), id: None };
        if let Err(e) = dec.push(&ev, &mut out) {
            return (out, Err(e));
        }
    }
    let fin = dec.finish(&mut out);
    (out, fin)
}

#[test]
fn openai_stream_usage_on_finish_chunk_and_tool_quirks() {
    let (evs, fin) = feed(
        Dialect::OpenAi,
        &[
            // No role chunk, no index on tool calls, index 0 reused with a fresh id.
            r#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"id":"a","function":{"name":"f","arguments":"{}"}}]}}]}"#,
            r#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"b","function":{"name":"g","arguments":"{\"x\""}}]}}]}"#,
            r#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]}},{"index":1,"delta":{"content":"other choice"}}]}"#,
            r#"{"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}"#,
            "[DONE]",
            r#"{"ignored after done":true}"#,
        ],
    );
    fin.unwrap();
    let usage = Usage { input_tokens: 5, output_tokens: 2, ..Usage::default() };
    assert_eq!(
        evs,
        vec![
            StreamEvent::MessageStart { id: "c1".into(), model: "m".into(), usage: Usage::default() },
            StreamEvent::BlockStart { index: 0, block: BlockStart::ToolUse { id: "a".into(), name: "f".into() } },
            StreamEvent::BlockDelta { index: 0, delta: Delta::ToolArgs("{}".into()) },
            StreamEvent::BlockStop { index: 0 },
            StreamEvent::BlockStart { index: 1, block: BlockStart::ToolUse { id: "b".into(), name: "g".into() } },
            StreamEvent::BlockDelta { index: 1, delta: Delta::ToolArgs("{\"x\"".into()) },
            StreamEvent::BlockDelta { index: 1, delta: Delta::ToolArgs(":1}".into()) },
            StreamEvent::BlockStop { index: 1 },
            // Emitted at the finish chunk because usage came with it, not at [DONE].
            StreamEvent::MessageDelta {
                stop_reason: Some(StopReason::ToolUse),
                stop_sequence: None,
                usage: Some(usage)
            },
            StreamEvent::MessageStop,
        ]
    );
}

#[test]
fn stream_decoders_report_truncation_bad_chunks_and_errors() {
    let (_, fin) = feed(
        Dialect::OpenAi,
        &[r#"{"id":"c","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}"#],
    );
    assert_eq!(fin, Err(TranslateError::Upstream("stream ended before [DONE]".into())));
    let (_, fin) = feed(Dialect::OpenAi, &["{not json"]);
    assert!(matches!(fin, Err(TranslateError::Upstream(_))));
    let (evs, fin) = feed(Dialect::OpenAi, &[r#"{"error":"quota exceeded"}"#]);
    fin.unwrap();
    assert_eq!(evs, vec![StreamEvent::Error { error_type: "api_error".into(), message: "quota exceeded".into() }]);
    let (_, fin) = feed(
        Dialect::Anthropic,
        &[r#"{"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":1}}}"#],
    );
    assert_eq!(fin, Err(TranslateError::Upstream("stream ended before message_stop".into())));
    let (evs, fin) = feed(
        Dialect::Anthropic,
        &[
            r#"{"type":"future_event","x":1}"#,
            r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
        ],
    );
    fin.unwrap();
    assert_eq!(evs, vec![StreamEvent::Error { error_type: "overloaded_error".into(), message: "Overloaded".into() }]);
}

#[test]
fn anthropic_stream_usage_is_cumulative_and_merged() {
    let (evs, fin) = feed(
        Dialect::Anthropic,
        &[
            r#"{"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":10,"cache_read_input_tokens":90,"cache_creation_input_tokens":5,"output_tokens":1}}}"#,
            r#"{"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"END"},"usage":{"output_tokens":7}}"#,
            r#"{"type":"message_stop"}"#,
        ],
    );
    fin.unwrap();
    assert_eq!(
        evs[1],
        StreamEvent::MessageDelta {
            stop_reason: Some(StopReason::StopSequence),
            stop_sequence: Some("END".into()),
            usage: Some(Usage {
                input_tokens: 10,
                output_tokens: 7,
                cache_read_tokens: 90,
                cache_write_tokens: 5,
                reasoning_tokens: 0
            }),
        }
    );
}

#[test]
fn stream_encoders_start_lazily_and_use_fallback_model() {
    let evs = [
        StreamEvent::BlockDelta { index: 9, delta: Delta::Text("orphan".into()) },
        StreamEvent::BlockStart { index: 3, block: BlockStart::Text },
        StreamEvent::BlockDelta { index: 3, delta: Delta::Text("hi".into()) },
        StreamEvent::MessageStop,
        StreamEvent::BlockDelta { index: 3, delta: Delta::Text("after stop".into()) },
    ];
    let mut out = Vec::new();
    let mut enc = stream_encoder_at(Dialect::Anthropic, "fallback", false, 1);
    for e in &evs {
        enc.push(e, &mut out);
    }
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("event: message_start\n"));
    assert!(text.contains("\"model\":\"fallback\""));
    assert!(text.contains("\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}"));
    assert!(!text.contains("orphan") && !text.contains("after stop"));
    assert!(text.ends_with("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    let mut out = Vec::new();
    let mut enc = stream_encoder_at(Dialect::OpenAi, "fallback", true, 1);
    for e in &evs {
        enc.push(e, &mut out);
    }
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"finish_reason\":\"stop\""));
    assert!(text.contains("\"choices\":[],\"usage\":{\"prompt_tokens\":0"));
    assert!(text.ends_with("data: [DONE]\n\n"));
}

#[test]
fn stream_error_events() {
    let mut out = Vec::new();
    encode_stream_error(Dialect::OpenAi, "overloaded_error", "busy \"now\"", &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "data: {\"error\":{\"message\":\"busy \\\"now\\\"\",\"type\":\"server_error\",\"param\":null,\"code\":\"overloaded_error\"}}\n\n"
    );
    let mut out = Vec::new();
    encode_stream_error(Dialect::Anthropic, "api_error", "x", &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}\n\n"
    );
}

/// The bytes an OpenAI client gets from a fixed Anthropic stream (thinking, text with escapes and
/// non-ASCII, an unknown delta, a null text, a tool call, usage), pinned: the stream translators
/// write chunks straight into the output, and these are the bytes `wire::openai::ChatChunk`
/// serialised whole gave before.
#[test]
fn anthropic_stream_to_openai_bytes_are_pinned() {
    let upstream: &[&str] = &[
        r###"{"type":"message_start","message":{"id":"msg_01X","type":"message","role":"assistant","model":"claude-x","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":21,"cache_read_input_tokens":5,"output_tokens":1}}}"###,
        r###"{"type":"ping"}"###,
        r###"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"###,
        r###"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me think \"hard\"\n\u00e9"}}"###,
        r###"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"sig"}}"###,
        r###"{"type":"content_block_stop","index":0}"###,
        r###"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"###,
        r###"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello \u2028 \ud83d\ude00 <tag> \\ / \t"}}"###,
        r###"{"index":1,"delta":{"text":"dup order","type":"text_delta"},"type":"content_block_delta"}"###,
        r###"{"type":"content_block_delta","index":1,"delta":{"type":"citations_delta","citation":{"x":1}}}"###,
        r###"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":null}}"###,
        r###"{"type":"content_block_stop","index":1}"###,
        r###"{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}"###,
        r###"{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\": "}}"###,
        r###"{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}}"###,
        r###"{"type":"content_block_stop","index":2}"###,
        r###"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":42}}"###,
        r###"{"type":"message_stop"}"###,
    ];
    let mut dec = stream_decoder(Dialect::Anthropic);
    let mut enc = stream_encoder_at(Dialect::OpenAi, "fallback", true, 1_700_000_000);
    let (mut irs, mut bytes) = (Vec::new(), Vec::new());
    for data in upstream {
        let ev = SseEvent { event: None, data: (*data).to_owned(), id: None };
        dec.push(&ev, &mut irs).unwrap();
        for ie in irs.drain(..) {
            enc.push(&ie, &mut bytes);
        }
    }
    dec.finish(&mut irs).unwrap();
    let expected = r###"data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"reasoning_content":"Let me think \"hard\"\né"},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"content":"Hello   😀 <tag> \\ / \t"},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"content":"dup order"},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": "}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]}

data: {"id":"chatcmpl-01X","object":"chat.completion.chunk","created":1700000000,"model":"claude-x","choices":[],"usage":{"prompt_tokens":26,"completion_tokens":42,"total_tokens":68,"prompt_tokens_details":{"cached_tokens":5},"completion_tokens_details":{"reasoning_tokens":0}}}

data: [DONE]

"###;
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
}

/// Likewise for a whole answer: an Anthropic message with thinking, text and a tool call, as an
/// OpenAI chat completion.
#[test]
fn anthropic_response_to_openai_bytes_are_pinned() {
    let body = r###"{"id": "msg_01Y", "type": "message", "role": "assistant", "model": "claude-x", "content": [{"type": "thinking", "thinking": "hmm", "signature": "s"}, {"type": "text", "text": "Hi \"there\" \u00e9 \ud83d\ude00\n"}, {"type": "tool_use", "id": "toolu_2", "name": "f", "input": {"b": 1, "a": [1, 2]}}], "stop_reason": "tool_use", "stop_sequence": null, "usage": {"input_tokens": 10, "output_tokens": 5, "cache_creation_input_tokens": 2}}"###;
    let mut r = decode_response(Dialect::Anthropic, body.as_bytes()).unwrap();
    r.created = Some(1_700_000_000);
    let expected = r###"{"id":"chatcmpl-01Y","object":"chat.completion","created":1700000000,"model":"claude-x","choices":[{"index":0,"message":{"role":"assistant","content":"Hi \"there\" é 😀\n","tool_calls":[{"id":"toolu_2","type":"function","function":{"name":"f","arguments":"{\"a\":[1,2],\"b\":1}"}}],"reasoning_content":"hmm"},"finish_reason":"tool_calls","logprobs":null}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}"###;
    assert_eq!(String::from_utf8(encode_response(Dialect::OpenAi, &r)).unwrap(), expected);
}

/// Events the one-pass reader of Anthropic streams does not vouch for (a duplicate key, a field
/// of another type, a null delta, a delta type it does not model) are read as before.
#[test]
fn anthropic_stream_odd_shapes_read_as_before() {
    let (evs, fin) = feed(
        Dialect::Anthropic,
        &[
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a","text":"b"}}"#,
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":5}}"#,
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{"n":1}}}"#,
            r#"{"type":"ping","index":"not a number"}"#,
            r#"{"type":"message_delta","delta":{"stop_reason":"end_turn","type":7},"usage":{"output_tokens":3}}"#,
            r#"{"type":"message_delta","delta":null}"#,
        ],
    );
    assert_eq!(
        evs,
        vec![
            StreamEvent::BlockDelta { index: 0, delta: Delta::Text("b".into()) },
            StreamEvent::BlockDelta { index: 0, delta: Delta::Text(String::new()) },
            StreamEvent::BlockDelta {
                index: 0,
                delta: Delta::Other(json!({"type": "citations_delta", "citation": {"n": 1}})),
            },
            StreamEvent::Ping,
            StreamEvent::MessageDelta {
                stop_reason: Some(StopReason::EndTurn),
                stop_sequence: None,
                usage: Some(Usage { output_tokens: 3, ..Usage::default() }),
            },
        ]
    );
    assert!(matches!(fin, Err(TranslateError::Upstream(m)) if m.starts_with("invalid stream event")));
}
