//! Reading the terminal. A thread blocks on the tty and reads every byte as soon as it arrives
//! (in large reads, so a burst never waits for the next key); bracketed pastes become one
//! event; the rest is parsed into keys and mouse reports (SGR) by `termina`'s parser and handed
//! to the loop as crossterm events. Resizes come from SIGWINCH.
//!
//! Not crossterm's `EventStream`: its reader stops at 1 KiB per readiness edge and leaves the
//! rest of a burst unread until the next key, and its parser holds a paste whose end marker
//! never comes forever, swallowing every later key.

pub mod paste;

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use futures_util::Stream;
use termina::escape::csi::{Csi, DecModeSetting, DecPrivateMode, DecPrivateModeCode, Mode};
use tokio::sync::mpsc::UnboundedSender;

use paste::{Framer, Piece};

/// Bytes asked for per read: a paste or a held key's burst is taken in a few reads.
const READ_SIZE: usize = 64 * 1024;

/// The terminal's events, read on their own thread. `sync_output` is set when the terminal
/// reports that it supports synchronized output (an answer to the query the guard sends).
pub fn events(
    sync_output: Arc<AtomicBool>,
) -> anyhow::Result<impl Stream<Item = io::Result<Event>> + Unpin> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let tty = Tty::open()?;
    let reader = tx.clone();
    std::thread::Builder::new()
        .name("pingdesk-input".into())
        .spawn(move || read_loop(&tty, &reader, &sync_output))?;
    let mut winch = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::window_change())?;
    tokio::spawn(async move {
        while winch.recv().await.is_some() {
            let size = crossterm::terminal::size().map(|(w, h)| Event::Resize(w, h));
            if tx.send(size).is_err() {
                break;
            }
        }
    });
    Ok(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)))
}

/// Standard input when it is the terminal, else `/dev/tty` (as crossterm does).
enum Tty {
    Stdin,
    File(std::fs::File),
}

impl Tty {
    fn open() -> io::Result<Self> {
        if rustix::termios::isatty(rustix::stdio::stdin()) {
            Ok(Self::Stdin)
        } else {
            std::fs::File::open("/dev/tty").map(Self::File)
        }
    }
}

impl AsFd for Tty {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Self::Stdin => rustix::stdio::stdin(),
            Self::File(file) => file.as_fd(),
        }
    }
}

/// Reads until the loop goes away or the terminal fails.
fn read_loop(tty: &Tty, tx: &UnboundedSender<io::Result<Event>>, sync_output: &AtomicBool) {
    let mut buffer = vec![0_u8; READ_SIZE];
    let mut framer = Framer::default();
    let mut parser = termina::Parser::default();
    loop {
        let wait = framer
            .deadline()
            .map(|at| at.saturating_duration_since(Instant::now()));
        let timeout = wait.map(|d| rustix::event::Timespec {
            tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(d.subsec_nanos()),
        });
        let mut fds = [rustix::event::PollFd::new(
            tty,
            rustix::event::PollFlags::IN,
        )];
        let pieces = match rustix::event::poll(&mut fds, timeout.as_ref()) {
            Ok(0) => framer.expire(Instant::now()),
            Ok(_) => match rustix::io::read(tty, &mut buffer) {
                Ok(0) => {
                    let _ = tx.send(Err(io::ErrorKind::UnexpectedEof.into()));
                    return;
                }
                Ok(n) => framer.feed(&buffer[..n], n == buffer.len(), Instant::now()),
                Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
                Err(error) => {
                    let _ = tx.send(Err(error.into()));
                    return;
                }
            },
            Err(rustix::io::Errno::INTR) => continue,
            Err(error) => {
                let _ = tx.send(Err(error.into()));
                return;
            }
        };
        for piece in pieces {
            let sent = match piece {
                Piece::Keys { bytes, more } => {
                    parser.parse(&bytes, more);
                    std::iter::from_fn(|| parser.pop())
                        .filter_map(|event| convert(event, sync_output))
                        .all(|event| tx.send(Ok(event)).is_ok())
                }
                Piece::Paste { text, ended } => {
                    if !ended {
                        tracing::warn!(
                            bytes = text.len(),
                            "a paste never sent its end marker; ended it when input went quiet"
                        );
                    }
                    tx.send(Ok(Event::Paste(text))).is_ok()
                }
            };
            if !sent {
                return; // the loop has ended
            }
        }
    }
}

/// A termina event as the crossterm event the loop takes; a synchronized-output report sets
/// the flag instead. Events the console does not use become `None`.
fn convert(event: termina::Event, sync_output: &AtomicBool) -> Option<Event> {
    match event {
        termina::Event::Key(key) => Some(Event::Key(KeyEvent {
            code: key_code(key.code)?,
            modifiers: modifiers(key.modifiers),
            kind: match key.kind {
                termina::event::KeyEventKind::Press => KeyEventKind::Press,
                termina::event::KeyEventKind::Repeat => KeyEventKind::Repeat,
                termina::event::KeyEventKind::Release => KeyEventKind::Release,
            },
            state: KeyEventState::empty(),
        })),
        termina::Event::Paste(text) => Some(Event::Paste(text)),
        termina::Event::Mouse(mouse) => Some(Event::Mouse(MouseEvent {
            kind: mouse_kind(mouse.kind),
            column: mouse.column,
            row: mouse.row,
            modifiers: modifiers(mouse.modifiers),
        })),
        termina::Event::Csi(Csi::Mode(Mode::ReportDecPrivateMode {
            mode: DecPrivateMode::Code(DecPrivateModeCode::SynchronizedOutput),
            setting,
        })) => {
            let supported = matches!(
                setting,
                DecModeSetting::Set | DecModeSetting::Reset | DecModeSetting::PermanentlySet
            );
            sync_output.store(supported, Ordering::Relaxed);
            None
        }
        _ => None,
    }
}

fn key_code(code: termina::event::KeyCode) -> Option<KeyCode> {
    use termina::event::KeyCode as T;
    Some(match code {
        T::Char(c) => KeyCode::Char(c),
        T::Enter => KeyCode::Enter,
        T::Backspace => KeyCode::Backspace,
        T::Tab => KeyCode::Tab,
        T::BackTab => KeyCode::BackTab,
        T::Escape => KeyCode::Esc,
        T::Left => KeyCode::Left,
        T::Right => KeyCode::Right,
        T::Up => KeyCode::Up,
        T::Down => KeyCode::Down,
        T::Home => KeyCode::Home,
        T::End => KeyCode::End,
        T::PageUp => KeyCode::PageUp,
        T::PageDown => KeyCode::PageDown,
        T::Insert => KeyCode::Insert,
        T::Delete => KeyCode::Delete,
        T::Function(n) => KeyCode::F(n),
        _ => return None,
    })
}

fn mouse_kind(kind: termina::event::MouseEventKind) -> MouseEventKind {
    use termina::event::{MouseButton as B, MouseEventKind as T};
    let button = |b| match b {
        B::Left => MouseButton::Left,
        B::Right => MouseButton::Right,
        B::Middle => MouseButton::Middle,
    };
    match kind {
        T::Down(b) => MouseEventKind::Down(button(b)),
        T::Up(b) => MouseEventKind::Up(button(b)),
        T::Drag(b) => MouseEventKind::Drag(button(b)),
        T::Moved => MouseEventKind::Moved,
        T::ScrollDown => MouseEventKind::ScrollDown,
        T::ScrollUp => MouseEventKind::ScrollUp,
        T::ScrollLeft => MouseEventKind::ScrollLeft,
        T::ScrollRight => MouseEventKind::ScrollRight,
    }
}

fn modifiers(from: termina::event::Modifiers) -> KeyModifiers {
    use termina::event::Modifiers as T;
    [
        (T::SHIFT, KeyModifiers::SHIFT),
        (T::ALT, KeyModifiers::ALT),
        (T::CONTROL, KeyModifiers::CONTROL),
        (T::SUPER, KeyModifiers::SUPER),
        (T::HYPER, KeyModifiers::HYPER),
        (T::META, KeyModifiers::META),
    ]
    .into_iter()
    .filter(|(t, _)| from.contains(*t))
    .fold(KeyModifiers::NONE, |all, (_, m)| all | m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `bytes` as the reader does and converts the events.
    fn parse(bytes: &[u8]) -> Vec<Event> {
        let mut parser = termina::Parser::default();
        let flag = AtomicBool::new(false);
        parser.parse(bytes, false);
        std::iter::from_fn(|| parser.pop())
            .filter_map(|e| convert(e, &flag))
            .collect()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn the_keys_the_console_uses_arrive_as_crossterm_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            parse(b"j\r\t\x1b[A\x1b[6~\x7f\x03"),
            [
                key(KeyCode::Char('j'), none),
                key(KeyCode::Enter, none),
                key(KeyCode::Tab, none),
                key(KeyCode::Up, none),
                key(KeyCode::PageDown, none),
                key(KeyCode::Backspace, none),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            ]
        );
        assert_eq!(parse(b"\x1b"), [key(KeyCode::Esc, none)]);
        assert_eq!(parse("é".as_bytes()), [key(KeyCode::Char('é'), none)]);
    }

    #[test]
    fn sgr_mouse_reports_arrive_as_crossterm_mouse_events() {
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        // SGR is 1-based; crossterm's events are 0-based. Columns past 223 fit too.
        assert_eq!(
            parse(b"\x1b[<0;12;5M\x1b[<0;12;5m\x1b[<64;300;40M\x1b[<65;1;1M"),
            [
                at(MouseEventKind::Down(MouseButton::Left), 11, 4),
                at(MouseEventKind::Up(MouseButton::Left), 11, 4),
                at(MouseEventKind::ScrollUp, 299, 39),
                at(MouseEventKind::ScrollDown, 0, 0),
            ]
        );
    }

    #[test]
    fn a_synchronized_output_report_sets_the_flag() {
        let flag = AtomicBool::new(false);
        let mut parser = termina::Parser::default();
        parser.parse(b"\x1b[?2026;2$y", false);
        let event = parser.pop().expect("a report");
        assert!(convert(event, &flag).is_none());
        assert!(flag.load(Ordering::Relaxed));
        parser.parse(b"\x1b[?2026;0$y", false);
        convert(parser.pop().expect("a report"), &flag);
        assert!(!flag.load(Ordering::Relaxed));
    }
}
