//! The admin service layer through its transports: every operation round-trips through the
//! control socket with the typed `admin::Client` (an in-process server on a config file, with a
//! loopback upstream); the same client over an offline `Service`; and bad input on the socket (not
//! JSON, over 1 MiB, unknown op, wrong argument types) gets a typed error while the connection
//! stays usable.

use crate::common::*;
use monorelay::admin::socket::SOCKET_FILE;
use monorelay::admin::*;
use monorelay::keys::{CoolingReason, KeyStatus};
use monorelay::store::{GroupBy, LogQuery};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

const KEY1: &str = "sk-admin-key-one";
const KEY2: &str = "sk-admin-key-two";

fn key_ref(label: &str) -> KeyRef {
    KeyRef { provider: "up".into(), label: label.into() }
}

fn find<'a>(keys: &'a [KeyInfo], label: &str) -> &'a KeyInfo {
    keys.iter().find(|k| k.label == label).unwrap_or_else(|| panic!("no key '{label}' in {keys:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_round_trips_through_the_socket() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let cfg = dir.path().join("config.yml");
    let text = format!("# my relay\n{}", api_config(&up.url(), &[KEY1, KEY2], ""));
    std::fs::write(&cfg, &text).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let relay = Relay::start_logged_file(&cfg, &data).await;
    let mut c = Client::connect(&data.join(SOCKET_FILE)).await.unwrap();
    assert!(c.server_running());

    // status
    let s = c.status().await.unwrap();
    assert!(s.running && s.pid.is_some() && s.providers == 1, "{s:?}");
    assert_eq!(s.config.as_deref(), Some(cfg.display().to_string().as_str()));
    assert_eq!(s.db, Some(DbSize { records: 0, bytes: s.db.as_ref().map_or(0, |d| d.bytes) }));

    // logs.subscribe on its own connection, then one request.
    let mut sub = Client::connect(&data.join(SOCKET_FILE))
        .await
        .unwrap()
        .subscribe(&LogQuery { model: Some("m-admin".into()), ..LogQuery::default() })
        .await
        .unwrap();
    up.push(Reply::json(200, completion("hello")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-admin", "hi")).await.status(), 200);
    let ev = tokio::time::timeout(Duration::from_secs(30), sub.next()).await.unwrap().unwrap();
    let LogEvent::Record(live) = ev else { panic!("expected a record, got {ev:?}") };
    assert_eq!((live.requested_model.as_str(), live.status), ("m-admin", 200));

    // logs.query, logs.show, stats
    let page = c.logs_query(&LogQuery::default()).await.unwrap();
    assert_eq!(page.entries.len(), 1);
    assert_eq!(page.entries[0].id, live.id);
    let shown = c.logs_show(&LogShow { id: LogId::Short(live.short_id.clone()), bodies: None }).await.unwrap();
    assert_eq!(shown.entry.id, live.id);
    let bodies = shown.bodies.unwrap();
    assert_eq!(bodies.request["messages"][0]["content"], "hi");
    assert_eq!(bodies.response["choices"][0]["message"]["content"], "hello");
    let by_number = c.logs_show(&LogShow { id: LogId::Number(live.id), bodies: Some(false) }).await.unwrap();
    assert!(by_number.bodies.is_none());
    let stats = c.stats(&StatsQuery { by: GroupBy::Model, ..StatsQuery::default() }).await.unwrap();
    assert_eq!(stats.total.requests, 1);
    assert_eq!(
        stats.groups.iter().map(|g| (g.group.as_str(), g.summary.requests)).collect::<Vec<_>>(),
        [("m-admin", 1)]
    );
    let e = c.logs_show(&LogShow { id: LogId::Short("zzzz".into()), bodies: None }).await.unwrap_err();
    assert!(matches!(e, AdminError::NotFound { .. }) && e.to_string().contains("no record 'zzzz'"), "{e:?}");

    // keys.list, keys.set, keys.reset
    let keys = c.keys_list().await.unwrap();
    assert_eq!(keys.len(), 2);
    assert!(keys.iter().all(|k| k.status == Some(KeyStatus::Available)), "{keys:?}");
    let set = KeySet { provider: "up".into(), label: "k1".into(), enabled: None, weight: Some(Some(3.0)) };
    assert_eq!(c.keys_set(&set).await.unwrap().count, 1);
    let k1 = find(&c.keys_list().await.unwrap(), "k1").clone();
    assert_eq!((k1.weight, k1.weight_override), (3.0, Some(3.0)));
    // A 429 cools k2: the state is a typed enum with its end and reason.
    up.push(Reply::Json {
        status: 429,
        body: json!({"error": {"message": "slow down"}}),
        headers: vec![("retry-after", "120".into())],
    });
    let set = KeySet { provider: "up".into(), label: "k1".into(), enabled: Some(Some(false)), weight: Some(None) };
    c.keys_set(&set).await.unwrap();
    let set = KeySet { provider: "up".into(), label: "k1".into(), enabled: Some(None), weight: None };
    assert_eq!(relay.post("/v1/chat/completions", &chat("m-cool", "x")).await.status(), 429);
    c.keys_set(&set).await.unwrap();
    let keys = c.keys_list().await.unwrap();
    let k2 = find(&keys, "k2");
    let now = monorelay::store::unix_ms(std::time::SystemTime::now());
    match &k2.status {
        Some(KeyStatus::Cooling { until_ms, reason: CoolingReason::RateLimited }) => assert!(*until_ms > now + 60_000),
        other => panic!("expected k2 cooling (rate limited), got {other:?}"),
    }
    assert_eq!(find(&keys, "k1").weight_override, None);
    assert_eq!(c.keys_reset(&KeySelector { provider: "up".into(), label: None }).await.unwrap().count, 2);
    assert_eq!(find(&c.keys_list().await.unwrap(), "k2").status, Some(KeyStatus::Available));
    let e = c
        .keys_set(&KeySet { provider: "nope".into(), label: "k1".into(), enabled: Some(Some(true)), weight: None })
        .await;
    assert!(matches!(e, Err(AdminError::NotFound { .. })), "{e:?}");
    let e = c.keys_set(&KeySet { provider: "up".into(), label: "k1".into(), enabled: None, weight: None }).await;
    assert!(matches!(e, Err(AdminError::Invalid { .. })), "{e:?}");

    // keys.disable / keys.enable: written to the file (comments kept), reloaded, no override left.
    let change = c.keys_disable(&key_ref("k1")).await.unwrap();
    assert_eq!((change.written.as_deref(), change.applied), (Some(cfg.as_path()), true));
    let edited = std::fs::read_to_string(&cfg).unwrap();
    assert!(edited.starts_with("# my relay\n") && edited.contains("enabled: false"), "{edited}");
    let k1 = find(&c.keys_list().await.unwrap(), "k1").clone();
    assert_eq!((k1.enabled, k1.enabled_override, k1.status), (false, None, Some(KeyStatus::Disabled)));
    c.keys_enable(&key_ref("k1")).await.unwrap();
    assert_eq!(find(&c.keys_list().await.unwrap(), "k1").status, Some(KeyStatus::Available));
    let e = c.keys_disable(&key_ref("k9")).await.unwrap_err();
    assert!(matches!(e, AdminError::NotFound { .. }), "{e:?}");

    // keys.add / keys.remove
    let add = |key: &str, skip| KeysAdd {
        provider: "up".into(),
        keys: vec![NewKey {
            key: monorelay::secret::Secret::new(key.into()),
            label: Some("extra".into()),
            weight: Some(2.0),
        }],
        skip_existing: skip,
    };
    let change = c.keys_add(&add("sk-admin-new", false)).await.unwrap();
    assert_eq!((change.labels.clone(), change.applied), (vec!["extra".to_string()], true));
    assert!(std::fs::read_to_string(&cfg).unwrap().contains("sk-admin-new"));
    assert_eq!(c.keys_list().await.unwrap().len(), 3);
    let e = c.keys_add(&add("sk-admin-new", false)).await.unwrap_err();
    assert!(!e.to_string().contains("sk-admin-new"), "errors never show a key: {e}");
    assert_eq!(c.keys_add(&add("sk-admin-new", true)).await.unwrap().skipped, 1);
    let e = c.keys_add(&add(" ", false)).await.unwrap_err();
    assert!(matches!(&e, AdminError::Invalid { path: Some(p), .. } if p == "args.keys[0].key"), "{e:?}");
    c.keys_remove(&key_ref("extra")).await.unwrap();
    assert_eq!(c.keys_list().await.unwrap().len(), 2);
    assert!(!std::fs::read_to_string(&cfg).unwrap().contains("sk-admin-new"));

    // providers.list, providers.test, providers.models
    let providers = c.providers_list().await.unwrap();
    assert_eq!(providers.len(), 1);
    assert_eq!(
        (providers[0].name.as_str(), providers[0].kind.as_str(), providers[0].keys_usable()),
        ("up", "api", Some(2))
    );
    up.push(Reply::json(200, completion("pong")));
    up.push(Reply::json(401, json!({"error": {"message": "bad key"}})));
    let results = c.providers_test(&ProviderTest { names: vec!["up".into()], model: Some("tm".into()) }).await.unwrap();
    let summary: Vec<(&str, bool, u16)> = results.iter().map(|r| (r.key.as_str(), r.ok, r.status)).collect();
    assert_eq!(summary, [("k1", true, 200), ("k2", false, 401)]);
    assert_eq!(results[1].message, "bad key");
    let e = c.providers_test(&ProviderTest { names: vec!["nope".into()], model: None }).await.unwrap_err();
    assert!(matches!(e, AdminError::NotFound { .. }), "{e:?}");
    up.push(Reply::json(200, json!({"object": "list", "data": [{"id": "b-model"}, {"id": "a-model"}]})));
    let models = c.providers_models(&ProviderName { name: "up".into() }).await.unwrap();
    assert_eq!(models.models, ["a-model", "b-model"]);
    assert!(models.cached.as_ref().is_some_and(|p| p.starts_with(&data) && p.exists()));
    let listed = client().get(relay.url("/v1/models")).bearer_auth(KEY).send().await.unwrap().text().await.unwrap();
    assert!(listed.contains("a-model@up"), "the running server lists the fetched models at once: {listed}");

    // config.get, config.check, config.put, config.reload
    let view = c.config_get().await.unwrap();
    assert!(!view.text.contains(KEY1) && !view.text.contains(KEY2) && !view.text.contains(KEY), "{}", view.text);
    assert!(view.text.contains("# my relay") && view.text.contains("***"), "{}", view.text);
    assert!(c.config_check(&ConfigText::default()).await.unwrap().ok);
    let bad = c.config_check(&ConfigText { text: Some("providers:\n  up:\n    kye: 1\n".into()) }).await.unwrap();
    assert!(!bad.ok && bad.problems.iter().any(|p| p.contains("kye")), "{bad:?}");
    let before = std::fs::read_to_string(&cfg).unwrap();
    let e = c.config_put(&ConfigPut { text: "server:\n  nope: 1\n".into() }).await.unwrap_err();
    assert!(matches!(&e, AdminError::Invalid { path: Some(p), .. } if p == "server"), "{e:?}");
    assert!(e.to_string().contains("unknown key 'nope'") && e.exit_code() == 2, "{e}");
    assert_eq!(std::fs::read_to_string(&cfg).unwrap(), before, "a rejected config is not written");
    let new_text = format!("{before}# changed through config.put\n");
    let written = c.config_put(&ConfigPut { text: new_text.clone() }).await.unwrap();
    assert!(written.reloaded);
    assert_eq!(std::fs::read_to_string(written.backup.as_ref().unwrap()).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&cfg).unwrap(), new_text);
    let r = c.config_reload().await.unwrap();
    assert!(r.reloaded);
    assert!(c.status().await.unwrap().reload.is_some_and(|r| r.ok && r.reloads >= 2));

    // logs.clear
    let n = c.logs_clear().await.unwrap().deleted;
    assert_eq!(n, 2, "m-admin and m-cool");
    assert!(c.logs_query(&LogQuery::default()).await.unwrap().entries.is_empty());
}

#[tokio::test]
async fn the_offline_service_answers_from_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, api_config("http://127.0.0.1:9", &[KEY1, KEY2], "")).unwrap();
    let config = monorelay::config::load_file(&cfg).unwrap();
    let service = Service::offline(Offline {
        config: Some(config),
        config_path: Some(cfg.clone()),
        data_dir: dir.path().join("data"),
    })
    .unwrap();
    let mut c = Client::local(Arc::new(service));
    assert!(!c.server_running());
    let s = c.status().await.unwrap();
    assert!(!s.running && s.db.is_none() && s.providers == 1, "{s:?}");
    let keys = c.keys_list().await.unwrap();
    assert_eq!(
        keys.iter().map(|k| (k.label.as_str(), k.status.is_none())).collect::<Vec<_>>(),
        [("k1", true), ("k2", true)]
    );
    let e = c.logs_query(&LogQuery::default()).await.unwrap_err();
    assert!(matches!(e, AdminError::Unavailable { .. }), "{e:?}");
    assert_eq!(e.exit_code(), 6);
    let e = c.keys_reset(&KeySelector { provider: "up".into(), label: None }).await.unwrap_err();
    assert!(matches!(e, AdminError::Unavailable { .. }), "{e:?}");
    // Config edits work without a server: written, not applied.
    let change = c.keys_disable(&key_ref("k2")).await.unwrap();
    assert_eq!((change.written.is_some(), change.applied), (true, false));
    assert!(std::fs::read_to_string(&cfg).unwrap().contains("enabled: false"));
    assert!(c.subscribe_is_unavailable().await);
}

/// `Client::subscribe` consumes the client; a helper so the test above reads straight.
trait SubscribeCheck {
    async fn subscribe_is_unavailable(&mut self) -> bool;
}

impl SubscribeCheck for Client {
    async fn subscribe_is_unavailable(&mut self) -> bool {
        matches!(self.call_value("logs.subscribe", Value::Null).await, Err(AdminError::Invalid { .. }))
    }
}

/// Send raw lines on one connection and read one answer per line.
struct Raw {
    reader: BufReader<tokio::net::unix::OwnedReadHalf>,
    writer: tokio::net::unix::OwnedWriteHalf,
}

impl Raw {
    async fn connect(path: &std::path::Path) -> Raw {
        let (r, w) = tokio::net::UnixStream::connect(path).await.unwrap().into_split();
        Raw { reader: BufReader::new(r), writer: w }
    }
    async fn send(&mut self, line: &[u8]) -> Value {
        self.writer.write_all(line).await.unwrap();
        self.writer.write_all(b"\n").await.unwrap();
        let mut answer = String::new();
        let n =
            tokio::time::timeout(Duration::from_secs(30), self.reader.read_line(&mut answer)).await.unwrap().unwrap();
        assert!(n > 0, "the server closed the connection");
        serde_json::from_str(&answer).unwrap()
    }
}

#[tokio::test]
async fn bad_input_gets_a_typed_error_and_the_connection_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let up = Upstream::start().await;
    let relay = Relay::start_logged(&api_config(&up.url(), &[KEY1], ""), dir.path()).await;
    let path = dir.path().join(SOCKET_FILE);
    let mut raw = Raw::connect(&path).await;
    let invalid = |v: &Value, path: Option<&str>, text: &str| {
        assert_eq!((v["ok"].clone(), v["error"]["type"].clone()), (json!(false), json!("invalid")), "{v}");
        assert_eq!(v["error"]["path"].as_str(), path, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(text), "{v}");
    };

    invalid(&raw.send(b"this is not json").await, None, "not a JSON request line");
    invalid(&raw.send(b"[1, 2]").await, None, "JSON object");
    let mut huge = b"{\"id\": 1, \"op\": \"status\", \"args\": \"".to_vec();
    huge.resize(2 * 1024 * 1024, b'x');
    invalid(&raw.send(&huge).await, None, "longer than 1048576 bytes");
    let v = raw.send(br#"{"id": 2, "op": "keys.rotate"}"#).await;
    invalid(&v, Some("op"), "unknown operation 'keys.rotate'");
    assert_eq!(v["id"], 2, "the id is echoed");
    invalid(&raw.send(br#"{"id": 3}"#).await, Some("op"), "missing");
    invalid(&raw.send(br#"{"id": 4, "op": 7}"#).await, Some("op"), "must be a string");
    invalid(
        &raw.send(br#"{"id": 5, "op": "logs.query", "args": {"limit": "ten"}}"#).await,
        Some("args.limit"),
        "invalid type",
    );
    invalid(
        &raw.send(br#"{"id": 6, "op": "keys.set", "args": {"provider": 1, "label": "k1"}}"#).await,
        Some("args.provider"),
        "invalid type",
    );
    invalid(
        &raw.send(br#"{"id": 7, "op": "stats", "args": {"by": "planet"}}"#).await,
        Some("args.by"),
        "unknown variant",
    );
    invalid(
        &raw.send(br#"{"id": 8, "op": "logs.show", "args": {"id": 1, "extra": true}}"#).await,
        Some("args.extra"),
        "unknown field",
    );
    invalid(&raw.send(br#"{"id": 9, "op": "status", "cmd": "status"}"#).await, Some("cmd"), "unknown field");

    // The same connection still answers, and so does the server.
    let v = raw.send(br#"{"id": 10, "op": "status"}"#).await;
    assert_eq!((v["id"].clone(), v["ok"].clone(), v["data"]["running"].clone()), (json!(10), json!(true), json!(true)));
    let mut c = Client::connect(&path).await.unwrap();
    assert!(c.status().await.unwrap().running);
    up.push(Reply::json(200, completion("still fine")));
    assert_eq!(relay.post("/v1/chat/completions", &chat("m", "x")).await.status(), 200);
}
