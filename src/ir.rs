//! The canonical request / response / stream-event model that both dialects decode into and encode from.
//!
//! The IR holds the union of both dialects. Each dialect has exactly one decoder (wire -> IR) and one
//! encoder (IR -> wire); there are no pairwise converters. Fields that only one dialect knows are kept
//! here so that the encoder for the other dialect can decide to carry, drop or reject them.
//!
//! Usage convention: `Usage::input_tokens` EXCLUDES cache reads and cache writes (Anthropic semantics);
//! OpenAI's `prompt_tokens` is `input_tokens + cache_read_tokens + cache_write_tokens`.
//! `output_tokens` INCLUDES `reasoning_tokens` in both dialects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::dialect::Dialect;

/// Unknown top-level fields, kept verbatim for same-dialect round trips.
pub type Extra = Map<String, Value>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub model: String,
    /// Text blocks only.
    pub system: Vec<ContentBlock>,
    pub messages: Vec<Message>,
    pub tools: Vec<Tool>,
    pub tool_choice: Option<ToolChoice>,
    /// `Some(false)` = OpenAI `parallel_tool_calls: false` = Anthropic `disable_parallel_tool_use: true`.
    pub parallel_tool_calls: Option<bool>,
    pub max_tokens: Option<u32>,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    /// Anthropic only.
    pub top_k: Option<u32>,
    pub stop: Vec<String>,
    pub stream: bool,
    /// OpenAI `stream_options.include_usage`.
    pub stream_include_usage: bool,
    /// OpenAI `user` = Anthropic `metadata.user_id`.
    pub user: Option<String>,
    pub reasoning: Option<Reasoning>,
    /// Anthropic `output_config.effort` (`low` … `max`): how much the model should spend on the
    /// whole answer, thinking included. OpenAI's nearest control is `reasoning_effort`.
    pub effort: Option<String>,
    /// Paths of fields the decoder read but did not carry into the IR because they only advise the
    /// server (`metadata` extras, per-message `output_config`, a tool's `defer_loading`, …). An
    /// encoder reports them as dropped; a same-dialect passthrough never loses them.
    pub ignored: Vec<String>,
    /// Fields that only OpenAI has.
    pub openai: OpenAiParams,
    /// Unknown top-level fields of the decoded body.
    pub extra: Extra,
    /// The dialect the request was decoded from (`extra` is in it); `None` for a request built by
    /// hand. An encoder for the same dialect carries `extra` verbatim.
    pub extra_dialect: Option<Dialect>,
}

/// OpenAI-only request parameters. Neutral values (n = 1, penalties 0, ...) are carried to Anthropic
/// silently; others are `Unsupported` there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenAiParams {
    pub n: Option<u32>,
    pub logprobs: Option<bool>,
    pub top_logprobs: Option<u32>,
    pub frequency_penalty: Option<f64>,
    pub presence_penalty: Option<f64>,
    pub seed: Option<i64>,
    pub response_format: Option<Value>,
    pub logit_bias: Option<Value>,
    /// The client used the legacy `max_tokens` rather than `max_completion_tokens`.
    pub legacy_max_tokens: bool,
    /// The client used the `developer` role for its system prompt.
    pub developer_role: bool,
}

/// Thinking / reasoning configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reasoning {
    /// Anthropic `{"type":"disabled"}`.
    Disabled,
    /// Anthropic `{"type":"enabled","budget_tokens":n}`.
    Budget(u32),
    /// OpenAI `reasoning_effort` (kept as a string: the set of values keeps growing).
    Effort(String),
    /// Anthropic `{"type":"adaptive"}`: the model decides whether and how much to think, guided by
    /// `Request::effort`. `display` (`summarized` / `omitted`) is carried to Anthropic only.
    Adaptive { display: Option<String> },
    /// Another Anthropic `thinking` shape, carried verbatim to Anthropic only.
    Raw(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    Assistant,
    /// A system message in the middle of the conversation (leading OpenAI ones go to
    /// `Request::system`): OpenAI mid-conversation `system`/`developer` messages, Anthropic
    /// `role: "system"` messages (Claude Code's agent and skill listings). The OpenAI encoder keeps
    /// them in place; the Anthropic encoder keeps them in place for an Anthropic client and hoists
    /// them into `system` otherwise.
    System,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: Vec<ContentBlock>,
    /// OpenAI participant `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentBlock {
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    Image {
        source: ImageSource,
        /// OpenAI `image_url.detail`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    ToolUse {
        id: String,
        name: String,
        /// Normally an object. When an OpenAI `arguments` string is not valid JSON it is kept here as
        /// `Value::String(raw)` so OpenAI can get it back verbatim; Anthropic gets `{}` instead.
        input: Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    ToolResult {
        tool_use_id: String,
        content: Vec<ContentBlock>,
        is_error: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    Thinking {
        thinking: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signature: Option<String>,
    },
    RedactedThinking {
        data: String,
    },
    /// A block type only one dialect understands (Anthropic `document`, `server_tool_use`, OpenAI
    /// `input_audio`, `file`, ...), kept verbatim. Other dialects reject it as `Unsupported`.
    Other {
        dialect: Dialect,
        value: Value,
    },
}

impl ContentBlock {
    pub fn text(text: impl Into<String>) -> Self {
        ContentBlock::Text { text: text.into(), cache_control: None }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ImageSource {
    Base64 { media_type: String, data: String },
    Url { url: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Tool {
    Function {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        input_schema: Value,
        /// OpenAI `strict` (dropped for Anthropic).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        strict: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    /// A non-function tool (Anthropic server tools, OpenAI custom tools), carried verbatim within
    /// its own dialect only.
    Other { dialect: Dialect, value: Value },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToolChoice {
    Auto,
    /// OpenAI `required` = Anthropic `any`.
    Any,
    None,
    Tool {
        name: String,
    },
    /// A shape only one dialect has (e.g. OpenAI `allowed_tools`).
    Other {
        dialect: Dialect,
        value: Value,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: String,
    pub model: String,
    pub content: Vec<ContentBlock>,
    pub stop_reason: Option<StopReason>,
    pub stop_sequence: Option<String>,
    pub usage: Usage,
    /// OpenAI `created`, when the upstream gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Excludes cache reads and writes.
    pub input_tokens: u64,
    /// Includes reasoning tokens.
    pub output_tokens: u64,
    pub cache_read_tokens: u64,
    pub cache_write_tokens: u64,
    pub reasoning_tokens: u64,
}

impl Usage {
    /// OpenAI `prompt_tokens`: everything that was read, cached or not.
    pub fn prompt_tokens(&self) -> u64 {
        self.input_tokens.saturating_add(self.cache_read_tokens).saturating_add(self.cache_write_tokens)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    EndTurn,
    MaxTokens,
    StopSequence,
    ToolUse,
    Refusal,
    ContentFilter,
    PauseTurn,
    /// A value neither mapping knows, kept as the upstream spelled it.
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamEvent {
    MessageStart {
        id: String,
        model: String,
        usage: Usage,
    },
    BlockStart {
        index: u32,
        block: BlockStart,
    },
    BlockDelta {
        index: u32,
        delta: Delta,
    },
    BlockStop {
        index: u32,
    },
    /// `usage`, when present, is the complete usage known at the end of the message (not a delta).
    MessageDelta {
        stop_reason: Option<StopReason>,
        stop_sequence: Option<String>,
        usage: Option<Usage>,
    },
    MessageStop,
    Ping,
    Error {
        error_type: String,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockStart {
    Text,
    Thinking,
    RedactedThinking {
        data: String,
    },
    ToolUse {
        id: String,
        name: String,
    },
    /// An Anthropic block the IR does not model (e.g. `server_tool_use`), as sent in
    /// `content_block_start`.
    Other {
        block: Value,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Delta {
    Text(String),
    Thinking(String),
    Signature(String),
    ToolArgs(String),
    /// An Anthropic delta the IR does not model (e.g. `citations_delta`), verbatim.
    Other(Value),
}

/// Parses a tool-call `arguments` string the way this crate documents: empty -> `{}`, valid JSON ->
/// that value, anything else -> `Value::String(raw)` (never an error, never a panic).
pub fn parse_tool_arguments(raw: &str) -> Value {
    if raw.trim().is_empty() {
        return Value::Object(Map::new());
    }
    serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned()))
}

/// Accumulates IR stream events into the final [`Response`], the way the official SDKs assemble a
/// streamed message (blocks ordered by index, text and arguments concatenated, arguments parsed at
/// the end).
#[derive(Debug, Default)]
pub struct ResponseAccumulator {
    resp: Response,
    blocks: BTreeMap<u32, BlockAcc>,
    error: Option<(String, String)>,
    stopped: bool,
}

#[derive(Debug)]
enum BlockAcc {
    Text(String),
    Thinking(String, Option<String>),
    Redacted(String),
    Tool { id: String, name: String, args: String },
    Other(Value, String),
}

impl ResponseAccumulator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, ev: &StreamEvent) {
        match ev {
            StreamEvent::MessageStart { id, model, usage } => {
                self.resp.id.clone_from(id);
                self.resp.model.clone_from(model);
                self.resp.usage = *usage;
            }
            StreamEvent::BlockStart { index, block } => {
                let acc = match block {
                    BlockStart::Text => BlockAcc::Text(String::new()),
                    BlockStart::Thinking => BlockAcc::Thinking(String::new(), None),
                    BlockStart::RedactedThinking { data } => BlockAcc::Redacted(data.clone()),
                    BlockStart::ToolUse { id, name } => {
                        BlockAcc::Tool { id: id.clone(), name: name.clone(), args: String::new() }
                    }
                    BlockStart::Other { block } => BlockAcc::Other(block.clone(), String::new()),
                };
                self.blocks.insert(*index, acc);
            }
            StreamEvent::BlockDelta { index, delta } => {
                let Some(acc) = self.blocks.get_mut(index) else {
                    return;
                };
                match (acc, delta) {
                    (BlockAcc::Text(t), Delta::Text(s)) => t.push_str(s),
                    (BlockAcc::Thinking(t, _), Delta::Thinking(s)) => t.push_str(s),
                    (BlockAcc::Thinking(_, sig), Delta::Signature(s)) => {
                        sig.get_or_insert_with(String::new).push_str(s)
                    }
                    (BlockAcc::Tool { args, .. }, Delta::ToolArgs(s)) => args.push_str(s),
                    (BlockAcc::Other(_, args), Delta::ToolArgs(s)) => args.push_str(s),
                    _ => {}
                }
            }
            StreamEvent::BlockStop { .. } | StreamEvent::Ping => {}
            StreamEvent::MessageDelta { stop_reason, stop_sequence, usage } => {
                self.resp.stop_reason.clone_from(stop_reason);
                self.resp.stop_sequence.clone_from(stop_sequence);
                if let Some(u) = usage {
                    self.resp.usage = *u;
                }
            }
            StreamEvent::MessageStop => self.stopped = true,
            StreamEvent::Error { error_type, message } => {
                self.error = Some((error_type.clone(), message.clone()));
            }
        }
    }

    /// The last `Error` event seen, as `(type, message)`.
    pub fn error(&self) -> Option<&(String, String)> {
        self.error.as_ref()
    }

    /// Whether a `MessageStop` was seen.
    pub fn is_complete(&self) -> bool {
        self.stopped
    }

    pub fn finish(self) -> Response {
        let mut resp = self.resp;
        resp.content = self
            .blocks
            .into_values()
            .map(|b| match b {
                BlockAcc::Text(text) => ContentBlock::text(text),
                BlockAcc::Thinking(thinking, signature) => ContentBlock::Thinking { thinking, signature },
                BlockAcc::Redacted(data) => ContentBlock::RedactedThinking { data },
                BlockAcc::Tool { id, name, args } => {
                    ContentBlock::ToolUse { id, name, input: parse_tool_arguments(&args), cache_control: None }
                }
                BlockAcc::Other(mut value, args) => {
                    if let (false, Some(obj)) = (args.is_empty(), value.as_object_mut()) {
                        obj.insert("input".into(), parse_tool_arguments(&args));
                    }
                    ContentBlock::Other { dialect: Dialect::Anthropic, value }
                }
            })
            .collect();
        resp
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tool_arguments_parsing_is_total() {
        assert_eq!(parse_tool_arguments(""), json!({}));
        assert_eq!(parse_tool_arguments("  "), json!({}));
        assert_eq!(parse_tool_arguments(r#"{"a":1}"#), json!({"a":1}));
        assert_eq!(parse_tool_arguments(r#"{"a":"#), json!(r#"{"a":"#));
    }

    #[test]
    fn accumulator_orders_blocks_and_parses_args() {
        let mut acc = ResponseAccumulator::new();
        let evs = [
            StreamEvent::MessageStart {
                id: "msg_1".into(),
                model: "m".into(),
                usage: Usage { input_tokens: 5, ..Usage::default() },
            },
            StreamEvent::BlockStart { index: 0, block: BlockStart::Thinking },
            StreamEvent::BlockDelta { index: 0, delta: Delta::Thinking("hm".into()) },
            StreamEvent::BlockDelta { index: 0, delta: Delta::Signature("sig".into()) },
            StreamEvent::BlockStop { index: 0 },
            StreamEvent::BlockStart { index: 1, block: BlockStart::ToolUse { id: "t1".into(), name: "f".into() } },
            StreamEvent::BlockDelta { index: 1, delta: Delta::ToolArgs("{\"x\":".into()) },
            StreamEvent::BlockDelta { index: 1, delta: Delta::ToolArgs("2}".into()) },
            StreamEvent::BlockStop { index: 1 },
            StreamEvent::MessageDelta {
                stop_reason: Some(StopReason::ToolUse),
                stop_sequence: None,
                usage: Some(Usage { input_tokens: 5, output_tokens: 7, ..Usage::default() }),
            },
            StreamEvent::MessageStop,
        ];
        for e in &evs {
            acc.push(e);
        }
        assert!(acc.is_complete());
        let r = acc.finish();
        assert_eq!(r.id, "msg_1");
        assert_eq!(r.usage.output_tokens, 7);
        assert_eq!(r.stop_reason, Some(StopReason::ToolUse));
        assert_eq!(
            r.content,
            vec![
                ContentBlock::Thinking { thinking: "hm".into(), signature: Some("sig".into()) },
                ContentBlock::ToolUse { id: "t1".into(), name: "f".into(), input: json!({"x":2}), cache_control: None }
            ]
        );
    }
}
