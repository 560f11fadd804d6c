"""Compat tests: a user's relay key (`mr-…`) held to its limits, as the official `openai` and `anthropic` SDKs see it — a model outside the key's list is PermissionDeniedError (403), the rpm limit and spent token / cost quotas are RateLimitError (429, with Retry-After), a revoked key is AuthenticationError (401) — and the limits survive a restart of the real binary."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import anthropic
import openai
import pytest

from conftest import Relay, render_config, start_relay

CLI_TIMEOUT = 30.0
# A charge is booked when the response is complete; give a slow machine room to book it.
CHARGE_DEADLINE = 20.0


def config_text(openai_up, anthropic_up) -> str:
    # "priced-*" costs $1 per token, so one request spends any small monthly budget.
    return render_config(openai_up, anthropic_up) + 'pricing:\n  "priced-*": {input: 1000000, output: 1000000}\n'


def cli(binary: Path, workdir: Path, *args: str) -> str:
    out = subprocess.run(
        [str(binary), "--config", str(workdir / "config.yml"), "--data-dir", str(workdir / "data"), "--json", *args],
        capture_output=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout.decode()


def new_key(binary: Path, workdir: Path, *limits: str) -> tuple[str, str]:
    """A relay key for user alice with `limits` (CLI flags): (key, prefix)."""
    created = json.loads(cli(binary, workdir, "users", "keys", "create", "alice", *limits))
    return created["key"], created["info"]["prefix"]


@pytest.fixture
def limited(binary: Path, openai_up, anthropic_up, tmp_path: Path):
    workdir = tmp_path / "relay"
    text = config_text(openai_up, anthropic_up)
    relay = start_relay(binary, text, workdir)
    cli(binary, workdir, "users", "add", "alice", "--no-password")
    state = {"relay": relay}

    def restart() -> Relay:
        state["relay"].stop()
        state["relay"] = start_relay(binary, text, workdir)
        return state["relay"]

    try:
        yield relay, workdir, restart
    finally:
        state["relay"].stop()


def oai(relay: Relay, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=relay.openai_base, api_key=key, max_retries=0, timeout=15.0)


def ant(relay: Relay, key: str) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=relay.anthropic_base, api_key=key, max_retries=0, timeout=15.0)


def chat(relay: Relay, key: str, model: str):
    return oai(relay, key).chat.completions.create(model=model, messages=[{"role": "user", "content": "hello there"}])


def message(relay: Relay, key: str, model: str):
    return ant(relay, key).messages.create(model=model, max_tokens=16, messages=[{"role": "user", "content": "hi"}])


def until_refused(send, error):
    """Send until the relay refuses with `error` (the charge of an earlier request is booked on completion)."""
    deadline = time.monotonic() + CHARGE_DEADLINE
    while True:
        try:
            send()
        except error as e:
            return e
        assert time.monotonic() < deadline, "the quota was never enforced"
        time.sleep(0.2)


def test_model_outside_the_keys_list_is_permission_denied(limited, binary):
    relay, workdir, _ = limited
    key, _ = new_key(binary, workdir, "--models", "allowed-*")
    assert chat(relay, key, "allowed-a").choices[0].message.content
    with pytest.raises(openai.PermissionDeniedError) as e:
        chat(relay, key, "forbidden-model")
    assert e.value.status_code == 403 and "forbidden-model" in str(e.value)
    with pytest.raises(anthropic.PermissionDeniedError) as e:
        message(relay, key, "claude-forbidden")
    assert e.value.status_code == 403 and "claude-forbidden" in str(e.value)


def test_rpm_limit_is_rate_limit_error_with_retry_after(limited, binary):
    relay, workdir, _ = limited
    for client_call, error in ((chat, openai.RateLimitError), (message, anthropic.RateLimitError)):
        key, _ = new_key(binary, workdir, "--rpm", "1")
        # Three requests within a second: even across a minute boundary two share a minute.
        with pytest.raises(error) as e:
            for _ in range(3):
                client_call(relay, key, "allowed-a")
        assert e.value.status_code == 429
        assert int(e.value.response.headers["retry-after"]) >= 1
        assert "requests per minute" in str(e.value)


def test_token_and_cost_quotas_are_insufficient_quota(limited, binary):
    relay, workdir, _ = limited
    key, _ = new_key(binary, workdir, "--tokens-per-day", "1")
    e = until_refused(lambda: chat(relay, key, "allowed-a"), openai.RateLimitError)
    assert e.status_code == 429 and e.code == "insufficient_quota" and "tokens per day" in str(e)
    assert int(e.response.headers["retry-after"]) >= 1
    key, _ = new_key(binary, workdir, "--cost-per-month", "0.5")
    e = until_refused(lambda: message(relay, key, "priced-model"), anthropic.RateLimitError)
    assert e.status_code == 429 and "per month" in str(e)


def test_revoked_key_is_authentication_error(limited, binary):
    relay, workdir, _ = limited
    key, prefix = new_key(binary, workdir)
    assert chat(relay, key, "allowed-a").choices
    cli(binary, workdir, "users", "keys", "revoke", prefix)
    with pytest.raises(openai.AuthenticationError) as e:
        chat(relay, key, "allowed-a")
    assert e.value.status_code == 401
    with pytest.raises(anthropic.AuthenticationError):
        message(relay, key, "allowed-a")


def test_limits_survive_a_restart(limited, binary):
    relay, workdir, restart = limited
    spent, _ = new_key(binary, workdir, "--tokens-per-day", "1")
    until_refused(lambda: chat(relay, spent, "allowed-a"), openai.RateLimitError)
    listed, _ = new_key(binary, workdir, "--models", "allowed-*")
    relay = restart()
    with pytest.raises(openai.RateLimitError) as e:
        chat(relay, spent, "allowed-a")
    assert e.value.code == "insufficient_quota"
    with pytest.raises(openai.PermissionDeniedError):
        chat(relay, listed, "other-model")
    assert chat(relay, listed, "allowed-b").choices
