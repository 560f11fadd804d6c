//! Hardening (issue 12): hostile upstreams (redirects, 2xx error bodies, secrets echoed in error
//! fields, streams that carry on after an error), hostile clients (empty credentials, slow and
//! idle connections) and half-written configs, each end to end on loopback.

use crate::common::*;
use monorelay::keys::KeyStatus;
use serde_json::{Value, json};

#[tokio::test]
async fn a_redirect_is_an_upstream_fault_answered_502_and_failed_over() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    // Both keys get a redirect to an internal URL: the client sees neither the 302 nor the URL.
    for _ in 0..2 {
        up.push(Reply::Json {
            status: 302,
            body: json!({"location": "http://10.0.0.7/internal/admin"}),
            headers: vec![("location", "http://10.0.0.7/internal/admin".into())],
        });
    }
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 502);
    assert!(resp.headers().get("location").is_none());
    let text = resp.text().await.unwrap();
    assert!(!text.contains("10.0.0.7"), "{text}");
    assert_eq!(up.received().len(), 2, "failed over to the second key");

    // A redirect then a good answer: the client gets the answer.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    up.push(Reply::Json { status: 307, body: json!({}), headers: vec![("location", "http://10.0.0.7/".into())] });
    up.push(Reply::json(200, completion("fine")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "fine");

    // In the Anthropic dialect the 502 is Anthropic-shaped.
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], "")).await;
    for _ in 0..2 {
        up.push(Reply::Json { status: 301, body: json!({}), headers: vec![("location", "http://10.0.0.7/".into())] });
    }
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .json(&json!({"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["type"], "error", "{v}");
}

#[tokio::test]
async fn a_2xx_carrying_an_error_or_nothing_is_an_upstream_error() {
    let bodies = [
        Reply::json(200, json!({"error": {"message": "quota exceeded", "type": "insufficient_quota"}})),
        Reply::json(200, json!({})),
        Reply::Raw { status: 200, content_type: "application/json", body: b"{\"id\": \"x\", \"cho".to_vec() },
        Reply::json(200, json!({"id": "x", "object": "chat.completion"})),
    ];
    for body in bodies {
        let up = Upstream::start().await;
        let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
        up.push(body);
        let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
        assert_eq!(resp.status(), 502);
        let v: Value = resp.json().await.unwrap();
        assert!(v["error"]["message"].as_str().unwrap().contains("2xx"), "{v}");
        let recs = relay.records.wait_for(1).await;
        assert_eq!(recs[0].status, 502, "recorded as a failure");
        let view = relay.app.runtime.load().providers[0].pool.view();
        assert_ne!(view[0].status, KeyStatus::Available, "the key is penalised like for any upstream error");
    }
}

#[tokio::test]
async fn an_empty_bearer_falls_through_to_x_api_key() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    for bearer in ["Bearer ", "Bearer", "bearer  "] {
        let resp = client()
            .get(relay.url("/v1/models"))
            .header("authorization", bearer)
            .header("x-api-key", KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{bearer:?}");
    }
    let resp = client().get(relay.url("/v1/models")).header("authorization", "Bearer ").send().await.unwrap();
    assert_eq!(resp.status(), 401);
}
