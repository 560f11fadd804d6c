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

    fn openai_type(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest | ErrorKind::RequestTooLarge | ErrorKind::NotFound => "invalid_request_error",
            ErrorKind::Authentication => "authentication_error",
            ErrorKind::Permission => "permission_error",
            ErrorKind::RateLimited => "rate_limit_error",
            ErrorKind::Unavailable => "service_unavailable",
            ErrorKind::Upstream => "upstream_error",
            ErrorKind::Timeout => "timeout_error",
            ErrorKind::Internal => "server_error",
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
            Dialect::OpenAi => json!({"error": {
                "message": self.message,
                "type": self.upstream_type.as_deref().unwrap_or(self.kind.openai_type()),
                "param": self.param,
                "code": self.code.clone().unwrap_or_else(|| json!(self.kind.label())),
            }}),
            Dialect::Anthropic => json!({"type": "error", "error": {
                "type": self.kind.anthropic_type(),
                "message": self.message,
            }}),
        };
        Bytes::from(v.to_string())
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
        if self.kind == ErrorKind::Authentication && dialect == Dialect::OpenAi {
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
