//! Backup and transfer of the config to a private GitHub Gist or a WebDAV collection, made safe:
//! the config text is pushed with comments and order kept but every secret replaced by a
//! reference (`secrets.rs`), the secret values go encrypted with age under a passphrase
//! (`secrets.age`) or not at all, and the remote version last synced is kept locally so a push
//! over someone else's change, or a pull over local edits, is refused unless forced.
//!
//! This module holds the pieces without policy about transports: the targets (`gist.rs`,
//! `webdav.rs`), the local sync state and token files in the data dir, the snapshot that is
//! pushed, and a line diff. The operations (`sync.setup|push|pull|diff|status|history`) are in
//! `admin/sync_ops.rs`, over these.

pub mod gist;
pub mod secrets;
pub mod webdav;

use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use secrets::{Secrets, SecretsError};

/// Files in the Gist / WebDAV collection.
pub const CONFIG_FILE: &str = "config.yml";
pub const SECRETS_FILE: &str = "secrets.age";
pub const STATS_FILE: &str = "stats.json";
pub const MANIFEST_FILE: &str = "monorelay.json";

/// In the data dir: what was synced last (JSON) and the stored GitHub token (mode 0600).
pub const STATE_FILE: &str = "sync-state.json";
pub const TOKEN_FILE: &str = "sync-token";

/// The secret path under which a generated access key (kept in the data dir, not in the config)
/// travels, so a pulled setup answers to the same key.
pub const DATA_DIR_ACCESS_KEY: &str = "data_dir.access_key";

/// Environment variables read for the token and the passphrase.
pub const TOKEN_ENVS: &[&str] = &["MONORELAY_GITHUB_TOKEN", "GITHUB_TOKEN"];
pub const PASSPHRASE_ENV: &str = "MONORELAY_SYNC_PASSPHRASE";

/// Why a sync operation failed; each says what happened and what to do.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Sync is not set up enough for this (no token, no Gist, no WebDAV URL, no config file).
    #[error("{0}")]
    NotConfigured(String),
    /// The remote refused our credentials (bad, revoked, or missing scope).
    #[error("{0}")]
    Auth(String),
    #[error("{0}")]
    NotFound(String),
    /// The remote changed since the last sync, or local edits would be lost.
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    RateLimited(String),
    #[error("{0}")]
    Network(String),
    /// The remote answered something unexpected.
    #[error("{0}")]
    Remote(String),
    #[error(transparent)]
    Secrets(#[from] SecretsError),
    /// The pulled config is unusable (fails the checks, or lacks secrets).
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Io(String),
}

/// Where the GitHub token comes from (the token itself is never shown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenSource {
    /// `MONORELAY_GITHUB_TOKEN` or `GITHUB_TOKEN`.
    Env,
    /// Stored by `sync setup --token-stdin` in the data dir.
    File,
    #[default]
    None,
}

/// The last failure of a sync operation, for `status` (and `top`, the panel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Failure {
    pub at_ms: u64,
    /// `push`, `pull`, `auto_push`, `setup`.
    pub op: String,
    pub message: String,
}

/// What was synced last, kept in `sync-state.json` in the data dir.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    /// The Gist `sync setup` found or created (also written to `sync.gist_id` when there is a
    /// config file).
    pub gist_id: Option<String>,
    /// `sync setup --api-base`: used when the config sets no `sync.api_base`.
    pub api_base: Option<String>,
    /// Gist revision at the last push or pull.
    pub gist_version: Option<String>,
    /// ETag of the WebDAV `config.yml` at the last push or pull.
    pub webdav_etag: Option<String>,
    /// SHA-256 of the local config text right after the last push or pull.
    pub local_sha256: Option<String>,
    pub last_push_ms: Option<u64>,
    pub last_pull_ms: Option<u64>,
    /// Whether the last push carried `secrets.age`.
    pub secrets_pushed: Option<bool>,
    pub last_error: Option<Failure>,
}

impl SyncState {
    pub fn load(data_dir: &Path) -> Result<SyncState, SyncError> {
        let path = data_dir.join(STATE_FILE);
        match std::fs::read_to_string(&path) {
            Ok(t) => serde_json::from_str(&t).map_err(|e| {
                SyncError::Io(format!("'{}' is unreadable ({e}); remove it to start over", path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(SyncState::default()),
            Err(e) => Err(SyncError::Io(format!("cannot read '{}': {e}", path.display()))),
        }
    }

    pub fn save(&self, data_dir: &Path) -> Result<(), SyncError> {
        let text = serde_json::to_string_pretty(self).map_err(|e| SyncError::Io(e.to_string()))?;
        write_private(&data_dir.join(STATE_FILE), &text)
    }
}

/// Write a file readable by its owner only (0600), atomically.
pub fn write_private(path: &Path, text: &str) -> Result<(), SyncError> {
    use std::io::Write;
    let io = |e: std::io::Error| SyncError::Io(format!("cannot write '{}': {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::access_key::create_private_dir(dir).map_err(io)?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp).map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// The GitHub token: the environment first, then the stored file.
pub fn token(data_dir: &Path) -> (Option<Secret<String>>, TokenSource) {
    for name in TOKEN_ENVS {
        if let Ok(v) = std::env::var(name) {
            if !v.trim().is_empty() {
                return (Some(Secret::new(v.trim().to_string())), TokenSource::Env);
            }
        }
    }
    match std::fs::read_to_string(data_dir.join(TOKEN_FILE)) {
        Ok(t) if !t.trim().is_empty() => (Some(Secret::new(t.trim().to_string())), TokenSource::File),
        _ => (None, TokenSource::None),
    }
}

/// Keep a token in the data dir (0600).
pub fn store_token(data_dir: &Path, token: &Secret<String>) -> Result<PathBuf, SyncError> {
    let path = data_dir.join(TOKEN_FILE);
    write_private(&path, &format!("{}\n", token.expose().trim()))?;
    Ok(path)
}

/// The passphrase from the environment, if set.
pub fn env_passphrase() -> Option<Secret<String>> {
    std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty()).map(Secret::new)
}

pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// What a push sends, built from the local config text.
pub struct Snapshot {
    /// `config.yml` with secrets as references.
    pub config: String,
    /// `secrets.age` (`None`: no passphrase, secrets are not pushed).
    pub secrets_age: Option<String>,
    /// How many secret values the config holds (pushed encrypted or not at all).
    pub secret_count: usize,
    pub manifest: String,
}

impl Snapshot {
    /// `extra`: secrets that live outside the text (the data dir's access key).
    pub fn build(text: &str, extra: Secrets, passphrase: Option<&Secret<String>>) -> Result<Snapshot, SyncError> {
        let (config, mut found) = secrets::extract(text);
        let leaks = secrets::leaks(&config);
        if !leaks.is_empty() {
            return Err(SyncError::Invalid(format!(
                "nothing was pushed: the secret at {} is written in a form sync cannot replace by a reference (write it as a plain or quoted one-line value)",
                leaks.join(", ")
            )));
        }
        found.0.extend(extra.0);
        let secrets_age = match passphrase {
            Some(p) => Some(secrets::seal(&found, p)?),
            None => None,
        };
        let manifest = serde_json::json!({
            "monorelay": env!("CARGO_PKG_VERSION"),
            "format": 1,
            "secrets": if secrets_age.is_some() { "secrets.age (age, passphrase)" } else { "not pushed (no passphrase)" },
            "pushed_at_ms": crate::store::unix_ms(std::time::SystemTime::now()),
        });
        Ok(Snapshot {
            config,
            secrets_age,
            secret_count: found.0.len(),
            manifest: serde_json::to_string_pretty(&manifest).unwrap_or_default(),
        })
    }
}

/// A line diff of `old` → `new` in unified style (`-`/`+`/` ` lines, hunks with two lines of
/// context, `@@ -a +b @@` headers). Empty when they are equal.
pub fn diff(old: &str, new: &str) -> String {
    const CONTEXT: usize = 2;
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a == b {
        return String::new();
    }
    // Longest common subsequence table; configs are small, and a huge pair degrades to
    // "all removed, all added" rather than a quadratic blow-up.
    let ops: Vec<(char, &str)> = if a.len().saturating_mul(b.len()) > 4_000_000 {
        a.iter().map(|l| ('-', *l)).chain(b.iter().map(|l| ('+', *l))).collect()
    } else {
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        let mut ops = Vec::new();
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                ops.push((' ', a[i]));
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.push(('-', a[i]));
                i += 1;
            } else {
                ops.push(('+', b[j]));
                j += 1;
            }
        }
        ops
    };
    // Keep changed lines and their context.
    let keep: Vec<bool> = (0..ops.len())
        .map(|k| {
            let lo = k.saturating_sub(CONTEXT);
            let hi = (k + CONTEXT + 1).min(ops.len());
            ops[lo..hi].iter().any(|(c, _)| *c != ' ')
        })
        .collect();
    let mut out = String::new();
    let (mut la, mut lb) = (1usize, 1usize);
    let mut in_hunk = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        if keep[k] {
            if !in_hunk {
                out.push_str(&format!("@@ -{la} +{lb} @@\n"));
                in_hunk = true;
            }
            out.push(*c);
            out.push_str(line);
            out.push('\n');
        } else {
            in_hunk = false;
        }
        match c {
            '-' => la += 1,
            '+' => lb += 1,
            _ => {
                la += 1;
                lb += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changes_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let new = "a\nb\nc\nD\ne\nf\ng\nh\n";
        let d = diff(old, new);
        assert_eq!(d, "@@ -2 +2 @@\n b\n c\n-d\n+D\n e\n f\n g\n+h\n");
        assert_eq!(diff(old, old), "");
    }

    #[test]
    fn snapshot_has_no_secret_without_passphrase() {
        let text = "server:\n  access_key: top-secret-1\n";
        let s = Snapshot::build(text, Secrets::default(), None).expect("snapshot");
        assert!(s.secrets_age.is_none() && !s.config.contains("top-secret-1") && s.secret_count == 1);
    }
}
