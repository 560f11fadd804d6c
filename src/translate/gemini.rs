//! Gemini `generateContent` <-> IR: the request decoder and encoder, the response decoder and
//! encoder, and the stateful stream decoder (whole `GenerateContentResponse` chunks -> IR events)
//! and encoder (IR events -> chunks as SSE `data:` lines; the inbound route turns them into the
//! JSON-array stream for clients that did not ask for `alt=sse`).
//!
//! Mapping decisions:
//! - `systemInstruction` text parts -> `system`; mid-conversation `System` messages are hoisted
//!   into `systemInstruction` (Gemini has no system turn).
//! - roles: `user` (and the old `function`) -> user, `model` -> assistant.
//! - `thought: true` text parts are thinking; a `thoughtSignature` on a thought part is its
//!   signature. A signature on a `functionCall` (or plain text) part becomes an empty thinking
//!   block carrying it, placed before that part, so a client of another dialect hands it back and
//!   the encoder puts it on the next part again.
//! - `functionCall` ids: Gemini's own when given, else `call_<turn>_<part>` in requests and a
//!   random `call_…` in answers; a `functionResponse` without an id pairs with the oldest
//!   unanswered call of its name. Going out, a tool result's function name is looked up from the
//!   call it answers. `functionResponse.response` `{"output": s}` is the text `s`,
//!   `{"error": s}` an error result, any other object its JSON text (and back: `{"output": …}` /
//!   `{"error": …}`).
//! - function declarations: `parameters` (Gemini's OpenAPI subset, uppercase types, `nullable`)
//!   become JSON Schema and back; `parametersJsonSchema` is JSON Schema already. Going out,
//!   annotation keywords (`$schema`, `additionalProperties`, `examples`, …) are dropped and noted;
//!   keywords the subset cannot express (`$ref`, `allOf`, `not`, `const` of a non-string, …) are
//!   `Unsupported` unless `drop_unsupported`. Non-function tools (`googleSearch`,
//!   `codeExecution`, …) and `safetySettings`, `cachedContent` and unknown `generationConfig`
//!   fields only reach a Gemini upstream.
//! - `toolConfig.functionCallingConfig`: AUTO / ANY / NONE; ANY with one allowed name is a forced
//!   tool.
//! - `generationConfig`: temperature, topP, topK, maxOutputTokens, stopSequences, candidateCount
//!   (`n`), penalties, seed; `responseMimeType: application/json` with `responseSchema` /
//!   `responseJsonSchema` is the chat `response_format` (json_schema; json_object without a
//!   schema); `thinkingConfig.thinkingBudget` 0 = thinking off, -1 = adaptive, n = a budget;
//!   `thinkingLevel` = an effort. Effort going out becomes a budget (minimal 0, low 1024,
//!   medium 8192, high 24576).
//! - finish reasons: STOP (a tool-call turn too) / MAX_TOKENS / SAFETY and the other filters.
//! - usage: `promptTokenCount` includes `cachedContentTokenCount`; output = candidates + thoughts.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{
    ADVISORY_FIELDS, EncodeOptions, Lossy, STRUCTURED_OUTPUT_TOOL, StreamDecoder, StreamEncoder, TranslateError,
    encode_event, parse_client, parse_upstream, random_token,
};
use crate::dialect::Dialect;
use crate::ir::{self, BlockStart, ContentBlock, Delta, Reasoning, Role, StopReason, StreamEvent};
use crate::translate::sse::SseEvent;
use crate::wire::gemini as w;

/// Prefix of the extra-map keys that hold unknown `generationConfig` / `toolConfig` fields: they
/// are carried back into their object by the Gemini encoder and name their path elsewhere.
const GEN_PREFIX: &str = "generationConfig.";
const TOOL_CONFIG_PREFIX: &str = "toolConfig.";

// ---------------------------------------------------------------------------------------------
// Requests

pub fn decode_request(body: &[u8]) -> Result<ir::Request, TranslateError> {
    let r: w::Request = parse_client(body)?;
    let model = r.model.strip_prefix("models/").unwrap_or(&r.model).to_owned();
    let mut req = ir::Request { model, stream: r.stream.unwrap_or(false), ..ir::Request::default() };
    req.stream_include_usage = true;
    if let Some(si) = r.system_instruction {
        for (j, p) in si.parts.into_iter().enumerate() {
            match p.text {
                Some(t) if p.thought != Some(true) => {
                    if !t.is_empty() {
                        req.system.push(ContentBlock::text(t));
                    }
                }
                _ => {
                    return Err(TranslateError::invalid(
                        format!("systemInstruction.parts[{j}]"),
                        "only text parts are allowed in the system instruction",
                    ));
                }
            }
        }
    }
    let mut open_calls: Vec<(String, String)> = Vec::new();
    for (i, c) in r.contents.into_iter().enumerate() {
        let role = match c.role.as_deref() {
            None | Some("user" | "function" | "tool") => Role::User,
            Some("model" | "assistant") => Role::Assistant,
            Some(other) => {
                return Err(TranslateError::invalid(
                    format!("contents[{i}].role"),
                    format!("unknown role '{other}' (expected 'user' or 'model')"),
                ));
            }
        };
        let mut content = Vec::with_capacity(c.parts.len());
        for (j, p) in c.parts.into_iter().enumerate() {
            decode_part(p, role, (i, j), &mut open_calls, &mut content)?;
        }
        req.messages.push(ir::Message { role, content, name: None });
    }
    for (i, t) in r.tools.unwrap_or_default().into_iter().enumerate() {
        decode_tool(t, i, &mut req.tools)?;
    }
    if let Some(tc) = r.tool_config {
        if let Some(fc) = tc.function_calling_config {
            let allowed = fc.allowed_function_names.unwrap_or_default();
            req.tool_choice = match fc.mode.as_deref().map(str::to_ascii_uppercase).as_deref() {
                None | Some("AUTO" | "MODE_UNSPECIFIED") => Some(ir::ToolChoice::Auto),
                Some("ANY") if allowed.len() == 1 => Some(ir::ToolChoice::Tool { name: allowed[0].clone() }),
                Some("ANY") => Some(ir::ToolChoice::Any),
                Some("NONE") => Some(ir::ToolChoice::None),
                Some(_) => Some(ir::ToolChoice::Other {
                    dialect: Dialect::Gemini,
                    value: json!({"mode": fc.mode, "allowedFunctionNames": allowed}),
                }),
            };
        }
        for (k, v) in tc.extra {
            req.extra.insert(format!("{TOOL_CONFIG_PREFIX}{k}"), v);
        }
    }
    if let Some(g) = r.generation_config {
        decode_generation_config(g, &mut req)?;
    }
    if let Some(s) = r.safety_settings.filter(|s| !s.is_null()) {
        req.extra.insert("safetySettings".into(), s);
    }
    for (k, v) in r.extra {
        if !v.is_null() {
            req.extra.insert(k, v);
        }
    }
    req.extra_dialect = Some(Dialect::Gemini);
    Ok(req)
}

fn decode_part(
    p: w::Part,
    role: Role,
    (i, j): (usize, usize),
    open_calls: &mut Vec<(String, String)>,
    out: &mut Vec<ContentBlock>,
) -> Result<(), TranslateError> {
    let path = format!("contents[{i}].parts[{j}]");
    let signature = p.thought_signature.filter(|s| !s.is_empty());
    if let Some(fc) = p.function_call {
        if fc.name.is_empty() {
            return Err(TranslateError::invalid(format!("{path}.functionCall.name"), "is required"));
        }
        if let Some(sig) = signature {
            out.push(ContentBlock::Thinking { thinking: String::new(), signature: Some(sig) });
        }
        let id = fc.id.filter(|id| !id.is_empty()).unwrap_or_else(|| format!("call_{i}_{j}"));
        open_calls.push((id.clone(), fc.name.clone()));
        let input = match fc.args {
            None | Some(Value::Null) => Value::Object(Map::new()),
            Some(v) => v,
        };
        out.push(ContentBlock::ToolUse { id, name: fc.name, input, cache_control: None });
        return Ok(());
    }
    if let Some(fr) = p.function_response {
        let id = match fr.id.filter(|id| !id.is_empty()) {
            Some(id) => {
                open_calls.retain(|(c, _)| *c != id);
                id
            }
            None => match open_calls.iter().position(|(_, n)| *n == fr.name) {
                Some(k) => open_calls.remove(k).0,
                None => format!("call_{}", fr.name),
            },
        };
        let (text, is_error) = function_response_text(&fr.response);
        out.push(ContentBlock::ToolResult {
            tool_use_id: id,
            content: vec![ContentBlock::text(text)],
            is_error,
            cache_control: None,
        });
        return Ok(());
    }
    if let Some(text) = p.text {
        if p.thought == Some(true) {
            if role == Role::Assistant {
                out.push(ContentBlock::Thinking { thinking: text, signature });
            }
            return Ok(());
        }
        if let (Some(sig), Role::Assistant) = (signature, role) {
            out.push(ContentBlock::Thinking { thinking: String::new(), signature: Some(sig) });
        }
        out.push(ContentBlock::text(text));
        return Ok(());
    }
    if let Some(blob) = p.inline_data {
        if blob.mime_type.starts_with("image/") {
            out.push(ContentBlock::Image {
                source: ir::ImageSource::Base64 { media_type: blob.mime_type, data: blob.data },
                detail: None,
                cache_control: None,
            });
        } else {
            out.push(ContentBlock::Other { dialect: Dialect::Gemini, value: json!({"inlineData": blob}) });
        }
        return Ok(());
    }
    if let Some(file) = p.file_data {
        if file.mime_type.as_deref().is_none_or(|m| m.starts_with("image/")) {
            out.push(ContentBlock::Image {
                source: ir::ImageSource::Url { url: file.file_uri },
                detail: None,
                cache_control: None,
            });
        } else {
            out.push(ContentBlock::Other { dialect: Dialect::Gemini, value: json!({"fileData": file}) });
        }
        return Ok(());
    }
    if !p.extra.is_empty() {
        out.push(ContentBlock::Other { dialect: Dialect::Gemini, value: Value::Object(p.extra) });
    }
    Ok(())
}

/// A `functionResponse.response` as tool-result text, and whether it reports an error.
fn function_response_text(response: &Value) -> (String, bool) {
    if let Some(obj) = response.as_object() {
        if obj.len() == 1 {
            for (key, is_error) in [("output", false), ("result", false), ("content", false), ("error", true)] {
                match obj.get(key) {
                    Some(Value::String(s)) => return (s.clone(), is_error),
                    Some(v) if is_error => return (v.to_string(), true),
                    _ => {}
                }
            }
        }
    }
    match response {
        Value::String(s) => (s.clone(), false),
        Value::Null => (String::new(), false),
        v => (v.to_string(), false),
    }
}

fn decode_tool(t: Value, i: usize, out: &mut Vec<ir::Tool>) -> Result<(), TranslateError> {
    let Value::Object(obj) = t else {
        return Err(TranslateError::invalid(format!("tools[{i}]"), "must be an object"));
    };
    for (key, v) in obj {
        if key != "functionDeclarations" && key != "function_declarations" {
            out.push(ir::Tool::Other { dialect: Dialect::Gemini, value: json!({ key: v }) });
            continue;
        }
        let Value::Array(decls) = v else {
            return Err(TranslateError::invalid(format!("tools[{i}].functionDeclarations"), "must be an array"));
        };
        for (j, d) in decls.into_iter().enumerate() {
            let path = format!("tools[{i}].functionDeclarations[{j}]");
            let name = d.get("name").and_then(Value::as_str).filter(|n| !n.is_empty());
            let Some(name) = name else {
                return Err(TranslateError::invalid(format!("{path}.name"), "is required"));
            };
            let schema = match (
                d.get("parametersJsonSchema").or_else(|| d.get("parameters_json_schema")),
                d.get("parameters"),
            ) {
                (Some(s), _) if !s.is_null() => s.clone(),
                (_, Some(s)) if !s.is_null() => schema_from_gemini(s),
                _ => json!({"type": "object", "properties": {}}),
            };
            out.push(ir::Tool::Function {
                name: name.to_owned(),
                description: d.get("description").and_then(Value::as_str).map(str::to_owned),
                input_schema: schema,
                strict: None,
                cache_control: None,
            });
        }
    }
    Ok(())
}

fn decode_generation_config(g: w::GenerationConfig, req: &mut ir::Request) -> Result<(), TranslateError> {
    req.temperature = g.temperature;
    req.top_p = g.top_p;
    req.top_k = match g.top_k {
        Some(k) if k.is_finite() && k >= 0.0 && k <= f64::from(u32::MAX) => Some(k.round() as u32),
        Some(_) => return Err(TranslateError::invalid("generationConfig.topK", "must be a non-negative number")),
        None => None,
    };
    req.max_tokens = g.max_output_tokens;
    req.stop = g.stop_sequences.unwrap_or_default();
    req.openai.n = g.candidate_count;
    req.openai.presence_penalty = g.presence_penalty;
    req.openai.frequency_penalty = g.frequency_penalty;
    req.openai.seed = g.seed;
    let json_out = g.response_mime_type.as_deref() == Some("application/json");
    let schema = match (g.response_json_schema, g.response_schema) {
        (Some(s), _) if !s.is_null() => Some(s),
        (_, Some(s)) if !s.is_null() => Some(schema_from_gemini(&s)),
        _ => None,
    };
    req.openai.response_format = match (json_out, schema) {
        (_, Some(schema)) => {
            Some(json!({"type": "json_schema", "json_schema": {"name": "response", "schema": schema}}))
        }
        (true, None) => Some(json!({"type": "json_object"})),
        (false, None) => None,
    };
    if let Some(mime) = g.response_mime_type.filter(|m| m != "application/json" && m != "text/plain") {
        req.extra.insert(format!("{GEN_PREFIX}responseMimeType"), Value::String(mime));
    }
    if let Some(t) = g.thinking_config {
        req.reasoning = match (t.thinking_budget, t.thinking_level) {
            (Some(0), _) => Some(Reasoning::Disabled),
            (Some(n), _) if n < 0 => Some(Reasoning::Adaptive { display: None }),
            (Some(n), _) => Some(Reasoning::Budget(u32::try_from(n).unwrap_or(u32::MAX))),
            (None, Some(level)) => Some(Reasoning::Effort(level.to_ascii_lowercase())),
            (None, None) => None,
        };
        if t.include_thoughts == Some(false) && req.reasoning.is_none() {
            req.ignored.push("generationConfig.thinkingConfig.includeThoughts".into());
        }
    }
    for (k, v) in g.extra {
        if !v.is_null() {
            req.extra.insert(format!("{GEN_PREFIX}{k}"), v);
        }
    }
    Ok(())
}

pub fn encode_request(req: &ir::Request, opts: &EncodeOptions<'_>) -> Result<Vec<u8>, TranslateError> {
    encode_request_with(req, opts, &Lossy::new(opts, Dialect::Gemini))
}

pub(crate) fn encode_request_with(
    req: &ir::Request,
    opts: &EncodeOptions<'_>,
    lossy: &Lossy,
) -> Result<Vec<u8>, TranslateError> {
    let same = req.extra_dialect == Some(Dialect::Gemini);
    let mut body = Map::new();
    let model = opts.model.unwrap_or(&req.model);
    body.insert("model".into(), json!(model.strip_prefix("models/").unwrap_or(model)));
    if req.stream {
        body.insert("stream".into(), json!(true));
    }
    let mut system: Vec<Value> = Vec::new();
    let mut push_system = |blocks: &[ContentBlock], path: &str| -> Result<(), TranslateError> {
        for (j, b) in blocks.iter().enumerate() {
            match b {
                ContentBlock::Text { text, .. } if !text.is_empty() => system.push(json!({"text": text})),
                ContentBlock::Text { .. } => {}
                _ => lossy.cannot_carry(format!("{path}[{j}]"))?,
            }
        }
        Ok(())
    };
    push_system(&req.system, "system")?;
    // Tool ids -> function names, for the results that answer them.
    let names: HashMap<&str, &str> = req
        .messages
        .iter()
        .flat_map(|m| &m.content)
        .filter_map(|b| match b {
            ContentBlock::ToolUse { id, name, .. } => Some((id.as_str(), name.as_str())),
            _ => None,
        })
        .collect();
    let mut contents = Vec::with_capacity(req.messages.len());
    for (i, m) in req.messages.iter().enumerate() {
        let path = format!("messages[{i}]");
        let role = match m.role {
            Role::System => {
                push_system(&m.content, &format!("{path}.content"))?;
                continue;
            }
            Role::User => "user",
            Role::Assistant => "model",
        };
        let parts = encode_parts(&m.content, m.role, &names, &path, lossy)?;
        if !parts.is_empty() {
            contents.push(json!({"role": role, "parts": parts}));
        }
    }
    body.insert("contents".into(), Value::Array(contents));
    if !system.is_empty() {
        body.insert("systemInstruction".into(), json!({"parts": system}));
    }
    let mut decls = Vec::new();
    let mut tools = Vec::new();
    for (i, t) in req.tools.iter().enumerate() {
        match t {
            ir::Tool::Function { name, description, input_schema, .. } => {
                let mut d = Map::new();
                d.insert("name".into(), json!(name));
                if let Some(desc) = description {
                    d.insert("description".into(), json!(desc));
                }
                let params = schema_to_gemini(input_schema, &format!("tools[{i}].input_schema"), lossy)?;
                // Gemini refuses an OBJECT without properties: a function without parameters
                // is declared without `parameters`.
                let no_properties = params.get("properties").and_then(Value::as_object).is_none_or(Map::is_empty);
                if !(no_properties && params.get("type").and_then(Value::as_str) == Some("OBJECT")) {
                    d.insert("parameters".into(), params);
                }
                decls.push(Value::Object(d));
            }
            ir::Tool::Other { dialect: Dialect::Gemini, value } => tools.push(value.clone()),
            ir::Tool::Other { .. } => lossy.cannot_carry(format!("tools[{i}]"))?,
        }
    }
    if !decls.is_empty() {
        tools.insert(0, json!({"functionDeclarations": decls}));
    }
    if !tools.is_empty() {
        body.insert("tools".into(), Value::Array(tools));
    }
    let mut tool_config = Map::new();
    match &req.tool_choice {
        None => {}
        Some(ir::ToolChoice::Auto) => {
            tool_config.insert("functionCallingConfig".into(), json!({"mode": "AUTO"}));
        }
        Some(ir::ToolChoice::Any) => {
            tool_config.insert("functionCallingConfig".into(), json!({"mode": "ANY"}));
        }
        Some(ir::ToolChoice::None) => {
            tool_config.insert("functionCallingConfig".into(), json!({"mode": "NONE"}));
        }
        Some(ir::ToolChoice::Tool { name }) => {
            tool_config.insert("functionCallingConfig".into(), json!({"mode": "ANY", "allowedFunctionNames": [name]}));
        }
        Some(ir::ToolChoice::Other { dialect: Dialect::Gemini, value }) => {
            tool_config.insert("functionCallingConfig".into(), value.clone());
        }
        Some(ir::ToolChoice::Other { .. }) => lossy.cannot_carry("tool_choice")?,
    }
    if req.parallel_tool_calls == Some(false) {
        lossy.note("parallel_tool_calls");
    }
    let mut config = Map::new();
    if let Some(t) = req.temperature {
        config.insert("temperature".into(), json!(t));
    }
    if let Some(p) = req.top_p {
        config.insert("topP".into(), json!(p));
    }
    if let Some(k) = req.top_k {
        config.insert("topK".into(), json!(k));
    }
    if let Some(n) = req.max_tokens {
        config.insert("maxOutputTokens".into(), json!(n));
    }
    if !req.stop.is_empty() {
        config.insert("stopSequences".into(), json!(req.stop));
    }
    let o = &req.openai;
    if let Some(n) = o.n.filter(|n| *n != 1) {
        config.insert("candidateCount".into(), json!(n));
    }
    if let Some(p) = o.presence_penalty {
        config.insert("presencePenalty".into(), json!(p));
    }
    if let Some(p) = o.frequency_penalty {
        config.insert("frequencyPenalty".into(), json!(p));
    }
    if let Some(s) = o.seed {
        config.insert("seed".into(), json!(s));
    }
    if o.logprobs == Some(true) {
        lossy.cannot_carry("logprobs")?;
    }
    if o.logit_bias.as_ref().is_some_and(|b| b.as_object().is_none_or(|m| !m.is_empty())) {
        lossy.cannot_carry("logit_bias")?;
    }
    if let Some(rf) = &o.response_format {
        match rf.get("type").and_then(Value::as_str) {
            Some("json_schema") => {
                config.insert("responseMimeType".into(), json!("application/json"));
                if let Some(schema) = rf.get("json_schema").and_then(|j| j.get("schema")) {
                    let s = schema_to_gemini(schema, "response_format.json_schema.schema", lossy)?;
                    config.insert("responseSchema".into(), s);
                }
            }
            Some("json_object") => {
                config.insert("responseMimeType".into(), json!("application/json"));
            }
            Some("text") | None => {}
            Some(_) => lossy.cannot_carry("response_format")?,
        }
    }
    let thinking = match &req.reasoning {
        None => req
            .effort
            .as_deref()
            .and_then(budget_for_effort)
            .map(|b| json!({"thinkingBudget": b, "includeThoughts": b != 0})),
        Some(Reasoning::Disabled) => Some(json!({"thinkingBudget": 0})),
        Some(Reasoning::Budget(n)) => Some(json!({"thinkingBudget": n, "includeThoughts": true})),
        Some(Reasoning::Effort(e)) => match budget_for_effort(e) {
            Some(b) => Some(json!({"thinkingBudget": b, "includeThoughts": b != 0})),
            None => Some(json!({"thinkingLevel": e, "includeThoughts": true})),
        },
        Some(Reasoning::Adaptive { .. }) => Some(json!({"thinkingBudget": -1, "includeThoughts": true})),
        Some(Reasoning::Raw(_)) => {
            lossy.cannot_carry("thinking")?;
            None
        }
    };
    if let Some(t) = thinking {
        config.insert("thinkingConfig".into(), t);
    }
    if req.user.is_some() {
        lossy.note("user");
    }
    for (k, v) in &req.extra {
        if same {
            if let Some(field) = k.strip_prefix(GEN_PREFIX) {
                config.insert(field.to_owned(), v.clone());
            } else if let Some(field) = k.strip_prefix(TOOL_CONFIG_PREFIX) {
                tool_config.insert(field.to_owned(), v.clone());
            } else {
                body.insert(k.clone(), v.clone());
            }
        } else if ADVISORY_FIELDS.contains(&k.as_str()) {
            lossy.note(k.clone());
        } else {
            lossy.cannot_carry(k.clone())?;
        }
    }
    if !tool_config.is_empty() {
        body.insert("toolConfig".into(), Value::Object(tool_config));
    }
    if !config.is_empty() {
        body.insert("generationConfig".into(), Value::Object(config));
    }
    Ok(serde_json::to_vec(&Value::Object(body)).unwrap_or_default())
}

/// A reasoning effort as a Gemini thinking budget (`None`: not an effort we know).
fn budget_for_effort(effort: &str) -> Option<i64> {
    match effort {
        "none" | "minimal" => Some(0),
        "low" => Some(1024),
        "medium" => Some(8192),
        "high" | "xhigh" | "max" => Some(24576),
        _ => None,
    }
}

fn encode_parts(
    blocks: &[ContentBlock],
    role: Role,
    names: &HashMap<&str, &str>,
    path: &str,
    lossy: &Lossy,
) -> Result<Vec<Value>, TranslateError> {
    let mut parts = Vec::with_capacity(blocks.len());
    // A signature waiting for the part it belongs to (an empty thinking block carried it).
    let mut pending_sig: Option<&str> = None;
    for (j, b) in blocks.iter().enumerate() {
        let mut part = match b {
            ContentBlock::Text { text, .. } => json!({"text": text}),
            ContentBlock::Image { source: ir::ImageSource::Base64 { media_type, data }, .. } => {
                json!({"inlineData": {"mimeType": media_type, "data": data}})
            }
            ContentBlock::Image { source: ir::ImageSource::Url { url }, .. } => {
                json!({"fileData": {"mimeType": image_mime_for(url), "fileUri": url}})
            }
            ContentBlock::ToolUse { id, name, input, .. } => {
                let args = if input.is_object() { input.clone() } else { json!({}) };
                json!({"functionCall": {"id": id, "name": name, "args": args}})
            }
            ContentBlock::ToolResult { tool_use_id, content, is_error, .. } => {
                let mut text = String::new();
                for (k, c) in content.iter().enumerate() {
                    match c {
                        ContentBlock::Text { text: t, .. } => text.push_str(t),
                        _ => lossy.cannot_carry(format!("{path}.content[{j}].content[{k}]"))?,
                    }
                }
                let Some(name) = names.get(tool_use_id.as_str()) else {
                    lossy.cannot_carry(format!("{path}.content[{j}]"))?;
                    continue;
                };
                let response = if *is_error { json!({"error": text}) } else { json!({"output": text}) };
                json!({"functionResponse": {"id": tool_use_id, "name": name, "response": response}})
            }
            ContentBlock::Thinking { thinking, signature } => {
                if role != Role::Assistant {
                    continue;
                }
                if thinking.is_empty() {
                    pending_sig = signature.as_deref().or(pending_sig);
                    continue;
                }
                let mut p = json!({"text": thinking, "thought": true});
                if let Some(sig) = signature {
                    p["thoughtSignature"] = json!(sig);
                }
                parts.push(p);
                continue;
            }
            // Another vendor's encrypted reasoning means nothing to Gemini.
            ContentBlock::RedactedThinking { .. } => continue,
            ContentBlock::Other { dialect: Dialect::Gemini, value } => value.clone(),
            ContentBlock::Other { .. } => {
                lossy.cannot_carry(format!("{path}.content[{j}]"))?;
                continue;
            }
        };
        if let Some(sig) = pending_sig.take() {
            part["thoughtSignature"] = json!(sig);
        }
        parts.push(part);
    }
    Ok(parts)
}

/// The image type a URL most likely has (Gemini's `fileData` wants one).
fn image_mime_for(url: &str) -> &'static str {
    let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
    if path.ends_with(".png") {
        "image/png"
    } else if path.ends_with(".webp") {
        "image/webp"
    } else if path.ends_with(".gif") {
        "image/gif"
    } else if path.ends_with(".heic") {
        "image/heic"
    } else {
        "image/jpeg"
    }
}

// ---------------------------------------------------------------------------------------------
// Schemas

/// Keywords of Gemini's schema subset (besides `type`, written uppercase).
const SCHEMA_KEYWORDS: &[&str] = &[
    "format",
    "title",
    "description",
    "nullable",
    "enum",
    "maxItems",
    "minItems",
    "properties",
    "required",
    "minProperties",
    "maxProperties",
    "minLength",
    "maxLength",
    "pattern",
    "example",
    "anyOf",
    "propertyOrdering",
    "default",
    "items",
    "minimum",
    "maximum",
];

/// JSON Schema keywords that only annotate: dropped (and noted) going to Gemini.
const SCHEMA_ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "additionalProperties",
    "examples",
    "readOnly",
    "writeOnly",
    "deprecated",
    "contentMediaType",
    "contentEncoding",
    "strict",
];

/// JSON Schema -> Gemini's OpenAPI subset.
pub(crate) fn schema_to_gemini(schema: &Value, path: &str, lossy: &Lossy) -> Result<Value, TranslateError> {
    let Value::Object(obj) = schema else {
        // `true` (anything) has no carrier; an empty object schema is the nearest.
        return Ok(json!({}));
    };
    let mut out = Map::new();
    for (k, v) in obj {
        let here = format!("{path}.{k}");
        match k.as_str() {
            "type" => match v {
                Value::String(t) => {
                    if t == "null" {
                        out.insert("nullable".into(), json!(true));
                    } else {
                        out.insert("type".into(), json!(t.to_ascii_uppercase()));
                    }
                }
                Value::Array(ts) => {
                    let non_null: Vec<&str> = ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect();
                    if non_null.len() < ts.len() {
                        out.insert("nullable".into(), json!(true));
                    }
                    match non_null.as_slice() {
                        [] => {}
                        [one] => {
                            out.insert("type".into(), json!(one.to_ascii_uppercase()));
                        }
                        many => {
                            let any: Vec<Value> =
                                many.iter().map(|t| json!({"type": t.to_ascii_uppercase()})).collect();
                            out.insert("anyOf".into(), Value::Array(any));
                        }
                    }
                }
                _ => lossy.cannot_carry(here)?,
            },
            "properties" => {
                let mut props = Map::new();
                if let Some(p) = v.as_object() {
                    for (name, s) in p {
                        props.insert(name.clone(), schema_to_gemini(s, &format!("{here}.{name}"), lossy)?);
                    }
                }
                out.insert(k.clone(), Value::Object(props));
            }
            "items" => {
                out.insert(k.clone(), schema_to_gemini(v, &here, lossy)?);
            }
            "anyOf" | "oneOf" => {
                let mut any = Vec::new();
                for (i, s) in v.as_array().into_iter().flatten().enumerate() {
                    any.push(schema_to_gemini(s, &format!("{here}[{i}]"), lossy)?);
                }
                out.insert("anyOf".into(), Value::Array(any));
            }
            "const" => match v {
                Value::String(_) => {
                    out.insert("enum".into(), json!([v]));
                }
                _ => lossy.cannot_carry(here)?,
            },
            "exclusiveMinimum" | "exclusiveMaximum" if v.is_number() => {
                // The inclusive bound is the nearest the subset has.
                let key = if k == "exclusiveMinimum" { "minimum" } else { "maximum" };
                out.insert(key.into(), v.clone());
                lossy.note(here);
            }
            "enum" => {
                let strings: Vec<Value> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| json!(e.as_str().map_or_else(|| e.to_string(), str::to_owned)))
                    .collect();
                if v.as_array().is_some_and(|a| a.iter().any(|e| !e.is_string())) {
                    lossy.note(here);
                }
                out.insert(k.clone(), Value::Array(strings));
            }
            k if SCHEMA_KEYWORDS.contains(&k) => {
                out.insert(k.to_owned(), v.clone());
            }
            k if SCHEMA_ANNOTATIONS.contains(&k) => lossy.note(here),
            _ => lossy.cannot_carry(here)?,
        }
    }
    // Gemini's enum needs a string type.
    if out.contains_key("enum") && !out.contains_key("type") {
        out.insert("type".into(), json!("STRING"));
    }
    Ok(Value::Object(out))
}

/// Gemini's OpenAPI subset -> JSON Schema: lowercase types, `nullable` as a `null` type,
/// `propertyOrdering` left out.
pub(crate) fn schema_from_gemini(schema: &Value) -> Value {
    let Value::Object(obj) = schema else { return schema.clone() };
    let mut out = Map::new();
    let nullable = obj.get("nullable").and_then(Value::as_bool) == Some(true);
    for (k, v) in obj {
        match k.as_str() {
            "type" => {
                let t = v.as_str().map(str::to_ascii_lowercase);
                match (t, nullable) {
                    (Some(t), true) if t != "type_unspecified" => {
                        out.insert("type".into(), json!([t, "null"]));
                    }
                    (Some(t), false) if t != "type_unspecified" => {
                        out.insert("type".into(), json!(t));
                    }
                    _ => {}
                }
            }
            "nullable" | "propertyOrdering" => {}
            "properties" => {
                let props: Map<String, Value> = v
                    .as_object()
                    .map(|p| p.iter().map(|(n, s)| (n.clone(), schema_from_gemini(s))).collect())
                    .unwrap_or_default();
                out.insert(k.clone(), Value::Object(props));
            }
            "items" => {
                out.insert(k.clone(), schema_from_gemini(v));
            }
            "anyOf" => {
                let any: Vec<Value> = v.as_array().into_iter().flatten().map(schema_from_gemini).collect();
                out.insert(k.clone(), Value::Array(any));
            }
            _ => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    Value::Object(out)
}

// ---------------------------------------------------------------------------------------------
// Responses (plain)

pub(crate) fn finish_reason_to_gemini(r: Option<&StopReason>) -> &str {
    use StopReason::*;
    match r {
        None | Some(EndTurn | StopSequence | ToolUse | PauseTurn) => "STOP",
        Some(MaxTokens) => "MAX_TOKENS",
        Some(Refusal | ContentFilter) => "SAFETY",
        Some(Other(s)) => match s.as_str() {
            "RECITATION"
            | "LANGUAGE"
            | "BLOCKLIST"
            | "PROHIBITED_CONTENT"
            | "SPII"
            | "MALFORMED_FUNCTION_CALL"
            | "IMAGE_SAFETY"
            | "UNEXPECTED_TOOL_CALL"
            | "OTHER" => s,
            _ => "STOP",
        },
    }
}

pub(crate) fn finish_reason_from_gemini(s: &str, calls: bool) -> StopReason {
    match s {
        "STOP" | "FINISH_REASON_UNSPECIFIED" if calls => StopReason::ToolUse,
        "STOP" | "FINISH_REASON_UNSPECIFIED" => StopReason::EndTurn,
        "MAX_TOKENS" => StopReason::MaxTokens,
        "SAFETY" | "RECITATION" | "BLOCKLIST" | "PROHIBITED_CONTENT" | "SPII" | "IMAGE_SAFETY" => {
            StopReason::ContentFilter
        }
        other => StopReason::Other(other.to_owned()),
    }
}

pub(crate) fn usage_from_wire(u: &w::Usage) -> ir::Usage {
    let cached = u.cached_content_token_count.min(u.prompt_token_count);
    ir::Usage {
        input_tokens: u.prompt_token_count - cached,
        output_tokens: u.candidates_token_count.saturating_add(u.thoughts_token_count),
        cache_read_tokens: cached,
        cache_write_tokens: 0,
        reasoning_tokens: u.thoughts_token_count,
    }
}

pub(crate) fn usage_to_wire(u: &ir::Usage) -> w::Usage {
    let prompt = u.prompt_tokens();
    let thoughts = u.reasoning_tokens.min(u.output_tokens);
    w::Usage {
        prompt_token_count: prompt,
        candidates_token_count: u.output_tokens - thoughts,
        total_token_count: prompt.saturating_add(u.output_tokens),
        cached_content_token_count: u.cache_read_tokens,
        thoughts_token_count: thoughts,
    }
}

/// One answer part in Gemini's shape (`None`: nothing to show).
fn part_out(b: &ContentBlock) -> Option<Value> {
    Some(match b {
        ContentBlock::Text { text, .. } => json!({"text": text}),
        ContentBlock::Thinking { thinking, signature } => {
            let mut p = json!({"text": thinking, "thought": true});
            if let Some(sig) = signature {
                p["thoughtSignature"] = json!(sig);
            }
            p
        }
        ContentBlock::ToolUse { name, input, .. } if name == STRUCTURED_OUTPUT_TOOL => {
            json!({"text": arguments_string(input)})
        }
        ContentBlock::ToolUse { id, name, input, .. } => {
            let args = if input.is_object() { input.clone() } else { json!({}) };
            json!({"functionCall": {"id": id, "name": name, "args": args}})
        }
        ContentBlock::Image { source: ir::ImageSource::Base64 { media_type, data }, .. } => {
            json!({"inlineData": {"mimeType": media_type, "data": data}})
        }
        ContentBlock::Other { dialect: Dialect::Gemini, value } => value.clone(),
        _ => return None,
    })
}

fn arguments_string(input: &Value) -> String {
    match input {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// Answer parts; an empty thinking block's signature rides on the part after it (where Gemini puts
/// the signature of a function call).
fn parts_out(blocks: &[ContentBlock]) -> Vec<Value> {
    let mut parts = Vec::with_capacity(blocks.len());
    let mut pending: Option<&str> = None;
    for b in blocks {
        if let ContentBlock::Thinking { thinking, signature: Some(sig) } = b {
            if thinking.is_empty() {
                pending = Some(sig);
                continue;
            }
        }
        let Some(mut p) = part_out(b) else { continue };
        if let Some(sig) = pending.take() {
            p["thoughtSignature"] = json!(sig);
        }
        parts.push(p);
    }
    if let Some(sig) = pending {
        parts.push(json!({"text": "", "thought": true, "thoughtSignature": sig}));
    }
    parts
}

pub fn encode_response(resp: &ir::Response) -> Vec<u8> {
    let parts = parts_out(&resp.content);
    let v = json!({
        "candidates": [{
            "content": {"role": "model", "parts": parts},
            "finishReason": finish_reason_to_gemini(resp.stop_reason.as_ref()),
            "index": 0,
        }],
        "usageMetadata": usage_to_wire(&resp.usage),
        "modelVersion": resp.model,
        "responseId": resp.id,
    });
    serde_json::to_vec(&v).unwrap_or_default()
}

/// Parts of the first candidate as IR blocks (consecutive texts and thoughts joined), and whether
/// one was a function call.
fn blocks_from_parts(parts: &[Value], stem: &str) -> (Vec<ContentBlock>, bool) {
    let mut out: Vec<ContentBlock> = Vec::new();
    let mut n = 0usize;
    let mut calls = false;
    for p in parts {
        let Ok(p) = serde_json::from_value::<w::Part>(p.clone()) else { continue };
        let sig = p.thought_signature.filter(|s| !s.is_empty());
        if let Some(fc) = p.function_call {
            calls = true;
            if let Some(sig) = sig {
                out.push(ContentBlock::Thinking { thinking: String::new(), signature: Some(sig) });
            }
            let id = fc.id.filter(|i| !i.is_empty()).unwrap_or_else(|| format!("call_{stem}_{n}"));
            n += 1;
            let input = fc.args.filter(|a| !a.is_null()).unwrap_or_else(|| json!({}));
            out.push(ContentBlock::ToolUse { id, name: fc.name, input, cache_control: None });
        } else if let Some(text) = p.text {
            if p.thought == Some(true) {
                match out.last_mut() {
                    Some(ContentBlock::Thinking { thinking, signature }) if signature.is_none() => {
                        thinking.push_str(&text);
                        *signature = sig;
                    }
                    _ => out.push(ContentBlock::Thinking { thinking: text, signature: sig }),
                }
            } else {
                if let Some(sig) = sig {
                    match out.last_mut() {
                        Some(ContentBlock::Thinking { signature: s @ None, .. }) => *s = Some(sig),
                        _ => out.push(ContentBlock::Thinking { thinking: String::new(), signature: Some(sig) }),
                    }
                }
                match out.last_mut() {
                    Some(ContentBlock::Text { text: t, .. }) => t.push_str(&text),
                    _ => out.push(ContentBlock::text(text)),
                }
            }
        } else if let Some(blob) = p.inline_data {
            out.push(ContentBlock::Image {
                source: ir::ImageSource::Base64 { media_type: blob.mime_type, data: blob.data },
                detail: None,
                cache_control: None,
            });
        } else if !p.extra.is_empty() {
            out.push(ContentBlock::Other { dialect: Dialect::Gemini, value: Value::Object(p.extra) });
        }
    }
    (out, calls)
}

/// What generated call ids are made of: the response's id (unique per answer), else a random
/// token.
fn id_stem(response_id: Option<&str>) -> String {
    match response_id {
        Some(id) if !id.is_empty() => {
            id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect()
        }
        _ => random_token(),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn usage_of(v: &Value) -> Option<ir::Usage> {
    let u = v.get("usageMetadata").filter(|u| u.is_object())?;
    serde_json::from_value::<w::Usage>(u.clone()).ok().map(|u| usage_from_wire(&u))
}

pub fn decode_response(body: &[u8]) -> Result<ir::Response, TranslateError> {
    let v: Value = parse_upstream(body, "response")?;
    if let Some(err) = v.get("error") {
        let msg = str_of(err, "message").map_or_else(|| err.to_string(), str::to_owned);
        return Err(TranslateError::Upstream(format!("the upstream answered an error: {msg}")));
    }
    let cand = v.get("candidates").and_then(|c| c.get(0)).unwrap_or(&Value::Null);
    let parts = cand.get("content").and_then(|c| c.get("parts")).and_then(Value::as_array);
    let stem = id_stem(str_of(&v, "responseId"));
    let (content, calls) = blocks_from_parts(parts.map_or(&[][..], Vec::as_slice), &stem);
    let stop_reason = match str_of(cand, "finishReason") {
        Some(r) => Some(finish_reason_from_gemini(r, calls)),
        None if v.get("promptFeedback").and_then(|f| f.get("blockReason")).is_some() => Some(StopReason::ContentFilter),
        None => Some(if calls { StopReason::ToolUse } else { StopReason::EndTurn }),
    };
    Ok(ir::Response {
        id: str_of(&v, "responseId").unwrap_or_default().to_owned(),
        model: str_of(&v, "modelVersion").unwrap_or_default().to_owned(),
        content,
        stop_reason,
        stop_sequence: None,
        usage: usage_of(&v).unwrap_or_default(),
        created: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Errors

pub use crate::wire::gemini::{error_body, status_name};

/// An error chunk in a Gemini stream. `error_type` picks the code (rate limits 429, overload 503,
/// bad requests 400, else 500).
pub(crate) fn encode_error_event(error_type: &str, message: &str, out: &mut Vec<u8>) {
    let code = match error_type {
        "rate_limit_error" | "rate_limit_exceeded" | "RESOURCE_EXHAUSTED" => 429,
        "overloaded_error" | "UNAVAILABLE" => 503,
        "invalid_request_error" | "INVALID_ARGUMENT" => 400,
        "authentication_error" | "UNAUTHENTICATED" => 401,
        _ => 500,
    };
    encode_event(None, &error_body(code, message).to_string(), out);
}

// ---------------------------------------------------------------------------------------------
// Stream decoder: GenerateContentResponse chunks -> IR

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Text,
    Thinking,
}

/// Gemini chunks -> IR. Text and thought parts extend the open block of their kind; each
/// `functionCall` part is a whole tool block. A Gemini stream has no end event: the chunk with a
/// `finishReason` is the last, and the end is emitted when the upstream closes after it.
#[derive(Debug, Default)]
pub struct StreamDecoderImpl {
    started: bool,
    done: bool,
    open: Option<(u32, OpenKind)>,
    next_index: u32,
    calls: bool,
    finish: Option<String>,
    blocked: bool,
    usage: Option<ir::Usage>,
    /// Generated call ids: `call_<stem>_<n>`.
    stem: String,
    calls_made: usize,
}

impl StreamDecoderImpl {
    pub fn new() -> Self {
        Self::default()
    }

    fn close(&mut self, out: &mut Vec<StreamEvent>) {
        if let Some((index, _)) = self.open.take() {
            out.push(StreamEvent::BlockStop { index });
        }
    }

    fn ensure(&mut self, kind: OpenKind, out: &mut Vec<StreamEvent>) -> u32 {
        if let Some((index, k)) = self.open {
            if k == kind {
                return index;
            }
        }
        self.close(out);
        let index = self.next_index;
        self.next_index += 1;
        let block = if kind == OpenKind::Text { BlockStart::Text } else { BlockStart::Thinking };
        out.push(StreamEvent::BlockStart { index, block });
        self.open = Some((index, kind));
        index
    }

    fn whole_block(&mut self, block: BlockStart, deltas: Vec<Delta>, out: &mut Vec<StreamEvent>) {
        self.close(out);
        let index = self.next_index;
        self.next_index += 1;
        out.push(StreamEvent::BlockStart { index, block });
        for delta in deltas {
            out.push(StreamEvent::BlockDelta { index, delta });
        }
        out.push(StreamEvent::BlockStop { index });
    }

    fn part(&mut self, p: w::Part, out: &mut Vec<StreamEvent>) {
        let sig = p.thought_signature.filter(|s| !s.is_empty());
        if let Some(fc) = p.function_call {
            self.calls = true;
            if let Some(sig) = sig {
                self.whole_block(BlockStart::Thinking, vec![Delta::Signature(sig)], out);
            }
            let id =
                fc.id.filter(|i| !i.is_empty()).unwrap_or_else(|| format!("call_{}_{}", self.stem, self.calls_made));
            self.calls_made += 1;
            let args = fc.args.filter(|a| !a.is_null()).unwrap_or_else(|| json!({})).to_string();
            self.whole_block(BlockStart::ToolUse { id, name: fc.name }, vec![Delta::ToolArgs(args)], out);
        } else if let Some(text) = p.text {
            if p.thought == Some(true) {
                let index = self.ensure(OpenKind::Thinking, out);
                if !text.is_empty() {
                    out.push(StreamEvent::BlockDelta { index, delta: Delta::Thinking(text) });
                }
                if let Some(sig) = sig {
                    out.push(StreamEvent::BlockDelta { index, delta: Delta::Signature(sig) });
                }
            } else {
                if let Some(sig) = sig {
                    match self.open {
                        Some((index, OpenKind::Thinking)) => {
                            out.push(StreamEvent::BlockDelta { index, delta: Delta::Signature(sig) })
                        }
                        _ => self.whole_block(BlockStart::Thinking, vec![Delta::Signature(sig)], out),
                    }
                }
                // An empty text part (a last chunk that only carries the finish reason) opens
                // nothing.
                if !text.is_empty() {
                    let index = self.ensure(OpenKind::Text, out);
                    out.push(StreamEvent::BlockDelta { index, delta: Delta::Text(text) });
                }
            }
        } else if !p.extra.is_empty() {
            let block = json!({"type": "gemini_part", "part": Value::Object(p.extra)});
            self.whole_block(BlockStart::Other { block }, Vec::new(), out);
        }
    }
}

impl StreamDecoder for StreamDecoderImpl {
    fn push(&mut self, ev: &SseEvent, out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        let data = ev.data.trim();
        if self.done || data.is_empty() {
            return Ok(());
        }
        let v: Value = serde_json::from_str(data)
            .map_err(|e| TranslateError::Upstream(format!("stream chunk is not JSON: {e}")))?;
        if let Some(err) = v.get("error") {
            out.push(StreamEvent::Error {
                error_type: str_of(err, "status").unwrap_or("api_error").to_owned(),
                message: str_of(err, "message").map_or_else(|| err.to_string(), str::to_owned),
            });
            self.done = true;
            return Ok(());
        }
        if !self.started {
            self.started = true;
            self.stem = id_stem(str_of(&v, "responseId"));
            out.push(StreamEvent::MessageStart {
                id: str_of(&v, "responseId").unwrap_or_default().to_owned(),
                model: str_of(&v, "modelVersion").unwrap_or_default().to_owned(),
                usage: ir::Usage::default(),
            });
        }
        if let Some(u) = usage_of(&v) {
            self.usage = Some(u);
        }
        if v.get("promptFeedback").and_then(|f| f.get("blockReason")).is_some() {
            self.blocked = true;
        }
        let cand = v.get("candidates").and_then(|c| c.get(0)).unwrap_or(&Value::Null);
        for p in cand.get("content").and_then(|c| c.get("parts")).and_then(Value::as_array).into_iter().flatten() {
            if let Ok(p) = serde_json::from_value::<w::Part>(p.clone()) {
                self.part(p, out);
            }
        }
        if let Some(r) = str_of(cand, "finishReason") {
            self.finish = Some(r.to_owned());
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<StreamEvent>) -> Result<(), TranslateError> {
        if self.done {
            return Ok(());
        }
        let stop = match (&self.finish, self.blocked) {
            (Some(r), _) => finish_reason_from_gemini(r, self.calls),
            (None, true) => StopReason::ContentFilter,
            (None, false) => return Err(TranslateError::Upstream("the stream ended before a finishReason".into())),
        };
        self.close(out);
        out.push(StreamEvent::MessageDelta { stop_reason: Some(stop), stop_sequence: None, usage: self.usage });
        out.push(StreamEvent::MessageStop);
        self.done = true;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Stream encoder: IR -> GenerateContentResponse chunks

#[derive(Debug)]
enum OutBlock {
    Text,
    /// `text`: some thinking text went out.
    Thinking {
        text: bool,
        signature: Option<String>,
    },
    Tool {
        id: String,
        name: String,
        args: String,
    },
    /// The structured-output tool: its arguments are the answer text.
    Json,
    Skip,
}

/// IR -> Gemini chunks, one `data:` line each: text and thinking deltas as they come, a function
/// call whole when its block ends, and a last chunk with the finish reason and usage.
pub struct StreamEncoderImpl {
    model: String,
    id: String,
    blocks: HashMap<u32, OutBlock>,
    stop: Option<StopReason>,
    usage: ir::Usage,
    done: bool,
    /// The signature of an empty thinking block, for the next part.
    pending_sig: Option<String>,
}

impl StreamEncoderImpl {
    pub fn new(model: &str) -> Self {
        StreamEncoderImpl {
            model: model.to_owned(),
            id: random_token(),
            blocks: HashMap::new(),
            stop: None,
            usage: ir::Usage::default(),
            done: false,
            pending_sig: None,
        }
    }

    fn chunk(&mut self, mut parts: Vec<Value>, finish: Option<&str>, out: &mut Vec<u8>) {
        if let (Some(sig), Some(first)) = (self.pending_sig.take(), parts.first_mut()) {
            first["thoughtSignature"] = json!(sig);
        }
        let mut cand = json!({"content": {"role": "model", "parts": parts}, "index": 0});
        let mut v = json!({"candidates": [], "modelVersion": self.model, "responseId": self.id});
        if let Some(f) = finish {
            cand["finishReason"] = json!(f);
            v["usageMetadata"] = json!(usage_to_wire(&self.usage));
        }
        v["candidates"] = json!([cand]);
        encode_event(None, &v.to_string(), out);
    }
}

impl StreamEncoder for StreamEncoderImpl {
    fn push(&mut self, ev: &StreamEvent, out: &mut Vec<u8>) {
        if self.done {
            return;
        }
        match ev {
            StreamEvent::MessageStart { id, model, usage } => {
                if !id.is_empty() {
                    self.id.clone_from(id);
                }
                if !model.is_empty() {
                    self.model.clone_from(model);
                }
                self.usage = *usage;
            }
            StreamEvent::BlockStart { index, block } => {
                let b = match block {
                    BlockStart::Text => OutBlock::Text,
                    BlockStart::Thinking => OutBlock::Thinking { text: false, signature: None },
                    BlockStart::ToolUse { name, .. } if name == STRUCTURED_OUTPUT_TOOL => OutBlock::Json,
                    BlockStart::ToolUse { id, name } => {
                        OutBlock::Tool { id: id.clone(), name: name.clone(), args: String::new() }
                    }
                    BlockStart::RedactedThinking { .. } | BlockStart::Other { .. } => OutBlock::Skip,
                };
                self.blocks.insert(*index, b);
            }
            StreamEvent::BlockDelta { index, delta } => {
                let Some(b) = self.blocks.get_mut(index) else { return };
                match (b, delta) {
                    (OutBlock::Text, Delta::Text(t)) if !t.is_empty() => {
                        self.chunk(vec![json!({"text": t})], None, out)
                    }
                    (OutBlock::Thinking { text, .. }, Delta::Thinking(t)) if !t.is_empty() => {
                        *text = true;
                        self.chunk(vec![json!({"text": t, "thought": true})], None, out)
                    }
                    (OutBlock::Thinking { signature, .. }, Delta::Signature(s)) => {
                        signature.get_or_insert_with(String::new).push_str(s)
                    }
                    (OutBlock::Tool { args, .. }, Delta::ToolArgs(a)) => args.push_str(a),
                    (OutBlock::Json, Delta::ToolArgs(a)) if !a.is_empty() => {
                        self.chunk(vec![json!({"text": a})], None, out)
                    }
                    _ => {}
                }
            }
            StreamEvent::BlockStop { index } => match self.blocks.remove(index) {
                // Only a signature: it belongs to the part that follows (a function call).
                Some(OutBlock::Thinking { text: false, signature: Some(sig) }) => self.pending_sig = Some(sig),
                Some(OutBlock::Thinking { signature: Some(sig), .. }) => {
                    self.chunk(vec![json!({"text": "", "thought": true, "thoughtSignature": sig})], None, out)
                }
                Some(OutBlock::Tool { id, name, args }) => {
                    let args = match ir::parse_tool_arguments(&args) {
                        v @ Value::Object(_) => v,
                        _ => json!({}),
                    };
                    self.chunk(vec![json!({"functionCall": {"id": id, "name": name, "args": args}})], None, out)
                }
                _ => {}
            },
            StreamEvent::MessageDelta { stop_reason, usage, .. } => {
                if stop_reason.is_some() {
                    self.stop.clone_from(stop_reason);
                }
                if let Some(u) = usage {
                    self.usage = *u;
                }
            }
            StreamEvent::MessageStop => {
                let finish = finish_reason_to_gemini(self.stop.as_ref()).to_owned();
                self.chunk(vec![json!({"text": ""})], Some(&finish), out);
                self.done = true;
            }
            StreamEvent::Ping => {}
            StreamEvent::Error { error_type, message } => {
                encode_error_event(error_type, message, out);
                self.done = true;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn lossy(drop: bool) -> Lossy {
        Lossy::new(&EncodeOptions { drop_unsupported: drop, ..EncodeOptions::default() }, Dialect::Gemini)
    }

    #[test]
    fn schemas_translate_both_ways() {
        let js = json!({"type": "object", "$schema": "x", "additionalProperties": false,
            "properties": {"a": {"type": ["string", "null"], "description": "d"}, "b": {"type": "integer", "exclusiveMinimum": 0},
                "c": {"const": "k"}, "d": {"type": "array", "items": {"type": "number"}}},
            "required": ["a"]});
        let l = lossy(false);
        let g = schema_to_gemini(&js, "tools[0].input_schema", &l).unwrap();
        assert_eq!(
            g,
            json!({"type": "OBJECT", "required": ["a"], "properties": {
                "a": {"type": "STRING", "nullable": true, "description": "d"},
                "b": {"type": "INTEGER", "minimum": 0},
                "c": {"enum": ["k"], "type": "STRING"},
                "d": {"type": "ARRAY", "items": {"type": "NUMBER"}}}})
        );
        let dropped = l.into_dropped();
        assert!(dropped.contains(&"tools[0].input_schema.$schema".to_string()), "{dropped:?}");
        assert!(dropped.contains(&"tools[0].input_schema.additionalProperties".to_string()), "{dropped:?}");
        // Back: lowercase types, nullable as a null type.
        let back = schema_from_gemini(&g);
        assert_eq!(back["properties"]["a"]["type"], json!(["string", "null"]));
        assert_eq!(back["properties"]["d"]["items"]["type"], "number");
        assert_eq!(back["type"], "object");
    }

    #[test]
    fn schema_keywords_gemini_cannot_hold_follow_drop_unsupported() {
        let js = json!({"type": "object", "properties": {"x": {"$ref": "#/$defs/X"}}});
        let e = schema_to_gemini(&js, "tools[0].input_schema", &lossy(false)).unwrap_err();
        assert_eq!(
            e,
            TranslateError::Unsupported {
                field: "tools[0].input_schema.properties.x.$ref".into(),
                target: Dialect::Gemini
            }
        );
        let l = lossy(true);
        let g = schema_to_gemini(&js, "tools[0].input_schema", &l).unwrap();
        assert_eq!(g, json!({"type": "OBJECT", "properties": {"x": {}}}));
        assert_eq!(l.into_dropped(), vec!["tools[0].input_schema.properties.x.$ref".to_string()]);
    }

    #[test]
    fn calls_and_results_pair_without_ids() {
        let body = json!({"model": "m", "contents": [
            {"role": "user", "parts": [{"text": "q"}]},
            {"role": "model", "parts": [{"functionCall": {"name": "f", "args": {"a": 1}}}, {"functionCall": {"name": "g"}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "g", "response": {"error": "boom"}}},
                {"functionResponse": {"name": "f", "response": {"temp": 3}}}]}]});
        let req = decode_request(body.to_string().as_bytes()).unwrap();
        let ContentBlock::ToolUse { id: f_id, input, .. } = &req.messages[1].content[0] else { panic!() };
        assert_eq!(input, &json!({"a": 1}));
        let ContentBlock::ToolUse { id: g_id, input: g_input, .. } = &req.messages[1].content[1] else { panic!() };
        assert_eq!(g_input, &json!({}));
        let ContentBlock::ToolResult { tool_use_id, is_error, content, .. } = &req.messages[2].content[0] else {
            panic!()
        };
        assert_eq!((tool_use_id, *is_error), (g_id, true));
        assert_eq!(content, &vec![ContentBlock::text("boom")]);
        let ContentBlock::ToolResult { tool_use_id, content, .. } = &req.messages[2].content[1] else { panic!() };
        assert_eq!(tool_use_id, f_id);
        assert_eq!(content, &vec![ContentBlock::text("{\"temp\":3}")]);
        // And out again: each result names its function.
        let out: Value = serde_json::from_slice(&encode_request(&req, &EncodeOptions::default()).unwrap()).unwrap();
        assert_eq!(out["contents"][2]["parts"][0]["functionResponse"]["name"], "g");
        assert_eq!(out["contents"][2]["parts"][1]["functionResponse"]["response"], json!({"output": "{\"temp\":3}"}));
    }

    #[test]
    fn generation_config_and_thinking_map() {
        let body = json!({"model": "models/m", "contents": [],
            "generationConfig": {"temperature": 0.5, "top_k": 7, "maxOutputTokens": 9, "candidateCount": 2,
                "responseMimeType": "application/json", "responseSchema": {"type": "OBJECT"},
                "thinkingConfig": {"thinkingBudget": 0}, "mediaResolution": "MEDIA_RESOLUTION_LOW"},
            "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}]});
        let req = decode_request(body.to_string().as_bytes()).unwrap();
        assert_eq!(req.model, "m");
        assert_eq!((req.temperature, req.top_k, req.max_tokens, req.openai.n), (Some(0.5), Some(7), Some(9), Some(2)));
        assert_eq!(req.reasoning, Some(Reasoning::Disabled));
        assert_eq!(req.openai.response_format.as_ref().unwrap()["json_schema"]["schema"], json!({"type": "object"}));
        // Gemini-only fields reach a Gemini upstream in their place…
        let out: Value = serde_json::from_slice(&encode_request(&req, &EncodeOptions::default()).unwrap()).unwrap();
        assert_eq!(out["generationConfig"]["mediaResolution"], "MEDIA_RESOLUTION_LOW");
        assert_eq!(out["generationConfig"]["thinkingConfig"], json!({"thinkingBudget": 0}));
        assert_eq!(out["safetySettings"][0]["threshold"], "BLOCK_NONE");
        // …and elsewhere follow drop_unsupported, by path.
        let e = crate::translate::encode_request(Dialect::Anthropic, &req, &EncodeOptions::default()).unwrap_err();
        assert!(matches!(e, TranslateError::Unsupported { .. }), "{e}");
        let opts = EncodeOptions { drop_unsupported: true, ..EncodeOptions::default() };
        let enc = crate::translate::encode_request_noting(Dialect::OpenAi, &req, &opts).unwrap();
        assert!(enc.dropped.contains(&"safetySettings".to_string()), "{:?}", enc.dropped);
        assert!(enc.dropped.contains(&"generationConfig.mediaResolution".to_string()), "{:?}", enc.dropped);
    }

    #[test]
    fn answers_and_usage_map() {
        let body = json!({"candidates": [{"content": {"role": "model", "parts": [
            {"text": "a", "thought": true}, {"text": "b", "thought": true, "thoughtSignature": "S"},
            {"text": "x"}, {"text": "y"}, {"functionCall": {"name": "f", "args": {"q": 1}}, "thoughtSignature": "T"}]},
            "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 10, "cachedContentTokenCount": 4, "candidatesTokenCount": 5, "thoughtsTokenCount": 2},
            "responseId": "r9", "modelVersion": "m"});
        let resp = decode_response(body.to_string().as_bytes()).unwrap();
        assert_eq!(resp.stop_reason, Some(StopReason::ToolUse));
        assert_eq!(
            resp.usage,
            ir::Usage {
                input_tokens: 6,
                output_tokens: 7,
                cache_read_tokens: 4,
                cache_write_tokens: 0,
                reasoning_tokens: 2
            }
        );
        assert_eq!(resp.content[0], ContentBlock::Thinking { thinking: "ab".into(), signature: Some("S".into()) });
        assert_eq!(resp.content[1], ContentBlock::text("xy"));
        assert_eq!(resp.content[2], ContentBlock::Thinking { thinking: String::new(), signature: Some("T".into()) });
        assert!(matches!(&resp.content[3], ContentBlock::ToolUse { id, .. } if id == "call_r9_0"));
        // Encoded back: the signature rides on the call again, usage as Gemini counts it.
        let out: Value = serde_json::from_slice(&encode_response(&resp)).unwrap();
        let parts = &out["candidates"][0]["content"]["parts"];
        assert_eq!(parts[2]["thoughtSignature"], "T");
        assert_eq!(parts[2]["functionCall"]["name"], "f");
        assert_eq!(
            out["usageMetadata"],
            json!({"promptTokenCount": 10, "cachedContentTokenCount": 4, "candidatesTokenCount": 5, "thoughtsTokenCount": 2, "totalTokenCount": 17})
        );
        assert_eq!(out["candidates"][0]["finishReason"], "STOP");
        let blocked = json!({"promptFeedback": {"blockReason": "SAFETY"}});
        let resp = decode_response(blocked.to_string().as_bytes()).unwrap();
        assert_eq!(resp.stop_reason, Some(StopReason::ContentFilter));
        let err =
            decode_response(br#"{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}"#).unwrap_err();
        assert!(matches!(err, TranslateError::Upstream(m) if m.contains("bad")));
    }

    #[test]
    fn requests_name_the_field_at_fault() {
        let e = decode_request(br#"{"contents":[{"role":"system","parts":[]}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "contents[0].role: unknown role 'system' (expected 'user' or 'model')");
        let e = decode_request(br#"{"contents":[{"parts":[{"functionCall":{"args":{}}}]}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "contents[0].parts[0].functionCall.name: is required");
        let e =
            decode_request(br#"{"contents":[],"tools":[{"functionDeclarations":[{"description":"x"}]}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "tools[0].functionDeclarations[0].name: is required");
        let e = decode_request(
            br#"{"contents":[],"systemInstruction":{"parts":[{"inlineData":{"mimeType":"image/png","data":""}}]}}"#,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "systemInstruction.parts[0]: only text parts are allowed in the system instruction");
        assert_eq!(status_name(429), "RESOURCE_EXHAUSTED");
        assert_eq!(error_body(404, "m"), json!({"error": {"code": 404, "message": "m", "status": "NOT_FOUND"}}));
    }
}
