//! The typed client: one method per operation, returning the service's own types. It talks to a
//! running server over the control socket, or (`Client::local`) to an offline `Service` in the
//! same process through the very same `dispatch` and JSON, so the CLI gets identical answers
//! either way. Transport failures are `AdminError::Unavailable`.

#[cfg(unix)]
use super::socket::write_line;
use super::*;
use crate::store::{LogPage, LogQuery};
use serde::de::DeserializeOwned;
use serde_json::Value;
#[cfg(unix)]
use serde_json::json;
use std::path::Path;
use std::sync::Arc;
#[cfg(unix)]
use tokio::io::{AsyncBufReadExt, BufReader};
#[cfg(unix)]
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};

/// The control socket is Unix only: elsewhere `connect` says so and only `Local` exists.
enum Transport {
    #[cfg(unix)]
    Socket {
        reader: BufReader<OwnedReadHalf>,
        writer: OwnedWriteHalf,
        next_id: u64,
    },
    Local(Arc<Service>),
}

pub struct Client {
    transport: Transport,
    /// The socket failed (write, read, or a closed connection): every later call fails too.
    broken: bool,
}

#[cfg(unix)]
fn lost(e: impl std::fmt::Display) -> AdminError {
    AdminError::unavailable(format!("the control connection was lost: {e}"))
}

#[cfg(unix)]
async fn read_json(reader: &mut BufReader<OwnedReadHalf>) -> Result<Value, AdminError> {
    let mut line = String::new();
    let n = reader.read_line(&mut line).await.map_err(lost)?;
    if n == 0 {
        return Err(AdminError::unavailable("the server closed the control connection"));
    }
    serde_json::from_str(&line).map_err(|e| AdminError::internal(format!("unreadable answer from the server: {e}")))
}

fn decode<T: DeserializeOwned>(v: Value) -> Result<T, AdminError> {
    serde_json::from_value(v).map_err(|e| AdminError::internal(format!("unexpected answer from the server: {e}")))
}

impl Client {
    /// Connect to a running server's socket (Unix only: elsewhere `Unavailable`, saying why).
    #[cfg(not(unix))]
    pub async fn connect(path: &Path) -> Result<Client, AdminError> {
        Err(AdminError::unavailable(format!(
            "no control socket at '{}': the control socket is not supported on this platform (Unix only)",
            path.display()
        )))
    }

    /// Connect to a running server's socket.
    #[cfg(unix)]
    pub async fn connect(path: &Path) -> Result<Client, AdminError> {
        let stream = tokio::net::UnixStream::connect(path).await.map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                AdminError::unavailable(format!("no server socket at '{}'", path.display()))
            }
            std::io::ErrorKind::ConnectionRefused => AdminError::unavailable("the server is not answering"),
            _ => AdminError::unavailable(format!("cannot connect to '{}': {e}", path.display())),
        })?;
        let (r, w) = stream.into_split();
        Ok(Client { transport: Transport::Socket { reader: BufReader::new(r), writer: w, next_id: 1 }, broken: false })
    }

    /// In-process, over a service (offline: the database and config on disk).
    pub fn local(service: Arc<Service>) -> Client {
        Client { transport: Transport::Local(service), broken: false }
    }

    /// Whether a running server answers (over the socket, or a local online service).
    pub fn server_running(&self) -> bool {
        match &self.transport {
            #[cfg(unix)]
            Transport::Socket { .. } => true,
            Transport::Local(s) => s.is_online(),
        }
    }

    /// Whether the connection failed (as opposed to the server refusing a request): the
    /// caller should reconnect.
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Call one operation by name with JSON arguments; the answer's `data`.
    pub async fn call_value(&mut self, op: &str, args: Value) -> Result<Value, AdminError> {
        if self.broken {
            return Err(AdminError::unavailable("the control connection was lost"));
        }
        match &mut self.transport {
            Transport::Local(s) => s.dispatch(op, args).await,
            #[cfg(unix)]
            Transport::Socket { reader, writer, next_id } => {
                let id = *next_id;
                *next_id += 1;
                let sent = write_line(writer, &json!({"id": id, "op": op, "args": args})).await.map_err(lost);
                let answer = match sent {
                    Ok(()) => loop {
                        match read_json(reader).await {
                            Ok(v) if v["id"] != id => continue,
                            other => break other,
                        }
                    },
                    Err(e) => Err(e),
                };
                let mut v = match answer {
                    Ok(v) => v,
                    Err(e) => {
                        self.broken = true;
                        return Err(e);
                    }
                };
                if v["ok"] == true { Ok(v["data"].take()) } else { Err(decode(v["error"].take())?) }
            }
        }
    }

    async fn call<T: DeserializeOwned>(&mut self, op: &str, args: Value) -> Result<T, AdminError> {
        decode(self.call_value(op, args).await?)
    }

    async fn call_with<A: serde::Serialize, T: DeserializeOwned>(
        &mut self,
        op: &str,
        args: &A,
    ) -> Result<T, AdminError> {
        let args = serde_json::to_value(args).map_err(|e| AdminError::internal(e.to_string()))?;
        self.call(op, args).await
    }

    pub async fn status(&mut self) -> Result<StatusInfo, AdminError> {
        self.call("status", Value::Null).await
    }
    pub async fn stats(&mut self, q: &StatsQuery) -> Result<StatsReport, AdminError> {
        self.call_with("stats", q).await
    }
    pub async fn logs_query(&mut self, q: &LogQuery) -> Result<LogPage, AdminError> {
        self.call_with("logs.query", q).await
    }
    pub async fn logs_show(&mut self, a: &LogShow) -> Result<LogDetail, AdminError> {
        self.call_with("logs.show", a).await
    }
    pub async fn logs_clear(&mut self) -> Result<Deleted, AdminError> {
        self.call("logs.clear", Value::Null).await
    }
    pub async fn keys_list(&mut self) -> Result<Vec<KeyInfo>, AdminError> {
        self.call("keys.list", Value::Null).await
    }
    pub async fn keys_set(&mut self, a: &KeySet) -> Result<Count, AdminError> {
        self.call_with("keys.set", a).await
    }
    pub async fn keys_enable(&mut self, k: &KeyRef) -> Result<KeyChange, AdminError> {
        self.call_with("keys.enable", k).await
    }
    pub async fn keys_disable(&mut self, k: &KeyRef) -> Result<KeyChange, AdminError> {
        self.call_with("keys.disable", k).await
    }
    pub async fn keys_reset(&mut self, s: &KeySelector) -> Result<Count, AdminError> {
        self.call_with("keys.reset", s).await
    }
    pub async fn users_list(&mut self) -> Result<Vec<UserView>, AdminError> {
        self.call("users.list", Value::Null).await
    }
    pub async fn users_add(&mut self, a: &UserAdd) -> Result<UserView, AdminError> {
        self.call_with("users.add", a).await
    }
    pub async fn users_remove(&mut self, a: &UserName) -> Result<UserView, AdminError> {
        self.call_with("users.remove", a).await
    }
    pub async fn users_passwd(&mut self, a: &UserPasswd) -> Result<UserView, AdminError> {
        self.call_with("users.passwd", a).await
    }
    pub async fn users_role(&mut self, a: &UserRole) -> Result<UserView, AdminError> {
        self.call_with("users.role", a).await
    }
    pub async fn users_enable(&mut self, a: &UserName, on: bool) -> Result<UserView, AdminError> {
        self.call_with(if on { "users.enable" } else { "users.disable" }, a).await
    }
    pub async fn users_keys_list(&mut self, a: &RelayKeysList) -> Result<Vec<RelayKeyView>, AdminError> {
        self.call_with("users.keys.list", a).await
    }
    pub async fn users_keys_create(&mut self, a: &RelayKeyCreate) -> Result<CreatedRelayKey, AdminError> {
        self.call_with("users.keys.create", a).await
    }
    pub async fn users_keys_revoke(&mut self, a: &RelayKeyRevoke) -> Result<RelayKeyView, AdminError> {
        self.call_with("users.keys.revoke", a).await
    }
    pub async fn users_invite(&mut self, a: &InviteCreate) -> Result<CreatedInvite, AdminError> {
        self.call_with("users.invite", a).await
    }
    pub async fn keys_add(&mut self, a: &KeysAdd) -> Result<KeyChange, AdminError> {
        self.call("keys.add", a.to_wire()).await
    }
    pub async fn keys_remove(&mut self, k: &KeyRef) -> Result<KeyChange, AdminError> {
        self.call_with("keys.remove", k).await
    }
    pub async fn providers_list(&mut self) -> Result<Vec<ProviderInfo>, AdminError> {
        self.call("providers.list", Value::Null).await
    }
    pub async fn providers_test(&mut self, a: &ProviderTest) -> Result<Vec<KeyTest>, AdminError> {
        self.call_with("providers.test", a).await
    }
    pub async fn providers_verify(&mut self, a: &ProviderVerify) -> Result<VerifyReport, AdminError> {
        self.call_with("providers.verify", a).await
    }
    pub async fn providers_models(&mut self, a: &ProviderName) -> Result<ModelList, AdminError> {
        self.call_with("providers.models", a).await
    }
    pub async fn config_get(&mut self) -> Result<ConfigView, AdminError> {
        self.call("config.get", Value::Null).await
    }
    pub async fn config_check(&mut self, a: &ConfigText) -> Result<ConfigReport, AdminError> {
        self.call_with("config.check", a).await
    }
    pub async fn config_put(&mut self, a: &ConfigPut) -> Result<ConfigWritten, AdminError> {
        self.call_with("config.put", a).await
    }
    pub async fn config_reload(&mut self) -> Result<Reloaded, AdminError> {
        self.call("config.reload", Value::Null).await
    }
    pub async fn sync_status(&mut self) -> Result<SyncStatus, AdminError> {
        self.call("sync.status", Value::Null).await
    }
    pub async fn sync_setup(&mut self, a: &SyncSetup) -> Result<SyncSetupDone, AdminError> {
        self.call_with("sync.setup", a).await
    }
    pub async fn sync_push(&mut self, a: &SyncPush) -> Result<SyncPushed, AdminError> {
        self.call_with("sync.push", a).await
    }
    pub async fn sync_pull(&mut self, a: &SyncPull) -> Result<SyncPulled, AdminError> {
        self.call_with("sync.pull", a).await
    }
    pub async fn sync_diff(&mut self, a: &SyncPull) -> Result<SyncPulled, AdminError> {
        self.call_with("sync.diff", a).await
    }
    pub async fn sync_history(&mut self, a: &SyncHistoryArgs) -> Result<Vec<SyncRevision>, AdminError> {
        self.call_with("sync.history", a).await
    }
    pub async fn usage(&mut self, a: &UsageQuery) -> Result<Usage, AdminError> {
        self.call_with("usage", a).await
    }
    pub async fn config_set(&mut self, a: &ConfigSet) -> Result<SettingsWritten, AdminError> {
        self.call_with("config.set", a).await
    }

    /// Follow live records matching `filter`; this connection then carries only the stream.
    pub async fn subscribe(self, filter: &LogQuery) -> Result<Subscription, AdminError> {
        match self.transport {
            Transport::Local(s) => Ok(Subscription::Local(s.logs_subscribe(filter.clone())?)),
            #[cfg(unix)]
            Transport::Socket { mut reader, mut writer, next_id } => {
                let args = serde_json::to_value(filter).map_err(|e| AdminError::internal(e.to_string()))?;
                write_line(&mut writer, &json!({"id": next_id, "op": "logs.subscribe", "args": args}))
                    .await
                    .map_err(lost)?;
                let mut v = read_json(&mut reader).await?;
                if v["ok"] != true {
                    return Err(decode(v["error"].take())?);
                }
                Ok(Subscription::Socket { reader, _writer: writer })
            }
        }
    }
}

/// A `logs.subscribe` stream.
pub enum Subscription {
    #[cfg(unix)]
    Socket {
        reader: BufReader<OwnedReadHalf>,
        _writer: OwnedWriteHalf,
    },
    Local(super::LiveRecords),
}

impl Subscription {
    /// The next event. Not cancel-safe on a socket: read it from one task.
    pub async fn next(&mut self) -> Result<LogEvent, AdminError> {
        match self {
            Subscription::Local(l) => l.next().await.ok_or_else(|| AdminError::unavailable("the server is stopping")),
            #[cfg(unix)]
            Subscription::Socket { reader, .. } => loop {
                let v = read_json(reader).await?;
                if v.get("event").is_some() {
                    return decode(v);
                }
            },
        }
    }
}
