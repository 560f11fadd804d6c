//! The dashboard's side of the control socket (`docs/control-protocol.md`): newline-delimited JSON
//! over the Unix socket in the data dir. One connection carries commands (`status`, `keys.list`,
//! `stats`, `logs.query`, `logs.get`, `keys.set`, `keys.reset`); a second one holds the `logs.subscribe` stream.
//! Everything that arrives becomes a `Msg` on the app's channel; what the app asks for arrives as
//! a `Request`. When the server goes away the task says so and reconnects with a growing backoff,
//! so the last data stays on screen meanwhile.

use crate::tui::app::{KeyInfo, ModelStats, Msg, Record, StatsGroup, Status};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// `status` and `keys.list` are re-read this often (both are in-memory on the server).
const REFRESH_INTERVAL: Duration = Duration::from_secs(2);
/// Records read from the log on connecting.
const BACKFILL_RECORDS: usize = 200;
const BACKOFF_FIRST: Duration = Duration::from_millis(500);
const BACKOFF_MAX: Duration = Duration::from_secs(5);
/// A command that takes longer than this counts as a lost connection.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// What the app asks of the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Detail(u64),
    KeySet { provider: String, label: String, enabled: bool },
    KeyReset { provider: String, label: String },
    RefreshKeys,
}

pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// One newline-delimited JSON connection.
struct Conn {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
    next_id: u64,
}

impl Conn {
    async fn open(path: &std::path::Path) -> Result<Conn, String> {
        let stream = UnixStream::connect(path).await.map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("no server socket at '{}'", path.display()),
            std::io::ErrorKind::ConnectionRefused => "the server is not answering".to_string(),
            _ => format!("cannot connect to '{}': {e}", path.display()),
        })?;
        let (r, w) = stream.into_split();
        Ok(Conn { reader: BufReader::new(r), writer: w, next_id: 1 })
    }

    async fn line(&mut self) -> Result<Value, String> {
        let mut line = String::new();
        let n = self.reader.read_line(&mut line).await.map_err(|e| format!("connection lost: {e}"))?;
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        serde_json::from_str(&line).map_err(|e| format!("bad answer from the server: {e}"))
    }

    async fn send(&mut self, cmd: &str, args: Value) -> Result<u64, String> {
        let id = self.next_id;
        self.next_id += 1;
        let mut line = json!({"id": id, "cmd": cmd, "args": args}).to_string();
        line.push('\n');
        self.writer.write_all(line.as_bytes()).await.map_err(|e| format!("connection lost: {e}"))?;
        Ok(id)
    }

    /// Send a command and wait for its answer. The outer error is a broken connection; the inner
    /// one the server's refusal.
    async fn call(&mut self, cmd: &str, args: Value) -> Result<Result<Value, String>, String> {
        let id = self.send(cmd, args).await?;
        let answer = tokio::time::timeout(CALL_TIMEOUT, async {
            loop {
                let v = self.line().await?;
                if v["id"] == id {
                    return Ok::<Value, String>(v);
                }
            }
        })
        .await
        .map_err(|_| format!("'{cmd}' got no answer within {}s", CALL_TIMEOUT.as_secs()))??;
        Ok(if answer["ok"] == true {
            Ok(answer["data"].clone())
        } else {
            Err(answer["error"].as_str().unwrap_or("failed").to_string())
        })
    }
}

/// Run until the app's side of `requests` closes: connect, feed the app, reconnect when lost.
pub async fn run(socket: PathBuf, tx: UnboundedSender<Msg>, mut requests: UnboundedReceiver<Request>) {
    let mut backoff = BACKOFF_FIRST;
    loop {
        let reason = match session(&socket, &tx, &mut requests, &mut backoff).await {
            Ok(()) => return,
            Err(reason) => reason,
        };
        let retry_at = now_ms() + u64::try_from(backoff.as_millis()).unwrap_or(u64::MAX);
        if tx.send(Msg::Disconnected { reason, retry_at_ms: retry_at }).is_err() {
            return;
        }
        // While down, answer what the app asks so nothing waits forever.
        let sleep = tokio::time::sleep(backoff);
        tokio::pin!(sleep);
        loop {
            tokio::select! {
                () = &mut sleep => break,
                r = requests.recv() => match r {
                    None => return,
                    Some(Request::Detail(id)) => {
                        let _ = tx.send(Msg::Detail { id, result: Err("not connected to the server".into()) });
                    }
                    Some(Request::KeySet { .. } | Request::KeyReset { .. }) => {
                        let _ = tx.send(Msg::Done(Err("not connected to the server: nothing changed".into())));
                    }
                    Some(Request::RefreshKeys) => {}
                }
            }
        }
        backoff = (backoff * 2).min(BACKOFF_MAX);
    }
}

async fn refresh(conn: &mut Conn, tx: &UnboundedSender<Msg>, keys_only: bool) -> Result<(), String> {
    if !keys_only {
        if let Ok(v) = conn.call("status", Value::Null).await? {
            let _ = tx.send(Msg::Status(Box::new(status_from(&v))));
        }
    }
    if let Ok(v) = conn.call("keys.list", Value::Null).await? {
        let _ = tx.send(Msg::Keys(keys_from(&v)));
    }
    Ok(())
}

/// The `status` answer; fields this version does not know are ignored, missing ones stay empty.
pub fn status_from(v: &Value) -> Status {
    let mut v = v.clone();
    // In-flight counts may come flat (`in_flight`, `streams`) or nested (`in_flight.requests`).
    let nested = v.get("in_flight").filter(|x| x.is_object()).cloned();
    if let (Some(n), Some(o)) = (&nested, v.as_object_mut()) {
        o.insert("in_flight".into(), n["requests"].clone());
        if !n["streams"].is_null() {
            o.insert("streams".into(), n["streams"].clone());
        }
    }
    serde_json::from_value(v).unwrap_or_default()
}

pub fn keys_from(v: &Value) -> Vec<KeyInfo> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| {
            let mut key: KeyInfo = serde_json::from_value(k.clone()).ok()?;
            // `last_used` may come as unix ms under another name.
            key.last_used_ms = key.last_used_ms.or_else(|| k["last_used"].as_u64());
            Some(key)
        })
        .collect()
}

pub fn stats_from(v: &Value) -> ModelStats {
    let groups = v["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| serde_json::from_value::<StatsGroup>(g.clone()).ok())
        .filter(|g| !g.group.is_empty())
        .collect();
    ModelStats { groups }
}

/// Ends a spawned task when its owner goes (a `JoinHandle` alone would leave it running).
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// One connected session; returns `Ok` when the app is gone, `Err(reason)` when the link broke.
async fn session(
    socket: &std::path::Path,
    tx: &UnboundedSender<Msg>,
    requests: &mut UnboundedReceiver<Request>,
    backoff: &mut Duration,
) -> Result<(), String> {
    let mut conn = Conn::open(socket).await?;
    let mut sub = Conn::open(socket).await?;
    // Subscribe first: the stats baseline taken next then counts everything the feed does not.
    match sub.call("logs.subscribe", Value::Null).await? {
        Ok(_) => {}
        Err(e) => return Err(format!("the server refused the live feed: {e}")),
    }
    *backoff = BACKOFF_FIRST;
    let _ = tx.send(Msg::Connected);
    // The stream is read by its own task: a line read is not cancel-safe inside `select!`.
    let feed_tx = tx.clone();
    let mut feed = AbortOnDrop(tokio::spawn(async move {
        loop {
            let ev = match sub.line().await {
                Ok(ev) => ev,
                Err(e) => return e,
            };
            let msg = match ev["event"].as_str() {
                Some("record") => match serde_json::from_value::<Record>(ev["data"].clone()) {
                    Ok(r) => Msg::Record(Box::new(r)),
                    Err(e) => {
                        tracing::debug!("unreadable record: {e}");
                        continue;
                    }
                },
                Some("lagged") => Msg::Lagged(ev["missed"].as_u64().unwrap_or(0)),
                _ => continue,
            };
            if feed_tx.send(msg).is_err() {
                return String::new();
            }
        }
    }));
    let uptime_ms = match conn.call("status", Value::Null).await? {
        Ok(v) => {
            let _ = tx.send(Msg::Status(Box::new(status_from(&v))));
            v["uptime_secs"].as_u64().unwrap_or(0) * 1000
        }
        Err(_) => 0,
    };
    refresh(&mut conn, tx, true).await?;
    // The latest records, so the feed is not empty at start and has no gap after a reconnect.
    if let Ok(v) = conn.call("logs.query", json!({"limit": BACKFILL_RECORDS})).await? {
        let records = v["entries"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| serde_json::from_value::<Record>(e.clone()).ok())
            .collect();
        let _ = tx.send(Msg::Backfill(records));
    }
    if let Ok(v) = conn.call("stats", json!({"by": "model", "since_ms": now_ms().saturating_sub(uptime_ms)})).await? {
        let _ = tx.send(Msg::Stats(stats_from(&v)));
    }
    let mut every = tokio::time::interval(REFRESH_INTERVAL);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    every.reset();
    loop {
        tokio::select! {
            ended = &mut feed.0 => {
                return Err(ended.unwrap_or_else(|e| format!("live feed failed: {e}")));
            }
            _ = every.tick() => refresh(&mut conn, tx, false).await?,
            r = requests.recv() => {
                let Some(r) = r else { return Ok(()) };
                match r {
                    // The app asks at most once per tick, and right after a key operation.
                    Request::RefreshKeys => refresh(&mut conn, tx, true).await?,
                    Request::Detail(id) => {
                        let result = conn
                            .call("logs.get", json!({"id": id}))
                            .await?
                            .and_then(|v| crate::tui::detail::from_json(&v).map(Box::new));
                        let _ = tx.send(Msg::Detail { id, result });
                    }
                    Request::KeySet { provider, label, enabled } => {
                        let r = conn.call("keys.set", json!({"provider": provider, "label": label, "enabled": enabled})).await?;
                        let verb = if enabled { "enabled" } else { "disabled" };
                        let _ = tx.send(Msg::Done(r.map(|_| format!("key '{label}' of '{provider}' {verb}"))));
                    }
                    Request::KeyReset { provider, label } => {
                        let r = conn.call("keys.reset", json!({"provider": provider, "label": label})).await?;
                        let _ = tx.send(Msg::Done(r.map(|_| format!("key '{label}' of '{provider}': cooldown reset"))));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_servers_json() {
        let keys = keys_from(&json!([
            {"provider": "p", "label": "a", "enabled": true, "weight": 1.0, "state": "cooling after errors",
             "cooldown_secs": 12.5, "requests": 3, "failures": 1, "quota_used": 0, "quota_limit": 0,
             "last_error": "HTTP 503", "last_used": 1700000000000u64, "unknown": 1},
            "garbage"
        ]));
        assert_eq!(keys.len(), 1);
        assert_eq!((keys[0].cooldown_secs, keys[0].last_used_ms), (Some(12.5), Some(1_700_000_000_000)));
        let s = status_from(&json!({"version": "0.1.0", "uptime_secs": 5, "config": "embedded default",
            "reload": {"at": null, "ok": true, "message": "", "reloads": 0}, "in_flight": {"requests": 2, "streams": 1}}));
        assert_eq!((s.version.as_str(), s.in_flight, s.streams), ("0.1.0", Some(2), Some(1)));
        let st = stats_from(&json!({"groups": [{"group": "m", "requests": 2, "latency_ms_p50": 3.0}, {"group": ""}]}));
        assert_eq!(st.groups.len(), 1);
    }

    #[tokio::test]
    async fn reports_a_missing_socket_and_retries() {
        let dir = std::env::temp_dir().join(format!("monorelay-top-test-{}", std::process::id()));
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let (req_tx, req_rx) = tokio::sync::mpsc::unbounded_channel();
        let task = tokio::spawn(run(dir.join("none.sock"), tx, req_rx));
        match rx.recv().await {
            Some(Msg::Disconnected { reason, .. }) => assert!(reason.contains("no server socket"), "{reason}"),
            other => panic!("expected Disconnected, got {other:?}"),
        }
        req_tx.send(Request::Detail(3)).ok();
        assert!(matches!(rx.recv().await, Some(Msg::Detail { id: 3, result: Err(_) })));
        drop(req_tx);
        assert!(tokio::time::timeout(Duration::from_secs(2), task).await.is_ok(), "ends when the app is gone");
    }
}
