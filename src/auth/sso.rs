//! Sign-in with GitHub, Google and any OpenID Connect provider: the authorization-code flow with
//! PKCE S256 (the `oauth2` crate builds the authorization URL and exchanges the code), a single-use
//! `state` kept server-side for 10 minutes in a bounded `PendingStore` (in memory here; with
//! `state.backend: redis` in Redis, so the callback may reach another relay), the OIDC `nonce`, and the identity: GitHub's `/user` and
//! `/user/emails` (`verified`), or an OIDC id_token (received straight from the token endpoint,
//! so per OIDC Core 3.1.3.7 its signature may rest on that channel; `iss`, `aud`/`azp`, `exp` and
//! `nonce` are checked) plus userinfo (`email_verified`). `Users::sso_sign_in` then finds or
//! makes the account: an existing link, else a user with the same email only when the IdP says
//! the email is verified, else a new user as `sso.registration` permits (an invite code for
//! `invite`). Every failure is one fixed `SsoError` code; nothing an IdP or a browser sent is
//! ever echoed back.

use super::{AuthError, Role, SsoLink, User, Users, now_ms, row, secret};
use crate::config::{AuthConfig, Registration, SsoKind, SsoProvider};
use crate::store::users::UserTable;
use base64::Engine;
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, StandardRevocableToken,
    StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// A sign-in must come back from the IdP within this long.
pub const STATE_TTL_MS: u64 = 10 * 60_000;
/// Sign-ins in progress kept at once; past it new ones are refused until some expire.
pub const PENDING_MAX: usize = 10_000;
/// A discovery document is fetched again after this long.
const DISCOVERY_TTL_MS: u64 = 3_600_000;
/// Largest profile / discovery document read from an IdP.
const MAX_IDP_BODY_BYTES: usize = 1 << 20;
/// An id_token's `exp` may be this far in the past (clock skew).
const CLOCK_SKEW_MS: u64 = 60_000;
/// Longest accepted subject, username or email from an IdP.
const MAX_CLAIM_CHARS: usize = 320;
const IDP_TIMEOUT: Duration = Duration::from_secs(15);
const IDP_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a sign-in failed: the fixed code the browser is sent to `/login?error=<code>` with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoError {
    UnknownProvider,
    /// Too many sign-ins in progress.
    Busy,
    /// The `state` is unknown, used, expired, for another provider or from another browser.
    State,
    /// The IdP answered the authorization with an error (the user declined, …).
    Denied,
    /// The code could not be exchanged (IdP error or garbage).
    Exchange,
    /// The id_token is missing, malformed or fails a claim check.
    IdToken,
    /// The profile could not be read or makes no sense.
    Profile,
    /// No account matches and `sso.registration` creates none.
    RegistrationClosed,
    /// `invite` registration without a valid invite code.
    Invite,
    Disabled,
    /// The relay cannot reach or use the IdP (discovery, configuration).
    Unavailable,
    Internal,
}

impl SsoError {
    pub fn code(self) -> &'static str {
        match self {
            SsoError::UnknownProvider => "sso_unknown_provider",
            SsoError::Busy => "sso_busy",
            SsoError::State => "sso_state",
            SsoError::Denied => "sso_denied",
            SsoError::Exchange => "sso_exchange",
            SsoError::IdToken => "sso_id_token",
            SsoError::Profile => "sso_profile",
            SsoError::RegistrationClosed => "sso_registration_closed",
            SsoError::Invite => "sso_invite",
            SsoError::Disabled => "sso_user_disabled",
            SsoError::Unavailable => "sso_unavailable",
            SsoError::Internal => "sso_internal",
        }
    }
}

/// A sign-in between the redirect to the IdP and its callback.
#[derive(Clone, Serialize, Deserialize)]
pub struct Pending {
    pub provider: String,
    pub verifier: String,
    pub nonce: String,
    pub redirect_uri: String,
    pub invite: Option<String>,
    pub expires_ms: u64,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending").field("provider", &self.provider).field("expires_ms", &self.expires_ms).finish()
    }
}

/// Where pending sign-ins wait for their callback. `take` is the only read and removes the
/// entry, so a state works once. Asynchronous, so that a store shared by several relays (Redis,
/// `sso_shared`) can back it: a sign-in started on one relay completes on another.
pub trait PendingStore: Send + Sync + 'static {
    /// Keep `p` under `state` (`SsoError::Busy` when full).
    fn put<'a>(&'a self, state: &'a str, p: Pending) -> BoxFuture<'a, Result<(), SsoError>>;
    /// Remove and return the sign-in under `state`, if it has not expired.
    fn take<'a>(&'a self, state: &'a str) -> BoxFuture<'a, Option<Pending>>;
}

/// What `PendingStore` methods return.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// The in-process `PendingStore`: a map by the state's hash, at most `max` entries.
pub struct MemoryPending {
    map: Mutex<HashMap<String, Pending>>,
    max: usize,
}

impl MemoryPending {
    pub fn new(max: usize) -> MemoryPending {
        MemoryPending { map: Mutex::default(), max }
    }
}

impl MemoryPending {
    pub fn put_now(&self, state: &str, p: Pending) -> Result<(), SsoError> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= self.max {
            let now = now_ms();
            map.retain(|_, p| p.expires_ms > now);
            if map.len() >= self.max {
                return Err(SsoError::Busy);
            }
        }
        map.insert(secret::sha256_hex(state), p);
        Ok(())
    }

    pub fn take_now(&self, state: &str) -> Option<Pending> {
        let p = self.map.lock().unwrap_or_else(|e| e.into_inner()).remove(&secret::sha256_hex(state))?;
        (p.expires_ms > now_ms()).then_some(p)
    }
}

impl PendingStore for MemoryPending {
    fn put<'a>(&'a self, state: &'a str, p: Pending) -> BoxFuture<'a, Result<(), SsoError>> {
        Box::pin(std::future::ready(self.put_now(state, p)))
    }
    fn take<'a>(&'a self, state: &'a str) -> BoxFuture<'a, Option<Pending>> {
        Box::pin(std::future::ready(self.take_now(state)))
    }
}

/// What an IdP told us about the person signing in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub provider: String,
    pub subject: String,
    /// GitHub login or OIDC `preferred_username`: what `sso.admin_usernames` matches.
    pub username: Option<String>,
    pub email: Option<String>,
    pub email_verified: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}
impl ExtraTokenFields for IdTokenField {}

type Tokens = StandardTokenResponse<IdTokenField, BasicTokenType>;
type OAuthClient = oauth2::Client<
    BasicErrorResponse,
    Tokens,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// A provider's endpoints, configured or discovered.
#[derive(Debug, Clone)]
struct Endpoints {
    auth_url: String,
    token_url: String,
    userinfo_url: Option<String>,
    /// The issuer id_tokens must name (OIDC with an issuer).
    issuer: Option<String>,
    /// Send the client secret in the form body rather than HTTP Basic.
    secret_in_body: bool,
}

/// The server's SSO state: pending sign-ins, the HTTP client for IdPs (and Turnstile), and
/// cached discovery documents.
pub struct Sso {
    pending: Arc<dyn PendingStore>,
    /// A store shared with other relays, when set (`share_pending`): used instead of `pending`.
    shared: OnceLock<Arc<dyn PendingStore>>,
    ttl_ms: AtomicU64,
    http: OnceLock<Result<reqwest::Client, String>>,
    discovered: Mutex<HashMap<String, (u64, Endpoints)>>,
}

impl Default for Sso {
    fn default() -> Self {
        Sso::new(Arc::new(MemoryPending::new(PENDING_MAX)))
    }
}

impl std::fmt::Debug for Sso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sso").finish_non_exhaustive()
    }
}

/// Where the login handler sends the browser, and the state to bind to it.
#[derive(Debug)]
pub struct Redirect {
    pub url: String,
    pub state: String,
}

impl Sso {
    pub fn new(pending: Arc<dyn PendingStore>) -> Sso {
        Sso {
            pending,
            shared: OnceLock::new(),
            ttl_ms: AtomicU64::new(STATE_TTL_MS),
            http: OnceLock::new(),
            discovered: Mutex::default(),
        }
    }

    /// Keep pending sign-ins in `store` from now on (one shared by the relays of a cluster).
    pub fn share_pending(&self, store: Arc<dyn PendingStore>) {
        let _ = self.shared.set(store);
    }

    fn pending(&self) -> &dyn PendingStore {
        self.shared.get().unwrap_or(&self.pending).as_ref()
    }

    /// How long a sign-in may take (default `STATE_TTL_MS`; tests shorten it).
    pub fn set_state_ttl(&self, ttl: Duration) {
        self.ttl_ms.store(u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The client for IdPs and Turnstile: no redirects followed, bounded time.
    pub fn http(&self) -> Result<&reqwest::Client, SsoError> {
        let c = self.http.get_or_init(|| {
            reqwest::Client::builder()
                .connect_timeout(IDP_CONNECT_TIMEOUT)
                .timeout(IDP_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("monorelay/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| e.to_string())
        });
        c.as_ref().map_err(|e| {
            tracing::warn!("sso: cannot build the HTTP client: {e}");
            SsoError::Internal
        })
    }

    /// Start a sign-in with `p`: remember a fresh state, PKCE verifier and nonce, and return the
    /// IdP's authorization URL.
    pub async fn begin(
        &self,
        p: &SsoProvider,
        redirect_uri: &str,
        invite: Option<String>,
    ) -> Result<Redirect, SsoError> {
        let ep = self.endpoints(p).await?;
        let client = oauth_client(p, &ep, redirect_uri)?;
        let state = secret::new_token().map_err(|_| SsoError::Internal)?;
        let nonce = secret::new_token().map_err(|_| SsoError::Internal)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let s2 = state.clone();
        let mut req = client
            .authorize_url(move || CsrfToken::new(s2))
            .add_scopes(p.scopes.iter().map(|s| Scope::new(s.clone())))
            .set_pkce_challenge(challenge);
        if matches!(p.kind, SsoKind::Oidc { .. }) {
            req = req.add_extra_param("nonce", nonce.clone());
        }
        let (url, _) = req.url();
        let ttl = self.ttl_ms.load(Ordering::Relaxed);
        self.pending()
            .put(
                &state,
                Pending {
                    provider: p.name.clone(),
                    verifier: verifier.secret().clone(),
                    nonce,
                    redirect_uri: redirect_uri.to_string(),
                    invite,
                    expires_ms: now_ms().saturating_add(ttl),
                },
            )
            .await?;
        Ok(Redirect { url: url.to_string(), state })
    }

    /// Take the pending sign-in a callback names (once), checking it is `provider`'s.
    pub async fn take(&self, provider: &str, state: &str) -> Result<Pending, SsoError> {
        let p = self.pending().take(state).await.ok_or(SsoError::State)?;
        if p.provider != provider {
            return Err(SsoError::State);
        }
        Ok(p)
    }

    /// Exchange `code` and find out who signed in.
    pub async fn finish(&self, p: &SsoProvider, pending: &Pending, code: &str) -> Result<Identity, SsoError> {
        let ep = self.endpoints(p).await?;
        let http = self.http()?;
        let client = oauth_client(p, &ep, &pending.redirect_uri)?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(http)
            .await
            .map_err(|e| {
                let why = match &e {
                    oauth2::RequestTokenError::ServerResponse(r) => format!("the IdP refused: {}", r.error()),
                    oauth2::RequestTokenError::Request(_) => "the token endpoint could not be reached".into(),
                    oauth2::RequestTokenError::Parse(..) => "the token endpoint answered garbage".into(),
                    oauth2::RequestTokenError::Other(_) => "unexpected token response".into(),
                };
                tracing::warn!(provider = %p.name, "sso: code exchange failed: {why}");
                SsoError::Exchange
            })?;
        let access = tokens.access_token().secret().clone();
        match &p.kind {
            SsoKind::GitHub { api_base, .. } => github_identity(http, &p.name, api_base, &access).await,
            SsoKind::Oidc { .. } => {
                let id_token = tokens.extra_fields().id_token.as_deref();
                oidc_identity(http, p, &ep, pending, id_token, &access).await
            }
        }
    }

    async fn endpoints(&self, p: &SsoProvider) -> Result<Endpoints, SsoError> {
        let (issuer, auth_url, token_url, userinfo_url) = match &p.kind {
            SsoKind::GitHub { auth_url, token_url, .. } => {
                return Ok(Endpoints {
                    auth_url: auth_url.clone(),
                    token_url: token_url.clone(),
                    userinfo_url: None,
                    issuer: None,
                    secret_in_body: true,
                });
            }
            SsoKind::Oidc { issuer, auth_url, token_url, userinfo_url } => (issuer, auth_url, token_url, userinfo_url),
        };
        let Some(issuer) = issuer else {
            // Every URL configured (validation makes sure); no discovery, no issuer check.
            return Ok(Endpoints {
                auth_url: auth_url.clone().ok_or(SsoError::Unavailable)?,
                token_url: token_url.clone().ok_or(SsoError::Unavailable)?,
                userinfo_url: userinfo_url.clone(),
                issuer: None,
                secret_in_body: false,
            });
        };
        let mut ep = if auth_url.is_some() && token_url.is_some() && userinfo_url.is_some() {
            Endpoints {
                auth_url: String::new(),
                token_url: String::new(),
                userinfo_url: None,
                issuer: Some(issuer.clone()),
                secret_in_body: false,
            }
        } else {
            self.discover(&p.name, issuer).await?
        };
        if let Some(u) = auth_url {
            ep.auth_url = u.clone();
        }
        if let Some(u) = token_url {
            ep.token_url = u.clone();
        }
        if let Some(u) = userinfo_url {
            ep.userinfo_url = Some(u.clone());
        }
        Ok(ep)
    }

    /// `<issuer>/.well-known/openid-configuration`, cached for an hour; its `issuer` must be ours.
    async fn discover(&self, provider: &str, issuer: &str) -> Result<Endpoints, SsoError> {
        let now = now_ms();
        if let Some((at, ep)) = self.discovered.lock().unwrap_or_else(|e| e.into_inner()).get(issuer) {
            if at + DISCOVERY_TTL_MS > now {
                return Ok(ep.clone());
            }
        }
        let url = format!("{issuer}/.well-known/openid-configuration");
        let fail = |why: &str| {
            tracing::warn!(provider, "sso: OIDC discovery at '{url}' failed: {why}");
            SsoError::Unavailable
        };
        let doc = get_json(self.http()?, &url, None).await.map_err(&fail)?;
        let s = |k: &str| doc.get(k).and_then(Value::as_str).map(|v| v.trim_end_matches('/').to_string());
        if s("issuer").as_deref() != Some(issuer) {
            return Err(fail("its issuer is not the configured one"));
        }
        let auth_url = s("authorization_endpoint").ok_or_else(|| fail("no authorization_endpoint"))?;
        let token_url = s("token_endpoint").ok_or_else(|| fail("no token_endpoint"))?;
        let methods: Vec<&str> = doc
            .get("token_endpoint_auth_methods_supported")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let ep = Endpoints {
            auth_url,
            token_url,
            userinfo_url: s("userinfo_endpoint"),
            issuer: Some(issuer.to_string()),
            secret_in_body: !methods.is_empty()
                && !methods.contains(&"client_secret_basic")
                && methods.contains(&"client_secret_post"),
        };
        self.discovered.lock().unwrap_or_else(|e| e.into_inner()).insert(issuer.to_string(), (now, ep.clone()));
        Ok(ep)
    }
}

fn oauth_client(p: &SsoProvider, ep: &Endpoints, redirect_uri: &str) -> Result<OAuthClient, SsoError> {
    let bad = |what: &str| {
        tracing::warn!(provider = %p.name, "sso: the {what} is not a usable URL");
        SsoError::Unavailable
    };
    let auth = AuthUrl::new(ep.auth_url.clone()).map_err(|_| bad("authorization URL"))?;
    let token = TokenUrl::new(ep.token_url.clone()).map_err(|_| bad("token URL"))?;
    let redirect = RedirectUrl::new(redirect_uri.to_string()).map_err(|_| bad("callback URL"))?;
    Ok(oauth2::Client::new(ClientId::new(p.client_id.clone()))
        .set_client_secret(ClientSecret::new(p.client_secret.expose().clone()))
        .set_auth_uri(auth)
        .set_token_uri(token)
        .set_redirect_uri(redirect)
        .set_auth_type(if ep.secret_in_body { AuthType::RequestBody } else { AuthType::BasicAuth }))
}

/// GET a JSON document (at most `MAX_IDP_BODY_BYTES`), with a Bearer token when given.
async fn get_json(http: &reqwest::Client, url: &str, bearer: Option<&str>) -> Result<Value, &'static str> {
    let mut req = http.get(url).header(http::header::ACCEPT, "application/json");
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.map_err(|_| "unreachable")?;
    if !resp.status().is_success() {
        return Err("an error status");
    }
    let body = read_capped(resp, MAX_IDP_BODY_BYTES).await?;
    serde_json::from_slice(&body).map_err(|_| "not JSON")
}

/// A response body of at most `max` bytes (an IdP or verify endpoint is not trusted with memory).
pub(super) async fn read_capped(mut resp: reqwest::Response, max: usize) -> Result<Vec<u8>, &'static str> {
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|_| "a broken body")? {
        if body.len() + chunk.len() > max {
            return Err("a body too large");
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A short, plain claim: a string (or, for ids, a number) of at most `MAX_CLAIM_CHARS`.
fn claim(v: &Value, key: &str) -> Option<String> {
    let s = match v.get(key)? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) if key == "id" || key == "sub" => n.to_string(),
        _ => return None,
    };
    (!s.is_empty() && s.chars().count() <= MAX_CLAIM_CHARS && !s.chars().any(char::is_control)).then_some(s)
}

/// `email_verified` as a boolean or the string "true" (some IdPs send that).
fn truthy(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Bool(true))) || v.and_then(Value::as_str).is_some_and(|s| s.eq_ignore_ascii_case("true"))
}

async fn github_identity(http: &reqwest::Client, provider: &str, api: &str, token: &str) -> Result<Identity, SsoError> {
    let user = get_json(http, &format!("{api}/user"), Some(token)).await.map_err(|why| {
        tracing::warn!(provider, "sso: GitHub /user gave {why}");
        SsoError::Profile
    })?;
    let (Some(subject), Some(login)) = (claim(&user, "id"), claim(&user, "login")) else {
        tracing::warn!(provider, "sso: GitHub /user has no usable id and login");
        return Err(SsoError::Profile);
    };
    // Only an address GitHub marks verified counts; the primary one first.
    let emails = get_json(http, &format!("{api}/user/emails"), Some(token)).await.unwrap_or(Value::Null);
    let mut verified: Vec<(bool, String)> = emails
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|e| e.get("verified") == Some(&Value::Bool(true)))
                .filter_map(|e| Some((e.get("primary") == Some(&Value::Bool(true)), claim(e, "email")?)))
                .collect()
        })
        .unwrap_or_default();
    verified.sort_by_key(|(primary, _)| !primary);
    let email = verified.into_iter().map(|(_, e)| e).find(|e| e.contains('@'));
    Ok(Identity {
        provider: provider.to_string(),
        subject,
        username: Some(login),
        email_verified: email.is_some(),
        email,
    })
}

/// The claims of a JWT, unverified (the caller checks what matters).
fn jwt_claims(token: &str) -> Option<Value> {
    let mut parts = token.split('.');
    let (_, payload, _, None) = (parts.next()?, parts.next()?, parts.next()?, parts.next()) else { return None };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice::<Value>(&bytes).ok().filter(Value::is_object)
}

/// Check an id_token's claims: `iss` (when the provider has an issuer), `aud` naming us (and
/// `azp` when there are several audiences), `exp`, and our `nonce`.
fn check_id_token(claims: &Value, issuer: Option<&str>, client_id: &str, nonce: &str) -> Result<(), &'static str> {
    if let Some(iss) = issuer {
        if claims.get("iss").and_then(Value::as_str).map(|s| s.trim_end_matches('/')) != Some(iss) {
            return Err("iss");
        }
    }
    let auds: Vec<&str> = match claims.get("aud") {
        Some(Value::String(a)) => vec![a.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !auds.contains(&client_id) {
        return Err("aud");
    }
    if auds.len() > 1 && claims.get("azp").and_then(Value::as_str) != Some(client_id) {
        return Err("azp");
    }
    let exp_ms = claims.get("exp").and_then(Value::as_f64).filter(|e| e.is_finite() && *e > 0.0);
    if exp_ms.is_none_or(|e| e * 1000.0 + CLOCK_SKEW_MS as f64 <= now_ms() as f64) {
        return Err("exp");
    }
    let sent = claims.get("nonce").and_then(Value::as_str).unwrap_or_default();
    if !bool::from(subtle::ConstantTimeEq::ct_eq(sent.as_bytes(), nonce.as_bytes())) {
        return Err("nonce");
    }
    Ok(())
}

async fn oidc_identity(
    http: &reqwest::Client,
    p: &SsoProvider,
    ep: &Endpoints,
    pending: &Pending,
    id_token: Option<&str>,
    access: &str,
) -> Result<Identity, SsoError> {
    let provider = p.name.as_str();
    let id_fail = |why: &str| {
        tracing::warn!(provider, "sso: id_token refused: {why}");
        SsoError::IdToken
    };
    let claims = match id_token {
        Some(t) => {
            let c = jwt_claims(t).ok_or_else(|| id_fail("not a JWT"))?;
            check_id_token(&c, ep.issuer.as_deref(), &p.client_id, &pending.nonce).map_err(id_fail)?;
            Some(c)
        }
        None if ep.issuer.is_some() => return Err(id_fail("the token response has none")),
        None => None,
    };
    let info = match &ep.userinfo_url {
        Some(url) => Some(get_json(http, url, Some(access)).await.map_err(|why| {
            tracing::warn!(provider, "sso: userinfo gave {why}");
            SsoError::Profile
        })?),
        None => None,
    };
    let id_sub = claims.as_ref().and_then(|c| claim(c, "sub"));
    let info_sub = info.as_ref().and_then(|i| claim(i, "sub").or_else(|| claim(i, "id")));
    let subject = match (&id_sub, &info_sub) {
        (Some(a), Some(b)) if a != b => {
            tracing::warn!(provider, "sso: userinfo is about another subject than the id_token");
            return Err(SsoError::Profile);
        }
        (Some(a), _) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => {
            tracing::warn!(provider, "sso: no subject in the id_token or userinfo");
            return Err(SsoError::Profile);
        }
    };
    // Userinfo first (it is the fuller profile), then the id_token's claims.
    let sources: Vec<&Value> = info.iter().chain(claims.iter()).collect();
    let pick = |keys: &[&str]| sources.iter().find_map(|v| keys.iter().find_map(|k| claim(v, k)));
    let email = pick(&["email"]).filter(|e| e.contains('@'));
    let email_verified = email.is_some()
        && sources.iter().find(|v| v.get("email").is_some()).is_some_and(|v| truthy(v.get("email_verified")));
    Ok(Identity {
        provider: provider.to_string(),
        subject,
        username: pick(&["preferred_username", "username", "login", "nickname"]),
        email,
        email_verified,
    })
}

/// An invite to register under `sso.registration: invite`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Invite {
    pub role: Role,
    pub created_ms: u64,
    pub expires_ms: u64,
}

/// Serializes taking invites, so one code makes one user.
static INVITE_LOCK: Mutex<()> = Mutex::new(());

/// A username from what the IdP said: allowed characters only, at most 48 of them.
fn base_username(id: &Identity) -> String {
    let raw = id
        .username
        .clone()
        .or_else(|| id.email.as_deref().and_then(|e| e.split('@').next()).map(str::to_string))
        .unwrap_or_default();
    let mut name: String = raw
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') { c } else { '-' })
        .take(48)
        .collect();
    name = name.trim_matches(|c| c == '-' || c == '.').to_string();
    if name.is_empty() { "user".into() } else { name }
}

impl Users {
    /// A new invite code (shown once; only its hash is stored).
    pub fn create_invite(&self, role: Role, ttl: Duration) -> Result<(String, Invite), AuthError> {
        let code = format!("inv-{}", secret::random_base62(24)?);
        let now = now_ms();
        let ttl = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX);
        let inv = Invite { role, created_ms: now, expires_ms: now.saturating_add(ttl) };
        self.store().apply(&[row(UserTable::Invites, &secret::sha256_hex(&code), Some(&inv))])?;
        Ok((code, inv))
    }

    /// Use up an invite code: its invite, if it exists and has not expired.
    fn take_invite(&self, code: &str) -> Option<Invite> {
        let _one = INVITE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let id = secret::sha256_hex(code);
        // Atomic in a store relays share: of two relays taking one code, one gets it.
        let bytes = self.store().take(UserTable::Invites, &id).ok()??;
        super::decode::<Invite>("invites", &id, &bytes).filter(|i| i.expires_ms > now_ms())
    }

    /// Find or make the account for an SSO identity (see the module doc), granting admin to
    /// `admin_usernames` (an IdP username, or `provider:subject`, which no one can rename into).
    /// The user is returned active or not at all.
    pub fn sso_sign_in(&self, id: &Identity, rules: &AuthConfig, invite: Option<&str>) -> Result<User, SsoError> {
        let link = SsoLink { provider: id.provider.clone(), subject: id.subject.clone() };
        let stable = format!("{}:{}", id.provider, id.subject);
        let admin = rules.admin_usernames.iter().any(|a| *a == stable || id.username.as_ref() == Some(a));
        let users = self.list();
        let linked = users.iter().find(|u| u.sso.contains(&link));
        let by_email = || {
            let email = id.email.as_deref().filter(|_| id.email_verified)?;
            let mut same = users.iter().filter(|u| u.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(email)));
            match (same.next(), same.next()) {
                (Some(u), None) => Some(u),
                _ => None,
            }
        };
        let store_err = |e: AuthError| {
            tracing::warn!("sso: cannot save the user: {e}");
            SsoError::Internal
        };
        if let Some(u) = linked.or_else(by_email) {
            if !u.active {
                return Err(SsoError::Disabled);
            }
            return self
                .update(&u.name, |u| {
                    if !u.sso.contains(&link) {
                        u.sso.push(link.clone());
                    }
                    if admin && u.role < Role::Admin {
                        u.role = Role::Admin;
                    }
                    Ok(())
                })
                .map_err(store_err);
        }
        let role = match rules.registration {
            Registration::Open => Role::User,
            Registration::Closed => return Err(SsoError::RegistrationClosed),
            Registration::Invite => self.take_invite(invite.ok_or(SsoError::Invite)?).ok_or(SsoError::Invite)?.role,
        };
        let role = if admin { role.max(Role::Admin) } else { role };
        let base = base_username(id);
        for attempt in 0..8 {
            let name = if attempt == 0 {
                base.clone()
            } else {
                format!("{base}-{}", secret::random_base62(6).map_err(|_| SsoError::Internal)?)
            };
            let user = User {
                name,
                // Only an address the IdP vouches for is kept: a later sign-in links by it.
                email: id.email.clone().filter(|_| id.email_verified),
                password_hash: None,
                role,
                active: true,
                sso: vec![link.clone()],
                created_ms: now_ms(),
                last_login_ms: None,
            };
            match self.insert_new(user) {
                Ok(u) => return Ok(u),
                Err(AuthError::Conflict(_)) => continue,
                Err(e) => return Err(store_err(e)),
            }
        }
        Err(SsoError::Internal)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn pending(expires_ms: u64) -> Pending {
        Pending {
            provider: "p".into(),
            verifier: "v".into(),
            nonce: "n".into(),
            redirect_uri: "http://x/cb".into(),
            invite: None,
            expires_ms,
        }
    }

    #[test]
    fn a_state_works_once_and_not_after_it_expires() {
        let s = MemoryPending::new(2);
        let later = now_ms() + 60_000;
        s.put_now("a", pending(later)).unwrap();
        assert!(s.take_now("a").is_some());
        assert!(s.take_now("a").is_none(), "single use");
        s.put_now("b", pending(now_ms().saturating_sub(1))).unwrap();
        assert!(s.take_now("b").is_none(), "expired");
    }

    #[test]
    fn the_store_is_bounded_and_sheds_expired_entries_first() {
        let s = MemoryPending::new(2);
        s.put_now("old", pending(now_ms().saturating_sub(1))).unwrap();
        s.put_now("a", pending(now_ms() + 60_000)).unwrap();
        s.put_now("b", pending(now_ms() + 60_000)).unwrap();
        assert_eq!(s.put_now("c", pending(now_ms() + 60_000)).unwrap_err(), SsoError::Busy);
        assert!(s.take_now("a").is_some() && s.take_now("b").is_some());
    }

    #[test]
    fn id_token_claims_are_checked() {
        let exp = (now_ms() / 1000 + 600) as f64;
        let good = serde_json::json!({"iss": "https://i", "aud": "cid", "exp": exp, "nonce": "n", "sub": "1"});
        assert_eq!(check_id_token(&good, Some("https://i"), "cid", "n"), Ok(()));
        let with = |k: &str, v: Value| {
            let mut c = good.clone();
            c[k] = v;
            c
        };
        assert_eq!(check_id_token(&with("iss", "https://evil".into()), Some("https://i"), "cid", "n"), Err("iss"));
        assert_eq!(check_id_token(&with("aud", "other".into()), Some("https://i"), "cid", "n"), Err("aud"));
        let multi = with("aud", serde_json::json!(["cid", "other"]));
        assert_eq!(check_id_token(&multi, Some("https://i"), "cid", "n"), Err("azp"));
        assert_eq!(check_id_token(&with("azp", "cid".into()), Some("https://i"), "cid", "n"), Ok(()));
        assert_eq!(check_id_token(&with("exp", 1000.into()), Some("https://i"), "cid", "n"), Err("exp"));
        assert_eq!(check_id_token(&with("nonce", "x".into()), Some("https://i"), "cid", "n"), Err("nonce"));
        assert_eq!(jwt_claims("a.b"), None);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(good.to_string());
        assert_eq!(jwt_claims(&format!("e30.{payload}.sig")), Some(good));
    }

    #[test]
    fn usernames_are_made_safe() {
        let id = |u: Option<&str>, e: Option<&str>| Identity {
            username: u.map(str::to_string),
            email: e.map(str::to_string),
            ..Identity::default()
        };
        assert_eq!(base_username(&id(Some("<script>alert(1)</script>"), None)), "script-alert-1---script");
        assert_eq!(base_username(&id(None, Some("ana.b@x.org"))), "ana.b");
        assert_eq!(base_username(&id(Some("---"), None)), "user");
    }
}
