"""Compat tests driving `/v1/responses` with the official `openai` SDK (`responses.create`,
`responses.stream`, `responses.parse`) against a chat-completions upstream, an Anthropic upstream
(both translated by the relay) and an upstream that serves the Responses API itself (passed
through): text, tool calls with the result sent back, reasoning and structured output."""

from __future__ import annotations

import json

import pydantic
import pytest

from conftest import ANTHROPIC_KEY, OPENAI_KEY
from upstream import (
    SSE,
    ant_message,
    ant_stream,
    ant_text,
    ant_thinking,
    ant_tool_use,
    ant_usage,
    oai_completion,
    oai_text_stream,
    oai_tool_calls_stream,
    oai_usage,
)

pytestmark = pytest.mark.translation

WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Current weather for a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    "strict": False,
}


def call_and_result(resp, output: str) -> list:
    """The next turn's input as an app builds it: the model's output items, then the tool result."""
    calls = [item for item in resp.output if item.type == "function_call"]
    assert len(calls) == 1, resp.output
    items = [item.model_dump(exclude_none=True) for item in resp.output]
    return items + [{"type": "function_call_output", "call_id": calls[0].call_id, "output": output}]


# --- chat-completions upstream ----------------------------------------------------------------


def test_create_text_through_chat_upstream(oai, openai_up):
    openai_up.push_json(oai_completion("Hello from chat.", usage=oai_usage(12, 5, cached=2)))
    resp = oai.responses.create(model="gpt-test", instructions="Be brief.", input="Say hello")
    assert resp.object == "response"
    assert resp.status == "completed"
    assert resp.output_text == "Hello from chat."
    assert resp.usage.input_tokens == 12
    assert resp.usage.output_tokens == 5
    assert resp.usage.input_tokens_details.cached_tokens == 2
    sent = openai_up.last
    assert sent.path == "/v1/chat/completions"
    assert sent.header("authorization") == f"Bearer {OPENAI_KEY}"
    assert sent.body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Say hello"},
    ]


def test_stream_text_through_chat_upstream(oai, openai_up):
    openai_up.push_stream(oai_text_stream(["Hel", "lo", "!"], usage=oai_usage(9, 3)))
    deltas = []
    with oai.responses.stream(model="gpt-test", input="Say hello") as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                deltas.append(event.delta)
        final = stream.get_final_response()
    assert "".join(deltas) == "Hello!"
    assert final.output_text == "Hello!"
    assert final.status == "completed"
    assert final.usage.output_tokens == 3
    assert openai_up.last.body["stream"] is True


def test_tool_call_and_result_through_chat_upstream_streamed(oai, openai_up):
    openai_up.push_stream(oai_tool_calls_stream([("call_w1", "get_weather", ['{"city":', '"Paris"}'])],
                                                usage=oai_usage(30, 8)))
    with oai.responses.stream(model="gpt-test", input="Weather in Paris?", tools=[WEATHER]) as stream:
        args_deltas = [e.delta for e in stream if e.type == "response.function_call_arguments.delta"]
        first = stream.get_final_response()
    assert "".join(args_deltas) == '{"city":"Paris"}'
    call = [i for i in first.output if i.type == "function_call"][0]
    assert call.name == "get_weather"
    assert json.loads(call.arguments) == {"city": "Paris"}
    assert openai_up.last.body["tools"][0]["function"]["name"] == "get_weather"

    openai_up.push_json(oai_completion("It is sunny in Paris."))
    second = oai.responses.create(model="gpt-test", input=[{"role": "user", "content": "Weather in Paris?"}]
                                  + call_and_result(first, "sunny, 21C"), tools=[WEATHER])
    assert second.output_text == "It is sunny in Paris."
    msgs = openai_up.last.body["messages"]
    assert msgs[1]["role"] == "assistant"
    assert msgs[1]["tool_calls"][0]["id"] == "call_w1"
    assert msgs[2] == {"role": "tool", "tool_call_id": "call_w1", "content": "sunny, 21C"}


# --- Anthropic upstream -----------------------------------------------------------------------


def test_tool_call_and_result_through_anthropic_upstream(oai, anthropic_up):
    anthropic_up.push_json(ant_message([ant_text("Let me check."),
                                        ant_tool_use("get_weather", {"city": "Paris"}, id="toolu_01W")]))
    first = oai.responses.create(model="claude-test", input="Weather in Paris?", tools=[WEATHER],
                                 max_output_tokens=200)
    assert [i.type for i in first.output] == ["message", "function_call"]
    assert first.output[1].call_id == "toolu_01W"
    sent = anthropic_up.last
    assert sent.path == "/v1/messages"
    assert sent.header("x-api-key") == ANTHROPIC_KEY
    assert sent.body["max_tokens"] == 200
    assert sent.body["tools"][0]["name"] == "get_weather"

    anthropic_up.push_json(ant_message([ant_text("Sunny, 21C.")]))
    second = oai.responses.create(model="claude-test", input=[{"role": "user", "content": "Weather in Paris?"}]
                                  + call_and_result(first, "sunny, 21C"), tools=[WEATHER])
    assert second.output_text == "Sunny, 21C."
    msgs = anthropic_up.last.body["messages"]
    assert msgs[1]["role"] == "assistant"
    assert msgs[1]["content"][-1] == {"type": "tool_use", "id": "toolu_01W", "name": "get_weather",
                                      "input": {"city": "Paris"}}
    assert msgs[2]["content"][0]["type"] == "tool_result"
    assert msgs[2]["content"][0]["tool_use_id"] == "toolu_01W"


def test_reasoning_stream_through_anthropic_upstream(oai, anthropic_up):
    anthropic_up.push_stream(ant_stream([ant_thinking("First, compare 9.8 and 9.11.", signature="SIG-abc"),
                                         ant_text("9.8 is larger.")], output_tokens=30))
    summary = []
    with oai.responses.stream(model="claude-test", input="Which is larger, 9.8 or 9.11?",
                              reasoning={"effort": "high", "summary": "auto"}) as stream:
        for e in stream:
            if e.type == "response.reasoning_summary_text.delta":
                summary.append(e.delta)
        final = stream.get_final_response()
    assert "".join(summary) == "First, compare 9.8 and 9.11."
    assert final.output[0].type == "reasoning"
    assert final.output[0].encrypted_content == "SIG-abc"
    assert final.output_text == "9.8 is larger."
    assert final.usage.output_tokens == 30
    body = anthropic_up.last.body
    assert "thinking" in body or "output_config" in body, body

    # The reasoning item handed back carries the thinking (and its signature) to Anthropic.
    anthropic_up.push_json(ant_message([ant_text("Yes.")]))
    items = [i.model_dump(exclude_none=True) for i in final.output]
    oai.responses.create(model="claude-test", input=[{"role": "user", "content": "Which is larger?"}] + items
                         + [{"role": "user", "content": "Sure?"}])
    assistant = anthropic_up.last.body["messages"][1]
    assert assistant["content"][0] == {"type": "thinking", "thinking": "First, compare 9.8 and 9.11.",
                                       "signature": "SIG-abc"}


class Answer(pydantic.BaseModel):
    city: str
    temperature_c: int


def test_structured_output_through_anthropic_upstream(oai, anthropic_up):
    anthropic_up.push_json(ant_message([ant_tool_use("monorelay_structured_output",
                                                     {"city": "Paris", "temperature_c": 21})],
                                       usage=ant_usage(40, 12)))
    resp = oai.responses.parse(model="claude-test", input="Weather in Paris as JSON", text_format=Answer)
    assert resp.output_parsed == Answer(city="Paris", temperature_c=21)
    sent = anthropic_up.last.body
    assert sent["tool_choice"]["name"] == "monorelay_structured_output"


# --- Responses upstream (passthrough) ---------------------------------------------------------


def _resp(status: str, output: list, usage: dict | None) -> dict:
    return {"id": "resp_up1", "object": "response", "created_at": 1756000000, "status": status,
            "error": None, "incomplete_details": None, "instructions": None, "model": "gpt-resp",
            "output": output, "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
            "temperature": 1.0, "top_p": 1.0, "metadata": {}, "usage": usage}


MSG = {"id": "msg_up1", "type": "message", "status": "completed", "role": "assistant",
       "content": [{"type": "output_text", "text": "Straight from upstream.", "annotations": []}]}
USAGE = {"input_tokens": 7, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 4,
         "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 11}


def test_create_and_stream_through_responses_upstream(oai, openai_up):
    openai_up.push_json(_resp("completed", [MSG], USAGE))
    resp = oai.responses.create(model="gpt-resp", input="hi", tools=[{"type": "web_search"}])
    assert resp.output_text == "Straight from upstream."
    assert resp.id == "resp_up1"
    sent = openai_up.last
    assert sent.path == "/v1/responses"
    assert sent.body["tools"] == [{"type": "web_search"}], "built-in tools reach a Responses upstream"

    part = {"type": "output_text", "text": "", "annotations": []}
    events = [
        ("response.created", {"response": _resp("in_progress", [], None)}),
        ("response.output_item.added", {"output_index": 0, "item": {**MSG, "status": "in_progress", "content": []}}),
        ("response.content_part.added", {"item_id": "msg_up1", "output_index": 0, "content_index": 0, "part": part}),
        ("response.output_text.delta", {"item_id": "msg_up1", "output_index": 0, "content_index": 0,
                                        "delta": "Straight from upstream.", "logprobs": []}),
        ("response.output_text.done", {"item_id": "msg_up1", "output_index": 0, "content_index": 0,
                                       "text": "Straight from upstream.", "logprobs": []}),
        ("response.content_part.done", {"item_id": "msg_up1", "output_index": 0, "content_index": 0,
                                        "part": MSG["content"][0]}),
        ("response.output_item.done", {"output_index": 0, "item": MSG}),
        ("response.completed", {"response": _resp("completed", [MSG], USAGE)}),
    ]
    openai_up.push_stream([SSE({"type": t, "sequence_number": i, **d}, event=t) for i, (t, d) in enumerate(events)])
    with oai.responses.stream(model="gpt-resp", input="hi") as stream:
        seen = [e.type for e in stream]
        final = stream.get_final_response()
    assert seen == [t for t, _ in events]
    assert final.output_text == "Straight from upstream."
    assert openai_up.last.body["stream"] is True


def test_built_in_tools_to_a_translated_upstream_are_rejected(oai, anthropic_up):
    import openai

    with pytest.raises(openai.BadRequestError) as e:
        oai.responses.create(model="claude-test", input="search", tools=[{"type": "web_search"}])
    assert "tools[0]" in str(e.value)
    assert not anthropic_up.requests


def test_previous_response_id_continues_through_anthropic_upstream(oai, anthropic_up):
    anthropic_up.push_json(ant_message([ant_text("Nice to meet you, Ada.")]))
    first = oai.responses.create(model="claude-test", input="My name is Ada.")
    anthropic_up.push_stream(ant_stream([ant_text("Your name is Ada.")]))
    with oai.responses.stream(model="claude-test", input="What is my name?", previous_response_id=first.id) as s:
        second = s.get_final_response()
    assert second.output_text == "Your name is Ada."
    assert anthropic_up.last.body["messages"] == [
        {"role": "user", "content": "My name is Ada."},
        {"role": "assistant", "content": "Nice to meet you, Ada."},
        {"role": "user", "content": "What is my name?"},
    ]
    assert oai.responses.retrieve(second.id).output_text == "Your name is Ada."
    items = oai.responses.input_items.list(second.id, order="asc")
    assert [i.role for i in items.data] == ["user", "assistant", "user"]
    oai.responses.delete(first.id)
    import openai

    with pytest.raises(openai.NotFoundError):
        oai.responses.retrieve(first.id)
