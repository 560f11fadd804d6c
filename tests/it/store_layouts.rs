//! A redb request log written partly by an earlier version (records in the `logs` and `bodies`
//! tables) and partly by this one (records in blocks): the copy to PostgreSQL
//! (`PgStore::migrate_from_redb`, what `monorelay migrate --to postgres` runs) takes the records of
//! both, each once, with their bodies (entries in the JSON form PostgreSQL rows hold), and a
//! second run copies nothing twice. Against a real
//! PostgreSQL (see `cluster::services`; skipped with a notice without one).

use crate::cluster::{OwnDatabase, services};
use monorelay::store::postgres::PgStore;
use monorelay::store::{self, LogEntry, LogStore, RedbStore, Row, StoredBodies};
use redb::TableDefinition;

const OLD_LOGS: TableDefinition<u64, &[u8]> = TableDefinition::new("logs");
const OLD_BODIES: TableDefinition<u64, &[u8]> = TableDefinition::new("bodies");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");

/// Entry bytes as every version so far encodes them: format 1, then JSON.
fn encode(e: &LogEntry) -> Vec<u8> {
    let mut out = vec![1u8];
    out.extend(serde_json::to_vec(e).unwrap());
    out
}

/// (id, bytes) rows of a query.
async fn id_bytes(c: &tokio_postgres::Client, sql: &str) -> Vec<(i64, Vec<u8>)> {
    c.query(sql, &[]).await.unwrap().iter().map(|r| (r.get(0), r.get(1))).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_copies_records_of_both_redb_layouts() {
    let Some((pg, _redis)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(store::DB_FILE);
    let base = store::unix_ms(std::time::SystemTime::now()) - 2 * 86_400_000;
    let rows: Vec<Row> = (0..12u64)
        .map(|i| {
            let started = base + i * 60_000;
            let entry = LogEntry {
                id: store::id_at_ms(started) | i,
                started_at_ms: started,
                requested_model: format!("layout-{i}"),
                status: 200,
                ..LogEntry::default()
            };
            let bodies = (i % 3 != 2).then(|| {
                StoredBodies { request: format!("{{\"n\":{i}}}").into_bytes(), ..StoredBodies::default() }
                    .encode()
                    .unwrap()
            });
            Row { entry, bodies }
        })
        .collect();
    // Even minutes as an earlier version wrote them, straight into its tables.
    {
        let old = redb::Database::create(&path).unwrap();
        let tx = old.begin_write().unwrap();
        {
            let mut logs = tx.open_table(OLD_LOGS).unwrap();
            let mut bodies = tx.open_table(OLD_BODIES).unwrap();
            let mut meta = tx.open_table(META).unwrap();
            let mut bytes = 0u64;
            for r in rows.iter().step_by(2) {
                let enc = encode(&r.entry);
                bytes += enc.len() as u64;
                logs.insert(r.entry.id, enc.as_slice()).unwrap();
                if let Some(b) = &r.bodies {
                    bytes += b.len() as u64;
                    bodies.insert(r.entry.id, b.as_slice()).unwrap();
                }
            }
            meta.insert("log_bytes", bytes).unwrap();
        }
        tx.commit().unwrap();
    }
    // Odd minutes by this version, in one group.
    let redb_store = RedbStore::open(&path).unwrap();
    let new: Vec<Row> = rows.iter().skip(1).step_by(2).cloned().collect();
    redb_store.append(&new).unwrap();
    assert_eq!(redb_store.size().unwrap().0, 12);

    let url = monorelay::secret::Secret::new(db.url.clone());
    let (pg_store, redb_store, first) = tokio::task::spawn_blocking(move || {
        let pg_store = PgStore::connect(&url, 1).unwrap();
        let first = pg_store.migrate_from_redb(&redb_store, |_, _| {}).unwrap();
        (pg_store, redb_store, first)
    })
    .await
    .unwrap();
    assert_eq!((first.records, first.copied, first.already), (12, 12, 0), "{first:?}");
    let (pgc, conn) = tokio_postgres::connect(&db.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    let stored = id_bytes(&pgc, "SELECT id, entry FROM request_log ORDER BY id").await;
    let expected: Vec<(i64, Vec<u8>)> = rows.iter().map(|r| (r.entry.id as i64, encode(&r.entry))).collect();
    assert_eq!(stored, expected, "every record of both layouts, as stored");
    let bodies = id_bytes(&pgc, "SELECT id, bodies FROM request_bodies ORDER BY id").await;
    let expected: Vec<(i64, Vec<u8>)> =
        rows.iter().filter_map(|r| r.bodies.clone().map(|b| (r.entry.id as i64, b))).collect();
    assert_eq!(bodies, expected);
    let log_bytes: i64 = pgc.query_one("SELECT value FROM meta WHERE key = 'log_bytes'", &[]).await.unwrap().get(0);
    // The redb file holds this version's entries in their compact form; PostgreSQL the JSON one.
    let json_bytes: usize = rows.iter().map(|r| encode(&r.entry).len() + r.bodies.as_ref().map_or(0, Vec::len)).sum();
    assert_eq!(log_bytes as usize, json_bytes);
    assert!(redb_store.size().unwrap().1 < json_bytes as u64);
    drop(pgc);
    let again = tokio::task::spawn_blocking(move || {
        let again = pg_store.migrate_from_redb(&redb_store, |_, _| {}).unwrap();
        // Records of both layouts read back from PostgreSQL with their bodies.
        for r in [&rows[0], &rows[1]] {
            let (e, b) = pg_store.get(r.entry.id).unwrap().unwrap();
            assert_eq!(e.requested_model, r.entry.requested_model);
            assert_eq!(b, r.bodies.as_ref().map(|b| StoredBodies::decode(b).unwrap()));
        }
        again
    })
    .await
    .unwrap();
    assert_eq!((again.copied, again.already), (0, 12), "{again:?}");
    db.drop_now().await;
}
