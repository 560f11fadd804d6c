//! `GET /api/events`: live updates as server-sent events, so the panel never polls. Events:
//! `record` (a finished request, as `LogEntry`), `lagged` (this subscriber missed that many
//! records), and for admins also `keys` (keys whose state changed: cooling, invalid, disabled…,
//! as `KeyInfo`) and `reload` (the outcome of a config reload, as `ReloadInfo`). A plain user
//! gets only their own records. Key states and reloads are compared once a second on the server.

use super::{ApiError, Caller, service};
use crate::admin::{KeyInfo, ReloadInfo};
use crate::server::App;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// How often key states and the reload status are compared.
const STATE_POLL_INTERVAL: Duration = Duration::from_secs(1);
const KEEP_ALIVE_INTERVAL: Duration = Duration::from_secs(15);

pub fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new().route("/api/events", get(events))
}

/// A key's state as compared between two looks.
fn key_state(k: &KeyInfo) -> String {
    format!("{}|{:?}|{}", k.enabled, k.status, k.last_error.as_deref().unwrap_or(""))
}

fn key_states(app: &Arc<App>) -> HashMap<(String, String), (String, KeyInfo)> {
    service(app)
        .keys_list()
        .unwrap_or_default()
        .into_iter()
        .map(|k| ((k.provider.clone(), k.label.clone()), (key_state(&k), k)))
        .collect()
}

struct Watch {
    app: Arc<App>,
    caller: Caller,
    rx: Option<tokio::sync::broadcast::Receiver<Arc<crate::record::LogEntry>>>,
    tick: tokio::time::Interval,
    keys: HashMap<(String, String), (String, KeyInfo)>,
    reload: ReloadInfo,
    queue: std::collections::VecDeque<Event>,
}

fn event<T: serde::Serialize>(name: &str, data: &T) -> Option<Event> {
    Event::default().event(name).json_data(data).ok()
}

impl Watch {
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(e) = self.queue.pop_front() {
                return Some(e);
            }
            let rx = self.rx.as_mut();
            tokio::select! {
                r = async { match rx { Some(rx) => rx.recv().await, None => std::future::pending().await } } => match r {
                    Ok(e) => {
                        if let Some(me) = self.caller.scope() {
                            if e.user.as_deref() != Some(me) {
                                continue;
                            }
                        }
                        if let Some(ev) = event("record", &*e) {
                            return Some(ev);
                        }
                    }
                    Err(RecvError::Lagged(n)) => {
                        if let Some(ev) = event("lagged", &serde_json::json!({"missed": n})) {
                            return Some(ev);
                        }
                    }
                    Err(RecvError::Closed) => self.rx = None,
                },
                _ = self.tick.tick() => {
                    if !self.caller.is_admin() {
                        continue;
                    }
                    let now = key_states(&self.app);
                    let changed: Vec<&KeyInfo> = now
                        .iter()
                        .filter(|(id, (s, _))| self.keys.get(*id).is_none_or(|(old, _)| old != s))
                        .map(|(_, (_, k))| k)
                        .collect();
                    if !changed.is_empty() {
                        if let Some(ev) = event("keys", &changed) {
                            self.queue.push_back(ev);
                        }
                    }
                    self.keys = now;
                    let reload = crate::admin::Host::reload_info(&*self.app);
                    if reload.reloads != self.reload.reloads || reload.at_ms != self.reload.at_ms {
                        if let Some(ev) = event("reload", &reload) {
                            self.queue.push_back(ev);
                        }
                        self.reload = reload;
                    }
                }
            }
        }
    }
}

/// Live updates (server-sent events): `record`, `lagged`, and for admins `keys` and `reload`.
#[utoipa::path(get, path = "/api/events", tag = "events", responses(
    (status = 200, description = "An endless event stream: `event: record` (LogEntry), `lagged` ({missed}), `keys` ([KeyInfo]), `reload` (ReloadInfo)",
     content_type = "text/event-stream", body = String),
    (status = 401, body = super::ErrorBody)))]
async fn events(State(app): State<Arc<App>>, caller: Caller) -> Result<Response, ApiError> {
    let rx = app.writer.as_ref().map(|w| w.bus().subscribe());
    let mut tick = tokio::time::interval(STATE_POLL_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let watch = Watch {
        keys: key_states(&app),
        reload: crate::admin::Host::reload_info(&*app),
        app,
        caller,
        rx,
        tick,
        queue: Default::default(),
    };
    let stream = futures_util::stream::unfold(watch, |mut w| async move {
        let e = w.next().await?;
        Some((Ok::<Event, std::convert::Infallible>(e), w))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE_INTERVAL)).into_response())
}
