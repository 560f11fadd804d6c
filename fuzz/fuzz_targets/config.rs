//! Fuzz target: any text as a config file. Loading must never panic; a config that loads must
//! build a runtime (the HTTP clients are shared across runs, as a reload shares them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use monorelay::config::{ConfigSource, load_str};
use monorelay::runtime::{Runtime, Shared};
use std::sync::OnceLock;

static SHARED: OnceLock<Shared> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let env = |name: &str| (name.len() % 2 == 0).then(|| "from-env".to_string());
    let Ok(config) = load_str(text, ConfigSource::Embedded, &env) else {
        return;
    };
    let shared = SHARED.get_or_init(Shared::default);
    if let Err(e) = Runtime::build(config, shared, None) {
        panic!("a valid config must build a runtime: {e}");
    }
});
