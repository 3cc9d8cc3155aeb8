//! Suspending the console (Ctrl-Z, or a SIGTSTP from outside): the terminal is given back as it
//! was, the process group stops as a shell's job does, and on `fg` (SIGCONT) the console takes
//! the terminal again and draws the whole screen. Nothing in the console is lost meanwhile.

/// What suspending does: listens for SIGTSTP and gives the real terminal back, or (headless,
/// for tests) neither.
pub struct Suspension {
    /// SIGTSTP, when listened for.
    #[cfg(unix)]
    signal: Option<tokio::signal::unix::Signal>,
    /// Whether the terminal is real (given back and taken again) and the process stops.
    real: bool,
    /// Whether mouse capture comes back on.
    mouse: bool,
}

impl Suspension {
    /// Listens for SIGTSTP from now on (its default action would stop the process with the
    /// terminal still in raw mode); suspending gives the real terminal back.
    #[cfg(unix)]
    pub fn listen(mouse: bool) -> anyhow::Result<Self> {
        use anyhow::Context as _;
        use tokio::signal::unix::{SignalKind, signal};
        let tstp = SignalKind::from_raw(rustix::process::Signal::TSTP.as_raw());
        let signal = signal(tstp).context("listening for SIGTSTP")?;
        Ok(Self {
            signal: Some(signal),
            real: true,
            mouse,
        })
    }

    /// No signal and no terminal: suspending only redraws (the headless loop's tests).
    pub fn headless() -> Self {
        Self {
            #[cfg(unix)]
            signal: None,
            real: false,
            mouse: false,
        }
    }

    /// Waits for a SIGTSTP from outside (forever, when none is listened for).
    pub async fn requested(&mut self) {
        #[cfg(unix)]
        if let Some(signal) = &mut self.signal {
            signal.recv().await;
            return;
        }
        std::future::pending::<()>().await;
    }

    /// Gives the terminal back, stops the process group until SIGCONT (`fg`), then takes the
    /// terminal again. The caller draws the whole screen afterwards.
    pub fn suspend(&self) -> anyhow::Result<()> {
        if !self.real {
            return Ok(());
        }
        tracing::info!("suspended: the terminal is restored until fg");
        super::terminal::restore();
        #[cfg(unix)]
        {
            use anyhow::Context as _;
            // SIGSTOP, not SIGTSTP: SIGTSTP is ours now and would only come back here.
            rustix::process::kill_current_process_group(rustix::process::Signal::STOP)
                .context("stopping the process group")?;
        }
        tracing::info!("continued: taking the terminal again");
        super::terminal::take_again(self.mouse)
    }
}
