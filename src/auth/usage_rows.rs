//! Relay-key usage rows when several relays share the store (PostgreSQL). Each relay writes its own
//! row per key, named `<prefix>@<instance>` (`row_id`), so no relay overwrites another's counts;
//! a listing sums every row of a key (`sum_rows`): requests, tokens of the current day, cost of
//! the current month and requests of the current minute add up, `last_used_ms` is the latest. A
//! row named by the bare prefix (written before rows carried the instance, or by a relay on its
//! own store) counts as one more relay's row. On a store one relay owns the row is the bare
//! prefix, as it always was.

use super::limits::{KeyUsage, Windows};
use std::collections::HashMap;

/// Separates the key prefix from the instance in a row id (never in a prefix: `mr-` + base62).
const SEP: char = '@';

/// The usage row id of `prefix` written by `instance` (`None`: the relay owns its store).
pub(crate) fn row_id(prefix: &str, instance: Option<&str>) -> String {
    match instance {
        Some(i) => format!("{prefix}{SEP}{i}"),
        None => prefix.to_string(),
    }
}

/// The key prefix a usage row id belongs to.
pub(crate) fn prefix_of(id: &str) -> &str {
    id.split_once(SEP).map_or(id, |(p, _)| p)
}

/// `u` with `other` added, both read in windows `w`.
pub(crate) fn add(u: &KeyUsage, other: &KeyUsage, w: &Windows) -> KeyUsage {
    let (a, b) = (u.current(w), other.current(w));
    KeyUsage {
        last_used_ms: a.last_used_ms.max(b.last_used_ms),
        minute: w.minute,
        minute_requests: a.minute_requests.saturating_add(b.minute_requests),
        day: w.day,
        day_tokens: a.day_tokens.saturating_add(b.day_tokens),
        month: w.month,
        month_cost_usd: a.month_cost_usd + b.month_cost_usd,
        requests: a.requests.saturating_add(b.requests),
    }
}

/// Every key's usage summed over the stored rows of the other relays (all rows but `own_id`'s
/// of each key) and this relay's own counters `own`, in windows `w`.
pub(crate) fn sum_rows(
    rows: impl IntoIterator<Item = (String, KeyUsage)>,
    own: &HashMap<String, KeyUsage>,
    own_id: impl Fn(&str) -> String,
    w: &Windows,
) -> HashMap<String, KeyUsage> {
    let mut out: HashMap<String, KeyUsage> = own.iter().map(|(p, u)| (p.clone(), u.current(w))).collect();
    for (id, u) in rows {
        let prefix = prefix_of(&id);
        if id == own_id(prefix) && own.contains_key(prefix) {
            continue;
        }
        let sum = out.get(prefix).map_or_else(|| u.current(w), |s| add(s, &u, w));
        out.insert(prefix.to_string(), sum);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn used(requests: u64, tokens: u64, last: u64, w: &Windows) -> KeyUsage {
        KeyUsage {
            last_used_ms: Some(last),
            minute: w.minute,
            minute_requests: 1,
            day: w.day,
            day_tokens: tokens,
            month: w.month,
            month_cost_usd: 0.5,
            requests,
        }
    }

    #[test]
    fn rows_of_every_relay_and_the_old_bare_row_add_up_and_the_own_row_counts_once() {
        let w = Windows::at(1_700_000_000_000);
        let own: HashMap<String, KeyUsage> = [("mr-aaaa".to_string(), used(3, 30, 5, &w))].into();
        let mut stale = used(100, 1000, 1, &w);
        stale.day = w.day - 1;
        let rows = vec![
            (row_id("mr-aaaa", Some("a:1")), used(2, 20, 4, &w)), // own row, older than memory
            (row_id("mr-aaaa", Some("b:2")), used(4, 40, 9, &w)),
            ("mr-aaaa".to_string(), stale),
            (row_id("mr-bbbb", Some("b:2")), used(1, 10, 2, &w)),
        ];
        let sum = sum_rows(rows, &own, |p| row_id(p, Some("a:1")), &w);
        let a = &sum["mr-aaaa"];
        assert_eq!(a.requests, 3 + 4 + 100);
        assert_eq!(a.day_tokens, 30 + 40, "yesterday's tokens are not today's");
        assert_eq!(a.minute_requests, 3);
        assert!((a.month_cost_usd - 1.5).abs() < 1e-9);
        assert_eq!(a.last_used_ms, Some(9));
        assert_eq!(sum["mr-bbbb"].requests, 1);
        assert_eq!(prefix_of(&row_id("mr-aaaa", Some("h:1@x"))), "mr-aaaa");
    }
}
