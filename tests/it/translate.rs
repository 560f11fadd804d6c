//! Golden stream transcripts (upstream SSE -> IR -> client SSE, every dialect) and a seeded
//! randomized robustness run over every decoder.
//!
//! Layout: `tests/golden/<upstream dialect>/<case>/upstream.sse` is a recorded-shape upstream
//! stream; next to it `to_openai.sse` / `to_anthropic.sse` / `to_responses.sse` / `to_gemini.sse` are the exact
//! expected client bytes (Responses: the whole `response.*` sequence with its numbers) and
//! `final.json` is the message the ResponseAccumulator must assemble from the upstream. Run with
//! `BLESS=1` to rewrite the expected files after an intended change (then review the diff).

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use monorelay::ir::{ContentBlock, Response, ResponseAccumulator, StopReason, StreamEvent};
use monorelay::translate::{
    self, Dialect, EncodeOptions, SseDecoder, SseEvent, TranslateError, encode_stream_error, stream_decoder,
    stream_encoder_at,
};

const CREATED: u64 = 1_700_000_000;
const FALLBACK_MODEL: &str = "client-facing-model";

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn dialect_dir(d: Dialect) -> &'static str {
    match d {
        Dialect::OpenAi => "openai",
        Dialect::Anthropic => "anthropic",
        Dialect::Responses => "responses",
        Dialect::Gemini => "gemini",
    }
}

const DIALECTS: [Dialect; 4] = [Dialect::OpenAi, Dialect::Anthropic, Dialect::Responses, Dialect::Gemini];

fn cases() -> Vec<(Dialect, PathBuf)> {
    let mut out = Vec::new();
    for d in DIALECTS {
        let dir = golden_root().join(dialect_dir(d));
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("upstream.sse").is_file())
            .collect();
        entries.sort();
        out.extend(entries.into_iter().map(|p| (d, p)));
    }
    assert!(out.len() >= 14, "golden cases missing");
    out
}

/// SSE-decodes `chunks` in order and runs the stream decoder; returns IR events and the
/// decoder's `finish` result.
fn decode_stream<'a>(
    upstream: Dialect,
    chunks: impl IntoIterator<Item = &'a [u8]>,
) -> (Vec<StreamEvent>, Result<(), TranslateError>) {
    let mut sse = SseDecoder::new();
    let mut dec = stream_decoder(upstream);
    let mut evs: Vec<SseEvent> = Vec::new();
    let mut ir = Vec::new();
    for c in chunks {
        sse.push(c, &mut evs).unwrap();
        for e in evs.drain(..) {
            if let Err(err) = dec.push(&e, &mut ir) {
                return (ir, Err(err));
            }
        }
    }
    sse.finish();
    let fin = dec.finish(&mut ir);
    (ir, fin)
}

/// What the relay does: encode every IR event, then an error event if the upstream broke.
fn encode_stream(
    client: Dialect,
    ir: &[StreamEvent],
    fin: &Result<(), TranslateError>,
    include_usage: bool,
) -> Vec<u8> {
    let mut enc = stream_encoder_at(client, FALLBACK_MODEL, include_usage, CREATED);
    let mut out = Vec::new();
    for e in ir {
        enc.push(e, &mut out);
    }
    match fin {
        // The relay's pipe hands a Responses client's encoder the error, so it ends in sequence.
        Err(e) if client == Dialect::Responses => {
            enc.push(&StreamEvent::Error { error_type: "api_error".into(), message: e.to_string() }, &mut out)
        }
        Err(e) => encode_stream_error(client, "api_error", &e.to_string(), &mut out),
        Ok(()) => {}
    }
    out
}

fn accumulate(ir: &[StreamEvent]) -> (Response, Option<(String, String)>) {
    let mut acc = ResponseAccumulator::new();
    for e in ir {
        acc.push(e);
    }
    let err = acc.error().cloned();
    (acc.finish(), err)
}

fn check_or_bless(path: &Path, actual: &[u8]) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap_or_else(|_| panic!("{} missing; run with BLESS=1", path.display()));
    if expected != actual {
        panic!(
            "{} differs.\n--- expected\n{}\n--- actual\n{}",
            path.display(),
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual)
        );
    }
}

/// The accumulated message as it must look after one trip through `client`'s dialect: what that
/// dialect cannot carry is removed, stop reasons go through its mapping, usage is re-based.
fn through(client: Dialect, r: &Response) -> Response {
    let mut r = r.clone();
    r.id.clear();
    if client == Dialect::Gemini {
        // No redacted thinking or foreign blocks; an empty signature is none; stop reasons and
        // usage as Gemini has them.
        r.content.retain(|b| !matches!(b, ContentBlock::RedactedThinking { .. } | ContentBlock::Other { .. }));
        for b in &mut r.content {
            if let ContentBlock::Thinking { signature, .. } = b {
                if signature.as_deref() == Some("") {
                    *signature = None;
                }
            }
        }
        let calls = r.content.iter().any(|b| matches!(b, ContentBlock::ToolUse { .. }));
        r.stop_reason = r.stop_reason.map(|s| match s {
            StopReason::MaxTokens => StopReason::MaxTokens,
            StopReason::Refusal | StopReason::ContentFilter => StopReason::ContentFilter,
            _ if calls => StopReason::ToolUse,
            _ => StopReason::EndTurn,
        });
        r.stop_sequence = None;
        r.usage.input_tokens += r.usage.cache_write_tokens;
        r.usage.cache_write_tokens = 0;
        r.usage.reasoning_tokens = r.usage.reasoning_tokens.min(r.usage.output_tokens);
    } else if client == Dialect::Responses {
        r.content.retain(|b| !matches!(b, ContentBlock::RedactedThinking { .. } | ContentBlock::Other { .. }));
        for b in &mut r.content {
            if let ContentBlock::Thinking { signature, .. } = b {
                if signature.as_deref() == Some("") {
                    *signature = None;
                }
            }
        }
        let calls = r.content.iter().any(|b| matches!(b, ContentBlock::ToolUse { .. }));
        r.stop_reason = r.stop_reason.map(|s| match s {
            StopReason::MaxTokens => StopReason::MaxTokens,
            StopReason::Refusal | StopReason::ContentFilter => StopReason::ContentFilter,
            _ if calls => StopReason::ToolUse,
            _ => StopReason::EndTurn,
        });
        r.stop_sequence = None;
        r.usage.input_tokens += r.usage.cache_write_tokens;
        r.usage.cache_write_tokens = 0;
    } else if client == Dialect::OpenAi {
        // Without signatures an empty thinking block (one that only carried a signature) is nothing.
        r.content.retain(|b| {
            !matches!(b, ContentBlock::RedactedThinking { .. } | ContentBlock::Other { .. })
                && !matches!(b, ContentBlock::Thinking { thinking, .. } if thinking.is_empty())
        });
        for b in &mut r.content {
            if let ContentBlock::Thinking { signature, .. } = b {
                *signature = None;
            }
        }
        r.stop_reason = r.stop_reason.map(|s| match s {
            StopReason::StopSequence | StopReason::PauseTurn => StopReason::EndTurn,
            StopReason::Refusal => StopReason::ContentFilter,
            s => s,
        });
        r.stop_sequence = None;
        r.usage.input_tokens += r.usage.cache_write_tokens;
        r.usage.cache_write_tokens = 0;
    } else {
        r.stop_reason = r.stop_reason.map(|s| match s {
            StopReason::ContentFilter => StopReason::Refusal,
            s => s,
        });
        r.usage.reasoning_tokens = 0;
    }
    r
}

#[test]
fn golden_transcripts() {
    for (upstream, dir) in cases() {
        let input = std::fs::read(dir.join("upstream.sse")).unwrap();
        let (ir, fin) = decode_stream(upstream, [input.as_slice()]);

        // Byte-at-a-time and random splits must give exactly the same IR.
        let (ir1, fin1) = decode_stream(upstream, input.chunks(1));
        assert_eq!((&ir1, &fin1), (&ir, &fin), "{}: byte-at-a-time", dir.display());
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..20 {
            let mut pieces = Vec::new();
            let mut rest = input.as_slice();
            while !rest.is_empty() {
                let n = rng.usize(1..=rest.len().min(40));
                pieces.push(&rest[..n]);
                rest = &rest[n..];
            }
            let (ir2, fin2) = decode_stream(upstream, pieces);
            assert_eq!((&ir2, &fin2), (&ir, &fin), "{}: random split", dir.display());
        }

        let (final_msg, err) = accumulate(&ir);
        let mut final_json = serde_json::to_vec_pretty(&serde_json::json!({
            "response": final_msg,
            "error": err,
            "stream_error": fin.as_ref().err().map(ToString::to_string),
        }))
        .unwrap();
        final_json.push(b'\n');
        check_or_bless(&dir.join("final.json"), &final_json);

        for client in DIALECTS {
            let bytes = encode_stream(client, &ir, &fin, true);
            let name = format!("to_{}.sse", dialect_dir(client));
            check_or_bless(&dir.join(&name), &bytes);

            // What the client's SDK would assemble equals what the upstream said.
            let (ir_back, fin_back) = decode_stream(client, [bytes.as_slice()]);
            let (back, back_err) = accumulate(&ir_back);
            let ctx = format!("{} -> {name}", dir.display());
            match (&err, &fin) {
                (Some((_, msg)), _) => {
                    assert_eq!(back_err.as_ref().map(|e| &e.1), Some(msg), "{ctx}");
                    assert!(fin_back.is_ok(), "{ctx}");
                }
                (None, Err(e)) => {
                    assert_eq!(back_err.map(|e| e.1), Some(e.to_string()), "{ctx}");
                }
                (None, Ok(())) => {
                    fin_back.unwrap();
                    let mut back = back;
                    back.id.clear();
                    assert_eq!(back, through(client, &final_msg), "{ctx}");
                }
            }
            if fin.is_ok() && err.is_none() {
                // Ids are stable and in the client's format.
                let text = String::from_utf8(bytes.clone()).unwrap();
                let prefix = match client {
                    Dialect::OpenAi => "\"id\":\"chatcmpl-",
                    Dialect::Anthropic => "\"id\":\"msg_",
                    Dialect::Responses => "\"id\":\"resp_",
                    Dialect::Gemini => "\"responseId\":\"",
                };
                assert!(text.contains(prefix), "{ctx}");
            }
        }

        // Without include_usage an OpenAI client gets no usage chunk, and nothing else changes.
        let with = String::from_utf8(encode_stream(Dialect::OpenAi, &ir, &fin, true)).unwrap();
        let without = String::from_utf8(encode_stream(Dialect::OpenAi, &ir, &fin, false)).unwrap();
        assert!(!without.contains("\"usage\""), "{}", dir.display());
        let with_filtered: Vec<&str> = with.split("\n\n").filter(|e| !e.contains("\"choices\":[]")).collect();
        assert_eq!(with_filtered.join("\n\n"), without);
    }
}

#[test]
fn truncated_streams_are_errors_not_success() {
    for d in DIALECTS {
        let input = std::fs::read(golden_root().join(dialect_dir(d)).join("text/upstream.sse")).unwrap();
        // Every proper prefix that cuts before the final event must fail in finish().
        let last_event = input[..input.len() - 2].windows(2).rposition(|w| w == b"\n\n").unwrap();
        for cut in (0..=last_event).step_by(7) {
            let (_, fin) = decode_stream(d, [&input[..cut]]);
            assert!(matches!(fin, Err(TranslateError::Upstream(_))), "{d:?} cut at {cut}");
        }
        let (_, fin) = decode_stream(d, [input.as_slice()]);
        fin.unwrap();
    }
}

fn mutate(rng: &mut fastrand::Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..rng.usize(1..6) {
        if v.is_empty() {
            v.push(rng.u8(..));
            continue;
        }
        let i = rng.usize(..v.len());
        match rng.u8(0..7) {
            0 => v[i] = rng.u8(..),
            1 => {
                v.remove(i);
            }
            2 => v.insert(i, *b"{}[]\",:\n\r\\0-e".get(rng.usize(..15)).unwrap_or(&b'x')),
            3 => v.truncate(i),
            4 => {
                let j = rng.usize(i..v.len());
                let dup = v[i..j].to_vec();
                v.splice(i..i, dup);
            }
            5 => {
                let j = rng.usize(i..v.len());
                v.drain(i..j);
            }
            _ => {
                for digit in v.iter_mut().skip(i).take(8) {
                    if digit.is_ascii_digit() {
                        *digit = b'9';
                    }
                }
            }
        }
    }
    v
}

/// Seeded mutation run: decoders must never panic and always end in Ok or a clean error, and
/// whatever they accept must encode in both dialects without panicking.
#[test]
fn randomized_robustness() {
    let started = std::time::Instant::now();
    let mut rng = fastrand::Rng::with_seed(0x5eed_cafe);
    let transcripts: Vec<(Dialect, Vec<u8>)> =
        cases().into_iter().map(|(d, p)| (d, std::fs::read(p.join("upstream.sse")).unwrap())).collect();
    for i in 0..3000 {
        let (d, base) = &transcripts[i % transcripts.len()];
        let input = mutate(&mut rng, base);
        let mut pieces = Vec::new();
        let mut rest = input.as_slice();
        while !rest.is_empty() {
            let n = rng.usize(1..=rest.len().min(64));
            pieces.push(&rest[..n]);
            rest = &rest[n..];
        }
        // Either upstream decoder may be fed the other dialect's bytes.
        let upstream = if rng.bool() { *d } else { other(*d) };
        let (ir, fin) = decode_stream(upstream, pieces);
        for client in DIALECTS {
            let bytes = encode_stream(client, &ir, &fin, rng.bool());
            // Our own output must always be valid SSE whose JSON parses.
            let mut evs = Vec::new();
            let mut sse = SseDecoder::new();
            sse.push(&bytes, &mut evs).unwrap();
            assert!(!sse.finish());
            for e in evs {
                if e.data != "[DONE]" {
                    serde_json::from_str::<serde_json::Value>(&e.data).unwrap();
                }
            }
        }
        let _ = accumulate(&ir).0;
    }

    let requests = [
        (Dialect::OpenAi, REQ_OPENAI),
        (Dialect::Anthropic, REQ_ANTHROPIC),
        (Dialect::Responses, REQ_RESPONSES),
        (Dialect::Gemini, REQ_GEMINI),
    ];
    let responses = [
        (Dialect::OpenAi, RESP_OPENAI),
        (Dialect::Anthropic, RESP_ANTHROPIC),
        (Dialect::Responses, RESP_RESPONSES),
        (Dialect::Gemini, RESP_GEMINI),
    ];
    for opts in [EncodeOptions::default(), EncodeOptions { drop_unsupported: true, ..EncodeOptions::default() }] {
        for _ in 0..1500 {
            let (d, base) = requests[rng.usize(..requests.len())];
            let body = mutate(&mut rng, base.as_bytes());
            let from = if rng.u8(..4) == 0 { other(d) } else { d };
            if let Ok(req) = translate::decode_request(from, &body) {
                for to in DIALECTS {
                    if let Ok(out) = translate::encode_request(to, &req, &opts) {
                        // Whatever we send upstream must be decodable by ourselves.
                        translate::decode_request(to, &out).unwrap();
                    }
                }
            }
            let (d, base) = responses[rng.usize(..responses.len())];
            let body = mutate(&mut rng, base.as_bytes());
            let from = if rng.u8(..4) == 0 { other(d) } else { d };
            if let Ok(resp) = translate::decode_response(from, &body) {
                for to in DIALECTS {
                    let out = translate::encode_response(to, &resp);
                    translate::decode_response(to, &out).unwrap();
                }
            }
        }
    }
    // A budget, not a benchmark: catches accidental quadratic behaviour (debug build).
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
}

fn other(d: Dialect) -> Dialect {
    match d {
        Dialect::OpenAi => Dialect::Anthropic,
        Dialect::Anthropic => Dialect::Responses,
        Dialect::Responses => Dialect::Gemini,
        Dialect::Gemini => Dialect::OpenAi,
    }
}

const REQ_GEMINI: &str = r#"{"model":"gemini-2.5-flash","stream":true,"systemInstruction":{"parts":[{"text":"s"}]},"contents":[{"role":"user","parts":[{"text":"hi"},{"inlineData":{"mimeType":"image/png","data":"AAAA"}}]},{"role":"model","parts":[{"text":"t","thought":true},{"functionCall":{"name":"f","args":{"a":1}},"thoughtSignature":"S"}]},{"role":"user","parts":[{"functionResponse":{"name":"f","response":{"output":"ok"}}}]}],"tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"OBJECT","properties":{"a":{"type":"INTEGER","nullable":true}}}}]},{"googleSearch":{}}],"toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["f"]}},"safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}],"generationConfig":{"temperature":0.2,"topP":0.9,"topK":40,"maxOutputTokens":100,"stopSequences":["x"],"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{"n":{"type":"NUMBER"}}},"thinkingConfig":{"thinkingBudget":2048,"includeThoughts":true}}}"#;
const RESP_GEMINI: &str = r#"{"candidates":[{"content":{"role":"model","parts":[{"text":"t","thought":true,"thoughtSignature":"S"},{"text":"hi"},{"functionCall":{"name":"f","args":{"a":1}}}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5,"thoughtsTokenCount":2,"cachedContentTokenCount":3,"totalTokenCount":17},"modelVersion":"gemini-2.5-flash","responseId":"r1"}"#;
const REQ_RESPONSES: &str = r#"{"model":"gpt-5","instructions":"s","input":[{"role":"user","content":[{"type":"input_text","text":"hi"},{"type":"input_image","image_url":"data:image/png;base64,AAAA","detail":"low"}]},{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"r"}],"encrypted_content":"S"},{"type":"function_call","id":"fc_1","call_id":"call_1","name":"f","arguments":"{\"a\":1}"},{"type":"function_call_output","call_id":"call_1","output":"ok"},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"done"}]}],"tools":[{"type":"function","name":"f","parameters":{"type":"object"},"strict":false}],"tool_choice":"auto","parallel_tool_calls":false,"max_output_tokens":100,"temperature":0.2,"stream":true,"store":false,"reasoning":{"effort":"low","summary":"auto"},"text":{"format":{"type":"json_schema","name":"x","schema":{"type":"object"}}},"include":["reasoning.encrypted_content"]}"#;
const RESP_RESPONSES: &str = r#"{"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"gpt-5","output":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"t"}],"encrypted_content":"S"},{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"hi","annotations":[]}]},{"type":"function_call","id":"fc_1","call_id":"call_1","name":"f","arguments":"{\"a\":1}","status":"completed"}],"usage":{"input_tokens":10,"input_tokens_details":{"cached_tokens":3},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":2},"total_tokens":15}}"#;

const REQ_OPENAI: &str = r#"{"model":"gpt-4o","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA","detail":"low"}}]},{"role":"assistant","content":null,"reasoning_content":"r","tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},{"role":"tool","tool_call_id":"call_1","content":"ok"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],"tool_choice":"auto","parallel_tool_calls":false,"stop":["x"],"max_tokens":100,"temperature":0.2,"stream":true,"stream_options":{"include_usage":true},"user":"u","reasoning_effort":"low","n":1,"seed":3}"#;
const REQ_ANTHROPIC: &str = r#"{"model":"claude","max_tokens":100,"system":[{"type":"text","text":"s","cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]},{"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"S"},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":1}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"ok","is_error":true},{"type":"text","text":"more"}]}],"tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"any","disable_parallel_tool_use":true},"stop_sequences":["x"],"temperature":0.2,"top_k":5,"stream":true,"metadata":{"user_id":"u"},"thinking":{"type":"enabled","budget_tokens":2048}}"#;
const RESP_OPENAI: &str = r#"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"hi","reasoning_content":"r","tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":4}}}"#;
const RESP_ANTHROPIC: &str = r#"{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[{"type":"thinking","thinking":"t","signature":"S"},{"type":"text","text":"hi"},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":1}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":10,"cache_read_input_tokens":3,"output_tokens":5}}"#;
