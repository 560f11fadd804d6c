//! The control socket: a thin transport over `Service`. A Unix domain socket `monorelay.sock` in
//! the data dir, mode 0600, serving only peers of the same uid, speaking newline-delimited JSON
//! (`docs/control-protocol.md`):
//!
//! request `{"id": 1, "op": "logs.query", "args": {…}}` → answer `{"id": 1, "ok": true, "data": …}`
//! or `{"id": 1, "ok": false, "error": {"type": "invalid", "message": "…", "path": "args.limit"}}`.
//! `logs.subscribe` answers once, then streams `{"id": 1, "event": "record", "data": {…}}` (and
//! `{"id": 1, "event": "lagged", "data": n}`) until the client closes the connection.
//!
//! Bad input — a line that is not JSON, a line over 1 MiB, an unknown op, arguments of the wrong
//! type — gets a typed `invalid` error naming what is wrong; the connection stays usable and the
//! server is unaffected.
//!
//! Unix only: elsewhere (Windows) `serve` answers `ErrorKind::Unsupported`, the server runs
//! without a control socket (saying so once), and the CLI works on the data dir directly.

#[cfg(unix)]
use super::AdminError;
use super::Service;
#[cfg(unix)]
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
#[cfg(unix)]
use std::time::Duration;
#[cfg(unix)]
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
#[cfg(unix)]
use tokio::net::{UnixListener, UnixStream};

/// The socket's file name in the data dir.
pub const SOCKET_FILE: &str = "monorelay.sock";
/// Longest request line accepted.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Pause after a failed `accept` (out of file descriptors, say), so the loop does not spin.
#[cfg(unix)]
const ACCEPT_RETRY: Duration = Duration::from_millis(100);

/// A bound control socket; removes its file when dropped.
pub struct Listener {
    path: PathBuf,
    task: tokio::task::JoinHandle<()>,
}

impl Listener {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
        let _ = std::fs::remove_file(&self.path);
    }
}

/// No control socket on this platform: the caller goes on without one.
#[cfg(not(unix))]
pub async fn serve(_service: Arc<Service>, _path: &Path) -> std::io::Result<Listener> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "the control socket is not supported on this platform (Unix only): status, stop, top and live logs need a Unix host; other commands work on the data dir",
    ))
}

/// Bind the socket at `path` (refusing if another server answers there; a stale file is
/// replaced) and serve `service` on it.
#[cfg(unix)]
pub async fn serve(service: Arc<Service>, path: &Path) -> std::io::Result<Listener> {
    if path.exists() {
        if UnixStream::connect(path).await.is_ok() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AddrInUse,
                format!("another monorelay server is running on this data dir ('{}' answers)", path.display()),
            ));
        }
        std::fs::remove_file(path)?;
    }
    let listener = UnixListener::bind(path)?;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    let owner = std::fs::metadata(path)?.uid();
    let task = tokio::spawn(async move {
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!("control socket: accept failed: {e}");
                    tokio::time::sleep(ACCEPT_RETRY).await;
                    continue;
                }
            };
            // Mode 0600 already keeps others out; checking the peer's uid also covers a socket
            // whose mode was loosened by hand.
            if !stream.peer_cred().is_ok_and(|c| c.uid() == owner) {
                tracing::warn!("control socket: refused a connection from another user");
                continue;
            }
            let service = service.clone();
            tokio::spawn(async move {
                if let Err(e) = connection(&service, stream).await {
                    tracing::debug!("control socket connection ended: {e}");
                }
            });
        }
    });
    Ok(Listener { path: path.to_path_buf(), task })
}

#[cfg(unix)]
pub(crate) async fn write_line(w: &mut (impl AsyncWriteExt + Unpin), v: &Value) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(v).unwrap_or_default();
    line.push(b'\n');
    w.write_all(&line).await
}

#[cfg(unix)]
fn answer(id: &Value, r: Result<Value, AdminError>) -> Value {
    match r {
        Ok(data) => json!({"id": id, "ok": true, "data": data}),
        Err(e) => json!({"id": id, "ok": false, "error": e}),
    }
}

/// One line into `buf` (at most `MAX_LINE_BYTES` + 1 kept). Returns (bytes read, too long).
#[cfg(unix)]
async fn read_line(r: &mut (impl AsyncBufRead + Unpin), buf: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
    buf.clear();
    let n = (&mut *r).take(MAX_LINE_BYTES as u64 + 1).read_until(b'\n', buf).await?;
    if buf.len() <= MAX_LINE_BYTES || buf.ends_with(b"\n") {
        return Ok((n, false));
    }
    // Too long: skip to the end of the line, so the next request starts clean.
    loop {
        let (skip, done) = {
            let chunk = r.fill_buf().await?;
            if chunk.is_empty() {
                (0, true)
            } else {
                match memchr::memchr(b'\n', chunk) {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                }
            }
        };
        r.consume(skip);
        if done {
            return Ok((n, true));
        }
    }
}

/// A request line: its id (echoed, `null` when unreadable), op and args.
#[cfg(unix)]
fn parse_request(line: &[u8]) -> (Value, Result<(String, Value), AdminError>) {
    let v: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return (Value::Null, Err(AdminError::invalid(None, format!("not a JSON request line: {e}")))),
    };
    let Value::Object(mut o) = v else {
        return (Value::Null, Err(AdminError::invalid(None, "a request is a JSON object {\"id\", \"op\", \"args\"}")));
    };
    let id = o.remove("id").unwrap_or(Value::Null);
    let op = match o.remove("op") {
        Some(Value::String(op)) => op,
        Some(other) => return (id, Err(AdminError::invalid(Some("op"), format!("must be a string, not {other}")))),
        None => return (id, Err(AdminError::invalid(Some("op"), "missing: name the operation, e.g. \"status\""))),
    };
    let args = o.remove("args").unwrap_or(Value::Null);
    if let Some(k) = o.keys().next() {
        return (id, Err(AdminError::invalid(Some(k), "unknown field (expected id, op, args)")));
    }
    (id, Ok((op, args)))
}

#[cfg(unix)]
async fn connection(service: &Service, stream: UnixStream) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut reader = BufReader::new(r);
    let mut buf = Vec::new();
    loop {
        let (n, too_long) = read_line(&mut reader, &mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        if too_long {
            let e = AdminError::invalid(None, format!("request line longer than {MAX_LINE_BYTES} bytes"));
            write_line(&mut w, &answer(&Value::Null, Err(e))).await?;
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (id, req) = parse_request(&buf);
        let (op, args) = match req {
            Ok(x) => x,
            Err(e) => {
                write_line(&mut w, &answer(&id, Err(e))).await?;
                continue;
            }
        };
        if op == "logs.subscribe" {
            let live = super::parse_args(args).and_then(|filter| service.logs_subscribe(filter));
            let mut live = match live {
                Ok(l) => l,
                Err(e) => {
                    write_line(&mut w, &answer(&id, Err(e))).await?;
                    continue;
                }
            };
            write_line(&mut w, &answer(&id, Ok(json!({"subscribed": true})))).await?;
            let mut sink = [0u8; 256];
            loop {
                tokio::select! {
                    ev = live.next() => match ev {
                        Some(ev) => {
                            let mut v = serde_json::to_value(&ev).unwrap_or_default();
                            v["id"] = id.clone();
                            write_line(&mut w, &v).await?;
                        }
                        None => return Ok(()),
                    },
                    // The client closing its side ends the subscription.
                    n = reader.read(&mut sink) => {
                        if n? == 0 {
                            return Ok(());
                        }
                    }
                }
            }
        }
        let r = service.dispatch(&op, args).await;
        write_line(&mut w, &answer(&id, r)).await?;
    }
}
