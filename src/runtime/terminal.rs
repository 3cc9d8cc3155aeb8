//! The terminal: raw mode and the alternate screen on, and always restored, on exit, error or
//! panic (the panic itself goes to the log file).

use std::io::Stdout;

use anyhow::Context as _;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Owns the terminal while the console runs; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// Whether mouse capture was turned on (and must be turned off).
    mouse: bool,
}

impl TerminalGuard {
    /// Logs panics to the log file, then enters raw mode and the alternate screen. ratatui's
    /// init adds its own restoring hook after ours, so the terminal is restored on panic too.
    /// With `mouse`, mouse capture goes on too (and off again on exit and on panic).
    pub fn enter(mouse: bool) -> anyhow::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            tracing::error!(panic = %info, "pingdesk panicked");
            if mouse {
                let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
            }
            previous(info);
        }));
        let mut terminal = ratatui::try_init().context("setting up the terminal")?;
        if mouse {
            crossterm::execute!(terminal.backend_mut(), EnableMouseCapture)
                .context("turning the mouse on")?;
        }
        Ok(Self { terminal, mouse })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
}
