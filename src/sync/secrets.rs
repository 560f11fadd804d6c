//! Secrets out of, and back into, the config *text*; and `secrets.age`, their encryption under a
//! passphrase (age, scrypt recipient, ASCII armour).
//!
//! `extract` walks the YAML text line by line, tracking each value's key path from indentation,
//! and replaces every secret scalar — `access_key`, upstream `key`s (web tokens included), SSO,
//! Turnstile and JWT secrets, `password`, credential-looking `headers` — by a reference
//! `"${secret:PATH}"`, keeping every other byte (comments, order, quoting style) as written.
//! `${ENV}` references are not secrets and stay. A reference left unresolved fails the normal
//! config checks (an invalid environment reference), so a config with a missing secret can never
//! load by accident. `inject` puts values back.

use crate::secret::Secret;
use std::collections::BTreeMap;
use std::io::{Read, Write};

/// Keys whose scalar value is a secret wherever they appear.
const SECRET_KEYS: &[&str] = &[
    "key",
    "api_key",
    "access_key",
    "access_token",
    "token",
    "session_token",
    "cookie",
    "password",
    "secret",
    "client_secret",
    "github_client_secret",
    "google_client_secret",
    "local_sso_secret",
    "jwt_secret",
    "turnstile_secret_key",
    "sync_token",
    "gist_token",
    "webdav_password",
];

/// The prefix of a reference: `${secret:providers.openai.keys[0].key}`.
pub const REF_PREFIX: &str = "${secret:";

/// Secret values by key path (`providers.openai.keys[0].key`). `Debug` never shows values.
#[derive(Default, Clone, PartialEq)]
pub struct Secrets(pub BTreeMap<String, String>);

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

/// Why `secrets.age` could not be opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretsError {
    #[error("the passphrase does not open secrets.age (wrong passphrase)")]
    WrongPassphrase,
    #[error("secrets.age is not an age file encrypted by monorelay (corrupted or foreign): {0}")]
    Corrupt(String),
    #[error("cannot encrypt the secrets: {0}")]
    Encrypt(String),
}

fn is_header_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["auth", "key", "token", "cookie", "secret"].iter().any(|w| n.contains(w))
}

#[derive(Debug)]
enum Seg {
    Key(String),
    Item(usize),
}

struct Frame {
    indent: usize,
    seg: Seg,
    /// Items seen directly under this key so far.
    items: usize,
}

/// A scalar in `s`: (start, end, unquoted value), `None` for empty, block (`|`, `>`), flow
/// (`{`, `[`), alias, or tag values.
fn scalar_span(s: &str) -> Option<(usize, usize, String)> {
    let start = s.len() - s.trim_start().len();
    let t = &s[start..];
    if t.is_empty() || t.starts_with(['#', '|', '>', '{', '[', '&', '*', '!']) {
        return None;
    }
    if let Some(rest) = t.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((start, start + 1 + i + 1, out)),
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, e)) => out.push(e),
                    None => return None,
                },
                c => out.push(c),
            }
        }
        return None;
    }
    if let Some(rest) = t.strip_prefix('\'') {
        let mut out = String::new();
        let mut i = 0;
        let b = rest.as_bytes();
        while i < b.len() {
            if b[i] == b'\'' {
                if b.get(i + 1) == Some(&b'\'') {
                    out.push('\'');
                    i += 2;
                    continue;
                }
                return Some((start, start + 1 + i + 1, out));
            }
            let ch = rest[i..].chars().next()?;
            out.push(ch);
            i += ch.len_utf8();
        }
        return None;
    }
    let end = t.find(" #").unwrap_or(t.len());
    let v = t[..end].trim_end();
    if v.is_empty() {
        return None;
    }
    Some((start, start + v.len(), v.to_string()))
}

/// `name: rest` at the start of `s` (plain or quoted name): the name and the offset just after
/// its `:`.
fn key_of(s: &str) -> Option<(String, usize)> {
    for q in ['"', '\''] {
        if let Some(r) = s.strip_prefix(q) {
            let end = r.find(q)?;
            let after = 1 + end + 1;
            let rest = &s[after..];
            return (rest == ":" || rest.starts_with(": ")).then(|| (r[..end].to_string(), after + 1));
        }
    }
    let colon = s.find(": ").or_else(|| s.strip_suffix(':').map(str::len))?;
    let name = s[..colon].trim_end();
    if name.is_empty() || name.contains(" #") || name.starts_with(['#', '{', '[', '"', '\'']) {
        return None;
    }
    Some((name.to_string(), colon + 1))
}

fn render(frames: &[Frame], last: &str) -> String {
    let mut out = String::new();
    for f in frames {
        match &f.seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Item(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if !last.is_empty() {
        if !out.is_empty() && !last.starts_with('[') {
            out.push('.');
        }
        out.push_str(last);
    }
    out
}

fn is_secret_value(v: &str) -> bool {
    // `${ENV}` references (ours, `${secret:…}`, included) are not values.
    let reference = v.starts_with("${") && v.ends_with('}');
    !v.is_empty() && !reference
}

/// A YAML double-quoted scalar for `v` (a JSON string is one).
fn quoted(v: &str) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "\"\"".to_string())
}

/// Replace every secret in `text` by a reference; returns the public text and the values.
/// References already in the text (`${secret:…}`) are left alone and not collected.
pub fn extract(text: &str) -> (String, Secrets) {
    let mut secrets = BTreeMap::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let eol = &line[body.len()..];
        let trimmed = body.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            out.push_str(line);
            continue;
        }
        let mut ind = body.len() - trimmed.len();
        let mut rest = trimmed;
        let mut new_line = body.to_string();
        // Sequence items, possibly nested on one line (`- - x` is not used in configs).
        if rest == "-" || rest.starts_with("- ") {
            while frames.last().is_some_and(|f| f.indent > ind || (f.indent == ind && matches!(f.seg, Seg::Item(_)))) {
                frames.pop();
            }
            let idx = match frames.last_mut() {
                Some(parent) => {
                    parent.items += 1;
                    parent.items - 1
                }
                None => 0,
            };
            frames.push(Frame { indent: ind, seg: Seg::Item(idx), items: 0 });
            let after = rest.strip_prefix('-').unwrap_or("");
            let pad = after.len() - after.trim_start().len();
            ind += 1 + pad;
            rest = after.trim_start();
            if rest.is_empty() {
                out.push_str(line);
                continue;
            }
            let parent_key = frames.iter().rev().nth(1).and_then(|f| match &f.seg {
                Seg::Key(k) => Some(k.as_str()),
                Seg::Item(_) => None,
            });
            if rest.starts_with('{') {
                new_line = flow_fields_in(body, ind, &render(&frames, ""), false, &mut secrets);
                out.push_str(&new_line);
                out.push_str(eol);
                continue;
            }
            if key_of(rest).is_none() {
                // A bare item: an upstream key written as `- sk-…`.
                if parent_key == Some("keys")
                    && let Some((s, e, v)) = scalar_span(rest)
                    && is_secret_value(&v)
                    && !v.starts_with(REF_PREFIX)
                {
                    let path = render(&frames, "");
                    new_line =
                        format!("{}{}{}", &body[..ind + s], quoted(&format!("{REF_PREFIX}{path}}}")), &body[ind + e..]);
                    secrets.insert(path, v);
                }
                out.push_str(&new_line);
                out.push_str(eol);
                continue;
            }
        } else {
            while frames.last().is_some_and(|f| f.indent >= ind) {
                frames.pop();
            }
        }
        let Some((name, after)) = key_of(rest) else {
            out.push_str(line);
            continue;
        };
        let in_headers = frames.last().is_some_and(|f| matches!(&f.seg, Seg::Key(k) if k == "headers"));
        let secret_name = SECRET_KEYS.contains(&name.as_str()) || (in_headers && is_header_secret(&name));
        let value_at = ind + after;
        if secret_name
            && let Some((s, e, v)) = scalar_span(&body[value_at..])
            && is_secret_value(&v)
            && !v.starts_with(REF_PREFIX)
        {
            let path = render(&frames, &name);
            new_line = format!(
                "{}{}{}",
                &body[..value_at + s],
                quoted(&format!("{REF_PREFIX}{path}}}")),
                &body[value_at + e..]
            );
            secrets.insert(path, v);
        } else if body[value_at..].trim_start().starts_with('{') {
            let path = render(&frames, &name);
            let off = value_at + (body[value_at..].len() - body[value_at..].trim_start().len());
            let is_headers = name == "headers";
            new_line = flow_fields_in(body, off, &path, is_headers, &mut secrets);
        }
        frames.push(Frame { indent: ind, seg: Seg::Key(name), items: 0 });
        out.push_str(&new_line);
        out.push_str(eol);
    }
    (out, Secrets(secrets))
}

/// Secrets inside a one-line flow mapping starting at byte `off` of `body`
/// (`{key: sk-…, label: a}`); values may not contain `,` or `}` unless quoted.
fn flow_fields_in(body: &str, off: usize, path: &str, headers: bool, secrets: &mut BTreeMap<String, String>) -> String {
    let mut out = body[..off + 1].to_string();
    let mut i = off + 1;
    let b = body.as_bytes();
    while i < body.len() {
        // One field: up to the next top-level ',' or '}'.
        let field_start = i;
        let mut j = i;
        let mut quote: Option<u8> = None;
        while j < b.len() {
            match (quote, b[j]) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), b'\\') => j += 1,
                (Some(_), _) => {}
                (None, b'"') | (None, b'\'') => quote = Some(b[j]),
                (None, b',') | (None, b'}') => break,
                _ => {}
            }
            j += 1;
        }
        let j = j.min(body.len());
        let field = &body[field_start..j];
        let ft = field.trim_start();
        let lead = field.len() - ft.len();
        let mut replaced = None;
        if let Some((name, after)) = key_of(ft) {
            let secret_name = SECRET_KEYS.contains(&name.as_str()) || (headers && is_header_secret(&name));
            if secret_name
                && let Some((s, e, v)) = scalar_span(&ft[after..])
                && is_secret_value(&v)
                && !v.starts_with(REF_PREFIX)
            {
                let p = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                replaced = Some(format!(
                    "{}{}{}{}",
                    &field[..lead],
                    &ft[..after + s],
                    quoted(&format!("{REF_PREFIX}{p}}}")),
                    &ft[after + e..]
                ));
                secrets.insert(p, v);
            }
        }
        out.push_str(replaced.as_deref().unwrap_or(field));
        if j >= body.len() {
            break;
        }
        out.push(char::from(b[j]));
        i = j + 1;
        if b[j] == b'}' {
            out.push_str(&body[i..]);
            break;
        }
    }
    out
}

/// A safety net after `extract`: every value at a secret-named key of the parsed public text
/// must be empty or a reference. Returns the key paths where a secret would still leave in clear
/// (written in a form the line scanner does not rewrite, such as a block scalar).
pub fn leaks(public: &str) -> Vec<String> {
    use crate::config::yaml::Value;
    fn walk(v: &Value, path: &str, parent: &str, out: &mut Vec<String>) {
        match v {
            Value::Mapping(m) => {
                for (k, item) in m {
                    let Some(k) = k.as_str() else { continue };
                    let p = if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
                    let secret = SECRET_KEYS.contains(&k) || (parent == "headers" && is_header_secret(k));
                    match item {
                        Value::String(s) if secret && is_secret_value(s) => out.push(p),
                        Value::Number(_) if secret => out.push(p),
                        _ => walk(item, &p, k, out),
                    }
                }
            }
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    match item {
                        Value::String(s) if parent == "keys" && is_secret_value(s) => out.push(p),
                        _ => walk(item, &p, "", out),
                    }
                }
            }
            Value::Tagged(t) => walk(&t.value, path, parent, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match crate::config::yaml::parse(public) {
        Ok(v) => walk(&v, "", "", &mut out),
        Err(e) => out.push(format!("(the config text does not parse: {e})")),
    }
    out
}

/// Put values back: every `"${secret:PATH}"` whose PATH is in `secrets` becomes the value,
/// double-quoted. Returns the text and the paths still unresolved.
pub fn inject(text: &str, secrets: &Secrets) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut missing = Vec::new();
    let mut rest = text;
    let open = format!("\"{REF_PREFIX}");
    while let Some(at) = rest.find(&open) {
        out.push_str(&rest[..at]);
        let after = &rest[at + open.len()..];
        let Some(end) = after.find("}\"") else {
            out.push_str(&rest[at..]);
            rest = "";
            break;
        };
        let path = &after[..end];
        match secrets.0.get(path) {
            Some(v) => out.push_str(&quoted(v)),
            None => {
                missing.push(path.to_string());
                out.push_str(&rest[at..at + open.len() + end + 2]);
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    (out, missing)
}

/// Default scrypt work factor (log2 N) for new `secrets.age` files: age's own floor for
/// interactive use. `MONORELAY_SYNC_WORK_FACTOR` (10–22) overrides it, e.g. for tests.
const WORK_FACTOR: u8 = 18;
/// The most work a `secrets.age` may ask of us (log2 N); more is refused, not attempted.
const MAX_WORK_FACTOR: u8 = 22;

fn work_factor() -> u8 {
    std::env::var("MONORELAY_SYNC_WORK_FACTOR")
        .ok()
        .and_then(|v| v.trim().parse::<u8>().ok())
        .map_or(WORK_FACTOR, |n| n.clamp(10, MAX_WORK_FACTOR))
}

/// The wire form inside the encryption.
#[derive(serde::Serialize, serde::Deserialize)]
struct Bundle {
    monorelay_secrets: u32,
    secrets: BTreeMap<String, String>,
}

/// Encrypt `secrets` under `passphrase`: an ASCII-armoured age file.
pub fn seal(secrets: &Secrets, passphrase: &Secret<String>) -> Result<String, SecretsError> {
    seal_with(secrets, passphrase, work_factor())
}

fn seal_with(secrets: &Secrets, passphrase: &Secret<String>, log_n: u8) -> Result<String, SecretsError> {
    use age::armor::{ArmoredWriter, Format};
    let enc = |e: &dyn std::fmt::Display| SecretsError::Encrypt(e.to_string());
    let plain =
        serde_json::to_vec(&Bundle { monorelay_secrets: 1, secrets: secrets.0.clone() }).map_err(|e| enc(&e))?;
    let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(passphrase.expose().clone()));
    recipient.set_work_factor(log_n);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).map_err(|e| enc(&e))?;
    let mut out = Vec::new();
    let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(|e| enc(&e))?;
    let mut w = encryptor.wrap_output(armor).map_err(|e| enc(&e))?;
    w.write_all(&plain).map_err(|e| enc(&e))?;
    w.finish().and_then(|a| a.finish()).map_err(|e| enc(&e))?;
    String::from_utf8(out).map_err(|e| enc(&e))
}

/// Decrypt a `secrets.age` made by `seal`.
pub fn open(armored: &str, passphrase: &Secret<String>) -> Result<Secrets, SecretsError> {
    use age::DecryptError as D;
    use age::armor::ArmoredReader;
    let corrupt = |e: &dyn std::fmt::Display| SecretsError::Corrupt(e.to_string());
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(armored.as_bytes())).map_err(|e| corrupt(&e))?;
    if !decryptor.is_scrypt() {
        return Err(SecretsError::Corrupt("it is not encrypted to a passphrase".into()));
    }
    let mut identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.expose().clone()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
        Ok(r) => r,
        Err(D::DecryptionFailed | D::NoMatchingKeys | D::KeyDecryptionFailed) => {
            return Err(SecretsError::WrongPassphrase);
        }
        Err(e) => return Err(corrupt(&e)),
    };
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).map_err(|e| corrupt(&e))?;
    let bundle: Bundle = serde_json::from_slice(&plain).map_err(|_| corrupt(&"its content is not monorelay's"))?;
    Ok(Secrets(bundle.secrets))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# top comment\nserver:\n  access_key: \"abcd-secret\"   # the relay's\n  port: 8787\nproviders:\n  a:\n    keys:\n      - key: sk-one  # main\n        label: one\n      - {key: 'sk-two', label: b}\n      - key: ${ENV_KEY}\n    headers:\n      Authorization: Bearer hdr-secret\n      X-Title: hello\n  b:\n    keys:\n    - key: sk-three\n    - sk-four\nsso:\n  github_client_secret: gh-secret\nsync:\n  webdav:\n    password: dav-pass\n";

    #[test]
    fn extract_and_inject_round_trip() {
        let (public, secrets) = extract(TEXT);
        for s in ["abcd-secret", "sk-one", "sk-two", "hdr-secret", "sk-three", "sk-four", "gh-secret", "dav-pass"] {
            assert!(!public.contains(s), "{s} left in:\n{public}");
        }
        assert!(public.contains("# top comment") && public.contains("# the relay's") && public.contains("# main"));
        assert!(public.contains("${ENV_KEY}") && public.contains("X-Title: hello"));
        let paths: Vec<&str> = secrets.0.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            [
                "providers.a.headers.Authorization",
                "providers.a.keys[0].key",
                "providers.a.keys[1].key",
                "providers.b.keys[0].key",
                "providers.b.keys[1]",
                "server.access_key",
                "sso.github_client_secret",
                "sync.webdav.password",
            ]
        );
        let (back, missing) = inject(&public, &secrets);
        assert!(missing.is_empty());
        let parse = |t: &str| crate::config::yaml::parse(t).ok();
        assert_eq!(parse(&back), parse(TEXT));
        assert!(leaks(&public).is_empty(), "{:?}", leaks(&public));
        assert_eq!(leaks("sso:\n  client_secret: |\n    block-secret\n"), ["sso.client_secret"]);
        // Extracting again finds nothing new in the public text.
        assert!(extract(&public).1.0.is_empty());
    }

    #[test]
    fn missing_secrets_are_named() {
        let (public, mut secrets) = extract(TEXT);
        secrets.0.remove("server.access_key");
        let (_, missing) = inject(&public, &secrets);
        assert_eq!(missing, ["server.access_key"]);
    }

    #[test]
    fn seal_and_open() {
        let s = Secrets(BTreeMap::from([("a.key".to_string(), "sk-1".to_string())]));
        let pass = Secret::new("correct horse".to_string());
        let sealed = seal_with(&s, &pass, 10).expect("seal");
        assert!(sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----") && !sealed.contains("sk-1"));
        assert_eq!(open(&sealed, &pass), Ok(s));
        assert_eq!(open(&sealed, &Secret::new("wrong".into())), Err(SecretsError::WrongPassphrase));
        assert!(matches!(open("not age", &pass), Err(SecretsError::Corrupt(_))));
    }
}
