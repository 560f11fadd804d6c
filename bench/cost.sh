#!/usr/bin/env bash
# bench/cost.sh — load-independent cost of one relayed request: relay CPU µs, context switches and syscalls (strace -c), instructions (callgrind) per request over a fixed count.
# Usage: bench/cost.sh RELAY_BINARY|bare [pass|cross|pass-stream|cross-stream] [REQUESTS] [log-on|log-off] [TOOLS]
#   TOOLS: any of cpu,strace,callgrind,mem (default cpu,strace); mem: RSS idle, at 500 concurrent
#   slow streams, and 3 s after them. WORKERS=N sets server.worker_threads. Needs the bench binaries (bench/run.sh
#   builds them; BENCH_BIN overrides where they are), strace and valgrind for those tools.
# Unlike wrk's throughput, these figures barely move when other work shares the machine, so two
# builds can be compared back to back on a busy box. Loopback only; everything started is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
RELAY=${1:?relay binary}
MODE=${2:-pass}
N=${3:-2000}
LOGGING=${4:-log-on}
TOOLS=${5:-cpu,strace}
B=${BENCH_BIN:-$REPO/bench/target/release}
C=${CONCURRENCY:-16}
ulimit -n 65536 2>/dev/null || true
ON=$([ "$LOGGING" = log-on ] && echo true || echo false)
# shellcheck source=bench/mock-setup.sh
. "$REPO/bench/mock-setup.sh"
bench_mock_setup cost "$ON"
case "$MODE" in
  pass) MODEL=gpt-bench STREAM=false END="" ;;
  cross) MODEL=claude-bench STREAM=false END="" ;;
  pass-stream) MODEL=gpt-bench STREAM=true END="[DONE]" ;;
  cross-stream) MODEL=claude-bench STREAM=true END="[DONE]" ;;
  *) echo "mode: pass | cross | pass-stream | cross-stream" >&2; exit 2 ;;
esac
printf '{"model":"%s","stream":%s,"max_tokens":64,"messages":[{"role":"user","content":"You are benchmarking a relay. Say hello in one short sentence, please."},{"role":"assistant","content":"Hello! How can I help you today?"},{"role":"user","content":"Tell me a fact about the number seven."}]}' \
  "$MODEL" "$STREAM" >"$W/body.json"
EXPECT=()
[ -n "$END" ] && EXPECT=(--expect-end "$END")

load() {
  "$B/drive" --url "http://127.0.0.1:$RP/v1/chat/completions" --body "$W/body.json" \
    --header 'Authorization: Bearer bench-key' --concurrency "$C" --requests "$1" --max-secs 600 "${EXPECT[@]}" >"$W/drive.json"
  python3 -c "import json,sys; d=json.load(open('$W/drive.json')); sys.exit(0 if d['ok']==$1 else 'drive: %s of $1 ok' % d['ok'])"
}
# The relay process's CPU ns (all threads) and context switches.
readings() {
  python3 - "$1" <<'PY'
import os, sys
pid = sys.argv[1]; ns = cs = 0
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        ns += int(open(f"/proc/{pid}/task/{t}/schedstat").read().split()[0])
        for line in open(f"/proc/{pid}/task/{t}/status"):
            if "ctxt_switches:" in line:
                cs += int(line.split()[1])
    except OSError:
        pass
print(ns, cs)
PY
}
# SIGINT to the relay itself (under strace, the tracer's child), then wait for the wrapper.
stop_relay() {
  local child
  child=$(pgrep -P "$RPID" | head -1 || true)   # any name: builds are often copied as monorelay-X
  kill -INT "${child:-$RPID}" 2>/dev/null || true
  wait "$RPID" 2>/dev/null || true
}

echo "mode=$MODE requests=$N concurrency=$C logging=$LOGGING relay=$RELAY"
if [[ $TOOLS == *cpu* ]]; then
  start_relay
  load 300
  sleep 0.5
  read -r ns0 cs0 < <(readings "$RPID")
  load "$N"
  sleep 0.3   # the writer's last group (commit interval 100 ms)
  read -r ns1 cs1 < <(readings "$RPID")
  python3 -c "print('cpu: %.1f us/req, %.2f context switches/req' % (($ns1-$ns0)/1e3/$N, ($cs1-$cs0)/$N))"
  stop_relay
fi
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
if [[ $TOOLS == *mem* ]]; then
  start_relay
  load 300
  sleep 1
  idle=$(rss "$RPID")
  sed 's/"model":"[^"]*"/"model":"gpt-slow"/; s/"stream":false/"stream":true/' "$W/body.json" >"$W/slow.json"
  peak=0
  ( while kill -0 "$RPID" 2>/dev/null; do rss "$RPID"; echo; sleep 0.05; done ) >"$W/rss.log" 2>/dev/null &
  SAMPLER=$!
  "$B/drive" --url "http://127.0.0.1:$RP/v1/chat/completions" --body "$W/slow.json" \
    --header 'Authorization: Bearer bench-key' --concurrency 500 --requests 500 --max-secs 60 --expect-end "[DONE]" >"$W/slow.out"
  sleep 3
  after=$(rss "$RPID")
  if [ -n "${TRIM_PROBE:-}" ]; then   # experiment: what glibc's malloc_trim(0) would give back
    gdb -p "$RPID" -batch -ex 'call (int)malloc_trim(0)' >/dev/null 2>&1 || true
    echo "after malloc_trim(0) by gdb: $(rss "$RPID") MB"
  fi
  kill "$SAMPLER" 2>/dev/null || true
  peak=$(sort -n "$W/rss.log" | tail -1)
  ok=$(python3 -c "import json; print(json.load(open('$W/slow.out'))['ok'])")
  echo "mem: idle $idle MB, peak at 500 slow streams $peak MB ($ok/500 ok), 3 s after $after MB"
  stop_relay
fi
if [[ $TOOLS == *strace* ]] && command -v strace >/dev/null; then
  start_relay strace -f -c -o "$W/strace.txt"
  load 300
  load "$N"
  sleep 0.3
  stop_relay
  # Includes the 300 warm-up requests and startup; per request over all N+300.
  python3 - "$W/strace.txt" $((N + 300)) <<'PY'
import sys
n = int(sys.argv[2]); rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) >= 5 and p[0][0].isdigit() and not p[-1].startswith("total"):
        calls = int(p[3]); rows[p[-1]] = calls
show = ["fdatasync", "fsync", "pwrite64", "futex", "epoll_wait", "sendto", "recvfrom", "writev", "write", "read", "sched_yield",
        "madvise", "mmap", "munmap", "brk"]
print("syscalls/req: " + ", ".join(f"{k} {rows[k]/n:.2f}" for k in show if k in rows)
      + f" | all {sum(rows.values())/n:.1f}")
PY
fi
if [[ $TOOLS == *callgrind* ]] && command -v valgrind >/dev/null; then
  # CALLGRIND_ARGS: e.g. --cache-sim=yes (I1/D1/LL misses per request beside instructions).
  start_relay valgrind --tool=callgrind --instr-atstart=no ${CALLGRIND_ARGS:-} --callgrind-out-file="$W/cg.out"
  load 200
  callgrind_control -i on "$RPID" >/dev/null
  load "$N"
  sleep 0.5
  callgrind_control -i off "$RPID" >/dev/null
  stop_relay
  # "1,234,567 (100.0%)  PROGRAM TOTALS": the first field, commas dropped.
  IR=$(callgrind_annotate "$W/cg.out" 2>/dev/null | awk '!n && /PROGRAM TOTALS/ {gsub(",", "", $1); print $1; n=1}')
  echo "callgrind: $((IR / N)) instructions/req"
  cp "$W/cg.out" "${CG_OUT:-/tmp/monorelay-cost-callgrind.out}"
fi
