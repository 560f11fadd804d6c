//! The `web_reverse` provider against a loopback fake of the ChatGPT web backend: the fake serves
//! a home page with a build id, issues real proof-of-work challenges on `chat-requirements` and
//! checks the proof token on `conversation` (SHA3-512 of seed ‖ answer below the difficulty; a
//! wrong one is refused), and answers in either stream format, cut, or with a challenge page.
//! Clients are the relay's OpenAI and Anthropic routes, stream and non-stream.

use crate::common::*;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use http::HeaderMap;
use serde_json::{Value, json};
use sha3::{Digest, Sha3_512};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Cumulative,
    Delta,
    Cut,
    Challenge,
    Expired,
    /// A gateway that does the sentinel itself: no proof is checked.
    Gateway,
    /// An error event after the first text.
    ErrorMidway,
    /// The proof is checked against another seed than the one issued, so it is wrong.
    WrongSeed,
}

struct Fake {
    mode: Mode,
    difficulty: String,
    /// The text the assistant answers with.
    answer: String,
    seed: String,
    home_hits: usize,
    requirements_hits: usize,
    verified: usize,
    conversations: Vec<Value>,
    requirements_seen: Arc<Notify>,
    /// The `oai-device-id` of each `chat-requirements` call.
    devices: Vec<String>,
}

type Shared = Arc<Mutex<Fake>>;

/// The backend's check: SHA3-512(seed ‖ answer), first k bytes below the difficulty.
fn proof_ok(seed: &str, difficulty_hex: &str, token: &str) -> bool {
    let Some(answer) = token.strip_prefix("gAAAAAB") else { return false };
    let target: Vec<u8> = (0..difficulty_hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&difficulty_hex[i..i + 2], 16).unwrap())
        .collect();
    let mut h = Sha3_512::new();
    h.update(seed.as_bytes());
    h.update(answer.as_bytes());
    let hash = h.finalize();
    // The answer must be the base64 of the 18-value fingerprint.
    let decoded = base64::engine::general_purpose::STANDARD.decode(answer).ok();
    let list: Option<Vec<Value>> = decoded.and_then(|d| serde_json::from_slice(&d).ok());
    list.is_some_and(|l| l.len() == 18) && hash[..target.len()] < target[..]
}

async fn home(State(s): State<Shared>) -> Response {
    s.lock().unwrap().home_hits += 1;
    Response::builder()
        .header("content-type", "text/html")
        .body(Body::from(r#"<html data-build="x"><script src="/cdn/c/dpl-42/_next/main.js"></script></html>"#))
        .unwrap()
}

async fn requirements(State(s): State<Shared>, headers: HeaderMap, body: String) -> Response {
    let (notify, mode, difficulty, seed) = {
        let mut f = s.lock().unwrap();
        f.requirements_hits += 1;
        f.seed = format!("seed-{}", f.requirements_hits);
        (f.requirements_seen.clone(), f.mode, f.difficulty.clone(), f.seed.clone())
    };
    notify.notify_one();
    let device = headers.get("oai-device-id").and_then(|v| v.to_str().ok()).expect("a device id");
    s.lock().unwrap().devices.push(device.to_string());
    let p: Value = serde_json::from_str(&body).unwrap();
    assert!(p["p"].as_str().unwrap().starts_with("gAAAAAC"), "{p}");
    if mode == Mode::Expired {
        return Response::builder()
            .status(401)
            .header("content-type", "application/json")
            .body(Body::from(r#"{"detail":"Your authentication token has expired."}"#))
            .unwrap();
    }
    let v =
        json!({"token": "chat-req-token", "proofofwork": {"required": true, "seed": seed, "difficulty": difficulty}});
    Response::builder()
        .header("content-type", "application/json")
        .header("set-cookie", "__cf_bm=abc; Path=/")
        .body(Body::from(v.to_string()))
        .unwrap()
}

fn legacy(id: &str, text: &str, status: &str) -> String {
    let v = json!({"message": {"id": id, "author": {"role": "assistant"}, "status": status,
        "content": {"content_type": "text", "parts": [text]}, "metadata": {"finish_details": {"type": "stop"}}},
        "conversation_id": "conv-1", "error": null});
    format!("data: {v}\n\n")
}

fn delta_frames(text: &str) -> Vec<String> {
    let add = json!({"p": "", "o": "add", "v": {"message": {"id": "m-d", "author": {"role": "assistant"},
        "status": "in_progress", "content": {"content_type": "text", "parts": [""]}, "metadata": {}}, "conversation_id": "conv-2"}, "c": 0});
    let mut frames =
        vec!["event: delta_encoding\ndata: \"v1\"\n\n".to_string(), format!("event: delta\ndata: {add}\n\n")];
    let mid = text.len() / 2;
    frames.push(format!(
        "event: delta\ndata: {}\n\n",
        json!({"p": "/message/content/parts/0", "o": "append", "v": &text[..mid]})
    ));
    frames.push(format!("event: delta\ndata: {}\n\n", json!({"v": &text[mid..]})));
    frames.push(format!(
        "event: delta\ndata: {}\n\n",
        json!({"p": "", "o": "patch", "v": [{"p": "/message/status", "o": "replace", "v": "finished_successfully"}]})
    ));
    frames.push(format!("data: {}\n\n", json!({"type": "message_stream_complete", "conversation_id": "conv-2"})));
    frames.push("data: [DONE]\n\n".to_string());
    frames
}

async fn conversation(State(s): State<Shared>, headers: HeaderMap, body: String) -> Response {
    let (mode, answer, seed, difficulty) = {
        let f = s.lock().unwrap();
        (f.mode, f.answer.clone(), f.seed.clone(), f.difficulty.clone())
    };
    assert_eq!(headers["authorization"], "Bearer tok-1");
    if mode == Mode::Gateway {
        assert!(headers.get("openai-sentinel-proof-token").is_none(), "conversation_only sends no proof");
        let frames = format!("{}data: [DONE]\n\n", legacy("m-g", &answer, "finished_successfully"));
        return Response::builder().header("content-type", "text/event-stream").body(Body::from(frames)).unwrap();
    }
    assert!(headers["cookie"].to_str().unwrap().contains("__cf_bm=abc"), "the session keeps cookies");
    if mode == Mode::Challenge {
        return Response::builder()
            .status(403)
            .header("content-type", "text/html")
            .body(Body::from("<!DOCTYPE html><html><title>Just a moment...</title><script src=\"/cdn-cgi/challenge-platform/x\"></script></html>"))
            .unwrap();
    }
    let proof = headers.get("openai-sentinel-proof-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let req_token = headers.get("openai-sentinel-chat-requirements-token").and_then(|v| v.to_str().ok());
    let seed = if mode == Mode::WrongSeed { format!("{seed}-other") } else { seed };
    if req_token != Some("chat-req-token") || !proof_ok(&seed, &difficulty, proof) {
        return Response::builder()
            .status(403)
            .header("content-type", "application/json")
            .body(Body::from(r#"{"detail":"Invalid proof of work"}"#))
            .unwrap();
    }
    {
        let mut f = s.lock().unwrap();
        f.verified += 1;
        f.conversations.push(serde_json::from_str(&body).unwrap());
    }
    let frames: Vec<String> = match mode {
        Mode::Delta => delta_frames(&answer),
        _ => {
            let mut v = Vec::new();
            let chars: Vec<char> = answer.chars().collect();
            for n in [chars.len() / 3, 2 * chars.len() / 3, chars.len()] {
                let part: String = chars[..n].iter().collect();
                let status = if n == chars.len() { "finished_successfully" } else { "in_progress" };
                v.push(legacy("m-l", &part, status));
            }
            if mode == Mode::ErrorMidway {
                v.truncate(1);
                v.push("data: {\"error\": \"Something went wrong while generating the response.\"}\n\n".to_string());
                v.push("data: [DONE]\n\n".to_string());
            } else if mode == Mode::Cut {
                v.truncate(1);
                v.push("data: {\"message\": {\"id\": \"m-l\", \"author\"".to_string());
            } else {
                v.push("data: [DONE]\n\n".to_string());
            }
            v
        }
    };
    let cut = mode == Mode::Cut;
    let stream = futures_util::stream::unfold((frames.into_iter(), cut), |(mut it, cut)| async move {
        match it.next() {
            Some(f) => Some((Ok::<_, std::io::Error>(bytes::Bytes::from(f)), (it, cut))),
            None if cut => {
                // Pending first, so hyper flushes what was sent before the connection is cut.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                Some((Err(std::io::Error::other("cut")), (it, false)))
            }
            None => None,
        }
    });
    Response::builder().header("content-type", "text/event-stream").body(Body::from_stream(stream)).unwrap()
}

async fn start_fake(mode: Mode, difficulty: &str, answer: &str) -> (String, Shared) {
    let state: Shared = Arc::new(Mutex::new(Fake {
        mode,
        difficulty: difficulty.into(),
        answer: answer.into(),
        seed: String::new(),
        home_hits: 0,
        requirements_hits: 0,
        verified: 0,
        conversations: Vec::new(),
        requirements_seen: Arc::new(Notify::new()),
        devices: Vec::new(),
    }));
    let app = Router::new()
        .route("/", get(home))
        .route("/backend-api/sentinel/chat-requirements", post(requirements))
        .route("/backend-api/conversation", post(conversation))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, state)
}

fn web_config(url: &str, web_extra: &str) -> String {
    format!(
        "server: {{access_key: \"{KEY}\"}}\nproviders:\n  web:\n    provider_type: web_reverse\n    base_url: \"{url}\"\n    rate_limit_cooldown: 60\n    keys: [{{key: tok-1, label: main}}]\n    models: {{include: [gpt-4o]}}\n    web_reverse:\n      pow_difficulty: \"000fff\"\n      model_mapping: {{\"gpt-4o\": \"gpt-4o-web\"}}\n{web_extra}  mock:\n    provider_type: mock\n    models: {{include: [echo]}}\n"
    )
}

fn openai_text(chunks: &[String]) -> String {
    chunks
        .iter()
        .filter(|d| d.as_str() != "[DONE]")
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v.pointer("/choices/0/delta/content").and_then(Value::as_str).map(String::from))
        .collect()
}

#[tokio::test]
async fn openai_stream_cumulative_format_sends_each_piece_once_with_a_verified_proof() {
    let (url, fake) = start_fake(Mode::Cumulative, "00ffff", "Hello, world! Bonjour.").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let body = json!({"model": "gpt-4o", "stream": true, "messages": [
        {"role": "system", "content": "Be terse."},
        {"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}, {"role": "user", "content": "again"}]});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let data = sse_data(resp).await;
    assert_eq!(openai_text(&data), "Hello, world! Bonjour.");
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let f = fake.lock().unwrap();
    assert_eq!(f.verified, 1);
    let conv = &f.conversations[0];
    assert_eq!(conv["model"], "gpt-4o-web");
    let roles: Vec<&str> =
        conv["messages"].as_array().unwrap().iter().map(|m| m["author"]["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["system", "user", "assistant", "user"], "system prompt and earlier turns are kept");
    assert_eq!(conv["messages"][0]["content"]["parts"][0], "Be terse.");
}

#[tokio::test]
async fn session_and_build_id_are_reused_and_non_stream_reads_the_delta_format() {
    let (url, fake) = start_fake(Mode::Delta, "00ffff", "Bonjour tout le monde").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    for _ in 0..2 {
        let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "salut")).await;
        assert_eq!(resp.status(), 200);
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["choices"][0]["message"]["content"], "Bonjour tout le monde");
        assert_eq!(v["choices"][0]["finish_reason"], "stop");
        assert!(v["usage"]["completion_tokens"].as_u64().unwrap() > 0, "usage is estimated: {v}");
        assert_eq!(v["usage"]["estimated"], true, "and marked so: {v}");
    }
    let f = fake.lock().unwrap();
    assert_eq!(f.verified, 2);
    assert_eq!(f.home_hits, 1, "the build id is cached");
}

#[tokio::test]
async fn anthropic_clients_stream_and_non_stream() {
    let (url, _fake) = start_fake(Mode::Delta, "00ffff", "Salut Claude").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let body = json!({"model": "gpt-4o", "max_tokens": 100, "system": "Be kind.", "messages": [{"role": "user", "content": "hi"}]});
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["content"][0]["text"], "Salut Claude", "{v}");
    assert_eq!(v["stop_reason"], "end_turn");

    let mut body = body;
    body["stream"] = json!(true);
    let resp = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    let deltas: String = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| v.pointer("/delta/text").and_then(Value::as_str).map(String::from))
        .collect();
    assert_eq!(deltas, "Salut Claude");
    assert!(text.contains("message_stop"));
}

#[tokio::test]
async fn tools_are_emulated() {
    let answer = r#"{"tool_call": {"name": "weather", "arguments": {"city": "Paris"}}}"#;
    let (url, fake) = start_fake(Mode::Cumulative, "00ffff", answer).await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let body = json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "weather in Paris?"}],
        "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]});
    let resp = relay.post("/v1/chat/completions", &body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let call = &v["choices"][0]["message"]["tool_calls"][0]["function"];
    assert_eq!(call["name"], "weather", "{v}");
    assert_eq!(serde_json::from_str::<Value>(call["arguments"].as_str().unwrap()).unwrap(), json!({"city": "Paris"}));
    let f = fake.lock().unwrap();
    let system = f.conversations[0]["messages"][0]["content"]["parts"][0].as_str().unwrap().to_string();
    assert!(system.contains("weather"), "the tools are described to the model: {system}");
}

#[tokio::test]
async fn the_fake_rejects_a_wrong_proof() {
    assert!(!proof_ok("seed-1", "00ffff", "gAAAAABnot-a-proof"));
    assert!(!proof_ok("seed-1", "00ffff", ""));
}

#[tokio::test]
async fn a_difficulty_beyond_the_cap_is_refused_and_the_key_cools() {
    let (url, fake) = start_fake(Mode::Cumulative, "00000001", "never").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 429);
    let v: Value = resp.json().await.unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("proof-of-work difficulty '00000001'") && msg.contains("refused"), "{msg}");
    // The key cools: the next request does not reach the backend.
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(relay.app.runtime.load().providers[0].pool.view()[0].status.name(), "cooling");
    let f = fake.lock().unwrap();
    assert_eq!(f.requirements_hits, 1);
    assert_eq!(f.verified, 0);
}

#[tokio::test]
async fn a_hard_proof_of_work_never_blocks_other_requests() {
    // About 1.1e12 attempts expected, allowed by the caps: the search runs until its 10 s cap.
    let (url, fake) = start_fake(Mode::Cumulative, "0000000001", "late").await;
    let caps =
        "      pow_difficulty: \"000000000001\"\n      pow_max_attempts: 10000000000000\n      pow_max_secs: 10\n";
    let cfg = web_config(&url, "").replace("      pow_difficulty: \"000fff\"\n", caps);
    let relay = Relay::start(&cfg).await;
    let seen = fake.lock().unwrap().requirements_seen.clone();
    let web_url = relay.url("/v1/chat/completions");
    let web = tokio::spawn(async move {
        client().post(web_url).bearer_auth(KEY).json(&chat("gpt-4o", "hi")).send().await.unwrap().status()
    });
    // The challenge was issued: the proof of work starts now.
    seen.notified().await;
    let resp = relay.post("/v1/chat/completions", &chat("echo", "plain")).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "plain");
    assert!(!web.is_finished(), "the plain request completed while the proof of work was still running");
    // The search ends at its time cap with a refusal.
    assert_eq!(web.await.unwrap(), 429);
    assert_eq!(fake.lock().unwrap().verified, 0);
}

#[tokio::test]
async fn an_expired_token_is_401_and_the_key_is_invalid() {
    let (url, fake) = start_fake(Mode::Expired, "00ffff", "x").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 401);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("expired"), "{v}");
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 503, "the invalid key is not used again");
    assert_eq!(relay.app.runtime.load().providers[0].pool.view()[0].status.name(), "invalid");
    assert_eq!(fake.lock().unwrap().requirements_hits, 1);
}

#[tokio::test]
async fn a_challenge_page_is_a_clear_502() {
    let (url, _fake) = start_fake(Mode::Challenge, "00ffff", "x").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("Cloudflare challenge page"), "{v}");
}

#[tokio::test]
async fn a_cut_stream_ends_with_an_error_never_a_success() {
    let (url, _fake) = start_fake(Mode::Cut, "00ffff", "Hello there, friend").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let mut body = chat("gpt-4o", "hi");
    body["stream"] = json!(true);
    let resp = relay.post("/v1/chat/completions", &body).await;
    let status = resp.status();
    let data = sse_data(resp).await;
    assert_eq!(status, 200, "{data:?}");
    assert_eq!(openai_text(&data), "Hello ");
    assert!(data.iter().any(|d| d.contains("\"error\"")), "{data:?}");
    assert!(!data.iter().any(|d| d.contains("\"finish_reason\":\"stop\"")), "{data:?}");

    let (url, _fake) = start_fake(Mode::Cut, "00ffff", "Hello there, friend").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("broke off"), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_test_and_models_work_through_the_admin_client() {
    use monorelay::admin::socket::SOCKET_FILE;
    use monorelay::admin::{Client, ProviderName, ProviderTest};
    let (url, fake) = start_fake(Mode::Delta, "00ffff", "pong").await;
    let dir = tempfile::tempdir().unwrap();
    // No `models.include`: the test model comes from `model_mapping`.
    let cfg = web_config(&url, "").replace("    models: {include: [gpt-4o]}\n    web_reverse", "    web_reverse");
    let relay = Relay::start_logged(&cfg, dir.path()).await;
    let mut c = Client::connect(&dir.path().join(SOCKET_FILE)).await.unwrap();
    let rows = c.providers_test(&ProviderTest { names: vec!["web".into()], model: None }).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].ok, "{rows:?}");
    assert_eq!(rows[0].model.as_deref(), Some("gpt-4o"));
    assert_eq!(fake.lock().unwrap().verified, 1);
    let models = c.providers_models(&ProviderName { name: "web".into() }).await.unwrap();
    assert_eq!(models.models, ["gpt-4o"]);
    drop(relay);
}

#[tokio::test]
async fn every_call_goes_through_proxy_url() {
    // The fake also serves as an HTTP proxy: it routes absolute-form requests by their path.
    let (fake_url, fake) = start_fake(Mode::Cumulative, "00ffff", "via proxy").await;
    let extra = format!("      proxy_url: \"{fake_url}\"\n");
    let cfg = web_config("http://chatgpt.invalid", &extra);
    let relay = Relay::start(&cfg).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "via proxy");
    let f = fake.lock().unwrap();
    assert_eq!((f.home_hits, f.requirements_hits, f.verified), (1, 1, 1));
}

#[test]
fn web_reverse_settings_are_checked() {
    use monorelay::config::{ConfigSource, load_str};
    let bad = "providers:\n  w:\n    provider_type: web_reverse\n    keys: [{key: t}]\n    web_reverse:\n      pow_difficulty: \"3a0\"\n      pow_max_secs: 0\n      proxy_url: \"ftp://user:secret@x\"\n      powdifficulty: \"00\"\n";
    let e = load_str(bad, ConfigSource::Embedded, &|_| None).unwrap_err().to_string();
    assert!(e.contains("providers.w.web_reverse.pow_difficulty: '3a0' is not a hex difficulty"), "{e}");
    assert!(e.contains("providers.w.web_reverse.pow_max_secs: must be between"), "{e}");
    assert!(e.contains("providers.w.web_reverse.proxy_url: not an http(s) or socks5 URL"), "{e}");
    assert!(!e.contains("secret"), "a proxy password never prints: {e}");
    assert!(e.contains("powdifficulty"), "unknown keys are errors: {e}");

    let ok = "providers:\n  w:\n    provider_type: web_reverse\n    keys: [{key: t}]\n";
    let c = load_str(ok, ConfigSource::Embedded, &|_| None).unwrap();
    let p = &c.providers[0];
    assert_eq!(p.base_url, "https://chatgpt.com", "chatgpt_base_url is the default base_url");
    let w = p.web.as_ref().unwrap();
    assert_eq!(
        (w.pow_difficulty.as_slice(), w.pow_max_attempts, w.conversation_only),
        (&[0, 0, 0x3a][..], 500_000, false)
    );
}

#[tokio::test]
async fn conversation_only_skips_the_sentinel() {
    let (url, fake) = start_fake(Mode::Gateway, "00ffff", "from the gateway").await;
    let relay = Relay::start(&web_config(&url, "      conversation_only: true\n")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "from the gateway");
    let f = fake.lock().unwrap();
    assert_eq!((f.home_hits, f.requirements_hits), (0, 0));
}

#[tokio::test]
async fn an_unknown_difficulty_format_is_a_clear_502() {
    let (url, _fake) = start_fake(Mode::Cumulative, "0x3a!", "x").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("'0x3a!' is not in a known format"), "{v}");
}

#[tokio::test]
async fn an_error_event_midway_reaches_both_dialects_as_an_error() {
    let (url, _fake) = start_fake(Mode::ErrorMidway, "00ffff", "Partial answer here").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let mut body = chat("gpt-4o", "hi");
    body["stream"] = json!(true);
    let data = sse_data(relay.post("/v1/chat/completions", &body).await).await;
    assert_eq!(openai_text(&data), "Partia");
    assert!(data.iter().any(|d| d.contains("Something went wrong")), "{data:?}");
    assert!(!data.iter().any(|d| d.contains("\"finish_reason\":\"stop\"")), "{data:?}");

    // The failure cooled the key: a fresh relay for each client.
    let (url, _fake) = start_fake(Mode::ErrorMidway, "00ffff", "Partial answer here").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let body =
        json!({"model": "gpt-4o", "max_tokens": 50, "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let text = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("event: error") && text.contains("Something went wrong"), "{text}");
    assert!(!text.contains("message_stop"), "{text}");

    // Non-stream: nothing was sent yet, so it is a plain error answer.
    let (url, _fake) = start_fake(Mode::ErrorMidway, "00ffff", "Partial answer here").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 502);
}

#[tokio::test]
async fn a_refused_proof_is_a_backend_fault_not_an_invalid_key() {
    let (url, fake) = start_fake(Mode::WrongSeed, "00ffff", "x").await;
    let relay = Relay::start(&web_config(&url, "")).await;
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await;
    assert_eq!(resp.status(), 502);
    let v: Value = resp.json().await.unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("Invalid proof of work"), "{v}");
    assert_eq!(fake.lock().unwrap().verified, 0);
    let view = relay.app.runtime.load().providers[0].pool.view();
    assert_ne!(view[0].status.name(), "invalid", "the token is fine: only the backend refused");
}

#[tokio::test]
async fn a_reload_keeps_sessions_and_the_build_id_and_the_log_marks_tokens_estimated() {
    let (url, fake) = start_fake(Mode::Cumulative, "00ffff", "Hi there, friend.").await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    std::fs::write(&cfg, web_config(&url, "")).unwrap();
    let relay = Relay::start_logged_file(&cfg, &data).await;
    assert_eq!(relay.post("/v1/chat/completions", &chat("gpt-4o", "hi")).await.status(), 200);
    // A reload that changes the provider: a new runtime, new providers.
    std::fs::write(&cfg, web_config(&url, "").replace("rate_limit_cooldown: 60", "rate_limit_cooldown: 61")).unwrap();
    monorelay::server::reload_now(&relay.app).unwrap();
    let cooldown = relay.app.runtime.load().providers[0].config.cooldown;
    assert_eq!(cooldown, std::time::Duration::from_secs(61), "the reload took effect");
    assert_eq!(relay.post("/v1/chat/completions", &chat("gpt-4o", "again")).await.status(), 200);
    {
        let f = fake.lock().unwrap();
        assert_eq!(f.verified, 2);
        assert_eq!(f.home_hits, 1, "the build id survived the reload");
        assert_eq!(f.devices.len(), 2);
        assert_eq!(f.devices[0], f.devices[1], "the key's session (device id, cookies) survived the reload");
    }
    relay.flush().await;
    let mut socket =
        monorelay::admin::Client::connect(&data.join(monorelay::admin::socket::SOCKET_FILE)).await.unwrap();
    let page = socket.call_value("logs.query", json!({"limit": 10})).await.unwrap();
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for e in entries {
        assert_eq!(e["tokens_estimated"], true, "{e}");
        assert!(e["tokens"]["output"].as_u64().unwrap() > 0, "{e}");
    }
    // `logs` shows the estimate as such (`~input/output`).
    let out = cli(&cfg, &data, &["logs", "tail", "-n", "5"]).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("tok ~"), "{text} {}", String::from_utf8_lossy(&out.stderr));
}
