//! `monorelay route MODEL`: how a model name resolves, step by step, without sending anything.

use crate::Cli;
use clap::Args;
use monorelay::router;
use monorelay::runtime::{Runtime, Shared};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct RouteArgs {
    /// The model name a client would send (e.g. `smart`, `gpt-4o`, `claude-sonnet-4@anthropic`).
    pub model: String,
    /// Conversation text, for complexity routing (`auto`).
    #[arg(long)]
    pub text: Option<String>,
}

pub fn run(cli: &Cli, args: &RouteArgs) -> anyhow::Result<ExitCode> {
    let config = match crate::config::load(cli) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let rt = Runtime::build(config, &Shared::default(), None)?;
    let text = args.text.clone().unwrap_or_default();
    match router::resolve_with(&rt, &args.model, &|| text.clone()) {
        Ok(candidates) => {
            let tools = &rt.config.routing.tools;
            let rows: Vec<serde_json::Value> = candidates
                .iter()
                .map(|c| {
                    let p = &rt.providers[c.provider];
                    let downgraded = tools.auto_downgrade && tools.unsupported_models.iter().any(|g| g.matches(&c.model));
                    serde_json::json!({"provider": p.name(), "type": p.config.kind.as_str(), "model": c.model, "why": c.why, "tools_downgraded": downgraded})
                })
                .collect();
            if cli.json {
                println!("{}", serde_json::json!({"model": args.model, "candidates": rows}));
            } else {
                println!(
                    "'{}' resolves to {} candidate{} (tried in this order):",
                    args.model,
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                );
                for (i, r) in rows.iter().enumerate() {
                    let note = if r["tools_downgraded"] == true { "  [tools downgraded]" } else { "" };
                    println!(
                        "  {}. {}@{} ({}){note}",
                        i + 1,
                        r["model"].as_str().unwrap_or(""),
                        r["provider"].as_str().unwrap_or(""),
                        r["type"].as_str().unwrap_or("")
                    );
                    println!("     why: {}", r["why"].as_str().unwrap_or(""));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if cli.json {
                println!(
                    "{}",
                    serde_json::json!({"model": args.model, "error": e.message, "status": e.status.as_u16()})
                );
            } else {
                eprintln!("'{}' does not resolve ({}): {}", args.model, e.status.as_u16(), e.message);
            }
            Ok(ExitCode::FAILURE)
        }
    }
}
