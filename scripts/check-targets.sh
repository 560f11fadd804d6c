#!/usr/bin/env bash
# Compile-check monorelay for the release workflow's other targets on a Debian/Ubuntu x86_64 host,
# without `rustup target add` (which needs to download the prebuilt std): the standard library is
# built from source with `-Zbuild-std` (unlocked on stable by RUSTC_BOOTSTRAP=1) from Debian's
# `rust-src` package of the same version as `rustc --version`, downloaded and unpacked if the
# toolchain has no sources. As root it installs the cross C compilers the build scripts need
# (ring and zstd-sys compile C): gcc-mingw-w64-x86-64, musl-tools, gcc-aarch64-linux-gnu.
#
#   scripts/check-targets.sh                 # every target: check (+ clippy for Windows)
#   scripts/check-targets.sh x86_64-pc-windows-gnu
#   LINK=1 scripts/check-targets.sh x86_64-pc-windows-gnu   # also build the .exe (mingw links it)
#   LINK=1 WINE=1 scripts/check-targets.sh x86_64-pc-windows-gnu   # and run `--version` under wine
#
# Not run by CI (a from-scratch std + dependency build per target takes long). One verdict line
# per target at the end; the full output of each step is in $LOGS (default /tmp/check-targets).
# Wine 8 (Debian bookworm) lacks bcryptprimitives.dll, whose ProcessPrng Rust's std imports: for
# the wine run a shim forwarding it to RtlGenRandom is built with mingw next to the .exe (a test
# crutch only; real Windows has the DLL).
# Targets whose prebuilt std is installed (`rustup target list --installed`) skip build-std.
# x86_64-apple-darwin needs a macOS SDK for ring's and zstd's C code: without one (and clang) it
# is reported as skipped, not failed.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=${LOGS:-/tmp/check-targets}
mkdir -p "$logs"
all=(x86_64-pc-windows-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-apple-darwin)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

sysroot=$(rustc --print sysroot)
version=$(rustc --version | awk '{print $2}')
src="$sysroot/lib/rustlib/src/rust"

# The std sources: the toolchain's own (rustup component rust-src), else Debian's rust-src package
# of the same version (trixie-backports, then trixie, then sid), unpacked under ~/.cache.
if [ ! -d "$src/library/std" ]; then
  dest=${RUST_SRC_DIR:-$HOME/.cache/monorelay/rust-src-$version}
  if [ ! -d "$dest/usr/lib/rustlib/src/rust/library/std" ]; then
    tmp=$(mktemp -d)
    found=
    for dist in trixie-backports trixie sid; do
      index="http://deb.debian.org/debian/dists/$dist/main/binary-all/Packages.xz"
      curl -fsSL "$index" -o "$tmp/Packages.xz" || continue
      entry=$(xz -dc "$tmp/Packages.xz" | awk -v v="$version" '
        /^Package: /{p = ($2 == "rust-src")} p && /^Version: /{ok = (index($2, v "+") == 1)}
        p && ok && /^Filename: /{f = $2} p && ok && /^SHA256: /{s = $2}
        /^$/{if (f != "" && s != "") {print f, s; exit} p = 0; ok = 0; f = ""; s = ""}')
      if [ -n "$entry" ]; then found=$entry; break; fi
    done
    if [ -z "$found" ]; then
      echo "no Debian rust-src package for rustc $version: install the toolchain's rust-src component" >&2
      exit 2
    fi
    set -- $found
    echo "downloading $1" >&2
    curl -fsSL "http://deb.debian.org/debian/$1" -o "$tmp/rust-src.deb" || exit 2
    echo "$2  $tmp/rust-src.deb" | sha256sum -c --quiet || { echo "rust-src: checksum mismatch" >&2; exit 2; }
    mkdir -p "$dest"
    dpkg-deb -x "$tmp/rust-src.deb" "$dest" || exit 2
    rm -rf "$tmp"
  fi
  mkdir -p "$sysroot/lib/rustlib/src"
  ln -sfn "$dest/usr/lib/rustlib/src/rust" "$src"
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
  command -v musl-gcc >/dev/null || need+=(musl-tools)
  command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu)
  if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >"$logs/apt.log" 2>&1 ||
      echo "apt-get install ${need[*]} failed (see $logs/apt.log)" >&2
  fi
fi

installed=$(rustup target list --installed 2>/dev/null || true)
verdicts=()
run() { # run <target> <log name> <cargo args...>: cargo with build-std unless the std is installed
  local t=$1 name=$2; shift 2
  local bs=(-Zbuild-std=std,panic_abort)
  grep -qx "$t" <<<"$installed" && bs=()
  RUSTC_BOOTSTRAP=1 cargo "$@" "${bs[@]}" --target "$t" >"$logs/$t-$name.log" 2>&1
}
for t in "${targets[@]}"; do
  case "$t" in
    x86_64-pc-windows-gnu) cc=x86_64-w64-mingw32-gcc ;;
    x86_64-unknown-linux-musl) cc=musl-gcc ;;
    # A glibc cross gcc compiles the C objects well enough to check (nothing is linked).
    aarch64-unknown-linux-musl) cc=aarch64-linux-gnu-gcc ;;
    x86_64-apple-darwin) cc=${CC_x86_64_apple_darwin:-o64-clang} ;;
    *) cc=${CC:-cc} ;;
  esac
  if ! command -v "$cc" >/dev/null; then
    verdicts+=("$t: skipped (no C cross compiler '$cc' for the build scripts)")
    continue
  fi
  var=CC_${t//-/_}
  export "$var=$cc"
  if ! run "$t" check check --all-targets; then
    verdicts+=("$t: FAILED cargo check (see $logs/$t-check.log)")
    continue
  fi
  warnings=$(grep -c '^warning' "$logs/$t-check.log" || true)
  verdict="$t: check ok ($warnings warnings)"
  if [ "$t" = x86_64-pc-windows-gnu ]; then
    if run "$t" clippy clippy --all-targets -- -D warnings; then verdict+=", clippy ok"
    else verdict+=", clippy FAILED (see $logs/$t-clippy.log)"; fi
  fi
  if [ "${LINK:-0}" = 1 ]; then
    exe=${CARGO_TARGET_DIR:-target}/$t/debug/monorelay
    if run "$t" build build --bin monorelay; then verdict+=", linked $exe"
    else verdict+=", link FAILED (see $logs/$t-build.log)"; fi
    if [ "${WINE:-0}" = 1 ] && [ "$t" = x86_64-pc-windows-gnu ] && [ -f "$exe.exe" ] && command -v wine >/dev/null; then
      wdir=$logs/wine && mkdir -p "$wdir" && cp "$exe.exe" "$wdir/"
      printf '#include <windows.h>\nBOOLEAN WINAPI SystemFunction036(PVOID, ULONG);\n__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) { while (n) { ULONG k = n > 0x40000000 ? 0x40000000 : (ULONG)n; if (!SystemFunction036(d, k)) return FALSE; d += k; n -= k; } return TRUE; }\n' >"$wdir/prng.c"
      printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' >"$wdir/prng.def"
      x86_64-w64-mingw32-gcc -shared -O2 -o "$wdir/bcryptprimitives.dll" "$wdir/prng.c" "$wdir/prng.def" -ladvapi32
      if out=$(WINEPREFIX=$wdir/prefix WINEDEBUG=-all timeout 300 wine "$wdir/monorelay.exe" --version 2>"$wdir/wine.err"); then
        verdict+=", wine: $out"
      else verdict+=", wine run FAILED (see $wdir/wine.err)"; fi
    fi
  fi
  verdicts+=("$verdict")
done
printf '%s\n' "${verdicts[@]}"
! printf '%s\n' "${verdicts[@]}" | grep -q FAILED
