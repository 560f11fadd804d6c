//! `/api/logs*` and `/api/events` over HTTP: a plain user sees only their own records (query,
//! detail, export, live events), an admin everyone's; cursor paging, text search, bad filters
//! and forged cursors refused in the one error shape, clearing for admins only.

use crate::api_fixture::*;
use serde_json::Value;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_per_role_with_paging_detail_export_and_clear() {
    let api = Api::start("").await;
    api.chat_as(&api.bob.key, "from bob one").await;
    api.chat_as(&api.eve.key, "from eve").await;
    api.chat_as(&api.bob.key, "from bob two").await;
    api.relay.flush().await;

    // Admin: everything, newest first, one per page.
    let (s, p1) = api.call("GET", "/api/logs?limit=1", &api.ada.session, None).await;
    assert_eq!(s, 200, "{p1}");
    assert_eq!(p1["items"][0]["user"], "bob");
    let mut seen = vec![p1["items"][0]["short_id"].as_str().unwrap().to_string()];
    let mut cursor = p1["next_cursor"].as_str().map(String::from);
    while let Some(c) = cursor {
        let (_, p) = api.call("GET", &format!("/api/logs?limit=1&cursor={c}"), &api.ada.session, None).await;
        seen.extend(p["items"].as_array().unwrap().iter().map(|e| e["short_id"].as_str().unwrap().to_string()));
        cursor = p["next_cursor"].as_str().map(String::from);
    }
    assert_eq!(seen.len(), 3, "{seen:?}");
    let (_, users) = api.call("GET", "/api/logs?user=eve", &api.ada.key, None).await;
    assert_eq!(users["items"].as_array().unwrap().len(), 1);
    let (_, found) = api.call("GET", "/api/logs?q=EVE&status=2xx", &api.ada.key, None).await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");

    // Bob: only his, whatever he asks.
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        let (s, mine) = api.call("GET", "/api/logs", &who, None).await;
        assert_eq!(s, 200, "{mine}");
        let items = mine["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "{mine}");
        assert!(items.iter().all(|e| e["user"] == "bob"));
        expect_error(&api.call("GET", "/api/logs?user=eve", &who, None).await, 403, "forbidden");
        let own = items[0]["short_id"].as_str().unwrap();
        let (s, d) = api.call("GET", &format!("/api/logs/{own}"), &who, None).await;
        assert_eq!(s, 200, "{d}");
        assert_eq!(d["bodies"]["request"]["messages"][0]["content"], "from bob two", "{d}");
        assert!(d["bodies"]["response"].is_object(), "{d}");
        no_secret(&d);
        let (_, all) = api.call("GET", "/api/logs?user=eve", &api.ada.key, None).await;
        let eves = all["items"][0]["short_id"].as_str().unwrap();
        expect_error(&api.call("GET", &format!("/api/logs/{eves}"), &who, None).await, 404, "not_found");
        let r = api.request("GET", "/api/logs/export?format=jsonl", &who, None).await;
        assert_eq!(r.headers()["content-type"], "application/x-ndjson");
        let lines: Vec<Value> = r.text().await.unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        expect_error(&api.call("DELETE", "/api/logs", &who, None).await, 403, "forbidden");
    }
    let r = api.request("GET", "/api/logs/export?format=csv", &api.ada.key, None).await;
    let csv = r.text().await.unwrap();
    assert!(csv.starts_with("id,started_at_ms,") && csv.lines().count() == 4, "{csv}");

    // Bad input.
    let e = api.call("GET", "/api/logs?cursor=not-a-cursor", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.cursor"));
    let (_, users) = api.call("GET", "/api/users?limit=1", &api.ada.key, None).await;
    let list_cursor = users["next_cursor"].as_str().unwrap();
    let e = api.call("GET", &format!("/api/logs?cursor={list_cursor}"), &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.cursor"), "a cursor of another list");
    let e = api.call("GET", "/api/logs?since_ms=yesterday", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.since_ms"));
    let e = api.call("GET", "/api/logs?colour=red", &api.ada.key, None).await;
    assert_eq!(expect_error(&e, 400, "invalid").as_deref(), Some("query.colour"));
    expect_error(&api.call("GET", "/api/logs/zzzzzzzz", &api.ada.key, None).await, 404, "not_found");
    expect_error(&api.call("GET", "/api/logs/!!", &api.ada.key, None).await, 400, "invalid");

    let (s, v) = api.call("DELETE", "/api/logs", &api.ada.session, None).await;
    assert_eq!((s, v["deleted"].as_u64()), (200, Some(3)), "{v}");
    let (_, after) = api.call("GET", "/api/logs", &api.ada.key, None).await;
    assert!(after["items"].as_array().unwrap().is_empty());
}

/// Read SSE events (`(event, data)`) until `done` says so, within a generous bound.
async fn events_until(r: reqwest::Response, done: impl Fn(&[(String, Value)]) -> bool) -> Vec<(String, Value)> {
    let mut stream = r.bytes_stream();
    let mut buf = String::new();
    let mut out = Vec::new();
    let read = async {
        while let Some(Ok(chunk)) = futures_util::StreamExt::next(&mut stream).await {
            buf.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = buf.find("\n\n") {
                let ev: String = buf.drain(..end + 2).collect();
                let name = ev.lines().find_map(|l| l.strip_prefix("event: ")).unwrap_or("").to_string();
                if let Some(d) = ev.lines().find_map(|l| l.strip_prefix("data: ")) {
                    out.push((name, serde_json::from_str(d).unwrap()));
                }
            }
            if done(&out) {
                return;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(60), read).await;
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_stream_records_by_role_and_key_changes_to_admins() {
    let api = Api::start("").await;
    let bob = api.request("GET", "/api/events", &api.bob.key, None).await;
    assert_eq!(bob.status(), 200);
    assert!(bob.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let admin = api.request("GET", "/api/events", &api.ada.session, None).await;
    expect_error(&api.call("GET", "/api/events", &As::Nobody, None).await, 401, "unauthorized");

    api.chat_as(&api.eve.key, "eve first").await;
    api.chat_as(&api.bob.key, "bob second").await;
    let (s, _) = api.call("POST", "/api/providers/up/keys/k1/disable", &access(), None).await;
    assert_eq!(s, 200);

    let got = events_until(bob, |e| e.iter().any(|(n, _)| n == "record")).await;
    let records: Vec<&Value> = got.iter().filter(|(n, _)| n == "record").map(|(_, d)| d).collect();
    assert_eq!(records.len(), 1, "{got:?}");
    assert_eq!(records[0]["user"], "bob", "bob never sees eve's record");
    let got = events_until(admin, |e| {
        e.iter().filter(|(n, _)| n == "record").count() >= 2
            && e.iter().any(|(n, _)| n == "keys")
            && e.iter().any(|(n, _)| n == "reload")
    })
    .await;
    let users: Vec<&str> = got.iter().filter(|(n, _)| n == "record").filter_map(|(_, d)| d["user"].as_str()).collect();
    assert_eq!(users, ["eve", "bob"], "{got:?}");
    let keys = got.iter().find(|(n, _)| n == "keys").map(|(_, d)| d).unwrap();
    assert!(keys.as_array().unwrap().iter().any(|k| k["label"] == "k1" && k["enabled"] == false), "{keys}");
    assert!(got.iter().any(|(n, _)| n == "reload"), "the key edit reloaded the config: {got:?}");
}
