//! Incremental Server-Sent Events codec following the WHATWG event-stream parsing rules.
//!
//! Lines are split on raw bytes (`\r`, `\n`, `\r\n`), which never occur inside a multi-byte UTF-8
//! sequence, so chunks may be cut anywhere; each complete line is then decoded lossily.

/// Default cap on the bytes buffered for one event (partial line plus accumulated data).
pub const DEFAULT_MAX_EVENT_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SseEvent {
    pub event: Option<String>,
    /// Multi-line data joined with `\n`.
    pub data: String,
    /// The last event ID seen on the stream (it persists across events, as WHATWG specifies).
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SseError {
    #[error("SSE event exceeds {limit} bytes")]
    Overflow { limit: usize },
}

#[derive(Debug)]
pub struct SseDecoder {
    limit: usize,
    line: Vec<u8>,
    data: String,
    has_data: bool,
    event: Option<String>,
    last_id: Option<String>,
    retry: Option<u64>,
    /// The previous chunk ended in `\r`; a leading `\n` in the next chunk belongs to it.
    pending_cr: bool,
    /// Bytes seen so far at stream start while checking for a UTF-8 BOM (at most 3).
    bom: Option<Vec<u8>>,
    failed: bool,
}

impl Default for SseDecoder {
    fn default() -> Self {
        Self::new()
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl SseDecoder {
    pub fn new() -> Self {
        Self::with_limit(DEFAULT_MAX_EVENT_BYTES)
    }

    pub fn with_limit(limit: usize) -> Self {
        SseDecoder {
            limit,
            line: Vec::new(),
            data: String::new(),
            has_data: false,
            event: None,
            last_id: None,
            retry: None,
            pending_cr: false,
            bom: Some(Vec::new()),
            failed: false,
        }
    }

    /// The last valid `retry:` value, in milliseconds.
    pub fn retry(&self) -> Option<u64> {
        self.retry
    }

    /// Feeds any slice of bytes. Complete events are appended to `out`. After an overflow error
    /// the decoder stays failed: the stream cannot be resynchronised reliably.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<SseEvent>) -> Result<(), SseError> {
        if self.failed {
            return Err(SseError::Overflow { limit: self.limit });
        }
        let mut chunk = chunk;
        if let Some(seen) = &mut self.bom {
            let need = BOM.len() - seen.len();
            let take = need.min(chunk.len());
            seen.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if !BOM.starts_with(seen) {
                // Not a BOM: replay what we held back as ordinary input.
                let held = std::mem::take(seen);
                self.bom = None;
                self.feed(&held, out)?;
            } else if seen.len() == BOM.len() {
                self.bom = None;
            } else {
                return Ok(());
            }
        }
        self.feed(chunk, out)
    }

    fn feed(&mut self, mut chunk: &[u8], out: &mut Vec<SseEvent>) -> Result<(), SseError> {
        if self.pending_cr && !chunk.is_empty() {
            self.pending_cr = false;
            if chunk[0] == b'\n' {
                chunk = &chunk[1..];
            }
        }
        while let Some(pos) = memchr::memchr2(b'\r', b'\n', chunk) {
            self.append_line(&chunk[..pos])?;
            let was_cr = chunk[pos] == b'\r';
            chunk = &chunk[pos + 1..];
            if was_cr {
                match chunk.first() {
                    Some(b'\n') => chunk = &chunk[1..],
                    Some(_) => {}
                    None => self.pending_cr = true,
                }
            }
            let line = std::mem::take(&mut self.line);
            self.process_line(&line, out);
            self.line = line;
            self.line.clear();
        }
        self.append_line(chunk)
    }

    fn append_line(&mut self, bytes: &[u8]) -> Result<(), SseError> {
        if self.line.len() + self.data.len() + bytes.len() > self.limit {
            self.failed = true;
            return Err(SseError::Overflow { limit: self.limit });
        }
        self.line.extend_from_slice(bytes);
        Ok(())
    }

    fn process_line(&mut self, line: &[u8], out: &mut Vec<SseEvent>) {
        if line.is_empty() {
            self.dispatch(out);
            return;
        }
        if line[0] == b':' {
            return;
        }
        let (name, value) = match memchr::memchr(b':', line) {
            Some(i) => {
                let v = &line[i + 1..];
                (&line[..i], v.strip_prefix(b" ").unwrap_or(v))
            }
            None => (line, &b""[..]),
        };
        match name {
            b"data" => {
                // Room for the line end too: pushing it would otherwise grow the string again.
                self.data.reserve(value.len() + 1);
                match std::str::from_utf8(value) {
                    Ok(text) => self.data.push_str(text),
                    Err(_) => self.data.push_str(&String::from_utf8_lossy(value)),
                }
                self.data.push('\n');
                self.has_data = true;
            }
            b"event" => {
                self.event = Some(match std::str::from_utf8(value) {
                    Ok(name) => name.to_owned(),
                    Err(_) => String::from_utf8_lossy(value).into_owned(),
                })
            }
            b"id" if !value.contains(&0) => {
                self.last_id = Some(String::from_utf8_lossy(value).into_owned());
            }
            b"retry" if !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
                // Absurdly long digit strings saturate instead of failing.
                self.retry =
                    Some(value.iter().fold(0u64, |acc, d| acc.saturating_mul(10).saturating_add(u64::from(d - b'0'))));
            }
            _ => {}
        }
    }

    fn dispatch(&mut self, out: &mut Vec<SseEvent>) {
        let event = self.event.take();
        if !self.has_data {
            return;
        }
        self.has_data = false;
        let mut data = std::mem::take(&mut self.data);
        if data.ends_with('\n') {
            data.pop();
        }
        out.push(SseEvent { event: event.filter(|e| !e.is_empty()), data, id: self.last_id.clone() });
    }

    /// End of input. Returns true if an incomplete event or partial line was left over (the stream
    /// was cut mid-event); that leftover is discarded, as WHATWG specifies. The decoder is reset.
    pub fn finish(&mut self) -> bool {
        let cut = !self.line.is_empty() || self.has_data || self.event.is_some();
        self.line.clear();
        self.data.clear();
        self.has_data = false;
        self.event = None;
        self.pending_cr = false;
        self.bom = Some(Vec::new());
        self.failed = false;
        cut
    }
}

/// Appends one encoded event: `event: x\n` if given, one `data: ` line per line of `data`, then a
/// blank line.
pub fn encode_event(event: Option<&str>, data: &str, out: &mut Vec<u8>) {
    if let Some(e) = event {
        out.extend_from_slice(b"event: ");
        out.extend_from_slice(e.as_bytes());
        out.push(b'\n');
    }
    let mut rest = data;
    loop {
        out.extend_from_slice(b"data: ");
        match rest.find(['\r', '\n']) {
            Some(i) => {
                out.extend_from_slice(&rest.as_bytes()[..i]);
                out.push(b'\n');
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => {
                out.extend_from_slice(rest.as_bytes());
                out.push(b'\n');
                break;
            }
        }
    }
    out.push(b'\n');
}

/// `encode_event` of `value` serialised as JSON, written straight into `out`: compact JSON has no
/// line breaks (they are escaped inside strings), so it is one `data:` line as it stands, with no
/// intermediate buffer, UTF-8 check or line scan. A value that cannot be serialised gives an empty
/// `data:` line, as `encode_event` of an empty text would.
pub fn encode_json_event<T: serde::Serialize + ?Sized>(event: Option<&str>, value: &T, out: &mut Vec<u8>) {
    if let Some(e) = event {
        out.extend_from_slice(b"event: ");
        out.extend_from_slice(e.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(b"data: ");
    let at = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(at);
    }
    out.extend_from_slice(b"\n\n");
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn json_events_are_written_as_encode_event_writes_their_text() {
        let values = [
            serde_json::json!({"a": "line\nbreak\r\nand \u{2028} é 😀", "b": [1, 2.5, null], "c": {}}),
            serde_json::json!("plain"),
            serde_json::json!([]),
        ];
        for v in &values {
            for event in [None, Some("content_block_delta")] {
                let (mut direct, mut via_text) = (Vec::new(), Vec::new());
                encode_json_event(event, v, &mut direct);
                encode_event(event, &serde_json::to_string(v).unwrap(), &mut via_text);
                assert_eq!(String::from_utf8_lossy(&direct), String::from_utf8_lossy(&via_text));
            }
        }
    }

    const TRANSCRIPT: &[u8] = b"\xEF\xBB\xBF: keepalive comment\r\n\
event: message_start\r\n\
data: {\"a\":1}\r\n\
\r\n\
event: content_block_delta\n\
data: {\"text\":\"h\xC3\xA9llo \xF0\x9F\x98\x80\"}\n\
id: 7\n\
\n\
data: line one\r\
data:line two\r\
data\r\
retry: 1500\r\
\r\
event: ping\n\
\n\
unknownfield: x\n\
data: [DONE]\n\n";

    fn whole(input: &[u8]) -> (Vec<SseEvent>, bool) {
        let mut d = SseDecoder::new();
        let mut out = Vec::new();
        d.push(input, &mut out).unwrap();
        (out, d.finish())
    }

    fn expected() -> Vec<SseEvent> {
        vec![
            SseEvent { event: Some("message_start".into()), data: "{\"a\":1}".into(), id: None },
            SseEvent {
                event: Some("content_block_delta".into()),
                data: "{\"text\":\"héllo 😀\"}".into(),
                id: Some("7".into()),
            },
            SseEvent { event: None, data: "line one\nline two\n".into(), id: Some("7".into()) },
            SseEvent { event: None, data: "[DONE]".into(), id: Some("7".into()) },
        ]
    }

    #[test]
    fn whole_transcript() {
        let (evs, cut) = whole(TRANSCRIPT);
        assert_eq!(evs, expected());
        assert!(!cut);
    }

    #[test]
    fn retry_is_recorded() {
        let mut d = SseDecoder::new();
        d.push(TRANSCRIPT, &mut Vec::new()).unwrap();
        assert_eq!(d.retry(), Some(1500));
    }

    #[test]
    fn byte_at_a_time_matches_whole() {
        let mut d = SseDecoder::new();
        let mut out = Vec::new();
        for b in TRANSCRIPT {
            d.push(std::slice::from_ref(b), &mut out).unwrap();
        }
        assert_eq!(out, expected());
        assert!(!d.finish());
    }

    #[test]
    fn random_splits_match_whole() {
        let mut rng = fastrand::Rng::with_seed(42);
        for _ in 0..500 {
            let mut d = SseDecoder::new();
            let mut out = Vec::new();
            let mut rest = TRANSCRIPT;
            while !rest.is_empty() {
                let n = rng.usize(0..=rest.len().min(9));
                d.push(&rest[..n], &mut out).unwrap();
                rest = &rest[n..];
            }
            assert_eq!(out, expected());
            assert!(!d.finish());
        }
    }

    #[test]
    fn crlf_split_between_chunks_is_one_line_end() {
        let mut d = SseDecoder::new();
        let mut out = Vec::new();
        d.push(b"data: a\r", &mut out).unwrap();
        d.push(b"\n\r", &mut out).unwrap();
        assert_eq!(out.len(), 1);
        d.push(b"\ndata: b\r\n\r\n", &mut out).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].data, "b");
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let (evs, _) = whole(b"data: a\xFFb\n\n");
        assert_eq!(evs[0].data, "a\u{FFFD}b");
    }

    #[test]
    fn field_without_colon_and_no_space_variants() {
        let (evs, _) = whole(b"data\ndata:x\ndata:  y\nevent:e\n\n");
        assert_eq!(evs[0].data, "\nx\n y");
        assert_eq!(evs[0].event.as_deref(), Some("e"));
    }

    #[test]
    fn event_without_data_is_not_dispatched() {
        let (evs, cut) = whole(b"event: x\n\ndata: y\n\n");
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].event, None);
        assert!(!cut);
    }

    #[test]
    fn finish_detects_cut() {
        assert!(whole(b"data: x\n").1);
        assert!(whole(b"data: x").1);
        assert!(whole(b"event: x\n").1);
        assert!(!whole(b"data: x\n\n").1);
        assert!(!whole(b"").1);
        assert!(!whole(b"data: x\r\n\r\n").1);
    }

    #[test]
    fn overflow_is_an_error_not_growth() {
        let mut d = SseDecoder::with_limit(64);
        let mut out = Vec::new();
        let big = vec![b'a'; 40];
        d.push(b"data: ", &mut out).unwrap();
        d.push(&big, &mut out).unwrap();
        assert_eq!(d.push(&big, &mut out), Err(SseError::Overflow { limit: 64 }));
        // Many small data lines without a blank line also count.
        let mut d = SseDecoder::with_limit(64);
        let mut err = None;
        for _ in 0..100 {
            if let Err(e) = d.push(b"data: 0123456789\n", &mut out) {
                err = Some(e);
                break;
            }
        }
        assert!(err.is_some());
    }

    #[test]
    fn encode_round_trips_multiline() {
        let mut buf = Vec::new();
        encode_event(Some("x"), "a\nb\r\nc", &mut buf);
        encode_event(None, "", &mut buf);
        assert_eq!(buf, b"event: x\ndata: a\ndata: b\ndata: c\n\ndata: \n\n");
        let (evs, _) = whole(&buf);
        assert_eq!(evs[0].data, "a\nb\nc");
        assert_eq!(evs[1].data, "");
    }

    #[test]
    fn bom_split_and_non_bom_prefix() {
        let mut d = SseDecoder::new();
        let mut out = Vec::new();
        d.push(b"\xEF", &mut out).unwrap();
        d.push(b"\xBB\xBFdata: x\n\n", &mut out).unwrap();
        assert_eq!(out[0].data, "x");
        let (evs, _) = whole(b"da");
        assert!(evs.is_empty());
        let (evs, _) = whole(b"\xEFdata: y\n\n");
        assert!(evs.is_empty()); // the field name is "\u{FFFD}data", so ignored
        let (evs, _) = whole(b"d\n\ndata: z\n\n");
        assert_eq!(evs[0].data, "z");
    }
}
