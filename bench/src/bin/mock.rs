//! bench/src/bin/mock.rs — the fast mock upstream: OpenAI `/chat/completions` and Anthropic `/messages`,
//! non-stream and stream (honours `stream_options.include_usage`), with a configurable per-event delay.
//!
//! Usage: `mock [--port 0] [--events 20] [--delay-ms 0] [--slow-delay-ms 50] [--threads 1]`
//! Prints `mock listening on http://127.0.0.1:PORT` as its first stdout line.
//! A request whose `model` contains `slow` streams with `--slow-delay-ms` between events; others use
//! `--delay-ms`. Everything else is answered from prebuilt bytes, so the mock stays far faster than
//! the relay in front of it.

use bytes::Bytes;
use futures_util::stream;
use http::{Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
struct Cfg {
    events: usize,
    delay: Duration,
    slow_delay: Duration,
}

#[derive(Deserialize)]
struct StreamOptions {
    include_usage: Option<bool>,
}

#[derive(Deserialize)]
struct Req {
    #[serde(default)]
    model: String,
    #[serde(default)]
    stream: bool,
    stream_options: Option<StreamOptions>,
}

type B = BoxBody<Bytes, Infallible>;

fn full(status: StatusCode, ctype: &'static str, body: impl Into<Bytes>) -> Response<B> {
    let mut r = Response::new(Full::new(body.into()).boxed());
    *r.status_mut() = status;
    r.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static(ctype));
    r
}

fn openai_json(model: &str) -> String {
    format!(
        r#"{{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"{model}","choices":[{{"index":0,"message":{{"role":"assistant","content":"Hello! This is a fixed answer from the monorelay bench mock upstream."}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":21,"completion_tokens":17,"total_tokens":38}}}}"#
    )
}

fn anthropic_json(model: &str) -> String {
    format!(
        r#"{{"id":"msg_bench","type":"message","role":"assistant","model":"{model}","content":[{{"type":"text","text":"Hello! This is a fixed answer from the monorelay bench mock upstream."}}],"stop_reason":"end_turn","stop_sequence":null,"usage":{{"input_tokens":21,"output_tokens":17}}}}"#
    )
}

fn openai_events(model: &str, n: usize, usage: bool) -> Vec<Bytes> {
    let mut v = Vec::with_capacity(n + 4);
    let head = format!(r#"{{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"{model}","choices":["#);
    v.push(format!("data: {head}{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"content\":\"\"}},\"finish_reason\":null}}]}}\n\n").into());
    for i in 0..n {
        v.push(format!("data: {head}{{\"index\":0,\"delta\":{{\"content\":\"tok{i} \"}},\"finish_reason\":null}}]}}\n\n").into());
    }
    v.push(format!("data: {head}{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}]}}\n\n").into());
    if usage {
        v.push(format!("data: {head}],\"usage\":{{\"prompt_tokens\":21,\"completion_tokens\":{n},\"total_tokens\":{}}}}}\n\n", 21 + n).into());
    }
    v.push(Bytes::from_static(b"data: [DONE]\n\n"));
    v
}

fn anthropic_events(model: &str, n: usize) -> Vec<Bytes> {
    let mut v = Vec::with_capacity(n + 5);
    v.push(format!("event: message_start\ndata: {{\"type\":\"message_start\",\"message\":{{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"{model}\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{{\"input_tokens\":21,\"output_tokens\":1}}}}}}\n\n").into());
    v.push(Bytes::from_static(b"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"));
    for i in 0..n {
        v.push(format!("event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"tok{i} \"}}}}\n\n").into());
    }
    v.push(Bytes::from_static(b"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"));
    v.push(format!("event: message_delta\ndata: {{\"type\":\"message_delta\",\"delta\":{{\"stop_reason\":\"end_turn\",\"stop_sequence\":null}},\"usage\":{{\"output_tokens\":{n}}}}}\n\n").into());
    v.push(Bytes::from_static(b"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    v
}

fn sse(events: Vec<Bytes>, delay: Duration) -> Response<B> {
    let s = stream::unfold((events.into_iter(), true), move |(mut it, first)| async move {
        let ev = it.next()?;
        if !first && !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        Some((Ok::<_, Infallible>(Frame::data(ev)), (it, false)))
    });
    let mut r = Response::new(BodyExt::boxed(StreamBody::new(s)));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, header::HeaderValue::from_static("text/event-stream"));
    h.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-cache"));
    r
}

async fn handle(cfg: Arc<Cfg>, req: Request<Incoming>) -> Result<Response<B>, Infallible> {
    let path = req.uri().path().to_owned();
    let openai = path.ends_with("/chat/completions");
    let anthropic = path.ends_with("/messages");
    if req.method() != http::Method::POST || !(openai || anthropic) {
        return Ok(full(StatusCode::NOT_FOUND, "application/json", r#"{"error":{"message":"not found"}}"#));
    }
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return Ok(full(StatusCode::BAD_REQUEST, "application/json", r#"{"error":"body"}"#)),
    };
    let parsed: Req = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return Ok(full(StatusCode::BAD_REQUEST, "application/json", format!(r#"{{"error":{{"message":"bad json: {e}"}}}}"#)));
        }
    };
    let model = if parsed.model.is_empty() { "bench" } else { parsed.model.as_str() };
    let delay = if model.contains("slow") { cfg.slow_delay } else { cfg.delay };
    Ok(match (openai, parsed.stream) {
        (true, false) => full(StatusCode::OK, "application/json", openai_json(model)),
        (false, false) => full(StatusCode::OK, "application/json", anthropic_json(model)),
        (true, true) => {
            let usage = parsed.stream_options.and_then(|o| o.include_usage).unwrap_or(false);
            sse(openai_events(model, cfg.events, usage), delay)
        }
        (false, true) => sse(anthropic_events(model, cfg.events), delay),
    })
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = arg(&args, "--port", 0);
    let threads: usize = arg(&args, "--threads", 1);
    let cfg = Arc::new(Cfg {
        events: arg(&args, "--events", 20),
        delay: Duration::from_micros((arg::<f64>(&args, "--delay-ms", 0.0) * 1000.0) as u64),
        slow_delay: Duration::from_micros((arg::<f64>(&args, "--slow-delay-ms", 50.0) * 1000.0) as u64),
    });
    let rt = if threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(threads).enable_all().build()
    }
    .expect("runtime");
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
        println!("mock listening on http://{}", listener.local_addr().expect("addr"));
        loop {
            let Ok((tcp, _)) = listener.accept().await else { continue };
            let _ = tcp.set_nodelay(true);
            let cfg = cfg.clone();
            tokio::spawn(async move {
                let svc = service_fn(move |req| handle(cfg.clone(), req));
                let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(tcp), svc).await;
            });
        }
    });
}
