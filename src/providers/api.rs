//! The `api` provider type: any OpenAI-compatible upstream (OpenRouter, NVIDIA NIM, OpenAI,
//! DeepSeek, Groq, local servers). Base URLs include `/v1`; auth is `Authorization: Bearer`.

use super::{Endpoint, join_url};
use crate::config::ProviderConfig;
use crate::secret::Secret;
use http::header;

pub fn url(config: &ProviderConfig, endpoint: Endpoint) -> String {
    join_url(&config.base_url, endpoint.openai_path())
}

pub fn request(
    client: &reqwest::Client,
    config: &ProviderConfig,
    endpoint: Endpoint,
    key: &Secret<String>,
    stream: bool,
) -> reqwest::RequestBuilder {
    let mut rb = if endpoint == Endpoint::Models {
        client.get(url(config, endpoint))
    } else {
        client.post(url(config, endpoint))
    };
    rb = rb
        .header(header::AUTHORIZATION, format!("Bearer {}", key.expose()))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, if stream { "text/event-stream" } else { "application/json" });
    // Provider headers come last so they may override the defaults, as in the original.
    for (name, value) in &config.headers {
        rb = rb.header(name, value);
    }
    rb
}
