#!/usr/bin/env bash
# bench/symbol-order.sh — remake bench/symbol-order.txt, the functions a serving relay runs, in
# the order the release link lays them out (build.rs hands the file to lld). Runs RELAY_BINARY
# (a release build) under callgrind: start, then requests of every kind (OpenAI and Anthropic
# clients, passthrough and cross-dialect, plain and streamed, logging on with bodies; bursts of 64
# connections and 100 slow streams at once; /v1/models, /metrics, /health), then shutdown.
# Written: the request path's functions hottest first, then what only the start ran, then what
# only the shutdown ran. Rebuild (release) afterwards to use it.
# Usage: bench/symbol-order.sh RELAY_BINARY [OUT]   (BENCH_BIN: where the mock and drive binaries are)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
RELAY=${1:?relay binary (release)}
OUT=${2:-$REPO/bench/symbol-order.txt}
B=${BENCH_BIN:-$REPO/bench/target/release}
# shellcheck source=bench/mock-setup.sh
. "$REPO/bench/mock-setup.sh"
bench_mock_setup order true
mkdir -p "$W/data"
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$W/cg.out" \
  "$RELAY" --config "$W/cfg.yml" --data-dir "$W/data" serve --host 127.0.0.1 --port 0 >"$W/relay.out" 2>"$W/relay.err" &
RPID=$!
PIDS+=($RPID)
for _ in $(seq 1200); do grep -q listening "$W/relay.out" 2>/dev/null && break; sleep 0.1; done
RP=$(head -1 "$W/relay.out" | sed 's/.*://')
sleep 2
callgrind_control -d "$RPID" >/dev/null   # part 1: the start
drive() { "$B/drive" --url "http://127.0.0.1:$RP$1" --body "$W/body.json" --header "$2" --concurrency "${C:-8}" --requests "$3" --max-secs 600 >/dev/null || true; }
body() {
  printf '{"model":"%s","stream":%s,"max_tokens":64,"messages":[{"role":"user","content":"Say hello."},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Tell me a fact about seven."}]}' \
    "$1" "$2" >"$W/body.json"
}
for model in gpt-bench claude-bench; do
  for stream in false true; do
    body "$model" "$stream"
    drive /v1/chat/completions 'Authorization: Bearer bench-key' 150
    drive /v1/messages 'x-api-key: bench-key' 75
  done
done
# What only load runs (bench.py's memory figures count the code pages it touches): bursts of 64
# connections, many slow streams at once (timers, a wide pool), the metrics a scraper reads.
body gpt-bench false
C=64 drive /v1/chat/completions 'Authorization: Bearer bench-key' 640
body gpt-bench true
C=64 drive /v1/chat/completions 'Authorization: Bearer bench-key' 640
body gpt-slow true
C=100 drive /v1/chat/completions 'Authorization: Bearer bench-key' 100
curl -fsS -o /dev/null -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$RP/v1/models"
curl -fsS -o /dev/null -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$RP/metrics"
curl -fsS -o /dev/null "http://127.0.0.1:$RP/health"
sleep 2.5   # the writer's last group, the idle trim
callgrind_control -d "$RPID" >/dev/null   # part 2: the requests
kill -INT "$RPID"
wait "$RPID" || true                       # the rest: the shutdown
python3 - "$W/cg.out.1" "$W/cg.out.2" "$W/cg.out" "$(basename "$RELAY")" >"$OUT" <<'PY'
import collections, re, sys
*parts, binary = sys.argv[1:]

def self_cost(path):
    """Self instructions per function of the relay binary (callgrind's compressed names)."""
    names, objs, cost = {}, {}, collections.Counter()
    ob = fn = None
    skip = False
    def ref(table, s):
        m = re.match(r"\((\d+)\)(?: (.*))?$", s)
        if not m:
            return s
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table.get(m.group(1))
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line:
            continue
        if line[0].isdigit() or line[0] in "+-*":
            if skip:
                skip = False   # the inclusive cost of a call, not this function's own
            elif fn and ob and ob.endswith(binary):
                p = line.split()
                if len(p) >= 2:
                    cost[fn] += int(p[1])
        elif line.startswith("ob="):
            ob = ref(objs, line[3:])
        elif line.startswith("fn="):
            fn = ref(names, line[3:])
        elif line.startswith("cob="):
            ref(objs, line[4:])
        elif line.startswith("cfn="):
            ref(names, line[4:])
        elif line.startswith("calls="):
            skip = True
    return cost

start, requests, shutdown = (self_cost(p) for p in parts)
seen = set()
for part in (requests, start, shutdown):
    for name, _ in part.most_common():
        name = re.sub(r"'\d+$", "", name)   # callgrind's recursion-level suffix
        if name not in seen and not name.startswith("0x"):
            seen.add(name)
            print(name)
print(f"{len(seen)} functions", file=sys.stderr)
PY
echo "wrote $OUT"
