//! The `mock` provider: a local, deterministic responder speaking the OpenAI dialect in-process.
//! It echoes the last user text (streamed in pieces), answers with a tool call when tools are
//! offered, and acknowledges tool results — so every endpoint can be tried with no upstream.

use super::{Endpoint, UpstreamReply};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde_json::{Value, json};

/// Models the mock lists when its provider has no `models.include`.
pub const MODELS: &[&str] = &["echo"];

pub fn respond(endpoint: Endpoint, body: &[u8]) -> UpstreamReply {
    match endpoint {
        Endpoint::Models => {
            let data: Vec<Value> = MODELS
                .iter()
                .map(|m| json!({"id": m, "object": "model", "created": 0, "owned_by": "monorelay"}))
                .collect();
            json_reply(StatusCode::OK, json!({"object": "list", "data": data}))
        }
        Endpoint::ImagesGenerations => json_reply(
            StatusCode::BAD_REQUEST,
            json!({"error": {"message": "mock: the mock provider does not draw images", "type": "invalid_request_error"}}),
        ),
        Endpoint::AudioSpeech => json_reply(
            StatusCode::BAD_REQUEST,
            json!({"error": {"message": "mock: the mock provider does not speak", "type": "invalid_request_error"}}),
        ),
        Endpoint::Embeddings | Endpoint::Moderations | Endpoint::Completions => {
            match serde_json::from_slice::<Value>(body) {
                Ok(req) => other(endpoint, &req),
                Err(e) => json_reply(
                    StatusCode::BAD_REQUEST,
                    json!({"error": {"message": format!("mock: invalid JSON: {e}"), "type": "invalid_request_error"}}),
                ),
            }
        }
        _ => match serde_json::from_slice::<Value>(body) {
            Ok(req) => chat(&req),
            Err(e) => json_reply(
                StatusCode::BAD_REQUEST,
                json!({"error": {"message": format!("mock: invalid JSON: {e}"), "type": "invalid_request_error"}}),
            ),
        },
    }
}

fn json_reply(status: StatusCode, v: Value) -> UpstreamReply {
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let body = Bytes::from(v.to_string());
    UpstreamReply { status, headers, body: Box::pin(futures_util::stream::iter([Ok(body)])) }
}

/// Inputs of an embeddings / moderations / completions request: a string or a list of strings.
fn inputs(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => {
            a.iter().map(|x| x.as_str().map(String::from).unwrap_or_else(|| x.to_string())).collect()
        }
        _ => vec![String::new()],
    }
}

/// A deterministic 8-dimensional unit vector per input (same text, same vector).
fn embedding(text: &str) -> Vec<f64> {
    use std::hash::{Hash, Hasher};
    let raw: Vec<f64> = (0..8u64)
        .map(|i| {
            let mut h = std::hash::DefaultHasher::new();
            (i, text).hash(&mut h);
            (h.finish() % 2000) as f64 / 1000.0 - 1.0
        })
        .collect();
    let norm = raw.iter().map(|x| x * x).sum::<f64>().sqrt().max(f64::EPSILON);
    raw.into_iter().map(|x| x / norm).collect()
}

fn other(endpoint: Endpoint, req: &Value) -> UpstreamReply {
    let model = req.get("model").and_then(Value::as_str).unwrap_or("echo");
    match endpoint {
        Endpoint::Embeddings => {
            let data: Vec<Value> = inputs(req.get("input"))
                .iter()
                .enumerate()
                .map(|(i, t)| json!({"object": "embedding", "index": i, "embedding": embedding(t)}))
                .collect();
            let tokens: usize = inputs(req.get("input")).iter().map(|t| t.len() / 4 + 1).sum();
            json_reply(
                StatusCode::OK,
                json!({"object": "list", "model": model, "data": data, "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}),
            )
        }
        Endpoint::Moderations => {
            let results: Vec<Value> = inputs(req.get("input"))
                .iter()
                .map(|_| json!({"flagged": false, "categories": {}, "category_scores": {}}))
                .collect();
            json_reply(StatusCode::OK, json!({"id": "modr-mock", "model": model, "results": results}))
        }
        _ => {
            let text = inputs(req.get("prompt")).join("\n");
            json_reply(
                StatusCode::OK,
                json!({"id": "cmpl-mock", "object": "text_completion", "created": 0, "model": model,
                       "choices": [{"index": 0, "text": text, "finish_reason": "stop", "logprobs": null}],
                       "usage": {"prompt_tokens": text.len() / 4 + 1, "completion_tokens": text.len() / 4 + 1, "total_tokens": 2 * (text.len() / 4 + 1)}}),
            )
        }
    }
}

/// Text of an OpenAI message content: a string, or the text parts of a list.
fn text_of(content: &Value) -> String {
    match content {
        Value::String(s) => s.clone(),
        Value::Array(parts) => {
            parts.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect::<Vec<_>>().join(" ")
        }
        _ => String::new(),
    }
}

/// Deterministic arguments for a tool: each required string property gets the user text.
fn arguments_for(tool: &Value, user_text: &str) -> Value {
    let params = tool.pointer("/function/parameters").cloned().unwrap_or(Value::Null);
    let mut args = serde_json::Map::new();
    let required: Vec<&str> = params
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = params.get("properties").and_then(Value::as_object);
    for name in required {
        let ty =
            props.and_then(|p| p.get(name)).and_then(|p| p.get("type")).and_then(Value::as_str).unwrap_or("string");
        let v = match ty {
            "integer" | "number" => json!(1),
            "boolean" => json!(true),
            "array" => json!([]),
            "object" => json!({}),
            _ => json!(user_text),
        };
        args.insert(name.to_string(), v);
    }
    Value::Object(args)
}

enum Answer {
    Text(String),
    ToolCall { name: String, arguments: String },
}

fn chat(req: &Value) -> UpstreamReply {
    let model = req.get("model").and_then(Value::as_str).unwrap_or("echo").to_string();
    let messages = req.get("messages").and_then(Value::as_array).cloned().unwrap_or_default();
    let last = messages.last();
    let last_role = last.and_then(|m| m.get("role")).and_then(Value::as_str).unwrap_or("");
    let user_text = messages
        .iter()
        .rev()
        .find(|m| m.get("role").and_then(Value::as_str) == Some("user"))
        .map(|m| text_of(m.get("content").unwrap_or(&Value::Null)))
        .unwrap_or_default();
    let tools = req.get("tools").and_then(Value::as_array).cloned().unwrap_or_default();
    let choice = req.get("tool_choice");
    let tools_off = choice.and_then(Value::as_str) == Some("none");
    let answer = if last_role == "tool" {
        Answer::Text(format!("tool result: {}", text_of(last.and_then(|m| m.get("content")).unwrap_or(&Value::Null))))
    } else if !tools.is_empty() && !tools_off {
        let wanted = choice.and_then(|c| c.pointer("/function/name")).and_then(Value::as_str);
        let tool = wanted
            .and_then(|w| tools.iter().find(|t| t.pointer("/function/name").and_then(Value::as_str) == Some(w)))
            .unwrap_or(&tools[0]);
        let name = tool.pointer("/function/name").and_then(Value::as_str).unwrap_or("tool").to_string();
        Answer::ToolCall { name, arguments: arguments_for(tool, &user_text).to_string() }
    } else if user_text.is_empty() {
        Answer::Text("(empty)".into())
    } else {
        Answer::Text(user_text.clone())
    };
    let prompt_tokens =
        messages.iter().map(|m| text_of(m.get("content").unwrap_or(&Value::Null)).len() / 4 + 3).sum::<usize>() as u64;
    let pieces: Vec<String> = match &answer {
        Answer::Text(t) => split_pieces(t),
        Answer::ToolCall { arguments, .. } => split_pieces(arguments),
    };
    let completion_tokens = pieces.len() as u64;
    let usage = json!({"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "total_tokens": prompt_tokens + completion_tokens});
    let id = format!("chatcmpl-mock{:016x}", fastrand::u64(..));
    let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let call_id = format!("call_mock{:012x}", fastrand::u64(..) >> 16);
    let finish = match answer {
        Answer::Text(_) => "stop",
        Answer::ToolCall { .. } => "tool_calls",
    };

    if req.get("stream").and_then(Value::as_bool) != Some(true) {
        let message = match &answer {
            Answer::Text(t) => json!({"role": "assistant", "content": t}),
            Answer::ToolCall { name, arguments } => {
                json!({"role": "assistant", "content": null, "tool_calls": [
                {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}]})
            }
        };
        return json_reply(
            StatusCode::OK,
            json!({"id": id, "object": "chat.completion", "created": created, "model": model,
                   "choices": [{"index": 0, "message": message, "finish_reason": finish}], "usage": usage}),
        );
    }

    let include_usage = req.pointer("/stream_options/include_usage").and_then(Value::as_bool) == Some(true);
    let chunk = |delta: Value, finish: Value| {
        json!({"id": id, "object": "chat.completion.chunk", "created": created, "model": model,
               "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
    };
    let mut events = vec![chunk(json!({"role": "assistant", "content": ""}), Value::Null)];
    match &answer {
        Answer::Text(_) => events.extend(pieces.iter().map(|p| chunk(json!({"content": p}), Value::Null))),
        Answer::ToolCall { name, .. } => {
            events.push(chunk(
                json!({"tool_calls": [{"index": 0, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}]}),
                Value::Null,
            ));
            events.extend(
                pieces
                    .iter()
                    .map(|p| chunk(json!({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}), Value::Null)),
            );
        }
    }
    events.push(chunk(json!({}), json!(finish)));
    if include_usage {
        events.push(json!({"id": id, "object": "chat.completion.chunk", "created": created, "model": model, "choices": [], "usage": usage}));
    }
    let mut frames: Vec<Result<Bytes, super::UpstreamError>> =
        events.into_iter().map(|e| Ok(Bytes::from(format!("data: {e}\n\n")))).collect();
    frames.push(Ok(Bytes::from_static(b"data: [DONE]\n\n")));
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    UpstreamReply { status: StatusCode::OK, headers, body: Box::pin(futures_util::stream::iter(frames)) }
}

/// Split text into word-sized pieces (keeping the spaces) so streams arrive in several events.
fn split_pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in text.chars() {
        cur.push(ch);
        if (ch == ' ' && cur.len() > 1) || cur.len() >= 16 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}
