//! bench/src/bin/proxy.rs — the floor: a bare reverse proxy on the relay's own stack (hyper 1 server,
//! hyper-util's pooled client, tokio), forwarding every request unchanged to one upstream.
//!
//! Usage: `proxy --upstream 127.0.0.1:PORT [--threads 2]`
//! Prints `proxy listening on http://127.0.0.1:PORT` as its first stdout line. No auth, no
//! routing, no parsing, no log: what any relay on this stack pays at least per request, so
//! `cost.sh bare …` can set the relay's figures beside it.

use http::{Request, Uri};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let upstream = arg("--upstream").expect("--upstream HOST:PORT");
    let threads: usize = arg("--threads").and_then(|t| t.parse().ok()).unwrap_or(2);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let client: Client<HttpConnector, Incoming> = Client::builder(TokioExecutor::new()).build_http();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        println!("proxy listening on http://{}", listener.local_addr().expect("addr"));
        // A background job's SIGINT is ignored unless a handler is installed: cost.sh stops with it.
        tokio::spawn(async {
            let _ = tokio::signal::ctrl_c().await;
            std::process::exit(0);
        });
        loop {
            let Ok((sock, _)) = listener.accept().await else { continue };
            let _ = sock.set_nodelay(true);
            let client = client.clone();
            let upstream = upstream.clone();
            tokio::spawn(async move {
                let svc = service_fn(move |req: Request<Incoming>| {
                    let client = client.clone();
                    let (mut parts, body) = req.into_parts();
                    let pq = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
                    parts.uri = Uri::try_from(format!("http://{upstream}{pq}")).expect("uri");
                    async move { client.request(Request::from_parts(parts, body)).await }
                });
                let _ = http1::Builder::new().serve_connection(TokioIo::new(sock), svc).await;
            });
        }
    });
}
