//! Scale-out, the Redis side of key state and quotas over time: a runtime key override (`keys
//! set`: disabled, a weight) made before a relay starts applies on it when it joins, and a
//! cleared override is cleared on the relays that join after; the tokens a relay key spends on a
//! relay while Redis is down are added to Redis once it is back, exactly once, so the quota holds
//! across the outage on every relay; the sync state (`sync-state.json`) of relays on PostgreSQL
//! is one, in the database: a WebDAV push through one relay is the last sync of the other.
//!
//! Real PostgreSQL and Redis and real `monorelay serve` processes, as in `cluster`; the quota
//! test runs its own `redis-server` to restart it.

use crate::cluster::{Node, OwnRedis, cluster_config, eventually, quota_key, services, tag};
use crate::common::*;
use crate::sync::{DAV_PASS, FakeDav, ok, sync_cli};
use monorelay::admin::{KeyInfo, KeySet};
use monorelay::state::SharedState;

async fn key(node: &Node, label: &str) -> KeyInfo {
    node.admin().await.keys_list().await.unwrap().into_iter().find(|k| k.label == label).expect("the key")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_override_made_before_a_relay_starts_applies_on_it() {
    let Some((pg, redis)) = services() else { return };
    let model = tag("cl-late");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    // Secrets of this run only: the overrides are kept in Redis by key fingerprint.
    let secrets = [tag("sk-late-one"), tag("sk-late-two")];
    let cfg = cluster_config(dir.path(), &up.url(), &[&secrets[0], &secrets[1]], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");
    let mut on_a = a.admin().await;
    let set = |label: &str, enabled, weight| KeySet { provider: "up".into(), label: label.into(), enabled, weight };
    on_a.keys_set(&set("k1", Some(Some(false)), None)).await.unwrap();
    on_a.keys_set(&set("k2", None, Some(Some(3.5)))).await.unwrap();

    // B starts after the changes: it applies them from Redis.
    let b = Node::start(&cfg, dir.path(), "b");
    eventually("B runs k1 disabled and k2 at weight 3.5", || async {
        let (k1, k2) = (key(&b, "k1").await, key(&b, "k2").await);
        (k1.enabled, k1.enabled_override, k2.weight_override) == (false, Some(false), Some(3.5))
    })
    .await;
    for _ in 0..3 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(b.chat(KEY, &model).await.status(), 200);
    }
    assert!(
        up.received().iter().all(|r| r.auth().ends_with(secrets[1].as_str())),
        "B sent a request with the key disabled before it started"
    );

    // Cleared on B (follow the config again): A follows, and so does a relay started after.
    b.admin().await.keys_set(&set("k1", Some(None), None)).await.unwrap();
    eventually("A follows the config for k1 again", || async { key(&a, "k1").await.enabled_override.is_none() }).await;
    let c = Node::start(&cfg, dir.path(), "c");
    eventually("C sees k2's weight", || async { key(&c, "k2").await.weight_override == Some(3.5) }).await;
    let k1 = key(&c, "k1").await;
    assert_eq!((k1.enabled, k1.enabled_override), (true, None), "C took the cleared override for a kept one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_spent_while_redis_was_down_count_there_once_it_is_back() {
    let Some((pg, _)) = services() else { return };
    let model = tag("cl-outage-quota");
    let user = tag("gus");
    let dir = tempfile::tempdir().unwrap();
    let mut redis = OwnRedis::start(dir.path());
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &[&tag("sk-outage-quota")], &pg, &redis.url());
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    // Each completion is 10 tokens: two on A spend 20 of 15 (A's own count admits both).
    let created = quota_key(&a, &b, &user, &model, 15).await;
    let key = created.key.clone();

    redis.down();
    eventually("A is degraded", || async { a.cluster().await.state == Some(SharedState::Degraded) }).await;
    for _ in 0..2 {
        up.push(Reply::json(200, completion("while Redis is down")));
        assert_eq!(a.chat(&key, &model).await.status(), 200);
    }

    // A restarted Redis knows nothing of them until A adds them back.
    redis.up();
    let day = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    let counter = format!("mr:tokens:{}:{day}", created.info.prefix);
    let conn = redis::Client::open(redis.url()).unwrap().get_multiplexed_async_connection().await.unwrap();
    let spent = || {
        let (mut conn, counter) = (conn.clone(), counter.clone());
        async move { redis::cmd("GET").arg(&counter).query_async::<Option<u64>>(&mut conn).await.unwrap() }
    };
    eventually("A adds the outage's charges to Redis", || async { spent().await == Some(20) }).await;
    eventually("both connected", || async {
        a.cluster().await.state == Some(SharedState::Connected)
            && b.cluster().await.state == Some(SharedState::Connected)
    })
    .await;
    // B spent nothing itself: only the shared count refuses.
    let r = b.chat(&key, &model).await;
    let status = r.status().as_u16();
    let body = r.text().await.unwrap();
    assert_eq!(status, 429, "B admitted a key whose quota was spent on A while Redis was down: {body}");
    assert!(body.contains("tokens per day"), "{body}");
    assert_eq!(up.received().len(), 2, "no refused request reached the upstream");
    // Counted once, however many resyncs ran.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(spent().await, Some(20));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sync_state_is_shared_by_the_relays_of_a_postgres_cluster() {
    let Some((pg, redis)) = services() else { return };
    let dav = FakeDav::start().await;
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &[&tag("sk-cluster-sync")], &pg, &redis);
    // Each run its own state: the database outlives a test run.
    let db = crate::cluster::OwnDatabase::create(&pg).await;
    let text = std::fs::read_to_string(&cfg).unwrap().replace(&pg, &db.url);
    let sync =
        format!("sync:\n  webdav:\n    url: \"{}\"\n    username: dav-user\n    password: \"{DAV_PASS}\"\n", dav.url());
    std::fs::write(&cfg, format!("{text}{sync}")).unwrap();
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    ok(&sync_cli(&cfg, &a.data, &[], None, &["push", "--to", "webdav"]).await);

    // B knows A's push: its status shows it, and B pushes without being told the remote is new.
    let o = sync_cli(&cfg, &b.data, &[], None, &["--json", "status"]).await;
    ok(&o);
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!status["last_push_ms"].is_null(), "B does not see A's push: {status}");
    ok(&sync_cli(&cfg, &b.data, &[], None, &["push", "--to", "webdav"]).await);
    assert!(!a.data.join(monorelay::sync::STATE_FILE).exists() && !b.data.join(monorelay::sync::STATE_FILE).exists());

    // Someone else changes the remote: both relays see the conflict, and a forced pull on B
    // makes A's next push fine.
    dav.edit("config.yml", |c| format!("{c}# edited elsewhere\n"));
    let o = sync_cli(&cfg, &a.data, &[], None, &["push", "--to", "webdav"]).await;
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("changed since the last sync"));
    drop((a, b));
    db.drop_now().await;
}
