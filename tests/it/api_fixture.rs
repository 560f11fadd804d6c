//! Shared set-up of the `/api` tests: a logged relay on a config file with one upstream
//! provider, a super-admin (`root`), an admin (`ada`) and two plain users (`bob`, `eve`), each
//! signed in (cookie + CSRF token) and holding a relay key, and a small client that calls a
//! route as one of them and returns the status and the JSON answer.

use crate::common::*;
use serde_json::{Value, json};

pub const UPSTREAM_KEYS: [&str; 2] = ["sk-upstream-secret-1", "sk-upstream-secret-2"];

/// How a call authenticates.
#[derive(Clone, Debug)]
pub enum As {
    Nobody,
    Bearer(String),
    /// Cookie and CSRF token.
    Session(String, String),
    /// The cookie without its CSRF token.
    CookieOnly(String),
}

pub struct Person {
    pub session: As,
    pub key: As,
    pub key_prefix: String,
}

pub struct Api {
    pub relay: Relay,
    pub upstream: Upstream,
    /// Holds the config file and data dir until the test ends.
    pub _dir: tempfile::TempDir,
    pub config_path: std::path::PathBuf,
    pub root: Person,
    pub ada: Person,
    pub bob: Person,
    pub eve: Person,
}

pub fn access() -> As {
    As::Bearer(KEY.to_string())
}

impl Api {
    pub async fn start(extra: &str) -> Api {
        let upstream = Upstream::start().await;
        let dir = tempfile::tempdir().unwrap();
        let config_path = dir.path().join("config.yml");
        let text = format!("# the test config\n{}", api_config(&upstream.url(), &UPSTREAM_KEYS, ""));
        let text = text.replace("server:\n", &format!("server:\n{extra}"));
        std::fs::write(&config_path, text).unwrap();
        let relay = Relay::start_logged_file(&config_path, &dir.path().join("data")).await;
        let r = client()
            .post(relay.url("/api/setup"))
            .bearer_auth(KEY)
            .json(&json!({"username": "root", "password": "root password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let mut api = Api {
            root: Person::blank(),
            ada: Person::blank(),
            bob: Person::blank(),
            eve: Person::blank(),
            relay,
            upstream,
            _dir: dir,
            config_path,
        };
        for (name, role) in [("ada", "admin"), ("bob", "user"), ("eve", "user")] {
            let (s, v) = api
                .call(
                    "POST",
                    "/api/users",
                    &access(),
                    Some(json!({"name": name, "role": role, "password": format!("{name} password")})),
                )
                .await;
            assert_eq!(s, 201, "{v}");
        }
        api.root = api.person("root").await;
        api.ada = api.person("ada").await;
        api.bob = api.person("bob").await;
        api.eve = api.person("eve").await;
        api
    }

    async fn person(&self, name: &'static str) -> Person {
        let r = client()
            .post(self.relay.url("/api/auth/login"))
            .json(&json!({"username": name, "password": format!("{name} password")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let cookie = r.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
        let me: Value = r.json().await.unwrap();
        let session = As::Session(cookie, me["csrf_token"].as_str().unwrap().to_string());
        let (s, k) =
            self.call("POST", &format!("/api/users/{name}/keys"), &access(), Some(json!({"label": "main"}))).await;
        assert_eq!(s, 201, "{k}");
        Person {
            session,
            key: As::Bearer(k["key"].as_str().unwrap().to_string()),
            key_prefix: k["info"]["prefix"].as_str().unwrap().to_string(),
        }
    }

    /// Call a route; the answer as JSON (`Value::String` when it is not JSON).
    pub async fn call(&self, method: &str, path: &str, who: &As, body: Option<Value>) -> (u16, Value) {
        let r = self.request(method, path, who, body).await;
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn request(&self, method: &str, path: &str, who: &As, body: Option<Value>) -> reqwest::Response {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut b = client().request(m, self.relay.url(path));
        b = match who {
            As::Nobody => b,
            As::Bearer(k) => b.bearer_auth(k),
            As::Session(c, csrf) => b.header("cookie", c).header("x-csrf-token", csrf),
            As::CookieOnly(c) => b.header("cookie", c),
        };
        if let Some(v) = body {
            b = b.json(&v);
        }
        b.send().await.unwrap()
    }

    /// A chat request through the relay with `who`'s credential, answered by the upstream.
    pub async fn chat_as(&self, who: &As, text: &str) {
        self.upstream.push(Reply::json(200, completion(text)));
        let r = self.request("POST", "/v1/chat/completions", who, Some(chat("m", text))).await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    }
}

impl Person {
    fn blank() -> Person {
        Person { session: As::Nobody, key: As::Nobody, key_prefix: String::new() }
    }
}

/// Assert the one error shape with this status and type; the answer's `path` (if any).
pub fn expect_error(got: &(u16, Value), status: u16, kind: &str) -> Option<String> {
    assert_eq!(got.0, status, "{}", got.1);
    let e = &got.1["error"];
    assert_eq!(e["type"], kind, "{}", got.1);
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", got.1);
    let keys: Vec<&String> = got.1.as_object().unwrap().keys().collect();
    assert_eq!(keys, vec!["error"], "{}", got.1);
    e["path"].as_str().map(String::from)
}

/// No upstream key, access key or password hash anywhere in `v`.
pub fn no_secret(v: &Value) {
    let s = v.to_string();
    for k in UPSTREAM_KEYS.iter().chain([&KEY, &"argon2"]) {
        assert!(!s.contains(k), "a secret in the answer: {s}");
    }
}
