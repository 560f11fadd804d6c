//! Fuzz target: Gemini request decoding, then encoding into every dialect, must never panic, and
//! every body we would send upstream must decode again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monorelay::translate::{Dialect, EncodeOptions, decode_request, encode_request};

fuzz_target!(|data: &[u8]| {
    let Ok(req) = decode_request(Dialect::Gemini, data) else {
        return;
    };
    for drop_unsupported in [false, true] {
        let opts = EncodeOptions {
            default_max_tokens: 1024,
            drop_unsupported,
            model: None,
        };
        for to in [Dialect::OpenAi, Dialect::Anthropic, Dialect::Responses, Dialect::Gemini] {
            if let Ok(body) = encode_request(to, &req, &opts) {
                assert!(decode_request(to, &body).is_ok());
            }
        }
    }
});
