//! The routes of the rest of the OpenAI surface (`relay::surface`, `relay::objects`): multipart
//! uploads streamed through (`/v1/audio/transcriptions`, `/v1/audio/translations`,
//! `/v1/images/edits`), `/v1/files` and `/v1/batches`. Each handler only lifts the request's
//! identity (caller, principal, address) and its unread body, bounded by the same
//! `server.max_body_bytes` and minimum rate as every body, into the relay.

use super::{App, Caller};
use crate::providers::Endpoint;
use crate::relay::objects::{self, ObjectOp};
use crate::relay::surface::{self, ClientBody, Surface};
use crate::store::objects::ObjectKind;
use axum::Router;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::sync::Arc;

/// Every route, with and without the `/v1` prefix like the other relay routes.
pub(super) fn routes() -> Router<Arc<App>> {
    let mut r = Router::new();
    for prefix in ["/v1", ""] {
        r = r
            .route(&format!("{prefix}/audio/transcriptions"), post(transcriptions))
            .route(&format!("{prefix}/audio/translations"), post(translations))
            .route(&format!("{prefix}/images/edits"), post(images_edits))
            .route(&format!("{prefix}/files"), post(create_file).get(list_files))
            .route(&format!("{prefix}/files/{{id}}"), get(get_file).delete(delete_file))
            .route(&format!("{prefix}/files/{{id}}/content"), get(file_content))
            .route(&format!("{prefix}/batches"), post(create_batch).get(list_batches))
            .route(&format!("{prefix}/batches/{{id}}"), get(get_batch))
            .route(&format!("{prefix}/batches/{{id}}/cancel"), post(cancel_batch));
    }
    r
}

/// The request's identity and its unread body.
fn split(app: &App, endpoint: Endpoint, req: Request) -> (Surface, ClientBody, Option<String>) {
    let server = app.runtime.load().config.server.clone();
    let client_addr = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = req.extensions().get::<Caller>().map_or(0, |c| c.0);
    let query = req.uri().query().map(str::to_string);
    let (mut parts, body) = req.into_parts();
    let principal = parts.extensions.remove::<crate::auth::Principal>();
    let s = Surface { endpoint, headers: parts.headers, client_addr, caller, principal };
    let body =
        ClientBody::new(body, server.max_body_bytes, (server.header_read_timeout, server.body_min_bytes_per_sec));
    (s, body, query)
}

async fn upload(app: Arc<App>, endpoint: Endpoint, req: Request) -> Response {
    let (s, body, _) = split(&app, endpoint, req);
    surface::upload(app.runtime.load_full(), app.sink.clone(), s, body).await
}

async fn transcriptions(State(app): State<Arc<App>>, req: Request) -> Response {
    upload(app, Endpoint::AudioTranscriptions, req).await
}

async fn translations(State(app): State<Arc<App>>, req: Request) -> Response {
    upload(app, Endpoint::AudioTranslations, req).await
}

async fn images_edits(State(app): State<Arc<App>>, req: Request) -> Response {
    upload(app, Endpoint::ImagesEdits, req).await
}

async fn create_file(State(app): State<Arc<App>>, req: Request) -> Response {
    let (s, body, _) = split(&app, Endpoint::Files, req);
    objects::create_file(app.runtime.load_full(), app.sink.clone(), s, body).await
}

async fn create_batch(State(app): State<Arc<App>>, req: Request) -> Response {
    let (s, body, _) = split(&app, Endpoint::Batches, req);
    objects::create_batch(app.runtime.load_full(), app.sink.clone(), s, body).await
}

async fn list(app: Arc<App>, kind: ObjectKind, req: Request) -> Response {
    let endpoint = if kind == ObjectKind::File { Endpoint::Files } else { Endpoint::Batches };
    let (s, _, query) = split(&app, endpoint, req);
    objects::list(app.runtime.load_full(), app.sink.clone(), s, kind, query).await
}

async fn list_files(State(app): State<Arc<App>>, req: Request) -> Response {
    list(app, ObjectKind::File, req).await
}

async fn list_batches(State(app): State<Arc<App>>, req: Request) -> Response {
    list(app, ObjectKind::Batch, req).await
}

async fn one(app: Arc<App>, kind: ObjectKind, id: String, op: ObjectOp, req: Request) -> Response {
    let endpoint = if kind == ObjectKind::File { Endpoint::Files } else { Endpoint::Batches };
    let (s, _, _) = split(&app, endpoint, req);
    objects::object(app.runtime.load_full(), app.sink.clone(), s, kind, id, op).await
}

async fn get_file(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    one(app, ObjectKind::File, id, ObjectOp::Get, req).await
}

async fn delete_file(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    one(app, ObjectKind::File, id, ObjectOp::Delete, req).await
}

async fn file_content(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    one(app, ObjectKind::File, id, ObjectOp::Content, req).await
}

async fn get_batch(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    one(app, ObjectKind::Batch, id, ObjectOp::Get, req).await
}

async fn cancel_batch(State(app): State<Arc<App>>, Path(id): Path<String>, req: Request) -> Response {
    one(app, ObjectKind::Batch, id, ObjectOp::Cancel, req).await
}
