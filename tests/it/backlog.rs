//! A request log writer that is far behind holds every kind of relayed request a moment before
//! it goes upstream — token counting and the file surfaces as well as completions — so that their
//! records wait for room in its queue instead of being dropped; once it catches up they go on.
//! An in-process relay whose record sink says it is behind until the test lets it catch up.

use crate::common::*;
use monorelay::record::RequestRecord;
use monorelay::relay::RecordSink;
use monorelay::secret::Secret;
use monorelay::server::Server;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// Collects records, and says it is behind while `behind` is set (counting how often it is asked).
#[derive(Default)]
struct Behind {
    records: Collect,
    behind: AtomicBool,
    asked: AtomicU64,
}

impl RecordSink for Behind {
    fn record(&self, r: RequestRecord) {
        self.records.record(r);
    }
    fn backlogged(&self) -> bool {
        self.asked.fetch_add(1, Ordering::SeqCst);
        self.behind.load(Ordering::SeqCst)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_counts_and_file_requests_wait_for_a_writer_that_is_behind() {
    let up = Upstream::start().await;
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{u}/v1\"\n    keys: [{{key: sk-oa-1, label: o1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{u}\"\n    keys: [{{key: sk-an-1, label: a1}}]\n    models: {{include: [claude-t]}}\n",
        u = up.url()
    );
    let config = monorelay::config::load_str(&yaml, monorelay::config::ConfigSource::Embedded, &|_| None).unwrap();
    let sink = Arc::new(Behind::default());
    let server = Server::builder(config)
        .listen("127.0.0.1", 0)
        .access_key(Secret::new(KEY.to_string()))
        .record_sink(sink.clone())
        .watch_config(false)
        .build()
        .await
        .unwrap();
    let base = format!("http://{}", server.local_addr());
    let _running = server.spawn();

    let count = client()
        .post(format!("{base}/v1/messages/count_tokens"))
        .header("x-api-key", KEY)
        .json(&json!({"model": "claude-t", "messages": [{"role": "user", "content": "count these"}]}));
    let files = client().get(format!("{base}/v1/files?limit=10")).bearer_auth(KEY);
    let replies = [json!({"input_tokens": 5}), json!({"object": "list", "data": []})];
    for (n, (request, reply)) in [count, files].into_iter().zip(replies).enumerate() {
        up.push(Reply::json(200, reply));
        sink.behind.store(true, Ordering::SeqCst);
        let asked = sink.asked.load(Ordering::SeqCst);
        let sent = tokio::spawn(request.send());
        // The request asks the writer, and while it is behind the upstream sees nothing of it.
        for _ in 0..3000 {
            if sink.asked.load(Ordering::SeqCst) > asked + 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        assert!(sink.asked.load(Ordering::SeqCst) > asked + 1, "request {n} never waited for the writer");
        assert_eq!(up.received().len(), n, "request {n} went upstream while the writer was behind");
        sink.behind.store(false, Ordering::SeqCst);
        let resp = sent.await.unwrap().unwrap();
        assert_eq!(resp.status(), 200, "request {n}");
        sink.records.wait_for(n + 1).await;
    }
}
