//! `monorelay logs tail | show | export | clear`: the request log, through the control socket
//! when the server runs, else on the database directly.

use crate::Cli;
use crate::conn::{Conn, block_on, colour, fmt_time, parse_since};
use clap::{Args, Subcommand, ValueEnum};
use monorelay::dialect::Dialect;
use monorelay::ir;
use serde_json::{Value, json};
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
        let mut conn = Conn::open(cli).await?;
        match cmd {
            LogsCommand::Tail(a) => tail(cli, &mut conn, a).await,
            LogsCommand::Show(a) => show(cli, &mut conn, a).await,
            LogsCommand::Export(a) => export(&mut conn, a).await,
            LogsCommand::Clear(a) => clear(&mut conn, a).await,
        }
    })
}

fn filters(a: &TailArgs) -> Value {
    json!({"model": a.model, "provider": a.provider, "status": a.errors.then_some("error")})
}

async fn tail(cli: &Cli, conn: &mut Conn, a: &TailArgs) -> anyhow::Result<ExitCode> {
    if a.follow && !conn.running() {
        anyhow::bail!("no server is running for this data dir; 'logs tail -f' follows a running server");
    }
    let mut q = filters(a);
    q["limit"] = json!(a.lines.max(1));
    let page = if a.lines > 0 { conn.call("logs.query", q).await? } else { json!({"entries": []}) };
    let mut entries: Vec<Value> = page["entries"].as_array().cloned().unwrap_or_default();
    entries.reverse();
    let colour = colour();
    let mut out = std::io::stdout().lock();
    for e in &entries {
        print_line(&mut out, cli.json, colour, e)?;
    }
    out.flush()?;
    drop(out);
    if a.follow {
        conn.call("logs.subscribe", filters(a)).await?;
        loop {
            let ev = conn.next_event().await?;
            let mut out = std::io::stdout().lock();
            match ev["event"].as_str() {
                Some("record") => print_line(&mut out, cli.json, colour, &ev["data"])?,
                Some("lagged") => writeln!(out, "… {} requests not shown (output too slow)", ev["missed"])?,
                _ => {}
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// What a record is: `completion` (absent in the JSON) or `count_tokens`.
fn kind(e: &Value) -> &str {
    e["kind"].as_str().unwrap_or("completion")
}

/// One request on one line, coloured by status.
pub fn format_line(e: &Value, colour: bool) -> String {
    let status = e["status"].as_u64().unwrap_or(0);
    let mut model = match (s(&e["model"]), s(&e["requested_model"])) {
        (m, r) if !m.is_empty() && m != r => format!("{r} → {}/{m}", s(&e["provider"])),
        (_, r) if !e["provider"].is_null() => format!("{r} → {}", s(&e["provider"])),
        (_, r) => r.to_string(),
    };
    if kind(e) != "completion" {
        model = format!("[{}] {model}", kind(e));
    }
    let tokens = match &e["tokens"] {
        Value::Object(t) => format!(
            "{}{}/{}",
            if e["tokens_estimated"] == true { "~" } else { "" },
            t.get("input").and_then(Value::as_u64).unwrap_or(0),
            t.get("output").and_then(Value::as_u64).unwrap_or(0)
        ),
        _ => "-".into(),
    };
    let cost = e["cost_usd"].as_f64().map_or("-".to_string(), |c| format!("${c:.4}"));
    let ttfb = e["ttfb_ms"].as_f64().map_or("-".to_string(), |t| format!("{t:.0}ms"));
    let mut line = format!(
        "{} {:>13} {status:>3} {}{model} [{}] {:.0}ms ttfb {ttfb} tok {tokens} {cost}",
        fmt_time(e["started_at_ms"].as_u64().unwrap_or(0)),
        s(&e["short_id"]),
        if e["stream"] == true { "~ " } else { "" },
        if e["key_label"].is_null() { "-" } else { s(&e["key_label"]) },
        e["latency_ms"].as_f64().unwrap_or(0.0),
    );
    if let Some(err) = e["error"].as_str() {
        let short: String = err.chars().take(120).collect();
        line.push_str(&format!("  {}: {short}", s(&e["error_kind"])));
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

fn print_line(out: &mut impl Write, json: bool, colour: bool, e: &Value) -> std::io::Result<()> {
    if json { writeln!(out, "{e}") } else { writeln!(out, "{}", format_line(e, colour)) }
}

async fn show(cli: &Cli, conn: &mut Conn, a: &ShowArgs) -> anyhow::Result<ExitCode> {
    let v = conn.call("logs.get", json!({"id": a.id})).await?;
    if a.raw || cli.json {
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", render(&v));
    Ok(ExitCode::SUCCESS)
}

/// Metadata, then the request as a conversation, then the answer.
pub fn render(v: &Value) -> String {
    let e = &v["entry"];
    let mut o = String::new();
    let mut kv = |k: &str, val: String| o.push_str(&format!("{k:<14} {val}\n"));
    kv("id", format!("{} ({})", s(&e["short_id"]), e["id"]));
    kv("time", format!("{} UTC", fmt_time(e["started_at_ms"].as_u64().unwrap_or(0))));
    kv("status", e["status"].to_string());
    kv("kind", kind(e).to_string());
    kv("model", format!("{} → {}", s(&e["requested_model"]), if e["model"].is_null() { "-" } else { s(&e["model"]) }));
    kv("provider", format!("{} (key '{}')", s(&e["provider"]), s(&e["key_label"])));
    kv("dialects", format!("{} → {}", s(&e["inbound"]), if e["upstream"].is_null() { "-" } else { s(&e["upstream"]) }));
    kv("stream", e["stream"].to_string());
    kv(
        "latency",
        format!(
            "{:.0} ms (first byte {} ms)",
            e["latency_ms"].as_f64().unwrap_or(0.0),
            e["ttfb_ms"].as_f64().map_or("-".into(), |t| format!("{t:.0}"))
        ),
    );
    if let Value::Object(t) = &e["tokens"] {
        kv(
            "tokens",
            format!(
                "in {} / out {} / cache read {} / cache write {}{}",
                t["input"],
                t["output"],
                t["cache_read"],
                t["cache_write"],
                if e["tokens_estimated"] == true { " (estimated)" } else { "" }
            ),
        );
    }
    kv("cost", e["cost_usd"].as_f64().map_or("unknown".into(), |c| format!("${c:.6}")));
    if let Some(c) = e["client_addr"].as_str() {
        kv("client", c.to_string());
    }
    if let Some(err) = e["error"].as_str() {
        kv("error", format!("{}: {err}", s(&e["error_kind"])));
    }
    for (i, at) in e["attempts"].as_array().into_iter().flatten().enumerate() {
        kv(
            &format!("attempt {}", i + 1),
            format!(
                "{}/{} key '{}' → {}{}",
                s(&at["provider"]),
                s(&at["model"]),
                s(&at["key_label"]),
                at["status"],
                at["error"].as_str().map(|e| format!(" ({e})")).unwrap_or_default()
            ),
        );
    }
    let b = &v["bodies"];
    if b.is_null() {
        o.push_str("\n(no bodies stored)\n");
        return o;
    }
    let dialect = match s(&e["inbound"]) {
        "anthropic" => Dialect::Anthropic,
        _ => Dialect::OpenAi,
    };
    o.push('\n');
    let req_bytes = serde_json::to_vec(&b["request"]).unwrap_or_default();
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
        Err(_) => o.push_str(&format!("── request (as sent)\n{}\n", pretty(&b["request"]))),
    }
    let resp_bytes = serde_json::to_vec(&b["response"]).unwrap_or_default();
    let truncated = if b["truncated"] == true { " (truncated)" } else { "" };
    match (b["response"].is_null(), monorelay::translate::decode_response(dialect, &resp_bytes)) {
        (true, _) => o.push_str("── response\n(none)\n"),
        (false, Ok(r)) => {
            let kind = if s(&b["response_kind"]) == "assembled" { "assistant (streamed)" } else { "assistant" };
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
        (false, Err(_)) => o.push_str(&format!("══ response{truncated}\n{}\n", pretty(&b["response"]))),
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

fn csv_row(e: &Value) -> String {
    let opt = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    let t = &e["tokens"];
    let cols = [
        opt(&e["short_id"]),
        fmt_time(e["started_at_ms"].as_u64().unwrap_or(0)),
        opt(&e["status"]),
        opt(&e["requested_model"]),
        opt(&e["model"]),
        opt(&e["provider"]),
        opt(&e["key_label"]),
        opt(&e["user"]),
        opt(&e["stream"]),
        opt(&e["latency_ms"]),
        opt(&e["ttfb_ms"]),
        opt(&t["input"]),
        opt(&t["output"]),
        opt(&t["cache_read"]),
        opt(&t["cache_write"]),
        opt(&e["tokens_estimated"]),
        opt(&e["cost_usd"]),
        opt(&e["error_kind"]),
        opt(&e["error"]),
        kind(e).to_string(),
    ];
    cols.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",")
}

async fn export(conn: &mut Conn, a: &ExportArgs) -> anyhow::Result<ExitCode> {
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
        let page = conn
            .call(
                "logs.query",
                json!({"since_ms": since, "until_ms": until, "oldest_first": true, "limit": 1000, "after": after}),
            )
            .await?;
        for e in page["entries"].as_array().into_iter().flatten() {
            match a.format {
                Format::Jsonl if a.bodies => {
                    let full = conn.call("logs.get", json!({"id": e["id"]})).await?;
                    writeln!(out, "{}", json!({"entry": full["entry"], "bodies": full["bodies"]}))?;
                }
                Format::Jsonl => writeln!(out, "{e}")?,
                Format::Csv => writeln!(out, "{}", csv_row(e))?,
            }
            n += 1;
            bar.inc(1);
        }
        match page["next"].as_u64() {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    out.flush()?;
    bar.finish_and_clear();
    eprintln!("exported {n} records");
    Ok(ExitCode::SUCCESS)
}

async fn clear(conn: &mut Conn, a: &ClearArgs) -> anyhow::Result<ExitCode> {
    if !a.yes {
        let status = conn.call("status", Value::Null).await?;
        let n = status["db"]["records"].as_u64().unwrap_or(0);
        eprint!("Delete all {n} records of the request log (hourly stats are kept)? [y/N] ");
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            eprintln!("nothing deleted");
            return Ok(ExitCode::FAILURE);
        }
    }
    let r = conn.call("logs.clear", Value::Null).await?;
    eprintln!("deleted {} records", r["deleted"]);
    Ok(ExitCode::SUCCESS)
}
