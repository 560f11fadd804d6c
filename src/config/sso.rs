//! Validation of the sign-in settings: the `sso:` section (the original's flat keys, mapped onto
//! one provider when `sso.enabled: true`, and monorelay's `github` / `google` / `oidc.<name>`
//! blocks), `sso.registration`, and `server.turnstile_*`. Every problem names its key path.

use super::check::http_url;
use super::raw::{RawConfig, RawSso, RawSsoProvider};
use super::types::*;

/// Longest provider name (it is a URL path segment).
const MAX_PROVIDER_NAME: usize = 32;

pub(super) fn validate_auth(raw: &RawConfig, problems: &mut Vec<String>, warnings: &mut Vec<String>) -> AuthConfig {
    let s = &raw.sso;
    let registration = match s.registration.trim() {
        "" | "closed" => Registration::Closed,
        "invite" => Registration::Invite,
        "open" => Registration::Open,
        other => {
            problems.push(format!("sso.registration: must be closed, invite or open, got '{other}'"));
            Registration::Closed
        }
    };
    let mut sso = Vec::new();
    if s.enabled != Some(false) {
        if let Some(p) = &s.github {
            provider(&mut sso, problems, "github", "GitHub", p, Kind::GitHub);
        }
        if let Some(p) = &s.google {
            provider(&mut sso, problems, "google", "Google", p, Kind::Google);
        }
        for (name, p) in s.oidc.iter() {
            let path = format!("sso.oidc.{name}");
            let ok_name = !name.is_empty()
                && name.len() <= MAX_PROVIDER_NAME
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'));
            if !ok_name {
                problems.push(format!("{path}: a provider name is 1-32 of a-z 0-9 - _"));
            } else if sso.iter().any(|x: &SsoProvider| x.name == *name) || matches!(name.as_str(), "github" | "google")
            {
                problems.push(format!("{path}: the name '{name}' is taken (github and google have their own blocks)"));
            } else {
                provider(&mut sso, problems, name, name, p, Kind::Oidc);
            }
        }
        if s.enabled == Some(true) {
            legacy(s, &mut sso, warnings);
        }
    }
    for (i, name) in s.admin_usernames.iter().enumerate() {
        if name.trim().is_empty() {
            problems.push(format!("sso.admin_usernames[{i}]: must not be empty"));
        }
    }
    if s.sso_only && sso.is_empty() {
        warnings.push("sso.sso_only is true but no SSO provider is configured: only the access key can sign in".into());
    }
    if s.local_sso_enabled {
        warnings.push("sso.local_sso_enabled is the original's and does nothing here".into());
    }
    AuthConfig {
        sso_only: s.sso_only,
        admin_usernames: s.admin_usernames.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect(),
        registration,
        sso,
        turnstile: turnstile(raw, problems),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    GitHub,
    Google,
    Oidc,
}

/// An optional URL key: empty is `None`, anything else must be an http(s) URL.
fn url_key(problems: &mut Vec<String>, path: &str, v: &str) -> Option<String> {
    let v = v.trim().trim_end_matches('/');
    if v.is_empty() {
        return None;
    }
    http_url(problems, path, v);
    Some(v.to_string())
}

fn provider(
    out: &mut Vec<SsoProvider>,
    problems: &mut Vec<String>,
    name: &str,
    label: &str,
    p: &RawSsoProvider,
    kind: Kind,
) {
    let path = if kind == Kind::Oidc { format!("sso.oidc.{name}") } else { format!("sso.{name}") };
    if p.enabled == Some(false) {
        return;
    }
    let client_id = p.client_id.trim();
    if client_id.is_empty() {
        problems.push(format!("{path}.client_id: must be set (or set {path}.enabled: false)"));
    }
    if p.client_secret.expose().trim().is_empty() {
        problems.push(format!("{path}.client_secret: must be set (the value is never shown)"));
    }
    let auth_url = url_key(problems, &format!("{path}.auth_url"), &p.auth_url);
    let token_url = url_key(problems, &format!("{path}.token_url"), &p.token_url);
    let userinfo_url = url_key(problems, &format!("{path}.userinfo_url"), &p.userinfo_url);
    let api_base = url_key(problems, &format!("{path}.api_base"), &p.api_base);
    let issuer = url_key(problems, &format!("{path}.issuer"), &p.issuer);
    let kind = match kind {
        Kind::GitHub => {
            for (key, set) in [("issuer", issuer.is_some()), ("userinfo_url", userinfo_url.is_some())] {
                if set {
                    problems.push(format!("{path}.{key}: GitHub is not an OIDC provider (use api_base)"));
                }
            }
            SsoKind::GitHub {
                auth_url: auth_url.unwrap_or_else(|| GITHUB_AUTH_URL.into()),
                token_url: token_url.unwrap_or_else(|| GITHUB_TOKEN_URL.into()),
                api_base: api_base.unwrap_or_else(|| GITHUB_API.into()),
            }
        }
        Kind::Google | Kind::Oidc => {
            if api_base.is_some() {
                problems.push(format!("{path}.api_base: only GitHub has an API base (OIDC uses userinfo_url)"));
            }
            let issuer = issuer.or_else(|| (kind == Kind::Google).then(|| GOOGLE_ISSUER.to_string()));
            if issuer.is_none() && (auth_url.is_none() || token_url.is_none()) {
                problems.push(format!("{path}.issuer: must be set (or all of auth_url, token_url and userinfo_url)"));
            }
            SsoKind::Oidc { issuer, auth_url, token_url, userinfo_url }
        }
    };
    let default_scopes: &[&str] = if matches!(kind, SsoKind::GitHub { .. }) {
        &["read:user", "user:email"]
    } else {
        &["openid", "email", "profile"]
    };
    let scopes: Vec<String> = match &p.scopes {
        Some(s) => s.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        None => default_scopes.iter().map(|s| s.to_string()).collect(),
    };
    if let SsoKind::Oidc { issuer: Some(_), .. } = &kind {
        if !scopes.iter().any(|s: &String| s == "openid") {
            problems.push(format!("{path}.scopes: an OIDC provider needs the 'openid' scope"));
        }
    }
    let label = Some(p.label.trim()).filter(|l| !l.is_empty()).unwrap_or(label);
    out.push(SsoProvider {
        name: name.to_string(),
        label: label.to_string(),
        client_id: client_id.to_string(),
        client_secret: p.client_secret.clone(),
        scopes,
        kind,
    });
}

/// The original's flat keys: `provider` picks github, google or prismaauth (a self-hosted IdP
/// with `<prismaauth_url>/login`, `/token` and `/userinfo`). A provider configured by a block
/// wins; a picked provider with no client id is a warning, as the original merely failed later.
fn legacy(s: &RawSso, out: &mut Vec<SsoProvider>, warnings: &mut Vec<String>) {
    let picked = s.provider.trim();
    if out.iter().any(|p| p.name == picked) {
        return;
    }
    let (client_id, client_secret, kind, label, scopes) = match picked {
        "github" => (
            &s.github_client_id,
            &s.github_client_secret,
            SsoKind::GitHub {
                auth_url: GITHUB_AUTH_URL.into(),
                token_url: GITHUB_TOKEN_URL.into(),
                api_base: GITHUB_API.into(),
            },
            "GitHub",
            vec!["read:user".to_string(), "user:email".to_string()],
        ),
        "google" => (
            &s.google_client_id,
            &s.google_client_secret,
            SsoKind::Oidc { issuer: Some(GOOGLE_ISSUER.into()), auth_url: None, token_url: None, userinfo_url: None },
            "Google",
            vec!["openid".to_string(), "email".to_string(), "profile".to_string()],
        ),
        "prismaauth" => {
            let base = s.prismaauth_url.trim().trim_end_matches('/');
            (
                &s.client_id,
                &s.client_secret,
                SsoKind::Oidc {
                    issuer: None,
                    auth_url: Some(format!("{base}/login")),
                    token_url: Some(format!("{base}/token")),
                    userinfo_url: Some(format!("{base}/userinfo")),
                },
                "PrismaAuth",
                s.scopes.clone(),
            )
        }
        other => {
            warnings.push(format!(
                "sso.provider: '{other}' is not github, google or prismaauth; no SSO from the flat keys"
            ));
            return;
        }
    };
    if client_id.trim().is_empty() || client_secret.expose().trim().is_empty() {
        warnings.push(format!(
            "sso.enabled is true with provider '{picked}' but its client id or secret is empty: that provider is off"
        ));
        return;
    }
    out.push(SsoProvider {
        name: picked.to_string(),
        label: label.to_string(),
        client_id: client_id.trim().to_string(),
        client_secret: client_secret.clone(),
        scopes,
        kind,
    });
}

fn turnstile(raw: &RawConfig, problems: &mut Vec<String>) -> Option<TurnstileConfig> {
    let s = &raw.server;
    let verify_url = url_key(problems, "server.turnstile_verify_url", &s.turnstile_verify_url)
        .unwrap_or_else(|| TURNSTILE_VERIFY_URL.to_string());
    if !s.turnstile_enabled {
        return None;
    }
    if s.turnstile_site_key.trim().is_empty() {
        problems.push("server.turnstile_site_key: must be set when turnstile_enabled is true".into());
    }
    if s.turnstile_secret_key.expose().trim().is_empty() {
        problems.push("server.turnstile_secret_key: must be set when turnstile_enabled is true".into());
    }
    Some(TurnstileConfig {
        site_key: s.turnstile_site_key.trim().to_string(),
        secret_key: s.turnstile_secret_key.clone(),
        verify_url,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::config::{ConfigSource, Registration, SsoKind, load_str};

    fn load(yaml: &str) -> Result<crate::config::Config, String> {
        load_str(yaml, ConfigSource::Embedded, &|_| None).map_err(|e| e.to_string())
    }

    #[test]
    fn blocks_default_to_the_real_services_and_urls_override() {
        let c = load(
            "sso:\n  registration: open\n  github: {client_id: gh, client_secret: s1}\n  google: {client_id: go, client_secret: s2, label: Work}\n  oidc:\n    corp: {issuer: 'https://id.example.com/', client_id: c, client_secret: s3, token_url: 'http://127.0.0.1:9/t'}\n",
        )
        .unwrap();
        let a = &c.auth;
        assert_eq!(a.registration, Registration::Open);
        let names: Vec<_> = a.sso.iter().map(|p| (p.name.as_str(), p.label.as_str())).collect();
        assert_eq!(names, [("github", "GitHub"), ("google", "Work"), ("corp", "corp")]);
        assert!(matches!(&a.sso[0].kind, SsoKind::GitHub { api_base, .. } if api_base == "https://api.github.com"));
        assert_eq!(a.sso[0].scopes, ["read:user", "user:email"]);
        assert!(matches!(&a.sso[1].kind, SsoKind::Oidc { issuer: Some(i), .. } if i == "https://accounts.google.com"));
        assert!(
            matches!(&a.sso[2].kind, SsoKind::Oidc { issuer: Some(i), token_url: Some(t), .. } if i == "https://id.example.com" && t == "http://127.0.0.1:9/t")
        );
        assert!(!format!("{:?}", c.auth).contains("s3"), "secrets stay hidden");
    }

    #[test]
    fn the_originals_flat_keys_map_onto_one_provider() {
        let c = load("sso:\n  enabled: true\n  provider: github\n  github_client_id: gh\n  github_client_secret: sec\n  admin_usernames: [octo]\n").unwrap();
        assert_eq!(c.auth.sso.len(), 1);
        assert_eq!((c.auth.sso[0].name.as_str(), c.auth.sso[0].client_id.as_str()), ("github", "gh"));
        assert_eq!(c.auth.admin_usernames, ["octo"]);
        let c = load("sso:\n  enabled: true\n  provider: prismaauth\n  prismaauth_url: 'http://idp:8080/'\n  client_id: p\n  client_secret: s\n").unwrap();
        assert!(
            matches!(&c.auth.sso[0].kind, SsoKind::Oidc { issuer: None, auth_url: Some(u), .. } if u == "http://idp:8080/login")
        );
        // The original's default (enabled: false) keeps every provider off, blocks included.
        let c = load("sso:\n  enabled: false\n  github: {client_id: gh, client_secret: s}\n").unwrap();
        assert!(c.auth.sso.is_empty());
        let c = load("sso:\n  enabled: true\n  provider: github\n").unwrap();
        assert!(
            c.auth.sso.is_empty() && c.warnings.iter().any(|w| w.contains("provider 'github'")),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn mistakes_are_named_by_key_path() {
        let e = load(
            "sso:\n  registration: maybe\n  github: {client_id: '', client_secret: s, issuer: 'https://x'}\n  oidc:\n    Bad Name: {issuer: 'https://x', client_id: a, client_secret: b}\n    nourl: {client_id: a, client_secret: b}\n    github: {issuer: 'https://x', client_id: a, client_secret: b}\n    ftp: {issuer: 'ftp://x', client_id: a, client_secret: b, scopes: [email]}\n  gitlab: {}\nserver:\n  turnstile_enabled: true\n",
        )
        .unwrap_err();
        for want in [
            "sso.registration: must be closed, invite or open, got 'maybe'",
            "sso.github.client_id: must be set",
            "sso.github.issuer: GitHub is not an OIDC provider",
            "sso.oidc.Bad Name: a provider name is",
            "sso.oidc.nourl.issuer: must be set",
            "sso.oidc.github: the name 'github' is taken",
            "sso.oidc.ftp.issuer: must be an http:// or https:// URL",
            "sso.oidc.ftp.scopes: an OIDC provider needs the 'openid' scope",
            "sso: unknown key 'gitlab'",
            "server.turnstile_secret_key: must be set",
        ] {
            assert!(e.contains(want), "missing '{want}' in:\n{e}");
        }
    }
}
