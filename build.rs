//! Link-time layout of the release binary, nothing else. The code a serving relay runs (start,
//! every request path, shutdown: ~3 MB) is spread over a ~22 MB `.text`, and the kernel maps a
//! file-backed page together with its neighbours, so running it kept
//! ~14 MB of text resident (fault-around, 64 KiB; on recent kernels the whole large folio the page
//! cache holds it in, 128 KiB and more). `bench/symbol-order.txt` (made by `bench/symbol-order.sh` from a
//! callgrind run of a release relay) lists those functions; this script turns the list into a
//! linker script that lays their sections out first in `.text`, in that order, and everything
//! else after them as before, so the text a relay keeps resident shrinks to about their size.
//! Behaviour is unchanged: only addresses move. (One `.text`, not a separate hot section:
//! valgrind names only the functions inside `.text`, and `bench/` profiles with it.)
//!
//! Why a linker script and not lld's `--symbol-ordering-file`: about a sixth of the names are
//! locals that ThinLTO promoted, `name.llvm.<hash>`, and the hash is that of the codegen unit's
//! bitcode, so any edit to the crate renames them and an exact-name list goes stale between two
//! commits (measured: 326 of 3,086 names lost, idle RSS 14.4 → 18.3 MB). Section patterns can
//! match `name.llvm.*`; a name that no longer exists matches nothing and costs nothing.
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
    let Some(list) = order_file() else { return };
    let Ok(names) = std::fs::read_to_string(&list) else { return };
    let script = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("hot-text.ld");
    if std::fs::write(&script, hot_text_script(&names)).is_ok() {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
}

/// The linker script: one input-section rule per listed function, in list order. A function
/// sits in `.text.<symbol>` (`-ffunction-sections`, rustc's default), or `.text.unlikely.<symbol>`
/// when it is cold (`#[cold]`: the `Vec` and `HashMap` growth paths, which a relay runs all the
/// time), `.text.hot.` or `.text.startup.` likewise; and ThinLTO may or may not have promoted it
/// (`<symbol>.llvm.<hash>`) in a given build, so each name matches both ways, the hash as `*`.
/// Names a script cannot hold as a bare pattern are skipped.
fn hot_text_script(names: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::from("SECTIONS {\n  .text : {\n");
    for name in names.lines().map(str::trim) {
        let bare = name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.$".contains(&b));
        let base = name.find(".llvm.").map_or(name, |at| &name[..at]);
        if base.is_empty() || !bare || !seen.insert(base) {
            continue;
        }
        out.push_str("    *(");
        for prefix in ["", "unlikely.", "hot.", "startup."] {
            out.push_str(&format!(" .text.{prefix}{base} .text.{prefix}{base}.llvm.*"));
        }
        out.push_str(" )\n");
    }
    // The rest, as lld lays out `.text` without a script; `.init` follows, as it does then.
    out.push_str("    *(.text .text.*)\n  }\n} INSERT BEFORE .init;\n");
    out
}

/// The function list's absolute path, when this build should use it.
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
