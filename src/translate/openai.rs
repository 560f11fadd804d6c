//! OpenAI Chat Completions <-> IR: request/response decoders and encoders, and the stateful stream
//! decoder (chunks -> IR events) and encoder (IR events -> chunks).
//!
//! Lossy decisions made here (IR -> OpenAI):
//! - thinking blocks -> assistant `reasoning_content`; signatures and redacted thinking are dropped
//!   (OpenAI has no carrier; they only matter to Anthropic).
//! - `top_k`, Anthropic-only blocks/tools/tool_choice shapes, raw `thinking` shapes:
//!   `Unsupported` unless `drop_unsupported`.
//! - tool results: `is_error` has no carrier and is dropped (the result text is kept verbatim);
//!   images inside a tool result are `Unsupported` (tool messages are text-only).
//! - `cache_control` hints are dropped (OpenAI caches automatically).
//! - thinking `budget_tokens` -> `reasoning_effort`: < 4096 low, < 16384 medium, otherwise high;
//!   `disabled` -> no `reasoning_effort`; adaptive thinking (or none) with `output_config.effort`
//!   -> that effort (`max` -> `high`); adaptive alone -> the upstream's default.
//! - advisory fields (`context_management`, cache hints, `metadata` extras, …) are dropped and
//!   noted; Anthropic `output_config.format` becomes `response_format: json_schema`.
//! - mid-conversation `System` messages stay in place as `system`/`developer` messages.
//! - a call of `STRUCTURED_OUTPUT_TOOL` (an OpenAI client's json_schema answered by an Anthropic
//!   upstream) is returned as message content, streamed as content deltas.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    ADVISORY_FIELDS, EncodeOptions, Lossy, StreamDecoder, StreamEncoder, TranslateError, encode_event, now_unix,
    openai_id, parse_client, parse_upstream, random_token, stop_reason_from_openai, stop_reason_to_openai,
};
use crate::dialect::Dialect;
use crate::ir::{self, BlockStart, ContentBlock, Delta, Reasoning, Role, StopReason, StreamEvent};
use crate::translate::sse::{SseEvent, encode_json_event};
use crate::wire::openai as w;
use crate::wire::{StringOrParts, StringOrVec};

// ---------------------------------------------------------------------------------------------
// Requests

pub fn decode_request(body: &[u8]) -> Result<ir::Request, TranslateError> {
    let r: w::ChatRequest = parse_client(body)?;
    let mut req = ir::Request { model: r.model, ..ir::Request::default() };
    let mut leading = true;
    for (i, m) in r.messages.into_iter().enumerate() {
        // Built only when an error names it.
        let path = || format!("messages[{i}]");
        match m.role.as_str() {
            "system" | "developer" => {
                if m.role == "developer" {
                    req.openai.developer_role = true;
                }
                let blocks = text_only(m.content, &path)?;
                if leading {
                    req.system.extend(blocks);
                } else {
                    req.messages.push(ir::Message { role: Role::System, content: blocks, name: m.name });
                }
            }
            "user" => {
                leading = false;
                let content = user_content(m.content, &path)?;
                req.messages.push(ir::Message { role: Role::User, content, name: m.name });
            }
            "assistant" => {
                leading = false;
                let content = assistant_content(m, &path)?;
                req.messages.push(content);
            }
            "tool" => {
                leading = false;
                let Some(id) = m.tool_call_id else {
                    return Err(TranslateError::invalid(
                        format!("{}.tool_call_id", path()),
                        "required for role 'tool'",
                    ));
                };
                let content = text_only(m.content, &path)?;
                // One IR user message per tool message; the Anthropic encoder merges neighbours.
                req.messages.push(ir::Message {
                    role: Role::User,
                    content: vec![ContentBlock::ToolResult {
                        tool_use_id: id,
                        content,
                        is_error: false,
                        cache_control: None,
                    }],
                    name: None,
                });
            }
            "function" => {
                return Err(TranslateError::invalid(
                    format!("{}.role", path()),
                    "the deprecated 'function' role is not supported; use 'tool'",
                ));
            }
            other => {
                return Err(TranslateError::invalid(format!("{}.role", path()), format!("unknown role '{other}'")));
            }
        }
    }
    for (i, t) in r.tools.unwrap_or_default().into_iter().enumerate() {
        req.tools.push(decode_tool(t, i)?);
    }
    if let Some(tc) = r.tool_choice {
        req.tool_choice = Some(decode_tool_choice(tc)?);
    }
    req.parallel_tool_calls = r.parallel_tool_calls;
    req.openai.legacy_max_tokens = r.max_completion_tokens.is_none() && r.max_tokens.is_some();
    req.max_tokens = r.max_completion_tokens.or(r.max_tokens);
    req.temperature = r.temperature;
    req.top_p = r.top_p;
    req.stop = r.stop.map(StringOrVec::into_vec).unwrap_or_default();
    req.stream = r.stream.unwrap_or(false);
    req.stream_include_usage = r.stream_options.and_then(|o| o.include_usage).unwrap_or(false);
    req.user = r.user;
    req.reasoning = r.reasoning_effort.map(Reasoning::Effort);
    req.openai.n = r.n;
    req.openai.logprobs = r.logprobs;
    req.openai.top_logprobs = r.top_logprobs;
    req.openai.frequency_penalty = r.frequency_penalty;
    req.openai.presence_penalty = r.presence_penalty;
    req.openai.seed = r.seed;
    req.openai.response_format = r.response_format;
    req.openai.logit_bias = r.logit_bias;
    req.extra = r.extra;
    req.extra_dialect = Some(Dialect::OpenAi);
    Ok(req)
}

fn text_only(
    content: Option<StringOrParts<w::ContentPart>>,
    path: &dyn Fn() -> String,
) -> Result<Vec<ContentBlock>, TranslateError> {
    match content {
        None => Ok(Vec::new()),
        Some(StringOrParts::String(s)) => Ok(vec![ContentBlock::text(s)]),
        Some(StringOrParts::Parts(parts)) => parts
            .into_iter()
            .enumerate()
            .map(|(j, p)| match p {
                w::ContentPart::Text { text, cache_control } => Ok(ContentBlock::Text { text, cache_control }),
                _ => Err(TranslateError::invalid(
                    format!("{}.content[{j}]", path()),
                    "only text parts are allowed in this message",
                )),
            })
            .collect(),
    }
}

fn user_content(
    content: Option<StringOrParts<w::ContentPart>>,
    path: &dyn Fn() -> String,
) -> Result<Vec<ContentBlock>, TranslateError> {
    match content {
        None => Err(TranslateError::invalid(format!("{}.content", path()), "required for role 'user'")),
        Some(StringOrParts::String(s)) => Ok(vec![ContentBlock::text(s)]),
        Some(StringOrParts::Parts(parts)) => Ok(parts
            .into_iter()
            .map(|p| match p {
                w::ContentPart::Text { text, cache_control } => ContentBlock::Text { text, cache_control },
                w::ContentPart::Refusal { refusal } => ContentBlock::text(refusal),
                w::ContentPart::ImageUrl { image_url } => ContentBlock::Image {
                    source: image_source(image_url.url),
                    detail: image_url.detail,
                    cache_control: None,
                },
                w::ContentPart::Other(value) => ContentBlock::Other { dialect: Dialect::OpenAi, value },
            })
            .collect()),
    }
}

/// `data:<media type>;base64,<data>` becomes a base64 source; anything else stays a URL.
pub(crate) fn image_source(url: String) -> ir::ImageSource {
    let parsed = url
        .strip_prefix("data:")
        .and_then(|rest| rest.split_once(','))
        .and_then(|(meta, data)| Some((meta.strip_suffix(";base64")?, data)));
    match parsed {
        Some((media_type, data)) => {
            ir::ImageSource::Base64 { media_type: media_type.to_owned(), data: data.to_owned() }
        }
        None => ir::ImageSource::Url { url },
    }
}

fn assistant_content(m: w::ChatMessage, path: &dyn Fn() -> String) -> Result<ir::Message, TranslateError> {
    let mut blocks = Vec::new();
    if let Some(r) = m.reasoning_content.or(m.reasoning).filter(|r| !r.is_empty()) {
        blocks.push(ContentBlock::Thinking { thinking: r, signature: None });
    }
    match m.content {
        None => {}
        Some(StringOrParts::String(s)) if s.is_empty() => {}
        Some(StringOrParts::String(s)) => blocks.push(ContentBlock::text(s)),
        Some(StringOrParts::Parts(parts)) => {
            for (j, p) in parts.into_iter().enumerate() {
                match p {
                    w::ContentPart::Text { text, .. } | w::ContentPart::Refusal { refusal: text } => {
                        blocks.push(ContentBlock::text(text))
                    }
                    _ => {
                        return Err(TranslateError::invalid(
                            format!("{}.content[{j}]", path()),
                            "assistant messages may only contain text and refusal parts",
                        ));
                    }
                }
            }
        }
    }
    if let Some(r) = m.refusal.filter(|r| !r.is_empty()) {
        blocks.push(ContentBlock::text(r));
    }
    for (j, tc) in m.tool_calls.unwrap_or_default().into_iter().enumerate() {
        if tc.kind != "function" {
            return Err(TranslateError::invalid(
                format!("{}.tool_calls[{j}].type", path()),
                format!("unsupported tool call type '{}'", tc.kind),
            ));
        }
        blocks.push(ContentBlock::ToolUse {
            id: tc.id,
            name: tc.function.name,
            input: ir::parse_tool_arguments(&tc.function.arguments),
            cache_control: None,
        });
    }
    Ok(ir::Message { role: Role::Assistant, content: blocks, name: m.name })
}

fn decode_tool(t: Value, i: usize) -> Result<ir::Tool, TranslateError> {
    #[derive(serde::Deserialize)]
    struct Function {
        name: String,
        #[serde(default)]
        description: Option<String>,
        #[serde(default)]
        parameters: Option<Value>,
        #[serde(default)]
        strict: Option<bool>,
    }
    match t.get("type").and_then(Value::as_str) {
        Some("function") => {}
        Some(_) => {
            return Ok(ir::Tool::Other { dialect: Dialect::OpenAi, value: t });
        }
        None => {
            return Err(TranslateError::invalid(format!("tools[{i}].type"), "missing or not a string"));
        }
    }
    let f = t.get("function").ok_or_else(|| TranslateError::invalid(format!("tools[{i}].function"), "missing"))?;
    let f: Function = serde_json::from_value(f.clone())
        .map_err(|e| TranslateError::invalid(format!("tools[{i}].function"), e.to_string()))?;
    Ok(ir::Tool::Function {
        name: f.name,
        description: f.description,
        input_schema: f.parameters.filter(|p| !p.is_null()).unwrap_or_else(empty_schema),
        strict: f.strict,
        cache_control: None,
    })
}

pub(crate) fn empty_schema() -> Value {
    json!({"type": "object", "properties": {}})
}

fn decode_tool_choice(tc: Value) -> Result<ir::ToolChoice, TranslateError> {
    decode_tool_choice_in(Dialect::OpenAi, tc)
}

/// `tool_choice` as chat completions (`{"type": "function", "function": {"name"}}`) and the
/// Responses API (`{"type": "function", "name"}`) write it; other object types are kept as is.
pub(crate) fn decode_tool_choice_in(dialect: Dialect, tc: Value) -> Result<ir::ToolChoice, TranslateError> {
    match &tc {
        Value::String(s) => match s.as_str() {
            "auto" => Ok(ir::ToolChoice::Auto),
            "required" => Ok(ir::ToolChoice::Any),
            "none" => Ok(ir::ToolChoice::None),
            other => Err(TranslateError::invalid("tool_choice", format!("unknown value '{other}'"))),
        },
        Value::Object(o) => match o.get("type").and_then(Value::as_str) {
            Some("function") => {
                let (name, path) = match dialect {
                    Dialect::Responses => (o.get("name"), "tool_choice.name"),
                    _ => (o.get("function").and_then(|f| f.get("name")), "tool_choice.function.name"),
                };
                let name = name.and_then(Value::as_str).ok_or_else(|| TranslateError::invalid(path, "missing"))?;
                Ok(ir::ToolChoice::Tool { name: name.to_owned() })
            }
            Some(_) => Ok(ir::ToolChoice::Other { dialect, value: tc }),
            None => Err(TranslateError::invalid("tool_choice.type", "missing")),
        },
        _ => Err(TranslateError::invalid("tool_choice", "expected a string or an object")),
    }
}

pub fn encode_request(req: &ir::Request, opts: &EncodeOptions<'_>) -> Result<Vec<u8>, TranslateError> {
    super::encode_request_noting(Dialect::OpenAi, req, opts).map(|e| e.body)
}

pub(crate) fn encode_request_with(
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
    lossy: &Lossy,
) -> Result<Vec<u8>, TranslateError> {
    let same = req.extra_dialect == Some(Dialect::OpenAi);
    if !same && has_cache_hints(req) {
        // OpenAI caches prompts by itself; the hints only advise.
        lossy.note("cache_control");
    }
    let system_role = if req.openai.developer_role { "developer" } else { "system" };
    let mut messages = Vec::with_capacity(req.messages.len() + 1);
    if !req.system.is_empty() {
        messages.push(system_message(system_role, &req.system));
    }
    for (i, m) in req.messages.iter().enumerate() {
        let path = format!("messages[{i}]");
        match m.role {
            Role::System => messages.push(system_message(system_role, &m.content)),
            Role::User => encode_user(m, &path, lossy, &mut messages)?,
            Role::Assistant => messages.push(encode_assistant(m, &path, lossy)?),
        }
    }
    let mut tools = Vec::with_capacity(req.tools.len());
    for (i, t) in req.tools.iter().enumerate() {
        match t {
            ir::Tool::Function { name, description, input_schema, strict, .. } => {
                let mut f = Map::new();
                f.insert("name".into(), Value::String(name.clone()));
                if let Some(d) = description {
                    f.insert("description".into(), Value::String(d.clone()));
                }
                f.insert("parameters".into(), input_schema.clone());
                if let Some(s) = strict {
                    f.insert("strict".into(), Value::Bool(*s));
                }
                tools.push(json!({"type": "function", "function": f}));
            }
            ir::Tool::Other { dialect: Dialect::OpenAi, value } => tools.push(value.clone()),
            ir::Tool::Other { .. } => lossy.cannot_carry(format!("tools[{i}]"))?,
        }
    }
    let tool_choice = match &req.tool_choice {
        None => None,
        Some(ir::ToolChoice::Auto) => Some(json!("auto")),
        Some(ir::ToolChoice::Any) => Some(json!("required")),
        Some(ir::ToolChoice::None) => Some(json!("none")),
        Some(ir::ToolChoice::Tool { name }) => Some(json!({"type": "function", "function": {"name": name}})),
        Some(ir::ToolChoice::Other { dialect: Dialect::OpenAi, value }) => Some(value.clone()),
        Some(ir::ToolChoice::Other { .. }) => {
            lossy.cannot_carry("tool_choice")?;
            None
        }
    };
    if req.top_k.is_some() {
        lossy.cannot_carry("top_k")?;
    }
    let reasoning_effort = match &req.reasoning {
        Some(Reasoning::Disabled) => {
            if req.effort.is_some() {
                lossy.note("output_config.effort");
            }
            None
        }
        Some(Reasoning::Effort(e)) => Some(e.clone()),
        Some(Reasoning::Budget(n)) => Some(effort_for_budget(*n).to_owned()),
        // Adaptive thinking (or none asked for) with an effort: the effort is the nearest control.
        // Adaptive alone leaves the upstream's default, as Anthropic's default effort does.
        Some(Reasoning::Adaptive { display }) => {
            if display.is_some() {
                lossy.note("thinking.display");
            }
            req.effort.as_deref().map(effort_from_anthropic)
        }
        None => req.effort.as_deref().map(effort_from_anthropic),
        Some(Reasoning::Raw(_)) => {
            lossy.cannot_carry("thinking")?;
            None
        }
    };
    // `max_tokens` is what every OpenAI-compatible server understands, but OpenAI's reasoning
    // models accept only `max_completion_tokens`; keep the client's choice within the dialect.
    let use_legacy = if same { req.openai.legacy_max_tokens } else { reasoning_effort.is_none() };
    let (max_tokens, max_completion_tokens) = if use_legacy { (req.max_tokens, None) } else { (None, req.max_tokens) };
    let mut extra = Map::new();
    let mut response_format = req.openai.response_format.clone();
    for (k, v) in &req.extra {
        if same {
            extra.insert(k.clone(), v.clone());
        } else if ADVISORY_FIELDS.contains(&k.as_str()) {
            lossy.note(k.clone());
        } else if k == "output_config" {
            response_format = output_config_to_openai(v, lossy)?.or(response_format);
        } else {
            lossy.cannot_carry(k.clone())?;
        }
    }
    let has_tools = !tools.is_empty();
    let out = w::ChatRequest {
        model: opts.model.unwrap_or(&req.model).to_string(),
        messages,
        max_tokens,
        max_completion_tokens,
        temperature: req.temperature,
        top_p: req.top_p,
        n: req.openai.n,
        stream: req.stream.then_some(true),
        // The relay always wants usage; whether the client sees it is the encoder's business.
        stream_options: req.stream.then(|| w::StreamOptions { include_usage: Some(true), extra: Map::new() }),
        stop: (!req.stop.is_empty()).then(|| StringOrVec::Many(req.stop.clone())),
        presence_penalty: req.openai.presence_penalty,
        frequency_penalty: req.openai.frequency_penalty,
        logit_bias: req.openai.logit_bias.clone(),
        logprobs: req.openai.logprobs,
        top_logprobs: req.openai.top_logprobs,
        seed: req.openai.seed,
        response_format,
        tools: has_tools.then_some(tools),
        tool_choice,
        parallel_tool_calls: req.parallel_tool_calls.filter(|_| has_tools),
        user: req.user.clone(),
        reasoning_effort,
        extra,
    };
    Ok(to_json(&out))
}

/// Anthropic `output_config.effort` -> OpenAI `reasoning_effort`: `low`, `medium`, `high` (and
/// `xhigh`) are the same words; `max` is OpenAI's `high`.
fn effort_from_anthropic(effort: &str) -> String {
    match effort {
        "max" => "high".to_owned(),
        e => e.to_owned(),
    }
}

/// What is left of Anthropic's `output_config` once `effort` was read: `format` (structured
/// output, `{"type":"json_schema","schema":…}`) becomes `response_format`; anything else cannot
/// be carried.
fn output_config_to_openai(v: &Value, lossy: &Lossy) -> Result<Option<Value>, TranslateError> {
    let Some(o) = v.as_object() else {
        lossy.cannot_carry("output_config")?;
        return Ok(None);
    };
    let mut out = None;
    for (k, v) in o {
        match (k.as_str(), v.get("type").and_then(Value::as_str), v.get("schema")) {
            ("format", Some("json_schema"), Some(schema)) => {
                out = Some(json!({
                    "type": "json_schema",
                    "json_schema": {"name": "output", "schema": schema, "strict": true},
                }));
            }
            _ => lossy.cannot_carry(format!("output_config.{k}"))?,
        }
    }
    Ok(out)
}

/// Whether any prompt-caching hint is set (system, messages, tools).
fn has_cache_hints(req: &ir::Request) -> bool {
    let block = |b: &ContentBlock| match b {
        ContentBlock::Text { cache_control, .. }
        | ContentBlock::Image { cache_control, .. }
        | ContentBlock::ToolUse { cache_control, .. }
        | ContentBlock::ToolResult { cache_control, .. } => cache_control.is_some(),
        _ => false,
    };
    req.system.iter().any(block)
        || req.messages.iter().any(|m| m.content.iter().any(block))
        || req.tools.iter().any(|t| matches!(t, ir::Tool::Function { cache_control: Some(_), .. }))
}

fn effort_for_budget(budget: u32) -> &'static str {
    match budget {
        0..4096 => "low",
        4096..16384 => "medium",
        _ => "high",
    }
}

fn system_message(role: &str, blocks: &[ContentBlock]) -> w::ChatMessage {
    // Joined into one string: many OpenAI-compatible servers reject array content here.
    let text = blocks
        .iter()
        .filter_map(|b| match b {
            ContentBlock::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    w::ChatMessage { role: role.to_owned(), content: Some(StringOrParts::String(text)), ..w::ChatMessage::default() }
}

fn encode_user(
    m: &ir::Message,
    path: &str,
    lossy: &Lossy,
    out: &mut Vec<w::ChatMessage>,
) -> Result<(), TranslateError> {
    let mut parts = Vec::new();
    // Tool messages must directly follow the assistant's tool calls, so they go first.
    for (j, b) in m.content.iter().enumerate() {
        let bpath = format!("{path}.content[{j}]");
        match b {
            ContentBlock::ToolResult { tool_use_id, content, .. } => {
                let mut text = String::new();
                for (k, c) in content.iter().enumerate() {
                    match c {
                        ContentBlock::Text { text: t, .. } => {
                            if !text.is_empty() {
                                text.push('\n');
                            }
                            text.push_str(t);
                        }
                        _ => lossy.cannot_carry(format!("{bpath}.content[{k}]"))?,
                    }
                }
                out.push(w::ChatMessage {
                    role: "tool".into(),
                    content: Some(StringOrParts::String(text)),
                    tool_call_id: Some(tool_use_id.clone()),
                    ..w::ChatMessage::default()
                });
            }
            ContentBlock::Text { text, .. } => {
                parts.push(w::ContentPart::Text { text: text.clone(), cache_control: None })
            }
            ContentBlock::Image { source, detail, .. } => parts.push(w::ContentPart::ImageUrl {
                image_url: w::ImageUrl {
                    url: match source {
                        ir::ImageSource::Base64 { media_type, data } => {
                            format!("data:{media_type};base64,{data}")
                        }
                        ir::ImageSource::Url { url } => url.clone(),
                    },
                    detail: detail.clone(),
                },
            }),
            ContentBlock::Other { dialect: Dialect::OpenAi, value } => parts.push(w::ContentPart::Other(value.clone())),
            _ => lossy.cannot_carry(bpath)?,
        }
    }
    if parts.is_empty() {
        return Ok(());
    }
    let content = match parts.as_slice() {
        [w::ContentPart::Text { text, .. }] => StringOrParts::String(text.clone()),
        _ => StringOrParts::Parts(parts),
    };
    out.push(w::ChatMessage {
        role: "user".into(),
        content: Some(content),
        name: m.name.clone(),
        ..w::ChatMessage::default()
    });
    Ok(())
}

fn encode_assistant(m: &ir::Message, path: &str, lossy: &Lossy) -> Result<w::ChatMessage, TranslateError> {
    let mut text = String::new();
    let mut reasoning: Option<String> = None;
    let mut calls = Vec::new();
    for (j, b) in m.content.iter().enumerate() {
        match b {
            ContentBlock::Text { text: t, .. } => text.push_str(t),
            ContentBlock::Thinking { thinking, .. } => reasoning.get_or_insert_with(String::new).push_str(thinking),
            ContentBlock::RedactedThinking { .. } => {}
            ContentBlock::ToolUse { id, name, input, .. } => calls.push(w::ToolCall {
                id: id.clone(),
                kind: "function".into(),
                function: w::FunctionCall { name: name.clone(), arguments: arguments_string(input) },
            }),
            _ => lossy.cannot_carry(format!("{path}.content[{j}]"))?,
        }
    }
    Ok(w::ChatMessage {
        role: "assistant".into(),
        content: if text.is_empty() && !calls.is_empty() { None } else { Some(StringOrParts::String(text)) },
        name: m.name.clone(),
        tool_calls: (!calls.is_empty()).then_some(calls),
        reasoning_content: reasoning,
        ..w::ChatMessage::default()
    })
}

/// A non-JSON arguments string kept as `Value::String` goes back verbatim.
fn arguments_string(input: &Value) -> String {
    match input {
        Value::String(raw) => raw.clone(),
        v => v.to_string(),
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    // A request or answer of a few messages in one allocation (`to_vec` starts at 128 bytes and
    // grows by copying).
    let mut out = Vec::with_capacity(1024);
    // Serialising these plain structs cannot fail (string keys, no custom impls that error).
    if serde_json::to_writer(&mut out, v).is_err() {
        out.clear();
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Responses

pub fn decode_response(body: &[u8]) -> Result<ir::Response, TranslateError> {
    let r: w::ChatCompletion = parse_upstream(body, "chat completion")?;
    let Some(choice) = r.choices.into_iter().next() else {
        return Err(TranslateError::Upstream("chat completion has no choices".into()));
    };
    let refused = choice.message.refusal.as_ref().is_some_and(|s| !s.is_empty());
    let msg = assistant_content(choice.message, &|| "choices[0].message".to_owned())
        .map_err(|e| TranslateError::Upstream(e.to_string()))?;
    let mut stop_reason = choice.finish_reason.as_deref().map(stop_reason_from_openai);
    if refused && stop_reason == Some(StopReason::EndTurn) {
        stop_reason = Some(StopReason::Refusal);
    }
    Ok(ir::Response {
        id: r.id,
        model: r.model,
        content: msg.content,
        stop_reason,
        stop_sequence: None,
        usage: r.usage.as_ref().map(usage_from_wire).unwrap_or_default(),
        created: (r.created != 0).then_some(r.created),
    })
}

pub(crate) fn usage_from_wire(u: &w::Usage) -> ir::Usage {
    let prompt = u.prompt_tokens.unwrap_or(0);
    let cached = u
        .prompt_tokens_details
        .as_ref()
        .and_then(|d| d.cached_tokens)
        .or(u.prompt_cache_hit_tokens)
        .unwrap_or(0)
        .min(prompt);
    ir::Usage {
        input_tokens: prompt - cached,
        output_tokens: u.completion_tokens.unwrap_or(0),
        cache_read_tokens: cached,
        cache_write_tokens: 0,
        reasoning_tokens: u.completion_tokens_details.as_ref().and_then(|d| d.reasoning_tokens).unwrap_or(0),
    }
}

pub(crate) fn usage_to_wire(u: &ir::Usage) -> w::Usage {
    let prompt = u.prompt_tokens();
    w::Usage {
        prompt_tokens: Some(prompt),
        completion_tokens: Some(u.output_tokens),
        total_tokens: Some(prompt.saturating_add(u.output_tokens)),
        prompt_tokens_details: Some(w::PromptTokensDetails { cached_tokens: Some(u.cache_read_tokens) }),
        completion_tokens_details: Some(w::CompletionTokensDetails { reasoning_tokens: Some(u.reasoning_tokens) }),
        prompt_cache_hit_tokens: None,
    }
}

pub fn encode_response(resp: &ir::Response) -> Vec<u8> {
    let mut text: Option<String> = None;
    let mut reasoning: Option<String> = None;
    let mut calls = Vec::new();
    for b in &resp.content {
        match b {
            ContentBlock::Text { text: t, .. } => text.get_or_insert_with(String::new).push_str(t),
            ContentBlock::Thinking { thinking, .. } => reasoning.get_or_insert_with(String::new).push_str(thinking),
            // The structured-output tool's input is the answer itself.
            ContentBlock::ToolUse { name, input, .. } if name == super::STRUCTURED_OUTPUT_TOOL => {
                text.get_or_insert_with(String::new).push_str(&arguments_string(input))
            }
            ContentBlock::ToolUse { id, name, input, .. } => calls.push(w::ToolCall {
                id: id.clone(),
                kind: "function".into(),
                function: w::FunctionCall { name: name.clone(), arguments: arguments_string(input) },
            }),
            // Signatures, redacted thinking and server-side blocks have no OpenAI carrier.
            _ => {}
        }
    }
    let content = match &text {
        Some(t) => Some(t.as_str()),
        None if calls.is_empty() => Some(""),
        None => None,
    };
    let id = openai_id(&resp.id);
    let finish_reason = resp
        .stop_reason
        .as_ref()
        .map(|r| if *r == StopReason::ToolUse && calls.is_empty() { "stop" } else { stop_reason_to_openai(r) });
    let answer = Answer {
        id: &id,
        created: resp.created.unwrap_or_else(now_unix),
        model: &resp.model,
        content,
        tool_calls: (!calls.is_empty()).then_some(calls.as_slice()),
        reasoning_content: reasoning.as_deref(),
        finish_reason,
        usage: &resp.usage,
    };
    answer.write()
}

/// `w::Usage` as serde_json writes it (the counts `null` when absent, the details only when present).
fn write_usage(out: &mut Vec<u8>, u: &w::Usage) {
    use super::jsonw::push_u64;
    let count = |out: &mut Vec<u8>, n: Option<u64>| match n {
        Some(n) => push_u64(out, n),
        None => out.extend_from_slice(b"null"),
    };
    out.extend_from_slice(b"{\"prompt_tokens\":");
    count(out, u.prompt_tokens);
    out.extend_from_slice(b",\"completion_tokens\":");
    count(out, u.completion_tokens);
    out.extend_from_slice(b",\"total_tokens\":");
    count(out, u.total_tokens);
    // A details object of one optional count: `,"key":{"field":n}` or `,"key":{}`.
    let details = |out: &mut Vec<u8>, key: &[u8], field: &[u8], n: Option<u64>| {
        out.extend_from_slice(key);
        if let Some(n) = n {
            out.extend_from_slice(field);
            push_u64(out, n);
        }
        out.push(b'}');
    };
    if let Some(d) = &u.prompt_tokens_details {
        details(out, b",\"prompt_tokens_details\":{", b"\"cached_tokens\":", d.cached_tokens);
    }
    if let Some(d) = &u.completion_tokens_details {
        details(out, b",\"completion_tokens_details\":{", b"\"reasoning_tokens\":", d.reasoning_tokens);
    }
    out.push(b'}');
}

/// A non-streamed chat completion with one choice, as `encode_response` sends it.
struct Answer<'a> {
    id: &'a str,
    created: u64,
    model: &'a str,
    content: Option<&'a str>,
    tool_calls: Option<&'a [w::ToolCall]>,
    reasoning_content: Option<&'a str>,
    finish_reason: Option<&'a str>,
    usage: &'a ir::Usage,
}

impl Answer<'_> {
    /// Byte for byte what serde_json writes for the same `w::ChatCompletionOut` (the test holds
    /// them together), written by hand: the frame is fixed, and serde_json's string escaping was
    /// a fifth of a translated answer's cost.
    fn write(&self) -> Vec<u8> {
        use super::jsonw::{push_str, push_u64};
        let opt_str = |out: &mut Vec<u8>, s: Option<&str>| match s {
            Some(s) => push_str(out, s),
            None => out.extend_from_slice(b"null"),
        };
        let size = self.content.map_or(0, str::len) + self.reasoning_content.map_or(0, str::len);
        let mut out = Vec::with_capacity(size + 512);
        out.extend_from_slice(b"{\"id\":");
        push_str(&mut out, self.id);
        out.extend_from_slice(b",\"object\":\"chat.completion\",\"created\":");
        push_u64(&mut out, self.created);
        out.extend_from_slice(b",\"model\":");
        push_str(&mut out, self.model);
        out.extend_from_slice(b",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":");
        opt_str(&mut out, self.content);
        if let Some(calls) = self.tool_calls {
            out.extend_from_slice(b",\"tool_calls\":");
            // Plain structs of strings: serialising into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut out, calls);
        }
        if let Some(r) = self.reasoning_content {
            out.extend_from_slice(b",\"reasoning_content\":");
            push_str(&mut out, r);
        }
        out.extend_from_slice(b"},\"finish_reason\":");
        opt_str(&mut out, self.finish_reason);
        out.extend_from_slice(b",\"logprobs\":null}],\"usage\":");
        write_usage(&mut out, &usage_to_wire(self.usage));
        out.extend_from_slice(b"}");
        out
    }

    /// The same answer through serde_json, for the test.
    #[cfg(test)]
    fn serde(&self) -> Vec<u8> {
        let out = w::ChatCompletionOut {
            head: w::HeadOut { id: self.id, object: "chat.completion", created: self.created, model: self.model },
            choices: [w::ChoiceOut {
                index: 0,
                message: w::AnswerOut {
                    role: "assistant",
                    content: self.content,
                    tool_calls: self.tool_calls,
                    reasoning_content: self.reasoning_content,
                },
                finish_reason: self.finish_reason,
                logprobs: None,
            }],
            usage: usage_to_wire(self.usage),
        };
        serde_json::to_vec(&out).unwrap_or_default()
    }
}

pub(crate) fn encode_error_event(error_type: &str, message: &str, out: &mut Vec<u8>) {
    // The type in OpenAI's words; the code keeps the upstream's own word.
    let kind = crate::error::openai_error_type(error_type);
    let body = w::ErrorEnvelope { error: w::ErrorBody { message, kind, param: None, code: Some(error_type) } };
    encode_json_event(None, &body, out);
}

// ---------------------------------------------------------------------------------------------
// Stream decoder: chunks -> IR

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Thinking,
    Tool,
}

#[derive(Debug)]
struct ToolSlot {
    oa_index: u32,
    id: String,
    ir_index: u32,
}

#[derive(Debug, Default)]
pub struct StreamDecoderImpl {
    started: bool,
    next_index: u32,
    open: Option<(u32, Kind)>,
    tools: Vec<ToolSlot>,
    stop: Option<StopReason>,
    finished_choice: bool,
    refusal: bool,
    usage: Option<ir::Usage>,
    delta_sent: bool,
    done: bool,
}

impl StreamDecoderImpl {
    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, id: &str, model: &str, out: &mut Vec<StreamEvent>) {
        if self.started {
            return;
        }
        self.started = true;
        out.push(StreamEvent::MessageStart {
            id: if id.is_empty() { openai_id("") } else { id.to_owned() },
            model: model.to_owned(),
            usage: ir::Usage::default(),
        });
    }

    fn close(&mut self, out: &mut Vec<StreamEvent>) {
        if let Some((index, _)) = self.open.take() {
            out.push(StreamEvent::BlockStop { index });
        }
    }

    /// Opens a new block of `kind` unless one of that kind is already open.
    fn ensure(&mut self, kind: Kind, block: BlockStart, out: &mut Vec<StreamEvent>) -> u32 {
        match self.open {
            Some((index, k)) if k == kind && kind != Kind::Tool => return index,
            _ => {}
        }
        self.close(out);
        let index = self.next_index;
        self.next_index += 1;
        self.open = Some((index, kind));
        out.push(StreamEvent::BlockStart { index, block });
        index
    }

    fn message_delta(&mut self, out: &mut Vec<StreamEvent>) {
        if self.delta_sent {
            return;
        }
        self.delta_sent = true;
        let mut stop = self.stop.clone();
        if self.refusal && stop == Some(StopReason::EndTurn) {
            stop = Some(StopReason::Refusal);
        }
        out.push(StreamEvent::MessageDelta { stop_reason: stop, stop_sequence: None, usage: self.usage });
    }

    fn tool_call(&mut self, pos: usize, tc: w::ToolCallDelta, out: &mut Vec<StreamEvent>) {
        let oa_index = tc.index.unwrap_or(pos as u32);
        let id = tc.id.filter(|s| !s.is_empty());
        let (name, args) = match tc.function {
            Some(f) => (f.name, f.arguments),
            None => (None, None),
        };
        let existing = self.tools.iter().position(|s| s.oa_index == oa_index);
        // Some upstreams reuse index 0 for every call; a fresh id means a fresh call.
        let is_new = match (existing, &id) {
            (None, _) => true,
            (Some(p), Some(id)) => self.tools[p].id != *id,
            (Some(_), None) => false,
        };
        let ir_index = if is_new {
            let id = id.unwrap_or_else(|| format!("call_{}", random_token()));
            let index =
                self.ensure(Kind::Tool, BlockStart::ToolUse { id: id.clone(), name: name.unwrap_or_default() }, out);
            if let Some(p) = existing {
                self.tools.remove(p);
            }
            self.tools.push(ToolSlot { oa_index, id, ir_index: index });
            index
        } else {
            match existing {
                Some(p) => self.tools[p].ir_index,
                None => return,
            }
        };
        if let Some(a) = args.filter(|a| !a.is_empty()) {
            out.push(StreamEvent::BlockDelta { index: ir_index, delta: Delta::ToolArgs(a) });
        }
    }

    fn end(&mut self, out: &mut Vec<StreamEvent>) {
        self.start("", "", out);
        self.close(out);
        self.message_delta(out);
        out.push(StreamEvent::MessageStop);
        self.done = true;
    }
}

impl StreamDecoder for StreamDecoderImpl {
    fn push(&mut self, ev: &SseEvent, out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done {
            return Ok(());
        }
        let data = ev.data.trim();
        if data == "[DONE]" {
            self.end(out);
            return Ok(());
        }
        if data.is_empty() {
            return Ok(());
        }
        let chunk: w::ChatChunk =
            serde_json::from_str(data).map_err(|e| TranslateError::Upstream(format!("invalid stream chunk: {e}")))?;
        if let Some(err) = chunk.error {
            let (error_type, message) = error_fields(&err);
            out.push(StreamEvent::Error { error_type, message });
            self.done = true;
            return Ok(());
        }
        self.start(&chunk.id, &chunk.model, out);
        let chunk_has_usage = chunk.usage.is_some();
        if let Some(u) = &chunk.usage {
            self.usage = Some(usage_from_wire(u));
        }
        for choice in chunk.choices.into_iter().filter(|c| c.index == 0) {
            let d = choice.delta;
            if let Some(r) = d.reasoning_content.or(d.reasoning).filter(|r| !r.is_empty()) {
                let index = self.ensure(Kind::Thinking, BlockStart::Thinking, out);
                out.push(StreamEvent::BlockDelta { index, delta: Delta::Thinking(r) });
            }
            for t in
                [d.content, d.refusal.inspect(|_| self.refusal = true)].into_iter().flatten().filter(|t| !t.is_empty())
            {
                let index = self.ensure(Kind::Text, BlockStart::Text, out);
                out.push(StreamEvent::BlockDelta { index, delta: Delta::Text(t) });
            }
            for (pos, tc) in d.tool_calls.unwrap_or_default().into_iter().enumerate() {
                self.tool_call(pos, tc, out);
            }
            if let Some(fr) = choice.finish_reason {
                self.close(out);
                self.stop = Some(stop_reason_from_openai(&fr));
                self.finished_choice = true;
            }
        }
        // message_delta needs stop reason and usage together: emit it once both are known,
        // otherwise at [DONE].
        if self.finished_choice && chunk_has_usage {
            self.message_delta(out);
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done { Ok(()) } else { Err(TranslateError::Upstream("stream ended before [DONE]".into())) }
    }
}

/// The final message of a plain text stream, assembled straight from its SSE bytes: what
/// `StreamDecoderImpl` and `ir::ResponseAccumulator` make of it together, without an event per
/// delta (the request log assembles every streamed answer it stores). A plain text stream is
/// one `data:` line per event, `\n` line ends, and chunks of role, text, finish reason and usage.
/// `None` for anything else — reasoning, refusal, tool calls, an error chunk, a chunk that does
/// not parse, comments or other SSE fields, `\r`, a byte-order mark — and the caller takes the
/// general path, which then decides; so the answer never differs from the general path's.
pub(crate) fn assemble_plain_stream(sse: &[u8]) -> Option<ir::Response> {
    if memchr::memchr(b'\r', sse).is_some() || sse.starts_with(b"\xEF\xBB\xBF") {
        return None;
    }
    let mut st = PlainAssembly::default();
    let mut rest = sse;
    while !rest.is_empty() {
        let (event, next) = match memchr::memmem::find(rest, b"\n\n") {
            Some(i) => (&rest[..i], &rest[i + 2..]),
            None => (rest, &b""[..]),
        };
        rest = next;
        // Blank lines between events dispatch nothing; the last event may end in one line end.
        let event = event.strip_prefix(b"\n").unwrap_or(event);
        let event = if rest.is_empty() { event.strip_suffix(b"\n").unwrap_or(event) } else { event };
        if event.is_empty() {
            continue;
        }
        // One `data:` line, within what the SSE decoder takes for one event.
        if event.len() > super::sse::DEFAULT_MAX_EVENT_BYTES / 2 || memchr::memchr(b'\n', event).is_some() {
            return None;
        }
        let value = event.strip_prefix(b"data:")?;
        let value = value.strip_prefix(b" ").unwrap_or(value);
        st.push(std::str::from_utf8(value).ok()?.trim())?;
    }
    st.started.then(|| ir::Response {
        id: st.id,
        model: st.model,
        content: st.blocks.into_iter().map(ContentBlock::text).collect(),
        stop_reason: st.stop_reason,
        stop_sequence: None,
        usage: st.usage,
        created: None,
    })
}

/// `assemble_plain_stream`'s state: `StreamDecoderImpl`'s, less what plain text never sets, and
/// the accumulated message.
#[derive(Default)]
struct PlainAssembly<'a> {
    /// The bytes around the text of the first chunk that held only text: `(before, after)`.
    /// Upstreams repeat one chunk layout with only the text changing, so a chunk that is
    /// `before`, one JSON string, `after` is that chunk with another text. Swapping one string
    /// token for another keeps every other field, so it decodes to the same, apart from the text;
    /// only the string is read.
    template: Option<(&'a str, &'a str)>,
    started: bool,
    done: bool,
    text_open: bool,
    finished_choice: bool,
    delta_sent: bool,
    stop: Option<StopReason>,
    /// The last usage a chunk reported.
    reported: Option<ir::Usage>,
    id: String,
    model: String,
    blocks: Vec<String>,
    stop_reason: Option<StopReason>,
    usage: ir::Usage,
}

/// One JSON string token, its text borrowed when it holds no escapes.
#[derive(serde::Deserialize)]
struct JsonString<'a>(#[serde(borrow)] std::borrow::Cow<'a, str>);

impl<'a> PlainAssembly<'a> {
    /// One event's data, trimmed; `None` when it is not plain text.
    fn push(&mut self, data: &'a str) -> Option<()> {
        if self.done || data.is_empty() {
            return Some(());
        }
        if let Some((before, after)) = self.template
            && let Some(token) = data.strip_prefix(before).and_then(|d| d.strip_suffix(after))
            && token.starts_with('"')
            && let Ok(JsonString(text)) = serde_json::from_str(token)
        {
            self.text(&text);
            return Some(());
        }
        if data == "[DONE]" {
            self.start("", "");
            self.text_open = false;
            self.message_delta();
            self.done = true;
            return Some(());
        }
        let chunk: w::ChunkIn<'_> = serde_json::from_str(data).ok()?;
        if chunk.error.is_some() {
            return None;
        }
        self.start(&chunk.id, &chunk.model);
        if let Some(u) = &chunk.usage {
            self.reported = Some(usage_from_wire(u));
        }
        for choice in chunk.choices.iter().filter(|c| c.index == 0) {
            if choice.delta.beyond_text() {
                return None;
            }
            if let Some(text) = choice.delta.content.as_deref() {
                self.text(text);
            }
            if let Some(fr) = &choice.finish_reason {
                self.text_open = false;
                self.stop = Some(stop_reason_from_openai(fr));
                self.finished_choice = true;
            }
        }
        if self.finished_choice && chunk.usage.is_some() {
            self.message_delta();
        }
        if self.template.is_none()
            && let [only] = &chunk.choices[..]
            && only.index == 0
            && only.finish_reason.is_none()
            && chunk.usage.is_none()
            && let Some(text) = only.delta.content.as_deref().filter(|t| !t.is_empty())
        {
            self.template = text_template(data, text);
        }
        Some(())
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.text_open {
            self.text_open = true;
            self.blocks.push(String::new());
        }
        if let Some(block) = self.blocks.last_mut() {
            block.push_str(text);
        }
    }

    fn start(&mut self, id: &str, model: &str) {
        if self.started {
            return;
        }
        self.started = true;
        self.id = if id.is_empty() { openai_id("") } else { id.to_owned() };
        self.model = model.to_owned();
    }

    fn message_delta(&mut self) {
        if self.delta_sent {
            return;
        }
        self.delta_sent = true;
        self.stop_reason.clone_from(&self.stop);
        if let Some(u) = self.reported {
            self.usage = u;
        }
    }
}

/// `(before, after)` around the delta's text in `chunk`: `"content":` and the text's JSON string
/// found written as serde_json writes it, exactly once (an unescaped `"` cannot occur inside a
/// JSON string, so what is found is a key and its value), and checked to be the delta's: the
/// chunk with another text there reads back with that text as its delta's.
fn text_template<'a>(chunk: &'a str, text: &str) -> Option<(&'a str, &'a str)> {
    let needle = format!("\"content\":{}", serde_json::to_string(text).ok()?);
    let at = chunk.find(&needle)?;
    if chunk.rfind(&needle) != Some(at) {
        return None;
    }
    let (before, after) = (&chunk[..at + "\"content\":".len()], &chunk[at + needle.len()..]);
    let other = format!("{text}.");
    let probe = format!("{before}{}{after}", serde_json::to_string(&other).ok()?);
    let read: w::ChunkIn<'_> = serde_json::from_str(&probe).ok()?;
    match &read.choices[..] {
        [only] if only.delta.content.as_deref() == Some(other.as_str()) => Some((before, after)),
        _ => None,
    }
}

/// (type, message) of an upstream error object (or a bare string), through the one error parser;
/// the type falls back to the error's `code`, then `api_error`.
pub(crate) fn error_fields(err: &Value) -> (String, String) {
    let info = crate::wire::error::ErrorInfo::from_value(err);
    let kind = info
        .upstream_type
        .or_else(|| info.code.as_ref().and_then(Value::as_str).map(String::from))
        .unwrap_or_else(|| "api_error".into());
    (kind, info.message)
}

// ---------------------------------------------------------------------------------------------
// Stream encoder: IR -> chunks

#[derive(Debug, Clone, Copy)]
enum OutKind {
    Text,
    /// The structured-output tool's call: its arguments are sent as content.
    Json,
    Thinking,
    Tool(u32),
    Other,
}

#[derive(Debug)]
pub struct StreamEncoderImpl {
    fallback_model: String,
    include_usage: bool,
    created: u64,
    /// `data: {"id":…,"object":"chat.completion.chunk","created":…,"model":…,"choices":[`: the
    /// opening every chunk shares, serialised once at the start.
    head: Vec<u8>,
    started: bool,
    blocks: HashMap<u32, OutKind>,
    next_tool: u32,
    finish_sent: bool,
    usage: Option<ir::Usage>,
    usage_sent: bool,
    done: bool,
}

impl StreamEncoderImpl {
    pub fn new(model: &str, include_usage: bool, created: u64) -> Self {
        StreamEncoderImpl {
            fallback_model: model.to_owned(),
            include_usage,
            created,
            head: Vec::new(),
            started: false,
            blocks: HashMap::new(),
            next_tool: 0,
            finish_sent: false,
            usage: None,
            usage_sent: false,
            done: false,
        }
    }

    /// One `chat.completion.chunk` event: the shared head, the choice (if any), the usage (if any).
    /// The bytes are those of `w::ChatChunk` serialised whole.
    fn chunk(&self, choice: Option<w::ChunkChoiceOut<'_>>, usage: Option<w::Usage>, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.head);
        // Serialising these plain borrowed structs cannot fail.
        if let Some(c) = choice {
            let _ = serde_json::to_writer(&mut *out, &c);
        }
        out.push(b']');
        if let Some(u) = usage {
            out.extend_from_slice(b",\"usage\":");
            let _ = serde_json::to_writer(&mut *out, &u);
        }
        out.extend_from_slice(b"}\n\n");
    }

    fn delta(&self, delta: w::ChunkDeltaOut<'_>, out: &mut Vec<u8>) {
        self.chunk(Some(w::ChunkChoiceOut { index: 0, delta, logprobs: None, finish_reason: None }), None, out);
    }

    fn start(&mut self, id: &str, model: &str, out: &mut Vec<u8>) {
        if self.started {
            return;
        }
        self.started = true;
        let id = openai_id(id);
        let model = if model.is_empty() { self.fallback_model.as_str() } else { model };
        let head = w::HeadOut { id: &id, object: "chat.completion.chunk", created: self.created, model };
        let mut buf = b"data: ".to_vec();
        if serde_json::to_writer(&mut buf, &head).is_ok() {
            // `{…}` → `{…,"choices":[`
            buf.pop();
            buf.extend_from_slice(b",\"choices\":[");
        }
        self.head = buf;
        self.delta(w::ChunkDeltaOut { role: Some("assistant"), content: Some(""), ..w::ChunkDeltaOut::default() }, out);
    }

    fn finish_chunk(&mut self, reason: Option<&StopReason>, out: &mut Vec<u8>) {
        if self.finish_sent {
            return;
        }
        self.finish_sent = true;
        let reason = reason.map(stop_reason_to_openai).unwrap_or("stop");
        self.chunk(
            Some(w::ChunkChoiceOut {
                index: 0,
                delta: w::ChunkDeltaOut::default(),
                logprobs: None,
                finish_reason: Some(reason),
            }),
            None,
            out,
        );
    }

    fn usage_chunk(&mut self, out: &mut Vec<u8>) {
        if !self.include_usage || self.usage_sent {
            return;
        }
        self.usage_sent = true;
        let u = usage_to_wire(&self.usage.unwrap_or_default());
        self.chunk(None, Some(u), out);
    }
}

impl StreamEncoder for StreamEncoderImpl {
    fn push(&mut self, ev: &StreamEvent, out: &mut Vec<u8>) {
        if self.done {
            return;
        }
        if let StreamEvent::MessageStart { id, model, .. } = ev {
            self.start(id, model, out);
            return;
        }
        if let StreamEvent::Error { error_type, message } = ev {
            encode_error_event(error_type, message, out);
            self.done = true;
            return;
        }
        self.start("", "", out);
        match ev {
            StreamEvent::BlockStart { index, block } => {
                let kind = match block {
                    BlockStart::Text => OutKind::Text,
                    BlockStart::Thinking => OutKind::Thinking,
                    BlockStart::ToolUse { name, .. } if name == super::STRUCTURED_OUTPUT_TOOL => OutKind::Json,
                    BlockStart::ToolUse { id, name } => {
                        let k = self.next_tool;
                        self.next_tool += 1;
                        self.delta(
                            w::ChunkDeltaOut {
                                tool_calls: Some([w::ToolCallDeltaOut {
                                    index: k,
                                    id: Some(id),
                                    kind: Some("function"),
                                    function: w::FunctionDeltaOut { name: Some(name), arguments: Some("") },
                                }]),
                                ..w::ChunkDeltaOut::default()
                            },
                            out,
                        );
                        OutKind::Tool(k)
                    }
                    BlockStart::RedactedThinking { .. } | BlockStart::Other { .. } => OutKind::Other,
                };
                self.blocks.insert(*index, kind);
            }
            StreamEvent::BlockDelta { index, delta } => {
                let kind = self.blocks.get(index).copied();
                let d = match (kind, delta) {
                    (Some(OutKind::Text), Delta::Text(t)) | (Some(OutKind::Json), Delta::ToolArgs(t))
                        if !t.is_empty() =>
                    {
                        w::ChunkDeltaOut { content: Some(t), ..w::ChunkDeltaOut::default() }
                    }
                    (Some(OutKind::Thinking), Delta::Thinking(t)) if !t.is_empty() => {
                        w::ChunkDeltaOut { reasoning_content: Some(t), ..w::ChunkDeltaOut::default() }
                    }
                    (Some(OutKind::Tool(k)), Delta::ToolArgs(a)) if !a.is_empty() => w::ChunkDeltaOut {
                        tool_calls: Some([w::ToolCallDeltaOut {
                            index: k,
                            function: w::FunctionDeltaOut { name: None, arguments: Some(a) },
                            ..w::ToolCallDeltaOut::default()
                        }]),
                        ..w::ChunkDeltaOut::default()
                    },
                    _ => return,
                };
                self.delta(d, out);
            }
            StreamEvent::MessageDelta { stop_reason, usage, .. } => {
                if usage.is_some() {
                    self.usage = *usage;
                }
                // A structured-output answer ends like text, not like a tool call.
                let stop = match stop_reason {
                    Some(StopReason::ToolUse) if self.next_tool == 0 => Some(&StopReason::EndTurn),
                    r => r.as_ref(),
                };
                self.finish_chunk(stop, out);
                if self.usage.is_some() {
                    self.usage_chunk(out);
                }
            }
            StreamEvent::MessageStop => {
                self.finish_chunk(None, out);
                self.usage_chunk(out);
                encode_event(None, "[DONE]", out);
                self.done = true;
            }
            StreamEvent::BlockStop { .. }
            | StreamEvent::Ping
            | StreamEvent::MessageStart { .. }
            | StreamEvent::Error { .. } => {}
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod answer_tests {
    use super::*;

    /// Usage is written as serde_json writes `w::Usage`, absent counts and details included.
    #[test]
    fn usage_is_written_as_serde_json_writes_it() {
        let details = |c, r| {
            (
                Some(w::PromptTokensDetails { cached_tokens: c }),
                Some(w::CompletionTokensDetails { reasoning_tokens: r }),
            )
        };
        let mut cases = vec![w::Usage::default(), usage_to_wire(&ir::Usage::default())];
        for (c, r) in [(None, None), (Some(3), None), (None, Some(u64::MAX))] {
            let (p, q) = details(c, r);
            cases.push(w::Usage { prompt_tokens: Some(1), prompt_tokens_details: p, ..w::Usage::default() });
            cases.push(w::Usage { total_tokens: Some(2), completion_tokens_details: q, ..w::Usage::default() });
        }
        for u in &cases {
            let mut ours = Vec::new();
            write_usage(&mut ours, u);
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(u).unwrap(), "{u:?}");
        }
    }

    /// The hand-written answer is byte for byte serde_json's, in every shape it takes.
    #[test]
    fn answers_are_written_as_serde_json_writes_them() {
        let calls = [
            w::ToolCall {
                id: "call_1".into(),
                kind: "function".into(),
                function: w::FunctionCall {
                    name: "get \"weather\"".into(),
                    arguments: "{\"city\":\"Zürich\\n\"}".into(),
                },
            },
            w::ToolCall {
                id: "call_2".into(),
                kind: "function".into(),
                function: w::FunctionCall { name: "t".into(), arguments: "{}".into() },
            },
        ];
        let usage = ir::Usage {
            input_tokens: 21,
            output_tokens: 17,
            cache_read_tokens: 4,
            cache_write_tokens: 2,
            reasoning_tokens: 9,
        };
        let big = ir::Usage { input_tokens: u64::MAX, output_tokens: u64::MAX, ..ir::Usage::default() };
        let zero = ir::Usage::default();
        for content in [Some("Hello! A \"quoted\" answer,\n\ttabbed, \u{1} and 🦀."), Some(""), None] {
            for tool_calls in [None, Some(&calls[..1]), Some(&calls[..])] {
                for reasoning_content in [None, Some("thought\\about it")] {
                    for finish_reason in [Some("stop"), Some("tool_calls"), None] {
                        for usage in [&usage, &big, &zero] {
                            let a = Answer {
                                id: "chatcmpl-abc\u{7f}",
                                created: 1_700_000_000,
                                model: "model/with \"odd\" name",
                                content,
                                tool_calls,
                                reasoning_content,
                                finish_reason,
                                usage,
                            };
                            let (ours, theirs) = (a.write(), a.serde());
                            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
                        }
                    }
                }
            }
        }
    }
}
