//! Tables kept beside the request log, shared by every relay of a cluster: the stored
//! Responses-API conversations (`store::responses`) and the pins of files and batches
//! (`store::objects`). One table `side_kv` (table name, id → opaque bytes, with the time the
//! entry was made for pruning); the stores above own the encoding and the owner checks, exactly
//! as they do in redb, so that a `previous_response_id` made through one relay continues through
//! any other.

use super::{PgStore, pg};
use crate::store::{RedbStore, StoreError, objects, responses};

/// Schema 4.
pub(super) const MIGRATION: &str = "
    CREATE TABLE side_kv (
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        value BYTEA NOT NULL,
        PRIMARY KEY (tbl, id)
    );
    CREATE INDEX side_kv_created ON side_kv (tbl, created_ms);";

impl PgStore {
    /// Keep `value` under (`table`, `id`), replacing what was there.
    pub fn side_put(&self, table: &'static str, id: &str, created_ms: u64, value: Vec<u8>) -> Result<(), StoreError> {
        let (i, id, created) = (self.inner.clone(), id.to_string(), created_ms.min(i64::MAX as u64) as i64);
        self.run(async move {
            i.with(async |c| {
                c.execute(
                    "INSERT INTO side_kv (tbl, id, created_ms, value) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (tbl, id) DO UPDATE SET created_ms = EXCLUDED.created_ms, value = EXCLUDED.value",
                    &[&table, &id, &created, &value],
                )
                .await
                .map_err(pg)?;
                Ok(())
            })
            .await
        })
    }

    /// The value under (`table`, `id`).
    pub fn side_get(&self, table: &'static str, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let (i, id) = (self.inner.clone(), id.to_string());
        self.run(async move {
            i.with(async |c| {
                let row = c
                    .query_opt("SELECT value FROM side_kv WHERE tbl = $1 AND id = $2", &[&table, &id])
                    .await
                    .map_err(pg)?;
                Ok(row.map(|r| r.get::<_, Vec<u8>>(0)))
            })
            .await
        })
    }

    /// Remove (`table`, `id`); whether it was there.
    pub fn side_remove(&self, table: &'static str, id: &str) -> Result<bool, StoreError> {
        let (i, id) = (self.inner.clone(), id.to_string());
        self.run(async move {
            i.with(async |c| {
                let n =
                    c.execute("DELETE FROM side_kv WHERE tbl = $1 AND id = $2", &[&table, &id]).await.map_err(pg)?;
                Ok(n > 0)
            })
            .await
        })
    }

    /// Every entry of `table`, oldest first.
    pub fn side_list(&self, table: &'static str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let rows = c
                    .query("SELECT id, value FROM side_kv WHERE tbl = $1 ORDER BY created_ms, id", &[&table])
                    .await
                    .map_err(pg)?;
                Ok(rows.into_iter().map(|r| (r.get::<_, String>(0), r.get::<_, Vec<u8>>(1))).collect())
            })
            .await
        })
    }

    /// Remove the entries of `table` made before `cutoff_ms`; how many.
    pub fn side_prune(&self, table: &'static str, cutoff_ms: u64) -> Result<u64, StoreError> {
        let (i, cutoff) = (self.inner.clone(), cutoff_ms.min(i64::MAX as u64) as i64);
        self.run(async move {
            i.with(async |c| {
                c.execute("DELETE FROM side_kv WHERE tbl = $1 AND created_ms < $2", &[&table, &cutoff])
                    .await
                    .map_err(pg)
            })
            .await
        })
    }

    /// Copy a redb file's conversations and pins here, overwriting what has their ids
    /// (`monorelay migrate`); how many entries.
    pub fn copy_side_from_redb(&self, redb: &RedbStore) -> Result<u64, StoreError> {
        use redb::ReadableTable;
        let tx = redb.database().begin_read()?;
        let mut n = 0;
        for (def, table) in [(responses::RESPONSES, responses::PG_TABLE), (objects::OBJECTS, objects::PG_TABLE)] {
            let t = match tx.open_table(def) {
                Ok(t) => t,
                Err(redb::TableError::TableDoesNotExist(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            for item in t.iter()? {
                let (k, v) = item?;
                // Both kinds are JSON with the time they were made in `created_ms`.
                let created = serde_json::from_slice::<serde_json::Value>(v.value())
                    .ok()
                    .and_then(|j| j.get("created_ms").and_then(serde_json::Value::as_u64))
                    .unwrap_or(0);
                self.side_put(table, k.value(), created, v.value().to_vec())?;
                n += 1;
            }
        }
        Ok(n)
    }
}
