//! `monorelay top`: find the running server's control socket and hand over to the dashboard in
//! `tui/`.

use crate::Cli;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct TopArgs {
    /// The server's control socket (default: monorelay.sock in the data dir).
    #[arg(long, value_name = "PATH")]
    pub socket: Option<PathBuf>,
}

/// The socket `serve` opens: in `--data-dir`, else `server.data_dir` of the config, else ./data.
fn socket_path(cli: &Cli, args: &TopArgs) -> PathBuf {
    if let Some(s) = &args.socket {
        return s.clone();
    }
    let dir = cli.data_dir.clone().unwrap_or_else(|| {
        crate::config::load(cli).ok().and_then(|c| c.server.data_dir).unwrap_or_else(|| PathBuf::from("data"))
    });
    dir.join(monorelay::admin::socket::SOCKET_FILE)
}

pub fn run(cli: &Cli, args: &TopArgs) -> anyhow::Result<ExitCode> {
    crate::tui::run(crate::tui::Options { socket: socket_path(cli, args) })?;
    Ok(ExitCode::SUCCESS)
}
