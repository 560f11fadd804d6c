//! `/v1/files` and `/v1/batches`: objects that live in one upstream account. An upload goes to
//! the provider named by the `x-monorelay-provider` header, else to the first OpenAI-compatible
//! provider, with a key leased from its pool, streamed through like any upload; the new file's
//! id is then pinned (`store::objects`) to that provider and key and to the principal that made
//! it. A batch is sent to the account that holds its input file and pinned there too, and the
//! output and error files a batch reports are pinned with it. Get, content, delete and cancel go
//! to the pinned key (found by its fingerprint, so a restart or a relabelled key still finds it);
//! lists ask every account the principal has objects in and show only the principal's objects.
//! An id the principal did not make here is a 404, as the upstream would answer.

use super::completion::{Completion, RecordSink};
use super::surface::{ClientBody, KeyUse, Surface, exchange, read_answer, respond};
use crate::dialect::Dialect;
use crate::error::{ErrorKind, Fault, RelayError};
use crate::keys::PoolKey;
use crate::providers::Provider;
use crate::providers::raw::{RawBody, RawRequest};
use crate::runtime::Runtime;
use crate::store::objects::{ObjectKind, Pin};
use axum::body::Body;
use futures_util::StreamExt;
use http::{Method, Response, StatusCode, header};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::SystemTime;

/// The header that picks the provider of a file upload.
pub const PROVIDER_HEADER: &str = "x-monorelay-provider";

/// What is done with one pinned object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectOp {
    Get,
    /// `GET /v1/files/{id}/content`: streamed through.
    Content,
    Delete,
    /// `POST /v1/batches/{id}/cancel`.
    Cancel,
}

impl ObjectKind {
    fn path(self) -> &'static str {
        match self {
            ObjectKind::File => "/files",
            ObjectKind::Batch => "/batches",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            ObjectKind::File => "File",
            ObjectKind::Batch => "Batch",
        }
    }
}

/// Run `f` with a record for `s`; an error is answered in the OpenAI shape and recorded.
async fn recorded<'a, F, Fut>(sink: Arc<dyn RecordSink>, s: &'a Surface, f: F) -> Response<Body>
where
    F: FnOnce(Completion) -> Fut,
    Fut: std::future::Future<Output = (Completion, Result<Response<Body>, RelayError>)> + 'a,
{
    let mut completion = s.completion(sink).await;
    if let Some(r) = completion.record_mut() {
        r.requested_model = s.endpoint.name().to_string();
    }
    let (mut completion, result) = f(completion).await;
    match result {
        Ok(resp) => resp,
        Err(e) => {
            tracing::warn!(status = e.status.as_u16(), endpoint = s.endpoint.name(), "request failed: {}", e.message);
            completion.fail(&e);
            e.render(Dialect::OpenAi)
        }
    }
}

fn no_such(kind: ObjectKind, id: &str) -> RelayError {
    RelayError::new(
        StatusCode::NOT_FOUND,
        ErrorKind::NotFound,
        Fault::Client,
        format!("No such {} object: {id}", kind.noun()),
    )
}

/// Ids the upstream gives are short tokens; anything else is not one of ours.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 200 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
) -> Result<T, RelayError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| RelayError::internal(e.to_string()))?
        .map_err(|e| RelayError::internal(e.to_string()))
}

/// The provider and key (by fingerprint) an object of `id` is pinned to, if both are still configured.
fn pinned<'a>(
    rt: &'a Runtime,
    id: &str,
    provider_name: &str,
    fingerprint: u64,
) -> Result<(&'a Provider, Arc<PoolKey>), RelayError> {
    let wanted = crate::config::normalize_name(provider_name);
    let provider = rt.providers.iter().find(|p| p.normalized_name == wanted).ok_or_else(|| {
        RelayError::not_found(format!("'{id}' was made with provider '{provider_name}', which is no longer configured"))
    })?;
    let key = provider.pool.keys.iter().find(|k| k.id.fingerprint == fingerprint).cloned().ok_or_else(|| {
        RelayError::not_found(format!(
            "'{id}' was made with a key of provider '{provider_name}' that is no longer configured"
        ))
    })?;
    Ok((provider, key))
}

/// Pin `id` (when it looks like an upstream id) to the provider and key that made it.
async fn pin(rt: &Runtime, id: &str, kind: ObjectKind, provider: &Provider, key: &PoolKey, owner: u64) {
    if !valid_id(id) {
        return;
    }
    let pin = Pin {
        kind,
        provider: provider.name().to_string(),
        key: key.id.fingerprint,
        owner,
        created_ms: crate::store::unix_ms(SystemTime::now()),
    };
    let (store, id) = (rt.objects.clone(), id.to_string());
    if let Err(e) = blocking(move || store.put(&id, &pin)).await {
        tracing::warn!("cannot pin a {} made through the relay: {}", kind.noun(), e.message);
    }
}

/// A batch's output and error files live where the batch does.
async fn pin_batch_files(rt: &Runtime, batch: &Value, provider: &Provider, key: &PoolKey, owner: u64) {
    for field in ["output_file_id", "error_file_id"] {
        if let Some(id) = batch.get(field).and_then(Value::as_str) {
            pin(rt, id, ObjectKind::File, provider, key, owner).await;
        }
    }
}

/// `POST /v1/files`: the upload streamed to the chosen provider; the new file pinned.
pub async fn create_file(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, s: Surface, body: ClientBody) -> Response<Body> {
    recorded(sink, &s, |mut completion| async {
        let result = create_file_in(&rt, &s, body, &mut completion).await;
        (completion, result)
    })
    .await
}

async fn create_file_in(
    rt: &Runtime,
    s: &Surface,
    body: ClientBody,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    let named = s.headers.get(PROVIDER_HEADER).and_then(|v| v.to_str().ok()).map(crate::config::normalize_name);
    let provider = match &named {
        Some(n) => rt.providers.iter().find(|p| &p.normalized_name == n).ok_or_else(|| {
            RelayError::invalid_field(PROVIDER_HEADER, format!("no provider named '{n}' is configured"))
        })?,
        None => rt.providers.iter().find(|p| p.serves_openai_surface() && p.usable()).ok_or_else(|| {
            RelayError::bad_request("no OpenAI-compatible ('api') provider is configured to keep files")
        })?,
    };
    if !provider.serves_openai_surface() {
        return Err(RelayError::invalid_field(
            PROVIDER_HEADER,
            format!("provider '{}' is not OpenAI-compatible ('api'): it keeps no files", provider.name()),
        ));
    }
    let lease = provider.pool.lease(&[], None).map_err(|un| {
        RelayError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Unavailable,
            Fault::Upstream,
            format!("[{}] {}", provider.name(), un.reason),
        )
    })?;
    let key = lease.key.clone();
    let failed = Arc::new(std::sync::OnceLock::new());
    let req = RawRequest {
        method: Method::POST,
        path_and_query: "/files",
        content_type: s.headers.get(header::CONTENT_TYPE).cloned(),
        body: RawBody::Stream(Box::pin(body.into_stream(failed.clone()))),
    };
    let reply = exchange(&rt.secrets, provider, "", KeyUse::Leased(lease), req, Some(&failed), completion).await?;
    let (status, ct, bytes) = read_answer(provider, reply, completion).await?;
    if let Some(id) = serde_json::from_slice::<Value>(&bytes).ok().as_ref().and_then(|v| v.get("id")?.as_str()) {
        pin(rt, id, ObjectKind::File, provider, &key, s.caller).await;
    }
    Ok(respond(status, ct, Body::from(bytes), provider, ""))
}

/// `POST /v1/batches`: sent to the account holding `input_file_id`; the batch pinned there.
pub async fn create_batch(rt: Arc<Runtime>, sink: Arc<dyn RecordSink>, s: Surface, body: ClientBody) -> Response<Body> {
    recorded(sink, &s, |mut completion| async {
        let result = create_batch_in(&rt, &s, body, &mut completion).await;
        (completion, result)
    })
    .await
}

async fn create_batch_in(
    rt: &Runtime,
    s: &Surface,
    body: ClientBody,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    let bytes = body.collect().await?;
    let v: Value = serde_json::from_slice(&bytes)
        .map_err(|e| RelayError::bad_request(format!("request body is not valid JSON: {e}")))?;
    let Some(file) = v.get("input_file_id").and_then(Value::as_str) else {
        return Err(RelayError::invalid_field("input_file_id", "is required (a file uploaded through this relay)"));
    };
    let (owner, lookup) = (s.caller, file.to_string());
    let store = rt.objects.clone();
    let found = if valid_id(file) { blocking(move || store.get(owner, &lookup)).await? } else { None };
    let Some(file_pin) = found.filter(|p| p.kind == ObjectKind::File) else {
        return Err(RelayError::invalid_field(
            "input_file_id",
            format!("no file '{file}' was uploaded through this relay by this caller"),
        ));
    };
    let (provider, key) = pinned(rt, file, &file_pin.provider, file_pin.key)?;
    let req = RawRequest {
        method: Method::POST,
        path_and_query: "/batches",
        content_type: Some(http::HeaderValue::from_static("application/json")),
        body: RawBody::Bytes(bytes),
    };
    let reply = exchange(&rt.secrets, provider, "", KeyUse::Pinned(key.clone()), req, None, completion).await?;
    let (status, ct, bytes) = read_answer(provider, reply, completion).await?;
    if let Ok(batch) = serde_json::from_slice::<Value>(&bytes) {
        if let Some(id) = batch.get("id").and_then(Value::as_str) {
            pin(rt, id, ObjectKind::Batch, provider, &key, s.caller).await;
        }
        pin_batch_files(rt, &batch, provider, &key, s.caller).await;
    }
    Ok(respond(status, ct, Body::from(bytes), provider, ""))
}

/// Get, content, delete or cancel one pinned object.
pub async fn object(
    rt: Arc<Runtime>,
    sink: Arc<dyn RecordSink>,
    s: Surface,
    kind: ObjectKind,
    id: String,
    op: ObjectOp,
) -> Response<Body> {
    recorded(sink, &s, |mut completion| async {
        let result = object_in(&rt, &s, kind, &id, op, &mut completion).await;
        (completion, result)
    })
    .await
}

async fn object_in(
    rt: &Runtime,
    s: &Surface,
    kind: ObjectKind,
    id: &str,
    op: ObjectOp,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    if !valid_id(id) {
        return Err(no_such(kind, id));
    }
    let (store, owner, lookup) = (rt.objects.clone(), s.caller, id.to_string());
    let pin_of = blocking(move || store.get(owner, &lookup)).await?.filter(|p| p.kind == kind);
    let Some(pin_of) = pin_of else { return Err(no_such(kind, id)) };
    let (provider, key) = pinned(rt, id, &pin_of.provider, pin_of.key)?;
    let (method, path) = match op {
        ObjectOp::Get => (Method::GET, format!("{}/{id}", kind.path())),
        ObjectOp::Content => (Method::GET, format!("{}/{id}/content", kind.path())),
        ObjectOp::Delete => (Method::DELETE, format!("{}/{id}", kind.path())),
        ObjectOp::Cancel => (Method::POST, format!("{}/{id}/cancel", kind.path())),
    };
    let req = RawRequest { method, path_and_query: &path, content_type: None, body: RawBody::None };
    let reply = exchange(&rt.secrets, provider, "", KeyUse::Pinned(key.clone()), req, None, completion).await?;
    if op == ObjectOp::Content {
        // A file's content may be large: streamed through as it comes.
        let (status, ct) = (reply.status, reply.headers.get(header::CONTENT_TYPE).cloned());
        completion.finish(status.as_u16(), None, None);
        let body = reply.body.map(|r| r.map_err(|e| std::io::Error::other(e.to_string())));
        return Ok(respond(status, ct, Body::from_stream(body), provider, ""));
    }
    let (status, ct, bytes) = read_answer(provider, reply, completion).await?;
    match op {
        ObjectOp::Delete => {
            let (store, gone) = (rt.objects.clone(), id.to_string());
            blocking(move || store.remove(&gone)).await?;
        }
        _ if kind == ObjectKind::Batch => {
            if let Ok(batch) = serde_json::from_slice::<Value>(&bytes) {
                pin_batch_files(rt, &batch, provider, &key, s.caller).await;
            }
        }
        _ => {}
    }
    Ok(respond(status, ct, Body::from(bytes), provider, ""))
}

/// `GET /v1/files` / `GET /v1/batches`: the caller's objects, from every account holding some.
pub async fn list(
    rt: Arc<Runtime>,
    sink: Arc<dyn RecordSink>,
    s: Surface,
    kind: ObjectKind,
    query: Option<String>,
) -> Response<Body> {
    recorded(sink, &s, |mut completion| async {
        let result = list_in(&rt, &s, kind, query.as_deref(), &mut completion).await;
        (completion, result)
    })
    .await
}

async fn list_in(
    rt: &Runtime,
    s: &Surface,
    kind: ObjectKind,
    query: Option<&str>,
    completion: &mut Completion,
) -> Result<Response<Body>, RelayError> {
    let (store, owner) = (rt.objects.clone(), s.caller);
    let pins = blocking(move || store.list(owner, kind)).await?;
    // One upstream list per account (provider + key) that holds some of them.
    let mut accounts: Vec<(String, u64)> = Vec::new();
    for (_, p) in &pins {
        if !accounts.iter().any(|(n, k)| n == &p.provider && *k == p.key) {
            accounts.push((p.provider.clone(), p.key));
        }
    }
    let path = match query.filter(|q| !q.is_empty()) {
        Some(q) => format!("{}?{q}", kind.path()),
        None => kind.path().to_string(),
    };
    let mut data: Vec<Value> = Vec::new();
    let mut has_more = false;
    for (provider_name, fingerprint) in &accounts {
        let Ok((provider, key)) = pinned(rt, provider_name, provider_name, *fingerprint) else { continue };
        let req = RawRequest { method: Method::GET, path_and_query: &path, content_type: None, body: RawBody::None };
        let reply = exchange(&rt.secrets, provider, "", KeyUse::Pinned(key), req, None, completion).await?;
        let body = super::call::read_bounded(reply.body, super::call::MAX_UPSTREAM_BODY_BYTES)
            .await
            .ok_or_else(|| RelayError::bad_gateway(format!("[{}] the upstream list broke off", provider.name())))?;
        let v: Value = serde_json::from_slice(&body).map_err(|e| {
            RelayError::bad_gateway(format!("[{}] the upstream list is not JSON: {e}", provider.name()))
        })?;
        has_more |= v.get("has_more").and_then(Value::as_bool).unwrap_or(false);
        let mine = |o: &Value| o.get("id").and_then(Value::as_str).is_some_and(|id| pins.iter().any(|(p, _)| p == id));
        data.extend(v.get("data").and_then(Value::as_array).into_iter().flatten().filter(|o| mine(o)).cloned());
    }
    data.sort_by_key(|o| std::cmp::Reverse(o.get("created_at").and_then(Value::as_u64).unwrap_or(0)));
    let first = data.first().and_then(|o| o.get("id")).cloned();
    let last = data.last().and_then(|o| o.get("id")).cloned();
    let body = json!({"object": "list", "data": data, "first_id": first, "last_id": last, "has_more": has_more});
    completion.finish(200, None, None);
    Ok(axum::response::IntoResponse::into_response(axum::Json(body)))
}
