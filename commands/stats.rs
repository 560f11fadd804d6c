//! `monorelay stats [--by model|provider|key|user|hour] [--since 24h]`: the hourly aggregates.

use crate::Cli;
use crate::conn::{Conn, block_on, parse_since};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    Total,
    Model,
    Provider,
    Key,
    User,
    Hour,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Group rows by this.
    #[arg(long, value_enum, default_value_t = By::Model)]
    pub by: By,
    /// Start: a duration back from now (24h, 7d) or a date.
    #[arg(long, default_value = "24h")]
    pub since: String,
    /// End (default: now).
    #[arg(long)]
    pub until: Option<String>,
}

pub fn run(cli: &Cli, a: &StatsArgs) -> anyhow::Result<ExitCode> {
    block_on(async {
        let mut conn = Conn::open(cli).await?;
        let by = format!("{:?}", a.by).to_lowercase();
        let until = a.until.as_deref().map(parse_since).transpose()?;
        let v = conn.call("stats", json!({"since_ms": parse_since(&a.since)?, "until_ms": until, "by": by})).await?;
        if cli.json {
            println!("{}", serde_json::to_string_pretty(&v)?);
            return Ok(ExitCode::SUCCESS);
        }
        println!(
            "{:<32} {:>8} {:>7} {:>10} {:>10} {:>10} {:>8} {:>8} {:>8}",
            by, "requests", "errors", "in tok", "out tok", "cost $", "p50 ms", "p99 ms", "ttfb p50"
        );
        let mut rows: Vec<Value> = v["groups"].as_array().cloned().unwrap_or_default();
        rows.push({
            let mut t = v["total"].clone();
            t["group"] = json!("TOTAL");
            t
        });
        for r in &rows {
            let ms = |k: &str| r[k].as_f64().map_or("-".into(), |x| format!("{x:.0}"));
            let group = r["group"].as_str().unwrap_or("");
            let group = if a.matches_hour() {
                group.parse::<u64>().map(|s| crate::conn::fmt_time(s * 1000)).unwrap_or_else(|_| group.to_string())
            } else if group.is_empty() {
                "(none)".to_string()
            } else {
                group.to_string()
            };
            println!(
                "{:<32} {:>8} {:>7} {:>10} {:>10} {:>10.4} {:>8} {:>8} {:>8}",
                group,
                // As strings: a JSON value's Display ignores width and alignment.
                cell(&r["requests"]),
                cell(&r["errors"]),
                cell(&r["input_tokens"]),
                cell(&r["output_tokens"]),
                r["cost_usd"].as_f64().unwrap_or(0.0),
                ms("latency_ms_p50"),
                ms("latency_ms_p99"),
                ms("ttfb_ms_p50"),
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// A number cell: the value's text, `-` when absent.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

impl StatsArgs {
    fn matches_hour(&self) -> bool {
        matches!(self.by, By::Hour)
    }
}
