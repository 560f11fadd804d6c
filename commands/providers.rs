//! `monorelay providers list | test | models`: what is configured, whether each key really works
//! (one small real request per key), and what models an upstream offers.

use crate::Cli;
use clap::{Args, Subcommand};
use http::HeaderMap;
use monorelay::config::ProviderKind;
use monorelay::dialect::Dialect;
use monorelay::providers::{Endpoint, Provider};
use monorelay::runtime::{Runtime, Shared};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Subcommand)]
pub enum ProvidersCommand {
    /// List providers: type, base URL, keys, models.
    List,
    /// Send one small real request with every key; exit 1 if any key failed.
    Test(TestArgs),
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
pub struct ModelsArgs {
    /// The provider.
    pub name: String,
}

fn runtime(cli: &Cli) -> anyhow::Result<Option<Runtime>> {
    match crate::config::load(cli) {
        Ok(c) => Ok(Some(Runtime::build(c, &Shared::default(), None)?)),
        Err(e) => {
            eprintln!("{e}");
            Ok(None)
        }
    }
}

pub fn run(cli: &Cli, cmd: &ProvidersCommand) -> anyhow::Result<ExitCode> {
    let Some(rt) = runtime(cli)? else { return Ok(ExitCode::FAILURE) };
    match cmd {
        ProvidersCommand::List => {
            let live = crate::conn::block_on(live_state(cli))?;
            list(cli, &rt, live)
        }
        ProvidersCommand::Test(args) => {
            tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(test(cli, &rt, args))
        }
        ProvidersCommand::Models(args) => {
            tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(models(cli, &rt, args))
        }
    }
}

/// Key states and remembered tool rejections from the running server, if there is one.
struct Live {
    keys: Vec<serde_json::Value>,
    tools_unsupported: Vec<serde_json::Value>,
}

async fn live_state(cli: &Cli) -> anyhow::Result<Option<Live>> {
    let mut conn = crate::conn::Conn::open(cli).await?;
    if !conn.running() {
        return Ok(None);
    }
    let keys = conn.call("keys.list", serde_json::json!({})).await?;
    let status = conn.call("status", serde_json::json!({})).await?;
    Ok(Some(Live {
        keys: keys.as_array().cloned().or_else(|| keys["keys"].as_array().cloned()).unwrap_or_default(),
        tools_unsupported: status["tools_unsupported"].as_array().cloned().unwrap_or_default(),
    }))
}

fn list(cli: &Cli, rt: &Runtime, live: Option<Live>) -> anyhow::Result<ExitCode> {
    let rows: Vec<serde_json::Value> = rt
        .providers
        .iter()
        .map(|p| {
            // The running server's view when there is one; else what the config says.
            let view: Vec<serde_json::Value> = match &live {
                Some(l) => l.keys.iter().filter(|k| k["provider"] == p.name()).cloned().collect(),
                None => p.pool.view().iter().filter_map(|k| serde_json::to_value(k).ok()).collect(),
            };
            let usable = view.iter().filter(|k| k["state"] == "ok" || k["state"] == "probing").count();
            let tools_unsupported: Vec<&str> = live
                .iter()
                .flat_map(|l| l.tools_unsupported.iter())
                .filter(|t| {
                    t["provider"].as_str().is_some_and(|n| {
                        monorelay::config::normalize_name(n) == monorelay::config::normalize_name(p.name())
                    })
                })
                .filter_map(|t| t["model"].as_str())
                .collect();
            serde_json::json!({
                "name": p.name(),
                "type": p.config.kind.as_str(),
                "enabled": p.config.enabled,
                "base_url": p.config.base_url,
                "keys_usable": usable,
                "keys_total": view.len(),
                "keys": view,
                "strategy": p.pool.strategy.as_str(),
                "models": p.config.include,
                "tools_unsupported": tools_unsupported,
            })
        })
        .collect();
    if cli.json {
        println!("{}", serde_json::json!({"providers": rows}));
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<16} {:<12} {:<8} {:<7} {:<40} MODELS", "NAME", "TYPE", "ENABLED", "KEYS", "BASE URL");
    for r in &rows {
        let models: Vec<&str> =
            r["models"].as_array().map(|a| a.iter().filter_map(|m| m.as_str()).collect()).unwrap_or_default();
        println!(
            "{:<16} {:<12} {:<8} {:<7} {:<40} {}",
            r["name"].as_str().unwrap_or(""),
            r["type"].as_str().unwrap_or(""),
            if r["enabled"] == true { "yes" } else { "no" },
            format!("{}/{}", r["keys_usable"], r["keys_total"]),
            r["base_url"].as_str().unwrap_or(""),
            if models.is_empty() { "(any, by routing)".to_string() } else { models.join(", ") }
        );
        for k in r["keys"].as_array().into_iter().flatten() {
            if k["state"] != "ok" {
                let err = k["last_error"].as_str().map(|e| format!(" — {e}")).unwrap_or_default();
                println!("    key '{}': {}{err}", k["label"].as_str().unwrap_or(""), k["state"].as_str().unwrap_or(""));
            }
        }
        for m in r["tools_unsupported"].as_array().into_iter().flatten() {
            println!("    rejected tools for model '{}': tool calls to it are downgraded", m.as_str().unwrap_or(""));
        }
    }
    if live.is_none() {
        println!("\n(no server is running: key states are from the config)");
    }
    Ok(ExitCode::SUCCESS)
}

fn test_model(p: &Provider, explicit: &Option<String>) -> Option<String> {
    explicit
        .clone()
        .or_else(|| Some(p.config.test_model.clone()).filter(|m| !m.is_empty()))
        .or_else(|| p.config.include.first().cloned())
        .or_else(|| (p.config.kind == ProviderKind::Mock).then(|| "echo".to_string()))
}

async fn test(cli: &Cli, rt: &Runtime, args: &TestArgs) -> anyhow::Result<ExitCode> {
    let selected: Vec<&Provider> = rt
        .providers
        .iter()
        .filter(|p| {
            if args.names.is_empty() {
                p.usable()
            } else {
                args.names.iter().any(|n| rt.provider_index(n).is_some_and(|i| rt.providers[i].name() == p.name()))
            }
        })
        .collect();
    for n in &args.names {
        if rt.provider_index(n).is_none() {
            eprintln!("unknown provider '{n}' (known: {})", rt.provider_names().join(", "));
            return Ok(ExitCode::FAILURE);
        }
    }
    let total: usize = selected.iter().map(|p| p.pool.keys.iter().filter(|k| k.config.enabled).count()).sum();
    let bar = if cli.json { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new(total as u64) };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut rows = Vec::new();
    let mut failed = false;
    for p in selected {
        let Some(model) = test_model(p, &args.model) else {
            rows.push(serde_json::json!({"provider": p.name(), "key": "-", "ok": false, "status": 0, "latency_ms": 0, "message": "no model to test with: set test_model or pass --model"}));
            failed = true;
            continue;
        };
        for k in p.pool.keys.iter().filter(|k| k.config.enabled) {
            bar.set_message(format!("{} / {}", p.name(), k.config.label));
            let body = match p.dialect() {
                Dialect::OpenAi => {
                    serde_json::json!({"model": model, "max_tokens": 8, "messages": [{"role": "user", "content": "ping"}]})
                }
                Dialect::Anthropic => {
                    serde_json::json!({"model": model, "max_tokens": 8, "messages": [{"role": "user", "content": "ping"}]})
                }
            };
            let endpoint =
                if p.dialect() == Dialect::Anthropic { Endpoint::Messages } else { Endpoint::ChatCompletions };
            let started = Instant::now();
            let result =
                p.send(endpoint, &k.auth, bytes::Bytes::from(body.to_string()), &HeaderMap::new(), false).await;
            let (status, message) = match result {
                Ok(reply) => {
                    let status = reply.status;
                    let mut bytes = Vec::new();
                    let mut stream = reply.body;
                    while let Some(Ok(chunk)) = futures_util::StreamExt::next(&mut stream).await {
                        bytes.extend_from_slice(&chunk);
                    }
                    let msg = if status.is_success() {
                        "ok".to_string()
                    } else {
                        monorelay::relay::parse_error_body(&bytes).0
                    };
                    (status.as_u16(), msg)
                }
                Err(e) => (0, e.to_string()),
            };
            let ok = (200..300).contains(&status);
            failed |= !ok;
            let latency = started.elapsed().as_secs_f64() * 1000.0;
            rows.push(serde_json::json!({"provider": p.name(), "key": k.config.label, "model": model, "ok": ok, "status": status, "latency_ms": latency.round(), "message": message.chars().take(120).collect::<String>()}));
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    if cli.json {
        println!("{}", serde_json::json!({"results": rows}));
    } else {
        println!("{:<16} {:<12} {:<6} {:>9}  MESSAGE", "PROVIDER", "KEY", "STATUS", "LATENCY");
        for r in &rows {
            println!(
                "{:<16} {:<12} {:<6} {:>7}ms  {}",
                r["provider"].as_str().unwrap_or(""),
                r["key"].as_str().unwrap_or(""),
                if r["status"] == 0 { "-".to_string() } else { r["status"].to_string() },
                r["latency_ms"],
                r["message"].as_str().unwrap_or("")
            );
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

async fn models(cli: &Cli, rt: &Runtime, args: &ModelsArgs) -> anyhow::Result<ExitCode> {
    let Some(i) = rt.provider_index(&args.name) else {
        eprintln!("unknown provider '{}' (known: {})", args.name, rt.provider_names().join(", "));
        return Ok(ExitCode::FAILURE);
    };
    let p = &rt.providers[i];
    let Ok(lease) = p.pool.lease(&[], None) else {
        eprintln!("provider '{}' has no usable key", p.name());
        return Ok(ExitCode::FAILURE);
    };
    let reply = match p.send(Endpoint::Models, &lease.key.auth, bytes::Bytes::new(), &HeaderMap::new(), false).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("[{}] {e}", p.name());
            return Ok(ExitCode::FAILURE);
        }
    };
    let status = reply.status;
    let mut bytes = Vec::new();
    let mut stream = reply.body;
    while let Some(Ok(chunk)) = futures_util::StreamExt::next(&mut stream).await {
        bytes.extend_from_slice(&chunk);
    }
    if !status.is_success() {
        eprintln!("[{}] {} {}", p.name(), status.as_u16(), monorelay::relay::parse_error_body(&bytes).0);
        return Ok(ExitCode::FAILURE);
    }
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let mut ids: Vec<String> =
        v["data"].as_array().into_iter().flatten().filter_map(|m| m["id"].as_str().map(String::from)).collect();
    ids.sort();
    let data_dir =
        cli.data_dir.clone().unwrap_or_else(|| rt.config.server.data_dir.clone().unwrap_or_else(|| "data".into()));
    let dir = monorelay::runtime::models_cache_dir(&data_dir);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}.json", p.name()));
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(&serde_json::json!({"provider": p.name(), "models": ids}))?)?;
    std::fs::rename(&tmp, &path)?;
    if cli.json {
        println!("{}", serde_json::json!({"provider": p.name(), "models": ids, "cached": path}));
    } else {
        for id in &ids {
            println!("{id}");
        }
        eprintln!("{} models; cached in {} (listed by /v1/models after the next start)", ids.len(), path.display());
    }
    Ok(ExitCode::SUCCESS)
}
