//! `monorelay keys list | add | remove | enable | disable | import | export | reset`: argument
//! parsing and output over `monorelay::admin` (`keys.*`), which edits config.yml in place
//! (comments and order survive), validates, writes and has the running server reload. `import`
//! parses its file formats here; `export` prints secrets from config.yml and stays local.

use crate::Cli;
use crate::conn::block_on;
use clap::{Args, Subcommand, ValueEnum};
use monorelay::admin::{self, Client, KeyChange, KeySelector, KeysAdd, NewKey};
use monorelay::config;
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
        let mut c = crate::conn::open(cli).await?;
        let key_ref = |k: &KeyRef| admin::KeyRef { provider: k.provider.clone(), label: k.label.clone() };
        match cmd {
            KeysCommand::List => list(cli, &mut c).await,
            KeysCommand::Enable(k) => {
                let change = c.keys_enable(&key_ref(k)).await?;
                report(cli, &change, &format!("enabled key '{}' of '{}'", k.label, k.provider))
            }
            KeysCommand::Disable(k) => {
                let change = c.keys_disable(&key_ref(k)).await?;
                report(cli, &change, &format!("disabled key '{}' of '{}'", k.label, k.provider))
            }
            KeysCommand::Reset(r) => {
                if !c.server_running() {
                    anyhow::bail!("no server is running: key health lives in the server, so there is nothing to reset");
                }
                let n = c.keys_reset(&KeySelector { provider: r.provider.clone(), label: r.label.clone() }).await?;
                println!("reset {} key(s)", n.count);
                Ok(ExitCode::SUCCESS)
            }
            KeysCommand::Add(a) => {
                let req = KeysAdd {
                    provider: a.provider.clone(),
                    keys: vec![NewKey { key: a.key.clone(), label: a.label.clone(), weight: a.weight }],
                    skip_existing: false,
                };
                let change = c.keys_add(&req).await?;
                report(cli, &change, &format!("added key '{}' to '{}'", change.labels.join(", "), a.provider))
            }
            KeysCommand::Remove(k) => {
                let change = c.keys_remove(&key_ref(k)).await?;
                report(cli, &change, &format!("removed key '{}' of '{}'", k.label, k.provider))
            }
            KeysCommand::Import(a) => import(cli, &mut c, a).await,
            KeysCommand::Export(a) => export(cli, a),
        }
    })
}

/// Print what a key change did.
fn report(cli: &Cli, change: &KeyChange, done: &str) -> anyhow::Result<ExitCode> {
    if cli.json {
        println!("{}", serde_json::to_string_pretty(change)?);
        return Ok(ExitCode::SUCCESS);
    }
    match (&change.written, change.applied) {
        (Some(_), _) => println!("{done}"),
        (None, true) => println!("{done} on the running server (no config file: not kept after a restart)"),
        (None, false) => println!("{done}"),
    }
    Ok(ExitCode::SUCCESS)
}

async fn list(cli: &Cli, c: &mut Client) -> anyhow::Result<ExitCode> {
    let keys = c.keys_list().await?;
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&keys)?);
        return Ok(ExitCode::SUCCESS);
    }
    if !c.server_running() {
        eprintln!("(no server is running: showing config.yml; states and counters need a running server)");
    }
    println!(
        "{:<16} {:<16} {:<8} {:>6} {:<24} {:>8} {:>8}  last error",
        "provider", "label", "enabled", "weight", "state", "requests", "failures"
    );
    let now = monorelay::store::unix_ms(std::time::SystemTime::now());
    for k in &keys {
        let state = match &k.status {
            None => "not running".to_string(),
            Some(s) => match s.cooldown_left_ms(now) {
                Some(ms) => format!("{} ({}s)", s.describe(), ms.div_ceil(1000)),
                None => s.describe(),
            },
        };
        println!(
            "{:<16} {:<16} {:<8} {:>6} {:<24} {:>8} {:>8}  {}",
            k.provider,
            k.label,
            k.enabled,
            k.weight,
            state,
            k.requests,
            k.failures,
            k.last_error.as_deref().unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
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

async fn import(cli: &Cli, c: &mut Client, a: &ImportArgs) -> anyhow::Result<ExitCode> {
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
    let keys = parse_import(&text, format)?
        .into_iter()
        .map(|(key, label, weight)| NewKey { key: Secret::new(key), label, weight })
        .collect();
    let change = c.keys_add(&KeysAdd { provider: a.provider.clone(), keys, skip_existing: true }).await?;
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&change)?);
    } else {
        println!(
            "imported {} key(s) into '{}', skipped {} already present",
            change.labels.len(),
            a.provider,
            change.skipped
        );
    }
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
