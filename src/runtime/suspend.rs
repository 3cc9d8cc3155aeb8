//! Suspending the console (Ctrl-Z, or a SIGTSTP from outside): the terminal is given back as it
//! was, the process group stops as a shell's job does, and on `fg` (SIGCONT) the console takes
//! the terminal again and draws the whole screen. Nothing in the console is lost meanwhile.
//! Started with no job-control shell to return to (`ssh -t host pingdesk`, a tmux window running
//! it directly), nothing could continue it, so it does not stop: as the kernel ignores SIGTSTP
//! for such an orphaned process group.

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
    /// terminal again; the caller draws the whole screen afterwards. `false` when there is no
    /// job-control shell to return to: nothing was done.
    pub fn suspend(&self) -> anyhow::Result<bool> {
        if !self.real {
            return Ok(true);
        }
        if !job_control() {
            tracing::info!("not suspended: no job-control shell to continue pingdesk");
            return Ok(false);
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
        super::terminal::take_again(self.mouse)?;
        Ok(true)
    }
}

/// Whether a job-control shell can continue this process once stopped: its parent is in the
/// same session and another process group (POSIX: the group is not orphaned).
#[cfg(unix)]
fn job_control() -> bool {
    use rustix::process::{getpgid, getppid, getsid};
    let Some(parent) = getppid() else {
        return false;
    };
    match (getsid(None), getsid(Some(parent)), getpgid(Some(parent))) {
        (Ok(ours), Ok(theirs), Ok(their_group)) => {
            ours == theirs && their_group != rustix::process::getpgrp()
        }
        _ => false,
    }
}

#[cfg(not(unix))]
fn job_control() -> bool {
    false
}
