//! `monorelay stats [--by model|provider|key|user|hour] [--since 24h]`: the hourly aggregates.

use crate::Cli;
use crate::conn::{block_on, parse_since};
use clap::{Args, ValueEnum};
use monorelay::admin::{StatsGroup, StatsQuery};
use monorelay::store::GroupBy;
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
        let mut c = crate::conn::open(cli).await?;
        let by = match a.by {
            By::Total => GroupBy::Total,
            By::Model => GroupBy::Model,
            By::Provider => GroupBy::Provider,
            By::Key => GroupBy::Key,
            By::User => GroupBy::User,
            By::Hour => GroupBy::Hour,
        };
        let until = a.until.as_deref().map(parse_since).transpose()?;
        let report = c.stats(&StatsQuery { since_ms: Some(parse_since(&a.since)?), until_ms: until, by }).await?;
        if cli.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
            return Ok(ExitCode::SUCCESS);
        }
        println!(
            "{:<32} {:>8} {:>7} {:>10} {:>10} {:>10} {:>8} {:>8} {:>8}",
            format!("{:?}", a.by).to_lowercase(),
            "requests",
            "errors",
            "in tok",
            "out tok",
            "cost $",
            "p50 ms",
            "p99 ms",
            "ttfb p50"
        );
        let mut rows = report.groups.clone();
        rows.push(StatsGroup { group: "TOTAL".into(), summary: report.total.clone() });
        for r in &rows {
            let ms = |x: Option<f64>| x.map_or("-".into(), |x| format!("{x:.0}"));
            let group = if a.matches_hour() {
                r.group.parse::<u64>().map(|s| crate::conn::fmt_time(s * 1000)).unwrap_or_else(|_| r.group.clone())
            } else if r.group.is_empty() {
                "(none)".to_string()
            } else {
                r.group.clone()
            };
            let s = &r.summary;
            println!(
                "{:<32} {:>8} {:>7} {:>10} {:>10} {:>10.4} {:>8} {:>8} {:>8}",
                group,
                s.requests,
                s.errors,
                s.input_tokens,
                s.output_tokens,
                s.cost_usd,
                ms(s.latency_ms_p50),
                ms(s.latency_ms_p99),
                ms(s.ttfb_ms_p50),
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}

impl StatsArgs {
    fn matches_hour(&self) -> bool {
        matches!(self.by, By::Hour)
    }
}
