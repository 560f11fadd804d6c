//! `ServerError`: why a server could not be built, or stopped with an error. Its own module so
//! that the builder and the parts it assembles (`cluster`) share it without importing each other.

use super::supervise::TaskFailed;
use std::path::PathBuf;

/// Why a server could not be built or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("data dir '{path}': {message}")]
    DataDir { path: PathBuf, message: String },
    #[error("the config cannot be served: {0}")]
    Runtime(String),
    #[error("request log '{path}': {message}")]
    Store { path: PathBuf, message: String },
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: String, source: std::io::Error },
    #[error("control socket '{path}': {source}")]
    ControlSocket { path: PathBuf, source: std::io::Error },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Task(#[from] TaskFailed),
}

impl std::error::Error for TaskFailed {}
