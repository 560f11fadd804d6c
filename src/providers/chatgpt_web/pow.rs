//! The ChatGPT web backend's proof of work: the browser fingerprint list, the SHA3-512 search for
//! a nonce whose hash starts below the difficulty, and the two tokens built from it (the
//! requirements token, `gAAAAAC…`, and the proof token, `gAAAAAB…`). The search runs on tokio's
//! blocking pool, never on an async worker, and stops at a cap on attempts and on time (and when
//! the request that wanted it goes away); a difficulty whose expected cost is beyond the caps is
//! refused before any work is done.

use base64::Engine;
use serde_json::{Value, json};
use sha3::{Digest, Sha3_512};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The difficulty of the requirements token the client proves on its own (easy: ~16 attempts).
pub const REQUIREMENTS_DIFFICULTY: &[u8] = &[0x0f, 0xff, 0xff];

/// Attempts between two looks at the clock and the cancel flag.
const CHECK_EVERY: u64 = 256;

const SCREEN_SUMS: [u32; 4] = [3000, 4000, 3120, 4160];
const CORES: [u32; 4] = [8, 16, 24, 32];
const NAVIGATOR_KEYS: [&str; 15] = [
    "webdriver\u{2212}false",
    "vendor\u{2212}Google Inc.",
    "cookieEnabled\u{2212}true",
    "pdfViewerEnabled\u{2212}true",
    "hardwareConcurrency\u{2212}32",
    "language\u{2212}en-US",
    "mimeTypes\u{2212}[object MimeTypeArray]",
    "userAgentData\u{2212}[object NavigatorUAData]",
    "maxTouchPoints\u{2212}0",
    "onLine\u{2212}true",
    "product\u{2212}Gecko",
    "productSub\u{2212}20030107",
    "vendorSub\u{2212}",
    "deviceMemory\u{2212}8",
    "doNotTrack",
];
const DOCUMENT_KEYS: [&str; 2] = ["location", "_reactListeningo743lnnpvdg"];
const WINDOW_KEYS: [&str; 12] = [
    "0",
    "window",
    "self",
    "document",
    "name",
    "location",
    "navigator",
    "screen",
    "innerWidth",
    "innerHeight",
    "performance",
    "crypto",
];

/// Why no proof could be given.
#[derive(Debug, Clone, PartialEq)]
pub enum PowError {
    /// The difficulty is not hex, or is empty.
    BadDifficulty(String),
    /// Expected to need more attempts than allowed (refused before starting).
    TooHard { difficulty: String, expected_attempts: f64, cap: u64 },
    /// The search ran out of attempts or time without an answer.
    Exhausted { difficulty: String, attempts: u64, elapsed: Duration },
    /// Every proof-of-work slot stayed busy for the whole time cap.
    Busy(Duration),
}

impl std::fmt::Display for PowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PowError::BadDifficulty(d) => {
                write!(f, "proof-of-work difficulty '{}' is not in a known format (hex bytes)", d.escape_debug())
            }
            PowError::TooHard { difficulty, expected_attempts, cap } => write!(
                f,
                "proof-of-work difficulty '{difficulty}' needs about {expected_attempts:.0} attempts, beyond this \
                 provider's cap ({cap}); refused"
            ),
            PowError::Exhausted { difficulty, attempts, elapsed } => write!(
                f,
                "proof of work at difficulty '{difficulty}' found no answer in {attempts} attempts ({:.1}s); refused",
                elapsed.as_secs_f64()
            ),
            PowError::Busy(d) => {
                write!(f, "every proof-of-work thread stayed busy for {:.1}s; refused", d.as_secs_f64())
            }
        }
    }
}

/// Hex difficulty to bytes.
pub fn parse_difficulty(hex: &str) -> Result<Vec<u8>, PowError> {
    let bad = || PowError::BadDifficulty(hex.chars().take(40).collect());
    let h = hex.trim();
    if h.is_empty() || h.len() % 2 != 0 || h.len() > 32 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    (0..h.len())
        .step_by(2)
        .map(|i| h.get(i..i + 2).and_then(|d| u8::from_str_radix(d, 16).ok()).ok_or_else(bad))
        .collect()
}

/// The mean number of attempts a difficulty needs: 256^k / d, with d the difficulty read as a
/// big-endian number of k bytes (infinite for a difficulty of zero).
pub fn expected_attempts(difficulty: &[u8]) -> f64 {
    let mut d = 0f64;
    for b in difficulty {
        d = d * 256.0 + f64::from(*b);
    }
    if d == 0.0 { f64::INFINITY } else { 256f64.powi(difficulty.len().min(64) as i32) / d }
}

/// Whether a hash meets the difficulty: its first k bytes, big-endian, are strictly below it.
pub fn meets(hash: &[u8], difficulty: &[u8]) -> bool {
    hash.get(..difficulty.len()).is_some_and(|prefix| prefix < difficulty)
}

/// The SHA3-512 of `seed ‖ answer` (what the backend checks).
pub fn hash(seed: &str, answer: &str) -> [u8; 64] {
    let mut h = Sha3_512::new();
    h.update(seed.as_bytes());
    h.update(answer.as_bytes());
    h.finalize().into()
}

/// The 18-value browser fingerprint (slots 3 and 9 are the nonces).
pub fn fingerprint(user_agent: &str, script: &str, build_id: &str) -> Vec<Value> {
    let now = time::OffsetDateTime::now_utc();
    let eastern = now.to_offset(time::macros::offset!(-5));
    let date = eastern
        .format(time::macros::format_description!(
            "[weekday repr:short] [month repr:short] [day] [year] [hour]:[minute]:[second]"
        ))
        .unwrap_or_default();
    let perf = 1000.0 + fastrand::f64() * 9000.0;
    let now_ms = (now.unix_timestamp_nanos() / 1_000_000) as f64;
    vec![
        json!(SCREEN_SUMS[fastrand::usize(..SCREEN_SUMS.len())]),
        json!(format!("{date} GMT-0500 (Eastern Standard Time)")),
        json!(4_294_705_152u64),
        json!(0),
        json!(user_agent),
        json!(script),
        json!(build_id),
        json!("en-US"),
        json!("en-US,es-US,en,es"),
        json!(0),
        json!(NAVIGATOR_KEYS[fastrand::usize(..NAVIGATOR_KEYS.len())]),
        json!(DOCUMENT_KEYS[fastrand::usize(..DOCUMENT_KEYS.len())]),
        json!(WINDOW_KEYS[fastrand::usize(..WINDOW_KEYS.len())]),
        json!(perf),
        json!(super::uuid4()),
        json!(""),
        json!(CORES[fastrand::usize(..CORES.len())]),
        json!(now_ms - perf),
    ]
}

/// The compact JSON of the fingerprint cut around its two nonce slots, so each attempt only
/// formats two numbers.
struct Template {
    head: String,
    middle: String,
    tail: String,
}

impl Template {
    fn new(config: &[Value]) -> Option<Template> {
        let part = |vals: &[Value]| -> Option<String> {
            let s = serde_json::to_string(vals).ok()?;
            Some(s.get(1..s.len().checked_sub(1)?)?.to_string())
        };
        let (a, rest) = config.split_at_checked(3)?;
        let (b, c) = rest.get(1..)?.split_at_checked(5)?;
        let c = c.get(1..)?;
        Some(Template {
            head: format!("[{},", part(a)?),
            middle: format!(",{},", part(b)?),
            tail: format!(",{}]", part(c)?),
        })
    }

    fn answer(&self, i: u64, buf: &mut String) -> String {
        use std::fmt::Write;
        buf.clear();
        buf.push_str(&self.head);
        let _ = write!(buf, "{i}");
        buf.push_str(&self.middle);
        let _ = write!(buf, "{}", i / 2);
        buf.push_str(&self.tail);
        base64::engine::general_purpose::STANDARD.encode(buf.as_bytes())
    }
}

/// Limits of one search.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub max_attempts: u64,
    pub max_time: Duration,
}

/// Search synchronously (call it on a blocking thread). `cancel` stops it early.
pub fn solve(
    seed: &str,
    difficulty: &[u8],
    config: &[Value],
    caps: Caps,
    cancel: &AtomicBool,
) -> Result<String, PowError> {
    let hex = to_hex(difficulty);
    let expected = expected_attempts(difficulty);
    if expected > caps.max_attempts as f64 {
        return Err(PowError::TooHard { difficulty: hex, expected_attempts: expected, cap: caps.max_attempts });
    }
    let template = Template::new(config).ok_or_else(|| PowError::BadDifficulty(hex.clone()))?;
    let started = Instant::now();
    let mut buf = String::with_capacity(1024);
    for i in 0..caps.max_attempts {
        if i % CHECK_EVERY == 0 && i > 0 && (cancel.load(Ordering::Relaxed) || started.elapsed() >= caps.max_time) {
            return Err(PowError::Exhausted { difficulty: hex, attempts: i, elapsed: started.elapsed() });
        }
        let answer = template.answer(i, &mut buf);
        if meets(&hash(seed, &answer), difficulty) {
            return Ok(answer);
        }
    }
    Err(PowError::Exhausted { difficulty: hex, attempts: caps.max_attempts, elapsed: started.elapsed() })
}

/// Sets the flag when the awaiting request is dropped, so the blocking search stops too.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// [`solve`] on tokio's blocking pool.
pub async fn solve_blocking(
    seed: String,
    difficulty: Vec<u8>,
    config: Vec<Value>,
    caps: Caps,
) -> Result<String, PowError> {
    let cancel = Arc::new(AtomicBool::new(false));
    let guard = CancelOnDrop(cancel.clone());
    let hex = to_hex(&difficulty);
    let result = tokio::task::spawn_blocking(move || solve(&seed, &difficulty, &config, caps, &cancel)).await;
    drop(guard);
    result.unwrap_or(Err(PowError::Exhausted { difficulty: hex, attempts: 0, elapsed: Duration::ZERO }))
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn caps() -> Caps {
        Caps { max_attempts: 1_000_000, max_time: Duration::from_secs(60) }
    }

    #[test]
    fn an_answer_hashes_below_the_difficulty_and_decodes_to_the_fingerprint() {
        let config = fingerprint("UA", "https://x/s.js", "dpl");
        let d = parse_difficulty("0fffff").unwrap_or_default();
        let a = solve("0.42", &d, &config, caps(), &AtomicBool::new(false)).unwrap_or_default();
        assert!(meets(&hash("0.42", &a), &d));
        let raw = base64::engine::general_purpose::STANDARD.decode(&a).unwrap_or_default();
        let v: Vec<Value> = serde_json::from_slice(&raw).unwrap_or_default();
        assert_eq!(v.len(), 18);
        assert_eq!(v[4], json!("UA"));
        let i = v[3].as_u64().unwrap_or(u64::MAX);
        assert_eq!(v[9].as_u64(), Some(i / 2));
    }

    #[test]
    fn difficulty_formats_and_costs() {
        assert_eq!(parse_difficulty("00003a"), Ok(vec![0, 0, 0x3a]));
        assert!(parse_difficulty("3a0").is_err());
        assert!(parse_difficulty("zz").is_err());
        assert!(parse_difficulty("").is_err());
        assert!(parse_difficulty("+f").is_err());
        assert!((expected_attempts(&[0x0f, 0xff, 0xff]) - 16.0).abs() < 0.01);
        assert!(expected_attempts(&[0, 0]).is_infinite());
        assert!(!meets(&[0, 0, 0x3a], &[0, 0, 0x3a]));
        assert!(meets(&[0, 0, 0x39, 0xff], &[0, 0, 0x3a]));
    }

    #[test]
    fn a_difficulty_beyond_the_cap_is_refused_before_any_work() {
        let config = fingerprint("UA", "", "");
        let small = Caps { max_attempts: 1000, max_time: Duration::from_secs(60) };
        let started = Instant::now();
        let r = solve("s", &[0, 0, 0, 1], &config, small, &AtomicBool::new(false));
        assert!(matches!(r, Err(PowError::TooHard { .. })), "{r:?}");
        assert!(started.elapsed() < Duration::from_secs(5));
        let big = Caps { max_attempts: 100_000_000, max_time: Duration::from_secs(60) };
        let cancelled = solve("s", &[0, 0, 0, 0x40], &config, big, &AtomicBool::new(true));
        assert!(matches!(cancelled, Err(PowError::Exhausted { attempts: 256, .. })), "{cancelled:?}");
    }
}
