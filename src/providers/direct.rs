//! The lean upstream client for `api` and `anthropic` providers: HTTP/1.1 connections over rustls
//! (webpki roots) or plain TCP, pooled per scheme and authority, each driven by the request that
//! uses it. reqwest's layers cost ~30k instructions per request on the relay's path (two URL
//! parses, the redirect and retry layers, header merging); hyper-util's pooled client, which
//! runs each connection as its own task, handed a response body over one HTTP chunk per task
//! switch, so a burst of stream events that one read brought in reached the client as one write
//! per event. Here the request's own task polls the connection while it waits for the head and
//! while it reads the body: everything already read is at hand at once, with no hop between
//! tasks. Connect timeout, TCP_NODELAY, keep-alive, the idle pool's size and age and the default
//! `User-Agent` match `build_client`. Providers whose upstream an environment proxy
//! (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`) would intercept, `gemini`,
//! `web_reverse` and `mock` keep the reqwest path.

use super::{Endpoint, UpstreamError};
use bytes::Bytes;
use futures_util::Stream;
use http::uri::{Authority, Scheme};
use http::{HeaderMap, HeaderValue, Method, Request, Uri, header};
use http_body_util::Full;
use hyper::body::{Body as _, Incoming};
use hyper::client::conn::http1;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// How long an unused pooled connection is kept.
const IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// How often the pool drops connections that aged out or that their peer closed.
const SWEEP_EVERY: Duration = Duration::from_secs(15);

type Io = hyper_rustls::MaybeHttpsStream<TokioIo<tokio::net::TcpStream>>;
type Connection = Pin<Box<http1::Connection<Io, Full<Bytes>>>>;
/// An upstream origin as the pool keys it: scheme and authority, with their hash taken once when
/// the target is built. Hashing an `Authority` goes byte by byte (lowercased), ~1.2 k instructions,
/// and the pool looks a key up twice a request; a target's key is an `Arc` that equal lookups
/// compare by pointer first. Equal origins of different targets still share one pool.
#[derive(Debug)]
struct Origin {
    scheme: Scheme,
    authority: Authority,
    hash: u64,
}

impl Origin {
    fn new(scheme: Scheme, authority: Authority) -> Origin {
        use std::hash::{Hash as _, Hasher as _};
        // Fixed keys, so equal origins (`Authority` compares and hashes ignoring case) hash alike
        // whichever target they came from; the map's own hasher still mixes this value.
        let mut h = std::hash::DefaultHasher::new();
        (&scheme, &authority).hash(&mut h);
        Origin { hash: h.finish(), scheme, authority }
    }
}

impl PartialEq for Origin {
    fn eq(&self, other: &Origin) -> bool {
        self.hash == other.hash && self.scheme == other.scheme && self.authority == other.authority
    }
}

impl Eq for Origin {}

impl std::hash::Hash for Origin {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Idle connections are kept per runtime as well: a socket is registered with the reactor of the
/// runtime that opened it, and one used from another runtime (the server's serving threads each
/// run their own) would have every readiness event cross between threads.
type PoolKey = (Option<tokio::runtime::Id>, Arc<Origin>);

/// The runtime the caller runs on.
fn runtime_id() -> Option<tokio::runtime::Id> {
    tokio::runtime::Handle::try_current().ok().map(|h| h.id())
}

/// One open connection: the side that sends requests and the side that moves bytes.
struct Conn {
    tx: http1::SendRequest<Full<Bytes>>,
    io: Connection,
}

struct Idle {
    conn: Conn,
    since: Instant,
}

/// The pooled client (one per connect timeout, shared across reloads like reqwest's).
#[derive(Clone)]
pub struct Client(Arc<Inner>);

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("direct::Client").finish_non_exhaustive()
    }
}

struct Inner {
    connector: hyper_rustls::HttpsConnector<HttpConnector>,
    idle: Mutex<HashMap<PoolKey, Vec<Idle>>>,
}

/// Where a provider's endpoint is: the pool's key, the request line's path and the `Host` header.
#[derive(Clone, Debug)]
pub struct Target {
    key: Arc<Origin>,
    path: Uri,
    host: HeaderValue,
    /// The whole URI, to connect to.
    uri: Uri,
}

/// Build the client for one connect timeout; `None` when TLS cannot be set up (the caller then
/// stays on reqwest).
pub fn build(connect_timeout: Duration) -> Option<Client> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(connect_timeout));
    http.set_nodelay(true);
    http.set_keepalive(Some(Duration::from_secs(30)));
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
        .ok()?
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    let client = Client(Arc::new(Inner { connector, idle: Mutex::new(HashMap::new()) }));
    if let Ok(rt) = tokio::runtime::Handle::try_current() {
        // The pool is looked at when it is used; this also closes, on a quiet relay, what the
        // peers closed or what has aged out, instead of holding those sockets until next use.
        let pool = Arc::downgrade(&client.0);
        rt.spawn(async move {
            let mut tick = tokio::time::interval(SWEEP_EVERY);
            tick.tick().await;
            loop {
                tick.tick().await;
                let Some(inner) = pool.upgrade() else { return };
                Client(inner).sweep();
            }
        });
    }
    Some(client)
}

/// The endpoint targets of a provider, when its upstream is reached without a proxy.
pub fn uris(urls: &[(Endpoint, reqwest::Url)]) -> Option<Vec<(Endpoint, Target)>> {
    let proxies = hyper_util::client::proxy::matcher::Matcher::from_system();
    let mut out = Vec::with_capacity(urls.len());
    for (e, u) in urls {
        let uri: Uri = u.as_str().parse().ok()?;
        if proxies.intercept(&uri).is_some() {
            return None;
        }
        out.push((*e, target(uri)?));
    }
    Some(out)
}

/// The pool key, origin-form path and `Host` of an absolute URI (the port only when it is not
/// the scheme's default, as browsers and reqwest send it).
fn target(uri: Uri) -> Option<Target> {
    let scheme = uri.scheme()?.clone();
    let authority = uri.authority()?.clone();
    let default_port = if scheme == Scheme::HTTPS { 443 } else { 80 };
    let host = match authority.port_u16() {
        Some(p) if p != default_port => format!("{}:{p}", authority.host()),
        _ => authority.host().to_string(),
    };
    let path: Uri = uri.path_and_query().map_or("/", |p| p.as_str()).parse().ok()?;
    let key = Arc::new(Origin::new(scheme, authority));
    Some(Target { key, path, host: HeaderValue::from_str(&host).ok()?, uri })
}

impl Client {
    /// A pooled connection that can take a request now, if one is idle.
    async fn checkout(&self, key: &PoolKey) -> Option<Conn> {
        loop {
            let idle = {
                let mut map = self.0.idle.lock().unwrap_or_else(|p| p.into_inner());
                let list = map.get_mut(key)?;
                list.pop()?
            };
            if idle.since.elapsed() >= IDLE_TIMEOUT {
                continue;
            }
            let mut conn = idle.conn;
            // The connection finishes what the last response left (or finds the peer gone).
            let ok = std::future::poll_fn(|cx| {
                if conn.io.as_mut().poll(cx).is_ready() {
                    return Poll::Ready(false);
                }
                conn.tx.poll_ready(cx).map(|r| r.is_ok())
            })
            .await;
            if ok {
                return Some(conn);
            }
        }
    }

    /// A new connection to `target`.
    async fn connect(&self, target: &Target) -> Result<Conn, UpstreamError> {
        let mut connector = self.0.connector.clone();
        let io = tower_service::Service::call(&mut connector, target.uri.clone())
            .await
            .map_err(|e| UpstreamError::Connect(super::describe_chain("connection failed", e.as_ref())))?;
        let (tx, io) = http1::handshake(io)
            .await
            .map_err(|e| UpstreamError::Connect(super::describe_chain("connection failed", &e)))?;
        Ok(Conn { tx, io: Box::pin(io) })
    }

    /// Put a connection whose response was read to its end back in the pool (the newest last,
    /// taken first; the oldest dropped past the cap or the idle age).
    fn checkin(&self, key: PoolKey, conn: Conn) {
        let mut map = self.0.idle.lock().unwrap_or_else(|p| p.into_inner());
        let list = map.entry(key).or_default();
        list.retain(|i| i.since.elapsed() < IDLE_TIMEOUT);
        if list.len() >= super::POOL_MAX_IDLE_PER_HOST {
            list.remove(0);
        }
        list.push(Idle { conn, since: Instant::now() });
    }

    /// Drop the idle connections that aged out or that their peer closed.
    fn sweep(&self) {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut map = self.0.idle.lock().unwrap_or_else(|p| p.into_inner());
        for list in map.values_mut() {
            // An idle connection's future ends when its peer closes it; the next use polls it
            // again with a real waker.
            list.retain_mut(|i| i.since.elapsed() < IDLE_TIMEOUT && i.conn.io.as_mut().poll(&mut cx).is_pending());
        }
        map.retain(|_, list| !list.is_empty());
    }

    /// Close the idle connections but the `keep` most recently used per upstream and runtime
    /// (connections are pooled per runtime, `PoolKey`); returns how many were closed (dropped:
    /// the socket closes with them).
    pub fn shed(&self, keep: usize) -> usize {
        let mut map = self.0.idle.lock().unwrap_or_else(|p| p.into_inner());
        let mut closed = 0;
        for list in map.values_mut() {
            let extra = list.len().saturating_sub(keep);
            closed += list.drain(..extra).count();
        }
        map.retain(|_, list| !list.is_empty());
        closed
    }

    /// Idle connections held now.
    pub fn idle(&self) -> usize {
        self.0.idle.lock().map(|m| m.values().map(Vec::len).sum()).unwrap_or(0)
    }
}

/// Send one request. `headers` are the provider's request headers (auth, content type, the
/// client's and configured extras); `User-Agent` and `Accept` get reqwest's defaults when absent.
/// A pooled connection that turns out closed before the request went out is replaced by a new
/// one; a request that went out is never sent twice.
pub async fn send(
    client: &Client,
    target: &Target,
    method: Method,
    mut headers: HeaderMap,
    body: Bytes,
) -> Result<http::Response<Body>, UpstreamError> {
    if !headers.contains_key(header::USER_AGENT) {
        headers.insert(header::USER_AGENT, HeaderValue::from_static(super::USER_AGENT));
    }
    if !headers.contains_key(header::ACCEPT) {
        headers.insert(header::ACCEPT, HeaderValue::from_static("*/*"));
    }
    if !headers.contains_key(header::HOST) {
        headers.insert(header::HOST, target.host.clone());
    }
    let mut req = Request::new(Full::new(body));
    *req.method_mut() = method;
    *req.uri_mut() = target.path.clone();
    *req.headers_mut() = headers;
    // The runtime is looked up once; the connection goes back to the pool it came from.
    let key = (runtime_id(), target.key.clone());
    loop {
        let (mut conn, reused) = match client.checkout(&key).await {
            Some(c) => (c, true),
            // Boxed: a connection being set up (a TLS session among it) would otherwise sit inside
            // every request's future, which the server moves and boxes whole.
            None => (Box::pin(client.connect(target)).await?, false),
        };
        let sent = conn.tx.try_send_request(req);
        let mut sent = std::pin::pin!(sent);
        let mut open = true;
        let head = std::future::poll_fn(|cx| {
            // The connection writes the request and reads the head; the answer comes through `sent`.
            if open && conn.io.as_mut().poll(cx).is_ready() {
                open = false;
            }
            sent.as_mut().poll(cx)
        })
        .await;
        match head {
            Ok(resp) => {
                let conn = open.then_some(conn);
                return Ok(resp.map(|body| Body { body, conn, pool: Some((client.clone(), key)) }));
            }
            Err(mut e) => match e.take_message() {
                Some(r) if reused => req = r,
                _ => {
                    let e = e.into_error();
                    let prefix = if e.is_canceled() && !reused { "connection failed" } else { "request failed" };
                    return Err(UpstreamError::Connect(super::describe_chain(prefix, &e)));
                }
            },
        }
    }
}

/// A response body read by the task that reads it: each poll first lets the connection move
/// what the socket holds, then takes the next chunk. Read to its end, the connection goes back
/// to the pool; dropped early or broken, it is closed.
pub struct Body {
    body: Incoming,
    conn: Option<Conn>,
    pool: Option<(Client, PoolKey)>,
}

impl Stream for Body {
    type Item = Result<Bytes, hyper::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(c) = this.conn.as_mut() {
                if c.io.as_mut().poll(cx).is_ready() {
                    // Closed (the peer's choice or an error the body reports): not reusable.
                    this.conn = None;
                }
            }
            match Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(data) => return Poll::Ready(Some(Ok(data))),
                    Err(_trailers) => continue,
                },
                Poll::Ready(Some(Err(e))) => {
                    this.conn = None;
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => {
                    if let (Some(conn), Some((client, key))) = (this.conn.take(), this.pool.take()) {
                        client.checkin(key, conn);
                    }
                    return Poll::Ready(None);
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn targets_carry_origin_form_paths_and_host_headers() {
        let t = target("http://127.0.0.1:8080/v1/chat/completions?x=1".parse().unwrap()).unwrap();
        assert_eq!(t.path, "/v1/chat/completions?x=1");
        assert_eq!(t.host, "127.0.0.1:8080");
        let t = target("https://api.example.com:443/v1/messages".parse().unwrap()).unwrap();
        assert_eq!(t.host, "api.example.com");
        assert_eq!(t.path, "/v1/messages");
        let t = target("http://example.com".parse().unwrap()).unwrap();
        assert_eq!(t.path, "/");
        assert!(target("/relative".parse().unwrap()).is_none());
    }

    /// A loopback HTTP/1.1 server that answers each request on a connection with `answer`, and
    /// closes each connection after `per_conn` requests; returns its address and a count of the
    /// connections it accepted.
    async fn server(
        per_conn: usize,
        answer: &'static str,
    ) -> (std::net::SocketAddr, Arc<std::sync::atomic::AtomicUsize>) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = accepted.clone();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    for _ in 0..per_conn {
                        // Read one request: headers up to the blank line, then Content-Length bytes.
                        loop {
                            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                                let len: usize = head
                                    .lines()
                                    .find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse().unwrap()))
                                    .unwrap_or(0);
                                if buf.len() >= end + 4 + len {
                                    buf.drain(..end + 4 + len);
                                    break;
                                }
                            }
                            let mut chunk = [0u8; 4096];
                            match s.read(&mut chunk).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                            }
                        }
                        if s.write_all(answer.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        (addr, accepted)
    }

    async fn get_text(client: &Client, t: &Target) -> Result<String, UpstreamError> {
        use futures_util::StreamExt;
        let resp = send(client, t, Method::POST, HeaderMap::new(), Bytes::from_static(b"{}")).await?;
        let mut body = resp.into_body();
        let mut out = Vec::new();
        while let Some(c) = body.next().await {
            out.extend_from_slice(&c.map_err(|e| UpstreamError::Body(e.to_string()))?);
        }
        Ok(String::from_utf8(out).unwrap())
    }

    /// A client and the target `http://{addr}/v1/x` on it.
    fn pool_to(addr: std::net::SocketAddr) -> (Client, Target) {
        let client = build(Duration::from_secs(5)).unwrap();
        (client, target(format!("http://{addr}/v1/x").parse().unwrap()).unwrap())
    }

    const CHUNKED: &str = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";

    #[tokio::test]
    async fn a_connection_read_to_its_end_is_reused() {
        let (addr, accepted) = server(100, CHUNKED).await;
        let (client, t) = pool_to(addr);
        for _ in 0..5 {
            assert_eq!(get_text(&client, &t).await.unwrap(), "hello world");
        }
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(client.idle(), 1);
    }

    /// Targets built apart (two providers, or one reloaded) for the same origin share its idle
    /// connections; another origin does not. Origins compare and hash ignoring the host's case.
    #[tokio::test]
    async fn targets_for_one_origin_share_its_pool() {
        let (addr, accepted) = server(100, CHUNKED).await;
        let (other, other_accepted) = server(100, CHUNKED).await;
        let client = build(Duration::from_secs(5)).unwrap();
        let url = |url: String| target(url.parse().unwrap()).unwrap();
        let (a, b) = (url(format!("http://{addr}/v1/x")), url(format!("http://{addr}/v1/y")));
        for t in [&a, &b, &a, &b] {
            assert_eq!(get_text(&client, t).await.unwrap(), "hello world");
        }
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1, "one connection for one origin");
        assert_eq!(get_text(&client, &url(format!("http://{other}/v1/x"))).await.unwrap(), "hello world");
        assert_eq!(other_accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(client.idle(), 2, "one idle connection per origin");

        let (upper, lower) = (url("http://Example.COM:8080/a".into()), url("http://example.com:8080/b".into()));
        assert_eq!(upper.key, lower.key);
        assert_eq!(upper.key.hash, lower.key.hash);
        assert_ne!(upper.key, url("https://example.com:8080/a".into()).key);
        assert_ne!(upper.key, url("http://example.com:8081/a".into()).key);
    }

    /// A loopback server whose connections each answer one request with `CHUNKED`, then stay
    /// open until `close` is notified (once per connection); returns its address, `close`, and
    /// counts of the connections accepted and closed.
    async fn held_server() -> (std::net::SocketAddr, Arc<tokio::sync::Notify>, Counter, Counter) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let close = Arc::new(tokio::sync::Notify::new());
        let (accepted, closed) = (Counter::default(), Counter::default());
        let (closing, acc, clo) = (close.clone(), accepted.clone(), closed.clone());
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                acc.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let (closing, clo) = (closing.clone(), clo.clone());
                tokio::spawn(async move {
                    let mut buf = [0u8; 4096];
                    let mut seen = Vec::new();
                    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        match s.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                    }
                    s.write_all(CHUNKED.as_bytes()).await.unwrap();
                    closing.notified().await;
                    drop(s);
                    clo.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                });
            }
        });
        (addr, close, accepted, closed)
    }

    type Counter = Arc<std::sync::atomic::AtomicUsize>;

    /// Wait (bounded) until `n` connections of a `held_server` have closed.
    async fn until_closed(closed: &Counter, n: usize) {
        for _ in 0..2000 {
            if closed.load(std::sync::atomic::Ordering::SeqCst) >= n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("the server did not close its connection");
    }

    #[tokio::test]
    async fn a_pooled_connection_the_peer_closed_is_replaced() {
        let (addr, close, accepted, closed) = held_server().await;
        let (client, t) = pool_to(addr);
        assert_eq!(get_text(&client, &t).await.unwrap(), "hello world");
        assert_eq!(client.idle(), 1, "read to its end, the open connection is pooled");
        // The peer closes the pooled connection; checkout finds it closed and makes a new one.
        close.notify_one();
        until_closed(&closed, 1).await;
        assert_eq!(get_text(&client, &t).await.unwrap(), "hello world");
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_sweep_drops_pooled_connections_their_peer_closed() {
        let (addr, close, _, closed) = held_server().await;
        let (client, t) = pool_to(addr);
        assert_eq!(get_text(&client, &t).await.unwrap(), "hello world");
        client.sweep();
        assert_eq!(client.idle(), 1, "an open idle connection stays");
        close.notify_one();
        until_closed(&closed, 1).await;
        client.sweep();
        assert_eq!(client.idle(), 0, "the closed connection is dropped");
    }

    #[tokio::test]
    async fn a_body_dropped_early_does_not_go_back_to_the_pool() {
        let (addr, accepted) = server(100, CHUNKED).await;
        let (client, t) = pool_to(addr);
        let resp = send(&client, &t, Method::POST, HeaderMap::new(), Bytes::new()).await.unwrap();
        drop(resp);
        assert_eq!(client.idle(), 0);
        assert_eq!(get_text(&client, &t).await.unwrap(), "hello world");
        assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_refused_connection_is_a_connect_error() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        drop(l);
        let (client, t) = pool_to(addr);
        match get_text(&client, &t).await {
            Err(UpstreamError::Connect(m)) => assert!(m.starts_with("connection failed"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_body_cut_mid_chunk_is_an_error_and_the_connection_is_dropped() {
        let (addr, _) =
            server(1, "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n20\r\n part").await;
        let (client, t) = pool_to(addr);
        assert!(matches!(get_text(&client, &t).await, Err(UpstreamError::Body(_))));
        assert_eq!(client.idle(), 0);
    }
}
