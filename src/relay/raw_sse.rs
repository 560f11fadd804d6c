//! Raw event boundaries for stream passthrough: the pipe forwards a same-dialect upstream's event
//! stream as the bytes it came in, cut only at event ends (an empty line, whatever the line
//! endings), and decodes only the events that may carry what it must see — usage, an error (to
//! redact it), the end of the stream. Everything else is copied, never decoded or re-encoded.

use memchr::memmem;

/// Calls `end` with the offset just past each complete event in `buf` (past its empty line).
fn event_ends(buf: &[u8], mut end: impl FnMut(usize)) {
    let mut line_start = 0;
    let mut at = 0;
    while let Some(off) = memchr::memchr2(b'\n', b'\r', &buf[at..]) {
        let eol = at + off;
        let mut next = eol + 1;
        if buf[eol] == b'\r' && buf.get(next) == Some(&b'\n') {
            next += 1;
        }
        if eol == line_start {
            end(next);
        }
        line_start = next;
        at = next;
    }
}

/// How many leading bytes of `buf` are whole events (0: none yet).
pub(super) fn complete_len(buf: &[u8]) -> usize {
    let mut last = 0;
    event_ends(buf, |e| last = e);
    last
}

/// The events of `region` (whole events, as `complete_len` cut it), each with its empty line.
pub(super) fn split(region: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    event_ends(region, |e| {
        out.push(&region[start..e]);
        start = e;
    });
    if start < region.len() {
        out.push(&region[start..]);
    }
    out
}

/// Searchers built once: `memmem::find` builds one per call, which costs more than the search
/// on a short event, and every event of a passthrough stream is searched.
static DONE: std::sync::LazyLock<memmem::Finder<'static>> = std::sync::LazyLock::new(|| memmem::Finder::new("[DONE]"));
static USAGE: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new("\"usage\""));
static ERROR: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new("\"error\""));

/// Whether the key `field` finds occurs in `ev` with a value that is not `null`.
fn has_non_null(ev: &[u8], field: &memmem::Finder<'_>) -> bool {
    let mut from = 0;
    while let Some(i) = field.find(&ev[from..]) {
        let mut j = from + i + field.needle().len();
        while ev.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if ev.get(j) == Some(&b':') {
            j += 1;
            while ev.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if ev.get(j) != Some(&b'n') {
                return true;
            }
        }
        from = from + i + field.needle().len();
    }
    false
}

/// An OpenAI chunk the pipe must decode: the terminator, usage, or an error.
pub(super) fn openai_needs_look(ev: &[u8]) -> bool {
    DONE.find(ev).is_some() || has_non_null(ev, &USAGE) || has_non_null(ev, &ERROR)
}

/// An Anthropic event the pipe must decode: the start and delta (usage), the stop, an error.
pub(super) fn anthropic_needs_look(ev: &[u8]) -> bool {
    static NAMES: std::sync::LazyLock<[memmem::Finder<'static>; 4]> = std::sync::LazyLock::new(|| {
        ["message_start", "message_delta", "message_stop", "error"].map(memmem::Finder::new)
    });
    NAMES.iter().any(|n| n.find(ev).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_only_at_empty_lines_whatever_the_line_endings() {
        assert_eq!(complete_len(b"data: a\n\ndata: b\n"), 9);
        assert_eq!(complete_len(b"data: a\r\n\r\ndata: b"), 11);
        assert_eq!(complete_len(b"data: a\r\rdata"), 9);
        assert_eq!(complete_len(b"data: a\r\n"), 0);
        assert_eq!(complete_len(b"event: x\ndata: {}\n\n"), 19);
        assert_eq!(
            split(b"data: a\n\n: ping\n\ndata: b\n\n"),
            vec![&b"data: a\n\n"[..], b": ping\n\n", b"data: b\n\n"]
        );
    }

    #[test]
    fn looks_at_usage_errors_and_the_end_only() {
        assert!(!openai_needs_look(b"data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n"));
        assert!(openai_needs_look(b"data: {\"choices\":[],\"usage\": {\"prompt_tokens\":1}}\n\n"));
        assert!(openai_needs_look(b"data: {\"error\":{\"message\":\"x\"}}\n\n"));
        assert!(openai_needs_look(b"data: [DONE]\n\n"));
        assert!(!anthropic_needs_look(b"event: content_block_delta\ndata: {\"delta\":{\"text\":\"a\"}}\n\n"));
        assert!(anthropic_needs_look(b"event: message_delta\ndata: {}\n\n"));
        assert!(anthropic_needs_look(b"event: error\ndata: {}\n\n"));
    }
}
