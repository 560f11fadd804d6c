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
    // The edges of the base-36 form: one digit, a carry, and the widest u64 (13 digits).
    assert_eq!(short_id(0), "0");
    assert_eq!(short_id(35), "z");
    assert_eq!(short_id(36), "10");
    assert_eq!(short_id(u64::MAX), "3w5e11264sgsf");
    assert_eq!(parse_id("3w5e11264sgsf"), Some(u64::MAX));
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

/// Bodies with a response of `n` letters that zstd does not shrink much, distinct per `seed`.
fn stored_bodies(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let response = (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b'a' + (x % 26) as u8
        })
        .collect();
    StoredBodies {
        request: format!("{{\"seed\":{seed}}}").into_bytes(),
        upstream_request: (seed % 3 == 0).then(|| b"{\"up\":true}".to_vec()),
        response,
        response_kind: ResponseKind::Json,
        ..Default::default()
    }
    .encode()
    .unwrap()
}

/// The entry as the block layout stores it.
fn compact(e: &LogEntry) -> Vec<u8> {
    let mut out = Vec::new();
    e.encode_compact(&mut out);
    out
}

/// What `get` and `query` return for a written entry.
fn as_read(e: &LogEntry) -> LogEntry {
    LogEntry { short_id: short_id(e.id), ..e.clone() }
}

/// Write rows as versions before the block layout did: `logs` and `bodies`, their bytes in `meta`.
fn append_old_layout(s: &RedbStore, rows: &[Row]) {
    let tx = s.db.begin_write().unwrap();
    {
        let mut logs = tx.open_table(LOGS).unwrap();
        let mut bodies = tx.open_table(BODIES).unwrap();
        let mut meta = tx.open_table(META).unwrap();
        let mut added = 0i128;
        for r in rows {
            let enc = r.entry.encode().unwrap();
            added += enc.len() as i128;
            logs.insert(r.entry.id, enc.as_slice()).unwrap();
            if let Some(b) = &r.bodies {
                added += b.len() as i128;
                bodies.insert(r.entry.id, b.as_slice()).unwrap();
            }
        }
        add_meta(&mut meta, META_LOG_BYTES, added).unwrap();
    }
    tx.commit().unwrap();
}

/// Rows (blocks, live counts, index rows) of the block layout's tables.
fn block_tables(s: &RedbStore) -> (u64, u64, u64) {
    let tx = s.db.begin_read().unwrap();
    (
        tx.open_table(blocks::BLOCKS).unwrap().len().unwrap(),
        tx.open_table(blocks::LIVE).unwrap().len().unwrap(),
        tx.open_table(blocks::INDEX).unwrap().len().unwrap(),
    )
}

/// Every id `query` returns with these filters, page by page.
fn all_pages(s: &RedbStore, q: LogQuery) -> Vec<u64> {
    let mut ids = Vec::new();
    let mut after = None;
    loop {
        let page = s.query(&LogQuery { after, ..q.clone() }).unwrap();
        ids.extend(page.entries.iter().map(|e| e.id));
        match page.next {
            Some(n) => after = Some(n),
            None => return ids,
        }
    }
}

#[test]
fn a_group_with_bodies_reads_back_by_get_and_by_query_in_both_orders() {
    let (_d, s) = open();
    let base = 1_700_000_000_000u64;
    // One group, in completion order (not id order), more bytes than one block holds: several
    // blocks, one record larger than a block on its own, some records without bodies.
    let mut rows: Vec<Row> = (0..200u64)
        .map(|i| Row {
            entry: entry(base + i * 10, if i % 3 == 0 { "gpt-4o" } else { "claude-x" }, "p", 200),
            bodies: match i {
                7 => Some(stored_bodies(i, blocks::BLOCK_CAP + 10_000)),
                _ if i % 4 == 1 => None,
                _ => Some(stored_bodies(i, 3000 + (i as usize * 37) % 3000)),
            },
        })
        .collect();
    rows.reverse();
    rows.swap(3, 150);
    s.append(&rows).unwrap();
    let (n_blocks, n_live, n_index) = block_tables(&s);
    assert!(n_blocks >= 3, "{n_blocks} blocks");
    assert_eq!((n_live, n_index), (n_blocks, 200));
    let expected_bytes: u64 =
        rows.iter().map(|r| (compact(&r.entry).len() + r.bodies.as_ref().map_or(0, Vec::len)) as u64).sum();
    assert_eq!(s.size().unwrap(), (200, expected_bytes));
    for r in &rows {
        let (e, b) = s.get(r.entry.id).unwrap().unwrap();
        assert_eq!(e, as_read(&r.entry));
        assert_eq!(b, r.bodies.as_ref().map(|b| StoredBodies::decode(b).unwrap()));
    }
    let mut ids: Vec<u64> = rows.iter().map(|r| r.entry.id).collect();
    ids.sort_unstable();
    assert_eq!(all_pages(&s, LogQuery { limit: Some(7), oldest_first: true, ..Default::default() }), ids);
    let newest: Vec<u64> = ids.iter().rev().copied().collect();
    assert_eq!(all_pages(&s, LogQuery { limit: Some(9), ..Default::default() }), newest);
    let page = s.query(&LogQuery { limit: Some(1000), ..Default::default() }).unwrap();
    let by_id: BTreeMap<u64, &Row> = rows.iter().map(|r| (r.entry.id, r)).collect();
    assert!(page.entries.iter().all(|e| *e == as_read(&by_id[&e.id].entry)));
    // Filters and a time range, both orders.
    let gpt: Vec<u64> = ids
        .iter()
        .copied()
        .filter(|id| {
            let ms = id_ms(*id);
            by_id[id].entry.requested_model == "gpt-4o" && (base + 300..base + 1500).contains(&ms)
        })
        .collect();
    let q = LogQuery {
        model: Some("GPT".into()),
        since_ms: Some(base + 300),
        until_ms: Some(base + 1500),
        limit: Some(4),
        ..Default::default()
    };
    assert_eq!(all_pages(&s, LogQuery { oldest_first: true, ..q.clone() }), gpt);
    assert_eq!(all_pages(&s, q), gpt.iter().rev().copied().collect::<Vec<_>>());
    // The same after a reopen of the file.
    let path = s.path().to_path_buf();
    drop(s);
    let s = RedbStore::open(&path).unwrap();
    let (e, b) = s.get(rows[0].entry.id).unwrap().unwrap();
    assert_eq!((e, b.is_some()), (as_read(&rows[0].entry), rows[0].bodies.is_some()));
    assert_eq!(s.records().unwrap().map(|r| r.unwrap().id).collect::<Vec<_>>(), ids);
}

#[test]
fn records_of_the_old_layout_read_expire_and_clear_beside_new_ones() {
    let (_d, s) = open();
    let base = unix_ms(SystemTime::now()) - 10 * 86_400_000;
    let row = |i: u64| Row {
        entry: entry(base + i * 3_600_000, "m", "p", 200),
        bodies: (i % 2 == 0).then(|| stored_bodies(i, 800)),
    };
    // Even hours in the old tables (as an earlier version wrote them), odd ones in blocks.
    let rows: Vec<Row> = (0..40).map(row).collect();
    let is_old = |r: &Row| (id_ms(r.entry.id) - base) / 3_600_000 % 2 == 0;
    // As each layout stores the entry: JSON in the old one.
    let stored = |r: &Row| if is_old(r) { r.entry.encode().unwrap() } else { compact(&r.entry) };
    let (old, new): (Vec<Row>, Vec<Row>) = rows.iter().cloned().partition(|r| is_old(r));
    append_old_layout(&s, &old);
    s.append(&new[..10]).unwrap();
    s.append(&new[10..]).unwrap();
    let bytes_of = |rs: &[Row]| -> u64 {
        rs.iter().map(|r| (stored(r).len() + r.bodies.as_ref().map_or(0, Vec::len)) as u64).sum()
    };
    assert_eq!(s.size().unwrap(), (40, bytes_of(&rows)), "both layouts counted");
    let ids: Vec<u64> = rows.iter().map(|r| r.entry.id).collect();
    assert_eq!(all_pages(&s, LogQuery { limit: Some(6), oldest_first: true, ..Default::default() }), ids);
    assert_eq!(
        all_pages(&s, LogQuery { limit: Some(5), ..Default::default() }),
        ids.iter().rev().copied().collect::<Vec<_>>()
    );
    for r in &rows {
        let (e, b) = s.get(r.entry.id).unwrap().unwrap();
        assert_eq!(e, as_read(&r.entry));
        assert_eq!(b, r.bodies.as_ref().map(|b| StoredBodies::decode(b).unwrap()));
    }
    let raw: Vec<RawRecord> = s.records().unwrap().map(Result::unwrap).collect();
    assert_eq!(raw.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
    assert!(raw.iter().zip(&rows).all(|(a, r)| a.entry == stored(r) && a.bodies == r.bodies));
    // By age: the oldest 11 hours go, whichever table holds them, in steps.
    let cutoff = base + 10 * 3_600_000 + 1;
    let e = s.expire(Some(cutoff), None, 4).unwrap();
    assert_eq!((e.records, e.more), (4, true));
    while s.expire(Some(cutoff), None, 4).unwrap().records > 0 {}
    assert_eq!(s.size().unwrap(), (29, bytes_of(&rows[11..])));
    assert_eq!(all_pages(&s, LogQuery { oldest_first: true, ..Default::default() }), ids[11..]);
    // By bytes: the oldest until what is left fits.
    let cap = bytes_of(&rows[31..]);
    while s.expire(None, Some(cap), 3).unwrap().records > 0 {}
    assert_eq!(s.size().unwrap(), (9, cap));
    assert_eq!(all_pages(&s, LogQuery { oldest_first: true, ..Default::default() }), ids[31..]);
    assert!(s.get(ids[30]).unwrap().is_none() && s.get(ids[31]).unwrap().is_some());
    assert_eq!(s.clear().unwrap(), 9);
    assert_eq!(s.size().unwrap(), (0, 0));
    assert_eq!(block_tables(&s), (0, 0, 0));
    assert!(s.query(&LogQuery::default()).unwrap().entries.is_empty());
    assert_eq!(s.records().unwrap().count(), 0);
}

#[test]
fn retention_keeps_the_rest_of_a_block_and_drops_it_with_its_last_record() {
    let (_d, s) = open();
    let base = unix_ms(SystemTime::now()) - 86_400_000;
    let group = |from: u64| -> Vec<Row> {
        (from..from + 10)
            .map(|i| Row { entry: entry(base + i * 1000, "m", "p", 200), bodies: Some(stored_bodies(i, 1200)) })
            .collect()
    };
    let (a, b) = (group(0), group(10));
    s.append(&a).unwrap();
    s.append(&b).unwrap();
    assert_eq!(block_tables(&s), (2, 2, 20));
    let file_stats = |s: &RedbStore| {
        let tx = s.db.begin_read().unwrap();
        tx.open_table(blocks::BLOCKS).unwrap().stats().unwrap().stored_bytes()
    };
    let two_blocks = file_stats(&s);
    // Part of the first block: the block stays, its other records read.
    let e = s.expire(Some(base + 4500), None, 100).unwrap();
    assert_eq!(e.records, 5);
    assert_eq!(block_tables(&s), (2, 2, 15));
    assert_eq!(file_stats(&s), two_blocks);
    for r in &a[5..] {
        let (e, bodies) = s.get(r.entry.id).unwrap().unwrap();
        assert_eq!(e, as_read(&r.entry));
        assert_eq!(bodies.unwrap(), StoredBodies::decode(r.bodies.as_ref().unwrap()).unwrap());
    }
    // Its last record: the block and its bytes go; the second block is whole.
    let e = s.expire(Some(base + 10_000), None, 100).unwrap();
    assert_eq!(e.records, 5);
    assert_eq!(block_tables(&s), (1, 1, 10));
    assert!(file_stats(&s) <= two_blocks / 2 + 16, "{} of {two_blocks}", file_stats(&s));
    let tx = s.db.begin_read().unwrap();
    assert_eq!(tx.open_table(blocks::LIVE).unwrap().get(1).unwrap().map(|v| v.value()), Some(10));
    drop(tx);
    assert_eq!(
        all_pages(&s, LogQuery { oldest_first: true, ..Default::default() }),
        b.iter().map(|r| r.entry.id).collect::<Vec<_>>()
    );
}
