#!/usr/bin/env bash
# The admin panel's tests: `npm ci` in web/, the Vitest unit tests (i18n completeness and no
# hard-coded text, client logic), then the browser flow (web/e2e/run.mjs: Debian's chromium via
# playwright-core against the real binary and a loopback upstream). Needs node/npm and chromium;
# MONORELAY_BIN overrides the binary (default: the cargo target dir's debug build).
set -euo pipefail
cd "$(dirname "$0")/../../web"
npm ci --no-audit --no-fund
npx vitest run
node e2e/run.mjs
