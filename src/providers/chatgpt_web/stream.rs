//! The ChatGPT web conversation stream decoded into IR stream events, incrementally. Both formats
//! the backend has used are read into one picture of the current message: the older one sends the
//! whole message in every event (`message.content.parts` cumulative), the newer one
//! (`event: delta_encoding` "v1") sends an `add` of the message and then JSON-patch-like operations
//! (`append`, `replace`, `patch`, `truncate`, `remove`; an event with only `v` repeats the last
//! path and operation). After each event only the text not yet emitted goes out, as a text block
//! (`content_type: text`) or a thinking block (`thoughts`). Finish reasons, error events and
//! moderation are read; an unknown event type, an unreadable event or a stream that ends without
//! `[DONE]` is an error, never a quiet success.

use crate::ir::{BlockStart, Delta, StopReason, StreamEvent, Usage};
use crate::translate::sse::{SseDecoder, SseEvent};
use serde_json::Value;

/// `type` values of events that carry nothing for the answer.
const IGNORED_TYPES: [&str; 10] = [
    "title_generation",
    "server_ste_metadata",
    "conversation_detail_metadata",
    "message_marker",
    "message_stream_complete",
    "input_message",
    "url_moderation",
    "sse_heartbeat",
    "resume_conversation_token",
    "conversation_async_status",
];

/// Why a web stream is unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebStreamError {
    /// The backend said the account is rate-limited (usage cap).
    pub rate_limited: bool,
    pub message: String,
}

impl WebStreamError {
    fn new(message: impl Into<String>) -> Self {
        WebStreamError { rate_limited: false, message: message.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Thinking,
}

/// The decoder's state across chunks.
pub struct WebDecoder {
    sse: SseDecoder,
    id: String,
    model: String,
    input_tokens: u64,
    /// The current picture (`{"message": …, "conversation_id": …}`).
    current: Value,
    last_path: String,
    last_op: String,
    /// The message whose text is being emitted, and how many bytes of it went out.
    message_id: Option<String>,
    emitted: usize,
    block: Option<(u32, Kind)>,
    next_index: u32,
    started: bool,
    stop: Option<StopReason>,
    output_chars: usize,
    done: bool,
    failed: bool,
}

impl WebDecoder {
    /// `model`: the name shown to the client; `input_tokens`: the estimate for the prompt.
    pub fn new(id: String, model: String, input_tokens: u64) -> Self {
        WebDecoder {
            sse: SseDecoder::new(),
            id,
            model,
            input_tokens,
            current: Value::Null,
            last_path: String::new(),
            last_op: String::new(),
            message_id: None,
            emitted: 0,
            block: None,
            next_index: 0,
            started: false,
            stop: None,
            output_chars: 0,
            done: false,
            failed: false,
        }
    }

    /// Whether any answer content has been emitted.
    pub fn has_output(&self) -> bool {
        self.output_chars > 0 || self.block.is_some()
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Feed raw bytes; IR events go to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<StreamEvent>) -> Result<(), WebStreamError> {
        if self.done || self.failed {
            return Ok(());
        }
        let mut events = Vec::new();
        if let Err(e) = self.sse.push(chunk, &mut events) {
            return self.fail(e.to_string());
        }
        for ev in events {
            self.event(&ev, out)?;
            if self.done {
                break;
            }
        }
        Ok(())
    }

    /// The upstream ended: finish the message, or fail if it never said it was done.
    pub fn finish(&mut self) -> Result<(), WebStreamError> {
        if self.failed {
            return Ok(());
        }
        if !self.done {
            let partial = self.sse.finish();
            let detail = if partial { " in the middle of an event" } else { " before it said it was done" };
            return self.fail(format!("the ChatGPT web stream broke off{detail}"));
        }
        Ok(())
    }

    fn fail(&mut self, message: String) -> Result<(), WebStreamError> {
        self.failed = true;
        Err(WebStreamError::new(message))
    }

    fn start(&mut self, out: &mut Vec<StreamEvent>) {
        if !self.started {
            self.started = true;
            out.push(StreamEvent::MessageStart {
                id: self.id.clone(),
                model: self.model.clone(),
                usage: Usage { input_tokens: self.input_tokens, ..Usage::default() },
            });
        }
    }

    fn event(&mut self, ev: &SseEvent, out: &mut Vec<StreamEvent>) -> Result<(), WebStreamError> {
        let data = ev.data.trim();
        match ev.event.as_deref() {
            None | Some("" | "message" | "delta") => {}
            Some("delta_encoding") => return Ok(()),
            Some("ping" | "heartbeat") => return Ok(()),
            Some(other) => return self.fail(format!("the ChatGPT web stream sent an unknown event type '{other}'")),
        }
        if data == "[DONE]" {
            return self.end(out);
        }
        if data.is_empty() {
            return Ok(());
        }
        let v: Value = match serde_json::from_str(data) {
            Ok(v) => v,
            Err(e) => return self.fail(format!("the ChatGPT web stream sent an unreadable event: {e}")),
        };
        let Value::Object(obj) = &v else {
            // "v1" after `delta_encoding`, and other bare values: nothing to show.
            return Ok(());
        };
        if let Some(err) = obj.get("error").filter(|e| !e.is_null()) {
            let message = match err {
                Value::String(s) => s.clone(),
                other => {
                    other.get("message").and_then(Value::as_str).map(String::from).unwrap_or_else(|| other.to_string())
                }
            };
            let lower = message.to_ascii_lowercase();
            self.failed = true;
            return Err(WebStreamError {
                rate_limited: lower.contains("rate limit") || lower.contains("too many") || lower.contains("usage cap"),
                message: format!("the ChatGPT web backend reported an error: {message}"),
            });
        }
        if let Some(t) = obj.get("type").and_then(Value::as_str) {
            if t == "moderation" {
                let blocked = v.pointer("/moderation_response/blocked").and_then(Value::as_bool) == Some(true);
                if blocked {
                    self.stop = Some(StopReason::ContentFilter);
                }
                return Ok(());
            }
            if IGNORED_TYPES.contains(&t) {
                return Ok(());
            }
            if !obj.contains_key("message") && !obj.contains_key("v") {
                return self.fail(format!("the ChatGPT web stream sent an unknown event type '{t}'"));
            }
        }
        if obj.contains_key("message") {
            self.current = v.clone();
        } else if obj.contains_key("v") || obj.contains_key("o") {
            let path = obj.get("p").and_then(Value::as_str).map(String::from).unwrap_or_else(|| self.last_path.clone());
            let op =
                obj.get("o").and_then(Value::as_str).map(String::from).unwrap_or_else(|| {
                    if self.last_op.is_empty() { "append".to_string() } else { self.last_op.clone() }
                });
            let value = obj.get("v").cloned().unwrap_or(Value::Null);
            self.last_path.clone_from(&path);
            self.last_op.clone_from(&op);
            if let Err(e) = apply(&mut self.current, &path, &op, value) {
                return self.fail(format!("the ChatGPT web stream sent a patch that does not apply: {e}"));
            }
        } else {
            // Metadata without a message (conversation ids and the like).
            return Ok(());
        }
        self.emit(out);
        Ok(())
    }

    /// Emit what the current message adds to what was already sent.
    fn emit(&mut self, out: &mut Vec<StreamEvent>) {
        let Some(msg) = self.current.get("message") else { return };
        if msg.pointer("/author/role").and_then(Value::as_str) != Some("assistant") {
            return;
        }
        let id = msg.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let content = msg.get("content").unwrap_or(&Value::Null);
        let (kind, text) = match content.get("content_type").and_then(Value::as_str) {
            Some("text") => (Kind::Text, joined_parts(content)),
            Some("thoughts") => (Kind::Thinking, thoughts(content)),
            _ => return,
        };
        if self.message_id.as_deref() != Some(id.as_str()) {
            self.message_id = Some(id);
            self.emitted = 0;
        }
        if kind == Kind::Text && msg.get("status").and_then(Value::as_str) == Some("finished_successfully") {
            let finish = msg.pointer("/metadata/finish_details/type").and_then(Value::as_str);
            if self.stop.is_none() {
                self.stop = Some(match finish {
                    Some("max_tokens") => StopReason::MaxTokens,
                    Some("interrupted") => StopReason::Other("interrupted".into()),
                    _ => StopReason::EndTurn,
                });
            }
        }
        // Only a continuation of what was sent is new; a rewrite of earlier text cannot be unsent.
        let Some(suffix) = text.get(self.emitted..).filter(|s| !s.is_empty()) else { return };
        let suffix = suffix.to_string();
        self.emitted = text.len();
        self.start(out);
        let index = match self.block {
            Some((i, k)) if k == kind => i,
            other => {
                if let Some((i, _)) = other {
                    out.push(StreamEvent::BlockStop { index: i });
                }
                let i = self.next_index;
                self.next_index += 1;
                self.block = Some((i, kind));
                let block = if kind == Kind::Text { BlockStart::Text } else { BlockStart::Thinking };
                out.push(StreamEvent::BlockStart { index: i, block });
                i
            }
        };
        self.output_chars += suffix.chars().count();
        let delta = if kind == Kind::Text { Delta::Text(suffix) } else { Delta::Thinking(suffix) };
        out.push(StreamEvent::BlockDelta { index, delta });
    }

    fn end(&mut self, out: &mut Vec<StreamEvent>) -> Result<(), WebStreamError> {
        self.done = true;
        self.start(out);
        if let Some((i, _)) = self.block.take() {
            out.push(StreamEvent::BlockStop { index: i });
        }
        let usage = Usage {
            input_tokens: self.input_tokens,
            output_tokens: estimate_tokens(self.output_chars),
            ..Usage::default()
        };
        out.push(StreamEvent::MessageDelta {
            stop_reason: Some(self.stop.clone().unwrap_or(StopReason::EndTurn)),
            stop_sequence: None,
            usage: Some(usage),
        });
        out.push(StreamEvent::MessageStop);
        Ok(())
    }
}

/// Tokens estimated from characters (about four per token), at least one for any text.
pub fn estimate_tokens(chars: usize) -> u64 {
    if chars == 0 { 0 } else { (chars as u64).div_ceil(4) }
}

fn joined_parts(content: &Value) -> String {
    let Some(parts) = content.get("parts").and_then(Value::as_array) else { return String::new() };
    parts
        .iter()
        .map(|p| match p {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.get("text").and_then(Value::as_str).map(String::from).unwrap_or_default(),
        })
        .collect()
}

fn thoughts(content: &Value) -> String {
    let Some(list) = content.get("thoughts").and_then(Value::as_array) else { return String::new() };
    let mut out = String::new();
    for (i, t) in list.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        if let Some(s) = t.get("summary").and_then(Value::as_str) {
            out.push_str(s);
            out.push('\n');
        }
        out.push_str(t.get("content").and_then(Value::as_str).unwrap_or(""));
    }
    out
}

/// A JSON-pointer token (`~1` is `/`, `~0` is `~`).
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Apply one operation at a JSON-pointer path (empty path: the root), creating objects on the way.
fn apply(root: &mut Value, path: &str, op: &str, value: Value) -> Result<(), String> {
    if op == "patch" {
        let Value::Array(ops) = value else { return Err("'patch' without a list".into()) };
        for o in ops {
            let p = o.get("p").and_then(Value::as_str).unwrap_or("").to_string();
            let op = o.get("o").and_then(Value::as_str).unwrap_or("append").to_string();
            let v = o.get("v").cloned().unwrap_or(Value::Null);
            apply(root, &format!("{path}{p}"), &op, v)?;
        }
        return Ok(());
    }
    if op == "remove" {
        let (parent, last) = match path.rsplit_once('/') {
            Some((parent, last)) => (parent, unescape(last)),
            None => return Ok(()),
        };
        if let Some(target) = root.pointer_mut(parent) {
            match target {
                Value::Object(m) => {
                    m.remove(&last);
                }
                Value::Array(a) => {
                    if let Ok(i) = last.parse::<usize>() {
                        if i < a.len() {
                            a.remove(i);
                        }
                    }
                }
                _ => {}
            }
        }
        return Ok(());
    }
    let target = slot(root, path)?;
    match op {
        "add" | "replace" => *target = value,
        "append" => match (target, value) {
            (t @ Value::Null, v) => *t = v,
            (Value::String(s), Value::String(v)) => s.push_str(&v),
            (Value::Array(a), Value::Array(v)) => a.extend(v),
            (Value::Array(a), v) => a.push(v),
            (Value::Object(m), Value::Object(v)) => m.extend(v),
            (_, _) => return Err(format!("cannot append at '{path}'")),
        },
        "truncate" => {
            let n = value.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or("'truncate' without a length")?;
            match target {
                Value::String(s) => {
                    let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
                    s.truncate(cut);
                }
                Value::Array(a) => a.truncate(n),
                _ => return Err(format!("cannot truncate at '{path}'")),
            }
        }
        other => return Err(format!("unknown operation '{other}'")),
    }
    Ok(())
}

/// The value at `path`, created (as objects, or array slots) when missing.
fn slot<'a>(root: &'a mut Value, path: &str) -> Result<&'a mut Value, String> {
    let mut cur = root;
    for token in path.split('/').skip(1) {
        let token = unescape(token);
        if cur.is_null() {
            *cur = Value::Object(serde_json::Map::new());
        }
        cur = match cur {
            Value::Object(m) => m.entry(token).or_insert(Value::Null),
            Value::Array(a) => {
                let i = token.parse::<usize>().map_err(|_| format!("'{token}' is not an index"))?;
                if i > a.len() {
                    return Err(format!("index {i} is past the end"));
                }
                if i == a.len() {
                    a.push(Value::Null);
                }
                a.get_mut(i).ok_or_else(|| format!("index {i} is past the end"))?
            }
            _ => return Err(format!("'{path}' goes through a value that is not a container")),
        };
    }
    Ok(cur)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text_of(events: &[StreamEvent]) -> String {
        events
            .iter()
            .filter_map(|e| match e {
                StreamEvent::BlockDelta { delta: Delta::Text(t), .. } => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn run(input: &str) -> (Vec<StreamEvent>, Result<(), WebStreamError>) {
        let mut d = WebDecoder::new("chatcmpl-x".into(), "gpt-4o".into(), 3);
        let mut out = Vec::new();
        // One byte at a time: chunk boundaries must not matter.
        for b in input.as_bytes() {
            if let Err(e) = d.push(std::slice::from_ref(b), &mut out) {
                return (out, Err(e));
            }
        }
        let r = d.finish();
        (out, r)
    }

    fn legacy(text: &str, status: &str) -> String {
        let v = json!({"message": {"id": "m1", "author": {"role": "assistant"}, "status": status,
            "content": {"content_type": "text", "parts": [text]}, "metadata": {}}, "conversation_id": "c"});
        format!("data: {v}\n\n")
    }

    #[test]
    fn cumulative_parts_emit_only_the_new_suffix() {
        let user = json!({"message": {"id": "u", "author": {"role": "user"}, "content": {"content_type": "text", "parts": ["hi"]}}});
        let input = format!(
            "data: {user}\n\n{}{}{}data: [DONE]\n\n",
            legacy("Hel", "in_progress"),
            legacy("Hello, wor", "in_progress"),
            legacy("Hello, world!", "finished_successfully")
        );
        let (events, r) = run(&input);
        r.unwrap();
        assert_eq!(text_of(&events), "Hello, world!");
        assert!(matches!(events.last(), Some(StreamEvent::MessageStop)));
    }

    #[test]
    fn delta_encoding_with_implicit_paths_and_patches() {
        let add = json!({"p": "", "o": "add", "v": {"message": {"id": "m2", "author": {"role": "assistant"}, "status": "in_progress",
            "content": {"content_type": "text", "parts": [""]}, "metadata": {}}, "conversation_id": "c"}, "c": 0});
        let input = format!(
            "event: delta_encoding\ndata: \"v1\"\n\nevent: delta\ndata: {add}\n\nevent: delta\ndata: {}\n\nevent: delta\ndata: {}\n\nevent: delta\ndata: {}\n\ndata: {}\n\ndata: [DONE]\n\n",
            json!({"p": "/message/content/parts/0", "o": "append", "v": "Bon"}),
            json!({"v": "jour"}),
            json!({"p": "", "o": "patch", "v": [{"p": "/message/content/parts/0", "o": "append", "v": "!"},
                {"p": "/message/status", "o": "replace", "v": "finished_successfully"},
                {"p": "/message/metadata", "o": "append", "v": {"finish_details": {"type": "max_tokens"}}}]}),
            json!({"type": "message_stream_complete", "conversation_id": "c"}),
        );
        let (events, r) = run(&input);
        r.unwrap();
        assert_eq!(text_of(&events), "Bonjour!");
        assert!(
            events
                .iter()
                .any(|e| matches!(e, StreamEvent::MessageDelta { stop_reason: Some(StopReason::MaxTokens), .. }))
        );
    }

    #[test]
    fn bad_streams_are_errors() {
        let (_, r) = run(&legacy("Hel", "in_progress"));
        assert!(r.unwrap_err().message.contains("broke off"));
        let (_, r) = run("data: {\"message\": {\"id\"");
        assert!(r.unwrap_err().message.contains("middle of an event"));
        let (_, r) = run("event: surprise\ndata: {}\n\n");
        assert!(r.unwrap_err().message.contains("unknown event type 'surprise'"));
        let (_, r) = run("data: {\"type\": \"brand_new\"}\n\n");
        assert!(r.unwrap_err().message.contains("unknown event type 'brand_new'"));
        let (_, r) = run("data: {\"error\": \"You've reached our limit of messages per hour (rate limit)\"}\n\n");
        assert!(r.unwrap_err().rate_limited);
        let (_, r) = run("data: {not json}\n\n");
        assert!(r.unwrap_err().message.contains("unreadable"));
    }

    #[test]
    fn a_blocked_moderation_is_a_content_filter_stop() {
        let m = json!({"type": "moderation", "moderation_response": {"blocked": true}});
        let input = format!("{}data: {m}\n\ndata: [DONE]\n\n", legacy("Sorry", "finished_successfully"));
        let (events, r) = run(&input);
        r.unwrap();
        assert!(
            events
                .iter()
                .any(|e| matches!(e, StreamEvent::MessageDelta { stop_reason: Some(StopReason::ContentFilter), .. }))
        );
    }

    #[test]
    fn thoughts_become_thinking() {
        let t = json!({"message": {"id": "t1", "author": {"role": "assistant"}, "status": "in_progress",
            "content": {"content_type": "thoughts", "thoughts": [{"summary": "Plan", "content": "think"}]}}});
        let input = format!("data: {t}\n\n{}data: [DONE]\n\n", legacy("Answer", "finished_successfully"));
        let (events, r) = run(&input);
        r.unwrap();
        assert!(
            events
                .iter()
                .any(|e| matches!(e, StreamEvent::BlockDelta { delta: Delta::Thinking(s), .. } if s == "Plan\nthink"))
        );
        assert_eq!(text_of(&events), "Answer");
    }
}
