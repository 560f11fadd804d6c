//! Checks shared by the validators (`validate.rs`, `sso.rs`): each pushes a problem naming its key
//! path and says whether the value passed.

/// `url` must be an http(s) URL with a host and without `user:password@`.
pub(super) fn http_url(problems: &mut Vec<String>, path: &str, url: &str) -> bool {
    let ok = (url.starts_with("http://") || url.starts_with("https://"))
        && url.parse::<http::Uri>().is_ok_and(|u| u.host().is_some_and(|h| !h.is_empty()));
    if !ok {
        problems.push(format!("{path}: must be an http:// or https:// URL, got '{url}'"));
    } else if url.split("://").nth(1).and_then(|r| r.split('/').next()).is_some_and(|a| a.contains('@')) {
        problems.push(format!("{path}: must not carry credentials (user:password@)"));
        return false;
    }
    ok
}
