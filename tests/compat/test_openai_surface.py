"""The rest of the OpenAI surface through the relay with the official `openai` SDK: audio
transcription and translation and image edits (multipart forms streamed through, routed by the
form's model), and files and batches, which stay with the key that made them."""

from __future__ import annotations

from conftest import OPENAI_KEY
from upstream import Upstream

AUDIO = b"ID3\x04\x00" + bytes(range(256)) * 64
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16


def _form(rec) -> bytes:
    assert rec.header("content-type").startswith("multipart/form-data; boundary="), rec.headers
    return rec.raw


def test_audio_transcription_and_translation(oai, openai_up: Upstream) -> None:
    openai_up.push_json({"text": "hello there", "usage": {"type": "tokens", "input_tokens": 12, "output_tokens": 3,
                                                          "total_tokens": 15}})
    got = oai.audio.transcriptions.create(model="whisper-1", file=("clip.mp3", AUDIO, "audio/mpeg"), language="en")
    assert got.text == "hello there"
    rec = openai_up.last
    assert (rec.method, rec.path) == ("POST", "/v1/audio/transcriptions")
    assert rec.header("authorization") == f"Bearer {OPENAI_KEY}"
    form = _form(rec)
    assert b'name="model"\r\n\r\nwhisper-1\r\n' in form and b'name="language"\r\n\r\nen\r\n' in form
    assert AUDIO in form, "the file arrives byte for byte"

    openai_up.push_json({"text": "hello"})
    got = oai.audio.translations.create(model="whisper-1", file=("clip.mp3", AUDIO, "audio/mpeg"))
    assert got.text == "hello"
    assert openai_up.last.path == "/v1/audio/translations"


def test_image_edit(oai, openai_up: Upstream) -> None:
    openai_up.push_json({"created": 1, "data": [{"b64_json": "aGVsbG8="}],
                         "usage": {"input_tokens": 40, "output_tokens": 20, "total_tokens": 60}})
    got = oai.images.edit(model="gpt-image-1", image=("in.png", PNG, "image/png"), prompt="add a red hat")
    assert got.data[0].b64_json == "aGVsbG8="
    rec = openai_up.last
    assert rec.path == "/v1/images/edits"
    form = _form(rec)
    assert PNG in form and b"add a red hat" in form and b"gpt-image-1" in form


def test_an_unrouted_upload_model_is_refused_in_openai_shape(oai, openai_up: Upstream) -> None:
    import openai
    import pytest

    # Routed to the mock provider (the default), which keeps no audio endpoint.
    with pytest.raises(openai.BadRequestError) as e:
        oai.audio.transcriptions.create(model="whisper-elsewhere", file=("clip.mp3", AUDIO, "audio/mpeg"))
    assert "OpenAI-compatible" in str(e.value)
    assert openai_up.requests == []


def test_files_and_batches(oai, openai_up: Upstream) -> None:
    line = b'{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-test"}}\n'
    file_obj = {"id": "file-in1", "object": "file", "bytes": len(line), "created_at": 1700000000,
                "filename": "in.jsonl", "purpose": "batch", "status": "processed"}
    openai_up.push_json(file_obj)
    f = oai.files.create(file=("in.jsonl", line, "application/jsonl"), purpose="batch")
    assert f.id == "file-in1"
    assert line in openai_up.last.raw

    openai_up.push_json(file_obj)
    assert oai.files.retrieve("file-in1").filename == "in.jsonl"
    assert openai_up.last.path == "/v1/files/file-in1"

    openai_up.push_json({"object": "list", "data": [file_obj, {**file_obj, "id": "file-not-ours"}], "has_more": False})
    assert [x.id for x in oai.files.list()] == ["file-in1"]

    batch = {"id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "errors": None,
             "input_file_id": "file-in1", "completion_window": "24h", "status": "validating",
             "created_at": 1700000001, "request_counts": {"total": 1, "completed": 0, "failed": 0}}
    openai_up.push_json(batch)
    b = oai.batches.create(input_file_id="file-in1", endpoint="/v1/chat/completions", completion_window="24h")
    assert b.id == "batch_1" and b.status == "validating"
    assert openai_up.last.body["input_file_id"] == "file-in1"

    openai_up.push_json({**batch, "status": "completed", "output_file_id": "file-out1"})
    assert oai.batches.retrieve("batch_1").output_file_id == "file-out1"
    openai_up.push(__import__("upstream").Reply(body=b'{"custom_id": "r1", "response": {"status_code": 200}}\n'))
    content = oai.files.content("file-out1")
    assert content.read() == b'{"custom_id": "r1", "response": {"status_code": 200}}\n'
    assert openai_up.last.path == "/v1/files/file-out1/content"

    openai_up.push_json({"object": "list", "data": [batch], "has_more": False})
    assert [x.id for x in oai.batches.list()] == ["batch_1"]
    openai_up.push_json({**batch, "status": "cancelling"})
    assert oai.batches.cancel("batch_1").status == "cancelling"
    assert (openai_up.last.method, openai_up.last.path) == ("POST", "/v1/batches/batch_1/cancel")

    openai_up.push_json({"id": "file-in1", "object": "file", "deleted": True})
    assert oai.files.delete("file-in1").deleted is True
    assert openai_up.last.method == "DELETE"
    # Every call went with the key that made the file.
    assert {r.header("authorization") for r in openai_up.requests} == {f"Bearer {OPENAI_KEY}"}

    import openai
    import pytest
    with pytest.raises(openai.NotFoundError):
        oai.files.retrieve("file-in1")
