"""Tool-call emulation through both official SDKs: for a model that cannot call tools, the relay describes the tools in the system prompt and turns a JSON tool call in the answer into a real tool call."""

from __future__ import annotations

import json

from upstream import SSE, oai_chunk, oai_completion

CALL_TEXT = '{"tool_call": {"name": "get_weather", "arguments": {"city": "Bergen"}}}'
OAI_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
ANT_TOOL = {
    "name": "get_weather",
    "description": "Current weather for a city",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}


def streamed_text(pieces: list[str]) -> list[SSE]:
    ev = [SSE(oai_chunk({"role": "assistant", "content": ""}, model="gpt-emulated"))]
    ev += [SSE(oai_chunk({"content": p}, model="gpt-emulated")) for p in pieces]
    ev += [SSE(oai_chunk({}, finish_reason="stop", model="gpt-emulated")), SSE("[DONE]")]
    return ev


def assert_upstream_saw_no_tools_but_a_description(openai_up):
    body = openai_up.last.body
    assert "tools" not in body and "tool_choice" not in body
    system = body["messages"][0]
    assert system["role"] == "system" and "get_weather" in system["content"] and "tool_call" in system["content"]


def test_openai_sdk_create_gets_a_parsed_tool_call(oai, openai_up):
    openai_up.push_json(oai_completion(CALL_TEXT, model="gpt-emulated"))
    r = oai.chat.completions.create(model="gpt-emulated", messages=[{"role": "user", "content": "Weather in Bergen?"}], tools=[OAI_TOOL])
    msg = r.choices[0].message
    assert r.choices[0].finish_reason == "tool_calls"
    assert msg.tool_calls[0].function.name == "get_weather"
    assert json.loads(msg.tool_calls[0].function.arguments) == {"city": "Bergen"}
    assert_upstream_saw_no_tools_but_a_description(openai_up)


def test_openai_sdk_stream_gets_a_parsed_tool_call(oai, openai_up):
    openai_up.push_stream(streamed_text(['{"tool_call": {"name": "get_', 'weather", "arguments": {"city"', ': "Bergen"}}}']))
    with oai.chat.completions.stream(model="gpt-emulated", messages=[{"role": "user", "content": "Weather in Bergen?"}], tools=[OAI_TOOL]) as s:
        final = s.get_final_completion()
    msg = final.choices[0].message
    assert final.choices[0].finish_reason == "tool_calls"
    assert not msg.content
    assert msg.tool_calls[0].function.name == "get_weather"
    assert json.loads(msg.tool_calls[0].function.arguments) == {"city": "Bergen"}


def test_anthropic_sdk_create_and_stream_get_tool_use(ant, openai_up):
    openai_up.push_json(oai_completion(CALL_TEXT, model="gpt-emulated"))
    m = ant.messages.create(model="gpt-emulated", max_tokens=200, messages=[{"role": "user", "content": "Weather in Bergen?"}], tools=[ANT_TOOL])
    assert m.stop_reason == "tool_use"
    block = next(b for b in m.content if b.type == "tool_use")
    assert (block.name, block.input) == ("get_weather", {"city": "Bergen"})
    assert_upstream_saw_no_tools_but_a_description(openai_up)

    openai_up.push_stream(streamed_text(["```json\n", CALL_TEXT, "\n```"]))
    with ant.messages.stream(model="gpt-emulated", max_tokens=200, messages=[{"role": "user", "content": "Weather in Bergen?"}], tools=[ANT_TOOL]) as s:
        final = s.get_final_message()
    assert final.stop_reason == "tool_use"
    block = next(b for b in final.content if b.type == "tool_use")
    assert (block.name, block.input) == ("get_weather", {"city": "Bergen"})
    assert not any(b.type == "text" and b.text.strip() for b in final.content)


def test_plain_answers_stay_text(oai, openai_up):
    openai_up.push_stream(streamed_text(["It is ", "rainy."]))
    with oai.chat.completions.stream(model="gpt-emulated", messages=[{"role": "user", "content": "Weather?"}], tools=[OAI_TOOL]) as s:
        final = s.get_final_completion()
    assert final.choices[0].message.content == "It is rainy."
    assert not final.choices[0].message.tool_calls
