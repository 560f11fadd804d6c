//! `monorelay providers list | test | verify | models`: argument parsing and output over
//! `monorelay::admin` (`providers.*`): what is configured (with the running server's key states),
//! whether each key really works (one small real request per key), whether one provider answers
//! text, tool calls and streams (three timed probes with one key), and what models an upstream
//! offers.

use crate::Cli;
use clap::{Args, Subcommand};
use monorelay::admin::{ProviderName, ProviderTest, ProviderVerify};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ProvidersCommand {
    /// List providers: type, base URL, keys, models.
    List,
    /// Send one small real request with every key; exit 1 if any key failed.
    Test(TestArgs),
    /// Probe one provider with one key: text, tool call, stream; exit 1 if a check failed.
    Verify(VerifyArgs),
    /// Fetch a provider's model list from its upstream (cached for /v1/models).
    Models(ModelsArgs),
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Providers to test (default: every enabled one).
    pub names: Vec<String>,
    /// Model to test with (default: the provider's test_model, else its first included model).
    #[arg(long)]
    pub model: Option<String>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The provider.
    pub name: String,
    /// The key's label (default: the first enabled key).
    #[arg(long)]
    pub key: Option<String>,
    /// Model to probe (default: the provider's test_model, else its first included model).
    #[arg(long)]
    pub model: Option<String>,
}

#[derive(Debug, Args)]
pub struct ModelsArgs {
    /// The provider.
    pub name: String,
}

pub fn run(cli: &Cli, cmd: &ProvidersCommand) -> anyhow::Result<ExitCode> {
    if let Err(e) = crate::config::load(cli) {
        eprintln!("{e}");
        return Ok(ExitCode::FAILURE);
    }
    crate::conn::block_on(async {
        let mut c = crate::conn::open(cli).await?;
        match cmd {
            ProvidersCommand::List => list(cli, &mut c).await,
            ProvidersCommand::Test(a) => test(cli, &mut c, a).await,
            ProvidersCommand::Verify(a) => verify(cli, &mut c, a).await,
            ProvidersCommand::Models(a) => models(cli, &mut c, a).await,
        }
    })
}

async fn list(cli: &Cli, c: &mut monorelay::admin::Client) -> anyhow::Result<ExitCode> {
    let providers = c.providers_list().await?;
    if cli.json {
        println!("{}", serde_json::json!({"providers": providers}));
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<16} {:<12} {:<8} {:<7} {:<40} MODELS", "NAME", "TYPE", "ENABLED", "KEYS", "BASE URL");
    for p in &providers {
        let usable = p.keys_usable().map_or("?".to_string(), |n| n.to_string());
        println!(
            "{:<16} {:<12} {:<8} {:<7} {:<40} {}",
            p.name,
            p.kind,
            if p.enabled { "yes" } else { "no" },
            format!("{usable}/{}", p.keys.len()),
            p.base_url,
            if p.models.is_empty() { "(any, by routing)".to_string() } else { p.models.join(", ") }
        );
        for k in &p.keys {
            let state = match &k.status {
                Some(s) if !s.usable() => s.describe(),
                None if !k.enabled => "disabled".to_string(),
                _ => continue,
            };
            let err = k.last_error.as_deref().map(|e| format!(" — {e}")).unwrap_or_default();
            println!("    key '{}': {state}{err}", k.label);
        }
        for m in &p.tools_unsupported {
            println!("    rejected tools for model '{m}': tool calls to it are downgraded");
        }
    }
    if !c.server_running() {
        println!("\n(no server is running: key states are from the config)");
    }
    Ok(ExitCode::SUCCESS)
}

async fn test(cli: &Cli, c: &mut monorelay::admin::Client, a: &TestArgs) -> anyhow::Result<ExitCode> {
    let bar = if cli.json { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new_spinner() };
    bar.set_message("testing every key with one small request…");
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let rows = c.providers_test(&ProviderTest { names: a.names.clone(), model: a.model.clone() }).await;
    bar.finish_and_clear();
    let rows = rows?;
    let failed = rows.iter().any(|r| !r.ok);
    if cli.json {
        println!("{}", serde_json::json!({"results": rows}));
    } else {
        println!("{:<16} {:<12} {:<6} {:>9}  MESSAGE", "PROVIDER", "KEY", "STATUS", "LATENCY");
        for r in &rows {
            println!(
                "{:<16} {:<12} {:<6} {:>7}ms  {}",
                r.provider,
                r.key,
                if r.status == 0 { "-".to_string() } else { r.status.to_string() },
                r.latency_ms,
                r.message
            );
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

async fn verify(cli: &Cli, c: &mut monorelay::admin::Client, a: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let bar = if cli.json { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new_spinner() };
    bar.set_message("probing: text, tool call, stream…");
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let v = ProviderVerify { provider: a.name.clone(), key: a.key.clone(), model: a.model.clone() };
    let report = c.providers_verify(&v).await;
    bar.finish_and_clear();
    let report = report?;
    if cli.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!("provider '{}', key '{}', model '{}'", report.provider, report.key, report.model);
        println!("{:<10} {:<5} {:<6} {:>9} {:>11}  MESSAGE", "CHECK", "OK", "STATUS", "LATENCY", "FIRST TOKEN");
        for ch in &report.checks {
            println!(
                "{:<10} {:<5} {:<6} {:>7}ms {:>11}  {}",
                ch.check,
                if ch.skipped {
                    "-"
                } else if ch.ok {
                    "yes"
                } else {
                    "no"
                },
                if ch.status == 0 { "-".to_string() } else { ch.status.to_string() },
                ch.latency_ms,
                ch.first_token_ms.map_or("-".to_string(), |t| format!("{t}ms")),
                ch.message
            );
        }
    }
    Ok(if report.ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

async fn models(cli: &Cli, c: &mut monorelay::admin::Client, a: &ModelsArgs) -> anyhow::Result<ExitCode> {
    let list = c.providers_models(&ProviderName { name: a.name.clone() }).await?;
    if cli.json {
        println!("{}", serde_json::to_string(&list)?);
    } else {
        for id in &list.models {
            println!("{id}");
        }
        let cached = list.cached.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
        eprintln!(
            "{} models; cached in {cached} ({})",
            list.models.len(),
            if c.server_running() { "listed by /v1/models now" } else { "listed by /v1/models after the next start" }
        );
    }
    Ok(ExitCode::SUCCESS)
}
