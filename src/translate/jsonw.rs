//! Hand-written JSON for the hottest fixed-shape output (a chat completion answer): strings
//! escaped exactly as serde_json escapes them, but a run that needs no escape is found eight bytes
//! at a time and copied whole, where serde_json walks a table byte by byte (a fifth of a
//! translated answer's cost). `push_u64` writes integers, for the answer and for the request log's
//! client addresses.

/// Append `s` as a JSON string, byte for byte what `serde_json::to_writer(out, s)` writes: `"`
/// and `\` escaped, the short escapes `\b \f \n \r \t`, other controls below 0x20 as `\u00xx`
/// (lowercase hex), everything else (DEL, non-ASCII) as it is.
pub(crate) fn push_str(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    /// Whether some byte of `w` is below 0x20, or is `"` or `\` (each test exact for "some").
    fn needs_escape(w: u64) -> bool {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
        below_space || zero(w ^ (ONES * u64::from(b'"'))) || zero(w ^ (ONES * u64::from(b'\\')))
    }
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(short);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Append an unsigned integer as JSON writes it.
pub(crate) fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn serde(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "a".into(),
            "plain text longer than eight bytes, no escapes at all".into(),
            "\"".into(),
            "\\".into(),
            "ends with a quote\"".into(),
            "\"starts with one".into(),
            "tab\there, newline\nthere, cr\r, bs\u{8}, ff\u{c}, nul\u{0}, us\u{1f}, esc\u{1b}".into(),
            "del \u{7f} stays, space stays".into(),
            "non-ASCII: héllo wörld, 中文, emoji 🦀, and \u{2028} line separator".into(),
            "12345678\"12345678\\12345678\n".into(),
        ];
        // Every byte value below 0x80 at every position of a 17-byte string (two words and one).
        for b in 0u8..0x80 {
            for at in 0..17 {
                let mut v = vec![b'x'; 17];
                v[at] = b;
                cases.push(String::from_utf8(v).unwrap());
            }
        }
        for s in &cases {
            let mut out = b"prefix".to_vec();
            push_str(&mut out, s);
            assert_eq!(&out[6..], serde(s).as_slice(), "{s:?}");
        }
    }

    #[test]
    fn integers_are_written_as_serde_json_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX - 1, u64::MAX] {
            let mut out = Vec::new();
            push_u64(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap(), "{n}");
        }
    }
}
