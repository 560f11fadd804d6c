//! The `api` provider type: any OpenAI-compatible upstream (OpenRouter, NVIDIA NIM, OpenAI,
//! DeepSeek, Groq, local servers). Base URLs include `/v1`; auth is `Authorization: Bearer`.

use super::{Endpoint, join_url};
use crate::config::ProviderConfig;
use http::{HeaderMap, HeaderValue, Method, header};

pub fn url(config: &ProviderConfig, endpoint: Endpoint) -> String {
    join_url(&config.base_url, endpoint.openai_path())
}

/// The method and headers of one request (`auth`: the key's prebuilt `Bearer` value).
pub fn headers(
    config: &ProviderConfig,
    endpoint: Endpoint,
    auth: &HeaderValue,
    stream: bool,
    client_headers: &HeaderMap,
) -> (Method, HeaderMap) {
    let method = if endpoint == Endpoint::Models { Method::GET } else { Method::POST };
    let mut h = HeaderMap::with_capacity(4 + config.headers.len());
    h.append(header::AUTHORIZATION, auth.clone());
    h.append(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.append(header::ACCEPT, HeaderValue::from_static(if stream { "text/event-stream" } else { "application/json" }));
    super::extra_into(&mut h, config, client_headers);
    (method, h)
}
