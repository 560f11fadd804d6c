//! `Server::builder`: what it assembles (data dir, access key, request log, control socket), the
//! errors it reports before anything runs, and supervision of background tasks.

use crate::common::*;
use monorelay::config::{self, ConfigSource};
use monorelay::server::{OnPanic, Server, ServerError};
use std::time::Duration;

fn mock_config(extra: &str) -> config::Config {
    let yaml =
        format!("providers:\n  mock: {{provider_type: mock}}\nmodel_routing: {{default_provider: mock}}\n{extra}");
    config::load_str(&yaml, ConfigSource::Embedded, &|_| None).unwrap()
}

/// A server on the mock provider with the test's access key.
async fn keyed_server() -> Server {
    Server::builder(mock_config(""))
        .listen("127.0.0.1", 0)
        .access_key(monorelay::secret::Secret::new(KEY.to_string()))
        .build()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_data_dir_gets_a_private_access_key_a_log_and_a_control_socket() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::builder(mock_config("")).listen("127.0.0.1", 0).data_dir(&data).build().await.unwrap();
    let access = server.access_key().clone();
    assert!(access.generated && access.created);
    let key = access.key.clone().unwrap();
    assert_eq!(std::fs::read_to_string(data.join("access_key")).unwrap().trim(), key.expose());
    assert!(data.join(monorelay::admin::socket::SOCKET_FILE).exists());
    assert!(data.join(monorelay::store::DB_FILE).exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
    }
    let base = format!("http://{}", server.local_addr());
    let running = server.spawn();
    let resp = client()
        .post(format!("{base}/v1/chat/completions"))
        .bearer_auth(key.expose())
        .json(&chat("echo", "hi"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    running.stop().await.unwrap();
    // The socket is gone after a clean stop, and a second start reuses the kept key.
    assert!(!data.join(monorelay::admin::socket::SOCKET_FILE).exists());
    let again = Server::builder(mock_config("")).listen("127.0.0.1", 0).data_dir(&data).build().await.unwrap();
    assert!(again.access_key().generated && !again.access_key().created);
    assert_eq!(again.access_key().key.as_ref().unwrap().expose(), key.expose());
}

#[tokio::test]
async fn build_errors_name_what_failed() {
    let taken = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = taken.local_addr().unwrap().port();
    let err = Server::builder(mock_config("")).listen("127.0.0.1", port).build().await.err().unwrap();
    assert!(matches!(err, ServerError::Listen { .. }), "{err}");
    assert!(err.to_string().contains(&format!("127.0.0.1:{port}")), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = Server::builder(mock_config(""))
        .listen("127.0.0.1", 0)
        .data_dir(file.join("data"))
        .build()
        .await
        .err()
        .unwrap();
    assert!(matches!(err, ServerError::DataDir { .. }), "{err}");

    // A second server on the same data dir is refused (the database is locked), before it serves.
    let data = dir.path().join("data");
    let _first = Server::builder(mock_config("")).listen("127.0.0.1", 0).data_dir(&data).build().await.unwrap();
    let err = Server::builder(mock_config("")).listen("127.0.0.1", 0).data_dir(&data).build().await.err().unwrap();
    assert!(matches!(err, ServerError::Store { .. }), "{err}");
    assert!(err.to_string().contains("in use by another process"), "{err}");
}

#[tokio::test]
async fn a_critical_task_that_panics_stops_the_server_cleanly_with_the_reason() {
    let mut server = Server::builder(mock_config("")).listen("127.0.0.1", 0).build().await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let gate = std::sync::Arc::new(tokio::sync::Mutex::new(Some(rx)));
    server.supervise("critical test task", OnPanic::Shutdown, move || {
        let gate = gate.clone();
        async move {
            if let Some(rx) = gate.lock().await.take() {
                let _ = rx.await;
            }
            panic!("the test pulled the plug");
        }
    });
    let mut running = server.spawn();
    // Serving until the task fails.
    let resp =
        client().post(format!("{base}/v1/chat/completions")).bearer_auth(KEY).json(&chat("echo", "x")).send().await;
    assert_eq!(resp.unwrap().status(), 401, "no access key configured or given: every request is refused");
    tx.send(()).unwrap();
    let err =
        tokio::time::timeout(Duration::from_secs(30), running.wait()).await.expect("the server stops").unwrap_err();
    assert!(matches!(err, ServerError::Task(_)), "{err}");
    assert!(err.to_string().contains("critical test task") && err.to_string().contains("pulled the plug"), "{err}");
}

#[tokio::test]
async fn a_restartable_task_that_panics_is_restarted_and_the_server_keeps_serving() {
    let mut server = keyed_server().await;
    let base = format!("http://{}", server.local_addr());
    let runs = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let r = runs.clone();
    server.supervise("flaky test task", OnPanic::Restart, move || {
        let n = r.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        async move {
            if n == 0 {
                panic!("first run fails");
            }
            std::future::pending::<()>().await;
        }
    });
    let running = server.spawn();
    for _ in 0..200 {
        if runs.load(std::sync::atomic::Ordering::SeqCst) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 2, "restarted once");
    let resp =
        client().post(format!("{base}/v1/chat/completions")).bearer_auth(KEY).json(&chat("echo", "x")).send().await;
    assert_eq!(resp.unwrap().status(), 200);
    running.stop().await.unwrap();
}

/// Each thread of this process whose name starts with `prefix`, with its CPU time so far (ns).
#[cfg(target_os = "linux")]
fn threads_named(prefix: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for t in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.trim().starts_with(prefix) {
            let stat = std::fs::read_to_string(t.path().join("schedstat")).unwrap_or_default();
            let ns = stat.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0);
            out.push((t.file_name().to_string_lossy().into_owned(), ns));
        }
    }
    out
}

/// With serving threads, connections are handed round robin to single-threaded runtimes of their
/// own: every one of them serves (plain answers and streams, through one upstream pool), and they
/// end with the server. No other test in this process starts serving threads, so the count is
/// exact.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn serving_threads_serve_every_connection_and_stop_with_the_server() {
    let up = Upstream::start().await;
    let config = config::load_str(&api_config(&up.url(), &["k1"], ""), ConfigSource::Embedded, &|_| None).unwrap();
    let server = Server::builder(config)
        .listen("127.0.0.1", 0)
        .access_key(monorelay::secret::Secret::new(KEY.to_string()))
        .watch_config(false)
        .serving_threads(2)
        .build()
        .await
        .unwrap();
    let base = format!("http://{}", server.local_addr());
    let running = server.spawn();
    // They start with the accept loop, on the server's task.
    let started = wait_for_threads(2).await;
    // Four connections (a client each), two requests on each: a plain answer and a stream.
    for i in 0..4 {
        let c = client();
        up.push(Reply::json(200, completion(&format!("answer {i}"))));
        let resp = c.post(format!("{base}/v1/chat/completions")).bearer_auth(KEY).json(&chat("m", "hi")).send().await;
        let body: serde_json::Value = resp.unwrap().json().await.unwrap();
        assert_eq!(body["choices"][0]["message"]["content"], format!("answer {i}"));
        up.push(Reply::sse(&[&chunk("a"), &chunk("b"), "[DONE]"]));
        let mut req = chat("m", "hi");
        req["stream"] = serde_json::json!(true);
        let resp = c.post(format!("{base}/v1/chat/completions")).bearer_auth(KEY).json(&req).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        let data = sse_data(resp).await;
        assert_eq!(data.last().map(String::as_str), Some("[DONE]"), "{data:?}");
        assert!(data.iter().any(|d| d.contains("\"b\"")), "{data:?}");
    }
    assert_eq!(up.received().len(), 8);
    // Both threads did work (each was handed two of the four connections).
    let after = threads_named("monorelay-serve");
    for (tid, ns) in &started {
        let now = after.iter().find(|(t, _)| t == tid).map(|(_, n)| *n).unwrap_or(0);
        assert!(now > *ns, "serving thread {tid} did nothing: {ns} → {now} ns");
    }
    running.stop().await.unwrap();
    wait_for_threads(0).await;
}

/// The serving threads, once there are `n` of them (within 5 s).
#[cfg(target_os = "linux")]
async fn wait_for_threads(n: usize) -> Vec<(String, u64)> {
    let mut found = threads_named("monorelay-serve");
    for _ in 0..100 {
        if found.len() == n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        found = threads_named("monorelay-serve");
    }
    assert_eq!(found.len(), n, "serving threads: {found:?}");
    found
}

#[tokio::test]
async fn the_hot_relay_routes_answer_as_the_router_does() {
    // API clients' POSTs to these paths skip the router (`server::hot_route`); a request with an
    // `Origin` takes the router. Both ways must answer alike: auth, errors, the relay, headers.
    let server = keyed_server().await;
    let base = format!("http://{}", server.local_addr());
    let _running = server.spawn();
    let c = client();
    let send = |path: &str, origin: bool, key: Option<&str>, body: Vec<u8>| {
        let mut r = c.post(format!("{base}{path}")).header("content-type", "application/json").body(body);
        if origin {
            r = r.header("origin", "https://elsewhere.example");
        }
        if let Some(k) = key {
            r = r.bearer_auth(k);
        }
        async move {
            let resp = r.send().await.unwrap();
            let status = resp.status().as_u16();
            let length = resp.headers().get("content-length").map(|v| v.to_str().unwrap().to_string());
            let body: serde_json::Value = resp.json().await.unwrap();
            (status, length, body)
        }
    };
    let good = |model: &str| serde_json::to_vec(&chat(model, "hello")).unwrap();
    for path in
        ["/v1/chat/completions", "/chat/completions", "/v1/messages", "/messages", "/v1/responses", "/responses"]
    {
        for (key, body, status) in
            [(None, good("echo"), 401), (Some("wrong"), good("echo"), 401), (Some(KEY), b"{not json".to_vec(), 400)]
        {
            let plain = send(path, false, key, body.clone()).await;
            let routed = send(path, true, key, body).await;
            assert_eq!(plain.0, status, "{path} {key:?}: {plain:?}");
            assert_eq!(plain, routed, "{path} {key:?}: without and with Origin");
            assert!(plain.1.is_some(), "{path}: a Content-Length on a whole body");
        }
    }
    // A relayed answer, both ways (the chat shape is the OpenAI one: only the chat paths).
    let plain = send("/v1/chat/completions", false, Some(KEY), good("echo")).await;
    let routed = send("/v1/chat/completions", true, Some(KEY), good("echo")).await;
    assert_eq!((plain.0, routed.0), (200, 200), "{plain:?} {routed:?}");
    assert_eq!(plain.2["choices"], routed.2["choices"]);
    assert!(plain.1.is_some() && routed.1.is_some());
    // A query (the Anthropic SDK sends `?beta=true`) keeps the path hot; a trailing slash is no
    // relay path either way.
    for (path, relayed) in [("/v1/messages?beta=true", true), ("/v1/chat/completions/", false)] {
        let send = |origin: bool| {
            let r = c.post(format!("{base}{path}")).bearer_auth(KEY).json(&chat("echo", "x"));
            if origin { r.header("origin", "https://elsewhere.example") } else { r }
        };
        let (plain, routed) = (send(false).send().await.unwrap(), send(true).send().await.unwrap());
        assert_eq!(plain.status(), routed.status(), "{path}");
        assert_eq!(plain.status() != 404, relayed, "{path}: {}", plain.status());
        // The same answer but for the message id, which is new on each call.
        let body = |t: String| t.split_once(",").map(|(_, rest)| rest.to_string()).unwrap_or(t);
        assert_eq!(body(plain.text().await.unwrap()), body(routed.text().await.unwrap()), "{path}");
    }
    // Another method on a hot path is the router's: 405 both ways.
    for origin in [false, true] {
        let mut r = c.get(format!("{base}/v1/chat/completions")).bearer_auth(KEY);
        if origin {
            r = r.header("origin", "https://elsewhere.example");
        }
        assert_eq!(r.send().await.unwrap().status(), 405);
    }
}
