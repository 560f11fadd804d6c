//! Group commit in the request log, on the real binary: records older than
//! `logging.commit_interval_ms` survive a `kill -9`, newer ones may not (and with a long window do
//! not), and a graceful stop commits everything however long the window.

use crate::common::*;
use monorelay::store::{LogQuery, LogStore, RedbStore};
use std::time::Duration;

/// A temp dir, an upstream, and a config file there with this commit interval.
async fn setup(interval_ms: u64) -> (tempfile::TempDir, Upstream, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    let mut c = api_config(&up.url(), &["sk-group-commit-1"], "");
    c.push_str(&format!("logging:\n  commit_interval_ms: {interval_ms}\n"));
    std::fs::write(&cfg, c).unwrap();
    (dir, up, cfg)
}

/// Send `n` requests one after another, each answered 200, with models `{prefix}-{i}`.
async fn send(served: &Served, up: &Upstream, prefix: &str, n: usize) {
    for i in 0..n {
        up.push(Reply::json(200, completion("ok")));
        let resp = client()
            .post(format!("{}/v1/chat/completions", served.base))
            .bearer_auth(KEY)
            .json(&chat(&format!("{prefix}-{i}"), "hi"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
}

/// The requested models of every stored record, after the server is gone.
fn stored_models(data: &std::path::Path) -> Vec<String> {
    let store = RedbStore::open(&data.join("monorelay.redb")).unwrap();
    let q = LogQuery { limit: Some(1000), oldest_first: true, ..Default::default() };
    store.query(&q).unwrap().entries.into_iter().map(|e| e.requested_model).collect()
}

#[tokio::test]
async fn kill_9_loses_at_most_the_commit_window() {
    let (dir, up, cfg) = setup(100).await;
    let data = dir.path().join("data");
    let served = serve(&cfg, &data);
    send(&served, &up, "old", 40).await;
    // Twenty windows later every one of those is committed (durably: the commit fsyncs).
    tokio::time::sleep(Duration::from_millis(2000)).await;
    send(&served, &up, "new", 10).await;
    drop(served); // SIGKILL, then reaped
    let models = stored_models(&data);
    for i in 0..40 {
        assert!(models.contains(&format!("old-{i}")), "old-{i} was committed before the kill: {models:?}");
    }
    assert!(models.len() <= 50, "{models:?}");
}

#[tokio::test]
async fn a_long_window_is_what_kill_9_takes_and_a_stop_commits_it() {
    let (dir, up, cfg) = setup(10_000).await;

    // kill -9 inside a 10 s window: the group in hand is lost, nothing else is harmed.
    let data = dir.path().join("killed");
    let served = serve(&cfg, &data);
    send(&served, &up, "lost", 5).await;
    drop(served);
    assert_eq!(stored_models(&data), Vec::<String>::new(), "still inside the 10 s window at the kill");

    // A graceful stop commits the group at once, whatever the window.
    let data = dir.path().join("stopped");
    let served = serve(&cfg, &data);
    send(&served, &up, "kept", 5).await;
    let started = std::time::Instant::now();
    assert!(served.stop().await.success());
    assert!(started.elapsed() < Duration::from_secs(10), "the stop did not wait for the window");
    assert_eq!(stored_models(&data), (0..5).map(|i| format!("kept-{i}")).collect::<Vec<_>>());
}
