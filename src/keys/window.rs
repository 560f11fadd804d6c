//! Rolling request windows for `usage_window_limits` (5 h, 1 d, 7 d) as a fixed ring of counters,
//! so a busy key costs the same memory on day seven as in its first minute.
//!
//! Precision: buckets are `BUCKET_SECS` = 5 minutes of wall-clock time (unix seconds / 300, so the
//! same bucket means the same thing after a restart). A window of W counts the current, partial
//! bucket and the W / 5 min buckets before it, so a request counts against W for at least W and at
//! most W + 5 min: a limit is never lifted early, and at worst 5 minutes late. The ring holds 2048
//! buckets (7 d is 2016 + 1) of `u32`, 8 KiB per key, allocated at the key's first counted request.
//! Running totals per window make the check on the lease path O(1); they are adjusted when the
//! head moves to a new bucket (once per 5 minutes per key at most).

/// Width of one bucket.
pub const BUCKET_SECS: u64 = 300;
/// Buckets in each window before the current one: 5 h, 1 d, 7 d.
const WINDOW_BUCKETS: [u64; 3] = [5 * 12, 24 * 12, 7 * 24 * 12];
/// Ring length: more than the longest window plus the current bucket.
const RING: usize = 2048;
/// How far back a bucket can still count in some window.
pub const RETAINED_SECS: u64 = (WINDOW_BUCKETS[2] + 1) * BUCKET_SECS;

/// How many buckets window `w` covers, the current one included.
const fn span(w: usize) -> u64 {
    WINDOW_BUCKETS[w] + 1
}

/// Counted requests of one key over the last 7 days, in 5-minute buckets.
#[derive(Debug, Default)]
pub struct Windows {
    /// Index (unix seconds / `BUCKET_SECS`) of the newest bucket.
    head: u64,
    /// `None` until the first counted request.
    counts: Option<Box<[u32]>>,
    /// Requests in each window as of `head`.
    totals: [u64; 3],
    /// The oldest bucket changed since `take_changed` last ran (what the next save must write).
    changed_from: Option<u64>,
}

impl Windows {
    /// Rebuild from saved buckets (`(bucket start in unix seconds, count)`), as of `now_secs`.
    /// Buckets outside every window are dropped; buckets from the future (a clock set back since
    /// they were saved) count in the current one.
    pub fn restored(now_secs: u64, buckets: impl IntoIterator<Item = (u64, u64)>) -> Windows {
        let head = now_secs / BUCKET_SECS;
        let mut w = Windows { head, ..Windows::default() };
        for (start, count) in buckets {
            let b = (start / BUCKET_SECS).min(head);
            if b + span(2) <= head || count == 0 {
                continue;
            }
            let counts = w.counts.get_or_insert_with(|| vec![0; RING].into_boxed_slice());
            let slot = &mut counts[(b % RING as u64) as usize];
            *slot = slot.saturating_add(u32::try_from(count).unwrap_or(u32::MAX));
        }
        w.recompute();
        w
    }

    /// Count one request at `now_secs`.
    pub fn hit(&mut self, now_secs: u64) {
        let b = now_secs / BUCKET_SECS;
        if self.counts.is_none() {
            self.counts = Some(vec![0; RING].into_boxed_slice());
            self.head = b;
            self.totals = [0; 3];
        }
        self.advance(b);
        // A clock set back counts in the newest bucket rather than rewriting history.
        let b = self.head;
        if let Some(counts) = &mut self.counts {
            let slot = &mut counts[(b % RING as u64) as usize];
            *slot = slot.saturating_add(1);
        }
        for t in &mut self.totals {
            *t += 1;
        }
        self.changed_from = Some(self.changed_from.map_or(b, |c| c.min(b)));
    }

    /// Requests in the 5 h, 1 d and 7 d windows at `now_secs`.
    pub fn totals(&mut self, now_secs: u64) -> [u64; 3] {
        self.advance(now_secs / BUCKET_SECS);
        self.totals
    }

    /// When a window whose limit is reached (`limits`: 0 = none) next frees a slot, in unix
    /// seconds: the moment its oldest counted bucket leaves it. `None` when every limit has room.
    pub fn blocked_until(&mut self, limits: &[u64; 3], now_secs: u64) -> Option<u64> {
        self.advance(now_secs / BUCKET_SECS);
        let counts = self.counts.as_ref()?;
        for (w, limit) in limits.iter().enumerate() {
            if *limit == 0 || self.totals[w] < *limit {
                continue;
            }
            let s = span(w);
            let oldest = ((self.head + 1).saturating_sub(s)..=self.head)
                .find(|b| counts[(b % RING as u64) as usize] > 0)
                .unwrap_or(self.head);
            return Some((oldest + s) * BUCKET_SECS);
        }
        None
    }

    /// The buckets changed since the last call, as `(bucket start in unix seconds, count)`, and
    /// forget that they changed. Counts are absolute, so writing one twice is harmless.
    pub fn take_changed(&mut self) -> Vec<(u64, u64)> {
        let (Some(from), Some(counts)) = (self.changed_from.take(), &self.counts) else { return Vec::new() };
        let from = from.max((self.head + 1).saturating_sub(RING as u64));
        // A bucket never drops back to zero while it is in the ring, so empty ones need no write.
        (from..=self.head)
            .map(|b| (b * BUCKET_SECS, u64::from(counts[(b % RING as u64) as usize])))
            .filter(|(_, c)| *c > 0)
            .collect()
    }

    /// Undo `take_changed` after a failed save: those buckets must be written next time.
    pub fn mark_changed(&mut self, from_secs: u64) {
        let b = from_secs / BUCKET_SECS;
        self.changed_from = Some(self.changed_from.map_or(b, |c| c.min(b)));
    }

    /// Move the head to bucket `to`: buckets leaving a window come off its total, and the ring
    /// slots being reused are cleared. A `to` at or before the head (clock set back) is ignored.
    fn advance(&mut self, to: u64) {
        let Some(counts) = &mut self.counts else {
            self.head = self.head.max(to);
            return;
        };
        let head = self.head;
        if to <= head {
            return;
        }
        if to - head >= RING as u64 {
            counts.fill(0);
            self.totals = [0; 3];
            self.head = to;
            return;
        }
        for (w, total) in self.totals.iter_mut().enumerate() {
            let s = span(w);
            // Buckets in (head - s, head] that are no longer in (to - s, to].
            let Some(end) = to.checked_sub(s) else { continue };
            let start = (head + 1).saturating_sub(s);
            for b in start..=end.min(head) {
                *total = total.saturating_sub(u64::from(counts[(b % RING as u64) as usize]));
            }
        }
        for b in head + 1..=to {
            counts[(b % RING as u64) as usize] = 0;
        }
        self.head = to;
    }

    fn recompute(&mut self) {
        self.totals = [0; 3];
        let Some(counts) = &self.counts else { return };
        for (w, total) in self.totals.iter_mut().enumerate() {
            let start = (self.head + 1).saturating_sub(span(w));
            *total = (start..=self.head).map(|b| u64::from(counts[(b % RING as u64) as usize])).sum();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const T0: u64 = 1_750_000_000;
    const HOUR: u64 = 3600;

    /// The same question answered from a plain list of hit times.
    fn naive(hits: &[u64], now: u64) -> [u64; 3] {
        let head = now / BUCKET_SECS;
        let mut out = [0; 3];
        for (w, o) in out.iter_mut().enumerate() {
            *o = hits.iter().filter(|t| (**t / BUCKET_SECS).min(head) + span(w) > head).count() as u64;
        }
        out
    }

    #[test]
    fn a_hit_counts_for_at_least_the_window_and_at_most_one_bucket_more() {
        let mut w = Windows::default();
        let t = T0 + 123;
        w.hit(t);
        assert_eq!(w.totals(t), [1, 1, 1]);
        assert_eq!(w.totals(t + 5 * HOUR - 1), [1, 1, 1]);
        assert_eq!(w.totals(t + 5 * HOUR + BUCKET_SECS), [0, 1, 1]);
        assert_eq!(w.totals(t + 24 * HOUR - 1), [0, 1, 1]);
        assert_eq!(w.totals(t + 24 * HOUR + BUCKET_SECS), [0, 0, 1]);
        assert_eq!(w.totals(t + 7 * 24 * HOUR - 1), [0, 0, 1]);
        assert_eq!(w.totals(t + 7 * 24 * HOUR + BUCKET_SECS), [0, 0, 0]);
    }

    #[test]
    fn blocked_until_is_when_the_oldest_bucket_leaves() {
        let mut w = Windows::default();
        w.hit(T0);
        w.hit(T0 + HOUR);
        assert_eq!(w.blocked_until(&[3, 0, 0], T0 + HOUR), None);
        let until = w.blocked_until(&[2, 0, 0], T0 + HOUR).unwrap();
        assert!((T0 + 5 * HOUR..=T0 + 5 * HOUR + BUCKET_SECS).contains(&until), "{until}");
        // Once the first hit has left, one slot is free again.
        assert_eq!(w.blocked_until(&[2, 0, 0], until), None);
        // The 7-day limit is reached too, and frees its slot later.
        let week = w.blocked_until(&[0, 0, 2], T0 + HOUR).unwrap();
        assert!(week >= T0 + 7 * 24 * HOUR, "{week}");
    }

    #[test]
    fn matches_a_plain_list_over_irregular_traffic() {
        let mut w = Windows::default();
        let mut hits = Vec::new();
        fastrand::seed(11);
        let mut t = T0;
        for _ in 0..3000 {
            // Bursts, pauses of hours, and now and then a gap longer than the ring.
            t += match fastrand::u8(..100) {
                0 => 9 * 24 * HOUR,
                1..=10 => fastrand::u64(..12 * HOUR),
                _ => fastrand::u64(..400),
            };
            w.hit(t);
            hits.push(t);
            if fastrand::u8(..10) == 0 {
                let later = t + fastrand::u64(..8 * 24 * HOUR);
                assert_eq!(w.totals(later), naive(&hits, later), "at {later}");
                t = later;
            }
            assert_eq!(w.totals(t), naive(&hits, t), "at {t}");
        }
    }

    #[test]
    fn a_clock_set_back_counts_in_the_newest_bucket() {
        let mut w = Windows::default();
        w.hit(T0 + HOUR);
        w.hit(T0);
        assert_eq!(w.totals(T0 + HOUR), [2, 2, 2]);
        assert_eq!(w.take_changed(), vec![((T0 + HOUR) / BUCKET_SECS * BUCKET_SECS, 2)]);
    }

    #[test]
    fn changed_buckets_round_trip_through_restore() {
        let mut w = Windows::default();
        w.hit(T0);
        w.hit(T0 + 10);
        w.hit(T0 + 2 * HOUR);
        let saved = w.take_changed();
        assert_eq!(saved, vec![(T0 / BUCKET_SECS * BUCKET_SECS, 2), ((T0 + 2 * HOUR) / BUCKET_SECS * BUCKET_SECS, 1)]);
        assert!(w.take_changed().is_empty(), "nothing changed since");
        w.hit(T0 + 2 * HOUR + 1);
        let again = w.take_changed();
        assert_eq!(again, vec![((T0 + 2 * HOUR) / BUCKET_SECS * BUCKET_SECS, 2)]);
        // Later values overwrite earlier ones for the same bucket, as the database would.
        let mut table = std::collections::BTreeMap::new();
        table.extend(saved);
        table.extend(again);
        let now = T0 + 6 * HOUR;
        let mut r = Windows::restored(now, table.clone());
        assert_eq!(r.totals(now), [2, 4, 4]);
        assert_eq!(r.totals(now), w.totals(now));
        // Buckets older than seven days are not restored at all.
        let mut old = Windows::restored(T0 + 8 * 24 * HOUR, table);
        assert_eq!(old.totals(T0 + 8 * 24 * HOUR), [0, 0, 0]);
    }
}
