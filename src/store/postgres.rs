//! The PostgreSQL backend of `LogStore` (the request log, its bodies and hourly aggregates) and of
//! `UserStore` (users, relay keys, their usage, sessions), for several relays sharing one database
//! (`storage.backend: postgres`). The log's tables are partitioned by day (`partitions`: made
//! ahead, dropped whole by retention); `side` keeps the tables beside the log (stored Responses
//! conversations, file and batch pins).
//!
//! The traits are synchronous (the writer is a thread of its own; the admin layer calls them on
//! blocking threads), so `PgStore` owns a small tokio runtime of its own and a tiny pool of
//! `tokio_postgres` connections; every call runs there and the caller waits on a channel, which
//! never panics whatever thread calls it.
//!
//! Writes are batched and pipelined: `append_then` hands the writer's batch to a committer task
//! and returns, so the writer thread prepares the next batch while this one commits (`append`
//! does the same and waits for its batch), and up to
//! `COMMITTERS` batches commit at once, each on a connection of its own (not the pool's, which
//! queries use). A batch is one transaction: its records and bodies each in one `INSERT … SELECT
//! FROM unnest(arrays)` (one constant statement whatever the batch's size), then the hourly
//! aggregates of the records that were new, merged under row locks taken in a stable order. A
//! replayed row (a batch whose commit succeeded but whose answer was lost) is ignored
//! (`ON CONFLICT DO NOTHING … RETURNING id`), and only the rows inserted count in the aggregates
//! and the stored bytes, so retrying a batch never counts twice. `sync` waits for the batches in
//! flight (the writer calls it before answering a flush and at stop). While the database is
//! unreachable, batches are **held** in memory (at most `MAX_HELD` records, the oldest dropped
//! and counted beyond that), reported loudly, and flushed by a background task once it is back.
//!
//! Migrations are embedded (`MIGRATIONS`) and run at start under an advisory lock, so two relays
//! starting at once migrate once; a database migrated by a newer monorelay is refused with a
//! message saying so.

use super::users::{UserRow, UserStore, UserTable};
use super::{Done, Expired, GroupBy, LogEntry, LogPage, LogQuery, LogStore, Row, StoreError, StoredBodies};
use crate::secret::Secret;
use crate::stats::Agg;
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

mod partitions;
mod side;

/// Every schema change, in order; `schema_version` is the number applied. Never edit one that
/// has shipped: add the next. (Public so that a test can build an older schema.)
pub const MIGRATIONS: &[&str] = &[
    // 1: the request log, bodies, aggregates, counters, principals.
    "CREATE TABLE request_log (
        id BIGINT PRIMARY KEY,
        started_at_ms BIGINT NOT NULL,
        instance TEXT,
        entry BYTEA NOT NULL
     );
     CREATE INDEX request_log_started ON request_log (started_at_ms);
     CREATE TABLE request_bodies (id BIGINT PRIMARY KEY, bodies BYTEA NOT NULL);
     CREATE TABLE hourly (hour BIGINT NOT NULL, key TEXT NOT NULL, agg BYTEA NOT NULL, PRIMARY KEY (hour, key));
     CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
     INSERT INTO meta VALUES ('log_bytes', 0);
     CREATE TABLE principals (tbl TEXT NOT NULL, id TEXT NOT NULL, value BYTEA NOT NULL, PRIMARY KEY (tbl, id));",
    // 2: the shared config (`config.source: postgres`), one row.
    "CREATE TABLE config_doc (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        text TEXT NOT NULL,
        version BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL,
        updated_by TEXT
     );",
    // 3: the request log and its bodies partitioned by day (`partitions`), rows kept.
    partitions::MIGRATION,
    // 4: tables kept beside the log (stored Responses conversations, file and batch pins).
    side::MIGRATION,
];

/// The channel a config change is announced on (its payload: the new version).
pub const CONFIG_CHANNEL: &str = "monorelay_config";

/// The channel a change to users, relay keys, sessions or invites is announced on (its payload:
/// the instance that made it); every relay reloads its principals on it (`server::cluster`).
/// Usage counters are not announced (they change on every request and are not read back).
pub const PRINCIPALS_CHANNEL: &str = "monorelay_principals";

/// The shared config as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigDoc {
    pub text: String,
    pub version: i64,
    pub updated_ms: u64,
    /// The instance (or `import`) that wrote it.
    pub updated_by: Option<String>,
}

/// The advisory lock taken while migrating (any constant shared by every monorelay).
const MIGRATION_LOCK: i64 = 0x6d6f_6e6f_7265_6c61;
/// Records held in memory while the database is unreachable, at most.
pub const MAX_HELD: usize = 100_000;
/// How often held records are retried.
const RETRY_EVERY: Duration = Duration::from_secs(1);
/// Connecting gives up after this long.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Rows fetched per round trip while scanning the log for a query.
const SCAN_CHUNK: i64 = 1000;
/// Batches committing at once (each on its own connection); `append` waits beyond that.
const COMMITTERS: usize = 2;

fn pg(e: tokio_postgres::Error) -> StoreError {
    // `Display` of a database error is only "db error"; its detail is in the source.
    match e.as_db_error() {
        Some(d) => StoreError(format!("postgres: {}", d.message())),
        None => StoreError(format!("postgres: {e}")),
    }
}

/// A row ready to insert, kept owned so that it can be held and retried.
#[derive(Clone)]
struct Pending {
    entry: LogEntry,
    encoded: Vec<u8>,
    bodies: Option<Vec<u8>>,
}

/// A connection of the pool, reconnected when it is found closed.
type Slot = tokio::sync::Mutex<Option<tokio_postgres::Client>>;

struct Inner {
    config: tokio_postgres::Config,
    slots: Vec<Slot>,
    next: AtomicUsize,
    held: Mutex<VecDeque<Pending>>,
    /// Records dropped because more than `MAX_HELD` were held.
    lost: AtomicU64,
    /// Records written after being held.
    recovered: AtomicU64,
    last_error: Mutex<Option<String>>,
    /// Days whose partitions are known to exist (`partitions`).
    days: Mutex<HashSet<i64>>,
    /// The committers' connections (`COMMITTERS`), apart from the pool.
    writers: Vec<Slot>,
    /// Held while held records are written, so that two tasks never write the same ones.
    flushing: tokio::sync::Mutex<()>,
    /// Batches accepted by `append` and not yet committed or held; `settled` is signalled as
    /// each finishes.
    inflight: Mutex<usize>,
    settled: Condvar,
}

/// Counts a batch in flight until it is committed or held (also if its task is dropped).
struct InFlight(Arc<Inner>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut n = self.0.inflight.lock().unwrap_or_else(|p| p.into_inner());
        *n = n.saturating_sub(1);
        self.0.settled.notify_all();
    }
}

/// The request log and principals in PostgreSQL.
pub struct PgStore {
    inner: Arc<Inner>,
    rt: Option<tokio::runtime::Runtime>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("pool", &self.inner.slots.len()).finish()
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // Dropping a runtime inside another one's context would panic; this never does.
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

/// What `status` says about the database.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PgHealth {
    /// Records waiting in memory for the database.
    pub held: u64,
    /// Records dropped because too many were held.
    pub lost: u64,
    /// Records written late, after the database came back.
    pub recovered: u64,
    pub last_error: Option<String>,
}

impl Inner {
    async fn connect(&self) -> Result<tokio_postgres::Client, StoreError> {
        let (client, conn) = self.config.connect(tokio_postgres::NoTls).await.map_err(pg)?;
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("postgres connection closed: {e}");
            }
        });
        Ok(client)
    }

    /// Run `f` on a pooled connection (connected or reconnected as needed).
    async fn with<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: AsyncFnOnce(&mut tokio_postgres::Client) -> Result<T, StoreError>,
    {
        self.on(&self.slots, f).await
    }

    /// Run `f` on a connection of `slots` (a free one if there is one, else wait for one in turn).
    async fn on<T, F>(&self, slots: &[Slot], f: F) -> Result<T, StoreError>
    where
        F: AsyncFnOnce(&mut tokio_postgres::Client) -> Result<T, StoreError>,
    {
        let n = slots.len().max(1);
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let mut guard = None;
        for i in 0..n {
            if let Some(slot) = slots.get((start + i) % n) {
                if let Ok(g) = slot.try_lock() {
                    guard = Some(g);
                    break;
                }
            }
        }
        let mut guard = match guard {
            Some(g) => g,
            None => match slots.get(start % n) {
                Some(s) => s.lock().await,
                None => return Err(StoreError("postgres: no connection pool".into())),
            },
        };
        if guard.as_ref().is_none_or(|c| c.is_closed()) {
            *guard = Some(self.connect().await?);
        }
        let Some(client) = guard.as_mut() else { return Err(StoreError("postgres: not connected".into())) };
        let r = f(client).await;
        if r.is_err() && client.is_closed() {
            *guard = None;
        }
        r
    }

    async fn migrate(&self) -> Result<u32, StoreError> {
        self.with(async |c| {
            c.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK]).await.map_err(pg)?;
            let r = migrate_locked(c).await;
            let _ = c.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]).await;
            r
        })
        .await
    }

    /// Write `rows` in one transaction on a connection of `slots` (the committers' or the pool's).
    async fn write(&self, slots: &[Slot], rows: &[Pending]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        self.ensure_days(rows.iter().map(|p| p.entry.id)).await;
        self.on(slots, async |c| write_rows(c, rows).await).await
    }

    /// Commit one batch `append` accepted: held records first (so the log stays in order once
    /// the database is back), then this one; held if either fails.
    async fn commit(self: Arc<Self>, rows: Vec<Row>, done: Done, _inflight: InFlight) {
        let mut batch = Vec::with_capacity(rows.len());
        for r in rows {
            let mut entry = r.entry;
            // (Not stored: derived from the id when read.)
            let short_id = std::mem::take(&mut entry.short_id);
            let encoded = entry.encode();
            entry.short_id = short_id;
            match encoded {
                Ok(encoded) => batch.push(Pending { entry, encoded, bodies: r.bodies }),
                // (Unreachable: an entry is plain data; counted as lost if it ever happens.)
                Err(e) => {
                    self.lost.fetch_add(1, Ordering::Relaxed);
                    tracing::error!("request log: a record could not be encoded ({e}); dropped");
                }
            }
        }
        let earlier = !self.held.lock().unwrap_or_else(|p| p.into_inner()).is_empty();
        let r = match earlier {
            true => self.flush_held().await,
            false => Ok(()),
        };
        let r = match r {
            Ok(()) => self.write(&self.writers, &batch).await,
            Err(e) => Err(e),
        };
        let (result, entries) = match r {
            Ok(()) => (Ok(()), batch.into_iter().map(|p| p.entry).collect()),
            Err(e) => {
                let entries = batch.iter().map(|p| p.entry.clone()).collect();
                match self.hold(batch, &e) {
                    0 => (Ok(()), entries),
                    lost => (
                        Err(StoreError(format!("{lost} held records dropped: more than {MAX_HELD} were waiting"))),
                        entries,
                    ),
                }
            }
        };
        done(result, entries);
    }

    /// Write what is held (oldest first); `Ok` when nothing is left.
    async fn flush_held(&self) -> Result<(), StoreError> {
        let _one = self.flushing.lock().await;
        loop {
            let batch: Vec<Pending> = {
                let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
                held.iter().take(1024).cloned().collect()
            };
            if batch.is_empty() {
                return Ok(());
            }
            self.write(&self.slots, &batch).await?;
            let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
            let n = batch.len().min(held.len());
            held.drain(..n);
            self.recovered.fetch_add(n as u64, Ordering::Relaxed);
            if held.is_empty() {
                *self.last_error.lock().unwrap_or_else(|p| p.into_inner()) = None;
                tracing::info!("request log: PostgreSQL is back; every held record is written");
            }
        }
    }

    fn hold(&self, rows: Vec<Pending>, why: &StoreError) -> u64 {
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.extend(rows);
        let mut lost = 0;
        while held.len() > MAX_HELD {
            held.pop_front();
            lost += 1;
        }
        let n = held.len();
        drop(held);
        if lost > 0 {
            self.lost.fetch_add(lost, Ordering::Relaxed);
        }
        let mut last = self.last_error.lock().unwrap_or_else(|p| p.into_inner());
        if last.is_none() {
            tracing::error!(
                "request log: cannot write to PostgreSQL ({why}); holding {n} records in memory (at most {MAX_HELD}) \
                 until it is back. Relaying continues."
            );
        }
        *last = Some(why.0.clone());
        lost
    }
}

/// One batch in one transaction. The records, then the bodies of those that were new, each in one
/// statement over arrays; then the hourly aggregates of the new records under row locks taken in
/// key order (two relays lock them in the same order), then the stored bytes.
async fn write_rows(c: &mut tokio_postgres::Client, rows: &[Pending]) -> Result<(), StoreError> {
    let tx = c.transaction().await.map_err(pg)?;
    let ids: Vec<i64> = rows.iter().map(|p| p.entry.id.min(i64::MAX as u64) as i64).collect();
    let starts: Vec<i64> = rows.iter().map(|p| p.entry.started_at_ms.min(i64::MAX as u64) as i64).collect();
    let instances: Vec<Option<&str>> = rows.iter().map(|p| p.entry.instance.as_deref()).collect();
    let entries: Vec<&[u8]> = rows.iter().map(|p| p.encoded.as_slice()).collect();
    let inserted: HashSet<i64> = tx
        .query(
            "INSERT INTO request_log (id, started_at_ms, instance, entry) \
             SELECT * FROM unnest($1::BIGINT[], $2::BIGINT[], $3::TEXT[], $4::BYTEA[]) \
             ON CONFLICT (id) DO NOTHING RETURNING id",
            &[&ids, &starts, &instances, &entries],
        )
        .await
        .map_err(pg)?
        .iter()
        .map(|r| r.get::<_, i64>(0))
        .collect();
    let new: Vec<(i64, &Pending)> = ids.iter().copied().zip(rows).filter(|(id, _)| inserted.contains(id)).collect();
    let mut added: i64 = new.iter().map(|(_, p)| p.encoded.len() as i64).sum();
    let (body_ids, bodies): (Vec<i64>, Vec<&[u8]>) =
        new.iter().filter_map(|(id, p)| p.bodies.as_deref().map(|b| (*id, b))).unzip();
    if !body_ids.is_empty() {
        added += bodies.iter().map(|b| b.len() as i64).sum::<i64>();
        tx.execute(
            "INSERT INTO request_bodies (id, bodies) SELECT * FROM unnest($1::BIGINT[], $2::BYTEA[]) \
             ON CONFLICT (id) DO NOTHING",
            &[&body_ids, &bodies],
        )
        .await
        .map_err(pg)?;
    }
    let mut aggs: BTreeMap<(i64, String), Agg> = BTreeMap::new();
    for (_, p) in &new {
        let hour = (p.entry.started_at_ms / 3_600_000) as i64;
        aggs.entry((hour, p.entry.agg_key())).or_default().add(&p.entry);
    }
    if !aggs.is_empty() {
        let hours: Vec<i64> = aggs.keys().map(|(h, _)| *h).collect();
        let keys: Vec<&str> = aggs.keys().map(|(_, k)| k.as_str()).collect();
        let empty = super::encode_agg(&Agg::default());
        let empties: Vec<&[u8]> = vec![empty.as_slice(); hours.len()];
        tx.execute(
            "INSERT INTO hourly (hour, key, agg) SELECT * FROM unnest($1::BIGINT[], $2::TEXT[], $3::BYTEA[]) \
             ON CONFLICT DO NOTHING",
            &[&hours, &keys, &empties],
        )
        .await
        .map_err(pg)?;
        let current = tx
            .query(
                "SELECT h.hour, h.key, h.agg FROM hourly h JOIN unnest($1::BIGINT[], $2::TEXT[]) AS v(hour, key) \
                 ON h.hour = v.hour AND h.key = v.key ORDER BY h.hour, h.key FOR UPDATE OF h",
                &[&hours, &keys],
            )
            .await
            .map_err(pg)?;
        let mut merged: Vec<Vec<u8>> = Vec::with_capacity(current.len());
        let (mut m_hours, mut m_keys) = (Vec::with_capacity(current.len()), Vec::with_capacity(current.len()));
        for row in &current {
            let (hour, key) = (row.get::<_, i64>(0), row.get::<_, &str>(1));
            let mut agg = super::decode_agg(row.get::<_, &[u8]>(2));
            if let Some(add) = aggs.get(&(hour, key.to_string())) {
                agg.merge(add);
            }
            merged.push(super::encode_agg(&agg));
            m_hours.push(hour);
            m_keys.push(key);
        }
        tx.execute(
            "UPDATE hourly h SET agg = v.agg FROM unnest($1::BIGINT[], $2::TEXT[], $3::BYTEA[]) AS v(hour, key, agg) \
             WHERE h.hour = v.hour AND h.key = v.key",
            &[&m_hours, &m_keys, &merged],
        )
        .await
        .map_err(pg)?;
    }
    if added != 0 {
        tx.execute("UPDATE meta SET value = value + $1 WHERE key = 'log_bytes'", &[&added]).await.map_err(pg)?;
    }
    tx.commit().await.map_err(pg)
}

async fn migrate_locked(c: &mut tokio_postgres::Client) -> Result<u32, StoreError> {
    c.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)").await.map_err(pg)?;
    let rows = c.query("SELECT version FROM schema_version", &[]).await.map_err(pg)?;
    let current = rows.first().map_or(0, |r| r.get::<_, i32>(0)).max(0) as usize;
    if rows.is_empty() {
        c.execute("INSERT INTO schema_version VALUES (0)", &[]).await.map_err(pg)?;
    }
    if current > MIGRATIONS.len() {
        return Err(StoreError(format!(
            "the PostgreSQL database is at schema version {current}, newer than this monorelay knows ({}): \
             upgrade monorelay, or point storage.postgres_url at another database",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = c.transaction().await.map_err(pg)?;
        tx.batch_execute(sql).await.map_err(|e| StoreError(format!("migration {}: {}", i + 1, pg(e).0)))?;
        tx.execute("UPDATE schema_version SET version = $1", &[&((i + 1) as i32)]).await.map_err(pg)?;
        tx.commit().await.map_err(pg)?;
        tracing::info!("PostgreSQL: applied migration {}", i + 1);
    }
    Ok(MIGRATIONS.len() as u32)
}

impl PgStore {
    /// Connect, migrate (under the advisory lock) and start the retry task. Fails with a clear
    /// message when the database is unreachable or newer than this version.
    pub fn connect(url: &Secret<String>, pool_size: u32) -> Result<PgStore, StoreError> {
        let mut config: tokio_postgres::Config = url
            .expose()
            .parse()
            .map_err(|e| StoreError(format!("storage.postgres_url: not a PostgreSQL URL ({e})")))?;
        config.connect_timeout(CONNECT_TIMEOUT).application_name("monorelay");
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("monorelay-pg")
            .enable_all()
            .build()
            .map_err(|e| StoreError(format!("cannot start the PostgreSQL runtime: {e}")))?;
        let inner = Arc::new(Inner {
            config,
            slots: (0..pool_size.max(1)).map(|_| tokio::sync::Mutex::new(None)).collect(),
            next: AtomicUsize::new(0),
            held: Mutex::new(VecDeque::new()),
            lost: AtomicU64::new(0),
            recovered: AtomicU64::new(0),
            last_error: Mutex::new(None),
            days: Mutex::default(),
            writers: (0..COMMITTERS).map(|_| tokio::sync::Mutex::new(None)).collect(),
            flushing: tokio::sync::Mutex::new(()),
            inflight: Mutex::new(0),
            settled: Condvar::new(),
        });
        let store = PgStore { inner: inner.clone(), rt: Some(rt) };
        let i = inner.clone();
        store.run(async move { i.migrate().await }).map_err(|e| StoreError(format!("PostgreSQL: {}", e.0)))?;
        if let Some(rt) = &store.rt {
            rt.spawn(partitions::maintain(Arc::downgrade(&inner)));
        }
        let weak = Arc::downgrade(&inner);
        if let Some(rt) = &store.rt {
            rt.spawn(async move {
                loop {
                    tokio::time::sleep(RETRY_EVERY).await;
                    let Some(i) = weak.upgrade() else { return };
                    let any = !i.held.lock().unwrap_or_else(|p| p.into_inner()).is_empty();
                    if any {
                        if let Err(e) = i.flush_held().await {
                            tracing::debug!("request log: PostgreSQL still unreachable: {e}");
                        }
                    }
                }
            });
        }
        Ok(store)
    }

    /// Run `fut` on the store's runtime and wait for it.
    fn run<T: Send + 'static>(
        &self,
        fut: impl Future<Output = Result<T, StoreError>> + Send + 'static,
    ) -> Result<T, StoreError> {
        let Some(rt) = &self.rt else { return Err(StoreError("postgres: the store is closed".into())) };
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        rt.spawn(async move {
            let _ = tx.send(fut.await);
        });
        rx.recv().unwrap_or_else(|_| Err(StoreError("postgres: the call was cancelled".into())))
    }

    /// Held, lost and late-written records, and the last error while it lasts.
    pub fn health(&self) -> PgHealth {
        let i = &self.inner;
        PgHealth {
            held: i.held.lock().unwrap_or_else(|p| p.into_inner()).len() as u64,
            lost: i.lost.load(Ordering::Relaxed),
            recovered: i.recovered.load(Ordering::Relaxed),
            last_error: i.last_error.lock().unwrap_or_else(|p| p.into_inner()).clone(),
        }
    }

    /// Write everything held now (shutdown, tests); `Err` while the database is unreachable.
    pub fn flush_held(&self) -> Result<(), StoreError> {
        let i = self.inner.clone();
        self.run(async move { i.flush_held().await })
    }

    /// The connection settings, for a connection of one's own (`LISTEN`).
    pub fn connect_config(&self) -> tokio_postgres::Config {
        self.inner.config.clone()
    }

    /// The shared config, if one was stored.
    pub fn config_doc(&self) -> Result<Option<ConfigDoc>, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let row = c
                    .query_opt("SELECT text, version, updated_ms, updated_by FROM config_doc WHERE id = 1", &[])
                    .await
                    .map_err(pg)?;
                Ok(row.map(|r| ConfigDoc {
                    text: r.get(0),
                    version: r.get(1),
                    updated_ms: r.get::<_, i64>(2).max(0) as u64,
                    updated_by: r.get(3),
                }))
            })
            .await
        })
    }

    /// Store `text` as the shared config (unless it is already what is stored) and announce it
    /// on `CONFIG_CHANNEL` in the same transaction. Returns the version now stored.
    pub fn put_config(&self, text: &str, by: &str) -> Result<i64, StoreError> {
        let (text, by) = (text.to_string(), by.to_string());
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let tx = c.transaction().await.map_err(pg)?;
                let now = super::unix_ms(std::time::SystemTime::now()) as i64;
                let cur = tx
                    .query_opt("SELECT text, version FROM config_doc WHERE id = 1 FOR UPDATE", &[])
                    .await
                    .map_err(pg)?;
                if let Some(r) = &cur {
                    if r.get::<_, &str>(0) == text {
                        return Ok(r.get::<_, i64>(1));
                    }
                }
                let version = cur.map_or(1, |r| r.get::<_, i64>(1) + 1);
                tx.execute(
                    "INSERT INTO config_doc (id, text, version, updated_ms, updated_by) VALUES (1, $1, $2, $3, $4) \
                     ON CONFLICT (id) DO UPDATE SET text = $1, version = $2, updated_ms = $3, updated_by = $4",
                    &[&text, &version, &now, &by],
                )
                .await
                .map_err(pg)?;
                tx.execute("SELECT pg_notify($1, $2)", &[&CONFIG_CHANNEL, &version.to_string()]).await.map_err(pg)?;
                tx.commit().await.map_err(pg)?;
                Ok(version)
            })
            .await
        })
    }
}

impl LogStore for PgStore {
    /// Write (or hold) the batch and return when that is done (`append_then` returns at once).
    fn append(&self, rows: &[Row]) -> Result<(), StoreError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.append_then(
            rows.to_vec(),
            Box::new(move |r, _| {
                let _ = tx.send(r);
            }),
        );
        rx.recv().unwrap_or_else(|_| Err(StoreError("postgres: the write was cancelled".into())))
    }

    /// Hand the batch to a committer and return (waiting first while `COMMITTERS` batches are in
    /// flight): the writer prepares its next batch meanwhile. The batch is committed, or held if
    /// the database cannot take it, then `done` is called; `sync` waits for that.
    fn append_then(&self, rows: Vec<Row>, done: Done) {
        let Some(rt) = &self.rt else {
            done(Err(StoreError("postgres: the store is closed".into())), rows.into_iter().map(|r| r.entry).collect());
            return;
        };
        {
            let mut n = self.inner.inflight.lock().unwrap_or_else(|p| p.into_inner());
            while *n >= COMMITTERS {
                n = self.inner.settled.wait(n).unwrap_or_else(|p| p.into_inner());
            }
            *n += 1;
        }
        let inflight = InFlight(self.inner.clone());
        rt.spawn(self.inner.clone().commit(rows, done, inflight));
    }

    fn sync(&self) -> Result<(), StoreError> {
        let mut n = self.inner.inflight.lock().unwrap_or_else(|p| p.into_inner());
        while *n > 0 {
            n = self.inner.settled.wait(n).unwrap_or_else(|p| p.into_inner());
        }
        Ok(())
    }

    fn query(&self, q: &LogQuery) -> Result<LogPage, StoreError> {
        let q = q.clone();
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let limit = q.limit.unwrap_or(50).clamp(1, 1000);
                let lo = q.since_ms.map_or(0, super::id_at_ms);
                let hi = q.until_ms.map_or(u64::MAX, super::id_at_ms);
                let (mut lo, mut hi) = match (q.after, q.oldest_first) {
                    (Some(a), true) => (lo.max(a.saturating_add(1)), hi),
                    (Some(a), false) => (lo, hi.min(a)),
                    (None, _) => (lo, hi),
                };
                let cap = |v: u64| v.min(i64::MAX as u64) as i64;
                let mut page = LogPage::default();
                let mut scanned = 0usize;
                let sql = if q.oldest_first {
                    "SELECT id, entry FROM request_log WHERE id >= $1 AND id < $2 ORDER BY id ASC LIMIT $3"
                } else {
                    "SELECT id, entry FROM request_log WHERE id >= $1 AND id < $2 ORDER BY id DESC LIMIT $3"
                };
                while lo < hi {
                    let rows = c.query(sql, &[&cap(lo), &cap(hi), &SCAN_CHUNK]).await.map_err(pg)?;
                    if rows.is_empty() {
                        break;
                    }
                    let full = rows.len() as i64 == SCAN_CHUNK;
                    for row in rows {
                        let id = row.get::<_, i64>(0) as u64;
                        scanned += 1;
                        if q.oldest_first {
                            lo = id.saturating_add(1);
                        } else {
                            hi = id;
                        }
                        let Ok(mut e) = LogEntry::decode(row.get::<_, &[u8]>(1)) else { continue };
                        e.id = id;
                        e.short_id = super::short_id(id);
                        if q.matches(&e) {
                            page.entries.push(e);
                            if page.entries.len() == limit {
                                page.next = Some(id);
                                return Ok(page);
                            }
                        }
                        if scanned >= super::MAX_SCAN_ROWS {
                            page.next = Some(id);
                            return Ok(page);
                        }
                    }
                    if !full {
                        break;
                    }
                }
                Ok(page)
            })
            .await
        })
    }

    fn get(&self, id: u64) -> Result<Option<(LogEntry, Option<StoredBodies>)>, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let key = id.min(i64::MAX as u64) as i64;
                let Some(row) =
                    c.query_opt("SELECT entry FROM request_log WHERE id = $1", &[&key]).await.map_err(pg)?
                else {
                    return Ok(None);
                };
                let mut entry = LogEntry::decode(row.get::<_, &[u8]>(0))?;
                entry.short_id = super::short_id(entry.id);
                let bodies = c
                    .query_opt("SELECT bodies FROM request_bodies WHERE id = $1", &[&key])
                    .await
                    .map_err(pg)?
                    .map(|r| StoredBodies::decode(r.get::<_, &[u8]>(0)).map_err(StoreError))
                    .transpose()?;
                Ok(Some((entry, bodies)))
            })
            .await
        })
    }

    fn stats(&self, since_ms: u64, until_ms: u64, by: GroupBy) -> Result<BTreeMap<String, Agg>, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let lo = (since_ms / 3_600_000) as i64;
                let hi = until_ms.div_ceil(3_600_000).min(i64::MAX as u64) as i64;
                let rows = c
                    .query("SELECT hour, key, agg FROM hourly WHERE hour >= $1 AND hour < $2", &[&lo, &hi])
                    .await
                    .map_err(pg)?;
                let mut out: BTreeMap<String, Agg> = BTreeMap::new();
                for row in rows {
                    let hour = row.get::<_, i64>(0) as u64;
                    let key: &str = row.get(1);
                    out.entry(super::group_name(hour, key, by)).or_default().merge(&super::decode_agg(row.get(2)));
                }
                Ok(out)
            })
            .await
        })
    }

    fn expire(&self, cutoff_ms: Option<u64>, max_bytes: Option<u64>, chunk: usize) -> Result<Expired, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            // Whole days past the cutoff go first, a `DROP` each; the day the cutoff falls in,
            // the default partition and the size cap are trimmed row by row below.
            if let Some(done) = i.drop_expired_day(cutoff_ms).await? {
                return Ok(done);
            }
            i.with(async |c| {
                let mut done = Expired::default();
                let tx = c.transaction().await.map_err(pg)?;
                let bytes: i64 =
                    tx.query_one("SELECT value FROM meta WHERE key = 'log_bytes' FOR UPDATE", &[]).await.map_err(pg)?.get(0);
                let cutoff = cutoff_ms.map_or(0, super::id_at_ms).min(i64::MAX as u64) as i64;
                let too_big = max_bytes.is_some_and(|m| bytes.max(0) as u64 > m);
                // Records past the age cutoff; then, while over the size cap, the oldest.
                let rows = tx
                    .query(
                        "DELETE FROM request_log WHERE id IN (SELECT id FROM request_log WHERE id < $1 OR $2 \
                         ORDER BY id LIMIT $3) RETURNING id, length(entry)",
                        &[&cutoff, &too_big, &(chunk as i64)],
                    )
                    .await
                    .map_err(pg)?;
                let ids: Vec<i64> = rows.iter().map(|r| r.get(0)).collect();
                let mut freed: i64 = rows.iter().map(|r| i64::from(r.get::<_, i32>(1))).sum();
                if !ids.is_empty() {
                    let b = tx
                        .query_one("WITH d AS (DELETE FROM request_bodies WHERE id = ANY($1) RETURNING length(bodies) AS n) SELECT COALESCE(sum(n), 0)::BIGINT FROM d", &[&ids])
                        .await
                        .map_err(pg)?;
                    freed += b.get::<_, i64>(0);
                }
                tx.execute("UPDATE meta SET value = GREATEST(value - $1, 0) WHERE key = 'log_bytes'", &[&freed])
                    .await
                    .map_err(pg)?;
                done.records = ids.len() as u64;
                let now_h = super::unix_ms(std::time::SystemTime::now()) / 3_600_000;
                let agg_cutoff = now_h.saturating_sub(super::AGGREGATE_RETENTION_DAYS * 24) as i64;
                done.aggregates = tx.execute("DELETE FROM hourly WHERE hour < $1", &[&agg_cutoff]).await.map_err(pg)?;
                done.more = ids.len() >= chunk;
                tx.commit().await.map_err(pg)?;
                Ok(done)
            })
            .await
        })
    }

    fn clear(&self) -> Result<u64, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let tx = c.transaction().await.map_err(pg)?;
                let n = tx.execute("DELETE FROM request_log", &[]).await.map_err(pg)?;
                tx.execute("DELETE FROM request_bodies", &[]).await.map_err(pg)?;
                tx.execute("UPDATE meta SET value = 0 WHERE key = 'log_bytes'", &[]).await.map_err(pg)?;
                tx.commit().await.map_err(pg)?;
                Ok(n)
            })
            .await
        })
    }

    fn size(&self) -> Result<(u64, u64), StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let n: i64 = c.query_one("SELECT count(*) FROM request_log", &[]).await.map_err(pg)?.get(0);
                let b: i64 =
                    c.query_one("SELECT value FROM meta WHERE key = 'log_bytes'", &[]).await.map_err(pg)?.get(0);
                Ok((n.max(0) as u64, b.max(0) as u64))
            })
            .await
        })
    }

    fn health(&self) -> Option<PgHealth> {
        Some(PgStore::health(self))
    }
}

fn table_name(t: UserTable) -> &'static str {
    match t {
        UserTable::Users => "users",
        UserTable::RelayKeys => "relay_keys",
        UserTable::KeyUsage => "relay_key_usage",
        UserTable::Sessions => "sessions",
        UserTable::Invites => "invites",
    }
}

impl UserStore for PgStore {
    fn load(&self, table: UserTable) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let rows = c
                    .query("SELECT id, value FROM principals WHERE tbl = $1 ORDER BY id", &[&table_name(table)])
                    .await
                    .map_err(pg)?;
                Ok(rows.into_iter().map(|r| (r.get::<_, String>(0), r.get::<_, Vec<u8>>(1))).collect())
            })
            .await
        })
    }

    fn apply(&self, rows: &[UserRow]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let rows = rows.to_vec();
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let tx = c.transaction().await.map_err(pg)?;
                for r in &rows {
                    let t = table_name(r.table);
                    match &r.value {
                        Some(v) => tx
                            .execute(
                                "INSERT INTO principals (tbl, id, value) VALUES ($1, $2, $3) \
                                 ON CONFLICT (tbl, id) DO UPDATE SET value = EXCLUDED.value",
                                &[&t, &r.id, v],
                            )
                            .await
                            .map_err(pg)?,
                        None => tx
                            .execute("DELETE FROM principals WHERE tbl = $1 AND id = $2", &[&t, &r.id])
                            .await
                            .map_err(pg)?,
                    };
                }
                if rows.iter().any(|r| r.table != UserTable::KeyUsage) {
                    // (Announced: every relay reloads its principals, `server::cluster`.)
                    let origin = crate::record::instance_id().unwrap_or_default();
                    tx.execute("SELECT pg_notify($1, $2)", &[&PRINCIPALS_CHANNEL, &origin]).await.map_err(pg)?;
                }
                tx.commit().await.map_err(pg)
            })
            .await
        })
    }

    /// One `DELETE … RETURNING`: of two relays taking one row (an invite), one gets it.
    fn take(&self, table: UserTable, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let (i, id) = (self.inner.clone(), id.to_string());
        self.run(async move {
            i.with(async |c| {
                let tx = c.transaction().await.map_err(pg)?;
                let row = tx
                    .query_opt(
                        "DELETE FROM principals WHERE tbl = $1 AND id = $2 RETURNING value",
                        &[&table_name(table), &id],
                    )
                    .await
                    .map_err(pg)?;
                if row.is_some() && table != UserTable::KeyUsage {
                    let origin = crate::record::instance_id().unwrap_or_default();
                    tx.execute("SELECT pg_notify($1, $2)", &[&PRINCIPALS_CHANNEL, &origin]).await.map_err(pg)?;
                }
                tx.commit().await.map_err(pg)?;
                Ok(row.map(|r| r.get::<_, Vec<u8>>(0)))
            })
            .await
        })
    }
}

/// What `migrate_from_redb` copied.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Migrated {
    /// Records in the redb file.
    pub records: u64,
    /// …of which were already in PostgreSQL (an earlier, interrupted run).
    pub already: u64,
    /// …and were copied now.
    pub copied: u64,
    pub aggregates: u64,
    pub principals: u64,
    /// Stored Responses conversations and file/batch pins.
    pub side: u64,
}

/// A record as copied by `migrate_from_redb`: id, start (unix ms), encoded entry, bodies.
type CopyRow = (i64, i64, Vec<u8>, Option<Vec<u8>>);

/// Records copied per transaction by `migrate_from_redb`.
const MIGRATE_CHUNK: usize = 1000;

impl PgStore {
    /// Copy a redb data dir's request log (with bodies), hourly aggregates, principals, stored
    /// conversations and file/batch pins into this database. Resumable: records already there are skipped (each chunk is one
    /// transaction), aggregates and principals are overwritten with the file's. Every chunk's
    /// count is checked after it commits. `progress(done, total)` is called after each chunk.
    pub fn migrate_from_redb(
        &self,
        redb: &super::RedbStore,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<Migrated, StoreError> {
        use redb::ReadableTable;
        let mut done = Migrated::default();
        let tx = redb.database().begin_read()?;
        // Both of the file's record layouts, in id order, as of this transaction.
        let mut records = super::Records::new(&tx)?;
        done.records = records.total()?;
        let mut chunk: Vec<CopyRow> = Vec::with_capacity(MIGRATE_CHUNK);
        let mut seen = 0u64;
        loop {
            let next = records.next().transpose()?;
            let end = next.is_none();
            if let Some(r) = next {
                // PostgreSQL rows hold the JSON form: a compact redb entry is re-encoded.
                let (started, entry) = match LogEntry::decode(&r.entry) {
                    Ok(mut e) if r.entry.first() != Some(&super::ENTRY_FORMAT) => {
                        e.short_id.clear();
                        (e.started_at_ms, e.encode()?)
                    }
                    Ok(e) => (e.started_at_ms, r.entry),
                    Err(_) => (super::id_ms(r.id), r.entry),
                };
                chunk.push((r.id.min(i64::MAX as u64) as i64, started as i64, entry, r.bodies));
            }
            if chunk.len() == MIGRATE_CHUNK || (end && !chunk.is_empty()) {
                let rows = std::mem::take(&mut chunk);
                let n = rows.len() as u64;
                let i = self.inner.clone();
                let inserted = self.run(async move { i.copy_records(rows).await })?;
                done.copied += inserted;
                done.already += n - inserted;
                seen += n;
                progress(seen, done.records);
            }
            if end {
                break;
            }
        }
        let hourly = tx.open_table(super::HOURLY)?;
        let mut aggs = Vec::new();
        for item in hourly.iter()? {
            let (k, v) = item?;
            let (hour, key) = k.value();
            aggs.push((hour.min(i64::MAX as u64) as i64, key.to_string(), v.value().to_vec()));
        }
        done.aggregates = aggs.len() as u64;
        let mut principals = Vec::new();
        for t in [UserTable::Users, UserTable::RelayKeys, UserTable::KeyUsage, UserTable::Sessions] {
            for (id, value) in UserStore::load(redb, t)? {
                principals.push(UserRow { table: t, id, value: Some(value) });
            }
        }
        done.principals = principals.len() as u64;
        let i = self.inner.clone();
        self.run(async move {
            i.with(async |c| {
                let tx = c.transaction().await.map_err(pg)?;
                for (hour, key, agg) in &aggs {
                    tx.execute(
                        "INSERT INTO hourly (hour, key, agg) VALUES ($1, $2, $3) \
                         ON CONFLICT (hour, key) DO UPDATE SET agg = EXCLUDED.agg",
                        &[hour, key, agg],
                    )
                    .await
                    .map_err(pg)?;
                }
                tx.commit().await.map_err(pg)
            })
            .await
        })?;
        UserStore::apply(self, &principals)?;
        done.side = self.copy_side_from_redb(redb)?;
        Ok(done)
    }
}

impl Inner {
    /// Insert records that are not there yet (one transaction), check that every one of them is
    /// there after, and count the bytes added. Returns how many were new.
    async fn copy_records(&self, rows: Vec<CopyRow>) -> Result<u64, StoreError> {
        // Old records go to their days' partitions, not the default one.
        self.ensure_days(rows.iter().map(|r| r.0.max(0) as u64)).await;
        self.with(async |c| {
            let tx = c.transaction().await.map_err(pg)?;
            let mut inserted = 0u64;
            let mut added: i64 = 0;
            for (id, started, entry, body) in &rows {
                let n = tx
                    .execute(
                        "INSERT INTO request_log (id, started_at_ms, instance, entry) VALUES ($1, $2, NULL, $3) \
                         ON CONFLICT (id) DO NOTHING",
                        &[id, started, entry],
                    )
                    .await
                    .map_err(pg)?;
                if n == 1 {
                    inserted += 1;
                    added += entry.len() as i64;
                    if let Some(b) = body {
                        tx.execute(
                            "INSERT INTO request_bodies (id, bodies) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                            &[id, b],
                        )
                        .await
                        .map_err(pg)?;
                        added += b.len() as i64;
                    }
                }
            }
            tx.execute("UPDATE meta SET value = value + $1 WHERE key = 'log_bytes'", &[&added]).await.map_err(pg)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
            let there: i64 =
                tx.query_one("SELECT count(*) FROM request_log WHERE id = ANY($1)", &[&ids]).await.map_err(pg)?.get(0);
            if there != ids.len() as i64 {
                return Err(StoreError(format!(
                    "migration check failed: {} of {} records of a chunk are in PostgreSQL",
                    there,
                    ids.len()
                )));
            }
            tx.commit().await.map_err(pg)?;
            Ok(inserted)
        })
        .await
    }
}
