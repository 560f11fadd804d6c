//! `GET /openapi.json` — the OpenAPI 3.1 document, derived by utoipa from the `/api` handlers'
//! `#[utoipa::path]` attributes and the admin types' `ToSchema` derives, plus the relay routes
//! (`/v1/*`, documented here: their handlers are the relay's) and the auth routes — and
//! `GET /docs`, an interactive reference that renders that document with a try-it form. The
//! page is one self-contained HTML file compiled into the binary: no CDN, works offline.

use super::{ErrorBody, ErrorDetail, Page};
use crate::server::App;
use axum::Json;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};

const DOCS_HTML: &str = include_str!("docs.html");

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new().route("/openapi.json", get(openapi_json)).route("/docs", get(docs))
}

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let c = api.components.get_or_insert_with(Default::default);
        c.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The server's access key (super-admin) or a user's relay key (mr-…)"))
                    .build(),
            ),
        );
        c.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "monorelay_session",
                "Set by POST /api/auth/login; unsafe methods also need the session's x-csrf-token header",
            ))),
        );
        c.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "x-csrf-token",
                "The csrf_token from login or /api/auth/me, on POST/PUT/PATCH/DELETE made with the cookie",
            ))),
        );
        let reqs = vec![
            utoipa::openapi::security::SecurityRequirement::new("bearer", Vec::<String>::new()),
            utoipa::openapi::security::SecurityRequirement::new("session", Vec::<String>::new()),
        ];
        api.security = Some(reqs);
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "monorelay",
        description = "The admin API (`/api/*`) and the relay routes (`/v1/*`). Errors of `/api` have one shape: `{\"error\": {\"type\", \"message\", \"path\"?}}`; lists one: `{\"items\": [...], \"next_cursor\": ...}`. Times are unix milliseconds, costs USD.",
    ),
    modifiers(&Security),
    paths(
        super::status::status, super::status::info, super::status::stats, super::status::dashboard,
        super::status::slow, super::status::costs, super::status::usage,
        super::providers::list, super::providers::one, super::providers::test_all, super::providers::test_one,
        super::providers::verify,
        super::providers::models, super::providers::create, super::providers::update, super::providers::remove,
        super::providers::enable, super::providers::disable, super::providers::set_models,
        super::keys::list, super::keys::add, super::keys::import, super::keys::edit, super::keys::remove,
        super::keys::enable, super::keys::disable, super::keys::reset, super::keys::export,
        super::logs::query, super::logs::show, super::logs::export, super::logs::clear,
        super::users::me, super::users::list, super::users::add, super::users::one, super::users::edit,
        super::users::remove, super::users::keys, super::users::create_key, super::users::all_keys,
        super::users::revoke,
        super::settings::show, super::settings::validate, super::settings::put, super::settings::reload,
        super::settings::settings, super::settings::set,
        super::sync::status, super::sync::setup, super::sync::push, super::sync::pull, super::sync::diff,
        super::sync::history,
        super::events::events,
        relay_docs::chat_completions, relay_docs::messages, relay_docs::count_tokens, relay_docs::responses,
        relay_docs::models, relay_docs::embeddings, relay_docs::health,
        auth_docs::login, auth_docs::logout, auth_docs::me, auth_docs::password, auth_docs::setup_status,
        auth_docs::setup,
    ),
    components(schemas(ErrorBody, ErrorDetail, Page<serde_json::Value>)),
    tags(
        (name = "status", description = "Server facts, stats, dashboard, analytics"),
        (name = "providers", description = "Upstream providers"),
        (name = "keys", description = "Upstream keys and client settings export"),
        (name = "logs", description = "The request log"),
        (name = "users", description = "Users and relay keys"),
        (name = "config", description = "The config file"),
        (name = "sync", description = "Gist / WebDAV sync"),
        (name = "events", description = "Live updates"),
        (name = "auth", description = "Sessions and first-run setup"),
        (name = "relay", description = "The relay: OpenAI and Anthropic dialects"),
    )
)]
pub struct ApiDoc;

/// The document as served.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi_json() -> Response {
    static DOC: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(|| serde_json::to_value(document()).unwrap_or_default());
    Json(doc.clone()).into_response()
}

async fn docs() -> Html<&'static str> {
    Html(DOCS_HTML)
}

/// Documentation of the relay routes, whose handlers are the relay's (`server/mod.rs`).
#[expect(dead_code, reason = "documentation only: utoipa reads the attributes, the handlers are elsewhere")]
mod relay_docs {

    /// OpenAI Chat Completions, relayed (any provider, translated where needed; `stream: true`
    /// answers with server-sent events). Errors in the OpenAI shape.
    #[utoipa::path(post, path = "/v1/chat/completions", tag = "relay", request_body = serde_json::Value,
        responses((status = 200, description = "A chat completion (JSON, or an SSE stream)", body = serde_json::Value),
        (status = 400, body = serde_json::Value), (status = 401, body = serde_json::Value), (status = 403, body = serde_json::Value),
        (status = 404, body = serde_json::Value), (status = 429, body = serde_json::Value), (status = 502, body = serde_json::Value),
        (status = 503, body = serde_json::Value)))]
    fn chat_completions() {}

    /// Anthropic Messages, relayed. Errors in the Anthropic shape.
    #[utoipa::path(post, path = "/v1/messages", tag = "relay", request_body = serde_json::Value,
        responses((status = 200, description = "A message (JSON, or an SSE stream)", body = serde_json::Value),
        (status = 400, body = serde_json::Value), (status = 401, body = serde_json::Value), (status = 403, body = serde_json::Value),
        (status = 404, body = serde_json::Value), (status = 429, body = serde_json::Value), (status = 502, body = serde_json::Value),
        (status = 503, body = serde_json::Value)))]
    fn messages() {}

    /// Anthropic token counting.
    #[utoipa::path(post, path = "/v1/messages/count_tokens", tag = "relay", request_body = serde_json::Value,
        responses((status = 200, description = "`{input_tokens}`", body = serde_json::Value),
        (status = 400, body = serde_json::Value), (status = 401, body = serde_json::Value)))]
    fn count_tokens() {}

    /// OpenAI Responses API, relayed (stored responses at `/v1/responses/{id}`).
    #[utoipa::path(post, path = "/v1/responses", tag = "relay", request_body = serde_json::Value,
        responses((status = 200, description = "A response (JSON, or an SSE stream)", body = serde_json::Value),
        (status = 400, body = serde_json::Value), (status = 401, body = serde_json::Value), (status = 429, body = serde_json::Value),
        (status = 502, body = serde_json::Value), (status = 503, body = serde_json::Value)))]
    fn responses() {}

    /// Every model name that routes (OpenAI list shape; Anthropic's with `anthropic-version`).
    #[utoipa::path(get, path = "/v1/models", tag = "relay",
        responses((status = 200, description = "The model list", body = serde_json::Value), (status = 401, body = serde_json::Value)))]
    fn models() {}

    /// OpenAI embeddings (also `/v1/completions`, `/v1/moderations`, `/v1/images/generations`,
    /// `/v1/audio/speech`, relayed as they are).
    #[utoipa::path(post, path = "/v1/embeddings", tag = "relay", request_body = serde_json::Value,
        responses((status = 200, body = serde_json::Value), (status = 400, body = serde_json::Value), (status = 401, body = serde_json::Value),
        (status = 429, body = serde_json::Value), (status = 502, body = serde_json::Value), (status = 503, body = serde_json::Value)))]
    fn embeddings() {}

    /// Liveness (no credentials).
    #[utoipa::path(get, path = "/health", tag = "relay", security(()),
        responses((status = 200, description = "`{status: \"ok\"}`", body = serde_json::Value)))]
    fn health() {}
}

/// Documentation of the session and setup routes (`server/auth_routes.rs`).
#[expect(dead_code, reason = "documentation only: utoipa reads the attributes, the handlers are elsewhere")]
mod auth_docs {
    use super::ErrorBody;

    /// `{username, password}` → the session cookie, the user and the CSRF token.
    #[utoipa::path(post, path = "/api/auth/login", tag = "auth", security(()), request_body = serde_json::Value,
        responses((status = 200, description = "`{user, csrf_token}` and `Set-Cookie`", body = serde_json::Value),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
    fn login() {}

    /// End this session.
    #[utoipa::path(post, path = "/api/auth/logout", tag = "auth",
        responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
    fn logout() {}

    /// The signed-in user and the session's CSRF token.
    #[utoipa::path(get, path = "/api/auth/me", tag = "auth",
        responses((status = 200, body = serde_json::Value), (status = 401, body = ErrorBody)))]
    fn me() {}

    /// `{current_password, new_password}`: ends the user's other sessions.
    #[utoipa::path(post, path = "/api/auth/password", tag = "auth", request_body = serde_json::Value,
        responses((status = 204, description = "Changed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
    fn password() {}

    /// Whether the first super-admin is still to be created.
    #[utoipa::path(get, path = "/api/setup/status", tag = "auth", security(()),
        responses((status = 200, description = "`{needs_setup}`", body = serde_json::Value), (status = 503, body = ErrorBody)))]
    fn setup_status() {}

    /// Create the first super-admin (with the access key, only while there are no users).
    #[utoipa::path(post, path = "/api/setup", tag = "auth", request_body = serde_json::Value,
        responses((status = 201, body = serde_json::Value), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 503, body = ErrorBody)))]
    fn setup() {}
}
