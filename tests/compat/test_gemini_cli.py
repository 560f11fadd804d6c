"""The real Gemini CLI (npm @google/gemini-cli, pinned in clients/package.json and installed by
run.sh) in non-interactive prompt mode (`-p`) against the relay's Gemini routes, pointed there by
its base-URL setting (`GOOGLE_GEMINI_BASE_URL`, read by its content generator) with the access key
as `GEMINI_API_KEY`, and a loopback Anthropic-dialect upstream: a one-tool-call task (the model
asks to read a file, the CLI reads it, the model answers from its content). No network: HOME is a
temporary directory whose settings turn off usage statistics, telemetry and update checks; the
CLI's side calls (routing, checks) land on the relay's mock provider; every run is bounded."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ACCESS_KEY
from upstream import Recorded, Reply, ant_stream, ant_text, ant_tool_use

HERE = Path(__file__).resolve().parent
GEMINI = Path(os.environ.get("GEMINI_CLI_BIN", HERE / "clients" / "node_modules" / ".bin" / "gemini"))
RUN_TIMEOUT_S = 120
FILE_TEXT = "the-codeword-is-mango"
ANSWER = "The note says the codeword is mango."


def gemini_binary() -> Path:
    if not GEMINI.exists():
        pytest.fail(f"the Gemini CLI is not installed at {GEMINI}: run tests/compat/run.sh (it runs npm ci in "
                    f"{HERE / 'clients'})")
    return GEMINI


def run_gemini(relay, model: str, tmp_path: Path) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    work = tmp_path / "work"
    (home / ".gemini").mkdir(parents=True)
    work.mkdir()
    (work / "note.txt").write_text(FILE_TEXT + "\n")
    (home / ".gemini" / "settings.json").write_text(json.dumps({
        "privacy": {"usageStatisticsEnabled": False},
        "telemetry": {"enabled": False},
        "general": {"enableAutoUpdate": False, "enableAutoUpdateNotification": False},
        "security": {"auth": {"selectedType": "gemini-api-key"}},
    }))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEMINI_", "GOOGLE_"))}
    env.update({
        "HOME": str(home),
        "GOOGLE_GEMINI_BASE_URL": relay.url,
        "GEMINI_API_KEY": ACCESS_KEY,
        "GEMINI_CLI_NO_RELAUNCH": "true",
        "GEMINI_CLI_TRUST_WORKSPACE": "true",
        "GEMINI_TELEMETRY_ENABLED": "false",
        "NO_COLOR": "1",
        "CI": "1",
    })
    return subprocess.run(
        [str(gemini_binary()), "-m", model, "-p",
         "Read the file note.txt in the current directory with your file reading tool and tell me what it says."],
        cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
    )


def _tool_result(body: dict) -> str | None:
    for m in body.get("messages", []):
        if isinstance(m.get("content"), list):
            for b in m["content"]:
                if b.get("type") == "tool_result":
                    return json.dumps(b.get("content"))
    return None


def _read_call(body: dict) -> tuple[str, dict]:
    """The CLI's file-reading tool and arguments that name note.txt, from its declared schema."""
    tools = {t["name"]: t for t in body.get("tools", [])}
    assert "read_file" in tools, sorted(tools)
    props = tools["read_file"]["input_schema"].get("properties", {})
    required = tools["read_file"]["input_schema"].get("required") or list(props)
    path_param = next(p for p in required if "path" in p)
    return "read_file", {path_param: "note.txt"}


def test_gemini_cli_one_tool_call_through_anthropic_upstream(relay, anthropic_up, tmp_path):
    def respond(rec: Recorded) -> Reply:
        body = rec.body or {}
        if _tool_result(body) is None:
            name, args = _read_call(body)
            return Reply(events=ant_stream([ant_text("Reading it."), ant_tool_use(name, args, id="toolu_01Gem")]))
        return Reply(events=ant_stream([ant_text(ANSWER)]))

    anthropic_up.responder = respond
    proc = run_gemini(relay, "claude-test", tmp_path)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert ANSWER in proc.stdout, proc.stdout[-4000:] + proc.stderr[-4000:]
    bodies = [r.body for r in anthropic_up.requests if r.path == "/v1/messages"]
    results = [o for o in map(_tool_result, bodies) if o is not None]
    assert results and FILE_TEXT in results[0], results
    first = bodies[0]
    assert first["stream"] is True
    assert first["system"], "the CLI's system instruction reaches the upstream as the system prompt"
