//! Upstream key health kept in the request-log database, so that a restart neither resets quotas
//! and usage windows nor forgets keys an upstream rejected or asked to back off.
//!
//! Two tables: `key_states` ((provider, key fingerprint) → versioned JSON `StoredKeyState`) and
//! `key_windows` ((provider, fingerprint, bucket start in unix seconds) → requests counted in that
//! bucket). Buckets are written as they change (usually one row per busy key per save), never the
//! whole ring. The store only keeps rows; what they mean — and when a key's rows may go — is
//! decided by `keys::persist`, which writes them behind the request path.

use super::{RedbStore, StoreError};
use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub(super) const KEY_STATES: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("key_states");
pub(super) const KEY_WINDOWS: TableDefinition<(&str, u64, u64), u64> = TableDefinition::new("key_windows");
/// First byte of an encoded `StoredKeyState`.
const STATE_FORMAT: u8 = 1;

/// One key's health as saved. Times are wall-clock unix milliseconds. Every field defaults, so a
/// row written by another version reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredKeyState {
    /// Cooling until then (only saved while in the future).
    pub cooldown_until_ms: Option<u64>,
    /// The cooldown came from a 429 (else from server errors).
    pub cooldown_rate_limited: bool,
    /// Upstream answered 401/403: unusable until re-enabled or reset; `last_error` says why.
    pub invalid: bool,
    pub enabled_override: Option<bool>,
    pub weight_override: Option<f64>,
    pub consecutive_failures: u32,
    pub quota_used: u64,
    /// The config's `quota_used` when the count started: a different value in the config later
    /// means the user set the counter, and it wins.
    pub quota_seed: u64,
    /// Already redacted, at most 300 characters.
    pub last_error: Option<String>,
    pub last_used_ms: Option<u64>,
    pub requests: u64,
    pub failures: u64,
    /// When the key was first seen absent from the running config (it is dropped a while after).
    pub orphan_since_ms: Option<u64>,
}

impl StoredKeyState {
    fn encode(&self) -> Result<Vec<u8>, StoreError> {
        let mut out = vec![STATE_FORMAT];
        serde_json::to_writer(&mut out, self).map_err(|e| StoreError(format!("cannot encode a key state: {e}")))?;
        Ok(out)
    }

    fn decode(bytes: &[u8]) -> Result<StoredKeyState, StoreError> {
        match bytes.split_first() {
            Some((&STATE_FORMAT, rest)) => {
                serde_json::from_slice(rest).map_err(|e| StoreError(format!("corrupt key state: {e}")))
            }
            Some((v, _)) => Err(StoreError(format!("key state format {v} is newer than this version reads"))),
            None => Err(StoreError("empty key state".into())),
        }
    }
}

/// A key's row and its usage buckets (`(bucket start in unix seconds, count)`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyStateRow {
    pub provider: String,
    pub fingerprint: u64,
    pub state: StoredKeyState,
    pub buckets: Vec<(u64, u64)>,
}

/// One write-behind step, committed in one transaction.
#[derive(Debug, Clone, Default)]
pub struct KeyStateSave {
    /// States to write, with the buckets that changed (other buckets are left as they are).
    pub rows: Vec<KeyStateRow>,
    /// Keys to forget, with all their buckets.
    pub removed: Vec<(String, u64)>,
    /// Drop every bucket that started before this (unix seconds).
    pub buckets_before: Option<u64>,
}

impl RedbStore {
    /// Every saved key state with its buckets. A row that cannot be decoded is skipped with a
    /// warning (that key starts fresh) rather than failing the start.
    pub fn load_key_states(&self) -> Result<Vec<KeyStateRow>, StoreError> {
        let tx = self.db.begin_read()?;
        let states = tx.open_table(KEY_STATES)?;
        let mut rows: Vec<KeyStateRow> = Vec::new();
        let mut index: HashMap<(String, u64), usize> = HashMap::new();
        for item in states.iter()? {
            let (k, v) = item?;
            let (provider, fingerprint) = k.value();
            match StoredKeyState::decode(v.value()) {
                Ok(state) => {
                    index.insert((provider.to_string(), fingerprint), rows.len());
                    rows.push(KeyStateRow { provider: provider.to_string(), fingerprint, state, buckets: Vec::new() });
                }
                Err(e) => tracing::warn!("key state of a '{provider}' key skipped: {e}"),
            }
        }
        let windows = tx.open_table(KEY_WINDOWS)?;
        for item in windows.iter()? {
            let (k, v) = item?;
            let (provider, fingerprint, start) = k.value();
            if let Some(i) = index.get(&(provider.to_string(), fingerprint)) {
                rows[*i].buckets.push((start, v.value()));
            }
        }
        Ok(rows)
    }

    /// Write states and changed buckets, forget removed keys, drop old buckets: one transaction.
    pub fn save_key_states(&self, save: &KeyStateSave) -> Result<(), StoreError> {
        if save.rows.is_empty() && save.removed.is_empty() && save.buckets_before.is_none() {
            return Ok(());
        }
        let tx = self.db.begin_write()?;
        {
            let mut states = tx.open_table(KEY_STATES)?;
            let mut windows = tx.open_table(KEY_WINDOWS)?;
            for row in &save.rows {
                let p = row.provider.as_str();
                states.insert((p, row.fingerprint), row.state.encode()?.as_slice())?;
                for (start, count) in &row.buckets {
                    windows.insert((p, row.fingerprint, *start), *count)?;
                }
            }
            for (provider, fp) in &save.removed {
                let p = provider.as_str();
                states.remove((p, *fp))?;
                windows.retain_in((p, *fp, 0u64)..=(p, *fp, u64::MAX), |_, _| false)?;
            }
            if let Some(before) = save.buckets_before {
                // Per key, a range at the front of its buckets: no scan of the whole table.
                let keys: Vec<(String, u64)> = states
                    .iter()?
                    .map(|item| item.map(|(k, _)| (k.value().0.to_string(), k.value().1)))
                    .collect::<Result<_, _>>()?;
                for (p, fp) in &keys {
                    windows.retain_in((p.as_str(), *fp, 0u64)..(p.as_str(), *fp, before), |_, _| false)?;
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

    fn open() -> (tempfile::TempDir, RedbStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = RedbStore::open(&dir.path().join(super::super::DB_FILE)).unwrap();
        (dir, s)
    }

    fn row(provider: &str, fp: u64, quota: u64, buckets: Vec<(u64, u64)>) -> KeyStateRow {
        KeyStateRow {
            provider: provider.into(),
            fingerprint: fp,
            state: StoredKeyState {
                quota_used: quota,
                cooldown_until_ms: Some(1_900_000_000_000),
                cooldown_rate_limited: true,
                last_error: Some("slow down".into()),
                ..StoredKeyState::default()
            },
            buckets,
        }
    }

    #[test]
    fn rows_and_buckets_round_trip_and_buckets_update_in_place() {
        let (dir, s) = open();
        s.save_key_states(&KeyStateSave {
            rows: vec![row("a", 1, 5, vec![(300, 2), (600, 1)]), row("b", 2, 0, vec![])],
            ..Default::default()
        })
        .unwrap();
        s.save_key_states(&KeyStateSave { rows: vec![row("a", 1, 6, vec![(600, 3)])], ..Default::default() }).unwrap();
        drop(s);
        let s = RedbStore::open(&dir.path().join(super::super::DB_FILE)).unwrap();
        let mut rows = s.load_key_states().unwrap();
        rows.sort_by(|x, y| x.provider.cmp(&y.provider));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].state.quota_used, 6);
        assert_eq!(rows[0].state.last_error.as_deref(), Some("slow down"));
        assert_eq!(rows[0].buckets, vec![(300, 2), (600, 3)]);
        assert_eq!(rows[1].buckets, vec![]);
    }

    #[test]
    fn removed_keys_and_old_buckets_go() {
        let (_d, s) = open();
        s.save_key_states(&KeyStateSave {
            rows: vec![row("a", 1, 1, vec![(300, 1), (900, 1)]), row("a", 2, 1, vec![(300, 1)])],
            ..Default::default()
        })
        .unwrap();
        s.save_key_states(&KeyStateSave {
            removed: vec![("a".into(), 2)],
            buckets_before: Some(600),
            ..Default::default()
        })
        .unwrap();
        let rows = s.load_key_states().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fingerprint, 1);
        assert_eq!(rows[0].buckets, vec![(900, 1)]);
        // The removed key's buckets went with it: a key with the same id starts with none.
        s.save_key_states(&KeyStateSave { rows: vec![row("a", 2, 0, vec![])], ..Default::default() }).unwrap();
        let rows = s.load_key_states().unwrap();
        assert!(rows.iter().all(|r| r.fingerprint != 2 || r.buckets.is_empty()));
    }
}
