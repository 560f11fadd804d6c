//! The database of a table kept beside the request log (stored Responses conversations, pinned
//! files and batches): the request log's redb file once the server attaches it, else an in-memory
//! redb (tests, no data dir) created on first use.

use super::{RedbStore, StoreError};
use std::sync::{Arc, OnceLock};

/// The request log's file when attached, else an in-memory database.
#[derive(Default)]
pub struct SideDb {
    file: OnceLock<Arc<RedbStore>>,
    memory: OnceLock<Result<redb::Database, String>>,
}

impl std::fmt::Debug for SideDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SideDb").field("file", &self.file.get().map(|s| s.path().to_path_buf())).finish()
    }
}

impl SideDb {
    /// Keep the table in `store`'s file (before the first request; later calls are ignored).
    pub fn attach(&self, store: Arc<RedbStore>) {
        let _ = self.file.set(store);
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
