//! `AdminError`: the one error of every management operation, with its HTTP status and CLI exit
//! code, and its wire form `{"type": "not_found", "message": "…", "path": "…"}`.

use serde::{Deserialize, Serialize};

/// What went wrong with a management operation, and whose fault it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AdminError {
    /// A record, provider, key or file that does not exist.
    #[error("{message}")]
    NotFound { message: String },
    /// The request is wrong: `path` names the argument or config key at fault.
    #[error("{}{message}", path.as_deref().map(|p| format!("{p}: ")).unwrap_or_default())]
    Invalid {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        path: Option<String>,
        message: String,
    },
    /// The change clashes with the current state (a label already taken, a rejected reload).
    #[error("{message}")]
    Conflict { message: String },
    /// Not allowed for this caller.
    #[error("{message}")]
    Forbidden { message: String },
    /// Not possible here and now: no server running, the log turned off, the socket gone.
    #[error("{message}")]
    Unavailable { message: String },
    /// A failure inside the relay (database, I/O).
    #[error("{message}")]
    Internal { message: String },
}

impl AdminError {
    pub fn not_found(message: impl Into<String>) -> AdminError {
        AdminError::NotFound { message: message.into() }
    }
    pub fn invalid(path: Option<&str>, message: impl Into<String>) -> AdminError {
        AdminError::Invalid { path: path.map(str::to_string), message: message.into() }
    }
    pub fn conflict(message: impl Into<String>) -> AdminError {
        AdminError::Conflict { message: message.into() }
    }
    pub fn forbidden(message: impl Into<String>) -> AdminError {
        AdminError::Forbidden { message: message.into() }
    }
    pub fn unavailable(message: impl Into<String>) -> AdminError {
        AdminError::Unavailable { message: message.into() }
    }
    pub fn internal(message: impl Into<String>) -> AdminError {
        AdminError::Internal { message: message.into() }
    }

    /// The HTTP status of the admin API for this error.
    pub fn http_status(&self) -> u16 {
        match self {
            AdminError::NotFound { .. } => 404,
            AdminError::Invalid { .. } => 400,
            AdminError::Conflict { .. } => 409,
            AdminError::Forbidden { .. } => 403,
            AdminError::Unavailable { .. } => 503,
            AdminError::Internal { .. } => 500,
        }
    }

    /// The CLI's exit code for this error (1 stays "failed" in general; 2 is a usage error, as
    /// with clap).
    pub fn exit_code(&self) -> u8 {
        match self {
            AdminError::Internal { .. } => 1,
            AdminError::Invalid { .. } => 2,
            AdminError::NotFound { .. } => 3,
            AdminError::Conflict { .. } => 4,
            AdminError::Forbidden { .. } => 5,
            AdminError::Unavailable { .. } => 6,
        }
    }

    /// The short type name on the wire (`not_found`, `invalid`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            AdminError::NotFound { .. } => "not_found",
            AdminError::Invalid { .. } => "invalid",
            AdminError::Conflict { .. } => "conflict",
            AdminError::Forbidden { .. } => "forbidden",
            AdminError::Unavailable { .. } => "unavailable",
            AdminError::Internal { .. } => "internal",
        }
    }
}

impl From<crate::store::StoreError> for AdminError {
    fn from(e: crate::store::StoreError) -> Self {
        AdminError::internal(e.0)
    }
}

impl From<std::io::Error> for AdminError {
    fn from(e: std::io::Error) -> Self {
        AdminError::internal(e.to_string())
    }
}

/// A rejected config: the first problem's key path, every problem in the message.
impl From<crate::config::ConfigError> for AdminError {
    fn from(e: crate::config::ConfigError) -> Self {
        let path = e.problems.first().and_then(|p| p.split_once(": ")).map(|(path, _)| path.to_string());
        AdminError::Invalid { path, message: e.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_status_and_exit_code() {
        let e = AdminError::invalid(Some("args.limit"), "expected a number");
        let v = serde_json::to_value(&e).ok();
        assert_eq!(
            v,
            Some(serde_json::json!({"type": "invalid", "path": "args.limit", "message": "expected a number"}))
        );
        assert_eq!((e.http_status(), e.exit_code()), (400, 2));
        assert_eq!(e.to_string(), "args.limit: expected a number");
        let nf = AdminError::not_found("no record 'x'");
        assert_eq!(
            serde_json::to_value(&nf).ok(),
            Some(serde_json::json!({"type": "not_found", "message": "no record 'x'"}))
        );
        assert_eq!((nf.http_status(), nf.exit_code(), nf.kind()), (404, 3, "not_found"));
    }
}
