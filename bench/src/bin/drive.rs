//! bench/src/bin/drive.rs — the stream load driver: time to first byte, total time and inter-event gaps
//! of (streaming or not) POSTs, bounded in count and time; prints one JSON object on stdout.
//!
//! Usage: `drive --url URL --body FILE [--header 'K: V']... [--concurrency 1] [--requests 100]
//!         [--max-secs 30] [--stall-ms 1000] [--expect-end '[DONE]'] [--threads 1]`
//! Each worker keeps one HTTP/1.1 keep-alive connection. TTFB is the first body byte (not the
//! headers). A stream "stalls" when two body chunks are further apart than `--stall-ms`, or it did
//! not finish by `--max-secs`. `x-monorelay-overhead-ms` is collected when the server sends it.

use bytes::Bytes;
use http::Request;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Sample {
    ttfb_us: Vec<f64>,
    total_us: Vec<f64>,
    max_gap_us: Vec<f64>,
    gaps_us: Vec<f64>,
    events: Vec<f64>,
    chunks: Vec<f64>,
    overhead_ms: Vec<f64>,
    ok: usize,
    errors: usize,
    bad_status: usize,
    incomplete: usize,
    stalls: usize,
    first_error: Option<String>,
}

struct Opts {
    host: String,
    port: u16,
    path: String,
    headers: Vec<(String, String)>,
    body: Bytes,
    stall: Duration,
    expect_end: Option<Vec<u8>>,
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let idx = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    v[idx.min(v.len() - 1)]
}

fn stats(v: &mut [f64]) -> serde_json::Value {
    if v.is_empty() {
        return json!(null);
    }
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    json!({"p50": pct(v, 50.0), "p90": pct(v, 90.0), "p99": pct(v, 99.0), "max": pct(v, 100.0), "min": pct(v, 0.0), "mean": mean, "n": v.len()})
}

async fn connect(o: &Opts) -> Result<http1::SendRequest<Full<Bytes>>, String> {
    let tcp = tokio::net::TcpStream::connect((o.host.as_str(), o.port)).await.map_err(|e| format!("connect: {e}"))?;
    let _ = tcp.set_nodelay(true);
    let (send, conn) = http1::handshake(TokioIo::new(tcp)).await.map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(send)
}

/// One request on `send`; returns Err on a transport error (the connection is then dropped).
async fn one(o: &Opts, send: &mut http1::SendRequest<Full<Bytes>>, s: &Mutex<Sample>) -> Result<(), String> {
    let mut b = Request::post(o.path.as_str()).header("host", format!("{}:{}", o.host, o.port));
    for (k, v) in &o.headers {
        b = b.header(k.as_str(), v.as_str());
    }
    let req = b.body(Full::new(o.body.clone())).map_err(|e| e.to_string())?;
    send.ready().await.map_err(|e| format!("ready: {e}"))?;
    let t0 = Instant::now();
    let resp = send.send_request(req).await.map_err(|e| format!("send: {e}"))?;
    let status = resp.status();
    let overhead = resp
        .headers()
        .get("x-monorelay-overhead-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok());
    let mut body = resp.into_body();
    let mut ttfb = None;
    let mut last = t0;
    let mut gaps = Vec::new();
    let mut max_gap = Duration::ZERO;
    let mut events = 0usize;
    let mut chunks = 0usize;
    let mut prev_nl = false;
    let mut tail: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| format!("body: {e}"))?;
        let Ok(data) = frame.into_data() else { continue };
        if data.is_empty() {
            continue;
        }
        let now = Instant::now();
        if ttfb.is_none() {
            ttfb = Some(now - t0);
        } else {
            let g = now - last;
            max_gap = max_gap.max(g);
            gaps.push(g.as_secs_f64() * 1e6);
        }
        last = now;
        chunks += 1;
        for &c in data.iter() {
            if c == b'\n' {
                if prev_nl {
                    events += 1;
                }
                prev_nl = true;
            } else if c != b'\r' {
                prev_nl = false;
            }
        }
        tail.extend_from_slice(&data);
        if tail.len() > 256 {
            tail.drain(..tail.len() - 256);
        }
    }
    let total = t0.elapsed();
    let mut s = s.lock().map_err(|_| "poisoned")?;
    if !status.is_success() {
        s.bad_status += 1;
        if s.first_error.is_none() {
            s.first_error = Some(format!("status {status}: {}", String::from_utf8_lossy(&tail)));
        }
        return Ok(());
    }
    if let Some(end) = &o.expect_end {
        if !tail.windows(end.len()).any(|w| w == end.as_slice()) {
            s.incomplete += 1;
            if s.first_error.is_none() {
                s.first_error = Some(format!("stream did not end with {:?}", String::from_utf8_lossy(end)));
            }
            return Ok(());
        }
    }
    if max_gap > o.stall {
        s.stalls += 1;
    }
    s.ok += 1;
    s.ttfb_us.push(ttfb.unwrap_or(total).as_secs_f64() * 1e6);
    s.total_us.push(total.as_secs_f64() * 1e6);
    s.max_gap_us.push(max_gap.as_secs_f64() * 1e6);
    if s.gaps_us.len() < 2_000_000 {
        s.gaps_us.extend(gaps);
    }
    s.events.push(events as f64);
    s.chunks.push(chunks as f64);
    if let Some(ms) = overhead {
        s.overhead_ms.push(ms);
    }
    Ok(())
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = arg(&args, "--url").expect("--url");
    let rest = url.strip_prefix("http://").expect("http:// url");
    let (hostport, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (host, port) = hostport.rsplit_once(':').expect("host:port");
    let body = std::fs::read(arg(&args, "--body").expect("--body FILE")).expect("read body");
    let mut headers = vec![("content-type".to_string(), "application/json".to_string())];
    for (i, a) in args.iter().enumerate() {
        if a == "--header" {
            let h = args.get(i + 1).expect("--header value");
            let (k, v) = h.split_once(':').expect("K: V");
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let conc: usize = arg(&args, "--concurrency").and_then(|v| v.parse().ok()).unwrap_or(1);
    let requests: usize = arg(&args, "--requests").and_then(|v| v.parse().ok()).unwrap_or(100);
    let max_secs: f64 = arg(&args, "--max-secs").and_then(|v| v.parse().ok()).unwrap_or(30.0);
    let stall_ms: f64 = arg(&args, "--stall-ms").and_then(|v| v.parse().ok()).unwrap_or(1000.0);
    let threads: usize = arg(&args, "--threads").and_then(|v| v.parse().ok()).unwrap_or(1);
    let opts = Arc::new(Opts {
        host: host.to_string(),
        port: port.parse().expect("port"),
        path: if path.is_empty() { "/".into() } else { path.to_string() },
        headers,
        body: Bytes::from(body),
        stall: Duration::from_micros((stall_ms * 1000.0) as u64),
        expect_end: arg(&args, "--expect-end").map(String::into_bytes),
    });
    let rt = if threads <= 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(threads).enable_all().build()
    }
    .expect("runtime");
    let sample = Arc::new(Mutex::new(Sample::default()));
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let timed_out = rt.block_on(async {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..conc {
            let (o, s, next) = (opts.clone(), sample.clone(), next.clone());
            set.spawn(async move {
                let mut conn: Option<http1::SendRequest<Full<Bytes>>> = None;
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    if conn.is_none() {
                        match connect(&o).await {
                            Ok(c) => conn = Some(c),
                            Err(e) => {
                                {
                                    let mut g = s.lock().expect("lock");
                                    g.errors += 1;
                                    g.first_error.get_or_insert(e);
                                }
                                tokio::time::sleep(Duration::from_millis(10)).await;
                                continue;
                            }
                        }
                    }
                    if let Some(c) = conn.as_mut() {
                        let r = one(&o, c, &s).await;
                        if let Err(e) = r {
                            {
                                let mut g = s.lock().expect("lock");
                                g.errors += 1;
                                g.first_error.get_or_insert(e);
                            }
                            conn = None;
                        }
                    }
                }
            });
        }
        let deadline = tokio::time::sleep(Duration::from_secs_f64(max_secs));
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                r = set.join_next() => if r.is_none() { return false },
                _ = &mut deadline => { set.abort_all(); return true }
            }
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut s = sample.lock().expect("lock");
    let done = s.ok + s.bad_status + s.incomplete + s.errors;
    let unfinished = requests.saturating_sub(done.min(requests));
    let stalls = s.stalls + if timed_out { unfinished } else { 0 };
    let out = json!({
        "requests": requests,
        "concurrency": conc,
        "ok": s.ok,
        "errors": s.errors,
        "bad_status": s.bad_status,
        "incomplete": s.incomplete,
        "timed_out": timed_out,
        "unfinished": unfinished,
        "stalls": stalls,
        "elapsed_s": elapsed,
        "rps": s.ok as f64 / elapsed,
        "ttfb_us": stats(&mut s.ttfb_us),
        "total_us": stats(&mut s.total_us),
        "max_gap_us": stats(&mut s.max_gap_us),
        "gap_us": stats(&mut s.gaps_us),
        "events": stats(&mut s.events),
        "chunks": stats(&mut s.chunks),
        "overhead_ms": stats(&mut s.overhead_ms),
        "first_error": s.first_error,
    });
    println!("{out}");
}
