//! `monorelay sync` end to end, through the real binary, against loopback fakes of the GitHub
//! Gist API (create, list, get, get at a revision, patch, commits; bearer token checked) and of a
//! WebDAV server (PROPFIND, MKCOL, GET, HEAD, PUT with If-Match / If-None-Match, DELETE; ETags):
//! push → no secret in clear anywhere on the remote → pull into a second, empty data dir → that
//! config serves the same requests; a conflicting remote edit is refused, then forced; a wrong
//! passphrase, a broken `secrets.age` and a pulled config that fails the checks are refused with
//! the local file intact. Plus auto-push from a running server after a key is added.

use crate::common::*;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use monorelay::config;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;

const TOKEN: &str = "ghp_test_token_0123456789";
const PASS: &str = "correct horse battery staple";
const UP_KEY_1: &str = "sk-upstream-secret-one";
const UP_KEY_2: &str = "sk-upstream-secret-two";
const ACCESS: &str = "relay-access-secret-42";
const SSO_SECRET: &str = "gh-client-secret-abc";
pub(crate) const DAV_PASS: &str = "dav-password-secret-7";

// ---- the fake Gist API ----

#[derive(Clone, Default)]
struct Rev {
    version: String,
    files: BTreeMap<String, String>,
}

#[derive(Default)]
struct GistRec {
    description: String,
    public: bool,
    /// Oldest first.
    revs: Vec<Rev>,
}

#[derive(Default)]
struct GistState {
    gists: Mutex<BTreeMap<String, GistRec>>,
    next: Mutex<u64>,
    patches: Mutex<u64>,
}

struct FakeGist {
    addr: SocketAddr,
    state: Arc<GistState>,
    _stop: oneshot::Sender<()>,
}

fn new_version(state: &GistState) -> String {
    let mut n = state.next.lock().unwrap();
    *n += 1;
    format!("{:040x}", *n * 0x1234_5678_9abc)
}

fn gist_json(id: &str, g: &GistRec, rev: &Rev) -> Value {
    let files: serde_json::Map<String, Value> =
        rev.files.iter().map(|(k, v)| (k.clone(), json!({"filename": k, "content": v, "truncated": false}))).collect();
    let history: Vec<Value> =
        g.revs.iter().rev().map(|r| json!({"version": r.version, "committed_at": "2026-01-01T00:00:00Z"})).collect();
    json!({"id": id, "description": g.description, "public": g.public, "files": files, "history": history,
           "html_url": format!("https://gist.example/{id}"), "updated_at": "2026-01-01T00:00:00Z"})
}

fn reply(status: u16, body: Value) -> Response {
    let mut r = Response::new(Body::from(body.to_string()));
    *r.status_mut() = http::StatusCode::from_u16(status).unwrap();
    r.headers_mut().insert("content-type", "application/json".parse().unwrap());
    r
}

async fn gist_handler(State(st): State<Arc<GistState>>, req: Request) -> Response {
    let auth = req.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    if auth != format!("Bearer {TOKEN}") {
        return reply(401, json!({"message": "Bad credentials"}));
    }
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let body = axum::body::to_bytes(req.into_body(), usize::MAX).await.unwrap_or_default();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut resp = match (method.as_str(), parts.as_slice()) {
        ("GET", ["gists"]) => {
            let gists = st.gists.lock().unwrap();
            let list: Vec<Value> = gists.iter().map(|(id, g)| gist_json(id, g, g.revs.last().unwrap())).collect();
            reply(200, Value::Array(list))
        }
        ("POST", ["gists"]) => {
            let id = format!("g{}", new_version(&st).get(30..).unwrap());
            let files = body["files"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["content"].as_str().unwrap().to_string()))
                .collect();
            let rec = GistRec {
                description: body["description"].as_str().unwrap_or("").into(),
                public: body["public"].as_bool().unwrap_or(true),
                revs: vec![Rev { version: new_version(&st), files }],
            };
            let out = gist_json(&id, &rec, rec.revs.last().unwrap());
            st.gists.lock().unwrap().insert(id, rec);
            reply(201, out)
        }
        ("GET", ["gists", id]) => match st.gists.lock().unwrap().get(*id) {
            Some(g) => reply(200, gist_json(id, g, g.revs.last().unwrap())),
            None => reply(404, json!({"message": "Not Found"})),
        },
        ("GET", ["gists", id, "commits"]) => match st.gists.lock().unwrap().get(*id) {
            Some(g) => reply(
                200,
                Value::Array(
                    g.revs
                        .iter()
                        .rev()
                        .map(|r| json!({"version": r.version, "committed_at": "2026-01-01T00:00:00Z", "change_status": {"additions": 1, "deletions": 0}}))
                        .collect(),
                ),
            ),
            None => reply(404, json!({"message": "Not Found"})),
        },
        ("GET", ["gists", id, sha]) => {
            let gists = st.gists.lock().unwrap();
            match gists.get(*id).and_then(|g| g.revs.iter().find(|r| r.version == *sha).map(|r| (g, r))) {
                Some((g, r)) => reply(200, gist_json(id, g, r)),
                None => reply(404, json!({"message": "Not Found"})),
            }
        }
        ("PATCH", ["gists", id]) => {
            let version = new_version(&st);
            let mut gists = st.gists.lock().unwrap();
            match gists.get_mut(*id) {
                Some(g) => {
                    let mut files = g.revs.last().unwrap().files.clone();
                    for (k, v) in body["files"].as_object().unwrap() {
                        match v["content"].as_str() {
                            Some(c) => {
                                files.insert(k.clone(), c.to_string());
                            }
                            None => {
                                files.remove(k);
                            }
                        }
                    }
                    g.revs.push(Rev { version, files });
                    *st.patches.lock().unwrap() += 1;
                    reply(200, gist_json(id, g, g.revs.last().unwrap()))
                }
                None => reply(404, json!({"message": "Not Found"})),
            }
        }
        _ => reply(404, json!({"message": "Not Found"})),
    };
    resp.headers_mut().insert("x-oauth-scopes", "gist, repo".parse().unwrap());
    resp
}

async fn serve_router(app: axum::Router) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    (addr, tx)
}

impl FakeGist {
    async fn start() -> FakeGist {
        let state = Arc::new(GistState::default());
        let (addr, stop) = serve_router(axum::Router::new().fallback(gist_handler).with_state(state.clone())).await;
        FakeGist { addr, state, _stop: stop }
    }
    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
    fn only_id(&self) -> String {
        let g = self.state.gists.lock().unwrap();
        assert_eq!(g.len(), 1, "one Gist");
        g.keys().next().unwrap().clone()
    }
    fn head(&self) -> Rev {
        let g = self.state.gists.lock().unwrap();
        g.values().next().unwrap().revs.last().unwrap().clone()
    }
    /// Every file of every revision, concatenated.
    fn everything(&self) -> String {
        let g = self.state.gists.lock().unwrap();
        g.values().flat_map(|g| g.revs.iter()).flat_map(|r| r.files.values().cloned()).collect::<Vec<_>>().join("\n")
    }
    /// Someone else edits the Gist.
    fn edit(&self, file: &str, f: impl Fn(&str) -> String) -> String {
        let version = new_version(&self.state);
        let mut g = self.state.gists.lock().unwrap();
        let rec = g.values_mut().next().unwrap();
        let mut files = rec.revs.last().unwrap().files.clone();
        let new = f(files.get(file).map(String::as_str).unwrap_or(""));
        files.insert(file.to_string(), new);
        rec.revs.push(Rev { version: version.clone(), files });
        version
    }
    fn patches(&self) -> u64 {
        *self.state.patches.lock().unwrap()
    }
}

// ---- the fake WebDAV server ----

#[derive(Default)]
struct DavState {
    files: Mutex<BTreeMap<String, (String, u64)>>,
    collection: Mutex<bool>,
    next: Mutex<u64>,
}

async fn dav_handler(State(st): State<Arc<DavState>>, req: Request) -> Response {
    use base64_auth::expected;
    let empty = |status: u16| {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = http::StatusCode::from_u16(status).unwrap();
        r
    };
    if req.headers().get("authorization").and_then(|v| v.to_str().ok()) != Some(expected().as_str()) {
        return empty(401);
    }
    let method = req.method().as_str().to_string();
    let path = req.uri().path().trim_start_matches("/dav/").trim_start_matches("/dav").to_string();
    let if_match = req.headers().get("if-match").and_then(|v| v.to_str().ok()).map(str::to_string);
    let if_none = req.headers().get("if-none-match").is_some();
    let body = axum::body::to_bytes(req.into_body(), usize::MAX).await.unwrap_or_default();
    let etag_of = |n: u64| format!("\"e{n}\"");
    let with_etag = |mut r: Response, n: u64| {
        r.headers_mut().insert("etag", etag_of(n).parse().unwrap());
        r
    };
    match (method.as_str(), path.as_str()) {
        ("PROPFIND", "") => {
            if *st.collection.lock().unwrap() {
                empty(207)
            } else {
                empty(404)
            }
        }
        ("MKCOL", "") => {
            *st.collection.lock().unwrap() = true;
            empty(201)
        }
        ("GET" | "HEAD", name) => match st.files.lock().unwrap().get(name) {
            Some((c, n)) => {
                let r = if method == "GET" { Response::new(Body::from(c.clone())) } else { empty(200) };
                with_etag(r, *n)
            }
            None => empty(404),
        },
        ("PUT", name) => {
            if !*st.collection.lock().unwrap() {
                return empty(409);
            }
            let mut files = st.files.lock().unwrap();
            let current = files.get(name).map(|(_, n)| etag_of(*n));
            if (if_none && current.is_some()) || if_match.is_some_and(|m| Some(m) != current) {
                return empty(412);
            }
            let mut next = st.next.lock().unwrap();
            *next += 1;
            files.insert(name.to_string(), (String::from_utf8_lossy(&body).to_string(), *next));
            with_etag(empty(201), *next)
        }
        ("DELETE", name) => match st.files.lock().unwrap().remove(name) {
            Some(_) => empty(204),
            None => empty(404),
        },
        _ => empty(405),
    }
}

mod base64_auth {
    pub fn expected() -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let input = format!("dav-user:{}", super::DAV_PASS).into_bytes();
        let mut out = String::new();
        for chunk in input.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        format!("Basic {out}")
    }
}

pub(crate) struct FakeDav {
    addr: SocketAddr,
    state: Arc<DavState>,
    _stop: oneshot::Sender<()>,
}

impl FakeDav {
    pub(crate) async fn start() -> FakeDav {
        let state = Arc::new(DavState::default());
        let (addr, stop) = serve_router(axum::Router::new().fallback(dav_handler).with_state(state.clone())).await;
        FakeDav { addr, state, _stop: stop }
    }
    pub(crate) fn url(&self) -> String {
        format!("http://{}/dav/", self.addr)
    }
    fn everything(&self) -> String {
        self.state.files.lock().unwrap().values().map(|(c, _)| c.clone()).collect::<Vec<_>>().join("\n")
    }
    pub(crate) fn edit(&self, name: &str, f: impl Fn(&str) -> String) {
        let mut files = self.state.files.lock().unwrap();
        let mut next = self.state.next.lock().unwrap();
        *next += 1;
        let old = files.get(name).map(|(c, _)| c.clone()).unwrap_or_default();
        files.insert(name.to_string(), (f(&old), *next));
    }
}

// ---- helpers ----

fn config_text(upstream: &str, sync: &str) -> String {
    format!(
        "# my relay: comments must survive a round trip\nserver:\n  access_key: \"{ACCESS}\"   # clients use this\n\nproviders:\n  up:\n    provider_type: api\n    base_url: \"{upstream}/v1\"\n    keys:\n      - key: {UP_KEY_1}   # primary\n        label: one\n      - {{key: \"{UP_KEY_2}\", label: two}}\n\nmodel_routing:\n  default_provider: up\n\nsso:\n  github_client_secret: {SSO_SECRET}\n\n{sync}"
    )
}

/// The real binary with a clean sync environment, `--config CFG --data-dir DATA ARGS…`.
pub(crate) async fn sync_cli(
    cfg: &Path,
    data: &Path,
    env: &[(&str, &str)],
    stdin: Option<&str>,
    args: &[&str],
) -> std::process::Output {
    use std::io::Write;
    let mut c = bin();
    c.env_remove("GITHUB_TOKEN")
        .env_remove("MONORELAY_GITHUB_TOKEN")
        .env_remove("MONORELAY_SYNC_PASSPHRASE")
        .env("MONORELAY_SYNC_WORK_FACTOR", "10")
        .arg("--config")
        .arg(cfg)
        .arg("--data-dir")
        .arg(data)
        .args(["sync"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let input = stdin.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        let mut child = c.spawn().expect("spawn");
        let mut si = child.stdin.take().unwrap();
        if let Some(i) = input {
            si.write_all(i.as_bytes()).unwrap();
        }
        drop(si);
        child.wait_with_output().expect("wait")
    })
    .await
    .unwrap()
}

fn text(o: &std::process::Output) -> String {
    format!("stdout:\n{}\nstderr:\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

pub(crate) fn ok(o: &std::process::Output) {
    assert!(o.status.success(), "{}", text(o));
}

fn refused(o: &std::process::Output, code: i32, says: &str) {
    assert_eq!(o.status.code(), Some(code), "{}", text(o));
    assert!(String::from_utf8_lossy(&o.stderr).contains(says), "expected '{says}' in {}", text(o));
}

fn parse(t: &str) -> config::yaml::Value {
    config::yaml::parse(t).unwrap()
}

fn assert_no_secret(remote: &str) {
    for s in [TOKEN, PASS, UP_KEY_1, UP_KEY_2, ACCESS, SSO_SECRET, DAV_PASS] {
        assert!(!remote.contains(s), "'{s}' is on the remote in clear");
    }
}

/// The pulled config serves: the access key is the same and the upstream gets the same keys.
async fn serves_the_same(cfg: &Path, upstream: &Upstream) {
    let config = config::load_file(cfg).unwrap();
    let server =
        monorelay::server::Server::builder(config).listen("127.0.0.1", 0).watch_config(false).build().await.unwrap();
    let relay = Relay::run(server, Arc::default());
    for _ in 0..2 {
        upstream.push(Reply::json(200, completion("hi")));
    }
    for _ in 0..2 {
        let r = client()
            .post(relay.url("/v1/chat/completions"))
            .bearer_auth(ACCESS)
            .json(&chat("m", "hello"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let auths: Vec<String> = upstream.received().iter().map(Received::auth).collect();
    assert!(
        auths.iter().all(|a| a == &format!("Bearer {UP_KEY_1}") || a == &format!("Bearer {UP_KEY_2}")),
        "{auths:?}"
    );
}

#[tokio::test]
async fn gist_round_trip_conflicts_and_bad_input() {
    let gist = FakeGist::start().await;
    let upstream = Upstream::start().await;
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (cfg1, data1) = (one.path().join("config.yml"), one.path().join("data"));
    let (cfg2, data2) = (two.path().join("config.yml"), two.path().join("data"));
    std::fs::write(&cfg1, config_text(&upstream.url(), &format!("sync:\n  api_base: \"{}\"\n", gist.url()))).unwrap();
    let pass = [("MONORELAY_SYNC_PASSPHRASE", PASS)];

    // A bad token is refused precisely, and nothing is stored.
    let o = sync_cli(&cfg1, &data1, &[], Some("ghp_wrong\n"), &["setup", "--token-stdin"]).await;
    refused(&o, 5, "GitHub refused the token (401");
    assert!(!data1.join("sync-token").exists());

    // Setup: verify, create the Gist, record its id in the config (comments kept), keep the token 0600.
    let o = sync_cli(&cfg1, &data1, &[], Some(&format!("{TOKEN}\n")), &["setup", "--token-stdin"]).await;
    ok(&o);
    assert!(!text(&o).contains(TOKEN));
    let id = gist.only_id();
    let local1 = std::fs::read_to_string(&cfg1).unwrap();
    assert!(local1.contains(&format!("gist_id: \"{id}\"")) && local1.contains("# clients use this"), "{local1}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data1.join("sync-token")).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "token file mode {mode:o}");
    }

    // Push: config with comments, secrets only encrypted.
    let o = sync_cli(&cfg1, &data1, &pass, None, &["push"]).await;
    ok(&o);
    let head = gist.head();
    assert!(head.files.contains_key("secrets.age") && head.files["config.yml"].contains("# primary"));
    assert_no_secret(&gist.everything());
    let o = sync_cli(&cfg1, &data1, &[], None, &["--json", "status"]).await;
    ok(&o);
    let status: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(status["secrets_pushed"], true);
    assert_eq!(status["gist_version"], head.version.as_str());
    assert!(!text(&o).contains(TOKEN));

    // A second, empty machine: find the Gist, pull with the passphrase, serve the same requests.
    let ghe = [("MONORELAY_GITHUB_TOKEN", TOKEN), ("MONORELAY_SYNC_PASSPHRASE", PASS)];
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["--json", "setup", "--api-base", &gist.url()]).await;
    ok(&o);
    let setup: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((setup["gist_id"].as_str(), setup["created"].as_bool()), (Some(id.as_str()), Some(false)));
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["pull"]).await;
    ok(&o);
    let pulled = std::fs::read_to_string(&cfg2).unwrap();
    assert_eq!(parse(&pulled), parse(&local1));
    assert!(pulled.contains("# my relay: comments must survive a round trip") && pulled.contains("# primary"));
    serves_the_same(&cfg2, &upstream).await;

    // Someone edits the Gist: a push from machine one is refused naming both versions, then forced.
    let theirs = gist.edit("config.yml", |c| format!("{c}# edited elsewhere\n"));
    let o = sync_cli(&cfg1, &data1, &pass, None, &["push"]).await;
    refused(&o, 4, &theirs[..12]);
    refused(&o, 4, &head.version[..12]);
    let o = sync_cli(&cfg1, &data1, &pass, None, &["push", "--force"]).await;
    ok(&o);
    assert!(!gist.head().files["config.yml"].contains("# edited elsewhere"));
    assert_no_secret(&gist.everything());

    // History lists the revisions; an old one can be restored.
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["--json", "history"]).await;
    ok(&o);
    let revs: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(revs.len() >= 4 && revs.iter().any(|r| r["version"] == theirs.as_str()));
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["pull", "--revision", &theirs]).await;
    ok(&o);
    assert!(std::fs::read_to_string(&cfg2).unwrap().contains("# edited elsewhere"));

    // Local edits are not overwritten without --force.
    let edited = format!("{}# local edit\n", std::fs::read_to_string(&cfg2).unwrap());
    std::fs::write(&cfg2, &edited).unwrap();
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["pull"]).await;
    refused(&o, 4, "since the last sync");
    assert_eq!(std::fs::read_to_string(&cfg2).unwrap(), edited);

    // A wrong passphrase: refused, local file intact.
    let o = sync_cli(
        &cfg2,
        &data2,
        &[("MONORELAY_GITHUB_TOKEN", TOKEN), ("MONORELAY_SYNC_PASSPHRASE", "wrong")],
        None,
        &["pull", "--force"],
    )
    .await;
    refused(&o, 5, "wrong passphrase");
    assert_eq!(std::fs::read_to_string(&cfg2).unwrap(), edited);

    // A corrupted secrets.age: refused, intact.
    gist.edit("secrets.age", |_| "-----BEGIN AGE ENCRYPTED FILE-----\nnope\n-----END AGE ENCRYPTED FILE-----\n".into());
    let o = sync_cli(&cfg2, &data2, &ghe, None, &["pull", "--force"]).await;
    refused(&o, 2, "secrets.age is not an age file");
    assert_eq!(std::fs::read_to_string(&cfg2).unwrap(), edited);

    // A pulled config that fails the checks: refused, intact. Without a passphrase, the local
    // values of the secrets are used.
    gist.edit("config.yml", |c| c.replace("provider_type: api", "provider_type: nonsense"));
    let o = sync_cli(&cfg2, &data2, &[("MONORELAY_GITHUB_TOKEN", TOKEN)], None, &["pull", "--force"]).await;
    refused(&o, 2, "does not pass the checks");
    assert_eq!(std::fs::read_to_string(&cfg2).unwrap(), edited);

    // The Gist deleted behind our back.
    gist.state.gists.lock().unwrap().clear();
    let o = sync_cli(&cfg1, &data1, &pass, None, &["push"]).await;
    refused(&o, 3, "does not exist any more");
    // The failure stays visible (sync status, and the server status `top` shows) until a success.
    let o = sync_cli(&cfg1, &data1, &[], None, &["--json", "status"]).await;
    let st: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(st["last_error"]["op"], "push", "{st}");
    let service = monorelay::admin::Service::offline(monorelay::admin::Offline {
        config: None,
        config_path: None,
        data_dir: data1.clone(),
    })
    .unwrap();
    let e = service.status().await.unwrap().sync_error.unwrap();
    assert!(e.op == "push" && e.message.contains("does not exist any more"), "{e:?}");
}

#[tokio::test]
async fn pull_without_passphrase_keeps_local_secrets_and_status_says_so() {
    let gist = FakeGist::start().await;
    let upstream = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    std::fs::write(&cfg, config_text(&upstream.url(), &format!("sync:\n  api_base: \"{}\"\n", gist.url()))).unwrap();
    let env = [("MONORELAY_GITHUB_TOKEN", TOKEN)];
    ok(&sync_cli(&cfg, &data, &env, None, &["setup"]).await);
    let o = sync_cli(&cfg, &data, &env, None, &["push"]).await;
    ok(&o);
    assert!(text(&o).contains("NOT pushed"), "{}", text(&o));
    assert!(!gist.head().files.contains_key("secrets.age"));
    assert_no_secret(&gist.everything());
    let o = sync_cli(&cfg, &data, &env, None, &["status"]).await;
    assert!(text(&o).contains("NOT pushed (no passphrase"), "{}", text(&o));
    // A remote change, pulled without a passphrase: the local secrets stay.
    gist.edit("config.yml", |c| c.replace("label: one", "label: first"));
    let o = sync_cli(&cfg, &data, &env, None, &["diff"]).await;
    ok(&o);
    assert!(text(&o).contains("+        label: first") && !text(&o).contains(UP_KEY_1), "{}", text(&o));
    ok(&sync_cli(&cfg, &data, &env, None, &["pull"]).await);
    let local = std::fs::read_to_string(&cfg).unwrap();
    assert!(local.contains("label: first") && local.contains(UP_KEY_1) && local.contains(ACCESS), "{local}");
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1, "one timestamped backup");
    // A fresh data dir with no local config cannot fill the secrets: precise refusal.
    let other = tempfile::tempdir().unwrap();
    let (cfg2, data2) = (other.path().join("config.yml"), other.path().join("data"));
    ok(&sync_cli(&cfg2, &data2, &env, None, &["setup", "--api-base", &gist.url()]).await);
    let o = sync_cli(&cfg2, &data2, &env, None, &["pull"]).await;
    refused(&o, 2, "needs secrets it does not carry");
    assert!(!cfg2.exists());
}

#[tokio::test]
async fn webdav_round_trip_and_conflicts() {
    let dav = FakeDav::start().await;
    let upstream = Upstream::start().await;
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (cfg1, data1) = (one.path().join("config.yml"), one.path().join("data"));
    let (cfg2, data2) = (two.path().join("config.yml"), two.path().join("data"));
    let sync =
        format!("sync:\n  webdav:\n    url: \"{}\"\n    username: dav-user\n    password: \"{DAV_PASS}\"\n", dav.url());
    std::fs::write(&cfg1, config_text(&upstream.url(), &sync)).unwrap();
    let pass = [("MONORELAY_SYNC_PASSPHRASE", PASS)];

    let o = sync_cli(&cfg1, &data1, &pass, None, &["push", "--to", "webdav"]).await;
    ok(&o);
    let stored = dav.everything();
    assert!(stored.contains("BEGIN AGE ENCRYPTED FILE") && stored.contains("# primary"));
    assert_no_secret(&stored);

    // The second machine knows only where to pull from.
    std::fs::write(&cfg2, &sync).unwrap();
    let o = sync_cli(&cfg2, &data2, &pass, None, &["pull", "--from", "webdav"]).await;
    refused(&o, 4, "never been synced");
    let o = sync_cli(&cfg2, &data2, &pass, None, &["pull", "--from", "webdav", "--force"]).await;
    ok(&o);
    assert_eq!(parse(&std::fs::read_to_string(&cfg2).unwrap()), parse(&std::fs::read_to_string(&cfg1).unwrap()));
    serves_the_same(&cfg2, &upstream).await;

    // A remote edit: refused, then forced.
    dav.edit("config.yml", |c| format!("{c}# edited elsewhere\n"));
    let o = sync_cli(&cfg1, &data1, &pass, None, &["push", "--to", "webdav"]).await;
    refused(&o, 4, "WebDAV copy changed");
    ok(&sync_cli(&cfg1, &data1, &pass, None, &["push", "--to", "webdav", "--force"]).await);
    assert!(!dav.everything().contains("# edited elsewhere"));

    // Wrong passphrase: refused, intact.
    let before = std::fs::read_to_string(&cfg2).unwrap();
    let o = sync_cli(
        &cfg2,
        &data2,
        &[("MONORELAY_SYNC_PASSPHRASE", "wrong")],
        None,
        &["pull", "--from", "webdav", "--force"],
    )
    .await;
    refused(&o, 5, "wrong passphrase");
    assert_eq!(std::fs::read_to_string(&cfg2).unwrap(), before);
}

#[tokio::test]
async fn auto_push_after_a_key_is_added_on_a_running_server() {
    let gist = FakeGist::start().await;
    let upstream = Upstream::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    let sync = format!("sync:\n  api_base: \"{}\"\n  auto_push: true\n", gist.url());
    std::fs::write(&cfg, config_text(&upstream.url(), &sync)).unwrap();
    ok(&sync_cli(&cfg, &data, &[], Some(&format!("{TOKEN}\n")), &["setup", "--token-stdin"]).await);
    ok(&sync_cli(&cfg, &data, &[], None, &["push", "--no-passphrase"]).await);
    let pushed = gist.patches();

    let relay = Relay::start_logged_file(&cfg, &data).await;
    let mut c = monorelay::admin::Client::connect(&data.join(monorelay::admin::socket::SOCKET_FILE)).await.unwrap();
    c.keys_add(&monorelay::admin::KeysAdd {
        provider: "up".into(),
        keys: vec![monorelay::admin::NewKey {
            key: monorelay::secret::Secret::new("sk-added-later-3".into()),
            label: Some("three".into()),
            weight: None,
        }],
        skip_existing: false,
    })
    .await
    .unwrap();
    // Debounced, then pushed: wait for the push and its record (generously; nothing else pushes).
    let mut waited = Duration::ZERO;
    let status = loop {
        let status = c.sync_status().await.unwrap();
        if gist.patches() > pushed && status.local_changed == Some(false) {
            break status;
        }
        assert!(waited < Duration::from_secs(120), "no auto-push: {status:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += Duration::from_millis(100);
    };
    assert!(status.last_error.is_none() && status.secrets_pushed == Some(false), "{status:?}");
    assert!(gist.head().files["config.yml"].contains("three"));
    assert!(!gist.everything().contains("sk-added-later-3"));
    drop(relay);
}

#[tokio::test]
async fn gist_api_errors_are_precise_and_never_show_the_token() {
    use monorelay::sync::{SyncError, gist::GistClient};
    let up = Upstream::start().await;
    let token = monorelay::secret::Secret::new(TOKEN.to_string());
    let c = GistClient::new(&up.url(), &token).unwrap();
    let mut seen = Vec::new();

    up.push(Reply::Json {
        status: 403,
        body: json!({"message": "API rate limit exceeded"}),
        headers: vec![("x-ratelimit-remaining", "0".into()), ("x-ratelimit-reset", "1700000000".into())],
    });
    let e = c.verify().await.unwrap_err();
    assert!(matches!(e, SyncError::RateLimited(_)) && e.to_string().contains("1700000000"), "{e}");
    seen.push(e.to_string());

    up.push(Reply::json(403, json!({"message": "Resource not accessible by personal access token"})));
    let e = c.verify().await.unwrap_err();
    assert!(matches!(e, SyncError::Auth(_)) && e.to_string().contains("'gist' scope"), "{e}");
    seen.push(e.to_string());

    up.push(Reply::Json { status: 200, body: json!([]), headers: vec![("x-oauth-scopes", "repo, user".into())] });
    let e = c.verify().await.unwrap_err();
    assert!(e.to_string().contains("lacks the 'gist' scope"), "{e}");
    seen.push(e.to_string());

    up.push(Reply::json(401, json!({"message": format!("Bad credentials {TOKEN}")})));
    let e = c.verify().await.unwrap_err();
    assert!(matches!(e, SyncError::Auth(_)) && e.to_string().contains("401"), "{e}");
    seen.push(e.to_string());

    // Sent with the token, as a bearer.
    assert!(up.received().iter().all(|r| r.auth() == format!("Bearer {TOKEN}")));

    // Nothing listens there: a network error that names where.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
    let c = GistClient::new(&format!("http://{closed}"), &token).unwrap();
    let e = c.verify().await.unwrap_err();
    assert!(matches!(e, SyncError::Network(_)) && e.to_string().contains(&closed.to_string()), "{e}");
    seen.push(e.to_string());
    assert!(seen.iter().all(|m| !m.contains(TOKEN)), "{seen:?}");
}
