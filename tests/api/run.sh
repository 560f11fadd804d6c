#!/usr/bin/env bash
# A property-based check of the admin API generated from the real binary's /openapi.json:
# schemathesis (pinned in requirements.txt, installed into tests/api/.venv) sends bounded,
# seeded examples to every documented operation and fails on any 5xx or any answer that
# contradicts the document (status code, content type, response schema).
#   tests/api/run.sh            uses target/debug/monorelay unless MONORELAY_BIN is set
# Left out: the sync routes that talk to GitHub / WebDAV, the endless /api/events stream, and
# PUT /api/config, PATCH /api/settings and config reload (a generated config or setting would
# replace the server's own; tests/it/api_usage.rs covers PATCH /api/settings).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"
bin="${MONORELAY_BIN:-$repo/target/debug/monorelay}"
key="schemathesis-access-key"

if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"

work="$(mktemp -d)"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
cat > "$work/config.yml" <<YAML
server:
  access_key: "$key"
providers:
  mock:
    provider_type: mock
YAML
"$bin" serve --config "$work/config.yml" --data-dir "$work/data" --host 127.0.0.1 --port 0 -q \
    > "$work/serve.log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 100); do
    port="$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" 2>/dev/null | head -1 | cut -d: -f2 || true)"
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    port=""
    sleep 0.2
done
if [ -z "$port" ]; then
    echo "monorelay did not start:" >&2; cat "$work/serve.log" >&2; exit 1
fi

# From the scratch dir: schemathesis keeps a cache in its working directory. One worker:
# with two, hypothesis's lambda-source cache raced once ("AST constructor recursion depth
# mismatch", a runtime error of the tool, not of the API).
(cd "$work" && "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
    -H "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-10}" --seed 1 --workers 1 \
    --exclude-path-regex '^/api/(sync/(setup|push|pull|diff|history)|events)$' \
    --exclude-name 'PUT /api/config' --exclude-name 'PATCH /api/settings' --exclude-name 'POST /api/config/reload')
curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "monorelay died under the check" >&2; exit 1; }
