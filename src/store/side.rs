//! The database of a table kept beside the request log (stored Responses conversations, pinned
//! files and batches): the shared PostgreSQL when the server attaches one (`storage.backend:
//! postgres`, so that every relay of a cluster sees the same entries), else the request log's redb
//! file once the server attaches it, else an in-memory redb (tests, no data dir) created on first
//! use.

use super::postgres::PgStore;
use super::{RedbStore, StoreError};
use std::sync::{Arc, OnceLock};

/// The request log's file when attached, else an in-memory database.
#[derive(Default)]
pub struct SideDb {
    file: OnceLock<Arc<RedbStore>>,
    memory: OnceLock<Result<redb::Database, String>>,
    postgres: OnceLock<Arc<PgStore>>,
}

impl std::fmt::Debug for SideDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SideDb")
            .field("file", &self.file.get().map(|s| s.path().to_path_buf()))
            .field("postgres", &self.postgres.get().is_some())
            .finish()
    }
}

impl SideDb {
    /// Keep the table in `store`'s file (before the first request; later calls are ignored).
    pub fn attach(&self, store: Arc<RedbStore>) {
        let _ = self.file.set(store);
    }

    /// Keep the table in the shared PostgreSQL instead (before the first request; later calls
    /// are ignored). It wins over an attached file.
    pub fn attach_postgres(&self, store: Arc<PgStore>) {
        let _ = self.postgres.set(store);
    }

    /// The shared database, when attached: callers use it instead of `db()`.
    pub fn postgres(&self) -> Option<&PgStore> {
        self.postgres.get().map(|p| p.as_ref())
    }

    pub fn db(&self) -> Result<&redb::Database, StoreError> {
        if let Some(s) = self.file.get() {
            return Ok(s.database());
        }
        self.memory
            .get_or_init(|| {
                redb::Builder::new()
                    .create_with_backend(redb::backends::InMemoryBackend::new())
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| StoreError(format!("in-memory database: {e}")))
    }
}
