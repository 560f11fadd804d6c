"""The official OpenAI and Anthropic SDKs, stream and non-stream, driving the ChatGPT web backend
(a loopback fake issuing real proof-of-work challenges, `chatgpt_fake.py`) through the relay's
`web_reverse` provider: both stream formats, the system prompt kept, usage estimated."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from chatgpt_fake import ACCESS_TOKEN, ChatGptFake
from conftest import ACCESS_KEY, Relay, start_relay


def web_config(url: str) -> str:
    return f"""\
server:
  host: 127.0.0.1
  port: 0
  access_key: "{ACCESS_KEY}"
providers:
  web:
    provider_type: web_reverse
    base_url: "{url}"
    keys: [{{key: "{ACCESS_TOKEN}", label: "main"}}]
    models: {{include: ["gpt-4o"]}}
    web_reverse:
      pow_difficulty: "000fff"
      model_mapping: {{"gpt-4o": "gpt-4o-web"}}
model_routing:
  default_provider: web
"""


@pytest.fixture
def fake() -> Iterator[ChatGptFake]:
    f = ChatGptFake().start()
    try:
        yield f
    finally:
        f.stop()


@pytest.fixture
def web_relay(binary: Path, fake: ChatGptFake, tmp_path: Path) -> Iterator[Relay]:
    r = start_relay(binary, web_config(fake.url), tmp_path / "relay")
    try:
        yield r
    finally:
        r.stop()


@pytest.mark.parametrize("delta", [False, True], ids=["cumulative", "delta"])
def test_openai_sdk_stream_and_non_stream(web_relay: Relay, fake: ChatGptFake, delta: bool) -> None:
    import openai

    fake.delta = delta
    with openai.OpenAI(base_url=web_relay.openai_base, api_key=web_relay.key, max_retries=0, timeout=30.0) as c:
        got = c.chat.completions.create(model="gpt-4o", messages=[
            {"role": "system", "content": "Be terse."}, {"role": "user", "content": "hi"}])
        assert got.choices[0].message.content == fake.answer
        assert got.choices[0].finish_reason == "stop"
        assert got.usage is not None and got.usage.completion_tokens > 0

        stream = c.chat.completions.create(model="gpt-4o", stream=True, messages=[{"role": "user", "content": "again"}])
        text = "".join(ch.choices[0].delta.content or "" for ch in stream if ch.choices)
        assert text == fake.answer, "each piece once, whatever the format"
    assert fake.verified == 2 and fake.refused == 0
    first = fake.conversations[0]
    assert first["model"] == "gpt-4o-web"
    assert [m["author"]["role"] for m in first["messages"]] == ["system", "user"]
    assert first["messages"][0]["content"]["parts"] == ["Be terse."]


@pytest.mark.parametrize("delta", [False, True], ids=["cumulative", "delta"])
def test_anthropic_sdk_stream_and_non_stream(web_relay: Relay, fake: ChatGptFake, delta: bool) -> None:
    import anthropic

    fake.delta = delta
    with anthropic.Anthropic(base_url=web_relay.anthropic_base, api_key=web_relay.key, max_retries=0,
                             timeout=30.0) as c:
        msg = c.messages.create(model="gpt-4o", max_tokens=100, system="Be kind.",
                                messages=[{"role": "user", "content": "hi"}])
        assert msg.content[0].text == fake.answer
        assert msg.stop_reason == "end_turn"
        assert msg.usage.output_tokens > 0

        with c.messages.stream(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "hi"}]) as s:
            text = "".join(s.text_stream)
            final = s.get_final_message()
        assert text == fake.answer
        assert final.stop_reason == "end_turn"
    assert fake.verified == 2 and fake.refused == 0
    assert fake.home_hits == 1, "the build id is cached"


def test_an_expired_token_is_an_authentication_error_in_each_sdk(binary: Path, fake: ChatGptFake,
                                                                 tmp_path: Path) -> None:
    import anthropic
    import openai

    r = start_relay(binary, web_config(fake.url).replace(ACCESS_TOKEN, "expired-token"), tmp_path / "relay")
    try:
        with openai.OpenAI(base_url=r.openai_base, api_key=r.key, max_retries=0, timeout=30.0) as c:
            with pytest.raises(openai.APIStatusError) as e:
                c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
            assert e.value.status_code in (401, 503), e.value
        with anthropic.Anthropic(base_url=r.anthropic_base, api_key=r.key, max_retries=0, timeout=30.0) as c:
            with pytest.raises(anthropic.APIStatusError):
                c.messages.create(model="gpt-4o", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    finally:
        r.stop()
    assert fake.verified == 0
