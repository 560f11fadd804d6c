//! The server as the admin layer's `Host`: what `admin::Service` reads and does on a running
//! server (runtime snapshot, counters, writer, reload), without the admin layer naming `App`.

use super::App;
use crate::admin::{Host, ReloadInfo};
use crate::runtime::{Runtime, Shared};
use crate::stats::Live;
use crate::store::writer::Writer;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl Host for App {
    fn runtime(&self) -> Arc<Runtime> {
        self.runtime.load_full()
    }
    fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }
    fn live(&self) -> &Arc<Live> {
        &self.live
    }
    fn writer(&self) -> Option<&Arc<Writer>> {
        self.writer.as_ref()
    }
    fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }
    fn uptime_secs(&self) -> u64 {
        self.started.elapsed().as_secs()
    }
    fn listen(&self) -> Option<String> {
        self.listen.get().map(ToString::to_string)
    }
    fn in_flight(&self) -> (u64, u64) {
        let f = &crate::relay::IN_FLIGHT;
        (f.requests.load(Ordering::Relaxed), f.streams.load(Ordering::Relaxed))
    }
    fn reload_info(&self) -> ReloadInfo {
        let r = self.reload.lock().map(|r| r.clone()).unwrap_or_default();
        ReloadInfo { at_ms: r.at.map(crate::store::unix_ms), ok: r.ok, message: r.message, reloads: r.reloads }
    }
    fn reload(&self) -> Result<(), String> {
        super::reload_now(self)
    }
    fn users(&self) -> Option<Arc<crate::auth::Users>> {
        self.users.get().cloned()
    }
    fn cluster(&self) -> Option<Arc<crate::state::Cluster>> {
        self.cluster.get().cloned()
    }

    fn config_changed(&self) {
        self.config_changed.notify_one();
        if let Some(c) = self.cluster.get().filter(|c| c.config_in_db) {
            c.config_written.notify_one();
        }
    }
}
