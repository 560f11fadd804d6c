//! `/api/logs*`: the request log — query (time range, model, provider, user, status, text;
//! cursor paging), one record with its three bodies, export (JSON lines or CSV), clear. A plain
//! user sees only their own records; clearing is for admins.

use super::{
    ApiError, ApiResult, Caller, CursorKind, Page, Path, Query, answer, cursor, page_size, read_cursor, service,
};
use crate::admin::{Deleted, LogDetail, LogId, LogShow};
use crate::auth::Role;
use crate::server::App;
use crate::store::{LogEntry, LogQuery};
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::header;
use serde::Deserialize;
use std::sync::Arc;

/// Most records one export holds.
const EXPORT_MAX_RECORDS: usize = 100_000;

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new()
        .route("/api/logs", get(query).delete(clear))
        .route("/api/logs/clear", post(clear))
        .route("/api/logs/export", get(export))
        .route("/api/logs/{id}", get(show))
}

/// Log filters and paging.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LogsQuery {
    /// Unix milliseconds, inclusive.
    pub since_ms: Option<u64>,
    /// Unix milliseconds, exclusive.
    pub until_ms: Option<u64>,
    /// Case-insensitive substring of the requested or resolved model.
    pub model: Option<String>,
    pub provider: Option<String>,
    /// A user's records (a plain user always gets only their own).
    pub user: Option<String>,
    /// `2xx`, `4xx`, `5xx`, `499`, `error`, `ok` or an exact status.
    pub status: Option<String>,
    /// Text anywhere in the models, provider, key, user, client address or error.
    pub q: Option<String>,
    pub oldest_first: bool,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1 to 1000 (default 50).
    pub limit: Option<usize>,
}

fn to_store(c: &Caller, q: LogsQuery) -> Result<LogQuery, ApiError> {
    if let (Some(me), Some(u)) = (c.scope(), &q.user) {
        if me != u {
            return Err(ApiError::forbidden("a user may only see their own records"));
        }
    }
    Ok(LogQuery {
        since_ms: q.since_ms,
        until_ms: q.until_ms,
        model: q.model,
        provider: q.provider,
        status: q.status,
        user: c.scope().map(String::from).or(q.user),
        after: q.cursor.as_deref().map(|s| read_cursor(CursorKind::LogId, s)).transpose()?,
        oldest_first: q.oldest_first,
        limit: Some(page_size(q.limit)?),
        text: q.q,
    })
}

/// Records, newest first (or oldest first), one page at a time.
#[utoipa::path(get, path = "/api/logs", tag = "logs", params(LogsQuery), responses(
    (status = 200, body = Page<LogEntry>), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 503, body = super::ErrorBody)))]
async fn query(State(app): State<Arc<App>>, c: Caller, Query(q): Query<LogsQuery>) -> ApiResult<Page<LogEntry>> {
    let page = service(&app).logs_query(to_store(&c, q)?).await?;
    Ok(Json(Page { items: page.entries, next_cursor: page.next.map(|n| cursor(CursorKind::LogId, n)) }))
}

/// `/api/logs/{id}` options.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ShowQuery {
    /// Include the bodies (default true).
    pub bodies: Option<bool>,
}

/// One record with its stored bodies: the client's request, what went upstream, the response.
#[utoipa::path(get, path = "/api/logs/{id}", tag = "logs", params(
    ("id" = String, Path, description = "The record's short id (or its number)"), ShowQuery),
    responses((status = 200, body = LogDetail), (status = 400, body = super::ErrorBody),
    (status = 401, body = super::ErrorBody), (status = 403, body = super::ErrorBody),
    (status = 404, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn show(
    State(app): State<Arc<App>>,
    c: Caller,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> ApiResult<LogDetail> {
    let id = match id.parse::<u64>() {
        Ok(n) => LogId::Number(n),
        Err(_) => LogId::Short(id),
    };
    let d = service(&app).logs_show(LogShow { id, bodies: q.bodies }).await?;
    if let Some(me) = c.scope() {
        if d.entry.user.as_deref() != Some(me) {
            // Someone else's record: as if it did not exist.
            return Err(ApiError::not_found(format!("no record '{}'", d.entry.short_id)));
        }
    }
    Ok(Json(d))
}

/// Export format.
#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One JSON record per line.
    #[default]
    Jsonl,
    Csv,
}

/// Export filters.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    pub format: ExportFormat,
    pub since_ms: Option<u64>,
    pub until_ms: Option<u64>,
    pub model: Option<String>,
    pub provider: Option<String>,
    pub user: Option<String>,
    pub status: Option<String>,
    pub q: Option<String>,
    /// At most this many records (default and most: 100000), newest first.
    pub limit: Option<usize>,
}

const CSV_HEADER: &str = "id,started_at_ms,requested_model,model,provider,key_label,user,status,latency_ms,ttfb_ms,input_tokens,output_tokens,cost_usd,error\n";

fn csv_cell(s: &str) -> String {
    // A leading = + - @ would be a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

fn csv_row(e: &LogEntry) -> String {
    let o = |v: &Option<String>| csv_cell(v.as_deref().unwrap_or(""));
    let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let (i, out) =
        e.tokens.as_ref().map_or((String::new(), String::new()), |t| (t.input.to_string(), t.output.to_string()));
    format!(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        e.short_id,
        e.started_at_ms,
        csv_cell(&e.requested_model),
        o(&e.model),
        o(&e.provider),
        o(&e.key_label),
        o(&e.user),
        e.status,
        e.latency_ms,
        f(e.ttfb_ms),
        i,
        out,
        f(e.cost_usd),
        o(&e.error)
    )
}

/// The records matching the filters as a file: JSON lines or CSV.
#[utoipa::path(get, path = "/api/logs/export", tag = "logs", params(ExportQuery), responses(
    (status = 200, description = "The records", content(
        (String = "application/x-ndjson"), (String = "text/csv"))),
    (status = 400, body = super::ErrorBody), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn export(State(app): State<Arc<App>>, c: Caller, Query(q): Query<ExportQuery>) -> Result<Response, ApiError> {
    let max = match q.limit {
        None => EXPORT_MAX_RECORDS,
        Some(n) if (1..=EXPORT_MAX_RECORDS).contains(&n) => n,
        Some(n) => return Err(ApiError::invalid("query.limit", format!("must be 1 to {EXPORT_MAX_RECORDS}, not {n}"))),
    };
    let format = q.format;
    let lq = LogsQuery {
        since_ms: q.since_ms,
        until_ms: q.until_ms,
        model: q.model,
        provider: q.provider,
        user: q.user,
        status: q.status,
        q: q.q,
        limit: Some(super::MAX_PAGE),
        ..LogsQuery::default()
    };
    let mut sq = to_store(&c, lq)?;
    let svc = service(&app);
    let mut out = String::new();
    if matches!(format, ExportFormat::Csv) {
        out.push_str(CSV_HEADER);
    }
    let mut n = 0;
    'pages: loop {
        let page = svc.logs_query(sq.clone()).await?;
        for e in &page.entries {
            if n >= max {
                break 'pages;
            }
            match format {
                ExportFormat::Jsonl => {
                    out.push_str(&serde_json::to_string(e).unwrap_or_default());
                    out.push('\n');
                }
                ExportFormat::Csv => out.push_str(&csv_row(e)),
            }
            n += 1;
        }
        match page.next {
            Some(next) => sq.after = Some(next),
            None => break,
        }
    }
    let (ctype, ext) = match format {
        ExportFormat::Jsonl => ("application/x-ndjson", "jsonl"),
        ExportFormat::Csv => ("text/csv; charset=utf-8", "csv"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, ctype.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"monorelay-logs.{ext}\"")),
        ],
        out,
    )
        .into_response())
}

/// Delete every record of the request log.
#[utoipa::path(delete, path = "/api/logs", tag = "logs", responses(
    (status = 200, body = Deleted), (status = 401, body = super::ErrorBody),
    (status = 403, body = super::ErrorBody), (status = 503, body = super::ErrorBody)))]
async fn clear(State(app): State<Arc<App>>, c: Caller) -> ApiResult<Deleted> {
    c.require(Role::Admin)?;
    answer(service(&app).logs_clear().await)
}
