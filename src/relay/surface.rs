//! The rest of the OpenAI surface that is not one JSON conversation: multipart uploads
//! (`/v1/audio/transcriptions`, `/v1/audio/translations`, `/v1/images/edits`) and, through
//! `objects`, files and batches. Uploads are streamed to the upstream as the client sends them:
//! the form is scanned (`form::FormScan`) only until its `model` field, which routes the request;
//! what was read by then is kept (in memory, or in an unlinked temporary file past
//! `SPOOL_MEMORY_BYTES`, when the model comes after a large file) and sent first, with the model
//! rewritten when the route maps it, followed by the rest of the client's body as it arrives.
//! A body once streamed cannot be sent again, so an upload has one attempt (keys and candidates
//! are still skipped while none could take it); a client that stops sending fails its own
//! request, never the key's. `exchange` is the one upstream call with its record, shared with
//! `objects`.

use super::Inbound;
use super::call::{MAX_ERROR_BODY_BYTES, MAX_UPSTREAM_BODY_BYTES, read_bounded};
use super::completion::{Completion, RecordSink};
use super::form::{FormScan, boundary};
use crate::dialect::Dialect;
use crate::error::{ErrorKind, Fault, RelayError};
use crate::keys::{Lease, Outcome, PoolKey};
use crate::providers::outcome::{Classified, Context};
use crate::providers::raw::{RawBody, RawRequest};
use crate::providers::{Endpoint, Provider, UpstreamReply};
use crate::record::{Attempt, RecordKind, Tokens};
use crate::runtime::Runtime;
use axum::body::Body;
use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use http::{HeaderMap, HeaderValue, Response, StatusCode, header};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

/// What a form holds in memory before the rest goes to a temporary file.
const SPOOL_MEMORY_BYTES: usize = 1024 * 1024;
/// Chunks read back from the temporary file.
const SPOOL_READ_BYTES: usize = 64 * 1024;

/// A request to the OpenAI surface after auth, its body not read yet.
pub struct Surface {
    pub endpoint: Endpoint,
    pub headers: HeaderMap,
    pub client_addr: Option<SocketAddr>,
    pub caller: u64,
    pub principal: Option<crate::auth::Principal>,
}

impl Surface {
    /// A record for this request, opened now (`Completion::open`: after a moment's wait while
    /// the request log's writer is far behind).
    pub(super) async fn completion(&self, sink: Arc<dyn RecordSink>) -> Completion {
        let inbound = Inbound {
            dialect: Dialect::OpenAi,
            endpoint: self.endpoint,
            headers: HeaderMap::new(),
            body: Bytes::new(),
            client_addr: self.client_addr,
            caller: self.caller,
            principal: self.principal.clone(),
        };
        Completion::open(sink, &inbound, RecordKind::Completion).await
    }
}

/// The client's body as it arrives: at most `limit` bytes, at `min_rate` bytes per second at
/// least once `grace` has passed (`server.max_body_bytes`, `server.body_min_bytes_per_sec`).
pub struct ClientBody {
    body: Body,
    read: u64,
    limit: u64,
    start: tokio::time::Instant,
    grace: Duration,
    min_rate: u64,
}

impl ClientBody {
    pub fn new(body: Body, limit: usize, (grace, min_rate): (Duration, u64)) -> ClientBody {
        ClientBody { body, read: 0, limit: limit as u64, start: tokio::time::Instant::now(), grace, min_rate }
    }

    async fn next(&mut self) -> Result<Option<Bytes>, RelayError> {
        use http_body_util::BodyExt;
        loop {
            let allowed = if self.min_rate == 0 {
                Duration::from_secs(86_400)
            } else {
                self.grace + Duration::from_secs_f64(self.read as f64 / self.min_rate as f64)
            };
            let frame = match tokio::time::timeout_at(self.start + allowed, self.body.frame()).await {
                Err(_) => {
                    return Err(RelayError::new(
                        StatusCode::REQUEST_TIMEOUT,
                        ErrorKind::Timeout,
                        Fault::Client,
                        format!(
                            "the request body arrived slower than server.body_min_bytes_per_sec ({} bytes per second)",
                            self.min_rate
                        ),
                    ));
                }
                Ok(None) => return Ok(None),
                Ok(Some(Err(e))) => {
                    return Err(RelayError::bad_request(format!("could not read the request body: {e}")));
                }
                Ok(Some(Ok(frame))) => frame,
            };
            let Ok(data) = frame.into_data() else { continue };
            self.read += data.len() as u64;
            if self.read > self.limit {
                return Err(RelayError::too_large(usize::try_from(self.limit).unwrap_or(usize::MAX)));
            }
            return Ok(Some(data));
        }
    }

    /// The rest of the body as a stream for the upstream; a failure is kept in `failed` (the
    /// client's fault, told apart from the upstream's) and aborts the upload.
    pub(super) fn into_stream(
        self,
        failed: Arc<OnceLock<RelayError>>,
    ) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
        futures_util::stream::unfold(Some(self), move |state| {
            let failed = failed.clone();
            async move {
                let mut body = state?;
                match body.next().await {
                    Ok(Some(b)) => Some((Ok(b), Some(body))),
                    Ok(None) => None,
                    Err(e) => {
                        let msg = e.message.clone();
                        let _ = failed.set(e);
                        Some((Err(std::io::Error::other(msg)), None))
                    }
                }
            }
        })
    }

    /// The whole body (files and batches JSON bodies are small).
    pub async fn collect(mut self) -> Result<Bytes, RelayError> {
        let mut out = Vec::new();
        while let Some(b) = self.next().await? {
            out.extend_from_slice(&b);
        }
        Ok(Bytes::from(out))
    }
}

/// What was read of a form before it could be routed.
enum Spool {
    Memory(Vec<u8>),
    File(SpoolFile),
}

/// A temporary file, removed when dropped (at once on Unix, where the open handle keeps it).
struct SpoolFile {
    file: tokio::fs::File,
    len: u64,
    path: Option<std::path::PathBuf>,
}

impl Drop for SpoolFile {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

impl Spool {
    async fn push(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        match self {
            Spool::Memory(m) if m.len() + chunk.len() <= SPOOL_MEMORY_BYTES => {
                m.extend_from_slice(chunk);
                Ok(())
            }
            Spool::Memory(m) => {
                let mut f = spool_file().await?;
                f.file.write_all(m).await?;
                f.file.write_all(chunk).await?;
                f.len = (m.len() + chunk.len()) as u64;
                *self = Spool::File(f);
                Ok(())
            }
            Spool::File(f) => {
                f.file.write_all(chunk).await?;
                f.len += chunk.len() as u64;
                Ok(())
            }
        }
    }

    /// Everything kept, with `[start, end)` replaced by `value` when given.
    async fn replay(self, start: u64, end: u64, value: Option<Bytes>) -> std::io::Result<ReplayStream> {
        let len = match &self {
            Spool::Memory(m) => m.len() as u64,
            Spool::File(f) => f.len,
        };
        let pieces = match value {
            Some(v) => vec![Piece::Range(0, start), Piece::Bytes(v), Piece::Range(end, len)],
            None => vec![Piece::Range(0, len)],
        };
        let source = match self {
            Spool::Memory(m) => Source::Memory(Bytes::from(m)),
            Spool::File(mut f) => {
                f.file.flush().await?;
                Source::File(f)
            }
        };
        Ok(Box::pin(futures_util::stream::unfold(
            (source, pieces, 0usize),
            |(mut source, mut pieces, mut i)| async move {
                loop {
                    let piece = pieces.get_mut(i)?;
                    match piece {
                        Piece::Bytes(b) => {
                            let b = std::mem::take(b);
                            return Some((Ok(b), (source, pieces, i + 1)));
                        }
                        Piece::Range(a, b) if *a >= *b => {
                            i += 1;
                            continue;
                        }
                        Piece::Range(a, b) => {
                            let (from, to) = (*a, *b);
                            let n = usize::try_from(to - from).unwrap_or(usize::MAX).min(SPOOL_READ_BYTES);
                            let read = match &mut source {
                                Source::Memory(m) => {
                                    let (s, e) = (usize::try_from(from).unwrap_or(0), usize::try_from(to).unwrap_or(0));
                                    Ok(m.slice(s.min(m.len())..e.min(m.len())))
                                }
                                Source::File(f) => read_at(&mut f.file, from, n).await,
                            };
                            match read {
                                Ok(chunk) if chunk.is_empty() => {
                                    let e = std::io::Error::other("the spooled upload is shorter than expected");
                                    return Some((Err(e), (source, pieces, usize::MAX)));
                                }
                                Ok(chunk) => {
                                    *a += chunk.len() as u64;
                                    return Some((Ok(chunk), (source, pieces, i)));
                                }
                                Err(e) => return Some((Err(e), (source, pieces, usize::MAX))),
                            }
                        }
                    }
                }
            },
        )))
    }
}

type ReplayStream = std::pin::Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

enum Piece {
    Range(u64, u64),
    Bytes(Bytes),
}

enum Source {
    Memory(Bytes),
    File(SpoolFile),
}

async fn read_at(file: &mut tokio::fs::File, at: u64, n: usize) -> std::io::Result<Bytes> {
    file.seek(std::io::SeekFrom::Start(at)).await?;
    let mut buf = vec![0u8; n];
    let got = file.read(&mut buf).await?;
    buf.truncate(got);
    Ok(Bytes::from(buf))
}

/// A new private temporary file (0600, unlinked at once on Unix).
async fn spool_file() -> std::io::Result<SpoolFile> {
    let path = std::env::temp_dir().join(format!("monorelay-upload-{:016x}", fastrand::u64(..)));
    let mut o = tokio::fs::OpenOptions::new();
    o.read(true).write(true).create_new(true);
    #[cfg(unix)]
    o.mode(0o600);
    let file = o.open(&path).await?;
    #[cfg(unix)]
    {
        tokio::fs::remove_file(&path).await?;
        Ok(SpoolFile { file, len: 0, path: None })
    }
    #[cfg(not(unix))]
    Ok(SpoolFile { file, len: 0, path: Some(path) })
}

/// The key an exchange uses: leased from the pool (its health then hears the outcome), or the
/// key an object is pinned to.
pub(super) enum KeyUse {
    Leased(Lease),
    Pinned(Arc<PoolKey>),
}

impl KeyUse {
    fn key(&self) -> &PoolKey {
        match self {
            KeyUse::Leased(l) => &l.key,
            KeyUse::Pinned(k) => k,
        }
    }
    fn finish(self, outcome: Outcome, error: Option<&str>) {
        if let KeyUse::Leased(l) = self {
            l.finish(outcome, error);
        }
    }
}

/// One upstream call of the surface with its record: failures are classified (the key pays its
/// penalty when leased) and come back as the error to answer; a 2xx comes back unread, with the
/// record's provider, model and key filled in.
pub(super) async fn exchange(
    secrets: &[crate::secret::Secret<String>],
    provider: &Provider,
    model: &str,
    key: KeyUse,
    req: RawRequest<'_>,
    client_failed: Option<&OnceLock<RelayError>>,
    completion: &mut Completion,
) -> Result<UpstreamReply, RelayError> {
    let sent_at = Instant::now();
    let result = completion.upstream(provider.send_raw(&key.key().auth, req)).await;
    let mut attempt = Attempt {
        provider: provider.name().to_string(),
        model: model.to_string(),
        key_label: key.key().config.label.clone(),
        sent_at: Some(sent_at),
        ..Attempt::default()
    };
    let failed = |completion: &mut Completion, mut attempt: Attempt, key: KeyUse, c: &Classified| {
        attempt.error = Some(c.message.clone());
        attempt.settle_time();
        if let Some(r) = completion.record_mut() {
            r.attempts.push(attempt);
        }
        key.finish(c.penalty.clone(), Some(&c.message));
    };
    let reply = match result {
        Ok(r) => r,
        Err(e) => {
            // The client stopped sending: its own failure, not the key's.
            if let Some(client) = client_failed.and_then(OnceLock::get) {
                attempt.error = Some(client.message.clone());
                if let Some(r) = completion.record_mut() {
                    r.attempts.push(attempt);
                }
                key.finish(Outcome::ClientError, None);
                return Err(client.clone());
            }
            let c = Classified::transport(provider.name(), &e);
            failed(completion, attempt, key, &c);
            return Err(c.to_error());
        }
    };
    attempt.status = reply.status.as_u16();
    if !reply.status.is_success() {
        let body = completion.upstream(read_bounded(reply.body, MAX_ERROR_BODY_BYTES)).await.unwrap_or_default();
        let ctx = Context {
            provider: provider.name(),
            ignore_errors: &provider.config.ignore_errors,
            key: Some(&key.key().config.secret),
            secrets,
        };
        let c = Classified::response(ctx, reply.status, &reply.headers, &body);
        failed(completion, attempt, key, &c);
        return Err(c.to_error());
    }
    attempt.settle_time();
    if let Some(r) = completion.record_mut() {
        r.provider = Some(provider.name().to_string());
        r.model = Some(model.to_string());
        r.key_label = Some(key.key().config.label.clone());
        r.upstream = Some(Dialect::OpenAi);
        r.attempts.push(attempt);
    }
    key.finish(Outcome::Success, None);
    Ok(reply)
}

/// Read a 2xx answer whole (bounded) and finish the record with its token usage, if any.
pub(super) async fn read_answer(
    provider: &Provider,
    reply: UpstreamReply,
    completion: &mut Completion,
) -> Result<(StatusCode, Option<HeaderValue>, Bytes), RelayError> {
    let status = reply.status;
    let content_type = reply.headers.get(header::CONTENT_TYPE).cloned();
    let body = match completion.upstream(read_bounded(reply.body, MAX_UPSTREAM_BODY_BYTES)).await {
        Some(b) if b.len() < MAX_UPSTREAM_BODY_BYTES => Bytes::from(b),
        Some(_) => {
            return Err(RelayError::bad_gateway(format!(
                "[{}] the upstream response is larger than {MAX_UPSTREAM_BODY_BYTES} bytes",
                provider.name()
            )));
        }
        None => return Err(RelayError::bad_gateway(format!("[{}] the upstream response broke off", provider.name()))),
    };
    let tokens = usage_tokens(&body);
    completion.finish(status.as_u16(), None, tokens);
    Ok((status, content_type, body))
}

/// The token usage of a JSON answer (`usage` with input/output or prompt/completion tokens).
pub(super) fn usage_tokens(body: &[u8]) -> Option<Tokens> {
    #[derive(serde::Deserialize)]
    struct Probe {
        usage: Option<super::pipe::AnyUsage>,
    }
    let usage = serde_json::from_slice::<Probe>(body).ok()?.usage?;
    Some(usage.tokens(Dialect::OpenAi)).filter(|t| t.input > 0 || t.output > 0)
}

/// An answer with the upstream's status and content type, and the `x-monorelay-*` headers.
pub(super) fn respond(
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Body,
    provider: &Provider,
    model: &str,
) -> Response<Body> {
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, content_type.unwrap_or_else(|| HeaderValue::from_static("application/json")));
    super::respond::relay_headers(&mut resp, provider, model, 1);
    resp
}

/// A multipart upload (`/v1/audio/transcriptions`, `/v1/audio/translations`, `/v1/images/edits`).
pub async fn upload(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, s: Surface, body: ClientBody) -> Response<Body> {
    let mut completion = s.completion(sink).await;
    match run_upload(&rt, &s, body, &mut completion).await {
        Ok(resp) => resp,
        Err(e) => {
            tracing::warn!(status = e.status.as_u16(), endpoint = s.endpoint.name(), "request failed: {}", e.message);
            completion.fail(&e);
            e.render(Dialect::OpenAi)
        }
    }
}

async fn run_upload(
    rt: &Runtime,
    s: &Surface,
    mut body: ClientBody,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    let content_type = s.headers.get(header::CONTENT_TYPE).cloned();
    let Some(boundary) = content_type.as_ref().and_then(|v| v.to_str().ok()).and_then(boundary) else {
        return Err(RelayError::bad_request(format!(
            "{} takes a multipart/form-data body (with a boundary)",
            s.endpoint.openai_path()
        )));
    };
    let mut scan = FormScan::new(&boundary, "model");
    let mut spool = Spool::Memory(Vec::new());
    let field = loop {
        let Some(chunk) = body.next().await? else {
            return Err(RelayError::invalid_field("model", "is required (a form field)"));
        };
        spool.push(&chunk).await.map_err(|e| RelayError::internal(format!("cannot keep the upload: {e}")))?;
        if let Some(f) = scan.push(&chunk).map_err(RelayError::bad_request)? {
            break f;
        }
        if scan.finished() {
            return Err(RelayError::invalid_field("model", "is required (a form field)"));
        }
    };
    let model = field.value.trim().to_string();
    if let Some(r) = completion.record_mut() {
        r.requested_model = model.clone();
    }
    if let Some(p) = &s.principal {
        p.admit(&model)?;
    }
    let candidates = crate::router::resolve_with(rt, &model, &String::new)?;
    let mut last_err = None;
    for cand in &candidates {
        let provider = &rt.providers[cand.provider];
        if !provider.serves_openai_surface() {
            last_err = Some(RelayError::invalid_field(
                "model",
                format!(
                    "'{model}' routes to provider '{}', which is not OpenAI-compatible; {} needs an 'api' provider",
                    provider.name(),
                    s.endpoint.openai_path()
                ),
            ));
            continue;
        }
        let lease = match provider.pool.lease(&[], None) {
            Ok(l) => l,
            Err(un) => {
                last_err = Some(RelayError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ErrorKind::Unavailable,
                    Fault::Upstream,
                    format!("[{}] {}", provider.name(), un.reason),
                ));
                continue;
            }
        };
        // What was read, the model rewritten when mapped, then the rest as the client sends it.
        let value = (cand.model != field.value).then(|| Bytes::from(cand.model.clone()));
        let head =
            spool.replay(field.start, field.end, value).await.map_err(|e| RelayError::internal(e.to_string()))?;
        let failed = Arc::new(OnceLock::new());
        let stream = head.chain(body.into_stream(failed.clone()));
        let req = RawRequest {
            method: http::Method::POST,
            path_and_query: s.endpoint.openai_path(),
            content_type,
            body: RawBody::Stream(Box::pin(stream)),
        };
        let reply =
            exchange(&rt.secrets, provider, &cand.model, KeyUse::Leased(lease), req, Some(&failed), completion).await?;
        let (status, ct, bytes) = read_answer(provider, reply, completion).await?;
        return Ok(respond(status, ct, Body::from(bytes), provider, &cand.model));
    }
    Err(last_err.unwrap_or_else(|| RelayError::internal("no candidate")))
}
