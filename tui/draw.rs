//! Drawing: `draw(frame, &App)` turns the state into widgets and only reads it. The layout adapts
//! to the terminal: at 80×24 every pane fits with its essential columns; wider and taller
//! terminals get more columns, a taller chart and more rows. Colours go through `Theme`, which
//! falls back to bold/reverse/dim when colours are off (`NO_COLOR`), so nothing depends on colour.

use crate::tui::app::{App, DetailView, KeyClass, KeyExt, Link, Pane, Record, RecordExt, fmt_secs};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Sparkline, Table};

/// Terminals at least this wide get the extra columns.
const WIDE_COLS: u16 = 120;
/// Terminals at least this tall get the tall chart.
const TALL_ROWS: u16 = 40;

#[derive(Debug, Clone, Copy)]
struct Theme {
    colour: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.colour { Style::default().fg(c) } else { Style::default() }
    }
    fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }
    fn bad(self) -> Style {
        if self.colour { Style::default().fg(Color::Red) } else { Style::default().add_modifier(Modifier::BOLD) }
    }
    fn dim(self) -> Style {
        if self.colour { Style::default().fg(Color::DarkGray) } else { Style::default().add_modifier(Modifier::DIM) }
    }
    fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    fn status(self, status: u16) -> Style {
        match status {
            499 => self.dim(),
            0..400 => self.ok(),
            400..500 => self.warn(),
            _ => self.bad(),
        }
    }
    fn key(self, class: KeyClass) -> Style {
        match class {
            KeyClass::Ok => self.ok(),
            KeyClass::Probing | KeyClass::Cooling => self.warn(),
            KeyClass::Invalid | KeyClass::Limited => self.bad(),
            KeyClass::Disabled | KeyClass::Other => self.dim(),
        }
    }
}

/// `0.4ms`, `85ms`, `1.23s`, `1m02s`.
pub fn fmt_ms(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.1}ms")
    } else if ms < 1000.0 {
        format!("{ms:.0}ms")
    } else if ms < 60_000.0 {
        format!("{:.2}s", ms / 1000.0)
    } else {
        fmt_secs((ms / 1000.0) as u64)
    }
}

fn fmt_opt_ms(ms: Option<f64>) -> String {
    ms.map_or_else(|| "-".to_string(), fmt_ms)
}

/// `950`, `12.3k`, `4.5M`.
pub fn fmt_count(n: u64) -> String {
    match n {
        0..10_000 => n.to_string(),
        10_000..10_000_000 => format!("{:.1}k", n as f64 / 1000.0),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

fn fmt_rate(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}")
    } else if r >= 10.0 {
        format!("{r:.1}")
    } else {
        format!("{r:.2}")
    }
}

fn fmt_cost(c: f64) -> String {
    if c == 0.0 {
        "-".into()
    } else if c < 1.0 {
        format!("${c:.4}")
    } else {
        format!("${c:.2}")
    }
}

/// `HH:MM:SS` (UTC) of unix milliseconds.
pub fn fmt_clock(ms: u64) -> String {
    let s = ms / 1000 % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

/// `YYYY-MM-DD HH:MM:SS UTC` of unix milliseconds.
fn fmt_datetime(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC")).unwrap_or_default()
}

fn fmt_ago(now_ms: u64, then_ms: Option<u64>) -> String {
    match then_ms {
        Some(t) => format!("{} ago", fmt_secs(now_ms.saturating_sub(t) / 1000)),
        None => "-".into(),
    }
}

fn pane_block(title: String, focused: bool, t: Theme) -> Block<'static> {
    let style = if focused { t.accent() } else { Style::default() };
    let title = if focused { format!("▶ {title} ") } else { format!(" {title} ") };
    Block::default().borders(Borders::ALL).border_style(style).title(Span::styled(title, style))
}

/// The detail view's text area for a terminal of `size`: (columns, rows) inside its border.
pub fn detail_geometry(width: u16, height: u16) -> (u16, u16) {
    (width.saturating_sub(2), height.saturating_sub(3))
}

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let t = Theme { colour: app.colour };
    let tall = area.height >= TALL_ROWS;
    let chart_h = if tall { 6 } else { 2 };
    // Tall terminals give the keys and models what they need, up to 2/5 of the rest; the feed
    // takes what remains.
    let mid_h = if tall {
        let need = app.keys.len().max(app.models.len()) as u16 + 3;
        need.clamp(7, (area.height - 9) * 2 / 5)
    } else {
        7
    };
    let [header, chart, mid, feed, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(chart_h),
        Constraint::Length(mid_h),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, app, header, t);
    draw_chart(f, app, chart, tall, t);
    let [keys, models] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(mid);
    draw_keys(f, app, keys, t);
    draw_models(f, app, models, t);
    draw_feed(f, app, feed, t);
    draw_footer(f, app, footer, t);
    if let Some(d) = &app.detail {
        let [body, _] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        draw_detail(f, app, d, body, t);
    }
    if let Some(c) = &app.confirm {
        let q = format!(" {} [y/N] ", c.question());
        let w = (q.chars().count() as u16 + 4).min(area.width);
        let r = centered(area, w, 3);
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(q).block(Block::default().borders(Borders::ALL).title(" confirm ").border_style(t.warn())),
            r,
        );
    }
    if app.help {
        draw_help(f, area, t);
    }
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

fn sep(t: Theme) -> Span<'static> {
    Span::styled(" │ ", t.dim())
}

fn draw_header(f: &mut Frame, app: &App, area: Rect, t: Theme) {
    let mut l1 = vec![Span::styled(" monorelay", t.accent())];
    match &app.status {
        Some(s) => {
            l1.push(Span::raw(format!(" {}", s.version)));
            l1.push(sep(t));
            l1.push(Span::raw(format!("up {}", fmt_secs(app.uptime_secs().unwrap_or(0)))));
            l1.push(sep(t));
            l1.push(Span::raw(s.listen.clone().unwrap_or_else(|| "-".into())));
            l1.push(sep(t));
            // Narrow terminals show the config file's name, wide ones its path.
            let full = s.config.clone().unwrap_or_default();
            let config = match std::path::Path::new(&full).file_name() {
                Some(name) if area.width < WIDE_COLS => name.to_string_lossy().into_owned(),
                _ => full,
            };
            l1.push(Span::raw(format!("config {config}")));
            l1.push(sep(t));
            let reload = s.reload.clone().unwrap_or_default();
            if reload.reloads == 0 {
                l1.push(Span::styled("not reloaded", t.dim()));
            } else if reload.ok {
                l1.push(Span::styled(format!("reload ok ({})", reload.reloads), t.ok()));
            } else {
                l1.push(Span::styled(format!("reload FAILED: {}", reload.message), t.bad()));
            }
            if let Some(e) = &s.sync_error {
                l1.push(sep(t));
                l1.push(Span::styled(format!("sync {} FAILED: {}", e.op, e.message), t.bad()));
            }
        }
        None => l1.push(Span::styled(" waiting for the server…", t.dim())),
    }
    let link = match &app.link {
        Link::Up => None,
        Link::Connecting => Some(Span::styled("connecting…", t.warn())),
        Link::Down { reason, retry_at_ms } => {
            let secs = retry_at_ms.saturating_sub(app.now_ms).div_ceil(1000);
            Some(Span::styled(format!("disconnected — retrying in {secs}s ({reason})"), t.bad()))
        }
    };
    let r = app.rates();
    let inflight = in_flight(app);
    let err_style = if r.error_rate > 0.05 {
        t.bad()
    } else if r.error_rate > 0.0 {
        t.warn()
    } else {
        t.ok()
    };
    let mut l2 = vec![
        Span::styled(format!(" {} req/s", fmt_rate(r.req_per_sec)), Style::default().add_modifier(Modifier::BOLD)),
        sep(t),
        Span::raw(format!("{} tok/s", fmt_rate(r.tokens_per_sec))),
        sep(t),
        Span::styled(format!("err {:.1}%", r.error_rate * 100.0), err_style),
        sep(t),
        Span::raw(format!("p50/p99 {}/{}", fmt_opt_ms(r.latency_p50), fmt_opt_ms(r.latency_p99))),
        sep(t),
        Span::raw(format!("ttfb {}/{}", fmt_opt_ms(r.ttfb_p50), fmt_opt_ms(r.ttfb_p99))),
    ];
    // Narrow terminals show the in-flight counts in the feed's title instead.
    if area.width >= WIDE_COLS {
        l2.extend([sep(t), Span::raw(inflight), Span::styled("  (last minute)", t.dim())]);
    }
    // When disconnected that is the first thing to see: it replaces the facts line.
    if let Some(link) = link {
        l1 = vec![Span::styled(" monorelay ", t.accent()), link];
    }
    if app.lagged > 0 {
        l2.push(Span::styled(format!("  missed {} events", app.lagged), t.warn()));
    }
    f.render_widget(Paragraph::new(vec![Line::from(l1), Line::from(l2)]), area);
}

/// `in-flight 3 (1 streaming)`, or `in-flight -` before the server's first `status`.
fn in_flight(app: &App) -> String {
    match app.status.as_ref() {
        Some(s) => format!("in-flight {} ({} streaming)", s.in_flight, s.streams),
        None => "in-flight -".into(),
    }
}

fn draw_chart(f: &mut Frame, app: &App, area: Rect, tall: bool, t: Theme) {
    const LABEL_COLS: u16 = 14;
    let per_sec = |n: u64| n as f64 / (crate::tui::app::BUCKET_MS as f64 / 1000.0);
    let req_max = app.buckets.iter().map(|b| b.requests).max().unwrap_or(0);
    let err_max = app.buckets.iter().map(|b| b.errors).max().unwrap_or(0);
    let inner = if tall {
        let title = " requests/s and errors, last 10 min (5 s bars) ";
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        f.render_widget(block, area);
        inner
    } else {
        area
    };
    let [req_row, err_row] = if tall {
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner)
    } else {
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner)
    };
    for (row, label, max, style, pick) in [
        (req_row, format!(" req/s ≤{}", fmt_rate(per_sec(req_max))), req_max, t.ok(), 0),
        (err_row, format!(" errors ≤{}", err_max), err_max, t.bad(), 1),
    ] {
        let [l, s] = Layout::horizontal([Constraint::Length(LABEL_COLS), Constraint::Min(1)]).areas(row);
        f.render_widget(Paragraph::new(label).style(t.dim()), l);
        let n = s.width as usize;
        let skip = app.buckets.len().saturating_sub(n);
        let data: Vec<u64> =
            app.buckets.iter().skip(skip).map(|b| if pick == 0 { b.requests } else { b.errors }).collect();
        // Right-aligned: the newest bar is always at the right edge.
        let bars = Rect { x: s.x + s.width.saturating_sub(data.len() as u16), width: data.len() as u16, ..s };
        f.render_widget(Sparkline::default().data(&data).max(max.max(1)).style(style), bars);
    }
}

fn table_rows<'a>(rows: Vec<Row<'a>>, selected: Option<usize>, height: u16, t: Theme) -> Vec<Row<'a>> {
    // Scroll so the selection stays visible; the header takes one row.
    let visible = height.saturating_sub(3).max(1) as usize;
    let offset = selected.map_or(0, |s| s.saturating_sub(visible - 1));
    rows.into_iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, r)| if Some(i) == selected { r.style(t.selected()) } else { r })
        .collect()
}

fn draw_keys(f: &mut Frame, app: &App, area: Rect, t: Theme) {
    let keys = app.key_rows();
    let focused = app.focus == Pane::Keys;
    let wide = area.width >= 70;
    let mut widths = vec![Constraint::Fill(2), Constraint::Length(13), Constraint::Length(5), Constraint::Length(4)];
    let mut header = vec!["key", "state", "req", "err"];
    if wide {
        widths.extend([Constraint::Length(9), Constraint::Fill(3)]);
        header.extend(["used", "last error"]);
    }
    let rows: Vec<Row> = keys
        .iter()
        .map(|k| {
            let state = Span::styled(k.state_label(app.now_ms), t.key(k.class()));
            let mut cells = vec![
                Line::from(format!("{}/{}", k.provider, k.label)),
                Line::from(state),
                Line::from(fmt_count(k.requests)),
                Line::from(Span::styled(fmt_count(k.failures), if k.failures > 0 { t.warn() } else { t.dim() })),
            ];
            if wide {
                cells.push(Line::from(fmt_ago(app.now_ms, k.last_used_ms)));
                cells.push(Line::from(Span::styled(k.last_error.clone().unwrap_or_default(), t.dim())));
            }
            Row::new(cells)
        })
        .collect();
    let title = format!("keys {}", keys.len());
    let rows = table_rows(rows, focused.then_some(app.sel_keys), area.height, t);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.dim().add_modifier(Modifier::UNDERLINED)))
        .block(pane_block(title, focused, t));
    f.render_widget(table, area);
}

fn draw_models(f: &mut Frame, app: &App, area: Rect, t: Theme) {
    let models = app.model_rows();
    let focused = app.focus == Pane::Models;
    let wide = area.width >= 60;
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(6), Constraint::Length(6), Constraint::Length(6)];
    let mut header = vec!["model", "req", "in", "out"];
    if wide {
        widths.extend([Constraint::Length(8), Constraint::Length(7), Constraint::Length(6)]);
        header.extend(["cost", "ttfb", "tok/s"]);
    }
    let rows: Vec<Row> = models
        .iter()
        .map(|m| {
            let mut cells =
                vec![m.model.clone(), fmt_count(m.requests), fmt_count(m.tokens_in), fmt_count(m.tokens_out)];
            if wide {
                cells.push(fmt_cost(m.cost_usd));
                cells.push(fmt_opt_ms(m.avg_ttfb_ms()));
                cells.push(m.tokens_per_sec().map_or_else(|| "-".into(), |r| format!("{r:.0}")));
            }
            Row::new(cells)
        })
        .collect();
    let title = format!("models {}", models.len());
    let rows = table_rows(rows, focused.then_some(app.sel_models), area.height, t);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.dim().add_modifier(Modifier::UNDERLINED)))
        .block(pane_block(title, focused, t));
    f.render_widget(table, area);
}

fn route(r: &Record) -> String {
    let model = r.model_name();
    match &r.provider {
        Some(p) => format!("{model} → {p}"),
        None => model.to_string(),
    }
}

fn draw_feed(f: &mut Frame, app: &App, area: Rect, t: Theme) {
    let rows_src = app.feed_rows();
    let focused = app.focus == Pane::Feed;
    let wide = area.width >= WIDE_COLS;
    let mut widths = vec![Constraint::Length(8)];
    let mut header = vec!["time"];
    if wide {
        widths.push(Constraint::Length(10));
        header.push("user");
    }
    widths.push(Constraint::Fill(1));
    header.push("model → provider");
    if wide {
        widths.push(Constraint::Length(12));
        header.push("key");
    }
    widths.extend([Constraint::Length(3), Constraint::Length(7)]);
    header.extend(["st", "latency"]);
    if wide {
        widths.push(Constraint::Length(7));
        header.push("ttfb");
    }
    widths.push(Constraint::Length(13));
    header.push("tokens in/out");
    if wide {
        widths.extend([Constraint::Length(8), Constraint::Fill(1)]);
        header.extend(["cost", "error"]);
    }
    let rows: Vec<Row> = rows_src
        .iter()
        .map(|r| {
            let mut cells = vec![Line::from(fmt_clock(r.started_at_ms))];
            if wide {
                cells.push(Line::from(r.user.clone().unwrap_or_else(|| "-".into())));
            }
            cells.push(Line::from(route(r)));
            if wide {
                cells.push(Line::from(r.key_label.clone().unwrap_or_else(|| "-".into())));
            }
            cells.push(Line::from(Span::styled(r.status.to_string(), t.status(r.status))));
            cells.push(Line::from(fmt_ms(r.latency_ms)));
            if wide {
                cells.push(Line::from(fmt_opt_ms(r.ttfb_ms)));
            }
            let est = if r.tokens_estimated { "~" } else { "" };
            cells.push(Line::from(match &r.tokens {
                Some(tk) => format!("{est}{}/{}", fmt_count(tk.input), fmt_count(tk.output)),
                None => "-".into(),
            }));
            if wide {
                cells.push(Line::from(r.cost_usd.map_or_else(|| "-".into(), fmt_cost)));
                cells.push(Line::from(Span::styled(r.error.clone().unwrap_or_default(), t.bad())));
            }
            Row::new(cells)
        })
        .collect();
    let mut title = format!("requests {}", rows_src.len());
    if !app.filter.is_empty() {
        title.push_str(&format!(" matching '{}'", app.filter));
    }
    if app.paused {
        title.push_str(&format!(" — PAUSED (+{})", app.held.len()));
    }
    if area.width < WIDE_COLS && app.status.is_some() {
        title.push_str(&format!(" · {}", in_flight(app)));
    }
    let mut rows = table_rows(rows, focused.then_some(app.sel_feed), area.height, t);
    if rows_src.is_empty() {
        let why = if app.feed.is_empty() { "no requests yet" } else { "none match the filter" };
        rows.push(Row::new(vec!["", why]).style(t.dim()));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.dim().add_modifier(Modifier::UNDERLINED)))
        .block(pane_block(title, focused, t));
    f.render_widget(table, area);
}

fn draw_footer(f: &mut Frame, app: &App, area: Rect, t: Theme) {
    let line = if app.editing_filter {
        Line::from(vec![
            Span::styled(" filter: ", t.accent()),
            Span::raw(format!("{}█", app.filter)),
            Span::styled("  Enter keep · Esc clear", t.dim()),
        ])
    } else if let Some((text, bad)) = &app.flash {
        Line::from(Span::styled(format!(" {text}"), if *bad { t.bad() } else { t.ok() }))
    } else if app.detail.is_some() {
        Line::from(Span::styled(" ↑↓/j/k scroll · PgUp/PgDn · Esc/q back · ? help", t.dim()))
    } else {
        let hints = if app.focus == Pane::Keys {
            " Tab pane · ↑↓ select · d/e disable/enable · r reset · / filter · ? help · q quit"
        } else {
            " Tab pane · ↑↓ select · Enter detail · / filter · p pause · ? help · q quit"
        };
        Line::from(Span::styled(hints, t.dim()))
    };
    f.render_widget(Paragraph::new(line), area);
}

/// The help overlay's lines.
const HELP: &[(&str, &str)] = &[
    ("Tab / Shift-Tab", "next / previous pane"),
    ("↑ ↓  j k", "select; PgUp/PgDn, g/G: jump"),
    ("Enter", "open the selected request"),
    ("/", "filter every pane (Enter keeps, Esc clears)"),
    ("p", "pause / resume the request feed"),
    ("d / e", "disable / enable the selected key"),
    ("r", "reset the selected key's cooldown"),
    ("?", "this help"),
    ("q / Esc", "back, or quit"),
];

fn draw_help(f: &mut Frame, area: Rect, t: Theme) {
    let mut lines: Vec<Line> = HELP
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!(" {k:<16}"), t.accent()), Span::raw(*what)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(" Rates and percentiles: last minute. Times: UTC.", t.dim())));
    let r = centered(area, 64, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" help ")), r);
}

/// Split `text` into rows of at most `width` columns, breaking at spaces where possible.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // Display width of one character, as ratatui measures it (wide CJK characters take two).
    let cw = |c: char| Span::raw(c.encode_utf8(&mut [0u8; 4]).to_string()).width();
    let width = width.max(8);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut cols = 0;
        for word in para.split_inclusive(' ') {
            let w: usize = word.chars().map(cw).sum();
            if cols + w > width && cols > 0 {
                out.push(std::mem::take(&mut line).trim_end().to_string());
                cols = 0;
            }
            for c in word.chars() {
                let w = cw(c);
                if cols + w > width {
                    out.push(std::mem::take(&mut line));
                    cols = 0;
                }
                line.push(c);
                cols += w;
            }
        }
        out.push(line.trim_end().to_string());
    }
    out
}

/// The detail view's rows at `width` columns: metadata, attempts, error, then the conversation.
pub fn detail_lines(d: &DetailView, width: u16, colour: bool) -> Vec<Line<'static>> {
    let t = Theme { colour };
    let w = width as usize;
    let r = d.loaded.as_ref().and_then(|l| l.as_ref().ok()).map_or(&d.record, |x| &x.record);
    let mut out: Vec<Line<'static>> = Vec::new();
    let push = |text: String, style: Style, out: &mut Vec<Line<'static>>| {
        for row in wrap(&text, w) {
            out.push(Line::from(Span::styled(row, style)));
        }
    };
    let asked = if r.model.as_deref().is_some_and(|m| m != r.requested_model) {
        format!(" (asked '{}')", r.requested_model)
    } else {
        String::new()
    };
    out.push(Line::from(vec![
        Span::styled(format!("{} ", r.short_id), t.accent()),
        Span::raw(fmt_datetime(r.started_at_ms)),
        Span::raw("  status "),
        Span::styled(r.status.to_string(), t.status(r.status)),
        Span::raw(if r.stream { "  stream" } else { "" }),
    ]));
    push(
        format!(
            "model {}{asked} → {} · key {} · user {} · client {}",
            r.model_name(),
            r.provider.as_deref().unwrap_or("-"),
            r.key_label.as_deref().unwrap_or("-"),
            r.user.as_deref().unwrap_or("-"),
            r.client_addr.as_deref().unwrap_or("-")
        ),
        Style::default(),
        &mut out,
    );
    let est = if r.tokens_estimated { " (estimated)" } else { "" };
    push(
        format!(
            "latency {} · ttfb {} · tokens {} in / {} out{est} · cost {}",
            fmt_ms(r.latency_ms),
            fmt_opt_ms(r.ttfb_ms),
            r.tokens_in(),
            r.tokens_out(),
            r.cost_usd.map_or_else(|| "-".into(), fmt_cost)
        ),
        Style::default(),
        &mut out,
    );
    if r.attempts.len() > 1 || r.attempts.iter().any(|a| a.error.is_some()) {
        let chain: Vec<String> = r
            .attempts
            .iter()
            .map(|a| {
                let err = a.error.as_deref().map(|e| format!(" {e}")).unwrap_or_default();
                format!("{}/{} {}{err}", a.provider, a.key_label, a.status)
            })
            .collect();
        push(format!("attempts: {}", chain.join(" → ")), t.warn(), &mut out);
    }
    if let Some(e) = &r.error {
        let kind = r.error_kind.as_deref().map(|k| format!("[{k}] ")).unwrap_or_default();
        push(format!("error: {kind}{e}"), t.bad(), &mut out);
    }
    out.push(Line::from(Span::styled("─".repeat(w), t.dim())));
    match &d.loaded {
        None => out.push(Line::from(Span::styled("loading…", t.dim()))),
        Some(Err(e)) => push(format!("cannot load the bodies: {e}"), t.bad(), &mut out),
        Some(Ok(detail)) => {
            for n in &detail.notes {
                push(format!("({n})"), t.dim(), &mut out);
            }
            for (who, text) in &detail.turns {
                let style = match who.as_str() {
                    "user" => t.ok(),
                    "assistant" => t.accent(),
                    "error" => t.bad(),
                    _ => t.warn(),
                };
                out.push(Line::from(Span::styled(who.clone(), style.add_modifier(Modifier::BOLD))));
                for row in wrap(text, w.saturating_sub(2)) {
                    out.push(Line::from(format!("  {row}")));
                }
            }
        }
    }
    out
}

fn draw_detail(f: &mut Frame, app: &App, d: &DetailView, area: Rect, t: Theme) {
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent())
        .title(Span::styled(format!(" request {} ", d.record.short_id), t.accent()));
    let inner = block.inner(area);
    let lines = detail_lines(d, inner.width, app.colour);
    let max = lines.len().saturating_sub(inner.height as usize) as u16;
    let scroll = d.scroll.min(max);
    if max > 0 {
        let pos = format!(" {}/{} ", scroll + 1, max + 1);
        f.render_widget(block.title_bottom(Line::from(pos).right_aligned()), area);
    } else {
        f.render_widget(block, area);
    }
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
