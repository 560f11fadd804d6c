//! Memory handed back to the system after load. glibc keeps the pages a burst freed inside its
//! arenas (measured: RSS 3 s after 500 streams at 2.1× idle), so once the relay is quiet — no
//! request in flight and none started for a whole tick, after some had — `trim_when_idle` asks
//! glibc to return them (`malloc_trim(0)`; with the thresholds below, 1.43–1.48× idle after
//! 10 s of load and 500 streams), on each of the first `TRIMS_PER_QUIET_SPELL` quiet ticks.
//! Before a trim it closes the upstream connections a burst left idle, all but
//! `KEEP_PER_UPSTREAM` per upstream on each serving thread (`providers::direct`, whose pool is
//! per runtime): each held its buffers in pages the burst scattered, which kept those pages from
//! being returned (measured with hyper-util's pool, ~36 KB a connection). The trim is a no-op on
//! other platforms and C libraries; nothing is done while requests keep coming.
//!
//! The trim walks each arena's free lists, but the top of a thread's heap (glibc gives each
//! allocating thread an arena of its own: the serving threads, the log writer) is handed back
//! only when a free reaches it and it exceeds the trim threshold — and glibc raises that
//! threshold (to twice the largest block it ever mapped on its own, up to 64 MiB) as soon as a
//! large buffer is freed. After a burst, the thread heaps kept up to megabytes at their tops
//! that no trim returned (the writer's: 2.9 MB resident for 1.1 MB in use). `trim_when_idle`
//! first fixes both thresholds (`pin_thresholds`: blocks from 1 MiB up mapped on their own, a
//! heap's top kept to 512 KiB), which stops their drift (measured, three pairs: RSS 3 s after
//! load 13.1–13.8 → 11.7–12.1 MB against 8.1–8.4 MB idle; no more system calls per request).
//!
//! Code pages too: the kernel maps the executable's pages in large runs (fault-around, and on
//! recent kernels the page cache's whole large folio, 128 KiB and more), so start-up code run
//! once (argument parsing, config loading, opening the log) and whatever shares a run with it
//! stay resident, several MB of them. One quiet second after the start, and again with each
//! trim, `drop_code_pages` unmaps the executable's code and read-only data that nothing modified
//! (`MADV_DONTNEED`): the pages stay in the page cache, and the code a request runs next is
//! mapped again at its next touch. Linux only; elsewhere a no-op.

use crate::relay::IN_FLIGHT;
use crate::runtime::Shared;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// How long the relay must be quiet before the freed memory is given back.
const QUIET: Duration = Duration::from_secs(1);

/// Idle upstream connections kept per upstream (and serving thread: a thread uses only the
/// connections it opened) through a quiet spell: enough for light traffic to find a warm
/// connection (no new TCP and TLS handshake); a burst's others are closed.
pub const KEEP_PER_UPSTREAM: usize = 4;

/// Give freed heap pages back to the system (glibc), where that is possible.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn trim() {
    // SAFETY: malloc_trim takes no pointers; it walks glibc's own arenas under their locks and
    // only releases pages that hold no allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Give freed heap pages back to the system (glibc), where that is possible.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn trim() {}

/// Blocks from this size up are mapped on their own and unmapped when freed.
const MMAP_THRESHOLD: i32 = 1 << 20;
/// Free memory at the top of a heap beyond this is handed back when a free reaches it.
const TRIM_THRESHOLD: i32 = 512 << 10;

/// Fix glibc's mmap and trim thresholds (see the module documentation); idempotent.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn pin_thresholds() {
    // SAFETY: mallopt takes two integers and sets glibc's allocator parameters under its lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

/// Fix the allocator's thresholds: a no-op without glibc.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn pin_thresholds() {}

/// Unmap this executable's clean code and read-only data pages; returns the kB that were
/// resident in the mappings it unmapped.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
pub fn drop_code_pages() -> u64 {
    let (Ok(exe), Ok(smaps)) = (std::fs::read_link("/proc/self/exe"), std::fs::read_to_string("/proc/self/smaps"))
    else {
        return 0;
    };
    let mut dropped = 0;
    for m in clean_code_mappings(&smaps, &exe.to_string_lossy()) {
        // SAFETY: the range is a whole mapping of this process (from /proc/self/smaps): a private
        // mapping of the running executable, code or read-only data, with no anonymous page
        // (`Anonymous` 0: no page was copied on write, so no relocation or breakpoint lives
        // there; `Private_Dirty` only says the file's own page-cache page is not yet written
        // back, as after a fresh build). MADV_DONTNEED only removes page-table entries; the next
        // access maps the same bytes from the page cache (a running executable cannot be written:
        // ETXTBSY), so no memory the program holds changes or goes away.
        let r = unsafe { libc::madvise(m.start as *mut libc::c_void, m.len, libc::MADV_DONTNEED) };
        if r == 0 {
            dropped += m.rss_kb;
        }
    }
    dropped
}

/// Unmap this executable's clean code and read-only data pages (Linux only).
#[cfg(not(target_os = "linux"))]
pub fn drop_code_pages() -> u64 {
    0
}

/// One mapping `drop_code_pages` may unmap.
#[derive(Debug, PartialEq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
struct CodeMapping {
    start: usize,
    len: usize,
    rss_kb: u64,
}

/// From `/proc/self/smaps`: the mappings of `exe` that hold code (`r-xp`) or the read-only data
/// at the file's start (`r--p`, offset 0 — not the RELRO part, which the loader wrote), with no
/// anonymous (copied-on-write) page.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn clean_code_mappings(smaps: &str, exe: &str) -> Vec<CodeMapping> {
    let mut out = Vec::new();
    // The mapping being read: (start, len, wanted), then its Rss and whether it is clean.
    let mut cur: Option<(usize, usize, bool)> = None;
    let (mut rss, mut clean) = (0u64, true);
    let finish = |cur: Option<(usize, usize, bool)>, rss: u64, clean: bool, out: &mut Vec<CodeMapping>| {
        if let Some((start, len, true)) = cur {
            if clean {
                out.push(CodeMapping { start, len, rss_kb: rss });
            }
        }
    };
    for line in smaps.lines() {
        let mut f = line.split_whitespace();
        let first = f.next().unwrap_or("");
        if let Some((a, b)) = first.split_once('-') {
            if let (Ok(start), Ok(end)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16)) {
                finish(cur.take(), rss, clean, &mut out);
                let perms = f.next().unwrap_or("");
                let offset = f.next().unwrap_or("");
                let path = f.nth(2).map(|_| line.splitn(6, char::is_whitespace).last().unwrap_or("").trim());
                let wanted =
                    path == Some(exe) && (perms == "r-xp" || (perms == "r--p" && offset.bytes().all(|b| b == b'0')));
                cur = Some((start, end.saturating_sub(start), wanted));
                (rss, clean) = (0, true);
                continue;
            }
        }
        let kb = f.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        match first {
            "Rss:" => rss = kb,
            "Anonymous:" if kb > 0 => clean = false,
            _ => {}
        }
    }
    finish(cur, rss, clean, &mut out);
    out
}

/// Quiet ticks after load on which the relay trims: not only the first. Memory a burst held can
/// be freed after that first trim (measured: a `malloc_trim` 3 s after 500 streams still
/// returned 5.8 MB in one run of two), and a trim of an idle relay costs a millisecond or two.
const TRIMS_PER_QUIET_SPELL: u32 = 3;

/// For a tick that saw `started` requests started so far (and `in_flight` now), after a tick
/// that saw `previous`, with `left` trims owed: whether to trim now, and the trims then owed.
/// Load (a request started, or one in flight) owes a fresh `TRIMS_PER_QUIET_SPELL`; each quiet
/// tick pays one.
fn trim_now(started: u64, in_flight: u64, previous: u64, left: u32) -> (bool, u32) {
    if started != previous || in_flight > 0 {
        (false, TRIMS_PER_QUIET_SPELL)
    } else if left > 0 {
        (true, left - 1)
    } else {
        (false, 0)
    }
}

/// Runs for the server's life: at once fixes the allocator's thresholds (idempotent, so a
/// restart after a panic does no harm); a second after the start, drops the start-up code's
/// pages; then on the first quiet ticks each time the relay goes quiet after serving requests,
/// sheds idle upstream connections beyond `KEEP_PER_UPSTREAM` per upstream, trims, and drops the
/// code pages again.
pub async fn trim_when_idle(shared: Arc<Shared>) {
    pin_thresholds();
    let mut tick = tokio::time::interval(QUIET);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The start-up code, once the relay has been up for a quiet second.
    tick.tick().await;
    tick.tick().await;
    let _ = tokio::task::spawn_blocking(drop_code_pages).await;
    let (mut previous, mut left) = (0, 0);
    loop {
        tick.tick().await;
        let started = IN_FLIGHT.started.load(Ordering::Relaxed);
        let in_flight = IN_FLIGHT.requests.load(Ordering::Relaxed);
        let now;
        (now, left) = trim_now(started, in_flight, previous, left);
        if now {
            // Connections first, so that what they held is free when the trim walks the arenas.
            shared.shed_idle_connections(KEEP_PER_UPSTREAM);
            // Walking the arenas (and reading smaps) takes a moment: off the runtime's workers.
            let _ = tokio::task::spawn_blocking(|| {
                trim();
                drop_code_pages();
            })
            .await;
        }
        previous = started;
    }
}

#[cfg(test)]
mod tests {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    use super::pin_thresholds;
    use super::{CodeMapping, TRIMS_PER_QUIET_SPELL, clean_code_mappings, trim_now};

    #[test]
    fn only_clean_code_and_leading_read_only_data_of_the_executable_are_chosen() {
        let smaps = "\
55d000000000-55d000010000 r--p 00000000 fe:00 42        /opt/monorelay
Rss:                  40 kB
Private_Dirty:         0 kB
Anonymous:             0 kB
55d000010000-55d000030000 r-xp 00010000 fe:00 42        /opt/monorelay
Rss:                 128 kB
Private_Dirty:       128 kB
Anonymous:             0 kB
55d000030000-55d000032000 r--p 00030000 fe:00 42        /opt/monorelay
Rss:                   8 kB
Private_Dirty:         8 kB
Anonymous:             8 kB
55d000032000-55d000033000 rw-p 00032000 fe:00 42        /opt/monorelay
Rss:                   4 kB
Private_Dirty:         4 kB
Anonymous:             4 kB
7f0000000000-7f0000001000 r-xp 00000000 fe:00 43        /usr/lib/libc.so.6
Rss:                   4 kB
Private_Dirty:         0 kB
Anonymous:             0 kB
7f0000010000-7f0000020000 r-xp 00000000 fe:00 44        /opt/monorelay-old
Rss:                  64 kB
Private_Dirty:         0 kB
";
        assert_eq!(
            clean_code_mappings(smaps, "/opt/monorelay"),
            vec![
                CodeMapping { start: 0x55d000000000, len: 0x10000, rss_kb: 40 },
                CodeMapping { start: 0x55d000010000, len: 0x20000, rss_kb: 128 },
            ]
        );
        // A code page someone wrote (a debugger's breakpoint: an anonymous copy) keeps its whole
        // mapping mapped; a page-cache page not yet written back (a fresh build) does not.
        let dirty = smaps.replacen(
            "Private_Dirty:       128 kB\nAnonymous:             0 kB\n55d000030000",
            "Private_Dirty:       128 kB\nAnonymous:             4 kB\n55d000030000",
            1,
        );
        assert_eq!(
            clean_code_mappings(&dirty, "/opt/monorelay"),
            vec![CodeMapping { start: 0x55d000000000, len: 0x10000, rss_kb: 40 }]
        );
        // A path with spaces, and a replaced executable (" (deleted)").
        let spaced = "1000-2000 r-xp 00001000 fe:00 9     /opt/my relay (deleted)\nRss: 4 kB\n";
        assert_eq!(
            clean_code_mappings(spaced, "/opt/my relay (deleted)"),
            vec![CodeMapping { start: 0x1000, len: 0x1000, rss_kb: 4 }]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dropping_code_pages_unmaps_them_and_the_program_runs_on() {
        // This test binary's own code: unmapped, then run again (this very function, the reads).
        // Other tests run meanwhile and map some back, so of three tries one must show the drop.
        let exe = std::fs::read_link("/proc/self/exe").expect("exe").to_string_lossy().into_owned();
        let resident = || -> u64 {
            let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps");
            clean_code_mappings(&smaps, &exe).iter().map(|m| m.rss_kb).sum()
        };
        let tries: Vec<(u64, u64)> = (0..3).map(|_| (super::drop_code_pages(), resident())).collect();
        assert!(tries.iter().any(|(before, after)| after < before), "before → after (kB): {tries:?}");
        assert!(tries.iter().all(|(before, _)| *before > 0), "{tries:?}");
    }

    #[test]
    fn trims_on_the_first_quiet_ticks_after_load_only() {
        // Nothing served yet: nothing to give back.
        assert_eq!(trim_now(0, 0, 0, 0), (false, 0));
        // Requests started during the last tick, or one still in flight: not quiet; trims owed.
        assert_eq!(trim_now(10, 0, 5, 0), (false, TRIMS_PER_QUIET_SPELL));
        assert_eq!(trim_now(10, 1, 10, 1), (false, TRIMS_PER_QUIET_SPELL));
        // Quiet ticks after load: one trim each while any is owed, then none until more load.
        let mut left = TRIMS_PER_QUIET_SPELL;
        for _ in 0..TRIMS_PER_QUIET_SPELL {
            let now;
            (now, left) = trim_now(10, 0, 10, left);
            assert!(now);
        }
        assert_eq!(trim_now(10, 0, 10, left), (false, 0));
        assert_eq!(trim_now(12, 0, 10, 0), (false, TRIMS_PER_QUIET_SPELL));
        assert_eq!(trim_now(12, 0, 12, TRIMS_PER_QUIET_SPELL), (true, TRIMS_PER_QUIET_SPELL - 1));
    }

    /// Run by the test below in a process of its own (a heap no other test has used; a large
    /// block is mapped only when no free space in the heap fits it): after a block larger than
    /// any threshold is freed, are blocks just over 1 MiB still mapped on their own? glibc puts a
    /// mapped block 16 bytes into its first page. Prints the answer.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    #[ignore = "run in a fresh process by pinned_thresholds_keep_large_blocks_mapped_after_a_larger_one_is_freed"]
    fn large_blocks_after_a_larger_one_is_freed() {
        if std::env::var_os("MONORELAY_TEST_PIN").is_some() {
            pin_thresholds();
        }
        drop(std::hint::black_box(Vec::<u8>::with_capacity(8 << 20)));
        let blocks: Vec<Vec<u8>> = (0..3).map(|i| Vec::with_capacity((1 << 20) + (i + 1) * 100_000)).collect();
        let mapped = blocks.iter().filter(|b| b.as_ptr() as usize % 4096 == 16).count();
        println!("mapped-blocks={mapped}");
    }

    /// Unpinned, glibc raises its mmap threshold to the size of a mapped block once it is freed,
    /// so the next large blocks come from the heap (whose top then stays); pinned, they do not.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn pinned_thresholds_keep_large_blocks_mapped_after_a_larger_one_is_freed() {
        let mapped = |pin: bool| {
            let mut cmd = std::process::Command::new(std::env::current_exe().expect("test binary"));
            cmd.args(["--exact", "mem::tests::large_blocks_after_a_larger_one_is_freed", "--ignored", "--nocapture"]);
            cmd.env_remove("MONORELAY_TEST_PIN").env_remove("GLIBC_TUNABLES");
            if pin {
                cmd.env("MONORELAY_TEST_PIN", "1");
            }
            let out = cmd.output().expect("run the test binary");
            let text = String::from_utf8_lossy(&out.stdout);
            let n = text.lines().find_map(|l| l.strip_prefix("mapped-blocks=")).map(str::to_owned);
            n.and_then(|n| n.parse::<usize>().ok()).unwrap_or_else(|| panic!("no answer from the child: {text}"))
        };
        assert_eq!(mapped(true), 3, "pinned: every block just over 1 MiB is mapped on its own");
        assert_eq!(mapped(false), 0, "unpinned: glibc raised its threshold, the blocks came from the heap");
    }
}
