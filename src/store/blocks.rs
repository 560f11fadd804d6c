//! The redb request log's record layout: a group commit's records go into a few large values
//! instead of two B-tree rows each. `log_blocks` (block number → a format byte, then records
//! back to back: the encoded entry, then the encoded bodies) holds the bytes, at most
//! `BLOCK_CAP` a block (one record larger than that gets a block of its own); `log_index`
//! (record id → block, offset, entry length, bodies length: 28 bytes a row) keeps the records in
//! id order, which blocks do not (ids are request start times, so the records of one group spread
//! over the commit window and the longest requests before it); `log_block_live` (block → records
//! still indexed) lets retention drop a block with its last record.
//!
//! Files written before this layout keep their records in `logs` (id → entry) and `bodies`
//! (id → bodies). They are read, expired and cleared beside the new ones, never rewritten, so an
//! upgrade starts at once and the old records age out by retention: `Walk` merges both tables in
//! id order, `Reader` reads a record from either, `Records` is the one id-ordered iterator over
//! both that a copy to another backend (`PgStore::migrate_from_redb`) reads.

use super::{BODIES, LOGS, LogEntry, Row, StoreError, StoredBodies};
use redb::{AccessGuard, ReadOnlyTable, ReadTransaction, ReadableTable, TableDefinition, WriteTransaction};
use std::collections::BTreeMap;

pub(super) const BLOCKS: TableDefinition<u64, &[u8]> = TableDefinition::new("log_blocks");
/// id → (block, offset in the block, entry length, bodies length; 0: no bodies).
pub(super) const INDEX: TableDefinition<u64, (u64, u32, u32, u32)> = TableDefinition::new("log_index");
/// block → records of it still in `log_index`.
pub(super) const LIVE: TableDefinition<u64, u32> = TableDefinition::new("log_block_live");

/// First byte of a block; offsets count from the block's start, so they include it.
const BLOCK_FORMAT: u8 = 1;
/// redb gives a leaf holding one large value a page of 4 KiB doubled as often as it takes.
const PAGE: usize = 4096;
/// Such a leaf's bytes besides the value (header, the value's end offset, the u64 key: 16), and
/// a margin.
const LEAF_OVERHEAD: usize = 32;
/// A block grows to this at most (its records' bytes and the format byte), so it fills a
/// 256 KiB page with its leaf header and reading one record never pulls more than that.
pub(super) const BLOCK_CAP: usize = 64 * PAGE - LEAF_OVERHEAD;

/// The most bytes the next block should take when `remaining` bytes (records and a format byte)
/// are left to write. Every block is one page of its own, so a block just past a page size
/// would take twice the space: all of it goes in one block when that fills the page it needs
/// to three quarters or more (or needs the smallest page, where a small value shares a leaf),
/// else the next block fills the page below and the rest is planned again.
fn block_budget(remaining: usize) -> usize {
    let mut page = PAGE;
    while page - LEAF_OVERHEAD < remaining && page - LEAF_OVERHEAD < BLOCK_CAP {
        page *= 2;
    }
    if remaining > page - LEAF_OVERHEAD {
        // More than the largest block: a full one.
        return BLOCK_CAP;
    }
    if page == PAGE || remaining * 4 >= page * 3 {
        return remaining;
    }
    page / 2 - LEAF_OVERHEAD
}

/// Where a record of the block layout is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Loc {
    pub block: u64,
    pub offset: u32,
    pub entry_len: u32,
    /// 0 when the record has no bodies (an encoded bodies value is never empty).
    pub bodies_len: u32,
}

impl Loc {
    pub fn from_row((block, offset, entry_len, bodies_len): (u64, u32, u32, u32)) -> Loc {
        Loc { block, offset, entry_len, bodies_len }
    }
    fn row(self) -> (u64, u32, u32, u32) {
        (self.block, self.offset, self.entry_len, self.bodies_len)
    }
    /// The record's bytes as `META_LOG_BYTES` counts them (entry + bodies).
    pub fn bytes(self) -> u64 {
        u64::from(self.entry_len) + u64::from(self.bodies_len)
    }
}

fn too_large(n: usize) -> StoreError {
    StoreError(format!("a record of {n} bytes is larger than the request log stores"))
}

fn corrupt(id: u64) -> StoreError {
    StoreError(format!("corrupt record {id}: its block does not hold it"))
}

/// Copy `src` into `buf` at `*at` and move past it.
fn put(buf: &mut [u8], at: &mut usize, src: &[u8]) -> Result<(), StoreError> {
    let end = *at + src.len();
    buf.get_mut(*at..end).ok_or_else(|| too_large(end))?.copy_from_slice(src);
    *at = end;
    Ok(())
}

/// Write a group's records into new blocks and index them, in the caller's transaction.
/// Returns the bytes the log grew by (entries + bodies, less any record an id replaced).
pub(super) fn write_group(tx: &WriteTransaction, rows: &[Row]) -> Result<i128, StoreError> {
    // Every entry encoded into one buffer; entry i is `entries[ends[i-1]..ends[i]]`.
    let mut entries = Vec::with_capacity(rows.len() * 768);
    let mut ends = Vec::with_capacity(rows.len());
    let mut pace = super::pace::Pace::new();
    for row in rows {
        pace.step();
        row.entry.encode_compact(&mut entries);
        ends.push(entries.len());
    }
    let entry = |i: usize| -> &[u8] {
        let start = if i == 0 { 0 } else { ends[i - 1] };
        &entries[start..ends[i]]
    };
    let bodies = |i: usize| -> &[u8] { rows[i].bodies.as_deref().unwrap_or(&[]) };
    let mut blocks = tx.open_table(BLOCKS)?;
    let mut index = tx.open_table(INDEX)?;
    let mut live = tx.open_table(LIVE)?;
    let mut next = blocks.last()?.map_or(0, |(k, _)| k.value().saturating_add(1));
    let mut locs: Vec<(u64, Loc)> = Vec::with_capacity(rows.len());
    let mut added: i128 = 0;
    let mut first = 0;
    let mut remaining = 1 + entries.len() + rows.iter().map(|r| r.bodies.as_ref().map_or(0, Vec::len)).sum::<usize>();
    while first < rows.len() {
        // A block is up to `BLOCK_CAP` of copying into pages (and writing out what overflows
        // the cache's write buffer): offer the CPU between blocks too.
        pace.big_step();
        // Records while the block stays within its budget, at least one.
        let budget = block_budget(remaining);
        let mut len = 1usize;
        let mut end = first;
        while end < rows.len() {
            let n = entry(end).len() + bodies(end).len();
            if end > first && len + n > budget {
                break;
            }
            len += n;
            end += 1;
        }
        let len32 = u32::try_from(len).map_err(|_| too_large(len))?;
        {
            let mut guard = blocks.insert_reserve(next, len32)?;
            let buf: &mut [u8] = guard.as_mut();
            let mut at = 0;
            put(buf, &mut at, &[BLOCK_FORMAT])?;
            for (i, row) in rows.iter().enumerate().take(end).skip(first) {
                let (e, b) = (entry(i), bodies(i));
                let offset = u32::try_from(at).map_err(|_| too_large(at))?;
                put(buf, &mut at, e)?;
                put(buf, &mut at, b)?;
                // Both fit in the block, whose length fits in a u32.
                let loc = Loc { block: next, offset, entry_len: e.len() as u32, bodies_len: b.len() as u32 };
                locs.push((row.entry.id, loc));
            }
        }
        live.insert(next, (end - first) as u32)?;
        added += (len - 1) as i128;
        remaining -= len - 1;
        next = next.saturating_add(1);
        first = end;
    }
    // In id order: mostly appends at the index's right edge.
    locs.sort_unstable_by_key(|(id, _)| *id);
    let mut replaced: BTreeMap<u64, u32> = BTreeMap::new();
    for (id, loc) in locs {
        pace.step();
        // An id written twice (never by the relay: ids are unique per process) replaces the record.
        if let Some(old) = index.insert(id, loc.row())? {
            let old = Loc::from_row(old.value());
            added -= i128::from(old.bytes());
            *replaced.entry(old.block).or_default() += 1;
        }
    }
    for (block, n) in replaced {
        release(&mut blocks, &mut live, block, n)?;
    }
    Ok(added)
}

/// `n` records of `block` left the index: drop the block with its last one.
pub(super) fn release(
    blocks: &mut redb::Table<u64, &[u8]>,
    live: &mut redb::Table<u64, u32>,
    block: u64,
    n: u32,
) -> Result<(), StoreError> {
    let left = live.get(block)?.map_or(0, |v| v.value()).saturating_sub(n);
    if left == 0 {
        live.remove(block)?;
        blocks.remove(block)?;
    } else {
        live.insert(block, left)?;
    }
    Ok(())
}

/// Where `Walk` found a record.
pub(super) enum Slot {
    /// The old layout: the entry itself (its bodies are in `bodies` under the same id).
    Old(AccessGuard<'static, &'static [u8]>),
    New(Loc),
}

/// A read transaction's view of the record tables, both layouts.
pub(super) struct Reader {
    logs: ReadOnlyTable<u64, &'static [u8]>,
    bodies: ReadOnlyTable<u64, &'static [u8]>,
    index: ReadOnlyTable<u64, (u64, u32, u32, u32)>,
    blocks: ReadOnlyTable<u64, &'static [u8]>,
    /// The last block read: consecutive records mostly share one.
    block: Option<(u64, AccessGuard<'static, &'static [u8]>)>,
}

impl Reader {
    pub fn open(tx: &ReadTransaction) -> Result<Reader, StoreError> {
        Ok(Reader {
            logs: tx.open_table(LOGS)?,
            bodies: tx.open_table(BODIES)?,
            index: tx.open_table(INDEX)?,
            blocks: tx.open_table(BLOCKS)?,
            block: None,
        })
    }

    /// Records with ids in `range`, both layouts, ascending or (`rev`) descending.
    pub fn walk(&self, range: std::ops::Range<u64>, rev: bool) -> Result<Walk, StoreError> {
        Ok(Walk {
            old: self.logs.range(range.clone())?,
            new: self.index.range(range)?,
            rev,
            old_head: None,
            new_head: None,
            old_done: false,
            new_done: false,
        })
    }

    /// Where record `id` is, if it is stored.
    pub fn find(&self, id: u64) -> Result<Option<Slot>, StoreError> {
        if let Some(v) = self.index.get(id)? {
            return Ok(Some(Slot::New(Loc::from_row(v.value()))));
        }
        Ok(self.logs.get(id)?.map(Slot::Old))
    }

    /// The bytes of record `id`'s block, from `offset` for `len`.
    fn slice(&mut self, id: u64, loc: Loc, offset: u32, len: u32) -> Result<&[u8], StoreError> {
        if self.block.as_ref().map(|(b, _)| *b) != Some(loc.block) {
            let guard = self.blocks.get(loc.block)?.ok_or_else(|| corrupt(id))?;
            self.block = Some((loc.block, guard));
        }
        let Some((_, guard)) = &self.block else { return Err(corrupt(id)) };
        let start = offset as usize;
        guard.value().get(start..start + len as usize).ok_or_else(|| corrupt(id))
    }

    /// The encoded entry of a record `walk` or `find` returned.
    pub fn entry<'a>(&'a mut self, id: u64, slot: &'a Slot) -> Result<&'a [u8], StoreError> {
        match slot {
            Slot::Old(v) => Ok(v.value()),
            Slot::New(loc) => self.slice(id, *loc, loc.offset, loc.entry_len),
        }
    }

    /// The decoded entry.
    pub fn decode(&mut self, id: u64, slot: &Slot) -> Result<LogEntry, StoreError> {
        LogEntry::decode(self.entry(id, slot)?)
    }

    /// The encoded bodies, if the record has them (copied: the old layout keeps them apart).
    pub fn bodies(&mut self, id: u64, slot: &Slot) -> Result<Option<Vec<u8>>, StoreError> {
        match slot {
            Slot::Old(_) => Ok(self.bodies.get(id)?.map(|v| v.value().to_vec())),
            Slot::New(loc) if loc.bodies_len == 0 => Ok(None),
            Slot::New(loc) => Ok(Some(self.slice(id, *loc, loc.offset + loc.entry_len, loc.bodies_len)?.to_vec())),
        }
    }

    /// The decoded bodies.
    pub fn decode_bodies(&mut self, id: u64, slot: &Slot) -> Result<Option<StoredBodies>, StoreError> {
        self.bodies(id, slot)?.map(|b| StoredBodies::decode(&b).map_err(StoreError)).transpose()
    }
}

/// Both layouts' records in id order (see `Reader::walk`).
pub(super) struct Walk {
    old: redb::Range<'static, u64, &'static [u8]>,
    new: redb::Range<'static, u64, (u64, u32, u32, u32)>,
    rev: bool,
    old_head: Option<(u64, AccessGuard<'static, &'static [u8]>)>,
    new_head: Option<(u64, Loc)>,
    old_done: bool,
    new_done: bool,
}

impl Iterator for Walk {
    type Item = Result<(u64, Slot), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.old_head.is_none() && !self.old_done {
            match if self.rev { self.old.next_back() } else { self.old.next() } {
                Some(Ok((k, v))) => self.old_head = Some((k.value(), v)),
                Some(Err(e)) => return Some(Err(e.into())),
                None => self.old_done = true,
            }
        }
        if self.new_head.is_none() && !self.new_done {
            match if self.rev { self.new.next_back() } else { self.new.next() } {
                Some(Ok((k, v))) => self.new_head = Some((k.value(), Loc::from_row(v.value()))),
                Some(Err(e)) => return Some(Err(e.into())),
                None => self.new_done = true,
            }
        }
        let take_old = match (&self.old_head, &self.new_head) {
            (Some((a, _)), Some((b, _))) => (a < b) != self.rev,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        if take_old {
            self.old_head.take().map(|(id, v)| Ok((id, Slot::Old(v))))
        } else {
            self.new_head.take().map(|(id, loc)| Ok((id, Slot::New(loc))))
        }
    }
}

/// A stored record as its bytes: what a copy to another backend needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    pub id: u64,
    /// The encoded `LogEntry` (`LogEntry::decode` reads it).
    pub entry: Vec<u8>,
    /// The encoded bodies (`StoredBodies::decode` reads them).
    pub bodies: Option<Vec<u8>>,
}

/// Every record of a redb request log, both layouts, oldest first (`RedbStore::records`), as of
/// one read transaction.
pub struct Records {
    reader: Reader,
    walk: Walk,
}

impl Records {
    pub(super) fn new(tx: &ReadTransaction) -> Result<Records, StoreError> {
        let reader = Reader::open(tx)?;
        let walk = reader.walk(0..u64::MAX, false)?;
        Ok(Records { reader, walk })
    }

    /// How many records the iteration yields in all.
    pub fn total(&self) -> Result<u64, StoreError> {
        use redb::ReadableTableMetadata;
        Ok(self.reader.logs.len()? + self.reader.index.len()?)
    }
}

impl Iterator for Records {
    type Item = Result<RawRecord, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (id, slot) = match self.walk.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let read = |r: &mut Reader| -> Result<RawRecord, StoreError> {
            let entry = r.entry(id, &slot)?.to_vec();
            let bodies = r.bodies(id, &slot)?;
            Ok(RawRecord { id, entry, bodies })
        };
        Some(read(&mut self.reader))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_fill_the_pages_they_take() {
        // Fits the page it needs well, or is small: one block.
        assert_eq!(block_budget(100), 100);
        assert_eq!(block_budget(4000), 4000);
        assert_eq!(block_budget(30_000), 30_000);
        // Just past 32 KiB (a 64 KiB page half empty): fill 32 KiB first.
        assert_eq!(block_budget(40_000), 8 * PAGE - LEAF_OVERHEAD);
        // Past the largest block: full ones.
        assert_eq!(block_budget(10 << 20), BLOCK_CAP);
        assert_eq!(block_budget(BLOCK_CAP), BLOCK_CAP);
        // A group of many small records of `r` bytes in all takes pages of at most 4/3 of that,
        // plus one small page for the tail.
        for r in (1..2_000_000).step_by(997) {
            let (mut left, mut pages) = (r, 0);
            while left > 0 {
                let b = block_budget(left).min(left);
                pages += (b + 16).next_power_of_two().max(PAGE);
                left -= b;
            }
            assert!(pages <= r * 4 / 3 + PAGE, "{r} bytes in {pages} of pages");
        }
    }
}
