//! The live event bus: every finished request, as stored (`LogEntry`: time, model → provider, key
//! label, status, latency, TTFB, tokens, cost, error), behind the control socket's
//! `logs.subscribe` (used by `logs tail -f` and `monorelay top`). Fed by the store's writer after
//! each batch; a slow subscriber misses events (and is told how many) instead of slowing anyone
//! down.

use crate::record::LogEntry;
use std::sync::Arc;
use tokio::sync::broadcast;

/// Events buffered per subscriber before it starts missing some.
pub const SUBSCRIBER_BUFFER: usize = 4096;

#[derive(Debug, Clone)]
pub struct EventBus {
    tx: broadcast::Sender<Arc<LogEntry>>,
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus { tx: broadcast::channel(SUBSCRIBER_BUFFER).0 }
    }
}

impl EventBus {
    /// Publish to whoever listens (nobody is fine). Never blocks.
    pub fn publish(&self, e: Arc<LogEntry>) {
        let _ = self.tx.send(e);
    }
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<LogEntry>> {
        self.tx.subscribe()
    }
    pub fn subscribers(&self) -> usize {
        self.tx.receiver_count()
    }
}
