//! The redb backend on real files: append, query filters and paging, bodies, stats, retention.

use super::*;
use crate::record::Tokens;

fn entry(id_ms: u64, model: &str, provider: &str, status: u16) -> LogEntry {
    let id = id_at_ms(id_ms) | (ID_COUNTER.fetch_add(1, Ordering::Relaxed) & 0xfff);
    LogEntry {
        id,
        started_at_ms: id_ms,
        requested_model: model.into(),
        model: Some(model.into()),
        provider: Some(provider.into()),
        key_label: Some("k1".into()),
        status,
        latency_ms: 120.0,
        ttfb_ms: Some(40.0),
        tokens: Some(Tokens { input: 10, output: 5, cache_read: 0, cache_write: 0 }),
        cost_usd: Some(0.5),
        error_kind: (status >= 400).then(|| "upstream".into()),
        ..LogEntry::default()
    }
}

fn open() -> (tempfile::TempDir, RedbStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = RedbStore::open(&dir.path().join(DB_FILE)).unwrap();
    (dir, s)
}

#[test]
fn ids_are_time_ordered_and_short_ids_roundtrip() {
    let t = SystemTime::now();
    let a = new_id(t);
    let b = new_id(t + std::time::Duration::from_millis(1));
    assert!(a < b);
    assert_eq!(parse_id(&short_id(a)), Some(a));
    assert_eq!(parse_id(&a.to_string()), Some(a));
    assert_eq!(id_ms(a), unix_ms(t));
}

#[test]
fn query_filters_pages_and_gets() {
    let (_d, s) = open();
    let base = 1_700_000_000_000u64;
    let rows: Vec<Row> = (0..30u64)
        .map(|i| Row {
            entry: entry(
                base + i * 1000,
                if i % 2 == 0 { "gpt-4o" } else { "claude-x" },
                "p",
                if i % 5 == 0 { 502 } else { 200 },
            ),
            bodies: (i == 3).then(|| {
                StoredBodies { request: b"{}".to_vec(), response: b"{\"r\":1}".to_vec(), ..Default::default() }
                    .encode()
                    .unwrap()
            }),
        })
        .collect();
    s.append(&rows).unwrap();
    let page = s.query(&LogQuery { limit: Some(10), ..Default::default() }).unwrap();
    assert_eq!(page.entries.len(), 10);
    assert_eq!(page.entries[0].started_at_ms, base + 29_000, "newest first");
    let page2 = s.query(&LogQuery { limit: Some(10), after: page.next, ..Default::default() }).unwrap();
    assert_eq!(page2.entries[0].started_at_ms, base + 19_000);
    let errors = s.query(&LogQuery { status: Some("error".into()), limit: Some(100), ..Default::default() }).unwrap();
    assert_eq!(errors.entries.len(), 6);
    assert!(errors.next.is_none());
    let five = s.query(&LogQuery { status: Some("5xx".into()), ..Default::default() }).unwrap();
    assert_eq!(five.entries.len(), 6);
    let claude = s
        .query(&LogQuery {
            model: Some("CLAUDE".into()),
            since_ms: Some(base + 10_000),
            until_ms: Some(base + 20_000),
            oldest_first: true,
            ..Default::default()
        })
        .unwrap();
    let times: Vec<u64> = claude.entries.iter().map(|e| e.started_at_ms - base).collect();
    assert_eq!(times, vec![11_000, 13_000, 15_000, 17_000, 19_000]);
    assert!(s.query(&LogQuery { provider: Some("other".into()), ..Default::default() }).unwrap().entries.is_empty());
    let (e, b) = s.get(rows[3].entry.id).unwrap().unwrap();
    assert_eq!(e.short_id, short_id(e.id));
    assert_eq!(b.unwrap().response, b"{\"r\":1}");
    assert!(s.get(rows[4].entry.id).unwrap().unwrap().1.is_none());
    assert!(s.get(1).unwrap().is_none());
}

#[test]
fn stats_group_and_retention_keeps_aggregates() {
    let (_d, s) = open();
    let now = unix_ms(SystemTime::now());
    let old = now - 40 * 86_400_000;
    let rows = vec![
        Row { entry: entry(old, "m1", "a", 200), bodies: Some(vec![1u8; 5000]) },
        Row { entry: entry(old + 1, "m1", "a", 500), bodies: None },
        Row { entry: entry(now - 1000, "m2", "b", 200), bodies: None },
    ];
    s.append(&rows).unwrap();
    let by_model = s.stats(0, now + 1, GroupBy::Model).unwrap();
    assert_eq!(by_model["m1"].requests, 2);
    assert_eq!(by_model["m1"].errors, 1);
    assert_eq!(by_model["m2"].input_tokens, 10);
    assert!((by_model["m1"].cost_usd - 1.0).abs() < 1e-9);
    let (n, bytes) = s.size().unwrap();
    assert_eq!(n, 3);
    assert!(bytes > 5000);
    let e = s.expire(Some(now - 30 * 86_400_000), None, 100).unwrap();
    assert_eq!((e.records, e.more), (2, false));
    assert_eq!(s.size().unwrap().0, 1);
    assert!(s.size().unwrap().1 < 1000, "the bodies' bytes were released");
    let total = s.stats(0, now + 1, GroupBy::Total).unwrap();
    assert_eq!(total["total"].requests, 3, "aggregates outlive raw logs");
    // Size cap: everything over the cap goes, oldest first, in small steps.
    s.append(&[Row { entry: entry(now - 500, "m3", "b", 200), bodies: Some(vec![2u8; 10_000]) }]).unwrap();
    let e = s.expire(None, Some(1000), 1).unwrap();
    assert_eq!((e.records, e.more), (1, true));
    let e = s.expire(None, Some(1000), 1).unwrap();
    assert_eq!(e.records, 1);
    assert_eq!(s.size().unwrap().0, 0);
    assert_eq!(s.clear().unwrap(), 0);
}

#[test]
fn records_from_other_versions_read() {
    // A later version added a field: this one ignores it. An earlier one lacked most: defaults.
    let mut bytes = vec![ENTRY_FORMAT];
    bytes.extend_from_slice(br#"{"id":5,"status":200,"future_field":{"x":1}}"#);
    let e = LogEntry::decode(&bytes).unwrap();
    assert_eq!((e.id, e.status, e.tokens), (5, 200, None));
    assert!(LogEntry::decode(&[9, b'{', b'}']).unwrap_err().0.contains("newer"));
}

#[test]
fn a_second_open_of_the_same_file_fails_clearly() {
    let (d, _s) = open();
    let err = RedbStore::open(&d.path().join(DB_FILE)).unwrap_err();
    assert!(err.0.contains("in use by another process"), "{err}");
}

#[test]
fn aggregates_summed_over_many_commits_match_what_a_reopened_file_reads() {
    // `append` merges each group into the aggregate rows it last committed (not read back):
    // the rows on disk must still be the sum of every group, across hours and after a reopen.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let now = unix_ms(SystemTime::now());
    let hour_ago = now - 3_600_000;
    {
        let s = RedbStore::open(&path).unwrap();
        for group in 0..20u64 {
            let rows: Vec<Row> = (0..5u64)
                .map(|i| {
                    let at = if i == 4 { hour_ago } else { now - 1000 + group };
                    Row { entry: entry(at, if i % 2 == 0 { "m1" } else { "m2" }, "p", 200), bodies: None }
                })
                .collect();
            s.append(&rows).unwrap();
        }
        let by_model = s.stats(0, now + 1, GroupBy::Model).unwrap();
        assert_eq!((by_model["m1"].requests, by_model["m2"].requests), (60, 40));
        // Retention of old aggregates leaves the current ones (and their cache) alone.
        s.expire(None, None, 100).unwrap();
        s.append(&[Row { entry: entry(now - 10, "m1", "p", 500), bodies: None }]).unwrap();
    }
    let s = RedbStore::open(&path).unwrap();
    let by_model = s.stats(0, now + 1, GroupBy::Model).unwrap();
    assert_eq!((by_model["m1"].requests, by_model["m1"].errors, by_model["m2"].requests), (61, 1, 40));
    assert_eq!(by_model["m1"].input_tokens, 610);
    let by_hour = s.stats(0, now + 1, GroupBy::Hour).unwrap();
    assert_eq!(by_hour.values().map(|a| a.requests).sum::<u64>(), 101);
    assert_eq!(by_hour[&format!("{}", hour_ago / 3_600_000 * 3600)].requests, 20);
}
