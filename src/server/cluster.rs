//! The builder's cluster stage: connect the shared backends the config names (`storage.backend:
//! postgres`, `state.backend: redis`), layer shared key health over the local one, run the
//! Redis tasks under the server's supervisor, and write what is still held for PostgreSQL at
//! shutdown. With `config.source: postgres` also the shared config: adopted at start, then kept
//! in step both ways (admin edits pushed, other relays' edits pulled on `NOTIFY`). With
//! `storage.backend: postgres` the principals too: every relay reloads its users, relay keys and
//! sessions when one announces a change (`principals_sync`).

use super::App;
use super::errors::ServerError;
use super::supervise::{OnPanic, Supervisor};
use crate::config::cluster::{ClusterConfig, StateBackend, StorageBackend};
use crate::config::{self, Config, ConfigSource};
use crate::keys::KeyStates;
use crate::state::Cluster;
use crate::store::postgres::PgStore;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

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
    Ok(Some(Arc::new(Cluster {
        instance,
        redis,
        postgres,
        config_in_db: config.config_in_db,
        config_written: tokio::sync::Notify::new(),
        config_version: std::sync::atomic::AtomicI64::new(0),
    })))
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
pub(super) fn supervise(supervisor: &mut Supervisor, app: &Arc<App>, cluster: &Arc<Cluster>) {
    if cluster.config_in_db {
        let (a, c) = (app.clone(), cluster.clone());
        supervisor.spawn("shared config", OnPanic::Restart, move || config_sync(a.clone(), c.clone()));
    }
    if let (Some(pg), Some(users)) = (cluster.postgres.clone(), app.users.get().cloned()) {
        supervisor.spawn("shared principals", OnPanic::Restart, move || principals_sync(users.clone(), pg.clone()));
    }
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

/// At start with `config.source: postgres`: the database's config wins over the file, which is
/// rewritten to match (so that a later start without the database runs the same config); an
/// empty database is seeded with the file. A shared config that does not load here (a missing
/// `${ENV}` on this machine) is refused loudly and the file is served.
pub(super) async fn adopt_shared_config(cluster: &Option<Arc<Cluster>>, config: Config) -> Result<Config, ServerError> {
    let Some(c) = cluster.as_ref().filter(|c| c.config_in_db) else { return Ok(config) };
    let Some(pg) = c.postgres.clone() else { return Ok(config) };
    let ConfigSource::File(path) = config.source.clone() else {
        return Err(ServerError::Runtime("config.source 'postgres' needs a config file to keep its copy in".into()));
    };
    let file_text = std::fs::read_to_string(&path)?;
    let p = pg.clone();
    let doc = blocking(move || p.config_doc()).await?;
    match doc {
        None => {
            let (p, text, by) = (pg.clone(), file_text.clone(), c.instance.clone());
            let v = blocking(move || p.put_config(&text, &by)).await?;
            c.config_version.store(v, Ordering::Relaxed);
            tracing::info!("shared config: the database had none; stored '{}' as version {v}", path.display());
            Ok(config)
        }
        Some(doc) if doc.text == file_text => {
            c.config_version.store(doc.version, Ordering::Relaxed);
            Ok(config)
        }
        Some(doc) => match config::load_str(&doc.text, ConfigSource::File(path.clone()), &|n| std::env::var(n).ok()) {
            Ok(shared) => {
                config::edit::write_atomic(&path, &doc.text)?;
                c.config_version.store(doc.version, Ordering::Relaxed);
                tracing::info!(
                    "shared config: running version {} from the database (written to '{}')",
                    doc.version,
                    path.display()
                );
                Ok(shared)
            }
            Err(e) => {
                tracing::error!(
                    "shared config: version {} in the database does not load on this relay ({e}); serving '{}'",
                    doc.version,
                    path.display()
                );
                Ok(config)
            }
        },
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
) -> Result<T, ServerError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ServerError::Runtime(format!("PostgreSQL: {e}")))?
        .map_err(|e| ServerError::Store { path: "postgres".into(), message: e.0 })
}

/// Keep the config shared (`config.source: postgres`) for the server's life: push what admin
/// operations write to the file, and pull what other relays stored, announced by `NOTIFY` (and
/// looked for every `CONFIG_POLL` should a notification be missed).
pub(super) async fn config_sync(app: Arc<App>, cluster: Arc<Cluster>) {
    let (Some(pg), Some(path)) = (cluster.postgres.clone(), app.config_path.clone()) else { return };
    let sync = ConfigSync { app, cluster, pg, path };
    loop {
        if let Some(mut l) = listen(&sync.pg, crate::store::postgres::CONFIG_CHANNEL).await {
            sync.pull().await;
            loop {
                tokio::select! {
                    n = l.rx.recv() => match n {
                        Some(_) => sync.pull().await,
                        None => break,
                    },
                    () = sync.cluster.config_written.notified() => sync.push().await,
                    () = tokio::time::sleep(CONFIG_POLL) => sync.pull().await,
                }
            }
            tracing::warn!("shared config: lost the PostgreSQL notification connection; reconnecting");
        }
        tokio::select! {
            () = sync.cluster.config_written.notified() => sync.push().await,
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

/// A connection listening on one PostgreSQL notification channel. Dropping it closes it.
struct Listening {
    /// The payloads of the notifications, in order; closed when the connection is lost.
    rx: tokio::sync::mpsc::UnboundedReceiver<String>,
    _client: tokio_postgres::Client,
    driver: tokio::task::JoinHandle<()>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.driver.abort();
    }
}

/// Open a connection of its own to `pg` and `LISTEN` on `channel` (`None`: not now).
async fn listen(pg: &PgStore, channel: &str) -> Option<Listening> {
    let (client, mut connection) = pg.connect_config().connect(tokio_postgres::NoTls).await.ok()?;
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let driver = tokio::spawn(async move {
        while let Some(Ok(m)) = futures_util::future::poll_fn(|cx| connection.poll_message(cx)).await {
            if let tokio_postgres::AsyncMessage::Notification(n) = m {
                if tx.send(n.payload().to_string()).is_err() {
                    return;
                }
            }
        }
    });
    let l = Listening { rx, _client: client, driver };
    l._client.batch_execute(&format!("LISTEN {channel}")).await.ok()?;
    Some(l)
}

/// Keep this relay's users, relay keys and sessions in step with the database they share with
/// the other relays (`storage.backend: postgres`): every change is announced on
/// `PRINCIPALS_CHANNEL` in the transaction that makes it, and each announcement (a burst counts
/// once) reloads them. Whenever the listening connection is (re)made the principals are
/// reloaded unconditionally, so a change announced while it was down (a revoked key) is never
/// missed; `PRINCIPALS_POLL` reloads them anyway.
pub(super) async fn principals_sync(users: Arc<crate::auth::Users>, pg: Arc<PgStore>) {
    let mut down_since_warned = false;
    loop {
        if let Some(mut l) = listen(&pg, crate::store::postgres::PRINCIPALS_CHANNEL).await {
            down_since_warned = false;
            reload_principals(&users).await;
            loop {
                tokio::select! {
                    n = l.rx.recv() => match n {
                        Some(_) => {
                            while l.rx.try_recv().is_ok() {}
                            reload_principals(&users).await;
                        }
                        None => break,
                    },
                    () = tokio::time::sleep(PRINCIPALS_POLL) => reload_principals(&users).await,
                }
            }
        }
        if !down_since_warned {
            tracing::warn!(
                "users and relay keys: cannot listen for changes made on other relays (PostgreSQL unreachable); \
                 reloading them when it is back"
            );
            down_since_warned = true;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// How often principals are reloaded even without an announcement (a safety net only: changes
/// are announced, and every reconnection reloads).
const PRINCIPALS_POLL: Duration = Duration::from_secs(300);

async fn reload_principals(users: &Arc<crate::auth::Users>) {
    let u = users.clone();
    match tokio::task::spawn_blocking(move || u.reload()).await {
        Ok(Ok(())) => tracing::debug!("users and relay keys reloaded from PostgreSQL"),
        Ok(Err(e)) => {
            tracing::warn!("users and relay keys: cannot reload them from PostgreSQL ({e}); keeping the last")
        }
        Err(e) => tracing::error!("users and relay keys: the reload task failed: {e}"),
    }
}

/// How often the shared config is looked at even without a notification.
const CONFIG_POLL: Duration = Duration::from_secs(30);

struct ConfigSync {
    app: Arc<App>,
    cluster: Arc<Cluster>,
    pg: Arc<PgStore>,
    path: std::path::PathBuf,
}

impl ConfigSync {
    /// Store the file's text (written by an admin operation here) as the shared config.
    async fn push(&self) {
        let Ok(text) = std::fs::read_to_string(&self.path) else { return };
        let (pg, by) = (self.pg.clone(), self.cluster.instance.clone());
        match blocking(move || pg.put_config(&text, &by)).await {
            Ok(v) => {
                self.cluster.config_version.store(v, Ordering::Relaxed);
                tracing::info!("shared config: stored version {v}; every relay applies it");
            }
            Err(e) => {
                tracing::error!("shared config: cannot store the change in PostgreSQL ({e}); it applies here only")
            }
        }
    }

    /// Apply a newer shared config: validated like any reload, written to the file, reloaded.
    async fn pull(&self) {
        let pg = self.pg.clone();
        let doc = match blocking(move || pg.config_doc()).await {
            Ok(Some(doc)) => doc,
            Ok(None) => return,
            Err(e) => {
                tracing::debug!("shared config: cannot read it ({e})");
                return;
            }
        };
        if doc.version <= self.cluster.config_version.load(Ordering::Relaxed) {
            return;
        }
        let current = std::fs::read_to_string(&self.path).unwrap_or_default();
        if current != doc.text {
            if let Err(e) =
                config::load_str(&doc.text, ConfigSource::File(self.path.clone()), &|n| std::env::var(n).ok())
            {
                tracing::error!(
                    "shared config: version {} does not load on this relay; keeping the old one: {e}",
                    doc.version
                );
                self.cluster.config_version.store(doc.version, Ordering::Relaxed);
                return;
            }
            if let Err(e) = config::edit::write_atomic(&self.path, &doc.text) {
                tracing::error!("shared config: cannot write '{}': {e}", self.path.display());
                return;
            }
            let app = self.app.clone();
            match tokio::task::spawn_blocking(move || super::reload::reload_now(&app)).await {
                Ok(Ok(())) => tracing::info!(
                    "shared config: applied version {} from {}",
                    doc.version,
                    doc.updated_by.as_deref().unwrap_or("another relay")
                ),
                Ok(Err(e)) => tracing::error!("shared config: version {} was refused here: {e}", doc.version),
                Err(e) => tracing::error!("shared config: the reload task failed: {e}"),
            }
        }
        self.cluster.config_version.store(doc.version, Ordering::Relaxed);
    }
}
