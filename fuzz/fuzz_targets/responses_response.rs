//! Fuzz target: Responses response decoding, then encoding into every dialect, must never panic, and
//! every body we would send to a client must decode again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monorelay::translate::{Dialect, decode_response, encode_response};

fuzz_target!(|data: &[u8]| {
    let Ok(resp) = decode_response(Dialect::Responses, data) else {
        return;
    };
    for to in [Dialect::OpenAi, Dialect::Anthropic, Dialect::Responses, Dialect::Gemini] {
        let body = encode_response(to, &resp);
        assert!(decode_response(to, &body).is_ok());
    }
});
