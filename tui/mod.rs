//! `monorelay top`: a live dashboard of a running server, over its control socket. This file owns
//! the terminal and the event loop: it sets the terminal up and restores it on every exit path
//! (a panic included), turns key presses, the clock and the socket's news into `Msg`s on one
//! channel, applies them to the `App`, carries out the `Action`s that come back, and redraws
//! after each batch. State lives in `app`, drawing in `draw`, the socket in `client`.

pub mod app;
pub mod client;
pub mod detail;
pub mod draw;
#[cfg(test)]
mod snapshots;

use app::{Action, App, Msg};
use client::Request;
use crossterm::event::Event;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::mpsc;

/// The clock's tick: uptime, countdowns and the one-minute window move once a second; nothing
/// else wakes the loop while the server is idle.
const TICK: Duration = Duration::from_secs(1);
/// At most one redraw per this long while records pour in.
const FRAME_MIN: Duration = Duration::from_millis(50);

#[derive(Debug)]
pub struct Options {
    pub socket: PathBuf,
}

/// Colours unless `NO_COLOR` is set (to anything non-empty) or the terminal has none.
fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    !no_color && !dumb && crossterm::style::available_color_count() >= 8
}

fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(std::io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Restores the terminal when dropped: covers `?` returns as well as the normal end.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub fn run(opts: Options) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("'monorelay top' needs a terminal (stdout is not one)");
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    let _guard = TerminalGuard;
    crossterm::execute!(std::io::stdout(), EnterAlternateScreen, crossterm::cursor::Hide)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    terminal.clear()?;

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (tx, rx) = mpsc::unbounded_channel::<Msg>();
    let (req_tx, req_rx) = mpsc::unbounded_channel::<Request>();
    // Terminal input blocks in its own thread: no polling, so an idle `top` sleeps.
    let input_tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            let msg = match crossterm::event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => return,
            };
            if input_tx.send(msg).is_err() {
                return;
            }
        }
    });
    let _client = rt.spawn(client::run(opts.socket, tx, req_rx));
    let size = terminal.size()?;
    let mut app = App::new(client::now_ms(), colour_wanted());
    app.apply(Msg::Resize(size.width, size.height));
    rt.block_on(event_loop(&mut terminal, &mut app, rx, req_tx))
}

async fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    app: &mut App,
    mut rx: mpsc::UnboundedReceiver<Msg>,
    req_tx: mpsc::UnboundedSender<Request>,
) -> anyhow::Result<()> {
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_draw = tokio::time::Instant::now();
    terminal.draw(|f| draw::draw(f, app))?;
    loop {
        let first = tokio::select! {
            m = rx.recv() => match m {
                Some(m) => m,
                None => return Ok(()),
            },
            _ = tick.tick() => Msg::Tick(client::now_ms()),
        };
        let since = last_draw.elapsed();
        if since < FRAME_MIN && !matches!(first, Msg::Key(_)) {
            tokio::time::sleep(FRAME_MIN - since).await;
        }
        // Apply everything that is waiting, then draw once.
        let mut next = Some(first);
        while let Some(msg) = next {
            for action in app.apply(msg) {
                let req = match action {
                    Action::Quit => return Ok(()),
                    Action::FetchDetail(id) => Request::Detail(id),
                    Action::KeySet { provider, label, enabled } => Request::KeySet { provider, label, enabled },
                    Action::KeyReset { provider, label } => Request::KeyReset { provider, label },
                    Action::RefreshKeys => Request::RefreshKeys,
                };
                let _ = req_tx.send(req);
            }
            next = rx.try_recv().ok();
        }
        terminal.draw(|f| draw::draw(f, app))?;
        last_draw = tokio::time::Instant::now();
    }
}
