//! The request log and the stats aggregates, in one redb file in the data dir
//! (`monorelay.redb`). `LogStore` is the boundary a second backend (PostgreSQL, for several
//! relays) will implement; `RedbStore` is the local one. `writer` owns the only writing thread
//! while `serve` runs; the CLI opens the file directly only when no server holds it.
//!
//! Tables: the records (versioned JSON `LogEntry` and bodies, zstd from 2 KiB) in `log_blocks`,
//! `log_index` and `log_block_live`, a group commit's records written together (`blocks`; files of
//! earlier versions also hold records in `logs`, id → entry, and `bodies`, id → bodies, which
//! are read beside them), `hourly` ((unix hour, model␟provider␟key␟user) → `Agg`), `meta`
//! (counters such as the bytes of the records' entries and bodies, used for
//! `logging.max_size_mb`). Raw logs expire by age and size; aggregates are
//! kept for `AGGREGATE_RETENTION_DAYS`. `users` keeps principals (users, relay keys, their usage,
//! sessions). `keystate` adds the upstream keys' health (`key_states`, `key_windows`), which
//! `serve` keeps here even with the request log off; `responses` the stored Responses-API
//! conversations (`responses`); `objects` which provider and key hold each file and batch made
//! through the relay (`openai_objects`). `postgres` is the shared backend of `LogStore` and
//! `UserStore` (`storage.backend: postgres`).

pub mod blocks;
pub mod bodies;
mod entry;
pub mod keystate;
pub mod objects;
pub mod pace;
pub mod postgres;
pub mod responses;
pub mod side;
pub mod users;
pub mod writer;

pub use crate::record::LogEntry;
use crate::stats::Agg;
pub use blocks::{RawRecord, Records};
pub use bodies::{ResponseKind, StoredBodies};
use redb::{ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The database file in the data dir.
pub const DB_FILE: &str = "monorelay.redb";
/// First byte of a JSON-encoded `LogEntry` (PostgreSQL rows, records of earlier versions; the
/// redb log writes `entry::ENTRY_FORMAT_BINARY`).
const ENTRY_FORMAT: u8 = 1;
/// Hourly aggregates outlive raw logs by far: two years.
pub const AGGREGATE_RETENTION_DAYS: u64 = 730;
/// Separates the parts of an aggregate key (a character no model or label contains).
pub(crate) const SEP: char = '\u{1f}';

/// Records as versions before `blocks` wrote them (read, expired and cleared, never written).
const LOGS: TableDefinition<u64, &[u8]> = TableDefinition::new("logs");
const BODIES: TableDefinition<u64, &[u8]> = TableDefinition::new("bodies");
const HOURLY: TableDefinition<(u64, &str), &[u8]> = TableDefinition::new("hourly");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const META_LOG_BYTES: &str = "log_bytes";

/// `LogEntry` is defined with the other record types; its storage encoding is here.
impl LogEntry {
    fn encode(&self) -> Result<Vec<u8>, StoreError> {
        let mut out = vec![ENTRY_FORMAT];
        serde_json::to_writer(&mut out, self).map_err(|e| StoreError(format!("cannot encode a record: {e}")))?;
        Ok(out)
    }
    /// Append the compact binary encoding (what the redb log stores) to `out`.
    fn encode_compact(&self, out: &mut Vec<u8>) {
        entry::encode(self, out);
    }
    fn decode(bytes: &[u8]) -> Result<LogEntry, StoreError> {
        match bytes.split_first() {
            Some((&ENTRY_FORMAT, rest)) => {
                let mut e: LogEntry =
                    serde_json::from_slice(rest).map_err(|e| StoreError(format!("corrupt record: {e}")))?;
                e.short_id = short_id(e.id);
                Ok(e)
            }
            Some((&entry::ENTRY_FORMAT_BINARY, rest)) => {
                let mut e = entry::decode(rest).map_err(StoreError)?;
                e.short_id = short_id(e.id);
                Ok(e)
            }
            Some((v, _)) => Err(StoreError(format!("record format {v} is newer than this version reads"))),
            None => Err(StoreError("empty record".into())),
        }
    }
    fn agg_key(&self) -> String {
        let parts = [
            self.model.as_deref().unwrap_or(&self.requested_model),
            self.provider.as_deref().unwrap_or(""),
            self.key_label.as_deref().unwrap_or(""),
            self.user.as_deref().unwrap_or(""),
        ];
        parts.join(&SEP.to_string())
    }
}

/// Where the database lives: `logging.db_path` when it names a `.redb` file, else
/// `<data dir>/monorelay.redb`. (The original's `db_path` named an SQLite file, which this is not.)
pub fn db_path(data_dir: &Path, logging: &crate::config::LoggingConfig) -> PathBuf {
    logging.db_file.clone().unwrap_or_else(|| data_dir.join(DB_FILE))
}

static ID_COUNTER: AtomicU64 = AtomicU64::new(0);

pub fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)).unwrap_or(0)
}

/// A new time-ordered id for a request that started at `t`.
pub fn new_id(t: SystemTime) -> u64 {
    let micros = t.duration_since(UNIX_EPOCH).map(|d| d.as_micros() as u64).unwrap_or(0);
    (micros << 12) | (ID_COUNTER.fetch_add(1, Ordering::Relaxed) & 0xfff)
}

/// The smallest id of a request started at unix millisecond `ms`.
pub fn id_at_ms(ms: u64) -> u64 {
    ms.saturating_mul(1000).checked_shl(12).unwrap_or(u64::MAX)
}

pub fn id_ms(id: u64) -> u64 {
    (id >> 12) / 1000
}

/// `id` in base 36: 12–13 characters.
pub fn short_id(mut id: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    // u64::MAX has 13 base-36 digits; filled from the end, one allocation for the result.
    let mut buf = [0u8; 13];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = DIGITS[(id % 36) as usize];
        id /= 36;
        if id == 0 {
            break;
        }
    }
    buf[at..].iter().map(|&b| char::from(b)).collect()
}

/// Accepts the short (base 36) form or the decimal id.
pub fn parse_id(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.len() > 13 && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    u64::from_str_radix(&s.to_ascii_lowercase(), 36).ok()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

macro_rules! impl_from_redb {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError(format!("database: {e}"))
            }
        }
    )*};
}
impl_from_redb!(
    redb::Error,
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError
);

/// Filters for `logs.query`. Results come newest first unless `oldest_first`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogQuery {
    /// Unix milliseconds, inclusive.
    pub since_ms: Option<u64>,
    /// Unix milliseconds, exclusive.
    pub until_ms: Option<u64>,
    /// Case-insensitive substring of the requested or resolved model.
    pub model: Option<String>,
    /// Provider name (case-insensitive, ignoring `-` and `_`).
    pub provider: Option<String>,
    /// `2xx`, `4xx`, `5xx`, `499`, `error` (≥ 400 but not 499), `ok` (< 400) or an exact status.
    pub status: Option<String>,
    pub user: Option<String>,
    /// Paging cursor: continue after this id (from the previous page's `next`).
    pub after: Option<u64>,
    pub oldest_first: bool,
    /// Page size (default 50, at most 1000).
    pub limit: Option<usize>,
    /// Case-insensitive substring of the models, provider, key label, user, relay key, client
    /// address or error message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Rows examined per query call before returning a partial page with a cursor, so a rare filter
/// over a large log never holds a read transaction for long.
const MAX_SCAN_ROWS: usize = 100_000;

impl LogQuery {
    /// Whether `e` passes the filters (time range and paging aside).
    pub fn matches(&self, e: &LogEntry) -> bool {
        if let Some(m) = &self.model {
            let m = m.to_lowercase();
            let hit = e.requested_model.to_lowercase().contains(&m)
                || e.model.as_deref().is_some_and(|x| x.to_lowercase().contains(&m));
            if !hit {
                return false;
            }
        }
        if let Some(p) = &self.provider {
            let want = crate::config::normalize_name(p);
            if e.provider.as_deref().map(crate::config::normalize_name).as_deref() != Some(want.as_str()) {
                return false;
            }
        }
        if let Some(u) = &self.user {
            if e.user.as_deref() != Some(u.as_str()) {
                return false;
            }
        }
        if let Some(s) = &self.status {
            let st = e.status;
            let ok = match s.to_ascii_lowercase().as_str() {
                "error" | "errors" => crate::stats::is_error(st),
                "ok" | "success" => st < 400,
                c if c.len() == 3 && c.ends_with("xx") => c.as_bytes()[0].wrapping_sub(b'0') as u16 == st / 100,
                n => n.parse::<u16>().is_ok_and(|n| n == st),
            };
            if !ok {
                return false;
            }
        }
        if let Some(t) = self.text.as_deref().map(str::to_lowercase).filter(|t| !t.is_empty()) {
            let fields = [
                Some(e.requested_model.as_str()),
                e.model.as_deref(),
                e.provider.as_deref(),
                e.key_label.as_deref(),
                e.user.as_deref(),
                e.relay_key.as_deref(),
                e.client_addr.as_deref(),
                e.error.as_deref(),
            ];
            if !fields.into_iter().flatten().any(|f| f.to_lowercase().contains(&t)) {
                return false;
            }
        }
        true
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogPage {
    pub entries: Vec<LogEntry>,
    /// Pass as `after` for the next page; `None` when there is no more.
    pub next: Option<u64>,
}

/// How `stats` groups its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    #[default]
    Total,
    Model,
    Provider,
    Key,
    User,
    Hour,
    /// `user␟model`: one user's figures are read out of these (`usage`); not on the wire.
    #[serde(skip)]
    UserModel,
    /// `user␟hour start (unix seconds)`, as `UserModel`.
    #[serde(skip)]
    UserHour,
}

/// What one retention pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Expired {
    pub records: u64,
    pub aggregates: u64,
    /// More is due: call again (each call is one small transaction).
    pub more: bool,
}

/// A stored record ready to write: its entry and its encoded bodies.
#[derive(Clone)]
pub struct Row {
    pub entry: LogEntry,
    pub bodies: Option<Vec<u8>>,
}

/// The storage boundary: what the writer, the control socket and the CLI need from a backend.
pub trait LogStore: Send + Sync + 'static {
    /// Write a batch in one transaction, with its hourly aggregates.
    fn append(&self, rows: &[Row]) -> Result<(), StoreError>;
    fn query(&self, q: &LogQuery) -> Result<LogPage, StoreError>;
    fn get(&self, id: u64) -> Result<Option<(LogEntry, Option<StoredBodies>)>, StoreError>;
    /// Aggregates over `[since_ms, until_ms)` at hour granularity, grouped.
    fn stats(&self, since_ms: u64, until_ms: u64, by: GroupBy) -> Result<BTreeMap<String, Agg>, StoreError>;
    /// One bounded retention step: records started before `cutoff_ms`, then the oldest records
    /// while logs and bodies exceed `max_bytes`, then aggregates older than their retention.
    fn expire(&self, cutoff_ms: Option<u64>, max_bytes: Option<u64>, chunk: usize) -> Result<Expired, StoreError>;
    /// Delete every record (aggregates stay). Returns how many were deleted.
    fn clear(&self) -> Result<u64, StoreError>;
    /// Records and stored bytes (logs + bodies).
    fn size(&self) -> Result<(u64, u64), StoreError>;
    /// A shared database's health: records held while it is unreachable (`None`: a local file).
    fn health(&self) -> Option<postgres::PgHealth> {
        None
    }
    /// Wait until every batch `append` accepted is committed or held (a store that commits in
    /// the background: PostgreSQL). The writer calls it before answering a flush and at stop.
    fn sync(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// `append`, then `done` with its result and the batch's entries once the batch is written
    /// (or held). A store that commits in the background (PostgreSQL) returns at once and calls
    /// `done` from its own thread later, so the writer prepares its next batch meanwhile and the
    /// records reach the live feed only once they can be read back.
    fn append_then(&self, rows: Vec<Row>, done: Done) {
        let r = self.append(&rows);
        done(r, rows.into_iter().map(|r| r.entry).collect());
    }
}

/// What `LogStore::append_then` calls when its batch is written.
pub type Done = Box<dyn FnOnce(Result<(), StoreError>, Vec<LogEntry>) + Send>;

pub struct RedbStore {
    db: redb::Database,
    path: PathBuf,
    /// The hourly aggregate rows the last commits wrote, as committed: `append` merges a group
    /// into these instead of reading and decoding the row back every commit. Only this value
    /// writes the table (redb lets one process hold the file), and an entry changes only after
    /// its commit succeeded, so it always equals the row on disk. Rows of earlier hours drop out.
    hourly_cache: std::sync::Mutex<BTreeMap<(u64, String), Agg>>,
}

impl std::fmt::Debug for RedbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedbStore").field("path", &self.path).finish()
    }
}

/// Page cache of the request log (redb: nine tenths read cache, one tenth write buffer). Written
/// pages move into the read cache until it is full and stay there, so whatever this allows is
/// resident after the first minutes of load: 16 MiB made RSS after load 2.7× idle, and at 4 MiB
/// it was still the largest live part after `bench.py` (3.2 MB, heaptrack). A group's writes that
/// overflow the write buffer are written out early, not lost; reads of the log are a few recent
/// blocks and the index's upper pages. 1 MiB measured +0.7 % instructions per logged request
/// (callgrind, within run-to-run noise) for 2.6 MB less RSS after load.
const STORE_CACHE_BYTES: usize = 1024 * 1024;

impl RedbStore {
    /// Open (or create) the database. Fails if another process holds it.
    pub fn open(path: &Path) -> Result<RedbStore, StoreError> {
        // redb caches up to 1 GiB by default; an append-mostly log reads little back, and that
        // cache showed up as hundreds of MB of relay RSS under load in bench/.
        let db = redb::Builder::new().set_cache_size(STORE_CACHE_BYTES).create(path).map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => {
                // Without the (Unix-only) control socket the CLI cannot go through a running server.
                let hint = if cfg!(unix) {
                    ""
                } else {
                    "; on this platform the CLI cannot reach a running server (its control socket is Unix-only): stop the server first"
                };
                StoreError(format!(
                    "'{}' is in use by another process (a running 'monorelay serve'?){hint}",
                    path.display()
                ))
            }
            e => StoreError(format!("cannot open '{}': {e}", path.display())),
        })?;
        // Every prompt is in here: owner-only, whatever the umask or an older file said.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| StoreError(format!("cannot make '{}' private (0600): {e}", path.display())))?;
        }
        let tx = db.begin_write()?;
        {
            tx.open_table(LOGS)?;
            tx.open_table(BODIES)?;
            tx.open_table(blocks::BLOCKS)?;
            tx.open_table(blocks::INDEX)?;
            tx.open_table(blocks::LIVE)?;
            tx.open_table(HOURLY)?;
            tx.open_table(META)?;
            tx.open_table(keystate::KEY_STATES)?;
            tx.open_table(keystate::KEY_WINDOWS)?;
            Self::open_user_tables(&tx)?;
        }
        tx.commit()?;
        Ok(RedbStore { db, path: path.to_path_buf(), hourly_cache: Default::default() })
    }

    /// The database itself, for tables kept beside the log (`responses`).
    pub(crate) fn database(&self) -> &redb::Database {
        &self.db
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every record, oldest first, both layouts, as of now (one read transaction).
    pub fn records(&self) -> Result<Records, StoreError> {
        Records::new(&self.db.begin_read()?)
    }
}

fn add_meta(meta: &mut redb::Table<&str, u64>, key: &str, delta: i128) -> Result<(), StoreError> {
    let cur = meta.get(key)?.map(|v| v.value()).unwrap_or(0);
    let new = (i128::from(cur) + delta).clamp(0, i128::from(u64::MAX)) as u64;
    meta.insert(key, new)?;
    Ok(())
}

fn decode_agg(bytes: &[u8]) -> Agg {
    // Version byte, then JSON; an unreadable aggregate counts as empty rather than failing stats.
    bytes.split_first().and_then(|(_, rest)| serde_json::from_slice(rest).ok()).unwrap_or_default()
}

/// The group an aggregate row (unix hour, model␟provider␟key␟user) falls in.
fn group_name(hour: u64, key: &str, by: GroupBy) -> String {
    let parts: Vec<&str> = key.split(SEP).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or("").to_string();
    match by {
        GroupBy::Total => "total".to_string(),
        GroupBy::Model => part(0),
        GroupBy::Provider => part(1),
        GroupBy::Key => format!("{}/{}", part(1), part(2)),
        GroupBy::User => part(3),
        GroupBy::Hour => format!("{}", hour * 3600),
        GroupBy::UserModel => format!("{}{SEP}{}", part(3), part(0)),
        GroupBy::UserHour => format!("{}{SEP}{}", part(3), hour * 3600),
    }
}

fn encode_agg(a: &Agg) -> Vec<u8> {
    let mut out = vec![ENTRY_FORMAT];
    let _ = serde_json::to_writer(&mut out, a);
    out
}

impl LogStore for RedbStore {
    fn append(&self, rows: &[Row]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin_write()?;
        // Taken inside the write transaction, as `expire` does (one lock order).
        let mut cache = self.hourly_cache.lock().unwrap_or_else(|p| p.into_inner());
        let mut merged: Vec<((u64, String), Agg)> = Vec::new();
        {
            let added = blocks::write_group(&tx, rows)?;
            let mut hourly = tx.open_table(HOURLY)?;
            let mut meta = tx.open_table(META)?;
            let mut aggs: BTreeMap<(u64, String), Agg> = BTreeMap::new();
            for row in rows {
                let hour = row.entry.started_at_ms / 3_600_000;
                aggs.entry((hour, row.entry.agg_key())).or_default().add(&row.entry);
            }
            for (k, add) in aggs {
                let mut agg = match cache.get(&k) {
                    Some(a) => a.clone(),
                    None => hourly.get((k.0, k.1.as_str()))?.map(|v| decode_agg(v.value())).unwrap_or_default(),
                };
                agg.merge(&add);
                hourly.insert((k.0, k.1.as_str()), encode_agg(&agg).as_slice())?;
                merged.push((k, agg));
            }
            add_meta(&mut meta, META_LOG_BYTES, added)?;
        }
        tx.commit()?;
        // Committed: these rows are now what the table holds. Keep the current and last hour.
        let newest = merged.iter().map(|((h, _), _)| *h).max().unwrap_or(0);
        cache.retain(|(h, _), _| *h + 1 >= newest);
        cache.extend(merged);
        Ok(())
    }

    fn query(&self, q: &LogQuery) -> Result<LogPage, StoreError> {
        let limit = q.limit.unwrap_or(50).clamp(1, 1000);
        let tx = self.db.begin_read()?;
        let mut reader = blocks::Reader::open(&tx)?;
        let lo = q.since_ms.map_or(0, id_at_ms);
        let hi = q.until_ms.map_or(u64::MAX, id_at_ms);
        let (lo, hi) = match (q.after, q.oldest_first) {
            (Some(a), true) => (lo.max(a.saturating_add(1)), hi),
            (Some(a), false) => (lo, hi.min(a)),
            (None, _) => (lo, hi),
        };
        let mut page = LogPage::default();
        if lo >= hi {
            return Ok(page);
        }
        let mut prev = None;
        for (scanned, item) in reader.walk(lo..hi, !q.oldest_first)?.enumerate() {
            let (id, slot) = item?;
            if scanned >= MAX_SCAN_ROWS {
                // Partial page: continue after the last row examined.
                page.next = prev;
                return Ok(page);
            }
            prev = Some(id);
            let Ok(e) = reader.decode(id, &slot) else { continue };
            if q.matches(&e) {
                page.entries.push(e);
                if page.entries.len() == limit {
                    page.next = Some(id);
                    return Ok(page);
                }
            }
        }
        Ok(page)
    }

    fn get(&self, id: u64) -> Result<Option<(LogEntry, Option<StoredBodies>)>, StoreError> {
        let tx = self.db.begin_read()?;
        let mut reader = blocks::Reader::open(&tx)?;
        let Some(slot) = reader.find(id)? else { return Ok(None) };
        let entry = reader.decode(id, &slot)?;
        Ok(Some((entry, reader.decode_bodies(id, &slot)?)))
    }

    fn stats(&self, since_ms: u64, until_ms: u64, by: GroupBy) -> Result<BTreeMap<String, Agg>, StoreError> {
        let tx = self.db.begin_read()?;
        let hourly = tx.open_table(HOURLY)?;
        let lo = since_ms / 3_600_000;
        let hi = until_ms.div_ceil(3_600_000);
        let mut out: BTreeMap<String, Agg> = BTreeMap::new();
        for item in hourly.range((lo, "")..(hi, ""))? {
            let (k, v) = item?;
            let (hour, key) = k.value();
            out.entry(group_name(hour, key, by)).or_default().merge(&decode_agg(v.value()));
        }
        Ok(out)
    }

    fn expire(&self, cutoff_ms: Option<u64>, max_bytes: Option<u64>, chunk: usize) -> Result<Expired, StoreError> {
        /// The oldest record left, in either layout.
        enum Oldest {
            Old { entry_len: u64 },
            New(blocks::Loc),
        }
        let mut done = Expired::default();
        let tx = self.db.begin_write()?;
        {
            let mut logs = tx.open_table(LOGS)?;
            let mut bodies = tx.open_table(BODIES)?;
            let mut index = tx.open_table(blocks::INDEX)?;
            let mut block_table = tx.open_table(blocks::BLOCKS)?;
            let mut live = tx.open_table(blocks::LIVE)?;
            let mut meta = tx.open_table(META)?;
            let mut bytes = meta.get(META_LOG_BYTES)?.map(|v| v.value()).unwrap_or(0);
            let cutoff_id = cutoff_ms.map_or(0, id_at_ms);
            let mut removed: i128 = 0;
            // Records of each block removed here: a block goes with its last record.
            let mut released: BTreeMap<u64, u32> = BTreeMap::new();
            while (done.records as usize) < chunk {
                // The oldest record of either layout.
                let old = logs.first()?.map(|(k, v)| (k.value(), v.value().len() as u64));
                let new = index.first()?.map(|(k, v)| (k.value(), blocks::Loc::from_row(v.value())));
                // Of the old layout only when strictly older (an id in both goes from the index first).
                let (k, oldest) = match (old, new) {
                    (Some((a, len)), Some((b, _))) if a < b => (a, Oldest::Old { entry_len: len }),
                    (Some((a, len)), None) => (a, Oldest::Old { entry_len: len }),
                    (_, Some((b, loc))) => (b, Oldest::New(loc)),
                    (None, None) => break,
                };
                let too_old = k < cutoff_id;
                let too_big = max_bytes.is_some_and(|m| bytes > m);
                if !(too_old || too_big) {
                    break;
                }
                let freed = match oldest {
                    Oldest::New(loc) => {
                        index.remove(k)?;
                        *released.entry(loc.block).or_default() += 1;
                        loc.bytes()
                    }
                    Oldest::Old { entry_len } => {
                        logs.remove(k)?;
                        entry_len + bodies.remove(k)?.map_or(0, |b| b.value().len() as u64)
                    }
                };
                bytes = bytes.saturating_sub(freed);
                removed += i128::from(freed);
                done.records += 1;
            }
            for (block, n) in released {
                blocks::release(&mut block_table, &mut live, block, n)?;
            }
            done.more = done.records as usize >= chunk;
            add_meta(&mut meta, META_LOG_BYTES, -removed)?;

            let mut hourly = tx.open_table(HOURLY)?;
            let now_h = unix_ms(SystemTime::now()) / 3_600_000;
            let agg_cutoff = now_h.saturating_sub(AGGREGATE_RETENTION_DAYS * 24);
            let mut old: Vec<(u64, String)> = Vec::new();
            for item in hourly.range((0u64, "")..(agg_cutoff, ""))?.take(chunk) {
                let (k, _) = item?;
                let (h, key) = k.value();
                old.push((h, key.to_string()));
            }
            // Rows removed here must not come back from the cache (dropping entries is always safe).
            self.hourly_cache.lock().unwrap_or_else(|p| p.into_inner()).retain(|(h, _), _| *h >= agg_cutoff);
            for (h, key) in &old {
                hourly.remove((*h, key.as_str()))?;
            }
            done.aggregates = old.len() as u64;
            done.more |= old.len() >= chunk;
        }
        tx.commit()?;
        Ok(done)
    }

    fn clear(&self) -> Result<u64, StoreError> {
        let tx = self.db.begin_write()?;
        let n;
        {
            let mut logs = tx.open_table(LOGS)?;
            let mut index = tx.open_table(blocks::INDEX)?;
            n = logs.len()? + index.len()?;
            logs.retain(|_, _| false)?;
            tx.open_table(BODIES)?.retain(|_, _| false)?;
            index.retain(|_, _| false)?;
            tx.open_table(blocks::BLOCKS)?.retain(|_, _| false)?;
            tx.open_table(blocks::LIVE)?.retain(|_, _| false)?;
            let mut meta = tx.open_table(META)?;
            meta.insert(META_LOG_BYTES, 0)?;
        }
        tx.commit()?;
        Ok(n)
    }

    fn size(&self) -> Result<(u64, u64), StoreError> {
        let tx = self.db.begin_read()?;
        let n = tx.open_table(LOGS)?.len()? + tx.open_table(blocks::INDEX)?.len()?;
        let bytes = tx.open_table(META)?.get(META_LOG_BYTES)?.map(|v| v.value()).unwrap_or(0);
        Ok((n, bytes))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
