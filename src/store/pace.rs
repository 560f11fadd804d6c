//! `Pace`: the writer thread's manners on a shared core. A group commit is milliseconds of CPU
//! (hundreds of records to enrich, redact, encode and insert); a request whose worker wakes on the
//! same core waited for the scheduler to end the writer's slice (measured: c=1 with client,
//! relay and upstream on one core, p99 +4.4 ms with logging on, +0.1 ms with it off). Offered
//! every `SLICE` of work, `sched_yield` lets a waiting worker run first and costs ~1 µs when
//! nobody waits. Work comes in records (`step`, the clock read every few) and in blocks of up to
//! 256 KiB copied into the database's pages (`big_step`, the clock read each time): with only the
//! records paced, a group's blocks ran 1–1.5 ms at a stretch, and the same p99 was 1.2 ms; with
//! the blocks paced too, 0.73–1.19 ms in four runs (three under 0.86). Lowering the thread's
//! priority instead starves it under load and the queue's backpressure then stalls requests
//! (measured worse: p99 40–95 ms; and with `nice` 3–19 or `SCHED_IDLE`, 1.4–16 ms).

use std::time::{Duration, Instant};

/// Work between two offers of the CPU.
const SLICE: Duration = Duration::from_micros(200);
/// Steps between two looks at the clock.
const CHECK_EVERY: u32 = 8;

pub struct Pace {
    since: Instant,
    steps: u32,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace::new()
    }
}

impl Pace {
    pub fn new() -> Pace {
        Pace { since: Instant::now(), steps: 0 }
    }

    /// One step of work done (a record): yield the CPU if a `SLICE` has passed since the last
    /// time. Returns whether it yielded.
    pub fn step(&mut self) -> bool {
        self.steps = self.steps.wrapping_add(1);
        self.steps % CHECK_EVERY == 0 && self.offer()
    }

    /// One large step of work done (a block of records): look at the clock now.
    pub fn big_step(&mut self) -> bool {
        self.steps = 0;
        self.offer()
    }

    fn offer(&mut self) -> bool {
        if self.since.elapsed() < SLICE {
            return false;
        }
        std::thread::yield_now();
        self.since = Instant::now();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yields_only_after_a_slice_of_work_and_only_every_few_steps() {
        let mut p = Pace::new();
        std::thread::sleep(SLICE * 2);
        // A slice has passed, but the clock is looked at only every CHECK_EVERY steps.
        for _ in 1..CHECK_EVERY {
            assert!(!p.step());
        }
        assert!(p.step());
        std::thread::sleep(SLICE * 2);
        let yields = (0..CHECK_EVERY).filter(|_| p.step()).count();
        assert_eq!(yields, 1);
        // A large step looks at the clock every time; a small one only every CHECK_EVERY steps.
        std::thread::sleep(SLICE * 2);
        assert!(!p.step());
        assert!(p.big_step());
    }
}
