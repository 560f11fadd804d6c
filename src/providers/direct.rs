//! The lean upstream client for `api` and `anthropic` providers: hyper-util's pooled client over
//! rustls (webpki roots, ALPN h2 / http/1.1), the same stack reqwest wraps, called directly with
//! a `Uri` prebuilt per provider and endpoint. reqwest's layers cost ~30k instructions per
//! request on the relay's path (two URL parses — request and redirect policy —, the redirect and
//! retry layers, header merging), about a sixth of a relayed request. Pool, connect timeout,
//! TCP_NODELAY, keep-alive and `User-Agent` match `build_client`. Providers whose upstream an
//! environment proxy (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`) would intercept,
//! `gemini`, `web_reverse` and `mock` keep the reqwest path.

use super::{Endpoint, UpstreamError};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, Request, Uri, header};
use http_body_util::Full;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use std::time::Duration;

/// The pooled client (one per connect timeout, shared across reloads like reqwest's).
pub type Client = hyper_util::client::legacy::Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

/// The response body as hyper gives it.
pub type Incoming = hyper::body::Incoming;

/// Build the client for one connect timeout; `None` when TLS cannot be set up (the caller then
/// stays on reqwest).
pub fn build(connect_timeout: Duration) -> Option<Client> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(connect_timeout));
    http.set_nodelay(true);
    http.set_keepalive(Some(Duration::from_secs(30)));
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
        .ok()?
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    Some(
        hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(super::POOL_MAX_IDLE_PER_HOST)
            .build(https),
    )
}

/// The endpoint URIs of a provider, when its upstream is reached without a proxy.
pub fn uris(urls: &[(Endpoint, reqwest::Url)]) -> Option<Vec<(Endpoint, Uri)>> {
    let proxies = hyper_util::client::proxy::matcher::Matcher::from_system();
    let mut out = Vec::with_capacity(urls.len());
    for (e, u) in urls {
        let uri: Uri = u.as_str().parse().ok()?;
        if proxies.intercept(&uri).is_some() {
            return None;
        }
        out.push((*e, uri));
    }
    Some(out)
}

/// Send one request. `headers` are the provider's request headers (auth, content type, the
/// client's and configured extras); `User-Agent` and `Accept` get reqwest's defaults when absent.
pub async fn send(
    client: &Client,
    uri: Uri,
    method: Method,
    mut headers: HeaderMap,
    body: Bytes,
) -> Result<http::Response<Incoming>, UpstreamError> {
    if !headers.contains_key(header::USER_AGENT) {
        headers.insert(header::USER_AGENT, HeaderValue::from_static(super::USER_AGENT));
    }
    if !headers.contains_key(header::ACCEPT) {
        headers.insert(header::ACCEPT, HeaderValue::from_static("*/*"));
    }
    let mut req = Request::new(Full::new(body));
    *req.method_mut() = method;
    *req.uri_mut() = uri;
    *req.headers_mut() = headers;
    client.request(req).await.map_err(|e| {
        let prefix = if e.is_connect() { "connection failed" } else { "request failed" };
        UpstreamError::Connect(super::describe_chain(prefix, &e))
    })
}
