//! Upstream key health across a restart of the real binary on one data dir: a key an upstream
//! answered 429 (Retry-After) is still skipped after the restart, until its time, without the
//! upstream being asked; a quota and a usage window reached before the restart are still reached
//! after it, and a quota partly used goes on counting from where it was. With the request log
//! off (`logging.enabled: false`) the key health is kept all the same.

use crate::common::*;
use serde_json::{Value, json};

/// Three single-key providers: `cool` (cooldown shorter than the upstream's Retry-After),
/// `quota` (3 requests) and `window` (1 request per 5 h).
fn config(url: &str, logging: bool) -> String {
    format!(
        "server:\n  access_key: \"{KEY}\"\n\
         providers:\n\
         \x20 cool:\n    base_url: \"{url}/v1\"\n    rate_limit_cooldown: 1\n    keys:\n      - {{key: \"sk-cool\", label: \"c1\"}}\n\
         \x20 quota:\n    base_url: \"{url}/v1\"\n    keys:\n      - {{key: \"sk-quota\", label: \"q1\", quota_limit: 3}}\n\
         \x20 window:\n    base_url: \"{url}/v1\"\n    keys:\n      - {{key: \"sk-window\", label: \"w1\", usage_window_limits: {{window_5h: 1}}}}\n\
         logging:\n  enabled: {logging}\n"
    )
}

async fn post(base: &str, model: &str) -> reqwest::Response {
    client()
        .post(format!("{base}/v1/chat/completions"))
        .bearer_auth(KEY)
        .json(&chat(model, "hello"))
        .send()
        .await
        .unwrap()
}

fn retry_after(resp: &reqwest::Response) -> u64 {
    let v = resp.headers().get("retry-after").unwrap_or_else(|| panic!("no Retry-After: {resp:?}"));
    v.to_str().unwrap().parse().unwrap()
}

/// Send a request the upstream answers 429 with `Retry-After: 600`, and return the relay's
/// Retry-After.
async fn cool_down(up: &Upstream, base: &str) -> u64 {
    up.push(Reply::Json {
        status: 429,
        body: json!({"error": {"message": "slow down", "type": "rate_limit_error"}}),
        headers: vec![("retry-after", "600".into())],
    });
    let resp = post(base, "m@cool").await;
    assert_eq!(resp.status(), 429);
    retry_after(&resp)
}

/// After the restart: the cooling key is skipped (the upstream sees nothing) with a Retry-After
/// no longer than before the restart and not yet over.
async fn still_cooling(up: &Upstream, base: &str, before: u64) {
    let asked = up.received().len();
    let resp = post(base, "m@cool").await;
    assert_eq!(resp.status(), 429, "{:?}", resp.text().await);
    let left = retry_after(&resp);
    assert!(left > 0 && left <= before, "Retry-After {left} s after the restart, {before} s before");
    let body: Value = resp.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("rate-limited"), "{body}");
    assert_eq!(up.received().len(), asked, "a cooling key is not sent to the upstream");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cooldowns_quotas_and_windows_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, config(&up.url(), true)).unwrap();
    let data = dir.path().join("data");

    let server = serve(&cfg, &data);
    let before = cool_down(&up, &server.base).await;
    assert!(before > 500, "the upstream's Retry-After wins over the 1 s cooldown: {before}");
    for _ in 0..2 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post(&server.base, "m@quota").await.status(), 200);
    }
    up.push(Reply::json(200, completion("ok")));
    assert_eq!(post(&server.base, "m@window").await.status(), 200);
    let resp = post(&server.base, "m@window").await;
    assert_eq!(resp.status(), 429, "one request per 5 h");
    assert!(server.stop().await.success());

    let server = serve(&cfg, &data);
    still_cooling(&up, &server.base, before).await;
    // The quota goes on from 2 of 3: one more request, then none.
    up.push(Reply::json(200, completion("ok")));
    assert_eq!(post(&server.base, "m@quota").await.status(), 200);
    let asked = up.received().len();
    let resp = post(&server.base, "m@quota").await;
    assert_eq!(resp.status(), 503, "a used-up quota does not come back by itself");
    let body: Value = resp.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("quota used up"), "{body}");
    // The 5 h window is still full, and says until when.
    let resp = post(&server.base, "m@window").await;
    assert_eq!(resp.status(), 429);
    assert!(retry_after(&resp) > 4 * 3600, "the window frees its slot 5 h after the request");
    assert_eq!(up.received().len(), asked, "neither key reached the upstream");
    assert!(server.stop().await.success());

    // Once more, to show the quota reached after the first restart was saved too.
    let server = serve(&cfg, &data);
    assert_eq!(post(&server.base, "m@quota").await.status(), 503);
    assert_eq!(up.received().len(), asked);
    assert!(server.stop().await.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_health_is_kept_with_the_request_log_off() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, config(&up.url(), false)).unwrap();
    let data = dir.path().join("data");

    let server = serve(&cfg, &data);
    let before = cool_down(&up, &server.base).await;
    assert!(server.stop().await.success());

    let server = serve(&cfg, &data);
    still_cooling(&up, &server.base, before).await;
    // The request log really is off: only the key health was kept.
    let out = cli(&cfg, &data, &["--json", "logs", "tail", "-n", "10"]).await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no request log"), "{out:?}");
    assert!(server.stop().await.success());
}
