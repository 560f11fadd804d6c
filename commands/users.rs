//! `monorelay users list | add | remove | passwd | role | enable | disable` and
//! `monorelay users keys list | create | revoke` and `monorelay users invite`: argument parsing and output over
//! `monorelay::admin` (`users.*`), through the control socket while `serve` runs and on the
//! database otherwise. Passwords come from a prompt (no echo) or `--password-stdin`, never from
//! an argument; `keys create` prints the new key once.

use crate::Cli;
use crate::conn::{block_on, fmt_time};
use clap::{Args, Subcommand};
use monorelay::admin::{
    InviteCreate, RelayKeyCreate, RelayKeyRevoke, RelayKeyView, RelayKeysList, UserAdd, UserName, UserPasswd, UserRole,
    UserView,
};
use monorelay::auth::Role;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// List users.
    List,
    /// Add a user (works with or without a running server).
    Add(AddArgs),
    /// Remove a user with their relay keys and sessions.
    Remove(NameArg),
    /// Set a user's password (ends their sessions).
    Passwd(PasswdArgs),
    /// Change a user's role.
    Role(RoleArgs),
    /// Let a user sign in and use their relay keys again.
    Enable(NameArg),
    /// Stop a user: sign-in and their relay keys are refused.
    Disable(NameArg),
    /// Relay keys of users: list, create, revoke.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once;
    /// the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE).
    Invite(InviteArgs),
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The role the new account gets: user or admin.
    #[arg(long, default_value = "user")]
    pub role: Role,
    /// Hours the code stays good (default 168, a week).
    #[arg(long)]
    pub expires_hours: Option<u64>,
}

#[derive(Debug, Args)]
pub struct NameArg {
    pub name: String,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    /// user, admin or super-admin.
    #[arg(long, default_value = "user")]
    pub role: Role,
    #[arg(long)]
    pub email: Option<String>,
    /// Read the password from the first line of stdin instead of a prompt.
    #[arg(long)]
    pub password_stdin: bool,
    /// Create the user without a password (SSO sign-in only, or set one later with `passwd`).
    #[arg(long, conflicts_with = "password_stdin")]
    pub no_password: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    pub name: String,
    /// Read the password from the first line of stdin instead of a prompt.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct RoleArgs {
    pub name: String,
    /// user, admin or super-admin.
    pub role: Role,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List relay keys (never the keys themselves), of one user or of all.
    List(KeysListArgs),
    /// Create a relay key for a user; the key is printed this once.
    Create(CreateArgs),
    /// Revoke a relay key by its prefix (as listed).
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
pub struct KeysListArgs {
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    pub user: String,
    #[arg(long)]
    pub label: Option<String>,
    /// Allowed models: comma-separated globs against the requested name (default: all).
    #[arg(long, value_delimiter = ',')]
    pub models: Vec<String>,
    /// Requests per minute.
    #[arg(long)]
    pub rpm: Option<u32>,
    #[arg(long)]
    pub tokens_per_day: Option<u64>,
    /// USD per calendar month (UTC).
    #[arg(long)]
    pub cost_per_month: Option<f64>,
    /// When the key stops working: `30d`, `12h`, or a date (`2026-01-31`, RFC 3339).
    #[arg(long)]
    pub expires: Option<String>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    pub prefix: String,
}

pub fn run(cli: &Cli, cmd: &UsersCommand) -> anyhow::Result<ExitCode> {
    // Passwords are read before connecting, so a prompt never holds the database open.
    let password = match cmd {
        UsersCommand::Add(a) if !a.no_password => Some(read_password(a.password_stdin)?),
        UsersCommand::Passwd(a) => Some(read_password(a.password_stdin)?),
        _ => None,
    };
    block_on(async {
        let mut c = crate::conn::open(cli).await?;
        match cmd {
            UsersCommand::List => {
                let users = c.users_list().await?;
                print_users(cli, &users)
            }
            UsersCommand::Add(a) => {
                let req = UserAdd { name: a.name.clone(), role: a.role, email: a.email.clone(), password };
                let u = c.users_add(&req).await?;
                done(cli, &u, &format!("added {} '{}'", u.role.as_str(), u.name))
            }
            UsersCommand::Remove(n) => {
                let u = c.users_remove(&UserName { name: n.name.clone() }).await?;
                done(cli, &u, &format!("removed user '{}' with their relay keys", u.name))
            }
            UsersCommand::Passwd(a) => {
                let req = UserPasswd { name: a.name.clone(), password: password.unwrap_or_default() };
                let u = c.users_passwd(&req).await?;
                done(cli, &u, &format!("password of '{}' set; their sessions ended", u.name))
            }
            UsersCommand::Role(a) => {
                let u = c.users_role(&UserRole { name: a.name.clone(), role: a.role }).await?;
                done(cli, &u, &format!("'{}' is now {}", u.name, u.role.as_str()))
            }
            UsersCommand::Enable(n) | UsersCommand::Disable(n) => {
                let on = matches!(cmd, UsersCommand::Enable(_));
                let u = c.users_enable(&UserName { name: n.name.clone() }, on).await?;
                done(cli, &u, &format!("{} user '{}'", if on { "enabled" } else { "disabled" }, u.name))
            }
            UsersCommand::Keys(KeysCommand::List(a)) => {
                let keys = c.users_keys_list(&RelayKeysList { user: a.user.clone() }).await?;
                print_keys(cli, &keys)
            }
            UsersCommand::Keys(KeysCommand::Create(a)) => {
                let expires_ms = a.expires.as_deref().map(parse_expiry).transpose()?;
                let req = RelayKeyCreate {
                    user: a.user.clone(),
                    label: a.label.clone(),
                    models: a.models.clone(),
                    rpm: a.rpm,
                    tokens_per_day: a.tokens_per_day,
                    cost_per_month: a.cost_per_month,
                    expires_ms,
                };
                let created = c.users_keys_create(&req).await?;
                if cli.json {
                    println!("{}", serde_json::to_string_pretty(&created)?);
                } else {
                    println!("{}", created.key);
                    eprintln!(
                        "relay key '{}' ({}) for '{}': shown this once, store it now",
                        created.info.label, created.info.prefix, created.info.user
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
            UsersCommand::Invite(a) => {
                let inv = c.users_invite(&InviteCreate { role: a.role, expires_hours: a.expires_hours }).await?;
                if cli.json {
                    println!("{}", serde_json::to_string_pretty(&inv)?);
                } else {
                    println!("{}", inv.code);
                    eprintln!(
                        "invite for one {} account, good until {}: shown this once; the sign-in link is /api/auth/sso/<provider>/login?invite={}",
                        inv.role.as_str(),
                        fmt_time(inv.expires_ms),
                        inv.code
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
            UsersCommand::Keys(KeysCommand::Revoke(a)) => {
                let k = c.users_keys_revoke(&RelayKeyRevoke { prefix: a.prefix.clone() }).await?;
                done(cli, &k, &format!("revoked relay key '{}' ({}) of '{}'", k.label, k.prefix, k.user))
            }
        }
    })
}

fn done<T: serde::Serialize>(cli: &Cli, v: &T, text: &str) -> anyhow::Result<ExitCode> {
    if cli.json {
        println!("{}", serde_json::to_string_pretty(v)?);
    } else {
        println!("{text}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `30d` / `12h` from now, or a date: unix milliseconds.
fn parse_expiry(s: &str) -> anyhow::Result<u64> {
    let now = monorelay::store::unix_ms(std::time::SystemTime::now());
    // `parse_since` reads `30d` as 30 days ago; an expiry is that far ahead.
    let t = crate::conn::parse_since(s)?;
    let starts_with_digit_unit = s.trim().chars().last().is_some_and(|c| "smhdw".contains(c))
        && s.trim().chars().next().is_some_and(|c| c.is_ascii_digit());
    let t = if starts_with_digit_unit { now + (now - t) } else { t };
    if t <= now {
        anyhow::bail!("'{s}' is in the past");
    }
    Ok(t)
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    let pw = if from_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first = crate::conn::prompt_hidden("Password: ")?;
        let again = crate::conn::prompt_hidden("Again: ")?;
        if first != again {
            anyhow::bail!("the passwords differ");
        }
        first
    };
    if pw.is_empty() {
        anyhow::bail!("no password given");
    }
    Ok(pw)
}

fn print_users(cli: &Cli, users: &[UserView]) -> anyhow::Result<ExitCode> {
    if cli.json {
        println!("{}", serde_json::to_string_pretty(users)?);
        return Ok(ExitCode::SUCCESS);
    }
    if users.is_empty() {
        println!("no users (the access key acts as the super-admin; add one with 'monorelay users add NAME')");
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<20} {:<12} {:<8} {:<5} {:<20} EMAIL", "NAME", "ROLE", "STATE", "KEYS", "LAST LOGIN");
    for u in users {
        println!(
            "{:<20} {:<12} {:<8} {:<5} {:<20} {}",
            u.name,
            u.role.as_str(),
            if u.active { "active" } else { "disabled" },
            u.relay_keys,
            u.last_login_ms.map(fmt_time).unwrap_or_else(|| "-".into()),
            u.email.as_deref().unwrap_or("-")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_keys(cli: &Cli, keys: &[RelayKeyView]) -> anyhow::Result<ExitCode> {
    if cli.json {
        println!("{}", serde_json::to_string_pretty(keys)?);
        return Ok(ExitCode::SUCCESS);
    }
    if keys.is_empty() {
        println!("no relay keys");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<12} {:<14} {:<16} {:<8} {:<24} {:<20} USAGE",
        "PREFIX", "USER", "LABEL", "STATE", "LIMITS", "LAST USED"
    );
    let now = monorelay::store::unix_ms(std::time::SystemTime::now());
    for k in keys {
        let state = if k.revoked {
            "revoked"
        } else if k.expires_ms.is_some_and(|e| e <= now) {
            "expired"
        } else {
            "active"
        };
        let l = &k.limits;
        let mut limits = Vec::new();
        if !l.models.is_empty() {
            limits.push(format!("models {}", l.models.join(",")));
        }
        if let Some(r) = l.rpm {
            limits.push(format!("{r} rpm"));
        }
        if let Some(t) = l.tokens_per_day {
            limits.push(format!("{t} tok/day"));
        }
        if let Some(c) = l.cost_per_month {
            limits.push(format!("${c:.2}/month"));
        }
        println!(
            "{:<12} {:<14} {:<16} {:<8} {:<24} {:<20} {} req, {} tok today, ${:.4} this month",
            k.prefix,
            k.user,
            k.label,
            state,
            if limits.is_empty() { "-".to_string() } else { limits.join("; ") },
            k.last_used_ms.map(fmt_time).unwrap_or_else(|| "-".into()),
            k.requests,
            k.tokens_today,
            k.cost_this_month_usd
        );
    }
    Ok(ExitCode::SUCCESS)
}
