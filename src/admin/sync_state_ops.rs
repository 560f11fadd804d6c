//! Where `sync` keeps what was synced last (`SyncState`: the Gist, the remote version and ETag,
//! the local text's hash, the last push, pull and error): `sync-state.json` in the data dir, or —
//! on a relay whose storage is PostgreSQL (`storage.backend: postgres`) — one row of the shared
//! database (`side_kv`, table `sync`), so that every relay of a cluster pushes and pulls from the
//! same state and a push through one relay after a pull through another is not taken for a
//! conflict. A relay that had a `sync-state.json` before reads it until the first save puts the
//! state in the database. The GitHub token is not moved there: nothing encrypts it at rest, and
//! the database must hold no secret in clear, so it stays in each relay's data dir (0600) or
//! environment.

use super::Service;
use crate::store::postgres::PgStore;
use crate::sync::{SyncError, SyncState};
use std::sync::Arc;

/// The row of `side_kv` that holds the sync state.
const PG_TABLE: &str = "sync";
const PG_ID: &str = "state";

impl Service {
    /// The shared database, on a running relay whose storage is PostgreSQL.
    fn sync_db(&self) -> Option<Arc<PgStore>> {
        self.host.as_ref().and_then(|h| h.cluster()).and_then(|c| c.postgres.clone())
    }

    /// What was synced last (nothing yet: the default).
    pub(super) fn load_sync_state(&self) -> Result<SyncState, SyncError> {
        let Some(pg) = self.sync_db() else { return SyncState::load(&self.data_dir) };
        match pg.side_get(PG_TABLE, PG_ID) {
            Ok(Some(v)) => serde_json::from_slice(&v).map_err(|e| {
                SyncError::Io(format!("the sync state in PostgreSQL is unreadable ({e}); `sync setup` writes it anew"))
            }),
            Ok(None) => SyncState::load(&self.data_dir),
            Err(e) => Err(SyncError::Io(format!("cannot read the sync state from PostgreSQL: {e}"))),
        }
    }

    /// Keep `state` (in the database when there is one, else in the data dir).
    pub(super) fn save_sync_state(&self, state: &SyncState) -> Result<(), SyncError> {
        let Some(pg) = self.sync_db() else { return state.save(&self.data_dir) };
        let bytes = serde_json::to_vec(state).map_err(|e| SyncError::Io(e.to_string()))?;
        let now = crate::store::unix_ms(std::time::SystemTime::now());
        pg.side_put(PG_TABLE, PG_ID, now, bytes)
            .map_err(|e| SyncError::Io(format!("cannot write the sync state to PostgreSQL: {e}")))
    }
}
