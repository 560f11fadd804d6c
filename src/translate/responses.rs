//! OpenAI Responses API (`/v1/responses`) <-> IR: the request decoder and encoder, the response
//! decoder and encoder, and the stateful stream encoder (IR events -> `response.*` events with
//! `sequence_number`s) and decoder (`response.*` events -> IR).
//!
//! Mapping decisions:
//! - `instructions` and leading `system`/`developer` input messages -> `system`; later ones stay
//!   in place as `System` messages.
//! - `function_call` items, `reasoning` items and assistant messages that follow each other form
//!   one assistant turn; `function_call_output` items become tool results.
//! - a `reasoning` item's summary texts are its thinking; its `encrypted_content` is carried as
//!   the thinking signature (and a thinking signature comes back as `encrypted_content`), so a
//!   conversation through an Anthropic upstream can hand its thinking back.
//! - `max_output_tokens` -> `max_tokens`; `reasoning.effort` -> reasoning effort; `text.format`
//!   (`json_schema` / `json_object`) -> the chat `response_format`, which the Anthropic encoder
//!   turns into a forced tool; a call of `STRUCTURED_OUTPUT_TOOL` comes back as output text.
//! - built-in tools (web search, file search, computer use, …) and non-function `tool_choice`s are
//!   kept verbatim and only a Responses upstream can take them (others reject them by path).
//! - `store`, `metadata`, `include`, `truncation`, `reasoning.summary`, `text.verbosity` and the
//!   cache/tier hints only advise the server: noted as ignored when translated.
//! - ids: a response is `resp_<upstream id without its prefix>`; its items are
//!   `msg_`/`fc_`/`rs_` + that stem + the output index, the same in streams and plain answers.

use serde_json::{Map, Value, json};

use super::{
    EncodeOptions, Lossy, STRUCTURED_OUTPUT_TOOL, StreamDecoder, StreamEncoder, TranslateError, encode_event, now_unix,
    parse_client, parse_upstream, random_token,
};
use crate::dialect::Dialect;
use crate::ir::{self, BlockStart, ContentBlock, Delta, Reasoning, Role, StopReason, StreamEvent};
use crate::translate::sse::SseEvent;
use crate::wire::StringOrParts;
use crate::wire::responses as w;

/// Top-level request fields that only advise the server (storage, includes, caching, tiers).
const ADVISORY: &[&str] = &[
    "store",
    "metadata",
    "include",
    "truncation",
    "service_tier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "safety_identifier",
    "stream_options",
    "background",
    "top_logprobs",
    "client_metadata",
];

// ---------------------------------------------------------------------------------------------
// Requests

pub fn decode_request(body: &[u8]) -> Result<ir::Request, TranslateError> {
    let r: w::Request = parse_client(body)?;
    let mut req = ir::Request { model: r.model, ..ir::Request::default() };
    if let Some(i) = r.instructions.filter(|i| !i.is_empty()) {
        req.system.push(ContentBlock::text(i));
    }
    match r.input {
        None => {}
        Some(StringOrParts::String(s)) => {
            req.messages.push(ir::Message { role: Role::User, content: vec![ContentBlock::text(s)], name: None })
        }
        Some(StringOrParts::Parts(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                decode_item(item, &format!("input[{i}]"), &mut req)?;
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
    req.max_tokens = r.max_output_tokens;
    req.temperature = r.temperature;
    req.top_p = r.top_p;
    req.stream = r.stream.unwrap_or(false);
    req.stream_include_usage = true;
    req.user = r.user;
    if let Some(reasoning) = r.reasoning {
        req.reasoning = reasoning.effort.map(Reasoning::Effort);
        if reasoning.summary.as_ref().is_some_and(|s| !s.is_null())
            || reasoning.generate_summary.as_ref().is_some_and(|s| !s.is_null())
        {
            req.ignored.push("reasoning.summary".into());
        }
    }
    if let Some(text) = r.text {
        if text.verbosity.as_ref().is_some_and(|v| !v.is_null()) {
            req.ignored.push("text.verbosity".into());
        }
        req.openai.response_format = match text.format {
            None | Some(Value::Null) => None,
            Some(f) => decode_format(f)?,
        };
    }
    if let Some(prev) = r.previous_response_id {
        // The relay resolves stored conversations before decoding; one left here cannot be carried.
        req.extra.insert("previous_response_id".into(), Value::String(prev));
    }
    for (k, v) in r.extra {
        if ADVISORY.contains(&k.as_str()) {
            if !v.is_null() {
                req.ignored.push(k);
            }
        } else {
            req.extra.insert(k, v);
        }
    }
    req.extra_dialect = Some(Dialect::Responses);
    Ok(req)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn required_str(v: &Value, key: &str, path: &str) -> Result<String, TranslateError> {
    str_of(v, key).map(str::to_owned).ok_or_else(|| TranslateError::invalid(format!("{path}.{key}"), "required string"))
}

/// Appends `block` to the assistant turn in progress, or starts one.
fn push_assistant(req: &mut ir::Request, block: ContentBlock) {
    match req.messages.last_mut() {
        Some(m) if m.role == Role::Assistant => m.content.push(block),
        _ => req.messages.push(ir::Message { role: Role::Assistant, content: vec![block], name: None }),
    }
}

fn decode_item(item: Value, path: &str, req: &mut ir::Request) -> Result<(), TranslateError> {
    if !item.is_object() {
        return Err(TranslateError::invalid(path, "an input item must be an object"));
    }
    let kind = str_of(&item, "type").unwrap_or(if item.get("role").is_some() { "message" } else { "" });
    match kind {
        "message" => {
            let role = required_str(&item, "role", path)?;
            let content = decode_content(item.get("content"), &format!("{path}.content"))?;
            match role.as_str() {
                "system" | "developer" => {
                    if req.messages.is_empty() {
                        req.system.extend(content);
                        if role == "developer" {
                            req.openai.developer_role = true;
                        }
                    } else {
                        req.messages.push(ir::Message { role: Role::System, content, name: None });
                    }
                }
                "user" => req.messages.push(ir::Message { role: Role::User, content, name: None }),
                "assistant" => {
                    for b in content {
                        push_assistant(req, b);
                    }
                }
                other => {
                    return Err(TranslateError::invalid(format!("{path}.role"), format!("unknown role '{other}'")));
                }
            }
        }
        "function_call" => {
            let call_id = required_str(&item, "call_id", path)?;
            let name = required_str(&item, "name", path)?;
            let args = str_of(&item, "arguments").unwrap_or_default();
            push_assistant(
                req,
                ContentBlock::ToolUse { id: call_id, name, input: ir::parse_tool_arguments(args), cache_control: None },
            );
        }
        "function_call_output" => {
            let call_id = required_str(&item, "call_id", path)?;
            let content = match item.get("output") {
                Some(Value::String(s)) => vec![ContentBlock::text(s.clone())],
                Some(v @ Value::Array(_)) => decode_content(Some(v), &format!("{path}.output"))?,
                _ => return Err(TranslateError::invalid(format!("{path}.output"), "required string or array")),
            };
            req.messages.push(ir::Message {
                role: Role::User,
                content: vec![ContentBlock::ToolResult {
                    tool_use_id: call_id,
                    content,
                    is_error: false,
                    cache_control: None,
                }],
                name: None,
            });
        }
        "reasoning" => {
            let mut thinking = String::new();
            for s in item.get("summary").and_then(Value::as_array).into_iter().flatten() {
                if let Some(t) = str_of(s, "text") {
                    if !thinking.is_empty() {
                        thinking.push_str("\n\n");
                    }
                    thinking.push_str(t);
                }
            }
            let signature = str_of(&item, "encrypted_content").filter(|s| !s.is_empty()).map(str::to_owned);
            push_assistant(req, ContentBlock::Thinking { thinking, signature });
        }
        "" => return Err(TranslateError::invalid(format!("{path}.type"), "required")),
        other => {
            return Err(TranslateError::invalid(
                format!("{path}.type"),
                format!("input items of type '{other}' cannot be relayed"),
            ));
        }
    }
    Ok(())
}

fn decode_content(content: Option<&Value>, path: &str) -> Result<Vec<ContentBlock>, TranslateError> {
    match content {
        Some(Value::String(s)) => Ok(vec![ContentBlock::text(s.clone())]),
        Some(Value::Array(parts)) => {
            let mut out = Vec::with_capacity(parts.len());
            for (j, p) in parts.iter().enumerate() {
                let ppath = format!("{path}[{j}]");
                match str_of(p, "type") {
                    Some("input_text" | "output_text" | "text") => {
                        out.push(ContentBlock::text(required_str(p, "text", &ppath)?))
                    }
                    Some("refusal") => out.push(ContentBlock::text(required_str(p, "refusal", &ppath)?)),
                    Some("input_image") => match str_of(p, "image_url") {
                        Some(url) => out.push(ContentBlock::Image {
                            source: super::openai::image_source(url.to_owned()),
                            detail: str_of(p, "detail").filter(|d| *d != "auto").map(str::to_owned),
                            cache_control: None,
                        }),
                        None => out.push(ContentBlock::Other { dialect: Dialect::Responses, value: p.clone() }),
                    },
                    Some(_) => out.push(ContentBlock::Other { dialect: Dialect::Responses, value: p.clone() }),
                    None => return Err(TranslateError::invalid(format!("{ppath}.type"), "required")),
                }
            }
            Ok(out)
        }
        Some(Value::Null) | None => Err(TranslateError::invalid(path, "required")),
        Some(_) => Err(TranslateError::invalid(path, "expected a string or an array of content parts")),
    }
}

fn decode_tool(t: Value, i: usize) -> Result<ir::Tool, TranslateError> {
    match str_of(&t, "type") {
        Some("function") => {}
        Some(_) => return Ok(ir::Tool::Other { dialect: Dialect::Responses, value: t }),
        None => return Err(TranslateError::invalid(format!("tools[{i}].type"), "missing or not a string")),
    }
    let name = required_str(&t, "name", &format!("tools[{i}]"))?;
    Ok(ir::Tool::Function {
        name,
        description: str_of(&t, "description").map(str::to_owned),
        input_schema: t.get("parameters").filter(|p| !p.is_null()).cloned().unwrap_or_else(super::openai::empty_schema),
        strict: t.get("strict").and_then(Value::as_bool),
        cache_control: None,
    })
}

fn decode_tool_choice(tc: Value) -> Result<ir::ToolChoice, TranslateError> {
    super::openai::decode_tool_choice_in(Dialect::Responses, tc)
}

/// `text.format` -> the chat `response_format`.
fn decode_format(f: Value) -> Result<Option<Value>, TranslateError> {
    match str_of(&f, "type") {
        Some("text") => Ok(None),
        Some("json_object") => Ok(Some(json!({"type": "json_object"}))),
        Some("json_schema") => {
            let mut schema = Map::new();
            for k in ["name", "schema", "strict", "description"] {
                if let Some(v) = f.get(k).filter(|v| !v.is_null()) {
                    schema.insert(k.into(), v.clone());
                }
            }
            if !schema.contains_key("schema") {
                return Err(TranslateError::invalid("text.format.schema", "required for type 'json_schema'"));
            }
            Ok(Some(json!({"type": "json_schema", "json_schema": schema})))
        }
        Some(other) => Err(TranslateError::invalid("text.format.type", format!("unknown value '{other}'"))),
        None => Err(TranslateError::invalid("text.format.type", "missing")),
    }
}

/// The chat `response_format` -> `text.format`.
fn encode_format(rf: &Value) -> Option<Value> {
    match str_of(rf, "type") {
        Some("json_schema") => {
            let mut f = rf.get("json_schema").and_then(Value::as_object).cloned().unwrap_or_default();
            f.insert("type".into(), json!("json_schema"));
            f.entry("name").or_insert_with(|| json!("output"));
            Some(Value::Object(f))
        }
        Some("json_object") => Some(json!({"type": "json_object"})),
        _ => None,
    }
}

pub fn encode_request(req: &ir::Request, opts: &EncodeOptions<'_>) -> Result<Vec<u8>, TranslateError> {
    super::encode_request_noting(Dialect::Responses, req, opts).map(|e| e.body)
}

fn encode_content(
    blocks: &[ContentBlock],
    assistant: bool,
    path: &str,
    lossy: &Lossy,
) -> Result<Vec<Value>, TranslateError> {
    let text_type = if assistant { "output_text" } else { "input_text" };
    let mut parts = Vec::with_capacity(blocks.len());
    for (j, b) in blocks.iter().enumerate() {
        match b {
            ContentBlock::Text { text, .. } => parts.push(json!({"type": text_type, "text": text})),
            ContentBlock::Image { source, detail, .. } if !assistant => {
                let url = match source {
                    ir::ImageSource::Url { url } => url.clone(),
                    ir::ImageSource::Base64 { media_type, data } => format!("data:{media_type};base64,{data}"),
                };
                parts.push(
                    json!({"type": "input_image", "image_url": url, "detail": detail.as_deref().unwrap_or("auto")}),
                );
            }
            ContentBlock::Other { dialect: Dialect::Responses, value } => parts.push(value.clone()),
            _ => lossy.cannot_carry(format!("{path}.content[{j}]"))?,
        }
    }
    Ok(parts)
}

pub(crate) fn encode_request_with(
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
    lossy: &Lossy,
) -> Result<Vec<u8>, TranslateError> {
    let same = req.extra_dialect == Some(Dialect::Responses);
    let mut body = Map::new();
    body.insert("model".into(), json!(opts.model.unwrap_or(&req.model)));
    let instructions: String = req
        .system
        .iter()
        .filter_map(|b| match b {
            ContentBlock::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    if !instructions.is_empty() {
        body.insert("instructions".into(), json!(instructions));
    }
    let mut input = Vec::new();
    for (i, m) in req.messages.iter().enumerate() {
        let path = format!("messages[{i}]");
        match m.role {
            Role::System => {
                input.push(json!({"type": "message", "role": "developer", "content": encode_content(&m.content, false, &path, lossy)?}))
            }
            Role::User => {
                let mut plain = Vec::new();
                for b in &m.content {
                    match b {
                        ContentBlock::ToolResult { tool_use_id, content, .. } => {
                            let text: String = content
                                .iter()
                                .filter_map(|c| match c {
                                    ContentBlock::Text { text, .. } => Some(text.as_str()),
                                    _ => None,
                                })
                                .collect();
                            if content.iter().any(|c| !matches!(c, ContentBlock::Text { .. })) {
                                lossy.cannot_carry(format!("{path}.content.tool_result"))?;
                            }
                            input.push(json!({"type": "function_call_output", "call_id": tool_use_id, "output": text}));
                        }
                        other => plain.push(other.clone()),
                    }
                }
                if !plain.is_empty() {
                    input.push(json!({"type": "message", "role": "user", "content": encode_content(&plain, false, &path, lossy)?}));
                }
            }
            Role::Assistant => {
                let mut text = Vec::new();
                for (j, b) in m.content.iter().enumerate() {
                    match b {
                        ContentBlock::Text { text: t, .. } => text.push(json!({"type": "output_text", "text": t, "annotations": []})),
                        ContentBlock::ToolUse { id, name, input: args, .. } => {
                            if !text.is_empty() {
                                input.push(json!({"type": "message", "role": "assistant", "content": std::mem::take(&mut text)}));
                            }
                            input.push(json!({"type": "function_call", "call_id": id, "name": name, "arguments": arguments_string(args)}));
                        }
                        // Reasoning from another vendor cannot be handed to OpenAI: its text is dropped.
                        ContentBlock::Thinking { .. } | ContentBlock::RedactedThinking { .. } => {}
                        _ => lossy.cannot_carry(format!("{path}.content[{j}]"))?,
                    }
                }
                if !text.is_empty() {
                    input.push(json!({"type": "message", "role": "assistant", "content": text}));
                }
            }
        }
    }
    body.insert("input".into(), Value::Array(input));
    let mut tools = Vec::new();
    for (i, t) in req.tools.iter().enumerate() {
        match t {
            ir::Tool::Function { name, description, input_schema, strict, .. } => {
                let mut f = Map::new();
                f.insert("type".into(), json!("function"));
                f.insert("name".into(), json!(name));
                if let Some(d) = description {
                    f.insert("description".into(), json!(d));
                }
                f.insert("parameters".into(), input_schema.clone());
                f.insert("strict".into(), json!(strict.unwrap_or(false)));
                tools.push(Value::Object(f));
            }
            ir::Tool::Other { dialect: Dialect::Responses, value } => tools.push(value.clone()),
            ir::Tool::Other { .. } => lossy.cannot_carry(format!("tools[{i}]"))?,
        }
    }
    if !tools.is_empty() {
        body.insert("tools".into(), Value::Array(tools));
        if let Some(p) = req.parallel_tool_calls {
            body.insert("parallel_tool_calls".into(), json!(p));
        }
    }
    match &req.tool_choice {
        None => {}
        Some(ir::ToolChoice::Auto) => _ = body.insert("tool_choice".into(), json!("auto")),
        Some(ir::ToolChoice::Any) => _ = body.insert("tool_choice".into(), json!("required")),
        Some(ir::ToolChoice::None) => _ = body.insert("tool_choice".into(), json!("none")),
        Some(ir::ToolChoice::Tool { name }) => {
            _ = body.insert("tool_choice".into(), json!({"type": "function", "name": name}))
        }
        Some(ir::ToolChoice::Other { dialect: Dialect::Responses, value }) => {
            _ = body.insert("tool_choice".into(), value.clone())
        }
        Some(ir::ToolChoice::Other { .. }) => lossy.cannot_carry("tool_choice")?,
    }
    if let Some(n) = req.max_tokens {
        body.insert("max_output_tokens".into(), json!(n));
    }
    if let Some(t) = req.temperature {
        body.insert("temperature".into(), json!(t));
    }
    if let Some(t) = req.top_p {
        body.insert("top_p".into(), json!(t));
    }
    if req.top_k.is_some() {
        lossy.cannot_carry("top_k")?;
    }
    if !req.stop.is_empty() {
        lossy.cannot_carry("stop")?;
    }
    match &req.reasoning {
        Some(Reasoning::Effort(e)) => _ = body.insert("reasoning".into(), json!({"effort": e})),
        Some(Reasoning::Budget(n)) => {
            let effort = if *n < 4096 {
                "low"
            } else if *n < 16384 {
                "medium"
            } else {
                "high"
            };
            body.insert("reasoning".into(), json!({"effort": effort}));
        }
        Some(Reasoning::Disabled) | Some(Reasoning::Adaptive { .. }) | None => {}
        Some(Reasoning::Raw(_)) => lossy.cannot_carry("thinking")?,
    }
    if let Some(rf) = &req.openai.response_format {
        match encode_format(rf) {
            Some(f) => _ = body.insert("text".into(), json!({"format": f})),
            None if str_of(rf, "type") == Some("text") => {}
            None => lossy.cannot_carry("response_format")?,
        }
    }
    for (field, set) in [
        ("n", req.openai.n.is_some_and(|n| n != 1)),
        ("logprobs", req.openai.logprobs == Some(true)),
        ("seed", req.openai.seed.is_some()),
        ("logit_bias", req.openai.logit_bias.is_some()),
        ("frequency_penalty", req.openai.frequency_penalty.is_some_and(|p| p != 0.0)),
        ("presence_penalty", req.openai.presence_penalty.is_some_and(|p| p != 0.0)),
    ] {
        if set {
            lossy.cannot_carry(field)?;
        }
    }
    if let Some(u) = &req.user {
        body.insert("user".into(), json!(u));
    }
    if req.stream {
        body.insert("stream".into(), json!(true));
    }
    // Translated conversations are kept by the relay, never by the upstream.
    body.insert("store".into(), json!(false));
    for (k, v) in &req.extra {
        if same {
            body.insert(k.clone(), v.clone());
        } else if super::ADVISORY_FIELDS.contains(&k.as_str()) {
            lossy.note(k.clone());
        } else {
            lossy.cannot_carry(k.clone())?;
        }
    }
    Ok(serde_json::to_vec(&Value::Object(body)).unwrap_or_default())
}

fn arguments_string(input: &Value) -> String {
    match input {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Responses (plain)

/// The stem of every id of one response: the upstream's id without its dialect prefix.
fn id_stem(id: &str) -> String {
    let stem = ["resp_", "msg_", "chatcmpl-"].iter().find_map(|p| id.strip_prefix(p)).unwrap_or(id);
    if stem.is_empty() { random_token() } else { stem.to_owned() }
}

fn item_id(prefix: &str, stem: &str, index: usize) -> String {
    format!("{prefix}_{stem}_{index}")
}

pub(crate) fn usage_to_wire(u: &ir::Usage) -> w::Usage {
    let input = u.prompt_tokens();
    w::Usage {
        input_tokens: input,
        input_tokens_details: w::InputDetails { cached_tokens: u.cache_read_tokens },
        output_tokens: u.output_tokens,
        output_tokens_details: w::OutputDetails { reasoning_tokens: u.reasoning_tokens },
        total_tokens: input.saturating_add(u.output_tokens),
    }
}

pub(crate) fn usage_from_wire(u: &w::Usage) -> ir::Usage {
    let cached = u.input_tokens_details.cached_tokens;
    ir::Usage {
        input_tokens: u.input_tokens.saturating_sub(cached),
        output_tokens: u.output_tokens,
        cache_read_tokens: cached,
        cache_write_tokens: 0,
        reasoning_tokens: u.output_tokens_details.reasoning_tokens,
    }
}

/// `status` and `incomplete_details` for a stop reason.
fn status_for(stop: Option<&StopReason>) -> (&'static str, Value) {
    match stop {
        Some(StopReason::MaxTokens) => ("incomplete", json!({"reason": "max_output_tokens"})),
        Some(StopReason::ContentFilter | StopReason::Refusal) => ("incomplete", json!({"reason": "content_filter"})),
        _ => ("completed", Value::Null),
    }
}

/// A whole `response` object.
/// `state`: (`status`, `incomplete_details`, `error`).
fn response_object(
    id: &str,
    model: &str,
    created_at: u64,
    state: (&str, Value, Value),
    output: Vec<Value>,
    usage: Option<&ir::Usage>,
) -> Value {
    let (status, incomplete, error) = state;
    json!({
        "id": id,
        "object": "response",
        "created_at": created_at,
        "status": status,
        "background": false,
        "error": error,
        "incomplete_details": incomplete,
        "instructions": null,
        "max_output_tokens": null,
        "model": model,
        "output": output,
        "parallel_tool_calls": true,
        "previous_response_id": null,
        "reasoning": {"effort": null, "summary": null},
        "store": false,
        "temperature": null,
        "text": {"format": {"type": "text"}},
        "tool_choice": "auto",
        "tools": [],
        "top_p": null,
        "truncation": "disabled",
        "usage": usage.map(|u| json!(usage_to_wire(u))),
        "user": null,
        "metadata": {},
    })
}

fn text_part(text: &str) -> Value {
    json!({"type": "output_text", "text": text, "annotations": [], "logprobs": []})
}

fn message_item(id: &str, status: &str, text: Option<&str>) -> Value {
    let content: Vec<Value> = text.map(text_part).into_iter().collect();
    json!({"id": id, "type": "message", "status": status, "role": "assistant", "content": content})
}

fn reasoning_item(id: &str, thinking: Option<&str>, signature: Option<&str>) -> Value {
    let summary: Vec<Value> =
        thinking.filter(|t| !t.is_empty()).map(|t| json!({"type": "summary_text", "text": t})).into_iter().collect();
    let mut item = json!({"id": id, "type": "reasoning", "summary": summary});
    if let Some(sig) = signature.filter(|s| !s.is_empty()) {
        item["encrypted_content"] = json!(sig);
    }
    item
}

fn call_item(id: &str, status: &str, call_id: &str, name: &str, arguments: &str) -> Value {
    json!({"id": id, "type": "function_call", "status": status, "call_id": call_id, "name": name, "arguments": arguments})
}

pub fn encode_response(resp: &ir::Response) -> Vec<u8> {
    let stem = id_stem(&resp.id);
    let mut output = Vec::with_capacity(resp.content.len());
    for b in &resp.content {
        let n = output.len();
        match b {
            ContentBlock::Text { text, .. } => {
                output.push(message_item(&item_id("msg", &stem, n), "completed", Some(text)))
            }
            ContentBlock::Thinking { thinking, signature } => {
                output.push(reasoning_item(&item_id("rs", &stem, n), Some(thinking), signature.as_deref()))
            }
            ContentBlock::ToolUse { name, input, .. } if name == STRUCTURED_OUTPUT_TOOL => {
                output.push(message_item(&item_id("msg", &stem, n), "completed", Some(&arguments_string(input))))
            }
            ContentBlock::ToolUse { id, name, input, .. } => {
                output.push(call_item(&item_id("fc", &stem, n), "completed", id, name, &arguments_string(input)))
            }
            // Redacted thinking and server-side blocks have no Responses carrier.
            _ => {}
        }
    }
    let (status, incomplete) = status_for(resp.stop_reason.as_ref());
    let v = response_object(
        &format!("resp_{stem}"),
        &resp.model,
        resp.created.unwrap_or_else(now_unix),
        (status, incomplete, Value::Null),
        output,
        Some(&resp.usage),
    );
    serde_json::to_vec(&v).unwrap_or_default()
}

/// Output items -> IR blocks, and whether any was a function call.
fn blocks_from_output(output: &[Value]) -> (Vec<ContentBlock>, bool) {
    let mut blocks = Vec::new();
    let mut calls = false;
    for item in output {
        match str_of(item, "type") {
            Some("message") => {
                for p in item.get("content").and_then(Value::as_array).into_iter().flatten() {
                    if let Some(t) = str_of(p, "text").or_else(|| str_of(p, "refusal")) {
                        blocks.push(ContentBlock::text(t));
                    }
                }
            }
            Some("reasoning") => {
                let thinking = item
                    .get("summary")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|s| str_of(s, "text"))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let signature = str_of(item, "encrypted_content").map(str::to_owned);
                blocks.push(ContentBlock::Thinking { thinking, signature });
            }
            Some("function_call") => {
                calls = true;
                blocks.push(ContentBlock::ToolUse {
                    id: str_of(item, "call_id").unwrap_or_default().to_owned(),
                    name: str_of(item, "name").unwrap_or_default().to_owned(),
                    input: ir::parse_tool_arguments(str_of(item, "arguments").unwrap_or_default()),
                    cache_control: None,
                });
            }
            _ => {}
        }
    }
    (blocks, calls)
}

fn stop_from(status: Option<&str>, incomplete: Option<&Value>, calls: bool) -> StopReason {
    match (status, incomplete.and_then(|d| str_of(d, "reason"))) {
        (Some("incomplete"), Some("max_output_tokens")) => StopReason::MaxTokens,
        (Some("incomplete"), Some("content_filter")) => StopReason::ContentFilter,
        _ if calls => StopReason::ToolUse,
        _ => StopReason::EndTurn,
    }
}

fn usage_of(v: &Value) -> ir::Usage {
    v.get("usage")
        .filter(|u| !u.is_null())
        .and_then(|u| serde_json::from_value::<w::Usage>(u.clone()).ok())
        .map(|u| usage_from_wire(&u))
        .unwrap_or_default()
}

pub fn decode_response(body: &[u8]) -> Result<ir::Response, TranslateError> {
    let v: Value = parse_upstream(body, "response")?;
    if !v.is_object() {
        return Err(TranslateError::Upstream("response: not an object".into()));
    }
    let output = v.get("output").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let (content, calls) = blocks_from_output(output);
    Ok(ir::Response {
        id: str_of(&v, "id").unwrap_or_default().to_owned(),
        model: str_of(&v, "model").unwrap_or_default().to_owned(),
        content,
        stop_reason: Some(stop_from(str_of(&v, "status"), v.get("incomplete_details"), calls)),
        stop_sequence: None,
        usage: usage_of(&v),
        created: v.get("created_at").and_then(Value::as_u64),
    })
}

/// A stream error event in the Responses shape (`event: error`).
pub(crate) fn encode_error_event(error_type: &str, message: &str, sequence_number: u64, out: &mut Vec<u8>) {
    let data = json!({"type": "error", "code": error_type, "message": message, "param": null, "sequence_number": sequence_number});
    encode_event(Some("error"), &data.to_string(), out);
}

// ---------------------------------------------------------------------------------------------
// Stream encoder: IR -> response.* events

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Text,
    Reasoning,
    Call,
}

#[derive(Debug)]
struct Open {
    ir_index: u32,
    output_index: usize,
    kind: OpenKind,
    item_id: String,
    text: String,
    signature: String,
    call_id: String,
    name: String,
}

/// IR events -> Responses events. Items are numbered in the order their blocks start; every
/// event carries the next `sequence_number`; the final `response.completed` (or `.incomplete` /
/// `.failed`) carries every item as it was streamed, with the usage.
pub struct StreamEncoderImpl {
    seq: u64,
    model: String,
    stem: String,
    created_at: u64,
    started: bool,
    done: bool,
    output: Vec<Value>,
    open: Vec<Open>,
    usage: ir::Usage,
    stop: Option<StopReason>,
}

impl StreamEncoderImpl {
    pub fn new(model: &str, created_at: u64) -> Self {
        StreamEncoderImpl {
            seq: 0,
            model: model.to_owned(),
            stem: String::new(),
            created_at,
            started: false,
            done: false,
            output: Vec::new(),
            open: Vec::new(),
            usage: ir::Usage::default(),
            stop: None,
        }
    }

    /// The sequence number the next event will carry.
    pub fn next_sequence(&self) -> u64 {
        self.seq
    }

    fn emit(&mut self, kind: &str, mut data: Map<String, Value>, out: &mut Vec<u8>) {
        let mut obj = Map::with_capacity(data.len() + 2);
        obj.insert("type".into(), json!(kind));
        obj.append(&mut data);
        obj.insert("sequence_number".into(), json!(self.seq));
        self.seq += 1;
        encode_event(Some(kind), &Value::Object(obj).to_string(), out);
    }

    fn object(&self, status: &str, incomplete: Value, error: Value, usage: bool) -> Value {
        let output = self.output.iter().filter(|v| !v.is_null()).cloned().collect();
        response_object(
            &format!("resp_{}", self.stem),
            &self.model,
            self.created_at,
            (status, incomplete, error),
            output,
            usage.then_some(&self.usage),
        )
    }

    fn start(&mut self, id: &str, model: &str, out: &mut Vec<u8>) {
        if self.started {
            return;
        }
        self.started = true;
        self.stem = id_stem(id);
        if !model.is_empty() {
            self.model = model.to_owned();
        }
        let resp = self.object("in_progress", Value::Null, Value::Null, false);
        self.emit("response.created", obj([("response", resp.clone())]), out);
        self.emit("response.in_progress", obj([("response", resp)]), out);
    }

    fn block_start(&mut self, index: u32, block: &BlockStart, out: &mut Vec<u8>) {
        let output_index = self.output.len();
        let (kind, prefix) = match block {
            BlockStart::Text => (OpenKind::Text, "msg"),
            BlockStart::ToolUse { name, .. } if name == STRUCTURED_OUTPUT_TOOL => (OpenKind::Text, "msg"),
            BlockStart::Thinking => (OpenKind::Reasoning, "rs"),
            BlockStart::ToolUse { .. } => (OpenKind::Call, "fc"),
            BlockStart::RedactedThinking { .. } | BlockStart::Other { .. } => return,
        };
        let item_id = item_id(prefix, &self.stem, output_index);
        let (call_id, name) = match block {
            BlockStart::ToolUse { id, name } => (id.clone(), name.clone()),
            _ => (String::new(), String::new()),
        };
        self.output.push(Value::Null);
        let oi = json!(output_index);
        match kind {
            OpenKind::Text => {
                let item = message_item(&item_id, "in_progress", None);
                self.emit("response.output_item.added", obj([("output_index", oi.clone()), ("item", item)]), out);
                let data = obj([
                    ("item_id", json!(item_id)),
                    ("output_index", oi),
                    ("content_index", json!(0)),
                    ("part", text_part("")),
                ]);
                self.emit("response.content_part.added", data, out);
            }
            OpenKind::Reasoning => {
                let item = reasoning_item(&item_id, None, None);
                self.emit("response.output_item.added", obj([("output_index", oi.clone()), ("item", item)]), out);
                let data = obj([
                    ("item_id", json!(item_id)),
                    ("output_index", oi),
                    ("summary_index", json!(0)),
                    ("part", json!({"type": "summary_text", "text": ""})),
                ]);
                self.emit("response.reasoning_summary_part.added", data, out);
            }
            OpenKind::Call => {
                let item = call_item(&item_id, "in_progress", &call_id, &name, "");
                self.emit("response.output_item.added", obj([("output_index", oi), ("item", item)]), out);
            }
        }
        self.open.push(Open {
            ir_index: index,
            output_index,
            kind,
            item_id,
            text: String::new(),
            signature: String::new(),
            call_id,
            name,
        });
    }

    fn block_delta(&mut self, index: u32, delta: &Delta, out: &mut Vec<u8>) {
        let Some(pos) = self.open.iter().position(|o| o.ir_index == index) else { return };
        let (kind, item_id, oi) = {
            let o = &self.open[pos];
            (o.kind, o.item_id.clone(), o.output_index)
        };
        let base = |extra: [(&str, Value); 2]| {
            let mut m = obj([("item_id", json!(item_id)), ("output_index", json!(oi))]);
            for (k, v) in extra {
                m.insert(k.into(), v);
            }
            m
        };
        match (kind, delta) {
            (OpenKind::Text, Delta::Text(s) | Delta::ToolArgs(s)) => {
                if s.is_empty() {
                    return;
                }
                self.open[pos].text.push_str(s);
                let data = base([("content_index", json!(0)), ("delta", json!(s))]);
                let mut data = data;
                data.insert("logprobs".into(), json!([]));
                self.emit("response.output_text.delta", data, out);
            }
            (OpenKind::Reasoning, Delta::Thinking(s)) => {
                if s.is_empty() {
                    return;
                }
                self.open[pos].text.push_str(s);
                self.emit(
                    "response.reasoning_summary_text.delta",
                    base([("summary_index", json!(0)), ("delta", json!(s))]),
                    out,
                );
            }
            (OpenKind::Reasoning, Delta::Signature(s)) => self.open[pos].signature.push_str(s),
            (OpenKind::Call, Delta::ToolArgs(s)) => {
                if s.is_empty() {
                    return;
                }
                self.open[pos].text.push_str(s);
                let mut data = obj([("item_id", json!(item_id)), ("output_index", json!(oi))]);
                data.insert("delta".into(), json!(s));
                self.emit("response.function_call_arguments.delta", data, out);
            }
            _ => {}
        }
    }

    fn block_stop(&mut self, index: u32, out: &mut Vec<u8>) {
        let Some(pos) = self.open.iter().position(|o| o.ir_index == index) else { return };
        let o = self.open.remove(pos);
        let oi = json!(o.output_index);
        let head = || obj([("item_id", json!(o.item_id)), ("output_index", oi.clone())]);
        let item = match o.kind {
            OpenKind::Text => {
                let mut d = head();
                d.insert("content_index".into(), json!(0));
                d.insert("text".into(), json!(o.text));
                d.insert("logprobs".into(), json!([]));
                self.emit("response.output_text.done", d, out);
                let mut d = head();
                d.insert("content_index".into(), json!(0));
                d.insert("part".into(), text_part(&o.text));
                self.emit("response.content_part.done", d, out);
                message_item(&o.item_id, "completed", Some(&o.text))
            }
            OpenKind::Reasoning => {
                let mut d = head();
                d.insert("summary_index".into(), json!(0));
                d.insert("text".into(), json!(o.text));
                self.emit("response.reasoning_summary_text.done", d, out);
                let mut d = head();
                d.insert("summary_index".into(), json!(0));
                d.insert("part".into(), json!({"type": "summary_text", "text": o.text}));
                self.emit("response.reasoning_summary_part.done", d, out);
                reasoning_item(&o.item_id, Some(&o.text), Some(&o.signature))
            }
            OpenKind::Call => {
                let args = if o.text.trim().is_empty() { "{}".to_owned() } else { o.text.clone() };
                let mut d = head();
                d.insert("name".into(), json!(o.name));
                d.insert("arguments".into(), json!(args));
                self.emit("response.function_call_arguments.done", d, out);
                call_item(&o.item_id, "completed", &o.call_id, &o.name, &args)
            }
        };
        if let Some(slot) = self.output.get_mut(o.output_index) {
            *slot = item.clone();
        }
        self.emit("response.output_item.done", obj([("output_index", oi), ("item", item)]), out);
    }

    fn finish(&mut self, out: &mut Vec<u8>) {
        let open: Vec<u32> = self.open.iter().map(|o| o.ir_index).collect();
        for i in open {
            self.block_stop(i, out);
        }
        let (status, incomplete) = status_for(self.stop.as_ref());
        let kind = if status == "completed" { "response.completed" } else { "response.incomplete" };
        let resp = self.object(status, incomplete, Value::Null, true);
        self.emit(kind, obj([("response", resp)]), out);
        self.done = true;
    }

    fn fail(&mut self, code: &str, message: &str, out: &mut Vec<u8>) {
        let resp = self.object("failed", Value::Null, json!({"code": code, "message": message}), true);
        self.emit("response.failed", obj([("response", resp)]), out);
        self.done = true;
    }
}

fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

impl StreamEncoder for StreamEncoderImpl {
    fn push(&mut self, ev: &StreamEvent, out: &mut Vec<u8>) {
        if self.done {
            return;
        }
        if !self.started {
            match ev {
                StreamEvent::MessageStart { id, model, usage } => {
                    self.usage = *usage;
                    self.start(id, model, out);
                    return;
                }
                _ => self.start("", "", out),
            }
        }
        match ev {
            StreamEvent::MessageStart { usage, .. } => self.usage = *usage,
            StreamEvent::BlockStart { index, block } => self.block_start(*index, block, out),
            StreamEvent::BlockDelta { index, delta } => self.block_delta(*index, delta, out),
            StreamEvent::BlockStop { index } => self.block_stop(*index, out),
            StreamEvent::MessageDelta { stop_reason, usage, .. } => {
                if stop_reason.is_some() {
                    self.stop.clone_from(stop_reason);
                }
                if let Some(u) = usage {
                    self.usage = *u;
                }
            }
            StreamEvent::MessageStop => self.finish(out),
            StreamEvent::Ping => {}
            StreamEvent::Error { error_type, message } => self.fail(error_type, message, out),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Stream decoder: response.* events -> IR

#[derive(Debug)]
struct Slot {
    output_index: u64,
    ir_index: u32,
    kind: OpenKind,
    /// Reasoning summaries after the first are separated by a blank line.
    summaries: u64,
}

/// Responses events -> IR. Items become blocks in the order they are added; the terminal
/// `response.completed` / `.incomplete` gives the stop reason and usage, `response.failed` and
/// `error` an error event.
#[derive(Debug, Default)]
pub struct StreamDecoderImpl {
    started: bool,
    done: bool,
    next_index: u32,
    slots: Vec<Slot>,
    calls: bool,
}

impl StreamDecoderImpl {
    pub fn new() -> Self {
        Self::default()
    }

    fn slot(&self, v: &Value) -> Option<&Slot> {
        let oi = v.get("output_index").and_then(Value::as_u64)?;
        self.slots.iter().find(|s| s.output_index == oi)
    }

    fn start(&mut self, resp: Option<&Value>, out: &mut Vec<StreamEvent>) {
        if self.started {
            return;
        }
        self.started = true;
        let r = resp.unwrap_or(&Value::Null);
        out.push(StreamEvent::MessageStart {
            id: str_of(r, "id").unwrap_or_default().to_owned(),
            model: str_of(r, "model").unwrap_or_default().to_owned(),
            usage: ir::Usage::default(),
        });
    }
}

impl StreamDecoder for StreamDecoderImpl {
    fn push(&mut self, ev: &SseEvent, out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done || ev.data.trim().is_empty() || ev.data.trim() == "[DONE]" {
            return Ok(());
        }
        let v: Value = serde_json::from_str(&ev.data)
            .map_err(|e| TranslateError::Upstream(format!("stream event is not JSON: {e}")))?;
        let kind = str_of(&v, "type").or(ev.event.as_deref()).unwrap_or_default();
        if kind != "error" {
            self.start(v.get("response"), out);
        }
        match kind {
            "response.output_item.added" => {
                let item = v.get("item").unwrap_or(&Value::Null);
                let Some(oi) = v.get("output_index").and_then(Value::as_u64) else { return Ok(()) };
                let (kind, block) = match str_of(item, "type") {
                    Some("message") => (OpenKind::Text, BlockStart::Text),
                    Some("reasoning") => (OpenKind::Reasoning, BlockStart::Thinking),
                    Some("function_call") => {
                        self.calls = true;
                        let id = str_of(item, "call_id").unwrap_or_default().to_owned();
                        let name = str_of(item, "name").unwrap_or_default().to_owned();
                        (OpenKind::Call, BlockStart::ToolUse { id, name })
                    }
                    _ => return Ok(()),
                };
                let index = self.next_index;
                self.next_index += 1;
                self.slots.push(Slot { output_index: oi, ir_index: index, kind, summaries: 0 });
                out.push(StreamEvent::BlockStart { index, block });
            }
            "response.output_text.delta" | "response.refusal.delta" => {
                if let (Some(s), Some(d)) = (self.slot(&v), str_of(&v, "delta")) {
                    if s.kind == OpenKind::Text {
                        out.push(StreamEvent::BlockDelta { index: s.ir_index, delta: Delta::Text(d.to_owned()) });
                    }
                }
            }
            "response.reasoning_summary_part.added" => {
                let oi = v.get("output_index").and_then(Value::as_u64);
                if let Some(s) = self.slots.iter_mut().find(|s| Some(s.output_index) == oi) {
                    s.summaries += 1;
                    if s.summaries > 1 {
                        let index = s.ir_index;
                        out.push(StreamEvent::BlockDelta { index, delta: Delta::Thinking("\n\n".into()) });
                    }
                }
            }
            "response.reasoning_summary_text.delta" | "response.reasoning_text.delta" => {
                if let (Some(s), Some(d)) = (self.slot(&v), str_of(&v, "delta")) {
                    if s.kind == OpenKind::Reasoning {
                        out.push(StreamEvent::BlockDelta { index: s.ir_index, delta: Delta::Thinking(d.to_owned()) });
                    }
                }
            }
            "response.function_call_arguments.delta" => {
                if let (Some(s), Some(d)) = (self.slot(&v), str_of(&v, "delta")) {
                    if s.kind == OpenKind::Call {
                        out.push(StreamEvent::BlockDelta { index: s.ir_index, delta: Delta::ToolArgs(d.to_owned()) });
                    }
                }
            }
            "response.output_item.done" => {
                let oi = v.get("output_index").and_then(Value::as_u64);
                if let Some(pos) = self.slots.iter().position(|s| Some(s.output_index) == oi) {
                    let s = self.slots.remove(pos);
                    let item = v.get("item").unwrap_or(&Value::Null);
                    if let Some(sig) = str_of(item, "encrypted_content").filter(|s| !s.is_empty()) {
                        if s.kind == OpenKind::Reasoning {
                            out.push(StreamEvent::BlockDelta {
                                index: s.ir_index,
                                delta: Delta::Signature(sig.into()),
                            });
                        }
                    }
                    out.push(StreamEvent::BlockStop { index: s.ir_index });
                }
            }
            "response.completed" | "response.incomplete" => {
                let r = v.get("response").unwrap_or(&Value::Null);
                for s in std::mem::take(&mut self.slots) {
                    out.push(StreamEvent::BlockStop { index: s.ir_index });
                }
                out.push(StreamEvent::MessageDelta {
                    stop_reason: Some(stop_from(str_of(r, "status"), r.get("incomplete_details"), self.calls)),
                    stop_sequence: None,
                    usage: Some(usage_of(r)),
                });
                out.push(StreamEvent::MessageStop);
                self.done = true;
            }
            "response.failed" => {
                let err = v.get("response").and_then(|r| r.get("error")).unwrap_or(&Value::Null);
                out.push(StreamEvent::Error {
                    error_type: str_of(err, "code").unwrap_or("api_error").to_owned(),
                    message: str_of(err, "message").unwrap_or("the upstream response failed").to_owned(),
                });
                self.done = true;
            }
            "error" => {
                let err = v.get("error").unwrap_or(&v);
                out.push(StreamEvent::Error {
                    error_type: str_of(err, "code").or_else(|| str_of(err, "type")).unwrap_or("api_error").to_owned(),
                    message: str_of(err, "message").unwrap_or("upstream error").to_owned(),
                });
                self.done = true;
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done {
            Ok(())
        } else {
            Err(TranslateError::Upstream("the stream ended before response.completed".into()))
        }
    }
}
