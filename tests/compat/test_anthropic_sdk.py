"""Compat tests driving monorelay with the official `anthropic` SDK: Anthropic-dialect passthrough, and (marker `translation`) Anthropic client -> OpenAI upstream / mock provider."""

from __future__ import annotations

import http.client
import json
import time

import anthropic
import pytest

from conftest import ACCESS_KEY, ANTHROPIC_KEY, OPENAI_KEY
from upstream import (
    SSE,
    ant_error,
    ant_message,
    ant_stream,
    ant_text,
    ant_thinking,
    ant_tool_use,
    ant_usage,
    oai_completion,
    oai_error,
    oai_text_stream,
    oai_tool_call,
    oai_tool_calls_stream,
    oai_usage,
)

WEATHER = {
    "name": "get_weather",
    "description": "Current weather for a city",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["c", "f"]}},
        "required": ["city"],
    },
}
TIME = {
    "name": "get_time",
    "description": "Local time in a timezone",
    "input_schema": {"type": "object", "properties": {"tz": {"type": "string"}}, "required": ["tz"]},
}


def dump_blocks(message) -> list[dict]:
    """SDK content blocks as plain dicts (only the fields the API defines)."""
    return [b.model_dump(exclude_none=True, exclude={"citations"}) for b in message.content]


def text_of(content) -> str:
    """OpenAI message content as text: a string, or the concatenated text parts of a list."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") for p in content if p.get("type") == "text")


# ============================================================================================
# anthropic SDK -> Anthropic upstream (passthrough)
# ============================================================================================


def test_passthrough_create(ant, anthropic_up):
    upstream_msg = ant_message([ant_text("Hello from Claude.")], usage=ant_usage(25, 6), id="msg_01Fixed")
    anthropic_up.push_json(upstream_msg)
    messages = [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]
    raw = ant.messages.with_raw_response.create(
        model="claude-test@up_anthropic", max_tokens=128, system="Be brief.", messages=messages,
        stop_sequences=["END"], metadata={"user_id": "u-1"},
        extra_body={"x_custom": {"keep": ["me", 1]}},
        extra_headers={"anthropic-version": "2023-01-01", "anthropic-beta": "test-beta-2099"},
    )
    msg = raw.parse()

    req = anthropic_up.last
    assert req.method == "POST" and req.path == "/v1/messages"
    assert req.header("x-api-key") == ANTHROPIC_KEY
    assert req.header("anthropic-version") == "2023-01-01", "the client's anthropic-version must be forwarded"
    assert req.header("anthropic-beta") == "test-beta-2099"
    assert ACCESS_KEY not in json.dumps(req.headers) and ACCESS_KEY.encode() not in req.raw
    assert req.body == {
        "model": "claude-test", "max_tokens": 128, "system": "Be brief.", "messages": messages,
        "stop_sequences": ["END"], "metadata": {"user_id": "u-1"}, "x_custom": {"keep": ["me", 1]},
    }, "passthrough must only rewrite `model`"

    assert msg.id == "msg_01Fixed"
    assert msg.role == "assistant" and msg.type == "message"
    assert dump_blocks(msg) == [{"type": "text", "text": "Hello from Claude."}]
    assert msg.stop_reason == "end_turn"
    assert msg.usage.input_tokens == 25 and msg.usage.output_tokens == 6
    assert raw.headers["x-monorelay-provider"] == "up_anthropic"
    assert raw.headers["x-monorelay-model"] == "claude-test"
    assert raw.headers["x-monorelay-attempts"] == "1"


def test_passthrough_default_anthropic_version_from_sdk(ant, anthropic_up):
    anthropic_up.push_json(ant_message([ant_text("ok")]))
    raw = ant.messages.with_raw_response.create(model="claude-test", max_tokens=5,
                                                messages=[{"role": "user", "content": "hi"}])
    sdk_version = raw.http_request.headers["anthropic-version"]
    assert sdk_version, "the SDK always sends anthropic-version"
    assert anthropic_up.last.header("anthropic-version") == sdk_version
    assert anthropic_up.last.body["model"] == "claude-test"
    assert raw.parse().content[0].text == "ok"


def test_passthrough_stream_thinking_text_tool_use(ant, anthropic_up):
    blocks = [
        ant_thinking("Need the weather tool.", signature="sig-abc123=="),
        ant_text("Let me look that up."),
        ant_tool_use("get_weather", {"city": "Berlin", "unit": "c"}, id="toolu_01Stream"),
    ]
    anthropic_up.push_stream(ant_stream(blocks, input_tokens=40, output_tokens=33, pieces=4, id="msg_01S"))
    with ant.messages.stream(
        model="claude-test", max_tokens=1024, tools=[WEATHER], messages=[{"role": "user", "content": "Berlin?"}],
        thinking={"type": "enabled", "budget_tokens": 512},
    ) as s:
        texts = list(s.text_stream)
        final = s.get_final_message()

    req = anthropic_up.last
    assert req.body["stream"] is True
    assert req.body["tools"] == [WEATHER]
    assert req.body["thinking"] == {"type": "enabled", "budget_tokens": 512}
    assert len(texts) >= 2 and "".join(texts) == "Let me look that up."
    assert final.id == "msg_01S"
    assert dump_blocks(final) == [
        {"type": "thinking", "thinking": "Need the weather tool.", "signature": "sig-abc123=="},
        {"type": "text", "text": "Let me look that up."},
        {"type": "tool_use", "id": "toolu_01Stream", "name": "get_weather", "input": {"city": "Berlin", "unit": "c"}},
    ]
    assert final.stop_reason == "tool_use"
    assert final.usage.input_tokens == 40 and final.usage.output_tokens == 33


def test_passthrough_wrong_key_is_authentication_error(relay, anthropic_up):
    with anthropic.Anthropic(base_url=relay.anthropic_base, api_key="wrong-key", max_retries=0, timeout=10) as bad:
        with pytest.raises(anthropic.AuthenticationError) as ei:
            bad.messages.create(model="claude-test", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    e = ei.value
    assert e.status_code == 401
    assert isinstance(e.body, dict)
    assert e.body.get("type") == "error", f"Anthropic-shaped error body expected, got {e.body}"
    assert e.body["error"]["type"] == "authentication_error"
    assert e.body["error"]["message"]
    assert anthropic_up.requests == []


def test_passthrough_upstream_400_is_bad_request_error(ant, anthropic_up):
    anthropic_up.push_json(ant_error("max_tokens: Field required"), status=400)
    with pytest.raises(anthropic.BadRequestError) as ei:
        ant.messages.create(model="claude-test", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    e = ei.value
    assert e.status_code == 400
    assert "up_anthropic" in e.message and "max_tokens: Field required" in e.message
    assert e.body["type"] == "error" and e.body["error"]["type"] == "invalid_request_error"
    assert len(anthropic_up.requests) == 1


def test_passthrough_stream_cut_before_message_stop_raises(ant, anthropic_up):
    """What the SDK does: the relay ends the stream with `event: error` (never `message_stop`);
    the SDK raises `anthropic.APIStatusError` (status 200, the error event as body) while iterating."""
    events = ant_stream([ant_text("an answer that gets cut")], stop=False)[:-1]  # drop message_delta too
    anthropic_up.push_stream(events)
    seen: list[str] = []
    with pytest.raises(anthropic.APIStatusError) as ei:
        with ant.messages.stream(model="claude-test", max_tokens=50,
                                 messages=[{"role": "user", "content": "hi"}]) as s:
            for t in s.text_stream:
                seen.append(t)
            s.get_final_message()
    assert "up_anthropic" in str(ei.value)
    assert ei.value.body["type"] == "error"
    assert "".join(seen) == "an answer that gets cut"


# ============================================================================================
# anthropic SDK -> OpenAI-dialect upstream and mock (translation)
# ============================================================================================

translation = pytest.mark.translation


@translation
def test_x_create_text_to_openai(ant, openai_up):
    openai_up.push_json(oai_completion("Hi there!", usage=oai_usage(19, 4), id="chatcmpl-x1"))
    raw = ant.messages.with_raw_response.create(
        model="gpt-test", max_tokens=77, system="You are terse.", stop_sequences=["END"],
        messages=[{"role": "user", "content": "Hello"}],
    )
    msg = raw.parse()
    req = openai_up.last
    assert req.path == "/v1/chat/completions"
    assert req.header("authorization") == f"Bearer {OPENAI_KEY}"
    assert req.header("x-api-key") is None
    assert req.body["model"] == "gpt-test"
    assert req.body["messages"][0]["role"] == "system"
    assert text_of(req.body["messages"][0]["content"]) == "You are terse."
    assert [m["role"] for m in req.body["messages"]] == ["system", "user"]
    assert text_of(req.body["messages"][1]["content"]) == "Hello"
    assert req.body["max_tokens"] == 77
    assert req.body.get("stop") in (["END"], "END")
    assert not req.body.get("stream")

    assert msg.type == "message" and msg.role == "assistant"
    assert msg.id.startswith("msg_")
    assert dump_blocks(msg) == [{"type": "text", "text": "Hi there!"}]
    assert msg.stop_reason == "end_turn"
    assert msg.usage.input_tokens == 19 and msg.usage.output_tokens == 4
    assert raw.headers["x-monorelay-provider"] == "up_openai"


@translation
def test_x_tools_converted_and_tool_use_returned(ant, openai_up):
    openai_up.push_json(oai_completion(None, tool_calls=[
        oai_tool_call("get_weather", {"city": "Lima", "unit": "c"}, call_id="call_NS1"),
        oai_tool_call("get_time", {"tz": "America/Lima"}, call_id="call_NS2"),
    ]))
    msg = ant.messages.create(
        model="gpt-test", max_tokens=300, tools=[WEATHER, TIME], tool_choice={"type": "auto"},
        messages=[{"role": "user", "content": "Lima?"}],
    )
    req = openai_up.last
    assert req.body["tools"] == [
        {"type": "function", "function": {"name": t["name"], "description": t["description"],
                                          "parameters": t["input_schema"]}}
        for t in (WEATHER, TIME)
    ]
    assert req.body.get("tool_choice") in ("auto", None)
    uses = [b for b in dump_blocks(msg) if b["type"] == "tool_use"]
    assert [(u["name"], u["input"]) for u in uses] == [
        ("get_weather", {"city": "Lima", "unit": "c"}), ("get_time", {"tz": "America/Lima"})]
    assert all(u["id"] for u in uses) and len({u["id"] for u in uses}) == 2
    assert msg.stop_reason == "tool_use"


@translation
def test_x_stream_text(ant, openai_up):
    openai_up.push_stream(oai_text_stream(["Str", "eam", "ing ", "works."], usage=oai_usage(12, 9)))
    with ant.messages.stream(model="gpt-test", max_tokens=64, system="sys",
                             messages=[{"role": "user", "content": "go"}]) as s:
        texts = list(s.text_stream)
        final = s.get_final_message()
    req = openai_up.last
    assert req.body["stream"] is True
    assert req.body.get("stream_options", {}).get("include_usage") is True, \
        "Anthropic clients always get usage, so the relay must ask the OpenAI upstream for it"
    assert len(texts) >= 2 and "".join(texts) == "Streaming works."
    assert dump_blocks(final) == [{"type": "text", "text": "Streaming works."}]
    assert final.stop_reason == "end_turn"
    assert final.usage.output_tokens == 9
    assert final.usage.input_tokens == 12


@translation
def test_x_stream_tool_use_from_argument_pieces(ant, openai_up):
    calls = [
        ("call_S1", "get_weather", ['{"city"', ': "Ky', 'iv", "unit"', ': "c"}']),
        ("call_S2", "get_time", ['{"tz": ', '"Europe/Kyiv"}']),
    ]
    openai_up.push_stream(oai_tool_calls_stream(calls, text=["Checking", " now."], usage=oai_usage(30, 25)))
    with ant.messages.stream(model="gpt-test", max_tokens=300, tools=[WEATHER, TIME],
                             messages=[{"role": "user", "content": "Kyiv?"}]) as s:
        events = list(s)
        final = s.get_final_message()
    assert any(e.type == "input_json" for e in events), "tool input must stream as input_json_delta"
    blocks = dump_blocks(final)
    assert blocks[0] == {"type": "text", "text": "Checking now."}
    uses = blocks[1:]
    assert [(u["type"], u["name"], u["input"]) for u in uses] == [
        ("tool_use", "get_weather", {"city": "Kyiv", "unit": "c"}),
        ("tool_use", "get_time", {"tz": "Europe/Kyiv"}),
    ]
    assert all(u["id"] for u in uses)
    assert final.stop_reason == "tool_use"
    assert final.usage.output_tokens == 25


@translation
def test_x_stream_reasoning_becomes_thinking(ant, openai_up):
    openai_up.push_stream(oai_text_stream(["The answer ", "is 4."], reasoning=["2+2 ", "is 4"], usage=oai_usage(5, 5)))
    with ant.messages.stream(model="gpt-test", max_tokens=64, messages=[{"role": "user", "content": "2+2?"}]) as s:
        final = s.get_final_message()
    kinds = [b.type for b in final.content]
    assert kinds == ["thinking", "text"]
    assert final.content[0].thinking == "2+2 is 4"
    assert final.content[1].text == "The answer is 4."


@translation
def test_x_tool_use_then_tool_result_round_trip(ant, openai_up):
    openai_up.push_json(oai_completion(None, tool_calls=[oai_tool_call("get_weather", {"city": "Rome"},
                                                                       call_id="call_RT1")]))
    messages = [{"role": "user", "content": "Rome?"}]
    first = ant.messages.create(model="gpt-test", max_tokens=100, tools=[WEATHER], messages=messages)
    use = next(b for b in first.content if b.type == "tool_use")
    assert use.name == "get_weather" and use.input == {"city": "Rome"}

    openai_up.push_json(oai_completion("It is sunny in Rome."))
    messages += [
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id, "content": "sunny, 25C"}]},
    ]
    second = ant.messages.create(model="gpt-test", max_tokens=100, tools=[WEATHER], messages=messages)
    assert dump_blocks(second) == [{"type": "text", "text": "It is sunny in Rome."}]

    sent = openai_up.last.body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "tool"]
    calls = sent[1]["tool_calls"]
    assert len(calls) == 1 and calls[0]["type"] == "function"
    assert calls[0]["function"]["name"] == "get_weather"
    assert json.loads(calls[0]["function"]["arguments"]) == {"city": "Rome"}
    assert sent[2]["tool_call_id"] == calls[0]["id"], "tool result and tool call must carry the same id"
    assert calls[0]["id"] in (use.id, "call_RT1")
    assert text_of(sent[2]["content"]) == "sunny, 25C"


@translation
def test_x_openai_400_is_anthropic_bad_request(ant, openai_up):
    openai_up.push_json(oai_error("This model's maximum context length is 10 tokens", "invalid_request_error",
                                  "context_length_exceeded"), status=400)
    with pytest.raises(anthropic.BadRequestError) as ei:
        ant.messages.create(model="gpt-test", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    e = ei.value
    assert e.status_code == 400
    assert "up_openai" in e.message and "maximum context length" in e.message
    assert e.body["type"] == "error" and e.body["error"]["type"] == "invalid_request_error"


@translation
def test_x_mock_echo_create_and_stream(ant):
    msg = ant.messages.create(model="echo", max_tokens=50, messages=[{"role": "user", "content": "echo me please"}])
    assert dump_blocks(msg) == [{"type": "text", "text": "echo me please"}]
    assert msg.stop_reason == "end_turn"
    with ant.messages.stream(model="echo", max_tokens=50,
                             messages=[{"role": "user", "content": "stream me as well"}]) as s:
        texts = list(s.text_stream)
        final = s.get_final_message()
    assert len(texts) > 1 and "".join(texts) == "stream me as well"
    assert dump_blocks(final) == [{"type": "text", "text": "stream me as well"}]


@translation
def test_x_mock_tool_use_and_result(ant):
    first = ant.messages.create(model="echo", max_tokens=50, tools=[WEATHER],
                                messages=[{"role": "user", "content": "Oslo"}])
    use = next(b for b in first.content if b.type == "tool_use")
    assert use.name == "get_weather" and use.input == {"city": "Oslo"}
    assert first.stop_reason == "tool_use"
    second = ant.messages.create(model="echo", max_tokens=50, tools=[WEATHER], messages=[
        {"role": "user", "content": "Oslo"},
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id, "content": "snow"}]},
    ])
    assert dump_blocks(second) == [{"type": "text", "text": "tool result: snow"}]


def test_passthrough_stream_upstream_error_event_raises(ant, anthropic_up):
    """An upstream `event: error` mid-stream (e.g. overloaded) reaches the SDK, which raises."""
    events = ant_stream([ant_text("some text before overload")], stop=False)[:-1]
    events.append(SSE(ant_error("Overloaded", "overloaded_error"), event="error"))
    anthropic_up.push_stream(events)
    with pytest.raises(anthropic.APIStatusError) as ei:
        with ant.messages.stream(model="claude-test", max_tokens=50,
                                 messages=[{"role": "user", "content": "hi"}]) as s:
            for _ in s:
                pass
    assert ei.value.body["error"]["type"] == "overloaded_error"
    assert "Overloaded" in str(ei.value)


@translation
def test_x_stream_raw_anthropic_framing_from_openai(relay, openai_up):
    """On the wire: named events in Anthropic order, ending with message_stop, no [DONE]."""
    openai_up.push_stream(oai_text_stream(["raw ", "framing"], usage=oai_usage(3, 2)))
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=10)
    conn.request("POST", "/v1/messages",
                 body=json.dumps({"model": "gpt-test", "stream": True, "max_tokens": 20,
                                  "messages": [{"role": "user", "content": "hi"}]}),
                 headers={"x-api-key": relay.key, "anthropic-version": "2023-06-01",
                          "Content-Type": "application/json"})
    resp = conn.getresponse()
    body = resp.read().decode()
    conn.close()
    assert resp.status == 200
    assert "[DONE]" not in body
    names = [line[len("event:"):].strip() for line in body.splitlines() if line.startswith("event:")]
    names = [n for n in names if n != "ping"]
    assert names[0] == "message_start" and names[-2:] == ["message_delta", "message_stop"]
    assert names[1:-2] == ["content_block_start"] + ["content_block_delta"] * (len(names) - 5) + ["content_block_stop"]
    datas = [json.loads(line[5:]) for line in body.splitlines() if line.startswith("data:")]
    assert all(d["type"] in names + ["ping"] for d in datas)


@translation
def test_x_stream_is_not_buffered(ant, openai_up):
    events = oai_text_stream(["first", " second"])
    events[2].delay = 1.5
    openai_up.push_stream(events)
    t0 = time.monotonic()
    first_at = None
    with ant.messages.stream(model="gpt-test", max_tokens=20, messages=[{"role": "user", "content": "hi"}]) as s:
        for t in s.text_stream:
            if first_at is None:
                first_at = time.monotonic() - t0
        final = s.get_final_message()
    assert final.content[0].text == "first second"
    assert first_at is not None and first_at < 1.0, f"first text after {first_at:.2f}s: the relay buffered"
