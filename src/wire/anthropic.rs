//! Anthropic Messages wire types: request, response, stream events, error.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

use super::StringOrParts;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessagesRequest {
    pub model: String,
    pub messages: Vec<Message>,
    /// Required by the API; optional on input so that a missing value is reported by the upstream
    /// (same dialect) or defaulted (cross dialect) rather than rejected here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<StringOrParts<Block>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequences: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking: Option<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub role: String,
    pub content: StringOrParts<Block>,
    /// Per-message fields (e.g. `output_config` on a `system` message), kept verbatim.
    #[serde(flatten, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Text {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        citations: Option<Value>,
    },
    Image {
        source: ImageSource,
        #[serde(skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    ToolUse {
        id: String,
        name: String,
        input: Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    ToolResult {
        tool_use_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        content: Option<StringOrParts<Block>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        is_error: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        cache_control: Option<Value>,
    },
    Thinking {
        thinking: String,
        signature: String,
    },
    RedactedThinking {
        data: String,
    },
    /// Any other block (`document`, `server_tool_use`, `search_result`, images with a `file`
    /// source, types newer than this code), kept verbatim.
    #[serde(untagged)]
    Other(Value),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ImageSource {
    Base64 { media_type: String, data: String },
    Url { url: String },
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Text {
            text: String,
            #[serde(default)]
            cache_control: Option<Value>,
            #[serde(default)]
            citations: Option<Value>,
        }
        #[derive(Deserialize)]
        struct Image {
            source: Value,
            #[serde(default)]
            cache_control: Option<Value>,
        }
        #[derive(Deserialize)]
        struct ToolUse {
            id: String,
            name: String,
            #[serde(default)]
            input: Value,
            #[serde(default)]
            cache_control: Option<Value>,
        }
        #[derive(Deserialize)]
        struct ToolResult {
            tool_use_id: String,
            #[serde(default)]
            content: Option<StringOrParts<Block>>,
            #[serde(default)]
            is_error: Option<bool>,
            #[serde(default)]
            cache_control: Option<Value>,
        }
        #[derive(Deserialize)]
        struct Thinking {
            thinking: String,
            #[serde(default)]
            signature: Option<String>,
        }
        #[derive(Deserialize)]
        struct Redacted {
            data: String,
        }
        let v = Value::deserialize(d)?;
        let ty = match v.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(_) => return Err(de::Error::custom("content block 'type' must be a string")),
            None => return Err(de::Error::custom("content block has no 'type'")),
        };
        let e = de::Error::custom;
        Ok(match ty {
            "text" => {
                let t: Text = serde_json::from_value(v).map_err(e)?;
                Block::Text { text: t.text, cache_control: t.cache_control, citations: t.citations }
            }
            "image" => {
                let i: Image = serde_json::from_value(v.clone()).map_err(e)?;
                match serde_json::from_value::<ImageSource>(i.source) {
                    Ok(source) => Block::Image { source, cache_control: i.cache_control },
                    // `file` and future source kinds: kept whole.
                    Err(_) => Block::Other(v),
                }
            }
            "tool_use" => {
                let t: ToolUse = serde_json::from_value(v).map_err(e)?;
                Block::ToolUse { id: t.id, name: t.name, input: t.input, cache_control: t.cache_control }
            }
            "tool_result" => {
                let t: ToolResult = serde_json::from_value(v).map_err(e)?;
                Block::ToolResult {
                    tool_use_id: t.tool_use_id,
                    content: t.content,
                    is_error: t.is_error,
                    cache_control: t.cache_control,
                }
            }
            "thinking" => {
                let t: Thinking = serde_json::from_value(v).map_err(e)?;
                Block::Thinking { thinking: t.thinking, signature: t.signature.unwrap_or_default() }
            }
            "redacted_thinking" => {
                let r: Redacted = serde_json::from_value(v).map_err(e)?;
                Block::RedactedThinking { data: r.data }
            }
            _ => Block::Other(v),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Responses

/// A message. `B` is the block type: [`Block`], or [`PlainBlock`] for the one-pass read of a
/// common answer (stricter: typed fields, no duplicate keys; an answer it cannot read, or with a
/// block it does not model, is read with `Block`s, which then decide).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessagesResponse<B = Block> {
    #[serde(default)]
    pub id: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub model: String,
    #[serde(default = "Vec::new")]
    pub content: Vec<B>,
    #[serde(default)]
    pub stop_reason: Option<String>,
    #[serde(default)]
    pub stop_sequence: Option<String>,
    #[serde(default)]
    pub usage: Usage,
}

/// The fields of the blocks [`Block`] models (text, thinking, redacted thinking, tool use), flat.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct PlainBlock {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub thinking: Option<String>,
    #[serde(default)]
    pub signature: Option<String>,
    #[serde(default)]
    pub data: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub input: Option<Value>,
    #[serde(default)]
    pub cache_control: Option<Value>,
    #[serde(default)]
    pub citations: Option<Value>,
}

impl PlainBlock {
    /// The [`Block`] that `Block`'s own decoder makes of the same JSON; `None` when this is not
    /// a block it can vouch for (another type, a required field missing or `null`).
    pub fn into_block(self) -> Option<Block> {
        let PlainBlock { kind, text, thinking, signature, data, id, name, input, cache_control, citations } = self;
        Some(match kind.as_str() {
            "text" => Block::Text { text: text?, cache_control, citations },
            "thinking" => Block::Thinking { thinking: thinking?, signature: signature.unwrap_or_default() },
            "redacted_thinking" => Block::RedactedThinking { data: data? },
            "tool_use" => Block::ToolUse { id: id?, name: name?, input: input.unwrap_or_default(), cache_control },
            _ => return None,
        })
    }
}

/// Counts are optional on input (`message_delta` usage carries only some); the encoder fills them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_creation_input_tokens: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_read_input_tokens: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
}

// ---------------------------------------------------------------------------------------------
// Streaming

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamEventIn {
    MessageStart {
        message: MessagesResponse,
    },
    ContentBlockStart {
        index: u32,
        content_block: Value,
    },
    ContentBlockDelta {
        index: u32,
        delta: Value,
    },
    ContentBlockStop {
        index: u32,
    },
    MessageDelta {
        #[serde(default)]
        delta: MessageDeltaIn,
        #[serde(default)]
        usage: Option<Usage>,
    },
    MessageStop,
    Ping,
    Error {
        #[serde(default)]
        error: Value,
    },
    /// New event types must be ignored, as the API documentation asks.
    #[serde(other)]
    Unknown,
}

/// The frequent stream events (`content_block_delta`, `content_block_stop`, `message_delta`,
/// `ping`, `message_stop`) read in one pass with their text borrowed: the type, the index, a
/// delta and the usage;
/// other fields are skipped. Stricter than [`StreamEventIn`] (every field typed, no duplicate
/// keys): an event it cannot read is read by `StreamEventIn`, which then decides.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StreamEventHead<'a> {
    #[serde(rename = "type", borrow)]
    pub kind: Cow<'a, str>,
    #[serde(default)]
    pub index: Option<u32>,
    #[serde(default, borrow)]
    pub delta: Option<DeltaIn<'a>>,
    /// `message_delta`'s.
    #[serde(default)]
    pub usage: Option<Usage>,
}

/// A `content_block_delta`'s or `message_delta`'s delta, every field a string or absent.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeltaIn<'a> {
    #[serde(rename = "type", default, borrow)]
    pub kind: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub text: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub thinking: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub signature: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub partial_json: Option<Cow<'a, str>>,
    /// `message_delta`'s.
    #[serde(default, borrow)]
    pub stop_reason: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub stop_sequence: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct MessageDeltaIn {
    #[serde(default)]
    pub stop_reason: Option<String>,
    #[serde(default)]
    pub stop_sequence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamEventOut<'a> {
    MessageStart { message: MessageStartOut<'a> },
    ContentBlockStart { index: u32, content_block: BlockStartOut<'a> },
    ContentBlockDelta { index: u32, delta: DeltaOut<'a> },
    ContentBlockStop { index: u32 },
    MessageDelta { delta: MessageDeltaOut<'a>, usage: Usage },
    MessageStop,
    Ping,
    Error { error: ErrorBody<'a> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageStartOut<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub role: &'static str,
    pub model: &'a str,
    pub content: [Value; 0],
    pub stop_reason: Option<&'a str>,
    pub stop_sequence: Option<&'a str>,
    pub usage: Usage,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockStartOut<'a> {
    Text {
        text: &'a str,
    },
    Thinking {
        thinking: &'a str,
        signature: &'a str,
    },
    RedactedThinking {
        data: &'a str,
    },
    ToolUse {
        id: &'a str,
        name: &'a str,
        input: Map<String, Value>,
    },
    #[serde(untagged)]
    Other(&'a Value),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DeltaOut<'a> {
    TextDelta {
        text: &'a str,
    },
    ThinkingDelta {
        thinking: &'a str,
    },
    SignatureDelta {
        signature: &'a str,
    },
    InputJsonDelta {
        partial_json: &'a str,
    },
    #[serde(untagged)]
    Other(&'a Value),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageDeltaOut<'a> {
    pub stop_reason: Option<&'a str>,
    pub stop_sequence: Option<&'a str>,
}

/// `{"type":"error","error":{...}}`, the body of error responses and of `event: error`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorEnvelope<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub error: ErrorBody<'a>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorBody<'a> {
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub message: &'a str,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn blocks_round_trip_including_unknown() {
        let v = json!([
            {"type":"text","text":"a","cache_control":{"type":"ephemeral"}},
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}},
            {"type":"image","source":{"type":"file","file_id":"f1"}},
            {"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}},
            {"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"r"}],"is_error":true},
            {"type":"thinking","thinking":"t","signature":"s"}
        ]);
        let blocks: Vec<Block> = serde_json::from_value(v.clone()).unwrap();
        assert!(matches!(blocks[2], Block::Other(_)));
        assert_eq!(serde_json::to_value(&blocks).unwrap(), v);
    }

    #[test]
    fn stream_event_out_shapes() {
        let e = StreamEventOut::ContentBlockStart {
            index: 1,
            content_block: BlockStartOut::ToolUse { id: "t", name: "f", input: Map::new() },
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}"#
        );
        let unknown: StreamEventIn = serde_json::from_str(r#"{"type":"new_thing"}"#).unwrap();
        assert_eq!(unknown, StreamEventIn::Unknown);
    }
}
