//! Upstream outcomes end to end: the relay acts on what `providers::outcome` decides — rate-limit
//! waits read from `retry-after-ms` and OpenAI's `x-ratelimit-*` headers, an ignored error type
//! answered without failover or penalty, the provider `retry` policy matching the upstream's own
//! error type, and an Anthropic stream whose first event is an error failing over.

use crate::common::*;
use monorelay::keys::{CoolingReason, KeyStatus};
use serde_json::{Value, json};

#[tokio::test]
async fn rate_limit_waits_come_from_any_header_the_upstream_sends() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    let limited = |headers: Vec<(&'static str, String)>| Reply::Json {
        status: 429,
        body: json!({"error": {"message": "slow down", "type": "rate_limit_error"}}),
        headers,
    };
    // OpenAI's reset header of the exhausted limit (tokens: 5 minutes; requests are not exhausted).
    up.push(limited(vec![
        ("x-ratelimit-remaining-tokens", "0".into()),
        ("x-ratelimit-reset-tokens", "5m0s".into()),
        ("x-ratelimit-remaining-requests", "10".into()),
        ("x-ratelimit-reset-requests", "1s".into()),
    ]));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "300");
    let view = relay.app.runtime.load().providers[0].pool.view();
    let KeyStatus::Cooling { until_ms, reason: CoolingReason::RateLimited } = view[0].status else {
        panic!("{:?}", view[0].status)
    };
    let left_ms = until_ms.saturating_sub(monorelay::keys::Now::get().unix_ms);
    assert!(left_ms > 250_000, "max(reset 300 s, cooldown 30 s): {left_ms} ms");

    let up2 = Upstream::start().await;
    let relay2 = Relay::start(&api_config(&up2.url(), &["sk-1"], "")).await;
    up2.push(limited(vec![("retry-after-ms", "90000".into()), ("retry-after", "5".into())]));
    let resp = relay2.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.headers()["retry-after"], "90", "retry-after-ms wins over Retry-After");
}

#[tokio::test]
async fn an_ignored_error_type_is_answered_as_is_without_penalty() {
    let up = Upstream::start().await;
    let extra = "    ignore: {enabled: true, ignore_errors: [content_filter]}\n";
    let relay = Relay::start(&api_config(&up.url(), &["sk-1", "sk-2"], extra)).await;
    up.push(Reply::json(500, json!({"error": {"message": "filtered", "type": "content_filter"}})));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 500);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "content_filter");
    assert_eq!(up.received().len(), 1, "no failover to the second key");
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert!(view.iter().all(|k| k.status == KeyStatus::Available), "no key penalised: {view:?}");
}

#[tokio::test]
async fn the_retry_policy_matches_the_upstreams_error_type() {
    let up = Upstream::start().await;
    let extra = "    retry: {enabled: true, max_retries: 1, backoff_factor: 1.0, backoff_max: 5, retry_on_status: [], retry_on_errors: [overloaded_error]}\n";
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], extra)).await;
    up.push(Reply::json(503, json!({"error": {"message": "busy", "type": "overloaded_error"}})));
    up.push(Reply::json(200, completion("after the wait")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "2");

    // Another type does not qualify: the 503 is the answer after one attempt.
    up.push(Reply::json(503, json!({"error": {"message": "down", "type": "server_error"}})));
    let resp = relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    assert_eq!(resp.status(), 503, "{:?}", resp.text().await);
    assert_eq!(up.received().len(), 3);
}

#[tokio::test]
async fn an_anthropic_stream_that_opens_with_an_error_fails_over() {
    let an = Upstream::start().await;
    let yaml = format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  an:\n    provider_type: anthropic\n    base_url: \"{}\"\n    keys: [{{key: sk-an-1, label: a1}}, {{key: sk-an-2, label: a2}}]\nmodel_routing: {{default_provider: an}}\n",
        an.url()
    );
    let relay = Relay::start(&yaml).await;
    let error = json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}});
    an.push(Reply::Sse {
        chunks: vec![(Default::default(), format!("event: error\ndata: {error}\n\n").into_bytes())],
        cut: false,
        gate: None,
    });
    let start = json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "c", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 3, "output_tokens": 0}}});
    let events = [
        ("message_start", start),
        (
            "content_block_start",
            json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        (
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}}),
        ),
        ("content_block_stop", json!({"type": "content_block_stop", "index": 0})),
        (
            "message_delta",
            json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 1}}),
        ),
        ("message_stop", json!({"type": "message_stop"})),
    ];
    let chunks =
        events.iter().map(|(n, d)| (Default::default(), format!("event: {n}\ndata: {d}\n\n").into_bytes())).collect();
    an.push(Reply::Sse { chunks, cut: false, gate: None });
    let body = json!({"model": "c", "max_tokens": 10, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-attempts"], "2");
    let text = resp.text().await.unwrap();
    assert!(text.contains("message_stop") && !text.contains("Overloaded"), "{text}");
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.attempts.len(), 2);
    assert!(rec.attempts[0].error.as_deref().unwrap().contains("[an] Overloaded"), "{:?}", rec.attempts[0]);
    let view = relay.app.runtime.load().providers[0].pool.view();
    // One failure costs the key nothing yet (only repeated ones rest it), but it is counted.
    assert!(view.iter().all(|k| k.status == KeyStatus::Available), "{view:?}");
    assert_eq!(view.iter().map(|k| k.failures).sum::<u64>(), 1, "{view:?}");
}

#[tokio::test]
async fn one_blip_does_not_take_a_single_key_provider_down() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    up.push(Reply::json(500, json!({"error": {"message": "blip", "type": "server_error"}})));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 500);
    // The very next request goes through: one failure costs the key nothing.
    up.push(Reply::json(200, completion("fine")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "again")).await.status(), 200);
    assert_eq!(relay.app.runtime.load().providers[0].pool.view()[0].status, KeyStatus::Available);
}

#[tokio::test]
async fn when_every_key_rests_after_errors_the_soonest_takes_the_request_as_its_probe() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    for _ in 0..2 {
        up.push(Reply::json(500, json!({"error": {"message": "down", "type": "server_error"}})));
        relay.post("/v1/chat/completions", &chat("m", "hi")).await;
    }
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert!(matches!(view[0].status, KeyStatus::Cooling { reason: CoolingReason::Errors, .. }), "{view:?}");
    // Resting, but it is the only key anywhere: it takes the request as a probe instead of a 503.
    up.push(Reply::json(200, completion("back")));
    let resp = relay.post("/v1/chat/completions", &chat("m", "probe")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(up.received().len(), 3);
    assert_eq!(relay.app.runtime.load().providers[0].pool.view()[0].status, KeyStatus::Available);
}

#[tokio::test]
async fn a_rate_limited_key_is_not_probed_early() {
    let up = Upstream::start().await;
    let relay = Relay::start(&api_config(&up.url(), &["sk-1"], "")).await;
    up.push(Reply::Json {
        status: 429,
        body: json!({"error": {"message": "slow down", "type": "rate_limit_error"}}),
        headers: vec![("retry-after", "60".into())],
    });
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "hi")).await.status(), 429);
    let resp = relay.post("/v1/chat/completions", &chat("m", "again")).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(up.received().len(), 1, "the cooling key was left alone");
}
