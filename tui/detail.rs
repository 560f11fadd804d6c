//! Turns a `logs.show` answer (`admin::LogDetail`: the stored record and its bodies) into the
//! detail view's conversation: who said what, in order, for both dialects (OpenAI
//! `messages`/`choices`, Anthropic `system`/`messages`/`content` blocks), tool calls and results
//! included. Pure: data in, `Detail` out, so the detail screen is tested without a server.

use crate::tui::app::Detail;
use monorelay::admin::LogDetail;
use monorelay::store::ResponseKind;
use serde_json::Value;

/// The detail view of one request.
pub fn from_detail(data: LogDetail) -> Detail {
    let record = data.entry;
    let mut turns = Vec::new();
    let mut notes = Vec::new();
    match &data.bodies {
        None => notes.push(if record.has_bodies {
            "bodies not returned".to_string()
        } else {
            "no bodies stored (logging.store_bodies is off)".to_string()
        }),
        Some(b) => {
            request_turns(&b.request, &mut turns);
            match b.response_kind {
                ResponseKind::Sse => {
                    notes.push("stream that could not be assembled: raw events".into());
                    turns.push(("response".into(), text_of(&b.response)));
                }
                _ if b.response.is_null() => notes.push("no response body".into()),
                _ => response_turns(&b.response, &mut turns),
            }
            if b.truncated {
                notes.push("a body was longer than logging.max_body_bytes and was cut".into());
            }
            if b.redacted {
                notes.push("secrets were redacted (*****)".into());
            }
        }
    }
    Detail { record, turns, notes }
}

/// A body that is not JSON arrives as a string; anything else is shown as compact JSON.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Text of a content value: a string, or an array of parts/blocks (text, images, tool use/results).
fn content_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts.iter().map(part_text).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn part_text(p: &Value) -> String {
    match p["type"].as_str().unwrap_or("") {
        "text" | "input_text" | "output_text" => text_of(&p["text"]),
        "thinking" => format!("[thinking] {}", text_of(&p["thinking"])),
        "image_url" | "image" | "input_image" => "[image]".into(),
        "tool_use" => format!("[tool call] {}({})", text_of(&p["name"]), p["input"]),
        "tool_result" => format!("[tool result] {}", content_text(&p["content"])),
        _ if p.is_string() => text_of(p),
        _ => p.to_string(),
    }
}

fn tool_calls(v: &Value) -> impl Iterator<Item = String> + '_ {
    v.as_array().into_iter().flatten().map(|c| {
        let f = &c["function"];
        format!("[tool call] {}({})", text_of(&f["name"]), text_of(&f["arguments"]))
    })
}

fn request_turns(req: &Value, turns: &mut Vec<(String, String)>) {
    if let Value::String(s) = req {
        // Not JSON (or cut): show it as it came.
        turns.push(("request".into(), s.clone()));
        return;
    }
    // Anthropic's top-level system prompt.
    let system = content_text(&req["system"]);
    if !system.is_empty() {
        turns.push(("system".into(), system));
    }
    for m in req["messages"].as_array().into_iter().flatten() {
        let role = m["role"].as_str().unwrap_or("?").to_string();
        let mut text = content_text(&m["content"]);
        for call in tool_calls(&m["tool_calls"]) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&call);
        }
        turns.push((role, text));
    }
    if req["messages"].is_null() && !req.is_null() {
        turns.push(("request".into(), req.to_string()));
    }
}

fn response_turns(resp: &Value, turns: &mut Vec<(String, String)>) {
    if resp.is_null() {
        return;
    }
    if let Value::String(s) = resp {
        turns.push(("response".into(), s.clone()));
        return;
    }
    if !resp["error"].is_null() {
        let e = &resp["error"];
        let msg = e["message"].as_str().map(str::to_string).unwrap_or_else(|| text_of(e));
        turns.push(("error".into(), msg));
        return;
    }
    if let Some(choices) = resp["choices"].as_array() {
        for c in choices {
            let m = &c["message"];
            let mut parts = Vec::new();
            let reasoning = text_of(&m["reasoning_content"]);
            if !reasoning.is_empty() {
                parts.push(format!("[thinking] {reasoning}"));
            }
            let text = content_text(&m["content"]);
            if !text.is_empty() {
                parts.push(text);
            }
            parts.extend(tool_calls(&m["tool_calls"]));
            if let Some(f) = c["finish_reason"].as_str() {
                parts.push(format!("[finish: {f}]"));
            }
            turns.push((m["role"].as_str().unwrap_or("assistant").to_string(), parts.join("\n")));
        }
        return;
    }
    if resp["content"].is_array() {
        let mut text = content_text(&resp["content"]);
        if let Some(s) = resp["stop_reason"].as_str() {
            text.push_str(&format!("\n[stop: {s}]"));
        }
        turns.push((resp["role"].as_str().unwrap_or("assistant").to_string(), text));
        return;
    }
    turns.push(("response".into(), resp.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn from_json(data: &Value) -> Result<Detail, String> {
        serde_json::from_value(data.clone()).map(from_detail).map_err(|e| e.to_string())
    }

    fn turns(data: Value) -> Vec<(String, String)> {
        from_json(&data).map(|d| d.turns).unwrap_or_default()
    }

    #[test]
    fn openai_conversation_with_tool_calls() {
        let t = turns(json!({
            "entry": {"id": 1, "requested_model": "gpt"},
            "bodies": {
                "request": {"messages": [
                    {"role": "system", "content": "be brief"},
                    {"role": "user", "content": [{"type": "text", "text": "hi"}, {"type": "image_url"}]}
                ]},
                "response": {"choices": [{"message": {"role": "assistant", "content": "hello",
                    "tool_calls": [{"function": {"name": "f", "arguments": "{\"a\":1}"}}]}, "finish_reason": "tool_calls"}]},
                "response_kind": "json"
            }
        }));
        assert_eq!(
            t,
            [
                ("system".into(), "be brief".into()),
                ("user".into(), "hi\n[image]".into()),
                ("assistant".into(), "hello\n[tool call] f({\"a\":1})\n[finish: tool_calls]".into()),
            ]
        );
    }

    #[test]
    fn anthropic_conversation_and_errors() {
        let t = turns(json!({
            "entry": {"id": 1},
            "bodies": {
                "request": {"system": [{"type": "text", "text": "sys"}], "messages": [
                    {"role": "user", "content": [{"type": "tool_result", "content": "42"}]}
                ]},
                "response": {"role": "assistant", "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn"},
                "response_kind": "assembled"
            }
        }));
        assert_eq!(t[0], ("system".into(), "sys".into()));
        assert_eq!(t[1], ("user".into(), "[tool result] 42".into()));
        assert_eq!(t[2], ("assistant".into(), "ok\n[stop: end_turn]".into()));
        let t =
            turns(json!({"entry": {}, "bodies": {"request": "not json", "response": {"error": {"message": "boom"}}}}));
        assert_eq!(t, [("request".into(), "not json".into()), ("error".into(), "boom".into())]);
    }

    #[test]
    fn notes_say_why_something_is_missing() {
        let d = from_json(&json!({"entry": {"has_bodies": false}, "bodies": null})).unwrap_or_default();
        assert_eq!(d.notes, ["no bodies stored (logging.store_bodies is off)"]);
        let d =
            from_json(&json!({"entry": {}, "bodies": {"request": {}, "response_kind": "empty", "truncated": true}}))
                .unwrap_or_default();
        assert_eq!(d.notes.len(), 2);
        assert!(from_json(&json!({"entry": 5})).is_err());
    }
}
