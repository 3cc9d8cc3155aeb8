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
///
/// Read with nix, not rustix: inside a PID namespace (a container, `unshare --pid`) the kernel
/// answers 0 for a session or group whose leader lies outside it, which rustix's `Pid` may not
/// hold (a debug assertion, undefined behaviour in release).
#[cfg(unix)]
fn job_control() -> bool {
    use nix::unistd::{Pid, getpgid, getpgrp, getppid, getsid};
    let raw = |id: nix::Result<Pid>| id.map_or(-1, Pid::as_raw);
    let parent = getppid();
    let known_parent = (parent.as_raw() > 0).then_some(parent);
    let ids = JobIds {
        parent: parent.as_raw(),
        our_session: raw(getsid(None)),
        their_session: known_parent.map_or(0, |p| raw(getsid(Some(p)))),
        our_group: getpgrp().as_raw(),
        their_group: known_parent.map_or(0, |p| raw(getpgid(Some(p)))),
    };
    let verdict = ids.continuable();
    if !verdict {
        tracing::debug!(?ids, "no job control");
    }
    verdict
}

/// The process ids that decide whether a shell holds this process as a job. 0 (or −1, an
/// error) is unknown: an id outside this PID namespace, or a parent already gone.
#[derive(Debug, Clone, Copy)]
struct JobIds {
    /// The parent process.
    parent: i32,
    /// This process's session.
    our_session: i32,
    /// The parent's session.
    their_session: i32,
    /// This process's group.
    our_group: i32,
    /// The parent's group.
    their_group: i32,
}

impl JobIds {
    /// Same known session, different groups. Anything unknown says no: stopping a process that
    /// nothing can continue would freeze the session for good.
    fn continuable(self) -> bool {
        let known = [
            self.parent,
            self.our_session,
            self.their_session,
            self.our_group,
        ];
        known.iter().all(|&id| id > 0)
            && self.our_session == self.their_session
            && self.their_group != self.our_group
    }
}

#[cfg(not(unix))]
fn job_control() -> bool {
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::JobIds;

    /// A shell (pid 100, group 100, session 100) running pingdesk as job 200.
    const SHELL_JOB: JobIds = JobIds {
        parent: 100,
        our_session: 100,
        their_session: 100,
        our_group: 200,
        their_group: 100,
    };

    #[test]
    fn a_shell_job_can_be_continued() {
        assert!(SHELL_JOB.continuable());
    }

    #[test]
    fn a_session_leader_or_a_parent_in_our_group_cannot() {
        let own_session = JobIds {
            our_session: 200,
            ..SHELL_JOB
        };
        assert!(!own_session.continuable(), "started directly in a terminal");
        let same_group = JobIds {
            their_group: 200,
            ..SHELL_JOB
        };
        assert!(
            !same_group.continuable(),
            "a parent in our own group is no job-control shell"
        );
    }

    #[test]
    fn ids_outside_the_pid_namespace_are_unknown_and_say_no() {
        // Both sessions led from outside a container read 0: equal, but nothing says they
        // are the same session.
        let outside = JobIds {
            our_session: 0,
            their_session: 0,
            their_group: 0,
            ..SHELL_JOB
        };
        assert!(!outside.continuable());
        let orphan = JobIds {
            parent: 0,
            ..SHELL_JOB
        };
        assert!(!orphan.continuable(), "a parent outside the namespace");
        let failed = JobIds {
            their_session: -1,
            ..SHELL_JOB
        };
        assert!(!failed.continuable(), "getsid failed");
    }
}
