//! The builder's cluster stage: connect the shared backends the config names (`storage.backend:
//! postgres`, `state.backend: redis`), layer shared key health over the local one, run the
//! Redis tasks under the server's supervisor, and write what is still held for PostgreSQL at
//! shutdown.

use super::App;
use super::builder::ServerError;
use super::supervise::{OnPanic, Supervisor};
use crate::config::cluster::{ClusterConfig, StateBackend, StorageBackend};
use crate::keys::KeyStates;
use crate::state::Cluster;
use crate::store::postgres::PgStore;
use std::sync::Arc;

/// The backends of `config`, connected (`None`: one machine, nothing shared).
pub(super) async fn connect(config: &ClusterConfig) -> Result<Option<Arc<Cluster>>, ServerError> {
    if *config == ClusterConfig::default() {
        return Ok(None);
    }
    let instance = crate::state::join_cluster();
    let postgres = match &config.storage {
        StorageBackend::Redb => None,
        StorageBackend::Postgres { url, pool_size } => {
            let (url, pool) = (url.clone(), *pool_size);
            let pg = tokio::task::spawn_blocking(move || PgStore::connect(&url, pool))
                .await
                .map_err(|e| ServerError::Runtime(format!("PostgreSQL: {e}")))?
                .map_err(|e| ServerError::Store { path: "postgres".into(), message: e.0 })?;
            Some(Arc::new(pg))
        }
    };
    let redis = match &config.state {
        StateBackend::Local => None,
        StateBackend::Redis { url } => {
            Some(crate::state::redis::RedisState::connect(url, instance.clone()).await.map_err(ServerError::Runtime)?)
        }
    };
    tracing::info!(
        "instance '{instance}': request log in {}, key health and limits {}",
        if postgres.is_some() { "PostgreSQL" } else { "the data dir" },
        if redis.is_some() { "shared through Redis" } else { "local" }
    );
    Ok(Some(Arc::new(Cluster { instance, redis, postgres })))
}

/// `states` with shared health layered over its local map when the cluster has Redis.
pub(super) fn key_states(cluster: &Option<Arc<Cluster>>, states: KeyStates) -> KeyStates {
    match (cluster.as_ref().and_then(|c| c.redis.as_ref()), states.local_states().cloned()) {
        (Some(redis), Some(local)) => KeyStates::layered(redis.key_backend(local.clone()), local),
        _ => states,
    }
}

/// Run the Redis tasks (health and heartbeat, publishing key changes, the subscription, event
/// forwarding) for the server's life, restarted if they panic.
pub(super) fn supervise(supervisor: &mut Supervisor, app: &Arc<App>, cluster: &Cluster) {
    let Some(redis) = cluster.redis.clone() else { return };
    let listen = app.listen.get().map(|a| a.to_string());
    let r = redis.clone();
    supervisor.spawn("redis health", OnPanic::Restart, move || r.clone().health_task(listen.clone()));
    let r = redis.clone();
    supervisor.spawn("redis key publisher", OnPanic::Restart, move || r.clone().publish_task());
    let bus = app.writer.as_ref().map(|w| w.bus().clone()).unwrap_or_default();
    let (r, b) = (redis.clone(), bus.clone());
    supervisor.spawn("redis subscription", OnPanic::Restart, move || r.clone().subscribe_task(b.clone()));
    supervisor.spawn("redis event forwarder", OnPanic::Restart, move || redis.clone().forward_events(bus.clone()));
}

/// At shutdown: write what is held for PostgreSQL, or say how much is lost.
pub(super) fn drain_held(pg: &PgStore) {
    if let Err(e) = pg.flush_held() {
        let held = pg.health().held;
        if held > 0 {
            tracing::error!("request log: PostgreSQL is unreachable at shutdown ({e}); {held} held records are lost");
        }
    }
}
