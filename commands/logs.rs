//! `monorelay logs tail | show | export | clear`: the request log, through the control socket
//! when the server runs, else on the database directly.

use crate::Cli;
use crate::conn::{block_on, colour, fmt_time, parse_since};
use clap::{Args, Subcommand, ValueEnum};
use monorelay::admin::{Client, LogDetail, LogEvent, LogId, LogShow};
use monorelay::dialect::Dialect;
use monorelay::ir;
use monorelay::record::RecordKind;
use monorelay::store::{LogEntry, LogQuery, ResponseKind};
use serde_json::Value;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum LogsCommand {
    /// Print the latest requests, one line each (oldest first); -f keeps following.
    Tail(TailArgs),
    /// Show one request: metadata, then the conversation and the answer.
    Show(ShowArgs),
    /// Export records as JSON lines or CSV.
    Export(ExportArgs),
    /// Delete every record (the hourly stats stay).
    Clear(ClearArgs),
}

#[derive(Debug, Args)]
pub struct TailArgs {
    /// Keep printing requests as they finish (needs a running server).
    #[arg(short, long)]
    pub follow: bool,
    /// How many past requests to print first.
    #[arg(short = 'n', long, default_value_t = 20)]
    pub lines: usize,
    /// Only models containing this text (requested or resolved).
    #[arg(long)]
    pub model: Option<String>,
    /// Only this provider.
    #[arg(long)]
    pub provider: Option<String>,
    /// Only failed requests.
    #[arg(long)]
    pub errors: bool,
    /// Only requests sent with this user's relay keys.
    #[arg(long)]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The record id as `logs tail` prints it.
    pub id: String,
    /// Print the stored record and bodies as JSON.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Start: a duration back from now (24h, 7d) or a date (2025-01-31, RFC 3339).
    #[arg(long, default_value = "24h")]
    pub since: String,
    /// End (default: now).
    #[arg(long)]
    pub until: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Include request and response bodies (JSON lines only).
    #[arg(long)]
    pub bodies: bool,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ClearArgs {
    /// Do not ask.
    #[arg(long)]
    pub yes: bool,
}

pub fn run(cli: &Cli, cmd: &LogsCommand) -> anyhow::Result<ExitCode> {
    block_on(async {
        let conn = crate::conn::open(cli).await?;
        match cmd {
            LogsCommand::Tail(a) => tail(cli, conn, a).await,
            LogsCommand::Show(a) => show(cli, conn, a).await,
            LogsCommand::Export(a) => export(conn, a).await,
            LogsCommand::Clear(a) => clear(conn, a).await,
        }
    })
}

fn filters(a: &TailArgs) -> LogQuery {
    LogQuery {
        model: a.model.clone(),
        provider: a.provider.clone(),
        status: a.errors.then(|| "error".to_string()),
        user: a.user.clone(),
        ..LogQuery::default()
    }
}

async fn tail(cli: &Cli, mut conn: Client, a: &TailArgs) -> anyhow::Result<ExitCode> {
    if a.follow && !conn.server_running() {
        anyhow::bail!("no server is running for this data dir; 'logs tail -f' follows a running server");
    }
    let mut entries = if a.lines > 0 {
        conn.logs_query(&LogQuery { limit: Some(a.lines.max(1)), ..filters(a) }).await?.entries
    } else {
        Vec::new()
    };
    entries.reverse();
    let colour = colour();
    let mut out = std::io::stdout().lock();
    for e in &entries {
        print_line(&mut out, cli.json, colour, e)?;
    }
    out.flush()?;
    drop(out);
    if a.follow {
        let mut sub = conn.subscribe(&filters(a)).await?;
        loop {
            let ev = sub.next().await?;
            let mut out = std::io::stdout().lock();
            match ev {
                LogEvent::Record(e) => print_line(&mut out, cli.json, colour, &e)?,
                LogEvent::Lagged(n) => writeln!(out, "… {n} requests not shown (output too slow)")?,
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("")
}

/// What a record is: `completion` (absent in the JSON) or `count_tokens`.
fn kind(e: &LogEntry) -> &'static str {
    match e.kind {
        RecordKind::Completion => "completion",
        RecordKind::CountTokens => "count_tokens",
    }
}

/// One request on one line, coloured by status.
pub fn format_line(e: &LogEntry, colour: bool) -> String {
    let status = e.status;
    let provider = opt(e.provider.as_deref());
    let mut model = match (opt(e.model.as_deref()), e.requested_model.as_str()) {
        (m, r) if !m.is_empty() && m != r => format!("{r} → {provider}/{m}"),
        (_, r) if e.provider.is_some() => format!("{r} → {provider}"),
        (_, r) => r.to_string(),
    };
    if !e.kind.is_completion() {
        model = format!("[{}] {model}", kind(e));
    }
    let tokens = match &e.tokens {
        Some(t) => format!("{}{}/{}", if e.tokens_estimated { "~" } else { "" }, t.input, t.output),
        None => "-".into(),
    };
    let cost = e.cost_usd.map_or("-".to_string(), |c| format!("${c:.4}"));
    let ttfb = e.ttfb_ms.map_or("-".to_string(), |t| format!("{t:.0}ms"));
    let mut line = format!(
        "{} {:>13} {status:>3} {}{model} [{}] {:.0}ms ttfb {ttfb} tok {tokens} {cost}",
        fmt_time(e.started_at_ms),
        e.short_id,
        if e.stream { "~ " } else { "" },
        e.key_label.as_deref().unwrap_or("-"),
        e.latency_ms,
    );
    if let Some(user) = &e.user {
        line.push_str(&format!(" user {user}/{}", opt(e.relay_key.as_deref())));
    }
    if let Some(err) = &e.error {
        let short: String = err.chars().take(120).collect();
        line.push_str(&format!("  {}: {short}", opt(e.error_kind.as_deref())));
    }
    if !colour {
        return line;
    }
    let code = match status {
        499 => "2",
        500.. => "31",
        400.. => "33",
        200..=299 => "32",
        _ => "0",
    };
    format!("\x1b[{code}m{line}\x1b[0m")
}

fn print_line(out: &mut impl Write, json: bool, colour: bool, e: &LogEntry) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string(e).unwrap_or_default())
    } else {
        writeln!(out, "{}", format_line(e, colour))
    }
}

async fn show(cli: &Cli, mut conn: Client, a: &ShowArgs) -> anyhow::Result<ExitCode> {
    let v = conn.logs_show(&LogShow { id: LogId::Short(a.id.clone()), bodies: None }).await?;
    if a.raw || cli.json {
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", render(&v));
    Ok(ExitCode::SUCCESS)
}

fn dialect_name(d: Option<Dialect>) -> &'static str {
    d.map_or("-", Dialect::as_str)
}

/// Metadata, then the request as a conversation, then the answer.
pub fn render(v: &LogDetail) -> String {
    let e = &v.entry;
    let mut o = String::new();
    let mut kv = |k: &str, val: String| o.push_str(&format!("{k:<14} {val}\n"));
    kv("id", format!("{} ({})", e.short_id, e.id));
    kv("time", format!("{} UTC", fmt_time(e.started_at_ms)));
    kv("status", e.status.to_string());
    kv("kind", kind(e).to_string());
    kv("model", format!("{} → {}", e.requested_model, e.model.as_deref().unwrap_or("-")));
    kv("provider", format!("{} (key '{}')", opt(e.provider.as_deref()), opt(e.key_label.as_deref())));
    if let Some(user) = &e.user {
        kv("user", format!("{user} (relay key '{}')", opt(e.relay_key.as_deref())));
    }
    kv("dialects", format!("{} → {}", dialect_name(e.inbound), dialect_name(e.upstream)));
    kv("stream", e.stream.to_string());
    kv(
        "latency",
        format!("{:.0} ms (first byte {} ms)", e.latency_ms, e.ttfb_ms.map_or("-".into(), |t| format!("{t:.0}"))),
    );
    if let Some(t) = &e.tokens {
        kv(
            "tokens",
            format!(
                "in {} / out {} / cache read {} / cache write {}{}",
                t.input,
                t.output,
                t.cache_read,
                t.cache_write,
                if e.tokens_estimated { " (estimated)" } else { "" }
            ),
        );
    }
    kv("cost", e.cost_usd.map_or("unknown".into(), |c| format!("${c:.6}")));
    if let Some(c) = &e.client_addr {
        kv("client", c.clone());
    }
    if let Some(err) = &e.error {
        kv("error", format!("{}: {err}", opt(e.error_kind.as_deref())));
    }
    for (i, at) in e.attempts.iter().enumerate() {
        kv(
            &format!("attempt {}", i + 1),
            format!(
                "{}/{} key '{}' → {}{}",
                at.provider,
                at.model,
                at.key_label,
                at.status,
                at.error.as_deref().map(|e| format!(" ({e})")).unwrap_or_default()
            ),
        );
    }
    let Some(b) = &v.bodies else {
        o.push_str("\n(no bodies stored)\n");
        return o;
    };
    let dialect = e.inbound.unwrap_or(Dialect::OpenAi);
    o.push('\n');
    let req_bytes = serde_json::to_vec(&b.request).unwrap_or_default();
    match monorelay::translate::decode_request(dialect, &req_bytes) {
        Ok(req) => {
            for blk in &req.system {
                o.push_str(&format!("── system\n{}\n", block_text(blk)));
            }
            for m in &req.messages {
                let role = match m.role {
                    ir::Role::User => "user",
                    ir::Role::Assistant => "assistant",
                    ir::Role::System => "system",
                };
                o.push_str(&format!("── {role}\n"));
                for blk in &m.content {
                    o.push_str(&block_text(blk));
                    o.push('\n');
                }
            }
        }
        Err(_) => o.push_str(&format!("── request (as sent)\n{}\n", pretty(&b.request))),
    }
    let resp_bytes = serde_json::to_vec(&b.response).unwrap_or_default();
    let truncated = if b.truncated { " (truncated)" } else { "" };
    match (b.response.is_null(), monorelay::translate::decode_response(dialect, &resp_bytes)) {
        (true, _) => o.push_str("── response\n(none)\n"),
        (false, Ok(r)) => {
            let kind = if b.response_kind == ResponseKind::Assembled { "assistant (streamed)" } else { "assistant" };
            o.push_str(&format!("══ {kind}{truncated}\n"));
            for blk in &r.content {
                o.push_str(&block_text(blk));
                o.push('\n');
            }
            if let Some(sr) = &r.stop_reason {
                o.push_str(&format!(
                    "(stop: {})\n",
                    serde_json::to_value(sr).map(|v| v.to_string()).unwrap_or_default()
                ));
            }
        }
        (false, Err(_)) => o.push_str(&format!("══ response{truncated}\n{}\n", pretty(&b.response))),
    }
    o
}

fn pretty(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => serde_json::to_string_pretty(v).unwrap_or_default(),
    }
}

fn block_text(b: &ir::ContentBlock) -> String {
    match b {
        ir::ContentBlock::Text { text, .. } => text.clone(),
        ir::ContentBlock::Thinking { thinking, .. } => format!("(thinking) {thinking}"),
        ir::ContentBlock::RedactedThinking { .. } => "(redacted thinking)".into(),
        ir::ContentBlock::Image { .. } => "[image]".into(),
        ir::ContentBlock::ToolUse { id, name, input, .. } => format!("→ tool call {name}({input}) [{id}]"),
        ir::ContentBlock::ToolResult { tool_use_id, content, is_error, .. } => format!(
            "← tool result{} [{tool_use_id}]: {}",
            if *is_error { " (error)" } else { "" },
            content.iter().map(block_text).collect::<Vec<_>>().join(" ")
        ),
        ir::ContentBlock::Other { value, .. } => {
            format!("[{}]", value.get("type").and_then(Value::as_str).unwrap_or("block"))
        }
    }
}

const CSV_COLUMNS: &[&str] = &[
    "id",
    "time",
    "status",
    "requested_model",
    "model",
    "provider",
    "key_label",
    "user",
    "stream",
    "latency_ms",
    "ttfb_ms",
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "tokens_estimated",
    "cost_usd",
    "error_kind",
    "error",
    "kind",
];

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v.to_string() }
}

fn csv_row(e: &LogEntry) -> String {
    fn o<T: ToString>(v: Option<T>) -> String {
        v.map(|v| v.to_string()).unwrap_or_default()
    }
    let t = e.tokens.as_ref();
    let cols = [
        e.short_id.clone(),
        fmt_time(e.started_at_ms),
        e.status.to_string(),
        e.requested_model.clone(),
        o(e.model.as_ref()),
        o(e.provider.as_ref()),
        o(e.key_label.as_ref()),
        o(e.user.as_ref()),
        e.stream.to_string(),
        e.latency_ms.to_string(),
        o(e.ttfb_ms),
        o(t.map(|t| t.input)),
        o(t.map(|t| t.output)),
        o(t.map(|t| t.cache_read)),
        o(t.map(|t| t.cache_write)),
        e.tokens_estimated.to_string(),
        o(e.cost_usd),
        o(e.error_kind.as_ref()),
        o(e.error.as_ref()),
        kind(e).to_string(),
    ];
    cols.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",")
}

async fn export(mut conn: Client, a: &ExportArgs) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let since = parse_since(&a.since)?;
    let until = a.until.as_deref().map(parse_since).transpose()?;
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} records exported ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    if matches!(a.format, Format::Csv) {
        writeln!(out, "{}", CSV_COLUMNS.join(","))?;
    }
    let mut after: Option<u64> = None;
    let mut n = 0u64;
    loop {
        let q = LogQuery {
            since_ms: Some(since),
            until_ms: until,
            oldest_first: true,
            limit: Some(1000),
            after,
            ..LogQuery::default()
        };
        let page = conn.logs_query(&q).await?;
        for e in &page.entries {
            match a.format {
                Format::Jsonl if a.bodies => {
                    let full = conn.logs_show(&LogShow { id: LogId::Number(e.id), bodies: Some(true) }).await?;
                    writeln!(out, "{}", serde_json::to_string(&full)?)?;
                }
                Format::Jsonl => writeln!(out, "{}", serde_json::to_string(e)?)?,
                Format::Csv => writeln!(out, "{}", csv_row(e))?,
            }
            n += 1;
            bar.inc(1);
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    out.flush()?;
    bar.finish_and_clear();
    eprintln!("exported {n} records");
    Ok(ExitCode::SUCCESS)
}

async fn clear(mut conn: Client, a: &ClearArgs) -> anyhow::Result<ExitCode> {
    if !a.yes {
        let n = conn.status().await?.db.map_or(0, |d| d.records);
        eprint!("Delete all {n} records of the request log (hourly stats are kept)? [y/N] ");
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            eprintln!("nothing deleted");
            return Ok(ExitCode::FAILURE);
        }
    }
    let r = conn.logs_clear().await?;
    eprintln!("deleted {} records", r.deleted);
    Ok(ExitCode::SUCCESS)
}
