//! Wire types of the OpenAI Responses API (`/v1/responses`): the request's top-level fields and
//! the usage object. Input items, output items and stream events vary by `type` and are read as
//! JSON values by `translate::responses`, which names the path of anything it rejects.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::StringOrParts;

/// A `POST /v1/responses` body. Unknown fields are kept in `extra`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Request {
    pub model: String,
    /// A string (one user message) or a list of input items.
    #[serde(default)]
    pub input: Option<StringOrParts<Value>>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub tools: Option<Vec<Value>>,
    #[serde(default)]
    pub tool_choice: Option<Value>,
    #[serde(default)]
    pub parallel_tool_calls: Option<bool>,
    #[serde(default)]
    pub max_output_tokens: Option<u32>,
    #[serde(default)]
    pub temperature: Option<f64>,
    #[serde(default)]
    pub top_p: Option<f64>,
    #[serde(default)]
    pub reasoning: Option<ReasoningParam>,
    #[serde(default)]
    pub text: Option<TextParam>,
    #[serde(default)]
    pub stream: Option<bool>,
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub previous_response_id: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReasoningParam {
    #[serde(default)]
    pub effort: Option<String>,
    /// `auto` / `concise` / `detailed`: how the upstream summarises its reasoning.
    #[serde(default)]
    pub summary: Option<Value>,
    #[serde(default)]
    pub generate_summary: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct TextParam {
    /// `{"type":"text"}`, `{"type":"json_object"}` or
    /// `{"type":"json_schema","name":..,"schema":..,"strict":..}`.
    #[serde(default)]
    pub format: Option<Value>,
    #[serde(default)]
    pub verbosity: Option<Value>,
}

/// Responses usage: `input_tokens` counts cached tokens too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    #[serde(default)]
    pub input_tokens: u64,
    #[serde(default)]
    pub input_tokens_details: InputDetails,
    #[serde(default)]
    pub output_tokens: u64,
    #[serde(default)]
    pub output_tokens_details: OutputDetails,
    #[serde(default)]
    pub total_tokens: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputDetails {
    #[serde(default)]
    pub cached_tokens: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputDetails {
    #[serde(default)]
    pub reasoning_tokens: u64,
}
