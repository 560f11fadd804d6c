//! The dashboard's state (`App`), the one message type that changes it (`Msg`), and the effects it
//! asks the outside world for (`Action`). `App::apply` does no I/O and reads no clock: time arrives
//! in messages (`Msg::Tick`), so every update is a plain, testable function of the messages so far.
//! The per-minute numbers of the header and the sparklines are computed here from the live record
//! stream (a ring of the last minute and 5-second buckets of the last ten), never from the database.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, VecDeque};

/// Records kept in the feed (older ones fall off; the server's log keeps them all).
pub const FEED_CAPACITY: usize = 2000;
/// The window of the header's rates and percentiles.
pub const WINDOW_MS: u64 = 60_000;
/// One sparkline bar.
pub const BUCKET_MS: u64 = 5_000;
/// Sparkline history: ten minutes.
pub const BUCKETS: usize = 120;

/// One upstream key and its state, as `keys.list` returns it.
pub use monorelay::admin::KeyInfo;
/// One `stats` group (by model).
pub use monorelay::admin::StatsGroup;
/// The server's `status` answer: the header's fixed facts.
pub use monorelay::admin::StatusInfo as Status;
use monorelay::keys::{CoolingReason, KeyStatus};
/// One finished request, as `logs.subscribe` streams it: the library's record type.
pub use monorelay::store::LogEntry as Record;

/// What the dashboard derives from a record.
pub trait RecordExt {
    /// When the record finished (unix ms): what the rates count by.
    fn ended_ms(&self) -> u64;
    /// Whether it counts as an error (a client that went away, 499, is not the relay's error).
    fn is_error(&self) -> bool;
    fn tokens_in(&self) -> u64;
    fn tokens_out(&self) -> u64;
    /// The model the upstream was asked for, else the one the client named.
    fn model_name(&self) -> &str;
    /// Milliseconds of generation (after the first byte), when measurable.
    fn gen_ms(&self) -> Option<f64>;
    fn matches(&self, filter: &str) -> bool;
}

impl RecordExt for Record {
    fn ended_ms(&self) -> u64 {
        self.started_at_ms + self.latency_ms.max(0.0) as u64
    }
    fn is_error(&self) -> bool {
        monorelay::stats::is_error(self.status)
    }
    fn tokens_in(&self) -> u64 {
        self.tokens.as_ref().map_or(0, |t| t.input)
    }
    fn tokens_out(&self) -> u64 {
        self.tokens.as_ref().map_or(0, |t| t.output)
    }
    fn model_name(&self) -> &str {
        self.model.as_deref().unwrap_or(&self.requested_model)
    }
    fn gen_ms(&self) -> Option<f64> {
        let ttfb = self.ttfb_ms?;
        let gen_ms = self.latency_ms - ttfb;
        (gen_ms > 0.0 && self.tokens_out() > 0).then_some(gen_ms)
    }
    fn matches(&self, filter: &str) -> bool {
        let f = filter.to_lowercase();
        [
            Some(self.requested_model.as_str()),
            self.model.as_deref(),
            self.provider.as_deref(),
            self.key_label.as_deref(),
            self.user.as_deref(),
            self.error.as_deref(),
            Some(self.short_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .any(|s| s.to_lowercase().contains(&f))
            || self.status.to_string().starts_with(&f)
    }
}

/// How a key's state is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyClass {
    Ok,
    /// Usable, but the next request is a single probe after a cooldown.
    Probing,
    /// Cooling after errors or rate-limited: usable again when the cooldown ends.
    Cooling,
    /// Rejected by the upstream (401/403) until re-enabled or reset.
    Invalid,
    Disabled,
    /// Quota used up, a usage window full, or expired.
    Limited,
    /// No state known (the server did not say).
    Other,
}

/// What the dashboard derives from a key.
pub trait KeyExt {
    fn class(&self) -> KeyClass;
    /// Short wording for a table cell: `ok`, `cooling 42s`, `invalid`, `quota-limited`, ….
    fn state_label(&self, now_ms: u64) -> String;
    fn matches(&self, filter: &str) -> bool;
}

impl KeyExt for KeyInfo {
    fn class(&self) -> KeyClass {
        match &self.status {
            Some(KeyStatus::Available) => KeyClass::Ok,
            Some(KeyStatus::Probing) => KeyClass::Probing,
            Some(KeyStatus::Cooling { reason: CoolingReason::UsageWindow, .. }) => KeyClass::Limited,
            Some(KeyStatus::Cooling { .. }) => KeyClass::Cooling,
            Some(KeyStatus::Invalid { .. }) => KeyClass::Invalid,
            Some(KeyStatus::Disabled) => KeyClass::Disabled,
            Some(KeyStatus::Expired | KeyStatus::QuotaExhausted { .. }) => KeyClass::Limited,
            None => KeyClass::Other,
        }
    }
    fn state_label(&self, now_ms: u64) -> String {
        let base = match &self.status {
            Some(KeyStatus::Available) => "ok",
            Some(KeyStatus::Probing) => "probing",
            Some(KeyStatus::Disabled) => "disabled",
            Some(KeyStatus::Invalid { .. }) => "invalid",
            Some(KeyStatus::Cooling { reason: CoolingReason::UsageWindow, .. }) => "quota-limited",
            Some(KeyStatus::Cooling { .. }) => "cooling",
            Some(KeyStatus::Expired) => "expired",
            Some(KeyStatus::QuotaExhausted { .. }) => "quota-limited",
            None => "unknown",
        };
        let left = self.status.as_ref().and_then(|s| s.cooldown_left_ms(now_ms)).map(|ms| ms.div_ceil(1000));
        match left {
            Some(s) if s > 0 => format!("{base} {}", fmt_secs(s)),
            _ => base.to_string(),
        }
    }
    fn matches(&self, filter: &str) -> bool {
        let f = filter.to_lowercase();
        let state = self.status.as_ref().map_or("", KeyStatus::name);
        self.provider.to_lowercase().contains(&f) || self.label.to_lowercase().contains(&f) || state.contains(&f)
    }
}

/// Per-model totals: a baseline from `stats` (by model) plus every live record that came after it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelRow {
    pub model: String,
    pub requests: u64,
    pub errors: u64,
    pub tokens_in: u64,
    pub tokens_out: u64,
    pub cost_usd: f64,
    ttfb_ms_sum: f64,
    ttfb_n: u64,
    gen_ms_sum: f64,
    gen_tokens: u64,
}

impl ModelRow {
    pub fn avg_ttfb_ms(&self) -> Option<f64> {
        (self.ttfb_n > 0).then(|| self.ttfb_ms_sum / self.ttfb_n as f64)
    }
    /// Output tokens per second of generation, over the requests where it was measurable.
    pub fn tokens_per_sec(&self) -> Option<f64> {
        (self.gen_ms_sum > 0.0).then(|| self.gen_tokens as f64 * 1000.0 / self.gen_ms_sum)
    }
    fn add(&mut self, r: &Record) {
        self.requests += 1;
        self.errors += u64::from(r.is_error());
        self.tokens_in += r.tokens_in();
        self.tokens_out += r.tokens_out();
        self.cost_usd += r.cost_usd.unwrap_or(0.0);
        if let Some(t) = r.ttfb_ms {
            self.ttfb_ms_sum += t;
            self.ttfb_n += 1;
        }
        if let Some(g) = r.gen_ms() {
            self.gen_ms_sum += g;
            self.gen_tokens += r.tokens_out();
        }
    }
}

/// `stats` by model since the server started: the models pane's baseline, which counts every
/// record stored when it was taken (live records that arrive later are added to it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelStats {
    pub groups: Vec<StatsGroup>,
}

/// A request's detail, from `logs.get`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    pub record: Record,
    /// The conversation: (who, text) in order, request then response.
    pub turns: Vec<(String, String)>,
    pub notes: Vec<String>,
}

/// What the dashboard shows of a request being looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    pub id: u64,
    pub record: Record,
    pub loaded: Option<Result<Box<Detail>, String>>,
    pub scroll: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Feed,
    Keys,
    Models,
}

impl Pane {
    const ORDER: [Pane; 3] = [Pane::Feed, Pane::Keys, Pane::Models];
    fn step(self, by: isize) -> Pane {
        let i = Self::ORDER.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Self::ORDER[(i + by).rem_euclid(3) as usize]
    }
}

/// A key operation waiting for the user's `y`.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyOp {
    Enable,
    Disable,
    Reset,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub op: KeyOp,
    pub provider: String,
    pub label: String,
}

impl Confirm {
    pub fn question(&self) -> String {
        let verb = match self.op {
            KeyOp::Enable => "Enable",
            KeyOp::Disable => "Disable",
            KeyOp::Reset => "Reset the cooldown of",
        };
        format!("{verb} key '{}' of '{}'?", self.label, self.provider)
    }
}

/// Whether the control socket answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Connecting,
    Up,
    /// Lost (or never reached): the reason, and when the next attempt is due (unix ms).
    Down {
        reason: String,
        retry_at_ms: u64,
    },
}

/// Everything that changes the dashboard, on one channel.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The clock (unix ms): rates, countdowns and uptime move with it.
    Tick(u64),
    Key(KeyEvent),
    /// The terminal's size (columns, rows): the detail view scrolls within it.
    Resize(u16, u16),
    Connected,
    Disconnected {
        reason: String,
        retry_at_ms: u64,
    },
    Status(Box<Status>),
    Keys(Vec<KeyInfo>),
    Stats(ModelStats),
    Record(Box<Record>),
    /// The latest records from the log (newest first), on (re)connecting: they fill the feed and
    /// the rates; the models' baseline already counts them.
    Backfill(Vec<Record>),
    /// The server dropped this many events because top fell behind.
    Lagged(u64),
    Detail {
        id: u64,
        result: Result<Box<Detail>, String>,
    },
    /// The outcome of a key operation (text for the status line).
    Done(Result<String, String>),
}

/// What `apply` asks the I/O side to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    FetchDetail(u64),
    KeySet {
        provider: String,
        label: String,
        enabled: bool,
    },
    KeyReset {
        provider: String,
        label: String,
    },
    /// Refresh `keys.list` now (a record or a key operation changed it).
    RefreshKeys,
}

/// A 5-second sparkline bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Bucket {
    pub start_ms: u64,
    pub requests: u64,
    pub errors: u64,
}

/// One finished request in the last-minute window.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Sample {
    ended_ms: u64,
    error: bool,
    latency_ms: f64,
    ttfb_ms: Option<f64>,
    tokens: u64,
}

/// The header's numbers over the last minute.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rates {
    pub requests: u64,
    pub req_per_sec: f64,
    pub tokens_per_sec: f64,
    pub error_rate: f64,
    pub latency_p50: Option<f64>,
    pub latency_p99: Option<f64>,
    pub ttfb_p50: Option<f64>,
    pub ttfb_p99: Option<f64>,
}

#[derive(Debug)]
pub struct App {
    pub now_ms: u64,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// Colours allowed (off with `NO_COLOR` or a terminal without them).
    pub colour: bool,
    pub link: Link,
    pub status: Option<Status>,
    /// When `status` arrived (unix ms): uptime counts on from there.
    pub status_at_ms: u64,
    pub keys: Vec<KeyInfo>,
    pub models: BTreeMap<String, ModelRow>,
    stats_baseline: BTreeMap<String, ModelRow>,
    /// Live records that arrived after the baseline was taken.
    live_models: BTreeMap<String, ModelRow>,
    /// Newest first.
    pub feed: VecDeque<Record>,
    /// Records that arrived while paused, oldest first; appended on resume.
    pub held: Vec<Record>,
    pub paused: bool,
    pub lagged: u64,
    window: VecDeque<Sample>,
    pub buckets: VecDeque<Bucket>,
    pub focus: Pane,
    /// Selected row per pane, an index into that pane's filtered rows.
    pub sel_feed: usize,
    pub sel_keys: usize,
    pub sel_models: usize,
    pub filter: String,
    /// Typing into the filter (`/` … Enter).
    pub editing_filter: bool,
    pub help: bool,
    pub detail: Option<DetailView>,
    pub confirm: Option<Confirm>,
    /// The last operation's outcome, shown in the footer: (text, is_error).
    pub flash: Option<(String, bool)>,
    /// A key-state refresh was asked for and is not due yet (at most one per tick).
    refresh_keys_pending: bool,
}

/// `42s`, `3m05s`, `2h10m`, `3d4h`.
pub fn fmt_secs(s: u64) -> String {
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        3600..86_400 => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d{}h", s / 86_400, s % 86_400 / 3600),
    }
}

fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

impl App {
    pub fn new(now_ms: u64, colour: bool) -> App {
        App {
            now_ms,
            size: (80, 24),
            colour,
            link: Link::Connecting,
            status: None,
            status_at_ms: now_ms,
            keys: Vec::new(),
            models: BTreeMap::new(),
            stats_baseline: BTreeMap::new(),
            live_models: BTreeMap::new(),
            feed: VecDeque::new(),
            held: Vec::new(),
            paused: false,
            lagged: 0,
            window: VecDeque::new(),
            buckets: VecDeque::new(),
            focus: Pane::Feed,
            sel_feed: 0,
            sel_keys: 0,
            sel_models: 0,
            filter: String::new(),
            editing_filter: false,
            help: false,
            detail: None,
            confirm: None,
            flash: None,
            refresh_keys_pending: false,
        }
    }

    /// Update the state with one message; returns what the I/O side should do. No I/O here.
    pub fn apply(&mut self, msg: Msg) -> Vec<Action> {
        match msg {
            Msg::Tick(now) => {
                self.advance(now);
                if std::mem::take(&mut self.refresh_keys_pending) {
                    return vec![Action::RefreshKeys];
                }
            }
            Msg::Key(k) => return self.key(k),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Connected => {
                self.link = Link::Up;
                self.flash = None;
            }
            Msg::Disconnected { reason, retry_at_ms } => self.link = Link::Down { reason, retry_at_ms },
            Msg::Status(s) => {
                self.status = Some(*s);
                self.status_at_ms = self.now_ms;
            }
            Msg::Keys(keys) => {
                self.keys = keys;
                self.sel_keys = self.sel_keys.min(self.keys.len().saturating_sub(1));
            }
            Msg::Stats(s) => {
                self.stats_baseline = s
                    .groups
                    .iter()
                    .map(|g| {
                        let ttfb_n = if g.summary.ttfb_ms_p50.is_some() { g.summary.requests } else { 0 };
                        let row = ModelRow {
                            model: g.group.clone(),
                            requests: g.summary.requests,
                            errors: g.summary.errors,
                            tokens_in: g.summary.input_tokens,
                            tokens_out: g.summary.output_tokens,
                            cost_usd: g.summary.cost_usd,
                            // The baseline has a median, not a sum: it stands in for the average.
                            ttfb_ms_sum: g.summary.ttfb_ms_p50.unwrap_or(0.0) * ttfb_n as f64,
                            ttfb_n,
                            ..ModelRow::default()
                        };
                        (g.group.clone(), row)
                    })
                    .collect();
                // The baseline counts every record stored so far, so the live part starts over.
                self.live_models.clear();
                self.rebuild_models();
            }
            Msg::Record(r) => self.record(*r),
            Msg::Backfill(records) => self.backfill(records),
            Msg::Lagged(n) => self.lagged += n,
            Msg::Detail { id, result } => {
                if let Some(d) = self.detail.as_mut().filter(|d| d.id == id) {
                    d.loaded = Some(result);
                }
            }
            Msg::Done(result) => {
                self.flash = Some(match result {
                    Ok(t) => (t, false),
                    Err(e) => (e, true),
                });
                return vec![Action::RefreshKeys];
            }
        }
        Vec::new()
    }

    fn advance(&mut self, now: u64) {
        self.now_ms = self.now_ms.max(now);
        let cutoff = self.now_ms.saturating_sub(WINDOW_MS);
        while self.window.front().is_some_and(|s| s.ended_ms < cutoff) {
            self.window.pop_front();
        }
        // Empty buckets up to now, so an idle server's sparkline falls to zero; at start the whole
        // history, so backfilled records have their buckets and the newest bar is always last.
        let current = self.now_ms / BUCKET_MS * BUCKET_MS;
        let start = match self.buckets.back() {
            Some(b) => b.start_ms + BUCKET_MS,
            None => current.saturating_sub(BUCKET_MS * (BUCKETS as u64 - 1)),
        };
        let mut t = start.max(current.saturating_sub(BUCKET_MS * BUCKETS as u64));
        while t <= current {
            self.buckets.push_back(Bucket { start_ms: t, ..Bucket::default() });
            t += BUCKET_MS;
        }
        while self.buckets.len() > BUCKETS {
            self.buckets.pop_front();
        }
    }

    fn record(&mut self, r: Record) {
        // A record that finished while the backfill was being read can arrive live after it:
        // counted and shown once.
        if self.feed.iter().chain(&self.held).any(|known| known.id == r.id) {
            return;
        }
        self.advance(r.ended_ms());
        if r.kind.is_completion() {
            self.observe(&r);
            self.live_models.entry(r.model_name().to_string()).or_default().add(&r);
            self.rebuild_models();
        }
        if r.key_label.is_some() {
            self.refresh_keys_pending = true;
        }
        if self.paused {
            self.held.push(r);
        } else {
            self.push_feed(r);
        }
    }

    fn backfill(&mut self, records: Vec<Record>) {
        let known: std::collections::HashSet<u64> = self.feed.iter().chain(&self.held).map(|r| r.id).collect();
        let new: Vec<Record> = records.into_iter().filter(|r| !known.contains(&r.id)).collect();
        if new.is_empty() {
            return;
        }
        for r in new.iter().filter(|r| r.kind.is_completion()) {
            self.observe(r);
        }
        let selected = self.feed_rows().get(self.sel_feed).map(|r| r.id);
        let mut all: Vec<Record> = self.feed.drain(..).chain(new).collect();
        // Ids are time-ordered: newest first.
        all.sort_by_key(|r| std::cmp::Reverse(r.id));
        all.truncate(FEED_CAPACITY);
        self.feed = all.into();
        if self.sel_feed > 0 {
            self.sel_feed = self.feed_rows().iter().position(|r| Some(r.id) == selected).unwrap_or(0);
        }
    }

    /// Count a record in the last-minute window and the sparkline buckets.
    fn observe(&mut self, r: &Record) {
        let ended = r.ended_ms();
        let sample = Sample {
            ended_ms: ended,
            error: r.is_error(),
            latency_ms: r.latency_ms,
            ttfb_ms: r.ttfb_ms,
            tokens: r.tokens_in() + r.tokens_out(),
        };
        if ended >= self.now_ms.saturating_sub(WINDOW_MS) {
            // Records arrive roughly in end order; keep the window sorted anyway.
            let at = self.window.iter().rposition(|s| s.ended_ms <= ended).map_or(0, |i| i + 1);
            self.window.insert(at, sample);
        }
        let bucket_start = ended / BUCKET_MS * BUCKET_MS;
        if let Some(b) = self.buckets.iter_mut().rev().find(|b| b.start_ms == bucket_start) {
            b.requests += 1;
            b.errors += u64::from(r.is_error());
        }
    }

    fn push_feed(&mut self, r: Record) {
        // Keep the selected row under the cursor when it is not the newest.
        if self.sel_feed > 0 && (self.filter.is_empty() || r.matches(&self.filter)) {
            self.sel_feed += 1;
        }
        self.feed.push_front(r);
        self.feed.truncate(FEED_CAPACITY);
    }

    fn rebuild_models(&mut self) {
        let mut all = self.stats_baseline.clone();
        for (name, live) in &self.live_models {
            let row = all.entry(name.clone()).or_default();
            row.requests += live.requests;
            row.errors += live.errors;
            row.tokens_in += live.tokens_in;
            row.tokens_out += live.tokens_out;
            row.cost_usd += live.cost_usd;
            row.ttfb_ms_sum += live.ttfb_ms_sum;
            row.ttfb_n += live.ttfb_n;
            row.gen_ms_sum += live.gen_ms_sum;
            row.gen_tokens += live.gen_tokens;
        }
        for (name, row) in &mut all {
            row.model.clone_from(name);
        }
        self.models = all;
    }

    /// The header's numbers over the last minute (or since top started, when that is shorter).
    pub fn rates(&self) -> Rates {
        let n = self.window.len() as u64;
        let secs = (WINDOW_MS as f64 / 1000.0).max(1.0);
        let errors = self.window.iter().filter(|s| s.error).count() as f64;
        let mut lat: Vec<f64> = self.window.iter().map(|s| s.latency_ms).collect();
        let mut ttfb: Vec<f64> = self.window.iter().filter_map(|s| s.ttfb_ms).collect();
        lat.sort_by(f64::total_cmp);
        ttfb.sort_by(f64::total_cmp);
        Rates {
            requests: n,
            req_per_sec: n as f64 / secs,
            tokens_per_sec: self.window.iter().map(|s| s.tokens).sum::<u64>() as f64 / secs,
            error_rate: if n == 0 { 0.0 } else { errors / n as f64 },
            latency_p50: percentile(&lat, 0.5),
            latency_p99: percentile(&lat, 0.99),
            ttfb_p50: percentile(&ttfb, 0.5),
            ttfb_p99: percentile(&ttfb, 0.99),
        }
    }

    /// Uptime now, counted on from the last `status`.
    pub fn uptime_secs(&self) -> Option<u64> {
        self.status.as_ref().map(|s| s.uptime_secs + self.now_ms.saturating_sub(self.status_at_ms) / 1000)
    }

    /// The feed rows that pass the filter, newest first.
    pub fn feed_rows(&self) -> Vec<&Record> {
        self.feed.iter().filter(|r| self.filter.is_empty() || r.matches(&self.filter)).collect()
    }
    pub fn key_rows(&self) -> Vec<&KeyInfo> {
        self.keys.iter().filter(|k| self.filter.is_empty() || k.matches(&self.filter)).collect()
    }
    /// Models by requests, busiest first.
    pub fn model_rows(&self) -> Vec<&ModelRow> {
        let f = self.filter.to_lowercase();
        let mut rows: Vec<&ModelRow> = self.models.values().filter(|m| m.model.to_lowercase().contains(&f)).collect();
        rows.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.model.cmp(&b.model)));
        rows
    }

    fn rows_in(&self, pane: Pane) -> usize {
        match pane {
            Pane::Feed => self.feed_rows().len(),
            Pane::Keys => self.key_rows().len(),
            Pane::Models => self.model_rows().len(),
        }
    }

    fn sel_mut(&mut self, pane: Pane) -> &mut usize {
        match pane {
            Pane::Feed => &mut self.sel_feed,
            Pane::Keys => &mut self.sel_keys,
            Pane::Models => &mut self.sel_models,
        }
    }

    fn move_sel(&mut self, by: isize) {
        let n = self.rows_in(self.focus);
        let sel = self.sel_mut(self.focus);
        *sel = sel.saturating_add_signed(by).min(n.saturating_sub(1));
    }

    fn key(&mut self, k: KeyEvent) -> Vec<Action> {
        if k.kind == crossterm::event::KeyEventKind::Release {
            return Vec::new();
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && k.code == KeyCode::Char('c') {
            return vec![Action::Quit];
        }
        if let Some(c) = self.confirm.take() {
            if matches!(k.code, KeyCode::Char('y' | 'Y')) {
                let action = match c.op {
                    KeyOp::Enable => Action::KeySet { provider: c.provider, label: c.label, enabled: true },
                    KeyOp::Disable => Action::KeySet { provider: c.provider, label: c.label, enabled: false },
                    KeyOp::Reset => Action::KeyReset { provider: c.provider, label: c.label },
                };
                return vec![action];
            }
            // Anything else cancels.
            return Vec::new();
        }
        if self.editing_filter {
            match k.code {
                KeyCode::Enter => self.editing_filter = false,
                KeyCode::Esc => {
                    self.editing_filter = false;
                    self.filter.clear();
                }
                KeyCode::Backspace => {
                    self.filter.pop();
                }
                KeyCode::Char(c) if !ctrl => self.filter.push(c),
                _ => {}
            }
            self.sel_feed = 0;
            self.sel_keys = 0;
            self.sel_models = 0;
            return Vec::new();
        }
        if self.help {
            if matches!(k.code, KeyCode::Char('q' | '?') | KeyCode::Esc | KeyCode::Enter) {
                self.help = false;
            }
            return Vec::new();
        }
        if let Some(d) = self.detail.as_mut() {
            match k.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace | KeyCode::Enter => {
                    self.detail = None;
                    return Vec::new();
                }
                KeyCode::Down | KeyCode::Char('j') => d.scroll = d.scroll.saturating_add(1),
                KeyCode::Up | KeyCode::Char('k') => d.scroll = d.scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => d.scroll = d.scroll.saturating_add(10),
                KeyCode::PageUp => d.scroll = d.scroll.saturating_sub(10),
                KeyCode::Home | KeyCode::Char('g') => d.scroll = 0,
                KeyCode::Char('?') => self.help = true,
                _ => {}
            }
            // Stop at the last screenful, so scrolling back up starts at once.
            let (w, h) = crate::tui::draw::detail_geometry(self.size.0, self.size.1);
            let rows = crate::tui::draw::detail_lines(d, w, false).len();
            d.scroll = d.scroll.min(u16::try_from(rows.saturating_sub(h as usize)).unwrap_or(u16::MAX));
            return Vec::new();
        }
        match k.code {
            KeyCode::Char('q') | KeyCode::Esc => {
                if k.code == KeyCode::Esc && !self.filter.is_empty() {
                    self.filter.clear();
                } else {
                    return vec![Action::Quit];
                }
            }
            KeyCode::Tab => self.focus = self.focus.step(1),
            KeyCode::BackTab => self.focus = self.focus.step(-1),
            KeyCode::Down | KeyCode::Char('j') => self.move_sel(1),
            KeyCode::Up | KeyCode::Char('k') => self.move_sel(-1),
            KeyCode::PageDown => self.move_sel(10),
            KeyCode::PageUp => self.move_sel(-10),
            KeyCode::Home | KeyCode::Char('g') => *self.sel_mut(self.focus) = 0,
            KeyCode::End | KeyCode::Char('G') => self.move_sel(isize::MAX),
            KeyCode::Char('/') => {
                self.editing_filter = true;
            }
            KeyCode::Char('?') => self.help = true,
            KeyCode::Char('p') => {
                self.paused = !self.paused;
                if !self.paused {
                    for r in std::mem::take(&mut self.held) {
                        self.push_feed(r);
                    }
                }
            }
            KeyCode::Enter if self.focus == Pane::Feed => {
                if let Some(r) = self.feed_rows().get(self.sel_feed).map(|r| (*r).clone()) {
                    let id = r.id;
                    self.detail = Some(DetailView { id, record: r, loaded: None, scroll: 0 });
                    return vec![Action::FetchDetail(id)];
                }
            }
            KeyCode::Char(c @ ('d' | 'e' | 'r')) if self.focus == Pane::Keys => {
                if let Some(key) = self.key_rows().get(self.sel_keys) {
                    let op = match c {
                        'd' => KeyOp::Disable,
                        'e' => KeyOp::Enable,
                        _ => KeyOp::Reset,
                    };
                    self.confirm = Some(Confirm { op, provider: key.provider.clone(), label: key.label.clone() });
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> Msg {
        Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }
    fn rec(id: u64, start: u64, model: &str, status: u16, latency: f64) -> Record {
        Record {
            id,
            short_id: format!("r{id}"),
            started_at_ms: start,
            requested_model: model.into(),
            model: Some(model.into()),
            provider: Some("mock".into()),
            key_label: Some("k1".into()),
            status,
            latency_ms: latency,
            ttfb_ms: Some(latency / 4.0),
            tokens: Some(monorelay::record::Tokens { input: 10, output: 30, ..Default::default() }),
            cost_usd: Some(0.001),
            ..Record::default()
        }
    }
    const T0: u64 = 1_700_000_000_000;

    #[test]
    fn rates_cover_the_last_minute_only() {
        let mut app = App::new(T0, false);
        for i in 0..10 {
            app.apply(Msg::Record(Box::new(rec(i, T0 + i * 1000, "m", if i == 9 { 500 } else { 200 }, 100.0))));
        }
        let r = app.rates();
        assert_eq!(r.requests, 10);
        assert!((r.error_rate - 0.1).abs() < 1e-9);
        assert!((r.req_per_sec - 10.0 / 60.0).abs() < 1e-9);
        assert!((r.tokens_per_sec - 400.0 / 60.0).abs() < 1e-9);
        assert_eq!(r.latency_p50, Some(100.0));
        assert_eq!(r.ttfb_p99, Some(25.0));
        app.apply(Msg::Tick(T0 + 65_000));
        // Record i ended at T0 + i s + 100 ms: those before T0 + 5 s are out.
        assert_eq!(app.rates().requests, 5, "records that ended more than a minute ago drop out");
        app.apply(Msg::Tick(T0 + 200_000));
        assert_eq!(app.rates(), Rates::default());
    }

    #[test]
    fn buckets_count_requests_and_errors_and_fall_to_zero_when_idle() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Tick(T0));
        app.apply(Msg::Record(Box::new(rec(1, T0, "m", 200, 10.0))));
        app.apply(Msg::Record(Box::new(rec(2, T0 + 1, "m", 429, 10.0))));
        let last = app.buckets.back().copied().unwrap_or_default();
        assert_eq!((last.requests, last.errors), (2, 1));
        app.apply(Msg::Tick(T0 + 30_000));
        assert_eq!(app.buckets.back().map(|b| b.requests), Some(0));
        assert_eq!(app.buckets.iter().map(|b| b.requests).sum::<u64>(), 2);
        app.apply(Msg::Tick(T0 + 3_600_000));
        assert_eq!(app.buckets.len(), BUCKETS);
        assert_eq!(app.buckets.iter().map(|b| b.requests).sum::<u64>(), 0);
    }

    #[test]
    fn pause_holds_new_records_and_resume_shows_them() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Record(Box::new(rec(1, T0, "a", 200, 10.0))));
        app.apply(key(KeyCode::Char('p')));
        app.apply(Msg::Record(Box::new(rec(2, T0, "b", 200, 10.0))));
        assert_eq!(app.feed.len(), 1);
        assert_eq!(app.held.len(), 1);
        assert_eq!(app.rates().requests, 2, "stats keep counting while paused");
        app.apply(key(KeyCode::Char('p')));
        assert_eq!(app.feed.iter().map(|r| r.id).collect::<Vec<_>>(), [2, 1]);
        assert!(app.held.is_empty());
    }

    #[test]
    fn selection_stays_on_its_record_as_new_ones_arrive() {
        let mut app = App::new(T0, false);
        for i in 0..3 {
            app.apply(Msg::Record(Box::new(rec(i, T0, "m", 200, 10.0))));
        }
        app.apply(key(KeyCode::Down));
        assert_eq!(app.feed_rows()[app.sel_feed].id, 1);
        app.apply(Msg::Record(Box::new(rec(9, T0, "m", 200, 10.0))));
        assert_eq!(app.feed_rows()[app.sel_feed].id, 1);
        app.apply(key(KeyCode::Char('G')));
        assert_eq!(app.sel_feed, 3);
        app.apply(key(KeyCode::Char('j')));
        assert_eq!(app.sel_feed, 3, "clamped to the last row");
    }

    #[test]
    fn filter_narrows_every_pane_and_esc_clears_it() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Record(Box::new(rec(1, T0, "gpt-4o", 200, 10.0))));
        app.apply(Msg::Record(Box::new(rec(2, T0, "claude", 200, 10.0))));
        app.apply(key(KeyCode::Char('/')));
        for c in "clau".chars() {
            app.apply(key(KeyCode::Char(c)));
        }
        app.apply(key(KeyCode::Enter));
        assert!(!app.editing_filter);
        assert_eq!(app.feed_rows().len(), 1);
        assert_eq!(app.model_rows().len(), 1);
        assert_eq!(app.apply(key(KeyCode::Esc)), vec![], "Esc first clears the filter");
        assert_eq!(app.feed_rows().len(), 2);
        assert_eq!(app.apply(key(KeyCode::Esc)), vec![Action::Quit]);
    }

    #[test]
    fn tab_cycles_panes_both_ways() {
        let mut app = App::new(T0, false);
        app.apply(key(KeyCode::Tab));
        assert_eq!(app.focus, Pane::Keys);
        app.apply(key(KeyCode::Tab));
        app.apply(key(KeyCode::Tab));
        assert_eq!(app.focus, Pane::Feed);
        app.apply(key(KeyCode::BackTab));
        assert_eq!(app.focus, Pane::Models);
    }

    #[test]
    fn key_operations_need_a_confirmation() {
        let mut app = App::new(T0, false);
        let k = KeyInfo {
            provider: "p".into(),
            label: "k1".into(),
            status: Some(KeyStatus::Available),
            ..KeyInfo::default()
        };
        app.apply(Msg::Keys(vec![k]));
        app.apply(key(KeyCode::Char('d')));
        assert!(app.confirm.is_none(), "only in the keys pane");
        app.apply(key(KeyCode::Tab));
        app.apply(key(KeyCode::Char('d')));
        assert_eq!(app.confirm.as_ref().map(Confirm::question).as_deref(), Some("Disable key 'k1' of 'p'?"));
        assert_eq!(app.apply(key(KeyCode::Char('n'))), vec![]);
        assert!(app.confirm.is_none());
        app.apply(key(KeyCode::Char('r')));
        assert_eq!(
            app.apply(key(KeyCode::Char('y'))),
            vec![Action::KeyReset { provider: "p".into(), label: "k1".into() }]
        );
        app.apply(key(KeyCode::Char('e')));
        assert_eq!(
            app.apply(key(KeyCode::Char('y'))),
            vec![Action::KeySet { provider: "p".into(), label: "k1".into(), enabled: true }]
        );
        assert_eq!(app.apply(Msg::Done(Ok("enabled".into()))), vec![Action::RefreshKeys]);
        assert_eq!(app.flash, Some(("enabled".into(), false)));
    }

    #[test]
    fn cooldowns_count_down_between_refreshes() {
        let mut app = App::new(T0, false);
        let cooling = |reason| Some(KeyStatus::Cooling { until_ms: T0 + 42_000, reason });
        let k = KeyInfo { status: cooling(CoolingReason::Errors), ..KeyInfo::default() };
        app.apply(Msg::Keys(vec![k]));
        assert_eq!(app.keys[0].state_label(app.now_ms), "cooling 42s");
        app.apply(Msg::Tick(T0 + 40_500));
        assert_eq!(app.keys[0].state_label(app.now_ms), "cooling 2s");
        app.apply(Msg::Tick(T0 + 60_000));
        assert_eq!(app.keys[0].state_label(app.now_ms), "cooling");
        let class = |status| KeyInfo { status, ..KeyInfo::default() }.class();
        assert_eq!(class(Some(KeyStatus::Invalid { reason: "HTTP 401".into() })), KeyClass::Invalid);
        assert_eq!(
            class(Some(KeyStatus::QuotaExhausted { window: monorelay::keys::QuotaWindow::Total })),
            KeyClass::Limited
        );
        assert_eq!(class(cooling(CoolingReason::RateLimited)), KeyClass::Cooling);
        assert_eq!(class(Some(KeyStatus::Probing)), KeyClass::Probing);
        assert_eq!(class(None), KeyClass::Other);
    }

    #[test]
    fn enter_opens_a_detail_which_loads_scrolls_and_closes() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Record(Box::new(rec(7, T0, "m", 200, 10.0))));
        assert_eq!(app.apply(key(KeyCode::Enter)), vec![Action::FetchDetail(7)]);
        app.apply(Msg::Detail { id: 8, result: Err("other".into()) });
        assert_eq!(app.detail.as_ref().map(|d| d.loaded.is_none()), Some(true), "answers for another id are ignored");
        let long = Detail { turns: vec![("user".into(), "line\n".repeat(100))], ..Detail::default() };
        app.apply(Msg::Detail { id: 7, result: Ok(Box::new(long)) });
        app.apply(key(KeyCode::Char('j')));
        app.apply(key(KeyCode::PageDown));
        assert_eq!(app.detail.as_ref().map(|d| d.scroll), Some(11));
        for _ in 0..30 {
            app.apply(key(KeyCode::PageDown));
        }
        // 3 metadata rows, the rule, 'user' and 101 text rows; 21 visible at 80×24.
        assert_eq!(app.detail.as_ref().map(|d| d.scroll), Some(106 - 21));
        assert_eq!(app.apply(key(KeyCode::Char('q'))), vec![], "q closes the detail, not the app");
        assert!(app.detail.is_none());
        assert_eq!(app.apply(key(KeyCode::Char('q'))), vec![Action::Quit]);
    }

    #[test]
    fn models_add_live_records_to_the_stats_baseline_without_double_counting() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Record(Box::new(rec(1, T0, "m", 200, 1000.0))));
        app.apply(Msg::Stats(ModelStats {
            groups: vec![StatsGroup {
                group: "m".into(),
                summary: monorelay::stats::Summary {
                    requests: 5,
                    input_tokens: 50,
                    output_tokens: 150,
                    ttfb_ms_p50: Some(250.0),
                    ..Default::default()
                },
            }],
        }));
        assert_eq!(app.model_rows()[0].requests, 5, "the record that came before the baseline is in it");
        app.apply(Msg::Record(Box::new(rec(2, T0 + 10, "m", 200, 1000.0))));
        let m = app.model_rows()[0].clone();
        assert_eq!((m.requests, m.tokens_in, m.tokens_out), (6, 60, 180));
        assert_eq!(m.avg_ttfb_ms(), Some(250.0));
        // 30 tokens in 750 ms of generation.
        assert_eq!(m.tokens_per_sec(), Some(40.0));
    }

    #[test]
    fn a_record_with_a_key_asks_for_a_key_refresh_on_the_next_tick_once() {
        let mut app = App::new(T0, false);
        app.apply(Msg::Record(Box::new(rec(1, T0, "m", 200, 10.0))));
        app.apply(Msg::Record(Box::new(rec(2, T0, "m", 200, 10.0))));
        assert_eq!(app.apply(Msg::Tick(T0 + 1000)), vec![Action::RefreshKeys]);
        assert_eq!(app.apply(Msg::Tick(T0 + 2000)), vec![]);
    }

    #[test]
    fn backfill_fills_the_feed_in_order_once_and_skips_the_models() {
        let mut app = App::new(T0 + 10_000, false);
        app.apply(Msg::Tick(T0 + 10_000));
        app.apply(Msg::Record(Box::new(rec(5, T0 + 5_000, "m", 200, 10.0))));
        app.apply(Msg::Backfill(vec![rec(5, T0 + 5_000, "m", 200, 10.0), rec(3, T0 + 3_000, "m", 500, 10.0)]));
        assert_eq!(app.feed.iter().map(|r| r.id).collect::<Vec<_>>(), [5, 3]);
        assert_eq!(app.rates().requests, 2, "the duplicate is counted once");
        assert_eq!(app.buckets.iter().map(|b| b.errors).sum::<u64>(), 1);
        assert_eq!(app.model_rows()[0].requests, 1, "the stats baseline counts backfilled records");
        app.apply(Msg::Backfill(vec![rec(4, T0 + 4_000, "m", 200, 10.0)]));
        assert_eq!(app.feed.iter().map(|r| r.id).collect::<Vec<_>>(), [5, 4, 3]);
        // A record read by the backfill that arrives live afterwards (it finished in between).
        app.apply(Msg::Record(Box::new(rec(4, T0 + 4_000, "m", 200, 10.0))));
        assert_eq!(app.feed.iter().map(|r| r.id).collect::<Vec<_>>(), [5, 4, 3]);
        assert_eq!(app.rates().requests, 3, "counted once");
        assert_eq!(app.model_rows()[0].requests, 1, "not added to the live model rows");
    }

    #[test]
    fn help_and_connection_state() {
        let mut app = App::new(T0, false);
        app.apply(key(KeyCode::Char('?')));
        assert!(app.help);
        assert_eq!(app.apply(key(KeyCode::Char('q'))), vec![]);
        assert!(!app.help);
        app.apply(Msg::Disconnected { reason: "refused".into(), retry_at_ms: T0 + 2000 });
        assert!(matches!(app.link, Link::Down { .. }));
        app.apply(Msg::Connected);
        assert_eq!(app.link, Link::Up);
        assert_eq!(fmt_secs(3725), "1h02m");
    }
}
