//! The `anthropic` provider type: the native Messages API. Base URLs exclude `/v1` (as in the
//! original); auth is `x-api-key`; `anthropic-version` and `anthropic-beta` come from the client
//! when it sent them, else the provider's configured version.

use super::{Endpoint, join_url};
use crate::config::ProviderConfig;
use http::{HeaderMap, HeaderValue, Method, header};

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

/// The method and headers of one request (`auth`: the key's prebuilt `x-api-key` value).
pub fn headers(
    config: &ProviderConfig,
    endpoint: Endpoint,
    auth: &HeaderValue,
    client_headers: &HeaderMap,
) -> (Method, HeaderMap) {
    let method = if endpoint == Endpoint::Models { Method::GET } else { Method::POST };
    let mut h = HeaderMap::with_capacity(5 + config.headers.len());
    h.append("x-api-key", auth.clone());
    h.append(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    match client_headers.get("anthropic-version") {
        Some(v) => h.append("anthropic-version", v.clone()),
        None => match HeaderValue::from_str(&config.anthropic_version) {
            Ok(v) => h.append("anthropic-version", v),
            Err(_) => false,
        },
    };
    for v in client_headers.get_all("anthropic-beta") {
        h.append("anthropic-beta", v.clone());
    }
    super::extra_into(&mut h, config, client_headers);
    (method, h)
}
