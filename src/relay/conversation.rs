//! Responses-API state kept by the relay: `previous_response_id` is resolved here, before the
//! body is decoded, by writing the stored turns (their input items, then the earlier response's
//! output items) in front of the new input, so every upstream — translated or not — gets a
//! self-contained request. After a successful answer the conversation so far is stored under the
//! new response's id (unless the client sent `store: false`), for the principal that made it.

use super::Inbound;
use crate::error::RelayError;
use crate::runtime::Runtime;
use crate::store::responses::StoredResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};
use std::time::SystemTime;

/// What to store once the answer is in: who asked, and every input item of the request.
#[derive(Debug, Clone)]
pub struct Pending {
    caller: u64,
    input: Vec<Value>,
    store: std::sync::Arc<crate::store::responses::ResponseStore>,
    max_age: Option<std::time::Duration>,
}

/// `input` as a list of items (a string is one user message).
fn input_items(v: Option<Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(items)) => items,
        Some(Value::String(s)) => vec![json!({"role": "user", "content": s})],
        _ => Vec::new(),
    }
}

/// The body with `previous_response_id` resolved (`None`: unchanged), and what to store after.
pub(super) async fn prepare(rt: &Runtime, inbound: &Inbound) -> Result<(Option<Bytes>, Option<Pending>), RelayError> {
    let Ok(mut body) = serde_json::from_slice::<Map<String, Value>>(&inbound.body) else {
        // Not an object: the decoder says what is wrong with it.
        return Ok((None, None));
    };
    let store = body.get("store").and_then(Value::as_bool) != Some(false);
    let prev = body.get("previous_response_id").and_then(Value::as_str).map(str::to_owned);
    let mut changed = false;
    let mut items = Vec::new();
    if let Some(prev) = prev {
        let responses = rt.responses.clone();
        let caller = inbound.caller;
        let id = prev.clone();
        let found = tokio::task::spawn_blocking(move || responses.get(caller, &id))
            .await
            .map_err(|e| RelayError::internal(e.to_string()))?
            .map_err(|e| RelayError::internal(e.to_string()))?;
        // One the relay does not know is left for an upstream that keeps state itself.
        if let Some(stored) = found {
            items = stored.input;
            items.extend(stored.response.get("output").and_then(Value::as_array).cloned().unwrap_or_default());
            body.remove("previous_response_id");
            changed = true;
        }
    }
    items.extend(input_items(body.get("input").cloned()));
    if changed {
        body.insert("input".into(), Value::Array(items.clone()));
    }
    let pending = store.then(|| Pending {
        caller: inbound.caller,
        input: items,
        store: rt.responses.clone(),
        max_age: rt.config.logging.max_age,
    });
    let bytes = if changed {
        Some(Bytes::from(serde_json::to_vec(&body).map_err(|e| RelayError::internal(e.to_string()))?))
    } else {
        None
    };
    Ok((bytes, pending))
}

/// Store the answer `response` (the Responses object the client got) under its id.
pub(super) async fn save(pending: Pending, response: Value) {
    let Some(id) = response.get("id").and_then(Value::as_str).map(str::to_owned) else { return };
    let entry = StoredResponse {
        caller: pending.caller,
        created_ms: crate::store::unix_ms(SystemTime::now()),
        input: pending.input,
        response,
    };
    let (responses, max_age) = (pending.store, pending.max_age);
    let result = tokio::task::spawn_blocking(move || responses.put(&id, &entry, max_age)).await;
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::warn!("cannot store a Responses answer: {e}"),
        Err(e) => tracing::warn!("cannot store a Responses answer: {e}"),
    }
}

/// The `response` of the last `response.completed` / `response.incomplete` event in `sse`.
pub(super) fn final_response(sse: &[u8]) -> Option<Value> {
    let mut dec = crate::translate::SseDecoder::new();
    let mut events = Vec::new();
    dec.push(sse, &mut events).ok()?;
    events.iter().rev().find_map(|e| {
        let v: Value = serde_json::from_str(&e.data).ok()?;
        match v.get("type").and_then(Value::as_str) {
            Some("response.completed" | "response.incomplete") => v.get("response").cloned(),
            _ => None,
        }
    })
}
