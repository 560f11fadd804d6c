//! Link-time layout of the release binary, nothing else. The code a serving relay runs (start,
//! every request path, shutdown: ~3 MB) is spread over a ~22 MB `.text`, and the kernel maps a
//! file-backed page together with its neighbours (fault-around, 64 KiB), so running it kept
//! ~14 MB of text resident. `bench/symbol-order.txt` (made by `bench/symbol-order.sh` from a
//! callgrind run of a release relay) lists those functions; handed to the linker as
//! `--symbol-ordering-file`, they are laid out together and the text a relay keeps resident
//! shrinks to about their size. Behaviour is unchanged: only addresses move. A stale list (code
//! renamed since it was made) only loses part of the saving; lld is told not to warn about names
//! it no longer finds.
//!
//! Applied only where it is known to work: release builds for x86_64-unknown-linux-gnu with
//! rustc ≥ 1.90 (rust-lld is that target's default linker from 1.90 on), without a linker chosen
//! by the environment or RUSTFLAGS. `MONORELAY_SYMBOL_ORDER=0` turns it off.

use std::path::Path;

const ORDER_FILE: &str = "bench/symbol-order.txt";

fn main() {
    println!("cargo:rerun-if-changed={ORDER_FILE}");
    println!("cargo:rerun-if-env-changed=MONORELAY_SYMBOL_ORDER");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    if let Some(path) = order_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={path}");
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// The ordering file's absolute path, when this build should use it.
fn order_file() -> Option<String> {
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    if env("MONORELAY_SYMBOL_ORDER") == "0"
        || env("TARGET") != "x86_64-unknown-linux-gnu"
        || env("PROFILE") != "release"
        || !env("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_empty()
        || env("CARGO_ENCODED_RUSTFLAGS").contains("link")
        || rustc_minor().is_none_or(|minor| minor < 90)
    {
        return None;
    }
    let path = Path::new(&env("CARGO_MANIFEST_DIR")).join(ORDER_FILE);
    path.is_file().then(|| path.display().to_string())
}

/// The minor version of the rustc doing this build (`rustc 1.95.0 (…)` → 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.split_whitespace().nth(1)?.split('.').nth(1)?.parse().ok()
}
