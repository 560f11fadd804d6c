//! The `gemini` provider type: the native Gemini API (Google AI Studio,
//! `https://generativelanguage.googleapis.com`). Base URLs exclude the version (`/v1beta` is
//! accepted and stripped); auth is `x-goog-api-key`. The model and the method are in the URL
//! (`/v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`), so the `model`
//! and `stream` fields the relay keeps in a Gemini body are taken out here before it is sent.

use super::{Endpoint, UpstreamError};
use crate::body::JsonObject;
use crate::config::ProviderConfig;
use bytes::Bytes;
use http::{HeaderMap, header};

/// The `models` collection URL; the model and method are appended per request.
pub fn url(config: &ProviderConfig, _endpoint: Endpoint) -> String {
    let base = config.base_url.trim_end_matches('/');
    let base = base.strip_suffix("/v1beta").or_else(|| base.strip_suffix("/v1")).unwrap_or(base);
    format!("{base}/v1beta/models")
}

/// The request for one call, and the body without the relay's `model` / `stream` fields.
#[allow(clippy::too_many_arguments, reason = "the same inputs as the other providers' request builders")]
pub fn request(
    client: &reqwest::Client,
    config: &ProviderConfig,
    mut url: reqwest::Url,
    endpoint: Endpoint,
    auth: &http::HeaderValue,
    body: &Bytes,
    stream: bool,
    client_headers: &HeaderMap,
) -> Result<(reqwest::RequestBuilder, Bytes), UpstreamError> {
    if endpoint == Endpoint::Models {
        let rb = client.get(url).header("x-goog-api-key", auth.clone());
        return Ok((super::extra_headers(rb, config, client_headers), Bytes::new()));
    }
    let mut obj = JsonObject::parse(body).map_err(|e| UpstreamError::Connect(format!("bad Gemini body: {e}")))?;
    let model: String = obj
        .field("model")
        .ok()
        .flatten()
        .ok_or_else(|| UpstreamError::Connect("a Gemini request needs a model".into()))?;
    obj.remove("model");
    obj.remove("stream");
    let model = model.strip_prefix("models/").unwrap_or(&model);
    let method = match endpoint {
        Endpoint::CountTokens => "countTokens",
        _ if stream => "streamGenerateContent",
        _ => "generateContent",
    };
    url.path_segments_mut()
        .map_err(|()| UpstreamError::Connect(format!("'{}' is not a valid upstream URL", config.base_url)))?
        .push(&format!("{model}:{method}"));
    if stream && endpoint != Endpoint::CountTokens {
        url.set_query(Some("alt=sse"));
    }
    let rb = client
        .post(url)
        .header("x-goog-api-key", auth.clone())
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, if stream { "text/event-stream" } else { "application/json" });
    Ok((super::extra_headers(rb, config, client_headers), Bytes::from(obj.to_vec())))
}
