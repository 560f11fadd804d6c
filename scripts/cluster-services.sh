#!/usr/bin/env bash
# Start a throwaway PostgreSQL and Redis on 127.0.0.1 for the cluster tests (tests/it/cluster.rs)
# and print the two environment variables that point the tests at them:
#
#   eval "$(scripts/cluster-services.sh start /tmp/monorelay-cluster)"
#   cargo test --test it cluster
#   scripts/cluster-services.sh stop /tmp/monorelay-cluster
#
# PostgreSQL refuses to run as root, so as root the cluster is made and run by the `postgres`
# user. Ports: PGPORT (default 55432) and REDIS_PORT (default 56379).
set -euo pipefail
cmd=${1:?usage: cluster-services.sh start|stop DIR}
dir=${2:?usage: cluster-services.sh start|stop DIR}
pgport=${PGPORT:-55432}
redisport=${REDIS_PORT:-56379}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/pg/PG_VERSION" ]; then
      as_pg "$pgbin/initdb" -D "$dir/pg" -U monorelay --auth=trust >/dev/null
    fi
    as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pgport -k $dir -c fsync=off" start >/dev/null
    "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U monorelay -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'monorelay_test'" | grep -q 1 ||
      "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U monorelay monorelay_test
    redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
    echo "export MONORELAY_TEST_POSTGRES_URL=postgres://monorelay@127.0.0.1:$pgport/monorelay_test"
    echo "export MONORELAY_TEST_REDIS_URL=redis://127.0.0.1:$redisport/0"
    ;;
  stop)
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    [ -d "$dir/pg" ] && as_pg "$pgbin/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: cluster-services.sh start|stop DIR" >&2; exit 2 ;;
esac
