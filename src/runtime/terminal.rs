//! The terminal: raw mode and the alternate screen on, and always restored, on exit, error or
//! panic (the panic itself goes to the log file).

use std::io::Stdout;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Owns the terminal while the console runs; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Logs panics to the log file, then enters raw mode and the alternate screen. ratatui's
    /// init adds its own restoring hook after ours, so the terminal is restored on panic too.
    pub fn enter() -> anyhow::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            tracing::error!(panic = %info, "pingdesk panicked");
            previous(info);
        }));
        let terminal = ratatui::try_init().context("setting up the terminal")?;
        Ok(Self { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}
