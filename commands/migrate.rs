//! `monorelay migrate --to postgres`: copy this data dir's redb file (request log with bodies,
//! hourly stats, users, relay keys, sessions, stored Responses conversations, file and batch pins)
//! into the PostgreSQL that `storage.postgres_url`
//! (or `--postgres-url`) names, with a progress bar. Resumable: a second run skips what the first
//! copied; every chunk's count is checked. The server must be stopped (it holds the file).

use crate::Cli;
use clap::Args;
use monorelay::secret::Secret;
use monorelay::store::postgres::PgStore;
use monorelay::store::{DB_FILE, RedbStore};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Where to copy the data dir's database to.
    #[arg(long, value_parser = ["postgres"])]
    pub to: String,
    /// The database (default: the config's storage.postgres_url).
    #[arg(long, env = "MONORELAY_POSTGRES_URL", hide_env_values = true)]
    pub postgres_url: Option<String>,
}

pub fn run(cli: &Cli, a: &MigrateArgs) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(cli).ok();
    let dir = crate::conn::data_dir(cli, config.as_ref());
    let path = config.as_ref().map_or_else(|| dir.join(DB_FILE), |c| monorelay::store::db_path(&dir, &c.logging));
    if !path.exists() {
        anyhow::bail!("'{}' does not exist: nothing to migrate", path.display());
    }
    let from_config = config.as_ref().and_then(|c| match &c.cluster.storage {
        monorelay::config::cluster::StorageBackend::Postgres { url, .. } => Some(url.clone()),
        monorelay::config::cluster::StorageBackend::Redb => None,
    });
    let Some(url) = a.postgres_url.clone().map(Secret::new).or(from_config) else {
        anyhow::bail!("no PostgreSQL to copy to: set storage.postgres_url in the config or pass --postgres-url");
    };
    let redb = RedbStore::open(&path)?;
    let pg = PgStore::connect(&url, 1)?;
    let bar = if cli.json { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new(0) };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} records ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let m = pg.migrate_from_redb(&redb, |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    if cli.json {
        println!("{}", serde_json::to_string_pretty(&m)?);
    } else {
        println!(
            "copied '{}' to PostgreSQL: {} records ({} new, {} already there), {} hourly aggregates, {} users/keys/sessions rows, {} stored conversations and file pins; every record checked",
            path.display(),
            m.records,
            m.copied,
            m.already,
            m.aggregates,
            m.principals,
            m.side
        );
    }
    Ok(ExitCode::SUCCESS)
}
