//! The rest of the OpenAI surface through the relay against loopback upstreams: multipart
//! uploads streamed through (the upstream holds the first bytes while the client still sends),
//! the form's `model` routing and rewritten when mapped (before or after a large file),
//! `/v1/files` and `/v1/batches` pinned to the key that made them (after a restart too, and
//! never shown to another principal), and token usage recorded for embeddings, completions and
//! moderations.

use crate::common::*;
use axum::body::Bytes;
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const BOUNDARY: &str = "relaytestboundary";

pub(crate) fn part(name: &str, filename: Option<&str>, value: &[u8]) -> Vec<u8> {
    let mut out = format!("--{BOUNDARY}\r\n").into_bytes();
    match filename {
        Some(f) => out.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: audio/mpeg\r\n\r\n"
            )
            .as_bytes(),
        ),
        None => out.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
    }
    out.extend_from_slice(value);
    out.extend_from_slice(b"\r\n");
    out
}

pub(crate) fn end() -> Vec<u8> {
    format!("--{BOUNDARY}--\r\n").into_bytes()
}

pub(crate) fn content_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

/// (path, authorization, body) of each request the streaming upstream got.
type Bodies = Arc<Mutex<Vec<(String, String, Vec<u8>)>>>;

/// An upstream that records each body as it arrives, chunk by chunk, and tells when it has seen
/// `signal_at` bytes of one (before the body is complete).
struct Streaming {
    addr: std::net::SocketAddr,
    bodies: Bodies,
    seen: Arc<tokio::sync::Notify>,
}

async fn streaming_upstream(signal_at: usize, answer: Value) -> Streaming {
    let bodies: Bodies = Arc::default();
    let seen = Arc::new(tokio::sync::Notify::new());
    let (b, s) = (bodies.clone(), seen.clone());
    let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
        let (b, s, answer) = (b.clone(), s.clone(), answer.clone());
        async move {
            let path = req.uri().path().to_string();
            let auth = req.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            let mut body = req.into_body().into_data_stream();
            let mut got = Vec::new();
            let mut told = false;
            while let Some(Ok(chunk)) = body.next().await {
                got.extend_from_slice(&chunk);
                if !told && got.len() >= signal_at {
                    told = true;
                    s.notify_one();
                }
            }
            b.lock().unwrap().push((path, auth, got));
            axum::Json(answer)
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Streaming { addr, bodies, seen }
}

#[tokio::test]
async fn an_upload_streams_to_the_upstream_before_the_client_has_sent_it_all() {
    let up = streaming_upstream(
        64 * 1024,
        json!({"text": "hello there", "usage": {"type": "tokens", "input_tokens": 11, "output_tokens": 3}}),
    )
    .await;
    let yaml = api_config(&format!("http://{}", up.addr), &["sk-one"], "")
        .replace("model_routing:\n", "model_routing:\n  model_overrides: {\"whisper\": \"whisper-1\"}\n");
    let relay = Relay::start(&yaml).await;
    // The form's head and the first 256 KiB of the file, then (only once the upstream has seen
    // bytes of the file) the rest: a relay that buffered the whole body would never let it.
    let first: Vec<u8> = [part("model", None, b"whisper"), part("language", None, b"en")].concat();
    let audio: Vec<u8> = (0..512 * 1024u32).map(|i| (i % 253) as u8).collect();
    let file_head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n"
    );
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let body = reqwest::Body::wrap_stream(tokio_stream_of(rx));
    let send = tokio::spawn({
        let url = relay.url("/v1/audio/transcriptions");
        async move {
            client().post(url).bearer_auth(KEY).header("content-type", content_type()).body(body).send().await.unwrap()
        }
    });
    let mut head = first.clone();
    head.extend_from_slice(file_head.as_bytes());
    head.extend_from_slice(&audio[..256 * 1024]);
    tx.send(Ok(head)).await.unwrap();
    tokio::time::timeout(Duration::from_secs(30), up.seen.notified())
        .await
        .expect("the upstream got the upload's first bytes while the client was still sending");
    let mut rest = audio[256 * 1024..].to_vec();
    rest.extend_from_slice(b"\r\n");
    rest.extend_from_slice(&end());
    tx.send(Ok(rest)).await.unwrap();
    drop(tx);
    let resp = send.await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-monorelay-model"], "whisper-1");
    assert_eq!(resp.json::<Value>().await.unwrap()["text"], "hello there");
    let got = up.bodies.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    let (path, auth, body) = &got[0];
    assert_eq!(path, "/v1/audio/transcriptions");
    assert_eq!(auth, "Bearer sk-one");
    // The same form, byte for byte, but for the mapped model name.
    let expected: Vec<u8> = [
        part("model", None, b"whisper-1"),
        part("language", None, b"en"),
        file_head.into_bytes(),
        audio.clone(),
        b"\r\n".to_vec(),
        end(),
    ]
    .concat();
    assert!(body == &expected, "the upstream got a different form ({} bytes, expected {})", body.len(), expected.len());
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.requested_model, "whisper");
    assert_eq!(rec.model.as_deref(), Some("whisper-1"));
    assert_eq!(rec.status, 200);
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((11, 3)));
}

/// A stream of the chunks sent on `rx`.
fn tokio_stream_of(
    rx: tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) })
}

#[tokio::test]
async fn the_model_after_a_large_file_still_routes_and_every_other_form_is_refused() {
    let up = Upstream::start().await;
    let yaml = api_config(&up.url(), &["sk-one"], "")
        .replace("model_routing:\n", "model_routing:\n  model_overrides: {\"dall-e\": \"gpt-image-1\"}\n");
    let relay = Relay::start(&yaml).await;
    // A 3 MiB image before the fields: past what the relay keeps in memory.
    let image: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 241) as u8).collect();
    let form = |model: &[u8]| -> Vec<u8> {
        [part("image", Some("a.png"), &image), part("prompt", None, b"a red hat"), part("model", None, model), end()]
            .concat()
    };
    up.push(Reply::json(
        200,
        json!({"created": 1, "data": [{"b64_json": "aGk="}], "usage": {"input_tokens": 50, "output_tokens": 10}}),
    ));
    let resp = client()
        .post(relay.url("/v1/images/edits"))
        .bearer_auth(KEY)
        .header("content-type", content_type())
        .body(form(b"dall-e"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap()["data"][0]["b64_json"], "aGk=");
    let got = up.received();
    assert_eq!(got[0].path, "/v1/images/edits");
    assert!(got[0].body.as_ref() == form(b"gpt-image-1").as_slice(), "the form arrives whole, model rewritten");
    assert!(got[0].headers["content-type"].to_str().unwrap().contains(BOUNDARY));
    let rec = &relay.records.wait_for(1).await[0];
    assert_eq!(rec.tokens.as_ref().map(|t| (t.input, t.output)), Some((50, 10)));

    // No model, not a form, a broken form: 400s naming the problem, nothing sent upstream.
    let send = |ct: &'static str, body: Vec<u8>| {
        client().post(relay.url("/v1/audio/translations")).bearer_auth(KEY).header("content-type", ct).body(body).send()
    };
    let no_model = [part("file", Some("a.mp3"), b"abc"), end()].concat();
    let resp = send("multipart/form-data; boundary=relaytestboundary", no_model).await.unwrap();
    assert_eq!(resp.status(), 400);
    let msg = resp.json::<Value>().await.unwrap()["error"]["message"].as_str().unwrap().to_string();
    assert!(msg.contains("'model'"), "{msg}");
    let resp = send("application/json", b"{\"model\": \"whisper-1\"}".to_vec()).await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("multipart/form-data"));
    let broken = format!("--{BOUNDARY}\r\nX-No-Disposition: 1\r\n\r\nvalue\r\n--{BOUNDARY}--\r\n").into_bytes();
    let resp = send("multipart/form-data; boundary=relaytestboundary", broken).await.unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(up.received().len(), 1, "nothing more went upstream");
}

/// One upload through the relay.
async fn upload_file(relay: &Relay, token: &str, name: &str) -> reqwest::Response {
    let form = [part("purpose", None, b"batch"), part("file", Some(name), b"{\"custom_id\": \"1\"}\n"), end()].concat();
    client()
        .post(relay.url("/v1/files"))
        .bearer_auth(token)
        .header("content-type", content_type())
        .body(form)
        .send()
        .await
        .unwrap()
}

fn file_object(id: &str) -> Value {
    json!({"id": id, "object": "file", "bytes": 20, "created_at": 1, "filename": "in.jsonl", "purpose": "batch"})
}

#[tokio::test]
async fn files_and_batches_stay_with_the_key_that_made_them_across_a_restart() {
    let up = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let yaml = api_config(&up.url(), &["sk-one", "sk-two"], "    key_selection: round-robin\n");
    let mut relay = Relay::start_logged(&yaml, dir.path()).await;
    up.push(Reply::json(200, file_object("file-abc")));
    let resp = upload_file(&relay, KEY, "in.jsonl").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap()["id"], "file-abc");
    let maker = up.received()[0].auth();
    assert!(maker == "Bearer sk-one" || maker == "Bearer sk-two", "{maker}");
    assert!(std::str::from_utf8(&up.received()[0].body).unwrap().contains("custom_id"));

    // A batch over it goes to the same key, and so does everything about the batch.
    up.push(Reply::json(
        200,
        json!({"id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "file-abc", "status": "validating", "created_at": 2}),
    ));
    let resp = client()
        .post(relay.url("/v1/batches"))
        .bearer_auth(KEY)
        .json(&json!({"input_file_id": "file-abc", "endpoint": "/v1/chat/completions", "completion_window": "24h"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    up.push(Reply::json(
        200,
        json!({"id": "batch_1", "object": "batch", "status": "completed", "output_file_id": "file-out", "created_at": 2}),
    ));
    let resp = client().get(relay.url("/v1/batches/batch_1")).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(resp.json::<Value>().await.unwrap()["output_file_id"], "file-out");
    for _ in 0..4 {
        // Other requests rotate the keys meanwhile.
        up.push(Reply::json(
            200,
            json!({"object": "list", "data": [], "usage": {"prompt_tokens": 1, "total_tokens": 1}}),
        ));
        relay.post("/v1/embeddings", &json!({"model": "e", "input": "x"})).await;
    }
    relay.flush().await;
    relay.shutdown();
    relay.running.wait().await.unwrap();
    drop(relay);

    // After a restart on the same data dir.
    let relay = Relay::start_logged(&yaml, dir.path()).await;
    let before = up.received().len();
    up.push(Reply::Raw { status: 200, content_type: "application/octet-stream", body: b"{\"line\": 1}\n".to_vec() });
    let resp = client().get(relay.url("/v1/files/file-out/content")).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.bytes().await.unwrap(), Bytes::from_static(b"{\"line\": 1}\n"));
    up.push(Reply::json(200, json!({"id": "batch_1", "object": "batch", "status": "cancelling"})));
    let resp = client().post(relay.url("/v1/batches/batch_1/cancel")).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    up.push(Reply::json(
        200,
        json!({"object": "list", "data": [file_object("file-abc"), file_object("file-someone-else")], "has_more": false}),
    ));
    let listed: Value =
        client().get(relay.url("/v1/files?limit=10")).bearer_auth(KEY).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> = listed["data"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["file-abc"], "only files made through the relay");
    up.push(Reply::json(200, json!({"id": "file-abc", "object": "file", "deleted": true})));
    let resp = client().delete(relay.url("/v1/files/file-abc")).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let calls: Vec<(String, String, String)> =
        up.received()[before..].iter().map(|r| (r.method.clone(), r.path.clone(), r.auth())).collect();
    assert_eq!(
        calls,
        [
            ("GET".to_string(), "/v1/files/file-out/content".to_string(), maker.clone()),
            ("POST".to_string(), "/v1/batches/batch_1/cancel".to_string(), maker.clone()),
            ("GET".to_string(), "/v1/files".to_string(), maker.clone()),
            ("DELETE".to_string(), "/v1/files/file-abc".to_string(), maker.clone()),
        ]
    );
    // Deleted: unknown now, answered here without an upstream call; so is an id never made here.
    for id in ["file-abc", "file-never"] {
        let resp = client().get(relay.url(&format!("/v1/files/{id}"))).bearer_auth(KEY).send().await.unwrap();
        assert_eq!(resp.status(), 404);
        let msg = resp.json::<Value>().await.unwrap()["error"]["message"].as_str().unwrap().to_string();
        assert!(msg.contains(id), "{msg}");
    }
    let resp = client()
        .post(relay.url("/v1/batches"))
        .bearer_auth(KEY)
        .json(&json!({"input_file_id": "file-never", "endpoint": "/v1/chat/completions", "completion_window": "24h"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(up.received().len(), before + 4);
}

#[tokio::test]
async fn usage_of_embeddings_completions_and_moderations_is_recorded_with_its_cost() {
    let up = Upstream::start().await;
    let yaml = api_config(&up.url(), &["sk-one"], "")
        + "pricing:\n  \"embed-x\": {input: 1000000, output: 0}\n  \"davinci-x\": {input: 1000000, output: 1000000}\n";
    let dir = tempfile::tempdir().unwrap();
    let relay = Relay::start_logged(&yaml, dir.path()).await;
    up.push(Reply::json(200, json!({"object": "list", "data": [], "usage": {"prompt_tokens": 3, "total_tokens": 3}})));
    assert_eq!(relay.post("/v1/embeddings", &json!({"model": "embed-x", "input": "hello"})).await.status(), 200);
    up.push(Reply::json(
        200,
        json!({"id": "c", "object": "text_completion", "choices": [{"index": 0, "text": "lo", "finish_reason": "stop"}], "usage": {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3}}),
    ));
    assert_eq!(relay.post("/v1/completions", &json!({"model": "davinci-x", "prompt": "hel"})).await.status(), 200);
    // Moderations report no usage: the input is estimated, and marked so.
    up.push(Reply::json(
        200,
        json!({"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": false}]}),
    ));
    let text = "a sentence that is long enough to count as several tokens of input";
    assert_eq!(
        relay.post("/v1/moderations", &json!({"model": "omni-moderation-latest", "input": text})).await.status(),
        200
    );
    relay.flush().await;
    let mut socket =
        monorelay::admin::Client::connect(&dir.path().join(monorelay::admin::socket::SOCKET_FILE)).await.unwrap();
    let page = socket.call_value("logs.query", json!({"limit": 100})).await.unwrap();
    let entries: Vec<monorelay::record::LogEntry> = serde_json::from_value(page["entries"].clone()).unwrap();
    let by_model = |m: &str| entries.iter().find(|e| e.requested_model == m).cloned().unwrap();
    let e = by_model("embed-x");
    assert_eq!(e.tokens.as_ref().map(|t| t.input), Some(3));
    assert!(!e.tokens_estimated);
    assert!((e.cost_usd.unwrap() - 3.0).abs() < 1e-9, "{:?}", e.cost_usd);
    let c = by_model("davinci-x");
    assert!((c.cost_usd.unwrap() - 3.0).abs() < 1e-9, "{:?}", c.cost_usd);
    let m = by_model("omni-moderation-latest");
    assert!(m.tokens_estimated);
    assert!(m.tokens.as_ref().is_some_and(|t| t.input >= 10), "{:?}", m.tokens);
}
