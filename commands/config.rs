//! `monorelay config check | show | set | example | path | import | export` (the last two move
//! the shared config between a file and PostgreSQL). `show` and `set` go through
//! `monorelay::admin` (`config.get`: secrets as `***`; `config.set`: settings by dotted path,
//! written in place with comments kept, validated, reloaded).

use crate::Cli;
use clap::Subcommand;
use monorelay::admin::{ConfigSet, SettingChange};
use monorelay::config::{self, ConfigSource};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Load and validate the config; list every problem with its key path (exit 1 if any).
    Check,
    /// Print the config in use with every secret shown as ***.
    Show,
    /// Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`.
    /// A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is
    /// that; anything else is a string; null removes the key. All are written at once into the
    /// config file (comments kept), validated, and a running server reloads it. Secrets and
    /// providers are refused (see `keys` and the config file).
    Set {
        /// PATH=VALUE, one or more.
        #[arg(required = true, value_name = "PATH=VALUE")]
        changes: Vec<String>,
    },
    /// Print a fully commented example config.
    Example,
    /// Print which config file is used.
    Path,
    /// Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running
    /// relay applies it within a second. FILE's own `storage` names the database.
    Import { file: PathBuf },
    /// Print the shared config stored in PostgreSQL (the database the config's `storage` names).
    Export,
}

/// The config file `serve` would use: `--config`/`MONORELAY_CONFIG`, else ./config.yml if it
/// exists, else none (the embedded default).
pub fn resolve(cli: &Cli) -> Option<PathBuf> {
    match &cli.config {
        Some(p) => Some(p.clone()),
        None => Some(config::default_path()).filter(|p| p.exists()),
    }
}

/// Load the config `serve` would use. An explicitly named file must exist.
pub fn load(cli: &Cli) -> Result<config::Config, config::ConfigError> {
    match resolve(cli) {
        Some(p) => config::load_file(&p),
        None => config::load_str(config::EMBEDDED_DEFAULT, ConfigSource::Embedded, &|n| std::env::var(n).ok()),
    }
}

/// The PostgreSQL store `config`'s `storage` names (migrated as `serve` would).
fn shared_store(config: &config::Config) -> anyhow::Result<monorelay::store::postgres::PgStore> {
    match &config.cluster.storage {
        config::cluster::StorageBackend::Postgres { url, .. } => {
            Ok(monorelay::store::postgres::PgStore::connect(url, 1)?)
        }
        config::cluster::StorageBackend::Redb => {
            anyhow::bail!("{}: storage.backend is not postgres, so there is no shared config", config.source)
        }
    }
}

pub fn run(cli: &Cli, cmd: &ConfigCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        ConfigCommand::Import { file } => {
            let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("'{}': {e}", file.display()))?;
            let config = config::load_file(file)?;
            let version = shared_store(&config)?.put_config(&text, "config import")?;
            if cli.json {
                println!("{}", serde_json::json!({"version": version}));
            } else {
                println!("stored '{}' as shared config version {version}", file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Export => {
            let config = load(cli)?;
            let Some(doc) = shared_store(&config)?.config_doc()? else {
                anyhow::bail!("no shared config is stored yet ('monorelay config import FILE' stores one)");
            };
            if cli.json {
                println!(
                    "{}",
                    serde_json::json!({"version": doc.version, "updated_ms": doc.updated_ms, "updated_by": doc.updated_by, "text": doc.text})
                );
            } else {
                print!("{}", doc.text);
            }
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Set { changes } => {
            let set = ConfigSet { changes: changes.iter().map(|c| assignment(c)).collect::<anyhow::Result<_>>()? };
            crate::conn::block_on(async {
                let done = crate::conn::open(cli).await?.config_set(&set).await?;
                if cli.json {
                    println!("{}", serde_json::to_string_pretty(&done)?);
                } else {
                    let how = if done.applied { "reloaded" } else { "applies at the next start or reload" };
                    println!("set {} in '{}' ({how})", done.changed.join(", "), done.written.display());
                }
                Ok(ExitCode::SUCCESS)
            })
        }
        ConfigCommand::Example => {
            print!("{}", config::EXAMPLE);
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Show => crate::conn::block_on(async {
            let view = crate::conn::open(cli).await?.config_get().await?;
            if cli.json {
                println!("{}", serde_json::to_string_pretty(&view)?);
            } else {
                print!("{}", view.text);
            }
            Ok(ExitCode::SUCCESS)
        }),
        ConfigCommand::Path => {
            let shown = match resolve(cli) {
                Some(p) => p.display().to_string(),
                None => ConfigSource::Embedded.to_string(),
            };
            if cli.json {
                println!(
                    "{}",
                    serde_json::json!({"path": resolve(cli), "exists": resolve(cli).is_some_and(|p| p.exists())})
                );
            } else {
                println!("{shown}");
            }
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Check => match load(cli) {
            Ok(c) => {
                if cli.json {
                    println!(
                        "{}",
                        serde_json::json!({"ok": true, "source": c.source.to_string(), "problems": [], "warnings": c.warnings})
                    );
                } else {
                    println!(
                        "ok: {} ({} provider{})",
                        c.source,
                        c.providers.len(),
                        if c.providers.len() == 1 { "" } else { "s" }
                    );
                    for w in &c.warnings {
                        println!("warning: {w}");
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                if cli.json {
                    println!(
                        "{}",
                        serde_json::json!({"ok": false, "source": e.source.to_string(), "problems": e.problems, "warnings": []})
                    );
                } else {
                    eprintln!("{e}");
                }
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

/// `PATH=VALUE` → a change: VALUE as JSON when it reads as JSON, else as a string.
fn assignment(s: &str) -> anyhow::Result<SettingChange> {
    let Some((path, value)) = s.split_once('=') else {
        anyhow::bail!("'{s}' is not PATH=VALUE (e.g. logging.max_age_days=14)");
    };
    let value = serde_json::from_str(value.trim()).unwrap_or_else(|_| serde_json::Value::String(value.to_string()));
    Ok(SettingChange { path: path.trim().to_string(), value })
}
