//! The secrets principals hold: relay keys (`mr-` + 40 base62 characters, stored as SHA-256 with
//! a public prefix for lookup), session tokens, and argon2id password hashes. Comparisons are
//! constant-time, and a check against an unknown user or prefix does the same work as a real one,
//! so timing does not reveal which part was wrong.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Random characters after `mr-` in a relay key.
pub const KEY_RANDOM_CHARS: usize = 40;
/// Characters of a relay key shown and used for lookup (`mr-` and 8 more).
pub const KEY_PREFIX_CHARS: usize = 11;
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Why a secret could not be made.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct SecretError(pub String);

fn random_bytes<const N: usize>() -> Result<[u8; N], SecretError> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| SecretError(format!("no system randomness: {e}")))?;
    Ok(b)
}

/// `n` random base62 characters (rejection sampling: no modulo bias).
pub fn random_base62(n: usize) -> Result<String, SecretError> {
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in random_bytes::<64>()? {
            if b < 248 && out.len() < n {
                out.push(BASE62[(b % 62) as usize] as char);
            }
        }
    }
    Ok(out)
}

/// A new relay key: (the key, its public prefix, its hash).
pub fn new_relay_key() -> Result<(String, String, String), SecretError> {
    let key = format!("mr-{}", random_base62(KEY_RANDOM_CHARS)?);
    let prefix = key[..KEY_PREFIX_CHARS].to_string();
    let hash = sha256_hex(&key);
    Ok((key, prefix, hash))
}

/// The lookup prefix of something that looks like a relay key.
pub fn relay_key_prefix(token: &str) -> Option<&str> {
    (token.starts_with("mr-") && token.len() == 3 + KEY_RANDOM_CHARS && token.is_ascii())
        .then(|| &token[..KEY_PREFIX_CHARS])
}

pub fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `token` hashes to `hash` (hex), in constant time.
pub fn hash_matches(token: &str, hash: &str) -> bool {
    bool::from(sha256_hex(token).as_bytes().ct_eq(hash.as_bytes()))
}

/// A new session token (256 random bits, base62).
pub fn new_token() -> Result<String, SecretError> {
    random_base62(43)
}

fn argon() -> argon2::Argon2<'static> {
    argon2::Argon2::default()
}

/// An argon2id PHC string for `password`.
pub fn hash_password(password: &str) -> Result<String, SecretError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?).map_err(|e| SecretError(e.to_string()))?;
    argon()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| SecretError(format!("cannot hash the password: {e}")))
}

/// A fixed hash verified against when the user is unknown or has no password, so that the
/// answer takes as long as for a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("monorelay-dummy-password").unwrap_or_default())
}

/// Whether `password` matches `phc`; `None` runs a dummy check and answers false.
pub fn verify_password(password: &str, phc: Option<&str>) -> bool {
    let (phc, real) = match phc {
        Some(p) => (p, true),
        None => (dummy_hash(), false),
    };
    let ok = PasswordHash::new(phc).is_ok_and(|h| argon().verify_password(password.as_bytes(), &h).is_ok());
    ok && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relay_keys_have_the_promised_shape() {
        let (key, prefix, hash) = new_relay_key().expect("key");
        assert_eq!(key.len(), 43);
        assert!(key[3..].chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(relay_key_prefix(&key), Some(prefix.as_str()));
        assert!(hash_matches(&key, &hash));
        assert!(!hash_matches(&format!("{key}x"), &hash));
        assert_eq!(relay_key_prefix("mr-short"), None);
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", Some(&h)));
        assert!(!verify_password("correct hors", Some(&h)));
        assert!(!verify_password("monorelay-dummy-password", None));
        assert!(!verify_password("x", Some("not a phc string")));
    }
}
