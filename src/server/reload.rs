//! Config hot reload: on a change of the config file (polled every second: robust against
//! editors that replace the file) or on SIGHUP, build a new runtime; if that fails, keep
//! serving the old one and say why.

use super::App;
use crate::runtime::Runtime;
use serde::Serialize;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

const POLL_INTERVAL: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReloadStatus {
    pub at: Option<SystemTime>,
    pub ok: bool,
    pub message: String,
    pub reloads: u64,
}

/// Reload from the config file now. Returns the error text when the new config was rejected.
pub fn reload_now(app: &App) -> Result<(), String> {
    let Some(path) = app.config_path.as_ref() else {
        return Err("serving the embedded default; there is no file to reload".into());
    };
    let result = crate::config::load_file(path).map_err(|e| e.to_string()).and_then(|config| {
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

fn fingerprint(path: &std::path::Path) -> Option<(SystemTime, u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    let text = std::fs::read(path).ok()?;
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    Some((meta.modified().ok()?, meta.len(), h.finish()))
}

/// Watch the config file for the life of the process (polled by content hash). Runs under the
/// server's supervisor, which starts it again should it panic.
pub async fn watch_file(app: Arc<App>) {
    let Some(path) = app.config_path.clone() else {
        return;
    };
    let mut last = fingerprint(&path);
    let mut tick = tokio::time::interval(POLL_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = fingerprint(&path);
        // Compare content hashes, so touching the file without changing it does nothing.
        let changed = match (&last, &now) {
            (Some(a), Some(b)) => a.2 != b.2,
            (None, Some(_)) => true,
            _ => false,
        };
        if changed {
            let _ = reload_now(&app);
        }
        if now.is_some() {
            last = now;
        }
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
