//! `providers.verify`: three real probes of one provider with one key, in the upstream's own
//! dialect (OpenAI chat, Anthropic messages, Gemini generateContent): a one-word text answer, a
//! forced call of one function tool, and a streamed answer that must bring text and end properly.
//! Each is timed (latency; first text for the stream) and bounded by a timeout. Probes go straight
//! through `Provider::send`: they are not relay traffic (nothing is logged or counted) and leave
//! key health alone.

use super::providers_ops::{TEST_MESSAGE_CHARS, read_all, test_model};
use super::{AdminError, ProviderVerify, Service, VerifyCheck, VerifyReport};
use crate::dialect::Dialect;
use crate::providers::{Endpoint, Provider};
use http::HeaderMap;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Longest a single probe may take, answer included.
const CHECK_TIMEOUT: Duration = Duration::from_secs(30);
/// The function the tool probe forces.
const TOOL_NAME: &str = "get_weather";

#[derive(Clone, Copy, PartialEq)]
enum Check {
    Text,
    Tool,
    Stream,
}

impl Check {
    fn name(self) -> &'static str {
        match self {
            Check::Text => "text",
            Check::Tool => "tool_call",
            Check::Stream => "stream",
        }
    }
}

impl Service {
    /// Text, tool-call and stream probes of one provider with one key (the label's, else the first
    /// enabled one).
    pub async fn providers_verify(&self, a: ProviderVerify) -> Result<VerifyReport, AdminError> {
        let rt = self.runtime_for_upstreams()?;
        let p = Self::find_provider(&rt, &a.provider)?;
        let key = match &a.key {
            Some(label) => p.pool.keys.iter().find(|k| &k.config.label == label).ok_or_else(|| {
                AdminError::not_found(format!("provider '{}' has no key labelled '{label}'", p.name()))
            })?,
            None => p
                .pool
                .keys
                .iter()
                .find(|k| k.config.enabled)
                .ok_or_else(|| AdminError::conflict(format!("provider '{}' has no enabled key", p.name())))?,
        };
        let model = test_model(p, &a.model).ok_or_else(|| {
            AdminError::invalid(Some("model"), "no model to verify with: set test_model or pass a model")
        })?;
        let mut checks = Vec::new();
        for check in [Check::Text, Check::Tool, Check::Stream] {
            if check == Check::Tool && !p.has_tool_api() {
                checks.push(VerifyCheck {
                    check: check.name().into(),
                    skipped: true,
                    message: "skipped: no tool API".into(),
                    ..VerifyCheck::default()
                });
                continue;
            }
            checks.push(probe(p, &key.auth, &model, check).await);
        }
        Ok(VerifyReport {
            provider: p.name().to_string(),
            key: key.config.label.clone(),
            model,
            ok: checks.iter().all(|c| c.ok || c.skipped),
            checks,
        })
    }
}

/// Run one probe under the timeout.
async fn probe(p: &Provider, auth: &http::HeaderValue, model: &str, check: Check) -> VerifyCheck {
    let started = Instant::now();
    let mut out = VerifyCheck { check: check.name().into(), ..VerifyCheck::default() };
    let run = run_probe(p, auth, model, check, started, &mut out);
    let message = match tokio::time::timeout(CHECK_TIMEOUT, run).await {
        Ok(Ok(())) => {
            out.ok = true;
            "ok".to_string()
        }
        Ok(Err(m)) => m,
        Err(_) => format!("no complete answer within {} s", CHECK_TIMEOUT.as_secs()),
    };
    out.latency_ms = ms(started);
    out.message = message.chars().take(TEST_MESSAGE_CHARS).collect();
    out
}

fn ms(since: Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 1000.0).round()
}

/// Send one probe and judge its answer; `Err` is the failure's message.
async fn run_probe(
    p: &Provider,
    auth: &http::HeaderValue,
    model: &str,
    check: Check,
    started: Instant,
    out: &mut VerifyCheck,
) -> Result<(), String> {
    let dialect = p.dialect();
    let stream = check == Check::Stream;
    let (endpoint, body) = request(dialect, model, check);
    let reply = p
        .send(endpoint, auth, bytes::Bytes::from(body.to_string()), &HeaderMap::new(), stream)
        .await
        .map_err(|e| e.to_string())?;
    out.status = reply.status.as_u16();
    if !reply.status.is_success() {
        return Err(crate::relay::parse_error_body(&read_all(reply).await).0);
    }
    if !stream {
        let bytes = read_all(reply).await;
        let v: Value = serde_json::from_slice(&bytes).map_err(|_| "the answer is not JSON".to_string())?;
        return match check {
            Check::Tool => tool_call(dialect, &v),
            _ => text_of(dialect, &v).map(drop).ok_or_else(|| "the answer holds no text".to_string()),
        };
    }
    // The stream: SSE `data:` lines, judged as they come.
    let mut body = reply.body;
    let mut buf: Vec<u8> = Vec::new();
    let mut ended = false;
    while let Some(chunk) = futures_util::StreamExt::next(&mut body).await {
        let chunk = chunk.map_err(|e| format!("the stream broke: {e}"))?;
        buf.extend_from_slice(&chunk);
        while let Some(nl) = buf.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = buf.drain(..=nl).collect();
            let line = String::from_utf8_lossy(&line);
            let Some(data) = line.trim_end().strip_prefix("data:") else { continue };
            let data = data.trim();
            if data == "[DONE]" {
                ended = true;
                continue;
            }
            let Ok(v) = serde_json::from_str::<Value>(data) else { continue };
            if out.first_token_ms.is_none() && stream_text(dialect, &v) {
                out.first_token_ms = Some(ms(started));
            }
            ended |= stream_end(dialect, &v);
        }
    }
    match (out.first_token_ms.is_some(), ended) {
        (true, true) => Ok(()),
        (false, _) => Err("the stream brought no text".into()),
        (true, false) => Err("the stream was cut before its end".into()),
    }
}

/// The endpoint and body of one probe in the upstream's dialect.
fn request(dialect: Dialect, model: &str, check: Check) -> (Endpoint, Value) {
    let prompt = match check {
        Check::Tool => "What is the weather in Paris? Use the tool.",
        _ => "Reply with exactly one word: ok",
    };
    let schema = json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]});
    let about = "The current weather in a city.";
    let stream = check == Check::Stream;
    match dialect {
        Dialect::Anthropic => {
            let mut b = json!({"model": model, "max_tokens": 64, "messages": [{"role": "user", "content": prompt}]});
            if check == Check::Tool {
                b["tools"] = json!([{"name": TOOL_NAME, "description": about, "input_schema": schema}]);
                b["tool_choice"] = json!({"type": "tool", "name": TOOL_NAME});
            }
            if stream {
                b["stream"] = json!(true);
            }
            (Endpoint::Messages, b)
        }
        Dialect::Gemini => {
            let mut b = json!({"model": model, "contents": [{"role": "user", "parts": [{"text": prompt}]}],
                "generationConfig": {"maxOutputTokens": 64}});
            if check == Check::Tool {
                b["tools"] = json!([{"functionDeclarations": [{"name": TOOL_NAME, "description": about, "parameters": schema}]}]);
                b["toolConfig"] =
                    json!({"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": [TOOL_NAME]}});
            }
            (Endpoint::GenerateContent, b)
        }
        Dialect::OpenAi | Dialect::Responses => {
            let mut b = json!({"model": model, "max_tokens": 64, "messages": [{"role": "user", "content": prompt}]});
            if check == Check::Tool {
                b["tools"] = json!([{"type": "function", "function": {"name": TOOL_NAME, "description": about, "parameters": schema}}]);
                b["tool_choice"] = json!({"type": "function", "function": {"name": TOOL_NAME}});
            }
            if stream {
                b["stream"] = json!(true);
            }
            (Endpoint::ChatCompletions, b)
        }
    }
}

/// The non-empty text of a non-stream answer.
fn text_of(dialect: Dialect, v: &Value) -> Option<String> {
    let text: String = match dialect {
        Dialect::Anthropic => {
            blocks(&v["content"]).filter(|b| b["type"] == "text").filter_map(|b| b["text"].as_str()).collect()
        }
        Dialect::Gemini => blocks(&v["candidates"][0]["content"]["parts"]).filter_map(|b| b["text"].as_str()).collect(),
        Dialect::OpenAi | Dialect::Responses => {
            v["choices"][0]["message"]["content"].as_str().unwrap_or_default().to_string()
        }
    };
    Some(text).filter(|t| !t.trim().is_empty())
}

fn blocks(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_array().into_iter().flatten()
}

/// Whether the answer holds a call of the probe's function with JSON object arguments.
fn tool_call(dialect: Dialect, v: &Value) -> Result<(), String> {
    let args: Vec<Value> = match dialect {
        Dialect::Anthropic => blocks(&v["content"])
            .filter(|b| b["type"] == "tool_use" && b["name"] == TOOL_NAME)
            .map(|b| b["input"].clone())
            .collect(),
        Dialect::Gemini => blocks(&v["candidates"][0]["content"]["parts"])
            .filter(|b| b["functionCall"]["name"] == TOOL_NAME)
            .map(|b| b["functionCall"]["args"].clone())
            .collect(),
        Dialect::OpenAi | Dialect::Responses => blocks(&v["choices"][0]["message"]["tool_calls"])
            .filter(|c| c["function"]["name"] == TOOL_NAME)
            .map(|c| c["function"]["arguments"].as_str().and_then(|a| serde_json::from_str(a).ok()).unwrap_or_default())
            .collect(),
    };
    match args.first() {
        None => Err(format!("the answer holds no call of '{TOOL_NAME}'")),
        Some(a) if !a.is_object() => Err(format!("the call of '{TOOL_NAME}' has no JSON object arguments")),
        Some(_) => Ok(()),
    }
}

/// Whether one stream event brings text.
fn stream_text(dialect: Dialect, v: &Value) -> bool {
    let text = match dialect {
        Dialect::Anthropic => (v["type"] == "content_block_delta").then(|| v["delta"]["text"].as_str()).flatten(),
        Dialect::Gemini => blocks(&v["candidates"][0]["content"]["parts"]).find_map(|b| b["text"].as_str()),
        Dialect::OpenAi | Dialect::Responses => v["choices"][0]["delta"]["content"].as_str(),
    };
    text.is_some_and(|t| !t.is_empty())
}

/// Whether one stream event is the stream's proper end (OpenAI's is `data: [DONE]`).
fn stream_end(dialect: Dialect, v: &Value) -> bool {
    match dialect {
        Dialect::Anthropic => v["type"] == "message_stop",
        Dialect::Gemini => v["candidates"][0]["finishReason"].is_string(),
        Dialect::OpenAi | Dialect::Responses => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openai_tool_call_needs_the_function_and_json_arguments() {
        let call = |args: &str| {
            json!({"choices": [{"message": {"tool_calls": [{"type": "function",
                "function": {"name": TOOL_NAME, "arguments": args}}]}}]})
        };
        assert!(tool_call(Dialect::OpenAi, &call("{\"city\":\"Paris\"}")).is_ok());
        assert!(tool_call(Dialect::OpenAi, &call("not json")).is_err());
        assert!(tool_call(Dialect::OpenAi, &json!({"choices": [{"message": {"content": "sunny"}}]})).is_err());
    }

    #[test]
    fn gemini_text_and_stream_end() {
        let v = json!({"candidates": [{"content": {"parts": [{"text": "ok"}]}, "finishReason": "STOP"}]});
        assert_eq!(text_of(Dialect::Gemini, &v).as_deref(), Some("ok"));
        assert!(stream_text(Dialect::Gemini, &v) && stream_end(Dialect::Gemini, &v));
        let call = json!({"candidates": [{"content": {"parts": [{"functionCall": {"name": TOOL_NAME, "args": {"city": "Paris"}}}]}}]});
        assert!(tool_call(Dialect::Gemini, &call).is_ok());
    }
}
