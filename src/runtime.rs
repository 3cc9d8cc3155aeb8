//! The loop: terminal events, replies and timers in; `update`; effects out; draw when changed.

pub mod executor;
pub mod terminal;

use std::time::Instant;

use anyhow::Context as _;
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures_util::StreamExt as _;
use tokio::sync::mpsc;

use crate::api::ApiClient;
use crate::app::update::initial_search;
use crate::app::{Context, Msg, State, update};
use crate::config::keys::KeyMap;
use crate::config::theme::Theme;

/// Users per page of results.
pub const PAGE_SIZE: usize = 100;

/// Runs the console until the person quits or the session ends.
pub async fn run(client: ApiClient, context: Context) -> anyhow::Result<()> {
    let keys = KeyMap::default();
    let theme = Theme::default();
    let mut guard = terminal::TerminalGuard::enter()?;
    let (replies, mut inbox) = mpsc::unbounded_channel();
    let mut executor = executor::Executor::new(client, replies, PAGE_SIZE);
    let mut state = State::new(context, Instant::now());
    let size = guard.terminal.size().context("reading the terminal size")?;
    update(
        &mut state,
        &keys,
        Msg::Resized {
            width: size.width,
            height: size.height,
        },
    );
    executor.run(initial_search(&mut state));
    let mut events = EventStream::new();
    let mut stop = stop_signals()?;
    loop {
        if state.dirty {
            guard
                .terminal
                .draw(|frame| crate::ui::render(&state, &keys, &theme, frame))
                .context("drawing")?;
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
            () = stop.recv() => break,
        };
        if let Msg::Key(_) | Msg::Tick(_) = msg {
            state.now = Instant::now();
        }
        let effects = update(&mut state, &keys, msg);
        executor.run(effects);
        if state.quit {
            break;
        }
    }
    Ok(())
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

fn stop_signals() -> anyhow::Result<StopSignals> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(StopSignals {
            term: signal(SignalKind::terminate()).context("listening for SIGTERM")?,
            hup: signal(SignalKind::hangup()).context("listening for SIGHUP")?,
        })
    }
    #[cfg(not(unix))]
    Ok(StopSignals {})
}

impl StopSignals {
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
