//! The one redaction of secrets in text the relay forwards or stores: upstream error messages,
//! types and codes (`providers::outcome`), error events inside streams (`relay::pipe`) and stored
//! bodies (`store::bodies`). Known secrets are replaced wherever they appear, raw or JSON-escaped,
//! and a text that ends in the first part of one (a body cut by the size cap) loses that tail;
//! key-shaped tokens (`sk-…`, `Bearer …`) are replaced in error text even when no configured
//! secret matches them, since an upstream may echo a key we never configured (a neighbour's).

use std::borrow::Cow;

/// Shown instead of a redacted value.
pub const REDACTED: &str = "*****";
/// Secrets shorter than this are not searched for (they would match ordinary text).
pub const MIN_SECRET_LEN: usize = 8;
/// A text ending in at least this much of a secret's start has that tail replaced.
const MIN_CUT_PREFIX: usize = 6;
/// Shortest run after `sk-` or `Bearer ` taken for a key.
const MIN_TOKEN_LEN: usize = 12;

/// The forms a secret may take in a body: raw and JSON-escaped (`\"`, `\\`, `\/`, `\u…`).
fn forms(secret: &str) -> Vec<String> {
    let mut out = vec![secret.to_string()];
    if let Ok(json) = serde_json::to_string(secret) {
        let inner = json.trim_matches('"');
        if inner != secret {
            out.push(inner.to_string());
        }
    }
    if secret.contains('/') {
        out.push(secret.replace('/', "\\/"));
    }
    if secret.is_ascii() {
        let mut unicode = String::with_capacity(secret.len() * 6);
        for b in secret.bytes() {
            unicode.push_str("\\u00");
            unicode.push(char::from(HEX[usize::from(b >> 4)]));
            unicode.push(char::from(HEX[usize::from(b & 0xf)]));
        }
        out.push(unicode);
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A set of secrets compiled for searching, built once per secret list (the request log's
/// writer keeps one per config generation; error paths build one per call): every form of every
/// secret in one Aho-Corasick automaton, searched in one pass (leftmost-longest, so a secret
/// that contains another is replaced whole), and the raw secrets, longest first, for the
/// cut-tail rule. Its `Debug` shows only how many secrets it holds.
#[derive(Default)]
pub struct Needles {
    /// `None` when there is nothing to search for (or the automaton could not be built: then
    /// `fallback` holds the forms, searched one by one).
    automaton: Option<aho_corasick::AhoCorasick>,
    fallback: Vec<String>,
    /// Raw secrets at least `MIN_SECRET_LEN` long, longest first.
    raw: Vec<String>,
}

impl std::fmt::Debug for Needles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Needles").field("secrets", &self.raw.len()).finish()
    }
}

impl Needles {
    /// Compile `secrets` (those shorter than `MIN_SECRET_LEN` are left out).
    pub fn new<'s>(secrets: impl IntoIterator<Item = &'s str>) -> Needles {
        let mut raw: Vec<String> =
            secrets.into_iter().filter(|s| s.len() >= MIN_SECRET_LEN).map(str::to_string).collect();
        raw.sort_by_key(|s| std::cmp::Reverse(s.len()));
        raw.dedup();
        if raw.is_empty() {
            return Needles::default();
        }
        let patterns: Vec<String> = raw.iter().flat_map(|s| forms(s)).collect();
        match aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(&patterns)
        {
            Ok(ac) => Needles { automaton: Some(ac), fallback: Vec::new(), raw },
            Err(_) => Needles { automaton: None, fallback: patterns, raw },
        }
    }

    /// Whether there is no secret to look for.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Replace every secret in `body`, raw or JSON-escaped, and a tail that is the start of one
    /// (a body cut in the middle of a key). Returns whether anything changed.
    pub fn redact(&self, body: &mut Vec<u8>) -> bool {
        if self.raw.is_empty() {
            return false;
        }
        let mut changed = false;
        if let Some(ac) = &self.automaton {
            let mut matches = ac.find_iter(&body[..]).peekable();
            if matches.peek().is_some() {
                let mut out = Vec::with_capacity(body.len());
                let mut at = 0;
                for m in matches {
                    out.extend_from_slice(&body[at..m.start()]);
                    out.extend_from_slice(REDACTED.as_bytes());
                    at = m.end();
                }
                out.extend_from_slice(&body[at..]);
                *body = out;
                changed = true;
            }
        } else {
            for f in &self.fallback {
                changed |= replace_all(body, f.as_bytes());
            }
        }
        for s in &self.raw {
            if let Some(n) = cut_tail(body, s.as_bytes()) {
                body.truncate(body.len() - n);
                body.extend_from_slice(REDACTED.as_bytes());
                changed = true;
            }
        }
        changed
    }
}

/// The length of the longest start of `secret` (at least `MIN_CUT_PREFIX`, shorter than the
/// whole) that `body` ends with.
fn cut_tail(body: &[u8], secret: &[u8]) -> Option<usize> {
    let &last = body.last()?;
    let longest = secret.len().saturating_sub(1).min(body.len());
    (MIN_CUT_PREFIX..=longest).rev().find(|&n| secret[n - 1] == last && body.ends_with(&secret[..n]))
}

fn replace_all(hay: &mut Vec<u8>, needle: &[u8]) -> bool {
    if needle.is_empty() || memchr::memmem::find(hay, needle).is_none() {
        return false;
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut rest = &hay[..];
    while let Some(i) = memchr::memmem::find(rest, needle) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(REDACTED.as_bytes());
        rest = &rest[i + needle.len()..];
    }
    out.extend_from_slice(rest);
    *hay = out;
    true
}

/// Replace every secret (each at least `MIN_SECRET_LEN` long) in `body`, raw or JSON-escaped,
/// and a tail that is the start of one (a body cut in the middle of a key). Returns whether
/// anything changed. Compiles the secrets on each call: where the same secrets redact many
/// bodies, keep a `Needles`.
pub fn secrets_in_bytes<'s>(body: &mut Vec<u8>, secrets: impl IntoIterator<Item = &'s str>) -> bool {
    Needles::new(secrets).redact(body)
}

/// Error text (a message, an error type or code) with every secret and key-shaped token replaced.
pub fn error_text<'s>(text: &str, secrets: impl IntoIterator<Item = &'s str>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    secrets_in_bytes(&mut bytes, secrets);
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    key_shaped(&text).into_owned()
}

/// Replace `sk-…` and `Bearer …` tokens (at least `MIN_TOKEN_LEN` key characters long).
pub fn key_shaped(text: &str) -> Cow<'_, str> {
    let is_key = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/' | '=');
    if !text.contains("sk-") && !text.contains("Bearer ") && !text.contains("bearer ") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["sk-", "Bearer ", "bearer "].iter().filter_map(|p| rest.find(p).map(|i| (i, p.len()))).min();
        let Some((i, plen)) = next else { break };
        let after = &rest[i + plen..];
        let run = after.find(|c: char| !is_key(c)).unwrap_or(after.len());
        out.push_str(&rest[..i + plen]);
        if run >= MIN_TOKEN_LEN {
            out.push_str(REDACTED);
        } else {
            out.push_str(&after[..run]);
        }
        rest = &after[run..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A JSON value (an upstream's `code`, say) with its strings redacted like `error_text`.
pub fn json_value(v: &mut serde_json::Value, secrets: &[&str]) {
    match v {
        serde_json::Value::String(s) => *s = error_text(s, secrets.iter().copied()),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| json_value(x, secrets)),
        serde_json::Value::Object(m) => m.values_mut().for_each(|x| json_value(x, secrets)),
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_secret_goes() {
        let key = "sk-live/0123456789";
        let table = [
            (format!("x {key} y"), "x ***** y".to_string()),
            ("x sk-live\\/0123456789 y".to_string(), "x ***** y".to_string()),
            (format!("cut at the cap: {}", &key[..10]), "cut at the cap: *****".to_string()),
            ("short sk-ab stays".to_string(), "short sk-ab stays".to_string()),
        ];
        for (input, want) in table {
            let mut b = input.clone().into_bytes();
            secrets_in_bytes(&mut b, [key]);
            assert_eq!(String::from_utf8(b).ok().as_deref(), Some(want.as_str()), "{input}");
        }
        let unicode: String = "sk-live/0123456789".chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
        let mut b = format!("\"{unicode}\"").into_bytes();
        assert!(secrets_in_bytes(&mut b, [key]));
        assert_eq!(b, b"\"*****\"");
    }

    #[test]
    fn fifty_secrets_in_every_form_go_in_one_pass() {
        // Fifty keys, some containing others, some with `/` and `"` (escaped forms), in one body.
        let keys: Vec<String> = (0..50)
            .map(|i| match i % 5 {
                0 => format!("sk-proj-{i:02}-abcdefghijklmnop"),
                1 => format!("key/{i:02}/with/slashes"),
                2 => format!("quote\"{i:02}\"inside"),
                3 => format!("sk-proj-{:02}-abcdefghijklmnop-longer-{i:02}", i - 3),
                _ => format!("plain-secret-{i:02}"),
            })
            .collect();
        let needles = Needles::new(keys.iter().map(String::as_str).chain(["short"]));
        assert!(!format!("{needles:?}").contains("sk-proj"), "Debug shows no secret");
        for (i, k) in keys.iter().enumerate() {
            let json = serde_json::to_string(k).unwrap();
            let unicode: String = k.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
            let slashed = k.replace('/', "\\/");
            let body = format!(r#"{{"a":{json},"b":"{unicode}","c":"{slashed}","n":{i},"short":"short"}}"#);
            let mut b = body.clone().into_bytes();
            assert!(needles.redact(&mut b), "{body}");
            let out = String::from_utf8(b).unwrap();
            assert_eq!(out, format!(r#"{{"a":"*****","b":"*****","c":"*****","n":{i},"short":"short"}}"#), "{body}");
        }
        // A body cut by the cap in the middle of the 30th key loses that tail.
        let mut b = format!("prefix {}", &keys[30][..12]).into_bytes();
        assert!(needles.redact(&mut b));
        assert_eq!(b, b"prefix *****");
        // Nothing to find: untouched.
        let mut b = b"{\"model\":\"m\",\"messages\":[]}".to_vec();
        assert!(!needles.redact(&mut b));
        assert_eq!(b, b"{\"model\":\"m\",\"messages\":[]}");
    }

    #[test]
    fn a_secret_inside_a_longer_one_leaves_no_tail() {
        let needles = Needles::new(["abcdefgh12", "abcdefgh12345678"]);
        let mut b = b"x abcdefgh12345678 y abcdefgh12 z".to_vec();
        assert!(needles.redact(&mut b));
        assert_eq!(b, b"x ***** y ***** z");
        assert!(Needles::new(["short"]).is_empty());
    }

    #[test]
    fn key_shaped_tokens_go_from_error_text() {
        assert_eq!(
            error_text("bad key sk-proj-abcdefghijklmnop and Bearer abcdefghijklmnopq.", []),
            "bad key sk-***** and Bearer *****."
        );
        assert_eq!(error_text("task-sk-1 is fine", []), "task-sk-1 is fine");
    }
}
