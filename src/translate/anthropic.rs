//! Anthropic Messages <-> IR: request/response decoders and encoders, and the stateful stream
//! decoder (events -> IR events) and encoder (IR events -> events).
//!
//! Decoding: `role: "system"` messages mid-conversation (Claude Code's agent and skill listings)
//! are `Role::System`; `thinking: {type: adaptive}` is `Reasoning::Adaptive` and
//! `output_config.effort` is `Request::effort`; advisory fields the IR does not carry (`metadata`
//! extras, per-message `output_config`, tool hints such as `defer_loading`) are listed in
//! `Request::ignored` so the encoders can report them as dropped.
//!
//! Lossy decisions made here (IR -> Anthropic):
//! - alternation: `System`-role messages stay in place for an Anthropic client's own request and
//!   are hoisted into `system` for other dialects; empty text blocks and empty
//!   messages are dropped; consecutive same-role messages are merged (tool results first within a
//!   user turn); a conversation starting with the assistant gets a `"."` user turn first.
//! - thinking blocks without a signature (they came from an OpenAI upstream) are dropped: Anthropic
//!   rejects unsigned thinking.
//! - tool-use `input` that is not a JSON object (an invalid OpenAI arguments string) becomes `{}`.
//! - tool ids are sanitised to Anthropic's `[A-Za-z0-9_-]` alphabet (same mapping everywhere, so
//!   `tool_use` and `tool_result` still pair up).
//! - `reasoning_effort` -> `thinking.budget_tokens`: minimal 1024, low 2048, medium 8192, high
//!   24576 (other values 8192; `none` = no thinking). Without a client `max_tokens` the default is
//!   raised by the budget; with one, the budget is clamped below it and dropped if under 1024.
//! - `response_format: json_schema` becomes a forced tool (`STRUCTURED_OUTPUT_TOOL`) whose input
//!   the OpenAI encoders return as content; `json_object` an instruction in `system`.
//! - OpenAI-only parameters with non-neutral values (`n` > 1, `logprobs`, penalties, `seed`,
//!   `logit_bias`, other `response_format`s) are `Unsupported` unless `drop_unsupported`;
//!   `strict` on tools, image `detail` and the participant `name` are dropped.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    ADVISORY_FIELDS, EncodeOptions, Lossy, StreamDecoder, StreamEncoder, TranslateError, anthropic_id, parse_client,
    parse_upstream, random_token, stop_reason_from_anthropic, stop_reason_to_anthropic,
};
use crate::dialect::Dialect;
use crate::ir::{self, BlockStart, ContentBlock, Delta, Reasoning, Role, StreamEvent};
use crate::translate::sse::{SseEvent, encode_json_event};
use crate::wire::StringOrParts;
use crate::wire::anthropic as w;

const MIN_THINKING_BUDGET: u32 = 1024;

// ---------------------------------------------------------------------------------------------
// Requests

pub fn decode_request(body: &[u8]) -> Result<ir::Request, TranslateError> {
    let r: w::MessagesRequest = parse_client(body)?;
    let mut req = ir::Request {
        model: r.model,
        max_tokens: r.max_tokens,
        temperature: r.temperature,
        top_p: r.top_p,
        top_k: r.top_k,
        stop: r.stop_sequences.unwrap_or_default(),
        stream: r.stream.unwrap_or(false),
        ..ir::Request::default()
    };
    if let Some(m) = r.metadata {
        req.user = m.user_id;
        req.ignored.extend(m.extra.keys().map(|k| format!("metadata.{k}")));
    }
    match r.system {
        None => {}
        Some(StringOrParts::String(s)) => req.system.push(ContentBlock::text(s)),
        Some(StringOrParts::Parts(blocks)) => {
            for (i, b) in blocks.into_iter().enumerate() {
                match b {
                    w::Block::Text { text, cache_control, .. } => {
                        req.system.push(ContentBlock::Text { text, cache_control })
                    }
                    _ => {
                        return Err(TranslateError::invalid(
                            format!("system[{i}]"),
                            "only text blocks are allowed in system",
                        ));
                    }
                }
            }
        }
    }
    for (i, m) in r.messages.into_iter().enumerate() {
        req.ignored.extend(m.extra.keys().map(|k| format!("messages[{i}].{k}")));
        let (role, content) = match m.role.as_str() {
            "user" => (Role::User, blocks_to_ir(m.content)),
            "assistant" => (Role::Assistant, blocks_to_ir(m.content)),
            // Mid-conversation system messages (Claude Code's agent and skill listings).
            "system" => (Role::System, system_blocks(m.content, &format!("messages[{i}].content"))?),
            other => {
                return Err(TranslateError::invalid(
                    format!("messages[{i}].role"),
                    format!("unknown role '{other}' (expected 'user', 'assistant' or 'system')"),
                ));
            }
        };
        req.messages.push(ir::Message { role, content, name: None });
    }
    for (i, t) in r.tools.unwrap_or_default().into_iter().enumerate() {
        req.tools.push(decode_tool(t, i, &mut req.ignored)?);
    }
    if let Some(tc) = r.tool_choice {
        let (choice, parallel) = decode_tool_choice(tc)?;
        req.tool_choice = Some(choice);
        req.parallel_tool_calls = parallel;
    }
    if let Some(t) = r.thinking {
        req.reasoning = Some(decode_thinking(t)?);
    }
    req.extra = r.extra;
    req.effort = take_effort(&mut req.extra)?;
    req.extra_dialect = Some(Dialect::Anthropic);
    Ok(req)
}

/// A `system` message's content: text blocks only, as in the top-level `system`.
fn system_blocks(content: StringOrParts<w::Block>, path: &str) -> Result<Vec<ContentBlock>, TranslateError> {
    match content {
        StringOrParts::String(s) => Ok(vec![ContentBlock::text(s)]),
        StringOrParts::Parts(blocks) => blocks
            .into_iter()
            .enumerate()
            .map(|(j, b)| match b {
                w::Block::Text { text, cache_control, .. } => Ok(ContentBlock::Text { text, cache_control }),
                _ => Err(TranslateError::invalid(
                    format!("{path}[{j}]"),
                    "only text blocks are allowed in a system message",
                )),
            })
            .collect(),
    }
}

/// Moves `output_config.effort` out of the unknown fields; the rest of `output_config` (e.g.
/// `format`) stays there for the encoders.
fn take_effort(extra: &mut Map<String, Value>) -> Result<Option<String>, TranslateError> {
    let Some(oc) = extra.get_mut("output_config") else {
        return Ok(None);
    };
    let Some(o) = oc.as_object_mut() else {
        return Err(TranslateError::invalid("output_config", "expected an object"));
    };
    let effort = match o.remove("effort") {
        None | Some(Value::Null) => None,
        Some(Value::String(e)) => Some(e),
        Some(_) => return Err(TranslateError::invalid("output_config.effort", "expected a string")),
    };
    if o.is_empty() {
        extra.remove("output_config");
    }
    Ok(effort)
}

fn blocks_to_ir(content: StringOrParts<w::Block>) -> Vec<ContentBlock> {
    match content {
        StringOrParts::String(s) => vec![ContentBlock::text(s)],
        StringOrParts::Parts(blocks) => blocks.into_iter().map(block_to_ir).collect(),
    }
}

fn block_to_ir(b: w::Block) -> ContentBlock {
    match b {
        w::Block::Text { text, cache_control, .. } => ContentBlock::Text { text, cache_control },
        w::Block::Image { source, cache_control } => ContentBlock::Image {
            source: match source {
                w::ImageSource::Base64 { media_type, data } => ir::ImageSource::Base64 { media_type, data },
                w::ImageSource::Url { url } => ir::ImageSource::Url { url },
            },
            detail: None,
            cache_control,
        },
        w::Block::ToolUse { id, name, input, cache_control } => {
            ContentBlock::ToolUse { id, name, input, cache_control }
        }
        w::Block::ToolResult { tool_use_id, content, is_error, cache_control } => ContentBlock::ToolResult {
            tool_use_id,
            content: content.map(blocks_to_ir).unwrap_or_default(),
            is_error: is_error.unwrap_or(false),
            cache_control,
        },
        w::Block::Thinking { thinking, signature } => {
            ContentBlock::Thinking { thinking, signature: (!signature.is_empty()).then_some(signature) }
        }
        w::Block::RedactedThinking { data } => ContentBlock::RedactedThinking { data },
        w::Block::Other(value) => ContentBlock::Other { dialect: Dialect::Anthropic, value },
    }
}

fn decode_tool(t: Value, i: usize, ignored: &mut Vec<String>) -> Result<ir::Tool, TranslateError> {
    #[derive(serde::Deserialize)]
    struct Custom {
        name: String,
        #[serde(default)]
        description: Option<String>,
        #[serde(default)]
        input_schema: Option<Value>,
        #[serde(default)]
        cache_control: Option<Value>,
        #[serde(default)]
        strict: Option<bool>,
        /// `defer_loading`, `eager_input_streaming`, `input_examples`, …: hints, noted as ignored.
        #[serde(flatten)]
        rest: Map<String, Value>,
    }
    match t.get("type") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == "custom" => {}
        // Server tools (web_search_20250305, bash_..., ...) are Anthropic-only.
        Some(_) => {
            return Ok(ir::Tool::Other { dialect: Dialect::Anthropic, value: t });
        }
    }
    let c: Custom =
        serde_json::from_value(t).map_err(|e| TranslateError::invalid(format!("tools[{i}]"), e.to_string()))?;
    ignored.extend(c.rest.keys().filter(|k| *k != "type").map(|k| format!("tools[{i}].{k}")));
    Ok(ir::Tool::Function {
        name: c.name,
        description: c.description,
        input_schema: c.input_schema.filter(|s| !s.is_null()).unwrap_or_else(super::openai::empty_schema),
        strict: c.strict,
        cache_control: c.cache_control,
    })
}

fn decode_tool_choice(tc: Value) -> Result<(ir::ToolChoice, Option<bool>), TranslateError> {
    let parallel = match tc.get("disable_parallel_tool_use") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(!b),
        Some(_) => {
            return Err(TranslateError::invalid("tool_choice.disable_parallel_tool_use", "expected a boolean"));
        }
    };
    let choice = match tc.get("type").and_then(Value::as_str) {
        Some("auto") => ir::ToolChoice::Auto,
        Some("any") => ir::ToolChoice::Any,
        Some("none") => ir::ToolChoice::None,
        Some("tool") => {
            let name = tc
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| TranslateError::invalid("tool_choice.name", "missing"))?;
            ir::ToolChoice::Tool { name: name.to_owned() }
        }
        Some(other) => {
            return Err(TranslateError::invalid("tool_choice.type", format!("unknown value '{other}'")));
        }
        None => return Err(TranslateError::invalid("tool_choice.type", "missing")),
    };
    Ok((choice, parallel))
}

fn decode_thinking(t: Value) -> Result<Reasoning, TranslateError> {
    match t.get("type").and_then(Value::as_str) {
        Some("enabled") => {
            let budget =
                t.get("budget_tokens").and_then(Value::as_u64).and_then(|b| u32::try_from(b).ok()).ok_or_else(
                    || {
                        TranslateError::invalid(
                            "thinking.budget_tokens",
                            "required for type 'enabled' (a non-negative integer)",
                        )
                    },
                )?;
            Ok(Reasoning::Budget(budget))
        }
        Some("disabled") => Ok(Reasoning::Disabled),
        Some("adaptive") => {
            let display = match t.get("display") {
                None | Some(Value::Null) => None,
                Some(Value::String(d)) => Some(d.clone()),
                Some(_) => return Err(TranslateError::invalid("thinking.display", "expected a string")),
            };
            Ok(Reasoning::Adaptive { display })
        }
        Some(_) => Ok(Reasoning::Raw(t)),
        None => Err(TranslateError::invalid("thinking.type", "missing")),
    }
}

/// Anthropic tool ids must match `^[a-zA-Z0-9_-]+$`; some OpenAI-compatible upstreams use ids like
/// `functions.get_weather:0`.
pub(crate) fn tool_id(id: &str) -> String {
    if id.is_empty() {
        return format!("toolu_{}", random_token());
    }
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect()
}

fn tool_input(input: &Value) -> Value {
    match input {
        Value::Object(_) => input.clone(),
        _ => Value::Object(Map::new()),
    }
}

pub fn encode_request(req: &ir::Request, opts: &EncodeOptions<'_>) -> Result<Vec<u8>, TranslateError> {
    super::encode_request_noting(Dialect::Anthropic, req, opts).map(|e| e.body)
}

pub(crate) fn encode_request_with(
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
    lossy: &Lossy,
) -> Result<Vec<u8>, TranslateError> {
    let same = req.extra_dialect == Some(Dialect::Anthropic);
    let mut system: Vec<w::Block> = Vec::new();
    let push_system = |system: &mut Vec<w::Block>, blocks: &[ContentBlock]| {
        for b in blocks {
            if let ContentBlock::Text { text, cache_control } = b {
                if !text.is_empty() {
                    system.push(w::Block::Text {
                        text: text.clone(),
                        cache_control: cache_control.clone(),
                        citations: None,
                    });
                }
            }
        }
    };
    push_system(&mut system, &req.system);

    let mut turns: Vec<(Role, Vec<w::Block>)> = Vec::new();
    for (i, m) in req.messages.iter().enumerate() {
        if m.role == Role::System && !same {
            // Only an Anthropic client's own mid-conversation system messages stay in place: other
            // dialects' upstream-bound conversations keep to the classic user/assistant shape.
            push_system(&mut system, &m.content);
            continue;
        }
        let mut blocks = Vec::with_capacity(m.content.len());
        for (j, b) in m.content.iter().enumerate() {
            if let Some(b) = block_to_wire(b, &|| format!("messages[{i}].content[{j}]"), lossy)? {
                blocks.push(b);
            }
        }
        if blocks.is_empty() {
            continue;
        }
        match turns.last_mut() {
            Some((role, prev)) if *role == m.role && m.role != Role::System => prev.extend(blocks),
            _ => turns.push((m.role, blocks)),
        }
    }
    if turns.first().is_some_and(|(r, _)| *r == Role::Assistant) {
        turns.insert(0, (Role::User, vec![w::Block::Text { text: ".".into(), cache_control: None, citations: None }]));
    }
    let messages = turns
        .into_iter()
        .map(|(role, mut blocks)| {
            if role == Role::User {
                // tool_result blocks must open the user turn that answers the tool calls.
                blocks.sort_by_key(|b| !matches!(b, w::Block::ToolResult { .. }));
            }
            let role = match role {
                Role::User => "user",
                Role::Assistant => "assistant",
                Role::System => "system",
            };
            w::Message { role: role.into(), content: compact(blocks), extra: Map::new() }
        })
        .collect();

    let mut tools = Vec::with_capacity(req.tools.len());
    for (i, t) in req.tools.iter().enumerate() {
        match t {
            ir::Tool::Function { name, description, input_schema, cache_control, strict } => {
                let mut o = Map::new();
                o.insert("name".into(), Value::String(name.clone()));
                if let Some(d) = description {
                    o.insert("description".into(), Value::String(d.clone()));
                }
                o.insert("input_schema".into(), input_schema.clone());
                if let Some(c) = cache_control {
                    o.insert("cache_control".into(), c.clone());
                }
                if let (true, Some(st)) = (same, strict) {
                    o.insert("strict".into(), Value::Bool(*st));
                }
                tools.push(Value::Object(o));
            }
            ir::Tool::Other { dialect: Dialect::Anthropic, value } => tools.push(value.clone()),
            ir::Tool::Other { .. } => lossy.cannot_carry(format!("tools[{i}]"))?,
        }
    }
    let mut tool_choice = match &req.tool_choice {
        None => None,
        Some(ir::ToolChoice::Auto) => Some(json!({"type": "auto"})),
        Some(ir::ToolChoice::Any) => Some(json!({"type": "any"})),
        Some(ir::ToolChoice::None) => Some(json!({"type": "none"})),
        Some(ir::ToolChoice::Tool { name }) => Some(json!({"type": "tool", "name": name})),
        Some(ir::ToolChoice::Other { .. }) => {
            lossy.cannot_carry("tool_choice")?;
            None
        }
    };
    if !tools.is_empty() && req.tool_choice != Some(ir::ToolChoice::None) {
        if let Some(parallel) = req.parallel_tool_calls {
            // Only `false` means something to Anthropic; an explicit `true` is kept only when
            // there is a tool_choice to put it on.
            if !parallel || tool_choice.is_some() {
                let tc = tool_choice.get_or_insert_with(|| json!({"type": "auto"}));
                if let Some(o) = tc.as_object_mut() {
                    o.insert("disable_parallel_tool_use".into(), Value::Bool(!parallel));
                }
            }
        }
    }

    let mut max_tokens = req.max_tokens;
    let thinking = match &req.reasoning {
        None => None,
        Some(Reasoning::Disabled) => Some(json!({"type": "disabled"})),
        Some(Reasoning::Budget(n)) => Some(json!({"type": "enabled", "budget_tokens": n})),
        Some(Reasoning::Raw(v)) => Some(v.clone()),
        Some(Reasoning::Adaptive { display }) => {
            let mut t = json!({"type": "adaptive"});
            if let (Some(d), Some(o)) = (display, t.as_object_mut()) {
                o.insert("display".into(), Value::String(d.clone()));
            }
            Some(t)
        }
        Some(Reasoning::Effort(e)) => match budget_for_effort(e) {
            None => None,
            Some(budget) => match max_tokens {
                None => {
                    max_tokens = Some(opts.default_max_tokens.saturating_add(budget));
                    Some(json!({"type": "enabled", "budget_tokens": budget}))
                }
                Some(mt) => {
                    let budget = budget.min(mt.saturating_sub(1));
                    (budget >= MIN_THINKING_BUDGET).then(|| json!({"type": "enabled", "budget_tokens": budget}))
                }
            },
        },
    };

    let o = &req.openai;
    if o.n.is_some_and(|n| n != 1) {
        lossy.cannot_carry("n")?;
    }
    if o.logprobs == Some(true) {
        lossy.cannot_carry("logprobs")?;
    }
    if o.top_logprobs.is_some_and(|n| n > 0) {
        lossy.cannot_carry("top_logprobs")?;
    }
    if o.frequency_penalty.is_some_and(|p| p != 0.0) {
        lossy.cannot_carry("frequency_penalty")?;
    }
    if o.presence_penalty.is_some_and(|p| p != 0.0) {
        lossy.cannot_carry("presence_penalty")?;
    }
    if o.seed.is_some() {
        lossy.cannot_carry("seed")?;
    }
    if o.logit_bias.as_ref().is_some_and(|b| b.as_object().is_none_or(|m| !m.is_empty()) && !b.is_null()) {
        lossy.cannot_carry("logit_bias")?;
    }
    structured_output(req, &thinking, lossy, &mut tools, &mut tool_choice, &mut system)?;
    let mut extra = Map::new();
    for (k, v) in &req.extra {
        if same {
            extra.insert(k.clone(), v.clone());
        } else if ADVISORY_FIELDS.contains(&k.as_str()) {
            lossy.note(k.clone());
        } else {
            lossy.cannot_carry(k.clone())?;
        }
    }
    if let Some(effort) = &req.effort {
        let oc = extra.entry("output_config").or_insert_with(|| Value::Object(Map::new()));
        if let Some(o) = oc.as_object_mut() {
            o.insert("effort".into(), Value::String(effort.clone()));
        }
    }

    let out = w::MessagesRequest {
        model: opts.model.unwrap_or(&req.model).to_string(),
        messages,
        max_tokens: Some(max_tokens.unwrap_or(opts.default_max_tokens)),
        system: match system.as_slice() {
            [] => None,
            [w::Block::Text { text, cache_control: None, .. }] => Some(StringOrParts::String(text.clone())),
            _ => Some(StringOrParts::Parts(system)),
        },
        metadata: req.user.as_ref().map(|u| w::Metadata { user_id: Some(u.clone()), extra: Map::new() }),
        stop_sequences: (!req.stop.is_empty()).then(|| req.stop.clone()),
        stream: req.stream.then_some(true),
        temperature: req.temperature,
        top_p: req.top_p,
        top_k: req.top_k,
        tools: (!tools.is_empty()).then_some(tools),
        tool_choice,
        thinking,
        extra,
    };
    Ok(to_json(&out))
}

/// OpenAI `response_format`: `json_schema` becomes a tool whose input is the answer, forced with
/// `tool_choice` (merely offered when thinking is on: Anthropic refuses forced tools with thinking);
/// `json_object` becomes an instruction in `system`. With tools of the client's own the schema has
/// no carrier (the model could answer with either).
fn structured_output(
    req: &ir::Request,
    thinking: &Option<Value>,
    lossy: &Lossy,
    tools: &mut Vec<Value>,
    tool_choice: &mut Option<Value>,
    system: &mut Vec<w::Block>,
) -> Result<(), TranslateError> {
    let Some(f) = &req.openai.response_format else {
        return Ok(());
    };
    match f.get("type").and_then(Value::as_str) {
        Some("text") => {}
        Some("json_object") => system.push(w::Block::Text {
            text: "Respond with a single valid JSON object and nothing else.".into(),
            cache_control: None,
            citations: None,
        }),
        Some("json_schema") if tools.is_empty() => {
            let js = f.get("json_schema");
            let schema = js.and_then(|j| j.get("schema")).cloned().unwrap_or_else(super::openai::empty_schema);
            let mut description = "Give the answer by calling this tool: its input is the whole answer.".to_owned();
            if let Some(d) = js.and_then(|j| j.get("description")).and_then(Value::as_str) {
                description = format!("{description} {d}");
            }
            tools.push(
                json!({"name": super::STRUCTURED_OUTPUT_TOOL, "description": description, "input_schema": schema}),
            );
            let thinks = thinking.as_ref().is_some_and(|t| t.get("type").and_then(Value::as_str) != Some("disabled"));
            *tool_choice = Some(if thinks {
                json!({"type": "auto"})
            } else {
                json!({"type": "tool", "name": super::STRUCTURED_OUTPUT_TOOL})
            });
        }
        _ => lossy.cannot_carry("response_format")?,
    }
    Ok(())
}

fn budget_for_effort(effort: &str) -> Option<u32> {
    Some(match effort {
        "none" => return None,
        "minimal" => MIN_THINKING_BUDGET,
        "low" => 2048,
        "medium" => 8192,
        "high" => 24576,
        _ => 8192,
    })
}

/// A single plain text block is sent as a string (the common, compact form).
fn compact(blocks: Vec<w::Block>) -> StringOrParts<w::Block> {
    match blocks.as_slice() {
        [w::Block::Text { text, cache_control: None, citations: None }] => StringOrParts::String(text.clone()),
        _ => StringOrParts::Parts(blocks),
    }
}

fn block_to_wire(
    b: &ContentBlock,
    path: &dyn Fn() -> String,
    lossy: &Lossy,
) -> Result<Option<w::Block>, TranslateError> {
    Ok(Some(match b {
        ContentBlock::Text { text, cache_control } => {
            if text.is_empty() {
                return Ok(None);
            }
            w::Block::Text { text: text.clone(), cache_control: cache_control.clone(), citations: None }
        }
        ContentBlock::Image { source, cache_control, .. } => w::Block::Image {
            source: match source {
                ir::ImageSource::Base64 { media_type, data } => {
                    w::ImageSource::Base64 { media_type: media_type.clone(), data: data.clone() }
                }
                ir::ImageSource::Url { url } => {
                    if url.starts_with("data:") {
                        // A data: URL that is not base64 has no Anthropic form.
                        lossy.cannot_carry(format!("{}.image_url.url", path()))?;
                        return Ok(None);
                    }
                    w::ImageSource::Url { url: url.clone() }
                }
            },
            cache_control: cache_control.clone(),
        },
        ContentBlock::ToolUse { id, name, input, cache_control } => w::Block::ToolUse {
            id: tool_id(id),
            name: name.clone(),
            input: tool_input(input),
            cache_control: cache_control.clone(),
        },
        ContentBlock::ToolResult { tool_use_id, content, is_error, cache_control } => {
            let mut inner = Vec::with_capacity(content.len());
            for (k, c) in content.iter().enumerate() {
                if let Some(b) = block_to_wire(c, &|| format!("{}.content[{k}]", path()), lossy)? {
                    inner.push(b);
                }
            }
            w::Block::ToolResult {
                tool_use_id: tool_id(tool_use_id),
                content: (!inner.is_empty()).then(|| compact(inner)),
                is_error: is_error.then_some(true),
                cache_control: cache_control.clone(),
            }
        }
        ContentBlock::Thinking { thinking, signature } => match signature {
            Some(sig) if !sig.is_empty() => w::Block::Thinking { thinking: thinking.clone(), signature: sig.clone() },
            _ => return Ok(None),
        },
        ContentBlock::RedactedThinking { data } => w::Block::RedactedThinking { data: data.clone() },
        ContentBlock::Other { dialect: Dialect::Anthropic, value } => w::Block::Other(value.clone()),
        ContentBlock::Other { .. } => {
            lossy.cannot_carry(path())?;
            return Ok(None);
        }
    }))
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
    let r = match plain_response(body) {
        Some(r) => r,
        None => parse_upstream::<w::MessagesResponse>(body, "message")?,
    };
    if r.kind == "error" {
        return Err(TranslateError::Upstream("the upstream returned an error object".into()));
    }
    Ok(ir::Response {
        id: r.id,
        model: r.model,
        content: r.content.into_iter().map(block_to_ir).collect(),
        stop_reason: r.stop_reason.as_deref().map(stop_reason_from_anthropic),
        stop_sequence: r.stop_sequence,
        usage: usage_from_wire(&r.usage),
        created: None,
    })
}

/// The common response (text, thinking and tool-use blocks) read in one pass; `None` for anything
/// the full decoder must judge.
fn plain_response(body: &[u8]) -> Option<w::MessagesResponse> {
    let r: w::MessagesResponse<w::PlainBlock> = crate::body::from_json(body).ok()?;
    let content = r.content.into_iter().map(w::PlainBlock::into_block).collect::<Option<Vec<_>>>()?;
    Some(w::MessagesResponse {
        id: r.id,
        kind: r.kind,
        role: r.role,
        model: r.model,
        content,
        stop_reason: r.stop_reason,
        stop_sequence: r.stop_sequence,
        usage: r.usage,
    })
}

fn usage_from_wire(u: &w::Usage) -> ir::Usage {
    ir::Usage {
        input_tokens: u.input_tokens.unwrap_or(0),
        output_tokens: u.output_tokens.unwrap_or(0),
        cache_read_tokens: u.cache_read_input_tokens.unwrap_or(0),
        cache_write_tokens: u.cache_creation_input_tokens.unwrap_or(0),
        reasoning_tokens: 0,
    }
}

fn usage_to_wire(u: &ir::Usage) -> w::Usage {
    w::Usage {
        input_tokens: Some(u.input_tokens),
        cache_creation_input_tokens: Some(u.cache_write_tokens),
        cache_read_input_tokens: Some(u.cache_read_tokens),
        output_tokens: Some(u.output_tokens),
    }
}

pub fn encode_response(resp: &ir::Response) -> Vec<u8> {
    let content = resp
        .content
        .iter()
        .filter_map(|b| match b {
            ContentBlock::Text { text, .. } => {
                Some(w::Block::Text { text: text.clone(), cache_control: None, citations: None })
            }
            // Unsigned thinking (from OpenAI upstreams) is still shown; the SDK wants a string.
            ContentBlock::Thinking { thinking, signature } => Some(w::Block::Thinking {
                thinking: thinking.clone(),
                signature: signature.clone().unwrap_or_default(),
            }),
            ContentBlock::RedactedThinking { data } => Some(w::Block::RedactedThinking { data: data.clone() }),
            ContentBlock::ToolUse { id, name, input, .. } => Some(w::Block::ToolUse {
                id: tool_id(id),
                name: name.clone(),
                input: tool_input(input),
                cache_control: None,
            }),
            ContentBlock::Other { dialect: Dialect::Anthropic, value } => Some(w::Block::Other(value.clone())),
            _ => None,
        })
        .collect();
    let out = w::MessagesResponse {
        id: anthropic_id(&resp.id),
        kind: "message".into(),
        role: "assistant".into(),
        model: resp.model.clone(),
        content,
        stop_reason: resp.stop_reason.as_ref().map(|r| stop_reason_to_anthropic(r).to_owned()),
        stop_sequence: resp.stop_sequence.clone(),
        usage: usage_to_wire(&resp.usage),
    };
    to_json(&out)
}

pub(crate) fn encode_error_event(error_type: &str, message: &str, out: &mut Vec<u8>) {
    let error_type = crate::error::anthropic_error_type(error_type);
    let body = w::ErrorEnvelope { kind: "error", error: w::ErrorBody { kind: error_type, message } };
    encode_json_event(Some("error"), &body, out);
}

// ---------------------------------------------------------------------------------------------
// Stream decoder: events -> IR

#[derive(Debug, Default)]
pub struct StreamDecoderImpl {
    usage: ir::Usage,
    done: bool,
}

impl StreamDecoderImpl {
    pub fn new() -> Self {
        Self::default()
    }
}

fn str_field(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

impl StreamDecoderImpl {
    fn message_delta(
        &mut self,
        stop_reason: Option<&str>,
        stop_sequence: Option<String>,
        usage: Option<w::Usage>,
        out: &mut Vec<StreamEvent>,
    ) {
        // message_delta usage is cumulative; fields it omits keep their message_start value.
        if let Some(u) = usage {
            let cur = &mut self.usage;
            cur.input_tokens = u.input_tokens.unwrap_or(cur.input_tokens);
            cur.cache_read_tokens = u.cache_read_input_tokens.unwrap_or(cur.cache_read_tokens);
            cur.cache_write_tokens = u.cache_creation_input_tokens.unwrap_or(cur.cache_write_tokens);
            cur.output_tokens = u.output_tokens.unwrap_or(cur.output_tokens);
        }
        out.push(StreamEvent::MessageDelta {
            stop_reason: stop_reason.map(stop_reason_from_anthropic),
            stop_sequence,
            usage: Some(self.usage),
        });
    }

    /// The frequent events (text, thinking and tool-argument deltas, block stops, the message
    /// delta, pings, the stop) read in one pass, their text borrowed until the IR event owns it. `false` for any other
    /// event, or one not in the expected shape: `push` then reads it whole, as before.
    fn push_fast(&mut self, data: &str, out: &mut Vec<StreamEvent>) -> bool {
        let Ok(head) = serde_json::from_str::<w::StreamEventHead<'_>>(data) else {
            return false;
        };
        match (head.kind.as_ref(), head.index) {
            ("content_block_delta", Some(index)) => {
                let Some(d) = head.delta else { return false };
                let text = |t: Option<std::borrow::Cow<'_, str>>| t.map(|t| t.into_owned()).unwrap_or_default();
                let delta = match d.kind.as_deref() {
                    Some("text_delta") => Delta::Text(text(d.text)),
                    Some("thinking_delta") => Delta::Thinking(text(d.thinking)),
                    Some("signature_delta") => Delta::Signature(text(d.signature)),
                    Some("input_json_delta") => Delta::ToolArgs(text(d.partial_json)),
                    _ => return false,
                };
                out.push(StreamEvent::BlockDelta { index, delta });
            }
            ("content_block_stop", Some(index)) => out.push(StreamEvent::BlockStop { index }),
            ("message_delta", _) => {
                // A missing or null delta: the full decoder's default or error.
                let Some(d) = head.delta else { return false };
                let stop_sequence = d.stop_sequence.map(std::borrow::Cow::into_owned);
                self.message_delta(d.stop_reason.as_deref(), stop_sequence, head.usage, out);
            }
            ("ping", _) => out.push(StreamEvent::Ping),
            ("message_stop", _) => {
                out.push(StreamEvent::MessageStop);
                self.done = true;
            }
            _ => return false,
        }
        true
    }
}

impl StreamDecoder for StreamDecoderImpl {
    fn push(&mut self, ev: &SseEvent, out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done || ev.data.trim().is_empty() {
            return Ok(());
        }
        if self.push_fast(&ev.data, out) {
            return Ok(());
        }
        let e: w::StreamEventIn = serde_json::from_str(&ev.data)
            .map_err(|e| TranslateError::Upstream(format!("invalid stream event: {e}")))?;
        match e {
            w::StreamEventIn::MessageStart { message } => {
                self.usage = usage_from_wire(&message.usage);
                out.push(StreamEvent::MessageStart { id: message.id, model: message.model, usage: self.usage });
            }
            w::StreamEventIn::ContentBlockStart { index, content_block: b } => {
                let (block, first) = match b.get("type").and_then(Value::as_str) {
                    Some("text") => (BlockStart::Text, Some(Delta::Text(str_field(&b, "text")))),
                    Some("thinking") => (BlockStart::Thinking, Some(Delta::Thinking(str_field(&b, "thinking")))),
                    Some("redacted_thinking") => (BlockStart::RedactedThinking { data: str_field(&b, "data") }, None),
                    Some("tool_use") => {
                        let args = match b.get("input") {
                            Some(Value::Object(m)) if !m.is_empty() => {
                                Some(Delta::ToolArgs(Value::Object(m.clone()).to_string()))
                            }
                            _ => None,
                        };
                        (BlockStart::ToolUse { id: str_field(&b, "id"), name: str_field(&b, "name") }, args)
                    }
                    _ => (BlockStart::Other { block: b.clone() }, None),
                };
                out.push(StreamEvent::BlockStart { index, block });
                let sig = match b.get("type").and_then(Value::as_str) {
                    Some("thinking") => Some(str_field(&b, "signature")),
                    _ => None,
                };
                for delta in first.into_iter().chain(sig.map(Delta::Signature)) {
                    let empty = match &delta {
                        Delta::Text(s) | Delta::Thinking(s) | Delta::Signature(s) => s.is_empty(),
                        _ => false,
                    };
                    if !empty {
                        out.push(StreamEvent::BlockDelta { index, delta });
                    }
                }
            }
            w::StreamEventIn::ContentBlockDelta { index, delta: d } => {
                let delta = match d.get("type").and_then(Value::as_str) {
                    Some("text_delta") => Delta::Text(str_field(&d, "text")),
                    Some("thinking_delta") => Delta::Thinking(str_field(&d, "thinking")),
                    Some("signature_delta") => Delta::Signature(str_field(&d, "signature")),
                    Some("input_json_delta") => Delta::ToolArgs(str_field(&d, "partial_json")),
                    _ => Delta::Other(d),
                };
                out.push(StreamEvent::BlockDelta { index, delta });
            }
            w::StreamEventIn::ContentBlockStop { index } => {
                out.push(StreamEvent::BlockStop { index });
            }
            w::StreamEventIn::MessageDelta { delta, usage } => {
                self.message_delta(delta.stop_reason.as_deref(), delta.stop_sequence, usage, out)
            }
            w::StreamEventIn::MessageStop => {
                out.push(StreamEvent::MessageStop);
                self.done = true;
            }
            w::StreamEventIn::Ping => out.push(StreamEvent::Ping),
            w::StreamEventIn::Error { error } => {
                let (error_type, message) = super::openai::error_fields(&error);
                out.push(StreamEvent::Error { error_type, message });
                self.done = true;
            }
            w::StreamEventIn::Unknown => {}
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done { Ok(()) } else { Err(TranslateError::Upstream("stream ended before message_stop".into())) }
    }
}

// ---------------------------------------------------------------------------------------------
// Stream encoder: IR -> events

#[derive(Debug)]
pub struct StreamEncoderImpl {
    fallback_model: String,
    started: bool,
    /// IR block index -> client block index (contiguous from 0 in order of appearance).
    map: HashMap<u32, u32>,
    next: u32,
    open: Option<u32>,
    delta_sent: bool,
    done: bool,
}

impl StreamEncoderImpl {
    pub fn new(model: &str) -> Self {
        StreamEncoderImpl {
            fallback_model: model.to_owned(),
            started: false,
            map: HashMap::new(),
            next: 0,
            open: None,
            delta_sent: false,
            done: false,
        }
    }

    fn emit(&self, name: &str, e: &w::StreamEventOut<'_>, out: &mut Vec<u8>) {
        encode_json_event(Some(name), e, out);
    }

    fn start(&mut self, id: &str, model: &str, usage: &ir::Usage, out: &mut Vec<u8>) {
        if self.started {
            return;
        }
        self.started = true;
        let id = anthropic_id(id);
        let model = if model.is_empty() { self.fallback_model.as_str() } else { model };
        let e = w::StreamEventOut::MessageStart {
            message: w::MessageStartOut {
                id: &id,
                kind: "message",
                role: "assistant",
                model,
                content: [],
                stop_reason: None,
                stop_sequence: None,
                usage: usage_to_wire(usage),
            },
        };
        self.emit("message_start", &e, out);
    }

    fn close(&mut self, out: &mut Vec<u8>) {
        if let Some(index) = self.open.take() {
            self.emit("content_block_stop", &w::StreamEventOut::ContentBlockStop { index }, out);
        }
    }

    fn message_delta(
        &mut self,
        stop_reason: Option<&ir::StopReason>,
        stop_sequence: Option<&str>,
        usage: Option<&ir::Usage>,
        out: &mut Vec<u8>,
    ) {
        self.delta_sent = true;
        let usage = match usage {
            Some(u) => usage_to_wire(u),
            None => w::Usage { output_tokens: Some(0), ..w::Usage::default() },
        };
        let e = w::StreamEventOut::MessageDelta {
            delta: w::MessageDeltaOut { stop_reason: stop_reason.map(stop_reason_to_anthropic), stop_sequence },
            usage,
        };
        self.emit("message_delta", &e, out);
    }
}

impl StreamEncoder for StreamEncoderImpl {
    fn push(&mut self, ev: &StreamEvent, out: &mut Vec<u8>) {
        if self.done {
            return;
        }
        if let StreamEvent::MessageStart { id, model, usage } = ev {
            self.start(id, model, usage, out);
            return;
        }
        if let StreamEvent::Error { error_type, message } = ev {
            encode_error_event(error_type, message, out);
            self.done = true;
            return;
        }
        self.start("", "", &ir::Usage::default(), out);
        match ev {
            StreamEvent::BlockStart { index, block } => {
                self.close(out);
                let out_index = self.next;
                self.next += 1;
                self.map.insert(*index, out_index);
                self.open = Some(out_index);
                let id;
                let content_block = match block {
                    BlockStart::Text => w::BlockStartOut::Text { text: "" },
                    BlockStart::Thinking => w::BlockStartOut::Thinking { thinking: "", signature: "" },
                    BlockStart::RedactedThinking { data } => w::BlockStartOut::RedactedThinking { data },
                    BlockStart::ToolUse { id: raw, name } => {
                        id = tool_id(raw);
                        w::BlockStartOut::ToolUse { id: &id, name, input: Map::new() }
                    }
                    BlockStart::Other { block } => w::BlockStartOut::Other(block),
                };
                let e = w::StreamEventOut::ContentBlockStart { index: out_index, content_block };
                self.emit("content_block_start", &e, out);
            }
            StreamEvent::BlockDelta { index, delta } => {
                let Some(&out_index) = self.map.get(index) else {
                    return;
                };
                let delta = match delta {
                    Delta::Text(text) => w::DeltaOut::TextDelta { text },
                    Delta::Thinking(thinking) => w::DeltaOut::ThinkingDelta { thinking },
                    Delta::Signature(signature) => w::DeltaOut::SignatureDelta { signature },
                    Delta::ToolArgs(partial_json) => w::DeltaOut::InputJsonDelta { partial_json },
                    Delta::Other(v) => w::DeltaOut::Other(v),
                };
                let e = w::StreamEventOut::ContentBlockDelta { index: out_index, delta };
                self.emit("content_block_delta", &e, out);
            }
            StreamEvent::BlockStop { index } => {
                if self.open.is_some() && self.open == self.map.get(index).copied() {
                    self.close(out);
                }
            }
            StreamEvent::MessageDelta { stop_reason, stop_sequence, usage } => {
                self.close(out);
                self.message_delta(stop_reason.as_ref(), stop_sequence.as_deref(), usage.as_ref(), out);
            }
            StreamEvent::MessageStop => {
                self.close(out);
                if !self.delta_sent {
                    self.message_delta(None, None, None, out);
                }
                self.emit("message_stop", &w::StreamEventOut::MessageStop, out);
                self.done = true;
            }
            StreamEvent::Ping => self.emit("ping", &w::StreamEventOut::Ping, out),
            StreamEvent::MessageStart { .. } | StreamEvent::Error { .. } => {}
        }
    }
}
