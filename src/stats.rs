//! Request statistics: a log-scale latency `Histogram` (percentiles within ~9%), the `Agg`
//! aggregate (counts, errors by class, tokens, cost, latency and TTFB histograms) that is kept per
//! hour × model × provider × key × user in the store, and `Live`: the process's in-memory counters
//! behind `status`, `stats` and `GET /metrics`. Everything here is updated by the store's writer
//! thread, never on the request path — except `Live::dropped`, bumped by the request that found
//! the writer's queue full.

use crate::record::LogEntry;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Buckets per doubling of milliseconds: 8 gives a relative error under 9%.
const BUCKETS_PER_OCTAVE: f64 = 8.0;
/// Highest bucket: 2^25 ms ≈ 9.3 hours.
const MAX_BUCKET: u16 = 200;

/// A sparse log-scale histogram of milliseconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Histogram(BTreeMap<u16, u64>);

impl Histogram {
    fn bucket(ms: f64) -> u16 {
        // NaN and anything up to 1 ms land in the first bucket.
        if ms.is_nan() || ms <= 1.0 {
            return 0;
        }
        ((ms.log2() * BUCKETS_PER_OCTAVE).ceil() as u16).min(MAX_BUCKET)
    }
    fn upper(bucket: u16) -> f64 {
        (f64::from(bucket) / BUCKETS_PER_OCTAVE).exp2()
    }
    pub fn observe(&mut self, ms: f64) {
        *self.0.entry(Self::bucket(ms)).or_default() += 1;
    }
    pub fn merge(&mut self, other: &Histogram) {
        for (b, n) in &other.0 {
            *self.0.entry(*b).or_default() += n;
        }
    }
    pub fn count(&self) -> u64 {
        self.0.values().sum()
    }
    /// The upper bound of the bucket holding quantile `q` (0..=1), or `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (b, n) in &self.0 {
            seen += n;
            if seen >= rank {
                return Some(Self::upper(*b));
            }
        }
        self.0.keys().next_back().map(|b| Self::upper(*b))
    }
}

/// `2xx`, `4xx`, `5xx`, …; 499 (the client went away) is its own class.
pub fn status_class(status: u16) -> std::borrow::Cow<'static, str> {
    match status {
        499 => "499".into(),
        100..=199 => "1xx".into(),
        200..=299 => "2xx".into(),
        300..=399 => "3xx".into(),
        400..=499 => "4xx".into(),
        500..=599 => "5xx".into(),
        _ => format!("{}xx", status / 100).into(),
    }
}

/// One more under `key`, counted where it lies: only a key seen for the first time is allocated.
fn count(map: &mut BTreeMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_owned(), 1);
        }
    }
}

/// Whether a status counts as an error in stats (a client that went away is not the relay's error).
pub fn is_error(status: u16) -> bool {
    status >= 400 && status != 499
}

/// Aggregated numbers over a set of requests. New fields must default to zero so older stored
/// aggregates keep reading. `count_tokens` calls are counted apart and in nothing else: they are
/// not requests for rates, errors, tokens, cost or latency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agg {
    pub requests: u64,
    /// `count_tokens` calls (not in `requests`).
    pub count_tokens: u64,
    pub errors: u64,
    /// Requests by status class (`2xx`, `4xx`, `5xx`, `499`).
    pub status: BTreeMap<String, u64>,
    /// Errors by class (`rate_limited`, `upstream`, `client_closed`, …).
    pub error_kinds: BTreeMap<String, u64>,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub cache_read_tokens: u64,
    pub cache_write_tokens: u64,
    /// Requests whose tokens are a local estimate (the upstream reported none).
    pub estimated_tokens: u64,
    pub cost_usd: f64,
    /// Requests that had a price (the rest have an unknown cost).
    pub priced: u64,
    pub latency_ms_sum: f64,
    pub latency: Histogram,
    pub ttfb: Histogram,
}

impl Agg {
    pub fn add(&mut self, e: &LogEntry) {
        if !e.kind.is_completion() {
            self.count_tokens += 1;
            return;
        }
        self.requests += 1;
        count(&mut self.status, &status_class(e.status));
        if is_error(e.status) {
            self.errors += 1;
        }
        if let Some(k) = &e.error_kind {
            count(&mut self.error_kinds, k);
        }
        if let Some(t) = &e.tokens {
            self.input_tokens += t.input;
            self.output_tokens += t.output;
            self.cache_read_tokens += t.cache_read;
            self.cache_write_tokens += t.cache_write;
        }
        if e.tokens_estimated {
            self.estimated_tokens += 1;
        }
        if let Some(c) = e.cost_usd {
            self.cost_usd += c;
            self.priced += 1;
        }
        self.latency_ms_sum += e.latency_ms;
        self.latency.observe(e.latency_ms);
        if let Some(t) = e.ttfb_ms {
            self.ttfb.observe(t);
        }
    }

    pub fn merge(&mut self, o: &Agg) {
        self.requests += o.requests;
        self.count_tokens += o.count_tokens;
        self.errors += o.errors;
        for (k, v) in &o.status {
            *self.status.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &o.error_kinds {
            *self.error_kinds.entry(k.clone()).or_default() += v;
        }
        self.input_tokens += o.input_tokens;
        self.output_tokens += o.output_tokens;
        self.cache_read_tokens += o.cache_read_tokens;
        self.cache_write_tokens += o.cache_write_tokens;
        self.estimated_tokens += o.estimated_tokens;
        self.cost_usd += o.cost_usd;
        self.priced += o.priced;
        self.latency_ms_sum += o.latency_ms_sum;
        self.latency.merge(&o.latency);
        self.ttfb.merge(&o.ttfb);
    }

    /// The aggregate without histograms, with percentiles: what `stats` prints.
    pub fn summary(&self) -> Summary {
        Summary {
            requests: self.requests,
            count_tokens: self.count_tokens,
            errors: self.errors,
            status: self.status.clone(),
            error_kinds: self.error_kinds.clone(),
            input_tokens: self.input_tokens,
            output_tokens: self.output_tokens,
            cache_read_tokens: self.cache_read_tokens,
            cache_write_tokens: self.cache_write_tokens,
            estimated_tokens: self.estimated_tokens,
            cost_usd: self.cost_usd,
            latency_ms_avg: (self.requests > 0).then(|| self.latency_ms_sum / self.requests as f64),
            latency_ms_p50: self.latency.quantile(0.5),
            latency_ms_p90: self.latency.quantile(0.9),
            latency_ms_p99: self.latency.quantile(0.99),
            ttfb_ms_p50: self.ttfb.quantile(0.5),
            ttfb_ms_p90: self.ttfb.quantile(0.9),
            ttfb_ms_p99: self.ttfb.quantile(0.99),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Summary {
    pub requests: u64,
    /// `count_tokens` calls (not in `requests`).
    pub count_tokens: u64,
    pub errors: u64,
    pub status: BTreeMap<String, u64>,
    pub error_kinds: BTreeMap<String, u64>,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub cache_read_tokens: u64,
    pub cache_write_tokens: u64,
    pub estimated_tokens: u64,
    pub cost_usd: f64,
    pub latency_ms_avg: Option<f64>,
    pub latency_ms_p50: Option<f64>,
    pub latency_ms_p90: Option<f64>,
    pub latency_ms_p99: Option<f64>,
    pub ttfb_ms_p50: Option<f64>,
    pub ttfb_ms_p90: Option<f64>,
    pub ttfb_ms_p99: Option<f64>,
}

/// Prometheus histogram bounds, in seconds.
const PROM_BOUNDS_SECS: [f64; 16] =
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0];

#[derive(Debug, Clone, Default)]
struct PromHist {
    counts: [u64; PROM_BOUNDS_SECS.len()],
    count: u64,
    sum: f64,
}

impl PromHist {
    fn observe(&mut self, secs: f64) {
        if let Some(i) = PROM_BOUNDS_SECS.iter().position(|b| secs <= *b) {
            self.counts[i] += 1;
        }
        self.count += 1;
        self.sum += secs;
    }
    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut cum = 0;
        for (b, n) in PROM_BOUNDS_SECS.iter().zip(self.counts) {
            cum += n;
            let _ = writeln!(out, "{name}_bucket{{le=\"{b}\"}} {cum}");
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{le=\"+Inf\"}} {}\n{name}_sum {}\n{name}_count {}",
            self.count, self.sum, self.count
        );
    }
}

#[derive(Debug, Clone, Default)]
struct Series {
    requests: u64,
    tokens: [u64; 4],
    cost_usd: f64,
}

/// A series' labels: provider, model, status.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SeriesKey(String, String, u16);

/// Labels as borrowed strings, so that counting a request into a series that exists allocates
/// nothing: the map is searched with a `(&str, &str, u16)` through this trait.
trait Labels {
    fn labels(&self) -> (&str, &str, u16);
}

impl Labels for SeriesKey {
    fn labels(&self) -> (&str, &str, u16) {
        (&self.0, &self.1, self.2)
    }
}

impl Labels for (&str, &str, u16) {
    fn labels(&self) -> (&str, &str, u16) {
        *self
    }
}

impl<'a> std::borrow::Borrow<dyn Labels + 'a> for SeriesKey {
    fn borrow(&self) -> &(dyn Labels + 'a) {
        self
    }
}

// Ordered as `SeriesKey`'s derived order (strings compare as their `str`s), as `Borrow` requires.
impl PartialEq for dyn Labels + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.labels() == other.labels()
    }
}

impl Eq for dyn Labels + '_ {}

impl PartialOrd for dyn Labels + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn Labels + '_ {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.labels().cmp(&other.labels())
    }
}

#[derive(Debug, Default)]
struct LiveInner {
    total: Agg,
    /// (provider, model, status) → counters, for labelled Prometheus series.
    series: BTreeMap<SeriesKey, Series>,
    latency: PromHist,
    ttfb: PromHist,
    overhead: PromHist,
    recent: Recent,
}

/// Seconds in the `status` window of recent requests.
const RECENT_WINDOW_SECS: u64 = 60;

/// Requests and errors per second over the last minute (a ring indexed by unix second), for
/// `status`: `(second, requests, errors)` per slot; a slot from an older second counts as empty.
#[derive(Debug)]
struct Recent([(u64, u64, u64); RECENT_WINDOW_SECS as usize]);

impl Default for Recent {
    fn default() -> Self {
        Recent([(0, 0, 0); RECENT_WINDOW_SECS as usize])
    }
}

impl Recent {
    fn add(&mut self, now_secs: u64, error: bool) {
        let len = self.0.len() as u64;
        let Some(slot) = usize::try_from(now_secs % len).ok().and_then(|i| self.0.get_mut(i)) else { return };
        if slot.0 != now_secs {
            *slot = (now_secs, 0, 0);
        }
        slot.1 += 1;
        slot.2 += u64::from(error);
    }

    fn sum(&self, now_secs: u64) -> (u64, u64) {
        let since = now_secs.saturating_sub(RECENT_WINDOW_SECS - 1);
        self.0.iter().filter(|s| s.0 >= since && s.0 <= now_secs).fold((0, 0), |a, s| (a.0 + s.1, a.1 + s.2))
    }
}

fn unix_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// In-memory counters since the process started.
#[derive(Debug, Default)]
pub struct Live {
    inner: Mutex<LiveInner>,
    /// Records dropped because the writer's queue was full.
    pub dropped: AtomicU64,
    /// Records that reached the writer but could not be stored (disk full, I/O error).
    pub store_failed: AtomicU64,
    pub stored: AtomicU64,
    /// Records deleted by retention.
    pub expired: AtomicU64,
    /// Times the writer thread panicked and was restarted.
    pub writer_panics: AtomicU64,
}

impl Live {
    fn lock(&self) -> std::sync::MutexGuard<'_, LiveInner> {
        // Counters stay usable after a panic elsewhere: every update is plain arithmetic.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn observe(&self, e: &LogEntry) {
        let mut g = self.lock();
        g.total.add(e);
        if !e.kind.is_completion() {
            // Counted in `total.count_tokens` only: not a request in any series or histogram.
            return;
        }
        let labels =
            (e.provider.as_deref().unwrap_or_default(), e.model.as_deref().unwrap_or(&e.requested_model), e.status);
        if !g.series.contains_key(&labels as &dyn Labels) {
            g.series.insert(SeriesKey(labels.0.to_owned(), labels.1.to_owned(), labels.2), Series::default());
        }
        let Some(s) = g.series.get_mut(&labels as &dyn Labels) else { return };
        s.requests += 1;
        if let Some(t) = &e.tokens {
            for (slot, v) in s.tokens.iter_mut().zip([t.input, t.output, t.cache_read, t.cache_write]) {
                *slot += v;
            }
        }
        s.cost_usd += e.cost_usd.unwrap_or(0.0);
        g.recent.add(unix_secs(), is_error(e.status));
        g.latency.observe(e.latency_ms / 1000.0);
        if let Some(t) = e.ttfb_ms {
            g.ttfb.observe(t / 1000.0);
        }
        if let Some(o) = e.overhead_ms {
            g.overhead.observe(o / 1000.0);
        }
    }

    pub fn total(&self) -> Agg {
        self.lock().total.clone()
    }

    /// Requests and errors (as in `is_error`) recorded in the last minute.
    pub fn last_minute(&self) -> (u64, u64) {
        self.lock().recent.sum(unix_secs())
    }

    pub fn counters(&self) -> serde_json::Value {
        serde_json::json!({
            "stored": self.stored.load(Ordering::Relaxed),
            "dropped": self.dropped.load(Ordering::Relaxed),
            "store_failed": self.store_failed.load(Ordering::Relaxed),
            "expired": self.expired.load(Ordering::Relaxed),
            "writer_panics": self.writer_panics.load(Ordering::Relaxed),
        })
    }

    /// Prometheus text exposition of the counters and histograms (key states are added by the server).
    pub fn render_prometheus(&self, out: &mut String) {
        let g = self.lock();
        let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        let _ = writeln!(
            out,
            "# HELP monorelay_requests_total Relayed requests by provider, model and status.\n# TYPE monorelay_requests_total counter"
        );
        for (SeriesKey(p, m, st), s) in &g.series {
            let _ = writeln!(
                out,
                "monorelay_requests_total{{provider=\"{}\",model=\"{}\",status=\"{st}\"}} {}",
                esc(p),
                esc(m),
                s.requests
            );
        }
        let _ = writeln!(
            out,
            "# HELP monorelay_errors_total Failed requests by error class.\n# TYPE monorelay_errors_total counter"
        );
        for (k, n) in &g.total.error_kinds {
            let _ = writeln!(out, "monorelay_errors_total{{kind=\"{}\"}} {n}", esc(k));
        }
        let _ = writeln!(
            out,
            "# HELP monorelay_count_tokens_total count_tokens calls (not in monorelay_requests_total).\n# TYPE monorelay_count_tokens_total counter\nmonorelay_count_tokens_total {}",
            g.total.count_tokens
        );
        let _ = writeln!(
            out,
            "# HELP monorelay_tokens_total Tokens by provider, model and type (input includes cached).\n# TYPE monorelay_tokens_total counter"
        );
        let mut by_pm: BTreeMap<(&str, &str), Series> = BTreeMap::new();
        for (SeriesKey(p, m, _), s) in &g.series {
            let e = by_pm.entry((p, m)).or_default();
            for (a, b) in e.tokens.iter_mut().zip(s.tokens) {
                *a += b;
            }
            e.cost_usd += s.cost_usd;
        }
        for ((p, m), s) in &by_pm {
            for (kind, n) in ["input", "output", "cache_read", "cache_write"].iter().zip(s.tokens) {
                let _ = writeln!(
                    out,
                    "monorelay_tokens_total{{provider=\"{}\",model=\"{}\",type=\"{kind}\"}} {n}",
                    esc(p),
                    esc(m)
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP monorelay_cost_usd_total Cost in USD by provider and model.\n# TYPE monorelay_cost_usd_total counter"
        );
        for ((p, m), s) in &by_pm {
            let _ = writeln!(
                out,
                "monorelay_cost_usd_total{{provider=\"{}\",model=\"{}\"}} {}",
                esc(p),
                esc(m),
                s.cost_usd
            );
        }
        g.latency.render(
            out,
            "monorelay_request_duration_seconds",
            "Time from request to the last byte of the answer.",
        );
        g.ttfb.render(
            out,
            "monorelay_time_to_first_byte_seconds",
            "Time from request to the first byte of the answer.",
        );
        g.overhead.render(
            out,
            "monorelay_relay_overhead_seconds",
            "Time to first byte not spent waiting on upstreams.",
        );
        drop(g);
        for (name, help, v) in [
            ("monorelay_records_stored_total", "Request records written to the store.", &self.stored),
            (
                "monorelay_records_dropped_total",
                "Request records dropped because the writer queue was full.",
                &self.dropped,
            ),
            ("monorelay_records_store_failed_total", "Request records the store could not write.", &self.store_failed),
            ("monorelay_records_expired_total", "Request records removed by retention.", &self.expired),
        ] {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}", v.load(Ordering::Relaxed));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_quantiles_are_within_the_bucket_error() {
        let mut h = Histogram::default();
        for ms in 1..=1000 {
            h.observe(f64::from(ms));
        }
        for (q, want) in [(0.5, 500.0), (0.9, 900.0), (0.99, 990.0)] {
            let got = h.quantile(q).unwrap_or(0.0);
            assert!(got >= want && got <= want * 1.1, "q{q}: {got}");
        }
        assert_eq!(Histogram::default().quantile(0.5), None);
        let mut h2 = Histogram::default();
        h2.observe(0.2);
        h2.merge(&h);
        assert_eq!(h2.count(), 1001);
    }

    #[test]
    fn count_tokens_calls_are_counted_apart() {
        use crate::record::{RecordKind, Tokens};
        let request = LogEntry {
            status: 200,
            latency_ms: 10.0,
            tokens: Some(Tokens { input: 5, ..Tokens::default() }),
            ..LogEntry::default()
        };
        let count = LogEntry {
            kind: RecordKind::CountTokens,
            status: 400,
            latency_ms: 3.0,
            error_kind: Some("invalid_request".into()),
            ..LogEntry::default()
        };
        let live = Live::default();
        for e in [&request, &count, &count] {
            live.observe(e);
        }
        let t = live.total();
        assert_eq!((t.requests, t.count_tokens, t.errors, t.input_tokens), (1, 2, 0, 5));
        assert!(t.error_kinds.is_empty() && t.latency.count() == 1, "{t:?}");
        let mut out = String::new();
        live.render_prometheus(&mut out);
        assert!(out.contains("monorelay_count_tokens_total 2") && !out.contains("status=\"400\""), "{out}");
        let mut merged = Agg::default();
        merged.merge(&t);
        assert_eq!(merged.summary().count_tokens, 2);
    }

    /// Each (provider, model, status) is one series however often it is seen, listed in label
    /// order; the model falls back to the requested one; status classes and error kinds count.
    #[test]
    fn series_count_each_label_set_once_in_order() {
        let entry = |provider: Option<&str>, model: Option<&str>, status: u16, kind: Option<&str>| LogEntry {
            provider: provider.map(str::to_owned),
            model: model.map(str::to_owned),
            requested_model: "asked".into(),
            status,
            latency_ms: 1.0,
            error_kind: kind.map(str::to_owned),
            ..LogEntry::default()
        };
        let live = Live::default();
        for e in [
            entry(Some("b"), Some("m"), 200, None),
            entry(Some("a"), Some("z"), 200, None),
            entry(Some("b"), Some("m"), 200, None),
            entry(Some("a"), None, 502, Some("upstream_error")),
            entry(Some("b"), Some("m"), 429, Some("rate_limit")),
            entry(None, Some("m"), 499, Some("upstream_error")),
            entry(Some("a"), Some("z"), 200, None),
            entry(Some("a"), Some("z"), 600, None),
        ] {
            live.observe(&e);
        }
        let mut out = String::new();
        live.render_prometheus(&mut out);
        let series: Vec<&str> = out.lines().filter(|l| l.starts_with("monorelay_requests_total{")).collect();
        assert_eq!(
            series,
            [
                r#"monorelay_requests_total{provider="",model="m",status="499"} 1"#,
                r#"monorelay_requests_total{provider="a",model="asked",status="502"} 1"#,
                r#"monorelay_requests_total{provider="a",model="z",status="200"} 2"#,
                r#"monorelay_requests_total{provider="a",model="z",status="600"} 1"#,
                r#"monorelay_requests_total{provider="b",model="m",status="200"} 2"#,
                r#"monorelay_requests_total{provider="b",model="m",status="429"} 1"#,
            ]
        );
        let t = live.total();
        let status: Vec<(&str, u64)> = t.status.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        assert_eq!(status, [("2xx", 4), ("499", 1), ("4xx", 1), ("5xx", 1), ("6xx", 1)]);
        let kinds: Vec<(&str, u64)> = t.error_kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        assert_eq!(kinds, [("rate_limit", 1), ("upstream_error", 2)]);
    }
}

#[cfg(test)]
mod recent_tests {
    use super::Recent;

    #[test]
    fn last_minute_counts_only_the_last_sixty_seconds() {
        let mut r = Recent::default();
        r.add(1_000, false);
        r.add(1_000, true);
        r.add(1_030, false);
        assert_eq!(r.sum(1_030), (3, 1));
        assert_eq!(r.sum(1_059), (3, 1));
        // Second 1000 has left the window; its slot is reused by 1060.
        assert_eq!(r.sum(1_060), (1, 0));
        r.add(1_060, true);
        assert_eq!(r.sum(1_060), (2, 1));
        assert_eq!(r.sum(2_000), (0, 0));
        // A clock that went back does not count the future.
        assert_eq!(r.sum(999), (0, 0));
    }
}
