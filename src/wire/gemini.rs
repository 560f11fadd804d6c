//! Wire types of the Gemini API (`generateContent`, `streamGenerateContent`, `countTokens`): the
//! request's top-level fields, contents and parts, the generation config, and the usage object.
//! Google's servers read proto JSON, which takes both `lowerCamelCase` and `snake_case` names (the
//! REST examples use the latter); both are accepted here and camelCase is written. Tools, schemas
//! and responses are read as JSON values by `translate::gemini`, which names the path of anything
//! it rejects.
//!
//! The model and the stream flag travel in the URL (`models/{model}:streamGenerateContent`); the
//! relay's inbound route writes them into the body as `model` and `stream`, and the Gemini
//! provider takes them out again before the body goes upstream.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A `generateContent` body. Unknown fields are kept in `extra`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Request {
    /// Written by the relay from the URL (`models/` prefix removed).
    #[serde(default)]
    pub model: String,
    /// Written by the relay from the URL (`streamGenerateContent`).
    #[serde(default)]
    pub stream: Option<bool>,
    #[serde(default)]
    pub contents: Vec<Content>,
    #[serde(default, rename = "systemInstruction", alias = "system_instruction")]
    pub system_instruction: Option<Content>,
    #[serde(default)]
    pub tools: Option<Vec<Value>>,
    #[serde(default, rename = "toolConfig", alias = "tool_config")]
    pub tool_config: Option<ToolConfig>,
    #[serde(default, rename = "generationConfig", alias = "generation_config")]
    pub generation_config: Option<GenerationConfig>,
    #[serde(default, rename = "safetySettings", alias = "safety_settings")]
    pub safety_settings: Option<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One turn: a role (`user` / `model`; `function` in old clients) and its parts.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Content {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default)]
    pub parts: Vec<Part>,
}

/// A part: exactly one of its data fields is set; `thought` marks thinking text and
/// `thoughtSignature` the opaque signature of the model's thinking, on any part.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thought: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "thought_signature")]
    pub thought_signature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "inline_data")]
    pub inline_data: Option<Blob>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "file_data")]
    pub file_data: Option<FileData>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "function_call")]
    pub function_call: Option<FunctionCall>,
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "function_response")]
    pub function_response: Option<FunctionResponse>,
    /// Other part kinds (`executableCode`, `codeExecutionResult`, `videoMetadata`, …).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blob {
    #[serde(default, alias = "mime_type")]
    pub mime_type: String,
    #[serde(default)]
    pub data: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileData {
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "mime_type")]
    pub mime_type: Option<String>,
    #[serde(default, alias = "file_uri")]
    pub file_uri: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FunctionCall {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub args: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FunctionResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub response: Value,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ToolConfig {
    #[serde(default, rename = "functionCallingConfig", alias = "function_calling_config")]
    pub function_calling_config: Option<FunctionCallingConfig>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct FunctionCallingConfig {
    /// `AUTO`, `ANY`, `NONE` or `VALIDATED`.
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default, rename = "allowedFunctionNames", alias = "allowed_function_names")]
    pub allowed_function_names: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GenerationConfig {
    #[serde(default)]
    pub temperature: Option<f64>,
    #[serde(default, rename = "topP", alias = "top_p")]
    pub top_p: Option<f64>,
    #[serde(default, rename = "topK", alias = "top_k")]
    pub top_k: Option<f64>,
    #[serde(default, rename = "maxOutputTokens", alias = "max_output_tokens")]
    pub max_output_tokens: Option<u32>,
    #[serde(default, rename = "stopSequences", alias = "stop_sequences")]
    pub stop_sequences: Option<Vec<String>>,
    #[serde(default, rename = "candidateCount", alias = "candidate_count")]
    pub candidate_count: Option<u32>,
    #[serde(default, rename = "presencePenalty", alias = "presence_penalty")]
    pub presence_penalty: Option<f64>,
    #[serde(default, rename = "frequencyPenalty", alias = "frequency_penalty")]
    pub frequency_penalty: Option<f64>,
    #[serde(default)]
    pub seed: Option<i64>,
    #[serde(default, rename = "responseMimeType", alias = "response_mime_type")]
    pub response_mime_type: Option<String>,
    #[serde(default, rename = "responseSchema", alias = "response_schema")]
    pub response_schema: Option<Value>,
    #[serde(default, rename = "responseJsonSchema", alias = "response_json_schema")]
    pub response_json_schema: Option<Value>,
    #[serde(default, rename = "thinkingConfig", alias = "thinking_config")]
    pub thinking_config: Option<ThinkingConfig>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ThinkingConfig {
    #[serde(default, rename = "includeThoughts", alias = "include_thoughts")]
    pub include_thoughts: Option<bool>,
    /// `0` = off, `-1` = dynamic, else a token budget.
    #[serde(default, rename = "thinkingBudget", alias = "thinking_budget")]
    pub thinking_budget: Option<i64>,
    /// `minimal` / `low` / `medium` / `high` (Gemini 3).
    #[serde(default, rename = "thinkingLevel", alias = "thinking_level")]
    pub thinking_level: Option<String>,
}

/// `usageMetadata`. `promptTokenCount` includes cached tokens; `candidatesTokenCount` excludes
/// thought tokens.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    #[serde(default)]
    pub prompt_token_count: u64,
    #[serde(default)]
    pub candidates_token_count: u64,
    #[serde(default)]
    pub total_token_count: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cached_content_token_count: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub thoughts_token_count: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Google's status name for an HTTP status.
pub fn status_name(code: u16) -> &'static str {
    match code {
        400 | 413 | 422 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 | 501 => "UNIMPLEMENTED",
        408 | 504 => "DEADLINE_EXCEEDED",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        503 | 529 => "UNAVAILABLE",
        500..=599 => "INTERNAL",
        _ => "UNKNOWN",
    }
}

/// An error body in Gemini's shape.
pub fn error_body(code: u16, message: &str) -> Value {
    serde_json::json!({"error": {"code": code, "message": message, "status": status_name(code)}})
}
