"""Gemini as a dialect with the official SDKs: the Google GenAI SDK (PyPI google-genai, its
`http_options` base URL on the relay) against a loopback chat-completions upstream and a loopback
Anthropic one — text, stream, function calling with the result sent back, thinking — and the
OpenAI and Anthropic SDKs doing the same against a loopback Gemini-dialect upstream."""

from __future__ import annotations

import json

import pytest
from google import genai
from google.genai import types

from conftest import GEMINI_KEY
from upstream import (
    Reply,
    ant_message,
    ant_stream,
    ant_text,
    ant_thinking,
    ant_tool_use,
    ant_usage,
    gem_call,
    gem_response,
    gem_stream,
    gem_usage,
    oai_completion,
    oai_text_stream,
    oai_tool_call,
    oai_tool_calls_stream,
    oai_usage,
)

WEATHER = types.Tool(function_declarations=[types.FunctionDeclaration(
    name="get_weather",
    description="Current weather for a city",
    parameters=types.Schema(type="OBJECT", properties={"city": types.Schema(type="STRING")}, required=["city"]),
)])
NO_AFC = types.AutomaticFunctionCallingConfig(disable=True)


@pytest.fixture
def gem(relay):
    """google-genai client on the relay (the key goes as x-goog-api-key)."""
    return genai.Client(api_key=relay.key, http_options=types.HttpOptions(base_url=relay.url, timeout=15_000))


# upstream kind -> (model, fixture name)
KINDS = {"chat": ("gpt-test", "openai_up"), "anthropic": ("claude-test", "anthropic_up")}


def upstream_of(request, kind: str):
    model, fixture = KINDS[kind]
    return model, request.getfixturevalue(fixture)


def text_reply(kind: str, text: str, stream: bool, thinking: str | None = None) -> Reply:
    if kind == "chat":
        if stream:
            return Reply(events=oai_text_stream([text[:3], text[3:]], usage=oai_usage(20, 6),
                                                reasoning=[thinking] if thinking else None))
        return Reply(body=oai_completion(text, reasoning_content=thinking, usage=oai_usage(20, 6)))
    blocks = ([ant_thinking(thinking)] if thinking else []) + [ant_text(text)]
    if stream:
        return Reply(events=ant_stream(blocks, input_tokens=20, output_tokens=6))
    return Reply(body=ant_message(blocks, usage=ant_usage(20, 6)))


def call_reply(kind: str, name: str, args: dict) -> Reply:
    if kind == "chat":
        return Reply(body=oai_completion(None, tool_calls=[oai_tool_call(name, args, call_id="call_w1")]))
    return Reply(body=ant_message([ant_tool_use(name, args, id="toolu_01W")]))


def sent_tool_result(kind: str, body: dict) -> tuple[str, str]:
    """(call id, result text) of the tool result the relay sent upstream."""
    for m in body["messages"]:
        if kind == "chat" and m.get("role") == "tool":
            return m["tool_call_id"], m["content"]
        if kind == "anthropic" and isinstance(m.get("content"), list):
            for b in m["content"]:
                if b.get("type") == "tool_result":
                    c = b["content"]
                    text = c if isinstance(c, str) else "".join(x.get("text", "") for x in c)
                    return b["tool_use_id"], text
    raise AssertionError(f"no tool result in {body}")


@pytest.mark.parametrize("kind", ["chat", "anthropic"])
def test_genai_text(gem, request, kind):
    model, up = upstream_of(request, kind)
    up.push(text_reply(kind, "Hello from the relay.", stream=False))
    r = gem.models.generate_content(
        model=model, contents="Say hello.",
        config=types.GenerateContentConfig(system_instruction="Be brief.", temperature=0.3, max_output_tokens=200))
    assert r.text == "Hello from the relay."
    assert r.candidates[0].finish_reason == types.FinishReason.STOP
    assert r.usage_metadata.prompt_token_count == 20
    assert r.usage_metadata.candidates_token_count == 6
    body = up.last.body
    assert body["model"] == model
    assert body["temperature"] == 0.3
    if kind == "chat":
        assert body["messages"][0] == {"role": "system", "content": "Be brief."}
        assert body["messages"][1]["role"] == "user"
    else:
        assert "Be brief." in json.dumps(body["system"])
        assert body["max_tokens"] == 200


@pytest.mark.parametrize("kind", ["chat", "anthropic"])
def test_genai_stream(gem, request, kind):
    model, up = upstream_of(request, kind)
    up.push(text_reply(kind, "Streaming works.", stream=True))
    chunks = list(gem.models.generate_content_stream(model=model, contents="Stream please."))
    assert "".join(c.text or "" for c in chunks) == "Streaming works."
    assert chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP
    assert chunks[-1].usage_metadata.prompt_token_count == 20
    assert up.last.body["stream"] is True


@pytest.mark.parametrize("kind", ["chat", "anthropic"])
def test_genai_function_calling_round_trip(gem, request, kind):
    model, up = upstream_of(request, kind)
    up.push(call_reply(kind, "get_weather", {"city": "Paris"}))
    config = types.GenerateContentConfig(tools=[WEATHER], automatic_function_calling=NO_AFC)
    question = types.Content(role="user", parts=[types.Part.from_text(text="Weather in Paris?")])
    r = gem.models.generate_content(model=model, contents=[question], config=config)
    calls = r.function_calls
    assert calls and calls[0].name == "get_weather" and calls[0].args == {"city": "Paris"}
    first = up.last.body
    tools = first["tools"]
    schema = tools[0]["function"]["parameters"] if kind == "chat" else tools[0]["input_schema"]
    assert schema["type"] == "object" and schema["properties"]["city"]["type"] == "string"

    up.push(text_reply(kind, "It is sunny in Paris.", stream=False))
    answer = types.Part.from_function_response(name="get_weather", response={"result": "sunny, 24C"})
    r2 = gem.models.generate_content(
        model=model, contents=[question, r.candidates[0].content, types.Content(role="user", parts=[answer])],
        config=config)
    assert r2.text == "It is sunny in Paris."
    call_id, result = sent_tool_result(kind, up.last.body)
    assert result == "sunny, 24C"
    assert call_id in ("call_w1", "toolu_01W")


@pytest.mark.parametrize("kind", ["chat", "anthropic"])
def test_genai_thinking(gem, request, kind):
    model, up = upstream_of(request, kind)
    up.push(text_reply(kind, "42.", stream=True, thinking="Six times seven."))
    config = types.GenerateContentConfig(
        thinking_config=types.ThinkingConfig(include_thoughts=True, thinking_budget=2048), max_output_tokens=4096)
    chunks = list(gem.models.generate_content_stream(model=model, contents="6*7?", config=config))
    parts = [p for c in chunks for p in (c.candidates[0].content.parts or [])]
    thoughts = "".join(p.text or "" for p in parts if p.thought)
    answer = "".join(p.text or "" for p in parts if not p.thought)
    assert thoughts == "Six times seven."
    assert answer == "42."
    body = up.last.body
    if kind == "anthropic":
        assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
        assert any(p.thought_signature for p in parts), "Anthropic's signature reaches the client"
    else:
        assert body.get("reasoning_effort"), body


# --- the OpenAI and Anthropic SDKs against a Gemini-dialect upstream ------------------------------


def test_openai_sdk_text_and_stream_through_gemini(oai, gemini_up):
    gemini_up.push_json(gem_response([{"text": "Hi from Gemini."}], usage=gem_usage(9, 4)))
    r = oai.chat.completions.create(model="gemini-test", messages=[
        {"role": "system", "content": "Be kind."}, {"role": "user", "content": "hi"}])
    assert r.choices[0].message.content == "Hi from Gemini."
    assert r.choices[0].finish_reason == "stop"
    assert r.usage.prompt_tokens == 9 and r.usage.completion_tokens == 4
    rec = gemini_up.last
    assert rec.path == "/v1beta/models/gemini-test:generateContent"
    assert rec.header("x-goog-api-key") == GEMINI_KEY
    assert rec.body["systemInstruction"] == {"parts": [{"text": "Be kind."}]}
    assert "model" not in rec.body

    gemini_up.push_stream(gem_stream([{"text": "Str"}, {"text": "eam"}]))
    chunks = list(oai.chat.completions.create(model="gemini-test", messages=[{"role": "user", "content": "s"}],
                                              stream=True, stream_options={"include_usage": True}))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "Stream"
    assert gemini_up.last.path == "/v1beta/models/gemini-test:streamGenerateContent?alt=sse"
    assert chunks[-1].usage.prompt_tokens == 14


def test_openai_sdk_function_calling_and_thinking_through_gemini(oai, gemini_up):
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
        "additionalProperties": False}}}]
    gemini_up.push_stream(gem_stream([{"text": "Need the weather.", "thought": True},
                                      gem_call("get_weather", {"city": "Rome"}, signature="c2ln")],
                                     usage=gem_usage(30, 8, thoughts=5)))
    msgs = [{"role": "user", "content": "Weather in Rome?"}]
    chunks = list(oai.chat.completions.create(model="gemini-test", messages=msgs, tools=tools, stream=True,
                                              reasoning_effort="low", stream_options={"include_usage": True}))
    calls = [tc for c in chunks if c.choices for tc in (c.choices[0].delta.tool_calls or [])]
    assert calls[0].function.name == "get_weather"
    args = json.loads("".join(tc.function.arguments or "" for tc in calls))
    assert args == {"city": "Rome"}
    reasoning = "".join((c.choices[0].delta.model_extra or {}).get("reasoning_content") or ""
                        for c in chunks if c.choices)
    assert reasoning == "Need the weather."
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["tool_calls"]
    assert chunks[-1].usage.completion_tokens == 13
    sent = gemini_up.last.body
    decl = sent["tools"][0]["functionDeclarations"][0]
    assert decl["parameters"]["type"] == "OBJECT"
    assert sent["generationConfig"]["thinkingConfig"]["thinkingBudget"] == 1024

    gemini_up.push_json(gem_response([{"text": "Rome: 30C."}]))
    msgs += [{"role": "assistant", "content": None, "tool_calls": [
        {"id": calls[0].id, "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Rome"}'}}]},
        {"role": "tool", "tool_call_id": calls[0].id, "content": "30C"}]
    r = oai.chat.completions.create(model="gemini-test", messages=msgs, tools=tools)
    assert r.choices[0].message.content == "Rome: 30C."
    contents = gemini_up.last.body["contents"]
    assert contents[1]["parts"][0]["functionCall"]["name"] == "get_weather"
    assert contents[2]["parts"][0]["functionResponse"] == {
        "id": calls[0].id, "name": "get_weather", "response": {"output": "30C"}}


def test_anthropic_sdk_through_gemini(ant, gemini_up):
    gemini_up.push_json(gem_response([{"text": "Plain."}]))
    r = ant.messages.create(model="gemini-test", max_tokens=256, messages=[{"role": "user", "content": "hi"}])
    assert r.content[0].text == "Plain."
    assert r.stop_reason == "end_turn"

    gemini_up.push_stream(gem_stream([{"text": "Str"}, {"text": "eamed."}]))
    with ant.messages.stream(model="gemini-test", max_tokens=256, messages=[{"role": "user", "content": "s"}]) as s:
        assert "".join(s.text_stream) == "Streamed."

    tools = [{"name": "get_weather", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}},
                                                       "required": ["city"]}}]
    gemini_up.push_stream(gem_stream([{"text": "Check it.", "thought": True, "thoughtSignature": "dGhz"},
                                      gem_call("get_weather", {"city": "Oslo"})], usage=gem_usage(30, 8, thoughts=3)))
    msgs = [{"role": "user", "content": "Weather in Oslo?"}]
    with ant.messages.stream(model="gemini-test", max_tokens=4096, messages=msgs, tools=tools,
                             thinking={"type": "enabled", "budget_tokens": 2048}) as s:
        final = s.get_final_message()
    assert final.stop_reason == "tool_use"
    assert [b.type for b in final.content] == ["thinking", "tool_use"]
    assert final.content[0].thinking == "Check it." and final.content[0].signature == "dGhz"
    use = final.content[1]
    assert use.name == "get_weather" and use.input == {"city": "Oslo"}
    assert gemini_up.last.body["generationConfig"]["thinkingConfig"] == {"thinkingBudget": 2048, "includeThoughts": True}

    gemini_up.push_json(gem_response([{"text": "Oslo: 5C."}]))
    msgs += [{"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in final.content]},
             {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id, "content": "5C"}]}]
    r = ant.messages.create(model="gemini-test", max_tokens=4096, messages=msgs, tools=tools,
                            thinking={"type": "enabled", "budget_tokens": 2048})
    assert r.content[-1].text == "Oslo: 5C."
    contents = gemini_up.last.body["contents"]
    assert contents[1]["parts"][0] == {"text": "Check it.", "thought": True, "thoughtSignature": "dGhz"}
    assert contents[1]["parts"][1]["functionCall"]["name"] == "get_weather"
    assert contents[2]["parts"][0]["functionResponse"]["response"] == {"output": "5C"}
