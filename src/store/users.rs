//! Principals in the database: users, their relay keys, the keys' usage counters, admin
//! sessions and SSO invites, each a table of (string id → versioned JSON bytes). The store keeps
//! rows only; what they hold and mean is `auth`'s business (it encodes and decodes them), so a
//! second backend (PostgreSQL, Redis for the counters) implements the same two operations of
//! `UserStore`.

use super::{RedbStore, StoreError};
use redb::{ReadableTable, TableDefinition};

const USERS: TableDefinition<&str, &[u8]> = TableDefinition::new("users");
const RELAY_KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("relay_keys");
const KEY_USAGE: TableDefinition<&str, &[u8]> = TableDefinition::new("relay_key_usage");
const SESSIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("sessions");
const INVITES: TableDefinition<&str, &[u8]> = TableDefinition::new("invites");

/// One of the principal tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserTable {
    /// username → user.
    Users,
    /// public key prefix → relay key (hash, owner, limits).
    RelayKeys,
    /// public key prefix → usage counters.
    KeyUsage,
    /// session id hash → session.
    Sessions,
    /// invite code hash → SSO registration invite.
    Invites,
}

impl UserTable {
    fn def(self) -> TableDefinition<'static, &'static str, &'static [u8]> {
        match self {
            UserTable::Users => USERS,
            UserTable::RelayKeys => RELAY_KEYS,
            UserTable::KeyUsage => KEY_USAGE,
            UserTable::Sessions => SESSIONS,
            UserTable::Invites => INVITES,
        }
    }
}

/// One change in a batch: `Some` writes the row, `None` deletes it.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub table: UserTable,
    pub id: String,
    pub value: Option<Vec<u8>>,
}

/// What `auth` needs from a backend.
pub trait UserStore: Send + Sync + 'static {
    /// Every row of `table`.
    fn load(&self, table: UserTable) -> Result<Vec<(String, Vec<u8>)>, StoreError>;
    /// Write and delete rows, all in one transaction.
    fn apply(&self, rows: &[UserRow]) -> Result<(), StoreError>;
    /// Delete row `id` of `table` and return what it held. A store several processes share
    /// makes this atomic (of two takers, one gets the row); this default is atomic only for a
    /// store one process owns, whose callers serialize their takes.
    fn take(&self, table: UserTable, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let Some((_, v)) = self.load(table)?.into_iter().find(|(k, _)| k == id) else { return Ok(None) };
        self.apply(&[UserRow { table, id: id.to_string(), value: None }])?;
        Ok(Some(v))
    }
}

impl RedbStore {
    pub(super) fn open_user_tables(tx: &redb::WriteTransaction) -> Result<(), StoreError> {
        for t in [USERS, RELAY_KEYS, KEY_USAGE, SESSIONS, INVITES] {
            tx.open_table(t)?;
        }
        Ok(())
    }
}

impl UserStore for RedbStore {
    fn load(&self, table: UserTable) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let tx = self.db.begin_read()?;
        let t = tx.open_table(table.def())?;
        let mut out = Vec::new();
        for item in t.iter()? {
            let (k, v) = item?;
            out.push((k.value().to_string(), v.value().to_vec()));
        }
        Ok(out)
    }

    fn apply(&self, rows: &[UserRow]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin_write()?;
        for row in rows {
            let mut t = tx.open_table(row.table.def())?;
            match &row.value {
                Some(v) => {
                    t.insert(row.id.as_str(), v.as_slice())?;
                }
                None => {
                    t.remove(row.id.as_str())?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rows_survive_reopening_and_deletes_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::DB_FILE);
        let s = RedbStore::open(&path).unwrap();
        let row = |table, id: &str, v: Option<&[u8]>| UserRow { table, id: id.into(), value: v.map(<[u8]>::to_vec) };
        s.apply(&[row(UserTable::Users, "alice", Some(b"a")), row(UserTable::Users, "bob", Some(b"b"))]).unwrap();
        s.apply(&[row(UserTable::Users, "bob", None), row(UserTable::KeyUsage, "mr-x", Some(b"1"))]).unwrap();
        drop(s);
        let s = RedbStore::open(&path).unwrap();
        assert_eq!(s.load(UserTable::Users).unwrap(), vec![("alice".to_string(), b"a".to_vec())]);
        assert_eq!(s.load(UserTable::KeyUsage).unwrap().len(), 1);
        assert!(s.load(UserTable::Sessions).unwrap().is_empty());
    }
}
