//! The GitHub Gist REST API, as far as sync needs it: verify a token, find or create the private
//! Gist, get it (at its head or at a revision), patch its files, list its commits. Plain reqwest
//! (the relay's own HTTP and TLS stack); the base URL is `sync.api_base`, so GitHub Enterprise
//! and a test's loopback fake work the same. Every failure becomes a `SyncError` that says what
//! happened in GitHub's terms (bad or revoked token, missing `gist` scope, rate limit, a Gist
//! deleted behind our back, network error) and never contains the token.

use super::SyncError;
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// The description that marks our Gist (the original's, so its Gists are found too).
pub const DESCRIPTION: &str = "MonoRelay Configuration";
/// GitHub's API version header value.
const API_VERSION: &str = "2022-11-28";
/// Per-request limit: a stuck API must not hang a push.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// `GET /gists` pages looked through when finding ours (100 each).
const MAX_LIST_PAGES: u32 = 10;

/// A Gist as sync reads it.
#[derive(Debug, Clone, Default)]
pub struct Gist {
    pub id: String,
    /// The head revision (commit SHA), when GitHub says.
    pub version: Option<String>,
    /// File name → content.
    pub files: BTreeMap<String, String>,
    pub html_url: Option<String>,
    pub updated_at: Option<String>,
}

/// One entry of `GET /gists/{id}/commits`.
#[derive(Debug, Clone, Deserialize)]
pub struct Commit {
    pub version: String,
    #[serde(default)]
    pub committed_at: Option<String>,
    #[serde(default)]
    pub change_status: ChangeStatus,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChangeStatus {
    #[serde(default)]
    pub additions: u64,
    #[serde(default)]
    pub deletions: u64,
}

pub struct GistClient {
    http: reqwest::Client,
    base: String,
    token: Secret<String>,
}

#[derive(Deserialize)]
struct WireFile {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    truncated: bool,
    #[serde(default)]
    raw_url: Option<String>,
}

#[derive(Deserialize)]
struct WireHistory {
    version: String,
}

#[derive(Deserialize)]
struct WireGist {
    id: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    public: bool,
    #[serde(default)]
    files: BTreeMap<String, Option<WireFile>>,
    #[serde(default)]
    history: Vec<WireHistory>,
    #[serde(default)]
    html_url: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
}

impl GistClient {
    /// `base` without a trailing slash; `token` as given (whitespace is stripped).
    pub fn new(base: &str, token: &Secret<String>) -> Result<GistClient, SyncError> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("monorelay/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Network(format!("cannot build the HTTP client: {e}")))?;
        let token: String = token.expose().chars().filter(|c| !c.is_whitespace()).collect();
        Ok(GistClient { http, base: base.trim_end_matches('/').to_string(), token: Secret::new(token) })
    }

    fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let url = if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        };
        self.http
            .request(method, url)
            .bearer_auth(self.token.expose())
            .header("accept", "application/vnd.github+json")
            .header("x-github-api-version", API_VERSION)
    }

    /// Send, and turn every non-success into a precise `SyncError`.
    async fn send(&self, rb: reqwest::RequestBuilder, what: &str) -> Result<reqwest::Response, SyncError> {
        let resp = rb.send().await.map_err(|e| network(&self.base, what, &e))?;
        let status = resp.status().as_u16();
        if resp.status().is_success() {
            return Ok(resp);
        }
        let remaining = resp.headers().get("x-ratelimit-remaining").and_then(|v| v.to_str().ok()).map(str::to_string);
        let reset = resp.headers().get("x-ratelimit-reset").and_then(|v| v.to_str().ok()).map(str::to_string);
        let retry_after = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = resp.text().await.unwrap_or_default();
        let message = serde_json::from_str::<Value>(&body)
            .ok()
            .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default();
        let message = message.replace(self.token.expose().as_str(), "*****");
        let rate_limited = status == 429
            || (status == 403
                && (remaining.as_deref() == Some("0") || message.to_ascii_lowercase().contains("rate limit")));
        Err(match status {
            401 => SyncError::Auth(format!(
                "GitHub refused the token (401 {message}): it is wrong, expired or revoked; set MONORELAY_GITHUB_TOKEN or run 'monorelay sync setup --token-stdin'"
            )),
            _ if rate_limited => {
                let when = retry_after
                    .map(|s| format!("retry after {s} s"))
                    .or_else(|| reset.map(|r| format!("the limit resets at unix time {r}")))
                    .unwrap_or_else(|| "try again later".into());
                SyncError::RateLimited(format!("GitHub's API rate limit was reached while {what}: {when}"))
            }
            403 => SyncError::Auth(format!(
                "GitHub refused {what} (403 {message}): the token lacks the 'gist' scope (classic token) or Gists read/write permission (fine-grained token)"
            )),
            404 => SyncError::NotFound(format!("GitHub answered 404 while {what}")),
            _ => SyncError::Remote(format!("GitHub answered {status} while {what}: {message}")),
        })
    }

    async fn json<T: serde::de::DeserializeOwned>(&self, resp: reqwest::Response, what: &str) -> Result<T, SyncError> {
        let bytes = resp.bytes().await.map_err(|e| network(&self.base, what, &e))?;
        serde_json::from_slice(&bytes)
            .map_err(|e| SyncError::Remote(format!("GitHub's answer while {what} is not what the Gist API sends: {e}")))
    }

    /// Check the token: it must be accepted, and a classic token must carry the `gist` scope.
    pub async fn verify(&self) -> Result<(), SyncError> {
        let resp = self.send(self.req(reqwest::Method::GET, "/gists?per_page=1"), "checking the token").await?;
        if let Some(scopes) = resp.headers().get("x-oauth-scopes").and_then(|v| v.to_str().ok()) {
            if !scopes.split(',').any(|s| s.trim() == "gist") {
                return Err(SyncError::Auth(format!(
                    "the token works but lacks the 'gist' scope (it has: '{}')",
                    scopes.trim()
                )));
            }
        }
        Ok(())
    }

    /// Our private Gist, by description.
    pub async fn find(&self) -> Result<Option<String>, SyncError> {
        for page in 1..=MAX_LIST_PAGES {
            let what = "listing your Gists";
            let resp =
                self.send(self.req(reqwest::Method::GET, &format!("/gists?per_page=100&page={page}")), what).await?;
            let list: Vec<WireGist> = self.json(resp, what).await?;
            if let Some(g) = list.iter().find(|g| !g.public && g.description.as_deref() == Some(DESCRIPTION)) {
                return Ok(Some(g.id.clone()));
            }
            if list.len() < 100 {
                break;
            }
        }
        Ok(None)
    }

    /// A new private Gist holding `files`.
    pub async fn create(&self, files: &BTreeMap<String, String>) -> Result<Gist, SyncError> {
        let files: serde_json::Map<String, Value> =
            files.iter().map(|(k, v)| (k.clone(), json!({ "content": v }))).collect();
        let body = json!({ "description": DESCRIPTION, "public": false, "files": files });
        let what = "creating the Gist";
        let resp = self.send(with_json(self.req(reqwest::Method::POST, "/gists"), &body), what).await?;
        let g = self.json(resp, what).await?;
        self.complete(g).await
    }

    /// The Gist at its head, or at `revision`.
    pub async fn get(&self, id: &str, revision: Option<&str>) -> Result<Gist, SyncError> {
        let path = match revision {
            Some(r) => format!("/gists/{id}/{r}"),
            None => format!("/gists/{id}"),
        };
        let what = format!("reading the Gist '{id}'");
        let resp = self.send(self.req(reqwest::Method::GET, &path), &what).await.map_err(|e| match (e, revision) {
            (SyncError::NotFound(_), None) => SyncError::NotFound(format!(
                "the Gist '{id}' does not exist any more (deleted?); run 'monorelay sync setup' to find or create one"
            )),
            (SyncError::NotFound(_), Some(r)) => SyncError::NotFound(format!("the Gist '{id}' has no revision '{r}'")),
            (e, _) => e,
        })?;
        let g = self.json(resp, &what).await?;
        self.complete(g).await
    }

    /// Set files (`None`: delete the file). Returns the Gist as it now stands.
    pub async fn patch(&self, id: &str, files: &BTreeMap<String, Option<String>>) -> Result<Gist, SyncError> {
        let files: serde_json::Map<String, Value> = files
            .iter()
            .map(|(k, v)| (k.clone(), v.as_ref().map_or(Value::Null, |c| json!({ "content": c }))))
            .collect();
        let what = format!("updating the Gist '{id}'");
        let resp = self
            .send(with_json(self.req(reqwest::Method::PATCH, &format!("/gists/{id}")), &json!({ "files": files })), &what)
            .await
            .map_err(|e| match e {
                SyncError::NotFound(_) => SyncError::NotFound(format!(
                    "the Gist '{id}' does not exist any more (deleted?); run 'monorelay sync setup' to find or create one"
                )),
                e => e,
            })?;
        let g = self.json(resp, &what).await?;
        self.complete(g).await
    }

    /// The Gist's revisions, newest first (at most `limit`, up to 100).
    pub async fn commits(&self, id: &str, limit: u32) -> Result<Vec<Commit>, SyncError> {
        let what = format!("listing the revisions of the Gist '{id}'");
        let path = format!("/gists/{id}/commits?per_page={}", limit.clamp(1, 100));
        let resp = self.send(self.req(reqwest::Method::GET, &path), &what).await.map_err(|e| match e {
            SyncError::NotFound(_) => {
                SyncError::NotFound(format!("the Gist '{id}' does not exist any more (deleted?)"))
            }
            e => e,
        })?;
        self.json(resp, &what).await
    }

    /// Wire → `Gist`, fetching truncated files whole.
    async fn complete(&self, g: WireGist) -> Result<Gist, SyncError> {
        let mut files = BTreeMap::new();
        for (name, f) in g.files {
            let Some(f) = f else { continue };
            let content = match (f.truncated, &f.raw_url, f.content) {
                (true, Some(raw), _) | (false, Some(raw), None) => {
                    let what = format!("reading '{name}' of the Gist");
                    let resp = self.send(self.req(reqwest::Method::GET, raw), &what).await?;
                    resp.text().await.map_err(|e| network(&self.base, &what, &e))?
                }
                (_, _, Some(c)) => c,
                (_, None, None) => String::new(),
            };
            files.insert(name, content);
        }
        Ok(Gist {
            id: g.id,
            version: g.history.first().map(|h| h.version.clone()),
            files,
            html_url: g.html_url,
            updated_at: g.updated_at,
        })
    }
}

fn with_json(rb: reqwest::RequestBuilder, body: &Value) -> reqwest::RequestBuilder {
    rb.header("content-type", "application/json").body(body.to_string())
}

fn network(base: &str, what: &str, e: &reqwest::Error) -> SyncError {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "network error"
    };
    // reqwest's Display names the URL, never headers: the token cannot appear.
    SyncError::Network(format!("{kind} while {what} ({base}): {e}"))
}
