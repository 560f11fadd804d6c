//! Tool calling for models that cannot do it. **Downgrade**: remove `tools`/`tool_choice` and
//! rewrite earlier tool calls and tool results in the history into plain text, so the upstream
//! accepts the conversation (the original only deleted `tools`). **Emulation**
//! (`tool_calling.emulate`): also describe the tools in the system prompt and turn a JSON tool
//! call in the answer back into a real tool call, stream and non-stream. Both work on the IR, so
//! they serve every dialect pair. `ToolSupport` remembers upstreams that answered "tools not
//! supported", for the life of the process (it survives reloads).

use crate::config::normalize_name;
use crate::ir::{self, BlockStart, ContentBlock, Delta, StopReason, StreamEvent};
use crate::translate::StreamEncoder;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::Mutex;

/// Provider/model pairs seen rejecting tools.
#[derive(Debug, Default)]
pub struct ToolSupport {
    unsupported: Mutex<BTreeSet<(String, String)>>,
    /// Set once anything is remembered, so the common case never takes the lock.
    any: std::sync::atomic::AtomicBool,
}

impl ToolSupport {
    pub fn remember(&self, provider: &str, model: &str) {
        let mut set = self.unsupported.lock().unwrap_or_else(|p| p.into_inner());
        self.any.store(true, std::sync::atomic::Ordering::Relaxed);
        if set.insert((normalize_name(provider), model.to_lowercase())) {
            tracing::warn!(
                "provider '{provider}' rejected tools for model '{model}': tool calls to it are downgraded from now on"
            );
        }
    }
    pub fn is_unsupported(&self, provider: &str, model: &str) -> bool {
        if !self.any.load(std::sync::atomic::Ordering::Relaxed) {
            return false;
        }
        let set = self.unsupported.lock().unwrap_or_else(|p| p.into_inner());
        !set.is_empty() && set.contains(&(normalize_name(provider), model.to_lowercase()))
    }
    pub fn list(&self) -> Vec<(String, String)> {
        self.unsupported.lock().unwrap_or_else(|p| p.into_inner()).iter().cloned().collect()
    }
}

/// Does an upstream error message say that tools are not supported?
pub fn says_tools_unsupported(message: &str) -> bool {
    let m = message.to_lowercase();
    (m.contains("tool") || m.contains("function call"))
        && (m.contains("not support")
            || m.contains("unsupported")
            || m.contains("does not support")
            || m.contains("not enabled")
            || m.contains("not available"))
}

/// Whether a request carries tools or tool history.
pub fn uses_tools(req: &ir::Request) -> bool {
    !req.tools.is_empty()
        || req.messages.iter().any(|m| {
            m.content.iter().any(|b| matches!(b, ContentBlock::ToolUse { .. } | ContentBlock::ToolResult { .. }))
        })
}

fn text_of(blocks: &[ContentBlock]) -> String {
    blocks
        .iter()
        .filter_map(|b| match b {
            ContentBlock::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The tool names offered by a request (for parsing emulated calls).
pub fn tool_names(req: &ir::Request) -> Vec<String> {
    req.tools
        .iter()
        .filter_map(|t| match t {
            ir::Tool::Function { name, .. } => Some(name.clone()),
            ir::Tool::Other { .. } => None,
        })
        .collect()
}

/// Remove tools and turn tool history into text; with `emulate`, describe the tools in the system
/// prompt. Returns the offered tool names (empty when nothing was offered).
pub fn downgrade(req: &mut ir::Request, emulate: bool) -> Vec<String> {
    let names = tool_names(req);
    let tools = std::mem::take(&mut req.tools);
    let choice = req.tool_choice.take();
    req.parallel_tool_calls = None;
    for m in &mut req.messages {
        for b in &mut m.content {
            let replacement = match b {
                ContentBlock::ToolUse { id, name, input, .. } => Some(if emulate {
                    json!({"tool_call": {"name": name, "arguments": input}}).to_string()
                } else {
                    format!("[called tool '{name}' (call id {id}) with arguments {input}]")
                }),
                ContentBlock::ToolResult { tool_use_id, content, is_error, .. } => {
                    let label = if *is_error { "error from" } else { "result of" };
                    Some(format!("[{label} tool call {tool_use_id}]: {}", text_of(content)))
                }
                _ => None,
            };
            if let Some(text) = replacement {
                *b = ContentBlock::text(text);
            }
        }
    }
    if emulate && !names.is_empty() && !matches!(choice, Some(ir::ToolChoice::None)) {
        let mut prompt = String::from(
            "You can call the following tools. To call one, answer with ONLY a JSON object of the form \
             {\"tool_call\": {\"name\": \"<tool name>\", \"arguments\": {...}}} and nothing else; the result \
             will be sent back to you. Otherwise, answer normally.\n\nTools:\n",
        );
        for t in &tools {
            if let ir::Tool::Function { name, description, input_schema, .. } = t {
                prompt.push_str(&format!(
                    "- {name}: {}\n  arguments (JSON Schema): {input_schema}\n",
                    description.as_deref().unwrap_or("")
                ));
            }
        }
        if let Some(ir::ToolChoice::Tool { name }) = &choice {
            prompt.push_str(&format!("\nYou must call the tool '{name}' now.\n"));
        } else if matches!(choice, Some(ir::ToolChoice::Any)) {
            prompt.push_str("\nYou must call one of the tools now.\n");
        }
        req.system.insert(0, ContentBlock::text(prompt));
        return names;
    }
    Vec::new()
}

/// A tool call written as JSON in an answer: `{"tool_call": {"name", "arguments"}}` or
/// `{"name", "arguments"}`, optionally inside a ```json fence; the name must be an offered tool.
pub fn parse_emulated_call(text: &str, names: &[String]) -> Option<(String, Value)> {
    let mut t = text.trim();
    if let Some(rest) = t.strip_prefix("```") {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        t = rest.strip_suffix("```").unwrap_or(rest).trim();
    }
    let v: Value = serde_json::from_str(t).ok()?;
    let call = v.get("tool_call").unwrap_or(&v);
    let name = call.get("name")?.as_str()?;
    if !names.iter().any(|n| n == name) {
        return None;
    }
    let args = match call.get("arguments").or_else(|| call.get("input")) {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or_else(|_| json!({})),
        Some(v @ Value::Object(_)) => v.clone(),
        _ => json!({}),
    };
    Some((name.to_string(), args))
}

fn call_id() -> String {
    format!("call_emu{:016x}", fastrand::u64(..))
}

/// Non-stream emulation: an answer that is a tool call becomes one.
pub fn emulate_response(resp: &mut ir::Response, names: &[String]) {
    let text = text_of(&resp.content);
    if let Some((name, input)) = parse_emulated_call(&text, names) {
        resp.content.retain(|b| !matches!(b, ContentBlock::Text { .. }));
        resp.content.push(ContentBlock::ToolUse { id: call_id(), name, input, cache_control: None });
        resp.stop_reason = Some(StopReason::ToolUse);
    }
}

enum Phase {
    /// No answer text yet.
    Deciding,
    /// The text starts like JSON: hold it until the message ends.
    Holding,
    /// Plain text: pass everything through.
    Passing,
}

/// Stream emulation, between the upstream decoder and the client encoder. Text that does not
/// start like JSON streams through untouched; text that does is held until the message ends,
/// then sent as a tool call if it is one, or as the text it was.
pub struct EmulatingEncoder {
    inner: Box<dyn StreamEncoder>,
    names: Vec<String>,
    phase: Phase,
    held: Vec<StreamEvent>,
    text: String,
    text_index: Option<u32>,
}

impl EmulatingEncoder {
    pub fn new(inner: Box<dyn StreamEncoder>, names: Vec<String>) -> EmulatingEncoder {
        EmulatingEncoder {
            inner,
            names,
            phase: Phase::Deciding,
            held: Vec::new(),
            text: String::new(),
            text_index: None,
        }
    }

    fn flush(&mut self, out: &mut Vec<u8>) {
        for ev in std::mem::take(&mut self.held) {
            self.inner.push(&ev, out);
        }
    }
}

impl StreamEncoder for EmulatingEncoder {
    fn push(&mut self, ev: &StreamEvent, out: &mut Vec<u8>) {
        match self.phase {
            Phase::Passing => self.inner.push(ev, out),
            Phase::Deciding => match ev {
                StreamEvent::BlockStart { index, block: BlockStart::Text } => {
                    self.text_index = Some(*index);
                    self.held.push(ev.clone());
                }
                StreamEvent::BlockDelta { index, delta: Delta::Text(t) } if Some(*index) == self.text_index => {
                    self.held.push(ev.clone());
                    self.text.push_str(t);
                    match self.text.trim_start().chars().next() {
                        Some('{' | '`') => self.phase = Phase::Holding,
                        Some(_) => {
                            self.phase = Phase::Passing;
                            self.flush(out);
                        }
                        None => {}
                    }
                }
                _ if self.held.is_empty() => self.inner.push(ev, out),
                _ => {
                    // Something else after an empty text start: nothing to emulate.
                    self.phase = Phase::Passing;
                    self.flush(out);
                    self.inner.push(ev, out);
                }
            },
            Phase::Holding => match ev {
                StreamEvent::BlockDelta { index, delta: Delta::Text(t) } if Some(*index) == self.text_index => {
                    self.text.push_str(t);
                    self.held.push(ev.clone());
                }
                StreamEvent::MessageDelta { stop_reason, stop_sequence, usage } => {
                    self.phase = Phase::Passing;
                    let index = self.text_index.unwrap_or(0);
                    match parse_emulated_call(&self.text, &self.names) {
                        Some((name, input)) => {
                            // Events held besides the text block itself (e.g. its stop) are replaced.
                            self.held.clear();
                            let id = call_id();
                            self.inner
                                .push(&StreamEvent::BlockStart { index, block: BlockStart::ToolUse { id, name } }, out);
                            self.inner.push(
                                &StreamEvent::BlockDelta { index, delta: Delta::ToolArgs(input.to_string()) },
                                out,
                            );
                            self.inner.push(&StreamEvent::BlockStop { index }, out);
                            let _ = stop_reason;
                            self.inner.push(
                                &StreamEvent::MessageDelta {
                                    stop_reason: Some(StopReason::ToolUse),
                                    stop_sequence: stop_sequence.clone(),
                                    usage: *usage,
                                },
                                out,
                            );
                        }
                        None => {
                            self.flush(out);
                            self.inner.push(ev, out);
                        }
                    }
                }
                StreamEvent::MessageStop | StreamEvent::Error { .. } => {
                    self.phase = Phase::Passing;
                    self.flush(out);
                    self.inner.push(ev, out);
                }
                _ => self.held.push(ev.clone()),
            },
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_calls_in_the_shapes_models_write() {
        let names = vec!["weather".to_string()];
        let want = Some(("weather".to_string(), json!({"city": "Oslo"})));
        assert_eq!(
            parse_emulated_call(r#"{"tool_call": {"name": "weather", "arguments": {"city": "Oslo"}}}"#, &names),
            want
        );
        assert_eq!(
            parse_emulated_call(
                "```json\n{\"name\": \"weather\", \"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}\n```",
                &names
            ),
            want
        );
        assert_eq!(parse_emulated_call(r#"{"tool_call": {"name": "other", "arguments": {}}}"#, &names), None);
        assert_eq!(parse_emulated_call("The weather is fine.", &names), None);
    }

    #[test]
    fn downgrade_rewrites_history_and_removes_tools() {
        let body = json!({"model": "m", "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object"}}}],
            "messages": [{"role": "user", "content": "Oslo?"},
                {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\":\"Oslo\"}"}}]},
                {"role": "tool", "tool_call_id": "c1", "content": "sunny"}]});
        let mut req =
            crate::translate::decode_request(crate::dialect::Dialect::OpenAi, body.to_string().as_bytes()).unwrap();
        assert!(uses_tools(&req));
        assert!(downgrade(&mut req, false).is_empty());
        assert!(!uses_tools(&req));
        let out: Value = serde_json::from_slice(
            &crate::translate::encode_request(crate::dialect::Dialect::OpenAi, &req, &Default::default()).unwrap(),
        )
        .unwrap();
        assert!(out.get("tools").is_none());
        let texts: Vec<String> = out["messages"].as_array().unwrap().iter().map(|m| m["content"].to_string()).collect();
        assert!(texts[1].contains("called tool 'weather'") && texts[1].contains("Oslo"), "{texts:?}");
        assert!(texts[2].contains("result of tool call c1") && texts[2].contains("sunny"), "{texts:?}");
        assert!(out["messages"].as_array().unwrap().iter().all(|m| m["role"] != "tool"));
    }

    #[test]
    fn says_unsupported() {
        assert!(says_tools_unsupported("This model does not support tools"));
        assert!(says_tools_unsupported("tool calling is not supported for model x"));
        assert!(!says_tools_unsupported("max_tokens too large"));
    }
}
