//! Fuzz target: the SSE decoder on arbitrary bytes split at arbitrary points must never panic,
//! and splitting must not change the decoded events.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monorelay::translate::{SseDecoder, SseEvent};

fuzz_target!(|data: &[u8]| {
    // The first byte picks a split stride so the same input is also fed in pieces.
    let Some((&stride, body)) = data.split_first() else {
        return;
    };
    let mut whole = Vec::<SseEvent>::new();
    let mut d = SseDecoder::with_limit(4096);
    let whole_ok = d.push(body, &mut whole).is_ok();
    let whole_cut = whole_ok && d.finish();

    let mut pieces = Vec::<SseEvent>::new();
    let mut d = SseDecoder::with_limit(4096);
    let mut ok = true;
    for c in body.chunks(usize::from(stride).max(1)) {
        if d.push(c, &mut pieces).is_err() {
            ok = false;
            break;
        }
    }
    if whole_ok && ok {
        assert_eq!(whole, pieces);
        assert_eq!(whole_cut, d.finish());
    }
});
