#!/usr/bin/env bash
# Runs every test of monorelay: the Rust unit and integration tests (real HTTP servers on
# 127.0.0.1, real files), then the official OpenAI and Anthropic Python SDKs and the real Claude
# Code CLI against the real binary (tests/compat: a venv and an npm install it creates; needs
# python3 and npm), then a schemathesis check of the admin API generated from the binary's
# /openapi.json (tests/api, its own venv). This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets
cargo build --bin monorelay
if [ -f tests/compat/run.sh ]; then
  MONORELAY_BIN="$PWD/target/debug/monorelay" bash tests/compat/run.sh
fi
MONORELAY_BIN="$PWD/target/debug/monorelay" bash tests/api/run.sh
