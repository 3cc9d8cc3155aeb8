//! The terminal: raw mode, the alternate screen, bracketed paste, a hidden cursor and, when
//! asked for, mouse capture while the console runs, and always restored: on quit, on error, on panic (the panic itself goes to the
//! log file) and on every signal that ends the process (see `signals`).

use std::io::{Stdout, Write as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;
use ratatui::Terminal;

use super::backend::DeltaBackend;

/// Asks whether the terminal supports synchronized output (DECRQM for mode 2026). Nothing
/// waits for the answer: the input reader sets a flag if one comes, and terminals that do not
/// know the query ignore it.
const QUERY_SYNC_OUTPUT: &[u8] = b"\x1b[?2026$p";
/// Raw mode aside, everything the console turns on, in order.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l";
/// Mouse capture: presses, releases and the wheel (not every move: nothing uses them, and each
/// would wake the loop), reported in SGR form, which has no column limit.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
/// Undoes [`ENTER`], [`MOUSE_ON`] and anything a frame may have left on: colours and
/// attributes, synchronized output, mouse capture, bracketed paste, the alternate screen, the
/// hidden cursor. Turning off a mode that is not on does nothing, so it is the same whether
/// the mouse was captured or not.
const LEAVE: &[u8] = b"\x1b[0m\x1b[?2026l\x1b[?1006l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// Whether the terminal is set up (so restoring twice does not leave the alternate screen
/// twice, which moves the cursor back over what was printed in between).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Owns the terminal while the console runs; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal, over the backend that writes only what changed.
    pub terminal: Terminal<DeltaBackend<Stdout>>,
    /// Set by the input reader when the terminal supports synchronized output.
    pub sync_output: Arc<AtomicBool>,
}

impl TerminalGuard {
    /// Logs and restores on panic, then enters raw mode, the alternate screen and bracketed
    /// paste (and mouse capture with `mouse`), and asks whether synchronized output is
    /// supported.
    pub fn enter(mouse: bool) -> anyhow::Result<Self> {
        install_panic_hook();
        take(mouse, QUERY_SYNC_OUTPUT)?;
        let sync_output = Arc::new(AtomicBool::new(false));
        let backend = DeltaBackend::new(std::io::stdout(), Arc::clone(&sync_output));
        let terminal = match Terminal::new(backend) {
            Ok(terminal) => terminal,
            Err(error) => {
                restore();
                return Err(error).context("reading the terminal size");
            }
        };
        Ok(Self {
            terminal,
            sync_output,
        })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Takes the terminal again after [`restore`] (coming back from a suspension): raw mode, the
/// alternate screen, bracketed paste, the hidden cursor and, with `mouse`, mouse capture.
pub fn take_again(mouse: bool) -> anyhow::Result<()> {
    take(mouse, b"")
}

/// Raw mode, then [`ENTER`], [`MOUSE_ON`] with `mouse`, and `then`; restored on failure.
fn take(mouse: bool, then: &[u8]) -> anyhow::Result<()> {
    crossterm::terminal::enable_raw_mode().context("entering raw mode")?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = std::io::stdout();
    let entered = out
        .write_all(ENTER)
        .and_then(|()| out.write_all(if mouse { MOUSE_ON } else { b"" }))
        .and_then(|()| out.write_all(then))
        .and_then(|()| out.flush());
    if let Err(error) = entered {
        restore();
        return Err(error).context("setting up the terminal");
    }
    Ok(())
}

/// Puts the terminal back as it was: the modes [`TerminalGuard::enter`] turned on are turned
/// off and raw mode ends. Only the first call after entering does anything; safe when the
/// terminal is gone.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = std::io::stdout();
    let _ = out.write_all(LEAVE).and_then(|()| out.flush());
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Logs a panic to the log file and restores the terminal before the default hook prints the
/// panic, so the message lands on the normal screen. Installed once.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            tracing::error!(panic = %info, "pingdesk panicked");
            restore();
            previous(info);
        }));
    });
}
