#!/usr/bin/env bash
# bench/run.sh — the one entry command of the benchmark harness: installs wrk, builds the relay and the bench binaries, runs bench/bench.py.
# Usage: bench/run.sh [--quick] [--repeat N] [--duration S] [--readme] [--pad-kb K]
# Loopback only; every load run is bounded; every process started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

if ! command -v wrk >/dev/null 2>&1; then
  echo "[bench] installing wrk (Debian)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v python3 >/dev/null || { echo "bench needs python3" >&2; exit 1; }

RELAY_TARGET=${CARGO_TARGET_DIR:-$REPO/target}
echo "[bench] building the relay (release) into $RELAY_TARGET" >&2
cargo build --release --quiet --manifest-path "$REPO/Cargo.toml"
echo "[bench] building the mock upstream and stream driver" >&2
CARGO_TARGET_DIR="$REPO/bench/target" cargo build --release --quiet --manifest-path "$REPO/bench/Cargo.toml"

# 500 client + 500 upstream sockets per run, plus slack.
ulimit -n 65536 2>/dev/null || ulimit -n 4096 2>/dev/null || true

PY=""
cleanup() { if [ -n "$PY" ]; then kill "$PY" 2>/dev/null || true; wait "$PY" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
timeout 1800 python3 "$REPO/bench/bench.py" --relay "$RELAY_TARGET/release/monorelay" \
  --bench-bin "$REPO/bench/target/release" "$@" &
PY=$!
rc=0
wait "$PY" || rc=$?
PY=""
exit "$rc"
