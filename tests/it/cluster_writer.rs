//! Scale-out, the PostgreSQL request-log writer: every record handed to the real writer thread
//! over a real `PgStore` is in the database exactly once after a flush, with hourly aggregates
//! that count each record once — also when a batch is replayed — and a measurement of how many
//! records per second the writer puts into PostgreSQL (`#[ignore]`d: run it by name, see
//! bench/README.md).
//!
//! Real PostgreSQL (MONORELAY_TEST_POSTGRES_URL), skipped with a notice without it outside CI, as
//! in `cluster`.

use crate::cluster::{OwnDatabase, services};
use monorelay::record::{Bodies, RecordKind, RequestRecord, Tokens};
use monorelay::store::postgres::PgStore;
use monorelay::store::writer::{Settings, Writer};
use monorelay::store::{GroupBy, LogStore};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// A completion as the relay records it, with request and response bodies of a typical chat.
fn record(i: usize, model: &str) -> RequestRecord {
    let request = format!(
        r#"{{"model":"{model}","messages":[{{"role":"system","content":"You are a helpful assistant."}},{{"role":"user","content":"Question number {i}: {}"}}]}}"#,
        "what is the weather like on the moon today? ".repeat(12)
    );
    let response = format!(
        r#"{{"id":"chatcmpl-{i}","object":"chat.completion","model":"{model}","choices":[{{"index":0,"message":{{"role":"assistant","content":"{}"}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":120,"completion_tokens":80,"total_tokens":200}}}}"#,
        "There is no weather on the moon, it has no atmosphere to speak of. ".repeat(8)
    );
    let mut bodies = Bodies::new(bytes::Bytes::from(request), 1 << 20);
    bodies.append_response(response.as_bytes());
    RequestRecord {
        kind: RecordKind::Completion,
        user: None,
        relay_key: None,
        started_at: SystemTime::now(),
        inbound: monorelay::dialect::Dialect::OpenAi,
        upstream: Some(monorelay::dialect::Dialect::OpenAi),
        requested_model: model.into(),
        provider: Some("up".into()),
        model: Some(model.into()),
        key_label: Some(format!("k{}", i % 4)),
        client_addr: None,
        stream: false,
        status: 200,
        error_kind: None,
        error: None,
        latency_ms: 12.0,
        ttfb_ms: Some(12.0),
        tokens: Some(Tokens { input: 120, output: 80, ..Default::default() }),
        attempts: Vec::new(),
        overhead_ms: Some(0.2),
        tokens_estimated: false,
        bodies: Some(bodies),
    }
}

/// A row as the writer hands it to the store (entry and compressed bodies of `record`'s size).
fn row(i: usize) -> monorelay::store::Row {
    let started = SystemTime::now();
    let id = monorelay::store::new_id(started);
    let entry = monorelay::store::LogEntry {
        id,
        started_at_ms: monorelay::store::unix_ms(started),
        requested_model: "m-rows".into(),
        model: Some("m-rows".into()),
        provider: Some("up".into()),
        key_label: Some(format!("k{}", i % 4)),
        status: 200,
        latency_ms: 12.0,
        tokens: Some(Tokens { input: 120, output: 80, ..Default::default() }),
        has_bodies: true,
        ..Default::default()
    };
    let r = record(i, "m-rows");
    let b = r.bodies.unwrap();
    let bodies =
        monorelay::store::StoredBodies { request: b.request.to_vec(), response: b.response, ..Default::default() };
    monorelay::store::Row { entry, bodies: Some(bodies.encode().unwrap()) }
}

fn settings() -> Settings {
    Settings { store_bodies: true, commit_interval: Duration::from_millis(50), ..Default::default() }
}

/// Hand `n` records to a writer over `store` as the relay does (waiting while it is backlogged,
/// as `relay::handle` does), flush, and return how long it took.
fn write_through(store: Arc<PgStore>, n: usize, model: &str) -> Duration {
    let writer = Writer::start(Some(store), settings(), Arc::default(), Default::default());
    let start = Instant::now();
    for i in 0..n {
        while writer.backlogged() {
            std::thread::sleep(Duration::from_micros(200));
        }
        writer.record(record(i, model));
    }
    writer.flush();
    let took = start.elapsed();
    assert_eq!(writer.live().dropped.load(std::sync::atomic::Ordering::Relaxed), 0, "no record dropped");
    writer.shutdown();
    took
}

async fn count(url: &str, sql: &str) -> i64 {
    let (c, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    c.query_one(sql, &[]).await.unwrap().get(0)
}

fn requests(store: &PgStore) -> u64 {
    let now = monorelay::store::unix_ms(SystemTime::now());
    let stats = store.stats(now - 3_600_000 * 2, now + 3_600_000, GroupBy::Model).unwrap();
    stats.values().map(|a| a.requests).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_record_is_written_once_with_aggregates_counting_it_once() {
    let Some((pg, _)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let url = monorelay::secret::Secret::new(db.url.clone());
    const N: usize = 5000;
    let store = tokio::task::spawn_blocking(move || Arc::new(PgStore::connect(&url, 2).unwrap())).await.unwrap();
    let s = store.clone();
    tokio::task::spawn_blocking(move || write_through(s, N, "m-once")).await.unwrap();
    assert_eq!(count(&db.url, "SELECT count(*) FROM request_log").await, N as i64);
    assert_eq!(count(&db.url, "SELECT count(*) FROM request_bodies").await, N as i64);
    let s = store.clone();
    assert_eq!(tokio::task::spawn_blocking(move || requests(&s)).await.unwrap(), N as u64);
    let size = {
        let s = store.clone();
        tokio::task::spawn_blocking(move || s.size().unwrap()).await.unwrap()
    };
    let stored: i64 = count(
        &db.url,
        "SELECT (SELECT sum(length(entry)) FROM request_log) + (SELECT sum(length(bodies)) FROM request_bodies)",
    )
    .await;
    assert_eq!(size, (N as u64, stored as u64), "log_bytes counts each record's bytes once");

    // A batch replayed (its commit succeeded but the answer was lost) adds nothing: not a row,
    // not an aggregate, not a byte.
    let s = store.clone();
    let replayed = tokio::task::spawn_blocking(move || {
        let page = s.query(&monorelay::store::LogQuery { limit: Some(100), ..Default::default() }).unwrap();
        let rows: Vec<monorelay::store::Row> = page
            .entries
            .into_iter()
            .map(|e| {
                let bodies = s.get(e.id).unwrap().and_then(|(_, b)| b).map(|b| b.encode().unwrap());
                monorelay::store::Row { entry: e, bodies }
            })
            .collect();
        s.append(&rows).unwrap();
        s.sync().unwrap();
        (requests(&s), s.size().unwrap())
    })
    .await
    .unwrap();
    assert_eq!(replayed, (N as u64, size), "a replayed batch counted again");
    drop(store);
    db.drop_now().await;
}

/// Records per second through the writer into PostgreSQL (debug or release build of the test,
/// whichever runs it): `cargo test --test it cluster_writer::records_per_second -- --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement, run by name"]
async fn records_per_second() {
    let Some((pg, _)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let url = monorelay::secret::Secret::new(db.url.clone());
    let n: usize = std::env::var("RECORDS").ok().and_then(|v| v.parse().ok()).unwrap_or(30_000);
    let store = tokio::task::spawn_blocking(move || Arc::new(PgStore::connect(&url, 2).unwrap())).await.unwrap();
    // A warm-up (connections, partitions), then the measured run.
    let s = store.clone();
    tokio::task::spawn_blocking(move || write_through(s, 2000, "m-warm")).await.unwrap();
    let s = store.clone();
    let took = tokio::task::spawn_blocking(move || write_through(s, n, "m-bench")).await.unwrap();
    assert_eq!(count(&db.url, "SELECT count(*) FROM request_log").await, (n + 2000) as i64);
    eprintln!("writer → PostgreSQL: {n} records in {took:.2?} = {:.0} records/s", n as f64 / took.as_secs_f64());
    // The store alone: rows made beforehand, handed over in the writer's batches of 1024.
    let s = store.clone();
    let took = tokio::task::spawn_blocking(move || {
        let rows: Vec<monorelay::store::Row> = (0..n).map(row).collect();
        let start = Instant::now();
        for batch in rows.chunks(1024) {
            s.append_then(batch.to_vec(), Box::new(|r, _| r.unwrap()));
        }
        s.sync().unwrap();
        start.elapsed()
    })
    .await
    .unwrap();
    assert_eq!(count(&db.url, "SELECT count(*) FROM request_log").await, (2 * n + 2000) as i64);
    eprintln!("PgStore::append alone: {n} records in {took:.2?} = {:.0} records/s", n as f64 / took.as_secs_f64());
    drop(store);
    db.drop_now().await;
}
