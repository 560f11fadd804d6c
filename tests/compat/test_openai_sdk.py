"""Compat tests driving monorelay with the official `openai` SDK: mock provider, OpenAI-dialect passthrough, and (marker `translation`) OpenAI client -> Anthropic upstream."""

from __future__ import annotations

import http.client
import json
import time

import openai
import pytest

from conftest import ACCESS_KEY, ANTHROPIC_KEY, FAILOVER_KEYS, OPENAI_KEY
from upstream import (
    Reply,
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
    oai_tool_calls_stream,
    oai_usage,
)

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["c", "f"]}},
            "required": ["city"],
        },
    },
}
TIME_TOOL = {
    "type": "function",
    "function": {
        "name": "get_time",
        "description": "Local time in a timezone",
        "parameters": {"type": "object", "properties": {"tz": {"type": "string"}}, "required": ["tz"]},
    },
}


def assistant_param(msg) -> dict:
    """An SDK ChatCompletionMessage turned back into a request message, as an app would do."""
    out: dict = {"role": "assistant", "content": msg.content}
    if msg.tool_calls:
        out["tool_calls"] = [
            {"id": tc.id, "type": "function", "function": {"name": tc.function.name, "arguments": tc.function.arguments}}
            for tc in msg.tool_calls
        ]
    return out


def collect_stream(stream):
    """Iterate an SDK ChatCompletionStream fully; return (events, raw chunks, final completion)."""
    events = list(stream)
    chunks = [e.chunk for e in events if e.type == "chunk"]
    return events, chunks, stream.get_final_completion()


def text_of(content) -> str:
    """Anthropic content as text: a string, or the concatenated text blocks of a list."""
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content if b.get("type") == "text")


# ============================================================================================
# openai SDK -> mock provider
# ============================================================================================


def test_mock_create_echo(oai):
    raw = oai.chat.completions.with_raw_response.create(
        model="echo", messages=[{"role": "user", "content": "hello compat suite"}]
    )
    resp = raw.parse()
    assert resp.choices[0].message.content == "hello compat suite"
    assert resp.choices[0].message.role == "assistant"
    assert resp.choices[0].finish_reason == "stop"
    assert resp.usage is not None and resp.usage.completion_tokens > 0
    assert raw.headers["x-monorelay-provider"] == "mock"
    assert raw.headers["x-monorelay-model"] == "echo"
    assert raw.headers["x-monorelay-attempts"] == "1"


def test_mock_stream_helper_echo(oai):
    text = "the quick brown fox jumps over the lazy dog"
    with oai.chat.completions.stream(model="echo", messages=[{"role": "user", "content": text}]) as s:
        events, chunks, final = collect_stream(s)
    deltas = [e.delta for e in events if e.type == "content.delta"]
    assert len(deltas) > 1, "the mock streams in word pieces; expected several content deltas"
    assert "".join(deltas) == text
    assert final.choices[0].message.content == text
    assert final.choices[0].finish_reason == "stop"
    # the client did not ask for usage: no usage chunk must reach it
    assert all(c.usage is None for c in chunks)


def test_mock_tool_call_then_result(oai):
    messages = [{"role": "user", "content": "Paris"}]
    resp = oai.chat.completions.create(model="echo", messages=messages, tools=[WEATHER_TOOL])
    msg = resp.choices[0].message
    assert resp.choices[0].finish_reason == "tool_calls"
    assert msg.tool_calls and len(msg.tool_calls) == 1
    call = msg.tool_calls[0]
    assert call.type == "function"
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": "Paris"}
    assert call.id

    messages += [assistant_param(msg), {"role": "tool", "tool_call_id": call.id, "content": "sunny, 21C"}]
    resp2 = oai.chat.completions.create(model="echo", messages=messages, tools=[WEATHER_TOOL])
    assert resp2.choices[0].message.content == "tool result: sunny, 21C"
    assert resp2.choices[0].finish_reason == "stop"


def test_mock_stream_tool_call(oai):
    with oai.chat.completions.stream(
        model="echo", messages=[{"role": "user", "content": "a rather long city name to split"}], tools=[WEATHER_TOOL]
    ) as s:
        events, _, final = collect_stream(s)
    assert sum(1 for e in events if e.type == "tool_calls.function.arguments.delta") > 1
    calls = final.choices[0].message.tool_calls
    assert len(calls) == 1 and calls[0].function.name == "get_weather"
    assert json.loads(calls[0].function.arguments) == {"city": "a rather long city name to split"}
    assert final.choices[0].finish_reason == "tool_calls"


def test_models_list(oai):
    ids = {m.id for m in oai.models.list()}
    assert {"gpt-test@up_openai", "gpt-failover@up_failover", "claude-test@up_anthropic"} <= ids


# ============================================================================================
# openai SDK -> OpenAI-dialect upstream (passthrough)
# ============================================================================================


def test_passthrough_create_rewrites_model_keeps_unknown_fields(oai, openai_up):
    upstream_body = oai_completion("Hi from upstream", usage=oai_usage(11, 4), id="chatcmpl-fixed-1")
    openai_up.push_json(upstream_body)
    custom = {"nested": {"a": [1, 2, {"b": None}]}, "flag": True, "text": "ünïcode ✓"}
    messages = [{"role": "system", "content": "be terse"}, {"role": "user", "content": "hello"}]
    raw = oai.chat.completions.with_raw_response.create(
        model="gpt-test@up_openai", messages=messages, temperature=0.25, max_tokens=64,
        extra_body={"x_custom": custom},
    )
    resp = raw.parse()

    req = openai_up.last
    assert req.method == "POST" and req.path == "/v1/chat/completions"
    assert req.header("authorization") == f"Bearer {OPENAI_KEY}"
    assert req.body["model"] == "gpt-test", "model@provider must be rewritten to the upstream model"
    assert req.body["x_custom"] == custom, "unknown fields must survive passthrough unchanged"
    assert req.body["messages"] == messages
    assert req.body["temperature"] == 0.25 and req.body["max_tokens"] == 64
    assert "stream_options" not in req.body, "non-stream requests must not get stream_options"
    assert_no_access_key(req)

    assert resp.id == "chatcmpl-fixed-1"
    assert resp.choices[0].message.content == "Hi from upstream"
    assert resp.usage.prompt_tokens == 11 and resp.usage.completion_tokens == 4
    assert raw.headers["x-monorelay-provider"] == "up_openai"
    assert raw.headers["x-monorelay-model"] == "gpt-test"
    assert raw.headers["x-monorelay-attempts"] == "1"


def assert_no_access_key(req) -> None:
    """The relay's own access key must never be forwarded upstream."""
    assert ACCESS_KEY not in json.dumps(req.headers) and ACCESS_KEY.encode() not in req.raw


def test_passthrough_routes_by_include_list(oai, openai_up):
    openai_up.push_json(oai_completion("routed"))
    resp = oai.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "x"}])
    assert resp.choices[0].message.content == "routed"
    assert openai_up.last.body["model"] == "gpt-test"


def test_passthrough_stream_without_client_usage(oai, openai_up):
    usage = oai_usage(30, 9)
    openai_up.push_stream(oai_text_stream(["Hel", "lo ", "wor", "ld"], usage=usage, reasoning=["think", "ing"]))
    with oai.chat.completions.stream(model="gpt-test", messages=[{"role": "user", "content": "hi"}]) as s:
        events, chunks, final = collect_stream(s)

    req = openai_up.last
    assert req.body["stream"] is True
    assert req.body["stream_options"] == {"include_usage": True}, "the relay must ask the upstream for usage"
    assert all(c.usage is None for c in chunks), "the usage chunk the client did not ask for must be removed"
    assert all(c.choices for c in chunks), "no choice-less chunk may reach the client"
    assert final.usage is None
    assert final.choices[0].message.content == "Hello world"
    assert final.choices[0].finish_reason == "stop"
    # non-standard fields pass through untouched (the SDK keeps them as extras)
    reasoning = "".join((c.choices[0].delta.model_extra or {}).get("reasoning_content") or "" for c in chunks)
    assert reasoning == "thinking"


def test_passthrough_stream_with_client_usage(oai, openai_up):
    openai_up.push_stream(oai_text_stream(["a", "b", "c"], usage=oai_usage(17, 3)))
    with oai.chat.completions.stream(
        model="gpt-test", messages=[{"role": "user", "content": "hi"}], stream_options={"include_usage": True}
    ) as s:
        _, chunks, final = collect_stream(s)
    assert openai_up.last.body["stream_options"] == {"include_usage": True}
    usage_chunks = [c for c in chunks if c.usage is not None]
    assert len(usage_chunks) == 1 and usage_chunks[0].choices == []
    assert final.usage.prompt_tokens == 17 and final.usage.completion_tokens == 3
    assert final.usage.total_tokens == 20
    assert final.choices[0].message.content == "abc"


def test_passthrough_stream_parallel_tool_calls(oai, openai_up):
    calls = [
        ("call_w1", "get_weather", ['{"ci', 'ty": "Par', 'is", "un', 'it": "c"}']),
        ("call_t2", "get_time", ["{", '"tz"', ': "Europe/', 'Paris"', "}"]),
    ]
    openai_up.push_stream(oai_tool_calls_stream(calls, usage=oai_usage(40, 20)))
    with oai.chat.completions.stream(
        model="gpt-test", messages=[{"role": "user", "content": "weather and time in Paris?"}],
        tools=[WEATHER_TOOL, TIME_TOOL], parallel_tool_calls=True,
    ) as s:
        events, _, final = collect_stream(s)

    assert openai_up.last.body["tools"] == [WEATHER_TOOL, TIME_TOOL]
    assert openai_up.last.body["parallel_tool_calls"] is True
    done = {e.name: json.loads(e.arguments) for e in events if e.type == "tool_calls.function.arguments.done"}
    assert done == {"get_weather": {"city": "Paris", "unit": "c"}, "get_time": {"tz": "Europe/Paris"}}
    msg = final.choices[0].message
    assert final.choices[0].finish_reason == "tool_calls"
    assert [(t.id, t.function.name) for t in msg.tool_calls] == [("call_w1", "get_weather"), ("call_t2", "get_time")]
    assert json.loads(msg.tool_calls[0].function.arguments) == {"city": "Paris", "unit": "c"}
    assert json.loads(msg.tool_calls[1].function.arguments) == {"tz": "Europe/Paris"}


def test_passthrough_429_fails_over_to_second_key(oai, openai_up):
    openai_up.push(
        Reply(status=429, body=oai_error("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"),
              headers={"Retry-After": "30"}),
        Reply(status=200, body=oai_completion("from the second key", model="gpt-failover")),
    )
    raw = oai.chat.completions.with_raw_response.create(
        model="gpt-failover", messages=[{"role": "user", "content": "hi"}]
    )
    assert raw.status_code == 200
    assert raw.parse().choices[0].message.content == "from the second key"
    auths = [r.header("authorization") for r in openai_up.requests]
    assert len(auths) == 2, f"expected one failover, upstream saw {auths}"
    assert sorted(auths) == sorted(f"Bearer {k}" for k in FAILOVER_KEYS), "the second attempt must use the other key"
    assert raw.headers["x-monorelay-attempts"] == "2"
    assert raw.headers["x-monorelay-provider"] == "up_failover"
    assert openai_up.requests[0].body == openai_up.requests[1].body


def test_passthrough_upstream_400_is_bad_request_error(oai, openai_up):
    openai_up.push_json(oai_error("Invalid 'messages[0].role': bogus", "invalid_request_error", param="messages"),
                        status=400)
    with pytest.raises(openai.BadRequestError) as ei:
        oai.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])
    e = ei.value
    assert e.status_code == 400
    assert "up_openai" in e.message
    assert "Invalid 'messages[0].role': bogus" in e.message
    assert isinstance(e.body, dict) and e.body.get("type") == "invalid_request_error"
    assert len(openai_up.requests) == 1, "a client error must not be retried on another key"


def test_wrong_relay_key_is_authentication_error(relay, openai_up):
    with openai.OpenAI(base_url=relay.openai_base, api_key="wrong-key", max_retries=0, timeout=10) as bad:
        with pytest.raises(openai.AuthenticationError) as ei:
            bad.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == 401
    assert openai_up.requests == [], "an unauthenticated request must never reach the upstream"


@pytest.mark.parametrize("abort", [False, True], ids=["clean-eof", "connection-dropped"])
def test_passthrough_stream_cut_before_done_raises(oai, openai_up, abort):
    """What the SDK does: the relay ends the stream with an OpenAI-shaped `{"error": ...}` event
    (and no [DONE]); the SDK's Stream raises `openai.APIError` with that message while iterating,
    so `.stream()` never yields a clean finish."""
    events = oai_text_stream(["partial ", "answer"], done=False)[:-1]  # no finish chunk, no [DONE]
    openai_up.push_stream(events, abort=abort)
    seen: list[str] = []
    with pytest.raises(openai.APIError) as ei:
        with oai.chat.completions.stream(model="gpt-test", messages=[{"role": "user", "content": "hi"}]) as s:
            for e in s:
                if e.type == "content.delta":
                    seen.append(e.delta)
            s.get_final_completion()
    assert "up_openai" in ei.value.message
    assert "".join(seen) == "partial answer", "what the upstream did send must reach the client first"


def test_passthrough_stream_cut_raw_has_error_and_no_done(relay, openai_up):
    """The same cut seen on the wire: an error event and never `data: [DONE]`."""
    openai_up.push_stream(oai_text_stream(["x"], done=False)[:-1])
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=10)
    conn.request("POST", "/v1/chat/completions",
                 body=json.dumps({"model": "gpt-test", "stream": True, "messages": [{"role": "user", "content": "hi"}]}),
                 headers={"Authorization": f"Bearer {relay.key}", "Content-Type": "application/json"})
    resp = conn.getresponse()
    body = resp.read().decode()
    conn.close()
    assert resp.status == 200
    assert "data: [DONE]" not in body
    datas = [json.loads(line[5:]) for line in body.splitlines() if line.startswith("data:")]
    assert datas[-1].get("error"), f"last event must be an error, got {datas[-1]}"
    assert datas[0]["choices"][0]["delta"].get("role") == "assistant"


# ============================================================================================
# openai SDK -> Anthropic upstream (translation)
# ============================================================================================

translation = pytest.mark.translation


def blocks(content) -> list[dict]:
    """Anthropic message content normalised to a list of blocks."""
    return [{"type": "text", "text": content}] if isinstance(content, str) else content


@translation
def test_x_create_text_to_anthropic(oai, anthropic_up):
    anthropic_up.push_json(ant_message([ant_text("Bonjour!")], usage=ant_usage(21, 7)))
    raw = oai.chat.completions.with_raw_response.create(
        model="claude-test",
        messages=[{"role": "system", "content": "Answer in French."}, {"role": "user", "content": "Hello"}],
        max_tokens=50, temperature=0.5,
    )
    resp = raw.parse()
    req = anthropic_up.last
    assert req.path == "/v1/messages"
    assert req.header("x-api-key") == ANTHROPIC_KEY
    assert req.header("anthropic-version")
    assert req.body["model"] == "claude-test"
    assert text_of(req.body["system"]) == "Answer in French."
    assert [m["role"] for m in req.body["messages"]] == ["user"], "the system message must move to `system`"
    assert text_of(req.body["messages"][0]["content"]) == "Hello"
    assert req.body["max_tokens"] == 50
    assert req.body["temperature"] == 0.5
    assert not req.body.get("stream")

    assert resp.object == "chat.completion"
    assert resp.choices[0].message.role == "assistant"
    assert resp.choices[0].message.content == "Bonjour!"
    assert resp.choices[0].finish_reason == "stop"
    assert resp.usage.prompt_tokens == 21 and resp.usage.completion_tokens == 7 and resp.usage.total_tokens == 28
    assert raw.headers["x-monorelay-provider"] == "up_anthropic"


@translation
def test_x_max_tokens_supplied_when_client_omits_it(oai, anthropic_up):
    anthropic_up.push_json(ant_message([ant_text("ok")]))
    resp = oai.chat.completions.create(model="claude-test", messages=[{"role": "user", "content": "hi"}])
    assert resp.choices[0].message.content == "ok"
    mt = anthropic_up.last.body.get("max_tokens")
    assert isinstance(mt, int) and mt > 0, "Anthropic requires max_tokens; the relay must supply one"


@translation
def test_x_usage_counts_cached_prompt_tokens(oai, anthropic_up):
    """OpenAI's prompt_tokens counts every prompt token; Anthropic's input_tokens excludes cache."""
    anthropic_up.push_json(ant_message([ant_text("ok")], usage=ant_usage(10, 5, cache_read=100, cache_write=20)))
    resp = oai.chat.completions.create(model="claude-test", messages=[{"role": "user", "content": "hi"}])
    assert resp.usage.prompt_tokens == 130
    assert resp.usage.completion_tokens == 5


@translation
@pytest.mark.parametrize(
    "stop_reason,finish_reason",
    [("end_turn", "stop"), ("max_tokens", "length"), ("stop_sequence", "stop"), ("tool_use", "tool_calls")],
)
def test_x_stop_reason_mapping(oai, anthropic_up, stop_reason, finish_reason):
    content = [ant_text("partial")]
    if stop_reason == "tool_use":
        content.append(ant_tool_use("get_weather", {"city": "Rome"}, id="toolu_01Stop"))
    anthropic_up.push_json(ant_message(content, stop_reason=stop_reason))
    resp = oai.chat.completions.create(
        model="claude-test", messages=[{"role": "user", "content": "hi"}], tools=[WEATHER_TOOL], max_tokens=20
    )
    assert resp.choices[0].finish_reason == finish_reason


@translation
def test_x_tool_calls_then_results_round_trip(oai, anthropic_up):
    anthropic_up.push_json(ant_message([
        ant_text("Let me check."),
        ant_tool_use("get_weather", {"city": "Paris", "unit": "c"}, id="toolu_01Weather"),
        ant_tool_use("get_time", {"tz": "Europe/Paris"}, id="toolu_01Time"),
    ], usage=ant_usage(50, 30)))
    messages = [{"role": "user", "content": "Weather and time in Paris?"}]
    resp = oai.chat.completions.create(model="claude-test", messages=messages, tools=[WEATHER_TOOL, TIME_TOOL],
                                       max_tokens=200)

    req = anthropic_up.last
    tools = {t["name"]: t for t in req.body["tools"]}
    assert set(tools) == {"get_weather", "get_time"}
    assert tools["get_weather"]["input_schema"] == WEATHER_TOOL["function"]["parameters"]
    assert tools["get_weather"]["description"] == WEATHER_TOOL["function"]["description"]

    msg = resp.choices[0].message
    assert resp.choices[0].finish_reason == "tool_calls"
    assert msg.content == "Let me check."
    got = [(t.id, t.type, t.function.name, json.loads(t.function.arguments)) for t in msg.tool_calls]
    assert [g[1:] for g in got] == [("function", "get_weather", {"city": "Paris", "unit": "c"}),
                                    ("function", "get_time", {"tz": "Europe/Paris"})]
    ids = [g[0] for g in got]
    assert len(set(ids)) == 2 and all(ids)

    anthropic_up.push_json(ant_message([ant_text("Sunny, and it is noon.")]))
    messages += [
        assistant_param(msg),
        {"role": "tool", "tool_call_id": ids[0], "content": "sunny, 21C"},
        {"role": "tool", "tool_call_id": ids[1], "content": "12:00"},
    ]
    resp2 = oai.chat.completions.create(model="claude-test", messages=messages, tools=[WEATHER_TOOL, TIME_TOOL],
                                        max_tokens=200)
    assert resp2.choices[0].message.content == "Sunny, and it is noon."

    sent = anthropic_up.last.body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "user"], \
        "tool results must come back as ONE user message right after the assistant's tool_use turn"
    uses = [b for b in blocks(sent[1]["content"]) if b["type"] == "tool_use"]
    assert [(b["id"], b["name"], b["input"]) for b in uses] == [
        ("toolu_01Weather", "get_weather", {"city": "Paris", "unit": "c"}),
        ("toolu_01Time", "get_time", {"tz": "Europe/Paris"}),
    ]
    assert text_of([b for b in blocks(sent[1]["content"]) if b["type"] == "text"]) == "Let me check."
    results = [b for b in blocks(sent[2]["content"]) if b["type"] == "tool_result"]
    assert [r["tool_use_id"] for r in results] == ["toolu_01Weather", "toolu_01Time"]
    assert [text_of(r["content"]) for r in results] == ["sunny, 21C", "12:00"]


@translation
def test_x_stream_text_with_usage(oai, anthropic_up):
    text = "Streaming across dialects works."
    anthropic_up.push_stream(ant_stream([ant_text(text)], input_tokens=33, output_tokens=8, pieces=5))
    with oai.chat.completions.stream(
        model="claude-test", messages=[{"role": "system", "content": "sys"}, {"role": "user", "content": "go"}],
        max_tokens=100, stream_options={"include_usage": True},
    ) as s:
        events, chunks, final = collect_stream(s)
    req = anthropic_up.last
    assert req.path == "/v1/messages" and req.body["stream"] is True
    assert "stream_options" not in req.body, "OpenAI-only fields must not reach an Anthropic upstream"
    assert text_of(req.body["system"]) == "sys"
    assert sum(1 for e in events if e.type == "content.delta") >= 2, "must stream, not buffer"
    assert final.choices[0].message.content == text
    assert final.choices[0].finish_reason == "stop"
    assert final.usage is not None
    assert final.usage.prompt_tokens == 33 and final.usage.completion_tokens == 8
    assert all(c.object == "chat.completion.chunk" for c in chunks)


@translation
def test_x_stream_no_usage_unless_asked(oai, anthropic_up):
    anthropic_up.push_stream(ant_stream([ant_text("short")]))
    with oai.chat.completions.stream(model="claude-test", messages=[{"role": "user", "content": "go"}],
                                     max_tokens=10) as s:
        _, chunks, final = collect_stream(s)
    assert final.choices[0].message.content == "short"
    assert all(c.usage is None for c in chunks)


@translation
def test_x_stream_thinking_text_and_tool_calls(oai, anthropic_up):
    thinking = "The user wants weather and time; call both tools."
    anthropic_up.push_stream(ant_stream([
        ant_thinking(thinking),
        ant_text("Checking both."),
        ant_tool_use("get_weather", {"city": "Oslo", "unit": "c"}, id="toolu_01S1"),
        ant_tool_use("get_time", {"tz": "Europe/Oslo"}, id="toolu_01S2"),
    ], pieces=4, output_tokens=60))
    with oai.chat.completions.stream(
        model="claude-test", messages=[{"role": "user", "content": "Oslo?"}], tools=[WEATHER_TOOL, TIME_TOOL],
        max_tokens=500,
    ) as s:
        events, chunks, final = collect_stream(s)

    reasoning = "".join(
        (c.choices[0].delta.model_extra or {}).get("reasoning_content") or "" for c in chunks if c.choices
    )
    assert reasoning == thinking, "thinking must arrive as delta.reasoning_content"
    msg = final.choices[0].message
    assert msg.content == "Checking both."
    assert final.choices[0].finish_reason == "tool_calls"
    assert [(t.function.name, json.loads(t.function.arguments)) for t in msg.tool_calls] == [
        ("get_weather", {"city": "Oslo", "unit": "c"}), ("get_time", {"tz": "Europe/Oslo"})]
    assert all(t.id for t in msg.tool_calls) and len({t.id for t in msg.tool_calls}) == 2
    assert sum(1 for e in events if e.type == "tool_calls.function.arguments.delta") >= 4


@translation
def test_x_anthropic_400_is_openai_bad_request(oai, anthropic_up):
    anthropic_up.push_json(ant_error("messages: text content blocks must be non-empty"), status=400)
    with pytest.raises(openai.BadRequestError) as ei:
        oai.chat.completions.create(model="claude-test", messages=[{"role": "user", "content": "hi"}], max_tokens=5)
    assert ei.value.status_code == 400
    assert "up_anthropic" in ei.value.message
    assert "text content blocks must be non-empty" in ei.value.message


@translation
def test_x_anthropic_stream_cut_before_message_stop_raises(oai, anthropic_up):
    anthropic_up.push_stream(ant_stream([ant_text("half an ans")], stop=False)[:-1])  # no message_delta/stop
    with pytest.raises(openai.APIError) as ei:
        with oai.chat.completions.stream(model="claude-test", messages=[{"role": "user", "content": "hi"}],
                                         max_tokens=10) as s:
            for _ in s:
                pass
            s.get_final_completion()
    assert "up_anthropic" in ei.value.message


def raw_sse(relay, path: str, body: dict, headers: dict | None = None) -> tuple[int, str]:
    """POST to the relay with http.client and read the whole (SSE) body as text."""
    conn = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=10)
    conn.request("POST", path, body=json.dumps(body),
                 headers={"Authorization": f"Bearer {relay.key}", "Content-Type": "application/json", **(headers or {})})
    resp = conn.getresponse()
    text = resp.read().decode()
    conn.close()
    return resp.status, text


def test_passthrough_stream_is_not_buffered(oai, openai_up):
    """The first piece must reach the SDK while the upstream is still pausing before the rest."""
    events = oai_text_stream(["first", " second"])
    events[2].delay = 1.5  # the upstream pauses 1.5s before " second"
    openai_up.push_stream(events)
    t0 = time.monotonic()
    first_at = None
    with oai.chat.completions.stream(model="gpt-test", messages=[{"role": "user", "content": "hi"}]) as s:
        for e in s:
            if e.type == "content.delta" and first_at is None:
                first_at = time.monotonic() - t0
        final = s.get_final_completion()
    total = time.monotonic() - t0
    assert final.choices[0].message.content == "first second"
    assert total >= 1.5
    assert first_at is not None and first_at < 1.0, f"first delta after {first_at:.2f}s: the relay buffered"


@translation
def test_x_stream_raw_openai_framing_from_anthropic(relay, anthropic_up):
    """On the wire: only `data:` chunk events, each a chat.completion.chunk, ending with [DONE]."""
    anthropic_up.push_stream(ant_stream([ant_text("raw framing")]))
    status, body = raw_sse(relay, "/v1/chat/completions",
                           {"model": "claude-test", "stream": True, "max_tokens": 20,
                            "messages": [{"role": "user", "content": "hi"}]})
    assert status == 200
    frames = [f for f in body.split("\n\n") if f.strip()]
    assert frames[-1].strip() == "data: [DONE]"
    chunks = [json.loads(f.strip()[len("data:"):]) for f in frames[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"]) == "raw framing"
    assert [c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]] \
        == ["stop"]


@translation
def test_x_stream_is_not_buffered(oai, anthropic_up):
    events = ant_stream([ant_text("abcdef")], pieces=2)
    i = next(n for n, e in enumerate(events) if e.event == "content_block_delta")
    events[i + 1].delay = 1.5  # pause after the first text delta
    anthropic_up.push_stream(events)
    t0 = time.monotonic()
    first_at = None
    with oai.chat.completions.stream(model="claude-test", messages=[{"role": "user", "content": "hi"}],
                                     max_tokens=10) as s:
        for e in s:
            if e.type == "content.delta" and first_at is None:
                first_at = time.monotonic() - t0
        final = s.get_final_completion()
    assert final.choices[0].message.content == "abcdef"
    assert first_at is not None and first_at < 1.0, f"first delta after {first_at:.2f}s: the relay buffered"
