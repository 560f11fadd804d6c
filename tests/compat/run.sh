#!/usr/bin/env bash
# Run the SDK compatibility suite against a built monorelay binary.
#   tests/compat/run.sh [pytest args...]      e.g. -m "not translation", -k stream, -x
# Needs python3 and npm (Claude Code, the Codex CLI and the Gemini CLI are installed from the npm registry into clients/).
# Uses target/debug/monorelay unless MONORELAY_BIN points elsewhere (build it first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"

# Real third-party clients (Claude Code, the Codex CLI, the Gemini CLI), pinned in clients/package-lock.json.
clients="$here/clients"
if [ ! -x "$clients/node_modules/.bin/claude" ] || [ ! -x "$clients/node_modules/.bin/codex" ] || [ ! -x "$clients/node_modules/.bin/gemini" ] || [ "$clients/package-lock.json" -nt "$clients/node_modules/.package-lock.json" ]; then
    (cd "$clients" && npm ci --no-audit --no-fund --loglevel=error)
fi

export MONORELAY_BIN="${MONORELAY_BIN:-$repo/target/debug/monorelay}"
cd "$repo"
exec "$venv/bin/python" -m pytest -q -c "$here/pytest.ini" --rootdir "$here" "$here" "$@"
