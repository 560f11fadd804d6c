//! WebDAV as a second sync target: the same files as the Gist (`config.yml`, `secrets.age`,
//! `stats.json`, `monorelay.json`) in one collection (`sync.webdav.url`), with Basic auth, over
//! reqwest: PROPFIND (Depth 0) to check the collection (MKCOL when it is missing), GET and PUT
//! per file. Conflicts use the ETag of `config.yml`: a push sends `If-Match` with the ETag last
//! synced (or `If-None-Match: *` when none), so a server that honours them refuses a stale push
//! even if it changed between our check and our write.

use super::SyncError;
use crate::config::WebdavConfig;
use std::time::Duration;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub struct WebdavClient {
    http: reqwest::Client,
    conf: WebdavConfig,
}

/// What a precondition on PUT says.
pub enum Precondition<'a> {
    None,
    /// Only if the file is still at this ETag.
    IfMatch(&'a str),
    /// Only if there is no such file yet.
    IfAbsent,
}

impl WebdavClient {
    pub fn new(conf: &WebdavConfig) -> Result<WebdavClient, SyncError> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("monorelay/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Network(format!("cannot build the HTTP client: {e}")))?;
        Ok(WebdavClient { http, conf: conf.clone() })
    }

    pub fn url(&self) -> &str {
        &self.conf.url
    }

    fn req(&self, method: reqwest::Method, name: &str) -> reqwest::RequestBuilder {
        let rb = self.http.request(method, format!("{}{name}", self.conf.url));
        if self.conf.username.is_empty() && self.conf.password.expose().is_empty() {
            rb
        } else {
            rb.basic_auth(&self.conf.username, Some(self.conf.password.expose()))
        }
    }

    async fn send(&self, rb: reqwest::RequestBuilder, what: &str) -> Result<reqwest::Response, SyncError> {
        let resp = rb.send().await.map_err(|e| {
            let kind = if e.is_timeout() { "timed out" } else { "cannot reach the WebDAV server" };
            SyncError::Network(format!("{kind} while {what} ({}): {e}", self.conf.url))
        })?;
        let status = resp.status().as_u16();
        match status {
            200..=299 => Ok(resp),
            401 | 403 => Err(SyncError::Auth(format!(
                "the WebDAV server refused the credentials while {what} ({status}): check sync.webdav.username/password"
            ))),
            404 => Err(SyncError::NotFound(format!("{what}: not found on the WebDAV server"))),
            412 => Err(SyncError::Conflict(format!(
                "the WebDAV copy changed since the last sync (412 while {what}); pull first, or push --force"
            ))),
            _ => Err(SyncError::Remote(format!("the WebDAV server answered {status} while {what}"))),
        }
    }

    fn etag(resp: &reqwest::Response) -> Option<String> {
        resp.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string)
    }

    /// Check the collection exists (PROPFIND, Depth 0); create it when it does not.
    pub async fn ensure_collection(&self) -> Result<(), SyncError> {
        let propfind = reqwest::Method::from_bytes(b"PROPFIND").map_err(|e| SyncError::Remote(e.to_string()))?;
        match self.send(self.req(propfind, "").header("depth", "0"), "checking the WebDAV collection").await {
            Ok(_) => Ok(()),
            Err(SyncError::NotFound(_)) => {
                let mkcol = reqwest::Method::from_bytes(b"MKCOL").map_err(|e| SyncError::Remote(e.to_string()))?;
                self.send(self.req(mkcol, ""), "creating the WebDAV collection").await.map(|_| ())
            }
            Err(e) => Err(e),
        }
    }

    /// A file's content and ETag; `None` when it does not exist.
    pub async fn get(&self, name: &str) -> Result<Option<(String, Option<String>)>, SyncError> {
        let what = format!("reading '{name}'");
        match self.send(self.req(reqwest::Method::GET, name), &what).await {
            Ok(resp) => {
                let etag = Self::etag(&resp);
                let text = resp
                    .text()
                    .await
                    .map_err(|e| SyncError::Network(format!("the connection broke while {what}: {e}")))?;
                Ok(Some((text, etag)))
            }
            Err(SyncError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A file's current ETag (`None`: no such file, or the server sends none).
    pub async fn etag_of(&self, name: &str) -> Result<Option<String>, SyncError> {
        match self.send(self.req(reqwest::Method::HEAD, name), &format!("checking '{name}'")).await {
            Ok(resp) => Ok(Self::etag(&resp)),
            Err(SyncError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Write a file; returns its new ETag when the server says.
    pub async fn put(&self, name: &str, content: &str, pre: Precondition<'_>) -> Result<Option<String>, SyncError> {
        let mut rb = self.req(reqwest::Method::PUT, name).body(content.to_string());
        rb = match pre {
            Precondition::None => rb,
            Precondition::IfMatch(e) => rb.header("if-match", e),
            Precondition::IfAbsent => rb.header("if-none-match", "*"),
        };
        let resp = self.send(rb, &format!("writing '{name}'")).await?;
        match Self::etag(&resp) {
            Some(e) => Ok(Some(e)),
            None => self.etag_of(name).await,
        }
    }

    /// Remove a file (missing is fine).
    pub async fn delete(&self, name: &str) -> Result<(), SyncError> {
        match self.send(self.req(reqwest::Method::DELETE, name), &format!("removing '{name}'")).await {
            Ok(_) | Err(SyncError::NotFound(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }
}
