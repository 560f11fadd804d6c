#!/usr/bin/env python3
# bench/bench.py — the benchmark orchestrator: starts the mock and two relays (logging on / off), drives wrk and the stream driver, writes results.{json,md}.
"""Run by bench/run.sh (which installs wrk and builds the binaries). Loopback only; every load
run is bounded in count and duration; every process started here is stopped on exit.

Direct and relayed figures come from the same run, interleaved, so the ratios survive a noisy
machine. Python stdlib only.
"""

import argparse
import atexit
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ACCESS_KEY = "bench-key"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

CHILDREN = []
WORKDIRS = []


def cleanup():
    for p in CHILDREN:
        if p.poll() is None:
            p.terminate()
    deadline = time.time() + 5
    for p in CHILDREN:
        try:
            p.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
    for d in WORKDIRS:
        shutil.rmtree(d, ignore_errors=True)


atexit.register(cleanup)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
signal.signal(signal.SIGINT, lambda *_: sys.exit(130))


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def start(cmd, out_path, banner, env=None):
    """Start a server, wait for its banner line on stdout, return (proc, port)."""
    out = open(out_path, "wb")
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         env=dict(os.environ, **(env or {})))
    CHILDREN.append(p)
    deadline = time.time() + 20
    while time.time() < deadline:
        if p.poll() is not None:
            raise SystemExit(f"{cmd[0]} exited early:\n" + open(out_path, errors="replace").read()[-2000:])
        with open(out_path, errors="replace") as f:
            for line in f:
                if banner in line and "127.0.0.1:" in line:
                    port = int(line.strip().rsplit(":", 1)[1].strip("/"))
                    return p, port
        time.sleep(0.05)
    raise SystemExit(f"{cmd[0]} did not print its banner in 20 s")


# ---------------------------------------------------------------- /proc readings

def cpu_ticks(pid):
    """CPU time of a process in clock ticks: the sum of its live threads' run time from
    /proc/PID/task/*/schedstat (nanoseconds, so short runs still resolve), scaled to ticks."""
    ns = 0
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                    ns += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    if ns:
        return ns * TICKS / 1e9
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def rss_mb(pid):
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * PAGE / 1e6


def hwm_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


class RssSampler:
    """Samples a process's RSS every 50 ms while a load runs; keeps the peak."""

    def __init__(self, pid):
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_mb(self.pid))
            except OSError:
                return
            self._stop.wait(0.05)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *a):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, rss_mb(self.pid))


# ---------------------------------------------------------------- load generators

def wrk(url, body_file, headers, conc, duration, threads):
    env = dict(os.environ, BENCH_BODY=body_file, BENCH_HEADERS="|".join(headers))
    cmd = ["wrk", f"-t{threads}", f"-c{conc}", f"-d{duration}s", "--timeout", "5s", "--latency",
           "-s", os.path.join(HERE, "wrk", "post.lua"), url]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 30)
    for line in r.stdout.splitlines():
        if line.startswith("WRKJSON "):
            d = json.loads(line[len("WRKJSON "):])
            secs = d["duration_us"] / 1e6
            d["rps"] = d["requests"] / secs if secs else 0.0
            errs = sum(d["errors"].values())
            d["error_count"] = errs
            return d
    raise SystemExit(f"wrk printed no summary: {r.stdout}\n{r.stderr}")


def drive(bin_dir, url, body_file, headers, conc, requests, max_secs, expect_end=None, stall_ms=1000, threads=1):
    cmd = [os.path.join(bin_dir, "drive"), "--url", url, "--body", body_file, "--concurrency", str(conc),
           "--requests", str(requests), "--max-secs", str(max_secs), "--stall-ms", str(stall_ms),
           "--threads", str(threads)]
    for h in headers:
        cmd += ["--header", h]
    if expect_end:
        cmd += ["--expect-end", expect_end]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=max_secs + 30)
    if r.returncode != 0:
        raise SystemExit(f"drive failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout)


# ---------------------------------------------------------------- bodies and scenarios

MESSAGES = [
    {"role": "user", "content": "You are benchmarking a relay. Say hello in one short sentence, please."},
    {"role": "assistant", "content": "Hello! How can I help you today?"},
    {"role": "user", "content": "Tell me a fact about the number seven, in no more than twenty words."},
]


def body(dialect, model, stream, pad_kb=0):
    msgs = [dict(m) for m in MESSAGES]
    if pad_kb:
        msgs[0]["content"] += " " + ("lorem ipsum " * (pad_kb * 1024 // 12))
    if dialect == "openai":
        b = {"model": model, "messages": msgs, "max_tokens": 64, "temperature": 0.2}
    else:
        b = {"model": model, "max_tokens": 64, "system": "You are terse.", "messages": msgs}
    if stream:
        b["stream"] = True
    return b


def headers_for(dialect, relayed):
    if dialect == "openai":
        return [f"Authorization: Bearer {ACCESS_KEY}"] if relayed else ["Authorization: Bearer k1"]
    return [f"x-api-key: {ACCESS_KEY}" if relayed else "x-api-key: a1", "anthropic-version: 2023-06-01"]


PATH = {"openai": "/v1/chat/completions", "anthropic": "/v1/messages"}
END = {"openai": "[DONE]", "anthropic": "message_stop"}

# name, client dialect, model asked of the relay, upstream dialect (for the note)
SCENARIOS = [
    ("openai-passthrough", "openai", "gpt-bench", "openai"),
    ("openai-to-anthropic", "openai", "claude-bench", "anthropic"),
    ("anthropic-passthrough", "anthropic", "claude-bench", "anthropic"),
    ("anthropic-to-openai", "anthropic", "gpt-bench", "openai"),
]


def config_yaml(mock_port, logging_on):
    return f"""# generated by bench/bench.py
server: {{host: 127.0.0.1, port: 0, access_key: "{ACCESS_KEY}"}}
providers:
  oa: {{provider_type: api, base_url: "http://127.0.0.1:{mock_port}/v1", keys: [{{key: k1}}, {{key: k2}}], models: {{include: [gpt-bench, gpt-slow]}}}}
  an: {{provider_type: anthropic, base_url: "http://127.0.0.1:{mock_port}", keys: [{{key: a1}}, {{key: a2}}], models: {{include: [claude-bench, claude-slow]}}}}
logging: {{enabled: {"true" if logging_on else "false"}, store_bodies: true}}
"""


# ---------------------------------------------------------------- the run

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="short runs, one repeat (< 2 minutes)")
    ap.add_argument("--repeat", type=int, default=None, help="repeats per measurement (median is kept)")
    ap.add_argument("--duration", type=float, default=None, help="seconds per wrk run")
    ap.add_argument("--relay", default=os.path.join(REPO, "target", "release", "monorelay"))
    ap.add_argument("--bench-bin", default=os.path.join(HERE, "target", "release"))
    ap.add_argument("--out", default=os.path.join(REPO, "bench", "out"))
    ap.add_argument("--readme", action="store_true", help="also put the table into bench/README.md")
    ap.add_argument("--pad-kb", type=int, default=0, help="pad the first user message by this many KiB")
    ap.add_argument("--relay-env", action="append", default=[], metavar="K=V",
                    help="extra environment for the relays (e.g. MALLOC_ARENA_MAX=2, TOKIO_WORKER_THREADS=1)")
    a = ap.parse_args()
    repeat = a.repeat or (1 if a.quick else 3)
    dur = a.duration or (3 if a.quick else 8)
    n_stream1 = 300 if a.quick else 2000
    n_stream64 = 3000 if a.quick else 20000
    n_slow = 500
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="monorelay-bench-")
    WORKDIRS.append(work)
    t_start = time.time()

    mock, mport = start([os.path.join(a.bench_bin, "mock"), "--threads", "2", "--events", "20", "--slow-delay-ms", "50"],
                        os.path.join(work, "mock.out"), "mock listening on")
    log(f"mock on :{mport}")
    relays = {}
    for name, on in (("log-on", True), ("log-off", False)):
        d = os.path.join(work, name)
        os.makedirs(d)
        cfg = os.path.join(d, "config.yml")
        with open(cfg, "w") as f:
            f.write(config_yaml(mport, on))
        p, port = start([a.relay, "--config", cfg, "--data-dir", d, "serve", "--host", "127.0.0.1", "--port", "0"],
                        os.path.join(d, "relay.out"), "listening on",
                        dict(kv.split("=", 1) for kv in a.relay_env))
        relays[name] = (p, port)
        log(f"relay {name} on :{port} (pid {p.pid})")

    bodies = {}
    for dia in ("openai", "anthropic"):
        for model in ("gpt-bench", "claude-bench", "gpt-slow", "claude-slow"):
            for stream in (False, True):
                fn = os.path.join(work, f"{dia}-{model}-{'s' if stream else 'n'}.json")
                with open(fn, "w") as f:
                    json.dump(body(dia, model, stream, a.pad_kb), f, separators=(",", ":"))
                bodies[(dia, model, stream)] = fn

    def target(kind, dia, model):
        """(url, headers, body model) for direct (mock, same dialect as the client) or a relay."""
        if kind == "direct":
            direct_model = model if model.startswith("gpt" if dia == "openai" else "claude") else \
                ("gpt-bench" if dia == "openai" else "claude-bench")
            return f"http://127.0.0.1:{mport}{PATH[dia]}", headers_for(dia, False), direct_model
        return f"http://127.0.0.1:{relays[kind][1]}{PATH[dia]}", headers_for(dia, True), model

    on_pid = relays["log-on"][0].pid
    # Warm-up: every path once, then read the idle figure.
    for kind in ("log-on", "log-off"):
        for _, dia, model, _ in SCENARIOS:
            for stream in (False, True):
                url, hs, m = target(kind, dia, model)
                r = drive(a.bench_bin, url, bodies[(dia, m, stream)], hs, 1, 20, 20, END[dia] if stream else None)
                if r["ok"] != 20:
                    raise SystemExit(f"warm-up failed on {kind} {dia} {model} stream={stream}: {r}")
    time.sleep(1.0)
    mem = {"idle_mb": rss_mb(on_pid), "idle_mb_log_off": rss_mb(relays["log-off"][0].pid)}
    log(f"idle RSS {mem['idle_mb']:.1f} MB")

    results = {"nonstream": {}, "stream": {}, "slow": {}, "overhead": {}}

    # ---- non-stream: wrk, direct vs relayed, interleaved, repeated
    ns_plan = []
    for conc in (1, 64):
        ns_plan.append(("openai-direct", "direct", "openai", "gpt-bench", conc))
        ns_plan.append(("anthropic-direct", "direct", "anthropic", "claude-bench", conc))
        for name, dia, model, _ in SCENARIOS:
            ns_plan.append((name, "log-on", dia, model, conc))
        ns_plan.append(("openai-passthrough", "log-off", "openai", "gpt-bench", conc))
    raw = {}
    with RssSampler(on_pid) as s_ns:
        for rep in range(repeat):
            for name, kind, dia, model, conc in ns_plan:
                url, hs, m = target(kind, dia, model)
                pid = mock.pid if kind == "direct" else relays[kind][0].pid
                c0, m0 = cpu_ticks(pid), cpu_ticks(mock.pid)
                r = wrk(url, bodies[(dia, m, False)], hs, conc, dur, 1 if conc == 1 else 2)
                c1, m1 = cpu_ticks(pid), cpu_ticks(mock.pid)
                r["cpu_us_per_req"] = (c1 - c0) / TICKS * 1e6 / max(1, r["requests"])
                r["mock_cpu_us_per_req"] = (m1 - m0) / TICKS * 1e6 / max(1, r["requests"])
                raw.setdefault((name, kind, conc), []).append(r)
                log(f"wrk {name:22} {kind:7} c={conc:<3} {r['rps']:9.0f} req/s  p50 {r['lat_us']['p50']/1000:.3f} ms"
                    f"  p99 {r['lat_us']['p99']/1000:.3f} ms  cpu {r['cpu_us_per_req']:.0f} us/req  errors {r['error_count']}")
    mem["peak_nonstream_mb"] = s_ns.peak
    for (name, kind, conc), rs in raw.items():
        results["nonstream"][f"{name}|{kind}|{conc}"] = {
            "name": name, "kind": kind, "concurrency": conc,
            "rps": med([r["rps"] for r in rs]),
            "p50_ms": med([r["lat_us"]["p50"] / 1000 for r in rs]),
            "p90_ms": med([r["lat_us"]["p90"] / 1000 for r in rs]),
            "p99_ms": med([r["lat_us"]["p99"] / 1000 for r in rs]),
            "cpu_us_per_req": med([r["cpu_us_per_req"] for r in rs]),
            "errors": sum(r["error_count"] for r in rs),
            "requests": sum(r["requests"] for r in rs),
            "runs": rs,
        }

    # ---- self-measured overhead header (if the relay sends it), c=1
    url, hs, m = target("log-on", "openai", "gpt-bench")
    r = drive(a.bench_bin, url, bodies[("openai", m, False)], hs, 1, 500 if a.quick else 3000, 60)
    results["overhead"]["header"] = r["overhead_ms"]
    results["overhead"]["drive_c1_total_us"] = r["total_us"]
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{relays['log-on'][1]}/metrics",
                                     headers={"Authorization": f"Bearer {ACCESS_KEY}"})
        with urllib.request.urlopen(req, timeout=5) as resp:
            text = resp.read().decode()
        lines = [ln for ln in text.splitlines() if "overhead" in ln and not ln.startswith("#")]
        results["overhead"]["metrics_lines"] = lines[:40]
        def grab(suffix):
            vals = [float(ln.rsplit(" ", 1)[1]) for ln in lines if ln.split("{")[0].split(" ")[0].endswith(suffix)]
            return sum(vals) if vals else None
        s_, c_ = grab("_sum"), grab("_count")
        # The histogram is in seconds (Prometheus convention).
        results["overhead"]["metrics_mean_ms"] = (s_ / c_ * 1000.0) if s_ is not None and c_ else None
    except Exception as e:  # noqa: BLE001 — absent endpoint is a normal outcome today
        results["overhead"]["metrics_error"] = str(e)[:200]

    # ---- streams: TTFB and total, c=1 and c=64 (driver), interleaved, repeated
    st_plan = []
    for conc, n in ((1, n_stream1), (64, n_stream64)):
        st_plan.append(("openai-direct", "direct", "openai", "gpt-bench", conc, n))
        st_plan.append(("anthropic-direct", "direct", "anthropic", "claude-bench", conc, n))
        for name, dia, model, _ in SCENARIOS:
            st_plan.append((name, "log-on", dia, model, conc, n))
        st_plan.append(("openai-passthrough", "log-off", "openai", "gpt-bench", conc, n))
    raw = {}
    for rep in range(repeat):
        for name, kind, dia, model, conc, n in st_plan:
            url, hs, m = target(kind, dia, model)
            pid = mock.pid if kind == "direct" else relays[kind][0].pid
            c0 = cpu_ticks(pid)
            r = drive(a.bench_bin, url, bodies[(dia, m, True)], hs, conc, n, 120, END[dia], 1000)
            r["cpu_us_per_req"] = (cpu_ticks(pid) - c0) / TICKS * 1e6 / max(1, r["ok"])
            raw.setdefault((name, kind, conc), []).append(r)
            log(f"stream {name:22} {kind:7} c={conc:<3} {r['rps']:8.0f} streams/s  ttfb p50 {r['ttfb_us']['p50']/1000:.3f} ms"
                f"  total p50 {r['total_us']['p50']/1000:.3f} ms  ok {r['ok']}/{n}")
    for (name, kind, conc), rs in raw.items():
        results["stream"][f"{name}|{kind}|{conc}"] = {
            "name": name, "kind": kind, "concurrency": conc,
            "rps": med([r["rps"] for r in rs]),
            "ttfb_p50_ms": med([r["ttfb_us"]["p50"] / 1000 for r in rs if r["ttfb_us"]]),
            "ttfb_p99_ms": med([r["ttfb_us"]["p99"] / 1000 for r in rs if r["ttfb_us"]]),
            "total_p50_ms": med([r["total_us"]["p50"] / 1000 for r in rs if r["total_us"]]),
            "total_p99_ms": med([r["total_us"]["p99"] / 1000 for r in rs if r["total_us"]]),
            "cpu_us_per_req": med([r["cpu_us_per_req"] for r in rs]),
            "ok": sum(r["ok"] for r in rs), "requests": sum(r["requests"] for r in rs),
            "events_p50": med([r["events"]["p50"] for r in rs if r["events"]]),
            "runs": rs,
        }

    # ---- 500 concurrent slow streams (one event every 50 ms)
    for name, kind, dia, model in (("openai-direct", "direct", "openai", "gpt-slow"),
                                   ("openai-passthrough", "log-on", "openai", "gpt-slow"),
                                   ("openai-to-anthropic", "log-on", "openai", "claude-slow")):
        url, hs, m = target(kind, dia, model)
        pid = mock.pid if kind == "direct" else relays[kind][0].pid
        c0 = cpu_ticks(pid)
        with RssSampler(on_pid) as s_slow:
            r = drive(a.bench_bin, url, bodies[(dia, m, True)], hs, n_slow, n_slow, 60, END[dia], 500)
        r["cpu_us_per_req"] = (cpu_ticks(pid) - c0) / TICKS * 1e6 / max(1, r["ok"])
        if kind != "direct":
            r["relay_peak_rss_mb"] = s_slow.peak
        results["slow"][f"{name}|{kind}"] = r
        log(f"slow500 {name:22} {kind:7} ok {r['ok']}/{n_slow} stalls {r['stalls']} max gap "
            f"{(r['max_gap_us'] or {}).get('max', float('nan'))/1000:.1f} ms  total p99 "
            f"{(r['total_us'] or {}).get('p99', float('nan'))/1000:.0f} ms")
    mem["peak_500_streams_mb"] = max(v.get("relay_peak_rss_mb", 0) for v in results["slow"].values())

    time.sleep(3.0)
    mem["after_mb"] = rss_mb(on_pid)
    mem["hwm_mb"] = hwm_mb(on_pid)
    results["memory"] = mem
    log(f"RSS idle {mem['idle_mb']:.1f} MB, peak@500 {mem['peak_500_streams_mb']:.1f} MB, after {mem['after_mb']:.1f} MB")

    results["meta"] = machine_meta(a, repeat, dur, time.time() - t_start)
    cleanup()
    summary = evaluate(results)
    results["bars"] = summary
    md = render_md(results)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, default=str)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(md)
    if a.readme:
        put_in_readme(md)
    print(md)
    log(f"done in {time.time() - t_start:.0f} s; wrote {a.out}/results.md and results.json")


def machine_meta(a, repeat, dur, elapsed):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    def sh(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10, cwd=REPO).stdout.strip()
        except Exception:  # noqa: BLE001
            return "?"
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
        "mem_gb": round(os.sysconf("SC_PHYS_PAGES") * PAGE / 2**30, 1),
        "loadavg_at_end": os.getloadavg(), "commit": sh(["git", "rev-parse", "--short", "HEAD"]),
        "rustc": sh(["rustc", "--version"]), "wrk": sh(["sh", "-c", "wrk -v 2>&1 | head -1"]),
        "mode": "quick" if a.quick else "full", "repeat": repeat, "wrk_seconds": dur,
        "elapsed_s": round(elapsed), "pad_kb": a.pad_kb, "relay_env": a.relay_env,
    }


# ---------------------------------------------------------------- verdicts and rendering

def evaluate(R):
    ns, st, sl, mem = R["nonstream"], R["stream"], R["slow"], R["memory"]
    def g(d, k):
        return d.get(k) or {}
    bars = []
    def bar(what, value, limit, ok, unit=""):
        bars.append({"bar": what, "value": value, "limit": limit, "met": bool(ok), "unit": unit})
    d1, p1 = g(ns, "openai-direct|direct|1"), g(ns, "openai-passthrough|log-on|1")
    if d1 and p1:
        bar("added latency c=1 non-stream, p50", p1["p50_ms"] - d1["p50_ms"], "≤ 0.15 ms", p1["p50_ms"] - d1["p50_ms"] <= 0.15, "ms")
        bar("added latency c=1 non-stream, p99", p1["p99_ms"] - d1["p99_ms"], "≤ 0.5 ms", p1["p99_ms"] - d1["p99_ms"] <= 0.5, "ms")
    d64, p64, o64 = g(ns, "openai-direct|direct|64"), g(ns, "openai-passthrough|log-on|64"), g(ns, "openai-passthrough|log-off|64")
    if d64 and p64:
        bar("throughput c=64 passthrough, logging on / direct", p64["rps"] / d64["rps"], "≥ 0.25", p64["rps"] / d64["rps"] >= 0.25, "×")
        bar("throughput c=64 passthrough, req/s (logging on)", p64["rps"], "> 10,000", p64["rps"] > 10000, "req/s")
    if p64 and o64:
        bar("throughput logging on / off", p64["rps"] / o64["rps"], "≥ 0.90", p64["rps"] / o64["rps"] >= 0.90, "×")
    sd, sp = g(st, "openai-direct|direct|1"), g(st, "openai-passthrough|log-on|1")
    if sd and sp:
        v = sp["ttfb_p50_ms"] - sd["ttfb_p50_ms"]
        bar("added stream TTFB c=1, p50", v, "≤ 0.3 ms", v <= 0.3, "ms")
    slow = [v for k, v in sl.items() if not k.endswith("|direct")]
    if slow:
        okall = all(s["ok"] == s["requests"] and s["stalls"] == 0 for s in slow)
        bar("500 slow streams: all delivered, no stall", f"{min(s['ok'] for s in slow)}/500, stalls {max(s['stalls'] for s in slow)}",
            "500/500, 0", okall)
        dgap = g(sl, "openai-direct|direct").get("gap_us") or {}
        rgap = g(sl, "openai-passthrough|log-on").get("gap_us") or {}
        ev = g(sl, "openai-passthrough|log-on").get("events") or {}
        ch = g(sl, "openai-passthrough|log-on").get("chunks") or {}
        if dgap and rgap:
            v = (rgap["p50"] - dgap["p50"]) / 1000
            bar("no batching: event gap p50 relayed − direct (50 ms events); chunks = events",
                f"{v:+.2f} ms; {ch.get('p50')} chunks / {ev.get('p50')} events", "≈ 0, equal", abs(v) < 5 and ch.get("p50") == ev.get("p50"))
    pc, cc = g(ns, "openai-passthrough|log-on|64"), g(ns, "openai-to-anthropic|log-on|64")
    if pc and cc and pc["cpu_us_per_req"]:
        v = cc["cpu_us_per_req"] / pc["cpu_us_per_req"]
        bar("cross-dialect / passthrough relay CPU per request (c=64)", v, "≤ 1.2", v <= 1.2, "×")
    c1c = g(ns, "openai-to-anthropic|log-on|1")
    if d1 and p1 and c1c:
        add_p, add_c = p1["p50_ms"] - d1["p50_ms"], c1c["p50_ms"] - d1["p50_ms"]
        if add_p > 0:
            bar("cross-dialect / passthrough added latency p50 (c=1)", add_c / add_p, "≤ 1.2", add_c / add_p <= 1.2, "×")
    bar("idle RSS", mem["idle_mb"], "≤ 20 MB", mem["idle_mb"] <= 20, "MB")
    bar("RSS at 500 concurrent streams", mem["peak_500_streams_mb"], "≤ 150 MB", mem["peak_500_streams_mb"] <= 150, "MB")
    bar("RSS after load / idle", mem["after_mb"] / mem["idle_mb"], "≤ 1.10", mem["after_mb"] / mem["idle_mb"] <= 1.10, "×")
    return bars


def fmt(v, nd=3):
    if v is None:
        return "–"
    if isinstance(v, str):
        return v
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{nd}f}"


def render_md(R):
    m = R["meta"]
    out = []
    out.append(f"Run {m['date']} · {m['mode']} (median of {m['repeat']}, wrk {m['wrk_seconds']} s per point) · "
               f"commit {m['commit']} · {m['cpu']}, {m['cores']} cores, {m['mem_gb']} GiB · kernel {m['kernel']} · "
               f"load avg at end {m['loadavg_at_end'][0]:.2f} · {m['elapsed_s']} s"
               + (f" · relay env {' '.join(m['relay_env'])}" if m.get("relay_env") else "") + "\n")
    out.append("### The bar\n")
    out.append("| bar | measured | limit | met |")
    out.append("|---|---|---|---|")
    for b in R["bars"]:
        v = b["value"]
        vs = v if isinstance(v, str) else f"{fmt(v)} {b['unit']}".strip()
        out.append(f"| {b['bar']} | {vs} | {b['limit']} | {'✅' if b['met'] else '❌'} |")
    ns = R["nonstream"]
    out.append("\n### Non-stream (wrk): relayed vs direct to the mock\n")
    out.append("Direct = the same client request sent straight to the mock's endpoint of the client's dialect. "
               "`+ms` = relayed − direct. CPU = relay (or, for direct, mock) CPU time per request.\n")
    out.append("| scenario | relay | c | req/s | ×direct | p50 ms | +p50 | p90 ms | +p90 | p99 ms | +p99 | CPU µs/req | errors |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for conc in (1, 64):
        for key in [k for k in ns if ns[k]["concurrency"] == conc]:
            r = ns[key]
            dia = "anthropic" if r["name"].startswith("anthropic") else "openai"
            d = ns.get(f"{dia}-direct|direct|{conc}")
            if r["kind"] == "direct":
                out.append(f"| **{r['name']}** | – | {conc} | {fmt(r['rps'])} | 1 | {fmt(r['p50_ms'])} | | {fmt(r['p90_ms'])} | | "
                           f"{fmt(r['p99_ms'])} | | {fmt(r['cpu_us_per_req'], 1)} | {r['errors']} |")
                continue
            out.append(f"| {r['name']} | {r['kind']} | {conc} | {fmt(r['rps'])} | {fmt(r['rps'] / d['rps'], 2)} | "
                       f"{fmt(r['p50_ms'])} | {fmt(r['p50_ms'] - d['p50_ms'])} | {fmt(r['p90_ms'])} | {fmt(r['p90_ms'] - d['p90_ms'])} | "
                       f"{fmt(r['p99_ms'])} | {fmt(r['p99_ms'] - d['p99_ms'])} | {fmt(r['cpu_us_per_req'], 1)} | {r['errors']} |")
    st = R["stream"]
    out.append("\n### Streams (bench driver, 20 content events, no delay): time to first byte and total\n")
    out.append("| scenario | relay | c | streams/s | ×direct | TTFB p50 ms | +TTFB p50 | TTFB p99 ms | +TTFB p99 | total p50 ms | total p99 ms | CPU µs/stream | ok |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for conc in (1, 64):
        for key in [k for k in st if st[k]["concurrency"] == conc]:
            r = st[key]
            dia = "anthropic" if r["name"].startswith("anthropic") else "openai"
            d = st.get(f"{dia}-direct|direct|{conc}")
            okn = f"{r['ok']}/{r['requests']}"
            if r["kind"] == "direct":
                out.append(f"| **{r['name']}** | – | {conc} | {fmt(r['rps'])} | 1 | {fmt(r['ttfb_p50_ms'])} | | {fmt(r['ttfb_p99_ms'])} | | "
                           f"{fmt(r['total_p50_ms'])} | {fmt(r['total_p99_ms'])} | {fmt(r['cpu_us_per_req'], 1)} | {okn} |")
                continue
            out.append(f"| {r['name']} | {r['kind']} | {conc} | {fmt(r['rps'])} | {fmt(r['rps'] / d['rps'], 2)} | "
                       f"{fmt(r['ttfb_p50_ms'])} | {fmt(r['ttfb_p50_ms'] - d['ttfb_p50_ms'])} | {fmt(r['ttfb_p99_ms'])} | "
                       f"{fmt(r['ttfb_p99_ms'] - d['ttfb_p99_ms'])} | {fmt(r['total_p50_ms'])} | {fmt(r['total_p99_ms'])} | "
                       f"{fmt(r['cpu_us_per_req'], 1)} | {okn} |")
    out.append("\n### 500 concurrent slow streams (one event every 50 ms, 24–25 events each)\n")
    out.append("| scenario | relay | ok | stalls (gap > 500 ms) | TTFB p99 ms | event gap p50 ms | gap p99 ms | max gap ms | chunks/events p50 | total p99 ms | relay peak RSS MB |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for key, r in R["slow"].items():
        name, kind = key.split("|")
        g = lambda k, s: (r.get(k) or {}).get(s)
        out.append(f"| {name} | {kind} | {r['ok']}/{r['requests']} | {r['stalls']} | {fmt((g('ttfb_us','p99') or 0)/1000)} | "
                   f"{fmt((g('gap_us','p50') or 0)/1000, 2)} | {fmt((g('gap_us','p99') or 0)/1000, 2)} | {fmt((g('max_gap_us','max') or 0)/1000, 1)} | "
                   f"{fmt(g('chunks','p50'), 0)}/{fmt(g('events','p50'), 0)} | {fmt((g('total_us','p99') or 0)/1000, 0)} | "
                   f"{fmt(r.get('relay_peak_rss_mb'), 1)} |")
    mem = R["memory"]
    out.append("\n### Relay memory (logging-on relay, RSS)\n")
    out.append("| idle | peak, non-stream load | peak, 500 streams | after load (+3 s) | after / idle | VmHWM | idle, logging-off relay |")
    out.append("|---|---|---|---|---|---|---|")
    out.append(f"| {mem['idle_mb']:.1f} MB | {mem['peak_nonstream_mb']:.1f} MB | {mem['peak_500_streams_mb']:.1f} MB | "
               f"{mem['after_mb']:.1f} MB | {mem['after_mb'] / mem['idle_mb']:.2f} | {mem['hwm_mb']:.1f} MB | {mem['idle_mb_log_off']:.1f} MB |")
    oh = R["overhead"]
    out.append("\n### Self-measured overhead\n")
    if oh.get("header"):
        h = oh["header"]
        out.append(f"`x-monorelay-overhead-ms` at c=1 (n={h['n']}): p50 {h['p50']:.3f} ms, p99 {h['p99']:.3f} ms, max {h['max']:.3f} ms.")
    else:
        out.append("`x-monorelay-overhead-ms`: not sent by this build.")
    if oh.get("metrics_mean_ms") is not None:
        out.append(f" Prometheus histogram mean: {oh['metrics_mean_ms']:.3f} ms.")
    else:
        out.append(" Prometheus `/metrics` overhead histogram: not found.")
    out.append("")
    return "\n".join(out)


def put_in_readme(md):
    path = os.path.join(HERE, "README.md")
    text = open(path).read()
    a, b = "<!-- results:start -->", "<!-- results:end -->"
    if a in text and b in text:
        text = text.split(a)[0] + a + "\n" + md + "\n" + b + text.split(b, 1)[1]
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
