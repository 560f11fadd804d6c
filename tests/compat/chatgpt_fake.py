"""A loopback fake of the ChatGPT web backend for the compat suite, doing what the Rust suite's
fake (tests/it/chatgpt_web.rs) does: a home page carrying a build id, `chat-requirements` issuing
a real proof-of-work challenge (a fresh seed each time), and `conversation` checking the proof
token — SHA3-512(seed + answer), its first bytes below the difficulty, the answer being the
base64 of an 18-value JSON list — refusing a wrong one with 403, then answering in the older
cumulative format (`message.content.parts` repeated in full) or the newer delta-encoded one."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ACCESS_TOKEN = "chatgpt-access-token-1"


def proof_ok(seed: str, difficulty_hex: str, token: str) -> bool:
    if not token.startswith("gAAAAAB"):
        return False
    answer = token[len("gAAAAAB"):]
    target = bytes.fromhex(difficulty_hex)
    digest = hashlib.sha3_512((seed + answer).encode()).digest()
    try:
        values = json.loads(base64.b64decode(answer))
    except ValueError:
        return False
    return isinstance(values, list) and len(values) == 18 and digest[: len(target)] < target


def legacy_frames(text: str) -> list[bytes]:
    """The cumulative format: each event repeats the whole text so far."""
    out = []
    cuts = [len(text) // 3, 2 * len(text) // 3, len(text)]
    for n in cuts:
        status = "finished_successfully" if n == len(text) else "in_progress"
        v = {"message": {"id": "m-l", "author": {"role": "assistant"}, "status": status,
                         "content": {"content_type": "text", "parts": [text[:n]]},
                         "metadata": {"finish_details": {"type": "stop"}}},
             "conversation_id": "conv-1", "error": None}
        out.append(f"data: {json.dumps(v)}\n\n".encode())
    out.append(b"data: [DONE]\n\n")
    return out


def delta_frames(text: str) -> list[bytes]:
    """The delta-encoded format: an `add`, then appended pieces, then a status patch."""
    add = {"p": "", "o": "add", "v": {"message": {"id": "m-d", "author": {"role": "assistant"}, "status": "in_progress",
                                                  "content": {"content_type": "text", "parts": [""]}, "metadata": {}},
                                      "conversation_id": "conv-2"}, "c": 0}
    mid = len(text) // 2
    frames = [
        'event: delta_encoding\ndata: "v1"\n\n',
        f"event: delta\ndata: {json.dumps(add)}\n\n",
        f"event: delta\ndata: {json.dumps({'p': '/message/content/parts/0', 'o': 'append', 'v': text[:mid]})}\n\n",
        f"event: delta\ndata: {json.dumps({'v': text[mid:]})}\n\n",
        "event: delta\ndata: " + json.dumps({"p": "", "o": "patch", "v": [
            {"p": "/message/status", "o": "replace", "v": "finished_successfully"}]}) + "\n\n",
        f"data: {json.dumps({'type': 'message_stream_complete', 'conversation_id': 'conv-2'})}\n\n",
        "data: [DONE]\n\n",
    ]
    return [f.encode() for f in frames]


class ChatGptFake:
    def __init__(self, difficulty: str = "00ffff") -> None:
        self.difficulty = difficulty
        self.answer = "Hello from the web backend."
        self.delta = False
        self.lock = threading.Lock()
        self.seed = ""
        self.issued = 0
        self.verified = 0
        self.refused = 0
        self.home_hits = 0
        self.conversations: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _json(self, status: int, body: Any, extra: dict[str, str] | None = None) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:  # noqa: N802
                with fake.lock:
                    fake.home_hits += 1
                page = b'<html><script src="/cdn/c/dpl-42/_next/main.js"></script></html>'
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.endswith("/sentinel/chat-requirements"):
                    with fake.lock:
                        fake.issued += 1
                        fake.seed = f"seed-{fake.issued}"
                        seed = fake.seed
                    self._json(200, {"token": "chat-req-token",
                                     "proofofwork": {"required": True, "seed": seed, "difficulty": fake.difficulty}},
                               {"Set-Cookie": "__cf_bm=abc; Path=/"})
                    return
                if self.path.endswith("/conversation"):
                    if self.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
                        self._json(401, {"detail": "Your authentication token has expired."})
                        return
                    proof = self.headers.get("openai-sentinel-proof-token", "")
                    with fake.lock:
                        seed = fake.seed
                    if (self.headers.get("openai-sentinel-chat-requirements-token") != "chat-req-token"
                            or not proof_ok(seed, fake.difficulty, proof)):
                        with fake.lock:
                            fake.refused += 1
                        self._json(403, {"detail": "Invalid proof of work"})
                        return
                    with fake.lock:
                        fake.verified += 1
                        fake.conversations.append(json.loads(raw))
                    frames = delta_frames(fake.answer) if fake.delta else legacy_frames(fake.answer)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for f in frames:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(f), f))
                        self.wfile.flush()
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self._json(404, {"detail": "Not Found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="chatgpt-fake", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "ChatGptFake":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
