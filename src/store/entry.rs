//! The compact binary encoding of a `LogEntry` that the redb request log stores (format byte
//! `ENTRY_FORMAT_BINARY`): the fields in declaration order, integers as LEB128 varints (the id as
//! 8 little-endian bytes), floats as 8 little-endian bytes, strings length-prefixed, an absent
//! optional value as one 0 byte. It costs a fraction of the JSON form (format 1, which
//! PostgreSQL rows and records of earlier versions hold and `LogEntry::decode` still reads).
//! `short_id` is not stored (it is recomputed on read). A later version may append fields: this
//! decoder ignores bytes after the ones it knows; anything else it does not read is an error,
//! never a panic.

use crate::dialect::Dialect;
use crate::record::{Attempt, LogEntry, RecordKind, Tokens};

/// First byte of a binary-encoded entry.
pub(super) const ENTRY_FORMAT_BINARY: u8 = 2;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// An absent string is 0, a present one its length + 1, then its bytes.
fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            varint(out, s.len() as u64 + 1);
            out.extend_from_slice(s.as_bytes());
        }
    }
}

fn opt_f64(out: &mut Vec<u8>, v: Option<f64>) {
    match v {
        None => out.push(0),
        Some(v) => {
            out.push(1);
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
}

fn dialect_code(d: Option<Dialect>) -> u8 {
    match d {
        None => 0,
        Some(Dialect::OpenAi) => 1,
        Some(Dialect::Anthropic) => 2,
        Some(Dialect::Responses) => 3,
        Some(Dialect::Gemini) => 4,
    }
}

/// Append `e` in the binary form, format byte first.
pub(super) fn encode(e: &LogEntry, out: &mut Vec<u8>) {
    out.push(ENTRY_FORMAT_BINARY);
    out.extend_from_slice(&e.id.to_le_bytes());
    out.push(match e.kind {
        RecordKind::Completion => 0,
        RecordKind::CountTokens => 1,
    });
    varint(out, e.started_at_ms);
    string(out, &e.requested_model);
    for s in [&e.model, &e.provider, &e.key_label, &e.user, &e.relay_key, &e.client_addr] {
        opt_string(out, s.as_deref());
    }
    out.push(dialect_code(e.inbound));
    out.push(dialect_code(e.upstream));
    out.push(
        u8::from(e.stream)
            | u8::from(e.tokens_estimated) << 1
            | u8::from(e.has_bodies) << 2
            | u8::from(e.bodies_truncated) << 3,
    );
    varint(out, u64::from(e.status));
    opt_string(out, e.error_kind.as_deref());
    opt_string(out, e.error.as_deref());
    out.extend_from_slice(&e.latency_ms.to_le_bytes());
    opt_f64(out, e.ttfb_ms);
    opt_f64(out, e.overhead_ms);
    match &e.tokens {
        None => out.push(0),
        Some(t) => {
            out.push(1);
            for v in [t.input, t.output, t.cache_read, t.cache_write] {
                varint(out, v);
            }
        }
    }
    opt_f64(out, e.cost_usd);
    varint(out, e.attempts.len() as u64);
    for a in &e.attempts {
        string(out, &a.provider);
        string(out, &a.model);
        string(out, &a.key_label);
        varint(out, u64::from(a.status));
        opt_string(out, a.error.as_deref());
        varint(out, a.dropped.len() as u64);
        for d in &a.dropped {
            string(out, d);
        }
        match a.upstream_ms {
            None => out.push(0),
            Some(ms) => varint(out, ms.saturating_add(1)),
        }
    }
    opt_string(out, e.instance.as_deref());
}

/// Reads the binary form; every read checks what is left.
struct Cursor<'a>(&'a [u8]);

type R<T> = Result<T, &'static str>;

impl<'a> Cursor<'a> {
    fn bytes(&mut self, n: usize) -> R<&'a [u8]> {
        if n > self.0.len() {
            return Err("cut short");
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn byte(&mut self) -> R<u8> {
        Ok(self.bytes(1)?[0])
    }
    fn varint(&mut self) -> R<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint too long")
    }
    fn u16(&mut self) -> R<u16> {
        u16::try_from(self.varint()?).map_err(|_| "status out of range")
    }
    fn len(&mut self, n: u64) -> R<&'a [u8]> {
        self.bytes(usize::try_from(n).map_err(|_| "length out of range")?)
    }
    fn string(&mut self) -> R<String> {
        let n = self.varint()?;
        let b = self.len(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "not UTF-8")
    }
    fn opt_string(&mut self) -> R<Option<String>> {
        match self.varint()? {
            0 => Ok(None),
            n => {
                let b = self.len(n - 1)?;
                String::from_utf8(b.to_vec()).map(Some).map_err(|_| "not UTF-8")
            }
        }
    }
    fn f64(&mut self) -> R<f64> {
        let b: [u8; 8] = self.bytes(8)?.try_into().map_err(|_| "cut short")?;
        Ok(f64::from_le_bytes(b))
    }
    fn opt_f64(&mut self) -> R<Option<f64>> {
        match self.byte()? {
            0 => Ok(None),
            _ => self.f64().map(Some),
        }
    }
    fn dialect(&mut self) -> R<Option<Dialect>> {
        Ok(match self.byte()? {
            0 => None,
            1 => Some(Dialect::OpenAi),
            2 => Some(Dialect::Anthropic),
            3 => Some(Dialect::Responses),
            4 => Some(Dialect::Gemini),
            _ => return Err("unknown dialect"),
        })
    }
}

/// Decode what `encode` wrote, without its format byte.
pub(super) fn decode(bytes: &[u8]) -> Result<LogEntry, String> {
    let mut c = Cursor(bytes);
    let mut read = || -> R<LogEntry> {
        let id = u64::from_le_bytes(c.bytes(8)?.try_into().map_err(|_| "cut short")?);
        let kind = match c.byte()? {
            0 => RecordKind::Completion,
            1 => RecordKind::CountTokens,
            _ => return Err("unknown record kind"),
        };
        let started_at_ms = c.varint()?;
        let requested_model = c.string()?;
        let model = c.opt_string()?;
        let provider = c.opt_string()?;
        let key_label = c.opt_string()?;
        let user = c.opt_string()?;
        let relay_key = c.opt_string()?;
        let client_addr = c.opt_string()?;
        let inbound = c.dialect()?;
        let upstream = c.dialect()?;
        let flags = c.byte()?;
        let status = c.u16()?;
        let error_kind = c.opt_string()?;
        let error = c.opt_string()?;
        let latency_ms = c.f64()?;
        let ttfb_ms = c.opt_f64()?;
        let overhead_ms = c.opt_f64()?;
        let tokens = match c.byte()? {
            0 => None,
            _ => Some(Tokens {
                input: c.varint()?,
                output: c.varint()?,
                cache_read: c.varint()?,
                cache_write: c.varint()?,
            }),
        };
        let cost_usd = c.opt_f64()?;
        let n = c.varint()?;
        // Each attempt takes at least 6 bytes: a bogus count cannot reserve much.
        let mut attempts = Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(c.0.len() / 6));
        for _ in 0..n {
            let provider = c.string()?;
            let model = c.string()?;
            let key_label = c.string()?;
            let status = c.u16()?;
            let error = c.opt_string()?;
            let k = c.varint()?;
            let mut dropped = Vec::with_capacity(usize::try_from(k).unwrap_or(0).min(c.0.len()));
            for _ in 0..k {
                dropped.push(c.string()?);
            }
            let upstream_ms = c.varint()?.checked_sub(1);
            attempts.push(Attempt { provider, model, key_label, status, error, dropped, upstream_ms, sent_at: None });
        }
        let instance = c.opt_string()?;
        Ok(LogEntry {
            id,
            short_id: String::new(),
            kind,
            started_at_ms,
            requested_model,
            model,
            provider,
            key_label,
            user,
            relay_key,
            client_addr,
            inbound,
            upstream,
            stream: flags & 1 != 0,
            status,
            error_kind,
            error,
            latency_ms,
            ttfb_ms,
            overhead_ms,
            tokens,
            tokens_estimated: flags & 2 != 0,
            cost_usd,
            attempts,
            has_bodies: flags & 4 != 0,
            bodies_truncated: flags & 8 != 0,
            instance,
        })
    };
    read().map_err(|e| format!("corrupt record: {e}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn full() -> LogEntry {
        LogEntry {
            id: u64::MAX - 5,
            short_id: String::new(),
            kind: RecordKind::CountTokens,
            started_at_ms: 1_700_000_000_123,
            requested_model: "gpt-4o".into(),
            model: Some("gpt-4o-2024".into()),
            provider: Some("oa".into()),
            key_label: Some("k1".into()),
            user: Some("dora ✓".into()),
            relay_key: Some("laptop".into()),
            client_addr: Some("127.0.0.1:5555".into()),
            inbound: Some(Dialect::Anthropic),
            upstream: Some(Dialect::Gemini),
            stream: true,
            status: 499,
            error_kind: Some("client_gone".into()),
            error: Some("the client went away".into()),
            latency_ms: 123.456,
            ttfb_ms: Some(0.25),
            overhead_ms: Some(-0.0),
            tokens: Some(Tokens { input: 1 << 40, output: 5, cache_read: 127, cache_write: 128 }),
            tokens_estimated: true,
            cost_usd: Some(f64::MIN_POSITIVE),
            attempts: vec![
                Attempt {
                    provider: "a".into(),
                    model: "m".into(),
                    key_label: "k".into(),
                    status: 0,
                    error: Some("timeout".into()),
                    dropped: vec!["context_management".into(), "x".into()],
                    upstream_ms: Some(0),
                    sent_at: None,
                },
                Attempt { status: 200, upstream_ms: None, ..Attempt::default() },
            ],
            has_bodies: true,
            bodies_truncated: true,
            instance: Some("host:1".into()),
        }
    }

    #[test]
    fn every_field_round_trips_and_a_default_entry_too() {
        for e in [full(), LogEntry::default(), LogEntry { stream: true, has_bodies: true, ..LogEntry::default() }] {
            let mut out = Vec::new();
            encode(&e, &mut out);
            assert_eq!(out[0], ENTRY_FORMAT_BINARY);
            assert_eq!(decode(&out[1..]).unwrap(), e);
            // Fields a later version appends are ignored.
            out.extend_from_slice(b"later");
            assert_eq!(decode(&out[1..]).unwrap(), e);
        }
    }

    #[test]
    fn cut_or_bogus_bytes_are_errors_not_panics() {
        let mut out = Vec::new();
        encode(&full(), &mut out);
        for n in 1..out.len() {
            // Every prefix short of the last field's end fails cleanly (the last byte of
            // `instance` cut off leaves a shorter string: still an error).
            assert!(decode(&out[1..n]).is_err(), "prefix of {n} bytes decoded");
        }
        assert!(decode(&[0xff; 40]).is_err());
        let mut bad_dialect = Vec::new();
        encode(&LogEntry::default(), &mut bad_dialect);
        bad_dialect[1 + 8 + 1 + 1 + 1 + 6] = 9;
        assert!(decode(&bad_dialect[1..]).unwrap_err().contains("dialect"));
    }
}
