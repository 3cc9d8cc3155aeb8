//! The real binary in a pseudo-terminal with any arguments and environment (a command that
//! prompts, or the console against a given simulator): keys in, a `vt100` screen out, the exit
//! code at the end. Waits scale with `PINGDESK_PTY_TIMEOUT_SECS`.

#![allow(dead_code)] // each test file uses a different part

use std::io::{Read as _, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The patience for one wait.
pub fn patience() -> Duration {
    let secs = std::env::var("PINGDESK_PTY_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(20);
    Duration::from_secs(secs)
}

/// A program running in a PTY.
pub struct Term {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    ended: Receiver<()>,
}

impl Term {
    /// Starts `pingdesk args…` in a `cols`×`rows` PTY with exactly `env` (plus `TERM`).
    pub fn spawn(args: &[&str], env: &[(String, String)], cols: u16, rows: u16) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                ..PtySize::default()
            })
            .expect("a PTY");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_pingdesk"));
        command.args(args);
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawned");
        drop(pair.slave);
        let size = |n: u16| NonZeroU16::new(n).expect("not zero");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (done, ended) = mpsc::channel();
        let (feed, keep) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0_u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                lock(&feed).process(&buf[..n]);
                lock(&keep).extend_from_slice(&buf[..n]);
            }
            let _ = done.send(());
        });
        let writer = pair.master.take_writer().expect("a writer");
        Self {
            screen,
            raw,
            writer,
            child,
            _master: pair.master,
            ended,
        }
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        lock(&self.screen).screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// Types `bytes`.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("typed");
        self.writer.flush().expect("flushed");
    }

    /// Waits until `ready(screen)` holds, then returns the screen; panics with it after the wait.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + patience();
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program to exit (killing it after the wait) and for its last output;
    /// returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + patience();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("polled") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("pingdesk did not exit:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let _ = self.ended.recv_timeout(patience());
        status.exit_code()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
