#!/usr/bin/env bash
# Runs every test of monorelay: the Rust unit and integration tests (real HTTP servers on
# 127.0.0.1, real files), then the official OpenAI and Anthropic Python SDKs against the real
# binary (tests/compat, in a venv it creates). This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets
cargo build --bin monorelay
if [ -f tests/compat/run.sh ]; then
  MONORELAY_BIN="$PWD/target/debug/monorelay" bash tests/compat/run.sh
fi
