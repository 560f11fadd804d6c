#!/usr/bin/env bash
# Runs every test of monorelay: the Rust unit and integration tests (real HTTP servers on
# 127.0.0.1, real files), then the official OpenAI and Anthropic Python SDKs and the real Claude
# Code CLI against the real binary (tests/compat: a venv and an npm install it creates; needs
# python3 and npm), the admin panel's Vitest and Chromium tests (tests/web; needs npm and
# chromium), then a schemathesis check of the admin API generated from the binary's
# /openapi.json (tests/api, its own venv). This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets
cargo build --bin monorelay
bin="${CARGO_TARGET_DIR:-$PWD/target}/debug/monorelay"
# The admin panel: Vitest, then Chromium against the real binary.
if [ -f tests/web/run.sh ]; then
  MONORELAY_BIN="$bin" bash tests/web/run.sh
fi
if [ -f tests/compat/run.sh ]; then
  MONORELAY_BIN="$bin" bash tests/compat/run.sh
fi
MONORELAY_BIN="$bin" bash tests/api/run.sh
