//! The stored-response routes of the Responses API: `GET /v1/responses/{id}`, `DELETE
//! /v1/responses/{id}` and `GET /v1/responses/{id}/input_items`, answered from the relay's own
//! store (`store::responses`) for the calling principal only; errors in the OpenAI shape.

use super::{App, Caller};
use crate::dialect::Dialect;
use crate::error::RelayError;
use axum::Json;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::sync::Arc;

fn caller(req: &Request) -> u64 {
    req.extensions().get::<Caller>().map_or(0, |c| c.0)
}

/// A stored response of the caller's, or the OpenAI-shaped 404.
async fn find_response(
    app: &App,
    caller: u64,
    id: String,
) -> Result<crate::store::responses::StoredResponse, Response> {
    let store = app.runtime.load().responses.clone();
    let lookup = id.clone();
    let found = tokio::task::spawn_blocking(move || store.get(caller, &lookup)).await;
    match found {
        Ok(Ok(Some(r))) => Ok(r),
        Ok(Ok(None)) => Err(RelayError::new(
            StatusCode::NOT_FOUND,
            crate::error::ErrorKind::NotFound,
            crate::error::Fault::Client,
            format!("No response with id '{id}' found."),
        )
        .render(Dialect::Responses)),
        Ok(Err(e)) => Err(RelayError::internal(e.to_string()).render(Dialect::Responses)),
        Err(e) => Err(RelayError::internal(e.to_string()).render(Dialect::Responses)),
    }
}

/// `GET /v1/responses/{id}`: a response the relay stored.
pub(super) async fn get_response(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    match find_response(&app, caller(&req), id).await {
        Ok(r) => Json(r.response).into_response(),
        Err(resp) => resp,
    }
}

/// `DELETE /v1/responses/{id}`.
pub(super) async fn delete_response(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    let caller = caller(&req);
    if let Err(resp) = find_response(&app, caller, id.clone()).await {
        return resp;
    }
    let store = app.runtime.load().responses.clone();
    let target = id.clone();
    match tokio::task::spawn_blocking(move || store.delete(caller, &target)).await {
        Ok(Ok(_)) => Json(serde_json::json!({"id": id, "object": "response.deleted", "deleted": true})).into_response(),
        Ok(Err(e)) => RelayError::internal(e.to_string()).render(Dialect::Responses),
        Err(e) => RelayError::internal(e.to_string()).render(Dialect::Responses),
    }
}

/// `GET /v1/responses/{id}/input_items`: every input item the response was made from, newest
/// first unless `order=asc`.
pub(super) async fn input_items(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    let asc = req.uri().query().is_some_and(|q| q.split('&').any(|kv| kv == "order=asc"));
    let mut items = match find_response(&app, caller(&req), id).await {
        Ok(r) => r.input,
        Err(resp) => return resp,
    };
    if !asc {
        items.reverse();
    }
    let first = items.first().and_then(|i| i.get("id")).cloned();
    let last = items.last().and_then(|i| i.get("id")).cloned();
    Json(serde_json::json!({"object": "list", "data": items, "first_id": first, "last_id": last, "has_more": false}))
        .into_response()
}
