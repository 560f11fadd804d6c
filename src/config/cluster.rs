//! `storage:` and `state:`: where a relay keeps what several relays must share. The default is
//! one machine (`storage.backend: redb`, `state.backend: local`, nothing else to run); with
//! `postgres` the request log and its hourly aggregates live in PostgreSQL, and with `redis` key
//! health (cooldowns), relay-key rpm limits, the live event stream and the list of live instances
//! are shared through Redis; with `config.source: postgres` the config itself is kept in the
//! database and pushed to every relay. Raw (serde) and validated types, and their checks, are all
//! here.

use crate::secret::Secret;
use serde::Deserialize;

/// Connections in a relay's PostgreSQL pool at most.
pub const MAX_POOL_SIZE: u32 = 64;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawStorage {
    /// `redb` (default) or `postgres`.
    pub backend: String,
    /// `postgres://user:pass@host:5432/db` (a secret: it carries the password).
    pub postgres_url: Secret<String>,
    /// Connections to PostgreSQL (default 4).
    pub pool_size: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawState {
    /// `local` (default) or `redis`.
    pub backend: String,
    /// `redis://host:6379/0` (a secret: it may carry a password).
    pub redis_url: Secret<String>,
}

/// `config:`: where the config itself lives.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawConfigSection {
    /// `file` (default) or `postgres`: the text is kept in the database, edits made through any
    /// relay's API or CLI reach every relay, and each relay keeps a copy in its config file.
    pub source: String,
}

/// Where the request log lives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StorageBackend {
    #[default]
    Redb,
    Postgres {
        url: Secret<String>,
        pool_size: u32,
    },
}

/// Where key health, rate-limit counters and live events are shared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StateBackend {
    #[default]
    Local,
    Redis {
        url: Secret<String>,
    },
}

/// `storage` and `state`, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterConfig {
    pub storage: StorageBackend,
    pub state: StateBackend,
    /// `config.source: postgres`: the config is shared through the database.
    pub config_in_db: bool,
}

pub(super) fn validate(
    storage: &RawStorage,
    state: &RawState,
    config: &RawConfigSection,
    problems: &mut Vec<String>,
) -> ClusterConfig {
    let storage = match storage.backend.trim() {
        "" | "redb" => StorageBackend::Redb,
        "postgres" | "postgresql" => {
            let url = storage.postgres_url.expose().trim();
            if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                problems.push(
                    "storage.postgres_url: storage.backend 'postgres' needs a postgres:// URL (for example \
                     '${MONORELAY_POSTGRES_URL}')"
                        .into(),
                );
            }
            let pool_size = storage.pool_size.unwrap_or(4);
            if !(1..=MAX_POOL_SIZE).contains(&pool_size) {
                problems.push(format!("storage.pool_size: must be 1 to {MAX_POOL_SIZE}, got {pool_size}"));
            }
            StorageBackend::Postgres { url: Secret::new(url.to_string()), pool_size: pool_size.clamp(1, MAX_POOL_SIZE) }
        }
        other => {
            problems.push(format!("storage.backend: unknown backend '{other}' (expected redb or postgres)"));
            StorageBackend::Redb
        }
    };
    let state = match state.backend.trim() {
        "" | "local" => StateBackend::Local,
        "redis" => {
            let url = state.redis_url.expose().trim();
            if !(url.starts_with("redis://") || url.starts_with("rediss://")) {
                problems.push(
                    "state.redis_url: state.backend 'redis' needs a redis:// URL (for example '${MONORELAY_REDIS_URL}')"
                        .into(),
                );
            }
            StateBackend::Redis { url: Secret::new(url.to_string()) }
        }
        other => {
            problems.push(format!("state.backend: unknown backend '{other}' (expected local or redis)"));
            StateBackend::Local
        }
    };
    let config_in_db = match config.source.trim() {
        "" | "file" => false,
        "postgres" | "postgresql" => {
            if storage == StorageBackend::Redb {
                problems.push("config.source: 'postgres' needs storage.backend: postgres".into());
            }
            true
        }
        other => {
            problems.push(format!("config.source: unknown source '{other}' (expected file or postgres)"));
            false
        }
    };
    ClusterConfig { storage, state, config_in_db }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_one_machine_and_bad_values_are_named() {
        let mut p = Vec::new();
        let file = RawConfigSection::default();
        assert_eq!(validate(&RawStorage::default(), &RawState::default(), &file, &mut p), ClusterConfig::default());
        assert!(p.is_empty());
        let s = RawStorage {
            backend: "postgres".into(),
            postgres_url: Secret::new("mysql://x".into()),
            pool_size: Some(0),
        };
        let r = RawState { backend: "memcached".into(), ..RawState::default() };
        validate(&s, &r, &file, &mut p);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("storage.postgres_url") && p[1].starts_with("storage.pool_size"));
        assert!(p[2].contains("'memcached'"));
        let mut p = Vec::new();
        validate(&RawStorage::default(), &RawState::default(), &RawConfigSection { source: "postgres".into() }, &mut p);
        assert_eq!(p, ["config.source: 'postgres' needs storage.backend: postgres"]);
    }
}
