//! The typed service layer: every management operation once — `status`, `keys.*`, `logs.*`,
//! `stats`, `providers.*`, `config.*`, `users.*`, `sync.*` — as a Rust function with serde request/response types
//! (`types`) and one error (`AdminError`). The control socket (`socket`), its typed `Client`, the
//! CLI and `top` are only transports over it.
//!
//! A `Service` is built either online, over the running server (anything implementing `Host`;
//! the server's `App` does), or offline, over the database file and the config on disk, so the
//! CLI gets the same answers with or without a server. `dispatch` maps an operation's wire name
//! and JSON arguments to its function: the one place where names become calls.

pub mod client;
mod config_ops;
mod dashboard_ops;
mod error;
mod export_ops;
mod keys_ops;
mod providers_edit_ops;
mod providers_ops;
mod providers_verify_ops;
mod settings_ops;
pub mod socket;
mod sync_ops;
mod sync_state_ops;
pub mod types;
mod usage_ops;
mod users_ops;

pub use client::{Client, Subscription};
pub use config_ops::ConfigGet;
pub use dashboard_ops::*;
pub use error::AdminError;
pub use export_ops::*;
pub use providers_edit_ops::*;
pub use settings_ops::{ConfigSet, SettingChange, SettingsWritten, admin_settable};
pub use sync_ops::*;
pub use types::*;
pub use usage_ops::{Usage, UsageQuery};
pub(crate) use users_ops::user_view;

use crate::config::Config;
use crate::runtime::{Runtime, Shared};
use crate::stats::Live;
use crate::store::writer::Writer;
use crate::store::{LogPage, LogQuery, LogStore, parse_id, short_id, unix_ms};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// What the service needs of a running server. Implemented by `server::App`; the server sits
/// above this layer, so it is named by this trait rather than by type.
pub trait Host: Send + Sync + 'static {
    /// The current runtime snapshot.
    fn runtime(&self) -> Arc<Runtime>;
    fn shared(&self) -> &Arc<Shared>;
    fn live(&self) -> &Arc<Live>;
    /// The request log's writer, when the log is on.
    fn writer(&self) -> Option<&Arc<Writer>>;
    /// The config file the runtime was loaded from (`None`: the embedded default).
    fn config_path(&self) -> Option<&Path>;
    fn uptime_secs(&self) -> u64;
    fn listen(&self) -> Option<String>;
    /// Requests in flight and how many of them stream.
    fn in_flight(&self) -> (u64, u64);
    fn reload_info(&self) -> ReloadInfo;
    /// Reload the config file now; the error says why the new config was refused.
    fn reload(&self) -> Result<(), String>;
    /// Users and relay keys, when the server keeps them (it does with a data dir).
    fn users(&self) -> Option<Arc<crate::auth::Users>> {
        None
    }
    /// An operation wrote the config file (sync's auto-push listens). Default: nobody listens.
    fn config_changed(&self) {}
    /// The shared backends, when the server is one of several relays.
    fn cluster(&self) -> Option<Arc<crate::state::Cluster>> {
        None
    }
}

/// Everything the offline service reads: the config and its file, and the data dir.
#[derive(Debug, Default)]
pub struct Offline {
    /// The loaded config (`None` when it does not load: logs and stats still work).
    pub config: Option<Config>,
    /// The config file, when there is one (key and config edits go there).
    pub config_path: Option<PathBuf>,
    pub data_dir: PathBuf,
}

/// The management operations over a running server or over the files.
pub struct Service {
    host: Option<Arc<dyn Host>>,
    store: Option<Arc<dyn LogStore>>,
    /// Offline only: the config as loaded.
    config: Option<Config>,
    config_path: Option<PathBuf>,
    data_dir: PathBuf,
    /// Offline: the database, when it was open at start (users share it with the log).
    redb: Option<Arc<crate::store::RedbStore>>,
    /// Offline: users over the database, opened on first use.
    users: std::sync::OnceLock<Arc<crate::auth::Users>>,
}

/// Every operation's wire name, in the order the protocol document lists them.
pub const OPS: &[&str] = &[
    "status",
    "stats",
    "logs.query",
    "logs.show",
    "logs.subscribe",
    "logs.clear",
    "keys.list",
    "keys.set",
    "keys.enable",
    "keys.disable",
    "keys.reset",
    "keys.add",
    "keys.remove",
    "providers.list",
    "providers.test",
    "providers.models",
    "config.get",
    "config.check",
    "config.put",
    "config.reload",
    "users.list",
    "users.add",
    "users.remove",
    "users.passwd",
    "users.role",
    "users.enable",
    "users.disable",
    "users.keys.list",
    "users.keys.create",
    "users.keys.revoke",
    "users.invite",
    "sync.status",
    "sync.setup",
    "sync.push",
    "sync.pull",
    "sync.diff",
    "sync.history",
    "info",
    "dashboard",
    "analytics.slow",
    "analytics.costs",
    "keys.import",
    "keys.export",
    "providers.get",
    "providers.test_key",
    "providers.create",
    "providers.update",
    "providers.delete",
    "providers.enable",
    "providers.disable",
    "providers.set_models",
    "config.settings",
    "providers.verify",
    "usage",
    "config.set",
];

impl Service {
    /// Over a running server whose data dir is `data_dir`.
    pub fn online(host: Arc<dyn Host>, data_dir: PathBuf) -> Service {
        let store = host.writer().and_then(|w| w.store().cloned());
        let config_path = host.config_path().map(Path::to_path_buf);
        Service {
            host: Some(host),
            store,
            config: None,
            config_path,
            data_dir,
            redb: None,
            users: std::sync::OnceLock::new(),
        }
    }

    /// Without a server: opens the database in the data dir when it exists.
    pub fn offline(o: Offline) -> Result<Service, AdminError> {
        let db = offline_db_path(o.config.as_ref(), &o.data_dir);
        let redb = if db.exists() { Some(Arc::new(crate::store::RedbStore::open(&db)?)) } else { None };
        let store: Option<Arc<dyn LogStore>> = redb.clone().map(|r| r as Arc<dyn LogStore>);
        Ok(Service {
            host: None,
            store,
            config: o.config,
            config_path: o.config_path,
            data_dir: o.data_dir,
            redb,
            users: std::sync::OnceLock::new(),
        })
    }

    /// The database file of this data dir.
    fn db_path(&self) -> PathBuf {
        offline_db_path(self.config.as_ref(), &self.data_dir)
    }

    /// Whether a server is behind this service.
    pub fn is_online(&self) -> bool {
        self.host.is_some()
    }

    fn host(&self) -> Result<&Arc<dyn Host>, AdminError> {
        self.host.as_ref().ok_or_else(|| AdminError::unavailable("no server is running for this data dir"))
    }

    fn store(&self) -> Result<Arc<dyn LogStore>, AdminError> {
        self.store.clone().ok_or_else(|| {
            AdminError::unavailable(
                "there is no request log here (logging.enabled is false, or nothing was logged yet)",
            )
        })
    }

    /// The config in force: the running server's, else the one loaded from disk.
    fn config(&self) -> Result<ConfigRef<'_>, AdminError> {
        match (&self.host, &self.config) {
            (Some(h), _) => Ok(ConfigRef::Live(h.runtime())),
            (None, Some(c)) => Ok(ConfigRef::Loaded(c)),
            (None, None) => Err(AdminError::unavailable("the config does not load (see 'monorelay config check')")),
        }
    }

    /// Wait until records queued so far are committed, so a read sees every request that has
    /// already been answered.
    async fn settle(&self) {
        if let Some(w) = self.host.as_ref().and_then(|h| h.writer().cloned()) {
            let _ = tokio::task::spawn_blocking(move || w.flush()).await;
        }
    }

    // ---- status, stats, logs ----

    pub async fn status(&self) -> Result<StatusInfo, AdminError> {
        let db = match &self.store {
            Some(s) => {
                // A shared database that is down must not take `status` with it.
                let s = s.clone();
                blocking(move || s.size()).await.ok().map(|(records, bytes)| DbSize { records, bytes })
            }
            None => None,
        };
        let version = env!("CARGO_PKG_VERSION").to_string();
        let sync_error = self.load_sync_state().ok().and_then(|s| s.last_error);
        let Some(h) = &self.host else {
            return Ok(StatusInfo {
                running: false,
                version,
                db,
                config: self.config.as_ref().map(|c| c.source.to_string()),
                providers: self.config.as_ref().map_or(0, |c| c.providers.len()),
                sync_error,
                ..StatusInfo::default()
            });
        };
        let rt = h.runtime();
        let (in_flight, streams) = h.in_flight();
        let counters: RecordCounters = serde_json::from_value(h.live().counters()).unwrap_or_default();
        Ok(StatusInfo {
            running: true,
            version,
            pid: Some(std::process::id()),
            uptime_secs: h.uptime_secs(),
            listen: h.listen(),
            in_flight,
            streams,
            config: Some(rt.config.source.to_string()),
            reload: Some(h.reload_info()),
            providers: rt.providers.len(),
            tools_unsupported: rt
                .tool_support
                .list()
                .into_iter()
                .map(|(provider, model)| ToolRejection { provider, model })
                .collect(),
            records: Some(counters),
            subscribers: h.writer().map_or(0, |w| w.bus().subscribers()),
            db,
            totals: Some(h.live().total().summary()),
            sync_error,
            last_minute: {
                let (requests, errors) = h.live().last_minute();
                Some(RecentCounts { requests, errors })
            },
            cluster: match h.cluster() {
                Some(c) => Some(c.status().await),
                None => None,
            },
        })
    }

    pub async fn stats(&self, q: StatsQuery) -> Result<StatsReport, AdminError> {
        self.settle().await;
        let now = unix_ms(SystemTime::now());
        let since = q.since_ms.unwrap_or(now.saturating_sub(86_400_000));
        let until = q.until_ms.unwrap_or(now + 1);
        let store = self.store()?;
        let by = q.by;
        let groups = blocking(move || store.stats(since, until, by)).await?;
        let total = groups.values().fold(crate::stats::Agg::default(), |mut t, g| {
            t.merge(g);
            t
        });
        let groups = groups.iter().map(|(k, g)| StatsGroup { group: k.clone(), summary: g.summary() }).collect();
        Ok(StatsReport { since_ms: since, until_ms: until, by, total: total.summary(), groups })
    }

    pub async fn logs_query(&self, q: LogQuery) -> Result<LogPage, AdminError> {
        self.settle().await;
        let store = self.store()?;
        blocking(move || store.query(&q)).await
    }

    pub async fn logs_show(&self, a: LogShow) -> Result<LogDetail, AdminError> {
        self.settle().await;
        let id = match &a.id {
            LogId::Number(n) => Some(*n),
            LogId::Short(s) => parse_id(s),
        }
        .ok_or_else(|| AdminError::invalid(Some("id"), "not a record id (a number or the short id)"))?;
        let store = self.store()?;
        let Some((entry, bodies)) = blocking(move || store.get(id)).await? else {
            return Err(AdminError::not_found(format!("no record '{}'", short_id(id))));
        };
        let bodies = if a.bodies.unwrap_or(true) {
            bodies.map(|b| serde_json::from_value(b.to_json()).unwrap_or_default())
        } else {
            None
        };
        Ok(LogDetail { entry, bodies })
    }

    /// Live records matching `filter` (only with a running server).
    pub fn logs_subscribe(&self, filter: LogQuery) -> Result<LiveRecords, AdminError> {
        let bus = self
            .host()?
            .writer()
            .map(|w| w.bus().clone())
            .ok_or_else(|| AdminError::unavailable("the request log is off: no live records"))?;
        Ok(LiveRecords { rx: bus.subscribe(), filter })
    }

    pub async fn logs_clear(&self) -> Result<Deleted, AdminError> {
        self.settle().await;
        let store = self.store()?;
        let deleted = blocking(move || store.clear()).await?;
        Ok(Deleted { deleted })
    }

    /// Answer one operation by its wire name, with JSON arguments (`null`: none). Unknown
    /// operations and arguments of the wrong shape are `Invalid`, naming what is wrong.
    /// `logs.subscribe` needs a stream; transports call `logs_subscribe` for it.
    pub async fn dispatch(&self, op: &str, args: Value) -> Result<Value, AdminError> {
        match op {
            "status" => to_json(self.status().await),
            "stats" => to_json(self.stats(parse_args(args)?).await),
            "logs.query" => to_json(self.logs_query(parse_args(args)?).await),
            "logs.show" => to_json(self.logs_show(parse_args(args)?).await),
            "logs.clear" => to_json(self.logs_clear().await),
            "logs.subscribe" => Err(AdminError::invalid(Some("op"), "'logs.subscribe' streams: it needs a connection")),
            "keys.list" => to_json(self.keys_list()),
            "keys.set" => to_json(self.keys_set(parse_args(args)?)),
            "keys.enable" => to_json(self.keys_enable(parse_args(args)?, true).await),
            "keys.disable" => to_json(self.keys_enable(parse_args(args)?, false).await),
            "keys.reset" => to_json(self.keys_reset(parse_args(args)?)),
            "keys.add" => to_json(self.keys_add(parse_args(args)?).await),
            "keys.remove" => to_json(self.keys_remove(parse_args(args)?).await),
            "providers.list" => to_json(self.providers_list()),
            "providers.test" => to_json(self.providers_test(parse_args(args)?).await),
            "providers.models" => to_json(self.providers_models(parse_args(args)?).await),
            "config.get" => to_json(self.config_get_with(parse_args(args)?)),
            "config.check" => to_json(self.config_check(parse_args(args)?)),
            "config.put" => to_json(self.config_put(parse_args(args)?).await),
            "config.reload" => to_json(self.config_reload().await),
            "users.list" => to_json(self.users_list()),
            "users.add" => to_json(self.users_add(parse_args(args)?).await),
            "users.remove" => to_json(self.users_remove(parse_args(args)?)),
            "users.passwd" => to_json(self.users_passwd(parse_args(args)?).await),
            "users.role" => to_json(self.users_role(parse_args(args)?)),
            "users.enable" => to_json(self.users_enable(parse_args(args)?, true)),
            "users.disable" => to_json(self.users_enable(parse_args(args)?, false)),
            "users.keys.list" => to_json(self.users_keys_list(parse_args(args)?)),
            "users.keys.create" => to_json(self.users_keys_create(parse_args(args)?)),
            "users.keys.revoke" => to_json(self.users_keys_revoke(parse_args(args)?)),
            "users.invite" => to_json(self.users_invite(parse_args(args)?)),
            "sync.status" => to_json(self.sync_status()),
            "sync.setup" => to_json(self.sync_setup(parse_args(args)?).await),
            "sync.push" => to_json(self.sync_push(parse_args(args)?).await),
            "sync.pull" => to_json(self.sync_pull(parse_args(args)?).await),
            "sync.diff" => to_json(self.sync_diff(parse_args(args)?).await),
            "sync.history" => to_json(self.sync_history(parse_args(args)?).await),
            "info" => to_json(self.info(parse_args(args)?)),
            "dashboard" => to_json(self.dashboard(parse_args(args)?).await),
            "analytics.slow" => to_json(self.analytics_slow(parse_args(args)?).await),
            "analytics.costs" => to_json(self.analytics_costs(parse_args(args)?).await),
            "keys.import" => to_json(self.keys_import(parse_args(args)?).await),
            "keys.export" => to_json(self.keys_export(parse_args(args)?)),
            "providers.get" => to_json(self.providers_get(parse_args(args)?)),
            "providers.test_key" => to_json(self.providers_test_key(parse_args(args)?).await),
            "providers.verify" => to_json(self.providers_verify(parse_args(args)?).await),
            "providers.create" => to_json(self.providers_create(parse_args(args)?).await),
            "providers.update" => to_json(self.providers_update(parse_args(args)?).await),
            "providers.delete" => to_json(self.providers_delete(parse_args(args)?).await),
            "providers.enable" => to_json(self.providers_enable(parse_args(args)?, true).await),
            "providers.disable" => to_json(self.providers_enable(parse_args(args)?, false).await),
            "providers.set_models" => to_json(self.providers_set_models(parse_args(args)?).await),
            "config.settings" => to_json(self.config_settings()),
            "usage" => to_json(self.usage(parse_args(args)?).await),
            "config.set" => to_json(self.config_set(parse_args(args)?).await),
            other => Err(AdminError::invalid(
                Some("op"),
                format!("unknown operation '{other}' (expected one of: {})", OPS.join(", ")),
            )),
        }
    }
}

fn offline_db_path(config: Option<&Config>, data_dir: &Path) -> PathBuf {
    match config {
        Some(c) => crate::store::db_path(data_dir, &c.logging),
        None => data_dir.join(crate::store::DB_FILE),
    }
}

/// The config a service answers from.
enum ConfigRef<'a> {
    Live(Arc<Runtime>),
    Loaded(&'a Config),
}

impl std::ops::Deref for ConfigRef<'_> {
    type Target = Config;
    fn deref(&self) -> &Config {
        match self {
            ConfigRef::Live(rt) => &rt.config,
            ConfigRef::Loaded(c) => c,
        }
    }
}

/// A `logs.subscribe` stream on the service side.
pub struct LiveRecords {
    rx: tokio::sync::broadcast::Receiver<Arc<crate::store::LogEntry>>,
    filter: LogQuery,
}

impl LiveRecords {
    /// The next matching event; `None` when the server is shutting down.
    pub async fn next(&mut self) -> Option<LogEvent> {
        use tokio::sync::broadcast::error::RecvError;
        loop {
            match self.rx.recv().await {
                Ok(e) if self.filter.matches(&e) => return Some(LogEvent::Record(Box::new((*e).clone()))),
                Ok(_) => {}
                Err(RecvError::Lagged(n)) => return Some(LogEvent::Lagged(n)),
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// Arguments from JSON: `null` means none (the type's default, when it has one), and a wrong
/// field is named (`args.limit: invalid type: string "x", expected usize`).
pub(crate) fn parse_args<T: DeserializeOwned>(args: Value) -> Result<T, AdminError> {
    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
    serde_path_to_error::deserialize(args).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "args".to_string() } else { format!("args.{path}") };
        AdminError::invalid(Some(&path), e.into_inner().to_string())
    })
}

fn to_json<T: Serialize>(r: Result<T, AdminError>) -> Result<Value, AdminError> {
    r.and_then(|v| serde_json::to_value(v).map_err(|e| AdminError::internal(format!("cannot encode the answer: {e}"))))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
) -> Result<T, AdminError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(AdminError::from),
        Err(e) => Err(AdminError::internal(format!("the database task failed: {e}"))),
    }
}
