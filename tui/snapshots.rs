//! Screen snapshots: the dashboard drawn on ratatui's `TestBackend` at 80×24 and 160×48 from a
//! fixed set of messages, compared with the text files in `tests/snapshots/` (symbols only; styles
//! are not compared). `BLESS=1 cargo test --bin monorelay snapshots` rewrites the files.

use crate::tui::app::{App, Detail, KeyInfo, ModelStats, Msg, Record, StatsGroup, Status};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use monorelay::admin::ReloadInfo;
use monorelay::keys::{CoolingReason, KeyStatus, QuotaWindow};
use monorelay::record::{Attempt, Tokens};
use monorelay::stats::Summary;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

const T0: u64 = 1_764_338_400_000; // 2025-11-28 14:00:00 UTC

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn record(i: u64, model: &str, provider: &str, key: &str, status: u16, latency: f64) -> Record {
    Record {
        id: 1000 + i,
        short_id: format!("r{:04}", 1000 + i),
        started_at_ms: T0 + i * 2_000,
        user: (i % 3 == 0).then(|| "alice".to_string()),
        requested_model: model.into(),
        model: Some(model.into()),
        provider: Some(provider.into()),
        key_label: Some(key.into()),
        client_addr: Some("127.0.0.1:50312".into()),
        stream: i % 2 == 0,
        status,
        error_kind: (status >= 400).then(|| "upstream".to_string()),
        error: (status >= 400).then(|| format!("upstream answered {status}")),
        latency_ms: latency,
        ttfb_ms: Some(latency / 5.0),
        tokens: (status < 400).then_some(Tokens { input: 120 + i * 7, output: 40 + i * 3, ..Tokens::default() }),
        cost_usd: (status < 400).then_some(0.0004 * i as f64),
        attempts: vec![Attempt {
            provider: provider.into(),
            model: model.into(),
            key_label: key.into(),
            status,
            error: None,
            ..Attempt::default()
        }],
        has_bodies: true,
        ..Record::default()
    }
}

fn keys() -> Vec<KeyInfo> {
    let k = |provider: &str, label: &str, status: KeyStatus, req: u64, fail: u64, err: Option<&str>| KeyInfo {
        provider: provider.into(),
        label: label.into(),
        enabled: status != KeyStatus::Disabled,
        weight: 1.0,
        status: Some(status),
        requests: req,
        failures: fail,
        last_error: err.map(str::to_string),
        last_used_ms: (req > 0).then_some(T0 + 10_000),
        ..KeyInfo::default()
    };
    vec![
        k("openai", "primary", KeyStatus::Available, 812, 3, None),
        k(
            "openai",
            "backup",
            KeyStatus::Cooling { until_ms: T0 + 300_000, reason: CoolingReason::RateLimited },
            97,
            12,
            Some("HTTP 429 rate limited"),
        ),
        k(
            "anthropic",
            "team",
            KeyStatus::Cooling { until_ms: T0 + 8_000, reason: CoolingReason::Errors },
            230,
            5,
            Some("HTTP 529 overloaded"),
        ),
        k(
            "groq",
            "free",
            KeyStatus::Invalid { reason: "HTTP 401 invalid api key".into() },
            14,
            14,
            Some("HTTP 401 invalid api key"),
        ),
        k("groq", "old", KeyStatus::Disabled, 0, 0, None),
        k("deepseek", "main", KeyStatus::QuotaExhausted { window: QuotaWindow::Total }, 1000, 2, None),
    ]
}

/// A server seen for a while: status, keys, a stats baseline and 24 records, at T0 + 60 s.
fn sample(width: u16, height: u16) -> App {
    let mut app = App::new(T0, false);
    app.apply(Msg::Resize(width, height));
    app.apply(Msg::Connected);
    app.apply(Msg::Tick(T0));
    app.apply(Msg::Status(Box::new(Status {
        version: "0.1.0".into(),
        pid: Some(4242),
        uptime_secs: 3725,
        listen: Some("127.0.0.1:8080".into()),
        config: Some("/etc/monorelay/config.yml".into()),
        reload: Some(ReloadInfo { ok: true, message: String::new(), reloads: 2, at_ms: None }),
        providers: 4,
        in_flight: 3,
        streams: 1,
        running: true,
        ..Status::default()
    })));
    app.apply(Msg::Keys(keys()));
    app.apply(Msg::Stats(ModelStats {
        groups: vec![
            StatsGroup {
                group: "gpt-4o".into(),
                summary: Summary {
                    requests: 700,
                    errors: 4,
                    input_tokens: 512_000,
                    output_tokens: 98_000,
                    cost_usd: 3.21,
                    ttfb_ms_p50: Some(310.0),
                    ..Summary::default()
                },
            },
            StatsGroup {
                group: "claude-sonnet-4".into(),
                summary: Summary {
                    requests: 220,
                    errors: 1,
                    input_tokens: 301_000,
                    output_tokens: 45_500,
                    cost_usd: 1.87,
                    ttfb_ms_p50: Some(540.0),
                    ..Summary::default()
                },
            },
        ],
    }));
    let routes = [
        ("gpt-4o", "openai", "primary"),
        ("claude-sonnet-4", "anthropic", "team"),
        ("llama-3.3-70b", "groq", "free"),
        ("deepseek-chat", "deepseek", "main"),
    ];
    for i in 0..24 {
        let (m, p, k) = routes[i as usize % routes.len()];
        let status = match i {
            5 => 429,
            11 => 502,
            17 => 499,
            _ => 200,
        };
        app.apply(Msg::Record(Box::new(record(i, m, p, k, status, 300.0 + (i * 37 % 900) as f64))));
    }
    app.apply(Msg::Tick(T0 + 60_000));
    app
}

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = terminal.draw(|f| crate::tui::draw::draw(f, app)) {
        panic!("draw: {e}");
    }
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Compare with `tests/snapshots/top_<name>.txt`, or write it with `BLESS=1`.
fn check(name: &str, app: &App) {
    let (w, h) = app.size;
    let got = render(app, w, h);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("top_{name}.txt"));
    if std::env::var_os("BLESS").is_some() {
        let _ = std::fs::create_dir_all(path.parent().unwrap_or(&path));
        if let Err(e) = std::fs::write(&path, &got) {
            panic!("cannot write {}: {e}", path.display());
        }
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "screen '{name}' differs from {} (BLESS=1 to accept):\n--- got ---\n{got}--- want ---\n{want}",
        path.display()
    );
}

fn detail() -> Detail {
    let mut r = record(5, "gpt-4o", "openai", "primary", 429, 812.0);
    r.attempts.insert(
        0,
        Attempt {
            provider: "openai".into(),
            model: "gpt-4o".into(),
            key_label: "backup".into(),
            status: 429,
            error: Some("rate limited".into()),
            ..Attempt::default()
        },
    );
    Detail {
        record: r,
        turns: vec![
            ("system".into(), "You are a terse assistant.".into()),
            ("user".into(), "Summarise the incident report in two sentences, please. ".repeat(3)),
            ("error".into(), "Rate limit reached for gpt-4o in organization org-***** on tokens per min.".into()),
        ],
        notes: vec!["secrets were redacted (*****)".into()],
    }
}

#[test]
fn dashboard() {
    for (w, h) in [(80, 24), (160, 48)] {
        check(&format!("main_{w}x{h}"), &sample(w, h));
    }
}

#[test]
fn keys_pane_with_confirmation() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = sample(w, h);
        app.apply(key(KeyCode::Tab));
        app.apply(key(KeyCode::Down));
        app.apply(key(KeyCode::Char('d')));
        check(&format!("confirm_{w}x{h}"), &app);
    }
}

#[test]
fn detail_view() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = sample(w, h);
        // Record 5 (the 429) is the 19th newest.
        for _ in 0..18 {
            app.apply(key(KeyCode::Down));
        }
        app.apply(key(KeyCode::Enter));
        let id = app.detail.as_ref().map_or(0, |d| d.id);
        assert_eq!(id, 1005);
        app.apply(Msg::Detail { id, result: Ok(Box::new(detail())) });
        check(&format!("detail_{w}x{h}"), &app);
    }
}

#[test]
fn help_filter_pause_and_disconnected() {
    let mut app = sample(80, 24);
    app.apply(key(KeyCode::Char('?')));
    check("help_80x24", &app);
    let mut app = sample(80, 24);
    app.apply(key(KeyCode::Char('p')));
    app.apply(Msg::Record(Box::new(record(30, "gpt-4o", "openai", "primary", 200, 100.0))));
    app.apply(key(KeyCode::Char('/')));
    for c in "groq".chars() {
        app.apply(key(KeyCode::Char(c)));
    }
    check("filter_paused_80x24", &app);
    let mut app = sample(160, 48);
    app.apply(Msg::Disconnected { reason: "the server closed the connection".into(), retry_at_ms: T0 + 62_000 });
    check("disconnected_160x48", &app);
}

#[test]
fn empty_before_the_first_answer() {
    let mut app = App::new(T0, false);
    app.apply(Msg::Tick(T0));
    check("empty_80x24", &app);
}
