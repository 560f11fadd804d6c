//! The lean upstream client (`providers::direct`, hyper-util without reqwest) against real
//! loopback upstreams: what an `api` and an `anthropic` upstream receive (method, path, host,
//! auth, content type, accept, the default or the client's `User-Agent`, Anthropic's version and
//! every beta header, the client's body bytes untouched), and a refused connection told as
//! reqwest told it.

use crate::common::*;
use serde_json::json;

fn header(r: &Received, name: &str) -> Vec<String> {
    r.headers.get_all(name).iter().map(|v| v.to_str().unwrap_or("?").to_string()).collect()
}

#[tokio::test]
async fn api_and_anthropic_upstreams_receive_what_reqwest_sent() {
    let oa = Upstream::start().await;
    let an = Upstream::start().await;
    let relay = Relay::start(&format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  oa:\n    base_url: \"{}/v1\"\n    keys: [{{key: sk-oa-1}}]\n    models: {{include: [gpt-t]}}\n  an:\n    provider_type: anthropic\n    base_url: \"{}\"\n    keys: [{{key: sk-an-1}}]\n    models: {{include: [claude-t]}}\n",
        oa.url(),
        an.url()
    ))
    .await;

    // OpenAI client, no User-Agent: the relay's own; then the client's.
    oa.push(Reply::json(200, completion("one")));
    oa.push(Reply::json(200, completion("two")));
    let body = r#"{"model":"gpt-t",  "messages":[{"role":"user","content":"hi"}], "x_unknown": 1.50}"#;
    for ua in [None, Some("my-sdk/1.0")] {
        let mut rb = client()
            .post(relay.url("/v1/chat/completions"))
            .bearer_auth(KEY)
            .header("content-type", "application/json")
            .body(body);
        if let Some(ua) = ua {
            rb = rb.header("user-agent", ua);
        }
        let resp = rb.send().await.expect("send");
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.json::<serde_json::Value>().await.expect("json")["object"], "chat.completion");
    }
    let got = oa.received();
    assert_eq!(got.len(), 2);
    for r in &got {
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/v1/chat/completions"));
        assert_eq!(header(r, "authorization"), ["Bearer sk-oa-1"]);
        assert_eq!(header(r, "content-type"), ["application/json"]);
        assert_eq!(header(r, "accept"), ["application/json"]);
        assert_eq!(header(r, "host"), [oa.addr.to_string()]);
        // Passthrough: the client's very bytes (spacing, unknown fields, number spelling).
        assert_eq!(&r.body[..], body.as_bytes());
    }
    assert_eq!(header(&got[0], "user-agent"), [concat!("monorelay/", env!("CARGO_PKG_VERSION"))]);
    assert_eq!(header(&got[1], "user-agent"), ["my-sdk/1.0"]);

    // Anthropic client: x-api-key, the configured version, every beta header, Accept */*.
    an.push(Reply::json(
        200,
        json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-t",
            "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn",
            "usage": {"input_tokens": 3, "output_tokens": 1}}),
    ));
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-beta", "a-2025")
        .header("anthropic-beta", "b-2025")
        .json(&json!({"model": "claude-t", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 200);
    let got = an.received();
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/v1/messages"));
    assert_eq!(header(r, "x-api-key"), ["sk-an-1"]);
    assert!(header(r, "authorization").is_empty());
    assert_eq!(header(r, "anthropic-version"), ["2023-06-01"]);
    assert_eq!(header(r, "anthropic-beta"), ["a-2025", "b-2025"]);
    assert_eq!(header(r, "accept"), ["*/*"]);
    assert_eq!(header(r, "content-length"), [r.body.len().to_string()]);
}

#[tokio::test]
async fn a_refused_connection_is_told_as_a_connection_failure() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let relay = Relay::start(&api_config(&format!("http://127.0.0.1:{port}"), &["sk-1"], "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-t", "hi")).await;
    assert!(resp.status().is_server_error(), "{}", resp.status());
    let v: serde_json::Value = resp.json().await.expect("json");
    let msg = v["error"]["message"].as_str().unwrap_or_default().to_string();
    assert!(msg.contains("connection failed") && msg.contains("onnect"), "{msg}");
    assert!(!msg.contains("sk-1"), "{msg}");
}
