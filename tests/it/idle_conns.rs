//! Shedding idle upstream connections when the relay is quiet (`providers::direct`, called from
//! `mem::trim_when_idle` through `Shared::shed_idle_connections`): against a loopback upstream
//! that counts the connections it accepted and those still open, all but the most recently used
//! are closed, a connection waiting for its answer is never closed, and requests after a shed
//! still go through (on a kept connection, not a new one).

use crate::common::{KEY, Relay, api_config, chat, client, completion};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A loopback OpenAI-dialect upstream that answers every request with a completion after
/// `delay_ms` and counts connections.
struct Counting {
    url: String,
    accepted: Arc<AtomicUsize>,
    open: Arc<AtomicUsize>,
    received: Arc<AtomicUsize>,
    delay_ms: Arc<AtomicUsize>,
}

impl Counting {
    async fn start() -> Counting {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (accepted, open) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let (received, delay_ms) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let c = Counting {
            url,
            accepted: accepted.clone(),
            open: open.clone(),
            received: received.clone(),
            delay_ms: delay_ms.clone(),
        };
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else { return };
                accepted.fetch_add(1, Ordering::SeqCst);
                open.fetch_add(1, Ordering::SeqCst);
                let (open, received, delay_ms) = (open.clone(), received.clone(), delay_ms.clone());
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |_req: hyper::Request<hyper::body::Incoming>| {
                        let (received, delay_ms) = (received.clone(), delay_ms.clone());
                        async move {
                            received.fetch_add(1, Ordering::SeqCst);
                            let delay = delay_ms.load(Ordering::SeqCst) as u64;
                            tokio::time::sleep(Duration::from_millis(delay)).await;
                            let body = completion("hello").to_string();
                            let resp = hyper::Response::builder()
                                .header("content-type", "application/json")
                                .body(http_body_util::Full::new(bytes::Bytes::from(body)))
                                .unwrap();
                            Ok::<_, std::convert::Infallible>(resp)
                        }
                    });
                    let io = hyper_util::rt::TokioIo::new(tcp);
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
                    open.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        c
    }
}

/// Wait (up to 10 s, polling) until `f` holds; false if it never did.
async fn eventually(f: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    f()
}

async fn relay_to(up: &Counting) -> Relay {
    Relay::start(&api_config(&up.url, &["k1"], "")).await
}

#[tokio::test]
async fn quiet_relay_closes_idle_upstream_connections_but_the_most_recent() {
    let up = Counting::start().await;
    let relay = relay_to(&up).await;
    // Six requests at once, each held 300 ms upstream: six upstream connections.
    up.delay_ms.store(300, Ordering::SeqCst);
    let bodies: Vec<_> = (0..6).map(|i| chat("gpt-4o", &format!("hi {i}"))).collect();
    let sends = bodies.iter().map(|b| relay.post("/v1/chat/completions", b));
    for resp in futures_util::future::join_all(sends).await {
        assert_eq!(resp.status(), 200);
    }
    assert_eq!(up.accepted.load(Ordering::SeqCst), 6, "one upstream connection per concurrent request");
    assert!(up.open.load(Ordering::SeqCst) >= 2);

    let asked = relay.app.shared.shed_idle_connections(2);
    assert!(asked <= 4, "only the connections beyond the two kept are closed (asked {asked})");
    assert!(eventually(|| up.open.load(Ordering::SeqCst) == 2).await, "open: {}", up.open.load(Ordering::SeqCst));
    assert_eq!(relay.app.shared.idle_connections(), 2);

    // The next requests go out on a kept connection: no new one is made.
    up.delay_ms.store(0, Ordering::SeqCst);
    for i in 0..3 {
        let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", &format!("again {i}"))).await;
        assert_eq!(resp.status(), 200);
    }
    assert_eq!(up.accepted.load(Ordering::SeqCst), 6);
}

#[tokio::test]
async fn a_connection_waiting_for_its_answer_is_not_closed() {
    let up = Counting::start().await;
    let relay = relay_to(&up).await;
    up.delay_ms.store(1_000, Ordering::SeqCst);
    let pending = client().post(relay.url("/v1/chat/completions")).bearer_auth(KEY).json(&chat("gpt-4o", "slow"));
    let pending = tokio::spawn(pending.send());
    assert!(eventually(|| up.received.load(Ordering::SeqCst) == 1).await);

    // Keep none: the only connection is waiting for its answer, so it stays.
    assert_eq!(relay.app.shared.shed_idle_connections(0), 0);
    let resp = pending.await.unwrap().unwrap();
    assert_eq!(resp.status(), 200);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "hello");

    // Answered, it is idle: now it goes, and the next request makes a new one.
    assert_eq!(relay.app.shared.shed_idle_connections(0), 1);
    assert!(eventually(|| up.open.load(Ordering::SeqCst) == 0).await);
    up.delay_ms.store(0, Ordering::SeqCst);
    let resp = relay.post("/v1/chat/completions", &chat("gpt-4o", "after")).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(up.accepted.load(Ordering::SeqCst), 2);
}
