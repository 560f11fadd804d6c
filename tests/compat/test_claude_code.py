"""The real Claude Code CLI (npm @anthropic-ai/claude-code, pinned in clients/package.json and
installed by run.sh) in print mode against the relay, with a loopback OpenAI-dialect upstream
and a loopback Anthropic one: json and stream-json output, its default tool set, a tool round trip
(Read) and its default thinking model (adaptive thinking + output_config.effort). No network: the
CLI's telemetry, auto-updater and other non-essential traffic are switched off, and every run is
bounded by a timeout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ACCESS_KEY, ANTHROPIC_KEY, OPENAI_KEY, Relay, start_relay
from upstream import (
    SSE,
    Recorded,
    Reply,
    Upstream,
    ant_stream,
    ant_text,
    ant_message,
    ant_thinking,
    ant_tool_use,
    oai_chunk,
    oai_usage,
)

HERE = Path(__file__).resolve().parent
CLAUDE = HERE / "clients" / "node_modules" / ".bin" / "claude"
# Claude Code 2.1's default model; it sends adaptive thinking and an effort with it.
THINKING_MODEL = "claude-opus-5-5"
RUN_TIMEOUT_S = 120
FILE_TEXT = "the-secret-word-is-mango"
ANSWER = "The file says the secret word is mango."


def claude_binary() -> Path:
    if not CLAUDE.exists():
        pytest.fail(f"Claude Code is not installed at {CLAUDE}: run tests/compat/run.sh (it runs npm ci in "
                    f"{CLAUDE.parents[2]})")
    return CLAUDE


def config(openai_up: Upstream, anthropic_up: Upstream, target: str) -> str:
    """`claude-opus-5-5` routes to the `target` upstream (an alias), as a user would set it up."""
    alias = "gpt-test" if target == "openai" else "claude-test"
    return f"""\
server:
  host: 127.0.0.1
  port: 0
  access_key: "{ACCESS_KEY}"
providers:
  up_openai:
    provider_type: api
    base_url: "{openai_up.url}/v1"
    keys: [{{key: "{OPENAI_KEY}", label: "k1"}}]
    models: {{include: ["gpt-test"]}}
  up_anthropic:
    provider_type: anthropic
    base_url: "{anthropic_up.url}"
    keys: [{{key: "{ANTHROPIC_KEY}", label: "a1"}}]
    models: {{include: ["claude-test"]}}
model_routing:
  aliases: {{"{THINKING_MODEL}": "{alias}"}}
"""


# --- upstream behaviour: read the file when asked, then answer from the tool result --------------


def _wants_file(msgs: list[dict]) -> bool:
    """The user asked about the file (Claude Code puts a system message after the user's turn,
    so look at every user message)."""
    return "notes.txt" in json.dumps([m for m in msgs if m.get("role") == "user"])


def _oai_responder(rec: Recorded) -> Reply:
    body = rec.body or {}
    msgs = body.get("messages") or []
    answered = any(m.get("role") == "tool" for m in msgs)
    cid = "chatcmpl-cc"
    ev = [SSE(oai_chunk({"role": "assistant", "content": ""}, id=cid, model="gpt-test")),
          SSE(oai_chunk({"reasoning_content": "Let me think about the request."}, id=cid, model="gpt-test"))]
    if not answered and _wants_file(msgs):
        path = _notes_path(rec)
        ev.append(SSE(oai_chunk({"tool_calls": [{"index": 0, "id": "call_read_1", "type": "function",
                                                 "function": {"name": "Read", "arguments": ""}}]}, id=cid, model="gpt-test")))
        args = json.dumps({"file_path": path})
        for piece in (args[:10], args[10:]):
            ev.append(SSE(oai_chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}, id=cid,
                                    model="gpt-test")))
        finish = "tool_calls"
    else:
        text = ANSWER if answered else "Hello from the OpenAI upstream."
        ev.append(SSE(oai_chunk({"content": text}, id=cid, model="gpt-test")))
        finish = "stop"
    ev.append(SSE(oai_chunk({}, finish_reason=finish, id=cid, model="gpt-test")))
    ev.append(SSE(oai_chunk(None, usage=oai_usage(120, 12), id=cid, model="gpt-test")))
    ev.append(SSE("[DONE]"))
    return Reply(events=ev)


def _ant_responder(rec: Recorded) -> Reply:
    body = rec.body or {}
    msgs = body.get("messages") or []
    answered = any(isinstance(m.get("content"), list) and any(b.get("type") == "tool_result" for b in m["content"])
                   for m in msgs)
    if not answered and _wants_file(msgs):
        blocks = [ant_thinking("Let me think about the request."),
                  ant_tool_use("Read", {"file_path": _notes_path(rec)}, id="toolu_01read")]
    else:
        blocks = [ant_thinking("Let me think about the request."),
                  ant_text(ANSWER if answered else "Hello from the Anthropic upstream.")]
    if not body.get("stream"):
        return Reply(body=ant_message(blocks, model="claude-test"))
    return Reply(events=ant_stream(blocks, model="claude-test"))


_PROJECT: dict[str, Path] = {}


def _notes_path(rec: Recorded) -> str:
    return str(_PROJECT["dir"] / "notes.txt")


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(params=["openai", "anthropic"])
def target(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def cc_relay(request: pytest.FixtureRequest, binary: Path, openai_up: Upstream, anthropic_up: Upstream,
             tmp_path: Path, target: str) -> Iterator[Relay]:
    openai_up.responder = _oai_responder
    anthropic_up.responder = _ant_responder
    r = start_relay(binary, config(openai_up, anthropic_up, target), tmp_path / "relay")
    try:
        yield r
    finally:
        r.stop()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    d = tmp_path / "project"
    d.mkdir()
    (d / "notes.txt").write_text(FILE_TEXT + "\n")
    _PROJECT["dir"] = d
    yield d
    _PROJECT.pop("dir", None)


def run_claude(relay: Relay, project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "CLAUDE_CONFIG_DIR": str(home / ".claude"),
        "ANTHROPIC_BASE_URL": relay.url,
        "ANTHROPIC_API_KEY": relay.key,
        # No network but the relay: the CLI's documented switches for its own traffic.
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
        "DISABLE_AUTOUPDATER": "1",
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "DISABLE_BUG_COMMAND": "1",
        "NO_COLOR": "1",
    }
    cmd = [str(claude_binary()), "-p", *args, "--model", THINKING_MODEL]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                          stdin=subprocess.DEVNULL)


def _explain(p: subprocess.CompletedProcess[str], relay: Relay) -> str:
    return f"exit {p.returncode}\nstdout: {p.stdout[-4000:]}\nstderr: {p.stderr[-4000:]}\nrelay:\n{relay.stderr_tail()}"


def _upstream(target: str, openai_up: Upstream, anthropic_up: Upstream) -> Upstream:
    return openai_up if target == "openai" else anthropic_up


# --- tests -------------------------------------------------------------------------------------


def test_print_json(cc_relay: Relay, project: Path, tmp_path: Path, target: str, openai_up: Upstream,
                    anthropic_up: Upstream) -> None:
    p = run_claude(cc_relay, project, tmp_path / "home", "Say hello.", "--output-format", "json")
    assert p.returncode == 0, _explain(p, cc_relay)
    out = json.loads(p.stdout)
    assert out["is_error"] is False, _explain(p, cc_relay)
    assert out["subtype"] == "success"
    assert out["result"] == f"Hello from the {'OpenAI' if target == 'openai' else 'Anthropic'} upstream."

    up = _upstream(target, openai_up, anthropic_up)
    main = [r for r in up.requests if r.body and r.body.get("tools")]
    assert main, f"no request with tools reached the {target} upstream: {[r.path for r in up.requests]}"
    sent = main[-1].body
    names = {t["function"]["name"] if target == "openai" else t["name"] for t in sent["tools"]}
    assert {"Bash", "Read", "Edit", "Write"} <= names, names  # Claude Code's default tool set
    if target == "openai":
        # Adaptive thinking + output_config.effort became reasoning_effort; advisory fields are gone.
        assert sent["model"] == "gpt-test"
        assert sent.get("reasoning_effort") in ("low", "medium", "high", "xhigh")
        assert "context_management" not in sent and "output_config" not in sent
        assert main[-1].header("authorization") == f"Bearer {OPENAI_KEY}"
    else:
        assert sent["model"] == "claude-test"
        assert sent["thinking"]["type"] == "adaptive"
        assert main[-1].header("x-api-key") == ANTHROPIC_KEY


def test_stream_json_tool_round_trip_with_thinking(cc_relay: Relay, project: Path, tmp_path: Path, target: str,
                                                   openai_up: Upstream, anthropic_up: Upstream) -> None:
    p = run_claude(cc_relay, project, tmp_path / "home", "What does notes.txt say?",
                   "--output-format", "stream-json", "--verbose")
    assert p.returncode == 0, _explain(p, cc_relay)
    events = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    result = events[-1]
    assert result["type"] == "result" and result["subtype"] == "success", _explain(p, cc_relay)
    assert result["is_error"] is False
    assert result["result"] == ANSWER

    blocks = [b for e in events if e.get("type") == "assistant" for b in e["message"]["content"]]
    assert any(b["type"] == "thinking" for b in blocks), blocks
    uses = [b for b in blocks if b["type"] == "tool_use"]
    assert [u["name"] for u in uses] == ["Read"]
    results = [b for e in events if e.get("type") == "user" for b in e["message"]["content"]
               if isinstance(b, dict) and b.get("type") == "tool_result"]
    assert results and FILE_TEXT in json.dumps(results[0]["content"])

    # The second call carried the tool result back to the upstream, in its dialect.
    up = _upstream(target, openai_up, anthropic_up)
    last = [r for r in up.requests if r.body and r.body.get("tools")][-1].body
    if target == "openai":
        tool_msgs = [m for m in last["messages"] if m["role"] == "tool"]
        assert tool_msgs and FILE_TEXT in tool_msgs[-1]["content"]
        calls = [m for m in last["messages"] if m.get("tool_calls")]
        assert calls[-1]["tool_calls"][0]["id"] == tool_msgs[-1]["tool_call_id"]
    else:
        tr = [b for m in last["messages"] if isinstance(m["content"], list) for b in m["content"]
              if b.get("type") == "tool_result"]
        assert tr and tr[-1]["tool_use_id"] == "toolu_01read"
