#!/usr/bin/env python3
# bench/cluster.py — the scale-out benchmark: one relay on redb, one on PostgreSQL + Redis, two on PostgreSQL + Redis behind nginx; the same mock; throughput, added latency and CPU at c=64 and c=1.
"""Run after bench/run.sh has built the relay and the bench binaries (or give --relay and
--bench-bin). PostgreSQL and Redis are started by scripts/cluster-services.sh in a directory of
this run's own, on free ports, and stopped at the end; nginx (Debian nginx-light) is both the
anchor (a reverse proxy straight to the mock) and the load balancer in front of the two relays.
Loopback only; every load run is bounded; every process started here is stopped on exit.

Every setup is measured in the same run, interleaved, with the same non-stream OpenAI
passthrough request (bench.py's `openai-passthrough`), logging on with bodies everywhere.
Python stdlib only; the helpers are bench.py's.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench as B  # noqa: E402 — the sibling module, after its directory is on the path

REPO = B.REPO
SERVICES = os.path.join(REPO, "scripts", "cluster-services.sh")
SETUPS = [
    # key, label, what serves it
    ("direct", "mock, direct", "the mock itself"),
    ("nginx", "nginx → mock (anchor)", "one nginx reverse proxy"),
    ("redb", "1 relay, redb", "one relay, request log in its data dir"),
    ("pg", "1 relay, PostgreSQL + Redis", "one relay, storage.backend postgres, state.backend redis"),
    ("pg2", "2 relays behind nginx, PostgreSQL + Redis", "nginx round-robin over two such relays"),
]


def services_start(svc_dir, pgport, redisport):
    """Start PostgreSQL and Redis; return their URLs."""
    env = dict(os.environ, PGPORT=str(pgport), REDIS_PORT=str(redisport))
    r = subprocess.run([SERVICES, "start", svc_dir], env=env, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise SystemExit(f"cluster-services.sh start failed:\n{r.stdout}\n{r.stderr}")
    urls = dict(line.split(" ", 1)[1].split("=", 1) for line in r.stdout.splitlines() if line.startswith("export "))
    return urls["MONORELAY_TEST_POSTGRES_URL"], urls["MONORELAY_TEST_REDIS_URL"]


def services_stop(svc_dir):
    subprocess.run([SERVICES, "stop", svc_dir], capture_output=True, timeout=60)


def pid_file(path):
    try:
        with open(path) as f:
            return int(f.readline().strip())
    except (OSError, ValueError):
        return None


def config_yaml(mock_port, pg=None, redis=None):
    text = B.config_yaml(mock_port, True)
    if pg:
        text += f'storage: {{backend: postgres, postgres_url: "{pg}", pool_size: 4}}\n'
        text += f'state: {{backend: redis, redis_url: "{redis}"}}\n'
    return text


def start_relay(relay, work, name, text, relay_env):
    d = os.path.join(work, name)
    os.makedirs(d)
    cfg = os.path.join(d, "config.yml")
    with open(cfg, "w") as f:
        f.write(text)
    p, port = B.start([relay, "--config", cfg, "--data-dir", d, "serve", "--host", "127.0.0.1", "--port", "0"],
                      os.path.join(d, "relay.out"), "listening on", relay_env)
    B.log(f"relay {name} on :{port} (pid {p.pid})")
    return p, port


def pg_records(pgport):
    pgbin = sorted(os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql"))[-1]
    r = subprocess.run([os.path.join(pgbin, "psql"), "-h", "127.0.0.1", "-p", str(pgport), "-U", "monorelay",
                        "-d", "monorelay_test", "-tAc", "SELECT count(*) FROM request_log"],
                       capture_output=True, text=True, timeout=60)
    return int(r.stdout.strip()) if r.returncode == 0 and r.stdout.strip().isdigit() else None


def fmt(v, nd=3):
    if v is None:
        return "–"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.{nd}f}"


def render_md(R):
    m = R["meta"]
    rows = R["rows"]
    out = [f"Run {m['date']} · {m['mode']} (median of {m['repeat']}, wrk {m['wrk_seconds']} s per point) · "
           f"commit {m['commit']} · {m['cpu']}, {m['cores']} cores · load avg at end "
           f"{m['loadavg_at_end'][0]:.2f} · {m['elapsed_s']} s", ""]
    if m.get("note"):
        out += [f"**{m['note']}**", ""]
    out += ["Non-stream OpenAI passthrough (`gpt-bench`), logging on with bodies in every relay. Added latency is "
            "the setup's p50 / p99 minus the mock's own at the same concurrency. CPU µs/req: the relays' "
            "processes (both for two relays; nginx not included), and PostgreSQL + Redis beside.", "",
            "| setup | c=64 req/s | ×nginx | c=64 p50 / p99 ms | relay CPU µs/req | PG + Redis CPU µs/req "
            "| c=1 p50 / p99 ms | c=1 added p50 / p99 ms |",
            "|---|---|---|---|---|---|---|---|"]
    anchor = rows.get("nginx", {}).get("64", {}).get("rps")
    d1 = rows.get("direct", {}).get("1", {})
    for key, label, _ in SETUPS:
        r64, r1 = rows.get(key, {}).get("64", {}), rows.get(key, {}).get("1", {})
        ratio = (r64["rps"] / anchor) if anchor and r64.get("rps") else None
        added = ((r1["p50_ms"] - d1["p50_ms"], r1["p99_ms"] - d1["p99_ms"])
                 if key != "direct" and r1.get("p50_ms") is not None and d1.get("p50_ms") is not None else None)
        out.append(
            f"| {label} | {fmt(r64.get('rps'))} | {fmt(ratio, 2) if ratio else '–'} "
            f"| {fmt(r64.get('p50_ms'))} / {fmt(r64.get('p99_ms'))} "
            f"| {fmt(r64.get('cpu_us_per_req'), 1) if key not in ('direct', 'nginx') else '–'} "
            f"| {fmt(r64.get('services_cpu_us_per_req'), 1) if key in ('pg', 'pg2') else '–'} "
            f"| {fmt(r1.get('p50_ms'))} / {fmt(r1.get('p99_ms'))} "
            f"| {(fmt(added[0]) + ' / ' + fmt(added[1])) if added else '–'} |")
    errs = {k: sum(v.get(c, {}).get("errors", 0) for c in ("1", "64")) for k, v in rows.items()}
    out += ["", f"Errors (wrk, all runs): {', '.join(f'{k} {v}' for k, v in errs.items())}. "
            f"Records in PostgreSQL after the run: {R['pg_records']} for {R['pg_requests']} requests answered by the "
            "PostgreSQL relays, counted after they stopped (wrk counts only completed requests; the relays also log "
            "the ones cut at the end of each run). p99 at c=1 is scheduling noise on a shared 2-core machine: a "
            "negative added p99 means the mock's own tail was worse in its run."]
    return "\n".join(out) + "\n"


def put_in_readme(md):
    path = os.path.join(HERE, "README.md")
    with open(path) as f:
        text = f.read()
    start, end = "<!-- cluster:start -->", "<!-- cluster:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"{path} has no {start} … {end} section")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + start + "\n" + md + end + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="short runs, one repeat (~1 minute)")
    ap.add_argument("--repeat", type=int, default=None, help="repeats per measurement (median is kept)")
    ap.add_argument("--duration", type=int, default=None, help="seconds per wrk run")
    ap.add_argument("--relay", default=os.path.join(REPO, "target", "release", "monorelay"))
    ap.add_argument("--bench-bin", default=os.path.join(HERE, "target", "release"))
    ap.add_argument("--out", default=os.path.join(REPO, "bench", "out"))
    ap.add_argument("--pgport", type=int, default=None, help="PostgreSQL port (default: a free one)")
    ap.add_argument("--redis-port", type=int, default=None, help="Redis port (default: a free one)")
    ap.add_argument("--note", default="", help="a line printed above the table (e.g. the machine's state)")
    ap.add_argument("--readme", action="store_true", help="also put the table into bench/README.md")
    ap.add_argument("--relay-env", action="append", default=[], metavar="K=V")
    a = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk; bench/run.sh does it)")
    repeat = a.repeat or (1 if a.quick else 3)
    dur = a.duration or (3 if a.quick else 8)
    relay_env = dict(kv.split("=", 1) for kv in a.relay_env)
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="monorelay-cluster-bench-")
    B.WORKDIRS.append(work)
    # PostgreSQL runs as the `postgres` user when this runs as root: its directory must be reachable.
    svc_dir = tempfile.mkdtemp(prefix="monorelay-cluster-services-")
    os.chmod(svc_dir, 0o755)
    t_start = time.time()

    def stop_all():
        B.cleanup()
        services_stop(svc_dir)
        shutil.rmtree(svc_dir, ignore_errors=True)

    import atexit
    atexit.register(stop_all)

    pgport, redisport = a.pgport or B.free_port(), a.redis_port or B.free_port()
    pg, redis = services_start(svc_dir, pgport, redisport)
    B.log(f"PostgreSQL on :{pgport}, Redis on :{redisport}")
    svc_pids = [p for p in (pid_file(os.path.join(svc_dir, "pg", "postmaster.pid")),
                            pid_file(os.path.join(svc_dir, "redis.pid"))) if p]

    mock, mport = B.start([os.path.join(a.bench_bin, "mock"), "--threads", "2", "--events", "20"],
                          os.path.join(work, "mock.out"), "mock listening on")
    B.log(f"mock on :{mport}")
    anchor, aport = B.start_nginx(os.path.join(work, "anchor"), mport)
    relays = {"redb": [start_relay(a.relay, work, "redb", config_yaml(mport), relay_env)]}
    text = config_yaml(mport, pg, redis)
    relays["pg"] = [start_relay(a.relay, work, "pg-a", text, relay_env)]
    relays["pg2"] = [relays["pg"][0], start_relay(a.relay, work, "pg-b", text, relay_env)]
    lb, lport = B.start_nginx(os.path.join(work, "lb"), relays["pg2"][0][1], relays["pg2"][1][1])
    if not lb:
        raise SystemExit("nginx is needed as the load balancer (apt-get install nginx-light)")
    B.log(f"nginx load balancer on :{lport} over :{relays['pg2'][0][1]} and :{relays['pg2'][1][1]}")

    ports = {"direct": mport, "nginx": aport, "redb": relays["redb"][0][1], "pg": relays["pg"][0][1], "pg2": lport}
    setups = [s for s in SETUPS if ports.get(s[0])]
    body = os.path.join(work, "body.json")
    with open(body, "w") as f:
        json.dump(B.body("openai", "gpt-bench", False), f, separators=(",", ":"))

    def target(key):
        return f"http://127.0.0.1:{ports[key]}{B.PATH['openai']}", B.headers_for("openai", key not in ("direct", "nginx"))

    def relay_ticks(key):
        return sum(B.cpu_ticks(p.pid) for p, _ in relays.get(key, []))

    def services_ticks():
        return sum(B.tree_ticks(p) for p in svc_pids)

    pg_requests = 0
    for key, _, _ in setups:
        url, hs = target(key)
        r = B.drive(a.bench_bin, url, body, hs, 1, 20, 20)
        if r["ok"] != 20:
            raise SystemExit(f"warm-up failed on {key}: {r}")
        pg_requests += 20 if key in ("pg", "pg2") else 0
    time.sleep(1.0)

    raw = {}
    for rep in range(repeat):
        for conc in (64, 1):
            for key, label, _ in setups:
                url, hs = target(key)
                c0, s0 = relay_ticks(key), services_ticks()
                r = B.wrk(url, body, hs, conc, dur, 1 if conc == 1 else 2)
                c1, s1 = relay_ticks(key), services_ticks()
                n = max(1, r["requests"])
                r["cpu_us_per_req"] = (c1 - c0) / B.TICKS * 1e6 / n
                r["services_cpu_us_per_req"] = (s1 - s0) / B.TICKS * 1e6 / n
                if key in ("pg", "pg2"):
                    pg_requests += r["requests"]
                raw.setdefault((key, conc), []).append(r)
                B.log(f"wrk {label:42} c={conc:<3} {r['rps']:9.0f} req/s  p50 {r['lat_us']['p50']/1000:.3f} ms"
                      f"  p99 {r['lat_us']['p99']/1000:.3f} ms  relay cpu {r['cpu_us_per_req']:.0f} us/req"
                      f"  pg+redis {r['services_cpu_us_per_req']:.0f} us/req  errors {r['error_count']}")
    rows = {}
    for (key, conc), rs in raw.items():
        rows.setdefault(key, {})[str(conc)] = {
            "rps": B.med([r["rps"] for r in rs]),
            "p50_ms": B.med([r["lat_us"]["p50"] / 1000 for r in rs]),
            "p99_ms": B.med([r["lat_us"]["p99"] / 1000 for r in rs]),
            "cpu_us_per_req": B.med([r["cpu_us_per_req"] for r in rs]),
            "services_cpu_us_per_req": B.med([r["services_cpu_us_per_req"] for r in rs]),
            "errors": sum(r["error_count"] for r in rs),
            "requests": sum(r["requests"] for r in rs),
            "runs": rs,
        }
    meta = B.machine_meta(argparse.Namespace(quick=a.quick, pad_kb=0, relay_env=a.relay_env, workers=0), repeat, dur,
                          time.time() - t_start)
    # The relays stop (SIGTERM: each writes what it still holds) before the log is counted.
    B.cleanup()
    R = {"rows": rows, "pg_records": pg_records(pgport), "pg_requests": pg_requests, "meta": meta}
    R["meta"]["note"] = a.note
    stop_all()
    md = render_md(R)
    with open(os.path.join(a.out, "cluster.json"), "w") as f:
        json.dump(R, f, indent=1, default=str)
    with open(os.path.join(a.out, "cluster.md"), "w") as f:
        f.write(md)
    if a.readme:
        put_in_readme(md)
    print(md)
    B.log(f"done in {time.time() - t_start:.0f} s; wrote {a.out}/cluster.md and cluster.json")


if __name__ == "__main__":
    main()
