//! The request log's tables in PostgreSQL are partitioned by day, so that retention drops whole
//! days instead of deleting rows one by one (which leaves dead tuples for `VACUUM` and costs as
//! much as the writes did).
//!
//! `request_log` and `request_bodies` are `PARTITION BY RANGE (id)`: a record's id is the time
//! its request started (microseconds since the epoch, shifted; `store::new_id`), so a range of ids
//! is a range of time, every query of the log (by id range, newest or oldest first, or one id)
//! is pruned to the days it touches and served by each day's primary-key index, and no second
//! key is needed. Day `D` (days since 1970-01-01, UTC) is `request_log_YYYYMMDD` /
//! `request_bodies_YYYYMMDD` holding ids `[id_at_ms(D·86400000), id_at_ms((D+1)·86400000))`;
//! `*_default` catches anything else (a day not created yet, ids from far away).
//!
//! `maintain` creates today's and the next `AHEAD_DAYS` days' partitions at start and every
//! `MAINTAIN_EVERY` after; a batch with a day not known yet creates it before it is written, and
//! rows of that day already in the default partition are moved into the new one in the same
//! transaction. `drop_expired_day` is the first step of retention: a day wholly older than the
//! age cutoff is dropped; the cutoff's own day, the default partition and the size cap are left to
//! the row-by-row step (`LogStore::expire`).
//!
//! `MIGRATION` converts the unpartitioned tables of schema 2 in place: renamed aside, the
//! partitioned ones created with a partition for every day that has rows, every row copied, the
//! old ones dropped, all in the migration's one transaction.

use super::{Inner, StoreError, pg};
use crate::store::{Expired, id_at_ms, id_ms};
use std::sync::Weak;
use std::time::{Duration, SystemTime};

/// Schema 3 (see the module docs). `(id >> 12) / 86400000000` is an id's day, as `day_of`.
pub(super) const MIGRATION: &str = "
    ALTER TABLE request_log RENAME TO request_log_unpartitioned;
    ALTER INDEX request_log_pkey RENAME TO request_log_unpartitioned_pkey;
    ALTER INDEX request_log_started RENAME TO request_log_unpartitioned_started;
    ALTER TABLE request_bodies RENAME TO request_bodies_unpartitioned;
    ALTER INDEX request_bodies_pkey RENAME TO request_bodies_unpartitioned_pkey;
    CREATE TABLE request_log (
        id BIGINT NOT NULL,
        started_at_ms BIGINT NOT NULL,
        instance TEXT,
        entry BYTEA NOT NULL,
        PRIMARY KEY (id)
    ) PARTITION BY RANGE (id);
    CREATE INDEX request_log_started ON request_log (started_at_ms);
    CREATE TABLE request_log_default PARTITION OF request_log DEFAULT;
    CREATE TABLE request_bodies (id BIGINT NOT NULL, bodies BYTEA NOT NULL, PRIMARY KEY (id))
        PARTITION BY RANGE (id);
    CREATE TABLE request_bodies_default PARTITION OF request_bodies DEFAULT;
    DO $$
    DECLARE
        d BIGINT;
        name TEXT;
    BEGIN
        FOR d IN SELECT (id >> 12) / 86400000000 FROM request_log_unpartitioned WHERE id >= 0
                 UNION SELECT (id >> 12) / 86400000000 FROM request_bodies_unpartitioned WHERE id >= 0
        LOOP
            name := to_char(timestamp 'epoch' + d * interval '1 day', 'YYYYMMDD');
            EXECUTE format('CREATE TABLE request_log_%s PARTITION OF request_log FOR VALUES FROM (%s) TO (%s)',
                           name, (d * 86400000000) << 12, ((d + 1) * 86400000000) << 12);
            EXECUTE format('CREATE TABLE request_bodies_%s PARTITION OF request_bodies FOR VALUES FROM (%s) TO (%s)',
                           name, (d * 86400000000) << 12, ((d + 1) * 86400000000) << 12);
        END LOOP;
    END $$;
    INSERT INTO request_log (id, started_at_ms, instance, entry)
        SELECT id, started_at_ms, instance, entry FROM request_log_unpartitioned;
    INSERT INTO request_bodies (id, bodies) SELECT id, bodies FROM request_bodies_unpartitioned;
    DROP TABLE request_log_unpartitioned;
    DROP TABLE request_bodies_unpartitioned;";

/// Partitions made ahead of today.
const AHEAD_DAYS: i64 = 3;
/// How often `maintain` makes sure the days ahead exist.
const MAINTAIN_EVERY: Duration = Duration::from_secs(3600);
/// Taken while a partition is made, so that two relays never race to make the same day.
const PARTITION_LOCK: i64 = 0x6d6f_6e6f_7061_7274;
const DAY_MS: u64 = 86_400_000;

/// The day (since the epoch, UTC) of the request with this id.
pub(super) fn day_of(id: u64) -> i64 {
    (id_ms(id) / DAY_MS) as i64
}

fn today() -> i64 {
    (crate::store::unix_ms(SystemTime::now()) / DAY_MS) as i64
}

/// The ids of day `day`: `[lo, hi)`.
fn bounds(day: i64) -> (i64, i64) {
    let at = |d: i64| id_at_ms((d.max(0) as u64).saturating_mul(DAY_MS)).min(i64::MAX as u64) as i64;
    (at(day), at(day + 1))
}

/// `YYYYMMDD` of `day`.
fn day_name(day: i64) -> String {
    let date =
        time::OffsetDateTime::UNIX_EPOCH.date().checked_add(time::Duration::days(day)).unwrap_or(time::Date::MAX);
    format!("{:04}{:02}{:02}", date.year(), u8::from(date.month()), date.day())
}

/// The day of a partition named `<table>_YYYYMMDD` (`None`: the default partition, or not ours).
fn name_day(name: &str) -> Option<i64> {
    let digits = name.rsplit_once('_')?.1;
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, d) = (digits[..4].parse().ok()?, digits[4..6].parse::<u8>().ok()?, digits[6..].parse().ok()?);
    let date = time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()?;
    Some((date - time::OffsetDateTime::UNIX_EPOCH.date()).whole_days())
}

impl Inner {
    /// Make sure the days of `ids` have their partitions (a failure is logged: the rows then go
    /// to the default partition, still written).
    pub(super) async fn ensure_days(&self, ids: impl Iterator<Item = u64>) {
        let mut missing: Vec<i64> = {
            let known = self.days.lock().unwrap_or_else(|p| p.into_inner());
            ids.map(day_of).filter(|d| !known.contains(d)).collect()
        };
        missing.sort_unstable();
        missing.dedup();
        for day in missing {
            if let Err(e) = self.ensure_day(day).await {
                tracing::debug!("request log: cannot make the partition of {}: {e}", day_name(day));
            }
        }
    }

    /// Make day `day`'s partitions unless they exist, moving its rows out of the default ones.
    async fn ensure_day(&self, day: i64) -> Result<(), StoreError> {
        let name = day_name(day);
        let (lo, hi) = bounds(day);
        self.with(async |c| {
            let tx = c.transaction().await.map_err(pg)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PARTITION_LOCK]).await.map_err(pg)?;
            let table = format!("request_log_{name}");
            let exists: bool = tx.query_one("SELECT to_regclass($1) IS NOT NULL", &[&table]).await.map_err(pg)?.get(0);
            if !exists {
                // A partition cannot be made while the default one holds rows of its range.
                tx.batch_execute(&format!(
                    "CREATE TEMP TABLE moved_log (LIKE request_log) ON COMMIT DROP;
                     CREATE TEMP TABLE moved_bodies (LIKE request_bodies) ON COMMIT DROP;
                     WITH m AS (DELETE FROM request_log_default WHERE id >= {lo} AND id < {hi} RETURNING *)
                         INSERT INTO moved_log SELECT * FROM m;
                     WITH m AS (DELETE FROM request_bodies_default WHERE id >= {lo} AND id < {hi} RETURNING *)
                         INSERT INTO moved_bodies SELECT * FROM m;
                     CREATE TABLE {table} PARTITION OF request_log FOR VALUES FROM ({lo}) TO ({hi});
                     CREATE TABLE IF NOT EXISTS request_bodies_{name} PARTITION OF request_bodies
                         FOR VALUES FROM ({lo}) TO ({hi});
                     INSERT INTO request_log SELECT * FROM moved_log;
                     INSERT INTO request_bodies SELECT * FROM moved_bodies;"
                ))
                .await
                .map_err(pg)?;
            }
            tx.commit().await.map_err(pg)
        })
        .await?;
        self.days.lock().unwrap_or_else(|p| p.into_inner()).insert(day);
        Ok(())
    }

    /// Drop the oldest day wholly before `cutoff_ms` with its bodies, if there is one.
    pub(super) async fn drop_expired_day(&self, cutoff_ms: Option<u64>) -> Result<Option<Expired>, StoreError> {
        let Some(cutoff) = cutoff_ms.map(|ms| (ms / DAY_MS) as i64) else { return Ok(None) };
        let dropped = self
            .with(async |c| {
                let rows = c
                    .query(
                        "SELECT c.relname::TEXT FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
                         WHERE i.inhparent = 'request_log'::regclass",
                        &[],
                    )
                    .await
                    .map_err(pg)?;
                let Some(day) = rows.iter().filter_map(|r| name_day(r.get::<_, &str>(0))).filter(|d| *d < cutoff).min()
                else {
                    return Ok(None);
                };
                let name = day_name(day);
                let tx = c.transaction().await.map_err(pg)?;
                tx.query_one("SELECT value FROM meta WHERE key = 'log_bytes' FOR UPDATE", &[]).await.map_err(pg)?;
                let sql = format!("SELECT count(*), COALESCE(sum(length(entry)), 0)::BIGINT FROM request_log_{name}");
                let log = tx.query_one(sql.as_str(), &[]).await.map_err(pg)?;
                let (records, mut freed): (i64, i64) = (log.get(0), log.get(1));
                let bodies = format!("request_bodies_{name}");
                let has_bodies: bool =
                    tx.query_one("SELECT to_regclass($1) IS NOT NULL", &[&bodies]).await.map_err(pg)?.get(0);
                if has_bodies {
                    let sql = format!("SELECT COALESCE(sum(length(bodies)), 0)::BIGINT FROM {bodies}");
                    let b = tx.query_one(sql.as_str(), &[]).await.map_err(pg)?;
                    freed += b.get::<_, i64>(0);
                }
                tx.batch_execute(&format!("DROP TABLE request_log_{name}; DROP TABLE IF EXISTS {bodies};"))
                    .await
                    .map_err(pg)?;
                tx.execute("UPDATE meta SET value = GREATEST(value - $1, 0) WHERE key = 'log_bytes'", &[&freed])
                    .await
                    .map_err(pg)?;
                tx.commit().await.map_err(pg)?;
                tracing::info!("request log: dropped the partition of {name} ({records} records)");
                Ok(Some((day, records.max(0) as u64)))
            })
            .await?;
        Ok(dropped.map(|(day, records)| {
            self.days.lock().unwrap_or_else(|p| p.into_inner()).remove(&day);
            Expired { records, aggregates: 0, more: true }
        }))
    }
}

/// Make today's and the next days' partitions now and every `MAINTAIN_EVERY`, for as long as the
/// store lives.
pub(super) async fn maintain(inner: Weak<Inner>) {
    loop {
        let Some(i) = inner.upgrade() else { return };
        let now = today();
        for day in now..=now + AHEAD_DAYS {
            if let Err(e) = i.ensure_day(day).await {
                tracing::debug!("request log: cannot make the partition of {}: {e}", day_name(day));
                break;
            }
        }
        drop(i);
        tokio::time::sleep(MAINTAIN_EVERY).await;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn days_are_named_by_their_utc_date_and_read_back() {
        assert_eq!(day_name(0), "19700101");
        // 2026-12-01 is day 20788.
        assert_eq!(day_name(20_788), "20261201");
        assert_eq!(name_day("request_log_20261201"), Some(20_788));
        assert_eq!(name_day("request_bodies_19700101"), Some(0));
        assert_eq!(name_day("request_log_default"), None);
        assert_eq!(name_day("request_log_20261301"), None);
    }

    #[test]
    fn a_days_ids_are_the_ids_made_that_day() {
        let day = 20_788;
        let (lo, hi) = bounds(day);
        let at = |ms: u64| crate::store::new_id(std::time::UNIX_EPOCH + Duration::from_millis(ms));
        let first = at(day as u64 * DAY_MS);
        let last = at((day as u64 + 1) * DAY_MS - 1);
        assert!(lo as u64 <= first && (last as i64) < hi);
        assert_eq!((day_of(first), day_of(last), day_of(hi as u64)), (day, day, day + 1));
        // Consecutive days share their bound: no id falls between two partitions.
        assert_eq!(bounds(day + 1).0, hi);
    }
}
