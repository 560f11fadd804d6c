//! Does the request log slow the relay down? Runs the in-process relay against a local mock
//! upstream with logging off, then with full-body logging to redb, under the same concurrent load
//! (half streams), interleaved and best-of-rounds to damp noise, and reports requests/s, the ratio
//! (the bar is ≥ 90%), and how many records the writer stored or dropped. Then it measures the
//! writer alone: synthetic records with 4 KiB bodies pushed as fast as possible.
//!
//! `cargo bench --bench logging` (release build). Environment: `BENCH_SECS` (per round, default 5),
//! `BENCH_CONCURRENCY` (default 32), `BENCH_ROUNDS` (default 2).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::body::Body;
use axum::response::Response;
use monorelay::config::{ConfigSource, load_str};
use monorelay::server::Server;
use monorelay::store::writer::{Settings, Writer};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const KEY: &str = "bench-key";

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn upstream() -> String {
    let text = "lorem ipsum dolor sit amet ".repeat(60);
    let json = serde_json::json!({"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 50, "completion_tokens": 400, "total_tokens": 450}})
    .to_string();
    let mut sse = String::new();
    for w in text.split_inclusive(' ').take(100) {
        let c = serde_json::json!({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": null}]});
        sse.push_str(&format!("data: {c}\n\n"));
    }
    sse.push_str("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":100,\"total_tokens\":150}}\n\ndata: [DONE]\n\n");
    let app = axum::Router::new().fallback(move |body: axum::body::Bytes| {
        let (json, sse) = (json.clone(), sse.clone());
        async move {
            let stream = memchr::memmem::find(&body, b"\"stream\":true").is_some();
            let mut r = Response::new(Body::from(if stream { sse } else { json }));
            let ct = if stream { "text/event-stream" } else { "application/json" };
            r.headers_mut().insert("content-type", ct.parse().unwrap());
            r
        }
    });
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await });
    format!("http://{addr}")
}

struct Relay {
    url: String,
    writer: Arc<Writer>,
    _dir: tempfile::TempDir,
}

async fn relay(upstream: &str, logging: bool) -> Relay {
    let yaml = format!(
        "server: {{access_key: {KEY}}}\nproviders:\n  up:\n    base_url: \"{upstream}/v1\"\n    keys: [{{key: sk-bench-1}}, {{key: sk-bench-2}}]\nmodel_routing: {{default_provider: up}}\nlogging: {{enabled: {logging}, store_bodies: true}}\npricing: {{'m*': {{input: 1, output: 2}}}}\n"
    );
    let config = load_str(&yaml, ConfigSource::Embedded, &|_| None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::builder(config).listen("127.0.0.1", 0).data_dir(dir.path()).build().await.unwrap();
    let url = format!("http://{}", server.local_addr());
    let writer = server.app().writer.clone().unwrap();
    tokio::spawn(server.run(std::future::pending()));
    Relay { url, writer, _dir: dir }
}

async fn load(url: &str, secs: u64, concurrency: u64) -> f64 {
    let client = reqwest::Client::builder().no_proxy().pool_max_idle_per_host(256).build().unwrap();
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for t in 0..concurrency {
        let (client, done, url) = (client.clone(), done.clone(), format!("{url}/v1/chat/completions"));
        tasks.push(tokio::spawn(async move {
            let mut i = t;
            while Instant::now() < deadline {
                let body = serde_json::json!({"model": "m", "stream": i % 2 == 0,
                    "messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": format!("question {i}")}]});
                let resp = client.post(&url).bearer_auth(KEY).json(&body).send().await.unwrap();
                let status = resp.status();
                let body = resp.bytes().await.unwrap();
                assert!(status.is_success(), "{status}: {}", String::from_utf8_lossy(&body));
                done.fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
        }));
    }
    let started = Instant::now();
    for t in tasks {
        t.await.unwrap();
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

fn writer_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(monorelay::store::RedbStore::open(&dir.path().join("w.redb")).unwrap());
    let settings = Settings { store_bodies: true, ..Settings::default() };
    let w = Writer::start(Some(store), settings, Arc::default(), Default::default());
    let req = bytes::Bytes::from(
        serde_json::json!({"model": "m", "messages": [{"role": "user", "content": "x".repeat(4000)}]}).to_string(),
    );
    let resp = serde_json::json!({"id": "c", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "y ".repeat(2000)}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 1000, "total_tokens": 2000}})
    .to_string();
    let mut sse = String::new();
    for _ in 0..100 {
        let c = serde_json::json!({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"content": "word "}, "finish_reason": null}]});
        sse.push_str(&format!("data: {c}\n\n"));
    }
    sse.push_str("data: [DONE]\n\n");
    let n = 20_000u64;
    let started = Instant::now();
    let mut sent = 0;
    while sent < n {
        for i in 0..1000 {
            let mut bodies = monorelay::record::Bodies::new(req.clone(), 1 << 20);
            bodies.set_upstream(&req);
            // Half are streams of 100 events, assembled by the writer.
            bodies.response_is_stream = i % 2 == 1;
            bodies.append_response(if i % 2 == 1 { sse.as_bytes() } else { resp.as_bytes() });
            w.record(monorelay::record::RequestRecord {
                user: None,
                relay_key: None,
                kind: monorelay::record::RecordKind::Completion,
                started_at: std::time::SystemTime::now(),
                inbound: monorelay::dialect::Dialect::OpenAi,
                upstream: Some(monorelay::dialect::Dialect::OpenAi),
                requested_model: "m".into(),
                provider: Some("up".into()),
                model: Some("m".into()),
                key_label: Some("k1".into()),
                client_addr: None,
                stream: false,
                status: 200,
                error_kind: None,
                error: None,
                latency_ms: 12.0,
                ttfb_ms: Some(3.0),
                tokens: Some(monorelay::record::Tokens { input: 1000, output: 1000, cache_read: 0, cache_write: 0 }),
                attempts: vec![],
                overhead_ms: None,
                tokens_estimated: false,
                bodies: Some(bodies),
            });
            sent += 1;
        }
        // Stay under the queue's capacity: this measures the writer, not drops.
        w.flush();
    }
    let secs = started.elapsed().as_secs_f64();
    let live = w.live().counters();
    println!(
        "writer alone: {n} records (half streams of 100 events) with ~4 KiB request and upstream bodies in {secs:.2}s = {:.0} records/s (stored {}, dropped {})",
        n as f64 / secs,
        live["stored"],
        live["dropped"]
    );
}

fn main() {
    // `cargo test --all-targets` runs bench targets too, without `--bench`: a benchmark is not a
    // test (it only measures), so it does nothing there. `cargo bench --bench logging` runs it.
    if !std::env::args().any(|a| a == "--bench") {
        println!("logging benchmark: skipped (run it with `cargo bench --bench logging`)");
        return;
    }
    let secs = env("BENCH_SECS", 5);
    let concurrency = env("BENCH_CONCURRENCY", 32);
    let rounds = env("BENCH_ROUNDS", 2);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let up = upstream().await;
        let off = relay(&up, false).await;
        let on = relay(&up, true).await;
        // Warm up connections and code paths.
        load(&off.url, 1, concurrency).await;
        load(&on.url, 1, concurrency).await;
        let (mut best_off, mut best_on) = (0f64, 0f64);
        for r in 0..rounds {
            let a = load(&off.url, secs, concurrency).await;
            let b = load(&on.url, secs, concurrency).await;
            println!("round {}: logging off {a:.0} req/s, full-body logging {b:.0} req/s", r + 1);
            best_off = best_off.max(a);
            best_on = best_on.max(b);
        }
        let w = on.writer.clone();
        tokio::task::spawn_blocking(move || w.flush()).await.unwrap();
        let c = on.writer.live().counters();
        let ratio = best_on / best_off;
        println!(
            "best: off {best_off:.0} req/s, on {best_on:.0} req/s: {:.1}% ({}) — stored {}, dropped {}, store_failed {}",
            ratio * 100.0,
            if ratio >= 0.9 { "meets the 90% bar" } else { "BELOW the 90% bar" },
            c["stored"],
            c["dropped"],
            c["store_failed"]
        );
    });
    writer_alone();
}
