//! `/api` authentication and roles, over HTTP: no credentials, a wrong key, a session without
//! its CSRF header, each role through its cookie and through its relay key; users and relay
//! keys managed per role, a user kept to their own account and keys, bad input answered in the
//! one error shape, and no secret in any answer except a relay key at its creation.

use crate::api_fixture::*;
use crate::common::{KEY, client};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_and_roles() {
    let api = Api::start("").await;
    // No credentials, a wrong key, a forged cookie.
    expect_error(&api.call("GET", "/api/status", &As::Nobody, None).await, 401, "unauthorized");
    expect_error(&api.call("GET", "/api/status", &As::Bearer("sk-wrong".into()), None).await, 401, "unauthorized");
    let forged = As::Session("monorelay_session=forged".into(), "x".into());
    expect_error(&api.call("GET", "/api/status", &forged, None).await, 401, "unauthorized");

    // Each role, both ways in.
    for who in [access(), api.root.session.clone(), api.root.key.clone(), api.ada.session.clone(), api.ada.key.clone()]
    {
        let (s, v) = api.call("GET", "/api/status", &who, None).await;
        assert_eq!(s, 200, "{who:?}: {v}");
        assert_eq!(v["running"], true);
        no_secret(&v);
    }
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        let e = api.call("GET", "/api/status", &who, None).await;
        expect_error(&e, 403, "forbidden");
        let (s, info) = api.call("GET", "/api/info", &who, None).await;
        assert_eq!(s, 200, "{info}");
        let base = format!("http://{}/v1", api.relay.addr);
        assert_eq!(info["openai_base_url"], base.as_str());
        assert_eq!(info["anthropic_base_url"], base.trim_end_matches("/v1"));
    }
    let (_, me) = api.call("GET", "/api/me", &api.bob.key, None).await;
    assert_eq!(
        (me["user"]["name"].as_str(), me["role"].as_str(), me["via"].as_str()),
        (Some("bob"), Some("user"), Some("relay_key"))
    );
    let (_, me) = api.call("GET", "/api/me", &access(), None).await;
    assert_eq!((me["user"].is_null(), me["via"].as_str()), (true, Some("access_key")));

    // A cookie call that changes something needs the CSRF header; a Bearer call does not.
    let As::Session(cookie, _) = api.ada.session.clone() else { unreachable!() };
    let body = Some(json!({"name": "carl", "role": "user"}));
    expect_error(&api.call("POST", "/api/users", &As::CookieOnly(cookie.clone()), body.clone()).await, 403, "csrf");
    let wrong = As::Session(cookie, "forged".into());
    expect_error(&api.call("POST", "/api/users", &wrong, body.clone()).await, 403, "csrf");
    let (s, v) = api.call("POST", "/api/users", &api.ada.session, body.clone()).await;
    assert_eq!(s, 201, "{v}");
    expect_error(&api.call("POST", "/api/users", &api.ada.key, body).await, 409, "conflict");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_and_relay_keys_per_role() {
    let api = Api::start("").await;
    // Plain users: only themselves.
    for who in [api.bob.session.clone(), api.bob.key.clone()] {
        expect_error(&api.call("GET", "/api/users", &who, None).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/users/eve", &who, None).await, 403, "forbidden");
        expect_error(&api.call("GET", "/api/users/eve/keys", &who, None).await, 403, "forbidden");
        expect_error(&api.call("POST", "/api/users/eve/keys", &who, Some(json!({}))).await, 403, "forbidden");
        expect_error(
            &api.call("PATCH", "/api/users/bob", &who, Some(json!({"role": "admin"}))).await,
            403,
            "forbidden",
        );
        expect_error(&api.call("GET", "/api/relay-keys", &who, None).await, 403, "forbidden");
        // Someone else's key is, to bob, no key at all.
        let e = api.call("DELETE", &format!("/api/relay-keys/{}", api.eve.key_prefix), &who, None).await;
        expect_error(&e, 404, "not_found");
        let (s, v) = api.call("GET", "/api/users/bob", &who, None).await;
        assert_eq!((s, v["name"].as_str()), (200, Some("bob")), "{v}");
        let (s, page) = api.call("GET", "/api/users/bob/keys", &who, None).await;
        assert_eq!(s, 200, "{page}");
        assert!(page["items"].as_array().unwrap().iter().all(|k| k["user"] == "bob"), "{page}");
        assert!(page["next_cursor"].is_null());
        assert!(!page.to_string().contains("\"key\""), "a listed key shows only its prefix: {page}");
    }
    // Bob makes and revokes his own key; the key is shown once.
    let (s, created) =
        api.call("POST", "/api/users/bob/keys", &api.bob.session, Some(json!({"label": "laptop", "rpm": 5}))).await;
    assert_eq!(s, 201, "{created}");
    let key = created["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("mr-") && key.len() >= 35, "{key}");
    let (_, list) = api.call("GET", "/api/relay-keys", &access(), None).await;
    assert!(!list.to_string().contains(&key), "{list}");
    let prefix = created["info"]["prefix"].as_str().unwrap();
    let (s, v) = api.call("DELETE", &format!("/api/relay-keys/{prefix}"), &api.bob.key, None).await;
    assert_eq!((s, v["revoked"].as_bool()), (200, Some(true)), "{v}");
    expect_error(&api.call("GET", "/api/me", &As::Bearer(key), None).await, 401, "unauthorized");

    // An admin manages users but not admins; a super-admin manages everyone.
    let admin = Some(json!({"name": "adam", "role": "admin", "password": "adam password"}));
    expect_error(&api.call("POST", "/api/users", &api.ada.session, admin.clone()).await, 403, "forbidden");
    let (s, _) = api.call("POST", "/api/users", &api.root.session, admin).await;
    assert_eq!(s, 201);
    expect_error(&api.call("DELETE", "/api/users/adam", &api.ada.key, None).await, 403, "forbidden");
    expect_error(&api.call("DELETE", "/api/users/ada", &api.ada.key, None).await, 403, "forbidden");
    let (s, v) = api.call("PATCH", "/api/users/eve", &api.ada.key, Some(json!({"active": false}))).await;
    assert_eq!((s, v["active"].as_bool()), (200, Some(false)), "{v}");
    expect_error(&api.call("GET", "/api/me", &api.eve.key, None).await, 401, "unauthorized");
    let (s, _) = api.call("DELETE", "/api/users/adam", &api.root.key, None).await;
    assert_eq!(s, 200);
    expect_error(&api.call("GET", "/api/users/adam", &access(), None).await, 404, "not_found");

    // Bad input: each a precise 400 naming the field.
    let p = expect_error(
        &api.call("POST", "/api/users", &access(), Some(json!({"name": "x", "rol": "user"}))).await,
        400,
        "invalid",
    );
    assert_eq!(p.as_deref(), Some("body.rol"));
    let p = expect_error(&api.call("POST", "/api/users", &access(), Some(json!({"name": 5}))).await, 400, "invalid");
    assert_eq!(p.as_deref(), Some("body.name"));
    let p = expect_error(
        &api.call("POST", "/api/users", &access(), Some(json!({"name": "x", "role": "god"}))).await,
        400,
        "invalid",
    );
    assert_eq!(p.as_deref(), Some("body.role"));
    let p = expect_error(
        &api.call("POST", "/api/users/bob/keys", &access(), Some(json!({"rpm": "ten"}))).await,
        400,
        "invalid",
    );
    assert_eq!(p.as_deref(), Some("body.rpm"));
    let p = expect_error(
        &api.call("POST", "/api/users/bob/keys", &access(), Some(json!({"user": "eve"}))).await,
        400,
        "invalid",
    );
    assert_eq!(p.as_deref(), Some("body.user"));
    let r = client().post(api.relay.url("/api/users")).bearer_auth(KEY).body("{not json").send().await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["error"]["type"], "invalid");
    expect_error(&api.call("POST", "/api/users/nobody/keys", &access(), Some(json!({}))).await, 404, "not_found");

    // Paging: a cursor from this server continues; one from nowhere is refused.
    let (_, p1) = api.call("GET", "/api/users?limit=2", &access(), None).await;
    assert_eq!(p1["items"].as_array().unwrap().len(), 2, "{p1}");
    let c = p1["next_cursor"].as_str().unwrap();
    let (_, p2) = api.call("GET", &format!("/api/users?limit=2&cursor={c}"), &access(), None).await;
    assert_ne!(p1["items"][0]["name"], p2["items"][0]["name"]);
    let p = expect_error(
        &api.call("GET", "/api/users?cursor=AQAAAAAAAAACAAAAAAAAAAA", &access(), None).await,
        400,
        "invalid",
    );
    assert_eq!(p.as_deref(), Some("query.cursor"));
    let p = expect_error(&api.call("GET", "/api/users?limit=0", &access(), None).await, 400, "invalid");
    assert_eq!(p.as_deref(), Some("query.limit"));
    let p = expect_error(&api.call("GET", "/api/users?page=2", &access(), None).await, 400, "invalid");
    assert_eq!(p.as_deref(), Some("query.page"));
    expect_error(&api.call("GET", "/api/nothing-here", &access(), None).await, 404, "not_found");
    expect_error(&api.call("PUT", "/api/status", &access(), None).await, 405, "method_not_allowed");
}
