//! Requests that are not one JSON body to one fixed route: the rest of the OpenAI surface
//! (`/audio/transcriptions`, `/audio/translations`, `/images/edits`, `/files`, `/batches`) sent
//! to an OpenAI-compatible (`api`) upstream with any method, a path below its base URL, the
//! client's content type and a body that may be streamed from the client as it arrives. The
//! first-byte timeout starts once the body has been sent (an upload may take longer than that),
//! `total_timeout` bounds the whole call, and the answer comes back as an `UpstreamReply`.

use super::{Provider, UpstreamError, UpstreamReply, describe_reqwest, extra_headers, join_url, timed_body};
use crate::config::ProviderKind;
use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use http::{HeaderMap, HeaderValue, Method, header};
use std::sync::Arc;
use tokio::time::Instant;

/// The body of a raw request.
pub enum RawBody {
    None,
    Bytes(Bytes),
    /// Streamed from the client; an error item aborts the upload.
    Stream(std::pin::Pin<Box<dyn Stream<Item = Result<Bytes, std::io::Error>> + Send>>),
}

/// One raw request: method, path (below the base URL, with its query) and body.
pub struct RawRequest<'a> {
    pub method: Method,
    pub path_and_query: &'a str,
    pub content_type: Option<HeaderValue>,
    pub body: RawBody,
}

impl Provider {
    /// Whether the raw OpenAI surface (files, batches, uploads) can be sent to this provider.
    pub fn serves_openai_surface(&self) -> bool {
        self.config.kind == ProviderKind::Api
    }

    /// Send `req` with the key whose auth header is `auth` (see the module docs).
    pub async fn send_raw(&self, auth: &HeaderValue, req: RawRequest<'_>) -> Result<UpstreamReply, UpstreamError> {
        if !self.serves_openai_surface() {
            return Err(UpstreamError::Connect(format!(
                "provider '{}' is not an OpenAI-compatible ('api') provider",
                self.name()
            )));
        }
        let url = reqwest::Url::parse(&join_url(&self.config.base_url, req.path_and_query))
            .map_err(|_| UpstreamError::Connect(format!("'{}' is not a valid upstream URL", self.config.base_url)))?;
        let mut rb = self
            .client
            .request(req.method, url)
            .header(header::AUTHORIZATION, auth.clone())
            .header(header::ACCEPT, "application/json");
        if let Some(ct) = req.content_type {
            rb = rb.header(header::CONTENT_TYPE, ct);
        }
        rb = extra_headers(rb, &self.config, &HeaderMap::new());
        // The first-byte timeout counts from the end of the upload.
        let sent = Arc::new(tokio::sync::Notify::new());
        rb = match req.body {
            RawBody::None => {
                sent.notify_one();
                rb
            }
            RawBody::Bytes(b) => {
                sent.notify_one();
                rb.body(b)
            }
            RawBody::Stream(s) => {
                let done = sent.clone();
                let s = s.chain(futures_util::stream::once(async move {
                    done.notify_one();
                    Ok(Bytes::new())
                }));
                rb.body(reqwest::Body::wrap_stream(s))
            }
        };
        let deadline = self.config.total_timeout.map(|t| Instant::now() + t);
        let first_byte = self.config.timeout;
        let send = rb.send();
        tokio::pin!(send);
        let head = async {
            tokio::select! {
                r = &mut send => Some(r),
                _ = sent.notified() => tokio::time::timeout(first_byte, &mut send).await.ok(),
            }
        };
        let head = match deadline {
            Some(d) => tokio::time::timeout_at(d, head)
                .await
                .map_err(|_| UpstreamError::TotalTimeout(self.config.total_timeout.unwrap_or_default()))?,
            None => head.await,
        };
        let resp = match head {
            Some(Ok(r)) => r,
            Some(Err(e)) => return Err(UpstreamError::Connect(describe_reqwest(&e))),
            None => return Err(UpstreamError::FirstByteTimeout(first_byte)),
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        let body =
            timed_body(resp.bytes_stream(), describe_reqwest, self.config.timeout, deadline, self.config.total_timeout);
        Ok(UpstreamReply { status, headers, body })
    }
}
