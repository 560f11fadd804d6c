//! Config hot reload: on a change of the config file (polled every second: robust against
//! editors that replace the file) or on SIGHUP, build a new runtime; if that fails, keep
//! serving the old one and say why (log, `status`, `top`).
//!
//! A file caught mid-write must not be applied: the watcher waits for the file to settle (two
//! reads `SETTLE_INTERVAL` apart with the same size, mtime and content) and applies exactly the
//! text it read. Whatever the trigger, an empty document is refused, and so is a config that would
//! lock every client out of a server that had them in: no providers where there were some, or no
//! access key where there was one. Such a change takes a restart, on purpose.

use super::App;
use crate::config::{Config, ConfigSource};
use crate::runtime::Runtime;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

const POLL_INTERVAL: Duration = Duration::from_secs(1);
/// How long the file must stay the same before a changed file is read for good.
const SETTLE_INTERVAL: Duration = Duration::from_millis(300);
/// A file still changing after this many settle intervals is read as it is then.
const MAX_SETTLE_ROUNDS: u32 = 20;

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReloadStatus {
    pub at: Option<SystemTime>,
    pub ok: bool,
    pub message: String,
    pub reloads: u64,
}

/// Reload from the config file now (SIGHUP, `config reload`, a key edit). Returns the error
/// text when the new config was refused.
pub fn reload_now(app: &App) -> Result<(), String> {
    let Some(path) = app.config_path.as_ref() else {
        return Err("serving the embedded default; there is no file to reload".into());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read '{}': {e}", path.display()));
    apply(app, path, text)
}

/// Why `new` would lock every client out of a server now running `old`, if it would.
fn lockout(old: &Config, new: &Config) -> Option<String> {
    if !old.providers.is_empty() && new.providers.is_empty() {
        return Some("the new config has no providers (every request would fail)".into());
    }
    let had_key = old.server.access_key.is_some() && old.server.access_key_enabled;
    if had_key && new.server.access_key.is_none() {
        return Some("the new config has no server.access_key (every client would get 401)".into());
    }
    if had_key && !new.server.access_key_enabled {
        return Some("the new config disables the access key (every client would get 401)".into());
    }
    None
}

/// Build a runtime from `text` (the file's content) and swap it in, or say why not.
fn apply(app: &App, path: &Path, text: Result<String, String>) -> Result<(), String> {
    let result = text.and_then(|text| {
        if text.trim().is_empty() {
            return Err(format!("'{}' is empty; refusing to apply an empty config", path.display()));
        }
        let config =
            crate::config::load_str(&text, ConfigSource::File(path.to_path_buf()), &|name| std::env::var(name).ok())
                .map_err(|e| e.to_string())?;
        if let Some(why) = lockout(&app.runtime.load().config, &config) {
            return Err(format!(
                "refusing to apply '{}': {why}; restart the server to apply it on purpose",
                path.display()
            ));
        }
        let key = config.server.access_key.clone().or_else(|| app.generated_key.clone());
        for w in &config.warnings {
            tracing::warn!("config: {w}");
        }
        Runtime::build(config, &app.shared, key).map_err(|e| e.to_string())
    });
    let mut status = app.reload.lock().unwrap_or_else(|p| p.into_inner());
    status.at = Some(SystemTime::now());
    status.reloads += 1;
    match result {
        Ok(rt) => {
            app.sink.configure(&rt);
            if let Some(users) = app.users.get() {
                users.configure(&rt.config);
            }
            app.runtime.store(Arc::new(rt));
            status.ok = true;
            status.message = format!("reloaded {}", path.display());
            tracing::info!("config reloaded from {}", path.display());
            Ok(())
        }
        Err(e) => {
            status.ok = false;
            status.message = e.clone();
            tracing::error!("config reload rejected; still serving the previous config: {e}");
            Err(e)
        }
    }
}

/// (mtime, size, content hash) and the content, or `None` when the file cannot be read.
type Snapshot = ((Option<SystemTime>, u64, u64), Vec<u8>);

fn snapshot(path: &Path) -> Option<Snapshot> {
    let meta = std::fs::metadata(path).ok()?;
    let text = std::fs::read(path).ok()?;
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    Some(((meta.modified().ok(), meta.len(), h.finish()), text))
}

/// Wait until the file stops changing: the same size, mtime and content twice in a row
/// `SETTLE_INTERVAL` apart. Returns the settled content.
async fn settle(path: &Path, mut seen: Option<Snapshot>) -> Option<Snapshot> {
    for _ in 0..MAX_SETTLE_ROUNDS {
        tokio::time::sleep(SETTLE_INTERVAL).await;
        let again = snapshot(path);
        if again.as_ref().map(|s| s.0) == seen.as_ref().map(|s| s.0) {
            return again;
        }
        seen = again;
    }
    seen
}

/// Watch the config file for the life of the process (polled by content hash). Runs under the
/// server's supervisor, which starts it again should it panic.
pub async fn watch_file(app: Arc<App>) {
    let Some(path) = app.config_path.clone() else {
        return;
    };
    let mut last = snapshot(&path).map(|s| s.0.2);
    let mut tick = tokio::time::interval(POLL_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = snapshot(&path);
        // Compare content hashes, so touching the file without changing it does nothing.
        let changed = match (&last, &now) {
            (Some(a), Some(b)) => *a != b.0.2,
            (None, Some(_)) => true,
            _ => false,
        };
        if !changed {
            continue;
        }
        let Some((meta, text)) = settle(&path, now).await else { continue };
        last = Some(meta.2);
        let text = String::from_utf8(text).map_err(|_| format!("'{}' is not UTF-8 text", path.display()));
        let _ = apply(&app, &path, text);
    }
}

/// Reload on every SIGHUP for the life of the process.
#[cfg(unix)]
pub async fn watch_sighup(app: Arc<App>) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hup) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot listen for SIGHUP; reload by saving the config file instead");
        return;
    };
    while hup.recv().await.is_some() {
        tracing::info!("SIGHUP: reloading the config");
        let _ = reload_now(&app);
    }
}
