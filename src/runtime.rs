//! The loop: terminal events, replies and timers in; `update`; effects out; draw when changed.

pub mod backend;
pub mod executor;
mod incident;
#[cfg(unix)]
pub mod input;
mod pointer;
pub mod setup;
#[cfg(unix)]
pub mod signals;
pub mod suspend;
pub mod terminal;
pub mod timer;

use std::future::Future;
use std::time::Instant;

use anyhow::Context as _;
use crossterm::event::{Event, KeyEventKind};
use futures_util::{FutureExt as _, Stream, StreamExt as _};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc;

use crate::api::ApiClient;
use crate::app::state::StatusKind;
use crate::app::update::initial_search;
use crate::app::{Effect, Msg, State, update};
use crate::config::theme::Theme;
pub use setup::Setup;
pub use suspend::Suspension;

/// Users per page of results.
pub const PAGE_SIZE: usize = 100;

/// Input events taken at most between two frames, so a long burst still shows progress.
const BURST: usize = 4096;

/// Runs the console on the real terminal until the person quits, the terminal closes, or a
/// signal ends it (`signals::Stopped` is then the error, and the exit code is 128 + its
/// number); the terminal is restored in every case. An unknown environment ends it with a
/// configuration error (exit 2), as in the CLI.
#[cfg(unix)]
pub async fn run(client: ApiClient, setup: Setup) -> anyhow::Result<()> {
    // Listening first: a signal from now on ends the loop rather than the process.
    let mut signals = signals::StopSignals::new()?;
    let suspension = Suspension::listen(setup.mouse)?;
    let mut guard = terminal::TerminalGuard::enter(setup.mouse)?;
    let events =
        input::events(std::sync::Arc::clone(&guard.sync_output)).context("reading the terminal")?;
    let mut stopped = None;
    let stop = async { stopped = Some(signals.recv().await) };
    let result = run_loop(
        &mut guard.terminal,
        events,
        stop,
        suspension,
        client,
        setup,
        |_| {},
    )
    .await;
    drop(guard);
    // A hang-up also ends the terminal's input: the signal, if it came, is why it ended.
    if let Some(signal) = stopped.or_else(|| signals.recv().now_or_never()) {
        return Err(signal.into());
    }
    match result?.fatal {
        Some(message) => {
            Err(crate::commands::Failure::new(crate::commands::Exit::Usage, message).into())
        }
        None => Ok(()),
    }
}

/// The console needs a Unix terminal (raw input, signals).
#[cfg(not(unix))]
pub async fn run(_client: ApiClient, _setup: Setup) -> anyhow::Result<()> {
    anyhow::bail!("the console needs a Unix terminal; the CLI commands work here")
}

/// The loop itself, over any backend and event stream (tests drive it headless). `stop` ends it
/// when it completes; `suspension` says how Ctrl-Z and SIGTSTP suspend it; `observe` sees the
/// state after every message. Returns the final state.
pub async fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut events: E,
    stop: impl Future<Output = ()>,
    mut suspension: Suspension,
    client: ApiClient,
    setup: Setup,
    mut observe: impl FnMut(&State),
) -> anyhow::Result<State>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = std::io::Result<Event>> + Unpin,
{
    let Setup {
        context,
        keys,
        theme,
        mouse,
        terminal_out,
    } = setup;
    let (replies, mut inbox) = mpsc::unbounded_channel();
    let journal = context.journal.clone();
    let mut executor = executor::Executor::new(client, replies, PAGE_SIZE, journal, terminal_out);
    let mut state = State::new(context, Instant::now());
    let mut timer = timer::Timer::new().context("making the loop's timer")?;
    let size = terminal.size().context("reading the terminal size")?;
    update(&mut state, &keys, resized(size.width, size.height));
    executor.run(initial_search(&mut state));
    executor.run(crate::app::incident::at_start());
    tokio::pin!(stop);
    // Handles one message; says whether it asked to suspend (an effect only the loop can run).
    let mut handle = |state: &mut State, msg: Msg| {
        if let Msg::Key(_) | Msg::Tick(_) | Msg::Pasted(_) | Msg::Pointer(_) = msg {
            state.now = Instant::now();
        }
        let effects = update(state, &keys, msg);
        let asked = effects.contains(&Effect::Suspend);
        executor.run(effects);
        observe(state);
        asked
    };
    let pointing = mouse.then_some(&theme);
    loop {
        if state.dirty {
            terminal
                .draw(|frame| crate::ui::render(&state, &keys, &theme, frame))
                .context("drawing")?;
            state.dirty = false;
        }
        let wake = state.next_wakeup();
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => match to_msg(event, terminal, &state, pointing)? {
                    Some(msg) => msg,
                    None => continue,
                },
                Some(Err(error)) => return Err(error).context("reading the terminal"),
                None => break,
            },
            Some(reply) = inbox.recv() => reply,
            slept = timer.sleep_until(wake) => {
                slept.context("waiting for the next wake-up")?;
                Msg::Tick(Instant::now())
            }
            () = &mut stop => break,
            () = suspension.requested() => {
                suspend(&mut state, terminal, &suspension)?;
                continue;
            }
        };
        let mut suspending = handle(&mut state, msg);
        // Whatever else the terminal has sent already is taken before the next frame: a
        // burst costs one frame, not one per key.
        for _ in 0..BURST {
            if state.quit {
                break;
            }
            match events.next().now_or_never() {
                Some(Some(Ok(event))) => {
                    if let Some(msg) = to_msg(event, terminal, &state, pointing)? {
                        suspending |= handle(&mut state, msg);
                    }
                }
                Some(Some(Err(error))) => return Err(error).context("reading the terminal"),
                Some(None) | None => break,
            }
        }
        if state.quit {
            break;
        }
        if suspending {
            suspend(&mut state, terminal, &suspension)?;
        }
    }
    Ok(state)
}

/// Suspends the console (see [`Suspension`]), then draws the whole screen again: what the
/// terminal showed meanwhile is not the console's.
fn suspend<B>(
    state: &mut State,
    terminal: &mut Terminal<B>,
    suspension: &Suspension,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    state.dirty = true;
    if !suspension.suspend()? {
        state.say(
            StatusKind::Info,
            "Not suspended: no shell with job control started pingdesk, so nothing could bring it back (q quits)",
        );
        return Ok(());
    }
    terminal
        .clear()
        .context("clearing the screen after a suspension")?;
    Ok(())
}

/// The message a terminal event makes, if any: a key pressed, a paste, a resize, and, when
/// `pointing` (the mouse is on, with the theme the layout is measured in), a click or the
/// wheel where it landed on the screen `terminal` shows.
fn to_msg<B>(
    event: Event,
    terminal: &Terminal<B>,
    state: &State,
    pointing: Option<&Theme>,
) -> anyhow::Result<Option<Msg>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    Ok(match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Pasted(text)),
        Event::Resize(width, height) => Some(resized(width, height)),
        Event::Mouse(event) => match pointing {
            Some(theme) => {
                let size = terminal.size().context("reading the terminal size")?;
                pointer::pointer(state, theme, size, event).map(Msg::Pointer)
            }
            None => None,
        },
        _ => None,
    })
}

/// The layout the model needs, measured for a terminal of this size.
fn resized(width: u16, height: u16) -> Msg {
    Msg::Resized {
        list_rows: crate::ui::list_rows(width, height),
        too_small: crate::ui::too_small(width, height),
    }
}
