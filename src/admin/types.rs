//! The request and response types of every management operation: what the control socket
//! carries, what the CLI prints and what `top` shows. One definition; every front end
//! deserializes these (never a copy of them). Every response field defaults, so a newer server's
//! answer reads in an older client.

use crate::keys::KeyStatus;
use crate::secret::Secret;
use crate::stats::Summary;
use crate::store::{GroupBy, LogEntry, ResponseKind};
use serde::{Deserialize, Deserializer, Serialize};
use std::path::PathBuf;

/// `Some(None)` for an explicit `null`, `None` when the field is absent.
fn double_option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

// ---- status ----

/// The last config reload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReloadInfo {
    /// Unix milliseconds of the last attempt.
    pub at_ms: Option<u64>,
    pub ok: bool,
    pub message: String,
    pub reloads: u64,
}

/// Records the request log's writer handled since the start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RecordCounters {
    pub stored: u64,
    pub dropped: u64,
    pub store_failed: u64,
    pub expired: u64,
}

/// The database's size.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DbSize {
    pub records: u64,
    pub bytes: u64,
}

/// A provider/model pair remembered as rejecting tools.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ToolRejection {
    pub provider: String,
    pub model: String,
}

/// `status`: the server's facts (offline: `running: false`, the version and the database).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StatusInfo {
    pub running: bool,
    pub version: String,
    pub pid: Option<u32>,
    pub uptime_secs: u64,
    /// The relay's address, once bound.
    pub listen: Option<String>,
    /// Requests being relayed now (a stream counts until its last byte), and how many stream.
    pub in_flight: u64,
    pub streams: u64,
    /// Where the config came from (a path or `(embedded default)`).
    pub config: Option<String>,
    pub reload: Option<ReloadInfo>,
    pub providers: usize,
    pub tools_unsupported: Vec<ToolRejection>,
    pub records: Option<RecordCounters>,
    pub subscribers: usize,
    /// `None` when the request log is off.
    pub db: Option<DbSize>,
    /// A stats summary since the process started.
    pub totals: Option<Summary>,
    /// The last sync failure not yet followed by a success (auto-push included).
    pub sync_error: Option<crate::sync::Failure>,
    /// Requests and errors recorded in the last 60 seconds.
    pub last_minute: Option<RecentCounts>,
    /// With shared backends (`storage`/`state`): this instance, the live ones, degraded or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<crate::state::ClusterStatus>,
}

/// Requests and errors over a recent window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RecentCounts {
    pub requests: u64,
    pub errors: u64,
}

// ---- keys ----

/// One upstream key and its state (never the key itself).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KeyInfo {
    pub provider: String,
    pub label: String,
    /// What counts now: the runtime override, else the config.
    pub enabled: bool,
    pub config_enabled: bool,
    pub enabled_override: Option<bool>,
    pub weight: f64,
    pub weight_override: Option<f64>,
    /// `None` when no server runs (the list then comes from the config).
    pub status: Option<KeyStatus>,
    pub requests: u64,
    pub failures: u64,
    pub quota_used: u64,
    pub quota_limit: u64,
    pub last_error: Option<String>,
    /// Unix milliseconds of the last request sent with it.
    pub last_used_ms: Option<u64>,
}

/// A provider's key, or (label omitted) every key of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeySelector {
    pub provider: String,
    #[serde(default)]
    pub label: Option<String>,
}

/// One key by provider and label.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyRef {
    pub provider: String,
    pub label: String,
}

/// `keys.set`: runtime overrides (kept across reloads, not restarts). Absent: unchanged;
/// `null`: follow the config again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeySet {
    pub provider: String,
    pub label: String,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Option<bool>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    pub weight: Option<Option<f64>>,
}

/// A key to add. The key is a secret: it never prints, and serializes only as `*****` except
/// through `KeysAdd::to_wire` (the client's one way to send it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewKey {
    /// The key, or a `${ENV_VAR}` reference.
    #[schema(value_type = String)]
    pub key: Secret<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub weight: Option<f64>,
}

/// `keys.add`: one or many keys (an import) for one provider, written to config.yml in place.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeysAdd {
    pub provider: String,
    pub keys: Vec<NewKey>,
    /// Skip keys the provider already has instead of refusing the whole request.
    #[serde(default)]
    pub skip_existing: bool,
}

impl KeysAdd {
    /// The request as sent on the socket: with the keys themselves.
    pub fn to_wire(&self) -> serde_json::Value {
        let keys: Vec<serde_json::Value> = self
            .keys
            .iter()
            .map(|k| serde_json::json!({"key": k.key.expose(), "label": k.label, "weight": k.weight}))
            .collect();
        serde_json::json!({"provider": self.provider, "keys": keys, "skip_existing": self.skip_existing})
    }
}

/// What a config-changing key operation did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KeyChange {
    pub provider: String,
    /// The labels added, removed or changed.
    pub labels: Vec<String>,
    /// Keys skipped as already present (`keys.add` with `skip_existing`).
    pub skipped: usize,
    /// config.yml was changed (else: only the running server, until its next restart).
    #[schema(value_type = Option<String>)]
    pub written: Option<PathBuf>,
    /// The running server took the change.
    pub applied: bool,
}

/// How many keys an operation touched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Count {
    pub count: u64,
}

// ---- logs and stats ----

/// A record id: the number, or the short id as `logs tail` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum LogId {
    Number(u64),
    Short(String),
}

/// `logs.show`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogShow {
    pub id: LogId,
    /// Include the bodies (default true).
    #[serde(default)]
    pub bodies: Option<bool>,
}

/// The stored bodies of a record: each JSON when it parses, else a string.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BodiesView {
    pub request: serde_json::Value,
    pub upstream_request: Option<serde_json::Value>,
    pub response: serde_json::Value,
    pub response_kind: ResponseKind,
    pub truncated: bool,
    pub redacted: bool,
}

/// `logs.show`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LogDetail {
    pub entry: LogEntry,
    pub bodies: Option<BodiesView>,
}

/// What `logs.subscribe` streams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum LogEvent {
    Record(Box<LogEntry>),
    /// The subscriber fell behind and missed this many records.
    Lagged(u64),
}

/// `stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Default: 24 h ago.
    pub since_ms: Option<u64>,
    /// Default: now.
    pub until_ms: Option<u64>,
    pub by: GroupBy,
}

/// One group of `stats`: its name and summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatsGroup {
    #[serde(default)]
    pub group: String,
    #[serde(flatten)]
    pub summary: Summary,
}

/// `stats`' answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StatsReport {
    pub since_ms: u64,
    pub until_ms: u64,
    pub by: GroupBy,
    pub total: Summary,
    pub groups: Vec<StatsGroup>,
}

/// How many records an operation deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Deleted {
    pub deleted: u64,
}

// ---- providers ----

/// One configured provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProviderInfo {
    pub name: String,
    /// `api`, `anthropic`, `web_reverse` or `mock`.
    pub kind: String,
    pub enabled: bool,
    pub base_url: String,
    pub strategy: String,
    /// The include list (empty: any model routing sends).
    pub models: Vec<String>,
    /// The exclude list (globs; these models are never sent here).
    pub exclude: Vec<String>,
    pub keys: Vec<KeyInfo>,
    /// Models remembered as rejecting tools (their tool calls are downgraded).
    pub tools_unsupported: Vec<String>,
}

impl ProviderInfo {
    /// Keys usable now; `None` when the states are unknown (no server).
    pub fn keys_usable(&self) -> Option<usize> {
        self.keys
            .iter()
            .map(|k| k.status.as_ref().map(KeyStatus::usable))
            .try_fold(0, |n, u| u.map(|u| n + usize::from(u)))
    }
}

/// `providers.test`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderTest {
    /// Providers to test (default: every enabled one).
    pub names: Vec<String>,
    /// Model to test with (default: the provider's test_model, else its first included model).
    pub model: Option<String>,
}

/// `providers.test_key`: one key of one provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderKeyTest {
    pub provider: String,
    /// The key's label.
    pub key: String,
    /// Model to test with (default: the provider's test_model, else its first included model).
    pub model: Option<String>,
}

/// One key's test result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KeyTest {
    pub provider: String,
    /// The key's label (`-` when the provider could not be tested at all).
    pub key: String,
    pub model: Option<String>,
    pub ok: bool,
    /// The upstream's HTTP status; 0 when none came (connection error).
    pub status: u16,
    pub latency_ms: f64,
    pub message: String,
}

/// `providers.verify`: three probes (text, tool call, stream) with one key of one provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProviderVerify {
    pub provider: String,
    /// The key's label (default: the first enabled key).
    pub key: Option<String>,
    /// Model to probe (default: the provider's test_model, else its first included model).
    pub model: Option<String>,
}

/// One probe of `providers.verify`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VerifyCheck {
    /// `text`, `tool_call` or `stream`.
    pub check: String,
    pub ok: bool,
    /// Not run (the upstream has no such API); `ok` is false.
    pub skipped: bool,
    /// The upstream's HTTP status; 0 when none came (connection error, timeout, skipped).
    pub status: u16,
    pub latency_ms: f64,
    /// Stream only: time to the first text.
    pub first_token_ms: Option<f64>,
    pub message: String,
}

/// What `providers.verify` found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VerifyReport {
    pub provider: String,
    /// The key's label.
    pub key: String,
    pub model: String,
    /// Every check that ran passed.
    pub ok: bool,
    pub checks: Vec<VerifyCheck>,
}

/// `providers.models`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderName {
    pub name: String,
}

/// A provider's model list, as fetched from its upstream.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ModelList {
    pub provider: String,
    pub models: Vec<String>,
    /// Where the list is cached (`/v1/models` lists it).
    #[schema(value_type = Option<String>)]
    pub cached: Option<PathBuf>,
}

// ---- config ----

/// `config.get`: the config file with every secret shown as `***`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ConfigView {
    /// A path, or `(embedded default)`.
    pub source: String,
    #[schema(value_type = Option<String>)]
    pub path: Option<PathBuf>,
    pub text: String,
}

/// `config.check`: check this text (default: the config file as it is on disk).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigText {
    pub text: Option<String>,
}

/// `config.check`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ConfigReport {
    pub ok: bool,
    pub source: String,
    /// Every problem, each starting with its key path.
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
    pub providers: usize,
}

/// `config.put`: the whole new config text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigPut {
    pub text: String,
}

/// What `config.put` did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ConfigWritten {
    #[schema(value_type = String)]
    pub path: PathBuf,
    /// The previous file, kept.
    #[schema(value_type = Option<String>)]
    pub backup: Option<PathBuf>,
    /// The running server reloaded it.
    pub reloaded: bool,
}

/// `config.reload`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Reloaded {
    pub reloaded: bool,
    pub message: String,
}

// ---- users and relay keys (`users.*`) ----

/// A user as the admin layer shows it (never the password hash).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UserView {
    pub name: String,
    pub email: Option<String>,
    pub role: crate::auth::Role,
    pub active: bool,
    pub has_password: bool,
    /// `provider:subject` of each linked SSO identity.
    pub sso: Vec<String>,
    pub created_ms: u64,
    pub last_login_ms: Option<u64>,
    pub relay_keys: usize,
}

/// `users.add`. The password travels only over the owner-only control socket (or in-process).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct UserAdd {
    pub name: String,
    pub role: crate::auth::Role,
    pub email: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for UserAdd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserAdd").field("name", &self.name).field("role", &self.role).finish_non_exhaustive()
    }
}

/// `users.invite`: an invite code for `sso.registration: invite` (default: role `user`, 7 days).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InviteCreate {
    pub role: crate::auth::Role,
    pub expires_hours: Option<u64>,
}

/// `users.invite`'s answer: the code, shown this once (only its hash is kept).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreatedInvite {
    pub code: String,
    pub role: crate::auth::Role,
    pub expires_ms: u64,
}

impl std::fmt::Debug for CreatedInvite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedInvite").field("role", &self.role).field("expires_ms", &self.expires_ms).finish()
    }
}

/// `users.remove`, `users.enable`, `users.disable`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct UserName {
    pub name: String,
}

/// `users.passwd`: sets the password and ends the user's sessions.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct UserPasswd {
    pub name: String,
    pub password: String,
}

impl std::fmt::Debug for UserPasswd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserPasswd").field("name", &self.name).finish_non_exhaustive()
    }
}

/// `users.role`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct UserRole {
    pub name: String,
    pub role: crate::auth::Role,
}

/// `users.keys.list`: one user's keys, or everyone's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RelayKeysList {
    pub user: Option<String>,
}

/// `users.keys.create`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RelayKeyCreate {
    pub user: String,
    pub label: Option<String>,
    /// Allowed model globs (empty: all).
    pub models: Vec<String>,
    pub rpm: Option<u32>,
    pub tokens_per_day: Option<u64>,
    pub cost_per_month: Option<f64>,
    /// Unix milliseconds.
    pub expires_ms: Option<u64>,
}

/// `users.keys.revoke`: the key's public prefix (`mr-…`, as listed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RelayKeyRevoke {
    pub prefix: String,
}

/// A relay key as listed: its public prefix, owner, limits and usage in the current windows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RelayKeyView {
    pub prefix: String,
    pub user: String,
    pub label: String,
    pub created_ms: u64,
    pub last_used_ms: Option<u64>,
    pub expires_ms: Option<u64>,
    pub revoked: bool,
    pub limits: crate::auth::Limits,
    pub requests: u64,
    pub requests_this_minute: u32,
    pub tokens_today: u64,
    pub cost_this_month_usd: f64,
}

/// `users.keys.create`'s answer: the key itself, shown this once.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CreatedRelayKey {
    pub key: String,
    pub info: RelayKeyView,
}

impl std::fmt::Debug for CreatedRelayKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedRelayKey").field("info", &self.info).finish_non_exhaustive()
    }
}
