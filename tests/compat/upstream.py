"""Scriptable fake upstream (OpenAI-compatible, Anthropic and Gemini) for the compat suite: a real HTTP server that records every request and answers from a per-test queue, plus builders for realistic payloads and SSE streams."""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

# ---------------------------------------------------------------------------------------------
# Scripting types
# ---------------------------------------------------------------------------------------------


@dataclass
class SSE:
    """One server-sent event. `data` is a dict (JSON-encoded) or a raw string (e.g. "[DONE]")."""

    data: Any
    event: str | None = None
    delay: float = 0.0  # seconds to sleep before sending this event


@dataclass
class Reply:
    """One scripted answer.

    - `body` set: a JSON (or raw bytes/str) answer with `status`.
    - `events` set: a `text/event-stream` answer, written with chunked transfer encoding and
      flushed per event. `abort=True` closes the socket after the events without the final
      zero-length chunk (a broken connection, not a clean end of stream).
    """

    status: int = 200
    body: Any = None
    events: list[SSE] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    abort: bool = False
    delay: float = 0.0  # seconds to wait before sending the status line


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names (last value wins)
    raw: bytes
    body: Any  # parsed JSON, or None if the body was not JSON

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr logging
        pass

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _handle(self) -> None:
        raw = self._read_body()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        rec = Recorded(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            raw=raw,
            body=body,
        )
        reply = self.server.owner._record_and_pop(rec)
        try:
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the relay went away (client disconnect, cancellation): nothing to do

    do_POST = _handle
    do_GET = _handle
    do_DELETE = _handle

    def _send(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.events is None:
            if isinstance(reply.body, (bytes, bytearray)):
                payload = bytes(reply.body)
                ctype = "application/octet-stream"
            elif isinstance(reply.body, str):
                payload = reply.body.encode()
                ctype = "text/plain"
            else:
                payload = json.dumps(reply.body).encode()
                ctype = "application/json"
            self.send_response(reply.status)
            headers = {"Content-Type": ctype, **reply.headers}
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            self.wfile.flush()
            return
        self.send_response(reply.status)
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", **reply.headers}
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        for ev in reply.events:
            if ev.delay:
                time.sleep(ev.delay)
            frame = encode_sse(ev).encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(frame), frame))
            self.wfile.flush()
        if reply.abort:
            # Drop the connection without the terminating chunk: a broken body for the reader.
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "Upstream"


def encode_sse(ev: SSE) -> str:
    data = ev.data if isinstance(ev.data, str) else json.dumps(ev.data, separators=(",", ":"))
    out = ""
    if ev.event is not None:
        out += f"event: {ev.event}\n"
    for line in data.split("\n"):
        out += f"data: {line}\n"
    return out + "\n"


class Upstream:
    """A fake upstream on 127.0.0.1 (port 0), serving in a background thread.

    Tests queue replies with `push(...)`; each request pops the next one (FIFO). With an empty
    queue the server answers 500 with an explanatory error, so a test that forgot to
    script a reply fails loudly instead of hanging.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._queue: list[Reply] = []
        self.requests: list[Recorded] = []
        # Answers requests when the queue is empty (clients that make an unknown number of calls).
        self.responder: Callable[[Recorded], Reply] | None = None
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"upstream-{name}", daemon=True)

    # lifecycle -----------------------------------------------------------------------------
    def start(self) -> "Upstream":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.responder = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # scripting -----------------------------------------------------------------------------
    def push(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def push_json(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.push(Reply(status=status, body=body, headers=headers or {}))

    def push_stream(self, events: list[SSE], **kw: Any) -> None:
        self.push(Reply(events=events, **kw))

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def _record_and_pop(self, rec: Recorded) -> Reply:
        with self._lock:
            self.requests.append(rec)
            if self._queue:
                return self._queue.pop(0)
            responder = self.responder
        if responder is not None:
            return responder(rec)
        return Reply(
            status=500,
            body={"error": {"message": f"fake upstream '{self.name}': no scripted reply for {rec.method} {rec.path}",
                            "type": "test_script_error"}},
        )

    @property
    def last(self) -> Recorded:
        assert self.requests, f"fake upstream '{self.name}' received no request"
        return self.requests[-1]


# ---------------------------------------------------------------------------------------------
# OpenAI payload builders (shapes as api.openai.com sends them)
# ---------------------------------------------------------------------------------------------


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


def oai_usage(prompt: int, completion: int, cached: int | None = None) -> dict:
    u: dict[str, Any] = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    if cached is not None:
        u["prompt_tokens_details"] = {"cached_tokens": cached, "audio_tokens": 0}
    return u


def oai_tool_call(name: str, arguments: dict | str, call_id: str | None = None) -> dict:
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {"id": call_id or new_id("call_"), "type": "function", "function": {"name": name, "arguments": args}}


def oai_completion(
    content: str | None = None,
    *,
    tool_calls: list[dict] | None = None,
    model: str = "gpt-test",
    finish_reason: str | None = None,
    usage: dict | None = None,
    id: str | None = None,  # noqa: A002
    reasoning_content: str | None = None,
) -> dict:
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None, "annotations": []}
    if tool_calls:
        message["tool_calls"] = tool_calls
    if reasoning_content is not None:
        message["reasoning_content"] = reasoning_content
    return {
        "id": id or new_id("chatcmpl-"),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": message,
            "logprobs": None,
            "finish_reason": finish_reason or ("tool_calls" if tool_calls else "stop"),
        }],
        "usage": usage or oai_usage(12, 5),
        "service_tier": "default",
        "system_fingerprint": "fp_test",
    }


def oai_chunk(
    delta: dict | None,
    *,
    finish_reason: str | None = None,
    model: str = "gpt-test",
    id: str = "chatcmpl-stream",  # noqa: A002
    created: int = 1_700_000_000,
    usage: dict | None = None,
) -> dict:
    """One chat.completion.chunk. `delta=None` builds the choice-less usage chunk."""
    chunk: dict[str, Any] = {
        "id": id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "service_tier": "default",
        "system_fingerprint": "fp_test",
        "choices": [] if delta is None else [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }
    if delta is None:
        chunk["usage"] = usage
    elif usage is not None:
        chunk["usage"] = usage
    return chunk


def oai_text_stream(
    pieces: list[str],
    *,
    model: str = "gpt-test",
    usage: dict | None = None,
    finish_reason: str = "stop",
    done: bool = True,
    reasoning: list[str] | None = None,
    delay: float = 0.0,
) -> list[SSE]:
    """A streamed text answer: role chunk, content pieces, finish chunk, [usage chunk], [DONE]."""
    cid = new_id("chatcmpl-")
    ev = [SSE(oai_chunk({"role": "assistant", "content": "", "refusal": None}, id=cid, model=model))]
    for r in reasoning or []:
        ev.append(SSE(oai_chunk({"reasoning_content": r}, id=cid, model=model), delay=delay))
    for p in pieces:
        ev.append(SSE(oai_chunk({"content": p}, id=cid, model=model), delay=delay))
    ev.append(SSE(oai_chunk({}, finish_reason=finish_reason, id=cid, model=model)))
    if usage is not None:
        ev.append(SSE(oai_chunk(None, usage=usage, id=cid, model=model)))
    if done:
        ev.append(SSE("[DONE]"))
    return ev


def oai_tool_calls_stream(
    calls: list[tuple[str, str, list[str]]],
    *,
    model: str = "gpt-test",
    usage: dict | None = None,
    text: list[str] | None = None,
) -> list[SSE]:
    """Streamed tool calls as OpenAI sends them: per call, a first delta with index, id, type,
    name and empty arguments, then argument pieces carrying only index + arguments.
    `calls` = [(call_id, name, [argument pieces])]."""
    cid = new_id("chatcmpl-")
    ev = [SSE(oai_chunk({"role": "assistant", "content": None, "refusal": None}, id=cid, model=model))]
    for p in text or []:
        ev.append(SSE(oai_chunk({"content": p}, id=cid, model=model)))
    for i, (call_id, name, pieces) in enumerate(calls):
        ev.append(SSE(oai_chunk({"tool_calls": [{"index": i, "id": call_id, "type": "function",
                                                  "function": {"name": name, "arguments": ""}}]}, id=cid, model=model)))
        for p in pieces:
            ev.append(SSE(oai_chunk({"tool_calls": [{"index": i, "function": {"arguments": p}}]}, id=cid, model=model)))
    ev.append(SSE(oai_chunk({}, finish_reason="tool_calls", id=cid, model=model)))
    if usage is not None:
        ev.append(SSE(oai_chunk(None, usage=usage, id=cid, model=model)))
    ev.append(SSE("[DONE]"))
    return ev


def oai_error(message: str, type: str = "invalid_request_error", code: str | None = None,  # noqa: A002
              param: str | None = None) -> dict:
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


# ---------------------------------------------------------------------------------------------
# Anthropic payload builders (shapes as api.anthropic.com sends them)
# ---------------------------------------------------------------------------------------------


def ant_usage(input_tokens: int, output_tokens: int, cache_read: int = 0, cache_write: int = 0) -> dict:
    return {
        "input_tokens": input_tokens,
        "cache_creation_input_tokens": cache_write,
        "cache_read_input_tokens": cache_read,
        "output_tokens": output_tokens,
        "service_tier": "standard",
    }


def ant_text(text: str) -> dict:
    return {"type": "text", "text": text}


def ant_tool_use(name: str, input: dict, id: str | None = None) -> dict:  # noqa: A002
    return {"type": "tool_use", "id": id or new_id("toolu_01"), "name": name, "input": input}


def ant_thinking(thinking: str, signature: str = "EqQBCkYIARgCKkBzaWduYXR1cmU=") -> dict:
    return {"type": "thinking", "thinking": thinking, "signature": signature}


def ant_message(
    content: list[dict],
    *,
    model: str = "claude-test",
    stop_reason: str | None = None,
    usage: dict | None = None,
    id: str | None = None,  # noqa: A002
) -> dict:
    if stop_reason is None:
        stop_reason = "tool_use" if any(b["type"] == "tool_use" for b in content) else "end_turn"
    return {
        "id": id or new_id("msg_01"),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": usage or ant_usage(21, 7),
    }


def _split(s: str, n: int) -> list[str]:
    """Split into n roughly equal non-empty pieces (fewer if s is short)."""
    if not s:
        return []
    n = max(1, min(n, len(s)))
    step = -(-len(s) // n)
    return [s[i:i + step] for i in range(0, len(s), step)]


def ant_stream(
    blocks: list[dict],
    *,
    model: str = "claude-test",
    stop_reason: str | None = None,
    input_tokens: int = 21,
    output_tokens: int = 7,
    pieces: int = 3,
    id: str | None = None,  # noqa: A002
    stop: bool = True,
    delay: float = 0.0,
) -> list[SSE]:
    """The event sequence of a streamed Messages answer whose final content is `blocks`:
    message_start, ping, per block content_block_start / *_delta (split into `pieces`) /
    content_block_stop, message_delta (stop_reason + usage), message_stop."""
    if stop_reason is None:
        stop_reason = "tool_use" if any(b["type"] == "tool_use" for b in blocks) else "end_turn"
    msg = ant_message([], model=model, usage=ant_usage(input_tokens, 1), id=id)
    msg["stop_reason"] = None
    ev = [SSE({"type": "message_start", "message": msg}, event="message_start"),
          SSE({"type": "ping"}, event="ping")]
    for i, b in enumerate(blocks):
        if b["type"] == "text":
            start = {"type": "text", "text": ""}
            deltas = [{"type": "text_delta", "text": p} for p in _split(b["text"], pieces)]
        elif b["type"] == "tool_use":
            start = {"type": "tool_use", "id": b["id"], "name": b["name"], "input": {}}
            js = json.dumps(b["input"])
            deltas = [{"type": "input_json_delta", "partial_json": ""}]
            deltas += [{"type": "input_json_delta", "partial_json": p} for p in _split(js, pieces)]
        elif b["type"] == "thinking":
            start = {"type": "thinking", "thinking": "", "signature": ""}
            deltas = [{"type": "thinking_delta", "thinking": p} for p in _split(b["thinking"], pieces)]
            deltas.append({"type": "signature_delta", "signature": b["signature"]})
        else:
            raise ValueError(f"unsupported block type {b['type']}")
        ev.append(SSE({"type": "content_block_start", "index": i, "content_block": start}, event="content_block_start"))
        for d in deltas:
            ev.append(SSE({"type": "content_block_delta", "index": i, "delta": d}, event="content_block_delta", delay=delay))
        ev.append(SSE({"type": "content_block_stop", "index": i}, event="content_block_stop"))
    ev.append(SSE({"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                   "usage": {"output_tokens": output_tokens}}, event="message_delta"))
    if stop:
        ev.append(SSE({"type": "message_stop"}, event="message_stop"))
    return ev


def ant_error(message: str, type: str = "invalid_request_error") -> dict:  # noqa: A002
    return {"type": "error", "error": {"type": type, "message": message}, "request_id": "req_test"}


# ---------------------------------------------------------------------------------------------
# Gemini payload builders (shapes as generativelanguage.googleapis.com sends them)
# ---------------------------------------------------------------------------------------------


def gem_usage(prompt: int, candidates: int, thoughts: int = 0, cached: int = 0) -> dict:
    u = {"promptTokenCount": prompt, "candidatesTokenCount": candidates,
         "totalTokenCount": prompt + candidates + thoughts,
         "promptTokensDetails": [{"modality": "TEXT", "tokenCount": prompt}]}
    if thoughts:
        u["thoughtsTokenCount"] = thoughts
    if cached:
        u["cachedContentTokenCount"] = cached
    return u


def gem_call(name: str, args: dict, signature: str | None = None) -> dict:
    """A functionCall part (Gemini sends no id; thinking models sign the first call)."""
    p: dict[str, Any] = {"functionCall": {"name": name, "args": args}}
    if signature:
        p["thoughtSignature"] = signature
    return p


def gem_response(parts: list[dict], *, finish: str = "STOP", usage: dict | None = None,
                 model: str = "gemini-test", id: str | None = None) -> dict:  # noqa: A002
    return {
        "candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": finish, "index": 0}],
        "usageMetadata": usage or gem_usage(14, 6),
        "modelVersion": model,
        "responseId": id or uuid.uuid4().hex[:22],
    }


def gem_stream(parts: list[dict], *, finish: str = "STOP", usage: dict | None = None,
               model: str = "gemini-test") -> list[SSE]:
    """A streamed answer (`?alt=sse`): one chunk per part, the last with the finish reason and
    usage (every chunk carries the response id and model version)."""
    rid = uuid.uuid4().hex[:22]
    ev = []
    for i, p in enumerate(parts):
        chunk: dict[str, Any] = {"candidates": [{"content": {"role": "model", "parts": [p]}, "index": 0}],
                                 "usageMetadata": {"promptTokenCount": 14, "totalTokenCount": 14},
                                 "modelVersion": model, "responseId": rid}
        if i == len(parts) - 1:
            chunk["candidates"][0]["finishReason"] = finish
            chunk["usageMetadata"] = usage or gem_usage(14, 6)
        ev.append(SSE(chunk))
    return ev
