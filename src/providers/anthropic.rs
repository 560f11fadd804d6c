//! The `anthropic` provider type: the native Messages API. Base URLs exclude `/v1` (as in the
//! original); auth is `x-api-key`; `anthropic-version` and `anthropic-beta` come from the client
//! when it sent them, else the provider's configured version.

use super::{Endpoint, join_url};
use crate::config::ProviderConfig;
use http::{HeaderMap, header};

pub fn url(config: &ProviderConfig, endpoint: Endpoint) -> String {
    let base = config.base_url.strip_suffix("/v1").unwrap_or(&config.base_url);
    let path = match endpoint {
        // OpenAI-only endpoints never reach an Anthropic provider (the relay refuses them first).
        Endpoint::Messages
        | Endpoint::ChatCompletions
        | Endpoint::Completions
        | Endpoint::Embeddings
        | Endpoint::Moderations
        | Endpoint::ImagesGenerations
        | Endpoint::Responses
        | Endpoint::AudioSpeech
        | Endpoint::GenerateContent
        | Endpoint::AudioTranscriptions
        | Endpoint::AudioTranslations
        | Endpoint::ImagesEdits
        | Endpoint::Files
        | Endpoint::Batches => "/v1/messages",
        Endpoint::CountTokens => "/v1/messages/count_tokens",
        Endpoint::Models => "/v1/models",
    };
    join_url(base, path)
}

pub fn request(
    client: &reqwest::Client,
    config: &ProviderConfig,
    url: reqwest::Url,
    endpoint: Endpoint,
    auth: &http::HeaderValue,
    client_headers: &HeaderMap,
) -> reqwest::RequestBuilder {
    let mut rb = if endpoint == Endpoint::Models { client.get(url) } else { client.post(url) };
    rb = rb.header("x-api-key", auth.clone()).header(header::CONTENT_TYPE, "application/json");
    match client_headers.get("anthropic-version") {
        Some(v) => rb = rb.header("anthropic-version", v),
        None => rb = rb.header("anthropic-version", config.anthropic_version.as_str()),
    }
    for v in client_headers.get_all("anthropic-beta") {
        rb = rb.header("anthropic-beta", v);
    }
    super::extra_headers(rb, config, client_headers)
}
