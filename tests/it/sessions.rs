//! Admin sessions over HTTP: first-run setup only with the access key, password login setting an
//! HttpOnly / SameSite=Lax cookie (Secure behind https), `me`, CSRF on cookie calls, password
//! change ending the other sessions, logout, throttled failures, and inert bad input.

use crate::common::*;
use serde_json::{Value, json};

async fn start(dir: &std::path::Path, extra: &str) -> Relay {
    Relay::start_logged(&format!("server:\n  access_key: \"{KEY}\"\n{extra}"), dir).await
}

fn session_of(r: &reqwest::Response) -> (String, String) {
    let set = r.headers()["set-cookie"].to_str().unwrap().to_string();
    let token = set.split(';').next().unwrap().to_string();
    (token, set)
}

async fn login(relay: &Relay, user: &str, pw: &str) -> reqwest::Response {
    client().post(relay.url("/api/auth/login")).json(&json!({"username": user, "password": pw})).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_login_csrf_password_and_logout() {
    let dir = tempfile::tempdir().unwrap();
    let relay = start(dir.path(), "").await;
    let status: Value = client().get(relay.url("/api/setup/status")).send().await.unwrap().json().await.unwrap();
    assert_eq!(status["needs_setup"], true);
    let body = json!({"username": "root", "password": "correct horse"});
    let r = client().post(relay.url("/api/setup")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 401, "anyone on the network cannot claim the server");
    let r = client().post(relay.url("/api/setup")).bearer_auth("wrong").json(&body).send().await.unwrap();
    assert_eq!(r.status(), 401);
    let r = client().post(relay.url("/api/setup")).bearer_auth(KEY).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let r = client().post(relay.url("/api/setup")).bearer_auth(KEY).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 409);
    let status: Value = client().get(relay.url("/api/setup/status")).send().await.unwrap().json().await.unwrap();
    assert_eq!(status["needs_setup"], false);

    // Wrong password and unknown user answer alike.
    let a = login(&relay, "root", "wrong horse").await;
    let b = login(&relay, "nobody", "wrong horse").await;
    assert_eq!((a.status(), b.status()), (reqwest::StatusCode::UNAUTHORIZED, reqwest::StatusCode::UNAUTHORIZED));
    assert_eq!(a.text().await.unwrap(), b.text().await.unwrap());

    let r = login(&relay, "root", "correct horse").await;
    assert_eq!(r.status(), 200);
    let (cookie, set) = session_of(&r);
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && !set.contains("Secure"), "{set}");
    let me: Value = r.json().await.unwrap();
    assert_eq!(me["user"]["name"], "root");
    assert_eq!(me["user"]["role"], "super-admin");
    let csrf = me["csrf_token"].as_str().unwrap().to_string();
    assert!(!me.to_string().contains("argon2"), "{me}");

    let me: Value =
        client().get(relay.url("/api/auth/me")).header("cookie", &cookie).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["user"]["name"], "root");
    let r =
        client().get(relay.url("/api/auth/me")).header("cookie", "monorelay_session=from-another-server").send().await;
    assert_eq!(r.unwrap().status(), 401);
    let me: Value =
        client().get(relay.url("/api/auth/me")).bearer_auth(KEY).send().await.unwrap().json().await.unwrap();
    assert_eq!((me["via"].as_str(), me["role"].as_str()), (Some("access_key"), Some("super-admin")));
    // The session is for /api, not the relay routes.
    let r =
        client().post(relay.url("/v1/chat/completions")).header("cookie", &cookie).json(&chat("m", "x")).send().await;
    assert_eq!(r.unwrap().status(), 401);

    // A second session, then a password change from the first: the second ends.
    let (other, _) = session_of(&login(&relay, "root", "correct horse").await);
    let change = json!({"current_password": "correct horse", "new_password": "battery staple"});
    let r =
        client().post(relay.url("/api/auth/password")).header("cookie", &cookie).json(&change).send().await.unwrap();
    assert_eq!(r.status(), 403, "no CSRF header");
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["type"], "csrf");
    let r = client()
        .post(relay.url("/api/auth/password"))
        .header("cookie", &cookie)
        .header("x-csrf-token", "forged")
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = client()
        .post(relay.url("/api/auth/password"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(client().get(relay.url("/api/auth/me")).header("cookie", &other).send().await.unwrap().status(), 401);
    assert_eq!(client().get(relay.url("/api/auth/me")).header("cookie", &cookie).send().await.unwrap().status(), 200);
    assert_eq!(login(&relay, "root", "correct horse").await.status(), 401);

    // Logout.
    let r = client().post(relay.url("/api/auth/logout")).header("cookie", &cookie).header("x-csrf-token", &csrf).send();
    let r = r.await.unwrap();
    assert_eq!(r.status(), 204);
    assert!(r.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(client().get(relay.url("/api/auth/me")).header("cookie", &cookie).send().await.unwrap().status(), 401);

    // Secure behind https.
    let r = client()
        .post(relay.url("/api/auth/login"))
        .header("x-forwarded-proto", "https")
        .json(&json!({"username": "root", "password": "battery staple"}))
        .send()
        .await
        .unwrap();
    assert!(session_of(&r).1.contains("; Secure"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_are_throttled_and_bad_input_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let relay = start(dir.path(), "").await;
    let body = json!({"username": "admin", "password": "correct horse"});
    assert_eq!(client().post(relay.url("/api/setup")).bearer_auth(KEY).json(&body).send().await.unwrap().status(), 201);
    let r = login(&relay, "<script>alert(1)</script>", "x").await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["content-type"], "application/json");
    assert!(!r.text().await.unwrap().contains("<script>"), "nothing reflected");
    let r = client().post(relay.url("/api/auth/login")).body("not json").send().await.unwrap();
    assert_eq!(r.status(), 400);
    for _ in 0..4 {
        assert_eq!(login(&relay, "admin", "wrong").await.status(), 401);
    }
    let r = login(&relay, "admin", "correct horse").await;
    assert_eq!(r.status(), 429, "5 failures in 15 minutes (one from the probe above, by address)");
    let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sso_only_refuses_password_login() {
    let dir = tempfile::tempdir().unwrap();
    let relay = start(dir.path(), "sso:\n  sso_only: true\n").await;
    let body = json!({"username": "admin", "password": "correct horse"});
    assert_eq!(client().post(relay.url("/api/setup")).bearer_auth(KEY).json(&body).send().await.unwrap().status(), 201);
    let r = login(&relay, "admin", "correct horse").await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["type"], "sso_only");
}
