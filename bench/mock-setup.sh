# bench/mock-setup.sh — sourced by cost.sh and symbol-order.sh: a scratch dir, the loopback mock and
# the relay config they both run (OpenAI and Anthropic providers on the mock, full-body logging
# switchable); everything started is stopped and the dir removed on exit.
# Needs: B (the bench binaries). Takes: the scratch name, logging true|false; WORKERS (optional)
# sets server.worker_threads. Sets: W, PIDS, MP; writes $W/cfg.yml. Then `start_relay` runs RELAY.
bench_mock_setup() {
  W=$(mktemp -d "/tmp/monorelay-$1-XXXX")
  PIDS=()
  trap bench_cleanup EXIT
  "$B/mock" --threads 2 >"$W/mock.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q listening "$W/mock.out" 2>/dev/null && break; sleep 0.1; done
  MP=$(head -1 "$W/mock.out" | sed 's/.*://')
  cat >"$W/cfg.yml" <<YML
server: {host: 127.0.0.1, port: 0, access_key: "bench-key"$([ -n "${WORKERS:-}" ] && echo ", worker_threads: $WORKERS")}
providers:
  oa: {provider_type: api, base_url: "http://127.0.0.1:$MP/v1", keys: [{key: k1}, {key: k2}], models: {include: [gpt-bench, gpt-slow]}}
  an: {provider_type: anthropic, base_url: "http://127.0.0.1:$MP", keys: [{key: a1}, {key: a2}], models: {include: [claude-bench]}}
logging: {enabled: $2, store_bodies: true}
YML
}
bench_cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
# start_relay PREFIX... : RELAY on the config (RELAY=bare: bench's `proxy` to the mock instead), under an optional wrapper (valgrind, perf; up to
# 2 minutes to listen), with a fresh data dir; its port in $RP, its pid in $RPID.
start_relay() {
  rm -rf "$W/data"; mkdir -p "$W/data"; : >"$W/relay.out"
  if [ "$RELAY" = bare ]; then   # the floor: bench's bare hyper proxy to the mock, no relay logic
    "$@" "$B/proxy" --upstream "127.0.0.1:$MP" >"$W/relay.out" 2>"$W/relay.err" &
  else
    "$@" "$RELAY" --config "$W/cfg.yml" --data-dir "$W/data" serve --host 127.0.0.1 --port 0 >"$W/relay.out" 2>"$W/relay.err" &
  fi
  RPID=$!
  PIDS+=($RPID)
  for _ in $(seq 1200); do grep -q listening "$W/relay.out" 2>/dev/null && break; sleep 0.1; done
  RP=$(head -1 "$W/relay.out" | sed 's/.*://')
}
