//! SSO end to end: a loopback identity provider (axum on 127.0.0.1:0) plays GitHub (authorize,
//! token, `/user`, `/user/emails`) and an OIDC provider (discovery, authorize, token with an
//! id_token, userinfo), enforcing PKCE S256 as a real IdP does; a cookie-keeping "browser" walks
//! the same-window redirects through the real relay. Covered: registration closed / invite /
//! open, linking only by a verified email, `admin_usernames`, `sso_only`, forged / replayed /
//! expired / foreign-browser state, IdP errors and garbage, hostile text inert everywhere, and
//! Turnstile pass / fail against a loopback verify endpoint.

use crate::common::*;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use sha2::Digest;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const XSS: &str = "<script>alert(document.domain)</script>";

/// What the fake IdP answers; tests change it between sign-ins.
#[derive(Clone)]
pub(crate) struct Script {
    pub(crate) github_user: Value,
    pub(crate) github_emails: Value,
    /// Claims put in the id_token (`iss`, `aud`, `exp`, `nonce` added unless present).
    id_claims: Value,
    userinfo: Value,
    /// Replace the token endpoint's answer (status, body) — for IdP errors and garbage.
    token_reply: Option<(u16, String)>,
    userinfo_raw: Option<String>,
    /// Sent back to the relay's callback instead of a code.
    authorize_error: Option<String>,
    discovery_issuer: Option<String>,
}

impl Default for Script {
    fn default() -> Self {
        Script {
            github_user: json!({"id": 4242, "login": "octo", "name": "Octo Cat"}),
            github_emails: json!([{"email": "octo@example.com", "primary": true, "verified": true}]),
            id_claims: json!({"sub": "oidc-sub-1", "email": "ana@example.com", "email_verified": true, "preferred_username": "ana"}),
            userinfo: json!({"sub": "oidc-sub-1", "email": "ana@example.com", "email_verified": true, "preferred_username": "ana"}),
            token_reply: None,
            userinfo_raw: None,
            authorize_error: None,
            discovery_issuer: None,
        }
    }
}

type TokenRequest = (HashMap<String, String>, Option<String>);

#[derive(Default)]
struct IdpState {
    base: String,
    script: Mutex<Script>,
    /// code → (code_challenge, nonce, redirect_uri)
    codes: Mutex<HashMap<String, (String, String, String)>>,
    authorize_queries: Mutex<Vec<HashMap<String, String>>>,
    /// Each token request: its form and its `Authorization` header.
    token_forms: Mutex<Vec<TokenRequest>>,
}

pub(crate) struct Idp {
    state: Arc<IdpState>,
    pub(crate) base: String,
}

impl Idp {
    pub(crate) async fn start() -> Idp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(IdpState { base: base.clone(), ..IdpState::default() });
        let app = axum::Router::new()
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/user", get(github_user))
            .route("/user/emails", get(github_emails))
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/userinfo", get(userinfo))
            .with_state(state.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Idp { state, base }
    }
    pub(crate) fn script(&self, f: impl FnOnce(&mut Script)) {
        f(&mut self.state.script.lock().unwrap());
    }
    fn last_authorize(&self) -> HashMap<String, String> {
        self.state.authorize_queries.lock().unwrap().last().cloned().unwrap()
    }
    fn last_token(&self) -> TokenRequest {
        self.state.token_forms.lock().unwrap().last().cloned().unwrap()
    }
}

/// Form / query pairs, percent-decoded.
fn pairs(b: &[u8]) -> HashMap<String, String> {
    oauth2::url::form_urlencoded::parse(b).into_owned().collect()
}

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier.as_bytes()))
}

async fn authorize(State(st): State<Arc<IdpState>>, RawQuery(q): RawQuery) -> Response {
    let q = pairs(q.as_deref().unwrap_or_default().as_bytes());
    st.authorize_queries.lock().unwrap().push(q.clone());
    let redirect = q.get("redirect_uri").cloned().unwrap_or_default();
    let state = q.get("state").cloned().unwrap_or_default();
    let mut to = reqwest::Url::parse(&redirect).unwrap();
    if let Some(err) = st.script.lock().unwrap().authorize_error.clone() {
        to.query_pairs_mut()
            .append_pair("error", &err)
            .append_pair("error_description", XSS)
            .append_pair("state", &state);
    } else {
        let code = format!("code-{}", st.codes.lock().unwrap().len());
        st.codes.lock().unwrap().insert(
            code.clone(),
            (
                q.get("code_challenge").cloned().unwrap_or_default(),
                q.get("nonce").cloned().unwrap_or_default(),
                redirect.clone(),
            ),
        );
        to.query_pairs_mut().append_pair("code", &code).append_pair("state", &state);
    }
    (StatusCode::FOUND, [("location", to.to_string())]).into_response()
}

async fn token(State(st): State<Arc<IdpState>>, headers: HeaderMap, body: Bytes) -> Response {
    let f = pairs(&body);
    let basic = headers.get("authorization").map(|v| v.to_str().unwrap().to_string());
    st.token_forms.lock().unwrap().push((f.clone(), basic));
    let script = st.script.lock().unwrap().clone();
    if let Some((status, body)) = script.token_reply {
        return (StatusCode::from_u16(status).unwrap(), [("content-type", "application/json")], body).into_response();
    }
    let refuse = || (StatusCode::BAD_REQUEST, axum::Json(json!({"error": "invalid_grant"}))).into_response();
    // A code is good once, with the verifier matching its challenge, at its redirect_uri.
    let Some((challenge, nonce, redirect)) = st.codes.lock().unwrap().remove(f.get("code").map_or("", |c| c)) else {
        return refuse();
    };
    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
    if verifier.is_empty() || s256(&verifier) != challenge || f.get("redirect_uri") != Some(&redirect) {
        return refuse();
    }
    let mut claims = script.id_claims.clone();
    let defaults = json!({"iss": st.base, "aud": "client-1", "exp": now_secs() + 600, "nonce": nonce});
    for (k, v) in defaults.as_object().unwrap() {
        if claims.get(k).is_none() {
            claims[k] = v.clone();
        }
    }
    let b64 = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let id_token = format!("{}.{}.sig", b64(&json!({"alg": "RS256"})), b64(&claims));
    axum::Json(json!({"access_token": "at-123", "token_type": "bearer", "id_token": id_token})).into_response()
}

fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn bearer_ok(h: &HeaderMap) -> bool {
    h.get("authorization").is_some_and(|v| v == "Bearer at-123")
}

async fn github_user(State(st): State<Arc<IdpState>>, h: HeaderMap) -> Response {
    if !bearer_ok(&h) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    axum::Json(st.script.lock().unwrap().github_user.clone()).into_response()
}

async fn github_emails(State(st): State<Arc<IdpState>>, h: HeaderMap) -> Response {
    if !bearer_ok(&h) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    axum::Json(st.script.lock().unwrap().github_emails.clone()).into_response()
}

async fn discovery(State(st): State<Arc<IdpState>>) -> Response {
    let b = &st.base;
    let issuer = st.script.lock().unwrap().discovery_issuer.clone().unwrap_or_else(|| b.clone());
    axum::Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{b}/authorize"),
        "token_endpoint": format!("{b}/token"),
        "userinfo_endpoint": format!("{b}/userinfo"),
    }))
    .into_response()
}

async fn userinfo(State(st): State<Arc<IdpState>>, h: HeaderMap) -> Response {
    if !bearer_ok(&h) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let s = st.script.lock().unwrap().clone();
    match s.userinfo_raw {
        Some(raw) => ([("content-type", "application/json")], raw).into_response(),
        None => axum::Json(s.userinfo).into_response(),
    }
}

/// A browser: follows nothing by itself, keeps cookies by name.
pub(crate) struct Browser {
    http: reqwest::Client,
    cookies: HashMap<String, String>,
}

/// Where a sign-in ended: the callback's redirect target and whether a session came with it.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub(crate) location: String,
    pub(crate) signed_in: bool,
}

impl Browser {
    pub(crate) fn new() -> Browser {
        let http = reqwest::Client::builder().no_proxy().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Browser { http, cookies: HashMap::new() }
    }

    pub(crate) async fn get(&mut self, url: &str) -> reqwest::Response {
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let r = self.http.get(url).header("cookie", jar.join("; ")).send().await.unwrap();
        for set in r.headers().get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let (kv, attrs) = set.split_once(';').unwrap_or((set, ""));
            let (k, v) = kv.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        r
    }

    pub(crate) fn location(r: &reqwest::Response) -> String {
        assert_eq!(r.status(), 302, "{r:?}");
        r.headers()["location"].to_str().unwrap().to_string()
    }

    /// Start at the relay, let the IdP answer, return the callback URL the IdP sent us to.
    async fn go_to_callback(&mut self, relay: &Relay, provider: &str, query: &str) -> String {
        let r = self.get(&relay.url(&format!("/api/auth/sso/{provider}/login{query}"))).await;
        let idp = Self::location(&r);
        let r = self.get(&idp).await;
        Self::location(&r)
    }

    pub(crate) async fn finish(&mut self, callback: &str) -> Outcome {
        let r = self.get(callback).await;
        let set: Vec<String> =
            r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let location = Self::location(&r);
        let body = r.text().await.unwrap();
        assert!(!body.contains('<') && !location.contains('<'), "nothing reflected: {location} {body}");
        let session = set.iter().find(|c| c.starts_with("monorelay_session=")).cloned();
        if let Some(s) = &session {
            assert!(s.contains("HttpOnly") && s.contains("SameSite=Lax"), "{s}");
        }
        Outcome { location, signed_in: session.is_some() }
    }

    async fn sign_in(&mut self, relay: &Relay, provider: &str) -> Outcome {
        let cb = self.go_to_callback(relay, provider, "").await;
        self.finish(&cb).await
    }

    async fn me(&mut self, relay: &Relay) -> Value {
        let r = self.get(&relay.url("/api/auth/me")).await;
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
        r.json().await.unwrap()
    }
}

fn config(idp: &Idp, sso_extra: &str, server_extra: &str) -> String {
    let b = &idp.base;
    format!(
        "server:\n  access_key: \"{KEY}\"\n{server_extra}sso:\n  github:\n    client_id: client-1\n    client_secret: gh-secret\n    auth_url: \"{b}/authorize\"\n    token_url: \"{b}/token\"\n    api_base: \"{b}\"\n  oidc:\n    corp:\n      label: Corp ID\n      issuer: \"{b}\"\n      client_id: client-1\n      client_secret: oidc-secret\n{sso_extra}"
    )
}

async fn start(dir: &std::path::Path, idp: &Idp, sso_extra: &str) -> Relay {
    Relay::start_logged(&config(idp, sso_extra, ""), dir).await
}

fn user(relay: &Relay, name: &str) -> Option<monorelay::auth::User> {
    relay.app.users.get().unwrap().get(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn github_round_trip_creates_a_user_under_open_registration() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n").await;
    let mut b = Browser::new();
    let out = b.sign_in(&relay, "github").await;
    assert_eq!((out.location.as_str(), out.signed_in), ("/", true), "{out:?}");
    // The authorization request: code + PKCE S256, state, GitHub's scopes, our callback.
    let q = idp.last_authorize();
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(q["scope"], "read:user user:email");
    assert_eq!(q["redirect_uri"], relay.url("/api/auth/sso/github/callback"));
    assert!(q["state"].len() >= 32);
    // The exchange sent the verifier and the secret in the body (GitHub style), never in a URL.
    let (form, basic) = idp.last_token();
    assert!(form["code_verifier"].len() >= 43 && form["client_secret"] == "gh-secret" && basic.is_none(), "{form:?}");
    let me = b.me(&relay).await;
    assert_eq!(me["user"]["name"], "octo");
    assert_eq!(me["user"]["role"], "user");
    assert_eq!(me["user"]["email"], "octo@example.com");
    assert_eq!(me["user"]["sso"], json!(["github:4242"]));
    assert_eq!(me["user"]["has_password"], false);
    // The same identity again: the same account, no second user.
    let mut b2 = Browser::new();
    assert!(b2.sign_in(&relay, "github").await.signed_in);
    assert_eq!(relay.app.users.get().unwrap().list().len(), 1);
    // The session works for /api, not for the relay routes.
    let r = b2.get(&relay.url("/v1/models")).await;
    assert_eq!(r.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_registration_links_only_verified_emails() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "").await;
    let users = relay.app.users.get().unwrap().clone();
    // Nobody with that identity or email: refused, nothing stored.
    let out = Browser::new().sign_in(&relay, "github").await;
    assert_eq!((out.location.as_str(), out.signed_in), ("/login?error=sso_registration_closed", false));
    assert!(users.list().is_empty());
    // An existing account with the same email, but GitHub does not vouch for it: still refused.
    users.add("octavia", monorelay::auth::Role::User, Some("OCTO@example.com".into()), None).unwrap();
    idp.script(|s| s.github_emails = json!([{"email": "octo@example.com", "primary": true, "verified": false}]));
    let out = Browser::new().sign_in(&relay, "github").await;
    assert_eq!(out.location, "/login?error=sso_registration_closed");
    assert!(user(&relay, "octavia").unwrap().sso.is_empty(), "an unverified email links nothing");
    // Verified: linked to that account (case-insensitively), signed in as it.
    idp.script(|s| s.github_emails = json!([{"email": "octo@example.com", "primary": true, "verified": true}]));
    let mut b = Browser::new();
    assert!(b.sign_in(&relay, "github").await.signed_in);
    assert_eq!(b.me(&relay).await["user"]["name"], "octavia");
    assert_eq!(user(&relay, "octavia").unwrap().sso.len(), 1);
    // Once linked, the link alone signs in, whatever the email says now.
    idp.script(|s| s.github_emails = json!([]));
    assert!(Browser::new().sign_in(&relay, "github").await.signed_in);
    // A disabled account is refused.
    users
        .update("octavia", |u| {
            u.active = false;
            Ok(())
        })
        .unwrap();
    assert_eq!(Browser::new().sign_in(&relay, "github").await.location, "/login?error=sso_user_disabled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_round_trip_with_discovery_id_token_and_admin_usernames() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n  admin_usernames: [ana, 'github:4242']\n").await;
    let users = relay.app.users.get().unwrap().clone();
    users.add("ana-local", monorelay::auth::Role::User, Some("ana@example.com".into()), None).unwrap();
    let mut b = Browser::new();
    let out = b.sign_in(&relay, "corp").await;
    assert_eq!((out.location.as_str(), out.signed_in), ("/", true), "{out:?}");
    let q = idp.last_authorize();
    assert_eq!(q["scope"], "openid email profile");
    assert!(q["nonce"].len() >= 32 && q["code_challenge_method"] == "S256");
    let (_, basic) = idp.last_token();
    assert!(basic.is_some_and(|b| b.starts_with("Basic ")), "OIDC default client auth is HTTP Basic");
    let me = b.me(&relay).await;
    assert_eq!(me["user"]["name"], "ana-local", "linked by the verified email");
    assert_eq!(me["user"]["role"], "admin", "admin_usernames grants admin at sign-in");
    assert_eq!(me["user"]["sso"], json!(["corp:oidc-sub-1"]));

    // Another person whose IdP does not verify the email: a new account, not a link, no email.
    let unverified = json!({"sub": "oidc-sub-2", "email": "ana@example.com", "email_verified": false, "preferred_username": "mallory"});
    idp.script(|s| {
        s.id_claims = unverified.clone();
        s.userinfo = unverified.clone();
    });
    let mut m = Browser::new();
    assert!(m.sign_in(&relay, "corp").await.signed_in);
    let me = m.me(&relay).await;
    assert_eq!((me["user"]["name"].as_str(), me["user"]["role"].as_str()), (Some("mallory"), Some("user")));
    assert_eq!(me["user"]["email"], Value::Null);
    assert_eq!(users.list().len(), 2);
    // `provider:subject` in admin_usernames names an identity whatever its username.
    idp.script(|s| s.github_user = json!({"id": 4242, "login": "renamed"}));
    let mut g = Browser::new();
    assert!(g.sign_in(&relay, "github").await.signed_in);
    assert_eq!(g.me(&relay).await["user"]["role"], "admin");

    // The public list of buttons: names and labels, no secrets.
    let r = Browser::new().get(&relay.url("/api/auth/providers")).await;
    let text = r.text().await.unwrap();
    assert!(!text.contains("secret") && !text.contains("client-1"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["providers"][1], json!({"name": "corp", "label": "Corp ID", "login_url": "/api/auth/sso/corp/login"}));
    assert_eq!((v["password_login"].as_bool(), v["registration"].as_str()), (Some(true), Some("open")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sso_only_refuses_password_sign_in_server_side() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n  sso_only: true\n").await;
    relay.app.users.get().unwrap().add("pw", monorelay::auth::Role::Admin, None, Some("correct horse")).unwrap();
    let r = client()
        .post(relay.url("/api/auth/login"))
        .json(&json!({"username": "pw", "password": "correct horse"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["type"], "sso_only");
    assert!(Browser::new().sign_in(&relay, "github").await.signed_in);
    let v: Value = client().get(relay.url("/api/auth/providers")).send().await.unwrap().json().await.unwrap();
    assert_eq!(v["password_login"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_replayed_expired_and_foreign_states_are_refused() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n").await;
    let users = relay.app.users.get().unwrap().clone();
    let state_err = "/login?error=sso_state";

    // Forged: a state the relay never issued (with a matching cookie, even).
    let mut b = Browser::new();
    b.cookies.insert("monorelay_sso".into(), "forged".into());
    let out = b.finish(&relay.url("/api/auth/sso/github/callback?code=x&state=forged")).await;
    assert_eq!(out.location, state_err);
    let out = b.finish(&relay.url(&format!("/api/auth/sso/github/callback?code=x&state={XSS}"))).await;
    assert_eq!(out.location, state_err);

    // Replayed: a callback works once.
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", "").await;
    let cookie = b.cookies["monorelay_sso"].clone();
    assert!(b.finish(&cb).await.signed_in);
    b.cookies.insert("monorelay_sso".into(), cookie);
    let mut again = Browser { http: b.http.clone(), cookies: b.cookies.clone() };
    again.cookies.remove("monorelay_session");
    assert_eq!(again.finish(&cb).await.location, state_err);

    // Another browser (no state cookie) bringing a victim's callback: refused, and it is spent.
    let mut victim = Browser::new();
    let cb = victim.go_to_callback(&relay, "github", "").await;
    assert_eq!(Browser::new().finish(&cb).await.location, state_err);
    assert_eq!(victim.finish(&cb).await.location, state_err);

    // A state for one provider presented at another.
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", "").await;
    assert_eq!(b.finish(&cb.replace("/sso/github/", "/sso/corp/")).await.location, state_err);

    // Expired: sign-ins get no time at all.
    relay.app.sso.set_state_ttl(std::time::Duration::ZERO);
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", "").await;
    assert_eq!(b.finish(&cb).await.location, state_err);
    relay.app.sso.set_state_ttl(std::time::Duration::from_secs(600));
    assert_eq!(users.list().len(), 1, "only the one good sign-in made a user");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idp_errors_garbage_and_a_wrong_verifier_fail_with_fixed_codes() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n").await;
    let users = relay.app.users.get().unwrap().clone();
    let expect = |out: Outcome, code: &str| {
        assert_eq!((out.location, out.signed_in), (format!("/login?error={code}"), false));
    };

    // The user declines (with HTML in error_description): a fixed code, nothing reflected.
    idp.script(|s| s.authorize_error = Some(format!("access_denied{XSS}")));
    expect(Browser::new().sign_in(&relay, "github").await, "sso_denied");
    idp.script(|s| s.authorize_error = None);

    // The code exchanged without the verifier the challenge was made from: the IdP refuses.
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", "").await;
    let challenge = idp.last_authorize()["code_challenge"].clone();
    let code = cb.split("code=").nth(1).unwrap().split('&').next().unwrap().to_string();
    {
        let mut codes = idp.state.codes.lock().unwrap();
        let (_, n, r) = codes.remove(&code).unwrap();
        codes.insert(code, (format!("{challenge}x"), n, r));
    }
    expect(b.finish(&cb).await, "sso_exchange");

    for (status, body) in [(400, r#"{"error":"bad_verification_code"}"#), (200, "<html>oops</html>"), (200, "{}")] {
        idp.script(|s| s.token_reply = Some((status, body.to_string())));
        expect(Browser::new().sign_in(&relay, "github").await, "sso_exchange");
    }
    idp.script(|s| s.token_reply = None);

    // Profiles that make no sense.
    for bad in [json!({}), json!({"id": 1}), json!({"id": {"x": 1}, "login": "a"}), json!("nope")] {
        idp.script(|s| s.github_user = bad.clone());
        expect(Browser::new().sign_in(&relay, "github").await, "sso_profile");
    }
    idp.script(|s| s.userinfo_raw = Some("not json".into()));
    expect(Browser::new().sign_in(&relay, "corp").await, "sso_profile");
    idp.script(|s| {
        s.userinfo_raw = None;
        s.userinfo = json!({"sub": "someone-else"});
    });
    expect(Browser::new().sign_in(&relay, "corp").await, "sso_profile");
    idp.script(|s| s.userinfo = Script::default().userinfo);

    // id_tokens failing a claim check.
    for bad in [
        json!({"sub": "s", "aud": "other"}),
        json!({"sub": "s", "nonce": "replayed"}),
        json!({"sub": "s", "iss": "https://evil.example"}),
        json!({"sub": "s", "exp": 1000}),
    ] {
        idp.script(|s| s.id_claims = bad.clone());
        expect(Browser::new().sign_in(&relay, "corp").await, "sso_id_token");
    }
    assert!(users.list().is_empty(), "no failure stored a user");

    // An unknown provider (even a hostile name) and discovery naming another issuer.
    let r = Browser::new().get(&relay.url("/api/auth/sso/%3Cscript%3E/login")).await;
    assert_eq!(Browser::location(&r), "/login?error=sso_unknown_provider");
    let (dir2, idp2) = (tempfile::tempdir().unwrap(), Idp::start().await);
    idp2.script(|s| s.discovery_issuer = Some("https://evil.example".into()));
    let relay2 = start(dir2.path(), &idp2, "").await;
    let r = Browser::new().get(&relay2.url("/api/auth/sso/corp/login")).await;
    assert_eq!(Browser::location(&r), "/login?error=sso_unavailable");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_profile_fields_stay_inert() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: open\n").await;
    idp.script(|s| {
        s.github_user = json!({"id": 7, "login": XSS, "name": XSS});
        s.github_emails = json!([{"email": format!("{XSS}@example.com"), "primary": true, "verified": true}]);
    });
    let mut b = Browser::new();
    let out = b.sign_in(&relay, "github").await;
    assert!(out.signed_in, "{out:?}");
    let me = b.me(&relay).await;
    let name = me["user"]["name"].as_str().unwrap();
    assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "{name}");
    // Kept as data (JSON-escaped by every transport), never as markup in a page.
    let r = b.get(&relay.url("/api/auth/me")).await;
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    // An invite parameter with markup is dropped, not carried.
    let cb = Browser::new().go_to_callback(&relay, "github", &format!("?invite={XSS}")).await;
    assert!(!cb.contains('<'));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_registration_needs_a_code_used_once() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let relay = start(dir.path(), &idp, "  registration: invite\n").await;
    let users = relay.app.users.get().unwrap().clone();
    assert_eq!(Browser::new().sign_in(&relay, "github").await.location, "/login?error=sso_invite");
    let (code, _) = users.create_invite(monorelay::auth::Role::User, std::time::Duration::from_secs(3600)).unwrap();
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", &format!("?invite={code}")).await;
    assert!(b.finish(&cb).await.signed_in);
    // Spent: a second person with the same code gets nothing.
    idp.script(|s| {
        s.github_user = json!({"id": 5, "login": "second"});
        s.github_emails = json!([]);
    });
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", &format!("?invite={code}")).await;
    assert_eq!(b.finish(&cb).await.location, "/login?error=sso_invite");
    let (expired, _) = users.create_invite(monorelay::auth::Role::User, std::time::Duration::ZERO).unwrap();
    let cb = b.go_to_callback(&relay, "github", &format!("?invite={expired}")).await;
    assert_eq!(b.finish(&cb).await.location, "/login?error=sso_invite");
    assert_eq!(users.list().len(), 1);
}

/// A loopback Turnstile siteverify: `good-token` passes; it records the secrets it was sent.
async fn turnstile_verifier() -> (String, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s2 = seen.clone();
    let app = axum::Router::new().route(
        "/siteverify",
        post(move |body: Bytes| {
            let seen = s2.clone();
            async move {
                let f = pairs(&body);
                seen.lock().unwrap().push(f.get("secret").cloned().unwrap_or_default());
                axum::Json(json!({"success": f.get("response").is_some_and(|r| r == "good-token")}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/siteverify", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turnstile_guards_login_and_setup() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let (verify, seen) = turnstile_verifier().await;
    let server = format!(
        "  turnstile_enabled: true\n  turnstile_site_key: site-1\n  turnstile_secret_key: ts-secret\n  turnstile_verify_url: \"{verify}\"\n"
    );
    let relay = Relay::start_logged(&config(&idp, "", &server), dir.path()).await;
    let setup = |token: Option<&str>| {
        let body = json!({"username": "root", "password": "correct horse", "turnstile_token": token});
        client().post(relay.url("/api/setup")).bearer_auth(KEY).json(&body).send()
    };
    let r = setup(None).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["type"], "turnstile_failed");
    assert_eq!(setup(Some("bad-token")).await.unwrap().status(), 403);
    assert!(relay.app.users.get().unwrap().is_empty());
    assert_eq!(setup(Some("good-token")).await.unwrap().status(), 201);
    let login = |token: &str| {
        let body = json!({"username": "root", "password": "correct horse", "turnstile_token": token});
        client().post(relay.url("/api/auth/login")).json(&body).send()
    };
    assert_eq!(login("bad-token").await.unwrap().status(), 403);
    assert_eq!(login("good-token").await.unwrap().status(), 200);
    assert!(seen.lock().unwrap().iter().all(|s| s == "ts-secret"));
    let v: Value = client().get(relay.url("/api/auth/providers")).send().await.unwrap().json().await.unwrap();
    assert_eq!(v["turnstile_site_key"], "site-1");
    assert!(!v.to_string().contains("ts-secret"));

    // The verify endpoint gone: 503, not a pass.
    let (dir2, idp2) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let server = "  turnstile_enabled: true\n  turnstile_site_key: s\n  turnstile_secret_key: t\n  turnstile_verify_url: \"http://127.0.0.1:9/siteverify\"\n";
    let relay2 = Relay::start_logged(&config(&idp2, "", server), dir2.path()).await;
    let body = json!({"username": "root", "password": "correct horse", "turnstile_token": "good-token"});
    let r = client().post(relay2.url("/api/setup")).bearer_auth(KEY).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 503);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_makes_invites_offline_that_the_server_honours() {
    let (dir, idp) = (tempfile::tempdir().unwrap(), Idp::start().await);
    let (cfg, data) = (dir.path().join("config.yml"), dir.path().join("data"));
    std::fs::write(&cfg, config(&idp, "  registration: invite\n", "")).unwrap();
    let out = cli(&cfg, &data, &["users", "invite", "--role", "super-admin"]).await;
    assert!(!out.status.success(), "no super-admin invites");
    let out = cli(&cfg, &data, &["--json", "users", "invite", "--role", "admin", "--expires-hours", "2"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let inv: Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = inv["code"].as_str().unwrap().to_string();
    assert!(code.starts_with("inv-") && inv["role"] == "admin", "{inv}");
    let relay = Relay::start_logged_file(&cfg, &data).await;
    let mut b = Browser::new();
    let cb = b.go_to_callback(&relay, "github", &format!("?invite={code}")).await;
    assert!(b.finish(&cb).await.signed_in);
    assert_eq!(b.me(&relay).await["user"]["role"], "admin");
}
