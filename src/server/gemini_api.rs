//! The Gemini routes: `POST /v1beta/models/{model}:generateContent` (and the same under `/v1`,
//! Gemini's API version v1, which google-genai 3 uses by default), `:streamGenerateContent`
//! (SSE with `?alt=sse`, else Google's JSON-array stream), `:countTokens` (estimated locally),
//! and `GET /v1beta/models` / `GET /v1beta/models/{model}` (every model that routes, as Gemini
//! model objects). Credentials come from `x-goog-api-key` or `?key=` besides the usual headers
//! (the `auth` middleware reads them); every error is in Gemini's shape.
//!
//! The model and the stream flag travel in the URL; the body goes into the relay with them
//! written in as `model` and `stream` (see `wire::gemini`), so every later stage reads a Gemini
//! request like any other.

use super::{App, read_body};
use crate::body::JsonObject;
use crate::dialect::Dialect;
use crate::error::RelayError;
use crate::providers::Endpoint;
use crate::relay::{self, Inbound};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use http::{HeaderValue, StatusCode, header};
use serde_json::json;
use std::sync::Arc;

/// The methods of a model resource a client may call.
const METHODS: &[&str] = &["generateContent", "streamGenerateContent", "countTokens"];

/// A Gemini route: anything under `/v1beta/`, or a model method under `/v1/models/`.
pub(super) fn is_gemini_path(path: &str) -> bool {
    path.starts_with("/v1beta/")
        || path
            .strip_prefix("/v1/models/")
            .and_then(|rest| rest.rsplit_once(':'))
            .is_some_and(|(_, method)| METHODS.contains(&method))
}

/// `POST /v1beta/models/{model}:{method}`.
pub(super) async fn model_method(State(app): State<Arc<App>>, Path(target): Path<String>, req: Request) -> Response {
    let Some((model, method)) = target.rsplit_once(':') else {
        return not_found(&format!("no method in '{target}' (expected models/{{model}}:generateContent)"));
    };
    let model = model.strip_prefix("models/").unwrap_or(model).to_string();
    let sse = req.uri().query().is_some_and(|q| q.split('&').any(|p| p == "alt=sse"));
    let stream = match method {
        "generateContent" => false,
        "streamGenerateContent" => true,
        "countTokens" => return count_tokens(app, model, req).await,
        other => {
            return not_found(&format!("method '{other}' is not served here (expected one of {})", METHODS.join(", ")));
        }
    };
    if model.trim().is_empty() {
        return RelayError::invalid_field("model", "must be a non-empty string").render(Dialect::Gemini);
    }
    let mut permits = Vec::new();
    let (headers, body, client_addr, caller, principal) =
        match read_body(&app, req, Dialect::Gemini, &mut permits).await {
            Ok(x) => x,
            Err(resp) => return resp,
        };
    let mut obj = match JsonObject::parse(&body) {
        Ok(o) => o,
        Err(e) => return RelayError::bad_request(e).render(Dialect::Gemini),
    };
    obj.set("model", &model);
    obj.set("stream", &stream);
    let body = bytes::Bytes::from(obj.to_vec());
    let rt = app.runtime.load_full();
    let inbound = Inbound {
        dialect: Dialect::Gemini,
        endpoint: Endpoint::GenerateContent,
        headers,
        body,
        client_addr,
        caller,
        principal,
    };
    let resp = relay::handle(rt, app.sink.clone(), inbound).await;
    if stream && !sse && resp.status().is_success() { json_array_stream(resp) } else { resp }
}

/// An SSE answer as Google's JSON-array stream: `[` chunk `,` chunk … `]`, each chunk sent as it
/// comes.
fn json_array_stream(resp: Response) -> Response {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (mut parts, body) = resp.into_parts();
    let mut decoder = crate::translate::SseDecoder::new();
    let opened = Arc::new(AtomicBool::new(false));
    let seen = opened.clone();
    let mut events = Vec::new();
    let chunks = body.into_data_stream().map(move |chunk| {
        let chunk = chunk.map_err(std::io::Error::other)?;
        let mut out = Vec::with_capacity(chunk.len() + 4);
        if decoder.push(&chunk, &mut events).is_err() {
            return Err(std::io::Error::other("the event stream could not be read"));
        }
        for ev in events.drain(..) {
            out.extend_from_slice(if opened.swap(true, Ordering::Relaxed) { b",\r\n" } else { b"[" });
            out.extend_from_slice(ev.data.as_bytes());
        }
        Ok(bytes::Bytes::from(out))
    });
    // An answer without any chunk still is an array.
    let tail = futures_util::stream::once(async move {
        let end: &'static [u8] = if seen.load(Ordering::Relaxed) { b"]" } else { b"[]" };
        Ok::<_, std::io::Error>(bytes::Bytes::from_static(end))
    });
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove("x-accel-buffering");
    Response::from_parts(parts, Body::from_stream(chunks.chain(tail)))
}

/// `POST /v1beta/models/{model}:countTokens`: the relay's estimate for the request's contents
/// (`contents` or a whole `generateContentRequest`).
async fn count_tokens(app: Arc<App>, model: String, req: Request) -> Response {
    let mut permits = Vec::new();
    let body = match read_body(&app, req, Dialect::Gemini, &mut permits).await {
        Ok((_, body, ..)) => body,
        Err(resp) => return resp,
    };
    let v: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return RelayError::bad_request(format!("request body is not valid JSON: {e}")).render(Dialect::Gemini);
        }
    };
    let mut inner = v.get("generateContentRequest").cloned().unwrap_or(v);
    if let Some(o) = inner.as_object_mut() {
        o.insert("model".into(), json!(model));
    }
    let bytes = serde_json::to_vec(&inner).unwrap_or_default();
    match crate::translate::gemini::decode_request(&bytes) {
        Ok(ir) => Json(json!({"totalTokens": crate::tokens::estimate_request(&ir)})).into_response(),
        Err(crate::translate::TranslateError::InvalidField { field, message }) => {
            RelayError::invalid_field(&field, message).render(Dialect::Gemini)
        }
        Err(e) => RelayError::bad_request(e.to_string()).render(Dialect::Gemini),
    }
}

fn not_found(message: &str) -> Response {
    RelayError::not_found(message).render(Dialect::Gemini)
}

fn model_object(id: &str) -> serde_json::Value {
    json!({
        "name": format!("models/{id}"),
        "baseModelId": id,
        "version": "001",
        "displayName": id,
        "description": "",
        "inputTokenLimit": 1_048_576,
        "outputTokenLimit": 65_536,
        "supportedGenerationMethods": METHODS,
    })
}

/// `GET /v1beta/models`.
pub(super) async fn list_models(State(app): State<Arc<App>>) -> Response {
    let models: Vec<_> = super::listed(&app).iter().map(|m| model_object(&m.id)).collect();
    Json(json!({"models": models})).into_response()
}

/// `GET /v1beta/models/{model}`.
pub(super) async fn get_model(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let id = id.strip_prefix("models/").unwrap_or(&id).to_string();
    match super::listed(&app).into_iter().find(|m| m.id == id) {
        Some(m) => Json(model_object(&m.id)).into_response(),
        None => RelayError::new(
            StatusCode::NOT_FOUND,
            crate::error::ErrorKind::NotFound,
            crate::error::Fault::Client,
            format!("model '{id}' is not served here (see GET /v1beta/models)"),
        )
        .render(Dialect::Gemini),
    }
}
