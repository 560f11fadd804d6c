//! Scale-out, the PostgreSQL side: a request log of the older, unpartitioned schema migrates to
//! day partitions without losing a row (and queries, bodies and retention work on the result); a
//! Responses conversation stored through relay A continues through relay B, and a file uploaded
//! through A is found on B with the key that made it; a relay killed with SIGKILL loses only the
//! records of its last commit window, never a committed one.
//!
//! Real PostgreSQL and Redis, real `monorelay serve` processes, as in `cluster` (whose helpers
//! these use): skipped with a notice without MONORELAY_TEST_POSTGRES_URL / _REDIS_URL, failing
//! under CI=true.

use crate::cluster::{Node, OwnDatabase, cluster_config, eventually, services, tag};
use crate::common::*;
use monorelay::store::postgres::{MIGRATIONS, PgStore};
use monorelay::store::{LogEntry, LogQuery, LogStore, StoredBodies};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const DAY_MS: u64 = 86_400_000;

async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    client
}

async fn count(c: &tokio_postgres::Client, sql: &str) -> i64 {
    c.query_one(sql, &[]).await.unwrap().get(0)
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as u64
}

/// `YYYYMMDD` of the UTC day `ms` falls in.
fn day_name(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp((ms / 1000) as i64).unwrap();
    format!("{:04}{:02}{:02}", t.year(), u8::from(t.month()), t.day())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unpartitioned_log_is_partitioned_by_day_without_losing_a_row() {
    let Some((pg, _)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let c = connect(&db.url).await;
    // The schema of the version before: migrations 1 and 2, nothing partitioned.
    c.batch_execute("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2);")
        .await
        .unwrap();
    for sql in &MIGRATIONS[..2] {
        c.batch_execute(sql).await.unwrap();
    }
    // 25 records on each of four days (40, 10 and 1 days ago, and now); every other one with bodies.
    let now = now_ms();
    let mut ids = Vec::new();
    let mut bytes: i64 = 0;
    for age_days in [40u64, 10, 1, 0] {
        for i in 0..25u64 {
            let started = now - age_days * DAY_MS - 60_000 + i;
            let id = monorelay::store::new_id(UNIX_EPOCH + Duration::from_millis(started));
            let entry = LogEntry {
                id,
                started_at_ms: started,
                requested_model: format!("old-{age_days}"),
                ..Default::default()
            };
            let mut encoded = vec![1u8];
            encoded.extend(serde_json::to_vec(&entry).unwrap());
            bytes += encoded.len() as i64;
            c.execute(
                "INSERT INTO request_log (id, started_at_ms, instance, entry) VALUES ($1, $2, NULL, $3)",
                &[&(id as i64), &(started as i64), &encoded],
            )
            .await
            .unwrap();
            if i % 2 == 0 {
                let b = StoredBodies { request: format!("request {id}").into_bytes(), ..Default::default() };
                let b = b.encode().unwrap();
                bytes += b.len() as i64;
                c.execute("INSERT INTO request_bodies (id, bodies) VALUES ($1, $2)", &[&(id as i64), &b])
                    .await
                    .unwrap();
            }
            ids.push(id);
        }
    }
    c.execute("UPDATE meta SET value = $1 WHERE key = 'log_bytes'", &[&bytes]).await.unwrap();

    // This version migrates it at connect.
    let url = monorelay::secret::Secret::new(db.url.clone());
    let store = tokio::task::spawn_blocking(move || PgStore::connect(&url, 2)).await.unwrap().unwrap();
    let version = count(&c, "SELECT version::BIGINT FROM schema_version").await;
    assert_eq!(version, MIGRATIONS.len() as i64);
    let kind: i8 =
        c.query_one("SELECT relkind::\"char\" FROM pg_class WHERE relname = 'request_log'", &[]).await.unwrap().get(0);
    assert_eq!(kind as u8, b'p', "request_log is a partitioned table now");
    assert_eq!(count(&c, "SELECT count(*) FROM request_log").await, 100, "every record kept");
    assert_eq!(count(&c, "SELECT count(*) FROM request_bodies").await, 52, "every body kept");
    assert_eq!(count(&c, "SELECT count(*) FROM request_log_default").await, 0, "every record in its day's partition");
    for age_days in [40u64, 10, 1, 0] {
        let table = format!("request_log_{}", day_name(now - age_days * DAY_MS - 60_000));
        assert_eq!(count(&c, &format!("SELECT count(*) FROM {table}")).await, 25, "{table}");
    }
    // Days ahead are made by the maintenance task.
    let tomorrow = format!("request_log_{}", day_name(now + DAY_MS));
    eventually("tomorrow's partition is made ahead", || {
        let (c, t) = (&c, tomorrow.clone());
        async move { c.query_one("SELECT to_regclass($1) IS NOT NULL", &[&t]).await.unwrap().get::<_, bool>(0) }
    })
    .await;
    // A query for the last two days touches only their partitions.
    let lo = monorelay::store::id_at_ms(now - 2 * DAY_MS);
    let plan: Vec<String> = c
        .query(
            &format!(
                "EXPLAIN SELECT id, entry FROM request_log WHERE id >= {lo} AND id < {} ORDER BY id DESC LIMIT 50",
                i64::MAX
            ),
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<_, String>(0))
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains(&format!("request_log_{}", day_name(now))), "{plan}");
    assert!(!plan.contains(&format!("request_log_{}", day_name(now - 40 * DAY_MS - 60_000))), "pruned:\n{plan}");

    // The log reads as before: newest first, oldest first, by time, one record with its bodies.
    let store: std::sync::Arc<dyn LogStore> = std::sync::Arc::new(store);
    let (s, first_id) = (store.clone(), ids[0]);
    let (newest, oldest, recent, one) = tokio::task::spawn_blocking(move || {
        let newest = s.query(&LogQuery { limit: Some(30), ..Default::default() }).unwrap();
        let oldest = s.query(&LogQuery { limit: Some(30), oldest_first: true, ..Default::default() }).unwrap();
        let recent =
            s.query(&LogQuery { limit: Some(1000), since_ms: Some(now - 2 * DAY_MS), ..Default::default() }).unwrap();
        let one = s.get(first_id).unwrap();
        (newest, oldest, recent, one)
    })
    .await
    .unwrap();
    let got: Vec<u64> = newest.entries.iter().map(|e| e.id).collect();
    let want: Vec<u64> = ids.iter().rev().take(30).copied().collect();
    assert_eq!(got, want);
    let got: Vec<u64> = oldest.entries.iter().map(|e| e.id).collect();
    assert_eq!(got, ids[..30].to_vec());
    assert_eq!(recent.entries.len(), 50);
    let (entry, bodies) = one.expect("the oldest record");
    assert_eq!(entry.requested_model, "old-40");
    assert_eq!(bodies.expect("its bodies").request, format!("request {}", ids[0]).into_bytes());

    // Retention drops the two days past a five-day cutoff whole, one per step, then trims rows.
    let s = store.clone();
    let steps = tokio::task::spawn_blocking(move || {
        let mut steps = Vec::new();
        loop {
            let e = s.expire(Some(now - 5 * DAY_MS), None, 500).unwrap();
            steps.push(e.records);
            if !e.more {
                return steps;
            }
        }
    })
    .await
    .unwrap();
    assert_eq!(steps[..2], [25, 25], "{steps:?}");
    assert_eq!(steps[2..].iter().sum::<u64>(), 0, "{steps:?}");
    let old = format!("request_log_{}", day_name(now - 40 * DAY_MS - 60_000));
    assert!(!c.query_one("SELECT to_regclass($1) IS NOT NULL", &[&old]).await.unwrap().get::<_, bool>(0));
    assert_eq!(count(&c, "SELECT count(*) FROM request_log").await, 50);
    assert_eq!(count(&c, "SELECT count(*) FROM request_bodies").await, 26);
    let left = count(
        &c,
        "SELECT (SELECT COALESCE(sum(length(entry)), 0) FROM request_log) + (SELECT COALESCE(sum(length(bodies)), 0) FROM request_bodies)",
    )
    .await;
    let s = store.clone();
    let (records, stored) = tokio::task::spawn_blocking(move || s.size().unwrap()).await.unwrap();
    assert_eq!((records, stored as i64), (50, left), "the size counter follows the dropped days");

    // A record of a day without a partition waits in the default one; the first batch of that
    // day makes the partition and moves it there.
    let later = now + 10 * DAY_MS;
    let early = monorelay::store::new_id(UNIX_EPOCH + Duration::from_millis(later));
    c.execute(
        "INSERT INTO request_log (id, started_at_ms, instance, entry) VALUES ($1, $2, NULL, $3)",
        &[&(early as i64), &(later as i64), &vec![1u8, b'{', b'}']],
    )
    .await
    .unwrap();
    assert_eq!(count(&c, "SELECT count(*) FROM request_log_default").await, 1);
    let s = store.clone();
    tokio::task::spawn_blocking(move || {
        let entry = LogEntry {
            id: monorelay::store::new_id(UNIX_EPOCH + Duration::from_millis(later + 1)),
            started_at_ms: later + 1,
            requested_model: "later".into(),
            ..Default::default()
        };
        s.append(&[monorelay::store::Row { entry, bodies: None }]).unwrap();
    })
    .await
    .unwrap();
    assert_eq!(count(&c, "SELECT count(*) FROM request_log_default").await, 0);
    assert_eq!(count(&c, &format!("SELECT count(*) FROM request_log_{}", day_name(later))).await, 2);
    drop(store);
    drop(c);
    db.drop_now().await;
}

/// POST `path` with a JSON body to a relay.
async fn post(node: &Node, path: &str, body: &Value) -> reqwest::Response {
    client().post(format!("{}{path}", node.served.base)).bearer_auth(KEY).json(body).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_stored_through_one_relay_continues_through_the_other() {
    let Some((pg, redis)) = services() else { return };
    let model = tag("cl-resp");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-resp"], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");

    // Response ids come from the upstream's: unique ones, as the database outlives a test run.
    let answer = |n: u32, text: &str| {
        let mut c = completion(text);
        c["id"] = json!(format!("chatcmpl-{model}-{n}"));
        Reply::json(200, c)
    };
    up.push(answer(1, "Hi Ada."));
    let first = post(&a, "/v1/responses", &json!({"model": model, "input": "I am Ada.", "store": true})).await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    let id = first["id"].as_str().unwrap().to_string();

    up.push(answer(2, "You are Ada."));
    let second =
        post(&b, "/v1/responses", &json!({"model": model, "input": "Who am I?", "previous_response_id": id})).await;
    assert_eq!(second.status(), 200, "{}", second.text().await.unwrap());
    let sent = up.received()[1].json();
    assert_eq!(
        sent["messages"],
        json!([
            {"role": "user", "content": "I am Ada."},
            {"role": "assistant", "content": "Hi Ada."},
            {"role": "user", "content": "Who am I?"}
        ]),
        "B continued A's conversation: {sent}"
    );
    // Read back and deleted through B; gone on A too.
    let get = |node: &Node| client().get(format!("{}/v1/responses/{id}", node.served.base)).bearer_auth(KEY).send();
    assert_eq!(get(&b).await.unwrap().json::<Value>().await.unwrap(), first);
    let del = client().delete(format!("{}/v1/responses/{id}", b.served.base)).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(del.status(), 200);
    assert_eq!(get(&a).await.unwrap().status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_uploaded_through_one_relay_is_reached_through_the_other_with_its_key() {
    let Some((pg, redis)) = services() else { return };
    let file = tag("file-cl");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let keys = ["sk-cluster-file-1", "sk-cluster-file-2"];
    let mut cfg_text = api_config(&up.url(), &keys, "    key_selection: round-robin\n");
    cfg_text.push_str(&format!(
        "storage:\n  backend: postgres\n  postgres_url: \"{pg}\"\n  pool_size: 2\nstate:\n  backend: redis\n  redis_url: \"{redis}\"\n"
    ));
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, cfg_text).unwrap();
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");

    up.push(Reply::json(
        200,
        json!({"id": file, "object": "file", "bytes": 20, "created_at": 1, "filename": "in.jsonl", "purpose": "batch"}),
    ));
    let form = [
        crate::surface::part("purpose", None, b"batch"),
        crate::surface::part("file", Some("in.jsonl"), b"{\"custom_id\": \"1\"}\n"),
        crate::surface::end(),
    ]
    .concat();
    let resp = client()
        .post(format!("{}/v1/files", a.served.base))
        .bearer_auth(KEY)
        .header("content-type", crate::surface::content_type())
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let maker = up.received()[0].auth();
    // B knows the file (unknown ids are answered 404 without an upstream call) and uses its key,
    // however B's own rotation stands.
    for _ in 0..2 {
        up.push(Reply::json(200, json!({"id": file, "object": "file", "bytes": 20, "created_at": 1})));
        let resp = client().get(format!("{}/v1/files/{file}", b.served.base)).bearer_auth(KEY).send().await.unwrap();
        assert_eq!(resp.status(), 200, "B finds the file A made");
    }
    let calls: Vec<String> = up.received()[1..].iter().map(|r| r.auth()).collect();
    assert_eq!(calls, [maker.clone(), maker]);
}

/// The `requested_model` of every record in PostgreSQL whose model starts with `prefix`.
async fn pg_models(pg: &str, prefix: &str) -> BTreeSet<String> {
    let c = connect(pg).await;
    let pattern = format!("%\"requested_model\":\"{prefix}%");
    let rows = c
        .query(
            "SELECT convert_from(substring(entry from 2), 'UTF8')::json->>'requested_model' FROM request_log \
             WHERE convert_from(substring(entry from 2), 'UTF8') LIKE $1",
            &[&pattern],
        )
        .await
        .unwrap();
    rows.iter().map(|r| r.get::<_, String>(0)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_killed_with_sigkill_loses_only_its_last_commit_window() {
    let Some((pg, redis)) = services() else { return };
    let prefix = tag("cl-kill");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-kill"], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");

    // Requests one after another for a few seconds, each with a model of its own, then SIGKILL at
    // once after the last answer. (The default logging.commit_interval_ms: 100.)
    const RUN: Duration = Duration::from_secs(6);
    let start = Instant::now();
    let mut done: Vec<(String, Instant)> = Vec::new();
    while start.elapsed() < RUN {
        let model = format!("{prefix}-{:05}", done.len());
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(a.chat(KEY, &model).await.status(), 200);
        done.push((model, Instant::now()));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let killed_at = Instant::now();
    assert!(!a.served.kill9().await.success());

    let kept = pg_models(&pg, &prefix).await;
    let lost: Vec<&(String, Instant)> = done.iter().filter(|(m, _)| !kept.contains(m)).collect();
    let oldest_lost = lost.first().map(|(_, t)| killed_at - *t);
    eprintln!(
        "kill -9 after {} answered requests: {} records lost (the oldest answered {:?} before the kill)",
        done.len(),
        lost.len(),
        oldest_lost
    );
    assert!(kept.len() <= done.len() && kept.iter().all(|m| done.iter().any(|(d, _)| d == m)));
    // What was committed stays, and the window is short: nothing answered three seconds before
    // the kill is lost (the window is the commit interval plus one write; three seconds is thirty
    // intervals, and half of the run).
    assert!(
        oldest_lost.is_none_or(|age| age < Duration::from_secs(3)),
        "lost a record answered {oldest_lost:?} earlier"
    );
}
