//! Upstream outcome classification, in one place: what an upstream's failure means. The input is
//! an HTTP status with its headers (`Retry-After`, `retry-after-ms`, `x-ratelimit-*`) and error
//! body in either dialect (OpenAI `{"error":{message,type,code}}`, Anthropic
//! `{"type":"error","error":{type,message}}`, `{"detail":…}`, plain text), or a transport error
//! (connect, timeout, reset, body cut), or a 2xx answer whose body is unusable, or an error event
//! inside a stream. The output is one `Classified` value: whose fault it is, whether another key or
//! candidate may be tried, the key's penalty (`keys::Outcome`), the status to answer, the message
//! and the upstream's own type and code. The relay's attempt loop, the provider `retry` policy and
//! the key pools read that value instead of re-deriving anything from status codes. Error bodies
//! are read by the one parser, `wire::error::ErrorInfo` (the stream translators use it too); the
//! "tools not supported" signal is raised here.

pub use crate::wire::error::ErrorInfo;

use crate::config::RetryConfig;
use crate::error::{ErrorKind, RelayError};
use crate::keys::Outcome;
use crate::providers::UpstreamError;
use crate::secret::Secret;
use http::{HeaderMap, StatusCode, header};
use serde_json::Value;
use serde_json::value::RawValue;
use std::time::{Duration, SystemTime};

/// Longest wait read from rate-limit headers: one day.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(86_400);

/// Whose fault a failed upstream exchange is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The request itself (400, 404, 422, an ignored error type…): answered as-is, no penalty.
    Client,
    /// This key (429 rate limit, 401/403 rejected key): another key may do.
    Key,
    /// The upstream service (5xx, timeouts, broken or unusable answers).
    Provider,
    /// The relay itself.
    Relay,
}

impl From<Fault> for crate::error::Fault {
    fn from(f: Fault) -> Self {
        match f {
            Fault::Client => crate::error::Fault::Client,
            Fault::Key | Fault::Provider => crate::error::Fault::Upstream,
            Fault::Relay => crate::error::Fault::Relay,
        }
    }
}

/// Replace the key, every other configured secret, and anything key-shaped, in every field the
/// client or the log may see: the message, the upstream's type and its code (`crate::redact`).
fn redact(mut info: ErrorInfo, ctx: &Context<'_>) -> ErrorInfo {
    let secrets: Vec<&str> = ctx.key.into_iter().chain(ctx.secrets.iter()).map(|k| k.expose().as_str()).collect();
    info.message = crate::redact::error_text(&info.message, secrets.iter().copied());
    info.upstream_type = info.upstream_type.map(|t| crate::redact::error_text(&t, secrets.iter().copied()));
    if let Some(code) = info.code.as_mut() {
        crate::redact::json_value(code, &secrets);
    }
    info
}

/// What one failed upstream exchange means, decided once.
#[derive(Debug, Clone, PartialEq)]
pub struct Classified {
    pub fault: Fault,
    /// Another key, then another candidate, may be tried (only before the client got a byte).
    pub fail_over: bool,
    /// What the key's pool records.
    pub penalty: Outcome,
    /// The status to answer with (the upstream's own, or 502/504 for what had none).
    pub status: StatusCode,
    pub kind: ErrorKind,
    /// Prefixed with the provider's name, the key redacted.
    pub message: String,
    pub upstream_type: Option<String>,
    pub code: Option<Value>,
    /// How long the upstream asked us to wait (429 only).
    pub retry_after: Option<Duration>,
    /// The upstream said it cannot take tools (400/404/422 saying so).
    pub tools_unsupported: bool,
}

/// What the classifier needs of the provider.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub provider: &'a str,
    /// Upstream error types answered as the client's fault (`ignore.ignore_errors`).
    pub ignore_errors: &'a [String],
    /// The key used, redacted from messages.
    pub key: Option<&'a Secret<String>>,
    /// Every other configured secret (`Runtime::secrets`), redacted too.
    pub secrets: &'a [Secret<String>],
}

impl Classified {
    /// A non-2xx upstream answer.
    pub fn response(ctx: Context<'_>, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Classified {
        if status.is_redirection() {
            // The relay never follows redirects (a key must not go elsewhere) and never shows the
            // client where the upstream pointed: a redirect is the upstream's fault, failed over.
            let message = format!("[{}] the upstream answered with a redirect ({})", ctx.provider, status.as_u16());
            return Classified::provider(StatusCode::BAD_GATEWAY, ErrorKind::Upstream, message);
        }
        let info = redact(ErrorInfo::parse(body), &ctx);
        // Google answers a bad key with 400 and the reason `API_KEY_INVALID`: the key's fault.
        let google_bad_key =
            status == StatusCode::BAD_REQUEST && memchr::memmem::find(body, b"API_KEY_INVALID").is_some();
        let kind = match status.as_u16() {
            _ if google_bad_key => ErrorKind::Authentication,
            400 | 422 => ErrorKind::InvalidRequest,
            401 => ErrorKind::Authentication,
            403 => ErrorKind::Permission,
            404 => ErrorKind::NotFound,
            413 => ErrorKind::RequestTooLarge,
            429 => ErrorKind::RateLimited,
            408 | 504 => ErrorKind::Timeout,
            _ => ErrorKind::Upstream,
        };
        let ignored = info.upstream_type.as_ref().is_some_and(|t| ctx.ignore_errors.iter().any(|i| i == t));
        let retry_after = (status == StatusCode::TOO_MANY_REQUESTS).then(|| retry_after(headers)).flatten();
        let (fault, penalty) = match status.as_u16() {
            _ if ignored => (Fault::Client, Outcome::ClientError),
            429 => (Fault::Key, Outcome::RateLimited { retry_after }),
            401 | 403 => (Fault::Key, Outcome::AuthFailed),
            _ if google_bad_key => (Fault::Key, Outcome::AuthFailed),
            408 | 500..=599 => (Fault::Provider, Outcome::ServerError),
            _ => (Fault::Client, Outcome::ClientError),
        };
        let tools_unsupported =
            matches!(status.as_u16(), 400 | 404 | 422) && crate::tools::says_tools_unsupported(&info.message);
        Classified {
            fault,
            fail_over: fault != Fault::Client,
            penalty,
            status,
            kind,
            message: format!("[{}] {}", ctx.provider, info.message),
            upstream_type: info.upstream_type,
            code: info.code,
            retry_after,
            tools_unsupported,
        }
    }

    /// No usable answer arrived: connect error, timeout, reset, body cut.
    pub fn transport(provider: &str, e: &UpstreamError) -> Classified {
        let (status, kind) = if e.is_timeout() {
            (StatusCode::GATEWAY_TIMEOUT, ErrorKind::Timeout)
        } else {
            (StatusCode::BAD_GATEWAY, ErrorKind::Upstream)
        };
        Classified::provider(status, kind, format!("[{provider}] {e}"))
    }

    /// A 2xx answer that cannot be used (not JSON, too large, not an event stream, cut before
    /// its first event…), or a stream that broke off. `detail` must not hold the key.
    pub fn bad_answer(provider: &str, detail: impl std::fmt::Display) -> Classified {
        Classified::provider(StatusCode::BAD_GATEWAY, ErrorKind::Upstream, format!("[{provider}] {detail}"))
    }

    /// An error event in an upstream's stream (before or after the first byte reached the client:
    /// the caller decides whether failing over is still possible).
    pub fn stream_error(ctx: Context<'_>, info: ErrorInfo) -> Classified {
        let info = redact(info, &ctx);
        let mut c = Classified::bad_answer(ctx.provider, &info.message);
        c.upstream_type = info.upstream_type;
        c.code = info.code;
        c
    }

    /// A 2xx answer whose body is an error or no answer at all: `{"error": …}` (or Anthropic's
    /// `{"type": "error"}`), an empty object, a body that is not a JSON object, or (with
    /// `required`) one without the field every answer of its kind carries (`choices`, `content`).
    /// `None`: the body looks like an answer.
    pub fn unusable_success(ctx: Context<'_>, body: &[u8], required: Option<&str>) -> Option<Classified> {
        #[derive(serde::Deserialize)]
        struct Probe {
            #[serde(default)]
            error: Option<Value>,
            #[serde(default, rename = "type")]
            kind: Option<Value>,
        }
        let trimmed = body.trim_ascii();
        let not_object = !trimmed.starts_with(b"{");
        let empty = trimmed.iter().filter(|b| !b.is_ascii_whitespace()).eq(b"{}".iter());
        if not_object || empty {
            let what = if empty { "an empty JSON object" } else { "a body that is not JSON (or not a JSON object)" };
            return Some(Classified::bad_answer(ctx.provider, format!("the upstream answered 2xx with {what}")));
        }
        let probe = match serde_json::from_slice::<Probe>(body) {
            Ok(p) => p,
            Err(e) => {
                let detail = format!("the upstream answered 2xx with a body that is not JSON: {e}");
                return Some(Classified::bad_answer(ctx.provider, detail));
            }
        };
        let is_error = probe.error.as_ref().is_some_and(|e| !e.is_null())
            || probe.kind.as_ref().and_then(Value::as_str) == Some("error");
        if is_error {
            let mut info = ErrorInfo::parse(body);
            info.message = format!("the upstream answered 2xx with an error: {}", info.message);
            return Some(Classified::stream_error(ctx, info));
        }
        if let Some(field) = required {
            // Only the top level is looked at; the field's value is skipped, not built.
            let has = serde_json::from_slice::<std::collections::HashMap<String, serde::de::IgnoredAny>>(body)
                .is_ok_and(|m| m.contains_key(field));
            if !has {
                let detail = format!("the upstream answered 2xx without '{field}'");
                return Some(Classified::bad_answer(ctx.provider, detail));
            }
        }
        None
    }

    /// `unusable_success` in one pass over the body, also handing back its `usage` (or Gemini's
    /// `usageMetadata`): the top level is read without building anything but the few values looked
    /// at. Whatever that pass cannot settle (an error answer, a missing field, a duplicate key,
    /// a body that is not a JSON object) is decided by `unusable_success` itself, so the verdict
    /// and its message are the same.
    pub fn check_success<'a>(
        ctx: Context<'_>,
        body: &'a [u8],
        required: Option<&str>,
    ) -> Result<Answer<'a>, Classified> {
        if let Some(top) = TopLevel::read(body, required) {
            let usable = top.fields > 0 && !top.is_error() && (required.is_none() || top.has_required);
            if usable {
                return Ok(Answer { usage: top.usage, read: true });
            }
        }
        match Classified::unusable_success(ctx, body, required) {
            Some(c) => Err(c),
            None => Ok(Answer { usage: None, read: false }),
        }
    }

    fn provider(status: StatusCode, kind: ErrorKind, message: String) -> Classified {
        Classified {
            fault: Fault::Provider,
            fail_over: true,
            penalty: Outcome::ServerError,
            status,
            kind,
            message,
            upstream_type: None,
            code: None,
            retry_after: None,
            tools_unsupported: false,
        }
    }

    /// Whether the provider's `retry` policy asks for another round: the status is in
    /// `retry_on_status`, or the upstream's error type (or our own label for the failure:
    /// `upstream_error`, `timeout_error`) is in `retry_on_errors`.
    pub fn retry_qualifies(&self, policy: &RetryConfig) -> bool {
        let has = |label: &str| policy.on_errors.iter().any(|t| t == label);
        policy.on_status.contains(&self.status.as_u16())
            || self.upstream_type.as_deref().is_some_and(has)
            || (self.status == StatusCode::BAD_GATEWAY && has("upstream_error"))
            || (self.kind == ErrorKind::Timeout && has("timeout_error"))
    }

    /// The error the client sees, in our shape.
    pub fn to_error(&self) -> RelayError {
        let mut e = RelayError::new(self.status, self.kind, self.fault.into(), self.message.clone());
        e.upstream_type = self.upstream_type.clone();
        e.code = self.code.clone();
        e.retry_after = self.retry_after;
        e
    }
}

/// A usable 2xx answer, as `Classified::check_success` read it.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// The raw `usage` (or `usageMetadata`) value, when `read` and present.
    pub usage: Option<&'a RawValue>,
    /// The one pass read the whole top level (`usage` is then known); `false`: the body has to be
    /// read again for it.
    pub read: bool,
}

/// What `check_success` looks at in a 2xx body's top level. `read` is `None` for anything the
/// one pass does not settle: not a JSON object, invalid JSON, a key given twice among those
/// looked at, a `type` that is not a plain string.
#[derive(Default)]
struct TopLevel<'a> {
    fields: usize,
    error: Option<&'a RawValue>,
    kind: Option<&'a RawValue>,
    usage: Option<&'a RawValue>,
    has_required: bool,
}

impl<'a> TopLevel<'a> {
    fn read(body: &'a [u8], required: Option<&str>) -> Option<TopLevel<'a>> {
        // Not UTF-8: left to the full parse, which words the error (see `body::from_json`).
        let mut de = serde_json::Deserializer::from_str(std::str::from_utf8(body).ok()?);
        let top = serde::Deserializer::deserialize_map(&mut de, TopLevelVisitor { required }).ok()?;
        de.end().ok()?;
        Some(top)
    }

    fn is_error(&self) -> bool {
        let error = self.error.is_some_and(|e| e.get() != "null");
        // A plain string compares as written; anything else is left to the full parse (`read`).
        error || self.kind.is_some_and(|k| k.get() == "\"error\"")
    }
}

struct TopLevelVisitor<'r> {
    required: Option<&'r str>,
}

/// The top-level key, compared where it lies (no `String` for it).
enum TopKey {
    Error,
    Type,
    Usage,
    Required,
    Other,
}

struct TopKeySeed<'r>(Option<&'r str>);

impl<'de> serde::de::DeserializeSeed<'de> for TopKeySeed<'_> {
    type Value = TopKey;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<TopKey, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TopKeySeed<'_> {
    type Value = TopKey;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, k: &str) -> Result<TopKey, E> {
        Ok(match k {
            _ if Some(k) == self.0 => TopKey::Required,
            "error" => TopKey::Error,
            "type" => TopKey::Type,
            "usage" | "usageMetadata" => TopKey::Usage,
            _ => TopKey::Other,
        })
    }
}

impl<'de, 'r> serde::de::Visitor<'de> for TopLevelVisitor<'r> {
    type Value = TopLevel<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<TopLevel<'de>, A::Error> {
        use serde::de::Error as _;
        let mut top = TopLevel::default();
        let once = |slot: &mut Option<&'de RawValue>, v: &'de RawValue| {
            if slot.replace(v).is_some() { Err(A::Error::custom("duplicate key")) } else { Ok(()) }
        };
        while let Some(key) = map.next_key_seed(TopKeySeed(self.required))? {
            top.fields += 1;
            match key {
                TopKey::Error => once(&mut top.error, map.next_value()?)?,
                TopKey::Type => {
                    let v: &RawValue = map.next_value()?;
                    // Only a plain string is compared here; the rest goes to the full parse.
                    let plain = v.get().starts_with('"') && !v.get().contains('\\');
                    if !plain {
                        return Err(A::Error::custom("not a plain string"));
                    }
                    once(&mut top.kind, v)?
                }
                TopKey::Usage => once(&mut top.usage, map.next_value()?)?,
                TopKey::Required => {
                    top.has_required = true;
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                TopKey::Other => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(top)
    }
}

/// How long a 429 asks to wait: `retry-after-ms`, else `Retry-After` (seconds or an HTTP date),
/// else the OpenAI-style `x-ratelimit-reset-{requests,tokens}` of whichever limit is exhausted.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    if let Some(ms) = get("retry-after-ms").and_then(|v| v.parse::<f64>().ok()) {
        if ms.is_finite() && ms >= 0.0 {
            return Some(Duration::from_secs_f64(ms / 1000.0).min(MAX_RETRY_AFTER));
        }
    }
    if let Some(v) = get(header::RETRY_AFTER.as_str()) {
        if let Ok(secs) = v.parse::<f64>() {
            return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs).min(MAX_RETRY_AFTER));
        }
        if let Ok(when) = httpdate::parse_http_date(v) {
            return Some(when.duration_since(SystemTime::now()).unwrap_or_default().min(MAX_RETRY_AFTER));
        }
    }
    ["requests", "tokens"]
        .iter()
        .filter(|l| get(&format!("x-ratelimit-remaining-{l}")) == Some("0"))
        .filter_map(|l| get(&format!("x-ratelimit-reset-{l}")).and_then(parse_go_duration))
        .max()
        .map(|d| d.min(MAX_RETRY_AFTER))
}

/// `1s`, `6m0s`, `20ms`, `1h2m3.5s`: the duration format of OpenAI's rate-limit headers.
fn parse_go_duration(s: &str) -> Option<Duration> {
    let mut total = 0.0f64;
    let mut rest = s.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let n: f64 = rest[..num_end].parse().ok()?;
        rest = &rest[num_end..];
        let unit_end = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let scale = match &rest[..unit_end] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            "us" | "µs" => 0.000_001,
            "ns" => 0.000_000_001,
            _ => return None,
        };
        total += n * scale;
        rest = &rest[unit_end..];
    }
    (total.is_finite() && total >= 0.0).then(|| Duration::from_secs_f64(total))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ctx<'a>(ignore: &'a [String], key: Option<&'a Secret<String>>) -> Context<'a> {
        Context { provider: "p", ignore_errors: ignore, key, secrets: &[] }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    /// status, body → fault, fail over, penalty, kind, message, type.
    type Row = (u16, String, Fault, bool, Outcome, ErrorKind, &'static str, Option<&'static str>);

    #[test]
    fn responses_classify_as_a_table() {
        let openai = |t: &str, m: &str| json!({"error": {"message": m, "type": t, "code": null}}).to_string();
        let anthropic = |t: &str, m: &str| json!({"type": "error", "error": {"type": t, "message": m}}).to_string();
        let ra = Some(Duration::from_secs(7));
        #[rustfmt::skip]
        let table: Vec<Row> = vec![
            (400, openai("invalid_request_error", "bad"), Fault::Client, false, Outcome::ClientError, ErrorKind::InvalidRequest, "[p] bad", Some("invalid_request_error")),
            (422, "unprocessable".into(), Fault::Client, false, Outcome::ClientError, ErrorKind::InvalidRequest, "[p] unprocessable", None),
            (404, json!({"detail": "no such model"}).to_string(), Fault::Client, false, Outcome::ClientError, ErrorKind::NotFound, "[p] no such model", None),
            (413, String::new(), Fault::Client, false, Outcome::ClientError, ErrorKind::RequestTooLarge, "[p] the upstream returned an empty error body", None),
            (401, anthropic("authentication_error", "invalid x-api-key"), Fault::Key, true, Outcome::AuthFailed, ErrorKind::Authentication, "[p] invalid x-api-key", Some("authentication_error")),
            (403, openai("permission_error", "no"), Fault::Key, true, Outcome::AuthFailed, ErrorKind::Permission, "[p] no", Some("permission_error")),
            // Google: a bad key is a 400 whose reason says so.
            (400, json!({"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}}).to_string(), Fault::Key, true, Outcome::AuthFailed, ErrorKind::Authentication, "[p] API key not valid. Please pass a valid API key.", None),
            (429, anthropic("rate_limit_error", "slow down"), Fault::Key, true, Outcome::RateLimited { retry_after: ra }, ErrorKind::RateLimited, "[p] slow down", Some("rate_limit_error")),
            (500, openai("server_error", "boom"), Fault::Provider, true, Outcome::ServerError, ErrorKind::Upstream, "[p] boom", Some("server_error")),
            (529, anthropic("overloaded_error", "Overloaded"), Fault::Provider, true, Outcome::ServerError, ErrorKind::Upstream, "[p] Overloaded", Some("overloaded_error")),
            (504, "<html>gateway</html>".into(), Fault::Provider, true, Outcome::ServerError, ErrorKind::Timeout, "[p] <html>gateway</html>", None),
            (408, json!({"error": "took too long"}).to_string(), Fault::Provider, true, Outcome::ServerError, ErrorKind::Timeout, "[p] took too long", None),
            (400, openai("content_filter", "filtered"), Fault::Client, false, Outcome::ClientError, ErrorKind::InvalidRequest, "[p] filtered", Some("content_filter")),
            // An ignored type is the client's fault even on a 5xx.
            (500, openai("content_filter", "filtered"), Fault::Client, false, Outcome::ClientError, ErrorKind::Upstream, "[p] filtered", Some("content_filter")),
        ];
        let ignore = vec!["content_filter".to_string()];
        let h = headers(&[("retry-after", "7")]);
        for (status, body, fault, fail_over, penalty, kind, message, utype) in table {
            let c =
                Classified::response(ctx(&ignore, None), StatusCode::from_u16(status).unwrap(), &h, body.as_bytes());
            let got = (c.fault, c.fail_over, c.penalty, c.kind, c.message.as_str(), c.upstream_type.as_deref());
            assert_eq!(got, (fault, fail_over, penalty, kind, message, utype), "{status} {body}");
            assert_eq!(c.status.as_u16(), status);
            assert_eq!(c.retry_after, if status == 429 { ra } else { None }, "{status}");
        }
    }

    #[test]
    fn stream_errors_are_redacted_and_fail_over() {
        let key = Secret::new("sk-secret-123456".to_string());
        let info = ErrorInfo { message: "echo sk-secret-123456".into(), ..ErrorInfo::default() };
        let c = Classified::stream_error(ctx(&[], Some(&key)), info);
        assert_eq!((c.message.as_str(), c.penalty, c.fail_over), ("[p] echo *****", Outcome::ServerError, true));
    }

    #[test]
    fn codes_survive_and_keys_are_redacted() {
        let key = Secret::new("sk-secret-123456".to_string());
        let body = json!({"error": {"message": "bad key sk-secret-123456", "type": "invalid_request_error", "code": "invalid_api_key"}});
        let c = Classified::response(
            ctx(&[], Some(&key)),
            StatusCode::UNAUTHORIZED,
            &HeaderMap::new(),
            body.to_string().as_bytes(),
        );
        assert_eq!(c.message, "[p] bad key *****");
        assert_eq!(c.code, Some(json!("invalid_api_key")));
        let e = c.to_error();
        assert_eq!(e.status, StatusCode::UNAUTHORIZED);
        assert_eq!(e.fault, crate::error::Fault::Upstream);
    }

    #[test]
    fn tools_refusals_are_flagged_only_on_client_statuses() {
        let body = json!({"error": {"message": "This model does not support tools"}}).to_string();
        for (status, want) in [(400, true), (404, true), (422, true), (500, false), (429, false)] {
            let c = Classified::response(
                ctx(&[], None),
                StatusCode::from_u16(status).unwrap(),
                &HeaderMap::new(),
                body.as_bytes(),
            );
            assert_eq!(c.tools_unsupported, want, "{status}");
        }
    }

    #[test]
    fn transport_errors_and_bad_answers_fail_over_with_a_server_penalty() {
        #[rustfmt::skip]
        let table = [
            (UpstreamError::Connect("refused".into()), 502, ErrorKind::Upstream),
            (UpstreamError::FirstByteTimeout(Duration::from_secs(1)), 504, ErrorKind::Timeout),
            (UpstreamError::IdleTimeout(Duration::from_secs(1)), 504, ErrorKind::Timeout),
            (UpstreamError::TotalTimeout(Duration::from_secs(1)), 504, ErrorKind::Timeout),
            (UpstreamError::Body("reset".into()), 502, ErrorKind::Upstream),
        ];
        for (e, status, kind) in table {
            let c = Classified::transport("p", &e);
            assert_eq!(
                (c.fault, c.fail_over, c.penalty, c.status.as_u16(), c.kind),
                (Fault::Provider, true, Outcome::ServerError, status, kind),
                "{e}"
            );
            assert!(c.message.starts_with("[p] "), "{}", c.message);
        }
        let c = Classified::bad_answer("p", "not JSON");
        assert_eq!(
            (c.fault, c.fail_over, c.penalty, c.status),
            (Fault::Provider, true, Outcome::ServerError, StatusCode::BAD_GATEWAY)
        );
    }

    type Headers = &'static [(&'static str, &'static str)];

    #[test]
    fn wait_headers() {
        #[rustfmt::skip]
        let table: [(Headers, Option<Duration>); 8] = [
            (&[("retry-after", "3")], Some(Duration::from_secs(3))),
            (&[("retry-after", "1.5")], Some(Duration::from_millis(1500))),
            (&[("retry-after-ms", "250"), ("retry-after", "3")], Some(Duration::from_millis(250))),
            (&[("retry-after", "soon")], None),
            (&[("retry-after", "-1")], None),
            (&[("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "6m0s"), ("x-ratelimit-remaining-requests", "5"), ("x-ratelimit-reset-requests", "1h")], Some(Duration::from_secs(360))),
            (&[("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "20ms")], Some(Duration::from_millis(20))),
            (&[("x-ratelimit-reset-requests", "20s")], None),
        ];
        for (pairs, want) in table {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(http::HeaderName::from_static(k), v.parse().unwrap());
            }
            assert_eq!(retry_after(&h), want, "{pairs:?}");
        }
        let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let got = retry_after(&headers(&[("retry-after", &date)])).unwrap();
        assert!(got <= Duration::from_secs(120) && got >= Duration::from_secs(100), "{got:?}");
        assert_eq!(parse_go_duration("1h2m3.5s"), Some(Duration::from_secs_f64(3723.5)));
        assert_eq!(parse_go_duration("5x"), None);
    }

    #[test]
    fn retry_policy_reads_the_classification() {
        let policy = |status: Vec<u16>, errors: &[&str]| RetryConfig {
            max_retries: 1,
            on_status: status,
            on_errors: errors.iter().map(|s| s.to_string()).collect(),
            backoff_factor: 1.5,
            backoff_max: Duration::from_secs(1),
        };
        let overloaded = Classified::response(
            ctx(&[], None),
            StatusCode::from_u16(529).unwrap(),
            &HeaderMap::new(),
            br#"{"type":"error","error":{"type":"overloaded_error","message":"x"}}"#,
        );
        assert!(overloaded.retry_qualifies(&policy(vec![529], &[])));
        assert!(overloaded.retry_qualifies(&policy(vec![], &["overloaded_error"])));
        assert!(!overloaded.retry_qualifies(&policy(vec![500], &["rate_limit_error"])));
        let timeout = Classified::transport("p", &UpstreamError::FirstByteTimeout(Duration::from_secs(1)));
        assert!(timeout.retry_qualifies(&policy(vec![], &["timeout_error"])));
        assert!(!timeout.retry_qualifies(&policy(vec![], &["upstream_error"])));
        let cut = Classified::transport("p", &UpstreamError::Connect("refused".into()));
        assert!(cut.retry_qualifies(&policy(vec![], &["upstream_error"])));
    }

    #[test]
    fn the_one_pass_check_agrees_with_the_full_parse() {
        let bodies: &[&[u8]] = &[
            br#"{"id":"x","choices":[{"message":{"content":"hi"}}],"usage":{"prompt_tokens":3}}"#,
            br#"{"type":"message","content":[],"usage":{"input_tokens":1}}"#,
            br#" {"choices":[], "error": null, "type": "chat"} "#,
            br#"{"choices":[],"error":{"message":"boom"}}"#,
            br#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#,
            br#"{"type":"\u0065rror","error":null,"choices":[]}"#,
            br#"{"type":null,"choices":[]}"#,
            br#"{"choices":[],"error":null,"error":null}"#,
            br#"{"choices":[],"usage":{},"usageMetadata":{}}"#,
            br#"{"object":"list","data":[]}"#,
            br#"{"ch\u006fices":[1]}"#,
            br#"{"choices":[1],"choices":[2]}"#,
            b"{}",
            b" { } ",
            b"[1,2]",
            b"not json",
            br#"{"choices":[1]} trailing"#,
            br#"{"choices":[1],}"#,
            b"",
            // Not UTF-8 (the one pass leaves it to the full parse), and UTF-8 beyond ASCII.
            b"{\"choices\":[\"\xff\"]}",
            b"{\"choices\":[1]}\xc3",
            b"{\"choices\":[\"h\xc3\xa9\"],\"usage\":{\"prompt_tokens\":1}}",
        ];
        for body in bodies {
            for required in [None, Some("choices"), Some("content")] {
                let old = Classified::unusable_success(ctx(&[], None), body, required);
                let new = Classified::check_success(ctx(&[], None), body, required);
                let text = String::from_utf8_lossy(body);
                assert_eq!(new.as_ref().err(), old.as_ref(), "{text} ({required:?})");
                if let Ok(answer) = new {
                    // A value that is not UTF-8 in a field skipped unread passes both checks
                    // (as before); the one pass leaves such a body to the full parse.
                    if std::str::from_utf8(body).is_err() {
                        assert!(!answer.read, "{text}");
                        continue;
                    }
                    // The usage the one pass hands back is the body's own.
                    let whole: Value = serde_json::from_slice(body).unwrap();
                    let usage = whole.get("usage").or_else(|| whole.get("usageMetadata"));
                    if answer.read {
                        let got = answer.usage.map(|u| serde_json::from_str::<Value>(u.get()).unwrap());
                        assert_eq!(got.as_ref(), usage, "{text}");
                    }
                }
            }
        }
    }
}
