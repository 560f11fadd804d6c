#!/usr/bin/env python3
# bench/soak.py — the hardening soak (issue 12): load with hot reloads, idle connections and a hostile upstream; counts failures, leaked secrets and RSS.
"""Bounded soak, loopback only, Python stdlib only:

  python3 bench/soak.py --binary target/release/monorelay              # 10 minutes
  python3 bench/soak.py --binary target/debug/monorelay --duration 60  # a short run

It starts a loopback upstream with two faces (`/good/v1`: always a proper completion; `/hostile/v1`:
redirects, 200s carrying errors, empty objects, errors echoing its key in every field, error events
mid-stream) and `monorelay serve` over a config with provider `good` (model `m`) and `hostile`
(model `h`). While clients send requests for both models, the config file is rewritten every
`--reload-every` seconds — a third of the time with something bad (an empty file, a file written in
two halves, invalid YAML) — and `--idle` connections sit open doing nothing.

Verdicts: every request for `m` succeeds (a failure there is attributable to reloads or idle
connections, since its upstream never fails); no response or stored byte carries the hostile
key; RSS after warm-up stays flat (last sample within 25% of the first after warm-up).
Every process started here is stopped on exit.
"""

import argparse
import http.client
import http.server
import json
import os
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

ACCESS_KEY = "soak-access-key"
GOOD_KEY = "sk-good-soak-key-000000000000"
HOSTILE_KEY = "sk-hostile-soak-secret-1234567890"


def completion(text):
    return json.dumps({"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
                       "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop"}],
                       "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}}).encode()


def chunk(text):
    return json.dumps({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
                       "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]})


class Upstream(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    counter = 0
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def send(self, status, body, ctype="application/json", extra=()):
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.send(200, b'{"object":"list","data":[]}')

    def do_POST(self):
        n = int(self.headers.get("content-length") or 0)
        req = json.loads(self.rfile.read(n) or b"{}")
        stream = bool(req.get("stream"))
        if self.path.startswith("/good/"):
            if stream:
                events = [chunk("ok"), "[DONE]"]
                body = "".join(f"data: {e}\n\n" for e in events).encode()
                return self.send(200, body, "text/event-stream")
            return self.send(200, completion("ok"))
        with Upstream.lock:
            Upstream.counter += 1
            i = Upstream.counter
        leak = {"error": {"message": f"bad key {HOSTILE_KEY}", "type": f"t_{HOSTILE_KEY}", "code": HOSTILE_KEY}}
        kind = i % 5
        if kind == 0:
            return self.send(302, b'{"to": "http://10.0.0.1/internal"}', extra=[("location", "http://10.0.0.1/internal")])
        if kind == 1:
            return self.send(200, json.dumps(leak).encode())
        if kind == 2:
            return self.send(200, b"{}")
        if kind == 3 and stream:
            body = f"data: {chunk('partial')}\n\ndata: {json.dumps(leak)}\n\ndata: [DONE]\n\n".encode()
            return self.send(200, body, "text/event-stream")
        return self.send(400, json.dumps(leak).encode())


class ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def config(upstream, cooldown):
    return f"""server:
  access_key: "{ACCESS_KEY}"
  idle_timeout_secs: 30
providers:
  good:
    base_url: "{upstream}/good/v1"
    rate_limit_cooldown: {cooldown}
    keys: [{{key: "{GOOD_KEY}", label: g}}]
    models: {{include: [m]}}
  hostile:
    base_url: "{upstream}/hostile/v1"
    keys: [{{key: "{HOSTILE_KEY}", label: h}}]
    models: {{include: [h]}}
logging:
  enabled: true
  store_bodies: true
"""


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--duration", type=int, default=600, help="seconds (at most 600)")
    ap.add_argument("--reload-every", type=float, default=3.0)
    ap.add_argument("--idle", type=int, default=200)
    ap.add_argument("--clients", type=int, default=6)
    a = ap.parse_args()
    duration = max(10, min(a.duration, 600))

    up = ThreadingServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=up.serve_forever, daemon=True).start()
    upstream = f"http://127.0.0.1:{up.server_address[1]}"
    work = tempfile.mkdtemp(prefix="monorelay-soak-")
    cfg, data = os.path.join(work, "config.yml"), os.path.join(work, "data")
    with open(cfg, "w") as f:
        f.write(config(upstream, 30))
    relay = subprocess.Popen([a.binary, "--config", cfg, "--data-dir", data, "serve", "--port", "0"],
                             stdout=subprocess.PIPE, stderr=open(os.path.join(work, "relay.log"), "w"), text=True)
    try:
        first = relay.stdout.readline()
        port = int(first.rsplit(":", 1)[1].split("/")[0])
        threading.Thread(target=lambda: [None for _ in relay.stdout], daemon=True).start()
        stop = time.time() + duration
        stats = {"m_ok": 0, "m_fail": 0, "h_total": 0, "leaks": 0, "reloads": 0, "bad_reloads": 0}
        failures = []
        lock = threading.Lock()

        def client(n):
            i = 0
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.time() < stop:
                i += 1
                model = "h" if i % 4 == 0 else "m"
                body = {"model": model, "stream": i % 3 == 0, "messages": [{"role": "user", "content": "hi"}]}
                try:
                    conn.request("POST", "/v1/chat/completions", json.dumps(body),
                                 {"authorization": f"Bearer {ACCESS_KEY}", "content-type": "application/json"})
                    resp = conn.getresponse()
                    text = resp.read()
                    status = resp.status
                except Exception as e:  # a dropped connection counts as a failure
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    status, text = 0, repr(e).encode()
                with lock:
                    if HOSTILE_KEY.encode() in text:
                        stats["leaks"] += 1
                    if model == "m":
                        ok = status == 200 and b"ok" in text and b"error" not in text
                        stats["m_ok" if ok else "m_fail"] += 1
                        if not ok and len(failures) < 5:
                            failures.append((status, text[:300]))
                    else:
                        stats["h_total"] += 1

        def reloader():
            k = 0
            while time.time() < stop:
                time.sleep(a.reload_every)
                k += 1
                good = config(upstream, 30 + k % 7)
                with lock:
                    stats["reloads"] += 1
                bad = k % 3 == 0
                if bad:
                    with lock:
                        stats["bad_reloads"] += 1
                    which = (k // 3) % 3
                    if which == 0:
                        open(cfg, "w").close()
                    elif which == 1:
                        with open(cfg, "w") as f:
                            f.write(good[: len(good) // 2])
                            f.flush()
                            time.sleep(0.15)
                            f.write(good[len(good) // 2:])
                        continue
                    else:
                        with open(cfg, "w") as f:
                            f.write("providers: [\n  broken")
                    # A bad file stays a moment, then a good one follows.
                    time.sleep(min(1.5, a.reload_every / 2))
                with open(cfg, "w") as f:
                    f.write(good)

        idle = []
        for _ in range(a.idle):
            try:
                idle.append(socket.create_connection(("127.0.0.1", port)))
            except OSError:
                break
        threads = [threading.Thread(target=client, args=(n,)) for n in range(a.clients)]
        threads.append(threading.Thread(target=reloader))
        for t in threads:
            t.start()
        samples = []
        while time.time() < stop:
            time.sleep(5)
            samples.append(rss_kib(relay.pid))
        for t in threads:
            t.join()
        for s in idle:
            s.close()
        relay.terminate()
        relay.wait(timeout=60)
        stored = 0
        for root, _, files in os.walk(data):
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    if HOSTILE_KEY.encode() in f.read():
                        stored += 1
        warm = samples[len(samples) // 3:] or samples
        growth = (warm[-1] - warm[0]) / warm[0] if warm and warm[0] else 0.0
        result = dict(stats, duration_s=duration, idle_connections=len(idle), files_with_key=stored,
                      rss_kib_after_warmup_first=warm[0] if warm else 0, rss_kib_last=warm[-1] if warm else 0,
                      rss_growth=round(growth, 3), failures=[(s, t.decode("utf-8", "replace")) for s, t in failures])
        print(json.dumps(result, indent=2))
        ok = stats["m_fail"] == 0 and stats["leaks"] == 0 and stored == 0 and growth < 0.25
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if relay.poll() is None:
            relay.kill()
        up.shutdown()


if __name__ == "__main__":
    sys.exit(main())
