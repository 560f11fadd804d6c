//! Stored Responses-API conversations: every `/v1/responses` answer made with `store` not false
//! is kept (its full input items and the response object), per principal, so that
//! `previous_response_id` can continue a conversation through an upstream that keeps no state,
//! and `GET /v1/responses/{id}`, `DELETE` and `input_items` can answer. Table `responses`
//! (response id → JSON) in the shared PostgreSQL with `storage.backend: postgres` (so that a
//! conversation made through one relay continues through any other), else in the request log's
//! redb file when the server has a data dir, else in an in-memory redb. Entries older than `logging.max_age` are pruned (at most one pass per
//! `PRUNE_INTERVAL`), like the request log.

use super::postgres::PgStore;
use super::side::SideDb;
use super::{RedbStore, StoreError};
use redb::TableDefinition;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

pub(crate) const RESPONSES: TableDefinition<&str, &[u8]> = TableDefinition::new("responses");
/// The table's name in PostgreSQL's `side_kv`.
pub(crate) const PG_TABLE: &str = "responses";
/// How often a write may also prune expired conversations.
const PRUNE_INTERVAL: Duration = Duration::from_secs(600);

/// One stored response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredResponse {
    /// The principal that made it (a non-secret hash of its credential); others never see it.
    pub caller: u64,
    pub created_ms: u64,
    /// Every input item the response was made from (earlier turns included).
    pub input: Vec<Value>,
    /// The response object as the client received it.
    pub response: Value,
}

/// The store of Responses conversations (see the module docs).
#[derive(Debug, Default)]
pub struct ResponseStore {
    side: SideDb,
    last_prune_ms: AtomicU64,
}

impl ResponseStore {
    /// Keep conversations in `store`'s file (before the first request; later calls are ignored).
    pub fn attach(&self, store: Arc<RedbStore>) {
        self.side.attach(store);
    }

    /// Keep conversations in the shared PostgreSQL (see the module docs).
    pub fn attach_postgres(&self, store: Arc<PgStore>) {
        self.side.attach_postgres(store);
    }

    /// Whether a prune is due now (at most one per `PRUNE_INTERVAL`); the cutoff if so.
    fn prune_cutoff(&self, max_age: Option<Duration>) -> Option<u64> {
        let now = super::unix_ms(SystemTime::now());
        let last = self.last_prune_ms.load(Ordering::Relaxed);
        let interval = u64::try_from(PRUNE_INTERVAL.as_millis()).unwrap_or(u64::MAX);
        let age = max_age.filter(|_| now.saturating_sub(last) >= interval)?;
        self.last_prune_ms.store(now, Ordering::Relaxed);
        Some(now.saturating_sub(u64::try_from(age.as_millis()).unwrap_or(u64::MAX)))
    }

    fn decode(bytes: &[u8]) -> Result<StoredResponse, StoreError> {
        serde_json::from_slice(bytes).map_err(|e| StoreError(format!("corrupt stored response: {e}")))
    }

    fn db(&self) -> Result<&redb::Database, StoreError> {
        self.side.db()
    }

    /// Keep `entry` under `id`; prunes entries older than `max_age` now and then.
    pub fn put(&self, id: &str, entry: &StoredResponse, max_age: Option<Duration>) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(entry).map_err(|e| StoreError(format!("cannot encode a response: {e}")))?;
        if let Some(pg) = self.side.postgres() {
            pg.side_put(PG_TABLE, id, entry.created_ms, bytes)?;
            if let Some(cutoff) = self.prune_cutoff(max_age) {
                pg.side_prune(PG_TABLE, cutoff)?;
            }
            return Ok(());
        }
        let db = self.db()?;
        let tx = db.begin_write()?;
        {
            let mut t = tx.open_table(RESPONSES)?;
            t.insert(id, bytes.as_slice())?;
            if let Some(cutoff) = self.prune_cutoff(max_age) {
                t.retain(|_, v| {
                    serde_json::from_slice::<StoredResponse>(v).map(|e| e.created_ms >= cutoff).unwrap_or(false)
                })?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The response `id` if `caller` made it.
    pub fn get(&self, caller: u64, id: &str) -> Result<Option<StoredResponse>, StoreError> {
        if let Some(pg) = self.side.postgres() {
            let Some(bytes) = pg.side_get(PG_TABLE, id)? else { return Ok(None) };
            let entry = Self::decode(&bytes)?;
            return Ok((entry.caller == caller).then_some(entry));
        }
        let db = self.db()?;
        let tx = db.begin_read()?;
        let t = match tx.open_table(RESPONSES) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let Some(v) = t.get(id)? else { return Ok(None) };
        let entry = Self::decode(v.value())?;
        Ok((entry.caller == caller).then_some(entry))
    }

    /// Delete the response `id` if `caller` made it; whether it existed.
    pub fn delete(&self, caller: u64, id: &str) -> Result<bool, StoreError> {
        if self.get(caller, id)?.is_none() {
            return Ok(false);
        }
        if let Some(pg) = self.side.postgres() {
            return pg.side_remove(PG_TABLE, id);
        }
        let db = self.db()?;
        let tx = db.begin_write()?;
        let removed = {
            let mut t = tx.open_table(RESPONSES)?;
            t.remove(id)?.is_some()
        };
        tx.commit()?;
        Ok(removed)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(caller: u64, created_ms: u64) -> StoredResponse {
        StoredResponse {
            caller,
            created_ms,
            input: vec![json!({"role": "user", "content": "hi"})],
            response: json!({"id": "r"}),
        }
    }

    #[test]
    fn per_principal_and_pruned_by_age() {
        let s = ResponseStore::default();
        let now = super::super::unix_ms(SystemTime::now());
        s.put("resp_old", &entry(1, now - 3_600_000), None).unwrap();
        s.put("resp_a", &entry(1, now), None).unwrap();
        assert_eq!(s.get(1, "resp_a").unwrap(), Some(entry(1, now)));
        assert_eq!(s.get(2, "resp_a").unwrap(), None, "another principal never sees it");
        assert!(!s.delete(2, "resp_a").unwrap());
        // A write with a retention of one minute prunes the hour-old entry.
        s.put("resp_b", &entry(1, now), Some(Duration::from_secs(60))).unwrap();
        assert_eq!(s.get(1, "resp_old").unwrap(), None);
        assert!(s.get(1, "resp_a").unwrap().is_some());
        assert!(s.delete(1, "resp_a").unwrap());
        assert_eq!(s.get(1, "resp_a").unwrap(), None);
    }

    #[test]
    fn kept_in_the_request_logs_file_across_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.redb");
        {
            let s = ResponseStore::default();
            s.attach(Arc::new(RedbStore::open(&path).unwrap()));
            s.put("resp_f", &entry(7, 1), None).unwrap();
        }
        let s = ResponseStore::default();
        s.attach(Arc::new(RedbStore::open(&path).unwrap()));
        assert_eq!(s.get(7, "resp_f").unwrap(), Some(entry(7, 1)));
    }
}
