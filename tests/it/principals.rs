//! What a caller keeps in the relay belongs to its principal — a user's relay key, or the server's
//! access key — not to the text of its credential: stored Responses conversations and files made
//! through the relay are seen by the principal that made them and by no one else.

use crate::common::*;
use monorelay::admin::socket::SOCKET_FILE;
use monorelay::admin::*;
use monorelay::auth::Role;
use serde_json::{Value, json};

async fn get(relay: &Relay, token: &str, path: &str) -> reqwest::StatusCode {
    client().get(relay.url(path)).bearer_auth(token).send().await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversations_and_files_belong_to_the_principal_that_made_them() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&api_config(&up.url(), &["sk-up"], ""), dir.path()).await;
    let mut c = Client::connect(&dir.path().join(SOCKET_FILE)).await.unwrap();
    for name in ["alice", "bob"] {
        c.users_add(&UserAdd { name: name.into(), role: Role::User, ..UserAdd::default() }).await.unwrap();
    }
    let key = |user: &str| RelayKeyCreate { user: user.into(), ..RelayKeyCreate::default() };
    let alice = c.users_keys_create(&key("alice")).await.unwrap().key;
    let alice2 = c.users_keys_create(&key("alice")).await.unwrap().key;
    let bob = c.users_keys_create(&key("bob")).await.unwrap().key;

    // A Responses answer (translated from a chat upstream) stored for alice's key.
    up.push(Reply::json(200, completion("hello alice")));
    let resp = client()
        .post(relay.url("/v1/responses"))
        .bearer_auth(&alice)
        .json(&json!({"model": "m", "input": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let id = resp.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let path = format!("/v1/responses/{id}");
    assert_eq!(get(&relay, &alice, &path).await, 200);
    for other in [&bob, &alice2, &KEY.to_string()] {
        assert_eq!(get(&relay, other, &path).await, 404, "another principal never sees it");
    }

    // A file uploaded by bob.
    up.push(Reply::json(
        200,
        json!({"id": "file-bob", "object": "file", "bytes": 3, "created_at": 1, "filename": "a", "purpose": "batch"}),
    ));
    let form = "--b\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc\r\n--b--\r\n";
    let resp = client()
        .post(relay.url("/v1/files"))
        .bearer_auth(&bob)
        .header("content-type", "multipart/form-data; boundary=b")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let before = up.received().len();
    for other in [&alice, &KEY.to_string()] {
        assert_eq!(get(&relay, other, "/v1/files/file-bob").await, 404);
    }
    assert_eq!(up.received().len(), before, "refused without asking the upstream");
    up.push(Reply::json(200, json!({"id": "file-bob", "object": "file"})));
    assert_eq!(get(&relay, &bob, "/v1/files/file-bob").await, 200);
}
