"""The real Codex CLI (npm @openai/codex, pinned in clients/package.json and installed by run.sh)
in exec mode against the relay's `/v1/responses`, pointed there by its documented custom-provider
setting (`model_providers.<id>.base_url`, `wire_api = "responses"`), with a loopback
Anthropic-dialect upstream and a loopback chat-completions one: a one-tool-call task (the model
asks to run a command, Codex runs it, the model answers from its output). No network: update
checks, analytics and web search are off, every run is bounded by a timeout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ACCESS_KEY
from upstream import Recorded, Reply, ant_stream, ant_text, ant_tool_use, oai_text_stream, oai_tool_calls_stream, oai_usage

HERE = Path(__file__).resolve().parent
CODEX = Path(os.environ.get("CODEX_BIN", HERE / "clients" / "node_modules" / ".bin" / "codex"))
RUN_TIMEOUT_S = 120
FILE_TEXT = "the-codeword-is-papaya"
ANSWER = "The note says the codeword is papaya."


def codex_binary() -> Path:
    if not CODEX.exists():
        pytest.fail(f"the Codex CLI is not installed at {CODEX}: run tests/compat/run.sh (it runs npm ci in "
                    f"{HERE / 'clients'})")
    return CODEX


def run_codex(relay, model: str, tmp_path: Path) -> subprocess.CompletedProcess:
    home = tmp_path / "codex-home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (work / "note.txt").write_text(FILE_TEXT + "\n")
    (home / "config.toml").write_text(f"""\
model = "{model}"
model_provider = "relay"
check_for_update_on_startup = false
web_search = "disabled"

[model_providers.relay]
name = "monorelay"
base_url = "{relay.openai_base}"
env_key = "MONORELAY_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0

[analytics]
enabled = false
""")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CODEX_"))}
    env.update({"CODEX_HOME": str(home), "MONORELAY_KEY": ACCESS_KEY, "NO_COLOR": "1"})
    return subprocess.run(
        [str(codex_binary()), "exec", "--skip-git-repo-check", "--disable", "multi_agent", "--disable", "goals",
         "--dangerously-bypass-approvals-and-sandbox", "-C", str(work),
         "Read note.txt in the current directory with a shell command and tell me what it says."],
        cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
    )


def _tool_output(body: dict) -> str | None:
    """The tool result text the client sent back, in either upstream dialect."""
    for m in body.get("messages", []):
        if m.get("role") == "tool":
            return m["content"] if isinstance(m["content"], str) else json.dumps(m["content"])
        if isinstance(m.get("content"), list):
            for b in m["content"]:
                if b.get("type") == "tool_result":
                    return json.dumps(b.get("content"))
    return None


def _tool_name(body: dict) -> str:
    names = [t.get("name") or t.get("function", {}).get("name") for t in body.get("tools", [])]
    assert "exec_command" in names or "shell" in names, names
    return "exec_command" if "exec_command" in names else "shell"


def _args(tool: str) -> dict:
    return {"cmd": "cat note.txt"} if tool == "exec_command" else {"command": ["cat", "note.txt"]}


def test_codex_one_tool_call_through_anthropic_upstream(relay, anthropic_up, tmp_path):
    def respond(rec: Recorded) -> Reply:
        out = _tool_output(rec.body or {})
        if out is None:
            tool = _tool_name(rec.body)
            return Reply(events=ant_stream([ant_tool_use(tool, _args(tool), id="toolu_01Codex")]))
        return Reply(events=ant_stream([ant_text(ANSWER)]))

    anthropic_up.responder = respond
    proc = run_codex(relay, "claude-test", tmp_path)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert ANSWER in proc.stdout, proc.stdout[-4000:] + proc.stderr[-4000:]
    bodies = [r.body for r in anthropic_up.requests if r.path == "/v1/messages"]
    results = [o for o in map(_tool_output, bodies) if o is not None]
    assert results and FILE_TEXT in results[0], results
    first = bodies[0]
    assert first["stream"] is True
    assert first["system"], "Codex's instructions reach the upstream as the system prompt"


def test_codex_one_tool_call_through_chat_upstream(relay, openai_up, tmp_path):
    def respond(rec: Recorded) -> Reply:
        out = _tool_output(rec.body or {})
        if out is None:
            tool = _tool_name(rec.body)
            return Reply(events=oai_tool_calls_stream([("call_codex1", tool, [json.dumps(_args(tool))])],
                                                      usage=oai_usage(100, 10)))
        return Reply(events=oai_text_stream([ANSWER], usage=oai_usage(120, 9)))

    openai_up.responder = respond
    proc = run_codex(relay, "gpt-test", tmp_path)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert ANSWER in proc.stdout, proc.stdout[-4000:] + proc.stderr[-4000:]
    bodies = [r.body for r in openai_up.requests if r.path == "/v1/chat/completions"]
    results = [o for o in map(_tool_output, bodies) if o is not None]
    assert results and FILE_TEXT in results[0], results
