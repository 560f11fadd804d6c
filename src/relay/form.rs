//! An incremental scanner for `multipart/form-data` bodies that finds one text field (`model`)
//! without holding the body: chunks are pushed as they arrive, everything but the current part's
//! headers and the wanted field's value is dropped at once, and the field's value is reported with
//! its absolute byte range in the body so the caller can replace it (a mapped model name) while
//! streaming the rest through untouched. Files and other fields are skipped, whatever their size.

/// Part headers larger than this are refused (a real form's are a few hundred bytes).
const MAX_PART_HEADERS: usize = 16 * 1024;
/// The wanted field's value may be at most this long.
const MAX_VALUE: usize = 4 * 1024;

/// The wanted field, found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    /// Absolute offsets in the body: `body[start..end]` is the value.
    pub(super) start: u64,
    pub(super) end: u64,
    pub(super) value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Looking for the next delimiter (preamble, a skipped part's content).
    Seek,
    /// Just past a delimiter: `--` (the end) or CRLF (a part) follows.
    AfterDelimiter,
    Headers,
    /// Inside the wanted field's value.
    Value,
    Done,
}

/// See the module docs.
pub(super) struct FormScan {
    /// `CRLF--boundary`.
    delimiter: Vec<u8>,
    /// Bytes not consumed yet.
    buf: Vec<u8>,
    /// Absolute body offset of `buf[0]` (starts at -2: a CRLF is put in front of the body so the
    /// first delimiter matches like the others).
    offset: i64,
    state: State,
    wanted: &'static str,
    /// The value's absolute start.
    value_start: i64,
    /// Whether a file part came before the wanted field.
    pub(super) file_seen: bool,
}

/// The boundary of a `multipart/form-data` content type.
pub(super) fn boundary(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';');
    if !parts.next()?.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parts
        .find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim().eq_ignore_ascii_case("boundary").then(|| v.trim().trim_matches('"').to_string())
        })
        .filter(|b| !b.is_empty() && b.len() <= 200)
}

/// `name="…"` (or `filename="…"`) of a Content-Disposition header value.
fn disposition_param<'a>(value: &'a str, key: &str) -> Option<&'a str> {
    value.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(key).then(|| v.trim().trim_matches('"'))
    })
}

impl FormScan {
    pub(super) fn new(boundary: &str, wanted: &'static str) -> FormScan {
        let mut delimiter = b"\r\n--".to_vec();
        delimiter.extend_from_slice(boundary.as_bytes());
        FormScan {
            delimiter,
            buf: b"\r\n".to_vec(),
            offset: -2,
            state: State::Seek,
            wanted,
            value_start: 0,
            file_seen: false,
        }
    }

    fn consume(&mut self, n: usize) {
        self.buf.drain(..n);
        self.offset += n as i64;
    }

    /// Push the next chunk; the field once it is complete, or an error for a malformed form.
    pub(super) fn push(&mut self, chunk: &[u8]) -> Result<Option<Field>, String> {
        if self.state == State::Done {
            return Ok(None);
        }
        self.buf.extend_from_slice(chunk);
        loop {
            match self.state {
                State::Done => return Ok(None),
                State::Seek => match memchr::memmem::find(&self.buf, &self.delimiter) {
                    Some(i) => {
                        self.consume(i + self.delimiter.len());
                        self.state = State::AfterDelimiter;
                    }
                    None => {
                        // Keep what could be the start of a delimiter cut by the chunk edge.
                        let keep = self.delimiter.len() - 1;
                        if self.buf.len() > keep {
                            self.consume(self.buf.len() - keep);
                        }
                        return Ok(None);
                    }
                },
                State::AfterDelimiter => {
                    if self.buf.len() < 2 {
                        return Ok(None);
                    }
                    if self.buf.starts_with(b"--") {
                        self.state = State::Done;
                        return Ok(None);
                    }
                    // Transport padding (spaces, tabs) may precede the CRLF.
                    let Some(crlf) = memchr::memmem::find(&self.buf, b"\r\n") else {
                        if self.buf.len() > 64 {
                            return Err("a form delimiter is not followed by a line break".into());
                        }
                        return Ok(None);
                    };
                    if self.buf[..crlf].iter().any(|b| !matches!(b, b' ' | b'\t')) {
                        return Err("a form delimiter is followed by other text".into());
                    }
                    self.consume(crlf + 2);
                    self.state = State::Headers;
                }
                State::Headers => {
                    let Some(end) = memchr::memmem::find(&self.buf, b"\r\n\r\n") else {
                        if self.buf.len() > MAX_PART_HEADERS {
                            return Err(format!("a form part's headers are longer than {MAX_PART_HEADERS} bytes"));
                        }
                        return Ok(None);
                    };
                    let headers = String::from_utf8_lossy(&self.buf[..end]).into_owned();
                    self.consume(end + 4);
                    let disposition = headers.split("\r\n").find_map(|line| {
                        let (k, v) = line.split_once(':')?;
                        k.trim().eq_ignore_ascii_case("content-disposition").then(|| v.trim().to_string())
                    });
                    let Some(disposition) = disposition else {
                        return Err("a form part has no Content-Disposition header".into());
                    };
                    let is_file = disposition_param(&disposition, "filename").is_some();
                    self.file_seen |= is_file;
                    if !is_file && disposition_param(&disposition, "name") == Some(self.wanted) {
                        self.value_start = self.offset;
                        self.state = State::Value;
                    } else {
                        self.state = State::Seek;
                    }
                }
                State::Value => match memchr::memmem::find(&self.buf, &self.delimiter) {
                    Some(i) => {
                        let value = String::from_utf8(self.buf[..i].to_vec())
                            .map_err(|_| format!("the form field '{}' is not UTF-8 text", self.wanted))?;
                        let start = u64::try_from(self.value_start).unwrap_or(0);
                        let end = u64::try_from(self.offset).unwrap_or(0) + i as u64;
                        self.consume(i + self.delimiter.len());
                        self.state = State::AfterDelimiter;
                        return Ok(Some(Field { start, end, value }));
                    }
                    None if self.buf.len() > MAX_VALUE + self.delimiter.len() => {
                        return Err(format!("the form field '{}' is longer than {MAX_VALUE} bytes", self.wanted));
                    }
                    None => return Ok(None),
                },
            }
        }
    }

    /// Whether the closing delimiter was seen.
    pub(super) fn finished(&self) -> bool {
        self.state == State::Done
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn form(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, filename, value) in parts {
            out.extend_from_slice(b"--XyZ\r\n");
            match filename {
                Some(f) => out.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
                ),
                None => out.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
            }
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--XyZ--\r\n");
        out
    }

    /// Push `body` in chunks of `n` bytes; the field found and whether the end was seen.
    fn scan(body: &[u8], n: usize) -> (Option<Field>, bool) {
        let mut s = FormScan::new("XyZ", "model");
        let mut found = None;
        for c in body.chunks(n) {
            if let Some(f) = s.push(c).unwrap() {
                found = Some(f);
            }
        }
        // What was buffered behind the field (the last chunk held it all) is read on.
        s.push(&[]).unwrap();
        (found, s.finished())
    }

    #[test]
    fn finds_the_field_before_or_after_a_file_at_every_chunk_size() {
        let audio: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        let first = form(&[("model", None, b"whisper-1"), ("file", Some("a.mp3"), &audio)]);
        let last = form(&[("file", Some("a.mp3"), &audio), ("language", None, b"en"), ("model", None, b"whisper-1")]);
        for body in [&first, &last] {
            for n in [1, 2, 3, 7, 64, 4096, body.len()] {
                let (f, done) = scan(body, n);
                let f = f.unwrap_or_else(|| panic!("chunk size {n}"));
                assert_eq!(f.value, "whisper-1");
                assert_eq!(&body[f.start as usize..f.end as usize], b"whisper-1");
                assert!(done, "chunk size {n}");
            }
        }
        // A file whose content contains a near-delimiter is skipped whole.
        let tricky = form(&[("file", Some("x"), b"--XyZ no\r\n--XyQ"), ("model", None, b"m")]);
        assert_eq!(scan(&tricky, 3).0.unwrap().value, "m");
    }

    #[test]
    fn a_missing_field_and_malformed_forms() {
        let (f, done) = scan(&form(&[("purpose", None, b"batch")]), 5);
        assert!(f.is_none() && done);
        let mut s = FormScan::new("XyZ", "model");
        assert!(s.push(b"--XyZ\r\nX-Other: 1\r\n\r\nvalue\r\n--XyZ--").is_err());
        let mut s = FormScan::new("XyZ", "model");
        let long =
            [b"--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n".as_slice(), &[b'a'; 9000]].concat();
        assert!(s.push(&long).is_err());
        assert_eq!(boundary("multipart/form-data; boundary=\"ab c\""), Some("ab c".into()));
        assert_eq!(boundary("application/json"), None);
    }
}
