//! The loop: terminal events, replies and timers in; `update`; effects out; draw when changed.

pub mod executor;
pub mod terminal;

use std::future::Future;
use std::time::Instant;

use anyhow::Context as _;
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures_util::{Stream, StreamExt as _};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use tokio::sync::mpsc;

use crate::api::ApiClient;
use crate::app::update::initial_search;
use crate::app::{Context, Msg, State, update};
use crate::config::keys::KeyMap;
use crate::config::theme::Theme;

/// Users per page of results.
pub const PAGE_SIZE: usize = 100;

/// Runs the console on the real terminal until the person quits, the terminal closes, or
/// SIGTERM/SIGHUP arrives; the terminal is restored in every case.
pub async fn run(client: ApiClient, context: Context) -> anyhow::Result<()> {
    let mut guard = terminal::TerminalGuard::enter()?;
    let mut signals = StopSignals::new()?;
    run_loop(
        &mut guard.terminal,
        EventStream::new(),
        signals.recv(),
        client,
        context,
        |_| {},
    )
    .await
    .map(drop)
}

/// The loop itself, over any backend and event stream (tests drive it headless). `stop` ends it
/// when it completes; `observe` sees the state after every message. Returns the final state.
pub async fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut events: E,
    stop: impl Future<Output = ()>,
    client: ApiClient,
    context: Context,
    mut observe: impl FnMut(&State),
) -> anyhow::Result<State>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = std::io::Result<Event>> + Unpin,
{
    let keys = KeyMap::default();
    let theme = Theme::default();
    let (replies, mut inbox) = mpsc::unbounded_channel();
    let mut executor = executor::Executor::new(client, replies, PAGE_SIZE);
    let mut state = State::new(context, Instant::now());
    let size = terminal.size().context("reading the terminal size")?;
    update(
        &mut state,
        &keys,
        Msg::Resized {
            width: size.width,
            height: size.height,
        },
    );
    executor.run(initial_search(&mut state));
    tokio::pin!(stop);
    let mut repaint = false;
    loop {
        if state.dirty {
            if repaint {
                // Not Terminal::clear: it asks the terminal for the cursor position, and the
                // answer would be swallowed by the event stream. Clear, then make both buffers
                // blank so the next draw writes every cell.
                terminal
                    .backend_mut()
                    .clear_region(ClearType::All)
                    .context("clearing the screen")?;
                terminal.swap_buffers();
            }
            let frame = terminal
                .draw(|frame| crate::ui::render(&state, &keys, &theme, frame))
                .context("drawing")?;
            let cells = frame.buffer.content();
            repaint = cells
                .iter()
                .any(|cell| crate::ui::text::has_fragile_width(cell.symbol()));
            state.dirty = false;
        }
        let wake = state.next_wakeup().map(tokio::time::Instant::from_std);
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind == KeyEventKind::Press => Msg::Key(key),
                Some(Ok(Event::Resize(width, height))) => Msg::Resized { width, height },
                Some(Ok(_)) => continue,
                Some(Err(error)) => return Err(error).context("reading the terminal"),
                None => break,
            },
            Some(reply) = inbox.recv() => reply,
            () = sleep_until(wake) => Msg::Tick(Instant::now()),
            () = &mut stop => break,
        };
        if let Msg::Key(_) | Msg::Tick(_) = msg {
            state.now = Instant::now();
        }
        let effects = update(&mut state, &keys, msg);
        executor.run(effects);
        observe(&state);
        if state.quit {
            break;
        }
    }
    Ok(state)
}

async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// SIGTERM and SIGHUP (a dropped SSH session) end the loop, so the terminal is restored.
struct StopSignals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hup: tokio::signal::unix::Signal,
}

impl StopSignals {
    fn new() -> anyhow::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Self {
                term: signal(SignalKind::terminate()).context("listening for SIGTERM")?,
                hup: signal(SignalKind::hangup()).context("listening for SIGHUP")?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    async fn recv(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.term.recv() => tracing::info!("SIGTERM: leaving"),
            _ = self.hup.recv() => tracing::info!("SIGHUP: leaving"),
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await;
    }
}
