//! OpenAI Chat Completions wire types: request, response, stream chunk, error.

use serde::de::{self, Deserializer, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

use super::{StringOrParts, StringOrVec};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatRequest {
    pub model: String,
    pub messages: Vec<ChatMessage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<StringOrVec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logit_bias: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StreamOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_usage: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One message of any role. A single struct (rather than an enum tagged by `role`) so that serde
/// keeps precise error paths into `content`; the role is validated during translation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    #[serde(default)]
    pub role: String,
    /// Serialised as `null` when absent (assistant messages with only tool calls).
    #[serde(default)]
    pub content: Option<StringOrParts<ContentPart>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCall>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
    /// De-facto reasoning text field (DeepSeek, OpenRouter, vLLM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<String>,
    /// Alias of `reasoning_content` accepted on input only.
    #[serde(default, skip_serializing, deserialize_with = "string_or_ignore")]
    pub reasoning: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Some upstreams send `reasoning` as an object (effort/summary); only a string is reasoning text.
fn string_or_ignore<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentPart {
    Text {
        text: String,
        /// Accepted on input (OpenRouter-style prompt caching hints); never sent to OpenAI.
        #[serde(skip)]
        cache_control: Option<Value>,
    },
    ImageUrl {
        image_url: ImageUrl,
    },
    Refusal {
        refusal: String,
    },
    /// `input_audio`, `file`: valid OpenAI parts with no Anthropic equivalent, kept verbatim.
    #[serde(untagged)]
    Other(Value),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageUrl {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl<'de> Deserialize<'de> for ContentPart {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Text {
            text: String,
            #[serde(default)]
            cache_control: Option<Value>,
        }
        #[derive(Deserialize)]
        struct Image {
            image_url: ImageUrl,
        }
        #[derive(Deserialize)]
        struct Refusal {
            refusal: String,
        }
        let v = Value::deserialize(d)?;
        let ty = match v.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(_) => return Err(de::Error::custom("content part 'type' must be a string")),
            None => return Err(de::Error::custom("content part has no 'type'")),
        };
        let e = de::Error::custom;
        match ty {
            "text" => {
                let t: Text = serde_json::from_value(v).map_err(e)?;
                Ok(ContentPart::Text { text: t.text, cache_control: t.cache_control })
            }
            "image_url" => {
                let i: Image = serde_json::from_value(v).map_err(e)?;
                Ok(ContentPart::ImageUrl { image_url: i.image_url })
            }
            "refusal" => {
                let r: Refusal = serde_json::from_value(v).map_err(e)?;
                Ok(ContentPart::Refusal { refusal: r.refusal })
            }
            "input_audio" | "file" => Ok(ContentPart::Other(v)),
            other => Err(de::Error::custom(format!("unknown content part type '{other}'"))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCall {
    #[serde(default)]
    pub id: String,
    #[serde(rename = "type", default = "function_type")]
    pub kind: String,
    pub function: FunctionCall,
}

fn function_type() -> String {
    "function".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionCall {
    pub name: String,
    #[serde(default)]
    pub arguments: String,
}

// ---------------------------------------------------------------------------------------------
// Responses

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatCompletion {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub object: String,
    #[serde(default)]
    pub created: u64,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub choices: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_fingerprint: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub index: u32,
    #[serde(default)]
    pub message: ChatMessage,
    #[serde(default)]
    pub finish_reason: Option<String>,
    #[serde(default)]
    pub logprobs: Option<Value>,
}

/// A one-choice [`ChatCompletion`] that borrows its text, serialised exactly as the owned one
/// with an assistant message (no `name`, `tool_call_id` or `refusal`, which answers never carry).
/// The relay writes this answer by hand (`translate::openai::encode_response`); this serde shape
/// is what its test holds that writer to, byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChatCompletionOut<'a> {
    #[serde(flatten)]
    pub head: HeadOut<'a>,
    pub choices: [ChoiceOut<'a>; 1],
    pub usage: Usage,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceOut<'a> {
    pub index: u32,
    pub message: AnswerOut<'a>,
    pub finish_reason: Option<&'a str>,
    pub logprobs: Option<()>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerOut<'a> {
    pub role: &'static str,
    pub content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<&'a [ToolCall]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<&'a str>,
}

/// Every count is optional on input (upstreams omit or null them); the encoder fills them all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Usage {
    #[serde(default)]
    pub prompt_tokens: Option<u64>,
    #[serde(default)]
    pub completion_tokens: Option<u64>,
    #[serde(default)]
    pub total_tokens: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_tokens_details: Option<PromptTokensDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_tokens_details: Option<CompletionTokensDetails>,
    /// DeepSeek's spelling of cached prompt tokens; read only.
    #[serde(default, skip_serializing)]
    pub prompt_cache_hit_tokens: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromptTokensDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompletionTokensDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_tokens: Option<u64>,
}

// ---------------------------------------------------------------------------------------------
// Streaming

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatChunk {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub object: String,
    #[serde(default)]
    pub created: u64,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub choices: Vec<ChunkChoice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Some upstreams report failures as a chunk carrying only `error`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChunkChoice {
    #[serde(default)]
    pub index: u32,
    #[serde(default)]
    pub delta: ChunkDelta,
    #[serde(default)]
    pub logprobs: Option<Value>,
    #[serde(default)]
    pub finish_reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChunkDelta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<String>,
    #[serde(default, skip_serializing, deserialize_with = "string_or_ignore")]
    pub reasoning: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCallDelta>>,
}

/// A `chat.completion.chunk` read without copying its strings, for a plain text stream
/// (`translate::openai::assemble_plain_stream`). Every field has `ChatChunk`'s type or accepts
/// less, so a chunk this reads `ChatChunk` reads the same way. What a plain text answer never
/// holds (reasoning, refusal, tool calls, an error) is only noticed: its presence sends the
/// caller to the full decoder.
#[derive(Debug, Deserialize)]
pub struct ChunkIn<'a> {
    #[serde(default, borrow)]
    pub id: Cow<'a, str>,
    #[serde(default, borrow)]
    pub object: Cow<'a, str>,
    #[serde(default)]
    pub created: u64,
    #[serde(default, borrow)]
    pub model: Cow<'a, str>,
    #[serde(default, borrow)]
    pub choices: Vec<ChunkChoiceIn<'a>>,
    #[serde(default)]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub error: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize)]
pub struct ChunkChoiceIn<'a> {
    #[serde(default)]
    pub index: u32,
    #[serde(default, borrow)]
    pub delta: ChunkDeltaIn<'a>,
    #[serde(default)]
    pub logprobs: Option<IgnoredAny>,
    #[serde(default, borrow)]
    pub finish_reason: Option<Cow<'a, str>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ChunkDeltaIn<'a> {
    #[serde(default, borrow)]
    pub role: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub content: Option<Cow<'a, str>>,
    #[serde(default)]
    pub reasoning_content: Option<IgnoredAny>,
    #[serde(default)]
    pub reasoning: Option<IgnoredAny>,
    #[serde(default)]
    pub refusal: Option<IgnoredAny>,
    #[serde(default)]
    pub tool_calls: Option<IgnoredAny>,
}

impl ChunkDeltaIn<'_> {
    /// Whether the delta holds more than role and text.
    pub fn beyond_text(&self) -> bool {
        self.reasoning_content.is_some()
            || self.reasoning.is_some()
            || self.refusal.is_some()
            || self.tool_calls.is_some()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ToolCallDelta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionDelta>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FunctionDelta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
}

/// The fields before `choices` of a [`ChatCompletion`] and a [`ChatChunk`], in their order; a
/// stream's chunks share one, serialised once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadOut<'a> {
    pub id: &'a str,
    pub object: &'static str,
    pub created: u64,
    pub model: &'a str,
}

/// A `ChunkChoice` that borrows its text: serialised exactly as `ChunkChoice` (no `refusal`,
/// which the encoder never sends).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChunkChoiceOut<'a> {
    pub index: u32,
    pub delta: ChunkDeltaOut<'a>,
    pub logprobs: Option<()>,
    pub finish_reason: Option<&'a str>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ChunkDeltaOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<[ToolCallDeltaOut<'a>; 1]>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ToolCallDeltaOut<'a> {
    pub index: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'a str>,
    pub function: FunctionDeltaOut<'a>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FunctionDeltaOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arguments: Option<&'a str>,
}

/// `{"error": {...}}`, the body of error responses and of mid-stream error events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorEnvelope<'a> {
    pub error: ErrorBody<'a>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorBody<'a> {
    pub message: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub param: Option<&'a str>,
    pub code: Option<&'a str>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn error_path_points_into_content() {
        let body = br#"{"model":"m","messages":[{"role":"user","content":"hi"},
            {"role":"user","content":[{"type":"video","url":"x"}]}]}"#;
        let de = &mut serde_json::Deserializer::from_slice(body);
        let err = serde_path_to_error::deserialize::<_, ChatRequest>(de).unwrap_err();
        assert_eq!(err.path().to_string(), "messages[1].content[0]");
        assert!(err.inner().to_string().contains("unknown content part type 'video'"));
    }

    #[test]
    fn unknown_fields_are_kept() {
        let r: ChatRequest = serde_json::from_str(r#"{"model":"m","messages":[],"store":true}"#).unwrap();
        assert_eq!(r.extra.get("store"), Some(&Value::Bool(true)));
    }
}
