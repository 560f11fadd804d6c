//! `monorelay keys list | add | remove | enable | disable | import | export | reset`. Changes are
//! written to config.yml by editing its text in place (comments and order survive, see
//! `monorelay::config::edit`), validated before writing, and then reloaded by the running server;
//! `enable`/`disable` also take effect at once through the control socket.

use crate::Cli;
use crate::conn::{Conn, block_on};
use clap::{Args, Subcommand, ValueEnum};
use monorelay::config::{self, edit};
use monorelay::secret::Secret;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List every upstream key with its state (never the key itself).
    List,
    /// Add a key to a provider in config.yml.
    Add(AddArgs),
    /// Remove a key from config.yml.
    Remove(KeyRef),
    /// Enable a key (config.yml, and at once on the running server).
    Enable(KeyRef),
    /// Disable a key (config.yml, and at once on the running server).
    Disable(KeyRef),
    /// Add many keys from a file ('-' for stdin): raw lines (`key` or `LABEL=key`, `#` comments),
    /// JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`).
    Import(ImportArgs),
    /// Print a provider's keys (they are secrets: mind where the output goes).
    Export(ExportArgs),
    /// Clear cooldowns, failures and invalid marks on the running server.
    Reset(ResetArgs),
}

#[derive(Debug, Args)]
pub struct KeyRef {
    pub provider: String,
    pub label: String,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub provider: String,
    /// The key (or a `${ENV_VAR}` reference).
    pub key: Secret<String>,
    #[arg(long)]
    pub label: Option<String>,
    #[arg(long)]
    pub weight: Option<f64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    Raw,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub provider: String,
    pub file: PathBuf,
    /// Default: from the file extension, else raw.
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Raw,
    Json,
    Csv,
    Env,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub provider: String,
    #[arg(long, value_enum, default_value_t = ExportFormat::Raw)]
    pub format: ExportFormat,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    pub provider: String,
    /// Default: every key of the provider.
    pub label: Option<String>,
}

pub fn run(cli: &Cli, cmd: &KeysCommand) -> anyhow::Result<ExitCode> {
    block_on(async {
        let mut conn = Conn::open(cli).await?;
        match cmd {
            KeysCommand::List => list(cli, &mut conn).await,
            KeysCommand::Enable(k) => set_enabled(cli, &mut conn, k, true).await,
            KeysCommand::Disable(k) => set_enabled(cli, &mut conn, k, false).await,
            KeysCommand::Reset(r) => {
                if !conn.running() {
                    anyhow::bail!("no server is running: key health lives in the server, so there is nothing to reset");
                }
                let v = conn.call("keys.reset", json!({"provider": r.provider, "label": r.label})).await?;
                println!("reset {} key(s)", v["reset"]);
                Ok(ExitCode::SUCCESS)
            }
            KeysCommand::Add(a) => {
                let label = a.label.clone().unwrap_or_else(|| "key".into());
                edit_config(cli, &mut conn, |text| {
                    let label = unique_label(text, &a.provider, &label)?;
                    edit::add_key(text, &a.provider, a.key.expose(), &label, a.weight)
                })
                .await?;
                println!("added a key to '{}'", a.provider);
                Ok(ExitCode::SUCCESS)
            }
            KeysCommand::Remove(k) => {
                edit_config(cli, &mut conn, |text| edit::remove_key(text, &k.provider, &k.label)).await?;
                println!("removed key '{}' of '{}'", k.label, k.provider);
                Ok(ExitCode::SUCCESS)
            }
            KeysCommand::Import(a) => import(cli, &mut conn, a).await,
            KeysCommand::Export(a) => export(cli, a),
        }
    })
}

async fn list(cli: &Cli, conn: &mut Conn) -> anyhow::Result<ExitCode> {
    let v = conn.call("keys.list", Value::Null).await?;
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    if !conn.running() {
        eprintln!("(no server is running: showing config.yml; states and counters need a running server)");
    }
    println!(
        "{:<16} {:<16} {:<8} {:>6} {:<20} {:>8} {:>8}  last error",
        "provider", "label", "enabled", "weight", "state", "requests", "failures"
    );
    for k in v.as_array().into_iter().flatten() {
        let state = match k["cooldown_secs"].as_f64() {
            Some(c) => format!("{} ({c:.0}s)", k["state"].as_str().unwrap_or("")),
            None => k["state"].as_str().unwrap_or("").to_string(),
        };
        println!(
            "{:<16} {:<16} {:<8} {:>6} {:<20} {:>8} {:>8}  {}",
            k["provider"].as_str().unwrap_or(""),
            k["label"].as_str().unwrap_or(""),
            k["enabled"],
            k["weight"],
            state,
            k["requests"],
            k["failures"],
            k["last_error"].as_str().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn config_file(cli: &Cli) -> Option<PathBuf> {
    crate::config::resolve(cli).filter(|p| p.exists())
}

/// Edit config.yml's text, check that the result loads, write it atomically, and have a running
/// server reload it. Returns whether the running server took it.
async fn edit_config(
    cli: &Cli,
    conn: &mut Conn,
    f: impl FnOnce(&str) -> Result<String, String>,
) -> anyhow::Result<bool> {
    let Some(path) = config_file(cli) else {
        anyhow::bail!(
            "no config file: keys are kept in config.yml (create one with 'monorelay config example > config.yml', or name it with --config)"
        );
    };
    let text = std::fs::read_to_string(&path)?;
    let new = f(&text).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Err(e) = config::load_str(&new, config::ConfigSource::File(path.clone()), &|n| std::env::var(n).ok()) {
        anyhow::bail!("the change would make the config invalid, so it was not written:\n{e}");
    }
    edit::write_atomic(&path, &new)?;
    if conn.running() {
        match conn.call("reload", Value::Null).await {
            Ok(_) => return Ok(true),
            Err(e) => eprintln!("warning: written to {}, but the server did not reload it: {e}", path.display()),
        }
    }
    Ok(false)
}

async fn set_enabled(cli: &Cli, conn: &mut Conn, k: &KeyRef, enabled: bool) -> anyhow::Result<ExitCode> {
    let word = if enabled { "enabled" } else { "disabled" };
    if config_file(cli).is_some() {
        let reloaded = edit_config(cli, conn, |t| edit::set_key_enabled(t, &k.provider, &k.label, enabled)).await?;
        if conn.running() {
            // The config now says it; drop any runtime override so the two never disagree.
            let value = if reloaded { Value::Null } else { json!(enabled) };
            conn.call("keys.set", json!({"provider": k.provider, "label": k.label, "enabled": value})).await?;
            if enabled {
                // Re-enabling also forgets an invalid mark.
                conn.call("keys.reset", json!({"provider": k.provider, "label": k.label})).await?;
            }
        }
        println!("{word} key '{}' of '{}'", k.label, k.provider);
    } else if conn.running() {
        conn.call("keys.set", json!({"provider": k.provider, "label": k.label, "enabled": enabled})).await?;
        println!(
            "{word} key '{}' of '{}' on the running server (no config file: not kept after a restart)",
            k.label, k.provider
        );
    } else {
        anyhow::bail!("no config file and no running server: nothing to change");
    }
    Ok(ExitCode::SUCCESS)
}

fn unique_label(text: &str, provider: &str, want: &str) -> Result<String, String> {
    let taken: Vec<String> = edit::list_keys(text, provider)?.into_iter().map(|i| i.label).collect();
    if !taken.iter().any(|t| t == want) {
        return Ok(want.to_string());
    }
    Ok((2..).map(|n| format!("{want}-{n}")).find(|l| !taken.contains(l)).unwrap_or_else(|| want.to_string()))
}

/// One key to import: key, label, weight.
type Imported = (String, Option<String>, Option<f64>);

/// Entries of an import file, in the original's formats.
pub fn parse_import(text: &str, format: ImportFormat) -> anyhow::Result<Vec<Imported>> {
    let mut out = Vec::new();
    match format {
        ImportFormat::Raw => {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                match line.split_once('=') {
                    Some((l, k)) if !l.is_empty() && !l.contains(char::is_whitespace) && !k.trim().is_empty() => {
                        out.push((k.trim().to_string(), Some(l.to_string()), None))
                    }
                    _ => out.push((line.to_string(), None, None)),
                }
            }
        }
        ImportFormat::Json => match serde_json::from_str::<Value>(text)? {
            Value::Array(items) => {
                for it in items {
                    match it {
                        Value::String(k) => out.push((k, None, None)),
                        Value::Object(o) => {
                            let key = o.get("key").or_else(|| o.get("api_key")).and_then(Value::as_str);
                            let label = o.get("label").or_else(|| o.get("name")).and_then(Value::as_str);
                            if let Some(k) = key {
                                out.push((
                                    k.to_string(),
                                    label.map(str::to_string),
                                    o.get("weight").and_then(Value::as_f64),
                                ));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Value::Object(o) => {
                for (label, k) in o {
                    if let Some(k) = k.as_str() {
                        out.push((k.to_string(), Some(label), None));
                    }
                }
            }
            _ => anyhow::bail!("JSON import: expected an array or an object"),
        },
        ImportFormat::Csv => {
            for (i, line) in text.lines().enumerate() {
                let mut cols = line.split(',').map(|c| c.trim().trim_matches('"'));
                let key = cols.next().unwrap_or("");
                if key.is_empty() || (i == 0 && key.eq_ignore_ascii_case("key")) {
                    continue;
                }
                out.push((key.to_string(), cols.next().filter(|l| !l.is_empty()).map(str::to_string), None));
            }
        }
    }
    Ok(out)
}

async fn import(cli: &Cli, conn: &mut Conn, a: &ImportArgs) -> anyhow::Result<ExitCode> {
    let text = if a.file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(&a.file)?
    };
    let format = a.format.unwrap_or_else(|| match a.file.extension().and_then(|e| e.to_str()) {
        Some("json") => ImportFormat::Json,
        Some("csv") => ImportFormat::Csv,
        _ => ImportFormat::Raw,
    });
    let entries = parse_import(&text, format)?;
    let (mut added, mut skipped) = (0, 0);
    edit_config(cli, conn, |text| {
        let mut text = text.to_string();
        for (key, label, weight) in &entries {
            let existing = edit::list_keys(&text, &a.provider)?;
            if existing.iter().any(|i| i.key.expose() == key) {
                skipped += 1;
                continue;
            }
            let want = label.clone().unwrap_or_else(|| format!("key-{}", existing.len() + 1));
            let label = unique_label(&text, &a.provider, &want)?;
            text = edit::add_key(&text, &a.provider, key, &label, *weight)?;
            added += 1;
        }
        Ok(text)
    })
    .await?;
    println!("imported {added} key(s) into '{}', skipped {skipped} already present", a.provider);
    Ok(ExitCode::SUCCESS)
}

fn export(cli: &Cli, a: &ExportArgs) -> anyhow::Result<ExitCode> {
    let c = crate::config::load(cli).map_err(|e| anyhow::anyhow!("{e}"))?;
    let p = c
        .providers
        .iter()
        .find(|p| config::normalize_name(&p.name) == config::normalize_name(&a.provider))
        .ok_or_else(|| anyhow::anyhow!("unknown provider '{}'", a.provider))?;
    let env_name = format!("MONORELAY_{}_KEY", p.name.to_uppercase().replace(['-', ' ', '.'], "_"));
    match a.format {
        ExportFormat::Raw => p.keys.iter().for_each(|k| println!("{}={}", k.label, k.secret.expose())),
        ExportFormat::Csv => {
            println!("key,label");
            p.keys.iter().for_each(|k| println!("{},{}", k.secret.expose(), k.label));
        }
        ExportFormat::Json => {
            let v: Vec<Value> = p
                .keys
                .iter()
                .map(|k| json!({"key": k.secret.expose(), "label": k.label, "weight": k.weight, "enabled": k.enabled}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        ExportFormat::Env => {
            for (i, k) in p.keys.iter().enumerate() {
                let suffix = if i == 0 { String::new() } else { format!("_{}", i + 1) };
                println!("{env_name}{suffix}={}", k.secret.expose());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
