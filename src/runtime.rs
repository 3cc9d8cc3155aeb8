//! The loop: terminal events, replies and timers in; `update`; effects out; draw when changed.

pub mod executor;
mod incident;
mod pointer;
pub mod setup;
pub mod terminal;

use std::future::Future;
use std::time::Instant;

use anyhow::Context as _;
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures_util::{Stream, StreamExt as _};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use tokio::sync::mpsc;

use crate::api::ApiClient;
use crate::app::update::initial_search;
use crate::app::{Msg, State, update};
pub use setup::Setup;

/// Users per page of results.
pub const PAGE_SIZE: usize = 100;

/// Runs the console on the real terminal until the person quits, the terminal closes, or
/// SIGTERM/SIGHUP arrives; the terminal is restored in every case.
pub async fn run(client: ApiClient, setup: Setup) -> anyhow::Result<()> {
    let mut guard = terminal::TerminalGuard::enter(setup.mouse)?;
    let mut signals = StopSignals::new()?;
    run_loop(
        &mut guard.terminal,
        EventStream::new(),
        signals.recv(),
        client,
        setup,
        |_| {},
    )
    .await
    .and_then(|state| match state.fatal {
        Some(message) => {
            Err(crate::commands::Failure::new(crate::commands::Exit::Usage, message).into())
        }
        None => Ok(()),
    })
}

/// The loop itself, over any backend and event stream (tests drive it headless). `stop` ends it
/// when it completes; `observe` sees the state after every message. Returns the final state.
pub async fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut events: E,
    stop: impl Future<Output = ()>,
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
    let size = terminal.size().context("reading the terminal size")?;
    update(&mut state, &keys, resized(size.width, size.height));
    executor.run(initial_search(&mut state));
    executor.run(crate::app::incident::at_start());
    tokio::pin!(stop);
    // Rows of the last frame that hold text of fragile width (see `has_fragile_width`).
    let mut fragile: Vec<u16> = Vec::new();
    loop {
        if state.dirty {
            clear_rows(terminal, &fragile)?;
            let frame = terminal
                .draw(|frame| crate::ui::render(&state, &keys, &theme, frame))
                .context("drawing")?;
            fragile = fragile_rows(frame.buffer);
            if !fragile.is_empty() {
                let drawn = frame.buffer.clone();
                forget_rows(terminal, drawn, &fragile);
            }
            state.dirty = false;
        }
        let wake = state.next_wakeup().map(tokio::time::Instant::from_std);
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind == KeyEventKind::Press => Msg::Key(key),
                Some(Ok(Event::Resize(width, height))) => resized(width, height),
                Some(Ok(Event::Mouse(event))) if mouse => {
                    let size = terminal.size().context("reading the terminal size")?;
                    match pointer::pointer(&state, &theme, size, event) {
                        Some(pointer) => Msg::Pointer(pointer),
                        None => continue,
                    }
                }
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

/// The layout the model needs, measured for a terminal of this size.
fn resized(width: u16, height: u16) -> Msg {
    Msg::Resized {
        list_rows: crate::ui::list_rows(width, height),
        too_small: crate::ui::too_small(width, height),
    }
}

/// The rows of `buffer` holding text whose display width terminals and `unicode-width` may
/// disagree on, each with the row below: the terminal may have drawn the rest of such a row off
/// by a cell, and a cell pushed past the right edge wraps onto the next row.
fn fragile_rows(buffer: &Buffer) -> Vec<u16> {
    let area = buffer.area;
    let mut rows: Vec<u16> = Vec::new();
    for y in area.top()..area.bottom() {
        let fragile = (area.left()..area.right())
            .any(|x| crate::ui::width::has_fragile_width(buffer[(x, y)].symbol()));
        if fragile {
            rows.extend([y, y + 1].into_iter().filter(|&r| r < area.bottom()));
        }
    }
    rows.dedup();
    rows
}

/// Makes ratatui believe `rows` of the frame just drawn are blank, so the next draw writes every
/// cell of them (after [`clear_rows`] has blanked them on the terminal too). The rest of the
/// screen keeps being diffed, so a frame with Devanagari on it costs a few rows, not a repaint.
fn forget_rows<B: Backend>(terminal: &mut Terminal<B>, mut drawn: Buffer, rows: &[u16]) {
    let area = drawn.area;
    for &y in rows {
        for x in area.left()..area.right() {
            drawn[(x, y)].reset();
        }
    }
    // After a draw the current buffer is blank and the other holds the frame. Swapping resets
    // the frame's buffer and makes it current; fill it with `drawn` and swap back, so `drawn` is
    // what the next diff compares against.
    terminal.swap_buffers();
    *terminal.current_buffer_mut() = drawn;
    terminal.swap_buffers();
}

/// Clears `rows` on the terminal. Not `Terminal::clear`: it asks the terminal for the cursor
/// position, and the answer would be swallowed by the event stream.
fn clear_rows<B>(terminal: &mut Terminal<B>, rows: &[u16]) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let backend = terminal.backend_mut();
    for &y in rows {
        backend
            .set_cursor_position(Position::new(0, y))
            .context("moving the cursor")?;
        backend
            .clear_region(ClearType::UntilNewLine)
            .context("clearing a row")?;
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

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    use super::*;

    /// Draws `text` as the loop does; returns the frame and its fragile rows.
    fn draw(terminal: &mut Terminal<TestBackend>, text: &str) -> (Buffer, Vec<u16>) {
        let frame = terminal
            .draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))
            .expect("drawn");
        let (drawn, rows) = (frame.buffer.clone(), fragile_rows(frame.buffer));
        if !rows.is_empty() {
            forget_rows(terminal, drawn.clone(), &rows);
        }
        (drawn, rows)
    }

    #[test]
    fn rows_with_fragile_text_are_cleared_then_drawn_whole() {
        let mut terminal = Terminal::new(TestBackend::new(16, 4)).expect("a test terminal");
        let text = "ana\nप्रिया\nbob\nend";
        let (first, rows) = draw(&mut terminal, text);
        assert_eq!(rows, [1, 2], "the row and the one below");
        clear_rows(&mut terminal, &rows).expect("cleared");
        let (second, rows) = draw(&mut terminal, text);
        assert_eq!(rows, [1, 2]);
        assert_eq!(first, second);
        assert_eq!(
            terminal.backend().buffer(),
            &second,
            "the cleared rows were drawn again"
        );
    }

    #[test]
    fn plain_text_is_not_fragile() {
        let mut terminal = Terminal::new(TestBackend::new(16, 2)).expect("a test terminal");
        assert!(draw(&mut terminal, "Zoë 田中\nДмитрий").1.is_empty());
    }
}
