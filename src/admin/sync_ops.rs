//! `sync.*`: back the config up to a private GitHub Gist or a WebDAV collection and bring it back
//! — `setup` (verify the token, find or create the Gist, record its id), `push`, `pull` (`diff`
//! is a pull that writes nothing), `history` and `status` — plus `auto_push`, the debounced
//! push after config changes that the server runs as a supervised task.
//!
//! Rules kept here: secrets leave only encrypted (or not at all); a push refuses when the remote
//! moved since the last sync, a pull refuses to overwrite local edits made since the last sync,
//! both unless forced; a pulled config passes the normal checks before anything is written, the
//! replaced file is kept as a timestamped backup, the write is atomic and a running server
//! reloads it. Every failure leaves the local config untouched and is recorded for `status`.

use super::{AdminError, Service, StatsQuery};
use crate::config::{self, GITHUB_API, WebdavConfig, edit};
use crate::secret::Secret;
use crate::sync::gist::GistClient;
use crate::sync::webdav::{Precondition, WebdavClient};
use crate::sync::{self as s, Failure, Secrets, Snapshot, SyncError, SyncState, TokenSource};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Changes closer together than this make one auto-push.
pub const AUTO_PUSH_DEBOUNCE: Duration = Duration::from_secs(2);

/// One sync operation at a time in this process (an auto-push and a manual push must not race
/// on the recorded version).
static SYNC_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Where a push goes or a pull comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SyncTarget {
    #[default]
    Gist,
    Webdav,
}

impl SyncTarget {
    fn name(self) -> &'static str {
        match self {
            SyncTarget::Gist => "the Gist",
            SyncTarget::Webdav => "WebDAV",
        }
    }
}

/// `sync.setup` arguments. `token`: store this token (0600 in the data dir) after verifying it;
/// without it the environment's or the stored one is verified. `api_base`: the GitHub API base
/// when the config sets none (GitHub Enterprise, tests).
#[derive(Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SyncSetup {
    pub token: Option<String>,
    pub api_base: Option<String>,
}

impl std::fmt::Debug for SyncSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncSetup")
            .field("token", &self.token.as_ref().map(|_| "*****"))
            .field("api_base", &self.api_base)
            .finish()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncSetupDone {
    pub gist_id: String,
    /// The Gist was created now (else an existing one was found or kept).
    pub created: bool,
    pub api_base: String,
    pub token: TokenSource,
    /// The token given was stored in the data dir.
    pub token_stored: bool,
    pub html_url: Option<String>,
    /// `sync.gist_id` was written into the config file.
    pub config_updated: bool,
}

/// `sync.push` arguments. `passphrase` (else `MONORELAY_SYNC_PASSPHRASE` where the operation
/// runs) encrypts the secrets; without one they are not pushed.
#[derive(Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SyncPush {
    pub target: SyncTarget,
    /// Push even though the remote changed since the last sync.
    pub force: bool,
    /// Also push a stats snapshot (`stats.json`: the last 24 h by provider).
    pub with_stats: bool,
    pub passphrase: Option<String>,
}

impl std::fmt::Debug for SyncPush {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncPush")
            .field("target", &self.target)
            .field("force", &self.force)
            .field("with_stats", &self.with_stats)
            .field("passphrase", &self.passphrase.as_ref().map(|_| "*****"))
            .finish()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncPushed {
    pub target: SyncTarget,
    /// The remote version now (Gist revision or WebDAV ETag).
    pub version: Option<String>,
    /// The version it replaced.
    pub previous: Option<String>,
    /// Secret values in the config (and the data dir's access key).
    pub secret_count: usize,
    /// They went encrypted in `secrets.age` (false: no passphrase, not pushed at all).
    pub secrets_pushed: bool,
    pub files: Vec<String>,
}

/// `sync.pull` / `sync.diff` arguments.
#[derive(Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SyncPull {
    pub target: SyncTarget,
    /// A Gist revision (from `history`) instead of the head.
    pub revision: Option<String>,
    /// Replace the local config even if it changed since the last sync.
    pub force: bool,
    /// Show what would change; write nothing.
    pub dry_run: bool,
    pub passphrase: Option<String>,
}

impl std::fmt::Debug for SyncPull {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncPull")
            .field("target", &self.target)
            .field("revision", &self.revision)
            .field("force", &self.force)
            .field("dry_run", &self.dry_run)
            .field("passphrase", &self.passphrase.as_ref().map(|_| "*****"))
            .finish()
    }
}

/// Where the secrets of a pulled config came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecretsFrom {
    /// Decrypted from `secrets.age` (any it lacked kept their local values).
    Decrypted,
    /// No passphrase, or none pushed: the local values were kept.
    #[default]
    Local,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncPulled {
    pub target: SyncTarget,
    pub version: Option<String>,
    /// The pulled config differs from the local one.
    pub changed: bool,
    pub written: bool,
    pub dry_run: bool,
    /// Unified line diff local → pulled, secrets shown as references.
    pub diff: String,
    pub secrets: SecretsFrom,
    /// The replaced file, kept.
    #[schema(value_type = Option<String>)]
    pub backup: Option<PathBuf>,
    pub reloaded: bool,
    /// The data dir's access key was restored from the pushed secrets.
    pub access_key_restored: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SyncHistoryArgs {
    /// At most this many revisions (default 20, up to 100).
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncRevision {
    pub version: String,
    pub committed_at: Option<String>,
    pub additions: u64,
    pub deletions: u64,
    /// The revision last pushed or pulled here.
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncStatus {
    pub gist_id: Option<String>,
    pub api_base: String,
    pub token: TokenSource,
    /// A passphrase is set where the operations run (`MONORELAY_SYNC_PASSPHRASE`).
    pub passphrase: bool,
    pub auto_push: bool,
    pub webdav_url: Option<String>,
    pub gist_version: Option<String>,
    pub webdav_etag: Option<String>,
    pub last_push_ms: Option<u64>,
    pub last_pull_ms: Option<u64>,
    /// Whether the last push carried the secrets (`false`: no passphrase, they were not pushed).
    pub secrets_pushed: Option<bool>,
    /// The local config changed since the last push or pull (`None`: never synced).
    pub local_changed: Option<bool>,
    pub last_error: Option<Failure>,
}

/// Sync settings in force: the config's `sync`, else what `setup` recorded.
struct Settings {
    gist_id: Option<String>,
    api_base: String,
    webdav: Option<WebdavConfig>,
    auto_push: bool,
}

impl From<SyncError> for AdminError {
    fn from(e: SyncError) -> AdminError {
        let m = e.to_string();
        match e {
            SyncError::NotConfigured(_) => AdminError::unavailable(m),
            SyncError::Auth(_) => AdminError::forbidden(m),
            SyncError::NotFound(_) => AdminError::not_found(m),
            SyncError::Conflict(_) => AdminError::conflict(m),
            SyncError::RateLimited(_) | SyncError::Network(_) | SyncError::Remote(_) => AdminError::unavailable(m),
            SyncError::Secrets(s::SecretsError::WrongPassphrase) => AdminError::forbidden(m),
            SyncError::Secrets(_) | SyncError::Invalid(_) => AdminError::invalid(None, m),
            SyncError::Io(_) => AdminError::internal(m),
        }
    }
}

fn now_ms() -> u64 {
    crate::store::unix_ms(SystemTime::now())
}

fn short(v: &str) -> &str {
    v.get(..12).unwrap_or(v)
}

fn passphrase(given: Option<String>) -> Option<Secret<String>> {
    given.filter(|p| !p.is_empty()).map(Secret::new).or_else(s::env_passphrase)
}

impl Service {
    fn sync_settings(&self, state: &SyncState) -> Settings {
        let cfg = self.config().map(|c| c.sync.clone()).unwrap_or_default();
        let api_base =
            if cfg.api_base != GITHUB_API { cfg.api_base } else { state.api_base.clone().unwrap_or(cfg.api_base) };
        Settings {
            gist_id: cfg.gist_id.or_else(|| state.gist_id.clone()),
            api_base,
            webdav: cfg.webdav,
            auto_push: cfg.auto_push,
        }
    }

    fn gist_client(&self, settings: &Settings) -> Result<GistClient, SyncError> {
        let (token, _) = s::token(&self.data_dir);
        let token = token.ok_or_else(|| {
            SyncError::NotConfigured(
                "no GitHub token: set MONORELAY_GITHUB_TOKEN (or GITHUB_TOKEN), or run 'monorelay sync setup --token-stdin'"
                    .into(),
            )
        })?;
        GistClient::new(&settings.api_base, &token)
    }

    fn gist_id(settings: &Settings) -> Result<String, SyncError> {
        settings
            .gist_id
            .clone()
            .ok_or_else(|| SyncError::NotConfigured("no Gist yet: run 'monorelay sync setup' first".into()))
    }

    fn webdav_client(settings: &Settings) -> Result<WebdavClient, SyncError> {
        let conf = settings
            .webdav
            .as_ref()
            .ok_or_else(|| SyncError::NotConfigured("no WebDAV target: set sync.webdav.url in the config".into()))?;
        WebdavClient::new(conf)
    }

    /// The config file sync reads and writes.
    fn sync_config_path(&self) -> Result<PathBuf, SyncError> {
        self.config_path.clone().ok_or_else(|| {
            SyncError::NotConfigured(
                "serving the embedded default: there is no config file to sync (start with --config)".into(),
            )
        })
    }

    /// Record a failure for `status` and the log; pass the result on.
    fn note<T>(&self, op: &str, r: Result<T, SyncError>) -> Result<T, AdminError> {
        if let Err(e) = &r {
            tracing::warn!(op, error = %e, "sync failed");
            if let Ok(mut st) = self.load_sync_state() {
                st.last_error = Some(Failure { at_ms: now_ms(), op: op.to_string(), message: e.to_string() });
                let _ = self.save_sync_state(&st);
            }
        }
        r.map_err(AdminError::from)
    }

    pub fn sync_status(&self) -> Result<SyncStatus, AdminError> {
        let state = self.load_sync_state()?;
        let settings = self.sync_settings(&state);
        let local_changed = match (&state.local_sha256, &self.config_path) {
            (Some(sha), Some(p)) => Some(std::fs::read_to_string(p).map(|t| s::sha256_hex(&t) != *sha).unwrap_or(true)),
            _ => None,
        };
        Ok(SyncStatus {
            gist_id: settings.gist_id,
            api_base: settings.api_base,
            token: s::token(&self.data_dir).1,
            passphrase: s::env_passphrase().is_some(),
            auto_push: settings.auto_push,
            webdav_url: settings.webdav.map(|w| w.url),
            gist_version: state.gist_version,
            webdav_etag: state.webdav_etag,
            last_push_ms: state.last_push_ms,
            last_pull_ms: state.last_pull_ms,
            secrets_pushed: state.secrets_pushed,
            local_changed,
            last_error: state.last_error,
        })
    }

    pub async fn sync_setup(&self, a: SyncSetup) -> Result<SyncSetupDone, AdminError> {
        let _g = SYNC_LOCK.lock().await;
        let r = self.setup_inner(a).await;
        self.note("setup", r)
    }

    async fn setup_inner(&self, a: SyncSetup) -> Result<SyncSetupDone, SyncError> {
        let mut state = self.load_sync_state()?;
        if let Some(base) = a.api_base.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            if !(base.starts_with("http://") || base.starts_with("https://")) {
                return Err(SyncError::Invalid(format!("api_base: must be an http:// or https:// URL, got '{base}'")));
            }
            state.api_base = Some(base.trim_end_matches('/').to_string());
        }
        let settings = self.sync_settings(&state);
        let given = a.token.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| Secret::new(t.to_string()));
        let (token, source) = match given {
            Some(t) => (t, TokenSource::File),
            None => match s::token(&self.data_dir) {
                (Some(t), src) => (t, src),
                (None, _) => {
                    return Err(SyncError::NotConfigured(
                        "no GitHub token: set MONORELAY_GITHUB_TOKEN (or GITHUB_TOKEN), or pass one with --token-stdin (a token with the 'gist' scope)".into(),
                    ));
                }
            },
        };
        let client = GistClient::new(&settings.api_base, &token)?;
        client.verify().await?;
        let token_stored = if a.token.is_some() {
            s::store_token(&self.data_dir, &token)?;
            true
        } else {
            false
        };
        // The Gist: the one recorded, if it still exists; else ours by description; else a new one.
        let mut found = None;
        if let Some(id) = &settings.gist_id {
            match client.get(id, None).await {
                Ok(g) => found = Some((g, false)),
                Err(SyncError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        if found.is_none() {
            if let Some(id) = client.find().await? {
                found = Some((client.get(&id, None).await?, false));
            }
        }
        let (gist, created) = match found {
            Some(f) => f,
            None => {
                let files = BTreeMap::from([(
                    s::MANIFEST_FILE.to_string(),
                    serde_json::json!({"monorelay": env!("CARGO_PKG_VERSION"), "format": 1}).to_string(),
                )]);
                (client.create(&files).await?, true)
            }
        };
        if state.gist_id.as_deref() != Some(gist.id.as_str()) {
            // Another Gist: what was synced with the old one says nothing about this one.
            state.gist_version = None;
        }
        state.gist_id = Some(gist.id.clone());
        state.last_error = None;
        self.save_sync_state(&state)?;
        // Record the id in the config file, in place, when there is one.
        let mut config_updated = false;
        if let Some(path) = self.config_path.clone().filter(|p| p.exists()) {
            let text =
                std::fs::read_to_string(&path).map_err(|e| SyncError::Io(format!("'{}': {e}", path.display())))?;
            let current = self.config().ok().and_then(|c| c.sync.gist_id.clone());
            if current.as_deref() != Some(gist.id.as_str()) {
                let new = edit::set_scalar(&text, "sync", "gist_id", &gist.id).map_err(SyncError::Invalid)?;
                self.write_config(&path, &new, false).await.map_err(|e| SyncError::Invalid(e.to_string()))?;
                config_updated = true;
            }
        }
        Ok(SyncSetupDone {
            gist_id: gist.id,
            created,
            api_base: settings.api_base,
            token: source,
            token_stored,
            html_url: gist.html_url,
            config_updated,
        })
    }

    pub async fn sync_push(&self, a: SyncPush) -> Result<SyncPushed, AdminError> {
        let _g = SYNC_LOCK.lock().await;
        let r = self.push_inner(a).await;
        self.note("push", r)
    }

    /// Secrets that live outside the config text: the data dir's generated access key.
    fn extra_secrets(&self, found_access_key: bool) -> Secrets {
        let mut extra = Secrets::default();
        if !found_access_key {
            if let Ok(k) = std::fs::read_to_string(self.data_dir.join(crate::access_key::FILE_NAME)) {
                if !k.trim().is_empty() {
                    extra.0.insert(s::DATA_DIR_ACCESS_KEY.to_string(), k.trim().to_string());
                }
            }
        }
        extra
    }

    async fn push_inner(&self, a: SyncPush) -> Result<SyncPushed, SyncError> {
        let mut state = self.load_sync_state()?;
        let settings = self.sync_settings(&state);
        let path = self.sync_config_path()?;
        let text = std::fs::read_to_string(&path)
            .map_err(|e| SyncError::NotConfigured(format!("cannot read the config '{}': {e}", path.display())))?;
        let has_access_key = self.config().is_ok_and(|c| c.server.access_key.is_some());
        let pass = passphrase(a.passphrase);
        let snap = Snapshot::build(&text, self.extra_secrets(has_access_key), pass.as_ref())?;
        let stats = if a.with_stats {
            let report = self
                .stats(StatsQuery::default())
                .await
                .map_err(|e| SyncError::NotConfigured(format!("--with-stats: {e}")))?;
            Some(serde_json::to_string_pretty(&report).map_err(|e| SyncError::Io(e.to_string()))?)
        } else {
            None
        };
        let mut files: BTreeMap<String, Option<String>> = BTreeMap::new();
        files.insert(s::CONFIG_FILE.into(), Some(snap.config.clone()));
        files.insert(s::MANIFEST_FILE.into(), Some(snap.manifest.clone()));
        // Without a passphrase an older secrets.age would no longer match the config: remove it.
        files.insert(s::SECRETS_FILE.into(), snap.secrets_age.clone());
        if let Some(st) = stats {
            files.insert(s::STATS_FILE.into(), Some(st));
        }
        let (previous, version) = match a.target {
            SyncTarget::Gist => {
                let id = Self::gist_id(&settings)?;
                let client = self.gist_client(&settings)?;
                let remote = client.get(&id, None).await?;
                let previous = remote.version.clone();
                if !a.force {
                    match (&state.gist_version, &remote.version) {
                        (Some(mine), Some(theirs)) if mine != theirs => {
                            return Err(SyncError::Conflict(format!(
                                "the Gist changed since the last sync here: it is at revision '{}', this machine last synced '{}'; run 'monorelay sync pull' (or 'sync diff') first, or push --force to overwrite it",
                                short(theirs),
                                short(mine)
                            )));
                        }
                        (None, Some(theirs)) if remote.files.contains_key(s::CONFIG_FILE) => {
                            return Err(SyncError::Conflict(format!(
                                "the Gist already holds a config (revision '{}') that was never pulled here; run 'monorelay sync pull' first, or push --force to overwrite it",
                                short(theirs)
                            )));
                        }
                        _ => {}
                    }
                }
                // A file the Gist does not have cannot be deleted: drop such removals.
                files.retain(|k, v| v.is_some() || remote.files.contains_key(k));
                let after = client.patch(&id, &files).await?;
                state.gist_version = after.version.clone();
                (previous, after.version)
            }
            SyncTarget::Webdav => {
                let client = Self::webdav_client(&settings)?;
                client.ensure_collection().await?;
                let current = client.etag_of(s::CONFIG_FILE).await?;
                let pre = if a.force {
                    Precondition::None
                } else {
                    match (&state.webdav_etag, &current) {
                        (Some(mine), Some(theirs)) if mine != theirs => {
                            return Err(SyncError::Conflict(format!(
                                "the WebDAV copy changed since the last sync here: its ETag is {theirs}, this machine last synced {mine}; pull first, or push --force to overwrite it"
                            )));
                        }
                        (None, Some(theirs)) => {
                            return Err(SyncError::Conflict(format!(
                                "the WebDAV collection already holds a config (ETag {theirs}) that was never pulled here; pull first, or push --force to overwrite it"
                            )));
                        }
                        (Some(mine), _) => Precondition::IfMatch(mine),
                        (None, None) => Precondition::IfAbsent,
                    }
                };
                // Secrets and the rest first, config.yml (the versioned file) last.
                for (name, content) in files.iter().filter(|(k, _)| k.as_str() != s::CONFIG_FILE) {
                    match content {
                        Some(c) => {
                            client.put(name, c, Precondition::None).await?;
                        }
                        None => client.delete(name).await?,
                    }
                }
                let etag = client.put(s::CONFIG_FILE, &snap.config, pre).await?;
                state.webdav_etag = etag.clone();
                (current, etag)
            }
        };
        state.local_sha256 = Some(s::sha256_hex(&text));
        state.last_push_ms = Some(now_ms());
        state.secrets_pushed = Some(snap.secrets_age.is_some());
        state.last_error = None;
        self.save_sync_state(&state)?;
        tracing::info!(target_ = a.target.name(), version = version.as_deref().unwrap_or(""), "sync: pushed");
        Ok(SyncPushed {
            target: a.target,
            version,
            previous,
            secret_count: snap.secret_count,
            secrets_pushed: snap.secrets_age.is_some(),
            files: files.into_iter().filter(|(_, v)| v.is_some()).map(|(k, _)| k).collect(),
        })
    }

    pub async fn sync_pull(&self, a: SyncPull) -> Result<SyncPulled, AdminError> {
        let _g = SYNC_LOCK.lock().await;
        let r = self.pull_inner(a).await;
        self.note("pull", r)
    }

    /// `pull --dry-run`: what a pull would change.
    pub async fn sync_diff(&self, mut a: SyncPull) -> Result<SyncPulled, AdminError> {
        a.dry_run = true;
        self.sync_pull(a).await
    }

    async fn pull_inner(&self, a: SyncPull) -> Result<SyncPulled, SyncError> {
        let mut state = self.load_sync_state()?;
        let settings = self.sync_settings(&state);
        let path = self.sync_config_path()?;
        // Fetch.
        let (files, version) = match a.target {
            SyncTarget::Gist => {
                let id = Self::gist_id(&settings)?;
                let g = self.gist_client(&settings)?.get(&id, a.revision.as_deref()).await?;
                (g.files, g.version)
            }
            SyncTarget::Webdav => {
                if a.revision.is_some() {
                    return Err(SyncError::Invalid("WebDAV keeps no revisions: --revision is for the Gist".into()));
                }
                let client = Self::webdav_client(&settings)?;
                let mut files = BTreeMap::new();
                let mut etag = None;
                if let Some((c, e)) = client.get(s::CONFIG_FILE).await? {
                    files.insert(s::CONFIG_FILE.to_string(), c);
                    etag = e;
                }
                if let Some((c, _)) = client.get(s::SECRETS_FILE).await? {
                    files.insert(s::SECRETS_FILE.to_string(), c);
                }
                (files, etag)
            }
        };
        let remote_text = files.get(s::CONFIG_FILE).ok_or_else(|| {
            SyncError::NotFound(format!(
                "{} holds no config.yml yet: push from the machine that has the config",
                a.target.name()
            ))
        })?;
        // Secrets: decrypted when we can, else the local values.
        let pass = passphrase(a.passphrase);
        let (mut secrets, from) = match (files.get(s::SECRETS_FILE), &pass) {
            (Some(sealed), Some(p)) => (s::secrets::open(sealed, p)?, SecretsFrom::Decrypted),
            _ => (Secrets::default(), SecretsFrom::Local),
        };
        let local_text = match std::fs::read_to_string(&path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(SyncError::Io(format!("cannot read '{}': {e}", path.display()))),
        };
        if let Some(local) = &local_text {
            for (k, v) in s::secrets::extract(local).1.0 {
                secrets.0.entry(k).or_insert(v);
            }
        }
        let (new_text, missing) = s::secrets::inject(remote_text, &secrets);
        if !missing.is_empty() {
            let why = if files.contains_key(s::SECRETS_FILE) && pass.is_none() {
                "secrets.age is there: set MONORELAY_SYNC_PASSPHRASE (or give the passphrase) to decrypt it"
            } else if !files.contains_key(s::SECRETS_FILE) {
                "they were pushed without a passphrase, so only a local config can supply them"
            } else {
                "secrets.age does not hold them either"
            };
            return Err(SyncError::Invalid(format!(
                "the pulled config needs secrets it does not carry ({}); {why}. The local config is untouched",
                missing.join(", ")
            )));
        }
        // The normal checks, before anything is written.
        if let Err(e) =
            config::load_str(&new_text, config::ConfigSource::File(path.clone()), &|n| std::env::var(n).ok())
        {
            return Err(SyncError::Invalid(format!(
                "the pulled config does not pass the checks, so the local config is untouched: {}",
                e.problems.join("; ")
            )));
        }
        let diff_old = local_text.as_deref().map(|t| s::secrets::extract(t).0).unwrap_or_default();
        let diff = s::diff(&diff_old, remote_text);
        let changed = local_text.as_deref() != Some(new_text.as_str());
        let mut out = SyncPulled {
            target: a.target,
            version: version.clone(),
            changed,
            dry_run: a.dry_run,
            diff,
            secrets: from,
            ..SyncPulled::default()
        };
        if a.dry_run {
            return Ok(out);
        }
        // Local edits since the last sync are not overwritten silently.
        if let (Some(local), false, true) = (&local_text, a.force, changed) {
            let sha = s::sha256_hex(local);
            if state.local_sha256.as_deref() != Some(sha.as_str()) {
                return Err(SyncError::Conflict(format!(
                    "'{}' has {} since the last sync; 'monorelay sync diff' shows what a pull would change, and pull --force replaces it (a backup is kept)",
                    path.display(),
                    if state.local_sha256.is_some() {
                        "been edited"
                    } else {
                        "never been synced and differs from the remote"
                    }
                )));
            }
        }
        if changed {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| SyncError::Io(format!("cannot create '{}': {e}", dir.display())))?;
            }
            if local_text.is_some() {
                let stamp = time::OffsetDateTime::now_utc()
                    .format(time::macros::format_description!("[year][month][day]T[hour][minute][second]"))
                    .unwrap_or_default();
                let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                let bak = path.with_file_name(format!("{name}.{stamp}.bak"));
                std::fs::copy(&path, &bak)
                    .map_err(|e| SyncError::Io(format!("cannot keep a backup '{}': {e}", bak.display())))?;
                out.backup = Some(bak);
            }
            // Recorded first so the auto-push this write triggers sees nothing new to push.
            let before = state.local_sha256.replace(s::sha256_hex(&new_text));
            self.save_sync_state(&state)?;
            let (reloaded, _) = match self.write_config(&path, &new_text, false).await {
                Ok(r) => r,
                Err(e) => {
                    state.local_sha256 = before;
                    let _ = self.save_sync_state(&state);
                    return Err(SyncError::Invalid(e.to_string()));
                }
            };
            out.written = true;
            out.reloaded = reloaded;
        }
        if let Some(key) = secrets.0.get(s::DATA_DIR_ACCESS_KEY) {
            let file = self.data_dir.join(crate::access_key::FILE_NAME);
            if !file.exists() {
                s::write_private(&file, &format!("{key}\n"))?;
                out.access_key_restored = true;
            }
        }
        match a.target {
            SyncTarget::Gist => state.gist_version = version,
            SyncTarget::Webdav => state.webdav_etag = version,
        }
        state.local_sha256 = Some(s::sha256_hex(&new_text));
        state.last_pull_ms = Some(now_ms());
        state.last_error = None;
        self.save_sync_state(&state)?;
        Ok(out)
    }

    pub async fn sync_history(&self, a: SyncHistoryArgs) -> Result<Vec<SyncRevision>, AdminError> {
        let r: Result<Vec<SyncRevision>, SyncError> = async {
            let state = self.load_sync_state()?;
            let settings = self.sync_settings(&state);
            let id = Self::gist_id(&settings)?;
            let commits = self.gist_client(&settings)?.commits(&id, a.limit.unwrap_or(20)).await?;
            Ok(commits
                .into_iter()
                .map(|c| SyncRevision {
                    current: state.gist_version.as_deref() == Some(c.version.as_str()),
                    version: c.version,
                    committed_at: c.committed_at,
                    additions: c.change_status.additions,
                    deletions: c.change_status.deletions,
                })
                .collect())
        }
        .await;
        self.note("history", r)
    }

    /// One auto-push, when `sync.auto_push` is on and the config changed since the last sync.
    /// Failures are logged and kept for `status`.
    pub async fn auto_push_once(&self) {
        let Ok(state) = self.load_sync_state() else { return };
        let settings = self.sync_settings(&state);
        if !settings.auto_push {
            return;
        }
        let Some(text) = self.config_path.as_ref().and_then(|p| std::fs::read_to_string(p).ok()) else { return };
        if state.local_sha256.as_deref() == Some(s::sha256_hex(&text).as_str()) {
            return;
        }
        let target =
            if settings.gist_id.is_some() || settings.webdav.is_none() { SyncTarget::Gist } else { SyncTarget::Webdav };
        let _g = SYNC_LOCK.lock().await;
        let r = self.push_inner(SyncPush { target, ..SyncPush::default() }).await;
        match self.note("auto_push", r) {
            Ok(p) => tracing::info!(
                version = p.version.as_deref().unwrap_or(""),
                secrets = p.secrets_pushed,
                "sync: auto-pushed"
            ),
            Err(e) => tracing::warn!(error = %e, "sync: auto-push failed; 'monorelay sync status' shows it"),
        }
    }
}

/// The server's auto-push task: waits for config changes, lets them settle for
/// `AUTO_PUSH_DEBOUNCE`, then pushes once (see `Service::auto_push_once`).
pub async fn auto_push(service: Arc<Service>, changed: Arc<tokio::sync::Notify>) {
    loop {
        changed.notified().await;
        loop {
            tokio::select! {
                () = changed.notified() => {}
                () = tokio::time::sleep(AUTO_PUSH_DEBOUNCE) => break,
            }
        }
        service.auto_push_once().await;
    }
}
