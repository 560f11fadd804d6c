//! Supervised background tasks: each runs under a watcher that notices when it panics. A task that
//! may simply start over (the config watcher, SIGHUP) is restarted after a growing pause; a task
//! the server cannot run without brings the whole server down cleanly with the reason. No task
//! stops silently.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// First pause before a panicked task starts again; doubles per panic up to `MAX_RESTART_DELAY`.
const FIRST_RESTART_DELAY: Duration = Duration::from_millis(100);
const MAX_RESTART_DELAY: Duration = Duration::from_secs(30);

/// What happens when a supervised task panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnPanic {
    /// Log it and start the task again.
    Restart,
    /// Log it and shut the server down (it cannot serve correctly without the task).
    Shutdown,
}

/// A critical task that failed: the server stops with this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFailed {
    pub task: &'static str,
    pub message: String,
}

impl std::fmt::Display for TaskFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "background task '{}' failed: {}", self.task, self.message)
    }
}

/// Owns the supervised tasks; dropping it aborts them.
#[derive(Debug)]
pub struct Supervisor {
    tasks: Vec<JoinHandle<()>>,
    failed_tx: mpsc::UnboundedSender<TaskFailed>,
    failed_rx: Option<mpsc::UnboundedReceiver<TaskFailed>>,
    /// Panics seen so far, across every task (shown by `status`).
    pub panics: Arc<AtomicU64>,
}

impl Default for Supervisor {
    fn default() -> Self {
        let (failed_tx, failed_rx) = mpsc::unbounded_channel();
        Supervisor { tasks: Vec::new(), failed_tx, failed_rx: Some(failed_rx), panics: Arc::default() }
    }
}

fn panic_message(e: tokio::task::JoinError) -> String {
    match e.try_into_panic() {
        Ok(p) => p
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string()),
        Err(e) => e.to_string(),
    }
}

impl Supervisor {
    /// Run `make()` as a task named `name`. When the future ends normally the task is done; when it
    /// panics, `policy` decides. `make` builds a fresh future for every (re)start.
    pub fn spawn<F, Fut>(&mut self, name: &'static str, policy: OnPanic, make: F)
    where
        F: Fn() -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let failed = self.failed_tx.clone();
        let panics = self.panics.clone();
        self.tasks.push(tokio::spawn(async move {
            let mut delay = FIRST_RESTART_DELAY;
            loop {
                let inner = tokio::spawn(make());
                // Abort the inner task when the supervisor (this task) is aborted.
                let guard = AbortOnDrop(inner.abort_handle());
                let result = inner.await;
                drop(guard);
                match result {
                    Ok(()) => return,
                    Err(e) if e.is_cancelled() => return,
                    Err(e) => {
                        panics.fetch_add(1, Ordering::Relaxed);
                        let message = panic_message(e);
                        match policy {
                            OnPanic::Restart => {
                                tracing::error!(
                                    "background task '{name}' panicked: {message}; restarting it in {} ms",
                                    delay.as_millis()
                                );
                                tokio::time::sleep(delay).await;
                                delay = (delay * 2).min(MAX_RESTART_DELAY);
                            }
                            OnPanic::Shutdown => {
                                tracing::error!(
                                    "background task '{name}' panicked: {message}; shutting the server down"
                                );
                                let _ = failed.send(TaskFailed { task: name, message });
                                return;
                            }
                        }
                    }
                }
            }
        }));
    }

    /// Resolves with the first critical failure (never, if none happens). Call once.
    pub fn failure(&mut self) -> impl Future<Output = TaskFailed> + Send + 'static {
        let rx = self.failed_rx.take();
        async move {
            match rx {
                Some(mut rx) => match rx.recv().await {
                    Some(f) => f,
                    None => std::future::pending().await,
                },
                None => std::future::pending().await,
            }
        }
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    #[tokio::test]
    async fn a_restartable_task_starts_again_after_a_panic() {
        let mut sup = Supervisor::default();
        let runs = Arc::new(AtomicU32::new(0));
        let (tx, mut rx) = mpsc::unbounded_channel();
        let r = runs.clone();
        sup.spawn("flaky", OnPanic::Restart, move || {
            let n = r.fetch_add(1, Ordering::SeqCst);
            let tx = tx.clone();
            async move {
                if n < 2 {
                    panic!("run {n} fails");
                }
                let _ = tx.send(n);
            }
        });
        assert_eq!(rx.recv().await, Some(2));
        assert_eq!(runs.load(Ordering::SeqCst), 3);
        assert_eq!(sup.panics.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_critical_task_panicking_reports_a_failure() {
        let mut sup = Supervisor::default();
        let failure = sup.failure();
        sup.spawn("critical", OnPanic::Shutdown, || async { panic!("disk on fire") });
        let f = failure.await;
        assert_eq!(f.task, "critical");
        assert_eq!(f.message, "disk on fire");
    }

    #[tokio::test]
    async fn dropping_the_supervisor_stops_its_tasks() {
        let mut sup = Supervisor::default();
        let (tx, mut rx) = mpsc::unbounded_channel::<()>();
        sup.spawn("forever", OnPanic::Restart, move || {
            let tx = tx.clone();
            async move {
                let _keep = tx;
                std::future::pending::<()>().await;
            }
        });
        tokio::task::yield_now().await;
        drop(sup);
        // Every sender is gone once the task (and its inner future) is aborted.
        assert_eq!(tokio::time::timeout(Duration::from_secs(10), rx.recv()).await, Ok(None));
    }
}
