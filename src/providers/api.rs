//! The `api` provider type: any OpenAI-compatible upstream (OpenRouter, NVIDIA NIM, OpenAI,
//! DeepSeek, Groq, local servers). Base URLs include `/v1`; auth is `Authorization: Bearer`.

use super::{Endpoint, join_url};
use crate::config::ProviderConfig;
use http::header;

pub fn url(config: &ProviderConfig, endpoint: Endpoint) -> String {
    join_url(&config.base_url, endpoint.openai_path())
}

pub fn request(
    client: &reqwest::Client,
    config: &ProviderConfig,
    url: reqwest::Url,
    endpoint: Endpoint,
    auth: &http::HeaderValue,
    stream: bool,
    client_headers: &http::HeaderMap,
) -> reqwest::RequestBuilder {
    let mut rb = if endpoint == Endpoint::Models { client.get(url) } else { client.post(url) };
    rb = rb
        .header(header::AUTHORIZATION, auth.clone())
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, if stream { "text/event-stream" } else { "application/json" });
    super::extra_headers(rb, config, client_headers)
}
