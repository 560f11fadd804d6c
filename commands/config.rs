//! `monorelay config check | show | example | path | import | export` (the last two move the
//! shared config between a file and PostgreSQL). `show` goes through `monorelay::admin`
//! (`config.get`: secrets as `***`).

use crate::Cli;
use clap::Subcommand;
use monorelay::config::{self, ConfigSource};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Load and validate the config; list every problem with its key path (exit 1 if any).
    Check,
    /// Print the config in use with every secret shown as ***.
    Show,
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
