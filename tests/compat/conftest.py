"""Fixtures of the compat suite: fake upstreams, a config file, the real monorelay binary (started per test, stopped on teardown), and SDK clients pointed at it."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from upstream import Upstream  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ACCESS_KEY = "test-key-123"
OPENAI_KEY = "sk-upstream-1"
FAILOVER_KEYS = ("sk-upstream-a", "sk-upstream-b")
ANTHROPIC_KEY = "sk-ant-upstream"
GEMINI_KEY = "gm-upstream-key"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0
STDERR_TAIL_LINES = 60


def relay_binary() -> Path:
    env = os.environ.get("MONORELAY_BIN")
    path = Path(env) if env else REPO / "target" / "debug" / "monorelay"
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.exit(
            f"monorelay binary not found or not executable at {path}. Build it first "
            f"(cd {REPO} && cargo build) or set MONORELAY_BIN to its path.",
            returncode=2,
        )
    return path


def render_config(openai_up: Upstream, anthropic_up: Upstream, gemini_up: Upstream | None = None) -> str:
    """The relay config used by every test (YAML, written by hand: no PyYAML dependency)."""
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
    models: {{include: ["gpt-test", "gpt-emulated", "whisper-1", "gpt-image-1"]}}
  up_failover:
    provider_type: api
    base_url: "{openai_up.url}/v1"
    keys: [{{key: "{FAILOVER_KEYS[0]}", label: "fa"}}, {{key: "{FAILOVER_KEYS[1]}", label: "fb"}}]
    models: {{include: ["gpt-failover"]}}
  up_responses:
    provider_type: api
    base_url: "{openai_up.url}/v1"
    responses: true
    keys: [{{key: "{OPENAI_KEY}", label: "r1"}}]
    models: {{include: ["gpt-resp"]}}
  up_anthropic:
    provider_type: anthropic
    base_url: "{anthropic_up.url}"
    keys: [{{key: "{ANTHROPIC_KEY}", label: "a1"}}]
    models: {{include: ["claude-test"]}}
{gemini_provider(gemini_up)}  mock:
    provider_type: mock
model_routing:
  default_provider: mock
tool_calling:
  unsupported_models: ["gpt-emulated"]
  emulate: true
"""


def gemini_provider(gemini_up: Upstream | None) -> str:
    """The Gemini-dialect provider's config lines (none without a Gemini upstream)."""
    if gemini_up is None:
        return ""
    return f"""\
  up_gemini:
    provider_type: gemini
    base_url: "{gemini_up.url}"
    keys: [{{key: "{GEMINI_KEY}", label: "g1"}}]
    models: {{include: ["gemini-test"]}}
"""


@dataclass
class Relay:
    proc: subprocess.Popen
    port: int
    stderr_path: Path
    key: str = ACCESS_KEY

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def openai_base(self) -> str:
        return f"{self.url}/v1"

    @property
    def anthropic_base(self) -> str:
        return self.url

    def stderr_tail(self, n: int = STDERR_TAIL_LINES) -> str:
        try:
            lines = self.stderr_path.read_text(errors="replace").splitlines()
        except OSError as e:
            return f"(cannot read {self.stderr_path}: {e})"
        return "\n".join(lines[-n:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=STOP_TIMEOUT)


def start_relay(binary: Path, config_text: str, workdir: Path) -> Relay:
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "config.yml"
    config.write_text(config_text)
    data_dir = workdir / "data"
    stderr_path = workdir / "relay.stderr.log"
    stderr_file = open(stderr_path, "wb")
    env = {**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "info"), "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [str(binary), "--config", str(config), "--data-dir", str(data_dir),
         "serve", "--host", "127.0.0.1", "--port", "0"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr_file, env=env,
    )
    stderr_file.close()
    lines: queue.Queue[bytes | None] = queue.Queue()

    def pump() -> None:  # keep draining stdout so the relay never blocks on a full pipe
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, name="relay-stdout", daemon=True).start()
    relay = Relay(proc=proc, port=0, stderr_path=stderr_path)
    deadline = time.monotonic() + START_TIMEOUT
    seen: list[str] = []
    marker = "listening on http://127.0.0.1:"
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            relay.stop()
            raise RuntimeError(f"monorelay did not print its listen line within {START_TIMEOUT}s; "
                               f"stdout: {seen!r}\nstderr tail:\n{relay.stderr_tail()}")
        try:
            raw = lines.get(timeout=left)
        except queue.Empty:
            continue
        if raw is None:
            relay.stop()
            raise RuntimeError(f"monorelay exited (code {proc.poll()}) before listening; stdout: {seen!r}\n"
                               f"stderr tail:\n{relay.stderr_tail()}")
        line = raw.decode(errors="replace").strip()
        seen.append(line)
        if marker in line:
            relay.port = int(line.split(marker, 1)[1].split("/")[0].strip())
            return relay


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def binary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the binary, so a concurrent `cargo build` cannot swap it mid-suite."""
    src = relay_binary()
    dst = tmp_path_factory.mktemp("bin") / "monorelay"
    shutil.copy2(src, dst)
    return dst


@pytest.fixture(scope="session")
def _upstreams() -> Iterator[tuple[Upstream, Upstream, Upstream]]:
    o = Upstream("openai").start()
    a = Upstream("anthropic").start()
    g = Upstream("gemini").start()
    try:
        yield o, a, g
    finally:
        o.stop()
        a.stop()
        g.stop()


@pytest.fixture
def openai_up(_upstreams: tuple[Upstream, Upstream, Upstream]) -> Iterator[Upstream]:
    """The OpenAI-compatible fake upstream, emptied for this test."""
    up = _upstreams[0]
    up.reset()
    yield up
    up.reset()


@pytest.fixture
def anthropic_up(_upstreams: tuple[Upstream, Upstream, Upstream]) -> Iterator[Upstream]:
    """The Anthropic fake upstream, emptied for this test."""
    up = _upstreams[1]
    up.reset()
    yield up
    up.reset()


@pytest.fixture
def gemini_up(_upstreams: tuple[Upstream, Upstream, Upstream]) -> Iterator[Upstream]:
    """The Gemini-dialect fake upstream, emptied for this test."""
    up = _upstreams[2]
    up.reset()
    yield up
    up.reset()


@pytest.fixture
def relay(request: pytest.FixtureRequest, binary: Path, openai_up: Upstream, anthropic_up: Upstream,
          gemini_up: Upstream, tmp_path: Path) -> Iterator[Relay]:
    """A fresh relay per test (key health and cooldowns never leak between tests)."""
    r = start_relay(binary, render_config(openai_up, anthropic_up, gemini_up), tmp_path / "relay")
    request.node.stash.setdefault(_RELAYS, []).append(r)
    try:
        yield r
    finally:
        r.stop()


_RELAYS = pytest.StashKey[list]()


@pytest.fixture
def oai(relay: Relay):
    """openai SDK client on the relay (no SDK retries: every upstream request is the relay's)."""
    import openai

    with openai.OpenAI(base_url=relay.openai_base, api_key=relay.key, max_retries=0, timeout=15.0) as c:
        yield c


@pytest.fixture
def ant(relay: Relay):
    """anthropic SDK client on the relay."""
    import anthropic

    with anthropic.Anthropic(base_url=relay.anthropic_base, api_key=relay.key, max_retries=0, timeout=15.0) as c:
        yield c


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    rep = outcome.get_result()
    if rep.failed and rep.when in ("setup", "call"):
        for r in item.stash.get(_RELAYS, []):
            rep.sections.append((f"monorelay stderr (last {STDERR_TAIL_LINES} lines, port {r.port})", r.stderr_tail()))
        for name in ("openai_up", "anthropic_up", "gemini_up"):
            up = item.funcargs.get(name) if hasattr(item, "funcargs") else None
            if isinstance(up, Upstream) and up.requests:
                desc = "\n".join(f"{q.method} {q.path} {q.raw[:2000]!r}" for q in up.requests)
                rep.sections.append((f"fake upstream '{up.name}' requests", desc))

