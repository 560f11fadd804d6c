//! Client connections: the accept loop and what each connection may hold. hyper-util's auto
//! builder serves HTTP/1.1 and h2c on every accepted socket with a header-read timeout
//! (`server.header_read_timeout_secs`: partial and trickled headers are cut); each connection is
//! registered with its last read/write time and its requests in flight, so that one idle past
//! `server.idle_timeout_secs` is closed, and past `server.max_connections` the oldest idle one is
//! shed to make room (a new connection is refused only when none is idle). Accept errors such as
//! EMFILE back off instead of spinning. Shutdown stops accepting, asks every connection to finish
//! gracefully, and returns when they have (the caller bounds the wait).
//!
//! Each request goes through the router (with the CORS layer only when it carries `Origin`),
//! except a `POST` without `Origin` to one of the relay's own paths (`super::hot_route`), which
//! goes straight to `super::hot_relay`.
//!
//! With serving threads (`Shards`), the accept loop hands each connection, round robin, to one of
//! several single-threaded runtimes, each on a thread of its own, which serves it to its end:
//! a request's tasks, timers and upstream sockets then stay on one thread, with no work stealing
//! and no wake-up crossing to a sibling worker. Without them, connections are served on the
//! runtime the loop runs on.

use super::App;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Notify, watch};
use tower_service::Service;

/// How long the accept loop pauses after an accept error (EMFILE and the like).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);
/// How often a connection checks whether it has been idle too long.
const IDLE_CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// One open connection, as the registry sees it.
struct ConnState {
    /// Milliseconds since the registry's epoch of the last byte read or written.
    last_activity_ms: AtomicU64,
    inflight: AtomicUsize,
    /// Asked to close (shed for a newer connection, or shutdown).
    close: Notify,
}

/// Every open connection, for the cap and for shutdown.
struct Registry {
    epoch: Instant,
    conns: Mutex<HashMap<u64, Arc<ConnState>>>,
    /// Woken whenever a connection ends.
    ended: Notify,
}

impl Registry {
    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<ConnState>>> {
        self.conns.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Make room for one more connection under `cap`: shed the idle connection that has been
    /// quiet longest. `false` when every connection is busy.
    fn make_room(&self, cap: usize) -> bool {
        let conns = self.lock();
        if conns.len() < cap {
            return true;
        }
        let oldest_idle = conns
            .values()
            .filter(|c| c.inflight.load(Ordering::Relaxed) == 0)
            .min_by_key(|c| c.last_activity_ms.load(Ordering::Relaxed));
        match oldest_idle {
            Some(c) => {
                c.close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// A socket that notes when it last moved a byte.
struct Tracked<T> {
    inner: T,
    state: Arc<ConnState>,
    registry: Arc<Registry>,
}

impl<T> Tracked<T> {
    fn touch(&self) {
        self.state.last_activity_ms.store(self.registry.now_ms(), Ordering::Relaxed);
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Tracked<T> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(r, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.touch();
        }
        r
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Tracked<T> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        r
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A request in flight on a connection, until its response body is done or dropped.
struct InFlight(Arc<ConnState>);

impl InFlight {
    fn enter(state: &Arc<ConnState>) -> InFlight {
        state.inflight.fetch_add(1, Ordering::Relaxed);
        InFlight(state.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.inflight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The server's router, with and without the CORS layer (`super::router_without_cors`).
#[derive(Clone)]
struct Routers {
    cors: Router,
    plain: Router,
    /// For the routes served without the router (`super::hot_relay`).
    app: Arc<App>,
}

/// Where one request goes: straight to the relay (`super::hot_route`), or through a router.
enum Target {
    Hot(Arc<App>, crate::dialect::Dialect, crate::providers::Endpoint),
    Routed(Router),
}

/// A response body holding its request's `InFlight` guard until the body is dropped. Its size
/// hint passes through, so hyper writes `Content-Length` for a body of known size on either way
/// a request is served (the router's own header for it is then already there).
struct Held {
    body: Body,
    _guard: InFlight,
}

impl hyper::body::Body for Held {
    type Data = bytes::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.body.size_hint()
    }
}

/// Single-threaded runtimes that serve connections, each on a thread of its own; they stop when
/// this is dropped (after the accept loop has seen every connection close, or gave up waiting).
struct Shards {
    handles: Vec<tokio::runtime::Handle>,
    stops: Vec<tokio::sync::oneshot::Sender<()>>,
    next: usize,
}

impl Shards {
    /// `n` serving threads; `None` when `n` is 0 or a thread or runtime cannot be made (the
    /// caller then serves on its own runtime).
    fn start(n: usize) -> Option<Shards> {
        let mut shards = Shards { handles: Vec::new(), stops: Vec::new(), next: 0 };
        for i in 0..n {
            let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => rt,
                Err(e) => {
                    tracing::warn!("cannot start serving thread {i}: {e}; serving on the main runtime");
                    return None;
                }
            };
            let handle = rt.handle().clone();
            let (tx, rx) = tokio::sync::oneshot::channel::<()>();
            let spawned = std::thread::Builder::new().name(format!("monorelay-serve-{i}")).spawn(move || {
                rt.block_on(async {
                    let _ = rx.await;
                });
            });
            if let Err(e) = spawned {
                tracing::warn!("cannot start serving thread {i}: {e}; serving on the main runtime");
                return None;
            }
            shards.handles.push(handle);
            shards.stops.push(tx);
        }
        (n > 0).then_some(shards)
    }

    /// The runtime that serves the next connection.
    fn next(&mut self) -> &tokio::runtime::Handle {
        let i = self.next % self.handles.len();
        self.next = self.next.wrapping_add(1);
        &self.handles[i]
    }
}

impl Drop for Shards {
    fn drop(&mut self) {
        for tx in self.stops.drain(..) {
            let _ = tx.send(());
        }
    }
}

/// An accepted socket on its way to the runtime that serves it.
enum Accepted {
    /// Registered with the accepting runtime, which serves it.
    Here(tokio::net::TcpStream),
    /// Taken off the accepting runtime's reactor, for a serving thread.
    Moved(std::io::Result<std::net::TcpStream>),
}

impl Accepted {
    /// The socket, registered with the reactor of the runtime this is called on.
    fn stream(self) -> std::io::Result<tokio::net::TcpStream> {
        match self {
            Accepted::Here(tcp) => Ok(tcp),
            Accepted::Moved(tcp) => tcp.and_then(tokio::net::TcpStream::from_std),
        }
    }
}

/// Accept and serve connections until `stop` turns true; then let every connection finish its
/// requests and return once all have closed. `threads` > 0 serves them on that many threads of
/// their own (see the module documentation).
pub(super) async fn accept_loop(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    mut stop: watch::Receiver<bool>,
    threads: usize,
) {
    let registry = Arc::new(Registry { epoch: Instant::now(), conns: Mutex::default(), ended: Notify::new() });
    let mut shards = Shards::start(threads);
    // Requests without `Origin` (API clients) skip the CORS layer, which would do nothing for them.
    let router =
        Routers { cors: super::router(app.clone()), plain: super::router_without_cors(app.clone()), app: app.clone() };
    let mut next_id = 0u64;
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.wait_for(|s| *s) => break,
        };
        let (tcp, addr) = match accepted {
            Ok(x) => x,
            Err(e) => {
                // EMFILE/ENFILE/ENOMEM and friends: the next accept would fail the same way at once.
                tracing::warn!("accepting a connection failed: {e}; pausing {} ms", ACCEPT_BACKOFF.as_millis());
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let server = app.runtime.load().config.server.clone();
        if !registry.make_room(server.max_connections) {
            tracing::warn!("{} connections are open and all busy: refusing {addr}", server.max_connections);
            drop(tcp);
            continue;
        }
        let _ = tcp.set_nodelay(true);
        next_id += 1;
        let id = next_id;
        let state = Arc::new(ConnState {
            last_activity_ms: AtomicU64::new(registry.now_ms()),
            inflight: AtomicUsize::new(0),
            close: Notify::new(),
        });
        registry.lock().insert(id, state.clone());
        let (registry, router, stop) = (registry.clone(), router.clone(), stop.clone());
        let (rt, tcp) = match shards.as_mut() {
            Some(s) => (s.next().clone(), Accepted::Moved(tcp.into_std())),
            None => (tokio::runtime::Handle::current(), Accepted::Here(tcp)),
        };
        rt.spawn(async move {
            match tcp.stream() {
                Ok(tcp) => serve_connection(tcp, addr, router, state, registry.clone(), stop, &server).await,
                Err(e) => tracing::warn!("handing the connection from {addr} to a serving thread failed: {e}"),
            }
            registry.lock().remove(&id);
            registry.ended.notify_waiters();
        });
    }
    // Shutdown: every connection was told through `stop`; wait for them to close.
    loop {
        let ended = registry.ended.notified();
        if registry.lock().is_empty() {
            return;
        }
        ended.await;
    }
}

async fn serve_connection(
    tcp: tokio::net::TcpStream,
    addr: SocketAddr,
    router: Routers,
    state: Arc<ConnState>,
    registry: Arc<Registry>,
    mut stop: watch::Receiver<bool>,
    server: &crate::config::ServerConfig,
) {
    let io = TokioIo::new(Tracked { inner: tcp, state: state.clone(), registry: registry.clone() });
    let svc_state = state.clone();
    let svc = hyper::service::service_fn(move |mut req: http::Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(ConnectInfo(addr));
        let guard = InFlight::enter(&svc_state);
        let origin = req.headers().contains_key(http::header::ORIGIN);
        // API clients' relay requests skip the router (`super::hot_route`); the rest take it.
        let hot = if origin { None } else { super::hot_route(req.method(), req.uri().path()) };
        let target = match hot {
            Some((dialect, endpoint)) => Target::Hot(router.app.clone(), dialect, endpoint),
            None => Target::Routed(if origin { router.cors.clone() } else { router.plain.clone() }),
        };
        async move {
            let resp = match target {
                Target::Hot(app, dialect, endpoint) => {
                    super::hot_relay(app, req.map(Body::new), dialect, endpoint).await
                }
                Target::Routed(mut router) => match router.call(req).await {
                    Ok(r) => r,
                    Err(never) => match never {},
                },
            };
            // The request counts as in flight until its response body is done.
            Ok::<_, std::convert::Infallible>(resp.map(|body| Body::new(Held { body, _guard: guard })))
        }
    });
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(server.header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    let conn = builder.serve_connection_with_upgrades(io, svc);
    tokio::pin!(conn);
    let idle_ms = u64::try_from(server.idle_timeout.as_millis()).unwrap_or(u64::MAX);
    let mut tick = tokio::time::interval(IDLE_CHECK_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut closing = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = state.close.notified(), if !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            _ = stop.wait_for(|s| *s), if !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            _ = tick.tick(), if !closing => {
                let quiet = registry.now_ms().saturating_sub(state.last_activity_ms.load(Ordering::Relaxed));
                if state.inflight.load(Ordering::Relaxed) == 0 && quiet >= idle_ms {
                    closing = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

/// Raise this process's soft limit on open files to its hard limit, so that connections, not
/// the default 1,024 descriptors, are what `server.max_connections` bounds.
#[cfg(unix)]
pub fn raise_fd_limit() {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        let raised = rustix::process::Rlimit { current: limit.maximum, maximum: limit.maximum };
        match setrlimit(Resource::Nofile, raised) {
            Ok(()) => tracing::debug!("open-file limit raised to {:?}", limit.maximum),
            Err(e) => tracing::debug!("cannot raise the open-file limit: {e}"),
        }
    }
}

#[cfg(not(unix))]
pub fn raise_fd_limit() {}
