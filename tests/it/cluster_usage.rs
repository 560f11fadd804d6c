//! Scale-out: a relay key's usage in the listing is summed over the relays. Two real `monorelay
//! serve` processes share a real PostgreSQL (and Redis); requests with one relay key on A and on B
//! show in `users keys` on either relay as the sum (requests and today's tokens), each relay
//! having written its own usage row (an old row without an instance counts too); removing the key's user deletes every relay's rows.
//! Skipped without the services, as the other cluster tests (`cluster::services`).

use crate::cluster::{Node, cluster_config, eventually, quota_key, services, tag};
use crate::common::*;
use monorelay::admin::{RelayKeyView, RelayKeysList, UserName};

/// The key `prefix` as listed by `node`.
async fn listed(node: &Node, user: &str, prefix: &str) -> Option<RelayKeyView> {
    let list = node.admin().await.users_keys_list(&RelayKeysList { user: Some(user.to_string()) }).await.unwrap();
    list.into_iter().find(|k| k.prefix == prefix)
}

/// The ids of the usage rows of `prefix` in the database.
async fn usage_rows(pg: &str, prefix: &str) -> Vec<String> {
    let (client, conn) = tokio_postgres::connect(pg, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    let rows = client
        .query(
            "SELECT id FROM principals WHERE tbl = 'relay_key_usage' AND (id = $1 OR id LIKE $2) ORDER BY id",
            &[&prefix, &format!("{prefix}@%")],
        )
        .await
        .unwrap();
    rows.into_iter().map(|r| r.get(0)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_keys_usage_is_listed_summed_over_the_relays_on_either_relay() {
    let Some((pg, redis)) = services() else { return };
    let model = tag("cl-usage");
    let user = tag("fay");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &[&tag("sk-cluster-usage")], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    let created = quota_key(&a, &b, &user, &model, 1_000_000).await;
    let (key, prefix) = (created.key.clone(), created.info.prefix.clone());

    // Two requests on A, one on B; each completion is 10 tokens.
    for (node, n) in [(&a, 2), (&b, 1)] {
        for _ in 0..n {
            up.push(Reply::json(200, completion("counted")));
            assert_eq!(node.chat(&key, &model).await.status(), 200);
        }
    }
    // Usage is written behind the answers: wait until both relays list the sum.
    for (name, node) in [("A", &a), ("B", &b)] {
        eventually(&format!("{name} lists 3 requests and 30 tokens"), || async {
            listed(node, &user, &prefix).await.is_some_and(|k| k.requests == 3 && k.tokens_today == 30)
        })
        .await;
        let k = listed(node, &user, &prefix).await.unwrap();
        assert!(k.last_used_ms.is_some(), "{name}: {k:?}");
    }
    // One row per relay, none overwritten.
    let rows = usage_rows(&pg, &prefix).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|id| id.starts_with(&format!("{prefix}@"))), "{rows:?}");

    // A row of the old shape (the bare prefix, no instance) counts as one more relay's.
    let (client, conn) = tokio_postgres::connect(&pg, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    let mut old = vec![1u8]; // the principals' row format, then JSON
    old.extend_from_slice(br#"{"last_used_ms":1,"requests":5}"#);
    client
        .execute("INSERT INTO principals (tbl, id, value) VALUES ('relay_key_usage', $1, $2)", &[&prefix, &old])
        .await
        .unwrap();
    let k = listed(&a, &user, &prefix).await.unwrap();
    assert_eq!((k.requests, k.tokens_today), (8, 30), "{k:?}");

    // Removing the user (through B) deletes every relay's usage rows of the key.
    b.admin().await.users_remove(&UserName { name: user.clone() }).await.unwrap();
    assert_eq!(usage_rows(&pg, &prefix).await, Vec::<String>::new());
}
