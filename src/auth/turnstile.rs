//! Cloudflare Turnstile: when `server.turnstile_enabled`, password sign-in and first-run setup
//! must carry a `turnstile_token` that the verify endpoint (`server.turnstile_verify_url`,
//! Cloudflare's siteverify by default) accepts. The secret key is sent only there.

use crate::config::TurnstileConfig;

/// Largest siteverify answer read.
const MAX_VERIFY_BODY_BYTES: usize = 64 * 1024;

/// Why a Turnstile check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TurnstileError {
    /// No token in the request.
    Missing,
    /// The verify endpoint said no.
    Rejected,
    /// The verify endpoint could not be asked or answered garbage.
    Unavailable,
}

/// Ask the verify endpoint about `token` (from the client at `remote_ip`).
pub async fn verify(
    http: &reqwest::Client,
    cfg: &TurnstileConfig,
    token: Option<&str>,
    remote_ip: Option<&str>,
) -> Result<(), TurnstileError> {
    let token = token.map(str::trim).filter(|t| !t.is_empty() && t.len() <= 4096).ok_or(TurnstileError::Missing)?;
    let mut form = vec![("secret", cfg.secret_key.expose().as_str()), ("response", token)];
    if let Some(ip) = remote_ip {
        form.push(("remoteip", ip));
    }
    let resp = http.post(&cfg.verify_url).form(&form).send().await.map_err(|e| {
        tracing::warn!("turnstile: the verify endpoint could not be reached: {}", e.without_url());
        TurnstileError::Unavailable
    })?;
    let body = super::sso::read_capped(resp, MAX_VERIFY_BODY_BYTES).await.map_err(|_| TurnstileError::Unavailable)?;
    let v: serde_json::Value = serde_json::from_slice(&body).map_err(|_| {
        tracing::warn!("turnstile: the verify endpoint answered something that is not JSON");
        TurnstileError::Unavailable
    })?;
    match v.get("success") {
        Some(serde_json::Value::Bool(true)) => Ok(()),
        Some(serde_json::Value::Bool(false)) => Err(TurnstileError::Rejected),
        _ => Err(TurnstileError::Unavailable),
    }
}
