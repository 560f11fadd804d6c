//! Fuzz target: an arbitrary Responses upstream SSE byte stream through SSE decoding, the stream
//! decoder and every stream encoder must never panic, and our output must be well-formed SSE.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monorelay::ir::ResponseAccumulator;
use monorelay::translate::{
    Dialect, SseDecoder, encode_stream_error, stream_decoder, stream_encoder,
};

fuzz_target!(|data: &[u8]| {
    let mut sse = SseDecoder::new();
    let mut events = Vec::new();
    if sse.push(data, &mut events).is_err() {
        return;
    }
    let mut dec = stream_decoder(Dialect::Responses);
    let mut ir = Vec::new();
    let mut failed = false;
    for e in &events {
        if dec.push(e, &mut ir).is_err() {
            failed = true;
            break;
        }
    }
    if !failed && dec.finish(&mut ir).is_err() {
        failed = true;
    }
    let mut acc = ResponseAccumulator::new();
    for e in &ir {
        acc.push(e);
    }
    let _ = acc.finish();
    for client in [Dialect::OpenAi, Dialect::Anthropic, Dialect::Responses, Dialect::Gemini] {
        let mut enc = stream_encoder(client, "fuzz", true);
        let mut out = Vec::new();
        for e in &ir {
            enc.push(e, &mut out);
        }
        if failed {
            encode_stream_error(client, "api_error", "upstream broke", &mut out);
        }
        let mut check = SseDecoder::new();
        let mut evs = Vec::new();
        assert!(check.push(&out, &mut evs).is_ok());
        assert!(!check.finish());
        for e in evs {
            assert!(
                e.data == "[DONE]" || serde_json::from_str::<serde_json::Value>(&e.data).is_ok()
            );
        }
    }
});
