//! How the management subcommands reach the data: `monorelay::admin::Client` over the control
//! socket when `serve` runs for this data dir, else over an offline `admin::Service` on the
//! database and config.yml directly (redb allows one process per file). Both go through the same
//! service, so both answer the same. Also the one no-echo terminal prompt the commands share.

use crate::Cli;
use monorelay::admin::{Client, Offline, Service, socket::SOCKET_FILE};
use std::path::PathBuf;
use std::sync::Arc;

/// The data dir `serve` would use: `--data-dir` > `server.data_dir` > `./data`.
pub fn data_dir(cli: &Cli, config: Option<&monorelay::config::Config>) -> PathBuf {
    cli.data_dir
        .clone()
        .or_else(|| config.and_then(|c| c.server.data_dir.clone()))
        .unwrap_or_else(|| PathBuf::from("data"))
}

/// A client of the running server, else of the files.
pub async fn open(cli: &Cli) -> anyhow::Result<Client> {
    let config = crate::config::load(cli).ok();
    let dir = data_dir(cli, config.as_ref());
    if let Ok(c) = Client::connect(&dir.join(SOCKET_FILE)).await {
        return Ok(c);
    }
    let config_path = crate::config::resolve(cli).filter(|p| p.exists());
    let service = Service::offline(Offline { config, config_path, data_dir: dir })?;
    Ok(Client::local(Arc::new(service)))
}

/// A current-thread runtime for one CLI command.
pub fn block_on<T>(f: impl std::future::Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(f)
}

/// `30m`, `24h`, `7d`, `2w`, or an RFC 3339 time / `YYYY-MM-DD`: unix milliseconds.
pub fn parse_since(s: &str) -> anyhow::Result<u64> {
    let now = monorelay::store::unix_ms(std::time::SystemTime::now());
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    if let (Ok(n), Some(mult)) = (
        num.parse::<u64>(),
        match unit {
            "s" => Some(1_000),
            "m" => Some(60_000),
            "h" => Some(3_600_000),
            "d" => Some(86_400_000),
            "w" => Some(7 * 86_400_000),
            _ => None,
        },
    ) {
        return Ok(now.saturating_sub(n.saturating_mul(mult)));
    }
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(u64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(0));
    }
    if let Ok(d) = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")) {
        return Ok(u64::try_from(d.midnight().assume_utc().unix_timestamp()).unwrap_or(0) * 1000);
    }
    anyhow::bail!("'{s}' is not a duration (30m, 24h, 7d) or a date (2025-01-31, RFC 3339)")
}

/// `YYYY-MM-DD HH:MM:SS` (UTC) for unix milliseconds.
pub fn fmt_time(ms: u64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]")).unwrap_or_default()
}

/// Whether to colour stdout.
pub fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Read one line from the terminal without echoing it (keys, passwords, passphrases must not stay
/// on screen). Enter ends it; Ctrl-C or Esc cancels; a paste is taken whole. Not trimmed.
pub fn prompt_hidden(question: &str) -> anyhow::Result<String> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    use std::io::Write;
    eprint!("{question}");
    std::io::stderr().flush()?;
    crossterm::terminal::enable_raw_mode()?;
    let mut line = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(anyhow::anyhow!("cancelled"));
                }
                KeyCode::Esc => break Err(anyhow::anyhow!("cancelled")),
                KeyCode::Char(c) => line.push(c),
                KeyCode::Backspace => {
                    line.pop();
                }
                _ => {}
            },
            Ok(Event::Paste(p)) => line.push_str(&p),
            Ok(_) => {}
            Err(e) => break Err(e.into()),
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    result.map(|()| line)
}
