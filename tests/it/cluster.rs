//! Scale-out: two real `monorelay serve` processes with one config, sharing a real PostgreSQL
//! (`storage.backend: postgres`) and a real Redis (`state.backend: redis`). A key that 429s on
//! relay A is skipped by relay B; a relay key's rpm limit holds across both; a request served by A
//! is in B's `logs tail` and live in B's `logs tail -f`, tagged with A's instance; `status` lists
//! both instances; stopping A loses no record; a Redis restarted mid-run degrades both relays to
//! local state (still serving, said in `status` and `/metrics`) and they recover. Users, relay
//! keys and sessions created, changed, disabled, revoked or removed through one relay apply on
//! the other at once (a revoked key is refused, a password change ends the sessions); a relay
//! key's token quota spent half on each relay refuses the next request on both.
//!
//! The database and Redis come from MONORELAY_TEST_POSTGRES_URL and MONORELAY_TEST_REDIS_URL
//! (`scripts/cluster-services.sh start DIR` starts both and prints them). Without them the tests
//! are skipped with a notice, except under CI=true, where they fail. The Redis-restart test runs
//! its own `redis-server` (on PATH) so that restarting it disturbs no other test.

use crate::common::*;
use monorelay::admin::socket::SOCKET_FILE;
use monorelay::admin::{Client, RelayKeyCreate, RelayKeyRevoke, UserAdd, UserName, UserPasswd};
use monorelay::auth::Role;
use monorelay::state::SharedState;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Every wait here polls up to this long: generous, so a slow machine passes; a broken one fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// The services' URLs, or `None` (with a loud notice) when they are not given outside CI.
pub(crate) fn services() -> Option<(String, String)> {
    let pg = std::env::var("MONORELAY_TEST_POSTGRES_URL").ok().filter(|s| !s.is_empty());
    let redis = std::env::var("MONORELAY_TEST_REDIS_URL").ok().filter(|s| !s.is_empty());
    match (pg, redis) {
        (Some(p), Some(r)) => Some((p, r)),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but MONORELAY_TEST_POSTGRES_URL / MONORELAY_TEST_REDIS_URL are not set: the cluster tests \
                 need them (.ci/run starts both)"
            )
        }
        _ => {
            eprintln!(
                "\n*** SKIPPED: cluster tests need PostgreSQL and Redis. Run \
                 `eval \"$(scripts/cluster-services.sh start /tmp/monorelay-cluster)\"` first (see README). ***\n"
            );
            None
        }
    }
}

/// A suffix unique to this run: the database and Redis outlive a test run.
pub(crate) fn tag(name: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{name}-{:x}-{nanos:x}", std::process::id())
}

/// The shared config of both relays: one provider `up` with `keys`, the shared backends.
pub(crate) fn cluster_config(dir: &Path, upstream: &str, keys: &[&str], pg: &str, redis: &str) -> PathBuf {
    let mut text = api_config(upstream, keys, "");
    text.push_str(&format!(
        "storage:\n  backend: postgres\n  postgres_url: \"{pg}\"\n  pool_size: 2\nstate:\n  backend: redis\n  redis_url: \"{redis}\"\n"
    ));
    let path = dir.join("config.yml");
    std::fs::write(&path, text).unwrap();
    path
}

pub(crate) struct Node {
    pub(crate) served: Served,
    pub(crate) data: PathBuf,
}

impl Node {
    pub(crate) fn start(cfg: &Path, root: &Path, name: &str) -> Node {
        let data = root.join(name);
        std::fs::create_dir_all(&data).unwrap();
        let served = serve(cfg, &data);
        Node { served, data }
    }
    pub(crate) async fn admin(&self) -> Client {
        Client::connect(&self.data.join(SOCKET_FILE)).await.unwrap()
    }
    pub(crate) async fn chat(&self, key: &str, model: &str) -> reqwest::Response {
        client()
            .post(format!("{}/v1/chat/completions", self.served.base))
            .bearer_auth(key)
            .json(&chat(model, "hi"))
            .send()
            .await
            .unwrap()
    }
    async fn metrics(&self) -> String {
        client()
            .get(format!("{}/metrics", self.served.base))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
    pub(crate) async fn cluster(&self) -> monorelay::state::ClusterStatus {
        self.admin().await.status().await.unwrap().cluster.expect("a cluster status")
    }
}

/// Poll `f` until it holds, for at most `PATIENCE`.
pub(crate) async fn eventually<F, Fut>(what: &str, f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    poll_every(Duration::from_millis(100), what, f).await;
}

/// Poll `f` every `every` until it holds; how long it took (at most `PATIENCE`).
async fn poll_every<F, Fut>(every: Duration, what: &str, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !f().await {
        assert!(start.elapsed() < PATIENCE, "gave up waiting for: {what}");
        tokio::time::sleep(every).await;
    }
    start.elapsed()
}

fn key_state(metrics: &str, label: &str) -> Option<String> {
    let needle = format!("monorelay_key_state{{provider=\"up\",key=\"{label}\",state=\"");
    metrics.lines().find_map(|l| l.strip_prefix(needle.as_str()).and_then(|r| r.split('"').next()).map(str::to_string))
}

/// The label of the upstream key whose secret is in `auth`.
fn label_of(auth: &str, keys: &[&str]) -> String {
    let i = keys.iter().position(|k| auth.ends_with(k)).expect("a known key");
    format!("k{}", i + 1)
}

pub(crate) async fn pg_count(pg: &str, model: &str) -> i64 {
    let (client, conn) = tokio_postgres::connect(pg, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    // The entry is versioned JSON after one format byte; the model is in it verbatim.
    let pattern = format!("%\"requested_model\":\"{model}\"%");
    let row = client
        .query_one(
            "SELECT count(*) FROM request_log WHERE convert_from(substring(entry from 2), 'UTF8') LIKE $1",
            &[&pattern],
        )
        .await
        .unwrap();
    row.get(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_relays_share_key_health_rpm_limits_and_the_log() {
    let Some((pg, redis)) = services() else { return };
    let (m_share_429, m_share_b, m_share_rpm, m_share_live) =
        (tag("cl-share-429"), tag("cl-share-b"), tag("cl-share-rpm"), tag("cl-share-live"));
    let user = tag("carol");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let secrets = [tag("sk-cluster-share-one"), tag("sk-cluster-share-two")];
    let keys = [secrets[0].as_str(), secrets[1].as_str()];
    let cfg = cluster_config(dir.path(), &up.url(), &keys, &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");

    // Users live in PostgreSQL: a key made through A is known to B, started after.
    let mut admin = a.admin().await;
    admin.users_add(&UserAdd { name: user.clone(), role: Role::User, ..UserAdd::default() }).await.unwrap();
    let limited = admin
        .users_keys_create(&RelayKeyCreate { user: user.clone(), rpm: Some(3), ..RelayKeyCreate::default() })
        .await
        .unwrap()
        .key;
    let b = Node::start(&cfg, dir.path(), "b");

    // Both relays are live instances of one cluster.
    eventually("B's status lists both instances", || async {
        let c = b.cluster().await;
        c.instances.len() >= 2 && c.state == Some(SharedState::Connected) && c.storage == "postgres"
    })
    .await;
    let a_id = a.cluster().await.instance;
    assert_ne!(a_id, b.cluster().await.instance);

    // A key that 429s on A: A fails over; B skips that key from then on.
    up.push(Reply::Json {
        status: 429,
        body: serde_json::json!({"error": {"message": "slow down", "type": "rate_limit"}}),
        headers: vec![("retry-after", "120".into())],
    });
    up.push(Reply::json(200, completion("via the other key")));
    let r = a.chat(KEY, m_share_429.as_str()).await;
    assert_eq!(r.status(), 200);
    let got = up.received();
    let limited_key = label_of(&got[0].auth(), &keys);
    assert_ne!(label_of(&got[1].auth(), &keys), limited_key, "A failed over to the other key");
    eventually("B sees the key cooling", || async {
        key_state(&b.metrics().await, &limited_key).as_deref() == Some("cooling")
    })
    .await;
    for _ in 0..4 {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(b.chat(KEY, m_share_b.as_str()).await.status(), 200);
    }
    let used: Vec<String> = up.received()[2..].iter().map(|r| label_of(&r.auth(), &keys)).collect();
    assert_eq!(used.len(), 4);
    assert!(used.iter().all(|l| *l != limited_key), "B used the key that 429'd on A: {used:?}");

    // A relay key's rpm holds across both relays. (A minute boundary between the calls resets
    // the window; then the sequence runs once more.)
    let mut held = false;
    for _ in 0..2 {
        let minute = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 60;
        let mut statuses = Vec::new();
        for node in [&a, &b, &a, &b] {
            up.push(Reply::json(200, completion("ok")));
            statuses.push(node.chat(&limited, m_share_rpm.as_str()).await.status().as_u16());
        }
        let same_minute =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 60 == minute;
        if same_minute {
            assert_eq!(statuses, [200, 200, 200, 429], "3 per minute across A and B");
            held = true;
            break;
        }
        up.state.script.lock().unwrap().clear();
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    assert!(held);
    up.state.script.lock().unwrap().clear();

    // B's `logs tail -f` sees a request served by A, tagged with A's instance.
    // The event forwarder is a subscriber of its own: wait for one more.
    let listening = b.admin().await.status().await.unwrap().subscribers;
    let mut follow = bin();
    follow.arg("--config").arg(&cfg).arg("--data-dir").arg(&b.data).args([
        "--json",
        "logs",
        "tail",
        "-f",
        "--lines",
        "0",
        "--model",
        m_share_live.as_str(),
    ]);
    let mut child = follow.stdout(std::process::Stdio::piped()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    eventually("B's tail -f subscribed", || async { b.admin().await.status().await.unwrap().subscribers > listening })
        .await;
    up.push(Reply::json(200, completion("live")));
    assert_eq!(a.chat(KEY, m_share_live.as_str()).await.status(), 200);
    let line = tokio::task::spawn_blocking(move || rx.recv_timeout(PATIENCE)).await.unwrap().expect("a live line");
    let _ = child.kill();
    let _ = child.wait();
    let live: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(live["requested_model"], m_share_live.as_str(), "{line}");
    assert_eq!(live["instance"], a_id.as_str(), "{line}");

    // …and B's plain `logs tail` reads it from the shared log.
    let out = cli(&cfg, &b.data, &["--json", "logs", "tail", "--model", m_share_live.as_str()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(m_share_live.as_str()) && text.contains(&a_id), "{text}");

    // The shared log has B's requests too.
    assert_eq!(pg_count(&pg, m_share_b.as_str()).await, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_a_relay_loses_no_record() {
    let Some((pg, redis)) = services() else { return };
    let m_stop = tag("cl-stop");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-stop"], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    const N: usize = 40;
    for i in 0..N {
        up.push(Reply::json(200, completion("ok")));
        let node = if i % 4 == 0 { &b } else { &a };
        assert_eq!(node.chat(KEY, m_stop.as_str()).await.status(), 200);
    }
    // A stops at once after answering: what it queued is written before it exits.
    assert!(a.served.stop().await.success());
    let b_out = b.data.clone();
    let out = cli(&cfg, &b_out, &["--json", "logs", "tail", "--lines", "100", "--model", m_stop.as_str()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(pg_count(&pg, m_stop.as_str()).await, N as i64, "every record of A and B is in PostgreSQL");
}

/// A private `redis-server` on a fixed free port, restartable.
pub(crate) struct OwnRedis {
    port: u16,
    dir: PathBuf,
    child: Option<std::process::Child>,
}

impl OwnRedis {
    pub(crate) fn start(dir: &Path) -> OwnRedis {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut r = OwnRedis { port, dir: dir.to_path_buf(), child: None };
        r.up();
        r
    }
    pub(crate) fn up(&mut self) {
        let child = std::process::Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .current_dir(&self.dir)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server on PATH");
        self.child = Some(child);
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(start.elapsed() < PATIENCE, "redis-server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    pub(crate) fn down(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
    pub(crate) fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        self.down();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_restart_degrades_to_local_state_and_recovers() {
    let Some((pg, _)) = services() else { return };
    let (m_restart_degraded, m_restart_after) = (tag("cl-restart-degraded"), tag("cl-restart-after"));
    let dir = tempfile::tempdir().unwrap();
    let mut redis = OwnRedis::start(dir.path());
    let up = Upstream::start().await;
    let secrets = [tag("sk-cluster-restart-one"), tag("sk-cluster-restart-two")];
    let keys = [secrets[0].as_str(), secrets[1].as_str()];
    let cfg = cluster_config(dir.path(), &up.url(), &keys, &pg, &redis.url());
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    eventually("both connected", || async { b.cluster().await.instances.len() >= 2 }).await;

    redis.down();
    eventually("B says it is degraded", || async { b.cluster().await.state == Some(SharedState::Degraded) }).await;
    assert!(b.metrics().await.contains("monorelay_shared_state_degraded 1"));
    // Degraded still serves, on local state.
    for node in [&a, &b] {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(node.chat(KEY, m_restart_degraded.as_str()).await.status(), 200);
    }

    redis.up();
    eventually("both reconnect", || async {
        a.cluster().await.state == Some(SharedState::Connected)
            && b.cluster().await.state == Some(SharedState::Connected)
    })
    .await;
    assert!(b.cluster().await.degraded_count >= 1);
    assert!(b.metrics().await.contains("monorelay_shared_state_degraded 0"));

    // Shared again: a 429 on A reaches B.
    up.state.script.lock().unwrap().clear();
    let before = up.received().len();
    up.push(Reply::Json {
        status: 429,
        body: serde_json::json!({"error": {"message": "slow down", "type": "rate_limit"}}),
        headers: vec![("retry-after", "120".into())],
    });
    up.push(Reply::json(200, completion("ok")));
    assert_eq!(a.chat(KEY, m_restart_after.as_str()).await.status(), 200);
    let limited = label_of(&up.received()[before].auth(), &keys);
    eventually("B sees the key cooling after the restart", || async {
        key_state(&b.metrics().await, &limited).as_deref() == Some("cooling")
    })
    .await;
    // Records of the degraded period were written all the same.
    eventually("the degraded period's records are stored", || async {
        pg_count(&pg, m_restart_degraded.as_str()).await == 2
    })
    .await;
}

/// A database of its own (the shared config is one row per database), dropped at the end.
pub(crate) struct OwnDatabase {
    admin_url: String,
    name: String,
    pub(crate) url: String,
}

impl OwnDatabase {
    pub(crate) async fn create(pg: &str) -> OwnDatabase {
        let name = tag("monorelay_cfg").replace('-', "_");
        let (client, conn) = tokio_postgres::connect(pg, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        client.batch_execute(&format!("CREATE DATABASE {name}")).await.expect("CREATE DATABASE (needs CREATEDB)");
        let (base, _) = pg.rsplit_once('/').unwrap();
        OwnDatabase { admin_url: pg.to_string(), url: format!("{base}/{name}"), name }
    }
    pub(crate) async fn drop_now(self) {
        let (client, conn) = tokio_postgres::connect(&self.admin_url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_config_edit_through_one_relay_applies_on_the_other() {
    let Some((pg, redis)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let mut text =
        std::fs::read_to_string(cluster_config(dir.path(), &up.url(), &["sk-cluster-config"], &db.url, &redis))
            .unwrap();
    text.push_str("config:\n  source: postgres\n");
    // Each relay has a file of its own: only the database connects them.
    let files: Vec<PathBuf> = ["a", "b"]
        .iter()
        .map(|n| {
            let d = dir.path().join(format!("cfg-{n}"));
            std::fs::create_dir_all(&d).unwrap();
            let f = d.join("config.yml");
            std::fs::write(&f, &text).unwrap();
            f
        })
        .collect();
    let a = Node::start(&files[0], dir.path(), "a");
    let b = Node::start(&files[1], dir.path(), "b");
    assert_eq!(a.admin().await.status().await.unwrap().providers, 1);
    assert_eq!(a.cluster().await.config_version, Some(1), "A seeded the database");
    assert_eq!(b.cluster().await.config_version, Some(1), "B runs the same version");

    let edited = text.replace("model_routing:", "  extra:\n    provider_type: mock\nmodel_routing:");
    let put = b.admin().await.config_put(&monorelay::admin::ConfigPut { text: edited.clone() }).await.unwrap();
    assert!(put.reloaded);
    let start = Instant::now();
    eventually("A runs B's edit", || async { a.admin().await.status().await.unwrap().providers == 2 }).await;
    eprintln!("cluster: a config edit through B applied on A after {:?}", start.elapsed());
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), edited, "A keeps the shared config in its file");
    assert_eq!(a.cluster().await.config_version, Some(2));

    // An invalid edit is refused where it is made and reaches nobody.
    let bad = edited.replace("provider_type: mock", "provider_type: nonsense");
    let e = b.admin().await.config_put(&monorelay::admin::ConfigPut { text: bad }).await.unwrap_err();
    assert_eq!(e.http_status(), 400, "{e:?}");
    assert_eq!(a.cluster().await.config_version, Some(2));

    // `config export` prints what is stored; `config import` stores a file and A applies it.
    let out = cli(&files[1], &b.data, &["config", "export"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), edited);
    let import = dir.path().join("import.yml");
    std::fs::write(&import, &text).unwrap();
    let out = cli(&files[1], &b.data, &["config", "import", import.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    eventually("A runs the imported config", || async { a.admin().await.status().await.unwrap().providers == 1 }).await;
    eventually("B runs it too", || async { b.admin().await.status().await.unwrap().providers == 1 }).await;

    drop(a);
    drop(b);
    db.drop_now().await;
}

/// A TCP forwarder to PostgreSQL that can be cut (every connection closed, new ones refused) and
/// restored: PostgreSQL lost mid-run without stopping the one other tests use.
struct Cuttable {
    addr: std::net::SocketAddr,
    up: Arc<std::sync::atomic::AtomicBool>,
    cut: Arc<tokio::sync::Notify>,
}

impl Cuttable {
    async fn start(target: String) -> Cuttable {
        use std::sync::atomic::Ordering;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let up = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let cut = Arc::new(tokio::sync::Notify::new());
        let (u, c) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !u.load(Ordering::SeqCst) {
                    continue;
                }
                let (target, c) = (target.clone(), c.clone());
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await else { return };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        () = c.notified() => {}
                    }
                });
            }
        });
        Cuttable { addr, up, cut }
    }
    fn set(&self, up: bool) {
        self.up.store(up, std::sync::atomic::Ordering::SeqCst);
        if !up {
            self.cut.notify_waiters();
        }
    }
}

use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_are_held_while_postgres_is_unreachable_and_written_when_it_is_back() {
    let Some((pg, redis)) = services() else { return };
    let model = tag("cl-held");
    // postgres://user@HOST:PORT/db → the same through the forwarder.
    let rest = pg.split_once("://").unwrap().1;
    let (auth, hostpath) = rest.rsplit_once('@').unwrap();
    let (hostport, db) = hostpath.split_once('/').unwrap();
    let proxy = Cuttable::start(hostport.to_string()).await;
    let via = format!("postgres://{auth}@{}/{db}", proxy.addr);
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-held"], &via, &redis);
    let a = Node::start(&cfg, dir.path(), "a");

    proxy.set(false);
    const N: usize = 5;
    for _ in 0..N {
        up.push(Reply::json(200, completion("ok")));
        assert_eq!(a.chat(KEY, &model).await.status(), 200, "relaying goes on without the database");
    }
    eventually("A reports the records it holds", || async {
        let c = a.cluster().await;
        c.held_records == N as u64 && c.storage_error.is_some()
    })
    .await;
    assert!(a.metrics().await.contains(&format!("monorelay_records_held {N}")));
    assert_eq!(pg_count(&pg, &model).await, 0);

    proxy.set(true);
    eventually("the held records are written", || async { pg_count(&pg, &model).await == N as i64 }).await;
    // The status follows the write that emptied the queue (it is updated just after the commit).
    eventually("A reports nothing held and no storage error", || async {
        let c = a.cluster().await;
        (c.held_records, c.lost_records, c.storage_error.is_none()) == (0, 0, true)
    })
    .await;
    assert_eq!(pg_count(&pg, &model).await, N as i64, "each held record written once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_a_newer_version_is_refused_with_a_clear_message() {
    let Some((pg, _)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let url = monorelay::secret::Secret::new(db.url.clone());
    let u = url.clone();
    // Two relays migrating at once: the advisory lock makes one wait for the other.
    let (first, second) = tokio::join!(
        tokio::task::spawn_blocking(move || monorelay::store::postgres::PgStore::connect(&u, 1).map(drop)),
        tokio::task::spawn_blocking({
            let u = url.clone();
            move || monorelay::store::postgres::PgStore::connect(&u, 1).map(drop)
        })
    );
    first.unwrap().unwrap();
    second.unwrap().unwrap();
    let (client, conn) = tokio_postgres::connect(&db.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    client.batch_execute("UPDATE schema_version SET version = 99").await.unwrap();
    let u = url.clone();
    let e = tokio::task::spawn_blocking(move || monorelay::store::postgres::PgStore::connect(&u, 1).map(drop))
        .await
        .unwrap()
        .unwrap_err();
    assert!(e.0.contains("schema version 99") && e.0.contains("upgrade monorelay"), "{e}");
    drop(client);
    db.drop_now().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_copies_a_redb_data_dir_into_postgres_resumably() {
    let Some((pg, redis)) = services() else { return };
    let db = OwnDatabase::create(&pg).await;
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    // One machine first: redb in the data dir.
    let single = dir.path().join("single.yml");
    std::fs::write(&single, api_config(&up.url(), &["sk-cluster-migrate"], "")).unwrap();
    let data = dir.path().join("data");
    let relay = serve(&single, &data);
    let mut admin = Client::connect(&data.join(SOCKET_FILE)).await.unwrap();
    admin.users_add(&UserAdd { name: "dora".into(), role: Role::User, ..UserAdd::default() }).await.unwrap();
    for _ in 0..3 {
        up.push(Reply::json(200, completion("ok")));
        let r = client()
            .post(format!("{}/v1/chat/completions", relay.base))
            .bearer_auth(KEY)
            .json(&chat("cl-migrated", "hi"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    // A stored Responses conversation, to be continued after the move.
    up.push(Reply::json(200, completion("kept")));
    let r = client()
        .post(format!("{}/v1/responses", relay.base))
        .bearer_auth(KEY)
        .json(&serde_json::json!({"model": "resp-migrated", "input": "remember me"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let response_id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    drop(admin);
    assert!(relay.stop().await.success());

    let out = cli(&single, &data, &["--json", "migrate", "--to", "postgres", "--postgres-url", &db.url]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let m: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (m["records"].as_u64(), m["copied"].as_u64(), m["already"].as_u64()),
        (Some(4), Some(4), Some(0)),
        "{m}"
    );
    assert!(m["aggregates"].as_u64() >= Some(1) && m["principals"].as_u64() >= Some(1), "{m}");
    assert_eq!(m["side"].as_u64(), Some(1), "the stored conversation: {m}");
    // A second run (an interrupted first one, say) copies nothing twice.
    let out = cli(&single, &data, &["--json", "migrate", "--to", "postgres", "--postgres-url", &db.url]).await;
    let m: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((m["copied"].as_u64(), m["already"].as_u64()), (Some(0), Some(4)), "{m}");
    // Every record went to its day's partition.
    let (pgc, conn) = tokio_postgres::connect(&db.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    let in_default: i64 = pgc.query_one("SELECT count(*) FROM request_log_default", &[]).await.unwrap().get(0);
    assert_eq!(in_default, 0);
    drop(pgc);

    // A relay on that database serves the migrated log, stats and users.
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-migrate"], &db.url, &redis);
    let node = Node::start(&cfg, dir.path(), "after");
    let out = cli(&cfg, &node.data, &["--json", "logs", "tail", "--model", "cl-migrated"]).await;
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3, "{}", String::from_utf8_lossy(&out.stdout));
    let out = cli(&cfg, &node.data, &["--json", "stats"]).await;
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["total"]["requests"], 4, "{stats}");
    let users = node.admin().await.users_list().await.unwrap();
    assert!(users.iter().any(|u| u.name == "dora"), "{users:?}");
    let got =
        client().get(format!("{}/v1/responses/{response_id}", node.served.base)).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(got.status(), 200, "the conversation moved too");
    drop(node);
    db.drop_now().await;
}

/// Poll `f` closely until it holds; how long it took (at most `PATIENCE`, else the test fails).
async fn time_until<F, Fut>(what: &str, f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    poll_every(Duration::from_millis(5), what, f).await
}

impl Node {
    /// `POST /api/auth/login`: the session cookie, if the login was accepted.
    async fn login(&self, user: &str, password: &str) -> Option<String> {
        self.login_status(user, password).await.1
    }
    /// `POST /api/auth/login`: the status and the session cookie it set.
    async fn login_status(&self, user: &str, password: &str) -> (u16, Option<String>) {
        let r = client()
            .post(format!("{}/api/auth/login", self.served.base))
            .json(&serde_json::json!({"username": user, "password": password}))
            .send()
            .await
            .unwrap();
        let cookie = r.headers().get("set-cookie").map(|c| c.to_str().unwrap().split(';').next().unwrap().to_string());
        (r.status().as_u16(), cookie.filter(|_| r.status() == 200))
    }
    /// The status of `GET /api/auth/me` with a session cookie.
    async fn me(&self, cookie: &str) -> u16 {
        let url = format!("{}/api/auth/me", self.served.base);
        client().get(url).header("cookie", cookie).send().await.unwrap().status().as_u16()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_keys_and_sessions_changed_on_one_relay_apply_on_the_other() {
    let Some((pg, _)) = services() else { return };
    let (model, other) = (tag("cl-principal"), tag("cl-principal-other"));
    let user = tag("dave");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    // A Redis of its own: the failed login below would count against 127.0.0.1 for every test.
    let redis = OwnRedis::start(dir.path());
    let cfg = cluster_config(dir.path(), &up.url(), &[&tag("sk-cluster-principals")], &pg, &redis.url());
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    // Both relays up: their principals' listeners are running.
    eventually("both relays are live", || async { b.cluster().await.instances.len() >= 2 }).await;

    // A user and a relay key made through B work on A. The key may only use `model`: a request
    // for `other` is a 403 once the key is known (no upstream call) and a 401 while it is not.
    let mut on_b = b.admin().await;
    let pw = "correct horse battery";
    on_b.users_add(&UserAdd { name: user.clone(), role: Role::Admin, password: Some(pw.into()), ..UserAdd::default() })
        .await
        .unwrap();
    let create = RelayKeyCreate { user: user.clone(), models: vec![model.clone()], ..RelayKeyCreate::default() };
    let created = on_b.users_keys_create(&create).await.unwrap();
    let key = created.key.clone();
    let known = time_until("A knows the key made on B", || async { a.chat(&key, &other).await.status() == 403 }).await;
    up.push(Reply::json(200, completion("hello from A")));
    assert_eq!(a.chat(&key, &model).await.status(), 200);

    // Revoked on B: refused on A. (Measured: the time from the revoke's answer to A's refusal.)
    on_b.users_keys_revoke(&RelayKeyRevoke { prefix: created.info.prefix.clone() }).await.unwrap();
    let revoked =
        time_until("A refuses the key revoked on B", || async { a.chat(&key, &other).await.status() == 401 }).await;
    assert_eq!(a.chat(&key, &model).await.status(), 401);
    assert_eq!(up.received().len(), 1, "the revoked key reached no upstream");

    // A session started on B works on A; a password change on B ends it on A (as on one relay).
    let cookie = b.login(&user, pw).await.expect("login on B");
    eventually("A knows the session started on B", || async { a.me(&cookie).await == 200 }).await;
    on_b.users_passwd(&UserPasswd { name: user.clone(), password: "another horse battery".into() }).await.unwrap();
    let ended =
        time_until("A ends the session after the password change on B", || async { a.me(&cookie).await == 401 }).await;
    assert!(a.login(&user, pw).await.is_none(), "the old password is refused on A");

    // Disabled on B: the user's sessions and keys are refused on A (a session made on A, too).
    let cookie = a.login(&user, "another horse battery").await.expect("login on A with the new password");
    let key2 = on_b.users_keys_create(&create).await.unwrap().key;
    eventually("A knows the second key", || async { a.chat(&key2, &other).await.status() == 403 }).await;
    on_b.users_enable(&UserName { name: user.clone() }, false).await.unwrap();
    let disabled = time_until("A refuses the disabled user's key and session", || async {
        a.chat(&key2, &other).await.status() == 401 && a.me(&cookie).await == 401
    })
    .await;

    // Deleted on B: gone on A.
    on_b.users_enable(&UserName { name: user.clone() }, true).await.unwrap();
    eventually("A sees the user enabled again", || async { a.chat(&key2, &other).await.status() == 403 }).await;
    on_b.users_remove(&UserName { name: user.clone() }).await.unwrap();
    eventually("A forgets the removed user's key", || async { a.chat(&key2, &other).await.status() == 401 }).await;
    eprintln!(
        "propagation B→A: new key {known:?}, revoke {revoked:?}, password change {ended:?}, disable {disabled:?}"
    );
}

/// A new user `user` (made through A) with a relay key for `model` of `tokens_per_day`, known on B.
pub(crate) async fn quota_key(
    a: &Node,
    b: &Node,
    user: &str,
    model: &str,
    tokens_per_day: u64,
) -> monorelay::admin::CreatedRelayKey {
    let mut on_a = a.admin().await;
    on_a.users_add(&UserAdd { name: user.to_string(), role: Role::User, ..UserAdd::default() }).await.unwrap();
    let create = RelayKeyCreate {
        user: user.to_string(),
        models: vec![model.to_string()],
        tokens_per_day: Some(tokens_per_day),
        ..RelayKeyCreate::default()
    };
    let created = on_a.users_keys_create(&create).await.unwrap();
    // Known on B: a model outside the key's list is a 403 (no upstream call), not a 401.
    eventually("B knows the key", || async { b.chat(&created.key, "not-allowed").await.status() == 403 }).await;
    created
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_quota_spent_half_on_each_relay_refuses_the_next_request_on_both() {
    let Some((pg, redis)) = services() else { return };
    let model = tag("cl-quota");
    let user = tag("erin");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = cluster_config(dir.path(), &up.url(), &[&tag("sk-cluster-quota")], &pg, &redis);
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");
    // Each completion is 10 tokens: one on each relay spends 20 of 15, which neither relay's own
    // count (10) reaches.
    let created = quota_key(&a, &b, &user, &model, 15).await;
    let key = created.key.clone();

    up.push(Reply::json(200, completion("on A")));
    assert_eq!(a.chat(&key, &model).await.status(), 200);
    up.push(Reply::json(200, completion("on B")));
    assert_eq!(b.chat(&key, &model).await.status(), 200, "B admits: at most 10 of 15 spent so far");
    // Charges are counted after the answer: wait until both are in.
    let day = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    let counter = format!("mr:tokens:{}:{day}", created.info.prefix);
    let conn = redis::Client::open(redis.as_str()).unwrap().get_multiplexed_async_connection().await.unwrap();
    eventually("both relays' charges are counted", || {
        let (mut conn, counter) = (conn.clone(), counter.clone());
        async move { redis::cmd("GET").arg(&counter).query_async::<Option<u64>>(&mut conn).await.unwrap() == Some(20) }
    })
    .await;
    for (name, node) in [("A", &a), ("B", &b)] {
        let r = node.chat(&key, &model).await;
        let status = r.status().as_u16();
        let body = r.text().await.unwrap();
        assert_eq!(status, 429, "{name}: {body}");
        assert!(body.contains("insufficient_quota") && body.contains("tokens per day"), "{name}: {body}");
    }
    assert_eq!(up.received().len(), 2, "no refused request reached the upstream");

    // A weight set at runtime on B (`keys set`, `PATCH /api/keys`) applies on A too.
    let set = monorelay::admin::KeySet {
        provider: "up".into(),
        label: "k1".into(),
        weight: Some(Some(4.5)),
        ..Default::default()
    };
    b.admin().await.keys_set(&set).await.unwrap();
    eventually("A runs the weight set on B", || async {
        a.admin().await.keys_list().await.unwrap().iter().any(|k| k.label == "k1" && k.weight_override == Some(4.5))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_logins_count_on_both_relays_and_an_sso_sign_in_started_on_one_completes_on_the_other() {
    let Some((pg, _)) = services() else { return };
    let user = tag("fay");
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    // A Redis of its own: failed logins count against 127.0.0.1 for 15 minutes.
    let redis = OwnRedis::start(dir.path());
    let cfg = cluster_config(dir.path(), &up.url(), &["sk-cluster-login"], &pg, &redis.url());
    let idp = crate::sso::Idp::start().await;
    let b_ = &idp.base;
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str(&format!(
        "sso:\n  registration: open\n  github:\n    client_id: client-1\n    client_secret: gh-secret\n    auth_url: \"{b_}/authorize\"\n    token_url: \"{b_}/token\"\n    api_base: \"{b_}\"\n"
    ));
    std::fs::write(&cfg, text).unwrap();
    let a = Node::start(&cfg, dir.path(), "a");
    let b = Node::start(&cfg, dir.path(), "b");

    // Failed logins: 3 on A and 2 on B reach the limit of 5 that neither relay reaches alone.
    let pw = "correct horse battery";
    let mut on_b = b.admin().await;
    on_b.users_add(&UserAdd { name: user.clone(), role: Role::User, password: Some(pw.into()), ..UserAdd::default() })
        .await
        .unwrap();
    // (Asked through A's admin socket: a login A refused would count as a failure.)
    eventually("A knows the user made on B", || async {
        a.admin().await.users_list().await.unwrap().iter().any(|u| u.name == user)
    })
    .await;
    for node in [&a, &a, &a, &b, &b] {
        assert_eq!(node.login_status(&user, "wrong horse battery").await.0, 401);
    }
    assert_eq!(monorelay::auth::LOGIN_MAX_FAILURES, 5);
    for (name, node) in [("A", &a), ("B", &b)] {
        let (status, cookie) = node.login_status(&user, pw).await;
        assert_eq!((status, cookie.is_some()), (429, false), "{name} refuses even the right password for now");
    }

    // An SSO sign-in started on A (its `state` kept in Redis) completes on B's callback, once.
    let login = tag("octo");
    let id = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 / 1000;
    idp.script(|s| {
        s.github_user = serde_json::json!({"id": id, "login": login, "name": "Octo"});
        s.github_emails =
            serde_json::json!([{"email": format!("{login}@example.com"), "primary": true, "verified": true}]);
    });
    let mut browser = crate::sso::Browser::new();
    let r = browser.get(&format!("{}/api/auth/sso/github/login", a.served.base)).await;
    let at_idp = crate::sso::Browser::location(&r);
    let r = browser.get(&at_idp).await;
    let callback_on_a = crate::sso::Browser::location(&r);
    assert!(callback_on_a.starts_with(&a.served.base), "{callback_on_a}");
    let callback_on_b = callback_on_a.replacen(&a.served.base, &b.served.base, 1);
    let out = browser.finish(&callback_on_b).await;
    assert_eq!((out.location.as_str(), out.signed_in), ("/", true), "{out:?}");
    let me: Value = browser.get(&format!("{}/api/auth/me", b.served.base)).await.json().await.unwrap();
    assert_eq!(me["user"]["name"], login.as_str());
    // Replayed on A (the state spent, its cookie cleared) it is refused.
    let again = browser.finish(&callback_on_a).await;
    assert!(!again.signed_in && again.location.contains("error"), "{again:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_relays_taking_one_invite_one_gets_it() {
    use monorelay::store::users::{UserRow, UserStore, UserTable};
    let Some((pg, _)) = services() else { return };
    let url = monorelay::secret::Secret::new(pg.clone());
    let connect = |u: monorelay::secret::Secret<String>| {
        tokio::task::spawn_blocking(move || {
            std::sync::Arc::new(monorelay::store::postgres::PgStore::connect(&u, 2).unwrap())
        })
    };
    let (a, b) = (connect(url.clone()).await.unwrap(), connect(url).await.unwrap());
    for round in 0..5 {
        let id = tag(&format!("invite-{round}"));
        let row = UserRow { table: UserTable::Invites, id: id.clone(), value: Some(b"\x01{}".to_vec()) };
        a.apply(&[row]).unwrap();
        let takers: Vec<_> = [a.clone(), b.clone(), a.clone(), b.clone()]
            .into_iter()
            .map(|s| {
                let id = id.clone();
                tokio::task::spawn_blocking(move || s.take(UserTable::Invites, &id).unwrap())
            })
            .collect();
        let mut got = 0;
        for t in takers {
            got += usize::from(t.await.unwrap().is_some());
        }
        assert_eq!(got, 1, "round {round}: exactly one taker gets the invite");
    }
}
