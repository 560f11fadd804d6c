//! The one error type of the relay. It knows whose fault a failure is, its HTTP status, whether
//! another key or candidate may be tried, and renders itself in the caller's dialect — in exactly
//! one place (`RelayError::render`).

use crate::dialect::Dialect;
use bytes::Bytes;
use http::StatusCode;
use serde_json::json;
use std::time::Duration;

/// Who caused a failure: decides key penalties and how it is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Client,
    Upstream,
    Relay,
}

/// A short, stable label for stats and the `type` of the rendered error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    InvalidRequest,
    Authentication,
    Permission,
    NotFound,
    RequestTooLarge,
    RateLimited,
    Unavailable,
    Upstream,
    Timeout,
    Internal,
}

impl ErrorKind {
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Permission => "permission",
            ErrorKind::NotFound => "not_found",
            ErrorKind::RequestTooLarge => "request_too_large",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Upstream => "upstream",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Internal => "internal",
        }
    }

    /// OpenAI's error `type`: the words api.openai.com uses (the SDK picks its exception class
    /// from the status; the type and code are what programs compare).
    fn openai_type(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest | ErrorKind::RequestTooLarge | ErrorKind::NotFound => "invalid_request_error",
            ErrorKind::Authentication => "authentication_error",
            ErrorKind::Permission => "permission_error",
            ErrorKind::RateLimited => "rate_limit_error",
            ErrorKind::Timeout => "timeout_error",
            ErrorKind::Unavailable | ErrorKind::Upstream | ErrorKind::Internal => "server_error",
        }
    }

    /// OpenAI's `code` when the error has none of its own.
    fn openai_code(self) -> Option<&'static str> {
        match self {
            ErrorKind::Authentication => Some("invalid_api_key"),
            ErrorKind::RateLimited => Some("rate_limit_exceeded"),
            ErrorKind::Unavailable => Some("service_unavailable"),
            ErrorKind::Timeout => Some("timeout"),
            _ => None,
        }
    }

    fn anthropic_type(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid_request_error",
            ErrorKind::Authentication => "authentication_error",
            ErrorKind::Permission => "permission_error",
            ErrorKind::NotFound => "not_found_error",
            ErrorKind::RequestTooLarge => "request_too_large",
            ErrorKind::RateLimited => "rate_limit_error",
            ErrorKind::Unavailable => "overloaded_error",
            ErrorKind::Upstream | ErrorKind::Timeout | ErrorKind::Internal => "api_error",
        }
    }
}

/// Every error `type` the Anthropic API documents; anything else is mapped onto one of them.
pub const ANTHROPIC_ERROR_TYPES: &[&str] = &[
    "invalid_request_error",
    "authentication_error",
    "billing_error",
    "permission_error",
    "not_found_error",
    "request_too_large",
    "rate_limit_error",
    "timeout_error",
    "api_error",
    "overloaded_error",
];

/// An error type as an Anthropic client must see it: documented types pass; the OpenAI and
/// relay words are mapped (`server_error`, `upstream_error` -> `api_error`, ...).
pub fn anthropic_error_type(t: &str) -> &str {
    if ANTHROPIC_ERROR_TYPES.contains(&t) {
        return t;
    }
    match t {
        "rate_limit_exceeded" | "insufficient_quota" | "requests" | "tokens" => "rate_limit_error",
        "service_unavailable" | "overloaded" | "engine_overloaded" => "overloaded_error",
        "invalid_api_key" => "authentication_error",
        "model_not_found" => "not_found_error",
        "context_length_exceeded" | "invalid_request" => "invalid_request_error",
        _ => "api_error",
    }
}

/// An error type as an OpenAI client must see it: Anthropic's words mapped onto OpenAI's
/// (`api_error`, `overloaded_error` -> `server_error`, ...), a relay-internal word likewise.
pub fn openai_error_type(t: &str) -> &str {
    match t {
        "api_error" | "overloaded_error" | "upstream_error" | "service_unavailable" => "server_error",
        "not_found_error" | "request_too_large" => "invalid_request_error",
        other => other,
    }
}

/// Boxed so that `Result<_, RelayError>` stays one pointer wide on the hot path.
#[derive(Debug, Clone)]
pub struct RelayError(Box<ErrorBody>);

#[derive(Debug, Clone)]
pub struct ErrorBody {
    pub status: StatusCode,
    pub kind: ErrorKind,
    pub fault: Fault,
    pub message: String,
    /// The offending request field, when there is one.
    pub param: Option<String>,
    /// OpenAI `code` (e.g. `model_not_found`), or the upstream's own code.
    pub code: Option<serde_json::Value>,
    /// The upstream's own error `type`, kept so that clients see what the provider said.
    pub upstream_type: Option<String>,
    pub retry_after: Option<Duration>,
}

impl std::ops::Deref for RelayError {
    type Target = ErrorBody;
    fn deref(&self) -> &ErrorBody {
        &self.0
    }
}

impl std::ops::DerefMut for RelayError {
    fn deref_mut(&mut self) -> &mut ErrorBody {
        &mut self.0
    }
}

impl RelayError {
    pub fn new(status: StatusCode, kind: ErrorKind, fault: Fault, message: impl Into<String>) -> Self {
        RelayError(Box::new(ErrorBody {
            status,
            kind,
            fault,
            message: message.into(),
            param: None,
            code: None,
            upstream_type: None,
            retry_after: None,
        }))
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ErrorKind::InvalidRequest, Fault::Client, message)
    }
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::bad_request(format!("'{field}': {}", message.into()));
        e.param = Some(field.to_string());
        e
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorKind::Authentication, Fault::Client, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorKind::NotFound, Fault::Client, message)
    }
    pub fn model_not_found(message: impl Into<String>) -> Self {
        Self::not_found(message).with_code("model_not_found")
    }
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::RequestTooLarge,
            Fault::Client,
            format!("request body is larger than the limit of {limit} bytes (server.max_body_bytes)"),
        )
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Internal, Fault::Relay, message)
    }
    pub fn bad_gateway(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_GATEWAY, ErrorKind::Upstream, Fault::Upstream, message)
    }
    pub fn gateway_timeout(message: impl Into<String>) -> Self {
        Self::new(StatusCode::GATEWAY_TIMEOUT, ErrorKind::Timeout, Fault::Upstream, message)
    }
    pub fn with_code(mut self, code: &str) -> Self {
        self.code = Some(json!(code));
        self
    }
    pub fn with_retry_after(mut self, d: Option<Duration>) -> Self {
        self.retry_after = d;
        self
    }

    /// The error body in the caller's dialect.
    pub fn body(&self, dialect: Dialect) -> Bytes {
        let v = match dialect {
            Dialect::OpenAi | Dialect::Responses => json!({"error": {
                "message": self.message,
                "type": self.upstream_type.as_deref().map_or(self.kind.openai_type(), openai_error_type),
                "param": self.param,
                "code": self.code.clone().or_else(|| self.kind.openai_code().map(|c| json!(c))),
            }}),
            Dialect::Anthropic => json!({"type": "error", "error": {
                "type": self.anthropic_type(),
                "message": self.message,
            }}),
            Dialect::Gemini => crate::wire::gemini::error_body(self.status.as_u16(), &self.message),
        };
        Bytes::from(v.to_string())
    }

    /// The Anthropic `type`: the upstream's own when it is a documented one, else by kind; an
    /// upstream 529/503 is `overloaded_error`.
    fn anthropic_type(&self) -> &str {
        if let Some(t) = self.upstream_type.as_deref().filter(|t| ANTHROPIC_ERROR_TYPES.contains(t)) {
            return t;
        }
        match self.status.as_u16() {
            503 | 529 if self.kind == ErrorKind::Upstream => "overloaded_error",
            _ => self.kind.anthropic_type(),
        }
    }

    /// A complete HTTP response in the caller's dialect, with `Retry-After` when known.
    pub fn render(&self, dialect: Dialect) -> http::Response<axum::body::Body> {
        let mut resp = http::Response::new(axum::body::Body::from(self.body(dialect)));
        *resp.status_mut() = self.status;
        let h = resp.headers_mut();
        h.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
        if let Some(ra) = self.retry_after {
            let secs = ra.as_secs() + u64::from(ra.subsec_nanos() > 0);
            h.insert(http::header::RETRY_AFTER, http::HeaderValue::from(secs.max(1)));
        }
        if self.kind == ErrorKind::Authentication && dialect != Dialect::Anthropic {
            h.insert(http::header::WWW_AUTHENTICATE, http::HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

impl std::fmt::Display for RelayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.kind.label(), self.message)
    }
}

impl std::error::Error for RelayError {}

/// Lets at most `per_second` log lines through in each wall-clock second, counting the rest, so
/// an error storm cannot flood the log; the next line let through says how many were left out.
#[derive(Debug)]
pub struct LogLimiter {
    per_second: u32,
    /// The second the count belongs to (unix seconds).
    second: std::sync::atomic::AtomicU64,
    count: std::sync::atomic::AtomicU32,
    suppressed: std::sync::atomic::AtomicU64,
}

impl LogLimiter {
    pub const fn new(per_second: u32) -> LogLimiter {
        LogLimiter {
            per_second,
            second: std::sync::atomic::AtomicU64::new(0),
            count: std::sync::atomic::AtomicU32::new(0),
            suppressed: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// `Some(lines left out since the last one let through)` when a line may be logged now.
    pub fn allow(&self) -> Option<u64> {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        self.allow_at(now)
    }

    /// [`LogLimiter::allow`] at a given unix second.
    pub fn allow_at(&self, now: u64) -> Option<u64> {
        use std::sync::atomic::Ordering::Relaxed;
        if self.second.swap(now, Relaxed) != now {
            self.count.store(0, Relaxed);
        }
        if self.count.fetch_add(1, Relaxed) < self.per_second {
            Some(self.suppressed.swap(0, Relaxed))
        } else {
            self.suppressed.fetch_add(1, Relaxed);
            None
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn log_limiter_lets_a_few_through_per_second_and_counts_the_rest() {
        let l = LogLimiter::new(2);
        assert_eq!(l.allow_at(100), Some(0));
        assert_eq!(l.allow_at(100), Some(0));
        assert_eq!(l.allow_at(100), None);
        assert_eq!(l.allow_at(100), None);
        assert_eq!(l.allow_at(101), Some(2), "the next line says two were left out");
        assert_eq!(l.allow_at(101), Some(0));
        assert_eq!(l.allow_at(101), None);
    }

    fn rendered(e: &RelayError, d: Dialect) -> serde_json::Value {
        serde_json::from_slice(&e.body(d)).unwrap()
    }

    #[test]
    fn anthropic_callers_only_see_documented_types() {
        let cases = [
            (RelayError::bad_gateway("x"), "api_error"),
            (RelayError::gateway_timeout("x"), "api_error"),
            (RelayError::internal("x"), "api_error"),
            (
                RelayError::new(StatusCode::SERVICE_UNAVAILABLE, ErrorKind::Unavailable, Fault::Relay, "x"),
                "overloaded_error",
            ),
            (
                RelayError::new(StatusCode::from_u16(529).unwrap(), ErrorKind::Upstream, Fault::Upstream, "x"),
                "overloaded_error",
            ),
            (
                RelayError::new(StatusCode::TOO_MANY_REQUESTS, ErrorKind::RateLimited, Fault::Upstream, "x"),
                "rate_limit_error",
            ),
            (RelayError::unauthorized("x"), "authentication_error"),
            (RelayError::model_not_found("x"), "not_found_error"),
            (RelayError::too_large(1), "request_too_large"),
        ];
        for (e, want) in cases {
            assert_eq!(rendered(&e, Dialect::Anthropic)["error"]["type"], want, "{e}");
            assert_ne!(rendered(&e, Dialect::OpenAi)["error"]["type"], "upstream_error");
        }
        // An upstream's documented type is kept; an OpenAI upstream's word is mapped.
        let mut e = RelayError::bad_gateway("x");
        e.upstream_type = Some("overloaded_error".into());
        assert_eq!(rendered(&e, Dialect::Anthropic)["error"]["type"], "overloaded_error");
        assert_eq!(rendered(&e, Dialect::OpenAi)["error"]["type"], "server_error");
        e.upstream_type = Some("server_error".into());
        assert_eq!(rendered(&e, Dialect::Anthropic)["error"]["type"], "api_error");
        assert_eq!(rendered(&e, Dialect::OpenAi)["error"]["type"], "server_error");
    }

    #[test]
    fn openai_callers_get_openai_types_and_codes() {
        let v = rendered(&RelayError::unauthorized("x"), Dialect::OpenAi);
        assert_eq!(
            (v["error"]["type"].as_str(), v["error"]["code"].as_str()),
            (Some("authentication_error"), Some("invalid_api_key"))
        );
        let v = rendered(&RelayError::bad_gateway("x"), Dialect::OpenAi);
        assert_eq!(v["error"]["type"], "server_error");
        assert!(v["error"]["code"].is_null());
        let v = rendered(&RelayError::model_not_found("x"), Dialect::OpenAi);
        assert_eq!(
            (v["error"]["type"].as_str(), v["error"]["code"].as_str()),
            (Some("invalid_request_error"), Some("model_not_found"))
        );
        assert_eq!(anthropic_error_type("upstream_error"), "api_error");
        assert_eq!(openai_error_type("api_error"), "server_error");
    }
}
