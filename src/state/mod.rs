//! State several relays share: `local` (the default: everything in-process) or `redis`
//! (`state.backend: redis`). This module names the instance (`instance_id`, set once when a
//! relay joins a cluster) and holds the shared-state types every front end reads (`ClusterStatus`);
//! `redis` is the backend: key health, relay-key rpm windows and quotas, live events and the list
//! of live instances, with a degraded mode (local state only) while Redis is unreachable;
//! `shared_auth` keeps login-failure counts and pending SSO sign-ins there too.

pub mod redis;
pub mod shared_auth;

use serde::{Deserialize, Serialize};

pub use crate::record::{instance_id, join_cluster};

/// Whether the shared state is reachable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SharedState {
    /// Redis answers: key health, rpm limits and live events are cluster-wide.
    #[default]
    Connected,
    /// Redis is unreachable: serving on this instance's local state until it is back.
    Degraded,
}

/// A live relay of the cluster, as it announces itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Instance {
    pub id: String,
    pub listen: Option<String>,
    pub version: String,
    pub started_ms: u64,
}

/// What `status` and `/metrics` say about the cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClusterStatus {
    /// This relay's instance id.
    pub instance: String,
    /// `redb` or `postgres`.
    pub storage: String,
    /// `local` or `redis`.
    pub state_backend: String,
    /// With `redis`: connected or degraded.
    pub state: Option<SharedState>,
    /// Times Redis was found unreachable since start.
    pub degraded_count: u64,
    /// The live instances (with `redis`), this one included.
    pub instances: Vec<Instance>,
    /// With `config.source: postgres`: the shared config version this relay runs.
    pub config_version: Option<i64>,
    /// With `postgres`: records held in memory while PostgreSQL is unreachable.
    pub held_records: u64,
    /// With `postgres`: records dropped because too many were held.
    pub lost_records: u64,
    pub storage_error: Option<String>,
}

/// A relay's place in a cluster: its name and the shared backends it uses.
#[derive(Debug)]
pub struct Cluster {
    pub instance: String,
    pub redis: Option<std::sync::Arc<redis::RedisState>>,
    pub postgres: Option<std::sync::Arc<crate::store::postgres::PgStore>>,
    /// `config.source: postgres`: config edits are pushed to the database and pulled from it.
    pub config_in_db: bool,
    /// Signalled when an admin operation wrote the config file (the push task waits on it).
    pub config_written: tokio::sync::Notify,
    /// The shared config version this relay runs (0: none yet).
    pub config_version: std::sync::atomic::AtomicI64,
}

impl Cluster {
    /// What `status` shows (it asks Redis for the live instances).
    pub async fn status(&self) -> ClusterStatus {
        let mut s = ClusterStatus {
            instance: self.instance.clone(),
            storage: if self.postgres.is_some() { "postgres" } else { "redb" }.into(),
            state_backend: "local".into(),
            ..ClusterStatus::default()
        };
        if self.config_in_db {
            s.config_version = Some(self.config_version.load(std::sync::atomic::Ordering::Relaxed));
        }
        if let Some(pg) = &self.postgres {
            let h = pg.health();
            (s.held_records, s.lost_records, s.storage_error) = (h.held, h.lost, h.last_error);
        }
        if let Some(r) = &self.redis {
            r.status(&mut s).await;
        }
        s
    }

    /// Prometheus lines: whether shared state is degraded, and records held for PostgreSQL.
    pub fn render_prometheus(&self, out: &mut String) {
        use std::fmt::Write as _;
        if let Some(r) = &self.redis {
            let _ = writeln!(
                out,
                "# HELP monorelay_shared_state_degraded 1 while Redis is unreachable (local state only).\n\
                 # TYPE monorelay_shared_state_degraded gauge\nmonorelay_shared_state_degraded {}",
                u8::from(!r.is_connected())
            );
        }
        if let Some(pg) = &self.postgres {
            let h = pg.health();
            let _ = writeln!(
                out,
                "# HELP monorelay_records_held Records waiting in memory for PostgreSQL.\n\
                 # TYPE monorelay_records_held gauge\nmonorelay_records_held {}",
                h.held
            );
        }
    }
}
