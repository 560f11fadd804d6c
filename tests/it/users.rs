//! Users and their relay keys end to end: keys created over the control socket authenticate the
//! relay routes and are held to their model list, rpm, tokens per day and cost per month before
//! anything goes upstream, each refusal in the caller's dialect; revoked / expired keys and
//! disabled users are refused; records, `logs` and `stats --by user` name the user. Then the real
//! binary: `users add` offline, `users keys create` over the socket, a token quota that survives a
//! restart, `logs tail --user` and `stats --by user`.

use crate::common::*;
use monorelay::admin::socket::SOCKET_FILE;
use monorelay::admin::*;
use monorelay::auth::Role;
use monorelay::store::{GroupBy, LogQuery};
use serde_json::{Value, json};

const UP_KEY: &str = "sk-users-upstream";

fn config(url: &str) -> String {
    let mut c = api_config(url, &[UP_KEY], "");
    c.push_str("pricing:\n  'm-*': {input: 1, output: 2}\n");
    c
}

async fn post_as(relay_url: &str, key: &str, path: &str, body: &Value) -> reqwest::Response {
    client().post(format!("{relay_url}{path}")).bearer_auth(key).json(body).send().await.expect("send")
}

fn anthropic(model: &str) -> Value {
    json!({"model": model, "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]})
}

async fn create(c: &mut Client, user: &str, f: impl FnOnce(&mut RelayKeyCreate)) -> CreatedRelayKey {
    let mut req = RelayKeyCreate { user: user.into(), ..RelayKeyCreate::default() };
    f(&mut req);
    c.users_keys_create(&req).await.expect("create key")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_keys_are_held_to_their_limits_in_the_callers_dialect() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&config(&up.url()), dir.path()).await;
    let base = relay.url("");
    let mut c = Client::connect(&dir.path().join(SOCKET_FILE)).await.unwrap();
    let add = |name: &str| UserAdd { name: name.into(), role: Role::User, ..UserAdd::default() };
    c.users_add(&add("alice")).await.unwrap();
    c.users_add(&add("bob")).await.unwrap();
    let e = c.users_add(&add("alice")).await.unwrap_err();
    assert_eq!(e.http_status(), 409, "{e:?}");
    let e = c.users_add(&add("<script>")).await.unwrap_err();
    assert_eq!(e.http_status(), 400, "{e:?}");

    // Models.
    let models = create(&mut c, "alice", |r| {
        r.label = Some("laptop".into());
        r.models = vec!["m-ok*".into()];
    })
    .await;
    assert!(models.key.starts_with("mr-") && models.key.len() >= 35, "{}", models.key);
    up.push(Reply::json(200, completion("fine")));
    assert_eq!(post_as(&base, &models.key, "/v1/chat/completions", &chat("m-ok-1", "hi")).await.status(), 200);
    let r = post_as(&base, &models.key, "/v1/chat/completions", &chat("m-other", "hi")).await;
    assert_eq!(r.status(), 403);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "permission_denied", "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("'m-other'"), "{body}");
    let r = client()
        .post(relay.url("/v1/messages"))
        .header("x-api-key", &models.key)
        .json(&anthropic("m-other"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["type"], "error");
    assert_eq!(body["error"]["type"], "permission_error", "{body}");

    // Requests per minute. (A minute boundary between the calls would reset the window: the
    // third call then passes, so allow one retry of the whole sequence.)
    let rpm = create(&mut c, "alice", |r| r.rpm = Some(2)).await;
    let mut refused = None;
    for _ in 0..2 {
        let mut statuses = Vec::new();
        for _ in 0..3 {
            up.push(Reply::json(200, completion("ok")));
            let r = post_as(&base, &rpm.key, "/v1/chat/completions", &chat("m-a", "hi")).await;
            statuses.push(r.status().as_u16());
            if r.status() == 429 {
                refused = Some(r);
                break;
            }
        }
        if refused.is_some() {
            break;
        }
    }
    let r = refused.expect("the rpm limit refused a request");
    let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["type"], "rate_limit_error", "{body}");
    // Drain the reply the refused request did not use.
    let _ = up.state.script.lock().unwrap().pop_front();

    // Tokens per day: each reply uses 10 tokens.
    let tokens = create(&mut c, "bob", |r| r.tokens_per_day = Some(15)).await;
    for _ in 0..2 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post_as(&base, &tokens.key, "/v1/chat/completions", &chat("m-a", "hi")).await.status(), 200);
    }
    let sent_before = up.received().len();
    let r = post_as(&base, &tokens.key, "/v1/chat/completions", &chat("m-a", "hi")).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "insufficient_quota", "{body}");
    assert_eq!(body["error"]["type"], "insufficient_quota", "{body}");
    let msg = body["error"]["message"].as_str().unwrap();
    assert!(msg.contains("tokens per day") && msg.contains("resets at"), "{msg}");
    assert_eq!(up.received().len(), sent_before, "a refused request never goes upstream");

    // Cost per month: 7 input + 3 output tokens at $1/$2 per 1M = $0.000013 a request.
    let cost = create(&mut c, "bob", |r| r.cost_per_month = Some(0.00002)).await;
    for _ in 0..2 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post_as(&base, &cost.key, "/v1/chat/completions", &chat("m-a", "hi")).await.status(), 200);
    }
    let r =
        client().post(relay.url("/v1/messages")).header("x-api-key", &cost.key).json(&anthropic("m-a")).send().await;
    let r = r.unwrap();
    assert_eq!(r.status(), 429);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["type"], "rate_limit_error", "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("per month"), "{body}");

    // Usage as listed.
    let listed = c.users_keys_list(&RelayKeysList { user: Some("bob".into()) }).await.unwrap();
    let t = listed.iter().find(|k| k.prefix == tokens.info.prefix).unwrap();
    assert_eq!((t.tokens_today, t.requests), (20, 2), "refused requests are not counted");
    assert!(listed.iter().all(|k| !k.prefix.is_empty() && !serde_json::to_string(k).unwrap().contains(&tokens.key)));

    // Refusals: revoked, expired, disabled user, unknown key — all 401.
    let revoked = create(&mut c, "alice", |_| {}).await;
    c.users_keys_revoke(&RelayKeyRevoke { prefix: revoked.info.prefix.clone() }).await.unwrap();
    let expired = create(&mut c, "alice", |r| r.expires_ms = Some(1_000)).await;
    let forged =
        format!("{}{}", &revoked.key[..revoked.key.len() - 1], if revoked.key.ends_with('x') { 'y' } else { 'x' });
    for (key, says) in [
        (revoked.key.as_str(), "revoked"),
        (expired.key.as_str(), "expired"),
        (forged.as_str(), "invalid"),
        ("mr-unknownunknownunknownunknownunknownunkno", "invalid"),
    ] {
        let r = post_as(&base, key, "/v1/chat/completions", &chat("m-a", "hi")).await;
        assert_eq!(r.status(), 401, "{says}");
        let body: Value = r.json().await.unwrap();
        assert!(body["error"]["message"].as_str().unwrap().contains(says), "{body}");
    }
    c.users_enable(&UserName { name: "bob".into() }, false).await.unwrap();
    let r = post_as(&base, &tokens.key, "/v1/chat/completions", &chat("m-a", "hi")).await;
    assert_eq!(r.status(), 401);
    // The access key still works (and is nobody's key).
    up.push(Reply::json(200, completion("admin")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-a", "hi")).await.status(), 200);

    // Who sent each request: the log and stats.
    relay.flush().await;
    let page =
        c.logs_query(&LogQuery { user: Some("bob".into()), limit: Some(100), ..LogQuery::default() }).await.unwrap();
    assert_eq!(page.entries.len(), 6, "{:?}", page.entries);
    assert!(page.entries.iter().all(|e| e.user.as_deref() == Some("bob") && e.relay_key.is_some()));
    let stats = c.stats(&StatsQuery { by: GroupBy::User, ..StatsQuery::default() }).await.unwrap();
    let groups: Vec<&str> = stats.groups.iter().map(|g| g.group.as_str()).collect();
    assert!(groups.contains(&"alice") && groups.contains(&"bob"), "{groups:?}");
}

fn run_with_stdin(cfg: &std::path::Path, data: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut c = bin();
    c.arg("--config").arg(cfg).arg("--data-dir").arg(data).args(args);
    c.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write");
    child.wait_with_output().expect("wait")
}

fn ok(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_manages_users_and_a_quota_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, config(&up.url())).unwrap();
    let data = dir.path().join("data");

    // Offline, before the first start: the database is created.
    let (c2, d2) = (cfg.clone(), data.clone());
    let out = tokio::task::spawn_blocking(move || {
        run_with_stdin(&c2, &d2, &["users", "add", "root", "--role", "super-admin", "--password-stdin"], "hunter22\n")
    })
    .await
    .unwrap();
    assert!(ok(&out).contains("added super-admin 'root'"));
    let out = cli(&cfg, &data, &["users", "add", "bob", "--no-password"]).await;
    ok(&out);
    // A password never travels as an argument.
    let out = cli(&cfg, &data, &["users", "add", "eve", "--password", "x"]).await;
    assert!(!out.status.success());

    let server = serve(&cfg, &data);
    let out = cli(&cfg, &data, &["--json", "users", "list"]).await;
    let users: Vec<UserView> = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(
        users.iter().map(|u| (u.name.as_str(), u.role)).collect::<Vec<_>>(),
        [("bob", Role::User), ("root", Role::SuperAdmin)]
    );
    assert!(users[1].has_password && !users[0].has_password);
    let out = cli(&cfg, &data, &["users", "keys", "create", "bob", "--label", "ci", "--tokens-per-day", "15"]).await;
    let key = ok(&out).trim().to_string();
    assert!(key.starts_with("mr-"), "{key}");
    for _ in 0..2 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(post_as(&server.base, &key, "/v1/chat/completions", &chat("m-a", "hi")).await.status(), 200);
    }
    assert_eq!(post_as(&server.base, &key, "/v1/chat/completions", &chat("m-a", "hi")).await.status(), 429);
    assert!(server.stop().await.success());

    let server = serve(&cfg, &data);
    let r = post_as(&server.base, &key, "/v1/chat/completions", &chat("m-a", "hi")).await;
    assert_eq!(r.status(), 429, "the spent quota survived the restart");
    let out = cli(&cfg, &data, &["--json", "users", "keys", "list", "bob"]).await;
    let keys: Vec<RelayKeyView> = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!((keys.len(), keys[0].tokens_today, keys[0].label.as_str()), (1, 20, "ci"));
    assert!(!ok(&out).contains(&key), "the key is never listed");
    let out = cli(&cfg, &data, &["logs", "tail", "--user", "bob"]).await;
    let tail = ok(&out);
    assert_eq!(tail.lines().count(), 4, "two answered, two refused (one before the restart, one after): {tail}");
    assert!(tail.lines().all(|l| l.contains("user bob/ci")), "{tail}");
    let out = cli(&cfg, &data, &["--json", "stats", "--by", "user"]).await;
    let stats: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert!(stats["groups"].as_array().unwrap().iter().any(|g| g["group"] == "bob"), "{stats}");
    let out = cli(&cfg, &data, &["users", "keys", "revoke", &keys[0].prefix]).await;
    ok(&out);
    assert_eq!(post_as(&server.base, &key, "/v1/chat/completions", &chat("m-a", "hi")).await.status(), 401);
    let out = cli(&cfg, &data, &["users", "remove", "root"]).await;
    assert!(!out.status.success(), "the last super-admin stays");
    assert!(server.stop().await.success());
}
