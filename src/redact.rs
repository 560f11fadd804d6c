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
fn forms(secret: &str) -> Vec<Cow<'_, str>> {
    let mut out = vec![Cow::Borrowed(secret)];
    if let Ok(json) = serde_json::to_string(secret) {
        let inner = json.trim_matches('"').to_string();
        if inner != secret {
            out.push(Cow::Owned(inner));
        }
    }
    if secret.contains('/') {
        out.push(Cow::Owned(secret.replace('/', "\\/")));
    }
    let unicode: String = secret.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
    if secret.is_ascii() {
        out.push(Cow::Owned(unicode));
    }
    out
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
/// anything changed.
pub fn secrets_in_bytes<'s>(body: &mut Vec<u8>, secrets: impl IntoIterator<Item = &'s str>) -> bool {
    let mut changed = false;
    let mut secrets: Vec<&str> = secrets.into_iter().filter(|s| s.len() >= MIN_SECRET_LEN).collect();
    // Longest first, so a secret that contains another is replaced whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in &secrets {
        for f in forms(s) {
            changed |= replace_all(body, f.as_bytes());
        }
    }
    for s in &secrets {
        let s = s.as_bytes();
        let longest = s.len().saturating_sub(1).min(body.len());
        if let Some(n) = (MIN_CUT_PREFIX..=longest).rev().find(|&n| body.ends_with(&s[..n])) {
            body.truncate(body.len() - n);
            body.extend_from_slice(REDACTED.as_bytes());
            changed = true;
        }
    }
    changed
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
    fn key_shaped_tokens_go_from_error_text() {
        assert_eq!(
            error_text("bad key sk-proj-abcdefghijklmnop and Bearer abcdefghijklmnopq.", []),
            "bad key sk-***** and Bearer *****."
        );
        assert_eq!(error_text("task-sk-1 is fine", []), "task-sk-1 is fine");
    }
}
