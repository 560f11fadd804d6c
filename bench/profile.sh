#!/usr/bin/env bash
# bench/profile.sh — callgrind profile of the release relay over a bounded number of requests (passthrough or cross-dialect); prints instructions per request and the top functions.
# Usage: bench/profile.sh [pass|cross|pass-stream] [REQUESTS]   (needs valgrind: apt-get install valgrind)
# Run bench/run.sh once first (it builds target/release/monorelay and the bench binaries).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
MODE=${1:-pass}
N=${2:-3000}
B="$REPO/bench/target/release"
RELAY="${CARGO_TARGET_DIR:-$REPO/target}/release/monorelay"
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
W=$(mktemp -d /tmp/monorelay-profile-XXXX)
MPID="" VPID=""
cleanup() {
  [ -n "$VPID" ] && kill -INT "$VPID" 2>/dev/null || true
  [ -n "$MPID" ] && kill "$MPID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

"$B/mock" --threads 2 >"$W/mock.out" 2>&1 &
MPID=$!
for _ in $(seq 100); do grep -q listening "$W/mock.out" 2>/dev/null && break; sleep 0.1; done
MP=$(head -1 "$W/mock.out" | sed 's/.*://')
cat >"$W/cfg.yml" <<EOF
server: {host: 127.0.0.1, port: 0, access_key: "bench-key"}
providers:
  oa: {provider_type: api, base_url: "http://127.0.0.1:$MP/v1", keys: [{key: k1}, {key: k2}], models: {include: [gpt-bench]}}
  an: {provider_type: anthropic, base_url: "http://127.0.0.1:$MP", keys: [{key: a1}, {key: a2}], models: {include: [claude-bench]}}
logging: {enabled: true, store_bodies: true}
EOF
case "$MODE" in
  pass) MODEL=gpt-bench STREAM=false END="" ;;
  cross) MODEL=claude-bench STREAM=false END="" ;;
  pass-stream) MODEL=gpt-bench STREAM=true END="[DONE]" ;;
  *) echo "mode: pass | cross | pass-stream" >&2; exit 2 ;;
esac
printf '{"model":"%s","stream":%s,"max_tokens":64,"messages":[{"role":"user","content":"You are benchmarking a relay. Say hello in one short sentence, please."},{"role":"assistant","content":"Hello! How can I help you today?"},{"role":"user","content":"Tell me a fact about the number seven."}]}' \
  "$MODEL" "$STREAM" >"$W/body.json"

valgrind --tool=callgrind --callgrind-out-file="$W/callgrind.out" \
  "$RELAY" --config "$W/cfg.yml" --data-dir "$W" serve --host 127.0.0.1 --port 0 >"$W/relay.out" 2>"$W/valgrind.err" &
VPID=$!
for _ in $(seq 300); do grep -q listening "$W/relay.out" 2>/dev/null && break; sleep 0.2; done
RP=$(head -1 "$W/relay.out" | sed 's/.*://')
EXPECT=()
[ -n "$END" ] && EXPECT=(--expect-end "$END")
"$B/drive" --url "http://127.0.0.1:$RP/v1/chat/completions" --body "$W/body.json" \
  --header 'Authorization: Bearer bench-key' --concurrency 4 --requests "$N" --max-secs 600 "${EXPECT[@]}" >"$W/drive.json"
kill -INT "$VPID"
wait "$VPID" || true
VPID=""
IR=$(grep -o 'refs: *[0-9,]*' "$W/valgrind.err" | tr -dc 0-9)
echo "mode $MODE: $N requests, $IR instructions in all (startup included), ~$((IR / N)) per request"
echo "--- top functions, inclusive"
callgrind_annotate --inclusive=yes "$W/callgrind.out" 2>/dev/null | grep -E 'monorelay::|reqwest::async_impl::client::Client::execute_request|tracing_subscriber::fmt::format::Format|hyper::proto::h1::role' \
  | grep -v "'2" | head -40 | cut -c1-200
echo "--- top functions, self"
callgrind_annotate --inclusive=no "$W/callgrind.out" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n 3,30p | cut -c1-200
echo "(callgrind output: $W/callgrind.out)"
