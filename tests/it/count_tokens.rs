//! `count_tokens` calls in the request log: recorded through the same completion hook, marked
//! `count_tokens` in the log (socket and `logs tail`), and left out of every request figure —
//! stats aggregates, `/metrics` request counters and histograms, `status` totals. Also: an
//! upstream failure on count_tokens goes through the one classifier (a 429 fails over to the
//! local estimate and cools the key; a 400 is answered as-is).

use crate::common::*;
use monorelay::admin::Client;
use monorelay::admin::socket::SOCKET_FILE;
use serde_json::{Value, json};

fn config(oa: &str, an: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{oa}/v1\"\n    keys: [{{key: sk-oa-1, label: o1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{an}\"\n    rate_limit_cooldown: 60\n    keys: [{{key: sk-an-1, label: a1}}]\n    models: {{include: [claude-t]}}\n"
    )
}

async fn count(relay: &Relay, model: &str) -> reqwest::Response {
    let body = json!({"model": model, "messages": [{"role": "user", "content": "count these words for me"}]});
    client().post(relay.url("/v1/messages/count_tokens")).header("x-api-key", KEY).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn count_tokens_is_logged_as_such_and_moves_no_request_counter() {
    let dir = tempfile::tempdir().unwrap();
    let (oa, an) = (Upstream::start().await, Upstream::start().await);
    let yaml = config(&oa.url(), &an.url());
    let relay = Relay::start_logged(&yaml, dir.path()).await;

    // One real request, then three count_tokens calls: asked upstream, estimated, rejected.
    oa.push(Reply::json(200, completion("hi")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("gpt-t", "hello")).await.status(), 200);
    an.push(Reply::json(200, json!({"input_tokens": 42})));
    let r = count(&relay, "claude-t").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap(), json!({"input_tokens": 42}));
    let r = count(&relay, "gpt-t").await;
    assert_eq!(r.headers()["x-monorelay-estimated"], "true");
    an.push(Reply::json(400, json!({"type": "error", "error": {"type": "invalid_request_error", "message": "bad"}})));
    assert_eq!(count(&relay, "claude-t").await.status(), 400);

    relay.flush().await;
    let mut c = Client::connect(&dir.path().join(SOCKET_FILE)).await.unwrap();
    let page = c.call_value("logs.query", json!({"limit": 100, "oldest_first": true})).await.unwrap();
    let entries = page["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 4, "{page:#}");
    assert!(entries[0].get("kind").is_none(), "an ordinary request carries no kind: {}", entries[0]);
    let kinds: Vec<&Value> = entries.iter().map(|e| &e["kind"]).collect();
    assert_eq!(kinds[1..], [&json!("count_tokens"); 3]);

    let asked = &entries[1];
    assert_eq!((asked["status"].clone(), asked["provider"].clone()), (json!(200), json!("an")));
    assert_eq!((asked["key_label"].clone(), asked["upstream"].clone()), (json!("a1"), json!("anthropic")));
    assert_eq!(asked["attempts"].as_array().unwrap().len(), 1);
    assert!(asked["tokens"].is_null() && asked["cost_usd"].is_null(), "a count consumed nothing: {asked}");
    let estimated = &entries[2];
    assert_eq!((estimated["status"].clone(), estimated["provider"].clone()), (json!(200), Value::Null));
    assert_eq!(estimated["requested_model"], "gpt-t");
    assert_eq!(estimated["tokens_estimated"], false);
    let rejected = &entries[3];
    assert_eq!(rejected["status"], 400);
    assert!(rejected["error"].as_str().unwrap().contains("bad"), "{rejected}");

    // Not requests: stats, status and /metrics count one request and three count_tokens calls.
    let stats = c.call_value("stats", json!({"by": "model"})).await.unwrap();
    assert_eq!(stats["total"]["requests"], 1, "{stats:#}");
    assert_eq!(stats["total"]["errors"], 0, "{stats:#}");
    assert_eq!(stats["total"]["count_tokens"], 3, "{stats:#}");
    let status = c.call_value("status", Value::Null).await.unwrap();
    assert_eq!(status["totals"]["requests"], 1, "{status:#}");
    assert_eq!(status["totals"]["count_tokens"], 3, "{status:#}");
    assert_eq!(status["records"]["stored"], 4);
    let text = client().get(relay.url("/metrics")).bearer_auth(KEY).send().await.unwrap().text().await.unwrap();
    for want in [
        "monorelay_requests_total{provider=\"oa\",model=\"gpt-t\",status=\"200\"} 1",
        "monorelay_request_duration_seconds_count 1",
        "monorelay_count_tokens_total 3",
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    for unwanted in ["model=\"claude-t\"", "status=\"400\""] {
        assert!(!text.contains(unwanted), "{unwanted} in\n{text}");
    }

    // `logs tail` (the real binary, over the socket) shows what each line is.
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, &yaml).unwrap();
    let out = cli(&cfg, dir.path(), &["logs", "tail", "-n", "10"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines.iter().filter(|l| l.contains("[count_tokens] claude-t")).count(), 2, "{text}");
    assert_eq!(lines.iter().filter(|l| l.contains("[count_tokens] gpt-t")).count(), 1, "{text}");
}

#[tokio::test]
async fn a_rate_limited_count_fails_over_to_the_estimate_and_cools_the_key() {
    let (oa, an) = (Upstream::start().await, Upstream::start().await);
    let relay = Relay::start(&config(&oa.url(), &an.url())).await;
    an.push(Reply::json(429, json!({"type": "error", "error": {"type": "rate_limit_error", "message": "slow"}})));
    let r = count(&relay, "claude-t").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-monorelay-estimated"], "true");
    // The key rests (rate_limit_cooldown 60 s): the next count does not reach the upstream.
    assert_eq!(count(&relay, "claude-t").await.headers()["x-monorelay-estimated"], "true");
    assert_eq!(an.received().len(), 1);
    let records = relay.records.wait_for(2).await;
    assert!(records.iter().all(|r| r.kind == monorelay::record::RecordKind::CountTokens));
    assert_eq!(records[0].attempts.len(), 1);
    assert_eq!(records[0].attempts[0].status, 429);
}
