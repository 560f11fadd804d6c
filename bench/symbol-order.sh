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
drive() { "$B/drive" --url "http://127.0.0.1:$RP$1" --body "$W/body.json" --header "$2" --concurrency "${C:-8}" --requests "$3" --max-secs 600 >/dev/null || true; }
# The bodies bench.py sends (an OpenAI client sets a temperature, an Anthropic one a system prompt):
# parsing a float or translating a system prompt is code of its own.
body() {
  local msgs='[{"role":"user","content":"Say hello."},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Tell me a fact about seven."}]'
  if [ "$1" = openai ]; then
    printf '{"model":"%s","stream":%s,"max_tokens":64,"temperature":0.2,"messages":%s}' "$2" "$3" "$msgs" >"$W/body.json"
  else
    printf '{"model":"%s","stream":%s,"max_tokens":64,"system":"You are terse.","messages":%s}' "$2" "$3" "$msgs" >"$W/body.json"
  fi
}
workload() {
  for model in gpt-bench claude-bench; do
    for stream in false true; do
      body openai "$model" "$stream"
      drive /v1/chat/completions 'Authorization: Bearer bench-key' 150
      body anthropic "$model" "$stream"
      drive /v1/messages 'x-api-key: bench-key' 75
    done
  done
  # What only load runs (bench.py's memory figures count the code pages it touches): bursts of 64
  # connections, many slow streams at once (timers, a wide pool), the metrics a scraper reads.
  body openai gpt-bench false
  C=64 drive /v1/chat/completions 'Authorization: Bearer bench-key' 640
  body openai gpt-bench true
  C=64 drive /v1/chat/completions 'Authorization: Bearer bench-key' 640
  body openai gpt-slow true
  C=100 drive /v1/chat/completions 'Authorization: Bearer bench-key' 100
  curl -fsS -o /dev/null -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$RP/v1/models"
  curl -fsS -o /dev/null -H 'Authorization: Bearer bench-key' "http://127.0.0.1:$RP/metrics"
  curl -fsS -o /dev/null "http://127.0.0.1:$RP/health"
  sleep 2.5   # the writer's last group, the idle trim
}
start_relay valgrind --tool=callgrind --demangle=no --callgrind-out-file="$W/cg.out"
sleep 2
callgrind_control -d "$RPID" >/dev/null   # part 1: the start
workload
callgrind_control -d "$RPID" >/dev/null   # part 2: the requests
kill -INT "$RPID"
wait "$RPID" || true                       # the rest: the shutdown
# Then natively, every page fault recorded: a function that faulted a text page in ran, whatever
# callgrind made of it (a timer that fired only at native speed, a name it could not give).
: >"$W/faults.txt"
if command -v perf >/dev/null; then
  start_relay perf record -q -e page-faults -c 1 -d -o "$W/pf.data" --
  workload
  kill -INT "$RPID"
  wait "$RPID" || true
  perf script -i "$W/pf.data" --show-mmap-events -F addr 2>/dev/null >"$W/faults.txt" || true
fi
python3 - "$W/cg.out.1" "$W/cg.out.2" "$W/cg.out" "$RELAY" "$W/faults.txt" >"$OUT" <<'PY'
import bisect, collections, os, re, subprocess, sys
*parts, relay, faults = sys.argv[1:]
binary = os.path.basename(relay)
# Names that share an address: LLVM merges identical functions, and callgrind names the code by
# one of them while the section carries the other's; every alias is listed, so either matches.
aliases = collections.defaultdict(list)
by_name = {}
for line in subprocess.run(["nm", relay], capture_output=True, text=True).stdout.splitlines():
    p = line.split()
    if len(p) == 3 and p[1] in "tTwW":
        aliases[p[0]].append(p[2])
        by_name.setdefault(p[2], p[0])
starts = sorted(int(a, 16) for a in aliases)


def faulted():
    """The functions whose text pages faulted in the native run, in fault order."""
    seg = None   # the executable LOAD segment: vaddr - file offset
    for line in subprocess.run(["readelf", "-lW", relay], capture_output=True, text=True).stdout.splitlines():
        p = line.split()
        if p and p[0] == "LOAD" and "E" in p[6:-1]:
            seg = int(p[2], 16) - int(p[1], 16)
    base = None
    for line in open(faults, errors="replace"):
        m = re.search(r"PERF_RECORD_MMAP2 .*\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+) .*r-xp (\S+)$", line)
        if m and os.path.basename(m.group(4)) == binary:
            base = [int(x, 16) for x in m.groups()[:3]]
            continue
        p = line.split()
        if base is None or seg is None or len(p) != 1 or not re.fullmatch(r"[0-9a-f]+", p[0]):
            continue
        addr = int(p[0], 16)
        if base[0] <= addr < base[0] + base[1]:
            i = bisect.bisect_right(starts, addr - base[0] + base[2] + seg) - 1
            if i >= 0:
                yield aliases[format(starts[i], "016x")][0]

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
from_faults = 0
for names in [[n for n, _ in part.most_common()] for part in (requests, start, shutdown)] + [list(faulted())]:
    before = len(seen)
    for name in names:
        name = re.sub(r"'\d+$", "", name)   # callgrind's recursion-level suffix
        if name in seen or name.startswith("0x"):
            continue
        for n in [name] + aliases.get(by_name.get(name), []):
            if n not in seen:
                seen.add(n)
                print(n)
    from_faults = len(seen) - before
print(f"{len(seen)} functions ({from_faults} found only by their page faults)", file=sys.stderr)
PY
echo "wrote $OUT"
