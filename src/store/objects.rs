//! Files and batches made through the relay (`/v1/files`, `/v1/batches`), each pinned to the
//! provider and the key that created it: an upstream only knows its own objects, so every later
//! call on one (get, content, delete, cancel) must go to the same account, after a restart too.
//! Table `openai_objects` (object id → JSON `Pin`) in the shared PostgreSQL with
//! `storage.backend: postgres` (so that any relay of a cluster finds the account of an object made
//! through another), else in the request log's redb file when the server has a data dir, else in
//! memory. A pin names the key by its fingerprint (`keys::KeyId`), never
//! by its secret, and records the principal that made the object: no one else sees it.

use super::postgres::PgStore;
use super::side::SideDb;
use super::{RedbStore, StoreError};
use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub(crate) const OBJECTS: TableDefinition<&str, &[u8]> = TableDefinition::new("openai_objects");
/// The table's name in PostgreSQL's `side_kv`.
pub(crate) const PG_TABLE: &str = "openai_objects";

fn decode(bytes: &[u8]) -> Result<Pin, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError(format!("corrupt pin: {e}")))
}

/// What kind of upstream object a pin is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    File,
    Batch,
}

/// Where an object lives and whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    pub kind: ObjectKind,
    /// The provider's name as configured when the object was made.
    pub provider: String,
    /// `keys::KeyId::fingerprint` of the key that made it.
    pub key: u64,
    /// The principal that made it (`server::Caller`).
    pub owner: u64,
    pub created_ms: u64,
}

/// The pins of files and batches (see the module docs).
#[derive(Debug, Default)]
pub struct ObjectStore {
    side: SideDb,
}

impl ObjectStore {
    /// Keep pins in `store`'s file (before the first request; later calls are ignored).
    pub fn attach(&self, store: Arc<RedbStore>) {
        self.side.attach(store);
    }

    /// Keep pins in the shared PostgreSQL (see the module docs).
    pub fn attach_postgres(&self, store: Arc<PgStore>) {
        self.side.attach_postgres(store);
    }

    pub fn put(&self, id: &str, pin: &Pin) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(pin).map_err(|e| StoreError(format!("cannot encode a pin: {e}")))?;
        if let Some(pg) = self.side.postgres() {
            return pg.side_put(PG_TABLE, id, pin.created_ms, bytes);
        }
        let tx = self.side.db()?.begin_write()?;
        tx.open_table(OBJECTS)?.insert(id, bytes.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// The pin of `id` if `owner` made it.
    pub fn get(&self, owner: u64, id: &str) -> Result<Option<Pin>, StoreError> {
        if let Some(pg) = self.side.postgres() {
            let Some(bytes) = pg.side_get(PG_TABLE, id)? else { return Ok(None) };
            let pin = decode(&bytes)?;
            return Ok((pin.owner == owner).then_some(pin));
        }
        let tx = self.side.db()?.begin_read()?;
        let t = match tx.open_table(OBJECTS) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let Some(v) = t.get(id)? else { return Ok(None) };
        let pin = decode(v.value())?;
        Ok((pin.owner == owner).then_some(pin))
    }

    /// Forget `id` (deleted upstream).
    pub fn remove(&self, id: &str) -> Result<(), StoreError> {
        if let Some(pg) = self.side.postgres() {
            return pg.side_remove(PG_TABLE, id).map(drop);
        }
        let tx = self.side.db()?.begin_write()?;
        tx.open_table(OBJECTS)?.remove(id)?;
        tx.commit()?;
        Ok(())
    }

    /// Every object of `kind` that `owner` made, oldest first.
    pub fn list(&self, owner: u64, kind: ObjectKind) -> Result<Vec<(String, Pin)>, StoreError> {
        if let Some(pg) = self.side.postgres() {
            let mut out: Vec<(String, Pin)> = pg
                .side_list(PG_TABLE)?
                .into_iter()
                .filter_map(|(id, v)| decode(&v).ok().map(|pin| (id, pin)))
                .filter(|(_, pin)| pin.owner == owner && pin.kind == kind)
                .collect();
            out.sort_by_key(|(_, p)| p.created_ms);
            return Ok(out);
        }
        let tx = self.side.db()?.begin_read()?;
        let t = match tx.open_table(OBJECTS) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for row in t.iter()? {
            let (k, v) = row?;
            if let Ok(pin) = serde_json::from_slice::<Pin>(v.value()) {
                if pin.owner == owner && pin.kind == kind {
                    out.push((k.value().to_string(), pin));
                }
            }
        }
        out.sort_by_key(|(_, p)| p.created_ms);
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn pin(kind: ObjectKind, owner: u64, created_ms: u64) -> Pin {
        Pin { kind, provider: "openai".into(), key: 42, owner, created_ms }
    }

    #[test]
    fn per_owner_listed_by_kind_and_kept_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.redb");
        {
            let s = ObjectStore::default();
            s.attach(Arc::new(RedbStore::open(&path).unwrap()));
            s.put("file-b", &pin(ObjectKind::File, 1, 2)).unwrap();
            s.put("file-a", &pin(ObjectKind::File, 1, 1)).unwrap();
            s.put("batch_x", &pin(ObjectKind::Batch, 1, 3)).unwrap();
            s.put("file-other", &pin(ObjectKind::File, 2, 1)).unwrap();
        }
        let s = ObjectStore::default();
        s.attach(Arc::new(RedbStore::open(&path).unwrap()));
        assert_eq!(s.get(1, "file-a").unwrap(), Some(pin(ObjectKind::File, 1, 1)));
        assert_eq!(s.get(2, "file-a").unwrap(), None, "another principal never sees it");
        let ids: Vec<String> = s.list(1, ObjectKind::File).unwrap().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["file-a", "file-b"]);
        s.remove("file-a").unwrap();
        assert_eq!(s.get(1, "file-a").unwrap(), None);
        assert_eq!(s.list(1, ObjectKind::Batch).unwrap().len(), 1);
    }
}
