//! The signals that end the console: SIGINT, SIGQUIT, SIGTERM and SIGHUP (a dropped SSH
//! session). Each ends the loop so the terminal is restored, is logged, and makes the process
//! exit with 128 + its number, as a shell reports a process a signal killed.

use anyhow::Context as _;
use tokio::signal::unix::{Signal, SignalKind, signal};

/// A signal that ended the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("stopped by {name}")]
pub struct Stopped {
    /// Its name, e.g. `SIGTERM`.
    pub name: &'static str,
    /// Its number.
    pub number: i32,
}

impl Stopped {
    /// The exit code a shell gives a process this signal ended: 128 + the signal number.
    pub fn exit_code(self) -> u8 {
        u8::try_from(128 + self.number).unwrap_or(u8::MAX)
    }
}

/// Listens for the signals from the moment it is made (until then, their default action ends
/// the process before the terminal is touched).
pub struct StopSignals {
    listening: Vec<(Stopped, Signal)>,
}

impl StopSignals {
    /// Starts listening.
    pub fn new() -> anyhow::Result<Self> {
        let kinds = [
            ("SIGINT", SignalKind::interrupt()),
            ("SIGQUIT", SignalKind::quit()),
            ("SIGTERM", SignalKind::terminate()),
            ("SIGHUP", SignalKind::hangup()),
        ];
        let mut listening = Vec::new();
        for (name, kind) in kinds {
            let stream = signal(kind).with_context(|| format!("listening for {name}"))?;
            let stopped = Stopped {
                name,
                number: kind.as_raw_value(),
            };
            listening.push((stopped, stream));
        }
        Ok(Self { listening })
    }

    /// Waits for the first of the signals; logs it.
    pub async fn recv(&mut self) -> Stopped {
        let waits = self.listening.iter_mut().map(|(stopped, stream)| {
            Box::pin(async move {
                stream.recv().await;
                *stopped
            })
        });
        let (stopped, _, _) = futures_util::future::select_all(waits).await;
        tracing::info!(signal = stopped.name, "stopping: the terminal is restored");
        stopped
    }
}
