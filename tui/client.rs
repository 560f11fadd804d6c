//! The dashboard's side of the control socket, through the library's typed `admin::Client`. One
//! connection carries the operations (`status`, `keys.list`, `stats`, `logs.query`, `logs.show`, `keys.set`,
//! `keys.reset`); a second one holds the `logs.subscribe` stream. Everything that arrives becomes
//! a `Msg` on the app's channel; what the app asks for arrives as a `Request`. When the server goes
//! away the task says so and reconnects with a growing backoff, so the last data stays on screen
//! meanwhile.

use crate::tui::app::{ModelStats, Msg};
use monorelay::admin::{AdminError, Client, KeySelector, KeySet, LogEvent, LogId, LogShow, StatsQuery};
use monorelay::store::{GroupBy, LogQuery};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// `status` and `keys.list` are re-read this often (both are in-memory on the server).
const REFRESH_INTERVAL: Duration = Duration::from_secs(2);
/// Records read from the log on connecting.
const BACKFILL_RECORDS: usize = 200;
const BACKOFF_FIRST: Duration = Duration::from_millis(500);
const BACKOFF_MAX: Duration = Duration::from_secs(5);
/// An operation that takes longer than this counts as a lost connection.
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

/// Run one operation on `conn`. The outer error is a broken (or silent) connection; the inner one
/// the server's refusal.
async fn call<T>(
    conn: &mut Client,
    what: &str,
    f: impl AsyncFnOnce(&mut Client) -> Result<T, AdminError>,
) -> Result<Result<T, String>, String> {
    match tokio::time::timeout(CALL_TIMEOUT, f(&mut *conn)).await {
        Err(_) => Err(format!("'{what}' got no answer within {}s", CALL_TIMEOUT.as_secs())),
        Ok(Err(e)) if conn.is_broken() => Err(e.to_string()),
        Ok(r) => Ok(r.map_err(|e| e.to_string())),
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

async fn refresh(conn: &mut Client, tx: &UnboundedSender<Msg>, keys_only: bool) -> Result<(), String> {
    if !keys_only {
        if let Ok(s) = call(conn, "status", async |c| c.status().await).await? {
            let _ = tx.send(Msg::Status(Box::new(s)));
        }
    }
    if let Ok(keys) = call(conn, "keys.list", async |c| c.keys_list().await).await? {
        let _ = tx.send(Msg::Keys(keys));
    }
    Ok(())
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
    let mut conn = Client::connect(socket).await.map_err(|e| e.to_string())?;
    let sub = Client::connect(socket).await.map_err(|e| e.to_string())?;
    // Subscribe first: the stats baseline taken next then counts everything the feed does not.
    let mut sub = match tokio::time::timeout(CALL_TIMEOUT, sub.subscribe(&LogQuery::default())).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return Err(format!("the server refused the live feed: {e}")),
        Err(_) => return Err("the live feed got no answer".into()),
    };
    *backoff = BACKOFF_FIRST;
    let _ = tx.send(Msg::Connected);
    // The stream is read by its own task: a line read is not cancel-safe inside `select!`.
    let feed_tx = tx.clone();
    let mut feed = AbortOnDrop(tokio::spawn(async move {
        loop {
            let msg = match sub.next().await {
                Ok(LogEvent::Record(r)) => Msg::Record(r),
                Ok(LogEvent::Lagged(n)) => Msg::Lagged(n),
                Err(e) => return e.to_string(),
            };
            if feed_tx.send(msg).is_err() {
                return String::new();
            }
        }
    }));
    let uptime_ms = match call(&mut conn, "status", async |c| c.status().await).await? {
        Ok(s) => {
            let up = s.uptime_secs * 1000;
            let _ = tx.send(Msg::Status(Box::new(s)));
            up
        }
        Err(_) => 0,
    };
    refresh(&mut conn, tx, true).await?;
    // The latest records, so the feed is not empty at start and has no gap after a reconnect.
    let q = LogQuery { limit: Some(BACKFILL_RECORDS), ..LogQuery::default() };
    if let Ok(page) = call(&mut conn, "logs.query", async |c| c.logs_query(&q).await).await? {
        let _ = tx.send(Msg::Backfill(page.entries));
    }
    let q = StatsQuery { by: GroupBy::Model, since_ms: Some(now_ms().saturating_sub(uptime_ms)), until_ms: None };
    if let Ok(report) = call(&mut conn, "stats", async |c| c.stats(&q).await).await? {
        let groups = report.groups.into_iter().filter(|g| !g.group.is_empty()).collect();
        let _ = tx.send(Msg::Stats(ModelStats { groups }));
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
                        let show = LogShow { id: LogId::Number(id), bodies: Some(true) };
                        let result = call(&mut conn, "logs.show", async |c| c.logs_show(&show).await)
                            .await?
                            .map(|d| Box::new(crate::tui::detail::from_detail(d)));
                        let _ = tx.send(Msg::Detail { id, result });
                    }
                    Request::KeySet { provider, label, enabled } => {
                        let set = KeySet {
                            provider: provider.clone(),
                            label: label.clone(),
                            enabled: Some(Some(enabled)),
                            weight: None,
                        };
                        let r = call(&mut conn, "keys.set", async |c| c.keys_set(&set).await).await?;
                        let verb = if enabled { "enabled" } else { "disabled" };
                        let _ = tx.send(Msg::Done(r.map(|_| format!("key '{label}' of '{provider}' {verb}"))));
                    }
                    Request::KeyReset { provider, label } => {
                        let sel = KeySelector { provider: provider.clone(), label: Some(label.clone()) };
                        let r = call(&mut conn, "keys.reset", async |c| c.keys_reset(&sel).await).await?;
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
